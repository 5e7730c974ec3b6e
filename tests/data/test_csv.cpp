// core/data: CSV/TSV import (importCsv) and its errors, including the 1 MiB block reader's
// fast path against the general RFC 4180 reader.
#include "common/ErrorExpectations.h"
#include "flightdeck/common/Error.h"
#include "flightdeck/data/ClassName.h"
#include "flightdeck/data/CsvImporter.h"
#include "flightdeck/data/CsvPreview.h"
#include "flightdeck/data/LabelAssessment.h"
#include "flightdeck/data/Table.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

using namespace flightdeck;
using namespace flightdeck::data;
namespace fs = std::filesystem;
using flightdeck::testing::expectError;
using flightdeck::testing::toPath;

Q_DECLARE_METATYPE(flightdeck::ErrorCode)

namespace {

fs::path fixture(const char* name) { return fs::path(FLIGHTDECK_TEST_DATA) / name; }
QStringList toQt(const std::vector<std::string>& v)
{
    QStringList out;
    for (const auto& s : v)
        out << QString::fromStdString(s);
    return out;
}

}  // namespace

class TestCsv : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void importGood_data();
    void importGood();
    void importValues();
    void importBad_data();
    void importBad();
    void explicitLabelColumn();
    void csvStrayQuoteFarDown_data();
    void csvStrayQuoteFarDown();
    void csvLargeMixedAcrossBlocks();
    void csvPlainAndQuotedCellsAgree();
    void blankLabelsAreUnlabeledRows();
    void skippedColumnsAndReportedRows();
    void previewReadsOnlyTheFirstRows();
    void wideHeaderNamesAreCheckedOnce();
    void textThatIsNotUtf8IsNamed();
    void longClassNamesAreRefused();
    void regressionLabelsMustBeNumbers();
    void regressionTargetsAreDecimalFloat32();
};

void TestCsv::importGood_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("rows");
    QTest::addColumn<QStringList>("features");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QStringList>("classes");
    QTest::newRow("csv") << "csv_good.csv" << 5 << QStringList{"sepal_length", "sepal_width"}
                         << "label" << QStringList{"setosa", "versicolor", "virginica"};
    QTest::newRow("crlf + blank trailing line")
        << "csv_crlf.csv" << 3 << QStringList{"sepal_length", "sepal_width"} << "label"
        << QStringList{"setosa", "versicolor"};
    // Integer classes sort numerically: 1, 2, 10 (not "1", "10", "2").
    QTest::newRow("tsv, label in the middle") << "csv_good.tsv" << 4 << QStringList{"a", "b"}
                                              << "class" << QStringList{"1", "2", "10"};
    // The line break is in a column name: a class with one is refused (a control character).
    QTest::newRow("quotes, embedded newline, Target")
        << "csv_quoted.csv" << 3 << QStringList{"x", "y,\nquoted"} << "Target"
        << QStringList{"plain", "setosa, \"wild\"", "two lines"};
}

void TestCsv::importGood()
{
    QFETCH(QString, file);
    QFETCH(int, rows);
    QFETCH(QStringList, features);
    QFETCH(QString, label);
    QFETCH(QStringList, classes);
    const Table t = importCsv(fixture(file.toUtf8().constData()));
    QCOMPARE(int(t.rows()), rows);
    QCOMPARE(toQt(t.featureNames), features);
    QCOMPARE(QString::fromStdString(t.labelName), label);
    QCOMPARE(toQt(t.classes), classes);
    QCOMPARE(t.features.size(), t.rows() * t.cols());
}

void TestCsv::importValues()
{
    const Table csv = importCsv(fixture("csv_good.csv"));
    QCOMPARE(csv.features, (std::vector<float>{5.1f, 3.5f, 4.9f, 3.0f, 7.0f, 3.2f, 6.4f, 3.2f,
                                              6.3f, 3.3f}));
    QCOMPARE(csv.labels, (std::vector<std::int32_t>{0, 0, 1, 1, 2}));
    const Table tsv = importCsv(fixture("csv_good.tsv"));
    QCOMPARE(tsv.features,
             (std::vector<float>{1.f, -2.5f, 2.f, 300.f, 3.f, 0.125f, 4.f, 7.f}));
    QCOMPARE(tsv.labels, (std::vector<std::int32_t>{2, 1, 0, 2}));   // "10", "2", "1", "10"
    const Table quoted = importCsv(fixture("csv_quoted.csv"));
    QCOMPARE(quoted.features, (std::vector<float>{1.f, 2.f, 3.f, 4.f, 5.f, 6.f}));
    QCOMPARE(quoted.labels, (std::vector<std::int32_t>{1, 0, 2}));
}

