/* From raw indicator columns to the standardized data matrix Z and the
 * indicator correlation matrix S = Z' D Z / (sum(d) - 1) (D the case
 * weights, frequency-weight semantics; unit weights give cor()).
 * Columns are read in place, integer or double, so the only copy of the data
 * is Z itself. Mean replacement writes 0 (the mean) into Z for a missing
 * value, exactly like replacing it by the observed mean before scaling.
 * Also here: composite scores Z W, and the moments of a resample
 * (accumulate_cross, update_cross) with their correlation matrix. */
#include "iecpls.h"

static inline double column_value(const column_t *col, R_xlen_t r, int *missing)
{
  if (col->real != NULL) {
    double v = col->real[r];
    *missing = ISNAN(v);
    return v;
  }
  int v = col->integer[r];
  *missing = v == NA_INTEGER;
  return (double) v;
}

/* Marks rows with no missing value in any column; returns how many. */
R_xlen_t complete_rows(const column_t *cols, R_xlen_t n, int p, int *row_used)
{
  R_xlen_t n_used = 0;
  for (R_xlen_t r = 0; r < n; r++) row_used[r] = 1;
  for (int c = 0; c < p; c++) {
    for (R_xlen_t r = 0; r < n; r++) {
      int missing;
      column_value(cols + c, r, &missing);
      if (missing) row_used[r] = 0;
    }
  }
  for (R_xlen_t r = 0; r < n; r++) n_used += row_used[r];
  return n_used;
}

/* Whether one of the used rows before row `end` holds an infinite value:
 * the error paths' check of which problem came first. */
static int infinite_before(const column_t *col, const int *row_used, R_xlen_t end)
{
  int missing;
  for (R_xlen_t r = 0; r < end; r++) {
    if (row_used != NULL && !row_used[r]) continue;
    double v = column_value(col, r, &missing);
    if (!missing && !R_FINITE(v)) return 1;
  }
  return 0;
}

/* Writes Z (element (r, c) at Z[r * row_stride + c * col_stride]: column-major
 * n_used x p, or its transpose), the weighted means and standard deviations
 * (denominator sum of weights - 1) of the used rows. Each column is read
 * once, into its place in Z (NaN marking a missing value); the variance
 * and the scaling then work on Z. Infinite values are found from a
 * non-finite sum, so the common case tests nothing per value but NaN.
 * Returns PLS_OK, or a status with *bad_column the column concerned (-1
 * when there are too few rows). */
int standardize_columns(const column_t *cols, R_xlen_t n, int p, const double *case_weights,
                        int missing_mean, const int *row_used, R_xlen_t n_used,
                        size_t row_stride, size_t col_stride,
                        double *Z, double *means, double *sds, int *bad_column)
{
  double total_weight = 0.0;
  for (R_xlen_t r = 0; r < n; r++)
    if (row_used == NULL || row_used[r]) total_weight += case_weights ? case_weights[r] : 1.0;
  if (n_used < 2 || !(total_weight > 1.0)) {
    *bad_column = -1;
    return PLS_ERR_TOO_FEW_ROWS;
  }
  /* the used rows in order: position `out` of column c of Z holds row r of the data */
  for (int c = 0; c < p; c++) {
    const column_t *col = cols + c;
    double *z = Z + col_stride * (size_t) c, sum = 0.0, observed_weight = 0.0;
    size_t out = 0;
    int missing;
    *bad_column = c;
    for (R_xlen_t r = 0; r < n; r++) {
      if (row_used != NULL && !row_used[r]) continue;
      double v = column_value(col, r, &missing), d = case_weights ? case_weights[r] : 1.0;
      if (missing) {
        if (!missing_mean) return R_FINITE(sum) || !infinite_before(col, row_used, r) ? PLS_ERR_MISSING
                                                                                       : PLS_ERR_INFINITE;
        z[row_stride * out++] = NA_REAL;
        continue;
      }
      sum += d * v;
      observed_weight += d;
      z[row_stride * out++] = v;
    }
    if (!R_FINITE(sum) && infinite_before(col, row_used, n)) return PLS_ERR_INFINITE;
    if (!(observed_weight > 0.0)) return PLS_ERR_ALL_MISSING;
    double mean = sum / observed_weight, squares = 0.0;
    if (case_weights == NULL) {
      for (size_t k = 0; k < out; k++) {
        double v = z[row_stride * k];
        if (!ISNAN(v)) squares += (v - mean) * (v - mean);
      }
    } else {
      size_t k = 0;
      for (R_xlen_t r = 0; r < n; r++) {
        if (row_used != NULL && !row_used[r]) continue;
        double v = z[row_stride * k++];
        if (!ISNAN(v)) squares += case_weights[r] * (v - mean) * (v - mean);
      }
    }
    double sd = sqrt(squares / (total_weight - 1.0));
    if (!R_FINITE(sd) || !R_FINITE(mean)) return PLS_ERR_COLUMN_OVERFLOW;
    if (!(sd > 0.0)) return PLS_ERR_ZERO_VARIANCE;
    means[c] = mean;
    sds[c] = sd;
    double scale = 1.0 / sd;   /* one division per column, not per value */
    for (size_t k = 0; k < out; k++) {
      double v = z[row_stride * k];
      z[row_stride * k] = ISNAN(v) ? 0.0 : (v - mean) * scale;
    }
  }
  *bad_column = -1;
  return PLS_OK;
}

