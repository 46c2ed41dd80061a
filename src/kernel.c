/* The PLS path modeling kernel: fit one model from one indicator correlation
 * matrix (the covariance-based formulation of Lohmoeller's algorithm; cost
 * per iteration O(p^2), independent of the number of cases).
 *
 * Reentrant and allocation-free: all scratch memory is in `ws`, all results
 * in `res`, both owned by the caller, and no R API is used beyond pure
 * arithmetic helpers, so bootstrap and permutation loops can call it from
 * several threads at once. */
#include "iecpls.h"
#include <string.h>

static double max_abs_change(const double *a, const double *b, int n)
{
  double change = 0.0;
  for (int i = 0; i < n; i++) {
    double d = fabs(a[i] - b[i]);
    if (d > change || ISNAN(d)) change = d;
  }
  return change;
}

int pls_fit_cor(const pls_model_t *m, const double *S, pls_work_t *ws, pls_result_t *res)
{
  double *weights = res->weights, *cross_cov = res->cross_loadings, *cor = res->construct_cor;
  size_t p = (size_t) m->p;
  int bad = -1, status;

  res->iterations = 0;
  res->converged = 0;
  /* the iterations fill only the correlations they read */
  for (int i = 0; i < m->K * m->K; i++) cor[i] = 0.0;
  for (int j = 0; j < m->K; j++) cor[j + m->K * j] = 1.0;
  status = outer_prepare(m, S, ws, &bad);
  if (status != PLS_OK) goto done;
  outer_start(m, weights);
  status = outer_update_cross_cov(m, ws, S, weights, cross_cov, &bad);
  if (status != PLS_OK) goto done;

  for (int iteration = 1; iteration <= m->max_iter; iteration++) {
    if (m->poll != NULL && iteration % POLL_ITERATIONS == 0) m->poll();
    partner_correlation(m, ws, weights, cross_cov, cor);
    status = inner_weights(m, cor, ws, &bad);
    if (status != PLS_OK) goto done;
    memcpy(ws->weights_old, weights, p * sizeof(double));
    /* All blocks are updated from the previous scores (as seminr and cSEM do). */
    outer_targets(m, ws, cross_cov, weights);
    outer_solve_mode_b(m, ws, weights);
    status = outer_update_cross_cov(m, ws, S, weights, cross_cov, &bad);
    if (status != PLS_OK) goto done;
    res->iterations = iteration;
    double change = max_abs_change(weights, ws->weights_old, m->p);
    if (!R_FINITE(change)) {
      status = PLS_ERR_NONFINITE;
      goto done;
    }
    if (change < m->tol) {
      res->converged = 1;
      break;
    }
  }
  outer_cross_cov(m, S, weights, cross_cov);
  construct_correlation(m, weights, cross_cov, cor);
  orient_constructs(m, weights, cross_cov, cor);
  composite_loadings(m, cross_cov, res->loadings);
  res->admissible = 1;
  for (int j = 0; j < m->K; j++) res->rho_a[j] = 1.0;
  if (m->consistent) consistent_correction(m, ws, res);
  /* under PLSc, predecessors whose corrected correlations are invertible but
   * not positive definite are solved by LU, and the solution is inadmissible */
  status = path_coefficients(m, cor, ws, res->path_coef, res->r2, &bad,
                             m->consistent ? &res->admissible : NULL);

done:
  res->status = status;
  res->status_index = status == PLS_OK ? -1 : bad;
  return status;
}
