#' Descriptive statistics of the indicators
#'
#' The item table a PLS-SEM report starts with, for data screening: for each
#' indicator the number of observed answers and of missing ones, mean,
#' median, minimum, maximum, standard deviation, skewness and excess
#' kurtosis (as seminr, ADANCO and SmartPLS print first).
#'
#' Missing values are left out of every statistic, whatever `missing` rule
#' the fit used; codes declared with `na_values` count as missing. The
#' standard deviation divides by n - 1. Skewness and excess kurtosis are the
#' bias-adjusted sample statistics G1 and G2 that SPSS and Excel's `SKEW()`
#' and `KURT()` report (type 2 of `e1071::skewness()` and
#' `e1071::kurtosis()`); they are `NA` for fewer than 3 (skewness) or 4
#' (kurtosis) observed values and for a constant column. Case weights are
#' not applied. Values of skewness or excess kurtosis beyond -1 and +1 are
#' the usual sign of a clearly non-normal item (Hair et al., 2022), which
#' PLS-SEM tolerates but a covariance-based analysis would not.
#'
#' @param x A model fitted by [pls()], or data: a data frame or a numeric
#'   matrix with column names. For `tidy()` and `glance()`, a
#'   `pls_descriptives` result.
#' @param model With data, a model (syntax or [parse_model()]) whose
#'   indicators are described, in the model's order; `NULL` describes every
#'   numeric column. A fit describes its own indicators.
#' @param na_values With data, numeric codes that mean "missing", as in
#'   [pls()]. A fit uses its own.
#' @param ... Not used.
#' @return A data frame of class `pls_descriptives`, one row per indicator,
#'   with columns `indicator`, `construct` (with a model), `n`, `missing`,
#'   `mean`, `median`, `min`, `max`, `sd`, `skewness` and `kurtosis`
#'   (excess kurtosis).
#'
#'   `tidy()` returns the table as a plain data frame (as does
#'   `as.data.frame()`); `glance()` a data frame with one row: `items`,
#'   `constructs` (`NA` without a model), `nobs` (cases), `missing` (missing
#'   answers in all items) and `nonnormal` (items with |skewness| or
#'   |excess kurtosis| above 1).
#' @references Hair, J. F., Hult, G. T. M., Ringle, C. M., & Sarstedt, M.
#'   (2022). *A Primer on Partial Least Squares Structural Equation Modeling
#'   (PLS-SEM)* (3rd ed.). Sage.
#' @examples
#' fit <- pls("
#'   IMAG =~ IMAG1 + IMAG2 + IMAG3
#'   SAT  =~ CUSA1 + CUSA2 + CUSA3
#'   SAT ~ IMAG
#' ", data = mobi)
#' items <- pls_descriptives(fit)
#' items
#' glance(items)
#'
#' # before fitting, straight from the data
#' pls_descriptives(corp_rep_data[, c("cusl_1", "cusl_2", "cusl_3")], na_values = -99)
#' @export
pls_descriptives <- function(x, model = NULL, na_values = NULL, ...) {
  if (inherits(x, "pls_fit")) {
    if (is.null(x$data)) {
      cli::cli_abort(c("The fit has no data: it was estimated from a correlation matrix {.arg S}.",
                       "i" = "Describe the data themselves: {.code pls_descriptives(data, model)}."),
                     class = c("iecpls_input_error", "iecpls_error"), call = NULL)
    }
    model <- x$model
    columns <- as.list(fit_indicator_data(x))
  } else {
    data <- check_data(x)
    if (!is.null(model)) {
      model <- as_pls_model(model)
      columns <- indicator_columns(data, model, na_values)
    } else {
      check_na_values(na_values)
      names <- data_names(data)
      columns <- lapply(names, function(name) data_column(data, name))
      names(columns) <- names
      kinds <- vapply(columns, column_kind, character(1))
      columns <- Map(indicator_values, columns[kinds != "other"], kinds[kinds != "other"])
      if (length(na_values)) columns <- lapply(columns, recode_na_values, na_values = na_values)
    }
  }
  if (!length(columns)) {
    cli::cli_abort("{.arg x} has no numeric column to describe.", class = c("iecpls_input_error", "iecpls_error"),
                   call = NULL)
  }
  stats <- do.call(rbind, lapply(columns, describe_column))
  out <- data.frame(indicator = names(columns), stringsAsFactors = FALSE)
  if (!is.null(model)) {
    construct_of <- rep(model$constructs, lengths(model$blocks))
    out$construct <- construct_of[match(names(columns), model$indicators)]
  }
  out <- cbind(out, stats)
  rownames(out) <- NULL
  class(out) <- c("pls_descriptives", "data.frame")
  out
}

