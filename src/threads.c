/* The number of threads a parallel loop may use: what R asked for, capped by
 * OMP_THREAD_LIMIT (CRAN sets it to 2) and by what OpenMP offers. Without
 * OpenMP everything runs on one thread. */
#include "iecpls.h"
#include <stdlib.h>
#ifdef _OPENMP
# include <omp.h>
#endif

int thread_count(int requested)
{
  int threads = requested < 1 ? 1 : requested;
#ifdef _OPENMP
  const char *limit = getenv("OMP_THREAD_LIMIT");
  if (limit != NULL) {
    int cap = atoi(limit);
    if (cap > 0 && threads > cap) threads = cap;
  }
  int available = omp_get_num_procs();
  if (available > 0 && threads > available) threads = available;
#else
  threads = 1;
#endif
  return threads;
}

int thread_id(void)
{
#ifdef _OPENMP
  return omp_get_thread_num();
#else
  return 0;
#endif
}
