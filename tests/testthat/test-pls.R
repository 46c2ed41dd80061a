test_that("a fit has the documented fields and shapes", {
  fit <- pls(ecsi_syntax, data = mobi)
  expect_s3_class(fit, "pls_fit")
  p <- 24
  K <- 7
  expect_equal(dim(fit$outer_weights), c(p, K))
  expect_equal(dim(fit$outer_loadings), c(p, K))
  expect_equal(dim(fit$cross_loadings), c(p, K))
  expect_equal(dim(fit$path_coef), c(K, K))
  expect_equal(dim(fit$scores), c(250, K))
  expect_equal(names(fit$r2), c("Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"))
  expect_equal(rownames(fit$outer_weights), fit$model$indicators)
  expect_equal(colnames(fit$path_coef), fit$model$constructs)
  # zero outside each construct's block
  expect_equal(fit$outer_weights["IMAG1", "Quality"], 0)
  expect_equal(fit$outer_loadings["IMAG1", "Quality"], 0)
  expect_true(fit$cross_loadings["IMAG1", "Quality"] != 0)
  expect_true(fit$converged)
  expect_gt(fit$iterations, 1)
  expect_equal(nobs(fit), 250)
  expect_identical(fitted(fit), fit$scores)
})

test_that("construct scores are standardized and reproduce the reported correlations", {
  fit <- pls(ecsi_syntax, data = mobi)
  expect_equal(unname(colMeans(fit$scores)), rep(0, 7), tolerance = 1e-12)
  expect_equal(unname(apply(fit$scores, 2, stats::sd)), rep(1, 7), tolerance = 1e-12)
  expect_equal(stats::cor(fit$scores), fit$construct_cor, tolerance = 1e-12)
  expect_equal(stats::cor(mobi[fit$model$indicators], fit$scores), fit$cross_loadings, tolerance = 1e-12)
  # path coefficients are the OLS regressions on the scores
  scores <- as.data.frame(fit$scores)
  ols <- stats::coef(stats::lm(Satisfaction ~ Image + Expectation + Quality + Value, data = scores))
  expect_equal(unname(ols[-1]), unname(fit$path_coef[c("Image", "Expectation", "Quality", "Value"), "Satisfaction"]),
               tolerance = 1e-10)
  r2 <- summary(stats::lm(Loyalty ~ Image + Satisfaction + Complaints, data = scores))
  expect_equal(unname(fit$r2["Loyalty"]), r2$r.squared, tolerance = 1e-10)
  expect_equal(unname(fit$r2_adj["Loyalty"]), r2$adj.r.squared, tolerance = 1e-10)
})

test_that("each block's weights give a unit-variance composite", {
  for (scheme in c("path", "factorial", "centroid")) {
    fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean", scheme = scheme)
    W <- fit$outer_weights
    expect_equal(unname(diag(t(W) %*% fit$indicator_cor %*% W)), rep(1, 8), tolerance = 1e-12)
  }
})

test_that("fitting from a correlation or covariance matrix equals fitting from data", {
  fit <- pls(ecsi_syntax, data = mobi)
  from_cor <- pls(ecsi_syntax, S = stats::cor(mobi), nobs = 250)
  from_cov <- pls(ecsi_syntax, S = stats::cov(mobi), nobs = 250)
  expect_same_estimates(from_cor, fit, tolerance = 1e-12)
  expect_same_estimates(from_cov, fit, tolerance = 1e-12)
  expect_equal(from_cor$r2_adj, fit$r2_adj, tolerance = 1e-12)
  expect_null(from_cor$scores)
  no_n <- pls(ecsi_syntax, S = stats::cor(mobi))
  expect_true(all(is.na(no_n$r2_adj)))
  expect_output(print(no_n), "correlation matrix input")
  # a matrix with extra or reordered indicators is subset and reordered
  shuffled <- stats::cor(mobi[, rev(names(mobi))])
  expect_same_estimates(pls(ecsi_syntax, S = shuffled), fit, tolerance = 1e-12)
})

