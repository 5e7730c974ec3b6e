// Predictions from CSV (see Report.h for the format and its errors), and the report built on it.
#include "flightdeck/eval/Report.h"

#include "CsvRecords.h"
#include "Numeric.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <unordered_map>

namespace flightdeck::eval {

namespace {

using detail::CsvRecords;

constexpr std::size_t kMaxClasses = 10000;

// Class names to ids in first-seen order, capped at kMaxClasses.
struct Interner {
    std::unordered_map<std::string, std::int32_t> ids;
    std::vector<std::string> names;
    std::string key;  // reused: no allocation per lookup
    bool overflow = false;
    std::int32_t operator()(std::string_view s)
    {
        key.assign(s.data(), s.size());
        const auto it = ids.find(key);
        if (it != ids.end())
            return it->second;
        if (names.size() >= kMaxClasses) {
            overflow = true;
            return 0;
        }
        const auto id = static_cast<std::int32_t>(names.size());
        ids.emplace(key, id);
        names.push_back(key);
        return id;
    }
};

std::string quoteList(const std::vector<std::string>& names)
{
    std::string out;
    for (const std::string& n : names)
        out += (out.empty() ? "\"" : ", \"") + n + "\"";
    return out;
}

// Index of the wanted column, else of the first default present; -1 none, -2 wanted missing.
int findColumn(const std::vector<std::string>& header, const std::string& wanted,
               std::initializer_list<const char*> defaults)
{
    if (!wanted.empty()) {
        const auto it = std::find(header.begin(), header.end(), wanted);
        return it == header.end() ? -2 : static_cast<int>(it - header.begin());
    }
    for (const char* d : defaults) {
        const auto it = std::find(header.begin(), header.end(), d);
        if (it != header.end())
            return static_cast<int>(it - header.begin());
    }
    return -1;
}

// Everything one pass over the rows collects.
struct Columns {
    std::vector<std::string> header;
    int truth = -1, pred = -1, slice = -1;
    std::vector<int> prob;                // score columns
    std::vector<std::int32_t> probClass;  // their interned classes
    Interner classes;
    std::vector<std::int32_t> truthIds, predIds;
    std::vector<double> truthNum, predNum, scores;
    std::vector<std::string> sliceValues;
    std::string scoresProblem, valuesProblem;  // first NaN/Inf cell
    std::int64_t textLine = 0;                 // first non-numeric truth/pred cell
    int textCol = -1;
    bool truthHasText = false, nonInteger = false;
    std::size_t rows = 0;

