// The recipe against PyTorch itself: each optimizer (with weight decay, momentum, Nesterov,
// gradient clipping) and each learning-rate schedule computed by core/train and by Python's
// torch.optim on the same tiny problem, equal to 1e-6. Torch is included before Qt (Qt's
// `slots` macro collides with torch headers) and the test uses Q_SLOTS.
#include "FusedAdam.h"
#include "Recipe.h"
#include "flightdeck/train/LrSchedule.h"
#include "flightdeck/train/TrainConfig.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <nlohmann/json.hpp>

using namespace flightdeck;
using train::OptimizerKind;
using train::ScheduleKind;

namespace {

constexpr int kSteps = 12;          // 3 epochs of 4 batches
constexpr int kStepsPerEpoch = 4;

// The problem both sides solve: a 3 -> 2 linear classifier, 8 rows in batches of 2.
const std::vector<float> kW = {0.1f, -0.2f, 0.3f, 0.05f, 0.4f, -0.1f};
const std::vector<float> kB = {0.01f, -0.02f};
const std::vector<float> kX = {1, 2, 0.5, -1, 0.3, 2, 0.7, -0.4, 1.5, 2.2, 1, -1,
                               -0.5, 0.25, 0.8, 1.1, -2, 0.4, 0.3, 0.9, -1.2, -0.7, 0.6, 1.3};
const std::vector<std::int64_t> kY = {0, 1, 1, 0, 1, 0, 0, 1};

struct OptimizerCase {
    const char* name;
    train::TrainConfig config;
};

std::vector<OptimizerCase> optimizerCases()
{
    std::vector<OptimizerCase> cases;
    train::TrainConfig c;
    c.epochs = 3;
    c.optimizer = OptimizerKind::Sgd;
    c.learningRate = 0.1;
    c.momentum = 0.9;
    c.weightDecay = 0.01;
    cases.push_back({"sgd_momentum", c});
    c.nesterov = true;
    c.clipGradNorm = 0.5;
    cases.push_back({"sgd_nesterov_clip", c});
    c = {};
    c.epochs = 3;
    c.optimizer = OptimizerKind::Adam;
    c.learningRate = 0.05;
    c.weightDecay = 0.001;
    c.beta1 = 0.8;
    cases.push_back({"adam", c});
    c.optimizer = OptimizerKind::AdamW;
    c.weightDecay = 0.05;
    c.schedule = ScheduleKind::Cosine;
    cases.push_back({"adamw_cosine", c});
    return cases;
}

struct ScheduleCase {
    const char* name;
    train::TrainConfig config;
};

std::vector<ScheduleCase> scheduleCases()
{
    std::vector<ScheduleCase> cases;
    train::TrainConfig c;
    c.epochs = 10;
    c.learningRate = 0.1;
    c.schedule = ScheduleKind::Step;
    c.stepEpochs = 3;
    c.gamma = 0.5;
    cases.push_back({"step", c});
    c.schedule = ScheduleKind::Cosine;
    c.minLearningRate = 0.001;
    cases.push_back({"cosine", c});
    c.warmupSteps = 6;
    c.warmupStartFactor = 0.2;
    cases.push_back({"warmup_cosine", c});
    c = {};
    c.epochs = 10;
    c.learningRate = 0.1;
    c.schedule = ScheduleKind::OneCycle;
    cases.push_back({"one_cycle", c});
    c.schedule = ScheduleKind::ReduceOnPlateau;
    c.plateauPatience = 1;
    c.plateauFactor = 0.5;
    cases.push_back({"plateau", c});
    return cases;
}

// The monitored validation loss the plateau case sees at each epoch end.
const std::vector<double> kPlateauMetric = {1.0, 0.9, 0.95, 0.96, 0.97, 0.5, 0.6, 0.7, 0.8, 0.9};

const char* const kPythonReference = R"PY(
import json, math, sys
import torch
cfg = json.load(open(sys.argv[1]))
torch.set_num_threads(1)
X = torch.tensor(cfg["x"], dtype=torch.float32).view(-1, 3)
Y = torch.tensor(cfg["y"], dtype=torch.int64)
out = {"optimizers": {}, "schedules": {}}
def make_schedule(opt, c, steps, spe):
    s = c["schedule"]
    w = c["warmup_steps"]
    if s == "constant": main = torch.optim.lr_scheduler.LambdaLR(opt, lambda t: 1.0)
    elif s == "step": main = torch.optim.lr_scheduler.StepLR(opt, c["step_epochs"] * spe, c["gamma"])
    elif s == "cosine": main = torch.optim.lr_scheduler.CosineAnnealingLR(opt, steps - w, c["min_learning_rate"])
    elif s == "one_cycle": main = torch.optim.lr_scheduler.OneCycleLR(opt, c["learning_rate"], total_steps=steps,
            pct_start=c["one_cycle_pct_start"], anneal_strategy="cos", div_factor=c["one_cycle_div_factor"],
            final_div_factor=c["one_cycle_final_div_factor"], cycle_momentum=False)
    elif s == "plateau": return torch.optim.lr_scheduler.ReduceLROnPlateau(opt, "min", c["plateau_factor"],
            c["plateau_patience"], min_lr=c["min_learning_rate"])
    if w == 0: return main
    warm = torch.optim.lr_scheduler.LinearLR(opt, c["warmup_start_factor"], 1.0, w)
    return torch.optim.lr_scheduler.SequentialLR(opt, [warm, main], [w])
for name, c in cfg["optimizers"].items():
    W = torch.tensor(cfg["w"]).view(2, 3).requires_grad_(True)
    b = torch.tensor(cfg["b"]).requires_grad_(True)
    if c["optimizer"] == "sgd":
        opt = torch.optim.SGD([W, b], lr=c["learning_rate"], momentum=c["momentum"], nesterov=c["nesterov"], weight_decay=c["weight_decay"])
    elif c["optimizer"] == "adam":
        opt = torch.optim.Adam([W, b], lr=c["learning_rate"], betas=(c["beta1"], c["beta2"]), eps=c["eps"], weight_decay=c["weight_decay"])
    else:
        opt = torch.optim.AdamW([W, b], lr=c["learning_rate"], betas=(c["beta1"], c["beta2"]), eps=c["eps"], weight_decay=c["weight_decay"])
    sched = make_schedule(opt, c, cfg["steps"], cfg["steps_per_epoch"])
    for step in range(cfg["steps"]):
        i = (step % cfg["steps_per_epoch"]) * 2
        opt.zero_grad()
        loss = torch.nn.functional.cross_entropy(X[i:i+2] @ W.t() + b, Y[i:i+2])
        loss.backward()
        if c["clip_grad_norm"] > 0: torch.nn.utils.clip_grad_norm_([W, b], c["clip_grad_norm"])
        opt.step()
        sched.step()
    out["optimizers"][name] = W.detach().view(-1).tolist() + b.detach().tolist()
for name, c in cfg["schedules"].items():
    p = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([p], lr=c["learning_rate"])
    spe = cfg["steps_per_epoch"]; steps = spe * c["epochs"]
    sched = make_schedule(opt, c, steps, spe)
    rates = []
    for step in range(steps):
        rates.append(opt.param_groups[0]["lr"])
        opt.step()
        if c["schedule"] == "plateau":
            if (step + 1) % spe == 0: sched.step(cfg["plateau_metric"][(step + 1) // spe - 1])
        else:
            sched.step()
    out["schedules"][name] = rates
print(json.dumps(out))
)PY";

nlohmann::json runPythonReference()
{
    nlohmann::json in;
    in["w"] = kW;
    in["b"] = kB;
    in["x"] = kX;
    in["y"] = kY;
    in["steps"] = kSteps;
    in["steps_per_epoch"] = kStepsPerEpoch;
    in["plateau_metric"] = kPlateauMetric;
    for (const auto& c : optimizerCases())
        in["optimizers"][c.name] = nlohmann::json::parse(train::toJson(c.config));
    for (const auto& c : scheduleCases())
        in["schedules"][c.name] = nlohmann::json::parse(train::toJson(c.config));
    QTemporaryDir dir;
    const QString script = dir.filePath(QStringLiteral("reference.py"));
    const QString input = dir.filePath(QStringLiteral("input.json"));
    QFile(script).open(QIODevice::WriteOnly);
    {
        QFile f(script);
        f.open(QIODevice::WriteOnly);
        f.write(kPythonReference);
        QFile g(input);
        g.open(QIODevice::WriteOnly);
        g.write(QByteArray::fromStdString(in.dump()));
    }
    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"), {script, input});
    if (!python.waitForFinished(120000) || python.exitCode() != 0)
        return nlohmann::json(python.readAllStandardError().toStdString());
    return nlohmann::json::parse(python.readAllStandardOutput().toStdString());
}

}  // namespace

class TestRecipes : public QObject {
    Q_OBJECT
    nlohmann::json reference_;

private Q_SLOTS:
    void initTestCase()
    {
        torch::set_num_threads(1);
        reference_ = runPythonReference();
        if (reference_.is_string()) {
            if (QProcess::execute(QStringLiteral("/usr/bin/python3"), {QStringLiteral("-c"), QStringLiteral("import torch")}) != 0)
                QSKIP("python3-torch (the reference) is not installed: scripts/setup.sh installs it");
            QFAIL(reference_.get<std::string>().c_str());
        }
    }

