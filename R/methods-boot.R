#' Summaries of a bootstrap
#'
#' `print()` shows the number of resamples (with those that failed and
#' those with an inadmissible PLSc solution, see [pls_boot()]) and the path
#' coefficients with their bootstrap standard
#' errors, t and p values and confidence intervals; `summary()` returns every
#' parameter type as a data frame (`$paths`, `$weights`, `$loadings`, `$r2`,
#' `$total`, `$indirect`, `$specific`, `$htmt`).
#'
#' The other methods cover every bootstrapped parameter (or those chosen by
#' `parm`) and name them alike, `"type: term"` as in `colnames(x$draws)`
#' (for example `"path: Image -> Loyalty"`), so their results line up:
#' `coef()` returns the full-sample estimates, `vcov()` the bootstrap
#' covariance matrix of the estimates, `confint()` the confidence
#' intervals, and `tidy()` (also `as.data.frame()`) all of these as one
#' table in the broom package's column names; `glance()` counts the
#' resamples and `nobs()` is the number of cases resampled. A fit with a
#' bootstrap attached (`pls(..., R = R)`) passes `confint()` and `vcov()`
#' on to it (see [confint.pls_fit()]).
#'
#' @section Intervals:
#' `type` (`conf.method` of `tidy()`) chooses the interval, computed from
#' the resamples the summaries use (see [pls_boot()]):
#' \describe{
#'   \item{`"percentile"`}{(the default) the quantiles (1 - level) / 2 and
#'     (1 + level) / 2 of the resample estimates (type 7, R's default), as
#'     seminr and SmartPLS report them.}
#'   \item{`"bca"`}{bias-corrected and accelerated (Efron 1987), when the
#'     run computed the jackknife (`pls_boot(bca = TRUE)`, the default).}
#'   \item{`"basic"`}{the basic (reverse percentile) interval, twice the
#'     estimate minus the upper and lower percentile limits.}
#'   \item{`"t"`}{estimate -/+ the t quantile with n - 1 degrees of freedom
#'     times the standard error: the interval that matches the reported t
#'     and p values (it excludes 0 exactly when p < 1 - level).}
#' }
#'
#' @param object,x A `pls_boot` from [pls_boot()] (or its summary).
#' @param parm Which parameters (all by default); several may be combined:
#'   a type (`"path"`, `"weight"`, `"loading"`, `"r2"`, `"total"`,
#'   `"indirect"`, `"specific"`, `"htmt"`; or `"paths"`, `"weights"`,
#'   `"loadings"` as in [coef.pls_fit()]) for all parameters of that type,
#'   a full name (`"path: Image -> Loyalty"`), a term (`"Image ->
#'   Loyalty"`: the first parameter with that term, a path before a total
#'   effect, a weight before a loading, as in [plot.pls_boot()]), or row
#'   numbers of `x$parameters`.
#' @param level,conf.level Confidence level; intervals at another level than
#'   the one of the run are recomputed from the stored draws.
#' @param type,conf.method The interval: `"percentile"`, `"bca"`, `"basic"`
#'   or `"t"` (see below).
#' @param digits Decimal places printed.
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @param ... Not used; `as.data.frame()` passes them on to `tidy()`.
#' @return
#'   \describe{
#'     \item{`coef()`}{a named numeric vector of full-sample estimates (the
#'       column `estimate` of `tidy()`). Unlike `coef()` of a fit, which
#'       returns the path coefficients named `"Image -> Loyalty"`, it
#'       covers every parameter type by default: `coef(boot, "path")` gives
#'       the paths.}
#'     \item{`vcov()`}{the covariance matrix of the resample estimates (a
#'       parameter's NA draws are left out pairwise), so
#'       `sqrt(diag(vcov(boot)))` are the standard errors. With it
#'       [stats::confint.default()] gives normal-theory intervals.}
#'     \item{`confint()`}{a matrix with one row per parameter and the lower
#'       and upper limits, in columns named like those of
#'       [stats::confint()] (`"2.5 %"`, `"97.5 %"`).}
#'     \item{`tidy()`, `as.data.frame()`}{a data frame with one row per
#'       parameter: `type`, `term`, `estimate` (full sample), `std.error`
#'       (bootstrap standard deviation), `statistic` (t = estimate /
#'       std.error; NA for R^2 and HTMT, which are not tested against 0),
#'       `p.value` (two-sided, t distribution with n - 1 degrees of
#'       freedom), `conf.low`, `conf.high` (the interval of `conf.method`
#'       at `conf.level`) and `boot_mean` (the mean of the resample
#'       estimates; the bootstrap estimate of bias is `boot_mean -
#'       estimate`).}
#'     \item{`glance()`}{a data frame with one row: `nobs` (cases),
#'       `resamples` (requested, `R`), `used` (in the summaries), `failed`
#'       (left out: failed refits and, under `inadmissibles = "drop"`,
#'       inadmissible PLSc solutions), `inadmissible` (resamples with an
#'       inadmissible PLSc solution, including replaced ones),
#'       `inadmissibles`, `sign_change`, `level` and `bca` (whether BCa
#'       intervals are available). The seed is not stored: `set.seed()`
#'       before [pls_boot()] reproduces a run.}
#'     \item{`nobs()`}{the number of cases resampled (that of the fit).}
#'     \item{`summary()`}{an object of class `summary.pls_boot`, a list of
#'       data frames; `print()`: its argument, invisibly. Its `tidy()` (also
#'       `as.data.frame()`) stacks the tables in the columns of `tidy()` of
#'       the bootstrap (percentile intervals at the run's level), and its
#'       `glance()` gives `resamples`, `failed`, `inadmissible`,
#'       `inadmissibles`, `sign_change`, `level` and `parameters` (rows of
#'       all tables).}
#'   }
#' @references
#' Efron, B. (1987). Better bootstrap confidence intervals. *Journal of the
#' American Statistical Association*, 82, 171--185.
#' \doi{10.1080/01621459.1987.10478410}
#'
#' Davison, A. C. and Hinkley, D. V. (1997). *Bootstrap Methods and their
#' Application*. Cambridge University Press (the basic interval, section
#' 5.2).
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' set.seed(1)
#' boot <- pls_boot(fit, R = 200)
#' summary(boot)$specific
#' confint(boot, "path: Image -> Loyalty", level = 0.90)
#' confint(boot, "path", type = "bca")
#' coef(boot, "paths")
#' sqrt(diag(vcov(boot, "path")))
#' tidy(boot, "path")
#' glance(boot)
#' @name pls_boot-methods
NULL

