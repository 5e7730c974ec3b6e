#include "experiments/RunRow.h"

#include "common/NumberText.h"
#include "common/RunStatusText.h"

#include "flightdeck/store/MetricKeys.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace flightdeck::ui {

namespace {

// The table's texts; the context is the table's, where a translator looks for them.
class RunText {
    Q_DECLARE_TR_FUNCTIONS(flightdeck::ui::RunsTable)
public:
    static QString duration(double seconds)
    {
        const qint64 s = static_cast<qint64>(std::llround(std::max(0.0, seconds)));
        if (s < 60) return tr("%1 s").arg(s);
        if (s < 3600) return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
        return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
    }
    static QString atStep(std::int64_t step) { return tr("best at step %1").arg(step); }
    static QString recordedAt(std::int64_t step, std::int64_t asked)
    {
        return tr("recorded at step %1 (the last point at or before step %2)").arg(step).arg(asked);
    }
    static QString bestOfSweep(const QString& name, const QString& objective, int trial)
    {
        return tr("Trial %1 of %2, its best run by %3").arg(trial).arg(name, objective);
    }
    static QString trialOf(const QString& name, int trial) { return tr("Trial %1 of %2").arg(trial).arg(name); }
};

QString fromView(std::string_view s) { return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size())); }

QString metricText(const QString& key, double value)
{
    const QLocale locale;
    if (key == fromView(metric::ValAccuracy))
        return locale.toString(value * 100.0, 'f', 2) + QStringLiteral(" %");
    return locale.toString(value, 'g', 5);
}

RunCell numberCell(const QString& text, double value) { return {text, QVariant(value), {}}; }
RunCell textCell(const QString& text) { return {text, text.isEmpty() ? QVariant() : QVariant(text), {}}; }

}  // namespace

const std::vector<std::string>& summarizedMetricKeys()
{
    static const std::vector<std::string> keys = {
        std::string(metric::ValAccuracy), std::string(metric::ValLoss), std::string(metric::ValRmse),
        std::string(metric::ValMae), std::string(metric::ValR2), std::string(metric::TrainLoss)};
    return keys;
}

const QStringList& leadingParamKeys()
{
    static const QStringList keys = {
        QStringLiteral("learning_rate"), QStringLiteral("batch_size"), QStringLiteral("epochs"),
        QStringLiteral("optimizer"), QStringLiteral("weight_decay"), QStringLiteral("schedule"),
        QStringLiteral("seed")};
    return keys;
}

void RunRow::buildCells()
{
    cells.clear();
    using K = RunColumnKind;
    cells.insert({K::Id, {}}, numberCell(QString::number(run.id), static_cast<double>(run.id)));
    cells.insert({K::Name, {}}, textCell(QString::fromStdString(run.name)));
    RunCell status = numberCell(RunStatusText::text(run.status), static_cast<double>(run.status));
    status.toolTip = QString::fromStdString(run.error);
    cells.insert({K::Status, {}}, status);
    cells.insert({K::Tags, {}}, textCell(tags.join(QStringLiteral(", "))));
    RunCell noteCell = textCell(note.section(QLatin1Char('\n'), 0, 0));
    noteCell.toolTip = note;
    cells.insert({K::Note, {}}, noteCell);
    for (const auto& [key, summary] : metrics) {
        const QString k = QString::fromStdString(key);
        cells.insert({K::MetricLast, k}, numberCell(metricText(k, summary.last), summary.last));
        if (summary.hasBest) {
            RunCell best = numberCell(metricText(k, summary.best), summary.best);
            best.toolTip = RunText::atStep(summary.bestStep);
            cells.insert({K::MetricBest, k}, best);
        }
        if (summary.hasAt) {
            RunCell at = numberCell(metricText(k, summary.at), summary.at);
            at.toolTip = RunText::recordedAt(summary.atFound, atStep);
            cells.insert({K::MetricAtStep, k}, at);
        }
    }
    for (const auto& [key, value] : params) {
        const QString text = QString::fromStdString(value);
        bool number = false;
        const double v = text.toDouble(&number);
        cells.insert({K::Param, QString::fromStdString(key)},
                     number && std::isfinite(v) ? numberCell(text, v) : textCell(text));
    }
    if (sweepId > 0) {
        // The sweep's name, starred on its best run; sorted by sweep, then trial.
        RunCell sweep = numberCell(sweepName + (sweepBest ? QStringLiteral(" \u2605") : QString()),
                                   static_cast<double>(sweepId) * 1e4 + sweepTrial);
        sweep.toolTip = sweepBest ? RunText::bestOfSweep(sweepName, sweepObjective, sweepTrial + 1)
                                  : RunText::trialOf(sweepName, sweepTrial + 1);
        cells.insert({K::Sweep, {}}, sweep);
    }
    RunCell dataset = textCell(datasetHash.left(10));
    dataset.toolTip = datasetHash;
    cells.insert({K::Dataset, {}}, dataset);
    cells.insert({K::Architecture, {}}, textCell(architecture));
    cells.insert({K::Device, {}}, textCell(QString::fromStdString(run.device)));
    cells.insert({K::Started, {}}, numberCell(NumberText::dateTime(run.startedAt), run.startedAt));
    const double now = static_cast<double>(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
    const double end = run.endedAt ? *run.endedAt
                                   : (run.status == store::RunStatus::Running ? now : 0);
    if (end > 0)
        cells.insert({K::Duration, {}}, numberCell(RunText::duration(end - run.startedAt),
                                                  end - run.startedAt));

    // One field a line, so ^ and $ anchor to a field (the filter is multi-line).
    QStringList lines = {QString::number(run.id), QString::fromStdString(run.name),
                         RunStatusText::text(run.status),
                         QString::fromLatin1(store::runStatusName(run.status)), architecture,
                         QString::fromStdString(run.device)};
    for (const QString& tag : tags)
        lines.append(tag);
    if (sweepId > 0)
        lines.append(QStringLiteral("sweep=") + sweepName);
    if (!note.isEmpty())
        lines.append(note);
    for (const auto& [key, value] : params)
        lines.append(QString::fromStdString(key) + QLatin1Char('=') + QString::fromStdString(value));
    filterText = lines.join(QLatin1Char('\n'));
}

const RunCell* RunRow::cell(const RunColumn& column) const
{
    const auto it = cells.constFind(column);
    return it == cells.cend() ? nullptr : &it.value();
}

QVariant RunRow::value(const RunColumn& column) const
{
    const RunCell* c = cell(column);
    return c ? c->sort : QVariant();
}

}  // namespace flightdeck::ui
