#include "flightdeck/monitor/ReferenceSample.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/monitor/LineReader.h"
#include "ColumnSet.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <set>

namespace flightdeck::monitor {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s)
{
    for (char& c : s)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// The header line's column names (the log reader's sniffing: the most frequent of ',', '\t',
// ';'; quotes around a name dropped).
std::vector<std::string> csvHeader(const fs::path& file, char delimiter)
{
    LineReader reader;
    reader.open(file);
    std::string_view line;
    while (reader.next(&line) == LineReader::Result::Line) {
        if (line.find_first_not_of(" \t\r") == std::string_view::npos)
            continue;
        if (delimiter == 0) {
            const auto n = [&](char c) { return std::count(line.begin(), line.end(), c); };
            delimiter = n('\t') > n(',') && n('\t') >= n(';') ? '\t'
                        : n(';') > n(',') && n(';') > n('\t') ? ';'
                                                              : ',';
        }
        std::vector<std::string> names;
        std::string cell;
        bool quoted = false;
        for (char c : line) {
            if (c == '"')
                quoted = !quoted;
            else if (c == delimiter && !quoted)
                names.push_back(std::move(cell)), cell.clear();
            else
                cell += c;
        }
        names.push_back(std::move(cell));
        for (std::string& s : names) {
            const auto b = s.find_first_not_of(" \t\r");
            const auto e = s.find_last_not_of(" \t\r");
            s = b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
        }
        return names;
    }
    throw Error(ErrorInfo{ErrorCode::NoHeader, file.string(), 0, {},
                          "the reference CSV has no header line"});
}

bool anyOf(const std::vector<std::string>& header, const std::vector<std::string>& names)
{
    for (const std::string& n : names)
        if (std::find(header.begin(), header.end(), n) != header.end())
            return true;
    return false;
}

bool readAny(const fs::path& path, const LogReadOptions& options, const RecordCallback& onRecord,
             ReadStats& stats, const std::atomic<bool>* cancel)
{
    std::error_code ec;
    if (fs::is_directory(path, ec))
        return readLogFolder(path, options, onRecord, stats, cancel);
    return readLog(path, options, onRecord, stats, cancel);
}

void takeColumns(ReferenceSample& ref, detail::ColumnSet& set)
{
    ref.rows = set.rows();
    ref.sampled = set.sampled();
    ref.columns = std::move(set.columns());
    // The prediction goes last so every kind lists its features first.
    std::stable_partition(ref.columns.begin(), ref.columns.end(),
                          [](const DriftColumn& c) { return c.name != "prediction"; });
    for (const DriftColumn& c : ref.columns)
        if (c.name != "prediction")
            ref.features.push_back(c.name);
}

// A label column of fractional numbers with more than two values is a regression target
// (core/data's rule for an imported table), so predictions are compared as numbers.
void numericLabelsIfRegression(ReferenceSample& ref)
{
    if (ref.columns.empty() || ref.columns.back().name != "prediction")
        return;
    DriftColumn& c = ref.columns.back();
    std::vector<double> values;
    std::set<double> distinct;
    bool fractional = false;
    for (const std::string& s : c.labels) {
        char* end = nullptr;
        const double v = std::strtod(s.c_str(), &end);
        if (s.empty() || end != s.c_str() + s.size())
            return;
        fractional = fractional || (std::isfinite(v) && v != std::floor(v));
        if (distinct.size() < 3)
            distinct.insert(v);
        values.push_back(v);
    }
    if (!fractional || distinct.size() <= 2)
        return;
    c.categorical = false;
    c.labels.clear();
    c.numbers = std::move(values);
    ref.numericPrediction = true;
}

ReferenceSample datasetCsv(const fs::path& path, const std::vector<std::string>& header,
                           const ReferenceOptions& options, const std::atomic<bool>* cancel)
{
    ReferenceSample ref;
    ref.kind = ReferenceKind::DatasetCsv;
    ref.source = path.string();
    if (!options.labelColumn.empty()) {
        if (std::find(header.begin(), header.end(), options.labelColumn) == header.end())
            throw Error(ErrorInfo{ErrorCode::NoLabelColumn, path.string(), 1, options.labelColumn,
                                  "no such column in the reference CSV's header"});
        ref.labelColumn = options.labelColumn;
    } else {
        for (const char* wanted : {"label", "class", "target", "y"})
            for (const std::string& h : header)
                if (ref.labelColumn.empty() && lower(h) == wanted)
                    ref.labelColumn = h;
    }
    LogReadOptions read = options.read;
    read.format = LogFormat::Csv;
    FieldMapping& m = read.mapping;
    m = FieldMapping{};
    m.timestamp = m.latency = m.confidence = m.status = m.error = m.requestId = {};
    m.prediction = ref.labelColumn.empty() ? std::vector<std::string>{}
                                           : std::vector<std::string>{ref.labelColumn};
    m.requireTimestamp = false;
    for (const std::string& h : header)
        if (h != ref.labelColumn)
            m.featureColumns.push_back(h);
    detail::ColumnSet set(options.includePrediction && !ref.labelColumn.empty(),
                          options.maxValuesPerColumn);
    readLog(path, read, [&](const PredictionRecord& r) { set.add(r); }, ref.read, cancel);
    takeColumns(ref, set);
    if (ref.rows == 0 && !ref.read.problems.empty()) {
        // Typically a text label column nobody named, read as a feature on every row: say
        // which line failed and how, not just "no readable rows".
        const LineProblem& first = ref.read.problems.front();
        throw Error(ErrorInfo{ErrorCode::TooFewRows, path.string(), first.line, {},
                              "no row of the reference CSV could be read (" + first.problem + ")"
                                  + (ref.labelColumn.empty()
                                         ? "; if a text column is the label, name it (no column "
                                           "is called label, class, target or y)"
                                         : "")});
    }
    numericLabelsIfRegression(ref);
    return ref;
}

}  // namespace

