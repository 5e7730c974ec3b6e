// `flightdeck-cli data ...` end to end on the real binary: IDX and image folder import with the
// fixed split and skip report, versions, label CSV out and in (unknown samples named), commit,
// diff, the ImageFolder export, and `import --task`.
#include "common/CliRunner.h"
#include "data/ImageFixtures.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

#include <unistd.h>

#include <filesystem>

using namespace flightdeck::testing;

class TestCliData : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;
    QString project_;

    std::string path(const char* name) const { return dir_.filePath(QString::fromLatin1(name)).toStdString(); }

private Q_SLOTS:
    void initTestCase()
    {
        project_ = dir_.filePath(QStringLiteral("p"));
        CLI_OK(runCli({QStringLiteral("init"), project_}));
    }

    void idxKeepsItsTestPart()
    {
        writeIdxPair(path("idx"), "train", 40, 4, 4, true);
        writeIdxPair(path("idx"), "t10k", 10, 4, 4, true);
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("import-idx"), project_,
                                    dir_.filePath(QStringLiteral("idx"))});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("imported 50 images (4x4, 10 classes) from train t10k")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("dataset version 1 (")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("test 10")), qPrintable(r.out));
        const CliResult bad = runCli({QStringLiteral("data"), QStringLiteral("import-idx"), project_,
                                      dir_.filePath(QStringLiteral("nothing"))});
        QCOMPARE(bad.exitCode, 2);
        QVERIFY2(bad.err.contains(QLatin1String("nothing")), qPrintable(bad.err));
    }

    void imagesLabelsCommitAndDiff()
    {
        for (int i = 0; i < 6; ++i)
            writePng(path("pets") + (i < 3 ? "/cat/" : "/dog/") + std::to_string(i) + ".png", 6, 6, 3, i * 11);
        writeBytes(path("pets") + "/dog/broken.png", "not a png");
        const QString pets = dir_.filePath(QStringLiteral("pets"));
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("import-images"), project_, pets});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("imported 6 images from")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("2 classes from folder names")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("skipped 1 file(s)"))
                     && r.err.contains(QLatin1String("dog/broken.png: not a PNG")),
                 qPrintable(r.err));

        const QString csv = dir_.filePath(QStringLiteral("labels.csv"));
        CLI_OK(runCli({QStringLiteral("data"), QStringLiteral("export-labels"), project_,
                       QStringLiteral("--version"), QStringLiteral("2"), QStringLiteral("--out"), csv}));
        writeText(csv, "sample,label\ncat/0.png,dog\nghost.png,cat\n");
        const CliResult in = runCli({QStringLiteral("data"), QStringLiteral("import-labels"), project_,
                                     QStringLiteral("--version"), QStringLiteral("2"), csv});
        CLI_OK(in);
        QVERIFY2(in.out.contains(QLatin1String("applied 1 label change(s)")), qPrintable(in.out));
        QVERIFY2(in.err.contains(QLatin1String(":3: ghost.png")), qPrintable(in.err));
        const CliResult versions = runCli({QStringLiteral("data"), QStringLiteral("versions"), project_});
        QVERIFY2(versions.out.contains(QLatin1String("1 label edit(s) not committed")), qPrintable(versions.out));

        const CliResult c = runCli({QStringLiteral("data"), QStringLiteral("commit"), project_,
                                    QStringLiteral("--version"), QStringLiteral("2"), QStringLiteral("-m"),
                                    QStringLiteral("cat/0 is a dog")});
        CLI_OK(c);
        QVERIFY2(c.out.contains(QLatin1String("dataset version 3")), qPrintable(c.out));
        const CliResult d = runCli({QStringLiteral("data"), QStringLiteral("diff"), project_,
                                    QStringLiteral("2"), QStringLiteral("3")});
        CLI_OK(d);
        QVERIFY2(d.out.contains(QLatin1String("0 added, 0 removed, 1 relabeled, 5 unchanged"))
                     && d.out.contains(QLatin1String("cat/0.png: cat -> dog")),
                 qPrintable(d.out));
        const CliResult tree = runCli({QStringLiteral("data"), QStringLiteral("export-labels"), project_,
                                       QStringLiteral("--version"), QStringLiteral("3"),
                                       QStringLiteral("--folder"), dir_.filePath(QStringLiteral("tree"))});
        CLI_OK(tree);
        QVERIFY(QFile::exists(dir_.filePath(QStringLiteral("tree/dog/cat_0.png"))));
        QVERIFY(QFile::exists(dir_.filePath(QStringLiteral("tree/cat/1.png"))));
    }

    void taskOverride()
    {
        QByteArray text = "x,target\n";
        for (int i = 0; i < 100; ++i)
            text += QByteArray::number(i) + ',' + QByteArray::number(i * 0.37, 'f', 2) + '\n';
        const QString file = dir_.filePath(QStringLiteral("reg.csv"));
        writeText(file, text);
        const CliResult detected = runCli({QStringLiteral("import"), project_, file});
        CLI_OK(detected);
        QVERIFY2(detected.out.contains(QLatin1String("task table_regression (detected)")), qPrintable(detected.out));
        const CliResult forced = runCli({QStringLiteral("import"), project_, file, QStringLiteral("--name"),
                                         QStringLiteral("c"), QStringLiteral("--task"),
                                         QStringLiteral("classification")});
        CLI_OK(forced);
        QVERIFY2(forced.out.contains(QLatin1String("task table_classification ->")), qPrintable(forced.out));
        const CliResult typo = runCli({QStringLiteral("import"), project_, file, QStringLiteral("--task"),
                                       QStringLiteral("regresion")});
        QCOMPARE(typo.exitCode, 2);
        QVERIFY2(typo.err.contains(QLatin1String("expected classification, regression or image")),
                 qPrintable(typo.err));
    }

    // A blank label is an unlabeled row, said in the summary; the same content again is named.
    void blankLabelsAndReimport()
    {
        const QString file = dir_.filePath(QStringLiteral("blank.csv"));
        writeText(file, "a,b,label\n1,2,x\n3,4,\n5,6,y\n7,8,x\n9,1,\n");
        const CliResult first = runCli({QStringLiteral("import"), project_, file, QStringLiteral("--name"),
                                        QStringLiteral("blank")});
        CLI_OK(first);
        QVERIFY2(first.out.contains(QLatin1String(": 5 rows (2 unlabeled), 2 features, 2 classes")), qPrintable(first.out));
        QVERIFY2(!first.out.contains(QLatin1String("already imported")), qPrintable(first.out));
        const CliResult again = runCli({QStringLiteral("import"), project_, file, QStringLiteral("--name"),
                                        QStringLiteral("blank")});
        CLI_OK(again);
        QVERIFY2(again.out.contains(QLatin1String("already imported: this content is version")), qPrintable(again.out));
        // Under another name it is a new version of another dataset, and said so.
        const CliResult renamed = runCli({QStringLiteral("import"), project_, file, QStringLiteral("--name"),
                                          QStringLiteral("blank-copy")});
        CLI_OK(renamed);
        QVERIFY2(!renamed.out.contains(QLatin1String("already imported")), qPrintable(renamed.out));
        QVERIFY2(renamed.out.contains(QLatin1String("the same content is also version")), qPrintable(renamed.out));
    }

    // IDX: the classes present are counted (labels 0..2 said "10 classes"), a folder without
    // t10k files warns that the split's test part is empty, and a header count smaller than
    // the data is refused with both counts instead of importing 10 of 60 images.
    void idxCountsAndClasses()
    {
        writeIdxPair(path("idx3"), "train", 30, 4, 4, false);
        std::string labels = std::string("\0\0\x08\x01", 4) + be32(30);
        for (int i = 0; i < 30; ++i)
            labels.push_back(static_cast<char>(i % 3));
        writeBytes(path("idx3") + "/train-labels-idx1-ubyte", labels);
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("import-idx"), project_,
                                    dir_.filePath(QStringLiteral("idx3"))});
        CLI_OK(r);
        QVERIFY2(r.out.contains(QLatin1String("imported 30 images (4x4, 3 classes) from train")),
                 qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("warning: the test part of split"))
                     && r.err.contains(QLatin1String("no t10k (test) pair")),
                 qPrintable(r.err));

        // Only the t10k pair: stored, no split, and said so (the split failed with "no labeled
        // rows to split" after the version was stored).
        writeIdxPair(path("t10k-only"), "t10k", 12, 4, 4, true);
        const CliResult testOnly = runCli({QStringLiteral("data"), QStringLiteral("import-idx"),
                                           project_, dir_.filePath(QStringLiteral("t10k-only"))});
        CLI_OK(testOnly);
        QVERIFY2(testOnly.out.contains(QLatin1String("imported 12 images")) && !testOnly.out.contains(QLatin1String("split ")),
                 qPrintable(testOnly.out));
        QVERIFY2(testOnly.err.contains(QLatin1String("only test (t10k) files were found")), qPrintable(testOnly.err));

        std::string images = std::string("\0\0\x08\x03", 4) + be32(10) + be32(4) + be32(4)
                             + std::string(60 * 16, '\x07');
        writeBytes(path("less") + "/train-images-idx3-ubyte", images);
        writeBytes(path("less") + "/train-labels-idx1-ubyte",
                   std::string("\0\0\x08\x01", 4) + be32(10) + std::string(10, '\x01'));
        const CliResult less = runCli({QStringLiteral("data"), QStringLiteral("import-idx"), project_,
                                       dir_.filePath(QStringLiteral("less"))});
        QCOMPARE(less.exitCode, 2);
        QVERIFY2(less.out.isEmpty(), qPrintable(less.out));
        QVERIFY2(less.err.contains(QLatin1String("train-images-idx3-ubyte: bad value (the header "
                                                 "declares 10 images of 4x4, the file holds 800 more bytes (50 "
                                                 "more images) after them")),
                 qPrintable(less.err));
    }

    // Names that cannot be class names are refused where they are, never as a JSON library's
    // exception: an image folder's subfolder, a label file's line (then `data commit` has
    // nothing to trip on).
    void classNamesThatAreNotUtf8()
    {
        writePng(path("enc") + "/cat/0.png", 4, 4, 1, 0);
        writePng(path("enc") + "/bad\xffname/1.png", 4, 4, 1, 5);
        const CliResult folder = runCli({QStringLiteral("data"), QStringLiteral("import-images"),
                                         project_, dir_.filePath(QStringLiteral("enc"))});
        QCOMPARE(folder.exitCode, 2);
        QVERIFY2(folder.err.contains(QLatin1String("the folder's name is its images' class name, and "
                                                   "it is not UTF-8 text (byte 0xFF at position 4)")),
                 qPrintable(folder.err));
        QVERIFY2(!folder.err.contains(QLatin1String("json")), qPrintable(folder.err));

        std::filesystem::remove_all(path("enc") + "/bad\xffname");
        writePng(path("enc") + "/dog/1.png", 4, 4, 1, 5);
        const CliResult ok = runCli({QStringLiteral("data"), QStringLiteral("import-images"), project_,
                                     dir_.filePath(QStringLiteral("enc")), QStringLiteral("--name"),
                                     QStringLiteral("enc")});
        CLI_OK(ok);
        const QString version = versionIn(ok.out);
        const QString csv = dir_.filePath(QStringLiteral("latin1.csv"));
        writeText(csv, "sample,label\ncat/0.png,dog\ndog/1.png,caf\xe9\n");
        const CliResult in = runCli({QStringLiteral("data"), QStringLiteral("import-labels"), project_,
                                     QStringLiteral("--version"), version, csv});
        QCOMPARE(in.exitCode, 2);
        QVERIFY2(in.err.contains(QLatin1String("latin1.csv:3: \"label\": bad value (the label is not "
                                               "UTF-8 text (byte 0xE9 at position 4)")),
                 qPrintable(in.err));
        const CliResult commit = runCli({QStringLiteral("data"), QStringLiteral("commit"), project_,
                                         QStringLiteral("--version"), version, QStringLiteral("-m"),
                                         QStringLiteral("none")});
        QCOMPARE(commit.exitCode, 1);
        QVERIFY2(commit.out.contains(QLatin1String("nothing to commit")), qPrintable(commit.out));
    }

    // A CSV label of 2,000,000 characters imported, trained and made unreadable log lines.
    void longClassNamesAreRefused()
    {
        const QString file = dir_.filePath(QStringLiteral("longlabel.csv"));
        writeText(file, "x,label\n1,a\n2," + QByteArray(2'000'000, 'z') + "\n3,a\n");
        const CliResult r = runCli({QStringLiteral("import"), project_, file});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("longlabel.csv:3: \"label\": bad value (the label is "
                                              "2000000 bytes long; a class name is at most 255 bytes")),
                 qPrintable(r.err.left(400)));
        QVERIFY(r.err.size() < 2000);   // the name itself is not echoed
    }

    // 26 images at --size 8192x8192 ran for a minute toward 5.2 GB and ended in a bare
    // std::bad_alloc: the need is weighed against the machine's memory before decoding. The
    // image count is chosen from this machine's memory so the refusal is certain anywhere.
    void sizeBeyondMemoryIsRefusedUpFront()
    {
        const double memory = double(sysconf(_SC_PHYS_PAGES)) * double(sysconf(_SC_PAGESIZE));
        const double perImage = 3.0 * 8192 * 8192;
        const int n = int(memory / 5 / perImage) + 2;
        for (int i = 0; i < n; ++i)
            writePng(path("huge") + (i % 2 ? "/cat/" : "/dog/") + std::to_string(i) + ".png", 2, 2, 3, i);
        QElapsedTimer t;
        t.start();
        const CliResult r = runCli({QStringLiteral("data"), QStringLiteral("import-images"), project_,
                                    dir_.filePath(QStringLiteral("huge")), QStringLiteral("--size"),
                                    QStringLiteral("8192x8192")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("this needs ")) && r.err.contains(QLatin1String(" GB of pixels ("))
                     && r.err.contains(QString::number(n) + QLatin1String(" images of 3x8192x8192"))
                     && r.err.contains(QLatin1String("the machine has ")),
                 qPrintable(r.err));
        QVERIFY2(t.elapsed() < 20000, "refused before decoding");
    }

    // --task regression on text labels was accepted and refused only at train.
    void regressionOnTextIsRefusedAtImport()
    {
        const QString file = dir_.filePath(QStringLiteral("species.csv"));
        writeText(file, "a,b,species\n1,2,3.5\n3,4,setosa\n5,6,4\n");
        const CliResult r = runCli({QStringLiteral("import"), project_, file, QStringLiteral("--label"),
                                    QStringLiteral("species"), QStringLiteral("--task"),
                                    QStringLiteral("regression")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(QLatin1String("species.csv:3: \"species\": bad value (expected a number "
                                              "(the label of a regression target), found \"setosa\"")),
                 qPrintable(r.err));
        QVERIFY2(r.out.isEmpty(), qPrintable(r.out));
    }

    // Small things users see: a failed export prints no "wrote "; a second commit of the same
    // labels says "nothing to commit" with status 1 (as git does) instead of naming the old
    // version again; an empty train part is warned about like an empty val part; binary bytes
    // in a message are escaped; a truncated PNG is called truncated.
    void messagesSayWhatHappened()
    {
        const CliResult missing = runCli({QStringLiteral("data"), QStringLiteral("export-labels"),
                                          project_, QStringLiteral("--version"), QStringLiteral("99"),
                                          QStringLiteral("--out"), dir_.filePath(QStringLiteral("x.csv"))});
        QCOMPARE(missing.exitCode, 2);
        QVERIFY2(missing.out.isEmpty(), qPrintable(missing.out));

        for (int i = 0; i < 4; ++i)
            writePng(path("two") + (i < 2 ? "/a/" : "/b/") + std::to_string(i) + ".png", 4, 4, 1, i * 40);
        writeBytes(path("two") + "/b/cut.png", readBytes(path("two") + "/a/0.png").substr(0, 45));
        const CliResult imported = runCli({QStringLiteral("data"), QStringLiteral("import-images"),
                                           project_, dir_.filePath(QStringLiteral("two"))});
        CLI_OK(imported);
        QVERIFY2(imported.err.contains(QLatin1String("b/cut.png: cannot decode the image: the file is "
                                                     "truncated or corrupt")),
                 qPrintable(imported.err));
        const QString version = versionIn(imported.out);
        writeBytes(path("full") + "/keep.txt", "mine");
        const CliResult full = runCli({QStringLiteral("data"), QStringLiteral("export-labels"), project_,
                                       QStringLiteral("--version"), version, QStringLiteral("--folder"),
                                       dir_.filePath(QStringLiteral("full"))});
        QCOMPARE(full.exitCode, 2);
        QVERIFY2(full.out.isEmpty(), qPrintable(full.out));

        const QString csv = dir_.filePath(QStringLiteral("relabel.csv"));
        writeText(csv, "sample,label\na/0.png,b\n");
        CLI_OK(runCli({QStringLiteral("data"), QStringLiteral("import-labels"), project_,
                       QStringLiteral("--version"), version, csv}));
        const QStringList commit = {QStringLiteral("data"), QStringLiteral("commit"), project_,
                                    QStringLiteral("--version"), version, QStringLiteral("-m")};
        const CliResult first = runCli(commit + QStringList{QStringLiteral("a/0 is b")});
        CLI_OK(first);
        const QString made = versionIn(first.out);
        const CliResult again = runCli(commit + QStringList{QStringLiteral("once more")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.out.contains(QLatin1String("nothing to commit: the labels of version ") + version
                                    + QLatin1String(" were committed before as version ") + made
                                    + QLatin1String(" (\"a/0 is b\")")),
                 qPrintable(again.out));

        const CliResult split = runCli({QStringLiteral("split"), project_, QStringLiteral("--version"),
                                        version, QStringLiteral("--train"), QStringLiteral("0"),
                                        QStringLiteral("--val"), QStringLiteral("0"),
                                        QStringLiteral("--test"), QStringLiteral("1")});
        CLI_OK(split);
        QVERIFY2(split.err.contains(QLatin1String("warning: the train part of split"))
                     && split.err.contains(QLatin1String("nothing to train on")),
                 qPrintable(split.err));

        QByteArray binary;
        for (int i = 0; i < 4096; ++i)
            binary.append(char((i * 7919 + 13) % 251 + (i % 5 == 0 ? 0 : 3)));
        const QString noise = dir_.filePath(QStringLiteral("noise.csv"));
        writeText(noise, binary);
        QProcess p;
        p.start(cliPath(), {QStringLiteral("import"), project_, noise});
        QVERIFY(p.waitForFinished(60000));
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError();
        QVERIFY2(QString::fromUtf8(err).toUtf8() == err, "stderr is UTF-8 text");
        for (const char c : err)
            QVERIFY2(static_cast<unsigned char>(c) >= 0x20 || c == '\n', err.constData());
    }

    // Two commits of the same labels at once both said "committed ... -> dataset version N" and
    // exited 0: the one that did not make the version now says so, with status 1.
    void concurrentCommitsMakeOneVersion()
    {
        for (int i = 0; i < 4; ++i)
            writePng(path("race") + (i < 2 ? "/a/" : "/b/") + std::to_string(i) + ".png", 4, 4, 1, i * 30);
        const CliResult imported = runCli({QStringLiteral("data"), QStringLiteral("import-images"),
                                           project_, dir_.filePath(QStringLiteral("race"))});
        CLI_OK(imported);
        const QString version = versionIn(imported.out), csv = dir_.filePath(QStringLiteral("race.csv"));
        for (int round = 0; round < 2; ++round) {   // rows a/0 and a/1 become "b"
            writeText(csv, "sample,label\na/" + QByteArray::number(round) + ".png,b\n");
            CLI_OK(runCli({QStringLiteral("data"), QStringLiteral("import-labels"), project_,
                           QStringLiteral("--version"), version, csv}));
            QProcess p[2];
            for (int k = 0; k < 2; ++k)
                p[k].start(cliPath(), {QStringLiteral("data"), QStringLiteral("commit"), project_,
                                       QStringLiteral("--version"), version, QStringLiteral("-m"),
                                       k ? QStringLiteral("B") : QStringLiteral("A")});
            QVERIFY(p[0].waitForFinished(60000) && p[1].waitForFinished(60000));
            const QString out[2] = {QString::fromUtf8(p[0].readAllStandardOutput()),
                                    QString::fromUtf8(p[1].readAllStandardOutput())};
            QVERIFY2(p[0].exitCode() + p[1].exitCode() == 1, qPrintable(out[0] + out[1]));
            const int won = p[0].exitCode() == 0 ? 0 : 1;
            const QString made = versionIn(out[won]);
            QVERIFY2(out[1 - won].contains(QLatin1String("were committed before as version ") + made
                                           + QLatin1String(won ? " (\"B\")" : " (\"A\")")),
                     qPrintable(out[1 - won]));
        }
        // Ids from 1, as train checks them; the --size limit is said.
        const CliResult negative = runCli({QStringLiteral("data"), QStringLiteral("commit"), project_,
                                           QStringLiteral("--version"), QStringLiteral("-1"),
                                           QStringLiteral("-m"), QStringLiteral("x")});
        QCOMPARE(negative.exitCode, 105);
        QVERIFY2(negative.err.contains(QLatin1String("expected a dataset version id (a whole number from 1)")),
                 qPrintable(negative.err));
        const CliResult size = runCli({QStringLiteral("data"), QStringLiteral("import-images"), project_,
                                       dir_.filePath(QStringLiteral("race")), QStringLiteral("--size"),
                                       QStringLiteral("8193x8193")});
        QCOMPARE(size.exitCode, 2);
        QVERIFY2(size.err.contains(QLatin1String("each side from 1 to 8192, got \"8193x8193\"")), qPrintable(size.err));
    }

private:
    static QString versionIn(const QString& out)
    {
        const int at = out.lastIndexOf(QLatin1String("dataset version "));
        return at < 0 ? QString() : out.mid(at + 16).section(QLatin1Char(' '), 0, 0);
    }
};

QTEST_GUILESS_MAIN(TestCliData)
#include "test_cli_data.moc"
