#include "architecture/ArchitectureDocument.h"

#include "architecture/AddLayerCommand.h"
#include "architecture/EditLayerCommand.h"
#include "architecture/MoveLayerCommand.h"
#include "architecture/RemoveLayerCommand.h"
#include "architecture/RenameCommand.h"
#include "architecture/UndoCommandIds.h"
#include "architecture/ReplaceSpecCommand.h"

#include <QUndoStack>

#include <algorithm>
#include <utility>

namespace flightdeck::ui {

using flightdeck::model::ArchitectureSpec;
using flightdeck::model::LayerSpec;
using flightdeck::model::LayerType;

ArchitectureDocument::ArchitectureDocument(QObject* parent)
    : QObject(parent), spec_(flightdeck::model::defaultMlp()), undoStack_(new QUndoStack(this))
{
    undoStack_->setObjectName(QStringLiteral("architectureUndoStack"));
}

const LayerSpec& ArchitectureDocument::layer(int index) const
{
    return spec_.layers.at(static_cast<std::size_t>(index));
}

QString ArchitectureDocument::name() const
{
    return QString::fromStdString(spec_.name);
}

void ArchitectureDocument::addLayer(int index, const LayerSpec& layer)
{
    index = std::clamp(index, 0, layerCount());
    undoStack_->push(new AddLayerCommand(this, index, layer));
}

void ArchitectureDocument::removeLayer(int index)
{
    if (index < 0 || index >= layerCount())
        return;
    undoStack_->push(new RemoveLayerCommand(this, index));
}

void ArchitectureDocument::setLayerType(int index, LayerType type)
{
    if (index < 0 || index >= layerCount() || layer(index).type == type)
        return;
    LayerSpec after = layer(index);
    after.type = type;
    // Sensible values for the fields the new type needs; the old ones stay for undo.
    if (type == LayerType::Linear && after.units < 1)
        after.units = 64;
    if (type == LayerType::Dropout && after.p <= 0.0)
        after.p = 0.1;
    editLayer(index, Field::Type, after);
}

void ArchitectureDocument::setLayerUnits(int index, qint64 units)
{
    if (index < 0 || index >= layerCount() || layer(index).units == units)
        return;
    LayerSpec after = layer(index);
    after.units = units;
    editLayer(index, Field::Units, after);
}

void ArchitectureDocument::setLayerDropout(int index, double p)
{
    if (index < 0 || index >= layerCount() || layer(index).p == p)
        return;
    LayerSpec after = layer(index);
    after.p = p;
    editLayer(index, Field::Dropout, after);
}

void ArchitectureDocument::editLayer(int index, Field field, const LayerSpec& after)
{
    undoStack_->push(new EditLayerCommand(this, index, field, layer(index), after));
}

void ArchitectureDocument::moveLayer(int from, int to)
{
    if (from == to || from < 0 || to < 0 || from >= layerCount() || to >= layerCount())
        return;
    undoStack_->push(new MoveLayerCommand(this, from, to));
}

void ArchitectureDocument::rename(const QString& name)
{
    if (name == this->name())
        return;
    undoStack_->push(
        new RenameCommandOf<ArchitectureDocument, RenameCommandId>(this, this->name(), name));
}

void ArchitectureDocument::replaceSpec(const ArchitectureSpec& spec, const QString& text)
{
    undoStack_->push(new ReplaceSpecCommand(this, spec_, spec, text));
}

void ArchitectureDocument::reset(const ArchitectureSpec& spec)
{
    undoStack_->clear();
    setSpecRaw(spec);
    undoStack_->setClean();
}

void ArchitectureDocument::insertLayerRaw(int index, const LayerSpec& layer)
{
    Q_EMIT layersAboutToChange();
    spec_.layers.insert(spec_.layers.begin() + index, layer);
    Q_EMIT layersChanged();
    Q_EMIT changed();
}

LayerSpec ArchitectureDocument::removeLayerRaw(int index)
{
    Q_EMIT layersAboutToChange();
    const LayerSpec removed = spec_.layers.at(static_cast<std::size_t>(index));
    spec_.layers.erase(spec_.layers.begin() + index);
    Q_EMIT layersChanged();
    Q_EMIT changed();
    return removed;
}

void ArchitectureDocument::setLayerRaw(int index, const LayerSpec& layer)
{
    spec_.layers.at(static_cast<std::size_t>(index)) = layer;
    Q_EMIT layerEdited(index);
    Q_EMIT changed();
}

void ArchitectureDocument::moveLayerRaw(int from, int to)
{
    Q_EMIT layersAboutToChange();
    const LayerSpec moved = spec_.layers.at(static_cast<std::size_t>(from));
    spec_.layers.erase(spec_.layers.begin() + from);
    spec_.layers.insert(spec_.layers.begin() + to, moved);
    Q_EMIT layersChanged();
    Q_EMIT changed();
}

void ArchitectureDocument::setNameRaw(const QString& name)
{
    spec_.name = name.toStdString();
    Q_EMIT nameChanged(name);
    Q_EMIT changed();
}

void ArchitectureDocument::setSpecRaw(const ArchitectureSpec& spec)
{
    Q_EMIT layersAboutToChange();
    spec_ = spec;
    Q_EMIT layersChanged();
    Q_EMIT nameChanged(name());
    Q_EMIT changed();
}

}  // namespace flightdeck::ui
