# Ex post explanation of segments (issue #21): how segments found by a
# segmentation method (FIMIX-PLS, PLS-POS, ...) or given by hand differ in
# variables outside the model. Plain R on contingency tables and group
# means: the tests are stats::chisq.test() and stats::oneway.test().

#' Explain segments by variables outside the model
#'
#' Segments found in the data, by FIMIX-PLS or PLS-POS (objects of class
#' `pls_segments`) or by any other rule, are only useful when they can be
#' told apart by something observable. `pls_explain_segments()` compares the
#' segments on variables that are not in the model (demographics, roles,
#' ...): for each variable a test of association with the segment
#' membership and an effect size, and the profile of each segment
#' (the share of each category, or the mean).
#'
#' @section Variables:
#' By default the variables are the columns of `data` that are not
#' indicators of the model and are factors, character or logical vectors:
#' those are analysed as **categorical**. Numeric columns are analysed only
#' when named in `variables`, as **numeric** (a numeric column with a few
#' codes, such as an identifier or a 1-5 rating, is not taken by default
#' because it is seldom a grouping; convert it with [factor()] to analyse it
#' as categorical). Logical vectors are categorical. Unused levels of a
#' factor are left out. The default leaves out (with a message) columns
#' with a single category and columns with a category per case (such as
#' identifiers stored as text); a column named in `variables` that cannot
#' tell segments apart is an error.
#'
#' @section Tests and effect sizes:
#' A **categorical** variable is cross-tabulated with the segments (segments
#' in rows, categories in columns). The test is Pearson's chi-square test of
#' independence ([stats::chisq.test()] without continuity correction), with
#' \eqn{(r - 1)(c - 1)} degrees of freedom. When an expected count is below
#' 5, where the chi-square approximation is poor, the p value is a Monte
#' Carlo p value instead ([stats::chisq.test()] with `simulate.p.value =
#' TRUE`: `R` random tables with the observed margins, seeded by `seed`,
#' the p value being one plus the number of them with a chi-square at
#' least as large, over \eqn{R + 1}); the test is then `"chi-square (Monte
#' Carlo)"`. Fisher's exact test is not used: it is slow for tables larger
#' than 2 x 2, and the Monte Carlo test is, like it, conditional on the
#' margins of the table. The effect size is Cramer's
#' \eqn{V = \sqrt{\chi^2 / (n (\min(r, c) - 1))}}, between 0 and 1, read
#' with Cohen's (1988) benchmarks for \eqn{w = V \sqrt{\min(r, c) - 1}}:
#' small from 0.1, medium from 0.3, large from 0.5 (so for a table with 2
#' rows or columns, \eqn{V} of 0.1, 0.3 and 0.5), below 0.1 negligible.
#'
#' A **numeric** variable is compared by a one-way analysis of variance
#' (the F test of [stats::oneway.test()] with `var.equal = TRUE`, with
#' \eqn{k - 1} and \eqn{n - k} degrees of freedom for \eqn{k} segments), and
#' the effect size is \eqn{\eta^2}, the between-segment sum of squares over
#' the total, read with Cohen's (1988) benchmarks: small from 0.01, medium
#' from 0.06, large from 0.14.
#'
#' @section Cases:
#' Each variable is analysed on the cases that have a segment and a value of
#' that variable: missing values are dropped for that variable only (the
#' count is `missing`), and a segment or category without a case in it is
#' left out of that variable's table. Cases are counted once each: case
#' weights of the fit are not used. For a `pls_segments` object the rows of
#' `data` are matched to the fit's scores through the fit's `rows_used`:
#' rows that [pls()] dropped (`missing = "casewise"`) have no segment.
#'
#' @param x The segments: an object of class `pls_segments` (the result of
#'   a segmentation of a [pls()] fit, such as FIMIX-PLS or PLS-POS: its
#'   `segment` holds one segment 1..K, or `NA`, per row of the scores of its
#'   `fit`), or a vector or factor with one segment per row of `data`.
#' @param data The data frame given to [pls()], with the variables to
#'   explain the segments by (or, when `x` is a vector, any data frame with
#'   one row per case).
#' @param variables The names of the columns of `data` to analyse, or `NULL`
#'   (the default) for every categorical column that is not an indicator
#'   (see Variables).
#' @param R Number of random tables of the Monte Carlo p value of a
#'   chi-square test with an expected count below 5.
#' @param seed `NULL` (draw the Monte Carlo tables from the session's
#'   generator) or a number that fixes them.
#' @return An object of class `pls_segment_explain`, a list with
#' \describe{
#'   \item{`tests`}{a data frame with one row per variable: `variable`,
#'     `type` (`"categorical"` or `"numeric"`), `n` (cases analysed),
#'     `missing` (cases with a segment but no value), `test`, `statistic`
#'     (chi-square or F), `df`, `df2` (the F test's second degrees of
#'     freedom), `p.value`, `effect` (Cramer's V or \eqn{\eta^2}),
#'     `measure` (`"Cramer's V"` or `"eta^2"`) and `size` (`"negligible"`,
#'     `"small"`, `"medium"` or `"large"`).}
#'   \item{`tables`}{a list with one element per variable: for a
#'     categorical variable a list with `counts` (segments by categories),
#'     `percent` (the percentage of each segment in each category: rows add
#'     to 100) and `expected_min` (the smallest expected count); for a
#'     numeric variable a data frame with `segment`, `n`, `mean` and `sd`.}
#'   \item{`sizes`}{a data frame with the number of cases (`n`) of each
#'     `segment`.}
#'   \item{`nobs`, `unassigned`, `not_fitted`}{the number of rows with a
#'     segment, of rows of the fit without one, and of rows of `data` that
#'     the fit did not use.}
#'   \item{`R`, `seed`}{the Monte Carlo settings.}
#' }
#' `tidy()` and `as.data.frame()` return the `tests` (`what = "tests"`) or
#' the segment profiles in long form (`what = "profiles"`: `variable`,
#' `segment`, `category` (NA for a numeric variable), `n`, `percent`, `mean`
#' and `sd`); `glance()` a data frame with one row: `segments`, `nobs`,
#' `unassigned`, `variables`, `significant` (variables with p below 0.05)
#' and `max_effect`.
#' @references
#' Cohen, J. (1988). *Statistical Power Analysis for the Behavioral
#' Sciences* (2nd ed.). Erlbaum.
#'
#' Hair, J. F., Sarstedt, M., Matthews, L. M., and Ringle, C. M. (2016).
#' Identifying and treating unobserved heterogeneity with FIMIX-PLS: part I
#' -- method. *European Business Review*, 28(1), 63--76.
#' \doi{10.1108/EBR-09-2015-0094}
#' @seealso [pls_mga()] to compare the model's estimates between segments.
#' @examples
#' # segments given by hand, one per row of the data (the result of
#' # a segmentation of a fit, such as FIMIX-PLS, is used the same way)
#' segment <- ifelse(iec_survey$role == "graduate student", 1L, 2L)
#' explained <- pls_explain_segments(segment, iec_survey, seed = 1)
#' explained
#' tidy(explained)
#' glance(explained)
#' @export
pls_explain_segments <- function(x, data, variables = NULL, R = 2000L, seed = NULL) {
  if (!is.data.frame(data)) {
    abort_input("{.arg data} must be a data frame, not {.obj_type_friendly {data}}.")
  }
  check_count(R, "R")
  membership <- segment_membership(x, nrow(data))
  variables <- segment_variables(data, variables, membership$indicators)
  segment <- membership$segment
  results <- lapply(variables, function(name) {
    explain_variable(data[[name]], segment, name, R, seed)
  })
  names(results) <- variables
  tests <- do.call(rbind, lapply(results, `[[`, "test"))
  rownames(tests) <- NULL
  sizes <- data.frame(segment = levels(segment), n = as.vector(table(segment)), stringsAsFactors = FALSE)
  structure(list(tests = tests, tables = lapply(results, `[[`, "table"), sizes = sizes,
                 nobs = sum(!is.na(segment)), unassigned = membership$unassigned,
                 not_fitted = membership$not_fitted, R = as.integer(R), seed = seed),
            class = "pls_segment_explain")
}

