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
#'   of case-wise losses (`model`, `IA`, `LM`); the [pls_predict()] result
#'   `prediction`; and the settings `alternative`, `R`, `standardize`.
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
#' pls_cvpat(fit, k = 10, repetitions = 2, R = 2000)
#' @export
pls_cvpat <- function(fit, k = 10L, repetitions = 10L, benchmark = c("IA", "LM"), technique = c("DA", "EA"),
                      alternative = c("two.sided", "less"), R = 10000L, standardize = FALSE, folds = NULL) {
  check_pls_fit(fit)
  benchmark <- unique(match.arg(benchmark, several.ok = TRUE))
  technique <- match.arg(technique)
  alternative <- match.arg(alternative)
  check_number(R, "R", min = -1, integer = TRUE)
  check_flag(standardize, "standardize")
  prediction <- pls_predict(fit, k = k, repetitions = repetitions, technique = technique, folds = folds)
  p <- prediction$predictions
  scale <- if (standardize) fit$sds[colnames(p$actual)] else rep(1, ncol(p$actual))
  groups <- cvpat_groups(fit$model, colnames(p$actual))
  losses <- lapply(list(model = p$pls, IA = p$naive, LM = p$lm), case_losses,
                   actual = p$actual, scale = scale, groups = groups)
  complete <- stats::complete.cases(losses$model, losses$IA, losses$LM)
  losses <- lapply(losses, function(loss) loss[complete, , drop = FALSE])
  resamples <- if (R > 0) bootstrap_indices(sum(complete), R)
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
  c(stats::setNames(lapply(endogenous, function(k) model$blocks[[k]]), endogenous), list("(all)" = items))
}

# Cases x groups matrix of mean squared (scaled) prediction errors.
case_losses <- function(predicted, actual, scale, groups) {
  squared <- sweep(actual - predicted, 2, scale, "/")^2
  vapply(groups, function(items) rowMeans(squared[, items, drop = FALSE]), numeric(nrow(actual)))
}

# Resampled case indices, N x R (drawn once, shared by every test).
bootstrap_indices <- function(n, R) matrix(sample.int(n, n * R, replace = TRUE), n, R)

cvpat_tests <- function(benchmark, model, other, alternative, resamples) {
  rows <- lapply(colnames(model), function(group) {
    d <- model[, group] - other[, group]
    n <- length(d)
    t_value <- mean(d) / (stats::sd(d) / sqrt(n))
    p <- if (alternative == "less") stats::pt(t_value, n - 1) else 2 * stats::pt(-abs(t_value), n - 1)
    data.frame(benchmark = benchmark, construct = group, loss = mean(model[, group]),
               loss_benchmark = mean(other[, group]), diff = mean(d), t = t_value, df = n - 1, p = p,
               p_boot = bootstrap_p(d, t_value, alternative, resamples), stringsAsFactors = FALSE)
  })
  do.call(rbind, rows)
}

# Percentile-t bootstrap p value of the mean of d.
bootstrap_p <- function(d, t_value, alternative, resamples) {
  if (is.null(resamples)) return(NA_real_)
  n <- length(d)
  draws <- matrix(d[resamples], n)
  means <- colMeans(draws)
  sds <- sqrt(pmax(colSums(draws^2) - n * means^2, 0) / (n - 1))
  t_star <- (means - mean(d)) / (sds / sqrt(n))
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
  cat_wrapped("CVPAT: ", pp$k, "-fold cross-validation, ", pp$repetitions, " repetition",
              if (pp$repetitions == 1) "" else "s", ", ", pp$technique, ", ", nrow(x$losses$model), " cases; ",
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
