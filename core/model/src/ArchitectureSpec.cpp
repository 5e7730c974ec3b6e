#include "flightdeck/model/ArchitectureSpec.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/store/ObjectStore.h"

#include <cmath>
#include <cstdio>

#include <nlohmann/json.hpp>

namespace flightdeck::model {

namespace {

struct LayerTypeName {
    LayerType type;
    const char* name;    // spec spelling
    const char* label;   // display spelling
};

constexpr LayerTypeName kLayerTypes[] = {
    {LayerType::Linear, "linear", "Linear"},   {LayerType::ReLU, "relu", "ReLU"},
    {LayerType::Tanh, "tanh", "Tanh"},         {LayerType::Sigmoid, "sigmoid", "Sigmoid"},
    {LayerType::GELU, "gelu", "GELU"},         {LayerType::Dropout, "dropout", "Dropout"},
};

[[noreturn]] void invalid(const std::string& field, const std::string& expected)
{
    throw Error(ErrorInfo{ErrorCode::InvalidSpec, {}, 0, field, expected});
}

std::string knownTypes()
{
    std::string out;
    for (const auto& t : kLayerTypes) {
        if (!out.empty())
            out += ", ";
        out += t.name;
    }
    return out;
}

const char* displayLabel(LayerType type)
{
    for (const auto& t : kLayerTypes)
        if (t.type == type)
            return t.label;
    return "?";
}

std::string formatP(double p)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", p);
    return buf;
}

LayerSpec parseLayer(const nlohmann::json& j, const std::string& path)
{
    if (!j.is_object())
        invalid(path, "an object like {\"type\": \"linear\", \"units\": 64}");
    const auto typeIt = j.find("type");
    if (typeIt == j.end())
        invalid(path + ".type", "a layer type (" + knownTypes() + ")");
    if (!typeIt->is_string())
        invalid(path + ".type", "a string naming the layer type (" + knownTypes() + ")");
    LayerSpec layer;
    if (!parseLayerType(typeIt->get<std::string>(), &layer.type))
        invalid(path + ".type", "one of " + knownTypes() + ", not \"" +
                                    typeIt->get<std::string>() + "\"");

    for (auto it = j.begin(); it != j.end(); ++it) {
        const std::string& key = it.key();
        const bool allowed = key == "type" || (key == "units" && layer.type == LayerType::Linear) ||
                             (key == "p" && layer.type == LayerType::Dropout);
        if (!allowed)
            invalid(path + "." + key, std::string("no \"") + key + "\" key on a " +
                                          layerTypeName(layer.type) + " layer");
    }

    if (layer.type == LayerType::Linear) {
        const auto units = j.find("units");
        if (units == j.end())
            invalid(path + ".units", "an integer >= 1 (the layer's output width)");
        if (!units->is_number_integer() || units->get<std::int64_t>() < 1)
            invalid(path + ".units", "an integer >= 1, got " + units->dump());
        if (units->get<std::int64_t>() > (std::int64_t(1) << 24))
            invalid(path + ".units", "at most 16777216 units, got " + units->dump());
        layer.units = units->get<std::int64_t>();
    } else if (layer.type == LayerType::Dropout) {
        const auto p = j.find("p");
        if (p == j.end())
            invalid(path + ".p", "a drop probability in [0, 1)");
        if (!p->is_number() || !std::isfinite(p->get<double>()) || p->get<double>() < 0.0 ||
            p->get<double>() >= 1.0)
            invalid(path + ".p", "a number in [0, 1), got " + p->dump());
        layer.p = p->get<double>();
    }
    return layer;
}

}  // namespace

const char* layerTypeName(LayerType type)
{
    for (const auto& t : kLayerTypes)
        if (t.type == type)
            return t.name;
    return "unknown";
}

bool parseLayerType(const std::string& name, LayerType* out)
{
    for (const auto& t : kLayerTypes) {
        if (name == t.name) {
            if (out)
                *out = t.type;
            return true;
        }
    }
    return false;
}

