# Errors and warnings with classes. Every error iecpls raises goes through
# one of the abort_*() helpers below (or model_error(), for the model
# checks), every warning through warn_iecpls(), so each has a class under one
# root; tests/testthat/test-conditions.R scans the namespace for any that
# does not. `message` is cli markup written in this package: user text must
# reach cli as a value ("{.var {name}}"), never be pasted into `message`,
# where cli would evaluate its braces as R code (see abort_missing_names()).
# As everywhere in the package, no call is shown (`call = NULL`): the
# messages name the argument, column or construct at fault.

#' Errors and warnings raised by iecpls
#'
#' @description
#' Every error raised by iecpls has class `iecpls_error`, and every warning
#' class `iecpls_warning`, so a caller can tell the package's conditions
#' apart from those of other code and handle one kind of problem without
#' matching the text of a message (which may change). Below the root, each
#' error belongs to one family, and some have a more specific class. The
#' class vector lists the most specific first: a syntax error has classes
#' `iecpls_syntax_error`, `iecpls_model_error`, `iecpls_error`, then
#' `error` and `condition`. Handle conditions by class, as below, rather
#' than by their messages.
#'
#' @section Error families:
#' \describe{
#'   \item{`iecpls_input_error`}{An argument has the wrong type, length or
#'     value, such as `R = 1` for [pls_boot()] or `scheme = 3`.}
#'   \item{`iecpls_data_error`}{The data cannot be used as given: an indicator
#'     column is missing or not numeric, the case weights are invalid, a group
#'     variable cannot split the data, there are too few rows, or a
#'     correlation matrix `S` is not one.}
#'   \item{`iecpls_model_error`}{The model specification is invalid: the
#'     syntax cannot be parsed, or an edited `pls_model` object is
#'     inconsistent.}
#'   \item{`iecpls_estimation_error`}{The input is valid but the estimation
#'     fails, such as a singular Mode B block or an inadmissible consistent
#'     PLS solution that leaves nothing to predict.}
#'   \item{`iecpls_memory_error`}{A resampling run would not fit in the
#'     memory available; it is refused before it starts.}
#'   \item{`iecpls_internal_error`}{A bug in iecpls: please report it.}
#' }
#'
#' @section Specific error classes:
#' Each is listed with its family.
#' \describe{
#'   \item{`iecpls_syntax_error` (model)}{[parse_model()] cannot parse the
#'     model syntax; the message names the line.}
#'   \item{`iecpls_no_interactions` (model)}{[pls_slopes()] or
#'     [pls_conditional_effects()] was given a fit whose model has no
#'     interaction term.}
#'   \item{`iecpls_unknown_column` (data)}{An indicator, case weight column or
#'     group column is not in the data (or an indicator is not in `S`); the
#'     message suggests close names.}
#'   \item{`iecpls_unknown_name` (input)}{An argument names a construct,
#'     indicator, arrow or parameter that does not exist.}
#'   \item{`iecpls_non_numeric_column` (data)}{Indicator columns are neither
#'     numeric nor convertible (text, unordered factors, dates).}
#'   \item{`iecpls_case_weights_error` (data)}{The case weights are not
#'     usable.}
#'   \item{`iecpls_group_error` (data)}{The group variable of [pls_mga()] or
#'     [pls_micom()] cannot be used, or a group has too few cases.}
#'   \item{`iecpls_too_few_cases` (data)}{The data (or a group) have fewer
#'     cases than the model needs.}
#'   \item{`iecpls_infinite_values` (data)}{New data for prediction have
#'     infinite values.}
#'   \item{`iecpls_needs_data` (input)}{The function needs the data, but the
#'     fit was estimated from a correlation matrix.}
#'   \item{`iecpls_too_few_indicators` (input)}{[pls_cta()] was asked to
#'     test a block with fewer than 4 indicators (the message names the
#'     block and its count), or no block has 4.}
#'   \item{`iecpls_exogenous_outcome` (input)}{[pls_copula()] was given an
#'     exogenous construct as `outcome`: it has no structural equation.}
#'   \item{`iecpls_power_input_error` (input)}{Arguments of [pls_power()] that
#'     would make every simulated study fail.}
#'   \item{`iecpls_population_error` (input)}{The population of [pls_power()]
#'     is not one: a value missing from model syntax with values, a loading
#'     outside (-1, 1), correlations that are not positive definite, paths
#'     that explain all of a construct's variance, ...; the message names
#'     the line, construct or indicator.}
#'   \item{`iecpls_compare_error` (input)}{The models given to
#'     [pls_compare()] were not fitted to the same data (the message names
#'     the two models and how their data differ), or one was fitted from a
#'     correlation matrix.}
#'   \item{`iecpls_fimix_failed` (estimation)}{Every start of [pls_fimix()]
#'     failed for every number of segments asked for.}
#'   \item{`iecpls_segments_error` (input)}{[pls_explain_segments()] was
#'     given no segmentation: `x` is neither a `pls_segments` object (with
#'     its fit and one segment per row of the fit's scores) nor a vector of
#'     segments, or it has fewer than two segments with cases.}
#'   \item{`iecpls_segment_rows_error` (data)}{The data given to
#'     [pls_explain_segments()] do not have the rows of the segmentation;
#'     the message names both counts.}
#'   \item{`iecpls_segment_variable_error` (data)}{A variable given to
#'     [pls_explain_segments()] cannot tell segments apart: it has one
#'     category or value among the cases with a segment, values in one
#'     segment only, or a type that is neither categorical nor numeric.}
#'   \item{`iecpls_unsupported_error` (model)}{The function does not support
#'     a kind of model yet (such as interaction terms or higher-order
#'     constructs); the message says which.}
#'   \item{`iecpls_inadmissible` (estimation)}{The consistent PLS (PLSc)
#'     solution is inadmissible where an admissible one is needed.}
#'   \item{`iecpls_singular_block`, `iecpls_zero_variance_score`,
#'     `iecpls_singular_paths`, `iecpls_nonfinite` (estimation)}{The C core
#'     stopped: a singular Mode B block, a construct score with zero variance,
#'     collinear predictors of a construct, or non-finite values.}
#'   \item{`iecpls_pos_error` (estimation)}{No random start of [pls_pos()]
#'     gave segments that can all be estimated.}
#'   \item{`iecpls_em_singular` (estimation)}{The covariance matrix of the
#'     indicators estimated by EM (for model-based missing data) stopped being
#'     positive definite; the message names the indicator found collinear
#'     with others.}
#'   \item{`iecpls_not_converged` (estimation)}{Reserved for a non-convergence
#'     raised as an error; a fit that does not converge gives the warning
#'     below instead.}
#'   \item{`iecpls_polychoric_boundary`, `iecpls_polychoric_not_converged`
#'     (estimation)}{The polychoric correlation of two ordinal indicators
#'     cannot be estimated: their answers are perfectly ordered, so that its
#'     likelihood has no maximum between -1 and 1 (or, which should not
#'     happen, its estimation did not converge); the message names both.}
#' }
#' An error raised while estimating one group of [pls_mga()] or
#' [pls_micom()], or one training fit of [pls_predict()], names the group or
#' fold and keeps the classes of the error it wraps (which is its `parent`
#' field), so `iecpls_singular_block` catches it too.
#'
#' @section Warnings:
#' \describe{
#'   \item{`iecpls_not_converged_warning`}{The PLS algorithm reached
#'     `max_iter` before converging (also in training fits of
#'     [pls_predict()]).}
#'   \item{`iecpls_em_not_converged_warning`}{The EM algorithm that estimates
#'     the indicators' means and covariances from incomplete data reached its
#'     iteration limit before converging; the estimates are its last
#'     iterate.}
#'   \item{`iecpls_inadmissible_warning`}{A consistent PLS (PLSc) solution is
#'     inadmissible (the fit, or some resamples or training fits).}
#'   \item{`iecpls_resample_failure_warning`}{Some resamples or permutations
#'     could not be estimated and were excluded.}
#'   \item{`iecpls_htmt_reversed_warning`, `iecpls_htmt2_signs_warning`}{HTMT
#'     or HTMT2 is `NA` for some pairs of constructs (see [pls_htmt()]).}
#'   \item{`iecpls_power_failure_warning`}{Some studies simulated by
#'     [pls_power()] failed.}
#'   \item{`iecpls_blindfold_warning`}{The number of cases is a multiple of
#'     the omission distance of [pls_blindfold()].}
#'   \item{`iecpls_ipma_warning`}{Rescaled outer weights of an IPMA are
#'     negative.}
#'   \item{`iecpls_copula_normal_warning`}{A predictor given to
#'     [pls_copula()] is close to normally distributed (Cramer-von Mises
#'     p > 0.05), so its copula term is not identified well.}
#'   \item{`iecpls_fimix_not_converged_warning`}{No start of [pls_fimix()]
#'     for a number of segments converged within `max_iter` iterations; its
#'     solution is the best unconverged start.}
#'   \item{`iecpls_fimix_failed_warning`}{Every start of [pls_fimix()] for a
#'     number of segments failed (a segment collapsed onto too few cases or
#'     fitted an equation almost perfectly);
#'     that number's criteria are `NA`.}
#'   \item{`iecpls_effects_warning`}{Too many indirect chains to list the
#'     specific indirect effects.}
#'   \item{`iecpls_polyserial_clamped_warning`}{A two-step polyserial
#'     correlation of an ordinal and a continuous indicator was beyond -0.9999
#'     or 0.9999 and was set to that bound, as polycor does.}
#'   \item{`iecpls_group_warning`}{A warning from another package while
#'     estimating one group; warnings of iecpls raised there keep their
#'     class.}
#' }
#' Messages (such as the note that ordered factors are used as their codes)
#' have no class of their own.
#'
#' @name iecpls_conditions
#' @aliases iecpls_error iecpls_warning
#' @examples
#' # Catch one family of errors and let any other error through
#' result <- tryCatch(
#'   pls("Image =~ IMAG1 + IMAG2\nValue =~ PERV1 + PERV2\nValue ~ Image",
#'       data = mobi, max_iter = 0),
#'   iecpls_input_error = function(e) conditionMessage(e)
#' )
#' result
#'
#' # Syntax errors are model errors
#' err <- tryCatch(parse_model("Image =~"), iecpls_error = function(e) e)
#' class(err)
NULL