#' @rdname pls_boot-methods
#' @export
confint.pls_boot <- function(object, parm, level = object$level, type = c("percentile", "bca", "basic", "t"),
                             ...) {
  type <- match_arg(type)
  rows <- boot_parm(object, if (!missing(parm)) parm)
  out <- boot_limits(object, level, type)[rows, , drop = FALSE]
  alpha <- (1 - level) / 2
  dimnames(out) <- list(parameter_names(object$parameters)[rows],
                        paste(format(100 * c(alpha, 1 - alpha), trim = TRUE), "%"))
  out
}

# Lower and upper limits of every parameter (a two-column matrix).
boot_limits <- function(object, level, type) {
  check_level(level)
  if (type == "bca" && is.null(object$jackknife)) {
    abort_input("BCa intervals need the jackknife: run {.fn pls_boot} with {.code bca = TRUE}.")
  }
  table <- if (level == object$level) object$parameters else boot_summary_table(object, level)
  switch(type,
    percentile = cbind(table$lower, table$upper),
    bca = cbind(table$bca_lower, table$bca_upper),
    basic = cbind(2 * table$estimate - table$upper, 2 * table$estimate - table$lower),
    t = table$estimate + outer(table$se, c(-1, 1) * stats::qt((1 + level) / 2, df = object$fit$nobs - 1))
  )
}

