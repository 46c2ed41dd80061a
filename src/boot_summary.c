/* Summary of a bootstrap distribution, one parameter (column of draws) at a
 * time: mean, standard deviation, percentile limits and BCa limits (Efron
 * 1987). Order statistics are found by selection (O(R) each) instead
 * of sorting every column, which made this summary cost a fifth of a whole
 * 5,000-resample bootstrap when it was written in R. Quantiles follow R's
 * type 7 rule; NA draws (a statistic undefined in a resample) are dropped
 * per column, as sort() and mean(na.rm = TRUE) did. */
#include "iecpls.h"
#include <Rmath.h>

/* Floyd and Rivest's SELECT (Comm. ACM 18, 1975, algorithm 489):
 * reorders x[left .. right] so that x[k] is the element of that rank, with
 * nothing larger before it and nothing smaller after it. A pivot chosen from
 * a sample near rank k leaves a small range after one pass, so a tail rank
 * (the 2.5% quantile) costs about n comparisons, nearly all predictable. */
static void select_rank(double *x, int left, int right, int k)
{
  while (right > left) {
    if (right - left > 600) {
      double n = right - left + 1, i = k - left + 1, z = log(n), s = 0.5 * exp(2.0 * z / 3.0);
      double sd = 0.5 * sqrt(z * s * (n - s) / n) * (i < n / 2 ? -1.0 : 1.0);
      int sample_left = (int) fmax((double) left, floor(k - i * s / n + sd));
      int sample_right = (int) fmin((double) right, floor(k + (n - i) * s / n + sd));
      select_rank(x, sample_left, sample_right, k);
    }
    double pivot = x[k], swap;
    int i = left, j = right;
    swap = x[left]; x[left] = x[k]; x[k] = swap;
    if (x[right] > pivot) { swap = x[right]; x[right] = x[left]; x[left] = swap; }
    while (i < j) {
      swap = x[i]; x[i] = x[j]; x[j] = swap;
      i++;
      j--;
      while (x[i] < pivot) i++;
      while (x[j] > pivot) j--;
    }
    if (x[left] == pivot) {
      swap = x[left]; x[left] = x[j]; x[j] = swap;
    } else {
      j++;
      swap = x[j]; x[j] = x[right]; x[right] = swap;
    }
    if (j <= k) left = j + 1;
    if (k <= j) right = j - 1;
  }
}

/* Puts the elements of the (sorted, distinct) ranks[0 .. n_ranks-1] in
 * place: the middle rank first, then the ranks on either side within what
 * lies on that side, so ranks at both tails cost about two passes. */
static void select_ranks(double *x, int left, int right, const int *ranks, int n_ranks)
{
  while (n_ranks > 0 && left < right) {
    int middle = n_ranks / 2, k = ranks[middle];
    select_rank(x, left, right, k);
    select_ranks(x, left, k - 1, ranks, middle);
    left = k + 1;
    ranks += middle + 1;
    n_ranks -= middle + 1;
  }
}

/* Type 7 quantiles of x[0 .. n-1] (no NA) at the probabilities prob[0 ..
 * n_prob-1] (at most 4), written to out; reorders x. */
static void quantiles7(double *x, int n, const double *prob, int n_prob, double *out)
{
  int low[4], ranks[8], n_ranks = 0;
  double h[4];
  for (int i = 0; i < n_prob; i++) {
    low[i] = -1;
    if (ISNAN(prob[i])) continue;
    /* 1-based positions, as R writes the rule, so h rounds as it does there */
    double index = 1.0 + (double) (n - 1) * prob[i], position = floor(index);
    h[i] = index - position;
    low[i] = (int) position - 1;
    if (low[i] >= n - 1) {
      low[i] = n - 1;
      h[i] = 0.0;
    }
    ranks[n_ranks++] = low[i];
    if (h[i] != 0.0) ranks[n_ranks++] = low[i] + 1;
  }
  for (int i = 1; i < n_ranks; i++)   /* insertion sort of the few ranks */
    for (int j = i; j > 0 && ranks[j] < ranks[j - 1]; j--) {
      int swap = ranks[j];
      ranks[j] = ranks[j - 1];
      ranks[j - 1] = swap;
    }
  int distinct = 0;
  for (int i = 0; i < n_ranks; i++)
    if (distinct == 0 || ranks[i] != ranks[distinct - 1]) ranks[distinct++] = ranks[i];
  select_ranks(x, 0, n - 1, ranks, distinct);
  for (int i = 0; i < n_prob; i++) {
    if (low[i] < 0) out[i] = NA_REAL;
    else if (h[i] == 0.0) out[i] = x[low[i]];
    else out[i] = (1.0 - h[i]) * x[low[i]] + h[i] * x[low[i] + 1];
  }
}

