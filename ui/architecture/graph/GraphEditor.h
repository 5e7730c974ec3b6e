#pragma once
// The node-graph architecture editor: palette | canvas (with the layer table and the read-only
// PyTorch code under it) | inspector and totals, over one GraphDocument. Saving goes through the owner
// (ArchitecturePanel), which knows the project; the editor asks with saveRequested().
#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QListWidget;
class QMenu;
class QPlainTextEdit;
class QPushButton;
class QToolBar;
class QToolButton;

namespace flightdeck::ui {

class StatusLine;
class GraphDocument;
class GraphInspector;
class GraphPalette;
class GraphScene;
class GraphTableView;
class GraphView;

class GraphEditor : public QWidget {
    Q_OBJECT
public:
    explicit GraphEditor(QWidget* parent = nullptr);

    GraphDocument* document() const { return document_; }
    GraphScene* scene() const { return scene_; }
    GraphView* view() const { return view_; }
    GraphTableView* table() const { return table_; }
    // Shown next to Save: which saved architecture the graph is, or that it has changes.
    void setSaveState(const QString& text, bool canSave);
    void showMessage(const QString& text, bool error);

public Q_SLOTS:
    void copySelection();
    void pasteClipboard();
    void autoLayout();
    void applyTemplate(int index);

Q_SIGNALS:
    void saveRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateTotals();
    void updateCode();
    void addNodeAtCentre(int type);

    GraphDocument* document_;
    GraphScene* scene_;
    GraphView* view_;
    GraphPalette* palette_;
    GraphInspector* inspector_;
    GraphTableView* table_;
    QToolBar* toolBar_;
    QLabel* nameLabel_;
    QLineEdit* nameEdit_;
    QToolButton* templatesButton_;
    QMenu* templatesMenu_;
    QAction* layoutAction_;
    QAction* fitAction_;
    QAction* copyAction_;
    QAction* pasteAction_;
    QAction* deleteAction_;
    QAction* tableAction_;
    QAction* codeAction_;
    QPushButton* saveButton_;
    QLabel* saveState_;
    QLabel* totals_;
    QListWidget* problems_;
    QPlainTextEdit* code_;
    StatusLine* message_;
    int pasteCount_ = 0;
};

}  // namespace flightdeck::ui
