#pragma once
// The class list of the Labeling panel: colour, key, name, count and share for every listed
// class. Double-clicking a class labels the selection with it; the buttons and the context menu add,
// rename, merge, delete classes and bind keys (each an undoable document action).
#include <QChar>
#include <QHash>
#include <QWidget>

#include <functional>

class QLabel;
class QPushButton;
class QTableWidget;

namespace flightdeck::ui {

class LabelingDocument;

class ClassBar : public QWidget {
    Q_OBJECT
public:
    ClassBar(LabelingDocument* document, QWidget* parent = nullptr);

    // Class index -> key, as shown; the panel labels with these.
    const QHash<int, QChar>& keys() const { return keys_; }
    int classForKey(QChar key) const;
    void refresh();
    void refreshCounts();
    void retranslateUi();

    // Dialog-free entry points (the buttons ask for names, then call these).
    void addClass(const QString& name);
    void renameClass(int index, const QString& name);
    void bindKey(int index, QChar key);

Q_SIGNALS:
    void classClicked(int classIndex);
    void filterToClass(int classIndex);

private:
    int selectedClass() const;
    void askAdd();
    void askRename();
    void askName(const QString& title, const QString& label, const QString& text,
                 const std::function<void(const QString&)>& use);
    void askMerge();
    void askDelete();
    void askKey();
    void showMenu(const QPoint& pos);

    LabelingDocument* document_;
    QHash<int, QChar> keys_;
    QList<int> rowsToClass_;
    QTableWidget* table_;
    QPushButton* addButton_;
    QPushButton* renameButton_;
    QPushButton* mergeButton_;
    QPushButton* deleteButton_;
    QPushButton* keyButton_;
};

}  // namespace flightdeck::ui
