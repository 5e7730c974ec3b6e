#include "labeling/SampleView.h"

#include "labeling/LabelingDocument.h"

#include "common/NumberText.h"
#include "labeling/ThumbnailCache.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flightdeck::ui {

using flightdeck::store::LabelSource;

void ImageCanvas::setImage(const QImage& image)
{
    image_ = image;
    update();
}

void ImageCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().color(QPalette::Dark));
    if (image_.isNull())
        return;
    const QSize s = image_.size().scaled(size() - QSize(8, 8), Qt::KeepAspectRatio);
    const QRect target(rect().center() - QPoint(s.width() / 2, s.height() / 2), s);
    p.setRenderHint(QPainter::SmoothPixmapTransform, s.width() < image_.width());
    p.drawImage(target, image_);
}

SampleView::SampleView(LabelingDocument* document, QWidget* parent)
    : QWidget(parent), document_(document)
{
    stack_ = new QStackedWidget(this);
    canvas_ = new ImageCanvas(this);
    canvas_->setObjectName(QStringLiteral("labelingCanvas"));
    values_ = new QTableWidget(0, 2, this);
    values_->setObjectName(QStringLiteral("labelingRowValues"));
    values_->verticalHeader()->hide();
    values_->setHorizontalHeaderLabels({tr("Feature"), tr("Value")});
    values_->horizontalHeader()->setStretchLastSection(true);
    values_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    values_->setFocusPolicy(Qt::NoFocus);
    stack_->addWidget(canvas_);
    stack_->addWidget(values_);
    info_ = new QLabel(this);
    info_->setObjectName(QStringLiteral("labelingSampleInfo"));
    info_->setTextFormat(Qt::PlainText);
    info_->setWordWrap(true);
    // Two lines, always: a label that grows with its text re-laid out the whole side column
    // on some key presses (8 ms, bench_labeling_gui).
    info_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Fixed);
    info_->setFixedHeight(2 * info_->fontMetrics().lineSpacing() + 4);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(stack_, 1);
    layout->addWidget(info_);
    connect(document_, &LabelingDocument::rowsChanged, this, [this](const std::vector<int>& rows) {
        if (std::find(rows.begin(), rows.end(), row_) != rows.end())
            refreshInfo();
    });
}

void SampleView::showRow(int row)
{
    row_ = document_->isLoaded() && row < document_->count() ? row : -1;
    const LabelingData* data = document_->data();
    if (row_ < 0 || !data) {
        canvas_->setImage({});
        values_->setRowCount(0);
    } else if (data->images) {
        stack_->setCurrentWidget(canvas_);
        canvas_->setImage(ThumbnailCache::image(*data, row_));
    } else {
        stack_->setCurrentWidget(values_);
        const auto& t = data->table;
        const int cols = int(t.cols());
        values_->setRowCount(cols);
        const float* values = t.row(std::size_t(row_));
        for (int c = 0; c < cols; ++c) {
            auto* name = values_->item(c, 0);
            if (!name) {
                values_->setItem(c, 0, name = new QTableWidgetItem);
                values_->setItem(c, 1, new QTableWidgetItem);
            }
            name->setText(QString::fromStdString(t.featureNames[std::size_t(c)]));
            values_->item(c, 1)->setText(NumberText::value(double(values[c])));
        }
    }
    refreshInfo();
}

void SampleView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        values_->setHorizontalHeaderLabels({tr("Feature"), tr("Value")});
        refreshInfo();
    }
    QWidget::changeEvent(event);
}

QString SampleView::infoText() const
{
    return info_->text();
}

void SampleView::refreshInfo()
{
    if (row_ < 0) {
        info_->setText(tr("No item selected."));
        return;
    }
    const RowState& s = document_->row(row_);
    QString who;
    switch (s.source) {
    case LabelSource::Import: who = tr("from the import"); break;
    case LabelSource::User: who = tr("by you"); break;
    case LabelSource::Model: who = tr("pre-label by the model (Enter accepts)"); break;
    }
    const QString label = s.label < 0 ? tr("not labeled")
                                      : tr("%1, %2").arg(document_->classes()[s.label], who);
    const QLocale locale;
    QString text = tr("%1 of %2: %3 — %4")
                       .arg(locale.toString(row_ + 1), locale.toString(document_->count()),
                            document_->name(row_), label);
    if (s.verified)
        text += QLatin1Char(' ') + tr("(verified)");
    if (document_->secondsSpent(row_) > 0)
        text += QLatin1Char(' ') + tr("%1 s spent").arg(NumberText::decimal(double(document_->secondsSpent(row_)), 1));
    info_->setText(text);
}

}  // namespace flightdeck::ui
