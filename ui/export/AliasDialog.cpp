#include "export/AliasDialog.h"

#include "common/StatusLine.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpressionValidator>
#include <QVBoxLayout>

namespace flightdeck::ui {

AliasDialog::AliasDialog(Mode mode, const QString& subject, const QStringList& aliases,
                         const QString& preselected, Describe describe, QWidget* parent)
    : QDialog(parent), mode_(mode), describe_(std::move(describe)) {
    setObjectName(mode == Mode::Promote    ? QStringLiteral("promoteDialog")
                  : mode == Mode::Rollback ? QStringLiteral("rollbackDialog")
                                           : QStringLiteral("clearAliasDialog"));
    setWindowTitle(mode == Mode::Promote    ? tr("Promote a version")
                   : mode == Mode::Rollback ? tr("Roll back an alias")
                                            : tr("Clear an alias"));
    subjectLabel_ = new QLabel(subject, this);
    subjectLabel_->setWordWrap(true);
    aliasCombo_ = new QComboBox(this);
    aliasCombo_->setObjectName(QStringLiteral("aliasCombo"));
    aliasCombo_->setEditable(mode == Mode::Promote);
    aliasCombo_->addItems(aliases);
    aliasCombo_->setMinimumContentsLength(16);
    if (mode == Mode::Promote)
        aliasCombo_->setValidator(new QRegularExpressionValidator(
            QRegularExpression(QStringLiteral("[^\\s@]{1,64}")), aliasCombo_));
    const int index = aliasCombo_->findText(preselected);
    if (index >= 0)
        aliasCombo_->setCurrentIndex(index);
    else if (mode == Mode::Promote)
        aliasCombo_->setCurrentText(preselected);
    reasonEdit_ = new QLineEdit(this);
    reasonEdit_->setObjectName(QStringLiteral("reasonEdit"));
    reasonEdit_->setMaxLength(4096);
    reasonEdit_->setPlaceholderText(tr("Kept in the alias history (optional)"));
    previewLabel_ = new QLabel(this);
    previewLabel_->setObjectName(QStringLiteral("aliasPreviewLabel"));
    previewLabel_->setWordWrap(true);
    previewLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)
        ->setText(mode == Mode::Promote    ? tr("&Promote")
                  : mode == Mode::Rollback ? tr("&Roll back")
                                           : tr("C&lear alias"));
    auto* form = new QFormLayout;
    form->addRow(tr("&Alias:"), aliasCombo_);
    form->addRow(tr("&Reason:"), reasonEdit_);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(subjectLabel_);
    layout->addLayout(form);
    layout->addWidget(previewLabel_);
    layout->addWidget(buttons_);

    connect(buttons_, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(aliasCombo_, &QComboBox::currentTextChanged, this, &AliasDialog::updatePreview);
    updatePreview();
    resize(qMax(sizeHint().width(), 420), sizeHint().height());
}

QString AliasDialog::alias() const {
    return aliasCombo_->currentText().trimmed();
}

QString AliasDialog::reason() const {
    return reasonEdit_->text().trimmed();
}

void AliasDialog::updatePreview() {
    const QString name = alias();
    Preview p;
    if (name.isEmpty())
        p.why = tr("Choose an alias, e.g. staging or production.");
    else if (describe_)
        p = describe_(name);
    previewLabel_->setText(p.change.isEmpty() ? p.why : p.change);
    previewLabel_->setStyleSheet(p.change.isEmpty() ? StatusLine::styleSheetOf(StatusLine::Kind::Error)
                                                    : QStringLiteral("font-weight: bold;"));
    buttons_->button(QDialogButtonBox::Ok)->setEnabled(!p.change.isEmpty());
}

}  // namespace flightdeck::ui
