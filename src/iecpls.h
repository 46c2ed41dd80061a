/* iecpls: shared declarations of the C core.
 *
 * The core is split in two layers (as in matrixStats):
 *   - the .Call entry points, in the call*.c files only (call.c,
 *     call_resample.c, call_permutation.c, call_statistics.c,
 *     call_codes.c, call_summary.c, call_screen.c, call_threads.c, call_staged.c, call_em.c,
 *     call_ordinal.c, call_source.c, call_nca.c, call_fimix.c, call_pos.c and call_devel.c for the tests and benchmarks), all registered in
 *     init.c: they check and unpack the arguments, allocate all memory
 *     with R_alloc on the main thread and build the results. Only they
 *     touch SEXPs or call the R API.
 *   - SEXP-free code in every other file: the kernels (moments.c, outer.c,
 *     inner.c, paths.c, consistent.c, linalg.c, kernel.c, workspace.c, em.c,
 *     model_fit.c, nca.c, fimix.c, pos.c), the
 *     loops that run them (resample.c, permutation.c, statistics.c, rng.c),
 *     the bootstrap summary (boot_summary.c), data screening (screen.c),
 *     the correlations of ordinal indicators (ordinal.c), the correlation
 *     sources of the resampling loops (source.c) and the thread
 *     policy (threads.c). It works on plain arrays and
 *     caller-owned memory, never allocates, never calls the R API (R's
 *     constants and pure macros such as NA_REAL, ISNAN and R_FINITE, and
 *     Rmath's qnorm/pnorm, aside) and keeps no global state besides
 *     threads.c's fork flag, so it can run concurrently in OpenMP threads.
 * Thread policy: threads.c (thread_count(), single-threaded after fork());
 * every parallel region is in a call*.c file and takes its thread count
 * from thread_count(). tests/testthat/test-threads.R checks both rules.
 */
#ifndef IECPLS_H
#define IECPLS_H

/* Character-length arguments of Fortran routines (R >= 3.6.2, required
 * from R 4.3.0): must be defined before any R header. */
#define USE_FC_LEN_T
#include <stddef.h>
#include <string.h>
#include <limits.h>
#include <R.h>
#include <Rinternals.h>
#include <R_ext/BLAS.h>
#include <R_ext/Lapack.h>
#ifndef FCONE
# define FCONE
#endif

/* Status codes returned by the kernels. call_codes.c has the one table of them
 * (name, what status_index refers to, R condition class, message template)
 * and of the other codes R and C share; R reads it through iecpls_codes()
 * and never repeats a code. */
enum pls_status {
  PLS_OK = 0,
  PLS_ERR_BLOCK_SINGULAR = 1,   /* Mode B block correlation matrix not positive definite */
  PLS_ERR_ZERO_SCORE = 2,       /* a construct score has zero variance */
  PLS_ERR_INNER_SINGULAR = 3,   /* predecessors of a construct are perfectly collinear */
  PLS_ERR_NONFINITE = 4,        /* a non-finite value appeared in the iteration */
  PLS_ERR_ZERO_VARIANCE = 5,    /* an indicator has zero variance (moments) */
  PLS_ERR_TOO_FEW_ROWS = 6,     /* fewer than two usable rows (moments) */
  PLS_ERR_ALL_MISSING = 7,      /* an indicator has no observed value (moments) */
  PLS_ERR_MISSING = 8,          /* a missing value where none is allowed (moments) */
  PLS_ERR_INFINITE = 9,         /* an infinite value (moments) */
  PLS_ERR_COLUMN_OVERFLOW = 10, /* an indicator's variance overflows (moments) */
  PLS_ERR_PRODUCT_SINGULAR = 11, /* orthogonalizing: the constituents' indicators are collinear (staged.c) */
  PLS_ERR_EM_SINGULAR = 12,     /* EM: the covariance matrix of the indicators became singular (em.c) */
  PLS_ERR_POLYCHORIC_BOUNDARY = 13, /* a pair's polychoric likelihood has no maximum inside (-1, 1) (ordinal.c) */
  PLS_ERR_POLYCHORIC_NOT_CONVERGED = 14, /* a pair's polychoric correlation did not converge (ordinal.c) */
  /* why a resample (bootstrap, jackknife, permutation) failed; never errors */
  STATUS_NOT_CONVERGED = 100,
  STATUS_CONSTANT_COLUMN = 101,
  STATUS_INADMISSIBLE = 102,
  STATUS_NO_RELIABILITY = 103   /* a PLSc reliability not positive: no correction */
};

enum pls_scheme { SCHEME_PATH = 0, SCHEME_FACTORIAL = 1, SCHEME_CENTROID = 2 };
enum pls_mode { MODE_A = 0, MODE_B = 1 };
/* missing-value handling of a fit from data */
enum missing_rule { MISSING_FAIL = 0, MISSING_MEAN = 1, MISSING_CASEWISE = 2 };

/* A PLS path model in the form the kernels use. Indicators are ordered block
 * by block, so block j holds indicators block_start[j] .. block_start[j+1]-1
 * of the correlation matrix. Read-only: shared between threads. */
typedef struct {
  int p;                   /* number of indicators */
  int K;                   /* number of constructs */
  const int *block_start;  /* length K + 1 */
  const int *mode;         /* length K, MODE_A or MODE_B */
  const int *inner;        /* K x K column-major; inner[i + K*j] != 0 when i -> j */
  int scheme;              /* enum pls_scheme */
  double tol;              /* convergence: max absolute change of a weight */
  int max_iter;
  int consistent;          /* apply the PLSc correction (consistent.c) */
  const int *composite;    /* NULL, or K: nonzero for a Mode A construct PLSc never treats as a
                              common factor (an interaction's product term) */
  /* NULL, or called every POLL_ITERATIONS iterations of a fit: a single fit
   * on R's main thread sets R's interrupt check here (call.c), so Ctrl-C and
   * time limits stop a long iteration. Loops that run the kernel in OpenMP
   * threads leave it NULL (no R API in threads). */
  void (*poll)(void);
} pls_model_t;
#define POLL_ITERATIONS 1024

