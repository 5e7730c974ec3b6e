#include "labeling/SampleListModel.h"

#include "labeling/LabelingDocument.h"
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
    }
    return true;
}

void SampleListModel::setFilter(SampleFilter filter, int classIndex)
{
    filter_ = filter;
    filterClass_ = classIndex;
    refilter();
}

void SampleListModel::refilter()
{
    beginResetModel();
    rows_.clear();
    position_.assign(static_cast<std::size_t>(document_->count()), -1);
    if (document_->isLoaded())
        for (int r = 0; r < document_->count(); ++r)
            if (accepts(r)) {
                position_[static_cast<std::size_t>(r)] = static_cast<int>(rows_.size());
                rows_.push_back(r);
            }
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
    case Qt::ToolTipRole:
        return className.isEmpty() ? document_->name(r)
                                   : tr("%1: %2").arg(document_->name(r), className);
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
