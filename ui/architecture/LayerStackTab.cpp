#include "architecture/LayerStackTab.h"

#include "architecture/ArchitectureDocument.h"
#include "architecture/LayerDelegate.h"
#include "architecture/LayerTableModel.h"
#include "architecture/ShapeInferenceView.h"
#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/data/DatasetTask.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/RunRepository.h"

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

LayerStackTab::LayerStackTab(ProjectSession* session, ArchitectureDocument* document, QWidget* parent)
    : QWidget(parent),
      session_(session),
      document_(document),
      model_(new LayerTableModel(document_, this)),
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
      shapesBox_(new QGroupBox(this)),
      shapes_(new ShapeInferenceView(shapesBox_))
{
    setObjectName(QStringLiteral("layerStackTab"));
    nameEdit_->setObjectName(QStringLiteral("architectureNameEdit"));
    layerView_->setObjectName(QStringLiteral("layerTable"));
    addButton_->setObjectName(QStringLiteral("addLayerButton"));
    removeButton_->setObjectName(QStringLiteral("removeLayerButton"));
    upButton_->setObjectName(QStringLiteral("moveLayerUpButton"));
    downButton_->setObjectName(QStringLiteral("moveLayerDownButton"));
    saveButton_->setObjectName(QStringLiteral("saveArchitectureButton"));
    stateLabel_->setObjectName(QStringLiteral("architectureStateLabel"));

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
    auto* shapesLayout = new QVBoxLayout(shapesBox_);
    shapesLayout->addWidget(shapes_);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("architectureSplitter"));
    splitter->addWidget(layersBox_);
    splitter->addWidget(shapesBox_);
    splitter->setSizes({300, 320});
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(splitter);

    connect(addButton_, &QToolButton::clicked, this, &LayerStackTab::addLayer);
    connect(removeButton_, &QToolButton::clicked, this, &LayerStackTab::removeLayer);
    connect(upButton_, &QToolButton::clicked, this, &LayerStackTab::moveLayerUp);
    connect(downButton_, &QToolButton::clicked, this, &LayerStackTab::moveLayerDown);
    connect(saveButton_, &QPushButton::clicked, this, &LayerStackTab::save);
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
    connect(model_, &QAbstractItemModel::modelReset, this, &LayerStackTab::openTypeEditors);
    connect(layerView_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &LayerStackTab::updateButtons);
    // Focus follows the tab being shown, so Edit > Undo (which follows focus) acts on its stack.
    setFocusProxy(layerView_);

    nameEdit_->setText(document_->name());
    openTypeEditors();
    updateShapes();
    updateButtons();
}

void LayerStackTab::setSaved(qint64 id, const QString& hash)
{
    savedId_ = id;
    savedHash_ = hash;
    updateState();
}

void LayerStackTab::load(const flightdeck::store::ArchitectureRecord& record)
{
    if (QString::fromStdString(document_->spec().hash()) != savedHash_) {
        const auto spec = flightdeck::model::ArchitectureSpec::fromJson(record.specJson);
        document_->replaceSpec(spec, tr("Load architecture \"%1\"").arg(QString::fromStdString(record.name)));
    }
    document_->undoStack()->setClean();
    updateState();
}

void LayerStackTab::save()
{
    if (!session_->isOpen()) {
        Q_EMIT message(tr("Open or create a project before saving an architecture."), true);
        return;
    }
    const auto& spec = document_->spec();
    if (spec.name.empty()) {
        Q_EMIT message(tr("Give the architecture a name before saving it."), true);
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
        Q_EMIT message(tr("Saved architecture \"%1\" as #%2.").arg(document_->name()).arg(id), false);
    } catch (const std::exception& e) {
        Q_EMIT message(ErrorText::fromException(e), true);
    }
    updateState();
}

void LayerStackTab::addLayer()
{
    const int row = selectedRow();
    const int at = row < 0 ? document_->layerCount() : row + 1;
    flightdeck::model::LayerSpec layer;
    layer.type = flightdeck::model::LayerType::Linear;
    layer.units = 32;
    document_->addLayer(at, layer);
    selectRow(at);
}

void LayerStackTab::removeLayer()
{
    const int row = selectedRow();
    if (row < 0)
        return;
    document_->removeLayer(row);
    selectRow(std::min(row, document_->layerCount() - 1));
}

void LayerStackTab::moveLayerUp()
{
    const int row = selectedRow();
    if (row <= 0)
        return;
    document_->moveLayer(row, row - 1);
    selectRow(row - 1);
}

void LayerStackTab::moveLayerDown()
{
    const int row = selectedRow();
    if (row < 0 || row + 1 >= document_->layerCount())
        return;
    document_->moveLayer(row, row + 1);
    selectRow(row + 1);
}

void LayerStackTab::updateShapes()
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

void LayerStackTab::updateState()
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

void LayerStackTab::updateButtons()
{
    const int row = selectedRow();
    removeButton_->setEnabled(row >= 0);
    upButton_->setEnabled(row > 0);
    downButton_->setEnabled(row >= 0 && row + 1 < document_->layerCount());
}

void LayerStackTab::openTypeEditors()
{
    for (int row = 0; row < model_->rowCount(); ++row)
        layerView_->openPersistentEditor(model_->index(row, LayerTableModel::TypeColumn));
    updateButtons();
}

int LayerStackTab::selectedRow() const
{
    const auto rows = layerView_->selectionModel()->selectedRows();
    if (!rows.isEmpty())
        return rows.first().row();
    const QModelIndex current = layerView_->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void LayerStackTab::selectRow(int row)
{
    if (row < 0 || row >= model_->rowCount())
        return;
    layerView_->selectRow(row);
    layerView_->setCurrentIndex(model_->index(row, LayerTableModel::UnitsColumn));
    updateButtons();
}

void LayerStackTab::retranslateUi()
{
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
    model_->retranslate();
    updateState();
}

}  // namespace flightdeck::ui
