/* Maximum likelihood estimates of the mean vector and covariance matrix of
 * incomplete data under multivariate normality, by the EM algorithm
 * (Dempster, Laird and Rubin 1977; in the pattern-wise form of Little and
 * Rubin 2002, sec. 11.2), and the conditional expectation of the missing
 * entries of a row given its observed entries.
 *
 * Rows are grouped by their missingness pattern once (em_patterns); the
 * grouping depends on the data alone, so the bootstrap, permutations and CV
 * folds pass one grouping to every resample, each with its own case weights
 * (frequencies: a row of weight 0 is absent). The data are centred at the
 * observed weighted means (`center`), so the cross-products stay accurate
 * wherever the columns lie. One EM iteration, from the current (mu, Sigma):
 *   E-step: for each pattern with observed columns O and missing columns M
 *     (o and m of them), the regression of x_M on x_O,
 *       B = Sigma_MO Sigma_OO^-1,  C = Sigma_MM - B Sigma_OM,  a = mu_M - B mu_O,
 *     then for each row of weight w the expectation e = E[x_M | x_O] = a + B x_O
 *     adds w e to the sums of M, w e x_O' to the cross-products of M and O
 *     and w (e e' + C) to those of M. B and C come from the Cholesky factor
 *     of Sigma_OO when the pattern misses more columns than it observes, and
 *     otherwise from the precision matrix K = Sigma^-1, factored once per
 *     iteration (C = K_MM^-1, B = -C K_MO), so that a row missing a few
 *     answers costs O(m^2 o) rather than O(o^3).
 *   M-step: mu = sums / N, Sigma = cross-products / N - mu mu', N the total
 *     weight (the ML divisor).
 * The sums and cross-products of observed values alone are the same in
 * every iteration and are formed once per call (observed_moments). A row
 * with no observed value contributes nothing to the likelihood and is left
 * out (of N too); em_impute gives it the mean.
 *
 * Start values: the observed weighted means and variances (divisor: the
 * column's observed weight), zero covariances; or the caller's (a resample
 * may start from the full-sample estimates).
 * Convergence: after iteration t, with s_j the standard deviations of
 * iteration t,
 *   max( max_j |mu_j(t) - mu_j(t-1)| / s_j,
 *        max_jk |Sigma_jk(t) - Sigma_jk(t-1)| / (s_j s_k) ) < tol,
 * the largest change of a mean or covariance in standard-deviation units
 * (scale free). Without a missing value among the rows of positive weight
 * the moments are computed directly (iterations 0, converged).
 *
 * SEXP-free, allocation-free (em_work_t and the pattern buffer belong to the
 * caller; sizes from em_work_size and em_patterns_size) and reentrant. */
#include "iecpls.h"

static inline double value(const em_data_t *d, R_xlen_t r, int c)
{
  return d->x[(size_t) r * d->row_stride + (size_t) c * d->col_stride];
}

static inline double weight_of(const double *case_weights, R_xlen_t r)
{
  return case_weights == NULL ? 1.0 : case_weights[r];
}

/* ---- Patterns ---------------------------------------------------------- */

/* R_xlen_t elements of the buffer of em_patterns. */
size_t em_patterns_size(R_xlen_t n)
{
  return 3 * (size_t) n + 1;
}

static int same_pattern(const em_data_t *d, R_xlen_t r, R_xlen_t s)
{
  for (int c = 0; c < d->p; c++)
    if (ISNAN(value(d, r, c)) != ISNAN(value(d, s, c))) return 0;
  return 1;
}

/* Groups the rows by missingness pattern: a least-significant-digit radix
 * sort on the columns' missingness (a stable partition per column, last
 * column first, observed before missing), O(n p). Rows of one pattern end
 * up together in their original order, and the patterns in lexicographic
 * order: the complete rows (if any) first, the rows with nothing observed
 * (if any) last. `buf` holds em_patterns_size(n) elements; `pat` points into
 * it. */
