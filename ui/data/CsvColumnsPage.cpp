#include "data/CsvColumnsPage.h"

#include "common/StatusLine.h"
#include "common/TaskRunner.h"

#include "flightdeck/data/CsvImporter.h"

#include <QComboBox>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

namespace flightdeck::ui {

namespace {

using flightdeck::data::ColumnKind;
enum ColumnsColumn { NameColumn, KindColumn, RoleColumn };
constexpr ColumnRole kRoles[] = {ColumnRole::Feature, ColumnRole::Label, ColumnRole::Ignore, ColumnRole::Id};

bool looksLikeId(const QString& name)
{
    const QString n = name.toLower();
    return n == QLatin1String("id") || n.endsWith(QLatin1String("_id")) || n.endsWith(QLatin1String(" id"));
}

}  // namespace

CsvColumnsPage::CsvColumnsPage(TaskRunner* tasks, QWidget* parent)
    : QWizardPage(parent),
      tasks_(tasks),
      status_(new QLabel(this)),
      busy_(new QProgressBar(this)),
      columns_(new QTableWidget(this)),
      rows_(new QTableWidget(this)),
      warning_(new StatusLine(this))
{
    setObjectName(QStringLiteral("csvColumnsPage"));
    status_->setObjectName(QStringLiteral("csvPreviewStatus"));
    columns_->setObjectName(QStringLiteral("csvColumnsTable"));
    rows_->setObjectName(QStringLiteral("csvPreviewTable"));
    warning_->setObjectName(QStringLiteral("csvColumnsWarning"));
    status_->setWordWrap(true);
    status_->setTextFormat(Qt::PlainText);
    warning_->hide();
    busy_->setRange(0, 0);   // a busy indicator: how far the first block is, nobody can say
    busy_->setTextVisible(false);
    columns_->setColumnCount(3);
    columns_->verticalHeader()->hide();
    columns_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    columns_->setSelectionMode(QAbstractItemView::NoSelection);
    columns_->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    columns_->horizontalHeader()->setSectionResizeMode(KindColumn, QHeaderView::ResizeToContents);
    // Fixed and set from the combos: ResizeToContents does not see a cell widget.
    columns_->horizontalHeader()->setSectionResizeMode(RoleColumn, QHeaderView::Fixed);
    rows_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    rows_->horizontalHeader()->setDefaultSectionSize(90);

    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(columns_);
    splitter->addWidget(rows_);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setChildrenCollapsible(false);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(status_);
    layout->addWidget(busy_);
    layout->addWidget(splitter, 1);
    layout->addWidget(warning_);
    retranslateUi();
}

void CsvColumnsPage::setSource(const QString& path, const QString& labelHint)
{
    path_ = path;
    labelHint_ = labelHint.trimmed();
}

void CsvColumnsPage::initializePage()
{
    if (path_ == loadedPath_ && !failed_)
        return;   // back from the summary: keep the roles chosen
    const int ticket = ++ticket_;
    loading_ = true;
    failed_ = false;
    busy_->show();
    columns_->setEnabled(false);
    retranslateUi();
    const std::string file = QFile::encodeName(path_).toStdString();
    tasks_->runDetached(
        tr("Reading %1").arg(QFileInfo(path_).fileName()), this,
        [file](const std::atomic<bool>&) { return flightdeck::data::previewCsv(file, kPreviewRows); },
        [this, ticket](flightdeck::data::CsvPreview preview) {
            if (ticket != ticket_)
                return;
            preview_ = std::move(preview);
            loadedPath_ = path_;
            showPreview();
        },
        [this, ticket](const QString& message) {
            if (ticket == ticket_)
                showError(message);
        });
    Q_EMIT completeChanged();
}

void CsvColumnsPage::showPreview()
{
    loading_ = false;
    busy_->hide();
    columns_->setEnabled(true);
    const int count = columnCount();
    const int hinted = [&] {
        for (int c = 0; c < count; ++c)
            if (!labelHint_.isEmpty() && columnName(c).compare(labelHint_, Qt::CaseInsensitive) == 0)
                return c;
        const std::size_t named = flightdeck::data::namedLabelColumn(preview_.header);
        return named != std::string::npos ? int(named) : count - 1;
    }();
    columns_->setRowCount(count);
    for (int c = 0; c < count; ++c) {
        columns_->setItem(c, NameColumn, new QTableWidgetItem(columnName(c)));
        columns_->setItem(c, KindColumn, new QTableWidgetItem(kindText(kind(c))));
        auto* combo = new QComboBox(columns_);
        combo->setObjectName(QStringLiteral("csvRole_%1").arg(c));
        combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);   // a language change re-measures
        for (const ColumnRole role : kRoles)
            combo->addItem(QString(), int(role));
        columns_->setCellWidget(c, RoleColumn, combo);
        combo->setCurrentIndex(int(defaultRole(c, hinted)));
        connect(combo, &QComboBox::activated, this, [this, c, combo] {
            setRole(c, static_cast<ColumnRole>(combo->currentData().toInt()));
        });
    }
    rows_->clear();
    rows_->setColumnCount(count);
    rows_->setRowCount(int(preview_.rows.size()));
    QStringList lines;
    for (std::size_t r = 0; r < preview_.rows.size(); ++r) {
        lines << QLocale().toString(qint64(preview_.lines[r]));
        for (int c = 0; c < count && c < int(preview_.rows[r].size()); ++c)
            rows_->setItem(int(r), c, new QTableWidgetItem(QString::fromStdString(preview_.rows[r][std::size_t(c)])));
    }
    rows_->setVerticalHeaderLabels(lines);   // the file's own line numbers
    retranslateUi();
    Q_EMIT previewLoaded();
    Q_EMIT completeChanged();
}

