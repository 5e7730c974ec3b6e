#include "export/BundleInspector.h"

#include "common/StatusLine.h"
#include "common/TaskRunner.h"
#include "export/ExportTables.h"

#include <QDesktopServices>
#include <QDir>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>

namespace flightdeck::ui {

BundleInspector::BundleInspector(TaskRunner* runner, QWidget* parent)
    : QWidget(parent), runner_(runner) {
    setObjectName(QStringLiteral("bundleInspector"));
    pathLabel_ = new QLabel(this);
    pathLabel_->setObjectName(QStringLiteral("bundlePathLabel"));
    pathLabel_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    pathLabel_->setWordWrap(true);
    openFolderButton_ = new QPushButton(this);
    openFolderButton_->setObjectName(QStringLiteral("openFolderButton"));
    verifyButton_ = new QPushButton(this);
    verifyButton_->setObjectName(QStringLiteral("verifyButton"));

    files_ = makeReadOnlyTable(3, QStringLiteral("manifestTable"), 2, this);

    verificationLabel_ = new StatusLine(this);
    verificationLabel_->setObjectName(QStringLiteral("verificationLabel"));
    problems_ = new QListWidget(this);
    problems_->setObjectName(QStringLiteral("verificationProblemsList"));
    problems_->setMaximumHeight(fontMetrics().height() * 6);

    auto* top = new QHBoxLayout;
    top->addWidget(pathLabel_, 1);
    top->addWidget(verifyButton_);
    top->addWidget(openFolderButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(files_, 1);
    layout->addWidget(verificationLabel_);
    layout->addWidget(problems_);

    connect(openFolderButton_, &QPushButton::clicked, this, [this] {
        if (!path_.isEmpty())
            QDesktopServices::openUrl(QUrl::fromLocalFile(path_));
    });
    connect(verifyButton_, &QPushButton::clicked, this, [this] { inspect(path_); });
    retranslateUi();
}

void BundleInspector::retranslateUi() {
    openFolderButton_->setText(tr("Open &folder"));
    openFolderButton_->setToolTip(tr("Show the bundle in the file manager"));
    verifyButton_->setText(tr("&Verify again"));
    verifyButton_->setToolTip(tr("Re-hash every file listed in manifest.json"));
    files_->setHorizontalHeaderLabels({tr("File"), tr("Size"), tr("SHA-256")});
    render();
}

void BundleInspector::inspect(const QString& bundlePath) {
    path_ = bundlePath;
    hasResult_ = false;
    result_ = {};
    const quint64 generation = ++generation_;
    if (path_.isEmpty()) {
        busy_ = false;
        render();
        return;
    }
    busy_ = true;
    render();
    const std::filesystem::path dir(QDir::toNativeSeparators(path_).toStdString());
    runner_->runDetached(
        tr("Verifying bundle %1\u2026").arg(QDir(path_).dirName()), this,
        [dir](const std::atomic<bool>&) { return inspectBundle(dir); },
        [this, generation](BundleInspection inspection) {
            if (generation != generation_)
                return;
            busy_ = false;
            hasResult_ = true;
            result_ = std::move(inspection);
            render();
            Q_EMIT inspected(result_.intact());
        },
        [this, generation](const QString& message) {
            if (generation != generation_)
                return;
            busy_ = false;
            hasResult_ = true;
            result_ = {};
            result_.error = message;
            render();
            Q_EMIT inspected(false);
        });
}

void BundleInspector::render() {
    const bool any = !path_.isEmpty();
    pathLabel_->setText(any ? path_ : tr("Select an export in the registry to inspect its bundle."));
    openFolderButton_->setEnabled(any);
    verifyButton_->setEnabled(any && !busy_);

    files_->setRowCount(0);
    problems_->clear();
    problems_->setVisible(false);
    if (!any) {
        verificationLabel_->clear();
        return;
    }
    if (busy_) {
        verificationLabel_->showMessage(tr("Verifying\u2026"));
        return;
    }
    if (!hasResult_)
        return;

    const QLocale locale;
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    files_->setRowCount(static_cast<int>(result_.files.size()));
    int row = 0;
    for (const auto& file : result_.files) {
        files_->setItem(row, 0, new QTableWidgetItem(QString::fromStdString(file.name)));
        auto* size = new QTableWidgetItem(file.bytes >= 0 ? locale.formattedDataSize(file.bytes)
                                                          : QStringLiteral("?"));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        if (file.bytes >= 0)
            size->setToolTip(tr("%1 bytes").arg(locale.toString(static_cast<qlonglong>(file.bytes))));
        files_->setItem(row, 1, size);
        auto* hash = new QTableWidgetItem(QString::fromStdString(file.sha256));
        hash->setFont(mono);
        hash->setToolTip(hash->text());
        files_->setItem(row, 2, hash);
        ++row;
    }

    if (!result_.error.isEmpty()) {
        verificationLabel_->showMessage(tr("\u2718 Cannot read the bundle: %1").arg(result_.error),
                                        StatusLine::Kind::Error);
    } else if (result_.problems.isEmpty()) {
        verificationLabel_->showMessage(tr("\u2714 Intact: all %n file(s) match their SHA-256.", "",
                                           static_cast<int>(result_.files.size())),
                                        StatusLine::Kind::Success);
    } else {
        verificationLabel_->showMessage(
            tr("\u2718 %n problem(s) found:", "", static_cast<int>(result_.problems.size())),
            StatusLine::Kind::Error);
        problems_->addItems(result_.problems);
        problems_->setVisible(true);
    }
}

}  // namespace flightdeck::ui
