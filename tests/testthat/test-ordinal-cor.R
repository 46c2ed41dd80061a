# Correlations of ordinal indicators (R/ordinal.R, src/ordinal.c) against
# polycor's two-step estimators (fixtures: tools/make-fixtures-ordinal.R),
# the bivariate normal distribution function against mvtnorm and numerical
# integration, case weights against replicated rows, and the errors.

test_that("the bivariate normal distribution function matches mvtnorm and integration to 1e-12", {
  grid <- readRDS(test_path("fixtures", "bvn_mvtnorm.rds"))$grid
  expect_lt(ref_max_abs_diff(iecpls:::c_bvn(grid$h, grid$k, grid$r), grid$p), 1e-12)
  # every branch of the algorithm (|r| < 0.3, < 0.75, < 0.925, beyond), both signs
  points <- expand.grid(h = c(-2.7, -0.4, 0.9, 2.2), k = c(-1.3, 0.1, 1.6),
                        r = c(-0.99999, -0.97, -0.8, -0.45, -0.1, 0.2, 0.6, 0.9, 0.95, 0.9999))
  integrated <- mapply(bvn_by_integration, points$h, points$k, points$r)
  expect_lt(ref_max_abs_diff(iecpls:::c_bvn(points$h, points$k, points$r), integrated), 1e-12)
})

test_that("the bivariate normal distribution function has the limits of pnorm()", {
  h <- c(-3, -0.7, 0, 0.4, 2.5)
  k <- c(1.2, -0.3, 0.8, 0, -2)
  bvn <- function(h, k, r) iecpls:::c_bvn(h, k, r)
  expect_lt(ref_max_abs_diff(bvn(h, k, 0), stats::pnorm(h) * stats::pnorm(k)), 1e-15)
  expect_lt(ref_max_abs_diff(bvn(h, k, 1), stats::pnorm(pmin(h, k))), 1e-15)
  expect_lt(ref_max_abs_diff(bvn(h, k, -1), pmax(0, stats::pnorm(h) - stats::pnorm(-k))), 1e-15)
  expect_identical(bvn(h, Inf, 0.5), stats::pnorm(h))
  expect_identical(bvn(Inf, k, -0.5), stats::pnorm(k))
  expect_identical(bvn(c(-Inf, 1, Inf), c(2, -Inf, Inf), 0.3), c(0, 0, 1))
  for (r in c(-0.96, -0.5, 0.2, 0.8, 0.99)) {
    expect_lt(ref_max_abs_diff(bvn(h, k, r), bvn(k, h, r)), 1e-15)
    # P(X <= h, Y <= k) + P(X <= h, Y > k) = P(X <= h), and P(X <= h, Y > k) = P(X <= h, -Y < -k)
    expect_lt(ref_max_abs_diff(bvn(h, k, r) + bvn(h, -k, -r), stats::pnorm(h)), 1e-15)
  }
})

test_that("polychoric correlations of single pairs match polycor's tight solutions", {
  fixture <- ordinal_fixture()
  for (name in names(fixture$pairs)) {
    pair <- fixture$pairs[[name]]
    if (pair$type != "polychoric") next
    data <- fixture$data[[pair$data]][c(pair$x, pair$y)]
    out <- iecpls:::ordinal_cor(data, ordinal = TRUE)
    expect_lt(abs(out$cor[1, 2] - pair$rho), 1e-6, label = name)
    # the root of the score of polycor's likelihood: converged far beyond optimise()
    expect_lt(abs(out$cor[1, 2] - pair$rho_root), 1e-9, label = name)
    expect_lt(ref_max_abs_diff(unname(out$thresholds[[pair$x]]), as.vector(pair$x_thresholds)), 1e-12, label = name)
    expect_lt(ref_max_abs_diff(unname(out$thresholds[[pair$y]]), as.vector(pair$y_thresholds)), 1e-12, label = name)
    expect_identical(out$type[1, 2], "polychoric")
  }
})

test_that("polyserial correlations of single pairs are polycor's two-step formula", {
  fixture <- ordinal_fixture()
  serial <- Filter(function(pair) pair$type == "polyserial", fixture$pairs)
  expect_length(serial, 3)
  for (name in names(serial)) {
    pair <- serial[[name]]
    data <- fixture$data[[pair$data]][c(pair$x, pair$y)]
    out <- iecpls:::ordinal_cor(data, ordinal = c(FALSE, TRUE))
    expect_lt(abs(out$cor[1, 2] - pair$rho), 1e-12, label = name)
    expect_lt(ref_max_abs_diff(unname(out$thresholds[[pair$y]]), as.vector(pair$y_thresholds)), 1e-12, label = name)
    expect_identical(out$type[2, 1], "polyserial")
  }
})

