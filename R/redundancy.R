#' Redundancy analysis: convergent validity of formative constructs
#'
#' Redundancy analysis (Chin 1998; Cheah et al. 2018) checks that a
#' formatively measured construct captures the concept it is meant to: the
#' construct, formed from its indicators as in the fit, predicts an
#' alternative measure of the same concept, usually a global single item
#' asked for that purpose. A path of at least 0.70 (the construct explains
#' about half of the global measure's variance) supports convergent validity
#' (Cheah et al. 2018; Hair et al. 2022 use 0.708).
#'
#' For each construct, `pls_redundancy()` fits the two-construct model
#' `construct -> construct_global` with [pls()]: the construct with its
#' indicators and its mode in `fit` (Mode B for a formative construct), and
#' `construct_global` measured by the global item (a single item) or items
#' (Mode A, a reflective measure). The fit's settings are reused: `scheme`,
#' `missing`, `na_values`, `tol`, `max_iter`, `consistent` and the case
#' weights (with `missing = "casewise"`, the rows complete in the
#' two-construct model's columns are used). This is the model seminr's and SmartPLS's users estimate by hand
#' for the primer's corporate reputation example (Hair et al. 2022, ch. 5).
#'
#' With a single global item and a Mode B construct, the construct's weights
#' are the standardized regression coefficients of the item on the
#' indicators (under every scheme), so the path is the multiple correlation
#' of that regression and \eqn{R^2} its \eqn{R^2}.
#'
#' @param fit A `pls_fit` object from [pls()].
#' @param construct The construct to check, or `NULL` (the default) when
#'   `global` is named by construct.
#' @param global The column name(s) of the global measure: for one
#'   `construct`, a character vector (several names make a reflective
#'   measure); otherwise a named character vector or list, one element per
#'   construct (`c(QUAL = "qual_global", PERF = "perf_global")`).
#' @param data The data holding the indicators and the global items, with the
#'   rows of the data `fit` was estimated from. By default the fit's own data,
#'   which holds only the model's columns (unless [pls()] was given a numeric
#'   matrix), so `data` is needed for global items outside the model.
#' @param threshold The smallest path that supports convergent validity.
#' @return An object of class `pls_redundancy`: a list with `table`, a data
#'   frame with one row per construct (`construct`, `global`, the global
#'   items joined by `" + "`, `path`, `r2`, `nobs` and `convergent`, whether
#'   `path` reaches `threshold`), `threshold` and `fits`, the two-construct
#'   `pls_fit`s. `tidy()` and `as.data.frame()` return `table`; `glance()`
#'   a data frame with one row: `constructs`, `convergent` (how many reach
#'   the threshold), `path_min` and `threshold`.
#' @references
#' Cheah, J.-H., Sarstedt, M., Ringle, C. M., Ramayah, T., and Ting, H.
#' (2018). Convergent validity assessment of formatively measured constructs
#' in PLS-SEM: on using single-item versus multi-item measures in redundancy
#' analyses. *International Journal of Contemporary Hospitality Management*,
#' 30(11), 3192--3210. \doi{10.1108/IJCHM-10-2017-0649}
#'
#' Chin, W. W. (1998). The partial least squares approach to structural
#' equation modeling. In G. A. Marcoulides (ed.), *Modern Methods for
#' Business Research*, 295--336. Erlbaum.
#'
#' Hair, J. F., Hult, G. T. M., Ringle, C. M., Sarstedt, M., Danks, N. P.,
#' and Ray, S. (2021). *Partial Least Squares Structural Equation Modeling
#' (PLS-SEM) Using R: A Workbook*. Springer. \doi{10.1007/978-3-030-80519-7}
#' (chapter 5: the redundancy analyses of the corporate reputation model,
#' paths ATTR 0.874, CSOR 0.857, PERF 0.811, QUAL 0.805, which
#' `pls_redundancy()` reproduces; see the example).
#'
#' Hair, J. F., Hult, G. T. M., Ringle, C. M., and Sarstedt, M. (2022).
#' *A Primer on Partial Least Squares Structural Equation Modeling
#' (PLS-SEM)* (3rd ed.). Sage.
#' @seealso [pls_reliability()] for reflective constructs, [pls_vif()] for
#'   the collinearity of formative indicators.
#' @examples
#' fit <- pls("
#'   QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
#'   PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
#'   CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
#'   ATTR <~ attr_1 + attr_2 + attr_3
#'   COMP =~ comp_1 + comp_2 + comp_3
#'   LIKE =~ like_1 + like_2 + like_3
#'   COMP + LIKE ~ QUAL + PERF + CSOR + ATTR
#' ", data = corp_rep_data, na_values = -99, missing = "mean")
#' pls_redundancy(fit, "QUAL", global = "qual_global", data = corp_rep_data)
#' redundancy <- pls_redundancy(fit, data = corp_rep_data,
#'   global = c(QUAL = "qual_global", PERF = "perf_global",
#'              CSOR = "csor_global", ATTR = "attr_global"))
#' redundancy
#' glance(redundancy)
#' @export
pls_redundancy <- function(fit, construct = NULL, global, data = NULL, threshold = 0.70) {
  check_pls_fit(fit)
  check_number(threshold, "threshold", min = 0, max = 1)
  global <- redundancy_targets(construct, global)
  data <- redundancy_data(fit, data, unlist(global, use.names = FALSE))
  fits <- Map(redundancy_fit, names(global), global, MoreArgs = list(fit = fit, data = data))
  table <- do.call(rbind, Map(function(construct, items, reduced) {
    data.frame(construct = construct, global = paste(items, collapse = " + "),
               path = reduced$path_coef[1, 2], r2 = unname(reduced$r2[1]), nobs = reduced$nobs,
               stringsAsFactors = FALSE)
  }, names(global), global, fits))
  table$convergent <- table$path >= threshold
  rownames(table) <- NULL
  structure(list(table = table, threshold = threshold, fits = fits), class = "pls_redundancy")
}

