#include "labeling/LabelingPanel.h"

#include "common/ProjectSession.h"
#include "common/StatusLine.h"

#include "common/NumberText.h"
#include "common/TaskRunner.h"
#include "flightdeck/data/LabelHistory.h"
#include "flightdeck/store/Project.h"
#include "labeling/ClassBar.h"
#include "labeling/LabelWriter.h"
#include "labeling/LabelingDocument.h"
#include "labeling/ModelAssist.h"
#include "labeling/SampleDelegate.h"
#include "labeling/SampleView.h"
#include "labeling/ThumbnailCache.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QToolButton>
#include <QUndoStack>
#include <QVBoxLayout>

namespace flightdeck::ui {

LabelingPanel::LabelingPanel(ProjectSession* session, TaskRunner* tasks, QWidget* parent)
    : QWidget(parent), session_(session), tasks_(tasks)
{
    document_ = new LabelingDocument(this);
    thumbnails_ = new ThumbnailCache(this);
    model_ = new SampleListModel(document_, thumbnails_, this);

    titleLabel_ = new QLabel(this);
    titleLabel_->setObjectName(QStringLiteral("labelingTitle"));
    filterCombo_ = new QComboBox(this);
    filterCombo_->setObjectName(QStringLiteral("labelingFilter"));
    filterCombo_->setFocusPolicy(Qt::NoFocus);
    refreshButton_ = new QPushButton(this);
    refreshButton_->setObjectName(QStringLiteral("labelingRefreshFilter"));
    refreshButton_->setFocusPolicy(Qt::NoFocus);
    sizeSlider_ = new QSlider(Qt::Horizontal, this);
    sizeSlider_->setObjectName(QStringLiteral("labelingThumbnailSize"));
    sizeSlider_->setRange(32, 192);
    sizeSlider_->setValue(72);
    sizeSlider_->setMaximumWidth(120);
    sizeSlider_->setFocusPolicy(Qt::NoFocus);
    undoButton_ = new QPushButton(this);
    undoButton_->setObjectName(QStringLiteral("labelingUndo"));
    redoButton_ = new QPushButton(this);
    redoButton_->setObjectName(QStringLiteral("labelingRedo"));
    commitButton_ = new QPushButton(this);
    commitButton_->setObjectName(QStringLiteral("labelingCommit"));
    moreButton_ = new QToolButton(this);
    moreButton_->setObjectName(QStringLiteral("labelingMore"));
    moreButton_->setPopupMode(QToolButton::InstantPopup);
    for (QWidget* w : {static_cast<QWidget*>(undoButton_), static_cast<QWidget*>(redoButton_),
                       static_cast<QWidget*>(commitButton_), static_cast<QWidget*>(moreButton_)})
        w->setFocusPolicy(Qt::NoFocus);

    grid_ = new QListView(this);
    grid_->setObjectName(QStringLiteral("labelingGrid"));
    grid_->setViewMode(QListView::IconMode);
    grid_->setResizeMode(QListView::Adjust);
    grid_->setMovement(QListView::Static);
    grid_->setUniformItemSizes(true);   // layout without asking 70,000 items for their size
    grid_->setLayoutMode(QListView::Batched);
    grid_->setBatchSize(2000);
    grid_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    grid_->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    auto* delegate = new SampleDelegate(grid_);
    grid_->setItemDelegate(delegate);
    grid_->setModel(model_);
    grid_->installEventFilter(this);
    view_ = new SampleView(document_, this);
    view_->setObjectName(QStringLiteral("labelingSampleView"));
    classBar_ = new ClassBar(document_, this);
    classBar_->setObjectName(QStringLiteral("labelingClassBar"));
    assist_ = new ModelAssist(session_, tasks_, document_, model_, this);
    assist_->setObjectName(QStringLiteral("labelingModelAssist"));
    statusLabel_ = new QLabel(this);
    statusLabel_->setObjectName(QStringLiteral("labelingStatus"));
    statusLabel_->setWordWrap(true);
    helpLabel_ = new QLabel(this);
    helpLabel_->setObjectName(QStringLiteral("labelingHelp"));
    helpLabel_->setWordWrap(true);
    helpLabel_->setEnabled(false);
    messageLabel_ = new StatusLine(this);
    messageLabel_->setObjectName(QStringLiteral("labelingMessage"));

    auto* top = new QHBoxLayout;
    top->addWidget(titleLabel_, 1);
    top->addWidget(filterCombo_);
    top->addWidget(refreshButton_);
    top->addWidget(sizeSlider_);
    top->addWidget(undoButton_);
    top->addWidget(redoButton_);
    top->addWidget(commitButton_);
    top->addWidget(moreButton_);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(view_, 3);
    sideLayout->addWidget(classBar_, 2);
    sideLayout->addWidget(assist_);
    sideLayout->addWidget(statusLabel_);
    sideLayout->addWidget(helpLabel_);
    auto* splitter = new QSplitter(Qt::Horizontal, this);
    splitter->setObjectName(QStringLiteral("labelingSplitter"));
    splitter->addWidget(grid_);
    splitter->addWidget(side);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    layout->addWidget(messageLabel_);

    QUndoStack* stack = document_->undoStack();
    connect(undoButton_, &QPushButton::clicked, stack, &QUndoStack::undo);
    connect(redoButton_, &QPushButton::clicked, stack, &QUndoStack::redo);
    connect(stack, &QUndoStack::canUndoChanged, undoButton_, &QWidget::setEnabled);
    connect(stack, &QUndoStack::canRedoChanged, redoButton_, &QWidget::setEnabled);
    undoButton_->setEnabled(false);
    redoButton_->setEnabled(false);
    connect(stack, &QUndoStack::indexChanged, this, [this] {
        // Undo brings the item back into view, so the user sees what changed.
        if (grid_->currentIndex().isValid())
            grid_->scrollTo(grid_->currentIndex());
    });
    connect(commitButton_, &QPushButton::clicked, this, &LabelingPanel::askCommit);
    connect(refreshButton_, &QPushButton::clicked, model_, &SampleListModel::refilter);
    connect(sizeSlider_, &QSlider::valueChanged, this, [this, delegate](int size) {
        delegate->setThumbnailSize(size);
        thumbnails_->setData(document_->sharedData(), size);
        grid_->doItemsLayout();
    });
    connect(filterCombo_, qOverload<int>(&QComboBox::activated), this, [this](int i) {
        const QVariantList v = filterCombo_->itemData(i).toList();
        if (v.size() == 2)
            setFilter(static_cast<SampleFilter>(v[0].toInt()), v[1].toInt());
    });
    connect(grid_->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &LabelingPanel::onCurrentChanged);
    connect(model_, &QAbstractItemModel::modelReset, this, [this] {
        connect(grid_->selectionModel(), &QItemSelectionModel::currentChanged, this,
                &LabelingPanel::onCurrentChanged, Qt::UniqueConnection);
    });
    connect(classBar_, &ClassBar::classClicked, this, &LabelingPanel::labelWith);
    connect(classBar_, &ClassBar::filterToClass, this,
            [this](int c) { setFilter(SampleFilter::Class, c); });
    connect(document_, &LabelingDocument::classesChanged, this, &LabelingPanel::refreshFilters);
    connect(document_, &LabelingDocument::rowsChanged, this, &LabelingPanel::refreshStatus);
    connect(document_, &LabelingDocument::loaded, this, &LabelingPanel::refreshStatus);
    connect(document_, &LabelingDocument::saveFailed, this,
            [this](const QString& m) { showMessage(tr("A label could not be saved: %1").arg(m), true); });
    connect(session_, &ProjectSession::currentVersionChanged, this,
            &LabelingPanel::onCurrentVersionChanged);
    connect(assist_, &ModelAssist::message, this, &LabelingPanel::showMessage);
    connect(assist_, &ModelAssist::predictionsReady, this, [this] {
        if (grid_->currentIndex().isValid())
            grid_->scrollTo(grid_->currentIndex());
    });
    connect(session_, &ProjectSession::runsChanged, this, [this] {
        if (document_->isLoaded() && !model_->predictions())
            assist_->reload();   // a run that just finished can help at once
    });
    connect(session_, &ProjectSession::projectClosed, this, [this] {
        ++loadTicket_;
        wantedVersion_ = 0;
        thumbnails_->setData(nullptr, sizeSlider_->value());
        document_->clear();
        model_->refilter();
        view_->showRow(-1);
        titleLabel_->clear();
        showMessage(QString(), false);   // it was about the closed project's version
        refreshFilters();
        refreshStatus();
    });
    setupMenu();
    retranslateUi();
}

LabelingPanel::~LabelingPanel() = default;

QUndoStack* LabelingPanel::undoStack() const
{
    return document_->undoStack();
}

void LabelingPanel::retranslateUi()
{
    filterCombo_->setToolTip(tr("Which items the grid lists"));
    refreshButton_->setText(tr("Refresh"));
    refreshButton_->setToolTip(tr("Apply the filter again: items labeled since stay listed "
                                  "until then, so the grid never jumps under the cursor"));
    sizeSlider_->setToolTip(tr("Thumbnail size"));
    undoButton_->setText(tr("Undo"));
    redoButton_->setText(tr("Redo"));
    undoButton_->setToolTip(tr("Undo the last labeling action (Ctrl+Z)"));
    redoButton_->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    commitButton_->setText(tr("Commit labels…"));
    commitButton_->setToolTip(tr("Make a new dataset version from the current labels"));
    moreButton_->setText(tr("Labels"));
    helpLabel_->setText(tr("Keys: the class key labels and shows the next item · Right/Space "
                           "skip · Left/Backspace back · V verified · Delete removes the label · "
                           "Enter accepts a pre-label · Ctrl/Shift+click selects several · double-click a "
                           "class to label with it"));
    setupMenu();
    refreshFilters();
    refreshStatus();
    view_->showRow(currentRow());
    classBar_->retranslateUi();
    assist_->retranslateUi();
}

void LabelingPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void LabelingPanel::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    // A version chosen while the dock was hidden is loaded when it is first seen.
    if (session_->isOpen() && session_->currentVersionId() > 0
        && session_->currentVersionId() != wantedVersion_)
        loadVersion(session_->currentVersionId());
}

