# Argument checks. Each names the argument, column or construct at fault.

check_number <- function(x, name, min = 0, integer = FALSE) {
  ok <- is.numeric(x) && length(x) == 1L && !is.na(x) && is.finite(x) && x > min &&
    (!integer || x == round(x))
  if (!ok) {
    what <- if (integer) "a positive whole number" else "a positive number"
    cli::cli_abort("{.arg {name}} must be {what}, not {.obj_type_friendly {x}}.", call = NULL)
  }
  invisible(x)
}

# Closest names, for "did you mean" hints. A substitution costs two edits, so
# "CUSA2" suggests "CUSA_2" before "CUSA1".
suggest_names <- function(wanted, available) {
  vapply(wanted, function(w) {
    if (!length(available)) return(NA_character_)
    d <- utils::adist(tolower(w), tolower(available), costs = list(ins = 1, del = 1, sub = 2))[1, ]
    if (min(d) <= max(2, nchar(w) %/% 3)) available[which.min(d)] else NA_character_
  }, character(1), USE.NAMES = FALSE)
}

# `where` is cli markup such as "{.arg data}"; names already used by the
# model are not offered as suggestions.
abort_missing_names <- function(missing, available, what, where, used = character()) {
  hint <- suggest_names(missing, setdiff(available, used))
  lines <- ifelse(is.na(hint), paste0("{.var ", missing, "}"),
                  paste0("{.var ", missing, "} (did you mean {.var ", hint, "}?)"))
  shown <- utils::head(lines, 10)
  if (length(lines) > 10) shown <- c(shown, paste("...and", length(lines) - 10, "more"))
  bullets <- stats::setNames(shown, rep("x", length(shown)))
  header <- paste0("{cli::qty(length(missing))}", what, "{?s} named in the model {?is/are} not in ", where, ":")
  cli::cli_abort(c(header, bullets), call = NULL)
}

# Applies a per-construct mode override such as c(RIG = "B").
apply_modes <- function(model, modes) {
  if (is.null(modes)) return(model)
  if (!is.character(modes) || is.null(names(modes)) || anyNA(modes) || any(names(modes) == "")) {
    cli::cli_abort("{.arg modes} must be a named character vector such as {.code c(RIG = \"B\")}.", call = NULL)
  }
  unknown <- setdiff(names(modes), model$constructs)
  if (length(unknown)) abort_missing_names(unknown, model$constructs, "Construct", "the model (argument {.arg modes})")
  values <- toupper(modes)
  bad <- !values %in% c("A", "B")
  if (any(bad)) {
    cli::cli_abort("{.arg modes} must be {.val A} or {.val B}; {.field {names(modes)[bad]}} {?has/have} {.val {modes[bad]}}.", call = NULL)
  }
  model$modes[names(modes)] <- values
  model
}

# The model's indicator columns as a list of integer/double vectors in block
# order, after checking them. Columns are not copied unless recoded.
indicator_columns <- function(data, model, na_values) {
  if (is.matrix(data)) data <- as.data.frame(data, stringsAsFactors = FALSE)
  if (!is.data.frame(data)) {
    cli::cli_abort("{.arg data} must be a data frame or a numeric matrix, not {.obj_type_friendly {data}}.", call = NULL)
  }
  available <- names(data)
  if (is.null(available)) cli::cli_abort("{.arg data} has no column names.", call = NULL)
  wanted <- model$indicators
  absent <- setdiff(wanted, available)
  if (length(absent)) abort_missing_names(absent, available, "Indicator", "{.arg data}", used = wanted)
  dup <- intersect(wanted, available[duplicated(available)])
  if (length(dup)) cli::cli_abort("{.arg data} has more than one column named {.var {dup}}.", call = NULL)
  columns <- lapply(wanted, function(name) indicator_column(.subset2(data, name), name, na_values))
  names(columns) <- wanted
  columns
}

