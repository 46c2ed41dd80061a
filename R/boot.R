#' Bootstrap a PLS path model
#'
#' Resamples the respondents `R` times with replacement, refits the model to
#' each resample in C and summarizes the bootstrap distribution of the outer
#' weights, loadings, path coefficients, R^2, total effects, total indirect
#' effects, every specific indirect effect and the HTMT of each pair of
#' reflective constructs: standard errors, t values, p
#' values, and percentile and bias-corrected and accelerated (BCa) confidence
#' intervals.
#'
#' @section Computation:
#' The data are standardized once; each resample is a vector of case
#' frequencies whose correlation matrix is accumulated over the rows it drew,
#' and the kernel of [pls()] refits the model from it with the same settings
#' (scheme, modes, tolerance, missing-value rule, case weights: a resampled
#' row keeps its weight). Missing values are replaced before resampling, as
#' seminr and SmartPLS do. Resamples in which the algorithm does not converge,
#' a Mode B block is singular or an indicator is constant are counted,
#' excluded from every summary and reported.
#'
#' @section Random numbers and parallel runs:
#' Resamples are drawn in chunks of 100 (fewer for large data, from around
#' 20,000 cases of 30 indicators on, so that R can be interrupted between
#' chunks within about a second; the chunk size depends only on the numbers
#' of cases and indicators). `pls_boot()` takes exactly one
#' number from the session's random number generator (so `set.seed()` before
#' the call reproduces a run exactly, and the session's stream is advanced as
#' by one call of `sample.int()`), uses it to seed L'Ecuyer's MRG32k3a
#' generator, and gives chunk k the k-th stream of
#' [parallel::nextRNGStream()]. Each chunk draws its resamples from its own
#' stream in C, so the result is bit-identical for any `cores` and when the
#' chunks run as futures: with a [future::plan()] other than sequential set
#' (for example `future::plan(future::multisession)`, or a cluster plan
#' through future.batchtools), the chunks are evaluated as futures and
#' merged. OpenMP threads (`cores`) are used when no such plan is set.
#'
#' @section Sign changes:
#' The weights of a resample are oriented like those of every fit (see
#' [pls()]), which already removes most sign flips. `sign_change` adds:
#' \describe{
#'   \item{`"none"`}{(the default) no further correction.}
#'   \item{`"individual"`}{each resample estimate of a weight, loading, path
#'     or effect takes the sign of the full-sample estimate (Tenenhaus et al.
#'     2005).}
#'   \item{`"construct"`}{a construct is negated in a resample when its
#'     loadings are closer to the negated full-sample loadings, that is
#'     when |sum(l - l*)| > |sum(l + l*)|; the paths are then re-estimated
#'     (Tenenhaus et al. 2005).}
#' }
#'
#' @section Inference:
#' The standard error is the standard deviation of the valid resample
#' estimates; t = estimate / SE; the two-sided p value uses the t
#' distribution with n - 1 degrees of freedom (n the number of cases).
#' Percentile intervals are quantiles of the resample estimates (type 7, R's
#' default). BCa intervals (Efron 1987) use the bias correction
#' z0 = qnorm(share of resample estimates below the estimate) and the
#' acceleration a = sum(d^3) / (6 sum(d^2)^1.5) with d the deviations of
#' the leave-one-out (jackknife) estimates from their mean. The jackknife
#' runs in C too, in chunks of cases like the resamples (so it can be
#' interrupted and uses `cores` or a future plan); a case whose leave-one-out
#' fit fails is left out of the acceleration. The limits are found by
#' selection on each parameter's draws, with NA draws dropped.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data (not from `S`).
#' @param R Number of bootstrap resamples (5,000 is the published standard).
#'   Every resample's estimates are kept; a run whose draws would not fit in
#'   the memory available (as Linux reports it) is refused before it starts,
#'   with the figures and the largest `R` that fits.
#' @param level Confidence level of the intervals.
#' @param sign_change `"none"`, `"individual"` or `"construct"` (see below).
#' @param cores Number of OpenMP threads.
#' @param bca Compute BCa intervals (needs the jackknife, one extra refit per
#'   case).
#' @param htmt_absolute Bootstrap the HTMT of absolute indicator correlations
#'   (as seminr and SmartPLS report it) instead of the signed correlations of
#'   Henseler et al. (2015); see [pls_htmt()].
#' @return An object of class `pls_boot`: a list with `parameters` (a data
#'   frame with one row per parameter: `type`, `term`, `estimate`,
#'   `boot_mean`, `se`, `t`, `p`, `lower`, `upper` (percentile) and
#'   `bca_lower`, `bca_upper`), `draws` (resamples x parameters),
#'   `jackknife` (cases x parameters, or `NULL`), `status` (0 for a valid
#'   resample, otherwise the reason it failed), `n_failed`, `R`, `level`,
#'   `sign_change` and `fit`.
#' @references
#' Efron, B. (1987). Better bootstrap confidence intervals. *Journal of the
#' American Statistical Association*, 82, 171--185.
#' \doi{10.1080/01621459.1987.10478410}
#'
#' Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., and Lauro, C. (2005).
#' PLS path modeling. *Computational Statistics & Data Analysis*, 48,
#' 159--205. \doi{10.1016/j.csda.2004.03.005}
#' @seealso [confint.pls_boot()], [summary.pls_boot()]
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' set.seed(1)
#' boot <- pls_boot(fit, R = 1000)
#' boot
#' confint(boot, type = "bca")
#' @export
pls_boot <- function(fit, R = 5000L, level = 0.95, sign_change = c("none", "individual", "construct"),
                     cores = 1L, bca = TRUE, htmt_absolute = FALSE) {
  check_pls_fit(fit)
  if (is.null(fit$data)) {
    cli::cli_abort("The bootstrap needs the data: {.arg fit} was fitted from a correlation matrix.", call = NULL)
  }
  check_number(R, "R", min = 1, integer = TRUE)
  if (R > .Machine$integer.max) {
    cli::cli_abort("{.arg R} must be at most {(.Machine$integer.max)}, not {format(R, big.mark = ',')}.", call = NULL)
  }
  check_level(level)
  check_flag(bca, "bca")
  sign_change <- match.arg(sign_change)
  cores <- check_cores(cores)
  check_flag(htmt_absolute, "htmt_absolute")
  problem <- boot_problem(fit, sign_change, htmt_absolute)
  parameters <- problem$parameters
  check_resample_memory(R, nrow(parameters), paste0("A bootstrap of ", format(R, big.mark = ",", scientific = FALSE), " resamples"))

  sizes <- chunk_sizes(R, chunk_size_for(ncol(problem$zt), nrow(problem$zt)))
  seeds <- chunk_seeds(length(sizes))
  result <- run_bootstrap(problem, seeds, sizes, cores)
  status <- result$status
  draws <- result$stats
  jackknife <- if (bca) run_jackknife(problem, cores)$stats
  colnames(draws) <- parameter_names(parameters)
  if (!is.null(jackknife)) colnames(jackknife) <- colnames(draws)
  report_failures(status)

  boot <- list(parameters = parameters, draws = draws, jackknife = jackknife, status = status,
               n_failed = sum(status != 0L), R = as.integer(R), level = level,
               sign_change = sign_change, fit = fit)
  boot$parameters <- boot_summary_table(boot, level)
  class(boot) <- "pls_boot"
  boot
}

