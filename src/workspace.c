/* Sizing and carving of the caller-owned workspace of one fit. The caller
 * allocates the three buffers (R_alloc on the main thread, one set per
 * thread), so the kernel itself never allocates. pls_work_init also works
 * out, once per model, which parts of S W the iterations need. */
#include "iecpls.h"

static size_t mode_b_inverse_size(const pls_model_t *m)
{
  size_t total = 0;
  for (int j = 0; j < m->K; j++) {
    if (m->mode[j] != MODE_B) continue;
    size_t pj = (size_t) (m->block_start[j + 1] - m->block_start[j]);
    total += pj * pj;
  }
  return total;
}

static size_t largest_block(const pls_model_t *m)
{
  size_t largest = 1;
  for (int j = 0; j < m->K; j++) {
    size_t pj = (size_t) (m->block_start[j + 1] - m->block_start[j]);
    if (pj > largest) largest = pj;
  }
  return largest;
}

void pls_work_size(const pls_model_t *m, size_t *n_double, size_t *n_size, size_t *n_int)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  *n_double = p + mode_b_inverse_size(m) + largest_block(m) + 2 * K * K + K;
  *n_size = K;
  *n_int = 3 * K + (K + 1) + 3 * K * K;
}

static int adjacent(const pls_model_t *m, int a, int b)
{
  size_t K = (size_t) m->K;
  return m->inner[(size_t) a + K * (size_t) b] != 0 || m->inner[(size_t) b + K * (size_t) a] != 0;
}

/* Whether a and b are predecessors of a common construct: the path
 * scheme's regressions then read their correlation. */
static int share_successor(const pls_model_t *m, int a, int b)
{
  size_t K = (size_t) m->K;
  for (int j = 0; j < m->K; j++)
    if (m->inner[(size_t) a + K * (size_t) j] && m->inner[(size_t) b + K * (size_t) j]) return 1;
  return 0;
}

/* The correlations the inner estimation reads, and the rows of S W they and
 * the Mode A targets come from. A Mode A block j takes its target from the
 * rows of block j in the columns of its adjacent constructs, so adjacency
 * is needed both ways; a correlation r_ab (a < b) is read off the rows of
 * block a in column b. */
static void plan_partners(const pls_model_t *m, pls_work_t *ws)
{
  int K = m->K, count = 0;
  ws->n_pairs = 0;
  for (int b = 0; b < K; b++) {
    ws->partner_start[b] = count;
    for (int a = 0; a < K; a++) {
      if (a == b) continue;
      int linked = adjacent(m, a, b);
      int read = linked || (m->scheme == SCHEME_PATH && share_successor(m, a, b));
      if (linked || (read && a < b)) ws->partner[count++] = a;
      if (read && a < b) {
        ws->pair_a[ws->n_pairs] = a;
        ws->pair_b[ws->n_pairs] = b;
        ws->n_pairs++;
      }
    }
  }
  ws->partner_start[K] = count;
}

void pls_work_init(const pls_model_t *m, pls_work_t *ws, double *dbuf, size_t *sbuf, int *ibuf)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  ws->weights_old = dbuf;            dbuf += p;
  ws->inner_weights = dbuf;          dbuf += K * K;
  ws->small_matrix = dbuf;           dbuf += K * K;
  ws->small_vector = dbuf;           dbuf += K;
  ws->block_vector = dbuf;           dbuf += largest_block(m);
  ws->block_inverse = dbuf;
  ws->inverse_offset = sbuf;
  ws->small_index = ibuf;            ibuf += K;
  ws->small_pivot = ibuf;            ibuf += K;
  ws->factored_index = ibuf;         ibuf += K;
  ws->factored_count = -1;
  ws->partner_start = ibuf;          ibuf += K + 1;
  ws->partner = ibuf;                ibuf += K * K;
  ws->pair_a = ibuf;                 ibuf += K * K;
  ws->pair_b = ibuf;
  size_t offset = 0;
  for (int j = 0; j < m->K; j++) {
    ws->inverse_offset[j] = offset;
    if (m->mode[j] == MODE_B) {
      size_t pj = (size_t) (m->block_start[j + 1] - m->block_start[j]);
      offset += pj * pj;
    }
  }
  plan_partners(m, ws);
}

/* The doubles of one pls_result_t, and its arrays carved from dbuf (returns
 * the first double after them). */
size_t pls_result_size(const pls_model_t *m)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  return 2 * p + p * K + 2 * K * K + 2 * K;
}

double *pls_result_init(const pls_model_t *m, pls_result_t *res, double *dbuf)
{
  size_t p = (size_t) m->p, K = (size_t) m->K;
  res->weights = dbuf;         dbuf += p;
  res->cross_loadings = dbuf;  dbuf += p * K;
  res->construct_cor = dbuf;   dbuf += K * K;
  res->path_coef = dbuf;       dbuf += K * K;
  res->r2 = dbuf;              dbuf += K;
  res->loadings = dbuf;        dbuf += p;
  res->rho_a = dbuf;           dbuf += K;
  return dbuf;
}
