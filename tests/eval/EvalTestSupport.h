#pragma once
// Shared by the test_eval sources: one executable runs several Qt Test classes (main.cpp), a
// Python interpreter with scikit-learn for reference values, and tolerant comparisons that also
// count how many values agree to the last bit.
#include "flightdeck/eval/Metric.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>

#include <vector>

namespace evaltest {

// Test classes register themselves; main.cpp runs them in order.
using Factory = QObject* (*)();
std::vector<Factory>& registry();
struct Register {
    explicit Register(Factory f) { registry().push_back(f); }
};

// An interpreter that imports sklearn (FLIGHTDECK_PYTHON if set, else python3, then
// /usr/bin/python3), or empty. Probed once.
QString python();

// Runs tests/eval/<script> with `input` on stdin; returns the parsed JSON object, or an empty
// object and sets *error.
QJsonObject runPythonScript(const QString& script, const QJsonObject& input, QString* error);

// |got - want| <= 1e-9 * max(|got|, |want|), or <= 1e-15 (values near zero). Records the
// comparison in the parity statistics.
bool close(double got, double want, double relative = 1e-9);
struct ParityStats {
    long compared = 0;
    long identical = 0;
    double maxRelative = 0;
};
ParityStats& stats();

QJsonArray toJson(const std::vector<double>& v);
QJsonArray toJson(const std::vector<std::int32_t>& v);
std::vector<double> doubles(const QJsonValue& v);

}  // namespace evaltest

#define FLIGHTDECK_EVAL_TEST(Class) \
    static const evaltest::Register registered##Class([]() -> QObject* { return new Class; });

// QVERIFY-style: compare a double to a reference with a message naming both.
#define EVAL_CLOSE(got, want, what)                                                          \
    do {                                                                                     \
        const double got_ = (got), want_ = (want);                                           \
        if (got_ != want_ && qEnvironmentVariableIsSet("FLIGHTDECK_PARITY_VERBOSE"))         \
            qInfo("%s", qPrintable(QString(what)));                                          \
        if (!evaltest::close(got_, want_))                                                   \
            QFAIL(qPrintable(QStringLiteral("%1: got %2, want %3")                           \
                                 .arg(QString(what)).arg(got_, 0, 'g', 17).arg(want_, 0, 'g', 17))); \
    } while (false)

// A defined metric equal to a reference value.
#define EVAL_METRIC(metric, want, what)                                                     \
    do {                                                                                    \
        const flightdeck::eval::Metric m_ = (metric);                                       \
        if (!m_.defined)                                                                    \
            QFAIL(qPrintable(QStringLiteral("%1: undefined (%2), want %3")                  \
                                 .arg(QString(what), QString::fromStdString(m_.reason))              \
                                 .arg((want), 0, 'g', 17)));                                \
        EVAL_CLOSE(m_.value, (want), what);                                                 \
    } while (false)

// Element-wise.
#define EVAL_ARRAY(got, want, what)                                                           \
    do {                                                                                      \
        const std::vector<double> g_ = (got), w_ = (want);                                    \
        if (g_.size() != w_.size())                                                           \
            QFAIL(qPrintable(QStringLiteral("%1: %2 values, want %3")                         \
                                 .arg(QString(what)).arg(g_.size()).arg(w_.size())));                  \
        for (std::size_t i_ = 0; i_ < g_.size(); ++i_)                                        \
            EVAL_CLOSE(g_[i_], w_[i_], QStringLiteral("%1[%2]").arg(QString(what)).arg(i_));           \
    } while (false)
