/* Correlations of ordinal indicators (OrdPLS): the heterogeneous correlation
 * matrix of a data set whose columns are ordinal (category codes 1..m) or
 * continuous, by the two-step estimators polycor computes with ML = FALSE:
 *   - thresholds of an ordinal column from its (weighted) cumulative
 *     marginal proportions;
 *   - polychoric correlation of two ordinal columns: the maximum of the
 *     multinomial likelihood of their contingency table over rho, the
 *     thresholds held at their marginal values (Olsson 1979);
 *   - polyserial correlation of a continuous and an ordinal column: the
 *     two-step ("ad hoc") formula of polycor::polyserial(ML = FALSE);
 *   - Pearson correlation of two continuous columns.
 * Case weights are frequency weights (a bootstrap resample's counts), and a
 * category is what occurs in the rows of positive weight: an empty category
 * (no row, or rows of weight zero only) is dropped, as polycor drops it by
 * tabulating the observed values. Its interval has width zero, so the
 * thresholds on both sides of it coincide.
 *
 * SEXP-free and allocation-free (iecpls.h): hetcor_fit() works in the
 * caller's hetcor_work_t (hetcor_work_size()), so the resampling loops can
 * re-estimate the matrix in every resample in OpenMP threads. */
#include "iecpls.h"
#include <math.h>
#include <Rmath.h>

/* ---- Bivariate standard normal distribution ----------------------------
 * Genz's BVND algorithm (A. Genz, "Numerical computation of rectangular
 * bivariate and trivariate normal and t probabilities", Statistics and
 * Computing 14, 2004, 251-260; as in his TVPACK): Gauss-Legendre
 * quadrature of Plackett's integral over asin(r) for |r| < 0.925, and of
 * Drezner and Wesolowsky's integral, with the singular part taken out,
 * for |r| >= 0.925; 6, 12 or 20 points as |r| grows. Absolute error about
 * 1e-15.
 *
 * The nodes (the negative half; the rule is symmetric) and weights of the
 * Gauss-Legendre rules on (-1, 1), computed by Newton's method on the
 * Legendre polynomials in double precision (they agree with Genz's tables
 * to the last digit he gives). */
static const double gl6_x[3] = {-9.3246951420315205e-01, -6.6120938646626459e-01, -2.3861918608319693e-01};
static const double gl6_w[3] = {1.7132449237917050e-01, 3.6076157304813861e-01, 4.6791393457269093e-01};
static const double gl12_x[6] = {-9.8156063424671924e-01, -9.0411725637047480e-01, -7.6990267419430469e-01,
                                 -5.8731795428661748e-01, -3.6783149899818018e-01, -1.2523340851146891e-01};
static const double gl12_w[6] = {4.7175336386511842e-02, 1.0693932599531855e-01, 1.6007832854334636e-01,
                                 2.0316742672306584e-01, 2.3349253653835478e-01, 2.4914704581340288e-01};
static const double gl20_x[10] = {-9.9312859918509488e-01, -9.6397192727791381e-01, -9.1223442825132595e-01,
                                  -8.3911697182221889e-01, -7.4633190646015080e-01, -6.3605368072651502e-01,
                                  -5.1086700195082713e-01, -3.7370608871541955e-01, -2.2778585114164507e-01,
                                  -7.6526521133497338e-02};
static const double gl20_w[10] = {1.7614007139152264e-02, 4.0601429800387050e-02, 6.2672048334109040e-02,
                                  8.3276741576704755e-02, 1.0193011981724048e-01, 1.1819453196151829e-01,
                                  1.3168863844917650e-01, 1.4209610931838215e-01, 1.4917298647260382e-01,
                                  1.5275338713072598e-01};

static inline double upper_tail(double x)
{
  return pnorm(x, 0.0, 1.0, 0, 0);
}

/* P(X > h, Y > k) for standard normal X, Y with correlation r, |r| <= 1
 * (finite h, k). */
