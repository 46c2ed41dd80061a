# Argument checks. Each names the argument, column or construct at fault.

# A single finite number within bounds: at least `min` and at most `max`
# (inclusive), above `above` and below `below` (exclusive), and whole when
# `integer` is TRUE. With neither `min` nor `above` the number must be
# positive (above = 0). The message states the rule and shows the value
# given: "`R` must be a whole number of at least 2, not 1." `class` adds
# specific classes to iecpls_input_error; `example` is shown as "such as".
check_number <- function(x, name, min = NULL, max = NULL, above = NULL, below = NULL, integer = FALSE,
                         example = NULL, class = NULL) {
  if (is.null(min) && is.null(above)) above <- 0
  if (integer && !is.null(above)) {
    min <- base::max(min, floor(above) + 1)
    above <- NULL
  }
  if (integer && !is.null(below)) {
    max <- base::min(max, ceiling(below) - 1)
    below <- NULL
  }
  number <- is.numeric(x) && !is.object(x) && length(x) == 1L && !is.na(x)
  ok <- number && is.finite(x) && (!integer || x == round(x)) &&
    (is.null(min) || x >= min) && (is.null(max) || x <= max) &&
    (is.null(above) || x > above) && (is.null(below) || x < below)
  if (!ok) {
    rule <- number_rule(min, max, above, below, integer)
    if (!is.null(example)) rule <- paste0(rule, " (such as ", example, ")")
    given <- if (number) format_number(x) else NULL
    # the rule and the value are values of the message, never its format
    if (is.null(given)) {
      abort_input("{.arg {name}} must be {rule}, not {.obj_type_friendly {x}}.", class = class)
    }
    abort_input("{.arg {name}} must be {rule}, not {given}.", class = class)
  }
  invisible(x)
}

# "a positive whole number", "a whole number from 1 to 100,000", "a number
# strictly between 0 and 1", ...
number_rule <- function(min, max, above, below, integer) {
  noun <- if (integer) "whole number" else "number"
  low <- if (!is.null(min)) min else above
  high <- if (!is.null(max)) max else below
  if (is.null(high)) {
    if (isTRUE(above == 0)) return(paste("a positive", noun))
    if (integer && isTRUE(min == 1)) return(paste("a positive", noun))
    if (isTRUE(min == 0)) return(paste("a non-negative", noun))
    if (!is.null(min)) return(paste0("a ", noun, " of at least ", format_number(min)))
    return(paste0("a ", noun, " greater than ", format_number(above)))
  }
  if (is.null(low)) {
    if (!is.null(max)) return(paste0("a ", noun, " of at most ", format_number(max)))
    return(paste0("a ", noun, " less than ", format_number(below)))
  }
  if (!is.null(min) && !is.null(max)) {
    return(paste0("a ", noun, " from ", format_number(min), " to ", format_number(max)))
  }
  if (!is.null(above) && !is.null(below)) {
    return(paste0("a ", noun, " strictly between ", format_number(above), " and ", format_number(below)))
  }
  if (!is.null(min)) {
    return(paste0("a ", noun, " of at least ", format_number(min), " and less than ", format_number(below)))
  }
  paste0("a ", noun, " greater than ", format_number(above), " and at most ", format_number(max))
}

# A number as the messages show it: whole numbers with thousands separators
# (1e10 as 10,000,000,000), others with 7 significant digits.
format_number <- function(x) {
  if (is.finite(x) && x == round(x) && abs(x) < 1e15) return(format_count(x))
  format(x, digits = 7)
}

# match.arg() for an argument whose default lists its choices (called the
# same way), with an input error that names the argument and shows the value
# given instead of base R's "'arg' should be one of".
match_arg <- function(arg, several.ok = FALSE) {
  name <- as.character(substitute(arg))
  choices <- eval(formals(sys.function(sys.parent()))[[name]], envir = parent.frame())
  tryCatch(match.arg(arg, choices, several.ok = several.ok), error = function(e) {
    rule <- if (several.ok) "one or more of" else "one of"
    quoted <- paste0("\"", choices, "\"")
    shown <- if (length(quoted) > 1L) {
      paste(paste(quoted[-length(quoted)], collapse = ", "), "or", quoted[length(quoted)])
    } else quoted
    if (is.character(arg) && length(arg) >= 1L && (several.ok || length(arg) == 1L)) {
      abort_input("{.arg {name}} must be {rule} {shown}, not {.val {arg}}.")
    }
    abort_input("{.arg {name}} must be {rule} {shown}, not {.obj_type_friendly {arg}}.")
  })
}

