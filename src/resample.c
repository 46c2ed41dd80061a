/* Resampling loops: each bootstrap resample or jackknife subsample becomes a
 * vector of case frequencies, its correlation matrix is a weighted
 * accumulation over the standardized rows, and the kernel refits the model
 * from it. Everything here is SEXP-free and writes only to its own buffers
 * and rows of the output, so chunks run in parallel threads; a failed
 * resample (singular block, no convergence, constant column) is recorded in
 * `status` with a row of NA statistics, never an error. */
#include "iecpls.h"

void resample_buffer_size(const pls_model_t *m, R_xlen_t n, size_t *n_double, size_t *n_size,
                          size_t *n_int)
{
  size_t p = (size_t) m->p;
  pls_work_size(m, n_double, n_size, n_int);
  *n_double += pls_result_size(m)
             + 2 * p * p + 2 * p             /* S, cross, sums, sd */
             + (size_t) n                    /* case frequencies */
             + statistic_scratch_size(m);    /* total effects or model fit */
}

void resample_buffer_init(const pls_model_t *m, R_xlen_t n, resample_buffers_t *b, double *dbuf,
                          size_t *sbuf, int *ibuf)
{
  size_t p = (size_t) m->p, nd, ns, ni;
  pls_work_size(m, &nd, &ns, &ni);
  pls_work_init(m, &b->ws, dbuf, sbuf, ibuf);
  dbuf = pls_result_init(m, &b->res, dbuf + nd);
  b->S = dbuf;                   dbuf += p * p;
  b->cross = dbuf;               dbuf += p * p;
  b->sums = dbuf;                dbuf += p;
  b->sd = dbuf;                  dbuf += p;
  b->freq = dbuf;                dbuf += (size_t) n;
  b->stat_scratch = dbuf;
}

/* Construct-level sign change (Tenenhaus et al. 2005): a construct whose
 * resample loadings are closer to the negated original loadings is
 * flipped, then the paths are re-estimated. */
static int align_with_original(const resample_problem_t *pr, resample_buffers_t *b)
{
  const pls_model_t *m = pr->model;
  size_t p = (size_t) m->p;
  int flipped = 0, bad;
  for (int j = 0; j < m->K; j++) {
    double difference = 0.0, sum = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
      double loading = b->res.cross_loadings[(size_t) x + p * (size_t) j];
      difference += pr->original_loadings[x] - loading;
      sum += pr->original_loadings[x] + loading;
    }
    if (fabs(difference) > fabs(sum)) {
      flip_construct(m, j, b->res.weights, b->res.cross_loadings, b->res.construct_cor);
      flipped = 1;
    }
  }
  if (!flipped) return PLS_OK;
  return path_coefficients(m, b->res.construct_cor, &b->ws, b->res.path_coef, b->res.r2, &bad,
                           m->consistent ? &b->res.admissible : NULL);
}

/* Whether PLSc could correct the correlations: every reliability positive
 * and finite (consistent_correction stops at the first that is not). */
static int reliabilities_usable(const pls_model_t *m, const pls_result_t *res)
{
  for (int j = 0; j < m->K; j++)
    if (!(res->rho_a[j] > 0.0) || !R_FINITE(res->rho_a[j])) return 0;
  return 1;
}

/* Fits the model to the moments in b->cross / b->sums and writes one row
 * (also used by the permutation loops, permutation.c). An inadmissible PLSc
 * solution has status STATUS_INADMISSIBLE and its estimates in the row when
 * pr->keep_inadmissible, NA otherwise. */
