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

std::string Join(const std::vector<std::string>& parts, const std::string& separator);

// Shortest round-trip decimal text of a double ("%.17g" trimmed), for CSV and JSON.
std::string FormatNumber(double value);

// Fixed formatting with thousands separators for the terminal: 1234567.8 -> "1,234,568".
std::string FormatGrouped(double value, int decimals);

}  // namespace spillover
