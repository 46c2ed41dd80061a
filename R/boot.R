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
#' (scheme, modes, tolerance, case weights: a resampled row keeps its
#' weight). With `missing = "casewise"` resamples are drawn from the
#' complete rows. With `missing = "mean"`, `impute` chooses when missing
#' values are replaced: `"before"` (the default) replaces each once by the
#' mean of its column in the full data and every resample reuses these
#' replacements; `"within"` replaces them in each resample by the
#' resample's own means of the observed values, as seminr's bootstrap does
#' (it re-estimates the model from the raw data of each resample), so its
#' standard errors are seminr's; the two differ little where few values are
#' missing. With `missing = "em"` EM is run again in each resample, and with
#' ordinal indicators the thresholds and polychoric correlations are
#' re-estimated in each (see [pls()]); in both cases the jackknife of BCa
#' refits each leave-one-out sample the same way. Resamples in which the algorithm does not converge,
#' a Mode B block is singular, the predecessors of a construct are
#' collinear or an indicator is constant are counted, excluded from every
#' summary and reported.
#'
#' @section Inadmissible PLSc resamples:
#' Under consistent PLS (`pls(..., consistent = TRUE)`) a resample's
#' solution can be inadmissible (see [pls()]: a reliability, corrected
#' correlation or loading above 1, or corrected construct correlations that
#' are not positive definite). `inadmissibles` says what to do with such
#' resamples (the names and choices of cSEM's `.handle_inadmissibles`):
#' \describe{
#'   \item{`"ignore"`}{(the default) keep them: their estimates count in
#'     every summary like those of any other resample. This is what seminr
#'     does; leaving them out would condition the bootstrap distribution on
#'     admissibility, which truncates it where the estimates are extreme and
#'     understates the standard errors.}
#'   \item{`"drop"`}{leave them out (cSEM's default): their rows of `draws`
#'     are `NA` and the summaries use the remaining resamples.}
#'   \item{`"replace"`}{leave them out and draw further resamples until
#'     there are `R` without an inadmissible solution (at most `10 * R`
#'     draws in all). The further resamples come from the random streams
#'     that follow the run's own, so `set.seed()` still reproduces the run
#'     exactly, for any `cores`.}
#' }
#' Whatever the choice, their number is reported in a warning, by `print()`
#' and `summary()` and in `n_inadmissible`; `status` marks them with the
#' code named `"inadmissible"` ([pls_status_codes()]). A resample whose
#' reliability rho_A is not positive cannot be corrected at all: it is
#' always left out (code `"no_reliability"`). In the jackknife of BCa, a
#' leave-one-out fit with an inadmissible solution is kept or left out as
#' the resamples are. [pls()] with `R` uses the default.
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
#' [iecpls_parallel] lists the functions that use a plan, with examples of
#' backends (other processes, machines, a Slurm cluster).
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
#' @param cores Number of OpenMP threads. By default the option `iecpls.cores`, else 1;
#'   capped by the thread policy that [pls_threads()] reports.
#' @param bca Compute BCa intervals (needs the jackknife, one extra refit per
#'   case).
#' @param htmt_absolute Bootstrap the HTMT of absolute indicator correlations
#'   (as seminr and SmartPLS report it) instead of the signed correlations of
#'   Henseler et al. (2015); see [pls_htmt()].
#' @param inadmissibles What to do with resamples whose PLSc solution is
#'   inadmissible: `"ignore"` (keep them, the default, as seminr does),
#'   `"drop"` or `"replace"` (see below).
#' @param impute For a fit with `missing = "mean"`: replace missing values
#'   `"before"` resampling (the default) or `"within"` each resample (as
#'   seminr); see Details.
#' @return An object of class `pls_boot`: a list with `parameters` (a data
#'   frame with one row per parameter: `type`, `term`, `estimate`,
#'   `boot_mean`, `se`, `t`, `p`, `lower`, `upper` (percentile) and
#'   `bca_lower`, `bca_upper`), `draws` (resamples x parameters),
#'   `jackknife` (cases x parameters, or `NULL`), `status` (0 for a valid
#'   resample, otherwise the code of the reason it failed, named by
#'   [pls_status_codes()]), `n_failed` (the resamples left out of the summaries),
#'   `n_inadmissible` (those with an inadmissible PLSc solution, including
#'   the ones replaced), `inadmissibles`, `R`, `level`, `sign_change` and
#'   `fit`.
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
                     cores = getOption("iecpls.cores", 1L), bca = TRUE, htmt_absolute = FALSE,
                     inadmissibles = c("ignore", "drop", "replace"), impute = c("before", "within")) {
  check_pls_fit(fit)
  if (is.null(fit$data)) {
    abort_input("The bootstrap needs the data: {.arg fit} was fitted from a correlation matrix.",
                class = "iecpls_needs_data")
  }
  check_count(R, "R", min = 2)
  check_level(level)
  check_flag(bca, "bca")
  sign_change <- match_arg(sign_change)
  cores <- check_cores(cores)
  check_flag(htmt_absolute, "htmt_absolute")
  inadmissibles <- match_arg(inadmissibles)
  impute <- check_impute(match_arg(impute), fit)
  problem <- boot_problem(fit, sign_change, htmt_absolute, keep_inadmissible = inadmissibles == "ignore",
                          impute = impute)
  parameters <- problem$parameters
  check_resample_memory(R, nrow(parameters), paste0("A bootstrap of ", format_count(R), " resamples"))

  chunk <- chunk_size_for(ncol(problem$zt), nrow(problem$zt))
  sizes <- chunk_sizes(R, chunk)
  seeds <- chunk_seeds(length(sizes))
  result <- run_bootstrap(problem, seeds, sizes, cores)
  n_inadmissible <- sum(result$status == status_code("inadmissible"))
  if (inadmissibles == "replace" && n_inadmissible > 0L) {
    result <- replace_inadmissible(problem, result, seeds[, ncol(seeds)], chunk, cores)
    n_inadmissible <- result$n_inadmissible
  }
  status <- result$status
  draws <- result$stats
  jackknife <- if (bca) run_jackknife(problem, cores)$stats
  colnames(draws) <- parameter_names(parameters)
  if (!is.null(jackknife)) colnames(jackknife) <- colnames(draws)
  used <- resamples_used(status, inadmissibles)
  report_failures(ifelse(used, status_code("ok"), status))
  report_inadmissible(n_inadmissible, length(status), inadmissibles)

  boot <- list(parameters = parameters, draws = draws, jackknife = jackknife, status = status,
               n_failed = sum(!used), n_inadmissible = n_inadmissible, inadmissibles = inadmissibles,
               R = as.integer(R), level = level, sign_change = sign_change, impute = impute, fit = fit)
  boot$parameters <- boot_summary_table(boot, level)
  class(boot) <- "pls_boot"
  boot
}

