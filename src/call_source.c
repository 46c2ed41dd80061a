/* Correlation sources (source.c): unpacking the source of a resampling
 * problem, the per-thread scratch memory, and the correlation matrix of
 * one sample for R. */
#include "iecpls.h"

/* `s`: list(kind, x (n x p double matrix), order (SPEARMAN: n x p 0-based
 * integer matrix), categories (ORDINAL: p integers, 0 for a continuous
 * column), tol and max_iter (EM)). Scratch for the row grouping is
 * R_alloc'd. `poll` is the kernels' interrupt poll (NULL in threads). */
static void read_source_list(SEXP s, R_xlen_t n, int p, void (*poll)(void), cor_source_t *src)
{
  src->kind = asInteger(list_element(s, "kind"));
  SEXP x = list_element(s, "x");
  if (!isReal(x) || !isMatrix(x) || nrows(x) != n || ncols(x) != p) error("internal error: bad source data");
  src->p = p;
  src->n = n;
  src->x = REAL_RO(x);
  src->order = NULL;
  src->cols = NULL;
  switch (src->kind) {
  case SOURCE_SPEARMAN: {
    SEXP order = list_element(s, "order");
    if (TYPEOF(order) != INTSXP || XLENGTH(order) != (R_xlen_t) p * n) error("internal error: bad source order");
    src->order = INTEGER_RO(order);
    for (R_xlen_t k = 0; k < (R_xlen_t) p * n; k++)
      if (src->order[k] < 0 || src->order[k] >= n) error("internal error: bad source order");
    break;
  }
  case SOURCE_MEAN:
    break;
  case SOURCE_EM: {
    src->em.x = src->x;
    src->em.n = n;
    src->em.p = p;
    src->em.row_stride = 1;
    src->em.col_stride = (size_t) n;
    R_xlen_t *buf = (R_xlen_t *) R_alloc(em_patterns_size(n), sizeof(R_xlen_t));
    em_patterns(&src->em, buf, &src->patterns);
    src->em_control.tol = asReal(list_element(s, "tol"));
    src->em_control.max_iter = asInteger(list_element(s, "max_iter"));
    if (!(src->em_control.tol > 0.0) || src->em_control.max_iter == NA_INTEGER || src->em_control.max_iter < 0)
      error("internal error: bad EM control");
    src->em_control.start_mean = src->em_control.start_cov = NULL;
    src->em_control.poll = poll;
    break;
  }
  case SOURCE_ORDINAL: {
    SEXP categories = list_element(s, "categories");
    if (TYPEOF(categories) != INTSXP || XLENGTH(categories) != p) error("internal error: bad source categories");
    column_t *cols = (column_t *) R_alloc((size_t) p, sizeof(column_t));
    for (int j = 0; j < p; j++) {
      int m = INTEGER_RO(categories)[j];
      if (m < 0 || m == NA_INTEGER) error("internal error: bad source categories");
      cols[j].real = src->x + (size_t) j * (size_t) n;
      cols[j].integer = NULL;
      for (R_xlen_t i = 0; i < n; i++) {
        double v = cols[j].real[i];
        if (m > 0 ? !(v >= 1.0 && v <= m && v == floor(v)) : !R_FINITE(v))
          error("internal error: bad ordinal source value");
      }
    }
    src->cols = cols;
    src->hetcor.p = p;
    src->hetcor.categories = INTEGER_RO(categories);
    src->hetcor.poll = poll;
    break;
  }
  default:
    error("internal error: bad source kind");
  }
}

/* The source of a resampling problem, spec$source (NULL: none). */
void read_source(SEXP spec, R_xlen_t n, int p, resample_problem_t *pr)
{
  SEXP s = list_element_or_null(spec, "source");
  pr->source = NULL;
  if (isNull(s)) return;
  if (pr->staged != NULL) error("internal error: a staged model with a correlation source");
  read_source_list(s, n, p, NULL, &pr->source_store);
  pr->source = &pr->source_store;
}

void alloc_source_buffers(const cor_source_t *src, resample_buffers_t *b, int threads)
{
  size_t nd, ni;
  source_work_size(src, &nd, &ni);
  for (int t = 0; t < threads; t++)
    source_work_init(src, &b[t].source, (double *) R_alloc(nd > 0 ? nd : 1, sizeof(double)),
                     (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
}

/* The correlation matrix of the data of `source` with case frequencies
 * `freq` (n doubles; NULL: all 1): list(cor, status, status_index (1-based,
 * 0 for none)). */
SEXP iecpls_source_cor(SEXP source, SEXP freq)
{
  SEXP x = list_element(source, "x");
  if (!isReal(x) || !isMatrix(x)) error("internal error: bad source data");
  R_xlen_t n = nrows(x);
  int p = ncols(x);
  cor_source_t src;
  read_source_list(source, n, p, poll_interrupt, &src);
  double *f = (double *) R_alloc((size_t) (n > 0 ? n : 1), sizeof(double));
  const double *given = read_case_weights(freq, n);
  for (R_xlen_t i = 0; i < n; i++) f[i] = given != NULL ? given[i] : 1.0;
  size_t nd, ni, pp = (size_t) p;
  source_work_size(&src, &nd, &ni);
  source_work_t w;
  source_work_init(&src, &w, (double *) R_alloc(nd > 0 ? nd : 1, sizeof(double)),
                   (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
  double *scratch = (double *) R_alloc(pp * pp + 2 * pp, sizeof(double));
  const char *names[] = {"cor", "status", "status_index", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SEXP cor = allocMatrix(REALSXP, p, p);
  SET_VECTOR_ELT(ans, 0, cor);
  double *S = REAL(cor);
  for (size_t k = 0; k < pp * pp; k++) S[k] = NA_REAL;
  int index, status = source_correlation(&src, f, &w, scratch, scratch + pp, scratch + pp + pp * pp, S, &index);
  SET_VECTOR_ELT(ans, 1, ScalarInteger(status));
  SET_VECTOR_ELT(ans, 2, ScalarInteger(index + 1));
  UNPROTECT(1);
  return ans;
}
