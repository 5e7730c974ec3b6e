// The Training panel's recipe, pause and resume (issue 8), in a real MainWindow under the
// offscreen platform with real training on small tables: a recipe chosen in the form is what the
// run records; a paused run stops taking steps and then completes; a stopped run continues as
// the same run through Resume Run; a regression run draws an RMSE curve and its evaluation
// shows RMSE, MAE, R^2 and MAPE instead of an error; augmentation is offered for an image
// version only and reaches its run.
#include "common/ProjectSession.h"
#include "common/TrainingController.h"
#include "evaluation/EvaluationPanel.h"
#include "evaluation/RegressionView.h"
#include "mainwindow/MainWindow.h"
#include "mainwindow/QuitGuard.h"
#include "training/LivePlot.h"
#include "training/TrainingPanel.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/data/ImageSet.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

using namespace flightdeck::ui;
namespace store = flightdeck::store;

namespace {

struct Ids {
    qint64 version = 0, split = 0, architecture = 0;
};

// A 3-class table (classification) or a numeric target y = 3a - 2b + noise (regression).
Ids makeProject(const QString& folder, bool regression, int rows = 300)
{
    Ids ids;
    auto project = store::Project::create(folder.toStdString());
    flightdeck::data::Table table;
    table.labelName = "y";
    table.featureNames = {"a", "b"};
    for (int i = 0; i < rows; ++i) {
        const float a = static_cast<float>(i % 17) * 0.3f, b = static_cast<float>(i % 5) * 0.7f;
        table.features.push_back(a);
        table.features.push_back(b);
        if (regression) {
            // Stored like an imported numeric column: the labels index the values' texts.
            table.classes.push_back(std::to_string(3.0 * a - 2.0 * b + 0.01 * i));
            table.labels.push_back(i);
        } else {
            table.features[table.features.size() - 2] += static_cast<float>(i % 3) * 4.0f;
            table.labels.push_back(i % 3);
        }
    }
    if (!regression)
        table.classes = {"x", "y", "z"};
    flightdeck::data::DatasetCatalog catalog(project);
    ids.version = catalog
                      .addVersion("t", table, "t.csv",
                                  regression ? flightdeck::data::DatasetTask::TableRegression
                                             : flightdeck::data::DatasetTask::TableClassification)
                      .id;
    ids.split = catalog.createSplit(ids.version, {0.7, 0.15, 0.15}, 7).id;
    auto spec = flightdeck::model::defaultMlp();
    ids.architecture = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    return ids;
}

}  // namespace

class TestGuiRecipe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void recipeGoesIntoTheRun();
    void pauseHoldsTheRun();
    void resumeRunContinuesTheSameRun();
    void regressionRunShowsRmse();
    void imageVersionEnablesAugmentation();

private:
    // A window on a fresh project with its version, split and architecture selected.
    Ids open(const QString& name, bool regression, int rows = 300);
    template <typename T> T* child(const char* name) const
    {
        return window_->findChild<T*>(QString::fromLatin1(name));
    }
    void setBudget(int epochs, int batch);
    bool rowVisible(const char* field) const;

    QTemporaryDir dir_;
    std::unique_ptr<MainWindow> window_;
};

void TestGuiRecipe::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_recipe"));
    QApplication::setQuitOnLastWindowClosed(false);
    QVERIFY(dir_.isValid());
}

void TestGuiRecipe::init()
{
    QSettings().clear();
}

void TestGuiRecipe::cleanup()
{
    if (window_) {
        window_->training()->stop();
        window_->training()->waitForFinished();
        window_->quitGuard()->setAsker([](QMessageBox&) { return QMessageBox::Discard; });
    }
    window_.reset();
}