# impute = "within" (mean replacement in each resample) needs a fit with
# missing = "mean" and no interaction terms or higher-order constructs.
check_impute <- function(impute, fit) {
  if (impute == "within") {
    if (!identical(fit$settings$missing, "mean")) {
      abort_input(c("{.code impute = \"within\"} replaces missing values by the means of each resample: it needs a fit with {.code missing = \"mean\"}.",
                    "i" = "{.arg fit} was fitted with {.code missing = \"{fit$settings$missing}\"}."))
    }
    if (!is.null(fit$model$stages)) {
      abort_input("{.code impute = \"within\"} is not supported yet for models with interaction terms or higher-order constructs.",
                  class = "iecpls_unsupported_error")
    }
  }
  impute
}

check_level <- function(level) {
  check_number(level, "level", above = 0, below = 1, example = 0.95)
}

parameter_names <- function(parameters) paste0(parameters$type, ": ", parameters$term)

# Everything the C loops share, for in-process and future-based runs alike,
# and `parameters`: one row per column of the C statistics, with the
# full-sample estimates.
boot_problem <- function(fit, sign_change, htmt_absolute = FALSE, keep_inadmissible = FALSE,
                         impute = "before") {
  data <- if (impute == "within") source_problem_data(fit, "mean") else c_standardize(fit)
  model <- fit$model
  own <- cbind(seq_along(model$indicators), rep(seq_along(model$constructs), lengths(model$blocks)))
  spec <- fit_model_spec(fit)
  spec$source <- data$source
  statistics <- stat_spec(model, htmt_absolute)
  parameters <- fit_parameters(fit, statistics, spec = spec)
  # the individual sign change is applied in C, before the indirect effects
  # are formed from the paths
  if (sign_change == "individual") statistics$sign_reference <- as.double(sign(parameters$estimate))
  list(zt = data$zt, case_weights = data$case_weights, spec = spec, stat_spec = statistics,
       sign_code = c_code("sign_change", sign_change),
       original_loadings = as.double(fit$outer_loadings[own]),
       keep_inadmissible = keep_inadmissible,
       parameters = parameters)
}

run_bootstrap <- function(problem, seeds, sizes, cores) {
  run_chunks(c_bootstrap, problem, seeds, sizes, cores, "Bootstrapping")
}

