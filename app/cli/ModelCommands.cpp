#include "ModelCommands.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/common/Json.h"
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/model/GraphTemplates.h"

#include <CLI/CLI.hpp>

#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace flightdeck::cli {

namespace {

struct ModelArgs {
    std::string spec, templateName, inputShape = "784";
    std::int64_t classes = 10;
};

model::GraphSpec loadGraph(const ModelArgs& a)
{
    if (!a.templateName.empty())
        return model::graphTemplate(a.templateName);
    if (a.spec.empty())
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "spec",
                              "a spec file or --template NAME"});
    return model::GraphSpec::fromJson(readJsonFile(a.spec).dump());
}

std::vector<std::int64_t> parseShape(const std::string& text)
{
    std::vector<std::int64_t> shape;
    std::stringstream in(text);
    std::string part;
    while (std::getline(in, part, ',')) {
        try {
            std::size_t used = 0;
            const long long v = std::stoll(part, &used);
            if (used != part.size() || v < 1 || v > (1 << 24))
                throw std::invalid_argument(part);
            shape.push_back(v);
        } catch (const std::exception&) {
            throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--input-shape",
                                  "sizes such as 784 or 1,28,28, got \"" + text + "\""});
        }
    }
    // getline drops a trailing empty field: "4," would read as "4".
    if (shape.empty() || shape.size() > 3 || text.back() == ',')
        throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "--input-shape",
                              "1 to 3 sizes such as 784 or 1,28,28, got \"" + text + "\""});
    return shape;
}

std::string human(std::int64_t v)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(2);
    if (v >= 1000000000) s << double(v) / 1e9 << " G";
    else if (v >= 1000000) s << double(v) / 1e6 << " M";
    else if (v >= 1000) s << double(v) / 1e3 << " k";
    else return std::to_string(v);
    return s.str();
}

int summary(const ModelArgs& a, bool validateOnly)
{
    const model::GraphSpec g = loadGraph(a);
    const auto input = parseShape(a.inputShape);
    const model::GraphShapes shapes = model::inferGraph(g, input, a.classes);
    if (!validateOnly) {
        std::cout << g.name << " on input " << model::shapeText(input) << ", " << a.classes
                  << " classes\n";
        std::cout << std::left << std::setw(22) << "node" << std::setw(20) << "type"
                  << std::setw(20) << "output" << std::right << std::setw(14) << "parameters"
                  << std::setw(12) << "FLOPs" << "\n";
        for (const auto& id : model::topologicalOrder(g)) {
            const auto& n = *g.node(id);
            const auto& s = shapes.nodes.at(id);
            std::cout << std::left << std::setw(22) << id << std::setw(20) << model::nodeTypeLabel(n.type)
                      << std::setw(20) << (s.output.empty() ? "-" : model::shapeText(s.output))
                      << std::right << std::setw(14) << s.parameters << std::setw(12) << human(s.flops)
                      << "\n";
        }
        std::cout << "total: " << shapes.parameters << " parameters, " << human(shapes.flops)
                  << "FLOPs and " << human(shapes.activationBytes) << "B of activations per sample\n";
    }
    for (const auto& p : shapes.problems)
        std::cerr << "error: " << (p.node.empty() ? std::string("graph") : "node \"" + p.node + "\"")
                  << (p.port >= 0 ? " input " + std::to_string(p.port) : std::string()) << ": "
                  << p.message << "\n";
    if (validateOnly && shapes.ok())
        std::cout << g.name << ": valid for input " << model::shapeText(input) << " ("
                  << shapes.parameters << " parameters)\n";
    return shapes.ok() ? 0 : 1;
}

}  // namespace

void registerModelCommands(CLI::App& app)
{
    auto a = std::make_shared<ModelArgs>();
    auto* model = app.add_subcommand("model", "Architecture specs: summary and validation");
    model->require_subcommand(1);
    for (const bool validate : {false, true}) {
        auto* cmd = model->add_subcommand(validate ? "validate" : "summary",
                                          validate ? "Print what is wrong with a spec (exit 1)"
                                                   : "Per-layer output shape, parameters, FLOPs");
        cmd->add_option("spec", a->spec, "Spec file (JSON, version 1 or 2)");
        cmd->add_option("--template", a->templateName,
                        "A built-in graph: logistic_regression, mlp, lenet5, fashion_cnn, "
                        "resnet_block, text_classifier");
        cmd->add_option("--input-shape", a->inputShape, "784 for a table, 1,28,28 for images");
        cmd->add_option("--classes", a->classes)->check(CLI::Range(std::int64_t(2), std::int64_t(1) << 24));
        cmd->callback([a, validate] {
            const int rc = summary(*a, validate);
            if (rc != 0)
                throw CLI::RuntimeError(rc);
        });
    }
}

}  // namespace flightdeck::cli
