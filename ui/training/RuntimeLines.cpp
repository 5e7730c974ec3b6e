#include "training/RuntimeLines.h"

#include "common/StatusLine.h"
#include "training/RuntimeText.h"

#include <QLabel>
#include <QVBoxLayout>

namespace flightdeck::ui {

RuntimeLines::RuntimeLines(QWidget* parent) : QWidget(parent), runtime_(new QLabel(this)), warning_(new StatusLine(this))
{
    runtime_->setObjectName(QStringLiteral("runtimeLabel"));
    warning_->setObjectName(QStringLiteral("blasWarningLabel"));
    runtime_->setWordWrap(true);
    runtime_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(runtime_);
    layout->addWidget(warning_);
    retranslateUi();
}

void RuntimeLines::retranslateUi()
{
    runtime_->setText(tr("Runtime: %1").arg(RuntimeText::summary()));
    runtime_->setToolTip(RuntimeText::details());
    warning_->showMessage(RuntimeText::blasWarning(), StatusLine::Kind::Warning);
    warning_->setVisible(!warning_->message().isEmpty());
}

}  // namespace flightdeck::ui
