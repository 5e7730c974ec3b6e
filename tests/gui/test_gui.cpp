// The workbench end to end under the offscreen platform: a real MainWindow, driven through its
// own actions and panel operations (only the file choosers are bypassed). Import a CSV, split,
// save an architecture, train, evaluate, export, read a production log; then check the project
// database and what the panels show. Set FLIGHTDECK_SCREENSHOT=/path.png to save the window.
#include "architecture/ArchitectureDocument.h"
#include "architecture/ArchitecturePanel.h"
#include "architecture/LayerTableModel.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "common/TrainingController.h"
#include "common/Settings.h"
#include "common/Translations.h"
#include "data/CsvColumnsPage.h"
#include "data/CsvImportWizard.h"
#include "data/DataPanel.h"
#include "evaluation/EvaluationPanel.h"
#include "export/ExportPanel.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/PreferencesDialog.h"
#include "monitoring/MonitoringPanel.h"
#include "training/LivePlot.h"
#include "training/RuntimeText.h"
#include "training/TrainingPanel.h"

#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QDoubleSpinBox>
#include <QStandardPaths>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoStack>

#include <memory>

using namespace flightdeck::ui;

namespace {
const QStringList kDocks = {
    QStringLiteral("dockData"),        QStringLiteral("dockArchitecture"), QStringLiteral("dockTraining"),
    QStringLiteral("dockExperiments"), QStringLiteral("dockEvaluation"),   QStringLiteral("dockExport"),
    QStringLiteral("dockMonitoring")};
}  // namespace

class TestGui : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void docksAndActionsExist();
    void architectureUndoRedo();
    void badCsvNamesTheLine();
    void fullLoop();
    void trainingFailureIsShown();
    void languageSwitchRetranslates();
    void switchingProjectsDuringTrainingKeepsThemApart();
    void cleanupTestCase();

private:
    QString writeFile(const QString& name, const QByteArray& content);
    QAction* action(const char* name) const;
    template <typename T> T* child(const char* name) const;

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
    qint64 completedRunId_ = 0;
};

QString TestGui::writeFile(const QString& name, const QByteArray& content)
{
    const QString path = dir_.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(content);
    return path;
}

QAction* TestGui::action(const char* name) const
{
    return window_->findChild<QAction*>(QString::fromLatin1(name));
}

template <typename T> T* TestGui::child(const char* name) const
{
    return window_->findChild<T*>(QString::fromLatin1(name));
}

void TestGui::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui"));
    QSettings().clear();
    QVERIFY(dir_.isValid());

    window_ = std::make_unique<MainWindow>();
    window_->resize(1600, 1000);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    const QString folder = dir_.filePath(QStringLiteral("project"));
    QVERIFY(window_->openProject(folder, true));
    QVERIFY(window_->session()->isOpen());
    QVERIFY(window_->windowTitle().contains(QStringLiteral("project")));
}

void TestGui::docksAndActionsExist()
{
    for (const QString& name : kDocks) {
        auto* dock = window_->findChild<QDockWidget*>(name);
        QVERIFY2(dock, qPrintable(name));
        QVERIFY2(dock->widget(), qPrintable(name));
        QVERIFY2(!dock->widget()->findChildren<QWidget*>().isEmpty(), qPrintable(name));
        QVERIFY2(!dock->windowTitle().isEmpty(), qPrintable(name));
        QVERIFY2(!dock->toggleViewAction()->objectName().isEmpty(), qPrintable(name));
    }
    for (const char* name : {"actionNewProject", "actionOpenProject", "actionQuit", "actionUndo", "actionRedo",
                             "actionImportCsv", "actionCreateSplit", "actionSaveArchitecture",
                             "actionStartTraining", "actionStopTraining", "actionEvaluateRun",
                             "actionExportRun", "actionOpenLog", "actionPreferences", "actionAbout"}) {
        QVERIFY2(action(name), name);
        QVERIFY2(!action(name)->text().isEmpty(), name);
    }
    QCOMPARE(action("actionStartTraining")->shortcut(), QKeySequence(Qt::Key_F5));
    QCOMPARE(action("actionStopTraining")->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F5));
    QCOMPARE(action("actionImportCsv")->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_I));

    // Nothing to train on yet: Start is disabled and says what is missing.
    auto* start = child<QPushButton>("startTrainingButton");
    QVERIFY(start);
    QVERIFY(!start->isEnabled());
    QVERIFY(window_->trainingPanel()->missingRequirement().contains(QStringLiteral("dataset")));
}

