#pragma once
// A panel's message line: what just happened or went wrong, in one of four kinds with one
// palette for the whole workbench (one red for every error), wrapped at words so a long
// message grows downwards instead of widening its dock, and cut only when it is absurdly long
// (the whole text stays in the tool tip and in message()). A new message scrolls itself into
// view when the panel sits in a scroll area (a dock on a small screen).
#include <QColor>
#include <QLabel>

namespace flightdeck::ui {

class StatusLine : public QLabel {
    Q_OBJECT
public:
    enum class Kind { Info, Success, Warning, Error };

    explicit StatusLine(QWidget* parent = nullptr);

    void showMessage(const QString& text, Kind kind = Kind::Info);
    // No message: empty text, Info, no tool tip.
    void clear();

    Kind kind() const { return kind_; }
    bool isError() const { return kind_ == Kind::Error; }
    // The whole message, also when the line shows it cut.
    const QString& message() const { return message_; }

    // The palette, for the few places that colour something other than a StatusLine (a
    // banner, a line edit) and must use the same red.
    static QColor color(Kind kind);
    static QString styleSheetOf(Kind kind);

    // Longer messages are cut in the middle (the start says what, the end usually why).
    static constexpr int kMaxShownChars = 500;

private:
    void revealLater();

    QString message_;
    Kind kind_ = Kind::Info;
};

}  // namespace flightdeck::ui