test_that("corp_rep model: mean replacement, -99 codes and Mode B", {
  clean <- corp_rep_mean_replaced()
  manual <- pls(corp_rep_syntax, data = clean)
  coded <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  expect_same_estimates(coded, manual, tolerance = 1e-12)
  expect_equal(coded$scores, manual$scores, tolerance = 1e-12)
  expect_equal(unname(coded$model$modes[c("QUAL", "COMP")]), c("B", "A"))
})

test_that("missing values: fail names the columns, casewise uses complete rows", {
  err <- expect_error(pls(corp_rep_syntax, data = corp_rep_data, na_values = -99), "missing values")
  for (column in c("cusl_1", "cusl_2", "cusl_3", "cusa")) expect_match(conditionMessage(err), column)
  coded <- corp_rep_data
  coded[coded == -99] <- NA
  complete <- stats::na.omit(coded[parse_model(corp_rep_syntax)$indicators])
  expect_message(casewise <- pls(corp_rep_syntax, data = coded, missing = "casewise"), "rows with missing")
  direct <- pls(corp_rep_syntax, data = complete)
  expect_same_estimates(casewise, direct, tolerance = 1e-12)
  expect_equal(nobs(casewise), nrow(complete))
  expect_equal(sum(casewise$rows_used), nrow(complete))
  expect_equal(unname(casewise$scores), unname(direct$scores), tolerance = 1e-12)
  expect_equal(rownames(casewise$scores), rownames(coded)[casewise$rows_used])
  # mean replacement with NA equals the -99 code route
  expect_same_estimates(pls(corp_rep_syntax, data = coded, missing = "mean"),
                        pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean"))
})

test_that("case weights: unit weights change nothing, integer weights equal repeated rows", {
  fit <- pls(ecsi_syntax, data = mobi)
  unit <- pls(ecsi_syntax, data = mobi, case_weights = rep(1, 250))
  expect_same_estimates(unit, fit, tolerance = 1e-12)
  expect_equal(unit$scores, fit$scores, tolerance = 1e-12)

  set.seed(1)
  counts <- sample(0:3, 250, replace = TRUE)
  weighted <- pls(ecsi_syntax, data = mobi, case_weights = counts)
  repeated <- pls(ecsi_syntax, data = mobi[rep(seq_len(250), counts), ])
  expect_same_estimates(weighted, repeated, tolerance = 1e-10)
  expect_equal(unname(weighted$scores[rep(seq_len(250), counts), ]), unname(repeated$scores), tolerance = 1e-10)
  # the scale of the weights does not matter for the estimates
  expect_same_estimates(pls(ecsi_syntax, data = mobi, case_weights = counts * 7.5), weighted, tolerance = 1e-10)
  # a column of data may hold the weights
  with_column <- cbind(mobi, w = counts)
  expect_same_estimates(pls(ecsi_syntax, data = with_column, case_weights = "w"), weighted, tolerance = 1e-12)
})

test_that("rows of weight zero are as if absent: nobs, adjusted R^2, bootstrap, groups (#15, defect 12)", {
  weights <- rep(c(1, 2, 0, 1, 3), length.out = nrow(mobi))
  kept <- weights > 0
  fit <- pls(small_ecsi_syntax, data = mobi, case_weights = weights)
  absent <- pls(small_ecsi_syntax, data = mobi[kept, ], case_weights = weights[kept])
  expect_identical(nobs(fit), sum(kept))
  expect_equal(fit$r2_adj, absent$r2_adj, tolerance = 1e-12)
  set.seed(4)
  boot <- pls_boot(fit, R = 30)
  set.seed(4)
  boot_absent <- pls_boot(absent, R = 30)
  expect_equal(boot$draws, boot_absent$draws, tolerance = 1e-10)
  expect_equal(summary(boot)$p, summary(boot_absent)$p, tolerance = 1e-10)
  group <- rep(c("a", "b"), length.out = nrow(mobi))
  set.seed(4)
  mga <- pls_mga(fit, group, R = 20)
  set.seed(4)
  mga_absent <- pls_mga(absent, group[kept], R = 20)
  expect_identical(mga$groups, mga_absent$groups)
  expect_equal(mga$tests, mga_absent$tests, tolerance = 1e-10)
})

test_that("case weights of any finite scale fit; negligible weights are zero (#15, defect 12)", {
  tiny <- c(1, 1, rep(1e-320, nrow(mobi) - 2))
  expect_error(pls(small_ecsi_syntax, data = mobi, case_weights = tiny), "only 2 rows with a positive case weight", class = "iecpls_too_few_cases")
  fit <- pls(small_ecsi_syntax, data = mobi)
  huge <- pls(small_ecsi_syntax, data = mobi, case_weights = rep(1e306, nrow(mobi)))
  expect_same_estimates(huge, fit, tolerance = 1e-12)
  # a power of 2 apart, so the weights below 2^55 are exactly those the
  # large ones are rescaled to: the same fit to the last bit
  set.seed(6)
  weights <- runif(nrow(mobi), 1, 2) * 2^54
  expect_identical(pls(small_ecsi_syntax, data = mobi, case_weights = weights * 2^960)$scores,
                   pls(small_ecsi_syntax, data = mobi, case_weights = weights)$scores)
})

test_that("case weights are checked", {
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = rep(1, 10)), "10 values.*250 rows", class = "iecpls_case_weights_error")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = c(-1, rep(1, 249))), "negative", class = "iecpls_case_weights_error")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = c(NA, rep(1, 249))), "missing", class = "iecpls_case_weights_error")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = "weight"), "weight", class = "iecpls_unknown_column")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = letters), "numeric", class = "iecpls_case_weights_error")
})

