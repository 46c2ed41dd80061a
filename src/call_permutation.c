/* .Call entry points of the group comparisons (permutation.c): the fits of
 * the observed groups, and permutations of the group labels run over chunks
 * in OpenMP threads, each thread with its own buffers allocated here; no R
 * API inside the parallel region. */
#include "iecpls.h"

/* Unpacks the problem shared by all threads; the moments of all rows are
 * accumulated here once (`full` holds p x p + p doubles) and, for MICOM,
 * their correlation matrix (`pooled_S`, p x p). */
static void read_permutation_problem(SEXP labels, SEXP score_weights, const resample_problem_t *pr,
                                     permutation_problem_t *pp)
{
  const pls_model_t *m = pr->model;
  /* the moments are of Zt's columns: the base columns of a multi-stage model */
  int p_data = pr->staged != NULL ? pr->staged->p0 : m->p;
  size_t p = (size_t) p_data;
  if (TYPEOF(labels) != INTSXP || XLENGTH(labels) != pr->n) error("internal error: bad group labels");
  const int *label = INTEGER(labels);
  int G = 0;
  for (R_xlen_t i = 0; i < pr->n; i++) {
    if (label[i] < 0 || label[i] > 1000) error("internal error: bad group label");
    if (label[i] + 1 > G) G = label[i] + 1;
  }
  R_xlen_t *size = (R_xlen_t *) R_alloc((size_t) G + 1, sizeof(R_xlen_t));
  for (int g = 0; g < G; g++) size[g] = 0;
  for (R_xlen_t i = 0; i < pr->n; i++) size[label[i]]++;
  int largest = 0;
  for (int g = 0; g < G; g++) {
    if (size[g] == 0) error("internal error: empty group %d", g + 1);
    if (size[g] > size[largest]) largest = g;
  }
  pp->base = pr;
  pp->labels = label;
  pp->n_groups = G;
  pp->remainder = largest;
  double *full = (double *) R_alloc(p * p + p, sizeof(double)), *freq = (double *) R_alloc((size_t) pr->n, sizeof(double));
  for (R_xlen_t i = 0; i < pr->n; i++) freq[i] = pr->case_weights != NULL ? pr->case_weights[i] : 1.0;
  accumulate_cross(pr->Zt, pr->n, p_data, freq, full + p * p, full, &pp->full_total);
  pp->full_cross = full;
  pp->full_sums = full + p * p;
  pp->score_weights = NULL;
  pp->pooled_S = NULL;
  pp->pooled_effective = NULL;
  if (!isNull(score_weights)) {
    if (pr->staged != NULL && !pr->staged->linear) error("internal error: MICOM of a nonlinear multi-stage model");
    if (!isReal(score_weights) || XLENGTH(score_weights) != m->p) error("internal error: bad score weights");
    double *S = (double *) R_alloc(p * p, sizeof(double)), *sd = (double *) R_alloc(p, sizeof(double));
    if (pr->source != NULL) {
      /* the pooled composites' correlations under the fit's own source */
      size_t nd, ni;
      source_work_size(pr->source, &nd, &ni);
      source_work_t w;
      source_work_init(pr->source, &w, (double *) R_alloc(nd > 0 ? nd : 1, sizeof(double)),
                       (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
      double *scratch = (double *) R_alloc(p * p + p, sizeof(double));
      int index;
      if (source_correlation(pr->source, freq, &w, scratch + p * p, scratch, sd, S, &index) != PLS_OK)
        error("internal error: the pooled correlations of the source cannot be estimated");
    } else if (cross_to_correlation(pp->full_cross, pp->full_sums, pp->full_total, p_data, sd, S) != 0) {
      error("internal error: constant column in the pooled data");
    }
    pp->score_weights = REAL_RO(score_weights);
    pp->pooled_S = S;
    if (pr->staged != NULL) {
      /* the composites on the base columns (a linear staged model) */
      double *e = (double *) R_alloc((size_t) m->K * p, sizeof(double));
      staged_effective_weights(pr->staged, m, pp->score_weights, 1, e);
      pp->pooled_effective = e;
    }
  }
}

static permutation_buffers_t *alloc_permutation_buffers(const permutation_problem_t *pp, int threads)
{
  size_t nd, ni;
  permutation_buffer_size(pp, &nd, &ni);
  resample_buffers_t *fit = alloc_buffers(pp->base->model, pp->base->n, threads);
  if (pp->base->staged != NULL) alloc_staged_buffers(pp->base->staged, fit, threads);
  if (pp->base->source != NULL) alloc_source_buffers(pp->base->source, fit, threads);
  permutation_buffers_t *b = (permutation_buffers_t *) R_alloc((size_t) threads, sizeof(permutation_buffers_t));
  for (int t = 0; t < threads; t++)
    permutation_buffer_init(pp, b + t, fit[t], (double *) R_alloc(nd, sizeof(double)),
                            (int *) R_alloc(ni > 0 ? ni : 1, sizeof(int)));
  return b;
}

/* Everything an entry point reads: the resampling problem (no sign change)
 * and the groups. The structures point into each other, so they live
 * together in the caller's frame. */
typedef struct {
  pls_model_t model;
  stat_spec_t stats;
  resample_problem_t problem;
  permutation_problem_t groups;
} permutation_call_t;

static void read_permutation_call(SEXP Zt, SEXP case_weights, SEXP spec, SEXP stat_spec, SEXP labels,
                                  SEXP score_weights, permutation_call_t *call)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  staged_t staged;   /* only for the number of indicators */
  int p = read_staged(spec, nrows(Zt), &staged) ? staged.p : nrows(Zt);
  SEXP none = PROTECT(ScalarInteger(SIGN_NONE)), loadings = PROTECT(allocVector(REALSXP, p));
  read_problem(Zt, case_weights, spec, stat_spec, none, loadings, &call->model, &call->stats, &call->problem);
  call->problem.original_loadings = NULL;  /* only read by the construct sign change */
  UNPROTECT(2);
  if (call->stats.has_copula) error("internal error: copula regressions in a group comparison");
  read_permutation_problem(labels, score_weights, &call->problem, &call->groups);
}

/* One row for the observed group labels (0 .. G - 1 per column of Zt);
 * `score_weights` NULL or the p outer weights of the pooled fit. */
SEXP iecpls_group_fits(SEXP Zt, SEXP case_weights, SEXP spec, SEXP stat_spec, SEXP labels,
                       SEXP score_weights)
{
  permutation_call_t call;
  read_permutation_call(Zt, case_weights, spec, stat_spec, labels, score_weights, &call);
  double *out;
  int *status;
  SEXP ans = PROTECT(resample_result(1, permutation_column_count(&call.groups), &out, &status));
  group_statistics(&call.groups, call.groups.labels, alloc_permutation_buffers(&call.groups, 1), out, 1, status);
  UNPROTECT(1);
  return ans;
}

/* Permutations of the group labels for a batch of chunks: chunk c has
 * chunk_sizes[c] permutations drawn from the MRG32k3a stream seeds[, c]. */
SEXP iecpls_permutation(SEXP Zt, SEXP case_weights, SEXP spec, SEXP stat_spec, SEXP labels,
                        SEXP score_weights, SEXP seeds, SEXP chunk_sizes, SEXP threads)
{
  permutation_call_t call;
  read_permutation_call(Zt, case_weights, spec, stat_spec, labels, score_weights, &call);
  const permutation_problem_t *pp = &call.groups;
  int n_chunks = (int) XLENGTH(chunk_sizes), *first;
  const int *seed = read_chunks(seeds, chunk_sizes, &first), *sizes = INTEGER(chunk_sizes);
  int rows = first[n_chunks], nth = thread_count(asInteger(threads));
  double *out;
  int *status;
  SEXP ans = PROTECT(resample_result(rows, permutation_column_count(pp), &out, &status));
  permutation_buffers_t *buffers = alloc_permutation_buffers(pp, nth);
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic) if (nth > 1) default(none) \
  shared(buffers, out, status) firstprivate(pp, n_chunks, seed, first, sizes, rows)
#endif
  for (int c = 0; c < n_chunks; c++)
    permutation_chunk(pp, seed + 6 * (size_t) c, first[c], sizes[c], buffers + thread_id(), out, rows, status);
  R_CheckUserInterrupt();  /* once per batch, after the parallel region (see iecpls_bootstrap) */
  UNPROTECT(1);
  return ans;
}
