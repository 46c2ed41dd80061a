/* Data screening: numeric missing-value codes (-99, 999, -9 on a 1-7 scale)
 * left in the data, which a fit would take as answers. R/missing-codes.R
 * words the warning; the rule lives here, once:
 *
 *   A value at either end of a column (its smallest or largest) is a likely
 *   code when it is a whole number, occurs at least twice (or once, when
 *   every value of the column is a whole number), the column has at least
 *   MIN_OTHERS other values and they take at least two distinct values, and
 *   it lies further from the nearest of them than twice their range, or it
 *   is negative while they are all non-negative.
 *
 * Codes are peeled from the ends, up to MAX_CODES per column, so a column
 * with both -99 and 999 has both found. */
#include "iecpls.h"
#include <math.h>

#define SCREEN_BLOCK 1024  /* rows between checks for an early exit */
#define MIN_OTHERS 10      /* in a handful of rows, any value can look far out */

/* Element i of a column as a double; NA and NaN come back as NaN. */
static inline double column_value(const column_t *col, R_xlen_t i)
{
  if (col->real != NULL) return col->real[i];
  int v = col->integer[i];
  return v == INT_MIN ? NAN : (double) v;  /* INT_MIN is R's NA_integer_ */
}

static inline int usable(double v, const double *skip, int n_skip)
{
  if (!isfinite(v)) return 0;
  for (int k = 0; k < n_skip; k++) if (v == skip[k]) return 0;
  return 1;
}

typedef struct {
  double lo, hi;            /* the ends */
  double n;                 /* usable values */
  double lo_next, hi_next;  /* the nearest other values */
  double n_lo, n_hi;        /* how often each end occurs */
} ends_t;

/* The ends of the usable values (+-Inf when there are none). Without
 * values to skip the loops have no data-dependent branch. */
static void find_ends(const column_t *col, R_xlen_t n, const double *skip, int n_skip, ends_t *e)
{
  double lo = INFINITY, hi = -INFINITY, count = 0;
  if (n_skip == 0 && col->real != NULL) {
    const double *x = col->real;
    for (R_xlen_t i = 0; i < n; i++) {
      double v = x[i];
      int ok = v - v == 0;  /* finite */
      lo = ok && v < lo ? v : lo;
      hi = ok && v > hi ? v : hi;
      count += ok;
    }
  } else if (n_skip == 0) {
    const int *x = col->integer;
    int ilo = INT_MAX, ihi = INT_MIN;
    R_xlen_t n_na = 0;
    for (R_xlen_t i = 0; i < n; i++) {
      int v = x[i];
      ilo = v != INT_MIN && v < ilo ? v : ilo;
      ihi = v > ihi ? v : ihi;  /* INT_MIN (NA) never exceeds the start */
      n_na += v == INT_MIN;
    }
    if (ihi != INT_MIN) { lo = ilo; hi = ihi; }
    count = (double) (n - n_na);
  } else {
    for (R_xlen_t i = 0; i < n; i++) {
      double v = column_value(col, i);
      if (!usable(v, skip, n_skip)) continue;
      lo = v < lo ? v : lo;
      hi = v > hi ? v : hi;
      count++;
    }
  }
  e->lo = lo;
  e->hi = hi;
  e->n = count;
}

/* Whether an end can still be a code, given the nearest other value found
 * so far (the true one is at least as close to the end, and the rule's
 * distance conditions only weaken as it comes closer). */
static int low_possible(const ends_t *e, double lo_next)
{
  return e->lo == floor(e->lo) && (lo_next - e->lo > 2 * (e->hi - lo_next) || (e->lo < 0 && lo_next >= 0));
}

static int high_possible(const ends_t *e, double hi_next)
{
  return e->hi == floor(e->hi) && e->hi - hi_next > 2 * (hi_next - e->lo);
}

/* Counts the ends and finds their neighbours, stopping as soon as neither
 * end can be a code (after the first block, for nearly every column of
 * real answers); the counts are then partial and unused. */
static void find_neighbours(const column_t *col, R_xlen_t n, const double *skip, int n_skip, ends_t *e)
{
  double lo = e->lo, hi = e->hi;
  double lo_next = INFINITY, hi_next = -INFINITY, n_lo = 0, n_hi = 0;
  for (R_xlen_t first = 0; first < n; first += SCREEN_BLOCK) {
    R_xlen_t last = first + SCREEN_BLOCK < n ? first + SCREEN_BLOCK : n;
    for (R_xlen_t i = first; i < last; i++) {
      double v = column_value(col, i);
      if (n_skip > 0 && !usable(v, skip, n_skip)) continue;
      /* NaN and +-Inf fail every comparison with the finite ends */
      n_lo += v == lo;
      n_hi += v == hi;
      lo_next = v > lo && v < lo_next ? v : lo_next;
      hi_next = v < hi && v > hi_next ? v : hi_next;
    }
    if (!low_possible(e, lo_next) && !high_possible(e, hi_next)) break;
  }
  e->lo_next = lo_next;
  e->hi_next = hi_next;
  e->n_lo = n_lo;
  e->n_hi = n_hi;
}

static int all_whole(const column_t *col, R_xlen_t n)
{
  if (col->integer != NULL) return 1;
  for (R_xlen_t i = 0; i < n; i++) {
    double v = col->real[i];
    if (isfinite(v) && v != floor(v)) return 0;
  }
  return 1;
}

/* The likely codes of a column (at most MAX_CODES), how often each occurs,
 * and the range of the other values (range[0..1], NaN when none); returns
 * the number of codes. */
int missing_codes(const column_t *col, R_xlen_t n, double *codes, double *counts, double *range)
{
  int n_codes = 0, whole = -1;  /* -1: not yet asked */
  ends_t e;
  for (;;) {
    find_ends(col, n, codes, n_codes, &e);
    if (!isfinite(e.lo) || e.lo == e.hi || n_codes == MAX_CODES) break;
    find_neighbours(col, n, codes, n_codes, &e);
    /* enough other values, of at least two distinct values */
    int low = e.n - e.n_lo >= MIN_OTHERS && e.lo_next < e.hi && low_possible(&e, e.lo_next);
    int high = e.n - e.n_hi >= MIN_OTHERS && e.lo < e.hi_next && high_possible(&e, e.hi_next);
    if ((low && e.n_lo < 2) || (high && e.n_hi < 2)) {
      if (whole < 0) whole = all_whole(col, n);
      low = low && (e.n_lo >= 2 || whole);
      high = high && (e.n_hi >= 2 || whole);
    }
    if (!low && !high) break;
    if (low) { codes[n_codes] = e.lo; counts[n_codes++] = e.n_lo; }
    if (high && n_codes < MAX_CODES) { codes[n_codes] = e.hi; counts[n_codes++] = e.n_hi; }
  }
  range[0] = isfinite(e.lo) ? e.lo : NAN;
  range[1] = isfinite(e.hi) ? e.hi : NAN;
  return n_codes;
}
