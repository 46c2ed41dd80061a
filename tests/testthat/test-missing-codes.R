# The warning about numeric missing-value codes fitted as answers (-99).

# The rule of src/screen.c in plain R, on sorted unique values.
codes_in_r <- function(x, max_codes = 4) {
  x <- as.double(x)
  x <- x[is.finite(x)]
  whole <- all(x == floor(x))
  codes <- counts <- numeric()
  repeat {
    rest <- x[!x %in% codes]
    u <- sort(unique(rest))
    if (length(u) < 2 || length(codes) == max_codes) break
    lo <- u[1]; hi <- u[length(u)]; lo_next <- u[2]; hi_next <- u[length(u) - 1]
    n_lo <- sum(rest == lo); n_hi <- sum(rest == hi)
    low <- length(rest) - n_lo >= 10 && lo_next < hi && lo == floor(lo) && (n_lo >= 2 || whole) &&
      (lo_next - lo > 2 * (hi - lo_next) || (lo < 0 && lo_next >= 0))
    high <- length(rest) - n_hi >= 10 && lo < hi_next && hi == floor(hi) && (n_hi >= 2 || whole) && hi - hi_next > 2 * (hi_next - lo)
    if (!low && !high) break
    if (low) { codes <- c(codes, lo); counts <- c(counts, n_lo) }
    if (high && length(codes) < max_codes) { codes <- c(codes, hi); counts <- c(counts, n_hi) }
  }
  list(codes = codes, counts = counts, range = if (length(rest)) range(rest) else c(NaN, NaN))
}

codes_of <- function(x) likely_missing_codes(list(x))[[1]]$codes

random_survey_column <- function(n) {
  scale <- sample(list(1:5, 1:7, 0:10, 1:2, c(1, 2, 3)), 1)[[1]]
  x <- sample(scale, n, replace = TRUE)
  if (runif(1) < 0.3) x <- x + round(rnorm(n), sample(0:2, 1))
  codes <- sample(c(-99, -9, -1, 0, 8, 9, 99, 999, 2^31 - 1), sample(0:3, 1))
  for (code in codes) x[sample(n, min(n, sample(c(1, 2, 5), 1)))] <- code
  if (runif(1) < 0.3) x[sample(n, min(n, 2))] <- NA
  if (runif(1) < 0.2) x[sample(n, 1)] <- sample(c(Inf, -Inf, NaN), 1)
  if (runif(1) < 0.5 && all(is.na(x) | (is.finite(x) & x == round(x) & abs(x) < 2^31))) x <- as.integer(x)
  x
}

test_that("the rule in C agrees with plain R on random survey columns, integer and double, long and short", {
  set.seed(11)
  for (i in 1:300) {
    n <- sample(c(1:6, 40, 1023, 1025, 3000), 1)
    x <- random_survey_column(n)
    expect_equal(likely_missing_codes(list(x))[[1]], codes_in_r(x), info = paste("case", i))
  }
  m <- cbind(a = c(rep(1:7, 3), -99, -99), b = c(rep(3:5, 7), 999, 999))
  expect_equal(likely_missing_codes(in_place(m, 2:1)), list(codes_in_r(m[, 2]), codes_in_r(m[, 1])))
})

