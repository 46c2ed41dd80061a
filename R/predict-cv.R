#' PLSpredict: cross-validated prediction of the endogenous indicators
#'
#' Estimates how well the model predicts respondents it was not estimated
#' on (Shmueli et al. 2016, 2019). The cases are split into `k` folds; each
#' fold in turn is predicted by the model estimated on the other folds (with
#' [predict.pls_fit()]), and the out-of-sample prediction errors of every
#' indicator of an endogenous construct are compared with two benchmarks:
#' the training means (naive benchmark, summarized by \eqn{Q^2_{predict}}) and
#' a linear regression of each indicator on the indicators of the
#' constructs that predict its construct (LM benchmark).
#'
#' @section Procedure:
#' For each of `reps` random splits into `k` folds and each fold:
#' \enumerate{
#'   \item the model is estimated on the other folds (the training rows) by
#'     the C kernel of [pls()], with the settings of `fit` (scheme, modes,
#'     tolerance, PLSc, missing-value rule);
#'   \item the fold's answers are standardized with the training means and
#'     standard deviations and their endogenous indicators predicted with
#'     `technique` (see [predict.pls_fit()]);
#'   \item the LM benchmark regresses (ordinary least squares with an
#'     intercept, original scale, training rows) all indicators of each
#'     endogenous construct on the indicators of its direct antecedents
#'     (`technique = "DA"`) or of all exogenous constructs (`"EA"`, the
#'     benchmark of Shmueli et al. 2019), and predicts the fold;
#'   \item the naive benchmark predicts each indicator by its training mean.
#' }
#' With more than one repetition, each case's predictions are averaged over
#' the repetitions (every case is predicted once per repetition) before the
#' errors are computed, as seminr's `predict_pls()` does. (cSEM's
#' `predict()` instead averages the metrics of the repetitions.)
#'
#' With errors \eqn{e_i = x_i - \hat x_i} over all cases, \eqn{RMSE =
#' \sqrt{\mathrm{mean}(e_i^2)}}, \eqn{MAE = \mathrm{mean}(|e_i|)} and
#' \eqn{Q^2_{predict} = 1 - \sum e_i^2 / \sum (x_i - \bar x_{train(i)})^2},
#' where \eqn{\bar x_{train(i)}} is the naive prediction of case \eqn{i}
#' (Shmueli et al. 2019). A positive \eqn{Q^2_{predict}} means the model
#' predicts better than the training means.
#'
#' **Construct scores.** The out-of-sample predictions of the endogenous
#' construct scores are compared with the scores of the model estimated on
#' all cases (seminr's `actual_star`); their naive benchmark is the mean of
#' those scores over the training rows.
#'
#' **Folds.** Unless `folds` is given, each repetition draws a random
#' permutation of the cases with [sample()] and cuts it into `k` consecutive
#' folds of (nearly) equal size, exactly as seminr's `predict_pls()` does:
#' after the same `set.seed()`, both use the same folds. `folds` takes a
#' fold assignment instead: an integer vector with one fold number per case
#' used by `fit` (one repetition), or a matrix with one column per
#' repetition.
#'
#' @section Predictive power:
#' The decision table applies the guidelines of Shmueli et al. (2019) to the
#' indicators of each endogenous construct and to all of them together
#' (`"(all)"`): if the PLS predictions have a lower RMSE than the LM
#' benchmark for **all** indicators, the model has high predictive power;
#' for the **majority** (or half) of them, medium; for a **minority**, low;
#' for **none**, no predictive power. The same count is given with MAE,
#' which they recommend when the prediction errors are far from symmetric.
#' \eqn{Q^2_{predict} > 0} for every indicator is a prerequisite.
#'
#' @section Agreement:
#' With the same folds, the indicator RMSE and MAE of the PLS predictions
#' and of the LM benchmark, and the predictions themselves, agree with
#' seminr 2.6.0's `predict_pls()` on the corporate reputation model
#' (`predict_DA` and `predict_EA`, one and three repetitions, PLS and PLSc;
#' largest difference below 1e-12); so do the construct-score MSE and MAE
#' with one repetition (with more, seminr reports those of the last
#' repetition only). \eqn{Q^2_{predict}}, which seminr does not report,
#' agrees with the value computed from seminr's residuals and the training
#' means.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data (without case
#'   weights, which cross-validation does not support yet).
#' @param k Number of folds.
#' @param reps Number of random splits into folds.
#' @param technique `"DA"` (direct antecedents, the default, as in seminr)
#'   or `"EA"` (earliest antecedents); see [predict.pls_fit()].
#' @param folds Optional fold assignment (see Details); `k` and
#'   `reps` are then taken from it.
#' @return An object of class `pls_predict`, a list with
#' \describe{
#'   \item{`indicators`}{a data frame with one row per endogenous indicator:
#'     `indicator`, `construct`, `rmse`, `mae`, `q2_predict` of the PLS
#'     predictions and `lm_rmse`, `lm_mae`, `lm_q2_predict` of the LM
#'     benchmark.}
#'   \item{`constructs`}{a data frame with one row per endogenous construct:
#'     `construct`, `rmse`, `mae`, `q2_predict` of its predicted scores.}
#'   \item{`decision`}{the decision table: `construct`, `indicators`,
#'     `q2_positive`, `pls_below_lm_rmse`, `pls_below_lm_mae` (counts of
#'     indicators) and `power_rmse`, `power_mae` (`"high"`, `"medium"`,
#'     `"low"` or `"none"`).}
#'   \item{`predictions`}{a list of cases x indicators matrices: `actual`,
#'     `pls`, `lm` and `naive` (averaged over repetitions), and of cases x
#'     constructs matrices `scores` (predicted), `scores_actual` and
#'     `scores_naive`.}
#'   \item{`folds`}{the cases x repetitions fold assignment.}
#'   \item{`k`, `reps`, `technique`, `n_failed`}{the settings and the
#'     number of training fits without an admissible PLSc solution (their
#'     test rows are left out of every metric, benchmarks included).}
#' }
#' `tidy()` and `as.data.frame()` return one of the tables (`what`);
#' `glance()` a data frame with one row: `k`, `reps`, `technique`, `nobs`
#' (cases), `indicators` (endogenous), `q2_predict_mean` (the mean
#' \eqn{Q^2_{predict}} of the indicators) and, from the `"(all)"` row of the
#' decision table, `q2_positive`, `pls_below_lm_rmse`, `pls_below_lm_mae`
#' (indicators on which PLS beats the LM benchmark), `power_rmse` and
#' `power_mae`; and `failed` (`n_failed`).
#' @references
#' Shmueli, G., Ray, S., Velasquez Estrada, J. M., and Chatla, S. B. (2016).
#' The elephant in the room: predictive performance of PLS models. *Journal
#' of Business Research*, 69(10), 4552--4564.
#' \doi{10.1016/j.jbusres.2016.03.049}
#'
#' Shmueli, G., Sarstedt, M., Hair, J. F., Cheah, J.-H., Ting, H.,
#' Vaithilingam, S., and Ringle, C. M. (2019). Predictive model assessment
#' in PLS-SEM: guidelines for using PLSpredict. *European Journal of
#' Marketing*, 53(11), 2322--2347. \doi{10.1108/EJM-02-2019-0189}
#' @seealso [predict.pls_fit()], [pls_cvpat()] for a significance test of
#'   the same comparisons.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' set.seed(1)
#' pp <- pls_predict(fit, k = 10, reps = 3)
#' pp
#' tidy(pp, "decision")
#' glance(pp)
#' @export
pls_predict <- function(fit, k = 10L, reps = 10L, technique = c("DA", "EA"), folds = NULL) {
  check_pls_fit(fit)
  technique <- match_arg(technique)
  problem <- cv_problem(fit, "PLSpredict")
  folds <- cv_folds(folds, problem$n, k, reps)
  cv <- run_cv(fit, problem, folds, technique)
  structure(c(cv_summaries(fit$model, cv),
              list(predictions = cv, folds = folds, k = max(folds), reps = ncol(folds),
                   technique = technique, n_failed = attr(cv, "n_failed"))),
            class = "pls_predict")
}

