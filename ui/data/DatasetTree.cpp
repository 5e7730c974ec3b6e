#include "data/DatasetTree.h"

#include "common/ErrorText.h"

#include "common/NumberText.h"
#include "common/ProjectSession.h"

#include "flightdeck/store/DatasetRepository.h"

#include <QDateTime>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QSignalBlocker>

#include <algorithm>
#include <exception>

namespace flightdeck::ui {

namespace {
// Task after Classes: the earlier columns keep their places (tests and saved header states).
enum Column { NameColumn, HashColumn, RowsColumn, FeaturesColumn, ClassesColumn, TaskColumn,
              CreatedColumn, ColumnCount };
constexpr int DatasetIdRole = Qt::UserRole + 1;

QString taskText(const QString& task)
{
    if (task == QLatin1String("table_classification"))
        return DatasetTree::tr("classification");
    if (task == QLatin1String("table_regression"))
        return DatasetTree::tr("regression");
    if (task == QLatin1String("image_classification"))
        return DatasetTree::tr("images");
    return task;   // a task from a newer Flightdeck, shown as stored
}

// The number of classes, with the per-class counts the import stored (schema "class_counts",
// "unlabeled") in the tooltip; a regression target's distinct values are not classes.
void showClasses(QTreeWidgetItem* item, const QJsonObject& schema, const QString& task)
{
    const QLocale locale;
    if (task == QLatin1String("table_regression")) {
        item->setText(ClassesColumn, DatasetTree::tr("–"));
        item->setToolTip(ClassesColumn, DatasetTree::tr("A regression target has no classes."));
        return;
    }
    const auto classes = schema.value(QStringLiteral("classes")).toArray();
    const auto counts = schema.value(QStringLiteral("class_counts")).toObject();
    const qint64 unlabeled = schema.value(QStringLiteral("unlabeled")).toInteger();
    QString text = locale.toString(classes.size());
    if (unlabeled > 0)
        text = DatasetTree::tr("%1 (+%2 unlabeled)").arg(text, locale.toString(unlabeled));
    item->setText(ClassesColumn, text);
    QStringList lines;
    for (const auto& name : classes) {
        if (lines.size() == 30) {
            lines << DatasetTree::tr("… and %1 more").arg(classes.size() - 30);
            break;
        }
        const QString cls = name.toString();
        lines << (counts.contains(cls)
                      ? DatasetTree::tr("%1: %2").arg(cls, locale.toString(counts.value(cls).toInteger()))
                      : cls);
    }
    if (unlabeled > 0)
        lines << DatasetTree::tr("unlabeled: %1").arg(locale.toString(unlabeled));
    item->setToolTip(ClassesColumn, lines.join(QLatin1Char('\n')));
}

QString timeText(double unixSeconds)
{
    return NumberText::dateTime(unixSeconds);
}
}  // namespace

DatasetTree::DatasetTree(ProjectSession* session, QWidget* parent)
    : QTreeWidget(parent), session_(session)
{
    setObjectName(QStringLiteral("datasetTree"));
    setColumnCount(ColumnCount);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    // Every column as wide as its contents, the last one filling the rest: in a narrow dock the
    // tree scrolls sideways instead of squeezing the names to nothing.
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        const qint64 id = item ? item->data(NameColumn, Qt::UserRole).toLongLong() : 0;
        if (id > 0)
            Q_EMIT versionChosen(id);
    });
    retranslateUi();
}

