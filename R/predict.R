#' Predict construct scores and indicators for new respondents
#'
#' Computes the construct scores of new respondents from their answers with
#' the estimated outer weights, predicts the scores of the endogenous
#' constructs from the structural model and, from those, every indicator of
#' the endogenous constructs on its original scale.
#'
#' @section Method:
#' The new answers are standardized with the **training** means and standard
#' deviations (those of the data `fit` was estimated on, `fit$means` and
#' `fit$sds`), so nothing about the new respondents enters the estimates.
#' Their construct scores are the standardized answers times the outer
#' weights (\eqn{Y = Z W}). The endogenous constructs are then predicted from
#' the path coefficients \eqn{B}, in one of two ways (Danks 2021):
#' \describe{
#'   \item{`"DA"`, direct antecedents (the default, as in seminr's
#'     `predict_DA`)}{each endogenous construct from the scores of its direct
#'     predictors computed from the new answers, \eqn{\hat Y_j = \sum_k
#'     B_{kj} Y_k}. The answers to the indicators of a mediator are used to
#'     predict the constructs it affects.}
#'   \item{`"EA"`, earliest antecedents (seminr's `predict_EA`, cSEM's
#'     `"earliest"`, Shmueli et al. 2016)}{only the exogenous constructs are
#'     computed from the answers; endogenous constructs are predicted along
#'     the structural model in causal order, which amounts to the total
#'     effects \eqn{T}: \eqn{\hat Y_j = \sum_{k\ \mathrm{exogenous}} T_{kj}
#'     Y_k}.}
#' }
#' An indicator of an endogenous construct is predicted as its loading times
#' the predicted construct score, \eqn{\hat z = \lambda \hat Y_j}, and put
#' back on its original scale with the training mean and standard deviation,
#' \eqn{\hat x = \bar x + s \hat z}.
#'
#' **Consistent PLS.** For a fit with `consistent = TRUE` the construct
#' scores are not consistent estimates of the common factors, so the
#' indicators are predicted from the model-implied correlations instead (as
#' seminr does for PLSc models): with \eqn{\Sigma = \Lambda P \Lambda'}
#' (the consistent loadings and the construct correlations implied by the
#' structural model: the corrected correlations of the exogenous constructs
#' and, in causal order, \eqn{B'P} for each endogenous construct; unit
#' diagonal, and the observed correlations within composite blocks), the
#' indicators \eqn{y} of an endogenous construct are predicted by the
#' regression implied by \eqn{\Sigma} on the indicators \eqn{x} of its direct
#' antecedents (`"DA"`) or of the exogenous constructs (`"EA"`),
#' \eqn{\hat z_y = z_x \Sigma_{xx}^{-1} \Sigma_{xy}}, and the construct
#' scores are the predicted indicators times the weights. This needs
#' \eqn{\Sigma_{xx}} to be positive definite; otherwise it is an error.
#'
#' **Missing answers.** With a fit that used `missing = "mean"`, a missing
#' answer is replaced by the training mean. Otherwise only what depends on
#' it is `NA`: the score computed from the answers of the construct it
#' measures (a score needs all of its block's answers) and whatever is
#' predicted from that score (under `"DA"` the constructs it is a direct
#' antecedent of, under `"EA"` the endogenous constructs an exogenous
#' construct reaches, and their indicators), and the answer's own residual.
#' The respondent's other scores and predictions are computed as usual. For
#' a consistent PLS fit, the indicators of an endogenous construct are
#' predicted from all the indicators of its antecedents, so one of those
#' missing makes them `NA`.
#'
#' @param object A `pls_fit` from [pls()], fitted from data.
#' @param newdata A data frame (or numeric matrix) with the indicator columns
#'   of the model. Codes declared as missing with `na_values` when fitting are
#'   treated as missing here too. Omitted: the data the model was fitted on
#'   (in-sample predictions).
#' @param technique `"DA"` (direct antecedents, the default) or `"EA"`
#'   (earliest antecedents); see Method.
#' @param ... Not used.
#' @return A list with
#' \describe{
#'   \item{`scores`}{rows of `newdata` x constructs: the construct scores of
#'     the new respondents (standardized on the training scale); the columns
#'     of endogenous constructs hold their predictions.}
#'   \item{`indicators`}{rows of `newdata` x indicators of the endogenous
#'     constructs: the predicted answers on the original scale.}
#'   \item{`residuals`}{observed minus predicted answers of those
#'     indicators.}
#'   \item{`technique`}{the technique used.}
#' }
#' @references
#' Danks, N. P. (2021). The piggy in the middle: the role of mediators in PLS-SEM-based
#' prediction. *The DATA BASE for Advances in Information Systems*, 52(SI),
#' 24--42. \doi{10.1145/3505639.3505643}
#'
#' Shmueli, G., Ray, S., Velasquez Estrada, J. M., and Chatla, S. B. (2016).
#' The elephant in the room: predictive performance of PLS models. *Journal
#' of Business Research*, 69(10), 4552--4564.
#' \doi{10.1016/j.jbusres.2016.03.049}
#' @seealso [pls_predict()] for cross-validated predictions and their
#'   benchmarks.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi[1:200, ])
#' new <- predict(fit, newdata = mobi[201:250, ])
#' head(round(new$indicators, 2))
#' head(round(predict(fit, mobi[201:250, ], technique = "EA")$scores, 2))
#' @export
predict.pls_fit <- function(object, newdata = NULL, technique = c("DA", "EA"), ...) {
  check_pls_fit(object, "object")
  technique <- match_arg(technique)
  check_fit_has_data(object, "Prediction")
  if (is.null(newdata)) newdata <- cv_data(object)$X
  X <- new_indicator_matrix(newdata, object)
  est <- fit_estimates(object)
  Z <- with_derived(scale_new(X, est, object$settings$missing), est, object$model, fit_model_spec(object))
  pred <- predict_scaled(est, object$model, Z, technique)
  if (is.null(pred)) {
    abort_estimation(c("The implied correlations of the predictors of an endogenous construct are not positive definite.",
                       "i" = "The consistent PLS (PLSc) solution cannot be used for prediction."), class = "iecpls_inadmissible")
  }
  items <- endogenous_indicators(object$model)
  predicted <- unscale(pred$items[, items, drop = FALSE], est, items)
  list(scores = pred$scores, indicators = predicted, residuals = X[, items, drop = FALSE] - predicted,
       technique = technique)
}

