// `flightdeck-cli monitor simulate --bundle` for an image model: the version's train images
// go through the bundle's model as flightdeck-serve would answer {"pixels": [...]}, a
// brightness shift from a given time changes the pixels, and drift against the bundle's
// reference profile flags brightness in the shifted window only. Each logged record is checked
// against the model run here on the image it must have come from.
#include "common/CliRunner.h"
#include "common/ImageBundles.h"

#include "flightdeck/common/Error.h"
#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/data/ImageInput.h"
#include "flightdeck/monitor/DriftWindows.h"
#include "flightdeck/monitor/LogReader.h"
#include "flightdeck/monitor/LogSimulator.h"
#include "flightdeck/monitor/ReferenceSample.h"
#include "flightdeck/serve/BundleModel.h"
#include "flightdeck/store/Project.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

using namespace flightdeck;
using flightdeck::testing::runCli;

namespace {

struct Answer {
    std::string prediction, label;
    double confidence = 0;
};
using Look = std::pair<double, double>;

// What the server answers for each train image, unshifted or with `brightness` levels added.
std::multimap<Look, Answer> answers(const serve::BundleModel& model, const data::ImageSet& images,
                                    const std::vector<std::uint32_t>& rows, double brightness)
{
    std::multimap<Look, Answer> out;
    for (std::uint32_t r : rows) {
        std::vector<double> px(images.image(r), images.image(r) + images.imageBytes());
        for (double& p : px)
            p = std::round(std::clamp(p + brightness, 0.0, 255.0));
        const auto input = data::pixelsToInput(px, model.info().image);
        const auto look = data::brightnessContrast(input.data(), input.size());
        const auto p = model.predict(input.data(), 1).front();
        out.emplace(Look{look.brightness, look.contrast},
                    Answer{p.label, images.classes[std::size_t(images.labels[r])], p.confidence});
    }
    return out;
}

const monitor::ColumnDrift* column(const monitor::DriftResult& r, const std::string& name)
{
    for (const auto& c : r.columns)
        if (c.name == name)
            return &c;
    return nullptr;
}

}  // namespace

