#include "labeling/ModelAssist.h"

#include "common/ProjectSession.h"

#include "common/NumberText.h"
#include "common/TaskRunner.h"
#include "flightdeck/store/Project.h"
#include "flightdeck/train/VersionPredictor.h"
#include "labeling/LabelingDocument.h"
#include "labeling/SampleListModel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace flightdeck::ui {

ModelAssist::ModelAssist(ProjectSession* session, TaskRunner* tasks, LabelingDocument* document,
                         SampleListModel* model, QWidget* parent)
    : QWidget(parent), session_(session), tasks_(tasks), document_(document), model_(model)
{
    runLabel_ = new QLabel(this);
    runCombo_ = new QComboBox(this);
    runCombo_->setObjectName(QStringLiteral("labelingModelRun"));
    predictButton_ = new QPushButton(this);
    predictButton_->setObjectName(QStringLiteral("labelingPredict"));
    orderLabel_ = new QLabel(this);
    orderCombo_ = new QComboBox(this);
    orderCombo_->setObjectName(QStringLiteral("labelingOrder"));
    threshold_ = new QDoubleSpinBox(this);
    threshold_->setObjectName(QStringLiteral("labelingPreLabelThreshold"));
    threshold_->setRange(0.5, 1.0);
    threshold_->setSingleStep(0.01);
    threshold_->setDecimals(2);
    threshold_->setValue(0.95);
    preLabelButton_ = new QPushButton(this);
    preLabelButton_->setObjectName(QStringLiteral("labelingPreLabel"));
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("labelingModelSummary"));
    summary_->setWordWrap(true);
    for (QWidget* w : {static_cast<QWidget*>(runCombo_), static_cast<QWidget*>(predictButton_),
                       static_cast<QWidget*>(orderCombo_), static_cast<QWidget*>(threshold_),
                       static_cast<QWidget*>(preLabelButton_)})
        w->setFocusPolicy(Qt::NoFocus);   // keys belong to the grid
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(runLabel_, 0, 0);
    grid->addWidget(runCombo_, 0, 1);
    grid->addWidget(predictButton_, 0, 2);
    grid->addWidget(orderLabel_, 1, 0);
    grid->addWidget(orderCombo_, 1, 1);
    grid->addWidget(threshold_, 2, 1);
    grid->addWidget(preLabelButton_, 2, 2);
    grid->addWidget(summary_, 3, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(predictButton_, &QPushButton::clicked, this, [this] { predict(runId()); });
    connect(preLabelButton_, &QPushButton::clicked, this, [this] { preLabel(threshold_->value()); });
    connect(orderCombo_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        model_->setOrder(static_cast<SampleOrder>(orderCombo_->itemData(i).toInt()));
    });
    retranslateUi();
}

void ModelAssist::retranslateUi()
{
    runLabel_->setText(tr("Model:"));
    predictButton_->setText(tr("Predict"));
    predictButton_->setToolTip(tr("Run the model on every item (off the GUI thread)"));
    orderLabel_->setText(tr("Order:"));
    threshold_->setPrefix(tr("confidence ≥ "));
    preLabelButton_->setText(tr("Pre-label"));
    preLabelButton_->setToolTip(tr("Give unlabeled items the model's class where it is this sure; "
                                   "they stay pre-labels until you accept them (Enter)"));
    const int order = orderCombo_->currentIndex();
    orderCombo_->clear();
    orderCombo_->addItem(tr("Dataset order"), int(SampleOrder::Dataset));
    orderCombo_->addItem(tr("Least confident first"), int(SampleOrder::LeastConfident));
    orderCombo_->addItem(tr("Smallest margin first"), int(SampleOrder::SmallestMargin));
    orderCombo_->addItem(tr("Highest entropy first"), int(SampleOrder::HighestEntropy));
    orderCombo_->setCurrentIndex(std::max(0, order));
    const bool ready = model_->predictions() != nullptr;
    orderCombo_->setEnabled(ready);
    threshold_->setEnabled(ready);
    preLabelButton_->setEnabled(ready);
    predictButton_->setEnabled(runCombo_->count() > 0);
    if (runCombo_->count() == 0)
        summary_->setText(tr("Train a model on this dataset to order the queue by its "
                             "uncertainty and pre-label with it."));
}

