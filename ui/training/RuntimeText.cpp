#include "training/RuntimeText.h"

namespace flightdeck::ui {

const flightdeck::train::RuntimeInfo& RuntimeText::info()
{
    static const flightdeck::train::RuntimeInfo cached = flightdeck::train::runtimeInfo();
    return cached;
}

QString RuntimeText::blasName()
{
    // Core reports e.g. "OpenBLAS (OpenMP) [OpenBLAS 0.3.21 ... MAX_THREADS=64]: /usr/lib/...";
    // the short form stops before the build details.
    QString blas = QString::fromStdString(info().blas);
    for (const QString& cut : {QStringLiteral(" ["), QStringLiteral(": /")}) {
        const qsizetype at = blas.indexOf(cut);
        if (at > 0)
            blas.truncate(at);
    }
    return blas.trimmed();
}

QString RuntimeText::summary()
{
    const auto& runtime = info();
    return tr("libtorch %1 · %2 · %3 · threads: %4")
        .arg(QString::fromStdString(runtime.torchVersion), blasName(),
             QString::fromStdString(runtime.defaultDevice))
        .arg(runtime.threads);
}

QString RuntimeText::details()
{
    const auto& runtime = info();
    return tr("libtorch %1\nBLAS: %2\nDefault device: %3 (CUDA available: %4)\nIntra-op threads: %5")
        .arg(QString::fromStdString(runtime.torchVersion), QString::fromStdString(runtime.blas),
             QString::fromStdString(runtime.defaultDevice),
             runtime.cudaAvailable ? tr("yes") : tr("no"))
        .arg(runtime.threads);
}

QString RuntimeText::blasWarning()
{
    if (!info().blasIsReference)
        return {};
    return tr("Warning: the reference BLAS is in use, so training runs about 30 times slower. "
              "Install libopenblas0-openmp to fix this.");
}

}  // namespace flightdeck::ui
