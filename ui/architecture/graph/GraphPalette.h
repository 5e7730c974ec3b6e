#pragma once
#include "flightdeck/model/GraphSpec.h"

#include <QListWidget>

namespace flightdeck::ui {

// The node types, in core's palette order: drag one onto the canvas, or double-click to add it
// in the middle of the view.
class GraphPalette : public QListWidget {
    Q_OBJECT
public:
    explicit GraphPalette(QWidget* parent = nullptr);

Q_SIGNALS:
    void nodeTypeActivated(flightdeck::model::NodeType type);

protected:
    QStringList mimeTypes() const override;
    QMimeData* mimeData(const QList<QListWidgetItem*>& items) const override;
};

}  // namespace flightdeck::ui
