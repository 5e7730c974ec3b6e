#include "labeling/ClassBar.h"

#include "labeling/ClassKeys.h"

#include "common/NumberText.h"
#include "labeling/LabelingDocument.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace flightdeck::ui {

namespace {

QIcon swatch(const QColor& color)
{
    QPixmap pm(12, 12);
    pm.fill(color);
    return QIcon(pm);
}

}  // namespace

ClassBar::ClassBar(LabelingDocument* document, QWidget* parent)
    : QWidget(parent), document_(document)
{
    table_ = new QTableWidget(0, 3, this);
    table_->setObjectName(QStringLiteral("labelingClassTable"));
    table_->verticalHeader()->hide();
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table_->setContextMenuPolicy(Qt::CustomContextMenu);
    table_->setFocusPolicy(Qt::NoFocus);   // keys belong to the grid: they label
    auto make = [this](const char* name) {
        auto* b = new QPushButton(this);
        b->setObjectName(QString::fromLatin1(name));
        b->setFocusPolicy(Qt::NoFocus);
        return b;
    };
    addButton_ = make("labelingAddClass");
    renameButton_ = make("labelingRenameClass");
    mergeButton_ = make("labelingMergeClass");
    deleteButton_ = make("labelingDeleteClass");
    keyButton_ = make("labelingClassKey");
    auto* buttons = new QHBoxLayout;
    for (auto* b : {addButton_, renameButton_, mergeButton_, deleteButton_, keyButton_})
        buttons->addWidget(b);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(table_);
    layout->addLayout(buttons);

    // A click only selects (for rename, merge...); labeling by mouse is a deliberate
    // double-click, so choosing a class to edit never relabels the current item.
    connect(table_, &QTableWidget::cellDoubleClicked, this, [this](int row, int) {
        if (row >= 0 && row < rowsToClass_.size())
            Q_EMIT classClicked(rowsToClass_[row]);
    });
    connect(table_, &QWidget::customContextMenuRequested, this, &ClassBar::showMenu);
    connect(addButton_, &QPushButton::clicked, this, &ClassBar::askAdd);
    connect(renameButton_, &QPushButton::clicked, this, &ClassBar::askRename);
    connect(mergeButton_, &QPushButton::clicked, this, &ClassBar::askMerge);
    connect(deleteButton_, &QPushButton::clicked, this, &ClassBar::askDelete);
    connect(keyButton_, &QPushButton::clicked, this, &ClassBar::askKey);
    connect(document_, &LabelingDocument::classesChanged, this, &ClassBar::refresh);
    connect(document_, &LabelingDocument::rowsChanged, this, &ClassBar::refreshCounts);
    connect(document_, &LabelingDocument::loaded, this, &ClassBar::refresh);
    retranslateUi();
}

void ClassBar::retranslateUi()
{
    table_->setHorizontalHeaderLabels({tr("Key"), tr("Class"), tr("Items")});
    addButton_->setText(tr("Add…"));
    renameButton_->setText(tr("Rename…"));
    mergeButton_->setText(tr("Merge…"));
    deleteButton_->setText(tr("Delete"));
    keyButton_->setText(tr("Key…"));
    addButton_->setToolTip(tr("Add a class"));
    mergeButton_->setToolTip(tr("Move every item of the selected class into another class"));
    deleteButton_->setToolTip(tr("Delete the selected class; its items lose their label"));
    keyButton_->setToolTip(tr("Bind a key to the selected class"));
    refresh();
}

int ClassBar::classForKey(QChar key) const
{
    for (auto it = keys_.begin(); it != keys_.end(); ++it)
        if (it.value() == key.toLower())
            return it.key();
    return -1;
}

int ClassBar::selectedClass() const
{
    const int row = table_->currentRow();
    return row >= 0 && row < rowsToClass_.size() ? rowsToClass_[row] : -1;
}

void ClassBar::refresh()
{
    const int selected = selectedClass();
    rowsToClass_ = document_->isLoaded() ? document_->visibleClasses() : QList<int>();
    keys_ = ClassKeys::assign(document_->classes(), rowsToClass_);
    table_->setRowCount(int(rowsToClass_.size()));
    for (int row = 0; row < rowsToClass_.size(); ++row) {
        const int c = rowsToClass_[row];
        auto set = [&](int column, const QString& text, Qt::Alignment align) {
            QTableWidgetItem* item = table_->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                table_->setItem(row, column, item);
            }
            item->setText(text);
            item->setTextAlignment(align | Qt::AlignVCenter);
            return item;
        };
        set(0, keys_.contains(c) ? QString(keys_[c]).toUpper() : QString(), Qt::AlignCenter);
        set(1, document_->classes()[c], Qt::AlignLeft)->setIcon(swatch(document_->classColor(c)));
        set(2, QString(), Qt::AlignRight);
        if (c == selected)
            table_->selectRow(row);
    }
    refreshCounts();
}