class TestImageDriftSim : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void brightnessShiftIsFlaggedInItsWindowOnly()
    {
        const QString folder = dir_.filePath(QStringLiteral("p"));
        auto project = store::Project::create(folder.toStdString());
        data::DatasetCatalog catalog(project);
        const data::ImageSet images = testing::shapeImages(150, 3);
        const auto exported = testing::exportImageBundle(project, images);
        const auto& bundle = exported.dir;
        const std::int64_t versionId = exported.versionId;

        const QString log = dir_.filePath(QStringLiteral("images.jsonl"));
        const QString truth = dir_.filePath(QStringLiteral("truth.jsonl"));
        const auto r = runCli({QStringLiteral("monitor"), QStringLiteral("simulate"),
                               QStringLiteral("--from"),
                               QStringLiteral("project:%1:%2").arg(folder).arg(versionId),
                               QStringLiteral("--bundle"), QString::fromStdString(bundle.string()),
                               QStringLiteral("--image-shift"),
                               QStringLiteral("brightness=+40,from=1800"),
                               QStringLiteral("--duration"), QStringLiteral("3600"),
                               QStringLiteral("--rate"), QStringLiteral("0.5"),
                               QStringLiteral("--error-rate"), QStringLiteral("0.02"),
                               QStringLiteral("--out"), log, QStringLiteral("--truth-out"), truth});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err + r.out));
        const QJsonObject summary = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const auto records = summary.value(QStringLiteral("records")).toInteger();
        const auto errors = summary.value(QStringLiteral("errors")).toInteger();
        QVERIFY2(records > 1500 && records < 2100, qPrintable(r.out));
        QVERIFY(errors > 0);

        // Every record of the log, as the monitoring reader sees it.
        const auto model = serve::BundleModel::load(bundle);
        const data::Split rows = catalog.loadSplit(exported.splitId);
        const auto plain = answers(model, images, rows.train, 0);
        const auto bright = answers(model, images, rows.train, 40);
        std::map<std::string, std::string> expectedTruth;
        std::int64_t seen = 0, failed = 0, late = 0;
        double lastTime = 0;
        monitor::ReadStats stats;
        monitor::readLog(log.toStdString(), {}, [&](const monitor::PredictionRecord& rec) {
            ++seen;
            QCOMPARE(rec.features.size(), std::size_t(2));
            QVERIFY(rec.timestamp >= lastTime);
            lastTime = rec.timestamp;
            const bool shifted = rec.timestamp - 1795392000 >= 1800;
            late += shifted;
            const auto& table = shifted ? bright : plain;
            const auto [from, to] = table.equal_range(Look{rec.features[0], rec.features[1]});
            QVERIFY2(from != to, "the logged brightness and contrast are no train image's");
            if (rec.error) {
                ++failed;
                return;
            }
            // A batch of 256 may round differently from one image alone: not bit-exact.
            bool match = false;
            for (auto it = from; it != to; ++it)
                if (it->second.prediction == rec.prediction
                    && std::abs(it->second.confidence - rec.confidence) < 1e-5) {
                    match = true;
                    expectedTruth[rec.requestId] = it->second.label;
                }
            QVERIFY2(match, "the prediction is not the model's on that image");
        }, stats);
        QCOMPARE(seen, records);
        QCOMPARE(stats.records, records);
        QCOMPARE(stats.skipped, std::int64_t(0));
        QCOMPARE(failed, errors);
        QVERIFY(late > 600 && seen - late > 600);

        // The ground truth: one line per answered request, the drawn image's class.
        std::int64_t truthLines = 0;
        monitor::ReadStats truthStats;
        monitor::readGroundTruth(truth.toStdString(), {}, [&](const std::string& id,
                                                              const std::string& label) {
            ++truthLines;
            QVERIFY(expectedTruth.count(id));
            QCOMPARE(label, expectedTruth[id]);
        }, truthStats);
        QCOMPARE(truthLines, records - errors);

        // Drift per half hour against the bundle's reference profile (brightness, contrast).
        monitor::ReferenceOptions ro;
        const monitor::ReferenceSample reference = monitor::loadReference(bundle, ro);
        monitor::DriftWindowOptions wo;
        wo.windowSeconds = 1800;
        wo.includePrediction = false;
        monitor::DriftWindows windows(reference, wo);
        monitor::ReadStats again;
        monitor::readLog(log.toStdString(), {}, [&](const monitor::PredictionRecord& rec) {
            windows.add(rec);
        }, again);
        const auto result = windows.finish();
        QCOMPARE(result.size(), std::size_t(2));
        const auto* early = column(result[0].drift, "brightness");
        const auto* shiftedWindow = column(result[1].drift, "brightness");
        QVERIFY(early && shiftedWindow);
        QVERIFY(early->evaluated && shiftedWindow->evaluated);
        QVERIFY2(!early->drifted, qPrintable(QString::number(early->score)));
        QVERIFY2(shiftedWindow->drifted, qPrintable(QString::number(shiftedWindow->score)));
        QVERIFY(!column(result[0].drift, "contrast")->drifted);

        // The same through `monitor drift`, the bundle folder as the reference.
        const auto d = runCli({QStringLiteral("monitor"), QStringLiteral("drift"), log,
                               QStringLiteral("--reference"), QString::fromStdString(bundle.string()),
                               QStringLiteral("--window"), QStringLiteral("1800")});
        QVERIFY2(d.exitCode == 0, qPrintable(d.err + d.out));
        QJsonArray cliWindows =
            QJsonDocument::fromJson(d.out.toUtf8()).object().value(QStringLiteral("windows")).toArray();
        QCOMPARE(cliWindows.size(), 2);
        const auto drifted = [&](int w, const QString& name) {   // 1, 0, or -1 when left out
            for (const auto c : cliWindows[w].toObject().value(QStringLiteral("columns")).toArray())
                if (c.toObject().value(QStringLiteral("name")).toString() == name)
                    return c.toObject().value(QStringLiteral("drifted")).toBool() ? 1 : 0;
            return -1;
        };
        QCOMPARE(drifted(0, QStringLiteral("brightness")), 0);
        QCOMPARE(drifted(0, QStringLiteral("contrast")), 0);
        QCOMPARE(drifted(1, QStringLiteral("brightness")), 1);

        // And with the project's image version as the reference: profiled on brightness and
        // contrast as the log is (data::monitoredFeatures), not on its pixel columns.
        const auto p = runCli({QStringLiteral("monitor"), QStringLiteral("drift"), log, QStringLiteral("--reference"),
                               QStringLiteral("project:%1:%2:%3").arg(folder).arg(versionId).arg(exported.splitId),
                               QStringLiteral("--window"), QStringLiteral("1800")});
        QVERIFY2(p.exitCode == 0, qPrintable(p.err + p.out));
        cliWindows = QJsonDocument::fromJson(p.out.toUtf8()).object().value(QStringLiteral("windows")).toArray();
        QCOMPARE(cliWindows.size(), 2);
        QCOMPARE(drifted(0, QStringLiteral("brightness")), 0);
        QCOMPARE(drifted(0, QStringLiteral("contrast")), 0);
        QCOMPARE(drifted(1, QStringLiteral("brightness")), 1);
    }

    void imageShiftSpecsAreValidatedInOnePlace()
    {
        const auto s = monitor::parseImageShift("brightness=+40,contrast=0.5,from=600,until=900");
        QCOMPARE(s.brightness, 40.0);
        QCOMPARE(s.contrast, 0.5);
        QCOMPARE(s.from, 600.0);
        QCOMPARE(s.until, 900.0);
        for (const char* bad : {"from=600", "brightness=300", "contrast=-1", "brightness=x",
                                "brightness=10,gamma=2", "brightness=10,from=50,until=20"})
            QVERIFY_THROWS_EXCEPTION(flightdeck::Error, monitor::parseImageShift(bad));
        // A table source refuses an image shift, naming what it needs.
        monitor::SimulationSource table;
        table.features = {"a"};
        table.columns = {{1.0, 2.0}};
        monitor::SimulationOptions o;
        o.image.push_back(s);
        std::ostringstream out;
        QVERIFY_THROWS_EXCEPTION(flightdeck::Error, monitor::simulateLog(table, o, out));
        // So does the CLI without --bundle.
        const auto r = runCli({QStringLiteral("monitor"), QStringLiteral("simulate"),
                               QStringLiteral("--from"), testing::sample("iris.csv"),
                               QStringLiteral("--out"), dir_.filePath(QStringLiteral("x.jsonl")),
                               QStringLiteral("--image-shift"), QStringLiteral("brightness=10")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QStringLiteral("--bundle")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestImageDriftSim)
#include "test_image_drift_sim.moc"
