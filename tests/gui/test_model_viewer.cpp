// The model viewer (Model > Open Model…): a bundle Flightdeck exported shows its graph
// read-only on the canvas and opens in the graph editor as a new architecture (one undoable
// step); a TorchScript module Python scripted is listed, not editable; a corrupt file says
// why. FLIGHTDECK_GRAPH_SCREENSHOTS=<dir> also saves the viewer on the exported CNN.
#include "architecture/ArchitecturePanel.h"
#include "architecture/graph/GraphDocument.h"
#include "architecture/graph/GraphEditor.h"
#include "architecture/graph/GraphScene.h"
#include "architecture/graph/GraphTableModel.h"
#include "architecture/graph/GraphTableView.h"
#include "architecture/graph/GraphView.h"
#include "architecture/graph/NodeItem.h"
#include "architecture/viewer/ModelViewer.h"
#include "common/ExportedModels.h"
#include "common/ProjectSession.h"
#include "common/ShapeImages.h"
#include "common/Translations.h"
#include "mainwindow/MainActions.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/model/GraphShapes.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/Trainer.h"

#include <QFile>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>
#include <QUndoGroup>
#include <QUndoStack>

using namespace flightdeck;
using namespace flightdeck::ui;

namespace {

// A small residual CNN for 8x8 gray images: conv, batch norm, an Add skip, pooling, a head.
const char* const kCnn = R"({"version": 2, "name": "shapes cnn", "nodes": [
  {"id": "image", "type": "input"},
  {"id": "conv1", "type": "conv2d", "inputs": ["image"], "out_channels": 8, "kernel": 3, "padding": 1},
  {"id": "bn1", "type": "batchnorm2d", "inputs": ["conv1"]},
  {"id": "relu1", "type": "relu", "inputs": ["bn1"]},
  {"id": "conv2", "type": "conv2d", "inputs": ["relu1"], "out_channels": 8, "kernel": 3, "padding": 1},
  {"id": "skip", "type": "add", "inputs": ["conv2", "relu1"]},
  {"id": "relu2", "type": "relu", "inputs": ["skip"]},
  {"id": "pool", "type": "maxpool2d", "inputs": ["relu2"], "kernel": 2},
  {"id": "flat", "type": "flatten", "inputs": ["pool"]},
  {"id": "fc", "type": "linear", "inputs": ["flat"], "units": 32},
  {"id": "drop", "type": "dropout", "inputs": ["fc"], "p": 0.25},
  {"id": "out", "type": "output", "inputs": ["drop"]}]})";

struct Exported {
    QString modelFile;
    model::GraphSpec graph;
};

// A real bundle: the CNN trained one epoch on the shapes images, exported as "shapes-cnn".
Exported exportCnn(const QString& folder)
{
    auto project = store::Project::create((folder + QStringLiteral("/project")).toStdString());
    data::DatasetCatalog catalog(project);
    const auto version = catalog.addImageVersion("shapes", testing::shapeImages(96, 3), "test");
    const auto split = catalog.createSplit(version.id, {0.7, 0.15, 0.15}, 1);
    const auto graph = model::GraphSpec::fromJson(kCnn);
    const auto arch = store::ArchitectureRepository(project).save(graph.name, graph.toJson(), graph.hash());
    train::TrainConfig config;
    config.epochs = 1;
    config.threads = 1;
    config.device = "cpu";
    const auto run = train::Trainer(project).run(version.id, split.id, arch, config);
    const auto bundle = exporting::BundleExporter(project).exportRun(run.runId, "shapes-cnn").bundleDir;
    return {QString::fromStdString((bundle / "model.pt").string()), graph};
}

QString writePythonModule(const QString& folder)
{
    if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch")}) != 0)
        return {};
    const QString script = folder + QStringLiteral("/make_net.py");
    const QString out = folder + QStringLiteral("/net.pt");
    QFile file(script);   // torch.jit.script reads the class's source, so it must be a file
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("import sys, torch\n"
               "class Net(torch.nn.Module):\n"
               "    def __init__(self):\n"
               "        super().__init__()\n"
               "        self.features = torch.nn.Sequential(torch.nn.Conv2d(1, 4, 3), torch.nn.ReLU())\n"
               "        self.classifier = torch.nn.Linear(4 * 6 * 6, 3)\n"
               "    def forward(self, x):\n"
               "        return self.classifier(self.features(x).flatten(1))\n"
               "torch.jit.save(torch.jit.script(Net()), sys.argv[1])\n");
    file.close();
    return QProcess::execute(QStringLiteral("/usr/bin/python3"), {script, out}) == 0 ? out : QString();
}

}  // namespace

