// StatusLine, the one message line of every panel: each kind has its own style, the same kind
// looks the same everywhere (one red), clear() empties it, and a very long message is cut for
// the eye but kept whole.
#include "common/StatusLine.h"

#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>
#include <QtTest>

#include <set>

using namespace flightdeck::ui;
using Kind = StatusLine::Kind;

class TestStatusLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void kindsHaveDistinctConsistentStyles();
    void clearEmptiesIt();
    void longMessageIsCutButKept();
    void outcomeScrollsIntoView();
};

void TestStatusLine::kindsHaveDistinctConsistentStyles()
{
    const std::vector<Kind> kinds{Kind::Info, Kind::Success, Kind::Warning, Kind::Error};
    std::set<QString> styles;
    for (const Kind kind : kinds) {
        StatusLine a, b;
        a.showMessage(QStringLiteral("first"), kind);
        b.showMessage(QStringLiteral("a second, longer message"), kind);
        QCOMPARE(a.styleSheet(), b.styleSheet());   // the style is the kind's, not the text's
        QCOMPARE(a.styleSheet(), StatusLine::styleSheetOf(kind));
        QCOMPARE(a.kind(), kind);
        QCOMPARE(a.text(), QStringLiteral("first"));
        QCOMPARE(a.isError(), kind == Kind::Error);
        styles.insert(a.styleSheet());
    }
    QCOMPARE(styles.size(), kinds.size());
    // Info is the palette's text; the others name their colour, errors the one red.
    QVERIFY(StatusLine::styleSheetOf(Kind::Info).isEmpty());
    QCOMPARE(StatusLine::color(Kind::Error), QColor(QStringLiteral("#c62828")));
    QVERIFY(StatusLine::styleSheetOf(Kind::Error).contains(QStringLiteral("#c62828")));

    // A line that changes kind changes style, and back.
    StatusLine line;
    line.showMessage(QStringLiteral("Import failed"), Kind::Error);
    const QString error = line.styleSheet();
    line.showMessage(QStringLiteral("Imported 3 rows"), Kind::Success);
    QVERIFY(line.styleSheet() != error);
    line.showMessage(QStringLiteral("Import failed again"), Kind::Error);
    QCOMPARE(line.styleSheet(), error);
    QVERIFY(line.wordWrap());
}

void TestStatusLine::clearEmptiesIt()
{
    StatusLine line;
    line.showMessage(QString(StatusLine::kMaxShownChars + 10, QLatin1Char('x')), Kind::Error);
    QVERIFY(!line.toolTip().isEmpty());
    line.clear();
    QVERIFY(line.text().isEmpty());
    QVERIFY(line.message().isEmpty());
    QVERIFY(line.toolTip().isEmpty());
    QCOMPARE(line.kind(), Kind::Info);
    QVERIFY(!line.isError());
    QCOMPARE(line.styleSheet(), StatusLine::styleSheetOf(Kind::Info));
}

void TestStatusLine::longMessageIsCutButKept()
{
    StatusLine line;
    const QString start = QStringLiteral("Could not read /data/");
    const QString reason = QStringLiteral(": permission denied");
    const QString text = start + QString(2000, QLatin1Char('a')) + reason;
    line.showMessage(text, Kind::Error);
    QCOMPARE(line.message(), text);
    QCOMPARE(line.toolTip(), text);
    QVERIFY(line.text().size() < StatusLine::kMaxShownChars + 10);
    // Both ends stay: what it was about and why it failed.
    QVERIFY(line.text().startsWith(start));
    QVERIFY(line.text().endsWith(reason));
    QVERIFY(line.text().contains(QChar(0x2026)));

    line.showMessage(QStringLiteral("short"), Kind::Info);
    QCOMPARE(line.text(), QStringLiteral("short"));
    QVERIFY(line.toolTip().isEmpty());
}

void TestStatusLine::outcomeScrollsIntoView()
{
    // A dock on a 1366x768 screen: the panel scrolls and its message line is below the fold
    // (an IDX import's warning went unseen there).
    QScrollArea area;
    area.setWidgetResizable(true);
    auto* panel = new QWidget;
    auto* layout = new QVBoxLayout(panel);
    auto* tall = new QWidget;
    tall->setMinimumHeight(800);
    layout->addWidget(tall);
    auto* line = new StatusLine;
    layout->addWidget(line);
    line->hide();   // as a panel keeps it until there is something to say
    area.setWidget(panel);
    area.resize(400, 200);
    area.show();
    QVERIFY(QTest::qWaitForWindowExposed(&area));
    QScrollBar* bar = area.verticalScrollBar();
    QCOMPARE(bar->value(), 0);

    // Progress (Info) never pulls the view.
    line->showMessage(QStringLiteral("Importing IDX from t10k…"), Kind::Info);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);

    // An outcome does: the whole line, wrapped over several lines, ends up inside the viewport.
    QString text = QStringLiteral("Imported 10,000 images from t10k as dataset version #1.");
    for (int i = 0; i < 4; ++i)
        text += QStringLiteral(" Warning: only test (t10k) files were found, so this version has "
                               "no training images and no split was made.");
    line->showMessage(text, Kind::Warning);
    line->setVisible(true);
    QTRY_VERIFY(bar->value() > 0);
    QVERIFY(line->height() > 3 * line->fontMetrics().height());
    const QPoint top = line->mapTo(area.viewport(), QPoint(0, 0));
    QVERIFY2(top.y() >= 0 && top.y() + line->height() <= area.viewport()->height(),
             qPrintable(QStringLiteral("line at %1..%2, viewport %3").arg(top.y())
                            .arg(top.y() + line->height()).arg(area.viewport()->height())));

    // The same outcome again (a repaint, a re-sent message) leaves where the user scrolled to.
    bar->setValue(0);
    line->showMessage(line->message(), Kind::Warning);
    QCoreApplication::processEvents();
    QCOMPARE(bar->value(), 0);
}

QTEST_MAIN(TestStatusLine)
#include "test_status_line.moc"
