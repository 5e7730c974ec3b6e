// TorchScriptGraph::read: loads the file with libtorch and copies out, torch-free, the module
// tree, the tensors' shapes and forward's graph with submodule calls inlined. Constants,
// attribute reads and built lists become arguments of the operations that use them, so a
// listing reads like code and recoverGraph (TorchScriptLayers.cpp) sees sizes, not Values.
#include "flightdeck/model/TorchScriptGraph.h"

#include "flightdeck/common/Error.h"

#include <torch/csrc/jit/ir/constants.h>
#include <torch/csrc/jit/passes/inliner.h>
#include <torch/script.h>

#include <exception>
#include <sstream>
#include <unordered_map>

namespace flightdeck::model {

namespace {

std::string valueName(const torch::jit::Value* v)
{
    return v->hasDebugName() ? v->debugName() : "%" + std::to_string(v->unique());
}

std::string className(const c10::ClassTypePtr& type)
{
    if (!type || !type->name())
        return "?";
    return type->name()->name();
}

TorchScriptArg constantArg(const c10::IValue& value)
{
    TorchScriptArg arg;
    arg.kind = TorchScriptArg::Kind::Constant;
    if (value.isTensor()) {
        arg.kind = TorchScriptArg::Kind::Tensor;
        arg.text = "constant";
        const auto sizes = value.toTensor().sizes();
        arg.shape.assign(sizes.begin(), sizes.end());
        return arg;
    }
    if (value.isInt())
        arg.numbers = {static_cast<double>(value.toInt())};
    else if (value.isDouble())
        arg.numbers = {value.toDouble()};
    else if (value.isBool())
        arg.numbers = {value.toBool() ? 1.0 : 0.0};
    else if (value.isIntList())
        for (auto x : value.toIntVector())
            arg.numbers.push_back(static_cast<double>(x));
    else if (value.isDoubleList())
        for (auto x : value.toDoubleVector())
            arg.numbers.push_back(x);
    std::ostringstream text;
    text << value;
    arg.text = text.str();
    return arg;
}

class GraphReader {
public:
    explicit GraphReader(const torch::jit::Module& module) : module_(module) {}

    void read(TorchScriptGraph& out)
    {
        const auto forward = module_.find_method("forward");
        if (!forward) {
            out.note = "the module has no forward method";
            return;
        }
        auto graph = forward->graph()->copy();
        torch::jit::Inline(*graph);
        const auto inputs = graph->inputs();
        for (std::size_t i = 0; i < inputs.size(); ++i) {
            if (i == 0 && inputs[i]->type()->cast<c10::ClassType>()) {
                objects_[inputs[i]] = {"", module_._ivalue()};   // self
                continue;
            }
            out.inputs.push_back(valueName(inputs[i]));
        }
        for (torch::jit::Node* node : graph->nodes())
            visit(node, out);
        for (const torch::jit::Value* v : graph->outputs())
            out.outputs.push_back(argOf(v).text);
    }

private:
    struct Object {
        std::string path;
        c10::IValue value;
    };

    void visit(torch::jit::Node* node, TorchScriptGraph& out)
    {
        const auto kind = node->kind();
        if (kind == c10::prim::Constant && node->outputs().size() == 1) {
            if (auto value = torch::jit::toIValue(node->output()))
                args_[node->output()] = constantArg(*value);
            return;
        }
        if (kind == c10::prim::GetAttr) {
            const auto parent = objects_.find(node->input(0));
            if (parent != objects_.end() && parent->second.value.isObject()) {
                const std::string name = node->s(c10::attr::name);
                const std::string path = parent->second.path.empty() ? name : parent->second.path + "." + name;
                const auto object = parent->second.value.toObject();
                const c10::IValue value = object->getAttr(name);
                if (value.isObject()) {
                    objects_[node->output()] = {path, value};
                    return;
                }
                TorchScriptArg arg;
                arg.text = path;
                if (value.isTensor()) {
                    arg.kind = TorchScriptArg::Kind::Tensor;
                    const auto sizes = value.toTensor().sizes();
                    arg.shape.assign(sizes.begin(), sizes.end());
                } else {
                    arg.kind = TorchScriptArg::Kind::Attribute;
                    if (value.isBool() || value.isInt() || value.isDouble())
                        arg.numbers = constantArg(value).numbers;
                }
                args_[node->output()] = arg;
                return;
            }
        }
        if (kind == c10::prim::ListConstruct && node->outputs().size() == 1) {
            TorchScriptArg list;
            list.kind = TorchScriptArg::Kind::List;
            for (const torch::jit::Value* item : node->inputs())
                list.items.push_back(argOf(item));
            args_[node->output()] = list;
            return;
        }
        TorchScriptOp op;
        op.kind = kind.toQualString();
        for (const torch::jit::Value* input : node->inputs())
            op.inputs.push_back(argOf(input));
        for (const torch::jit::Value* output : node->outputs())
            op.outputs.push_back(valueName(output));
        out.ops.push_back(std::move(op));
    }

