/* .Call entry points of the resampling loops (bootstrap, jackknife). The
 * loops run over chunks (bootstrap) or cases (jackknife) in OpenMP threads,
 * each thread with its own buffers allocated here beforehand; no R API is
 * used inside the parallel regions. */
#include "iecpls.h"

static const int *int_element(SEXP list, const char *name, int *length)
{
  SEXP value = list_element(list, name);
  if (TYPEOF(value) != INTSXP || XLENGTH(value) > INT_MAX)
    error("internal error: bad statistics specification (%s)", name);
  *length = (int) XLENGTH(value);
  return INTEGER(value);
}

static void read_copula_spec(SEXP copula, stat_spec_t *st);

void read_stat_spec(SEXP st_spec, stat_spec_t *st)
{
  int n_to, n_total_to, n_htmt_b, n_indirect_edge, n_starts;
  st->edge_from = int_element(st_spec, "edge_from", &st->n_edges);
  st->edge_to = int_element(st_spec, "edge_to", &n_to);
  st->endogenous = int_element(st_spec, "endogenous", &st->n_endogenous);
  st->total_from = int_element(st_spec, "total_from", &st->n_total);
  st->total_to = int_element(st_spec, "total_to", &n_total_to);
  st->htmt_a = int_element(st_spec, "htmt_a", &st->n_htmt);
  st->htmt_b = int_element(st_spec, "htmt_b", &n_htmt_b);
  st->indirect_total = int_element(st_spec, "indirect_total", &st->n_indirect);
  st->indirect_edge = int_element(st_spec, "indirect_edge", &n_indirect_edge);
  st->chain_start = int_element(st_spec, "chain_start", &n_starts);
  st->chain_edges = int_element(st_spec, "chain_edges", &st->n_chains);
  if (n_to != st->n_edges || n_total_to != st->n_total || n_htmt_b != st->n_htmt ||
      n_indirect_edge != st->n_indirect || n_starts < 1)
    error("internal error: bad statistics specification");
  int n_chain_edges = st->n_chains;
  st->n_chains = n_starts - 1;
  for (int e = 0; e < st->n_indirect; e++)
    if (st->indirect_total[e] < 0 || st->indirect_total[e] >= st->n_total || st->indirect_edge[e] < -1 ||
        st->indirect_edge[e] >= st->n_edges)
      error("internal error: bad indirect effect");
  if (st->chain_start[0] != 0 || st->chain_start[st->n_chains] != n_chain_edges)
    error("internal error: bad indirect chains");
  for (int k = 0; k < st->n_chains; k++)
    if (st->chain_start[k + 1] <= st->chain_start[k]) error("internal error: bad indirect chains");
  for (int i = 0; i < n_chain_edges; i++)
    if (st->chain_edges[i] < 0 || st->chain_edges[i] >= st->n_edges) error("internal error: bad indirect chains");
  st->htmt_absolute = asLogical(list_element(st_spec, "htmt_absolute")) == TRUE;
  SEXP sign = list_element(st_spec, "sign_reference");
  st->sign_reference = NULL;
  if (!isNull(sign)) {
    if (!isReal(sign)) error("internal error: bad sign reference");
    st->sign_reference = REAL_RO(sign);
  }
  /* the test of exact model fit (optional elements) */
  SEXP model_fit = list_element_or_null(st_spec, "model_fit");
  st->model_fit = !isNull(model_fit) && asLogical(model_fit) == TRUE;
  st->fit_saturated = st->model_fit && asLogical(list_element(st_spec, "fit_saturated")) == TRUE;
  st->fit_composite = NULL;
  st->n_fit_composite = 0;
  if (st->model_fit) {
    st->fit_composite = int_element(st_spec, "fit_composite", &st->n_fit_composite);
    if (st->sign_reference != NULL) error("internal error: sign reference with the model fit");
  }
  read_copula_spec(list_element_or_null(st_spec, "copula"), st);
  /* optional: list(..., tetrads = 4 x k integer, correlations_only = TRUE) */
  SEXP tetrads = list_element_or_null(st_spec, "tetrads");
  st->n_tetrads = 0;
  st->tetrad = NULL;
  if (!isNull(tetrads)) {
    if (TYPEOF(tetrads) != INTSXP || XLENGTH(tetrads) % 4 != 0 || XLENGTH(tetrads) / 4 > INT_MAX)
      error("internal error: bad tetrads");
    st->n_tetrads = (int) (XLENGTH(tetrads) / 4);
    st->tetrad = INTEGER_RO(tetrads);
  }
  SEXP only = list_element_or_null(st_spec, "correlations_only");
  st->correlations_only = !isNull(only) && asLogical(only) == TRUE;
}

