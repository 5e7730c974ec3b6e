// The Data panel's imports under the offscreen platform, in a real MainWindow: an image folder
// (with a corrupt file and an odd size), IDX pairs with their fixed test part and Cancel (the
// CSV wizard has test_gui_import_wizard). TaskRunner's progress reporting is checked on its own
// (increasing, throttled, cleared at the end).
#include "common/ProjectSession.h"
#include "common/StatusLine.h"
#include "common/TaskRunner.h"
#include "data/DataPanel.h"
#include "mainwindow/MainWindow.h"

#include "flightdeck/data/ImageFolderImporter.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTreeWidget>

#include <memory>

using namespace flightdeck::ui;

class TestGuiImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void progressIsReportedThrottledAndCleared();
    void imageFolderReportsSkippedAndResized();
    void cancelledImportStoresNothing();
    void idxPairsGetTheirSplit();
    void cleanupTestCase();

private:
    QString writeFile(const QString& name, const QByteArray& content);
    QString writeImageFolder(const QString& name, int perClass = 4);
    flightdeck::store::DatasetVersionRecord version(qint64 id);
    std::size_t versionCount();
    // The tree row of a version (column 0 holds its id).
    QTreeWidgetItem* treeItem(qint64 versionId) const;

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
};

QString TestGuiImport::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = dir_.filePath(name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

// Two classes of 16 x 12 PNGs, one 20 x 10 image (resized), and a corrupt "PNG".
QString TestGuiImport::writeImageFolder(const QString& name, int perClass)
{
    const QString root = dir_.filePath(name);
    for (const char* cls : {"circle", "square"}) {
        QDir().mkpath(root + QLatin1Char('/') + QLatin1String(cls));
        for (int i = 0; i < perClass; ++i) {
            QImage image(16, 12, QImage::Format_Grayscale8);
            image.fill((i % 6) * 40 + (cls[0] == 's' ? 20 : 0));
            if (!image.save(QStringLiteral("%1/%2/%3.png").arg(root, QLatin1String(cls)).arg(i)))
                return {};
        }
    }
    QImage odd(20, 10, QImage::Format_Grayscale8);
    odd.fill(200);
    odd.save(root + QStringLiteral("/circle/odd.png"));
    writeFile(name + QStringLiteral("/square/broken.png"), "\x89PNG\r\n\x1a\n this is not a PNG");
    return root;
}

flightdeck::store::DatasetVersionRecord TestGuiImport::version(qint64 id)
{
    return flightdeck::store::DatasetRepository(window_->session()->project()).version(id);
}

std::size_t TestGuiImport::versionCount()
{
    flightdeck::store::DatasetRepository repo(window_->session()->project());
    std::size_t count = 0;
    for (const auto& d : repo.datasets())
        count += repo.versions(d.id).size();
    return count;
}

QTreeWidgetItem* TestGuiImport::treeItem(qint64 versionId) const
{
    auto* tree = window_->findChild<QTreeWidget*>(QStringLiteral("datasetTree"));
    for (int i = 0; i < tree->topLevelItemCount(); ++i)
        for (int j = 0; j < tree->topLevelItem(i)->childCount(); ++j)
            if (tree->topLevelItem(i)->child(j)->data(0, Qt::UserRole).toLongLong() == versionId)
                return tree->topLevelItem(i)->child(j);
    return nullptr;
}

void TestGuiImport::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_import"));
    QSettings().clear();
    QVERIFY(dir_.isValid());
    window_ = std::make_unique<MainWindow>();
    window_->resize(1400, 900);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->openProject(dir_.filePath(QStringLiteral("project")), true));
}

