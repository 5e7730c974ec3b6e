// Classification metrics: hand-checked cases, sklearn's zero_division=0 conventions, argument
// checks, the JSON round trip, and parity with sklearn.metrics on random data.
#include "flightdeck/common/Error.h"
#include "flightdeck/eval/Classification.h"

#include "EvalTestSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <cmath>
#include <random>

using flightdeck::Error;
using flightdeck::ErrorCode;
using namespace flightdeck::eval;

using Labels = std::vector<std::int32_t>;
using Doubles = std::vector<double>;
using Counts = std::vector<std::int64_t>;
Q_DECLARE_METATYPE(Labels)
Q_DECLARE_METATYPE(Doubles)
Q_DECLARE_METATYPE(Counts)

namespace {

bool near(double a, double b, double tol = 1e-12) { return std::fabs(a - b) <= tol; }

void compareDoubles(const Doubles& got, const Doubles& want, const char* what, double tol)
{
    QCOMPARE(got.size(), want.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        if (!near(got[i], want[i], tol))
            QFAIL(qPrintable(QStringLiteral("%1[%2]: got %3, want %4")
                                 .arg(QLatin1String(what)).arg(i)
                                 .arg(got[i], 0, 'g', 17).arg(want[i], 0, 'g', 17)));
    }
}

QString pythonScript()
{
    // Reads {"truth","pred","k"} on stdin, prints sklearn's numbers as JSON.
    return QStringLiteral(
        "import json, sys\n"
        "from sklearn import metrics as m\n"
        "d = json.load(sys.stdin)\n"
        "t, p, labels = d['truth'], d['pred'], list(range(d['k']))\n"
        "P, R, F, S = m.precision_recall_fscore_support(t, p, labels=labels, zero_division=0)\n"
        "mp, mr, mf, _ = m.precision_recall_fscore_support(t, p, labels=labels, average='macro',"
        " zero_division=0)\n"
        "out = {'accuracy': m.accuracy_score(t, p),\n"
        "       'confusion': m.confusion_matrix(t, p, labels=labels).tolist(),\n"
        "       'precision': P.tolist(), 'recall': R.tolist(), 'f1': F.tolist(),\n"
        "       'support': S.tolist(), 'macro_precision': mp, 'macro_recall': mr,\n"
        "       'macro_f1': m.f1_score(t, p, labels=labels, average='macro', zero_division=0),\n"
        "       'macro_f1_prfs': mf,\n"
        "       'weighted_f1': m.f1_score(t, p, labels=labels, average='weighted',"
        " zero_division=0)}\n"
        "print(json.dumps(out))\n");
}

}  // namespace

class TestEval : public QObject {
    Q_OBJECT

private:
    QString python_;  // an interpreter that imports sklearn, or empty

private Q_SLOTS:
    void initTestCase()
    {
        // An interpreter that imports sklearn (FLIGHTDECK_PYTHON, python3 or /usr/bin/python3),
        // probed once for all of test_eval (EvalTestSupport).
        python_ = evaltest::python();
    }

