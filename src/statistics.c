/* The vector of statistics a resample reports, in the order R names them:
 * outer weights (p), own-block loadings (p), path coefficients (one per
 * structural path), R^2 (one per endogenous construct), total effects
 * (one per ordered pair of constructs joined by a directed path), the HTMT
 * of chosen pairs of constructs, total indirect effects (total minus
 * direct) and specific indirect effects (products of the paths along a
 * chain), then the vanishing tetrads of confirmatory tetrad analysis (from
 * S alone), or, for the test of exact model fit, the fit measures alone
 * (model_fit.c). Under the individual sign change (Tenenhaus et al. 2005) weights,
 * loadings, paths and totals take the signs of the full-sample estimates
 * before the indirect effects are formed from them. */
#include "iecpls.h"
#include <Rmath.h>

/* The columns collect_statistics() writes; the copula regressions, when
 * there are any, follow them (statistic_count() counts both). */
int standard_statistic_count(const pls_model_t *m, const stat_spec_t *st)
{
  if (st->model_fit) return FIT_MEASURE_COUNT;
  return 2 * m->p + st->n_edges + st->n_endogenous + st->n_total + st->n_htmt + st->n_indirect +
         st->n_chains + st->n_tetrads;
}

int statistic_count(const pls_model_t *m, const stat_spec_t *st)
{
  return standard_statistic_count(m, st) + (st->has_copula ? copula_column_count(&st->copula) : 0);
}

/* Scratch doubles collect_statistics() needs: 3 K^2 for the effects, or
 * the model fit's (model_fit.c). */
size_t statistic_scratch_size(const pls_model_t *m)
{
  size_t effects = 3 * (size_t) m->K * (size_t) m->K, fit = model_fit_scratch_size(m->p, m->K);
  return effects > fit ? effects : fit;
}

static inline double signed_like(double value, const double *reference, R_xlen_t c)
{
  return reference == NULL ? value : fabs(value) * reference[c];
}

/* Total effects T = B + B^2 + ... + B^(K-1) of a recursive model (B nilpotent),
 * using two K x K scratch matrices. B is sparse (one entry per path), so
 * each product skips its zero entries. */
void total_effects(const double *B, int K, double *power, double *next, double *total)
{
  size_t KK = (size_t) K * (size_t) K, k_size = (size_t) K;
  for (size_t i = 0; i < KK; i++) total[i] = power[i] = B[i];
  for (int step = 2; step < K; step++) {
    int nonzero = 0;
    for (size_t j = 0; j < k_size; j++) {
      double *next_j = next + k_size * j;
      for (size_t i = 0; i < k_size; i++) next_j[i] = 0.0;
      for (size_t k = 0; k < k_size; k++) {
        double b = B[k + k_size * j];
        if (b == 0.0) continue;
        const double *power_k = power + k_size * k;
        for (size_t i = 0; i < k_size; i++) next_j[i] += power_k[i] * b;
      }
      for (size_t i = 0; i < k_size; i++) nonzero |= next_j[i] != 0.0;
    }
    if (!nonzero) break;
    for (size_t i = 0; i < KK; i++) {
      power[i] = next[i];
      total[i] += next[i];
    }
  }
}

/* Mean correlation between the indicators of blocks a and b (a != b), or
 * among the indicators of block a (a == b; 1 for a single indicator). The
 * geometric mean is that of correlations of one sign (negative when all are
 * negative), NA when the signs differ or, within a block, when one is not
 * positive. */
static double mean_correlation(int p, const int *block_start, const double *S, int a, int b,
                               int absolute, int geometric)
{
  size_t pp = (size_t) p;
  double sum = 0.0;
  long count = 0, positive = 0, negative = 0;
  for (int y = block_start[b]; y < block_start[b + 1]; y++)
    for (int x = block_start[a]; x < (a == b ? y : block_start[a + 1]); x++) {
      double r = S[(size_t) x + pp * (size_t) y];
      if (absolute) r = fabs(r);
      if (geometric) {
        positive += r > 0.0;
        negative += r < 0.0;
        r = log(fabs(r));
      }
      sum += r;
      count++;
    }
  if (count == 0) return 1.0;
  if (!geometric) return sum / (double) count;
  if (a == b && positive < count) return NA_REAL;
  if (positive > 0 && negative > 0) return NA_REAL;
  return negative > 0 ? -exp(sum / (double) count) : exp(sum / (double) count);
}

