#' Measurement invariance of composites (MICOM)
#'
#' The three steps of Henseler, Ringle and Sarstedt (2016), which establish
#' whether the constructs mean the same in two groups, so that their path
#' coefficients ([pls_mga()]) and means can be compared. With more than two
#' groups every pair is assessed on its own.
#'
#' \enumerate{
#'   \item **Configural invariance**: the same indicators, model, settings
#'     and data treatment in every group, which `pls_micom()` ensures by
#'     construction, and a model that can be estimated in each group (it
#'     converged and, under PLSc, is admissible). Reported in `configural`.
#'   \item **Compositional invariance**: for each construct, c is the
#'     correlation, in the pooled data of the pair (standardized on these
#'     rows), between the composite formed with group 1's outer weights and
#'     the one formed with group 2's. The group labels are permuted `R`
#'     times, the model refitted in both permuted groups and c* recorded.
#'     Compositional invariance is rejected when c is below the `alpha`
#'     quantile of c* (one-sided); p = (1 + #(c* <= c)) / (1 + R).
#'   \item **Equal means and variances**: the model is fitted to the pooled
#'     data of the pair and its standardized composite scores are compared
#'     between the groups: the difference of their means and the log of
#'     the ratio of their variances (denominator n - 1). Under the same
#'     permutations the two are recomputed; equality holds when the observed
#'     value lies within the central 1 - `alpha` interval of the permutation
#'     distribution; the two-sided p = (1 + #(|x*| >= |x|)) / (1 + R).
#' }
#' The verdict for a construct and pair is **no** measurement invariance
#' when step 1 or 2 fails, **partial** when compositional invariance holds
#' but the means or variances differ (path coefficients can then be
#' compared with [pls_mga()]), and **full** when both also hold (the data of
#' the groups may then be pooled). Single-indicator constructs are
#' invariant by construction (c = 1). Permutations in which a fit fails
#' are excluded and reported. MICOM is designed for composites; with
#' common factors (PLSc) interpret it with care.
#'
#' Groups, data, rows and missing values are handled as in [pls_mga()]
#' (see there), and permutations are drawn and reproduced in the same way.
#' The tests are not adjusted for multiplicity: with many constructs, a
#' single rejection at `alpha` is weak evidence.
#'
#' Peers: cSEM's `testMICOM()` forms the composites of step 2 from the
#' unstandardized indicators (with weights estimated for standardized ones)
#' and counts p values without the "+ 1"; it agrees with `pls_micom()` when
#' the data are standardized first.
#'
#' @inheritParams pls_mga
#' @param alpha Level of the tests (0.05: the 5% quantile of c*, and 95%
#'   intervals for means and variances).
#' @return An object of class `pls_micom`: a list with `configural` (one row
#'   per group: `group`, `n`, `converged`, `admissible`), `results` (one
#'   row per pair and construct: `group1`, `group2`, `construct`, `c`,
#'   `c_quantile`, `c_p`, `compositional`, `mean_diff`, `mean_lower`,
#'   `mean_upper`, `mean_p`, `equal_means`, `log_var_ratio`, `var_lower`,
#'   `var_upper`, `var_p`, `equal_variances`, `invariance`; `tidy()`
#'   returns it), `permutations` (for each pair, a list of R x constructs
#'   matrices `c`, `mean_diff`, `log_var_ratio`), `status`, `R`, `alpha` and
#'   `fit`.
#' @references
#' Henseler, J., Ringle, C. M., and Sarstedt, M. (2016). Testing measurement
#' invariance of composites using partial least squares. *International
#' Marketing Review*, 33(3), 405--431. \doi{10.1108/IMR-09-2014-0304}
#' @seealso [pls_mga()]; [iecpls_parallel] for running the permutations
#'   under a [future::plan()] (results are identical to a sequential run).
#' @examples
#' fit <- pls("
#'   QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
#'   PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
#'   COMP =~ comp_1 + comp_2 + comp_3
#'   LIKE =~ like_1 + like_2 + like_3
#'   CUSL =~ cusl_1 + cusl_2 + cusl_3
#'   COMP + LIKE ~ QUAL + PERF
#'   CUSL ~ COMP + LIKE
#' ", data = corp_rep_data, missing = "mean", na_values = -99)
#' set.seed(1)
#' micom <- pls_micom(fit, "servicetype", data = corp_rep_data, R = 500)
#' micom
#' tidy(micom)[, c("construct", "c", "c_quantile", "invariance")]
#' @export
pls_micom <- function(fit, group, data = NULL, R = 5000L, alpha = 0.05,
                      cores = getOption("iecpls.cores", 1L)) {
  check_count(R, "R", min = 2)
  check_number(alpha, "alpha", above = 0, below = 0.5, example = 0.05)
  cores <- check_cores(cores)
  check_no_interactions(fit, "pls_micom()")
  groups <- comparison_groups(fit, group, data, "pls_micom")
  fits <- fit_groups(fit, groups)
  configural <- data.frame(group = groups$names, n = groups$sizes,
                           converged = vapply(fits, `[[`, logical(1), "converged"),
                           admissible = vapply(fits, function(f) isTRUE(f$admissible), logical(1)),
                           row.names = NULL, stringsAsFactors = FALSE)
  pairs <- group_pairs(groups$names)
  streams <- run_streams(R, ncol(pairs), fit)
  results <- permutations <- status <- list()
  for (k in seq_len(ncol(pairs))) {
    pair <- pairs[, k]
    run <- micom_pair(fit, groups, pair, streams$seeds[[k]], streams$sizes, cores)
    ok <- all(configural$converged[match(pair, configural$group)] & configural$admissible[match(pair, configural$group)])
    results[[k]] <- micom_table(run, pair, fit$model$constructs, alpha, ok)
    permutations[[pair_label(pair)]] <- run$draws
    status[[pair_label(pair)]] <- run$status
  }
  results <- do.call(rbind, results)
  rownames(results) <- NULL
  structure(list(configural = configural, results = results, permutations = permutations, status = status,
                 R = as.integer(R), alpha = alpha, fit = fit), class = "pls_micom")
}

