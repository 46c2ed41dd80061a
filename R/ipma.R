#' Importance-performance map analysis (IPMA)
#'
#' Contrasts the **importance** of each construct (and indicator) for a
#' target construct, its unstandardized total effect, with its
#' **performance**, its average score on a 0-100 scale (Ringle and Sarstedt
#' 2016; Hair et al. 2018, ch. 3). Constructs with high importance and low
#' performance are where improvement pays most.
#'
#' @section Definitions:
#' With the scale bounds \eqn{min_j} and \eqn{max_j} of indicator \eqn{j}
#' (the questionnaire's, such as 1 and 5, not the observed range), the
#' answers are rescaled to \eqn{x^*_j = (x_j - min_j)/(max_j - min_j)
#' \cdot 100}. The standardized outer weights \eqn{w_j} are unstandardized by
#' dividing them by the standard deviation of the rescaled indicator,
#' \eqn{u_j = w_j / sd(x^*_j)}, and rescaled to sum to 1 in each block,
#' \eqn{\tilde w_j = u_j / \sum_{l \in c} u_l}. The rescaled construct score
#' is \eqn{\tilde y_c = \sum_j \tilde w_j x^*_j}, on the 0-100 scale when
#' the weights are positive, and
#' \describe{
#'   \item{performance}{of a construct is the mean of its rescaled score,
#'     \eqn{\sum_j \tilde w_j \bar x^*_j}; of an indicator, the mean of its
#'     rescaled answers \eqn{\bar x^*_j}.}
#'   \item{importance}{of a construct is its unstandardized total effect on
#'     the target: the total effect of the rescaled scores,
#'     \eqn{T_{ct} \cdot sd(\tilde y_t) / sd(\tilde y_c)} with \eqn{T}
#'     the standardized total effects ([pls_effects()]). (The rescaled score
#'     is an exact linear function of the standardized score, \eqn{\tilde y_c
#'     = \bar{\tilde y}_c + y_c / \sum_{l \in c} u_l}, so this is also the
#'     total effect from regressing the rescaled scores on each other.) An
#'     indicator's importance is its rescaled weight times the importance of
#'     its construct, \eqn{\tilde w_j T^{unstd}_{ct}}: the change in the
#'     target when the answer rises by one point on the 0-100 scale.}
#' }
#' Only constructs with a directed path to the target (and their
#' indicators) are listed.
#'
#' Dividing by the standard deviation of the rescaled indicator (rather than
#' of the original one) makes the rescaled score a linear function of the
#' PLS score; both give the same weights when the indicators of a block
#' share the same scale bounds. The results agree with cSEM's `doIPMA()`
#' applied to the rescaled data to 1e-10 (its importance matrix holds the
#' same unstandardized total effects, and rescaled weights times them for
#' the indicators). For a PLSc fit (`consistent = TRUE`) the consistent
#' total effects are used with the PLS scores, as cSEM does (which warns
#' that IPMA then mixes common factors and composites). Negative weights
#' give performances outside 0-100 and are warned about.
#'
#' @section Higher-order constructs:
#' A higher-order construct's score is a linear combination of its
#' dimensions' items (the products of its weights and theirs in the
#' two-stage approaches; its repeated items with repeated indicators), so
#' its performance and importance follow from the definitions above applied
#' to those item weights. In the two-stage approaches its "indicators" in
#' the indicator table are its dimensions, with rescaled weights \eqn{w_l
#' s_l / s_H} (\eqn{w_l} its weight on dimension \eqn{l}, \eqn{s} the sums
#' of unstandardized weights), which add up to 1; a dimension's importance
#' is that weight times the higher-order construct's importance, and its
#' items are listed with their own weights (the two-level IPMA of Sarstedt
#' et al. 2019).
#'
#' @param fit A `pls_fit` from [pls()], fitted from data.
#' @param target The target construct, an endogenous construct.
#' @param scale_min,scale_max The lowest and highest possible answer of the
#'   indicators: one number for all of them, or a vector named by indicator
#'   (every indicator of the model).
#' @return An object of class `pls_ipma`, a list with
#' \describe{
#'   \item{`constructs`}{a data frame with one row per construct with a
#'     directed path to the target: `construct`, `importance`,
#'     `performance`.}
#'   \item{`indicators`}{a data frame with one row per indicator of those
#'     constructs: `indicator`, `construct`, `weight` (rescaled weight),
#'     `importance`, `performance`.}
#'   \item{`target`, `target_performance`}{the target and its performance.}
#'   \item{`performance`, `total_effects`, `weights`}{the performance of every
#'     construct, the unstandardized total effects among all constructs
#'     (rows the causes) and the rescaled weights (indicators x constructs).}
#'   \item{`scores`}{the rescaled (0-100) construct scores of the cases.}
#'   \item{`scale`}{a data frame of the indicators' `min` and `max`.}
#' }
#' `as.data.frame()` and `tidy()` return the construct or indicator table
#' (`what`), the data of an importance-performance map (importance on the
#' x axis, performance on the y axis).
#' `glance()` returns a data frame with one row: `target`,
#' `target_performance`, `constructs` and `indicators` (rows of the two
#' tables), `most_important` (the construct with the largest importance)
#' and the lowest and highest scale bounds, `scale_min` and `scale_max`.
#' @references
#' Hair, J. F., Sarstedt, M., Ringle, C. M., and Gudergan, S. P. (2018).
#' *Advanced Issues in Partial Least Squares Structural Equation Modeling*.
#' Sage.
#'
#' Ringle, C. M., and Sarstedt, M. (2016). Gain more insight from your
#' PLS-SEM results: the importance-performance map analysis. *Industrial
#' Management & Data Systems*, 116(9), 1865--1886.
#' \doi{10.1108/IMDS-10-2015-0449}
#' @seealso [pls_effects()] for the standardized effects.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' ipma <- pls_ipma(fit, target = "Loyalty", scale_min = 1, scale_max = 10)
#' ipma
#' as.data.frame(ipma)
#' as.data.frame(ipma, what = "indicators")
#' glance(ipma)
#' @export
pls_ipma <- function(fit, target, scale_min, scale_max) {
  check_pls_fit(fit)
  check_fit_has_data(fit, "IPMA")
  # interaction terms have no performance and are left out: the main
  # effects' importance is then their effect at the moderators' means; a
  # higher-order model is analysed as reported (dimensions included)
  model <- if (has_hoc(fit$model)) fit$model else parsed_model(fit$model)
  keep <- model$constructs
  check_target(target, model)
  data_items <- base_indicators(fit$model)
  scale <- ipma_scale(scale_min, scale_max, data_items)
  check_scale_range(fit, scale)
  stretch <- 100 / (scale$max - scale$min)
  performance_items <- (fit$means[data_items] - scale$min) * stretch
  unstandardized <- ipma_item_weights(fit, model, data_items) / (fit$sds[data_items] * stretch)
  sums <- colSums(unstandardized)
  weights <- sweep(unstandardized, 2, sums, "/")
  performance <- colSums(weights * performance_items)
  total <- total_effects(fit$path_coef[keep, keep, drop = FALSE]) * outer(sums, sums, function(cause, effect) cause / effect)
  drivers <- model$constructs[total_effects(model$inner != 0)[, target] != 0]
  rows <- ipma_indicator_rows(model, drivers, weights, performance_items, performance, fit$outer_weights, sums)
  rows$importance <- rows$weight * total[rows$construct, target]
  dimensions <- ipma_dimensions(model, drivers, rows, total[, target])
  if (any(rows$weight < 0)) {
    warn_iecpls(c("Some rescaled outer weights are negative.",
                  "i" = "Performance can then fall outside 0-100; interpret the IPMA with care."), class = "iecpls_ipma_warning")
  }
  importance <- c(total[drivers, target], dimensions)
  constructs <- c(drivers, names(dimensions))
  if (length(dimensions)) rows$importance <- ifelse(rows$construct %in% names(dimensions), rows$weight * dimensions[rows$construct], rows$importance)
  scores <- if (!is.null(fit$scores)) sweep(sweep(fit$scores[, keep, drop = FALSE], 2, sums, "/"), 2, performance, "+")
  structure(list(
    constructs = data.frame(construct = constructs, importance = unname(importance),
                            performance = unname(performance[constructs]), stringsAsFactors = FALSE),
    indicators = rows[c("indicator", "construct", "weight", "importance", "performance")],
    target = target, target_performance = unname(performance[target]), performance = performance,
    total_effects = total, weights = weights, scores = scores,
    scale = data.frame(indicator = data_items, min = scale$min, max = scale$max, stringsAsFactors = FALSE)
  ), class = "pls_ipma")
}

