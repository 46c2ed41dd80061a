/* Multi-stage estimation (see staged_t in iecpls.h): from the case
 * frequencies of one sample (the full sample's case weights, a bootstrap
 * resample, a leave-one-out subsample) to the correlation matrix of the
 * final model's indicators, stage 1 included. One pass over the drawn rows
 * forms the base moments (accumulate_cross); stage 1 is fitted from them;
 * a second pass forms the derived columns case by case and accumulates
 * their cross-products with each other and with the base columns (no pass
 * is needed when they are all stage-1 scores, linear in the base columns:
 * linear_derived_moments); the
 * orthogonalizing residuals are then taken algebraically from those
 * cross-products, so no third pass is needed. SEXP-free and allocation-free:
 * every buffer is the caller's (staged_buffer_init), so resamples run in
 * parallel threads. */
#include "iecpls.h"

static int largest_residual_set(const staged_t *sg)
{
  int r = 0;
  for (int k = 0; k < sg->q; k++) {
    int len = sg->residual_start[k + 1] - sg->residual_start[k];
    if (len > r) r = len;
  }
  return r;
}

void staged_buffer_size(const staged_t *sg, size_t *n_double, size_t *n_size, size_t *n_int)
{
  size_t p0 = (size_t) sg->p0, q = (size_t) sg->q, P = p0 + q, r = (size_t) largest_residual_set(sg);
  size_t nd = 0, ns = 0, ni = 0;
  if (sg->has_first) {
    size_t p1 = (size_t) sg->first.p;
    pls_work_size(&sg->first, &nd, &ns, &ni);
    nd += pls_result_size(&sg->first) + p1 * p1;   /* res1, S1 */
  }
  if (sg->has_second) {
    size_t p2 = (size_t) sg->second.p, nd2, ns2, ni2;
    pls_work_size(&sg->second, &nd2, &ns2, &ni2);
    nd += nd2 + pls_result_size(&sg->second) + p2 * p2 + (size_t) sg->first.K;   /* ws2, res2, S2, rho1 */
    ns += ns2;
    ni += ni2;
  }
  nd += p0 + p0 * p0 + P * P + 2 * p0 + p0 + q + q + 2 * q * p0 + 2 * q * q
      + (size_t) sg->residual_start[sg->q] + r * r + r;
  *n_double = nd;
  *n_size = ns;
  *n_int = ni;
}

void staged_buffer_init(const staged_t *sg, staged_buffers_t *b, double *dbuf, size_t *sbuf, int *ibuf)
{
  size_t p0 = (size_t) sg->p0, q = (size_t) sg->q, P = p0 + q, r = (size_t) largest_residual_set(sg);
  if (sg->has_first) {
    size_t p1 = (size_t) sg->first.p, nd, ns, ni;
    pls_work_size(&sg->first, &nd, &ns, &ni);
    pls_work_init(&sg->first, &b->ws1, dbuf, sbuf, ibuf);
    dbuf = pls_result_init(&sg->first, &b->res1, dbuf + nd);
    sbuf += ns;
    ibuf += ni;
    b->S1 = dbuf;                   dbuf += p1 * p1;
  }
  if (sg->has_second) {
    size_t p2 = (size_t) sg->second.p, nd, ns, ni;
    pls_work_size(&sg->second, &nd, &ns, &ni);
    pls_work_init(&sg->second, &b->ws2, dbuf, sbuf, ibuf);
    dbuf = pls_result_init(&sg->second, &b->res2, dbuf + nd);
    b->S2 = dbuf;                   dbuf += p2 * p2;
    b->rho1 = dbuf;                 dbuf += (size_t) sg->first.K;
  }
  b->sums0 = dbuf;    dbuf += p0;
  b->cross0 = dbuf;   dbuf += p0 * p0;
  b->cov = dbuf;      dbuf += P * P;
  b->mean0 = dbuf;    dbuf += p0;
  b->rsd0 = dbuf;     dbuf += p0;
  b->z = dbuf;        dbuf += p0;
  b->d = dbuf;        dbuf += q;
  b->dsum = dbuf;     dbuf += q;
  b->dbase = dbuf;    dbuf += q * p0;
  b->newbase = dbuf;  dbuf += q * p0;
  b->dcross = dbuf;   dbuf += q * q;
  b->square = dbuf;   dbuf += q * q;
  b->beta = dbuf;     dbuf += (size_t) sg->residual_start[sg->q];
  b->solve = dbuf;    dbuf += r * r + r;
}