# A count passed to C as an int (resamples, permutations): a whole number
# of at least `min` and at most .Machine$integer.max.
check_count <- function(x, name, min = 1, class = NULL) {
  check_number(x, name, min = min, integer = TRUE, class = class)
  if (x > .Machine$integer.max) {
    abort_input("{.arg {name}} must be at most {format_count(.Machine$integer.max)}, not {format_count(x)}.",
                class = class)
  }
  invisible(x)
}

# PLS converges in a few dozen iterations when it converges at all; a larger
# limit only makes a hopeless fit take minutes (2^31 - 1 iterations of a
# small model take about 25 minutes). It also keeps `max_iter` an int for C.
max_iter_limit <- 1e5

check_max_iter <- function(max_iter) {
  check_number(max_iter, "max_iter", min = 1, integer = TRUE)
  if (max_iter > max_iter_limit) {
    abort_input(c("{.arg max_iter} must be at most {format_count(max_iter_limit)}, not {format_count(max_iter)}.",
                  "i" = "PLS converges in a few dozen iterations when it converges at all; if it does not, try another {.arg scheme} or check the model."))
  }
  invisible(max_iter)
}

# Closest names, for "did you mean" hints. A substitution costs two edits, so
# "CUSA2" suggests "CUSA_2" before "CUSA1"; a name that would have to be
# rewritten whole ("C" for "A") is no suggestion.
suggest_names <- function(wanted, available) {
  vapply(wanted, function(w) {
    if (!length(available)) return(NA_character_)
    d <- utils::adist(tolower(w), tolower(available), costs = list(ins = 1, del = 1, sub = 2))[1, ]
    close <- min(d) <= max(2, nchar(w) %/% 3) && min(d) < nchar(w)
    if (close) available[which.min(d)] else NA_character_
  }, character(1), USE.NAMES = FALSE)
}

# `where` is cli markup such as "{.arg data}"; names already used by the
# model are not offered as suggestions. The names are the user's text, so
# they reach cli as values ({missing[i]}), never as part of the format
# string, where braces would be evaluated as R code. Columns missing from
# the data (`column = TRUE`) are data errors (iecpls_unknown_column), other
# names input errors (iecpls_unknown_name).
abort_missing_names <- function(missing, available, what, where, used = character(),
                                source = "named in the model", column = FALSE) {
  hint <- suggest_names(missing, setdiff(available, used))
  index <- seq_len(min(length(missing), 10L))
  lines <- ifelse(is.na(hint[index]), sprintf("{.var {missing[%d]}}", index),
                  sprintf("{.var {missing[%d]}} (did you mean {.var {hint[%d]}}?)", index, index))
  if (length(missing) > 10L) lines <- c(lines, paste("...and", length(missing) - 10L, "more"))
  bullets <- stats::setNames(lines, rep("x", length(lines)))
  header <- paste0("{cli::qty(length(missing))}", what, "{?s} ", source, " {?is/are} not in ", where, ":")
  if (column) abort_data(c(header, bullets), class = "iecpls_unknown_column")
  abort_input(c(header, bullets), class = "iecpls_unknown_name")
}

# Applies a per-construct mode override such as c(RIG = "B").
apply_modes <- function(model, modes) {
  if (is.null(modes)) return(model)
  if (!is.character(modes) || is.null(names(modes)) || anyNA(modes) || any(names(modes) == "")) {
    abort_input("{.arg modes} must be a named character vector such as {.code c(RIG = \"B\")}.")
  }
  unknown <- setdiff(names(modes), model$constructs)
  if (length(unknown)) abort_missing_names(unknown, model$constructs, "Construct", "the model",
                                          source = "named in {.arg modes}")
  values <- toupper(modes)
  bad <- !values %in% c("A", "B")
  if (any(bad)) {
    abort_input("{.arg modes} must be {.val A} or {.val B}; {.field {names(modes)[bad]}} {?has/have} {.val {modes[bad]}}.")
  }
  model$modes[names(modes)] <- values
  model
}

