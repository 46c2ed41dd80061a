/* The package's one thread policy. A parallel loop uses the number of
 * threads R asks for (the `cores` argument, default option iecpls.cores),
 * capped by OMP_THREAD_LIMIT as the environment holds it now (CRAN sets it
 * to 2; R's Sys.setenv() changes it after OpenMP has read it at start-up),
 * by OpenMP's own thread limit (omp_get_thread_limit()) and by the
 * processors OpenMP sees (omp_get_num_procs()). Without OpenMP, or in a
 * forked child, every loop runs on one thread. R asks C for this count
 * (iecpls_thread_policy, call_threads.c) instead of computing it again, and
 * every `omp parallel` region takes its thread count from thread_count()
 * (checked by tests/testthat/test-threads.R). */
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
 * and its loops never enter an OpenMP region (see thread_policy()). */
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

/* Lowers p->threads to `cap` when that is a limit (positive) below it, and
 * records why. */
static void apply_cap(thread_policy_t *p, int cap, int reason)
{
  if (cap > 0 && p->threads > cap) {
    p->threads = cap;
    p->reason = reason;
  }
}

void thread_policy(int requested, thread_policy_t *p)
{
  p->requested = requested < 1 ? 1 : requested;
  p->threads = p->requested;
  p->reason = THREADS_REQUESTED;
  p->forked_child = forked_child;
  p->env_limit = 0;
  p->omp_limit = 0;
  p->processors = 0;
#ifdef _OPENMP
  p->openmp = 1;
  const char *limit = getenv("OMP_THREAD_LIMIT");
  if (limit != NULL) {
    char *end;
    long value = strtol(limit, &end, 10);
    while (*end == ' ' || *end == '\t') end++;
    if (end != limit && *end == '\0' && value > 0) p->env_limit = value > INT_MAX ? INT_MAX : (int) value;
  }
  int omp_limit = omp_get_thread_limit();   /* INT_MAX when there is none */
  p->omp_limit = omp_limit < INT_MAX ? omp_limit : 0;
  p->processors = omp_get_num_procs();
  apply_cap(p, p->env_limit, THREADS_ENV_LIMIT);
  apply_cap(p, p->omp_limit, THREADS_OMP_LIMIT);
  apply_cap(p, p->processors, THREADS_PROCESSORS);
#else
  p->openmp = 0;
  apply_cap(p, 1, THREADS_NO_OPENMP);
#endif
  if (forked_child) apply_cap(p, 1, THREADS_FORKED_CHILD);
}

int thread_count(int requested)
{
  thread_policy_t p;
  thread_policy(requested, &p);
  return p.threads;
}

int thread_id(void)
{
#ifdef _OPENMP
  return omp_get_thread_num();
#else
  return 0;
#endif
}