# The rows of object$parameters that `parm` chooses (see ?pls_boot-methods);
# NULL chooses all.
boot_parm <- function(object, parm) {
  table <- object$parameters
  if (is.null(parm)) return(seq_len(nrow(table)))
  if (is.numeric(parm) && length(parm) && !anyNA(parm) && all(parm >= 1 & parm <= nrow(table) & parm == round(parm))) {
    return(unique(as.integer(parm)))
  }
  if (!is.character(parm) || !length(parm) || anyNA(parm)) {
    abort_input(c("{.arg parm} must be parameter types, names or terms, or row numbers from 1 to {nrow(table)}.",
                  "i" = "For example {.code \"path\"} or {.code {encodeString(parameter_names(table)[1], quote = '\"')}}."))
  }
  names <- parameter_names(table)
  type <- ifelse(parm %in% names(boot_type_plurals), boot_type_plurals[parm], parm)
  chosen <- lapply(seq_along(parm), function(k) {
    if (parm[k] %in% names) return(match(parm[k], names))
    if (type[k] %in% names(boot_type_labels)) return(which(table$type == type[k]))
    match(parm[k], table$term)
  })
  unknown <- parm[vapply(chosen, function(rows) anyNA(rows), logical(1))]
  if (length(unknown)) abort_unknown_parm(unknown, c(names, unique(table$term)))
  empty <- unique(type[lengths(chosen) == 0L])
  if (length(empty)) {
    abort_input("The bootstrap has no {boot_type_labels[empty]}: {.arg parm} chose {.val {parm[type %in% empty]}}.")
  }
  unique(unlist(chosen, use.names = FALSE))
}

boot_type_plurals <- c(paths = "path", weights = "weight", loadings = "loading")

boot_type_labels <- c(path = "path coefficients", total = "total effects", indirect = "indirect effects",
                      specific = "specific indirect effects", weight = "weights", loading = "loadings",
                      r2 = "R-squared values", htmt = "HTMT values (it needs two reflective constructs)")

abort_unknown_parm <- function(unknown, available) {
  hint <- suggest_names(unknown, available)
  lines <- ifelse(is.na(hint), sprintf("{.val {unknown[%d]}}", seq_along(unknown)),
                  sprintf("{.val {unknown[%d]}}: did you mean {.val {hint[%d]}}?", seq_along(unknown), seq_along(unknown)))
  abort_input(c("{cli::qty(length(unknown))}{.arg parm} names {?a parameter/parameters} the bootstrap does not have:",
                stats::setNames(lines, rep("x", length(lines))),
                "i" = "Use a type such as {.val path}, a term, or a name from {.code rownames(confint(boot))}."),
              class = "iecpls_unknown_name")
}

#' @rdname pls_boot-methods
#' @export
coef.pls_boot <- function(object, parm, ...) {
  rows <- boot_parm(object, if (!missing(parm)) parm)
  stats::setNames(object$parameters$estimate[rows], parameter_names(object$parameters)[rows])
}

#' @rdname pls_boot-methods
#' @export
vcov.pls_boot <- function(object, parm, ...) {
  rows <- boot_parm(object, if (!missing(parm)) parm)
  draws <- object$draws[boot_used(object), rows, drop = FALSE]
  colnames(draws) <- parameter_names(object$parameters)[rows]
  stats::cov(draws, use = if (anyNA(draws)) "pairwise.complete.obs" else "everything")
}

#' @rdname pls_boot-methods
#' @export
nobs.pls_boot <- function(object, ...) object$fit$nobs

#' @rdname pls_boot-methods
#' @export
tidy.pls_boot <- function(x, parm, conf.level = x$level, conf.method = c("percentile", "bca", "basic", "t"), ...) {
  conf.method <- match_arg(conf.method)
  rows <- boot_parm(x, if (!missing(parm)) parm)
  table <- x$parameters[rows, , drop = FALSE]
  limits <- boot_limits(x, conf.level, conf.method)[rows, , drop = FALSE]
  boot_tidy_table(table, limits[, 1], limits[, 2])
}

# Rows of a bootstrap summary table (type, term, estimate, se, t, p,
# boot_mean) in broom's names, with the interval given.
boot_tidy_table <- function(table, lower, upper) {
  data.frame(type = table$type, term = table$term, estimate = table$estimate, std.error = table$se,
             statistic = table$t, p.value = table$p, conf.low = lower, conf.high = upper,
             boot_mean = table$boot_mean, stringsAsFactors = FALSE)
}

#' @rdname pls_boot-methods
#' @export
as.data.frame.pls_boot <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_boot(x, ...)

