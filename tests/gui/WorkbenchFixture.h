#pragma once
// What the workbench GUI tests share: a small project with finished runs, a shown MainWindow,
// and answers to the quit guard's questions without a modal loop.
#include "mainwindow/MainWindow.h"
#include "mainwindow/QuitGuard.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/model/ArchitectureSpec.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"

#include <QMessageBox>
#include <QStringList>
#include <QtTest>

#include <memory>

namespace flightdeck::ui::testing {

// A project with a 3-class table, a split, a saved architecture and two finished runs that
// differ in learning rate and batch size.
struct ProjectIds {
    qint64 version = 0, split = 0, architecture = 0;
    QList<qint64> runs;
};

inline ProjectIds makeProject(const QString& folder)
{
    namespace store = flightdeck::store;
    ProjectIds ids;
    auto project = store::Project::create(folder.toStdString());
    flightdeck::data::Table table;
    table.labelName = "y";
    table.featureNames = {"a", "b"};
    table.classes = {"x", "y", "z"};
    for (int i = 0; i < 300; ++i) {
        table.features.push_back(static_cast<float>(i % 3) * 4.0f + static_cast<float>(i % 7) * 0.1f);
        table.features.push_back(static_cast<float>(i % 5) * 0.2f);
        table.labels.push_back(i % 3);
    }
    flightdeck::data::DatasetCatalog catalog(project);
    ids.version = catalog.addVersion("t", table, "t.csv").id;
    ids.split = catalog.createSplit(ids.version, {}, 7).id;
    auto spec = flightdeck::model::defaultMlp();
    spec.name = "mlp";
    ids.architecture = store::ArchitectureRepository(project).save(spec.name, spec.toJson(), spec.hash());
    store::RunRepository runs(project);
    const char* rates[] = {"0.001", "0.01", "0.0003"};
    for (int i = 0; i < 3; ++i) {
        store::RunRecord run;
        run.name = "run" + std::to_string(i);
        run.versionId = ids.version;
        run.splitId = ids.split;
        run.architectureId = ids.architecture;
        run.status = flightdeck::store::RunStatus::Running;
        run.device = "cpu";
        run.startedAt = 1700000000.0 + i;
        const qint64 id = runs.createRun(run);
        runs.setParams(id, {{"learning_rate", rates[i]}, {"batch_size", i == 2 ? "64" : "32"},
                            {"epochs", "3"}});
        runs.finishRun(id, flightdeck::store::RunStatus::Completed);
        ids.runs.append(id);
    }
    return ids;
}

inline std::unique_ptr<MainWindow> makeWindow(const QSize& size = QSize(1366, 768))
{
    auto window = std::make_unique<MainWindow>();
    window->resize(size);
    window->show();
    if (!QTest::qWaitForWindowExposed(window.get()))
        return nullptr;
    return window;
}

// Answers the quit guard's questions without a modal loop and records what was asked.
struct Answers {
    QStringList asked;   // objectNames of the questions, in order
    QList<QMessageBox::StandardButton> replies;
    QuitGuard::Asker asker()
    {
        return [this](QMessageBox& box) {
            asked.append(box.objectName());
            return replies.isEmpty() ? QMessageBox::Cancel : replies.takeFirst();
        };
    }
};

}  // namespace flightdeck::ui::testing
