/* Prediction-oriented segmentation (PLS-POS; Becker, Rai, Ringle and
 * Voelckner 2013): one random start of the search, from its own MRG32k3a
 * stream (rng.c).
 *
 * The segments are labels 0 .. G - 1 of the n columns of the standardized
 * data Zt (p x n). Each segment keeps its moments (cross, sums, total as
 * accumulate_cross() forms them), so moving a case changes two segments by
 * one row each (update_cross), and its fit by the kernel (pls_fit_cor) on
 * the correlations of those moments. The objective is the sum over segments
 * of the R^2 of the endogenous constructs. The rules (R/pos.R's help page
 * states them for users):
 *   1. random partition: min_size cases per segment, the others in segments
 *      drawn uniformly, shuffled (Fisher-Yates);
 *   2. every case to its closest segment, kept when every segment keeps
 *      min_size cases and can be fitted;
 *   3. passes: candidates are the cases closer to another segment than to
 *      their own, by decreasing gain (ties: by case); up to search_depth of
 *      them are tried (skipped when their segment would fall below
 *      min_size), each move kept only when the objective increases;
 *   4. stop after a pass that keeps no move, or after max_iter passes.
 * SEXP-free; each thread works in its own pos_work_t. */
#include "iecpls.h"

/* Doubles of one segment's moments: cross (p x p), sums (p), total. */
static size_t moment_size(int p) { return (size_t) p * (size_t) p + (size_t) p + 1; }

static double *seg_moments(const pos_problem_t *pp, double *base, int g)
{
  return base + (size_t) g * moment_size(pp->model->p);
}

void pos_work_size(const pos_problem_t *pp, size_t *n_double, size_t *n_int)
{
  const pls_model_t *m = pp->model;
  size_t p = (size_t) m->p, G = (size_t) pp->segments, n = (size_t) pp->n, res = pls_result_size(m);
  /* moments: current and alternative sets (G each) and 2 trials; results:
   * 2 G + 2; S, sd; distances n x G; squared residuals n x B; scores K;
   * candidates' gains n */
  *n_double = (2 * G + 2) * moment_size(m->p) + (2 * G + 2) * res + p * p + p + n * G +
              n * (size_t) pp->n_endogenous + (size_t) m->K + n;
  /* labels, alternative labels, sizes, candidate cases and targets */
  *n_int = 2 * n + G + 2 * n;
}

void pos_work_init(const pos_problem_t *pp, pos_work_t *w, pls_work_t ws, double *dbuf, int *ibuf)
{
  const pls_model_t *m = pp->model;
  size_t p = (size_t) m->p, G = (size_t) pp->segments, n = (size_t) pp->n, ms = moment_size(m->p);
  w->ws = ws;
  w->moments = dbuf;
  w->alt_moments = w->moments + G * ms;
  w->trial_moments = w->alt_moments + G * ms;
  double *d = w->trial_moments + 2 * ms;
  for (size_t g = 0; g < 2 * G + 2; g++) d = pls_result_init(m, w->results + g, d);
  w->S = d;
  w->sd = w->S + p * p;
  w->distance = w->sd + p;
  w->e2 = w->distance + n * G;
  w->scores = w->e2 + n * (size_t) pp->n_endogenous;
  w->gain = w->scores + m->K;
  w->labels = ibuf;
  w->alt_labels = w->labels + n;
  w->sizes = w->alt_labels + n;
  w->candidate = w->sizes + G;
  w->target = w->candidate + n;
}

/* Moments of every segment of `labels` into `base`. */
static void all_moments(const pos_problem_t *pp, const int *labels, double *base)
{
  size_t p = (size_t) pp->model->p;
  for (int g = 0; g < pp->segments; g++) {
    double *mom = seg_moments(pp, base, g);
    for (size_t k = 0; k < moment_size(pp->model->p); k++) mom[k] = 0.0;
  }
  for (R_xlen_t i = 0; i < pp->n; i++) {
    double *mom = seg_moments(pp, base, labels[i]);
    update_cross(pp->Zt + p * (size_t) i, (int) p, 1.0, mom + p * p, mom);
    mom[p * p + p] += 1.0;
  }
}

/* The kernel's fit of the segment with moments `mom`; PLS_OK or not. */
static int fit_segment(const pos_problem_t *pp, pos_work_t *w, const double *mom, pls_result_t *res)
{
  const pls_model_t *m = pp->model;
  size_t p = (size_t) m->p;
  if (cross_to_correlation(mom, mom + p * p, mom[p * p + p], m->p, w->sd, w->S) != 0) return -1;
  return pls_fit_cor(m, w->S, &w->ws, res) == PLS_OK && res->status == PLS_OK ? PLS_OK : -1;
}

static double segment_r2(const pos_problem_t *pp, const pls_result_t *res)
{
  double sum = 0.0;
  for (int b = 0; b < pp->n_endogenous; b++) sum += res->r2[pp->endogenous[b]];
  return sum;
}

