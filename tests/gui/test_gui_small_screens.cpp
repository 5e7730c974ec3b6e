// The left column on laptop screens (issue 12, points 2 and 9), in a real MainWindow under the
// offscreen platform, English and German: at 1366x768 the dataset tree shows a dataset with
// eight rows of room, the preview shows rows, not a sliver, the Data panel fits its dock without
// scrolling and the Architecture panel its dock's width; at 1024x700 the tree and the preview
// stay usable. The Experiments dock fits its width at 1024x700 and 1366x768 (its tool bar folds
// what does not fit into its » menu, the filter row and the comparison tabs fit). A divider the
// user moved comes back in the next window.
#include "common/Settings.h"
#include "common/Translations.h"
#include "data/DatasetTree.h"
#include "gui/WorkbenchFixture.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QScrollArea>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

using namespace flightdeck::ui;
using namespace flightdeck::ui::testing;

namespace {

// A MainWindow at a screen size, in a language, on the project. When it goes, whatever the
// test's verdict, the window closes without a question (a failed check mid-test would
// otherwise leave a modal "discard?" for the next row) and the language is English again.
class WindowAt {
public:
    WindowAt(const QSize& screen, const QString& language, const QString& folder)
    {
        Translations::apply(language);
        window_ = makeWindow(screen);
        opened_ = window_ && window_->openProject(folder);
    }
    ~WindowAt()
    {
        if (window_)
            window_->quitGuard()->setAsker([](QMessageBox&) { return QMessageBox::Discard; });
        window_.reset();
        Translations::apply(QStringLiteral("en"));
    }
    WindowAt(const WindowAt&) = delete;
    WindowAt& operator=(const WindowAt&) = delete;

    bool opened() const { return opened_; }
    MainWindow* operator->() const { return window_.get(); }

private:
    std::unique_ptr<MainWindow> window_;
    bool opened_ = false;
};

}  // namespace

class TestGuiSmallScreens : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void dataDockFits_data();
    void dataDockFits();
    void experimentsDockFits_data();
    void experimentsDockFits();
    void dividerIsKept();

private:
    QTemporaryDir dir_;
    QString folder_;
};

void TestGuiSmallScreens::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
    QCoreApplication::setApplicationName(QStringLiteral("test_gui_small_screens"));
    folder_ = dir_.filePath(QStringLiteral("project"));
    makeProject(folder_);
}

void TestGuiSmallScreens::init()
{
    QSettings().clear();
}

void TestGuiSmallScreens::dataDockFits_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("treeRows");
    QTest::addColumn<int>("previewRows");
    QTest::newRow("1366x768 en") << QSize(1366, 768) << QStringLiteral("en") << 8 << 3;
    QTest::newRow("1366x768 de") << QSize(1366, 768) << QStringLiteral("de") << 8 << 3;
    QTest::newRow("1024x700 en") << QSize(1024, 700) << QStringLiteral("en") << 5 << 2;
    QTest::newRow("1024x700 de") << QSize(1024, 700) << QStringLiteral("de") << 5 << 2;
}

void TestGuiSmallScreens::dataDockFits()
{
    QFETCH(QSize, screen);
    QFETCH(QString, language);
    QFETCH(int, treeRows);
    QFETCH(int, previewRows);
    const WindowAt window(screen, language, folder_);
    QVERIFY(window.opened());
    auto* tree = window->findChild<DatasetTree*>(QStringLiteral("datasetTree"));
    auto* preview = window->findChild<QTableView*>(QStringLiteral("previewTable"));
    QTRY_VERIFY(tree->topLevelItemCount() > 0);
    QTRY_VERIFY_WITH_TIMEOUT(preview->model()->rowCount() > 0, 20000);
    QCoreApplication::processEvents();

    const int treeRow = tree->visualItemRect(tree->topLevelItem(0)).height();
    const int previewRow = preview->rowHeight(0);
    auto* scroll = window->findChild<QScrollArea*>(QStringLiteral("dockDataScroll"));
    qInfo("%s: tree %d px (rows of %d), preview %d px (rows of %d), dock %d px, panel needs %d px",
          qPrintable(QTest::currentDataTag()), tree->viewport()->height(), treeRow,
          preview->viewport()->height(), previewRow, scroll->viewport()->height(),
          scroll->widget()->minimumSizeHint().height());
    QVERIFY2(treeRow > 0 && tree->viewport()->height() >= treeRows * treeRow,
             qPrintable(QString::number(tree->viewport()->height())));
    QVERIFY2(previewRow > 0 && preview->viewport()->height() >= previewRows * previewRow,
             qPrintable(QString::number(preview->viewport()->height())));
    if (screen.height() >= 768) {
        QCOMPARE(scroll->verticalScrollBar()->maximum(), 0);   // nothing below the dock's edge
        // The Architecture dock beside it is as wide as the Data dock: no German label widens it.
        auto* architecture = window->findChild<QScrollArea*>(QStringLiteral("dockArchitectureScroll"));
        QCOMPARE(architecture->horizontalScrollBar()->maximum(), 0);
    }
}