Ids TestGuiRecipe::open(const QString& name, bool regression, int rows)
{
    const QString folder = dir_.filePath(name);
    const Ids ids = makeProject(folder, regression, rows);
    window_ = std::make_unique<MainWindow>();
    window_->resize(1366, 768);
    window_->show();
    if (!QTest::qWaitForWindowExposed(window_.get()) || !window_->openProject(folder))
        return {};
    ProjectSession* session = window_->session();
    session->setCurrentVersion(ids.version);
    session->setCurrentSplit(ids.split);
    session->setCurrentArchitecture(ids.architecture);
    return ids;
}

void TestGuiRecipe::setBudget(int epochs, int batch)
{
    child<QSpinBox>("epochsSpin")->setValue(epochs);
    child<QSpinBox>("batchSizeSpin")->setValue(batch);
    child<QDoubleSpinBox>("learningRateSpin")->setValue(0.01);
    child<QSpinBox>("threadsSpin")->setValue(1);
}

bool TestGuiRecipe::rowVisible(const char* field) const
{
    auto* widget = child<QWidget>(field);
    auto* form = child<QWidget>("recipeForm");
    auto* layout = qobject_cast<QFormLayout*>(form->layout());
    // Paired fields (momentum + Nesterov) sit in a row widget of their own.
    QWidget* rowField = widget->parentWidget() == form ? widget : widget->parentWidget();
    return layout->isRowVisible(rowField);
}

void TestGuiRecipe::recipeGoesIntoTheRun()
{
    const Ids ids = open(QStringLiteral("recipe"), false);
    QVERIFY(ids.version > 0);
    auto* tabs = child<QTabWidget>("trainingTabs");
    tabs->setCurrentWidget(child<QWidget>("recipeForm"));

    // Fields of another optimizer or schedule are not shown.
    QVERIFY(!rowVisible("momentumSpin"));
    QVERIFY(!rowVisible("minLearningRateSpin"));
    auto* optimizer = child<QComboBox>("optimizerCombo");
    optimizer->setCurrentIndex(optimizer->findText(QStringLiteral("SGD")));
    QVERIFY(rowVisible("momentumSpin"));
    child<QDoubleSpinBox>("momentumSpin")->setValue(0.8);
    child<QCheckBox>("nesterovCheck")->setChecked(true);
    auto* schedule = child<QComboBox>("scheduleCombo");
    schedule->setCurrentIndex(schedule->findText(QStringLiteral("Cosine")));
    QVERIFY(rowVisible("minLearningRateSpin"));
    QVERIFY(!rowVisible("stepEpochsSpin"));
    QVERIFY(!rowVisible("plateauPatienceSpin"));
    // Augmentation is for images only; the monitor offers classification metrics.
    QVERIFY(!child<QSpinBox>("cropPaddingSpin")->isEnabled());
    auto* monitor = child<QComboBox>("monitorCombo");
    QVERIFY(monitor->findData(QStringLiteral("val/accuracy")) >= 0);
    QVERIFY(monitor->findData(QStringLiteral("val/rmse")) < 0);

    // A value the trainer would refuse is named, and Start waits for it.
    setBudget(3, 32);
    child<QDoubleSpinBox>("minLearningRateSpin")->setValue(0.5);
    auto* message = child<QLabel>("recipeMessage");
    QVERIFY(message->isVisibleTo(window_.get()));
    QVERIFY2(message->text().contains(QStringLiteral("Minimum learning rate")), qPrintable(message->text()));
    QVERIFY(!child<QPushButton>("startTrainingButton")->isEnabled());
    QVERIFY(window_->trainingPanel()->missingRequirement().contains(QStringLiteral("Minimum learning rate")));
    child<QDoubleSpinBox>("minLearningRateSpin")->setValue(0.0001);
    QVERIFY(!message->isVisibleTo(window_.get()));
    auto* loss = child<QComboBox>("lossCombo");
    loss->setCurrentIndex(loss->findText(QStringLiteral("MSE")));   // not for classes
    QVERIFY(!child<QPushButton>("startTrainingButton")->isEnabled());
    loss->setCurrentIndex(loss->findText(QStringLiteral("Cross-entropy")));
    child<QDoubleSpinBox>("clipGradNormSpin")->setValue(1.5);
    child<QSpinBox>("earlyStopPatienceSpin")->setValue(5);
    monitor->setCurrentIndex(monitor->findData(QStringLiteral("val/accuracy")));
    child<QCheckBox>("balancedClassWeightsCheck")->setChecked(true);
    QVERIFY(child<QPushButton>("startTrainingButton")->isEnabled());

    QTest::mouseClick(child<QPushButton>("startTrainingButton"), Qt::LeftButton);
    QVERIFY(window_->training()->isRunning());
    QTRY_VERIFY_WITH_TIMEOUT(!window_->training()->isRunning(), 120000);
    const qint64 runId = window_->session()->currentRunId();
    QVERIFY(runId > 0);
    store::RunRepository runs(window_->session()->project());
    QCOMPARE(runs.run(runId).status, store::RunStatus::Completed);
    const auto params = runs.params(runId);
    QCOMPARE(params.at("optimizer"), std::string("sgd"));
    QCOMPARE(params.at("schedule"), std::string("cosine"));
    QCOMPARE(params.at("nesterov"), std::string("true"));
    QCOMPARE(std::stod(params.at("momentum")), 0.8);
    QCOMPARE(std::stod(params.at("min_learning_rate")), 0.0001);
    QCOMPARE(std::stod(params.at("clip_grad_norm")), 1.5);
    QCOMPARE(params.at("early_stop_patience"), std::string("5"));
    QCOMPARE(params.at("monitor"), std::string("val/accuracy"));
    QCOMPARE(params.at("class_weights"), std::string("balanced"));
    QCOMPARE(params.at("loss"), std::string("cross_entropy"));
    QCOMPARE(window_->trainingPanel()->plot()->pointCount(QStringLiteral("val/accuracy")), 3);
    // The learning rate was recorded per epoch, falling along the cosine.
    const auto rates = runs.metrics(runId, std::string(flightdeck::metric::LearningRate));
    QCOMPARE(rates.size(), std::size_t(3));
    QVERIFY(rates[0].value > rates[1].value && rates[1].value > rates[2].value);
}

