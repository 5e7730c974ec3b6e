#pragma once
// Private to core/serve: a "pixels" value read whole with its shape checked, never just its
// values counted. An HWC array ([H][W][C], what numpy.asarray gives for a PIL image) holds as
// many values as CHW, and read as CHW it is another image, answered with a wrong class.
#include "flightdeck/data/ImageInput.h"

#include <simdjson.h>

#include <string>
#include <vector>

namespace flightdeck::serve::detail {

// The values of `pixels` in order into `out`, or the reason they are refused, naming `field`
// ("pixels", "instances[2].pixels"): every array at one depth as long as the first one there
// (a ragged array is refused naming where), numbers only at the bottom, and the shape
// [C][H][W], or [H][W] for one channel (an HWC array is told it needs transposing), and every
// value in 0..255, a value outside named by its position ("pixels[2][15][15] is 255.5").
std::string readPixels(const simdjson::dom::element& pixels, const data::ImageShape& shape,
                       const std::string& field, std::vector<double>& out);

}  // namespace flightdeck::serve::detail
