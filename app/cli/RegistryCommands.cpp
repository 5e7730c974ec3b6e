#include "RegistryCommands.h"
#include "CliSupport.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/ModelRegistry.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace flightdeck::cli {

namespace {

using nlohmann::json;

struct RegistryArgs {
    std::string project, name, version, other, alias = "production", reason;
    std::string aliasFilter;   // history: "" = every alias
    bool json = false;
};

// "3" or "v3".
int parseVersion(const std::string& text)
{
    const std::string digits = !text.empty() && (text[0] == 'v' || text[0] == 'V') ? text.substr(1) : text;
    int v = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), v);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() || v < 1)
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "version",
                              "expected a version number such as 3 or v3, got \"" + text + "\""});
    return v;
}

std::string text(const std::string& s) { return escapeControls(s); }
std::string shortHash(const std::string& hash) { return hash.empty() ? "-" : hash.substr(0, 12); }
std::string versionText(int v) { return v > 0 ? "v" + std::to_string(v) : std::string("(none)"); }

void printJson(const json& j)
{
    // Names and reasons are the user's bytes: invalid UTF-8 is replaced, never a throw.
    std::cout << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

json modelJson(const store::RegisteredModelRecord& m, const std::filesystem::path& folder)
{
    return {{"id", m.id},
            {"name", m.name},
            {"version", m.version},
            {"run_id", m.runId},
            {"alias", m.alias},
            {"bundle_path", store::absoluteBundlePath(folder, m.bundlePath).string()},
            {"manifest_sha256", m.manifestHash},
            {"created_at", isoTimeUtc(m.createdAt)}};
}

json eventJson(const store::AliasEventRecord& e)
{
    return {{"id", e.id},
            {"name", e.name},
            {"alias", e.alias},
            {"action", store::aliasActionName(e.action)},
            {"version", e.version > 0 ? json(e.version) : json(nullptr)},
            {"previous_version", e.previousVersion > 0 ? json(e.previousVersion) : json(nullptr)},
            {"actor", e.actor},
            {"reason", e.reason},
            {"created_at", isoTimeUtc(e.createdAt)}};
}

json lineageJson(const store::ModelLineage& l, const std::filesystem::path& folder)
{
    json j = {{"model", modelJson(l.model, folder)}};
    j["run"] = l.runId ? json{{"id", l.runId}, {"name", l.runName},
                              {"status", store::runStatusName(l.runStatus)}}
                       : json(nullptr);
    j["data_version"] = l.datasetVersionId ? json{{"id", l.datasetVersionId},
                                                  {"dataset", l.datasetName},
                                                  {"hash", l.datasetHash}}
                                           : json(nullptr);
    return j;
}

std::string lineageLine(const store::ModelLineage& l, const std::filesystem::path& folder)
{
    std::ostringstream s;
    if (l.datasetVersionId)
        s << "data version " << l.datasetVersionId << " " << text(l.datasetName) << " ("
          << shortHash(l.datasetHash) << ")";
    else
        s << "(no data version)";
    s << " -> ";
    if (l.runId)
        s << "run " << l.runId << " \"" << text(l.runName) << "\" (" << l.runStatus << ")";
    else
        s << "(no run)";
    s << " -> " << text(l.model.name) << " " << versionText(l.model.version);
    if (!l.model.alias.empty())
        s << " [" << text(l.model.alias) << "]";
    s << " -> " << text(store::absoluteBundlePath(folder, l.model.bundlePath).string());
    return s.str();
}

void list(const RegistryArgs& a)
{
    auto project = openProject(a.project);
    store::ModelRegistry registry(project);
    auto all = registry.lineages();
    if (!a.name.empty())
        all.erase(std::remove_if(all.begin(), all.end(),
                                 [&](const auto& l) { return l.model.name != a.name; }),
                  all.end());
    // By name, then newest version first.
    std::stable_sort(all.begin(), all.end(), [](const auto& x, const auto& y) {
        return x.model.name != y.model.name ? x.model.name < y.model.name
                                            : x.model.version > y.model.version;
    });
    if (a.json) {
        json out = json::array();
        for (const auto& l : all)
            out.push_back(lineageJson(l, project.folder()));
        printJson(out);
        return;
    }
    if (all.empty()) {
        std::cout << (a.name.empty() ? "no registered models" : "no model named " + text(a.name))
                  << " (flightdeck-cli export registers one)\n";
        return;
    }
    std::string name;
    for (const auto& l : all) {
        if (l.model.name != name) {
            name = l.model.name;
            std::cout << text(name) << "\n";
        }
        std::cout << "  " << std::left << std::setw(5) << versionText(l.model.version) << " "
                  << std::setw(12) << (l.model.alias.empty() ? "-" : text(l.model.alias)) << " "
                  << std::setw(8) << (l.runId ? "run " + std::to_string(l.runId) : "-") << " "
                  << isoTimeUtc(l.model.createdAt) << "  "
                  << text(store::absoluteBundlePath(project.folder(), l.model.bundlePath).string())
                  << "\n";
    }
}

void printMove(const store::AliasEventRecord& e, const std::string& name, const std::string& alias)
{
    const std::string ref = text(name) + "@" + text(alias);
    if (e.id == 0) {
        std::cout << ref << " already "
                  << (e.modelId ? "points at " + versionText(e.version) : std::string("points nowhere"))
                  << "; nothing changed\n";
        return;
    }
    std::cout << ref << ": " << versionText(e.previousVersion) << " -> " << versionText(e.version)
              << " (" << store::aliasActionName(e.action) << " by " << text(e.actor)
              << (e.reason.empty() ? std::string() : ": " + text(e.reason)) << ")\n";
}

void move(const RegistryArgs& a, store::AliasAction action)
{
    auto project = openForWriting(a.project);
    store::ModelRegistry registry(project);
    store::AliasEventRecord e;
    std::string note;
    if (action == store::AliasAction::Promote) {
        const auto target = registry.find(a.name, parseVersion(a.version));
        if (!target.alias.empty() && target.alias != a.alias)
            note = "note: " + versionText(target.version) + " was " + text(target.alias) +
                   "; a version holds one alias, so " + text(a.name) + "@" + text(target.alias) +
                   " now points nowhere (logged)\n";
        e = registry.promote(a.name, target.version, a.alias, {}, a.reason);
        if (e.id == 0) {   // already there: say where it points
            e.modelId = target.id;
            e.version = target.version;
        }
    } else if (action == store::AliasAction::Rollback) {
        e = registry.rollback(a.name, a.alias, {}, a.reason);
    } else {
        e = registry.clearAlias(a.name, a.alias, {}, a.reason);
    }
    if (a.json) {
        json j = eventJson(e);
        j["changed"] = e.id != 0;
        if (e.id == 0) {
            j["name"] = a.name;
            j["alias"] = a.alias;
        }
        printJson(j);
        return;
    }
    printMove(e, a.name, a.alias);
    std::cerr << note;
}

void history(const RegistryArgs& a)
{
    auto project = openProject(a.project);
    const auto events = store::ModelRegistry(project).history(a.name, a.aliasFilter);
    if (a.json) {
        json out = json::array();
        for (const auto& e : events)
            out.push_back(eventJson(e));
        printJson(out);
        return;
    }
    if (events.empty()) {
        std::cout << "no alias changes recorded for " << text(a.name)
                  << (a.aliasFilter.empty() ? std::string() : "@" + text(a.aliasFilter)) << "\n";
        return;
    }
    for (const auto& e : events)
        std::cout << isoTimeUtc(e.createdAt) << "  " << std::left << std::setw(12) << text(e.alias)
                  << " " << std::setw(8) << store::aliasActionName(e.action) << " "
                  << std::setw(16)
                  << (versionText(e.previousVersion) + " -> " + versionText(e.version)) << " "
                  << text(e.actor) << (e.reason.empty() ? std::string() : "  \"" + text(e.reason) + "\"")
                  << "\n";
}

std::string number(const std::optional<double>& v)
{
    if (!v)
        return "-";
    std::ostringstream s;
    s << std::setprecision(6) << *v;
    return s.str();
}

void compare(const RegistryArgs& a)
{
    auto project = openProject(a.project);
    store::ModelRegistry registry(project);
    const auto x = registry.find(a.name, parseVersion(a.version));
    const auto y = registry.find(a.name, parseVersion(a.other));
    const auto c = registry.compare(x.id, y.id);
    if (a.json) {
        json metrics = json::array();
        for (const auto& m : c.metrics)
            metrics.push_back({{"key", m.key},
                               {"a", m.a ? json(*m.a) : json(nullptr)},
                               {"b", m.b ? json(*m.b) : json(nullptr)},
                               {"delta", m.a && m.b ? json(*m.b - *m.a) : json(nullptr)}});
        printJson({{"a", lineageJson(c.a.lineage, project.folder())},
                   {"b", lineageJson(c.b.lineage, project.folder())},
                   {"same_data", c.sameData()},
                   {"metrics", metrics}});
        return;
    }
    // The first column fits the longest metric key; the version columns their widest cell.
    std::size_t labelWidth = std::string("data version").size();
    for (const auto& m : c.metrics)
        labelWidth = std::max(labelWidth, text(m.key).size());
    const int lw = static_cast<int>(labelWidth) + 2, w = 24;
    auto row = [&](const std::string& label, const std::string& left, const std::string& right,
                   const std::string& extra = {}) {
        std::cout << std::left << std::setw(lw) << label << std::setw(w) << (left + " ")
                  << std::setw(w) << (right + " ") << extra << "\n";
    };
    auto run = [](const store::ModelLineage& l) {
        return l.runId ? std::to_string(l.runId) + " " + text(l.runName) : std::string("-");
    };
    auto data = [](const store::ModelLineage& l) {
        return l.datasetVersionId ? std::to_string(l.datasetVersionId) + " (" + shortHash(l.datasetHash) + ")"
                                  : std::string("-");
    };
    row("", text(a.name) + " " + versionText(x.version), text(a.name) + " " + versionText(y.version),
        "change");
    row("run", run(c.a.lineage), run(c.b.lineage));
    row("data version", data(c.a.lineage), data(c.b.lineage),
        c.sameData() ? "same data" : "different data");
    for (const auto& m : c.metrics)
        row(text(m.key), number(m.a), number(m.b),
            m.a && m.b ? (*m.b >= *m.a ? "+" : "") + number(*m.b - *m.a) : std::string());
    if (c.metrics.empty())
        std::cout << "(neither run recorded metrics)\n";
}

void lineage(const RegistryArgs& a)
{
    auto project = openProject(a.project);
    store::ModelRegistry registry(project);
    const auto l = registry.lineage(registry.find(a.name, parseVersion(a.version)).id);
    if (a.json) {
        printJson(lineageJson(l, project.folder()));
        return;
    }
    std::cout << lineageLine(l, project.folder()) << "\n";
    if (!l.datasetHash.empty())
        std::cout << "  data sha256      " << l.datasetHash << "\n";
    std::cout << "  manifest sha256  " << (l.model.manifestHash.empty() ? "-" : l.model.manifestHash)
              << "\n";
}

}  // namespace

