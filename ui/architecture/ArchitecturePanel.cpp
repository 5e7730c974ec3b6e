#include "architecture/ArchitecturePanel.h"

#include "architecture/ArchitectureDocument.h"
#include "architecture/LayerDelegate.h"
#include "architecture/LayerTableModel.h"
#include "architecture/SavedArchitecturesList.h"
#include "architecture/ShapeInferenceView.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "architecture/graph/GraphProjectLink.h"
#include "architecture/graph/GraphView.h"
#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/RunRepository.h"

#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

#include <exception>

namespace flightdeck::ui {

namespace {
constexpr qint64 kExampleInputs = 4;
constexpr qint64 kExampleClasses = 3;
}  // namespace

ArchitecturePanel::ArchitecturePanel(ProjectSession* session, QWidget* parent)
    : QWidget(parent),
      session_(session),
      document_(new ArchitectureDocument(this)),
      model_(new LayerTableModel(document_, this)),
      savedBox_(new QGroupBox(this)),
      savedList_(new SavedArchitecturesList(session, savedBox_)),
      layersBox_(new QGroupBox(this)),
      nameLabel_(new QLabel(layersBox_)),
      nameEdit_(new QLineEdit(layersBox_)),
      layerView_(new QTableView(layersBox_)),
      addButton_(new QToolButton(layersBox_)),
      removeButton_(new QToolButton(layersBox_)),
      upButton_(new QToolButton(layersBox_)),
      downButton_(new QToolButton(layersBox_)),
      saveButton_(new QPushButton(layersBox_)),
      stateLabel_(new QLabel(layersBox_)),
      messageLabel_(new QLabel(this)),
      shapesBox_(new QGroupBox(this)),
      shapes_(new ShapeInferenceView(shapesBox_)),
      tabs_(new QTabWidget(this)),
      graphEditor_(new GraphEditor(tabs_)),
      graphLink_(new GraphProjectLink(session, graphEditor_, this))
{
    setObjectName(QStringLiteral("architecturePanel"));
    document_->setObjectName(QStringLiteral("architectureDocument"));
    nameEdit_->setObjectName(QStringLiteral("architectureNameEdit"));
    layerView_->setObjectName(QStringLiteral("layerTable"));
    addButton_->setObjectName(QStringLiteral("addLayerButton"));
    removeButton_->setObjectName(QStringLiteral("removeLayerButton"));
    upButton_->setObjectName(QStringLiteral("moveLayerUpButton"));
    downButton_->setObjectName(QStringLiteral("moveLayerDownButton"));
    saveButton_->setObjectName(QStringLiteral("saveArchitectureButton"));
    stateLabel_->setObjectName(QStringLiteral("architectureStateLabel"));
    messageLabel_->setObjectName(QStringLiteral("architectureMessageLabel"));
    tabs_->setObjectName(QStringLiteral("architectureTabs"));
    messageLabel_->setWordWrap(true);
    messageLabel_->hide();

    layerView_->setModel(model_);
    layerView_->setItemDelegate(new LayerDelegate(layerView_));
    layerView_->setSelectionBehavior(QAbstractItemView::SelectRows);
    layerView_->setSelectionMode(QAbstractItemView::SingleSelection);
    layerView_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed
                                | QAbstractItemView::AnyKeyPressed);
    layerView_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    layerView_->verticalHeader()->setDefaultSectionSize(layerView_->fontMetrics().height() + 14);

    auto* buttons = new QHBoxLayout;
    for (auto* button : {addButton_, removeButton_, upButton_, downButton_}) {
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        buttons->addWidget(button);
    }
    buttons->addStretch(1);

    auto* nameRow = new QHBoxLayout;
    nameRow->addWidget(nameLabel_);
    nameRow->addWidget(nameEdit_, 1);
    nameRow->addWidget(saveButton_);

    auto* layersLayout = new QVBoxLayout(layersBox_);
    layersLayout->addLayout(nameRow);
    layersLayout->addWidget(stateLabel_);
    layersLayout->addWidget(layerView_, 1);
    layersLayout->addLayout(buttons);

    auto* savedLayout = new QVBoxLayout(savedBox_);
    savedLayout->addWidget(savedList_);
    auto* shapesLayout = new QVBoxLayout(shapesBox_);
    shapesLayout->addWidget(shapes_);

    // The saved list serves both tabs: the layer table as it always was, and the graph editor.
    auto* tableTab = new QSplitter(Qt::Horizontal, tabs_);
    tableTab->setObjectName(QStringLiteral("architectureSplitter"));
    tableTab->addWidget(layersBox_);
    tableTab->addWidget(shapesBox_);
    tableTab->setSizes({300, 320});
    tableTab->setChildrenCollapsible(false);
    tabs_->addTab(tableTab, QString());
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

