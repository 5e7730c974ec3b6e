#pragma once
// The Architecture dock: the project's saved architectures beside two tabs, the version-1
// layer stack (LayerStackTab, over an ArchitectureDocument) and the node-graph editor (over a
// GraphDocument, with its layer table); choosing a saved architecture loads it into the tab
// that can show it. Model > Open Model… opens a TorchScript file in a read-only ModelViewer
// whose "Edit as new architecture" lands in the graph editor.
#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QGroupBox;
class QTabWidget;
class QUndoStack;

namespace flightdeck::ui {

class StatusLine;
class ArchitectureDocument;
class GraphEditor;
class GraphProjectLink;
class LayerStackTab;
class ModelViewer;
class ProjectSession;
class SavedArchitecturesList;

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
    // The viewer last opened (null when closed).
    ModelViewer* modelViewer() const;

public Q_SLOTS:
    // Saves the tab in front's architecture (deduplicated by hash) and makes it current.
    void saveArchitecture();
    void addLayer();
    void removeLayer();
    void moveLayerUp();
    void moveLayerDown();
    // Asks for a TorchScript file when `path` is empty; opens it in a model viewer window.
    ModelViewer* openModel(const QString& path = QString());

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void reloadSavedList();
    void loadSaved(qint64 architectureId);
    void onCurrentArchitectureChanged(qint64 architectureId);
    void showMessage(const QString& text, bool error);

    ProjectSession* session_;
    ArchitectureDocument* document_;
    QGroupBox* savedBox_;
    SavedArchitecturesList* savedList_;
    QPushButton* openModelButton_;
    StatusLine* messageLabel_;
    QTabWidget* tabs_;
    LayerStackTab* stackTab_;
    GraphEditor* graphEditor_;
    GraphProjectLink* graphLink_;
    QPointer<ModelViewer> viewer_;
};

}  // namespace flightdeck::ui
