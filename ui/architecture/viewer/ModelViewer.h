#pragma once
// Opens a TorchScript file read-only. A model Flightdeck built is drawn on the graph canvas
// over a read-only GraphDocument (no palette, no inspector, no edits), with the layer table
// under it and "Edit as new architecture", which hands its graph to the editor. Any other
// module is listed (its modules, parameters and forward's operations) with a note that it
// cannot be edited. A file that is not a model says why. The reading is core's
// (flightdeck::model::TorchScriptGraph): nothing here includes torch.
#include "flightdeck/model/GraphSpec.h"

#include <QString>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTabWidget;
class QTreeWidget;

namespace flightdeck::model { struct TorchScriptGraph; }

namespace flightdeck::ui {

class StatusLine;
class GraphDocument;
class GraphScene;
class GraphTableView;
class GraphView;

class ModelViewer : public QWidget {
    Q_OBJECT
public:
    explicit ModelViewer(QWidget* parent = nullptr);

    // Reads the file; false (and the reason shown, errorText()) when it is not a model.
    bool openFile(const QString& path);
    QString filePath() const { return path_; }
    QString errorText() const { return error_; }
    // A graph was recovered: the canvas shows it and "Edit as new architecture" is offered.
    bool isEditable() const { return editable_; }
    GraphDocument* document() const { return document_; }
    GraphScene* scene() const { return scene_; }
    GraphView* view() const { return view_; }

Q_SIGNALS:
    void editRequested(const flightdeck::model::GraphSpec& graph);

protected:
    void changeEvent(QEvent* event) override;

private:
    void showListing(const flightdeck::model::TorchScriptGraph& script);
    enum class Tone { Info, Warning, Error };
    void showMessage(const QString& text, Tone tone);
    QString bundleName() const;   // "fashion v3" when the file is a Flightdeck bundle's
    void retranslateUi();

    GraphDocument* document_;
    GraphScene* scene_;
    GraphView* view_;
    GraphTableView* table_;
    QLabel* title_;
    StatusLine* message_;
    QPushButton* editButton_;
    QTabWidget* tabs_;
    QWidget* graphPage_;
    QWidget* listingPage_;
    QTreeWidget* modules_;
    QPlainTextEdit* ops_;
    QString path_, error_;
    QString summary_, notes_;
    bool editable_ = false;
    bool flightdeck_ = false;
};

}  // namespace flightdeck::ui