void em_patterns(const em_data_t *d, R_xlen_t *buf, em_patterns_t *pat)
{
  R_xlen_t n = d->n, *order = buf, *start = buf + n, *scratch = buf + 2 * n + 1;
  for (R_xlen_t r = 0; r < n; r++) order[r] = r;
  for (int c = d->p - 1; c >= 0; c--) {
    R_xlen_t kept = 0, moved = 0;
    for (R_xlen_t i = 0; i < n; i++) {
      R_xlen_t r = order[i];
      if (ISNAN(value(d, r, c))) scratch[moved++] = r;
      else order[kept++] = r;
    }
    if (moved > 0) memcpy(order + kept, scratch, (size_t) moved * sizeof(R_xlen_t));
  }
  int count = 0;
  for (R_xlen_t i = 0; i < n; i++)
    if (i == 0 || !same_pattern(d, order[i - 1], order[i])) start[count++] = i;
  start[count] = n;
  pat->n_patterns = count;
  pat->order = order;
  pat->start = start;
}

/* The columns of pattern k, observed ones then missing ones (each
 * ascending), into idx; returns how many are observed. */
static int pattern_columns(const em_data_t *d, const em_patterns_t *pat, int k, int *idx)
{
  R_xlen_t r = pat->order[pat->start[k]];
  int o = 0;
  for (int c = 0; c < d->p; c++)
    if (!ISNAN(value(d, r, c))) idx[o++] = c;
  int m = o;
  for (int c = 0; c < d->p; c++)
    if (ISNAN(value(d, r, c))) idx[m++] = c;
  return o;
}

/* Total weight of the rows of pattern k. */
static double pattern_weight(const em_patterns_t *pat, int k, const double *case_weights)
{
  if (case_weights == NULL) return (double) (pat->start[k + 1] - pat->start[k]);
  double total = 0.0;
  for (R_xlen_t i = pat->start[k]; i < pat->start[k + 1]; i++) {
    double w = case_weights[pat->order[i]];
    if (w > 0.0) total += w;
  }
  return total;
}

/* One row's values of the columns obs[0 .. o-1], less `center` (if any). */
static void gather(const em_data_t *d, R_xlen_t r, const int *obs, int o, const double *center, double *x)
{
  for (int l = 0; l < o; l++) x[l] = value(d, r, obs[l]) - (center == NULL ? 0.0 : center[obs[l]]);
}

/* ---- Workspace --------------------------------------------------------- */

/* Points the arrays of ws into dbuf (NULL: only counts); returns the
 * doubles they take, so that size and layout cannot disagree. */
static size_t em_work_layout(int p, em_work_t *ws, double *dbuf)
{
  size_t pv = (size_t) p, pp = pv * pv, used = 0;
  double **vectors[] = {&ws->old_mean, &ws->sum1, &ws->obs1, &ws->center};
  double **matrices[] = {&ws->old_cov, &ws->sum2, &ws->obs2, &ws->precision, &ws->factor, &ws->coef,
                         &ws->cond};
  for (size_t k = 0; k < sizeof vectors / sizeof vectors[0]; k++, used += pv)
    *vectors[k] = dbuf == NULL ? NULL : dbuf + used;
  for (size_t k = 0; k < sizeof matrices / sizeof matrices[0]; k++, used += pp)
    *matrices[k] = dbuf == NULL ? NULL : dbuf + used;
  ws->vec = dbuf == NULL ? NULL : dbuf + used;   /* 4 p */
  return used + 4 * pv;
}

size_t em_work_size(int p)
{
  em_work_t ws;
  return em_work_layout(p, &ws, NULL);
}

/* Carves em_work_size(p) doubles and p ints. */
void em_work_init(int p, em_work_t *ws, double *dbuf, int *ibuf)
{
  ws->p = p;
  em_work_layout(p, ws, dbuf);
  ws->columns = ibuf;
}

