#' Multigroup analysis: compare a PLS path model between groups
#'
#' Fits the model in each group of respondents with the settings of `fit`
#' (scheme, modes, PLSc, tolerance, case weights) and tests, for every pair
#' of groups, the difference of every outer weight, loading, path
#' coefficient and R^2. With more than two groups an omnibus permutation
#' test asks whether a parameter differs between any of the groups.
#'
#' @section Groups and data:
#' `fit$data` keeps only the indicators, so the groups come from `group`:
#' either a vector with one label per row of the data given to [pls()]
#' (factor, character, numeric or logical; `NA` leaves a row out), or the
#' name of a column of `data`, which must then be that data frame. The group
#' column is not stored in the fit, which stays small. Rows the fit did not
#' use (`missing = "casewise"`) are left out. Every group is analysed on the
#' data as the full fit saw them: missing values replaced by the mean of all
#' rows (`missing = "mean"`), so the observed groups and every permutation
#' of them are subsets of one fixed data set. (seminr refits each group from
#' the raw data, replacing missing values by the group's means.)
#'
#' The groups are named, in results, printing and `tidy()`, by a factor's
#' levels (in their order) or a character vector's values. The codes of a
#' numeric or logical column named in `group` are prefixed by the column's
#' name, so `pls_mga(fit, "servicetype", data = corp_rep_data)` compares
#' `"servicetype = 1"` with `"servicetype = 2"`; a numeric vector given
#' itself is named by its values. For other names give a factor, such as
#' `factor(corp_rep_data$servicetype, 1:2, c("prepaid", "contract"))`.
#'
#' A group needs more cases than the largest Mode B block or set of
#' predictors of a construct, plus one; a smaller group, or a group in which
#' the model cannot be estimated (a constant indicator, a singular Mode B
#' block), is an error that names the group.
#'
#' @section Tests:
#' For a pair of groups (1, 2) and a parameter theta, the difference is
#' d = theta_1 - theta_2. Each test gives a two-sided p value (`p.value`)
#' and the one-sided p values of the alternatives theta_1 > theta_2
#' (`p.greater`) and theta_1 < theta_2 (`p.less`).
#' \describe{
#'   \item{`"permutation"`}{(Chin and Dibbern 2010) the rows of the two
#'     groups are pooled and their group labels permuted `R` times; the model
#'     is refitted in both permuted groups and d* recorded. The statistic is
#'     d, and p = (1 + #(|d*| >= |d|)) / (1 + R) (one-sided: d* >= d, d* <=
#'     d), the definition of cSEM's `testMGD(.approach_mgd = "Chin")`; equal
#'     values count as at least as extreme (to 1e-10). Each pair is permuted
#'     on its own rows, so its test does not depend on the other groups (for
#'     more than two groups cSEM permutes all groups' labels at once).
#'     Permutations in which a fit fails are excluded and reported.}
#'   \item{`"bootstrap"`}{Henseler's PLS-MGA (Henseler, Ringle and Sinkovics
#'     2009), as cSEM implements it (`"Henseler"`): each group is
#'     bootstrapped `R` times with [pls_boot()], its draws are centred on its
#'     estimate (theta* - mean(theta*) + theta), and p.greater is the share
#'     of the pairs of draws with theta_1* <= theta_2* (ties count one half);
#'     p.less = 1 - p.greater and p.value = 2 min(p.greater, p.less). The
#'     statistic is d. seminr's `estimate_pls_mga()` reflects the draws
#'     around their mean instead (2 mean(theta*) - theta*), which gives
#'     slightly different p values when the bootstrap distribution is skewed
#'     or biased.}
#'   \item{`"parametric"`}{the Welch-Satterthwaite test (Sarstedt, Henseler
#'     and Ringle 2011; cSEM's `"Nitzl"`): with the bootstrap standard errors
#'     s_g and group sizes n_g,
#'     t = d / sqrt((n_1 - 1) / n_1 s_1^2 + (n_2 - 1) / n_2 s_2^2) with
#'     df = round(((n_1 - 1) / n_1 s_1^2 + (n_2 - 1) / n_2 s_2^2)^2 /
#'     ((n_1 - 1) / n_1^2 s_1^4 + (n_2 - 1) / n_2^2 s_2^4) - 2).}
#' }
#' The weight and loading of a single-indicator construct are 1 in every
#' group and are not tested (`NA`).
#'
#' **Omnibus test** (more than two groups, with `"permutation"`): for each
#' parameter, T = sum_g n_g (theta_g - theta_bar)^2 with theta_bar the
#' n-weighted mean of the group estimates (the between-groups sum of squares
#' of an analysis of variance), and for all path coefficients together the
#' sum of T over the paths. The labels of all groups are permuted together;
#' p = (1 + #(T* >= T)) / (1 + R).
#'
#' **Multiple testing.** With many parameters and pairs, some p values fall
#' below 0.05 by chance alone. `p_adjust` applies [stats::p.adjust()] to each
#' method's p values: the pairwise tests (all parameters and pairs, as cSEM
#' does) and, separately, the omnibus tests. A common strategy is to test
#' the omnibus hypothesis first and look at pairs only for the parameters
#' where it is rejected.
#'
#' @section Random numbers and parallel runs:
#' As in [pls_boot()]: permutations are drawn in chunks of 100 (fewer for
#' large data), each from its
#' own L'Ecuyer-MRG32k3a stream, seeded by one draw from the session's
#' generator for all pairs, so `set.seed()` reproduces a run exactly, for
#' any `cores` and under a [future::plan()]. A permutation is a
#' Fisher-Yates shuffle of the group labels drawn in C. The bootstrap
#' methods take one draw per group (through [pls_boot()]). See
#' [iecpls_parallel] for the backends a plan can use.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data.
#' @param group The group of each row: a vector with one label per row of
#'   the data given to [pls()], or the name of a column of `data`.
#' @param data With `group` a column name: the data frame the model was
#'   fitted to.
#' @param method One or more of `"permutation"` (the default),
#'   `"bootstrap"` (Henseler's PLS-MGA) and `"parametric"`
#'   (Welch-Satterthwaite); see Tests.
#' @param R Number of permutations, and of bootstrap resamples per group. A
#'   run whose draws would not fit in the memory available is refused before
#'   it starts.
#' @param p_adjust A method of [stats::p.adjust()] (`"none"`, `"holm"`,
#'   `"BH"`, ...).
#' @param cores Number of OpenMP threads. By default the option `iecpls.cores`, else 1;
#'   capped by the thread policy that [pls_threads()] reports.
#' @return An object of class `pls_mga`: a list with `tests` (a data frame
#'   with one row per method, parameter and pair of groups: `method`,
#'   `type`, `term`, `group1`, `group2`, `estimate1`, `estimate2`,
#'   `difference`, `statistic`, `df`, `p.value`, `p.greater`, `p.less`;
#'   `tidy()` returns it), `omnibus` (with more than two groups and
#'   `"permutation"`: `type`, `term`, `statistic`, `p.value`; otherwise
#'   `NULL`), `groups` (names and sizes), `estimates` (parameters x groups),
#'   `permutations` (for each pair, the permutation differences, R x
#'   parameters), `status` (for each permutation run, 0 for a valid
#'   permutation, otherwise a code of [pls_status_codes()]), `fits` (the group fits), `boot` (their [pls_boot()] runs,
#'   with the bootstrap methods), `method`, `R`, `p_adjust` and `fit`.
#' @references
#' Chin, W. W., and Dibbern, J. (2010). An introduction to a permutation
#' based procedure for multi-group PLS analysis. In V. Esposito Vinzi et al.
#' (Eds.), *Handbook of Partial Least Squares* (pp. 171--193). Springer.
#' \doi{10.1007/978-3-540-32827-8_8}
#'
#' Henseler, J., Ringle, C. M., and Sinkovics, R. R. (2009). The use of
#' partial least squares path modeling in international marketing.
#' *Advances in International Marketing*, 20, 277--319.
#' \doi{10.1108/S1474-7979(2009)0000020014}
#'
#' Sarstedt, M., Henseler, J., and Ringle, C. M. (2011). Multigroup analysis
#' in partial least squares (PLS) path modeling: Alternative methods and
#' empirical results. *Advances in International Marketing*, 22, 195--218.
#' \doi{10.1108/S1474-7979(2011)0000022012}
#' @seealso [pls_micom()] for measurement invariance, which should hold
#'   before path coefficients are compared; [tidy.pls_mga()].
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
#' mga <- pls_mga(fit, "servicetype", data = corp_rep_data, R = 500)
#' mga
#' head(tidy(mga))
#'
#' # Four roles of the simulated study: pairs and omnibus tests
#' fit <- pls(iec_model("core"), data = iec_survey, missing = "mean")
#' set.seed(1)
#' by_role <- pls_mga(fit, iec_survey$role, R = 200, p_adjust = "holm")
#' by_role$omnibus[by_role$omnibus$type == "path", ]
#' @export
pls_mga <- function(fit, group, data = NULL, method = c("permutation", "bootstrap", "parametric"),
                    R = 5000L, p_adjust = "none", cores = getOption("iecpls.cores", 1L)) {
  method <- if (missing(method)) "permutation" else match_arg(method, several.ok = TRUE)
  check_count(R, "R", min = 2)
  p_adjust <- check_p_adjust(p_adjust)
  cores <- check_cores(cores)
  groups <- comparison_groups(fit, group, data, "pls_mga")
  fits <- fit_groups(fit, groups)
  # the advice to recode a reversed indicator is shown once, not per group
  once <- first_warning_only("iecpls_htmt_reversed_warning")
  parameters <- withCallingHandlers(comparison_parameters(fit), warning = once)
  estimates <- withCallingHandlers(vapply(fits, function(f) comparison_parameters(f)$estimate, numeric(nrow(parameters))),
                                   warning = once)
  rownames(estimates) <- parameter_names(parameters)
  pairs <- group_pairs(groups$names)

  out <- list(tests = NULL, omnibus = NULL, groups = data.frame(group = groups$names, n = groups$sizes,
                                                                row.names = NULL, stringsAsFactors = FALSE),
              estimates = estimates, permutations = NULL, status = NULL, fits = fits, boot = NULL,
              method = method, R = as.integer(R), p_adjust = p_adjust, fit = fit)
  tests <- list()
  if ("permutation" %in% method) {
    permutation <- mga_permutation(fit, groups, parameters, pairs, R, cores)
    tests$permutation <- permutation$tests
    out$permutations <- permutation$draws
    out$status <- permutation$status
    if (!is.null(permutation$omnibus)) out$omnibus <- adjust_p_values(permutation$omnibus, p_adjust)
  }
  if (any(c("bootstrap", "parametric") %in% method)) {
    out$boot <- withCallingHandlers(lapply(fits, pls_boot, R = R, cores = cores, bca = FALSE), warning = once)
    if ("bootstrap" %in% method) tests$bootstrap <- mga_bootstrap(out$boot, parameters, pairs)
    if ("parametric" %in% method) tests$parametric <- mga_parametric(out$boot, parameters, pairs, groups$sizes)
  }
  tests <- lapply(method, function(m) {
    table <- mga_pair_table(m, parameters, pairs, estimates, tests[[m]])
    adjust_p_values(table, p_adjust)
  })
  out$tests <- do.call(rbind, tests)
  rownames(out$tests) <- NULL
  class(out) <- "pls_mga"
  out
}