# Raises an error of `family` (one of the families documented above) with
# the more specific `class`es first.
abort_iecpls <- function(message, family, ..., class = NULL, .envir = parent.frame()) {
  cli::cli_abort(message, ..., class = c(class, family, "iecpls_error"), call = NULL, .envir = .envir)
}

abort_input <- function(message, ..., class = NULL, .envir = parent.frame()) {
  abort_iecpls(message, "iecpls_input_error", ..., class = class, .envir = .envir)
}

abort_data <- function(message, ..., class = NULL, .envir = parent.frame()) {
  abort_iecpls(message, "iecpls_data_error", ..., class = class, .envir = .envir)
}

abort_model <- function(message, ..., class = NULL, .envir = parent.frame()) {
  abort_iecpls(message, "iecpls_model_error", ..., class = class, .envir = .envir)
}

abort_estimation <- function(message, ..., class = NULL, .envir = parent.frame()) {
  abort_iecpls(message, "iecpls_estimation_error", ..., class = class, .envir = .envir)
}

abort_internal <- function(message, ..., class = NULL, .envir = parent.frame()) {
  abort_iecpls(c(message, "i" = "This is a bug in iecpls; please report it."), "iecpls_internal_error",
               ..., class = class, .envir = .envir)
}

warn_iecpls <- function(message, class, ..., .envir = parent.frame()) {
  cli::cli_warn(message, ..., class = c(class, "iecpls_warning"), call = NULL, .envir = .envir)
}

# The classes of an iecpls condition below the root: an error or warning that
# wraps another (naming the group or fold it arose in) keeps them, so that a
# handler for, say, iecpls_singular_block still catches it.
iecpls_classes <- function(condition, root) {
  setdiff(grep("^iecpls_", class(condition), value = TRUE), root)
}

# Re-raises error `parent` with `message` in front; an error from outside
# iecpls becomes an estimation error.
abort_wrapped <- function(message, parent, .envir = parent.frame()) {
  kept <- iecpls_classes(parent, "iecpls_error")
  if (!length(kept)) kept <- "iecpls_estimation_error"
  cli::cli_abort(message, parent = parent, class = c(kept, "iecpls_error"), call = NULL, .envir = .envir)
}

# Re-raises warning `warning` with `message`; a warning from outside iecpls
# gets class `fallback`.
warn_wrapped <- function(message, warning, fallback, .envir = parent.frame()) {
  kept <- iecpls_classes(warning, "iecpls_warning")
  if (!length(kept)) kept <- fallback
  cli::cli_warn(message, class = c(kept, "iecpls_warning"), call = NULL, .envir = .envir)
}
