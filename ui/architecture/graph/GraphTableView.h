#pragma once
// The layer table beside the canvas: a GraphTableModel over the editor's document, its
// selection kept in step with the scene's (select a row, its node is selected on the canvas;
// select nodes, their rows are selected here).
#include <QTableView>

namespace flightdeck::ui {

class GraphDocument;
class GraphScene;
class GraphTableModel;

class GraphTableView : public QTableView {
    Q_OBJECT
public:
    GraphTableView(GraphDocument* document, GraphScene* scene, QWidget* parent = nullptr);
    GraphTableModel* tableModel() const { return model_; }

private:
    void fitColumns();
    void selectionToScene();
    void selectionFromScene();

    GraphScene* scene_;
    GraphTableModel* model_;
    bool syncing_ = false;
};

}  // namespace flightdeck::ui