void LabelingPanel::onCurrentVersionChanged(qint64 versionId)
{
    if (versionId > 0 && versionId != wantedVersion_ && isVisible())
        loadVersion(versionId);
}

void LabelingPanel::loadVersion(qint64 versionId)
{
    if (!session_->isOpen() || versionId <= 0)
        return;
    wantedVersion_ = versionId;
    const int ticket = ++loadTicket_;
    const QString folder = session_->folder();
    showMessage(tr("Loading version #%1…").arg(versionId), false);
    tasks_->run(
        tr("Loading labels"), this,
        [versionId](flightdeck::store::Project& project, const std::atomic<bool>&) {
            return LabelingData::load(project, versionId);
        },
        [this, ticket, folder](const std::shared_ptr<const LabelingData>& data) {
            if (ticket != loadTicket_)
                return;   // another version was asked for meanwhile
            thumbnails_->setData(data, sizeSlider_->value());
            document_->load(data, std::make_unique<LabelWriter>(folder));
            sessionItems_ = 0;
            sessionSeconds_ = 0;
            sessionClock_.invalidate();
            titleLabel_->setText(tr("%1 · version #%2 · %Ln item(s)", nullptr, document_->count())
                                     .arg(data->datasetName)
                                     .arg(data->versionId));
            assist_->reload();   // before choosing the current item: it resets the list
            if (model_->rowCount() > 0)
                grid_->setCurrentIndex(model_->index(0));
            showMessage(session_->project().readOnly()
                            ? tr("The project is read-only here: labels can be viewed, not changed.")
                            : QString(),
                        session_->project().readOnly());
            Q_EMIT versionLoaded(data->versionId);
        },
        [this, ticket](const QString& message) {
            if (ticket != loadTicket_)
                return;
            showMessage(message, true);
            Q_EMIT failed(message);
        });
}