/* Scratch memory for one fit. One per thread; pointers into caller memory. */
typedef struct {
  double *weights_old;     /* p */
  double *block_inverse;   /* inverses of the Mode B block correlation matrices */
  size_t *inverse_offset;  /* K: offset of block j's inverse in block_inverse */
  double *block_vector;    /* largest block size: scratch for one block */
  double *inner_weights;   /* K x K: e[i + K*j] weight of construct i in proxy of j */
  double *small_matrix;    /* K x K scratch for small regressions */
  double *small_vector;    /* K */
  int *small_index;        /* K */
  int *small_pivot;        /* K: row interchanges of lu_factor */
  /* regress_on_predecessors keeps the factor of the predecessors'
   * correlations for the next outcome with the same predecessors;
   * factored_count < 0 when there is none for the current correlations. */
  int *factored_index;     /* K */
  int factored_count;
  /* What an iteration needs of S W, fixed by the model (pls_work_init):
   * partner[partner_start[j] .. partner_start[j+1]-1] are the constructs a
   * whose rows of column j of S W are formed (a adjacent to j, or, under the
   * path scheme, a < j sharing a successor with j), and pair_a/pair_b the
   * n_pairs pairs a < b whose correlation the inner estimation reads. */
  int *partner_start;      /* K + 1 */
  int *partner;            /* at most K * K */
  int n_pairs;
  int *pair_a, *pair_b;    /* at most K * K each */
} pls_work_t;

/* Results of one fit; the caller owns the memory. */
typedef struct {
  double *weights;         /* p: outer weights, block by block */
  double *cross_loadings;  /* p x K: correlation of each indicator with each construct */
  double *construct_cor;   /* K x K */
  double *path_coef;       /* K x K, rows predictors, columns outcomes */
  double *r2;              /* K: 0 for exogenous constructs */
  double *loadings;        /* p: own-block loadings (consistent ones under PLSc) */
  double *rho_a;           /* K: reliabilities used by PLSc (1 without it) */
  int iterations;
  int admissible;          /* PLSc: 0 when the corrected solution is inadmissible */
  int converged;
  int status;              /* enum pls_status */
  int status_index;        /* construct (0-based) the status refers to, or -1 (call_codes.c) */
} pls_result_t;

/* workspace.c */
void pls_work_size(const pls_model_t *m, size_t *n_double, size_t *n_size, size_t *n_int);
void pls_work_init(const pls_model_t *m, pls_work_t *ws, double *dbuf, size_t *sbuf, int *ibuf);
size_t pls_result_size(const pls_model_t *m);
double *pls_result_init(const pls_model_t *m, pls_result_t *res, double *dbuf);

/* kernel.c: fit one model from one indicator correlation matrix */
int pls_fit_cor(const pls_model_t *m, const double *S, pls_work_t *ws, pls_result_t *res);

/* outer.c */
int outer_prepare(const pls_model_t *m, const double *S, pls_work_t *ws, int *bad_construct);
void outer_start(const pls_model_t *m, double *weights);
void outer_targets(const pls_model_t *m, const pls_work_t *ws, const double *cross_cov,
                   double *target);
void outer_solve_mode_b(const pls_model_t *m, pls_work_t *ws, double *target);
int outer_update_cross_cov(const pls_model_t *m, const pls_work_t *ws, const double *S,
                           double *weights, double *cross_cov, int *bad_construct);
void outer_cross_cov(const pls_model_t *m, const double *S, const double *weights, double *cross_cov);
void partner_correlation(const pls_model_t *m, const pls_work_t *ws, const double *weights,
                         const double *cross_cov, double *construct_cor);
void construct_correlation(const pls_model_t *m, const double *weights, const double *cross_cov,
                           double *construct_cor);
void orient_constructs(const pls_model_t *m, double *weights, double *cross_cov, double *construct_cor);
void flip_construct(const pls_model_t *m, int j, double *weights, double *cross_cov,
                    double *construct_cor);

/* inner.c */
int inner_weights(const pls_model_t *m, const double *construct_cor, pls_work_t *ws,
                  int *bad_construct);

/* consistent.c */
void composite_loadings(const pls_model_t *m, const double *cross_loadings, double *loadings);
double block_reliability(const pls_model_t *m, int j, const double *weights);
int is_common_factor(const pls_model_t *m, int j);
void consistent_correction(const pls_model_t *m, pls_work_t *ws, pls_result_t *res);

/* paths.c */
int regress_on_predecessors(const pls_model_t *m, const double *construct_cor, int outcome,
                            pls_work_t *ws, double *coef, double *r2, int *admissible);
int path_coefficients(const pls_model_t *m, const double *construct_cor, pls_work_t *ws,
                      double *path_coef, double *r2, int *bad_construct, int *admissible);

/* linalg.c: small SPD systems, LAPACK for large ones; LU for the general
 * (invertible, not positive definite) systems of PLSc */
int chol_factor(double *A, int n);
void chol_solve(const double *L, int n, double *b);
void chol_inverse(double *A, int n, double *scratch);
int lu_factor(double *A, int n, int *pivot);
void lu_solve(const double *LU, int n, const int *pivot, double *b);
double chol_log_det(const double *L, int n);

/* moments.c */
typedef struct {
  const double *real;  /* one of real / integer is non-NULL */
  const int *integer;
} column_t;
R_xlen_t complete_rows(const column_t *cols, R_xlen_t n, int p, int *row_used);
int standardize_columns(const column_t *cols, R_xlen_t n, int p, const double *case_weights,
                        int missing_mean, const int *row_used, R_xlen_t n_used,
                        size_t row_stride, size_t col_stride,
                        double *Z, double *means, double *sds, int *bad_column);
/* screen.c: numeric missing-value codes left in the data */
#define MAX_CODES 4   /* per column */
int missing_codes(const column_t *col, R_xlen_t n, double *codes, double *counts, double *range);
#define ROW_BLOCK 256   /* rows per cache block in the cross product */
#define CORRELATION_SCRATCH(p) ((size_t) ROW_BLOCK * (size_t) (p))
void correlation_from_standardized(const double *Z, R_xlen_t n, int p, const double *case_weights,
                                   double *scratch, double *S);