/* HTMT (Henseler, Ringle and Sarstedt 2015): the mean heterotrait
 * correlation over the geometric mean of the two mean monotrait correlations;
 * HTMT2 (Roemer, Schuberth and Henseler 2021) with geometric means of the
 * correlations. NA when either mean monotrait correlation is not positive (a
 * reverse-coded indicator): the ratio has no meaning then, even when both
 * are negative and their product is positive. R warns about it once
 * (pls_htmt()). */
double htmt_ratio(int p, const int *block_start, const double *S, int a, int b, int absolute,
                  int geometric)
{
  double mono_a = mean_correlation(p, block_start, S, a, a, absolute, geometric),
         mono_b = mean_correlation(p, block_start, S, b, b, absolute, geometric);
  if (!(mono_a > 0.0 && mono_b > 0.0)) return NA_REAL;
  return mean_correlation(p, block_start, S, a, b, absolute, geometric) / sqrt(mono_a * mono_b);
}

/* What each column of the statistics vector is, in the order
 * collect_statistics() writes them: its type (enum statistic_type), its
 * item (1-based: the indicator of a weight or loading, otherwise the
 * column's number within its type, e.g. the chain of a specific indirect
 * effect) and the constructs it goes from and to (1-based, NA_INTEGER where
 * there is none: a weight or loading has no "to", an R^2 no "from"). */
void statistic_layout(const pls_model_t *m, const stat_spec_t *st, int *type, int *item, int *from,
                      int *to)
{
  R_xlen_t c = 0;
#define COLUMN(t, i, f, o) (type[c] = (t), item[c] = (i), from[c] = (f), to[c] = (o), c++)
  if (st->model_fit) {
    for (int k = 0; k < FIT_MEASURE_COUNT; k++) COLUMN(STAT_FIT, k + 1, NA_INTEGER, NA_INTEGER);
    return;
  }
  for (int pass = STAT_WEIGHT; pass <= STAT_LOADING; pass++)
    for (int j = 0; j < m->K; j++)
      for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) COLUMN(pass, x + 1, j + 1, NA_INTEGER);
  for (int e = 0; e < st->n_edges; e++) COLUMN(STAT_PATH, e + 1, st->edge_from[e] + 1, st->edge_to[e] + 1);
  for (int e = 0; e < st->n_endogenous; e++) COLUMN(STAT_R2, e + 1, NA_INTEGER, st->endogenous[e] + 1);
  for (int e = 0; e < st->n_total; e++) COLUMN(STAT_TOTAL, e + 1, st->total_from[e] + 1, st->total_to[e] + 1);
  for (int e = 0; e < st->n_htmt; e++) COLUMN(STAT_HTMT, e + 1, st->htmt_a[e] + 1, st->htmt_b[e] + 1);
  for (int e = 0; e < st->n_indirect; e++) {
    int t = st->indirect_total[e];
    COLUMN(STAT_INDIRECT, e + 1, st->total_from[t] + 1, st->total_to[t] + 1);
  }
  for (int k = 0; k < st->n_chains; k++) {
    int first = st->chain_edges[st->chain_start[k]], last = st->chain_edges[st->chain_start[k + 1] - 1];
    COLUMN(STAT_SPECIFIC, k + 1, st->edge_from[first] + 1, st->edge_to[last] + 1);
  }
  for (int e = 0; e < st->n_tetrads; e++) COLUMN(STAT_TETRAD, e + 1, NA_INTEGER, NA_INTEGER);
  if (st->has_copula) {
    const copula_spec_t *cs = &st->copula;
    for (int g = 0; g < cs->n_models; g++) {
      for (int i = 0; i < cs->k; i++) COLUMN(STAT_COPULA_PATH, g + 1, cs->predictor[i] + 1, cs->outcome + 1);
      for (int t = cs->model_start[g]; t < cs->model_start[g + 1]; t++)
        COLUMN(STAT_COPULA, g + 1, cs->predictor[cs->model_term[t]] + 1, cs->outcome + 1);
    }
  }