    void handChecked_data()
    {
        QTest::addColumn<Labels>("truth");
        QTest::addColumn<Labels>("pred");
        QTest::addColumn<int>("k");
        QTest::addColumn<double>("accuracy");
        QTest::addColumn<Doubles>("precision");
        QTest::addColumn<Doubles>("recall");
        QTest::addColumn<Doubles>("f1");
        QTest::addColumn<Counts>("support");
        QTest::addColumn<Doubles>("macro");  // precision, recall, f1
        QTest::addColumn<double>("weightedF1");

        QTest::newRow("binary") << Labels{0, 0, 1, 1, 1} << Labels{0, 1, 1, 1, 0} << 2 << 0.6
                                << Doubles{0.5, 2.0 / 3} << Doubles{0.5, 2.0 / 3}
                                << Doubles{0.5, 2.0 / 3} << Counts{2, 3}
                                << Doubles{7.0 / 12, 7.0 / 12, 7.0 / 12} << 0.6;
        QTest::newRow("three classes") << Labels{0, 1, 2, 2, 1, 0} << Labels{0, 2, 1, 2, 1, 0}
                                       << 3 << 2.0 / 3 << Doubles{1, 0.5, 0.5}
                                       << Doubles{1, 0.5, 0.5} << Doubles{1, 0.5, 0.5}
                                       << Counts{2, 2, 2} << Doubles{2.0 / 3, 2.0 / 3, 2.0 / 3}
                                       << 2.0 / 3;
        QTest::newRow("perfect") << Labels{2, 0, 1, 1} << Labels{2, 0, 1, 1} << 3 << 1.0
                                 << Doubles{1, 1, 1} << Doubles{1, 1, 1} << Doubles{1, 1, 1}
                                 << Counts{1, 2, 1} << Doubles{1, 1, 1} << 1.0;
        // Zero division: class 1 is never predicted, so its precision is 0, not NaN.
        QTest::newRow("class never predicted")
            << Labels{0, 1, 1} << Labels{0, 0, 0} << 2 << 1.0 / 3 << Doubles{1.0 / 3, 0}
            << Doubles{1, 0} << Doubles{0.5, 0} << Counts{1, 2} << Doubles{1.0 / 6, 0.5, 0.25}
            << 1.0 / 6;
        // Class 2 appears nowhere: all zeros, and it still counts in the macro average.
        QTest::newRow("class absent everywhere")
            << Labels{0, 1} << Labels{0, 1} << 3 << 1.0 << Doubles{1, 1, 0} << Doubles{1, 1, 0}
            << Doubles{1, 1, 0} << Counts{1, 1, 0} << Doubles{2.0 / 3, 2.0 / 3, 2.0 / 3} << 1.0;
        // Class 1 has no true samples (recall 0/0 = 0) and class 0 no predictions.
        QTest::newRow("all wrong") << Labels{0, 0} << Labels{1, 1} << 2 << 0.0 << Doubles{0, 0}
                                   << Doubles{0, 0} << Doubles{0, 0} << Counts{2, 0}
                                   << Doubles{0, 0, 0} << 0.0;
        QTest::newRow("empty") << Labels{} << Labels{} << 2 << 0.0 << Doubles{0, 0}
                               << Doubles{0, 0} << Doubles{0, 0} << Counts{0, 0}
                               << Doubles{0, 0, 0} << 0.0;
    }

    void handChecked()
    {
        QFETCH(Labels, truth);
        QFETCH(Labels, pred);
        QFETCH(int, k);
        QFETCH(double, accuracy);
        QFETCH(Doubles, precision);
        QFETCH(Doubles, recall);
        QFETCH(Doubles, f1);
        QFETCH(Counts, support);
        QFETCH(Doubles, macro);
        QFETCH(double, weightedF1);

        const ClassificationReport r = classificationReport(truth, pred, k);
        QCOMPARE(r.numClasses, k);
        QCOMPARE(r.samples, static_cast<std::int64_t>(truth.size()));
        QVERIFY(near(r.accuracy, accuracy, 1e-15));
        compareDoubles(r.precision, precision, "precision", 1e-15);
        compareDoubles(r.recall, recall, "recall", 1e-15);
        compareDoubles(r.f1, f1, "f1", 1e-15);
        QCOMPARE(r.support, support);
        compareDoubles({r.macroPrecision, r.macroRecall, r.macroF1}, macro, "macro", 1e-15);
        QVERIFY(near(r.weightedF1, weightedF1, 1e-15));

        // The confusion matrix agrees with the inputs cell by cell.
        QCOMPARE(r.confusion.size(), static_cast<std::size_t>(k));
        std::vector<std::vector<std::int64_t>> expected(k, std::vector<std::int64_t>(k, 0));
        for (std::size_t i = 0; i < truth.size(); ++i)
            ++expected[truth[i]][pred[i]];
        QCOMPARE(r.confusion, expected);
    }

