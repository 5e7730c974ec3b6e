#pragma once
// The Training dock's last lines: which libtorch, BLAS, device and thread count a run gets, and
// a warning when the BLAS is the slow reference one.
#include <QWidget>

class QLabel;

namespace flightdeck::ui {

class StatusLine;

class RuntimeLines : public QWidget {
    Q_OBJECT
public:
    explicit RuntimeLines(QWidget* parent = nullptr);
    void retranslateUi();

private:
    QLabel* runtime_;
    StatusLine* warning_;
};

}  // namespace flightdeck::ui
