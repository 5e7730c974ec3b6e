// core/store schema 6: a run's curves cut down for a plot's first draw. On a real project file:
// the summary keeps each key's first and last point and every run of points' extremes (a
// spike survives), is a few thousand points for 100,000, and goes as soon as the run's metrics
// change (appended, or cut back by a resume), so one that exists is current; a schema 5
// project migrates.
#include "flightdeck/store/Database.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace flightdeck::store;

namespace {

Id addRun(Project& p)
{
    RunRecord r;
    r.name = "long";
    r.status = RunStatus::Running;
    return RunRepository(p).createRun(r);
}

std::vector<MetricRecord> curve(const std::string& key, std::int64_t from, std::int64_t to)
{
    std::vector<MetricRecord> out;
    for (std::int64_t s = from; s < to; ++s)
        out.push_back({key, s, static_cast<int>(s / 1000), 1000.0 + double(s), std::sin(double(s) / 300.0)});
    return out;
}

}  // namespace

class TestMetricSummaries : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void summaryKeepsEndsAndSpikes()
    {
        QTemporaryDir dir;
        Project p = Project::create(dir.filePath(QStringLiteral("p")).toStdString());
        RunRepository runs(p);
        const Id run = addRun(p);
        auto loss = curve("train/loss", 0, 100000);
        loss[61234].value = 50;     // a spike
        loss[77777].value = -50;
        runs.appendMetrics(run, loss);
        runs.appendMetrics(run, curve("val/loss", 0, 10));
        QVERIFY(runs.metricSummary(run, "train/loss").empty());
        runs.finishRun(run, RunStatus::Completed);
        runs.summarizeMetrics(run);

        bool whole = true;
        const auto summary = runs.metricSummary(run, "train/loss", &whole);
        QVERIFY(!whole);
        QVERIFY(summary.size() > 2048 && summary.size() <= 4 * RunRepository::kSummaryBuckets);
        QCOMPARE(summary.front().step, std::int64_t(0));
        QCOMPARE(summary.back().step, std::int64_t(99999));
        QCOMPARE(summary.back().epoch, 99);
        QCOMPARE(summary.back().wallTime, 1000.0 + 99999);
        QCOMPARE(summary.front().key, std::string("train/loss"));
        bool high = false, low = false;
        for (std::size_t i = 0; i < summary.size(); ++i) {
            high |= summary[i].step == 61234 && summary[i].value == 50;
            low |= summary[i].step == 77777 && summary[i].value == -50;
            if (i > 0)
                QVERIFY(summary[i].step > summary[i - 1].step);
        }
        QVERIFY(high && low);
        // A short series is kept whole.
        const auto val = runs.metricSummary(run, "val/loss", &whole);
        QCOMPARE(val.size(), std::size_t(10));
        QVERIFY(whole);
        QCOMPARE(val[3].value, std::sin(3.0 / 300.0));
    }

    void changedMetricsDropTheSummary()
    {
        QTemporaryDir dir;
        Project p = Project::create(dir.filePath(QStringLiteral("p")).toStdString());
        RunRepository runs(p);
        const Id run = addRun(p);
        runs.appendMetrics(run, curve("train/loss", 0, 500));
        runs.summarizeMetrics(run);
        QCOMPARE(runs.metricSummary(run, "train/loss").size(), std::size_t(500));
        runs.appendMetrics(run, curve("train/loss", 500, 600));
        QVERIFY(runs.metricSummary(run, "train/loss").empty());
        runs.summarizeMetrics(run);
        QCOMPARE(runs.metricSummary(run, "train/loss").size(), std::size_t(600));
        // A step recorded twice (a killed process's points before a resume) is drawn once, so
        // the summary is not the whole series any more.
        runs.appendMetrics(run, curve("train/loss", 599, 600));
        runs.summarizeMetrics(run);
        bool whole = true;
        QCOMPARE(runs.metricSummary(run, "train/loss", &whole).size(), std::size_t(600));
        QVERIFY(!whole);
        runs.deleteMetricsAfter(run, 300);   // a resume from step 300
        QVERIFY(runs.metricSummary(run, "train/loss").empty());
        // And it goes with its run.
        runs.summarizeMetrics(run);
        p.db().exec("DELETE FROM runs WHERE id = " + std::to_string(run));
        auto st = p.db().prepare("SELECT count(*) FROM metric_summaries");
        QVERIFY(st.step());
        QCOMPARE(st.int64(0), std::int64_t(0));
    }

    void schema5ProjectMigrates()
    {
        QTemporaryDir dir;
        const std::string folder = dir.filePath(QStringLiteral("p")).toStdString();
        Id run = 0;
        {
            Project p = Project::create(folder);
            run = addRun(p);
            RunRepository(p).appendMetrics(run, curve("train/loss", 0, 50));
            p.db().exec("DROP TABLE metric_summaries;");
            p.db().setUserVersion(5);
        }
        Project p = Project::open(folder);
        QCOMPARE(p.schemaVersion(), Project::kSchemaVersion);
        RunRepository runs(p);
        QVERIFY(runs.metricSummary(run, "train/loss").empty());
        runs.summarizeMetrics(run);
        QCOMPARE(runs.metricSummary(run, "train/loss").size(), std::size_t(50));
    }
};

QTEST_GUILESS_MAIN(TestMetricSummaries)
#include "test_metric_summaries.moc"
