#include "labeling/LabelingDocument.h"

#include "labeling/LabelWriter.h"
#include "labeling/SetRowsCommand.h"

#include "flightdeck/data/ClassName.h"

#include <QUndoStack>

namespace flightdeck::ui {

using flightdeck::store::LabelSource;

LabelingDocument::LabelingDocument(QObject* parent)
    : QObject(parent), undoStack_(new QUndoStack(this))
{
    undoStack_->setObjectName(QStringLiteral("labelingUndoStack"));
}

LabelingDocument::~LabelingDocument() = default;

void LabelingDocument::load(std::shared_ptr<const LabelingData> data,
                            std::unique_ptr<LabelWriter> writer)
{
    clear();
    data_ = std::move(data);
    writer_ = std::move(writer);
    if (writer_)
        connect(writer_.get(), &LabelWriter::failed, this, &LabelingDocument::saveFailed);
    const auto& w = data_->labels;
    rows_.resize(w.size());
    seconds_.assign(w.seconds.begin(), w.seconds.end());
    for (const auto& c : w.classes)
        classes_ << QString::fromStdString(c);
    counts_.assign(static_cast<std::size_t>(classes_.size()), 0);
    shown_.assign(static_cast<std::size_t>(classes_.size()), false);
    // Classes a person added stay listed even when empty.
    const std::size_t fromVersion = data_->images ? data_->pixels.classes.size()
                                                  : data_->table.classes.size();
    for (std::size_t c = fromVersion; c < shown_.size(); ++c)
        shown_[c] = true;
    for (std::size_t r = 0; r < w.size(); ++r) {
        rows_[r] = RowState{w.labels[r], w.verified[r] != 0, w.sources[r]};
        if (w.labels[r] >= 0) {
            ++counts_[static_cast<std::size_t>(w.labels[r])];
            ++labeled_;
        }
        verifiedCount_ += w.verified[r] ? 1 : 0;
    }
    Q_EMIT loaded();
    Q_EMIT classesChanged();
}

void LabelingDocument::clear()
{
    undoStack_->clear();
    writer_.reset();   // writes what is queued first
    data_.reset();
    rows_.clear();
    seconds_.clear();
    classes_.clear();
    counts_.clear();
    shown_.clear();
    labeled_ = verifiedCount_ = 0;
}

QString LabelingDocument::name(int r) const
{
    return QString::fromStdString(data_->labels.names[static_cast<std::size_t>(r)]);
}

QList<int> LabelingDocument::visibleClasses() const
{
    QList<int> out;
    for (int c = 0; c < classes_.size(); ++c)
        if (counts_[static_cast<std::size_t>(c)] > 0 || shown_[static_cast<std::size_t>(c)])
            out << c;
    return out;
}

QColor LabelingDocument::classColor(int index) const
{
    // Kelly's colours of maximum contrast, without white and black: distinct for the first
    // twenty classes on light and dark themes.
    static const QRgb palette[] = {0xF3C300, 0x875692, 0xF38400, 0xA1CAF1, 0xBE0032, 0xC2B280,
                                   0x848482, 0x008856, 0xE68FAC, 0x0067A5, 0xF99379, 0x604E97,
                                   0xF6A600, 0xB3446C, 0xDCD300, 0x882D17, 0x8DB600, 0x654522,
                                   0xE25822, 0x2B3D26};
    if (index < 0)
        return QColor(Qt::transparent);
    return QColor(palette[index % int(std::size(palette))]);
}

void LabelingDocument::changeRows(const QList<int>& rows, const QString& text, double secondsSpent,
                                  const std::function<RowState(const RowState&)>& change)
{
    std::vector<int> touched;
    std::vector<RowState> before, after;
    for (int r : rows) {
        if (r < 0 || r >= count())
            continue;
        const RowState next = change(row(r));
        if (next == row(r))
            continue;
        touched.push_back(r);
        before.push_back(row(r));
        after.push_back(next);
    }
    if (touched.empty())
        return;
    undoStack_->push(new SetRowsCommand(this, std::move(touched), std::move(before),
                                        std::move(after), secondsSpent, text));
}

void LabelingDocument::setLabel(const QList<int>& rows, int classIndex, double secondsSpent)
{
    const QString text = classIndex < 0
                             ? tr("Remove label from %n item(s)", nullptr, int(rows.size()))
                             : tr("Label %n item(s) %1", nullptr, int(rows.size()))
                                   .arg(classes_.value(classIndex));
    // Labeling an item again with its class still confirms a model's pre-label.
    changeRows(rows, text, secondsSpent, [classIndex](const RowState& s) {
        return RowState{classIndex, classIndex >= 0 && s.label == classIndex && s.verified,
                        LabelSource::User};
    });
}

void LabelingDocument::setVerified(const QList<int>& rows, bool verified)
{
    changeRows(rows, verified ? tr("Mark %n item(s) verified", nullptr, int(rows.size()))
                              : tr("Unmark %n item(s) verified", nullptr, int(rows.size())),
               0, [verified](const RowState& s) {
                   RowState n = s;
                   n.verified = verified && s.label >= 0;
                   return n;
               });
}

void LabelingDocument::acceptPreLabels(const QList<int>& rows)
{
    changeRows(rows, tr("Accept %n pre-label(s)", nullptr, int(rows.size())), 0,
               [](const RowState& s) {
                   RowState n = s;
                   if (s.source == LabelSource::Model)
                       n.source = LabelSource::User;
                   return n;
               });
}

void LabelingDocument::preLabel(const QList<int>& rows, const QList<int>& classes)
{
    std::vector<int> touched;
    std::vector<RowState> before, after;
    for (int i = 0; i < rows.size() && i < classes.size(); ++i) {
        const int r = rows[i];
        if (r < 0 || r >= count() || row(r).label >= 0 || classes[i] < 0)
            continue;   // never over a label someone gave
        touched.push_back(r);
        before.push_back(row(r));
        after.push_back(RowState{classes[i], false, LabelSource::Model});
    }
    if (touched.empty())
        return;
    const int n = int(touched.size());
    undoStack_->push(new SetRowsCommand(this, std::move(touched), std::move(before),
                                        std::move(after), 0,
                                        tr("Pre-label %n item(s) with the model", nullptr, n)));
}

int LabelingDocument::ensureClassRaw(const QString& name)
{
    const int existing = classes_.indexOf(name);
    if (existing >= 0)
        return existing;
    classes_ << name;
    counts_.push_back(0);
    shown_.push_back(false);
    return int(classes_.size()) - 1;
}

QString LabelingDocument::classNameProblem(const QString& rawName)
{
    const QByteArray utf8 = rawName.trimmed().toUtf8();
    if (utf8.size() > qsizetype(flightdeck::data::kMaxClassNameBytes))
        return tr("A class name is at most %1 bytes long; this one has %2.")
            .arg(flightdeck::data::kMaxClassNameBytes)
            .arg(utf8.size());
    // The rest of core's rule (control characters; a pasted tab or line break).
    if (!utf8.isEmpty() && !flightdeck::data::classNameFault(std::string_view(utf8.constData(), std::size_t(utf8.size()))).empty())
        return tr("A class name cannot hold control characters such as a tab or a line break.");
    return {};
}

int LabelingDocument::addClass(const QString& rawName)
{
    const QString name = rawName.trimmed();
    if (name.isEmpty() || !data_ || !classNameProblem(name).isEmpty())
        return -1;
    const int index = ensureClassRaw(name);
    if (!visibleClasses().contains(index))
        undoStack_->push(new ShowClassCommand(this, index, true));
    return index;
}

void LabelingDocument::renameClass(int index, const QString& rawName)
{
    const QString name = rawName.trimmed();
    if (index < 0 || index >= classes_.size() || name.isEmpty() || name == classes_[index]
        || !classNameProblem(name).isEmpty())
        return;
    if (classes_.contains(name))
        return mergeClass(index, classes_.indexOf(name));
    undoStack_->push(new RenameClassCommand(this, index, classes_[index], name));
}

void LabelingDocument::mergeClass(int from, int into)
{
    if (from == into || from < 0 || into < 0 || from >= classes_.size() || into >= classes_.size())
        return;
    undoStack_->beginMacro(tr("Merge class %1 into %2").arg(classes_[from], classes_[into]));
    QList<int> rows;
    for (int r = 0; r < count(); ++r)
        if (row(r).label == from)
            rows << r;
    changeRows(rows, QString(), 0, [into](const RowState& s) { return RowState{into, s.verified, s.source}; });
    undoStack_->push(new ShowClassCommand(this, from, false));
    undoStack_->endMacro();
}

void LabelingDocument::deleteClass(int index)
{
    if (index < 0 || index >= classes_.size())
        return;
    undoStack_->beginMacro(tr("Delete class %1").arg(classes_[index]));
    QList<int> rows;
    for (int r = 0; r < count(); ++r)
        if (row(r).label == index)
            rows << r;
    changeRows(rows, QString(), 0, [](const RowState&) { return RowState{-1, false, LabelSource::User}; });
    undoStack_->push(new ShowClassCommand(this, index, false));
    undoStack_->endMacro();
}

void LabelingDocument::applyRaw(const std::vector<int>& rows, const std::vector<RowState>& states,
                                double secondsSpent)
{
    std::vector<flightdeck::data::LabelChange> changes;
    changes.reserve(rows.size());
    bool classesMoved = false;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        RowState& s = rows_[static_cast<std::size_t>(rows[i])];
        const RowState& n = states[i];
        flightdeck::data::LabelChange c;
        c.row = rows[i];
        c.previous = s.label < 0 ? std::string() : classes_[s.label].toStdString();
        c.className = n.label < 0 ? std::string() : classes_[n.label].toStdString();
        c.verified = n.verified;
        c.source = n.source;
        c.seconds = rows.size() == 1 ? secondsSpent : secondsSpent / double(rows.size());
        changes.push_back(std::move(c));
        if (s.label != n.label) {
            if (s.label >= 0) { --counts_[static_cast<std::size_t>(s.label)]; --labeled_; }
            if (n.label >= 0) { ++counts_[static_cast<std::size_t>(n.label)]; ++labeled_; }
            classesMoved = classesMoved || (s.label >= 0 && counts_[std::size_t(s.label)] == 0)
                           || (n.label >= 0 && counts_[std::size_t(n.label)] == 1);
        }
        verifiedCount_ += int(n.verified) - int(s.verified);
        if (secondsSpent > 0)
            seconds_[static_cast<std::size_t>(rows[i])] = static_cast<float>(changes.back().seconds);
        s = n;
    }
    if (writer_)
        writer_->write(versionId(), std::move(changes));
    Q_EMIT rowsChanged(rows);
    if (classesMoved)
        Q_EMIT classesChanged();
}

void LabelingDocument::renameClassRaw(int index, const QString& name)
{
    const std::string before = classes_[index].toStdString();
    classes_[index] = name;
    std::vector<int> rows;
    std::vector<flightdeck::data::LabelChange> changes;
    for (int r = 0; r < count(); ++r) {
        const RowState& s = rows_[static_cast<std::size_t>(r)];
        if (s.label != index)
            continue;
        rows.push_back(r);
        changes.push_back({r, name.toStdString(), before, s.verified, s.source, 0});
    }
    if (writer_) {
        // Kept listed under its new name even while it has no rows.
        if (shown_[static_cast<std::size_t>(index)] || rows.empty())
            writer_->addClass(versionId(), name);
        writer_->write(versionId(), std::move(changes));
    }
    Q_EMIT classesChanged();
    Q_EMIT rowsChanged(rows);
}

void LabelingDocument::setClassShownRaw(int index, bool shown)
{
    shown_[static_cast<std::size_t>(index)] = shown;
    if (shown && writer_)
        writer_->addClass(versionId(), classes_[index]);
    Q_EMIT classesChanged();
}

}  // namespace flightdeck::ui
