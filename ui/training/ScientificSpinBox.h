#pragma once
// A QDoubleSpinBox for quantities that span decades (the learning rate): it reads scientific
// notation ("3e-4") as well as plain decimals in the user's locale or in C's, shows values
// compactly ("0.001", "3e-4"), steps along 1-2-5 per decade, and says why a number it refuses is
// refused instead of reverting in silence. Tests and callers keep using the QDoubleSpinBox API.
#include <QDoubleSpinBox>

#include <optional>

namespace flightdeck::ui {

class ScientificSpinBox : public QDoubleSpinBox {
    Q_OBJECT
public:
    explicit ScientificSpinBox(QWidget* parent = nullptr);
    // The form watches the text being typed (textEdited) and whether it was typed (isModified).
    using QDoubleSpinBox::lineEdit;

    // Why the text being typed is not a value this box accepts (translated); empty when it is
    // acceptable or merely incomplete ("3e-").
    QString problem() const;
    // The number a text stands for, or nullopt when it is not a complete number.
    std::optional<double> parse(const QString& text) const;
    QString format(double value) const;

    QValidator::State validate(QString& text, int& pos) const override;
    double valueFromText(const QString& text) const override;
    QString textFromValue(double value) const override;
    void stepBy(int steps) override;
};

}  // namespace flightdeck::ui
