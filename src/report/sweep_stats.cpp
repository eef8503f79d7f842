#include "report/sweep_stats.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spillover {

std::vector<double> SelectQuantiles(std::vector<double>& v, const std::vector<double>& qs) {
  std::vector<double> out;
  if (v.empty()) return std::vector<double>(qs.size(), NAN);
  // Q(q) = v(lo) + (h - lo)(v(lo+1) - v(lo)), h = (n - 1) q, lo = floor(h), on the sorted v.
  // Each selection leaves the larger values after position lo, so the next one (a larger
  // q) selects within them; v(lo+1) is then the least value after lo.
  const double n = static_cast<double>(v.size());
  size_t from = 0;
  for (double q : qs) {
    const double h = (n - 1) * q;
    const size_t lo = static_cast<size_t>(std::floor(h));
    const size_t hi = std::min(lo + 1, v.size() - 1);
    if (lo < from) from = 0;  // a smaller q than the last: select in the whole range again
    std::nth_element(v.begin() + static_cast<std::ptrdiff_t>(from),
                     v.begin() + static_cast<std::ptrdiff_t>(lo), v.end());
    from = lo;
    const double at_lo = v[lo];
    const double at_hi =
        hi == lo ? at_lo : *std::min_element(v.begin() + static_cast<std::ptrdiff_t>(hi), v.end());
    out.push_back(at_lo + (h - static_cast<double>(lo)) * (at_hi - at_lo));
  }
  return out;
}

double Quantile(const std::vector<double>& values, double q) {
  std::vector<double> copy = values;
  return SelectQuantiles(copy, {q}).front();
}

std::vector<double> Ranks(const std::vector<double>& values) {
  std::vector<size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&values](size_t a, size_t b) { return values[a] < values[b]; });
  std::vector<double> ranks(values.size());
  for (size_t i = 0; i < order.size();) {
    size_t j = i;
    while (j + 1 < order.size() && values[order[j + 1]] == values[order[i]]) ++j;
    const double mean = (static_cast<double>(i) + static_cast<double>(j)) / 2 + 1;
    for (size_t k = i; k <= j; ++k) ranks[order[k]] = mean;
    i = j + 1;
  }
  return ranks;
}

namespace {

double Pearson(const std::vector<double>& a, const std::vector<double>& b) {
  const double n = static_cast<double>(a.size());
  const double ma = std::accumulate(a.begin(), a.end(), 0.0) / n;
  const double mb = std::accumulate(b.begin(), b.end(), 0.0) / n;
  double sab = 0, saa = 0, sbb = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) * (a[i] - ma);
    sbb += (b[i] - mb) * (b[i] - mb);
  }
  return saa > 0 && sbb > 0 ? sab / std::sqrt(saa * sbb) : 0.0;
}

// The pairs (parameter, column) of the points where both are numbers.
void Pairs(const SweepTable& t, const std::string& parameter, const std::string& column,
           std::vector<double>* x, std::vector<double>* y) {
  const int p = t.Column(parameter), c = t.Column(column);
  if (p < 0 || c < 0) return;
  for (const auto& row : t.rows) {
    const double a = row[static_cast<size_t>(p)], b = row[static_cast<size_t>(c)];
    if (std::isfinite(a) && std::isfinite(b)) {
      x->push_back(a);
      y->push_back(b);
    }
  }
}

}  // namespace

std::vector<RankDriver> RankDrivers(const SweepTable& t, const std::string& column) {
  std::vector<RankDriver> out;
  for (const auto& parameter : t.parameters) {
    std::vector<double> x, y;
    Pairs(t, parameter, column, &x, &y);
    if (x.size() < 3) continue;
    out.push_back({parameter, Pearson(Ranks(x), Ranks(y))});
  }
  std::stable_sort(out.begin(), out.end(), [](const RankDriver& a, const RankDriver& b) {
    return std::fabs(a.rho) > std::fabs(b.rho);
  });
  return out;
}

FanBins FanByParameter(const SweepTable& t, const std::string& parameter, const std::string& column,
                       int bins) {
  std::vector<double> x, y;
  Pairs(t, parameter, column, &x, &y);
  std::vector<size_t> order(x.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&x](size_t a, size_t b) { return x[a] < x[b]; });
  FanBins out;
  const size_t n = order.size(), count = static_cast<size_t>(std::max(1, bins));
  for (size_t b = 0; b < count && n > 0; ++b) {
    const size_t first = b * n / count, last = (b + 1) * n / count;
    if (last <= first) continue;
    std::vector<double> xs, ys;
    for (size_t i = first; i < last; ++i) {
      xs.push_back(x[order[i]]);
      ys.push_back(y[order[i]]);
    }
    std::sort(ys.begin(), ys.end());
    out.x.push_back(Quantile(xs, 0.5));
    out.quantiles.push_back({Quantile(ys, 0.05), Quantile(ys, 0.25), Quantile(ys, 0.5),
                             Quantile(ys, 0.75), Quantile(ys, 0.95)});
  }
  return out;
}

}  // namespace spillover