# The data as given: a data frame (tibbles and data.tables are data frames)
# or a numeric or logical matrix with column names. A matrix is not converted
# (that would copy every column); data_column() extracts the model's columns.
check_data <- function(data) {
  if (is.matrix(data)) {
    if (!is.numeric(data) && !is.logical(data)) {
      abort_input(c("{.arg data} is a {typeof(data)} matrix; a matrix must be numeric.",
                    "i" = "Use a data frame to mix column types."))
    }
    if (is.null(colnames(data))) {
      abort_data("{.arg data} has no column names: name its columns after the model's indicators.")
    }
    return(data)
  }
  if (!is.data.frame(data)) {
    abort_input("{.arg data} must be a data frame or a numeric matrix, not {.obj_type_friendly {data}}.")
  }
  data
}

data_names <- function(data) if (is.matrix(data)) colnames(data) else names(data)

data_column <- function(data, name) if (is.matrix(data)) data[, name] else .subset2(data, name)

# The model's indicator columns as a list of plain integer/double vectors in
# block order, after checking them (data from check_data()). Columns are not
# copied unless recoded:
# - integer and double columns are used as they are;
# - ordered factors become their integer codes, haven/Hmisc labelled columns
#   their numeric codes (SPSS user-missing codes become NA) and logical
#   columns 0/1, each announced in one message;
# - anything else (character, plain factors, dates, lists, ...) is an error
#   naming the columns;
# - codes in `na_values` become NA.
# (A column with no observed value is pls()'s error, abort_all_missing(): new
# data for predictions may lack an answer in every row it has.)
indicator_columns <- function(data, model, na_values, ordinal = character()) {
  data <- check_data(data)
  check_na_values(na_values)
  available <- data_names(data)
  wanted <- model$indicators
  absent <- setdiff(wanted, available)
  if (length(absent)) abort_missing_names(absent, available, "Indicator", "{.arg data}", used = wanted,
                                          column = TRUE)
  dup <- intersect(wanted, available[duplicated(available)])
  if (length(dup)) {
    abort_data("{.arg data} has more than one column named {.var {dup}}: rename or drop the copies.")
  }
  columns <- lapply(wanted, function(name) data_column(data, name))
  names(columns) <- wanted
  kinds <- vapply(columns, column_kind, character(1))
  if (any(kinds == "other")) abort_non_numeric(columns[kinds == "other"])
  columns <- Map(indicator_values, columns, kinds)
  if (length(na_values)) columns <- lapply(columns, recode_na_values, na_values = na_values)
  # ordinal indicators were announced by ordinal_indicators()
  inform_conversions(columns, kinds[!names(kinds) %in% ordinal])
  columns
}

# An integer or double matrix with every indicator once, no missing value and
# no `na_values` is read in place: instead of its columns (copying them would
# take longer than the fit), pls() hands the C code the matrix and the
# indicators' column numbers (a `pls_in_place` list of `matrix` and `index`;
# a class, as a list of columns may have a column named "matrix"), and keeps
# the matrix as fit$data. NULL when the data are read through
# indicator_columns().
in_place_matrix <- function(data, model, na_values) {
  if (!is.matrix(data) || !typeof(data) %in% c("integer", "double") || is.object(data) || length(na_values)) {
    return(NULL)
  }
  names <- colnames(data)
  index <- match(model$indicators, names)
  if (anyNA(index) || anyDuplicated(names[names %in% model$indicators]) || anyNA(data)) return(NULL)
  in_place(data, index)
}

in_place <- function(matrix, index) structure(list(matrix = matrix, index = index), class = "pls_in_place")

in_place_matrix_of <- function(columns) if (inherits(columns, "pls_in_place")) columns$matrix

# The indicator columns of in_place_matrix() as a list, for the error
# messages built from columns (copies, on error paths only).
column_list <- function(columns) {
  if (!inherits(columns, "pls_in_place")) return(columns)
  out <- lapply(columns$index, function(j) {
    column <- columns$matrix[, j]
    names(column) <- NULL # the matrix's row names
    column
  })
  names(out) <- colnames(columns$matrix)[columns$index]
  out
}

