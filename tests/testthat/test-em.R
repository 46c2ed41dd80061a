# The EM kernel (src/em.c; R/em.R): ML means and covariances of incomplete
# data, against lavaan's saturated model and norm's em.norm()
# (tools/make-fixtures-em.R), the algebra of case weights and patterns, the
# conditional expectations against the regression formula, the classed
# conditions, and a Monte Carlo check of data missing at random.

test_that("EM moments agree with lavaan's saturated model (iec_survey, corp_rep_data, MAR data)", {
  for (name in c("em_iec_survey_lavaan.rds", "em_corp_rep_lavaan.rds", "em_mar_lavaan.rds")) {
    case <- em_fixture(name)
    em <- em_moments(case$x)
    expect_true(em$converged, label = name)
    expect_equal(em$mean, case$fx$mean, tolerance = 1e-6, label = name)
    expect_equal(em$cov, case$fx$cov, tolerance = 1e-6, label = name)
    expect_lt(max(abs(em$mean - case$fx$mean)), 1e-6)
    expect_lt(max(abs(em$cov - case$fx$cov)), 1e-6)
    # the observed-data log-likelihood at the estimates, and N
    expect_equal(em$loglik, case$fx$loglik, tolerance = 1e-10, label = name)
    expect_identical(em$nobs, as.double(case$fx$nobs))
    expect_equal(em$cor, stats::cov2cor(case$fx$cov), tolerance = 1e-6)
  }
})

test_that("EM moments agree with norm's em.norm()", {
  case <- em_fixture("em_mar_norm.rds")
  em <- em_moments(case$x)
  expect_lt(max(abs(em$mean - case$fx$mean)), 1e-6)
  expect_lt(max(abs(em$cov - case$fx$cov)), 1e-6)
  expect_gt(em$iterations, 10L) # the MAR data carry much missing information
})

test_that("complete data give the plain ML moments, without iterating", {
  data <- random_normal_data(50, 5, seed = 11)
  x <- data$x + 100 # far from 0: the centring keeps the cross-products exact
  em <- em_moments(x)
  oracle <- ml_moments_oracle(x)
  expect_equal(em$mean, oracle$mean, tolerance = 1e-12)
  expect_equal(em$cov, oracle$cov, tolerance = 1e-12, ignore_attr = TRUE)
  expect_identical(em$iterations, 0L)
  expect_true(em$converged)
  expect_identical(em$nobs, 50)
  # with frequency weights (fractional too)
  w <- seq(0.5, 3, length.out = 50)
  oracle <- ml_moments_oracle(x, w)
  em <- em_moments(x, case_weights = w)
  expect_equal(em$mean, oracle$mean, tolerance = 1e-12)
  expect_equal(em$cov, oracle$cov, tolerance = 1e-12, ignore_attr = TRUE)
  expect_equal(em$loglik, sum(w * mvn_logdensity(x, oracle$mean, oracle$cov)), tolerance = 1e-12)
})

test_that("integer case weights equal replicated rows, and a weight of 0 drops the row", {
  x <- em_fixture("em_mar_lavaan.rds")$x
  set.seed(3)
  w <- sample(0:3, nrow(x), replace = TRUE)
  weighted <- em_moments(x, case_weights = w)
  replicated <- em_moments(x[rep(seq_len(nrow(x)), w), ])
  expect_equal(weighted$mean, replicated$mean, tolerance = 1e-10)
  expect_equal(weighted$cov, replicated$cov, tolerance = 1e-10)
  expect_equal(weighted$loglik, replicated$loglik, tolerance = 1e-10)
  expect_identical(weighted$nobs, as.double(sum(w)))
  # weight 0: as if the row were not there, whatever its pattern or values
  zero <- c(1, 2, which(is.na(x[, "y1"]))[1:3], which(is.na(x[, "x3"]))[1])
  w <- rep(1, nrow(x))
  w[zero] <- 0
  x_bad <- x
  x_bad[zero, "y3"] <- 1e6 # values of absent rows do not matter
  dropped <- em_moments(x[-zero, ])
  for (kept in list(em_moments(x, case_weights = w), em_moments(x_bad, case_weights = w))) {
    expect_equal(kept$mean, dropped$mean, tolerance = 1e-12)
    expect_equal(kept$cov, dropped$cov, tolerance = 1e-12)
    expect_identical(kept$iterations, dropped$iterations)
  }
})

