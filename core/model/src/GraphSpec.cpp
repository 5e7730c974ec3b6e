#include "flightdeck/model/GraphSpec.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/ObjectStore.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <functional>
#include <set>

namespace flightdeck::model {

namespace {

struct TypeInfo {
    NodeType type;
    const char* name;
    const char* label;
    int minInputs, maxInputs;
    std::vector<std::string> fields;
};

const std::vector<TypeInfo>& types()
{
    static const std::vector<TypeInfo> t = {
        {NodeType::Input, "input", "Input", 0, 0, {}},
        {NodeType::Linear, "linear", "Linear", 1, 1, {"units"}},
        {NodeType::Conv1d, "conv1d", "Conv1d", 1, 1, {"out_channels", "kernel", "stride", "padding"}},
        {NodeType::Conv2d, "conv2d", "Conv2d", 1, 1, {"out_channels", "kernel", "stride", "padding"}},
        {NodeType::MaxPool2d, "maxpool2d", "MaxPool2d", 1, 1, {"kernel", "stride", "padding"}},
        {NodeType::AvgPool2d, "avgpool2d", "AvgPool2d", 1, 1, {"kernel", "stride", "padding"}},
        {NodeType::AdaptiveAvgPool2d, "adaptiveavgpool2d", "AdaptiveAvgPool2d", 1, 1, {"output_size"}},
        {NodeType::BatchNorm1d, "batchnorm1d", "BatchNorm1d", 1, 1, {}},
        {NodeType::BatchNorm2d, "batchnorm2d", "BatchNorm2d", 1, 1, {}},
        {NodeType::LayerNorm, "layernorm", "LayerNorm", 1, 1, {}},
        {NodeType::Dropout, "dropout", "Dropout", 1, 1, {"p"}},
        {NodeType::ReLU, "relu", "ReLU", 1, 1, {}},
        {NodeType::LeakyReLU, "leakyrelu", "LeakyReLU", 1, 1, {"slope"}},
        {NodeType::GELU, "gelu", "GELU", 1, 1, {}},
        {NodeType::SiLU, "silu", "SiLU", 1, 1, {}},
        {NodeType::Sigmoid, "sigmoid", "Sigmoid", 1, 1, {}},
        {NodeType::Tanh, "tanh", "Tanh", 1, 1, {}},
        {NodeType::Softmax, "softmax", "Softmax", 1, 1, {"dim"}},
        {NodeType::Flatten, "flatten", "Flatten", 1, 1, {}},
        {NodeType::Reshape, "reshape", "Reshape", 1, 1, {"shape"}},
        {NodeType::Add, "add", "Add", 2, -1, {}},
        {NodeType::Concat, "concat", "Concat", 2, -1, {"dim"}},
        {NodeType::Embedding, "embedding", "Embedding", 1, 1, {"vocabulary", "embedding_dim"}},
        {NodeType::Output, "output", "Output", 1, 1, {"loss", "head"}},
    };
    return t;
}

const TypeInfo& info(NodeType type)
{
    for (const auto& t : types())
        if (t.type == type)
            return t;
    return types().front();
}

constexpr std::pair<LossType, const char*> kLosses[] = {
    {LossType::CrossEntropy, "cross_entropy"}, {LossType::BinaryCrossEntropy, "bce"},
    {LossType::MSE, "mse"}, {LossType::L1, "l1"}, {LossType::Huber, "huber"}};

[[noreturn]] void invalid(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, field, expected});
}

std::int64_t integer(const nlohmann::json& v, const std::string& path, std::int64_t lo,
                     std::int64_t hi)
{
    if (!v.is_number_integer())
        invalid(path, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi));
    const auto x = v.get<std::int64_t>();
    if (x < lo || x > hi)
        invalid(path, "a whole number from " + std::to_string(lo) + " to " + std::to_string(hi)
                          + ", got " + std::to_string(x));
    return x;
}

constexpr std::int64_t kMaxWidth = std::int64_t(1) << 24;