void TestGuiImport::progressIsReportedThrottledAndCleared()
{
    TaskRunner* tasks = window_->tasks();
    QSignalSpy progress(tasks, &TaskRunner::progressChanged);
    bool done = false;
    QElapsedTimer clock;
    clock.start();
    tasks->runWithProgress(
        QStringLiteral("counting"), window_.get(),
        [](flightdeck::store::Project&, TaskRunner::Progress& p) {
            for (int i = 1; i <= 300; ++i) {
                p.report(i, 300, QStringLiteral("%1 / 300").arg(i));
                QThread::usleep(2000);
            }
        },
        [&done] { done = true; });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    const qint64 elapsedMs = clock.elapsed();
    QVERIFY2(progress.count() >= 4, qPrintable(QString::number(progress.count())));
    // ~20 a second: 300 reports over >= 600 ms must not become 300 signals.
    QVERIFY2(progress.count() <= elapsedMs / TaskRunner::kProgressIntervalMs + 3,
             qPrintable(QStringLiteral("%1 signals in %2 ms").arg(progress.count()).arg(elapsedMs)));
    qint64 last = 0;
    for (int i = 0; i + 1 < progress.count(); ++i) {
        const auto args = progress.at(i);
        QCOMPARE(args.at(0).toString(), QStringLiteral("counting"));
        QCOMPARE(args.at(2).toLongLong(), qint64(300));
        QVERIFY(args.at(1).toLongLong() > last);
        last = args.at(1).toLongLong();
        QCOMPARE(args.at(3).toString(), QStringLiteral("%1 / 300").arg(last));
    }
    // The end clears the bar.
    QCOMPARE(progress.last().at(2).toLongLong(), qint64(0));
    QVERIFY(progress.last().at(3).toString().isEmpty());
    QTRY_VERIFY(!tasks->isBusy());
}

