#include "flightdeck/store/ProjectCheck.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/Database.h"
#include "flightdeck/store/ModelRegistry.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <map>
#include <optional>
#include <set>

#include <signal.h>
#include <sys/types.h>

namespace flightdeck::store {

namespace fs = std::filesystem;

namespace {

constexpr const char* kQuarantine = "quarantine";

bool isHex64(const std::string& s)
{
    if (s.size() != 64)
        return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
            return false;
    return true;
}

// Every object hash a row names, with who names it.
std::map<std::string, std::vector<std::string>> references(Project& project)
{
    std::map<std::string, std::vector<std::string>> refs;
    auto collect = [&](const char* sql, const std::string& what) {
        auto st = project.db().prepare(sql);
        while (st.step()) {
            if (st.isNull(0))
                continue;
            std::string who = what + " " + std::to_string(st.int64(1));
            if (!st.isNull(2) && !st.text(2).empty())
                who += " (" + st.text(2) + ")";
            refs[st.text(0)].push_back(std::move(who));
        }
    };
    collect("SELECT hash, id, 'source: ' || source FROM dataset_versions", "dataset version");
    collect("SELECT data_hash, id, 'pixels' FROM dataset_versions WHERE data_hash <> ''",
            "dataset version");
    collect("SELECT DISTINCT content_hash, version_id, NULL FROM samples "
            "WHERE content_hash IS NOT NULL", "a sample of dataset version");
    collect("SELECT object_hash, id, NULL FROM splits", "split");
    collect("SELECT object_hash, run_id, kind FROM artifacts", "run");
    return refs;
}

struct ObjectFile {
    fs::path path;
    std::string hash;   // empty for a temp file
    std::int64_t bytes = 0;
    fs::file_time_type written;
};

// ObjectStore names a temp file .tmp-<pid>-<n>: true while that process runs (on this machine;
// a signal-0 kill answers EPERM for another user's live process).
bool writerRunning(const fs::path& temp)
{
    const std::string name = temp.filename().string();
    if (name.rfind(".tmp-", 0) != 0)
        return false;
    const auto dash = name.find('-', 5);
    if (dash == std::string::npos || dash == 5)
        return false;
    pid_t pid = 0;
    for (std::size_t i = 5; i < dash; ++i) {
        if (name[i] < '0' || name[i] > '9' || pid > 100000000)
            return false;
        pid = pid * 10 + (name[i] - '0');
    }
    return pid > 0 && (::kill(pid, 0) == 0 || errno == EPERM);
}

std::vector<ObjectFile> objectFiles(const fs::path& root)
{
    std::vector<ObjectFile> out;
    std::error_code ec;
    if (!fs::is_directory(root, ec))
        return out;
    for (auto it = fs::recursive_directory_iterator(root, ec); it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (ec)
            break;
        const fs::path p = it->path();
        if (it->is_directory(ec)) {
            if (p.filename() == kQuarantine)
                it.disable_recursion_pending();
            continue;
        }
        if (!it->is_regular_file(ec))
            continue;
        ObjectFile f;
        f.path = p;
        f.bytes = static_cast<std::int64_t>(it->file_size(ec));
        f.written = it->last_write_time(ec);
        const std::string name = p.filename().string();
        const std::string shard = p.parent_path().filename().string();
        if (p.parent_path().parent_path() == root && isHex64(shard + name))
            f.hash = shard + name;
        out.push_back(std::move(f));
    }
    if (ec)
        throw Error(ErrorInfo{ErrorCode::FileUnreadable, root.string(), 0, {}, ec.message()});
    return out;
}

// Exported bundles carry copies of run models (manifest.json lists each file's SHA-256).
void restoreFromBundles(Project& project, CheckReport& report)
{
    if (report.problems.empty())
        return;
    std::map<std::string, fs::path> copies;
    auto st = project.db().prepare("SELECT bundle_path FROM registered_models");
    while (st.step()) {
        const fs::path bundle = absoluteBundlePath(project.folder(), st.text(0));
        try {
            const auto manifest = readJsonFile(bundle / "manifest.json");
            for (const auto& f : manifest.at("files"))
                copies.emplace(f.at("sha256").get<std::string>(),
                               bundle / f.at("name").get<std::string>());
        } catch (const std::exception&) {
            // A missing or hand-edited bundle is simply no source of copies.
        }
    }
    for (const auto& problem : report.problems) {
        const auto copy = copies.find(problem.hash);
        if (copy == copies.end())
            continue;
        try {
            if (project.objects().putFile(copy->second) == problem.hash)
                report.restoredFrom.push_back(copy->second);
        } catch (const Error&) {
        }
    }
}

}  // namespace

CheckReport checkProject(Project& project, bool repair)
{
    if (repair && project.readOnly())
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, project.folder().string(), 0, {},
                              "the project is read-only here: it can be checked, not repaired"});
    CheckReport report;
    try {
        auto st = project.db().prepare("PRAGMA integrity_check");
        while (st.step())
            if (st.text(0) != "ok")
                report.integrity.push_back(st.text(0));
    } catch (const Error& e) {
        // Damage bad enough that the check itself stops is a finding, not a failure of fsck.
        if (e.code() != ErrorCode::CorruptProject)
            throw;
        report.integrity.push_back(e.info().detail);
    }
    if (!report.integrity.empty())
        return report;   // references cannot be trusted; restore the database first
    auto refs = references(project);
    const fs::path root = project.objects().root();
    std::set<std::string> present;
    for (const auto& f : objectFiles(root)) {
        if (f.hash.empty()) {
            report.tempFiles.push_back(f.path);
            continue;
        }
        ++report.objects;
        report.objectBytes += f.bytes;
        present.insert(f.hash);
        const auto ref = refs.find(f.hash);
        std::string actual;
        try {
            actual = sha256OfFile(f.path);
        } catch (const Error&) {
            actual.clear();
        }
        if (actual != f.hash) {
            ObjectProblem problem{ObjectProblem::Kind::Corrupt, f.hash,
                                  ref == refs.end() ? std::vector<std::string>{} : ref->second};
            if (repair) {
                std::error_code ec;
                fs::create_directories(root / kQuarantine, ec);
                const fs::path aside = root / kQuarantine / f.hash;
                fs::rename(f.path, aside, ec);
                if (ec)
                    throw Error(ErrorInfo{writeErrorCode(ec.value()), aside.string(), 0, {},
                                          ec.message()});
                report.quarantined.push_back(aside);
            }
            report.problems.push_back(std::move(problem));
            continue;
        }
        if (ref == refs.end()) {
            report.orphans.push_back(f.path);
            report.orphanBytes += f.bytes;
        }
    }
    for (const auto& [hash, who] : refs)
        if (!present.count(hash))
            report.problems.push_back({ObjectProblem::Kind::Missing, hash, who});
    if (repair)
        restoreFromBundles(project, report);
    auto bundles = project.db().prepare(
        "SELECT name, version, bundle_path FROM registered_models ORDER BY name, version");
    while (bundles.step()) {
        const fs::path folder = absoluteBundlePath(project.folder(), bundles.text(2));
        std::error_code ec;
        if (!fs::is_directory(folder, ec))
            report.missingBundles.push_back(bundles.text(0) + " v" + std::to_string(bundles.int64(1))
                                            + ": " + folder.string());
    }
    return report;
}

