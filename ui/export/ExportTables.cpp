#include "export/ExportTables.h"

#include "common/NumberText.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLocale>
#include <QTableWidget>

namespace flightdeck::ui {

QTableWidget* makeReadOnlyTable(int columns, const QString& objectName, int stretchColumn,
                                QWidget* parent) {
    auto* t = new QTableWidget(0, columns, parent);
    t->setObjectName(objectName);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->verticalHeader()->setVisible(false);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(stretchColumn, QHeaderView::Stretch);
    t->setMinimumHeight(t->fontMetrics().height() * 5);
    return t;
}

QString localDateTime(double unixSeconds) {
    return NumberText::dateTime(unixSeconds);
}

}  // namespace flightdeck::ui