#undef COLUMN
}

/* Writes the statistics of one fit to out[0], out[stride], ... ; scratch
 * holds statistic_scratch_size() doubles. */
void collect_statistics(const pls_model_t *m, const stat_spec_t *st, const pls_result_t *res,
                        const double *S, double *scratch, double *out, R_xlen_t stride)
{
  if (st->model_fit) {
    model_fit_statistics(m, st, res, S, scratch, out, stride);
    return;
  }
  size_t p = (size_t) m->p, K = (size_t) m->K;
  const double *sign = st->sign_reference;
  R_xlen_t c = 0;
  for (size_t x = 0; x < p; x++, c++) out[stride * c] = signed_like(res->weights[x], sign, c);
  for (size_t x = 0; x < p; x++, c++) out[stride * c] = signed_like(res->loadings[x], sign, c);
  R_xlen_t first_path = c;
  for (int e = 0; e < st->n_edges; e++, c++)
    out[stride * c] = signed_like(res->path_coef[(size_t) st->edge_from[e] + K * (size_t) st->edge_to[e]],
                                  sign, c);
  for (int e = 0; e < st->n_endogenous; e++) out[stride * c++] = res->r2[st->endogenous[e]];
  R_xlen_t first_total = c;
  if (st->n_total > 0) {
    double *total = scratch + 2 * K * K;
    total_effects(res->path_coef, m->K, scratch, scratch + K * K, total);
    for (int e = 0; e < st->n_total; e++, c++)
      out[stride * c] = signed_like(total[(size_t) st->total_from[e] + K * (size_t) st->total_to[e]], sign, c);
  }
  for (int e = 0; e < st->n_htmt; e++)
    out[stride * c++] = htmt_ratio(m->p, m->block_start, S, st->htmt_a[e], st->htmt_b[e], st->htmt_absolute, 0);
  for (int e = 0; e < st->n_indirect; e++) {
    int edge = st->indirect_edge[e];
    double direct = edge >= 0 ? out[stride * (first_path + edge)] : 0.0;
    out[stride * c++] = out[stride * (first_total + st->indirect_total[e])] - direct;
  }
  for (int k = 0; k < st->n_chains; k++) {
    double product = 1.0;
    for (int i = st->chain_start[k]; i < st->chain_start[k + 1]; i++)
      product *= out[stride * (first_path + st->chain_edges[i])];
    out[stride * c++] = product;
  }
  collect_tetrads(m, st, S, out + stride * c, stride);
}

/* The tetrad tau_ghij = s_gh s_ij - s_gi s_hj of the p x p matrix S
 * (Bollen and Ting 2000), gh_ij the four 0-based indicators g, h, i, j. */
double tetrad_value(int p, const double *S, const int *gh_ij)
{
  size_t pp = (size_t) p, g = (size_t) gh_ij[0], h = (size_t) gh_ij[1], i = (size_t) gh_ij[2],
         j = (size_t) gh_ij[3];
  return S[g + pp * h] * S[i + pp * j] - S[g + pp * i] * S[h + pp * j];
}

/* The tetrads of the statistics to out[0], out[stride], ... */
void collect_tetrads(const pls_model_t *m, const stat_spec_t *st, const double *S, double *out, R_xlen_t stride)
{
  for (int e = 0; e < st->n_tetrads; e++) out[stride * e] = tetrad_value(m->p, S, st->tetrad + 4 * (size_t) e);
}

void fill_missing_statistics(int q, double *out, R_xlen_t stride)
{
  for (R_xlen_t c = 0; c < q; c++) out[stride * c] = NA_REAL;
}

/* --- Gaussian copula regressions ---------------------------------------
 * For one structural equation (copula_spec_t): each predictor's copula term
 * C = qnorm(H(P)), H the empirical distribution function in the form
 * rank / (N + 1) (average ranks of ties, N the sample's total frequency),
 * and, for each model, the least-squares regression with an intercept of
 * the outcome's scores on the predictors' scores and the model's copula
 * terms. A sample is n cases with frequencies freq (NULL: each once); a
 * case drawn f times counts as f tied cases. */

