/* .Call entry point of the correlations of ordinal indicators (ordinal.c). */
#include "iecpls.h"

/* The codes of ordinal column c must be whole numbers 1 .. m, the values of
 * a continuous one finite: R checks the data (ordinal_cor(), R/ordinal.R)
 * before it calls, so a bad value here is a bug. */
static void check_column(const column_t *col, R_xlen_t n, int m, int c)
{
  for (R_xlen_t i = 0; i < n; i++) {
    double v = col->real != NULL ? col->real[i] : (col->integer[i] == NA_INTEGER ? NA_REAL : col->integer[i]);
    if (m > 0 ? !(v >= 1.0 && v <= m && v == floor(v)) : !R_FINITE(v))
      error("internal error: column %d has a value that is not a %s", c + 1, m > 0 ? "category code" : "finite number");
  }
}

/* The correlation matrix of the columns (a list, or a numeric matrix with a
 * 1-based column index: see read_columns()); `categories` gives each
 * column's number of categories (codes 1 .. m; 0 for a continuous column),
 * `case_weights` NULL or one nonnegative double per row. Returns a list:
 * `cor` (p x p), per column its `thresholds` (m - 1: the threshold above
 * each category) and weighted category `counts` (m), NULL for a continuous
 * column; `status`, `status_index` (1-based: the column, or the pair),
 * `clamped` (polyserial estimates set to +-HETCOR_MAXCOR) and
 * `clamped_pair` (the first, 1-based). */
SEXP iecpls_ordinal_cor(SEXP columns, SEXP index, SEXP categories, SEXP case_weights)
{
  int p;
  R_xlen_t n;
  column_t *cols = read_columns(columns, index, &p, &n);
  if (TYPEOF(categories) != INTSXP || XLENGTH(categories) != p) error("internal error: bad 'categories'");
  const double *weights = read_case_weights(case_weights, n);
  hetcor_spec_t sp = {p, INTEGER_RO(categories), poll_interrupt};
  for (int c = 0; c < p; c++) {
    if (sp.categories[c] < 0 || sp.categories[c] == NA_INTEGER) error("internal error: bad 'categories'");
    check_column(cols + c, n, sp.categories[c], c);
  }
  if (weights != NULL) {
    for (R_xlen_t i = 0; i < n; i++) {
      if (!(weights[i] >= 0.0 && R_FINITE(weights[i]))) error("internal error: bad case weights");
    }
  }
  size_t n_double, n_int;
  hetcor_work_size(&sp, &n_double, &n_int);
  hetcor_work_t ws;
  hetcor_work_init(&sp, &ws, (double *) R_alloc(n_double, sizeof(double)), (int *) R_alloc(n_int, sizeof(int)));

  const char *names[] = {"cor", "thresholds", "counts", "status", "status_index", "clamped", "clamped_pair", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SEXP cor = allocMatrix(REALSXP, p, p);
  SET_VECTOR_ELT(ans, 0, cor);
  double *R = REAL(cor);
  for (R_xlen_t k = 0; k < (R_xlen_t) p * p; k++) R[k] = NA_REAL;
  hetcor_result_t res;
  hetcor_fit(&sp, cols, n, weights, &ws, R, &res);

  SET_VECTOR_ELT(ans, 1, allocVector(VECSXP, p));
  SET_VECTOR_ELT(ans, 2, allocVector(VECSXP, p));
  if (res.status == PLS_OK) {
    for (int c = 0; c < p; c++) {
      int m = sp.categories[c];
      if (m == 0) continue;
      SEXP tau = allocVector(REALSXP, m - 1);
      SET_VECTOR_ELT(VECTOR_ELT(ans, 1), c, tau);
      if (m > 1) memcpy(REAL(tau), ws.tau + ws.offset[c], (size_t) (m - 1) * sizeof(double));
      SEXP counts = allocVector(REALSXP, m);
      SET_VECTOR_ELT(VECTOR_ELT(ans, 2), c, counts);
      memcpy(REAL(counts), ws.counts + ws.offset[c], (size_t) m * sizeof(double));
    }
  }
  SET_VECTOR_ELT(ans, 3, ScalarInteger(res.status));
  SEXP where = allocVector(INTSXP, 2);
  SET_VECTOR_ELT(ans, 4, where);
  SEXP first = allocVector(INTSXP, 2);
  SET_VECTOR_ELT(ans, 6, first);
  for (int k = 0; k < 2; k++) {
    INTEGER(where)[k] = res.index[k] < 0 ? NA_INTEGER : res.index[k] + 1;
    INTEGER(first)[k] = res.clamped_pair[k] < 0 ? NA_INTEGER : res.clamped_pair[k] + 1;
  }
  SET_VECTOR_ELT(ans, 5, ScalarInteger(res.clamped));
  UNPROTECT(1);
  return ans;
}