/* ---- The regression of a pattern's missing columns on its observed ones */

/* The block of the p x p matrix A on columns cols[0 .. count-1], Cholesky
 * factored into F (chol_factor). On failure returns PLS_ERR_EM_SINGULAR
 * with *bad the column found collinear with those before it. */
static int factor_block(const double *A, size_t p, const int *cols, int count, double *F, int *bad)
{
  size_t nc = (size_t) count;
  for (size_t b = 0; b < nc; b++)
    for (size_t i = 0; i < nc; i++) F[i + nc * b] = A[(size_t) cols[i] + p * (size_t) cols[b]];
  int k = chol_factor(F, count);
  if (k == 0) return PLS_OK;
  *bad = cols[k - 1];
  return PLS_ERR_EM_SINGULAR;
}

/* K = cov^-1 into ws->precision. */
static int precision_matrix(em_work_t *ws, const double *cov, int *bad)
{
  int p = ws->p;
  memcpy(ws->precision, cov, (size_t) p * (size_t) p * sizeof(double));
  int k = chol_factor(ws->precision, p);
  if (k != 0) {
    *bad = k - 1;
    return PLS_ERR_EM_SINGULAR;
  }
  chol_inverse(ws->precision, p, ws->vec + 3 * (size_t) p);
  return PLS_OK;
}

/* Under (mean, cov), for the pattern with observed columns idx[0 .. o-1]
 * and missing columns idx[o .. o+m-1]: B (ws->coef, m x o), C (ws->cond,
 * m x m) and a (ws->vec, m), as in the comment at the top. The precision
 * matrix is formed at the first pattern that needs it (*have_precision).
 * On a singular matrix returns PLS_ERR_EM_SINGULAR with *bad the column
 * found (numerically) collinear with the columns before it. */
static int regression(em_work_t *ws, const double *mean, const double *cov, int o, int m, const int *idx,
                      int *have_precision, int *bad)
{
  size_t p = (size_t) ws->p, mm = (size_t) m;
  const int *obs = idx, *mis = idx + o;
  double *B = ws->coef, *C = ws->cond, *F = ws->factor, *a = ws->vec, *scratch = ws->vec + 3 * p;
  if (m <= o) {
    if (!*have_precision) {
      int status = precision_matrix(ws, cov, bad);
      if (status != PLS_OK) return status;
      *have_precision = 1;
    }
    const double *K = ws->precision;
    int status = factor_block(K, p, mis, m, F, bad);
    if (status != PLS_OK) return status;
    chol_inverse(F, m, scratch);
    memcpy(C, F, mm * mm * sizeof(double));
    for (size_t l = 0; l < (size_t) o; l++) {
      const double *K_l = K + p * (size_t) obs[l];
      for (size_t j = 0; j < mm; j++) {
        double sum = 0.0;
        for (size_t i = 0; i < mm; i++) sum += C[j + mm * i] * K_l[mis[i]];
        B[j + mm * l] = -sum;
      }
    }
  } else {
    size_t oo = (size_t) o;
    int status = factor_block(cov, p, obs, o, F, bad);
    if (status != PLS_OK) return status;
    for (size_t j = 0; j < mm; j++) {
      const double *cov_j = cov + p * (size_t) mis[j];
      for (size_t l = 0; l < oo; l++) scratch[l] = cov_j[obs[l]];
      chol_solve(F, o, scratch);
      for (size_t l = 0; l < oo; l++) B[j + mm * l] = scratch[l];
    }
    for (size_t j = 0; j < mm; j++) {
      const double *cov_j = cov + p * (size_t) mis[j];
      for (size_t i = j; i < mm; i++) {
        double sum = cov_j[mis[i]];
        for (size_t l = 0; l < oo; l++) sum -= B[i + mm * l] * cov_j[obs[l]];
        C[i + mm * j] = C[j + mm * i] = sum;
      }
    }
  }
  for (size_t j = 0; j < mm; j++) {
    double sum = mean[mis[j]];
    for (size_t l = 0; l < (size_t) o; l++) sum -= B[j + mm * l] * mean[obs[l]];
    a[j] = sum;
  }
  return PLS_OK;
}

