// The Experiments table as model/view: RunTableModel under QAbstractItemModelTester (through
// reloads that change, add, remove runs and columns), sort and regex filter on a real project
// of runs made through the store's API, tags and notes edited in the table and written
// through the runner, and not one statement on the GUI thread's connection while doing it;
// the parallel-coordinates plot and the scatter driven by the panel's selection; archive,
// delete (after a confirmation), CSV exports, and "Rerun with changes" into the Training form.
#include "common/ProjectSession.h"
#include "experiments/ExperimentsPanel.h"
#include "experiments/ParallelCoordinatesPlot.h"
#include "experiments/RunActions.h"
#include "experiments/RunScatterPlot.h"
#include "common/TrainingController.h"
#include "training/TrainingPanel.h"
#include "experiments/RunFilterProxy.h"
#include "experiments/RunRowsLoader.h"
#include "experiments/RunTableModel.h"
#include "experiments/RunsTable.h"

#include "common/QCustomPlotCompat.h"

#include "flightdeck/store/Database.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunCurationRepository.h"
#include "flightdeck/store/RunRepository.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QLabel>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

using namespace flightdeck;
using namespace flightdeck::ui;

namespace {

struct Spec {
    std::string name, optimizer;
    double learningRate;
    int batch;
    double finalAccuracy;
};

// Twelve runs: sgd/adam alternating, distinct learning rates and accuracies in scrambled order.
const Spec kSpecs[] = {
    {"run-a", "sgd", 0.1, 16, 0.71},     {"run-b", "adam", 0.001, 32, 0.93},
    {"run-c", "sgd", 0.03, 64, 0.80},    {"run-d", "adam", 0.0003, 16, 0.95},
    {"run-e", "sgd", 0.3, 32, 0.52},     {"run-f", "adam", 0.01, 64, 0.88},
    {"run-g", "sgd", 0.02, 16, 0.77},    {"run-h", "adam", 0.003, 32, 0.91},
    {"run-i", "sgd", 1.0, 64, 0.33},     {"run-j", "adam", 0.0001, 16, 0.85},
    {"run-k", "sgd", 0.002, 32, 0.64},   {"run-l", "adam", 0.05, 64, 0.79},
};

// A run as the trainer leaves one: parameters, a loss per step, validation per epoch whose
// accuracy peaks at epoch 3 (so best and last differ).
qint64 addRun(store::Project& project, const Spec& s, int index)
{
    store::RunRepository repo(project);
    store::RunRecord run;
    run.name = s.name;
    run.status = index == 4 ? store::RunStatus::Failed : store::RunStatus::Completed;
    run.startedAt = 1'700'000'000 + 60.0 * index;
    run.endedAt = run.startedAt + 30 + index;
    const qint64 id = repo.createRun(run);
    repo.setParams(id, {{"learning_rate", std::to_string(s.learningRate)},
                        {"batch_size", std::to_string(s.batch)},
                        {"optimizer", s.optimizer}});
    std::vector<store::MetricRecord> points;
    for (int step = 0; step < 50; ++step)
        points.push_back({"train/loss", step, step / 10 + 1, run.startedAt + step, 2.0 / (1 + step)});
    for (int epoch = 1; epoch <= 5; ++epoch) {
        const double accuracy = s.finalAccuracy + (epoch == 3 ? 0.03 : 0.0) - 0.01 * (5 - epoch);
        points.push_back({"val/accuracy", epoch * 10 - 1, epoch, run.startedAt + epoch, accuracy});
        points.push_back({"val/loss", epoch * 10 - 1, epoch, run.startedAt + epoch, 1 - accuracy});
    }
    repo.appendMetrics(id, points);
    return id;
}

int statementsOnGui = 0;
int countStatement(unsigned, void*, void*, void*) { ++statementsOnGui; return 0; }

std::vector<RunRow> loadRows(store::Project& project)
{
    std::atomic<bool> cancel{false};
    return loadRunRows(project, {}, cancel).rows;
}

}  // namespace

