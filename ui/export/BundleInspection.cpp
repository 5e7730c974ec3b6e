#include "export/BundleInspection.h"

#include "common/ErrorText.h"

#include "flightdeck/common/Json.h"

namespace flightdeck::ui {

namespace {

using nlohmann::json;

std::string firstString(const json& object, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        const auto it = object.find(key);
        if (it != object.end() && it->is_string())
            return it->get<std::string>();
    }
    return {};
}

std::int64_t firstInteger(const json& object, std::initializer_list<const char*> keys) {
    for (const char* key : keys) {
        const auto it = object.find(key);
        if (it != object.end() && it->is_number())
            return it->get<std::int64_t>();
    }
    return -1;
}

flightdeck::exporting::BundleFile fileEntry(const json& entry, const std::string& name) {
    flightdeck::exporting::BundleFile file;
    file.name = name.empty() ? firstString(entry, {"name", "path", "file"}) : name;
    file.sha256 = firstString(entry, {"sha256", "hash", "digest"});
    file.bytes = firstInteger(entry, {"bytes", "size", "size_bytes"});
    return file;
}

std::vector<flightdeck::exporting::BundleFile> manifestFiles(const json& manifest) {
    std::vector<flightdeck::exporting::BundleFile> files;
    const json* list = &manifest;
    if (manifest.is_object() && manifest.contains("files"))
        list = &manifest["files"];
    if (list->is_array()) {
        for (const json& entry : *list)
            if (entry.is_object())
                files.push_back(fileEntry(entry, {}));
    } else if (list->is_object()) {
        for (auto it = list->begin(); it != list->end(); ++it) {
            if (it->is_object())
                files.push_back(fileEntry(*it, it.key()));
            else if (it->is_string())   // {"model.pt": "<sha256>"}
                files.push_back({it.key(), it->get<std::string>(), -1});
        }
    }
    return files;
}

}  // namespace

BundleInspection inspectBundle(const std::filesystem::path& bundleDir) {
    BundleInspection result;
    try {
        result.files = manifestFiles(flightdeck::readJsonFile(bundleDir / "manifest.json"));
        for (const std::string& problem : flightdeck::exporting::verifyBundle(bundleDir))
            result.problems.append(QString::fromStdString(problem));
    } catch (const std::exception& e) {
        result.error = ErrorText::fromException(e);
    }
    return result;
}

}  // namespace flightdeck::ui