/* e = a + B x (m), with a, B from regression(). */
static void conditional_mean(const em_work_t *ws, int o, int m, const double *x, double *e)
{
  size_t mm = (size_t) m;
  for (size_t j = 0; j < mm; j++) e[j] = ws->vec[j];
  for (size_t l = 0; l < (size_t) o; l++) {
    const double *B_l = ws->coef + mm * l;
    double x_l = x[l];
    for (size_t j = 0; j < mm; j++) e[j] += B_l[j] * x_l;
  }
}

/* ---- EM ---------------------------------------------------------------- */

/* The sums (ws->obs1) and cross-products (ws->obs2) of the observed values
 * less the observed weighted means (ws->center), over the rows of positive
 * weight; the start values in mean and cov; *total the weight of the rows
 * with an observed value; *incomplete whether one of them misses a value.
 * Returns PLS_OK or a data status with *bad the column (-1: too few rows). */
static int observed_moments(const em_data_t *d, const em_patterns_t *pat, const double *case_weights,
                            em_work_t *ws, double *mean, double *cov, double *total, int *incomplete, int *bad)
{
  size_t p = (size_t) d->p;
  double *observed = ws->old_mean, *center = ws->center, *x = ws->vec + p;
  int *idx = ws->columns;
  R_xlen_t rows = 0;
  memset(observed, 0, p * sizeof(double));
  memset(center, 0, p * sizeof(double));
  memset(ws->obs1, 0, p * sizeof(double));
  memset(ws->obs2, 0, p * p * sizeof(double));
  *total = 0.0;
  *incomplete = 0;
  *bad = -1;
  /* the observed weighted means, row by row */
  for (R_xlen_t r = 0; r < d->n; r++) {
    double w = weight_of(case_weights, r);
    if (!(w > 0.0)) continue;
    size_t seen = 0;
    for (size_t c = 0; c < p; c++) {
      double v = value(d, r, (int) c);
      if (ISNAN(v)) continue;
      if (!R_FINITE(v)) {
        *bad = (int) c;
        return PLS_ERR_INFINITE;
      }
      center[c] += w * v;
      observed[c] += w;
      seen++;
    }
    if (seen == 0) continue;   /* nothing observed: not used */
    rows++;
    *total += w;
    if (seen < p) *incomplete = 1;
  }
  if (rows < 2) return PLS_ERR_TOO_FEW_ROWS;
  for (size_t c = 0; c < p; c++) {
    if (!(observed[c] > 0.0)) {
      *bad = (int) c;
      return PLS_ERR_ALL_MISSING;
    }
    center[c] /= observed[c];
  }
  /* their cross-products, pattern by pattern */
  double *sum1 = ws->obs1, *sum2 = ws->obs2;
  for (int k = 0; k < pat->n_patterns; k++) {
    int o = pattern_columns(d, pat, k, idx);
    if (o == 0) continue;
    for (R_xlen_t i = pat->start[k]; i < pat->start[k + 1]; i++) {
      R_xlen_t r = pat->order[i];
      double w = weight_of(case_weights, r);
      if (!(w > 0.0)) continue;
      gather(d, r, idx, o, center, x);
      /* lower triangle: idx is ascending, so idx[b] >= idx[l] for b >= l */
      for (int l = 0; l < o; l++) {
        double wx = w * x[l];
        double *col = sum2 + p * (size_t) idx[l];
        sum1[idx[l]] += wx;
        for (int b = l; b < o; b++) col[idx[b]] += wx * x[b];
      }
    }
  }
  for (size_t j = 0; j < p; j++)
    for (size_t i = j + 1; i < p; i++) sum2[j + p * i] = sum2[i + p * j];
  memset(cov, 0, p * p * sizeof(double));
  for (size_t c = 0; c < p; c++) {
    double m1 = sum1[c] / observed[c], variance = sum2[c + p * c] / observed[c] - m1 * m1;
    *bad = (int) c;
    if (!R_FINITE(variance)) return PLS_ERR_COLUMN_OVERFLOW;
    if (!(variance > 0.0)) return PLS_ERR_ZERO_VARIANCE;
    mean[c] = m1;
    cov[c + p * c] = variance;
  }
  *bad = -1;
  return PLS_OK;
}

