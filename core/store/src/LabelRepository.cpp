#include "flightdeck/store/LabelRepository.h"

#include "SqlHelpers.h"
#include "flightdeck/store/Project.h"

namespace flightdeck::store {

namespace {

constexpr const char* kColumns =
    "id, version_id, row_index, class_name, previous, source, verified, seconds, created_at";

LabelEventRecord readEvent(const Statement& st)
{
    LabelEventRecord e;
    e.id = st.int64(0);
    e.versionId = st.int64(1);
    e.row = st.int64(2);
    e.className = st.text(3);
    e.previous = st.text(4);
    e.source = LabelRepository::sourceFromName(st.text(5));
    e.verified = st.int64(6) != 0;
    e.seconds = st.real(7);
    e.createdAt = st.real(8);
    return e;
}

}  // namespace

LabelRepository::LabelRepository(Project& project) : project_(project) {}

const char* LabelRepository::sourceName(LabelSource source)
{
    switch (source) {
    case LabelSource::Import: return "import";
    case LabelSource::User: return "user";
    case LabelSource::Model: return "model";
    }
    return "user";
}

LabelSource LabelRepository::sourceFromName(const std::string& name)
{
    for (LabelSource s : {LabelSource::Import, LabelSource::User, LabelSource::Model})
        if (name == sourceName(s))
            return s;
    throw Error(ErrorInfo{ErrorCode::CorruptProject, {}, 0, "label_events.source",
                          "expected import, user or model, found \"" + name + "\""});
}

void LabelRepository::addEvents(Id versionId, const std::vector<LabelEventRecord>& events)
{
    if (events.empty())
        return;
    auto& db = project_.db();
    Transaction tx(db);
    std::int64_t rows = 0;
    {
        auto st = db.prepare("SELECT row_count FROM dataset_versions WHERE id = ?");
        st.bind(1, versionId);
        if (!st.step())
            sql::notFound("dataset version", versionId);
        rows = st.int64(0);
    }
    auto insert = db.prepare("INSERT INTO label_events (version_id, row_index, class_name, "
                             "previous, source, verified, seconds, created_at) "
                             "VALUES (?,?,?,?,?,?,?,?)");
    const double now = unixTimeNow();
    for (const auto& e : events) {
        if (e.row < 0 || e.row >= rows)
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "row",
                                  "expected a row of version " + std::to_string(versionId)
                                      + " (0.." + std::to_string(rows - 1) + "), got "
                                      + std::to_string(e.row)});
        insert.bind(1, versionId)
            .bind(2, e.row)
            .bind(3, e.className)
            .bind(4, e.previous)
            .bind(5, std::string(sourceName(e.source)))
            .bind(6, std::int64_t(e.verified ? 1 : 0))
            .bind(7, e.seconds)
            .bind(8, sql::timeOrNow(e.createdAt > 0 ? e.createdAt : now))
            .run();
        insert.reset();
    }
    tx.commit();
}

std::vector<LabelEventRecord> LabelRepository::latestEvents(Id versionId)
{
    // The highest id per row is its latest event (ids grow with every insert).
    auto st = project_.db().prepare(
        std::string("SELECT ") + kColumns + " FROM label_events WHERE id IN "
        "(SELECT max(id) FROM label_events WHERE version_id = ? GROUP BY row_index) "
        "ORDER BY row_index");
    st.bind(1, versionId);
    return sql::readAll(st, readEvent);
}

std::vector<LabelEventRecord> LabelRepository::events(Id versionId)
{
    auto st = project_.db().prepare(std::string("SELECT ") + kColumns
                                    + " FROM label_events WHERE version_id = ? ORDER BY id");
    st.bind(1, versionId);
    return sql::readAll(st, readEvent);
}

std::int64_t LabelRepository::eventCount(Id versionId)
{
    auto st = project_.db().prepare("SELECT count(*) FROM label_events WHERE version_id = ?");
    st.bind(1, versionId);
    st.step();
    return st.int64(0);
}

void LabelRepository::addClass(Id versionId, const std::string& name)
{
    if (name.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "class",
                              "expected a class name, got an empty string"});
    project_.db()
        .prepare("INSERT INTO label_classes (version_id, name, created_at) VALUES (?, ?, ?) "
                 "ON CONFLICT DO NOTHING")
        .bind(1, versionId)
        .bind(2, name)
        .bind(3, unixTimeNow())
        .run();
}

std::vector<std::string> LabelRepository::classes(Id versionId)
{
    auto st = project_.db().prepare(
        "SELECT name FROM label_classes WHERE version_id = ? ORDER BY created_at, rowid");
    st.bind(1, versionId);
    std::vector<std::string> out;
    while (st.step())
        out.push_back(st.text(0));
    return out;
}

}  // namespace flightdeck::store
