#include "evaluation/EvaluationPanel.h"

#include "common/ErrorText.h"
#include "common/StatusLine.h"

#include "common/NumberText.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "evaluation/ConfusionMatrixView.h"
#include "evaluation/MetricCard.h"
#include "evaluation/PerClassTable.h"
#include "evaluation/RegressionView.h"

#include "flightdeck/store/Project.h"
#include "flightdeck/store/RunRepository.h"
#include "flightdeck/train/RunEvaluator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace flightdeck::ui {

EvaluationPanel::EvaluationPanel(ProjectSession* session, TaskRunner* runner, QWidget* parent)
    : QWidget(parent), session_(session), runner_(runner) {
    setObjectName(QStringLiteral("evaluationPanel"));

    runLabel_ = new QLabel(this);
    runLabel_->setObjectName(QStringLiteral("evaluationRunLabel"));
    splitLabel_ = new QLabel(this);
    splitCombo_ = new QComboBox(this);
    splitCombo_->setObjectName(QStringLiteral("splitCombo"));
    for (const char* split : {"test", "val", "train"})
        splitCombo_->addItem(QString(), QString::fromLatin1(split));
    splitLabel_->setBuddy(splitCombo_);
    evaluateButton_ = new QPushButton(this);
    evaluateButton_->setObjectName(QStringLiteral("evaluateButton"));
    messageLabel_ = new StatusLine(this);
    messageLabel_->setObjectName(QStringLiteral("evaluationMessageLabel"));

    auto* cards = new QHBoxLayout;
    accuracyCard_ = new MetricCard(QStringLiteral("accuracyLabel"), this);
    macroF1Card_ = new MetricCard(QStringLiteral("macroF1Label"), this);
    weightedF1Card_ = new MetricCard(QStringLiteral("weightedF1Label"), this);
    samplesCard_ = new MetricCard(QStringLiteral("samplesLabel"), this);
    for (MetricCard* card : {accuracyCard_, macroF1Card_, weightedF1Card_, samplesCard_})
        cards->addWidget(card);
    cards->addStretch(1);
    historyLabel_ = new QLabel(this);
    evaluationCombo_ = new QComboBox(this);
    evaluationCombo_->setObjectName(QStringLiteral("evaluationCombo"));
    evaluationCombo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    historyLabel_->setBuddy(evaluationCombo_);
    cards->addWidget(historyLabel_);
    cards->addWidget(evaluationCombo_);

    matrixGroup_ = new QGroupBox(this);
    matrixGroup_->setObjectName(QStringLiteral("confusionGroup"));
    matrixCaption_ = new QLabel(matrixGroup_);
    matrixCaption_->setStyleSheet(QStringLiteral("color: #6b6b6b;"));
    normalizeCheck_ = new QCheckBox(matrixGroup_);
    normalizeCheck_->setObjectName(QStringLiteral("normalizeCheck"));
    matrix_ = new ConfusionMatrixView(matrixGroup_);
    topConfusionLabel_ = new QLabel(matrixGroup_);
    topConfusionLabel_->setObjectName(QStringLiteral("topConfusionLabel"));
    topConfusionLabel_->setWordWrap(true);
    auto* matrixTop = new QHBoxLayout;
    matrixTop->addWidget(matrixCaption_, 1);
    matrixTop->addWidget(normalizeCheck_);
    auto* matrixLayout = new QVBoxLayout(matrixGroup_);
    matrixLayout->addLayout(matrixTop);
    matrixLayout->addWidget(matrix_, 1);
    matrixLayout->addWidget(topConfusionLabel_);

    perClassGroup_ = new QGroupBox(this);
    perClassGroup_->setObjectName(QStringLiteral("perClassGroup"));
    perClass_ = new PerClassTable(perClassGroup_);
    auto* perClassLayout = new QVBoxLayout(perClassGroup_);
    perClassLayout->addWidget(perClass_);

    splitter_ = new QSplitter(Qt::Horizontal, this);
    splitter_->setObjectName(QStringLiteral("evaluationSplitter"));
    splitter_->addWidget(matrixGroup_);
    splitter_->addWidget(perClassGroup_);
    splitter_->setStretchFactor(0, 3);
    splitter_->setStretchFactor(1, 2);
    regression_ = new RegressionView(this);
    regression_->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(runLabel_, 1);
    top->addWidget(splitLabel_);
    top->addWidget(splitCombo_);
    top->addWidget(evaluateButton_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(messageLabel_);
    layout->addLayout(cards);
    layout->addWidget(splitter_, 1);
    layout->addWidget(regression_, 1);

    connect(evaluateButton_, &QPushButton::clicked, this, &EvaluationPanel::evaluateCurrentRun);
    connect(normalizeCheck_, &QCheckBox::toggled, matrix_, &ConfusionMatrixView::setNormalized);
    connect(evaluationCombo_, qOverload<int>(&QComboBox::currentIndexChanged), this,
            &EvaluationPanel::showEvaluation);
    connect(session_, &ProjectSession::projectOpened, this, &EvaluationPanel::reload);
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        evaluatingRun_ = 0;   // an evaluation under way is dropped with its project (TaskRunner)
        reload();
    });
    connect(session_, &ProjectSession::currentRunChanged, this, &EvaluationPanel::reload);
    connect(session_, &ProjectSession::runsChanged, this, &EvaluationPanel::reload);
    connect(session_, &ProjectSession::evaluationsChanged, this, [this](qint64 runId) {
        if (runId == session_->currentRunId())
            reload();
    });

    retranslateUi();
    reload();
}