void TestGuiImport::imageFolderReportsSkippedAndResized()
{
    const QString folder = writeImageFolder(QStringLiteral("shapes"));
    QVERIFY(!folder.isEmpty());
    DataPanel* data = window_->dataPanel();
    QSignalSpy imported(data, &DataPanel::importFinished);
    QSignalSpy failed(data, &DataPanel::importFailed);
    QSignalSpy progress(window_->tasks(), &TaskRunner::progressChanged);
    data->importImages(folder, flightdeck::data::ImageImportOptions{});
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() + failed.count() > 0, 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(data->messageText()));
    const qint64 id = imported.at(0).at(0).toLongLong();
    const auto v = version(id);
    QCOMPARE(v.task, std::string("image_classification"));
    QCOMPARE(v.rows, std::int64_t(9));
    QCOMPARE(v.features, std::int64_t(16 * 12));   // the most common size, 1 channel

    const QString message = data->messageText();
    QVERIFY2(message.contains(QStringLiteral("9 images")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("1 × 12 × 16")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("classes from the folder names: 2")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("square/broken.png")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Files skipped: 1: square/broken.png (")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("Resized to 16 × 12 (stretch), images of other sizes: 1.")), qPrintable(message));
    QVERIFY(window_->findChild<QLabel*>(QStringLiteral("dataMessageLabel"))->toolTip()
                .contains(QStringLiteral("broken.png")));

    // Progress came from the task, in thousandths, never going back, and was cleared.
    QVERIFY(progress.count() >= 2);
    qint64 last = -1;
    for (int i = 0; i + 1 < progress.count(); ++i) {
        QCOMPARE(progress.at(i).at(2).toLongLong(), qint64(1000));
        QVERIFY(progress.at(i).at(1).toLongLong() >= last);
        last = progress.at(i).at(1).toLongLong();
    }
    QCOMPARE(progress.last().at(2).toLongLong(), qint64(0));

    QTreeWidgetItem* item = nullptr;
    QTRY_VERIFY((item = treeItem(id)) != nullptr);
    QCOMPARE(item->text(5), QStringLiteral("images"));
    QCOMPARE(item->text(4), QStringLiteral("2"));
    QVERIFY(item->toolTip(4).contains(QStringLiteral("circle: 5")));
    QVERIFY(item->toolTip(4).contains(QStringLiteral("square: 4")));
    auto* counts = window_->findChild<QTableWidget*>(QStringLiteral("classCountsTable"));
    QTRY_COMPARE_WITH_TIMEOUT(counts->rowCount(), 2, 20000);
    QCOMPARE(counts->item(0, 1)->text(), QStringLiteral("5"));
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGuiImport::cancelledImportStoresNothing()
{
    // Enough images that the import is still running when Cancel lands (with 10, a fast or an
    // idle machine could finish before the first cancel check, and the test saw an import).
    const QString folder = writeImageFolder(QStringLiteral("to-cancel"), 1500);
    const std::size_t before = versionCount();
    DataPanel* data = window_->dataPanel();
    QSignalSpy imported(data, &DataPanel::importFinished);
    QSignalSpy failed(data, &DataPanel::importFailed);
    data->importImages(folder, flightdeck::data::ImageImportOptions{}, QStringLiteral("to-cancel"));
    window_->tasks()->cancelAll();   // what the status bar's Cancel does
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() + failed.count() > 0, 30000);
    QCOMPARE(imported.count(), 0);
    QVERIFY2(failed.at(0).at(0).toString().contains(QStringLiteral("cancelled")),
             qPrintable(failed.at(0).at(0).toString()));
    QTRY_VERIFY(!window_->tasks()->isBusy());
    QCOMPARE(versionCount(), before);
}

void TestGuiImport::idxPairsGetTheirSplit()
{
    // The layout of MNIST's files (tests/data/ImageFixtures.h): big-endian header, then bytes.
    const auto be32 = [](quint32 v) {
        return QByteArray(1, char(v >> 24)) + char(v >> 16) + char(v >> 8) + char(v);
    };
    const auto writePair = [&](const QString& prefix, int n) {
        QByteArray images = QByteArray("\0\0\x08\x03", 4) + be32(n) + be32(4) + be32(4);
        QByteArray labels = QByteArray("\0\0\x08\x01", 4) + be32(n);
        for (int i = 0; i < n; ++i) {
            images.append(16, char(i));
            labels.append(char(i % 10));
        }
        writeFile(QStringLiteral("idx/%1-images-idx3-ubyte").arg(prefix), images);
        writeFile(QStringLiteral("idx/%1-labels-idx1-ubyte").arg(prefix), labels);
    };
    writePair(QStringLiteral("train"), 50);
    writePair(QStringLiteral("t10k"), 20);
    DataPanel* data = window_->dataPanel();
    QSignalSpy imported(data, &DataPanel::importFinished);
    QSignalSpy failed(data, &DataPanel::importFailed);
    QSignalSpy split(data, &DataPanel::splitCreated);
    data->importIdx(dir_.filePath(QStringLiteral("idx")));
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() + failed.count() > 0, 30000);
    QVERIFY2(failed.isEmpty(), qPrintable(data->messageText()));
    const qint64 id = imported.at(0).at(0).toLongLong();
    QCOMPARE(version(id).rows, std::int64_t(70));
    QCOMPARE(version(id).task, std::string("image_classification"));
    QCOMPARE(split.count(), 1);
    const auto record = flightdeck::store::DatasetRepository(window_->session()->project())
                            .split(split.at(0).at(0).toLongLong());
    QCOMPARE(record.testCount, std::int64_t(20));   // the t10k files, kept apart
    QCOMPARE(record.trainCount + record.valCount, std::int64_t(50));
    QCOMPARE(window_->session()->currentSplitId(), record.id);
    const QString message = data->messageText();
    QVERIFY2(message.contains(QStringLiteral("70 images")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("train, t10k")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("20 test")), qPrintable(message));
    QVERIFY2(!message.contains(QStringLiteral("Warning")), qPrintable(message));
    auto* line = data->findChild<flightdeck::ui::StatusLine*>(QStringLiteral("dataMessageLabel"));
    QVERIFY(line);
    QCOMPARE(line->kind(), flightdeck::ui::StatusLine::Kind::Success);
    QTRY_VERIFY(!window_->tasks()->isBusy());

    // Only the t10k pair: stored with no split and said so (the split used to fail the import
    // with "no labeled rows to split" after storing it); only the train pair: a split whose
    // test part is empty, said so.
    for (const bool testOnly : {true, false}) {
        const QString folder = testOnly ? QStringLiteral("t10k-only") : QStringLiteral("train-only");
        QDir(dir_.filePath(QStringLiteral("idx"))).removeRecursively();
        writePair(testOnly ? QStringLiteral("t10k") : QStringLiteral("train"), 12);
        QDir(dir_.path()).rename(QStringLiteral("idx"), folder);
        imported.clear();
        failed.clear();
        split.clear();
        data->importIdx(dir_.filePath(folder));
        QTRY_VERIFY_WITH_TIMEOUT(imported.count() + failed.count() > 0, 30000);
        QVERIFY2(failed.isEmpty(), qPrintable(data->messageText()));
        QCOMPARE(split.count(), testOnly ? 0 : 1);
        const QString said = data->messageText();
        QVERIFY2(said.contains(testOnly ? QStringLiteral("only test (t10k) files") : QStringLiteral("test part is empty")),
                 qPrintable(said));
        // A warning looks like one (it was shown in the success green).
        QCOMPARE(line->kind(), flightdeck::ui::StatusLine::Kind::Warning);
        QTRY_VERIFY(!window_->tasks()->isBusy());
    }
}

void TestGuiImport::cleanupTestCase()
{
    if (window_)
        window_->tasks()->waitForIdle();
    window_.reset();
}

QTEST_MAIN(TestGuiImport)
#include "test_gui_import.moc"