void readField(NodeSpec& n, const std::string& key, const nlohmann::json& v, const std::string& path)
{
    if (key == "units") n.units = integer(v, path, 1, kMaxWidth);
    else if (key == "out_channels") n.outChannels = integer(v, path, 1, 1 << 16);
    else if (key == "kernel") n.kernel = integer(v, path, 1, 1024);
    else if (key == "stride") n.stride = integer(v, path, 0, 1024);
    else if (key == "padding") n.padding = integer(v, path, 0, 1024);
    else if (key == "output_size") n.outputSize = integer(v, path, 1, 4096);
    else if (key == "dim") n.dim = integer(v, path, 0, 3);
    else if (key == "vocabulary") n.vocabulary = integer(v, path, 1, kMaxWidth);
    else if (key == "embedding_dim") n.embeddingDim = integer(v, path, 1, 1 << 16);
    else if (key == "p") {
        if (!v.is_number() || !(v.get<double>() >= 0 && v.get<double>() < 1))
            invalid(path, "a probability in [0, 1)");
        n.p = v.get<double>();
    } else if (key == "slope") {
        if (!v.is_number() || !std::isfinite(v.get<double>()) || v.get<double>() < 0)
            invalid(path, "a finite slope >= 0");
        n.slope = v.get<double>();
    } else if (key == "head") {
        if (!v.is_boolean())
            invalid(path, "true or false");
        n.head = v.get<bool>();
    } else if (key == "loss") {
        if (!v.is_string() || !parseLoss(v.get<std::string>(), &n.loss))
            invalid(path, "cross_entropy, bce, mse, l1 or huber");
    } else if (key == "shape") {
        if (!v.is_array() || v.empty() || v.size() > 4)
            invalid(path, "1 to 4 sizes such as [16, 7, 7] (one may be -1)");
        n.shape.clear();
        int inferred = 0;
        for (std::size_t i = 0; i < v.size(); ++i) {
            const auto x = integer(v[i], path + "[" + std::to_string(i) + "]", -1, kMaxWidth);
            if (x == 0)
                invalid(path + "[" + std::to_string(i) + "]", "a size >= 1 or -1");
            inferred += x == -1 ? 1 : 0;
            n.shape.push_back(x);
        }
        if (inferred > 1)
            invalid(path, "at most one -1");
    }
}

bool validId(const std::string& id)
{
    if (id.empty() || id.size() > 64)
        return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    });
}

NodeSpec parseNode(const nlohmann::json& j, const std::string& path)
{
    if (!j.is_object())
        invalid(path, "an object like {\"id\": \"fc1\", \"type\": \"linear\", \"units\": 64}");
    NodeSpec n;
    const auto type = j.find("type");
    if (type == j.end() || !type->is_string() || !parseNodeType(type->get<std::string>(), &n.type)) {
        std::string names;
        for (const auto& t : types())
            names += (names.empty() ? "" : ", ") + std::string(t.name);
        invalid(path + ".type", "one of " + names
                                    + (type != j.end() && type->is_string()
                                           ? ", not \"" + type->get<std::string>() + "\""
                                           : std::string()));
    }
    const auto id = j.find("id");
    if (id == j.end() || !id->is_string() || !validId(id->get<std::string>()))
        invalid(path + ".id", "an id of 1 to 64 letters, digits or _");
    n.id = id->get<std::string>();
    if (n.type == NodeType::Conv1d || n.type == NodeType::Conv2d)
        n.stride = 1;
    const auto& fields = info(n.type).fields;
    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const std::string at = path + "." + key;
        if (key == "id" || key == "type")
            continue;
        if (key == "inputs") {
            if (!it->is_array())
                invalid(at, "a list of node ids");
            for (std::size_t i = 0; i < it->size(); ++i) {
                if (!(*it)[i].is_string())
                    invalid(at + "[" + std::to_string(i) + "]", "a node id");
                n.inputs.push_back((*it)[i].get<std::string>());
            }
            continue;
        }
        if (std::find(fields.begin(), fields.end(), key) == fields.end())
            invalid(at, std::string("no \"") + key + "\" field on a " + info(n.type).name + " node");
        readField(n, key, *it, at);
    }
    auto require = [&](std::int64_t value, const char* field) {
        if (value <= 0)
            invalid(path + "." + field, "a value (required for " + std::string(info(n.type).name) + ")");
    };
    switch (n.type) {
    case NodeType::Linear: require(n.units, "units"); break;
    case NodeType::Conv1d:
    case NodeType::Conv2d: require(n.outChannels, "out_channels"); require(n.kernel, "kernel"); break;
    case NodeType::MaxPool2d:
    case NodeType::AvgPool2d: require(n.kernel, "kernel"); break;
    case NodeType::Reshape:
        if (n.shape.empty())
            invalid(path + ".shape", "the target shape (required for reshape)");
        break;
    case NodeType::Embedding:
        require(n.vocabulary, "vocabulary");
        require(n.embeddingDim, "embedding_dim");
        break;
    default: break;
    }
    return n;
}