int copula_column_count(const copula_spec_t *cs)
{
  return cs->n_models * cs->k + cs->model_start[cs->n_models];
}

void copula_buffer_size(const copula_spec_t *cs, R_xlen_t n, size_t *n_double, size_t *n_index, size_t *n_int)
{
  size_t k = (size_t) cs->k, nn = (size_t) n, d = 2 * k + 1;
  *n_double = nn * (2 * k + 1) + d * d + d + 4 * k * k + 2 * k;
  *n_index = nn > 0 ? nn : 1;
  *n_int = 2 * k;
}

void copula_buffer_init(const copula_spec_t *cs, R_xlen_t n, copula_buffers_t *b, double *dbuf,
                        R_xlen_t *xbuf, int *ibuf)
{
  size_t k = (size_t) cs->k, nn = (size_t) n, d = 2 * k + 1;
  b->scores = dbuf;    dbuf += nn * (k + 1);
  b->terms = dbuf;     dbuf += nn * k;
  b->cross = dbuf;     dbuf += d * d;
  b->means = dbuf;     dbuf += d;
  b->system = dbuf;
  b->order = xbuf;
  b->column = ibuf;
}

static inline double frequency(const double *freq, R_xlen_t i) { return freq == NULL ? 1.0 : freq[i]; }

/* Heap sort of order[0 .. m-1] by value[order[.]] (ascending): in place,
 * no allocation, O(m log m). */
static void sift_down(const double *value, R_xlen_t *order, R_xlen_t root, R_xlen_t m)
{
  for (;;) {
    R_xlen_t child = 2 * root + 1;
    if (child >= m) return;
    if (child + 1 < m && value[order[child + 1]] > value[order[child]]) child++;
    if (!(value[order[child]] > value[order[root]])) return;
    R_xlen_t swap = order[root];
    order[root] = order[child];
    order[child] = swap;
    root = child;
  }
}

static void sort_by_value(const double *value, R_xlen_t *order, R_xlen_t m)
{
  for (R_xlen_t i = m / 2; i-- > 0;) sift_down(value, order, i, m);
  for (R_xlen_t end = m - 1; end > 0; end--) {
    R_xlen_t swap = order[0];
    order[0] = order[end];
    order[end] = swap;
    sift_down(value, order, 0, end);
  }
}

/* The copula terms of the k predictors from b->scores into b->terms (0 for
 * cases not in the sample). */
void copula_terms(const copula_spec_t *cs, R_xlen_t n, const double *freq, copula_buffers_t *b)
{
  size_t nn = (size_t) n;
  double N = 0.0;
  for (R_xlen_t i = 0; i < n; i++) N += frequency(freq, i);
  for (int c = 0; c < cs->k; c++) {
    const double *v = b->scores + nn * (size_t) c;
    double *term = b->terms + nn * (size_t) c;
    R_xlen_t m = 0;
    for (R_xlen_t i = 0; i < n; i++) {
      term[i] = 0.0;
      if (frequency(freq, i) > 0.0) b->order[m++] = i;
    }
    sort_by_value(v, b->order, m);
    double below = 0.0;
    for (R_xlen_t a = 0; a < m;) {
      R_xlen_t e = a;
      double tied = 0.0;
      while (e < m && v[b->order[e]] == v[b->order[a]]) tied += frequency(freq, b->order[e++]);
      double H = (below + (tied + 1.0) / 2.0) / (N + 1.0);
      double z = qnorm(H, 0.0, 1.0, 1, 0);
      for (R_xlen_t i = a; i < e; i++) term[b->order[i]] = z;
      below += tied;
      a = e;
    }
  }
}

/* The regressions of every model from b->scores and b->terms: model g's k
 * paths and its copula coefficients to out[0], out[stride], ... in the
 * order of statistic_layout(); NA for a model whose regressors are
 * collinear. */
