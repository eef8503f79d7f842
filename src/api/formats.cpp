// Imports from and exports to other tools' formats (include/spillover/files.h): the OECD
// ICIO tables and pymrio's folders.
#include <optional>
#include <utility>

#include "core/blas_threads.h"
#include "io/importers/icio.h"
#include "io/importers/pymrio.h"
#include "io/model_check.h"
#include "io/model_io.h"
#include "io/model_write.h"
#include "spillover/files.h"

namespace spillover::api {
namespace {

// Writes into a temporary directory, loads it back with every check of `model check`,
// and only then moves it to `out`: a failed import leaves nothing behind. The model is
// taken over and released once written, and the check keeps no Z of its own, so that at
// ICIO size the peak is the check's A and LU of I - A (about 2 n x n doubles).
void WriteChecked(spillover::Model&& model, const std::string& out, bool check) {
  CheckOutputDirectory(out);
  TemporaryDirectory temp(out);
  WriteModelFiles(model, temp.path());
  { const spillover::Model released = std::move(model); }
  if (check) CheckModelFolder(temp.path());
  temp.Publish(out);
}

}  // namespace

std::vector<std::string> ImportIcio(const IcioImportOptions& options) {
  const BlasThreadScope blas;
  if (options.out.empty()) throw InputError("--out DIR is required");
  std::optional<RegionMapping> mapping;
  IcioOptions icio;
  icio.file = options.file;
  icio.year = options.year;
  icio.focus = options.focus;
  if (!options.regions.empty()) {
    mapping = ReadRegionMapping(options.regions);
    icio.mapping = &*mapping;
  }
  // Before the table is read: a folder that cannot take the model fails at once.
  CheckOutputDirectory(options.out);
  IcioImport imported = ImportIcioFile(icio);
  WriteChecked(std::move(imported.model), options.out, options.check);
  return imported.notes;
}

std::vector<std::string> ImportPymrio(const std::string& folder, const std::string& out,
                                      const std::string& focus) {
  const BlasThreadScope blas;
  if (out.empty()) throw InputError("--out DIR is required");
  CheckOutputDirectory(out);
  PymrioImport imported = spillover::ImportPymrio(folder);
  if (!focus.empty()) imported.model.focus = focus;
  WriteChecked(std::move(imported.model), out, true);
  return imported.notes;
}

void ExportPymrio(const std::string& model_folder, const std::string& out) {
  const BlasThreadScope blas;
  if (out.empty()) throw InputError("--out DIR is required");
  CheckOutputDirectory(out);
  spillover::ExportPymrio(LoadModel(model_folder).model, out);
}

}  // namespace spillover::api
