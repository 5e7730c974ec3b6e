#include "architecture/graph/GraphEditor.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphInspector.h"
#include "architecture/graph/GraphLayout.h"
#include "architecture/graph/GraphNodeText.h"
#include "architecture/graph/GraphPalette.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphTableModel.h"
#include "architecture/graph/GraphTableView.h"
#include "architecture/graph/GraphView.h"
#include "architecture/graph/NodeItem.h"
#include "architecture/graph/PyTorchCode.h"
#include "common/StatusLine.h"

#include "flightdeck/model/GraphTemplates.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace flightdeck::ui {

GraphEditor::GraphEditor(QWidget* parent)
    : QWidget(parent),
      document_(new GraphDocument(this)),
      scene_(new GraphScene(document_, this)),
      view_(new GraphView(scene_, this)),
      palette_(new GraphPalette(this)),
      inspector_(new GraphInspector(document_, this)),
      table_(new GraphTableView(document_, scene_, this)),
      toolBar_(new QToolBar(this)),
      nameLabel_(new QLabel(this)),
      nameEdit_(new QLineEdit(this)),
      templatesButton_(new QToolButton(this)),
      templatesMenu_(new QMenu(this)),
      layoutAction_(new QAction(this)),
      fitAction_(new QAction(this)),
      copyAction_(new QAction(this)),
      pasteAction_(new QAction(this)),
      deleteAction_(new QAction(this)),
      tableAction_(new QAction(this)),
      codeAction_(new QAction(this)),
      saveButton_(new QPushButton(this)),
      saveState_(new QLabel(this)),
      totals_(new QLabel(this)),
      problems_(new QListWidget(this)),
      code_(new QPlainTextEdit(this)),
      message_(new StatusLine(this))
{
    setObjectName(QStringLiteral("graphEditor"));
    document_->setObjectName(QStringLiteral("graphDocument"));
    toolBar_->setObjectName(QStringLiteral("graphToolBar"));
    nameEdit_->setObjectName(QStringLiteral("graphNameEdit"));
    templatesButton_->setObjectName(QStringLiteral("graphTemplatesButton"));
    templatesMenu_->setObjectName(QStringLiteral("graphTemplatesMenu"));
    layoutAction_->setObjectName(QStringLiteral("graphAutoLayoutAction"));
    fitAction_->setObjectName(QStringLiteral("graphFitAction"));
    copyAction_->setObjectName(QStringLiteral("graphCopyAction"));
    pasteAction_->setObjectName(QStringLiteral("graphPasteAction"));
    deleteAction_->setObjectName(QStringLiteral("graphDeleteAction"));
    tableAction_->setObjectName(QStringLiteral("graphTableAction"));
    codeAction_->setObjectName(QStringLiteral("graphCodeAction"));
    saveButton_->setObjectName(QStringLiteral("graphSaveButton"));
    saveState_->setObjectName(QStringLiteral("graphSaveStateLabel"));
    saveState_->setWordWrap(true);   // wraps rather than widening the Architecture dock
    totals_->setObjectName(QStringLiteral("graphTotalsLabel"));
    problems_->setObjectName(QStringLiteral("graphProblemsList"));
    code_->setObjectName(QStringLiteral("graphCodeView"));
    message_->setObjectName(QStringLiteral("graphMessageLabel"));

    nameEdit_->setMaximumWidth(180);
    templatesButton_->setMenu(templatesMenu_);
    templatesButton_->setPopupMode(QToolButton::InstantPopup);
    const auto templates = flightdeck::model::graphTemplates();
    for (int i = 0; i < static_cast<int>(templates.size()); ++i) {
        QAction* action = templatesMenu_->addAction(QString::fromStdString(templates[std::size_t(i)].name));
        action->setObjectName(QStringLiteral("graphTemplate_%1").arg(QString::fromStdString(templates[std::size_t(i)].name)));
        connect(action, &QAction::triggered, this, [this, i] { applyTemplate(i); });
    }
    toolBar_->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar_->addWidget(nameLabel_);
    toolBar_->addWidget(nameEdit_);
    toolBar_->addWidget(templatesButton_);
    for (QAction* action : {layoutAction_, fitAction_, copyAction_, pasteAction_, deleteAction_,
                            tableAction_, codeAction_})
        toolBar_->addAction(action);
    tableAction_->setCheckable(true);
    tableAction_->setChecked(true);
    codeAction_->setCheckable(true);
    // Shortcuts only while the canvas has focus, so Ctrl+C keeps working in text fields.
    copyAction_->setShortcut(QKeySequence::Copy);
    pasteAction_->setShortcut(QKeySequence::Paste);
    for (QAction* action : {copyAction_, pasteAction_}) {
        action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
        view_->addAction(action);
    }

    code_->setReadOnly(true);
    code_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    code_->setLineWrapMode(QPlainTextEdit::NoWrap);
    code_->hide();
    totals_->setWordWrap(true);
    message_->setWordWrap(true);
    message_->hide();
    palette_->setMaximumWidth(170);

    auto* centre = new QSplitter(Qt::Vertical, this);
    centre->setObjectName(QStringLiteral("graphCentreSplitter"));
    centre->addWidget(view_);
    centre->addWidget(table_);
    centre->addWidget(code_);
    centre->setStretchFactor(0, 3);
    centre->setStretchFactor(1, 2);
    centre->setStretchFactor(2, 2);
    centre->setSizes({500, 280, 280});   // in proportion: the canvas first, then the table
    auto* side = new QWidget(this);
    side->setObjectName(QStringLiteral("graphSidePanel"));
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(inspector_, 1);
    sideLayout->addWidget(totals_);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("graphSplitter"));
    splitter->addWidget(palette_);
    splitter->addWidget(centre);
    splitter->addWidget(side);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({130, 600, 240});
    splitter->setChildrenCollapsible(false);

    auto* saveRow = new QHBoxLayout;
    saveRow->addWidget(toolBar_, 1);
    saveRow->addWidget(saveState_);
    saveRow->addWidget(saveButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addLayout(saveRow);
    layout->addWidget(splitter, 1);
    layout->addWidget(problems_);
    layout->addWidget(message_);

    connect(saveButton_, &QPushButton::clicked, this, &GraphEditor::saveRequested);
    connect(layoutAction_, &QAction::triggered, this, &GraphEditor::autoLayout);
    connect(fitAction_, &QAction::triggered, view_, &GraphView::fitGraph);
    connect(copyAction_, &QAction::triggered, this, &GraphEditor::copySelection);
    connect(pasteAction_, &QAction::triggered, this, &GraphEditor::pasteClipboard);
    connect(deleteAction_, &QAction::triggered, scene_, &GraphScene::deleteSelection);
    connect(tableAction_, &QAction::toggled, table_, &QWidget::setVisible);
    connect(table_->tableModel(), &GraphTableModel::editRefused, this,
            [this](const QString& reason) { showMessage(reason, true); });
    connect(codeAction_, &QAction::toggled, this, [this](bool on) {
        code_->setVisible(on);
        updateCode();
    });
    connect(palette_, &GraphPalette::nodeTypeActivated, this,
            [this](flightdeck::model::NodeType type) { addNodeAtCentre(static_cast<int>(type)); });
    connect(scene_, &GraphScene::nodeDropped, this, [this] { view_->setFocus(); });
    connect(scene_, &QGraphicsScene::selectionChanged, this, [this] {
        const QStringList ids = scene_->selectedNodeIds();
        inspector_->showNode(ids.size() == 1 ? ids.first() : QString());
    });
    connect(problems_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const QString id = item->data(Qt::UserRole).toString();
        if (NodeItem* node = scene_->nodeItem(id)) {
            scene_->selectNodes({id});
            view_->centerOn(node);
        }
    });
    connect(nameEdit_, &QLineEdit::editingFinished, this,
            [this] { document_->rename(nameEdit_->text().trimmed()); });
    connect(document_, &GraphDocument::nameChanged, this, [this](const QString& name) {
        if (nameEdit_->text() != name)
            nameEdit_->setText(name);
    });
    connect(document_, &GraphDocument::shapesChanged, this, [this] {
        updateTotals();
        updateCode();
    });
    connect(document_, &GraphDocument::graphReset, this,
            [this] { QTimer::singleShot(0, view_, &GraphView::showGraph); });

    document_->reset(flightdeck::model::graphTemplate("mlp"));
    nameEdit_->setText(document_->name());
    retranslateUi();
    QTimer::singleShot(0, view_, &GraphView::showGraph);
}