static void fit_cor_and_collect(const resample_problem_t *pr, resample_buffers_t *b, double *out,
                                R_xlen_t stride, int *status)
{
  const pls_model_t *m = pr->model;
  int q = statistic_count(m, pr->stats);
  if (pr->stats->correlations_only) {
    /* the tetrads need S alone: no refit (pls_cta()) */
    *status = PLS_OK;
    fill_missing_statistics(q, out, stride);
    collect_tetrads(m, pr->stats, b->S, out + stride * (standard_statistic_count(m, pr->stats) - pr->stats->n_tetrads),
                    stride);
    return;
  }
  int fit_status = pr->staged != NULL ? staged_final_fit(pr->staged, m, b->S, &b->staged, &b->ws, &b->res)
    : pls_fit_cor(m, b->S, &b->ws, &b->res);
  if (fit_status == PLS_OK && !b->res.converged) fit_status = STATUS_NOT_CONVERGED;
  if (fit_status == PLS_OK && pr->sign_change == SIGN_CONSTRUCT) fit_status = align_with_original(pr, b);
  if (fit_status == PLS_OK && !b->res.admissible)
    fit_status = reliabilities_usable(m, &b->res) ? STATUS_INADMISSIBLE : STATUS_NO_RELIABILITY;
  *status = fit_status;
  if (fit_status != PLS_OK && !(fit_status == STATUS_INADMISSIBLE && pr->keep_inadmissible)) {
    fill_missing_statistics(q, out, stride);
    return;
  }
  if (pr->staged != NULL && pr->staged->unstandardized) unstandardize_products(pr->staged, m, &b->staged, &b->res, NULL);
  collect_statistics(m, pr->stats, &b->res, b->S, b->stat_scratch, out, stride);
  if (pr->stats->has_copula) {
    /* the copula regressions on the resample's own scores (a bootstrap of
     * a single-stage model: b->freq, b->sums and b->sd are the resample's) */
    const copula_spec_t *cs = &pr->stats->copula;
    copula_sample_scores(m, cs, pr->Zt, pr->n, b->freq, b->sums, b->sd, b->res.weights, &b->copula);
    copula_terms(cs, pr->n, b->freq, &b->copula);
    copula_regressions(cs, pr->n, b->freq, &b->copula, out + stride * standard_statistic_count(m, pr->stats),
                       stride);
  }
}

void fit_and_collect(const resample_problem_t *pr, double N, resample_buffers_t *b,
                     double *out, R_xlen_t stride, int *status)
{
  if (cross_to_correlation(b->cross, b->sums, N, pr->model->p, b->sd, b->S) != 0) {
    *status = STATUS_CONSTANT_COLUMN;
    fill_missing_statistics(statistic_count(pr->model, pr->stats), out, stride);
    return;
  }
  fit_cor_and_collect(pr, b, out, stride, status);
}

static void staged_moments_fit_and_collect(const resample_problem_t *pr, resample_buffers_t *b, double *out,
                                           R_xlen_t stride, int *status);

/* A multi-stage model's sample with case frequencies b->freq: every stage
 * re-estimated (staged.c), then the final fit. */
void staged_fit_and_collect(const resample_problem_t *pr, resample_buffers_t *b, double *out,
                            R_xlen_t stride, int *status)
{
  accumulate_cross(pr->Zt, pr->n, pr->staged->p0, b->freq, b->staged.sums0, b->staged.cross0, &b->staged.N);
  staged_moments_fit_and_collect(pr, b, out, stride, status);
}

/* The same from the base moments already in b->staged (sums0, cross0, N). */
static void staged_moments_fit_and_collect(const resample_problem_t *pr, resample_buffers_t *b, double *out,
                                           R_xlen_t stride, int *status)
{
  int bad, staged_status = staged_correlation_from_moments(pr->staged, pr->Zt, pr->n, b->freq, &b->staged,
                                                           b->S, &bad);
  if (staged_status != PLS_OK) {
    *status = staged_status;
    fill_missing_statistics(statistic_count(pr->model, pr->stats), out, stride);
    return;
  }
  fit_cor_and_collect(pr, b, out, stride, status);
}

/* A sample with case frequencies b->freq whose correlations come from the
 * problem's source (source.c). */
void source_fit_and_collect(const resample_problem_t *pr, resample_buffers_t *b, double *out, R_xlen_t stride,
                            int *status)
{
  int index, source_status = source_correlation(pr->source, b->freq, &b->source, b->sums, b->cross, b->sd,
                                                b->S, &index);
  if (source_status != PLS_OK) {
    *status = source_status;
    fill_missing_statistics(statistic_count(pr->model, pr->stats), out, stride);
    return;
  }
  fit_cor_and_collect(pr, b, out, stride, status);
}

/* `count` bootstrap resamples drawn from the stream `seed`, written to rows
 * first .. first + count - 1 of `out` (column stride `stride`). */
