#include "architecture/graph/commands/AddRemoveNodes.h"

#include "architecture/graph/GraphDocument.h"

#include <algorithm>
#include <set>

namespace flightdeck::ui {

namespace {

// Nodes go in first without inputs, then get their inputs, so an edge is only ever announced
// when both of its ends exist (a pasted node may come before the node it reads from).
void insertEntries(GraphDocument* document, const std::vector<GraphNodeEntry>& entries)
{
    document->beginBatch();
    for (const auto& entry : entries) {
        auto node = entry.node;
        node.inputs.clear();
        document->insertNodeRaw(entry.index, node, entry.pos);
    }
    for (const auto& entry : entries)
        document->setInputsRaw(QString::fromStdString(entry.node.id), entry.node.inputs);
    document->endBatch();
}

void removeEntries(GraphDocument* document, const std::vector<GraphNodeEntry>& entries)
{
    document->beginBatch();
    for (const auto& entry : entries)
        document->setInputsRaw(QString::fromStdString(entry.node.id), {});
    for (auto it = entries.rbegin(); it != entries.rend(); ++it)
        document->removeNodeRaw(QString::fromStdString(it->node.id));
    document->endBatch();
}

}  // namespace

GraphAddNodesCommand::GraphAddNodesCommand(GraphDocument* document,
                                           std::vector<GraphNodeEntry> entries,
                                           const QString& text)
    : QUndoCommand(text), document_(document), entries_(std::move(entries))
{
    std::sort(entries_.begin(), entries_.end(),
              [](const GraphNodeEntry& a, const GraphNodeEntry& b) { return a.index < b.index; });
}

void GraphAddNodesCommand::redo()
{
    insertEntries(document_, entries_);
}

void GraphAddNodesCommand::undo()
{
    removeEntries(document_, entries_);
}

GraphRemoveNodesCommand::GraphRemoveNodesCommand(GraphDocument* document, const QStringList& ids)
    : document_(document)
{
    std::set<std::string> removed;
    for (const QString& id : ids) {
        const auto* node = document->node(id);
        if (!node || !removed.insert(node->id).second)
            continue;
        entries_.push_back({document->nodeIndex(id), *node, document->position(id)});
    }
    std::sort(entries_.begin(), entries_.end(),
              [](const GraphNodeEntry& a, const GraphNodeEntry& b) { return a.index < b.index; });
    for (const auto& node : document->graph().nodes) {
        if (removed.count(node.id))
            continue;
        Dependent dependent{QString::fromStdString(node.id), node.inputs, {}};
        for (const auto& input : node.inputs)
            if (!removed.count(input))
                dependent.after.push_back(input);
        if (dependent.after.size() != dependent.before.size())
            dependents_.push_back(std::move(dependent));
    }
    if (entries_.size() == 1)
        setText(tr("Delete %1").arg(QString::fromStdString(entries_.front().node.id)));
    else
        setText(tr("Delete %n node(s)", nullptr, static_cast<int>(entries_.size())));
}

void GraphRemoveNodesCommand::redo()
{
    document_->beginBatch();
    for (const auto& dependent : dependents_)
        document_->setInputsRaw(dependent.id, dependent.after);
    removeEntries(document_, entries_);
    document_->endBatch();
}

void GraphRemoveNodesCommand::undo()
{
    document_->beginBatch();
    insertEntries(document_, entries_);
    for (const auto& dependent : dependents_)
        document_->setInputsRaw(dependent.id, dependent.before);
    document_->endBatch();
}

}  // namespace flightdeck::ui