ArchitectureSpec ArchitectureSpec::fromJson(const std::string& json)
{
    nlohmann::json doc;
    try {
        doc = parseJson(json);
    } catch (const Error& e) {
        invalid({}, "valid JSON (" + e.info().detail + ")");
    }
    if (!doc.is_object())
        invalid({}, "a JSON object with a \"layers\" array");

    ArchitectureSpec spec;
    if (const auto name = doc.find("name"); name != doc.end()) {
        if (!name->is_string())
            invalid("name", "a string");
        spec.name = name->get<std::string>();
    }
    if (const auto version = doc.find("version"); version != doc.end()) {
        if (!version->is_number_integer() || version->get<std::int64_t>() != 1)
            invalid("version", "1 (a layer stack; this build reads no other version)");
    }
    const auto layers = doc.find("layers");
    if (layers == doc.end())
        invalid("layers", "an array of layers");
    if (!layers->is_array())
        invalid("layers", "an array of layers, got " + std::string(layers->type_name()));
    if (layers->size() > static_cast<std::size_t>(kMaxLayers))
        invalid("layers", "at most " + std::to_string(kMaxLayers) + " layers, got " +
                              std::to_string(layers->size()));
    for (std::size_t i = 0; i < layers->size(); ++i)
        spec.layers.push_back(parseLayer((*layers)[i], "layers[" + std::to_string(i) + "]"));
    return spec;
}

std::string ArchitectureSpec::toJson() const
{
    // nlohmann's object is a std::map: keys come out sorted, so the bytes are canonical.
    nlohmann::json layersJson = nlohmann::json::array();
    for (const auto& layer : layers) {
        nlohmann::json l;
        l["type"] = layerTypeName(layer.type);
        if (layer.type == LayerType::Linear)
            l["units"] = layer.units;
        if (layer.type == LayerType::Dropout)
            l["p"] = layer.p;
        layersJson.push_back(std::move(l));
    }
    nlohmann::json doc;
    doc["name"] = name;
    doc["layers"] = std::move(layersJson);
    return doc.dump();
}

std::string ArchitectureSpec::hash() const
{
    return store::sha256Hex(toJson());
}

std::vector<LayerShape> inferShapes(const ArchitectureSpec& spec, std::int64_t inputs,
                                    std::int64_t classes)
{
    if (inputs < 1)
        invalid("inputs", "at least 1 input feature, got " + std::to_string(inputs));
    // One output is a regression value; a classifier needs two classes at least (the data
    // side refuses a one-class classification before it gets here).
    if (classes < 1)
        invalid("classes", "at least 1 output, got " + std::to_string(classes));

    std::vector<LayerShape> shapes;
    std::int64_t width = inputs;
    for (std::size_t i = 0; i < spec.layers.size(); ++i) {
        const LayerSpec& layer = spec.layers[i];
        LayerShape shape;
        switch (layer.type) {
        case LayerType::Linear:
            if (layer.units < 1)
                invalid("layers[" + std::to_string(i) + "].units", "an integer >= 1");
            shape.label = "Linear " + std::to_string(width) + "\u2192" + std::to_string(layer.units);
            shape.parameters = width * layer.units + layer.units;
            width = layer.units;
            break;
        case LayerType::Dropout:
            shape.label = "Dropout(p=" + formatP(layer.p) + ")";
            break;
        default:
            shape.label = displayLabel(layer.type);
            break;
        }
        shape.outputShape = {width};
        shapes.push_back(std::move(shape));
    }
    LayerShape head;
    head.head = true;
    head.parameters = width * classes + classes;
    shapes.push_back(head);
    // A model that cannot be held in memory is refused here, with its size, rather than by an
    // allocation failure halfway through building it.
    if (parameterCount(shapes) > kMaxParameters)
        invalid("layers", "at most " + std::to_string(kMaxParameters) + " parameters (" +
                              std::to_string(kMaxParameters * 4 / (1 << 30)) +
                              " GiB of float32), this network has " +
                              std::to_string(parameterCount(shapes)));
    shapes.pop_back();
    head.label = "Linear " + std::to_string(width) + "\u2192" + std::to_string(classes);
    head.parameters = width * classes + classes;
    head.outputShape = {classes};
    shapes.push_back(std::move(head));
    return shapes;
}

std::int64_t parameterCount(const std::vector<LayerShape>& shapes)
{
    std::int64_t total = 0;
    for (const auto& s : shapes)
        total += s.parameters;
    return total;
}

ArchitectureSpec defaultMlp()
{
    ArchitectureSpec spec;
    spec.name = "mlp";
    spec.layers = {{LayerType::Linear, 64, 0.0}, {LayerType::ReLU, 0, 0.0},
                   {LayerType::Linear, 32, 0.0}, {LayerType::ReLU, 0, 0.0}};
    return spec;
}

}  // namespace flightdeck::model