/* Adds the expected values of one iteration's missing entries, under
 * (ws->old_mean, ws->old_cov), to ws->sum1 and ws->sum2. */
static int expectation_step(const em_data_t *d, const em_patterns_t *pat, const double *case_weights,
                            em_work_t *ws, int *bad)
{
  size_t p = (size_t) d->p;
  int *idx = ws->columns, have_precision = 0;
  double *x = ws->vec + p, *e = ws->vec + 2 * p, *sum1 = ws->sum1, *sum2 = ws->sum2;
  for (int k = 0; k < pat->n_patterns; k++) {
    int o = pattern_columns(d, pat, k, idx), m = d->p - o;
    if (o == 0 || m == 0) continue;
    double total = pattern_weight(pat, k, case_weights);
    if (!(total > 0.0)) continue;
    int status = regression(ws, ws->old_mean, ws->old_cov, o, m, idx, &have_precision, bad);
    if (status != PLS_OK) return status;
    const int *obs = idx, *mis = idx + o;
    for (R_xlen_t i = pat->start[k]; i < pat->start[k + 1]; i++) {
      R_xlen_t r = pat->order[i];
      double w = weight_of(case_weights, r);
      if (!(w > 0.0)) continue;
      gather(d, r, obs, o, ws->center, x);
      conditional_mean(ws, o, m, x, e);
      for (int j = 0; j < m; j++) {
        size_t J = (size_t) mis[j];
        double we = w * e[j];
        double *col = sum2 + p * J;
        sum1[J] += we;
        for (int l = 0; l < o; l++) {
          double v = we * x[l];
          col[obs[l]] += v;
          sum2[J + p * (size_t) obs[l]] += v;
        }
        for (int i2 = 0; i2 < m; i2++) col[mis[i2]] += we * e[i2];
      }
    }
    const double *C = ws->cond;
    for (int j = 0; j < m; j++)
      for (int i2 = 0; i2 < m; i2++) sum2[(size_t) mis[i2] + p * (size_t) mis[j]] += total * C[(size_t) i2 + (size_t) m * (size_t) j];
  }
  return PLS_OK;
}

static void maximization_step(int p, const double *sum1, const double *sum2, double total, double *mean,
                              double *cov)
{
  size_t pp = (size_t) p;
  for (size_t j = 0; j < pp; j++) mean[j] = sum1[j] / total;
  for (size_t j = 0; j < pp; j++)
    for (size_t i = 0; i < pp; i++) cov[i + pp * j] = sum2[i + pp * j] / total - mean[i] * mean[j];
}

/* The convergence criterion (see the top): NaN when a variance is not
 * positive. `scratch` holds p doubles. */
static double relative_change(int p, const double *old_mean, const double *old_cov, const double *mean,
                              const double *cov, double *scratch)
{
  size_t pp = (size_t) p;
  double change = 0.0;
  for (size_t j = 0; j < pp; j++) {
    double variance = cov[j + pp * j];
    if (!(variance > 0.0) || !R_FINITE(variance)) return R_NaN;
    scratch[j] = 1.0 / sqrt(variance);
  }
  for (size_t j = 0; j < pp; j++) {
    double delta = fabs(mean[j] - old_mean[j]) * scratch[j];
    if (!(delta <= change)) change = delta;
    for (size_t i = j; i < pp; i++) {
      delta = fabs(cov[i + pp * j] - old_cov[i + pp * j]) * scratch[i] * scratch[j];
      if (!(delta <= change)) change = delta;
    }
  }
  return change;
}

