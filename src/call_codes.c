/* The one table of the codes R and C share: the status codes with what
 * their index refers to, the R condition class of each error and its
 * message template, and the names of the scheme, mode, missing-value,
 * sign-change and statistic-type codes. iecpls_codes() hands it all to R
 * once (R caches it: iecpls_codes() in R/call-c.R), so R never writes a code
 * as a literal.
 *
 * Message templates are cli markup; lines after the first become "i"
 * bullets. R supplies the variables: {construct}, {indicator} (the name the
 * status index refers to; the first of a pair), {other} (the second of a
 * pair), {block} (the construct's indicators) and {predecessors} (the
 * construct's predecessors). */
#include "iecpls.h"

typedef struct {
  int code;
  const char *name;
  const char *index;    /* what status_index refers to: "construct", "indicator", "pair" (of
                           indicators) or "none" */
  const char *class_name;  /* R condition class of the error; NULL: not an error */
  const char *family;
  const char *reason;   /* why a resample failed, as a noun phrase */
  const char *message;  /* cli template of the error */
} status_info_t;

static const status_info_t status_table[] = {
  {PLS_OK, "ok", "none", NULL, NULL, NULL, NULL},
  {PLS_ERR_BLOCK_SINGULAR, "singular_block", "construct", "iecpls_singular_block", "iecpls_estimation_error",
   "a singular Mode B block",
   "The indicators of composite {.field {construct}} ({.val {block}}) are perfectly collinear.\n"
   "Mode B regresses the construct on its indicators, which needs their correlation matrix to be nonsingular.\n"
   "Drop a redundant indicator or estimate {.field {construct}} in Mode A (modes = c({construct} = \"A\"))."},
  {PLS_ERR_ZERO_SCORE, "zero_variance_score", "construct", "iecpls_zero_variance_score", "iecpls_estimation_error",
   "a zero-variance construct score",
   "The score of construct {.field {construct}} has zero variance.\n"
   "Its inner proxy is uncorrelated with all of its indicators ({.val {block}})."},
  {PLS_ERR_INNER_SINGULAR, "singular_paths", "construct", "iecpls_singular_paths", "iecpls_estimation_error",
   "collinear predictors of a construct",
   "The predecessors of construct {.field {construct}} ({.field {predecessors}}) have perfectly collinear scores.\n"
   "Its path coefficients cannot be estimated; check the structural model for redundant constructs."},
  {PLS_ERR_NONFINITE, "nonfinite", "construct", "iecpls_nonfinite", "iecpls_estimation_error",
   "non-finite values",
   "Non-finite values arose while estimating construct {.field {construct}}.\n"
   "Check the data or correlation matrix for extreme or degenerate values."},
  {PLS_ERR_ZERO_VARIANCE, "zero_variance_indicator", "indicator", "iecpls_zero_variance_indicator",
   "iecpls_data_error", "a constant indicator",
   "Indicator {.var {indicator}} has zero variance (every respondent gave the same answer).\n"
   "An indicator must vary to carry information about its construct; drop it from the model."},
  {PLS_ERR_TOO_FEW_ROWS, "too_few_rows", "none", "iecpls_too_few_rows", "iecpls_data_error",
   "too few usable rows",
   "Fewer than two usable rows (or a total case weight of at most 1): nothing to estimate."},
  {PLS_ERR_ALL_MISSING, "all_missing", "indicator", "iecpls_all_missing", "iecpls_data_error",
   "an indicator with no observed value",
   "Indicator {.var {indicator}} has no observed value."},
  {PLS_ERR_MISSING, "missing_values", "indicator", "iecpls_missing_values", "iecpls_data_error",
   "missing values",
   "Indicator {.var {indicator}} has missing values; use {.code missing = \"mean\"} or {.code missing = \"casewise\"}."},
  {PLS_ERR_INFINITE, "infinite_values", "indicator", "iecpls_infinite_values", "iecpls_data_error",
   "infinite values",
   "Indicator {.var {indicator}} has infinite values."},
  {PLS_ERR_COLUMN_OVERFLOW, "column_overflow", "indicator", "iecpls_column_overflow", "iecpls_data_error",
   "an indicator too large to standardize",
   "Indicator {.var {indicator}} has values too large to standardize: its variance overflows.\n"
   "Rescale it (for example divide by a power of ten); estimates do not depend on the scale of an indicator."},
  {PLS_ERR_PRODUCT_SINGULAR, "singular_product", "none", "iecpls_singular_product", "iecpls_estimation_error",
   "collinear indicators of an interaction's constituents",
   "The indicators of an interaction's constituents are perfectly collinear.\n"
   "The orthogonalizing approach regresses each product indicator on them; drop a redundant indicator or use {.code interaction = \"two_stage\"}."},
  {PLS_ERR_EM_SINGULAR, "em_singular", "indicator", "iecpls_em_singular", "iecpls_estimation_error",
   "a singular EM covariance matrix",
   "The covariance matrix estimated by EM stopped being positive definite at indicator {.var {indicator}}.\n"
   "In the observed data it is (nearly) a linear combination of other indicators, or it is rarely observed together with them; "
   "drop a redundant indicator."},
  {PLS_ERR_POLYCHORIC_BOUNDARY, "polychoric_boundary", "pair", "iecpls_polychoric_boundary", "iecpls_estimation_error",
   "a polychoric correlation of 1 or -1",
   "The polychoric correlation of {.var {indicator}} and {.var {other}} cannot be estimated: its likelihood has no maximum between -1 and 1.\n"
   "Their answers are perfectly ordered: the non-empty cells of their table lie on one monotone path (for two items with two categories each: one empty cell), as if the correlation were 1 or -1.\n"
   "Merge sparse categories of one of them, or leave one of the pair out."},
  {PLS_ERR_POLYCHORIC_NOT_CONVERGED, "polychoric_not_converged", "pair", "iecpls_polychoric_not_converged",
   "iecpls_estimation_error", "a polychoric correlation that did not converge",
   "The polychoric correlation of {.var {indicator}} and {.var {other}} did not converge.\n"
   "Please report this, with the table of the two columns."},
  {STATUS_NOT_CONVERGED, "not_converged", "none", NULL, NULL, "no convergence", NULL},
  {STATUS_CONSTANT_COLUMN, "constant_column", "none", NULL, NULL, "a constant indicator", NULL},
  {STATUS_INADMISSIBLE, "inadmissible", "none", NULL, NULL, "an inadmissible PLSc solution", NULL},
  {STATUS_NO_RELIABILITY, "no_reliability", "none", NULL, NULL, "a PLSc reliability that is not positive", NULL}
};

