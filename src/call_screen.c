/* .Call entry point of data screening (screen.c). */
#include "iecpls.h"

/* The likely missing-value codes of each indicator column (missing_codes()):
 * columns as iecpls_fit_data() reads them (a list, or a numeric matrix with
 * a 1-based column index). Returns a (2 + 2 MAX_CODES) x p double matrix:
 * per column the smallest and largest other value, the codes (NaN-padded)
 * and their counts. Interruptible between columns. */
SEXP iecpls_missing_codes(SEXP columns, SEXP index)
{
  int p;
  R_xlen_t n;
  column_t *cols = read_columns(columns, index, &p, &n);
  int rows = 2 + 2 * MAX_CODES;
  SEXP ans = PROTECT(allocMatrix(REALSXP, rows, p));
  for (int c = 0; c < p; c++) {
    double *out = REAL(ans) + (R_xlen_t) rows * c;
    for (int k = 0; k < rows; k++) out[k] = R_NaN;
    missing_codes(cols + c, n, out + 2, out + 2 + MAX_CODES, out);
    R_CheckUserInterrupt();
  }
  UNPROTECT(1);
  return ans;
}