# What every cross-validation refit shares.
cv_problem <- function(fit, what) {
  check_fit_has_data(fit, what)
  if (!is.null(fit$case_weights)) {
    abort_input("{what} does not support case weights yet: refit without {.arg case_weights}.")
  }
  data <- cv_data(fit)
  settings <- fit$settings
  list(X = data$X, n = nrow(data$X), model = fit$model, missing = settings$missing,
       consistent = isTRUE(settings$consistent), source = settings$source %||% "pearson",
       levels = settings$ordinal_levels,
       spec = model_spec(fit$model, settings$scheme, settings$tol, settings$max_iter, settings$consistent))
}

# The fold assignment: given (checked) or drawn as seminr draws it.
cv_folds <- function(folds, n, k, reps) {
  if (!is.null(folds)) return(check_folds(folds, n))
  check_number(k, "k", min = 2, integer = TRUE)
  check_number(reps, "reps", integer = TRUE)
  if (k > n) abort_input("{.arg k} ({k}) cannot exceed the number of cases ({n}).")
  vapply(seq_len(reps), function(r) draw_folds(n, k), integer(n))
}

# A random permutation of the cases cut into k consecutive folds.
draw_folds <- function(n, k) {
  order <- sample(n, n)
  folds <- integer(n)
  folds[order] <- cut(seq_len(n), breaks = k, labels = FALSE)
  folds
}

