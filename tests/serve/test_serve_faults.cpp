// flightdeck-serve's answers when something goes wrong, from the probe of issue 13, on a real
// bundle behind the real server: a prediction log that cannot be rotated, opened or written
// never turns a prediction into a 500, is reported once and counted in /metrics, and resumes by
// itself; a NaN or infinite model output is answered 422 and logged as such, never as class 0;
// a manifest that leaves out a file the server loads is refused by that file's name; the
// Bearer scheme is case-insensitive and surrounding whitespace ignored; /metrics escapes its
// label values; HEAD /health answers 200 without a body; a body naming a key twice is refused
// naming it, and an integer literal beyond 64 bits is read as the number it is.
#include "ServedBundle.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/export/BundleVerify.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/serve/BundleModel.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <mutex>
#include <sstream>

using namespace flightdeck;
using testing::body;
using testing::Served;

namespace fs = std::filesystem;

namespace {

const std::string kGood = R"({"features": [1.2, 1.7, 1.4]})";

// Lines of a text file (0 when it does not exist).
int lineCount(const fs::path& file)
{
    std::ifstream in(file);
    int n = 0;
    for (std::string line; std::getline(in, line);)
        ++n;
    return n;
}

// The value of a /metrics sample whose line starts with `prefix`, -1 when absent.
double sample(const std::string& metrics, const std::string& prefix)
{
    const auto at = metrics.find("\n" + prefix);
    if (at == std::string::npos)
        return -1;
    const auto end = metrics.find('\n', at + 1);
    const std::string line = metrics.substr(at + 1, end - at - 1);
    return std::stod(line.substr(line.rfind(' ') + 1));
}

struct Reports {
    std::mutex mutex;
    std::vector<std::string> lines;
    serve::RequestLog::Report sink()
    {
        return [this](const std::string& m) {
            std::lock_guard<std::mutex> lock(mutex);
            lines.push_back(m);
        };
    }
    std::vector<std::string> seen()
    {
        std::lock_guard<std::mutex> lock(mutex);
        return lines;
    }
};

}  // namespace

class TestServeFaults : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    fs::path bundle_;
    std::unique_ptr<serve::BundleModel> model_;

    fs::path copyBundle(const QString& name)
    {
        const fs::path to = dir_.filePath(name).toStdString();
        fs::copy(bundle_, to, fs::copy_options::recursive);
        return to;
    }

