test_that("iec_simulate(500, seed = 9), as in data-raw/iec_survey.R, reproduces iec_survey", {
  expect_identical(iec_simulate(500, seed = 9), iec_survey)
})

test_that("the codebook covers every item column of iec_survey", {
  items <- setdiff(names(iec_survey), c("id", "role", "degree_field", "university_type", "region"))
  expect_equal(items, iec_items$item)
})

test_that("in iec_survey the weak item has the lowest loading, and only it is below 0.708", {
  fit <- pls(iec_model("extended"), data = iec_survey, missing = "mean")
  loadings <- coef(fit, "loadings")
  expect_equal(names(which.min(loadings)), "QEA =~ qea4")
  expect_equal(names(loadings)[loadings < 0.708], "QEA =~ qea4")
})

test_that("in iec_survey the R^2 of CTM is in the intended range", {
  fit <- pls(iec_model("extended"), data = iec_survey, missing = "mean")
  expect_gte(fit$r2[["CTM"]], 0.5)
  expect_lte(fit$r2[["CTM"]], 0.65)
})
