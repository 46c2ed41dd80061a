test_that("summary() reports bootstrap inference when a bootstrap is attached", {
  set.seed(17)
  fit <- pls(ecsi_syntax, data = mobi, R = 200)
  report <- summary(fit)
  boot_paths <- summary(fit$boot)$paths
  expect_equal(report$paths$se, boot_paths$se)
  expect_equal(report$paths$p, boot_paths$p)
  expect_equal(report$paths$lower, boot_paths$lower)
  expect_true(all(report$paths$sig[report$paths$p < 0.001] == "***"))
  expect_true(all(c("total_se", "total_p", "indirect_lower", "indirect_sig") %in% names(report$effects)))
  chain <- report$indirect_effects$path == "Image -> Satisfaction -> Loyalty"
  expect_equal(report$indirect_effects$upper[chain],
               summary(fit$boot)$specific$upper[summary(fit$boot)$specific$term == "Image -> Satisfaction -> Loyalty"])
  pair <- report$htmt$construct_1 == "Quality" & report$htmt$construct_2 == "Satisfaction" |
    report$htmt$construct_2 == "Quality" & report$htmt$construct_1 == "Satisfaction"
  draws <- fit$boot$draws[, grep("htmt: (Quality <-> Satisfaction|Satisfaction <-> Quality)", colnames(fit$boot$draws))]
  expect_equal(report$htmt$upper_95[pair], unname(stats::quantile(draws, 0.95)))
  expect_output(print(report), "sig")
  plain <- summary(pls(ecsi_syntax, data = mobi))
  expect_false("se" %in% names(plain$paths))
})

test_that("an HTMT whose bootstrap bound reaches the threshold is flagged", {
  set.seed(18)
  fit <- pls(ecsi_syntax, data = mobi, R = 200)
  report <- summary(fit, htmt_threshold = 0.80)
  risky <- report$htmt$upper_95 >= 0.80 & abs(report$htmt$htmt) < 0.80
  expect_true(any(risky))
  expect_true(all(grepl("95% bound", report$htmt$flag[risky])))
  expect_true(all(!grepl("95% bound", report$htmt$flag[!risky])))
})

# corp_rep with a bootstrap: four composite (Mode B) blocks.
corp_rep_booted <- local({
  fit <- NULL
  function() {
    if (is.null(fit)) {
      set.seed(20)
      fit <<- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean", R = 200)
    }
    fit
  }
})