    TorchScriptArg argOf(const torch::jit::Value* v) const
    {
        if (const auto it = args_.find(v); it != args_.end())
            return it->second;
        if (const auto it = objects_.find(v); it != objects_.end()) {
            TorchScriptArg arg;
            arg.kind = TorchScriptArg::Kind::Attribute;
            arg.text = it->second.path.empty() ? "self" : it->second.path;
            return arg;
        }
        TorchScriptArg arg;
        arg.text = valueName(v);
        return arg;
    }

    const torch::jit::Module& module_;
    std::unordered_map<const torch::jit::Value*, TorchScriptArg> args_;
    std::unordered_map<const torch::jit::Value*, Object> objects_;
};

TorchScriptGraph describe(const torch::jit::Module& module)
{
    TorchScriptGraph out;
    out.typeName = className(module.type());
    for (const auto& item : module.named_modules()) {
        TorchScriptModule entry;
        entry.path = item.name;
        entry.type = className(item.value.type());
        for (const auto& p : item.value.parameters(/*recurse=*/false))
            entry.parameters += p.numel();
        out.modules.push_back(std::move(entry));
    }
    for (const auto& p : module.named_parameters(/*recurse=*/true)) {
        const auto sizes = p.value.sizes();
        out.tensors.push_back({p.name, {sizes.begin(), sizes.end()}, true});
        out.parameters += p.value.numel();
    }
    for (const auto& b : module.named_buffers(/*recurse=*/true)) {
        const auto sizes = b.value.sizes();
        out.tensors.push_back({b.name, {sizes.begin(), sizes.end()}, false});
    }
    GraphReader(module).read(out);
    return out;
}

[[noreturn]] void notTorchScript(const std::string& file, const std::string& why)
{
    throw Error(ErrorInfo{ErrorCode::BadValue, file, 0, {}, "not a TorchScript file: " + why});
}

// c10's messages carry a C++ backtrace after the first line; the first line is the reason.
std::string firstLine(const std::string& text)
{
    const auto end = text.find('\n');
    return end == std::string::npos ? text : text.substr(0, end);
}

}  // namespace

TorchScriptGraph TorchScriptGraph::read(const std::filesystem::path& file)
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec))
        throw Error(ErrorInfo{ErrorCode::FileNotFound, file.string(), 0, {}, {}});
    try {
        const torch::jit::Module module = torch::jit::load(file.string(), torch::kCPU);
        return describe(module);
    } catch (const c10::Error& e) {
        notTorchScript(file.string(), firstLine(e.what_without_backtrace()));
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        notTorchScript(file.string(), firstLine(e.what()));
    }
}

TorchScriptGraph TorchScriptGraph::fromBytes(const std::string& bytes)
{
    try {
        std::istringstream in(bytes);
        const torch::jit::Module module = torch::jit::load(in, torch::kCPU);
        return describe(module);
    } catch (const c10::Error& e) {
        notTorchScript({}, firstLine(e.what_without_backtrace()));
    } catch (const std::exception& e) {
        notTorchScript({}, firstLine(e.what()));
    }
}

}  // namespace flightdeck::model