// Per labeled item: only the numbers change (no settings read, no rows rebuilt).
void ClassBar::refreshCounts()
{
    const qint64 total = std::max<qint64>(1, document_->count());
    const QLocale locale;
    for (int row = 0; row < rowsToClass_.size() && row < table_->rowCount(); ++row) {
        const qint64 n = document_->classCount(rowsToClass_[row]);
        if (QTableWidgetItem* item = table_->item(row, 2))
            item->setText(tr("%1 (%2)").arg(NumberText::count(n), NumberText::percent(double(n) / double(total))));
    }
}

void ClassBar::addClass(const QString& name)
{
    document_->addClass(name);
}

void ClassBar::renameClass(int index, const QString& name)
{
    document_->renameClass(index, name);
}

void ClassBar::bindKey(int index, QChar key)
{
    if (index < 0 || index >= document_->classes().size())
        return;
    ClassKeys::bind(document_->classes()[index], key.toLower());
    refresh();
}

void ClassBar::askAdd()
{
    if (!document_->isLoaded())
        return;
    askName(tr("Add class"), tr("Class name:"), QString(), [this](const QString& name) { addClass(name); });
}

void ClassBar::askRename()
{
    const int c = selectedClass();
    if (c < 0)
        return;
    const QString old = document_->classes()[c];
    askName(tr("Rename class"), tr("New name:"), old, [this, c, old](const QString& name) {
        // The dialog does not block the document: rename only the class it was asked for.
        if (c < document_->classes().size() && document_->classes()[c] == old)
            renameClass(c, name);
    });
}

void ClassBar::askName(const QString& title, const QString& label, const QString& text,
                       const std::function<void(const QString&)>& use)
{
    // Opened, not exec'd; a refused name (too long, a pasted tab) is explained and the dialog
    // comes back holding it, so a 300-character name is shortened, not typed again.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("labelingClassNameDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(title);
    dialog->setLabelText(label);
    dialog->setTextValue(text);
    connect(dialog, &QInputDialog::textValueSelected, this, [this, title, label, use](const QString& name) {
        const QString problem = LabelingDocument::classNameProblem(name);
        if (problem.isEmpty()) {
            if (!name.trimmed().isEmpty())
                use(name);
            return;
        }
        auto* box = new QMessageBox(QMessageBox::Warning, title, problem, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("labelingClassNameProblem"));
        box->setAttribute(Qt::WA_DeleteOnClose);
        connect(box, &QMessageBox::finished, this,
                [this, title, label, name, use] { askName(title, label, name, use); });
        box->open();
    });
    dialog->open();
}

void ClassBar::askMerge()
{
    const int c = selectedClass();
    if (c < 0)
        return;
    QStringList names;
    for (int other : rowsToClass_)
        if (other != c)
            names << document_->classes()[other];
    bool ok = false;
    const QString into = QInputDialog::getItem(this, tr("Merge class"),
                                               tr("Move every item of %1 into:").arg(document_->classes()[c]),
                                               names, 0, false, &ok);
    if (ok)
        document_->mergeClass(c, document_->classIndex(into));
}

void ClassBar::askDelete()
{
    const int c = selectedClass();
    if (c < 0)
        return;
    if (QMessageBox::question(this, tr("Delete class"),
                              tr("Delete %1? Its %n item(s) lose their label (Undo brings them back).",
                                 nullptr, int(document_->classCount(c)))
                                  .arg(document_->classes()[c]))
        == QMessageBox::Yes)
        document_->deleteClass(c);
}

void ClassBar::askKey()
{
    const int c = selectedClass();
    if (c < 0)
        return;
    const QString key = QInputDialog::getText(this, tr("Class key"),
                                              tr("Key for %1 (a letter or digit):").arg(document_->classes()[c]))
                            .trimmed();
    if (key.size() == 1 && key.at(0).isLetterOrNumber() && !ClassKeys::reserved(key.at(0).toLower()))
        bindKey(c, key.at(0));
}

void ClassBar::showMenu(const QPoint& pos)
{
    const int row = table_->rowAt(pos.y());
    if (row < 0)
        return;
    table_->selectRow(row);
    QMenu menu(this);
    menu.addAction(tr("Show only this class"), this, [this, row] { Q_EMIT filterToClass(rowsToClass_[row]); });
    menu.addSeparator();
    menu.addAction(renameButton_->text(), this, &ClassBar::askRename);
    menu.addAction(mergeButton_->text(), this, &ClassBar::askMerge);
    menu.addAction(keyButton_->text(), this, &ClassBar::askKey);
    menu.addAction(deleteButton_->text(), this, &ClassBar::askDelete);
    menu.exec(table_->viewport()->mapToGlobal(pos));
}

}  // namespace flightdeck::ui