check_level <- function(level) {
  if (!is.numeric(level) || length(level) != 1L || is.na(level) || level <= 0 || level >= 1) {
    cli::cli_abort("{.arg level} must be a number between 0 and 1, such as 0.95.", call = NULL)
  }
  invisible(level)
}

parameter_names <- function(parameters) paste0(parameters$type, ": ", parameters$term)

# Everything the C loops share, for in-process and future-based runs alike,
# and `parameters`: one row per column of the C statistics, with the
# full-sample estimates.
boot_problem <- function(fit, sign_change, htmt_absolute = FALSE) {
  data <- c_standardize(fit)
  settings <- fit$settings
  model <- fit$model
  own <- cbind(seq_along(model$indicators), rep(seq_along(model$constructs), lengths(model$blocks)))
  chains <- indirect_chains(model$inner)
  parameters <- fit_parameters(fit, htmt_absolute)
  derived <- derived_effects(matrix(parameters$estimate, nrow = 1), parameters, model, chains)
  derived$parameters$estimate <- as.numeric(derived$values)
  statistics <- stat_spec(model, htmt_absolute, chains)
  # the individual sign change is applied in C, before the indirect effects
  # are formed from the paths
  if (sign_change == "individual") statistics$sign_reference <- as.double(sign(parameters$estimate))
  list(zt = data$zt, case_weights = data$case_weights,
       spec = model_spec(model, settings$scheme, settings$tol, settings$max_iter, settings$consistent),
       stat_spec = statistics,
       sign_code = match(sign_change, c("none", "individual", "construct")) - 1L,
       original_loadings = as.double(fit$outer_loadings[own]),
       parameters = rbind(parameters, derived$parameters))
}

