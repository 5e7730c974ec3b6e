#include "evaluation/PerClassTable.h"

#include "common/NumberText.h"
#include "evaluation/ConfusionMatrixView.h"

#include <QHeaderView>

namespace flightdeck::ui {

namespace {

QTableWidgetItem* numberItem(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return item;
}

}  // namespace

PerClassTable::PerClassTable(QWidget* parent) : QTableWidget(0, 5, parent) {
    setObjectName(QStringLiteral("perClassTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    retranslateUi();
}

void PerClassTable::retranslateUi() {
    setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
}

void PerClassTable::clearReport() { setRowCount(0); }

void PerClassTable::setReport(const flightdeck::eval::ClassificationReport& r, const QStringList& classNames) {
    setRowCount(0);
    const int n = static_cast<int>(r.precision.size());
    setRowCount(n + 1);
    std::int64_t total = 0;
    for (int i = 0; i < n; ++i) {
        const QString name = i < classNames.size() ? classNames[i] : tr("class %1").arg(i);
        setItem(i, 0, new QTableWidgetItem(name));
        setItem(i, 1, numberItem(NumberText::decimal(r.precision[i], 3)));
        setItem(i, 2, numberItem(NumberText::decimal(r.recall[i], 3)));
        auto* f1 = numberItem(NumberText::decimal(r.f1[i], 3));
        f1->setBackground(ConfusionMatrixView::heatColor(r.f1[i] * 0.45));
        setItem(i, 3, f1);
        const std::int64_t support = i < static_cast<int>(r.support.size()) ? r.support[i] : 0;
        total += support;
        setItem(i, 4, numberItem(NumberText::count(support)));
    }
    QFont bold = font();
    bold.setBold(true);
    const QList<QTableWidgetItem*> macro = {new QTableWidgetItem(tr("Macro average")),
                                            numberItem(NumberText::decimal(r.macroPrecision, 3)),
                                            numberItem(NumberText::decimal(r.macroRecall, 3)),
                                            numberItem(NumberText::decimal(r.macroF1, 3)),
                                            numberItem(NumberText::count(total))};
    for (int c = 0; c < macro.size(); ++c) {
        macro[c]->setFont(bold);
        setItem(n, c, macro[c]);
    }
    resizeColumnToContents(0);   // "Macro average" must not be elided
}

}  // namespace flightdeck::ui
