/* Inner estimation: the weight e_ij of construct i in the inner proxy of
 * construct j, from the current construct correlations (Lohmoeller 1989).
 *   factorial: e_ij = cor(Y_i, Y_j) for adjacent constructs;
 *   centroid:  e_ij = sign(cor(Y_i, Y_j)) for adjacent constructs;
 *   path:      predecessors i of j get the coefficients of the multiple
 *              regression of Y_j on its predecessors; successors i of j get
 *              cor(Y_i, Y_j). */
#include "iecpls.h"

static double sign_of(double x)
{
  return (x > 0.0) - (x < 0.0);
}

int inner_weights(const pls_model_t *m, const double *construct_cor, pls_work_t *ws,
                  int *bad_construct)
{
  size_t K = (size_t) m->K;
  double *e = ws->inner_weights;
  for (size_t j = 0; j < K; j++) {
    for (size_t i = 0; i < K; i++) {
      int predecessor = m->inner[i + K * j] != 0, successor = m->inner[j + K * i] != 0;
      double r = construct_cor[i + K * j], weight = 0.0;
      switch (m->scheme) {
      case SCHEME_FACTORIAL: if (predecessor || successor) weight = r; break;
      case SCHEME_CENTROID:  if (predecessor || successor) weight = sign_of(r); break;
      default:               if (successor) weight = r; break;
      }
      e[i + K * j] = weight;
    }
  }
  if (m->scheme != SCHEME_PATH) return PLS_OK;
  ws->factored_count = -1;   /* new correlations */
  for (int j = 0; j < m->K; j++) {
    double r2;
    int status = regress_on_predecessors(m, construct_cor, j, ws, e + K * (size_t) j, &r2, NULL);
    if (status != PLS_OK) {
      *bad_construct = j;
      return status;
    }
  }
  return PLS_OK;
}
