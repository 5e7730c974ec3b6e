#pragma once
// The splits of one dataset version (seed, fractions, counts). Choosing a row emits
// splitChosen; reloads and programmatic selection do not.
#include <QTableWidget>

namespace flightdeck::ui {

class ProjectSession;

class SplitTable : public QTableWidget {
    Q_OBJECT
public:
    explicit SplitTable(ProjectSession* session, QWidget* parent = nullptr);

    // Reloads the splits of `versionId`; returns an error message, empty on success.
    QString reload(qint64 versionId);
    void selectSplit(qint64 splitId);
    // The newest split shown, 0 when none.
    qint64 newestSplitId() const;
    bool contains(qint64 splitId) const;
    void retranslateUi();

Q_SIGNALS:
    void splitChosen(qint64 splitId);

private:
    ProjectSession* session_;
};

}  // namespace flightdeck::ui
