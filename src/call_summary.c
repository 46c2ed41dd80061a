/* .Call entry point of the bootstrap summary (boot_summary.c). */
#include "iecpls.h"

/* draws: R x q; valid: R logicals; estimate: q; jackknife: NULL or
 * cases x q; level: the confidence level. Returns q x 6: boot_mean, se,
 * percentile lower and upper, BCa lower and upper. */
SEXP iecpls_boot_summary(SEXP draws, SEXP valid, SEXP estimate, SEXP jackknife, SEXP level)
{
  if (!isReal(draws) || !isMatrix(draws) || !isLogical(valid) || !isReal(estimate))
    error("internal error: bad bootstrap summary arguments");
  R_xlen_t n_draws = nrows(draws);
  int q = ncols(draws);
  if (XLENGTH(valid) != n_draws || XLENGTH(estimate) != q || n_draws > INT_MAX)
    error("internal error: bad bootstrap summary dimensions");
  R_xlen_t n_cases = 0;
  if (!isNull(jackknife)) {
    if (!isReal(jackknife) || !isMatrix(jackknife) || ncols(jackknife) != q)
      error("internal error: bad jackknife estimates");
    n_cases = nrows(jackknife);
  }
  SEXP ans = PROTECT(allocMatrix(REALSXP, q, 6));
  double *buf = (double *) R_alloc((size_t) n_draws + 1, sizeof(double));
  double *jk_buf = (double *) R_alloc((size_t) n_cases + 1, sizeof(double));
  boot_summary(REAL_RO(draws), n_draws, q, LOGICAL_RO(valid), REAL_RO(estimate),
               isNull(jackknife) ? NULL : REAL_RO(jackknife), n_cases, asReal(level), buf, jk_buf, REAL(ans));
  UNPROTECT(1);
  return ans;
}
