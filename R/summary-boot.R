# Bootstrap inference in the summary report: when a fit carries a bootstrap
# (pls(..., R = R) or fit$boot <- pls_boot(fit)), the path and effect
# tables gain standard errors, t and p values, percentile confidence
# intervals and significance stars, and the HTMT table the upper bound of
# the one-sided 95% interval (Franke and Sarstedt 2019: discriminant validity
# is established when that bound is below the threshold). For composite
# (Mode B) blocks a table of their own judges each indicator weight by the
# rule of Hair et al. (2022, ch. 5): see formative_weights_report().

add_boot_inference <- function(report, boot, htmt_threshold) {
  table <- boot$parameters
  report$paths <- with_boot_columns(report$paths, table[table$type == "path", ],
                                    paste(report$paths$from, "->", report$paths$to))
  effect_key <- paste(report$effects$from, "->", report$effects$to)
  report$effects <- with_boot_columns(report$effects, table[table$type == "total", ], effect_key, prefix = "total_")
  report$effects <- with_boot_columns(report$effects, table[table$type == "indirect", ], effect_key,
                                      prefix = "indirect_")
  report$indirect_effects <- with_boot_columns(report$indirect_effects, table[table$type == "specific", ],
                                               report$indirect_effects$path)
  report$htmt <- with_htmt_bound(report$htmt, boot, htmt_threshold)
  append(report, list(formative_weights = formative_weights_report(report$outer_vif, boot)),
         after = match("outer_vif", names(report)))
}

# Appends se, t, p, lower, upper and stars, matched by term.
with_boot_columns <- function(report_table, boot_table, key, prefix = "") {
  if (!nrow(report_table)) return(report_table)
  row <- match(key, boot_table$term)
  columns <- list(se = boot_table$se[row], t = boot_table$t[row], p = boot_table$p[row],
                  lower = boot_table$lower[row], upper = boot_table$upper[row])
  names(columns) <- paste0(prefix, names(columns))
  flag <- report_table$flag
  report_table$flag <- NULL
  out <- cbind(report_table, as.data.frame(columns))
  out[[paste0(prefix, "sig")]] <- significance_stars(boot_table$p[row])
  if (!is.null(flag)) out$flag <- flag
  out
}

with_htmt_bound <- function(htmt, boot, threshold) {
  if (!nrow(htmt)) return(htmt)
  draws <- boot$draws[boot_used(boot), , drop = FALSE]
  keys <- paste0("htmt: ", htmt$construct_1, " <-> ", htmt$construct_2)
  swapped <- paste0("htmt: ", htmt$construct_2, " <-> ", htmt$construct_1)
  keys <- ifelse(keys %in% colnames(draws), keys, swapped)
  upper <- vapply(keys, function(key) {
    if (!key %in% colnames(draws)) return(NA_real_)
    stats::quantile(draws[, key], 0.95, names = FALSE, na.rm = TRUE)
  }, numeric(1), USE.NAMES = FALSE)
  flag <- htmt$flag
  htmt$flag <- NULL
  htmt$upper_95 <- upper
  htmt$flag <- join_flags(flag, flag_if(upper >= threshold & !(abs(htmt$htmt) >= threshold),
                                        paste("95% bound >=", format(threshold, nsmall = 2))))
  htmt
}

# The weights of the composite (Mode B) indicators with their bootstrap
# inference and, for the decision, the loadings with theirs: the rows of
# summary(boot)'s weights and loadings tables, not computed again. Each
# indicator is judged by the rule of Hair et al. (2022, ch. 5; Hair et al.
# 2019), at the significance level of the bootstrap (1 - level):
# formative_decision(). `vif` is that of the outer_vif table, whose flags
# it keeps (the report counts them there).
formative_weights_report <- function(outer_vif, boot) {
  tables <- summary(boot)
  key <- paste(outer_vif$construct, "<~", outer_vif$indicator, recycle0 = TRUE)
  weights <- tables$weights[match(key, tables$weights$term), , drop = FALSE]
  loadings <- tables$loadings[match(key, tables$loadings$term), , drop = FALSE]
  inference <- c("se", "t", "p", "lower", "upper")
  out <- data.frame(construct = outer_vif$construct, indicator = outer_vif$indicator, weight = weights$estimate,
                    weights[inference], sig = significance_stars(weights$p), loading = loadings$estimate,
                    stats::setNames(loadings[inference], paste0("loading_", inference)),
                    loading_sig = significance_stars(loadings$p), vif = outer_vif$vif, stringsAsFactors = FALSE)
  decision <- formative_decision(out$p, out$loading, out$loading_p, alpha = 1 - boot$level)
  out$decision <- decision
  out$flag <- formative_flags[decision]
  out$flag[is.na(out$flag)] <- ""
  remove_row_names(out)
}

# The decision rule for a formative indicator (Hair et al. 2022, ch. 5,
# the procedure for keeping or deleting formative indicators): a weight
# significant at `alpha` keeps the indicator; a non-significant one keeps it
# when its loading is at least 0.50; below that, a significant loading calls
# for considering removal (theory and content validity decide) and a
# non-significant one for removal. NA where a p value is missing.
formative_decision <- function(weight_p, loading, loading_p, alpha = 0.05) {
  significant <- function(p) p < alpha
  out <- ifelse(significant(weight_p), "keep",
         ifelse(loading >= pls_thresholds$formative_loading, "keep (loading)",
                ifelse(significant(loading_p), "consider removal", "remove")))
  as.character(out)
}

# The flag of each decision; "" for the indicators kept.
formative_flags <- c(keep = "", "keep (loading)" = "", "consider removal" = "loading < 0.50",
                     remove = "loading < 0.50, n.s.")
