#' Blindfolding: Stone-Geisser's Q^2
#'
#' Cross-validated redundancy and communality of each endogenous reflective
#' (Mode A) construct by the blindfolding procedure (Stone 1974; Geisser
#' 1974; Wold 1982): parts of the construct's data are omitted in turn,
#' the model is estimated without them and the omitted answers are predicted.
#' \eqn{Q^2 > 0} means the model predicts the construct's indicators better
#' than their means.
#'
#' @section Procedure:
#' For an endogenous Mode A construct with indicators \eqn{x_1, \dots, x_p}
#' and the omission distance \eqn{D}, the \eqn{n \times p} answers are
#' numbered down the columns (case by case for \eqn{x_1}, then for
#' \eqn{x_2}, ...): answer \eqn{(i, j)} has number \eqn{(j - 1)n + i}. In
#' round \eqn{d = 1, \dots, D} the answers numbered \eqn{d, d + D, d + 2D,
#' \dots} are omitted and replaced by the mean of the answers kept for that
#' indicator, and the model is estimated on these data by the C kernel of
#' [pls()] with the settings of `fit` (so every answer is omitted exactly
#' once). Each omitted answer is then predicted from the round's estimates,
#' standardized by the round's indicator mean \eqn{m_j} and standard
#' deviation \eqn{s_j}:
#' \describe{
#'   \item{cross-validated redundancy}{from the construct's predictors:
#'     \eqn{\hat x_{ij} = m_j + s_j \lambda_j \sum_k b_k y_{ik}}, with the
#'     round's loading \eqn{\lambda_j}, paths \eqn{b_k} and predictor scores
#'     \eqn{y_{ik}};}
#'   \item{cross-validated communality}{from the construct's own score:
#'     \eqn{\hat x_{ij} = m_j + s_j \lambda_j y_{i}}.}
#' }
#' With answers and errors on the standardized scale of the whole sample
#' (\eqn{z_{ij} = (x_{ij} - \bar x_j)/\mathrm{sd}(x_j)}), \eqn{SSO = \sum
#' z_{ij}^2}, \eqn{SSE = \sum ((x_{ij} - \hat x_{ij})/\mathrm{sd}(x_j))^2}
#' over all omitted answers and \eqn{Q^2 = 1 - SSE/SSO}, as in SmartPLS
#' (whose SSO is \eqn{n p} because it standardizes with \eqn{n} instead of
#' \eqn{n - 1}). Answers missing in the data are estimated like omitted ones
#' but left out of SSO and SSE.
#'
#' When \eqn{n} is a multiple of \eqn{D}, the same cases are omitted for
#' every indicator in a round (whole cases disappear and the pattern
#' repeats); choose a \eqn{D} between 5 and 12 that does not divide \eqn{n}
#' (Hair et al. 2017). Neither seminr nor cSEM implements blindfolding;
#' the tests compare it with a direct implementation in plain R.
#'
#' @section Effect size q^2:
#' `pls_q2_effect()` gives the effect size \eqn{q^2} of each path into an
#' endogenous Mode A construct, the counterpart of [pls_f2()] for predictive
#' relevance (Hair et al. 2017): \eqn{q^2 = (Q^2_{incl} - Q^2_{excl}) / (1 -
#' Q^2_{incl})}, where \eqn{Q^2_{incl}} is the construct's cross-validated
#' redundancy in `fit` and \eqn{Q^2_{excl}} its cross-validated redundancy
#' when the model without the path is estimated again and blindfolded with the
#' same omission distance (the model of `pls_f2(method = "refit")`: a
#' construct left without any path is dropped). When the path is the
#' construct's only one, \eqn{Q^2_{excl}} is 0, as \eqn{R^2_{excl}} is for
#' \eqn{f^2}. Values of 0.02, 0.15 and 0.35 are read as small, medium and
#' large.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data (without case
#'   weights).
#' @param omission_distance The omission distance \eqn{D}, a whole number
#'   from 2 to half the number of cases.
#' @return An object of class `pls_blindfold`: a list with `q2`, a data frame
#'   with one row per endogenous Mode A construct (`construct`, `sso`,
#'   `sse_redundancy`, `q2_redundancy`, `sse_communality`,
#'   `q2_communality`), and `omission_distance` and `nobs`.
#'   `tidy()` and `as.data.frame()` return `q2`; `glance()` a data frame with
#'   one row: `omission_distance`, `nobs`, `constructs` (rows of `q2`), the
#'   smallest cross-validated redundancy `q2_redundancy_min`, and
#'   `q2_positive`, the constructs whose redundancy is above 0.
#'
#'   `pls_q2_effect()`: a data frame with one row per path into an
#'   endogenous Mode A construct: `from`, `to`, `q2_included`, `q2_excluded`
#'   (cross-validated redundancies of `to` with and without the path) and
#'   `q2` (the effect size).
#' @references
#' Geisser, S. (1974). A predictive approach to the random effect model.
#' *Biometrika*, 61(1), 101--107. \doi{10.1093/biomet/61.1.101}
#'
#' Hair, J. F., Hult, G. T. M., Ringle, C. M., and Sarstedt, M. (2017).
#' *A Primer on Partial Least Squares Structural Equation Modeling
#' (PLS-SEM)* (2nd ed.). Sage.
#'
#' Stone, M. (1974). Cross-validatory choice and assessment of statistical
#' predictions. *Journal of the Royal Statistical Society B*, 36(2),
#' 111--147. \doi{10.1111/j.2517-6161.1974.tb00994.x}
#'
#' Wold, H. (1982). Soft modeling: the basic design and some extensions. In
#' K. G. Joereskog and H. Wold (eds.), *Systems Under Indirect Observation*,
#' part II, 1--54. North-Holland.
#' @seealso [pls_predict()] for out-of-sample prediction of new cases.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' blindfold <- pls_blindfold(fit, omission_distance = 7)
#' blindfold
#' glance(blindfold)
#' pls_q2_effect(fit)
#' @export
pls_blindfold <- function(fit, omission_distance = 7L) {
  check_pls_fit(fit)
  check_no_source(fit, "{.fn pls_blindfold}")
  problem <- cv_problem(fit, "Blindfolding")
  n <- problem$n
  check_number(omission_distance, "omission_distance", min = 2, integer = TRUE)
  if (omission_distance > n / 2) {
    abort_input("{.arg omission_distance} ({omission_distance}) must not exceed half the number of cases ({n}).")
  }
  if (n %% omission_distance == 0) {
    warn_iecpls(c(
      "The number of cases ({n}) is a multiple of the omission distance ({omission_distance}).",
      "i" = "Every round then omits whole cases and the omission pattern repeats; choose another {.arg omission_distance}."
    ), class = "iecpls_blindfold_warning")
  }
  model <- fit$model
  targets <- model_endogenous(model)[model$modes[model_endogenous(model)] == "A"]
  # a higher-order construct's items are its dimensions' scores (or copies)
  targets <- targets[lengths(lapply(targets, predicted_items, model = model)) > 0L]
  if (!length(targets)) abort_model("The model has no endogenous Mode A (reflective) construct.")
  rows <- lapply(targets, blindfold_construct, problem = problem, fit = fit, D = as.integer(omission_distance))
  structure(list(q2 = do.call(rbind, rows), omission_distance = as.integer(omission_distance), nobs = n),
            class = "pls_blindfold")
}