test_that("the formative weights table holds the rows of summary(boot), not new numbers", {
  fit <- corp_rep_booted()
  report <- summary(fit)
  table <- report$formative_weights
  expect_equal(names(report)[match("outer_vif", names(report)) + 1], "formative_weights")
  expect_equal(paste(table$construct, table$indicator), paste(report$outer_vif$construct, report$outer_vif$indicator))
  tables <- summary(fit$boot)
  key <- paste(table$construct, "<~", table$indicator)
  weights <- tables$weights[match(key, tables$weights$term), ]
  loadings <- tables$loadings[match(key, tables$loadings$term), ]
  for (column in c("se", "t", "p", "lower", "upper")) {
    expect_identical(table[[column]], weights[[column]], label = column)
    expect_identical(table[[paste0("loading_", column)]], loadings[[column]], label = paste0("loading_", column))
  }
  expect_identical(table$weight, weights$estimate)
  expect_identical(table$loading, loadings$estimate)
  expect_equal(table$weight, report$outer_vif$weight)
  expect_equal(table$loading, report$outer_vif$loading)
  expect_identical(table$vif, report$outer_vif$vif)
  # and the draws behind them: the standard deviation and percentiles
  draws <- fit$boot$draws[iecpls:::boot_used(fit$boot), paste("weight:", key), drop = FALSE]
  expect_equal(table$se, unname(apply(draws, 2, stats::sd)))
  expect_equal(table$lower, unname(apply(draws, 2, stats::quantile, 0.025)))
  expect_equal(table$upper, unname(apply(draws, 2, stats::quantile, 0.975)))
  expect_identical(table$sig, iecpls:::significance_stars(table$p))
  expect_null(summary(pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean"))$formative_weights)
})

test_that("the decision rule of Hair et al. (2022) on constructed cases", {
  decide <- iecpls:::formative_decision
  # weight significant; n.s. with loading >= 0.50 (also exactly 0.50);
  # loading < 0.50 significant; loading < 0.50 n.s.
  expect_identical(decide(weight_p = c(0.01, 0.30, 0.30, 0.30, 0.30), loading = c(0.10, 0.80, 0.50, 0.40, 0.40),
                          loading_p = c(0.90, 0.00, 0.00, 0.01, 0.40)),
                   c("keep", "keep (loading)", "keep (loading)", "consider removal", "remove"))
  # the significance level is the bootstrap's
  expect_identical(decide(0.07, 0.3, 0.07, alpha = 0.10), "keep")
  expect_identical(decide(0.07, 0.3, 0.07, alpha = 0.05), "remove")
  expect_identical(decide(0.05, 0.3, 0.01), "consider removal")
  expect_identical(decide(NA, 0.3, 0.01), NA_character_)
})

test_that("a formative indicator with a weak loading is flagged, counted and listed", {
  fit <- corp_rep_booted()
  # a hand-built bootstrap result: two non-significant weights given weak
  # loadings, one of them significant
  parameters <- fit$boot$parameters
  weight <- function(term) parameters$type == "weight" & parameters$term == term
  loading <- function(term) parameters$type == "loading" & parameters$term == term
  parameters$p[weight("QUAL <~ qual_2")] <- 0.4
  parameters$estimate[loading("QUAL <~ qual_2")] <- 0.45
  parameters$p[loading("QUAL <~ qual_2")] <- 0.001
  parameters$p[weight("CSOR <~ csor_2")] <- 0.6
  parameters$estimate[loading("CSOR <~ csor_2")] <- 0.2
  parameters$p[loading("CSOR <~ csor_2")] <- 0.3
  fit$boot$parameters <- parameters
  report <- summary(fit)
  table <- report$formative_weights
  row <- function(indicator) table[table$indicator == indicator, ]
  expect_identical(row("qual_2")$decision, "consider removal")
  expect_identical(row("csor_2")$decision, "remove")
  expect_true(all(nzchar(row("qual_2")$flag), nzchar(row("csor_2")$flag)))
  expect_identical(sum(nzchar(table$flag)), 2L)
  expect_identical(glance(report)$flagged_formative_weights, 2L)
  text <- paste(capture.output(print(report)), collapse = "\n")
  expect_match(text, "qual_2 [^\n]*consider removal +! loading < 0.50\n")
  expect_match(text, paste0(glance(report)$flagged, " values fail their thresholds"))
  rows <- tidy(report)
  rows <- rows[rows$table == "formative_weights", ]
  expect_identical(rows$term[rows$flagged], c("QUAL <~ qual_2", "CSOR <~ csor_2"))
})

test_that("corp_rep: the decisions follow the rule from summary(boot)'s weights and loadings", {
  fit <- corp_rep_booted()
  table <- summary(fit)$formative_weights
  tables <- summary(fit$boot)
  key <- paste(table$construct, "<~", table$indicator)
  weight_p <- tables$weights$p[match(key, tables$weights$term)]
  loading <- tables$loadings$estimate[match(key, tables$loadings$term)]
  loading_p <- tables$loadings$p[match(key, tables$loadings$term)]
  expected <- character(length(key))
  for (i in seq_along(key)) {
    expected[i] <- if (weight_p[i] < 0.05) "keep" else if (loading[i] >= 0.5) "keep (loading)" else
      if (loading_p[i] < 0.05) "consider removal" else "remove"
  }
  expect_identical(table$decision, expected)
  # as in Hair et al. (2022, ch. 5): every indicator is kept, those whose
  # weight is not significant on the strength of their loadings
  expect_true(all(table$decision %in% c("keep", "keep (loading)")))
  expect_true(all(table$loading[table$decision == "keep (loading)"] >= 0.5))
  expect_true(any(table$decision == "keep (loading)"))
  text <- capture.output(print(summary(fit)))
  expect_true(any(grepl("Loadings of the indicators whose weight is not significant", text)))
})
