# Model selection criteria of the structural equations (issue #20) and the
# side-by-side comparison of models fitted to the same data.

#' Compare PLS path models fitted to the same data
#'
#' `pls_compare()` puts several models fitted with [pls()] to the same data
#' side by side: for each endogenous construct, the R^2, adjusted R^2 and
#' the information criteria of its structural equation in each model, with
#' the BIC weights Sharma et al. (2019, 2021) recommend for choosing among
#' them.
#'
#' **Criteria.** Each endogenous construct \eqn{y} is regressed on the scores
#' of its \eqn{p} predictors: with \eqn{n} cases, \eqn{k = p + 1}
#' coefficients and \eqn{SSE = (1 - R^2)(n - 1)} (standardized scores),
#' \deqn{AIC = n \log(SSE/n) + 2k, \quad BIC = n \log(SSE/n) + k \log n,}
#' as in seminr's `it_criteria` (and [pls_r2()]) and cSEM's
#' `calculateModelSelectionCriteria()` by equation, which both agree to
#' 1e-6 (tests, on mobi and corp_rep). The Geweke-Meese criterion
#' (Geweke and Meese 1981; Sharma et al. 2019, Table B1) is
#' \deqn{GM = SSE / \hat\sigma^2 + k \log n,}
#' where \eqn{\hat\sigma^2 = SSE_{full} / (n - k_{full})} is the residual
#' variance of the full equation, which regresses \eqn{y} on every other
#' construct of the model (\eqn{k_{full}} coefficients) except its own
#' dimensions or higher-order construct; exactly collinear constructs count
#' once (\eqn{k_{full}} is the rank of the predictors plus one). seminr computes no
#' GM. cSEM's (0.7) GM differs: it is \eqn{SSE / (1 - R^2_{sat}) + k \log n},
#' where \eqn{R^2_{sat}} is the construct's \eqn{R^2} in a saturated model
#' that cSEM estimates anew (weights and scores of its own), regressing each
#' construct on all constructs before it in cSEM's order of the constructs
#' (its structural matrix filled below the diagonal, so exogenous constructs
#' are regressed on each other too). It thus divides by an \eqn{R^2}-based
#' mean square without the \eqn{(n - 1)/(n - k_{full})} factor, and its full
#' equation leaves out the constructs after the outcome and is estimated
#' with other scores; here the full equation uses the fit's own scores.
#' The tests check that cSEM's value is that formula applied to our SSE and
#' to the \eqn{R^2} of the same saturated model refitted with [pls()] (to
#' 1e-6). Under [pls()]'s
#' `case_weights`, \eqn{R^2} is the
#' weighted one and \eqn{n} the number of cases of positive weight. Smaller
#' is better for all three; `NA` where \eqn{R^2 \ge 1} (an inadmissible PLSc
#' solution).
#'
#' **BIC weights.** For each endogenous construct present in several models,
#' with \eqn{\Delta_i = BIC_i - \min_j BIC_j},
#' \eqn{w_i = \exp(-\Delta_i/2) / \sum_j \exp(-\Delta_j/2)}: the Akaike
#' weights (Burnham and Anderson 2002) computed from BIC, as Sharma et al.
#' (2021) recommend and seminr's `compute_itcriteria_weights()` does. They
#' sum to 1 over the models for each construct; the model with the largest
#' weight is the one to prefer, and weights close to each other mean the
#' data do not tell the models apart.
#'
#' **Same data.** The models must have been fitted to the same cases: the
#' same number of rows, the same rows used, the same case weights, and the
#' same values in every column two models share. Fits from a correlation
#' matrix (`pls(S = )`) keep no data and cannot be compared.
#'
#' @param ... Two or more `pls_fit` objects from [pls()], named by their
#'   argument names (`pls_compare(base = fit1, full = fit2)`) or else
#'   `"Model 1"`, `"Model 2"`, ...
#' @param x A `pls_compare` object.
#' @param digits Number of decimal places printed.
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @return A `pls_compare` object: a list with `table`, a data frame with one
#'   row per model and endogenous construct that is endogenous in at least
#'   two of the models (`construct`, `model`, `n`, `k`, `r2`, `r2_adj`,
#'   `aic`, `bic`, `gm`, `bic_weight`, and `best`, `TRUE` for the model of
#'   largest BIC weight), and `models`, the model names. `tidy()` and
#'   `as.data.frame()` give the table; `glance()` one row with the number of
#'   models, constructs compared and observations, and `preferred`, the model
#'   preferred for most constructs. `print()` returns its argument
#'   invisibly.
#' @references
#' Burnham, K. P., and Anderson, D. R. (2002). *Model Selection and
#' Multimodel Inference* (2nd ed.). Springer. \doi{10.1007/b97636}
#'
#' Geweke, J., and Meese, R. (1981). Estimating regression models of finite
#' but unknown order. *International Economic Review*, 22(1), 55--70.
#' \doi{10.2307/2526135}
#'
#' Sharma, P. N., Sarstedt, M., Shmueli, G., Kim, K. H., and Thiele, K. O.
#' (2019). PLS-based model selection: the role of alternative explanations in
#' information systems research. *Journal of the Association for Information
#' Systems*, 20(4), 346--397. \doi{10.17705/1jais.00538}
#'
#' Sharma, P. N., Shmueli, G., Sarstedt, M., Danks, N., and Ray, S. (2021).
#' Prediction-oriented model selection in partial least squares path
#' modeling. *Decision Sciences*, 52(3), 567--607. \doi{10.1111/deci.12329}
#' @seealso [summary.pls_fit()], whose "Model selection criteria" section
#'   gives the criteria of one model; [pls_r2()].
#' @examples
#' base <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Satisfaction
#' ", data = mobi)
#' direct <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' comparison <- pls_compare(mediation = base, direct = direct)
#' comparison
#' tidy(comparison)
#' glance(comparison)
#' @export
pls_compare <- function(...) {
  fits <- list(...)
  if (length(fits) < 2) abort_input("{.fn pls_compare} needs at least two fitted models; {length(fits)} given.")
  labels <- names(fits) %||% rep("", length(fits))
  labels[!nzchar(labels)] <- paste("Model", seq_along(fits))[!nzchar(labels)]
  if (anyDuplicated(labels)) abort_input("Model names must differ: {.val {unique(labels[duplicated(labels)])}} is repeated.")
  for (i in seq_along(fits)) {
    if (!inherits(fits[[i]], "pls_fit")) {
      abort_input("{.val {labels[i]}} is not a fitted model from {.fn pls} (class {.cls {class(fits[[i]])}}).")
    }
    check_pls_fit(fits[[i]])
  }
  check_same_data(fits, labels)
  rows <- lapply(seq_along(fits), function(i) cbind(model = labels[i], selection_criteria(fits[[i]])))
  table <- do.call(rbind, rows)
  shared <- names(which(table(table$construct) >= 2))
  if (!length(shared)) abort_input("No endogenous construct is endogenous in two of the models compared.")
  table <- table[table$construct %in% shared, , drop = FALSE]
  table <- table[order(match(table$construct, unique(table$construct)), match(table$model, labels)), ]
  table$bic_weight <- stats::ave(table$bic, table$construct, FUN = bic_weights)
  table$best <- stats::ave(table$bic_weight, table$construct, FUN = function(w) !is.na(w) & w == max(w, na.rm = TRUE)) == 1
  table <- table[c("construct", "model", "n", "k", "r2", "r2_adj", "aic", "bic", "gm", "bic_weight", "best")]
  structure(list(table = remove_row_names(table), models = labels), class = "pls_compare")
}

