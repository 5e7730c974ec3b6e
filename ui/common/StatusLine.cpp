#include "common/StatusLine.h"

namespace flightdeck::ui {

StatusLine::StatusLine(QWidget* parent) : QLabel(parent)
{
    setWordWrap(true);
    // An error is something to paste into a bug report or a search.
    setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTextFormat(Qt::PlainText);
}

void StatusLine::showMessage(const QString& text, Kind kind)
{
    message_ = text;
    kind_ = kind;
    if (text.size() > kMaxShownChars) {
        const int half = kMaxShownChars / 2;
        QLabel::setText(text.left(half) + QStringLiteral(" \u2026 ") + text.right(half));
        setToolTip(text);
    } else {
        QLabel::setText(text);
        setToolTip(QString());
    }
    setStyleSheet(styleSheetOf(kind));
}

void StatusLine::clear()
{
    showMessage(QString(), Kind::Info);
}

QColor StatusLine::color(Kind kind)
{
    switch (kind) {
    case Kind::Success:
        return QColor(0x2c, 0x8a, 0x2c);
    case Kind::Warning:
        return QColor(0x8a, 0x5a, 0x00);
    case Kind::Error:
        return QColor(0xc6, 0x28, 0x28);
    case Kind::Info:
        break;
    }
    return {};   // the palette's own text colour
}

QString StatusLine::styleSheetOf(Kind kind)
{
    const QColor c = color(kind);
    return c.isValid() ? QStringLiteral("color: %1;").arg(c.name()) : QString();
}

}  // namespace flightdeck::ui
