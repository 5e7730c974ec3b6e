// flightdeck-serve for a model trained on images: the bundle records the image shape, and
// /predict takes a base64 PNG or raw pixel values, answering as the model does on the same
// pixels; a wrong size, a corrupt file and bad base64 get a 400 that says what was wrong, and
// the log holds each image's brightness and contrast. Pixels must come nested as [C][H][W] (or
// [H][W] for one channel): an HWC array, a flat list or a ragged one is refused naming its
// shape or where it is ragged, never read as CHW because its value count matches (probe #8).
#include "ServedBundle.h"
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

// shapeImages in colour: the gray image, its negative and half of it as the three planes.
data::ImageSet colourImages(int count)
{
    data::ImageSet gray = testing::shapeImages(count, 2);
    data::ImageSet rgb = gray;
    rgb.channels = 3;
    rgb.pixels.clear();
    for (std::size_t i = 0; i < gray.size(); ++i) {
        const std::uint8_t* g = gray.image(i);
        for (int c = 0; c < 3; ++c)
            for (std::size_t p = 0; p < gray.imageBytes(); ++p)
                rgb.pixels.push_back(c == 0 ? g[p] : c == 1 ? std::uint8_t(255 - g[p]) : std::uint8_t(g[p] / 2));
    }
    return rgb;
}

