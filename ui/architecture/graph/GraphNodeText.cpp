#include "architecture/graph/GraphNodeText.h"

#include "common/NumberText.h"

#include "flightdeck/model/GraphShapes.h"

namespace flightdeck::ui {

using flightdeck::model::NodeSpec;
using flightdeck::model::NodeType;

QString shapeLabel(const std::vector<std::int64_t>& shape)
{
    return QString::fromStdString(flightdeck::model::shapeText(shape));
}

QString nodeSummary(const NodeSpec& node, const std::vector<std::int64_t>& inputShape)
{
    const auto strideAndPadding = [&node] {
        QString text;
        if (node.stride > 1)
            text += QStringLiteral(" · s%1").arg(node.stride);
        if (node.padding > 0)
            text += QStringLiteral(" · p%1").arg(node.padding);
        return text;
    };
    switch (node.type) {
    case NodeType::Input: return shapeLabel(inputShape);
    case NodeType::Linear: return QString::number(node.units);
    case NodeType::Conv1d:
        return QStringLiteral("%1 · k%2").arg(node.outChannels).arg(node.kernel) + strideAndPadding();
    case NodeType::Conv2d:
        return QStringLiteral("%1 · %2×%2").arg(node.outChannels).arg(node.kernel)
               + strideAndPadding();
    case NodeType::MaxPool2d:
    case NodeType::AvgPool2d:
        return QStringLiteral("%1×%1").arg(node.kernel) + strideAndPadding();
    case NodeType::AdaptiveAvgPool2d: return QStringLiteral("→ %1×%1").arg(node.outputSize);
    case NodeType::Dropout: return QStringLiteral("p = %1").arg(node.p);
    case NodeType::LeakyReLU: return QStringLiteral("slope %1").arg(node.slope);
    case NodeType::Softmax:
    case NodeType::Concat: return QStringLiteral("dim %1").arg(node.dim);
    case NodeType::Reshape: return shapeLabel(node.shape);
    case NodeType::Embedding:
        return QStringLiteral("%1 → %2").arg(node.vocabulary).arg(node.embeddingDim);
    case NodeType::Output:
        return QString::fromLatin1(flightdeck::model::lossName(node.loss))
               + (node.head ? QStringLiteral(" + head") : QString());
    default: return {};
    }
}

QString compactCount(std::int64_t value)
{
    const double v = static_cast<double>(value);
    if (value < 1000)
        return QString::number(value);
    if (value < 1000000)
        return QStringLiteral("%1 K").arg(NumberText::decimal(v / 1e3, v < 1e4 ? 2 : 1));
    if (value < 1000000000)
        return QStringLiteral("%1 M").arg(NumberText::decimal(v / 1e6, v < 1e7 ? 2 : 1));
    return QStringLiteral("%1 G").arg(NumberText::decimal(v / 1e9, 2));
}

QString compactBytes(std::int64_t bytes)
{
    const double v = static_cast<double>(bytes);
    if (bytes < 1024)
        return QStringLiteral("%1 B").arg(bytes);
    if (bytes < 1024 * 1024)
        return QStringLiteral("%1 KiB").arg(NumberText::decimal(v / 1024, 1));
    if (bytes < 1024LL * 1024 * 1024)
        return QStringLiteral("%1 MiB").arg(NumberText::decimal(v / 1048576, 2));
    return QStringLiteral("%1 GiB").arg(NumberText::decimal(v / 1073741824, 2));
}

}  // namespace flightdeck::ui