/* The first column whose variance is not a positive number (0 if none). */
static int bad_variance(int p, const double *cov)
{
  for (int j = 0; j < p; j++) {
    double variance = cov[(size_t) j + (size_t) p * (size_t) j];
    if (!(variance > 0.0) || !R_FINITE(variance)) return j;
  }
  return 0;
}

/* ML mean vector (res->mean) and covariance matrix (res->cov, divisor the
 * total weight) of the data, with `case_weights` (NULL: 1; a frequency
 * each, 0 for an absent row) and the patterns of em_patterns. Returns
 * res->status: PLS_OK (also when EM stops at ctl->max_iter without
 * converging: res->converged says), or
 *   PLS_ERR_TOO_FEW_ROWS    fewer than two rows of positive weight with an
 *                           observed value;
 *   PLS_ERR_ALL_MISSING     a column with no observed value in them;
 *   PLS_ERR_INFINITE        an infinite value;
 *   PLS_ERR_ZERO_VARIANCE   a column whose observed values are all equal;
 *   PLS_ERR_COLUMN_OVERFLOW a column whose variance overflows;
 *   PLS_ERR_EM_SINGULAR     the covariance matrix (or, for a pattern, the
 *                           block it needs) stopped being positive definite,
 * with res->status_index the column concerned (-1 for too few rows). */
int em_moments(const em_data_t *d, const em_patterns_t *pat, const double *case_weights,
               const em_control_t *ctl, em_work_t *ws, em_result_t *res)
{
  int p = d->p, bad = -1, incomplete;
  size_t pp = (size_t) p * (size_t) p;
  res->iterations = 0;
  res->converged = 0;
  res->change = R_NaN;
  res->status_index = -1;
  int status = observed_moments(d, pat, case_weights, ws, res->mean, res->cov, &res->total_weight,
                                &incomplete, &bad);
  if (status == PLS_OK && !incomplete) {
    maximization_step(p, ws->obs1, ws->obs2, res->total_weight, res->mean, res->cov);
    res->converged = 1;
    res->change = 0.0;
  } else if (status == PLS_OK) {
    if (ctl->start_mean != NULL && ctl->start_cov != NULL) {
      for (int j = 0; j < p; j++) res->mean[j] = ctl->start_mean[j] - ws->center[j];
      memcpy(res->cov, ctl->start_cov, pp * sizeof(double));
    }
    for (int it = 1; it <= ctl->max_iter; it++) {
      memcpy(ws->old_mean, res->mean, (size_t) p * sizeof(double));
      memcpy(ws->old_cov, res->cov, pp * sizeof(double));
      memcpy(ws->sum1, ws->obs1, (size_t) p * sizeof(double));
      memcpy(ws->sum2, ws->obs2, pp * sizeof(double));
      status = expectation_step(d, pat, case_weights, ws, &bad);
      if (status != PLS_OK) break;
      maximization_step(p, ws->sum1, ws->sum2, res->total_weight, res->mean, res->cov);
      res->iterations = it;
      res->change = relative_change(p, ws->old_mean, ws->old_cov, res->mean, res->cov, ws->vec);
      if (ISNAN(res->change)) {
        status = PLS_ERR_EM_SINGULAR;
        bad = bad_variance(p, res->cov);
        break;
      }
      if (res->change < ctl->tol) {
        res->converged = 1;
        break;
      }
      if (ctl->poll != NULL && it % EM_POLL_ITERATIONS == 0) ctl->poll();
    }
  }
  if (status == PLS_OK) {
    for (int j = 0; j < p; j++) res->mean[j] += ws->center[j];
  } else {
    res->status_index = bad;
    res->converged = 0;
  }
  res->status = status;
  return status;
}

