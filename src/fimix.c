/* FIMIX-PLS (Hahn, Johnson, Herrmann and Huber 2002): a finite mixture of
 * the structural regressions on the construct scores, estimated by EM from
 * one start (initial posterior probabilities). SEXP-free and reentrant: the
 * problem is read-only and the caller owns all memory (fimix_work_size()
 * doubles of scratch per start running at a time), so starts can run in
 * OpenMP threads (call_fimix.c).
 *
 * The model: segment k (share pi_k) has, for each endogenous construct j,
 * y_j = a_jk + x_j' b_jk + e_jk with e_jk ~ N(0, v_jk), the equations'
 * errors independent (a diagonal residual covariance matrix, as in Hahn et
 * al.); a_jk is left out without intercepts.
 *
 * One iteration, as seminrExtras's run_fimix_em() orders it:
 *   M step: from the current posteriors tau (n x K), pi_k = sum_i tau_ik / n
 *     and, per equation and segment, the weighted least-squares
 *     coefficients and v_jk = sum_i tau_ik e_ijk^2 / sum_i tau_ik (the ML
 *     variance, at least 100 DBL_EPSILON);
 *   E step: log f_ik = log pi_k + sum_j log phi(y_ij; mu_ijk, v_jk), the
 *     log-likelihood sum_i log sum_k f_ik, and tau_ik = f_ik / sum_k f_ik,
 *     each at least DBL_EPSILON and the row renormalized;
 * until the log-likelihood changed by less than tol (converged) or after
 * max_iter iterations. A start fails when a segment's expected size
 * sum_i tau_ik falls below the number of coefficients of the largest
 * equation plus one (the segment collapsed onto too few cases to estimate
 * it), its weighted predictors are collinear, or it fits an equation almost
 * perfectly: an error variance below FIMIX_DEGENERATE_SHARE of the
 * outcome's variance in all cases (degenerate: the likelihood grows without
 * bound as such a segment closes in on cases with the same score, such as
 * answers at the end of the scale). */
#include "iecpls.h"
#include <float.h>
#include <math.h>

#define FIMIX_MIN_VARIANCE (100.0 * DBL_EPSILON)
#define LOG_2PI 1.837877066409345483560659472811

static int equation_coefs(const fimix_problem_t *fp, int j)
{
  return fp->eq_start[j + 1] - fp->eq_start[j] + fp->intercept;
}

/* Offset of equation j's coefficients in a segment's coefficient vector. */
static int coef_offset(const fimix_problem_t *fp, int j)
{
  return fp->eq_start[j] + j * fp->intercept;
}

int fimix_coef_count(const fimix_problem_t *fp)
{
  return fp->eq_start[fp->n_eq] + fp->n_eq * fp->intercept;
}

static int largest_equation(const fimix_problem_t *fp)
{
  int q = 0;
  for (int j = 0; j < fp->n_eq; j++)
    if (equation_coefs(fp, j) > q) q = equation_coefs(fp, j);
  return q;
}

size_t fimix_work_size(const fimix_problem_t *fp)
{
  size_t q = (size_t) largest_equation(fp);
  return (size_t) fp->n * ((size_t) fp->K + 1) + q * q;
}

/* Column a of equation j's design: NULL for the intercept. */
static const double *design_column(const fimix_problem_t *fp, int j, int a)
{
  if (fp->intercept && a == 0) return NULL;
  return fp->x + (size_t) fp->n * (fp->eq_start[j] + a - fp->intercept);
}

/* The residuals y_j - X_j coef of every case into e (n), column by column. */
static void equation_residuals(const fimix_problem_t *fp, int j, const double *coef, double *e)
{
  R_xlen_t n = fp->n;
  memcpy(e, fp->y + (size_t) n * j, (size_t) n * sizeof(double));
  for (int a = 0; a < equation_coefs(fp, j); a++) {
    const double *xa = design_column(fp, j, a), c = coef[a];
    if (xa == NULL) {
      for (R_xlen_t i = 0; i < n; i++) e[i] -= c;
    } else {
      for (R_xlen_t i = 0; i < n; i++) e[i] -= c * xa[i];
    }
  }
}

/* Weighted least squares of equation j with weights w (n, summing to
 * total): coefficients to coef, the ML residual variance to *variance;
 * A (q x q) and e (n) are scratch. Returns 0, or FIMIX_SINGULAR when the
 * weighted predictors are collinear. */
static int weighted_equation(const fimix_problem_t *fp, int j, const double *w, double total,
                             double *A, double *e, double *coef, double *variance)
{
  R_xlen_t n = fp->n;
  int q = equation_coefs(fp, j);
  const double *y = fp->y + (size_t) n * j;
  for (int a = 0; a < q; a++) {
    const double *xa = design_column(fp, j, a);
    double sum = 0.0;
    if (xa == NULL) {
      for (R_xlen_t i = 0; i < n; i++) sum += w[i] * y[i];
    } else {
      for (R_xlen_t i = 0; i < n; i++) sum += w[i] * xa[i] * y[i];
    }
    coef[a] = sum;
    for (int b = 0; b <= a; b++) {
      const double *xb = design_column(fp, j, b);
      double s = 0.0;
      if (xa == NULL) {
        s = total;
      } else if (xb == NULL) {
        for (R_xlen_t i = 0; i < n; i++) s += w[i] * xa[i];
      } else {
        for (R_xlen_t i = 0; i < n; i++) s += w[i] * xa[i] * xb[i];
      }
      A[a + (size_t) q * b] = A[b + (size_t) q * a] = s;
    }
  }
  if (chol_factor(A, q) != 0) return FIMIX_SINGULAR;
  chol_solve(A, q, coef);
  equation_residuals(fp, j, coef, e);
  double rss = 0.0;
  for (R_xlen_t i = 0; i < n; i++) rss += w[i] * e[i] * e[i];
  double v = rss / total;
  *variance = v > FIMIX_MIN_VARIANCE ? v : FIMIX_MIN_VARIANCE;
  return 0;
}