    const std::string& name(int c) const { return header[static_cast<std::size_t>(c)]; }
};

void readHeader(CsvRecords& csv, const CsvReportOptions& o, Columns& c)
{
    std::vector<std::string_view> fields;
    if (!csv.next(fields))
        csv.fail(ErrorCode::EmptyFile, 0, {}, "no header row");
    c.header.assign(fields.begin(), fields.end());
    c.truth = findColumn(c.header, o.truthColumn,
                         {"truth", "y_true", "label", "target", "actual", "y"});
    if (c.truth < 0)
        csv.fail(ErrorCode::NoLabelColumn, 1, o.truthColumn,
                 (o.truthColumn.empty()
                      ? std::string("no truth column (truth, y_true, label, target, actual or y)")
                      : "no column \"" + o.truthColumn + "\"")
                     + "; columns: " + quoteList(c.header));
    c.pred = findColumn(c.header, o.predColumn,
                        {"pred", "prediction", "y_pred", "predicted", "estimate"});
    if (c.pred == -2)
        csv.fail(ErrorCode::InvalidArgument, 1, "pred",
                 "no column \"" + o.predColumn + "\"; columns: " + quoteList(c.header));
    if (!o.sliceColumn.empty()) {
        c.slice = findColumn(c.header, o.sliceColumn, {});
        if (c.slice < 0)
            csv.fail(ErrorCode::InvalidArgument, 1, "slice",
                     "no column \"" + o.sliceColumn + "\"; columns: " + quoteList(c.header));
    }
    const std::string& prefix = o.probPrefix;
    for (std::size_t i = 0; i < c.header.size(); ++i) {
        const std::string& h = c.header[i];
        if (prefix.empty() || h.size() <= prefix.size() || h.compare(0, prefix.size(), prefix))
            continue;
        const std::int32_t id = c.classes(std::string_view(h).substr(prefix.size()));
        if (std::find(c.probClass.begin(), c.probClass.end(), id) != c.probClass.end())
            csv.fail(ErrorCode::InvalidArgument, 1, h, "a second score column for one class");
        c.prob.push_back(static_cast<int>(i));
        c.probClass.push_back(id);
    }
    if (o.task == CsvTask::Regression && !c.prob.empty())
        csv.fail(ErrorCode::InvalidArgument, 1, "task", "score columns in a regression file");
    if (c.pred < 0 && c.prob.empty())
        csv.fail(ErrorCode::InvalidArgument, 1, "pred",
                 "no prediction column (pred, prediction, y_pred, predicted or estimate) and no "
                 "score columns (" + prefix + "<class>); columns: " + quoteList(c.header));
}

void readRows(CsvRecords& csv, const CsvReportOptions& o, Columns& c)
{
    const bool intern = o.task != CsvTask::Regression;
    const bool numbers = o.task == CsvTask::Regression
                         || (o.task == CsvTask::Auto && c.prob.empty());
    std::vector<std::string_view> fields;
    while (csv.next(fields)) {
        const std::int64_t line = csv.line();
        if (fields.size() != c.header.size())
            csv.fail(ErrorCode::RaggedRow, line, {},
                     "expected " + std::to_string(c.header.size()) + " fields, got "
                         + std::to_string(fields.size()));
        for (const int col : {c.truth, c.pred}) {
            if (col < 0)
                continue;
            const std::string_view cell = fields[static_cast<std::size_t>(col)];
            if (intern)
                (col == c.truth ? c.truthIds : c.predIds).push_back(c.classes(cell));
            if (!numbers)
                continue;
            double v = 0;
            if (!detail::parseDouble(cell, v)) {
                c.truthHasText = c.truthHasText || col == c.truth;
                if (c.textCol < 0) {
                    c.textLine = line;
                    c.textCol = col;
                }
            } else if (!std::isfinite(v)) {
                if (c.valuesProblem.empty())
                    c.valuesProblem = "line " + std::to_string(line) + ", column " + c.name(col)
                                      + ": " + std::string(cell);
            } else if (v != std::floor(v)) {
                c.nonInteger = true;
            }
            (col == c.truth ? c.truthNum : c.predNum).push_back(v);
        }
        for (const int col : c.prob) {
            const std::string_view cell = fields[static_cast<std::size_t>(col)];
            double v = 0;
            if (!detail::parseDouble(cell, v))
                csv.fail(ErrorCode::NotANumber, line, c.name(col),
                         cell.empty() ? "empty cell" : "\"" + std::string(cell) + "\"");
            if (!std::isfinite(v) && c.scoresProblem.empty())
                c.scoresProblem = "line " + std::to_string(line) + ", column " + c.name(col)
                                  + ": " + std::string(cell);
            c.scores.push_back(v);
        }
        if (c.slice >= 0)
            c.sliceValues.emplace_back(fields[static_cast<std::size_t>(c.slice)]);
        ++c.rows;
    }
    if (c.rows == 0)
        csv.fail(ErrorCode::TooFewRows, 0, {}, "a header but no data rows");
}

// Classes in order (numeric when all are integers, else text), scores per class, predictions.
void buildClassification(const CsvRecords& csv, const CsvReportOptions& o, Columns& c,
                         Predictions& out, ReportContext& ctx)
{
    if (c.classes.overflow)
        csv.fail(ErrorCode::InvalidArgument, 0, c.name(c.truth),
                 "more than " + std::to_string(kMaxClasses)
                     + " distinct labels: is this a regression target?");
    const std::size_t k = c.classes.names.size(), n = c.rows;
    std::vector<long long> numeric(k);
    bool allIntegers = true;
    for (std::size_t i = 0; i < k && allIntegers; ++i)
        allIntegers = detail::parseInteger(c.classes.names[i], numeric[i]);
    std::vector<std::size_t> order(k), rank(k);
    for (std::size_t i = 0; i < k; ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return allIntegers ? numeric[a] < numeric[b] : c.classes.names[a] < c.classes.names[b];
    });
    for (std::size_t r = 0; r < k; ++r) {
        rank[order[r]] = r;
        out.classNames.push_back(c.classes.names[order[r]]);
    }
    out.task = Task::Classification;
    out.numClasses = static_cast<int>(k);
    for (std::int32_t& id : c.truthIds)
        id = static_cast<std::int32_t>(rank[static_cast<std::size_t>(id)]);
    for (std::int32_t& id : c.predIds)
        id = static_cast<std::int32_t>(rank[static_cast<std::size_t>(id)]);
    out.truth = std::move(c.truthIds);
    out.pred = std::move(c.predIds);
    out.positiveClass = k == 2 ? 1 : 0;