# `global` as a named list of character vectors, one per construct.
redundancy_targets <- function(construct, global) {
  if (!is.null(construct)) {
    if (!is.character(construct) || length(construct) != 1L || is.na(construct)) {
      abort_input("{.arg construct} must be one construct name, not {.obj_type_friendly {construct}}.")
    }
    global <- stats::setNames(list(global), construct)
  } else if (is.null(names(global)) || any(names(global) == "")) {
    abort_input(c("Name every element of {.arg global} by its construct, or give {.arg construct}.",
                  "i" = "For example {.code global = c(QUAL = \"qual_global\")}."))
  }
  items <- as.list(global)
  ok <- vapply(items, function(x) is.character(x) && length(x) > 0L && !anyNA(x) && all(nzchar(x)), logical(1))
  if (!all(ok)) abort_input("{.arg global} must give one or more column names for each construct.")
  if (anyDuplicated(names(items))) {
    abort_input("{.arg global} names {.field {names(items)[duplicated(names(items))]}} more than once.")
  }
  items
}

# The data of the redundancy models: `data`, or the fit's own.
redundancy_data <- function(fit, data, items) {
  if (is.null(data)) {
    data <- fit$data
    if (is.null(data)) {
      abort_input(c("{.arg fit} was estimated from a correlation matrix; give the data in {.arg data}.",
                    "i" = "Redundancy analysis fits a model with the global items, from the data."),
                  class = "iecpls_needs_data")
    }
    absent <- setdiff(items, colnames(data))
    if (length(absent)) {
      abort_input(c("The fit's data do not hold the global item{?s} {.field {absent}}.",
                    "i" = "The fit keeps only the model's columns; give the full data in {.arg data}."),
                  class = "iecpls_needs_data")
    }
    return(data)
  }
  data <- check_data(data)
  absent <- setdiff(items, colnames(data))
  if (length(absent)) abort_input("{.arg data} has no column{?s} {.field {absent}}.")
  data
}

# The two-construct model construct -> construct_global, fitted with the
# settings of `fit`.
redundancy_fit <- function(construct, items, fit, data) {
  model <- fit$model
  if (!construct %in% model$constructs) {
    abort_input("{.val {construct}} is not a construct of the model; its constructs are {.field {model$constructs}}.")
  }
  indicators <- model$blocks[[construct]]
  if (!all(indicators %in% base_indicators(model))) {
    abort_model("{.field {construct}} is measured by derived columns (an interaction term or a higher-order construct); redundancy analysis needs a construct measured by data columns.",
                class = "iecpls_unsupported_error")
  }
  shared <- intersect(items, indicators)
  if (length(shared)) {
    abort_input("A global item must not be an indicator of {.field {construct}}: {.field {shared}}.")
  }
  target <- paste0(construct, "_global")
  operator <- if (model$modes[[construct]] == "B") " <~ " else " =~ "
  syntax <- paste0(construct, operator, paste(indicators, collapse = " + "), "\n",
                   target, " =~ ", paste(items, collapse = " + "), "\n",
                   target, " ~ ", construct)
  settings <- fit$settings
  pls(syntax, data = data, scheme = settings$scheme, missing = settings$missing,
      na_values = settings$na_values, case_weights = fit$case_weights, tol = settings$tol,
      max_iter = settings$max_iter, consistent = isTRUE(settings$consistent),
      # the construct's ordinal indicators stay ordinal (the global items
      # are ordinal when they are ordered factors); rank correlations stay
      ordinal = if (length(settings$ordinal)) union(intersect(settings$ordinal, indicators),
                                                    items[vapply(items, function(i) is.ordered(data_column(data, i)), TRUE)]),
      cor = source_args(settings)$cor)
}

#' @rdname pls_redundancy
#' @param x A `pls_redundancy` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_redundancy <- function(x, digits = 3, ...) {
  cat_wrapped("Redundancy analysis: convergent validity of formative constructs")
  cat("\n")
  table <- x$table
  table$convergent <- ifelse(table$convergent, "yes", "NO")
  print_wide(table, digits)
  cat("\n")
  cat_wrapped("convergent: the path to the global measure is at least ", format(x$threshold),
              " (the construct explains about half of its variance).")
  invisible(x)
}

#' @rdname pls_redundancy
#' @export
tidy.pls_redundancy <- function(x, ...) x$table

#' @rdname pls_redundancy
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_redundancy <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_redundancy(x)

#' @rdname pls_redundancy
#' @export
glance.pls_redundancy <- function(x, ...) {
  table <- x$table
  data.frame(constructs = nrow(table), convergent = sum(table$convergent), path_min = min(table$path),
             threshold = x$threshold)
}
