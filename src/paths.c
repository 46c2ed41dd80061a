/* Structural (inner) regressions on the construct correlation matrix: each
 * outcome regressed on its predecessors by least squares, which for
 * unit-variance composites is a small SPD solve on their correlations. */
#include "iecpls.h"

static void predecessor_correlations(const double *construct_cor, size_t K, const int *index, int k,
                                     double *A)
{
  for (int c = 0; c < k; c++)
    for (int r = 0; r < k; r++)
      A[r + (size_t) k * c] = construct_cor[(size_t) index[r] + K * (size_t) index[c]];
}

/* The solution b of the outcome's normal equations as its coefficients, and
 * R^2 = b'r (r the correlations of the predecessors with the outcome). */
static int store_regression(const pls_work_t *ws, const double *construct_cor, size_t K, int outcome,
                            int k, double *coef, double *r2)
{
  const double *b = ws->small_vector;
  double explained = 0.0;
  for (int c = 0; c < k; c++) {
    size_t pc = (size_t) ws->small_index[c];
    coef[pc] = b[c];
    explained += b[c] * construct_cor[pc + K * (size_t) outcome];
  }
  if (!R_FINITE(explained)) return PLS_ERR_NONFINITE;
  *r2 = explained;
  return PLS_OK;
}

/* Writes the regression coefficients of construct `outcome` on its
 * predecessors into coef[i] (i a predecessor; other entries untouched) and
 * its R^2 into *r2. Returns PLS_ERR_INNER_SINGULAR when the predecessors are
 * perfectly collinear. Outcomes with the same predecessors (common in
 * PLS models) share one factorization while ws->factored_count is valid:
 * callers reset it to -1 whenever the correlations change.
 *
 * With `admissible` NULL the correlations are those of composites (positive
 * semidefinite), so a failed Cholesky factorization means collinearity.
 * Otherwise (PLSc's corrected correlations) they may be invertible without
 * being positive definite: such a system is solved by LU with partial
 * pivoting and *admissible set to 0; it is singular only when LU fails. */
int regress_on_predecessors(const pls_model_t *m, const double *construct_cor, int outcome,
                            pls_work_t *ws, double *coef, double *r2, int *admissible)
{
  size_t K = (size_t) m->K;
  int k = 0;
  for (int i = 0; i < m->K; i++)
    if (m->inner[i + K * (size_t) outcome]) ws->small_index[k++] = i;
  *r2 = 0.0;
  if (k == 0) return PLS_OK;
  double *A = ws->small_matrix, *b = ws->small_vector;
  int reuse = ws->factored_count == k;
  for (int c = 0; reuse && c < k; c++) reuse = ws->factored_index[c] == ws->small_index[c];
  for (int c = 0; c < k; c++) b[c] = construct_cor[(size_t) ws->small_index[c] + K * (size_t) outcome];
  if (!reuse) {
    ws->factored_count = -1;
    predecessor_correlations(construct_cor, K, ws->small_index, k, A);
    if (chol_factor(A, k) != 0) {
      if (admissible == NULL) return PLS_ERR_INNER_SINGULAR;
      /* not positive definite: the factor is not kept for the next outcome */
      predecessor_correlations(construct_cor, K, ws->small_index, k, A);
      if (lu_factor(A, k, ws->small_pivot) != 0) return PLS_ERR_INNER_SINGULAR;
      *admissible = 0;
      lu_solve(A, k, ws->small_pivot, b);
      return store_regression(ws, construct_cor, K, outcome, k, coef, r2);
    }
    ws->factored_count = k;
    for (int c = 0; c < k; c++) ws->factored_index[c] = ws->small_index[c];
  }
  chol_solve(A, k, b);
  return store_regression(ws, construct_cor, K, outcome, k, coef, r2);
}

/* `admissible`: as in regress_on_predecessors. */
int path_coefficients(const pls_model_t *m, const double *construct_cor, pls_work_t *ws,
                      double *path_coef, double *r2, int *bad_construct, int *admissible)
{
  size_t K = (size_t) m->K;
  ws->factored_count = -1;
  for (size_t i = 0; i < K * K; i++) path_coef[i] = 0.0;
  for (int j = 0; j < m->K; j++) {
    int status = regress_on_predecessors(m, construct_cor, j, ws, path_coef + K * (size_t) j, r2 + j,
                                          admissible);
    if (status != PLS_OK) {
      *bad_construct = j;
      return status;
    }
  }
  return PLS_OK;
}
