// TaskRunner's typed API on real projects: a task's result is a plain struct that arrives on the
// GUI thread as it was built, a task may return nothing, a failure reaches onFailed with its
// text, and nothing is delivered to a receiver that was destroyed or for a project that was
// switched while the task ran.
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/store/Project.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

#include <atomic>
#include <memory>
#include <stdexcept>
#include <vector>

using namespace flightdeck::ui;
namespace store = flightdeck::store;

namespace {

struct Summary {
    qint64 id = 0;
    QString name;
    std::vector<double> values;
    std::unique_ptr<int> owned;   // move-only: the result is moved, never copied
    Qt::HANDLE thread = nullptr;
};

}  // namespace

class TestTaskRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void structResultArrivesIntact();
    void voidTaskCompletes();
    void progressTaskReturnsItsResult();
    void failureReachesOnFailed();
    void failureWithoutHandlerIsSignalled();
    void closedProjectIsRefusedAtOnce();
    void deletedReceiverGetsNoCallback();
    void switchedProjectDropsTheResult();

private:
    bool open(const QString& folder)
    {
        QString error;
        return session_->openProject(folder, false, &error);
    }
    QTemporaryDir dir_;
    QString first_, second_;
    std::unique_ptr<ProjectSession> session_;
    std::unique_ptr<TaskRunner> runner_;
};

void TestTaskRunner::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(dir_.isValid());
    first_ = dir_.filePath(QStringLiteral("first"));
    second_ = dir_.filePath(QStringLiteral("second"));
    store::Project::create(first_.toStdString());
    store::Project::create(second_.toStdString());
    session_ = std::make_unique<ProjectSession>();
    runner_ = std::make_unique<TaskRunner>(session_.get());
}

void TestTaskRunner::init()
{
    QVERIFY(open(first_));
}

void TestTaskRunner::structResultArrivesIntact()
{
    QObject receiver;
    std::optional<Summary> got;
    Qt::HANDLE doneThread = nullptr;
    runner_->run(
        QStringLiteral("summing"), &receiver,
        [](store::Project& project, const std::atomic<bool>&) {
            Summary s;
            s.id = 42;
            s.name = QString::fromStdString(project.folder().filename().string());
            s.values = {0.5, -1.25, 1e-9};
            s.owned = std::make_unique<int>(7);
            s.thread = QThread::currentThreadId();
            return s;
        },
        [&](Summary s) {
            doneThread = QThread::currentThreadId();
            got = std::move(s);
        });
    runner_->waitForIdle();
    QVERIFY(got.has_value());
    QCOMPARE(got->id, qint64(42));
    QCOMPARE(got->name, QStringLiteral("first"));
    QCOMPARE(got->values, (std::vector<double>{0.5, -1.25, 1e-9}));
    QVERIFY(got->owned);
    QCOMPARE(*got->owned, 7);
    // Built on a worker, handed over on the GUI thread.
    QVERIFY(got->thread != QThread::currentThreadId());
    QCOMPARE(doneThread, QThread::currentThreadId());
}

void TestTaskRunner::voidTaskCompletes()
{
    QObject receiver;
    QSignalSpy busy(runner_.get(), &TaskRunner::busyChanged);
    std::atomic<int> ran{0};
    int done = 0;
    runner_->run(
        QStringLiteral("touching"), &receiver, [&](store::Project&, const std::atomic<bool>&) { ++ran; },
        [&] { ++done; }, [](const QString& message) { QFAIL(qPrintable(message)); });
    runner_->runDetached(
        QStringLiteral("touching without a project"), &receiver, [&](const std::atomic<bool>&) { ++ran; },
        [&] { ++done; });
    runner_->waitForIdle();
    QCOMPARE(ran.load(), 2);
    QCOMPARE(done, 2);
    QVERIFY(!runner_->isBusy());
    QVERIFY(busy.count() >= 2);
    QCOMPARE(busy.first().at(0).toBool(), true);
    QCOMPARE(busy.last().at(0).toBool(), false);
}

void TestTaskRunner::progressTaskReturnsItsResult()
{
    QObject receiver;
    QStringList got;
    runner_->runWithProgress(
        QStringLiteral("counting"), &receiver,
        [](store::Project&, TaskRunner::Progress& progress) {
            QStringList seen;
            for (int i = 1; i <= 3; ++i) {
                progress.report(i, 3);
                seen << QString::number(i);
            }
            return seen;
        },
        [&](const QStringList& seen) { got = seen; });
    runner_->waitForIdle();
    QCOMPARE(got, QStringList({QStringLiteral("1"), QStringLiteral("2"), QStringLiteral("3")}));
}

