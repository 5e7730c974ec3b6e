#pragma once
// "Serve locally": runs flightdeck-serve on the selected bundle as a child process on
// 127.0.0.1 (a free port), its prediction log in <project>/logs/, and says where it listens.
// servingStarted hands the log to the Monitoring panel, which follows it. The server stops
// with the button, when another bundle is served, and when the workbench quits.
#include <QString>
#include <QWidget>

class QLabel;
class QProcess;
class QPushButton;

namespace flightdeck::ui {

class StatusLine;
class LocalServer : public QWidget {
    Q_OBJECT
public:
    explicit LocalServer(QWidget* parent = nullptr);
    ~LocalServer() override;

    // The bundle the button serves; the log goes to logFolder/<bundle folder>.jsonl.
    void setBundle(const QString& bundlePath, const QString& logFolder);
    void start();
    void stop();
    bool isServing() const { return !url_.isEmpty(); }
    QString url() const { return url_; }
    QString logPath() const { return log_; }
    // flightdeck-serve beside the workbench (installed), in the build tree, or on PATH;
    // FLIGHTDECK_SERVE overrides.
    static QString serverExecutable();
    void retranslateUi();

Q_SIGNALS:
    void servingStarted(const QString& url, const QString& logPath);
    void servingStopped();

protected:
    void changeEvent(QEvent* event) override;

private:
    void readOutput();
    void finished();
    void render();

    QPushButton* button_;
    StatusLine* status_;
    QProcess* process_ = nullptr;
    QString bundle_, logFolder_, log_, url_, output_, error_;
};

}  // namespace flightdeck::ui