check_p_adjust <- function(p_adjust) {
  if (!is.character(p_adjust) || length(p_adjust) != 1L || !p_adjust %in% stats::p.adjust.methods) {
    abort_input("{.arg p_adjust} must be one of {.val {stats::p.adjust.methods}}.")
  }
  p_adjust
}

# The permutation test of every pair (each on its own rows) and, with more
# than two groups, the omnibus test (all groups' labels permuted together).
mga_permutation <- function(fit, groups, parameters, pairs, R, cores) {
  q <- nrow(parameters)
  omnibus <- length(groups$names) > 2L
  streams <- run_streams(R, ncol(pairs) + omnibus, fit)
  draws <- status <- list()
  tests <- vector("list", ncol(pairs))
  for (k in seq_len(ncol(pairs))) {
    pair <- pairs[, k]
    problem <- group_problem(fit, groups, pair)
    observed <- c_group_fits(problem)$stats
    observed <- observed[seq_len(q)] - observed[q + seq_len(q)]
    run <- run_chunks(c_permutation, problem, streams$seeds[[k]], streams$sizes, cores,
                      paste("Permuting", pair_label(pair)))
    differences <- run$stats[, seq_len(q), drop = FALSE] - run$stats[, q + seq_len(q), drop = FALSE]
    colnames(differences) <- parameter_names(parameters)
    report_failures(run$status, "permutation", paste0(" of groups ", pair_label(pair)),
                    hint = "Their rows of {.field permutations} are NA; {.field status} says why.")
    tests[[k]] <- permutation_p_values(observed, differences[status_ok(run$status), , drop = FALSE])
    draws[[pair_label(pair)]] <- differences
    status[[pair_label(pair)]] <- run$status
  }
  result <- list(tests = tests, draws = draws, status = status, omnibus = NULL)
  if (omnibus) {
    run <- omnibus_permutation(fit, groups, parameters, streams$seeds[[ncol(pairs) + 1L]], streams$sizes, cores)
    result$status[["omnibus"]] <- run$status
    result$omnibus <- run$table
  }
  result
}

