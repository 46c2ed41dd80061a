# pls_cvpat() against a plain-R CVPAT on the same folds, and its behaviour.

test_that("losses, t statistic and p values agree with a plain-R CVPAT on the same folds", {
  fit <- pls(small_ecsi_syntax, data = mobi, tol = 1e-12)
  folds <- rep(1:5, length.out = 250)
  set.seed(9)
  cv <- pls_cvpat(fit, folds = folds, R = 500)
  ref <- reference_cvpat_losses(mobi, small_ecsi_syntax, folds)
  expect_equal(unname(cv$losses$model[, "(all)"]), unname(ref$model), tolerance = 1e-8)
  expect_equal(unname(cv$losses$IA[, "(all)"]), unname(ref$IA), tolerance = 1e-10)
  expect_equal(unname(cv$losses$LM[, "(all)"]), unname(ref$LM), tolerance = 1e-8)
  set.seed(9)
  resamples <- matrix(sample.int(250, 250 * 500, replace = TRUE), 250)
  for (b in c("IA", "LM")) {
    row <- cv$tests[cv$tests$benchmark == b & cv$tests$construct == "(all)", ]
    tt <- t.test(ref$model, ref[[b]], paired = TRUE)
    expect_equal(row$t, unname(tt$statistic), tolerance = 1e-6)
    expect_equal(row$p, tt$p.value, tolerance = 1e-6)
    expect_equal(row$diff, unname(tt$estimate), tolerance = 1e-8)
    expect_identical(row$df, 249)
    d <- ref$model - ref[[b]]
    t_star <- apply(resamples, 2, function(i) (mean(d[i]) - mean(d)) / (sd(d[i]) / sqrt(250)))
    expect_equal(row$p_boot, mean(abs(t_star) >= abs(row$t)), tolerance = 1e-12)
  }
  less <- pls_cvpat(fit, folds = folds, R = 0, alternative = "less", benchmark = "LM")
  tt <- t.test(ref$model, ref$LM, paired = TRUE, alternative = "less")
  expect_equal(less$tests$p[less$tests$construct == "(all)"], tt$p.value, tolerance = 1e-6)
  expect_true(all(is.na(less$tests$p_boot)))
  expect_identical(unique(less$tests$benchmark), "LM")
  # per construct: the losses over its own indicators
  loyalty <- rowMeans((cv$prediction$predictions$actual[, 4:6] - cv$prediction$predictions$pls[, 4:6])^2)
  expect_equal(unname(cv$losses$model[, "Loyalty"]), unname(loyalty))
})

test_that("a good model beats the indicator averages; a pure-noise predictor beats neither benchmark", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(1)
  cv <- pls_cvpat(fit, reps = 2, R = 1000, alternative = "less")
  ia <- cv$tests[cv$tests$benchmark == "IA", ]
  expect_true(all(ia$diff < 0))
  expect_true(all(ia$p < 0.001))
  expect_true(all(ia$p_boot < 0.01))
  set.seed(2)
  noisy <- mobi
  noisy[c("N1", "N2", "N3")] <- matrix(rnorm(750), 250)
  noise_fit <- pls("Noise =~ N1 + N2 + N3\n Loyalty =~ CUSL1 + CUSL2 + CUSL3\n Loyalty ~ Noise", data = noisy)
  noise <- pls_cvpat(noise_fit, reps = 2, R = 1000, alternative = "less")
  expect_true(all(noise$tests$p > 0.05))
  expect_true(all(noise$tests$diff[noise$tests$benchmark == "IA"] > 0))
})

test_that("standardized losses divide the errors by the indicators' sds", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  folds <- rep(1:4, length.out = 250)
  cv <- pls_cvpat(fit, folds = folds, R = 0, standardize = TRUE)
  p <- cv$prediction$predictions
  errors <- sweep(p$actual - p$pls, 2, fit$sds[colnames(p$actual)], "/")
  expect_equal(unname(cv$losses$model[, "(all)"]), unname(rowMeans(errors^2)))
})

test_that("pls_cvpat() prints, tidies and checks its arguments", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(4)
  cv <- pls_cvpat(fit, k = 5, reps = 1, R = 200)
  expect_output(print(cv), "CVPAT: 5-fold cross-validation, 1 repetition")
  expect_output(print(cv), "p_boot")
  expect_output(print(pls_cvpat(fit, k = 5, reps = 1, R = 0)), "two-sided paired t\\s+test\n")
  expect_identical(tidy(cv), cv$tests)
  expect_identical(nrow(cv$tests), 6L)
  expect_error(pls_cvpat(fit, benchmark = "XX"), "`benchmark` must be one or more of", class = "iecpls_input_error")
  expect_error(pls_cvpat(fit, R = -1), "R")
  expect_error(pls_cvpat(fit, standardize = NA), "standardize")
})

test_that("pls_cvpat() uses the cases the fit used and says which rows leave some out (#22)", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  set.seed(5)
  expect_message(cv <- pls_cvpat(fit, k = 5, reps = 1, R = 50), "CUSA: 1 case",
                 class = "iecpls_cvpat_cases_message")
  expect_identical(nrow(cv$losses$model), 344L)
  expect_identical(fit$nobs, 344L)
  # one case did not answer the single CUSA item: only that row leaves it out
  tests <- cv$tests[cv$tests$benchmark == "IA", ]
  expect_identical(tests$df[tests$construct == "CUSA"], 342)
  expect_identical(tests$df[tests$construct != "CUSA"], rep(343, 4))
  expect_true(all(is.finite(cv$tests$p_boot)))
  # a case's loss is the mean over the indicators it answered
  p <- cv$prediction$predictions
  expect_equal(unname(cv$losses$model[, "(all)"]), unname(rowMeans((p$actual - p$pls)^2, na.rm = TRUE)))
  cusa <- is.na(p$actual[, "cusa"])
  expect_identical(unname(which(is.na(cv$losses$IA[, "CUSA"]))), which(cusa))
  expect_equal(tests$loss[tests$construct == "CUSA"], mean((p$actual[!cusa, "cusa"] - p$pls[!cusa, "cusa"])^2))
})

test_that("pls_cvpat() on a casewise fit uses its complete rows, silently", {
  fit <- suppressMessages(pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "casewise"))
  set.seed(5)
  expect_no_message(cv <- pls_cvpat(fit, k = 5, reps = 1, R = 0))
  expect_identical(nrow(cv$losses$model), fit$nobs)
  expect_identical(fit$nobs, 336L)
  expect_false(anyNA(cv$losses$model))
})

test_that("pls_cvpat() leaves out, and counts, a case that answered no endogenous indicator", {
  data <- corp_rep_data
  endogenous <- c("comp_1", "comp_2", "comp_3", "like_1", "like_2", "like_3", "cusa", "cusl_1", "cusl_2", "cusl_3")
  data[10, endogenous] <- NA
  fit <- pls(corp_rep_syntax, data = data, na_values = -99, missing = "mean")
  set.seed(5)
  expect_message(cv <- pls_cvpat(fit, k = 5, reps = 1, R = 0), "1 case that answered no endogenous indicator")
  expect_identical(nrow(cv$losses$model), 343L)
})
