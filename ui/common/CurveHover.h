#pragma once
// The hover read-out of a curve plot: while the mouse moves over the plot with no button
// pressed, a dashed line at its x and, in the top-left corner, every curve's value there (the
// text comes from the plot, which knows its curves); both go when the mouse leaves.
#include <QObject>
#include <QString>

#include <functional>

class QCPItemStraightLine;
class QCPItemText;
class QCustomPlot;

namespace flightdeck::ui {

class CurveHover : public QObject {
    Q_OBJECT
public:
    using Text = std::function<QString(double x)>;
    CurveHover(QCustomPlot* plot, Text text, QObject* parent = nullptr);
    // After a redraw: the read-out at the same x, from the new data.
    void refresh();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showAt(double x);

    QCustomPlot* plot_;
    Text text_;
    QCPItemText* box_;
    QCPItemStraightLine* cursor_;
};

}  // namespace flightdeck::ui
