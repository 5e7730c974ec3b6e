#pragma once
// One column of the run table as a plot axis: numbers on a linear or (when positive and
// spanning two decades or more, like learning rates) logarithmic scale, text as ordered
// categories (numeric-aware order: "adam" < "adamw" < "sgd"). Values map to 0..1, so the
// parallel-coordinates axes share one scale and the scatter's two axes label their ticks alike.
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>
#include <utility>
#include <vector>

namespace flightdeck::ui {

struct RunAxis {
    QString title;
    bool categorical = false;
    bool log = false;
    double min = 0, max = 0;
    QStringList categories;

    // The axis that holds all of `values` (invalid ones are ignored). A column that mixes
    // numbers and text is categorical.
    static RunAxis fit(const QString& title, const std::vector<QVariant>& values);
    // 0 (bottom) .. 1 (top); nothing for an invalid value or one outside the categories.
    std::optional<double> position(const QVariant& value) const;
    // Tick positions with their labels: each category, or five values spread over the range.
    std::vector<std::pair<double, QString>> ticks() const;
};

}  // namespace flightdeck::ui
