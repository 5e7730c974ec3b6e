// The monitoring dashboard against a reference: a simulated log whose "income" shifts half-way
// is loaded with the deployed model's bundle as reference; the drift table flags income and
// nothing else, brushing a range re-measures every view, an alert rule fires on the shift,
// follow mode picks up appended and rotated lines, and bad input is named, not hidden. A
// dataset version of the project can be the reference: a table version's features, or an image
// version's brightness and contrast against a log of a real image model's answers whose images
// brighten half-way (docs/screenshots/monitoring-image-drift*.png with FLIGHTDECK_SCREENSHOT_DIR).
#include "common/ShapeImages.h"
#include "common/Translations.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "monitoring/AlertRuleDialog.h"
#include "monitoring/AlertRulesView.h"
#include "monitoring/DashboardSnapshot.h"
#include "monitoring/DashboardWorker.h"
#include "monitoring/DistributionPlot.h"
#include "monitoring/DriftTable.h"
#include "monitoring/DriftTimeCharts.h"
#include "monitoring/MonitoringCharts.h"
#include "monitoring/MonitoringPanel.h"
#include "monitoring/ReferencePicker.h"
#include "monitoring/TimeBrush.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/ImageInput.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/GraphSpec.h"
#include "flightdeck/monitor/LogSimulator.h"
#include "flightdeck/serve/BundleModel.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"
#include "flightdeck/monitor/ReferenceProfile.h"
#include "flightdeck/store/AlertRuleRepository.h"
#include "flightdeck/store/ModelRegistry.h"
#include "flightdeck/store/Project.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <iterator>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

using namespace flightdeck::ui;
namespace monitor = flightdeck::monitor;
namespace store = flightdeck::store;