    void optimizersEqualPyTorch()
    {
        const auto X = torch::tensor(kX).view({-1, 3});
        const auto Y = torch::tensor(kY);
        for (const auto& c : optimizerCases()) {
            auto W = torch::tensor(kW).view({2, 3}).set_requires_grad(true);
            auto b = torch::tensor(kB).set_requires_grad(true);
            auto optimizer = train::detail::makeOptimizer({W, b}, c.config);
            const train::LrSchedule schedule(c.config, kStepsPerEpoch);
            train::detail::Loss loss;
            for (int step = 0; step < kSteps; ++step) {
                const int i = (step % kStepsPerEpoch) * 2;
                train::detail::setLearningRate(*optimizer, schedule.at(step));
                optimizer->zero_grad();
                loss(X.slice(0, i, i + 2).mm(W.t()) + b, Y.slice(0, i, i + 2)).backward();
                if (c.config.clipGradNorm > 0)
                    torch::nn::utils::clip_grad_norm_(std::vector<torch::Tensor>{W, b}, c.config.clipGradNorm);
                optimizer->step();
            }
            const auto ours = torch::cat({W.detach().view({-1}), b.detach()});
            const auto& theirs = reference_["optimizers"][c.name];
            QCOMPARE(static_cast<std::size_t>(ours.numel()), theirs.size());
            for (std::int64_t k = 0; k < ours.numel(); ++k) {
                const double a = ours[k].item<double>(), e = theirs[k].get<double>();
                if (std::abs(a - e) > 1e-6)
                    QFAIL(qPrintable(QStringLiteral("%1: parameter %2 is %3, PyTorch has %4")
                                         .arg(QLatin1String(c.name)).arg(k).arg(a, 0, 'g', 10).arg(e, 0, 'g', 10)));
            }
            // And the weights moved: a no-op optimizer would match nothing above.
            QVERIFY(std::abs(ours[0].item<double>() - kW[0]) > 1e-3);
        }
    }