void bootstrap_chunk(const resample_problem_t *pr, const int *seed, int first, int count,
                     resample_buffers_t *b, double *out, R_xlen_t stride, int *status)
{
  rng_stream_t stream;
  stream_init(&stream, seed);
  R_xlen_t n = pr->n;
  for (int r = 0; r < count; r++) {
    for (R_xlen_t i = 0; i < n; i++) b->freq[i] = 0.0;
    for (R_xlen_t i = 0; i < n; i++) b->freq[stream_index(&stream, n)] += 1.0;
    if (pr->case_weights != NULL)
      for (R_xlen_t i = 0; i < n; i++) b->freq[i] *= pr->case_weights[i];
    if (pr->staged != NULL) {
      staged_fit_and_collect(pr, b, out + first + r, stride, status + first + r);
      continue;
    }
    if (pr->source != NULL) {
      source_fit_and_collect(pr, b, out + first + r, stride, status + first + r);
      continue;
    }
    double N;
    accumulate_cross(pr->Zt, n, pr->model->p, b->freq, b->sums, b->cross, &N);
    fit_and_collect(pr, N, b, out + first + r, stride, status + first + r);
  }
}

typedef void (*sample_fit_t)(const resample_problem_t *, resample_buffers_t *, double *, R_xlen_t, int *);

/* Leave-one-out fits that start from the data: case i's frequency set to 0
 * and `fit` run on the frequencies, O(n) or more per case. */
static void leave_one_out_refits(const resample_problem_t *pr, R_xlen_t first, R_xlen_t count,
                                 resample_buffers_t *b, double *out, R_xlen_t stride, int *status,
                                 sample_fit_t fit)
{
  for (R_xlen_t j = 0; j < pr->n; j++) b->freq[j] = pr->case_weights != NULL ? pr->case_weights[j] : 1.0;
  for (R_xlen_t i = first; i < first + count; i++) {
    double f = b->freq[i];
    b->freq[i] = 0.0;
    fit(pr, b, out + (i - first), stride, status + (i - first));
    b->freq[i] = f;
  }
}

/* Leave-one-out fits for cases first .. first + count - 1: the full-sample
 * moments minus one row, O(p^2) each. Row r of `out` is case first + r. */
void jackknife_range(const resample_problem_t *pr, const double *full_cross, const double *full_sums,
                     double full_total, R_xlen_t first, R_xlen_t count, resample_buffers_t *b,
                     double *out, R_xlen_t stride, int *status)
{
  size_t p = (size_t) pr->model->p;
  if (pr->source != NULL) {
    /* the source re-estimated without case i */
    leave_one_out_refits(pr, first, count, b, out, stride, status, source_fit_and_collect);
    return;
  }
  if (pr->staged != NULL && pr->staged->linear) {
    /* every stage refitted without case i from the downdated base moments:
     * O(p^2) per case when the derived columns are linear in them */
    size_t p0 = (size_t) pr->staged->p0;
    for (R_xlen_t i = first; i < first + count; i++) {
      double f = pr->case_weights != NULL ? pr->case_weights[i] : 1.0;
      memcpy(b->staged.cross0, full_cross, p0 * p0 * sizeof(double));
      memcpy(b->staged.sums0, full_sums, p0 * sizeof(double));
      update_cross(pr->Zt + p0 * (size_t) i, (int) p0, -f, b->staged.sums0, b->staged.cross0);
      b->staged.N = full_total - f;
      staged_moments_fit_and_collect(pr, b, out + (i - first), stride, status + (i - first));
    }
    return;
  }
  if (pr->staged != NULL) {
    /* every stage refitted without case i */
    leave_one_out_refits(pr, first, count, b, out, stride, status, staged_fit_and_collect);
    return;
  }
  for (R_xlen_t i = first; i < first + count; i++) {
    double f = pr->case_weights != NULL ? pr->case_weights[i] : 1.0;
    memcpy(b->cross, full_cross, p * p * sizeof(double));
    memcpy(b->sums, full_sums, p * sizeof(double));
    update_cross(pr->Zt + p * (size_t) i, (int) p, -f, b->sums, b->cross);
    fit_and_collect(pr, full_total - f, b, out + (i - first), stride, status + (i - first));
  }
}
