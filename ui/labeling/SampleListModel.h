#pragma once
// The samples of the labeling document as a list model, through a filter (unlabeled, one
// class, verified or not, model pre-labels). Images come from the ThumbnailCache; table rows
// show their first values. The view is virtualized: only visible rows are ever asked for.
#include <QAbstractListModel>

#include <memory>
#include <vector>

namespace flightdeck::train { struct VersionPredictions; }

namespace flightdeck::ui {

class LabelingDocument;
class ThumbnailCache;

enum class SampleFilter { All, Unlabeled, Labeled, Class, Verified, NotVerified, PreLabeled,
                          Disagrees };
// The queue's order; the uncertainty orders need a model's predictions (most uncertain first).
enum class SampleOrder { Dataset, LeastConfident, SmallestMargin, HighestEntropy };

class SampleListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role { RowRole = Qt::UserRole + 1, ColorRole, VerifiedRole, PreLabelRole, LabelRole };

    SampleListModel(LabelingDocument* document, ThumbnailCache* thumbnails,
                    QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;

    void setFilter(SampleFilter filter, int classIndex = -1);
    void setOrder(SampleOrder order);
    SampleOrder order() const { return order_; }
    // A model's predictions on the document's rows; `classOf` maps the model's classes to the
    // document's (-1 where the document has no such class).
    void setPredictions(std::shared_ptr<const flightdeck::train::VersionPredictions> predictions,
                        std::vector<int> classOf);
    const flightdeck::train::VersionPredictions* predictions() const { return predictions_.get(); }
    int predictedClass(int documentRow) const;   // document class index, -1 when unknown
    SampleFilter filter() const { return filter_; }
    int filterClass() const { return filterClass_; }
    int documentRow(int modelRow) const { return rows_[static_cast<std::size_t>(modelRow)]; }
    // The model row showing a document row, or -1 when the filter hides it.
    int modelRow(int documentRow) const;
    // Rebuilds the filtered list (after a load, or when the user asks to refresh a filter:
    // an item labeled under "Unlabeled" stays listed until then, so the list never jumps).
    void refilter();

private:
    bool accepts(int documentRow) const;
    void onRowsChanged(const std::vector<int>& rows);
    void onThumbnails(const std::vector<int>& rows);

    LabelingDocument* document_;
    ThumbnailCache* thumbnails_;
    SampleFilter filter_ = SampleFilter::All;
    SampleOrder order_ = SampleOrder::Dataset;
    std::shared_ptr<const flightdeck::train::VersionPredictions> predictions_;
    std::vector<int> classOf_;
    int filterClass_ = -1;
    std::vector<int> rows_;      // model row -> document row
    std::vector<int> position_;  // document row -> model row, -1 when hidden
};

}  // namespace flightdeck::ui