void TestGuiSmallScreens::experimentsDockFits_data()
{
    QTest::addColumn<QSize>("screen");
    QTest::addColumn<QString>("language");
    for (const QSize screen : {QSize(1024, 700), QSize(1366, 768)})
        for (const QString language : {QStringLiteral("en"), QStringLiteral("de")})
            QTest::newRow(qPrintable(QStringLiteral("%1x%2 %3").arg(screen.width()).arg(screen.height()).arg(language)))
                << screen << language;
}

void TestGuiSmallScreens::experimentsDockFits()
{
    QFETCH(QSize, screen);
    QFETCH(QString, language);
    const WindowAt window(screen, language, folder_);
    QVERIFY(window.opened());
    auto* scroll = window->findChild<QScrollArea*>(QStringLiteral("dockExperimentsScroll"));
    QVERIFY(scroll);
    QTRY_VERIFY(scroll->isVisible());
    QCoreApplication::processEvents();
    QWidget* panel = scroll->widget();
    QString widest;
    // The widgets that need the most, for the log when it fails.
    for (QWidget* child : panel->findChildren<QWidget*>())
        if (child->isVisible() && child->minimumSizeHint().width() > 150)
            widest += QStringLiteral(" %1:%2")
                          .arg(child->objectName().isEmpty() ? QString::fromLatin1(child->metaObject()->className())
                                                             : child->objectName())
                          .arg(child->minimumSizeHint().width());
    qInfo("%s: dock %d px wide, the panel needs %d px;%s", qPrintable(QTest::currentDataTag()),
          scroll->viewport()->width(), panel->minimumSizeHint().width(), qPrintable(widest));
    // Nothing to scroll sideways to: the tool bar, the filter row and the tabs are in view.
    QCOMPARE(scroll->horizontalScrollBar()->maximum(), 0);
    for (const char* name : {"refreshRunsButton", "showArchivedCheck", "comparisonTabs"}) {
        auto* w = panel->findChild<QWidget*>(QString::fromLatin1(name));
        QVERIFY2(w, name);
        const QRect inPanel(w->mapTo(panel, QPoint(0, 0)), w->size());
        QVERIFY2(inPanel.right() < scroll->viewport()->width(),
                 qPrintable(QStringLiteral("%1 ends at %2").arg(QString::fromLatin1(name)).arg(inPanel.right())));
    }
}

void TestGuiSmallScreens::dividerIsKept()
{
    QList<int> moved;
    {
        auto window = makeWindow();
        QVERIFY(window);
        auto* splitter = window->findChild<QSplitter*>(QStringLiteral("dataSplitter"));
        const QList<int> sizes = splitter->sizes();
        QCOMPARE(sizes.size(), 2);
        // As a drag would: the handle moved 30 px down.
        splitter->setSizes({sizes[0] + 30, sizes[1] - 30});
        moved = splitter->sizes();
        Q_EMIT splitter->splitterMoved(moved[0], 1);
        window->quitGuard()->setAsker([](QMessageBox&) { return QMessageBox::Discard; });
    }
    auto window = makeWindow();
    QVERIFY(window);
    QCOMPARE(window->findChild<QSplitter*>(QStringLiteral("dataSplitter"))->sizes(), moved);
    window->quitGuard()->setAsker([](QMessageBox&) { return QMessageBox::Discard; });
}

QTEST_MAIN(TestGuiSmallScreens)
#include "test_gui_small_screens.moc"
