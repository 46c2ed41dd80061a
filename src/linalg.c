/* Thin wrappers around the BLAS and LAPACK routines the kernels use. */
#include "iecpls.h"

/* Cholesky factor of the n x n symmetric matrix A in place (lower triangle).
 * Returns 0 on success and k > 0 when A is not positive definite or its k-th
 * variable is collinear with the previous ones: the squared pivot is that
 * variable's residual variance, and a residual below COLLINEAR_TOL of its
 * variance (a variance inflation factor above 1e10) is treated as exact
 * collinearity that rounding made look positive. */
#define COLLINEAR_TOL 1e-10
int chol_factor(double *A, int n)
{
  int info = 0;
  if (n <= 0) return 0;
  for (int i = 0; i < n; i++)
    if (!(A[i + (size_t) n * i] > 0.0)) return i + 1;
  /* The strict upper triangle is not referenced by dpotrf("L"): keep the
   * diagonal there, to compare against the pivots afterwards. */
  for (int i = 0; i + 1 < n; i++) A[i + (size_t) n * (i + 1)] = A[i + (size_t) n * i];
  double last_diagonal = A[(n - 1) + (size_t) n * (n - 1)];
  F77_CALL(dpotrf)("L", &n, A, &n, &info FCONE);
  if (info != 0) return info;
  for (int i = 0; i < n; i++) {
    double variance = i + 1 < n ? A[i + (size_t) n * (i + 1)] : last_diagonal;
    double pivot = A[i + (size_t) n * i];
    if (pivot * pivot <= COLLINEAR_TOL * variance) return i + 1;
  }
  return 0;
}

/* Solve L L' x = b in place, with L from chol_factor. */
void chol_solve(const double *L, int n, double *b)
{
  int info = 0, one = 1;
  if (n <= 0) return;
  F77_CALL(dpotrs)("L", &n, &one, L, &n, b, &n, &info FCONE);
}
