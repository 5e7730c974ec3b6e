#pragma once
// Help > Keyboard Shortcuts: every action of the main window and its panels that has a
// shortcut, read from the live actions each time it opens (so it cannot go stale), where it
// works, and a filter. Two actions that claim the same keys in the same window are marked:
// Qt then reports the shortcut as ambiguous and neither fires.
#include <QDialog>

class QLineEdit;
class QTableWidget;
class QAction;

namespace flightdeck::ui {

struct ShortcutEntry {
    QAction* action = nullptr;
    QString text;       // the action's text without mnemonics
    QString keys;       // every key sequence, native text, "; "-separated
    QString where;      // the panel (dock title) or the menu it belongs to
    bool conflict = false;
};

// The actions under `window` with a shortcut, sorted by place then text.
QList<ShortcutEntry> collectShortcuts(QWidget* window);

class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    explicit ShortcutsDialog(QWidget* window, QWidget* parent = nullptr);

    int rowCount() const;
    int conflictCount() const { return conflicts_; }

private:
    void applyFilter(const QString& text);

    QLineEdit* filter_;
    QTableWidget* table_;
    int conflicts_ = 0;
};

}  // namespace flightdeck::ui
