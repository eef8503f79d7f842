// Text helpers shared by the readable tables of the analyses: padding that counts UTF-8
// code points, labels cut to a width, and percentages.
#pragma once

#include <cmath>
#include <cstdio>
#include <string>

namespace spillover::analyse_text {

// Number of code points of a UTF-8 string, so that names with non-ASCII letters align.
inline size_t Width(const std::string& text) {
  size_t length = 0;
  for (unsigned char c : text) length += (c & 0xC0) != 0x80;
  return length;
}

inline std::string PadRight(const std::string& text, size_t width) {
  const size_t length = Width(text);
  return length >= width ? text : text + std::string(width - length, ' ');
}

inline std::string PadLeft(const std::string& text, size_t width) {
  const size_t length = Width(text);
  return length >= width ? text : std::string(width - length, ' ') + text;
}

// `text` cut to at most `width` code points, ending in "…" when cut.
inline std::string Cut(const std::string& text, size_t width) {
  if (Width(text) <= width || width < 2) return text;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > width - 1) {
      return text.substr(0, i) + "…";
    }
  }
  return text;
}

inline std::string Fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

// A fraction as a percentage with `decimals` decimals: 0.1234 -> "12.34%".
inline std::string Percent(double fraction, int decimals = 2) {
  if (!std::isfinite(fraction)) return "n/a";
  return Fixed(100.0 * fraction, decimals) + "%";
}

}  // namespace spillover::analyse_text