QString DatasetTree::reload()
{
    const QSignalBlocker block(this);
    clear();
    if (!session_->isOpen())
        return {};
    try {
        flightdeck::store::DatasetRepository repo(session_->project());
        for (const auto& dataset : repo.datasets()) {
            auto versions = repo.versions(dataset.id);
            std::sort(versions.begin(), versions.end(),
                      [](const auto& a, const auto& b) { return a.id < b.id; });
            auto* top = new QTreeWidgetItem(this);
            top->setText(NameColumn, QString::fromStdString(dataset.name));
            top->setData(NameColumn, DatasetIdRole, static_cast<qlonglong>(dataset.id));
            top->setText(HashColumn, tr("versions: %1").arg(NumberText::count(qint64(versions.size()))));
            top->setText(CreatedColumn, timeText(dataset.createdAt));
            int number = 0;
            for (const auto& version : versions) {
                const auto schema =
                    QJsonDocument::fromJson(QByteArray::fromStdString(version.schemaJson)).object();
                const QString task = QString::fromStdString(version.task);
                auto* item = new QTreeWidgetItem(top);
                item->setText(NameColumn, tr("v%1 (#%2)").arg(++number).arg(version.id));
                item->setData(NameColumn, Qt::UserRole, static_cast<qlonglong>(version.id));
                item->setData(NameColumn, DatasetIdRole, static_cast<qlonglong>(dataset.id));
                item->setData(HashColumn, Qt::UserRole, QString::fromStdString(version.hash));
                item->setText(HashColumn, QString::fromStdString(version.hash).left(10));
                item->setToolTip(HashColumn, QString::fromStdString(version.hash));
                item->setToolTip(NameColumn, tr("Source: %1").arg(QString::fromStdString(version.source)));
                item->setText(RowsColumn, QLocale().toString(version.rows));
                item->setText(FeaturesColumn, QLocale().toString(version.features));
                showClasses(item, schema, task);
                item->setText(TaskColumn, taskText(task));
                item->setData(TaskColumn, Qt::UserRole, task);
                item->setText(CreatedColumn, timeText(version.createdAt));
                for (int c = RowsColumn; c <= ClassesColumn; ++c)
                    item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
            }
            top->setExpanded(true);
        }
    } catch (const std::exception& e) {
        return ErrorText::fromException(e);
    }
    selectVersion(session_->currentVersionId());
    return {};
}

void DatasetTree::selectVersion(qint64 versionId)
{
    const QSignalBlocker block(this);
    for (int i = 0; i < topLevelItemCount(); ++i) {
        QTreeWidgetItem* top = topLevelItem(i);
        for (int j = 0; j < top->childCount(); ++j) {
            if (top->child(j)->data(NameColumn, Qt::UserRole).toLongLong() == versionId) {
                setCurrentItem(top->child(j));
                scrollToItem(top->child(j));
                return;
            }
        }
    }
    setCurrentItem(nullptr);
}

void DatasetTree::selectDataset(qint64 datasetId)
{
    for (int i = 0; i < topLevelItemCount(); ++i) {
        if (DatasetTree::datasetId(topLevelItem(i)) == datasetId) {
            setCurrentItem(topLevelItem(i));
            return;
        }
    }
}

qint64 DatasetTree::datasetId(const QTreeWidgetItem* item)
{
    return item ? item->data(NameColumn, DatasetIdRole).toLongLong() : 0;
}

qint64 DatasetTree::versionId(const QTreeWidgetItem* item)
{
    return item ? item->data(NameColumn, Qt::UserRole).toLongLong() : 0;
}

QString DatasetTree::datasetName(const QTreeWidgetItem* item)
{
    if (item && item->parent())
        item = item->parent();
    return item ? item->text(NameColumn) : QString();
}

QString DatasetTree::versionLabel(const QTreeWidgetItem* item)
{
    return versionId(item) > 0 ? item->text(NameColumn) : QString();
}

QString DatasetTree::versionHash(const QTreeWidgetItem* item)
{
    return item ? item->data(HashColumn, Qt::UserRole).toString() : QString();
}

int DatasetTree::versionCount() const
{
    int count = 0;
    for (int i = 0; i < topLevelItemCount(); ++i)
        count += topLevelItem(i)->childCount();
    return count;
}

void DatasetTree::retranslateUi()
{
    setHeaderLabels({tr("Dataset / version"), tr("Hash"), tr("Rows"), tr("Features"), tr("Classes"),
                     tr("Task"), tr("Created")});
}

}  // namespace flightdeck::ui
