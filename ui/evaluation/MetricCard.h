#pragma once
// A small "metric card": a grey caption over one large value (Evaluation and Monitoring use it).
// The value label carries the object name given here, so tests and layouts can find it.
#include <QFrame>

class QLabel;

namespace flightdeck::ui {

class MetricCard : public QFrame {
    Q_OBJECT
public:
    explicit MetricCard(const QString& valueObjectName, QWidget* parent = nullptr);

    void setCaption(const QString& caption);
    void setValue(const QString& value, const QString& toolTip = {});
    // Colours the value (e.g. red for a high error rate); an invalid colour resets it.
    void setValueColor(const QColor& color);
    QLabel* valueLabel() const { return value_; }

private:
    QLabel* caption_;
    QLabel* value_;
};

}  // namespace flightdeck::ui