# The segment of each row of the data (a factor, NA for no segment), the
# model's indicators (not variables to explain by) and the counts of rows
# without a segment.
segment_membership <- function(x, n_rows) {
  if (inherits(x, "pls_segments")) return(segments_of_fit(x, n_rows))
  if (is.object(x) && !is.factor(x) || is.list(x) || !is.atomic(x) || is.null(x) || !is.null(dim(x))) {
    abort_input(c("{.arg x} must be a segmentation ({.cls pls_segments}) or a vector of segments, not {.obj_type_friendly {x}}."),
                class = "iecpls_segments_error")
  }
  check_segment_rows(length(x), n_rows, "{.arg x} gives segments for")
  segment <- if (is.factor(x)) x else factor(x)
  check_segment_count(segment)
  list(segment = segment, indicators = character(), unassigned = sum(is.na(segment)), not_fitted = 0L)
}

segments_of_fit <- function(x, n_rows) {
  fit <- x$fit
  if (!inherits(fit, "pls_fit") || is.null(fit$scores)) {
    abort_input("{.arg x} must hold the {.cls pls_fit} it segments, fitted to data, as {.field fit}.",
                class = "iecpls_segments_error")
  }
  s <- x$segment
  ok <- is.numeric(s) && !is.object(s) && length(s) == nrow(fit$scores) &&
    all(is.na(s) | (s >= 1 & s == round(s)))
  if (!ok) {
    abort_input("{.field segment} of {.arg x} must be one segment number (1, 2, ...) or {.code NA} per row of the fit's scores ({nrow(fit$scores)}).",
                class = "iecpls_segments_error")
  }
  used <- fit$rows_used
  fit_rows <- if (is.null(used)) nrow(fit$scores) else length(used)
  check_segment_rows(fit_rows, n_rows, "The fit of {.arg x} was estimated from data with")
  k <- max(c(s, 1L), na.rm = TRUE)
  segment <- rep(NA_integer_, n_rows)
  if (is.null(used)) segment[] <- as.integer(s) else segment[used] <- as.integer(s)
  segment <- factor(segment, levels = seq_len(k))
  check_segment_count(segment)
  list(segment = segment, indicators = base_indicators(fit$model), unassigned = sum(is.na(s)),
       not_fitted = if (is.null(used)) 0L else sum(!used))
}