test_that("the correlation matrices of whole data sets match polycor::hetcor(ML = FALSE)", {
  fixture <- ordinal_fixture()
  for (name in names(fixture$hetcor)) {
    set <- fixture$hetcor[[name]]
    data <- as_ordered(set$data, set$ordinal, set$levels)
    out <- iecpls:::ordinal_cor(data)  # ordinal: the ordered factors
    expect_lt(ref_max_abs_diff(out$cor, set$cor), 1e-6, label = name)
    expect_identical(tolower(out$type[upper.tri(out$type)]), tolower(set$type[upper.tri(set$type)]), label = name)
    expect_identical(names(out$thresholds), names(set$thresholds))
    expect_lt(ref_max_abs_diff(unlist(out$thresholds, use.names = FALSE), unlist(set$thresholds, use.names = FALSE)),
              1e-12, label = name)
    expect_identical(out$nobs, nrow(data))
  }
})

test_that("empty categories are dropped and thresholds named by the categories on either side", {
  mixed <- mobi_mixed_data()
  data <- mixed$data[c("CUSA1", "PERQ5", "CUEX1", "IMAG2")]
  expect_identical(table(data$CUSA1)[["1"]], 0L)
  out <- iecpls:::ordinal_cor(data)
  expect_named(out$thresholds$CUSA1, c("2|3", "3|4", "4|5"))
  expect_named(out$thresholds$CUEX1, c("1|2", "2|3", "3|4", "4|5"))
  # the same as without the unused level, or with integer codes that skip it
  dropped <- data
  dropped$CUSA1 <- droplevels(dropped$CUSA1)
  expect_identical(iecpls:::ordinal_cor(dropped)$cor, out$cor)
  codes <- data.frame(lapply(data, function(x) if (is.factor(x)) as.integer(x) else x))
  codes$CUSA1 <- c(2L, 4L, 5L, 7L, 9L)[codes$CUSA1]  # any increasing codes
  plain <- iecpls:::ordinal_cor(codes, ordinal = c(TRUE, TRUE, TRUE, FALSE))
  expect_identical(plain$cor, out$cor)
  expect_named(plain$thresholds$CUSA1, c("4|5", "5|7", "7|9"))
  expect_identical(unname(plain$thresholds$CUSA1), unname(out$thresholds$CUSA1))
})

test_that("integer case weights give the estimates of replicated rows", {
  mixed <- mobi_mixed_data()
  data <- mixed$data
  n <- nrow(data)
  weights <- rep_len(c(1, 3, 0, 2, 1, 1), n)
  # the one respondent of CUEX1's first category leaves the sample, so the
  # category becomes empty
  weights[which(data$CUEX1 == "1")] <- 0
  replicated <- data[rep(seq_len(n), weights), ]
  weighted <- iecpls:::ordinal_cor(data, case_weights = weights)
  copies <- iecpls:::ordinal_cor(replicated)
  expect_lt(ref_max_abs_diff(weighted$cor, copies$cor), 1e-12)
  expect_identical(names(weighted$thresholds$CUEX1), c("2|3", "3|4", "4|5"))
  expect_identical(names(weighted$thresholds), names(copies$thresholds))
  expect_lt(ref_max_abs_diff(unlist(weighted$thresholds), unlist(copies$thresholds)), 1e-12)
  expect_identical(weighted$nobs, sum(weights > 0))
  # and only their ratios matter
  scaled <- iecpls:::ordinal_cor(data, case_weights = weights * 0.37)
  expect_lt(ref_max_abs_diff(scaled$cor, weighted$cor), 1e-12)
})

test_that("the matrix is symmetric, and the same whichever order the columns come in", {
  mixed <- mobi_mixed_data()
  out <- iecpls:::ordinal_cor(mixed$data)
  expect_true(isSymmetric(out$cor))
  expect_identical(unname(diag(out$cor)), rep(1, ncol(mixed$data)))
  reversed <- rev(names(mixed$data))
  back <- iecpls:::ordinal_cor(mixed$data[reversed])
  expect_lt(ref_max_abs_diff(back$cor[names(mixed$data), names(mixed$data)], out$cor), 1e-12)
  expect_identical(back$thresholds[names(out$thresholds)], out$thresholds)
  # a numeric matrix is read like a data frame of its columns
  codes <- as.matrix(data.frame(lapply(mixed$data, as.numeric)))
  expect_lt(ref_max_abs_diff(iecpls:::ordinal_cor(codes, ordinal = mixed$ordinal)$cor, out$cor), 1e-12)
})

