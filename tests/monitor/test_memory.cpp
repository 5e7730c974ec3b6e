// Constant memory: a few hundred MB of generated log (FLIGHTDECK_MEMORY_TEST_MB, default 256)
// read through readLog + WindowAggregator must not raise the peak RSS by more than 64 MB. The
// peak is reset with /proc/self/clear_refs and read from VmHWM (Linux). The multi-GB variant is
// bench/bench_ingest --gb N.
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/WindowAggregator.h"

#include "LogGenerator.h"
#include "TestRegistry.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flightdeck::monitor;

namespace {

long statusKb(const char* key)
{
    std::ifstream in("/proc/self/status");
    std::string k;
    long v = -1;
    while (in >> k) {
        if (k == key) {
            in >> v;
            return v;
        }
        std::getline(in, k);
    }
    return -1;
}

bool resetPeak()
{
    std::ofstream out("/proc/self/clear_refs");
    out << "5";
    return static_cast<bool>(out);
}

}  // namespace

class TestMemory : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readingKeepsMemoryFlat()
    {
        if (statusKb("VmHWM:") < 0)
            QSKIP("no /proc/self/status (not Linux)");
        QTemporaryDir dir;
        const std::uint64_t mb = qEnvironmentVariableIsSet("FLIGHTDECK_MEMORY_TEST_MB")
                                     ? qEnvironmentVariableIntValue("FLIGHTDECK_MEMORY_TEST_MB")
                                     : 256;
        const std::string path = dir.filePath(QStringLiteral("big.jsonl")).toStdString();
        const std::uint64_t bytes =
            monitortest::writePredictionLog(path, UINT64_MAX, mb << 20);
        QVERIFY(bytes >= (mb << 20));

        if (!resetPeak())
            QSKIP("cannot reset the peak RSS (/proc/self/clear_refs)");
        const long before = statusKb("VmRSS:");
        WindowOptions wo;
        wo.widthSeconds = 60;
        WindowAggregator agg(wo);
        ReadStats stats;
        std::int64_t features = 0;
        QVERIFY(readLog(path, {}, [&](const PredictionRecord& r) {
            agg.add(r);
            features += static_cast<std::int64_t>(r.features.size());
        }, stats));
        const long peak = statusKb("VmHWM:");
        std::remove(path.c_str());
        QCOMPARE(stats.skipped, 0);
        QCOMPARE(features, stats.records * 16);
        QCOMPARE(stats.bytes, bytes);
        qInfo("read %llu MB, %lld records; peak RSS %ld kB over %ld kB before (+%ld kB)",
              static_cast<unsigned long long>(bytes >> 20), static_cast<long long>(stats.records),
              peak, before, peak - before);
        QVERIFY2(peak - before < 64 * 1024, "peak RSS grew by more than 64 MB");
    }
};

MONITOR_TEST(TestMemory)
#include "test_memory.moc"
