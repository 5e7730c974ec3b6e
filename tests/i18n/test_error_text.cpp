// Every error the core can report reaches the user as its own translated sentence (issue 12,
// point 10): each ErrorCode has a specific English text (not the fallback, none shared) and a
// German one that differs from it; every kind a NotFound names is translated; a German message
// built from a core error carries no English words of ours, and numbers in German use the
// German separators once the language is applied.
#include "common/ErrorText.h"
#include "common/NumberText.h"
#include "common/Translations.h"

#include "flightdeck/common/Error.h"

#include <QLocale>
#include <QSet>
#include <QtTest>

#include <string>
#include <vector>

using namespace flightdeck;
using flightdeck::ui::ErrorText;
using flightdeck::ui::NumberText;
using flightdeck::ui::Translations;

namespace {

// Every value of the enum: errorCodeName has a case for each (-Wswitch keeps it so) and
// answers "unknown" past the last.
std::vector<ErrorCode> allCodes()
{
    std::vector<ErrorCode> codes;
    for (int i = 0; std::string(errorCodeName(static_cast<ErrorCode>(i))) != "unknown"; ++i)
        codes.push_back(static_cast<ErrorCode>(i));
    return codes;
}

const char* const kKinds[] = {"architecture", "dataset", "dataset version", "split", "run", "sweep",
                              "sweep run", "alert rule", "model alias", "model artifact",
                              "registered model"};

}  // namespace

class TestErrorText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void everyCodeHasItsOwnSentence();
    void germanForEveryCodeAndKind();
    void germanMessageOfACoreError();
    void cleanupTestCase() { Translations::apply(QStringLiteral("en")); }
};

void TestErrorText::everyCodeHasItsOwnSentence()
{
    Translations::apply(QStringLiteral("en"));
    const auto codes = allCodes();
    QCOMPARE(codes.size(), std::size_t(int(ErrorCode::DiskFull) + 1));
    QSet<QString> seen;
    for (ErrorCode code : codes) {
        const QString text = ErrorText::summary(code);
        QVERIFY2(text != ErrorText::tr("Error.") && !text.isEmpty(), errorCodeName(code));
        QVERIFY2(!seen.contains(text), errorCodeName(code));
        seen.insert(text);
    }
}

void TestErrorText::germanForEveryCodeAndKind()
{
    Translations::apply(QStringLiteral("en"));
    QStringList english;
    for (ErrorCode code : allCodes())
        english << ErrorText::summary(code);
    QStringList kinds;
    for (const char* kind : kKinds)
        kinds << ErrorText::kindText(kind);
    Translations::apply(QStringLiteral("de"));
    const auto codes = allCodes();
    for (std::size_t i = 0; i < codes.size(); ++i) {
        const QString german = ErrorText::summary(codes[i]);
        QVERIFY2(german != english[int(i)], qPrintable(QStringLiteral("untranslated: ") + english[int(i)]));
        QVERIFY2(german != ErrorText::tr("Error."), errorCodeName(codes[i]));
    }
    for (int i = 0; i < kinds.size(); ++i)
        QVERIFY2(ErrorText::kindText(kKinds[i]) != kinds[i], kKinds[i]);
}

void TestErrorText::germanMessageOfACoreError()
{
    Translations::apply(QStringLiteral("de"));
    const QString notANumber =
        ErrorText::message(ErrorInfo{ErrorCode::NotANumber, "wine.csv", 12, "alcohol", "abc"});
    QCOMPARE(notANumber, QStringLiteral("wine.csv, Zeile 12: Feld „alcohol“: Zahl erwartet. (abc)"));
    QCOMPARE(ErrorText::message(ErrorInfo{ErrorCode::NotFound, {}, 0, "dataset version", "7"}),
             QStringLiteral("Nicht gefunden: Datensatzversion 7."));
    QCOMPARE(ErrorText::fromException(Error(ErrorCode::Cancelled, "")), QStringLiteral("Abgebrochen."));
    // The language brings its numbers: three thousand and seventy-five, and a share.
    QCOMPARE(NumberText::count(3075), QStringLiteral("3.075"));
    QCOMPARE(NumberText::percent(0.931), QStringLiteral("93,1 %"));
    QCOMPARE(QLocale().decimalPoint(), QStringLiteral(","));
    Translations::apply(QStringLiteral("en"));
    QCOMPARE(NumberText::count(3075), QStringLiteral("3,075"));
    QCOMPARE(NumberText::percent(0.931), QStringLiteral("93.1 %"));
}

QTEST_MAIN(TestErrorText)
#include "test_error_text.moc"