# The model's indicator columns of a fit's data as a data frame: fit$data,
# or the columns of the matrix pls() read in place (copied).
fit_indicator_data <- function(fit) {
  data <- fit$data
  if (!is.matrix(data)) return(data)
  columns <- column_list(in_place(data, match(base_indicators(fit$model), colnames(data))))
  structure(columns, class = "data.frame", row.names = c(NA_integer_, -nrow(data)))
}

# "numeric", "ordered", "labelled", "logical", "empty" (logical NA only) or
# "other" (not usable).
column_kind <- function(x) {
  if (!is.null(dim(x))) return("other")
  if (is.ordered(x)) return("ordered")
  if (!typeof(x) %in% c("integer", "double", "logical")) return("other")
  class <- oldClass(x)
  if (is.null(class) || identical(class, "AsIs")) {
    # a column of NA only is logical in R: nothing to announce
    if (is.logical(x)) return(if (!anyNA(x) || !all(is.na(x))) "logical" else "empty")
    return("numeric")
  }
  if (!is.logical(x) && inherits(x, c("haven_labelled", "labelled"))) return("labelled")
  "other"
}

indicator_values <- function(x, kind) {
  if (kind %in% c("ordered", "logical", "empty")) return(as.integer(x))
  if (kind == "labelled") return(labelled_values(x))
  if (is.null(attributes(x))) x else as.vector(unclass(x))
}

# The codes of a labelled column; the user-missing codes of SPSS files read
# with haven::read_sav(user_na = TRUE) (attributes na_values and na_range)
# become NA, as SPSS treats them.
labelled_values <- function(x) {
  codes <- attr(x, "na_values")
  range <- attr(x, "na_range")
  values <- as.vector(unclass(x))
  user_missing <- values %in% codes
  if (length(range) == 2L) user_missing <- user_missing | (!is.na(values) & values >= range[1] & values <= range[2])
  if (any(user_missing)) values[user_missing] <- NA
  values
}

recode_na_values <- function(x, na_values) {
  coded <- x %in% na_values
  if (any(coded)) x[coded] <- NA
  x
}

check_na_values <- function(na_values) {
  if (!is.null(na_values) && (!is.numeric(na_values) || is.object(na_values))) {
    abort_input("{.arg na_values} must be numeric codes such as {.code c(-99, -98)}, not {.obj_type_friendly {na_values}}.")
  }
  invisible(na_values)
}

abort_non_numeric <- function(bad) {
  index <- seq_len(min(length(bad), 10L))
  lines <- sprintf("{.var {names(bad)[%d]}} is {.obj_type_friendly {bad[[%d]]}}", index, index)
  if (length(bad) > 10L) lines <- c(lines, paste("...and", length(bad) - 10L, "more"))
  abort_data(c(
    "{length(bad)} indicator{?s} {?is/are} not numeric:",
    stats::setNames(lines, rep("x", length(lines))),
    "i" = "Recode text answers and unordered factors to numbers (for example Likert codes 1 to 5); ordered factors, labelled (SPSS/Stata) and logical columns are converted automatically."
  ), class = "iecpls_non_numeric_column")
}

abort_all_missing <- function(columns) {
  if (!length(columns[[1]])) return(invisible())
  empty <- names(columns)[vapply(columns, function(x) anyNA(x) && all(is.na(x)), logical(1))]
  if (!length(empty)) return(invisible())
  abort_data(c(
    "{cli::qty(length(empty))}Indicator{?s} {.var {empty}} {?has/have} no observed value: every row is missing.",
    "i" = "Check the column names and the missing-value codes ({.arg na_values}), or drop {cli::qty(length(empty))}{?it/them} from the model."
  ), class = "iecpls_empty_column")
}

inform_conversions <- function(columns, kinds) {
  ordered <- names(kinds)[kinds == "ordered"]
  labelled <- names(kinds)[kinds == "labelled"]
  logical <- names(kinds)[kinds == "logical"]
  if (length(ordered)) {
    cli::cli_inform("{cli::qty(length(ordered))}Ordered factor{?s} {.var {ordered}} {?is/are} used as {?its/their} integer codes (1 for the first level).")
  }
  if (length(labelled)) {
    cli::cli_inform("{cli::qty(length(labelled))}Labelled column{?s} {.var {labelled}} {?is/are} used as {?its/their} numeric codes.")
  }
  if (length(logical)) {
    cli::cli_inform("{cli::qty(length(logical))}Logical column{?s} {.var {logical}} {?is/are} used as 0 (FALSE) and 1 (TRUE).")
  }
}

