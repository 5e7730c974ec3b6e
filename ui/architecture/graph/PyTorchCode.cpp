#include "architecture/graph/PyTorchCode.h"

#include <QStringList>

#include <exception>

namespace flightdeck::ui {

using flightdeck::model::GraphSpec;
using flightdeck::model::LossType;
using flightdeck::model::NodeSpec;
using flightdeck::model::NodeType;

namespace {

QString name(const std::string& id)
{
    const QString text = QString::fromStdString(id);
    return text.front().isDigit() ? QStringLiteral("n_") + text : text;
}

QString className(const std::string& graphName)
{
    QString out;
    bool upper = true;
    for (QChar c : QString::fromStdString(graphName)) {
        if (!c.isLetterOrNumber()) {
            upper = true;
            continue;
        }
        out += upper ? c.toUpper() : c;
        upper = false;
    }
    if (out.isEmpty() || out.front().isDigit())
        out.prepend(QStringLiteral("Net"));
    return out;
}

QString lossModule(LossType loss)
{
    switch (loss) {
    case LossType::CrossEntropy: return QStringLiteral("nn.CrossEntropyLoss()");
    case LossType::BinaryCrossEntropy: return QStringLiteral("nn.BCEWithLogitsLoss()");
    case LossType::MSE: return QStringLiteral("nn.MSELoss()");
    case LossType::L1: return QStringLiteral("nn.L1Loss()");
    case LossType::Huber: return QStringLiteral("nn.HuberLoss()");
    }
    return {};
}

// The module a node owns in __init__, or "" for nodes that are only an expression in forward.
QString moduleFor(const NodeSpec& n, const std::vector<std::int64_t>& in, std::int64_t classes)
{
    const auto dim = [&in](std::size_t i) {
        return i < in.size() ? QString::number(in[i]) : QStringLiteral("?");
    };
    const QString last = in.empty() ? QStringLiteral("?") : QString::number(in.back());
    const QString stride = QString::number(n.stride > 0 ? n.stride : n.kernel);
    switch (n.type) {
    case NodeType::Linear: return QStringLiteral("nn.Linear(%1, %2)").arg(last).arg(n.units);
    case NodeType::Conv1d:
    case NodeType::Conv2d:
        return QStringLiteral("nn.%1(%2, %3, kernel_size=%4, stride=%5, padding=%6)")
            .arg(n.type == NodeType::Conv1d ? QStringLiteral("Conv1d") : QStringLiteral("Conv2d"), dim(0))
            .arg(n.outChannels)
            .arg(n.kernel)
            .arg(std::max<std::int64_t>(n.stride, 1))
            .arg(n.padding);
    case NodeType::MaxPool2d:
    case NodeType::AvgPool2d:
        return QStringLiteral("nn.%1(kernel_size=%2, stride=%3, padding=%4)")
            .arg(n.type == NodeType::MaxPool2d ? QStringLiteral("MaxPool2d") : QStringLiteral("AvgPool2d"))
            .arg(n.kernel)
            .arg(stride)
            .arg(n.padding);
    case NodeType::AdaptiveAvgPool2d: return QStringLiteral("nn.AdaptiveAvgPool2d(%1)").arg(n.outputSize);
    case NodeType::BatchNorm1d: return QStringLiteral("nn.BatchNorm1d(%1)").arg(dim(0));
    case NodeType::BatchNorm2d: return QStringLiteral("nn.BatchNorm2d(%1)").arg(dim(0));
    case NodeType::LayerNorm: return QStringLiteral("nn.LayerNorm(%1)").arg(last);
    case NodeType::Dropout: return QStringLiteral("nn.Dropout(p=%1)").arg(n.p);
    case NodeType::ReLU: return QStringLiteral("nn.ReLU()");
    case NodeType::LeakyReLU: return QStringLiteral("nn.LeakyReLU(negative_slope=%1)").arg(n.slope);
    case NodeType::GELU: return QStringLiteral("nn.GELU()");
    case NodeType::SiLU: return QStringLiteral("nn.SiLU()");
    case NodeType::Sigmoid: return QStringLiteral("nn.Sigmoid()");
    case NodeType::Tanh: return QStringLiteral("nn.Tanh()");
    case NodeType::Softmax: return QStringLiteral("nn.Softmax(dim=%1)").arg(n.dim + 1);
    case NodeType::Flatten: return QStringLiteral("nn.Flatten()");
    case NodeType::Embedding:
        return QStringLiteral("nn.Embedding(%1, %2)").arg(n.vocabulary).arg(n.embeddingDim);
    case NodeType::Output:
        return n.head ? QStringLiteral("nn.Linear(%1, %2)").arg(last).arg(classes) : QString();
    default: return {};
    }
}

}  // namespace

QString pytorchModule(const GraphSpec& graph, const flightdeck::model::GraphShapes& shapes,
                      std::int64_t classes)
{
    std::vector<std::string> order;
    try {
        order = flightdeck::model::topologicalOrder(graph);
    } catch (const std::exception&) {
        return QStringLiteral("# The graph has a cycle: no module can be written.\n");
    }
    QStringList init, forward;
    QString result, loss;
    const std::vector<std::int64_t> none;
    for (const auto& id : order) {
        const NodeSpec& n = *graph.node(id);
        QStringList args;
        for (const auto& input : n.inputs)
            args << name(input);
        const auto it = n.inputs.empty() ? shapes.nodes.end() : shapes.nodes.find(n.inputs.front());
        const auto& in = it == shapes.nodes.end() ? none : it->second.output;
        const QString var = name(id);
        const QString module = moduleFor(n, in, classes);
        if (!module.isEmpty())
            init << QStringLiteral("        self.%1 = %2").arg(var, module);
        const auto out = shapes.nodes.find(id);
        const QString comment = out == shapes.nodes.end() || out->second.output.empty()
                                    ? QString()
                                    : QStringLiteral("  # %1").arg(QString::fromStdString(
                                          flightdeck::model::shapeText(out->second.output)));
        QString expr;
        switch (n.type) {
        case NodeType::Input: expr = QStringLiteral("x"); break;
        case NodeType::Add: expr = args.join(QStringLiteral(" + ")); break;
        case NodeType::Concat:
            expr = QStringLiteral("torch.cat([%1], dim=%2)").arg(args.join(QStringLiteral(", "))).arg(n.dim + 1);
            break;
        case NodeType::Reshape: {
            QStringList sizes;
            for (auto s : n.shape)
                sizes << QString::number(s);
            expr = QStringLiteral("%1.reshape(%1.shape[0], %2)").arg(args.value(0), sizes.join(QStringLiteral(", ")));
            break;
        }
        case NodeType::Embedding:
            expr = QStringLiteral("self.%1(%2.long())").arg(var, args.value(0));
            break;
        case NodeType::Output:
            loss = lossModule(n.loss);
            result = var;
            expr = module.isEmpty() ? args.value(0) : QStringLiteral("self.%1(%2)").arg(var, args.value(0));
            break;
        default: expr = QStringLiteral("self.%1(%2)").arg(var, args.join(QStringLiteral(", "))); break;
        }
        forward << QStringLiteral("        %1 = %2%3").arg(var, expr, comment);
    }
    QString text = QStringLiteral("import torch\nfrom torch import nn\n\n\nclass %1(nn.Module):\n")
                       .arg(className(graph.name));
    text += QStringLiteral("    def __init__(self):\n        super().__init__()\n");
    text += init.isEmpty() ? QStringLiteral("        pass\n") : init.join(QLatin1Char('\n')) + QLatin1Char('\n');
    text += QStringLiteral("\n    def forward(self, x):\n");
    text += forward.join(QLatin1Char('\n')) + QLatin1Char('\n');
    text += QStringLiteral("        return %1\n").arg(result.isEmpty() ? QStringLiteral("x") : result);
    if (!loss.isEmpty())
        text += QStringLiteral("\n\nloss_fn = %1\n").arg(loss);
    if (!shapes.ok())
        text.prepend(QStringLiteral("# The graph has problems; sizes marked ? are unknown.\n"));
    return text;
}

}  // namespace flightdeck::ui