class TestGuiExperiments : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    ProjectSession* session_ = nullptr;
    std::map<std::string, qint64> ids_;

    QList<qint64> idsSortedBy(const std::function<bool(const Spec&, const Spec&)>& less) const
    {
        std::vector<Spec> specs(std::begin(kSpecs), std::end(kSpecs));
        std::stable_sort(specs.begin(), specs.end(), less);
        QList<qint64> out;
        for (const Spec& s : specs)
            out.append(ids_.at(s.name));
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        session_ = new ProjectSession(this);
        QString error;
        QVERIFY2(session_->openProject(dir_.path(), true, &error), qPrintable(error));
        int i = 0;
        for (const Spec& s : kSpecs)
            ids_[s.name] = addRun(session_->project(), s, i++);
        store::RunCurationRepository curation(session_->project());
        curation.setTags(ids_["run-b"], {"baseline", "keep"});
        curation.setNote(ids_["run-d"], "best so far\nre-run with more epochs");
    }

    void modelPassesTheModelTester()
    {
        RunTableModel model;
        RunFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester modelTester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.sort(0, Qt::AscendingOrder);

        std::vector<RunRow> rows = loadRows(session_->project());
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 12);
        // The columns: the run's, best and last of each metric, the union of parameters.
        QVERIFY(model.columnOf({RunColumnKind::MetricBest, QStringLiteral("val/accuracy")}) >= 0);
        QVERIFY(model.columnOf({RunColumnKind::MetricLast, QStringLiteral("train/loss")}) >= 0);
        QCOMPARE(model.columnOf({RunColumnKind::MetricBest, QStringLiteral("train/loss")}), -1);
        const int optimizer = model.columnOf({RunColumnKind::Param, QStringLiteral("optimizer")});
        QVERIFY(optimizer >= 0);
        QCOMPARE(model.headerData(optimizer, Qt::Horizontal).toString(), QStringLiteral("optimizer"));
        // Status is a type under StatusRole; the text is for reading only.
        const int failedRow = model.sourceRowOf(ids_["run-e"]);
        QCOMPARE(model.index(failedRow, 0).data(RunTableModel::StatusRole).value<store::RunStatus>(),
                 store::RunStatus::Failed);
        // Best and last of val/accuracy: peak at epoch 3.
        const RunRow* b = model.rowOf(ids_["run-b"]);
        QVERIFY(b);
        QCOMPARE(b->metrics.at("val/accuracy").bestStep, std::int64_t(29));
        QVERIFY(std::abs(b->metrics.at("val/accuracy").best - 0.94) < 1e-9);
        QVERIFY(std::abs(b->metrics.at("val/accuracy").last - 0.93) < 1e-9);
        QCOMPARE(b->tags, (QStringList{QStringLiteral("baseline"), QStringLiteral("keep")}));

        // A reload with one run gone, one changed and one new keeps the columns (in place) ...
        rows.erase(rows.begin() + 3);
        rows.front().tags = QStringList{QStringLiteral("changed")};
        rows.front().buildCells();
        RunRow extra = rows.back();
        extra.run.id = 9999;
        extra.buildCells();
        rows.push_back(extra);
        model.setRows(rows);
        QCOMPARE(model.rowCount(), 12);
        QVERIFY(model.rowOf(9999));
        // ... and a new parameter key changes them (a reset).
        rows.back().params["momentum"] = "0.9";
        rows.back().buildCells();
        const int before = model.columnCount();
        model.setRows(rows);
        QCOMPARE(model.columnCount(), before + 1);
        proxy.setPattern(QStringLiteral("momentum"));
        QCOMPARE(proxy.rowCount(), 1);
        model.setRows({});
        QCOMPARE(proxy.rowCount(), 0);
    }

    void sortAndFilterTheProjectsRuns()
    {
        ExperimentsPanel panel(session_);
        panel.resize(1200, 800);
        panel.show();
        RunsTable* table = panel.table();
        QTRY_COMPARE(table->rowCount(), 12);
        QTRY_VERIFY(!panel.isBusy());
        sqlite3* db = session_->project().db().handle();
        statementsOnGui = 0;
        sqlite3_trace_v2(db, SQLITE_TRACE_STMT, countStatement, nullptr);

        RunTableModel* model = table->runModel();
        // Newest first by default.
        QCOMPARE(table->shownRunIds().front(), ids_["run-l"]);
        // Learning rate as a number (1.0 after 0.3, not between 0.0001 and 0.001).
        table->sortByColumn(model->columnOf({RunColumnKind::Param, QStringLiteral("learning_rate")}),
                            Qt::AscendingOrder);
        QCOMPARE(table->shownRunIds(),
                 idsSortedBy([](const Spec& a, const Spec& b) { return a.learningRate < b.learningRate; }));
        // The best accuracy, highest first.
        table->sortByColumn(model->columnOf({RunColumnKind::MetricBest, QStringLiteral("val/accuracy")}),
                            Qt::DescendingOrder);
        QCOMPARE(table->shownRunIds(),
                 idsSortedBy([](const Spec& a, const Spec& b) { return a.finalAccuracy > b.finalAccuracy; }));
        // Status by its type: Completed sorts before Failed.
        table->sortByColumn(model->columnOf({RunColumnKind::Status, {}}), Qt::DescendingOrder);
        QCOMPARE(table->shownRunIds().front(), ids_["run-e"]);

        // Regex filter over key=value parameters, tags and notes; the sort stays.
        QVERIFY(panel.setFilter(QStringLiteral("^optimizer=sgd$")));
        QCOMPARE(table->rowCount(), 6);
        QCOMPARE(table->shownRunIds().front(), ids_["run-e"]);
        for (const qint64 id : table->shownRunIds())
            QCOMPARE(model->rowOf(id)->params.at("optimizer"), std::string("sgd"));
        QVERIFY(panel.setFilter(QStringLiteral("^batch_size=(16|64)$")));
        QCOMPARE(table->rowCount(), 8);
        QVERIFY(panel.setFilter(QStringLiteral("BASELINE")));   // a tag, any case
        QCOMPARE(table->shownRunIds(), QList<qint64>{ids_["run-b"]});
        QVERIFY(panel.setFilter(QStringLiteral("more epochs")));   // a note's second line
        QCOMPARE(table->shownRunIds(), QList<qint64>{ids_["run-d"]});
        QVERIFY(!panel.setFilter(QStringLiteral("run-(")));        // invalid: kept as it was
        QCOMPARE(table->shownRunIds(), QList<qint64>{ids_["run-d"]});
        QVERIFY(panel.setFilter(QString()));
        QCOMPARE(table->rowCount(), 12);

        // A selection survives sorting and filtering to a subset that still holds it.
        panel.selectRuns({ids_["run-a"], ids_["run-c"]});
        table->sortByColumn(0, Qt::AscendingOrder);
        QVERIFY(panel.setFilter(QStringLiteral("sgd")));
        QCOMPARE(panel.selectedRunIds(), (QList<qint64>{ids_["run-a"], ids_["run-c"]}));
        QVERIFY(panel.setFilter(QString()));
        sqlite3_trace_v2(db, 0, nullptr, nullptr);
        QCOMPARE(statementsOnGui, 0);
    }

    // Runs compared at the same training budget: each metric's last point at or before a step.
    void metricsAtAStepCompareRunsAtTheSameBudget()
    {
        ExperimentsPanel panel(session_);
        panel.resize(1200, 800);
        panel.show();
        RunsTable* table = panel.table();
        QTRY_COMPARE(table->rowCount(), 12);
        RunTableModel* model = table->runModel();
        const RunColumn accuracyAt{RunColumnKind::MetricAtStep, QStringLiteral("val/accuracy")};
        const RunColumn lossAt{RunColumnKind::MetricAtStep, QStringLiteral("train/loss")};
        QCOMPARE(model->columnOf(accuracyAt), -1);
        auto* box = panel.findChild<QSpinBox*>(QStringLiteral("atStepBox"));
        QVERIFY(box);
        box->setValue(25);
        QTRY_VERIFY(model->columnOf(accuracyAt) >= 0);
        QTRY_VERIFY(!panel.isBusy());
        QCOMPARE(model->headerData(model->columnOf(accuracyAt), Qt::Horizontal).toString(),
                 QStringLiteral("val/accuracy @ step 25"));
        // run-b's validation points are at steps 9, 19, 29, ...: at step 25 its epoch-2 value.
        const RunCell* cell = model->rowOf(ids_["run-b"])->cell(accuracyAt);
        QVERIFY(cell);
        QCOMPARE(cell->sort.toDouble(), 0.93 - 0.01 * 3);
        QVERIFY2(cell->toolTip.contains(QStringLiteral("19")), qPrintable(cell->toolTip));
        QCOMPARE(model->rowOf(ids_["run-b"])->cell(lossAt)->sort.toDouble(), 2.0 / 26);
        // Sorted by it, runs line up by their accuracy at that budget.
        table->sortByColumn(model->columnOf(accuracyAt), Qt::DescendingOrder);
        QCOMPARE(table->shownRunIds(),
                 idsSortedBy([](const Spec& a, const Spec& b) { return a.finalAccuracy > b.finalAccuracy; }));
        box->setValue(0);   // off: the columns go
        QTRY_COMPARE(model->columnOf(accuracyAt), -1);
        QTRY_VERIFY(!panel.isBusy());
    }

    void tagsAndNotesAreEditedInTheTable()
    {
        ExperimentsPanel panel(session_);
        panel.show();
        RunsTable* table = panel.table();
        QTRY_COMPARE(table->rowCount(), 12);
        RunTableModel* model = table->runModel();
        const int row = model->sourceRowOf(ids_["run-g"]);
        const QModelIndex tags = model->index(row, model->columnOf({RunColumnKind::Tags, {}}));
        const QModelIndex note = model->index(row, model->columnOf({RunColumnKind::Note, {}}));
        QVERIFY(tags.flags() & Qt::ItemIsEditable);
        QVERIFY(note.flags() & Qt::ItemIsEditable);
        QVERIFY(!(model->index(row, 1).flags() & Qt::ItemIsEditable));
        QVERIFY(model->setData(tags, QStringLiteral(" sweep-1, good ,sweep-1")));
        QVERIFY(model->setData(note, QStringLiteral("lr too low")));
        QCOMPARE(tags.data().toString(), QStringLiteral("good, sweep-1"));
        // Written through the runner; the store has it.
        QTRY_VERIFY(!panel.isBusy());
        const store::RunCuration stored = store::RunCurationRepository(session_->project()).get(ids_["run-g"]);
        QCOMPARE(stored.tags, (std::vector<std::string>{"good", "sweep-1"}));
        QCOMPARE(stored.note, std::string("lr too low"));
        // A reload keeps it, and the filter finds it.
        panel.refresh();
        QTRY_VERIFY(!panel.isBusy());
        QVERIFY(panel.setFilter(QStringLiteral("^sweep-1$")));
        QCOMPARE(table->shownRunIds(), QList<qint64>{ids_["run-g"]});
    }

    void parallelCoordinatesAndScatterFollowTheSelection()
    {
        ExperimentsPanel panel(session_);
        panel.resize(1200, 800);
        panel.show();
        QTRY_COMPARE(panel.table()->rowCount(), 12);
        panel.setCurrentMetric(QStringLiteral("val/accuracy"));
        const qint64 a = ids_["run-a"], b = ids_["run-b"], c = ids_["run-c"], d = ids_["run-d"];
        panel.selectRuns({a, b, c, d});
        QCOMPARE(panel.selectedRunIds().size(), 4);

        // One line per run through the parameters that differ, then the metric.
        ParallelCoordinatesPlot* parallel = panel.parallelCoordinates();
        QCOMPARE(parallel->lineCount(), 4);
        QCOMPARE(parallel->plot()->plottableCount(), 4);
        QStringList titles;
        for (const RunAxis& axis : parallel->axes())
            titles.append(axis.title);
        QCOMPARE(titles, (QStringList{QStringLiteral("learning_rate"), QStringLiteral("batch_size"),
                                      QStringLiteral("optimizer"), QStringLiteral("val/accuracy (best)")}));
        // Learning rates 0.0003 .. 0.1 span more than two decades: a log axis.
        const RunAxis& lr = parallel->axes()[0];
        QVERIFY(lr.log && !lr.categorical);
        QCOMPARE(parallel->positionsOf(d)[0], 0.0);
        QCOMPARE(parallel->positionsOf(a)[0], 1.0);
        QVERIFY(std::abs(parallel->positionsOf(b)[0] - std::log10(0.001 / 0.0003) / std::log10(0.1 / 0.0003)) < 1e-9);
        // The optimizer as ordered categories: adam below sgd.
        const RunAxis& optimizer = parallel->axes()[2];
        QVERIFY(optimizer.categorical);
        QCOMPARE(optimizer.categories, (QStringList{QStringLiteral("adam"), QStringLiteral("sgd")}));
        QCOMPARE(parallel->positionsOf(a)[2], 1.0);
        QCOMPARE(parallel->positionsOf(b)[2], 0.0);
        // The best accuracy (final + 0.01): run-a 0.72 lowest, run-d 0.96 highest.
        QVERIFY(std::abs(parallel->positionsOf(a)[3]) < 1e-9);
        QVERIFY(std::abs(parallel->positionsOf(d)[3] - 1.0) < 1e-9);
        QVERIFY(std::abs(parallel->positionsOf(c)[3] - (0.81 - 0.72) / (0.96 - 0.72)) < 1e-9);

        // The scatter: learning rate against the best accuracy, one point per selected run.
        RunScatterPlot* scatter = panel.scatter();
        QVERIFY(scatter->setAxes({RunColumnKind::Param, QStringLiteral("learning_rate")},
                                 {RunColumnKind::MetricBest, QStringLiteral("val/accuracy")}));
        QCOMPARE(scatter->pointCount(), 4);
        QCOMPARE(scatter->plot()->graph(0)->dataCount(), 4);
        const std::map<qint64, std::pair<double, double>> want = {
            {a, {0.1, 0.72}}, {b, {0.001, 0.94}}, {c, {0.03, 0.81}}, {d, {0.0003, 0.96}}};
        for (const RunScatterPlot::Point& p : scatter->points()) {
            QVERIFY(want.count(p.runId));
            QVERIFY(std::abs(p.x.toDouble() - want.at(p.runId).first) < 1e-9);
            QVERIFY(std::abs(p.y.toDouble() - want.at(p.runId).second) < 1e-9);
        }
        // Text against a number: the optimizer as categories.
        QVERIFY(scatter->setAxes({RunColumnKind::Param, QStringLiteral("optimizer")},
                                 {RunColumnKind::MetricLast, QStringLiteral("val/loss")}));
        QCOMPARE(scatter->pointCount(), 4);
        for (const RunScatterPlot::Point& p : scatter->points())
            QCOMPARE(p.px, p.x.toString() == QLatin1String("adam") ? 0.0 : 1.0);

        // Another selection: both follow; the scatter keeps its axes.
        panel.selectRuns({a, c, ids_["run-e"]});
        QCOMPARE(parallel->lineCount(), 3);
        QCOMPARE(scatter->pointCount(), 3);
        QCOMPARE(scatter->xColumn().key, QStringLiteral("optimizer"));
        // A single run has nothing to compare.
        panel.selectRuns({a});
        QCOMPARE(parallel->lineCount(), 0);
        QCOMPARE(parallel->plot()->plottableCount(), 0);
        QVERIFY(parallel->findChild<QLabel*>(QStringLiteral("parallelCoordinatesPlaceholder"))->isVisible());
    }

    void archivedRunsHideUntilShown()
    {
        ExperimentsPanel panel(session_);
        panel.show();
        RunsTable* table = panel.table();
        QTRY_COMPARE(table->rowCount(), 12);
        const qint64 k = ids_["run-k"];
        panel.selectRuns({k});
        QVERIFY(panel.actions()->archiveAction()->isEnabled());
        QVERIFY(!panel.actions()->restoreAction()->isEnabled());
        panel.actions()->archiveAction()->trigger();
        QTRY_COMPARE(table->rowCount(), 11);
        QTRY_VERIFY(!panel.isBusy());
        QVERIFY(store::RunCurationRepository(session_->project()).get(k).archived);
        QVERIFY(!table->shownRunIds().contains(k));
        QVERIFY(table->runModel()->rowOf(k)->archived);   // held, only hidden

        auto* showArchived = panel.findChild<QCheckBox*>(QStringLiteral("showArchivedCheck"));
        QVERIFY(showArchived);
        showArchived->setChecked(true);
        QCOMPARE(table->rowCount(), 12);
        panel.selectRuns({k});
        QVERIFY(panel.actions()->restoreAction()->isEnabled());
        panel.actions()->restoreAction()->trigger();
        QTRY_VERIFY(!table->runModel()->rowOf(k)->archived);
        QVERIFY(!store::RunCurationRepository(session_->project()).get(k).archived);
        showArchived->setChecked(false);
        QCOMPARE(table->rowCount(), 12);
    }

    void deleteAsksFirstThenRemovesTheRunAndItsObjects()
    {
        store::Project& project = session_->project();
        const qint64 doomed = addRun(project, {"doomed", "sgd", 0.5, 8, 0.1}, 20);
        const std::string model = project.objects().put("the doomed run's model");
        store::RunRepository(project).addArtifact({0, doomed, "model", model, "model", 0});

        ExperimentsPanel panel(session_);
        panel.show();
        RunsTable* table = panel.table();
        QTRY_COMPARE(table->rowCount(), 13);
        panel.selectRuns({doomed});
        const auto box = [&panel] { return panel.findChild<QMessageBox*>(QStringLiteral("deleteRunsConfirm")); };
        // Cancel keeps it.
        panel.actions()->deleteAction()->trigger();
        QTRY_VERIFY(box() && box()->isVisible());
        box()->button(QMessageBox::Cancel)->click();
        QTRY_VERIFY(!box());
        QTRY_VERIFY(!panel.isBusy());
        QCOMPARE(table->rowCount(), 13);
        QCOMPARE(store::RunRepository(project).runs().size(), std::size_t(13));
        // Delete removes the run, its metrics and its model object, and the row.
        panel.actions()->deleteAction()->trigger();
        QTRY_VERIFY(box() && box()->isVisible());
        box()->findChild<QPushButton*>(QStringLiteral("deleteRunsButton"))->click();
        QTRY_COMPARE(table->rowCount(), 12);
        QTRY_VERIFY(!panel.isBusy());
        QCOMPARE(store::RunRepository(project).runs().size(), std::size_t(12));
        QVERIFY(store::RunRepository(project).metrics(doomed).empty());
        QVERIFY(!project.objects().contains(model));
        QVERIFY(panel.selectedRunIds().isEmpty());
    }

    void exportsTheTableAndACurveAsCsv()
    {
        QTemporaryDir out;
        ExperimentsPanel panel(session_);
        panel.show();
        RunsTable* table = panel.table();
        QTRY_COMPARE(table->rowCount(), 12);
        // What is shown, in the order shown: the adam runs by learning rate.
        QVERIFY(panel.setFilter(QStringLiteral("^optimizer=adam$")));
        table->sortByColumn(table->runModel()->columnOf({RunColumnKind::Param, QStringLiteral("learning_rate")}),
                            Qt::AscendingOrder);
        const QString tablePath = out.filePath(QStringLiteral("runs.csv"));
        QSignalSpy exported(panel.actions(), &RunActions::exported);
        panel.actions()->exportTable(tablePath);
        QTRY_COMPARE(exported.count(), 1);
        QFile file(tablePath);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(file.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 1 + 6);
        const QStringList header = lines[0].split(QLatin1Char(','));
        const qsizetype lr = header.indexOf(QStringLiteral("learning_rate"));
        const qsizetype status = header.indexOf(QStringLiteral("Status"));
        const qsizetype best = header.indexOf(QStringLiteral("val/accuracy (best)"));
        QVERIFY(lr >= 0 && status >= 0 && best >= 0);
        const QStringList first = lines[1].split(QLatin1Char(','));
        QCOMPARE(first[0], QString::number(ids_["run-j"]));   // 0.0001, the lowest
        QCOMPARE(first[lr].toDouble(), 0.0001);
        QCOMPARE(first[status], QStringLiteral("completed"));   // the stored name, not the translation
        QVERIFY(std::abs(first[best].toDouble() - 0.86) < 1e-9);  // full precision, a dot
        QCOMPARE(lines[6].split(QLatin1Char(','))[0], QString::number(ids_["run-l"]));   // 0.05

        // The curve: every stored point of the metric for the selected runs.
        QVERIFY(panel.setFilter(QString()));
        panel.selectRuns({ids_["run-a"], ids_["run-b"]});
        panel.setCurrentMetric(QStringLiteral("val/accuracy"));
        const QString curvePath = out.filePath(QStringLiteral("curve.csv"));
        panel.actions()->exportCurve(curvePath);
        QTRY_COMPARE(exported.count(), 2);
        QFile curve(curvePath);
        QVERIFY(curve.open(QIODevice::ReadOnly));
        const QStringList points = QString::fromUtf8(curve.readAll()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(points.size(), 1 + 2 * 5);
        QCOMPARE(points[0], QStringLiteral("run_id,run,key,step,epoch,wall_time,value"));
        int ofA = 0;
        for (const QString& line : points.mid(1)) {
            const QStringList f = line.split(QLatin1Char(','));
            QCOMPARE(f[2], QStringLiteral("val/accuracy"));
            if (f[0].toLongLong() == ids_["run-a"]) {
                ++ofA;
                QCOMPARE(f[1], QStringLiteral("run-a"));
            }
        }
        QCOMPARE(ofA, 5);
    }

    void rerunWithChangesFillsTheTrainingForm()
    {
        // The panels as the main window wires them.
        TrainingController controller(session_);
        TrainingPanel training(session_, &controller);
        ExperimentsPanel panel(session_);
        connect(&panel, &ExperimentsPanel::rerunRequested, &training, &TrainingPanel::loadRecipe);
        training.show();
        panel.show();
        QTRY_COMPARE(panel.table()->rowCount(), 12);
        // run-a: SGD, 0.1, batch 16, recorded as parameters (no checkpoint).
        panel.selectRuns({ids_["run-a"]});
        QVERIFY(panel.actions()->rerunAction()->isEnabled());
        panel.actions()->rerunAction()->trigger();
        auto* lr = training.findChild<QDoubleSpinBox*>(QStringLiteral("learningRateSpin"));
        QVERIFY(lr);
        QTRY_COMPARE(lr->value(), 0.1);
        QCOMPARE(training.findChild<QSpinBox*>(QStringLiteral("batchSizeSpin"))->value(), 16);
        QCOMPARE(training.findChild<QComboBox*>(QStringLiteral("optimizerCombo"))->currentIndex(), 0);   // SGD
        QVERIFY(training.findChild<QLabel*>(QStringLiteral("trainingStatusLabel"))
                    ->text().contains(QStringLiteral("#%1").arg(ids_["run-a"])));
        QVERIFY(!controller.isRunning());   // nothing started
        // Two runs selected: nothing to rerun.
        panel.selectRuns({ids_["run-a"], ids_["run-b"]});
        QVERIFY(!panel.actions()->rerunAction()->isEnabled());
    }

    // A read under way when the project is switched is dropped by the TaskRunner (its rows
    // belong to the project closed): the panel must not wait for it forever, but read the
    // project opened. Both happen before the GUI thread delivers the read, as a quick switch does.
    void aReadDroppedByAProjectSwitchDoesNotStallThePanel()
    {
        QTemporaryDir other;
        {
            auto project = store::Project::create(other.path().toStdString());
            addRun(project, kSpecs[0], 0);
        }
        const QString first = session_->folder();
        ExperimentsPanel panel(session_);
        panel.show();
        QTRY_COMPARE(panel.table()->rowCount(), 12);
        QTRY_VERIFY(!panel.isBusy());
        session_->notifyRunsChanged();   // a read starts...
        QString error;
        QVERIFY2(session_->openProject(other.path(), false, &error), qPrintable(error));   // ...and is dropped
        QTRY_COMPARE(panel.table()->rowCount(), 1);
        QTRY_VERIFY(!panel.isBusy());
        // And back: the first project's runs again.
        session_->notifyRunsChanged();
        QVERIFY2(session_->openProject(first, false, &error), qPrintable(error));
        QTRY_COMPARE(panel.table()->rowCount(), 12);
        QTRY_VERIFY(!panel.isBusy());
    }
};

QTEST_MAIN(TestGuiExperiments)
#include "test_gui_experiments.moc"
