test_that("print() gives the report in the order of a paper", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  text <- paste(capture.output(result <- print(summary(fit))), collapse = "\n")
  expect_s3_class(result, "summary.pls_fit")
  titles <- c("Measurement model", "Indicator reliability", "Internal consistency reliability",
              "Convergent validity", "Composite \\(Mode B\\) indicators", "HTMT", "Fornell-Larcker",
              "Cross-loadings", "Structural model", "Collinearity", "R\\^2", "f\\^2", "Path coefficients",
              "total effects", "Model fit", "SRMR")
  positions <- vapply(titles, function(t) regexpr(t, text)[1], numeric(1))
  expect_true(all(positions > 0))
  expect_false(is.unsorted(positions))
  expect_match(text, "2 values fail their thresholds")
  expect_match(text, "QUAL +3\\.487 ! VIF >= 3")
})

test_that("the printed report is stable", {
  fit <- pls("
    Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Loyalty =~ CUSL1 + CUSL2 + CUSL3
    Satisfaction ~ Image
    Loyalty ~ Image + Satisfaction
  ", data = mobi, tol = 1e-12, max_iter = 1000)
  expect_snapshot(print(summary(fit)))
})

