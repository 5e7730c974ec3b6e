// MicroBatcher with a forward pass the test holds open: requests that arrive while it runs
// join the next pass together, each gets its own rows' predictions back, the row bound splits
// passes, an error reaches every request of its pass and no other, and `passes` bounds how
// many run at once.
#include "flightdeck/serve/MicroBatcher.h"

#include <QtTest>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <stdexcept>
#include <thread>

using namespace flightdeck;

namespace {

constexpr std::size_t kWidth = 3;

// Each row's prediction carries the row's first value, so a request can check it got its own.
// Passes block while the gate is closed; a row whose first value is negative makes it throw.
class HeldForward {
public:
    std::vector<serve::Prediction> operator()(const float* rows, std::size_t count)
    {
        std::unique_lock<std::mutex> lock(mutex_);
        ++running_;
        sizes_.push_back(count);
        maxRunning_ = std::max(maxRunning_, running_);
        changed_.notify_all();
        changed_.wait(lock, [&] { return open_; });
        --running_;
        lock.unlock();
        std::vector<serve::Prediction> out(count);
        for (std::size_t r = 0; r < count; ++r) {
            if (rows[r * kWidth] < 0)
                throw std::runtime_error("row " + std::to_string(r) + " is negative");
            out[r].value = rows[r * kWidth];
        }
        return out;
    }
    void open()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        open_ = true;
        changed_.notify_all();
    }
    void waitRunning(int n)
    {
        std::unique_lock<std::mutex> lock(mutex_);
        changed_.wait(lock, [&] { return running_ >= n; });
    }
    std::vector<std::size_t> sizes()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return sizes_;
    }
    int maxRunning()
    {
        std::lock_guard<std::mutex> lock(mutex_);
        return maxRunning_;
    }

private:
    std::mutex mutex_;
    std::condition_variable changed_;
    bool open_ = false;
    int running_ = 0, maxRunning_ = 0;
    std::vector<std::size_t> sizes_;
};

std::vector<float> rowsStartingAt(float first, std::size_t count)
{
    std::vector<float> rows(count * kWidth, 0.5f);
    for (std::size_t r = 0; r < count; ++r)
        rows[r * kWidth] = first + float(r);
    return rows;
}

void waitQueued(const serve::MicroBatcher& b, std::size_t n)
{
    QTRY_COMPARE_WITH_TIMEOUT(b.queued(), n, 10000);
}

}  // namespace

class TestMicroBatcher : public QObject {
    Q_OBJECT

private slots:
    void aLoneRequestRunsAtOnceInItsOwnPass()
    {
        HeldForward forward;
        forward.open();
        serve::MicroBatcher b(std::ref(forward), kWidth, 64, 1);
        const auto rows = rowsStartingAt(7, 2);
        const auto out = b.predict(rows.data(), 2);
        QCOMPARE(out.size(), std::size_t(2));
        QCOMPARE(out[0].value, 7.0);
        QCOMPARE(out[1].value, 8.0);
        QCOMPARE(b.stats().forwards, std::int64_t(1));
        QCOMPARE(b.stats().rows, std::int64_t(2));
    }

    void requestsArrivingDuringAPassShareTheNext()
    {
        HeldForward forward;
        serve::MicroBatcher b(std::ref(forward), kWidth, 64, 1);
        const auto first = rowsStartingAt(0, 1);
        auto lead = std::async(std::launch::async, [&] { return b.predict(first.data(), 1); });
        forward.waitRunning(1);
        // Five requests of 1..5 rows arrive while the first pass is held.
        std::vector<std::vector<float>> bodies;
        for (int i = 1; i <= 5; ++i)
            bodies.push_back(rowsStartingAt(float(100 * i), std::size_t(i)));
        std::vector<std::future<std::vector<serve::Prediction>>> waiting;
        for (int i = 0; i < 5; ++i) {
            waiting.push_back(std::async(std::launch::async, [&, i] {
                return b.predict(bodies[std::size_t(i)].data(), std::size_t(i + 1));
            }));
            waitQueued(b, std::size_t(i + 1));
        }
        forward.open();
        QCOMPARE(lead.get().front().value, 0.0);
        for (int i = 0; i < 5; ++i) {
            const auto out = waiting[std::size_t(i)].get();
            QCOMPARE(out.size(), std::size_t(i + 1));
            for (int r = 0; r <= i; ++r)
                QCOMPARE(out[std::size_t(r)].value, double(100 * (i + 1) + r));
        }
        QCOMPARE(forward.sizes(), (std::vector<std::size_t>{1, 15}));
        QCOMPARE(b.stats().forwards, std::int64_t(2));
        QCOMPARE(b.stats().rows, std::int64_t(16));
    }

