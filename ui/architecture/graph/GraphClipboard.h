#pragma once
// Copy and paste of part of a graph, as graph JSON (what the clipboard carries): the copied
// nodes keep the edges among them and their positions; pasted ones get ids fresh in the graph
// they land in, and inputs from outside the pasted set are dropped.
#include "architecture/graph/commands/AddRemoveNodes.h"

#include "flightdeck/model/GraphSpec.h"

#include <QPointF>
#include <QString>
#include <QStringList>

#include <vector>

namespace flightdeck::ui {

QString copyNodes(const flightdeck::model::GraphSpec& graph, const QStringList& ids);
// The nodes of `json` ready to insert at the end of `into`, moved by `offset`. Returns false
// with *error set when the text is not a graph.
bool pasteEntries(const flightdeck::model::GraphSpec& into, const QString& json, QPointF offset,
                  std::vector<GraphNodeEntry>* entries, QString* error);

}  // namespace flightdeck::ui