void TestTaskRunner::failureReachesOnFailed()
{
    QObject receiver;
    QSignalSpy signalled(runner_.get(), &TaskRunner::failed);
    bool done = false;
    QStringList failures;
    runner_->run(
        QStringLiteral("failing"), &receiver,
        [](store::Project&, const std::atomic<bool>&) -> int { throw std::runtime_error("the disk is on fire"); },
        [&](int) { done = true; }, [&](const QString& message) { failures << message; });
    runner_->run(
        QStringLiteral("not found"), &receiver,
        [](store::Project&, const std::atomic<bool>&) {
            throw flightdeck::Error(flightdeck::ErrorInfo{flightdeck::ErrorCode::NotFound, {}, 0, "run", "7"});
        },
        [&] { done = true; }, [&](const QString& message) { failures << message; });
    runner_->waitForIdle();
    QVERIFY(!done);
    QCOMPARE(failures.size(), 2);
    QVERIFY(failures.contains(QStringLiteral("the disk is on fire")));
    // A core error becomes its translated sentence (ErrorText), naming what was not found.
    const QString notFound = failures.at(failures.at(0) == QStringLiteral("the disk is on fire") ? 1 : 0);
    QVERIFY2(notFound.contains(QStringLiteral("7")), qPrintable(notFound));
    QCOMPARE(signalled.count(), 0);   // handled failures are not signalled as well
}

void TestTaskRunner::failureWithoutHandlerIsSignalled()
{
    QObject receiver;
    QSignalSpy signalled(runner_.get(), &TaskRunner::failed);
    runner_->run(
        QStringLiteral("failing quietly"), &receiver,
        [](store::Project&, const std::atomic<bool>&) { throw std::runtime_error("no space left"); }, [] {});
    runner_->waitForIdle();
    QCOMPARE(signalled.count(), 1);
    QCOMPARE(signalled.at(0).at(0).toString(), QStringLiteral("failing quietly"));
    QCOMPARE(signalled.at(0).at(1).toString(), QStringLiteral("no space left"));
}

void TestTaskRunner::closedProjectIsRefusedAtOnce()
{
    session_->closeProject();
    QObject receiver;
    std::atomic<bool> ran{false};
    QString failure;
    runner_->run(
        QStringLiteral("needs a project"), &receiver, [&](store::Project&, const std::atomic<bool>&) { ran = true; },
        [] {}, [&](const QString& message) { failure = message; });
    QVERIFY(!failure.isEmpty());   // said before run() returns, nothing started
    QVERIFY(!runner_->isBusy());
    runner_->waitForIdle();
    QVERIFY(!ran);
}

void TestTaskRunner::deletedReceiverGetsNoCallback()
{
    // The callbacks reach into the receiver through a raw pointer, as the panels' do: were
    // they called after the delete, this would be a use after free (ASan) or a crash. `calls`
    // outside counts them where a freed object cannot hide it.
    struct Panel : QObject {
        explicit Panel(int* calls) : calls(calls) {}
        int* calls;
    };
    int calls = 0;
    std::atomic<bool> release{false};
    std::atomic<int> finished{0};
    auto* panel = new Panel(&calls);
    auto* failing = new Panel(&calls);
    runner_->run(
        QStringLiteral("slow read"), panel,
        [&](store::Project&, const std::atomic<bool>&) {
            while (!release.load())
                QThread::msleep(2);
            ++finished;
            return 5;
        },
        [panel](int n) { *panel->calls += n; }, [panel](const QString&) { ++*panel->calls; });
    runner_->runDetached(
        QStringLiteral("slow failure"), failing,
        [&](const std::atomic<bool>&) {
            while (!release.load())
                QThread::msleep(2);
            ++finished;
            throw std::runtime_error("too late");
        },
        [failing] { ++*failing->calls; }, [failing](const QString&) { ++*failing->calls; });
    QVERIFY(runner_->isBusy());
    delete panel;
    delete failing;
    release = true;
    runner_->waitForIdle();
    QCOMPARE(finished.load(), 2);   // the work itself ran to its end
    QCOMPARE(calls, 0);
    QVERIFY(!runner_->isBusy());
    QVERIFY(runner_->runningTitles().isEmpty());

    // A live receiver beside it still gets its result.
    QObject alive;
    int got = 0;
    runner_->run(
        QStringLiteral("quick read"), &alive, [](store::Project&, const std::atomic<bool>&) { return 3; },
        [&](int n) { got = n; });
    runner_->waitForIdle();
    QCOMPARE(got, 3);
}

void TestTaskRunner::switchedProjectDropsTheResult()
{
    QObject receiver;
    std::atomic<bool> release{false};
    bool done = false, failed = false;
    runner_->run(
        QStringLiteral("reading the first project"), &receiver,
        [&](store::Project& project, const std::atomic<bool>&) {
            while (!release.load())
                QThread::msleep(2);
            return QString::fromStdString(project.folder().string());
        },
        [&](const QString&) { done = true; }, [&](const QString&) { failed = true; });
    runner_->run(
        QStringLiteral("failing in the first project"), &receiver,
        [&](store::Project&, const std::atomic<bool>&) {
            while (!release.load())
                QThread::msleep(2);
            throw std::runtime_error("about the first project");
        },
        [] {}, [&](const QString&) { failed = true; });
    QVERIFY(open(second_));
    release = true;
    runner_->waitForIdle();
    QVERIFY(!done);
    QVERIFY(!failed);
    QVERIFY(!runner_->isBusy());

    // Work started in the second project is delivered.
    QString root;
    runner_->run(
        QStringLiteral("reading the second project"), &receiver,
        [](store::Project& project, const std::atomic<bool>&) {
            return QString::fromStdString(project.folder().filename().string());
        },
        [&](const QString& name) { root = name; });
    runner_->waitForIdle();
    QCOMPARE(root, QStringLiteral("second"));
}

QTEST_MAIN(TestTaskRunner)
#include "test_task_runner.moc"