    connect(addButton_, &QToolButton::clicked, this, &ArchitecturePanel::addLayer);
    connect(removeButton_, &QToolButton::clicked, this, &ArchitecturePanel::removeLayer);
    connect(upButton_, &QToolButton::clicked, this, &ArchitecturePanel::moveLayerUp);
    connect(downButton_, &QToolButton::clicked, this, &ArchitecturePanel::moveLayerDown);
    connect(saveButton_, &QPushButton::clicked, this, &ArchitecturePanel::saveArchitecture);
    connect(nameEdit_, &QLineEdit::editingFinished, this,
            [this] { document_->rename(nameEdit_->text().trimmed()); });
    connect(document_, &ArchitectureDocument::nameChanged, this, [this](const QString& name) {
        if (nameEdit_->text() != name)
            nameEdit_->setText(name);
    });
    connect(document_, &ArchitectureDocument::changed, this, [this] {
        updateShapes();
        updateState();
        updateButtons();
    });
    connect(model_, &QAbstractItemModel::modelReset, this, &ArchitecturePanel::openTypeEditors);
    connect(layerView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ArchitecturePanel::updateButtons);
    connect(savedList_, &SavedArchitecturesList::architectureChosen, this, &ArchitecturePanel::loadSaved);
    // Focus follows the tab in front, so Edit > Undo (which follows focus) acts on its stack.
    connect(tabs_, &QTabWidget::currentChanged, this, [this] {
        graphTabShown() ? graphEditor_->view()->setFocus() : layerView_->setFocus();
    });

    connect(session_, &ProjectSession::projectOpened, this, [this] {
        savedId_ = 0;
        savedHash_.clear();
        reloadSavedList();
        updateShapes();
        updateState();
    });
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        savedId_ = 0;
        savedHash_.clear();
        savedList_->clear();
        updateShapes();
        updateState();
    });
    connect(session_, &ProjectSession::architecturesChanged, this, &ArchitecturePanel::reloadSavedList);
    connect(session_, &ProjectSession::currentVersionChanged, this, &ArchitecturePanel::updateShapes);
    connect(session_, &ProjectSession::currentArchitectureChanged, this,
            &ArchitecturePanel::onCurrentArchitectureChanged);

    nameEdit_->setText(document_->name());
    openTypeEditors();
    retranslateUi();
    if (session_->isOpen())
        reloadSavedList();
    updateShapes();
    updateButtons();
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
    if (graphTabShown()) {
        graphLink_->save();
        return;
    }
    if (!session_->isOpen()) {
        showMessage(tr("Open or create a project before saving an architecture."), true);
        return;
    }
    const auto& spec = document_->spec();
    if (spec.name.empty()) {
        showMessage(tr("Give the architecture a name before saving it."), true);
        return;
    }
    try {
        // The canonical round trip validates the spec (InvalidSpec names the bad field).
        (void)flightdeck::model::ArchitectureSpec::fromJson(spec.toJson());
        const std::string hash = spec.hash();
        flightdeck::store::ArchitectureRepository repo(session_->project());
        const qint64 id = repo.save(spec.name, spec.toJson(), hash);
        savedId_ = id;
        savedHash_ = QString::fromStdString(hash);
        document_->undoStack()->setClean();
        session_->setCurrentArchitecture(id);
        session_->notifyArchitecturesChanged();
        showMessage(tr("Saved architecture \"%1\" as #%2.").arg(document_->name()).arg(id), false);
    } catch (const std::exception& e) {
        showMessage(ErrorText::fromException(e), true);
    }
    updateState();
}

void ArchitecturePanel::addLayer()
{
    const int row = selectedRow();
    const int at = row < 0 ? document_->layerCount() : row + 1;
    flightdeck::model::LayerSpec layer;
    layer.type = flightdeck::model::LayerType::Linear;
    layer.units = 32;
    document_->addLayer(at, layer);
    selectRow(at);
}

void ArchitecturePanel::removeLayer()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    document_->removeLayer(row);
    selectRow(std::min(row, document_->layerCount() - 1));
}

void ArchitecturePanel::moveLayerUp()
{
    const int row = selectedRow();
    if (row <= 0)
        return;
    document_->moveLayer(row, row - 1);
    selectRow(row - 1);
}