# Two- and one-sided permutation p values of each column; values within
# 1e-10 of the observed one count as at least as extreme.
permutation_p_values <- function(observed, draws, tolerance = 1e-10) {
  n <- nrow(draws)
  at_least <- function(x) (1 + colSums(x)) / (1 + n)
  reference <- rep(observed, each = n)
  list(statistic = observed, df = NA_real_,
       p.value = at_least(abs(draws) >= abs(reference) - tolerance),
       p.greater = at_least(draws >= reference - tolerance),
       p.less = at_least(draws <= reference + tolerance))
}

omnibus_permutation <- function(fit, groups, parameters, seeds, sizes, cores) {
  q <- nrow(parameters)
  problem <- group_problem(fit, groups, groups$names)
  n <- as.vector(groups$sizes)
  observed <- between_groups(matrix(c_group_fits(problem)$stats, nrow = 1), n, q, parameters$type == "path")
  run <- run_chunks(c_permutation, problem, seeds, sizes, cores, "Permuting all groups")
  report_failures(run$status, "permutation", " of all groups",
                  hint = "They do not count in the omnibus p values; {.field status} says why.")
  draws <- between_groups(run$stats[status_ok(run$status), , drop = FALSE], n, q, parameters$type == "path")
  p <- (1 + colSums(draws >= rep(observed, each = nrow(draws)) - 1e-10)) / (1 + nrow(draws))
  tested <- c(!parameters$fixed, TRUE)
  table <- data.frame(type = c(parameters$type, "paths"),
                      term = c(parameters$term, "all path coefficients"),
                      statistic = as.vector(observed), p.value = as.vector(p), stringsAsFactors = FALSE)
  list(table = table[tested, , drop = FALSE], status = run$status)
}