#' @rdname pls_blindfold
#' @export
pls_q2_effect <- function(fit, omission_distance = 7L) {
  included <- pls_blindfold(fit, omission_distance)
  D <- included$omission_distance
  paths <- path_table(fit)
  paths <- paths[paths$to %in% included$q2$construct, c("from", "to"), drop = FALSE]
  q2_included <- included$q2$q2_redundancy[match(paths$to, included$q2$construct)]
  q2_excluded <- mapply(function(from, to) q2_excluded(fit, from, to, D), paths$from, paths$to,
                        USE.NAMES = FALSE)
  out <- data.frame(from = paths$from, to = paths$to, q2_included = q2_included,
                    q2_excluded = as.numeric(q2_excluded), stringsAsFactors = FALSE)
  out$q2 <- (out$q2_included - out$q2_excluded) / (1 - out$q2_included)
  out
}

# Q^2 (redundancy) of `to` once the path from -> to is removed; 0 when `to`
# then has no predictor.
q2_excluded <- function(fit, from, to, D) {
  if (!length(setdiff(predecessors(fit$model, to), from))) return(0)
  reduced <- refit(fit, drop_path(fit$model, from, to))
  blindfold_construct(to, cv_problem(reduced, "Blindfolding"), reduced, D)$q2_redundancy
}

