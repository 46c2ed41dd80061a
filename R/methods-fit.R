#' Methods for fitted PLS path models
#'
#' `print()` shows convergence (and, in capitals, an inadmissible PLSc
#' solution), the R^2 of each endogenous construct and the path
#' coefficients. `coef()` returns the path coefficients (or outer
#' weights or loadings) as a named vector, `fitted()` the standardized
#' construct scores and `nobs()` the number of observations used.
#'
#' `confint()` and `vcov()` need a bootstrap, as PLS has no analytic
#' standard errors: for a fit with one attached (`pls(..., R = R)`, or
#' `fit$boot <- pls_boot(fit)`) they return those of the bootstrap,
#' `confint(fit$boot)` and `vcov(fit$boot)` (see [confint.pls_boot()]:
#' every bootstrapped parameter by default, named like
#' `"path: Image -> Loyalty"`; `parm = "path"` or the names of `coef(fit)`
#' choose the paths). For a fit without one they are errors of class
#' `iecpls_input_error` that say how to bootstrap it.
#'
#' @param x,object A `pls_fit` object from [pls()].
#' @param what Which estimates `coef()` returns: `"paths"` (named
#'   `"Predictor -> Outcome"`), `"weights"` or `"loadings"` (named
#'   `"Construct =~ indicator"`, or `<~` for Mode B constructs).
#' @param parm,level,type Passed to [confint.pls_boot()]: the parameters,
#'   the confidence level (by default that of the bootstrap) and the
#'   interval (`"percentile"`, the default, `"bca"`, `"basic"` or `"t"`).
#' @param digits Number of decimal places printed.
#' @param ... Not used; `vcov()` passes them (`parm`) on to [vcov.pls_boot()].
#' @return `coef()`: a named numeric vector; `fitted()`: a matrix of
#'   construct scores (`NULL` for a fit from a correlation matrix);
#'   `nobs()`: an integer; `confint()`: a matrix of lower and upper limits,
#'   one row per parameter; `vcov()`: the bootstrap covariance matrix of
#'   the estimates; `print()`: `x`, invisibly.
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' coef(fit)
#' coef(fit, "loadings")
#' head(fitted(fit))
#' nobs(fit)
#' set.seed(1)
#' booted <- pls(fit$model, data = mobi, R = 200)
#' confint(booted, "path")
#' confint(booted, names(coef(booted)), type = "bca")
#' @name pls_fit-methods
NULL

#' @rdname pls_fit-methods
#' @export
print.pls_fit <- function(x, digits = 3, ...) {
  settings <- x$settings
  n_text <- if (is.na(x$nobs)) "correlation matrix input" else paste(x$nobs, "observations")
  cat_wrapped("PLS path model (", settings$scheme, " weighting scheme), ", n_text)
  cat_wrapped(length(x$model$indicators), " indicators, ", length(x$model$constructs), " constructs; ",
              if (x$converged) "converged" else "did NOT converge", " after ", x$iterations,
              " iteration", if (x$iterations == 1) "" else "s", " (tol ", format(settings$tol), ")")
  source <- source_description(x)
  if (!is.null(source)) cat_wrapped(source)
  if (isFALSE(x$admissible)) cat_wrapped(inadmissible_note)
  if (length(x$r2)) {
    cat("\nR-squared:\n")
    print(round(cbind(R2 = x$r2, adj.R2 = x$r2_adj), digits))
  }
  cat("\nPath coefficients:\n")
  if (!is.null(x$boot)) {
    print_boot_table(summary(x$boot)$paths, digits, stars = TRUE)
    notes <- inadmissible_count(x$boot)
    cat_wrapped("(bootstrap: ", x$boot$R, " resamples, ", if (length(notes)) paste0(notes, ", "),
                100 * x$boot$level, "% percentile and BCa intervals)")
    return(invisible(x))
  }
  print_wide(path_table(x), digits)
  invisible(x)
}

inadmissible_note <- paste(
  "INADMISSIBLE consistent PLS (PLSc) solution: a reliability, corrected correlation or loading",
  "exceeds 1, or the corrected construct correlations are not positive definite;",
  "R^2, paths and effects are not interpretable (see ?pls)."
)

# One row per structural path, in outcome order.
path_table <- function(x) {
  paths <- model_paths(x$model)
  paths$estimate <- x$path_coef[cbind(paths$from, paths$to)]
  paths
}

#' @rdname pls_fit-methods
#' @export
coef.pls_fit <- function(object, what = c("paths", "weights", "loadings"), ...) {
  what <- match_arg(what)
  if (what == "paths") {
    paths <- path_table(object)
    return(stats::setNames(paths$estimate, paste(paths$from, "->", paths$to)))
  }
  values <- if (what == "weights") object$outer_weights else object$outer_loadings
  model <- object$model
  operator <- ifelse(model$modes == "B", "<~", "=~")
  construct <- rep(model$constructs, lengths(model$blocks))
  labels <- paste(construct, operator[construct], model$indicators)
  stats::setNames(values[cbind(model$indicators, construct)], labels)
}

#' @rdname pls_fit-methods
#' @export
fitted.pls_fit <- function(object, ...) object$scores

#' @rdname pls_fit-methods
#' @export
nobs.pls_fit <- function(object, ...) object$nobs

#' @rdname pls_fit-methods
#' @export
confint.pls_fit <- function(object, parm, level, type = c("percentile", "bca", "basic", "t"), ...) {
  boot <- fit_boot(object, "Confidence intervals", "confint")
  if (missing(level)) level <- boot$level
  stats::confint(boot, if (!missing(parm)) parm, level = level, type = match_arg(type))
}

#' @rdname pls_fit-methods
#' @export
vcov.pls_fit <- function(object, ...) stats::vcov(fit_boot(object, "Standard errors", "vcov"), ...)

# The bootstrap attached to a fit, or an error saying how to get one.
fit_boot <- function(fit, what, method) {
  if (inherits(fit$boot, "pls_boot")) return(fit$boot)
  cli::cli_abort(c("{what} of a PLS path model come from the bootstrap, and this fit has none.",
                   "i" = "Run {.code boot <- pls_boot(fit)} and use {.code {method}(boot)}, or refit with {.code pls(..., R = 5000)}, which attaches one."),
                 class = c("iecpls_input_error", "iecpls_error"), call = NULL)
}