int LabelingPanel::currentRow() const
{
    const QModelIndex i = grid_->currentIndex();
    return i.isValid() ? model_->documentRow(i.row()) : -1;
}

void LabelingPanel::setCurrentRow(int documentRow)
{
    const int m = model_->modelRow(documentRow);
    if (m >= 0)
        grid_->setCurrentIndex(model_->index(m));
}

void LabelingPanel::setFilter(SampleFilter filter, int classIndex)
{
    const int keep = currentRow();
    model_->setFilter(filter, classIndex);
    const int m = model_->modelRow(keep);
    if (model_->rowCount() > 0)
        grid_->setCurrentIndex(model_->index(m >= 0 ? m : 0));
    else
        view_->showRow(-1);
    for (int i = 0; i < filterCombo_->count(); ++i) {
        const QVariantList v = filterCombo_->itemData(i).toList();
        if (v.size() == 2 && v[0].toInt() == int(filter) && v[1].toInt() == classIndex)
            filterCombo_->setCurrentIndex(i);
    }
}

void LabelingPanel::onCurrentChanged()
{
    view_->showRow(currentRow());
    shownAt_.restart();
}

void LabelingPanel::refreshFilters()
{
    filterCombo_->clear();
    auto add = [this](const QString& text, SampleFilter f, int c = -1) {
        filterCombo_->addItem(text, QVariantList{int(f), c});
    };
    add(tr("All items"), SampleFilter::All);
    add(tr("Unlabeled"), SampleFilter::Unlabeled);
    add(tr("Labeled"), SampleFilter::Labeled);
    add(tr("Labeled, not verified"), SampleFilter::NotVerified);
    add(tr("Verified"), SampleFilter::Verified);
    add(tr("Model pre-labels"), SampleFilter::PreLabeled);
    add(tr("Model disagrees with the label"), SampleFilter::Disagrees);
    if (document_->isLoaded())
        for (int c : document_->visibleClasses())
            add(tr("Class: %1").arg(document_->classes()[c]), SampleFilter::Class, c);
    for (int i = 0; i < filterCombo_->count(); ++i) {
        const QVariantList v = filterCombo_->itemData(i).toList();
        if (v[0].toInt() == int(model_->filter()) && v[1].toInt() == model_->filterClass())
            filterCombo_->setCurrentIndex(i);
    }
}

