/* The .Call entry points: the only C code that touches SEXPs. Each checks
 * and unpacks its arguments, allocates all scratch memory with R_alloc (so an
 * error or interrupt cannot leak it), runs the SEXP-free kernels and builds a
 * named result list. Model-level failures (singular block, zero-variance
 * column, ...) are returned as a status code plus an index for R to turn into
 * a message that names the construct or column. */
#include "iecpls.h"

static SEXP list_element(SEXP list, const char *name)
{
  SEXP names = getAttrib(list, R_NamesSymbol);
  for (R_xlen_t i = 0; i < XLENGTH(list); i++)
    if (strcmp(CHAR(STRING_ELT(names, i)), name) == 0) return VECTOR_ELT(list, i);
  error("internal error: model specification has no element '%s'", name);
  return R_NilValue;
}

/* Unpacks the model specification built by R (see R/call-c.R). */
static void read_model(SEXP spec, int p, pls_model_t *m)
{
  if (TYPEOF(spec) != VECSXP) error("internal error: model specification must be a list");
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
  if (m->scheme < SCHEME_PATH || m->scheme > SCHEME_CENTROID) error("internal error: bad scheme");
  if (!(m->tol > 0.0) || m->max_iter < 1) error("internal error: bad tolerance or iteration limit");
}

static void alloc_work(const pls_model_t *m, pls_work_t *ws)
{
  size_t nd, ns, ni;
  pls_work_size(m, &nd, &ns, &ni);
  pls_work_init(m, ws, (double *) R_alloc(nd, sizeof(double)), (size_t *) R_alloc(ns, sizeof(size_t)),
                (int *) R_alloc(ni, sizeof(int)));
}

static const char *fit_names[] = {"weights", "cross_loadings", "construct_cor", "path_coef", "r2",
                                  "iterations", "converged", "status", "status_index",
                                  "scores", "cor", "means", "sds", "rows_used", ""};
enum { F_WEIGHTS, F_LOADINGS, F_CONSTRUCT_COR, F_PATH, F_R2, F_ITER, F_CONV, F_STATUS,
       F_INDEX, F_SCORES, F_COR, F_MEANS, F_SDS, F_ROWS };

/* A protected result list with the kernel outputs allocated; `res` points
 * into it. */
static SEXP alloc_fit(const pls_model_t *m, pls_result_t *res)
{
  SEXP ans = PROTECT(mkNamed(VECSXP, fit_names));
  SET_VECTOR_ELT(ans, F_WEIGHTS, allocVector(REALSXP, m->p));
  SET_VECTOR_ELT(ans, F_LOADINGS, allocMatrix(REALSXP, m->p, m->K));
  SET_VECTOR_ELT(ans, F_CONSTRUCT_COR, allocMatrix(REALSXP, m->K, m->K));
  SET_VECTOR_ELT(ans, F_PATH, allocMatrix(REALSXP, m->K, m->K));
  SET_VECTOR_ELT(ans, F_R2, allocVector(REALSXP, m->K));
  res->weights = REAL(VECTOR_ELT(ans, F_WEIGHTS));
  res->cross_loadings = REAL(VECTOR_ELT(ans, F_LOADINGS));
  res->construct_cor = REAL(VECTOR_ELT(ans, F_CONSTRUCT_COR));
  res->path_coef = REAL(VECTOR_ELT(ans, F_PATH));
  res->r2 = REAL(VECTOR_ELT(ans, F_R2));
  /* Defined contents even when the fit stops early with an error status. */
  memset(res->weights, 0, sizeof(double) * (size_t) m->p);
  memset(res->cross_loadings, 0, sizeof(double) * (size_t) m->p * (size_t) m->K);
  memset(res->construct_cor, 0, sizeof(double) * (size_t) m->K * (size_t) m->K);
  memset(res->path_coef, 0, sizeof(double) * (size_t) m->K * (size_t) m->K);
  memset(res->r2, 0, sizeof(double) * (size_t) m->K);
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
  SET_VECTOR_ELT(ans, F_STATUS, ScalarInteger(res->status));
  SET_VECTOR_ELT(ans, F_INDEX, ScalarInteger(res->status_index + 1));
}

/* Fit from a p x p correlation matrix. */
SEXP iecpls_fit_cor(SEXP S, SEXP spec)
{
  if (!isReal(S) || !isMatrix(S) || nrows(S) != ncols(S)) error("internal error: 'S' must be a square double matrix");
  pls_model_t m;
  pls_work_t ws;
  pls_result_t res;
  read_model(spec, nrows(S), &m);
  alloc_work(&m, &ws);
  SEXP ans = PROTECT(alloc_fit(&m, &res));
  pls_fit_cor(&m, REAL(S), &ws, &res);
  store_status(ans, &res);
  UNPROTECT(1);
  return ans;
}

