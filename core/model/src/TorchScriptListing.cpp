// The torch-free side of TorchScriptGraph: which modules are Flightdeck's, and the listing of
// forward's operations the model viewer shows ("v_fc1 = aten::linear(x0, ...)").
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/TorchScriptGraph.h"

#include "TorchScriptNames.h"

#include <algorithm>
#include <iterator>

namespace flightdeck::model {

using detail::baseName;

namespace {

using Kind = TorchScriptArg::Kind;

// The root classes Model::build and Model::withOutputScale write.
const char* const kRoots[] = {"FlightdeckGraph", "FlightdeckClassifier", "FlightdeckRegressor"};

std::string argText(const TorchScriptArg& a)
{
    switch (a.kind) {
    case Kind::Value: return baseName(a.text);
    case Kind::Tensor: return a.text + " " + shapeText(a.shape);
    case Kind::List: {
        std::string s = "[";
        for (std::size_t i = 0; i < a.items.size(); ++i)
            s += (i ? ", " : "") + argText(a.items[i]);
        return s + "]";
    }
    case Kind::Attribute: return "self." + a.text;
    case Kind::Constant: break;
    }
    return a.text;
}

}  // namespace

bool TorchScriptGraph::builtByFlightdeck() const
{
    return std::find(std::begin(kRoots), std::end(kRoots), typeName) != std::end(kRoots);
}

std::string opText(const TorchScriptOp& op)
{
    std::string s;
    for (std::size_t i = 0; i < op.outputs.size(); ++i)
        s += (i ? ", " : "") + baseName(op.outputs[i]);
    if (!s.empty())
        s += " = ";
    s += op.kind + "(";
    for (std::size_t i = 0; i < op.inputs.size(); ++i)
        s += (i ? ", " : "") + argText(op.inputs[i]);
    return s + ")";
}

std::string forwardListing(const TorchScriptGraph& script)
{
    std::string s = "forward(";
    for (std::size_t i = 0; i < script.inputs.size(); ++i)
        s += (i ? ", " : "") + baseName(script.inputs[i]);
    s += "):\n";
    for (const auto& op : script.ops)
        s += "    " + opText(op) + "\n";
    s += "    return ";
    for (std::size_t i = 0; i < script.outputs.size(); ++i)
        s += (i ? ", " : "") + baseName(script.outputs[i]);
    return s + "\n";
}

}  // namespace flightdeck::model
