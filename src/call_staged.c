/* .Call entry points of multi-stage models (staged.c): the full-sample fit
 * and the derived columns of new data; and the unpacking of a staged
 * specification that the resampling entry points share. */
#include "iecpls.h"

static const int *index_vector(SEXP list, const char *name, R_xlen_t length, int lower, int upper)
{
  SEXP value = list_element(list, name);
  if (TYPEOF(value) != INTSXP || XLENGTH(value) != length)
    error("internal error: bad staged specification (%s)", name);
  const int *v = INTEGER(value);
  for (R_xlen_t i = 0; i < length; i++)
    if (v[i] == NA_INTEGER || v[i] < lower || v[i] >= upper)
      error("internal error: bad staged specification (%s out of range)", name);
  return v;
}

/* The stage-2 model of a two-stage higher-order model and the maps between
 * the stages and the reported model (see staged_t), checked so that every
 * reported indicator and construct comes from exactly one stage. */
static void read_second_stage(SEXP st, staged_t *sg)
{
  SEXP second = list_element_or_null(st, "second");
  sg->has_second = !isNull(second);
  sg->second_indicator = sg->second_construct = sg->first_indicator = sg->first_construct = NULL;
  if (!sg->has_second) return;
  if (!sg->has_first) error("internal error: a stage-2 model without a stage-1 model");
  SEXP at = list_element(st, "second_indicator"), mode = list_element(second, "mode"),
       fc = list_element(st, "first_construct");
  if (TYPEOF(at) != INTSXP || TYPEOF(mode) != INTSXP || TYPEOF(fc) != INTSXP)
    error("internal error: bad stage-2 specification");
  int p = sg->p, K = (int) XLENGTH(fc);
  read_model(second, (int) XLENGTH(at), &sg->second);
  sg->second_indicator = index_vector(st, "second_indicator", sg->second.p, 0, p);
  sg->second_construct = index_vector(st, "second_construct", sg->second.K, 0, K);
  sg->first_indicator = index_vector(st, "first_indicator", p, -1, sg->first.p);
  sg->first_construct = index_vector(st, "first_construct", K, -1, sg->first.K);
  int *seen = (int *) R_alloc((size_t) (p > K ? p : K), sizeof(int));
  for (int x = 0; x < p; x++) seen[x] = sg->first_indicator[x] >= 0;
  for (int x = 0; x < sg->second.p; x++) seen[sg->second_indicator[x]]++;
  for (int x = 0; x < p; x++)
    if (seen[x] != 1) error("internal error: reported indicator %d is not from exactly one stage", x + 1);
  for (int j = 0; j < K; j++) seen[j] = sg->first_construct[j] >= 0;
  for (int j = 0; j < sg->second.K; j++) seen[sg->second_construct[j]]++;
  for (int j = 0; j < K; j++)
    if (seen[j] != 1) error("internal error: reported construct %d is not from exactly one stage", j + 1);
}

/* Fills sg from spec$staged when the model is multi-stage (returns 1), else
 * returns 0. p0: the number of base columns (rows of Zt). */
