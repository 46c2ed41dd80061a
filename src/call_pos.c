/* .Call entry point of prediction-oriented segmentation (pos.c): the random
 * starts, each from its own MRG32k3a stream (R/rng.R), in OpenMP threads,
 * in batches of one start per thread with an interrupt check between
 * batches; each thread with its own workspace, allocated here. */
#include "iecpls.h"

static const char *pos_names[] = {"labels", "start", "history", "objective", "passes", "converged", "ok"};

/* Zt: p x n standardized data (block order); spec: the model; endogenous:
 * 0-based constructs; settings: integer (segments, min_size, max_iter,
 * search_depth); seeds: 6 x starts integer. Returns list(labels, start: n x
 * starts 1-based segments; history: (max_iter + 1) x starts; objective,
 * passes, converged, ok: one per start, ok FALSE for a start whose random
 * partition cannot be fitted). */
SEXP iecpls_pos(SEXP Zt, SEXP spec, SEXP endogenous, SEXP settings, SEXP seeds, SEXP threads)
{
  if (!isReal(Zt) || !isMatrix(Zt)) error("internal error: 'Zt' must be a double matrix");
  if (TYPEOF(endogenous) != INTSXP || TYPEOF(settings) != INTSXP || XLENGTH(settings) != 4 ||
      TYPEOF(seeds) != INTSXP || !isMatrix(seeds) || nrows(seeds) != 6)
    error("internal error: bad PLS-POS arguments");
  pls_model_t m;
  read_model(spec, nrows(Zt), &m);
  pos_problem_t problem;
  const int *set = INTEGER_RO(settings);
  problem.model = &m;
  problem.Zt = REAL_RO(Zt);
  problem.n = ncols(Zt);
  problem.segments = set[0];
  problem.min_size = set[1];
  problem.max_iter = set[2];
  problem.search_depth = set[3];
  problem.n_endogenous = (int) XLENGTH(endogenous);
  problem.endogenous = INTEGER_RO(endogenous);
  if (problem.segments < 2 || problem.min_size < 1 || problem.max_iter < 1 || problem.search_depth < 1 ||
      (R_xlen_t) problem.segments * problem.min_size > problem.n || problem.n_endogenous < 1)
    error("internal error: bad PLS-POS settings");
  for (int b = 0; b < problem.n_endogenous; b++)
    if (problem.endogenous[b] < 0 || problem.endogenous[b] >= m.K) error("internal error: bad endogenous construct");
  int starts = ncols(seeds), requested = asInteger(threads);
  if (requested > starts) requested = starts;   /* one start per thread at a time */
  int nth = thread_count(requested);
  R_xlen_t n = problem.n;
  int H = problem.max_iter + 1;
  SEXP ans = PROTECT(allocVector(VECSXP, 7));
  SET_VECTOR_ELT(ans, 0, allocMatrix(INTSXP, (int) n, starts));
  SET_VECTOR_ELT(ans, 1, allocMatrix(INTSXP, (int) n, starts));
  SET_VECTOR_ELT(ans, 2, allocMatrix(REALSXP, H, starts));
  SET_VECTOR_ELT(ans, 3, allocVector(REALSXP, starts));
  SET_VECTOR_ELT(ans, 4, allocVector(INTSXP, starts));
  SET_VECTOR_ELT(ans, 5, allocVector(LGLSXP, starts));
  SET_VECTOR_ELT(ans, 6, allocVector(LGLSXP, starts));
  SEXP names = PROTECT(allocVector(STRSXP, 7));
  for (int k = 0; k < 7; k++) SET_STRING_ELT(names, k, mkChar(pos_names[k]));
  setAttrib(ans, R_NamesSymbol, names);
  int *labels = INTEGER(VECTOR_ELT(ans, 0)), *start = INTEGER(VECTOR_ELT(ans, 1)),
      *passes = INTEGER(VECTOR_ELT(ans, 4)), *converged = LOGICAL(VECTOR_ELT(ans, 5)),
      *ok = LOGICAL(VECTOR_ELT(ans, 6));
  double *history = REAL(VECTOR_ELT(ans, 2)), *objective = REAL(VECTOR_ELT(ans, 3));
  const int *seed = INTEGER_RO(seeds);
  size_t nd, ni;
  pos_work_size(&problem, &nd, &ni);
  pos_work_t *work = (pos_work_t *) R_alloc((size_t) nth, sizeof(pos_work_t));
  for (int t = 0; t < nth; t++) {
    pls_work_t ws;
    alloc_work(&m, &ws);
    work[t].results = (pls_result_t *) R_alloc(2 * (size_t) problem.segments + 2, sizeof(pls_result_t));
    pos_work_init(&problem, work + t, ws, (double *) R_alloc(nd, sizeof(double)), (int *) R_alloc(ni, sizeof(int)));
  }
  const pos_problem_t *pp = &problem;
  for (int first = 0; first < starts; first += nth) {
    int last = first + nth < starts ? first + nth : starts;
#ifdef _OPENMP
#pragma omp parallel for num_threads(nth) schedule(static, 1) if (nth > 1) default(none) \
  shared(work, labels, start, history, objective, passes, converged, ok) \
  firstprivate(pp, seed, first, last, n, H)
#endif
    for (int s = first; s < last; s++)
      pos_start(pp, seed + 6 * (size_t) s, work + thread_id(), start + (size_t) s * (size_t) n,
                labels + (size_t) s * (size_t) n, history + (size_t) s * (size_t) H, objective + s, passes + s,
                converged + s, ok + s);
    R_CheckUserInterrupt();  /* between batches, after the parallel region */
  }
  for (R_xlen_t k = 0; k < n * (R_xlen_t) starts; k++) {
    labels[k]++;
    start[k]++;
  }
  UNPROTECT(2);
  return ans;
}
