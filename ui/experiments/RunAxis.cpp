#include "experiments/RunAxis.h"

#include <QCollator>
#include <QLocale>

#include <algorithm>
#include <cmath>

namespace flightdeck::ui {

RunAxis RunAxis::fit(const QString& title, const std::vector<QVariant>& values)
{
    RunAxis axis;
    axis.title = title;
    bool any = false;
    for (const QVariant& v : values) {
        if (!v.isValid())
            continue;
        if (v.typeId() != QMetaType::Double) {
            axis.categorical = true;
            continue;
        }
        const double x = v.toDouble();
        axis.min = any ? std::min(axis.min, x) : x;
        axis.max = any ? std::max(axis.max, x) : x;
        any = true;
    }
    if (axis.categorical) {
        for (const QVariant& v : values)
            if (v.isValid() && !axis.categories.contains(v.toString()))
                axis.categories.append(v.toString());
        QCollator collator;
        collator.setNumericMode(true);
        std::sort(axis.categories.begin(), axis.categories.end(),
                  [&](const QString& a, const QString& b) { return collator.compare(a, b) < 0; });
        return axis;
    }
    axis.log = any && axis.min > 0 && axis.max / axis.min >= 100;
    return axis;
}

std::optional<double> RunAxis::position(const QVariant& value) const
{
    if (!value.isValid())
        return std::nullopt;
    if (categorical) {
        const qsizetype i = categories.indexOf(value.toString());
        if (i < 0)
            return std::nullopt;
        return categories.size() == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(categories.size() - 1);
    }
    const double x = value.toDouble();
    if (!std::isfinite(x) || max <= min)
        return std::isfinite(x) ? std::optional<double>(0.5) : std::nullopt;
    if (log)
        return (std::log10(x) - std::log10(min)) / (std::log10(max) - std::log10(min));
    return (x - min) / (max - min);
}

std::vector<std::pair<double, QString>> RunAxis::ticks() const
{
    std::vector<std::pair<double, QString>> out;
    if (categorical) {
        for (const QString& c : categories)
            out.emplace_back(*position(c), c);
        return out;
    }
    const QLocale locale;
    if (max <= min) {
        out.emplace_back(0.5, locale.toString(min, 'g', 4));
        return out;
    }
    for (int i = 0; i <= 4; ++i) {
        const double p = i / 4.0;
        const double v = log ? std::pow(10.0, std::log10(min) + p * (std::log10(max) - std::log10(min)))
                             : min + p * (max - min);
        out.emplace_back(p, locale.toString(v, 'g', 3));
    }
    return out;
}

}  // namespace flightdeck::ui