void GraphEditor::setSaveState(const QString& text, bool canSave)
{
    saveState_->setText(text);
    saveButton_->setEnabled(canSave);
}

void GraphEditor::showMessage(const QString& text, bool error)
{
    message_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Info);
    message_->setVisible(!text.isEmpty());
}

void GraphEditor::copySelection()
{
    const QStringList ids = scene_->selectedNodeIds();
    if (ids.isEmpty())
        return;
    QApplication::clipboard()->setText(document_->copy(ids));
    pasteCount_ = 0;
}

void GraphEditor::pasteClipboard()
{
    ++pasteCount_;   // each paste lands a little further, never on top of the last one
    QString error;
    const QStringList ids =
        document_->paste(QApplication::clipboard()->text(), QPointF(40, 40) * pasteCount_, &error);
    if (!error.isEmpty()) {
        showMessage(tr("The clipboard holds no graph nodes: %1").arg(error), true);
        return;
    }
    showMessage(QString(), false);
    scene_->selectNodes(ids);
}

void GraphEditor::autoLayout()
{
    std::map<QString, QPointF> positions;
    for (const auto& [id, xy] : layeredLayout(document_->graph()))
        positions[QString::fromStdString(id)] = QPointF(xy.first, xy.second);
    document_->setPositions(positions, tr("Auto-layout"));
    view_->fitGraph();
}

