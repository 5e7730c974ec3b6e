#pragma once
// The first rows and the class counts of one dataset version, prepared on a worker thread
// (TaskRunner) and handed to the GUI thread inside a QVariant.
#include <QCoreApplication>
#include <QList>
#include <QPair>
#include <QStringList>
#include <QVariantList>

namespace flightdeck::store { class Project; }

namespace flightdeck::ui {

struct DatasetPreview {
    Q_DECLARE_TR_FUNCTIONS(DatasetPreview)
public:
    qint64 versionId = 0;
    qint64 totalRows = 0;
    QStringList headers;                          // features..., then the label column
    // At most the requested number of rows. A feature value is a double, formatted for the
    // screen when shown (the user's locale, and its later changes); any other cell is text.
    QList<QVariantList> rows;
    QList<QPair<QString, qint64>> classCounts;    // every class, in class-index order
    qint64 unlabeled = 0;                         // rows without a label
    bool regression = false;                      // a regression target: no classes to count

    // Worker thread: loads the version through core's DatasetCatalog. Throws flightdeck::Error.
    // An image version is previewed from its index (name, part, label per image), never its
    // pixels: flattening 70,000 images to floats only to show 200 rows would cost 220 MB.
    static DatasetPreview load(flightdeck::store::Project& project, qint64 versionId, int maxRows);
};

}  // namespace flightdeck::ui
