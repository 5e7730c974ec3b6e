// bench_curves: the live curves at scale (issue 11), offscreen unless QT_QPA_PLATFORM is set.
// Projects are generated through the store's own API (RunRepository::appendMetrics):
//   A: one run of --steps steps (default 1,000,000) with 4 series: train/loss every step,
//      train/learning_rate, val/loss and val/accuracy every step too, so each is --steps long.
//   B: --runs runs (default 1,000) of --points points each (default 5,000: train/loss plus 50
//      val/loss and 50 val/accuracy), with parameters.
// It prints: the series read + pyramid build (on the store's runner), the CurvePlot's first
// draw and its zoom/pan redraws (median, worst); the Experiments panel's open time and the time
// to overlay 20 runs; sorting and regex-filtering its 1,000-run table (RunTableModel through
// RunFilterProxy on the GUI thread, with and without the repaint); the worst GUI event-loop
// stall while a run streams metrics into the Training panel's LivePlot at --rate points a
// second (GuiProbe.h's 1 ms timer).
//
//   bench_curves [--steps N] [--runs R] [--points P] [--rate PTS_PER_S] [--stream-seconds S]
//                [--keep DIR]   (DIR keeps the generated projects; a second run reuses them)
//                [--parts ABC]  (which of the three to run)
//                [--screenshot DIR]  (B: DIR/experiments-1000.png, -de.png and -scatter.png, the
//                                     panel at 1366x768)
#include "GuiProbe.h"

#include "common/CurvePlot.h"
#include "common/MetricSeriesStore.h"
#include "common/ProjectSession.h"
#include "common/QCustomPlotCompat.h"
#include "common/TrainingController.h"
#include "common/Translations.h"
#include "experiments/ExperimentsPanel.h"
#include "experiments/MetricOverlayPlot.h"
#include "experiments/RunComparisonTabs.h"
#include "experiments/RunScatterPlot.h"
#include "experiments/RunTableModel.h"
#include "experiments/RunsTable.h"
#include "training/LivePlot.h"

#include "flightdeck/store/MetricKeys.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QDir>
#include <QTemporaryDir>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <functional>
#include <random>
#include <string>
#include <thread>

using namespace flightdeck;
using namespace flightdeck::bench;
using namespace flightdeck::ui;
using Clock = std::chrono::steady_clock;