/* Distances of every case to segment g (fit res, moments mom) into column g
 * of w->distance: sum over endogenous b of sqrt(e2_ib / sum_j e2_jb). */
static void segment_distances(const pos_problem_t *pp, pos_work_t *w, int g, const double *mom,
                              const pls_result_t *res)
{
  const pls_model_t *m = pp->model;
  size_t p = (size_t) m->p, K = (size_t) m->K, n = (size_t) pp->n, B = (size_t) pp->n_endogenous;
  double N = mom[p * p + p], *mean = w->sd, *scale = w->S;   /* scratch: p each */
  for (size_t k = 0; k < p; k++) {
    mean[k] = mom[p * p + k] / N;
    scale[k] = 1.0 / sqrt((mom[p * k + k] - mom[p * p + k] * mean[k]) / (N - 1.0));
  }
  for (size_t i = 0; i < n; i++) {
    const double *z = pp->Zt + p * i;
    for (size_t j = 0; j < K; j++) {
      double s = 0.0;
      for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++)
        s += res->weights[x] * (z[x] - mean[x]) * scale[x];
      w->scores[j] = s;
    }
    for (size_t b = 0; b < B; b++) {
      size_t y = (size_t) pp->endogenous[b];
      double e = w->scores[y];
      for (size_t a = 0; a < K; a++) e -= res->path_coef[a + K * y] * w->scores[a];
      w->e2[i + n * b] = e * e;
    }
  }
  double *d = w->distance + n * (size_t) g;
  for (size_t i = 0; i < n; i++) d[i] = 0.0;
  for (size_t b = 0; b < B; b++) {
    const double *e2 = w->e2 + n * b;
    double total = 0.0;
    for (size_t i = 0; i < n; i++) total += e2[i];
    if (total < DBL_EPSILON) continue;
    for (size_t i = 0; i < n; i++) d[i] += sqrt(e2[i] / total);
  }
}

static void all_distances(const pos_problem_t *pp, pos_work_t *w, const double *base, const pls_result_t *res)
{
  for (int g = 0; g < pp->segments; g++) segment_distances(pp, w, g, seg_moments(pp, (double *) base, g), res + g);
}

/* Each case's closest segment (the first of equals). */
static void closest_segments(const pos_problem_t *pp, const pos_work_t *w, int *labels)
{
  size_t n = (size_t) pp->n;
  for (size_t i = 0; i < n; i++) {
    int best = 0;
    for (int g = 1; g < pp->segments; g++)
      if (w->distance[i + n * (size_t) g] < w->distance[i + n * (size_t) best]) best = g;
    labels[i] = best;
  }
}

/* Insertion of the candidates into order by decreasing gain, then case:
 * a merge sort would be faster for many candidates, but a pass's fits cost
 * far more than ordering them. Returns the number of candidates. */
static R_xlen_t list_candidates(const pos_problem_t *pp, pos_work_t *w)
{
  size_t n = (size_t) pp->n;
  R_xlen_t count = 0;
  for (size_t i = 0; i < n; i++) {
    int own = w->labels[i], to = -1;
    for (int g = 0; g < pp->segments; g++)
      if (g != own && (to < 0 || w->distance[i + n * (size_t) g] < w->distance[i + n * (size_t) to])) to = g;
    double gain = w->distance[i + n * (size_t) own] - w->distance[i + n * (size_t) to];
    if (!(gain > 0.0)) continue;
    w->gain[i] = gain;
    w->target[i] = to;
    w->candidate[count++] = (int) i;
  }
  /* shell sort of candidate[0 .. count - 1]: decreasing gain, increasing case */
  for (R_xlen_t gap = count / 2; gap > 0; gap /= 2)
    for (R_xlen_t a = gap; a < count; a++) {
      int c = w->candidate[a];
      R_xlen_t b = a;
      while (b >= gap) {
        int prev = w->candidate[b - gap];
        if (w->gain[prev] > w->gain[c] || (w->gain[prev] == w->gain[c] && prev < c)) break;
        w->candidate[b] = prev;
        b -= gap;
      }
      w->candidate[b] = c;
    }
  return count;
}

static void swap_results(pls_result_t *a, pls_result_t *b)
{
  pls_result_t t = *a;
  *a = *b;
  *b = t;
}

/* One start from the stream `seed`. Writes the start's labels (0-based) to
 * start_labels and the final ones to labels_out (n each), the objective
 * before the first pass and after each to history (max_iter + 1, NA after
 * the last pass); *ok 1, or 0 when the random partition cannot be fitted. */