void TestCsv::importBad_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detail");   // substring of the detail
    QTest::newRow("ragged") << "csv_ragged.csv" << ErrorCode::RaggedRow << 3 << ""
                            << "expected 3 fields, got 2";
    QTest::newRow("not a number") << "csv_not_a_number.csv" << ErrorCode::NotANumber << 4 << "b"
                                  << "abc";
    QTest::newRow("NaN text") << "csv_nan.csv" << ErrorCode::NotANumber << 3 << "a" << "NaN";
    QTest::newRow("Inf text") << "csv_inf.csv" << ErrorCode::NotANumber << 3 << "b" << "inf";
    QTest::newRow("empty cell") << "csv_empty_cell.csv" << ErrorCode::NotANumber << 3 << "b"
                                << "empty";
    QTest::newRow("trailing garbage") << "csv_trailing_garbage.csv" << ErrorCode::NotANumber
                                      << 2 << "b" << "2.5x";
    QTest::newRow("empty") << "csv_empty.csv" << ErrorCode::EmptyFile << 0 << "" << "expected";
    QTest::newRow("header only") << "csv_header_only.csv" << ErrorCode::TooFewRows << 1 << ""
                                 << "found 0";
    QTest::newRow("no label") << "csv_no_label.csv" << ErrorCode::NoLabelColumn << 1 << ""
                              << "a, b, c";
    QTest::newRow("no header") << "csv_no_header.csv" << ErrorCode::NoHeader << 1 << ""
                               << "only numbers";
    QTest::newRow("unterminated quote") << "csv_unterminated.csv" << ErrorCode::BadValue << 2
                                        << "" << "closing quote";
    QTest::newRow("missing") << "csv_does_not_exist.csv" << ErrorCode::FileNotFound << 0 << ""
                             << "";
}

void TestCsv::importBad()
{
    QFETCH(QString, file);
    QFETCH(ErrorCode, code);
    QFETCH(int, line);
    QFETCH(QString, field);
    QFETCH(QString, detail);
    const fs::path path = fixture(file.toUtf8().constData());
    const ErrorInfo info = expectError([&] { importCsv(path); });
    QCOMPARE(errorCodeName(info.code), errorCodeName(code));
    QCOMPARE(info.file, path.string());
    QCOMPARE(int(info.line), line);
    QCOMPARE(QString::fromStdString(info.field), field);
    QVERIFY2(QString::fromStdString(info.detail).contains(detail), info.detail.c_str());
    // what() renders the same context for logs and the CLI.
    QVERIFY(std::string(Error(info).what()).find(path.string()) == 0);
}

void TestCsv::explicitLabelColumn()
{
    CsvOptions options;
    options.labelColumn = "a";
    const Table t = importCsv(fixture("csv_no_label.csv"), options);
    QCOMPARE(t.labelName, std::string("a"));
    QCOMPARE(t.featureNames, (std::vector<std::string>{"b", "c"}));
    QCOMPARE(t.classes, (std::vector<std::string>{"1"}));

    // Without --label the names decide in order label, class, target, y, wherever they stand.
    QTemporaryDir dir;
    const fs::path xy = toPath(dir.path()) / "xy.csv";
    std::ofstream(xy) << "x,y,label\n1,2,p\n3,4,q\n";
    const Table named = importCsv(xy);
    QCOMPARE(named.labelName, std::string("label"));
    QCOMPARE(named.featureNames, (std::vector<std::string>{"x", "y"}));

    options.labelColumn = "zzz";
    const ErrorInfo info =
        expectError([&] { importCsv(fixture("csv_no_label.csv"), options); });
    QCOMPARE(info.code, ErrorCode::NoLabelColumn);
    QCOMPARE(info.field, std::string("zzz"));

    // A forced delimiter overrides the extension: the TSV read as CSV is one odd column.
    options = {};
    options.delimiter = ',';
    QCOMPARE(expectError([&] { importCsv(fixture("csv_good.tsv"), options); }).code,
             ErrorCode::NoLabelColumn);
}

// The importer reads in 1 MiB blocks: a bad row far down still names its own line.
void TestCsv::csvStrayQuoteFarDown_data()
{
    QTest::addColumn<QString>("badRow");
    QTest::addColumn<ErrorCode>("code");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("detail");
    QTest::newRow("quote opening a cell") << "1.5,\"2.5,cat" << ErrorCode::BadValue << ""
        << "expected a closing quote for the field opened on line 80000, found the end";
    QTest::newRow("quote inside a cell") << "1.5,2\"5,cat" << ErrorCode::NotANumber << "b"
                                         << "2\"5";
}