# The weights exp(-delta/2) / sum(exp(-delta/2)), delta = criterion - min.
bic_weights <- function(criterion) {
  likelihood <- exp(-(criterion - min(criterion, na.rm = TRUE)) / 2)
  likelihood / sum(likelihood, na.rm = TRUE)
}

# The models were fitted to the same cases: same rows, rows used, case
# weights and values of the columns they share.
check_same_data <- function(fits, labels) {
  no_data <- vapply(fits, function(fit) is.null(fit$data), logical(1))
  if (any(no_data)) {
    abort_input(c("{.fn pls_compare} needs models fitted to data.",
                  "x" = "{.val {labels[no_data]}} {?was/were} fitted from a correlation matrix."),
                class = "iecpls_compare_error")
  }
  first <- fits[[1]]
  for (i in seq_along(fits)[-1]) {
    reason <- data_difference(first, fits[[i]])
    if (!is.null(reason)) {
      abort_input(c("The models compared must be fitted to the same data.",
                    "x" = "{.val {labels[1]}} and {.val {labels[i]}} differ: {reason}."),
                  class = "iecpls_compare_error")
    }
  }
}

data_difference <- function(a, b) {
  if (NROW(a$data) != NROW(b$data)) return(paste(NROW(a$data), "rows against", NROW(b$data)))
  if (!identical(a$rows_used %||% TRUE, b$rows_used %||% TRUE)) return("different rows used")
  if (!identical(as.double(a$case_weights), as.double(b$case_weights))) return("different case weights")
  if (!identical(a$nobs, b$nobs)) return(paste(a$nobs, "observations against", b$nobs))
  shared <- intersect(colnames(a$data), colnames(b$data))
  differs <- shared[!vapply(shared, function(column) identical(a$data[, column], b$data[, column]), logical(1))]
  if (length(differs)) return(paste0("the values of ", paste(differs, collapse = ", ")))
  NULL
}

