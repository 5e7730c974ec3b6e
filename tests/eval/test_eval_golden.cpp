// Real data: scikit-learn's breast_cancer (binary, text labels), wine (3 classes, scores only)
// and diabetes (regression) with out-of-fold model predictions, stored as CSV with the values
// scikit-learn 1.2 computes on them (tests/eval/make_eval_golden.py wrote both). The report
// built from each CSV must carry every golden number. Runs without Python.
#include "flightdeck/eval/Report.h"

#include "EvalTestSupport.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>

using namespace flightdeck::eval;
using nlohmann::json;

namespace {

json readJson(const std::string& path)
{
    std::ifstream in(path);
    return json::parse(in);
}

// Every leaf of `want` must be in `got` at the same path: numbers within 1e-9 relative,
// strings and integers equal, arrays of the same length.
void compareTree(const json& want, const json& got, const std::string& path,
                 std::vector<std::string>& failures)
{
    if (want.is_object()) {
        if (!got.is_object()) {
            failures.push_back(path + ": not an object");
            return;
        }
        for (const auto& [key, value] : want.items()) {
            if (!got.contains(key))
                failures.push_back(path + "." + key + ": missing");
            else
                compareTree(value, got.at(key), path + "." + key, failures);
        }
    } else if (want.is_array()) {
        if (!got.is_array() || got.size() != want.size()) {
            failures.push_back(path + ": expected an array of " + std::to_string(want.size()));
            return;
        }
        for (std::size_t i = 0; i < want.size(); ++i)
            compareTree(want[i], got[i], path + "[" + std::to_string(i) + "]", failures);
    } else if (want.is_number()) {
        if (!got.is_number())
            failures.push_back(path + ": got " + got.dump() + ", want " + want.dump());
        else if (!evaltest::close(got.get<double>(), want.get<double>()))
            failures.push_back(path + ": got " + got.dump() + ", want " + want.dump());
    } else if (want != got) {
        failures.push_back(path + ": got " + got.dump() + ", want " + want.dump());
    }
}

}  // namespace

class TestEvalGolden : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void realData_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("slice");
        QTest::addColumn<QString>("sliceMetric");
        QTest::newRow("breast_cancer") << "breast_cancer" << "size" << "accuracy";
        QTest::newRow("wine") << "wine" << "alcohol" << "log_loss";
        QTest::newRow("diabetes") << "diabetes" << "sex" << "rmse";
    }

    void realData()
    {
        QFETCH(QString, name);
        QFETCH(QString, slice);
        QFETCH(QString, sliceMetric);
        const std::string dir = FLIGHTDECK_TEST_DATA "/";
        const json golden = readJson(dir + "eval_" + name.toStdString() + "_sklearn.json");
        QCOMPARE(golden.at("sklearn").get<std::string>(), std::string("1.2.1"));

        CsvReportOptions options;
        options.sliceColumn = slice.toStdString();
        options.report.sliceMetric = sliceMetric.toStdString();
        options.report.maxCurvePoints = 0;  // every point, to compare whole curves
        const std::string text =
            metricsReportFromCsv(dir + golden.at("csv").get<std::string>(), options);
        QVERIFY(text.find("NaN") == std::string::npos);
        const json report = json::parse(text);

        std::vector<std::string> failures;
        compareTree(golden.at("expected"), report, "report", failures);
        std::string shown;
        for (std::size_t i = 0; i < failures.size() && i < 10; ++i)
            shown += "\n  " + failures[i];
        QVERIFY2(failures.empty(), (std::to_string(failures.size()) + " differences:" + shown).c_str());
        QVERIFY(report.at("warnings").empty());
    }
};

FLIGHTDECK_EVAL_TEST(TestEvalGolden)
#include "test_eval_golden.moc"
