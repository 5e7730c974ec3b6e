#include "export/AliasHistoryView.h"
#include "export/ExportTables.h"

#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flightdeck::ui {

namespace {

enum Column { ColWhen, ColAlias, ColAction, ColChange, ColWho, ColWhy, ColumnCount };

}  // namespace

AliasHistoryView::AliasHistoryView(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("aliasHistoryView"));
    caption_ = new QLabel(this);
    table_ = makeReadOnlyTable(ColumnCount, QStringLiteral("aliasHistoryTable"), ColWhy, this);
    table_->setSelectionMode(QAbstractItemView::NoSelection);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(caption_);
    layout->addWidget(table_, 1);
    retranslateUi();
}

void AliasHistoryView::retranslateUi() {
    table_->setHorizontalHeaderLabels(
        {tr("When"), tr("Alias"), tr("Action"), tr("Change"), tr("Who"), tr("Why")});
    caption_->setText(modelName_.isEmpty()
                          ? tr("Alias history:")
                          : tr("Alias history of \u201c%1\u201d (newest first):").arg(modelName_));
}

int AliasHistoryView::rowCount() const {
    return table_->rowCount();
}

void AliasHistoryView::setEvents(const QString& modelName,
                                 const std::vector<flightdeck::store::AliasEventRecord>& events,
                                 const std::function<QString(flightdeck::store::Id)>& versionText) {
    using flightdeck::store::AliasAction;
    modelName_ = modelName;
    retranslateUi();
    table_->setRowCount(static_cast<int>(events.size()));
    for (int row = 0; row < static_cast<int>(events.size()); ++row) {
        const auto& e = events[static_cast<std::size_t>(row)];
        const QString action = e.action == AliasAction::Promote    ? tr("promoted")
                               : e.action == AliasAction::Rollback ? tr("rolled back")
                                                                   : tr("cleared");
        const QString texts[ColumnCount] = {
            localDateTime(e.createdAt),
            QString::fromStdString(e.alias),
            action,
            QStringLiteral("%1 \u2192 %2").arg(versionText(e.previousId), versionText(e.modelId)),
            QString::fromStdString(e.actor),
            QString::fromStdString(e.reason)};
        for (int c = 0; c < ColumnCount; ++c) {
            auto* item = new QTableWidgetItem(texts[c]);
            item->setToolTip(c == ColWhy || c == ColWhen ? texts[c] : QString());
            table_->setItem(row, c, item);
        }
    }
}

}  // namespace flightdeck::ui
