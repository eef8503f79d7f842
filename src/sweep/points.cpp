#include "sweep/points.h"

#include <cmath>
#include <limits>
#include <map>

#include "core/error.h"
#include "core/text.h"

namespace spillover {
namespace {

uint64_t SplitMix64(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A uniform draw in (0, 1) for (seed, point, parameter, k), the same on every machine.
double Uniform(uint64_t seed, int64_t point, size_t parameter, uint64_t k) {
  uint64_t h = SplitMix64(seed);
  h = SplitMix64(h ^ static_cast<uint64_t>(point));
  h = SplitMix64(h ^ (static_cast<uint64_t>(parameter) << 32) ^ k);
  return (static_cast<double>(h >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

}  // namespace

double InverseNormalCdf(double p) {
  static const double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,  -2.759285104469687e+02,
                             1.383577518672690e+02,  -3.066479806614716e+01, 2.506628277459239e+00};
  static const double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                             6.680131188771972e+01, -1.328068155288572e+01};
  static const double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                             -2.549732539343734e+00, 4.374664141464968e+00,  2.938163982698783e+00};
  static const double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00,
                             3.754408661907416e+00};
  if (!(p > 0.0 && p < 1.0)) {
    return p <= 0.0 ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  }
  double x;
  const double low = 0.02425;
  if (p < low) {
    const double q = std::sqrt(-2 * std::log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p <= 1 - low) {
    const double q = p - 0.5;
    const double r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  } else {
    const double q = std::sqrt(-2 * std::log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  // One Halley step on Φ(x) − p.
  const double e = NormalCdf(x) - p;
  const double u = e * std::sqrt(2 * M_PI) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

SweepPoints::SweepPoints(const SweepSpec& spec) : spec_(spec) {
  if (spec.method == SweepMethod::kMonteCarlo) {
    count_ = spec.samples;
    return;
  }
  std::map<std::string, size_t> group_index;
  for (size_t i = 0; i < spec.parameters.size(); ++i) {
    const std::string& g = spec.parameters[i].group;
    if (g.empty() || group_index.count(g) == 0) {
      if (!g.empty()) group_index[g] = groups_.size();
      groups_.push_back({i});
      group_sizes_.push_back(static_cast<int64_t>(spec.parameters[i].values.size()));
    } else {
      groups_[group_index[g]].push_back(i);
    }
  }
  count_ = 1;
  for (int64_t size : group_sizes_) {
    if (count_ > std::numeric_limits<int64_t>::max() / 1024 / size) {
      throw InputError(spec.parameters.front().where, "the grid has too many points to enumerate");
    }
    count_ *= size;
  }
}

std::vector<double> SweepPoints::Draws(int64_t point) const {
  std::vector<double> out(spec_.parameters.size());
  Draws(point, out.data());
  return out;
}

void SweepPoints::Draws(int64_t point, double* out) const {
  for (size_t i = 0; i < spec_.parameters.size(); ++i) {
    const Parameter& p = spec_.parameters[i];
    const double u = Uniform(spec_.seed, point, i, 0);
    double x = 0.0;
    switch (p.distribution) {
      case Distribution::kUniform:
        x = p.low + u * (p.high - p.low);
        break;
      case Distribution::kNormal:
        x = p.mean + p.sd * InverseNormalCdf(u);
        break;
      case Distribution::kTruncatedNormal: {
        // Inverse CDF restricted to [low, high]: exact, no rejection loop.
        const double a = NormalCdf((p.low - p.mean) / p.sd);
        const double b = NormalCdf((p.high - p.mean) / p.sd);
        x = b > a ? p.mean + p.sd * InverseNormalCdf(a + u * (b - a)) : 0.5 * (p.low + p.high);
        x = std::min(p.high, std::max(p.low, x));
        break;
      }
      case Distribution::kTriangular: {
        const double f = (p.mode - p.low) / (p.high - p.low);
        x = u < f ? p.low + std::sqrt(u * (p.high - p.low) * (p.mode - p.low))
                  : p.high - std::sqrt((1 - u) * (p.high - p.low) * (p.high - p.mode));
        break;
      }
      case Distribution::kLognormal:
        x = std::exp(p.mu + p.sigma * InverseNormalCdf(u));
        break;
    }
    out[i] = x;
  }
}

void SweepPoints::GridIndices(int64_t point, size_t* out) const {
  int64_t rest = point;
  for (size_t g = groups_.size(); g-- > 0;) {
    const int64_t digit = rest % group_sizes_[g];
    rest /= group_sizes_[g];
    for (size_t i : groups_[g]) out[i] = static_cast<size_t>(digit);
  }
}

std::vector<std::string> SweepPoints::Values(int64_t point) const {
  std::vector<std::string> out(spec_.parameters.size());
  if (spec_.method == SweepMethod::kMonteCarlo) {
    const std::vector<double> draws = Draws(point);
    for (size_t i = 0; i < draws.size(); ++i) out[i] = FormatNumber(draws[i]);
    return out;
  }
  std::vector<size_t> index(spec_.parameters.size());
  GridIndices(point, index.data());
  for (size_t i = 0; i < out.size(); ++i) out[i] = spec_.parameters[i].values[index[i]];
  return out;
}

}  // namespace spillover
