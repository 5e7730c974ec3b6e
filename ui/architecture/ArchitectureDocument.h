#pragma once
// The architecture being edited: owns the flightdeck::model::ArchitectureSpec and the
// QUndoStack (the document owns undo, not the view). Views call the undoable edit methods,
// which push commands; the commands call the *Raw mutators, which emit the change signals.
#include "flightdeck/model/ArchitectureSpec.h"

#include <QObject>
#include <QString>

class QUndoStack;

namespace flightdeck::ui {

class ArchitectureDocument : public QObject {
    Q_OBJECT
public:
    enum class Field { Type, Units, Dropout };

    explicit ArchitectureDocument(QObject* parent = nullptr);

    const flightdeck::model::ArchitectureSpec& spec() const { return spec_; }
    int layerCount() const { return static_cast<int>(spec_.layers.size()); }
    const flightdeck::model::LayerSpec& layer(int index) const;
    QString name() const;
    QUndoStack* undoStack() const { return undoStack_; }

    // Undoable edits. Out-of-range indexes and no-op edits push nothing.
    void addLayer(int index, const flightdeck::model::LayerSpec& layer);
    void removeLayer(int index);
    void setLayerType(int index, flightdeck::model::LayerType type);
    void setLayerUnits(int index, qint64 units);
    void setLayerDropout(int index, double p);
    void moveLayer(int from, int to);
    void rename(const QString& name);
    // Replaces the whole spec as one undoable step (e.g. loading a saved architecture).
    void replaceSpec(const flightdeck::model::ArchitectureSpec& spec, const QString& text);
    // Replaces the spec and clears the undo history.
    void reset(const flightdeck::model::ArchitectureSpec& spec);

    // Raw mutators for the undo commands only: not undoable, emit the change signals.
    void insertLayerRaw(int index, const flightdeck::model::LayerSpec& layer);
    flightdeck::model::LayerSpec removeLayerRaw(int index);
    void setLayerRaw(int index, const flightdeck::model::LayerSpec& layer);
    void moveLayerRaw(int from, int to);
    void setNameRaw(const QString& name);
    void setSpecRaw(const flightdeck::model::ArchitectureSpec& spec);

Q_SIGNALS:
    // Around structural changes (insert, remove, move, replace): item models reset on these.
    void layersAboutToChange();
    void layersChanged();
    void layerEdited(int index);
    void nameChanged(const QString& name);
    // After any change at all.
    void changed();

private:
    void editLayer(int index, Field field, const flightdeck::model::LayerSpec& after);

    flightdeck::model::ArchitectureSpec spec_;
    QUndoStack* undoStack_;
};

}  // namespace flightdeck::ui