// `chw` (3 x 8 x 8 values) nested as pixels[c][y][x], or as pixels[y][x][c].
nlohmann::json nested(const std::uint8_t* chw, bool hwc)
{
    nlohmann::json out = nlohmann::json::array();
    for (int a = 0; a < (hwc ? 8 : 3); ++a) {
        nlohmann::json rows = nlohmann::json::array();
        for (int b = 0; b < 8; ++b) {
            nlohmann::json row = nlohmann::json::array();
            for (int x = 0; x < (hwc ? 3 : 8); ++x)
                row.push_back(hwc ? chw[x * 64 + a * 8 + b] : chw[a * 64 + b * 8 + x]);
            rows.push_back(row);
        }
        out.push_back(rows);
    }
    return out;
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
        const auto viaChw = c.Post("/predict", nlohmann::json{{"pixels", nlohmann::json::array({grid})}}.dump(), "application/json");
        QVERIFY2(viaChw && viaChw->status == 200, viaChw ? viaChw->body.c_str() : "no answer");
        QCOMPARE(nlohmann::json::parse(viaChw->body)["predictions"][0]["class_index"].get<int>(), expected);
        QCOMPARE(nlohmann::json::parse(c.Get("/metadata")->body)["image"]["height"].get<int>(), 8);
        {
            // preprocessing.json's input row is the image's 1 x 8 x 8 pixels, not [-1, 0].
            std::ifstream in(bundle / "preprocessing.json");
            const auto pre = nlohmann::json::parse(in);
            QCOMPARE(pre["input"]["shape"][1].get<int>(), 64);
        }

        const std::vector<std::pair<std::string, std::string>> bad = {
            {nlohmann::json{{"image", base64(png(std::vector<std::uint8_t>(100, 9), 10, 10))}}.dump(),
             "the image is 10x10 pixels; the model takes 8x8"},
            {nlohmann::json{{"image", base64("not an image at all")}}.dump(), "not a PNG, JPEG or BMP"},
            {"{\"image\": \"@@@\"}", "base64"},
            {nlohmann::json{{"pixels", std::vector<std::vector<int>>(8, std::vector<int>(7, 1))}}.dump(),
             "pixels: got a [8][7] array, expected [1][8][8] (CHW) or [8][8] (HW)"},
            {nlohmann::json{{"pixels", std::vector<int>(64, 1)}}.dump(),
             "pixels: got a [64] array, expected [1][8][8] (CHW) or [8][8] (HW); a flat list needs nesting"},
            {nlohmann::json{{"pixels", std::vector<std::vector<int>>(8, std::vector<int>(8, 300))}}.dump(),
             "pixels[0][0] is 300, not a pixel value in 0..255"},
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

    // The probe's repro on a colour model: the same pixels as CHW are served as the model
    // answers them, as HWC (what numpy.asarray gives for a PIL image; same value count) they
    // are refused with both shapes and the reason, and so is every other shape.
    void pixelsMustBeNestedAsTheModelsShape()
    {
        auto project = store::Project::create(dir_.filePath("rgb").toStdString());
        const data::ImageSet images = colourImages(60);
        const auto bundle = testing::exportImageBundle(project, images, "colour").dir;
        const auto model = serve::BundleModel::load(bundle);
        QCOMPARE(model.info().image.channels, 3u);
        testing::Served s(model, {});
        auto c = s.client();

        const std::uint8_t* first = images.image(1);
        std::vector<float> row(192);
        for (std::size_t i = 0; i < row.size(); ++i)
            row[i] = float(first[i]) / 255.0f;
        const int expected = model::Model::load(bundle / "model.pt").predict(row.data(), 1)[0];
        const nlohmann::json chw = nested(first, false), hwc = nested(first, true);
        const auto served = c.Post("/predict", nlohmann::json{{"pixels", chw}}.dump(), "application/json");
        QVERIFY2(served && served->status == 200, served ? served->body.c_str() : "no answer");
        QCOMPARE(testing::body(served)["predictions"][0]["class_index"].get<int>(), expected);

        nlohmann::json ragged = chw;
        ragged[2] = std::vector<std::vector<int>>(4, std::vector<int>(16, 1));
        nlohmann::json shortRow = chw;
        shortRow[1][5].erase(0);
        nlohmann::json numberForRow = chw;
        numberForRow[2][3] = 5;
        nlohmann::json arrayForValue = chw;
        arrayForValue[0][7][7] = nlohmann::json::array({1, 2});
        nlohmann::json text = chw;
        text[0][0][1] = "12";
        nlohmann::json overWhite = chw;
        overWhite[2][7][7] = 255.5;
        nlohmann::json belowBlack = chw;
        belowBlack[0][0][0] = -1;
        // pixval.py from probe 3: out-of-range values were named by their flat index, which read
        // as the value ("value 767 is not a pixel value"; a 100-digit integer in the last pixel of
        // row 0 said "value 7", a valid pixel value).
        std::string longInteger = nlohmann::json{{"instances", {{{"pixels", chw}}}}}.dump();
        const auto endOfRow0 = longInteger.find("],[");
        const auto lastOfRow0 = longInteger.rfind(',', endOfRow0) + 1;
        longInteger.replace(lastOfRow0, endOfRow0 - lastOfRow0, "1" + std::string(99, '0'));
        const std::vector<std::pair<nlohmann::json, std::string>> refused = {
            {{{"pixels", hwc}}, "pixels: got a [8][8][3] array, expected [3][8][8] (CHW); an HWC image needs transposing"},
            {{{"instances", {{{"pixels", chw}}, {{"pixels", hwc}}}}},
             "instances[1].pixels: got a [8][8][3] array, expected [3][8][8] (CHW); an HWC image needs transposing"},
            {{{"pixels", ragged}}, "pixels is ragged: pixels[2] has 4 elements where pixels[0] has 8"},
            {{{"pixels", shortRow}}, "pixels is ragged: pixels[1][5] has 7 elements where pixels[0][0] has 8"},
            {{{"pixels", numberForRow}}, "pixels is ragged: pixels[2][3] is a number where pixels[0][0] is an array"},
            {{{"pixels", arrayForValue}},
             "pixels is ragged: pixels[0][7][7] is an array where pixels[0][0][0] is a number"},
            {{{"pixels", text}}, "pixels[0][0][1] is not a number"},
            {{{"pixels", overWhite}}, "pixels[2][7][7] is 255.5, not a pixel value in 0..255"},
            {{{"pixels", belowBlack}}, "pixels[0][0][0] is -1, not a pixel value in 0..255"},
            {{{"pixels", chw[0]}}, "pixels: got a [8][8] array, expected [3][8][8] (CHW)"},
            {{{"pixels", nlohmann::json::array({chw})}}, "pixels: got a [1][3][8][8] array, expected [3][8][8] (CHW)"},
            {nlohmann::json::parse(R"({"pixels": [[[[[1]]]]]})"), "pixels: got arrays nested more than 4 deep, expected [3][8][8] (CHW)"},
            {{{"pixels", nlohmann::json::array()}}, "pixels: got a [0] array"},
            {{{"pixels", 7}}, "pixels: got a single value"},
            {{{"pixels", std::vector<int>(192, 1)}}, "got a [192] array, expected [3][8][8] (CHW); a flat list needs nesting"},
        };
        for (const auto& [request, reason] : refused) {
            const auto r = c.Post("/predict", request.dump(), "application/json");
            QVERIFY2(r && r->status == 400, request.dump().substr(0, 120).c_str());
            const std::string error = testing::body(r)["error"].get<std::string>();
            QVERIFY2(error.find(reason) != std::string::npos, (error + " | expected: " + reason).c_str());
        }
        const auto r = c.Post("/predict", longInteger, "application/json");
        QVERIFY2(r && r->status == 400, r ? r->body.c_str() : "no answer");
        QCOMPARE(testing::body(r)["error"].get<std::string>(),
                 std::string("instances[0].pixels[0][0][7] is 1e+99, not a pixel value in 0..255"));
    }
};

QTEST_GUILESS_MAIN(TestServeImages)
#include "test_serve_images.moc"
