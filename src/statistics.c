/* The vector of statistics a resample reports, in the order R names them:
 * outer weights (p), own-block loadings (p), path coefficients (one per
 * structural path), R^2 (one per endogenous construct), total effects
 * (one per ordered pair of constructs joined by a directed path), the HTMT
 * of chosen pairs of constructs, total indirect effects (total minus
 * direct) and specific indirect effects (products of the paths along a
 * chain), or, for the test of exact model fit, the fit measures alone
 * (model_fit.c). Under the individual sign change (Tenenhaus et al. 2005) weights,
 * loadings, paths and totals take the signs of the full-sample estimates
 * before the indirect effects are formed from them. */
#include "iecpls.h"

int statistic_count(const pls_model_t *m, const stat_spec_t *st)
{
  if (st->model_fit) return FIT_MEASURE_COUNT;
  return 2 * m->p + st->n_edges + st->n_endogenous + st->n_total + st->n_htmt + st->n_indirect +
         st->n_chains;
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
}

void fill_missing_statistics(int q, double *out, R_xlen_t stride)
{
  for (R_xlen_t c = 0; c < q; c++) out[stride * c] = NA_REAL;
}
