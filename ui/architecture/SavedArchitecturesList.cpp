#include "architecture/SavedArchitecturesList.h"

#include "common/NumberText.h"
#include "common/ErrorText.h"
#include "common/ProjectSession.h"

#include "flightdeck/store/RunRepository.h"

#include <QSignalBlocker>

#include <exception>

namespace flightdeck::ui {

SavedArchitecturesList::SavedArchitecturesList(ProjectSession* session, QWidget* parent)
    : QListWidget(parent), session_(session)
{
    setObjectName(QStringLiteral("savedArchitecturesList"));
    auto choose = [this](QListWidgetItem* item) {
        Q_EMIT architectureChosen(item->data(Qt::UserRole).toLongLong());
    };
    connect(this, &QListWidget::itemActivated, this, choose);
    connect(this, &QListWidget::itemClicked, this, choose);
}

QString SavedArchitecturesList::reload()
{
    const QSignalBlocker block(this);
    clear();
    if (!session_->isOpen())
        return {};
    try {
        flightdeck::store::ArchitectureRepository repo(session_->project());
        for (const auto& record : repo.all()) {
            const QString hash = QString::fromStdString(record.specHash);
            const QString when = NumberText::dateTime(record.createdAt);
            auto* item = new QListWidgetItem(
                tr("#%1 %2 (%3)").arg(record.id).arg(QString::fromStdString(record.name), hash.left(8)),
                this);
            item->setData(Qt::UserRole, static_cast<qlonglong>(record.id));
            item->setToolTip(tr("Saved %1, spec hash %2").arg(when, hash));
        }
    } catch (const std::exception& e) {
        return ErrorText::fromException(e);
    }
    selectArchitecture(session_->currentArchitectureId());
    return {};
}

void SavedArchitecturesList::selectArchitecture(qint64 architectureId)
{
    const QSignalBlocker block(this);
    for (int i = 0; i < count(); ++i) {
        if (item(i)->data(Qt::UserRole).toLongLong() == architectureId) {
            setCurrentRow(i);
            return;
        }
    }
    setCurrentRow(-1);
}

}  // namespace flightdeck::ui