double bvn_upper(double h, double k, double r)
{
  const double *x, *w;
  int points;
  double ar = fabs(r);
  if (ar < 0.3) {
    x = gl6_x, w = gl6_w, points = 3;
  } else if (ar < 0.75) {
    x = gl12_x, w = gl12_w, points = 6;
  } else {
    x = gl20_x, w = gl20_w, points = 10;
  }
  double hk = h * k, bvn = 0.0;
  if (ar < 0.925) {
    /* Plackett: the integral of the density over the correlation, with
     * r = sin(t), from 0 to asin(r) */
    double hs = (h * h + k * k) / 2.0, asr = asin(r);
    for (int i = 0; i < points; i++) {
      double sn = sin(asr * (x[i] + 1.0) / 2.0);
      bvn += w[i] * exp((sn * hk - hs) / (1.0 - sn * sn));
      sn = sin(asr * (1.0 - x[i]) / 2.0);
      bvn += w[i] * exp((sn * hk - hs) / (1.0 - sn * sn));
    }
    return bvn * asr / (4.0 * M_PI) + upper_tail(h) * upper_tail(k);
  }
  if (r < 0.0) {
    k = -k;
    hk = -hk;
  }
  if (ar < 1.0) {
    double as = (1.0 - r) * (1.0 + r), a = sqrt(as), bs = (h - k) * (h - k);
    double c = (4.0 - hk) / 8.0, d = (12.0 - hk) / 16.0;
    /* the integral's singular part, in closed form */
    bvn = a * exp(-(bs / as + hk) / 2.0) * (1.0 - c * (bs - as) * (1.0 - d * bs / 5.0) / 3.0 + c * d * as * as / 5.0);
    if (hk > -160.0) {
      double b = sqrt(bs);
      bvn -= exp(-hk / 2.0) * sqrt(2.0 * M_PI) * pnorm(-b / a, 0.0, 1.0, 1, 0) * b *
             (1.0 - c * bs * (1.0 - d * bs / 5.0) / 3.0);
    }
    /* and the rest by quadrature */
    a /= 2.0;
    for (int i = 0; i < points; i++) {
      double xs = a * (x[i] + 1.0);
      xs *= xs;
      double rs = sqrt(1.0 - xs);
      bvn += a * w[i] * (exp(-bs / (2.0 * xs) - hk / (1.0 + rs)) / rs -
                         exp(-(bs / xs + hk) / 2.0) * (1.0 + c * xs * (1.0 + d * xs)));
      xs = as * (1.0 - x[i]) * (1.0 - x[i]) / 4.0;
      rs = sqrt(1.0 - xs);
      bvn += a * w[i] * exp(-(bs / xs + hk) / 2.0) *
             (exp(-hk * (1.0 - rs) / (2.0 * (1.0 + rs))) / rs - (1.0 + c * xs * (1.0 + d * xs)));
    }
    bvn = -bvn / (2.0 * M_PI);
  }
  if (r > 0.0) return bvn + upper_tail(fmax(h, k));
  return -bvn + fmax(0.0, upper_tail(h) - upper_tail(k));
}

/* P(X <= h, Y <= k); h and k may be infinite. */
double bvn_cdf(double h, double k, double r)
{
  if (!R_FINITE(h) || !R_FINITE(k)) {
    if ((!R_FINITE(h) && h < 0.0) || (!R_FINITE(k) && k < 0.0)) return 0.0;
    if (!R_FINITE(h)) return R_FINITE(k) ? pnorm(k, 0.0, 1.0, 1, 0) : 1.0;
    return pnorm(h, 0.0, 1.0, 1, 0);
  }
  return bvn_upper(-h, -k, r);
}

/* The bivariate standard normal density at (h, k). */
static inline double bvn_density(double h, double k, double r, double one_minus_r2)
{
  return exp(-(h * h - 2.0 * r * h * k + k * k) / (2.0 * one_minus_r2)) / (2.0 * M_PI * sqrt(one_minus_r2));
}