nlohmann::json nodeJson(const NodeSpec& n)
{
    nlohmann::json j;
    j["id"] = n.id;
    j["type"] = nodeTypeName(n.type);
    if (n.type != NodeType::Input)
        j["inputs"] = n.inputs;
    for (const auto& f : info(n.type).fields) {
        if (f == "units") j[f] = n.units;
        else if (f == "out_channels") j[f] = n.outChannels;
        else if (f == "kernel") j[f] = n.kernel;
        else if (f == "stride") j[f] = n.stride;
        else if (f == "padding") j[f] = n.padding;
        else if (f == "output_size") j[f] = n.outputSize;
        else if (f == "dim") j[f] = n.dim;
        else if (f == "vocabulary") j[f] = n.vocabulary;
        else if (f == "embedding_dim") j[f] = n.embeddingDim;
        else if (f == "p") j[f] = n.p;
        else if (f == "slope") j[f] = n.slope;
        else if (f == "head") j[f] = n.head;
        else if (f == "loss") j[f] = lossName(n.loss);
        else if (f == "shape") j[f] = n.shape;
    }
    return j;
}

}  // namespace

const char* nodeTypeName(NodeType type) { return info(type).name; }
const char* nodeTypeLabel(NodeType type) { return info(type).label; }

bool parseNodeType(const std::string& name, NodeType* out)
{
    for (const auto& t : types())
        if (name == t.name) {
            *out = t.type;
            return true;
        }
    return false;
}

const std::vector<NodeType>& allNodeTypes()
{
    static const std::vector<NodeType> all = [] {
        std::vector<NodeType> v;
        for (const auto& t : types())
            v.push_back(t.type);
        return v;
    }();
    return all;
}

const char* lossName(LossType loss)
{
    for (const auto& [l, name] : kLosses)
        if (l == loss)
            return name;
    return "cross_entropy";
}

bool parseLoss(const std::string& name, LossType* out)
{
    for (const auto& [l, n] : kLosses)
        if (name == n) {
            *out = l;
            return true;
        }
    return false;
}

std::pair<int, int> inputArity(NodeType type)
{
    return {info(type).minInputs, info(type).maxInputs};
}

std::vector<std::string> fieldsOf(NodeType type) { return info(type).fields; }

NodeSpec defaultNode(NodeType type)
{
    NodeSpec node;
    node.type = type;
    switch (type) {
    case NodeType::Linear: node.units = 64; break;
    case NodeType::Conv1d:
    case NodeType::Conv2d:
        node.outChannels = 32;
        node.kernel = 3;
        node.stride = 1;
        node.padding = 1;
        break;
    case NodeType::MaxPool2d:
    case NodeType::AvgPool2d: node.kernel = 2; break;
    case NodeType::Dropout: node.p = 0.5; break;
    case NodeType::Softmax:
    case NodeType::Concat: node.dim = 0; break;
    case NodeType::Reshape: node.shape = {-1}; break;
    case NodeType::Embedding:
        node.vocabulary = 10000;
        node.embeddingDim = 64;
        break;
    default: break;
    }
    return node;
}