test_that("the rule finds the codes survey exports use and leaves real values alone", {
  scale <- rep(1:7, 10)
  expect_equal(codes_of(c(scale, -99, -99)), -99)
  expect_equal(codes_of(c(scale, -99)), -99)            # once, in a column of whole numbers
  expect_equal(codes_of(c(scale, 99, 99)), 99)
  expect_equal(codes_of(c(scale, 999L, 999L)), 999)
  expect_equal(codes_of(c(scale, -9, -9)), -9)
  expect_equal(codes_of(c(scale, -1, -1)), -1)          # negative below a non-negative scale
  expect_equal(sort(codes_of(c(scale, -99, 999, -99, 999))), c(-99, 999))
  expect_equal(sort(codes_of(c(scale, -99, 99, 999, -99))), c(-99, 99, 999))
  expect_equal(codes_of(c(scale, 9, 9)), numeric())     # close to the scale: could be an answer
  expect_equal(codes_of(rep(1:3, 20)), numeric())
  expect_equal(codes_of(rep(0:1, 20)), numeric())
  expect_equal(codes_of(c(rep(5:6, 4), 10, 10)), numeric()) # too few other values to judge
  expect_equal(codes_of(c(rep(5:6, 5), 10, 10)), 10)
  expect_equal(codes_of(c(rep(0:1, 20), -99, -99)), -99)
  expect_equal(codes_of(c(rep(5, 20), -99)), numeric()) # one other value: nothing to compare with
  expect_equal(codes_of(c(scale + 0.5, 40)), numeric()) # a single outlier in continuous data
  expect_equal(codes_of(c(scale + 0.5, 40.5, 40.5)), numeric()) # not a whole number
  expect_equal(codes_of(c(scale + 0.5, 40, 40)), 40)
  expect_equal(codes_of(c(scale, NA, -99L, NA, -99L)), -99)
  expect_equal(codes_of(c(NA_real_, NA_real_)), numeric())
  expect_equal(codes_of(c(rep(1:7, 3), -99, -98, -97, -96, -95, -99)), c(-99, -98)[0]) # a run of codes: no gap
  set.seed(3)
  for (i in 1:50) {
    expect_equal(codes_of(rnorm(200) * 10^sample(-2:4, 1)), numeric())
    expect_equal(codes_of(rpois(200, sample(1:20, 1))), numeric())
    expect_equal(codes_of(sample(1:5, 200, replace = TRUE, prob = c(1, 2, 4, 2, 1))), numeric())
  }
  for (data in list(mobi, iec_survey)) {
    numeric_columns <- Filter(is.numeric, as.list(data))
    expect_true(all(vapply(likely_missing_codes(numeric_columns), function(f) length(f$codes), 0L) == 0L))
  }
})

test_that("pls() warns once about -99 in corp_rep_data, naming the columns, the code and the counts", {
  data <- corp_rep_data
  expect_warning(fit <- pls(corp_rep_syntax, data = data), class = "iecpls_missing_code_warning")
  w <- tryCatch(pls(corp_rep_syntax, data = data), warning = identity)
  expect_s3_class(w, "iecpls_warning")
  text <- conditionMessage(w)
  expect_match(text, "cusl_1: -99 (3 times)", fixed = TRUE)
  expect_match(text, "cusl_2: -99 (4 times)", fixed = TRUE)
  expect_match(text, "cusa: -99 (once)", fixed = TRUE)
  expect_match(text, "na_values = -99", fixed = TRUE)
  expect_false(grepl("education", text))                # not an indicator of the model
  expect_identical(data, corp_rep_data)
  # the fit goes ahead, with -99 as an answer
  expect_false(isTRUE(all.equal(coef(fit), coef(pls(corp_rep_syntax, data = data, na_values = -99, missing = "mean")))))
  expect_no_warning(pls(corp_rep_syntax, data = data, na_values = -99, missing = "mean"))
  matrix_data <- as.matrix(data[, fit$model$indicators])
  expect_warning(pls(corp_rep_syntax, data = matrix_data), class = "iecpls_missing_code_warning")
  expect_no_warning(pls(ecsi_syntax, data = mobi))
})

test_that("a code far from a long column's answers is found after the scan's early exits", {
  x <- c(rep(1:7, 2000), rep(-99, 3), rep(1:7, 2000))
  expect_equal(likely_missing_codes(list(x))[[1]], list(codes = -99, counts = 3, range = c(1, 7)))
})

test_that("column names reach the warning as text, never as cli code", {
  w <- tryCatch(warn_missing_codes(list(c(rep(1:7, 5), -99, -99)), "{stop('no')}"), warning = identity)
  expect_s3_class(w, "iecpls_missing_code_warning")
  expect_match(conditionMessage(w), "{stop('no')}: -99 (2 times)", fixed = TRUE)
})

test_that("more than ten columns are summarised, and codes of several kinds are suggested together", {
  columns <- lapply(1:12, function(j) c(rep(1:5, 4), if (j == 12) c(999, 999) else c(-99, -99)))
  w <- tryCatch(warn_missing_codes(columns, paste0("item", 1:12)), warning = identity)
  text <- conditionMessage(w)
  expect_match(text, "...and 2 more columns", fixed = TRUE)
  expect_false(grepl("item11", text))
  expect_match(text, "na_values = c(-99, 999)", fixed = TRUE)
})
