#' Results of a multigroup analysis and of MICOM
#'
#' `print()` shows the groups and, for each method, the tests of the path
#' coefficients and R^2 (and the omnibus tests of the paths with more than
#' two groups); `tidy()` (also `as.data.frame()`) returns every test as a
#' data frame and `glance()` counts them. For MICOM, `print()` shows the
#' three steps and the verdict for each construct and pair of groups,
#' `tidy()` (also `as.data.frame()`) the same table and `glance()` the
#' verdicts counted.
#'
#' @param x A `pls_mga` from [pls_mga()] or a `pls_micom` from
#'   [pls_micom()].
#' @param what For `pls_mga`: `"tests"` (one row per method, parameter and
#'   pair of groups) or `"omnibus"` (one row per parameter, with more than
#'   two groups).
#' @param digits Decimal places printed.
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @param ... Not used.
#' @return `tidy()`, `as.data.frame()`: a data frame; for `"tests"` the
#'   columns `method`, `type` (`"weight"`, `"loading"`, `"path"`, `"r2"`),
#'   `term`, `group1`,
#'   `group2`, `estimate1`, `estimate2`, `difference` (group 1 minus group
#'   2), `statistic` (the difference, or t for `"parametric"`), `df`,
#'   `p.value` (two-sided), `p.greater` and `p.less` (one-sided, for the
#'   alternatives group 1 > group 2 and group 1 < group 2), every p value
#'   adjusted as `p_adjust` asked. For MICOM the `results` of
#'   [pls_micom()].
#'
#'   `glance()` of a `pls_mga`: a data frame with one row: `groups`, `nobs`
#'   (cases in all groups), `R`, `methods` (comma-separated), `p_adjust`,
#'   `tests` (tests with a p value, over all methods) and `significant`
#'   (those with `p.value < 0.05`, after adjustment). Of a `pls_micom`:
#'   `groups`, `pairs`, `constructs`, `R`, `alpha`, `configural` (every
#'   group's model converged and is admissible), `full`, `partial`, `no`
#'   (the verdicts over constructs and pairs) and `invariance`, the weakest
#'   of them: `"full"` only when every construct is fully invariant in every
#'   pair, `"no"` when any is not invariant.
#'
#'   `print()`: `x`, invisibly.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' set.seed(1)
#' half <- sample(c("A", "B"), nrow(mobi), replace = TRUE)  # a random split
#' mga <- pls_mga(fit, half, R = 200)
#' tidy(mga)[tidy(mga)$type == "path", ]
#' glance(mga)
#' @name pls_mga-methods
NULL

#' @rdname pls_mga-methods
#' @export
tidy.pls_mga <- function(x, what = c("tests", "omnibus"), ...) {
  what <- match_arg(what)
  if (what == "omnibus" && is.null(x$omnibus)) {
    abort_input("There is no omnibus test: it needs more than two groups and {.code method = \"permutation\"}.")
  }
  out <- if (what == "tests") x$tests else x$omnibus
  rownames(out) <- NULL
  out
}

#' @rdname pls_mga-methods
#' @export
as.data.frame.pls_mga <- function(x, row.names = NULL, optional = FALSE, what = c("tests", "omnibus"), ...) {
  tidy.pls_mga(x, what = what)
}

#' @rdname pls_mga-methods
#' @export
glance.pls_mga <- function(x, ...) {
  p <- x$tests$p.value
  data.frame(groups = nrow(x$groups), nobs = sum(x$groups$n), R = x$R, methods = paste(x$method, collapse = ", "),
             p_adjust = x$p_adjust, tests = sum(!is.na(p)), significant = sum(p < 0.05, na.rm = TRUE),
             stringsAsFactors = FALSE)
}

#' @rdname pls_mga-methods
#' @export
print.pls_mga <- function(x, digits = 3, ...) {
  sizes <- paste0(x$groups$group, " (n = ", x$groups$n, ")", collapse = ", ")
  cat_wrapped("Multigroup analysis of a PLS path model: ", nrow(x$groups), " groups: ", sizes)
  titles <- c(permutation = "Permutation test (Chin and Dibbern 2010), %d permutations",
              bootstrap = "Henseler's PLS-MGA, %d bootstrap resamples per group",
              parametric = "Parametric Welch-Satterthwaite test, %d bootstrap resamples per group")
  for (method in x$method) {
    tests <- x$tests[x$tests$method == method, , drop = FALSE]
    cat("\n")
    cat_wrapped(sprintf(titles[[method]], x$R))
    for (type in c("path", "r2")) {
      rows <- tests[tests$type == type, , drop = FALSE]
      if (!nrow(rows)) next
      cat(if (type == "path") "Path coefficients:\n" else "R-squared:\n")
      print_mga_table(rows, digits, parametric = method == "parametric")
    }
  }
  if (!is.null(x$omnibus)) {
    omnibus <- x$omnibus[x$omnibus$type %in% c("path", "paths"), , drop = FALSE]
    cat("\n")
    cat_wrapped("Omnibus permutation tests (all ", nrow(x$groups), " groups; between-groups sum of squares):")
    shown <- data.frame(term = omnibus$term, statistic = omnibus$statistic, p = omnibus$p.value,
                        sig = significance_stars(omnibus$p.value))
    print_wide(shown, digits)
  }
  n_tests <- sum(!is.na(x$tests$p.value)) / length(x$method)
  adjust <- if (x$p_adjust == "none") {
    "not adjusted for multiple testing (see p_adjust)"
  } else {
    paste0("adjusted (", x$p_adjust, ")")
  }
  cat("\n")
  cat_wrapped(n_tests, " tests per method (weights, loadings, paths, R-squared; est1 - est2 = diff);")
  cat_wrapped("p values ", adjust, "; tidy() lists them all.")
  invisible(x)
}

