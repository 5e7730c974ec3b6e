#include "training/ScientificSpinBox.h"

#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace flightdeck::ui {

namespace {
// Starts of a number a person may still be typing: "", "-", "3.", "3e", "3e-".
bool incomplete(const QString& text)
{
    static const QRegularExpression partial(QStringLiteral("^[+-]?\\d*[.,]?\\d*([eE][+-]?)?$"));
    return partial.match(text).hasMatch();
}

// The 1-2-5 values of one decade, so the arrows move 1e-4 -> 2e-4 -> 5e-4 -> 1e-3.
double nextStep(double value, bool up)
{
    const double decade = std::pow(10.0, std::floor(std::log10(value)));
    static const double up125[] = {1, 2, 5, 10, 20};
    static const double down125[] = {5, 2, 1, 0.5, 0.2, 0.1};
    if (up) {
        for (double m : up125)
            if (m * decade > value * (1 + 1e-9))
                return m * decade;
    } else {
        for (double m : down125)
            if (m * decade < value * (1 - 1e-9))
                return m * decade;
    }
    return value;
}
}  // namespace

ScientificSpinBox::ScientificSpinBox(QWidget* parent) : QDoubleSpinBox(parent)
{
    // Enough decimals that QDoubleSpinBox's own rounding never changes a value like 3e-8.
    setDecimals(15);
    setCorrectionMode(QAbstractSpinBox::CorrectToPreviousValue);
    // The value changes on Enter or leaving the field, not per keystroke: otherwise typing
    // "50" would first take 5, and refusing 50 would fall back to that 5.
    setKeyboardTracking(false);
}

std::optional<double> ScientificSpinBox::parse(const QString& text) const
{
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    // The user's locale first ("0,001" in German), without group separators so "0.001" is never
    // read as a thousand-separated 1; then C's, which everyone types for "3e-4" and "0.001".
    QLocale local = locale();
    local.setNumberOptions(local.numberOptions() | QLocale::RejectGroupSeparator);
    bool ok = false;
    double value = local.toDouble(trimmed, &ok);
    if (!ok)
        value = QLocale::c().toDouble(trimmed, &ok);
    if (!ok || !std::isfinite(value))
        return std::nullopt;
    return value;
}

QString ScientificSpinBox::format(double value) const
{
    QLocale local = locale();
    local.setNumberOptions(QLocale::OmitGroupSeparator | QLocale::OmitLeadingZeroInExponent);
    // Below 0.001 the exponent is shorter and easier to read than a row of zeros. Shortest
    // round-trip digits: 3e-4 shows as "3e-4", never "3.000000e-4" or "0.00030000000000000003".
    const char form = value != 0.0 && std::fabs(value) < 1e-3 ? 'e' : 'f';
    QString text = local.toString(value, form, QLocale::FloatingPointShortest);
    // CLDR gives most locales (en_US, de) "E" as the exponent sign: "3E-4". Written lower-case
    // it is what people type and read in a learning rate, and parse() takes it in every locale.
    if (form == 'e')
        text.replace(local.exponential(), QStringLiteral("e"));
    return text;
}

QString ScientificSpinBox::problem() const
{
    const QString text = lineEdit()->text();
    const std::optional<double> value = parse(text);
    if (!value)
        return incomplete(text.trimmed()) ? QString() : tr("\u201c%1\u201d is not a number.").arg(text);
    if (*value < minimum())
        return tr("%1 is below the smallest accepted value, %2.").arg(format(*value), format(minimum()));
    if (*value > maximum())
        return tr("%1 is above the largest accepted value, %2.").arg(format(*value), format(maximum()));
    return {};
}

QValidator::State ScientificSpinBox::validate(QString& text, int&) const
{
    const std::optional<double> value = parse(text);
    if (!value)
        return incomplete(text.trimmed()) ? QValidator::Intermediate : QValidator::Invalid;
    // Out of range stays Intermediate (never clamped): the text stays while problem() says why.
    return *value >= minimum() && *value <= maximum() ? QValidator::Acceptable
                                                      : QValidator::Intermediate;
}

double ScientificSpinBox::valueFromText(const QString& text) const
{
    return parse(text).value_or(value());
}

QString ScientificSpinBox::textFromValue(double value) const
{
    return format(value);
}

void ScientificSpinBox::stepBy(int steps)
{
    double v = value();
    if (!(v > 0.0)) {
        QDoubleSpinBox::stepBy(steps);
        return;
    }
    for (int i = 0; i < std::abs(steps); ++i)
        v = nextStep(v, steps > 0);
    setValue(std::clamp(v, minimum(), maximum()));
    selectAll();
}

}  // namespace flightdeck::ui
