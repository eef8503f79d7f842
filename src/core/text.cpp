#include "core/text.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

namespace spillover {

int EditDistance(const std::string& a, const std::string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = static_cast<int>(j);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = static_cast<int>(i);
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string NearestName(const std::string& word, const std::vector<std::string>& candidates) {
  // A typo changes a few characters; beyond a third of the word it is another word.
  const int limit = std::max(2, static_cast<int>(word.size()) / 3);
  // Bounded work (each distance is quadratic): a long word is no typo of a name, a name
  // whose length differs by more than the limit cannot be within it, and a huge list is
  // searched only in part.
  constexpr size_t kMaxWord = 64;
  constexpr size_t kMaxCompared = 20000;
  if (word.size() > kMaxWord) return std::string();
  std::string best;
  int best_distance = 0;
  size_t compared = 0;
  for (const auto& candidate : candidates) {
    const size_t gap = candidate.size() > word.size() ? candidate.size() - word.size()
                                                      : word.size() - candidate.size();
    if (gap > static_cast<size_t>(limit) || candidate.size() > kMaxWord) continue;
    if (++compared > kMaxCompared) break;
    const int d = EditDistance(word, candidate);
    if (best.empty() || d < best_distance) {
      best = candidate;
      best_distance = d;
    }
  }
  if (!best.empty() && best_distance <= limit) return best;
  // A shortened name (`duration` for `duration_months`) is too far for an edit distance but
  // plain to see: the shortest candidate that starts with the word.
  best.clear();
  if (word.size() < 3) return best;
  compared = 0;
  for (const auto& candidate : candidates) {
    if (++compared > kMaxCompared) break;
    if (candidate.size() > word.size() && candidate.compare(0, word.size(), word) == 0 &&
        (best.empty() || candidate.size() < best.size())) {
      best = candidate;
    }
  }
  return best;
}

std::string Echo(const std::string& text, size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  size_t cut = max_bytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "... (" + std::to_string(text.size()) + " bytes)";
}

std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string nearest = NearestName(word, candidates);
  return nearest.empty() ? std::string() : " (did you mean '" + nearest + "'?)";
}

std::string SuggestOrList(const std::string& word, const std::vector<std::string>& candidates,
                          const std::string& intro) {
  const std::string hint = DidYouMean(word, candidates);
  return hint.empty() ? "; " + intro + ": " + Join(candidates, ", ") : hint;
}

bool EqualIgnoringCase(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

std::string Join(const std::vector<std::string>& parts, const std::string& separator) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += separator;
    out += parts[i];
  }
  return out;
}

std::string FormatNumber(double value) {
  if (value == 0.0) return "0";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string FormatGrouped(double value, int decimals) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  std::string digits(buffer);
  const size_t dot = digits.find('.');
  std::string integer = digits.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot);
  std::string grouped;
  for (size_t i = 0; i < integer.size(); ++i) {
    if (i > 0 && (integer.size() - i) % 3 == 0) grouped += ',';
    grouped += integer[i];
  }
  const bool negative = value < 0 && std::stod(digits) != 0.0;
  return (negative ? "-" : "") + grouped + fraction;
}

size_t DisplayWidth(const std::string& text) {
  size_t length = 0;
  for (unsigned char c : text) length += (c & 0xC0) != 0x80;
  return length;
}

std::string PadRight(const std::string& text, size_t width) {
  const size_t length = DisplayWidth(text);
  return length >= width ? text : text + std::string(width - length, ' ');
}

std::string PadLeft(const std::string& text, size_t width) {
  const size_t length = DisplayWidth(text);
  return length >= width ? text : std::string(width - length, ' ') + text;
}

std::string Cut(const std::string& text, size_t width) {
  if (DisplayWidth(text) <= width || width < 2) return text;
  size_t count = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && ++count > width - 1) {
      return text.substr(0, i) + "…";
    }
  }
  return text;
}

std::string Fixed(double value, int decimals) {
  if (!std::isfinite(value)) return "n/a";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, value);
  return buffer;
}

std::string Percent(double fraction, int decimals) {
  if (!std::isfinite(fraction)) return "n/a";
  return Fixed(100.0 * fraction, decimals) + "%";
}

}  // namespace spillover
