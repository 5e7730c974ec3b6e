#include "experiments/ParamsDiffTable.h"

#include "common/CurvePlot.h"

#include <QHeaderView>

#include <set>

namespace flightdeck::ui {

ParamsDiffTable::ParamsDiffTable(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("paramsDiffTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::NoSelection);
    setAlternatingRowColors(true);
    setWordWrap(false);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setStretchLastSection(true);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
}

std::vector<std::string> ParamsDiffTable::differingKeys(const std::vector<RunParams>& runs) {
    // Measurements the trainer files under params: outcomes, not settings, so not a "diff".
    static const std::set<std::string> measured = {"samples_per_second"};
    std::set<std::string> keys;
    for (const RunParams& run : runs)
        for (const auto& [key, value] : run.params)
            if (!measured.count(key))
                keys.insert(key);
    std::vector<std::string> result;
    for (const std::string& key : keys) {
        const std::string* first = nullptr;
        bool differs = false;
        for (const RunParams& run : runs) {
            const auto it = run.params.find(key);
            if (it == run.params.end()) { differs = true; break; }
            if (!first) first = &it->second;
            else if (*first != it->second) { differs = true; break; }
        }
        if (differs)
            result.push_back(key);
    }
    return result;
}

void ParamsDiffTable::setRuns(const std::vector<RunParams>& runs) {
    runs_ = runs;
    clear();
    if (runs.size() < 2) {
        setRowCount(0);
        setColumnCount(0);
        return;
    }
    const std::vector<std::string> keys = differingKeys(runs);
    setColumnCount(static_cast<int>(runs.size()));
    setRowCount(static_cast<int>(keys.size()));
    for (int c = 0; c < static_cast<int>(runs.size()); ++c) {
        auto* header = new QTableWidgetItem(runs[c].label);
        header->setForeground(CurvePlot::colorFor(c).darker(130));
        setHorizontalHeaderItem(c, header);
    }
    for (int r = 0; r < static_cast<int>(keys.size()); ++r) {
        setVerticalHeaderItem(r, new QTableWidgetItem(QString::fromStdString(keys[r])));
        for (int c = 0; c < static_cast<int>(runs.size()); ++c) {
            const auto it = runs[c].params.find(keys[r]);
            auto* item = new QTableWidgetItem(it == runs[c].params.end()
                                                  ? QStringLiteral("\u2014")
                                                  : QString::fromStdString(it->second));
            item->setToolTip(item->text());
            setItem(r, c, item);
        }
    }
}

}  // namespace flightdeck::ui