void composite_scores(const pls_model_t *m, const double *Z, R_xlen_t n, const double *weights,
                      double *scores);

/* moments.c: resampling moments on the transposed standardized data */
void accumulate_cross(const double *Zt, R_xlen_t n, int p, const double *freq, double *sums,
                      double *cross, double *total);
void update_cross(const double *z, int p, double f, double *sums, double *cross);
int cross_to_correlation(const double *cross, const double *sums, double N, int p,
                         double *sd_scratch, double *S);

/* em.c: maximum likelihood means and covariance matrix of incomplete data
 * under multivariate normality (EM), and the conditional expectation of the
 * missing entries of each row given its observed ones. The data are n x p
 * doubles, element (r, c) at x[r * row_stride + c * col_stride] (an R
 * matrix: 1 and n; the transposed data Zt: p and 1), NaN (NA) for a missing
 * value. Rows are grouped by their missingness pattern once (em_patterns);
 * the grouping does not depend on case weights, so one grouping serves every
 * resample, and every thread, read-only. */
typedef struct {
  const double *x;
  R_xlen_t n;
  int p;
  size_t row_stride, col_stride;
} em_data_t;
typedef struct {
  int n_patterns;          /* distinct patterns among the n rows (0 when n = 0) */
  const R_xlen_t *order;   /* n: the rows, grouped by pattern, ascending within one */
  const R_xlen_t *start;   /* n_patterns + 1: pattern k is order[start[k] .. start[k+1]-1] */
} em_patterns_t;
/* Scratch memory of the EM functions (one per thread): em_work_size(p)
 * doubles and p ints, carved by em_work_init. */
typedef struct {
  int p;
  double *old_mean, *old_cov;    /* p, p^2: the previous iterate */
  double *sum1, *sum2;           /* p, p^2: expected sums and cross-products */
  double *obs1, *obs2;           /* p, p^2: their part from observed values alone */
  double *center;                /* p: observed weighted means, subtracted from the data */
  double *precision;             /* p^2: the inverse covariance matrix */
  double *factor;                /* p^2: Cholesky factor of a block */
  double *coef;                  /* p^2: regression of the missing on the observed columns */
  double *cond;                  /* p^2: conditional covariance of the missing columns */
  double *vec;                   /* 4 p: intercepts, one row's observed values, its expectation, scratch */
  int *columns;                  /* p: a pattern's observed columns, then its missing ones */
} em_work_t;
typedef struct {
  double tol;                    /* convergence: largest change of a standardized moment */
  int max_iter;
  const double *start_mean;      /* NULL, or p and p x p start values (start_cov too) */
  const double *start_cov;
  void (*poll)(void);            /* NULL, or called every EM_POLL_ITERATIONS (main thread only) */
} em_control_t;
#define EM_POLL_ITERATIONS 16
typedef struct {
  double *mean;                  /* p */
  double *cov;                   /* p x p, divisor total_weight (ML) */
  double total_weight;           /* of the rows of positive weight with an observed value */
  double change;                 /* the convergence criterion at the last iteration */
  int iterations;
  int converged;
  int status;                    /* enum pls_status */
  int status_index;              /* the column (0-based) the status refers to, or -1 */
} em_result_t;
size_t em_patterns_size(R_xlen_t n);
void em_patterns(const em_data_t *d, R_xlen_t *buf, em_patterns_t *pat);
size_t em_work_size(int p);
void em_work_init(int p, em_work_t *ws, double *dbuf, int *ibuf);
int em_moments(const em_data_t *d, const em_patterns_t *pat, const double *case_weights,
               const em_control_t *ctl, em_work_t *ws, em_result_t *res);
int em_impute(const em_data_t *d, const em_patterns_t *pat, const double *mean, const double *cov,
              em_work_t *ws, double *out, size_t out_row_stride, size_t out_col_stride, int *bad_column);
double em_loglik(const em_data_t *d, const em_patterns_t *pat, const double *case_weights,
                 const double *mean, const double *cov, em_work_t *ws, int *status, int *bad_column);
/* ordinal.c: correlations of ordinal indicators (polychoric, polyserial,
 * Pearson), the two-step estimators of polycor with ML = FALSE. A data set
 * of p columns: column j is ordinal with codes 1 .. categories[j] when
 * categories[j] > 0, continuous when it is 0. Read-only, shared between
 * threads. */
typedef struct {
  int p;
  const int *categories;
  void (*poll)(void);   /* NULL, or called after each column of pairs (as pls_model_t's) */
} hetcor_spec_t;
/* Scratch memory of one hetcor_fit() (one per thread); column j's share of
 * counts, tau, cut and rank starts at offset[j] (categories[j] long). After
 * a fit: counts[c] the weighted count of category c + 1, tau[c] (c <
 * categories[j] - 1) the threshold above it (see ordinal_thresholds()). */
typedef struct {
  double *counts, *tau, *cut;     /* sum of categories each */
  double *mean, *sd, *density_sum;  /* p each */
  double *table, *cells;          /* largest categories^2 each */
  double *grid;                   /* polychoric_work_size(largest, largest) */
  int *offset;                    /* p + 1 */
  int *observed;                  /* p: categories that occur in an ordinal column */
  int *rank;                      /* sum of categories: position among those that occur, or -1 */
} hetcor_work_t;
typedef struct {
  int status;            /* enum pls_status */
  int index[2];          /* the column (index[0]) or pair the status refers to, 0-based, or -1 */
  int clamped;           /* polyserial estimates beyond +-HETCOR_MAXCOR, set to it (as polycor) */
  int clamped_pair[2];   /* the first of them */
} hetcor_result_t;
#define HETCOR_MAXCOR 0.9999   /* polycor's maxcor */
double bvn_upper(double h, double k, double r);
double bvn_cdf(double h, double k, double r);
int ordinal_thresholds(const double *counts, int m, double total, double *tau, int *rank, double *cut);
size_t polychoric_work_size(int r, int c);
int polychoric(const double *n, int r, int c, const double *a, const double *b, double *grid, double *rho);
void hetcor_work_size(const hetcor_spec_t *sp, size_t *n_double, size_t *n_int);
void hetcor_work_init(const hetcor_spec_t *sp, hetcor_work_t *ws, double *dbuf, int *ibuf);
int hetcor_fit(const hetcor_spec_t *sp, const column_t *cols, R_xlen_t n, const double *case_weights,
               hetcor_work_t *ws, double *R, hetcor_result_t *res);