/* NULL, or list(outcome, predictor, model_start, model_term) (0-based):
 * see copula_spec_t. */
static void read_copula_spec(SEXP copula, stat_spec_t *st)
{
  st->has_copula = !isNull(copula);
  memset(&st->copula, 0, sizeof st->copula);
  if (!st->has_copula) return;
  copula_spec_t *cs = &st->copula;
  int n_outcome, n_start, n_terms;
  const int *outcome = int_element(copula, "outcome", &n_outcome);
  cs->predictor = int_element(copula, "predictor", &cs->k);
  cs->model_start = int_element(copula, "model_start", &n_start);
  cs->model_term = int_element(copula, "model_term", &n_terms);
  if (n_outcome != 1 || cs->k < 1 || n_start < 1 || cs->model_start[0] != 0 ||
      cs->model_start[n_start - 1] != n_terms)
    error("internal error: bad copula specification");
  cs->outcome = outcome[0];
  cs->n_models = n_start - 1;
  for (int g = 0; g < cs->n_models; g++)
    if (cs->model_start[g + 1] < cs->model_start[g] || cs->model_start[g + 1] - cs->model_start[g] > cs->k)
      error("internal error: bad copula specification");
  for (int t = 0; t < n_terms; t++)
    if (cs->model_term[t] < 0 || cs->model_term[t] >= cs->k) error("internal error: bad copula specification");
}

/* Every construct index of a statistics specification is one of the model's. */
void check_stat_indices(const pls_model_t *m, const stat_spec_t *st)
{
  const int *indices[] = {st->edge_from, st->edge_to, st->endogenous, st->total_from, st->total_to,
                          st->htmt_a, st->htmt_b};
  const int counts[] = {st->n_edges, st->n_edges, st->n_endogenous, st->n_total, st->n_total,
                        st->n_htmt, st->n_htmt};
  for (int v = 0; v < 7; v++)
    for (int e = 0; e < counts[v]; e++)
      if (indices[v][e] < 0 || indices[v][e] >= m->K) error("internal error: bad construct index");
  for (size_t e = 0; e < 4 * (size_t) st->n_tetrads; e++)
    if (st->tetrad[e] < 0 || st->tetrad[e] >= m->p) error("internal error: bad tetrad indicator");
  if (!st->has_copula) return;
  const copula_spec_t *cs = &st->copula;
  if (cs->outcome < 0 || cs->outcome >= m->K) error("internal error: bad construct index");
  for (int i = 0; i < cs->k; i++)
    if (cs->predictor[i] < 0 || cs->predictor[i] >= m->K) error("internal error: bad construct index");
}

/* Unpacks everything a resampling loop shares between threads. */
void read_problem(SEXP Zt, SEXP case_weights, SEXP spec, SEXP st_spec, SEXP sign_change,
                  SEXP original_loadings, pls_model_t *m, stat_spec_t *st, resample_problem_t *pr)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  /* a multi-stage model's Zt holds its base columns, not its indicators */
  int staged = read_staged(spec, nrows(Zt), &pr->staged_store);
  pr->staged = staged ? &pr->staged_store : NULL;
  read_model(spec, staged ? pr->staged_store.p : nrows(Zt), m);
  read_stat_spec(st_spec, st);
  if (!isReal(original_loadings) || XLENGTH(original_loadings) != m->p)
    error("internal error: bad original loadings");
  /* the sign reference covers weights, loadings, paths, R^2 and totals */
  SEXP sign = list_element(st_spec, "sign_reference");
  if (!isNull(sign) && XLENGTH(sign) < 2 * (R_xlen_t) m->p + st->n_edges + st->n_endogenous + st->n_total)
    error("internal error: bad sign reference");
  check_stat_indices(m, st);
  pr->model = m;
  pr->stats = st;
  pr->Zt = REAL_RO(Zt);
  pr->n = ncols(Zt);
  pr->case_weights = read_case_weights(case_weights, pr->n);
  pr->sign_change = asInteger(sign_change);
  pr->original_loadings = REAL_RO(original_loadings);
  pr->keep_inadmissible = 0;
  read_source(spec, pr->n, m->p, pr);
}

