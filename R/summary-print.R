# print() for summary.pls_fit: the report in the order of a PLS-SEM paper
# (Hair et al. 2019), each table under its criterion, failures marked "!".

#' @rdname summary.pls_fit
#' @export
print.summary.pls_fit <- function(x, digits = 3, ...) {
  model <- x$model
  cat("PLS-SEM assessment report\n")
  n_text <- if (is.na(model$nobs)) "correlation matrix input" else paste(model$nobs, "observations")
  cat(n_text, ", ", model$indicators, " indicators, ", model$constructs, " constructs, ", model$paths,
      " paths (", model$scheme, " scheme, ", if (model$converged) "converged" else "did NOT converge",
      " after ", model$iterations, " iterations)\n", sep = "")
  if (isFALSE(model$admissible)) cat(strwrap(inadmissible_note), sep = "\n")
  print_measurement(x, digits)
  print_structural(x, digits)
  print_fit(x, digits)
  print_verdict(x)
  invisible(x)
}

print_measurement <- function(x, digits) {
  cat("\n== Measurement model ==\n")
  reflective <- x$loadings[x$loadings$mode == "A", , drop = FALSE]
  print_section("Indicator reliability: reflective loadings >= 0.708",
                reflective[c("construct", "indicator", "loading", "reliability", "flag")], digits)
  reliability <- x$reliability
  consistency <- reliability[c("construct", "items", "alpha", "rho_a", "rho_c")]
  consistency$flag <- flag_internal_consistency(reliability)
  print_section("Internal consistency reliability: 0.70 <= alpha, rho_A, rho_C <= 0.95", consistency, digits)
  convergent <- reliability[c("construct", "items", "ave")]
  convergent$flag <- flag_ave(reliability)
  print_section("Convergent validity: AVE >= 0.50", convergent, digits)
  single <- reliability$construct[reliability$items == 1]
  if (length(single)) {
    cat("(Single-item constructs, not assessed: ", paste(single, collapse = ", "), ".)\n", sep = "")
  }
  if (nrow(x$outer_vif)) {
    print_section("Composite (Mode B) indicators: weights, loadings and collinearity (VIF < 3, at most 5)",
                  x$outer_vif, digits)
  }
  threshold <- format(attr(x, "thresholds")$htmt, nsmall = 2)
  print_section(paste0("Discriminant validity: HTMT < ", threshold), x$htmt, digits)
  if (anyNA(x$htmt$htmt)) {
    cat("(HTMT is NA for a construct whose indicators correlate negatively on average: recode the reverse-coded indicator; see ?pls_htmt.)\n")
  }
  if (anyNA(x$htmt$htmt2[!is.na(x$htmt$htmt)])) {
    cat("(HTMT2 is NA where indicator correlations differ in sign; see ?pls_htmt.)\n")
  }
  print_section("Discriminant validity: Fornell-Larcker criterion, sqrt(AVE) > |r|", x$fornell_larcker, digits)
  misplaced <- x$cross_loadings[nzchar(x$cross_loadings$flag), , drop = FALSE]
  cat("\nCross-loadings: ")
  if (nrow(misplaced)) {
    cat("indicators correlating more with another construct than with their own\n")
    print_table(misplaced[c("indicator", "construct", "flag")], digits)
  } else {
    cat("every indicator correlates most with its own construct.\n")
  }
}

print_structural <- function(x, digits) {
  cat("\n== Structural model ==\n")
  print_section("Collinearity: inner VIF < 3 (at most 5)", x$inner_vif, digits)
  print_section("Explanatory power: R^2 (0.25 weak, 0.50 moderate, 0.75 substantial)",
                x$r2[c("construct", "r2", "r2_adj", "level")], digits)
  print_section("Effect sizes: f^2 (0.02 small, 0.15 medium, 0.35 large)", x$f2, digits)
  print_section("Path coefficients", x$paths, digits)
  print_section("Direct, total indirect and total effects", x$effects, digits)
}

print_fit <- function(x, digits) {
  cat("\n== Model fit ==\n")
  print_section("SRMR <= 0.08 (estimated model); d_ULS and d_G", x$fit, digits)
}

print_verdict <- function(x) {
  flags <- unlist(lapply(x, function(table) table$flag[nzchar(table$flag)]), use.names = FALSE)
  n <- length(flags)
  cat("\n")
  if (isFALSE(x$model$admissible)) cat("The consistent PLS (PLSc) solution is inadmissible.\n")
  if (n == 0) {
    cat("Every criterion is met.\n")
  } else {
    cat(n, " value", if (n == 1) " fails its threshold" else "s fail their thresholds", " (marked !).\n", sep = "")
  }
}

print_section <- function(title, table, digits) {
  cat("\n", title, "\n", sep = "")
  if (!nrow(table)) {
    cat("  (none)\n")
    return(invisible())
  }
  print_table(table, digits)
}

# Numbers rounded, failures marked "!", no row names.
print_table <- function(table, digits) {
  shown <- table
  for (name in names(shown)) {
    if (is.double(shown[[name]])) shown[[name]] <- formatC(shown[[name]], digits = digits, format = "f")
  }
  if (!is.null(shown$flag)) {
    shown$flag <- ifelse(nzchar(table$flag), paste("!", table$flag), "")
    names(shown)[names(shown) == "flag"] <- " "
  }
  print(shown, row.names = FALSE, right = TRUE)
  invisible()
}