check_fit_has_data <- function(fit, what) {
  if (is.null(fit$data)) {
    abort_input("{what} needs the data: {.arg fit} was fitted from a correlation matrix.", class = "iecpls_needs_data")
  }
  invisible(fit)
}

# The new answers as a numeric matrix of the model's indicators (block
# order), with the fit's missing-value codes set to NA.
new_indicator_matrix <- function(newdata, fit) {
  columns <- indicator_columns(newdata, data_model(fit$model), fit$settings$na_values)
  X <- matrix(as.double(unlist(columns, use.names = FALSE)), ncol = length(columns),
              dimnames = list(rownames(newdata), names(columns)))
  bad <- colSums(is.infinite(X)) > 0
  if (any(bad)) abort_data("Indicator{?s} {.var {names(columns)[bad]}} {?has/have} infinite values.", class = "iecpls_infinite_values")
  X
}

# The data a fit was estimated on (the rows it used) as a numeric matrix,
# with its case weights.
cv_data <- function(fit) {
  data <- fit_indicator_data(fit)
  weights <- fit$case_weights
  if (!is.null(fit$rows_used)) {
    data <- data[fit$rows_used, , drop = FALSE]
    weights <- weights[fit$rows_used]
  }
  X <- matrix(as.double(unlist(data, use.names = FALSE)), ncol = ncol(data),
              dimnames = list(NULL, names(data)))
  list(X = X, weights = weights)
}