void CsvColumnsPage::showError(const QString& message)
{
    loading_ = false;
    failed_ = true;
    busy_->hide();
    columns_->setRowCount(0);
    rows_->clear();
    rows_->setRowCount(0);
    status_->setText(tr("Could not read the file: %1").arg(message));
    Q_EMIT completeChanged();
}

ColumnRole CsvColumnsPage::defaultRole(int column, int label) const
{
    if (column == label)
        return ColumnRole::Label;
    if (kind(column) == ColumnKind::Number)
        return ColumnRole::Feature;
    return looksLikeId(columnName(column)) ? ColumnRole::Id : ColumnRole::Ignore;
}

QString CsvColumnsPage::columnName(int column) const
{
    return QString::fromStdString(preview_.header.at(std::size_t(column)));
}

ColumnRole CsvColumnsPage::role(int column) const
{
    auto* combo = qobject_cast<QComboBox*>(columns_->cellWidget(column, RoleColumn));
    return combo ? static_cast<ColumnRole>(combo->currentData().toInt()) : ColumnRole::Ignore;
}

void CsvColumnsPage::setRole(int column, ColumnRole role)
{
    auto* combo = qobject_cast<QComboBox*>(columns_->cellWidget(column, RoleColumn));
    if (!combo)
        return;
    if (role == ColumnRole::Label) {
        for (int c = 0; c < columnCount(); ++c)
            if (c != column && this->role(c) == ColumnRole::Label)
                qobject_cast<QComboBox*>(columns_->cellWidget(c, RoleColumn))
                    ->setCurrentIndex(int(kind(c) == ColumnKind::Number ? ColumnRole::Feature : ColumnRole::Ignore));
    }
    combo->setCurrentIndex(int(role));
    updateHeaders();
    Q_EMIT completeChanged();
}

QString CsvColumnsPage::labelColumn() const
{
    for (int c = 0; c < columnCount(); ++c)
        if (role(c) == ColumnRole::Label)
            return columnName(c);
    return {};
}

QStringList CsvColumnsPage::leftOutColumns() const
{
    QStringList out;
    for (int c = 0; c < columnCount(); ++c)
        if (role(c) == ColumnRole::Ignore || role(c) == ColumnRole::Id)
            out << columnName(c);
    return out;
}

