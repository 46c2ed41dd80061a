#' Summaries of a bootstrap
#'
#' `print()` shows the number of resamples (with those that failed and
#' those with an inadmissible PLSc solution, see [pls_boot()]) and the path
#' coefficients with their bootstrap standard
#' errors, t and p values and confidence intervals; `summary()` returns every
#' parameter type as a data frame (`$paths`, `$weights`, `$loadings`, `$r2`,
#' `$total`, `$indirect`, `$specific`, `$htmt`); `confint()` returns the
#' intervals as a matrix.
#'
#' @param object,x A `pls_boot` from [pls_boot()] (or its summary).
#' @param parm Parameters: names as in `rownames(confint(object))` (for
#'   example `"path: Image -> Loyalty"`) or indices; all by default.
#' @param level Confidence level; intervals at another level than the one of
#'   the run are recomputed from the stored draws.
#' @param type `"percentile"` or `"bca"`.
#' @param digits Decimal places printed.
#' @param ... Not used.
#' @return `confint()`: a matrix with one row per parameter and the lower and
#'   upper limits; `summary()`: an object of class `summary.pls_boot`, a list
#'   of data frames; `print()`: its argument, invisibly.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' set.seed(1)
#' boot <- pls_boot(fit, R = 500)
#' summary(boot)$specific
#' confint(boot, "path: Image -> Loyalty", level = 0.90)
#' @name pls_boot-methods
NULL

#' @rdname pls_boot-methods
#' @export
confint.pls_boot <- function(object, parm, level = object$level, type = c("percentile", "bca"), ...) {
  type <- match.arg(type)
  check_level(level)
  table <- object$parameters
  names <- parameter_names(table)
  if (level != object$level) table <- boot_summary_table(object, level)
  if (type == "bca" && is.null(object$jackknife)) {
    abort_input("BCa intervals need the jackknife: run {.fn pls_boot} with {.code bca = TRUE}.")
  }
  limits <- if (type == "bca") table[c("bca_lower", "bca_upper")] else table[c("lower", "upper")]
  out <- as.matrix(limits)
  alpha <- (1 - level) / 2
  dimnames(out) <- list(names, paste(format(100 * c(alpha, 1 - alpha), trim = TRUE), "%"))
  if (!missing(parm)) {
    if (is.character(parm)) {
      unknown <- setdiff(parm, names)
      if (length(unknown)) abort_missing_names(unknown, names, "Parameter", "the bootstrap results", source = "named in {.arg parm}")
    }
    out <- out[parm, , drop = FALSE]
  }
  out
}

#' @rdname pls_boot-methods
#' @export
summary.pls_boot <- function(object, ...) {
  table <- object$parameters
  pieces <- split(table[setdiff(names(table), c("type", "from", "to"))], table$type)
  types <- c(path = "paths", weight = "weights", loading = "loadings", r2 = "r2", total = "total",
             indirect = "indirect", specific = "specific", htmt = "htmt")
  out <- lapply(names(types), function(type) {
    piece <- pieces[[type]]
    if (is.null(piece)) piece <- table[0, setdiff(names(table), c("type", "from", "to"))]
    rownames(piece) <- NULL
    piece
  })
  names(out) <- types
  structure(c(out, list(R = object$R, n_failed = object$n_failed, n_inadmissible = object$n_inadmissible %||% 0L,
                        inadmissibles = object$inadmissibles %||% "drop", level = object$level,
                        sign_change = object$sign_change)), class = "summary.pls_boot")
}

#' @rdname pls_boot-methods
#' @export
print.summary.pls_boot <- function(x, digits = 3, ...) {
  boot_header(x)
  sections <- c(paths = "Path coefficients", total = "Total effects", indirect = "Total indirect effects",
                specific = "Specific indirect effects", r2 = "R-squared", weights = "Outer weights",
                loadings = "Outer loadings", htmt = "HTMT")
  for (name in names(sections)) {
    if (!nrow(x[[name]])) next
    cat("\n", sections[[name]], ":\n", sep = "")
    print_boot_table(x[[name]], digits, stars = !name %in% c("r2", "htmt"))
  }
  invisible(x)
}

#' @rdname pls_boot-methods
#' @export
print.pls_boot <- function(x, digits = 3, ...) {
  s <- summary(x)
  boot_header(s)
  cat("\nPath coefficients:\n")
  print_boot_table(s$paths, digits, stars = TRUE)
  if (nrow(s$indirect)) {
    cat("\nTotal indirect effects:\n")
    print_boot_table(s$indirect, digits, stars = TRUE)
  }
  cat("\nsummary() shows weights, loadings, R-squared and every specific indirect effect.\n")
  invisible(x)
}

boot_header <- function(s) {
  cat("Bootstrap of a PLS path model: ", s$R, " resamples", sep = "")
  notes <- if (s$n_failed) paste(s$n_failed, "failed and excluded")
  n_inadmissible <- s$n_inadmissible %||% 0L
  if (n_inadmissible && (s$inadmissibles %||% "drop") == "drop") {
    notes <- paste0(notes, ", ", n_inadmissible, " of them with an inadmissible PLSc solution")
  } else {
    notes <- c(notes, inadmissible_count(s))
  }
  if (length(notes)) cat(" (", paste(notes, collapse = "; "), ")", sep = "")
  cat("; ", 100 * s$level, "% intervals; sign change: ", s$sign_change, "\n", sep = "")
}

# What became of the resamples with an inadmissible PLSc solution, for the
# printed headers (NULL when there were none).
inadmissible_count <- function(s) {
  n <- s$n_inadmissible %||% 0L
  if (!n) return(NULL)
  how <- c(ignore = "kept", drop = "excluded", replace = "replaced by further resamples")
  paste(n, "with an inadmissible PLSc solution", how[[s$inadmissibles %||% "drop"]])
}

print_boot_table <- function(table, digits, stars) {
  shown <- data.frame(term = table$term, estimate = table$estimate, se = table$se, t = table$t,
                      p = table$p, lower = table$lower, upper = table$upper, stringsAsFactors = FALSE)
  if (!all(is.na(table$bca_lower))) {
    shown$bca_lower <- table$bca_lower
    shown$bca_upper <- table$bca_upper
  }
  numeric <- vapply(shown, is.numeric, logical(1))
  shown[numeric] <- lapply(shown[numeric], round, digits)
  if (stars) shown$sig <- significance_stars(table$p)
  print(shown, row.names = FALSE)
}

significance_stars <- function(p, marginal = TRUE) {
  out <- as.character(cut(p, c(-Inf, 0.001, 0.01, 0.05, 0.1, Inf),
                          labels = c("***", "**", "*", if (marginal) "." else "", ""), right = FALSE))
  out[is.na(out)] <- ""
  out
}
