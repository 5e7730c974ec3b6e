#include "common/StatusLine.h"

#include <QCoreApplication>
#include <QEvent>
#include <QPointer>
#include <QScrollArea>
#include <QTimer>

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
    // Progress and other Info lines may change every second: only an outcome (success,
    // warning, error) that is new is brought into view, never pulling the user's scroll back.
    const bool reveal = kind != Kind::Info && !text.isEmpty() && (text != message_ || kind != kind_);
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
    if (reveal)
        revealLater();
}

void StatusLine::revealLater()
{
    // On a laptop screen a dock's content scrolls, and the line under a panel's tables is
    // below the fold: an import's warning shown there went unseen. Once the layout has placed
    // the line (a queued call), the nearest scroll area brings it into view.
    QPointer<StatusLine> self(this);
    QTimer::singleShot(0, this, [self] {
        if (!self || !self->isVisible())
            return;
        // The wrapped text's height reaches the scroll area's widget through posted layout
        // requests; without them the line was brought in by its first two lines only.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        for (QWidget* w = self->parentWidget(); w; w = w->parentWidget())
            if (auto* area = qobject_cast<QScrollArea*>(w)) {
                area->ensureWidgetVisible(self, 0, 8);
                return;
            }
    });
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