test_that("one grouping by pattern serves many weight vectors, in one thread or two", {
  x <- em_fixture("em_mar_lavaan.rds")$x
  set.seed(4)
  W <- vapply(1:6, function(b) tabulate(sample(nrow(x), replace = TRUE), nrow(x)), numeric(nrow(x)))
  W[, 6] <- stats::runif(nrow(x))
  many <- iecpls:::c_em_moments(x, W, tol = 1e-10, max_iter = 10000L, loglik = TRUE)
  expect_identical(dim(many$cov), c(6L, 6L, 6L))
  expect_true(all(many$status == iecpls:::status_code("ok")))
  for (b in 1:6) {
    one <- iecpls:::c_em_moments(x, W[, b], tol = 1e-10, max_iter = 10000L, loglik = TRUE)
    expect_identical(many$mean[, b], one$mean[, 1])
    expect_identical(many$cov[, , b], one$cov[, , 1])
    expect_identical(many$iterations[b], one$iterations)
    expect_identical(many$loglik[b], one$loglik)
  }
  two <- iecpls:::c_em_moments(x, W, tol = 1e-10, max_iter = 10000L, loglik = TRUE, threads = 2L)
  expect_identical(two, many)
  # the patterns do not depend on the weights
  expect_identical(many$n_patterns, nrow(unique(is.na(x))))
})

test_that("EM started at its solution stops after one iteration; rows with nothing observed are left out", {
  x <- em_fixture("em_mar_lavaan.rds")$x
  em <- em_moments(x, tol = 1e-13)
  again <- em_moments(x, start = list(mean = em$mean, cov = em$cov))
  expect_identical(again$iterations, 1L)
  expect_equal(again$cov, em$cov, tolerance = 1e-12)
  empty <- rbind(x, NA, NA)
  padded <- em_moments(empty, tol = 1e-13)
  expect_identical(padded$nobs, as.double(nrow(x)))
  expect_equal(padded$cov, em$cov, tolerance = 1e-12)
  expect_equal(padded$loglik, em$loglik, tolerance = 1e-12)
})

test_that("em_impute() gives the conditional expectations of the regression formula", {
  for (p in c(6L, 60L)) {
    data <- random_normal_data(40, p, seed = p)
    x <- data$x
    set.seed(p + 1)
    x[matrix(stats::runif(40 * p) < 0.3, 40)] <- NA
    x[1, ] <- NA                       # nothing observed: the means
    x[2, ] <- data$x[2, ]              # complete: unchanged
    x[3, -1] <- NA                     # one observed (more missing than observed)
    x[4, 1] <- NA                      # one missing
    if (p > 50) x[5, 1:34] <- NA       # a large observed block (LAPACK's Cholesky)
    completed <- em_impute(x, data$mean, data$sigma)
    expect_equal(completed, impute_oracle(x, data$mean, data$sigma), tolerance = 1e-10)
    expect_identical(completed[!is.na(x)], x[!is.na(x)])
    expect_identical(dimnames(completed), dimnames(x))
  }
  # a covariance matrix that is not positive definite
  sigma <- matrix(1, 3, 3)
  x <- rbind(c(1, 2, NA), c(NA, 3, NA))
  err <- tryCatch(em_impute(x, rep(0, 3), sigma), error = identity)
  expect_s3_class(err, c("iecpls_em_singular", "iecpls_estimation_error", "iecpls_error"))
  expect_match(conditionMessage(err), "V2")
})

test_that("EM stopping at max_iter warns with a class; the estimates are the last iterate", {
  x <- em_fixture("em_mar_lavaan.rds")$x
  expect_warning(em <- em_moments(x, max_iter = 3), class = "iecpls_em_not_converged_warning")
  expect_false(em$converged)
  expect_identical(em$iterations, 3L)
  expect_gt(em$change, 1e-10)
  warning <- tryCatch(em_moments(x, max_iter = 3), warning = identity)
  expect_s3_class(warning, c("iecpls_em_not_converged_warning", "iecpls_warning"))
  expect_match(conditionMessage(warning), "3 iterations")
  expect_no_warning(em_moments(x, max_iter = 1000))
})

