/* Permutation loops for group comparisons: the permutation test of
 * multigroup analysis (Chin and Dibbern 2010) and the MICOM procedure
 * (Henseler, Ringle and Sarstedt 2016).
 *
 * Every row of the standardized data Zt (p x n) belongs to one of n_groups
 * groups. A group is a vector of case frequencies over the rows (its case
 * weights on its own rows, 0 elsewhere), so its correlation matrix is a
 * weighted accumulation (accumulate_cross) and the model is refitted by the
 * kernel (fit_and_collect), exactly as a bootstrap resample (a multi-stage
 * model: staged_fit_and_collect, every stage in each group). The moments of
 * one group, the largest, are those of all rows minus the others', which
 * saves its accumulation. A permutation shuffles the labels with a
 * Fisher-Yates shuffle drawn from the chunk's MRG32k3a stream (stream_index),
 * always starting from the observed labels, so row r of a chunk depends only
 * on the chunk's seed and r.
 *
 * One output row holds, for each group g in turn, the statistics of its fit
 * (statistics.c; NA when the fit failed). With score weights (MICOM) it
 * continues with each group's mean and variance of every composite score of
 * the pooled fit (n_groups x K each) and, for each pair of groups g < h, the
 * correlation c between the composites formed with g's and h's weights,
 * computed from the correlation matrix of all rows (K per pair).
 * SEXP-free; each thread writes only to its buffers and to its rows. */
#include "iecpls.h"

int permutation_column_count(const permutation_problem_t *pp)
{
  int G = pp->n_groups, K = pp->base->model->K;
  int q = statistic_count(pp->base->model, pp->base->stats);
  int count = G * q;
  if (pp->score_weights != NULL) count += 2 * G * K + G * (G - 1) / 2 * K;
  return count;
}

void permutation_buffer_size(const permutation_problem_t *pp, size_t *n_double, size_t *n_int)
{
  size_t p = (size_t) pp->base->model->p, G = (size_t) pp->n_groups;
  *n_double = G * (p * p + p + 1);
  if (pp->pooled_effective != NULL) *n_double += 2 * (size_t) pp->base->model->K * (size_t) pp->base->staged->p0;
  *n_int = (size_t) pp->base->n;
}

void permutation_buffer_init(const permutation_problem_t *pp, permutation_buffers_t *b,
                             resample_buffers_t fit, double *dbuf, int *ibuf)
{
  size_t p = (size_t) pp->base->model->p, G = (size_t) pp->n_groups;
  b->fit = fit;
  b->labels = ibuf;
  b->cross = dbuf;
  b->sums = dbuf + G * p * p;
  b->total = b->sums + G * p;
  b->effective = pp->pooled_effective != NULL ? b->total + G : NULL;
}

/* Case frequencies of group g: its rows' case weights, 0 elsewhere. */
static void group_frequencies(const resample_problem_t *pr, const int *labels, int g, double *freq)
{
  for (R_xlen_t i = 0; i < pr->n; i++)
    freq[i] = labels[i] != g ? 0.0 : pr->case_weights != NULL ? pr->case_weights[i] : 1.0;
}

/* Every group's moments: accumulated over its rows, the remainder group's
 * by subtraction (the lower triangle, which is all accumulate_cross fills). */
static void group_moments(const permutation_problem_t *pp, const int *labels, permutation_buffers_t *b)
{
  const resample_problem_t *pr = pp->base;
  size_t p = (size_t) pr->model->p, r = (size_t) pp->remainder;
  double *freq = b->fit.freq, *rest_cross = b->cross + r * p * p, *rest_sums = b->sums + r * p;
  memcpy(rest_cross, pp->full_cross, p * p * sizeof(double));
  memcpy(rest_sums, pp->full_sums, p * sizeof(double));
  b->total[r] = pp->full_total;
  for (int g = 0; g < pp->n_groups; g++) {
    if (g == pp->remainder) continue;
    double *cross = b->cross + (size_t) g * p * p, *sums = b->sums + (size_t) g * p;
    group_frequencies(pr, labels, g, freq);
    accumulate_cross(pr->Zt, pr->n, (int) p, freq, sums, cross, b->total + g);
    for (size_t k = 0; k < p; k++) {
      rest_sums[k] -= sums[k];
      for (size_t l = 0; l <= k; l++) rest_cross[p * k + l] -= cross[p * k + l];
    }
    b->total[r] -= b->total[g];
  }
}

/* w' A w over block j, A symmetric with its lower triangle stored by rows
 * (A[p * k + l], l <= k). */
static double block_quadratic(const pls_model_t *m, int j, const double *w, const double *A)
{
  size_t p = (size_t) m->p;
  double sum = 0.0;
  for (int k = m->block_start[j]; k < m->block_start[j + 1]; k++) {
    sum += w[k] * w[k] * A[p * (size_t) k + (size_t) k];
    for (int l = m->block_start[j]; l < k; l++) sum += 2.0 * w[k] * w[l] * A[p * (size_t) k + (size_t) l];
  }
  return sum;
}

