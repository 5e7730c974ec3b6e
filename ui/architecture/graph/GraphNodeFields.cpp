#include "architecture/graph/GraphNodeFields.h"

#include "common/ErrorText.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <exception>

namespace flightdeck::ui {

using flightdeck::model::GraphSpec;
using flightdeck::model::NodeSpec;
using flightdeck::model::NodeType;

QJsonObject nodeFieldsJson(NodeSpec node)
{
    node.inputs.clear();
    const GraphSpec single{2, "node", {node}, {}};
    const auto doc = QJsonDocument::fromJson(QByteArray::fromStdString(single.toJson(false)));
    return doc.object().value(QStringLiteral("nodes")).toArray().at(0).toObject();
}

bool sameFields(const NodeSpec& a, const NodeSpec& b)
{
    return nodeFieldsJson(a) == nodeFieldsJson(b);
}

bool nodeWithField(const NodeSpec& node, const QString& field, const QString& jsonValue, NodeSpec* out,
                   QString* error)
{
    const auto parsed = QJsonDocument::fromJson(QStringLiteral("[%1]").arg(jsonValue).toUtf8());
    if (!parsed.isArray() || parsed.array().size() != 1) {
        *error = QCoreApplication::translate("flightdeck::ui::GraphDocument", "\"%1\" is not a value for %2.")
                     .arg(jsonValue, field);
        return false;
    }
    QJsonObject object = nodeFieldsJson(node);
    object.insert(field, parsed.array().at(0));
    const QJsonObject graph{{QStringLiteral("version"), 2}, {QStringLiteral("name"), QStringLiteral("node")},
                            {QStringLiteral("nodes"), QJsonArray{object}}};
    try {
        *out = GraphSpec::fromJson(QJsonDocument(graph).toJson(QJsonDocument::Compact).toStdString())
                   .nodes.at(0);
    } catch (const std::exception& e) {
        // Core names the field by its path in the one-node document; the node is known here.
        *error = ErrorText::fromException(e).replace(QStringLiteral("nodes[0]."), QString());
        return false;
    }
    out->inputs = node.inputs;
    return true;
}

QString fieldText(const NodeSpec& node, const QString& field)
{
    const QJsonValue value = nodeFieldsJson(node).value(field);
    if (value.isUndefined())
        return {};
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(text.mid(1, text.size() - 2));
}

QString mainField(NodeType type)
{
    switch (type) {
    case NodeType::Linear: return QStringLiteral("units");
    case NodeType::Conv1d:
    case NodeType::Conv2d: return QStringLiteral("out_channels");
    case NodeType::MaxPool2d:
    case NodeType::AvgPool2d: return QStringLiteral("kernel");
    case NodeType::AdaptiveAvgPool2d: return QStringLiteral("output_size");
    case NodeType::Dropout: return QStringLiteral("p");
    case NodeType::LeakyReLU: return QStringLiteral("slope");
    case NodeType::Softmax:
    case NodeType::Concat: return QStringLiteral("dim");
    case NodeType::Embedding: return QStringLiteral("embedding_dim");
    default: return {};
    }
}

}  // namespace flightdeck::ui