# SSO, SSE and Q^2 of one construct over the D rounds.
blindfold_construct <- function(construct, problem, fit, D) {
  model <- problem$model
  X <- problem$X
  n <- problem$n
  items <- predicted_items(model, construct)
  round <- (matrix(seq_len(n * length(items)), n) - 1L) %% D + 1L
  sources <- predecessors(model, construct)
  k <- match(construct, model$constructs)
  sse <- c(redundancy = 0, communality = 0)
  sso <- 0
  for (d in seq_len(D)) {
    omitted <- round == d
    data <- X
    data[, items][omitted] <- NA
    est <- fit_matrix(problem, data, "mean", paste0("the data of blindfolding round ", d, " for ", construct))
    scores <- est$scores
    colnames(scores) <- model$constructs
    predicted <- list(redundancy = scores[, sources, drop = FALSE] %*% est$B[sources, construct],
                      communality = scores[, k])
    actual <- X[, items, drop = FALSE]
    cells <- omitted & !is.na(actual)
    z <- sweep(sweep(actual, 2, fit$means[items]), 2, fit$sds[items], "/")
    sso <- sso + sum(z[cells]^2)
    for (type in names(predicted)) {
      x_hat <- unscale(outer(as.vector(predicted[[type]]), est$L[items, construct]), est, items)
      error <- sweep(actual - x_hat, 2, fit$sds[items], "/")
      sse[[type]] <- sse[[type]] + sum(error[cells]^2)
    }
  }
  data.frame(construct = construct, sso = sso, sse_redundancy = sse[["redundancy"]],
             q2_redundancy = 1 - sse[["redundancy"]] / sso, sse_communality = sse[["communality"]],
             q2_communality = 1 - sse[["communality"]] / sso, stringsAsFactors = FALSE)
}

#' @rdname pls_blindfold
#' @param x A `pls_blindfold` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_blindfold <- function(x, digits = 3, ...) {
  cat_wrapped("Blindfolding (omission distance ", x$omission_distance, ", ", x$nobs, " cases): Stone-Geisser Q2")
  cat("\n")
  print_wide(x$q2, digits, groups = list(c("sse_redundancy", "q2_redundancy"), c("sse_communality", "q2_communality")))
  cat("\n")
  cat_wrapped("Q2 > 0: the model predicts the omitted answers better than their means.")
  invisible(x)
}

#' @rdname pls_blindfold
#' @export
tidy.pls_blindfold <- function(x, ...) x$q2

#' @rdname pls_blindfold
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_blindfold <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_blindfold(x)

#' @rdname pls_blindfold
#' @export
glance.pls_blindfold <- function(x, ...) {
  q2 <- x$q2
  data.frame(omission_distance = x$omission_distance, nobs = x$nobs, constructs = nrow(q2),
             q2_redundancy_min = min(q2$q2_redundancy), q2_positive = sum(q2$q2_redundancy > 0))
}