void pos_start(const pos_problem_t *pp, const int *seed, pos_work_t *w, int *start_labels, int *labels_out,
               double *history, double *objective, int *passes, int *converged, int *ok)
{
  const pls_model_t *m = pp->model;
  size_t p = (size_t) m->p, n = (size_t) pp->n, G = (size_t) pp->segments, ms = moment_size(m->p);
  pls_result_t *fit = w->results, *alt = w->results + G, *trial = w->results + 2 * G;
  for (int r = 0; r <= pp->max_iter; r++) history[r] = NA_REAL;
  *objective = NA_REAL;
  *passes = 0;
  *converged = 0;
  /* 1. the random partition */
  rng_stream_t stream;
  stream_init(&stream, seed);
  size_t fixed = G * (size_t) pp->min_size;
  for (size_t i = 0; i < n; i++)
    w->labels[i] = i < fixed ? (int) (i / (size_t) pp->min_size) : (int) stream_index(&stream, (R_xlen_t) G);
  for (size_t i = n - 1; i > 0; i--) {
    size_t j = (size_t) stream_index(&stream, (R_xlen_t) i + 1);
    int swap = w->labels[i];
    w->labels[i] = w->labels[j];
    w->labels[j] = swap;
  }
  memcpy(start_labels, w->labels, n * sizeof(int));
  memcpy(labels_out, w->labels, n * sizeof(int));
  *ok = 0;
  all_moments(pp, w->labels, w->moments);
  for (size_t g = 0; g < G; g++)
    if (fit_segment(pp, w, seg_moments(pp, w->moments, (int) g), fit + g) != PLS_OK) return;
  *ok = 1;
  /* 2. every case to its closest segment */
  all_distances(pp, w, w->moments, fit);
  closest_segments(pp, w, w->alt_labels);
  for (size_t g = 0; g < G; g++) w->sizes[g] = 0;
  for (size_t i = 0; i < n; i++) w->sizes[w->alt_labels[i]]++;
  int usable = 1;
  for (size_t g = 0; g < G; g++) usable = usable && w->sizes[g] >= pp->min_size;
  if (usable) {
    all_moments(pp, w->alt_labels, w->alt_moments);
    for (size_t g = 0; g < G && usable; g++)
      usable = fit_segment(pp, w, seg_moments(pp, w->alt_moments, (int) g), alt + g) == PLS_OK;
    if (usable) {
      memcpy(w->labels, w->alt_labels, n * sizeof(int));
      memcpy(w->moments, w->alt_moments, G * ms * sizeof(double));
      for (size_t g = 0; g < G; g++) swap_results(fit + g, alt + g);
    }
  }
  double current = 0.0;
  for (size_t g = 0; g < G; g++) current += segment_r2(pp, fit + g);
  history[0] = current;
  for (size_t g = 0; g < G; g++) w->sizes[g] = 0;
  for (size_t i = 0; i < n; i++) w->sizes[w->labels[i]]++;
  /* 3. passes */
  for (int pass = 1; pass <= pp->max_iter; pass++) {
    all_distances(pp, w, w->moments, fit);
    R_xlen_t count = list_candidates(pp, w);
    if (count > pp->search_depth) count = pp->search_depth;
    int improved = 0;
    for (R_xlen_t c = 0; c < count; c++) {
      int i = w->candidate[c], from = w->labels[i], to = w->target[i];
      if (w->sizes[from] - 1 < pp->min_size) continue;
      const double *z = pp->Zt + p * (size_t) i;
      double *t0 = w->trial_moments, *t1 = w->trial_moments + ms;
      memcpy(t0, seg_moments(pp, w->moments, from), ms * sizeof(double));
      memcpy(t1, seg_moments(pp, w->moments, to), ms * sizeof(double));
      update_cross(z, (int) p, -1.0, t0 + p * p, t0);
      t0[p * p + p] -= 1.0;
      update_cross(z, (int) p, 1.0, t1 + p * p, t1);
      t1[p * p + p] += 1.0;
      if (fit_segment(pp, w, t0, trial) != PLS_OK || fit_segment(pp, w, t1, trial + 1) != PLS_OK) continue;
      double candidate = 0.0;
      for (size_t g = 0; g < G; g++) {
        const pls_result_t *r = (int) g == from ? trial : (int) g == to ? trial + 1 : fit + g;
        candidate += segment_r2(pp, r);
      }
      if (candidate > current) {
        w->labels[i] = to;
        w->sizes[from]--;
        w->sizes[to]++;
        memcpy(seg_moments(pp, w->moments, from), t0, ms * sizeof(double));
        memcpy(seg_moments(pp, w->moments, to), t1, ms * sizeof(double));
        swap_results(fit + from, trial);
        swap_results(fit + to, trial + 1);
        current = candidate;
        improved = 1;
      }
    }
    history[pass] = current;
    *passes = pass;
    if (!improved) {
      *converged = 1;
      break;
    }
  }
  memcpy(labels_out, w->labels, n * sizeof(int));
  *objective = current;
}