private Q_SLOTS:
    void initTestCase()
    {
        bundle_ = testing::exportBlobs(dir_.filePath(QStringLiteral("p")).toStdString());
        model_ = std::make_unique<serve::BundleModel>(serve::BundleModel::load(bundle_));
    }

    // The probe's repro: the log's folder removed while a server rotating at every line runs.
    void aLogThatCannotBeOpenedLosesLinesNotPredictions()
    {
        const fs::path folder = dir_.filePath(QStringLiteral("logs")).toStdString();
        fs::create_directory(folder);
        Reports reports;
        serve::ServerOptions options;
        options.log = folder / "predictions.jsonl";
        options.logMaxBytes = 1;   // every line after the first rotates
        options.warn = reports.sink();
        Served s(*model_, options);
        auto c = s.client();
        QCOMPARE(c.Post("/predict", kGood, "application/json")->status, 200);
        QCOMPARE(lineCount(options.log), 1);
        fs::remove_all(folder);
        for (int i = 0; i < 3; ++i) {
            const auto r = c.Post("/predict", kGood, "application/json");
            QCOMPARE(r->status, 200);   // was 500 "internal error" on the first, then no log for good
            QCOMPARE(body(r)["predictions"].size(), std::size_t(1));
        }
        auto metrics = c.Get("/metrics")->body;
        QCOMPARE(sample(metrics, "flightdeck_log_errors_total{"), 3.0);
        auto said = reports.seen();
        QCOMPARE(said.size(), std::size_t(1));   // once, not once a line
        QVERIFY2(said[0].find("predictions.jsonl") != std::string::npos, said[0].c_str());
        QVERIFY2(said[0].find("cannot open it") != std::string::npos, said[0].c_str());
        // The folder back: the next line is written, without a restart.
        fs::create_directory(folder);
        QCOMPARE(c.Post("/predict", kGood, "application/json")->status, 200);
        QCOMPARE(lineCount(options.log), 1);
        said = reports.seen();
        QCOMPARE(said.size(), std::size_t(2));
        QVERIFY2(said[1].find("writing again (3 lines lost)") != std::string::npos, said[1].c_str());
        metrics = c.Get("/metrics")->body;
        QCOMPARE(sample(metrics, "flightdeck_log_errors_total{"), 3.0);
    }

    void aFullDiskIsCountedAndReportedOnce()
    {
        Reports reports;
        serve::ServerOptions options;
        options.log = "/dev/full";
        options.warn = reports.sink();
        Served s(*model_, options);
        auto c = s.client();
        for (int i = 0; i < 5; ++i)
            QCOMPARE(c.Post("/predict", kGood, "application/json")->status, 200);
        QCOMPARE(c.Post("/predict", R"({"features": [1]})", "application/json")->status, 400);   // logged too
        QCOMPARE(sample(c.Get("/metrics")->body, "flightdeck_log_errors_total{"), 6.0);
        const auto said = reports.seen();
        QCOMPARE(said.size(), std::size_t(1));
        QVERIFY2(said[0].find("cannot write to it") != std::string::npos, said[0].c_str());
    }

    // Inputs that pass as finite float32 (3e38) overflow inside the model: answered 422 naming
    // the output, logged with status 422 and the error; the old answer was class 0 with
    // confidence null, HTTP 200.
    void aNonFiniteOutputIsNotAPrediction()
    {
        // Feature c spread 0.01 wide: 3e38 standardized is beyond float32 before the first layer.
        data::Table narrow = testing::blobs();
        for (std::size_t r = 0; r < narrow.rows(); ++r)
            narrow.features[r * 3 + 2] *= 0.01f;
        const auto bundle = testing::exportBlobs(dir_.filePath(QStringLiteral("narrow")).toStdString(), narrow);
        const auto served = serve::BundleModel::load(bundle);
        const std::vector<float> overflow = {1.0f, 1.0f, 3e38f};
        const auto logits = model::Model::load(bundle / "model.pt").logits(overflow.data(), 1);
        QVERIFY(!std::isfinite(logits[0]) || !std::isfinite(logits[1]));
        QTemporaryDir logs;
        serve::ServerOptions options;
        options.log = logs.filePath(QStringLiteral("p.jsonl")).toStdString();
        {
            Served s(served, options);
            auto c = s.client();
            const nlohmann::json one = {{"features", overflow}};
            auto r = c.Post("/predict", one.dump(), "application/json");
            QCOMPARE(r->status, 422);
            const std::string error = body(r)["error"].get<std::string>();
            QVERIFY2(error.find("output for features is not a finite number") != std::string::npos, error.c_str());
            QVERIFY(!body(r).contains("predictions"));
            const nlohmann::json batch = {{"instances", {std::vector<float>{1.2f, 1.7f, 1.4f}, overflow}}};
            r = c.Post("/predict", batch.dump(), "application/json");
            QCOMPARE(r->status, 422);
            QVERIFY2(r->body.find("instances[1]") != std::string::npos, r->body.c_str());
            QCOMPARE(c.Post("/predict", kGood, "application/json")->status, 200);
            QVERIFY(c.Get("/metrics")->body.find("code=\"422\"} 2") != std::string::npos);
        }
        std::ifstream in(options.log);
        std::vector<nlohmann::json> lines;
        for (std::string line; std::getline(in, line);)
            lines.push_back(nlohmann::json::parse(line));
        QCOMPARE(lines.size(), std::size_t(4));   // one, the batch's two rows, the good one
        for (int i = 0; i < 3; ++i) {
            QCOMPARE(lines[std::size_t(i)]["status"].get<int>(), 422);
            QVERIFY(lines[std::size_t(i)]["prediction"].is_null());
            QVERIFY(lines[std::size_t(i)]["error"].get<std::string>().find("not a finite number") != std::string::npos);
            QVERIFY(!lines[std::size_t(i)].contains("confidence"));
        }
        QCOMPARE(lines[3]["status"].get<int>(), 200);
        // A regression model's value: {"value": null} with HTTP 200 before.
        data::Table target = narrow;
        target.classes = {"10", "20.5"};
        const auto regression = serve::BundleModel::load(testing::exportBlobs(
            dir_.filePath(QStringLiteral("narrow-r")).toStdString(), target, data::DatasetTask::TableRegression));
        QVERIFY(regression.info().regression);
        Served s(regression, {});
        const auto r = s.client().Post("/predict", nlohmann::json{{"features", overflow}}.dump(), "application/json");
        QCOMPARE(r->status, 422);
        QVERIFY2(r->body.find("the value is NaN or infinite") != std::string::npos, r->body.c_str());
        QCOMPARE(s.client().Post("/predict", kGood, "application/json")->status, 200);
    }

    // The probe swapped model.pt and took it out of the manifest: verify said "intact".
    void aManifestMustListWhatTheServerLoads()
    {
        for (const char* file : {"model.pt", "labels.json", "preprocessing.json", "signature.json"}) {
            const fs::path copy = copyBundle(QStringLiteral("unlisted-") + QString::fromLatin1(file));
            auto manifest = nlohmann::json::parse(std::ifstream(copy / "manifest.json"));
            auto& files = manifest["files"];
            files.erase(std::remove_if(files.begin(), files.end(),
                                       [&](const nlohmann::json& e) { return e["name"] == file; }),
                        files.end());
            std::ofstream(copy / "manifest.json") << manifest.dump(2);
            const auto problems = exporting::verifyBundle(copy);
            QCOMPARE(problems.size(), std::size_t(1));
            QVERIFY2(problems[0].rfind(std::string(file) + ": not listed in manifest.json", 0) == 0,
                     problems[0].c_str());
            try {
                serve::BundleModel::load(copy);
                QFAIL("served a bundle whose manifest leaves out a file it loads");
            } catch (const Error& e) {
                QCOMPARE(e.code(), ErrorCode::CorruptObject);
                QVERIFY2(std::string(e.what()).find(file) != std::string::npos, e.what());
            }
        }
        QVERIFY(exporting::verifyBundle(bundle_).empty());
    }

    void theBearerSchemeIsCaseInsensitive()
    {
        serve::ServerOptions options;
        options.token = "s3cret";
        Served s(*model_, options);
        auto c = s.client();
        const auto status = [&](const std::string& authorization) {
            const httplib::Headers h = {{"Authorization", authorization}};
            return c.Post("/predict", h, kGood, "application/json")->status;
        };
        QCOMPARE(status("Bearer s3cret"), 200);
        QCOMPARE(status("bearer s3cret"), 200);
        QCOMPARE(status("BEARER   s3cret  "), 200);
        QCOMPARE(status("Bearer s3cret\t"), 200);
        QCOMPARE(status("Bearer s3cre"), 401);
        QCOMPARE(status("Bearer s3cret x"), 401);
        QCOMPARE(status("Bearers3cret"), 401);
        QCOMPARE(status("Basic s3cret"), 401);
        QCOMPARE(status("s3cret"), 401);
        QCOMPARE(status("Bearer"), 401);
    }

    void metricsEscapeLabelValues()
    {
        const fs::path copy = copyBundle(QStringLiteral("odd-name"));
        auto manifest = nlohmann::json::parse(std::ifstream(copy / "manifest.json"));
        manifest["model"]["name"] = "we\"ird\\name\nsecond line";
        std::ofstream(copy / "manifest.json") << manifest.dump(2);
        const auto model = serve::BundleModel::load(copy);
        Served s(model, {});
        const auto metrics = s.client().Get("/metrics")->body;
        QVERIFY2(metrics.find("flightdeck_predictions_total{model=\"we\\\"ird\\\\name\\nsecond line\",version=\"1\"} 0\n")
                     != std::string::npos,
                 metrics.c_str());
        // Every line a comment or a whole sample: nothing the name brought in starts a line.
        std::istringstream lines(metrics);
        for (std::string line; std::getline(lines, line);)
            QVERIFY2(line.rfind("# ", 0) == 0 || line.rfind("flightdeck_", 0) == 0, line.c_str());
    }

    void headHealthIsAnsweredWithoutABody()
    {
        serve::ServerOptions options;
        options.token = "s3cret";
        Served s(*model_, options);
        auto c = s.client();
        const auto r = c.Head("/health");
        QCOMPARE(r->status, 200);
        QVERIFY(r->body.empty());
        QCOMPARE(c.Head("/metadata")->status, 401);
        QCOMPARE(c.Get("/health")->status, 200);   // the connection is still in step
    }

    // Probe 3 #17: 1e999 and a 400-digit integer are valid JSON beyond a double's range; they
    // were "not valid JSON (Problem while parsing a number)". They are refused as out of range,
    // naming the literal, also under a key the server ignores; 1e-999 (underflow) is read as 0.
    void numbersBeyondADoubleAreNamed()
    {
        Served s(*model_, {});
        auto c = s.client();
        const std::string longInteger = "1" + std::string(400, '0');
        const std::vector<std::pair<std::string, std::string>> refused = {
            {R"({"features": [1e999, 2, 3]})", "a number is out of range: 1e999 is beyond a double"},
            {R"({"features": [1, -2E+400, 3]})", "a number is out of range: -2E+400 is beyond a double"},
            {R"({"features": [1, 2, 3], "x": )" + longInteger + "}",
             "a number is out of range: 1000000000000000... (401 digits) is beyond a double"},
        };
        for (const auto& [request, reason] : refused) {
            const auto r = c.Post("/predict", request, "application/json");
            QCOMPARE(r->status, 400);
            QCOMPARE(body(r)["error"].get<std::string>(), reason + " (magnitude at most 1.8e308)");
        }
        const auto tiny = c.Post("/predict", R"({"features": [1e-999, 2, 3], "x": 1e308})", "application/json");
        QVERIFY2(tiny->status == 200, tiny->body.c_str());
    }

    // Probe #22: with a key named twice the first one won (Python's json takes the last, so a
    // client and the server could read one body as two records), at the top and inside a
    // record: refused, naming the key. An integer literal beyond 64 bits, valid JSON and a
    // finite float32, was "not valid JSON" while the same with ".0" was served.
    void duplicateKeysAreRefusedAndLongIntegersRead()
    {
        Served s(*model_, {});
        auto c = s.client();
        const auto post = [&](const std::string& request) { return c.Post("/predict", request, "application/json"); };
        std::string manyKeys = R"({"features": {"a": 1, "b": 2, "c": 3)";
        for (int i = 0; i < 20; ++i)
            manyKeys += ", \"k" + std::to_string(i) + "\": 0";
        manyKeys += R"(, "b": 5}})";
        const std::vector<std::pair<std::string, std::string>> refused = {
            {R"({"features": [1.2, 1.7, 1.4], "features": [-1.5, -1.5, -1.5]})", "duplicate key \"features\""},
            {R"({"instances": [[1, 2, 3]], "note": 1, "note": 2})", "duplicate key \"note\""},
            {R"({"features": {"a": 1, "b": 2, "c": 3, "a": -4}})", "features has duplicate key \"a\""},
            {R"({"instances": [[1, 2, 3], {"a": 1, "c": 2, "c": 3}]})", "instances[1] has duplicate key \"c\""},
            {manyKeys, "features has duplicate key \"b\""},
            {"{\"features\": {\"" + std::string(100, 'x') + "\": 1, \"" + std::string(100, 'x') + "\": 2}}",
             "features has duplicate key \"" + std::string(64, 'x') + "...\""},
        };
        for (const auto& [request, reason] : refused) {
            const auto r = post(request);
            QCOMPARE(r->status, 400);
            QVERIFY2(body(r)["error"].get<std::string>().find(reason) != std::string::npos, r->body.c_str());
        }

        const auto asFloat = post(R"({"features": [18446744073709551616.0, 2, 3]})");
        const auto asInteger = post(R"({"features": [18446744073709551616, 2, 3]})");
        QCOMPARE(asInteger->status, 200);
        QCOMPARE(body(asInteger)["predictions"], body(asFloat)["predictions"]);
        // Negative, in a batch, after a string of digits with an escaped quote (strings are left
        // as they are), and beside the numbers that were read before.
        // (Not a raw string: moc misreads one that holds a backslash and a quote.)
        const auto batch = post("{\"note\": \"12345678901234567890\\\"99999999999999999999\", \"instances\": "
                                "[[-99999999999999999999999, 1e3, 0.5], {\"a\": 1, \"b\": -2.5e-3, "
                                "\"c\": 123456789012345678901234567890}]}");
        QVERIFY2(batch->status == 200, batch->body.c_str());
        QCOMPARE(body(batch)["predictions"].size(), std::size_t(2));
        // Still refused: beyond float32, and what is not JSON at all.
        const auto huge = post("{\"features\": [1" + std::string(40, '0') + ", 2, 3]}");
        QCOMPARE(huge->status, 400);
        QVERIFY2(body(huge)["error"].get<std::string>().find("features[0] is not a finite float32") != std::string::npos,
                 huge->body.c_str());
        for (const char* bad : {R"({"features": [012345678901234567890, 2, 3]})", R"({"features": [1-, 2, 3]})",
                                R"({"features": [123456789012345678901234., 2, 3]})"}) {
            const auto r = post(bad);
            QCOMPARE(r->status, 400);
            QVERIFY2(body(r)["error"].get<std::string>().find("not valid JSON") != std::string::npos, r->body.c_str());
        }
    }
};

QTEST_GUILESS_MAIN(TestServeFaults)
#include "test_serve_faults.moc"