check_segment_rows <- function(segment_rows, n_rows, what) {
  if (segment_rows != n_rows) {
    abort_data(c(paste(what, "{segment_rows} row{?s}, but {.arg data} has {n_rows}."),
                 "i" = "Give the data frame the segments were found in, with all its rows."),
               class = "iecpls_segment_rows_error")
  }
}

check_segment_count <- function(segment) {
  used <- sum(table(segment) > 0)
  if (used < 2L) {
    abort_input("{.arg x} must assign cases to at least two segments, not {used}.",
                class = "iecpls_segments_error")
  }
}

# The variables analysed: those named (checked), or every categorical
# column of the data that is not an indicator.
segment_variables <- function(data, variables, indicators) {
  if (is.null(variables)) {
    candidates <- setdiff(names(data), indicators)
    categorical <- vapply(data[candidates], is_categorical, logical(1))
    variables <- candidates[categorical]
    # constants and identifiers (a category per case) tell nothing apart
    spread <- vapply(data[variables], function(column) {
      values <- column[!is.na(column)]
      distinct <- length(unique(values))
      distinct >= 2L && distinct < length(values)
    }, logical(1))
    if (!all(spread)) {
      cli::cli_inform("Left out {.field {variables[!spread]}}: one category only, or a category per case.")
      variables <- variables[spread]
    }
    if (!length(variables)) {
      abort_input(c("{.arg data} has no categorical column (factor, character or logical) besides the indicators.",
                    "i" = "Name the columns to explain the segments by in {.arg variables}."))
    }
    return(variables)
  }
  if (!is.character(variables) || !length(variables) || anyNA(variables) || anyDuplicated(variables)) {
    abort_input("{.arg variables} must be distinct column names or {.code NULL}, not {.obj_type_friendly {variables}}.")
  }
  unknown <- setdiff(variables, names(data))
  if (length(unknown)) {
    abort_missing_names(unknown, names(data), "Variable", "{.arg data}", source = "named in {.arg variables}",
                        column = TRUE)
  }
  variables
}

is_categorical <- function(column) is.factor(column) || is.character(column) || is.logical(column)

explain_variable <- function(column, segment, name, R, seed) {
  if (is_categorical(column)) return(explain_categorical(column, segment, name, R, seed))
  if (is.numeric(column) && !is.object(column)) return(explain_numeric(column, segment, name))
  abort_data(c("Variable {.field {name}} is {.obj_type_friendly {column}}; it must be categorical (factor, character or logical) or numeric.",
               "i" = "Convert it with {.fn factor} or {.fn as.numeric}."),
             class = "iecpls_segment_variable_error")
}