/* ---- Thresholds ----------------------------------------------------------
 * From the weighted counts of the m categories of an ordinal column (total
 * `total` > 0): tau[c] = qnorm(P(category <= c + 1)) for c = 0 .. m - 2, the
 * threshold above category c + 1 (-Inf below the first category that
 * occurs, +Inf from the last one on, equal on both sides of an empty
 * category); rank[c] the position of category c + 1 among those that occur
 * (0-based), -1 for an empty one; cut[t] (t = 0 .. s - 2) the thresholds
 * between the s categories that occur, all finite. Returns s. */
int ordinal_thresholds(const double *counts, int m, double total, double *tau, int *rank, double *cut)
{
  double cumulative = 0.0;
  int s = 0;
  for (int c = 0; c < m; c++) {
    rank[c] = counts[c] > 0.0 ? s++ : -1;
    cumulative += counts[c];
    if (c < m - 1) tau[c] = qnorm(fmin(cumulative / total, 1.0), 0.0, 1.0, 1, 0);
  }
  for (int c = 0; c < m - 1; c++) {
    if (rank[c] >= 0 && rank[c] < s - 1) cut[rank[c]] = tau[c];
  }
  return s;
}

/* ---- Polychoric correlation ---------------------------------------------
 * A table n (r x c, column-major, weighted counts, no empty row or column)
 * with the finite thresholds a (r - 1) of its rows and b (c - 1) of its
 * columns. */

#define POLYCHORIC_TOL 1e-12      /* convergence: a Newton step this small */
#define POLYCHORIC_MAX_ITER 200

size_t polychoric_work_size(int r, int c)
{
  return 3 * (size_t) (r + 1) * (size_t) (c + 1);
}

/* Whether every cell with a count has positive probability under perfect
 * association of the margins (sign > 0: comonotone, the categories of the
 * rows and columns in the same order; sign < 0: the columns reversed). Then
 * the table is that perfect association's (a table with given margins is
 * fixed by which cells of a monotone staircase it uses), the likelihood with
 * the marginal thresholds attains the saturated maximum at rho = +-1 and
 * has no maximum inside. `cum` holds r + c + 2 doubles. */
static int perfect_association(const double *n, int r, int c, int sign, double *cum)
{
  double *u = cum, *v = cum + r + 1;
  u[0] = v[0] = 0.0;
  for (int i = 0; i < r; i++) {
    double row = 0.0;
    for (int j = 0; j < c; j++) row += n[i + (size_t) r * j];
    u[i + 1] = u[i] + row;
  }
  for (int j = 0; j < c; j++) {
    double col = 0.0;
    for (int i = 0; i < r; i++) col += n[i + (size_t) r * j];
    v[j + 1] = v[j] + col;
  }
  double tu = u[r], tv = v[c];
  for (int j = 0; j < c; j++) {
    /* the column's interval of (0, 1), reversed for sign < 0 */
    double lo = sign > 0 ? v[j] / tv : 1.0 - v[j + 1] / tv, hi = sign > 0 ? v[j + 1] / tv : 1.0 - v[j] / tv;
    for (int i = 0; i < r; i++) {
      if (!(n[i + (size_t) r * j] > 0.0)) continue;
      if (!(fmax(lo, u[i] / tu) < fmin(hi, u[i + 1] / tu))) return 0;
    }
  }
  return 1;
}

/* The log-likelihood of the table at rho (up to a constant), its first
 * and second derivatives. Returns 0 when a cell with a count has no
 * probability left at rho (rho this close to +-1 in double precision). */
