/* Outer (measurement) estimation of the PLS algorithm, in correlation space.
 *
 * With S the indicator correlation matrix and W the block-diagonal weight
 * matrix, everything the iteration needs about the data is in
 *   cross_cov = S W   (p x K: covariance of each indicator with each score).
 * Mode A sets the weights of block j to the covariances of its indicators with
 * the inner proxy of construct j; Mode B regresses the proxy on the block,
 * i.e. multiplies that covariance by S_jj^-1, formed once per fit.
 * Each block is then scaled so its composite has unit variance,
 * w_j' S_jj w_j = 1.
 *
 * An iteration forms only the entries of S W that it reads (the partners
 * planned in workspace.c: own blocks, adjacent constructs and, under the
 * path scheme, constructs with a common successor); the full matrix is
 * formed once, after convergence. */
#include "iecpls.h"

static inline int block_size(const pls_model_t *m, int j)
{
  return m->block_start[j + 1] - m->block_start[j];
}

/* Invert the correlation matrix of every Mode B block once per fit. */
int outer_prepare(const pls_model_t *m, const double *S, pls_work_t *ws, int *bad_construct)
{
  size_t p = (size_t) m->p;
  for (int j = 0; j < m->K; j++) {
    int pj = block_size(m, j), start = m->block_start[j];
    if (m->mode[j] != MODE_B) continue;
    double *A = ws->block_inverse + ws->inverse_offset[j];
    for (int c = 0; c < pj; c++)
      for (int r = 0; r < pj; r++)
        A[r + (size_t) pj * c] = S[(size_t) (start + r) + p * (size_t) (start + c)];
    if (chol_factor(A, pj) != 0) {
      *bad_construct = j;
      return PLS_ERR_BLOCK_SINGULAR;
    }
    chol_inverse(A, pj, ws->block_vector);
  }
  return PLS_OK;
}

/* Unit starting weights, as seminr, cSEM and plspm use. */
void outer_start(const pls_model_t *m, double *weights)
{
  for (int i = 0; i < m->p; i++) weights[i] = 1.0;
}

/* target_x = cov(x, sum_i e_ij Y_i) for each indicator x of block j; e_ij is
 * zero unless i is adjacent to j, so only partner columns are read. */
void outer_targets(const pls_model_t *m, const pls_work_t *ws, const double *cross_cov,
                   double *target)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  for (int j = 0; j < m->K; j++) {
    const double *e_j = ws->inner_weights + K * (size_t) j;
    int first = m->block_start[j], last = m->block_start[j + 1];
    for (int x = first; x < last; x++) target[x] = 0.0;
    for (int k = ws->partner_start[j]; k < ws->partner_start[j + 1]; k++) {
      int i = ws->partner[k];
      double e = e_j[i];
      if (e == 0.0) continue;
      const double *col = cross_cov + p * (size_t) i;
      for (int x = first; x < last; x++) target[x] += e * col[x];
    }
  }
}

/* Mode B: w_j = S_jj^-1 target_j. */
void outer_solve_mode_b(const pls_model_t *m, pls_work_t *ws, double *target)
{
  for (int j = 0; j < m->K; j++) {
    if (m->mode[j] != MODE_B) continue;
    int pj = block_size(m, j);
    const double *inverse = ws->block_inverse + ws->inverse_offset[j];
    double *t = target + m->block_start[j], *scratch = ws->block_vector;
    for (int x = 0; x < pj; x++) scratch[x] = t[x];
    for (int x = 0; x < pj; x++) t[x] = 0.0;
    for (int c = 0; c < pj; c++) {
      const double *column = inverse + (size_t) pj * c;
      double v = scratch[c];
      for (int x = 0; x < pj; x++) t[x] += column[x] * v;
    }
  }
}

/* col[x] = sum over y in block j of S[y, x] w_y for x = first .. last - 1:
 * entries of S W as contiguous dot products (S is symmetric), four rows at
 * a time so that their sums proceed side by side (blocks are short, and a
 * single sum would wait on each addition). */
static void block_products(const pls_model_t *m, const double *S, const double *weights, int j,
                           int first, int last, double *col)
{
  size_t p = (size_t) m->p;
  int y0 = m->block_start[j], y1 = m->block_start[j + 1], x = first;
  for (; x + 3 < last; x += 4) {
    const double *s0 = S + p * (size_t) x, *s1 = s0 + p, *s2 = s1 + p, *s3 = s2 + p;
    double a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0;
    for (int y = y0; y < y1; y++) {
      double w = weights[y];
      a0 += s0[y] * w;
      a1 += s1[y] * w;
      a2 += s2[y] * w;
      a3 += s3[y] * w;
    }
    col[x] = a0;
    col[x + 1] = a1;
    col[x + 2] = a2;
    col[x + 3] = a3;
  }
  for (; x < last; x++) {
    const double *s0 = S + p * (size_t) x;
    double a0 = 0.0;
    for (int y = y0; y < y1; y++) a0 += s0[y] * weights[y];
    col[x] = a0;
  }
}

/* Scales each block to a unit-variance composite and forms the entries of
 * cross_cov = S W the next iteration reads: the own block first (its
 * variance is w_j' (S_jj w_j)), then the partner blocks with the scaled
 * weights. */
int outer_update_cross_cov(const pls_model_t *m, const pls_work_t *ws, const double *S,
                           double *weights, double *cross_cov, int *bad_construct)
{
  size_t p = (size_t) m->p;
  for (int j = 0; j < m->K; j++) {
    double *col = cross_cov + p * (size_t) j, variance = 0.0;
    int first = m->block_start[j], last = m->block_start[j + 1];
    block_products(m, S, weights, j, first, last, col);
    for (int x = first; x < last; x++) variance += weights[x] * col[x];
    if (!(variance > 0.0) || !R_FINITE(variance)) {
      *bad_construct = j;
      return R_FINITE(variance) ? PLS_ERR_ZERO_SCORE : PLS_ERR_NONFINITE;
    }
    double scale = 1.0 / sqrt(variance);
    for (int x = first; x < last; x++) {
      weights[x] *= scale;
      col[x] *= scale;
    }
  }
  for (int j = 0; j < m->K; j++) {
    double *col = cross_cov + p * (size_t) j;
    for (int k = ws->partner_start[j]; k < ws->partner_start[j + 1]; k++) {
      int a = ws->partner[k];
      block_products(m, S, weights, j, m->block_start[a], m->block_start[a + 1], col);
    }
  }
  return PLS_OK;
}

/* cross_cov = S W: the block-weighted column sums that give composite
 * scores from data, applied to the rows of S. */
void outer_cross_cov(const pls_model_t *m, const double *S, const double *weights, double *cross_cov)
{
  composite_scores(m, S, m->p, weights, cross_cov);
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

/* The correlations the inner estimation reads (the planned pairs). */
void partner_correlation(const pls_model_t *m, const pls_work_t *ws, const double *weights,
                         const double *cross_cov, double *construct_cor)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  for (int k = 0; k < ws->n_pairs; k++) {
    size_t a = (size_t) ws->pair_a[k], b = (size_t) ws->pair_b[k];
    double sum = 0.0;
    for (int x = m->block_start[a]; x < m->block_start[a + 1]; x++)
      sum += weights[x] * cross_cov[(size_t) x + p * b];
    construct_cor[a + K * b] = sum;
    construct_cor[b + K * a] = sum;
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