GraphSpec GraphSpec::fromJson(const std::string& text)
{
    const nlohmann::json j = parseJson(text, "architecture spec");
    if (!j.is_object())
        invalid("", "a JSON object with \"version\" and \"nodes\"");
    const auto version = j.find("version");
    if (version == j.end() || (version->is_number_integer() && version->get<int>() == 1))
        return graphFromStack(ArchitectureSpec::fromJson(text));
    if (!version->is_number_integer() || version->get<std::int64_t>() < 1)
        invalid("version", "1 or 2");
    if (version->get<std::int64_t>() > 2)
        throw Error(ErrorInfo{ErrorCode::NewerSchema, {}, 0, "version",
                              "architecture spec version " + std::to_string(version->get<std::int64_t>())
                                  + ", this build understands 2"});
    GraphSpec g;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it.key() != "version" && it.key() != "name" && it.key() != "nodes" && it.key() != "layout")
            invalid(it.key(), "no \"" + it.key() + "\" key in a version 2 spec");
    if (j.contains("name")) {
        if (!j["name"].is_string() || j["name"].get<std::string>().empty())
            invalid("name", "a non-empty string");
        g.name = j["name"].get<std::string>();
    }
    const auto nodes = j.find("nodes");
    if (nodes == j.end() || !nodes->is_array())
        invalid("nodes", "a list of nodes");
    if (nodes->size() > static_cast<std::size_t>(kMaxLayers))
        invalid("nodes", "at most " + std::to_string(kMaxLayers) + " nodes, got "
                             + std::to_string(nodes->size()));
    std::set<std::string> ids;
    for (std::size_t i = 0; i < nodes->size(); ++i) {
        const std::string path = "nodes[" + std::to_string(i) + "]";
        NodeSpec n = parseNode((*nodes)[i], path);
        if (!ids.insert(n.id).second)
            invalid(path + ".id", "an id no other node has (\"" + n.id + "\" is taken)");
        g.nodes.push_back(std::move(n));
    }
    if (j.contains("layout")) {
        const auto& layout = j["layout"];
        if (!layout.is_object())
            invalid("layout", "an object of node id -> [x, y]");
        for (auto it = layout.begin(); it != layout.end(); ++it) {
            if (!it->is_array() || it->size() != 2 || !(*it)[0].is_number() || !(*it)[1].is_number())
                invalid("layout." + it.key(), "[x, y]");
            if (ids.count(it.key()))
                g.layout[it.key()] = {(*it)[0].get<double>(), (*it)[1].get<double>()};
        }
    }
    return g;
}

std::string GraphSpec::toJson(bool withLayout) const
{
    nlohmann::json j;
    j["version"] = 2;
    j["name"] = name;
    j["nodes"] = nlohmann::json::array();
    for (const auto& n : nodes)
        j["nodes"].push_back(nodeJson(n));
    if (withLayout && !layout.empty()) {
        nlohmann::json l = nlohmann::json::object();
        for (const auto& [id, xy] : layout)
            if (node(id))
                l[id] = {std::round(xy.first * 10) / 10, std::round(xy.second * 10) / 10};
        j["layout"] = l;
    }
    return j.dump();
}

std::string GraphSpec::hash() const { return store::sha256Hex(toJson(false)); }

const NodeSpec* GraphSpec::node(const std::string& id) const
{
    for (const auto& n : nodes)
        if (n.id == id)
            return &n;
    return nullptr;
}

NodeSpec* GraphSpec::node(const std::string& id)
{
    return const_cast<NodeSpec*>(static_cast<const GraphSpec*>(this)->node(id));
}

std::string GraphSpec::freshId(NodeType type) const
{
    for (int i = 1;; ++i) {
        const std::string id = std::string(nodeTypeName(type)) + "_" + std::to_string(i);
        if (!node(id))
            return id;
    }
}

}  // namespace flightdeck::model
