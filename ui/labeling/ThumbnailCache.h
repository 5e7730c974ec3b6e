#pragma once
// Thumbnails made off the GUI thread and kept in a bounded cache. A request returns what is
// cached (or nothing); misses are rendered by one background job that takes the newest
// requests first, so flinging through 70,000 images never queues up stale work, and ready()
// reports each finished batch.
#include <QCache>
#include <QImage>
#include <QObject>
#include <QPixmap>
#include <QSet>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

namespace flightdeck::ui {

struct LabelingData;

class ThumbnailCache : public QObject {
    Q_OBJECT
public:
    explicit ThumbnailCache(QObject* parent = nullptr);
    ~ThumbnailCache() override;

    void setData(std::shared_ptr<const LabelingData> data, int size);
    int size() const { return size_; }
    // Cached pixmap, or null after queueing the row for rendering.
    QPixmap thumbnail(int row);
    // The image at full resolution (the large view), made on the calling thread.
    static QImage image(const LabelingData& data, int row);   // a table row: its bars

Q_SIGNALS:
    void ready(const std::vector<int>& rows);

private:
    static QImage rowImage(const LabelingData& data, int row);
    void startJob();

    std::shared_ptr<const LabelingData> data_;
    int size_ = 64;
    QCache<int, QPixmap> cache_;
    QSet<int> requested_;   // queued or being rendered
    // Shared with the running job.
    struct Queue {
        std::mutex mutex;
        std::vector<int> wanted;   // newest last
        std::atomic<bool> running{false};
        std::atomic<bool> stop{false};
    };
    std::shared_ptr<Queue> queue_;
    quint64 generation_ = 0;
};

}  // namespace flightdeck::ui
