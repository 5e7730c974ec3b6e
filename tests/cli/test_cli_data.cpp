// `flightdeck-cli data ...` end to end on the real binary: IDX and image folder import with the
// fixed split and skip report, versions, label CSV out and in (unknown samples named), commit,
// diff, the ImageFolder export, and `import --task`.
#include "common/CliRunner.h"
#include "data/ImageFixtures.h"

#include <QTemporaryDir>
#include <QtTest>

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
};

QTEST_GUILESS_MAIN(TestCliData)
#include "test_cli_data.moc"
