#include "architecture/graph/GraphPalette.h"

#include "architecture/graph/GraphScene.h"

#include <QMimeData>

namespace flightdeck::ui {

using flightdeck::model::NodeType;

GraphPalette::GraphPalette(QWidget* parent) : QListWidget(parent)
{
    setObjectName(QStringLiteral("graphPalette"));
    setDragEnabled(true);
    setDragDropMode(QAbstractItemView::DragOnly);
    setSelectionMode(QAbstractItemView::SingleSelection);
    for (NodeType type : flightdeck::model::allNodeTypes()) {
        auto* item = new QListWidgetItem(QString::fromLatin1(flightdeck::model::nodeTypeLabel(type)), this);
        item->setData(Qt::UserRole, QString::fromLatin1(flightdeck::model::nodeTypeName(type)));
    }
    connect(this, &QListWidget::itemDoubleClicked, this, [this](QListWidgetItem* item) {
        NodeType type;
        if (flightdeck::model::parseNodeType(item->data(Qt::UserRole).toString().toStdString(), &type))
            Q_EMIT nodeTypeActivated(type);
    });
}

QStringList GraphPalette::mimeTypes() const
{
    return {QString::fromLatin1(GraphScene::kNodeTypeMime)};
}

QMimeData* GraphPalette::mimeData(const QList<QListWidgetItem*>& items) const
{
    if (items.isEmpty())
        return nullptr;
    auto* data = new QMimeData;
    data->setData(QString::fromLatin1(GraphScene::kNodeTypeMime),
                  items.first()->data(Qt::UserRole).toString().toLatin1());
    return data;
}

}  // namespace flightdeck::ui