GcReport collectGarbage(Project& project, double graceSeconds, bool dryRun)
{
    if (!dryRun && project.readOnly())
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, project.folder().string(), 0, {},
                              "the project is read-only here"});
    GcReport report;
    // Hold the write lock while deciding, so no row naming an object commits meanwhile; the
    // grace period covers objects written before their row (an import in progress).
    std::optional<Transaction> lock;
    if (!dryRun)
        lock.emplace(project.db());
    const auto refs = references(project);
    report.othersOpen = !project.tryUseAlone();
    struct ShareAgain {
        Project& p;
        ~ShareAgain() { p.shareUse(); }
    } shareAgain{project};
    report.graceUsed = report.othersOpen ? std::max(graceSeconds, kGraceWithOthers) : graceSeconds;
    const auto now = fs::file_time_type::clock::now();
    const auto grace = std::chrono::duration_cast<fs::file_time_type::duration>(
        std::chrono::duration<double>(report.graceUsed));
    for (const auto& f : objectFiles(project.objects().root())) {
        if (!f.hash.empty() && refs.count(f.hash))
            continue;
        if (f.hash.empty() && report.othersOpen && writerRunning(f.path)) {
            ++report.keptInUse;
            continue;
        }
        if (now - f.written < grace) {
            ++report.keptYoung;
            continue;
        }
        if (!dryRun) {
            std::error_code ec;
            fs::remove(f.path, ec);
            if (ec)
                throw Error(ErrorInfo{ErrorCode::FileUnwritable, f.path.string(), 0, {}, ec.message()});
        }
        ++report.removed;
        report.removedBytes += f.bytes;
        report.paths.push_back(f.path);
    }
    if (lock)
        lock->commit();
    return report;
}

}  // namespace flightdeck::store