static int polychoric_loglik(const double *n, int r, int c, const double *a, const double *b, double rho,
                             double *grid, double *ll, double *score, double *hess)
{
  size_t rows = (size_t) r + 1, size = rows * (size_t) (c + 1);
  double *F = grid, *D = grid + size, *D2 = grid + 2 * size;
  double s2 = (1.0 - rho) * (1.0 + rho);
  /* the distribution function and its derivatives in rho (the density, and
   * the density's derivative) at the corners of the cells */
  for (int j = 0; j <= c; j++) {
    for (int i = 0; i <= r; i++) {
      size_t at = (size_t) i + rows * (size_t) j;
      D[at] = D2[at] = 0.0;
      if (i == 0 || j == 0) {
        F[at] = 0.0;
      } else if (i == r) {
        F[at] = j == c ? 1.0 : pnorm(b[j - 1], 0.0, 1.0, 1, 0);
      } else if (j == c) {
        F[at] = pnorm(a[i - 1], 0.0, 1.0, 1, 0);
      } else {
        double h = a[i - 1], k = b[j - 1];
        F[at] = bvn_cdf(h, k, rho);
        D[at] = bvn_density(h, k, rho, s2);
        D2[at] = D[at] * (rho / s2 + (h * k * (1.0 + rho * rho) - rho * (h * h + k * k)) / (s2 * s2));
      }
    }
  }
  double sum = 0.0, g = 0.0, h2 = 0.0;
  for (int j = 0; j < c; j++) {
    for (int i = 0; i < r; i++) {
      double count = n[i + (size_t) r * j];
      if (!(count > 0.0)) continue;
      size_t at = (size_t) i + rows * (size_t) j;
      double P = F[at + rows + 1] - F[at + 1] - F[at + rows] + F[at];
      if (!(P > 0.0)) return 0;
      double P1 = D[at + rows + 1] - D[at + 1] - D[at + rows] + D[at];
      double P2 = D2[at + rows + 1] - D2[at + 1] - D2[at + rows] + D2[at];
      double ratio = P1 / P;
      sum += count * log(P);
      g += count * ratio;
      h2 += count * (P2 / P - ratio * ratio);
    }
  }
  *ll = sum;
  *score = g;
  *hess = h2;
  return 1;
}

/* The Pearson correlation of the table's category positions: the start. */
static double rank_correlation(const double *n, int r, int c)
{
  double total = 0.0, si = 0.0, sj = 0.0;
  for (int j = 0; j < c; j++) {
    for (int i = 0; i < r; i++) {
      double count = n[i + (size_t) r * j];
      total += count;
      si += count * i;
      sj += count * j;
    }
  }
  double mi = si / total, mj = sj / total, vi = 0.0, vj = 0.0, cij = 0.0;
  for (int j = 0; j < c; j++) {
    for (int i = 0; i < r; i++) {
      double count = n[i + (size_t) r * j];
      vi += count * (i - mi) * (i - mi);
      vj += count * (j - mj) * (j - mj);
      cij += count * (i - mi) * (j - mj);
    }
  }
  double rho = cij / sqrt(vi * vj);
  return R_FINITE(rho) ? fmax(-0.9, fmin(0.9, rho)) : 0.0;
}

/* The polychoric correlation of the table: the root of the score in
 * (-1, 1) by Newton's method, safeguarded by bisection on the bracket of
 * the score's sign change (the log-likelihood tends to -Inf at both ends
 * unless perfect_association()). `grid` holds polychoric_work_size(r, c)
 * doubles. Returns PLS_OK, PLS_ERR_POLYCHORIC_BOUNDARY (the likelihood
 * increases to rho = 1 or -1) or PLS_ERR_POLYCHORIC_NOT_CONVERGED. */