int read_staged(SEXP spec, int p0, staged_t *sg)
{
  SEXP st = list_element_or_null(spec, "staged");
  if (isNull(st)) return 0;
  SEXP first = list_element(st, "first"), q_value = list_element(st, "q"), final = list_element(st, "final_column");
  if (TYPEOF(q_value) != INTSXP || XLENGTH(q_value) != 1 || INTEGER(q_value)[0] < 0 || TYPEOF(final) != INTSXP)
    error("internal error: bad staged specification");
  int q = INTEGER(q_value)[0];
  sg->p0 = p0;
  sg->q = q;
  sg->has_first = !isNull(first);
  if (sg->has_first) {
    SEXP columns = list_element(st, "first_column");
    read_model(first, (int) XLENGTH(columns), &sg->first);
    sg->first_column = index_vector(st, "first_column", XLENGTH(columns), 0, p0);
  } else {
    sg->first_column = NULL;
  }
  sg->kind = index_vector(st, "kind", q, DERIVED_SCORE_PRODUCT, DERIVED_SCORE + 1);
  int constituent_limit = p0;
  for (int k = 0; k < q; k++)
    if ((sg->kind[k] == DERIVED_SCORE_PRODUCT || sg->kind[k] == DERIVED_SCORE) && !sg->has_first)
      error("internal error: a stage-1 score without a stage-1 model");
  if (sg->has_first && sg->first.K > constituent_limit) constituent_limit = sg->first.K;
  sg->a = index_vector(st, "a", q, 0, constituent_limit);
  sg->b = index_vector(st, "b", q, 0, constituent_limit);
  for (int k = 0; k < q; k++) {
    int limit = sg->kind[k] == DERIVED_SCORE_PRODUCT || sg->kind[k] == DERIVED_SCORE ? sg->first.K : p0;
    if (sg->a[k] >= limit || sg->b[k] >= limit) error("internal error: bad derived column %d", k + 1);
  }
  sg->residual_start = index_vector(st, "residual_start", (R_xlen_t) q + 1, 0, INT_MAX);
  if (sg->residual_start[0] != 0) error("internal error: bad residual sets");
  for (int k = 0; k < q; k++) {
    if (sg->residual_start[k + 1] < sg->residual_start[k]) error("internal error: bad residual sets");
    if (sg->residual_start[k + 1] > sg->residual_start[k] && sg->kind[k] != DERIVED_ORTHOGONAL)
      error("internal error: a residual set for a column that is not orthogonalized");
  }
  sg->residual_column = index_vector(st, "residual_column", sg->residual_start[q], 0, p0);
  sg->p = (int) XLENGTH(final);
  sg->final_column = index_vector(st, "final_column", XLENGTH(final), 0, p0 + q);
  sg->unstandardized = asLogical(list_element(st, "unstandardized")) == TRUE;
  sg->linear = 1;
  for (int k = 0; k < q; k++)
    if (sg->kind[k] != DERIVED_SCORE) sg->linear = 0;
  read_second_stage(st, sg);
  return 1;
}