    void schedulesEqualPyTorch()
    {
        for (const auto& c : scheduleCases()) {
            train::LrSchedule schedule(c.config, kStepsPerEpoch);
            const auto& theirs = reference_["schedules"][c.name];
            const int steps = kStepsPerEpoch * c.config.epochs;
            QCOMPARE(static_cast<int>(theirs.size()), steps);
            const double first = schedule.at(0);
            for (int step = 0; step < steps; ++step) {
                const double ours = schedule.at(step), e = theirs[step].get<double>();
                if (std::abs(ours - e) > 1e-9 * std::max(1.0, std::abs(e)))
                    QFAIL(qPrintable(QStringLiteral("%1: step %2 rate %3, PyTorch %4")
                                         .arg(QLatin1String(c.name)).arg(step).arg(ours, 0, 'g', 12).arg(e, 0, 'g', 12)));
                if ((step + 1) % kStepsPerEpoch == 0)
                    schedule.epochEnded(kPlateauMetric[static_cast<std::size_t>((step + 1) / kStepsPerEpoch - 1)]);
            }
            QVERIFY(first != schedule.at(steps - 1));   // each case does schedule
        }
    }

    void balancedWeightsFollowScikitLearn()
    {
        const auto w = train::detail::balancedClassWeights(torch::tensor(std::vector<std::int64_t>{0, 0, 0, 1}), 3);
        // n / (classes * count): 4 / (3 * 3), 4 / (3 * 1), and 1 for the absent class.
        QVERIFY(std::abs(w[0].item<double>() - 4.0 / 9.0) < 1e-6);
        QVERIFY(std::abs(w[1].item<double>() - 4.0 / 3.0) < 1e-6);
        QCOMPARE(w[2].item<double>(), 1.0);
    }

