#pragma once
// One run as the Experiments table holds it: the stored record, its parameters, a summary of
// its metrics, what a person added (tags, note, archived), and its cells, the text and sort
// key of every column, built once on the loader's thread so that sorting, filtering and
// painting read prepared values (1,000 runs x ~60 columns).
#include "flightdeck/store/Records.h"

#include <QHash>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace flightdeck::ui {

enum class RunColumnKind {
    Id, Name, Status, Tags, Note, MetricLast, MetricBest, MetricAtStep, Param, Dataset,
    Architecture, Device, Started, Duration, Sweep
};

// A column is a kind, plus the parameter or metric key for the kinds that have one.
struct RunColumn {
    RunColumnKind kind = RunColumnKind::Id;
    QString key;
    bool operator==(const RunColumn& o) const { return kind == o.kind && key == o.key; }
    bool operator!=(const RunColumn& o) const { return !(*this == o); }
};
inline size_t qHash(const RunColumn& c, size_t seed = 0)
{
    return ::qHash(c.key, seed) ^ static_cast<size_t>(c.kind);
}

struct RunCell {
    QString text;
    // double for numbers (metrics, numeric parameters, times), QString for text; invalid when
    // the run has no value (sorted below every value).
    QVariant sort;
    QString toolTip;
};

// The last value of a series and, for validation metrics, the best one and its step; with
// an at-step asked for, the last value recorded at or before it (runs compared at the same
// training budget) and the step it came from.
struct MetricSummary {
    double last = 0;
    bool hasBest = false;
    double best = 0;
    std::int64_t bestStep = 0;
    bool hasAt = false;
    double at = 0;
    std::int64_t atFound = 0;
};

struct RunRow {
    flightdeck::store::RunRecord run;
    QString datasetHash;       // full hash; the table shows a prefix
    QString architecture;
    std::map<std::string, std::string> params;
    std::map<std::string, MetricSummary> metrics;
    std::int64_t atStep = 0;   // the step the at-step values were read for; 0: none
    QStringList tags;
    QString note;
    bool archived = false;
    // The sweep that made the run (0: none), its trial, and whether it is that sweep's best by
    // the sweep's objective: read with every load, as a later trial can take the lead.
    qint64 sweepId = 0;
    QString sweepName, sweepObjective;
    int sweepTrial = -1;
    bool sweepBest = false;
    bool sameSweep(const RunRow& o) const
    {
        return sweepId == o.sweepId && sweepName == o.sweepName && sweepTrial == o.sweepTrial
               && sweepBest == o.sweepBest && sweepObjective == o.sweepObjective;
    }

    QHash<RunColumn, RunCell> cells;
    QString filterText;        // one line per field, what the regex filter searches

    // Fills cells and filterText from the fields above (any thread; texts are translated).
    void buildCells();
    const RunCell* cell(const RunColumn& column) const;
    // A column's value as a number (metrics, numeric params) or text; invalid when absent.
    QVariant value(const RunColumn& column) const;
};

// The metric keys the loader summarises, in the order their columns appear.
const std::vector<std::string>& summarizedMetricKeys();
// Parameters shown first, in this order; the others follow alphabetically.
const QStringList& leadingParamKeys();

}  // namespace flightdeck::ui

Q_DECLARE_METATYPE(flightdeck::ui::RunColumn)
