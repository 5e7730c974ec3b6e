#include "common/ErrorText.h"

#include "flightdeck/common/Error.h"

namespace flightdeck::ui {

QString ErrorText::summary(flightdeck::ErrorCode code)
{
    using flightdeck::ErrorCode;
    switch (code) {
    case ErrorCode::FileNotFound: return ErrorText::tr("No such file or folder.");
    case ErrorCode::FileUnreadable: return ErrorText::tr("The file cannot be read.");
    case ErrorCode::FileUnwritable: return ErrorText::tr("Cannot write here.");
    case ErrorCode::EmptyFile: return ErrorText::tr("The file is empty.");
    case ErrorCode::NoHeader: return ErrorText::tr("The first line is not a header row.");
    case ErrorCode::RaggedRow: return ErrorText::tr("Wrong number of fields.");
    case ErrorCode::NotANumber: return ErrorText::tr("Expected a number.");
    case ErrorCode::NoLabelColumn: return ErrorText::tr("No label column.");
    case ErrorCode::TooFewRows: return ErrorText::tr("Too few rows.");
    case ErrorCode::BadValue: return ErrorText::tr("Invalid value.");
    case ErrorCode::NotAProject: return ErrorText::tr("This is not a Flightdeck project.");
    case ErrorCode::NewerSchema:
        return ErrorText::tr("The project was written by a newer version of Flightdeck.");
    case ErrorCode::CorruptProject: return ErrorText::tr("The project database is damaged.");
    case ErrorCode::CorruptObject:
        return ErrorText::tr("A stored object does not match its checksum.");
    case ErrorCode::InvalidSpec: return ErrorText::tr("The architecture is invalid.");
    case ErrorCode::InvalidArgument: return ErrorText::tr("Invalid setting.");
    case ErrorCode::NotFound: return ErrorText::tr("Not found.");
    case ErrorCode::TrainingFailed: return ErrorText::tr("Training failed.");
    case ErrorCode::Cancelled: return ErrorText::tr("Cancelled.");
    case ErrorCode::Database: return ErrorText::tr("Database error.");
    case ErrorCode::Io: return ErrorText::tr("Input/output error.");
    case ErrorCode::DiskFull:
        return ErrorText::tr("The disk is full. Free some space and try again.");
    }
    return ErrorText::tr("Error.");
}

QString ErrorText::kindText(const std::string& kind)
{
    // The kinds core/store and core/export name in NotFound (sql::notFound and its callers).
    static const struct { const char* kind; const char* text; } kinds[] = {
        {"architecture", QT_TR_NOOP("architecture")},
        {"dataset", QT_TR_NOOP("dataset")},
        {"dataset version", QT_TR_NOOP("dataset version")},
        {"split", QT_TR_NOOP("split")},
        {"run", QT_TR_NOOP("run")},
        {"sweep", QT_TR_NOOP("sweep")},
        {"sweep run", QT_TR_NOOP("sweep run")},
        {"alert rule", QT_TR_NOOP("alert rule")},
        {"model alias", QT_TR_NOOP("model alias")},
        {"model artifact", QT_TR_NOOP("model artifact")},
        {"registered model", QT_TR_NOOP("registered model")},
    };
    for (const auto& k : kinds)
        if (kind == k.kind)
            return tr(k.text);
    return QString::fromStdString(kind);
}

QString ErrorText::message(const flightdeck::ErrorInfo& info)
{
    QString where;
    if (!info.file.empty()) {
        where = QString::fromStdString(info.file);
        if (info.line > 0)
            where = tr("%1, line %2").arg(where).arg(info.line);
    }
    if (info.code == flightdeck::ErrorCode::NotFound && !info.field.empty()) {
        // field = the kind, detail = the id or name: "Not found: run 12."
        return info.detail.empty() ? tr("Not found: %1.").arg(kindText(info.field))
                                   : tr("Not found: %1 %2.")
                                         .arg(kindText(info.field), QString::fromStdString(info.detail));
    }
    QString text = summary(info.code);
    if (!info.field.empty())
        text = tr("Field \"%1\": %2").arg(QString::fromStdString(info.field), text);
    if (!where.isEmpty())
        text = tr("%1: %2").arg(where, text);
    // The detail is data (the offending text, counts, sqlite's words), shown as is.
    if (!info.detail.empty())
        text += QLatin1Char(' ') + tr("(%1)").arg(QString::fromStdString(info.detail));
    return text;
}

QString ErrorText::fromException(const std::exception& e)
{
    if (const auto* error = dynamic_cast<const flightdeck::Error*>(&e))
        return message(error->info());
    return QString::fromLocal8Bit(e.what());
}

}  // namespace flightdeck::ui
