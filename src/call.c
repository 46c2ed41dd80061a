/* The .Call entry points that fit one model, and the argument unpacking the
 * other entry points share. The entry points (the call*.c files, see
 * iecpls.h) are the only C code that touches SEXPs: they check and unpack
 * arguments, allocate all scratch memory with R_alloc (so an error or
 * interrupt cannot leak it), run the SEXP-free
 * kernels and build named result lists. Model-level failures (singular
 * block, zero-variance column, ...) come back as a status code plus an index
 * for R to turn into a message that names the construct or column (the
 * table of statuses: call_codes.c). */
#include "iecpls.h"

SEXP list_element(SEXP list, const char *name)
{
  SEXP names = getAttrib(list, R_NamesSymbol);
  if (TYPEOF(list) != VECSXP || isNull(names)) error("internal error: expected a named list");
  for (R_xlen_t i = 0; i < XLENGTH(list); i++)
    if (strcmp(CHAR(STRING_ELT(names, i)), name) == 0) return VECTOR_ELT(list, i);
  error("internal error: list has no element '%s'", name);
  return R_NilValue;
}

/* The element `name` of a named list, or NULL when it has none. */
SEXP list_element_or_null(SEXP list, const char *name)
{
  SEXP names = getAttrib(list, R_NamesSymbol);
  if (TYPEOF(list) != VECSXP || isNull(names)) return R_NilValue;
  for (R_xlen_t i = 0; i < XLENGTH(list); i++)
    if (strcmp(CHAR(STRING_ELT(names, i)), name) == 0) return VECTOR_ELT(list, i);
  return R_NilValue;
}

/* Unpacks the model specification built by R (see R/call-c.R). */
void read_model(SEXP spec, int p, pls_model_t *m)
{
  SEXP block_start = list_element(spec, "block_start"), mode = list_element(spec, "mode"),
       inner = list_element(spec, "inner"), scheme = list_element(spec, "scheme"),
       tol = list_element(spec, "tol"), max_iter = list_element(spec, "max_iter");
  if (TYPEOF(block_start) != INTSXP || TYPEOF(mode) != INTSXP || TYPEOF(inner) != INTSXP ||
      TYPEOF(scheme) != INTSXP || TYPEOF(tol) != REALSXP || TYPEOF(max_iter) != INTSXP)
    error("internal error: model specification has elements of the wrong type");
  int K = (int) XLENGTH(mode);
  if (K < 1 || XLENGTH(block_start) != K + 1 || XLENGTH(inner) != (R_xlen_t) K * K)
    error("internal error: model specification has elements of the wrong length");
  const int *bs = INTEGER(block_start);
  if (bs[0] != 0 || bs[K] != p) error("internal error: blocks do not cover the %d indicators", p);
  for (int j = 0; j < K; j++) {
    if (bs[j + 1] <= bs[j]) error("internal error: empty block %d", j + 1);
    if (INTEGER(mode)[j] != MODE_A && INTEGER(mode)[j] != MODE_B) error("internal error: bad mode");
  }
  m->p = p;
  m->K = K;
  m->block_start = bs;
  m->mode = INTEGER(mode);
  m->inner = INTEGER(inner);
  m->scheme = asInteger(scheme);
  m->tol = asReal(tol);
  m->max_iter = asInteger(max_iter);
  m->consistent = asLogical(list_element(spec, "consistent")) == TRUE;
  SEXP composite = list_element_or_null(spec, "composite");
  if (!isNull(composite) && (TYPEOF(composite) != INTSXP || XLENGTH(composite) != K))
    error("internal error: bad composite flags");
  m->composite = isNull(composite) ? NULL : INTEGER(composite);
  m->poll = NULL;
  if (m->scheme < SCHEME_PATH || m->scheme > SCHEME_CENTROID) error("internal error: bad scheme");
  if (!(m->tol > 0.0) || m->max_iter < 1) error("internal error: bad tolerance or iteration limit");
}