describe_column <- function(x) {
  x <- as.double(x)
  observed <- x[!is.na(x)]
  n <- length(observed)
  if (!n) {
    return(data.frame(n = 0L, missing = length(x), mean = NA_real_, median = NA_real_, min = NA_real_,
                      max = NA_real_, sd = NA_real_, skewness = NA_real_, kurtosis = NA_real_))
  }
  centred <- observed - mean(observed)
  m2 <- mean(centred^2)
  spread <- m2 > 0
  g1 <- if (spread) mean(centred^3) / m2^1.5 else NA_real_
  g2 <- if (spread) mean(centred^4) / m2^2 - 3 else NA_real_
  data.frame(
    n = n, missing = length(x) - n, mean = mean(observed), median = stats::median(observed),
    min = min(observed), max = max(observed), sd = if (n > 1) stats::sd(observed) else NA_real_,
    skewness = if (n > 2) g1 * sqrt(n * (n - 1)) / (n - 2) else NA_real_,
    kurtosis = if (n > 3) ((n + 1) * g2 + 6) * (n - 1) / ((n - 2) * (n - 3)) else NA_real_
  )
}

#' @export
print.pls_descriptives <- function(x, digits = 3, ...) {
  check_digits(digits)
  cat_wrapped("Indicator descriptives (", nrow(x), " indicators)")
  shown <- as.data.frame(unclass(x), stringsAsFactors = FALSE)
  numeric <- vapply(shown, is.double, logical(1))
  # whole-number columns (min, max, often the median of a rating scale)
  # without decimals, so the table fits 80 columns
  shown[numeric] <- lapply(shown[numeric], function(v) {
    whole <- all(is.na(v) | v == round(v))
    out <- formatC(v, digits = if (whole) 0L else digits, format = "f")
    out[is.na(v)] <- "NA"
    out
  })
  print_wide(shown, digits, groups = list(c("n", "missing"), c("mean", "median", "min", "max", "sd"),
                                          c("skewness", "kurtosis")))
  flagged <- nonnormal_items(x)
  if (length(flagged)) {
    names <- paste(utils::head(flagged, 5L), collapse = ", ")
    if (length(flagged) > 5L) names <- paste0(names, " and ", length(flagged) - 5L, " more")
    cat_wrapped(sprintf("|skewness| or |excess kurtosis| above 1: %s.", names))
  }
  invisible(x)
}

# Items beyond -1 or +1 in skewness or excess kurtosis (Hair et al. 2022).
nonnormal_items <- function(x) {
  flagged <- x$indicator[abs(x$skewness) > 1 | abs(x$kurtosis) > 1]
  flagged[!is.na(flagged)]
}

#' @rdname pls_descriptives
#' @export
tidy.pls_descriptives <- function(x, ...) as.data.frame(unclass(x), stringsAsFactors = FALSE)

#' @rdname pls_descriptives
#' @export
glance.pls_descriptives <- function(x, ...) {
  data.frame(items = nrow(x), constructs = if (is.null(x$construct)) NA_integer_ else length(unique(x$construct)),
             nobs = max(x$n + x$missing), missing = sum(x$missing), nonnormal = length(nonnormal_items(x)))
}
