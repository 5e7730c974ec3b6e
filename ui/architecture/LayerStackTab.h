#pragma once
// The Architecture panel's first tab: a version-1 layer stack (Linear and activation layers in
// a table over an ArchitectureDocument, with undo), its live shapes for the current dataset
// version, whether it is saved, and saving it to the project. The panel around it keeps what
// both tabs share: the saved list, the session, loading a chosen architecture.
#include "flightdeck/store/Records.h"

#include <QWidget>

class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QToolButton;

namespace flightdeck::ui {

class ArchitectureDocument;
class LayerTableModel;
class ProjectSession;
class ShapeInferenceView;

class LayerStackTab : public QWidget {
    Q_OBJECT
public:
    LayerStackTab(ProjectSession* session, ArchitectureDocument* document, QWidget* parent = nullptr);

    // The session's current architecture: `id` 0 = none. A stack record is shown in the table
    // as one undoable step (a misclick never loses the edited spec).
    void setSaved(qint64 id, const QString& hash);
    void load(const flightdeck::store::ArchitectureRecord& record);

public Q_SLOTS:
    // Saves the stack (deduplicated by hash) and makes it the current architecture.
    void save();
    void addLayer();
    void removeLayer();
    void moveLayerUp();
    void moveLayerDown();
    void updateShapes();
    void retranslateUi();

Q_SIGNALS:
    void message(const QString& text, bool error);

private:
    void updateState();
    void updateButtons();
    void openTypeEditors();
    int selectedRow() const;
    void selectRow(int row);

    ProjectSession* session_;
    ArchitectureDocument* document_;
    LayerTableModel* model_;
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
    QGroupBox* shapesBox_;
    ShapeInferenceView* shapes_;

    QString savedHash_;       // spec hash of the session's current architecture
    qint64 savedId_ = 0;
};

}  // namespace flightdeck::ui
