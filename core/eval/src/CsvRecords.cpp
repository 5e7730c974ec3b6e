#include "CsvRecords.h"

#include <charconv>
#include <cstdlib>
#include <fstream>
#include <sstream>

#ifdef FLIGHTDECK_HAVE_FAST_FLOAT
#include <fast_float/fast_float.h>
#endif

namespace flightdeck::eval::detail {

CsvRecords::CsvRecords(const std::filesystem::path& path, char delimiter) : file_(path.string())
{
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        fail(ErrorCode::FileNotFound, 0, {}, "no such file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(ErrorCode::FileUnreadable, 0, {}, "cannot open the file");
    std::ostringstream buf;
    buf << in.rdbuf();
    text_ = buf.str();
    if (text_.compare(0, 3, "\xEF\xBB\xBF") == 0)
        text_.erase(0, 3);
    p_ = text_.data();
    end_ = p_ + text_.size();
    const std::string ext = path.extension().string();
    delim_ = delimiter ? delimiter : (ext == ".tsv" || ext == ".tab") ? '\t' : ',';
}

void CsvRecords::fail(ErrorCode code, std::int64_t line, const std::string& field,
                      const std::string& detail) const
{
    throw Error(ErrorInfo{code, file_, line, field, detail});
}

bool CsvRecords::next(std::vector<std::string_view>& fields)
{
    while (true) {
        fields.clear();
        if (p_ >= end_)
            return false;
        recordLine_ = physicalLine_;
        bool more = true;
        while (more) {
            const std::size_t index = fields.size();
            if (p_ < end_ && *p_ == '"') {
                const char* q = ++p_;
                bool escaped = false;
                while (true) {
                    if (q >= end_)
                        fail(ErrorCode::BadValue, recordLine_, {}, "unterminated quoted field");
                    if (*q == '"') {
                        if (q + 1 < end_ && q[1] == '"') {
                            escaped = true;
                            q += 2;
                            continue;
                        }
                        break;
                    }
                    physicalLine_ += *q == '\n';
                    ++q;
                }
                std::string_view v(p_, static_cast<std::size_t>(q - p_));
                if (escaped) {
                    if (scratch_.size() <= index)
                        scratch_.resize(index + 1);
                    std::string& s = scratch_[index];
                    s.clear();
                    for (std::size_t i = 0; i < v.size(); ++i) {
                        s.push_back(v[i]);
                        if (v[i] == '"')
                            ++i;  // the second of a doubled quote
                    }
                    v = s;
                }
                fields.push_back(v);
                p_ = q + 1;
                if (p_ < end_ && *p_ != delim_ && *p_ != '\n' && *p_ != '\r')
                    fail(ErrorCode::BadValue, physicalLine_, {}, "text after a closing quote");
            } else {
                const char* q = p_;
                while (q < end_ && *q != delim_ && *q != '\n' && *q != '\r')
                    ++q;
                std::string_view v(p_, static_cast<std::size_t>(q - p_));
                while (!v.empty() && v.front() == ' ')
                    v.remove_prefix(1);
                while (!v.empty() && v.back() == ' ')
                    v.remove_suffix(1);
                fields.push_back(v);
                p_ = q;
            }
            if (p_ < end_ && *p_ == delim_) {
                ++p_;
            } else {
                more = false;
                if (p_ < end_ && *p_ == '\r')
                    ++p_;
                if (p_ < end_ && *p_ == '\n')
                    ++p_;
                ++physicalLine_;
            }
        }
        if (fields.size() == 1 && fields[0].empty())
            continue;  // a blank line
        return true;
    }
}

bool parseDouble(std::string_view s, double& v)
{
    if (s.size() > 1 && s[0] == '+' && s[1] != '-')
        s.remove_prefix(1);
    if (s.empty())
        return false;
#ifdef FLIGHTDECK_HAVE_FAST_FLOAT
    const auto r = fast_float::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
#else
    const std::string copy(s);
    char* stop = nullptr;
    v = std::strtod(copy.c_str(), &stop);
    return stop == copy.c_str() + copy.size();
#endif
}

bool parseInteger(const std::string& s, long long& v)
{
    const auto r = std::from_chars(s.data(), s.data() + s.size(), v);
    return r.ec == std::errc() && r.ptr == s.data() + s.size();
}

}  // namespace flightdeck::eval::detail