/* Score of construct j of the stage-1 model for one case, from the case's
 * standardized base values z. */
static double stage1_score(const staged_t *sg, const double *weights, const double *z, int j)
{
  double s = 0.0;
  for (int x = sg->first.block_start[j]; x < sg->first.block_start[j + 1]; x++)
    s += weights[x] * z[sg->first_column[x]];
  return s;
}

/* The derived values of one case (d, q values) from its standardized base
 * values z; orthogonal columns are the raw products here. */
static double case_derived_column(const staged_t *sg, const double *first_weights, const double *z, int k)
{
  switch (sg->kind[k]) {
  case DERIVED_SCORE_PRODUCT:
    return stage1_score(sg, first_weights, z, sg->a[k]) * stage1_score(sg, first_weights, z, sg->b[k]);
  case DERIVED_SCORE:
    return stage1_score(sg, first_weights, z, sg->a[k]);
  default:
    return z[sg->a[k]] * z[sg->b[k]];
  }
}

static void case_derived(const staged_t *sg, const double *first_weights, const double *z, double *d)
{
  for (int k = 0; k < sg->q; k++) d[k] = case_derived_column(sg, first_weights, z, k);
}

/* Orthogonalizing: the coefficients of each product on its residual set
 * (in Zt units), and the centred cross-products of the residuals with the
 * base and derived columns, written over those of the raw products. */
static int orthogonalize(const staged_t *sg, staged_buffers_t *b, int *bad)
{
  size_t p0 = (size_t) sg->p0, q = (size_t) sg->q, P = p0 + q;
  double *cov = b->cov;
  int any = 0;
  for (size_t k = 0; k < q; k++) {
    int start = sg->residual_start[k], r = sg->residual_start[k + 1] - start;
    if (r == 0) continue;
    any = 1;
    const int *set = sg->residual_column + start;
    double *A = b->solve, *beta = b->beta + start;
    for (int u = 0; u < r; u++) {
      for (int v = 0; v < r; v++) A[u + r * v] = cov[(size_t) set[u] + P * (size_t) set[v]];
      beta[u] = cov[(size_t) set[u] + P * (p0 + k)];
    }
    if (chol_factor(A, r) != 0) {
      *bad = (int) k;
      return PLS_ERR_PRODUCT_SINGULAR;
    }
    chol_solve(A, r, beta);
    /* residual with the base columns (zero, up to rounding, on the set) */
    for (size_t j = 0; j < p0; j++) {
      double c = cov[j + P * (p0 + k)];
      for (int u = 0; u < r; u++) c -= beta[u] * cov[(size_t) set[u] + P * j];
      b->newbase[k * p0 + j] = c;
    }
    /* residual with the raw derived columns */
    for (size_t l = 0; l < q; l++) {
      double c = cov[(p0 + k) + P * (p0 + l)];
      for (int u = 0; u < r; u++) c -= beta[u] * cov[(size_t) set[u] + P * (p0 + l)];
      b->square[k * q + l] = c;
    }
  }
  if (!any) return PLS_OK;
  for (size_t k = 0; k < q; k++) {
    int rk = sg->residual_start[k + 1] - sg->residual_start[k];
    for (size_t l = 0; l <= k; l++) {
      int start_l = sg->residual_start[l], rl = sg->residual_start[l + 1] - start_l;
      double c;
      if (rk > 0 && rl > 0) {
        c = b->square[k * q + l];
        for (int u = 0; u < rl; u++)
          c -= b->beta[start_l + u] * b->newbase[k * p0 + (size_t) sg->residual_column[start_l + u]];
      } else if (rk > 0) {
        c = b->square[k * q + l];
      } else if (rl > 0) {
        c = b->square[l * q + k];
      } else {
        continue;
      }
      b->dcross[k * q + l] = c;
    }
  }
  for (size_t k = 0; k < q; k++) {
    int rk = sg->residual_start[k + 1] - sg->residual_start[k];
    if (rk > 0)
      for (size_t j = 0; j < p0; j++) cov[j + P * (p0 + k)] = cov[(p0 + k) + P * j] = b->newbase[k * p0 + j];
    for (size_t l = 0; l <= k; l++) {
      int rl = sg->residual_start[l + 1] - sg->residual_start[l];
      if (rk == 0 && rl == 0) continue;
      cov[(p0 + k) + P * (p0 + l)] = cov[(p0 + l) + P * (p0 + k)] = b->dcross[k * q + l];
    }
  }
  return PLS_OK;
}