void ArchitecturePanel::moveLayerDown()
{
    const int row = selectedRow();
    if (row < 0 || row + 1 >= document_->layerCount())
        return;
    document_->moveLayer(row, row + 1);
    selectRow(row + 1);
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
        savedId_ = 0;
        savedHash_.clear();
        updateState();
        return;
    }
    try {
        flightdeck::store::ArchitectureRepository repo(session_->project());
        const auto record = repo.get(architectureId);
        savedId_ = architectureId;
        savedHash_ = QString::fromStdString(record.specHash);
        graphLink_->load(architectureId);   // a stack converts onto the canvas too
        if (GraphProjectLink::isGraphSpec(record.specJson)) {
            showGraphTab(true);   // a graph has no table form
            savedList_->selectArchitecture(architectureId);
            updateState();
            return;
        }
        if (QString::fromStdString(document_->spec().hash()) != savedHash_) {
            const auto spec = flightdeck::model::ArchitectureSpec::fromJson(record.specJson);
            // Loading is one undoable step, so a misclick never loses the edited spec.
            document_->replaceSpec(spec, tr("Load architecture \"%1\"").arg(QString::fromStdString(record.name)));
        }
        document_->undoStack()->setClean();
        savedList_->selectArchitecture(architectureId);
    } catch (const std::exception& e) {
        showMessage(ErrorText::fromException(e), true);
    }
    updateState();
}

void ArchitecturePanel::updateShapes()
{
    qint64 inputs = kExampleInputs, classes = kExampleClasses;
    bool fromDataset = false;
    if (session_->isOpen() && session_->currentVersionId() > 0) {
        try {
            flightdeck::store::DatasetRepository repo(session_->project());
            const auto version = repo.version(session_->currentVersionId());
            const auto schema = QJsonDocument::fromJson(QByteArray::fromStdString(version.schemaJson)).object();
            const qint64 count = flightdeck::data::taskFromName(version.task) == flightdeck::data::DatasetTask::TableRegression
                                     ? 1   // a regression target: one output, not its distinct values
                                     : schema.value(QStringLiteral("classes")).toArray().size();
            if (version.features > 0 && count >= 1) {
                inputs = version.features;
                classes = count;
                fromDataset = true;
            }
        } catch (const std::exception&) {
            // A version that cannot be read falls back to the example shape.
        }
    }
    shapes_->showShapes(document_->spec(), inputs, classes, fromDataset);
}

void ArchitecturePanel::updateState()
{
    const QString hash = QString::fromStdString(document_->spec().hash());
    if (savedId_ > 0 && hash == savedHash_)
        stateLabel_->setText(tr("Saved as #%1; training uses this architecture.").arg(savedId_));
    else if (savedId_ > 0)
        stateLabel_->setText(tr("Unsaved changes: training uses saved architecture #%1 until you save.")
                                 .arg(savedId_));
    else
        stateLabel_->setText(tr("Not saved yet: save it to train with it."));
    saveButton_->setEnabled(shapes_->isValid());
}

void ArchitecturePanel::updateButtons()
{
    const int row = selectedRow();
    removeButton_->setEnabled(row >= 0);
    upButton_->setEnabled(row > 0);
    downButton_->setEnabled(row >= 0 && row + 1 < document_->layerCount());
}

void ArchitecturePanel::openTypeEditors()
{
    for (int row = 0; row < model_->rowCount(); ++row)
        layerView_->openPersistentEditor(model_->index(row, LayerTableModel::TypeColumn));
    updateButtons();
}

int ArchitecturePanel::selectedRow() const
{
    const auto rows = layerView_->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.first().row();
    const QModelIndex current = layerView_->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void ArchitecturePanel::selectRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    layerView_->selectRow(row);
    layerView_->setCurrentIndex(model_->index(row, LayerTableModel::UnitsColumn));
    updateButtons();
}

void ArchitecturePanel::showMessage(const QString& text, bool error)
{
    messageLabel_->setText(text);
    messageLabel_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
    messageLabel_->setVisible(!text.isEmpty());
}

void ArchitecturePanel::retranslateUi()
{
    savedBox_->setTitle(tr("Saved architectures"));
    savedList_->setToolTip(tr("Click an architecture to load it (undoable)"));
    layersBox_->setTitle(tr("Layers"));
    nameLabel_->setText(tr("Name:"));
    addButton_->setText(tr("Add"));
    addButton_->setToolTip(tr("Add a Linear layer after the selected one"));
    removeButton_->setText(tr("Remove"));
    removeButton_->setToolTip(tr("Remove the selected layer"));
    upButton_->setText(tr("Up"));
    upButton_->setToolTip(tr("Move the selected layer up"));
    downButton_->setText(tr("Down"));
    downButton_->setToolTip(tr("Move the selected layer down"));
    saveButton_->setText(tr("Save"));
    saveButton_->setToolTip(tr("Save the architecture to the project"));
    shapesBox_->setTitle(tr("Shapes (head appended)"));
    tabs_->setTabText(0, tr("Layer table"));
    tabs_->setTabText(1, tr("Graph editor"));
    model_->retranslate();
    reloadSavedList();
    updateState();
}

void ArchitecturePanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
