#include "experiments/RunCsv.h"

#include "experiments/RunTableModel.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QDateTime>
#include <QSaveFile>

namespace flightdeck::ui {

namespace {

QString number(double v) { return QString::number(v, 'g', 17); }

// What a cell exports: the typed value where the display is formatted for reading.
QString csvValue(const RunRow& row, const RunColumn& column)
{
    switch (column.kind) {
    case RunColumnKind::Status: return QString::fromLatin1(store::runStatusName(row.run.status));
    case RunColumnKind::Note: return row.note;
    case RunColumnKind::Tags: return row.tags.join(QLatin1Char(','));
    case RunColumnKind::Dataset: return row.datasetHash;
    case RunColumnKind::Started:
        return QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(row.run.startedAt * 1000.0), Qt::UTC)
            .toString(Qt::ISODateWithMs);
    case RunColumnKind::Param: {
        const auto it = row.params.find(column.key.toStdString());
        return it == row.params.end() ? QString() : QString::fromStdString(it->second);
    }
    default: break;
    }
    const QVariant v = row.value(column);
    return v.typeId() == QMetaType::Double ? number(v.toDouble()) : v.toString();
}

void fail(const QString& path, const QString& why)
{
    throw Error(ErrorInfo{ErrorCode::FileUnwritable, path.toStdString(), 0, {}, why.toStdString()});
}

}  // namespace

QString csvField(const QString& text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"'))
        && !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text;
    QString quoted = text;
    quoted.replace(QLatin1String("\""), QLatin1String("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QString csvRecord(const QStringList& fields)
{
    QStringList out;
    for (const QString& f : fields)
        out.append(csvField(f));
    return out.join(QLatin1Char(',')) + QStringLiteral("\r\n");
}

QString runTableCsv(const QAbstractItemModel& proxy, const RunTableModel& model)
{
    QStringList header;
    for (const RunColumn& column : model.columns())
        header.append(column.kind == RunColumnKind::Param ? column.key : model.columnTitle(column));
    QString out = csvRecord(header);
    for (int r = 0; r < proxy.rowCount(); ++r) {
        const RunRow* row = model.rowOf(proxy.index(r, 0).data(RunTableModel::RunIdRole).toLongLong());
        if (!row)
            continue;
        QStringList fields;
        for (const RunColumn& column : model.columns())
            fields.append(csvValue(*row, column));
        out += csvRecord(fields);
    }
    return out;
}

void writeTextFile(const QString& path, const QString& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        fail(path, file.errorString());
    const QByteArray bytes = text.toUtf8();
    if (file.write(bytes) != bytes.size() || !file.commit())
        fail(path, file.errorString());
}

qint64 writeCurveCsv(store::Project& project, const std::vector<std::pair<qint64, QString>>& runs,
                     const std::string& key, const QString& path, const std::atomic<bool>& cancel)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        fail(path, file.errorString());
    store::RunRepository repo(project);
    qint64 points = 0;
    QByteArray chunk = csvRecord({QStringLiteral("run_id"), QStringLiteral("run"), QStringLiteral("key"),
                                  QStringLiteral("step"), QStringLiteral("epoch"),
                                  QStringLiteral("wall_time"), QStringLiteral("value")}).toUtf8();
    const QString k = QString::fromStdString(key);
    for (const auto& [id, label] : runs) {
        for (const store::MetricRecord& m : repo.metrics(id, key)) {
            chunk += csvRecord({QString::number(id), label, k, QString::number(m.step),
                                QString::number(m.epoch), number(m.wallTime), number(m.value)})
                         .toUtf8();
            ++points;
            if (chunk.size() > (1 << 20)) {
                if (cancel.load())
                    throw Error(ErrorInfo{ErrorCode::Cancelled, {}, 0, {}, {}});
                if (file.write(chunk) != chunk.size())
                    fail(path, file.errorString());
                chunk.clear();
            }
        }
    }
    if (file.write(chunk) != chunk.size() || !file.commit())
        fail(path, file.errorString());
    return points;
}

}  // namespace flightdeck::ui
