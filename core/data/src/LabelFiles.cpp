#include "flightdeck/data/LabelFiles.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/common/Utf8.h"
#include "flightdeck/data/ClassName.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/store/LabelRepository.h"

#include <stb/stb_image_write.h>

#include <cerrno>
#include <fstream>
#include <sstream>
#include <unordered_map>

namespace fs = std::filesystem;

namespace flightdeck::data {

namespace {

std::string quoted(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (char c : field)
        out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// One RFC 4180 record (quoted fields may hold commas, quotes and line breaks); false at end.
bool readRecord(std::istream& in, std::vector<std::string>* fields, std::int64_t* line,
                const fs::path& file)
{
    fields->clear();
    std::string field;
    bool quotedField = false, any = false;
    const std::int64_t start = *line + 1;
    for (int ch; (ch = in.get()) != EOF;) {
        any = true;
        const char c = static_cast<char>(ch);
        if (quotedField) {
            if (c == '"' && in.peek() == '"') {
                field += '"';
                in.get();
            } else if (c == '"') {
                quotedField = false;
            } else {
                if (c == '\n')
                    ++*line;
                field += c;
            }
        } else if (c == '"' && field.empty()) {
            quotedField = true;
        } else if (c == ',') {
            fields->push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            ++*line;
            fields->push_back(std::move(field));
            return true;
        } else if (c != '\r') {
            field += c;
        }
    }
    if (quotedField)
        throw Error(ErrorInfo{ErrorCode::BadValue, file.string(), start, {},
                              "a quoted field is never closed"});
    if (!any)
        return false;
    ++*line;
    fields->push_back(std::move(field));
    return true;
}

// Excel's "CSV UTF-8" starts with a byte order mark, which would make "sample" "\xEF\xBB\xBFsample"
// and the header "not a header"; its "Unicode text" is UTF-16, which no field would match.
void skipByteOrderMark(std::istream& in, const fs::path& file)
{
    char start[3] = {};
    in.read(start, 3);
    const std::streamsize n = in.gcount();
    const auto byte = [&](int i) { return static_cast<unsigned char>(start[i]); };
    if (n >= 2 && ((byte(0) == 0xFF && byte(1) == 0xFE) || (byte(0) == 0xFE && byte(1) == 0xFF)))
        throw Error(ErrorInfo{ErrorCode::BadValue, file.string(), 1, {},
                              "UTF-16 text: save the file as UTF-8"});
    if (n == 3 && byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF)
        return;
    in.clear();
    in.seekg(0);
}

const char* sourceName(store::LabelSource s) { return store::LabelRepository::sourceName(s); }

}  // namespace

std::size_t exportLabelsCsv(store::Project& project, store::Id versionId, const fs::path& file)
{
    const WorkingLabels w = LabelHistory(project).working(versionId);
    std::ostringstream out;
    out << "sample,label,verified,source\n";
    for (std::size_t r = 0; r < w.size(); ++r)
        out << quoted(w.names[r]) << ','
            << quoted(w.labels[r] < 0 ? std::string() : w.classes[static_cast<std::size_t>(w.labels[r])])
            << ',' << int(w.verified[r]) << ',' << sourceName(w.sources[r]) << '\n';
    writeFileAtomically(file, out.str());
    return w.size();
}

LabelImportResult importLabelsCsv(store::Project& project, store::Id versionId,
                                  const fs::path& file)
{
    std::ifstream in(file, std::ios::binary);
    if (!in)
        throw Error(ErrorInfo{ErrorCode::FileNotFound, file.string(), 0, {},
                              "expected a CSV of sample,label"});
    skipByteOrderMark(in, file);
    std::vector<std::string> fields;
    std::int64_t line = 0;
    if (!readRecord(in, &fields, &line, file))
        throw Error(ErrorInfo{ErrorCode::EmptyFile, file.string(), 0, {}, "the file is empty"});
    int sampleColumn = -1, labelColumn = -1;
    for (std::size_t c = 0; c < fields.size(); ++c) {
        if (fields[c] == "sample") sampleColumn = static_cast<int>(c);
        if (fields[c] == "label") labelColumn = static_cast<int>(c);
    }
    if (sampleColumn < 0 || labelColumn < 0)
        throw Error(ErrorInfo{ErrorCode::NoHeader, file.string(), 1, {},
                              "expected a header with \"sample\" and \"label\" columns"});

    LabelHistory history(project);
    const WorkingLabels w = history.working(versionId);
    std::unordered_map<std::string, std::size_t> rowOf;
    for (std::size_t r = 0; r < w.size(); ++r)
        rowOf.emplace(w.names[r], r);
    LabelImportResult result;
    std::vector<LabelChange> changes;
    std::unordered_map<std::string, bool> known;
    for (const auto& c : w.classes)
        known[c] = true;
    const std::size_t needed = static_cast<std::size_t>(std::max(sampleColumn, labelColumn)) + 1;
    while (readRecord(in, &fields, &line, file)) {
        if (fields.size() == 1 && fields[0].empty())
            continue;   // a blank line
        if (fields.size() < needed)
            throw Error(ErrorInfo{ErrorCode::RaggedRow, file.string(), line, {},
                                  "expected at least " + std::to_string(needed) + " fields, got "
                                      + std::to_string(fields.size())});
        const std::string& sample = fields[static_cast<std::size_t>(sampleColumn)];
        const std::string& label = fields[static_cast<std::size_t>(labelColumn)];
        const auto it = rowOf.find(sample);
        if (it == rowOf.end()) {
            result.unknownSamples.emplace_back(line, sample);
            continue;
        }
        const std::int32_t old = w.labels[it->second];
        const std::string previous = old < 0 ? std::string() : w.classes[static_cast<std::size_t>(old)];
        if (previous == label) {
            ++result.unchanged;
            continue;
        }
        if (!label.empty() && !known[label]) {
            // Checked here, at its line: the store would take it, and the next commit would
            // fail on it with a bare JSON exception.
            if (const std::string why = classNameFault(label); !why.empty())
                throw Error(ErrorInfo{ErrorCode::BadValue, file.string(), line, "label",
                                      "the label is " + why
                                          + (invalidUtf8At(label) == std::string::npos
                                                 ? std::string()
                                                 : std::string("; save the file as UTF-8"))});
            known[label] = true;
            result.newClasses.push_back(label);
        }
        changes.push_back({static_cast<std::int64_t>(it->second), label, previous, false,
                           store::LabelSource::Import, 0});
    }
    history.record(versionId, changes);
    result.applied = changes.size();
    return result;
}

std::size_t exportImageFolder(store::Project& project, store::Id versionId, const fs::path& folder)
{
    std::error_code ec;
    if (fs::exists(folder, ec) && !fs::is_empty(folder, ec))
        throw Error(ErrorInfo{ErrorCode::FileUnwritable, folder.string(), 0, {},
                              "expected a new or empty folder; nothing is ever written over"});
    const WorkingLabels w = LabelHistory(project).working(versionId);
    // Each class becomes a folder: a name that would land elsewhere ("..", "a/b") is refused
    // before anything is written.
    const auto counts = w.classCounts();
    for (std::size_t c = 0; c < w.classes.size(); ++c)
        if (const std::string& cls = w.classes[c]; counts[c] > 0 && (cls.empty() || cls == "." || cls == ".." || cls.find('/') != std::string::npos
            || cls.find('\0') != std::string::npos))
            throw Error(ErrorInfo{ErrorCode::BadValue, folder.string(), 0, "class",
                                  "class \"" + cls + "\" cannot be a folder name; rename it "
                                  "(import-labels, then commit) to export an ImageFolder tree"});
    const ImageSet images = DatasetCatalog(project).loadImages(versionId);
    const fs::path temp = folder.string() + ".partial";
    fs::remove_all(temp, ec);
    const std::size_t plane = std::size_t(images.width) * images.height;
    std::vector<std::uint8_t> hwc(images.imageBytes());
    for (std::size_t i = 0; i < images.size(); ++i) {
        const std::string cls = w.labels[i] < 0 ? std::string("_unlabeled")
                                                 : w.classes[static_cast<std::size_t>(w.labels[i])];
        // "cat/1.png" labeled cat goes back to cat/1.png; other paths keep their folders in the
        // name (train/0 -> train_0.png), so two images never land on one file.
        std::string base = images.names[i];
        if (base.size() > cls.size() && base.compare(0, cls.size(), cls) == 0 && base[cls.size()] == '/')
            base = base.substr(cls.size() + 1);
        for (char& c : base)
            if (c == '/')
                c = '_';
        const fs::path out = temp / cls / (fs::path(base).replace_extension(".png"));
        fs::create_directories(out.parent_path());
        const std::uint8_t* chw = images.image(i);
        for (std::size_t p = 0; p < plane; ++p)
            for (std::uint32_t c = 0; c < images.channels; ++c)
                hwc[p * images.channels + c] = chw[c * plane + p];
        if (!stbi_write_png(out.c_str(), static_cast<int>(images.width),
                            static_cast<int>(images.height), static_cast<int>(images.channels),
                            hwc.data(), static_cast<int>(images.width * images.channels)))
            throw Error(ErrorInfo{writeErrorCode(errno), out.string(), 0, {},
                                  "cannot write the PNG"});
    }
    fs::remove(folder, ec);   // empty (checked above), so the rename can land
    fs::rename(temp, folder);
    return images.size();
}

}  // namespace flightdeck::data
