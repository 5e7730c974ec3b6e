#pragma once
// The Architecture dock: edits an ArchitectureDocument (layer table with undo) or, in the
// second tab, a GraphDocument (the node-graph editor); shows live shape inference for the
// current dataset version, saves the spec to the project and lists the project's saved
// architectures.
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;
class QGroupBox;
class QTabWidget;
class QUndoStack;

namespace flightdeck::ui {

class ArchitectureDocument;
class GraphEditor;
class GraphProjectLink;
class LayerTableModel;
class ProjectSession;
class SavedArchitecturesList;
class ShapeInferenceView;

class ArchitecturePanel : public QWidget {
    Q_OBJECT
public:
    explicit ArchitecturePanel(ProjectSession* session, QWidget* parent = nullptr);

    ArchitectureDocument* document() const { return document_; }
    GraphEditor* graphEditor() const { return graphEditor_; }
    // The undo stack of the tab in front (the layer table's or the graph editor's).
    QUndoStack* undoStack();
    QUndoStack* graphUndoStack();
    bool graphTabShown() const;
    void showGraphTab(bool graph);
    // An edit not saved to the project since the last save or load (asked about on quit).
    bool hasUnsavedChanges() const;

public Q_SLOTS:
    // Saves the document's spec (deduplicated by hash) and makes it the current architecture.
    void saveArchitecture();
    void addLayer();
    void removeLayer();
    void moveLayerUp();
    void moveLayerDown();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void reloadSavedList();
    void loadSaved(qint64 architectureId);
    void onCurrentArchitectureChanged(qint64 architectureId);
    void updateShapes();
    void updateState();
    void updateButtons();
    void openTypeEditors();
    int selectedRow() const;
    void selectRow(int row);
    void showMessage(const QString& text, bool error);

    ProjectSession* session_;
    ArchitectureDocument* document_;
    LayerTableModel* model_;

    QGroupBox* savedBox_;
    SavedArchitecturesList* savedList_;
    QGroupBox* layersBox_;
    QLabel* nameLabel_;
    QLineEdit* nameEdit_;
    QTableView* layerView_;
    QToolButton* addButton_;
    QToolButton* removeButton_;
    QToolButton* upButton_;
    QToolButton* downButton_;
    QPushButton* saveButton_;
    QLabel* stateLabel_;
    QLabel* messageLabel_;
    QGroupBox* shapesBox_;
    ShapeInferenceView* shapes_;
    QTabWidget* tabs_;
    GraphEditor* graphEditor_;
    GraphProjectLink* graphLink_;

    QString savedHash_;       // spec hash of the session's current architecture
    qint64 savedId_ = 0;
};

}  // namespace flightdeck::ui
