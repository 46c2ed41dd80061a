/* Necessary condition analysis (Dul 2016): the CE-FDH and CR-FDH ceiling
 * lines of one condition x and an outcome y, their ceiling zones, and the
 * permutation test of Dul, van der Laan and Kuik (2020), which shuffles y
 * against x.
 *
 * A permutation moves the outcome only, so the cases' order by x is the same
 * in every permutation: the caller sorts once (order, ascending x) and each
 * permutation is one pass over that order, O(n), with no sorting and no
 * allocation (the shuffled outcome and the peers go to caller-owned
 * buffers, one set per thread). SEXP-free, no R API. */
#include <math.h>
#include "iecpls.h"

/* Area of the scope [x_lo, x_hi] x [y_lo, y_hi] above the line a + b x:
 * the integral of y_hi - min(max(a + b x, y_lo), y_hi) over [x_lo, x_hi].
 * The integrand is linear between the points where the line leaves the
 * scope, so the trapezoid rule on those pieces is exact. */
static double area_above_line(double a, double b, double x_lo, double x_hi, double y_lo, double y_hi)
{
  double cut[4];
  int m = 0;
  cut[m++] = x_lo;
  if (b != 0) {
    double c1 = (y_lo - a) / b, c2 = (y_hi - a) / b;
    if (c1 > c2) { double t = c1; c1 = c2; c2 = t; }
    if (c1 > x_lo && c1 < x_hi) cut[m++] = c1;
    if (c2 > x_lo && c2 < x_hi) cut[m++] = c2;
  }
  cut[m++] = x_hi;
  double area = 0;
  for (int i = 0; i + 1 < m; i++) {
    double f0 = a + b * cut[i], f1 = a + b * cut[i + 1];
    f0 = y_hi - (f0 < y_lo ? y_lo : (f0 > y_hi ? y_hi : f0));
    f1 = y_hi - (f1 < y_lo ? y_lo : (f1 > y_hi ? y_hi : f1));
    area += 0.5 * (f0 + f1) * (cut[i + 1] - cut[i]);
  }
  return area;
}

/* The ceilings of outcome y (n, in the original case order) on condition x,
 * whose cases in ascending order of x are order[0 .. n-1]. The peers (the
 * upper-left corner points of the CE-FDH step function: in ascending x, a
 * value of x whose largest y exceeds the largest y at every smaller x) are
 * written to peer (n, case indices). Fills out[NCA_COLUMNS]:
 * CE-FDH zone, CR-FDH zone, scope, CR-FDH intercept and slope, peers. With
 * one peer (the case with the smallest x also has the largest y) the
 * CR-FDH line is the horizontal line y = max y, and both zones are 0. */
void nca_ceilings(const double *x, const double *y, R_xlen_t n, const int *order, int *peer, double *out)
{
  double x_lo = x[order[0]], x_hi = x[order[n - 1]];
  double y_lo = y[0], y_hi = y[0];
  for (R_xlen_t i = 1; i < n; i++) {
    if (y[i] < y_lo) y_lo = y[i];
    if (y[i] > y_hi) y_hi = y[i];
  }
  /* peers and the CE-FDH zone: between consecutive peers the ceiling is the
   * earlier peer's y */
  R_xlen_t k = 0, i = 0;
  double running = -HUGE_VAL, zone_ce = 0;
  while (i < n) {
    double xi = x[order[i]];
    int best = order[i];
    R_xlen_t j = i + 1;
    for (; j < n && x[order[j]] == xi; j++) if (y[order[j]] > y[best]) best = order[j];
    if (y[best] > running) {
      if (k > 0) zone_ce += (xi - x[peer[k - 1]]) * (y_hi - running);
      peer[k++] = best;
      running = y[best];
    }
    i = j;
  }
  /* CR-FDH: least squares through the peers (centred sums) */
  double a = y_hi, b = 0;
  if (k > 1) {
    double mx = 0, my = 0, sxx = 0, sxy = 0;
    for (R_xlen_t p = 0; p < k; p++) { mx += x[peer[p]]; my += y[peer[p]]; }
    mx /= (double) k;
    my /= (double) k;
    for (R_xlen_t p = 0; p < k; p++) {
      double dx = x[peer[p]] - mx;
      sxx += dx * dx;
      sxy += dx * (y[peer[p]] - my);
    }
    b = sxy / sxx;
    a = my - b * mx;
  }
  out[0] = zone_ce;
  out[1] = k > 1 ? area_above_line(a, b, x_lo, x_hi, y_lo, y_hi) : 0;
  out[2] = (x_hi - x_lo) * (y_hi - y_lo);
  out[3] = a;
  out[4] = b;
  out[5] = (double) k;
}

/* Effect sizes d = zone / scope of the two ceilings (0 when the scope is
 * empty: a constant condition or outcome has no ceiling zone). */
void nca_effect_sizes(const double *x, const double *y, R_xlen_t n, const int *order, int *peer,
                      double *d_ce, double *d_cr)
{
  double out[NCA_COLUMNS];
  nca_ceilings(x, y, n, order, peer, out);
  *d_ce = out[2] > 0 ? out[0] / out[2] : 0;
  *d_cr = out[2] > 0 ? out[1] / out[2] : 0;
}

/* `count` permutations from the stream `seed`: each shuffles the outcome
 * (Fisher-Yates from the last position down, as the group comparisons of
 * permutation.c shuffle labels, starting from the observed order every
 * time) and computes the effect sizes of every condition. Condition c is
 * column c of x (n x n_cond) with its ascending order in column c of order.
 * Row first + r of out (column stride `stride`) gets d CE-FDH of the
 * conditions, then d CR-FDH of the conditions. */
void nca_permutation_chunk(const nca_problem_t *np, const int *seed, int first, int count,
                           nca_buffers_t *b, double *out, R_xlen_t stride)
{
  rng_stream_t stream;
  stream_init(&stream, seed);
  R_xlen_t n = np->n;
  for (int r = 0; r < count; r++) {
    memcpy(b->y, np->y, (size_t) n * sizeof(double));
    for (R_xlen_t i = n - 1; i > 0; i--) {
      R_xlen_t j = stream_index(&stream, i + 1);
      double swap = b->y[i];
      b->y[i] = b->y[j];
      b->y[j] = swap;
    }
    for (int c = 0; c < np->n_cond; c++) {
      double d_ce, d_cr;
      nca_effect_sizes(np->x + (size_t) c * n, b->y, n, np->order + (size_t) c * n, b->peer, &d_ce, &d_cr);
      out[first + r + (R_xlen_t) c * stride] = d_ce;
      out[first + r + (R_xlen_t) (np->n_cond + c) * stride] = d_cr;
    }
  }
}
