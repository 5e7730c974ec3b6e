#pragma once
// Asks before an alias moves: which alias, why (kept in the registry's alias history), and
// what will change ("fraud@production: v2 -> v3"), for Promote, Roll back and Clear alias.
// Opened non-modally (open(), never exec()): the workbench keeps running and headless tests
// fill it in and accept it like a user.
#include <QDialog>
#include <QString>
#include <QStringList>

#include <functional>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace flightdeck::ui {

class AliasDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { Promote, Rollback, Clear };
    // What the move would do to `alias`, translated; empty when it cannot be done (OK is then
    // disabled and `why` says so).
    struct Preview {
        QString change;
        QString why;
    };
    using Describe = std::function<Preview(const QString& alias)>;

    // `aliases` are offered; Promote also takes a new one typed in.
    AliasDialog(Mode mode, const QString& subject, const QStringList& aliases,
                const QString& preselected, Describe describe, QWidget* parent = nullptr);

    Mode mode() const { return mode_; }
    QString alias() const;
    QString reason() const;

private:
    void updatePreview();

    Mode mode_;
    Describe describe_;
    QLabel* subjectLabel_ = nullptr;
    QComboBox* aliasCombo_ = nullptr;
    QLineEdit* reasonEdit_ = nullptr;
    QLabel* previewLabel_ = nullptr;
    QDialogButtonBox* buttons_ = nullptr;
};

}  // namespace flightdeck::ui