# Per endogenous construct: n, k (predictors + 1), SSE, R^2, adjusted R^2,
# AIC, BIC and GM of its structural equation (see ?pls_compare).
selection_criteria <- function(fit) {
  endogenous <- names(fit$r2)
  n <- fit$nobs
  k <- unname(colSums(fit$model$inner != 0)[endogenous]) + 1L
  sse <- residual_ss(fit$r2, n)
  log_sse <- n * log(sse / n)
  full <- lapply(endogenous, function(y) saturated_r2(fit, y))
  k_full <- vapply(full, `[[`, numeric(1), "k")
  sigma2 <- residual_ss(vapply(full, `[[`, numeric(1), "r2"), n) / (n - k_full)
  data.frame(construct = endogenous, n = rep(as.integer(n), length(endogenous)), k = k, sse = unname(sse),
             r2 = unname(fit$r2), r2_adj = unname(fit$r2_adj),
             aic = unname(log_sse + 2 * k), bic = unname(log_sse + k * log(n)),
             gm = unname(sse / sigma2 + k * log(n)), stringsAsFactors = FALSE)
}

# GM's error variance comes from the saturated equation of `outcome`: its
# regression on every other construct but its own dimensions or
# higher-order construct (parts of the same whole). Exactly collinear
# predictors (such as the dimensions of another higher-order construct and
# that construct) count once: the R^2 is that of the least-squares fit on
# the predictors' correlations through their eigenvalues above 1e-10 of the
# largest, k the rank plus one.
saturated_r2 <- function(fit, outcome) {
  hoc <- fit$model$hoc
  related <- if (is.null(hoc)) character() else c(hoc$dimension[hoc$hoc == outcome], hoc$hoc[hoc$dimension == outcome])
  predictors <- setdiff(fit$model$constructs, c(outcome, related))
  if (!length(predictors)) return(list(r2 = 0, k = 1))
  r <- fit$construct_cor[predictors, outcome]
  decomposition <- eigen(fit$construct_cor[predictors, predictors, drop = FALSE], symmetric = TRUE)
  keep <- decomposition$values > max(decomposition$values) * 1e-10
  projection <- crossprod(decomposition$vectors[, keep, drop = FALSE], r)
  list(r2 = sum(projection^2 / decomposition$values[keep]), k = sum(keep) + 1)
}

# (1 - R^2)(n - 1) of standardized scores; NA where R^2 >= 1 (inadmissible PLSc).
residual_ss <- function(r2, n) {
  residual <- 1 - r2
  residual[residual <= 0] <- NA
  residual * (n - 1)
}

#' @rdname pls_compare
#' @export
print.pls_compare <- function(x, digits = 3, ...) {
  table <- x$table
  cat("Comparison of ", length(x$models), " PLS path models on the same data (n = ", table$n[1], ")\n", sep = "")
  cat_wrapped("Models: ", paste(x$models, collapse = ", "))
  cat_wrapped("Smaller AIC, BIC and GM are better; BIC weights (Sharma et al. 2021) ",
              "sum to 1 over the models for each construct, * marks the largest.")
  cat("\n")
  shown <- table[c("construct", "model", "k", "r2", "r2_adj", "aic", "bic", "gm", "bic_weight")]
  shown$` ` <- ifelse(table$best, "*", "")
  print_wide(shown, digits, groups = list(c("k", "r2", "r2_adj"), c("aic", "bic", "gm", "bic_weight", " ")))
  invisible(x)
}

#' @rdname pls_compare
#' @export
tidy.pls_compare <- function(x, ...) x$table

#' @rdname pls_compare
#' @method as.data.frame pls_compare
#' @export
as.data.frame.pls_compare <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_compare(x)

#' @rdname pls_compare
#' @export
glance.pls_compare <- function(x, ...) {
  table <- x$table
  votes <- table(factor(table$model[table$best], levels = x$models))
  data.frame(models = length(x$models), constructs = length(unique(table$construct)), nobs = table$n[1],
             preferred = names(votes)[which.max(votes)], stringsAsFactors = FALSE)
}