qint64 ModelAssist::runId() const
{
    return runCombo_->currentData().toLongLong();
}

void ModelAssist::reload()
{
    ++ticket_;
    if (model_->predictions())
        model_->setPredictions(nullptr, {});
    runCombo_->clear();
    summary_->clear();
    retranslateUi();
    if (!document_->isLoaded())
        return;
    const qint64 versionId = document_->versionId();
    const int ticket = ticket_;
    tasks_->run(
        tr("Finding models"), this,
        [versionId](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return flightdeck::train::runsThatCanPredict(project, versionId);
        },
        [this, ticket](const std::vector<flightdeck::store::RunRecord>& runs) {
            if (ticket != ticket_)
                return;
            for (const auto& run : runs)
                runCombo_->addItem(tr("#%1 %2").arg(run.id).arg(QString::fromStdString(run.name)),
                                   QVariant::fromValue<qlonglong>(run.id));
            retranslateUi();
        },
        [this, ticket](const QString& m) {
            if (ticket == ticket_)   // else about a version no longer labeled
                Q_EMIT message(m, true);
        });
}

void ModelAssist::predict(qint64 runId)
{
    if (runId <= 0 || !document_->isLoaded())
        return;
    const qint64 versionId = document_->versionId();
    const int ticket = ++ticket_;
    summary_->setText(tr("Predicting…"));
    tasks_->run(
        tr("Predicting with run #%1").arg(runId), this,
        [runId, versionId](flightdeck::store::Project& project, const std::atomic<bool>& cancel) {
            return std::shared_ptr<const flightdeck::train::VersionPredictions>(
                std::make_shared<flightdeck::train::VersionPredictions>(
                    flightdeck::train::predictVersion(project, runId, versionId, &cancel)));
        },
        [this, ticket](std::shared_ptr<const flightdeck::train::VersionPredictions> predictions) {
            if (ticket == ticket_)
                applyPredictions(std::move(predictions));
        },
        [this, ticket](const QString& m) {
            if (ticket != ticket_)
                return;
            summary_->setText(m);
            Q_EMIT message(m, true);
        });
}

void ModelAssist::applyPredictions(std::shared_ptr<const flightdeck::train::VersionPredictions> p)
{
    if (!p || p->rows != std::size_t(document_->count()))
        return;
    // The model's classes by name: a renamed class stops matching until the model is retrained.
    std::vector<int> classOf;
    for (const auto& c : p->classes)
        classOf.push_back(document_->classIndex(QString::fromStdString(c)));
    model_->setPredictions(p, classOf);
    qint64 labeled = 0, agree = 0, unlabeled = 0, sure = 0;
    for (int r = 0; r < document_->count(); ++r) {
        const int label = document_->row(r).label;
        const int predicted = model_->predictedClass(r);
        if (label >= 0) {
            ++labeled;
            agree += predicted == label ? 1 : 0;
        } else {
            ++unlabeled;
            sure += p->confidence[std::size_t(r)] >= threshold_->value() ? 1 : 0;
        }
    }
    const QLocale locale;
    summary_->setText(tr("The model agrees with %1 of the %2 labels; %3 unlabeled items, %4 of "
                         "them at the confidence threshold or above.")
                          .arg(NumberText::percent(labeled ? double(agree) / double(labeled) : 0.0),
                               NumberText::count(labeled), NumberText::count(unlabeled), NumberText::count(sure)));
    retranslateUi();
    Q_EMIT predictionsReady();
}

int ModelAssist::preLabel(double threshold)
{
    const auto* p = model_->predictions();
    if (!p || !document_->isLoaded())
        return 0;
    QList<int> rows, classes;
    for (int r = 0; r < document_->count(); ++r)
        if (document_->row(r).label < 0 && p->confidence[std::size_t(r)] >= threshold
            && model_->predictedClass(r) >= 0) {
            rows << r;
            classes << model_->predictedClass(r);
        }
    document_->preLabel(rows, classes);
    return int(rows.size());
}

}  // namespace flightdeck::ui