    void invalidArguments_data()
    {
        QTest::addColumn<Labels>("truth");
        QTest::addColumn<Labels>("pred");
        QTest::addColumn<int>("k");
        QTest::addColumn<QString>("field");
        QTest::newRow("negative truth") << Labels{0, -1} << Labels{0, 1} << 2 << "truth";
        QTest::newRow("truth too large") << Labels{0, 2} << Labels{0, 1} << 2 << "truth";
        QTest::newRow("pred too large") << Labels{0, 1} << Labels{0, 5} << 2 << "pred";
        QTest::newRow("negative pred") << Labels{0} << Labels{-3} << 2 << "pred";
        QTest::newRow("length mismatch") << Labels{0, 1} << Labels{0} << 2 << "pred";
        QTest::newRow("no classes") << Labels{} << Labels{} << 0 << "numClasses";
    }

    void invalidArguments()
    {
        QFETCH(Labels, truth);
        QFETCH(Labels, pred);
        QFETCH(int, k);
        QFETCH(QString, field);
        try {
            classificationReport(truth, pred, k);
            QFAIL("expected flightdeck::Error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::InvalidArgument);
            QCOMPARE(QString::fromStdString(e.info().field), field);
            QVERIFY(!e.info().detail.empty());
        }
    }

    void jsonRoundTrip()
    {
        std::mt19937 rng(7);
        std::uniform_int_distribution<int> label(0, 3);
        Labels t, p;
        for (int i = 0; i < 57; ++i) {
            t.push_back(label(rng));
            p.push_back(label(rng));
        }
        const ClassificationReport r = classificationReport(t, p, 4);
        const std::vector<std::string> names{"cat", "dog", "bird", "ünïcode \"fish\""};
        const std::string text = toJson(r, names);

        std::vector<std::string> namesBack;
        const ClassificationReport b = reportFromJson(text, &namesBack);
        QCOMPARE(namesBack, names);
        QCOMPARE(b.numClasses, r.numClasses);
        QCOMPARE(b.samples, r.samples);
        QCOMPARE(b.accuracy, r.accuracy);  // exact: shortest round-trip doubles
        QCOMPARE(b.confusion, r.confusion);
        QCOMPARE(b.precision, r.precision);
        QCOMPARE(b.recall, r.recall);
        QCOMPARE(b.f1, r.f1);
        QCOMPARE(b.support, r.support);
        QCOMPARE(b.macroPrecision, r.macroPrecision);
        QCOMPARE(b.macroRecall, r.macroRecall);
        QCOMPARE(b.macroF1, r.macroF1);
        QCOMPARE(b.weightedF1, r.weightedF1);
        QCOMPARE(toJson(b, namesBack), text);

        // The documented layout, checked with an independent parser.
        const QJsonObject o = QJsonDocument::fromJson(QByteArray::fromStdString(text)).object();
        for (const char* key : {"accuracy", "samples", "classes", "confusion", "per_class",
                                "macro", "weighted_f1"})
            QVERIFY2(o.contains(QLatin1String(key)), key);
        QCOMPARE(o.value(QLatin1String("per_class")).toArray().at(1).toObject()
                     .value(QLatin1String("class")).toString(), QStringLiteral("dog"));
    }

    void jsonDefaultNamesAndNullOut()
    {
        const ClassificationReport r = classificationReport({0, 1}, {1, 1}, 2);
        const std::string text = toJson(r, {});
        std::vector<std::string> names;
        reportFromJson(text, &names);
        QCOMPARE(names, (std::vector<std::string>{"0", "1"}));
        QCOMPARE(reportFromJson(text, nullptr).weightedF1, r.weightedF1);
        QVERIFY_THROWS_EXCEPTION(Error, toJson(r, {"only one"}));
    }

    void jsonRejectsBadInput_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("field");
        QTest::newRow("not JSON") << "{\"accuracy\": " << "";
        QTest::newRow("not an object") << "[1, 2]" << "";
        QTest::newRow("no classes") << "{\"accuracy\": 1}" << "classes";
        QTest::newRow("ragged confusion")
            << "{\"classes\":[\"a\",\"b\"],\"accuracy\":1,\"samples\":1,"
               "\"confusion\":[[1,0],[0]]}"
            << "confusion[1]";
        QTest::newRow("string precision")
            << "{\"classes\":[\"a\"],\"accuracy\":1,\"samples\":1,\"confusion\":[[1]],"
               "\"per_class\":[{\"class\":\"a\",\"precision\":\"x\",\"recall\":1,\"f1\":1,"
               "\"support\":1}],\"macro\":{\"precision\":1,\"recall\":1,\"f1\":1},"
               "\"weighted_f1\":1}"
            << "per_class[0].precision";
    }

