/* Small dense linear algebra for the kernel. The matrices are tiny (a block's
 * indicators, a construct's predecessors), where the call overhead of the
 * reference BLAS/LAPACK dominates, so systems up to SMALL_DIM are solved by
 * the plain loops below and larger ones by LAPACK's dpotrf/dpotrs/dpotri.
 * A small factor keeps the reciprocals of its pivots on the diagonal, so a
 * solve multiplies instead of dividing: the kernel solves such systems
 * every iteration, and a chain of divisions was most of their cost. */
#include "iecpls.h"

#define SMALL_DIM 24
/* A pivot whose square is below COLLINEAR_TOL of the variable's variance
 * (a variance inflation factor above 1e10) is treated as exact collinearity
 * that rounding made look positive. */
#define COLLINEAR_TOL 1e-10

static int chol_small(double *A, int n)
{
  for (int j = 0; j < n; j++) {
    double *col_j = A + (size_t) n * j;
    double diagonal = col_j[j], variance = diagonal;
    for (int k = 0; k < j; k++) diagonal -= A[j + (size_t) n * k] * A[j + (size_t) n * k];
    if (!(diagonal > COLLINEAR_TOL * variance)) return j + 1;
    double reciprocal = 1.0 / sqrt(diagonal);
    col_j[j] = reciprocal;
    for (int i = j + 1; i < n; i++) {
      double sum = col_j[i];
      for (int k = 0; k < j; k++) sum -= A[i + (size_t) n * k] * A[j + (size_t) n * k];
      col_j[i] = sum * reciprocal;
    }
  }
  return 0;
}

static int chol_lapack(double *A, int n)
{
  int info = 0;
  /* dpotrf("L") does not reference the strict upper triangle: keep the
   * diagonal there to compare the pivots with afterwards. */
  for (int i = 0; i + 1 < n; i++) A[i + (size_t) n * (i + 1)] = A[i + (size_t) n * i];
  double last_variance = A[(n - 1) + (size_t) n * (n - 1)];
  F77_CALL(dpotrf)("L", &n, A, &n, &info FCONE);
  if (info != 0) return info;
  for (int i = 0; i < n; i++) {
    double variance = i + 1 < n ? A[i + (size_t) n * (i + 1)] : last_variance;
    double pivot = A[i + (size_t) n * i];
    if (pivot * pivot <= COLLINEAR_TOL * variance) return i + 1;
  }
  return 0;
}

/* Cholesky factor of the n x n symmetric matrix A in place (lower triangle;
 * for n <= SMALL_DIM with reciprocal pivots on the diagonal).
 * Returns 0 on success and k > 0 when A is not positive definite or its
 * k-th variable is (numerically) collinear with the previous ones. */
int chol_factor(double *A, int n)
{
  if (n <= 0) return 0;
  for (int i = 0; i < n; i++)
    if (!(A[i + (size_t) n * i] > 0.0)) return i + 1;
  return n <= SMALL_DIM ? chol_small(A, n) : chol_lapack(A, n);
}

/* Solve L L' x = b in place, with L from chol_factor. */
void chol_solve(const double *L, int n, double *b)
{
  if (n <= 0) return;
  if (n > SMALL_DIM) {
    int info = 0, one = 1;
    F77_CALL(dpotrs)("L", &n, &one, L, &n, b, &n, &info FCONE);
    return;
  }
  for (int i = 0; i < n; i++) {
    double sum = b[i];
    for (int k = 0; k < i; k++) sum -= L[i + (size_t) n * k] * b[k];
    b[i] = sum * L[i + (size_t) n * i];
  }
  for (int i = n - 1; i >= 0; i--) {
    double sum = b[i];
    for (int k = i + 1; k < n; k++) sum -= L[k + (size_t) n * i] * b[k];
    b[i] = sum * L[i + (size_t) n * i];
  }
}

/* log det A, from its factor by chol_factor. */
double chol_log_det(const double *L, int n)
{
  double sum = 0.0;
  for (int i = 0; i < n; i++) sum += log(L[i + (size_t) n * i]);
  return n <= SMALL_DIM ? -2.0 * sum : 2.0 * sum;   /* small factors hold 1 / L_ii */
}

