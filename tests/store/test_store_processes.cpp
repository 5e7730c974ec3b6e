// Store behaviour that involves other processes or users: a folder this user may not write
// (checked as "nobody" when the suite runs as root, as CI does) and runs whose process died.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/ObjectStore.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/ProjectCheck.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <optional>
#include <string>

using namespace flightdeck;
using namespace flightdeck::store;
namespace fs = std::filesystem;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

class TestStoreProcesses : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void unwritableFolderRefused();
    void interruptedRunsAreMarked();
    void gcSparesWhatAnotherOpenerMayBeWriting();
};

void TestStoreProcesses::unwritableFolderRefused()
{
    QTemporaryDir dir;
    ::chmod(dir.path().toLocal8Bit().constData(), 0755);
    const fs::path folder = toPath(dir.path()) / "locked";
    fs::create_directories(folder);
    ::chmod(folder.c_str(), 0555);
    if (::geteuid() != 0) {
        const ErrorInfo info = expectError([&] { Project::create(folder); });
        ::chmod(folder.c_str(), 0755);
        QCOMPARE(info.code, ErrorCode::FileUnwritable);
        QCOMPARE(info.file, folder.string());
        return;
    }
    // Root writes through permissions, so the refusal is checked as the unprivileged user
    // "nobody" in a child process; its exit code says what it saw.
    const pid_t child = ::fork();
    QVERIFY(child >= 0);
    if (child == 0) {
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(3);
        try {
            Project::create(folder);
            ::_exit(1);   // created: the refusal is missing
        } catch (const flightdeck::Error& e) {
            const bool ok = e.code() == ErrorCode::FileUnwritable && e.info().file == folder.string();
            ::_exit(ok ? 0 : 2);
        } catch (...) {
            ::_exit(4);
        }
    }
    int status = 0;
    ::waitpid(child, &status, 0);
    ::chmod(folder.c_str(), 0755);
    QVERIFY(WIFEXITED(status));
    if (WEXITSTATUS(status) == 3)
        QSKIP("cannot switch to the unprivileged user nobody here");
    QCOMPARE(WEXITSTATUS(status), 0);
    QVERIFY(!fs::exists(folder / "project.db"));
}


void TestStoreProcesses::interruptedRunsAreMarked()
{
    QTemporaryDir dir;
    Project p = Project::create(toPath(dir.path()));
    RunRepository runs(p);
    const Id orphan = runs.createRun(RunRecord{});       // nobody holds its lock
    const Id live = runs.createRun(RunRecord{});
    const Id finished = runs.createRun(RunRecord{});
    runs.finishRun(finished, flightdeck::store::RunStatus::Completed);
    const Id crashed = runs.createRun(RunRecord{});
    {
        // A process that takes the run's lock and dies without releasing it.
        const pid_t child = ::fork();
        QVERIFY(child >= 0);
        if (child == 0) {
            Project own = Project::open(toPath(dir.path()));
            new RunLock(own, crashed);   // never released: the kernel drops it at exit
            ::_exit(0);
        }
        int status = 0;
        ::waitpid(child, &status, 0);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    RunLock held(p, live);
    QVERIFY(RunLock::isHeld(p.folder(), live));
    try {
        RunLock second(p, live);   // another process's `train --resume` of the same run
        QFAIL("a held run lock was granted twice");
    } catch (const flightdeck::Error& e) {
        QCOMPARE(e.info().code, flightdeck::ErrorCode::InvalidArgument);
        QVERIFY2(std::string(e.what()).find("is being trained by another process") != std::string::npos,
                 e.what());
    }
    QVERIFY(!RunLock::isHeld(p.folder(), crashed));

    // Within the grace period nothing is touched: a trainer may not have locked its run yet.
    QVERIFY(runs.markInterruptedRuns(3600).empty());
    auto marked = runs.markInterruptedRuns(0);
    std::sort(marked.begin(), marked.end());
    QCOMPARE(marked, (std::vector<Id>{orphan, crashed}));
    QCOMPARE(runs.run(orphan).status, flightdeck::store::RunStatus::Interrupted);
    QCOMPARE(runs.run(crashed).status, flightdeck::store::RunStatus::Interrupted);
    QVERIFY(runs.run(crashed).endedAt.has_value());
    QCOMPARE(runs.run(live).status, flightdeck::store::RunStatus::Running);
    QCOMPARE(runs.run(finished).status, flightdeck::store::RunStatus::Completed);
}

// gc --grace 0 beside a running training or import (another Project open on the folder) once
// deleted the temp file the other process was writing and the object it had just finished but
// not yet named in a row. Now, while another Project is open, the grace is at least an hour and
// a temp file whose writer runs is kept at any age; alone, gc removes what it is asked to.
void TestStoreProcesses::gcSparesWhatAnotherOpenerMayBeWriting()
{
    QTemporaryDir dir;
    const fs::path folder = toPath(dir.path()) / "p";
    Project gcSide = Project::create(folder);
    const std::string orphan = gcSide.objects().put(std::string_view("written, row not yet committed"));
    // A temp of a process that runs (this one) and of one that has ended.
    const pid_t ended = ::fork();
    if (ended == 0)
        ::_exit(0);
    ::waitpid(ended, nullptr, 0);
    const fs::path shard = gcSide.objects().root() / orphan.substr(0, 2);
    const fs::path liveTemp = shard / (".tmp-" + std::to_string(::getpid()) + "-7");
    const fs::path deadTemp = shard / (".tmp-" + std::to_string(ended) + "-1");
    std::ofstream(liveTemp) << "half an object";
    std::ofstream(deadTemp) << "left by a crash";
    // Both temps an hour old: the grace alone would not keep them.
    const auto hourAgo = fs::file_time_type::clock::now() - std::chrono::hours(2);
    fs::last_write_time(liveTemp, hourAgo);
    fs::last_write_time(deadTemp, hourAgo);

    std::optional<Project> other(Project::open(folder));   // a training in another process
    GcReport r = collectGarbage(gcSide, 0);
    QVERIFY(r.othersOpen);
    QCOMPARE(r.graceUsed, kGraceWithOthers);
    QCOMPARE(r.keptInUse, std::int64_t(1));
    QCOMPARE(r.keptYoung, std::int64_t(1));   // the fresh object
    QCOMPARE(r.removed, std::int64_t(1));     // the crashed process's temp
    QVERIFY(fs::exists(liveTemp));
    QVERIFY(!fs::exists(deadTemp));
    QVERIFY(fs::exists(gcSide.objects().pathOf(orphan)));
    // gc gave its exclusive hold back: another Project still opens, and sees gc's again.
    {
        QElapsedTimer opening;
        opening.start();
        Project third = Project::open(folder);
        QVERIFY2(opening.elapsed() < 5000, "an open waited for a gc that had finished");
        QVERIFY(!third.tryUseAlone());
    }

    other.reset();   // the training ended
    r = collectGarbage(gcSide, 0);
    QVERIFY(!r.othersOpen);
    QCOMPARE(r.graceUsed, 0.0);
    QCOMPARE(r.removed, std::int64_t(2));
    QVERIFY(!fs::exists(liveTemp));
    QVERIFY(!fs::exists(gcSide.objects().pathOf(orphan)));
}

QTEST_GUILESS_MAIN(TestStoreProcesses)
#include "test_store_processes.moc"
