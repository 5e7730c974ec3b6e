#include "data/DataImporter.h"

#include "common/ProjectSession.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace flightdeck::ui {

namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

// The bar runs in thousandths: an import has stages of very different cost (headers, decoding,
// storing), and the bar should move at roughly the pace of the wall clock.
constexpr qint64 kScale = 1000;
constexpr qint64 kHeadersEnd = 50, kDecodeEnd = 900, kIdxReadEnd = 500, kIdxStoreEnd = 900;

fs::path toPath(const QString& path)
{
    return fs::path(QFile::encodeName(path).toStdString());
}

double secondsSince(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

QString rateText(quint64 bytes, double seconds)
{
    return QLocale().toString(seconds > 0 ? double(bytes) / 1e6 / seconds : 0.0, 'f', 0);
}

[[noreturn]] void throwCancelled(const QString& source)
{
    throw flightdeck::Error(flightdeck::ErrorInfo{flightdeck::ErrorCode::Cancelled,
                                                  source.toStdString(), 0, {}, "import cancelled"});
}

// Dataset name: the one given, else the file's or folder's name (for one IDX file, its
// folder's). Worker thread: it asks the file system.
QString defaultName(const QString& given, const QString& path, bool folderOfFile)
{
    if (!given.trimmed().isEmpty())
        return given.trimmed();
    const QFileInfo info(path);
    if (info.isDir() || !folderOfFile)
        return info.isDir() ? QFileInfo(info.absoluteFilePath()).fileName() : info.completeBaseName();
    return info.absoluteDir().dirName();
}

// Identical content is the same version, whatever task this import asked for.
void noteRecordedTask(ImportOutcome& outcome, const std::string& recorded)
{
    const auto task = flightdeck::data::taskFromName(recorded);
    if (task == outcome.task)
        return;
    outcome.existingWithOtherTask = true;
    outcome.askedTask = outcome.task;
    outcome.task = task;
}

}  // namespace

DataImporter::DataImporter(ProjectSession* session, TaskRunner* tasks, QObject* parent)
    : QObject(parent), session_(session), tasks_(tasks)
{
    setObjectName(QStringLiteral("dataImporter"));
}

bool DataImporter::checkOpen()
{
    if (session_->isOpen())
        return true;
    Q_EMIT failed(tr("Open or create a project before importing data."));
    return false;
}

void DataImporter::start(const QString& title, const QString& source, Work work)
{
    const QString fileName = QFileInfo(source).fileName();
    tasks_->runWithProgress(
        title, this,
        [work = std::move(work)](flightdeck::store::Project& project, TaskRunner::Progress& progress) {
            try {
                return work(project, progress);
            } catch (const flightdeck::Error& e) {
                // Every importer throws Cancelled before it writes anything.
                if (e.code() != flightdeck::ErrorCode::Cancelled)
                    throw;
                ImportOutcome outcome;
                outcome.cancelled = true;
                return outcome;
            }
        },
        [this, fileName](const ImportOutcome& outcome) {
            if (outcome.cancelled)
                Q_EMIT failed(tr("Import of %1 cancelled; nothing was stored.").arg(fileName));
            else
                Q_EMIT imported(outcome);
        },
        [this](const QString& message) { Q_EMIT failed(message); });
}

void DataImporter::importCsv(const QString& path, const QString& datasetName,
                             const QString& labelColumn)
{
    if (!checkOpen())
        return;
    start(tr("Importing %1").arg(QFileInfo(path).fileName()), path,
          [path, datasetName, labelColumn](flightdeck::store::Project& project, TaskRunner::Progress& progress) {
              const QString name = defaultName(datasetName, path, false);
              progress.report(0, 0, tr("Reading %1…").arg(QFileInfo(path).fileName()));
              CsvInspection inspection = CsvInspection::inspect(path, labelColumn);
              if (progress.isCancelled())
                  throwCancelled(path);
              inspection.datasetName = name;
              ImportOutcome outcome;
              outcome.kind = ImportOutcome::Kind::Csv;
              outcome.source = path;
              outcome.task = inspection.detected;
              outcome.taskDetected = true;
              outcome.assessment = inspection.assessment;
              outcome.count = inspection.rows();
              outcome.features = inspection.features();
              outcome.classes = static_cast<qint64>(inspection.table->classes.size());
              outcome.labelName = inspection.labelName();
              outcome.unlabeled = inspection.unlabeled;
              const auto record = flightdeck::data::DatasetCatalog(project).addVersion(
                  name.toStdString(), *inspection.table, path.toStdString(), inspection.detected);
              outcome.versionId = record.id;
              noteRecordedTask(outcome, record.task);
              return outcome;
          });
}

