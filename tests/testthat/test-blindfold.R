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