void TestCsv::csvStrayQuoteFarDown()
{
    QFETCH(QString, badRow);
    QFETCH(ErrorCode, code);
    QFETCH(QString, field);
    QFETCH(QString, detail);
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath("stray.csv"));
    {
        std::ofstream out(file, std::ios::binary);
        out << "a,b,label\n";
        for (int line = 2; line <= 200000; ++line)
            out << (line == 80000 ? badRow.toStdString() : std::to_string(line) + ".25,-3,cat")
                << "\n";
    }
    const ErrorInfo info = expectError([&] { importCsv(file); });
    QCOMPARE(errorCodeName(info.code), errorCodeName(code));
    QCOMPARE(info.file, file.string());
    QCOMPARE(info.line, std::int64_t(80000));
    QCOMPARE(QString::fromStdString(info.field), field);
    QVERIFY2(QString::fromStdString(info.detail).contains(detail), info.detail.c_str());
}

// Quoted labels with delimiters and quotes, quoted line breaks (in a left-out note: a class may
// not hold a control character), CRLF, blank lines and a last row without a line end, over
// several read blocks: every row lands, in order, with its own value.
void TestCsv::csvLargeMixedAcrossBlocks()
{
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath("mixed.csv"));
    const int rows = 150000;
    const char* labels[3] = {"plain", "\"with, comma\"", "\"two lines \"\"q\"\"\""};
    {
        std::ofstream out(file, std::ios::binary);
        out << "\xEF\xBB\xBFx,label,y,note\r\n";
        for (int i = 0; i < rows; ++i) {
            out << i << ".5," << labels[i % 3] << "," << (i % 2 ? "\"" : "") << -i
                << (i % 2 ? "\"" : "") << (i % 3 == 2 ? ",\"two\r\nlines\"" : ",n");
            if (i + 1 < rows)
                out << (i % 1000 == 0 ? "\r\n\r\n" : "\r\n");
        }
    }
    CsvOptions options;
    options.skipColumns = {"note"};
    const Table t = importCsv(file, options);
    QCOMPARE(t.rows(), std::size_t(rows));
    QCOMPARE(t.featureNames, (std::vector<std::string>{"x", "y"}));
    QCOMPARE(t.classes, (std::vector<std::string>{"plain", "two lines \"q\"", "with, comma"}));
    const std::int32_t ids[3] = {0, 2, 1};
    for (int i = 0; i < rows; ++i) {
        QCOMPARE(t.features[2 * std::size_t(i)], float(i) + 0.5f);
        QCOMPARE(t.features[2 * std::size_t(i) + 1], float(-i));
        QCOMPARE(t.labels[std::size_t(i)], ids[i % 3]);
    }
}

// A quoted cell is read by the general reader, a plain one by the fast path: both must give
// the same float for the same text (the dataset hash depends on it).
void TestCsv::csvPlainAndQuotedCellsAgree()
{
    const char* cells[] = {"0.1", "-0.0", "3.4028234e38", "1e-45", "123456789012345",
                           "1234567890123456789", "0.30000000000000004", "-7.", ".5", "+2.25",
                           " 8 ", "00012.50", "9.999999999999999", "16777217", "1E5"};
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath("agree.csv"));
    {
        std::ofstream out(file, std::ios::binary);
        out << "plain,quoted,label\n";
        for (const char* c : cells)
            out << c << ",\"" << c << "\",x\n";
    }
    const Table t = importCsv(file);
    QCOMPARE(t.rows(), std::size_t(std::size(cells)));
    for (std::size_t r = 0; r < t.rows(); ++r) {
        float expected = 0;
        std::memcpy(&expected, &t.features[2 * r + 1], 4);
        QVERIFY2(std::memcmp(&t.features[2 * r], &expected, 4) == 0, cells[r]);
        QCOMPARE(double(t.features[2 * r]), double(float(std::strtod(cells[r], nullptr))));
    }
}