/* Fit from data: `columns` is a list of p integer or double vectors of equal
 * length (block order), `case_weights` NULL or a double vector, `missing`
 * 0 = none allowed, 1 = mean replacement, 2 = complete cases only. */
SEXP iecpls_fit_data(SEXP columns, SEXP case_weights, SEXP missing, SEXP spec)
{
  if (TYPEOF(columns) != VECSXP || XLENGTH(columns) < 1) error("internal error: 'columns' must be a non-empty list");
  int p = (int) XLENGTH(columns), missing_code = asInteger(missing);
  R_xlen_t n = XLENGTH(VECTOR_ELT(columns, 0));
  column_t *cols = (column_t *) R_alloc((size_t) p, sizeof(column_t));
  for (int c = 0; c < p; c++) {
    SEXP col = VECTOR_ELT(columns, c);
    if (XLENGTH(col) != n) error("internal error: columns of unequal length");
    cols[c].real = TYPEOF(col) == REALSXP ? REAL_RO(col) : NULL;
    cols[c].integer = TYPEOF(col) == INTSXP ? INTEGER_RO(col) : NULL;
    if (cols[c].real == NULL && cols[c].integer == NULL) error("internal error: column %d is not numeric", c + 1);
  }
  const double *weights = NULL;
  if (!isNull(case_weights)) {
    if (!isReal(case_weights) || XLENGTH(case_weights) != n) error("internal error: bad case weights");
    weights = REAL_RO(case_weights);
  }
  pls_model_t m;
  pls_work_t ws;
  pls_result_t res;
  read_model(spec, p, &m);
  alloc_work(&m, &ws);
  int nprot = 0;
  SEXP ans = PROTECT(alloc_fit(&m, &res)); nprot++;

  int *row_used = NULL;
  R_xlen_t n_used = n;
  if (missing_code == 2) {
    row_used = (int *) R_alloc((size_t) n, sizeof(int));
    n_used = complete_rows(cols, n, p, row_used);
    SEXP used = allocVector(LGLSXP, n);
    SET_VECTOR_ELT(ans, F_ROWS, used);
    for (R_xlen_t r = 0; r < n; r++) LOGICAL(used)[r] = row_used[r];
  }
  if (n_used > INT_MAX) error("more than %d usable rows are not supported", INT_MAX);
  /* When rows are dropped, the case weights of the kept rows only. */
  const double *used_weights = weights;
  if (weights != NULL && row_used != NULL) {
    double *kept = (double *) R_alloc((size_t) (n_used > 0 ? n_used : 1), sizeof(double));
    R_xlen_t k = 0;
    for (R_xlen_t r = 0; r < n; r++) if (row_used[r]) kept[k++] = weights[r];
    used_weights = kept;
  }
  SEXP cor = allocMatrix(REALSXP, p, p);
  SET_VECTOR_ELT(ans, F_COR, cor);
  SET_VECTOR_ELT(ans, F_MEANS, allocVector(REALSXP, p));
  SET_VECTOR_ELT(ans, F_SDS, allocVector(REALSXP, p));
  double *Z = (double *) R_alloc((size_t) (n_used > 0 ? n_used : 1) * (size_t) p, sizeof(double));
  int bad_column = -1;
  int status = standardize_columns(cols, n, p, weights, missing_code == 1, row_used, n_used, Z,
                                   REAL(VECTOR_ELT(ans, F_MEANS)), REAL(VECTOR_ELT(ans, F_SDS)),
                                   &bad_column);
  if (status != PLS_OK) {
    res.status = status;
    res.status_index = bad_column;
    store_status(ans, &res);
    UNPROTECT(nprot);
    return ans;
  }
  double *scratch = used_weights ? (double *) R_alloc(CORRELATION_SCRATCH(p), sizeof(double)) : NULL;
  correlation_from_standardized(Z, n_used, p, used_weights, scratch, REAL(cor));
  pls_fit_cor(&m, REAL(cor), &ws, &res);
  store_status(ans, &res);
  if (res.status == PLS_OK) {
    SEXP scores = allocMatrix(REALSXP, (int) n_used, m.K);
    SET_VECTOR_ELT(ans, F_SCORES, scores);
    composite_scores(&m, Z, n_used, res.weights, REAL(scores));
  }
  UNPROTECT(nprot);
  return ans;
}
