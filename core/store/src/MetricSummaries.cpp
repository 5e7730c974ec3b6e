// RunRepository's metric summaries (schema 6): a plot's first draw of a long run reads a few
// thousand points per key instead of every metric row.
#include "flightdeck/store/RunRepository.h"

#include "flightdeck/series/ExtremesDecimation.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/Project.h"

#include <cstring>

namespace flightdeck::store {

namespace {

// One packed point of a summary blob: 28 bytes.
constexpr std::size_t kPointBytes = sizeof(std::int64_t) + sizeof(std::int32_t) + 2 * sizeof(double);

void put(std::string& out, const MetricRecord& m)
{
    char bytes[kPointBytes];
    const std::int32_t epoch = m.epoch;
    std::memcpy(bytes, &m.step, 8);
    std::memcpy(bytes + 8, &epoch, 4);
    std::memcpy(bytes + 12, &m.wallTime, 8);
    std::memcpy(bytes + 20, &m.value, 8);
    out.append(bytes, kPointBytes);
}

}  // namespace

void RunRepository::summarizeMetrics(Id runId, const std::string& key, const std::vector<MetricRecord>& points)
{
    // One point per step, the first recorded, as the plots keep them.
    std::vector<const MetricRecord*> unique;
    unique.reserve(points.size());
    for (const auto& p : points)
        if (unique.empty() || p.step > unique.back()->step)
            unique.push_back(&p);
    std::vector<double> values(unique.size());
    for (std::size_t i = 0; i < unique.size(); ++i)
        values[i] = unique[i]->value;
    std::string data;
    const auto kept = series::keepExtremes(values.data(), values.size(), kSummaryBuckets);
    data.reserve(kept.size() * kPointBytes);
    for (const std::size_t i : kept)
        put(data, *unique[i]);
    project_.db()
        .prepare("INSERT OR REPLACE INTO metric_summaries (run_id, key, points, data) VALUES (?, ?, ?, ?)")
        .bind(1, runId)
        .bind(2, key)
        .bind(3, static_cast<std::int64_t>(points.size()))
        .bindBlob(4, data.data(), data.size())
        .run();
}

void RunRepository::summarizeMetrics(Id runId)
{
    auto& db = project_.db();
    Transaction tx(db);
    auto st = db.prepare("SELECT step, epoch, wall_time, value FROM metrics WHERE run_id = ? AND key = ? "
                         "ORDER BY step, id");
    for (const std::string& key : metricKeys(runId)) {
        std::vector<MetricRecord> points;
        st.reset();
        st.bind(1, runId).bind(2, key);
        while (st.step())
            points.push_back({std::string(), st.int64(0), static_cast<int>(st.int64(1)), st.real(2), st.real(3)});
        summarizeMetrics(runId, key, points);
    }
    tx.commit();
}

std::vector<MetricRecord> RunRepository::metricSummary(Id runId, const std::string& key, bool* whole)
{
    auto st = project_.db().prepare("SELECT data, points FROM metric_summaries WHERE run_id = ? AND key = ?");
    st.bind(1, runId).bind(2, key);
    std::vector<MetricRecord> out;
    if (whole)
        *whole = false;
    if (!st.step())
        return out;
    const std::string data = st.blob(0);
    out.reserve(data.size() / kPointBytes);
    for (std::size_t at = 0; at + kPointBytes <= data.size(); at += kPointBytes) {
        MetricRecord m;
        m.key = key;
        std::int32_t epoch = 0;
        std::memcpy(&m.step, data.data() + at, 8);
        std::memcpy(&epoch, data.data() + at + 8, 4);
        std::memcpy(&m.wallTime, data.data() + at + 12, 8);
        std::memcpy(&m.value, data.data() + at + 20, 8);
        m.epoch = epoch;
        out.push_back(std::move(m));
    }
    // Every metric row is in it: nothing decimated, no repeated step left out.
    if (whole)
        *whole = static_cast<std::int64_t>(out.size()) == st.int64(1);
    return out;
}

}  // namespace flightdeck::store
