#' CVPAT: cross-validated predictive ability test
#'
#' Tests whether the model predicts the indicators of its endogenous
#' constructs out of sample significantly better than a benchmark
#' (Liengaard et al. 2021; Sharma et al. 2023): the indicator averages of
#' the training data (`"IA"`) and the linear model of [pls_predict()]
#' (`"LM"`).
#'
#' @section Test:
#' The out-of-sample predictions are those of [pls_predict()] (same folds,
#' `technique`, benchmarks and averaging over repetitions). The loss of case
#' \eqn{i} is its mean squared prediction error over the endogenous
#' indicators, \eqn{L_i = \frac1q \sum_j (x_{ij} - \hat x_{ij})^2} (over the
#' indicators of one construct for the per-construct rows), for the model
#' and for the benchmark. With the case-wise loss differences \eqn{D_i =
#' L_i^{model} - L_i^{benchmark}}, the test statistic is the paired t
#' statistic \eqn{T = \bar D / (s_D / \sqrt N)}, compared with the t
#' distribution with \eqn{N - 1} degrees of freedom (Liengaard et al. 2021;
#' the statistic of cSEM's `testCVPAT()`). A negative average loss
#' difference means the model predicts better; `alternative = "less"`
#' tests exactly that (one-sided), `"two.sided"` (the default, as in
#' seminrExtras' `assess_cvpat()`) any difference.
#'
#' With `R > 0` a bootstrap p value is added (percentile-t, Liengaard et
#' al.'s bootstrap of the \eqn{D_i}): the cases are resampled `R` times with
#' replacement and \eqn{T^*_b = (\bar D^*_b - \bar D) / (s^*_{D,b} /
#' \sqrt N)}; the p value is the share of \eqn{|T^*_b| \ge |T|}
#' (two-sided) or of \eqn{T^*_b \le T} (`"less"`). All rows use the same
#' resamples.
#'
#' **Cases.** The test uses the cases the fit used: all rows with
#' `missing = "mean"`, the complete rows with `"casewise"`. A value missing
#' from an endogenous indicator (kept with `missing = "mean"`) has no
#' prediction error, so a case's loss is the mean over the indicators it
#' answered, as the metrics of [pls_predict()] leave such values out. The
#' row of a construct leaves out the cases that answered none of its
#' indicators (its `df` shows how many it used; the bootstrap resamples all
#' cases and each draw uses those it drew that have a loss), and a case with
#' no loss at all (no endogenous indicator answered, or predicted only by
#' training fits with an inadmissible PLSc solution) is left out of every
#' row. A message (class `iecpls_cvpat_cases_message`) gives the counts.
#'
#' **Differences from other implementations.** The overall loss weights
#' every endogenous indicator equally (Liengaard et al. 2021, cSEM);
#' seminrExtras' `assess_cvpat()` averages the construct losses instead,
#' and its IA benchmark uses the means of the whole sample, while here it
#' uses the training means, so no information of a case enters its own
#' prediction. Losses are on the original scale of the indicators (as in
#' cSEM and seminrExtras); with `standardize = TRUE` each error is divided by
#' the indicator's standard deviation, as Liengaard et al.'s reference code
#' does with standardized data.
#'
#' @inheritParams pls_predict
#' @param benchmark The benchmarks: `"IA"` (indicator averages) and/or
#'   `"LM"` (linear model).
#' @param alternative `"two.sided"` or `"less"` (the model's loss is lower).
#' @param R Number of bootstrap resamples of the loss differences for the
#'   bootstrap p value; 0 for none.
#' @param standardize Divide the prediction errors by the indicators'
#'   standard deviations before squaring.
#' @return An object of class `pls_cvpat`, a list with `tests`, a data frame
#'   with one row per benchmark and construct (and `"(all)"` for all
#'   endogenous indicators): `benchmark`, `construct`, `loss` (the model's
#'   average loss), `loss_benchmark`, `diff` (`loss - loss_benchmark`),
#'   `t`, `df`, `p` and `p_boot`; `losses`, a list of cases x rows matrices
#'   of case-wise losses (`model`, `IA`, `LM`; `NA` where a case has no loss
#'   in a row, see "Cases"); the [pls_predict()] result
#'   `prediction`; and the settings `alternative`, `R`, `standardize`.
#'
#'   `tidy()` and `as.data.frame()` return `tests`; `glance()` a data frame
#'   with one row: `k`, `reps`, `technique`, `nobs` (cases tested),
#'   `benchmarks`, `alternative`, `R`, `standardize`, `tests` (rows of
#'   `tests`), `better` and `worse` (tests with p < 0.05 in which the model's
#'   loss is lower, or higher, than the benchmark's).
#' @references
#' Liengaard, B. D., Sharma, P. N., Hult, G. T. M., Jensen, M. B.,
#' Sarstedt, M., Hair, J. F., and Ringle, C. M. (2021). Prediction: coveted,
#' yet forsaken? Introducing a cross-validated predictive ability test in
#' partial least squares path modeling. *Decision Sciences*, 52(2),
#' 362--392. \doi{10.1111/deci.12445}
#'
#' Sharma, P. N., Liengaard, B. D., Hair, J. F., Sarstedt, M., and Ringle,
#' C. M. (2023). Predictive model assessment and selection in
#' composite-based modeling using PLS-SEM: extensions and guidelines for
#' using CVPAT. *European Journal of Marketing*, 57(6), 1662--1677.
#' \doi{10.1108/EJM-08-2020-0636}
#' @seealso [pls_predict()]
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' set.seed(1)
#' cvpat <- pls_cvpat(fit, k = 10, reps = 2, R = 2000)
#' cvpat
#' glance(cvpat)
#' @export
pls_cvpat <- function(fit, k = 10L, reps = 10L, benchmark = c("IA", "LM"), technique = c("DA", "EA"),
                      alternative = c("two.sided", "less"), R = 10000L, standardize = FALSE, folds = NULL) {
  check_pls_fit(fit)
  benchmark <- unique(match_arg(benchmark, several.ok = TRUE))
  technique <- match_arg(technique)
  alternative <- match_arg(alternative)
  check_count(R, "R", min = 0)
  check_flag(standardize, "standardize")
  prediction <- pls_predict(fit, k = k, reps = reps, technique = technique, folds = folds)
  p <- prediction$predictions
  scale <- if (standardize) fit$sds[colnames(p$actual)] else rep(1, ncol(p$actual))
  groups <- cvpat_groups(fit$model, colnames(p$actual))
  losses <- lapply(list(model = p$pls, IA = p$naive, LM = p$lm), case_losses,
                   actual = p$actual, scale = scale, groups = groups)
  losses <- cvpat_usable_losses(losses, p$actual, groups)
  resamples <- if (R > 0) bootstrap_indices(nrow(losses$model), R)
  tests <- do.call(rbind, lapply(benchmark, function(b) {
    cvpat_tests(b, losses$model, losses[[b]], alternative, resamples)
  }))
  structure(list(tests = tests, losses = losses, prediction = prediction, alternative = alternative,
                 R = as.integer(R), standardize = standardize),
            class = "pls_cvpat")
}