/* source.c: the correlation matrix of a sample from a source other than
 * Pearson correlations of the standardized data (the enum's names are in
 * call_codes.c). Read-only, shared between threads; x is the n x p data
 * (column-major; NaN for a missing value) of the rows the resampling loop
 * draws from, in the order of its Zt. */
enum cor_source_kind { SOURCE_PEARSON = 0, SOURCE_SPEARMAN = 1, SOURCE_MEAN = 2, SOURCE_EM = 3,
                       SOURCE_ORDINAL = 4 };
typedef struct {
  int kind;
  int p;
  R_xlen_t n;
  const double *x;
  const int *order;            /* SPEARMAN: n x p, each column's rows (0-based) by increasing value */
  em_data_t em;                /* EM: the data x, */
  em_patterns_t patterns;      /*   its rows grouped by missingness pattern, */
  em_control_t em_control;     /*   tolerance and iteration cap (poll NULL) */
  hetcor_spec_t hetcor;        /* ORDINAL: categories per column (poll NULL), */
  const column_t *cols;        /*   the columns of x */
} cor_source_t;
typedef struct {
  double *values;                /* SPEARMAN, MEAN: p x n transposed ranks or values */
  em_work_t em;                  /* EM */
  double *em_mean, *em_cov;
  hetcor_work_t hetcor;          /* ORDINAL */
} source_work_t;
void source_work_size(const cor_source_t *src, size_t *n_double, size_t *n_int);
void source_work_init(const cor_source_t *src, source_work_t *w, double *dbuf, int *ibuf);
int source_correlation(const cor_source_t *src, const double *freq, source_work_t *w, double *sums,
                       double *cross, double *sd, double *S, int *index);

/* rng.c: MRG32k3a streams */
#include <stdint.h>
typedef struct { uint32_t state[6]; } rng_stream_t;
void stream_init(rng_stream_t *s, const int *seed);
double stream_unif(rng_stream_t *s);
R_xlen_t stream_index(rng_stream_t *s, R_xlen_t n);

/* threads.c: the one thread policy */
enum thread_reason {   /* what set the count: the request, or the cap that lowered it */
  THREADS_REQUESTED = 0, THREADS_ENV_LIMIT = 1, THREADS_OMP_LIMIT = 2, THREADS_PROCESSORS = 3,
  THREADS_NO_OPENMP = 4, THREADS_FORKED_CHILD = 5
};
typedef struct {
  int requested;     /* the request, at least 1 */
  int threads;       /* what a parallel loop uses */
  int reason;        /* enum thread_reason */
  int openmp;        /* compiled with OpenMP */
  int forked_child;  /* running in a forked child */
  int env_limit;     /* OMP_THREAD_LIMIT in the environment now, 0 if unset or invalid */
  int omp_limit;     /* omp_get_thread_limit(), 0 if unlimited or no OpenMP */
  int processors;    /* omp_get_num_procs(), 0 without OpenMP */
} thread_policy_t;
void thread_policy_init(void);
void thread_policy(int requested, thread_policy_t *policy);
int thread_count(int requested);
int thread_id(void);

/* statistics.c: what each resample reports */
/* Gaussian copula regressions (Park and Gupta 2012; Hult et al. 2018) of
 * one structural equation: the outcome's scores on its k predictors' scores
 * and, in model g, the copula terms qnorm(rank / (N + 1)) of the predictors
 * model_term[model_start[g] .. model_start[g+1]-1] (positions among the
 * predictors), with an intercept. Model g reports k paths, then its copula
 * coefficients. Read-only, shared between threads. */
typedef struct {
  int outcome;                       /* construct, 0-based */
  int k;                             /* predictors */
  const int *predictor;              /* k constructs, 0-based */
  int n_models;
  const int *model_start;            /* n_models + 1 */
  const int *model_term;
} copula_spec_t;
/* Scratch memory of the copula regressions of one sample (one per thread). */
typedef struct {
  double *scores;                    /* n x (k + 1): the predictors' scores, then the outcome's */
  double *terms;                     /* n x k: the copula terms */
  double *cross;                     /* (2k + 1)^2: centred cross-products of [scores, terms] */
  double *means;                     /* 2k + 1 */
  double *system;                    /* (2k)^2 + 2k: one model's normal equations */
  int *column;                       /* 2k: one model's regressors */
  R_xlen_t *order;                   /* n: cases sorted by a score */
} copula_buffers_t;
typedef struct {
  int n_edges;
  const int *edge_from, *edge_to;    /* structural paths, 0-based constructs */
  int n_endogenous;
  const int *endogenous;
  int n_total;
  const int *total_from, *total_to;  /* pairs with a total effect */
  int n_htmt;
  const int *htmt_a, *htmt_b;        /* pairs of constructs for HTMT */
  int htmt_absolute;                 /* HTMT of absolute correlations */
  int n_indirect;                    /* total indirect effects: total minus direct */
  const int *indirect_total;         /* the pair's index among the totals */
  const int *indirect_edge;          /* the pair's index among the paths, or -1 */
  int n_chains;                      /* specific indirect effects */
  const int *chain_start;            /* n_chains + 1 offsets into chain_edges */
  const int *chain_edges;            /* the paths along each chain */
  const double *sign_reference;      /* NULL, or the signs of the full-sample
                                        estimates for the individual sign change */
  int has_copula;                    /* copula regressions follow the other columns */
  copula_spec_t copula;
  /* The test of exact model fit (model_fit.c): with model_fit != 0 the
   * vector is the FIT_MEASURE_COUNT fit measures of the sample against the
   * correlations implied by the fit (its saturated model when fit_saturated),
   * a construct's block unrestricted when fit_composite[j] != 0, instead of
   * all of the above. */
  int model_fit;
  int fit_saturated;
  const int *fit_composite;          /* K when model_fit */
  int n_fit_composite;
  int n_tetrads;                     /* vanishing tetrads of confirmatory tetrad analysis */
  const int *tetrad;                 /* 4 per tetrad (g, h, i, j; 0-based indicators):
                                        S[g,h] S[i,j] - S[g,i] S[h,j] */
  int correlations_only;             /* a resample reports only what S gives (the tetrads):
                                        no refit, every other column NA */
} stat_spec_t;
/* The kinds of column of the statistics vector, in their order (call_codes.c
 * names them for R). */