# The estimates prediction needs, from a fit or from a raw C result.
# W and L are indicators x constructs (zero outside a block).
fit_estimates <- function(fit) {
  list(W = fit$outer_weights, L = fit$outer_loadings, B = fit$path_coef, P = fit$construct_cor,
       R = fit$indicator_cor, means = fit$means, sds = fit$sds,
       consistent = isTRUE(fit$settings$consistent), admissible = isTRUE(fit$admissible),
       converged = isTRUE(fit$converged), stages = fit$stages, score_weights = score_weights(fit$outer_weights, fit$stages),
       em = fit$em)
}

# Weights that give the construct scores: the outer weights, with an
# unstandardized product term's column times its factor (see `product_term`
# of pls()).
score_weights <- function(W, stages) {
  factor <- stages$product_factor
  if (is.null(factor) || all(factor == 1)) return(W)
  sweep(W, 2, factor, "*")
}

raw_estimates <- function(raw, model, consistent) {
  membership <- block_membership(model)
  constructs <- model$constructs
  B <- raw$path_coef
  P <- raw$construct_cor
  dimnames(B) <- dimnames(P) <- list(constructs, constructs)
  R <- raw$cor
  dimnames(R) <- list(model$indicators, model$indicators)
  base <- base_indicators(model)
  list(W = membership * raw$weights, L = membership * raw$loadings, B = B, P = P, R = R,
       means = stats::setNames(raw$means, base), sds = stats::setNames(raw$sds, base),
       consistent = consistent, admissible = isTRUE(raw$admissible), converged = isTRUE(raw$converged),
       scores = raw$scores, em = raw$em,
       stages = if (!is.null(model$stages)) raw[stage_estimates],
       score_weights = score_weights(membership * raw$weights, if (!is.null(model$stages)) raw[stage_estimates]))
}

# Standardized answers Z (base columns) with an expanded model's derived
# columns (interaction terms) formed as in the fitted sample (the stage-1
# weights, residual coefficients and standardization of `est`), in the
# model's indicator order; Z itself for other models.
with_derived <- function(Z, est, model, spec) {
  if (is.null(model$stages)) return(Z)
  derived <- c_derived_values(spec, est$stages, t(Z))
  derived <- sweep(sweep(derived, 2, est$stages$derived_mean), 2, est$stages$derived_sd, "/")
  colnames(derived) <- model$stages$derived$name
  out <- cbind(Z, derived)[, model$stages$column %||% model$indicators, drop = FALSE]
  colnames(out) <- model$indicators
  out
}

# Standardizes answers with the training means and sds; a missing answer is
# the training mean (0) when the fit replaced missing values by means.
scale_new <- function(X, est, missing) {
  # with EM, a missing answer is its conditional expectation given the
  # row's other answers under the fit's EM estimates
  if (identical(missing, "em") && anyNA(X)) {
    columns <- names(est$em$mean)
    X[, columns] <- em_impute(X[, columns, drop = FALSE], est$em$mean, est$em$cov)
  }
  Z <- sweep(sweep(X, 2, est$means[colnames(X)]), 2, est$sds[colnames(X)], "/")
  if (identical(missing, "mean")) Z[is.na(Z)] <- 0
  Z
}

unscale <- function(Z, est, items) {
  sweep(sweep(Z, 2, est$sds[items], "*"), 2, est$means[items], "+")
}

# The indicators predicted: those of the endogenous constructs that are data
# columns (a higher-order construct's block is its dimensions' scores or
# copies of their items, which are predicted through the dimensions when
# these are endogenous).
endogenous_indicators <- function(model) {
  unlist(lapply(model_endogenous(model), predicted_items, model = model), use.names = FALSE)
}

# The indicators of `construct` that are predicted: data columns, and none
# of a dimension in the repeated-indicators approach (its HOC's score holds
# its own items).
predicted_items <- function(model, construct) {
  if (identical(model$hoc_method, "repeated") && construct %in% model$hoc$dimension) return(character())
  items <- model$blocks[[construct]]
  items[items %in% base_indicators(model)]
}

# The data columns behind constructs' scores: a higher-order construct's are
# its dimensions' items.
construct_data_items <- function(model, constructs) {
  hoc <- model$hoc
  items <- lapply(constructs, function(k) {
    if (k %in% hoc$hoc) return(unlist(model$blocks[hoc$dimension[hoc$hoc == k]], use.names = FALSE))
    model$blocks[[k]]
  })
  items <- unique(unlist(items, use.names = FALSE))
  items[items %in% base_indicators(model)]
}

