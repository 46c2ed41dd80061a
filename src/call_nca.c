/* .Call entry points of necessary condition analysis (nca.c): the ceilings
 * of the observed data and the permutation test, in chunks seeded from the
 * package's MRG32k3a streams (R/rng.R), OpenMP over chunks. */
#include "iecpls.h"
#ifdef _OPENMP
#include <omp.h>
#endif

/* Checks and unpacks x (n x m double matrix, finite), y (n, finite) and
 * order (n x m, 0-based case indices, each condition's ascending order). */
static void read_nca_problem(SEXP x, SEXP y, SEXP order, nca_problem_t *np)
{
  if (TYPEOF(x) != REALSXP || TYPEOF(y) != REALSXP || TYPEOF(order) != INTSXP)
    error("internal error: NCA data must be double and the order integer");
  R_xlen_t n = XLENGTH(y);
  if (n < 1 || XLENGTH(x) % n != 0 || XLENGTH(order) != XLENGTH(x))
    error("internal error: NCA data of unequal lengths");
  if (XLENGTH(x) / n > INT_MAX) error("internal error: too many NCA conditions");
  np->n = n;
  np->n_cond = (int) (XLENGTH(x) / n);
  np->x = REAL_RO(x);
  np->y = REAL_RO(y);
  np->order = INTEGER_RO(order);
  for (R_xlen_t i = 0; i < n; i++)
    if (!R_FINITE(np->y[i])) error("internal error: a non-finite NCA outcome");
  for (int c = 0; c < np->n_cond; c++) {
    const double *xc = np->x + (size_t) c * n;
    const int *oc = np->order + (size_t) c * n;
    for (R_xlen_t i = 0; i < n; i++) {
      if (!R_FINITE(xc[i])) error("internal error: a non-finite NCA condition");
      if (oc[i] < 0 || oc[i] >= n) error("internal error: NCA order out of range");
      if (i > 0 && xc[oc[i]] < xc[oc[i - 1]]) error("internal error: NCA order not ascending");
    }
  }
}

/* The ceilings of every condition: an NCA_COLUMNS x m matrix (rows as
 * nca_ceilings() fills them), and the 0-based peers of each condition as a
 * list of integer vectors. */
SEXP iecpls_nca_ceilings(SEXP x, SEXP y, SEXP order)
{
  nca_problem_t np;
  read_nca_problem(x, y, order, &np);
  int *peer = (int *) R_alloc((size_t) np.n, sizeof(int));
  SEXP ans = PROTECT(allocVector(VECSXP, 2));
  SET_VECTOR_ELT(ans, 0, allocMatrix(REALSXP, NCA_COLUMNS, np.n_cond));
  SET_VECTOR_ELT(ans, 1, allocVector(VECSXP, np.n_cond));
  double *out = REAL(VECTOR_ELT(ans, 0));
  SEXP peers = VECTOR_ELT(ans, 1);
  for (int c = 0; c < np.n_cond; c++) {
    nca_ceilings(np.x + (size_t) c * np.n, np.y, np.n, np.order + (size_t) c * np.n, peer,
                 out + (size_t) c * NCA_COLUMNS);
    R_xlen_t k = (R_xlen_t) out[(size_t) c * NCA_COLUMNS + 5];
    SET_VECTOR_ELT(peers, c, allocVector(INTSXP, k));
    memcpy(INTEGER(VECTOR_ELT(peers, c)), peer, (size_t) k * sizeof(int));
  }
  SEXP names = PROTECT(allocVector(STRSXP, 2));
  SET_STRING_ELT(names, 0, mkChar("ceilings"));
  SET_STRING_ELT(names, 1, mkChar("peers"));
  setAttrib(ans, R_NamesSymbol, names);
  UNPROTECT(2);
  return ans;
}

/* Permutations for a batch of chunks: chunk c has chunk_sizes[c]
 * permutations of the outcome drawn from the stream seeds[, c]. Returns
 * list(stats = rows x 2m matrix: d CE-FDH of the m conditions, then d
 * CR-FDH; status = rows zeros), as the other resampling loops do. */
SEXP iecpls_nca_permutation(SEXP x, SEXP y, SEXP order, SEXP seeds, SEXP chunk_sizes, SEXP threads)
{
  nca_problem_t np;
  read_nca_problem(x, y, order, &np);
  if (np.n_cond > INT_MAX / 2) error("internal error: too many NCA conditions");
  int n_chunks = (int) XLENGTH(chunk_sizes), *first;
  const int *seed = read_chunks(seeds, chunk_sizes, &first), *sizes = INTEGER(chunk_sizes);
  int rows = first[n_chunks], nth = thread_count(asInteger(threads));
  double *out;
  int *status;
  SEXP ans = PROTECT(resample_result(rows, 2 * np.n_cond, &out, &status));
  memset(status, 0, (size_t) rows * sizeof(int));  /* a permutation never fails */
  nca_buffers_t *buffers = (nca_buffers_t *) R_alloc((size_t) nth, sizeof(nca_buffers_t));
  for (int t = 0; t < nth; t++) {
    buffers[t].y = (double *) R_alloc((size_t) np.n, sizeof(double));
    buffers[t].peer = (int *) R_alloc((size_t) np.n, sizeof(int));
  }
  const nca_problem_t *pp = &np;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(dynamic) if (nth > 1) default(none) \
  shared(buffers, out) firstprivate(pp, n_chunks, seed, first, sizes, rows)
#endif
  for (int c = 0; c < n_chunks; c++)
    nca_permutation_chunk(pp, seed + 6 * (size_t) c, first[c], sizes[c], buffers + thread_id(), out, rows);
  R_CheckUserInterrupt();  /* once per batch, after the parallel region (see iecpls_bootstrap) */
  UNPROTECT(1);
  return ans;
}
