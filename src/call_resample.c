/* .Call entry points of the resampling loops (bootstrap, jackknife). The
 * loops run over chunks (bootstrap) or cases (jackknife) in OpenMP threads,
 * each thread with its own buffers allocated here beforehand; no R API is
 * used inside the parallel regions. */
#include "iecpls.h"

static void read_stat_spec(SEXP st_spec, stat_spec_t *st)
{
  SEXP from = list_element(st_spec, "edge_from"), to = list_element(st_spec, "edge_to"),
       endo = list_element(st_spec, "endogenous"), total_from = list_element(st_spec, "total_from"),
       total_to = list_element(st_spec, "total_to"), htmt_a = list_element(st_spec, "htmt_a"),
       htmt_b = list_element(st_spec, "htmt_b");
  if (TYPEOF(from) != INTSXP || TYPEOF(to) != INTSXP || TYPEOF(endo) != INTSXP ||
      TYPEOF(total_from) != INTSXP || TYPEOF(total_to) != INTSXP || TYPEOF(htmt_a) != INTSXP ||
      TYPEOF(htmt_b) != INTSXP || XLENGTH(from) != XLENGTH(to) ||
      XLENGTH(total_from) != XLENGTH(total_to) || XLENGTH(htmt_a) != XLENGTH(htmt_b))
    error("internal error: bad statistics specification");
  st->n_edges = (int) XLENGTH(from);
  st->edge_from = INTEGER(from);
  st->edge_to = INTEGER(to);
  st->n_endogenous = (int) XLENGTH(endo);
  st->endogenous = INTEGER(endo);
  st->n_total = (int) XLENGTH(total_from);
  st->total_from = INTEGER(total_from);
  st->total_to = INTEGER(total_to);
  st->n_htmt = (int) XLENGTH(htmt_a);
  st->htmt_a = INTEGER(htmt_a);
  st->htmt_b = INTEGER(htmt_b);
  st->htmt_absolute = asLogical(list_element(st_spec, "htmt_absolute")) == TRUE;
}

/* Unpacks everything a resampling loop shares between threads. */
void read_problem(SEXP Zt, SEXP case_weights, SEXP spec, SEXP st_spec, SEXP sign_change,
                  SEXP original_loadings, pls_model_t *m, stat_spec_t *st, resample_problem_t *pr)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  read_model(spec, nrows(Zt), m);
  read_stat_spec(st_spec, st);
  if (!isReal(original_loadings) || XLENGTH(original_loadings) != m->p)
    error("internal error: bad original loadings");
  const int *indices[] = {st->edge_from, st->edge_to, st->endogenous, st->total_from, st->total_to,
                          st->htmt_a, st->htmt_b};
  const int counts[] = {st->n_edges, st->n_edges, st->n_endogenous, st->n_total, st->n_total,
                        st->n_htmt, st->n_htmt};
  for (int v = 0; v < 7; v++)
    for (int e = 0; e < counts[v]; e++)
      if (indices[v][e] < 0 || indices[v][e] >= m->K) error("internal error: bad construct index");
  pr->model = m;
  pr->stats = st;
  pr->Zt = REAL_RO(Zt);
  pr->n = ncols(Zt);
  pr->case_weights = read_case_weights(case_weights, pr->n);
  pr->sign_change = asInteger(sign_change);
  pr->original_loadings = REAL_RO(original_loadings);
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
 * resamples drawn from the MRG32k3a stream seeds[, c] (6 integers). */
SEXP iecpls_bootstrap(SEXP Zt, SEXP case_weights, SEXP spec, SEXP st_spec, SEXP seeds,
                      SEXP chunk_sizes, SEXP sign_change, SEXP original_loadings, SEXP threads)
{
  pls_model_t m;
  stat_spec_t st;
  resample_problem_t pr;
  read_problem(Zt, case_weights, spec, st_spec, sign_change, original_loadings, &m, &st, &pr);
  int n_chunks = (int) XLENGTH(chunk_sizes), *first;
  const int *seed = read_chunks(seeds, chunk_sizes, &first), *sizes = INTEGER(chunk_sizes);
  int rows = first[n_chunks], q = statistic_count(&m, &st), nth = thread_count(asInteger(threads));
  double *out;
  int *status;
  SEXP ans = PROTECT(resample_result(rows, q, &out, &status));
  resample_buffers_t *buffers = alloc_buffers(&m, pr.n, nth);
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic)
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

/* Leave-one-out refits of every used case (rows of the result). */
SEXP iecpls_jackknife(SEXP Zt, SEXP case_weights, SEXP spec, SEXP st_spec, SEXP sign_change,
                      SEXP original_loadings, SEXP threads)
{
  pls_model_t m;
  stat_spec_t st;
  resample_problem_t pr;
  read_problem(Zt, case_weights, spec, st_spec, sign_change, original_loadings, &m, &st, &pr);
  const int block = 64;
  /* `first += block` below must not overflow */
  if (pr.n > INT_MAX - block) error("too many cases for the jackknife (at most %d)", INT_MAX - block);
  int n = (int) pr.n, q = statistic_count(&m, &st), nth = thread_count(asInteger(threads));
  size_t p = (size_t) m.p;
  double *out;
  int *status;
  SEXP ans = PROTECT(resample_result(n, q, &out, &status));
  resample_buffers_t *buffers = alloc_buffers(&m, pr.n, nth);
  double *full_cross = (double *) R_alloc(p * p, sizeof(double)), *full_sums = (double *) R_alloc(p, sizeof(double));
  double *freq = buffers[0].freq, total;
  for (R_xlen_t i = 0; i < pr.n; i++) freq[i] = pr.case_weights ? pr.case_weights[i] : 1.0;
  accumulate_cross(pr.Zt, pr.n, m.p, freq, full_sums, full_cross, &total);
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic)
#endif
  for (int first = 0; first < n; first += block)
    jackknife_range(&pr, full_cross, full_sums, total, first, n - first < block ? n - first : block,
                    buffers + thread_id(), out, n, status);
  UNPROTECT(1);
  return ans;
}

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
 * its cross-product, with no model fit. For the benchmark's "limit" row;
 * returns a checksum so the work cannot be optimized away. */
SEXP iecpls_bootstrap_floor(SEXP Zt, SEXP seeds, SEXP chunk_sizes)
{
  if (!isReal(Zt) || !isMatrix(Zt) || TYPEOF(seeds) != INTSXP || TYPEOF(chunk_sizes) != INTSXP ||
      XLENGTH(seeds) != 6 * XLENGTH(chunk_sizes))
    error("internal error: bad arguments");
  int p = nrows(Zt);
  R_xlen_t n = ncols(Zt);
  double *freq = (double *) R_alloc((size_t) n, sizeof(double));
  double *cross = (double *) R_alloc((size_t) p * (size_t) p, sizeof(double));
  double *sums = (double *) R_alloc((size_t) p, sizeof(double));
  double checksum = 0.0, total;
  for (R_xlen_t c = 0; c < XLENGTH(chunk_sizes); c++) {
    rng_stream_t stream;
    stream_init(&stream, INTEGER(seeds) + 6 * c);
    for (int r = 0; r < INTEGER(chunk_sizes)[c]; r++) {
      for (R_xlen_t i = 0; i < n; i++) freq[i] = 0.0;
      for (R_xlen_t i = 0; i < n; i++) freq[stream_index(&stream, n)] += 1.0;
      accumulate_cross(REAL_RO(Zt), n, p, freq, sums, cross, &total);
      checksum += cross[0];
    }
  }
  return ScalarReal(checksum);
}