namespace {

constexpr double kStart = 1795392000;   // the simulator's default start
constexpr double kShiftAt = 1800;       // income moves half-way through the hour

monitor::ReferenceProfile makeProfile(int rows) {
    std::mt19937 rng(7);
    std::normal_distribution<double> age(40, 10), income(50, 15);
    std::uniform_real_distribution<double> score(0, 1);
    std::vector<std::vector<double>> columns(3);
    std::vector<std::int32_t> labels;
    for (int i = 0; i < rows; ++i) {
        columns[0].push_back(age(rng));
        columns[1].push_back(income(rng));
        columns[2].push_back(score(rng));
        labels.push_back(columns[2].back() > 0.5 ? 1 : 0);
    }
    auto profile = monitor::ReferenceProfile::fromColumns(
        {"age", "income", "score"}, columns,
        monitor::ProfileLabels::classification("label", {"low", "high"}, labels));
    // The simulator's model is calibrated by construction (P(correct | c) = c).
    std::vector<double> confidence;
    std::vector<std::uint8_t> correct;
    for (int i = 0; i < 2000; ++i) {
        const double c = 0.5 + 0.5 * score(rng);
        confidence.push_back(c);
        correct.push_back(score(rng) < c ? 1 : 0);
    }
    profile.calibration = monitor::ConfidenceCalibration::fit(confidence, correct);
    return profile;
}

std::string simulate(const monitor::ReferenceProfile& profile, double duration, std::string* truth = nullptr) {
    const auto sample = monitor::referenceFromProfile(profile, "test");
    monitor::SimulationOptions options;
    options.duration = duration;
    options.rate = 5;
    monitor::CovariateShift shift;
    shift.feature = "income";
    shift.add = 45;   // three reference standard deviations
    shift.from = kShiftAt;
    options.covariate.push_back(shift);
    std::ostringstream out, labels;
    monitor::simulateLog(monitor::SimulationSource::fromReference(sample), options, out, &labels);
    if (truth)
        *truth = labels.str();
    return out.str();
}

// An image log as flightdeck-serve writes it for {"pixels": [...]} requests to `bundle`: the
// logged features are the input's brightness and contrast, the answer the model's own; the
// images brighten by 60 levels from kShiftAt on.
std::string simulateImages(const flightdeck::data::ImageSet& images, const std::vector<std::uint32_t>& rows,
                           const std::filesystem::path& bundle, std::string* truth) {
    namespace data = flightdeck::data;
    auto model = std::make_shared<flightdeck::serve::BundleModel>(flightdeck::serve::BundleModel::load(bundle));
    monitor::ImageSimulationSource src;
    src.channels = images.channels;
    src.height = images.height;
    src.width = images.width;
    for (std::uint32_t r : rows) {
        src.pixels.insert(src.pixels.end(), images.image(r), images.image(r) + images.imageBytes());
        src.labels.push_back(images.classes[std::size_t(images.labels[r])]);
    }
    const data::ImageShape shape = model->info().image;
    src.serve = [model, shape](const std::vector<double>& pixels, std::size_t count) {
        std::vector<monitor::ServedImage> answers(count);
        std::vector<float> input;
        for (std::size_t i = 0; i < count; ++i) {
            const auto one = data::pixelsToInput(
                {pixels.begin() + std::ptrdiff_t(i * shape.values()), pixels.begin() + std::ptrdiff_t((i + 1) * shape.values())},
                shape);
            const auto look = data::brightnessContrast(one.data(), one.size());
            answers[i].features = {look.brightness, look.contrast};
            input.insert(input.end(), one.begin(), one.end());
        }
        const auto predictions = model->predict(input.data(), count);
        for (std::size_t i = 0; i < count; ++i) {
            answers[i].prediction = predictions[i].label;
            answers[i].confidence = predictions[i].confidence;
        }
        return answers;
    };
    monitor::SimulationOptions options;
    options.rate = 1;
    monitor::ImageShift brighter;
    brighter.brightness = 60;
    brighter.from = kShiftAt;
    options.image.push_back(brighter);
    std::ostringstream out, labels;
    monitor::simulateImageLog(src, options, out, &labels);
    *truth = labels.str();
    return out.str();
}

void writeText(const QString& path, const std::string& text, bool append = false) {
    std::ofstream out(path.toStdString(), append ? std::ios::app : std::ios::trunc);
    out << text;
}

const monitor::ColumnDrift* column(const DashboardSnapshot& s, const std::string& name) {
    for (const auto& c : s.rangeDrift->columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

}  // namespace

class TestGuiMonitoringDrift : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void deployedModelIsTheDefaultReference();
    void driftTableFlagsTheShiftedFeatureOnly();
    void brushingMeasuresTheSelectedRange();
    void alertRuleFiresOnTheShift();
    void rulesAreAddedAndDeletedThroughTheDialog();
    void mismatchedFeaturesAreNamed();
    void tooFewReferenceRowsAreSaid();
    void followModePicksUpAppendedAndRotatedLines();
    void aTableVersionIsTheReference();
    void anImageVersionFlagsBrightness();
    void cleanupTestCase();

private:
    std::shared_ptr<const DashboardSnapshot> waitFor(const std::function<bool(const DashboardSnapshot&)>& ready) {
        std::shared_ptr<const DashboardSnapshot> s;
        auto check = [&] {
            s = panel_->snapshot();
            return s && !panel_->worker()->isBusy() && ready(*s);
        };
        [&] { QTRY_VERIFY_WITH_TIMEOUT(check(), 60000); }();
        return s;
    }

    QTemporaryDir dir_;
    QString folder_, bundle_, log_;
    monitor::ReferenceProfile profile_;
    std::unique_ptr<ProjectSession> session_;
    std::unique_ptr<TaskRunner> runner_;
    std::unique_ptr<MonitoringPanel> panel_;
};

void TestGuiMonitoringDrift::initTestCase() {
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    folder_ = dir_.filePath(QStringLiteral("project"));
    bundle_ = dir_.filePath(QStringLiteral("project/exports/churn-v1"));
    {
        auto project = store::Project::create(folder_.toStdString());
        std::filesystem::create_directories(bundle_.toStdString());
        profile_ = makeProfile(2000);
        profile_.save(std::filesystem::path(bundle_.toStdString()) / monitor::kReferenceProfileFile);
        store::ModelRegistry registry(project);
        registry.registerModel("churn", 0, bundle_.toStdString(), "x");
        // A newer version without the alias: the default must still be the production one.
        registry.registerModel("churn", 0, dir_.filePath(QStringLiteral("elsewhere")).toStdString(), "y");
        registry.promote("churn", 1, "production", "test", "first");
    }
    std::string truth;
    log_ = dir_.filePath(QStringLiteral("predictions.jsonl"));
    writeText(log_, simulate(profile_, 3600, &truth));
    writeText(dir_.filePath(QStringLiteral("truth.jsonl")), truth);

    session_ = std::make_unique<ProjectSession>();
    runner_ = std::make_unique<TaskRunner>(session_.get());
    QString error;
    QVERIFY2(session_->openProject(folder_, false, &error), qPrintable(error));
    panel_ = std::make_unique<MonitoringPanel>(session_.get(), runner_.get());
    panel_->resize(1366, 768);
    panel_->show();
}

void TestGuiMonitoringDrift::deployedModelIsTheDefaultReference() {
    QTRY_COMPARE_WITH_TIMEOUT(panel_->referencePicker()->path(), bundle_, 30000);
    QVERIFY(panel_->referencePicker()->isDeployedDefault());
}

void TestGuiMonitoringDrift::driftTableFlagsTheShiftedFeatureOnly() {
    panel_->openLog(log_);
    panel_->setGroundTruth(dir_.filePath(QStringLiteral("truth.jsonl")));
    const auto s = waitFor([](const DashboardSnapshot& s) { return s.rangeDrift && !s.accuracy.realized.empty(); });
    QVERIFY(s);
    QCOMPARE(s->log->stats.records, s->rangeRows);
    QVERIFY(s->mismatch.empty());
    QVERIFY(column(*s, "income")->drifted);
    QVERIFY(!column(*s, "age")->drifted);
    QVERIFY(!column(*s, "score")->drifted);
    QVERIFY(!column(*s, "prediction")->drifted);

    DriftTable* table = panel_->driftTable();
    QCOMPARE(table->rowCount(), 4);
    QCOMPARE(table->severity(table->rowOf(QStringLiteral("income"))), DriftSeverity::Alarm);
    QCOMPARE(table->severity(table->rowOf(QStringLiteral("age"))), DriftSeverity::Fine);
    QCOMPARE(table->severity(table->rowOf(QStringLiteral("score"))), DriftSeverity::Fine);
    QCOMPARE(table->item(table->rowOf(QStringLiteral("income")), DriftTable::Drifted)->text(), QStringLiteral("drifted"));
    // The sparkline: one statistic per drift window, rising once the shift starts.
    const auto trend = table->item(table->rowOf(QStringLiteral("income")), DriftTable::Trend)
                           ->data(Qt::UserRole).value<QList<double>>();
    QCOMPARE(trend.size(), static_cast<int>(s->drift.starts.size()));
    QVERIFY(trend.size() >= 30);
    QVERIFY(trend.back() > 5 * trend.front());
    // The drifting column is selected and its histograms shown; the predictions beside it.
    QCOMPARE(table->selectedColumn(), QStringLiteral("income"));
    QVERIFY(panel_->featurePlot()->title().contains(QStringLiteral("income")));
    QVERIFY(panel_->featurePlot()->barCount() > 10);
    QCOMPARE(panel_->predictionPlot()->barCount(), 2);
    // Drift share over time and the label-free estimate next to realized accuracy.
    QCOMPARE(panel_->driftCharts()->sharePoints(), static_cast<int>(s->drift.starts.size()));
    QVERIFY(panel_->driftCharts()->estimatePoints() > 0);
    QVERIFY(s->drift.share.front() < 0.5 && s->drift.share.back() > 0.2);
}

void TestGuiMonitoringDrift::brushingMeasuresTheSelectedRange() {
    const auto whole = panel_->snapshot();
    // Before the shift, by dragging over the drift share plot.
    DriftTimeCharts* charts = panel_->driftCharts();
    charts->replot();
    QCPAxis* axis = charts->shareRect()->axis(QCPAxis::atBottom);
    const int y = charts->shareRect()->center().y();
    const QPoint from(static_cast<int>(axis->coordToPixel(kStart + 60)), y);
    const QPoint to(static_cast<int>(axis->coordToPixel(kStart + 1500)), y);
    QTest::mousePress(charts, Qt::LeftButton, {}, from);
    QTest::mouseMove(charts, (from + to) / 2);
    QTest::mouseMove(charts, to);
    QTest::mouseRelease(charts, Qt::LeftButton, {}, to);
    QVERIFY(panel_->brush()->range().has_value());
    const double a = panel_->brush()->range()->first, b = panel_->brush()->range()->second;
    QVERIFY2(std::abs(a - (kStart + 60)) < 60 && std::abs(b - (kStart + 1500)) < 60,
             qPrintable(QStringLiteral("%1 %2").arg(a - kStart).arg(b - kStart)));
    auto s = waitFor([&](const DashboardSnapshot& s) { return s.ranged && s.rangeStart == a; });
    QVERIFY(s->rangeRows > 0 && s->rangeRows < whole->rangeRows);
    QVERIFY(!column(*s, "income")->drifted);
    QCOMPARE(panel_->driftTable()->severity(panel_->driftTable()->rowOf(QStringLiteral("income"))), DriftSeverity::Fine);
    // Every time plot shows the range.
    for (QCPAxisRect* rect : {panel_->operationCharts()->latencyRect(), panel_->operationCharts()->rateRect(),
                              charts->shareRect(), charts->accuracyRect()}) {
        const QCPRange shown = rect->axis(QCPAxis::atBottom)->range();
        QVERIFY(shown.lower <= a && shown.upper >= b);
        QVERIFY(shown.size() < 1.5 * (b - a));
    }
    // After the shift, set directly (an alert's firing window does the same).
    panel_->brush()->setRange(kStart + 2400, kStart + 3600);
    s = waitFor([&](const DashboardSnapshot& s) { return s.ranged && s.rangeStart == kStart + 2400; });
    QVERIFY(column(*s, "income")->drifted);
    QVERIFY(!column(*s, "age")->drifted);
    QCOMPARE(panel_->driftTable()->severity(panel_->driftTable()->rowOf(QStringLiteral("income"))), DriftSeverity::Alarm);
    // "Whole log" resets every view.
    auto* whole_ = panel_->findChild<QPushButton*>(QStringLiteral("wholeLogButton"));
    QVERIFY(whole_->isEnabled());
    QTest::mouseClick(whole_, Qt::LeftButton);
    s = waitFor([](const DashboardSnapshot& s) { return !s.ranged; });
    QCOMPARE(s->rangeRows, whole->rangeRows);
    const QCPRange shown = panel_->operationCharts()->latencyRect()->axis(QCPAxis::atBottom)->range();
    QVERIFY(shown.size() > 3000);
}

void TestGuiMonitoringDrift::alertRuleFiresOnTheShift() {
    QVERIFY(panel_->alarmBanner()->isHidden());
    monitor::AlertRule shifted;
    shifted.name = "income moved";
    shifted.metric = monitor::AlertMetric::FeaturePsi;
    shifted.feature = "income";
    shifted.op = monitor::Comparison::Greater;
    shifted.threshold = 0.2;
    shifted.windowSeconds = 300;
    monitor::AlertRule steady = shifted;
    steady.name = "age moved";
    steady.feature = "age";
    panel_->alertRules()->saveRule(shifted);
    panel_->alertRules()->saveRule(steady);
    QTRY_COMPARE_WITH_TIMEOUT(panel_->alertRules()->rules().size(), std::size_t(2), 30000);
    const auto s = waitFor([](const DashboardSnapshot& s) { return s.alerts.size() == 2; });
    const AlertState* income = nullptr;
    const AlertState* age = nullptr;
    for (const AlertState& a : s->alerts)
        (a.result.rule.feature == "income" ? income : age) = &a;
    QVERIFY(income && age);
    QVERIFY(income->firingNow);
    QVERIFY(!age->firingNow);
    QVERIFY(age->result.firing.empty());
    // It fires from the shift on, in every 5-minute window after it, and not before.
    QVERIFY(!income->result.firing.empty());
    QVERIFY(income->result.firing.front().start >= kStart + kShiftAt - 300);
    QCOMPARE(static_cast<int>(income->result.firing.size()), 6);
    QTRY_VERIFY(panel_->alarmBanner()->isVisible());
    QVERIFY(panel_->alarmBanner()->text().contains(QStringLiteral("income moved")));
    QVERIFY(panel_->alarmBanner()->text().startsWith(QStringLiteral("1 ")));
}

void TestGuiMonitoringDrift::rulesAreAddedAndDeletedThroughTheDialog() {
    auto* add = panel_->findChild<QPushButton*>(QStringLiteral("addAlertRuleButton"));
    QVERIFY(add && add->isEnabled());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(panel_->findChild<AlertRuleDialog*>());
    auto* dialog = panel_->findChild<AlertRuleDialog*>();
    auto* ok = dialog->findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Ok);
    QVERIFY(!ok->isEnabled());   // no name yet
    dialog->findChild<QLineEdit*>(QStringLiteral("alertRuleName"))->setText(QStringLiteral("slow"));
    auto* metric = dialog->findChild<QComboBox*>(QStringLiteral("alertRuleMetric"));
    metric->setCurrentIndex(metric->findData(static_cast<int>(monitor::AlertMetric::LatencyP99)));
    dialog->findChild<QDoubleSpinBox*>(QStringLiteral("alertRuleThreshold"))->setValue(1000);
    QVERIFY(ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel_->alertRules()->rules().size(), std::size_t(3), 30000);
    QCOMPARE(store::AlertRuleRepository(session_->project()).list().size(), std::size_t(3));
    auto s = waitFor([](const DashboardSnapshot& s) { return s.alerts.size() == 3; });
    QCOMPARE(s->firingNow(), 1);   // 1 s p99 never happens here

