#include "data/DatasetPreview.h"

#include "flightdeck/data/DatasetCatalog.h"

#include <algorithm>

namespace flightdeck::ui {

namespace {

QString partName(flightdeck::data::SamplePart part)
{
    switch (part) {
    case flightdeck::data::SamplePart::Train: return DatasetPreview::tr("train");
    case flightdeck::data::SamplePart::Test: return DatasetPreview::tr("test");
    case flightdeck::data::SamplePart::None: break;
    }
    return {};
}

DatasetPreview imagePreview(flightdeck::data::DatasetCatalog& catalog, qint64 versionId, int maxRows)
{
    const auto index = catalog.loadImageIndex(versionId);
    const auto& images = index.images;
    DatasetPreview preview;
    preview.versionId = versionId;
    preview.totalRows = static_cast<qint64>(images.size());
    preview.headers << DatasetPreview::tr("image") << DatasetPreview::tr("part")
                    << DatasetPreview::tr("label");
    QList<qint64> counts(static_cast<qsizetype>(images.classes.size()), 0);
    for (std::size_t i = 0; i < images.size(); ++i) {
        const int label = images.labels[i];
        if (label >= 0 && label < counts.size())
            ++counts[label];
        else
            ++preview.unlabeled;
        if (preview.rows.size() < maxRows)
            preview.rows << QVariantList{
                QString::fromStdString(images.names[i]),
                i < images.parts.size() ? partName(images.parts[i]) : QString(),
                label >= 0 && label < counts.size() ? QString::fromStdString(images.classes[label])
                                                    : QString()};
    }
    for (qsizetype c = 0; c < counts.size(); ++c)
        preview.classCounts.append({QString::fromStdString(images.classes[c]), counts.at(c)});
    return preview;
}

}  // namespace

DatasetPreview DatasetPreview::load(flightdeck::store::Project& project, qint64 versionId, int maxRows)
{
    flightdeck::data::DatasetCatalog catalog(project);
    if (catalog.task(versionId) == flightdeck::data::DatasetTask::ImageClassification)
        return imagePreview(catalog, versionId, maxRows);
    const flightdeck::data::Table table = catalog.load(versionId);
    const bool regression = catalog.task(versionId) == flightdeck::data::DatasetTask::TableRegression;

    DatasetPreview preview;
    preview.versionId = versionId;
    preview.totalRows = static_cast<qint64>(table.rows());
    preview.regression = regression;
    for (const auto& name : table.featureNames)
        preview.headers << QString::fromStdString(name);
    preview.headers << QString::fromStdString(table.labelName);

    QStringList classNames;
    for (const auto& name : table.classes)
        classNames << QString::fromStdString(name);

    const std::size_t shown = std::min<std::size_t>(table.rows(), static_cast<std::size_t>(std::max(0, maxRows)));
    preview.rows.reserve(static_cast<qsizetype>(shown));
    for (std::size_t r = 0; r < shown; ++r) {
        QVariantList cells;
        const float* values = table.row(r);
        for (std::size_t c = 0; c < table.cols(); ++c)
            cells << static_cast<double>(values[c]);
        const int label = table.labels[r];
        cells << (label >= 0 && label < classNames.size() ? classNames.at(label) : QString::number(label));
        preview.rows << cells;
    }

    QList<qint64> counts(classNames.size(), 0);
    for (const auto label : table.labels) {
        if (label >= 0 && label < counts.size())
            ++counts[label];
        else
            ++preview.unlabeled;
    }
    for (int i = 0; i < classNames.size() && !regression; ++i)
        preview.classCounts.append({classNames.at(i), counts.at(i)});
    return preview;
}

}  // namespace flightdeck::ui
