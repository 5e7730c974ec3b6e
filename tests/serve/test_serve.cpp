// core/serve (flightdeck-serve): a real trained and exported bundle behind the real HTTP server
// on loopback: answers equal to the model's own, every kind of bad request answered with its
// status and a JSON reason, token, body and queue bounds, a tampered bundle refused by name,
// and a bounded load with 10 % malformed requests whose log the monitoring reader takes whole.
#include "ServedBundle.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/monitor/PredictionLog.h"
#include "flightdeck/serve/BundleModel.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>
#include <thread>

using namespace flightdeck;
using testing::body;
using testing::Served;

class TestServe : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    std::filesystem::path bundle_;
    std::unique_ptr<serve::BundleModel> model_;

private Q_SLOTS:
    void initTestCase()
    {
        bundle_ = testing::exportBlobs(dir_.filePath(QStringLiteral("p")).toStdString());
        model_ = std::make_unique<serve::BundleModel>(serve::BundleModel::load(bundle_));
        QCOMPARE(model_->info().inputs, std::int64_t(3));
        QCOMPARE(model_->info().classes, (std::vector<std::string>{"x", "y"}));
    }

    void predictsWhatTheModelPredicts()
    {
        Served s(*model_, {});
        auto c = s.client();
        QCOMPARE(c.Get("/health")->status, 200);
        const auto meta = body(c.Get("/metadata"));
        QCOMPARE(meta["features"].size(), std::size_t(3));
        const auto model = model::Model::load(bundle_ / "model.pt");
        const std::vector<float> rows = {-1.4f, -1.6f, -1.5f, 1.2f, 1.7f, 1.4f};
        const auto expected = model.predict(rows.data(), 2);
        const auto one = c.Post("/predict", R"({"features": [-1.4, -1.6, -1.5]})", "application/json");
        QCOMPARE(one->status, 200);
        QCOMPARE(body(one)["predictions"][0]["class_index"].get<int>(), expected[0]);
        const auto named = c.Post("/predict", R"({"features": {"a": 1.2, "b": 1.7, "c": 1.4}})", "application/json");
        QCOMPARE(body(named)["predictions"][0]["class_index"].get<int>(), expected[1]);
        const auto batch = c.Post("/predict", R"({"instances": [[-1.4, -1.6, -1.5], [1.2, 1.7, 1.4]]})",
                                  "application/json");
        const auto b = body(batch);
        QCOMPARE(b["predictions"].size(), std::size_t(2));
        QCOMPARE(b["predictions"][1]["label"].get<std::string>(), model_->info().classes[std::size_t(expected[1])]);
        QVERIFY(b["predictions"][1]["confidence"].get<double>() > 0.5);
        // The client's request id is kept; otherwise one is made.
        httplib::Headers headers = {{"X-Request-Id", "abc-123"}};
        const auto tagged = c.Post("/predict", headers, R"({"features": [0, 0, 0]})", "application/json");
        QCOMPARE(body(tagged)["request_id"].get<std::string>(), std::string("abc-123"));
        QVERIFY(!body(one)["request_id"].get<std::string>().empty());
    }

    void badRequestsGetTheirStatusAndReason()
    {
        serve::ServerOptions options;
        options.maxBodyBytes = 2048;
        options.maxBatch = 4;
        Served s(*model_, options);
        auto c = s.client();
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"{not json", "not valid JSON"},
            {R"({"features": [1, 2]})", "has 2 values; the model takes 3"},
            {R"({"features": [1, "2", 3]})", "features[1] is not a number"},
            {R"({"features": [1, null, 3]})", "features[1] is not a number"},
            {R"({"features": {"a": 1, "b": 2}})", "lacks feature \"c\""},
            {R"({"features": {"a": 1, "b": 2, "c": 3, "zz": 4}})", "unknown feature \"zz\""},
            {R"({"features": [1e39, 0, 0]})", "not a finite float32"},
            {R"({"instances": []})", "non-empty array"},
            {R"({"instances": [[1,2,3],[1,2,3],[1,2,3],[1,2,3],[1,2,3]]})", "at most 4"},
            {R"({"rows": [1, 2, 3]})", "expected {\"features\""},
        };
        for (const auto& [request, reason] : cases) {
            const auto r = c.Post("/predict", request, "application/json");
            QVERIFY2(r && r->status == 400, request.c_str());
            QVERIFY2(body(r)["error"].get<std::string>().find(reason) != std::string::npos,
                     (request + " -> " + r->body).c_str());
        }
        const auto big = c.Post("/predict", std::string(4096, ' '), "application/json");
        QCOMPARE(big->status, 413);
        QVERIFY(body(big).contains("error"));
        QCOMPARE(c.Get("/nowhere")->status, 404);
        // And it still serves.
        QCOMPARE(c.Post("/predict", R"({"features": [0, 0, 0]})", "application/json")->status, 200);
    }

    void tokenGuardsEverythingButHealth()
    {
        serve::ServerOptions options;
        options.token = "s3cret";
        Served s(*model_, options);
        auto c = s.client();
        QCOMPARE(c.Get("/health")->status, 200);
        QCOMPARE(c.Post("/predict", R"({"features": [0, 0, 0]})", "application/json")->status, 401);
        QCOMPARE(c.Get("/metrics")->status, 401);
        c.set_bearer_token_auth("wrong");
        QCOMPARE(c.Get("/metadata")->status, 401);
        c.set_bearer_token_auth("s3cret");
        QCOMPARE(c.Post("/predict", R"({"features": [0, 0, 0]})", "application/json")->status, 200);
    }

    void connectionsOverTheBoundAnswer503()
    {
        serve::ServerOptions options;
        options.threads = 1;
        options.maxConnections = 1;
        Served s(*model_, options);
        // A keep-alive connection holds the only connection the server allows.
        httplib::Client held("127.0.0.1", s.port);
        held.set_keep_alive(true);
        QCOMPARE(held.Get("/health")->status, 200);
        auto c = s.client();
        const auto r = c.Get("/health");
        QCOMPARE(r->status, 503);
        QCOMPARE(r->get_header_value("Retry-After"), std::string("1"));
        held.stop();
    }

    void tamperedBundleIsRefusedByName()
    {
        QTemporaryDir copy;
        const std::filesystem::path to = copy.filePath(QStringLiteral("b")).toStdString();
        std::filesystem::copy(bundle_, to, std::filesystem::copy_options::recursive);
        {
            std::fstream f(to / "labels.json", std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(3);
            f.put('#');
        }
        try {
            serve::BundleModel::load(to);
            QFAIL("a changed bundle was served");
        } catch (const Error& e) {
            QCOMPARE(e.code(), ErrorCode::CorruptObject);
            QVERIFY2(std::string(e.what()).find("labels.json") != std::string::npos, e.what());
        }
    }

    void boundedLoadIsAnsweredAndLoggedWhole()
    {
        QTemporaryDir logs;
        serve::ServerOptions options;
        options.threads = 2;
        options.log = logs.filePath(QStringLiteral("predictions.jsonl")).toStdString();
        const auto model = model::Model::load(bundle_ / "model.pt");
        std::atomic<int> wrong{0}, good{0}, bad{0};
        {
            Served s(*model_, options);
            std::vector<std::thread> clients;
            for (int t = 0; t < 4; ++t)
                clients.emplace_back([&, t] {
                    auto c = s.client();
                    std::mt19937 rng(static_cast<unsigned>(t));
                    std::normal_distribution<float> x(0, 2);
                    for (int i = 0; i < 150; ++i) {
                        if (i % 10 == 3) {
                            const auto r = c.Post("/predict", R"({"features": [1, 2]})", "application/json");
                            (r && r->status == 400 ? bad : wrong)++;
                            continue;
                        }
                        const std::vector<float> row = {x(rng), x(rng), x(rng)};
                        const nlohmann::json req = {{"features", row}};
                        const auto r = c.Post("/predict", req.dump(), "application/json");
                        const int expected = model.predict(row.data(), 1)[0];
                        const bool ok = r && r->status == 200 &&
                                        body(r)["predictions"][0]["class_index"].get<int>() == expected;
                        (ok ? good : wrong)++;
                    }
                });
            for (auto& c : clients)
                c.join();
            const auto metrics = s.client().Get("/metrics")->body;
            QVERIFY(metrics.find("flightdeck_requests_total{model=\"blobs\",version=\"1\",code=\"200\"} 540") != std::string::npos);
            QVERIFY(metrics.find("flightdeck_request_duration_seconds_bucket") != std::string::npos);
            // Every predicted row went through exactly one forward pass, alone or batched.
            QVERIFY2(metrics.find("flightdeck_forward_rows_total{model=\"blobs\",version=\"1\"} 540") != std::string::npos,
                     metrics.c_str());
        }
        QCOMPARE(wrong.load(), 0);
        QCOMPARE(good.load(), 540);
        QCOMPARE(bad.load(), 60);
        monitor::ReadStats stats;
        std::int64_t predicted = 0;
        monitor::readPredictionLog(
            options.log, [&](const monitor::PredictionRecord& r) { predicted += r.prediction.empty() ? 0 : 1; },
            stats);
        QCOMPARE(stats.records, std::int64_t(600));
        QCOMPARE(stats.skipped, std::int64_t(0));
        QCOMPARE(predicted, std::int64_t(540));
    }
};

QTEST_GUILESS_MAIN(TestServe)
#include "test_serve.moc"
