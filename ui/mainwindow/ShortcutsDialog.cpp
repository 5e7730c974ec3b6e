#include "ShortcutsDialog.h"

#include "common/StatusLine.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace flightdeck::ui {

namespace {

QString withoutMnemonics(QString text)
{
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

// The dock an action's widget lives in, else the menu it is in, else the window.
QString placeOf(QAction* action, QWidget* window)
{
    for (QObject* o = action->parent(); o; o = o->parent())
        if (auto* dock = qobject_cast<QDockWidget*>(o))
            return withoutMnemonics(dock->windowTitle());
    for (QWidget* w : action->associatedWidgets())
        if (auto* menu = qobject_cast<QMenu*>(w))
            return withoutMnemonics(menu->title());
    return withoutMnemonics(window->windowTitle());
}

}  // namespace

QList<ShortcutEntry> collectShortcuts(QWidget* window)
{
    QList<ShortcutEntry> entries;
    for (QAction* action : window->findChildren<QAction*>()) {
        if (action->shortcuts().isEmpty() || action->isSeparator())
            continue;
        ShortcutEntry e;
        e.action = action;
        e.text = withoutMnemonics(action->text());
        if (e.text.isEmpty())
            e.text = action->toolTip();
        QStringList keys;
        for (const QKeySequence& k : action->shortcuts())
            keys << k.toString(QKeySequence::NativeText);
        e.keys = keys.join(QStringLiteral("; "));
        e.where = placeOf(action, window);
        entries.append(e);
    }
    // Window-wide shortcuts share one space; a widget-local one only clashes within its place.
    for (int i = 0; i < entries.size(); ++i)
        for (int j = i + 1; j < entries.size(); ++j) {
            auto& a = entries[i];
            auto& b = entries[j];
            const bool windowWide = a.action->shortcutContext() != Qt::WidgetShortcut
                                    && b.action->shortcutContext() != Qt::WidgetShortcut;
            const bool samePlace = a.where == b.where;
            if (!windowWide && !samePlace)
                continue;
            for (const QKeySequence& k : a.action->shortcuts())
                if (b.action->shortcuts().contains(k))
                    a.conflict = b.conflict = true;
        }
    std::sort(entries.begin(), entries.end(), [](const ShortcutEntry& a, const ShortcutEntry& b) {
        return a.where != b.where ? a.where.localeAwareCompare(b.where) < 0
                                  : a.text.localeAwareCompare(b.text) < 0;
    });
    return entries;
}

ShortcutsDialog::ShortcutsDialog(QWidget* window, QWidget* parent) : QDialog(parent)
{
    setObjectName(QStringLiteral("shortcutsDialog"));
    setWindowTitle(tr("Keyboard Shortcuts"));
    filter_ = new QLineEdit(this);
    filter_->setObjectName(QStringLiteral("shortcutsFilter"));
    filter_->setPlaceholderText(tr("Filter by action, keys or panel"));
    filter_->setClearButtonEnabled(true);
    table_ = new QTableWidget(this);
    table_->setObjectName(QStringLiteral("shortcutsTable"));
    table_->setColumnCount(3);
    table_->setHorizontalHeaderLabels({tr("Action"), tr("Keys"), tr("Where")});
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    const auto entries = collectShortcuts(window);
    table_->setRowCount(entries.size());
    for (int r = 0; r < entries.size(); ++r) {
        const auto& e = entries[r];
        table_->setItem(r, 0, new QTableWidgetItem(e.text));
        auto* keys = new QTableWidgetItem(e.keys);
        if (e.conflict) {
            ++conflicts_;
            keys->setForeground(StatusLine::color(StatusLine::Kind::Error));
            keys->setToolTip(tr("Another action uses these keys here: neither fires until one changes"));
        }
        table_->setItem(r, 1, keys);
        table_->setItem(r, 2, new QTableWidgetItem(e.where));
    }
    table_->resizeColumnsToContents();
    auto* note = new QLabel(conflicts_ ? tr("%n shortcut(s) in red clash with another.", nullptr, conflicts_)
                                       : tr("Each panel's own keys work while it has the focus."), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(filter_, &QLineEdit::textChanged, this, &ShortcutsDialog::applyFilter);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(filter_);
    layout->addWidget(table_, 1);
    layout->addWidget(note);
    layout->addWidget(buttons);
    resize(560, 480);
}

int ShortcutsDialog::rowCount() const
{
    int visible = 0;
    for (int r = 0; r < table_->rowCount(); ++r)
        visible += table_->isRowHidden(r) ? 0 : 1;
    return visible;
}

void ShortcutsDialog::applyFilter(const QString& text)
{
    for (int r = 0; r < table_->rowCount(); ++r) {
        bool match = text.isEmpty();
        for (int c = 0; c < 3 && !match; ++c)
            match = table_->item(r, c)->text().contains(text, Qt::CaseInsensitive);
        table_->setRowHidden(r, !match);
    }
}

}  // namespace flightdeck::ui
