// The German translation must stay complete: every message lupdate extracted has a finished,
// non-empty translation that keeps the source's placeholders.
#include <QFile>
#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QXmlStreamReader>

class TestTranslations : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void germanIsComplete()
    {
        QFile file(QStringLiteral(FLIGHTDECK_SOURCE_DIR "/translations/flightdeck_de.ts"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&file);
        int messages = 0;
        QStringList problems;
        QString source;
        const QRegularExpression placeholder(QStringLiteral("%(\\d|n)"));
        auto placeholders = [&](const QString& text) {
            QSet<QString> found;
            auto it = placeholder.globalMatch(text);
            while (it.hasNext())
                found.insert(it.next().captured(0));
            return found;
        };
        while (!xml.atEnd()) {
            xml.readNext();
            if (!xml.isStartElement())
                continue;
            if (xml.name() == QLatin1String("source")) {
                source = xml.readElementText();
            } else if (xml.name() == QLatin1String("translation")) {
                ++messages;
                const bool unfinished =
                    xml.attributes().value(QLatin1String("type")) == QLatin1String("unfinished");
                const bool plural = xml.attributes().isEmpty() && source.contains(QLatin1String("%n"));
                const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
                if (unfinished || text.trimmed().isEmpty())
                    problems << QStringLiteral("untranslated: %1").arg(source);
                else if (!plural && placeholders(text) != placeholders(source))
                    problems << QStringLiteral("placeholders differ: %1 -> %2").arg(source, text);
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QVERIFY2(messages > 300, "the .ts looks empty: run the update_translations target");
        QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestTranslations)
#include "test_translations.moc"
