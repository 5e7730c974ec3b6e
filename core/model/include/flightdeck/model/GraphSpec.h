#pragma once
// The architecture as a directed acyclic graph (spec version 2): nodes with stable ids, typed
// fields and ordered inputs, torch-free so the editor, the CLI and the trainer share it.
//
//   {"version": 2, "name": "cnn",
//    "nodes": [{"id": "in", "type": "input"},
//              {"id": "c1", "type": "conv2d", "inputs": ["in"], "out_channels": 32,
//               "kernel": 5, "padding": 2}, ...,
//              {"id": "out", "type": "output", "inputs": ["fc"], "loss": "cross_entropy"}],
//    "layout": {"c1": [120, 40]}}
//
// "layout" (node positions) is kept with the spec but left out of its hash, so moving a node
// never makes a new architecture. Version-1 specs (a layer stack) load and convert.
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace flightdeck::model {

struct ArchitectureSpec;

enum class NodeType {
    Input, Linear, Conv1d, Conv2d, MaxPool2d, AvgPool2d, AdaptiveAvgPool2d, BatchNorm1d,
    BatchNorm2d, LayerNorm, Dropout, ReLU, LeakyReLU, GELU, SiLU, Sigmoid, Tanh, Softmax,
    Flatten, Reshape, Add, Concat, Embedding, Output
};

enum class LossType { CrossEntropy, BinaryCrossEntropy, MSE, L1, Huber };

const char* nodeTypeName(NodeType type);      // spec spelling: "conv2d"
const char* nodeTypeLabel(NodeType type);     // display spelling: "Conv2d"
bool parseNodeType(const std::string& name, NodeType* out);
const std::vector<NodeType>& allNodeTypes();  // palette order
const char* lossName(LossType loss);
bool parseLoss(const std::string& name, LossType* out);
// How many inputs a node takes: {min, max}; Add and Concat take 2 or more (max -1 = any).
std::pair<int, int> inputArity(NodeType type);

struct NodeSpec {
    std::string id;
    NodeType type = NodeType::Linear;
    std::vector<std::string> inputs;   // source node ids, in port order

    // Fields; each node type reads the ones it has (fieldsOf lists them).
    std::int64_t units = 0;            // linear: out features
    std::int64_t outChannels = 0;      // conv1d/conv2d
    std::int64_t kernel = 0;           // conv, pools
    std::int64_t stride = 0;           // conv, pools; 0 = 1 for conv, = kernel for pools
    std::int64_t padding = 0;          // conv, pools
    std::int64_t outputSize = 1;       // adaptive pool: output H = W
    double p = 0.0;                    // dropout
    double slope = 0.01;               // leaky relu
    std::vector<std::int64_t> shape;   // reshape target (without batch; one -1 allowed)
    std::int64_t dim = 1;              // concat/softmax: the feature axis counted without batch (0)
    std::int64_t vocabulary = 0;       // embedding: number of token ids
    std::int64_t embeddingDim = 0;     // embedding: vector size
    LossType loss = LossType::CrossEntropy;   // output
    bool head = true;                  // output: append a Linear to the class count
};

// A node of this type with sensible fields (Linear 64, Conv 32 3x3 padding 1, pools 2x2,
// Dropout 0.5, ...): what the editor's palette and the templates start from. No id, no inputs.
NodeSpec defaultNode(NodeType type);

// The names of a node type's fields as written in JSON ("out_channels", "kernel", ...).
std::vector<std::string> fieldsOf(NodeType type);

struct GraphSpec {
    int version = 2;
    std::string name = "net";
    std::vector<NodeSpec> nodes;
    std::map<std::string, std::pair<double, double>> layout;   // not hashed

    // Parses version 1 (converted) and 2; InvalidSpec with field = JSON path
    // ("nodes[3].kernel") and what was expected; NewerSchema for a version above 2. Checks
    // each node on its own (types, fields, ranges, ids); graph structure is checked by
    // validateGraph.
    static GraphSpec fromJson(const std::string& json);
    std::string toJson(bool withLayout = true) const;   // canonical; hash() uses no layout
    std::string hash() const;

    const NodeSpec* node(const std::string& id) const;
    NodeSpec* node(const std::string& id);
    std::string freshId(NodeType type) const;            // "conv2d_3"
};

// The v1 stack as a graph: input -> layers -> output (head appended, as v1 always did).
GraphSpec graphFromStack(const ArchitectureSpec& stack);

// Structure: exactly one input and one output, inputs that exist, arity, no cycle, every node
// on a path from the input to the output. Returns the problems (empty = valid), each naming
// the node (and port).
struct GraphProblem {
    std::string node;      // "" for the graph as a whole
    int port = -1;         // input port, -1 when not about one
    std::string message;
};
std::vector<GraphProblem> validateGraph(const GraphSpec& graph);
// Node ids in an order where every input comes first; InvalidSpec on a cycle.
std::vector<std::string> topologicalOrder(const GraphSpec& graph);

}  // namespace flightdeck::model
