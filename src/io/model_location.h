// Where models are found: the folder of shipped models (next to an installed program, or
// the source tree of a build) and the default model in it (docs/install.md).
#pragma once

#include <string>

namespace spillover {

// The folder that holds the shipped models, first of:
//   $SPILLOVER_MODEL_DIR;
//   PREFIX/share/spillover/models, where PREFIX is the parent of the running program's
//   folder (an installed copy: PREFIX/bin/spillover);
//   the source tree's model/ folder compiled into the program (a build tree).
std::string ModelsDirectory();

// The model a scenario without `model:` runs on: $SPILLOVER_MODEL (a model folder) if set,
// else ModelsDirectory()/kaz-2024.
std::string DefaultModelFolder();

// The folder a scenario's `model:` value names. A relative path is taken against
// `base_dir` (the scenario file's folder; the current directory for standard input); a
// bare name (no '/') that is not a folder there is looked up in ModelsDirectory(), so
// `model: example-2sector` works from anywhere. So is a bare name that built-models.csv
// there lists (a model built on the user's machine) while it is missing, so that the
// error says how to build it.
std::string ResolveModelReference(const std::string& text, const std::string& base_dir);

// For a model folder that does not exist: how to build it, when the list of built models
// beside it (built-models.csv: folder,source,build,docs) names it; empty otherwise. Models
// built from data that may not be shipped (the OECD ICIO tables) are listed there, so
// that a scenario written for one fails with the import command rather than a bare
// "not a model folder".
std::string MissingModelHint(const std::string& folder);

// How a report names a model folder, so that the report reads the same on any machine
// (no /home/...): a shipped model by its name ("kaz-2024", which `model:` accepts from
// anywhere), another folder relative to `relative_to` (the scenario's folder, the sweep's
// folder), said as "PATH (relative to WHAT)"; the folder as given when no relative path
// exists.
std::string ShownModelPath(const std::string& folder, const std::string& relative_to,
                           const std::string& what);

}  // namespace spillover
