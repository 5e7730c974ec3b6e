// flightdeck-serve for a model trained on images: the bundle records the image shape, and
// /predict takes a base64 PNG or raw pixel values, answering as the model does on the same
// pixels; a wrong size, a corrupt file and bad base64 get a 400 that says what was wrong, and
// the log holds each image's brightness and contrast.
#include "common/ImageBundles.h"
#include "flightdeck/model/Model.h"
#include "flightdeck/serve/BundleModel.h"
#include "flightdeck/serve/PredictionServer.h"

#include <httplib.h>
#include <stb/stb_image_write.h>

#include <QByteArray>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

using namespace flightdeck;

namespace {

std::string png(const std::vector<std::uint8_t>& gray, int w, int h)
{
    std::string out;
    stbi_write_png_to_func([](void* ctx, void* data, int size) {
        static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), std::size_t(size));
    }, &out, w, h, 1, gray.data(), w);
    return out;
}

std::string base64(const std::string& bytes)
{
    return QByteArray(bytes.data(), qsizetype(bytes.size())).toBase64().toStdString();
}

}  // namespace

class TestServeImages : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void imagesAreServedAsTrained()
    {
        auto project = store::Project::create(dir_.filePath("p").toStdString());
        const data::ImageSet images = testing::shapeImages(80, 2);
        const auto bundle = testing::exportImageBundle(project, images).dir;
        const auto model = serve::BundleModel::load(bundle);
        QCOMPARE(model.info().image.channels, 1u);
        QCOMPARE(model.info().image.height, 8u);
        QCOMPARE(model.info().image.width, 8u);

        serve::ServerOptions options;
        options.port = 0;
        options.log = dir_.filePath("requests.jsonl").toStdString();
        serve::PredictionServer server(model, options);
        const int port = server.bind();
        std::thread thread([&] { server.listen(); });
        httplib::Client c("127.0.0.1", port);
        c.set_read_timeout(10, 0);

        // The first image as a PNG, as raw pixels, and what the model says on the same pixels.
        const std::vector<std::uint8_t> first(images.image(0), images.image(0) + 64);
        std::vector<float> row(64);
        for (std::size_t i = 0; i < 64; ++i)
            row[i] = float(first[i]) / 255.0f;
        const int expected = model::Model::load(bundle / "model.pt").predict(row.data(), 1)[0];
        const auto viaPng = c.Post("/predict", nlohmann::json{{"image", base64(png(first, 8, 8))}}.dump(),
                                   "application/json");
        QVERIFY2(viaPng && viaPng->status == 200, viaPng ? viaPng->body.c_str() : "no answer");
        QCOMPARE(nlohmann::json::parse(viaPng->body)["predictions"][0]["class_index"].get<int>(), expected);
        nlohmann::json grid = nlohmann::json::array();
        for (int y = 0; y < 8; ++y)
            grid.push_back(std::vector<int>(first.begin() + y * 8, first.begin() + y * 8 + 8));
        const auto viaPixels = c.Post("/predict", nlohmann::json{{"instances", {{{"pixels", grid}}}}}.dump(),
                                      "application/json");
        QVERIFY2(viaPixels && viaPixels->status == 200, viaPixels ? viaPixels->body.c_str() : "no answer");
        QCOMPARE(nlohmann::json::parse(viaPixels->body)["predictions"][0]["class_index"].get<int>(), expected);
        QCOMPARE(nlohmann::json::parse(c.Get("/metadata")->body)["image"]["height"].get<int>(), 8);

        const std::vector<std::pair<std::string, std::string>> bad = {
            {nlohmann::json{{"image", base64(png(std::vector<std::uint8_t>(100, 9), 10, 10))}}.dump(),
             "the image is 10x10 pixels; the model takes 8x8"},
            {nlohmann::json{{"image", base64("not an image at all")}}.dump(), "not a PNG, JPEG or BMP"},
            {"{\"image\": \"@@@\"}", "base64"},
            {nlohmann::json{{"pixels", std::vector<int>(63, 1)}}.dump(), "63 values; the model takes 1x8x8 = 64"},
            {nlohmann::json{{"pixels", std::vector<int>(64, 300)}}.dump(), "not a pixel value in 0..255"},
            {R"({"features": [1, 2, 3]})", "has 3 values; the model takes 64"},
        };
        for (const auto& [request, reason] : bad) {
            const auto r = c.Post("/predict", request, "application/json");
            QVERIFY2(r && r->status == 400, request.substr(0, 80).c_str());
            QVERIFY2(nlohmann::json::parse(r->body)["error"].get<std::string>().find(reason) != std::string::npos,
                     r->body.c_str());
        }
        server.stop();
        thread.join();

        // The log: brightness and contrast for the image requests.
        std::ifstream log(options.log);
        std::string line;
        std::getline(log, line);
        const auto entry = nlohmann::json::parse(line);
        double mean = 0;
        for (float v : row)
            mean += v / 64.0;
        QCOMPARE(entry["features"].size(), std::size_t(2));
        QVERIFY(std::abs(entry["features"][0].get<double>() - mean) < 1e-6);
    }
};

QTEST_GUILESS_MAIN(TestServeImages)
#include "test_serve_images.moc"
