#pragma once
// Measuring a Qt GUI thread from inside (bench_labeling_gui): peak RSS, process and thread CPU
// time, run-queue wait (/proc/self/schedstat), a QApplication that times every event delivery,
// a 1 ms precise-timer probe of GUI-thread stalls, simple percentile statistics, and an event
// loop that runs until a condition holds.
#include <QApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

namespace flightdeck::bench {

inline double rssMb()
{
    std::ifstream in("/proc/self/status");
    std::string k;
    while (in >> k) {
        if (k == "VmRSS:") {
            long v = 0;
            in >> v;
            return v / 1024.0;
        }
        std::getline(in, k);
    }
    return -1;
}

// CPU time of the whole process (all threads), ms.
inline double processCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// This thread's time waiting for a core on the run queue (ms), from schedstat.
inline double runQueueWaitMs()
{
    std::ifstream in("/proc/thread-self/schedstat");
    double cpu = 0, wait = 0;
    in >> cpu >> wait;
    return wait / 1e6;
}

struct Stats {
    std::vector<double> v;   // milliseconds
    void add(double x) { v.push_back(x); }
    double pct(double p) const
    {
        if (v.empty())
            return 0;
        std::vector<double> s = v;
        std::sort(s.begin(), s.end());
        const std::size_t i = std::min(s.size() - 1, std::size_t(p / 100.0 * double(s.size())));
        return s[i];
    }
    double max() const { return v.empty() ? 0 : *std::max_element(v.begin(), v.end()); }
    std::string text() const
    {
        char b[160];
        std::snprintf(b, sizeof b, "median %.2f ms, p99 %.2f ms, max %.2f ms (n=%zu)", pct(50),
                      pct(99), max(), v.size());
        return b;
    }
};

inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// The slowest single deliveries of events on the GUI thread (outermost notify only), by
// receiver and event type: where a stall comes from.
class TimedApplication : public QApplication {
public:
    using QApplication::QApplication;
    struct Agg {
        std::size_t count = 0, over4 = 0;
        double total = 0, max = 0, maxCpu = 0;
    };
    bool on = false;
    std::map<std::string, Agg> stats;
    bool notify(QObject* receiver, QEvent* event) override
    {
        if (depth_ > 0 || !on || QThread::currentThread() != thread()) {
            ++depth_;
            const bool r = QApplication::notify(receiver, event);
            --depth_;
            return r;
        }
        ++depth_;
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        const int type = int(event->type());
        const bool r = QApplication::notify(receiver, event);
        const double ms = double(t.nsecsElapsed()) / 1e6, cpu = threadCpuMs() - cpu0;
        --depth_;
        if (ms > 0.5) {
            std::string what = receiver->metaObject()->className();
            if (!receiver->objectName().isEmpty())
                what += "(" + receiver->objectName().toStdString() + ")";
            what += type == QEvent::UpdateRequest ? " UpdateRequest (paint)"
                    : type == QEvent::Timer        ? " Timer"
                    : type == QEvent::MetaCall     ? " MetaCall (queued call)"
                                                   : " event " + std::to_string(type);
            Agg& a = stats[what];
            ++a.count;
            a.over4 += ms > 4 ? 1 : 0;
            a.total += ms;
            if (ms > a.max) {
                a.max = ms;
                a.maxCpu = cpu;
            }
        }
        return r;
    }
    // The event kinds with the longest single deliveries (> 0.5 ms counted).
    std::string top(std::size_t n)
    {
        std::vector<std::pair<std::string, Agg>> v(stats.begin(), stats.end());
        std::sort(v.begin(), v.end(),
                  [](const auto& a, const auto& b) { return a.second.max > b.second.max; });
        std::string out;
        for (std::size_t i = 0; i < v.size() && i < n; ++i) {
            char b[200];
            std::snprintf(b, sizeof b, "    max %.1f ms (GUI-thread CPU %.1f ms), %zu over 0.5 ms "
                                       "(%zu over 4 ms), %.0f ms in all: ",
                          v[i].second.max, v[i].second.maxCpu, v[i].second.count,
                          v[i].second.over4, v[i].second.total);
            out += b + v[i].first + "\n";
        }
        stats.clear();
        return out;
    }

private:
    int depth_ = 0;
};

TimedApplication* timedApp() { return static_cast<TimedApplication*>(qApp); }

// The GUI thread's responsiveness: the gaps between a 1 ms timer's firings (wall time), and the
// GUI thread's own CPU time within each gap. A gap much longer than its CPU time is the thread
// waiting for a core (other processes, the thumbnail worker), not our code running.
class Probe : public QObject {
public:
    Probe()
    {
        clock_.start();
        timer_.setTimerType(Qt::PreciseTimer);
        timer_.setInterval(1);
        connect(&timer_, &QTimer::timeout, this, [this] {
            const qint64 now = clock_.nsecsElapsed();
            const double cpu = threadCpuMs();
            if (last_ >= 0 && on_) {
                const double gap = double(now - last_) / 1e6;
                gaps.add(gap);
                gapCpu.add(cpu - lastCpu_);
                if (gap > worstGap) {
                    worstGap = gap;
                    worstGapCpu = cpu - lastCpu_;
                }
            }
            last_ = now;
            lastCpu_ = cpu;
        });
        timer_.start();
    }
    void start()
    {
        gaps = {};
        gapCpu = {};
        worstGap = worstGapCpu = 0;
        last_ = -1;
        on_ = true;
        timedApp()->on = true;
    }
    void stop()
    {
        on_ = false;
        timedApp()->on = false;
    }
    Stats gaps, gapCpu;
    double worstGap = 0, worstGapCpu = 0;

private:
    QElapsedTimer clock_;
    QTimer timer_;
    qint64 last_ = -1;
    double lastCpu_ = 0;
    bool on_ = false;
};

// Runs a real event loop (it blocks when idle, as the application's does) until `done` or
// `ms` pass.
template <typename F>
bool waitFor(F done, int ms)
{
    QElapsedTimer t;
    t.start();
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(1);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || t.elapsed() > ms)
            loop.quit();
    });
    poll.start();
    loop.exec();
    return done();
}

}  // namespace flightdeck::bench