# The indicators of each endogenous construct, and all of them.
cvpat_groups <- function(model, items) {
  endogenous <- model_endogenous(model)
  groups <- stats::setNames(lapply(endogenous, predicted_items, model = model), endogenous)
  c(groups[lengths(groups) > 0L], list("(all)" = items))
}

# Cases x groups matrix of mean squared (scaled) prediction errors, over
# the indicators each case answered (a missing answer, kept by missing =
# "mean", has no error); NA when there is none or no prediction.
case_losses <- function(predicted, actual, scale, groups) {
  squared <- sweep(actual - predicted, 2, scale, "/")^2
  out <- vapply(groups, function(items) rowMeans(squared[, items, drop = FALSE], na.rm = TRUE),
                numeric(nrow(actual)))
  out[is.nan(out)] <- NA_real_
  out
}

# The losses the tests compare: a loss missing for the model or a benchmark
# is missing for all three; cases without any loss (no endogenous indicator
# answered, or predicted only by inadmissible PLSc training fits) are left
# out, and a construct's row leaves out the cases that answered none of its
# indicators. A message says how many.
cvpat_usable_losses <- function(losses, actual, groups) {
  gap <- is.na(losses$model) | is.na(losses$IA) | is.na(losses$LM)
  losses <- lapply(losses, function(loss) replace(loss, gap, NA_real_))
  keep <- !gap[, "(all)"]
  report_cvpat_gaps(keep, gap[keep, , drop = FALSE], actual, groups)
  lapply(losses, function(loss) loss[keep, , drop = FALSE])
}

