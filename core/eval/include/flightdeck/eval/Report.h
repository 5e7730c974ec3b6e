#pragma once
// The evaluation report: every metric that fits a set of predictions, as JSON. Behind
// `flightdeck-cli eval metrics` (predictions + truth from CSV -> JSON report).
//
// JSON conventions: numbers are shortest round-trip doubles; an undefined metric is null with a
// sibling "<key>_reason" string (never NaN); "warnings" lists caveats that do not make a metric
// undefined (classes predicted but never true, MAPE over zero targets, rows of probabilities
// that do not sum to 1, down-sampled curves).
#include "flightdeck/eval/Predictions.h"
#include "flightdeck/eval/Probabilistic.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::eval {

struct ReportOptions {
    ZeroDivision zeroDivision = ZeroDivision::Zero;
    int calibrationBins = 10;
    BinStrategy calibrationStrategy = BinStrategy::Uniform;
    int eceBins = 10;
    std::vector<int> topK{2, 3, 5};  // top-k accuracies reported when k < numClasses
    bool curves = true;              // ROC, precision-recall and calibration curves
    std::size_t maxCurvePoints = 1000;  // evenly down-sampled above this (0 = every point)
    // Bootstrap confidence intervals (0 resamples = none). Empty metric list = accuracy,
    // f1_macro and, with scores, roc_auc and log_loss (classification); rmse, mae and r2
    // (regression).
    int bootstrapResamples = 0;
    double confidence = 0.95;
    std::uint64_t seed = 0;
    std::vector<std::string> bootstrapMetrics;
    // Metric reported per slice when a slice column is given (empty = accuracy or rmse).
    std::string sliceMetric;
};

// Extra inputs a caller (the CSV reader) can attach.
struct ReportContext {
    std::vector<std::string> slice;  // one value per row, or empty
    std::string sliceName;
    // Non-empty: why scores (classification) or values (regression) cannot be used, e.g.
    // "line 14, column prob_cat: NaN". Every metric that needs them is undefined with it.
    std::string scoresProblem;
    std::string labelsProblem;  // the same for predicted labels
    std::string sourceJson;     // a JSON object describing the input, copied into "source"
};

// Throws Error(InvalidArgument) on inconsistent arrays (lengths, label range) exactly as the
// metric functions do; NaN or infinite scores make the score metrics undefined instead.
std::string metricsReportJson(const Predictions& predictions, const ReportOptions& options = {},
                              const ReportContext& context = {});

// ---- CSV input ---------------------------------------------------------------------------
enum class CsvTask { Auto, Classification, Regression };

struct CsvReportOptions {
    ReportOptions report;
    CsvTask task = CsvTask::Auto;
    char delimiter = 0;        // 0 = from the extension: .tsv/.tab -> tab, else comma
    std::string truthColumn;   // "" = first of truth, y_true, label, target, actual, y
    std::string predColumn;    // "" = first of pred, prediction, y_pred, predicted, estimate
    std::string probPrefix = "prob_";  // score columns "<prefix><class name>"
    std::string sliceColumn;   // "" = no slices
    std::string positiveClass; // binary: "" = the second class (or the one scored column)
};

// The CSV has a header row. Columns (case-sensitive names, found by the defaults above):
//  - truth: class names (any text) or numeric targets;
//  - pred: predicted class names / values; optional for classification when scores exist
//    (then the arg max, first maximum, is the prediction);
//  - <prefix><class>: one score per class; a binary problem may give one column only (that
//    class is the positive one, the other's score is 1 - p).
// Task auto-detection: score columns -> classification; otherwise regression when every truth
// value is a number and some truth or prediction is not an integer (or there are more than
// 10,000 distinct values); else classification. Classes are the union of truth, predicted and
// scored classes, ordered numerically when all are integers, else as text.
// Errors: Error(FileNotFound / EmptyFile / RaggedRow (line) / NotANumber (line, column, text;
// empty cells included) / NoLabelColumn (no truth column) / InvalidArgument (missing pred and
// scores, score columns that miss a class, too many classes)). NaN/Inf cells in scores or
// regression values do not throw: the metrics that need them are undefined with the line and
// column as the reason.
Predictions readPredictionsCsv(const std::filesystem::path& file, const CsvReportOptions& options,
                               ReportContext* context = nullptr);
std::string metricsReportFromCsv(const std::filesystem::path& file,
                                 const CsvReportOptions& options = {});

}  // namespace flightdeck::eval