void TestGui::architectureUndoRedo()
{
    ArchitectureDocument* doc = window_->architecturePanel()->document();
    QUndoStack* stack = window_->architecturePanel()->undoStack();
    QCOMPARE(doc->undoStack(), stack);
    const int layers = doc->layerCount();
    const int start = stack->index();

    flightdeck::model::LayerSpec linear;
    linear.type = flightdeck::model::LayerType::Linear;
    linear.units = 16;
    doc->addLayer(layers, linear);
    QCOMPARE(doc->layerCount(), layers + 1);
    doc->setLayerUnits(layers, 20);
    doc->setLayerUnits(layers, 24);   // merges with the previous edit of the same field
    QCOMPARE(stack->index(), start + 2);
    QCOMPARE(doc->layer(layers).units, 24);

    stack->undo();
    QCOMPARE(doc->layer(layers).units, 16);
    stack->undo();
    QCOMPARE(doc->layerCount(), layers);
    stack->redo();
    QCOMPARE(doc->layerCount(), layers + 1);
    QCOMPARE(doc->layer(layers).units, 16);

    // The menu's Undo drives the same stack.
    action("actionUndo")->trigger();
    QCOMPARE(doc->layerCount(), layers);

    // Edits through the table go through the stack too; shapes follow (head appended).
    auto* view = child<QTableView>("layerTable");
    QVERIFY(view);
    const qint64 units = doc->layer(0).units;
    QVERIFY(view->model()->setData(view->model()->index(0, LayerTableModel::UnitsColumn), 48));
    QCOMPARE(doc->layer(0).units, 48);
    auto* shapes = child<QTableWidget>("shapeTable");
    QVERIFY(shapes);
    QCOMPARE(shapes->rowCount(), doc->layerCount() + 1);
    QVERIFY(shapes->item(0, 0)->text().contains(QStringLiteral("48")));
    action("actionUndo")->trigger();
    QCOMPARE(doc->layer(0).units, units);

    // An invalid spec shows core's InvalidSpec message inline and cannot be saved.
    doc->setLayerUnits(0, 0);
    auto* error = child<QLabel>("specErrorLabel");
    QVERIFY(error);
    QVERIFY(!error->isHidden());
    QVERIFY(error->text().contains(QStringLiteral("layers[0].units")));
    QVERIFY(!child<QPushButton>("saveArchitectureButton")->isEnabled());
    stack->undo();
    QVERIFY(error->isHidden());
    QCOMPARE(stack->index(), start);
}

void TestGui::badCsvNamesTheLine()
{
    const QString path = writeFile(QStringLiteral("bad.csv"), "f1,f2,label\n1,2,a\n3,oops,b\n");
    DataPanel* data = window_->dataPanel();
    QSignalSpy failed(data, &DataPanel::importFailed);
    data->importCsv(path);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
    const QString message = failed.at(0).at(0).toString();
    QVERIFY2(message.contains(QStringLiteral("bad.csv")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("line 3")), qPrintable(message));
    auto* label = child<QLabel>("dataMessageLabel");
    QCOMPARE(label->text(), message);
    QVERIFY(!label->isHidden());
    QCOMPARE(window_->session()->currentVersionId(), qint64(0));
    QTRY_VERIFY(!window_->tasks()->isBusy());
}