int CsvColumnsPage::previewRowCount() const
{
    return rows_->rowCount();
}

bool CsvColumnsPage::isComplete() const
{
    return !loading_ && !failed_ && !labelColumn().isEmpty();
}

QString CsvColumnsPage::kindText(ColumnKind kind) const
{
    switch (kind) {
    case ColumnKind::Number: return tr("number");
    case ColumnKind::Text: return tr("text");
    case ColumnKind::Empty: return tr("empty");
    }
    return {};
}

// The preview's headers carry each column's role, and a column that is not stored is grey, so
// the table shows what the import will keep.
void CsvColumnsPage::updateHeaders()
{
    QStringList textFeatures;
    for (int c = 0; c < columnCount(); ++c) {
        auto* combo = qobject_cast<QComboBox*>(columns_->cellWidget(c, RoleColumn));
        const QString roleText = combo ? combo->currentText() : QString();
        rows_->setHorizontalHeaderItem(c, new QTableWidgetItem(tr("%1\n(%2)").arg(columnName(c), roleText)));
        const bool stored = role(c) == ColumnRole::Feature || role(c) == ColumnRole::Label;
        for (int r = 0; r < rows_->rowCount(); ++r)
            if (QTableWidgetItem* item = rows_->item(r, c))
                item->setForeground(stored ? palette().text() : palette().placeholderText());
        if (role(c) == ColumnRole::Feature && kind(c) == ColumnKind::Text)
            textFeatures << columnName(c);
    }
    QString warning;
    if (!loading_ && !failed_ && columnCount() > 0 && labelColumn().isEmpty())
        warning = tr("Choose the column that holds the label.");
    else if (!textFeatures.isEmpty())
        warning = tr("Features must be numbers: rows with text in %1 will be skipped. Choose "
                     "Ignore or Id for a text column.")
                      .arg(textFeatures.join(QStringLiteral(", ")));
    warning_->showMessage(warning, StatusLine::Kind::Error);
    warning_->setVisible(!warning.isEmpty());
}

void CsvColumnsPage::retranslateUi()
{
    setTitle(tr("Columns"));
    setSubTitle(tr("What each column is: features are the numbers a model learns from, the label "
                   "is what it predicts. Ignored and id columns are not stored."));
    columns_->setHorizontalHeaderLabels({tr("Column"), tr("Detected"), tr("Role")});
    const QString name = QFileInfo(path_).fileName();
    if (loading_) {
        status_->setText(tr("Reading the first rows of %1…").arg(name));
    } else if (!failed_) {
        const QLocale locale;
        status_->setText(preview_.wholeFile
                             ? tr("%1: all %2 rows, %3 columns.")
                                   .arg(name, locale.toString(qint64(preview_.rows.size())),
                                        locale.toString(columnCount()))
                             : tr("%1: the first %2 rows, %3 columns.")
                                   .arg(name, locale.toString(qint64(preview_.rows.size())),
                                        locale.toString(columnCount())));
    }
    int roleWidth = 0;
    for (int c = 0; c < columns_->rowCount(); ++c) {
        if (auto* item = columns_->item(c, KindColumn))
            item->setText(kindText(kind(c)));
        if (auto* combo = qobject_cast<QComboBox*>(columns_->cellWidget(c, RoleColumn))) {
            combo->setItemText(int(ColumnRole::Feature), tr("Feature"));
            combo->setItemText(int(ColumnRole::Label), tr("Label"));
            combo->setItemText(int(ColumnRole::Ignore), tr("Ignore"));
            combo->setItemText(int(ColumnRole::Id), tr("Id"));
            roleWidth = std::max(roleWidth, combo->sizeHint().width());
        }
    }
    columns_->setColumnWidth(RoleColumn, std::max(roleWidth, columns_->horizontalHeader()->sectionSizeHint(RoleColumn)));
    updateHeaders();
}

}  // namespace flightdeck::ui