void LabelingPanel::refreshStatus()
{
    statusLabel_->setText(statusText());
}

QString LabelingPanel::statusText() const
{
    if (!document_->isLoaded())
        return tr("Choose a dataset version in the Data panel to label it.");
    const QLocale locale;
    const qint64 total = document_->count();
    QString text = tr("Labeled %1 of %2 (%3) · verified %4")
                       .arg(NumberText::count(document_->labeledCount()), NumberText::count(total),
                            NumberText::percent(double(document_->labeledCount()) / double(std::max<qint64>(1, total))),
                            NumberText::count(document_->verifiedCount()));
    if (sessionItems_ > 0 && sessionClock_.isValid()) {
        const double minutes = std::max(1.0 / 60, double(sessionClock_.elapsed()) / 60000.0);
        text += QLatin1Char('\n')
                + tr("This session: %n item(s), %1 per minute, %2 s per item", nullptr, int(sessionItems_))
                      .arg(NumberText::decimal(double(sessionItems_) / minutes, 0),
                           NumberText::decimal(sessionSeconds_ / double(sessionItems_), 1));
    }
    return text;
}

bool LabelingPanel::isShowing(qint64 versionId) const
{
    return wantedVersion_ == versionId && document_->isLoaded() && document_->versionId() == versionId;
}

void LabelingPanel::showMessage(const QString& text, bool error)
{
    messageLabel_->showMessage(text, error ? StatusLine::Kind::Error : StatusLine::Kind::Info);
}

}  // namespace flightdeck::ui