int polychoric(const double *n, int r, int c, const double *a, const double *b, double *grid, double *rho)
{
  if (perfect_association(n, r, c, 1, grid) || perfect_association(n, r, c, -1, grid)) {
    return PLS_ERR_POLYCHORIC_BOUNDARY;
  }
  double lo = -1.0, hi = 1.0, x = rank_correlation(n, r, c);
  for (int it = 0; it < POLYCHORIC_MAX_ITER; it++) {
    double ll, g, h, next;
    if (!polychoric_loglik(n, r, c, a, b, x, grid, &ll, &g, &h)) {
      /* past the maximum, towards the boundary on x's side */
      if (x > 0.0) hi = x; else lo = x;
      next = 0.5 * (lo + hi);
    } else {
      if (g == 0.0) {
        *rho = x;
        return PLS_OK;
      }
      if (g > 0.0) lo = x; else hi = x;
      next = 0.5 * (lo + hi);
      if (h < 0.0) {
        double newton = x - g / h;
        if (newton > lo && newton < hi) next = newton;
      }
    }
    if (fabs(next - x) < POLYCHORIC_TOL) {
      *rho = next;
      return PLS_OK;
    }
    x = next;
  }
  return PLS_ERR_POLYCHORIC_NOT_CONVERGED;
}

/* ---- The heterogeneous correlation matrix ------------------------------- */

static inline double weight_of(const double *case_weights, R_xlen_t i)
{
  return case_weights == NULL ? 1.0 : case_weights[i];
}

static inline double value_of(const column_t *col, R_xlen_t i)
{
  return col->real != NULL ? col->real[i] : (double) col->integer[i];
}

/* 0-based category of an ordinal column's code 1..m */
static inline int category_of(const column_t *col, R_xlen_t i)
{
  return (col->real != NULL ? (int) col->real[i] : col->integer[i]) - 1;
}

static int largest_categories(const hetcor_spec_t *sp)
{
  int largest = 1;
  for (int j = 0; j < sp->p; j++) if (sp->categories[j] > largest) largest = sp->categories[j];
  return largest;
}

static size_t total_categories(const hetcor_spec_t *sp)
{
  size_t total = 0;
  for (int j = 0; j < sp->p; j++) total += (size_t) sp->categories[j];
  return total;
}

void hetcor_work_size(const hetcor_spec_t *sp, size_t *n_double, size_t *n_int)
{
  size_t m = (size_t) largest_categories(sp), total = total_categories(sp), p = (size_t) sp->p;
  *n_double = 3 * total + 3 * p + 2 * m * m + polychoric_work_size((int) m, (int) m);
  *n_int = total + 2 * p + 1;
}

void hetcor_work_init(const hetcor_spec_t *sp, hetcor_work_t *ws, double *dbuf, int *ibuf)
{
  size_t m = (size_t) largest_categories(sp), total = total_categories(sp), p = (size_t) sp->p;
  ws->counts = dbuf;
  ws->tau = ws->counts + total;
  ws->cut = ws->tau + total;
  ws->mean = ws->cut + total;
  ws->sd = ws->mean + p;
  ws->density_sum = ws->sd + p;
  ws->table = ws->density_sum + p;
  ws->cells = ws->table + m * m;
  ws->grid = ws->cells + m * m;
  ws->offset = ibuf;
  ws->observed = ws->offset + p + 1;
  ws->rank = ws->observed + p;
  ws->offset[0] = 0;
  for (int j = 0; j < sp->p; j++) ws->offset[j + 1] = ws->offset[j] + sp->categories[j];
}

/* Column j's moments: an ordinal column's category counts, thresholds and
 * the mean, population sd and sum of normal densities at the cuts of its
 * category positions; a continuous column's mean and population sd. */
