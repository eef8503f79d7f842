// Small text helpers: nearest-name suggestions, joining, number formatting.
#pragma once

#include <string>
#include <vector>

namespace spillover {

// Levenshtein distance, case-insensitive.
int EditDistance(const std::string& a, const std::string& b);

// The candidate closest to `word`, or "" when none is close enough to be a likely typo.
std::string NearestName(const std::string& word, const std::vector<std::string>& candidates);

// " (did you mean 'x'?)" or "" when there is no close candidate.
std::string DidYouMean(const std::string& word, const std::vector<std::string>& candidates);
// For an unknown name: " (did you mean 'x'?)" when one candidate is near, otherwise
// "; INTRO: a, b, c" listing them all (a long list would bury the one the user meant).
std::string SuggestOrList(const std::string& word, const std::vector<std::string>& candidates,
                          const std::string& intro);

// `text` as echoed in a message: at most `max_bytes` (cut at a character boundary), then
// "... (N bytes)", so that a 30 MB code gives a short message.
std::string Echo(const std::string& text, size_t max_bytes = 80);

std::string Join(const std::vector<std::string>& parts, const std::string& separator);

// True when the two texts are equal but for the case of ASCII letters.
bool EqualIgnoringCase(const std::string& a, const std::string& b);

// Shortest round-trip decimal text of a double ("%.17g" trimmed), for CSV and JSON.
std::string FormatNumber(double value);

// Fixed formatting with thousands separators for the terminal: 1234567.8 -> "1,234,568".
std::string FormatGrouped(double value, int decimals);

// Number of code points of a UTF-8 string, so that names with non-ASCII letters align.
size_t DisplayWidth(const std::string& text);
// Padded with spaces to `width` code points, on the right (PadRight) or left (PadLeft).
std::string PadRight(const std::string& text, size_t width);
std::string PadLeft(const std::string& text, size_t width);
// `text` cut to at most `width` code points, ending in "…" when cut.
std::string Cut(const std::string& text, size_t width);
// Fixed decimals; "n/a" for NaN or inf.
std::string Fixed(double value, int decimals);
// A fraction as a percentage: 0.1234 -> "12.34%"; "n/a" for NaN or inf.
std::string Percent(double fraction, int decimals = 2);

}  // namespace spillover