# Constructs that predict others and have no predictors (the dimensions of a
# two-stage higher-order construct, outside the structural model, are not).
model_exogenous <- function(model) {
  model$constructs[colSums(model$inner) == 0L & rowSums(model$inner) > 0L]
}

# Predicted construct scores and indicators (standardized units) of the rows
# of Z. Returns NULL when a PLSc prediction is impossible.
predict_scaled <- function(est, model, Z, technique) {
  if (est$consistent) return(predict_implied(est, model, Z, technique))
  scores <- product_na(Z, est$score_weights %||% est$W)
  endogenous <- model_endogenous(model)
  predicted <- scores
  predicted[, endogenous] <- if (technique == "DA") {
    product_na(scores, est$B[, endogenous, drop = FALSE])
  } else {
    exogenous <- model_exogenous(model)
    product_na(scores[, exogenous, drop = FALSE], total_effects(est$B)[exogenous, endogenous, drop = FALSE])
  }
  list(scores = predicted, items = product_na(predicted, t(est$L)))
}

# A %*% M, where a missing value A[i, k] makes NA only the results that use
# it (M[k, j] != 0): in a plain matrix product NA * 0 is NA, which would
# make every result of row i NA.
product_na <- function(A, M) {
  missing <- is.na(A)
  if (!any(missing)) return(A %*% M)
  A[missing] <- 0
  out <- A %*% M
  out[(missing %*% (M != 0)) > 0] <- NA
  out
}

# PLSc: regressions implied by the model-implied indicator correlations.
predict_implied <- function(est, model, Z, technique) {
  sigma <- plsc_implied_cor(est, model)
  if (is.null(sigma)) return(NULL)
  items <- Z
  exogenous <- model_exogenous(model)
  for (construct in model_endogenous(model)) {
    sources <- if (technique == "DA") predecessors(model, construct) else exogenous
    x <- unlist(model$blocks[sources], use.names = FALSE)
    y <- model$blocks[[construct]]
    factor <- tryCatch(chol(sigma[x, x, drop = FALSE]), error = function(e) NULL)
    if (is.null(factor)) return(NULL)
    beta <- backsolve(factor, forwardsolve(t(factor), sigma[x, y, drop = FALSE]))
    items[, y] <- Z[, x, drop = FALSE] %*% beta
  }
  list(scores = product_na(items, est$score_weights %||% est$W), items = items)
}

# Indicator correlations implied by the loadings and the construct
# correlations implied by the structural model (unit diagonal), with the
# observed correlations within composite blocks; NULL when the implied
# construct correlations are not positive definite.
plsc_implied_cor <- function(est, model) {
  P <- recursive_construct_cor(est$B, est$P, model)
  if (inherits(tryCatch(chol(P), error = function(e) e), "error")) return(NULL)
  sigma <- est$L %*% P %*% t(est$L)
  diag(sigma) <- 1
  for (construct in model$constructs[model$modes == "B"]) {
    items <- model$blocks[[construct]]
    sigma[items, items] <- est$R[items, items]
  }
  sigma
}

# Construct correlations implied by a recursive structural model with
# uncorrelated disturbances: the exogenous constructs keep theirs, each
# endogenous construct (in causal order) correlates B'P with the constructs
# before it, and has unit variance.
recursive_construct_cor <- function(B, P, model) {
  implied <- P
  placed <- model_exogenous(model)
  remaining <- model_endogenous(model)
  while (length(remaining)) {
    ready <- remaining[vapply(remaining, function(k) all(predecessors(model, k) %in% placed), logical(1))]
    for (k in ready) {
      implied[placed, k] <- implied[k, placed] <- implied[placed, placed, drop = FALSE] %*% B[placed, k]
      implied[k, k] <- 1
      placed <- c(placed, k)
    }
    remaining <- setdiff(remaining, ready)
  }
  implied
}