// A blank label is a row waiting for one (-1), on either reader; only blanks is refused.
void TestCsv::blankLabelsAreUnlabeledRows()
{
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath("blank.csv"));
    std::ofstream(file) << "a,b,label\n1,2,x\n3,4,\n5,6,\"\"\n7,8, \n9,10,y\n";
    const Table t = importCsv(file);
    QCOMPARE(t.rows(), std::size_t(5));
    QCOMPARE(t.classes, (std::vector<std::string>{"x", "y"}));
    QCOMPARE(t.labels, (std::vector<std::int32_t>{0, -1, -1, -1, 1}));
    QCOMPARE(t.features[2], 3.0f);
    QCOMPARE(assessLabels(t).rows, std::size_t(2));   // the labeled rows

    const fs::path none = toPath(dir.filePath("none.csv"));
    std::ofstream(none) << "a,label\n1,\n2,\n";
    const ErrorInfo info = expectError([&] { importCsv(none); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.field, std::string("label"));
}

// Left-out columns hold any text and are not features; with a report, rows the import cannot
// read are listed with their line and reason instead of failing it.
void TestCsv::skippedColumnsAndReportedRows()
{
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath("roles.csv"));
    std::ofstream(file) << "id,x,note,y2,class\nr1,1.5,hello,7,a\nr2,2.5,,8,b\n"
                           "r3,abc,n,9,a\nr4,4.5,n\nr5,5.5,\"q, x\",10,\n";
    CsvOptions options;
    options.skipColumns = {"id", "NOTE"};
    QCOMPARE(expectError([&] { importCsv(file, options); }).code, ErrorCode::NotANumber);

    CsvReport report;
    options.report = &report;
    const Table t = importCsv(file, options);
    QCOMPARE(t.featureNames, (std::vector<std::string>{"x", "y2"}));
    QCOMPARE(t.labelName, std::string("class"));
    QCOMPARE(t.rows(), std::size_t(3));
    QCOMPARE(t.features, (std::vector<float>{1.5f, 7, 2.5f, 8, 5.5f, 10}));
    QCOMPARE(t.labels, (std::vector<std::int32_t>{0, 1, -1}));
    QCOMPARE(report.skippedCount, std::size_t(2));
    QCOMPARE(report.skipped.at(0).code, ErrorCode::NotANumber);
    QCOMPARE(report.skipped.at(0).line, std::int64_t(4));
    QCOMPARE(report.skipped.at(0).field, std::string("x"));
    QCOMPARE(report.skipped.at(1).code, ErrorCode::RaggedRow);
    QCOMPARE(report.skipped.at(1).line, std::int64_t(5));

    options.skipColumns = {"class"};
    QCOMPARE(expectError([&] { importCsv(file, options); }).code, ErrorCode::InvalidArgument);
    options.skipColumns = {"nope"};
    QCOMPARE(expectError([&] { importCsv(file, options); }).field, std::string("nope"));
}

void TestCsv::previewReadsOnlyTheFirstRows()
{
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath("big.tsv"));
    {
        std::ofstream out(file, std::ios::binary);
        out << "\xEF\xBB\xBF id \tx\tempty\tlabel\n";
        for (int i = 0; i < 100000; ++i)
            out << "r" << i << "\t" << i << ".5\t\t" << (i % 3 ? "cat" : "") << "\n";
    }
    const CsvPreview p = previewCsv(file, 50);
    QCOMPARE(p.delimiter, '\t');
    QCOMPARE(p.header, (std::vector<std::string>{"id", "x", "empty", "label"}));
    QCOMPARE(p.rows.size(), std::size_t(50));
    QCOMPARE(p.lines.at(49), std::int64_t(51));
    QVERIFY(!p.wholeFile);
    QCOMPARE(p.kind(0), ColumnKind::Text);
    QCOMPARE(p.kind(1), ColumnKind::Number);
    QCOMPARE(p.kind(2), ColumnKind::Empty);
    QCOMPARE(p.kind(3), ColumnKind::Text);
    QCOMPARE(namedLabelColumn(p.header), std::size_t(3));
    QCOMPARE(namedLabelColumn({"a", "b"}), std::string::npos);

    // Rows the import would refuse are shown as written; an unclosed quote ends the preview.
    const fs::path odd = toPath(dir.filePath("odd.csv"));
    std::ofstream(odd) << "a,b\n1\n2,3,4\n5,\"open\n";
    const CsvPreview q = previewCsv(odd, 50);
    QCOMPARE(q.rows.size(), std::size_t(2));
    QCOMPARE(q.rows.at(1).size(), std::size_t(3));
    QCOMPARE(expectError([&] { previewCsv(toPath(dir.filePath("missing.csv")), 5); }).code,
             ErrorCode::FileNotFound);
}