check_folds <- function(folds, n) {
  folds <- as.matrix(folds)
  ok <- is.numeric(folds) && !anyNA(folds) && all(folds == round(folds)) && all(folds >= 1)
  if (!ok) abort_input("{.arg folds} must hold whole fold numbers 1, 2, ..., k.")
  if (nrow(folds) != n) {
    abort_input("{.arg folds} has {nrow(folds)} row{?s} but the fit used {n} case{?s}.")
  }
  storage.mode(folds) <- "integer"
  for (r in seq_len(ncol(folds))) {
    k <- max(folds[, r])
    if (k < 2 || any(tabulate(folds[, r], k) == 0)) {
      abort_input("Each column of {.arg folds} must use every fold number from 1 to k (k >= 2).")
    }
  }
  dimnames(folds) <- NULL
  folds
}

# Refits the model to data X (the problem's columns) with the C kernel;
# errors name what was being fitted.
fit_matrix <- function(problem, X, missing, label) {
  columns <- stats::setNames(lapply(seq_len(ncol(X)), function(j) X[, j]), colnames(X))
  fit_columns <- if (!identical(problem$source %||% "pearson", "pearson")) {
    # the training rows' own EM, polychoric or rank correlations
    function(model, columns, weights, missing, spec) {
      c_fit_source(problem$source, model, columns, weights, missing, spec, problem$levels)
    }
  } else if (is.null(problem$model$stages)) c_fit_data else c_fit_staged
  raw <- tryCatch(fit_columns(problem$model, columns, NULL, missing, problem$spec),
                  error = function(e) {
                    abort_wrapped("Estimating the model on {label} failed.", e)
                  })
  raw_estimates(raw, problem$model, problem$consistent)
}

# Out-of-sample predictions of every case, averaged over the repetitions.
run_cv <- function(fit, problem, folds, technique) {
  model <- problem$model
  items <- endogenous_indicators(model)
  endogenous <- model_endogenous(model)
  X <- problem$X
  actual_scores <- fit$scores[, endogenous, drop = FALSE]
  empty <- function(columns) {
    array(NA_real_, c(problem$n, length(columns), ncol(folds)), list(NULL, columns, NULL))
  }
  pls <- lm <- naive <- empty(items)
  scores <- scores_naive <- empty(endogenous)
  n_failed <- 0L
  n_unconverged <- 0L
  for (r in seq_len(ncol(folds))) {
    for (f in seq_len(max(folds[, r]))) {
      test <- folds[, r] == f
      est <- fit_matrix(problem, X[!test, , drop = FALSE], problem$missing,
                        paste0("the training rows of fold ", f, " (repetition ", r, ")"))
      n_unconverged <- n_unconverged + !est$converged
      pred <- if (!est$consistent || est$admissible) {
        Z <- with_derived(scale_new(X[test, , drop = FALSE], est, problem$missing), est, model, problem$spec)
        predict_scaled(est, model, Z, technique)
      }
      if (is.null(pred)) {
        n_failed <- n_failed + 1L
        next
      }
      pls[test, , r] <- unscale(pred$items[, items, drop = FALSE], est, items)
      scores[test, , r] <- pred$scores[, endogenous]
      # with EM, the benchmark regresses on the answers completed under the
      # training rows' EM estimates
      lm[test, , r] <- if (identical(problem$missing, "em")) {
        lm_benchmark(em_impute(X, est$em$mean, est$em$cov), !test, test, model, technique, "fail")
      } else {
        lm_benchmark(X, !test, test, model, technique, problem$missing)
      }
      naive[test, , r] <- rep(est$means[items], each = sum(test))
      scores_naive[test, , r] <- rep(colMeans(actual_scores[!test, , drop = FALSE]), each = sum(test))
    }
  }
  report_cv_failures(n_failed, n_unconverged, sum(apply(folds, 2, max)))
  average <- function(a) {
    out <- rowMeans(a, dims = 2, na.rm = TRUE)
    out[is.nan(out)] <- NA_real_
    out
  }
  out <- list(actual = X[, items, drop = FALSE], pls = average(pls), lm = average(lm), naive = average(naive),
              scores = average(scores), scores_actual = actual_scores, scores_naive = average(scores_naive))
  structure(out, n_failed = n_failed)
}