run_bootstrap <- function(problem, seeds, sizes, cores) {
  run_chunks(c_bootstrap, problem, seeds, sizes, cores, "Bootstrapping")
}

# The leave-one-out fits of BCa, in chunks of cases run like the resamples
# (batches between which R can be interrupted and the progress bar moves;
# futures under a non-sequential plan). The "seed" of a chunk is its first
# case.
run_jackknife <- function(problem, cores) {
  sizes <- chunk_sizes(ncol(problem$zt), jackknife_chunk_size)
  first_cases <- matrix(c(0L, cumsum(sizes)[-length(sizes)]), nrow = 1L)
  moments <- c_full_moments(problem)
  worker <- function(problem, first_cases, sizes, threads) {
    c_jackknife(problem, moments, first_cases[1L, ], sizes, threads)
  }
  run_chunks(worker, problem, first_cases, sizes, cores, "Jackknife for BCa")
}

jackknife_chunk_size <- 256L

resample_failure_reasons <- c(
  "1" = "a singular Mode B block", "2" = "a zero-variance construct score",
  "3" = "collinear predictors of a construct", "4" = "non-finite values",
  "100" = "no convergence", "101" = "a constant indicator", "102" = "an inadmissible PLSc solution"
)

# `what` names the unit (resample, permutation), `where` the run it belongs
# to (appended as it is, for example " of groups A and B").
report_failures <- function(status, what = "resample", where = "",
                            hint = "Their rows of {.field draws} are NA; {.field status} says why.") {
  failed <- status[status != 0L]
  if (!length(failed)) return(invisible())
  counts <- table(failed)
  reasons <- paste0(counts, " ", resample_failure_reasons[names(counts)])
  noun <- if (length(status) == 1L) what else paste0(what, "s")
  verb <- if (length(failed) == 1L) "was" else "were"
  cli::cli_warn(c(
    "{length(failed)} of {length(status)} {noun}{where} failed and {verb} excluded: {reasons}.",
    "i" = hint
  ), call = NULL)
}

# The per-parameter summary of the bootstrap distribution, computed in C
# (boot_summary.c): percentile and BCa limits by R's type 7 quantile rule,
# NA draws dropped per parameter.
boot_summary_table <- function(boot, level) {
  parameters <- boot$parameters
  summary <- c_boot_summary(boot$draws, boot$status == 0L, parameters$estimate, boot$jackknife, level)
  se <- summary[, 2]
  t_value <- parameters$estimate / se
  t_value[parameters$type %in% c("r2", "htmt")] <- NA_real_
  data.frame(parameters[c("type", "term", "from", "to", "estimate")],
             boot_mean = summary[, 1], se = se, t = t_value,
             p = 2 * stats::pt(abs(t_value), df = boot$fit$nobs - 1, lower.tail = FALSE),
             lower = summary[, 3], upper = summary[, 4], bca_lower = summary[, 5], bca_upper = summary[, 6],
             row.names = NULL, stringsAsFactors = FALSE)
}