/* The correlation matrix S (p x p) of the final model's indicators in the
 * sample with case frequencies `freq` (n; 0 for a row not in the sample).
 * Returns PLS_OK or a status: STATUS_CONSTANT_COLUMN when a base or derived
 * column does not vary, the stage-1 fit's failure (STATUS_NOT_CONVERGED when
 * it did not converge), or PLS_ERR_PRODUCT_SINGULAR (*bad: the derived
 * column). Leaves in b what derived_moments() and the full-sample fit read
 * (mean0, rsd0, the stage-1 fit, beta, cov, N). */
int staged_correlation(const staged_t *sg, const double *Zt, R_xlen_t n, const double *freq,
                       staged_buffers_t *b, double *S, int *bad)
{
  accumulate_cross(Zt, n, sg->p0, freq, b->sums0, b->cross0, &b->N);
  return staged_correlation_from_moments(sg, Zt, n, freq, b, S, bad);
}

/* The derived columns' centred cross-products when every one is a stage-1
 * score (sg->linear): a score is a linear combination of the base columns,
 * sum_c coef[c] (z_c - mean_c), so its cross-products follow from the base
 * ones without a pass over the data. */
static void linear_derived_moments(const staged_t *sg, staged_buffers_t *b, const double *first_weights)
{
  size_t p0 = (size_t) sg->p0, q = (size_t) sg->q, P = p0 + q;
  double *cov = b->cov, *coef = b->newbase;
  for (size_t k = 0; k < q; k++) {
    double *ck = coef + k * p0;
    for (size_t c = 0; c < p0; c++) ck[c] = 0.0;
    int a = sg->a[k];
    for (int x = sg->first.block_start[a]; x < sg->first.block_start[a + 1]; x++) {
      size_t c = (size_t) sg->first_column[x];
      ck[c] += first_weights[x] * b->rsd0[c];
    }
    b->dsum[k] = 0.0;
    for (size_t j = 0; j < p0; j++) {
      double v = 0.0;
      for (size_t c = 0; c < p0; c++) v += ck[c] * cov[c + P * j];
      cov[j + P * (p0 + k)] = cov[(p0 + k) + P * j] = v;
    }
  }
  for (size_t k = 0; k < q; k++)
    for (size_t l = 0; l <= k; l++) {
      double v = 0.0;
      for (size_t j = 0; j < p0; j++) v += coef[l * p0 + j] * cov[j + P * (p0 + k)];
      cov[(p0 + k) + P * (p0 + l)] = cov[(p0 + l) + P * (p0 + k)] = v;
    }
}

/* staged_correlation() from the base moments already in b (sums0, cross0,
 * N): the jackknife downdates the full sample's instead of accumulating. */
