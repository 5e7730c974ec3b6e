#pragma once
// Shape inference and cost for a GraphSpec: every node's output shape (without the batch
// dimension), parameters, FLOPs per sample and activation memory, and the graph's totals.
// Problems (a shape mismatch, a layer too large) are reported per node, not thrown, so the
// editor can draw every broken node at once.
#include "flightdeck/model/GraphSpec.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace flightdeck::model {

struct NodeShape {
    std::vector<std::int64_t> output;   // empty when it could not be inferred
    std::int64_t parameters = 0;
    std::int64_t flops = 0;             // per sample, multiply-add = 2
    std::int64_t activationBytes = 0;   // float32 output per sample
    std::string error;                  // why this node is invalid ("" = fine)
    bool structural = false;            // the error is about the graph's wiring, not a shape
};

struct GraphShapes {
    std::map<std::string, NodeShape> nodes;
    std::vector<GraphProblem> problems;   // structural and per-node, in topological order
    std::int64_t parameters = 0, flops = 0, activationBytes = 0;
    bool ok() const { return problems.empty(); }
};

// `input`: [F] for a table, [C, H, W] for images. `classes` >= 2 sizes the output head.
GraphShapes inferGraph(const GraphSpec& graph, const std::vector<std::int64_t>& input,
                       std::int64_t classes);

// Throws Error(InvalidSpec) naming the first problem (for the trainer and the CLI).
GraphShapes checkedShapes(const GraphSpec& graph, const std::vector<std::int64_t>& input,
                          std::int64_t classes);

std::string shapeText(const std::vector<std::int64_t>& shape);   // "[32, 14, 14]"

}  // namespace flightdeck::model