/* Mean and variance (denominator total - 1) of each pooled composite score
 * in group g, from the group's moments. */
static void score_moments(const permutation_problem_t *pp, const permutation_buffers_t *b, int g,
                          double *out, R_xlen_t stride)
{
  const pls_model_t *m = pp->base->model;
  size_t p = (size_t) m->p;
  const double *w = pp->score_weights, *cross = b->cross + (size_t) g * p * p, *sums = b->sums + (size_t) g * p;
  double N = b->total[g];
  R_xlen_t means = (R_xlen_t) g * m->K, variances = (R_xlen_t) (pp->n_groups + g) * m->K;
  for (int j = 0; j < m->K; j++) {
    double a = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) a += w[x] * sums[x];
    out[stride * (means + j)] = a / N;
    out[stride * (variances + j)] = (block_quadratic(m, j, w, cross) - a * a / N) / (N - 1.0);
  }
}

/* Correlation, in the data of all rows, of the composites formed with the
 * weights u and v (each block of S in full, column-major). */
static double composite_correlation(const pls_model_t *m, int j, const double *S, const double *u,
                                    const double *v, R_xlen_t stride)
{
  size_t p = (size_t) m->p;
  double uv = 0.0, uu = 0.0, vv = 0.0;
  for (int k = m->block_start[j]; k < m->block_start[j + 1]; k++)
    for (int l = m->block_start[j]; l < m->block_start[j + 1]; l++) {
      double s = S[(size_t) k + p * (size_t) l], uk = u[stride * k], vk = v[stride * k];
      uv += uk * s * v[stride * l];
      uu += uk * s * u[stride * l];
      vv += vk * s * v[stride * l];
    }
  return uv / sqrt(uu * vv);
}

/* The MICOM columns of one row; the weights are the first p statistics of
 * each group's block of the row. */
static void micom_statistics(const permutation_problem_t *pp, const permutation_buffers_t *b,
                             double *out, R_xlen_t stride)
{
  const pls_model_t *m = pp->base->model;
  int G = pp->n_groups, K = m->K, q = statistic_count(m, pp->base->stats);
  for (int g = 0; g < G; g++) score_moments(pp, b, g, out + stride * (R_xlen_t) G * q, stride);
  double *c = out + stride * ((R_xlen_t) G * q + 2 * (R_xlen_t) G * K);
  for (int g = 0; g < G; g++)
    for (int h = g + 1; h < G; h++) {
      const double *u = out + stride * (R_xlen_t) g * q, *v = out + stride * (R_xlen_t) h * q;
      for (int j = 0; j < K; j++) *(c + stride * j) = composite_correlation(m, j, pp->pooled_S, u, v, stride);
      c += stride * K;
    }
}

/* e' A e over all p columns, A symmetric with its lower triangle stored by
 * rows (accumulate_cross). */
static double full_quadratic(size_t p, const double *e, const double *A)
{
  double sum = 0.0;
  for (size_t k = 0; k < p; k++) {
    if (e[k] == 0.0) continue;
    sum += e[k] * e[k] * A[p * k + k];
    for (size_t l = 0; l < k; l++) sum += 2.0 * e[k] * e[l] * A[p * k + l];
  }
  return sum;
}

/* A linear staged model's MICOM moments of group g (its base moments left
 * in b->fit.staged by its fit): the pooled composites' mean and variance. */
static void staged_score_moments(const permutation_problem_t *pp, const permutation_buffers_t *b, int g,
                                 double *out, R_xlen_t stride)
{
  const pls_model_t *m = pp->base->model;
  size_t p0 = (size_t) pp->base->staged->p0;
  const staged_buffers_t *sb = &b->fit.staged;
  double N = sb->N;
  R_xlen_t means = (R_xlen_t) g * m->K, variances = (R_xlen_t) (pp->n_groups + g) * m->K;
  for (int j = 0; j < m->K; j++) {
    const double *e = pp->pooled_effective + (size_t) j * p0;
    double a = 0.0;
    for (size_t c = 0; c < p0; c++) a += e[c] * sb->sums0[c];
    out[stride * (means + j)] = a / N;
    out[stride * (variances + j)] = (full_quadratic(p0, e, sb->cross0) - a * a / N) / (N - 1.0);
  }
}

/* A linear staged model's c of each pair of groups: the correlation, on the
 * pooled base columns, of the composites formed with the groups' weights. */