    auto* tree = panel_->alertRules()->findChild<QTreeWidget*>(QStringLiteral("alertRulesTree"));
    QList<QTreeWidgetItem*> found = tree->findItems(QStringLiteral("slow"), Qt::MatchExactly);
    QCOMPARE(found.size(), 1);
    tree->setCurrentItem(found.front());
    QTest::mouseClick(panel_->findChild<QPushButton*>(QStringLiteral("deleteAlertRuleButton")), Qt::LeftButton);
    QTRY_VERIFY(panel_->findChild<QMessageBox*>(QStringLiteral("deleteAlertRuleBox")));
    auto* box = panel_->findChild<QMessageBox*>(QStringLiteral("deleteAlertRuleBox"));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel_->alertRules()->rules().size(), std::size_t(2), 30000);
    QCOMPARE(store::AlertRuleRepository(session_->project()).list().size(), std::size_t(2));
}

void TestGuiMonitoringDrift::mismatchedFeaturesAreNamed() {
    QString text;
    for (int i = 0; i < 50; ++i)
        text += QStringLiteral("{\"timestamp\": %1, \"latency_ms\": 5, \"prediction\": \"low\", "
                               "\"features\": {\"age\": 40, \"height\": 180}}\n").arg(kStart + i);
    const QString other = dir_.filePath(QStringLiteral("other.jsonl"));
    writeText(other, text.toStdString());
    panel_->openLog(other);
    const auto s = waitFor([](const DashboardSnapshot& s) { return s.log && s.log->stats.records == 50; });
    QVERIFY(!s->mismatch.empty());
    QVERIFY(!s->rangeDrift);
    auto* message = panel_->findChild<QLabel*>(QStringLiteral("monitoringMessageLabel"));
    QVERIFY(message->isVisible());
    for (const char* name : {"income", "score", "height"})
        QVERIFY2(message->text().contains(QLatin1String(name)), qPrintable(message->text()));
    QCOMPARE(panel_->driftTable()->rowCount(), 0);
    QCOMPARE(panel_->operationCharts()->pointCount() > 0, true);   // operations still shown

    // One odd record before a log of the reference's shape (a hand-made test request at
    // deployment): drift is shown, the odd record left out.
    std::string withOdd = text.left(text.indexOf(QLatin1Char('\n')) + 1).toStdString();
    {
        std::ifstream in(log_.toStdString());
        withOdd.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }
    const QString oddFirst = dir_.filePath(QStringLiteral("odd_first.jsonl"));
    writeText(oddFirst, withOdd);
    panel_->openLog(oddFirst);
    const auto t = waitFor([](const DashboardSnapshot& s) { return s.rangeDrift && s.log->stats.records > 1000; });
    QVERIFY2(t->mismatch.empty(), t->mismatch.c_str());

    // The same with array features after the odd record (the sample log's form).
    std::string arrays = text.left(text.indexOf(QLatin1Char('\n')) + 1).toStdString();
    std::mt19937 rng(3);
    std::normal_distribution<double> n(0, 1);
    for (int i = 0; i < 300; ++i)
        arrays += "{\"timestamp\": " + std::to_string(kStart + i) + ", \"latency_ms\": 5, \"prediction\": \"low\", "
                  "\"features\": [" + std::to_string(40 + 10 * n(rng)) + ", " + std::to_string(50 + 15 * n(rng))
                  + ", " + std::to_string(n(rng)) + "]}\n";
    const QString arrayLog = dir_.filePath(QStringLiteral("odd_then_arrays.jsonl"));
    writeText(arrayLog, arrays);
    panel_->openLog(arrayLog);
    const auto u = waitFor([](const DashboardSnapshot& s) { return s.log && s.log->stats.records == 301; });
    QVERIFY2(u->mismatch.empty(), u->mismatch.c_str());
}