void DataImporter::importInspected(const CsvInspection& inspection, const QString& datasetName,
                                   std::optional<flightdeck::data::DatasetTask> task)
{
    if (!checkOpen() || !inspection.table)
        return;
    const QString name = datasetName.trimmed().isEmpty() ? inspection.datasetName : datasetName.trimmed();
    start(tr("Importing %1").arg(QFileInfo(inspection.path).fileName()), inspection.path,
          [inspection, name, task](flightdeck::store::Project& project, TaskRunner::Progress&) {
              ImportOutcome outcome;
              outcome.kind = ImportOutcome::Kind::Csv;
              outcome.source = inspection.path;
              outcome.task = task.value_or(inspection.detected);
              outcome.taskDetected = !task.has_value();
              outcome.assessment = inspection.assessment;
              outcome.count = inspection.rows();
              outcome.features = inspection.features();
              outcome.classes = static_cast<qint64>(inspection.table->classes.size());
              outcome.labelName = inspection.labelName();
              outcome.unlabeled = inspection.unlabeled;
              outcome.skippedRows = inspection.skippedCount;
              const auto record = flightdeck::data::DatasetCatalog(project).addVersion(
                  name.toStdString(), *inspection.table, inspection.path.toStdString(), outcome.task);
              outcome.versionId = record.id;
              noteRecordedTask(outcome, record.task);
              return outcome;
          });
}

void DataImporter::importImages(const QString& folder, const QString& datasetName,
                                const flightdeck::data::ImageImportOptions& options)
{
    if (!checkOpen())
        return;
    start(tr("Importing images from %1").arg(QFileInfo(folder).fileName()), folder,
          [folder, datasetName, chosen = options](flightdeck::store::Project& project,
                                                  TaskRunner::Progress& progress) {
              flightdeck::data::ImageImportOptions options = chosen;
              const QString name = defaultName(datasetName, folder, false);
              const auto started = Clock::now();
              // The importer reports two passes over the files (headers, then decoding); only
              // decoding reads whole files, so bytes > 0 (or a restart at 0) marks the second.
              bool decoding = false;
              std::size_t lastDone = 0;
              double decodeStart = 0;
              qint64 shown = 0;
              const QLocale locale;
              options.progress = [&](const flightdeck::data::ImportProgress& p) {
                  if (!decoding && (p.bytes > 0 || p.done < lastDone)) {
                      decoding = true;
                      decodeStart = std::max(0.0, p.seconds - 0.02);
                  }
                  lastDone = p.done;
                  const double part = p.total > 0 ? double(p.done) / double(p.total) : 0.0;
                  shown = std::max(shown, decoding ? kHeadersEnd + qint64(part * (kDecodeEnd - kHeadersEnd))
                                                   : qint64(part * kHeadersEnd));
                  const QString done = locale.toString(qulonglong(p.done));
                  const QString total = locale.toString(qulonglong(p.total));
                  progress.report(shown, kScale,
                                  decoding ? tr("%1 / %2 images, %3 MB/s")
                                                 .arg(done, total, rateText(p.bytes, p.seconds - decodeStart))
                                           : tr("reading headers, %1 / %2 files").arg(done, total));
                  return !progress.isCancelled();
              };
              const flightdeck::data::ImageImport result =
                  flightdeck::data::importImageFolder(toPath(folder), options);
              if (progress.isCancelled())
                  throwCancelled(folder);
              const auto& images = result.images;
              progress.report(kDecodeEnd, kScale,
                              tr("storing %1 images").arg(locale.toString(qulonglong(images.size()))));
              ImportOutcome outcome;
              outcome.kind = ImportOutcome::Kind::Images;
              outcome.source = folder;
              outcome.task = flightdeck::data::DatasetTask::ImageClassification;
              outcome.versionId = flightdeck::data::DatasetCatalog(project)
                                      .addImageVersion(name.toStdString(), images, folder.toStdString())
                                      .id;
              outcome.count = static_cast<qint64>(images.size());
              outcome.classes = static_cast<qint64>(images.classes.size());
              outcome.labeled = result.labeledByFolder;
              outcome.channels = images.channels;
              outcome.height = images.height;
              outcome.width = images.width;
              outcome.skipped = result.skipped;
              outcome.resized = static_cast<qint64>(result.resized);
              outcome.otherSizes = std::max<qint64>(0, qint64(result.sizes.size()) - 1);
              outcome.rule = options.rule;
              outcome.bytes = result.bytes;
              outcome.seconds = secondsSince(started);
              return outcome;
          });
}

