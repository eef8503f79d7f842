// Writes a Model as a model folder (docs/model-format.md): model.yaml and labelled CSVs.
#pragma once

#include <string>
#include <vector>

#include "core/model.h"

namespace spillover {

// Writes `model` into the directory `out`, which must not exist or be empty. The files
// are written into a temporary sibling directory that is renamed into place only when all
// of them are complete, so a failure leaves nothing in `out`. Matrices are streamed row
// by row (a 4,000-sector Z is never held as text) with shortest round-trip numbers, so
// reading the folder back gives the same doubles. `notes` go into model.yaml's
// description. Optional matrices that are all zero are not written.
void WriteModelFolder(const Model& model, const std::string& out);
// The files alone, into an existing directory.
void WriteModelFiles(const Model& model, const std::string& folder);

// The codes and names of `model.sectors` / `model.final_demand` without the "REGION:"
// prefix, as model.yaml lists them (the first region's block).
std::vector<Entry> BaseEntries(const std::vector<Entry>& expanded, const Model& model);

// Refuses an `--out` that exists and is not an empty directory; creates its parent.
void CheckOutputDirectory(const std::string& out);

// Renames the finished temporary directory `temporary` to `out`.
void PublishDirectory(const std::string& temporary, const std::string& out);

// A temporary directory beside `out` (same file system, so the rename is atomic) that is
// removed on destruction unless Release() was called.
class TemporaryDirectory {
 public:
  explicit TemporaryDirectory(const std::string& out);
  TemporaryDirectory(const TemporaryDirectory&) = delete;
  TemporaryDirectory& operator=(const TemporaryDirectory&) = delete;
  ~TemporaryDirectory();
  const std::string& path() const { return path_; }
  // Moves it to `out`; after that the destructor leaves it alone.
  void Publish(const std::string& out);

 private:
  std::string path_;
  bool published_ = false;
};

// Streams a labelled matrix as CSV: header `corner,cols…`, then one row per code.
void WriteCsvMatrix(const std::string& path, const std::string& corner,
                    const std::vector<std::string>& rows, const std::vector<std::string>& cols,
                    const Matrix& values, char separator = ',');

// Appends the shortest round-trip text of `value` ("0" for zero) to `out`.
void AppendNumber(std::string* out, double value);

// A YAML/JSON double-quoted string.
std::string Quoted(const std::string& text);

}  // namespace spillover