namespace {

double msSince(Clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

const std::string kKeys[4] = {std::string(metric::TrainLoss), std::string(metric::LearningRate),
                              std::string(metric::ValLoss), std::string(metric::ValAccuracy)};

qint64 makeLongRun(store::Project& project, std::size_t steps)
{
    store::RunRepository repo(project);
    store::RunRecord run;
    run.name = "long";
    run.status = store::RunStatus::Completed;
    run.startedAt = 1'700'000'000;
    const qint64 id = repo.createRun(run);
    std::mt19937 rng(1);
    std::normal_distribution<double> noise(0, 1);
    std::vector<store::MetricRecord> batch;
    for (std::size_t i = 0; i < steps; ++i) {
        const double t = static_cast<double>(i) / static_cast<double>(steps);
        const double loss = 2.3 * std::exp(-4 * t) + 0.05 + 0.08 * noise(rng) * std::exp(-t)
                            + (i % 99'991 == 77 ? 3.0 : 0.0);   // a few spikes
        const double wall = 1'700'000'000 + 0.004 * static_cast<double>(i);
        const int epoch = static_cast<int>(i / 10'000) + 1;
        const std::int64_t step = static_cast<std::int64_t>(i);
        batch.push_back({kKeys[0], step, epoch, wall, loss});
        batch.push_back({kKeys[1], step, epoch, wall, 1e-3 * 0.5 * (1 + std::cos(M_PI * t))});
        batch.push_back({kKeys[2], step, epoch, wall, loss * 1.1 + 0.02});
        batch.push_back({kKeys[3], step, epoch, wall, 1 - 0.9 * std::exp(-5 * t) + 0.01 * noise(rng)});
        if (batch.size() >= 200'000) {
            repo.appendMetrics(id, batch);
            batch.clear();
        }
    }
    repo.appendMetrics(id, batch);
    return id;
}

std::vector<qint64> makeManyRuns(store::Project& project, int runs, int points)
{
    store::RunRepository repo(project);
    std::mt19937 rng(2);
    std::uniform_real_distribution<double> u(0, 1);
    std::vector<qint64> ids;
    const int perEpoch = 50, trainPoints = std::max(1, points - 2 * perEpoch);
    for (int r = 0; r < runs; ++r) {
        store::RunRecord run;
        run.status = store::RunStatus::Completed;
        run.startedAt = 1'700'000'000 + r * 60.0;
        run.endedAt = run.startedAt + 50;
        const qint64 id = repo.createRun(run);
        const double lr = std::pow(10.0, -4 + 3 * u(rng));
        repo.setParams(id, {{"learning_rate", std::to_string(lr)},
                            {"batch_size", std::to_string(16 << (r % 4))},
                            {"epochs", "50"},
                            {"optimizer", r % 2 ? "adam" : "sgd"}});
        std::vector<store::MetricRecord> batch;
        const double floor = 0.1 + 0.5 * u(rng);
        for (int i = 0; i < trainPoints; ++i)
            batch.push_back({kKeys[0], i, i * perEpoch / trainPoints + 1, run.startedAt + i * 0.01,
                             floor + 2 * std::exp(-5.0 * i / trainPoints) + 0.05 * u(rng)});
        for (int e = 1; e <= perEpoch; ++e) {
            const std::int64_t step = static_cast<std::int64_t>(e) * trainPoints / perEpoch - 1;
            batch.push_back({kKeys[2], step, e, run.startedAt + e, floor + 2 * std::exp(-0.1 * e)});
            batch.push_back({kKeys[3], step, e, run.startedAt + e, 1 - floor * 0.5 - 0.4 * std::exp(-0.1 * e)});
        }
        repo.appendMetrics(id, batch);
        repo.summarizeMetrics(id);   // as a run's end writes them
        ids.push_back(id);
    }
    return ids;
}

// Opens (or creates and fills) a project folder; returns its run ids, newest last.
std::vector<qint64> project(const QString& folder, const std::function<void(store::Project&)>& fill)
{
    auto p = store::Project::create(folder.toStdString());
    store::RunRepository repo(p);
    if (repo.runs().empty()) {
        const auto t0 = Clock::now();
        fill(p);
        std::printf("  generated %s in %.1f s\n", qPrintable(folder), msSince(t0) / 1000);
    }
    std::vector<qint64> ids;
    for (const auto& run : repo.runs())
        ids.insert(ids.begin(), run.id);
    return ids;
}

// Sorts the table by eight kinds of column both ways and filters it by eight expressions, three
// rounds each: the call alone, and with the viewport repainted (what the user waits for).
void tableSortAndFilter(ExperimentsPanel& panel)
{
    RunsTable* table = panel.table();
    RunTableModel* model = table->runModel();
    std::printf("  table: %d runs x %d columns\n", model->rowCount(), model->columnCount());
    using K = RunColumnKind;
    const RunColumn columns[] = {{K::Param, QStringLiteral("learning_rate")}, {K::MetricBest, QStringLiteral("val/accuracy")},
                                 {K::Name, {}}, {K::Param, QStringLiteral("optimizer")}, {K::Id, {}},
                                 {K::Status, {}}, {K::Started, {}}, {K::MetricLast, QStringLiteral("train/loss")}};
    const QString patterns[] = {QStringLiteral("^optimizer=sgd$"), QStringLiteral("^batch_size=(16|64)$"),
                                QStringLiteral("adam"), QStringLiteral("^learning_rate=0\\.000[0-9]+$"),
                                QStringLiteral("run-9\\d\\d"), QStringLiteral("completed"),
                                QStringLiteral("^epochs=50$"), QString()};
    Stats sort, sortPainted, filter, filterPainted;
    for (int round = 0; round < 3; ++round) {
        for (const RunColumn& column : columns)
            for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                const auto t0 = Clock::now();
                table->sortByColumn(model->columnOf(column), order);
                sort.add(msSince(t0));
                table->viewport()->repaint();
                sortPainted.add(msSince(t0));
            }
        for (const QString& pattern : patterns) {
            const auto t0 = Clock::now();
            panel.setFilter(pattern);
            filter.add(msSince(t0));
            table->viewport()->repaint();
            filterPainted.add(msSince(t0));
        }
    }
    std::printf("  sort 1,000 runs (GUI thread): %s  [target < 50 ms]\n", sort.text().c_str());
    std::printf("    with the repaint: %s\n", sortPainted.text().c_str());
    std::printf("  regex filter 1,000 runs (GUI thread): %s  [target < 50 ms]\n", filter.text().c_str());
    std::printf("    with the repaint: %s\n", filterPainted.text().c_str());
    // A reload of every row (what the 2 s change check costs while a run writes): rows in place.
    std::vector<RunRow> rows = model->rows();
    const auto t0 = Clock::now();
    table->setRows(std::move(rows));
    std::printf("  reload of all rows into the model (re-sorted, re-filtered): %.1f ms\n", msSince(t0));
    table->sortByColumn(0, Qt::DescendingOrder);
}

// The panel as a user meets it after choosing eight runs: the table of 1,000, their
// validation accuracy overlaid and the parallel coordinates of what differs between them.
void takeScreenshots(ExperimentsPanel& panel, const std::vector<qint64>& runs, const QString& dir)
{
    QList<qint64> eight;
    for (std::size_t i = 0; i < 8 && i < runs.size(); ++i)
        eight.append(runs[runs.size() - 1 - i * 37]);
    panel.setCurrentMetric(QString::fromStdString(kKeys[3]));
    panel.selectRuns(eight);
    waitFor([&] { return panel.overlay()->isLoaded() && !panel.isBusy(); }, 600'000);
    panel.overlay()->resetView();
    QDir().mkpath(dir);
    for (const QString& language : {QStringLiteral("en"), QStringLiteral("de")}) {
        Translations::apply(language);
        waitFor([] { return false; }, 300);   // relayout and the queued replots
        panel.overlay()->redrawNow();
        const QString file = dir + (language == QLatin1String("en") ? QStringLiteral("/experiments-1000.png")
                                                                      : QStringLiteral("/experiments-1000-de.png"));
        std::printf("  screenshot %s: %s\n", qPrintable(file), panel.grab().save(file) ? "saved" : "FAILED");
    }
    Translations::apply(QStringLiteral("en"));
    // The scatter of a hundred runs: learning rate (log) against the best accuracy.
    QList<qint64> hundred;
    for (std::size_t i = 0; i < 100 && i < runs.size(); ++i)
        hundred.append(runs[i * runs.size() / 100]);
    panel.selectRuns(hundred);
    panel.comparison()->setCurrentIndex(1);
    panel.scatter()->setAxes({RunColumnKind::Param, QStringLiteral("learning_rate")},
                             {RunColumnKind::MetricBest, QString::fromStdString(kKeys[3])});
    waitFor([&] { return panel.overlay()->isLoaded() && !panel.isBusy(); }, 600'000);
    waitFor([] { return false; }, 300);
    const QString file = dir + QStringLiteral("/experiments-1000-scatter.png");
    std::printf("  screenshot %s: %s\n", qPrintable(file), panel.grab().save(file) ? "saved" : "FAILED");
}

}  // namespace

int main(int argc, char** argv)
{
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::size_t steps = 1'000'000;
    int runs = 1000, points = 5000;
    double rate = 20'000, streamSeconds = 5;
    QString keep, screenshots;
    std::string parts = "ABC";
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string a = argv[i], v = argv[i + 1];
        if (a == "--steps") steps = std::stoull(v);
        else if (a == "--runs") runs = std::stoi(v);
        else if (a == "--points") points = std::stoi(v);
        else if (a == "--rate") rate = std::stod(v);
        else if (a == "--stream-seconds") streamSeconds = std::stod(v);
        else if (a == "--keep") keep = QString::fromStdString(v);
        else if (a == "--parts") parts = v;
        else if (a == "--screenshot") screenshots = QString::fromStdString(v);
        else {
            std::fprintf(stderr, "unknown option %s\n", a.c_str());
            return 2;
        }
    }
    TimedApplication app(argc, argv);
    QTemporaryDir tmp;
    const QString base = keep.isEmpty() ? tmp.path() : keep;
    QDir().mkpath(base);
    const QString longFolder = base + QStringLiteral("/long-%1").arg(steps);
    const QString manyFolder = base + QStringLiteral("/many-%1x%2").arg(runs).arg(points);

    // --- A: one run of `steps` steps, 4 series ---
    if (parts.find('A') != std::string::npos) {
    std::printf("A: %zu steps x 4 series\n", steps);
    // The oldest run: part C adds a streaming run to this project.
    const qint64 longRun = project(longFolder, [&](store::Project& p) { makeLongRun(p, steps); }).front();
    {
        // What the trainer does when a run ends (a --keep project from before schema 6 gets it
        // here once): the curves' summaries for the first draw.
        auto p = store::Project::open(longFolder.toStdString());
        store::RunRepository repo(p);
        if (repo.metricSummary(longRun, kKeys[0]).empty()) {
            const auto s0 = Clock::now();
            repo.summarizeMetrics(longRun);
            std::printf("  summaries written as a run's end writes them: %.0f ms\n", msSince(s0));
        }
    }
    {
        ProjectSession session;
        QString error;
        if (!session.openProject(longFolder, false, &error))
            return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
        MetricSeriesStore* store = MetricSeriesStore::forSession(&session);
        CurvePlot plot(store);
        plot.resize(1200, 600);
        plot.show();
        std::vector<CurveSpec> curves;
        for (int k = 0; k < 4; ++k)
            curves.push_back({longRun, kKeys[k], QString::fromStdString(kKeys[k]), CurvePlot::colorFor(k), k == 3});
        auto t0 = Clock::now();
        plot.setCurves(curves, true);
        // First from the summaries (the whole envelope, a few thousand points a series), then
        // the whole series read behind them.
        waitFor([&] { return std::all_of(curves.begin(), curves.end(), [&](const CurveSpec& c) { return store->isHeld(plot.keyOf(c)); }); }, 600'000);
        plot.redrawNow();
        const double summaryMs = msSince(t0);
        std::printf("  cold first draw from the summaries (read on the runner + replot): %.0f ms  [target < 200 ms]\n",
                    summaryMs);
        waitFor([&] { return std::all_of(curves.begin(), curves.end(), [&](const CurveSpec& c) { return store->isComplete(plot.keyOf(c)); }); }, 600'000);
        const double loadMs = msSince(t0);
        for (const CurveSpec& c : curves)
            if (!store->series(plot.keyOf(c)) || store->series(plot.keyOf(c))->size() != steps)
                std::printf("  ! %s holds %zu points\n", c.key.c_str(),
                            store->series(plot.keyOf(c)) ? store->series(plot.keyOf(c))->size() : 0);
        plot.redrawNow();
        const double coldMs = msSince(t0);
        std::printf("  whole series read + pyramids on the runner (off the GUI thread): %.0f ms; drawn at full detail: %.0f ms\n",
                    loadMs, coldMs);
        Stats first;
        for (int i = 0; i < 5; ++i) {   // series held: what the GUI thread pays for a first draw
            CurvePlot fresh(store);
            fresh.resize(1200, 600);
            fresh.show();
            t0 = Clock::now();
            fresh.setCurves(curves, true);
            fresh.setSmoothing(0.6);
            fresh.redrawNow();
            first.add(msSince(t0));
        }
        std::printf("  first draw, series held (query + smoothing + replot): %s  [target < 200 ms]\n", first.text().c_str());
        plot.setSmoothing(0.6);
        std::mt19937 rng(4);
        std::uniform_real_distribution<double> u(0, 1);
        Stats zoom, query;
        const double n = static_cast<double>(steps);
        for (int i = 0; i < 200; ++i) {
            const double width = n * std::pow(10.0, -4 * u(rng));   // the whole run down to 1/10,000
            const double lo = u(rng) * (n - width);
            t0 = Clock::now();
            plot.setXRange(lo, lo + width);   // what a wheel step or a drag does: the query
            query.add(msSince(t0));
            plot.plot()->replot(QCustomPlot::rpImmediateRefresh);
            zoom.add(msSince(t0));
        }
        std::printf("  zoom/pan redraw (query + replot): %s  [target < 16 ms]\n", zoom.text().c_str());
        std::printf("    of which the store query and graph data: %s\n", query.text().c_str());
        std::printf("  RSS with the 4 series held: %.0f MB\n", rssMb());
    }
    }

    // --- B: many runs ---
    if (parts.find('B') != std::string::npos) {
    std::printf("B: %d runs x %d points\n", runs, points);
    const std::vector<qint64> many = project(manyFolder, [&](store::Project& p) { makeManyRuns(p, runs, points); });
    {
        // A --keep project from before schema 6: its runs' summaries, as their ends write them.
        auto p = store::Project::open(manyFolder.toStdString());
        store::RunRepository repo(p);
        if (!many.empty() && repo.metricSummary(many.front(), kKeys[0]).empty())
            for (const qint64 id : many)
                repo.summarizeMetrics(id);
    }
    {
        ProjectSession session;
        QString error;
        if (!session.openProject(manyFolder, false, &error))
            return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
        auto t0 = Clock::now();
        ExperimentsPanel panel(&session);
        panel.resize(1366, 768);
        panel.show();
        const double constructMs = msSince(t0);
        waitFor([&] { return panel.table()->rowCount() == static_cast<int>(many.size()); }, 600'000);
        std::printf("  Experiments panel open (%d rows shown): %.0f ms (GUI thread in the constructor: %.0f ms)  [target < 1 s]\n",
                    panel.table()->rowCount(), msSince(t0), constructMs);
        tableSortAndFilter(panel);
        QList<qint64> twenty;
        for (int i = 0; i < 20 && i < static_cast<int>(many.size()); ++i)
            twenty.append(many[static_cast<std::size_t>(i) * many.size() / 20]);
        {
            const auto o0 = Clock::now();
            auto connection = store::Project::open(manyFolder.toStdString());
            std::printf("  (one worker connection, Project::open: %.1f ms)\n", msSince(o0));
        }
        panel.setCurrentMetric(QString::fromStdString(kKeys[0]));
        t0 = Clock::now();
        panel.selectRuns(twenty);
        const double selectMs = msSince(t0);
        waitFor([&] { return panel.overlay()->isLoaded(); }, 600'000);
        panel.overlay()->redrawNow();
        std::printf("  overlay of %lld runs (read on the runner + draw): %.0f ms  [target < 100 ms]\n",
                    static_cast<long long>(panel.overlay()->curves().size()), msSince(t0));
        std::printf("    of which the selection on the GUI thread (table, parallel coordinates, scatter): %.1f ms\n",
                    selectMs);
        t0 = Clock::now();
        panel.overlay()->setXRange(1000, 2000);
        panel.overlay()->plot()->replot(QCustomPlot::rpImmediateRefresh);
        std::printf("  overlay zoom redraw: %.1f ms\n", msSince(t0));
        if (!screenshots.isEmpty())
            takeScreenshots(panel, many, screenshots);
    }
    }

    // --- C: a run streaming into the Training panel's plot ---
    if (parts.find('C') != std::string::npos) {
    std::printf("C: streaming %.0f points/s for %.0f s into LivePlot\n", rate, streamSeconds);
    {
        ProjectSession session;
        QString error;
        if (!session.openProject(longFolder, true, &error))
            return std::fprintf(stderr, "%s\n", qPrintable(error)), 1;
        MetricSeriesStore* store = MetricSeriesStore::forSession(&session);
        store::RunRecord record;
        record.name = "streaming";
        const qint64 runId = store::RunRepository(session.project()).createRun(record);
        LivePlot live(store);
        live.resize(900, 600);
        live.show();
        Probe probe;
        // TrainingController's shape: points are produced off the GUI thread, drained by a 40 ms
        // GUI timer and handed over once per tick.
        MetricsBuffer buffer;
        std::atomic<bool> stop{false};
        std::thread producer([&] {
            std::int64_t step = 0;
            const auto start = Clock::now();
            while (!stop.load()) {
                const double due = std::chrono::duration<double>(Clock::now() - start).count() * rate;
                std::vector<store::MetricRecord> points;
                for (; step < due; ++step) {
                    const double wall = 1'700'000'000 + step * 0.001;
                    points.push_back({kKeys[0], step, int(step / 5000) + 1, wall, 1.0 / (1 + 1e-4 * step)});
                    if (step % 100 == 0) {
                        points.push_back({kKeys[2], step, int(step / 5000) + 1, wall, 1.1 / (1 + 1e-4 * step)});
                        points.push_back({kKeys[3], step, int(step / 5000) + 1, wall, 1 - 0.5 / (1 + 1e-4 * step)});
                    }
                }
                for (const auto& point : points)
                    buffer.push(point);
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
            }
        });
        QTimer drain;
        drain.setInterval(40);
        std::size_t delivered = 0;
        QObject::connect(&drain, &QTimer::timeout, [&] {
            auto points = buffer.drain();
            delivered += points.size();
            if (!points.empty())
                live.appendPoints(runId, points);
        });
        drain.start();
        probe.start();
        waitFor([] { return false; }, static_cast<int>(streamSeconds * 1000));
        probe.stop();
        stop = true;
        producer.join();
        std::printf("  %zu points delivered, %d held; GUI gaps: %s\n", delivered, live.pointCount(),
                    probe.gaps.text().c_str());
        std::printf("  worst GUI stall: %.1f ms (GUI-thread CPU in it %.1f ms)  [target < 16 ms]\n",
                    probe.worstGap, probe.worstGapCpu);
        std::printf("  slowest deliveries:\n%s", timedApp()->top(4).c_str());
    }
    }
    std::printf("load average at the end: ");
    std::fflush(stdout);
    std::system("cut -d' ' -f1-3 /proc/loadavg");
    return 0;
}