const char* referenceKindName(ReferenceKind kind)
{
    switch (kind) {
    case ReferenceKind::Log: return "log";
    case ReferenceKind::DatasetCsv: return "dataset_csv";
    case ReferenceKind::Profile: return "profile";
    case ReferenceKind::Dataset: return "dataset";
    }
    return "?";
}

ReferenceSample referenceFromProfile(const ReferenceProfile& p, const std::string& source,
                                     bool includePrediction)
{
    ReferenceSample ref;
    ref.kind = ReferenceKind::Profile;
    ref.source = source;
    ref.rows = p.rows;
    ref.sampled = p.sampled;
    for (const FeatureProfile& f : p.features) {
        DriftColumn c;
        c.name = f.name;
        c.numbers = f.sample;
        ref.columns.push_back(std::move(c));
        ref.features.push_back(f.name);
    }
    if (includePrediction && p.task != ProfileTask::None) {
        DriftColumn c;
        c.name = "prediction";
        if (p.task == ProfileTask::Classification) {
            c.categorical = true;
            c.labels = p.label.sampleClasses;
        } else {
            c.numbers = p.label.target.sample;
            ref.numericPrediction = true;
        }
        ref.columns.push_back(std::move(c));
    }
    return ref;
}

ReferenceSample loadReference(const fs::path& path, const ReferenceOptions& options,
                              const std::atomic<bool>* cancel)
{
    ReferenceSample ref;
    std::error_code ec;
    if (!fs::exists(path, ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, path.string(), 0, "reference",
                              "no such file or folder"});
    if (const auto profile = ReferenceProfile::locate(path)) {
        ref = referenceFromProfile(ReferenceProfile::load(*profile), profile->string(),
                                   options.includePrediction);
    } else {
        LogReadOptions read = options.read;
        read.mapping.requireTimestamp = false;
        const LogFormat format = read.format == LogFormat::Auto && !fs::is_directory(path, ec)
                                     ? formatForPath(path)
                                     : read.format;
        if (format == LogFormat::Csv) {
            const auto header = csvHeader(path, read.csvDelimiter);
            const FieldMapping& m = read.mapping;
            if (!anyOf(header, m.timestamp) && !anyOf(header, m.prediction))
                ref = datasetCsv(path, header, options, cancel);
        }
        if (ref.source.empty()) {
            detail::ColumnSet set(options.includePrediction, options.maxValuesPerColumn);
            readAny(path, read, [&](const PredictionRecord& r) { set.add(r); }, ref.read, cancel);
            ref.kind = ReferenceKind::Log;
            ref.source = path.string();
            takeColumns(ref, set);
        }
    }
    if (ref.rows == 0)
        throw Error(ErrorInfo{ErrorCode::TooFewRows, path.string(), 0, {},
                              "the reference has no readable rows"});
    return ref;
}

std::string featureMismatch(const std::vector<std::string>& reference,
                            const std::vector<std::string>& log)
{
    std::vector<std::string> missing, extra;
    for (const std::string& r : reference)
        if (std::find(log.begin(), log.end(), r) == log.end())
            missing.push_back(r);
    for (const std::string& l : log)
        if (std::find(reference.begin(), reference.end(), l) == reference.end())
            extra.push_back(l);
    auto join = [](const std::vector<std::string>& v) {
        std::string s;
        for (const std::string& x : v)
            s += (s.empty() ? "\"" : ", \"") + x + "\"";
        return s;
    };
    std::string out;
    if (!missing.empty())
        out = "missing from the log: " + join(missing);
    if (!extra.empty())
        out += (out.empty() ? "" : "; ") + std::string("not in the reference: ") + join(extra);
    return out;
}

}  // namespace flightdeck::monitor