test_that("data EM cannot use are classed errors that name the column", {
  data <- random_normal_data(30, 4, seed = 5)
  x <- data$x
  x[, "v3"] <- NA
  err <- tryCatch(em_moments(x), error = identity)
  expect_s3_class(err, c("iecpls_all_missing", "iecpls_data_error", "iecpls_error"))
  expect_match(conditionMessage(err), "v3")
  # observed only in rows of weight 0: not observed in this sample
  x <- data$x
  x[-(1:3), "v2"] <- NA
  w <- c(0, 0, 0, rep(1, 27))
  err <- tryCatch(em_moments(x, case_weights = w), error = identity)
  expect_s3_class(err, "iecpls_all_missing")
  expect_match(conditionMessage(err), "v2")
  x <- data$x
  x[, "v4"] <- 2
  x[1:5, "v4"] <- NA
  expect_error(em_moments(x), class = "iecpls_zero_variance_indicator")
  x <- data$x
  x[7, "v1"] <- Inf
  expect_error(em_moments(x), class = "iecpls_infinite_values")
  expect_error(em_moments(data$x[1, , drop = FALSE]), class = "iecpls_too_few_rows")
  expect_error(em_moments(data$x, case_weights = c(2, rep(0, 29))), class = "iecpls_too_few_rows")
  # a column equal to another: the covariance matrix becomes singular
  x <- data$x
  x[, "v2"] <- x[, "v1"]
  x[1:4, "v1"] <- NA
  x[5:8, "v2"] <- NA
  err <- tryCatch(em_moments(x), error = identity)
  expect_s3_class(err, c("iecpls_em_singular", "iecpls_estimation_error", "iecpls_error"))
  expect_match(conditionMessage(err), "v1|v2")
  expect_error(em_moments(data.frame(a = c("x", "y"), b = 1:2)), class = "iecpls_non_numeric_column")
  expect_error(em_moments(data$x, case_weights = -1:28), class = "iecpls_case_weights_error")
  expect_error(em_moments(data$x, tol = 0), class = "iecpls_input_error")
})

test_that("data missing at random: EM is unbiased where mean replacement is not (Monte Carlo)", {
  skip_on_cran() # 400 samples, each with EM and three PLS fits
  # X -> Y with three indicators each; y1 is missing with probability
  # plogis(2 x1 - 1) (35% on average, mostly where x1 is high), x1 always
  # observed: missing at random. For each estimate, the tolerance is four
  # Monte Carlo standard errors (sd / sqrt(reps)) of the estimator checked.
  sigma <- mar_population()
  syntax <- "X =~ x1 + x2 + x3\nY =~ y1 + y2 + y3\nY ~ X"
  n <- 300
  reps <- 400
  pairs <- which(lower.tri(sigma))
  set.seed(2019)
  draws <- replicate(reps, simplify = FALSE, {
    x <- matrix(stats::rnorm(n * 6), n) %*% chol(sigma)
    colnames(x) <- colnames(sigma)
    incomplete <- x
    incomplete[stats::runif(n) < stats::plogis(2 * x[, "x1"] - 1), "y1"] <- NA
    replaced <- incomplete
    replaced[is.na(replaced[, "y1"]), "y1"] <- mean(incomplete[, "y1"], na.rm = TRUE)
    em <- em_moments(incomplete)
    list(em_cor = em$cor[pairs], mean_cor = stats::cor(replaced)[pairs],
         em_mean = em$mean[["y1"]], observed_mean = mean(replaced[, "y1"]),
         complete_path = pls(syntax, data = x)$path_coef["X", "Y"],
         em_path = pls(syntax, S = em$cor, nobs = n)$path_coef["X", "Y"],
         mean_path = pls(syntax, data = incomplete, missing = "mean")$path_coef["X", "Y"])
  })
  pull <- function(name) do.call(rbind, lapply(draws, `[[`, name))
  bias <- function(estimates, truth) colMeans(estimates) - truth
  mc_se <- function(estimates) apply(estimates, 2, stats::sd) / sqrt(reps)

  # the correlations (all 15) and the mean of y1 from the EM moments
  em_cor <- pull("em_cor")
  tolerance <- 4 * mc_se(em_cor)
  expect_true(all(abs(bias(em_cor, sigma[pairs])) < tolerance))
  cell <- arrayInd(pairs, dim(sigma))
  x1_y1 <- which(rownames(sigma)[cell[, 1]] == "y1" & colnames(sigma)[cell[, 2]] == "x1")
  mean_cor <- pull("mean_cor")
  expect_gt(abs(bias(mean_cor, sigma[pairs])[x1_y1]), 4 * mc_se(mean_cor)[x1_y1])
  expect_gt(abs(bias(mean_cor, sigma[pairs])[x1_y1]), tolerance[x1_y1])
  em_mean <- pull("em_mean")
  expect_lt(abs(bias(em_mean, 0)), 4 * mc_se(em_mean))
  observed_mean <- pull("observed_mean")
  expect_gt(abs(bias(observed_mean, 0)), 4 * mc_se(observed_mean))

  # the PLS path X -> Y fitted from the EM correlation matrix matches the fit
  # of the complete data (paired, sample by sample), which mean replacement
  # does not. (The PLS path itself is not consistent, and at n = 300 it
  # lies above its probability limit by about 0.007 with or without missing
  # data, so the reference is the complete-data fit of the same samples.)
  complete <- pull("complete_path")
  em_diff <- pull("em_path") - complete
  mean_diff <- pull("mean_path") - complete
  expect_lt(abs(mean(em_diff)), 4 * mc_se(em_diff))
  expect_gt(abs(mean(mean_diff)), 4 * mc_se(mean_diff))
  expect_gt(abs(mean(mean_diff)), 4 * mc_se(em_diff))
})