void TestGuiMonitoringDrift::tooFewReferenceRowsAreSaid() {
    const QString tiny = dir_.filePath(QStringLiteral("tiny_profile.json"));
    makeProfile(3).save(tiny.toStdString());
    panel_->setReference(tiny);
    panel_->openLog(log_);
    const auto s = waitFor([](const DashboardSnapshot& s) {
        return s.rangeDrift && s.referenceRows == 3 && s.log->stats.records > 1000;
    });
    QVERIFY(!column(*s, "income")->evaluated);
    QVERIFY(!s->notes.empty());
    auto* message = panel_->findChild<QLabel*>(QStringLiteral("monitoringMessageLabel"));
    QVERIFY2(message->text().contains(QStringLiteral("too few reference rows")), qPrintable(message->text()));
    QCOMPARE(panel_->driftTable()->severity(panel_->driftTable()->rowOf(QStringLiteral("income"))),
             DriftSeverity::NotTested);
    panel_->referencePicker()->useDeployedModel();
}

void TestGuiMonitoringDrift::followModePicksUpAppendedAndRotatedLines() {
    QTRY_COMPARE_WITH_TIMEOUT(panel_->referencePicker()->path(), bundle_, 30000);
    std::istringstream all(simulate(profile_, 600));
    std::vector<std::string> lines;
    for (std::string line; std::getline(all, line);)
        lines.push_back(line + "\n");
    QVERIFY(lines.size() > 1000);
    auto part = [&](std::size_t from, std::size_t to) {
        std::string text;
        for (std::size_t i = from; i < to; ++i)
            text += lines[i];
        return text;
    };
    const QString live = dir_.filePath(QStringLiteral("live.jsonl"));
    writeText(live, part(0, 400));
    panel_->worker()->setPollInterval(100);
    panel_->setFollowing(true);
    panel_->openLog(live);
    waitFor([](const DashboardSnapshot& s) { return s.log && s.log->stats.records == 400 && s.rangeDrift; });
    writeText(live, part(400, 700), true);
    waitFor([](const DashboardSnapshot& s) { return s.log && s.log->stats.records == 700; });
    // logrotate: rename, then a new file under the old name.
    QVERIFY(QFile::rename(live, live + QStringLiteral(".1")));
    writeText(live, part(700, 1000));
    const auto s = waitFor([](const DashboardSnapshot& s) { return s.log && s.log->stats.records == 1000; });
    QCOMPARE(s->rotations, 1);
    QCOMPARE(s->rangeRows, qint64(1000));
    panel_->setFollowing(false);
}

