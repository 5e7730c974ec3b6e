#include "EvalTestSupport.h"

#include <QJsonDocument>
#include <QProcess>

#include <algorithm>
#include <cmath>

namespace evaltest {

std::vector<Factory>& registry()
{
    static std::vector<Factory> r;
    return r;
}

QString python()
{
    static const QString found = [] {
        // pyenv or a venv may shadow the system python3 that carries Debian's python3-sklearn,
        // so try the system one too. FLIGHTDECK_PYTHON, when set, is the only candidate.
        QStringList candidates;
        const QString fromEnv = qEnvironmentVariable("FLIGHTDECK_PYTHON");
        if (!fromEnv.isEmpty())
            candidates << fromEnv;
        else
            candidates << QStringLiteral("python3") << QStringLiteral("/usr/bin/python3");
        for (const QString& exe : candidates) {
            QProcess probe;
            probe.start(exe, {QStringLiteral("-c"),
                              QStringLiteral("import sklearn, numpy, scipy")});
            if (probe.waitForFinished(60000) && probe.exitStatus() == QProcess::NormalExit
                && probe.exitCode() == 0)
                return exe;
        }
        return QString();
    }();
    return found;
}

QJsonObject runPythonScript(const QString& script, const QJsonObject& input, QString* error)
{
    QProcess py;
    py.start(python(), {QStringLiteral(FLIGHTDECK_SOURCE_DIR "/tests/eval/") + script});
    if (!py.waitForStarted()) {
        *error = QStringLiteral("cannot start ") + python();
        return {};
    }
    py.write(QJsonDocument(input).toJson(QJsonDocument::Compact));
    py.closeWriteChannel();
    if (!py.waitForFinished(300000) || py.exitCode() != 0) {
        *error = QString::fromUtf8(py.readAllStandardError());
        return {};
    }
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(py.readAllStandardOutput(), &parseError);
    if (!doc.isObject()) {
        *error = parseError.errorString();
        return {};
    }
    return doc.object();
}

ParityStats& stats()
{
    static ParityStats s;
    return s;
}

bool close(double got, double want, double relative)
{
    ParityStats& s = stats();
    ++s.compared;
    if (got == want) {
        ++s.identical;
        return true;
    }
    const double diff = std::fabs(got - want);
    if (qEnvironmentVariableIsSet("FLIGHTDECK_PARITY_VERBOSE"))
        qInfo("not bit-identical: got %.17g want %.17g", got, want);
    const double scale = std::max(std::fabs(got), std::fabs(want));
    if (scale > 0)
        s.maxRelative = std::max(s.maxRelative, diff / scale);
    return diff <= relative * scale || diff <= 1e-15;
}

QJsonArray toJson(const std::vector<double>& v)
{
    QJsonArray a;
    for (const double x : v)
        a.append(x);
    return a;
}

QJsonArray toJson(const std::vector<std::int32_t>& v)
{
    QJsonArray a;
    for (const std::int32_t x : v)
        a.append(x);
    return a;
}

std::vector<double> doubles(const QJsonValue& v)
{
    std::vector<double> out;
    for (const QJsonValue& x : v.toArray())
        out.push_back(x.toDouble());
    return out;
}

}  // namespace evaltest
