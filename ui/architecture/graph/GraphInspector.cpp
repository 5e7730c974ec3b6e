#include "architecture/graph/GraphInspector.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphNodeText.h"
#include "common/StatusLine.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace flightdeck::ui {

using flightdeck::model::LossType;
using flightdeck::model::NodeType;

namespace {
constexpr LossType kLosses[] = {LossType::CrossEntropy, LossType::BinaryCrossEntropy, LossType::MSE,
                                LossType::L1, LossType::Huber};
}

GraphInspector::GraphInspector(GraphDocument* document, QWidget* parent)
    : QWidget(parent), document_(document), title_(new QLabel(this)), fieldsBox_(new QWidget(this)),
      form_(new QFormLayout(fieldsBox_)), shape_(new QLabel(this)), error_(new QLabel(this))
{
    setObjectName(QStringLiteral("graphInspector"));
    title_->setObjectName(QStringLiteral("graphInspectorTitle"));
    fieldsBox_->setObjectName(QStringLiteral("graphInspectorFields"));
    shape_->setObjectName(QStringLiteral("graphInspectorShape"));
    error_->setObjectName(QStringLiteral("graphInspectorError"));
    title_->setTextFormat(Qt::PlainText);
    title_->setWordWrap(true);   // German hints are long; the side panel must not widen the dock
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    shape_->setWordWrap(true);
    shape_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    error_->setWordWrap(true);
    error_->setStyleSheet(StatusLine::styleSheetOf(StatusLine::Kind::Error));
    form_->setContentsMargins(0, 0, 0, 0);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(fieldsBox_);
    layout->addWidget(error_);
    layout->addWidget(shape_);
    layout->addStretch(1);

    connect(document_, &GraphDocument::nodeChanged, this, [this](const QString& id) {
        if (id == nodeId_)
            refreshValues();
    });
    connect(document_, &GraphDocument::nodeRemoved, this, [this](const QString& id) {
        if (id == nodeId_)
            showNode(QString());
    });
    connect(document_, &GraphDocument::graphReset, this, [this] {
        showNode(document_->node(nodeId_) ? nodeId_ : QString());
    });
    connect(document_, &GraphDocument::shapesChanged, this, &GraphInspector::refreshShape);
    showNode(QString());
}

void GraphInspector::showNode(const QString& id)
{
    nodeId_ = document_->node(id) ? id : QString();
    ++burstId_;
    errors_.clear();
    rebuild();
}

void GraphInspector::rebuild()
{
    while (form_->rowCount() > 0)
        form_->removeRow(0);
    editors_.clear();
    const auto* node = document_->node(nodeId_);
    if (!node) {
        title_->setText(tr("Select a node to edit its fields."));
        error_->hide();
        shape_->clear();
        return;
    }
    title_->setText(QStringLiteral("%1  (%2)").arg(QString::fromLatin1(flightdeck::model::nodeTypeLabel(node->type)),
                                                   nodeId_));
    for (const auto& name : flightdeck::model::fieldsOf(node->type)) {
        const QString field = QString::fromStdString(name);
        QWidget* editor = nullptr;
        if (field == QLatin1String("loss")) {
            auto* box = new QComboBox(fieldsBox_);
            for (LossType loss : kLosses)
                box->addItem(QString::fromLatin1(flightdeck::model::lossName(loss)),
                             QString::fromLatin1(flightdeck::model::lossName(loss)));
            connect(box, &QComboBox::activated, this, [this, box, field] {
                setError(field, document_->setField(nodeId_, field,
                                                    QStringLiteral("\"%1\"").arg(box->currentData().toString())));
            });
            editor = box;
        } else if (field == QLatin1String("head")) {
            auto* check = new QCheckBox(tr("Linear to the class count"), fieldsBox_);
            connect(check, &QCheckBox::clicked, this, [this, field](bool on) {
                setError(field, document_->setField(nodeId_, field,
                                                    on ? QStringLiteral("true") : QStringLiteral("false")));
            });
            editor = check;
        } else {
            auto* edit = new QLineEdit(fieldsBox_);
            // One focus, one typing burst: every keystroke is applied (shapes update live) and
            // they all merge into one undo step.
            connect(edit, &QLineEdit::textEdited, this, [this, field](const QString& text) {
                setError(field, document_->setField(nodeId_, field, text.trimmed(), burstId_));
            });
            connect(edit, &QLineEdit::editingFinished, this, [this, field] {
                ++burstId_;
                if (errors_.value(field).isEmpty())
                    refreshValues();
            });
            editor = edit;
        }
        editor->setObjectName(QStringLiteral("graphField_%1").arg(field));
        editors_.insert(field, editor);
        form_->addRow(field, editor);
    }
    if (node->type == NodeType::Input)
        form_->addRow(new QLabel(tr("The input takes the dataset's shape."), fieldsBox_));
    refreshValues();
    refreshShape();
    setError(QString(), QString());
}

void GraphInspector::refreshValues()
{
    for (auto it = editors_.constBegin(); it != editors_.constEnd(); ++it) {
        const QString value = document_->fieldValue(nodeId_, it.key());
        if (auto* box = qobject_cast<QComboBox*>(it.value())) {
            box->setCurrentIndex(box->findData(value.mid(1, value.size() - 2)));
        } else if (auto* check = qobject_cast<QCheckBox*>(it.value())) {
            check->setChecked(value == QLatin1String("true"));
        } else if (auto* edit = qobject_cast<QLineEdit*>(it.value())) {
            // Never overwrite what the user is typing and core refused: they are mid-word.
            if (edit->text() != value && !(edit->hasFocus() && !errors_.value(it.key()).isEmpty()))
                edit->setText(value);
        }
    }
}

void GraphInspector::refreshShape()
{
    const auto* node = document_->node(nodeId_);
    if (!node) {
        shape_->clear();
        return;
    }
    const auto& shapes = document_->shapes().nodes;
    const auto it = shapes.find(node->id);
    if (it == shapes.end()) {
        shape_->clear();
        return;
    }
    const auto& s = it->second;
    QString text = tr("Output: %1\nParameters: %2\nFLOPs per sample: %3\nActivation memory per sample: %4")
                       .arg(s.output.empty() ? tr("unknown") : shapeLabel(s.output))
                       .arg(QLocale().toString(static_cast<qlonglong>(s.parameters)))
                       .arg(compactCount(s.flops), compactBytes(s.activationBytes));
    if (!s.error.empty())
        text = tr("Problem: %1").arg(QString::fromStdString(s.error)) + QLatin1Char('\n') + text;
    shape_->setText(text);
    shape_->setStyleSheet(StatusLine::styleSheetOf(s.error.empty() ? StatusLine::Kind::Info : StatusLine::Kind::Error));
}

void GraphInspector::setError(const QString& field, const QString& error)
{
    if (!field.isEmpty())
        errors_.insert(field, error);
    QStringList lines;
    for (auto it = errors_.constBegin(); it != errors_.constEnd(); ++it) {
        if (QWidget* editor = editors_.value(it.key()))
            editor->setStyleSheet(it.value().isEmpty() ? QString()
                                                       : QStringLiteral("border: 1px solid %1;")
                                                             .arg(StatusLine::color(StatusLine::Kind::Error).name()));
        if (!it.value().isEmpty())
            lines << it.value();
    }
    error_->setText(lines.join(QLatin1Char('\n')));
    error_->setVisible(!lines.isEmpty());
}

void GraphInspector::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        rebuild();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
