// Labeling panel benchmark (issue 6): the real ui::LabelingPanel on 70,000 images (the
// Fashion-MNIST IDX files as a dataset version, or a synthetic set of the same shape when they
// are missing), shown at 1280x720 on the offscreen platform (QT_QPA_PLATFORM=offscreen unless
// set; xvfb-run with QT_QPA_PLATFORM=xcb works too).
//  fling:    the grid's scroll bar driven from top to bottom by a 16 ms frame timer, 3 screen
//            heights a frame, each frame painted at once (viewport()->repaint()), while the event
//            loop runs normally. Probes: a 1 ms precise timer (the gap between its firings, and
//            the GUI thread's CPU time within it), each frame's own time, and the slowest event
//            deliveries by kind (QApplication::notify timed). Also: thumbnails rendered
//            (ThumbnailCache::ready) against items shown, and the share of shown cells that had
//            their thumbnail when painted.
//  labeling: for 1,000 items, a class key sent to the grid (QTest::keyClick) and the clock
//            stopped when the next item is current and the large view has painted it (the event
//            loop run until the canvas's paint event is over).
// Both with the default thumbnail size and with the slider (labelingThumbnailSize) at 160.
//   bench_labeling_gui [--idx DIR] [--synthetic] [--labels N] [--size S]...
// (--size may repeat; default: the panel's default size, then 160).
#include "GuiProbe.h"

#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/IdxReader.h"
#include "flightdeck/store/Project.h"
#include "labeling/ClassBar.h"
#include "labeling/LabelingPanel.h"
#include "labeling/SampleListModel.h"
#include "labeling/SampleView.h"
#include "labeling/ThumbnailCache.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QListView>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <time.h>

#include <algorithm>
#include <map>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <set>
#include <string>
#include <vector>

using namespace flightdeck;
using namespace flightdeck::ui;

using namespace flightdeck::bench;