test_that("non-convergence is a warning and a flag", {
  expect_warning(fit <- pls(ecsi_syntax, data = mobi, max_iter = 2), "did not converge in 2 iterations")
  expect_false(fit$converged)
  expect_equal(fit$iterations, 2)
  expect_output(print(fit), "did NOT converge")
})

test_that("the tolerance controls how close the estimates are to the fixed point", {
  tight <- pls(ecsi_syntax, data = mobi, tol = 1e-12, max_iter = 1000)
  loose <- pls(ecsi_syntax, data = mobi, tol = 1e-4)
  expect_lt(loose$iterations, tight$iterations)
  expect_lt(max(abs(loose$outer_weights - tight$outer_weights)), 1e-3)
})

test_that("a singular Mode B block is an error naming the construct and indicators", {
  data <- mobi
  data$IMAG6 <- data$IMAG1 + data$IMAG2
  syntax <- sub("IMAG5", "IMAG5 + IMAG6", sub("Image        =~", "Image <~", ecsi_syntax))
  expect_error(pls(syntax, data = data), "Image.*collinear")
  err <- tryCatch(pls(syntax, data = data), error = conditionMessage)
  expect_match(err, "IMAG6")
  # the same block in Mode A is fine
  expect_s3_class(pls(syntax, data = data, modes = c(Image = "A")), "pls_fit")
})

test_that("zero-variance and all-missing indicators are named", {
  data <- mobi
  data$CUSCO <- 5L
  expect_error(pls(ecsi_syntax, data = data), "CUSCO.*zero variance")
  data <- mobi
  data$PERV2 <- NA_real_
  expect_error(pls(ecsi_syntax, data = data, missing = "mean"), "PERV2.*no observed value")
})

test_that("data problems give errors that name the column", {
  data <- mobi
  names(data)[names(data) == "CUSA2"] <- "CUSA_2"
  expect_error(pls(ecsi_syntax, data = data), "CUSA2.*did you mean.*CUSA_2", class = "iecpls_unknown_column")
  data <- mobi
  data$CUSA1 <- as.character(data$CUSA1)
  expect_error(pls(ecsi_syntax, data = data), "not numeric.*CUSA1.*character", class = "iecpls_non_numeric_column")
  data <- mobi
  data$CUSA1[3] <- Inf
  expect_error(pls(ecsi_syntax, data = data), "CUSA1.*infinite")
  expect_error(pls(ecsi_syntax), "data", class = "iecpls_input_error")
  expect_error(pls(ecsi_syntax, data = mobi, S = cor(mobi)), "not both", class = "iecpls_input_error")
  expect_error(pls(ecsi_syntax, data = mobi, scheme = "lines"), "`scheme` must be one of", class = "iecpls_input_error")
  expect_error(pls(ecsi_syntax, data = mobi, tol = -1), "tol", class = "iecpls_input_error")
  expect_error(pls(ecsi_syntax, data = mobi, max_iter = 2.5), "max_iter", class = "iecpls_input_error")
  expect_error(pls(42, data = mobi), "model", class = "iecpls_input_error")
})

