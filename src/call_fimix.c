/* .Call entry points of FIMIX-PLS (fimix.c): EM from several starts, in
 * OpenMP threads over the starts, and the posterior probabilities of cases
 * under given estimates. The starts' initial posteriors come from R (drawn
 * there from the seed), so the result does not depend on the threads. */
#include "iecpls.h"
#ifdef _OPENMP
#include <omp.h>
#endif

/* Checks and unpacks y (n x n_eq double), x (n x P double), eq_start
 * (n_eq + 1 integers from 0 to P, ascending) and intercept (logical). */
static void read_fimix_problem(SEXP y, SEXP x, SEXP eq_start, SEXP intercept, fimix_problem_t *fp)
{
  if (TYPEOF(y) != REALSXP || TYPEOF(x) != REALSXP || TYPEOF(eq_start) != INTSXP)
    error("internal error: FIMIX scores must be double and the equation starts integer");
  int n_eq = (int) XLENGTH(eq_start) - 1;
  if (n_eq < 1 || XLENGTH(y) % n_eq != 0) error("internal error: FIMIX outcomes and equations do not match");
  R_xlen_t n = XLENGTH(y) / n_eq;
  const int *start = INTEGER_RO(eq_start);
  if (start[0] != 0) error("internal error: FIMIX equation starts must begin at 0");
  for (int j = 0; j < n_eq; j++)
    if (start[j + 1] < start[j]) error("internal error: FIMIX equation starts not ascending");
  if (n < 1 || XLENGTH(x) != n * (R_xlen_t) start[n_eq])
    error("internal error: FIMIX predictors and outcomes of unequal lengths");
  fp->n = n;
  fp->n_eq = n_eq;
  fp->eq_start = start;
  fp->intercept = asLogical(intercept) == TRUE;
  fp->y = REAL_RO(y);
  fp->x = REAL_RO(x);
  for (R_xlen_t i = 0; i < XLENGTH(y); i++)
    if (!R_FINITE(fp->y[i])) error("internal error: a non-finite FIMIX score");
  for (R_xlen_t i = 0; i < XLENGTH(x); i++)
    if (!R_FINITE(fp->x[i])) error("internal error: a non-finite FIMIX score");
  double *min_variance = (double *) R_alloc((size_t) n_eq, sizeof(double));
  for (int j = 0; j < n_eq; j++) {
    const double *yj = fp->y + (size_t) n * j;
    double mean = 0.0, ss = 0.0;
    for (R_xlen_t i = 0; i < n; i++) mean += yj[i];
    mean /= (double) n;
    for (R_xlen_t i = 0; i < n; i++) ss += (yj[i] - mean) * (yj[i] - mean);
    min_variance[j] = FIMIX_DEGENERATE_SHARE * ss / (double) n;
  }
  fp->min_variance = min_variance;
  fp->poll = NULL;
  fp->K = 1;
  fp->max_iter = 1;
  fp->tol = 0.0;
}

/* EM from each start: init is an n x K x starts array of initial posterior
 * probabilities (rows summing to 1), control list(max_iter, tol). Returns
 * list(status, iterations, loglik: one per start; posterior: n x K x
 * starts; pi: K x starts; coef: n_coef x K x starts; variance: n_eq x K x
 * starts), each start's final state. */
