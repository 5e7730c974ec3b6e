#pragma once
// The Training panel's buttons: Start, Pause/Continue (the live run waits between batches),
// Stop, Resume run (a stopped, interrupted or failed run continues from its checkpoint), and
// Sweep… (a hyperparameter sweep over the form's recipe, in its own dialog).
// The panel decides what is possible; this widget only shows it and forwards the clicks.
#include <QWidget>

class QPushButton;

namespace flightdeck::ui {

class RunControls : public QWidget {
    Q_OBJECT
public:
    explicit RunControls(QWidget* parent = nullptr);

    struct State {
        bool running = false;
        bool paused = false;
        bool stopping = false;
        QString startBlocked;        // why Start is off (translated), empty when it can start
        qint64 resumableRunId = 0;   // the selected run Resume would continue, 0 for none
    };
    void setState(const State& state);
    void retranslateUi();

Q_SIGNALS:
    void startClicked();
    void pauseClicked();   // toggles: pause a running run, continue a paused one
    void stopClicked();
    void resumeClicked();
    void sweepClicked();

private:
    QPushButton* startButton_;
    QPushButton* pauseButton_;
    QPushButton* stopButton_;
    QPushButton* resumeButton_;
    QPushButton* sweepButton_;
    State state_;
};

}  // namespace flightdeck::ui