# The observed MICOM statistics of a pair and their permutation
# distribution, from one C run (statistics of the two group fits, then the
# groups' composite means and variances and c; see src/permutation.c).
micom_pair <- function(fit, groups, pair, seeds, sizes, cores) {
  pooled_problem <- group_problem(fit, groups, pair)
  pooled_problem$labels[] <- 0L
  pooled <- c_group_fits(pooled_problem)
  if (!status_ok(pooled$status)) {
    abort_estimation("The model cannot be estimated on the pooled data of groups {.val {pair}} (status {pooled$status}).")
  }
  p <- length(fit$model$indicators)
  problem <- group_problem(fit, groups, pair, score_weights = pooled$stats[seq_len(p)])
  q <- nrow(comparison_parameters(fit))
  observed <- micom_statistics(c_group_fits(problem)$stats, q, length(fit$model$constructs))
  run <- run_chunks(c_permutation, problem, seeds, sizes, cores, paste("MICOM", pair_label(pair)))
  report_failures(run$status, "permutation", paste0(" of groups ", pair_label(pair)),
                  hint = "Their rows of {.field permutations} are NA; {.field status} says why.")
  draws <- micom_statistics(run$stats, q, length(fit$model$constructs))
  draws <- lapply(draws, function(x) {
    colnames(x) <- fit$model$constructs
    x
  })
  list(observed = observed, draws = draws, status = run$status)
}

# c, mean difference and log variance ratio (rows: permutations, columns:
# constructs) from rows of C output for two groups.
micom_statistics <- function(stats, q, K) {
  stats <- matrix(stats, ncol = 2L * q + 5L * K)
  block <- function(i) stats[, 2L * q + (i - 1L) * K + seq_len(K), drop = FALSE]
  list(c = block(5L), mean_diff = block(1L) - block(2L), log_var_ratio = log(block(3L)) - log(block(4L)))
}

micom_table <- function(run, pair, constructs, alpha, configural) {
  valid <- status_ok(run$status)
  c_star <- run$draws$c[valid, , drop = FALSE]
  c_observed <- as.vector(run$observed$c)
  tolerance <- 1e-10
  c_quantile <- apply(c_star, 2L, stats::quantile, probs = alpha, names = FALSE, type = 7)
  compositional <- configural & c_observed >= c_quantile - tolerance
  step3 <- function(name) {
    draws <- run$draws[[name]][valid, , drop = FALSE]
    observed <- as.vector(run$observed[[name]])
    limits <- apply(draws, 2L, stats::quantile, probs = c(alpha / 2, 1 - alpha / 2), names = FALSE, type = 7)
    p <- (1 + colSums(abs(draws) >= rep(abs(observed), each = nrow(draws)) - tolerance)) / (1 + nrow(draws))
    list(value = observed, lower = limits[1, ], upper = limits[2, ], p = p,
         equal = observed >= limits[1, ] - tolerance & observed <= limits[2, ] + tolerance)
  }
  means <- step3("mean_diff")
  variances <- step3("log_var_ratio")
  invariance <- ifelse(!compositional, "no", ifelse(means$equal & variances$equal, "full", "partial"))
  data.frame(group1 = pair[1], group2 = pair[2], construct = constructs, c = c_observed,
             c_quantile = c_quantile, c_p = (1 + colSums(c_star <= rep(c_observed, each = nrow(c_star)) + tolerance)) /
               (1 + nrow(c_star)),
             compositional = compositional,
             mean_diff = means$value, mean_lower = means$lower, mean_upper = means$upper, mean_p = means$p,
             equal_means = means$equal,
             log_var_ratio = variances$value, var_lower = variances$lower, var_upper = variances$upper,
             var_p = variances$p, equal_variances = variances$equal, invariance = invariance,
             stringsAsFactors = FALSE)
}
