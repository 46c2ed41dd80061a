#!/usr/bin/env Rscript
# tools/make-fixtures-cvm.R -- nortest::cvm.test() on the four samples of
# test-copula.R's Cramer-von Mises test, written to
# tests/testthat/fixtures/cvm_nortest.rds. Run by hand from the package root
# (needs nortest; not run in CI, and nortest is no dependency of iecpls).
set.seed(11)
samples <- list(stats::rnorm(50), stats::rexp(200), stats::runif(30), stats::rt(500, 3))
reference <- lapply(samples, function(x) {
  test <- nortest::cvm.test(x)
  list(x = x, statistic = unname(test$statistic), p.value = test$p.value)
})
saveRDS(list(samples = reference, peer = list(package = "nortest", version = as.character(packageVersion("nortest")))),
        "tests/testthat/fixtures/cvm_nortest.rds")