test_that("a pair with no interior maximum of its likelihood is a classed error naming both columns", {
  # two items with two categories each and an empty cell: perfectly ordered
  data <- data.frame(low = rep(1:2, c(20, 30)), high = rep(1:2, c(15, 35)), other = rep(1:5, 10))
  expect_identical(sum(table(data$low, data$high) == 0), 1L)
  err <- tryCatch(iecpls:::ordinal_cor(data, ordinal = TRUE), error = identity)
  expect_s3_class(err, c("iecpls_polychoric_boundary", "iecpls_estimation_error", "iecpls_error"))
  expect_match(conditionMessage(err), "low.*high")
  expect_no_match(conditionMessage(err), "other")
  # perfectly reversed, and a larger table on a monotone staircase
  data$high <- 3L - data$high
  expect_error(iecpls:::ordinal_cor(data, ordinal = TRUE), class = "iecpls_polychoric_boundary")
  staircase <- data.frame(a = rep(c(1, 1, 2, 2, 3), c(5, 4, 6, 2, 8)), b = rep(c(1, 2, 2, 3, 4), c(5, 4, 6, 2, 8)))
  expect_error(iecpls:::ordinal_cor(staircase, ordinal = TRUE), class = "iecpls_polychoric_boundary")
  # one respondent off the staircase makes the maximum interior
  staircase$b[1] <- 4
  inside <- iecpls:::ordinal_cor(staircase, ordinal = TRUE)$cor[1, 2]
  expect_true(inside > 0.9 && inside < 1)
})

test_that("columns that cannot be correlated are classed errors naming the column", {
  mixed <- mobi_mixed_data()
  data <- mixed$data[c("CUEX1", "CUSA1", "IMAG2")]
  constant <- data
  constant$CUSA1[] <- "4"
  err <- tryCatch(iecpls:::ordinal_cor(constant), error = identity)
  expect_s3_class(err, "iecpls_zero_variance_indicator")
  expect_match(conditionMessage(err), "CUSA1")
  constant <- data
  constant$IMAG2 <- 7
  expect_error(iecpls:::ordinal_cor(constant), class = "iecpls_zero_variance_indicator")
  # a column that varies only in rows of weight zero
  weights <- as.numeric(data$CUEX1 == "4")
  err <- tryCatch(iecpls:::ordinal_cor(data, case_weights = weights), error = identity)
  expect_s3_class(err, "iecpls_zero_variance_indicator")
  expect_match(conditionMessage(err), "CUEX1")
  missing <- data
  missing$IMAG2[4] <- NA
  expect_error(iecpls:::ordinal_cor(missing), class = "iecpls_missing_values")
  text <- data
  text$CUSA1 <- as.character(text$CUSA1)
  expect_error(iecpls:::ordinal_cor(text), class = "iecpls_non_numeric_column")
  expect_error(iecpls:::ordinal_cor(data, ordinal = c(TRUE, NA, FALSE)), class = "iecpls_input_error")
  expect_error(iecpls:::ordinal_cor(data, ordinal = "CUSA9"), class = "iecpls_unknown_column")
  expect_error(iecpls:::ordinal_cor(data, case_weights = -1 * seq_len(nrow(data))), class = "iecpls_case_weights_error")
  expect_error(iecpls:::ordinal_cor(data.frame(x = 1:300), ordinal = TRUE), class = "iecpls_data_error")
  expect_error(iecpls:::ordinal_cor(data.frame(x = 1:300, y = 300:1), ordinal = TRUE), "at most 100")
})

test_that("a polyserial estimate beyond polycor's bound is set to it with a classed warning", {
  set.seed(11)
  y <- rep(1:2, 50)
  data <- data.frame(x = y + stats::rnorm(100, sd = 0.01), y = y, z = stats::rnorm(100))
  expect_warning(out <- iecpls:::ordinal_cor(data, ordinal = c(FALSE, TRUE, FALSE)),
                 class = "iecpls_polyserial_clamped_warning")
  expect_identical(out$cor["x", "y"], 0.9999)
})