/* Four dot products of length n sharing their first vector:
 * *out_i += a . b_i for i = 0 .. 3. Each element of `a` is loaded once for
 * four products, and the four sums proceed side by side. */
static void dot_products4(const double *a, const double *b0, const double *b1, const double *b2,
                          const double *b3, int n, double *out0, double *out1, double *out2, double *out3)
{
  double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
  /* the reductions may be reordered, so the compiler can use vector lanes */
#ifdef _OPENMP
#pragma omp simd reduction(+:s0, s1, s2, s3)
#endif
  for (int r = 0; r < n; r++) {
    double x = a[r];
    s0 += x * b0[r];
    s1 += x * b1[r];
    s2 += x * b2[r];
    s3 += x * b3[r];
  }
  *out0 += s0;
  *out1 += s1;
  *out2 += s2;
  *out3 += s3;
}

static double dot_product(const double *a, const double *b, int n)
{
  double sum = 0.0;
#ifdef _OPENMP
#pragma omp simd reduction(+:sum)
#endif
  for (int r = 0; r < n; r++) sum += a[r] * b[r];
  return sum;
}

/* S = Z' D Z / (sum(d) - 1) (Z n x p, column-major; D the case weights, or
 * the identity when case_weights is NULL), with unit diagonal as cor() gives.
 * Rows are taken in blocks that stay in cache while every pair of columns is
 * accumulated; with case weights the block of each column is first scaled
 * into `scratch` (ROW_BLOCK * p doubles). On the reference BLAS this is about
 * three times faster than dsyrk, and it needs no weighted copy of Z. */
void correlation_from_standardized(const double *Z, R_xlen_t n, int p, const double *case_weights,
                                   double *scratch, double *S)
{
  size_t pp = (size_t) p, nn = (size_t) n;
  double denominator = (double) n - 1.0;
  if (case_weights != NULL) {
    double total_weight = 0.0;
    for (size_t r = 0; r < nn; r++) total_weight += case_weights[r];
    denominator = total_weight - 1.0;
  }
  for (size_t i = 0; i < pp * pp; i++) S[i] = 0.0;
  for (size_t first = 0; first < nn; first += ROW_BLOCK) {
    int len = (int) (nn - first < ROW_BLOCK ? nn - first : ROW_BLOCK);
    for (size_t k = 0; k < pp; k++) {
      const double *zk = Z + nn * k + first;
      if (case_weights != NULL) {
        double *wz = scratch + (size_t) ROW_BLOCK * k;
        for (int r = 0; r < len; r++) wz[r] = case_weights[first + (size_t) r] * zk[r];
        zk = wz;
      }
      size_t l = 0;
      for (; l + 4 <= k; l += 4) {
        const double *z0 = Z + nn * l + first;
        dot_products4(zk, z0, z0 + nn, z0 + 2 * nn, z0 + 3 * nn, len, S + k + pp * l,
                      S + k + pp * (l + 1), S + k + pp * (l + 2), S + k + pp * (l + 3));
      }
      for (; l < k; l++) S[k + pp * l] += dot_product(zk, Z + nn * l + first, len);
    }
  }
  for (size_t k = 0; k < pp; k++) {
    S[k + pp * k] = 1.0;
    for (size_t l = 0; l < k; l++) S[l + pp * k] = S[k + pp * l] = S[k + pp * l] / denominator;
  }
}

/* Composite scores Y = Z W (Z n x p, column-major), using the block
 * structure of W: a sum of each block's weighted columns. The kernel uses
 * it for S W too (outer_cross_cov). */
void composite_scores(const pls_model_t *m, const double *Z, R_xlen_t n, const double *weights,
                      double *scores)
{
  size_t nn = (size_t) n;
  for (int j = 0; j < m->K; j++) {
    double *y = scores + nn * (size_t) j;
    for (size_t r = 0; r < nn; r++) y[r] = 0.0;
    for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
      const double *z = Z + nn * (size_t) x;
      double wx = weights[x];
#ifdef _OPENMP
#pragma omp simd
#endif
      for (size_t r = 0; r < nn; r++) y[r] += wx * z[r];
    }
  }
}