SEXP iecpls_fimix(SEXP y, SEXP x, SEXP eq_start, SEXP intercept, SEXP init, SEXP control, SEXP threads)
{
  fimix_problem_t fp;
  read_fimix_problem(y, x, eq_start, intercept, &fp);
  SEXP dim = getAttrib(init, R_DimSymbol);
  if (TYPEOF(init) != REALSXP || XLENGTH(dim) != 3 || INTEGER(dim)[0] != fp.n)
    error("internal error: FIMIX starts must be an n x K x starts array");
  fp.K = INTEGER(dim)[1];
  int starts = INTEGER(dim)[2];
  if (fp.K < 1 || starts < 1) error("internal error: FIMIX needs a segment and a start");
  fp.max_iter = asInteger(list_element(control, "max_iter"));
  fp.tol = asReal(list_element(control, "tol"));
  if (fp.max_iter < 1 || !(fp.tol >= 0.0)) error("internal error: invalid FIMIX control");
  int n_coef = fimix_coef_count(&fp), K = fp.K, n_eq = fp.n_eq;
  const char *names[] = {"status", "iterations", "loglik", "posterior", "pi", "coef", "variance", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SET_VECTOR_ELT(ans, 0, allocVector(INTSXP, starts));
  SET_VECTOR_ELT(ans, 1, allocVector(INTSXP, starts));
  SET_VECTOR_ELT(ans, 2, allocVector(REALSXP, starts));
  SET_VECTOR_ELT(ans, 3, duplicate(init));
  SET_VECTOR_ELT(ans, 4, allocMatrix(REALSXP, K, starts));
  SET_VECTOR_ELT(ans, 5, alloc3DArray(REALSXP, n_coef, K, starts));
  SET_VECTOR_ELT(ans, 6, alloc3DArray(REALSXP, n_eq, K, starts));
  int *status = INTEGER(VECTOR_ELT(ans, 0)), *iterations = INTEGER(VECTOR_ELT(ans, 1));
  double *loglik = REAL(VECTOR_ELT(ans, 2)), *tau = REAL(VECTOR_ELT(ans, 3)), *pi = REAL(VECTOR_ELT(ans, 4)),
         *coef = REAL(VECTOR_ELT(ans, 5)), *variance = REAL(VECTOR_ELT(ans, 6));
  memset(pi, 0, (size_t) K * starts * sizeof(double));
  memset(coef, 0, (size_t) n_coef * K * starts * sizeof(double));
  memset(variance, 0, (size_t) n_eq * K * starts * sizeof(double));
  int requested = asInteger(threads);
  if (requested > starts) requested = starts;   /* no more threads than starts */
  int nth = thread_count(requested);
  size_t work_size = fimix_work_size(&fp);
  double *work = (double *) R_alloc((size_t) nth * work_size, sizeof(double));
  /* one thread: EM runs on R's main thread and polls for interrupts (the
   * memory is R's, so a jump back to R leaks nothing) */
  if (nth == 1) fp.poll = poll_interrupt;
  const fimix_problem_t *pp = &fp;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic) if (nth > 1) default(none) \
  shared(status, iterations, loglik, tau, pi, coef, variance, work) \
  firstprivate(pp, starts, work_size, n_coef, K, n_eq)
#endif
  for (int s = 0; s < starts; s++) {
    fimix_estimates_t est = {pi + (size_t) K * s, coef + (size_t) n_coef * K * s, variance + (size_t) n_eq * K * s};
    iterations[s] = 0;
    status[s] = fimix_em(pp, tau + (size_t) pp->n * K * s, work + work_size * (size_t) thread_id(), &est,
                         iterations + s, loglik + s);
  }
  R_CheckUserInterrupt();  /* once per batch of starts, after the parallel region */
  UNPROTECT(1);
  return ans;
}

/* Posterior probabilities (n x K) of the cases in y and x under estimates
 * list(pi: K, coef: n_coef x K, variance: n_eq x K), with the
 * log-likelihood as attribute "loglik" (posteriors at least DBL_EPSILON,
 * as in the E step). */
SEXP iecpls_fimix_posterior(SEXP y, SEXP x, SEXP eq_start, SEXP intercept, SEXP estimates)
{
  fimix_problem_t fp;
  read_fimix_problem(y, x, eq_start, intercept, &fp);
  SEXP pi = list_element(estimates, "pi"), coef = list_element(estimates, "coef"),
       variance = list_element(estimates, "variance");
  if (TYPEOF(pi) != REALSXP || TYPEOF(coef) != REALSXP || TYPEOF(variance) != REALSXP)
    error("internal error: FIMIX estimates must be double");
  fp.K = (int) XLENGTH(pi);
  if (fp.K < 1 || XLENGTH(coef) != (R_xlen_t) fimix_coef_count(&fp) * fp.K ||
      XLENGTH(variance) != (R_xlen_t) fp.n_eq * fp.K)
    error("internal error: FIMIX estimates of the wrong size");
  fimix_estimates_t est = {REAL(pi), REAL(coef), REAL(variance)};
  SEXP ans = PROTECT(allocMatrix(REALSXP, fp.n, fp.K));
  double *logf = (double *) R_alloc((size_t) fp.n * (fp.K + 1), sizeof(double));
  fimix_log_density(&fp, &est, logf, logf + (size_t) fp.n * fp.K);
  double loglik = fimix_e_step(&fp, logf, REAL(ans));
  setAttrib(ans, install("loglik"), ScalarReal(loglik));
  UNPROTECT(1);
  return ans;
}