class TestModelViewer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exportedBundleShowsItsGraph();
    void editAsNewArchitecture();
    void stackBundleIsEditableToo();
    void foreignModuleIsListedOnly();
    void corruptFileSaysWhy();
    void menuHasOpenModel();
    void german();
    void screenshot();

private:
    QTemporaryDir dir_;
    Exported cnn_;
};

void TestModelViewer::initTestCase()
{
    QVERIFY(dir_.isValid());
    cnn_ = exportCnn(dir_.path());
    QVERIFY(QFile::exists(cnn_.modelFile));
}

void TestModelViewer::exportedBundleShowsItsGraph()
{
    ModelViewer viewer;
    QVERIFY2(viewer.openFile(cnn_.modelFile), qPrintable(viewer.errorText()));
    QVERIFY(viewer.isEditable());
    GraphDocument* doc = viewer.document();
    QVERIFY(doc->isReadOnly());
    QCOMPARE(doc->name(), QStringLiteral("shapes-cnn v1"));   // named after the bundle
    QCOMPARE(doc->inputShape(), (std::vector<std::int64_t>{1, 8, 8}));
    QCOMPARE(doc->classes(), std::int64_t(3));
    QVERIFY(doc->shapes().ok());
    // The graph that was trained: the same nodes, ids and fields (the Output's id is not
    // stored in the file).
    const auto& back = doc->graph().nodes;
    QCOMPARE(back.size(), cnn_.graph.nodes.size());
    for (std::size_t i = 0; i + 1 < back.size(); ++i) {
        QCOMPARE(back[i].id, cnn_.graph.nodes[i].id);
        QCOMPARE(back[i].type, cnn_.graph.nodes[i].type);
        QCOMPARE(back[i].inputs, cnn_.graph.nodes[i].inputs);
    }
    QCOMPARE(doc->node(QStringLiteral("fc"))->units, std::int64_t(32));
    QCOMPARE(doc->node(QStringLiteral("drop"))->p, 0.25);
    QCOMPARE(doc->shapes().parameters, model::checkedShapes(cnn_.graph, {1, 8, 8}, 3).parameters);
    // Drawn on the canvas, listed in the table, and nothing there can be edited.
    QCOMPARE(viewer.scene()->nodeItemCount(), static_cast<int>(back.size()));
    QCOMPARE(viewer.scene()->edgeItemCount(), static_cast<int>(back.size()));   // the Add has two
    auto* table = viewer.findChild<GraphTableView*>(QStringLiteral("modelViewerTable"));
    QVERIFY(table);
    QCOMPARE(table->tableModel()->rowCount(), static_cast<int>(back.size()));
    QVERIFY(!(table->tableModel()->flags(table->tableModel()->index(1, GraphTableModel::FieldsColumn))
              & Qt::ItemIsEditable));
    viewer.scene()->beginDraftEdge(viewer.scene()->nodeItem(QStringLiteral("conv1"))->inputPort(0), {});
    QVERIFY(!viewer.scene()->hasDraftEdge());
    QVERIFY(viewer.findChild<QPushButton*>(QStringLiteral("modelViewerEditButton"))->isEnabled());
    auto* message = viewer.findChild<QLabel*>(QStringLiteral("modelViewerMessage"));
    QVERIFY(message->text().contains(QStringLiteral("shapes-cnn v1")));
    QVERIFY(message->text().contains(QStringLiteral("loss")));   // what the file does not hold
    // The operations are listed too.
    QVERIFY(viewer.findChild<QPlainTextEdit*>(QStringLiteral("modelViewerOperations"))
                ->toPlainText().contains(QStringLiteral("aten::conv2d")));
}

void TestModelViewer::editAsNewArchitecture()
{
    QTemporaryDir projectDir;
    ProjectSession session;
    QString error;
    QVERIFY2(session.openProject(projectDir.path(), true, &error), qPrintable(error));
    ArchitecturePanel panel(&session);
    GraphDocument* editor = panel.graphEditor()->document();
    const std::string before = editor->graph().toJson(true);
    const int steps = editor->undoStack()->count();
    ModelViewer* viewer = panel.openModel(cnn_.modelFile);
    QVERIFY(viewer && viewer->isVisible() && viewer->isEditable());
    QCOMPARE(panel.modelViewer(), viewer);
    viewer->findChild<QPushButton*>(QStringLiteral("modelViewerEditButton"))->click();
    QVERIFY(panel.graphTabShown());
    QCOMPARE(editor->graph().hash(), viewer->document()->graph().hash());
    QVERIFY(!editor->isReadOnly());
    QCOMPARE(editor->undoStack()->count(), steps + 1);
    QVERIFY(editor->undoStack()->undoText().contains(QStringLiteral("shapes-cnn v1")));
    // Editable now, on the editor's own stack; the viewer's graph is untouched.
    QVERIFY(editor->setField(QStringLiteral("fc"), QStringLiteral("units"), QStringLiteral("16")).isEmpty());
    QCOMPARE(viewer->document()->node(QStringLiteral("fc"))->units, std::int64_t(32));
    editor->undoStack()->undo();
    editor->undoStack()->undo();
    QCOMPARE(editor->graph().toJson(true), before);
    // A second file opens in the same viewer window.
    QVERIFY(panel.openModel(dir_.filePath(QStringLiteral("missing.pt"))) == viewer);
    QVERIFY(!viewer->errorText().isEmpty());
    viewer->close();
}

