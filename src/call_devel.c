/* Entry points for the tests and benchmarks only, never called by the
 * package's R functions: they expose internals so that tests can check them
 * (tests/testthat/test-boot.R: the random streams against R's runif()) and
 * bench/ can time them (the bootstrap "limit" rows of bench/run.R and
 * bench/boot.R), and the bivariate normal distribution function of the
 * polychoric correlations (test-ordinal-cor.R). They are registered like the
 * others, so that iecpls:::c_stream_unif(), iecpls:::c_bootstrap_floor() and
 * iecpls:::c_bvn() (R/call-c.R) reach them from an installed package;
 * test-c-safety.R runs them under gctorture with every other entry point. */
#include "iecpls.h"

/* Uniform draws from one stream, to test the generator against R's runif()
 * under RNGkind("L'Ecuyer-CMRG"). */
SEXP iecpls_stream_unif(SEXP seed, SEXP n)
{
  if (TYPEOF(seed) != INTSXP || XLENGTH(seed) != 6) error("internal error: 'seed' must be 6 integers");
  rng_stream_t stream;
  stream_init(&stream, INTEGER(seed));
  double wanted = asReal(n);
  if (!(wanted >= 0.0 && wanted <= (double) R_XLEN_T_MAX)) error("internal error: bad number of draws");
  R_xlen_t count = (R_xlen_t) wanted;
  SEXP ans = PROTECT(allocVector(REALSXP, count));
  for (R_xlen_t i = 0; i < count; i++) REAL(ans)[i] = stream_unif(&stream);
  UNPROTECT(1);
  return ans;
}

/* The arithmetic no bootstrap can avoid: drawing each resample and forming
 * its cross-product, with no model fit. For the benchmark's "limit" rows:
 * method 0 is this package's accumulation (accumulate_cross, what the
 * bootstrap runs), 1 the plain weighted accumulation, one drawn row at a
 * time, and 2 BLAS dsyrk on the drawn rows gathered into a matrix. Returns
 * a checksum so the work cannot be optimized away. */
SEXP iecpls_bootstrap_floor(SEXP Zt, SEXP seeds, SEXP chunk_sizes, SEXP method)
{
  if (!isReal(Zt) || !isMatrix(Zt) || TYPEOF(seeds) != INTSXP || TYPEOF(chunk_sizes) != INTSXP ||
      XLENGTH(seeds) != 6 * XLENGTH(chunk_sizes))
    error("internal error: bad arguments");
  int p = nrows(Zt), how = asInteger(method);
  R_xlen_t n = ncols(Zt);
  if (how < 0 || how > 2 || n > INT_MAX) error("internal error: bad floor method");
  size_t pp = (size_t) p;
  const double *zt = REAL_RO(Zt);
  double *freq = (double *) R_alloc((size_t) n, sizeof(double));
  double *cross = (double *) R_alloc(pp * pp, sizeof(double));
  double *sums = (double *) R_alloc(pp, sizeof(double));
  double *gathered = how == 2 ? (double *) R_alloc(pp * (size_t) n, sizeof(double)) : NULL;
  double checksum = 0.0, total;
  for (R_xlen_t c = 0; c < XLENGTH(chunk_sizes); c++) {
    rng_stream_t stream;
    stream_init(&stream, INTEGER(seeds) + 6 * c);
    for (int r = 0; r < INTEGER(chunk_sizes)[c]; r++) {
      if (how == 2) {
        /* each draw's row is a column of the p x n matrix G; cross = G G' */
        int nn = (int) n;
        double one = 1.0, zero = 0.0;
        for (R_xlen_t i = 0; i < n; i++) {
          R_xlen_t row = stream_index(&stream, n);
          memcpy(gathered + pp * (size_t) i, zt + pp * (size_t) row, pp * sizeof(double));
        }
        for (size_t k = 0; k < pp; k++) sums[k] = 0.0;
        for (R_xlen_t i = 0; i < n; i++)
          for (size_t k = 0; k < pp; k++) sums[k] += gathered[pp * (size_t) i + k];
        F77_CALL(dsyrk)("L", "N", &p, &nn, &one, gathered, &p, &zero, cross, &p FCONE FCONE);
        checksum += cross[0] + sums[0];
        continue;
      }
      for (R_xlen_t i = 0; i < n; i++) freq[i] = 0.0;
      for (R_xlen_t i = 0; i < n; i++) freq[stream_index(&stream, n)] += 1.0;
      if (how == 0) {
        accumulate_cross(zt, n, p, freq, sums, cross, &total);
      } else {
        for (size_t i = 0; i < pp * pp; i++) cross[i] = 0.0;
        for (size_t k = 0; k < pp; k++) sums[k] = 0.0;
        for (R_xlen_t i = 0; i < n; i++)
          if (freq[i] != 0.0) update_cross(zt + pp * (size_t) i, p, freq[i], sums, cross);
      }
      checksum += cross[0] + sums[0];
    }
  }
  return ScalarReal(checksum);
}

/* The bivariate standard normal distribution function P(X <= h, Y <= k)
 * with correlation r (ordinal.c's bvn_cdf()), elementwise over equal-length
 * double vectors, to test it against integration and mvtnorm. */
SEXP iecpls_bvn(SEXP h, SEXP k, SEXP r)
{
  if (!isReal(h) || !isReal(k) || !isReal(r) || XLENGTH(k) != XLENGTH(h) || XLENGTH(r) != XLENGTH(h))
    error("internal error: 'h', 'k' and 'r' must be double vectors of one length");
  R_xlen_t n = XLENGTH(h);
  SEXP ans = PROTECT(allocVector(REALSXP, n));
  for (R_xlen_t i = 0; i < n; i++) {
    double rho = REAL(r)[i];
    REAL(ans)[i] = ISNAN(rho) || fabs(rho) > 1.0 ? NA_REAL : bvn_cdf(REAL(h)[i], REAL(k)[i], rho);
  }
  UNPROTECT(1);
  return ans;
}