int staged_correlation_from_moments(const staged_t *sg, const double *Zt, R_xlen_t n, const double *freq,
                                    staged_buffers_t *b, double *S, int *bad)
{
  size_t p0 = (size_t) sg->p0, q = (size_t) sg->q, P = p0 + q;
  double N = b->N, *cov = b->cov;
  *bad = -1;
  if (!(N > 1.0)) return STATUS_CONSTANT_COLUMN;
  for (size_t k = 0; k < p0; k++)
    for (size_t l = 0; l <= k; l++)
      cov[k + P * l] = cov[l + P * k] = b->cross0[p0 * k + l] - b->sums0[k] * b->sums0[l] / N;
  for (size_t k = 0; k < p0; k++) {
    double ss = cov[k + P * k];
    if (!(ss > 1e-12 * N)) return STATUS_CONSTANT_COLUMN;
    b->mean0[k] = b->sums0[k] / N;
    b->rsd0[k] = sqrt((N - 1.0) / ss);
  }
  const double *first_weights = NULL;
  if (sg->has_first) {
    size_t p1 = (size_t) sg->first.p;
    for (size_t x = 0; x < p1; x++) {
      size_t cx = (size_t) sg->first_column[x];
      for (size_t y = 0; y < p1; y++) {
        size_t cy = (size_t) sg->first_column[y];
        b->S1[x + p1 * y] = x == y ? 1.0
          : cov[cx + P * cy] * b->rsd0[cx] * b->rsd0[cy] / (N - 1.0);
      }
    }
    int status = pls_fit_cor(&sg->first, b->S1, &b->ws1, &b->res1);
    if (status == PLS_OK && !b->res1.converged) status = STATUS_NOT_CONVERGED;
    if (status != PLS_OK) return status;
    first_weights = b->res1.weights;
  }
  if (sg->linear) {
    linear_derived_moments(sg, b, first_weights);
  } else {
    /* the derived columns, case by case */
    for (size_t k = 0; k < q; k++) {
      b->dsum[k] = 0.0;
      for (size_t j = 0; j < p0; j++) b->dbase[k * p0 + j] = 0.0;
      for (size_t l = 0; l < q; l++) b->dcross[k * q + l] = 0.0;
    }
    for (R_xlen_t i = 0; i < n; i++) {
      double f = freq[i];
      if (f == 0.0) continue;
      const double *zi = Zt + p0 * (size_t) i;
      for (size_t j = 0; j < p0; j++) b->z[j] = (zi[j] - b->mean0[j]) * b->rsd0[j];
      case_derived(sg, first_weights, b->z, b->d);
      for (size_t k = 0; k < q; k++) {
        double fd = f * b->d[k], *row = b->dbase + k * p0;
        b->dsum[k] += fd;
        for (size_t j = 0; j < p0; j++) row[j] += fd * zi[j];
        for (size_t l = 0; l <= k; l++) b->dcross[k * q + l] += fd * b->d[l];
      }
    }
    for (size_t k = 0; k < q; k++) {
      for (size_t j = 0; j < p0; j++)
        cov[j + P * (p0 + k)] = cov[(p0 + k) + P * j] = b->dbase[k * p0 + j] - b->dsum[k] * b->sums0[j] / N;
      for (size_t l = 0; l <= k; l++)
        cov[(p0 + k) + P * (p0 + l)] = cov[(p0 + l) + P * (p0 + k)] =
          b->dcross[k * q + l] - b->dsum[k] * b->dsum[l] / N;
    }
  }
  int status = orthogonalize(sg, b, bad);
  if (status != PLS_OK) return status;
  for (size_t k = p0; k < P; k++)
    if (!(cov[k + P * k] > 1e-12 * N)) return STATUS_CONSTANT_COLUMN;
  size_t p = (size_t) sg->p;
  for (size_t x = 0; x < p; x++) {
    size_t cx = (size_t) sg->final_column[x];
    for (size_t y = 0; y < x; y++) {
      size_t cy = (size_t) sg->final_column[y];
      S[x + p * y] = S[y + p * x] = cov[cx + P * cy] / sqrt(cov[cx + P * cx] * cov[cy + P * cy]);
    }
    S[x + p * x] = 1.0;
  }
  return PLS_OK;
}

/* Means and standard deviations (denominator N - 1) of the derived columns
 * in the sample staged_correlation() last saw, as derived_values() forms
 * them (orthogonal columns: the product minus beta times the base columns
 * in Zt units, without intercept). */
void derived_moments(const staged_t *sg, const staged_buffers_t *b, double *mean, double *sd)
{
  size_t p0 = (size_t) sg->p0, P = p0 + (size_t) sg->q;
  for (int k = 0; k < sg->q; k++) {
    double m = b->dsum[k] / b->N;
    for (int u = sg->residual_start[k]; u < sg->residual_start[k + 1]; u++)
      m -= b->beta[u] * b->sums0[sg->residual_column[u]] / b->N;
    mean[k] = m;
    sd[k] = sqrt(b->cov[(p0 + (size_t) k) * (P + 1)] / (b->N - 1.0));
  }
}

