#include "architecture/ArchitecturePanel.h"

#include "architecture/ArchitectureDocument.h"
#include "architecture/LayerStackTab.h"
#include "architecture/SavedArchitecturesList.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "architecture/graph/GraphProjectLink.h"
#include "architecture/graph/GraphView.h"
#include "architecture/viewer/ModelViewer.h"
#include "common/ErrorText.h"
#include "common/ProjectSession.h"
#include "common/StatusLine.h"

#include "flightdeck/store/RunRepository.h"

#include <QEvent>
#include <QFileDialog>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QUndoStack>
#include <QVBoxLayout>

#include <exception>

namespace flightdeck::ui {

ArchitecturePanel::ArchitecturePanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      document_(new ArchitectureDocument(this)),
      savedBox_(new QGroupBox(this)),
      savedList_(new SavedArchitecturesList(session, savedBox_)),
      openModelButton_(new QPushButton(savedBox_)),
      messageLabel_(new StatusLine(this)),
      tabs_(new QTabWidget(this)),
      stackTab_(new LayerStackTab(session, document_, tabs_)),
      graphEditor_(new GraphEditor(tabs_)),
      graphLink_(new GraphProjectLink(session, graphEditor_, this))
{
    setObjectName(QStringLiteral("architecturePanel"));
    document_->setObjectName(QStringLiteral("architectureDocument"));
    openModelButton_->setObjectName(QStringLiteral("openModelButton"));
    messageLabel_->setObjectName(QStringLiteral("architectureMessageLabel"));
    tabs_->setObjectName(QStringLiteral("architectureTabs"));
    messageLabel_->setWordWrap(true);
    messageLabel_->hide();

    auto* savedLayout = new QVBoxLayout(savedBox_);
    savedLayout->addWidget(savedList_, 1);
    savedLayout->addWidget(openModelButton_);

    // The saved list serves both tabs: the layer table as it always was, and the graph editor.
    tabs_->addTab(stackTab_, QString());
    tabs_->addTab(graphEditor_, QString());
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("architectureOuterSplitter"));
    splitter->addWidget(savedBox_);
    splitter->addWidget(tabs_);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({150, 620});
    splitter->setChildrenCollapsible(false);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter, 1);
    layout->addWidget(messageLabel_);

    connect(stackTab_, &LayerStackTab::message, this, &ArchitecturePanel::showMessage);
    connect(openModelButton_, &QPushButton::clicked, this, [this] { openModel(); });
    connect(savedList_, &SavedArchitecturesList::architectureChosen, this, &ArchitecturePanel::loadSaved);
    // Focus follows the tab in front, so Edit > Undo (which follows focus) acts on its stack.
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        graphTabShown() ? graphEditor_->view()->setFocus() : stackTab_->setFocus();
    });

    const auto forget = [this] {
        stackTab_->setSaved(0, QString());
        stackTab_->updateShapes();
    };
    connect(session_, &ProjectSession::projectOpened, this, [this, forget] {
        forget();
        reloadSavedList();
    });
    connect(session_, &ProjectSession::projectClosed, this, [this, forget] {
        forget();
        savedList_->clear();
    });
    connect(session_, &ProjectSession::architecturesChanged, this, &ArchitecturePanel::reloadSavedList);
    connect(session_, &ProjectSession::currentVersionChanged, stackTab_, &LayerStackTab::updateShapes);
    connect(session_, &ProjectSession::currentArchitectureChanged, this,
            &ArchitecturePanel::onCurrentArchitectureChanged);

    retranslateUi();
    if (session_->isOpen())
        reloadSavedList();
}

QUndoStack* ArchitecturePanel::undoStack()
{
    return graphTabShown() ? graphUndoStack() : document_->undoStack();
}

QUndoStack* ArchitecturePanel::graphUndoStack()
{
    return graphEditor_->document()->undoStack();
}

bool ArchitecturePanel::graphTabShown() const
{
    return tabs_->currentWidget() == graphEditor_;
}

void ArchitecturePanel::showGraphTab(bool graph)
{
    tabs_->setCurrentIndex(graph ? 1 : 0);
}