void TestModelViewer::stackBundleIsEditableToo()
{
    // A bundle of a version-1 stack (the 64-32 MLP), as the registry's tests export it.
    QTemporaryDir projectDir;
    auto project = store::Project::create(projectDir.filePath(QStringLiteral("p")).toStdString());
    const auto bundles = testing::exportVersions(project, "blobs-mlp", 1);
    ModelViewer viewer;
    QVERIFY(viewer.openFile(QString::fromStdString((bundles.front() / "model.pt").string())));
    QVERIFY(viewer.isEditable());
    QCOMPARE(viewer.document()->name(), QStringLiteral("blobs-mlp v1"));
    QCOMPARE(viewer.document()->inputShape(), std::vector<std::int64_t>{2});
    QCOMPARE(viewer.document()->classes(), std::int64_t(2));
    QVERIFY(viewer.document()->shapes().ok());
    std::size_t linear = 0;
    for (const auto& node : viewer.document()->graph().nodes)
        linear += node.type == model::NodeType::Linear ? 1 : 0;
    QCOMPARE(linear, model::defaultMlp().layers.size() / 2);   // 64 and 32, each with its ReLU
}

void TestModelViewer::foreignModuleIsListedOnly()
{
    QTemporaryDir dir;
    const QString file = writePythonModule(dir.path());
    if (file.isEmpty())
        QSKIP("python3-torch is not installed (scripts/setup.sh installs it)");
    ModelViewer viewer;
    QVERIFY2(viewer.openFile(file), qPrintable(viewer.errorText()));
    QVERIFY(!viewer.isEditable());
    QVERIFY(!viewer.findChild<QPushButton*>(QStringLiteral("modelViewerEditButton"))->isEnabled());
    auto* tabs = viewer.findChild<QTabWidget*>(QStringLiteral("modelViewerTabs"));
    QVERIFY(!tabs->isTabVisible(0));
    QCOMPARE(tabs->currentIndex(), 1);
    const QString message = viewer.findChild<QLabel*>(QStringLiteral("modelViewerMessage"))->text();
    QVERIFY2(message.contains(QStringLiteral("not built by Flightdeck")), qPrintable(message));
    QVERIFY2(message.contains(QStringLiteral("cannot be edited")), qPrintable(message));
    QCOMPARE(viewer.document()->graph().nodes.size(), std::size_t(0));
    auto* modules = viewer.findChild<QTreeWidget*>(QStringLiteral("modelViewerModules"));
    QCOMPARE(modules->topLevelItemCount(), 1);
    QTreeWidgetItem* root = modules->topLevelItem(0);
    QCOMPARE(root->text(1), QStringLiteral("Net"));
    QStringList children;
    for (int i = 0; i < root->childCount(); ++i)
        children << root->child(i)->text(0);
    QCOMPARE(children, (QStringList{QStringLiteral("features"), QStringLiteral("classifier")}));
    const QString ops = viewer.findChild<QPlainTextEdit*>(QStringLiteral("modelViewerOperations"))->toPlainText();
    QVERIFY2(ops.contains(QStringLiteral("aten::conv2d")) && ops.contains(QStringLiteral("aten::linear")),
             qPrintable(ops));
}