static int column_moments(const hetcor_spec_t *sp, const column_t *col, int j, R_xlen_t n,
                          const double *case_weights, double total, hetcor_work_t *ws)
{
  int m = sp->categories[j];
  if (m > 0) {
    double *counts = ws->counts + ws->offset[j];
    int *rank = ws->rank + ws->offset[j];
    double *cut = ws->cut + ws->offset[j];
    for (int c = 0; c < m; c++) counts[c] = 0.0;
    for (R_xlen_t i = 0; i < n; i++) counts[category_of(col, i)] += weight_of(case_weights, i);
    int s = ordinal_thresholds(counts, m, total, ws->tau + ws->offset[j], rank, cut);
    ws->observed[j] = s;
    if (s < 2) return PLS_ERR_ZERO_VARIANCE;
    double mean = 0.0, var = 0.0, density = 0.0;
    for (int c = 0; c < m; c++) if (rank[c] >= 0) mean += counts[c] * rank[c];
    mean /= total;
    for (int c = 0; c < m; c++) if (rank[c] >= 0) var += counts[c] * (rank[c] - mean) * (rank[c] - mean);
    for (int t = 0; t < s - 1; t++) density += dnorm(cut[t], 0.0, 1.0, 0);
    ws->mean[j] = mean;
    ws->sd[j] = sqrt(var / total);
    ws->density_sum[j] = density;
    return PLS_OK;
  }
  /* continuous: constant exactly when its values (of positive weight) are */
  double mean = 0.0, first = 0.0, var = 0.0;
  int have_first = 0, varies = 0;
  for (R_xlen_t i = 0; i < n; i++) {
    double w = weight_of(case_weights, i);
    if (w == 0.0) continue;
    double v = value_of(col, i);
    mean += w * v;
    if (!have_first) first = v, have_first = 1;
    else if (v != first) varies = 1;
  }
  if (!varies) return PLS_ERR_ZERO_VARIANCE;
  mean /= total;
  for (R_xlen_t i = 0; i < n; i++) {
    double w = weight_of(case_weights, i);
    if (w == 0.0) continue;
    double d = value_of(col, i) - mean;
    var += w * d * d;
  }
  ws->mean[j] = mean;
  ws->sd[j] = sqrt(var / total);
  ws->observed[j] = 0;
  if (!R_FINITE(mean) || !R_FINITE(ws->sd[j])) return PLS_ERR_COLUMN_OVERFLOW;
  return PLS_OK;
}

/* The weighted cross-product of deviations from the means of columns a and
 * b (an ordinal column's values are its category positions). */
static double cross_deviations(const hetcor_spec_t *sp, const column_t *cols, int a, int b, R_xlen_t n,
                               const double *case_weights, const hetcor_work_t *ws)
{
  const int *rank_a = ws->rank + ws->offset[a], *rank_b = ws->rank + ws->offset[b];
  int ord_a = sp->categories[a] > 0, ord_b = sp->categories[b] > 0;
  double ma = ws->mean[a], mb = ws->mean[b], sum = 0.0;
  for (R_xlen_t i = 0; i < n; i++) {
    double w = weight_of(case_weights, i);
    if (w == 0.0) continue;
    double x = ord_a ? rank_a[category_of(cols + a, i)] : value_of(cols + a, i);
    double y = ord_b ? rank_b[category_of(cols + b, i)] : value_of(cols + b, i);
    sum += w * (x - ma) * (y - mb);
  }
  return sum;
}

/* The contingency table of ordinal columns a and b over the categories
 * that occur (ws->cells, observed[a] x observed[b]). */
static void contingency_table(const hetcor_spec_t *sp, const column_t *cols, int a, int b, R_xlen_t n,
                              const double *case_weights, hetcor_work_t *ws)
{
  int ma = sp->categories[a], mb = sp->categories[b], sa = ws->observed[a];
  double *table = ws->table;
  for (size_t k = 0; k < (size_t) ma * (size_t) mb; k++) table[k] = 0.0;
  for (R_xlen_t i = 0; i < n; i++) {
    double w = weight_of(case_weights, i);
    if (w == 0.0) continue;
    table[category_of(cols + a, i) + (size_t) ma * category_of(cols + b, i)] += w;
  }
  const int *rank_a = ws->rank + ws->offset[a], *rank_b = ws->rank + ws->offset[b];
  for (int cb = 0; cb < mb; cb++) {
    if (rank_b[cb] < 0) continue;
    for (int ca = 0; ca < ma; ca++) {
      if (rank_a[ca] < 0) continue;
      ws->cells[rank_a[ca] + (size_t) sa * rank_b[cb]] = table[ca + (size_t) ma * cb];
    }
  }
}

