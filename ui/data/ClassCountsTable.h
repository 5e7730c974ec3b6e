#pragma once
// The selected version's classes with their counts and shares, and the unlabeled rows (an
// image folder imported flat, or images not labeled yet) as a last row when there are any.
#include <QPair>
#include <QTableWidget>

namespace flightdeck::ui {

class ClassCountsTable : public QTableWidget {
    Q_OBJECT
public:
    explicit ClassCountsTable(QWidget* parent = nullptr);

    void setCounts(const QList<QPair<QString, qint64>>& counts, qint64 totalRows, qint64 unlabeled);
    void clearCounts();
    void retranslateUi();
};

}  // namespace flightdeck::ui