#' @rdname pls_boot-methods
#' @export
glance.pls_boot <- function(x, ...) {
  data.frame(nobs = x$fit$nobs, resamples = x$R, used = sum(boot_used(x)), failed = x$n_failed,
             inadmissible = x$n_inadmissible %||% 0L, inadmissibles = x$inadmissibles %||% "drop",
             sign_change = x$sign_change, level = x$level, bca = !is.null(x$jackknife),
             stringsAsFactors = FALSE)
}

#' @rdname pls_boot-methods
#' @export
summary.pls_boot <- function(object, ...) {
  table <- object$parameters
  pieces <- split(table[setdiff(names(table), c("type", "from", "to"))], table$type)
  types <- boot_summary_types
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

# The tables of summary.pls_boot, named by parameter type.
boot_summary_types <- c(path = "paths", weight = "weights", loading = "loadings", r2 = "r2", total = "total",
                        indirect = "indirect", specific = "specific", htmt = "htmt")

#' @rdname pls_boot-methods
#' @method tidy summary.pls_boot
#' @export
tidy.summary.pls_boot <- function(x, ...) {
  tables <- lapply(names(boot_summary_types), function(type) {
    table <- x[[boot_summary_types[[type]]]]
    cbind(type = rep(type, nrow(table)), table, stringsAsFactors = FALSE)
  })
  table <- do.call(rbind, tables)
  boot_tidy_table(table, table$lower, table$upper)
}

#' @rdname pls_boot-methods
#' @method as.data.frame summary.pls_boot
#' @export
as.data.frame.summary.pls_boot <- function(x, row.names = NULL, optional = FALSE, ...) tidy.summary.pls_boot(x)

#' @rdname pls_boot-methods
#' @method glance summary.pls_boot
#' @export
glance.summary.pls_boot <- function(x, ...) {
  data.frame(resamples = x$R, failed = x$n_failed, inadmissible = x$n_inadmissible, inadmissibles = x$inadmissibles,
             sign_change = x$sign_change, level = x$level,
             parameters = sum(vapply(x[boot_summary_types], nrow, integer(1))), stringsAsFactors = FALSE)
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
  cat("\n")
  cat_wrapped("summary() shows weights, loadings, R-squared and every specific indirect effect.")
  invisible(x)
}

boot_header <- function(s) {
  notes <- if (s$n_failed) paste(s$n_failed, "failed and excluded")
  n_inadmissible <- s$n_inadmissible %||% 0L
  if (n_inadmissible && (s$inadmissibles %||% "drop") == "drop") {
    notes <- paste0(notes, ", ", n_inadmissible, " of them with an inadmissible PLSc solution")
  } else {
    notes <- c(notes, inadmissible_count(s))
  }
  cat_wrapped("Bootstrap of a PLS path model: ", s$R, " resamples; ", 100 * s$level,
              "% intervals; sign change: ", s$sign_change)
  if (length(notes)) cat_wrapped("(", paste(notes, collapse = "; "), ")")
}

# What became of the resamples with an inadmissible PLSc solution, for the
# printed headers (NULL when there were none).
inadmissible_count <- function(s) {
  n <- s$n_inadmissible %||% 0L
  if (!n) return(NULL)
  how <- c(ignore = "kept", drop = "excluded", replace = "replaced by further resamples")
  paste(n, "with an inadmissible PLSc solution", how[[s$inadmissibles %||% "drop"]])
}

# Estimates and inference first; when the table is wider than the console,
# the intervals go to a block of their own. NA columns (t and p of R^2 and
# HTMT, BCa without a jackknife) are left out.
print_boot_table <- function(table, digits, stars) {
  shown <- data.frame(term = table$term, estimate = table$estimate, se = table$se, t = table$t,
                      p = table$p, lower = table$lower, upper = table$upper, bca_lower = table$bca_lower,
                      bca_upper = table$bca_upper, stringsAsFactors = FALSE)
  if (stars) shown$sig <- significance_stars(table$p)
  print_wide(shown, digits, id = "term", cap = "t",
             groups = list(c("estimate", "se", "t", "p", "sig"), c("lower", "upper", "bca_lower", "bca_upper")))
}

significance_stars <- function(p, marginal = TRUE) {
  out <- as.character(cut(p, c(-Inf, 0.001, 0.01, 0.05, 0.1, Inf),
                          labels = c("***", "**", "*", if (marginal) "." else "", ""), right = FALSE))
  out[is.na(out)] <- ""
  out
}
