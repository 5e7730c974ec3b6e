#pragma once
// Binds a GraphEditor to the open project: the input shape and class count of the current
// dataset version, saving (the spec with its layout; the hash without it), loading a saved
// architecture onto the canvas (a version-1 stack converts), and the "saved as #n" line.
// Kept apart from ArchitecturePanel so the panel only hosts the tab.
#include <QObject>
#include <QString>

#include <string>

namespace flightdeck::ui {

class GraphEditor;
class ProjectSession;

class GraphProjectLink : public QObject {
    Q_OBJECT
public:
    GraphProjectLink(ProjectSession* session, GraphEditor* editor, QObject* parent = nullptr);

    static bool isGraphSpec(const std::string& specJson);   // version 2 (has "nodes")
    qint64 savedId() const { return savedId_; }

public Q_SLOTS:
    void save();
    // Shows a saved architecture on the canvas as one undoable step; false and a message when
    // it cannot be read.
    bool load(qint64 architectureId);
    void updateInput();

private:
    void updateState();

    ProjectSession* session_;
    GraphEditor* editor_;
    qint64 savedId_ = 0;
    QString savedHash_;
};

}  // namespace flightdeck::ui
