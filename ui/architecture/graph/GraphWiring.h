#pragma once
// Which edges the editor accepts, decided on a GraphSpec: no self loop, no cycle, nothing out
// of an Output, no port past the node's arity or past its first free port. Two edges into one
// port never happen: connecting to a taken port replaces its edge. Qt-free, like GraphLayout,
// so the document's connect, disconnect and reconnect share one set of rules.
#include "flightdeck/model/GraphSpec.h"

#include <string>
#include <vector>

namespace flightdeck::ui {

// True when `ancestor` is `id` or feeds it, directly or through other nodes.
bool dependsOn(const flightdeck::model::GraphSpec& graph, const std::string& id,
               const std::string& ancestor);
bool canConnect(const flightdeck::model::GraphSpec& graph, const std::string& fromId,
                const std::string& toId, int port);
// A node's inputs with `fromId` on `port` (replacing what was there, or on the free port).
std::vector<std::string> inputsWith(std::vector<std::string> inputs, const std::string& fromId,
                                    int port);
// ... and without the edge on `port`; the ports after it move down by one.
std::vector<std::string> inputsWithout(std::vector<std::string> inputs, int port);

}  // namespace flightdeck::ui
