#pragma once
// The alias history of one model name, newest first: when, which alias, what happened
// (promoted, rolled back, cleared), from which version to which, who and why. Shows the events
// it is given; reads nothing from the store.
#include "flightdeck/store/ModelRegistry.h"

#include <QWidget>

#include <functional>
#include <vector>

class QLabel;
class QTableWidget;

namespace flightdeck::ui {

class AliasHistoryView : public QWidget {
    Q_OBJECT
public:
    explicit AliasHistoryView(QWidget* parent = nullptr);

    // `versionText` names a registry row id ("v3"; 0 = none).
    void setEvents(const QString& modelName, const std::vector<flightdeck::store::AliasEventRecord>& events,
              const std::function<QString(flightdeck::store::Id)>& versionText);
    int rowCount() const;
    void retranslateUi();

private:
    QLabel* caption_ = nullptr;
    QTableWidget* table_ = nullptr;
    QString modelName_;
};

}  // namespace flightdeck::ui
