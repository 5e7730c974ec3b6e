#include "data/DatasetTree.h"

#include "common/ErrorText.h"
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
enum Column { NameColumn, HashColumn, RowsColumn, FeaturesColumn, ClassesColumn, CreatedColumn };

QString timeText(double unixSeconds)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(static_cast<qint64>(unixSeconds * 1000.0)),
                              QLocale::ShortFormat);
}
}  // namespace

DatasetTree::DatasetTree(ProjectSession* session, QWidget* parent)
    : QTreeWidget(parent), session_(session)
{
    setObjectName(QStringLiteral("datasetTree"));
    setColumnCount(6);
    setRootIsDecorated(true);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(false);
    header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
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
            top->setText(HashColumn, tr("versions: %1").arg(versions.size()));
            top->setText(CreatedColumn, timeText(dataset.createdAt));
            top->setFlags(Qt::ItemIsEnabled);
            int number = 0;
            for (const auto& version : versions) {
                const auto schema =
                    QJsonDocument::fromJson(QByteArray::fromStdString(version.schemaJson)).object();
                const auto classes = schema.value(QStringLiteral("classes")).toArray();
                auto* item = new QTreeWidgetItem(top);
                item->setText(NameColumn, tr("v%1 (#%2)").arg(++number).arg(version.id));
                item->setData(NameColumn, Qt::UserRole, static_cast<qlonglong>(version.id));
                item->setText(HashColumn, QString::fromStdString(version.hash).left(10));
                item->setToolTip(HashColumn, QString::fromStdString(version.hash));
                item->setToolTip(NameColumn, tr("Source: %1").arg(QString::fromStdString(version.source)));
                item->setText(RowsColumn, QLocale().toString(version.rows));
                item->setText(FeaturesColumn, QLocale().toString(version.features));
                item->setText(ClassesColumn, QLocale().toString(classes.size()));
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
                     tr("Created")});
}

}  // namespace flightdeck::ui