static void staged_composite_correlations(const permutation_problem_t *pp, permutation_buffers_t *b,
                                          double *out, R_xlen_t stride)
{
  const resample_problem_t *pr = pp->base;
  const pls_model_t *m = pr->model;
  int G = pp->n_groups, K = m->K, q = statistic_count(m, pr->stats);
  size_t p0 = (size_t) pr->staged->p0;
  double *eu = b->effective, *ev = b->effective + (size_t) K * p0, *c = out + stride * ((R_xlen_t) G * q + 2 * (R_xlen_t) G * K);
  const double *S = pp->pooled_S;
  for (int g = 0; g < G; g++)
    for (int h = g + 1; h < G; h++) {
      staged_effective_weights(pr->staged, m, out + stride * (R_xlen_t) g * q, stride, eu);
      staged_effective_weights(pr->staged, m, out + stride * (R_xlen_t) h * q, stride, ev);
      for (int j = 0; j < K; j++) {
        const double *u = eu + (size_t) j * p0, *v = ev + (size_t) j * p0;
        double uv = 0.0, uu = 0.0, vv = 0.0;
        for (size_t k = 0; k < p0; k++)
          for (size_t l = 0; l < p0; l++) {
            double s = S[k + p0 * l];
            uv += u[k] * s * v[l];
            uu += u[k] * s * u[l];
            vv += v[k] * s * v[l];
          }
        *(c + stride * j) = uv / sqrt(uu * vv);
      }
      c += stride * K;
    }
}

/* One output row (see the top of the file) for the group labels `labels`;
 * *status is the first failure of a group's fit, or 0. */
void group_statistics(const permutation_problem_t *pp, const int *labels, permutation_buffers_t *b,
                      double *out, R_xlen_t stride, int *status)
{
  const resample_problem_t *pr = pp->base;
  size_t p = (size_t) pr->model->p;
  int q = statistic_count(pr->model, pr->stats);
  *status = PLS_OK;
  if (pr->source != NULL) {
    /* each group's correlations from the source; MICOM's score moments from
     * the standardized data (Zt) the source's scores are formed from, and
     * its composite correlations from the pooled source correlations */
    for (int g = 0; g < pp->n_groups; g++) {
      int group_status;
      group_frequencies(pr, labels, g, b->fit.freq);
      source_fit_and_collect(pr, &b->fit, out + stride * (R_xlen_t) g * q, stride, &group_status);
      if (*status == PLS_OK) *status = group_status;
    }
    if (pp->score_weights != NULL) {
      group_moments(pp, labels, b);
      micom_statistics(pp, b, out, stride);
    }
    return;
  }
  if (pr->staged != NULL) {
    /* every stage refitted in each group, from its case frequencies */
    for (int g = 0; g < pp->n_groups; g++) {
      int group_status;
      group_frequencies(pr, labels, g, b->fit.freq);
      staged_fit_and_collect(pr, &b->fit, out + stride * (R_xlen_t) g * q, stride, &group_status);
      if (*status == PLS_OK) *status = group_status;
      if (pp->pooled_effective != NULL) staged_score_moments(pp, b, g, out + stride * (R_xlen_t) pp->n_groups * q, stride);
    }
    if (pp->pooled_effective != NULL) staged_composite_correlations(pp, b, out, stride);
    return;
  }
  group_moments(pp, labels, b);
  for (int g = 0; g < pp->n_groups; g++) {
    int group_status;
    b->fit.cross = b->cross + (size_t) g * p * p;
    b->fit.sums = b->sums + (size_t) g * p;
    fit_and_collect(pr, b->total[g], &b->fit, out + stride * (R_xlen_t) g * q, stride, &group_status);
    if (*status == PLS_OK) *status = group_status;
  }
  if (pp->score_weights != NULL) micom_statistics(pp, b, out, stride);
}

/* The observed labels in a random order: Fisher-Yates, from the last
 * position down, each swap partner drawn with stream_index. */
static void shuffle_labels(rng_stream_t *stream, const int *labels, R_xlen_t n, int *shuffled)
{
  memcpy(shuffled, labels, (size_t) n * sizeof(int));
  for (R_xlen_t i = n - 1; i > 0; i--) {
    R_xlen_t j = stream_index(stream, i + 1);
    int swap = shuffled[i];
    shuffled[i] = shuffled[j];
    shuffled[j] = swap;
  }
}

/* `count` permutations from the stream `seed`, written to rows
 * first .. first + count - 1 of `out` (column stride `stride`). */
void permutation_chunk(const permutation_problem_t *pp, const int *seed, int first, int count,
                       permutation_buffers_t *b, double *out, R_xlen_t stride, int *status)
{
  rng_stream_t stream;
  stream_init(&stream, seed);
  for (int r = 0; r < count; r++) {
    shuffle_labels(&stream, pp->labels, pp->base->n, b->labels);
    group_statistics(pp, b->labels, b, out + first + r, stride, status + first + r);
  }
}