report_cvpat_gaps <- function(keep, gap, actual, groups) {
  per_row <- colSums(gap)
  per_row <- per_row[per_row > 0]
  if (all(keep) && !length(per_row)) return(invisible())
  n_cases <- length(keep)
  n_dropped <- sum(!keep)
  unanswered <- rowSums(!is.na(actual[, groups[["(all)"]], drop = FALSE])) == 0
  n_unanswered <- sum(!keep & unanswered)
  n_failed <- n_dropped - n_unanswered
  rows <- vapply(names(per_row), function(construct) {
    cli::format_inline("{.field {construct}}: {per_row[[construct]]} case{?s}")
  }, character(1))
  cli::cli_inform(c(
    "CVPAT compares the prediction errors of the {n_cases} case{?s} the fit used, except:",
    "*" = if (n_unanswered > 0) "{n_unanswered} case{?s} that answered no endogenous indicator (left out).",
    "*" = if (n_failed > 0) "{n_failed} case{?s} predicted only by training fits with an inadmissible PLSc solution (left out).",
    "*" = if (length(rows)) "in the row of a construct, the cases that answered none of its indicators: {rows}."
  ), class = "iecpls_cvpat_cases_message")
}

# Resampled case indices, N x R (drawn once, shared by every test).
bootstrap_indices <- function(n, R) matrix(sample.int(n, n * R, replace = TRUE), n, R)

cvpat_tests <- function(benchmark, model, other, alternative, resamples) {
  rows <- lapply(colnames(model), function(group) {
    d <- model[, group] - other[, group]
    answered <- !is.na(d)
    n <- sum(answered)
    t_value <- mean(d[answered]) / (stats::sd(d[answered]) / sqrt(n))
    p <- if (alternative == "less") stats::pt(t_value, n - 1) else 2 * stats::pt(-abs(t_value), n - 1)
    data.frame(benchmark = benchmark, construct = group, loss = mean(model[answered, group]),
               loss_benchmark = mean(other[answered, group]), diff = mean(d[answered]), t = t_value, df = n - 1, p = p,
               p_boot = bootstrap_p(d, t_value, alternative, resamples), stringsAsFactors = FALSE)
  })
  do.call(rbind, rows)
}

# Percentile-t bootstrap p value of the mean of d. The cases are resampled;
# a case without a loss in this row (NA) counts in none of the draws, so
# each draw's mean is over the cases it drew that have one.
bootstrap_p <- function(d, t_value, alternative, resamples) {
  if (is.null(resamples)) return(NA_real_)
  draws <- matrix(d[resamples], nrow(resamples))
  n <- colSums(!is.na(draws))
  means <- colSums(draws, na.rm = TRUE) / n
  sds <- sqrt(pmax(colSums(draws^2, na.rm = TRUE) - n * means^2, 0) / (n - 1))
  t_star <- (means - mean(d, na.rm = TRUE)) / (sds / sqrt(n))
  t_star <- t_star[is.finite(t_star)]
  if (!length(t_star) || !is.finite(t_value)) return(NA_real_)
  if (alternative == "less") mean(t_star <= t_value) else mean(abs(t_star) >= abs(t_value))
}

#' @rdname pls_cvpat
#' @param x A `pls_cvpat` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_cvpat <- function(x, digits = 3, ...) {
  pp <- x$prediction
  cat_wrapped("CVPAT: ", pp$k, "-fold cross-validation, ", pp$reps, " repetition",
              if (pp$reps == 1) "" else "s", ", ", pp$technique, ", ", nrow(x$losses$model), " cases; ",
              if (x$alternative == "less") "one-sided" else "two-sided", " paired t test",
              if (x$R > 0) paste0(" and percentile-t bootstrap (", x$R, " resamples)"))
  cat("\n")
  tests <- x$tests
  if (x$R == 0) tests$p_boot <- NULL
  print_wide(tests, digits, id = c("benchmark", "construct"))
  cat("\n")
  cat_wrapped("diff = model loss - benchmark loss; negative: the model predicts better than the benchmark.")
  invisible(x)
}

#' @rdname pls_cvpat
#' @export
tidy.pls_cvpat <- function(x, ...) x$tests

#' @rdname pls_cvpat
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_cvpat <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_cvpat(x)

#' @rdname pls_cvpat
#' @export
glance.pls_cvpat <- function(x, ...) {
  pp <- x$prediction
  tests <- x$tests
  significant <- !is.na(tests$p) & tests$p < 0.05
  data.frame(k = pp$k, reps = pp$reps, technique = pp$technique, nobs = nrow(x$losses$model),
             benchmarks = paste(unique(tests$benchmark), collapse = ", "), alternative = x$alternative, R = x$R,
             standardize = x$standardize, tests = nrow(tests), better = sum(significant & tests$diff < 0),
             worse = sum(significant & tests$diff > 0), stringsAsFactors = FALSE)
}