void TestModelViewer::corruptFileSaysWhy()
{
    QTemporaryDir dir;
    QFile good(cnn_.modelFile);
    QVERIFY(good.open(QIODevice::ReadOnly));
    const QByteArray bytes = good.readAll();
    const QString truncated = dir.filePath(QStringLiteral("truncated.pt"));
    QFile out(truncated);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(bytes.left(bytes.size() / 3));
    out.close();
    const QString text = dir.filePath(QStringLiteral("notes.pt"));
    QFile notes(text);
    QVERIFY(notes.open(QIODevice::WriteOnly));
    notes.write("just some notes\n");
    notes.close();
    ModelViewer viewer;
    for (const QString& file : {truncated, text}) {
        QVERIFY(!viewer.openFile(file));
        QVERIFY2(viewer.errorText().contains(QStringLiteral("not a TorchScript file")), qPrintable(viewer.errorText()));
        QVERIFY(!viewer.isEditable());
        QVERIFY(!viewer.findChild<QPushButton*>(QStringLiteral("modelViewerEditButton"))->isEnabled());
        QVERIFY(viewer.findChild<QTabWidget*>(QStringLiteral("modelViewerTabs"))->isHidden());
        const QString message = viewer.findChild<QLabel*>(QStringLiteral("modelViewerMessage"))->text();
        QVERIFY2(message.contains(QStringLiteral("cannot be opened")), qPrintable(message));
    }
    // A good file after a bad one shows again.
    QVERIFY(viewer.openFile(cnn_.modelFile));
    QVERIFY(viewer.isEditable());
    QVERIFY(!viewer.findChild<QTabWidget*>(QStringLiteral("modelViewerTabs"))->isHidden());
}

void TestModelViewer::menuHasOpenModel()
{
    QMainWindow window;
    QUndoGroup group;
    MainActions actions(&window, &group, {});
    QVERIFY(actions.openModel);
    QCOMPARE(actions.openModel->objectName(), QStringLiteral("actionOpenModel"));
    auto* menu = window.findChild<QMenu*>(QStringLiteral("menuModel"));
    QVERIFY(menu && menu->actions().contains(actions.openModel));
}

void TestModelViewer::german()
{
    ModelViewer viewer;
    QVERIFY(viewer.openFile(cnn_.modelFile));
    Translations::apply(QStringLiteral("de"));
    QCoreApplication::processEvents();   // LanguageChange reaches the windows as an event
    QCOMPARE(viewer.findChild<QPushButton*>(QStringLiteral("modelViewerEditButton"))->text(),
             QStringLiteral("Als neue Architektur bearbeiten"));
    const QString message = viewer.findChild<QLabel*>(QStringLiteral("modelViewerMessage"))->text();
    QVERIFY2(message.contains(QStringLiteral("Schreibgeschützt")), qPrintable(message));
    // The canvas's node texts follow the language too.
    QVERIFY2(viewer.scene()->nodeItem(QStringLiteral("conv1"))->toolTip().contains(QStringLiteral("Ausgabe")),
             qPrintable(viewer.scene()->nodeItem(QStringLiteral("conv1"))->toolTip()));
    QCOMPARE(viewer.findChild<QTabWidget*>(QStringLiteral("modelViewerTabs"))->tabText(1),
             QStringLiteral("Module und Operationen"));
    auto* table = viewer.findChild<GraphTableView*>(QStringLiteral("modelViewerTable"));
    QCOMPARE(table->model()->headerData(GraphTableModel::NodeColumn, Qt::Horizontal).toString(),
             QStringLiteral("Knoten"));
    const QString dir = qEnvironmentVariable("FLIGHTDECK_GRAPH_SCREENSHOTS");
    if (!dir.isEmpty()) {
        viewer.resize(1366, 768);
        viewer.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewer));
        QTest::qWait(200);
        QVERIFY(viewer.grab().save(dir + QStringLiteral("/model-viewer-de.png")));
    }
    Translations::apply(QStringLiteral("en"));
    QCoreApplication::processEvents();
    QCOMPARE(viewer.findChild<QPushButton*>(QStringLiteral("modelViewerEditButton"))->text(),
             QStringLiteral("Edit as new architecture"));
}

void TestModelViewer::screenshot()
{
    const QString dir = qEnvironmentVariable("FLIGHTDECK_GRAPH_SCREENSHOTS");
    if (dir.isEmpty())
        QSKIP("set FLIGHTDECK_GRAPH_SCREENSHOTS=<dir> to save screenshots");
    ModelViewer viewer;
    viewer.resize(1366, 768);
    QVERIFY(viewer.openFile(cnn_.modelFile));
    viewer.show();
    QVERIFY(QTest::qWaitForWindowExposed(&viewer));
    QTest::qWait(200);
    viewer.scene()->selectNodes({QStringLiteral("skip")});
    viewer.view()->centerOn(viewer.scene()->nodeItem(QStringLiteral("conv2")));   // the skip branch
    QTest::qWait(100);
    QVERIFY(viewer.grab().save(dir + QStringLiteral("/model-viewer.png")));
}

QTEST_MAIN(TestModelViewer)
#include "test_model_viewer.moc"
