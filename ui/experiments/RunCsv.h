#pragma once
// CSV for the Experiments panel's exports (RFC 4180: comma-separated, fields with a comma,
// quote or line break quoted, quotes doubled, CRLF between records). Numbers are written in
// full precision with a dot, whatever the locale, and times as ISO 8601, so a spreadsheet or
// pandas reads them back as numbers and dates.
#include <QString>
#include <QStringList>

#include <atomic>
#include <string>
#include <utility>
#include <vector>

class QAbstractItemModel;

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

class RunTableModel;

QString csvField(const QString& text);
QString csvRecord(const QStringList& fields);

// The table as shown: the proxy's rows in their order, every column of the source model.
QString runTableCsv(const QAbstractItemModel& proxy, const RunTableModel& model);

// Every stored point of `key` for each run (id, label), read through the store: one record a
// point (run_id, run, key, step, epoch, wall_time, value). Returns the number of points.
qint64 writeCurveCsv(store::Project& project, const std::vector<std::pair<qint64, QString>>& runs,
                     const std::string& key, const QString& path, const std::atomic<bool>& cancel);
// Writes `text` (UTF-8) to `path` through a temporary file, so a failed write leaves no half file.
void writeTextFile(const QString& path, const QString& text);

}  // namespace flightdeck::ui