EvaluationPanel::~EvaluationPanel() = default;

void EvaluationPanel::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

QString EvaluationPanel::splitText(const QString& split) const {
    if (split == QLatin1String("test")) return tr("test");
    if (split == QLatin1String("val")) return tr("validation");
    if (split == QLatin1String("train")) return tr("training");
    return split;
}

void EvaluationPanel::retranslateUi() {
    splitLabel_->setText(tr("&Split:"));
    for (int i = 0; i < splitCombo_->count(); ++i)
        splitCombo_->setItemText(i, splitText(splitCombo_->itemData(i).toString()));
    evaluateButton_->setText(tr("&Evaluate"));
    accuracyCard_->setCaption(tr("Accuracy"));
    macroF1Card_->setCaption(tr("Macro F1"));
    weightedF1Card_->setCaption(tr("Weighted F1"));
    samplesCard_->setCaption(tr("Samples"));
    historyLabel_->setText(tr("E&valuation:"));
    matrixGroup_->setTitle(tr("Confusion matrix"));
    matrixCaption_->setText(tr("Rows: true class \u00b7 columns: predicted class"));
    normalizeCheck_->setText(tr("&Normalize by true class"));
    normalizeCheck_->setToolTip(tr("Show each row as percentages of its true class"));
    perClassGroup_->setTitle(tr("Per class"));
    perClass_->retranslateUi();
    matrix_->retranslateUi();
    regression_->retranslateUi();
    // Evaluation combo entries carry translated split names.
    for (int i = 0; i < evaluationCombo_->count() && i < static_cast<int>(evaluations_.size()); ++i) {
        const auto& e = evaluations_[i];
        evaluationCombo_->setItemText(i, tr("#%1 %2 split, %3")
                                             .arg(e.id)
                                             .arg(splitText(QString::fromStdString(e.split)),
                                                  NumberText::dateTime(e.createdAt)));
    }
    render();
}

