/* Correlation sources: the indicator correlation matrix of a sample (the
 * full sample, a bootstrap resample, a leave-one-out subsample: a vector of
 * case frequencies) for fits that do not use Pearson correlations of the
 * standardized data:
 *   SOURCE_SPEARMAN: Spearman's rank correlations, the Pearson correlations
 *     of the sample's mid-ranks (weighted: a value's rank is the weight of
 *     the smaller values plus (its own weight + 1) / 2, which for whole
 *     frequencies is the mid-rank of the resample with rows repeated);
 *   SOURCE_MEAN: missing values replaced by the sample's weighted means of
 *     the observed values (mean replacement within each resample, as
 *     seminr's bootstrap does), then Pearson;
 *   SOURCE_EM: the correlations of the EM estimate of the covariance matrix
 *     (em.c) with the frequencies as case weights;
 *   SOURCE_ORDINAL: polychoric, polyserial and Pearson correlations
 *     (hetcor_fit, ordinal.c) with the frequencies as case weights.
 * SEXP-free; one source_work_t per thread (see iecpls.h). */
#include "iecpls.h"

void source_work_size(const cor_source_t *src, size_t *n_double, size_t *n_int)
{
  size_t p = (size_t) src->p, n = (size_t) src->n;
  *n_double = 0;
  *n_int = 0;
  switch (src->kind) {
  case SOURCE_SPEARMAN:
  case SOURCE_MEAN:
    *n_double = p * n;
    break;
  case SOURCE_EM:
    *n_double = em_work_size(src->p) + p + p * p;
    *n_int = p;
    break;
  case SOURCE_ORDINAL:
    hetcor_work_size(&src->hetcor, n_double, n_int);
    break;
  }
}

void source_work_init(const cor_source_t *src, source_work_t *w, double *dbuf, int *ibuf)
{
  size_t p = (size_t) src->p;
  switch (src->kind) {
  case SOURCE_SPEARMAN:
  case SOURCE_MEAN:
    w->values = dbuf;
    break;
  case SOURCE_EM:
    em_work_init(src->p, &w->em, dbuf, ibuf);
    w->em_mean = dbuf + em_work_size(src->p);
    w->em_cov = w->em_mean + p;
    break;
  case SOURCE_ORDINAL:
    hetcor_work_init(&src->hetcor, &w->hetcor, dbuf, ibuf);
    break;
  }
}

/* Mid-ranks of every column under the frequencies, centred at the mean
 * rank (N + 1) / 2, into w->values (p x n, transposed like Zt). */
static void weighted_ranks(const cor_source_t *src, const double *freq, double N, source_work_t *w)
{
  size_t p = (size_t) src->p;
  R_xlen_t n = src->n;
  double centre = (N + 1.0) / 2.0;
  for (size_t j = 0; j < p; j++) {
    const double *x = src->x + j * (size_t) n;
    const int *order = src->order + j * (size_t) n;
    double below = 0.0;
    R_xlen_t start = 0;
    while (start < n) {
      R_xlen_t end = start + 1;
      double tie = freq[order[start]];
      while (end < n && x[order[end]] == x[order[start]]) tie += freq[order[end++]];
      double rank = below + (tie + 1.0) / 2.0 - centre;
      for (R_xlen_t k = start; k < end; k++) w->values[j + p * (size_t) order[k]] = rank;
      below += tie;
      start = end;
    }
  }
}

/* The observed values with each missing one replaced by the weighted mean
 * of its column's observed values, centred at that mean, into w->values.
 * Returns 0, or 1 + the column with no observed value of positive weight. */
static int mean_replaced(const cor_source_t *src, const double *freq, source_work_t *w)
{
  size_t p = (size_t) src->p;
  R_xlen_t n = src->n;
  for (size_t j = 0; j < p; j++) {
    const double *x = src->x + j * (size_t) n;
    double sum = 0.0, weight = 0.0;
    for (R_xlen_t i = 0; i < n; i++) {
      if (freq[i] == 0.0 || ISNAN(x[i])) continue;
      sum += freq[i] * x[i];
      weight += freq[i];
    }
    if (!(weight > 0.0)) return (int) j + 1;
    double mean = sum / weight;
    for (R_xlen_t i = 0; i < n; i++) w->values[j + p * (size_t) i] = ISNAN(x[i]) ? 0.0 : x[i] - mean;
  }
  return 0;
}

/* The correlation matrix S (p x p) of the sample with case frequencies
 * `freq` (n, rows of frequency 0 absent). `sums`, `cross` (p, p x p) and
 * `sd` (p) are scratch. Returns PLS_OK or a status: STATUS_CONSTANT_COLUMN
 * (a column without variation in the sample), STATUS_NOT_CONVERGED (EM did
 * not converge), or the kernel's own (PLS_ERR_EM_SINGULAR,
 * PLS_ERR_POLYCHORIC_*, PLS_ERR_ALL_MISSING, PLS_ERR_TOO_FEW_ROWS), with
 * *index the column (or the first of the pair) it concerns, or -1. */
int source_correlation(const cor_source_t *src, const double *freq, source_work_t *w, double *sums,
                       double *cross, double *sd, double *S, int *index)
{
  int p = src->p;
  R_xlen_t n = src->n;
  *index = -1;
  switch (src->kind) {
  case SOURCE_SPEARMAN:
  case SOURCE_MEAN: {
    double N = 0.0;
    for (R_xlen_t i = 0; i < n; i++) N += freq[i];
    if (src->kind == SOURCE_SPEARMAN) {
      weighted_ranks(src, freq, N, w);
    } else {
      int empty = mean_replaced(src, freq, w);
      if (empty) {
        *index = empty - 1;
        return PLS_ERR_ALL_MISSING;
      }
    }
    accumulate_cross(w->values, n, p, freq, sums, cross, &N);
    int constant = cross_to_correlation(cross, sums, N, p, sd, S);
    if (constant) {
      *index = constant - 1;
      return STATUS_CONSTANT_COLUMN;
    }
    return PLS_OK;
  }
  case SOURCE_EM: {
    em_result_t res;
    res.mean = w->em_mean;
    res.cov = w->em_cov;
    em_moments(&src->em, &src->patterns, freq, &src->em_control, &w->em, &res);
    if (res.status != PLS_OK) {
      *index = res.status_index;
      return res.status == PLS_ERR_ZERO_VARIANCE ? STATUS_CONSTANT_COLUMN : res.status;
    }
    if (!res.converged) return STATUS_NOT_CONVERGED;
    size_t pp = (size_t) p;
    for (size_t j = 0; j < pp; j++) {
      double v = w->em_cov[j + pp * j];
      if (!(v > 0.0)) {
        *index = (int) j;
        return STATUS_CONSTANT_COLUMN;
      }
      sd[j] = 1.0 / sqrt(v);
    }
    for (size_t k = 0; k < pp; k++)
      for (size_t j = 0; j < pp; j++)
        S[j + pp * k] = j == k ? 1.0 : w->em_cov[j + pp * k] * sd[j] * sd[k];
    return PLS_OK;
  }
  case SOURCE_ORDINAL: {
    hetcor_result_t res;
    int status = hetcor_fit(&src->hetcor, src->cols, n, freq, &w->hetcor, S, &res);
    *index = res.index[0];
    /* a column left with one category (or value) in the sample */
    if (status == PLS_ERR_ZERO_VARIANCE) return STATUS_CONSTANT_COLUMN;
    return status;
  }
  }
  return PLS_OK;
}