/* The derived columns of n cases (out: n x q, column-major) from their base
 * values in Zt units (p0 x n), standardized as in the fitted sample (mean0,
 * rsd0), with that sample's stage-1 weights and residual coefficients. Used
 * for the full sample's construct scores and for new data (predict). z: p0
 * scratch. */
void derived_values(const staged_t *sg, const double *Zt, R_xlen_t n, const double *mean0,
                    const double *rsd0, const double *first_weights, const double *beta, double *z,
                    double *out)
{
  size_t p0 = (size_t) sg->p0, nn = (size_t) n;
  for (size_t i = 0; i < nn; i++) {
    const double *zi = Zt + p0 * i;
    for (size_t j = 0; j < p0; j++) z[j] = (zi[j] - mean0[j]) * rsd0[j];
    for (int k = 0; k < sg->q; k++) {
      double d = case_derived_column(sg, first_weights, z, k);
      for (int u = sg->residual_start[k]; u < sg->residual_start[k + 1]; u++)
        d -= beta[u] * zi[sg->residual_column[u]];
      out[i + nn * (size_t) k] = d;
    }
  }
}

/* The reported construct that is construct `first` of the stage-1 model
 * (a dimension of a two-stage higher-order model), or -1. */
static int reported_dimension(const staged_t *sg, int K, int first)
{
  for (int d = 0; d < K; d++)
    if (sg->first_construct[d] == first) return d;
  return -1;
}

/* The weights (K x p0, row j for construct j) that form each composite of
 * a linear staged model (sg->linear: repeated indicators, two-stage
 * higher-order constructs) from the standardized base columns, from its
 * outer weights w (p, at stride `stride`): a base column's weight, summed
 * over its repeated copies in a block; a higher-order construct's weight on
 * a dimension's score times that dimension's weights (MICOM forms the
 * composites of every group with these on the pooled data). */
void staged_effective_weights(const staged_t *sg, const pls_model_t *m, const double *w, R_xlen_t stride,
                              double *e)
{
  size_t p0 = (size_t) sg->p0, K = (size_t) m->K;
  for (size_t i = 0; i < K * p0; i++) e[i] = 0.0;
  for (int pass = 0; pass < 2; pass++)
    for (int j = 0; j < m->K; j++)
      for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
        int column = sg->final_column[x];
        double wx = w[stride * (R_xlen_t) x];
        if (column < sg->p0) {
          if (pass == 0) e[(size_t) j * p0 + (size_t) column] += wx;
          continue;
        }
        if (pass == 0 || !sg->has_second) continue;
        int dimension = reported_dimension(sg, m->K, sg->a[column - sg->p0]);
        if (dimension < 0) continue;
        for (size_t c = 0; c < p0; c++) e[(size_t) j * p0 + c] += wx * e[(size_t) dimension * p0 + c];
      }
}

/* The product terms on the scale of the products rather than of unit
 * variance (seminr's adjust_interaction(); SmartPLS's unstandardized product
 * term): each block of derived columns gets the factor f = sum_x sd_x |l_x| /
 * sum_x |l_x| (sd_x the standard deviation of derived column x in the sample,
 * l_x its loading), its paths are divided by f, so they are per unit of the
 * product, and its score is multiplied by f (factor[j], 1 for the other
 * constructs; NULL when not wanted). R^2, loadings and correlations do not
 * change. Reads the sample's moments left in b by staged_correlation(). */
void unstandardize_products(const staged_t *sg, const pls_model_t *m, const staged_buffers_t *b,
                            pls_result_t *res, double *factor)
{
  size_t P = (size_t) (sg->p0 + sg->q), K = (size_t) m->K;
  for (int j = 0; j < m->K; j++) {
    if (factor != NULL) factor[j] = 1.0;
    int first = m->block_start[j];
    if (sg->final_column[first] < sg->p0) continue;
    double weighted = 0.0, total = 0.0;
    for (int x = first; x < m->block_start[j + 1]; x++) {
      size_t c = (size_t) sg->final_column[x];
      double l = fabs(res->loadings[x]);
      weighted += sqrt(b->cov[c * (P + 1)] / (b->N - 1.0)) * l;
      total += l;
    }
    double f = weighted / total;
    if (!(total > 0.0) || !R_FINITE(f) || !(f > 0.0)) continue;
    for (size_t to = 0; to < K; to++) res->path_coef[(size_t) j + K * to] /= f;
    if (factor != NULL) factor[j] = f;
  }
}

