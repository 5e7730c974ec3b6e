#pragma once
// The selected node's fields. Every value goes through GraphDocument::setField, whose check is
// core's GraphSpec::fromJson: the limits live in one place and the refusal is shown here.
#include <QHash>
#include <QString>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace flightdeck::ui {

class GraphDocument;

class GraphInspector : public QWidget {
    Q_OBJECT
public:
    explicit GraphInspector(GraphDocument* document, QWidget* parent = nullptr);
    QString nodeId() const { return nodeId_; }
    QWidget* editor(const QString& field) const { return editors_.value(field); }

public Q_SLOTS:
    void showNode(const QString& id);   // "" shows nothing

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void refreshValues();
    void refreshShape();
    void setError(const QString& field, const QString& error);

    GraphDocument* document_;
    QString nodeId_;
    QLabel* title_;
    QWidget* fieldsBox_;
    QFormLayout* form_;
    QLabel* shape_;
    QLabel* error_;
    QHash<QString, QWidget*> editors_;
    QHash<QString, QString> errors_;
    int burstId_ = 0;
};

}  // namespace flightdeck::ui