# Cases the model needs: a construct with k predictors is regressed on them
# (k + 1 coefficients, so at least k + 2 cases leave a residual degree of
# freedom), and a Mode B block of q indicators needs more than q cases for
# its correlation matrix to be nonsingular. `n` counts the rows that will be
# used (complete rows with missing = "casewise", rows with a positive case
# weight).
rows_needed <- function(model) {
  predictors <- colSums(model$inner != 0)
  sizes <- lengths(model$blocks)[model$constructs]
  composite <- sizes[model$modes[model$constructs] == "B"]
  by_paths <- max(predictors) + 2
  by_blocks <- if (length(composite)) max(composite) + 1 else 0
  list(n = max(by_paths, by_blocks, 3),
       outcome = names(predictors)[which.max(predictors)], predictors = max(predictors),
       composite = if (length(composite)) names(composite)[which.max(composite)],
       block_size = if (length(composite)) max(composite) else 0)
}

check_enough_rows <- function(model, n, what = "row{?s}") {
  need <- rows_needed(model)
  if (is.na(n) || n >= need$n) return(invisible(n))
  reasons <- c(
    if (need$predictors + 2 >= need$n) c("i" = "Construct {.field {need$outcome}} has {need$predictors} predictor{?s}: its regression needs at least {need$predictors + 2} cases."),
    if (need$block_size + 1 >= need$n) c("i" = "Composite {.field {need$composite}} (Mode B) has {need$block_size} indicators: it needs more cases than indicators.")
  )
  if (!length(reasons)) reasons <- c("i" = "Correlations need at least 3 cases.")
  # `what` is this package's own cli markup, never user text
  header <- paste0("The model needs at least {need$n} cases, but there {cli::qty(n)}{?is/are} only {n} ", what, ".")
  abort_data(c(header, reasons), class = "iecpls_too_few_cases")
}

# Rows the fit will use, and how to describe them (a matrix read in place
# has no missing value).
usable_rows <- function(columns, weights, missing, n_rows) {
  complete <- missing != "casewise" || inherits(columns, "pls_in_place")
  used <- if (complete) TRUE else do.call(stats::complete.cases, unname(columns))
  if (!is.null(weights)) used <- used & weights > 0
  what <- paste0(if (missing == "casewise") "complete " else "", "row{?s}",
                 if (!is.null(weights)) " with a positive case weight" else "")
  list(n = if (isTRUE(used)) n_rows else sum(used), what = what)
}

# Case weights: a numeric vector with one weight per row, or the name of a
# column of `data`.
check_case_weights <- function(case_weights, data, n) {
  if (is.null(case_weights)) return(NULL)
  if (is.character(case_weights) && length(case_weights) == 1L) {
    name <- case_weights
    if (!name %in% data_names(data)) {
      abort_missing_names(name, data_names(data), "Case weight column", "{.arg data}",
                          source = "named in {.arg case_weights}", column = TRUE)
    }
    case_weights <- data_column(data, name)
  }
  if (!is.numeric(case_weights) || is.factor(case_weights) || !is.null(dim(case_weights))) {
    abort_input("{.arg case_weights} must be a numeric vector, not {.obj_type_friendly {case_weights}}.", class = "iecpls_case_weights_error")
  }
  if (length(case_weights) != n) {
    abort_data("{.arg case_weights} has {length(case_weights)} value{?s} but {.arg data} has {n} row{?s}.", class = "iecpls_case_weights_error")
  }
  case_weights <- as.double(case_weights)
  if (anyNA(case_weights)) abort_bad_weights("must not be missing", which(is.na(case_weights)))
  if (any(is.infinite(case_weights))) abort_bad_weights("must be finite", which(is.infinite(case_weights)))
  if (any(case_weights < 0)) abort_bad_weights("must not be negative", which(case_weights < 0))
  if (!(sum(case_weights) > 1)) {
    abort_data(c("{.arg case_weights} sum to {format(sum(case_weights), digits = 3)}; they must sum to more than 1.",
                 "i" = "They are frequency weights: the weighted variance divides by their sum minus 1."), class = "iecpls_case_weights_error")
  }
  # a weight below the largest times the machine epsilon changes no sum that
  # includes the largest: it is zero (the row is not a case), so that weights
  # such as 1e-320 do not pass for cases
  case_weights[case_weights < max(case_weights) * .Machine$double.eps] <- 0
  case_weights
}

