# pls() against the stored estimates of seminr and cSEM (fixtures written by
# tools/make-fixtures.R): six models on six real datasets, Mode A and Mode B,
# every scheme each peer offers (seminr has no centroid scheme).

fit_for_fixture <- function(fx, ...) {
  pls(fx$model, data = fixture_data(fx), scheme = fx$settings$scheme, ...)
}

test_that("estimates agree with seminr and cSEM to 1e-6", {
  fixtures <- read_fixtures()
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    fit <- fit_for_fixture(fx, tol = 1e-12, max_iter = 1000)
    for (element in c("outer_weights", "outer_loadings", "cross_loadings", "path_coef", "r2", "r2_adj",
                      "construct_cor")) {
      expect_equal(fit[[element]], fx[[element]], tolerance = 1e-6, label = paste(name, element))
    }
    expect_equal(unname(fit$scores[1:10, ]), unname(fx$scores_head), tolerance = 1e-6,
                 label = paste(name, "scores"))
  }
})

test_that("with the default tolerance estimates still agree to 1e-6", {
  fixtures <- read_fixtures("_(path|factorial|centroid)_cSEM\\.rds$")
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    fit <- fit_for_fixture(fx)
    expect_true(fit$converged)
    for (element in c("outer_weights", "outer_loadings", "path_coef", "r2")) {
      expect_equal(fit[[element]], fx[[element]], tolerance = 1e-6, label = paste(name, element))
    }
  }
})

test_that("the corporate reputation model from raw data with -99 codes matches the peers", {
  fx <- readRDS(test_path("fixtures", "corp_rep_path_seminr.rds"))
  fit <- pls(fx$model, data = corp_rep_data, na_values = -99, missing = "mean", tol = 1e-12)
  expect_equal(fit$path_coef, fx$path_coef, tolerance = 1e-6)
  expect_equal(fit$outer_weights, fx$outer_weights, tolerance = 1e-6)
})