// 200,000 columns: each name is checked against the others once (a search of the names before
// each one took 20 s at 100,000 and would have taken hours near the line limit), and a
// duplicate far down the header is still found, after trimming, with its name.
void TestCsv::wideHeaderNamesAreCheckedOnce()
{
    QTemporaryDir dir;
    const int columns = 200000;
    const auto write = [&](const char* name, const std::string& last) {
        const fs::path file = toPath(dir.filePath(QString::fromLatin1(name)));
        std::ofstream out(file, std::ios::binary);
        for (int c = 0; c < columns; ++c)
            out << 'c' << c << ',';
        out << last << ",label\n";
        for (int r = 0; r < 2; ++r) {
            for (int c = 0; c <= columns; ++c)
                out << (c + r) % 10 << ',';
            out << (r ? "a" : "b") << '\n';
        }
        return file;
    };
    const Table t = importCsv(write("wide.csv", "extra"));
    QCOMPARE(t.featureNames.size(), std::size_t(columns) + 1);
    QCOMPARE(t.featureNames.back(), std::string("extra"));
    QCOMPARE(t.rows(), std::size_t(2));
    QCOMPARE(t.features[std::size_t(columns)], 0.0f);   // row 0, column "extra": 200000 % 10

    const ErrorInfo info = expectError([&] { importCsv(write("dup.csv", " c7 ")); });
    QCOMPARE(info.code, ErrorCode::NoHeader);
    QCOMPARE(info.line, std::int64_t(1));
    QCOMPARE(info.field, std::string("c7"));
    QVERIFY2(info.detail.find("\"c7\" twice") != std::string::npos, info.detail.c_str());
}

