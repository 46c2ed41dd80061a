/* Sizing and carving of the caller-owned workspace of one fit. The caller
 * allocates the three buffers (R_alloc on the main thread, one set per
 * thread), so the kernel itself never allocates. */
#include "iecpls.h"

static size_t mode_b_chol_size(const pls_model_t *m)
{
  size_t total = 0;
  for (int j = 0; j < m->K; j++) {
    if (m->mode[j] != MODE_B) continue;
    size_t pj = (size_t) (m->block_start[j + 1] - m->block_start[j]);
    total += pj * pj;
  }
  return total;
}

void pls_work_size(const pls_model_t *m, size_t *n_double, size_t *n_size, size_t *n_int)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  *n_double = p + mode_b_chol_size(m) + 2 * K * K + K;
  *n_size = K;
  *n_int = K;
}

void pls_work_init(const pls_model_t *m, pls_work_t *ws, double *dbuf, size_t *sbuf, int *ibuf)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  ws->weights_old = dbuf;            dbuf += p;
  ws->inner_weights = dbuf;          dbuf += K * K;
  ws->small_matrix = dbuf;           dbuf += K * K;
  ws->small_vector = dbuf;           dbuf += K;
  ws->block_chol = dbuf;
  ws->chol_offset = sbuf;
  ws->small_index = ibuf;
  size_t offset = 0;
  for (int j = 0; j < m->K; j++) {
    ws->chol_offset[j] = offset;
    if (m->mode[j] == MODE_B) {
      size_t pj = (size_t) (m->block_start[j + 1] - m->block_start[j]);
      offset += pj * pj;
    }
  }
}
