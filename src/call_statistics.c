/* .Call entry points of the statistics vector outside the resampling loops:
 * its layout (what each column is, for R to label), the full-sample row
 * (the same collect_statistics() as every resample, so HTMT and the effects
 * exist once), the total effects and the HTMT of a fit, the transformed
 * data of the test of exact model fit (model_fit.c), and the table of
 * shared codes (call_codes.c). */
#include "iecpls.h"

/* The model of a specification whose blocks end at the last indicator. */
static void read_spec_model(SEXP spec, pls_model_t *m)
{
  SEXP block_start = list_element(spec, "block_start");
  if (TYPEOF(block_start) != INTSXP || XLENGTH(block_start) < 2)
    error("internal error: model specification has elements of the wrong type");
  read_model(spec, INTEGER(block_start)[XLENGTH(block_start) - 1], m);
}

/* list(type, item, from, to): see statistic_layout(). */
SEXP iecpls_stat_layout(SEXP spec, SEXP stat_spec)
{
  pls_model_t m;
  stat_spec_t st;
  read_spec_model(spec, &m);
  read_stat_spec(stat_spec, &st);
  check_stat_indices(&m, &st);
  int q = statistic_count(&m, &st);
  const char *names[] = {"type", "item", "from", "to", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  for (int c = 0; c < 4; c++) SET_VECTOR_ELT(ans, c, allocVector(INTSXP, q));
  statistic_layout(&m, &st, INTEGER(VECTOR_ELT(ans, 0)), INTEGER(VECTOR_ELT(ans, 1)),
                   INTEGER(VECTOR_ELT(ans, 2)), INTEGER(VECTOR_ELT(ans, 3)));
  UNPROTECT(1);
  return ans;
}

static const double *real_element(SEXP list, const char *name, R_xlen_t length)
{
  SEXP value = list_element(list, name);
  if (!isReal(value) || XLENGTH(value) != length) error("internal error: bad estimates (%s)", name);
  return REAL_RO(value);
}

/* The copula regressions of a fit, on its n x K standardized construct
 * scores (each case once), written to out. */
static void fit_copula_statistics(const copula_spec_t *cs, int K, SEXP scores, double *out)
{
  if (!isReal(scores) || !isMatrix(scores) || ncols(scores) != K || nrows(scores) < 3)
    error("internal error: bad construct scores");
  R_xlen_t n = nrows(scores);
  size_t nd, nx, ni, nn = (size_t) n;
  copula_buffers_t b;
  copula_buffer_size(cs, n, &nd, &nx, &ni);
  copula_buffer_init(cs, n, &b, (double *) R_alloc(nd, sizeof(double)), (R_xlen_t *) R_alloc(nx, sizeof(R_xlen_t)),
                     (int *) R_alloc(ni, sizeof(int)));
  for (int c = 0; c <= cs->k; c++)
    memcpy(b.scores + nn * (size_t) c, REAL_RO(scores) + nn * (size_t) (c < cs->k ? cs->predictor[c] : cs->outcome),
           nn * sizeof(double));
  copula_terms(cs, n, NULL, &b);
  copula_regressions(cs, n, NULL, &b, out, 1);
}

/* The statistics vector of a fit, from its estimates (list(weights,
 * loadings, path_coef, r2): p, p, K x K, K; and construct_cor, K x K, for
 * the model fit) and its p x p indicator correlation matrix S (block
 * order); with copula regressions, estimates$scores too (the fit's n x K
 * construct scores). */
SEXP iecpls_fit_statistics(SEXP S, SEXP spec, SEXP stat_spec, SEXP estimates)
{
  pls_model_t m;
  stat_spec_t st;
  pls_result_t res;
  read_spec_model(spec, &m);
  read_stat_spec(stat_spec, &st);
  check_stat_indices(&m, &st);
  if (!isReal(S) || !isMatrix(S) || nrows(S) != m.p || ncols(S) != m.p)
    error("internal error: 'S' must be a p x p double matrix");
  size_t K = (size_t) m.K;
  memset(&res, 0, sizeof res);
  /* collect_statistics() only reads the result */
  res.weights = (double *) real_element(estimates, "weights", m.p);
  res.loadings = (double *) real_element(estimates, "loadings", m.p);
  res.path_coef = (double *) real_element(estimates, "path_coef", (R_xlen_t) (K * K));
  res.r2 = (double *) real_element(estimates, "r2", m.K);
  if (st.model_fit) res.construct_cor = (double *) real_element(estimates, "construct_cor", (R_xlen_t) (K * K));
  if (!isNull(list_element(stat_spec, "sign_reference"))) error("internal error: sign reference in a full-sample row");
  int q = statistic_count(&m, &st);
  SEXP ans = PROTECT(allocVector(REALSXP, q));
  double *scratch = (double *) R_alloc(statistic_scratch_size(&m), sizeof(double));
  collect_statistics(&m, &st, &res, REAL_RO(S), scratch, REAL(ans), 1);
  if (st.has_copula) fit_copula_statistics(&st.copula, m.K, list_element(estimates, "scores"),
                                           REAL(ans) + standard_statistic_count(&m, &st));
  UNPROTECT(1);
  return ans;
}

/* T = B + B^2 + ... of a K x K double matrix B (recursive model). */
SEXP iecpls_total_effects(SEXP path_coef)
{
  if (!isReal(path_coef) || !isMatrix(path_coef) || nrows(path_coef) != ncols(path_coef))
    error("internal error: 'path_coef' must be a square double matrix");
  int K = nrows(path_coef);
  size_t KK = (size_t) K * (size_t) K;
  SEXP ans = PROTECT(allocMatrix(REALSXP, K, K));
  double *scratch = (double *) R_alloc(KK > 0 ? 2 * KK : 1, sizeof(double));
  if (K > 0) total_effects(REAL_RO(path_coef), K, scratch, scratch + KK, REAL(ans));
  UNPROTECT(1);
  return ans;
}

/* HTMT (geometric = FALSE) or HTMT2 of the pairs of blocks (a[i], b[i])
 * (0-based) of S, whose blocks start at block_start (K + 1 offsets). */
SEXP iecpls_htmt(SEXP S, SEXP block_start, SEXP a, SEXP b, SEXP absolute, SEXP geometric)
{
  if (!isReal(S) || !isMatrix(S) || nrows(S) != ncols(S)) error("internal error: 'S' must be a square double matrix");
  if (TYPEOF(block_start) != INTSXP || XLENGTH(block_start) < 1 || TYPEOF(a) != INTSXP ||
      TYPEOF(b) != INTSXP || XLENGTH(a) != XLENGTH(b))
    error("internal error: bad blocks or pairs");
  int p = nrows(S), K = (int) XLENGTH(block_start) - 1;
  const int *bs = INTEGER_RO(block_start);
  if (bs[0] != 0 || bs[K] != p) error("internal error: blocks do not cover the %d indicators", p);
  for (int j = 0; j < K; j++)
    if (bs[j + 1] <= bs[j]) error("internal error: empty block %d", j + 1);
  R_xlen_t n = XLENGTH(a);
  for (R_xlen_t i = 0; i < n; i++)
    if (INTEGER_RO(a)[i] < 0 || INTEGER_RO(a)[i] >= K || INTEGER_RO(b)[i] < 0 || INTEGER_RO(b)[i] >= K)
      error("internal error: bad construct index");
  SEXP ans = PROTECT(allocVector(REALSXP, n));
  int abs_flag = asLogical(absolute) == TRUE, geo_flag = asLogical(geometric) == TRUE;
  for (R_xlen_t i = 0; i < n; i++)
    REAL(ans)[i] = htmt_ratio(p, bs, REAL_RO(S), INTEGER_RO(a)[i], INTEGER_RO(b)[i], abs_flag, geo_flag);
  UNPROTECT(1);
  return ans;
}

/* The data transformed for the bootstrap test of exact fit
 * (exact_fit_transform()): Zt (p x n, transposed standardized data), S its
 * p x p correlation matrix, Sigma the implied one. */
SEXP iecpls_exact_fit_transform(SEXP Zt, SEXP S, SEXP Sigma)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  int p = nrows(Zt);
  R_xlen_t n = ncols(Zt);
  if (!isReal(S) || !isMatrix(S) || nrows(S) != p || ncols(S) != p || !isReal(Sigma) || !isMatrix(Sigma) ||
      nrows(Sigma) != p || ncols(Sigma) != p)
    error("internal error: 'S' and 'Sigma' must be p x p double matrices");
  size_t pp = (size_t) p * (size_t) p;
  double *scratch = (double *) R_alloc(5 * pp + 4 * (size_t) p + 1, sizeof(double));
  SEXP ans = PROTECT(allocMatrix(REALSXP, p, (int) n));
  int status = exact_fit_transform(REAL_RO(Zt), n, p, REAL_RO(S), REAL_RO(Sigma), scratch, REAL(ans));
  UNPROTECT(1);
  /* R explains a status (exact_fit_transform(): 1 S, 2 Sigma not positive definite) */
  if (status != 0) return ScalarInteger(status);
  return ans;
}