// A Latin-1 file (common from spreadsheets) is refused where the first non-UTF-8 name is, with
// the byte, instead of a JSON library's "incomplete UTF-8 string" with no file or line. UTF-8
// names, multi-byte ones included, import as they are.
void TestCsv::textThatIsNotUtf8IsNamed()
{
    QTemporaryDir dir;
    const auto write = [&](const char* name, const char* text) {
        const fs::path file = toPath(dir.filePath(QString::fromLatin1(name)));
        std::ofstream(file, std::ios::binary) << text;
        return file;
    };
    const Table good = importCsv(write("utf8.csv", "pr\xc3\xa9is,label\n1,caf\xc3\xa9\n2,th\xc3\xa9\n3,\xe2\x82\xac\n"));
    QCOMPARE(good.classes, (std::vector<std::string>{"caf\xc3\xa9", "th\xc3\xa9", "\xe2\x82\xac"}));
    QCOMPARE(good.featureNames, std::vector<std::string>{"pr\xc3\xa9is"});

    const fs::path latin1 = write("latin1.csv", "price,label\n1,ok\n2,caf\xe9\n3,th\xe9\n");
    ErrorInfo info = expectError([&] { importCsv(latin1); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.line, std::int64_t(3));
    QCOMPARE(info.field, std::string("label"));
    QVERIFY2(info.detail.find("byte 0xE9 at position 4") != std::string::npos, info.detail.c_str());
    QVERIFY2(info.detail.find("UTF-8") != std::string::npos, info.detail.c_str());

    info = expectError([&] { importCsv(write("header.csv", "pr\xe9is,label\n1,a\n2,b\n")); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.line, std::int64_t(1));
    QVERIFY2(info.detail.find("column 1") != std::string::npos, info.detail.c_str());

    // Overlong forms, surrogates and a sequence cut short are not UTF-8 either.
    for (const char* bad : {"\xc0\xaf", "\xed\xa0\x80", "\xe2\x82", "\xf4\x90\x80\x80"}) {
        const std::string text = std::string("x,label\n1,a") + bad + "\n2,b\n";
        const ErrorInfo e = expectError([&] { importCsv(write("bad.csv", text.c_str())); });
        QCOMPARE(e.code, ErrorCode::BadValue);
        QCOMPARE(e.line, std::int64_t(2));
    }

    // Asked for a report, the row is left out and listed; the rest import.
    CsvReport report;
    CsvOptions options;
    options.report = &report;
    const Table kept = importCsv(latin1, options);
    QCOMPARE(kept.rows(), std::size_t(1));
    QCOMPARE(kept.classes, std::vector<std::string>{"ok"});
    QCOMPARE(report.skippedCount, std::int64_t(2));
}

// A text column taken for the label (a 2,000,000-character "class") once imported, trained and
// made log lines the monitor could not read: a class name is capped, at its line.
void TestCsv::longClassNamesAreRefused()
{
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath(QStringLiteral("long.csv")));
    const std::string longest(kMaxClassNameBytes, 'a');
    std::ofstream(file, std::ios::binary)
        << "x,label\n1," << longest << "\n2,b\n3," << longest << "b\n4,b\n";
    ErrorInfo info = expectError([&] { importCsv(file); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.line, std::int64_t(4));
    QCOMPARE(info.field, std::string("label"));
    QVERIFY2(info.detail.find("256 bytes long; a class name is at most 255 bytes") != std::string::npos,
             info.detail.c_str());
    // The longest allowed name imports.
    std::ofstream(file, std::ios::binary) << "x,label\n1," << longest << "\n2,b\n";
    QCOMPARE(importCsv(file).classes.front(), longest);
}

// --task regression on a text column was accepted and refused only at training; asked for
// numbers, the import names the first value that is not one, at its line.
void TestCsv::regressionLabelsMustBeNumbers()
{
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath(QStringLiteral("species.csv")));
    std::ofstream(file, std::ios::binary) << "x,species\n1,2.5\n2,-1e3\n3,setosa\n4,inf\n";
    CsvOptions numeric;
    numeric.numericLabels = true;
    numeric.labelColumn = "species";
    ErrorInfo info = expectError([&] { importCsv(file, numeric); });
    QCOMPARE(info.code, ErrorCode::BadValue);
    QCOMPARE(info.line, std::int64_t(4));
    QCOMPARE(info.field, std::string("species"));
    QVERIFY2(info.detail.find("expected a number") != std::string::npos
                 && info.detail.find("\"setosa\"") != std::string::npos,
             info.detail.c_str());
    // Infinity is not a target either (training would refuse it).
    numeric.labelColumn.clear();
    std::ofstream(file, std::ios::binary) << "x,y\n1,2.5\n2,inf\n";
    QCOMPARE(expectError([&] { importCsv(file, numeric); }).line, std::int64_t(3));
    // Numbers import; without the option text stays a class.
    std::ofstream(file, std::ios::binary) << "x,y\n1,2.5\n2,-1e3\n3,7\n";
    QCOMPARE(importCsv(file, numeric).rows(), std::size_t(3));
    std::ofstream(file, std::ios::binary) << "x,y\n1,a\n2,b\n";
    QCOMPARE(importCsv(file).classes.size(), std::size_t(2));
}

// 1e39 (not a float32) and "0x10" (strtod's 16) were imported as targets, and training then
// failed cryptically or learned 16: targets follow the feature cells' rule, named by line.
void TestCsv::regressionTargetsAreDecimalFloat32()
{
    QTemporaryDir dir;
    const fs::path file = toPath(dir.filePath(QStringLiteral("t.csv")));
    CsvOptions numeric;
    numeric.numericLabels = true;
    const struct {
        const char* target;
        const char* why;
    } refused[] = {{"1e39", "a target must be a float32, at most 3.4e38 in magnitude"},
                   {"-3.5e38", "a target must be a float32, at most 3.4e38 in magnitude"},
                   {"0x10", "a target is a plain decimal number (no hex, inf or nan)"},
                   {"nan", "a target is a plain decimal number (no hex, inf or nan)"}};
    for (const auto& r : refused) {
        std::ofstream(file, std::ios::binary) << "x,y\n1,2.5\n2," << r.target << "\n3,1\n";
        const ErrorInfo info = expectError([&] { importCsv(file, numeric); });
        QCOMPARE(info.line, std::int64_t(3));
        QVERIFY2(info.detail.find(std::string("found \"") + r.target + "\"; " + r.why) != std::string::npos,
                 info.detail.c_str());
    }
    // A class is a folder name of the ImageFolder export: a line break in one is refused.
    std::ofstream(file, std::ios::binary) << "x,y\n1,a\n2,\"two\nlines\"\n";
    const ErrorInfo info = expectError([&] { importCsv(file); });
    QCOMPARE(info.line, std::int64_t(3));
    QVERIFY2(info.detail.find("control character 0x0A at position 3") != std::string::npos, info.detail.c_str());
    // float32's own extremes and a leading '+' are numbers, as in a feature cell.
    std::ofstream(file, std::ios::binary) << "x,y\n1,3e38\n2,-3.4e38\n3,+1.5\n4,1e-50\n";
    const Table t = importCsv(file, numeric);
    QCOMPARE(t.rows(), std::size_t(4));
}

QTEST_GUILESS_MAIN(TestCsv)
#include "test_csv.moc"