void copula_regressions(const copula_spec_t *cs, R_xlen_t n, const double *freq, copula_buffers_t *b,
                        double *out, R_xlen_t stride)
{
  int k = cs->k, d = 2 * k + 1;
  size_t nn = (size_t) n, dd = (size_t) d;
  /* columns: predictors 0 .. k-1, copula terms k .. 2k-1, the outcome 2k */
#define COLUMN_OF(c) ((c) < k ? b->scores + nn * (size_t) (c) \
                      : (c) < 2 * k ? b->terms + nn * (size_t) ((c) - k) : b->scores + nn * (size_t) k)
  double N = 0.0;
  for (R_xlen_t i = 0; i < n; i++) N += frequency(freq, i);
  for (int c = 0; c < d; c++) {
    const double *x = COLUMN_OF(c);
    double sum = 0.0;
    for (R_xlen_t i = 0; i < n; i++) sum += frequency(freq, i) * x[i];
    b->means[c] = sum / N;
  }
  for (int c = 0; c < d; c++)
    for (int e = 0; e <= c; e++) {
      const double *x = COLUMN_OF(c), *y = COLUMN_OF(e);
      double mx = b->means[c], my = b->means[e], sum = 0.0;
      for (R_xlen_t i = 0; i < n; i++) sum += frequency(freq, i) * (x[i] - mx) * (y[i] - my);
      b->cross[(size_t) c + dd * (size_t) e] = b->cross[(size_t) e + dd * (size_t) c] = sum;
    }
#undef COLUMN_OF
  R_xlen_t col = 0;
  for (int g = 0; g < cs->n_models; g++) {
    int r = 0;
    for (int i = 0; i < k; i++) b->column[r++] = i;
    for (int t = cs->model_start[g]; t < cs->model_start[g + 1]; t++) b->column[r++] = k + cs->model_term[t];
    double *A = b->system, *rhs = b->system + (size_t) r * (size_t) r;
    for (int i = 0; i < r; i++) {
      rhs[i] = b->cross[(size_t) b->column[i] + dd * (size_t) (2 * k)];
      for (int j = 0; j < r; j++) A[(size_t) i + (size_t) r * (size_t) j] = b->cross[(size_t) b->column[i] + dd * (size_t) b->column[j]];
    }
    int singular = chol_factor(A, r);
    if (!singular) chol_solve(A, r, rhs);
    for (int i = 0; i < r; i++, col++) out[stride * col] = singular || !R_FINITE(rhs[i]) ? NA_REAL : rhs[i];
  }
}

/* The standardized scores, in a resample with case frequencies freq, of the
 * predictors and the outcome into b->scores: the resample's standardized
 * indicators (means sums / N and reciprocal root sums of squares rsd, from
 * cross_to_correlation(); Zt p x n) weighted by the resample fit's
 * `weights`, then centred and scaled to unit variance (divisor N - 1, as
 * the scores of pls()). */
void copula_sample_scores(const pls_model_t *m, const copula_spec_t *cs, const double *Zt, R_xlen_t n,
                          const double *freq, const double *sums, const double *rsd, const double *weights,
                          copula_buffers_t *b)
{
  size_t nn = (size_t) n, p = (size_t) m->p;
  double N = 0.0;
  for (R_xlen_t i = 0; i < n; i++) N += frequency(freq, i);
  for (int c = 0; c <= cs->k; c++) {
    int j = c < cs->k ? cs->predictor[c] : cs->outcome;
    double *y = b->scores + nn * (size_t) c;
    for (size_t i = 0; i < nn; i++) y[i] = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
      double w = weights[x] * rsd[x], mean = sums[x] / N;
      const double *z = Zt + (size_t) x;
      for (size_t i = 0; i < nn; i++) y[i] += w * (z[p * i] - mean);
    }
    double sum = 0.0, squares = 0.0;
    for (R_xlen_t i = 0; i < n; i++) sum += frequency(freq, i) * y[i];
    double mean = sum / N;
    for (R_xlen_t i = 0; i < n; i++) squares += frequency(freq, i) * (y[i] - mean) * (y[i] - mean);
    double scale = 1.0 / sqrt(squares / (N - 1.0));
    for (size_t i = 0; i < nn; i++) y[i] = (y[i] - mean) * scale;
  }
}