indicator_column <- function(x, name, na_values) {
  if (is.ordered(x)) {
    cli::cli_inform("Ordered factor {.var {name}} is used as its integer codes 1..{nlevels(x)}.")
    x <- as.integer(x)
  }
  if (is.factor(x) || !typeof(x) %in% c("integer", "double") || !is.null(dim(x))) {
    cli::cli_abort(c("Indicator {.var {name}} must be numeric, not {.obj_type_friendly {x}}.",
                     "i" = "Recode it to numbers (for example Likert codes 1 to 5) before fitting."), call = NULL)
  }
  if (!is.null(attributes(x))) x <- as.vector(unclass(x))
  if (length(na_values)) {
    coded <- x %in% na_values
    if (any(coded)) x[coded] <- NA
  }
  x
}

abort_missing_values <- function(columns) {
  counts <- vapply(columns, function(x) sum(is.na(x)), numeric(1))
  if (any(counts > 0)) {
    bad <- counts[counts > 0]
    cli::cli_abort(c(
      "{cli::qty(length(bad))}Indicator{?s} {.var {names(bad)}} {?has/have} missing values ({paste(bad, collapse = ', ')} respectively).",
      "i" = "Use {.code missing = \"mean\"} (mean replacement) or {.code missing = \"casewise\"} (complete cases).",
      "i" = "Codes such as -99 are declared with {.arg na_values}."
    ), call = NULL)
  }
  cli::cli_abort("Internal error: missing values reported but not found.", call = NULL)
}

# Case weights: a numeric vector with one weight per row, or the name of a
# column of `data`.
check_case_weights <- function(case_weights, data, n) {
  if (is.null(case_weights)) return(NULL)
  if (is.character(case_weights) && length(case_weights) == 1L) {
    if (!case_weights %in% names(data)) {
      abort_missing_names(case_weights, names(data), "Case weight column", "{.arg data}")
    }
    case_weights <- data[[case_weights]]
  }
  if (!is.numeric(case_weights) || is.factor(case_weights)) {
    cli::cli_abort("{.arg case_weights} must be numeric, not {.obj_type_friendly {case_weights}}.", call = NULL)
  }
  if (length(case_weights) != n) {
    cli::cli_abort("{.arg case_weights} has {length(case_weights)} value{?s} but {.arg data} has {n} row{?s}.", call = NULL)
  }
  if (anyNA(case_weights) || any(!is.finite(case_weights))) {
    cli::cli_abort("{.arg case_weights} must not contain missing or infinite values (rows {.val {utils::head(which(!is.finite(case_weights)), 5)}}).", call = NULL)
  }
  if (any(case_weights < 0)) {
    cli::cli_abort("{.arg case_weights} must not be negative (rows {.val {utils::head(which(case_weights < 0), 5)}}).", call = NULL)
  }
  as.double(case_weights)
}

# A covariance or correlation matrix given instead of data: checked,
# converted to correlations and put in block order.
check_cor_input <- function(S, model) {
  if (is.data.frame(S)) S <- as.matrix(S)
  if (!is.matrix(S) || !is.numeric(S) || nrow(S) != ncol(S)) {
    cli::cli_abort("{.arg S} must be a square numeric matrix.", call = NULL)
  }
  names_S <- rownames(S) %||% colnames(S)
  if (is.null(names_S)) cli::cli_abort("{.arg S} needs row or column names naming the indicators.", call = NULL)
  dimnames(S) <- list(names_S, names_S)
  absent <- setdiff(model$indicators, names_S)
  if (length(absent)) abort_missing_names(absent, names_S, "Indicator", "{.arg S}", used = model$indicators)
  S <- S[model$indicators, model$indicators, drop = FALSE]
  if (any(!is.finite(S))) cli::cli_abort("{.arg S} has missing or infinite values.", call = NULL)
  if (any(diag(S) <= 0)) {
    cli::cli_abort("{.arg S} has a non-positive variance for {.var {rownames(S)[diag(S) <= 0]}}.", call = NULL)
  }
  if (max(abs(S - t(S))) > 1e-8 * max(abs(S))) cli::cli_abort("{.arg S} is not symmetric.", call = NULL)
  S <- stats::cov2cor((S + t(S)) / 2)
  smallest <- min(eigen(S, symmetric = TRUE, only.values = TRUE)$values)
  if (smallest < -1e-8) {
    cli::cli_abort("{.arg S} is not positive semidefinite (smallest eigenvalue {signif(smallest, 3)}).", call = NULL)
  }
  S
}

`%||%` <- function(x, y) if (is.null(x)) y else x