/* PLSc of a two-stage higher-order model (seminr's definition, van Riel
 * et al. 2017): a higher-order construct is a composite of its dimensions'
 * stage-1 scores, which carry the measurement error of the common factors
 * among them, so its reliability is w'S*w / w'Sw = 1 - sum_l w_l^2 (1 -
 * rho_l) (S the correlations of the scores, S* with the dimensions'
 * reliabilities rho_l on its diagonal, w'Sw = 1). Stage 2 was corrected with
 * the HOC as a composite (reliability 1, its `composite` flag); its
 * correlations are now divided by the square root of that reliability and
 * the paths re-estimated. Returns the status of the paths. */
static int correct_higher_order(const staged_t *sg, staged_buffers_t *b)
{
  const pls_model_t *m2 = &sg->second;
  pls_result_t *r = &b->res2;
  size_t K2 = (size_t) m2->K;
  int admissible = r->admissible, any = 0;
  for (int j = 0; j < m2->K; j++) {
    int first = m2->block_start[j];
    int column = sg->final_column[sg->second_indicator[first]];
    if (column < sg->p0) continue;   /* not a higher-order construct */
    double reliability = 1.0;
    for (int x = first; x < m2->block_start[j + 1]; x++) {
      int k = sg->final_column[sg->second_indicator[x]] - sg->p0;
      double w = r->weights[x];
      reliability -= w * w * (1.0 - b->rho1[sg->a[k]]);
    }
    r->rho_a[j] = reliability;
    if (!(reliability > 0.0) || !R_FINITE(reliability)) {
      r->admissible = 0;
      return PLS_OK;
    }
    if (reliability > 1.0) admissible = 0;
    double root = sqrt(reliability);
    for (size_t i = 0; i < K2; i++) {
      if (i == (size_t) j) continue;
      double v = r->construct_cor[i + K2 * (size_t) j] / root;
      r->construct_cor[i + K2 * (size_t) j] = r->construct_cor[(size_t) j + K2 * i] = v;
      if (fabs(v) > 1.0) admissible = 0;
    }
    any = 1;
  }
  if (!any) return PLS_OK;
  double *A = b->ws2.small_matrix;
  b->ws2.factored_count = -1;
  for (size_t i = 0; i < K2 * K2; i++) A[i] = r->construct_cor[i];
  if (chol_factor(A, m2->K) != 0) admissible = 0;
  int bad = -1;
  int status = path_coefficients(m2, r->construct_cor, &b->ws2, r->path_coef, r->r2, &bad, &admissible);
  r->admissible = admissible;
  if (status != PLS_OK) r->status_index = bad;
  return status;
}

/* Whether reported construct d is a dimension of reported construct h (its
 * block holds d's stage-1 score). */
static int is_own_dimension(const staged_t *sg, const pls_model_t *m, int d, int h)
{
  int from = sg->first_construct[d];
  if (from < 0) return 0;
  for (int x = m->block_start[h]; x < m->block_start[h + 1]; x++) {
    int column = sg->final_column[x];
    if (column >= sg->p0 && sg->a[column - sg->p0] == from) return 1;
  }
  return 0;
}

/* The final fit of a staged model from the correlation matrix S of its
 * indicators (staged_correlation). A two-stage higher-order model fits its
 * stage-2 model on the rows and columns of S it measures, and reports the
 * dimensions with their stage-1 weights and loadings (left in b by
 * staged_correlation) and everything else from stage 2; cross-loadings and
 * construct correlations are then those of all the reported composites in
 * S, so they include the dimensions (under PLSc, divided by the square
 * roots of the reliabilities, and stage 2's corrected ones). Other staged
 * models are one fit. */