# Parameter by parameter (pairs within), in short columns.
print_mga_table <- function(rows, digits, parametric) {
  rows <- rows[order(match(rows$term, unique(rows$term))), , drop = FALSE]
  shown <- data.frame(term = rows$term, groups = paste(rows$group1, "vs", rows$group2),
                      est1 = rows$estimate1, est2 = rows$estimate2, diff = rows$difference,
                      stringsAsFactors = FALSE)
  if (parametric) {
    shown$t <- rows$statistic
    shown$df <- rows$df
  }
  shown$p <- rows$p.value
  shown$sig <- significance_stars(rows$p.value)
  print_wide(shown, digits, id = c("term", "groups"), groups = list(c("est1", "est2", "diff"), c("t", "df", "p", "sig")))
}

#' @rdname pls_mga-methods
#' @export
tidy.pls_micom <- function(x, ...) {
  out <- x$results
  rownames(out) <- NULL
  out
}

#' @rdname pls_mga-methods
#' @export
as.data.frame.pls_micom <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_micom(x)

#' @rdname pls_mga-methods
#' @export
glance.pls_micom <- function(x, ...) {
  verdicts <- x$results$invariance
  counts <- vapply(c("full", "partial", "no"), function(v) sum(verdicts == v), integer(1))
  configural <- x$configural
  data.frame(groups = nrow(configural), pairs = nrow(unique(x$results[c("group1", "group2")])),
             constructs = length(unique(x$results$construct)), R = x$R, alpha = x$alpha,
             configural = all(configural$converged & configural$admissible),
             full = counts[["full"]], partial = counts[["partial"]], no = counts[["no"]],
             invariance = c("no", "partial", "full")[min(match(verdicts, c("no", "partial", "full")))],
             stringsAsFactors = FALSE)
}

#' @rdname pls_mga-methods
#' @export
print.pls_micom <- function(x, digits = 3, ...) {
  cat_wrapped("Measurement invariance of composites (MICOM; Henseler, Ringle and Sarstedt 2016)")
  cat(x$R, " permutations, alpha = ", x$alpha, "\n", sep = "")
  cat("\nStep 1, configural invariance (the same indicators, model, settings and data\n",
      "treatment in every group by construction); the model in each group:\n", sep = "")
  configural <- x$configural
  fitted <- ifelse(configural$converged & configural$admissible, "estimated",
                   ifelse(configural$converged, "inadmissible", "did not converge"))
  cat(paste0("  ", configural$group, " (n = ", configural$n, "): ", fitted, collapse = "\n"), "\n", sep = "")
  results <- x$results
  for (pair in unique(paste(results$group1, results$group2, sep = "\r"))) {
    rows <- results[paste(results$group1, results$group2, sep = "\r") == pair, , drop = FALSE]
    cat("\nGroups ", rows$group1[1], " vs ", rows$group2[1], "\n", sep = "")
    cat("Step 2, compositional invariance (c >= its ", 100 * x$alpha, "% permutation quantile):\n", sep = "")
    step2 <- data.frame(construct = rows$construct, c = rows$c, quantile = rows$c_quantile, p = rows$c_p)
    step2$invariant <- yes_no(rows$compositional)
    print_wide(step2, digits)
    cat("Step 3, equal composite means and variances (difference and log ratio within\n",
        "the central ", 100 * (1 - x$alpha), "% of the permutations):\n", sep = "")
    step3 <- data.frame(construct = rows$construct, mean_diff = rows$mean_diff, lower = rows$mean_lower,
                        upper = rows$mean_upper, log_var_ratio = rows$log_var_ratio, lower = rows$var_lower,
                        upper = rows$var_upper, check.names = FALSE)
    print_wide(step3, digits, groups = list(2:4, 5:7))
    verdict <- data.frame(construct = rows$construct, compositional = yes_no(rows$compositional),
                          means = yes_no(rows$equal_means, "equal", "differ"),
                          variances = yes_no(rows$equal_variances, "equal", "differ"),
                          invariance = rows$invariance)
    cat("Measurement invariance:\n")
    print_wide(verdict, digits)
  }
  cat("\nInvariance: full (pool the groups), partial (compare paths with pls_mga()), no.\n")
  invisible(x)
}

yes_no <- function(x, yes = "yes", no = "no") ifelse(x, yes, no)
