#include "experiments/RunTableModel.h"

#include "flightdeck/store/MetricKeys.h"

#include <QColor>
#include <QFont>
#include <QSet>

#include <algorithm>
#include <map>
#include <set>

namespace flightdeck::ui {

namespace {

// Colour says at a glance which runs need attention.
QColor statusColour(store::RunStatus status)
{
    switch (status) {
    case store::RunStatus::Running: return QColor(0x1f, 0x77, 0xb4);
    case store::RunStatus::Completed: return QColor(0x2c, 0x8a, 0x2c);
    case store::RunStatus::Failed: return QColor(0xc6, 0x28, 0x28);
    case store::RunStatus::Interrupted: return QColor(0xb0, 0x6a, 0x00);
    case store::RunStatus::Cancelled: break;
    }
    return QColor(0x80, 0x80, 0x80);
}

bool isNumeric(RunColumnKind kind)
{
    switch (kind) {
    case RunColumnKind::Id: case RunColumnKind::MetricLast: case RunColumnKind::MetricBest:
    case RunColumnKind::MetricAtStep: case RunColumnKind::Duration:
        return true;
    default:
        return false;
    }
}

}  // namespace

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

QStringList RunTableModel::parseTags(const QString& text)
{
    QStringList out;
    for (const QString& part : text.split(QLatin1Char(','))) {
        const QString tag = part.trimmed();
        if (!tag.isEmpty() && !out.contains(tag))
            out.append(tag);
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<RunColumn> RunTableModel::columnsFor(const std::vector<RunRow>& rows) const
{
    using K = RunColumnKind;
    std::vector<RunColumn> out = {{K::Id, {}}, {K::Name, {}}, {K::Status, {}}};
    // The Sweep column only once a sweep has run, beside the status.
    if (std::any_of(rows.begin(), rows.end(), [](const RunRow& r) { return r.sweepId > 0; }))
        out.push_back({K::Sweep, {}});
    out.push_back({K::Tags, {}});
    out.push_back({K::Note, {}});
    std::set<std::string> lastKeys, bestKeys, atKeys, paramKeys;
    for (const RunRow& row : rows) {
        for (const auto& [key, summary] : row.metrics) {
            lastKeys.insert(key);
            if (summary.hasBest)
                bestKeys.insert(key);
            if (summary.hasAt)
                atKeys.insert(key);
        }
        for (const auto& entry : row.params)
            paramKeys.insert(entry.first);
    }
    for (const std::string& key : summarizedMetricKeys()) {
        if (bestKeys.count(key))
            out.push_back({K::MetricBest, QString::fromStdString(key)});
        if (lastKeys.count(key))
            out.push_back({K::MetricLast, QString::fromStdString(key)});
        if (atKeys.count(key))
            out.push_back({K::MetricAtStep, QString::fromStdString(key)});
    }
    for (const QString& key : leadingParamKeys())
        if (paramKeys.erase(key.toStdString()))
            out.push_back({K::Param, key});
    for (const std::string& key : paramKeys)
        out.push_back({K::Param, QString::fromStdString(key)});
    for (K kind : {K::Dataset, K::Architecture, K::Device, K::Started, K::Duration})
        out.push_back({kind, {}});
    return out;
}

void RunTableModel::setRows(std::vector<RunRow> rows)
{
    std::vector<RunColumn> columns = columnsFor(rows);
    const std::int64_t atStep = rows.empty() ? 0 : rows.front().atStep;
    if (columns != columns_ || atStep != atStep_) {   // the at-step is in the titles
        beginResetModel();
        atStep_ = atStep;
        columns_ = std::move(columns);
        rows_ = std::move(rows);
        endResetModel();
        return;
    }
    std::map<qint64, std::size_t> incoming;
    for (std::size_t i = 0; i < rows.size(); ++i)
        incoming.emplace(rows[i].run.id, i);
    for (int r = static_cast<int>(rows_.size()) - 1; r >= 0; --r) {
        if (incoming.count(rows_[static_cast<std::size_t>(r)].run.id))
            continue;
        beginRemoveRows({}, r, r);
        rows_.erase(rows_.begin() + r);
        endRemoveRows();
    }
    std::vector<bool> placed(rows.size(), false);
    for (RunRow& row : rows_) {
        const std::size_t i = incoming.at(row.run.id);
        row = std::move(rows[i]);
        placed[i] = true;
    }
    if (!rows_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    std::vector<RunRow> added;
    for (std::size_t i = 0; i < rows.size(); ++i)
        if (!placed[i])
            added.push_back(std::move(rows[i]));
    if (added.empty())
        return;
    const int first = rowCount();
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    for (RunRow& row : added)
        rows_.push_back(std::move(row));
    endInsertRows();
}

const RunRow* RunTableModel::rowOf(qint64 runId) const
{
    const int r = sourceRowOf(runId);
    return r < 0 ? nullptr : &rows_[static_cast<std::size_t>(r)];
}

int RunTableModel::sourceRowOf(qint64 runId) const
{
    for (std::size_t i = 0; i < rows_.size(); ++i)
        if (rows_[i].run.id == runId)
            return static_cast<int>(i);
    return -1;
}

int RunTableModel::columnOf(const RunColumn& column) const
{
    const auto it = std::find(columns_.begin(), columns_.end(), column);
    return it == columns_.end() ? -1 : static_cast<int>(it - columns_.begin());
}

void RunTableModel::retranslate()
{
    for (RunRow& row : rows_)
        row.buildCells();
    if (!rows_.empty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, columnCount() - 1));
    if (!columns_.empty())
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, columnCount() - 1);
}

int RunTableModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int RunTableModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(columns_.size());
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RunRow& row = rows_[static_cast<std::size_t>(index.row())];
    const RunColumn& column = columns_[static_cast<std::size_t>(index.column())];
    switch (role) {
    case RunIdRole: return static_cast<qlonglong>(row.run.id);
    case StatusRole: return QVariant::fromValue(row.run.status);
    case ArchivedRole: return row.archived;
    case FilterTextRole: return row.filterText;
    case Qt::FontRole:
        if (row.sweepBest) {   // a sweep's best run stands out across the whole row
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (column.kind == RunColumnKind::Status)
            return statusColour(row.run.status);
        return row.archived ? QVariant(QColor(0x90, 0x90, 0x90)) : QVariant();
    case Qt::TextAlignmentRole: {
        const RunCell* cell = row.cell(column);
        const bool right = isNumeric(column.kind)
                           || (column.kind == RunColumnKind::Param && cell
                               && cell->sort.typeId() == QMetaType::Double);
        return QVariant::fromValue(Qt::Alignment((right ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter));
    }
    default: break;
    }
    const RunCell* cell = row.cell(column);
    switch (role) {
    case Qt::DisplayRole: return cell ? cell->text : QString();
    case Qt::EditRole:
        if (column.kind == RunColumnKind::Note)
            return row.note;
        return cell ? cell->text : QString();
    case Qt::ToolTipRole: return cell && !cell->toolTip.isEmpty() ? QVariant(cell->toolTip) : QVariant();
    case SortRole: return cell ? cell->sort : QVariant();
    default: return {};
    }
}

QString RunTableModel::columnTitle(const RunColumn& column) const
{
    using K = RunColumnKind;
    switch (column.kind) {
    case K::Id: return tr("ID");
    case K::Name: return tr("Name");
    case K::Status: return tr("Status");
    case K::Tags: return tr("Tags");
    case K::Note: return tr("Note");
    case K::MetricLast: return tr("%1 (last)").arg(column.key);
    case K::MetricBest: return tr("%1 (best)").arg(column.key);
    case K::MetricAtStep: return tr("%1 @ step %2").arg(column.key).arg(atStep_);
    case K::Param: return column.key;
    case K::Dataset: return tr("Dataset");
    case K::Architecture: return tr("Architecture");
    case K::Device: return tr("Device");
    case K::Started: return tr("Started");
    case K::Duration: return tr("Duration");
    case K::Sweep: return tr("Sweep");
    }
    return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return QAbstractTableModel::headerData(section, orientation, role);
    const RunColumn& column = columns_[static_cast<std::size_t>(section)];
    if (role == Qt::DisplayRole)
        return columnTitle(column);
    if (role == Qt::ToolTipRole) {
        switch (column.kind) {
        case RunColumnKind::Param: return tr("Parameter %1").arg(column.key);
        case RunColumnKind::MetricLast: return tr("Last recorded %1").arg(column.key);
        case RunColumnKind::MetricAtStep:
            return tr("%1 at step %2 (its last point at or before it): runs compared at the same budget")
                .arg(column.key).arg(atStep_);
        case RunColumnKind::MetricBest:
            return metric::higherIsBetter(column.key.toStdString()) ? tr("Highest %1").arg(column.key)
                                                                    : tr("Lowest %1").arg(column.key);
        case RunColumnKind::Tags: return tr("Comma-separated; double-click to edit");
        case RunColumnKind::Note: return tr("Double-click to edit");
        case RunColumnKind::Dataset: return tr("Dataset version hash (prefix)");
        case RunColumnKind::Sweep: return tr("The sweep and trial that made the run; \u2605 marks the sweep's best run by its objective");
        default: break;
        }
    }
    if (role == Qt::UserRole)
        return QVariant::fromValue(column);
    return {};
}

Qt::ItemFlags RunTableModel::flags(const QModelIndex& index) const
{
    Qt::ItemFlags f = QAbstractTableModel::flags(index);
    if (index.isValid()) {
        const RunColumnKind kind = columns_[static_cast<std::size_t>(index.column())].kind;
        if (kind == RunColumnKind::Tags || kind == RunColumnKind::Note)
            f |= Qt::ItemIsEditable;
    }
    return f;
}

bool RunTableModel::setData(const QModelIndex& index, const QVariant& value, int role)
{
    if (role != Qt::EditRole || !checkIndex(index, CheckIndexOption::IndexIsValid))
        return false;
    RunRow& row = rows_[static_cast<std::size_t>(index.row())];
    const RunColumnKind kind = columns_[static_cast<std::size_t>(index.column())].kind;
    if (kind == RunColumnKind::Tags) {
        const QStringList tags = parseTags(value.toString());
        if (tags == row.tags)
            return true;
        row.tags = tags;
    } else if (kind == RunColumnKind::Note) {
        const QString note = value.toString().trimmed();
        if (note == row.note)
            return true;
        row.note = note;
    } else {
        return false;
    }
    row.buildCells();
    Q_EMIT dataChanged(this->index(index.row(), 0), this->index(index.row(), columnCount() - 1));
    Q_EMIT curationEdited(row.run.id, row.tags, row.note);
    return true;
}

}  // namespace flightdeck::ui
