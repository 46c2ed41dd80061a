/* Model fit (pls_model_fit()): the indicator correlations a fitted model
 * implies, the distances between them and the sample correlations (SRMR,
 * d_ULS, d_G, d_ML), and the transformation of the data that makes the
 * model hold exactly in the sample (Beran and Srivastava 1985), from which
 * the bootstrap test of exact fit (Dijkstra and Henseler 2015) resamples.
 * SEXP-free and allocation-free: the callers pass the scratch memory
 * (model_fit_scratch_size()); LAPACK routines are reentrant, so this runs
 * in OpenMP threads. */
#include "iecpls.h"

/* Doubles model_fit_statistics() needs as scratch. */
size_t model_fit_scratch_size(int p, int K)
{
  size_t pp = (size_t) p, k = (size_t) K;
  return 3 * pp * pp + 4 * pp + k * k + k;
}

/* Construct correlations implied by the recursive structural model (as
 * R's implied_construct_cor()): exogenous constructs keep their sample
 * correlations; an endogenous construct j, taken after all its predecessors,
 * covaries sum_i b_ij C[i, x] with every construct x already taken and has
 * variance sum_i b_ij C[i, j] + (1 - sum_i b_ij P[i, j]) (the disturbances
 * uncorrelated). The diagonal is set to 1 at the end only, as R's
 * (I - B)^-1 (Gamma Phi Gamma' + Psi) (I - B)^-T does. `taken` is K
 * doubles of scratch. Returns 0, or 1 when the model is not recursive. */
static int implied_construct_cor(const pls_model_t *m, const double *P, const double *B, double *C,
                                 double *taken)
{
  size_t K = (size_t) m->K;
  for (size_t j = 0; j < K; j++) {
    int exogenous = 1;
    for (size_t i = 0; i < K; i++) exogenous &= m->inner[i + K * j] == 0;
    taken[j] = exogenous;
  }
  for (size_t j = 0; j < K; j++)
    for (size_t i = 0; i < K; i++) C[i + K * j] = taken[i] && taken[j] ? P[i + K * j] : 0.0;
  for (size_t round = 0; round < K; round++) {
    int progress = 0;
    for (size_t j = 0; j < K; j++) {
      if (taken[j] != 0.0) continue;
      int ready = 1;
      for (size_t i = 0; i < K; i++) ready &= m->inner[i + K * j] == 0 || taken[i] != 0.0;
      if (!ready) continue;
      for (size_t x = 0; x < K; x++) {
        if (taken[x] == 0.0) continue;
        double c = 0.0;
        for (size_t i = 0; i < K; i++)
          if (m->inner[i + K * j] != 0) c += B[i + K * j] * C[i + K * x];
        C[j + K * x] = C[x + K * j] = c;
      }
      double variance = 1.0;
      for (size_t i = 0; i < K; i++)
        if (m->inner[i + K * j] != 0) variance += B[i + K * j] * (C[i + K * j] - P[i + K * j]);
      C[j + K * j] = variance;
      taken[j] = 1.0;
      progress = 1;
    }
    if (!progress) break;
  }
  for (size_t j = 0; j < K; j++) {
    if (taken[j] == 0.0) return 1;
    C[j + K * j] = 1.0;
  }
  return 0;
}

/* The p x p indicator correlations implied by a fit: lambda_x P[j, k]
 * lambda_y for indicators x of construct j and y of k, 1 on the diagonal,
 * and the sample correlations S within the block of a construct with
 * composite[j] != 0. P is the fit's construct correlations (saturated) or
 * those implied by its paths. scratch: K^2 + K doubles. */
int implied_indicator_cor(const pls_model_t *m, const int *composite, int saturated,
                          const pls_result_t *res, const double *S, double *scratch, double *Sigma)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  const double *P = res->construct_cor;
  if (!saturated) {
    if (implied_construct_cor(m, res->construct_cor, res->path_coef, scratch, scratch + K * K) != 0)
      return PLS_ERR_NONFINITE;
    P = scratch;
  }
  for (int j = 0; j < m->K; j++)
    for (int y = m->block_start[j]; y < m->block_start[j + 1]; y++)
      for (int k = 0; k < m->K; k++)
        for (int x = m->block_start[k]; x < m->block_start[k + 1]; x++) {
          size_t xy = (size_t) x + p * (size_t) y;
          if (x == y) Sigma[xy] = 1.0;
          else if (j == k && composite[j]) Sigma[xy] = S[xy];
          else Sigma[xy] = res->loadings[x] * P[(size_t) k + K * (size_t) j] * res->loadings[y];
        }
  return PLS_OK;
}

/* Eigenvalues (ascending) of the symmetric p x p matrix A, destroyed; with
 * vectors != 0 A holds the eigenvectors afterwards. work: 3 p doubles. */
static int symmetric_eigen(double *A, int p, int vectors, double *values, double *work)
{
  int info = 0, lwork = 3 * p;
  F77_CALL(dsyev)(vectors ? "V" : "N", "L", &p, A, &p, values, work, &lwork, &info FCONE FCONE);
  return info;
}

/* Geodesic distance 1/2 sum (ln phi)^2 over the eigenvalues phi of
 * S^-1 Sigma, those of L^-1 Sigma L^-T with S = L L'; NA when S is
 * singular or an eigenvalue is not positive. d_ML = tr(S Sigma^-1) - ln
 * det(S Sigma^-1) - p = sum (1/phi + ln phi - 1) from the same eigenvalues.
 * scratch: 2 p^2 + 4 p doubles. */