void registerRegistryCommands(CLI::App& app)
{
    auto a = std::make_shared<RegistryArgs>();
    auto* registry = app.add_subcommand(
        "registry", "Model registry: versions, aliases (promote, roll back), history, lineage");
    registry->require_subcommand(1);
    auto command = [&](const char* name, const char* help, std::function<void(const RegistryArgs&)> run) {
        auto* cmd = registry->add_subcommand(name, help);
        cmd->add_option("project", a->project, "Project folder")->required();
        cmd->add_flag("--json", a->json, "JSON for scripts instead of text");
        cmd->callback([a, run] { run(*a); });
        return cmd;
    };
    auto* listCmd = command("list", "Every registered version with its alias, run and bundle", list);
    listCmd->add_option("--name", a->name, "Only this model name");

    const std::pair<const char*, store::AliasAction> moves[] = {
        {"promote", store::AliasAction::Promote},
        {"rollback", store::AliasAction::Rollback},
        {"clear", store::AliasAction::Clear}};
    for (const auto& [verb, action] : moves) {
        const store::AliasAction act = action;
        auto* cmd = command(verb,
                            act == store::AliasAction::Promote
                                ? "Point an alias at a version (logged with who, when, why)"
                            : act == store::AliasAction::Rollback
                                ? "Move an alias back to the version it pointed at before"
                                : "Remove an alias from the version that holds it",
                            [act](const RegistryArgs& args) { move(args, act); });
        cmd->add_option("name", a->name, "Model name")->required();
        if (act == store::AliasAction::Promote)
            cmd->add_option("version", a->version, "Version number (3 or v3)")->required();
        cmd->add_option("--alias", a->alias, "Alias (default: production)");
        cmd->add_option("--reason", a->reason, "Why (kept in the alias history)");
    }
    auto* historyCmd = command("history", "Who moved which alias when and why, newest first", history);
    historyCmd->add_option("name", a->name, "Model name")->required();
    historyCmd->add_option("--alias", a->aliasFilter, "Only this alias (default: every alias)");
    auto* compareCmd = command("compare", "Two versions' final metrics and data versions side by side",
                               compare);
    compareCmd->add_option("name", a->name, "Model name")->required();
    compareCmd->add_option("v1", a->version, "Version (3 or v3)")->required();
    compareCmd->add_option("v2", a->other, "Version (3 or v3)")->required();
    auto* lineageCmd = command("lineage", "Data version -> run -> model version -> bundle", lineage);
    lineageCmd->add_option("name", a->name, "Model name")->required();
    lineageCmd->add_option("version", a->version, "Version (3 or v3)")->required();
}

}  // namespace flightdeck::cli