/* Mean and standard deviation in two passes: the second refines the mean
 * by the mean deviation from it and sums the squared deviations with that
 * correction (Chan, Golub and LeVeque 1983), four partial sums at a time. */
static void mean_sd(const double *x, int n, double *mean, double *sd)
{
  double s[4] = {0.0, 0.0, 0.0, 0.0};
  int i = 0;
  for (; i + 3 < n; i += 4) {
    s[0] += x[i];
    s[1] += x[i + 1];
    s[2] += x[i + 2];
    s[3] += x[i + 3];
  }
  for (; i < n; i++) s[0] += x[i];
  double first = ((s[0] + s[1]) + (s[2] + s[3])) / n;
  double d[4] = {0.0, 0.0, 0.0, 0.0}, q[4] = {0.0, 0.0, 0.0, 0.0};
  for (i = 0; i + 3 < n; i += 4) {
    for (int k = 0; k < 4; k++) {
      double e = x[i + k] - first;
      d[k] += e;
      q[k] += e * e;
    }
  }
  for (; i < n; i++) {
    double e = x[i] - first;
    d[0] += e;
    q[0] += e * e;
  }
  double deviation = (d[0] + d[1]) + (d[2] + d[3]), squares = (q[0] + q[1]) + (q[2] + q[3]);
  *mean = first + deviation / n;
  *sd = n < 2 ? NA_REAL : sqrt((squares - deviation * deviation / n) / (n - 1));
}

/* Acceleration sum(d^3) / (6 sum(d^2)^1.5), d the deviations of the
 * n_cases jackknife estimates of one parameter (`jackknife`, NA dropped)
 * from their mean; `buf` holds n_cases doubles. */
static double acceleration(const double *jackknife, R_xlen_t n_cases, double *buf)
{
  int n = 0;
  for (R_xlen_t i = 0; i < n_cases; i++)
    if (!ISNAN(jackknife[i])) buf[n++] = jackknife[i];
  if (n == 0) return R_NaN;
  double mean, sd, squares = 0.0, cubes = 0.0;
  mean_sd(buf, n, &mean, &sd);
  for (int i = 0; i < n; i++) {
    double d = mean - buf[i];
    squares += d * d;
    cubes += d * d * d;
  }
  return cubes / (6.0 * pow(squares, 1.5));
}

/* draws: n_draws x q (column-major); valid: n_draws logicals (R's TRUE
 * marks a usable draw); estimate: q; jackknife: NULL or n_cases x q; level:
 * the confidence level. Writes out, q x 6: boot_mean, se, percentile lower
 * and upper, BCa lower and upper. buf holds n_draws doubles, jk_buf n_cases. */
void boot_summary(const double *draws, R_xlen_t n_draws, int q, const int *valid, const double *estimate,
                  const double *jackknife, R_xlen_t n_cases, double level, double *buf, double *jk_buf,
                  double *out)
{
  double alpha = (1.0 - level) / 2.0;
  double z[2] = {qnorm(alpha, 0.0, 1.0, 1, 0), qnorm(1.0 - alpha, 0.0, 1.0, 1, 0)};
  for (int k = 0; k < q; k++) {
    const double *column = draws + (size_t) n_draws * (size_t) k;
    int n = 0, below = 0;
    for (R_xlen_t r = 0; r < n_draws; r++) {
      if (valid[r] != TRUE || ISNAN(column[r])) continue;
      buf[n++] = column[r];
      below += column[r] < estimate[k];
    }
    double *row = out + k;
    for (int c = 0; c < 6; c++) row[(size_t) q * c] = NA_REAL;
    if (n == 0) {
      row[0] = R_NaN;
      continue;
    }
    mean_sd(buf, n, row, row + (size_t) q);
    double prob[4] = {alpha, 1.0 - alpha, NA_REAL, NA_REAL}, limits[4];
    int n_prob = 2;
    if (jackknife != NULL) {
      double z0 = qnorm((double) below / n, 0.0, 1.0, 1, 0);
      double a = acceleration(jackknife + (size_t) n_cases * (size_t) k, n_cases, jk_buf);
      if (R_FINITE(z0) && R_FINITE(a)) {
        for (int side = 0; side < 2; side++)
          prob[2 + side] = pnorm(z0 + (z0 + z[side]) / (1.0 - a * (z0 + z[side])), 0.0, 1.0, 1, 0);
        n_prob = 4;
      }
    }
    quantiles7(buf, n, prob, n_prob, limits);
    for (int i = 0; i < n_prob; i++) row[(size_t) q * (2 + i)] = limits[i];
  }
}
