#include "architecture/viewer/ModelViewer.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphNodeText.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphTableView.h"
#include "architecture/graph/GraphView.h"
#include "common/ErrorText.h"
#include "common/StatusLine.h"

#include "flightdeck/model/TorchScriptGraph.h"

#include <QApplication>
#include <QDir>
#include <QEvent>
#include <QFile>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <exception>
#include <map>

namespace flightdeck::ui {

using flightdeck::model::TorchScriptGraph;

ModelViewer::ModelViewer(QWidget* parent)
    : QWidget(parent, Qt::Window),
      document_(new GraphDocument(this)),
      scene_(new GraphScene(document_, this)),
      view_(new GraphView(scene_, this)),
      table_(new GraphTableView(document_, scene_, this)),
      title_(new QLabel(this)),
      message_(new StatusLine(this)),
      editButton_(new QPushButton(this)),
      tabs_(new QTabWidget(this)),
      graphPage_(new QSplitter(Qt::Vertical, tabs_)),
      listingPage_(new QSplitter(Qt::Vertical, tabs_)),
      modules_(new QTreeWidget(listingPage_)),
      ops_(new QPlainTextEdit(listingPage_))
{
    setObjectName(QStringLiteral("modelViewer"));
    document_->setObjectName(QStringLiteral("modelViewerDocument"));
    document_->setReadOnly(true);
    view_->setObjectName(QStringLiteral("modelViewerView"));
    table_->setObjectName(QStringLiteral("modelViewerTable"));
    title_->setObjectName(QStringLiteral("modelViewerTitle"));
    message_->setObjectName(QStringLiteral("modelViewerMessage"));
    editButton_->setObjectName(QStringLiteral("modelViewerEditButton"));
    tabs_->setObjectName(QStringLiteral("modelViewerTabs"));
    modules_->setObjectName(QStringLiteral("modelViewerModules"));
    ops_->setObjectName(QStringLiteral("modelViewerOperations"));

    title_->setTextFormat(Qt::PlainText);
    QFont bold = title_->font();
    bold.setBold(true);
    title_->setFont(bold);
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    editButton_->setEnabled(false);
    modules_->setColumnCount(3);
    modules_->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    modules_->setAlternatingRowColors(true);
    ops_->setReadOnly(true);
    ops_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    ops_->setLineWrapMode(QPlainTextEdit::NoWrap);

    auto* graphSplitter = static_cast<QSplitter*>(graphPage_);
    graphSplitter->addWidget(view_);
    graphSplitter->addWidget(table_);
    graphSplitter->setStretchFactor(0, 3);
    graphSplitter->setStretchFactor(1, 2);
    graphSplitter->setSizes({450, 250});
    auto* listingSplitter = static_cast<QSplitter*>(listingPage_);
    listingSplitter->addWidget(modules_);
    listingSplitter->addWidget(ops_);
    tabs_->addTab(graphPage_, QString());
    tabs_->addTab(listingPage_, QString());

    auto* top = new QHBoxLayout;
    top->addWidget(title_, 1);
    top->addWidget(editButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(message_);
    layout->addWidget(tabs_, 1);

    connect(editButton_, &QPushButton::clicked, this, [this] {
        if (editable_)
            Q_EMIT editRequested(document_->graph());
    });
    resize(1100, 720);
    retranslateUi();
}

bool ModelViewer::openFile(const QString& path)
{
    path_ = path;
    error_.clear();
    editable_ = flightdeck_ = false;
    modules_->clear();
    ops_->clear();
    document_->reset({});
    TorchScriptGraph script;
    try {
        QApplication::setOverrideCursor(Qt::WaitCursor);
        script = TorchScriptGraph::read(QFile::encodeName(path).toStdString());
        QApplication::restoreOverrideCursor();
    } catch (const std::exception& e) {
        QApplication::restoreOverrideCursor();
        error_ = ErrorText::fromException(e);
        summary_.clear();
        notes_.clear();
        retranslateUi();
        return false;
    }
    flightdeck_ = script.builtByFlightdeck();
    showListing(script);
    const auto back = flightdeck::model::recoverGraph(script);
    if (back.ok) {
        auto graph = back.graph;
        const QString bundle = bundleName();
        graph.name = (bundle.isEmpty() ? QFileInfo(path).completeBaseName() : bundle).toStdString();
        document_->setInputShape(back.input, back.classes);
        document_->reset(graph);
        editable_ = true;
        QTimer::singleShot(0, view_, &GraphView::showGraph);
    }
    // Core's words (an operation, a module class) are data, shown as they are.
    summary_ = QString::fromStdString(script.typeName);
    notes_ = QString::fromStdString(back.ok ? std::string() : back.problem);
    retranslateUi();
    return true;
}

void ModelViewer::showListing(const TorchScriptGraph& script)
{
    // Modules by path, each with its own parameters and buffers under it.
    std::map<std::string, QTreeWidgetItem*> items;
    for (const auto& module : script.modules) {
        const auto dot = module.path.rfind('.');
        const std::string parentPath = dot == std::string::npos ? std::string() : module.path.substr(0, dot);
        QTreeWidgetItem* parent = module.path.empty() ? nullptr : items[parentPath];
        auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(modules_);
        item->setText(0, module.path.empty() ? QStringLiteral("(root)") : QString::fromStdString(module.path.substr(dot + 1)));
        item->setText(1, QString::fromStdString(module.type));
        item->setText(2, module.parameters > 0 ? QLocale().toString(qlonglong(module.parameters)) : QString());
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
        items[module.path] = item;
    }
    for (const auto& tensor : script.tensors) {
        const auto dot = tensor.path.rfind('.');
        const std::string owner = dot == std::string::npos ? std::string() : tensor.path.substr(0, dot);
        QTreeWidgetItem* parent = items.count(owner) ? items[owner] : nullptr;
        if (!parent)
            continue;
        auto* item = new QTreeWidgetItem(parent);
        item->setText(0, QString::fromStdString(dot == std::string::npos ? tensor.path : tensor.path.substr(dot + 1)));
        item->setText(1, (tensor.parameter ? tr("parameter %1") : tr("buffer %1")).arg(shapeLabel(tensor.shape)));
        std::int64_t n = 1;
        for (auto d : tensor.shape)
            n *= d;
        item->setText(2, tensor.parameter ? QLocale().toString(qlonglong(n)) : QString());
        item->setTextAlignment(2, Qt::AlignRight | Qt::AlignVCenter);
    }
    modules_->expandToDepth(1);
    ops_->setPlainText(script.ops.empty() && !script.note.empty()
                           ? QString::fromStdString(script.note)
                           : QString::fromStdString(flightdeck::model::forwardListing(script)));
}

QString ModelViewer::bundleName() const
{
    const QFileInfo file(path_);
    QFile manifest(file.absoluteDir().filePath(QStringLiteral("manifest.json")));
    if (!manifest.open(QIODevice::ReadOnly))
        return {};
    const QJsonObject root = QJsonDocument::fromJson(manifest.read(1 << 20)).object();
    if (root.value(QStringLiteral("format")).toString() != QLatin1String("flightdeck-bundle"))
        return {};
    bool listed = false;
    for (const QJsonValue& entry : root.value(QStringLiteral("files")).toArray())
        listed = listed || entry.toObject().value(QStringLiteral("name")).toString() == file.fileName();
    const QJsonObject model = root.value(QStringLiteral("model")).toObject();
    if (!listed || model.value(QStringLiteral("name")).toString().isEmpty())
        return {};
    return QStringLiteral("%1 v%2").arg(model.value(QStringLiteral("name")).toString())
        .arg(model.value(QStringLiteral("version")).toInt());
}

void ModelViewer::showMessage(const QString& text, Tone tone)
{
    message_->showMessage(text, tone == Tone::Error     ? StatusLine::Kind::Error
                                : tone == Tone::Warning ? StatusLine::Kind::Warning
                                                        : StatusLine::Kind::Info);
    message_->setVisible(!text.isEmpty());
}

void ModelViewer::retranslateUi()
{
    const QString file = QFileInfo(path_).fileName();
    setWindowTitle(file.isEmpty() ? tr("Model viewer") : tr("%1 — Model viewer").arg(file));
    editButton_->setText(tr("Edit as new architecture"));
    editButton_->setToolTip(tr("Open this graph in the graph editor as a new, unsaved architecture "
                               "(undoable there)"));
    tabs_->setTabText(0, tr("Graph"));
    tabs_->setTabText(1, tr("Modules and operations"));
    modules_->setHeaderLabels({tr("Module"), tr("Type"), tr("Parameters")});
    editButton_->setEnabled(editable_);
    tabs_->setTabVisible(0, editable_);
    tabs_->setTabVisible(1, !path_.isEmpty() && error_.isEmpty());
    tabs_->setVisible(!path_.isEmpty() && error_.isEmpty());
    if (path_.isEmpty()) {
        title_->setText(tr("No model open"));
        showMessage(QString(), Tone::Info);
        return;
    }
    if (!error_.isEmpty()) {
        title_->setText(file);
        showMessage(tr("This file cannot be opened as a model: %1").arg(error_), Tone::Error);
        return;
    }
    const auto& shapes = document_->shapes();
    title_->setText(editable_ ? tr("%1 — %2, %3 parameters, %4 FLOPs per sample")
                                    .arg(document_->name(), summary_,
                                         QLocale().toString(qlonglong(shapes.parameters)),
                                         compactCount(shapes.flops))
                              : tr("%1 — %2").arg(file, summary_));
    if (editable_) {
        const QString bundle = bundleName();
        const QString origin = bundle.isEmpty() ? tr("Built by Flightdeck.")
                                                : tr("Exported by Flightdeck as %1.").arg(bundle);
        const QString output = document_->classes() == 1 ? tr("one output (regression)")
                                                         : tr("%1 classes").arg(document_->classes());
        const QString loss = document_->classes() == 1 ? tr("MSE") : tr("cross-entropy");
        showMessage(tr("%1 Read-only: input %2, %3. The file does not store the loss, so %4 is "
                       "assumed. \"Edit as new architecture\" opens it in the graph editor.")
                        .arg(origin, shapeLabel(document_->inputShape()), output, loss),
                    Tone::Info);
    } else if (flightdeck_) {
        showMessage(tr("Built by Flightdeck, but its layers could not be read back (%1), so it "
                       "cannot be edited. Its modules and operations are listed read-only.")
                        .arg(notes_),
                    Tone::Warning);
    } else {
        showMessage(tr("This TorchScript module (%1) was not built by Flightdeck, so it cannot be "
                       "edited as an architecture. Its modules and operations are listed read-only.")
                        .arg(summary_),
                    Tone::Warning);
    }
    tabs_->setCurrentIndex(editable_ ? 0 : 1);
}

void ModelViewer::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

}  // namespace flightdeck::ui