void TestGuiRecipe::pauseHoldsTheRun()
{
    QVERIFY(open(QStringLiteral("pause"), false, 1200).version > 0);
    setBudget(6, 4);   // ~1,260 steps
    TrainingController* controller = window_->training();
    QSignalSpy progress(controller, &TrainingController::progress);
    QTest::mouseClick(child<QPushButton>("startTrainingButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60000);

    auto* pause = child<QPushButton>("pauseTrainingButton");
    QVERIFY(pause->isEnabled());
    const QString pauseText = pause->text();
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(controller->isPaused());
    QVERIFY(pause->text() != pauseText);   // "Continue"
    QVERIFY(child<QLabel>("trainingStatusLabel")->text().contains(QStringLiteral("paused")));
    QVERIFY(window_->findChild<QLabel*>(QStringLiteral("statusTaskLabel"))->text().contains(QStringLiteral("paused")));
    // The batch in flight ends, then nothing: no step and no recorded point while paused.
    QTest::qWait(300);
    progress.clear();
    const qint64 runId = controller->currentRunId();
    QVERIFY(runId > 0);
    const auto count = [&] {
        auto project = store::Project::open(window_->session()->folder().toStdString());
        return store::RunRepository(project).metrics(runId).size();
    };
    QTest::qWait(700);   // past the trainer's 0.5 s metric flush
    const auto stored = count();
    QTest::qWait(800);
    QCOMPARE(progress.count(), 0);
    QCOMPARE(count(), stored);
    QVERIFY(controller->isRunning());

    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(!controller->isPaused());
    QCOMPARE(pause->text(), pauseText);
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 30000);
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 300000);
    store::RunRepository runs(window_->session()->project());
    QCOMPARE(runs.run(runId).status, store::RunStatus::Completed);
    QVERIFY(count() > stored);
}