    void augmentationFlipsAndCrops()
    {
        train::TrainConfig c;
        c.augmentFlip = true;
        train::detail::Augmenter flip(c, {1, 2, 3});
        QVERIFY(flip.active());
        const auto image = torch::arange(6, torch::kFloat32).view({1, 6});
        const auto mirrored = image.view({1, 2, 3}).flip({2}).reshape({1, 6});
        int flipped = 0;
        for (int i = 0; i < 64; ++i) {
            const auto out = flip.apply(image);
            QVERIFY(out.equal(image) || out.equal(mirrored));
            flipped += out.equal(mirrored) ? 1 : 0;
        }
        QVERIFY(flipped > 10 && flipped < 54);   // about half

        c = {};
        c.augmentCropPadding = 1;
        train::detail::Augmenter crop(c, {1, 3, 3});
        const auto ones = torch::ones({200, 9});
        const auto out = crop.apply(ones);
        QCOMPARE(out.sizes().vec(), ones.sizes().vec());
        // A shifted crop brings in zero padding along one edge at least; the centre stays.
        QVERIFY(out.sum().item<double>() < ones.sum().item<double>());
        QCOMPARE(out.select(1, 4).min().item<double>(), 1.0);
        // The stream is seeded: a second augmenter draws the same crops.
        train::detail::Augmenter again(c, {1, 3, 3});
        QVERIFY(again.apply(ones).equal(out));
        // Tables have nothing to crop.
        QVERIFY(!train::detail::Augmenter(c, {9}).active());
    }

    // The one-pass Adam and AdamW against torch::optim's own on tensors big enough to be split
    // across threads, with weight decay, and through a checkpoint written by the other class
    // (a run checkpointed before the fused update resumes with it, and the other way round).
    void fusedAdamEqualsTorchOptimAndLoadsItsState()
    {
        torch::set_num_threads(2);
        const auto run = [](bool fused, bool decoupled, int steps, torch::Tensor* w,
                            std::unique_ptr<torch::optim::Optimizer>* held) {
            std::vector<torch::Tensor> params{*w};
            if (!*held) {
                if (decoupled) {
                    const auto o = torch::optim::AdamWOptions(3e-3).weight_decay(0.1);
                    *held = fused ? std::unique_ptr<torch::optim::Optimizer>(std::make_unique<train::detail::FusedAdamW>(params, o))
                                  : std::make_unique<torch::optim::AdamW>(params, o);
                } else {
                    const auto o = torch::optim::AdamOptions(3e-3).weight_decay(0.01);
                    *held = fused ? std::unique_ptr<torch::optim::Optimizer>(std::make_unique<train::detail::FusedAdam>(params, o))
                                  : std::make_unique<torch::optim::Adam>(params, o);
                }
            }
            for (int s = 0; s < steps; ++s) {
                (*held)->zero_grad();
                ((*w) * (*w)).sin().sum().backward();
                (*held)->step();
            }
        };
        for (const bool decoupled : {false, true}) {
            torch::manual_seed(7);
            const auto start = torch::randn({300, 257});   // 77,100 values: several chunks
            auto a = start.clone().set_requires_grad(true), b = start.clone().set_requires_grad(true);
            std::unique_ptr<torch::optim::Optimizer> torchOpt, fusedOpt;
            run(false, decoupled, 5, &a, &torchOpt);
            run(true, decoupled, 5, &b, &fusedOpt);
            QVERIFY(torch::allclose(a, b, 0, 1e-6));
            QVERIFY((a - start).abs().max().item<double>() > 1e-3);

            // torch's state into a fresh fused optimizer on a copy of torch's weights: the two
            // go on in step.
            torch::serialize::OutputArchive out;
            torchOpt->save(out);
            std::ostringstream bytes;
            out.save_to(bytes);
            auto c = a.detach().clone().set_requires_grad(true);
            std::unique_ptr<torch::optim::Optimizer> resumed;
            run(true, decoupled, 0, &c, &resumed);
            torch::serialize::InputArchive in;
            std::istringstream read(bytes.str());
            in.load_from(read);
            resumed->load(in);
            run(false, decoupled, 3, &a, &torchOpt);
            run(true, decoupled, 3, &c, &resumed);
            QVERIFY2(torch::allclose(a, c, 0, 1e-6), decoupled ? "AdamW" : "Adam");
        }
        torch::set_num_threads(1);
    }

