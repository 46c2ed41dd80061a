/* Random streams for resampling: L'Ecuyer's MRG32k3a, the generator behind
 * R's "L'Ecuyer-CMRG" kind and parallel::nextRNGStream(). Each chunk of
 * resamples gets its own stream (six 32-bit seeds prepared in R), so the
 * draws of a chunk do not depend on which thread, process or machine runs it,
 * and no R API is needed inside threads. The recurrence is exactly R's
 * (src/main/RNG.c), so stream_unif() reproduces runif() for the same seed. */
#include "iecpls.h"
#include <stdint.h>

#define MRG_M1 4294967087LL
#define MRG_M2 4294944443LL
#define MRG_NORM 2.328306549295727688e-10

void stream_init(rng_stream_t *s, const int *seed)
{
  for (int i = 0; i < 6; i++) s->state[i] = (uint32_t) seed[i];
}

/* One step; returns an integer in 1 .. MRG_M1 - 1. */
static int64_t stream_next(rng_stream_t *s)
{
  uint32_t *x = s->state;
  int64_t p1 = 1403580LL * (int64_t) x[1] - 810728LL * (int64_t) x[0];
  p1 %= MRG_M1;
  if (p1 < 0) p1 += MRG_M1;
  x[0] = x[1]; x[1] = x[2]; x[2] = (uint32_t) p1;
  int64_t p2 = 527612LL * (int64_t) x[5] - 1370589LL * (int64_t) x[3];
  p2 %= MRG_M2;
  if (p2 < 0) p2 += MRG_M2;
  x[3] = x[4]; x[4] = x[5]; x[5] = (uint32_t) p2;
  return p1 > p2 ? p1 - p2 : p1 - p2 + MRG_M1;
}

double stream_unif(rng_stream_t *s)
{
  return (double) stream_next(s) * MRG_NORM;
}

/* Uniform integer in 0 .. n - 1 without modulo bias (rejection of the top
 * partial range); n < 2^32 - 209. */
R_xlen_t stream_index(rng_stream_t *s, R_xlen_t n)
{
  const int64_t range = MRG_M1 - 1;          /* outputs minus one: 0 .. range - 1 */
  const int64_t limit = range - range % (int64_t) n;
  int64_t x;
  do x = stream_next(s) - 1; while (x >= limit);
  return (R_xlen_t) (x % (int64_t) n);
}