/* The correlation of columns a and b, or a status. */
static int pair_correlation(const hetcor_spec_t *sp, const column_t *cols, int a, int b, R_xlen_t n,
                            const double *case_weights, double total, hetcor_work_t *ws, double *rho,
                            int *clamped)
{
  int ord_a = sp->categories[a] > 0, ord_b = sp->categories[b] > 0;
  *clamped = 0;
  if (ord_a && ord_b) {
    contingency_table(sp, cols, a, b, n, case_weights, ws);
    return polychoric(ws->cells, ws->observed[a], ws->observed[b], ws->cut + ws->offset[a],
                      ws->cut + ws->offset[b], ws->grid, rho);
  }
  double cross = cross_deviations(sp, cols, a, b, n, case_weights, ws) / total;
  if (!ord_a && !ord_b) {
    *rho = cross / (ws->sd[a] * ws->sd[b]);
    return PLS_OK;
  }
  /* polyserial, two-step: the population covariance of x and the category
   * positions over x's population sd and the sum of the normal densities at
   * the thresholds (polycor: sqrt((n - 1) / n) sd(y) cor(x, y) / sum(dnorm(cuts))) */
  int x = ord_a ? b : a, y = ord_a ? a : b;
  double r = cross / (ws->sd[x] * ws->density_sum[y]);
  if (fabs(r) > HETCOR_MAXCOR) {
    r = r > 0.0 ? HETCOR_MAXCOR : -HETCOR_MAXCOR;
    *clamped = 1;
  }
  *rho = r;
  return PLS_OK;
}

/* Fills the p x p correlation matrix R (column-major) of the data columns
 * `cols` (n complete rows: an ordinal column's values are codes 1 ..
 * sp->categories[j], a continuous column's finite numbers) with case
 * weights (NULL: all 1; rows of weight 0 are left out). Returns PLS_OK or
 * a status, with res->index the column (PLS_ERR_ZERO_VARIANCE: fewer than
 * two categories or values; PLS_ERR_COLUMN_OVERFLOW) or the pair
 * (PLS_ERR_POLYCHORIC_*) concerned; PLS_ERR_TOO_FEW_ROWS for fewer than two
 * rows of positive weight. The thresholds and category counts stay in ws
 * (ws->tau, ws->counts, from ws->offset[j]). */
int hetcor_fit(const hetcor_spec_t *sp, const column_t *cols, R_xlen_t n, const double *case_weights,
               hetcor_work_t *ws, double *R, hetcor_result_t *res)
{
  int p = sp->p;
  res->index[0] = res->index[1] = -1;
  res->clamped = 0;
  res->clamped_pair[0] = res->clamped_pair[1] = -1;
  double total = 0.0;
  R_xlen_t positive = 0;
  for (R_xlen_t i = 0; i < n; i++) {
    double w = weight_of(case_weights, i);
    total += w;
    positive += w > 0.0;
  }
  res->status = positive < 2 ? PLS_ERR_TOO_FEW_ROWS : PLS_OK;
  for (int j = 0; j < p && res->status == PLS_OK; j++) {
    res->status = column_moments(sp, cols + j, j, n, case_weights, total, ws);
    if (res->status != PLS_OK) res->index[0] = j;
  }
  if (res->status != PLS_OK) return res->status;
  for (int b = 0; b < p; b++) {
    R[b + (size_t) p * b] = 1.0;
    for (int a = 0; a < b; a++) {
      double rho = NA_REAL;
      int clamped;
      int status = pair_correlation(sp, cols, a, b, n, case_weights, total, ws, &rho, &clamped);
      if (status != PLS_OK) {
        res->status = status;
        res->index[0] = a;
        res->index[1] = b;
        return status;
      }
      if (clamped && res->clamped++ == 0) {
        res->clamped_pair[0] = a;
        res->clamped_pair[1] = b;
      }
      R[a + (size_t) p * b] = R[b + (size_t) p * a] = rho;
    }
    if (sp->poll != NULL) sp->poll();
  }
  return PLS_OK;
}
