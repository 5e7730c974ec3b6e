#pragma once
// A QTabWidget as tall as its current page, not its tallest: the Training panel's short Run tab
// does not push Start below the fold because the Recipe tab is long (QStackedLayout leaves out
// pages whose size policy is Ignored).
#include <QTabWidget>

namespace flightdeck::ui {

class CompactTabWidget : public QTabWidget {
public:
    explicit CompactTabWidget(QWidget* parent = nullptr) : QTabWidget(parent)
    {
        connect(this, &QTabWidget::currentChanged, this, &CompactTabWidget::fitCurrent);
    }

    void fitCurrent()
    {
        for (int i = 0; i < count(); ++i)
            widget(i)->setSizePolicy(i == currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored,
                                     i == currentIndex() ? QSizePolicy::Preferred : QSizePolicy::Ignored);
        updateGeometry();
    }
};

}  // namespace flightdeck::ui