enum statistic_type { STAT_WEIGHT = 0, STAT_LOADING, STAT_PATH, STAT_R2, STAT_TOTAL, STAT_HTMT,
                      STAT_INDIRECT, STAT_SPECIFIC, STAT_COPULA_PATH, STAT_COPULA, STAT_FIT, STAT_TETRAD,
                      STAT_TYPE_COUNT };
int statistic_count(const pls_model_t *m, const stat_spec_t *st);
size_t statistic_scratch_size(const pls_model_t *m);
void statistic_layout(const pls_model_t *m, const stat_spec_t *st, int *type, int *item, int *from,
                      int *to);
void total_effects(const double *B, int K, double *power, double *next, double *total);
double htmt_ratio(int p, const int *block_start, const double *S, int a, int b, int absolute,
                  int geometric);
void collect_statistics(const pls_model_t *m, const stat_spec_t *st, const pls_result_t *res,
                        const double *S, double *scratch, double *out, R_xlen_t stride);
void fill_missing_statistics(int q, double *out, R_xlen_t stride);
int standard_statistic_count(const pls_model_t *m, const stat_spec_t *st);
double tetrad_value(int p, const double *S, const int *gh_ij);
void collect_tetrads(const pls_model_t *m, const stat_spec_t *st, const double *S, double *out, R_xlen_t stride);
int copula_column_count(const copula_spec_t *cs);
void copula_buffer_size(const copula_spec_t *cs, R_xlen_t n, size_t *n_double, size_t *n_index, size_t *n_int);
void copula_buffer_init(const copula_spec_t *cs, R_xlen_t n, copula_buffers_t *b, double *dbuf,
                        R_xlen_t *xbuf, int *ibuf);
void copula_terms(const copula_spec_t *cs, R_xlen_t n, const double *freq, copula_buffers_t *b);
void copula_regressions(const copula_spec_t *cs, R_xlen_t n, const double *freq, copula_buffers_t *b,
                        double *out, R_xlen_t stride);
void copula_sample_scores(const pls_model_t *m, const copula_spec_t *cs, const double *Zt, R_xlen_t n,
                          const double *freq, const double *sums, const double *rsd, const double *weights,
                          copula_buffers_t *b);

/* model_fit.c: implied correlations, fit measures, the data transformed so
 * that the model holds exactly (the measures in their column order) */
enum fit_measure { FIT_SRMR = 0, FIT_ULS = 1, FIT_G = 2, FIT_ML = 3, FIT_MEASURE_COUNT = 4 };
size_t model_fit_scratch_size(int p, int K);
int implied_indicator_cor(const pls_model_t *m, const int *composite, int saturated,
                          const pls_result_t *res, const double *S, double *scratch, double *Sigma);
void fit_measures(const double *S, const double *Sigma, int p, double *scratch, double *out,
                  R_xlen_t stride);
void model_fit_statistics(const pls_model_t *m, const stat_spec_t *st, const pls_result_t *res,
                          const double *S, double *scratch, double *out, R_xlen_t stride);
int exact_fit_transform(const double *Zt, R_xlen_t n, int p, const double *S, const double *Sigma,
                        double *scratch, double *out);

/* staged.c: multi-stage estimation (interaction terms, higher-order
 * constructs). A staged model
 * fits a final model whose indicators are the p0 base indicators (the
 * columns of the standardized data) and q derived columns formed case by
 * case in every sample (full sample, bootstrap resample, leave-one-out):
 *   DERIVED_SCORE_PRODUCT: the product of the standardized scores of
 *     constructs a and b of the stage-1 model `first` (two-stage approach);
 *   DERIVED_INDICATOR_PRODUCT: the product of base indicators a and b,
 *     standardized in the sample (product-indicator approach);
 *   DERIVED_ORTHOGONAL: that product's residual on the base columns
 *     residual_column[residual_start[k] .. residual_start[k+1]-1], with an
 *     intercept (orthogonalizing approach);
 *   DERIVED_SCORE: the standardized score of construct a of `first` (a
 *     dimension of a higher-order construct, two-stage approaches).
 * The final model's indicator x is column final_column[x] of [base, derived].
 * A two-stage higher-order model (has_second) reports a model whose
 * dimensions keep their stage-1 estimates (first_indicator, first_construct:
 * the position in `first`, or -1) while everything else comes from the fit
 * of `second`, the reported model without the dimensions, whose indicator x
 * and construct j are second_indicator[x] and second_construct[j] of the
 * reported model (staged_final_fit).
 * Read-only, shared between threads. */
enum derived_kind { DERIVED_SCORE_PRODUCT = 0, DERIVED_INDICATOR_PRODUCT = 1, DERIVED_ORTHOGONAL = 2,
                    DERIVED_SCORE = 3 };