/* The M step: pi, coefficients (n_coef x K) and variances (n_eq x K) from
 * the posteriors tau. Returns 0 or the failure status. */
static int fimix_m_step(const fimix_problem_t *fp, const double *tau, double *work, fimix_estimates_t *est)
{
  R_xlen_t n = fp->n;
  int K = fp->K, n_coef = fimix_coef_count(fp), q = largest_equation(fp);
  double *A = work + (size_t) n * K, *e = A + (size_t) q * q;
  for (int k = 0; k < K; k++) {
    const double *w = tau + (size_t) n * k;
    double total = 0.0;
    for (R_xlen_t i = 0; i < n; i++) total += w[i];
    est->pi[k] = total / (double) n;
    if (!(total >= q + 1.0)) return FIMIX_COLLAPSED;
    for (int j = 0; j < fp->n_eq; j++) {
      double *coef = est->coef + (size_t) n_coef * k + coef_offset(fp, j);
      double *v = est->variance + (size_t) fp->n_eq * k + j;
      int status = weighted_equation(fp, j, w, total, A, e, coef, v);
      if (status != 0) return status;
      if (*v < fp->min_variance[j]) return FIMIX_DEGENERATE;
    }
  }
  return 0;
}

/* log f_ik of every case and segment into logf (n x K); e (n) is
 * scratch. */
void fimix_log_density(const fimix_problem_t *fp, const fimix_estimates_t *est, double *logf, double *e)
{
  R_xlen_t n = fp->n;
  int K = fp->K, n_coef = fimix_coef_count(fp);
  for (int k = 0; k < K; k++) {
    double *lf = logf + (size_t) n * k, log_pi = log(est->pi[k]);
    for (R_xlen_t i = 0; i < n; i++) lf[i] = log_pi;
    for (int j = 0; j < fp->n_eq; j++) {
      double v = est->variance[(size_t) fp->n_eq * k + j];
      double constant = -0.5 * (LOG_2PI + log(v)), half_precision = 0.5 / v;
      equation_residuals(fp, j, est->coef + (size_t) n_coef * k + coef_offset(fp, j), e);
      for (R_xlen_t i = 0; i < n; i++) lf[i] += constant - half_precision * e[i] * e[i];
    }
  }
}

/* The E step: posteriors into tau from logf; returns the log-likelihood. */
double fimix_e_step(const fimix_problem_t *fp, const double *logf, double *tau)
{
  R_xlen_t n = fp->n;
  int K = fp->K;
  double loglik = 0.0;
  for (R_xlen_t i = 0; i < n; i++) {
    double top = R_NegInf;
    for (int k = 0; k < K; k++)
      if (logf[i + (size_t) n * k] > top) top = logf[i + (size_t) n * k];
    double sum = 0.0;
    for (int k = 0; k < K; k++) sum += exp(logf[i + (size_t) n * k] - top);
    double lse = top + log(sum), total = 0.0;
    loglik += lse;
    for (int k = 0; k < K; k++) {
      double t = exp(logf[i + (size_t) n * k] - lse);
      if (t < DBL_EPSILON) t = DBL_EPSILON;
      tau[i + (size_t) n * k] = t;
      total += t;
    }
    for (int k = 0; k < K; k++) tau[i + (size_t) n * k] /= total;
  }
  return loglik;
}

/* EM from the posteriors in tau (n x K, rows summing to 1), which it
 * overwrites with the final ones; the estimates of the last M step go to
 * est. Returns FIMIX_CONVERGED, FIMIX_NOT_CONVERGED or the failure
 * (FIMIX_COLLAPSED, FIMIX_SINGULAR, FIMIX_DEGENERATE); *iterations and *loglik (the log-likelihood at the last
 * M step's estimates, -Inf when the start failed) are set. work holds
 * fimix_work_size() doubles: n K for the log densities, then the
 * scratch of the M step (n + q^2, q the largest equation's coefficients). */
int fimix_em(const fimix_problem_t *fp, double *tau, double *work, fimix_estimates_t *est,
             int *iterations, double *loglik)
{
  double old = R_NegInf;
  *loglik = R_NegInf;
  for (int it = 1; it <= fp->max_iter; it++) {
    *iterations = it;
    if (fp->poll != NULL && it % FIMIX_POLL_ITERATIONS == 0) fp->poll();
    int status = fimix_m_step(fp, tau, work, est);
    if (status != 0) {
      *loglik = R_NegInf;
      return status;
    }
    fimix_log_density(fp, est, work, work + (size_t) fp->n * fp->K);
    double now = fimix_e_step(fp, work, tau);
    if (!R_FINITE(now)) {
      *loglik = R_NegInf;
      return FIMIX_SINGULAR;
    }
    *loglik = now;
    if (fabs(now - old) < fp->tol) return FIMIX_CONVERGED;
    old = now;
  }
  return FIMIX_NOT_CONVERGED;
}
