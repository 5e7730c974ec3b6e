#pragma once
// Starting points for the graph editor and the CLI: each fits any dataset of its kind (the
// output node's head sizes the classes). Names: logistic_regression, mlp, lenet5,
// fashion_cnn (2 conv + pooling, the Fashion-MNIST benchmark network), resnet_block,
// text_classifier.
#include "flightdeck/model/GraphSpec.h"

#include <string>
#include <vector>

namespace flightdeck::model {

std::vector<GraphSpec> graphTemplates();
// InvalidArgument listing the names when there is no such template.
GraphSpec graphTemplate(const std::string& name);

}  // namespace flightdeck::model