    void theRowBoundSplitsPassesAndABigRequestRunsAlone()
    {
        HeldForward forward;
        serve::MicroBatcher b(std::ref(forward), kWidth, 4, 1);
        const auto first = rowsStartingAt(0, 1);
        auto lead = std::async(std::launch::async, [&] { return b.predict(first.data(), 1); });
        forward.waitRunning(1);
        const auto three = rowsStartingAt(10, 3), two = rowsStartingAt(20, 2), nine = rowsStartingAt(30, 9);
        auto a = std::async(std::launch::async, [&] { return b.predict(three.data(), 3); });
        waitQueued(b, 1);
        auto c = std::async(std::launch::async, [&] { return b.predict(two.data(), 2); });
        waitQueued(b, 2);
        auto d = std::async(std::launch::async, [&] { return b.predict(nine.data(), 9); });
        waitQueued(b, 3);
        forward.open();
        lead.get();
        QCOMPARE(a.get()[2].value, 12.0);
        QCOMPARE(c.get()[1].value, 21.0);
        QCOMPARE(d.get()[8].value, 38.0);
        // 3 + 2 would exceed 4 rows: three passes after the first, in arrival order.
        QCOMPARE(forward.sizes(), (std::vector<std::size_t>{1, 3, 2, 9}));
    }

    void anErrorReachesEveryRequestOfItsPassAndNoOther()
    {
        HeldForward forward;
        serve::MicroBatcher b(std::ref(forward), kWidth, 64, 1);
        const auto first = rowsStartingAt(0, 1);
        auto lead = std::async(std::launch::async, [&] { return b.predict(first.data(), 1); });
        forward.waitRunning(1);
        const auto good = rowsStartingAt(5, 1), bad = rowsStartingAt(-5, 1);
        auto g = std::async(std::launch::async, [&] { return b.predict(good.data(), 1); });
        waitQueued(b, 1);
        auto x = std::async(std::launch::async, [&] { return b.predict(bad.data(), 1); });
        waitQueued(b, 2);
        forward.open();
        QCOMPARE(lead.get().front().value, 0.0);
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, g.get());
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, x.get());
        // And it serves on.
        QCOMPARE(b.predict(good.data(), 1).front().value, 5.0);
    }

    void passesBoundHowManyRunAtOnce()
    {
        HeldForward forward;
        serve::MicroBatcher b(std::ref(forward), kWidth, 1, 2);
        std::vector<std::vector<float>> bodies;
        for (int i = 0; i < 6; ++i)
            bodies.push_back(rowsStartingAt(float(i), 1));
        std::vector<std::future<std::vector<serve::Prediction>>> all;
        for (int i = 0; i < 6; ++i)
            all.push_back(std::async(std::launch::async, [&, i] { return b.predict(bodies[std::size_t(i)].data(), 1); }));
        forward.waitRunning(2);
        waitQueued(b, 4);
        forward.open();
        for (int i = 0; i < 6; ++i)
            QCOMPARE(all[std::size_t(i)].get().front().value, double(i));
        QCOMPARE(forward.maxRunning(), 2);
        QCOMPARE(b.stats().forwards, std::int64_t(6));
    }

    void aPassWaitsForTheOtherConnectedClientsButNotForever()
    {
        HeldForward forward;
        forward.open();
        serve::MicroBatcher b(std::ref(forward), kWidth, 64, 1, std::chrono::seconds(5));
        const auto one = rowsStartingAt(1, 1), two = rowsStartingAt(2, 1);
        // A lone client never waits.
        {
            serve::MicroBatcher::Client lone(b);
            QElapsedTimer t;
            t.start();
            QCOMPARE(b.predict(one.data(), 1).front().value, 1.0);
            QVERIFY(t.elapsed() < 4000);
        }
        // Two connected: the first request's pass waits for the second's, 100 ms later.
        auto first = std::make_unique<serve::MicroBatcher::Client>(b);
        auto second = std::make_unique<serve::MicroBatcher::Client>(b);
        auto early = std::async(std::launch::async, [&] { return b.predict(one.data(), 1); });
        waitQueued(b, 1);
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        QCOMPARE(b.stats().forwards, std::int64_t(1));
        QCOMPARE(b.predict(two.data(), 1).front().value, 2.0);
        QCOMPARE(early.get().front().value, 1.0);
        QCOMPARE(forward.sizes(), (std::vector<std::size_t>{1, 2}));
        // A client that disconnects releases the wait at once.
        auto again = std::async(std::launch::async, [&] { return b.predict(one.data(), 1); });
        waitQueued(b, 1);
        QElapsedTimer t;
        t.start();
        second.reset();
        QCOMPARE(again.get().front().value, 1.0);
        QVERIFY2(t.elapsed() < 4000, "the pass waited out its whole limit for a client that left");
        // The limit bounds the wait for a connected client that sends nothing.
        serve::MicroBatcher bounded(std::ref(forward), kWidth, 64, 1, std::chrono::milliseconds(50));
        serve::MicroBatcher::Client idle(bounded), asking(bounded);
        t.restart();
        QCOMPARE(bounded.predict(one.data(), 1).front().value, 1.0);
        QVERIFY(t.elapsed() >= 45);
    }
};

QTEST_GUILESS_MAIN(TestMicroBatcher)
#include "test_micro_batcher.moc"
