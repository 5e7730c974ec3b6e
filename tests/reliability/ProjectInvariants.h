#pragma once
// What must hold of a project after any interruption (SIGKILL, an I/O error, a full disk):
// SQLite's integrity_check passes, every object a row names is there and intact, a finished
// run keeps all its metrics, no run stays "running" once its process is gone (failed ones say
// why), and every registered bundle verifies. Shared by the kill-point and I/O-error harnesses.
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/export/BundleExporter.h"
#include "flightdeck/store/DatasetRepository.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/ProjectCheck.h"
#include "flightdeck/store/RunRepository.h"

#include <QByteArray>
#include <QTest>

namespace flightdeck::testing {

// `where` names the round in failure messages; run 1 must keep `finishedMetrics` metric rows.
inline void verifyProjectInvariants(const QString& folder, const QByteArray& where,
                                    std::int64_t finishedMetrics)
{
    auto project = store::Project::open(folder.toStdString());
    QVERIFY2(project.damage().empty(), (where + ": marked damaged").constData());
    const auto report = store::checkProject(project);
    QVERIFY2(report.integrity.empty(), where.constData());
    if (!report.problems.empty())
        QFAIL((where + ": damaged object " + QByteArray::fromStdString(report.problems.front().hash))
                  .constData());
    store::RunRepository runs(project);
    runs.markInterruptedRuns(0);   // the interrupted process is gone: its lock is free
    for (const auto& run : runs.runs()) {
        QVERIFY2(run.status != store::RunStatus::Running, (where + ": run " + QByteArray::number(run.id)).constData());
        if (run.status == store::RunStatus::Failed)
            QVERIFY2(!run.error.empty(), where.constData());
    }
    QCOMPARE(static_cast<std::int64_t>(runs.metrics(1).size()), finishedMetrics);
    QVERIFY(!store::DatasetRepository(project).datasets().empty());
    // Every version reads back whole, with its working labels (an image version: index and
    // pixels agree).
    for (const auto& v : store::DatasetRepository(project).allVersions()) {
        try {
            data::DatasetCatalog catalog(project);
            if (catalog.task(v.id) == data::DatasetTask::ImageClassification)
                QCOMPARE(std::int64_t(catalog.loadImages(v.id).size()), v.rows);
            QCOMPARE(std::int64_t(data::LabelHistory(project).working(v.id).size()), v.rows);
        } catch (const std::exception& e) {
            QFAIL((where + ": version " + QByteArray::number(v.id) + ": " + e.what()).constData());
        }
    }
    for (const auto& m : store::ModelRegistry(project).models()) {
        const auto bundle = store::absoluteBundlePath(project.folder(), m.bundlePath);
        QVERIFY2(exporting::verifyBundle(bundle).empty(),
                 (where + ": bundle " + QByteArray::fromStdString(bundle.string())).constData());
    }
}

}  // namespace flightdeck::testing
