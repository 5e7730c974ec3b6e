#pragma once
// A confusion matrix as a heat map: rows are true classes, columns predicted (sklearn's
// layout), class names on both headers, counts (or row percentages when normalized) in the
// cells, cell colour by value. Tool tips give the count and both percentages.
#include <QStringList>
#include <QTableWidget>

#include <cstdint>
#include <vector>

namespace flightdeck::ui {

class ConfusionMatrixView : public QTableWidget {
    Q_OBJECT
public:
    explicit ConfusionMatrixView(QWidget* parent = nullptr);

    void setMatrix(const QStringList& classNames,
                   const std::vector<std::vector<std::int64_t>>& confusion);
    void clearMatrix();
    // Shows each cell as a share of its true-class row (recall on the diagonal).
    void setNormalized(bool normalized);
    bool isNormalized() const { return normalized_; }
    void retranslateUi();

    // Sequential white -> dark blue colour for t in [0, 1].
    static QColor heatColor(double t);

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    void render();
    void fitCells();   // square cells that use the space available, within limits

    QStringList names_;
    std::vector<std::vector<std::int64_t>> confusion_;
    bool normalized_ = false;
};

}  // namespace flightdeck::ui