void TestGui::fullLoop()
{
    ProjectSession* session = window_->session();

    // 1. Import: 150 rows, 4 features, 3 well separated classes.
    QByteArray csv = "sepal_length,sepal_width,petal_length,petal_width,species\n";
    const char* names[] = {"setosa", "versicolor", "virginica"};
    for (int i = 0; i < 150; ++i) {
        const int cls = i % 3;
        QByteArray row;
        for (int f = 0; f < 4; ++f) {
            const double noise = double((i * 37 + f * 11) % 17) / 17.0 - 0.5;
            row += QByteArray::number(cls * 4.0 + f * 0.5 + noise, 'f', 3) + ',';
        }
        csv += row + names[cls] + '\n';
    }
    DataPanel* data = window_->dataPanel();
    QSignalSpy imported(data, &DataPanel::importFinished);
    QSignalSpy importFailed(data, &DataPanel::importFailed);
    // The label chosen in the import wizard's Columns page, as a user picks it from the list.
    data->inspectCsv(writeFile(QStringLiteral("blobs.csv"), csv), QStringLiteral("blobs"));
    CsvImportWizard* wizard = nullptr;
    QTRY_VERIFY((wizard = window_->findChild<CsvImportWizard*>(QStringLiteral("csvImportWizard"))));
    QTRY_VERIFY_WITH_TIMEOUT(!wizard->columnsPage()->isLoading(), 20000);
    auto* role = wizard->findChild<QComboBox*>(QStringLiteral("csvRole_4"));
    QVERIFY(role);
    role->setCurrentIndex(role->findData(int(ColumnRole::Label)));
    Q_EMIT role->activated(role->currentIndex());
    QCOMPARE(wizard->columnsPage()->labelColumn(), QStringLiteral("species"));
    wizard->button(QWizard::NextButton)->click();
    QTRY_VERIFY_WITH_TIMEOUT(wizard->button(QWizard::FinishButton)->isEnabled(), 20000);
    wizard->button(QWizard::FinishButton)->click();
    QTRY_VERIFY_WITH_TIMEOUT(imported.count() + importFailed.count() > 0, 60000);
    QVERIFY2(importFailed.isEmpty(), qPrintable(data->messageText()));
    const qint64 versionId = imported.at(0).at(0).toLongLong();
    QVERIFY(versionId > 0);
    QCOMPARE(session->currentVersionId(), versionId);
    auto* tree = child<QTreeWidget>("datasetTree");
    QCOMPARE(tree->topLevelItemCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->childCount(), 1);
    QCOMPARE(tree->topLevelItem(0)->child(0)->text(2), QStringLiteral("150"));
    QTRY_COMPARE_WITH_TIMEOUT(child<QTableView>("previewTable")->model()->rowCount(), 150, 20000);
    QCOMPARE(child<QTableView>("previewTable")->model()->columnCount(), 5);
    QCOMPARE(child<QTableWidget>("classCountsTable")->rowCount(), 3);
    QCOMPARE(child<QTableWidget>("classCountsTable")->item(0, 1)->text(), QStringLiteral("50"));

    // 2. Split through the menu action.
    action("actionCreateSplit")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(session->currentSplitId() > 0, 30000);
    QTRY_COMPARE(child<QTableWidget>("splitTable")->rowCount(), 1);

    // 3. Architecture: the shapes now use the dataset's 4 inputs and 3 classes.
    auto* shapes = child<QTableWidget>("shapeTable");
    QVERIFY(shapes->item(0, 0)->text().contains(QStringLiteral("4")));
    QVERIFY(shapes->item(shapes->rowCount() - 1, 0)->text().endsWith(QStringLiteral("3")));
    action("actionSaveArchitecture")->trigger();
    QVERIFY(session->currentArchitectureId() > 0);
    QCOMPARE(child<QListWidget>("savedArchitecturesList")->count(), 1);

    // 4. Train a few epochs; the live plot gets points.
    TrainingPanel* training = window_->trainingPanel();
    QVERIFY2(training->missingRequirement().isEmpty(), qPrintable(training->missingRequirement()));
    QVERIFY(child<QPushButton>("startTrainingButton")->isEnabled());
    child<QSpinBox>("epochsSpin")->setValue(8);
    child<QSpinBox>("batchSizeSpin")->setValue(16);
    child<QDoubleSpinBox>("learningRateSpin")->setValue(0.01);
    child<QSpinBox>("threadsSpin")->setValue(2);
    action("actionStartTraining")->trigger();
    QVERIFY(window_->training()->isRunning());
    QVERIFY(action("actionStopTraining")->isEnabled());
    QVERIFY(!action("actionStartTraining")->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(!window_->training()->isRunning(), 300000);
    QTRY_VERIFY(session->currentRunId() > 0);
    const qint64 runId = session->currentRunId();
    completedRunId_ = runId;
    QVERIFY(training->plot()->pointCount(QStringLiteral("train/loss")) > 0);
    QCOMPARE(training->plot()->pointCount(QStringLiteral("val/accuracy")), 8);
    QCOMPARE(training->shownRunId(), runId);

    // 5. Evaluate and export through the Run menu.
    action("actionEvaluateRun")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        !flightdeck::store::RunRepository(session->project()).evaluations(runId).empty(), 120000);
    QTRY_VERIFY(!window_->evaluationPanel()->isEvaluating() && !window_->tasks()->isBusy());
    action("actionExportRun")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!flightdeck::store::ModelRegistry(session->project()).models().empty(), 120000);
    QTRY_VERIFY(!window_->exportPanel()->isExporting() && !window_->tasks()->isBusy());

    // 6. A production log with good lines and one broken line.
    QByteArray log;
    for (int i = 0; i < 6; ++i)
        log += "{\"timestamp\": " + QByteArray::number(1700000000 + i * 30) + ", \"latency_ms\": "
               + QByteArray::number(3 + i) + ", \"prediction\": \"" + names[i % 3]
               + "\", \"features\": [1, 2, 3, 4]}\n";
    log += "{\"timestamp\": oops\n";
    window_->monitoringPanel()->openLog(writeFile(QStringLiteral("predictions.jsonl"), log));
    QTRY_VERIFY_WITH_TIMEOUT(window_->monitoringPanel()->analysis() != nullptr, 60000);
    QTRY_VERIFY(!window_->monitoringPanel()->isLoading());
    QCOMPARE(window_->monitoringPanel()->analysis()->stats.records, qint64(6));
    QCOMPARE(window_->monitoringPanel()->analysis()->stats.skipped, qint64(1));
    auto* problems = child<QListWidget>("problemsList");
    QVERIFY(problems && problems->count() >= 1);
    QVERIFY2(problems->item(0)->text().contains(QStringLiteral("7")), qPrintable(problems->item(0)->text()));

    // 7. The project database has it all.
    flightdeck::store::RunRepository runs(session->project());
    const auto run = runs.run(runId);
    QCOMPARE(run.status, flightdeck::store::RunStatus::Completed);
    QCOMPARE(run.versionId, versionId);
    QVERIFY(!runs.metrics(runId, "train/loss").empty());
    const auto accuracy = runs.metrics(runId, "val/accuracy");
    QCOMPARE(accuracy.size(), std::size_t(8));
    QVERIFY2(accuracy.back().value > 0.6, qPrintable(QString::number(accuracy.back().value)));
    const auto evaluations = runs.evaluations(runId);
    QCOMPARE(evaluations.size(), std::size_t(1));
    QVERIFY(evaluations.front().accuracy > 0.6);
    flightdeck::store::ModelRegistry registry(session->project());
    const auto models = registry.models();
    QCOMPARE(models.size(), std::size_t(1));
    QCOMPARE(models.front().runId, runId);
    const QString bundle = QString::fromStdString(models.front().bundlePath);
    QVERIFY2(QFileInfo(QDir(session->folder()).filePath(bundle)).isDir(), qPrintable(bundle));

    // 8. ... and the panels show it.
    QTRY_VERIFY(child<QTableView>("runsTable")->model()->rowCount() >= 1);
    auto* accuracyLabel = child<QLabel>("accuracyLabel");
    QVERIFY(accuracyLabel);
    QVERIFY2(accuracyLabel->text().contains(QRegularExpression(QStringLiteral("\\d"))),
             qPrintable(accuracyLabel->text()));
    QTRY_VERIFY(child<QTableWidget>("registryTable")->rowCount() >= 1);

    // Selecting the stored run again (no training running) redraws it from the stored metrics.
    session->setCurrentRun(0);
    QCOMPARE(training->plot()->pointCount(), 0);
    session->setCurrentRun(runId);
    QCOMPARE(training->plot()->pointCount(QStringLiteral("val/accuracy")), 8);

    // For review: the whole loop in one picture, the curve drawn from the stored metrics.
    const QString screenshot = qEnvironmentVariable("FLIGHTDECK_SCREENSHOT");
    if (!screenshot.isEmpty()) {
        window_->findChild<QDockWidget*>(QStringLiteral("dockEvaluation"))->raise();
        QTest::qWait(200);
        QVERIFY(window_->grab().save(screenshot));
    }
}

