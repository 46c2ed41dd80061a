/* .Call entry points of the EM estimates (em.c): the ML moments of
 * incomplete data for one or more vectors of case weights, and the
 * conditional expectations of missing entries. Several weight vectors share
 * one grouping of the rows by missingness pattern and run in OpenMP threads,
 * one workspace each, as a resampling loop runs the kernel. */
#include "iecpls.h"

/* x: an n x p double matrix, NA or NaN for a missing value. */
static void read_em_data(SEXP x, em_data_t *d)
{
  if (!isReal(x) || !isMatrix(x) || ncols(x) < 1) error("internal error: 'x' must be a double matrix");
  d->x = REAL_RO(x);
  d->n = nrows(x);
  d->p = ncols(x);
  d->row_stride = 1;
  d->col_stride = (size_t) d->n;
}

static void group_rows(const em_data_t *d, em_patterns_t *pat)
{
  R_xlen_t *buf = (R_xlen_t *) R_alloc(em_patterns_size(d->n), sizeof(R_xlen_t));
  em_patterns(d, buf, pat);
}

static em_work_t *alloc_em_work(int p, int threads)
{
  em_work_t *ws = (em_work_t *) R_alloc((size_t) threads, sizeof(em_work_t));
  for (int t = 0; t < threads; t++)
    em_work_init(p, ws + t, (double *) R_alloc(em_work_size(p), sizeof(double)),
                 (int *) R_alloc((size_t) p, sizeof(int)));
  return ws;
}

/* Case weights: NULL, a vector of n, or an n x B matrix (a column per
 * sample); *count is B. */
static const double *read_weight_columns(SEXP case_weights, R_xlen_t n, int *count)
{
  *count = 1;
  if (isNull(case_weights)) return NULL;
  if (!isReal(case_weights)) error("internal error: bad case weights");
  if (isMatrix(case_weights)) {
    if (nrows(case_weights) != n || ncols(case_weights) < 1) error("internal error: bad case weights");
    *count = ncols(case_weights);
  } else if (XLENGTH(case_weights) != n) {
    error("internal error: bad case weights");
  }
  return REAL_RO(case_weights);
}

/* start: NULL, or list(mean = p doubles, cov = p x p doubles). */
static void read_start(SEXP start, int p, em_control_t *ctl)
{
  ctl->start_mean = ctl->start_cov = NULL;
  if (isNull(start)) return;
  SEXP mean = list_element(start, "mean"), cov = list_element(start, "cov");
  if (!isReal(mean) || XLENGTH(mean) != p || !isReal(cov) || XLENGTH(cov) != (R_xlen_t) p * p)
    error("internal error: bad start values");
  ctl->start_mean = REAL_RO(mean);
  ctl->start_cov = REAL_RO(cov);
}

/* The ML moments of x (n x p) for each column of case_weights (see
 * read_weight_columns). Returns list(mean: p x B, cov: p x p x B,
 * iterations, converged, status, status_index (1-based, 0 for none),
 * total_weight, change, loglik (NA unless `loglik`; NaN when it cannot be
 * formed): B each, n_patterns). */
