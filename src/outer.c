/* Outer (measurement) estimation of the PLS algorithm, in correlation space.
 *
 * With S the indicator correlation matrix and W the block-diagonal weight
 * matrix, everything the iteration needs about the data is
 *   cross_cov = S W   (p x K: covariance of each indicator with each score).
 * Mode A sets the weights of block j to the covariances of its indicators with
 * the inner proxy of construct j; Mode B regresses the proxy on the block,
 * i.e. solves S_jj w_j = that covariance, with S_jj factored once per fit.
 * Each block is then scaled so its composite has unit variance,
 * w_j' S_jj w_j = 1. */
#include "iecpls.h"

static inline int block_size(const pls_model_t *m, int j)
{
  return m->block_start[j + 1] - m->block_start[j];
}

/* Factor the correlation matrix of every Mode B block once per fit. */
int outer_prepare(const pls_model_t *m, const double *S, pls_work_t *ws, int *bad_construct)
{
  size_t p = (size_t) m->p;
  for (int j = 0; j < m->K; j++) {
    int pj = block_size(m, j), start = m->block_start[j];
    if (m->mode[j] != MODE_B) continue;
    double *L = ws->block_chol + ws->chol_offset[j];
    for (int c = 0; c < pj; c++)
      for (int r = 0; r < pj; r++)
        L[r + (size_t) pj * c] = S[(size_t) (start + r) + p * (size_t) (start + c)];
    if (chol_factor(L, pj) != 0) {
      *bad_construct = j;
      return PLS_ERR_BLOCK_SINGULAR;
    }
  }
  return PLS_OK;
}

/* Unit starting weights, as seminr, cSEM and plspm use. */
void outer_start(const pls_model_t *m, double *weights)
{
  for (int i = 0; i < m->p; i++) weights[i] = 1.0;
}

/* target_x = cov(x, sum_i e_ij Y_i) for each indicator x of block j. */
void outer_targets(const pls_model_t *m, const double *cross_cov, const double *inner_weights,
                   double *target)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  for (int j = 0; j < m->K; j++) {
    const double *e_j = inner_weights + K * (size_t) j;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
      double sum = 0.0;
      for (size_t i = 0; i < K; i++) sum += e_j[i] * cross_cov[(size_t) x + p * i];
      target[x] = sum;
    }
  }
}

void outer_solve_mode_b(const pls_model_t *m, pls_work_t *ws, double *target)
{
  for (int j = 0; j < m->K; j++) {
    if (m->mode[j] != MODE_B) continue;
    chol_solve(ws->block_chol + ws->chol_offset[j], block_size(m, j), target + m->block_start[j]);
  }
}

/* cross_cov[, j] = S[, block j] w_j for every construct: a sum of the
 * block's columns of S (blocks are narrow, so plain loops beat a BLAS call). */
void outer_cross_cov(const pls_model_t *m, const double *S, const double *weights, double *cross_cov)
{
  size_t p = (size_t) m->p;
  for (int j = 0; j < m->K; j++) {
    double *col = cross_cov + p * (size_t) j;
    for (size_t i = 0; i < p; i++) col[i] = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
      const double *s = S + p * (size_t) x;
      double w = weights[x];
#ifdef _OPENMP
#pragma omp simd
#endif
      for (size_t i = 0; i < p; i++) col[i] += w * s[i];
    }
  }
}

/* Scale each block to a unit-variance composite; refreshes cross_cov. */
int outer_normalize(const pls_model_t *m, const double *S, double *weights, double *cross_cov,
                    int *bad_construct)
{
  size_t p = (size_t) m->p;
  outer_cross_cov(m, S, weights, cross_cov);
  for (int j = 0; j < m->K; j++) {
    double *col = cross_cov + p * (size_t) j, variance = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) variance += weights[x] * col[x];
    if (!(variance > 0.0) || !R_FINITE(variance)) {
      *bad_construct = j;
      return R_FINITE(variance) ? PLS_ERR_ZERO_SCORE : PLS_ERR_NONFINITE;
    }
    double scale = 1.0 / sqrt(variance);
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) weights[x] *= scale;
    for (size_t x = 0; x < p; x++) col[x] *= scale;
  }
  return PLS_OK;
}

/* Correlations of the (unit-variance) composites: C_ij = w_i' (S W)_[block i, j]. */
void construct_correlation(const pls_model_t *m, const double *weights, const double *cross_cov,
                           double *construct_cor)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  for (size_t j = 0; j < K; j++) {
    construct_cor[j + K * j] = 1.0;
    for (size_t i = 0; i < j; i++) {
      double sum = 0.0;
      for (int x = m->block_start[i]; x < m->block_start[i + 1]; x++)
        sum += weights[x] * cross_cov[(size_t) x + p * j];
      construct_cor[i + K * j] = sum;
      construct_cor[j + K * i] = sum;
    }
  }
}

/* Negates construct j: its weights, its column of cross_cov and its
 * correlations with the other constructs. */
void flip_construct(const pls_model_t *m, int j, double *weights, double *cross_cov,
                    double *construct_cor)
{
  size_t p = (size_t) m->p, K = (size_t) m->K, jj = (size_t) j;
  double *col = cross_cov + p * jj;
  for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) weights[x] = -weights[x];
  for (size_t x = 0; x < p; x++) col[x] = -col[x];
  for (size_t i = 0; i < K; i++) {
    if (i == jj) continue;
    construct_cor[i + K * jj] = -construct_cor[i + K * jj];
    construct_cor[jj + K * i] = -construct_cor[jj + K * i];
  }
}

/* Sign convention: a composite is oriented so that the sum of its loadings on
 * its own indicators is non-negative. Flipping one construct maps a fixed
 * point of the iteration to another fixed point, so this only removes the
 * sign indeterminacy; starting from unit weights it rarely has anything to
 * do, but it makes resamples comparable. */
void orient_constructs(const pls_model_t *m, double *weights, double *cross_cov, double *construct_cor)
{
  size_t p = (size_t) m->p;
  for (int j = 0; j < m->K; j++) {
    const double *col = cross_cov + p * (size_t) j;
    double loading_sum = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) loading_sum += col[x];
    if (loading_sum < 0.0) flip_construct(m, j, weights, cross_cov, construct_cor);
  }
}
