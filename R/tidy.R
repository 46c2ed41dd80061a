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
glance.pls_fit <- function(x, ...) glance_model(model_overview(x), x$r2, pls_model_fit(x))

# The columns of glance() of a fit: the model overview of summary(), the
# mean R^2 and the fit measures of the estimated model.
glance_model <- function(overview, r2, measures) {
  cbind(overview, r2_mean = mean(r2), srmr = measures$estimated[1], d_uls = measures$estimated[2],
        d_g = measures$estimated[3])
}

#' @rdname tidy.pls_fit
#' @export
as.data.frame.pls_fit <- function(x, row.names = NULL, optional = FALSE, what = "paths", ...) {
  tidy.pls_fit(x, what = what)
}

# ---------------------------------------------------------------------------
# The assessment report: every value judged against a threshold

#' @rdname summary.pls_fit
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @method tidy summary.pls_fit
#' @export
tidy.summary.pls_fit <- function(x, ...) {
  loadings <- x$loadings[x$loadings$mode == "A", , drop = FALSE]
  reliability <- x$reliability[x$reliability$items > 1, , drop = FALSE]
  consistency <- internal_consistency_flags(reliability)
  cross <- x$cross_loadings
  formative <- x$formative_weights  # NULL without a bootstrap: no rows
  own <- as.matrix(cross[setdiff(names(cross), c("indicator", "construct", "flag"))])
  own <- own[cbind(seq_len(nrow(cross)), match(cross$construct, colnames(own)))]
  # "C =~ x", "A ~~ B", "X -> Y"; no rows from an empty table
  join <- function(left, operator, right) paste(left, operator, right, recycle0 = TRUE)
  construct_pair <- function(table) join(table$construct_1, "~~", table$construct_2)
  rows <- c(
    list(criterion_rows("loadings", "loading", join(loadings$construct, "=~", loadings$indicator),
                        loadings$loading, loadings$flag)),
    lapply(names(consistency), function(column) {
      criterion_rows("reliability", column, reliability$construct, reliability[[column]], consistency[[column]])
    }),
    list(
      criterion_rows("reliability", "ave", reliability$construct, reliability$ave, flag_ave(reliability)),
      criterion_rows("outer_vif", "vif", join(x$outer_vif$construct, "<~", x$outer_vif$indicator),
                     x$outer_vif$vif, x$outer_vif$flag),
      criterion_rows("formative_weights", "weight", join(formative$construct, "<~", formative$indicator),
                     formative$weight, formative$flag),
      criterion_rows("htmt", "htmt", construct_pair(x$htmt), x$htmt$htmt, x$htmt$flag),
      criterion_rows("fornell_larcker", "correlation", construct_pair(x$fornell_larcker),
                     x$fornell_larcker$correlation, x$fornell_larcker$flag),
      criterion_rows("cross_loadings", "loading", join(cross$construct, "=~", cross$indicator), own, cross$flag),
      criterion_rows("inner_vif", "vif", join(x$inner_vif$predictor, "->", x$inner_vif$construct),
                     x$inner_vif$vif, x$inner_vif$flag),
      criterion_rows("fit", tolower(x$fit$statistic), rep("estimated model", nrow(x$fit)), x$fit$estimated,
                     x$fit$flag)
    )
  )
  out <- do.call(rbind, rows)
  rownames(out) <- NULL
  out
}

criterion_rows <- function(table, criterion, term, estimate, flag) {
  n <- length(term)
  data.frame(table = rep(table, n), criterion = rep_len(criterion, n), term = term, estimate = as.double(estimate),
             flag = as.character(flag), flagged = nzchar(flag), stringsAsFactors = FALSE)
}

#' @rdname summary.pls_fit
#' @method as.data.frame summary.pls_fit
#' @export
as.data.frame.summary.pls_fit <- function(x, row.names = NULL, optional = FALSE, ...) tidy.summary.pls_fit(x)

#' @rdname summary.pls_fit
#' @method glance summary.pls_fit
#' @export
glance.summary.pls_fit <- function(x, ...) {
  flagged <- vapply(Filter(function(table) is.data.frame(table) && !is.null(table$flag), x),
                    function(table) sum(nzchar(table$flag)), integer(1))
  counts <- as.data.frame(as.list(flagged))
  names(counts) <- paste0("flagged_", names(flagged))
  cbind(glance_model(x$model, x$r2$r2, x$fit), counts, flagged = sum(flagged))
}