# Data items x constructs: the standardized weights that give each
# construct's score from the standardized data columns. A repeated
# indicator counts for its item; a two-stage higher-order construct's score
# is its weights times its dimensions' scores, so its weights on the items
# are those products.
ipma_item_weights <- function(fit, model, items) {
  W <- fit$outer_weights
  E <- matrix(0, length(items), length(model$constructs), dimnames = list(items, model$constructs))
  source <- stats::setNames(model$stages$column %||% model$indicators, model$indicators)
  order <- c(setdiff(model$constructs, model$hoc$hoc), intersect(model$constructs, model$hoc$hoc))
  for (k in order) {
    for (x in model$blocks[[k]]) {
      from <- source[[x]]
      E[, k] <- E[, k] + if (from %in% items) W[x, k] * (items == from) else W[x, k] * E[, from]
    }
  }
  E
}

# The indicator table: each driver's items with their rescaled weights and
# performance; a two-stage higher-order construct's "indicators" are its
# dimensions, whose rescaled weights are w_l s_l / s_HOC (s: the sums of
# unstandardized weights), which add up to 1.
ipma_indicator_rows <- function(model, drivers, weights, performance_items, performance, W, sums) {
  source <- stats::setNames(model$stages$column %||% model$indicators, model$indicators)
  rows <- lapply(drivers, function(k) {
    from <- unique(unname(source[model$blocks[[k]]]))
    if (all(from %in% names(performance_items))) {
      return(data.frame(indicator = from, construct = k, weight = unname(weights[from, k]),
                        performance = unname(performance_items[from]), stringsAsFactors = FALSE))
    }
    data.frame(indicator = from, construct = k, weight = unname(W[from, k] * sums[from] / sums[k]),
               performance = unname(performance[from]), stringsAsFactors = FALSE)
  })
  rows <- do.call(rbind, c(rows, list(data.frame(indicator = character(), construct = character(), weight = numeric(),
                                                  performance = numeric(), stringsAsFactors = FALSE))))
  # the dimensions of a two-stage higher-order driver, with their items
  dims <- rows$indicator[rows$indicator %in% model$constructs]
  extra <- lapply(dims, function(k) {
    items <- model$blocks[[k]]
    data.frame(indicator = items, construct = k, weight = unname(weights[items, k]),
               performance = unname(performance_items[items]), stringsAsFactors = FALSE)
  })
  remove_row_names(do.call(rbind, c(list(rows), extra)))
}