# The cases with a segment, and how many of them have no value.
segment_cases <- function(column, segment) {
  assigned <- !is.na(segment)
  keep <- assigned & !is.na(column)
  list(keep = keep, missing = sum(assigned & is.na(column)))
}

explain_categorical <- function(column, segment, name, R, seed) {
  cases <- segment_cases(column, segment)
  category <- if (is.factor(column)) column else factor(column)
  counts <- table(segment = segment[cases$keep], category = category[cases$keep])
  counts <- counts[rowSums(counts) > 0, colSums(counts) > 0, drop = FALSE]
  check_variable_spread(nrow(counts), ncol(counts), name, "categor{?y/ies}")
  n <- sum(counts)
  expected <- outer(rowSums(counts), colSums(counts)) / n
  simulate <- any(expected < 5)
  test <- if (simulate) {
    with_seed(seed, stats::chisq.test(counts, correct = FALSE, simulate.p.value = TRUE, B = R))
  } else {
    stats::chisq.test(counts, correct = FALSE)
  }
  chi2 <- unname(test$statistic)
  m <- min(dim(counts)) - 1
  v <- sqrt(chi2 / (n * m))
  counts <- unclass(counts)
  percent <- 100 * counts / rowSums(counts)
  row <- segment_test_row(name, "categorical", n, cases$missing,
                          if (simulate) "chi-square (Monte Carlo)" else "chi-square",
                          chi2, (nrow(counts) - 1) * (ncol(counts) - 1), NA_real_, test$p.value, v,
                          "Cramer's V", cramer_size(v, m))
  list(test = row, table = list(counts = counts, percent = percent, expected_min = min(expected)))
}

explain_numeric <- function(column, segment, name) {
  cases <- segment_cases(column, segment)
  y <- as.double(column[cases$keep])
  g <- droplevels(segment[cases$keep])
  check_variable_spread(nlevels(g), length(unique(y)), name, "distinct value{?s}")
  n <- length(y)
  k <- nlevels(g)
  if (n <= k) {
    abort_data("Variable {.field {name}} has {n} case{?s} in {k} segments: too few to compare their means.",
               class = "iecpls_segment_variable_error")
  }
  means <- tapply(y, g, mean)
  total <- sum((y - mean(y))^2)
  between <- sum(tapply(y, g, length) * (means - mean(y))^2)
  eta2 <- between / total
  test <- stats::oneway.test(y ~ g, var.equal = TRUE)
  row <- segment_test_row(name, "numeric", n, cases$missing, "ANOVA", unname(test$statistic),
                          unname(test$parameter[1L]), unname(test$parameter[2L]), test$p.value, eta2,
                          "eta^2", eta2_size(eta2))
  table <- data.frame(segment = levels(g), n = as.vector(table(g)), mean = as.vector(means),
                      sd = as.vector(tapply(y, g, stats::sd)), stringsAsFactors = FALSE)
  list(test = row, table = table)
}

check_variable_spread <- function(segments, values, name, unit) {
  if (segments < 2L) {
    abort_data("Variable {.field {name}} has values in {segments} segment{?s} only: there is nothing to compare.",
               class = "iecpls_segment_variable_error")
  }
  if (values < 2L) {
    abort_data(paste0("Variable {.field {name}} has {values} ", unit,
                      " among the cases with a segment: it cannot tell segments apart."),
               class = "iecpls_segment_variable_error")
  }
}

segment_test_row <- function(variable, type, n, missing, test, statistic, df, df2, p, effect, measure, size) {
  data.frame(variable = variable, type = type, n = as.integer(n), missing = as.integer(missing), test = test,
             statistic = statistic, df = as.double(df), df2 = as.double(df2), p.value = p, effect = effect,
             measure = measure, size = size, stringsAsFactors = FALSE)
}

# Cohen's benchmarks for w = V sqrt(m), m = min(r, c) - 1.
cramer_size <- function(v, m) effect_size_label(v * sqrt(m), c(0.1, 0.3, 0.5))

eta2_size <- function(eta2) effect_size_label(eta2, c(0.01, 0.06, 0.14))