SEXP iecpls_em_moments(SEXP x, SEXP case_weights, SEXP tol, SEXP max_iter, SEXP start, SEXP loglik,
                       SEXP threads)
{
  em_data_t d;
  read_em_data(x, &d);
  int B, p = d.p, want_loglik = asLogical(loglik) == TRUE;
  R_xlen_t n = d.n;
  const double *weights = read_weight_columns(case_weights, n, &B);
  em_control_t ctl;
  ctl.tol = asReal(tol);
  ctl.max_iter = asInteger(max_iter);
  if (!(ctl.tol > 0.0) || ctl.max_iter == NA_INTEGER || ctl.max_iter < 0)
    error("internal error: bad 'tol' or 'max_iter'");
  read_start(start, p, &ctl);
  em_patterns_t pat;
  group_rows(&d, &pat);
  int requested = asInteger(threads);
  int nth = thread_count(requested < B ? requested : B);   /* no more threads than weight columns */
  ctl.poll = nth == 1 ? poll_interrupt : NULL;   /* no R API in threads */
  em_work_t *ws = alloc_em_work(p, nth);

  const char *names[] = {"mean", "cov", "iterations", "converged", "status", "status_index", "total_weight",
                         "change", "loglik", "n_patterns", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  size_t pp = (size_t) p * (size_t) p;
  SEXP cov = allocVector(REALSXP, (R_xlen_t) (pp * (size_t) B));
  SET_VECTOR_ELT(ans, 1, cov);
  SEXP dim = PROTECT(allocVector(INTSXP, 3));
  INTEGER(dim)[0] = INTEGER(dim)[1] = p;
  INTEGER(dim)[2] = B;
  setAttrib(cov, R_DimSymbol, dim);
  UNPROTECT(1);
  SET_VECTOR_ELT(ans, 0, allocMatrix(REALSXP, p, B));
  SET_VECTOR_ELT(ans, 2, allocVector(INTSXP, B));
  SET_VECTOR_ELT(ans, 3, allocVector(LGLSXP, B));
  SET_VECTOR_ELT(ans, 4, allocVector(INTSXP, B));
  SET_VECTOR_ELT(ans, 5, allocVector(INTSXP, B));
  for (int k = 6; k < 9; k++) SET_VECTOR_ELT(ans, k, allocVector(REALSXP, B));
  SET_VECTOR_ELT(ans, 9, ScalarInteger(pat.n_patterns));
  double *mean_out = REAL(VECTOR_ELT(ans, 0)), *cov_out = REAL(cov), *total_out = REAL(VECTOR_ELT(ans, 6)),
         *change_out = REAL(VECTOR_ELT(ans, 7)), *loglik_out = REAL(VECTOR_ELT(ans, 8));
  int *iter_out = INTEGER(VECTOR_ELT(ans, 2)), *conv_out = LOGICAL(VECTOR_ELT(ans, 3)),
      *status_out = INTEGER(VECTOR_ELT(ans, 4)), *index_out = INTEGER(VECTOR_ELT(ans, 5));
  for (int b = 0; b < B; b++) loglik_out[b] = NA_REAL;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic) if (nth > 1) default(none) \
  shared(d, pat, ctl, ws, mean_out, cov_out, total_out, change_out, loglik_out, iter_out, conv_out, \
         status_out, index_out) \
  firstprivate(B, p, pp, n, weights, want_loglik)
#endif
  for (int b = 0; b < B; b++) {
    em_work_t *w = ws + thread_id();
    const double *wb = weights == NULL ? NULL : weights + (size_t) n * (size_t) b;
    em_result_t res;
    res.mean = mean_out + (size_t) p * (size_t) b;
    res.cov = cov_out + pp * (size_t) b;
    em_moments(&d, &pat, wb, &ctl, w, &res);
    iter_out[b] = res.iterations;
    conv_out[b] = res.converged;
    status_out[b] = res.status;
    index_out[b] = res.status_index + 1;
    total_out[b] = res.total_weight;
    change_out[b] = res.change;
    if (want_loglik && res.status == PLS_OK) {
      int status, bad;
      loglik_out[b] = em_loglik(&d, &pat, wb, res.mean, res.cov, w, &status, &bad);
    }
  }
  UNPROTECT(1);
  return ans;
}

/* x (n x p) with each missing entry replaced by its conditional
 * expectation given the row's observed entries under N(mean, cov).
 * Returns list(data, status, status_index (1-based, 0 for none)). */
SEXP iecpls_em_impute(SEXP x, SEXP mean, SEXP cov)
{
  em_data_t d;
  read_em_data(x, &d);
  int p = d.p;
  if (!isReal(mean) || XLENGTH(mean) != p || !isReal(cov) || XLENGTH(cov) != (R_xlen_t) p * p)
    error("internal error: bad 'mean' or 'cov'");
  em_patterns_t pat;
  group_rows(&d, &pat);
  em_work_t *ws = alloc_em_work(p, 1);
  const char *names[] = {"data", "status", "status_index", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SEXP out = allocMatrix(REALSXP, (int) d.n, p);
  SET_VECTOR_ELT(ans, 0, out);
  int bad;
  int status = em_impute(&d, &pat, REAL_RO(mean), REAL_RO(cov), ws, REAL(out), 1, (size_t) d.n, &bad);
  SET_VECTOR_ELT(ans, 1, ScalarInteger(status));
  SET_VECTOR_ELT(ans, 2, ScalarInteger(bad + 1));
  UNPROTECT(1);
  return ans;
}