abort_bad_weights <- function(problem, rows) {
  shown <- utils::head(rows, 5)
  more <- if (length(rows) > 5) paste0(", ... (", length(rows), " rows)") else ""
  abort_data(paste0("{.arg case_weights} ", problem, " ({cli::qty(length(rows))}row{?s} {shown}", more, ")."), class = "iecpls_case_weights_error")
}

# A covariance or correlation matrix given instead of data: checked,
# converted to correlations and put in block order.
check_cor_input <- function(S, model) {
  if (is.data.frame(S)) S <- as.matrix(S)
  if (!is.matrix(S) || !is.numeric(S) || nrow(S) != ncol(S)) {
    abort_input("{.arg S} must be a square numeric matrix, not {.obj_type_friendly {S}}.")
  }
  names_S <- rownames(S) %||% colnames(S)
  if (is.null(names_S)) abort_data("{.arg S} needs row or column names naming the indicators.")
  if (!is.null(rownames(S)) && !is.null(colnames(S)) && !identical(rownames(S), colnames(S))) {
    abort_data("The row and column names of {.arg S} differ: they must name the same indicators in the same order.")
  }
  dup <- unique(names_S[duplicated(names_S)])
  if (length(dup)) abort_data("{.arg S} names {.var {dup}} more than once.")
  dimnames(S) <- list(names_S, names_S)
  absent <- setdiff(model$indicators, names_S)
  if (length(absent)) abort_missing_names(absent, names_S, "Indicator", "{.arg S}", used = model$indicators,
                                          column = TRUE)
  S <- S[model$indicators, model$indicators, drop = FALSE]
  storage.mode(S) <- "double"
  if (any(!is.finite(S))) {
    at <- which(!is.finite(S), arr.ind = TRUE)[1, ]
    abort_data(c("{.arg S} has missing or infinite values.",
                 "i" = "For example {.code S[{rownames(S)[at[1]]}, {colnames(S)[at[2]]}]} is {S[at[1], at[2]]}."))
  }
  if (any(diag(S) <= 0)) {
    abort_data("{.arg S} has a non-positive variance for {.var {rownames(S)[diag(S) <= 0]}}.")
  }
  check_symmetric(S)
  S <- stats::cov2cor((S + t(S)) / 2)
  smallest <- min(eigen(S, symmetric = TRUE, only.values = TRUE)$values)
  if (smallest < -1e-8) {
    abort_data(c(
      "{.arg S} is not positive semidefinite (smallest eigenvalue of the model's indicators' correlations {signif(smallest, 3)}).",
      "i" = "No data can have these correlations; correlations from pairwise-complete data or rounded published values can be like this."
    ))
  }
  S
}

# Asymmetry up to rounding (1e-6 times the largest entry, as in a matrix
# written with 7 significant digits) is accepted: the caller averages S and
# t(S). Otherwise the error shows the most asymmetric pair with as many
# digits as it takes to tell them apart, and their difference.
symmetry_tolerance <- 1e-6

check_symmetric <- function(S) {
  asymmetry <- abs(S - t(S))
  if (max(asymmetry) <= symmetry_tolerance * max(abs(S))) return(invisible(S))
  at <- which(asymmetry == max(asymmetry), arr.ind = TRUE)[1, ]
  a <- rownames(S)[at[1]]
  b <- colnames(S)[at[2]]
  values <- c(S[at[1], at[2]], S[at[2], at[1]])
  digits <- 6L
  while (digits < 17L && signif(values[1], digits) == signif(values[2], digits)) digits <- digits + 1L
  shown <- format(values, digits = digits)
  difference <- format(abs(values[1] - values[2]), digits = 3)
  abort_data(c("{.arg S} is not symmetric.",
               "i" = "{.code S[{a}, {b}]} is {shown[1]} but {.code S[{b}, {a}]} is {shown[2]} (a difference of {difference}).",
               "i" = "Differences up to {symmetry_tolerance} times the largest entry are taken as rounding."))
}

`%||%` <- function(x, y) if (is.null(x)) y else x
