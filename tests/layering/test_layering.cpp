// Enforces the layer boundary: core is Qt-free; ui and app never include libtorch; core's public
// headers include no torch header (pimpl), so any target may include them.
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {

QStringList sourcesUnder(const QString& relative)
{
    QStringList files;
    QDirIterator it(QStringLiteral(FLIGHTDECK_SOURCE_DIR) + QLatin1Char('/') + relative,
                    {QStringLiteral("*.h"), QStringLiteral("*.hpp"), QStringLiteral("*.cpp")},
                    QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files << it.next();
    return files;
}

// "file:line: #include ..." for every include matching the pattern.
QStringList offendingIncludes(const QStringList& files, const QRegularExpression& pattern)
{
    QStringList hits;
    for (const QString& path : files) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            continue;
        int line = 0;
        while (!file.atEnd()) {
            ++line;
            const QString text = QString::fromUtf8(file.readLine()).trimmed();
            if (pattern.match(text).hasMatch())
                hits << QStringLiteral("%1:%2: %3").arg(path).arg(line).arg(text);
        }
    }
    return hits;
}

const QRegularExpression qtInclude(
    QStringLiteral(R"(^#\s*include\s*[<"](Q[A-Z]\w*|Qt\w+/|qcustomplot\.h))"));
const QRegularExpression torchInclude(QStringLiteral(R"(^#\s*include\s*[<"](torch/|ATen/|c10/))"));

}  // namespace

class TestLayering : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void coreIsQtFree()
    {
        const QStringList files = sourcesUnder(QStringLiteral("core"));
        QVERIFY2(files.size() > 10, "core sources not found");
        const QStringList hits = offendingIncludes(files, qtInclude);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void uiAndAppNeverIncludeTorch()
    {
        QStringList files = sourcesUnder(QStringLiteral("ui")) + sourcesUnder(QStringLiteral("app"));
        QVERIFY2(!files.isEmpty(), "ui/app sources not found");
        const QStringList hits = offendingIncludes(files, torchInclude);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void corePublicHeadersHideTorch()
    {
        QStringList headers;
        for (const QString& file : sourcesUnder(QStringLiteral("core")))
            if (file.contains(QLatin1String("/include/flightdeck/")))
                headers << file;
        QVERIFY(!headers.isEmpty());
        const QStringList hits = offendingIncludes(headers, torchInclude);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void detectorCatchesViolations()
    {
        // The scan itself must work, or the tests above would pass vacuously.
        QVERIFY(qtInclude.match(QStringLiteral("#include <QString>")).hasMatch());
        QVERIFY(qtInclude.match(QStringLiteral("#include \"qcustomplot.h\"")).hasMatch());
        QVERIFY(torchInclude.match(QStringLiteral("#include <torch/script.h>")).hasMatch());
        QVERIFY(!qtInclude.match(QStringLiteral("#include <queue>")).hasMatch());
    }
};

QTEST_GUILESS_MAIN(TestLayering)
#include "test_layering.moc"
