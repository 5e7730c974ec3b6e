#include "export/RegistryScores.h"

#include "common/NumberText.h"

#include "flightdeck/store/RunRepository.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace flightdeck::ui {

RunScores RegistryScores::read(flightdeck::store::Project& project, const std::vector<qint64>& runIds)
{
    flightdeck::store::RunRepository runs(project);
    RunScores out;
    for (const qint64 runId : runIds) {
        if (runId <= 0 || out.count(runId))
            continue;
        RunScore& score = out[runId];
        const auto evaluations = runs.evaluations(runId);   // newest first
        if (!evaluations.empty()) {
            const auto& e = evaluations.front();
            score.evaluated = true;
            score.split = QString::fromStdString(e.split);
            const QJsonObject report =
                QJsonDocument::fromJson(QByteArray::fromStdString(e.reportJson)).object();
            // A regression's report holds rmse (a number, or {"undefined": why}); its accuracy is 0.
            score.regression = report.contains(QStringLiteral("rmse"));
            score.evaluation = score.regression ? report.value(QStringLiteral("rmse")).toDouble(qQNaN())
                                                : e.accuracy;
        }
        const auto val = runs.metrics(runId, "val/accuracy");
        if (!val.empty())
            score.valAccuracy = val.back().value;
    }
    return out;
}

namespace {

QString splitText(const QString& split)
{
    if (split == QLatin1String("test"))
        return RegistryScores::tr("test");
    if (split == QLatin1String("val"))
        return RegistryScores::tr("validation");
    if (split == QLatin1String("train"))
        return RegistryScores::tr("training");
    return split;
}

}  // namespace

QString RegistryScores::text(const RunScore& score)
{
    QString val;
    if (score.valAccuracy)
        val = tr("val accuracy %1").arg(NumberText::percent(*score.valAccuracy));
    if (!score.evaluated)
        return val.isEmpty() ? tr("not evaluated") : tr("not evaluated (%1)").arg(val);
    const QString evaluation = score.regression
        ? tr("%1 RMSE %2").arg(splitText(score.split), NumberText::metric(score.evaluation))
        : tr("%1 accuracy %2").arg(splitText(score.split), NumberText::percent(score.evaluation));
    return val.isEmpty() ? evaluation : tr("%1, %2").arg(evaluation, val);
}

}  // namespace flightdeck::ui