void TestGui::trainingFailureIsShown()
{
    if (RuntimeText::info().cudaAvailable)
        QSKIP("CUDA is available here, so a CUDA run does not fail");
    // Asking for CUDA where there is none fails in the trainer: the panel says why, the main
    // window opens a non-modal warning, and nothing blocks or crashes.
    auto* device = child<QComboBox>("deviceCombo");
    device->setCurrentIndex(2);   // CUDA
    action("actionStartTraining")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!window_->training()->isRunning(), 60000);
    auto* status = child<QLabel>("trainingStatusLabel");
    QVERIFY(!status->text().isEmpty());
    QVERIFY(status->styleSheet().contains(QStringLiteral("color")));
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = window_->findChild<QMessageBox*>(QStringLiteral("errorMessageBox"))));
    QCOMPARE(box->text(), status->text());
    qInfo("training failure shown as: %s", qPrintable(status->text()));
    box->close();
    device->setCurrentIndex(0);
    QVERIFY(action("actionStartTraining")->isEnabled());
    // Back to the completed run: its stored curves are drawn again.
    window_->session()->setCurrentRun(completedRunId_);
    QVERIFY(window_->trainingPanel()->plot()->pointCount() > 0);
}

void TestGui::languageSwitchRetranslates()
{
    // Every panel handles QEvent::LanguageChange (retranslateUi) without losing its content.
    const int runs = child<QTableView>("runsTable")->model()->rowCount();
    Translations::apply(QStringLiteral("de"));
    QCoreApplication::processEvents();
    for (const QString& name : kDocks)
        QVERIFY2(!window_->findChild<QDockWidget*>(name)->windowTitle().isEmpty(), qPrintable(name));
    QCOMPARE(child<QTableView>("runsTable")->model()->rowCount(), runs);
    QCOMPARE(child<QTreeWidget>("datasetTree")->topLevelItemCount(), 1);
    QVERIFY(window_->trainingPanel()->plot()->pointCount() > 0);
    Translations::apply(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCOMPARE(action("actionStartTraining")->text(), QStringLiteral("&Start Training"));
    QCOMPARE(window_->findChild<QDockWidget*>(QStringLiteral("dockTraining"))->windowTitle(),
             QStringLiteral("Training"));

    // Preferences (a non-modal dialog): threads become the Training panel's default.
    action("actionPreferences")->trigger();
    PreferencesDialog* dialog = nullptr;
    QTRY_VERIFY((dialog = window_->findChild<PreferencesDialog*>()) && dialog->isVisible());
    // At most the cores (2 on CI): more threads than cores are refused by the trainer.
    auto* threads = dialog->findChild<QSpinBox*>(QStringLiteral("trainingThreadsSpin"));
    QCOMPARE(threads->maximum(), QThread::idealThreadCount());
    threads->setValue(1);
    dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok)->click();
    QCOMPARE(Settings::trainingThreads().get(), 1);
    QCOMPARE(child<QSpinBox>("threadsSpin")->value(), 1);
    QCOMPARE(Settings::language().get(), QString());
}

