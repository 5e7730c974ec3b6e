#pragma once
// Help > User Guide (F1): docs/USER_GUIDE.md, or its German twin, compiled into the binary
// (resources/flightdeck.qrc) and shown as rich text; it follows a language switch.
#include <QDialog>

class QTextBrowser;

namespace flightdeck::ui {

class UserGuideDialog : public QDialog {
    Q_OBJECT
public:
    explicit UserGuideDialog(QWidget* parent = nullptr);
    // One guide per window: raises the open one, or opens it.
    static UserGuideDialog* showFor(QWidget* window);
    QString markdown() const { return markdown_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void load();
    QTextBrowser* browser_;
    QString markdown_;
};

}  // namespace flightdeck::ui
