#include "export/LocalServer.h"

#include "common/StatusLine.h"

#include <QCoreApplication>
#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>

namespace flightdeck::ui {

LocalServer::LocalServer(QWidget* parent)
    : QWidget(parent), button_(new QPushButton(this)), status_(new StatusLine(this))
{
    setObjectName(QStringLiteral("localServer"));
    button_->setObjectName(QStringLiteral("serveLocallyButton"));
    status_->setObjectName(QStringLiteral("serveStatusLabel"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(button_);
    row->addWidget(status_, 1);
    connect(button_, &QPushButton::clicked, this, [this] { isServing() || process_ ? stop() : start(); });
    retranslateUi();
}

LocalServer::~LocalServer()
{
    if (process_) {
        process_->disconnect(this);
        process_->terminate();   // SIGTERM: the server finishes its log line and exits
        if (!process_->waitForFinished(3000))
            process_->kill();
    }
}

QString LocalServer::serverExecutable()
{
    const QString forced = qEnvironmentVariable("FLIGHTDECK_SERVE");
    if (!forced.isEmpty())
        return forced;
    const QDir here(QCoreApplication::applicationDirPath());
    for (const QString& candidate : {here.filePath(QStringLiteral("flightdeck-serve")),
                                     here.filePath(QStringLiteral("../serve/flightdeck-serve"))})
        if (QFileInfo(candidate).isExecutable())
            return QFileInfo(candidate).absoluteFilePath();
    return QStandardPaths::findExecutable(QStringLiteral("flightdeck-serve"));
}

void LocalServer::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LocalServer::retranslateUi()
{
    button_->setToolTip(tr("Run flightdeck-serve on this bundle on 127.0.0.1 and follow its prediction log "
                           "in the Monitoring panel."));
    render();
}

void LocalServer::setBundle(const QString& bundlePath, const QString& logFolder)
{
    bundle_ = bundlePath;
    logFolder_ = logFolder;
    render();
}

void LocalServer::start()
{
    if (bundle_.isEmpty() || process_)
        return;
    const QString exe = serverExecutable();
    if (exe.isEmpty()) {
        error_ = tr("flightdeck-serve was not found beside the workbench or on PATH.");
        render();
        return;
    }
    QDir().mkpath(logFolder_);
    log_ = QDir(logFolder_).filePath(QFileInfo(bundle_).fileName() + QStringLiteral(".jsonl"));
    error_.clear();
    output_.clear();
    process_ = new QProcess(this);
    process_->setProcessChannelMode(QProcess::MergedChannels);
    connect(process_, &QProcess::readyRead, this, &LocalServer::readOutput);
    connect(process_, &QProcess::finished, this, &LocalServer::finished);
    connect(process_, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e == QProcess::FailedToStart)
            finished();
    });
    process_->start(exe, {bundle_, QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--log"), log_});
    render();
}

void LocalServer::stop()
{
    if (process_)
        process_->terminate();
}

void LocalServer::readOutput()
{
    output_ += QString::fromUtf8(process_->readAll());
    if (!url_.isEmpty())
        return;
    static const QRegularExpression listening(QStringLiteral(" on (http://[^ ]+)"));
    const auto m = listening.match(output_);
    if (m.hasMatch()) {
        url_ = m.captured(1);
        render();
        Q_EMIT servingStarted(url_, log_);
    }
}

void LocalServer::finished()
{
    if (!process_)
        return;
    const bool wasServing = !url_.isEmpty();
    if (!wasServing) {
        // It never listened: show what it said (a tampered bundle is named there).
        error_ = output_.trimmed().section(QLatin1Char('\n'), -1);
        if (error_.isEmpty())
            error_ = process_->errorString();
    }
    process_->deleteLater();
    process_ = nullptr;
    url_.clear();
    render();
    if (wasServing)
        Q_EMIT servingStopped();
}

void LocalServer::render()
{
    button_->setText(process_ ? tr("Stop serving") : tr("Serve locally"));
    button_->setEnabled(process_ || !bundle_.isEmpty());
    if (!url_.isEmpty())
        status_->showMessage(tr("Serving on %1 (POST /predict); log: %2").arg(url_, log_), StatusLine::Kind::Success);
    else if (process_)
        status_->showMessage(tr("Starting…"));
    else if (!error_.isEmpty())
        status_->showMessage(tr("Not serving: %1").arg(error_), StatusLine::Kind::Error);
    else
        status_->clear();
}

}  // namespace flightdeck::ui