    const std::size_t width = c.prob.size();
    if (width > 0) {
        out.probs.assign(n * k, 0.0);
        if (width == 1 && k == 2) {
            // One scored class: it is the positive one, the other gets 1 - p.
            const std::size_t pos = rank[static_cast<std::size_t>(c.probClass[0])];
            out.positiveClass = static_cast<std::int32_t>(pos);
            for (std::size_t i = 0; i < n; ++i) {
                out.probs[i * 2 + pos] = c.scores[i];
                out.probs[i * 2 + (1 - pos)] = 1 - c.scores[i];
            }
        } else {
            std::vector<bool> covered(k, false);
            for (const std::int32_t id : c.probClass)
                covered[rank[static_cast<std::size_t>(id)]] = true;
            std::vector<std::string> missing;
            for (std::size_t i = 0; i < k; ++i)
                if (!covered[i])
                    missing.push_back(o.probPrefix + out.classNames[i]);
            if (!missing.empty())
                csv.fail(ErrorCode::InvalidArgument, 1, "probs",
                         "a score column per class is needed; missing " + quoteList(missing));
            for (std::size_t j = 0; j < width; ++j) {
                const std::size_t cls = rank[static_cast<std::size_t>(c.probClass[j])];
                for (std::size_t i = 0; i < n; ++i)
                    out.probs[i * k + cls] = c.scores[i * width + j];
            }
        }
        ctx.scoresProblem = c.scoresProblem;
        if (c.pred < 0 && !c.scoresProblem.empty()) {
            ctx.labelsProblem = "predictions are the arg max of the scores, and "
                                + c.scoresProblem;
        } else if (c.pred < 0) {
            out.pred.resize(n);
            for (std::size_t i = 0; i < n; ++i) {  // np.argmax: the first maximum
                const double* row = out.probs.data() + i * k;
                out.pred[i] = static_cast<std::int32_t>(std::max_element(row, row + k) - row);
            }
        }
    }
    if (!o.positiveClass.empty()) {
        const auto it =
            std::find(out.classNames.begin(), out.classNames.end(), o.positiveClass);
        if (k != 2 || it == out.classNames.end())
            csv.fail(ErrorCode::InvalidArgument, 0, "positiveClass",
                     k != 2 ? "a positive class needs exactly two classes"
                            : "\"" + o.positiveClass + "\" is not one of "
                                  + quoteList(out.classNames));
        out.positiveClass = static_cast<std::int32_t>(it - out.classNames.begin());
    }
}

}  // namespace

Predictions readPredictionsCsv(const std::filesystem::path& path, const CsvReportOptions& o,
                               ReportContext* context)
{
    CsvRecords csv(path, o.delimiter);
    Columns c;
    readHeader(csv, o, c);
    readRows(csv, o, c);

    bool regression = o.task == CsvTask::Regression;
    if (o.task == CsvTask::Auto && c.prob.empty() && !c.truthHasText)
        regression = c.nonInteger || c.classes.overflow;

    Predictions out;
    ReportContext ctx;
    nlohmann::json source{{"file", csv.file()}, {"rows", c.rows}, {"truth_column", c.name(c.truth)}};
    source["pred_column"] = c.pred >= 0 ? nlohmann::json(c.name(c.pred)) : nlohmann::json();
    if (regression) {
        if (c.pred < 0)
            csv.fail(ErrorCode::InvalidArgument, 1, "pred", "regression needs a prediction column");
        if (c.textCol >= 0)
            csv.fail(ErrorCode::NotANumber, c.textLine, c.name(c.textCol),
                     "expected a number (regression)");
        out.task = Task::Regression;
        out.target = std::move(c.truthNum);
        out.estimate = std::move(c.predNum);
        ctx.scoresProblem = c.valuesProblem;
    } else {
        buildClassification(csv, o, c, out, ctx);
        nlohmann::json scoreColumns = nlohmann::json::array();
        for (const int col : c.prob)
            scoreColumns.push_back(c.name(col));
        source["score_columns"] = std::move(scoreColumns);
    }
    if (c.slice >= 0)
        source["slice_column"] = c.name(c.slice);
    if (context) {
        ctx.slice = std::move(c.sliceValues);
        ctx.sliceName = o.sliceColumn;
        ctx.sourceJson = source.dump();
        *context = std::move(ctx);
    }
    return out;
}

std::string metricsReportFromCsv(const std::filesystem::path& file,
                                 const CsvReportOptions& options)
{
    ReportContext context;
    const Predictions p = readPredictionsCsv(file, options, &context);
    return metricsReportJson(p, options.report, context);
}

}  // namespace flightdeck::eval
