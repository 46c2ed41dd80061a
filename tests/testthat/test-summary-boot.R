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