bool ArchitecturePanel::hasUnsavedChanges() const
{
    return !document_->undoStack()->isClean() || !graphEditor_->document()->undoStack()->isClean();
}

void ArchitecturePanel::saveArchitecture()
{
    if (graphTabShown())
        graphLink_->save();
    else
        stackTab_->save();
}

void ArchitecturePanel::addLayer() { stackTab_->addLayer(); }
void ArchitecturePanel::removeLayer() { stackTab_->removeLayer(); }
void ArchitecturePanel::moveLayerUp() { stackTab_->moveLayerUp(); }
void ArchitecturePanel::moveLayerDown() { stackTab_->moveLayerDown(); }

ModelViewer* ArchitecturePanel::modelViewer() const
{
    return viewer_;
}

ModelViewer* ArchitecturePanel::openModel(const QString& path)
{
    QString file = path;
    if (file.isEmpty()) {
        const QString folder = session_->isOpen() ? session_->folder() + QStringLiteral("/exports") : QString();
        file = QFileDialog::getOpenFileName(this, tr("Open Model"), folder,
                                            tr("TorchScript models (*.pt *.pth *.ts);;All files (*)"));
        if (file.isEmpty())
            return nullptr;
    }
    // One viewer at a time: a second file replaces what the first showed.
    if (!viewer_) {
        viewer_ = new ModelViewer(this);
        viewer_->setAttribute(Qt::WA_DeleteOnClose);
        connect(viewer_, &ModelViewer::editRequested, this, [this](const flightdeck::model::GraphSpec& graph) {
            graphEditor_->document()->replace(
                graph, tr("Open model \"%1\" as a new architecture").arg(QString::fromStdString(graph.name)));
            showGraphTab(true);
            QTimer::singleShot(0, graphEditor_->view(), &GraphView::showGraph);
            window()->raise();
            window()->activateWindow();
        });
    }
    viewer_->openFile(file);
    viewer_->show();
    viewer_->raise();
    return viewer_;
}

void ArchitecturePanel::reloadSavedList()
{
    const QString error = savedList_->reload();
    if (!error.isEmpty())
        showMessage(error, true);
}

void ArchitecturePanel::loadSaved(qint64 architectureId)
{
    if (architectureId <= 0 || !session_->isOpen())
        return;
    if (architectureId != session_->currentArchitectureId())
        session_->setCurrentArchitecture(architectureId);   // -> onCurrentArchitectureChanged
    else
        onCurrentArchitectureChanged(architectureId);
}

void ArchitecturePanel::onCurrentArchitectureChanged(qint64 architectureId)
{
    if (architectureId <= 0 || !session_->isOpen()) {
        stackTab_->setSaved(0, QString());
        return;
    }
    try {
        flightdeck::store::ArchitectureRepository repo(session_->project());
        const auto record = repo.get(architectureId);
        stackTab_->setSaved(architectureId, QString::fromStdString(record.specHash));
        graphLink_->load(architectureId);   // a stack converts onto the canvas too
        if (GraphProjectLink::isGraphSpec(record.specJson)) {
            showGraphTab(true);   // a graph has no table form
        } else {
            stackTab_->load(record);
        }
        savedList_->selectArchitecture(architectureId);
    } catch (const std::exception& e) {
        showMessage(ErrorText::fromException(e), true);
    }
}

void ArchitecturePanel::showMessage(const QString& text, bool error)
{
    messageLabel_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Info);
    messageLabel_->setVisible(!text.isEmpty());
}

void ArchitecturePanel::retranslateUi()
{
    savedBox_->setTitle(tr("Saved architectures"));
    savedList_->setToolTip(tr("Click an architecture to load it (undoable)"));
    openModelButton_->setText(tr("Open Model…"));
    openModelButton_->setToolTip(tr("View a TorchScript model file (model.pt of an exported bundle) "
                                    "read-only, and edit it as a new architecture"));
    tabs_->setTabText(0, tr("Layer table"));
    tabs_->setTabText(1, tr("Graph editor"));
    stackTab_->retranslateUi();
    reloadSavedList();
}

void ArchitecturePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