    void jsonRejectsBadInput()
    {
        QFETCH(QString, text);
        QFETCH(QString, field);
        try {
            reportFromJson(text.toStdString(), nullptr);
            QFAIL("expected flightdeck::Error");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::BadValue);
            QCOMPARE(QString::fromStdString(e.info().field), field);
        }
    }

    void sklearnParity_data()
    {
        QTest::addColumn<unsigned>("seed");
        QTest::addColumn<int>("k");
        QTest::addColumn<int>("n");
        QTest::newRow("binary 200") << 1u << 2 << 200;
        QTest::newRow("3 classes 50") << 2u << 3 << 50;
        QTest::newRow("5 classes 1000") << 3u << 5 << 1000;
        QTest::newRow("10 classes 777") << 4u << 10 << 777;
        QTest::newRow("12 classes 15 (absent classes)") << 5u << 12 << 15;
        QTest::newRow("4 classes 1") << 6u << 4 << 1;
    }

    void sklearnParity()
    {
        QFETCH(unsigned, seed);
        QFETCH(int, k);
        QFETCH(int, n);
        if (python_.isEmpty())
            QSKIP("python3 with sklearn is not installed");

        // Skewed predictions: mostly right, so every metric is away from 0 and 1.
        std::mt19937 rng(seed);
        std::uniform_int_distribution<int> label(0, k - 1);
        std::bernoulli_distribution right(0.6);
        Labels t, p;
        QJsonArray jt, jp;
        for (int i = 0; i < n; ++i) {
            t.push_back(label(rng));
            p.push_back(right(rng) ? t.back() : label(rng));
            jt.append(t.back());
            jp.append(p.back());
        }
        const ClassificationReport r = classificationReport(t, p, k);

        QProcess py;
        py.start(python_, {QStringLiteral("-c"), pythonScript()});
        QVERIFY(py.waitForStarted());
        py.write(QJsonDocument(QJsonObject{{"truth", jt}, {"pred", jp}, {"k", k}}).toJson());
        py.closeWriteChannel();
        QVERIFY(py.waitForFinished(120000));
        QVERIFY2(py.exitCode() == 0, py.readAllStandardError().constData());
        const QJsonObject s = QJsonDocument::fromJson(py.readAllStandardOutput()).object();
        QVERIFY(!s.isEmpty());

        auto doubles = [&](const char* key) {
            Doubles out;
            for (const QJsonValue& v : s.value(QLatin1String(key)).toArray())
                out.push_back(v.toDouble());
            return out;
        };
        QVERIFY(near(r.accuracy, s.value(QLatin1String("accuracy")).toDouble()));
        compareDoubles(r.precision, doubles("precision"), "precision", 1e-12);
        compareDoubles(r.recall, doubles("recall"), "recall", 1e-12);
        compareDoubles(r.f1, doubles("f1"), "f1", 1e-12);
        Doubles support(r.support.begin(), r.support.end());
        compareDoubles(support, doubles("support"), "support", 0);
        const QJsonArray confusion = s.value(QLatin1String("confusion")).toArray();
        QCOMPARE(confusion.size(), k);
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j)
                QCOMPARE(r.confusion[i][j], confusion.at(i).toArray().at(j).toInteger());
        QVERIFY(near(r.macroPrecision, s.value(QLatin1String("macro_precision")).toDouble()));
        QVERIFY(near(r.macroRecall, s.value(QLatin1String("macro_recall")).toDouble()));
        QVERIFY(near(r.macroF1, s.value(QLatin1String("macro_f1")).toDouble()));
        QVERIFY(near(r.macroF1, s.value(QLatin1String("macro_f1_prfs")).toDouble()));
        QVERIFY(near(r.weightedF1, s.value(QLatin1String("weighted_f1")).toDouble()));
    }
};

FLIGHTDECK_EVAL_TEST(TestEval)
#include "test_eval.moc"
