// The workbench meets a damaged project.db (issue 13): the quick_check it runs in the
// background after opening finds the damage, the project is reopened read-only and a dialog
// says why; nothing is written to the file.
#include "common/ProjectSession.h"
#include "mainwindow/MainWindow.h"

#include "flightdeck/data/DatasetCatalog.h"
#include "flightdeck/store/Project.h"

#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

class TestGuiDamage : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("FlightdeckTest"));
        QCoreApplication::setApplicationName(QStringLiteral("test_gui_damage"));
        QSettings().clear();
    }

    void damageFoundInTheBackgroundMakesTheProjectReadOnly()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("p"));
        {
            auto project = flightdeck::store::Project::create(folder.toStdString());
            flightdeck::data::Table table;
            table.labelName = "y";
            table.featureNames = {"x"};
            table.classes = {"a", "b"};
            for (int i = 0; i < 3000; ++i) {
                table.features.push_back(static_cast<float>(i));
                table.labels.push_back(i % 2);
            }
            flightdeck::data::DatasetCatalog(project).addVersion("t", table, "t.csv");
        }
        const QString db = folder + QStringLiteral("/project.db");
        QFile file(db);
        QVERIFY(file.open(QIODevice::ReadWrite));
        QVERIFY(file.size() > 4096 * 8);
        file.seek(4096 * 5);
        file.write(QByteArray(4096 * 2, '\xff'));
        file.close();

        flightdeck::ui::MainWindow window;
        window.show();
        QVERIFY(window.openProject(folder));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(db + QStringLiteral(".damaged")), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(window.session()->project().readOnly(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            window.findChild<QMessageBox*>(QStringLiteral("errorMessageBox")) != nullptr, 30000);
        QVERIFY(!window.session()->project().damage().empty());
    }
};

QTEST_MAIN(TestGuiDamage)
#include "test_gui_damage.moc"
