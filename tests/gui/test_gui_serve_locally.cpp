// "Serve locally" in the Export panel: the real flightdeck-serve started on the selected
// bundle, answering on the address the panel shows, its log (the one handed to Monitoring)
// holding the request; Stop ends it; a tampered bundle is refused and the panel says why.
#include "common/ExportedModels.h"
#include "common/ProjectSession.h"
#include "common/TaskRunner.h"
#include "export/ExportPanel.h"
#include "export/LocalServer.h"
#include "export/RegistryView.h"

#include <httplib.h>

#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace flightdeck;
using namespace flightdeck::ui;

class TestGuiServeLocally : public QObject {
    Q_OBJECT
    QTemporaryDir dir_;

private Q_SLOTS:
    void initTestCase() { qputenv("FLIGHTDECK_SERVE", FLIGHTDECK_SERVE); }

    void servesTheSelectedBundle()
    {
        const QString folder = dir_.filePath("p");
        std::vector<std::filesystem::path> bundles;
        {
            auto project = store::Project::create(folder.toStdString());
            bundles = testing::exportVersions(project, "blobs", 1);
        }
        ProjectSession session;
        TaskRunner runner(&session);
        QString error;
        QVERIFY2(session.openProject(folder, false, &error), qPrintable(error));
        ExportPanel panel(&session, &runner);
        panel.resize(1366, 768);
        panel.show();
        LocalServer* server = panel.localServer();
        server->setBundle(QString::fromStdString(bundles[0].string()), dir_.filePath("p/logs"));
        auto* button = server->findChild<QPushButton*>("serveLocallyButton");
        QVERIFY(button && button->isEnabled());

        QSignalSpy started(server, &LocalServer::servingStarted);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(started.count(), 1, 60000);
        const QString url = started.at(0).at(0).toString();
        const QString log = started.at(0).at(1).toString();
        QVERIFY2(url.startsWith("http://127.0.0.1:"), qPrintable(url));
        QVERIFY(server->findChild<QLabel*>("serveStatusLabel")->text().contains(url));

        httplib::Client client(url.toStdString());
        client.set_read_timeout(10, 0);
        const auto answer = client.Post("/predict", R"({"features": [1.5, 1.5]})", "application/json");
        QVERIFY(answer && answer->status == 200);
        QVERIFY2(answer->body.find("\"label\"") != std::string::npos, answer->body.c_str());

        QSignalSpy stopped(server, &LocalServer::servingStopped);
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 30000);
        QVERIFY(!server->isServing());
        QFile file(log);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll().count('\n'), 1);   // the one request

        // One changed byte: the server refuses the bundle by name and the panel shows it.
        {
            std::fstream labels(bundles[0] / "labels.json", std::ios::in | std::ios::out | std::ios::binary);
            labels.seekp(2);
            labels.put('#');
        }
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(button->text() == LocalServer::tr("Serve locally"), 30000);
        const QString status = server->findChild<QLabel*>("serveStatusLabel")->text();
        QVERIFY2(status.contains("labels.json"), qPrintable(status));
    }
};

QTEST_MAIN(TestGuiServeLocally)
#include "test_gui_serve_locally.moc"
