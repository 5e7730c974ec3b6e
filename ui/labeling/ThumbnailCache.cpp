#include "labeling/ThumbnailCache.h"

#include "labeling/LabelingData.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

#include <algorithm>

namespace flightdeck::ui {

ThumbnailCache::ThumbnailCache(QObject* parent)
    : QObject(parent), queue_(std::make_shared<Queue>())
{
    // In bytes: a count of pixmaps let 160 px thumbnails reach 2.7 GB (bench_labeling_gui).
    cache_.setMaxCost(256 << 20);
}

ThumbnailCache::~ThumbnailCache()
{
    queue_->stop = true;
}

void ThumbnailCache::setData(std::shared_ptr<const LabelingData> data, int size)
{
    queue_->stop = true;   // a job still running for the old data drops its results
    queue_ = std::make_shared<Queue>();
    data_ = std::move(data);
    size_ = size;
    cache_.clear();
    requested_.clear();
    ++generation_;
}

QImage ThumbnailCache::image(const LabelingData& data, int row)
{
    if (!data.images)
        return rowImage(data, row);
    const auto& s = data.pixels;
    const int w = int(s.width), h = int(s.height);
    const std::size_t plane = std::size_t(w) * h;
    const std::uint8_t* chw = s.image(std::size_t(row));
    if (s.channels == 1) {
        QImage img(w, h, QImage::Format_Grayscale8);
        for (int y = 0; y < h; ++y)
            std::copy_n(chw + std::size_t(y) * w, w, img.scanLine(y));
        return img;
    }
    QImage img(w, h, QImage::Format_RGB888);
    for (int y = 0; y < h; ++y) {
        uchar* line = img.scanLine(y);
        for (int x = 0; x < w; ++x)
            for (int c = 0; c < 3; ++c)
                line[3 * x + c] = chw[c * plane + std::size_t(y) * w + x];
    }
    return img;
}

// A table row as one bar per feature (at most 64), each scaled by its column's range across
// the version: rows that look alike draw alike, so a mislabeled one stands out in the grid.
QImage ThumbnailCache::rowImage(const LabelingData& data, int row)
{
    const auto& t = data.table;
    const int cols = static_cast<int>(std::min<std::size_t>(t.cols(), 64));
    const int w = 64, h = 64, step = std::max(1, w / std::max(cols, 1));
    const int barWidth = std::max(1, step - (step > 2 ? 1 : 0));
    QImage img(w, h, QImage::Format_RGB32);
    img.fill(qRgb(245, 245, 245));
    const float* values = t.row(std::size_t(row));
    for (int c = 0; c < cols; ++c) {
        const float lo = data.columnMin[std::size_t(c)], hi = data.columnMax[std::size_t(c)];
        const float f = hi > lo ? (values[c] - lo) / (hi - lo) : 0.5f;
        const int bar = std::clamp(static_cast<int>(f * float(h - 2)) + 1, 1, h);
        for (int y = h - bar; y < h; ++y)
            for (int x = c * step; x < c * step + barWidth && x < w; ++x)
                img.setPixel(x, y, qRgb(70, 110, 170));
    }
    return img;
}

QPixmap ThumbnailCache::thumbnail(int row)
{
    if (!data_)
        return {};
    if (QPixmap* hit = cache_.object(row))
        return *hit;
    if (requested_.contains(row))
        return {};
    requested_.insert(row);
    {
        std::lock_guard<std::mutex> lock(queue_->mutex);
        queue_->wanted.push_back(row);
    }
    startJob();
    return {};
}

void ThumbnailCache::startJob()
{
    if (queue_->running.exchange(true))
        return;
    auto queue = queue_;
    auto data = data_;
    const int size = size_;
    QPointer<ThumbnailCache> self(this);
    const quint64 generation = generation_;
    QThreadPool::globalInstance()->start([queue, data, size, self, generation] {
        for (;;) {
            std::vector<int> batch, dropped;
            {
                std::lock_guard<std::mutex> lock(queue->mutex);
                // Newest first, at most a screenful: what the user looks at now.
                auto& w = queue->wanted;
                std::reverse(w.begin(), w.end());
                w.erase(std::unique(w.begin(), w.end()), w.end());
                const auto take = std::min<std::ptrdiff_t>(std::ptrdiff_t(w.size()), 256);
                batch.assign(w.begin(), w.begin() + take);
                dropped.assign(w.begin() + take, w.end());   // scrolled past long ago
                w.clear();
                if (batch.empty() || queue->stop) {
                    queue->running = false;
                    return;
                }
            }
            auto images = std::make_shared<std::vector<std::pair<int, QImage>>>();
            for (int row : batch) {
                if (queue->stop)
                    break;
                const QImage full = image(*data, row);
                // Small images are enlarged pixel for pixel (blurring a 28 px digit hides it).
                const auto mode = full.width() < size ? Qt::FastTransformation
                                                      : Qt::SmoothTransformation;
                // Converted here to the raster pixmap's own format, so that fromImage on the
                // GUI thread shares the buffer instead of converting it (grayscale took ~20 us
                // per 72 px thumbnail there, ~90 us at 160 px).
                images->emplace_back(row, full.scaled(size, size, Qt::KeepAspectRatio, mode)
                                              .convertToFormat(QImage::Format_RGB32));
            }
            // Posted to the application (always there) and checked on the GUI thread, where
            // reading the QPointer is safe.
            QMetaObject::invokeMethod(
                QCoreApplication::instance(),
                [self, images, dropped, generation] {
                    if (!self || self->generation_ != generation)
                        return;
                    for (int row : dropped)
                        self->requested_.remove(row);
                    std::vector<int> rows;
                    for (auto& [row, img] : *images) {
                        self->requested_.remove(row);
                        auto* pixmap = new QPixmap(QPixmap::fromImage(std::move(img)));
                        const qsizetype bytes = qsizetype(pixmap->width()) * pixmap->height() * 4;
                        self->cache_.insert(row, pixmap, std::max<qsizetype>(1, bytes));
                        rows.push_back(row);
                    }
                    Q_EMIT self->ready(rows);
                },
                Qt::QueuedConnection);
        }
    });
}

}  // namespace flightdeck::ui
