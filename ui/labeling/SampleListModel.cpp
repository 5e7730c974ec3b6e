#include "labeling/SampleListModel.h"

#include "labeling/LabelingDocument.h"

#include "common/NumberText.h"
#include "flightdeck/train/VersionPredictor.h"
#include "labeling/ThumbnailCache.h"

#include <algorithm>
#include <climits>

namespace flightdeck::ui {

using flightdeck::store::LabelSource;

SampleListModel::SampleListModel(LabelingDocument* document, ThumbnailCache* thumbnails,
                                 QObject* parent)
    : QAbstractListModel(parent), document_(document), thumbnails_(thumbnails)
{
    connect(document_, &LabelingDocument::loaded, this, &SampleListModel::refilter);
    connect(document_, &LabelingDocument::rowsChanged, this, &SampleListModel::onRowsChanged);
    connect(thumbnails_, &ThumbnailCache::ready, this, &SampleListModel::onThumbnails);
}

int SampleListModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

bool SampleListModel::accepts(int r) const
{
    const RowState& s = document_->row(r);
    switch (filter_) {
    case SampleFilter::All: return true;
    case SampleFilter::Unlabeled: return s.label < 0;
    case SampleFilter::Labeled: return s.label >= 0;
    case SampleFilter::Class: return s.label == filterClass_;
    case SampleFilter::Verified: return s.verified;
    case SampleFilter::NotVerified: return s.label >= 0 && !s.verified;
    case SampleFilter::PreLabeled: return s.source == LabelSource::Model;
    case SampleFilter::Disagrees: {
        const int predicted = predictedClass(r);
        return s.label >= 0 && predicted >= 0 && predicted != s.label;
    }
    }
    return true;
}

void SampleListModel::setFilter(SampleFilter filter, int classIndex)
{
    filter_ = filter;
    filterClass_ = classIndex;
    refilter();
}

void SampleListModel::setOrder(SampleOrder order)
{
    order_ = order;
    refilter();
}

void SampleListModel::setPredictions(
    std::shared_ptr<const flightdeck::train::VersionPredictions> predictions, std::vector<int> classOf)
{
    predictions_ = std::move(predictions);
    classOf_ = std::move(classOf);
    refilter();
}

int SampleListModel::predictedClass(int documentRow) const
{
    if (!predictions_ || documentRow < 0 || std::size_t(documentRow) >= predictions_->rows)
        return -1;
    const int modelClass = predictions_->predicted[std::size_t(documentRow)];
    return modelClass >= 0 && std::size_t(modelClass) < classOf_.size() ? classOf_[std::size_t(modelClass)] : -1;
}

void SampleListModel::refilter()
{
    beginResetModel();
    rows_.clear();
    position_.assign(static_cast<std::size_t>(document_->count()), -1);
    if (document_->isLoaded())
        for (int r = 0; r < document_->count(); ++r)
            if (accepts(r))
                rows_.push_back(r);
    const auto* p = predictions_.get();
    if (p && order_ != SampleOrder::Dataset && p->rows == std::size_t(document_->count())) {
        // Most uncertain first: the items a person's label teaches the model most.
        auto key = [p, this](int r) {
            const std::size_t i = std::size_t(r);
            switch (order_) {
            case SampleOrder::LeastConfident: return p->confidence[i];
            case SampleOrder::SmallestMargin: return p->margin[i];
            case SampleOrder::HighestEntropy: return -p->entropy[i];
            case SampleOrder::Dataset: break;
            }
            return float(r);
        };
        std::stable_sort(rows_.begin(), rows_.end(), [&](int a, int b) { return key(a) < key(b); });
    }
    for (std::size_t m = 0; m < rows_.size(); ++m)
        position_[static_cast<std::size_t>(rows_[m])] = static_cast<int>(m);
    endResetModel();
}

int SampleListModel::modelRow(int documentRow) const
{
    if (documentRow < 0 || documentRow >= static_cast<int>(position_.size()))
        return -1;
    return position_[static_cast<std::size_t>(documentRow)];
}

QVariant SampleListModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= static_cast<int>(rows_.size()))
        return {};
    const int r = rows_[static_cast<std::size_t>(index.row())];
    const RowState& s = document_->row(r);
    const QString className = s.label >= 0 ? document_->classes().value(s.label) : QString();
    switch (role) {
    case Qt::DisplayRole:
        return className;
    case Qt::ToolTipRole: {
        QString tip = className.isEmpty() ? document_->name(r)
                                          : tr("%1: %2").arg(document_->name(r), className);
        const int predicted = predictedClass(r);
        if (predicted >= 0)
            tip += QLatin1Char('\n') + tr("model: %1 (%2)")
                                          .arg(document_->classes().value(predicted),
                                               NumberText::percent(double(predictions_->confidence[std::size_t(r)]), 0));
        return tip;
    }
    case Qt::DecorationRole:
        return thumbnails_->thumbnail(r);
    case RowRole:
        return r;
    case ColorRole:
        return document_->classColor(s.label);
    case VerifiedRole:
        return s.verified;
    case PreLabelRole:
        return s.source == LabelSource::Model;
    case LabelRole:
        return s.label;
    default:
        return {};
    }
}

void SampleListModel::onRowsChanged(const std::vector<int>& rows)
{
    // Rows stay where they are until refilter(): a labeled item does not vanish under the
    // cursor, and the next item is where the user expects it.
    int lo = INT_MAX, hi = -1;
    for (int r : rows) {
        const int m = modelRow(r);
        if (m >= 0) {
            lo = std::min(lo, m);
            hi = std::max(hi, m);
        }
    }
    if (hi >= 0)
        Q_EMIT dataChanged(index(lo), index(hi));
}

void SampleListModel::onThumbnails(const std::vector<int>& rows)
{
    onRowsChanged(rows);
}

}  // namespace flightdeck::ui