void TestGuiMonitoringDrift::aTableVersionIsTheReference() {
    // 300 rows like the profile's, 70 % of them the train split: the reference's rows.
    flightdeck::data::Table table;
    table.featureNames = {"age", "income", "score"};
    table.labelName = "label";
    table.classes = {"low", "high"};
    std::mt19937 rng(11);
    std::normal_distribution<float> age(40, 10), income(50, 15);
    std::uniform_real_distribution<float> score(0, 1);
    for (int i = 0; i < 300; ++i) {
        table.features.insert(table.features.end(), {age(rng), income(rng), score(rng)});
        table.labels.push_back(table.features.back() > 0.5f ? 1 : 0);
    }
    flightdeck::data::DatasetCatalog catalog(session_->project());
    const auto version = catalog.addVersion("churn-train", table, "test");
    const auto split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 1);
    const auto trainRows = catalog.loadSplit(split.id).train.size();
    ReferencePicker* picker = panel_->referencePicker();
    QSignalSpy listed(picker, &ReferencePicker::versionsListed);
    session_->notifyDatasetsChanged();
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty() && picker->versions().size() == 1, 30000);
    QCOMPARE(picker->versions().front().id, qint64(version.id));
    QVERIFY(!picker->versions().front().images);

    picker->chooseVersion(version.id);
    QTRY_VERIFY_WITH_TIMEOUT(!picker->path().isEmpty(), 30000);
    QCOMPARE(picker->source(), ReferencePicker::Source::Version);
    QCOMPARE(picker->versionId(), qint64(version.id));
    QVERIFY2(picker->labelText().contains(QStringLiteral("churn-train v1")), qPrintable(picker->labelText()));
    QVERIFY2(picker->labelText().contains(QStringLiteral("dataset version")), qPrintable(picker->labelText()));
    panel_->openLog(log_);
    const auto s = waitFor([&](const DashboardSnapshot& s) {
        return s.rangeDrift && s.referenceRows == std::int64_t(trainRows);
    });
    QCOMPARE(s->referenceFeatures, (std::vector<std::string>{"age", "income", "score"}));
    QVERIFY(column(*s, "income")->drifted);
    QVERIFY(!column(*s, "age")->drifted);
    DriftTable* driftTable = panel_->driftTable();
    QCOMPARE(driftTable->rowCount(), 4);
    for (const char* name : {"age", "income", "score", "prediction"})
        QVERIFY2(driftTable->rowOf(QLatin1String(name)) >= 0, name);
}

