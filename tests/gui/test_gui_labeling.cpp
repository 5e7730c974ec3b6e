// The Labeling panel driven as a person would (keys on the grid, class bar actions, undo and
// redo), then the project reopened and every label found in the store; commit into a version;
// and a labeling process killed with SIGKILL mid-session loses at most its last action.
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/store/Project.h"
#include "labeling/ClassBar.h"
#include "labeling/ClassKeys.h"
#include "labeling/LabelWriter.h"
#include "labeling/LabelingDocument.h"
#include "labeling/LabelingPanel.h"
#include "labeling/ModelAssist.h"
#include "labeling/SampleView.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"
#include "flightdeck/train/VersionPredictor.h"

#include <QApplication>
#include <QListView>
#include <QProcess>
#include <QRandomGenerator>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUndoStack>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QtTest>

#include <csignal>
#include <iostream>

using namespace flightdeck;
using namespace flightdeck::ui;
using store::LabelSource;

namespace {

// 40 images of 6x6 in classes ant, bee, cat (10 each) and 10 unlabeled.
qint64 makeVersion(const QString& folder)
{
    auto project = store::Project::create(folder.toStdString());
    data::ImageSet s;
    s.width = s.height = 6;
    s.classes = {"ant", "bee", "cat"};
    for (int i = 0; i < 40; ++i) {
        s.names.push_back("img" + std::to_string(100 + i) + ".png");
        s.labels.push_back(i < 30 ? i / 10 : -1);
        for (int p = 0; p < 36; ++p)
            s.pixels.push_back(static_cast<std::uint8_t>(i * 5 + p));
    }
    return data::DatasetCatalog(project).addImageVersion("shapes", s, "test").id;
}

struct Harness {
    ProjectSession session;
    TaskRunner tasks{&session};
    LabelingPanel panel{&session, &tasks};

    bool open(const QString& folder, qint64 version)
    {
        QString error;
        if (!session.openProject(folder, false, &error))
            return false;
        QSignalSpy loaded(&panel, &LabelingPanel::versionLoaded);
        panel.loadVersion(version);
        return loaded.wait(10000);
    }
    void key(const QString& text, int key = 0, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        QTest::keyClick(panel.grid(), key ? Qt::Key(key) : Qt::Key(text.at(0).toUpper().unicode()),
                        mods);
    }
};

int runChild(const QString& folder, qint64 version)
{
    Harness h;
    if (!h.open(folder, version))
        return 3;
    // A labeler faster than any person: 50 items a second, each printed once handed over.
    for (int r = 0;; r = (r + 1) % 40) {
        h.panel.setCurrentRow(r);
        const int cls = r % 3;
        h.panel.handleKey(0, Qt::NoModifier, QString::number(cls + 1));
        std::cout << "labeled " << r << " " << cls << std::endl;
        QTest::qWait(20);
    }
}

}  // namespace

