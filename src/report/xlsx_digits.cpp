#include "report/xlsx_digits.h"

#include <zlib.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "core/error.h"

namespace spillover {
namespace {

uint32_t Get(const std::string& b, size_t at, int bytes) {
  uint32_t v = 0;
  for (int i = bytes - 1; i >= 0; --i)
    v = (v << 8) | static_cast<unsigned char>(b[at + static_cast<size_t>(i)]);
  return v;
}

void Put(std::string* b, uint32_t v, int bytes) {
  for (int i = 0; i < bytes; ++i) b->push_back(static_cast<char>((v >> (8 * i)) & 0xff));
}

std::string Inflate(const std::string& data, size_t size, bool* ok) {
  std::string out(size, '\0');
  z_stream z{};
  *ok = inflateInit2(&z, -MAX_WBITS) == Z_OK;
  if (!*ok) return "";
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  *ok = inflate(&z, Z_FINISH) == Z_STREAM_END && z.total_out == size;
  inflateEnd(&z);
  return out;
}

std::string Deflate(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// The part's XML with the <v> text of the listed cells replaced.
std::string Replace(const std::string& xml, const std::map<std::string, std::string>& cells) {
  std::string out;
  out.reserve(xml.size() + cells.size() * 2);
  size_t at = 0;
  while (true) {
    const size_t cell = xml.find("<c r=\"", at);
    if (cell == std::string::npos) break;
    const size_t ref_end = xml.find('"', cell + 6);
    const auto it = cells.find(xml.substr(cell + 6, ref_end - cell - 6));
    const size_t close = xml.find("</c>", ref_end);
    const size_t v = xml.find("<v>", ref_end);
    if (it == cells.end() || v == std::string::npos || v > close) {
      out.append(xml, at, ref_end - at);
      at = ref_end;
      continue;
    }
    const size_t v_end = xml.find("</v>", v);
    out.append(xml, at, v + 3 - at);
    out += it->second;
    at = v_end;
  }
  out.append(xml, at, std::string::npos);
  return out;
}

}  // namespace

bool SixteenDigitsSuffice(double value) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%.16G", value);
  return std::strtod(buffer, nullptr) == value;
}

void RestoreDigits(const std::string& path, const CellDigits& digits) {
  if (digits.empty()) return;
  const auto fail = [&path](const std::string& what) {
    throw InputError(SourceLocation{path, 0, 0, ""}, "workbook: " + what);
  };
  std::ifstream in(path, std::ios::binary);
  std::ostringstream read;
  read << in.rdbuf();
  const std::string zip = read.str();
  size_t end = zip.size() >= 22 ? zip.size() - 22 : std::string::npos;
  while (end != std::string::npos && Get(zip, end, 4) != 0x06054b50)
    end = end == 0 ? std::string::npos : end - 1;
  if (end == std::string::npos) fail("no zip directory");
  const uint32_t entries = Get(zip, end + 10, 2);
  size_t at = Get(zip, end + 16, 4);
  std::string body, directory;
  for (uint32_t e = 0; e < entries; ++e) {
    if (at + 46 > zip.size() || Get(zip, at, 4) != 0x02014b50) fail("damaged zip directory");
    uint32_t method = Get(zip, at + 10, 2), crc = Get(zip, at + 16, 4);
    const uint32_t csize = Get(zip, at + 20, 4), usize = Get(zip, at + 24, 4);
    const uint32_t nlen = Get(zip, at + 28, 2), xlen = Get(zip, at + 30, 2),
                   clen = Get(zip, at + 32, 2);
    const size_t local = Get(zip, at + 42, 4);
    const std::string name = zip.substr(at + 46, nlen);
    at += 46 + nlen + xlen + clen;
    if (local + 30 > zip.size()) fail("damaged zip entry " + name);
    const size_t start = local + 30 + Get(zip, local + 26, 2) + Get(zip, local + 28, 2);
    std::string data = zip.substr(start, csize);
    uint32_t usize_out = usize;
    const auto fix = digits.find(name);
    if (fix != digits.end()) {
      bool ok = method == 0;
      std::string xml = method == 8 ? Inflate(data, usize, &ok) : data;
      if (!ok) fail("cannot read the zip entry " + name);
      xml = Replace(xml, fix->second);
      crc = static_cast<uint32_t>(
          crc32(0, reinterpret_cast<const Bytef*>(xml.data()), static_cast<uInt>(xml.size())));
      usize_out = static_cast<uint32_t>(xml.size());
      data = Deflate(xml);
      method = 8;
    }
    const uint32_t offset = static_cast<uint32_t>(body.size());
    // Local header and central directory record, with no extra fields (APPNOTE 4.3.7, 4.3.12).
    Put(&body, 0x04034b50, 4);
    for (uint32_t v : {20u, 0u, method, 0u, 0x21u}) Put(&body, v, 2);
    Put(&body, crc, 4);
    Put(&body, static_cast<uint32_t>(data.size()), 4);
    Put(&body, usize_out, 4);
    Put(&body, nlen, 2);
    Put(&body, 0, 2);
    body += name + data;
    Put(&directory, 0x02014b50, 4);
    for (uint32_t v : {20u, 20u, 0u, method, 0u, 0x21u}) Put(&directory, v, 2);
    Put(&directory, crc, 4);
    Put(&directory, static_cast<uint32_t>(data.size()), 4);
    Put(&directory, usize_out, 4);
    for (uint32_t v : {nlen, 0u, 0u, 0u, 0u}) Put(&directory, v, 2);
    Put(&directory, 0, 4);
    Put(&directory, offset, 4);
    directory += name;
  }
  std::string out = body + directory;
  Put(&out, 0x06054b50, 4);
  for (uint32_t v : {0u, 0u, entries, entries}) Put(&out, v, 2);
  Put(&out, static_cast<uint32_t>(directory.size()), 4);
  Put(&out, static_cast<uint32_t>(body.size()), 4);
  Put(&out, 0, 2);
  std::ofstream write(path, std::ios::binary | std::ios::trunc);
  write << out;
  if (!write.flush()) fail("cannot write the file");
}

}  // namespace spillover
