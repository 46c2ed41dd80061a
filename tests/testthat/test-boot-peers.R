# Bootstrap standard errors and percentile intervals of the corporate
# reputation paths against seminr's bootstrap_model() and cSEM's
# resamplecSEMResults(), 5,000 resamples each (fixtures written by
# tools/make-fixtures-boot.R). The resamples differ, so agreement is within
# Monte Carlo error: with R = 5,000 the standard error of a bootstrap SE is
# about SE / sqrt(2R) = 1% of it, so two runs differ by about 1.4%; a 2.5%
# quantile has a Monte Carlo SD of about 0.038 SE (normal approximation), so
# two runs' limits differ by about 0.054 SE. The tolerances are four of those
# standard deviations: 6% of the SE, and 0.22 SE for each interval limit.

test_that("bootstrap SEs and percentile intervals agree with seminr and cSEM within Monte Carlo error", {
  fit <- pls(corp_rep_syntax, data = corp_rep_mean_replaced())
  set.seed(2026)
  boot <- pls_boot(fit, R = 5000, bca = FALSE)
  paths <- summary(boot)$paths
  for (peer in c("seminr", "cSEM")) {
    fx <- readRDS(test_path("fixtures", paste0("boot_corp_rep_", peer, ".rds")))
    row <- match(fx$term, paths$term)
    expect_false(anyNA(row))
    se <- paths$se[row]
    expect_true(all(abs(se - fx$se) < 0.06 * fx$se), label = paste(peer, "SEs"))
    expect_true(all(abs(paths$lower[row] - fx$lower) < 0.22 * fx$se), label = paste(peer, "lower limits"))
    expect_true(all(abs(paths$upper[row] - fx$upper) < 0.22 * fx$se), label = paste(peer, "upper limits"))
  }
})
