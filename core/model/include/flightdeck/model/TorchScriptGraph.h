#pragma once
// What a TorchScript file holds, read without running it: the module tree, the parameters and
// buffers with their shapes, and forward's operations with submodule calls inlined. Torch-free
// (the reader lives behind this header), so the editor's model viewer can show any TorchScript
// file. For a module Flightdeck built (FlightdeckGraph, FlightdeckClassifier, or either inside
// FlightdeckRegressor) recoverGraph() maps the operations back onto the layer set.
#include "flightdeck/model/GraphSpec.h"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace flightdeck::model {

// One argument of an operation, resolved as far as the file allows.
struct TorchScriptArg {
    enum class Kind {
        Value,       // produced by another operation or a forward input: `text` is its name
        Constant,    // `text` as TorchScript prints it; `numbers` for numbers and number lists
        Tensor,      // a parameter or buffer: `text` is its path ("net.n_fc1_weight")
        Attribute,   // another module attribute ("training"), `numbers` when numeric
        List,        // a list built in forward: `items`
    };
    Kind kind = Kind::Value;
    std::string text;
    std::vector<double> numbers;
    std::vector<std::int64_t> shape;     // Tensor
    std::vector<TorchScriptArg> items;   // List
};

struct TorchScriptOp {
    std::string kind;                    // "aten::conv2d"
    std::vector<TorchScriptArg> inputs;
    std::vector<std::string> outputs;    // value names ("v_conv1.1"; "%12" when unnamed)
};

struct TorchScriptModule {
    std::string path;                    // "" for the root, "body.0" below it
    std::string type;                    // the class name ("Linear")
    std::int64_t parameters = 0;         // its own, submodules not counted
};

struct TorchScriptTensor {
    std::string path;                    // "body.0.weight"
    std::vector<std::int64_t> shape;
    bool parameter = true;               // false: a buffer
};

struct TorchScriptGraph {
    std::string typeName;                       // the root module's class ("FlightdeckGraph")
    std::vector<TorchScriptModule> modules;     // root first, depth first
    std::vector<TorchScriptTensor> tensors;     // parameters, then buffers
    std::vector<std::string> inputs;            // forward's inputs, self left out
    std::vector<TorchScriptOp> ops;             // forward's operations, in order
    std::vector<std::string> outputs;           // what forward returns
    std::int64_t parameters = 0;                // trainable values
    std::string note;                           // why there are no operations, if there are none

    // Throws Error: FileNotFound, or BadValue ("not a TorchScript file: ...") for anything
    // libtorch cannot load (a corrupt or truncated file, an eager pickle, a text file).
    static TorchScriptGraph read(const std::filesystem::path& file);
    static TorchScriptGraph fromBytes(const std::string& bytes);

    // The root class is one Model::build or Model::withOutputScale writes.
    bool builtByFlightdeck() const;
};

// "v_fc1 = aten::linear(x0, n_fc1_weight [16, 4], n_fc1_bias [16])": one line of a listing.
std::string opText(const TorchScriptOp& op);
// forward as such lines: "forward(x):", the operations indented, "return ...".
std::string forwardListing(const TorchScriptGraph& script);

// A Flightdeck module mapped back onto the layer set: the graph that builds the same network
// (node ids kept where the file names them; the Input's and the Output's are not stored), the
// input shape and the class count. What the file does not hold is assumed and said in `notes`:
// the Output's loss (cross-entropy, or MSE for a regression model). A Reshape straight after a
// flat Input is written as an image's Input is (the row reshaped), so it reads back as an Input
// of that shape: the same network.
struct RecoveredGraph {
    bool ok = false;
    GraphSpec graph;
    std::vector<std::int64_t> input;   // [F], [C, L] or [C, H, W]
    std::int64_t classes = 0;
    bool regression = false;
    std::string problem;               // why not, when !ok: the operation that has no layer
    std::vector<std::string> notes;
};
RecoveredGraph recoverGraph(const TorchScriptGraph& script);

}  // namespace flightdeck::model
