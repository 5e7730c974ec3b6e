#include "evaluation/ConfusionMatrixView.h"

#include <QHeaderView>
#include <QLocale>

#include <algorithm>

namespace flightdeck::ui {

ConfusionMatrixView::ConfusionMatrixView(QWidget* parent) : QTableWidget(parent) {
    setObjectName(QStringLiteral("confusionMatrix"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setWordWrap(false);
    setShowGrid(true);
    setGridStyle(Qt::SolidLine);
    setStyleSheet(QStringLiteral("QTableWidget { gridline-color: #ffffff; }"));
    horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setMinimumSectionSize(24);
    horizontalHeader()->setDefaultAlignment(Qt::AlignCenter);
    horizontalHeader()->setTextElideMode(Qt::ElideRight);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    verticalHeader()->setMinimumSectionSize(18);
    retranslateUi();
}

void ConfusionMatrixView::retranslateUi() {
    horizontalHeader()->setToolTip(tr("Predicted class"));
    verticalHeader()->setToolTip(tr("True class"));
    render();
}

QColor ConfusionMatrixView::heatColor(double t) {
    // Matplotlib's "Blues" end points with one middle stop, interpolated in RGB.
    t = std::clamp(t, 0.0, 1.0);
    const QColor a(0xf7, 0xfb, 0xff), m(0x6b, 0xae, 0xd6), b(0x08, 0x30, 0x6b);
    const QColor& from = t < 0.5 ? a : m;
    const QColor& to = t < 0.5 ? m : b;
    const double u = t < 0.5 ? t * 2.0 : (t - 0.5) * 2.0;
    auto mix = [u](int x, int y) { return static_cast<int>(x + (y - x) * u + 0.5); };
    return QColor(mix(from.red(), to.red()), mix(from.green(), to.green()),
                  mix(from.blue(), to.blue()));
}

void ConfusionMatrixView::resizeEvent(QResizeEvent* event) {
    QTableWidget::resizeEvent(event);
    fitCells();
}

void ConfusionMatrixView::fitCells() {
    const int n = columnCount();
    if (n == 0)
        return;
    // Room left of the vertical header and below the horizontal one, shared by n cells.
    const int width = viewport()->width() - 2;
    const int height = viewport()->height() - 2;
    const int minimum = fontMetrics().horizontalAdvance(QStringLiteral("100.0")) + 12;
    const int cell = std::clamp(std::min(width, height) / n, minimum, 96);
    const int rowHeight = std::max(cell * 3 / 4, fontMetrics().height() + 10);
    for (int i = 0; i < n; ++i) {
        horizontalHeader()->resizeSection(i, cell);
        verticalHeader()->resizeSection(i, rowHeight);
    }
}

void ConfusionMatrixView::setMatrix(const QStringList& classNames,
                                    const std::vector<std::vector<std::int64_t>>& confusion) {
    names_ = classNames;
    confusion_ = confusion;
    render();
}

void ConfusionMatrixView::clearMatrix() {
    names_.clear();
    confusion_.clear();
    render();
}

void ConfusionMatrixView::setNormalized(bool normalized) {
    if (normalized_ == normalized)
        return;
    normalized_ = normalized;
    render();
}

void ConfusionMatrixView::render() {
    const int n = static_cast<int>(confusion_.size());
    clear();
    setRowCount(n);
    setColumnCount(n);
    if (n == 0)
        return;
    QStringList names = names_;
    for (int i = names.size(); i < n; ++i)
        names.append(tr("class %1").arg(i));
    setHorizontalHeaderLabels(names.mid(0, n));
    setVerticalHeaderLabels(names.mid(0, n));

    std::int64_t maxCount = 0;
    std::vector<std::int64_t> rowSums(n, 0), colSums(n, 0);
    for (int t = 0; t < n; ++t)
        for (int p = 0; p < n && p < static_cast<int>(confusion_[t].size()); ++p) {
            maxCount = std::max(maxCount, confusion_[t][p]);
            rowSums[t] += confusion_[t][p];
            colSums[p] += confusion_[t][p];
        }
    const QLocale locale;
    for (int t = 0; t < n; ++t) {
        for (int p = 0; p < n; ++p) {
            const std::int64_t count = p < static_cast<int>(confusion_[t].size()) ? confusion_[t][p] : 0;
            const double rowShare = rowSums[t] > 0 ? double(count) / double(rowSums[t]) : 0.0;
            const double colShare = colSums[p] > 0 ? double(count) / double(colSums[p]) : 0.0;
            const double intensity = normalized_ ? rowShare
                                                 : (maxCount > 0 ? double(count) / double(maxCount) : 0.0);
            auto* item = new QTableWidgetItem(
                normalized_ ? locale.toString(rowShare * 100.0, 'f', 1) : locale.toString(count));
            item->setTextAlignment(Qt::AlignCenter);
            item->setBackground(heatColor(intensity));
            item->setForeground(intensity > 0.45 ? QColor(Qt::white) : QColor(0x20, 0x20, 0x20));
            if (t == p) {
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            item->setData(Qt::UserRole, static_cast<qlonglong>(count));
            item->setToolTip(tr("True %1, predicted %2: %3\n%4 % of the true %1 samples\n"
                                "%5 % of the samples predicted as %2")
                                 .arg(names[t], names[p], locale.toString(count),
                                      locale.toString(rowShare * 100.0, 'f', 1),
                                      locale.toString(colShare * 100.0, 'f', 1)));
            setItem(t, p, item);
        }
    }
    fitCells();
}

}  // namespace flightdeck::ui
