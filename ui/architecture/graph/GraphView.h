#pragma once
#include <QGraphicsView>

namespace flightdeck::ui {

// The canvas: Ctrl+wheel zooms about the cursor, the middle button or Space+drag pans, F fits
// the whole graph. Rubber-band selection with the left button on empty canvas.
class GraphView : public QGraphicsView {
    Q_OBJECT
public:
    explicit GraphView(QGraphicsScene* scene, QWidget* parent = nullptr);
    qreal zoom() const;

public Q_SLOTS:
    void fitGraph();
    // A freshly loaded graph: fitted, but never so small that its text cannot be read; a tall
    // graph then shows its top (the input) first.
    void showGraph();
    void zoomBy(qreal factor);

protected:
    void wheelEvent(QWheelEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void drawBackground(QPainter* painter, const QRectF& rect) override;
    void changeEvent(QEvent* event) override;   // a GraphScene's node texts follow the language

private:
    bool spaceHeld_ = false;
    bool panning_ = false;
    QPoint panLast_;
};

}  // namespace flightdeck::ui