class TestGuiLabeling : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_gui_labeling"));
        QSettings().clear();
    }

    void keyboardLabelingUndoAndReopen()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("p"));
        const qint64 version = makeVersion(folder);
        std::vector<RowState> expected;
        QStringList names;
        {
            Harness h;
            QVERIFY(h.open(folder, version));
            LabelingDocument* doc = h.panel.document();
            QCOMPARE(h.panel.model()->rowCount(), 40);
            QCOMPARE(h.panel.classBar()->classForKey(QLatin1Char('2')), 1);
            // A class named by one digit or letter gets that key (MNIST's "0".."9").
            const QHash<int, QChar> named = ClassKeys::assign({"3", "x", "v", "cat"}, {0, 1, 2, 3});
            QCOMPARE(named.value(0), QLatin1Char('3'));
            QCOMPARE(named.value(1), QLatin1Char('x'));
            QCOMPARE(named.value(2), QLatin1Char('1'));   // V marks verified: never a class key
            QCOMPARE(named.value(3), QLatin1Char('2'));
            QCOMPARE(h.panel.currentRow(), 0);

            // "2" labels the current item b and shows the next one.
            h.key(QStringLiteral("2"));
            QCOMPARE(doc->row(0).label, 1);
            QVERIFY(doc->row(0).source == LabelSource::User);
            QCOMPARE(h.panel.currentRow(), 1);
            // Right skips, Left goes back, V verifies (and moves on), Delete removes.
            h.key({}, Qt::Key_Right);
            QCOMPARE(h.panel.currentRow(), 2);
            h.key({}, Qt::Key_Left);
            h.key(QStringLiteral("v"));
            QVERIFY(doc->row(1).verified);
            QCOMPARE(h.panel.currentRow(), 2);
            h.key({}, Qt::Key_Delete);
            QCOMPARE(doc->row(2).label, -1);

            // Several selected: one key labels them all, as one undo step.
            h.panel.setCurrentRow(30);
            QItemSelection sel(h.panel.model()->index(30), h.panel.model()->index(34));
            h.panel.grid()->selectionModel()->select(sel, QItemSelectionModel::ClearAndSelect);
            const int before = doc->undoStack()->count();
            h.key(QStringLiteral("3"));
            QCOMPARE(doc->undoStack()->count(), before + 1);
            for (int r = 30; r < 35; ++r)
                QCOMPARE(doc->row(r).label, 2);
            QCOMPARE(doc->classCount(2), qint64(15));
            h.key(QStringLiteral("z"), Qt::Key_Z, Qt::ControlModifier);
            for (int r = 30; r < 35; ++r)
                QCOMPARE(doc->row(r).label, -1);
            QCOMPARE(doc->classCount(2), qint64(10));
            h.key(QStringLiteral("z"), Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
            QCOMPARE(doc->row(34).label, 2);

            // Filters: unlabeled items (35..39 and row 2).
            h.panel.setFilter(SampleFilter::Unlabeled);
            QCOMPARE(h.panel.model()->rowCount(), 6);
            h.panel.setFilter(SampleFilter::All);

            // Classes: add (gets the next key), rename, merge, delete, each undoable.
            // A name longer than any import takes (255 bytes) is refused, and says why.
            const QString tooLong(300, QLatin1Char('x'));
            QCOMPARE(doc->addClass(tooLong), -1);
            QVERIFY(doc->classIndex(tooLong) < 0);
            QVERIFY(LabelingDocument::classNameProblem(tooLong).contains(QStringLiteral("300")));
            QVERIFY(LabelingDocument::classNameProblem(QStringLiteral("dog")).isEmpty());
            QVERIFY(!LabelingDocument::classNameProblem(QStringLiteral("two\tparts")).isEmpty());
            QCOMPARE(doc->addClass(QStringLiteral("two\tparts")), -1);
            {
                // Through the Add button: a refused name is explained, and the dialog comes
                // back holding it (it used to be lost, to be typed again); then "dog".
                const int before = int(doc->classes().size());
                // The one on screen: an accepted dialog lingers until its deferred delete.
                auto shown = [&h]() -> QInputDialog* {
                    for (auto* d : h.panel.findChildren<QInputDialog*>(QStringLiteral("labelingClassNameDialog")))
                        if (d->isVisible())
                            return d;
                    return nullptr;
                };
                h.panel.findChild<QPushButton*>(QStringLiteral("labelingAddClass"))->click();
                QInputDialog* ask = nullptr;
                QTRY_VERIFY((ask = shown()));
                ask->setTextValue(tooLong);
                ask->accept();
                QMessageBox* box = nullptr;
                QTRY_VERIFY((box = h.panel.findChild<QMessageBox*>(QStringLiteral("labelingClassNameProblem"))));
                QVERIFY2(box->text().contains(QStringLiteral("300")), qPrintable(box->text()));
                box->accept();
                QTRY_VERIFY((ask = shown()));
                QCOMPARE(ask->textValue(), tooLong);
                ask->setTextValue(QStringLiteral("dog"));
                ask->accept();
                QTRY_COMPARE(int(doc->classes().size()), before + 1);
            }
            const int d = doc->classIndex(QStringLiteral("dog"));
            QCOMPARE(h.panel.classBar()->classForKey(QLatin1Char('4')), d);
            h.panel.setCurrentRow(35);
            h.key(QStringLiteral("4"));
            QCOMPARE(doc->row(35).label, d);
            h.panel.classBar()->renameClass(0, QStringLiteral("alpha"));
            // Renamed where it stands: same index (colour, place), same rows.
            QCOMPARE(doc->classIndex(QStringLiteral("alpha")), 0);
            QCOMPARE(doc->classCount(0), qint64(8));   // row 0 became bee, row 2 lost its label
            doc->undoStack()->undo();
            QCOMPARE(doc->classes()[0], QStringLiteral("ant"));
            doc->undoStack()->redo();
            doc->mergeClass(d, 1);
            QCOMPARE(doc->row(35).label, 1);
            doc->deleteClass(2);
            QCOMPARE(doc->row(34).label, -1);
            doc->undoStack()->undo();
            QCOMPARE(doc->row(34).label, 2);
            QVERIFY(h.panel.statusText().contains(QStringLiteral("This session")));

            for (int r = 0; r < doc->count(); ++r)
                expected.push_back(doc->row(r));
            names = doc->classes();
            QVERIFY(names.contains(QStringLiteral("alpha")));
        }   // the panel goes: its writer saves what is queued

        auto project = store::Project::open(folder.toStdString());
        const auto w = data::LabelHistory(project).working(version);
        QCOMPARE(w.size(), expected.size());
        for (std::size_t r = 0; r < w.size(); ++r) {
            const QString want = expected[r].label < 0
                                     ? QString()
                                     : names[expected[r].label];
            const QString got = w.labels[r] < 0 ? QString()
                                                : QString::fromStdString(w.classes[std::size_t(w.labels[r])]);
            QCOMPARE(got, want);
            QCOMPARE(bool(w.verified[r]), expected[r].verified);
        }
    }

    void commitMakesAVersionAndReloads()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("p"));
        const qint64 version = makeVersion(folder);
        Harness h;
        QVERIFY(h.open(folder, version));
        h.panel.setCurrentRow(35);
        h.key(QStringLiteral("1"));
        QSignalSpy committed(&h.panel, &LabelingPanel::committed);
        QSignalSpy loaded(&h.panel, &LabelingPanel::versionLoaded);
        h.panel.show();   // the new version loads when the panel is visible
        h.panel.commitLabels(QStringLiteral("one more a"));
        QVERIFY(committed.wait(10000));
        const qint64 child = committed.first().first().toLongLong();
        QVERIFY(child != version);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(h.panel.document()->versionId(), child);
        QCOMPARE(h.panel.document()->classCount(0), qint64(11));
        QCOMPARE(h.session.currentVersionId(), child);
    }

    void modelOrdersTheQueueAndPreLabels()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("p"));
        const qint64 version = makeVersion(folder);
        qint64 runId = 0;
        {
            auto project = store::Project::open(folder.toStdString());
            const auto split = data::DatasetCatalog(project).createSplit(version, {0.8, 0.2, 0.0}, 1);
            const auto spec = model::defaultMlp();
            const auto arch = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
            train::TrainConfig config;
            config.epochs = 30;
            config.batchSize = 8;
            config.threads = 2;
            config.device = "cpu";
            runId = train::Trainer(project).run(version, split.id, arch, config, {}).runId;
        }
        Harness h;
        QVERIFY(h.open(folder, version));
        ModelAssist* assist = h.panel.modelAssist();
        QTRY_COMPARE_WITH_TIMEOUT(assist->runId(), runId, 10000);
        QSignalSpy ready(assist, &ModelAssist::predictionsReady);
        assist->predict(runId);
        QVERIFY(ready.wait(20000));
        const auto* p = h.panel.model()->predictions();
        QVERIFY(p && p->rows == 40);

        // Least confident first: the grid's order follows the model's confidence.
        h.panel.model()->setOrder(SampleOrder::LeastConfident);
        for (int m = 1; m < h.panel.model()->rowCount(); ++m)
            QVERIFY(p->confidence[std::size_t(h.panel.model()->documentRow(m - 1))]
                    <= p->confidence[std::size_t(h.panel.model()->documentRow(m))]);
        h.panel.model()->setOrder(SampleOrder::Dataset);

        // "Model disagrees" lists exactly the labeled rows whose prediction differs.
        LabelingDocument* doc = h.panel.document();
        int disagree = 0;
        for (int r = 0; r < 40; ++r)
            disagree += doc->row(r).label >= 0 && h.panel.model()->predictedClass(r) != doc->row(r).label;
        h.panel.setFilter(SampleFilter::Disagrees);
        QCOMPARE(h.panel.model()->rowCount(), disagree);
        h.panel.setFilter(SampleFilter::All);

        // Pre-label everything unlabeled (threshold 0.5): marked Model, one undo step; Enter
        // accepts one, which makes it the person's.
        const int steps = doc->undoStack()->count();
        const int n = assist->preLabel(0.5);
        QVERIFY(n > 0);
        QCOMPARE(doc->undoStack()->count(), steps + 1);
        int marked = 0;
        for (int r = 30; r < 40; ++r)
            marked += doc->row(r).source == LabelSource::Model ? 1 : 0;
        QCOMPARE(marked, n);
        int first = 30;
        while (doc->row(first).source != LabelSource::Model)
            ++first;
        h.panel.setCurrentRow(first);
        h.key({}, Qt::Key_Return);
        QVERIFY(doc->row(first).source == LabelSource::User);
        doc->undoStack()->undo();
        doc->undoStack()->undo();
        for (int r = 30; r < 40; ++r)
            QCOMPARE(doc->row(r).label, -1);
    }

    void tableRowsAreLabeledTheSameWay()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("p"));
        qint64 version = 0;
        {
            auto project = store::Project::create(folder.toStdString());
            data::Table t;
            t.featureNames = {"a", "b", "c"};
            t.classes = {"low", "high"};
            for (int i = 0; i < 20; ++i) {
                t.features.insert(t.features.end(), {float(i), float(i % 3), 1.0f});
                t.labels.push_back(i < 10 ? 0 : 1);
            }
            version = data::DatasetCatalog(project).addVersion("rows", t, "test").id;
        }
        Harness h;
        QVERIFY(h.open(folder, version));
        QCOMPARE(h.panel.model()->rowCount(), 20);
        // Each row is drawn as its feature bars once rendered off the GUI thread.
        QTRY_VERIFY(!h.panel.model()->data(h.panel.model()->index(0), Qt::DecorationRole)
                         .value<QPixmap>().isNull());
        h.panel.setCurrentRow(3);
        h.key(QStringLiteral("2"));
        QCOMPARE(h.panel.document()->row(3).label, 1);
        QCOMPARE(h.panel.currentRow(), 4);
        QVERIFY(h.panel.sampleView()->infoText().contains(QStringLiteral("row 5")));
    }

    void sigkillLosesAtMostTheLastAction()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("p"));
        const qint64 version = makeVersion(folder);
        const int rounds = qEnvironmentVariableIntValue("FLIGHTDECK_LABELING_KILLS") > 0
                               ? qEnvironmentVariableIntValue("FLIGHTDECK_LABELING_KILLS")
                               : 3;
        for (int round = 0; round < rounds; ++round) {
            QProcess child;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("FLIGHTDECK_LABELING_CHILD"),
                       folder + QLatin1Char('|') + QString::number(version));
            env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            child.setProcessEnvironment(env);
            child.start(QCoreApplication::applicationFilePath(), {});
            QVERIFY(child.waitForStarted());
            const int killAfter = 5 + int(QRandomGenerator::global()->bounded(40));
            QList<QByteArray> printed;
            while (printed.size() < killAfter && child.state() == QProcess::Running) {
                if (!child.canReadLine() && !child.waitForReadyRead(20000))
                    break;
                while (child.canReadLine())
                    printed << child.readLine().trimmed();
            }
            ::kill(pid_t(child.processId()), SIGKILL);
            child.waitForFinished();
            QVERIFY2(printed.size() >= killAfter, child.readAllStandardError().constData());

            // Every action the child reported but its last is in the store.
            auto project = store::Project::open(folder.toStdString());
            const auto w = data::LabelHistory(project).working(version);
            std::map<int, int> last;   // row -> class, from all but the final line
            for (int i = 0; i + 1 < printed.size(); ++i) {
                const QList<QByteArray> f = printed[i].split(' ');
                last[f[1].toInt()] = f[2].toInt();
            }
            for (const auto& [row, cls] : last) {
                QCOMPARE(w.labels[std::size_t(row)], cls);
                QVERIFY(w.sources[std::size_t(row)] == LabelSource::User);
            }
        }
    }
};

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    const QString child = qEnvironmentVariable("FLIGHTDECK_LABELING_CHILD");
    if (!child.isEmpty()) {
        QStandardPaths::setTestModeEnabled(true);
        return runChild(child.section(QLatin1Char('|'), 0, 0),
                        child.section(QLatin1Char('|'), 1, 1).toLongLong());
    }
    TestGuiLabeling test;
    return QTest::qExec(&test, argc, argv);
}

#include "test_gui_labeling.moc"