typedef struct {
  int p0;                      /* base indicators: the rows of Zt */
  int has_first;               /* a stage-1 model is fitted */
  pls_model_t first;           /* stage 1, on base columns first_column */
  const int *first_column;     /* first.p */
  int q;                       /* derived columns */
  const int *kind, *a, *b;     /* q each: enum derived_kind and its constituents */
  const int *residual_start;   /* q + 1 */
  const int *residual_column;
  int p;                       /* indicators of the final model */
  const int *final_column;     /* p */
  int unstandardized;          /* product terms on the scale of the products (unstandardize_products) */
  int linear;                  /* every derived column is a stage-1 score (DERIVED_SCORE) */
  int has_second;              /* two-stage higher-order constructs */
  pls_model_t second;          /* stage 2 */
  const int *second_indicator; /* second.p */
  const int *second_construct; /* second.K */
  const int *first_indicator;  /* p: -1 or an indicator of `first` */
  const int *first_construct;  /* K of the reported model: -1 or a construct of `first` */
} staged_t;
/* Scratch memory of one staged fit (one per thread). */
typedef struct {
  pls_work_t ws1;
  pls_result_t res1;
  double *sums0, *cross0;      /* base moments (accumulate_cross) */
  double *cov;                 /* (p0 + q)^2 centred cross-products of [base, derived] */
  double *mean0, *rsd0;        /* p0: the sample's means and reciprocal sds in Zt units */
  double *S1;                  /* first.p^2 */
  double *z, *d;               /* p0, q: one case */
  double *dsum, *dbase, *dcross, *newbase, *square;  /* q, q p0, q^2, q p0, q^2 */
  double *beta;                /* residual_start[q]: residual coefficients (Zt units) */
  double *solve;               /* largest residual set: r^2 + r */
  double N;                    /* total weight of the sample */
  pls_work_t ws2;              /* stage 2 (has_second) */
  pls_result_t res2;
  double *S2;                  /* second.p^2 */
  double *rho1;                /* first.K: the stage-1 reliabilities (PLSc) */
} staged_buffers_t;
void staged_buffer_size(const staged_t *sg, size_t *n_double, size_t *n_size, size_t *n_int);
void staged_buffer_init(const staged_t *sg, staged_buffers_t *b, double *dbuf, size_t *sbuf, int *ibuf);
int staged_correlation(const staged_t *sg, const double *Zt, R_xlen_t n, const double *freq,
                       staged_buffers_t *b, double *S, int *bad);
int staged_correlation_from_moments(const staged_t *sg, const double *Zt, R_xlen_t n, const double *freq,
                                    staged_buffers_t *b, double *S, int *bad);
void derived_values(const staged_t *sg, const double *Zt, R_xlen_t n, const double *mean0,
                    const double *rsd0, const double *first_weights, const double *beta, double *z,
                    double *out);
void derived_moments(const staged_t *sg, const staged_buffers_t *b, double *mean, double *sd);
int staged_final_fit(const staged_t *sg, const pls_model_t *m, const double *S, staged_buffers_t *b,
                     pls_work_t *ws, pls_result_t *res);
void staged_effective_weights(const staged_t *sg, const pls_model_t *m, const double *w, R_xlen_t stride,
                              double *e);
void unstandardize_products(const staged_t *sg, const pls_model_t *m, const staged_buffers_t *b,
                            pls_result_t *res, double *factor);

/* resample.c: bootstrap and jackknife loops */
enum sign_change { SIGN_NONE = 0, SIGN_INDIVIDUAL = 1, SIGN_CONSTRUCT = 2 };
typedef struct {
  pls_work_t ws;
  pls_result_t res;
  double *S, *cross, *sums, *sd, *freq, *stat_scratch;
  staged_buffers_t staged;     /* used when the problem is staged */
  source_work_t source;        /* used when the problem has a correlation source */
  copula_buffers_t copula;     /* used when the statistics have copula regressions */
} resample_buffers_t;
void resample_buffer_size(const pls_model_t *m, R_xlen_t n, size_t *n_double, size_t *n_size,
                          size_t *n_int);
void resample_buffer_init(const pls_model_t *m, R_xlen_t n, resample_buffers_t *b, double *dbuf,
                          size_t *sbuf, int *ibuf);
typedef struct {
  const pls_model_t *model;
  const stat_spec_t *stats;
  const double *Zt;            /* p x n standardized data */
  R_xlen_t n;
  const double *case_weights;  /* NULL or n */
  int sign_change;
  const double *original_loadings;  /* p, own-block loadings of the full-sample fit */
  int keep_inadmissible;       /* statistics of inadmissible PLSc solutions, not NA */
  const staged_t *staged;      /* NULL, or the model is multi-stage (Zt holds the base columns) */
  staged_t staged_store;       /* what `staged` points to */
  const cor_source_t *source;  /* NULL (Pearson from Zt), or each sample's correlations come from it */
  cor_source_t source_store;   /* what `source` points to */
} resample_problem_t;
void bootstrap_chunk(const resample_problem_t *pr, const int *seed, int first, int count,
                     resample_buffers_t *b, double *out, R_xlen_t stride, int *status);
void jackknife_range(const resample_problem_t *pr, const double *full_cross, const double *full_sums,
                     double full_total, R_xlen_t first, R_xlen_t count, resample_buffers_t *b,
                     double *out, R_xlen_t stride, int *status);
void fit_and_collect(const resample_problem_t *pr, double N, resample_buffers_t *b,
                     double *out, R_xlen_t stride, int *status);
void staged_fit_and_collect(const resample_problem_t *pr, resample_buffers_t *b, double *out,
                            R_xlen_t stride, int *status);
void source_fit_and_collect(const resample_problem_t *pr, resample_buffers_t *b, double *out, R_xlen_t stride,
                            int *status);

/* permutation.c: group comparisons (multigroup analysis, MICOM). Each row
 * of data belongs to one of n_groups groups; a permutation shuffles the
 * labels and refits the model in every group from its moments. */
typedef struct {
  const resample_problem_t *base;  /* data, model, statistics (no sign change) */
  const int *labels;               /* n: group of each row, 0 .. n_groups - 1 */
  int n_groups;
  int remainder;                   /* the group whose moments are the full ones minus the others */
  const double *full_cross, *full_sums;  /* moments of all rows (accumulate_cross) */
  double full_total;
  const double *score_weights;     /* NULL, or p outer weights of the pooled fit (MICOM) */
  const double *pooled_S;          /* with score_weights: p x p correlation matrix of all rows (of
                                      the p0 base columns for a staged model) */
  const double *pooled_effective;  /* a staged model's MICOM: K x p0, the pooled composites' weights
                                      on the base columns (staged_effective_weights) */
} permutation_problem_t;
typedef struct {
  resample_buffers_t fit;          /* the refit of one group */
  int *labels;                     /* n: permuted labels */
  double *cross, *sums, *total;    /* n_groups blocks of p x p, p, 1 */
  double *effective;               /* a staged model's MICOM: 2 K x p0 */
} permutation_buffers_t;
int permutation_column_count(const permutation_problem_t *pp);
void permutation_buffer_size(const permutation_problem_t *pp, size_t *n_double, size_t *n_int);
void permutation_buffer_init(const permutation_problem_t *pp, permutation_buffers_t *b,
                             resample_buffers_t fit, double *dbuf, int *ibuf);