# The resamples the summaries use: the valid ones, and under
# inadmissibles = "ignore" those with an inadmissible PLSc solution.
resamples_used <- function(status, inadmissibles = "drop") {
  status_ok(status) | (inadmissibles == "ignore" & status == status_code("inadmissible"))
}

# The rows of a pls_boot object's draws that the summaries use (objects made
# before the inadmissibles argument dropped inadmissible resamples).
boot_used <- function(boot) resamples_used(boot$status, boot$inadmissibles %||% "drop")

# inadmissibles = "replace": the inadmissible resamples are left out and
# further resamples drawn, from the streams that follow the run's last one
# (`last_seed`), until there are as many as requested (at most 10 times as
# many in all). Each round draws as many as are still missing, in chunks of
# the run's size, so the result depends on the seed alone, not on threads.
replace_inadmissible <- function(problem, result, last_seed, chunk, cores) {
  wanted <- length(result$status)
  keep <- result$status != status_code("inadmissible")
  stats <- list(result$stats[keep, , drop = FALSE])
  status <- result$status[keep]
  drawn <- wanted
  while (length(status) < wanted && drawn < 10 * wanted) {
    sizes <- chunk_sizes(wanted - length(status), chunk)
    seeds <- chunk_seeds(length(sizes), after = last_seed)
    last_seed <- seeds[, ncol(seeds)]
    more <- run_bootstrap(problem, seeds, sizes, cores)
    drawn <- drawn + sum(sizes)
    keep <- more$status != status_code("inadmissible")
    stats[[length(stats) + 1L]] <- more$stats[keep, , drop = FALSE]
    status <- c(status, more$status[keep])
  }
  if (length(status) < wanted) {
    warn_iecpls(c(
      "Only {length(status)} of {wanted} resamples without an inadmissible PLSc solution were found in {drawn} draws.",
      "i" = "The summaries use these {length(status)}."
    ), class = "iecpls_inadmissible_warning")
  }
  list(stats = do.call(rbind, stats), status = status, n_inadmissible = drawn - length(status))
}

report_inadmissible <- function(n_inadmissible, n_resamples, inadmissibles) {
  if (n_inadmissible == 0L || inadmissibles == "drop") return(invisible())
  what <- if (inadmissibles == "ignore") {
    "Of {n_resamples} resamples, {n_inadmissible} {?has/have} an inadmissible PLSc solution and {?is/are} kept ({.code inadmissibles = \"ignore\"})."
  } else {
    "{n_inadmissible} resample{?s} with an inadmissible PLSc solution {?was/were} replaced by further draws ({.code inadmissibles = \"replace\"})."
  }
  warn_iecpls(c(what, "i" = "See {.arg inadmissibles} in {.help iecpls::pls_boot}."), class = "iecpls_inadmissible_warning")
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

# `what` names the unit (resample, permutation), `where` the run it belongs
# to (appended as it is, for example " of groups A and B").
report_failures <- function(status, what = "resample", where = "",
                            hint = "Their rows of {.field draws} are NA; {.field status} says why.") {
  failed <- status[!status_ok(status)]
  if (!length(failed)) return(invisible())
  counts <- table(failed)
  codes <- c_codes()$status
  reasons <- paste0(counts, " ", codes$reason[match(as.integer(names(counts)), codes$code)])
  noun <- if (length(status) == 1L) what else paste0(what, "s")
  verb <- if (length(failed) == 1L) "was" else "were"
  warn_iecpls(c(
    "{length(failed)} of {length(status)} {noun}{where} failed and {verb} excluded: {reasons}.",
    "i" = hint
  ), class = "iecpls_resample_failure_warning")
}

# The per-parameter summary of the bootstrap distribution, computed in C
# (boot_summary.c): percentile and BCa limits by R's type 7 quantile rule,
# NA draws dropped per parameter.
boot_summary_table <- function(boot, level) {
  parameters <- boot$parameters
  summary <- c_boot_summary(boot$draws, boot_used(boot), parameters$estimate, boot$jackknife, level)
  se <- summary[, 2]
  t_value <- parameters$estimate / se
  t_value[parameters$type %in% c("r2", "htmt")] <- NA_real_
  data.frame(parameters[c("type", "term", "from", "to", "estimate")],
             boot_mean = summary[, 1], se = se, t = t_value,
             p = 2 * stats::pt(abs(t_value), df = boot$fit$nobs - 1, lower.tail = FALSE),
             lower = summary[, 3], upper = summary[, 4], bca_lower = summary[, 5], bca_upper = summary[, 6],
             row.names = NULL, stringsAsFactors = FALSE)
}