report_cv_failures <- function(n_failed, n_unconverged, n_fits) {
  if (n_unconverged > 0) {
    warn_iecpls("The PLS algorithm did not converge in {n_unconverged} of {n_fits} training fit{?s}.", class = "iecpls_not_converged_warning")
  }
  if (n_failed == n_fits) {
    abort_estimation("The consistent PLS (PLSc) solution is inadmissible in every training fit: nothing to predict.", class = "iecpls_inadmissible")
  }
  if (n_failed > 0) {
    warn_iecpls(c(
      "The consistent PLS (PLSc) solution is inadmissible in {n_failed} of {n_fits} training fit{?s}.",
      "i" = "Their test rows are left out of every metric (benchmarks included)."
    ), class = "iecpls_inadmissible_warning")
  }
}

# LM benchmark: each endogenous block regressed (OLS with intercept, training
# rows, original scale) on the indicators of its antecedents (DA) or of the
# exogenous constructs (EA). Missing values are training means.
lm_benchmark <- function(X, train, test, model, technique, missing) {
  exogenous <- model_exogenous(model)
  out <- lapply(model_endogenous(model), function(construct) {
    y <- predicted_items(model, construct)
    if (!length(y)) return(NULL)
    sources <- if (technique == "DA") predecessors(model, construct) else exogenous
    # interaction terms have no columns of their own: linear terms only
    x <- intersect(construct_data_items(model, sources), colnames(X))
    means <- colMeans(X[train, c(x, y), drop = FALSE], na.rm = TRUE)
    fill <- function(M) {
      if (identical(missing, "mean") && anyNA(M)) {
        gaps <- which(is.na(M), arr.ind = TRUE)
        M[gaps] <- means[colnames(M)][gaps[, 2]]
      }
      M
    }
    coef <- stats::lm.fit(cbind(1, fill(X[train, x, drop = FALSE])), fill(X[train, y, drop = FALSE]))$coefficients
    coef <- as.matrix(coef)
    coef[is.na(coef)] <- 0
    cbind(1, fill(X[test, x, drop = FALSE])) %*% coef
  })
  do.call(cbind, out)
}

# RMSE, MAE and Q^2_predict of each column.
prediction_metrics <- function(actual, predicted, naive) {
  error <- actual - predicted
  baseline <- actual - naive
  keep <- !is.na(error) & !is.na(baseline)
  error[!keep] <- baseline[!keep] <- NA
  list(rmse = sqrt(colMeans(error^2, na.rm = TRUE)), mae = colMeans(abs(error), na.rm = TRUE),
       q2_predict = 1 - colSums(error^2, na.rm = TRUE) / colSums(baseline^2, na.rm = TRUE))
}