void EvaluationPanel::reload() {
    run_.reset();
    evaluations_.clear();
    report_.reset();
    classNames_.clear();
    shown_ = -1;
    loadError_.clear();
    if (actionErrorRun_ == 0)
        actionError_.clear();   // "Open a project first" and the like: answered by now or asked again
    const qint64 runId = session_->isOpen() ? session_->currentRunId() : 0;
    if (runId > 0) {
        try {
            flightdeck::store::RunRepository repo(session_->project());
            run_ = repo.run(runId);
            evaluations_ = repo.evaluations(runId);
        } catch (const std::exception& e) {
            loadError_ = ErrorText::fromException(e);
        }
    }
    {
        const QSignalBlocker blocker(evaluationCombo_);
        evaluationCombo_->clear();
        for (std::size_t i = 0; i < evaluations_.size(); ++i)
            evaluationCombo_->addItem(QString());
    }
    retranslateUi();   // fills the combo texts and renders
    showEvaluation(evaluations_.empty() ? -1 : 0);
}

void EvaluationPanel::showEvaluation(int index) {
    report_.reset();
    classNames_.clear();
    shown_ = -1;
    regressionShown_ = false;
    reportError_.clear();
    if (index >= 0 && index < static_cast<int>(evaluations_.size())) {
        shown_ = index;
        if (evaluationCombo_->currentIndex() != index) {
            const QSignalBlocker blocker(evaluationCombo_);
            evaluationCombo_->setCurrentIndex(index);
        }
        const std::string& json = evaluations_[index].reportJson;
        regressionShown_ = RegressionView::isRegressionReport(json);
        try {
            if (regressionShown_) {
                regression_->setReport(json, tr("On the %1 split").arg(splitText(
                                                 QString::fromStdString(evaluations_[index].split))));
            } else {
                std::vector<std::string> names;
                report_ = flightdeck::eval::reportFromJson(json, &names);
                for (const std::string& name : names)
                    classNames_.append(QString::fromStdString(name));
            }
        } catch (const std::exception& e) {
            reportError_ = ErrorText::fromException(e);
        }
    }
    renderReport();
    render();
}

QString EvaluationPanel::messageText() const {
    return messageLabel_->isHidden() ? QString() : messageLabel_->message();
}

