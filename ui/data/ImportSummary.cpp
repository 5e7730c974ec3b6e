#include "data/ImportSummary.h"

#include <QFileInfo>
#include <QLocale>

namespace flightdeck::ui {

namespace {

using flightdeck::data::DatasetTask;
using flightdeck::data::LabelConcern;
using flightdeck::data::ResizeRule;

QString number(qint64 n)
{
    return QLocale().toString(n);
}

QString sourceName(const QString& source)
{
    const QString name = QFileInfo(source).fileName();
    return name.isEmpty() ? source : name;
}

}  // namespace

QString ImportSummary::taskText(DatasetTask task)
{
    switch (task) {
    case DatasetTask::TableClassification: return tr("classification");
    case DatasetTask::TableRegression: return tr("regression");
    case DatasetTask::ImageClassification: return tr("image classification");
    }
    return {};
}

QString ImportSummary::taskReason(const flightdeck::data::LabelAssessment& a, DatasetTask detected)
{
    const QString d = number(qint64(a.distinct)), r = number(qint64(a.rows));
    if (detected == DatasetTask::TableRegression)
        return tr("%1 distinct numbers in %2 rows: a regression target.").arg(d, r);
    switch (a.concern) {
    case LabelConcern::LooksLikeId:
        return tr("%1 distinct values in %2 rows: classes, though it looks more like an id.").arg(d, r);
    case LabelConcern::ManyClasses:
        return tr("%1 distinct values in %2 rows: classes, unusually many.").arg(d, r);
    case LabelConcern::None:
    case LabelConcern::LooksContinuous:
        break;
    }
    return a.numeric ? tr("%1 distinct numbers in %2 rows: class labels.").arg(d, r)
                     : tr("%1 distinct values in %2 rows: class labels.").arg(d, r);
}

bool ImportSummary::isWarning(const ImportOutcome& o)
{
    if (!o.skipped.empty() || o.existingWithOtherTask || o.skippedRows > 0)
        return true;
    // idxMessage's two warnings: no training images, or no test part to evaluate on.
    if (o.kind == ImportOutcome::Kind::Idx && (o.idxTestOnly || (o.splitId > 0 && o.splitTest == 0)))
        return true;
    return o.kind == ImportOutcome::Kind::Csv && o.task == DatasetTask::TableClassification
           && o.assessment.concern != LabelConcern::None;
}

QString ImportSummary::message(const ImportOutcome& o)
{
    switch (o.kind) {
    case ImportOutcome::Kind::Csv: return csvMessage(o);
    case ImportOutcome::Kind::Images: return imagesMessage(o);
    case ImportOutcome::Kind::Idx: return idxMessage(o);
    }
    return {};
}

QString ImportSummary::csvMessage(const ImportOutcome& o)
{
    QString text = tr("Imported %1 as dataset version #%2: %3 rows, %4 features, label \"%5\".")
                       .arg(sourceName(o.source))
                       .arg(o.versionId)
                       .arg(number(o.count), number(o.features), o.labelName);
    text += QLatin1Char(' ')
            + (o.taskDetected ? tr("Task: %1 (detected).") : tr("Task: %1 (chosen).")).arg(taskText(o.task));
    if (o.unlabeled > 0)
        text += QLatin1Char(' ') + tr("Rows without a label: %1 (unlabeled, in no split until labeled).")
                                       .arg(number(o.unlabeled));
    if (o.skippedRows > 0)
        text += QLatin1Char(' ') + tr("Lines skipped: %1.").arg(number(o.skippedRows));
    if (o.existingWithOtherTask)
        text += QLatin1Char(' ')
                + tr("This content already was version #%1 of the dataset, recorded as %2; a "
                     "version never changes. Import it under another dataset name to record it "
                     "as %3.")
                      .arg(o.versionId)
                      .arg(taskText(o.task), taskText(o.askedTask));
    if (o.task == DatasetTask::TableClassification) {
        const QString concern = labelConcern(o.assessment.concern, qint64(o.assessment.distinct),
                                                            qint64(o.assessment.rows));
        if (!concern.isEmpty())
            text += QLatin1Char(' ') + concern;
    } else if (o.taskDetected) {
        text += QLatin1Char(' ') + tr("The label has %1 distinct numbers; choose classification "
                                      "when importing if they are classes.")
                                       .arg(number(qint64(o.assessment.distinct)));
    }
    return text;
}

QString ImportSummary::imagesMessage(const ImportOutcome& o)
{
    const QString shape = tr("%1 × %2 × %3").arg(o.channels).arg(o.height).arg(o.width);
    const QString labels = o.labeled ? tr("classes from the folder names: %1").arg(number(o.classes))
                                     : tr("unlabeled (a flat folder)");
    const double rate = o.seconds > 0 ? double(o.bytes) / 1e6 / o.seconds : 0.0;
    QString text = tr("Imported %1 images from %2 as dataset version #%3: %4, %5, in %6 s (%7 MB/s).")
                       .arg(number(o.count), sourceName(o.source))
                       .arg(o.versionId)
                       .arg(shape, labels, QLocale().toString(o.seconds, 'f', 1),
                            QLocale().toString(rate, 'f', 0));
    if (o.resized > 0) {
        const char* rule = o.rule == ResizeRule::Fit    ? QT_TR_NOOP("fit, letterboxed")
                           : o.rule == ResizeRule::Crop ? QT_TR_NOOP("crop, centred")
                                                        : QT_TR_NOOP("stretch");
        text += QLatin1Char(' ')
                + tr("Resized to %1 × %2 (%3), images of other sizes: %4.")
                      .arg(o.width)
                      .arg(o.height)
                      .arg(tr(rule), number(o.resized));
    }
    return text + skippedSentence(o);
}

QString ImportSummary::idxMessage(const ImportOutcome& o)
{
    QString text = tr("Imported %1 images from %2 (%3) as dataset version #%4: %5 × %6, classes: "
                      "%7, in %8 s.")
                       .arg(number(o.count), sourceName(o.source),
                            o.idxPrefixes.join(QStringLiteral(", ")))
                       .arg(o.versionId)
                       .arg(o.height)
                       .arg(o.width)
                       .arg(number(o.classes), QLocale().toString(o.seconds, 'f', 1));
    if (o.splitId > 0)
        text += QLatin1Char(' ')
                + tr("Split #%1 keeps the files' own test part: %2 train, %3 validation, %4 test.")
                      .arg(o.splitId)
                      .arg(number(o.splitTrain), number(o.splitVal), number(o.splitTest));
    if (o.splitId > 0 && o.splitTest == 0)
        text += QLatin1Char(' ')
                + tr("Warning: its test part is empty (no t10k pair beside the training files), so "
                     "runs on it cannot be evaluated; import the folder with its t10k files.");
    if (o.idxTestOnly)
        text += QLatin1Char(' ')
                + tr("Warning: only test (t10k) files were found, so this version has no "
                     "training images and no split was made; import the folder with its "
                     "train-images and train-labels files to train on it.");
    return text;
}

QString ImportSummary::skippedSentence(const ImportOutcome& o)
{
    if (o.skipped.empty())
        return {};
    QStringList named;
    for (std::size_t i = 0; i < o.skipped.size() && i < std::size_t(kNamedSkipped); ++i)
        named << tr("%1 (%2)").arg(QString::fromStdString(o.skipped[i].file),
                                   QString::fromStdString(o.skipped[i].reason));
    QString text = QLatin1Char(' ') + tr("Files skipped: %1: %2")
                                          .arg(number(qint64(o.skipped.size())),
                                               named.join(QStringLiteral("; ")));
    const qint64 more = qint64(o.skipped.size()) - kNamedSkipped;
    return text + (more > 0 ? QLatin1Char(' ') + tr("and %1 more (hover for the list).").arg(number(more))
                            : QStringLiteral("."));
}

QString ImportSummary::skippedList(const ImportOutcome& o)
{
    QStringList lines;
    for (std::size_t i = 0; i < o.skipped.size() && i < std::size_t(kListedSkipped); ++i)
        lines << tr("%1: %2").arg(QString::fromStdString(o.skipped[i].file),
                                  QString::fromStdString(o.skipped[i].reason));
    if (o.skipped.size() > std::size_t(kListedSkipped))
        lines << tr("… and %1 more").arg(number(qint64(o.skipped.size()) - kListedSkipped));
    return lines.join(QLatin1Char('\n'));
}

QString ImportSummary::labelConcern(flightdeck::data::LabelConcern concern, qint64 distinct, qint64 rows)
{
    using flightdeck::data::LabelConcern;
    const QString d = number(distinct), r = number(rows);
    switch (concern) {
    case LabelConcern::None: return {};
    case LabelConcern::LooksLikeId:
        return tr("Warning: the label has %1 distinct values in %2 rows; it looks like an id, "
                  "not a class.").arg(d, r);
    case LabelConcern::LooksContinuous:
        return tr("Warning: the label has %1 distinct numbers in %2 rows; it looks like a "
                  "continuous (regression) target, imported as %1 classes.").arg(d, r);
    case LabelConcern::ManyClasses:
        return tr("Warning: %1 classes is unusually many.").arg(d);
    }
    return {};
}

}  // namespace flightdeck::ui