int staged_final_fit(const staged_t *sg, const pls_model_t *m, const double *S, staged_buffers_t *b,
                     pls_work_t *ws, pls_result_t *res)
{
  if (!sg->has_second) return pls_fit_cor(m, S, ws, res);
  const pls_model_t *m2 = &sg->second, *m1 = &sg->first;
  size_t p = (size_t) m->p, K = (size_t) m->K, p2 = (size_t) m2->p, K2 = (size_t) m2->K;
  const int *at = sg->second_indicator, *sc = sg->second_construct;
  for (size_t x = 0; x < p2; x++)
    for (size_t y = 0; y < p2; y++) b->S2[x + p2 * y] = S[(size_t) at[x] + p * (size_t) at[y]];
  int status = pls_fit_cor(m2, b->S2, &b->ws2, &b->res2);
  if (status == PLS_OK && m->consistent) {
    for (int j = 0; j < m1->K; j++) b->rho1[j] = block_reliability(m1, j, b->res1.weights);
    status = correct_higher_order(sg, b);
    b->res2.status = status;
  }
  res->iterations = b->res2.iterations;
  res->converged = b->res2.converged;
  res->admissible = b->res2.admissible;
  res->status = status;
  res->status_index = -1;
  if (status != PLS_OK) {
    int bad = b->res2.status_index;
    if (bad >= 0 && bad < m2->K) res->status_index = sc[bad];
    return status;
  }
  for (size_t j = 0; j < K; j++) {
    int from = sg->first_construct[j];
    res->r2[j] = 0.0;
    res->rho_a[j] = from >= 0 && m->consistent ? b->rho1[from] : 1.0;
  }
  for (size_t x = 0; x < p; x++) {
    int from = sg->first_indicator[x];
    if (from < 0) continue;
    res->weights[x] = b->res1.weights[from];
    res->loadings[x] = b->res1.loadings[from];
  }
  if (m->consistent) {
    /* a common-factor dimension's PLSc loadings, w sqrt(rho) / w'w */
    for (size_t j = 0; j < K; j++) {
      int from = sg->first_construct[j];
      if (from < 0 || !is_common_factor(m1, from) || !(res->rho_a[j] > 0.0)) continue;
      double ww = 0.0;
      for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) ww += res->weights[x] * res->weights[x];
      double scale = sqrt(res->rho_a[j]) / ww;
      for (int x = m->block_start[j]; x < m->block_start[j + 1]; x++) {
        res->loadings[x] = scale * res->weights[x];
        if (fabs(res->loadings[x]) > 1.0) res->admissible = 0;
      }
      if (res->rho_a[j] > 1.0) res->admissible = 0;
    }
  }
  for (size_t x = 0; x < p2; x++) {
    res->weights[at[x]] = b->res2.weights[x];
    res->loadings[at[x]] = b->res2.loadings[x];
  }
  outer_cross_cov(m, S, res->weights, res->cross_loadings);
  construct_correlation(m, res->weights, res->cross_loadings, res->construct_cor);
  for (size_t i = 0; i < K * K; i++) res->path_coef[i] = 0.0;
  for (size_t j = 0; j < K2; j++) {
    size_t to = (size_t) sc[j];
    res->r2[to] = b->res2.r2[j];
    res->rho_a[to] = b->res2.rho_a[j];
    for (size_t k = 0; k < K2; k++) res->path_coef[to + K * (size_t) sc[k]] = b->res2.path_coef[j + K2 * k];
  }
  if (m->consistent) {
    /* the dimensions' correlations disattenuated (not those with their own
     * higher-order construct, a part-whole correlation); stage 2's
     * corrected ones */
    for (size_t j = 0; j < K; j++)
      for (size_t i = 0; i < K; i++) {
        if (i == j || (sg->first_construct[i] < 0 && sg->first_construct[j] < 0)) continue;
        if (is_own_dimension(sg, m, (int) i, (int) j) || is_own_dimension(sg, m, (int) j, (int) i)) continue;
        double v = res->construct_cor[i + K * j] / sqrt(res->rho_a[i] * res->rho_a[j]);
        res->construct_cor[i + K * j] = v;
        if (fabs(v) > 1.0) res->admissible = 0;
      }
    for (size_t j = 0; j < K2; j++)
      for (size_t k = 0; k < K2; k++)
        res->construct_cor[(size_t) sc[j] + K * (size_t) sc[k]] = b->res2.construct_cor[j + K2 * k];
  }
  return PLS_OK;
}
