#' Tidy tables of a fitted PLS path model
#'
#' `tidy()` returns the estimates of a [pls()] fit as a data frame with one
#' row per estimate, and `glance()` a one-row summary of the model, following
#' the conventions of the broom package: a `term` column naming each
#' estimate and an `estimate` column holding it. The verbs come from the
#' lightweight generics package and are re-exported, so `tidy(fit)` works
#' after `library(iecpls)` (broom is not needed). `as.data.frame()` is
#' `tidy()`.
#'
#' @param x A `pls_fit` object from [pls()].
#' @param what Which estimates `tidy()` returns:
#'   \describe{
#'     \item{`"paths"`}{path coefficients; `term` is `"from -> to"`.}
#'     \item{`"loadings"`, `"weights"`}{outer loadings or weights; `term` is
#'       `"construct =~ indicator"` (`<~` for composites), as in
#'       [coef.pls_fit()].}
#'     \item{`"effects"`}{direct, total indirect and total effects, one row
#'       per pair of linked constructs and `effect`.}
#'     \item{`"indirect"`}{each specific indirect effect; `term` is the
#'       chain, such as `"Image -> Satisfaction -> Loyalty"`.}
#'   }
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @param ... Not used.
#' @return `tidy()`: a data frame with `term` first, the columns that
#'   identify the estimate (`from`, `to`, or `construct`, `indicator`, and
#'   `effect` for effects) and `estimate`. `glance()`: a data frame with one
#'   row: `nobs`, `indicators`, `constructs`, `paths`, `scheme`,
#'   `iterations`, `converged`, `admissible` (`FALSE` for an inadmissible
#'   PLSc solution, see [pls()]), the mean R^2 of the endogenous constructs
#'   (`r2_mean`) and the SRMR, d_ULS and d_G of the estimated model (see
#'   [pls_model_fit()]).
#' @seealso [summary.pls_fit()] for the full assessment tables; [tidy.pls_boot()]
#'   for the estimates with bootstrap standard errors and intervals.
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' tidy(fit)
#' tidy(fit, "loadings")
#' tidy(fit, "effects")
#' glance(fit)
#' @name tidy.pls_fit
NULL

#' @importFrom generics tidy
#' @export
generics::tidy

#' @importFrom generics glance
#' @export
generics::glance

#' @rdname tidy.pls_fit
#' @export
tidy.pls_fit <- function(x, what = c("paths", "loadings", "weights", "effects", "indirect"), ...) {
  what <- match_arg(what)
  out <- switch(what,
    paths = tidy_paths(x),
    loadings = tidy_outer(x, x$outer_loadings),
    weights = tidy_outer(x, x$outer_weights),
    effects = tidy_effects(x),
    indirect = tidy_indirect(x)
  )
  rownames(out) <- NULL
  out
}

tidy_paths <- function(x) {
  paths <- path_table(x)
  data.frame(term = paste(paths$from, "->", paths$to), paths, stringsAsFactors = FALSE)
}

tidy_outer <- function(x, values) {
  model <- x$model
  construct <- unname(indicator_construct(model))
  operator <- ifelse(model$modes[construct] == "B", "<~", "=~")
  data.frame(term = paste(construct, operator, model$indicators), construct = construct,
             indicator = model$indicators, estimate = values[cbind(model$indicators, construct)],
             stringsAsFactors = FALSE)
}

tidy_effects <- function(x) {
  table <- pls_effects(x)$table
  kinds <- c("direct", "indirect", "total")
  long <- data.frame(
    term = rep(paste(table$from, "->", table$to), each = 3),
    from = rep(table$from, each = 3),
    to = rep(table$to, each = 3),
    effect = rep(kinds, times = nrow(table)),
    estimate = as.vector(t(as.matrix(table[kinds]))),
    stringsAsFactors = FALSE
  )
  long
}

tidy_indirect <- function(x) {
  specific <- pls_effects(x)$specific
  data.frame(term = specific$path, from = specific$from, to = specific$to, estimate = specific$estimate,
             stringsAsFactors = FALSE)
}

#' @rdname tidy.pls_fit
#' @export
glance.pls_fit <- function(x, ...) {
  measures <- pls_model_fit(x)
  data.frame(
    nobs = x$nobs,
    indicators = length(x$model$indicators),
    constructs = length(x$model$constructs),
    paths = sum(x$model$inner != 0),
    scheme = x$settings$scheme,
    iterations = x$iterations,
    converged = x$converged,
    admissible = !isFALSE(x$admissible),
    r2_mean = mean(x$r2),
    srmr = measures$estimated[1],
    d_uls = measures$estimated[2],
    d_g = measures$estimated[3],
    stringsAsFactors = FALSE
  )
}

#' @rdname tidy.pls_fit
#' @export
as.data.frame.pls_fit <- function(x, row.names = NULL, optional = FALSE, what = "paths", ...) {
  tidy.pls_fit(x, what = what)
}