resample_buffers_t *alloc_buffers(const pls_model_t *m, R_xlen_t n, int threads)
{
  size_t nd, ns, ni;
  resample_buffer_size(m, n, &nd, &ns, &ni);
  resample_buffers_t *b = (resample_buffers_t *) R_alloc((size_t) threads, sizeof(resample_buffers_t));
  for (int t = 0; t < threads; t++)
    resample_buffer_init(m, n, b + t, (double *) R_alloc(nd, sizeof(double)),
                         (size_t *) R_alloc(ns, sizeof(size_t)), (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
  return b;
}

/* The copula regressions' scratch memory of each thread's buffers. */
void alloc_copula_buffers(const copula_spec_t *cs, R_xlen_t n, resample_buffers_t *b, int threads)
{
  size_t nd, nx, ni;
  copula_buffer_size(cs, n, &nd, &nx, &ni);
  for (int t = 0; t < threads; t++)
    copula_buffer_init(cs, n, &b[t].copula, (double *) R_alloc(nd, sizeof(double)),
                       (R_xlen_t *) R_alloc(nx, sizeof(R_xlen_t)), (int *) R_alloc(ni, sizeof(int)));
}

SEXP resample_result(int rows, int q, double **stats, int **status)
{
  const char *names[] = {"stats", "status", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SET_VECTOR_ELT(ans, 0, allocMatrix(REALSXP, rows, q));
  SET_VECTOR_ELT(ans, 1, allocVector(INTSXP, rows));
  *stats = REAL(VECTOR_ELT(ans, 0));
  *status = INTEGER(VECTOR_ELT(ans, 1));
  UNPROTECT(1);
  return ans;
}

/* The stream seeds (6 x chunks integers) and the first row of each chunk
 * (first[chunks] is the total number of rows). */
const int *read_chunks(SEXP seeds, SEXP chunk_sizes, int **first)
{
  int n_chunks = (int) XLENGTH(chunk_sizes);
  if (TYPEOF(seeds) != INTSXP || XLENGTH(seeds) != 6 * (R_xlen_t) n_chunks || TYPEOF(chunk_sizes) != INTSXP)
    error("internal error: bad chunk seeds");
  const int *sizes = INTEGER(chunk_sizes);
  int *start = (int *) R_alloc((size_t) n_chunks + 1, sizeof(int));
  start[0] = 0;
  for (int c = 0; c < n_chunks; c++) {
    if (sizes[c] < 0 || sizes[c] > INT_MAX - start[c]) error("internal error: bad chunk size");
    start[c + 1] = start[c] + sizes[c];
  }
  *first = start;
  return INTEGER(seeds);
}

/* Bootstrap resamples for a batch of chunks: chunk c has chunk_sizes[c]
 * resamples drawn from the MRG32k3a stream seeds[, c] (6 integers).
 * keep_inadmissible: TRUE to return the estimates of inadmissible PLSc
 * resamples (status STATUS_INADMISSIBLE either way). */
SEXP iecpls_bootstrap(SEXP Zt, SEXP case_weights, SEXP spec, SEXP st_spec, SEXP seeds,
                      SEXP chunk_sizes, SEXP sign_change, SEXP original_loadings, SEXP keep_inadmissible,
                      SEXP threads)
{
  pls_model_t m;
  stat_spec_t st;
  resample_problem_t pr;
  read_problem(Zt, case_weights, spec, st_spec, sign_change, original_loadings, &m, &st, &pr);
  pr.keep_inadmissible = asLogical(keep_inadmissible) == TRUE;
  int n_chunks = (int) XLENGTH(chunk_sizes), *first;
  const int *seed = read_chunks(seeds, chunk_sizes, &first), *sizes = INTEGER(chunk_sizes);
  int rows = first[n_chunks], q = statistic_count(&m, &st), nth = thread_count(asInteger(threads));
  double *out;
  int *status;
  SEXP ans = PROTECT(resample_result(rows, q, &out, &status));
  resample_buffers_t *buffers = alloc_buffers(&m, pr.n, nth);
  if (pr.staged != NULL) alloc_staged_buffers(pr.staged, buffers, nth);
  if (pr.source != NULL) alloc_source_buffers(pr.source, buffers, nth);
  if (st.has_copula) {
    /* the copula regressions use the resample's scores of a single-stage model */
    if (pr.staged != NULL) error("internal error: copula regressions of a multi-stage model");
    alloc_copula_buffers(&st.copula, pr.n, buffers, nth);
  }
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic) if (nth > 1) default(none) \
  shared(pr, buffers, out, status) firstprivate(n_chunks, seed, first, sizes, rows)
#endif
  for (int c = 0; c < n_chunks; c++)
    bootstrap_chunk(&pr, seed + 6 * (size_t) c, first[c], sizes[c], buffers + thread_id(), out, rows, status);
  /* R calls this once per batch of chunks: honour Ctrl-C (and time limits)
   * here, on the main thread after the parallel region, so an interrupt
   * waits for one batch only. Scratch memory is R_alloc'd: nothing leaks. */
  R_CheckUserInterrupt();
  UNPROTECT(1);
  return ans;
}

/* The moments of all used rows, list(cross, sums, total): what every
 * leave-one-out fit starts from (accumulate_cross with the case weights). */
SEXP iecpls_full_moments(SEXP Zt, SEXP case_weights)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  int p = nrows(Zt);
  R_xlen_t n = ncols(Zt);
  const double *weights = read_case_weights(case_weights, n);
  const char *names[] = {"cross", "sums", "total", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SET_VECTOR_ELT(ans, 0, allocMatrix(REALSXP, p, p));
  SET_VECTOR_ELT(ans, 1, allocVector(REALSXP, p));
  SET_VECTOR_ELT(ans, 2, allocVector(REALSXP, 1));
  double *freq = (double *) R_alloc((size_t) (n > 0 ? n : 1), sizeof(double));
  for (R_xlen_t i = 0; i < n; i++) freq[i] = weights != NULL ? weights[i] : 1.0;
  accumulate_cross(REAL_RO(Zt), n, p, freq, REAL(VECTOR_ELT(ans, 1)), REAL(VECTOR_ELT(ans, 0)),
                   REAL(VECTOR_ELT(ans, 2)));
  UNPROTECT(1);
  return ans;
}

/* Leave-one-out refits for a batch of chunks of cases: chunk c covers cases
 * first_cases[c] (0-based) .. first_cases[c] + chunk_sizes[c] - 1, and the
 * result has one row per case in chunk order. `moments` is
 * iecpls_full_moments() of the same data; keep_inadmissible as for
 * iecpls_bootstrap. */
SEXP iecpls_jackknife(SEXP Zt, SEXP case_weights, SEXP spec, SEXP st_spec, SEXP sign_change,
                      SEXP original_loadings, SEXP keep_inadmissible, SEXP moments, SEXP first_cases,
                      SEXP chunk_sizes, SEXP threads)
{
  pls_model_t m;
  stat_spec_t st;
  resample_problem_t pr;
  read_problem(Zt, case_weights, spec, st_spec, sign_change, original_loadings, &m, &st, &pr);
  if (st.has_copula) error("internal error: copula regressions in a jackknife");
  pr.keep_inadmissible = asLogical(keep_inadmissible) == TRUE;
  size_t p = (size_t) nrows(Zt);   /* the moments are of Zt's columns */
  SEXP cross = list_element(moments, "cross"), sums = list_element(moments, "sums"),
       total = list_element(moments, "total");
  if (!isReal(cross) || XLENGTH(cross) != (R_xlen_t) (p * p) || !isReal(sums) || XLENGTH(sums) != (R_xlen_t) p ||
      !isReal(total) || XLENGTH(total) != 1)
    error("internal error: bad full-sample moments");
  if (TYPEOF(first_cases) != INTSXP || TYPEOF(chunk_sizes) != INTSXP || XLENGTH(first_cases) != XLENGTH(chunk_sizes))
    error("internal error: bad jackknife chunks");
  int n_chunks = (int) XLENGTH(chunk_sizes), rows = 0;
  const int *first = INTEGER(first_cases), *sizes = INTEGER(chunk_sizes);
  int *offset = (int *) R_alloc((size_t) n_chunks + 1, sizeof(int));
  for (int c = 0; c < n_chunks; c++) {
    if (first[c] < 0 || sizes[c] < 0 || (R_xlen_t) first[c] + sizes[c] > pr.n || sizes[c] > INT_MAX - rows)
      error("internal error: bad jackknife chunk");
    offset[c] = rows;
    rows += sizes[c];
  }
  int q = statistic_count(&m, &st), nth = thread_count(asInteger(threads));
  double *out;
  int *status;
  SEXP ans = PROTECT(resample_result(rows, q, &out, &status));
  resample_buffers_t *buffers = alloc_buffers(&m, pr.n, nth);
  if (pr.staged != NULL) alloc_staged_buffers(pr.staged, buffers, nth);
  if (pr.source != NULL) alloc_source_buffers(pr.source, buffers, nth);
  /* full_total is not const: GCC before 9 rejects a const variable in a
   * data-sharing clause, later versions require it under default(none) */
  const double *full_cross = REAL_RO(cross), *full_sums = REAL_RO(sums);
  double full_total = REAL_RO(total)[0];
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic) if (nth > 1) default(none) \
  shared(pr, buffers, out, status) \
  firstprivate(n_chunks, first, sizes, offset, rows, full_cross, full_sums, full_total)
#endif
  for (int c = 0; c < n_chunks; c++)
    jackknife_range(&pr, full_cross, full_sums, full_total, first[c], sizes[c], buffers + thread_id(),
                    out + offset[c], rows, status + offset[c]);
  R_CheckUserInterrupt();  /* once per batch, after the parallel region (see iecpls_bootstrap) */
  UNPROTECT(1);
  return ans;
}

/* Stacks the row blocks stats of list(list(stats, status), ...) (matrices
 * with equal columns) and their status vectors: the result of a run
 * evaluated in batches, without rbind's elementwise copy. */
SEXP iecpls_merge_rows(SEXP pieces)
{
  if (TYPEOF(pieces) != VECSXP || XLENGTH(pieces) < 1) error("internal error: bad pieces");
  R_xlen_t n_pieces = XLENGTH(pieces), rows = 0;
  int q = -1;
  for (R_xlen_t k = 0; k < n_pieces; k++) {
    SEXP stats = list_element(VECTOR_ELT(pieces, k), "stats"), status = list_element(VECTOR_ELT(pieces, k), "status");
    if (!isReal(stats) || !isMatrix(stats) || TYPEOF(status) != INTSXP || XLENGTH(status) != nrows(stats) ||
        (q >= 0 && ncols(stats) != q))
      error("internal error: bad pieces");
    q = ncols(stats);
    rows += nrows(stats);
  }
  if (rows > INT_MAX) error("internal error: too many rows");
  double *out;
  int *out_status;
  SEXP ans = PROTECT(resample_result((int) rows, q, &out, &out_status));
  R_xlen_t first = 0;
  for (R_xlen_t k = 0; k < n_pieces; k++) {
    SEXP stats = list_element(VECTOR_ELT(pieces, k), "stats"), status = list_element(VECTOR_ELT(pieces, k), "status");
    size_t piece_rows = (size_t) nrows(stats);
    for (int c = 0; c < q; c++)
      memcpy(out + (size_t) rows * (size_t) c + (size_t) first, REAL_RO(stats) + piece_rows * (size_t) c,
             piece_rows * sizeof(double));
    memcpy(out_status + first, INTEGER_RO(status), piece_rows * sizeof(int));
    first += (R_xlen_t) piece_rows;
  }
  UNPROTECT(1);
  return ans;
}