void alloc_work(const pls_model_t *m, pls_work_t *ws)
{
  size_t nd, ns, ni;
  pls_work_size(m, &nd, &ns, &ni);
  pls_work_init(m, ws, (double *) R_alloc(nd, sizeof(double)), (size_t *) R_alloc(ns, sizeof(size_t)),
                (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
}

/* NULL, or a double vector of length n. */
const double *read_case_weights(SEXP case_weights, R_xlen_t n)
{
  if (isNull(case_weights)) return NULL;
  if (!isReal(case_weights) || XLENGTH(case_weights) != n) error("internal error: bad case weights");
  return REAL_RO(case_weights);
}

/* The indicator columns, read in place: a list of integer or double vectors
 * of equal length (`index` NULL), or the columns `index` (1-based) of an
 * integer or double matrix, which is how a numeric matrix given as data is
 * read without copying its columns. */
column_t *read_columns(SEXP columns, SEXP index, int *p, R_xlen_t *n)
{
  if (!isNull(index)) {
    if (!isMatrix(columns) || (TYPEOF(columns) != REALSXP && TYPEOF(columns) != INTSXP) ||
        TYPEOF(index) != INTSXP || XLENGTH(index) < 1)
      error("internal error: 'columns' must be a numeric matrix with an integer column index");
    int ncol = ncols(columns);
    *p = (int) XLENGTH(index);
    *n = nrows(columns);
    column_t *cols = (column_t *) R_alloc((size_t) *p, sizeof(column_t));
    for (int c = 0; c < *p; c++) {
      int j = INTEGER(index)[c];
      if (j == NA_INTEGER || j < 1 || j > ncol) error("internal error: column index out of range");
      size_t offset = (size_t) (j - 1) * (size_t) *n;
      cols[c].real = TYPEOF(columns) == REALSXP ? REAL_RO(columns) + offset : NULL;
      cols[c].integer = TYPEOF(columns) == INTSXP ? INTEGER_RO(columns) + offset : NULL;
    }
    return cols;
  }
  if (TYPEOF(columns) != VECSXP || XLENGTH(columns) < 1) error("internal error: 'columns' must be a non-empty list");
  *p = (int) XLENGTH(columns);
  *n = XLENGTH(VECTOR_ELT(columns, 0));
  column_t *cols = (column_t *) R_alloc((size_t) *p, sizeof(column_t));
  for (int c = 0; c < *p; c++) {
    SEXP col = VECTOR_ELT(columns, c);
    if (XLENGTH(col) != *n) error("internal error: columns of unequal length");
    cols[c].real = TYPEOF(col) == REALSXP ? REAL_RO(col) : NULL;
    cols[c].integer = TYPEOF(col) == INTSXP ? INTEGER_RO(col) : NULL;
    if (cols[c].real == NULL && cols[c].integer == NULL) error("internal error: column %d is not numeric", c + 1);
  }
  return cols;
}

static const char *fit_names[] = {"weights", "cross_loadings", "construct_cor", "path_coef", "r2",
                                  "loadings", "rho_a", "iterations", "converged", "admissible",
                                  "status", "status_index", "scores", "cor", "means", "sds",
                                  "rows_used", "zt", "case_weights", ""};
enum { F_WEIGHTS, F_CROSS_LOADINGS, F_CONSTRUCT_COR, F_PATH, F_R2, F_LOADINGS, F_RHO_A, F_ITER,
       F_CONV, F_ADMISSIBLE, F_STATUS, F_INDEX, F_SCORES, F_COR, F_MEANS, F_SDS, F_ROWS, F_ZT,
       F_CASE_WEIGHTS };

/* Standardized data of the rows used: the missing-value rule, complete-case
 * selection and case weights applied. Fills the rows_used, means and sds
 * elements of `ans`; returns a status, with the offending column in *bad. */
typedef struct {
  R_xlen_t n_used;
  const double *weights;   /* case weights of the used rows, or NULL */
  double *Z;
} prepared_t;

static int prepare_data(SEXP ans, SEXP columns, SEXP index, SEXP case_weights, int missing_code,
                        int transposed, prepared_t *out, int *bad)
{
  int p;
  R_xlen_t n;
  column_t *cols = read_columns(columns, index, &p, &n);
  const double *weights = read_case_weights(case_weights, n);
  int *row_used = NULL;
  R_xlen_t n_used = n;
  if (missing_code == MISSING_CASEWISE) {
    row_used = (int *) R_alloc((size_t) n, sizeof(int));
    n_used = complete_rows(cols, n, p, row_used);
    SEXP used = allocVector(LGLSXP, n);
    SET_VECTOR_ELT(ans, F_ROWS, used);
    for (R_xlen_t r = 0; r < n; r++) LOGICAL(used)[r] = row_used[r];
  }
  if (n_used > INT_MAX) error("more than %d usable rows are not supported", INT_MAX);
  out->n_used = n_used;
  out->weights = weights;
  if (weights != NULL && row_used != NULL) {
    double *kept = (double *) R_alloc((size_t) (n_used > 0 ? n_used : 1), sizeof(double));
    R_xlen_t k = 0;
    for (R_xlen_t r = 0; r < n; r++) if (row_used[r]) kept[k++] = weights[r];
    out->weights = kept;
  }
  SET_VECTOR_ELT(ans, F_MEANS, allocVector(REALSXP, p));
  SET_VECTOR_ELT(ans, F_SDS, allocVector(REALSXP, p));
  /* standardize_columns stops at the first bad column: the rest stay NA
   * rather than uninitialised memory */
  for (int c = 0; c < p; c++) REAL(VECTOR_ELT(ans, F_MEANS))[c] = REAL(VECTOR_ELT(ans, F_SDS))[c] = NA_REAL;
  size_t rows = (size_t) (n_used > 0 ? n_used : 1);
  if (transposed) {
    SEXP zt = allocMatrix(REALSXP, p, (int) rows);
    SET_VECTOR_ELT(ans, F_ZT, zt);
    out->Z = REAL(zt);
  } else {
    out->Z = (double *) R_alloc(rows * (size_t) p, sizeof(double));
  }
  return standardize_columns(cols, n, p, weights, missing_code == MISSING_MEAN, row_used, n_used,
                             transposed ? (size_t) p : 1, transposed ? 1 : rows, out->Z,
                             REAL(VECTOR_ELT(ans, F_MEANS)), REAL(VECTOR_ELT(ans, F_SDS)), bad);
}

/* A protected result list with the kernel outputs allocated; `res` points
 * into it. */
static SEXP alloc_fit(const pls_model_t *m, pls_result_t *res)
{
  SEXP ans = PROTECT(mkNamed(VECSXP, fit_names));
  SET_VECTOR_ELT(ans, F_WEIGHTS, allocVector(REALSXP, m->p));
  SET_VECTOR_ELT(ans, F_CROSS_LOADINGS, allocMatrix(REALSXP, m->p, m->K));
  SET_VECTOR_ELT(ans, F_CONSTRUCT_COR, allocMatrix(REALSXP, m->K, m->K));
  SET_VECTOR_ELT(ans, F_PATH, allocMatrix(REALSXP, m->K, m->K));
  SET_VECTOR_ELT(ans, F_R2, allocVector(REALSXP, m->K));
  SET_VECTOR_ELT(ans, F_LOADINGS, allocVector(REALSXP, m->p));
  SET_VECTOR_ELT(ans, F_RHO_A, allocVector(REALSXP, m->K));
  res->loadings = REAL(VECTOR_ELT(ans, F_LOADINGS));
  res->rho_a = REAL(VECTOR_ELT(ans, F_RHO_A));
  res->weights = REAL(VECTOR_ELT(ans, F_WEIGHTS));
  res->cross_loadings = REAL(VECTOR_ELT(ans, F_CROSS_LOADINGS));
  res->construct_cor = REAL(VECTOR_ELT(ans, F_CONSTRUCT_COR));
  res->path_coef = REAL(VECTOR_ELT(ans, F_PATH));
  res->r2 = REAL(VECTOR_ELT(ans, F_R2));
  /* Defined contents even when the fit stops early with an error status. */
  memset(res->weights, 0, sizeof(double) * (size_t) m->p);
  memset(res->cross_loadings, 0, sizeof(double) * (size_t) m->p * (size_t) m->K);
  memset(res->construct_cor, 0, sizeof(double) * (size_t) m->K * (size_t) m->K);
  memset(res->path_coef, 0, sizeof(double) * (size_t) m->K * (size_t) m->K);
  memset(res->r2, 0, sizeof(double) * (size_t) m->K);
  memset(res->loadings, 0, sizeof(double) * (size_t) m->p);
  for (int j = 0; j < m->K; j++) res->rho_a[j] = 1.0;
  res->admissible = 1;
  res->iterations = 0;
  res->converged = 0;
  res->status = PLS_OK;
  res->status_index = -1;
  UNPROTECT(1);
  return ans;
}

static void store_status(SEXP ans, const pls_result_t *res)
{
  SET_VECTOR_ELT(ans, F_ITER, ScalarInteger(res->iterations));
  SET_VECTOR_ELT(ans, F_CONV, ScalarLogical(res->converged));
  SET_VECTOR_ELT(ans, F_ADMISSIBLE, ScalarLogical(res->admissible));
  SET_VECTOR_ELT(ans, F_STATUS, ScalarInteger(res->status));
  SET_VECTOR_ELT(ans, F_INDEX, ScalarInteger(res->status_index + 1));
}

/* The kernel's poll of a single fit on the main thread: R_CheckUserInterrupt
 * jumps back to R on Ctrl-C or an exceeded time limit; the fit's memory is
 * R's (R_alloc, PROTECTed results), so nothing leaks. */
void poll_interrupt(void)
{
  R_CheckUserInterrupt();
}

/* Fit from a p x p correlation matrix. */
SEXP iecpls_fit_cor(SEXP S, SEXP spec)
{
  if (!isReal(S) || !isMatrix(S) || nrows(S) != ncols(S)) error("internal error: 'S' must be a square double matrix");
  pls_model_t m;
  pls_work_t ws;
  pls_result_t res;
  read_model(spec, nrows(S), &m);
  m.poll = poll_interrupt;
  alloc_work(&m, &ws);
  SEXP ans = PROTECT(alloc_fit(&m, &res));
  pls_fit_cor(&m, REAL(S), &ws, &res);
  store_status(ans, &res);
  UNPROTECT(1);
  return ans;
}

/* Fit from data: `columns` is a list of p integer or double vectors of equal
 * length (block order), or a numeric matrix whose columns `index` are those
 * p columns (see read_columns()); `case_weights` NULL or a double vector,
 * `missing` an enum missing_rule (call_codes.c names them for R). */
SEXP iecpls_fit_data(SEXP columns, SEXP index, SEXP case_weights, SEXP missing, SEXP spec)
{
  pls_model_t m;
  pls_work_t ws;
  pls_result_t res;
  prepared_t data;
  int bad = -1;
  read_model(spec, (int) (isNull(index) ? XLENGTH(columns) : XLENGTH(index)), &m);
  m.poll = poll_interrupt;
  alloc_work(&m, &ws);
  SEXP ans = PROTECT(alloc_fit(&m, &res));
  int status = prepare_data(ans, columns, index, case_weights, asInteger(missing), 0, &data, &bad);
  if (status != PLS_OK) {
    res.status = status;
    res.status_index = bad;
    store_status(ans, &res);
    UNPROTECT(1);
    return ans;
  }
  SEXP cor = allocMatrix(REALSXP, m.p, m.p);
  SET_VECTOR_ELT(ans, F_COR, cor);
  double *scratch = data.weights ? (double *) R_alloc(CORRELATION_SCRATCH(m.p), sizeof(double)) : NULL;
  correlation_from_standardized(data.Z, data.n_used, m.p, data.weights, scratch, REAL(cor));
  pls_fit_cor(&m, REAL(cor), &ws, &res);
  store_status(ans, &res);
  if (res.status == PLS_OK) {
    SEXP scores = allocMatrix(REALSXP, (int) data.n_used, m.K);
    SET_VECTOR_ELT(ans, F_SCORES, scores);
    composite_scores(&m, data.Z, data.n_used, res.weights, REAL(scores));
  }
  UNPROTECT(1);
  return ans;
}

/* The standardized data of the used rows, transposed (p x n_used), and their
 * case weights: the input of the resampling entry points. */
SEXP iecpls_standardize(SEXP columns, SEXP index, SEXP case_weights, SEXP missing)
{
  prepared_t data;
  int bad = -1;
  SEXP ans = PROTECT(mkNamed(VECSXP, fit_names));
  int status = prepare_data(ans, columns, index, case_weights, asInteger(missing), 1, &data, &bad);
  if (status != PLS_OK) SET_VECTOR_ELT(ans, F_ZT, R_NilValue);  /* partly written */
  SET_VECTOR_ELT(ans, F_STATUS, ScalarInteger(status));
  SET_VECTOR_ELT(ans, F_INDEX, ScalarInteger(bad + 1));
  if (status == PLS_OK && data.weights != NULL) {
    SEXP kept = allocVector(REALSXP, data.n_used);
    SET_VECTOR_ELT(ans, F_CASE_WEIGHTS, kept);
    memcpy(REAL(kept), data.weights, sizeof(double) * (size_t) data.n_used);
  }
  UNPROTECT(1);
  return ans;
}
