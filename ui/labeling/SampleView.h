#pragma once
// The large view of the current sample: the image at the largest size that fits (small
// images enlarged pixel for pixel), or a table row's values, with its name, label, who set
// it, whether it is verified and the time spent on it.
#include <QImage>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTableWidget;

namespace flightdeck::ui {

class LabelingDocument;

class ImageCanvas : public QWidget {
    Q_OBJECT
public:
    using QWidget::QWidget;
    void setImage(const QImage& image);
    QSize minimumSizeHint() const override { return {160, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QImage image_;
};

class SampleView : public QWidget {
    Q_OBJECT
public:
    SampleView(LabelingDocument* document, QWidget* parent = nullptr);
    void showRow(int row);   // -1 = nothing
    int row() const { return row_; }
    QString infoText() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshInfo();

    LabelingDocument* document_;
    int row_ = -1;
    QStackedWidget* stack_;
    ImageCanvas* canvas_;
    QTableWidget* values_;
    QLabel* info_;
};

}  // namespace flightdeck::ui
