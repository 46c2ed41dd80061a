# pls_descriptives(): the item table of data screening.

# G1 and G2 through the unbiased cumulants (k-statistics), another route to
# the statistics SPSS and Excel report.
k_statistics <- function(x) {
  x <- x[!is.na(x)]
  n <- length(x)
  m <- function(r) mean((x - mean(x))^r)
  k2 <- n / (n - 1) * m(2)
  k3 <- n^2 / ((n - 1) * (n - 2)) * m(3)
  k4 <- n^2 * ((n + 1) * m(4) - 3 * (n - 1) * m(2)^2) / ((n - 1) * (n - 2) * (n - 3))
  c(skewness = k3 / k2^1.5, kurtosis = k4 / k2^2)
}

test_that("the statistics of each indicator agree with plain R, with missing values left out", {
  data <- corp_rep_data
  out <- pls_descriptives(data[, c("cusl_1", "cusl_2", "cusa", "qual_1")], na_values = -99)
  expect_s3_class(out, "pls_descriptives")
  expect_named(out, c("indicator", "n", "missing", "mean", "median", "min", "max", "sd", "skewness", "kurtosis"))
  for (i in seq_len(nrow(out))) {
    x <- data[[out$indicator[i]]]
    x[x == -99] <- NA
    expect_equal(out$n[i], sum(!is.na(x)))
    expect_equal(out$missing[i], sum(is.na(x)))
    expect_equal(out$mean[i], mean(x, na.rm = TRUE))
    expect_equal(out$median[i], median(x, na.rm = TRUE))
    expect_equal(c(out$min[i], out$max[i]), range(x, na.rm = TRUE))
    expect_equal(out$sd[i], sd(x, na.rm = TRUE))
    expect_equal(c(skewness = out$skewness[i], kurtosis = out$kurtosis[i]), k_statistics(x))
  }
  expect_equal(out$missing[out$indicator == "cusl_2"], 4)
  expect_identical(data, corp_rep_data)
})

test_that("a fit describes its own indicators with its na_values, in the model's order", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, missing = "mean", na_values = -99)
  out <- pls_descriptives(fit)
  expect_equal(out$indicator, fit$model$indicators)
  expect_equal(out$construct, rep(fit$model$constructs, lengths(fit$model$blocks)))
  from_data <- pls_descriptives(corp_rep_data, model = corp_rep_syntax, na_values = -99)
  expect_equal(from_data, out)
  expect_equal(out$missing[out$indicator == "cusa"], 1)
  # a matrix read in place gives the same table
  matrix_fit <- pls(ecsi_syntax, data = as.matrix(mobi))
  expect_equal(pls_descriptives(matrix_fit), pls_descriptives(pls(ecsi_syntax, data = mobi)))
})

test_that("short and constant columns give NA where a statistic is undefined", {
  out <- pls_descriptives(data.frame(a = c(1, 2, NA), b = c(3, 3, 3), c = c(NA_real_, NA, NA), d = 1:3))
  expect_equal(out$indicator, c("a", "b", "c", "d"))
  expect_true(is.na(out$skewness[1]) && is.na(out$kurtosis[1]))
  expect_equal(out$sd[2], 0)
  expect_true(is.na(out$skewness[2]))
  expect_equal(out$n[3], 0)
  expect_equal(out$missing[3], 3)
  expect_equal(out$skewness[4], 0)
  expect_true(is.na(out$kurtosis[4]))  # three values
})

test_that("non-numeric columns are left out without a model; bad input is a classed error", {
  out <- pls_descriptives(data.frame(a = 1:5, b = letters[1:5], c = ordered(c("x", "y", "y", "x", "y"))))
  expect_equal(out$indicator, c("a", "c"))
  expect_equal(out$mean[2], 1.6)
  expect_error(pls_descriptives(data.frame(b = letters)), class = "iecpls_input_error")
  expect_error(pls_descriptives(pls(ecsi_syntax, S = cor(mobi))), class = "iecpls_input_error")
  expect_error(pls_descriptives(mobi, model = "X =~ nope + IMAG1\nY =~ IMAG2\nY ~ X"), "nope")
})

test_that("the table prints within 80 columns and flags non-normal items", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, missing = "mean", na_values = -99)
  old <- options(width = 80)
  on.exit(options(old))
  out <- pls_descriptives(fit)
  lines <- capture.output(print(out))
  expect_true(all(nchar(lines) <= 80))
  expect_length(lines, 2 + length(fit$model$indicators) + 1) # one block: no wrapped columns
  flagged <- out$indicator[abs(out$skewness) > 1 | abs(out$kurtosis) > 1]
  expect_true(length(flagged) > 0)
  expect_equal(lines[length(lines)], paste0("|skewness| or |excess kurtosis| above 1: ", paste(flagged, collapse = ", "), "."))
})
