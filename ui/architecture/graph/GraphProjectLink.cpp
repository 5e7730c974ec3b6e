#include "architecture/graph/GraphProjectLink.h"

#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/RunRepository.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QUndoStack>

#include <exception>

namespace flightdeck::ui {

namespace {
// With no dataset chosen the graph is checked against a Fashion-MNIST-sized image.
const std::vector<std::int64_t> kExampleInput = {1, 28, 28};
constexpr std::int64_t kExampleClasses = 10;
}  // namespace

GraphProjectLink::GraphProjectLink(ProjectSession* session, GraphEditor* editor, QObject* parent)
    : QObject(parent), session_(session), editor_(editor)
{
    setObjectName(QStringLiteral("graphProjectLink"));
    GraphDocument* document = editor_->document();
    connect(editor_, &GraphEditor::saveRequested, this, &GraphProjectLink::save);
    connect(document, &GraphDocument::changed, this, &GraphProjectLink::updateState);
    connect(document->undoStack(), &QUndoStack::cleanChanged, this, &GraphProjectLink::updateState);
    connect(session_, &ProjectSession::currentVersionChanged, this, &GraphProjectLink::updateInput);
    const auto forget = [this] {
        savedId_ = 0;
        savedHash_.clear();
        updateInput();
        updateState();
    };
    connect(session_, &ProjectSession::projectOpened, this, forget);
    connect(session_, &ProjectSession::projectClosed, this, forget);
    updateInput();
    updateState();
}

bool GraphProjectLink::isGraphSpec(const std::string& specJson)
{
    return QJsonDocument::fromJson(QByteArray::fromStdString(specJson))
        .object()
        .contains(QStringLiteral("nodes"));
}

void GraphProjectLink::updateInput()
{
    std::vector<std::int64_t> input = kExampleInput;
    std::int64_t classes = kExampleClasses;
    if (session_->isOpen() && session_->currentVersionId() > 0) {
        try {
            const auto in = flightdeck::data::DatasetCatalog(session_->project())
                                .modelInput(session_->currentVersionId());
            if (in.classes >= 1) {   // 1: a regression target's one output
                input = in.shape;
                classes = in.classes;
            }
        } catch (const std::exception&) {
            // A version that cannot be read falls back to the example shape.
        }
    }
    editor_->document()->setInputShape(input, classes);
}

void GraphProjectLink::save()
{
    if (!session_->isOpen()) {
        editor_->showMessage(tr("Open or create a project before saving an architecture."), true);
        return;
    }
    const GraphDocument* document = editor_->document();
    const auto& graph = document->graph();
    if (graph.name.empty()) {
        editor_->showMessage(tr("Give the architecture a name before saving it."), true);
        return;
    }
    if (!document->shapes().ok()) {
        editor_->showMessage(tr("Fix the problems listed below before saving."), true);
        return;
    }
    try {
        // The layout travels with the spec so the canvas reopens as it was; the hash leaves
        // it out, so moving nodes never makes a new architecture.
        const std::string hash = graph.hash();
        flightdeck::store::ArchitectureRepository repo(session_->project());
        savedId_ = repo.save(graph.name, graph.toJson(true), hash);
        savedHash_ = QString::fromStdString(hash);
        document->undoStack()->setClean();
        session_->setCurrentArchitecture(savedId_);
        session_->notifyArchitecturesChanged();
        editor_->showMessage(tr("Saved architecture \"%1\" as #%2.").arg(document->name()).arg(savedId_), false);
    } catch (const std::exception& e) {
        editor_->showMessage(ErrorText::fromException(e), true);
    }
    updateState();
}

bool GraphProjectLink::load(qint64 architectureId)
{
    if (architectureId <= 0 || !session_->isOpen())
        return false;
    GraphDocument* document = editor_->document();
    try {
        flightdeck::store::ArchitectureRepository repo(session_->project());
        const auto record = repo.get(architectureId);
        savedId_ = architectureId;
        savedHash_ = QString::fromStdString(record.specHash);
        // fromJson converts a version-1 stack; its graph hash differs from the stack's, so a
        // converted stack reads as unsaved until it is saved as a graph.
        const auto graph = flightdeck::model::GraphSpec::fromJson(record.specJson);
        if (graph.toJson(true) != document->graph().toJson(true))
            document->replace(graph, tr("Load architecture \"%1\"").arg(QString::fromStdString(record.name)));
        document->undoStack()->setClean();   // what is on the canvas is saved
        editor_->showMessage(QString(), false);
    } catch (const std::exception& e) {
        editor_->showMessage(ErrorText::fromException(e), true);
        return false;
    }
    updateState();
    return true;
}

void GraphProjectLink::updateState()
{
    const QString hash = QString::fromStdString(editor_->document()->graph().hash());
    QString text;
    if (savedId_ > 0 && hash == savedHash_)
        text = tr("Saved as #%1; training uses this architecture.").arg(savedId_);
    else if (savedId_ > 0)
        text = tr("Unsaved changes: training uses saved architecture #%1 until you save.").arg(savedId_);
    else
        text = tr("Not saved yet: save it to train with it.");
    editor_->setSaveState(text, editor_->document()->shapes().ok());
}

}  // namespace flightdeck::ui
