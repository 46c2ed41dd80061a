# Correlations of ordinal indicators (OrdPLS/OrdPLSc, issue #19): the
# heterogeneous correlation matrix of ordinal and continuous columns, as
# polycor::hetcor(ML = FALSE) estimates it, computed in C (src/ordinal.c):
# polychoric correlations between ordinal columns (thresholds from the
# marginal proportions, the correlation by maximum likelihood: Olsson's
# two-step estimator, polychor(ML = FALSE)), polyserial between ordinal and
# continuous ones (polycor's two-step formula, polyserial(ML = FALSE)) and
# Pearson between continuous ones, with frequency case weights.
#
# Categories. An ordered factor's categories are its levels in order, and
# an unused level is an empty category; any other column treated as ordinal
# has its distinct values as categories, in increasing order. An empty
# category (no row, or rows of case weight zero only) is dropped, as polycor
# drops it by tabulating the observed values; the thresholds reported are
# those between the categories that occur. Categories are positions: a
# column with values 1, 2, 4, 5 has four, the same as one with 1, 2, 3, 4.
#
# Differences from polycor, by design: pairs are estimated from the complete
# rows (polycor's default use = "complete.obs"); the polychoric likelihood
# is maximized to 1e-12 in rho (polycor's optimise() stops near 1e-4) over
# all of (-1, 1) (polycor stops at its maxcor, 0.9999); a pair whose
# likelihood has no maximum inside (-1, 1) is an error naming the pair
# (polycor returns 0.9999 with no warning); the matrix is not smoothed to be
# positive definite (hetcor's pd = TRUE). Polyserial estimates beyond
# +-0.9999 are set to it with a warning, as polycor does.

# At most this many categories in an ordinal column: its tables with other
# columns have (categories)^2 cells.
max_ordinal_categories <- 100L

# The correlation matrix of `data` (a data frame or numeric matrix) whose
# columns `ordinal` (logical, one per column or one for all; or column names;
# default: the ordered factors) are ordinal, the others continuous.
# `case_weights`: frequency weights, as pls() takes them. Returns a list of
# `cor` (p x p), `thresholds` (per ordinal column, named "a|b" after the
# categories on either side), `type` ("polychoric", "polyserial" or
# "Pearson" per pair) and `nobs` (rows of positive weight).
ordinal_cor <- function(data, ordinal = NULL, case_weights = NULL) {
  data <- check_data(data)
  names <- data_names(data)
  if (length(names) < 2L) abort_data("{.arg data} must have at least two columns.")
  if (anyDuplicated(names)) {
    abort_data("{.arg data} has more than one column named {.var {unique(names[duplicated(names)])}}.")
  }
  columns <- lapply(seq_along(names), function(j) if (is.matrix(data)) data[, j] else .subset2(data, j))
  names(columns) <- names
  ordinal <- check_ordinal(ordinal, columns)
  kinds <- vapply(columns, column_kind, character(1))
  if (any(kinds == "other")) abort_non_numeric(columns[kinds == "other"])
  coded <- Map(ordinal_coding, columns, kinds, ordinal, names)
  values <- lapply(coded, `[[`, "values")
  check_complete_columns(values)
  weights <- check_case_weights(case_weights, data, nrow(data))
  categories <- vapply(coded, function(x) length(x$levels), integer(1))
  out <- c_ordinal_cor(values, categories, weights)
  stop_on_status(out, list(indicators = names))
  if (out$clamped > 0) warn_polyserial_clamped(out$clamped, names[out$clamped_pair])
  cor <- out$cor
  dimnames(cor) <- list(names, names)
  thresholds <- lapply(which(ordinal), function(j) {
    observed_thresholds(out$thresholds[[j]], out$counts[[j]], coded[[j]]$levels)
  })
  list(cor = cor, thresholds = thresholds, type = correlation_types(ordinal),
       nobs = if (is.null(weights)) nrow(data) else sum(weights > 0))
}

check_ordinal <- function(ordinal, columns) {
  names <- names(columns)
  if (is.null(ordinal)) return(vapply(columns, is.ordered, logical(1)))
  if (is.character(ordinal)) {
    absent <- setdiff(ordinal, names)
    if (length(absent)) abort_missing_names(absent, names, "Ordinal column", "{.arg data}", column = TRUE)
    return(stats::setNames(names %in% ordinal, names))
  }
  if (!is.logical(ordinal) || anyNA(ordinal) || !length(ordinal) %in% c(1L, length(names))) {
    abort_input("{.arg ordinal} must be {.code TRUE}/{.code FALSE} for all columns or for each of the {length(names)}, or column names.")
  }
  stats::setNames(rep_len(ordinal, length(names)), names)
}

# A column's values as the C code reads them, and its categories (`levels`;
# NULL for a continuous column): see the rule at the top of the file.
ordinal_coding <- function(x, kind, ordinal, name) {
  values <- indicator_values(x, kind)
  if (!ordinal) return(list(values = values, levels = NULL))
  if (kind == "ordered") {
    levels <- levels(x)
    values <- as.integer(x)
  } else {
    levels <- sort(unique(values[!is.na(values)]))
    values <- match(values, levels)
  }
  if (length(levels) > max_ordinal_categories) {
    abort_data(c("Ordinal column {.var {name}} has {length(levels)} categories; at most {max_ordinal_categories} are supported.",
                 "i" = "Treat it as continuous, or merge categories."))
  }
  list(values = values, levels = as.character(levels))
}

check_complete_columns <- function(values) {
  missing <- names(values)[vapply(values, anyNA, logical(1))]
  if (length(missing)) {
    abort_data(c("{cli::qty(length(missing))}Column{?s} {.var {missing}} {?has/have} missing values.",
                 "i" = "Correlations of ordinal indicators are estimated from complete rows: drop or impute the incomplete ones."),
               class = "iecpls_missing_values")
  }
  infinite <- names(values)[vapply(values, function(x) any(is.infinite(x)), logical(1))]
  if (length(infinite)) {
    abort_data("{cli::qty(length(infinite))}Column{?s} {.var {infinite}} {?has/have} infinite values.",
               class = "iecpls_infinite_values")
  }
}

# The thresholds between the categories that occur (count > 0), from the
# C code's threshold above each category.
observed_thresholds <- function(tau, counts, levels) {
  used <- which(counts > 0)
  below <- used[-length(used)]
  stats::setNames(tau[below], paste(levels[below], levels[used[-1]], sep = "|"))
}

correlation_types <- function(ordinal) {
  both <- outer(ordinal, ordinal, "+")
  type <- matrix(c("Pearson", "polyserial", "polychoric")[both + 1], length(ordinal), length(ordinal),
                 dimnames = list(names(ordinal), names(ordinal)))
  diag(type) <- ""
  type
}

warn_polyserial_clamped <- function(count, first) {
  warn_iecpls(c("{count} polyserial correlation{?s} {?was/were} beyond -0.9999 or 0.9999 and {?was/were} set to that bound, as polycor does.",
                "i" = "The first: {.var {first[1]}} and {.var {first[2]}}.",
                "i" = "The two-step estimate exceeds 1 in magnitude when the continuous column and the categories fit a bivariate normal model badly."),
              class = "iecpls_polyserial_clamped_warning")
}