void GraphEditor::applyTemplate(int index)
{
    const auto templates = flightdeck::model::graphTemplates();
    if (index < 0 || index >= static_cast<int>(templates.size()))
        return;
    const auto& graph = templates[std::size_t(index)];
    document_->replace(graph, tr("Template %1").arg(QString::fromStdString(graph.name)));
}

void GraphEditor::addNodeAtCentre(int type)
{
    const QPointF centre = view_->mapToScene(view_->viewport()->rect().center())
                           - QPointF(NodeItem::kWidth / 2, NodeItem::kHeight / 2);
    const QString id = document_->addNode(static_cast<flightdeck::model::NodeType>(type), centre);
    scene_->selectNodes({id});
}

void GraphEditor::updateTotals()
{
    const auto& shapes = document_->shapes();
    const QString outputs = document_->classes() == 1
                                ? tr("one output (regression)")
                                : tr("%1 classes").arg(document_->classes());
    totals_->setText(tr("Parameters: %1\nFLOPs per sample: %2\nActivation memory per sample: %3\n"
                        "Input %4, %5")
                         .arg(QLocale().toString(static_cast<qlonglong>(shapes.parameters)))
                         .arg(compactCount(shapes.flops), compactBytes(shapes.activationBytes),
                              shapeLabel(document_->inputShape()), outputs));
    problems_->clear();
    for (const auto& problem : shapes.problems) {
        QString text = QString::fromStdString(problem.message);
        if (!problem.node.empty())
            text = problem.port >= 0 ? tr("%1, input %2: %3")
                                           .arg(QString::fromStdString(problem.node))
                                           .arg(problem.port + 1)
                                           .arg(text)
                                     : tr("%1: %2").arg(QString::fromStdString(problem.node), text);
        auto* item = new QListWidgetItem(text, problems_);
        item->setData(Qt::UserRole, QString::fromStdString(problem.node));
        item->setForeground(StatusLine::color(StatusLine::Kind::Error));
    }
    if (shapes.ok()) {
        auto* item = new QListWidgetItem(tr("No problems: every shape fits."), problems_);
        item->setForeground(QColor(0x2e, 0x7d, 0x32));
    }
    // One line when all is well, up to four before it scrolls: the canvas keeps the room.
    const int lines = std::clamp(problems_->count(), 1, 4);
    problems_->setFixedHeight(lines * problems_->sizeHintForRow(0) + 2 * problems_->frameWidth() + 4);
}

void GraphEditor::updateCode()
{
    if (code_->isVisible())
        code_->setPlainText(pytorchModule(document_->graph(), document_->shapes(), document_->classes()));
}

void GraphEditor::retranslateUi()
{
    nameLabel_->setText(tr("Name:"));
    templatesButton_->setText(tr("Templates"));
    templatesButton_->setToolTip(tr("Replace the graph with a template (undoable)"));
    layoutAction_->setText(tr("Auto-layout"));
    layoutAction_->setToolTip(tr("Arrange the nodes in layers by depth"));
    fitAction_->setText(tr("Fit"));
    fitAction_->setToolTip(tr("Show the whole graph (F)"));
    copyAction_->setText(tr("Copy"));
    pasteAction_->setText(tr("Paste"));
    deleteAction_->setText(tr("Delete"));
    deleteAction_->setToolTip(tr("Delete the selected nodes and edges (Delete)"));
    tableAction_->setText(tr("Table"));
    tableAction_->setToolTip(tr("Show the nodes as a table under the canvas (same graph, same undo)"));
    codeAction_->setText(tr("PyTorch code"));
    codeAction_->setToolTip(tr("Show the graph as a PyTorch nn.Module (read-only)"));
    saveButton_->setText(tr("Save"));
    saveButton_->setToolTip(tr("Save the graph to the project"));
    palette_->setToolTip(tr("Drag a layer onto the canvas, or double-click to add it"));
    view_->setToolTip(QString());
    table_->tableModel()->retranslate();
    updateTotals();
}

void GraphEditor::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