# The importance of a two-stage higher-order driver's dimensions: their
# rescaled weight times the HOC's unstandardized total effect.
ipma_dimensions <- function(model, drivers, rows, total) {
  dims <- rows[rows$indicator %in% model$constructs, , drop = FALSE]
  stats::setNames(dims$weight * total[dims$construct], dims$indicator)
}

check_target <- function(target, model) {
  if (!is.character(target) || length(target) != 1L || is.na(target)) {
    abort_input("{.arg target} must be the name of a construct.")
  }
  if (!target %in% model$constructs) {
    abort_missing_names(target, model$constructs, "Construct", "the model (argument {.arg target})")
  }
  if (!target %in% model_endogenous(model)) {
    abort_input("The target {.field {target}} is exogenous: no construct affects it.")
  }
  invisible(target)
}

# Scale bounds per indicator from one number or a vector named by indicator.
ipma_scale <- function(scale_min, scale_max, indicators) {
  bound <- function(x, name) {
    if (!is.numeric(x) || anyNA(x) || any(!is.finite(x))) {
      abort_input("{.arg {name}} must be a number or a named numeric vector.")
    }
    if (length(x) == 1L && is.null(names(x))) return(rep(as.double(x), length(indicators)))
    absent <- setdiff(indicators, names(x))
    if (length(absent)) {
      abort_input("{.arg {name}} has no value for indicator{?s} {.var {absent}}.", class = "iecpls_unknown_name")
    }
    as.double(x[indicators])
  }
  scale <- list(min = bound(scale_min, "scale_min"), max = bound(scale_max, "scale_max"))
  bad <- scale$max <= scale$min
  if (any(bad)) {
    abort_input("{.arg scale_max} must exceed {.arg scale_min} (indicator{?s} {.var {indicators[bad]}}).")
  }
  scale
}

check_scale_range <- function(fit, scale) {
  indicators <- base_indicators(fit$model)
  X <- cv_data(fit)$X[, indicators, drop = FALSE]
  low <- colSums(sweep(X, 2, scale$min, "<"), na.rm = TRUE) > 0
  high <- colSums(sweep(X, 2, scale$max, ">"), na.rm = TRUE) > 0
  outside <- indicators[low | high]
  if (length(outside)) {
    abort_data(c("Indicator{?s} {.var {outside}} {?has/have} answers outside the scale bounds.",
                 "i" = "{.arg scale_min} and {.arg scale_max} are the lowest and highest possible answers."))
  }
}

#' @rdname pls_ipma
#' @param x A `pls_ipma` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_ipma <- function(x, digits = 3, ...) {
  range <- unique(paste(x$scale$min, "to", x$scale$max))
  cat_wrapped("Importance-performance map analysis, target ", x$target, " (performance ",
              format(round(x$target_performance, 1), nsmall = 1), ")")
  cat_wrapped("Answers from ", paste(range, collapse = ", "), " rescaled to 0-100")
  cat("\n")
  cat_wrapped("Constructs (importance: unstandardized total effect on ", x$target, "):")
  print_wide(x$constructs, digits)
  cat("\nIndicators:\n")
  print_wide(x$indicators, digits)
  invisible(x)
}

#' @rdname pls_ipma
#' @param what `"constructs"` or `"indicators"`: the table returned.
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_ipma <- function(x, row.names = NULL, optional = FALSE, what = c("constructs", "indicators"),
                                   ...) {
  x[[match_arg(what)]]
}

#' @rdname pls_ipma
#' @export
tidy.pls_ipma <- function(x, what = c("constructs", "indicators"), ...) {
  x[[match_arg(what)]]
}

#' @rdname pls_ipma
#' @export
glance.pls_ipma <- function(x, ...) {
  drivers <- x$constructs
  data.frame(target = x$target, target_performance = x$target_performance, constructs = nrow(drivers),
             indicators = nrow(x$indicators), most_important = drivers$construct[which.max(drivers$importance)],
             scale_min = min(x$scale$min), scale_max = max(x$scale$max), stringsAsFactors = FALSE)
}