void TestGuiMonitoringDrift::anImageVersionFlagsBrightness() {
    namespace data = flightdeck::data;
    auto& project = session_->project();
    data::DatasetCatalog catalog(project);
    const data::ImageSet images = flightdeck::testing::shapeImages(150, 3);
    const auto version = catalog.addImageVersion("shapes", images, "test");
    const auto split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 1);
    const auto graph = flightdeck::model::GraphSpec::fromJson(
        "{\"version\":2,\"nodes\":[{\"id\":\"in\",\"type\":\"input\"},"
        "{\"id\":\"c\",\"type\":\"conv2d\",\"inputs\":[\"in\"],\"out_channels\":4,\"kernel\":3,\"padding\":1},"
        "{\"id\":\"r\",\"type\":\"relu\",\"inputs\":[\"c\"]},{\"id\":\"f\",\"type\":\"flatten\",\"inputs\":[\"r\"]},"
        "{\"id\":\"out\",\"type\":\"output\",\"inputs\":[\"f\"]}]}");
    const auto arch = store::ArchitectureRepository(project).save("cnn", graph.toJson(), graph.hash());
    flightdeck::train::TrainConfig config;
    config.epochs = 3;
    config.threads = 1;
    const auto run = flightdeck::train::Trainer(project).run(version.id, split.id, arch, config);
    const auto bundle = flightdeck::exporting::BundleExporter(project).exportRun(run.runId, "shapes").bundleDir;
    const QString imageLog = dir_.filePath(QStringLiteral("images.jsonl"));
    std::string truth;
    writeText(imageLog, simulateImages(images, catalog.loadSplit(split.id).train, bundle, &truth));
    const QString imageTruth = dir_.filePath(QStringLiteral("image_truth.jsonl"));
    writeText(imageTruth, truth);

    ReferencePicker* picker = panel_->referencePicker();
    QSignalSpy listed(picker, &ReferencePicker::versionsListed);
    session_->notifyDatasetsChanged();
    QTRY_VERIFY_WITH_TIMEOUT(!listed.isEmpty() && !picker->versions().isEmpty() && picker->versions().back().id == qint64(version.id), 30000);
    const auto listedVersions = picker->versions();
    const auto entry = std::find_if(listedVersions.begin(), listedVersions.end(),
                                    [&](const VersionEntry& v) { return v.id == qint64(version.id); });
    QVERIFY(entry != listedVersions.end());
    QVERIFY(entry->images);
    picker->chooseVersion(version.id);
    QTRY_VERIFY_WITH_TIMEOUT(picker->versionId() == qint64(version.id) && !picker->path().isEmpty(), 30000);
    panel_->openLog(imageLog);
    panel_->setGroundTruth(imageTruth);
    const auto s = waitFor([](const DashboardSnapshot& s) {
        return s.rangeDrift && s.referenceFeatures == std::vector<std::string>{"brightness", "contrast"}
            && !s.accuracy.realized.empty();
    });
    QVERIFY(s->mismatch.empty());
    QVERIFY(column(*s, "brightness")->drifted);
    DriftTable* driftTable = panel_->driftTable();
    QCOMPARE(driftTable->severity(driftTable->rowOf(QStringLiteral("brightness"))), DriftSeverity::Alarm);
    QVERIFY2(picker->labelText().contains(QStringLiteral("shapes v1")), qPrintable(picker->labelText()));

    // FLIGHTDECK_SCREENSHOT_DIR: the dashboard as the user sees it, in English and German.
    const QString shots = qEnvironmentVariable("FLIGHTDECK_SCREENSHOT_DIR");
    if (!shots.isEmpty()) {
        driftTable->selectRow(driftTable->rowOf(QStringLiteral("brightness")));
        QTest::qWait(300);
        QVERIFY(panel_->grab().save(shots + QStringLiteral("/monitoring-image-drift.png")));
        Translations::apply(QStringLiteral("de"));
        QTest::qWait(300);
        QVERIFY(picker->labelText().contains(QStringLiteral("Datensatzversion")));
        QVERIFY(panel_->grab().save(shots + QStringLiteral("/monitoring-image-drift-de.png")));
        Translations::apply(QStringLiteral("en"));
    }
}

void TestGuiMonitoringDrift::cleanupTestCase() {
    panel_.reset();
    runner_->waitForIdle();
    runner_.reset();
    session_.reset();
}

QTEST_MAIN(TestGuiMonitoringDrift)
#include "test_gui_monitoring_drift.moc"
