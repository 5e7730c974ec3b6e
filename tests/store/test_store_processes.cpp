// Store behaviour that involves other processes or users: a folder this user may not write
// (checked as "nobody" when the suite runs as root, as CI does) and runs whose process died.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunLock.h"
#include "flightdeck/store/RunRepository.h"

#include <QTemporaryDir>
#include <QtTest>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>

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

QTEST_GUILESS_MAIN(TestStoreProcesses)
#include "test_store_processes.moc"