void TestGuiRecipe::resumeRunContinuesTheSameRun()
{
    QVERIFY(open(QStringLiteral("resume"), false, 1200).version > 0);
    setBudget(10, 4);   // long enough to be stopped in its second epoch
    TrainingController* controller = window_->training();
    QSignalSpy progress(controller, &TrainingController::progress);
    auto* resume = child<QPushButton>("resumeRunButton");
    QVERIFY(!resume->isEnabled());
    QTest::mouseClick(child<QPushButton>("startTrainingButton"), Qt::LeftButton);
    // Past the first epoch, so the stopped run has a curve to continue.
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.last().at(2).toInt() >= 2, 120000);
    const qint64 runId = controller->currentRunId();
    QTest::mouseClick(child<QPushButton>("stopTrainingButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 60000);
    QCOMPARE(window_->session()->currentRunId(), runId);
    QCOMPARE(store::RunRepository(window_->session()->project()).run(runId).status, store::RunStatus::Cancelled);
    TrainingPanel* panel = window_->trainingPanel();
    const int before = panel->plot()->pointCount(QStringLiteral("train/loss"));
    QVERIFY(before > 0);
    QVERIFY(resume->isEnabled());

    QTest::mouseClick(resume, Qt::LeftButton);
    QVERIFY(controller->isRunning());
    QVERIFY(!resume->isEnabled());
    // The stored curve stays while the run continues.
    QVERIFY(panel->plot()->pointCount(QStringLiteral("train/loss")) > 0);
    QTRY_VERIFY_WITH_TIMEOUT(!controller->isRunning(), 300000);
    QCOMPARE(window_->session()->currentRunId(), runId);
    store::RunRepository runs(window_->session()->project());
    QCOMPARE(runs.run(runId).status, store::RunStatus::Completed);
    QCOMPARE(runs.runs().size(), std::size_t(1));
    QVERIFY(runs.params(runId).count("resumed_from_step"));
    QCOMPARE(panel->shownRunId(), runId);
    QCOMPARE(panel->plot()->pointCount(QStringLiteral("val/accuracy")), 10);
    QVERIFY(panel->plot()->pointCount(QStringLiteral("train/loss")) > before);
    QVERIFY(!resume->isEnabled());   // a completed run is not resumable
}

void TestGuiRecipe::regressionRunShowsRmse()
{
    QVERIFY(open(QStringLiteral("regression"), true).version > 0);
    setBudget(4, 16);
    auto* monitor = child<QComboBox>("monitorCombo");
    QVERIFY(monitor->findData(QStringLiteral("val/rmse")) >= 0);
    QVERIFY(monitor->findData(QStringLiteral("val/accuracy")) < 0);
    QVERIFY(!child<QCheckBox>("balancedClassWeightsCheck")->isEnabled());
    QTest::mouseClick(child<QPushButton>("startTrainingButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->training()->isRunning(), 120000);
    const qint64 runId = window_->session()->currentRunId();
    QVERIFY(runId > 0);
    store::RunRepository runs(window_->session()->project());
    QCOMPARE(runs.run(runId).status, store::RunStatus::Completed);
    QCOMPARE(runs.params(runId).at("task"), std::string("regression"));

    LivePlot* plot = window_->trainingPanel()->plot();
    QVERIFY(plot->isRegression());
    QCOMPARE(plot->pointCount(QStringLiteral("val/rmse")), 4);
    QCOMPARE(plot->pointCount(QStringLiteral("val/accuracy")), 0);
    QVERIFY(plot->lastValidationText().contains(QStringLiteral("RMSE")));

    EvaluationPanel* evaluation = window_->evaluationPanel();
    evaluation->evaluateCurrentRun();
    QTRY_VERIFY_WITH_TIMEOUT(!runs.evaluations(runId).empty(), 60000);
    QTRY_VERIFY(!evaluation->isEvaluating());
    auto* view = evaluation->findChild<RegressionView*>(QStringLiteral("regressionView"));
    QTRY_VERIFY(view->isVisibleTo(evaluation));
    auto* message = evaluation->findChild<QLabel*>(QStringLiteral("evaluationMessageLabel"));
    QVERIFY2(!message->isVisibleTo(evaluation) || message->text().isEmpty(), qPrintable(message->text()));
    for (const char* name : {"rmseLabel", "maeLabel", "r2Label", "mapeLabel", "regressionSamplesLabel"}) {
        auto* label = evaluation->findChild<QLabel*>(QString::fromLatin1(name));
        QVERIFY2(label && label->text() != QStringLiteral("\u2014"), name);
    }
    QVERIFY(!evaluation->findChild<QWidget*>(QStringLiteral("evaluationSplitter"))->isVisibleTo(evaluation));
}

void TestGuiRecipe::imageVersionEnablesAugmentation()
{
    // 80 gray 8x8 images of two classes (a bright or a dark left half).
    const QString folder = dir_.filePath(QStringLiteral("images"));
    qint64 version = 0, split = 0, architecture = 0;
    {
        auto project = store::Project::create(folder.toStdString());
        flightdeck::data::ImageSet images;
        images.height = images.width = 8;
        images.classes = {"bright", "dark"};
        for (int i = 0; i < 80; ++i) {
            images.names.push_back("img" + std::to_string(i));
            images.labels.push_back(i % 2);
            for (int p = 0; p < 64; ++p)
                images.pixels.push_back(static_cast<std::uint8_t>((p % 8 < 4) == (i % 2 == 0) ? 200 + i % 50 : 20 + i % 30));
        }
        flightdeck::data::DatasetCatalog catalog(project);
        version = catalog.addImageVersion("img", images, "images").id;
        split = catalog.createSplit(version, {0.7, 0.15, 0.15}, 7).id;
        const auto spec = flightdeck::model::defaultMlp();
        architecture = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    }
    window_ = std::make_unique<MainWindow>();
    window_->resize(1366, 768);
    window_->show();
    QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    QVERIFY(window_->openProject(folder));
    window_->session()->setCurrentVersion(version);
    window_->session()->setCurrentSplit(split);
    window_->session()->setCurrentArchitecture(architecture);

    QVERIFY(child<QSpinBox>("cropPaddingSpin")->isEnabled());
    QVERIFY(child<QCheckBox>("flipCheck")->isEnabled());
    // Images carry classes: regression is refused by name.
    auto* task = child<QComboBox>("taskCombo");
    task->setCurrentIndex(task->findText(QStringLiteral("Regression")));
    QVERIFY(child<QLabel>("recipeMessage")->text().startsWith(QStringLiteral("Task:")));
    QVERIFY(!child<QPushButton>("startTrainingButton")->isEnabled());
    task->setCurrentIndex(task->findText(QStringLiteral("From the dataset")));
    child<QSpinBox>("cropPaddingSpin")->setValue(2);
    child<QCheckBox>("flipCheck")->setChecked(true);
    setBudget(2, 16);
    QTest::mouseClick(child<QPushButton>("startTrainingButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window_->training()->isRunning(), 120000);
    const qint64 runId = window_->session()->currentRunId();
    QVERIFY(runId > 0);
    store::RunRepository runs(window_->session()->project());
    QCOMPARE(runs.run(runId).status, store::RunStatus::Completed);
    const auto params = runs.params(runId);
    QCOMPARE(params.at("augment_crop_padding"), std::string("2"));
    QCOMPARE(params.at("augment_flip"), std::string("true"));

    // A table version turns augmentation off again (and the run would not get it).
    window_->session()->setCurrentVersion(0);
    QVERIFY(!child<QSpinBox>("cropPaddingSpin")->isEnabled());
}

QTEST_MAIN(TestGuiRecipe)
#include "test_gui_recipe.moc"
