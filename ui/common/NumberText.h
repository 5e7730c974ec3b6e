#pragma once
// Numbers, percentages and times as the user's locale writes them ("3,075" and "93.1 %" in
// English, "3.075" and "93,1 %" in German). Every panel formats through here, so a number
// never reaches the screen through QString::number or arg(double).
#include <QCoreApplication>
#include <QString>

namespace flightdeck::ui {

class NumberText {
    Q_DECLARE_TR_FUNCTIONS(NumberText)
public:
    static QString count(qint64 n);                          // grouped: 3,075
    static QString decimal(double value, int decimals);      // 0.125 -> "0.13" / "0,13"
    // A metric without a fixed scale (a loss, an RMSE): 4 significant digits.
    static QString metric(double value);
    // A value from the data (a feature cell): up to 6 significant digits, no fixed decimals.
    static QString value(double value);
    static QString percent(double fraction, int decimals = 1);   // 0.931 -> "93.1 %"
    // Numbers and dates of files written for machines (CSV, logs) stay in the C locale / ISO 8601.
    static QString dateTime(double unixSeconds);             // short date and time, local
    // A production log's time, in UTC as the log writes it: day and month the language's way,
    // no year (a log spans days), "Nov 30 14:05" / "30. Nov. 14:05", with or without seconds.
    enum class Precision { Minutes, Seconds };
    static QString logTime(double unixSeconds, Precision precision = Precision::Minutes);
};

}  // namespace flightdeck::ui
