#include "monitoring/DriftTable.h"

#include <QHeaderView>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>

#include <cmath>

namespace flightdeck::ui {

namespace monitor = flightdeck::monitor;

DriftSeverity driftSeverity(const monitor::ColumnDrift& c) {
    if (!c.evaluated)
        return DriftSeverity::NotTested;
    const double psi = c.psi.value_or(0);
    if (c.drifted || psi > 0.2)
        return DriftSeverity::Alarm;
    return psi >= 0.1 ? DriftSeverity::Warning : DriftSeverity::Fine;
}

void SparklineDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                              const QModelIndex& index) const {
    QStyledItemDelegate::paint(painter, option, index);
    const QList<double> values = index.data(Qt::UserRole).value<QList<double>>();
    double lo = INFINITY, hi = -INFINITY;
    for (double v : values)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (values.size() < 2 || !(hi >= lo))
        return;
    if (hi - lo < 1e-12)
        hi = lo + 1;
    const QRectF r = QRectF(option.rect).adjusted(4, 4, -4, -4);
    QPainterPath path;
    bool pen = false;
    for (int i = 0; i < values.size(); ++i) {
        if (!std::isfinite(values[i])) {
            pen = false;   // a window without a value breaks the line
            continue;
        }
        const QPointF p(r.left() + r.width() * i / (values.size() - 1),
                        r.bottom() - r.height() * (values[i] - lo) / (hi - lo));
        if (pen)
            path.lineTo(p);
        else
            path.moveTo(p);
        pen = true;
    }
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(option.palette.color(QPalette::Text), 1.2));
    painter->drawPath(path);
    painter->restore();
}

DriftTable::DriftTable(QWidget* parent) : QTableWidget(0, ColumnCount, parent) {
    setObjectName(QStringLiteral("driftTable"));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    verticalHeader()->setVisible(false);
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 8);
    horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    horizontalHeader()->setSectionResizeMode(Trend, QHeaderView::Stretch);
    horizontalHeader()->setMinimumSectionSize(40);
    setItemDelegateForColumn(Trend, new SparklineDelegate(this));
    connect(this, &QTableWidget::itemSelectionChanged, this, [this] {
        const QString name = selectedColumn();
        if (!name.isEmpty())
            Q_EMIT columnSelected(name);
    });
    retranslateUi();
}

void DriftTable::retranslateUi() {
    setHorizontalHeaderLabels({tr("Column"), tr("Test"), tr("Statistic"), tr("p-value / distance"),
                               tr("PSI"), tr("Drift"), tr("Over time")});
    horizontalHeaderItem(Score)->setToolTip(tr("The p-value for KS and chi-squared (drift when below "
                                               "0.05), the distance for Wasserstein and Jensen-Shannon"));
    horizontalHeaderItem(Psi)->setToolTip(tr("Population stability index: below 0.1 stable, 0.1 to 0.2 "
                                             "moderate shift, above 0.2 significant shift"));
    horizontalHeaderItem(Trend)->setToolTip(tr("The test's statistic in each drift window of the log"));
}

QString DriftTable::selectedColumn() const {
    const auto rows = selectionModel()->selectedRows();
    if (rows.isEmpty() || !item(rows.front().row(), Feature))
        return {};
    return item(rows.front().row(), Feature)->data(Qt::UserRole).toString();
}

int DriftTable::rowOf(const QString& name) const {
    for (int row = 0; row < rowCount(); ++row)
        if (item(row, Feature) && item(row, Feature)->data(Qt::UserRole).toString() == name)
            return row;
    return -1;
}

DriftSeverity DriftTable::severity(int row) const {
    return static_cast<DriftSeverity>(item(row, Feature)->data(kSeverityRole).toInt());
}

void DriftTable::setSnapshot(const DashboardSnapshot& s) {
    const QString selected = selectedColumn();
    const QSignalBlocker blocker(this);
    setRowCount(0);
    if (!s.rangeDrift)
        return;
    const QLocale locale;
    auto number = [&](double v, int digits = 4) {
        if (!std::isfinite(v))
            return QStringLiteral("\u2014");
        return std::fabs(v) != 0 && std::fabs(v) < 1e-4 ? locale.toString(v, 'e', 2)
                                                        : locale.toString(v, 'f', digits);
    };
    setRowCount(static_cast<int>(s.rangeDrift->columns.size()));
    int row = 0;
    for (const monitor::ColumnDrift& c : s.rangeDrift->columns) {
        const DriftSeverity severity = driftSeverity(c);
        const QString name = QString::fromStdString(c.name);
        auto* feature = new QTableWidgetItem(c.name == "prediction" ? tr("prediction (output)") : name);
        feature->setData(Qt::UserRole, name);
        feature->setData(kSeverityRole, static_cast<int>(severity));
        setItem(row, Feature, feature);
        setItem(row, Test, new QTableWidgetItem(c.evaluated ? QString::fromLatin1(monitor::driftTestName(c.test))
                                                            : QStringLiteral("\u2014")));
        setItem(row, Statistic, new QTableWidgetItem(c.evaluated ? number(c.statistic) : QStringLiteral("\u2014")));
        setItem(row, Score, new QTableWidgetItem(c.evaluated ? number(c.score) : QStringLiteral("\u2014")));
        setItem(row, Psi, new QTableWidgetItem(c.psi && c.evaluated ? number(*c.psi, 3) : QStringLiteral("\u2014")));
        QString verdict = severity == DriftSeverity::NotTested ? tr("not tested")
                          : c.drifted                          ? tr("drifted")
                          : severity == DriftSeverity::Alarm   ? tr("PSI alarm")
                          : severity == DriftSeverity::Warning ? tr("watch")
                                                               : tr("stable");
        auto* drifted = new QTableWidgetItem(verdict);
        if (!c.note.empty())
            drifted->setToolTip(QString::fromStdString(c.note));
        setItem(row, Drifted, drifted);
        QList<double> trend;
        const auto it = s.drift.statistic.find(c.name);
        if (it != s.drift.statistic.end())
            for (double v : it->second)
                trend.append(v);
        auto* sparkline = new QTableWidgetItem;
        sparkline->setData(Qt::UserRole, QVariant::fromValue(trend));
        setItem(row, Trend, sparkline);
        const QColor background = severity == DriftSeverity::Alarm     ? QColor(0xf8, 0xd0, 0xd0)
                                  : severity == DriftSeverity::Warning ? QColor(0xff, 0xeb, 0xb8)
                                  : severity == DriftSeverity::Fine    ? QColor(0xdc, 0xf0, 0xdc)
                                                                       : QColor(0xe8, 0xe8, 0xe8);
        for (int column = 0; column < ColumnCount; ++column) {
            item(row, column)->setBackground(background);
            item(row, column)->setForeground(QColor(0x20, 0x20, 0x20));
            if (column >= Statistic && column <= Psi)
                item(row, column)->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        }
        ++row;
    }
    const int keep = rowOf(selected);
    if (keep >= 0)
        selectRow(keep);
}

}  // namespace flightdeck::ui
