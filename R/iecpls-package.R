#' iecpls: fast PLS path modeling with a C core
#'
#' Partial least squares path modeling (PLS-PM, PLS-SEM) of composite and
#' reflective constructs. Models are written in a lavaan-style syntax
#' ([parse_model()]) and fitted by [pls()], whose numerical work runs in a
#' reentrant C kernel that iterates on the indicator correlation matrix.
#'
#' The worked case of the package is a study of how industry-education
#' integration communities build the training model of professional-degree
#' graduate students. Its original responses are not public: the package
#' ships [iec_survey], SIMULATED answers drawn from a documented population
#' model ([iec_population()], [iec_simulate()]), with the questionnaire
#' ([iec_items]) and the model syntax ([iec_model()]).
#'
#' An argument has one name for one meaning across the package: `R` for
#' every number of resamples or permutations, `reps` for other repetitions,
#' `level` for confidence levels, `alpha` for significance levels, `what`
#' for a choice of table, `parm` for a choice of parameters and
#' `htmt_absolute` for the HTMT of absolute correlations. [iecpls_arguments]
#' lists them with the functions that take them.
#'
#' @section Options:
#' \describe{
#'   \item{`iecpls.cores`}{The default number of threads of the resampling
#'     loops (the `cores` argument of [pls()], [pls_boot()], [pls_mga()],
#'     [pls_micom()] and [pls_power()]); 1 when unset. The number actually
#'     used is capped by `OMP_THREAD_LIMIT` and the processors:
#'     [pls_threads()] reports it and why.}
#' }
#'
#' @keywords internal
#' @useDynLib iecpls, .registration = TRUE, .fixes = "C_"
#' @importFrom stats coef fitted nobs
"_PACKAGE"
