#pragma once
// Internal to core/store: small pieces every repository needs.
#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/Database.h"

#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

namespace flightdeck::store::sql {

// Records use 0 for "no such reference"; the schema stores that as NULL so foreign keys still
// hold for real ids.
inline void bindRef(Statement& st, int index, Id id)
{
    if (id == 0)
        st.bindNull(index);
    else
        st.bind(index, id);
}

inline Id refOrZero(const Statement& st, int column)
{
    return st.isNull(column) ? 0 : st.int64(column);
}

// A caller-given time, or now when the record left it at 0.
inline double timeOrNow(double t)
{
    return t > 0 ? t : unixTimeNow();
}

// SQLite integers are signed; a 64-bit seed keeps its bit pattern through the round trip.
inline std::int64_t toSigned(std::uint64_t v)
{
    std::int64_t out;
    std::memcpy(&out, &v, sizeof out);
    return out;
}

inline std::uint64_t toUnsigned(std::int64_t v)
{
    std::uint64_t out;
    std::memcpy(&out, &v, sizeof out);
    return out;
}

// ErrorCode::NotFound's contract: field = the kind, detail = the id.
[[noreturn]] inline void notFound(const char* kind, Id id)
{
    throw Error(ErrorInfo{ErrorCode::NotFound, {}, 0, kind, std::to_string(id)});
}

// Every row of a prepared query through a row reader.
template <typename Reader>
auto readAll(Statement& st, Reader read) -> std::vector<decltype(read(st))>
{
    std::vector<decltype(read(st))> out;
    while (st.step())
        out.push_back(read(st));
    return out;
}

// The single row of a by-id query, or NotFound naming the kind and id.
template <typename Reader>
auto readOne(Statement& st, Reader read, const char* kind, Id id) -> decltype(read(st))
{
    if (!st.step())
        notFound(kind, id);
    return read(st);
}

// Of these object hashes, the ones no row refers to any more: the references ProjectCheck
// counts (a version's bytes and pixels, a sample's image, a split, a run's artifact). Another
// row may hold the same bytes, so a caller that removed rows removes only these objects, and
// only after its transaction committed (a crash then leaves an orphan for gc, never a row
// pointing at a missing object).
template <typename Hashes>
std::vector<std::string> unreferencedObjects(Database& db, const Hashes& hashes)
{
    auto used = db.prepare(
        "SELECT 1 FROM artifacts WHERE object_hash = ?1 UNION ALL "
        "SELECT 1 FROM dataset_versions WHERE hash = ?1 OR data_hash = ?1 UNION ALL "
        "SELECT 1 FROM splits WHERE object_hash = ?1 UNION ALL "
        "SELECT 1 FROM samples WHERE content_hash = ?1 LIMIT 1");
    std::vector<std::string> out;
    for (const std::string& hash : hashes) {
        used.reset();
        used.bind(1, hash);
        if (!used.step())
            out.push_back(hash);
    }
    return out;
}

}  // namespace flightdeck::store::sql
