#pragma once
// Internal: the columns of one drift sample, in the order names first appear. Each column is a
// reservoir of at most `cap` values (Algorithm R on a fixed-seed stream, so a run is
// reproducible). Unnamed features (a JSON array) take the reference's names by position when
// `positionalNames` is given, else "feature_<i>".
#include "flightdeck/monitor/DriftReport.h"
#include "flightdeck/monitor/PredictionLog.h"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace flightdeck::monitor::detail {

class ColumnSet {
public:
    ColumnSet(bool withPrediction, std::size_t cap, bool numericPrediction = false,
              const std::vector<std::string>* positionalNames = nullptr)
        : withPrediction_(withPrediction), numericPrediction_(numericPrediction), cap_(cap),
          positional_(positionalNames)
    {
    }

    static std::string featureName(const PredictionRecord& r, std::size_t i,
                                   const std::vector<std::string>* positional)
    {
        if (r.featureNames)
            return (*r.featureNames)[i];
        if (positional && i < positional->size())
            return (*positional)[i];
        return "feature_" + std::to_string(i);
    }

    void add(const PredictionRecord& r)
    {
        for (std::size_t i = 0; i < r.features.size(); ++i) {
            const std::size_t c = column(featureName(r, i, positional_), false);
            if (const auto slot = place(c))
                put(columns_[c].numbers, *slot, r.features[i]);
        }
        // A failed request has no prediction: it is no class, and not a drift of the classes.
        if (withPrediction_ && !r.prediction.empty()) {
            const std::size_t c = column("prediction", !numericPrediction_);
            if (const auto slot = place(c)) {
                if (numericPrediction_)
                    put(columns_[c].numbers, *slot, toNumber(r.prediction));
                else
                    put(columns_[c].labels, *slot, r.prediction);
            }
        }
        ++rows_;
    }
    std::vector<DriftColumn>& columns() { return columns_; }
    const std::vector<DriftColumn>& columns() const { return columns_; }
    std::int64_t rows() const { return rows_; }
    bool sampled() const { return sampled_; }

private:
    // A regression prediction as a number; text that is not one counts as non-finite, so the
    // drift report counts it rather than dropping the record.
    static double toNumber(const std::string& text)
    {
        if (text.empty())
            return std::numeric_limits<double>::quiet_NaN();
        char* end = nullptr;
        errno = 0;
        const double v = std::strtod(text.c_str(), &end);
        return end == text.c_str() + text.size() ? v : std::numeric_limits<double>::quiet_NaN();
    }
    std::size_t column(const std::string& name, bool categorical)
    {
        auto it = index_.find(name);
        if (it == index_.end()) {
            it = index_.emplace(name, columns_.size()).first;
            DriftColumn c;
            c.name = name;
            c.categorical = categorical;
            columns_.push_back(std::move(c));
            seen_.push_back(0);
        }
        return it->second;
    }
    // Where the column's next value goes: appended (npos) while under the cap, then into a
    // uniformly chosen slot with probability cap / seen, else nowhere.
    std::optional<std::size_t> place(std::size_t c)
    {
        const std::uint64_t seen = seen_[c]++;
        if (cap_ == 0 || seen < cap_)
            return std::size_t(-1);
        sampled_ = true;
        const std::uint64_t j = rng_() % (seen + 1);
        if (j < cap_)
            return static_cast<std::size_t>(j);
        return std::nullopt;
    }
    template <typename T, typename V>
    static void put(std::vector<T>& values, std::size_t slot, const V& v)
    {
        if (slot == std::size_t(-1))
            values.push_back(v);
        else
            values[slot] = v;
    }
    bool withPrediction_;
    bool numericPrediction_;
    std::size_t cap_;
    const std::vector<std::string>* positional_;
    std::vector<DriftColumn> columns_;
    std::vector<std::uint64_t> seen_;
    std::unordered_map<std::string, std::size_t> index_;
    std::int64_t rows_ = 0;
    bool sampled_ = false;
    std::mt19937_64 rng_{0x5EEDF00DULL};
};

}  // namespace flightdeck::monitor::detail
