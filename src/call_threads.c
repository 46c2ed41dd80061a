/* .Call entry point of the thread policy (threads.c): R asks here how many
 * threads a loop would use, so the caps are computed in one place. */
#include "iecpls.h"

/* `cores` a positive number (checked in R; larger than INT_MAX means
 * INT_MAX). Returns list(threads, requested, reason, openmp, forked_child,
 * env_limit, omp_limit, processors): integers, with NA for a limit that
 * is not set and processors NA without OpenMP; `reason` is enum
 * thread_reason, openmp and forked_child are logical. */
SEXP iecpls_thread_policy(SEXP cores)
{
  double wanted = asReal(cores);
  if (ISNAN(wanted) || wanted < 1.0) error("internal error: bad number of cores");
  thread_policy_t p;
  thread_policy(wanted >= (double) INT_MAX ? INT_MAX : (int) wanted, &p);
  const char *names[] = {"threads", "requested", "reason", "openmp", "forked_child", "env_limit",
                         "omp_limit", "processors", ""};
  SEXP ans = PROTECT(mkNamed(VECSXP, names));
  SET_VECTOR_ELT(ans, 0, ScalarInteger(p.threads));
  SET_VECTOR_ELT(ans, 1, ScalarInteger(p.requested));
  SET_VECTOR_ELT(ans, 2, ScalarInteger(p.reason));
  SET_VECTOR_ELT(ans, 3, ScalarLogical(p.openmp));
  SET_VECTOR_ELT(ans, 4, ScalarLogical(p.forked_child));
  SET_VECTOR_ELT(ans, 5, ScalarInteger(p.env_limit > 0 ? p.env_limit : NA_INTEGER));
  SET_VECTOR_ELT(ans, 6, ScalarInteger(p.omp_limit > 0 ? p.omp_limit : NA_INTEGER));
  SET_VECTOR_ELT(ans, 7, ScalarInteger(p.processors > 0 ? p.processors : NA_INTEGER));
  UNPROTECT(1);
  return ans;
}
