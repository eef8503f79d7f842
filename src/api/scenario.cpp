// Scenario and sweep documents of the public API.
#include "scenario/scenario.h"

#include "api/convert.h"
#include "io/model_io.h"
#include "spillover/spillover.h"
#include "sweep/points.h"
#include "sweep/sweep_spec.h"

namespace spillover::api {

Scenario::Scenario() : root_(std::make_shared<YamlNode>()) {}

Scenario Scenario::FromFile(const std::string& path) {
  Scenario scenario;
  *scenario.root_ = ParseYamlFile(path);
  scenario.source_ = path == "-" ? "<stdin>" : path;
  return scenario;
}

Scenario Scenario::FromText(const std::string& yaml, const std::string& source) {
  Scenario scenario;
  *scenario.root_ = ParseYaml(yaml, source);
  scenario.source_ = source;
  return scenario;
}

Scenario Scenario::FromTree(const Tree& tree, const std::string& source) {
  Scenario scenario;
  *scenario.root_ = ToYaml(tree, source);
  scenario.source_ = source;
  return scenario;
}

Scenario& Scenario::Set(const std::string& path, const std::string& yaml_value,
                        const std::string& origin) {
  const std::string where = origin.empty() ? "--set " + path + "=" + yaml_value : origin;
  // Copy on write: copies of a Scenario share their tree until one is changed.
  root_ = std::make_shared<YamlNode>(*root_);
  SetValueAtPath(root_.get(), path, ParseYaml(yaml_value, where), where, source_);
  return *this;
}

Scenario& Scenario::Set(const std::string& path, const Tree& value, const std::string& origin) {
  root_ = std::make_shared<YamlNode>(*root_);
  SetValueAtPath(root_.get(), path, ToYaml(value, origin), origin, source_);
  return *this;
}

Scenario& Scenario::Override(const std::string& assignment) {
  root_ = std::make_shared<YamlNode>(*root_);
  ApplyOverride(root_.get(), assignment, source_);
  return *this;
}

const std::string& Scenario::source() const { return source_; }

bool Scenario::IsSweep() const { return spillover::IsSweep(*root_); }

std::string Scenario::ModelFolder() const {
  return ScenarioModelFolder(*root_, source_, DefaultModelFolder());
}

const YamlNode& Scenario::tree() const { return *root_; }

Sweep::Sweep() = default;

Sweep Sweep::FromFile(const std::string& path) {
  Sweep sweep;
  const std::string source = path == "-" ? "<stdin>" : path;
  sweep.spec_ = std::make_shared<const SweepSpec>(ParseSweep(ParseYamlFile(path), source));
  return sweep;
}

Sweep Sweep::FromText(const std::string& yaml, const std::string& source) {
  Sweep sweep;
  sweep.spec_ = std::make_shared<const SweepSpec>(ParseSweep(ParseYaml(yaml, source), source));
  return sweep;
}

Sweep Sweep::FromTree(const Tree& tree, const std::string& source) {
  Sweep sweep;
  sweep.spec_ = std::make_shared<const SweepSpec>(ParseSweep(ToYaml(tree, source), source));
  return sweep;
}

const std::string& Sweep::name() const { return spec_->name; }

const std::string& Sweep::source() const { return spec_->file; }

int64_t Sweep::points() const { return SweepPoints(*spec_).count(); }

std::vector<std::string> Sweep::parameters() const {
  std::vector<std::string> paths;
  for (const auto& p : spec_->parameters) paths.push_back(p.path);
  return paths;
}

std::string Sweep::ModelFolder() const {
  return ScenarioModelFolder(spec_->base, spec_->base_file, DefaultModelFolder());
}

}  // namespace spillover::api
