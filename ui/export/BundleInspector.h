#pragma once
// The selected export bundle: its manifest (file, size, SHA-256), whether every file still
// matches (verifyBundle, re-run on a pool thread), and a button that opens the folder.
#include "export/BundleInspection.h"

#include <QString>
#include <QWidget>

class QLabel;
class QListWidget;
class QPushButton;
class QTableWidget;

namespace flightdeck::ui {

class StatusLine;
class TaskRunner;

class BundleInspector : public QWidget {
    Q_OBJECT
public:
    explicit BundleInspector(TaskRunner* runner, QWidget* parent = nullptr);

    // Reads and verifies the bundle in the background; an empty path clears the view.
    void inspect(const QString& bundlePath);
    QString bundlePath() const { return path_; }
    bool isBusy() const { return busy_; }
    bool hasResult() const { return hasResult_; }
    const BundleInspection& result() const { return result_; }
    void retranslateUi();

Q_SIGNALS:
    void inspected(bool intact);

private:
    void render();

    TaskRunner* runner_;
    QLabel* pathLabel_ = nullptr;
    QPushButton* openFolderButton_ = nullptr;
    QPushButton* verifyButton_ = nullptr;
    QTableWidget* files_ = nullptr;
    StatusLine* verificationLabel_ = nullptr;
    QListWidget* problems_ = nullptr;

    QString path_;
    BundleInspection result_;
    bool hasResult_ = false;
    bool busy_ = false;
    quint64 generation_ = 0;   // a newer inspect() makes older results stale
};

}  // namespace flightdeck::ui