test_that("mode overrides are checked and applied", {
  fit <- pls(ecsi_syntax, data = mobi, modes = c(Quality = "B", Value = "b"))
  expect_equal(unname(fit$model$modes[c("Quality", "Value", "Image")]), c("B", "B", "A"))
  expect_error(pls(ecsi_syntax, data = mobi, modes = c(Qualty = "B")), "Qualty.*did you mean.*Quality", class = "iecpls_unknown_name")
  expect_error(pls(ecsi_syntax, data = mobi, modes = c(Quality = "C")), "Quality", class = "iecpls_input_error")
  expect_error(pls(ecsi_syntax, data = mobi, modes = "B"), "named", class = "iecpls_input_error")
})

test_that("covariance input is checked", {
  S <- stats::cor(mobi)
  bad <- S
  bad[1, 2] <- 0.9
  expect_error(pls(ecsi_syntax, S = bad), "symmetric", class = "iecpls_data_error")
  expect_error(pls(ecsi_syntax, S = unname(S)), "names", class = "iecpls_data_error")
  not_psd <- S
  not_psd["IMAG1", "IMAG2"] <- not_psd["IMAG2", "IMAG1"] <- -0.99
  expect_error(pls(ecsi_syntax, S = not_psd), "positive semidefinite", class = "iecpls_data_error")
  expect_error(pls(ecsi_syntax, S = S[1:5, 1:5]), "not in `S`", class = "iecpls_unknown_column")
})

test_that("input types give identical results and the user's data is not changed", {
  fit <- pls(ecsi_syntax, data = mobi)
  as_double <- mobi
  as_double[] <- lapply(as_double, as.double)
  before <- as_double
  expect_same_estimates(pls(ecsi_syntax, data = as_double), fit, tolerance = 0)
  expect_identical(as_double, before)
  expect_same_estimates(pls(ecsi_syntax, data = as.matrix(mobi)), fit, tolerance = 0)
  ordered_data <- mobi
  ordered_data$CUSCO <- factor(mobi$CUSCO, levels = 1:10, ordered = TRUE)
  expect_message(from_ordered <- pls(ecsi_syntax, data = ordered_data, ordinal = FALSE), "CUSCO")
  expect_same_estimates(from_ordered, fit, tolerance = 0)
  coded <- corp_rep_data
  pls(corp_rep_syntax, data = coded, na_values = -99, missing = "mean")
  expect_identical(coded, corp_rep_data)
  # repeated calls are bit-identical
  expect_identical(pls(ecsi_syntax, data = mobi)[1:8], fit[1:8])
})

test_that("print and coef give readable results", {
  fit <- pls(ecsi_syntax, data = mobi)
  expect_output(print(fit), "converged after")
  expect_output(print(fit), "Satisfaction")
  paths <- coef(fit)
  expect_length(paths, 12)
  expect_equal(unname(paths["Quality -> Satisfaction"]), fit$path_coef["Quality", "Satisfaction"])
  loadings <- coef(fit, "loadings")
  expect_equal(unname(loadings["Image =~ IMAG1"]), fit$outer_loadings["IMAG1", "Image"])
  weights <- coef(pls(corp_rep_syntax, data = corp_rep_mean_replaced()), "weights")
  expect_true("QUAL <~ qual_1" %in% names(weights))
})

test_that("single-indicator constructs have weight and loading 1", {
  fit <- pls(ecsi_syntax, data = mobi)
  expect_equal(fit$outer_weights["CUSCO", "Complaints"], 1, tolerance = 1e-12)
  expect_equal(fit$outer_loadings["CUSCO", "Complaints"], 1, tolerance = 1e-12)
})