    // What the one-pass update cannot do (AMSGrad's running maximum, a parameter that is a
    // strided view, whose data pointer is not its elements in order) goes to torch's own step,
    // and a model with one such parameter among plain ones still steps exactly as torch does.
    void fusedAdamHandsWhatItCannotFuseToTorch()
    {
        struct Case {
            const char* name;
            bool amsgrad;
            bool strided;
        };
        for (const Case k : {Case{"amsgrad", true, false}, Case{"strided view", false, true}}) {
            torch::manual_seed(11);
            const auto plain = torch::randn({40, 33});
            // Every other column of a wider matrix: 40x33 values 66 floats apart per row.
            const auto wide = torch::randn({40, 66});
            const auto odd = k.strided ? wide.slice(1, 0, 66, 2) : wide.slice(1, 0, 33).contiguous();
            QCOMPARE(odd.is_contiguous(), !k.strided);
            // betas (0.9, 0.5): the second moment forgets fast, so AMSGrad's maximum differs
            // from the plain average within a few steps of shrinking gradients.
            const auto options = torch::optim::AdamOptions(5e-2).betas({0.9, 0.5}).amsgrad(k.amsgrad);
            std::vector<torch::Tensor> weights[2];
            std::unique_ptr<torch::optim::Optimizer> opt[2];
            for (int fused = 0; fused < 2; ++fused) {
                // A leaf that keeps the view's strides: detach() shares them.
                weights[fused] = {plain.clone().set_requires_grad(true),
                                  (k.strided ? wide.clone().slice(1, 0, 66, 2) : odd.clone())
                                      .detach()
                                      .set_requires_grad(true)};
                QCOMPARE(weights[fused][1].is_contiguous(), !k.strided);
                if (fused)
                    opt[fused] = std::make_unique<train::detail::FusedAdam>(weights[fused], options);
                else
                    opt[fused] = std::make_unique<torch::optim::Adam>(weights[fused], options);
                for (int s = 0; s < 8; ++s) {
                    opt[fused]->zero_grad();
                    const double shrink = 1.0 / (1 + 3 * s);
                    ((weights[fused][0] * weights[fused][1]).sin().sum() * shrink).backward();
                    opt[fused]->step();
                }
            }
            for (int i = 0; i < 2; ++i)
                QVERIFY2(torch::allclose(weights[0][i], weights[1][i], 0, 1e-6), k.name);
            QVERIFY((weights[1][1] - odd).abs().max().item<double>() > 1e-2);
        }
    }

    void configRoundTripsAndValidates()
    {
        auto c = optimizerCases()[1].config;
        c.earlyStopPatience = 3;
        c.monitorMetric = "val/accuracy";
        c.loss = model::LossType::Huber;
        const auto back = train::trainConfigFromJson(train::toJson(c));
        QCOMPARE(train::toJson(back), train::toJson(c));
        train::TrainConfig bad;
        bad.schedule = ScheduleKind::OneCycle;
        bad.warmupSteps = 5;
        QVERIFY_THROWS_EXCEPTION(std::exception, train::validate(bad));
        bad = {};
        bad.learningRate = -1;
        QVERIFY_THROWS_EXCEPTION(std::exception, train::validate(bad));
        bad = {};
        bad.nesterov = true;
        bad.momentum = 0;
        QVERIFY_THROWS_EXCEPTION(std::exception, train::validate(bad));
    }
};

QTEST_GUILESS_MAIN(TestRecipes)
#include "test_recipes.moc"
