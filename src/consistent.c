/* Consistent PLS (PLSc; Dijkstra and Henseler 2015): composites of Mode A
 * blocks are treated as proxies of common factors. Each such construct's
 * reliability rho_A is estimated from its weights, the construct
 * correlations are divided by the square roots of the reliabilities, the
 * loadings are rescaled, and the paths are re-estimated from the corrected
 * correlations. Mode B and single-indicator constructs, and product terms of
 * interactions (as in seminr), keep rho_A = 1. */
#include "iecpls.h"

/* rho_A = (w'w)^2 w'(S - diag S)w / w'(ww' - diag ww')w, with w'Sw = 1 and a
 * unit diagonal of S, so the numerator is 1 - sum w^2. */
static double rho_a(const pls_model_t *m, int j, const double *weights)
{
  double ww = 0.0, w4 = 0.0;
  for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
    double w2 = weights[x] * weights[x];
    ww += w2;
    w4 += w2 * w2;
  }
  return ww * ww * (1.0 - ww) / (ww * ww - w4);
}

int is_common_factor(const pls_model_t *m, int j)
{
  return m->mode[j] == MODE_A && m->block_start[j + 1] - m->block_start[j] > 1 &&
         (m->composite == NULL || !m->composite[j]);
}

/* The reliability PLSc gives construct j: rho_A of a common factor, 1
 * otherwise. */
double block_reliability(const pls_model_t *m, int j, const double *weights)
{
  return is_common_factor(m, j) ? rho_a(m, j, weights) : 1.0;
}

/* Own-block loadings of the plain (composite) fit. */
void composite_loadings(const pls_model_t *m, const double *cross_loadings, double *loadings)
{
  size_t p = (size_t) m->p;
  for (int j = 0; j < m->K; j++)
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++)
      loadings[x] = cross_loadings[(size_t) x + p * (size_t) j];
}

/* Corrects res->construct_cor and res->loadings in place and fills
 * res->rho_a; sets res->admissible to 0 when a reliability is not in (0, 1],
 * a corrected correlation or loading exceeds 1 in absolute value, or the
 * corrected correlation matrix is not positive definite. */
void consistent_correction(const pls_model_t *m, pls_work_t *ws, pls_result_t *res)
{
  size_t K = (size_t) m->K;
  int admissible = 1;
  for (int j = 0; j < m->K; j++) {
    double reliability = is_common_factor(m, j) ? rho_a(m, j, res->weights) : 1.0;
    res->rho_a[j] = reliability;
    if (!(reliability > 0.0) || !R_FINITE(reliability)) {
      res->admissible = 0;     /* no correction is possible */
      return;
    }
    if (reliability > 1.0) admissible = 0;
  }
  for (size_t j = 0; j < K; j++)
    for (size_t i = 0; i < K; i++) {
      if (i == j) continue;
      double r = res->construct_cor[i + K * j] / sqrt(res->rho_a[i] * res->rho_a[j]);
      res->construct_cor[i + K * j] = r;
      if (fabs(r) > 1.0) admissible = 0;
    }
  for (int j = 0; j < m->K; j++) {
    if (!is_common_factor(m, j)) continue;
    double ww = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) ww += res->weights[x] * res->weights[x];
    double scale = sqrt(res->rho_a[j]) / ww;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
      res->loadings[x] = scale * res->weights[x];
      if (fabs(res->loadings[x]) > 1.0) admissible = 0;
    }
  }
  /* positive definiteness of the corrected construct correlations */
  double *A = ws->small_matrix;
  ws->factored_count = -1;   /* the factor kept by regress_on_predecessors is overwritten */
  for (size_t i = 0; i < K * K; i++) A[i] = res->construct_cor[i];
  if (chol_factor(A, m->K) != 0) admissible = 0;
  res->admissible = admissible;
}
