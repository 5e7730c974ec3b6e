#pragma once
// A node's fields as JSON values, the unit core checks them in: the document's setField and
// fieldValue, the inspector and the layer table all read and write fields through these, so
// a limit is core's GraphSpec::fromJson and nowhere else.
#include "flightdeck/model/GraphSpec.h"

#include <QJsonObject>
#include <QString>

namespace flightdeck::ui {

// The node alone as the spec writes it (no inputs).
QJsonObject nodeFieldsJson(flightdeck::model::NodeSpec node);
bool sameFields(const flightdeck::model::NodeSpec& a, const flightdeck::model::NodeSpec& b);
// `node` with `field` set from JSON text ("32", "[1, 28, 28]", "\"mse\"", "true"), re-read
// through GraphSpec::fromJson. On refusal returns false and sets *error to the translated
// reason; inputs are kept.
bool nodeWithField(const flightdeck::model::NodeSpec& node, const QString& field,
                   const QString& jsonValue, flightdeck::model::NodeSpec* out, QString* error);
QString fieldText(const flightdeck::model::NodeSpec& node, const QString& field);   // JSON
// The one field that sizes a node ("units", "out_channels", "kernel", "p", ...); "" for a
// node without one (ReLU, Flatten, Add, ...). The layer table edits it in place.
QString mainField(flightdeck::model::NodeType type);

}  // namespace flightdeck::ui
