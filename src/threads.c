/* The package's one thread policy. A parallel loop may use what R asked
 * for, capped by OMP_THREAD_LIMIT (CRAN sets it to 2) and by what OpenMP
 * offers; without OpenMP, or in a forked child, everything runs on one
 * thread. */
#include "iecpls.h"
#include <stdlib.h>
#ifdef _OPENMP
# include <omp.h>
#endif
#ifndef _WIN32
# include <pthread.h>
#endif

/* GNU OpenMP's thread pool does not survive fork(): a child (mclapply,
 * future's multicore plan) that opens a parallel region after the parent
 * has used one waits forever for threads that were not copied. As in
 * data.table (avoid_openmp_hang_within_fork), a child runs single-threaded
 * and its loops never enter an OpenMP region (see thread_count()). */
static volatile int forked_child = 0;

static void after_fork_in_child(void)
{
  forked_child = 1;
}

void thread_policy_init(void)
{
#ifndef _WIN32
  pthread_atfork(NULL, NULL, &after_fork_in_child);
#endif
}

int thread_count(int requested)
{
  int threads = requested < 1 ? 1 : requested;
  if (forked_child) return 1;
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