void group_statistics(const permutation_problem_t *pp, const int *labels, permutation_buffers_t *b,
                      double *out, R_xlen_t stride, int *status);
void permutation_chunk(const permutation_problem_t *pp, const int *seed, int first, int count,
                       permutation_buffers_t *b, double *out, R_xlen_t stride, int *status);

/* nca.c: necessary condition analysis (ceilings of one condition, and the
 * permutation test of the effect sizes). Read-only problem, shared between
 * threads; one nca_buffers_t per thread. */
#define NCA_COLUMNS 6   /* CE-FDH zone, CR-FDH zone, scope, CR-FDH intercept, slope, peers */
typedef struct {
  R_xlen_t n;
  int n_cond;
  const double *x;      /* n x n_cond conditions */
  const int *order;     /* n x n_cond: each condition's cases in ascending order */
  const double *y;      /* n: the outcome */
} nca_problem_t;
typedef struct {
  double *y;            /* n: the shuffled outcome */
  int *peer;            /* n: the peers of one ceiling */
} nca_buffers_t;
void nca_ceilings(const double *x, const double *y, R_xlen_t n, const int *order, int *peer, double *out);
void nca_effect_sizes(const double *x, const double *y, R_xlen_t n, const int *order, int *peer,
                      double *d_ce, double *d_cr);
void nca_permutation_chunk(const nca_problem_t *np, const int *seed, int first, int count,
                           nca_buffers_t *b, double *out, R_xlen_t stride);

/* fimix.c: FIMIX-PLS, EM of a finite mixture of the structural regressions
 * on construct scores from one start. Read-only problem, shared between
 * threads; each start has its own posteriors, estimates and
 * fimix_work_size() doubles of scratch. Start statuses (names in
 * call_codes.c): */
enum fimix_status { FIMIX_CONVERGED = 0, FIMIX_NOT_CONVERGED = 1, FIMIX_COLLAPSED = 2, FIMIX_SINGULAR = 3,
                    FIMIX_DEGENERATE = 4 };
/* a segment whose error variance of an equation falls below this share of
 * the outcome's variance in all cases is degenerate (fimix.c) */
#define FIMIX_DEGENERATE_SHARE 1e-4
typedef struct {
  R_xlen_t n;
  int n_eq;              /* endogenous constructs (equations) */
  int K;                 /* segments */
  int intercept;         /* nonzero: each equation has a segment-specific intercept */
  const double *y;       /* n x n_eq: the equations' outcome scores */
  const double *x;       /* n x eq_start[n_eq]: the predictors' scores, equation by equation */
  const int *eq_start;   /* n_eq + 1: equation j's predictors are columns eq_start[j] .. eq_start[j+1]-1 of x */
  const double *min_variance; /* n_eq: FIMIX_DEGENERATE_SHARE times each outcome's variance */
  int max_iter;
  double tol;            /* convergence: change of the log-likelihood */
  /* NULL, or called every FIMIX_POLL_ITERATIONS iterations: a run on R's
   * main thread sets R's interrupt check here (call_fimix.c), as single
   * fits do (pls_model_t's poll); NULL in OpenMP threads */
  void (*poll)(void);
} fimix_problem_t;
#define FIMIX_POLL_ITERATIONS 16
typedef struct {
  double *pi;            /* K */
  double *coef;          /* fimix_coef_count() x K: per equation (intercept,) predictors */
  double *variance;      /* n_eq x K */
} fimix_estimates_t;
int fimix_coef_count(const fimix_problem_t *fp);
size_t fimix_work_size(const fimix_problem_t *fp);
void fimix_log_density(const fimix_problem_t *fp, const fimix_estimates_t *est, double *logf, double *e);
double fimix_e_step(const fimix_problem_t *fp, const double *logf, double *tau);
int fimix_em(const fimix_problem_t *fp, double *tau, double *work, fimix_estimates_t *est,
             int *iterations, double *loglik);
/* pos.c: prediction-oriented segmentation (PLS-POS), one random start per
 * call of pos_start(). Read-only problem, shared between threads; one
 * pos_work_t per thread (pos_work_size() doubles and ints, carved by
 * pos_work_init(), and 2 * segments + 2 results). */
typedef struct {
  const pls_model_t *model;
  const double *Zt;         /* p x n: the standardized data */
  R_xlen_t n;
  int segments, min_size, max_iter;
  R_xlen_t search_depth;
  int n_endogenous;
  const int *endogenous;    /* n_endogenous constructs, 0-based */
} pos_problem_t;
typedef struct {
  pls_work_t ws;
  pls_result_t *results;    /* 2 * segments + 2: the fits, the alternative ones, 2 trials */
  double *moments, *alt_moments, *trial_moments;
  double *S, *sd, *distance, *e2, *scores, *gain;
  int *labels, *alt_labels, *sizes, *candidate, *target;
} pos_work_t;
void pos_work_size(const pos_problem_t *pp, size_t *n_double, size_t *n_int);
void pos_work_init(const pos_problem_t *pp, pos_work_t *w, pls_work_t ws, double *dbuf, int *ibuf);
void pos_start(const pos_problem_t *pp, const int *seed, pos_work_t *w, int *start_labels, int *labels_out,
               double *history, double *objective, int *passes, int *converged, int *ok);

/* boot_summary.c: mean, SE, percentile and BCa limits of bootstrap draws */
void boot_summary(const double *draws, R_xlen_t n_draws, int q, const int *valid, const double *estimate,
                  const double *jackknife, R_xlen_t n_cases, double level, double *buf, double *jk_buf,
                  double *out);

/* call.c: argument unpacking shared by the entry points */
SEXP list_element(SEXP list, const char *name);
SEXP list_element_or_null(SEXP list, const char *name);
void read_model(SEXP spec, int p, pls_model_t *m);
void alloc_work(const pls_model_t *m, pls_work_t *ws);
const double *read_case_weights(SEXP case_weights, R_xlen_t n);
column_t *read_columns(SEXP columns, SEXP index, int *p, R_xlen_t *n);
void poll_interrupt(void);   /* R_CheckUserInterrupt(), as a kernel's poll on the main thread */