static void eigen_distances(const double *S, const double *Sigma, int p, double *scratch, double *d_g,
                            double *d_ml)
{
  size_t pp = (size_t) p * (size_t) p;
  double *L = scratch, *A = scratch + pp, *values = A + pp, *work = values + p, one = 1.0;
  int info = 0;
  *d_g = *d_ml = NA_REAL;
  memcpy(L, S, pp * sizeof(double));
  memcpy(A, Sigma, pp * sizeof(double));
  F77_CALL(dpotrf)("L", &p, L, &p, &info FCONE);
  if (info != 0) return;
  F77_CALL(dtrsm)("L", "L", "N", "N", &p, &p, &one, L, &p, A, &p FCONE FCONE FCONE FCONE);
  F77_CALL(dtrsm)("R", "L", "T", "N", &p, &p, &one, L, &p, A, &p FCONE FCONE FCONE FCONE);
  if (symmetric_eigen(A, p, 0, values, work) != 0 || !(values[0] > 0.0)) return;
  double g = 0.0, ml = 0.0;
  for (int i = 0; i < p; i++) {
    double log_value = log(values[i]);
    g += log_value * log_value;
    ml += 1.0 / values[i] + log_value - 1.0;
  }
  *d_g = g / 2.0;
  *d_ml = ml;
}

/* The fit measures of S against Sigma, in the order of enum fit_measure:
 * SRMR (root mean square of the lower triangle and diagonal of S - Sigma),
 * d_ULS (half the sum of all squared residuals), d_G and d_ML (see
 * eigen_distances()). scratch: 2 p^2 + 4 p doubles. */
void fit_measures(const double *S, const double *Sigma, int p, double *scratch, double *out,
                  R_xlen_t stride)
{
  size_t ps = (size_t) p;
  double lower = 0.0, all = 0.0;
  for (size_t j = 0; j < ps; j++)
    for (size_t i = 0; i < ps; i++) {
      double r = S[i + ps * j] - Sigma[i + ps * j], r2 = r * r;
      all += r2;
      if (i >= j) lower += r2;
    }
  double d_g, d_ml;
  eigen_distances(S, Sigma, p, scratch, &d_g, &d_ml);
  out[stride * FIT_SRMR] = sqrt(lower / ((double) ps * (double) (ps + 1) / 2.0));
  out[stride * FIT_ULS] = all / 2.0;
  out[stride * FIT_G] = d_g;
  out[stride * FIT_ML] = d_ml;
}

/* The fit measures of one fit against the correlations its model implies
 * (statistics.c, when the statistics vector is the model fit). */
void model_fit_statistics(const pls_model_t *m, const stat_spec_t *st, const pls_result_t *res,
                          const double *S, double *scratch, double *out, R_xlen_t stride)
{
  size_t pp = (size_t) m->p * (size_t) m->p;
  double *Sigma = scratch;
  if (implied_indicator_cor(m, st->fit_composite, st->fit_saturated, res, S, scratch + pp, Sigma) != PLS_OK) {
    fill_missing_statistics(FIT_MEASURE_COUNT, out, stride);
    return;
  }
  fit_measures(S, Sigma, m->p, scratch + pp, out, stride);
}

/* M = A^(1/2) (power 0.5) or A^(-1/2) (power -0.5) of the symmetric
 * positive definite p x p matrix A, from its eigen decomposition V D V'.
 * scratch: 2 p^2 + 4 p doubles. Returns nonzero when A is not positive
 * definite. */
static int symmetric_power(const double *A, int p, double power, double *scratch, double *M)
{
  size_t ps = (size_t) p, pp = ps * ps;
  double *V = scratch, *VD = scratch + pp, *values = VD + pp, *work = values + ps;
  memcpy(V, A, pp * sizeof(double));
  if (symmetric_eigen(V, p, 1, values, work) != 0 || !(values[0] > 0.0)) return 1;
  for (size_t k = 0; k < ps; k++) {
    double d = pow(values[k], power);
    for (size_t i = 0; i < ps; i++) VD[i + ps * k] = V[i + ps * k] * d;
  }
  double one = 1.0, zero = 0.0;
  F77_CALL(dgemm)("N", "T", &p, &p, &p, &one, VD, &p, V, &p, &zero, M, &p FCONE FCONE);
  return 0;
}

/* The transformed data of the test of exact fit: Z* = Z S^(-1/2)
 * Sigma^(1/2), whose correlation matrix is Sigma when that of Z is S. The
 * data come transposed (Zt, p x n) and so does the result (Zt* =
 * Sigma^(1/2) S^(-1/2) Zt, both roots symmetric). scratch: 5 p^2 + 4 p
 * doubles. Returns 0, 1 when S and 2 when Sigma is not positive definite. */
int exact_fit_transform(const double *Zt, R_xlen_t n, int p, const double *S, const double *Sigma,
                        double *scratch, double *out)
{
  size_t pp = (size_t) p * (size_t) p;
  double *S_root = scratch, *Sigma_root = scratch + pp, *M = scratch + 2 * pp, *rest = scratch + 3 * pp;
  if (symmetric_power(S, p, -0.5, rest, S_root) != 0) return 1;
  if (symmetric_power(Sigma, p, 0.5, rest, Sigma_root) != 0) return 2;
  double one = 1.0, zero = 0.0;
  F77_CALL(dgemm)("N", "N", &p, &p, &p, &one, Sigma_root, &p, S_root, &p, &zero, M, &p FCONE FCONE);
  /* column blocks of at most INT_MAX cases for BLAS's int dimensions */
  for (R_xlen_t first = 0; first < n; first += INT_MAX) {
    int cols = (int) (n - first < INT_MAX ? n - first : INT_MAX);
    F77_CALL(dgemm)("N", "N", &p, &cols, &p, &one, M, &p, Zt + (size_t) p * (size_t) first, &p, &zero,
                    out + (size_t) p * (size_t) first, &p FCONE FCONE);
  }
  return 0;
}