# Between-groups sum of squares of each parameter (columns of `stats` are
# the groups' statistics side by side), plus the sum over the paths.
between_groups <- function(stats, n, q, is_path) {
  G <- length(n)
  total <- matrix(0, nrow(stats), q)
  for (g in seq_len(G)) total <- total + n[g] * stats[, (g - 1L) * q + seq_len(q), drop = FALSE]
  mean <- total / sum(n)
  squares <- matrix(0, nrow(stats), q)
  for (g in seq_len(G)) squares <- squares + n[g] * (stats[, (g - 1L) * q + seq_len(q), drop = FALSE] - mean)^2
  cbind(squares, rowSums(squares[, is_path, drop = FALSE]))
}

# Henseler's PLS-MGA from the groups' bootstrap draws.
mga_bootstrap <- function(boots, parameters, pairs) {
  names <- parameter_names(parameters)
  lapply(seq_len(ncol(pairs)), function(k) {
    one <- group_entry(boots, pairs[1, k])
    two <- group_entry(boots, pairs[2, k])
    first <- centred_draws(one, names)
    second <- centred_draws(two, names)
    greater <- vapply(seq_along(names), function(j) share_not_greater(first[, j], second[, j]), numeric(1))
    list(statistic = one$parameters$estimate[match(names, parameter_names(one$parameters))] -
           two$parameters$estimate[match(names, parameter_names(two$parameters))],
         df = NA_real_, p.value = pmin(1, 2 * pmin(greater, 1 - greater)),
         p.greater = greater, p.less = 1 - greater)
  })
}