/* Resampling works on Zt, the standardized data transposed (p x n, one
 * row of data contiguous), so a resample's moments are a weighted
 * accumulation over the rows it drew: no gathered copy of the rows.
 * With f = freq (n case frequencies, 0 for a row not drawn) and z_i column
 * i of Zt, sets cross (p x p, lower triangle by rows: element (k, l), l <= k,
 * at cross[p * k + l]) = sum_i f_i z_i z_i', sums (p) = sum_i f_i z_i and
 * *total = sum_i f_i. */
void accumulate_cross(const double *Zt, R_xlen_t n, int p, const double *freq, double *sums,
                      double *cross, double *total)
{
  size_t pp = (size_t) p;
  double N = 0.0;
  for (size_t i = 0; i < pp * pp; i++) cross[i] = 0.0;
  for (size_t k = 0; k < pp; k++) sums[k] = 0.0;
  /* Four drawn rows at a time: each pass over the accumulator then does four
   * multiply-adds per load and store of it (the loop is bound by that
   * traffic otherwise). */
  const double *z[4];
  double f[4];
  int pending = 0;
  for (R_xlen_t i = 0; i <= n; i++) {
    if (i < n) {
      if (freq[i] == 0.0) continue;
      z[pending] = Zt + pp * (size_t) i;
      f[pending] = freq[i];
      N += freq[i];
      if (++pending < 4) continue;
    }
    for (int r = pending; r < 4; r++) { z[r] = z[0]; f[r] = 0.0; }
    if (pending == 0) break;
    /* two rows of the accumulator per pass share the loads of the data */
    for (size_t k = 0; k < pp; k += 2) {
      double a0 = f[0] * z[0][k], a1 = f[1] * z[1][k], a2 = f[2] * z[2][k], a3 = f[3] * z[3][k];
      double *row = cross + pp * k;
      sums[k] += (a0 + a1) + (a2 + a3);
      if (k + 1 == pp) {
#ifdef _OPENMP
#pragma omp simd
#endif
        for (size_t l = 0; l <= k; l++)
          row[l] += (a0 * z[0][l] + a1 * z[1][l]) + (a2 * z[2][l] + a3 * z[3][l]);
        break;
      }
      size_t k1 = k + 1;
      double b0 = f[0] * z[0][k1], b1 = f[1] * z[1][k1], b2 = f[2] * z[2][k1], b3 = f[3] * z[3][k1];
      double *next = row + pp;
      sums[k1] += (b0 + b1) + (b2 + b3);
#ifdef _OPENMP
#pragma omp simd
#endif
      for (size_t l = 0; l <= k; l++) {
        double z0 = z[0][l], z1 = z[1][l], z2 = z[2][l], z3 = z[3][l];
        row[l] += (a0 * z0 + a1 * z1) + (a2 * z2 + a3 * z3);
        next[l] += (b0 * z0 + b1 * z1) + (b2 * z2 + b3 * z3);
      }
      next[k1] += (b0 * z[0][k1] + b1 * z[1][k1]) + (b2 * z[2][k1] + b3 * z[3][k1]);
    }
    pending = 0;
  }
  *total = N;
}

/* Adds the contribution of one row z (p values), weighted by f, to cross
 * and sums as accumulate_cross() forms them; f < 0 removes it. */
void update_cross(const double *z, int p, double f, double *sums, double *cross)
{
  size_t pp = (size_t) p;
  for (size_t k = 0; k < pp; k++) {
    double a = f * z[k];
    double *row = cross + pp * k;
    sums[k] += a;
    for (size_t l = 0; l <= k; l++) row[l] += a * z[l];
  }
}

/* Correlation matrix S (full, p x p) from the moments accumulate_cross()
 * forms (cross, sums, and N their total weight); sd_scratch holds p
 * doubles. Returns the index + 1 of a column with no variance in the
 * resample, else 0. */
int cross_to_correlation(const double *cross, const double *sums, double N, int p,
                         double *sd_scratch, double *S)
{
  size_t pp = (size_t) p;
  for (size_t k = 0; k < pp; k++) {
    double variance = cross[pp * k + k] - sums[k] * sums[k] / N;
    if (!(variance > 1e-12 * N)) return (int) k + 1;
    sd_scratch[k] = 1.0 / sqrt(variance);   /* reciprocal: multiply below, not divide */
  }
  double inverse_N = 1.0 / N;
  for (size_t k = 0; k < pp; k++) {
    const double *row = cross + pp * k;
    double *column = S + pp * k, mean_k = sums[k] * inverse_N, scale_k = sd_scratch[k];
    column[k] = 1.0;
    for (size_t l = 0; l < k; l++) column[l] = (row[l] - mean_k * sums[l]) * (scale_k * sd_scratch[l]);
  }
  for (size_t k = 0; k < pp; k++)   /* the lower triangle from the upper */
    for (size_t l = k + 1; l < pp; l++) S[l + pp * k] = S[k + pp * l];
  return 0;
}
