# print() for summary.pls_fit: the report in the order of a PLS-SEM paper
# (Hair et al. 2019), each table under its criterion, failures marked "!".

#' @rdname summary.pls_fit
#' @export
print.summary.pls_fit <- function(x, digits = 3, ...) {
  model <- x$model
  cat("PLS-SEM assessment report\n")
  n_text <- if (is.na(model$nobs)) "correlation matrix input" else paste(model$nobs, "observations")
  cat_wrapped(n_text, ", ", model$indicators, " indicators, ", model$constructs, " constructs, ", model$paths,
              " paths (", model$scheme, " scheme, ", if (model$converged) "converged" else "did NOT converge",
              " after ", model$iterations, " iterations)")
  if (isFALSE(model$admissible)) cat_wrapped(inadmissible_note)
  for (line in attr(x, "settings")$higher_order) cat_wrapped(line)
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
    cat_wrapped("(Single-item constructs, not assessed: ", paste(single, collapse = ", "), ".)")
  }
  if (!is.null(x$formative_weights) && nrow(x$formative_weights)) {
    print_formative_weights(x$formative_weights, x$outer_vif$flag, digits)
  } else if (nrow(x$outer_vif)) {
    print_section("Composite (Mode B) indicators: weights, loadings and collinearity (VIF < 3, at most 5)",
                  x$outer_vif, digits)
  }
  threshold <- format(attr(x, "thresholds")$htmt, nsmall = 2)
  print_section(paste0("Discriminant validity: HTMT < ", threshold), x$htmt, digits)
  if (anyNA(x$htmt$htmt)) {
    cat_wrapped("(HTMT is NA for a construct whose indicators correlate negatively on average: ",
                "recode the reverse-coded indicator; see ?pls_htmt.)")
  }
  if (anyNA(x$htmt$htmt2[!is.na(x$htmt$htmt)])) {
    cat_wrapped("(HTMT2 is NA where indicator correlations differ in sign; see ?pls_htmt.)")
  }
  print_section("Discriminant validity: Fornell-Larcker criterion, sqrt(AVE) > |r|", x$fornell_larcker, digits)
  misplaced <- x$cross_loadings[nzchar(x$cross_loadings$flag), , drop = FALSE]
  cat("\n")
  if (nrow(misplaced)) {
    cat_wrapped("Cross-loadings: indicators correlating more with another construct than with their own")
    print_table(misplaced[c("indicator", "construct", "flag")], digits)
  } else {
    cat_wrapped("Cross-loadings: every indicator correlates most with its own construct.")
  }
}

# With a bootstrap, the composite indicators' weights with their inference,
# VIF and the decision of Hair et al. (2022), in place of the outer VIF
# table (whose flags `vif_flag` are shown here); then the loadings of the
# indicators whose weight is not significant, on which the decision rests.
print_formative_weights <- function(table, vif_flag, digits) {
  shown <- table[c("construct", "indicator", "weight", "se", "t", "p", "sig", "lower", "upper", "vif",
                   "decision")]
  shown$flag <- join_flags(vif_flag, table$flag)
  print_section(paste("Composite (Mode B) indicators: weight significance and collinearity (VIF < 3, at",
                      "most 5); an indicator whose weight is not significant is kept when its loading",
                      "is >= 0.50 (Hair et al. 2022)"), shown, digits,
                groups = list(c("weight", "se", "t", "p", "sig", "vif"), c("lower", "upper", "decision", "flag")))
  judged <- table[!is.na(table$decision) & table$decision != "keep", , drop = FALSE]
  if (!nrow(judged)) return(invisible())
  loadings <- judged[c("construct", "indicator", "loading", paste0("loading_", c("se", "t", "p", "sig", "lower",
                                                                                 "upper")))]
  names(loadings) <- c("construct", "indicator", "loading", "se", "t", "p", "sig", "lower", "upper")
  print_section("Loadings of the indicators whose weight is not significant", loadings, digits,
                groups = list(c("loading", "se", "t", "p", "sig"), c("lower", "upper")))
}

print_structural <- function(x, digits) {
  cat("\n== Structural model ==\n")
  print_section("Collinearity: inner VIF < 3 (at most 5)", x$inner_vif, digits)
  print_section("Explanatory power: R^2 (0.25 weak, 0.50 moderate, 0.75 substantial)",
                x$r2[c("construct", "r2", "r2_adj", "level")], digits)
  if (!is.null(x$selection)) {
    print_section("Model selection criteria: AIC, BIC, Geweke-Meese GM (smaller is better; see ?pls_compare)",
                  x$selection[c("construct", "n", "k", "aic", "bic", "gm")], digits)
  }
  f2_title <- "Effect sizes: f^2 (0.02 small, 0.15 medium, 0.35 large)"
  if (any(grepl(":", x$f2$from, fixed = TRUE))) {
    f2_title <- paste0(f2_title, "; interaction terms (X:M): 0.005 small, 0.01 medium, 0.025 large (Kenny 2018)")
  }
  print_section(f2_title, x$f2, digits)
  print_section("Path coefficients", x$paths, digits,
                groups = list(c("estimate", "se", "t", "p", "sig"), c("lower", "upper")))
  inference <- c("se", "t", "p", "lower", "upper", "sig")
  print_section("Direct, total indirect and total effects", x$effects, digits, groups = list(
    "Estimates:" = c("direct", "indirect", "total"),
    "Total effects, bootstrap:" = stats::setNames(paste0("total_", inference), inference),
    "Total indirect effects, bootstrap (where there is one):" =
      stats::setNames(paste0("indirect_", inference), inference)
  ))
  if (!is.null(x$moderated_mediation)) {
    moderation <- attr(x, "settings")$moderation
    cat("\n")
    cat_wrapped("Moderated mediation: index and conditional indirect effects (Hayes 2015)")
    print_moderated_mediation(x$moderated_mediation, x$conditional_indirect, digits, moderation$level,
                              moderation$resamples)
  }
}

print_fit <- function(x, digits) {
  cat("\n== Model fit ==\n")
  title <- "SRMR <= 0.08 (estimated model); d_ULS and d_G"
  if (!is.null(x$fit$hi95_est)) {
    title <- paste0(title, "; hi95, hi99: 95% and 99% bootstrap quantiles under the estimated (est) ",
                    "and saturated (sat) model, test of exact fit (pls_model_fit())")
  }
  print_section(title, x$fit, digits)
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

print_section <- function(title, table, digits, groups = NULL) {
  cat("\n")
  cat_wrapped(title)
  if (!nrow(table)) {
    cat("  (none)\n")
    return(invisible())
  }
  print_table(table, digits, groups)
}

# Numbers in fixed notation, failures marked "!" (the column left out when
# nothing fails), no row names; split by `groups` when wider than the console.
print_table <- function(table, digits, groups = NULL) {
  shown <- table
  if (!is.null(shown$flag)) {
    shown$flag <- ifelse(nzchar(table$flag), paste("!", table$flag), "")
    if (!any(nzchar(shown$flag))) shown$flag <- NULL
    names(shown)[names(shown) == "flag"] <- " "
  }
  print_wide(shown, digits, groups = groups, cap = grep("(^|_)t$", names(shown), value = TRUE))
  invisible()
}