/* ---- Conditional expectations and the log-likelihood -------------------- */

/* Writes the completed data to out (element (r, c) at out[r * out_row_stride
 * + c * out_col_stride]; out may be d->x itself, with the same strides):
 * observed entries as they are, each missing entry its conditional
 * expectation given the row's observed entries under (mean, cov),
 * mean_M + Sigma_MO Sigma_OO^-1 (x_O - mean_O); the mean for a row with
 * nothing observed. Returns PLS_OK or PLS_ERR_EM_SINGULAR (cov not positive
 * definite; *bad_column the column found collinear). */
int em_impute(const em_data_t *d, const em_patterns_t *pat, const double *mean, const double *cov,
              em_work_t *ws, double *out, size_t out_row_stride, size_t out_col_stride, int *bad_column)
{
  size_t p = (size_t) d->p;
  int *idx = ws->columns, have_precision = 0;
  double *x = ws->vec + p, *e = ws->vec + 2 * p;
  *bad_column = -1;
  for (int k = 0; k < pat->n_patterns; k++) {
    int o = pattern_columns(d, pat, k, idx), m = d->p - o;
    if (m > 0 && o > 0) {
      int status = regression(ws, mean, cov, o, m, idx, &have_precision, bad_column);
      if (status != PLS_OK) return status;
    }
    for (R_xlen_t i = pat->start[k]; i < pat->start[k + 1]; i++) {
      R_xlen_t r = pat->order[i];
      double *row = out + (size_t) r * out_row_stride;
      gather(d, r, idx, o, NULL, x);
      for (int l = 0; l < o; l++) row[out_col_stride * (size_t) idx[l]] = x[l];
      if (m == 0) continue;
      if (o > 0) conditional_mean(ws, o, m, x, e);
      for (int j = 0; j < m; j++) row[out_col_stride * (size_t) idx[o + j]] = o > 0 ? e[j] : mean[idx[o + j]];
    }
  }
  return PLS_OK;
}

/* The observed-data log-likelihood under N(mean, cov): the sum over rows
 * of positive weight with an observed value of weight times
 * -(o log(2 pi) + log det Sigma_OO + (x_O - mean_O)' Sigma_OO^-1 (x_O - mean_O)) / 2.
 * NaN with *status PLS_ERR_EM_SINGULAR when a block Sigma_OO is not
 * positive definite. */
double em_loglik(const em_data_t *d, const em_patterns_t *pat, const double *case_weights,
                 const double *mean, const double *cov, em_work_t *ws, int *status, int *bad_column)
{
  size_t p = (size_t) d->p;
  int *idx = ws->columns;
  double *x = ws->vec + p, *z = ws->vec + 2 * p, *F = ws->factor, loglik = 0.0;
  *status = PLS_OK;
  *bad_column = -1;
  for (int k = 0; k < pat->n_patterns; k++) {
    int o = pattern_columns(d, pat, k, idx);
    if (o == 0 || !(pattern_weight(pat, k, case_weights) > 0.0)) continue;
    size_t oo = (size_t) o;
    *status = factor_block(cov, p, idx, o, F, bad_column);
    if (*status != PLS_OK) return R_NaN;
    double constant = -0.5 * ((double) o * log(2.0 * M_PI) + chol_log_det(F, o));
    for (R_xlen_t i = pat->start[k]; i < pat->start[k + 1]; i++) {
      R_xlen_t r = pat->order[i];
      double w = weight_of(case_weights, r);
      if (!(w > 0.0)) continue;
      gather(d, r, idx, o, mean, x);
      memcpy(z, x, oo * sizeof(double));
      chol_solve(F, o, z);
      double q = 0.0;
      for (size_t l = 0; l < oo; l++) q += x[l] * z[l];
      loglik += w * (constant - 0.5 * q);
    }
  }
  return loglik;
}