void EvaluationPanel::render() {
    const bool open = session_->isOpen();
    const bool running = run_ && run_->status == store::RunStatus::Running;
    if (run_) {
        const QString name = QString::fromStdString(run_->name);
        runLabel_->setText(name.isEmpty() ? tr("<b>Run #%1</b>").arg(run_->id)
                                          : tr("<b>Run #%1</b> %2").arg(run_->id).arg(name.toHtmlEscaped()));
    } else {
        runLabel_->setText(tr("<b>No run selected</b>"));
    }
    const qint64 current = run_ ? run_->id : 0;
    evaluateButton_->setEnabled(open && run_ && !running && evaluatingRun_ == 0);
    evaluateButton_->setToolTip(running ? tr("The run is still training")
                                        : tr("Evaluate the current run's model on the chosen split"));

    QString message;
    bool isError = false;
    const QString actionError = actionErrorRun_ == current ? actionError_ : QString();
    if (evaluatingRun_ > 0 && evaluatingRun_ == current)
        message = tr("Evaluating\u2026");
    else if (evaluatingRun_ > 0)
        message = tr("Evaluating run #%1\u2026 This run can be evaluated when it has finished.")
                      .arg(evaluatingRun_);
    else if (!loadError_.isEmpty() || !reportError_.isEmpty() || !actionError.isEmpty()) {
        message = !loadError_.isEmpty() ? loadError_ : !reportError_.isEmpty() ? reportError_ : actionError;
        isError = true;
    } else if (!open)
        message = tr("Open a project to see evaluations.");
    else if (!run_)
        message = tr("Select a run in Experiments to see its evaluation.");
    else if (evaluations_.empty())
        message = running ? tr("This run is still training; evaluate it when it has finished.")
                          : tr("This run has no evaluation yet. Choose a split and press Evaluate.");
    messageLabel_->showMessage(message, isError ? StatusLine::Kind::Error : StatusLine::Kind::Info);
    messageLabel_->setVisible(!message.isEmpty());
    historyLabel_->setVisible(evaluations_.size() > 1);
    // A regression report has no classes: its own cards replace the matrix and the table.
    regression_->setVisible(regressionShown_);
    splitter_->setVisible(!regressionShown_);
    for (MetricCard* card : {accuracyCard_, macroF1Card_, weightedF1Card_, samplesCard_})
        card->setVisible(!regressionShown_);
    evaluationCombo_->setVisible(evaluations_.size() > 1);

    const QLocale locale;
    const QString dash = QStringLiteral("\u2014");
    if (report_) {
        const QString on = shown_ >= 0 ? tr("On the %1 split").arg(splitText(
                                             QString::fromStdString(evaluations_[shown_].split)))
                                       : QString();
        accuracyCard_->setValue(NumberText::percent(report_->accuracy, 2), on);
        macroF1Card_->setValue(locale.toString(report_->macroF1, 'f', 3), on);
        weightedF1Card_->setValue(locale.toString(report_->weightedF1, 'f', 3), on);
        samplesCard_->setValue(locale.toString(static_cast<qlonglong>(report_->samples)), on);
    } else {
        for (MetricCard* card : {accuracyCard_, macroF1Card_, weightedF1Card_, samplesCard_})
            card->setValue(dash);
    }

    // The most confused pair (largest off-diagonal cell), the first thing a user looks for.
    QString top;
    if (report_) {
        std::int64_t best = 0;
        int bt = -1, bp = -1;
        for (const auto& c : report_->cells)
            if (c.t != c.p && c.count > best) { best = c.count; bt = c.t; bp = c.p; }
        auto nameOf = [this](int i) {
            return i < classNames_.size() ? classNames_[i] : tr("class %1").arg(i);
        };
        if (bt >= 0)
            top = tr("Most confused: true \u201c%1\u201d predicted as \u201c%2\u201d (%3 samples)")
                      .arg(nameOf(bt), nameOf(bp), locale.toString(static_cast<qlonglong>(best)));
        if (report_->confusion.empty() && report_->numClasses > 0)
            top = tr("%n classes: too many to draw as a matrix; the table lists every class.", "",
                     report_->numClasses)
                  + (top.isEmpty() ? QString() : QStringLiteral("\n") + top);
    }
    topConfusionLabel_->setText(top);
    topConfusionLabel_->setVisible(!top.isEmpty());
}

void EvaluationPanel::renderReport() {
    if (!report_) {
        perClass_->clearReport();
        matrix_->clearMatrix();
        return;
    }
    matrix_->setMatrix(classNames_, report_->confusion);
    perClass_->setReport(*report_, classNames_);
}

void EvaluationPanel::evaluateCurrentRun() {
    if (evaluatingRun_ > 0)
        return;
    if (!session_->isOpen() || session_->currentRunId() <= 0) {
        actionError_ = session_->isOpen() ? tr("Select a run in Experiments first.")
                                          : tr("Open a project first.");
        actionErrorRun_ = 0;
        render();
        return;
    }
    const qint64 runId = session_->currentRunId();
    const QString split = splitCombo_->currentData().toString();
    const std::string splitKey = split.toStdString();
    evaluatingRun_ = runId;
    actionError_.clear();
    actionErrorRun_ = 0;
    render();

    runner_->run(
        tr("Evaluating run %1 on the %2 split\u2026").arg(runId).arg(splitText(split)), this,
        [runId, splitKey](flightdeck::store::Project& project, const std::atomic<bool>&) {
            flightdeck::train::RunEvaluator(project).evaluate(runId, splitKey);
        },
        [this, runId] {
            evaluatingRun_ = 0;
            session_->notifyEvaluationsChanged(runId);   // the panel reloads from this
            render();
        },
        [this, runId](const QString& message) {
            evaluatingRun_ = 0;
            // Shown while that run is the selected one, whichever is selected now.
            actionError_ = message;
            actionErrorRun_ = runId;
            render();
        });
}

}  // namespace flightdeck::ui