# Valid draws of the named parameters, shifted so their mean is the estimate.
centred_draws <- function(boot, names) {
  draws <- boot$draws[boot_used(boot), names, drop = FALSE]
  estimate <- boot$parameters$estimate[match(names, parameter_names(boot$parameters))]
  sweep(draws, 2L, colMeans(draws) - estimate)
}

# Share of the pairs (a_i, b_j) with a_i < b_j, ties counting one half.
share_not_greater <- function(a, b) {
  b <- sort(b)
  at_most <- findInterval(a, b)
  below <- findInterval(a, b, left.open = TRUE)
  mean(length(b) - at_most + 0.5 * (at_most - below)) / length(b)
}

# The Welch-Satterthwaite test from the groups' bootstrap standard errors.
mga_parametric <- function(boots, parameters, pairs, sizes) {
  names <- parameter_names(parameters)
  lapply(seq_len(ncol(pairs)), function(k) {
    one <- group_entry(boots, pairs[1, k])$parameters
    two <- group_entry(boots, pairs[2, k])$parameters
    rows_one <- match(names, parameter_names(one))
    rows_two <- match(names, parameter_names(two))
    n1 <- group_entry(sizes, pairs[1, k])
    n2 <- group_entry(sizes, pairs[2, k])
    v1 <- (n1 - 1) / n1 * one$se[rows_one]^2
    v2 <- (n2 - 1) / n2 * two$se[rows_two]^2
    t_value <- (one$estimate[rows_one] - two$estimate[rows_two]) / sqrt(v1 + v2)
    df <- round((v1 + v2)^2 / ((n1 - 1) / n1^2 * one$se[rows_one]^4 + (n2 - 1) / n2^2 * two$se[rows_two]^4) - 2)
    list(statistic = t_value, df = df,
         p.value = 2 * stats::pt(abs(t_value), df, lower.tail = FALSE),
         p.greater = stats::pt(t_value, df, lower.tail = FALSE),
         p.less = stats::pt(t_value, df))
  })
}

# One row per parameter and pair; `results` has one list per pair.
mga_pair_table <- function(method, parameters, pairs, estimates, results) {
  rows <- lapply(seq_len(ncol(pairs)), function(k) {
    pair <- pairs[, k]
    result <- results[[k]]
    columns <- match(pair, colnames(estimates))
    table <- data.frame(method = method, type = parameters$type, term = parameters$term,
                        group1 = pair[1], group2 = pair[2],
                        estimate1 = estimates[, columns[1]], estimate2 = estimates[, columns[2]],
                        difference = estimates[, columns[1]] - estimates[, columns[2]],
                        statistic = as.vector(result$statistic), df = rep_len(as.numeric(result$df), nrow(parameters)),
                        p.value = as.vector(result$p.value), p.greater = as.vector(result$p.greater),
                        p.less = as.vector(result$p.less), stringsAsFactors = FALSE)
    untested <- parameters$fixed
    table[untested, c("statistic", "df", "p.value", "p.greater", "p.less")] <- NA_real_
    table
  })
  do.call(rbind, rows)
}

# p.adjust() over all rows of a table, for each p value column.
adjust_p_values <- function(table, method) {
  if (method == "none") return(table)
  for (column in intersect(c("p.value", "p.greater", "p.less"), names(table))) {
    table[[column]] <- stats::p.adjust(table[[column]], method = method)
  }
  table
}
