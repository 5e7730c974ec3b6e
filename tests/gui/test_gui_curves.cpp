// Live curves: the MetricSeriesStore against a brute-force pass over the stored points at the
// level it picks, live appends, the CurvePlot's min/max band keeping a spike that plain
// decimation hides, smoothing (TensorBoard's EMA from core/series; a constant series stays
// untouched), the x axis by epoch, hover read-outs, and the Experiments overlay driven through
// the panel's API with not one statement on the GUI thread's project connection.
#include "common/CurvePlot.h"
#include "common/MetricSeriesStore.h"
#include "common/ProjectSession.h"
#include "experiments/ExperimentsPanel.h"
#include "experiments/MetricOverlayPlot.h"
#include "experiments/RunsTable.h"

#include "common/QCustomPlotCompat.h"

#include "flightdeck/series/Smoothing.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <sqlite3.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>

using namespace flightdeck;
using namespace flightdeck::ui;
using series::Bucket;

namespace {

const std::string kLoss = "train/loss";

qint64 addRun(store::Project& project, const std::string& name, std::size_t n,
              const std::function<double(std::size_t)>& value,
              store::RunStatus status = store::RunStatus::Completed, const std::string& key = kLoss)
{
    store::RunRepository repo(project);
    store::RunRecord run;
    run.name = name;
    run.status = status;
    run.startedAt = 1'700'000'000;
    const qint64 id = repo.createRun(run);
    std::vector<store::MetricRecord> points;
    for (std::size_t i = 0; i < n; ++i)
        points.push_back({key, static_cast<std::int64_t>(i), static_cast<int>(i / 100) + 1,
                          1'700'000'000 + 0.01 * static_cast<double>(i), value(i)});
    repo.appendMetrics(id, points);
    return id;
}

std::vector<Bucket> bruteForce(const std::vector<store::MetricRecord>& points, double x0, double x1,
                               std::size_t columns)
{
    std::size_t first = 0, end = 0;
    while (first < points.size() && static_cast<double>(points[first].step) < x0) ++first;
    end = first;
    while (end < points.size() && static_cast<double>(points[end].step) <= x1) ++end;
    const std::size_t n = end - first;
    int k = 0;   // the coarsest power of two that still leaves `columns` buckets
    while ((n >> (k + 1)) >= columns && (std::size_t(1) << (k + 1)) < 2 * points.size()) ++k;
    std::vector<Bucket> out;
    for (std::size_t b = first >> k; n > 0 && b <= (end - 1) >> k; ++b) {
        Bucket e;
        e.min = e.max = std::numeric_limits<double>::quiet_NaN();
        const std::size_t from = b << k, to = std::min(points.size(), (b + 1) << k);
        e.xFirst = static_cast<double>(points[from].step);
        e.xLast = static_cast<double>(points[to - 1].step);
        for (std::size_t i = from; i < to; ++i) {
            const double y = points[i].value;
            ++e.count;
            if (!std::isfinite(y)) { ++e.nonFinite; continue; }
            e.sum += y;
            e.min = std::isnan(e.min) ? y : std::min(e.min, y);
            e.max = std::isnan(e.max) ? y : std::max(e.max, y);
        }
        e.last = points[to - 1].value;
        out.push_back(e);
    }
    return out;
}

bool same(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

int statementsOnGui = 0;
int countStatement(unsigned, void*, void*, void*) { ++statementsOnGui; return 0; }

}  // namespace

class TestGuiCurves : public QObject {
    Q_OBJECT

private:
    QTemporaryDir dir_;
    ProjectSession* session_ = nullptr;
    MetricSeriesStore* store_ = nullptr;

    SeriesKey loaded(qint64 runId, XAxis axis = XAxis::Step, const std::string& key = kLoss)
    {
        const SeriesKey k{runId, key, axis};
        store_->request({k});
        if (!QTest::qWaitFor([&] { return store_->isHeld(k); }, 20000))
            qFatal("series of run %lld never loaded", runId);
        return k;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(dir_.isValid());
        session_ = new ProjectSession(this);
        QString error;
        QVERIFY2(session_->openProject(dir_.path(), true, &error), qPrintable(error));
        store_ = MetricSeriesStore::forSession(session_);
        QCOMPARE(MetricSeriesStore::forSession(session_), store_);   // one per session
    }

    void storeMatchesBruteForceAtTheLevelItPicks()
    {
        std::mt19937 rng(3);
        std::normal_distribution<double> noise(0, 1);
        const qint64 run = addRun(session_->project(), "brute", 10'000, [&](std::size_t i) {
            return i % 997 == 13 ? std::numeric_limits<double>::infinity() : noise(rng);   // SQLite stores no NaN
        });
        const auto points = store::RunRepository(session_->project()).metrics(run, kLoss);
        const SeriesKey key = loaded(run);
        QCOMPARE(store_->series(key)->size(), points.size());
        const struct { double x0, x1; std::size_t columns; } views[] = {
            {0, 9999, 500}, {1234, 5678, 300}, {0, 9999, 20000}, {5000, 5100, 800}, {9000, 9999, 7}};
        for (const auto& v : views) {
            const auto got = store_->query(key, v.x0, v.x1, v.columns);
            const auto want = bruteForce(points, v.x0, v.x1, v.columns);
            QCOMPARE(got.size(), want.size());
            for (std::size_t j = 0; j < got.size(); ++j)
                QVERIFY2(same(got[j].min, want[j].min) && same(got[j].max, want[j].max) &&
                             same(got[j].last, want[j].last) && got[j].count == want[j].count &&
                             got[j].nonFinite == want[j].nonFinite &&
                             got[j].xFirst == want[j].xFirst && got[j].xLast == want[j].xLast &&
                             std::abs(got[j].sum - want[j].sum) < 1e-9 * (1 + std::abs(want[j].sum)),
                         qPrintable(QStringLiteral("view %1..%2 bucket %3").arg(v.x0).arg(v.x1).arg(j)));
        }
        // The widget asks for one bucket per pixel column of its visible range or finer.
        CurvePlot plot(store_);
        plot.resize(700, 320);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setCurves({{run, kLoss, QStringLiteral("brute"), Qt::blue, false}}, true);
        plot.redrawNow();
        const auto columns = static_cast<std::size_t>(plot.plot()->axisRect()->width());
        const std::size_t drawn = plot.drawnBuckets(0).size();
        QVERIFY2(drawn >= columns && drawn <= 2 * columns + 2,
                 qPrintable(QStringLiteral("%1 buckets for %2 columns").arg(drawn).arg(columns)));
        plot.setXRange(2000, 2600);   // a zoom: a finer level, the same cost
        QCOMPARE(plot.drawnBuckets(0).front().count, std::int64_t(1));
        QVERIFY(plot.userMovedView());
        plot.resetView();
        QCOMPARE(plot.drawnBuckets(0).size(), drawn);
    }

    // A finished run is drawn first from its stored summary (what the trainer writes when a run
    // ends): the spike is in it, and the whole series replaces it when its read is done.
    void finishedRunDrawsFromItsSummaryFirst()
    {
        constexpr std::size_t kSteps = 400'000;
        const qint64 run = addRun(session_->project(), "summarized", kSteps, [](std::size_t i) {
            return i == 123'456 ? 40.0 : std::sin(static_cast<double>(i) / 5000.0);
        });
        store::RunRepository(session_->project()).summarizeMetrics(run);
        const SeriesKey key{run, kLoss, XAxis::Step};
        std::vector<std::size_t> sizesShown;
        std::vector<double> maxShown;
        auto c = connect(store_, &MetricSeriesStore::seriesLoaded, this, [&](qint64 id) {
            if (id != run)
                return;
            sizesShown.push_back(store_->series(key)->size());
            double top = -INFINITY;
            for (const Bucket& b : store_->query(key, 0, kSteps, 1000))
                top = std::max(top, b.max);
            maxShown.push_back(top);
        });
        store_->request({key});
        QTRY_VERIFY_WITH_TIMEOUT(store_->isComplete(key), 30000);
        disconnect(c);
        QCOMPARE(sizesShown.size(), std::size_t(2));
        QVERIFY2(sizesShown[0] <= 4 * store::RunRepository::kSummaryBuckets,
                 qPrintable(QString::number(sizesShown[0])));
        QCOMPARE(sizesShown[1], kSteps);
        QCOMPARE(maxShown[0], 40.0);   // the spike is in the first draw
        QCOMPARE(maxShown[1], 40.0);
    }

    // A title longer than the plot is elided at its end (a German run status at 1024 px was cut
    // at both ends), and a short plot gets fewer y ticks so their labels stay apart.
    void longTitleElidesAndShortPlotsGetFewerTicks()
    {
        CurvePlot plot(store_);
        plot.resize(700, 400);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        const QString title = QStringLiteral("Lauf #1 (abgeschlossen), Val.-Genauigkeit 95,83 %, Val.-Verlust 0,1234");
        plot.setTitle(title);
        auto* shown = qobject_cast<QCPTextElement*>(plot.plot()->plotLayout()->element(0, 0));
        QVERIFY(shown);
        QCOMPARE(shown->text(), title);
        QCOMPARE(plot.plot()->yAxis->ticker()->tickCount(), 5);
        plot.resize(260, 150);
        QTest::qWait(50);
        QVERIFY2(shown->text().endsWith(QChar(0x2026)) && shown->text().startsWith(QStringLiteral("Lauf #1")),
                 qPrintable(shown->text()));
        QVERIFY(QFontMetrics(shown->font()).horizontalAdvance(shown->text()) <= plot.width());
        QCOMPARE(plot.plot()->yAxis->ticker()->tickCount(), 2);
        plot.resize(700, 400);
        QTest::qWait(50);
        QCOMPARE(shown->text(), title);
    }

    void liveAppendsShowUp()
    {
        store::RunRecord record;
        record.name = "live";
        const qint64 run = store::RunRepository(session_->project()).createRun(record);
        CurvePlot plot(store_);
        plot.resize(600, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        store_->startLive(run);
        plot.setCurves({{run, kLoss, QStringLiteral("live"), Qt::red, false}}, true);
        auto stream = [&](int from, int to) {
            std::vector<store::MetricRecord> points;
            for (int i = from; i < to; ++i)
                points.push_back({kLoss, i, 1, 1'700'000'000.0 + i, 1.0 / (1 + i)});
            store_->append(run, points);
        };
        auto drawnPoints = [&] {
            std::int64_t n = 0;
            for (const Bucket& b : plot.drawnBuckets(0)) n += b.count;
            return n;
        };
        QTRY_VERIFY(store_->isHeld({run, kLoss, XAxis::Step}));   // its (empty) stored part
        stream(0, 100);
        QVERIFY(plot.redrawPending());   // coalesced: one redraw for a burst
        QTRY_COMPARE(drawnPoints(), std::int64_t(100));
        QVERIFY(!plot.redrawPending());   // the timer runs only while data arrives
        stream(100, 150);
        QTRY_COMPARE(drawnPoints(), std::int64_t(150));
        QCOMPARE(plot.drawnBuckets(0).back().last, 1.0 / 150);
        store_->stopLive(run);
    }

    // The trainer flushes rows while it streams them, so the read a live run's first points
    // start may already hold the next point to arrive. That repeat is not a step going back
    // (a resumed run): it must not start a re-read that holds back every later point (the
    // Training panel showed 1 of 3 validation points when a run ended during such a re-read).
    void liveRepeatOfAStoredRowNeedsNoReread()
    {
        store::RunRecord record;
        record.name = "flushed";
        store::RunRepository repo(session_->project());
        const qint64 run = repo.createRun(record);
        auto point = [](int step) {
            return store::MetricRecord{kLoss, step, 1, 1'700'000'000.0 + step, 1.0 / (1 + step)};
        };
        repo.appendMetrics(run, {point(0), point(1), point(2)});
        store_->startLive(run);
        const SeriesKey key = loaded(run);
        QCOMPARE(store_->series(key)->size(), std::size_t(3));
        const int readsBefore = MetricSeriesStore::readsDone();
        store_->append(run, {point(2), point(3), point(4)});   // step 2 was read from the rows
        QCOMPARE(store_->series(key)->size(), std::size_t(5));  // at once: nothing held back
        QTest::qWait(100);
        QCOMPARE(MetricSeriesStore::readsDone(), readsBefore);
        // A step that really goes back (a run resumed from an earlier checkpoint) still re-reads.
        repo.deleteMetricsAfter(run, 1);
        store_->append(run, {store::MetricRecord{kLoss, 2, 1, 1'700'000'100.0, 0.9}});
        QTRY_VERIFY(MetricSeriesStore::readsDone() > readsBefore);
        QTRY_COMPARE(store_->series(key)->size(), std::size_t(3));
        store_->stopLive(run);
    }

    void bandKeepsASpikeThatDecimationHides()
    {
        const std::size_t n = 200'000, spikeAt = 123'457;
        const qint64 run = addRun(session_->project(), "spike", n, [&](std::size_t i) {
            return i == spikeAt ? 50.0 : 1.0 + 0.1 * std::sin(static_cast<double>(i) / 5000.0);
        });
        loaded(run);
        CurvePlot plot(store_);
        plot.resize(640, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setCurves({{run, kLoss, QStringLiteral("spike"), Qt::darkGreen, false}}, true);
        plot.redrawNow();
        const auto columns = static_cast<std::size_t>(plot.plot()->axisRect()->width());
        // Every (n / columns)-th stored point, as a plain decimation draws: the spike is not
        // among them.
        const auto points = store::RunRepository(session_->project()).metrics(run, kLoss);
        double decimatedMax = -1;
        for (std::size_t i = 0; i < points.size(); i += n / columns)
            decimatedMax = std::max(decimatedMax, points[i].value);
        QVERIFY(decimatedMax < 2);
        // The band's upper graph (the second of the curve's four) reaches it.
        QCPGraph* upper = plot.plot()->graph(1);
        double bandMax = -1;
        for (auto it = upper->data()->constBegin(); it != upper->data()->constEnd(); ++it)
            bandMax = std::max(bandMax, it->value);
        QCOMPARE(bandMax, 50.0);
        QVERIFY(plot.plot()->yAxis->range().upper >= 50.0);
        QVERIFY(upper->channelFillGraph() == plot.plot()->graph(0));
    }

    void smoothingFollowsTensorBoardAndLeavesAConstantAlone()
    {
        const qint64 flat = addRun(session_->project(), "flat", 5000, [](std::size_t) { return 0.25; });
        std::mt19937 rng(9);
        std::uniform_real_distribution<double> u(0, 1);
        std::vector<double> values;
        const qint64 noisy = addRun(session_->project(), "noisy", 300, [&](std::size_t) {
            values.push_back(u(rng));
            return values.back();
        });
        loaded(flat);
        loaded(noisy);
        CurvePlot plot(store_);
        plot.resize(800, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setCurves({{flat, kLoss, QStringLiteral("flat"), Qt::blue, false},
                        {noisy, kLoss, QStringLiteral("noisy"), Qt::red, false}},
                       true);
        plot.setSmoothing(0.9);
        QCOMPARE(plot.smoothing(), 0.9);
        plot.redrawNow();
        QVERIFY(!plot.drawnLine(0).isEmpty());
        for (const double v : plot.drawnLine(0))
            QCOMPARE(v, 0.25);
        // 300 points on ~700 columns: level 0, so the line is core's EMA of the raw values.
        QCOMPARE(plot.drawnBuckets(1).front().count, std::int64_t(1));
        const auto expected = series::smoothDebiasedEma(values, 0.9);
        QCOMPARE(plot.drawnLine(1).size(), static_cast<int>(expected.size()));
        for (int i = 0; i < plot.drawnLine(1).size(); ++i)
            QVERIFY(std::abs(plot.drawnLine(1)[i] - expected[static_cast<std::size_t>(i)]) < 1e-12);
        QVERIFY(plot.plot()->graph(6)->visible());   // the raw curve stays, faint, behind it
        QVERIFY(plot.plot()->graph(6)->pen().color().alpha() < 255);

        plot.setLogScale(true);
        QCOMPARE(plot.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
        // Hover: every visible curve at the cursor's x.
        const QString text = plot.readout(150);
        QVERIFY2(text.contains(QStringLiteral("flat")) && text.contains(QStringLiteral("noisy")), qPrintable(text));
        // The mouse over the canvas shows it beside a dashed line at its x (the middle of the
        // view is past the noisy run's end, so only the flat one is there); leaving hides both.
        QCustomPlot* canvas = plot.plot();
        auto hoverShown = [canvas] {
            for (int i = 0; i < canvas->itemCount(); ++i)
                if (auto* t = qobject_cast<QCPItemText*>(canvas->item(i)); t && t->visible() && t->text().startsWith(QStringLiteral("flat: ")))
                    return true;
            return false;
        };
        auto cursorShown = [canvas] {
            for (int i = 0; i < canvas->itemCount(); ++i)
                if (auto* line = qobject_cast<QCPItemStraightLine*>(canvas->item(i)); line && line->visible())
                    return true;
            return false;
        };
        QVERIFY(!hoverShown() && !cursorShown());
        const QPoint middle = canvas->axisRect()->rect().center();
        QMouseEvent move(QEvent::MouseMove, middle, canvas->mapToGlobal(middle), Qt::NoButton, Qt::NoButton,
                         Qt::NoModifier);
        QCoreApplication::sendEvent(canvas, &move);
        QVERIFY(hoverShown());
        QVERIFY(cursorShown());
        QEvent leave(QEvent::Leave);
        QCoreApplication::sendEvent(canvas, &leave);
        QVERIFY(!hoverShown() && !cursorShown());
    }

    void xAxisByEpoch()
    {
        const qint64 run = addRun(session_->project(), "epochs", 1000, [](std::size_t i) { return double(i); });
        CurvePlot plot(store_);
        plot.resize(600, 300);
        plot.show();
        QVERIFY(QTest::qWaitForWindowExposed(&plot));
        plot.setCurves({{run, kLoss, QStringLiteral("epochs"), Qt::blue, false}}, true);
        plot.setXAxisKind(XAxis::Epoch);
        QTRY_VERIFY(store_->isHeld({run, kLoss, XAxis::Epoch}));
        plot.redrawNow();
        QCOMPARE(plot.drawnBuckets(0).front().xFirst, 1.0);
        QCOMPARE(plot.drawnBuckets(0).back().xLast, 10.0);
        plot.setXAxisKind(XAxis::RelativeTime);
        QTRY_VERIFY(store_->isHeld({run, kLoss, XAxis::RelativeTime}));
        plot.redrawNow();
        QCOMPARE(plot.drawnBuckets(0).front().xFirst, 0.0);   // the run started with its first point
    }

    void experimentsOverlayReadsNothingOnTheGuiThread()
    {
        std::vector<qint64> runs;
        for (int r = 0; r < 4; ++r)
            runs.push_back(addRun(session_->project(), "overlay-" + std::to_string(r), 3000,
                                  [r](std::size_t i) { return r + 1.0 / (1.0 + double(i)); }));
        ExperimentsPanel panel(session_);
        panel.resize(1000, 700);
        panel.show();
        const int expectedRows = static_cast<int>(store::RunRepository(session_->project()).runs().size());
        QTRY_COMPARE(panel.table()->rowCount(), expectedRows);

        // From here the GUI's own connection must stay silent.
        sqlite3* db = session_->project().db().handle();
        statementsOnGui = 0;
        sqlite3_trace_v2(db, SQLITE_TRACE_STMT, countStatement, nullptr);
        const int readsBefore = MetricSeriesStore::readsDone();
        panel.selectRuns({runs[0], runs[1], runs[3]});
        QCOMPARE(panel.selectedRunIds().size(), 3);
        panel.setCurrentMetric(QString::fromStdString(kLoss));
        MetricOverlayPlot* overlay = panel.overlay();
        QTRY_VERIFY(overlay->isLoaded() && !panel.isBusy());
        QCOMPARE(overlay->curves().size(), std::size_t(3));
        QCOMPARE(overlay->metric(), QString::fromStdString(kLoss));
        QCOMPARE(overlay->pointCount(), qint64(3 * 3000));
        overlay->redrawNow();
        for (int i = 0; i < 3; ++i)
            QVERIFY(!overlay->drawnBuckets(i).empty());
        QVERIFY(overlay->placeholderText().isEmpty());

        // A run another process writes: found by the change check, still nothing on the GUI.
        {
            auto other = store::Project::open(dir_.path().toStdString());
            addRun(other, "from-the-cli", 10, [](std::size_t) { return 1.0; },
                   store::RunStatus::Running);
        }
        QTRY_COMPARE_WITH_TIMEOUT(panel.table()->rowCount(), expectedRows + 1,
                                  3 * ExperimentsPanel::kChangeCheckMs + 5000);
        sqlite3_trace_v2(db, 0, nullptr, nullptr);
        QCOMPARE(statementsOnGui, 0);
        QVERIFY(MetricSeriesStore::readsDone() > readsBefore);
        QCOMPARE(MetricSeriesStore::readsOnGuiThread(), 0);
    }
};

QTEST_MAIN(TestGuiCurves)
#include "test_gui_curves.moc"