/* Names of the other codes, indexed by the code. */
static const char *scheme_names[] = {[SCHEME_PATH] = "path", [SCHEME_FACTORIAL] = "factorial",
                                     [SCHEME_CENTROID] = "centroid"};
static const char *mode_names[] = {[MODE_A] = "A", [MODE_B] = "B"};
static const char *source_names[] = {[SOURCE_PEARSON] = "pearson", [SOURCE_SPEARMAN] = "spearman",
                                     [SOURCE_MEAN] = "mean", [SOURCE_EM] = "em", [SOURCE_ORDINAL] = "ordinal"};
static const char *missing_names[] = {[MISSING_FAIL] = "fail", [MISSING_MEAN] = "mean",
                                      [MISSING_CASEWISE] = "casewise"};
static const char *sign_names[] = {[SIGN_NONE] = "none", [SIGN_INDIVIDUAL] = "individual",
                                   [SIGN_CONSTRUCT] = "construct"};
static const char *statistic_names[] = {[STAT_WEIGHT] = "weight", [STAT_LOADING] = "loading",
                                        [STAT_PATH] = "path", [STAT_R2] = "r2", [STAT_TOTAL] = "total",
                                        [STAT_HTMT] = "htmt", [STAT_INDIRECT] = "indirect",
                                        [STAT_SPECIFIC] = "specific", [STAT_COPULA_PATH] = "copula_path",
                                        [STAT_COPULA] = "copula", [STAT_FIT] = "fit", [STAT_TETRAD] = "tetrad"};
static const char *fimix_names[] = {[FIMIX_CONVERGED] = "converged", [FIMIX_NOT_CONVERGED] = "not_converged",
                                    [FIMIX_COLLAPSED] = "collapsed", [FIMIX_SINGULAR] = "singular",
                                    [FIMIX_DEGENERATE] = "degenerate"};
#define COUNT(x) ((int) (sizeof(x) / sizeof((x)[0])))

static SEXP string_or_na(const char *s)
{
  return s == NULL ? NA_STRING : mkChar(s);
}

/* A named integer vector: names[i] = code i. */
static SEXP named_codes(const char **names, int n)
{
  SEXP codes = PROTECT(allocVector(INTSXP, n)), labels = PROTECT(allocVector(STRSXP, n));
  for (int i = 0; i < n; i++) {
    INTEGER(codes)[i] = i;
    SET_STRING_ELT(labels, i, mkChar(names[i]));
  }
  setAttrib(codes, R_NamesSymbol, labels);
  UNPROTECT(2);
  return codes;
}

/* The status table as a list of equal-length columns (R makes it a data
 * frame). */
static SEXP status_columns(void)
{
  const char *names[] = {"code", "name", "index", "class", "family", "reason", "message", ""};
  int n = COUNT(status_table);
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SEXP code = allocVector(INTSXP, n);
  SET_VECTOR_ELT(ans, 0, code);
  for (int c = 1; c < 7; c++) SET_VECTOR_ELT(ans, c, allocVector(STRSXP, n));
  for (int i = 0; i < n; i++) {
    const status_info_t *s = status_table + i;
    INTEGER(code)[i] = s->code;
    const char *text[] = {s->name, s->index, s->class_name, s->family, s->reason, s->message};
    for (int c = 0; c < 6; c++) SET_STRING_ELT(VECTOR_ELT(ans, c + 1), i, string_or_na(text[c]));
  }
  UNPROTECT(1);
  return ans;
}

SEXP iecpls_codes(void)
{
  const char *names[] = {"status", "scheme", "mode", "missing", "sign_change", "statistic", "source", "fimix", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SET_VECTOR_ELT(ans, 0, status_columns());
  SET_VECTOR_ELT(ans, 1, named_codes(scheme_names, COUNT(scheme_names)));
  SET_VECTOR_ELT(ans, 2, named_codes(mode_names, COUNT(mode_names)));
  SET_VECTOR_ELT(ans, 3, named_codes(missing_names, COUNT(missing_names)));
  SET_VECTOR_ELT(ans, 4, named_codes(sign_names, COUNT(sign_names)));
  SET_VECTOR_ELT(ans, 5, named_codes(statistic_names, STAT_TYPE_COUNT));
  SET_VECTOR_ELT(ans, 6, named_codes(source_names, COUNT(source_names)));
  SET_VECTOR_ELT(ans, 7, named_codes(fimix_names, COUNT(fimix_names)));
  UNPROTECT(1);
  return ans;
}