cv_summaries <- function(model, cv) {
  items <- colnames(cv$actual)
  pls <- prediction_metrics(cv$actual, cv$pls, cv$naive)
  lm <- prediction_metrics(cv$actual, cv$lm, cv$naive)
  indicators <- data.frame(indicator = items, construct = unname(indicator_construct(model)[items]),
                           rmse = unname(pls$rmse), mae = unname(pls$mae), q2_predict = unname(pls$q2_predict),
                           lm_rmse = unname(lm$rmse), lm_mae = unname(lm$mae), lm_q2_predict = unname(lm$q2_predict),
                           stringsAsFactors = FALSE)
  scores <- prediction_metrics(cv$scores_actual, cv$scores, cv$scores_naive)
  constructs <- data.frame(construct = colnames(cv$scores), rmse = unname(scores$rmse), mae = unname(scores$mae),
                           q2_predict = unname(scores$q2_predict), stringsAsFactors = FALSE)
  list(indicators = indicators, constructs = constructs, decision = decision_table(indicators))
}

# Shmueli et al. (2019): in how many indicators PLS beats the LM benchmark.
decision_table <- function(indicators) {
  groups <- c(split(seq_len(nrow(indicators)), factor(indicators$construct, unique(indicators$construct))),
              list("(all)" = seq_len(nrow(indicators))))
  rows <- lapply(names(groups), function(name) {
    x <- indicators[groups[[name]], , drop = FALSE]
    below_rmse <- sum(x$rmse < x$lm_rmse)
    below_mae <- sum(x$mae < x$lm_mae)
    data.frame(construct = name, indicators = nrow(x), q2_positive = sum(x$q2_predict > 0),
               pls_below_lm_rmse = below_rmse, pls_below_lm_mae = below_mae,
               power_rmse = predictive_power(below_rmse, nrow(x)), power_mae = predictive_power(below_mae, nrow(x)),
               stringsAsFactors = FALSE)
  })
  do.call(rbind, rows)
}

predictive_power <- function(better, total) {
  if (better == total) return("high")
  if (better == 0) return("none")
  if (2 * better >= total) "medium" else "low"
}

#' @rdname pls_predict
#' @param x A `pls_predict` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_predict <- function(x, digits = 3, ...) {
  technique <- c(DA = "direct antecedents (DA)", EA = "earliest antecedents (EA)")[[x$technique]]
  cat_wrapped("PLSpredict: ", x$k, "-fold cross-validation, ", x$reps, " repetition",
              if (x$reps == 1) "" else "s", ", ", technique, ", ", nrow(x$folds), " cases")
  cat("\n")
  cat_wrapped("Endogenous indicators (out of sample; LM = linear model benchmark):")
  print_wide(x$indicators, digits, groups = list(c("rmse", "mae", "q2_predict"), c("lm_rmse", "lm_mae", "lm_q2_predict")))
  cat("\nEndogenous construct scores (out of sample):\n")
  print_wide(x$constructs, digits)
  cat("\n")
  cat_wrapped("Predictive power (Shmueli et al. 2019: indicators with lower PLS than LM error):")
  decision <- x$decision
  names(decision) <- c("construct", "indicators", "Q2>0", "RMSE<LM", "MAE<LM", "power(RMSE)", "power(MAE)")
  print_wide(decision, digits)
  if (x$n_failed > 0) cat_wrapped("(", x$n_failed, " training fits with an inadmissible PLSc solution left out)")
  invisible(x)
}

#' @rdname pls_predict
#' @param what For `tidy()` and `as.data.frame()`: `"indicators"`,
#'   `"constructs"` or `"decision"`, the table returned.
#' @export
tidy.pls_predict <- function(x, what = c("indicators", "constructs", "decision"), ...) {
  x[[match_arg(what)]]
}

#' @rdname pls_predict
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_predict <- function(x, row.names = NULL, optional = FALSE,
                                      what = c("indicators", "constructs", "decision"), ...) {
  tidy.pls_predict(x, what = what)
}

#' @rdname pls_predict
#' @export
glance.pls_predict <- function(x, ...) {
  all <- x$decision[x$decision$construct == "(all)", , drop = FALSE]
  data.frame(k = x$k, reps = x$reps, technique = x$technique, nobs = nrow(x$folds), indicators = all$indicators,
             q2_predict_mean = mean(x$indicators$q2_predict), q2_positive = all$q2_positive,
             pls_below_lm_rmse = all$pls_below_lm_rmse, pls_below_lm_mae = all$pls_below_lm_mae,
             power_rmse = all$power_rmse, power_mae = all$power_mae, failed = x$n_failed,
             stringsAsFactors = FALSE)
}
