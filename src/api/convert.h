// Conversions between the public API's types and the library's own.
#pragma once

#include <string>

#include "io/yaml_doc.h"
#include "spillover/spillover.h"

namespace spillover::api {

// A tree built in code as the YAML reader's tree; `source` names it in messages.
YamlNode ToYaml(const Tree& tree, const std::string& source, int depth = 0);

}  // namespace spillover::api