/* Buffers of a staged problem for each of `threads` resampling buffers. */
void alloc_staged_buffers(const staged_t *sg, resample_buffers_t *b, int threads)
{
  size_t nd, ns, ni;
  staged_buffer_size(sg, &nd, &ns, &ni);
  for (int t = 0; t < threads; t++)
    staged_buffer_init(sg, &b[t].staged, (double *) R_alloc(nd > 0 ? nd : 1, sizeof(double)),
                       (size_t *) R_alloc(ns > 0 ? ns : 1, sizeof(size_t)),
                       (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
}

static const char *staged_names[] = {"weights", "cross_loadings", "construct_cor", "path_coef", "r2",
                                     "loadings", "rho_a", "iterations", "converged", "admissible",
                                     "status", "status_index", "scores", "cor", "first_weights",
                                     "beta", "mean0", "rsd0", "derived_mean", "derived_sd",
                                     "first_status", "product_factor", ""};
enum { G_WEIGHTS, G_CROSS_LOADINGS, G_CONSTRUCT_COR, G_PATH, G_R2, G_LOADINGS, G_RHO_A, G_ITER,
       G_CONV, G_ADMISSIBLE, G_STATUS, G_INDEX, G_SCORES, G_COR, G_FIRST_WEIGHTS, G_BETA, G_MEAN0,
       G_RSD0, G_DERIVED_MEAN, G_DERIVED_SD, G_FIRST_STATUS, G_PRODUCT_FACTOR };

static double *new_real(SEXP ans, int slot, R_xlen_t n)
{
  SEXP v = allocVector(REALSXP, n);
  SET_VECTOR_ELT(ans, slot, v);
  return REAL(v);
}

/* Full-sample fit of a multi-stage model: Zt (p0 x n) the standardized base
 * columns of every row, case_weights NULL or n (rows of weight 0 are not in
 * the sample but get scores). Returns the final fit as iecpls_fit_data
 * does, its correlation matrix and scores, and what predicting new data
 * needs (stage-1 weights, residual coefficients, the sample's standardization
 * of the base and derived columns). first_status: the stage-1 fit's status
 * when stage 1 failed (status is then that status too). */
SEXP iecpls_fit_staged(SEXP Zt, SEXP case_weights, SEXP spec)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  int p0 = nrows(Zt);
  R_xlen_t n = ncols(Zt);
  staged_t sg;
  if (!read_staged(spec, p0, &sg)) error("internal error: not a staged model");
  pls_model_t m;
  read_model(spec, sg.p, &m);
  m.poll = poll_interrupt;
  if (sg.has_first) sg.first.poll = poll_interrupt;
  if (sg.has_second) sg.second.poll = poll_interrupt;
  const double *weights = read_case_weights(case_weights, n);
  pls_work_t ws;
  alloc_work(&m, &ws);
  staged_buffers_t b;
  size_t nd, ns, ni;
  staged_buffer_size(&sg, &nd, &ns, &ni);
  staged_buffer_init(&sg, &b, (double *) R_alloc(nd > 0 ? nd : 1, sizeof(double)),
                     (size_t *) R_alloc(ns > 0 ? ns : 1, sizeof(size_t)), (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
  double *freq = (double *) R_alloc((size_t) (n > 0 ? n : 1), sizeof(double));
  for (R_xlen_t i = 0; i < n; i++) freq[i] = weights != NULL ? weights[i] : 1.0;

  SEXP ans = PROTECT(mkNamed(VECSXP, staged_names));
  size_t p = (size_t) m.p, K = (size_t) m.K;
  pls_result_t res;
  res.weights = new_real(ans, G_WEIGHTS, m.p);
  SEXP cl = allocMatrix(REALSXP, m.p, m.K);
  SET_VECTOR_ELT(ans, G_CROSS_LOADINGS, cl);
  res.cross_loadings = REAL(cl);
  /* each stored in the protected list before the next allocation */
  SEXP cc = allocMatrix(REALSXP, m.K, m.K);
  SET_VECTOR_ELT(ans, G_CONSTRUCT_COR, cc);
  SEXP pc = allocMatrix(REALSXP, m.K, m.K);
  SET_VECTOR_ELT(ans, G_PATH, pc);
  res.construct_cor = REAL(cc);
  res.path_coef = REAL(pc);
  res.r2 = new_real(ans, G_R2, m.K);
  res.loadings = new_real(ans, G_LOADINGS, m.p);
  res.rho_a = new_real(ans, G_RHO_A, m.K);
  memset(res.weights, 0, sizeof(double) * p);
  memset(res.cross_loadings, 0, sizeof(double) * p * K);
  memset(res.construct_cor, 0, sizeof(double) * K * K);
  memset(res.path_coef, 0, sizeof(double) * K * K);
  memset(res.r2, 0, sizeof(double) * K);
  memset(res.loadings, 0, sizeof(double) * p);
  for (size_t j = 0; j < K; j++) res.rho_a[j] = 1.0;
  res.iterations = 0;
  res.converged = 0;
  res.admissible = 1;
  res.status_index = -1;

  SEXP cor = allocMatrix(REALSXP, m.p, m.p);
  SET_VECTOR_ELT(ans, G_COR, cor);
  int bad = -1;
  int status = staged_correlation(&sg, REAL_RO(Zt), n, freq, &b, REAL(cor), &bad);
  SET_VECTOR_ELT(ans, G_FIRST_STATUS, ScalarInteger(PLS_OK));
  if (status != PLS_OK) {
    /* a stage-1 failure refers to the stage-1 model's construct */
    if (sg.has_first && b.res1.status != PLS_OK && status == b.res1.status) {
      SET_VECTOR_ELT(ans, G_FIRST_STATUS, ScalarInteger(status));
      bad = b.res1.status_index;
    }
    res.status = status;
    res.status_index = bad;
  } else {
    staged_final_fit(&sg, &m, REAL(cor), &b, &ws, &res);
  }
  double *factor = new_real(ans, G_PRODUCT_FACTOR, m.K);
  for (int j = 0; j < m.K; j++) factor[j] = 1.0;
  if (res.status == PLS_OK && sg.unstandardized) unstandardize_products(&sg, &m, &b, &res, factor);
  SET_VECTOR_ELT(ans, G_ITER, ScalarInteger(res.iterations));
  SET_VECTOR_ELT(ans, G_CONV, ScalarLogical(res.converged));
  SET_VECTOR_ELT(ans, G_ADMISSIBLE, ScalarLogical(res.admissible));
  SET_VECTOR_ELT(ans, G_STATUS, ScalarInteger(res.status));
  SET_VECTOR_ELT(ans, G_INDEX, ScalarInteger(res.status_index + 1));
  if (res.status != PLS_OK) {
    UNPROTECT(1);
    return ans;
  }
  size_t q = (size_t) sg.q;
  double *first_weights = new_real(ans, G_FIRST_WEIGHTS, sg.has_first ? sg.first.p : 0);
  if (sg.has_first) memcpy(first_weights, b.res1.weights, sizeof(double) * (size_t) sg.first.p);
  double *beta = new_real(ans, G_BETA, sg.residual_start[sg.q]);
  memcpy(beta, b.beta, sizeof(double) * (size_t) sg.residual_start[sg.q]);
  double *mean0 = new_real(ans, G_MEAN0, p0), *rsd0 = new_real(ans, G_RSD0, p0);
  memcpy(mean0, b.mean0, sizeof(double) * (size_t) p0);
  memcpy(rsd0, b.rsd0, sizeof(double) * (size_t) p0);
  double *dmean = new_real(ans, G_DERIVED_MEAN, sg.q), *dsd = new_real(ans, G_DERIVED_SD, sg.q);
  derived_moments(&sg, &b, dmean, dsd);
  /* scores: the final model's standardized indicators times its weights */
  size_t nn = (size_t) n;
  double *derived = (double *) R_alloc(nn * q > 0 ? nn * q : 1, sizeof(double));
  derived_values(&sg, REAL_RO(Zt), n, mean0, rsd0, first_weights, beta, b.z, derived);
  double *Z = (double *) R_alloc(nn * p > 0 ? nn * p : 1, sizeof(double));
  for (size_t x = 0; x < p; x++) {
    size_t c = (size_t) sg.final_column[x];
    double *zx = Z + nn * x;
    if (c < (size_t) p0) {
      for (size_t i = 0; i < nn; i++) zx[i] = (REAL_RO(Zt)[c + (size_t) p0 * i] - mean0[c]) * rsd0[c];
    } else {
      size_t k = c - (size_t) p0;
      for (size_t i = 0; i < nn; i++) zx[i] = (derived[i + nn * k] - dmean[k]) / dsd[k];
    }
  }
  SEXP scores = allocMatrix(REALSXP, (int) n, m.K);
  SET_VECTOR_ELT(ans, G_SCORES, scores);
  composite_scores(&m, Z, n, res.weights, REAL(scores));
  for (size_t j = 0; j < K; j++)
    if (factor[j] != 1.0) for (size_t i = 0; i < nn; i++) REAL(scores)[i + nn * j] *= factor[j];
  UNPROTECT(1);
  return ans;
}

/* The derived columns (n x q) of data Zt (p0 x n, standardized with the
 * fitted sample's means and sds), formed with that fit's `stages`
 * (first_weights, beta, mean0, rsd0 of iecpls_fit_staged). */
SEXP iecpls_derived_values(SEXP Zt, SEXP spec, SEXP stages)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  int p0 = nrows(Zt);
  R_xlen_t n = ncols(Zt);
  staged_t sg;
  if (!read_staged(spec, p0, &sg)) error("internal error: not a staged model");
  SEXP fw = list_element(stages, "first_weights"), beta = list_element(stages, "beta"),
       mean0 = list_element(stages, "mean0"), rsd0 = list_element(stages, "rsd0");
  if (!isReal(fw) || XLENGTH(fw) != (sg.has_first ? sg.first.p : 0) || !isReal(beta) ||
      XLENGTH(beta) != sg.residual_start[sg.q] || !isReal(mean0) || XLENGTH(mean0) != p0 || !isReal(rsd0) ||
      XLENGTH(rsd0) != p0)
    error("internal error: bad stages");
  SEXP out = PROTECT(allocMatrix(REALSXP, (int) n, sg.q));
  double *z = (double *) R_alloc((size_t) (p0 > 0 ? p0 : 1), sizeof(double));
  derived_values(&sg, REAL_RO(Zt), n, REAL_RO(mean0), REAL_RO(rsd0), REAL_RO(fw), REAL_RO(beta), z, REAL(out));
  UNPROTECT(1);
  return out;
}
