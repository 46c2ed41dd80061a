test_that("SRMR and d_ULS equal cSEM's; d_G is cSEM's times (ln 10)^2", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    csem <- assess_fixture(case, "csem")
    measures <- pls_model_fit(fit)
    expect_equal(measures$statistic, c("SRMR", "d_ULS", "d_G"))
    expect_equal(measures$estimated, c(csem$srmr, csem$dl, csem$dg * log(10)^2), tolerance = 1e-6)
    expect_equal(measures$saturated, c(csem$srmr_saturated, csem$dl_saturated, csem$dg_saturated * log(10)^2),
                 tolerance = 1e-6)
  }
})

test_that("model-implied correlations equal cSEM's fit() for both measurement models", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    csem <- assess_fixture(case, "csem")
    items <- fit$model$indicators
    peer <- function(name) csem[[name]][items, items]
    expect_equal(pls_implied_cor(fit), peer("implied"), tolerance = 1e-6)
    expect_equal(pls_implied_cor(fit, saturated = TRUE), peer("implied_saturated"), tolerance = 1e-6)
    expect_equal(pls_implied_cor(fit, "composite"), peer("implied_composite"), tolerance = 1e-6)
    expect_equal(pls_implied_cor(fit, "composite", saturated = TRUE), peer("implied_composite_saturated"),
                 tolerance = 1e-6)
    expect_equal(pls_implied_cor(fit, "common_factor"), peer("implied_factor"), tolerance = 1e-6)
    expect_equal(pls_implied_cor(fit, "common_factor", saturated = TRUE), peer("implied_factor_saturated"),
                 tolerance = 1e-6)
    expect_equal(implied_construct_cor(fit), csem$implied_construct[fit$model$constructs, fit$model$constructs],
                 tolerance = 1e-6)
  }
})

test_that("the composite model reproduces the within-block correlations, the factor model the loadings", {
  fit <- fit_tight("mobi")
  composite <- pls_implied_cor(fit, "composite", saturated = TRUE)
  factor <- pls_implied_cor(fit, "common_factor", saturated = TRUE)
  items <- fit$model$blocks$Quality
  expect_equal(composite[items, items], fit$indicator_cor[items, items])
  lambda <- fit$outer_loadings[items, "Quality"]
  expected <- outer(lambda, lambda)
  diag(expected) <- 1
  expect_equal(factor[items, items], expected)
  expect_equal(unname(diag(composite)), rep(1, 24))
  # between blocks both are lambda_k P_kl lambda_l'
  other <- fit$model$blocks$Image
  between <- outer(fit$outer_loadings[items, "Quality"], fit$outer_loadings[other, "Image"]) *
    fit$construct_cor["Quality", "Image"]
  expect_equal(composite[items, other], between)
  expect_equal(factor[items, other], between)
})

test_that("a saturated structural model fits as well as the saturated model", {
  fit <- pls("
    A =~ IMAG1 + IMAG2 + IMAG3
    B =~ CUSA1 + CUSA2 + CUSA3
    C =~ CUSL1 + CUSL3
    B ~ A
    C ~ A + B
  ", data = mobi)
  measures <- pls_model_fit(fit, "composite")
  expect_equal(measures$estimated, measures$saturated, tolerance = 1e-12)
  expect_equal(implied_construct_cor(fit), fit$construct_cor, tolerance = 1e-12)
})

test_that("d_G is NA when the implied matrix is not positive definite", {
  S <- diag(2)
  expect_true(is.na(geodesic_distance(S, matrix(c(1, 1.5, 1.5, 1), 2))))
  expect_equal(geodesic_distance(S, S), 0)
})

test_that("arguments are checked", {
  fit <- fit_tight("mobi")
  expect_error(pls_implied_cor(fit, model = "factor"), "`model` must be one of", class = "iecpls_input_error")
  expect_error(pls_implied_cor(fit, saturated = 1), "saturated")
})
