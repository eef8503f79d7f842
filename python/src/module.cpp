// spillover._core: the pybind11 layer over include/spillover/spillover.h. The Python
// package (python/spillover) turns what this returns into pandas objects.
#include <pybind11/eigen.h>
#include <pybind11/functional.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cmath>
#include <string>
#include <vector>

#include "spillover/files.h"
#include "spillover/spillover.h"

namespace py = pybind11;
namespace api = spillover::api;

namespace {

// A Python value with a scenario file's structure (dict, list, str, number, bool, None).
api::Tree ToTree(const py::handle& value, int depth = 0) {
  if (depth > 64) throw spillover::InputError("the scenario is nested too deeply");
  if (value.is_none()) return api::Tree::Null();
  if (py::isinstance<py::bool_>(value)) return api::Tree::Bool(value.cast<bool>());
  if (py::isinstance<py::int_>(value)) return api::Tree::Integer(value.cast<long long>());
  if (py::isinstance<py::float_>(value)) return api::Tree::Number(value.cast<double>());
  if (py::isinstance<py::str>(value)) return api::Tree::String(value.cast<std::string>());
  if (py::isinstance<py::dict>(value)) {
    api::Tree tree = api::Tree::Map();
    for (const auto& [key, item] : value.cast<py::dict>()) {
      if (!py::isinstance<py::str>(key)) {
        throw spillover::InputError("scenario keys must be text, got " +
                                    py::repr(key).cast<std::string>());
      }
      tree.Set(key.cast<std::string>(), ToTree(item, depth + 1));
    }
    return tree;
  }
  if (py::isinstance<py::list>(value) || py::isinstance<py::tuple>(value)) {
    api::Tree tree = api::Tree::List();
    for (const auto& item : value) tree.Append(ToTree(item, depth + 1));
    return tree;
  }
  // numpy scalars and other numbers
  if (py::hasattr(value, "__float__") && !py::isinstance<py::str>(value)) {
    const double number = value.cast<double>();
    if (std::floor(number) == number && py::hasattr(value, "__index__")) {
      return api::Tree::Integer(value.cast<long long>());
    }
    return api::Tree::Number(number);
  }
  throw spillover::InputError("cannot put a " +
                              py::str(value.get_type().attr("__name__")).cast<std::string>() +
                              " in a scenario: expected dict, list, str, number, bool or None");
}

// A read-only numpy view of a matrix owned by the model: no copy.
py::array View(const Eigen::MatrixXd& m, py::handle owner) {
  py::array array(py::dtype::of<double>(), {m.rows(), m.cols()},
                  {static_cast<py::ssize_t>(sizeof(double)),
                   static_cast<py::ssize_t>(sizeof(double) * m.rows())},
                  m.data(), owner);
  py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return array;
}

py::array View(const Eigen::VectorXd& v, py::handle owner) {
  py::array array(py::dtype::of<double>(), {v.size()}, {static_cast<py::ssize_t>(sizeof(double))},
                  v.data(), owner);
  py::detail::array_proxy(array.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return array;
}

// Hands a vector's storage to numpy without copying it.
template <typename T>
py::array Give(std::vector<T>&& values) {
  auto* owned = new std::vector<T>(std::move(values));
  py::capsule free(owned, [](void* p) { delete static_cast<std::vector<T>*>(p); });
  return py::array_t<T>({static_cast<py::ssize_t>(owned->size())}, {sizeof(T)}, owned->data(),
                        free);
}

py::dict TableDict(const api::Table& table) {
  py::dict out;
  for (const auto& column : table.columns) {
    if (column.numeric) {
      out[py::str(column.name)] = Give(std::vector<double>(column.numbers));
    } else {
      out[py::str(column.name)] = py::cast(column.text);
    }
  }
  return out;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "spillover's C++ engine; use the `spillover` package instead of this module.";

  // InputError and ModelError are Python classes of the package (spillover/_errors.py),
  // raised here with the location the C++ error carries.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const spillover::InputError& e) {
      py::object cls = py::module_::import("spillover._errors").attr("InputError");
      py::object error = cls(e.what(), e.where().file, e.where().line, e.where().column,
                             e.where().key, e.message());
      PyErr_SetObject(cls.ptr(), error.ptr());
    } catch (const spillover::ModelError& e) {
      py::object cls = py::module_::import("spillover._errors").attr("ModelError");
      PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
    } catch (const api::Cancelled& e) {
      PyErr_SetString(PyExc_KeyboardInterrupt, e.what());
    }
  });

  py::class_<api::Scenario>(m, "Scenario")
      .def_static("from_file", &api::Scenario::FromFile, py::arg("path"))
      .def_static("from_text", &api::Scenario::FromText, py::arg("yaml"),
                  py::arg("source") = "<text>")
      .def_static(
          "from_tree",
          [](const py::handle& tree, const std::string& source) {
            return api::Scenario::FromTree(ToTree(tree), source);
          },
          py::arg("tree"), py::arg("source") = "<dict>")
      .def(
          "set",
          [](api::Scenario& s, const std::string& path, const py::handle& value,
             const std::string& origin) {
            api::Scenario copy = s;
            copy.Set(path, ToTree(value), origin);
            return copy;
          },
          py::arg("path"), py::arg("value"), py::arg("origin"))
      .def(
          "override",
          [](const api::Scenario& s, const std::string& assignment) {
            api::Scenario copy = s;
            copy.Override(assignment);
            return copy;
          },
          py::arg("assignment"))
      .def_property_readonly("source", &api::Scenario::source)
      .def_property_readonly("is_sweep", &api::Scenario::IsSweep)
      .def_property_readonly("model_folder", &api::Scenario::ModelFolder);

  py::class_<api::Sweep>(m, "Sweep")
      .def_static("from_file", &api::Sweep::FromFile, py::arg("path"))
      .def_static("from_text", &api::Sweep::FromText, py::arg("yaml"), py::arg("source") = "<text>")
      .def_static(
          "from_tree",
          [](const py::handle& tree, const std::string& source) {
            return api::Sweep::FromTree(ToTree(tree), source);
          },
          py::arg("tree"), py::arg("source") = "<dict>")
      .def_property_readonly("name", &api::Sweep::name)
      .def_property_readonly("points", &api::Sweep::points)
      .def_property_readonly("parameters", &api::Sweep::parameters)
      .def_property_readonly("model_folder", &api::Sweep::ModelFolder);

  py::class_<api::Result>(m, "Result")
      .def_property_readonly("scenario", &api::Result::scenario)
      .def_property_readonly("description", &api::Result::description)
      .def_property_readonly("model_name", &api::Result::model_name)
      .def_property_readonly("money_unit", &api::Result::money_unit)
      .def_property_readonly("status", &api::Result::status)
      .def_property_readonly("message", &api::Result::message)
      .def("table", [](const api::Result& r) { return TableDict(r.table()); })
      .def("csv", &api::Result::Csv)
      .def("json", &api::Result::Json)
      .def("text", &api::Result::Text)
      .def(
          "find",
          [](const api::Result& r, const std::string& region, const std::string& sector,
             const std::string& variable) -> py::object {
            for (size_t i = 0; i < r.size(); ++i) {
              const api::Result::Row row = r.row(i);
              if (row.region == region && row.sector == sector && row.variable == variable) {
                return py::make_tuple(row.unit, row.baseline, row.value);
              }
            }
            return py::none();
          },
          py::arg("region"), py::arg("sector"), py::arg("variable"));

  m.def(
      "report_files",
      [](const std::vector<std::string>& files, const std::string& model_folder,
         const std::string& out, const std::string& baseline, const std::string& groups,
         bool force) {
        api::ScenarioFiles scenario_files;
        scenario_files.files = files;
        scenario_files.model_folder = model_folder;
        py::gil_scoped_release release;
        api::ReportFiles(scenario_files, out, baseline, groups, force);
      },
      py::arg("files"), py::arg("model_folder"), py::arg("out"), py::arg("baseline"),
      py::arg("groups"), py::arg("force"));
  m.def(
      "validate",
      [](const std::vector<std::string>& files, const std::vector<std::string>& overrides,
         const std::string& model_folder) {
        std::vector<api::FileCheck> checks;
        {
          py::gil_scoped_release release;
          api::FileChecker checker(overrides, model_folder);
          for (const auto& file : files) checks.push_back(checker.Check(file));
        }
        py::list out;
        for (const auto& c : checks) {
          py::dict d;
          d["file"] = c.file;
          d["ok"] = c.ok();
          d["kind"] = c.sweep ? "sweep" : "scenario";
          d["shocks"] = c.shocks;
          d["model"] = c.model_name;
          d["points"] = c.points;
          d["checked"] = c.checked;
          d["failed"] = c.failed;
          d["error"] = c.error;
          out.append(d);
        }
        return out;
      },
      py::arg("files"), py::arg("overrides"), py::arg("model_folder"));
  m.def(
      "import_icio",
      [](const std::string& file, const std::string& out, const std::string& regions, int year,
         const std::string& focus, bool check) {
        api::IcioImportOptions o;
        o.file = file;
        o.out = out;
        o.regions = regions;
        o.year = year;
        o.focus = focus;
        o.check = check;
        py::gil_scoped_release release;
        return api::ImportIcio(o);
      },
      py::arg("file"), py::arg("out"), py::arg("regions"), py::arg("year"), py::arg("focus"),
      py::arg("check"));
  m.def("import_pymrio", &api::ImportPymrio, py::arg("folder"), py::arg("out"), py::arg("focus"),
        py::call_guard<py::gil_scoped_release>());
  m.def("export_pymrio", &api::ExportPymrio, py::arg("model_folder"), py::arg("out"),
        py::call_guard<py::gil_scoped_release>());
  // The number of failed points of the merged sweep, as Model.sweep(out=...) returns it.
  m.def(
      "merge_sweeps",
      [](const std::vector<std::string>& shard_dirs, const std::string& out) {
        return api::MergeSweeps(shard_dirs, out).failed;
      },
      py::arg("shard_dirs"), py::arg("out"), py::call_guard<py::gil_scoped_release>());
  m.def("results_csv", &api::ResultsCsv);
  m.def("results_json", &api::ResultsJson);

  py::class_<api::Model>(m, "Model")
      .def_static("load", &api::Model::Load, py::arg("folder") = "",
                  py::call_guard<py::gil_scoped_release>())
      .def_static(
          "from_data",
          [](const py::dict& d) {
            api::ModelData data;
            auto text = [&](const char* key) { return d[key].cast<std::string>(); };
            auto list = [&](const char* key) {
              return d.contains(key) ? d[key].cast<std::vector<std::string>>()
                                     : std::vector<std::string>();
            };
            auto matrix = [&](const char* key) {
              return d.contains(key) && !d[key].is_none() ? d[key].cast<Eigen::MatrixXd>()
                                                          : Eigen::MatrixXd();
            };
            data.name = text("name");
            data.description = text("description");
            data.year = d["year"].cast<int>();
            data.currency = text("currency");
            data.unit = text("unit");
            data.unit_scale = d["unit_scale"].cast<double>();
            data.regions = list("regions");
            data.sectors = list("sectors");
            data.sector_names = list("sector_names");
            data.final_demand = list("final_demand");
            data.final_demand_kinds = list("final_demand_kinds");
            data.value_added = list("value_added");
            data.value_added_kinds = list("value_added_kinds");
            data.partners = list("partners");
            data.Z = matrix("Z");
            data.Y = matrix("Y");
            data.V = matrix("V");
            data.Zm = matrix("Zm");
            data.Ym = matrix("Ym");
            data.exports = matrix("exports");
            data.import_origin = matrix("import_origin");
            if (d.contains("balance_tolerance")) {
              data.balance_tolerance = d["balance_tolerance"].cast<double>();
            }
            py::gil_scoped_release release;
            return api::Model::FromData(data);
          },
          py::arg("data"))
      .def_static("default_folder", &api::Model::DefaultFolder)
      .def_property_readonly("folder", &api::Model::folder)
      .def_property_readonly("name", &api::Model::name)
      .def_property_readonly("description", &api::Model::description)
      .def_property_readonly("year", &api::Model::year)
      .def_property_readonly("currency", &api::Model::currency)
      .def_property_readonly("unit", &api::Model::unit)
      .def_property_readonly("regions", &api::Model::regions)
      .def_property_readonly("sectors", &api::Model::sectors)
      .def_property_readonly("sector_names", &api::Model::sector_names)
      .def_property_readonly("final_demand", &api::Model::final_demand)
      .def_property_readonly("value_added", &api::Model::value_added)
      .def_property_readonly("partners", &api::Model::partners)
      .def_property_readonly("partner_names", &api::Model::partner_names)
      .def("matrix",
           [](py::object self, const std::string& which) -> py::array {
             const api::Model& model = self.cast<const api::Model&>();
             if (which == "Z") return View(model.Z(), self);
             if (which == "Y") return View(model.Y(), self);
             if (which == "V") return View(model.V(), self);
             if (which == "Zm") return View(model.Zm(), self);
             if (which == "Ym") return View(model.Ym(), self);
             if (which == "exports") return View(model.exports(), self);
             if (which == "import_origin") return View(model.import_origin(), self);
             if (which == "A") return View(model.A(), self);
             if (which == "x") return View(model.x(), self);
             throw py::key_error(which);
           })
      .def("leontief_inverse", &api::Model::L, py::call_guard<py::gil_scoped_release>())
      .def(
          "solve",
          [](const api::Model& model, const Eigen::MatrixXd& demand) {
            py::gil_scoped_release release;
            return Eigen::MatrixXd(model.Solve(demand));
          },
          py::arg("demand"))
      .def("run", &api::Model::Run, py::arg("scenario"), py::call_guard<py::gil_scoped_release>())
      .def("run_many", &api::Model::RunMany, py::arg("scenarios"),
           py::call_guard<py::gil_scoped_release>())
      .def("check", &api::Model::Check, py::arg("scenario"),
           py::call_guard<py::gil_scoped_release>())
      .def(
          "sweep_table",
          [](const api::Model& model, const api::Sweep& sweep, int threads,
             const std::string& detail) {
            api::SweepRun run;
            run.threads = threads;
            run.detail = api::DetailFromString(detail);
            run.cancelled = [] {
              py::gil_scoped_acquire acquire;
              return PyErr_CheckSignals() != 0;
            };
            api::SweepTable table;
            try {
              py::gil_scoped_release release;
              model.RunSweep(sweep, run, &table);
            } catch (const api::Cancelled&) {
              if (PyErr_Occurred()) throw py::error_already_set();
              throw;
            }
            py::dict out;
            out["parameters"] = py::cast(table.parameters);
            py::list values;
            for (auto& v : table.parameter_values) values.append(Give(std::move(v)));
            out["parameter_values"] = values;
            out["point"] = Give(std::move(table.point));
            out["labels"] = py::cast(table.labels);
            out["region"] = Give(std::move(table.region));
            out["sector"] = Give(std::move(table.sector));
            out["variable"] = Give(std::move(table.variable));
            out["unit"] = Give(std::move(table.unit));
            out["error"] = Give(std::move(table.error));
            out["baseline"] = Give(std::move(table.baseline));
            out["value"] = Give(std::move(table.value));
            out["points"] = table.points;
            out["failed"] = table.failed;
            return out;
          },
          py::arg("sweep"), py::arg("threads"), py::arg("detail"))
      .def(
          "sweep_files",
          [](const api::Model& model, const api::Sweep& sweep, const std::string& out_dir,
             int threads, const std::string& detail, bool force, bool wide) {
            api::SweepRun run;
            run.out_dir = out_dir;
            run.threads = threads;
            run.detail = api::DetailFromString(detail);
            run.force = force;
            run.wide = wide;
            py::gil_scoped_release release;
            return model.RunSweep(sweep, run);
          },
          py::arg("sweep"), py::arg("out"), py::arg("threads"), py::arg("detail"), py::arg("force"),
          py::arg("wide"))
      .def(
          "compare",
          [](const api::Model& model, const std::vector<api::Result>& results,
             const std::string& baseline) {
            py::gil_scoped_release release;
            const api::Analysis a = model.Compare(results, baseline);
            return std::make_tuple(a.csv, a.text, a.json);
          },
          py::arg("results"), py::arg("baseline"))
      .def("report", &api::Model::Report, py::arg("results"), py::arg("out"), py::arg("baseline"),
           py::arg("groups"), py::arg("force"), py::call_guard<py::gil_scoped_release>())
      .def("multipliers",
           [](const api::Model& model) {
             py::gil_scoped_release release;
             return model.Multipliers().csv;
           })
      .def("extraction",
           [](const api::Model& model, const std::string& by, const std::string& variant,
              const std::string& rule, const std::vector<std::string>& sectors,
              const std::vector<std::string>& partners, long long top, long long hit,
              const std::string& unit) {
             api::ExtractionOptions o;
             o.by = by;
             o.variant = variant;
             o.rule = rule;
             o.sectors = sectors;
             o.partners = partners;
             o.top = top;
             o.hit = hit;
             o.unit = unit;
             py::gil_scoped_release release;
             return model.Extraction(o).csv;
           })
      .def("paths",
           [](const api::Model& model, const api::Scenario* scenario, const std::string& partner,
              const std::vector<std::string>& sectors, py::object change, py::object amount,
              const std::string& target, long long top, int depth, double threshold,
              double threshold_abs, long long max_nodes, const std::string& unit) {
             api::PathsOptions o;
             o.scenario = scenario;
             o.partner = partner;
             o.sectors = sectors;
             o.has_change = !change.is_none();
             if (o.has_change) o.change = change.cast<double>();
             o.has_amount = !amount.is_none();
             if (o.has_amount) o.amount = amount.cast<double>();
             o.target = target;
             o.top = top;
             o.depth = depth;
             o.threshold = threshold;
             o.threshold_abs = threshold_abs;
             o.max_nodes = max_nodes;
             o.unit = unit;
             py::gil_scoped_release release;
             return model.Paths(o).csv;
           })
      .def("inoperability",
           [](const api::Model& model, const std::vector<std::string>& sectors, double loss,
              int months, int horizon, const std::string& kind, double recovery,
              const std::vector<std::string>& recovery_sectors, const std::string& unit) {
             api::InoperabilityOptions o;
             o.sectors = sectors;
             o.has_loss = true;
             o.loss = loss;
             o.months = months;
             o.horizon = horizon;
             o.kind = kind;
             o.recovery = recovery;
             o.recovery_sectors = recovery_sectors;
             o.unit = unit;
             py::gil_scoped_release release;
             return model.Inoperability(o).csv;
           })
      .def("ghosh_multipliers",
           [](const api::Model& model) {
             py::gil_scoped_release release;
             return model.GhoshMultipliers().csv;
           })
      .def("ghosh_inverse", &api::Model::GhoshInverse, py::call_guard<py::gil_scoped_release>())
      .def("linkages", [](const api::Model& model, const std::string& sort) {
        api::LinkagesOptions o;
        o.sort = sort;
        py::gil_scoped_release release;
        return model.Linkages(o).csv;
      });
}