/* The full symmetric inverse of A in place, from its factor by chol_factor;
 * `scratch` holds n doubles. Small: M = L^-1 is formed over L (column j
 * needs only columns > j of L, not yet overwritten), then A^-1 = M'M goes
 * to the upper triangle and is mirrored. */
void chol_inverse(double *A, int n, double *scratch)
{
  size_t nn = (size_t) n;
  if (n <= 0) return;
  if (n > SMALL_DIM) {
    int info = 0;
    F77_CALL(dpotri)("L", &n, A, &n, &info FCONE);
    for (size_t j = 0; j < nn; j++)
      for (size_t i = j + 1; i < nn; i++) A[j + nn * i] = A[i + nn * j];
    return;
  }
  for (size_t j = 0; j < nn; j++) {
    double *col_j = A + nn * j;   /* col_j[j] is already 1 / L_jj = M_jj */
    for (size_t i = j + 1; i < nn; i++) {
      double sum = col_j[i] * col_j[j];
      for (size_t k = j + 1; k < i; k++) sum += A[i + nn * k] * col_j[k];
      col_j[i] = -A[i + nn * i] * sum;
    }
  }
  for (size_t j = 0; j < nn; j++) {
    for (size_t i = 0; i <= j; i++) {
      double sum = 0.0;
      for (size_t k = j; k < nn; k++) sum += A[k + nn * i] * A[k + nn * j];
      if (i == j) scratch[j] = sum;
      else A[i + nn * j] = sum;
    }
  }
  for (size_t j = 0; j < nn; j++) {
    A[j + nn * j] = scratch[j];
    for (size_t i = j + 1; i < nn; i++) A[i + nn * j] = A[j + nn * i];
  }
}

/* LU factorization with partial pivoting of the general n x n matrix A in
 * place (unit lower triangle below the diagonal, U on and above it; row i
 * swapped with pivot[i] at step i), for the systems Cholesky cannot solve:
 * PLSc's corrected correlations may be invertible without being positive
 * definite. Returns 0 on success and k > 0 when the k-th pivot is (to
 * COLLINEAR_TOL of the largest entry) zero, that is when A is singular. */
int lu_factor(double *A, int n, int *pivot)
{
  size_t nn = (size_t) n;
  double largest = 0.0;
  for (size_t i = 0; i < nn * nn; i++)
    if (fabs(A[i]) > largest) largest = fabs(A[i]);
  for (size_t j = 0; j < nn; j++) {
    size_t p = j;
    for (size_t i = j + 1; i < nn; i++)
      if (fabs(A[i + nn * j]) > fabs(A[p + nn * j])) p = i;
    pivot[j] = (int) p;
    if (!(fabs(A[p + nn * j]) > COLLINEAR_TOL * largest)) return (int) j + 1;
    if (p != j)
      for (size_t c = 0; c < nn; c++) {
        double swap = A[j + nn * c];
        A[j + nn * c] = A[p + nn * c];
        A[p + nn * c] = swap;
      }
    double reciprocal = 1.0 / A[j + nn * j];
    for (size_t i = j + 1; i < nn; i++) A[i + nn * j] *= reciprocal;
    for (size_t c = j + 1; c < nn; c++) {
      double u = A[j + nn * c];
      for (size_t i = j + 1; i < nn; i++) A[i + nn * c] -= A[i + nn * j] * u;
    }
  }
  return 0;
}

/* Solve A x = b in place, with A factored by lu_factor. */
void lu_solve(const double *LU, int n, const int *pivot, double *b)
{
  size_t nn = (size_t) n;
  for (size_t j = 0; j < nn; j++) {
    size_t p = (size_t) pivot[j];
    if (p != j) {
      double swap = b[j];
      b[j] = b[p];
      b[p] = swap;
    }
  }
  for (size_t i = 0; i < nn; i++)
    for (size_t k = 0; k < i; k++) b[i] -= LU[i + nn * k] * b[k];
  for (size_t i = nn; i-- > 0;) {
    for (size_t k = i + 1; k < nn; k++) b[i] -= LU[i + nn * k] * b[k];
    b[i] /= LU[i + nn * i];
  }
}
