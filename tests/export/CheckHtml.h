#pragma once
// Strict checks of a generated HTML page through Python's html.parser (check_html.py) (and xmllint when it is
// installed): every element closed in order, no script or external resource, inline CSS. The
// page's visible text is written to `textOut` so a test can check what a reader sees.
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

namespace flightdeck::test {


struct HtmlCheck {
    bool ok = false;
    QString errors;
    bool xmllintRan = false;
};

inline HtmlCheck checkHtmlFile(const QString& file, const QString& textOut)
{
    HtmlCheck r;
    QProcess py;
    py.start(QStringLiteral("/usr/bin/python3"),
             {QStringLiteral(FLIGHTDECK_SOURCE_DIR "/tests/export/check_html.py"), file, textOut});
    if (!py.waitForFinished(60000)) {
        r.errors = QStringLiteral("python3 did not finish");
        return r;
    }
    r.errors = QString::fromUtf8(py.readAllStandardOutput() + py.readAllStandardError());
    r.ok = py.exitStatus() == QProcess::NormalExit && py.exitCode() == 0;
    const QString xmllint = QStandardPaths::findExecutable(QStringLiteral("xmllint"));
    if (r.ok && !xmllint.isEmpty()) {
        QProcess x;
        x.start(xmllint, {QStringLiteral("--noout"), QStringLiteral("--nonet"), file});
        x.waitForFinished(60000);
        r.xmllintRan = true;
        if (x.exitCode() != 0) {
            r.ok = false;
            r.errors += QStringLiteral("xmllint: ") + QString::fromUtf8(x.readAllStandardError());
        }
    }
    return r;
}

}  // namespace flightdeck::test