effect_size_label <- function(value, cuts) {
  as.character(cut(value, c(-Inf, cuts, Inf), right = FALSE,
                   labels = c("negligible", "small", "medium", "large")))
}

#' @rdname pls_explain_segments
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_segment_explain <- function(x, digits = 3, ...) {
  k <- nrow(x$sizes)
  cat_wrapped("Explaining ", k, " segments by ", nrow(x$tests), " variable", if (nrow(x$tests) != 1L) "s",
              " (", format_count(x$nobs), " cases with a segment",
              if (x$unassigned > 0) paste0(", ", format_count(x$unassigned), " not assigned"),
              if (x$not_fitted > 0) paste0(", ", format_count(x$not_fitted), " rows not in the fit"), ")")
  cat_wrapped("Segment sizes: ", paste0(x$sizes$segment, ": ", x$sizes$n, collapse = ", "))
  cat("\n")
  t <- x$tests
  table <- data.frame(variable = t$variable, test = t$test, n = t$n, missing = t$missing,
                      statistic = t$statistic, df = blank_na(t$df, 0), df2 = blank_na(t$df2, 0),
                      p = format_nca_p(t$p.value, digits), effect = t$effect, measure = t$measure,
                      size = t$size, stringsAsFactors = FALSE)
  if (all(t$missing == 0)) table$missing <- NULL
  if (all(is.na(t$df2))) table$df2 <- NULL
  print_wide(table, digits, id = "variable")
  cat("\n")
  cat_wrapped("Cramer's V: small from w = V sqrt(min(r, c) - 1) = 0.1, medium 0.3, large 0.5; ",
              "eta^2: small from 0.01, medium 0.06, large 0.14 (Cohen 1988).")
  for (name in names(x$tables)) {
    cat("\n")
    print_segment_table(x$tables[[name]], name, digits)
  }
  invisible(x)
}

print_segment_table <- function(table, name, digits) {
  if (is.data.frame(table)) {
    cat_wrapped(name, ": mean and SD by segment")
    print_wide(data.frame(segment = table$segment, n = table$n, mean = table$mean, sd = table$sd,
                          stringsAsFactors = FALSE), digits, id = "segment")
    return(invisible())
  }
  cat_wrapped(name, ": count (percent of the segment) by category")
  counts <- table$counts
  shown <- data.frame(segment = rownames(counts), stringsAsFactors = FALSE)
  for (j in seq_len(ncol(counts))) {
    shown[[colnames(counts)[j]]] <- sprintf("%d (%.1f)", as.integer(counts[, j]), table$percent[, j])
  }
  print_wide(shown, digits, id = "segment")
}

#' @rdname pls_explain_segments
#' @param what `"tests"` (one row per variable) or `"profiles"` (the
#'   segments' shares of each category and means, in long form).
#' @export
tidy.pls_segment_explain <- function(x, what = c("tests", "profiles"), ...) {
  what <- match_arg(what)
  if (what == "tests") return(x$tests)
  rows <- lapply(names(x$tables), function(name) {
    table <- x$tables[[name]]
    if (is.data.frame(table)) {
      return(data.frame(variable = name, segment = table$segment, category = NA_character_, n = table$n,
                        percent = NA_real_, mean = table$mean, sd = table$sd, stringsAsFactors = FALSE))
    }
    counts <- table$counts
    data.frame(variable = name, segment = rep(rownames(counts), times = ncol(counts)),
               category = rep(colnames(counts), each = nrow(counts)), n = as.integer(counts),
               percent = as.vector(table$percent), mean = NA_real_, sd = NA_real_, stringsAsFactors = FALSE)
  })
  out <- do.call(rbind, rows)
  rownames(out) <- NULL
  out
}

#' @rdname pls_explain_segments
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_segment_explain <- function(x, row.names = NULL, optional = FALSE,
                                              what = c("tests", "profiles"), ...) {
  tidy.pls_segment_explain(x, what = match_arg(what))
}

#' @rdname pls_explain_segments
#' @export
glance.pls_segment_explain <- function(x, ...) {
  data.frame(segments = nrow(x$sizes), nobs = x$nobs, unassigned = x$unassigned,
             variables = nrow(x$tests), significant = sum(x$tests$p.value < 0.05),
             max_effect = max(x$tests$effect), stringsAsFactors = FALSE)
}