void TestGui::switchingProjectsDuringTrainingKeepsThemApart()
{
    // A run belongs to its project: opening another one stops it, records it as cancelled in
    // its own project, and leaves the new project's selection untouched.
    const QString first = window_->session()->folder();
    child<QComboBox>("deviceCombo")->setCurrentIndex(0);
    child<QSpinBox>("epochsSpin")->setValue(2000);
    action("actionStartTraining")->trigger();
    QVERIFY(window_->training()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(window_->training()->currentRunId() > 0, 60000);
    const qint64 runId = window_->training()->currentRunId();

    QVERIFY(window_->openProject(dir_.filePath(QStringLiteral("other")), true));
    QTRY_VERIFY_WITH_TIMEOUT(!window_->training()->isRunning(), 120000);
    QCOMPARE(window_->session()->currentRunId(), qint64(0));
    QVERIFY(flightdeck::store::RunRepository(window_->session()->project()).runs().empty());

    auto old = flightdeck::store::Project::open(first.toStdString());
    QCOMPARE(flightdeck::store::RunRepository(old).run(runId).status, flightdeck::store::RunStatus::Cancelled);
}

void TestGui::cleanupTestCase()
{
    if (!window_)
        return;
    window_->close();
    window_.reset();
}

QTEST_MAIN(TestGui)
#include "test_gui.moc"