void DataImporter::importIdx(const QString& path, const QString& datasetName)
{
    if (!checkOpen())
        return;
    start(tr("Importing IDX from %1").arg(QFileInfo(path).fileName()), path,
          [path, datasetName](flightdeck::store::Project& project, TaskRunner::Progress& progress) {
              const QString name = defaultName(datasetName, path, true);
              const auto started = Clock::now();
              const QLocale locale;
              const auto pairs = flightdeck::data::findIdxPairs(toPath(path));
              quint64 bytes = 0;
              for (const auto& pair : pairs) {
                  std::error_code ec;
                  bytes += fs::file_size(pair.images, ec) + (ec ? 0 : fs::file_size(pair.labels, ec));
              }
              // readIdxImages has no progress callback: the bar moves per stage.
              progress.report(0, kScale, tr("reading %1 file pairs, %2 MB")
                                             .arg(pairs.size())
                                             .arg(locale.toString(double(bytes) / 1e6, 'f', 1)));
              const flightdeck::data::ImageSet images = flightdeck::data::readIdxImages(pairs);
              const double readSeconds = secondsSince(started);
              if (progress.isCancelled())
                  throwCancelled(path);
              progress.report(kIdxReadEnd, kScale,
                              tr("%1 images read at %2 MB/s, storing")
                                  .arg(locale.toString(qulonglong(images.size())),
                                       rateText(bytes, readSeconds)));
              flightdeck::data::DatasetCatalog catalog(project);
              ImportOutcome outcome;
              outcome.kind = ImportOutcome::Kind::Idx;
              outcome.source = path;
              outcome.task = flightdeck::data::DatasetTask::ImageClassification;
              outcome.versionId =
                  catalog.addImageVersion(name.toStdString(), images, path.toStdString()).id;
              // Stored: from here on the import completes whatever Cancel says.
              // Only t10k pairs: a split would draw train and val from nothing (the CLI does
              // the same).
              outcome.idxTestOnly =
                  images.hasFixedParts()
                  && std::find(images.parts.begin(), images.parts.end(), flightdeck::data::SamplePart::Train)
                         == images.parts.end();
              if (images.hasFixedParts() && !outcome.idxTestOnly) {
                  progress.report(kIdxStoreEnd, kScale, tr("creating the split"));
                  const auto split = catalog.createSplit(
                      outcome.versionId, {1.0 - kIdxValFraction, kIdxValFraction, 0.0}, kIdxSplitSeed);
                  outcome.splitId = split.id;
                  outcome.splitTrain = split.trainCount;
                  outcome.splitVal = split.valCount;
                  outcome.splitTest = split.testCount;
              }
              outcome.count = static_cast<qint64>(images.size());
              outcome.classes = static_cast<qint64>(images.classes.size());
              outcome.channels = images.channels;
              outcome.height = images.height;
              outcome.width = images.width;
              for (const auto& pair : pairs)
                  outcome.idxPrefixes << QString::fromStdString(pair.prefix);
              outcome.bytes = bytes;
              outcome.seconds = secondsSince(started);
              return outcome;
          });
}

}  // namespace flightdeck::ui
