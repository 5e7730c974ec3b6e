#include "PixelShape.h"

#include <charconv>
#include <cstddef>
#include <utility>

namespace flightdeck::serve::detail {

namespace {

using simdjson::dom::element;

std::string shapeText(const std::vector<std::size_t>& dims)
{
    std::string s;
    for (const std::size_t d : dims)
        s += "[" + std::to_string(d) + "]";
    return s;
}

// The shortest text that reads back as `value` (255.5, not 255.500000).
std::string numberText(double value)
{
    char text[32];
    const auto r = std::to_chars(text, text + sizeof text, value);
    return std::string(text, r.ptr);
}

class PixelReader {
public:
    PixelReader(const data::ImageShape& shape, std::string field) : shape_(shape), field_(std::move(field)) {}

    // The values in order into `out`; the reason they do not fit, or "".
    std::string read(const element& root, std::vector<double>& out)
    {
        element e = root;
        while (e.is_array() && dims_.size() <= kDeepest) {
            const auto array = e.get_array().value_unsafe();
            dims_.push_back(array.size());
            if (array.size() == 0)
                break;
            e = array.at(0).value_unsafe();
        }
        if (dims_.size() > kDeepest)
            return field_ + ": got arrays nested more than " + std::to_string(kDeepest) + " deep, expected "
                   + expected();
        if (dims_.empty())
            return field_ + ": got a single value, expected " + expected();
        out.reserve(shape_.values());
        index_.assign(dims_.size(), 0);
        std::string why = walk(root, 0, out);
        if (!why.empty())
            return why;
        const std::vector<std::size_t> chw = {shape_.channels, shape_.height, shape_.width};
        const std::vector<std::size_t> hw = {shape_.height, shape_.width};
        if (dims_ == chw || (shape_.channels == 1 && dims_ == hw))
            return {};
        why = field_ + ": got a " + shapeText(dims_) + " array, expected " + expected();
        if (dims_ == std::vector<std::size_t>{shape_.height, shape_.width, shape_.channels})
            why += "; an HWC image needs transposing";
        else if (dims_.size() == 1 && dims_[0] == shape_.values())
            why += "; a flat list needs nesting";
        return why;
    }

private:
    static constexpr std::size_t kDeepest = 4;

    std::string expected() const
    {
        std::string s = shapeText({shape_.channels, shape_.height, shape_.width}) + " (CHW)";
        if (shape_.channels == 1)
            s += " or " + shapeText({shape_.height, shape_.width}) + " (HW)";
        return s;
    }

    // The element at index_[0..depth), written out only when something is wrong with it.
    std::string path(std::size_t depth, bool first = false) const
    {
        std::string s = field_;
        for (std::size_t d = 0; d < depth; ++d)
            s += "[" + std::to_string(first ? 0 : index_[d]) + "]";
        return s;
    }

    std::string walk(const element& e, std::size_t depth, std::vector<double>& out)
    {
        if (depth == dims_.size()) {
            if (e.is_number()) {
                const double value = e.get_double().value_unsafe();
                // Checked here, where the position is known: data::pixelsToInput can name only
                // the flat index, which read as the value ("value 767 is not a pixel value").
                if (!(value >= 0 && value <= 255))
                    return path(depth) + " is " + numberText(value) + ", not a pixel value in 0..255";
                out.push_back(value);
                return {};
            }
            if (e.is_array())
                return field_ + " is ragged: " + path(depth) + " is an array where " + path(depth, true)
                       + " is a number";
            return path(depth) + " is not a number (pixels are nested arrays of 0..255)";
        }
        if (!e.is_array()) {
            if (e.is_number())
                return field_ + " is ragged: " + path(depth) + " is a number where " + path(depth, true)
                       + " is an array";
            return path(depth) + " is not a number (pixels are nested arrays of 0..255)";
        }
        const auto array = e.get_array().value_unsafe();
        if (array.size() != dims_[depth])
            return field_ + " is ragged: " + path(depth) + " has " + std::to_string(array.size())
                   + " elements where " + path(depth, true) + " has " + std::to_string(dims_[depth]);
        std::size_t i = 0;
        for (const element child : array) {
            index_[depth] = i++;
            std::string why = walk(child, depth + 1, out);
            if (!why.empty())
                return why;
        }
        return {};
    }

    const data::ImageShape& shape_;
    const std::string field_;
    std::vector<std::size_t> dims_;
    std::vector<std::size_t> index_;
};

}  // namespace

std::string readPixels(const element& pixels, const data::ImageShape& shape, const std::string& field,
                       std::vector<double>& out)
{
    return PixelReader(shape, field).read(pixels, out);
}

}  // namespace flightdeck::serve::detail
