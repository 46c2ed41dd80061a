/* Registration of the .Call entry points (no dynamic symbol lookup); they are
 * defined in the call*.c files and declared in iecpls.h. */
#include "iecpls.h"
#include <R_ext/Rdynload.h>

#define CALLDEF(name, n) {#name, (DL_FUNC) &name, n}
static const R_CallMethodDef call_methods[] = {
  CALLDEF(iecpls_fit_cor, 2),
  CALLDEF(iecpls_fit_data, 5),
  CALLDEF(iecpls_standardize, 4),
  CALLDEF(iecpls_bootstrap, 10),
  CALLDEF(iecpls_jackknife, 11),
  CALLDEF(iecpls_full_moments, 2),
  CALLDEF(iecpls_group_fits, 6),
  CALLDEF(iecpls_permutation, 9),
  CALLDEF(iecpls_boot_summary, 5),
  CALLDEF(iecpls_merge_rows, 1),
  CALLDEF(iecpls_missing_codes, 2),
  CALLDEF(iecpls_codes, 0),
  CALLDEF(iecpls_stat_layout, 2),
  CALLDEF(iecpls_fit_statistics, 4),
  CALLDEF(iecpls_total_effects, 1),
  CALLDEF(iecpls_htmt, 6),
  CALLDEF(iecpls_exact_fit_transform, 3),
  CALLDEF(iecpls_thread_policy, 1),
  CALLDEF(iecpls_fit_staged, 3),
  CALLDEF(iecpls_derived_values, 3),
  CALLDEF(iecpls_em_moments, 7),
  CALLDEF(iecpls_em_impute, 3),
  CALLDEF(iecpls_ordinal_cor, 4),
  CALLDEF(iecpls_source_cor, 2),
  CALLDEF(iecpls_nca_ceilings, 3),
  CALLDEF(iecpls_nca_permutation, 6),
  CALLDEF(iecpls_fimix, 7),
  CALLDEF(iecpls_fimix_posterior, 5),
  CALLDEF(iecpls_pos, 6),
  /* tests and benchmarks only (call_devel.c) */
  CALLDEF(iecpls_stream_unif, 2),
  CALLDEF(iecpls_bootstrap_floor, 4),
  CALLDEF(iecpls_bvn, 3),
  {NULL, NULL, 0}
};

void R_init_iecpls(DllInfo *dll)
{
  R_registerRoutines(dll, NULL, call_methods, NULL, NULL);
  R_useDynamicSymbols(dll, FALSE);
  R_forceSymbols(dll, TRUE);
  thread_policy_init();
}
