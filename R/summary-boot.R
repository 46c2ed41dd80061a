# Bootstrap inference in the summary report: when a fit carries a bootstrap
# (pls(..., R = R) or fit$boot <- pls_boot(fit)), the path and effect
# tables gain standard errors, t and p values, percentile confidence
# intervals and significance stars, and the HTMT table the upper bound of
# the one-sided 95% interval (Franke and Sarstedt 2019: discriminant validity
# is established when that bound is below the threshold).

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
  report
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
