# pls_blindfold() against the plain-R blindfolding of helper-blindfold.R.

test_that("Q2 agrees with a direct implementation in plain R", {
  fit <- pls(small_ecsi_syntax, data = mobi, tol = 1e-12)
  bf <- pls_blindfold(fit, omission_distance = 7)
  expect_identical(bf$q2$construct, c("Satisfaction", "Loyalty"))
  for (construct in bf$q2$construct) {
    ref <- reference_blindfold(mobi, small_ecsi_syntax, construct, 7)
    row <- bf$q2[bf$q2$construct == construct, ]
    expect_equal(row$sso, unname(ref[["sso"]]), tolerance = 1e-10)
    expect_equal(row$q2_redundancy, unname(ref[["q2_redundancy"]]), tolerance = 1e-8)
    expect_equal(row$q2_communality, unname(ref[["q2_communality"]]), tolerance = 1e-8)
  }
  # every answer is omitted exactly once: SSO is p (n - 1)
  expect_equal(bf$q2$sso, c(3, 3) * 249)
  expect_true(all(bf$q2$q2_redundancy > 0))
  expect_true(all(bf$q2$q2_communality > 0))
})

test_that("a composite driver and another omission distance agree too", {
  syntax <- "
    Quality      <~ PERQ1 + PERQ2 + PERQ3
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Loyalty      =~ CUSL1 + CUSL3
    Satisfaction ~ Quality
    Loyalty      ~ Satisfaction + Quality
  "
  data <- mobi[1:120, ]
  fit <- pls(syntax, data = data, tol = 1e-12)
  bf <- pls_blindfold(fit, omission_distance = 9)
  for (construct in c("Satisfaction", "Loyalty")) {
    ref <- reference_blindfold(data, syntax, construct, 9)
    row <- bf$q2[bf$q2$construct == construct, ]
    expect_equal(c(row$q2_redundancy, row$q2_communality), unname(ref[-1]), tolerance = 1e-8)
  }
})

test_that("blindfolding warns when n is a multiple of the omission distance and checks its input", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_warning(pls_blindfold(fit, omission_distance = 5), "multiple of the omission distance")
  expect_error(pls_blindfold(fit, omission_distance = 1), "omission_distance")
  expect_error(pls_blindfold(fit, omission_distance = 200), "half the number")
  composite_only <- pls("A =~ IMAG1 + IMAG2\n B <~ CUSA1 + CUSA2\n B ~ A", data = mobi)
  expect_error(pls_blindfold(composite_only), "no endogenous Mode A")
  expect_error(pls_blindfold(pls(small_ecsi_syntax, S = cor(mobi))), "correlation matrix")
})

test_that("missing answers are skipped, and print and tidy work", {
  data <- mobi
  data$CUSA1[c(2, 9)] <- NA
  fit <- pls(small_ecsi_syntax, data = data, missing = "mean")
  bf <- pls_blindfold(fit)
  # the replaced answers are 0 on the standardized scale: SSO stays p (n - 1)
  expect_equal(bf$q2$sso[1], 3 * 249)
  expect_false(anyNA(bf$q2))
  expect_output(print(bf), "omission distance 7, 250 cases")
  expect_identical(tidy(bf), bf$q2)
})

test_that("q^2 compares Q2 with and without each path, from explicit refits in plain R", {
  fit <- pls(small_ecsi_syntax, data = mobi, tol = 1e-12)
  effect <- pls_q2_effect(fit, omission_distance = 7)
  expect_named(effect, c("from", "to", "q2_included", "q2_excluded", "q2"))
  expect_identical(paste(effect$from, effect$to), c("Image Satisfaction", "Image Loyalty", "Satisfaction Loyalty"))
  measurement <- "
    Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Loyalty      =~ CUSL1 + CUSL2 + CUSL3
    Satisfaction ~ Image
  "
  without <- list("Image Loyalty" = paste(measurement, "Loyalty ~ Satisfaction"),
                  "Satisfaction Loyalty" = paste(measurement, "Loyalty ~ Image"))
  q2_of <- function(syntax, construct) unname(reference_blindfold(mobi, syntax, construct, 7)[["q2_redundancy"]])
  included <- c(q2_of(small_ecsi_syntax, "Satisfaction"), rep(q2_of(small_ecsi_syntax, "Loyalty"), 2))
  # Satisfaction's only predictor is Image: without it, Q2 is 0 (as R^2 for f^2)
  excluded <- c(0, q2_of(without[[1]], "Loyalty"), q2_of(without[[2]], "Loyalty"))
  expect_equal(effect$q2_included, included, tolerance = 1e-8)
  expect_equal(effect$q2_excluded, excluded, tolerance = 1e-8)
  expect_equal(effect$q2, (included - excluded) / (1 - included), tolerance = 1e-8)
  # the package's own refit gives the same excluded Q2
  reduced <- pls_blindfold(pls(without[[2]], data = mobi, tol = 1e-12), omission_distance = 7)$q2
  expect_equal(effect$q2_excluded[3], reduced$q2_redundancy[reduced$construct == "Loyalty"], tolerance = 1e-10)
  expect_gt(effect$q2[3], effect$q2[2])
  expect_error(pls_q2_effect(fit, omission_distance = 1), class = "iecpls_input_error")
})