/* .Call entry points, all registered in init.c. call.c: single fits */
SEXP iecpls_fit_cor(SEXP S, SEXP spec);
SEXP iecpls_fit_data(SEXP columns, SEXP index, SEXP case_weights, SEXP missing, SEXP spec);
SEXP iecpls_standardize(SEXP columns, SEXP index, SEXP case_weights, SEXP missing);
/* call_resample.c: bootstrap, jackknife */
SEXP iecpls_bootstrap(SEXP Zt, SEXP case_weights, SEXP spec, SEXP stat_spec, SEXP seeds,
                      SEXP chunk_sizes, SEXP sign_change, SEXP original_loadings, SEXP keep_inadmissible,
                      SEXP threads);
SEXP iecpls_jackknife(SEXP Zt, SEXP case_weights, SEXP spec, SEXP stat_spec, SEXP sign_change,
                      SEXP original_loadings, SEXP keep_inadmissible, SEXP moments, SEXP first_cases,
                      SEXP chunk_sizes, SEXP threads);
SEXP iecpls_full_moments(SEXP Zt, SEXP case_weights);
SEXP iecpls_merge_rows(SEXP pieces);
/* call_permutation.c: group comparisons */
SEXP iecpls_group_fits(SEXP Zt, SEXP case_weights, SEXP spec, SEXP stat_spec, SEXP labels,
                       SEXP score_weights);
SEXP iecpls_permutation(SEXP Zt, SEXP case_weights, SEXP spec, SEXP stat_spec, SEXP labels,
                        SEXP score_weights, SEXP seeds, SEXP chunk_sizes, SEXP threads);
/* call_summary.c: bootstrap summary */
SEXP iecpls_boot_summary(SEXP draws, SEXP valid, SEXP estimate, SEXP jackknife, SEXP level);
/* call_screen.c: missing-value codes (screen.c) */
SEXP iecpls_missing_codes(SEXP columns, SEXP index);
/* call_em.c: EM moments and conditional expectations (em.c) */
SEXP iecpls_em_moments(SEXP x, SEXP case_weights, SEXP tol, SEXP max_iter, SEXP start, SEXP loglik,
                       SEXP threads);
SEXP iecpls_em_impute(SEXP x, SEXP mean, SEXP cov);
/* call_threads.c: the thread policy, as R asks it */
SEXP iecpls_thread_policy(SEXP cores);
/* call_ordinal.c: the correlation matrix of ordinal and continuous columns */
SEXP iecpls_ordinal_cor(SEXP columns, SEXP index, SEXP categories, SEXP case_weights);
SEXP iecpls_source_cor(SEXP source, SEXP freq);
/* call_nca.c: necessary condition analysis (nca.c) */
SEXP iecpls_nca_ceilings(SEXP x, SEXP y, SEXP order);
SEXP iecpls_nca_permutation(SEXP x, SEXP y, SEXP order, SEXP seeds, SEXP chunk_sizes, SEXP threads);
/* call_fimix.c: FIMIX-PLS (fimix.c) */
SEXP iecpls_fimix(SEXP y, SEXP x, SEXP eq_start, SEXP intercept, SEXP init, SEXP control, SEXP threads);
SEXP iecpls_fimix_posterior(SEXP y, SEXP x, SEXP eq_start, SEXP intercept, SEXP estimates);
/* call_pos.c: prediction-oriented segmentation (pos.c) */
SEXP iecpls_pos(SEXP Zt, SEXP spec, SEXP endogenous, SEXP settings, SEXP seeds, SEXP threads);
/* call_devel.c: for the tests and benchmarks only */
SEXP iecpls_stream_unif(SEXP seed, SEXP n);
SEXP iecpls_bvn(SEXP h, SEXP k, SEXP r);
SEXP iecpls_bootstrap_floor(SEXP Zt, SEXP seeds, SEXP chunk_sizes, SEXP method);

/* call_codes.c, call_statistics.c: the shared codes and the statistics vector */
SEXP iecpls_codes(void);
SEXP iecpls_stat_layout(SEXP spec, SEXP stat_spec);
SEXP iecpls_fit_statistics(SEXP S, SEXP spec, SEXP stat_spec, SEXP estimates);
SEXP iecpls_total_effects(SEXP path_coef);
SEXP iecpls_htmt(SEXP S, SEXP block_start, SEXP a, SEXP b, SEXP absolute, SEXP geometric);
SEXP iecpls_exact_fit_transform(SEXP Zt, SEXP S, SEXP Sigma);
void read_stat_spec(SEXP st_spec, stat_spec_t *st);
void check_stat_indices(const pls_model_t *m, const stat_spec_t *st);

/* call_resample.c: helpers shared with call_permutation.c */
void read_problem(SEXP Zt, SEXP case_weights, SEXP spec, SEXP st_spec, SEXP sign_change,
                  SEXP original_loadings, pls_model_t *m, stat_spec_t *st, resample_problem_t *pr);
resample_buffers_t *alloc_buffers(const pls_model_t *m, R_xlen_t n, int threads);
void alloc_copula_buffers(const copula_spec_t *cs, R_xlen_t n, resample_buffers_t *b, int threads);
/* call_staged.c: multi-stage models */
int read_staged(SEXP spec, int p0, staged_t *sg);
void alloc_staged_buffers(const staged_t *sg, resample_buffers_t *b, int threads);
SEXP iecpls_fit_staged(SEXP Zt, SEXP case_weights, SEXP spec);
SEXP iecpls_derived_values(SEXP Zt, SEXP spec, SEXP stages);
void read_source(SEXP spec, R_xlen_t n, int p, resample_problem_t *pr);
void alloc_source_buffers(const cor_source_t *src, resample_buffers_t *b, int threads);
SEXP resample_result(int rows, int q, double **stats, int **status);
const int *read_chunks(SEXP seeds, SEXP chunk_sizes, int **first);

#endif