namespace {

// Until the grid's layout (batched) stops growing the scroll range.
double waitForLayout(QListView* grid)
{
    QElapsedTimer t;
    t.start();
    int last = -1, stable = 0;
    while (stable < 5 && t.elapsed() < 60000) {
        QTest::qWait(20);
        const int m = grid->verticalScrollBar()->maximum();
        stable = m == last && m > 0 ? stable + 1 : 0;
        last = m;
    }
    return double(t.elapsed() - 100) / 1000.0;
}

// Rows whose cells intersect the viewport: the grid flows left to right and wraps, with
// uniform sizes, so they are the rows from the top-left cell to the bottom-right one.
std::vector<int> visibleRows(QListView* grid)
{
    const QRect r = grid->viewport()->rect();
    const int n = grid->model()->rowCount();
    QModelIndex first = grid->indexAt(QPoint(4, 4));
    for (int y = 4; !first.isValid() && y < r.height(); y += 8)
        first = grid->indexAt(QPoint(4, y));
    QModelIndex last;
    for (int y = r.height() - 2; !last.isValid() && y > 0; y -= 8)
        for (int x = r.width() - 2; !last.isValid() && x > 0; x -= 16)
            last = grid->indexAt(QPoint(x, y));
    std::vector<int> rows;
    if (first.isValid() && last.isValid())
        for (int i = first.row(); i <= last.row() && i < n; ++i)
            rows.push_back(i);
    return rows;
}

struct FlingResult {
    Stats frames, gaps, gapCpu, accounting;
    double worstGap = 0, worstGapCpu = 0;
    std::string slowEvents;
    std::size_t frameCount = 0, shownCells = 0, shownWithThumb = 0, distinctShown = 0;
    std::size_t rendered = 0;
    double seconds = 0, lastScreenMs = -1, waitMs = 0, cpuMs = 0, otherCpuMs = 0;
};

FlingResult fling(LabelingPanel& panel, ThumbnailCache* cache, Probe& probe)
{
    QListView* grid = panel.grid();
    QScrollBar* bar = grid->verticalScrollBar();
    bar->setValue(0);
    QTest::qWait(300);   // the first screen's thumbnails
    FlingResult r;
    std::set<int> rendered, shown;
    auto conn = QObject::connect(cache, &ThumbnailCache::ready, [&](const std::vector<int>& rows) {
        rendered.insert(rows.begin(), rows.end());
    });
    const int step = 3 * grid->viewport()->height();
    QElapsedTimer clock;
    QTimer frame;
    frame.setTimerType(Qt::PreciseTimer);
    frame.setInterval(16);
    bool done = false;
    QObject::connect(&frame, &QTimer::timeout, [&] {
        QElapsedTimer t;
        t.start();
        bar->setValue(std::min(bar->maximum(), bar->value() + step));
        grid->viewport()->repaint();
        r.frames.add(double(t.nsecsElapsed()) / 1e6);
        ++r.frameCount;
        // What the user saw in this frame: cells with a thumbnail vs placeholders (the view
        // already asked for these rows while painting, so data() only reads the cache).
        QElapsedTimer a;
        a.start();
        for (int row : visibleRows(grid)) {
            ++r.shownCells;
            shown.insert(row);
            if (!grid->model()->index(row, 0).data(Qt::DecorationRole).value<QPixmap>().isNull())
                ++r.shownWithThumb;
        }
        r.accounting.add(double(a.nsecsElapsed()) / 1e6);
        if (bar->value() >= bar->maximum()) {
            frame.stop();
            done = true;
        }
    });
    probe.start();
    const double wait0 = runQueueWaitMs(), cpu0 = threadCpuMs(), all0 = processCpuMs();
    clock.start();
    frame.start();
    waitFor([&] { return done; }, 600000);
    r.seconds = clock.elapsed() / 1000.0;
    r.waitMs = runQueueWaitMs() - wait0;
    r.cpuMs = threadCpuMs() - cpu0;
    r.otherCpuMs = processCpuMs() - all0 - r.cpuMs;
    // How long until the last screen is complete.
    QElapsedTimer tail;
    tail.start();
    const std::vector<int> last = visibleRows(grid);
    if (waitFor([&] {
            for (int row : last)
                if (grid->model()->index(row, 0).data(Qt::DecorationRole).value<QPixmap>().isNull())
                    return false;
            return true;
        }, 5000))
        r.lastScreenMs = double(tail.nsecsElapsed()) / 1e6;
    QTest::qWait(200);
    probe.stop();
    r.slowEvents = timedApp()->top(8);
    r.gaps = probe.gaps;
    r.gapCpu = probe.gapCpu;
    r.worstGap = probe.worstGap;
    r.worstGapCpu = probe.worstGapCpu;
    QObject::disconnect(conn);
    r.rendered = rendered.size();
    r.distinctShown = shown.size();
    return r;
}

struct LabelResult {
    Stats latency, cpu;
    double worst = 0, worstCpu = 0;
    std::string slowEvents;
    std::size_t wrong = 0;
};

LabelResult label(LabelingPanel& panel, int items, const std::vector<char>& keys, int startRow)
{
    LabelResult r;
    QWidget* canvas = panel.findChild<QWidget*>(QStringLiteral("labelingCanvas"));
    struct PaintWatch : QObject {
        bool painted = false;
        bool eventFilter(QObject*, QEvent* e) override
        {
            if (e->type() == QEvent::Paint)
                painted = true;
            return false;
        }
    } watch;
    canvas->installEventFilter(&watch);
    panel.setCurrentRow(startRow);
    QTest::qWait(100);
    timedApp()->stats.clear();
    timedApp()->on = true;
    for (int i = 0; i < items; ++i) {
        const int before = panel.currentRow();
        watch.painted = false;
        QElapsedTimer t;
        t.start();
        const double cpu0 = threadCpuMs();
        QTest::keyClick(panel.grid(), keys[std::size_t(i) % keys.size()]);
        // The paint event is filtered before it is handled: run the loop until it has been
        // delivered and nothing is left to do, so the canvas's paint is over.
        while (!(watch.painted && panel.sampleView()->row() == before + 1)) {
            QCoreApplication::processEvents(QEventLoop::AllEvents);
            if (t.elapsed() > 2000)
                break;
        }
        const double ms = double(t.nsecsElapsed()) / 1e6, cpu = threadCpuMs() - cpu0;
        r.latency.add(ms);
        r.cpu.add(cpu);
        if (ms > r.worst) {
            r.worst = ms;
            r.worstCpu = cpu;
        }
        if (panel.currentRow() != before + 1 || panel.sampleView()->row() != before + 1)
            ++r.wrong;
        // A person needs >100 ms per item; let thumbnails and the label writer catch up.
        QCoreApplication::processEvents(QEventLoop::AllEvents, 2);
    }
    canvas->removeEventFilter(&watch);
    timedApp()->on = false;
    r.slowEvents = timedApp()->top(8);
    return r;
}

void report(const char* title, const FlingResult& f, const LabelResult& l, int items)
{
    std::printf("\n-- %s --\n", title);
    std::printf("fling: %zu frames in %.2f s (%.1f frames/s asked 62.5); the GUI thread ran %.0f ms "
                "and waited %.0f ms for a core; the process's other threads (thumbnail "
                "rendering, label writer) ran %.0f ms\n",
                f.frameCount, f.seconds, double(f.frameCount) / f.seconds, f.cpuMs, f.waitMs,
                f.otherCpuMs);
    std::printf("  frame (setValue + repaint): %s\n", f.frames.text().c_str());
    std::printf("  (the bench's own count of shown cells per frame: %s)\n",
                f.accounting.text().c_str());
    std::printf("  1 ms timer gap:             %s   <- worst GUI-thread stall (target < 16 ms: %s)\n",
                f.gaps.text().c_str(), f.gaps.max() < 16 ? "met" : "MISSED");
    std::printf("  GUI-thread CPU in a gap:    %s; the worst gap (%.2f ms) had %.2f ms of it\n",
                f.gapCpu.text().c_str(), f.worstGap, f.worstGapCpu);
    std::printf("  thumbnails rendered %zu for %zu distinct items shown (of %d); %.1f %% of the "
                "%zu cells painted had their thumbnail; last screen complete %.1f ms after the "
                "fling stopped\n",
                f.rendered, f.distinctShown, items,
                100.0 * double(f.shownWithThumb) / double(std::max<std::size_t>(1, f.shownCells)),
                f.shownCells, f.lastScreenMs);
    std::printf("  slowest event deliveries on the GUI thread:\n%s", f.slowEvents.c_str());
    std::printf("labeling: key -> next item current and painted: %s (target < 16 ms: %s); %zu "
                "wrong\n",
                l.latency.text().c_str(), l.latency.max() < 16 ? "met" : "MISSED", l.wrong);
    std::printf("  GUI-thread CPU per key: %s; the slowest key (%.2f ms) had %.2f ms of it\n",
                l.cpu.text().c_str(), l.worst, l.worstCpu);
    std::printf("  slowest event deliveries on the GUI thread:\n%s", l.slowEvents.c_str());
}

qint64 makeProject(const QString& folder, const QString& idxDir, bool synthetic, int* count)
{
    auto project = store::Project::create(folder.toStdString());
    data::ImageSet s;
    const bool haveIdx = !synthetic && QFileInfo(idxDir).isDir();
    if (haveIdx) {
        s = data::readIdxImages(data::findIdxPairs(idxDir.toStdString()));
    } else {
        s.width = s.height = 28;
        s.classes = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        std::uint64_t x = 88172645463325252ull;
        s.pixels.resize(70000u * 784u);
        for (std::size_t i = 0; i < 70000; ++i) {
            s.names.push_back("synthetic/" + std::to_string(i));
            s.labels.push_back(std::int32_t(i % 10));
            for (std::size_t p = 0; p < 784; ++p) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.pixels[i * 784 + p] = std::uint8_t((p % 28) * 4 + (x & 31));
            }
        }
    }
    *count = int(s.size());
    std::printf("dataset: %s, %zu images %ux%ux%u\n",
                haveIdx ? idxDir.toUtf8().constData() : "synthetic", s.size(), s.channels,
                s.height, s.width);
    return data::DatasetCatalog(project).addImageVersion(haveIdx ? "fashion-mnist" : "synthetic",
                                                         s, "bench").id;
}

}  // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    TimedApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckBench"));
    QCoreApplication::setApplicationName(QStringLiteral("bench_labeling_gui"));
    QSettings().clear();

    QString idxDir = QStringLiteral("/usr/share/datasets/fashion-mnist");
    bool synthetic = false;
    int labelItems = 1000;
    std::vector<int> sizes;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args[i] == QLatin1String("--idx") && i + 1 < args.size())
            idxDir = args[++i];
        else if (args[i] == QLatin1String("--synthetic"))
            synthetic = true;
        else if (args[i] == QLatin1String("--labels") && i + 1 < args.size())
            labelItems = args[++i].toInt();
        else if (args[i] == QLatin1String("--size") && i + 1 < args.size())
            sizes.push_back(args[++i].toInt());
        else {
            std::fprintf(stderr, "usage: %s [--idx DIR] [--synthetic] [--labels N] [--size S]...\n"
                                 "  (--size may repeat; default: the panel's default and 160)\n",
                         argv[0]);
            return 2;
        }
    }
    std::printf("platform %s, Qt %s; load average: ", qPrintable(QGuiApplication::platformName()),
                qVersion());
    std::fflush(stdout);
    std::system("cut -d' ' -f1-3 /proc/loadavg");

    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("p"));
    int count = 0;
    const qint64 version = makeProject(folder, idxDir, synthetic, &count);

    Probe probe;
    ProjectSession session;
    TaskRunner tasks(&session);
    LabelingPanel panel(&session, &tasks);
    QString error;
    if (!session.openProject(folder, false, &error)) {
        std::fprintf(stderr, "cannot open the project: %s\n", qPrintable(error));
        return 1;
    }
    panel.resize(1280, 720);
    panel.show();
    if (!QTest::qWaitForWindowExposed(&panel))
        std::printf("(window not exposed)\n");
    auto* cache = panel.findChild<ThumbnailCache*>();
    auto* slider = panel.findChild<QSlider*>(QStringLiteral("labelingThumbnailSize"));
    if (!cache || !slider) {
        std::fprintf(stderr, "the panel has no ThumbnailCache or size slider\n");
        return 1;
    }
    if (sizes.empty())
        sizes = {slider->value(), 160};

    probe.start();
    QElapsedTimer t;
    t.start();
    QSignalSpy loaded(&panel, &LabelingPanel::versionLoaded);
    panel.loadVersion(version);
    if (!loaded.wait(60000)) {
        std::fprintf(stderr, "the version did not load\n");
        return 1;
    }
    const double loadS = t.elapsed() / 1000.0;
    const double layoutS = waitForLayout(panel.grid());
    probe.stop();
    std::printf("load %.2f s, then layout of %d items %.2f s; during both: 1 ms timer gap %s; "
                "RSS %.0f MB\n",
                loadS, count, layoutS, probe.gaps.text().c_str(), rssMb());

    std::vector<char> keys;
    for (char c : std::string("0123456789abcdefghijklmnopqrstuwxyz"))
        if (panel.classBar()->classForKey(QLatin1Char(c)) >= 0)
            keys.push_back(c);
    if (keys.empty()) {
        std::fprintf(stderr, "no class keys\n");
        return 1;
    }

    int startRow = 0;
    for (int size : sizes) {
        if (size != slider->value()) {
            // Dragged as a person drags the slider: a value every 16 ms, each one handled
            // (valueChanged) on the GUI thread before the next.
            Stats steps;
            const int from = slider->value(), stride = size > from ? 4 : -4;
            probe.start();
            for (int v = from + stride; stride > 0 ? v < size : v > size; v += stride) {
                QElapsedTimer r;
                r.start();
                slider->setValue(v);
                steps.add(double(r.nsecsElapsed()) / 1e6);
                QTest::qWait(16);
            }
            QElapsedTimer r;
            r.start();
            slider->setValue(size);
            steps.add(double(r.nsecsElapsed()) / 1e6);
            const double relayout = waitForLayout(panel.grid());
            probe.stop();
            std::printf("\nthumbnail size %d -> %d, dragged in steps of 4: each valueChanged blocks "
                        "the GUI thread %s; then layout %.2f s; 1 ms timer gap %s\n",
                        from, size, steps.text().c_str(), relayout, probe.gaps.text().c_str());
        }
        const FlingResult f = fling(panel, cache, probe);
        const LabelResult l = label(panel, labelItems, keys, startRow);
        startRow += labelItems;
        const std::string title = "thumbnail size " + std::to_string(size) + " (cell "
                                  + std::to_string(panel.grid()->visualRect(panel.model()->index(0)).width())
                                  + "x"
                                  + std::to_string(panel.grid()->visualRect(panel.model()->index(0)).height())
                                  + ", viewport "
                                  + std::to_string(panel.grid()->viewport()->width()) + "x"
                                  + std::to_string(panel.grid()->viewport()->height()) + ")";
        report(title.c_str(), f, l, count);
        std::printf("  RSS %.0f MB\n", rssMb());
    }
    return 0;
}
