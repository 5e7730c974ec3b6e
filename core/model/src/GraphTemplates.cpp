#include "flightdeck/model/GraphTemplates.h"

#include "flightdeck/common/Error.h"

#include <functional>

namespace flightdeck::model {

namespace {

// Builds a graph top to bottom; `add` chains from the last node unless told otherwise.
class Builder {
public:
    explicit Builder(const std::string& name)
    {
        g_.name = name;
        NodeSpec in;
        in.id = "input";
        in.type = NodeType::Input;
        place(in, 0);
        last_ = "input";
    }

    std::string add(NodeType type, const std::function<void(NodeSpec&)>& set = {},
                    std::vector<std::string> inputs = {}, double x = 0)
    {
        NodeSpec n = defaultNode(type);
        n.id = g_.freshId(type);
        n.inputs = inputs.empty() ? std::vector<std::string>{last_} : std::move(inputs);
        if (set)
            set(n);
        place(n, x);
        last_ = n.id;
        return last_;
    }

    GraphSpec done()
    {
        add(NodeType::Output);
        return g_;
    }
    const std::string& last() const { return last_; }

private:
    void place(const NodeSpec& n, double x)
    {
        // Room for the editor's node boxes (about 164 x 66).
        g_.layout[n.id] = {x, 120.0 * double(g_.nodes.size())};
        g_.nodes.push_back(n);
    }
    GraphSpec g_;
    std::string last_;
};

auto units(std::int64_t u) { return [u](NodeSpec& n) { n.units = u; }; }
auto conv(std::int64_t out, std::int64_t k, std::int64_t pad)
{
    return [=](NodeSpec& n) { n.outChannels = out; n.kernel = k; n.padding = pad; };
}
auto pool(std::int64_t k) { return [k](NodeSpec& n) { n.kernel = k; }; }

}  // namespace

std::vector<GraphSpec> graphTemplates()
{
    std::vector<GraphSpec> out;
    {
        Builder b("logistic_regression");
        b.add(NodeType::Flatten);
        out.push_back(b.done());
    }
    {
        Builder b("mlp");
        b.add(NodeType::Flatten);
        b.add(NodeType::Linear, units(256));
        b.add(NodeType::ReLU);
        b.add(NodeType::Linear, units(128));
        b.add(NodeType::ReLU);
        out.push_back(b.done());
    }
    {
        Builder b("lenet5");
        b.add(NodeType::Conv2d, conv(6, 5, 2));
        b.add(NodeType::Tanh);
        b.add(NodeType::AvgPool2d, pool(2));
        b.add(NodeType::Conv2d, conv(16, 5, 0));
        b.add(NodeType::Tanh);
        b.add(NodeType::AvgPool2d, pool(2));
        b.add(NodeType::Flatten);
        b.add(NodeType::Linear, units(120));
        b.add(NodeType::Tanh);
        b.add(NodeType::Linear, units(84));
        b.add(NodeType::Tanh);
        out.push_back(b.done());
    }
    {
        // Zalando's benchmark table: "2 Conv+pooling", 0.916 on Fashion-MNIST.
        Builder b("fashion_cnn");
        b.add(NodeType::Conv2d, conv(32, 5, 2));
        b.add(NodeType::ReLU);
        b.add(NodeType::MaxPool2d, pool(2));
        b.add(NodeType::Conv2d, conv(64, 5, 2));
        b.add(NodeType::ReLU);
        b.add(NodeType::MaxPool2d, pool(2));
        b.add(NodeType::Flatten);
        b.add(NodeType::Linear, units(1024));
        b.add(NodeType::ReLU);
        b.add(NodeType::Dropout, [](NodeSpec& n) { n.p = 0.4; });
        out.push_back(b.done());
    }
    {
        Builder b("resnet_block");
        b.add(NodeType::Conv2d, conv(16, 3, 1));
        b.add(NodeType::BatchNorm2d);
        const std::string skip = b.add(NodeType::ReLU);
        b.add(NodeType::Conv2d, conv(16, 3, 1), {}, 200);
        b.add(NodeType::BatchNorm2d, {}, {}, 200);
        b.add(NodeType::ReLU, {}, {}, 200);
        b.add(NodeType::Conv2d, conv(16, 3, 1), {}, 200);
        const std::string residual = b.add(NodeType::BatchNorm2d, {}, {}, 200);
        b.add(NodeType::Add, {}, {skip, residual});
        b.add(NodeType::ReLU);
        b.add(NodeType::AdaptiveAvgPool2d, [](NodeSpec& n) { n.outputSize = 1; });
        b.add(NodeType::Flatten);
        out.push_back(b.done());
    }
    {
        // Token ids in the features (a fixed-length sequence), a learned vector per token.
        Builder b("text_classifier");
        b.add(NodeType::Embedding, [](NodeSpec& n) { n.vocabulary = 10000; n.embeddingDim = 32; });
        b.add(NodeType::Flatten);
        b.add(NodeType::Linear, units(64));
        b.add(NodeType::ReLU);
        b.add(NodeType::Dropout, [](NodeSpec& n) { n.p = 0.2; });
        out.push_back(b.done());
    }
    return out;
}

GraphSpec graphTemplate(const std::string& name)
{
    std::string names;
    for (auto& g : graphTemplates()) {
        if (g.name == name)
            return g;
        names += (names.empty() ? "" : ", ") + g.name;
    }
    throw Error(ErrorInfo{ErrorCode::InvalidArgument, {}, 0, "template",
                          "one of " + names + ", not \"" + name + "\""});
}

}  // namespace flightdeck::model
