# pls_predict() (PLSpredict) against seminr's predict_pls() (fixtures written
# by tools/make-fixtures-predict.R), and against refits with pls().

predict_fixture <- function() readRDS(test_path("fixtures", "predict_corp_rep_seminr.rds"))

test_that("RMSE, MAE, Q2_predict and the LM benchmark agree with seminr on the same folds", {
  fx <- predict_fixture()
  data <- corp_rep_mean_replaced()
  for (name in names(fx$runs)) {
    run <- fx$runs[[name]]
    fit <- suppressWarnings(pls(corp_rep_syntax, data = data, tol = 1e-12, max_iter = 1000,
                                consistent = run$reflective))
    pp <- pls_predict(fit, technique = run$technique, folds = run$folds)
    ind <- pp$indicators
    for (stat in c("rmse", "mae", "q2_predict", "lm_rmse", "lm_mae", "lm_q2_predict")) {
      expect_equal(ind[[stat]], unname(run[[stat]][ind$indicator]), tolerance = 1e-6, label = paste(name, stat))
    }
    expect_equal(pp$predictions$pls, run$predictions, tolerance = 1e-6, ignore_attr = TRUE)
    expect_equal(pp$predictions$lm, run$lm_predictions, tolerance = 1e-6, ignore_attr = TRUE)
    if (run$reps == 1) {
      # seminr's construct metrics use the last repetition only
      expect_equal(pp$constructs$rmse^2, unname(run$construct_mse[pp$constructs$construct]), tolerance = 1e-6)
      expect_equal(pp$constructs$mae, unname(run$construct_mae[pp$constructs$construct]), tolerance = 1e-6)
    }
    expect_equal(pp$reps, run$reps)
    expect_equal(pp$k, run$k)
  }
})

test_that("after the same set.seed() the folds are seminr's", {
  fx <- predict_fixture()
  fit <- pls(corp_rep_syntax, data = corp_rep_mean_replaced())
  set.seed(123)
  expect_identical(pls_predict(fit, k = 10, reps = 1)$folds, fx$runs$da$folds)
  set.seed(42)
  pp <- pls_predict(fit, k = 10, reps = 3)
  expect_identical(pp$folds, fx$runs$da_reps$folds)
  set.seed(42)
  expect_identical(pls_predict(fit, k = 10, reps = 3)$indicators, pp$indicators)
})

test_that("each fold is predicted by pls() on the other folds, and repetitions are averaged", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  folds <- cbind(rep(1:3, length.out = 250), rep(c(2, 1, 3, 3), length.out = 250))
  pp <- pls_predict(fit, folds = folds)
  items <- pp$indicators$indicator
  by_rep <- lapply(1:2, function(r) {
    out <- naive <- matrix(NA_real_, 250, length(items))
    for (f in 1:3) {
      test <- folds[, r] == f
      train_fit <- pls(small_ecsi_syntax, data = mobi[!test, ])
      out[test, ] <- predict(train_fit, mobi[test, ])$indicators
      naive[test, ] <- rep(colMeans(mobi[!test, items]), each = sum(test))
    }
    list(pls = out, naive = naive)
  })
  pls_avg <- (by_rep[[1]]$pls + by_rep[[2]]$pls) / 2
  naive_avg <- (by_rep[[1]]$naive + by_rep[[2]]$naive) / 2
  expect_equal(pp$predictions$pls, pls_avg, tolerance = 1e-8, ignore_attr = TRUE)
  actual <- as.matrix(mobi[items])
  expect_equal(pp$indicators$rmse, unname(sqrt(colMeans((actual - pls_avg)^2))), tolerance = 1e-8)
  expect_equal(pp$indicators$mae, unname(colMeans(abs(actual - pls_avg))), tolerance = 1e-8)
  expect_equal(pp$indicators$q2_predict,
               unname(1 - colSums((actual - pls_avg)^2) / colSums((actual - naive_avg)^2)), tolerance = 1e-8)
  # LM benchmark of Loyalty (DA): its items on the Image and Satisfaction items
  test <- folds[, 1] == 2
  x <- c(paste0("IMAG", 1:5), paste0("CUSA", 1:3))
  lm_fit <- lm(as.matrix(mobi[!test, c("CUSL1", "CUSL2", "CUSL3")]) ~ ., data = mobi[!test, x])
  lm_pred <- predict(lm_fit, mobi[test, x])
  one_rep <- pls_predict(fit, folds = folds[, 1])
  expect_equal(one_rep$predictions$lm[test, c("CUSL1", "CUSL2", "CUSL3")], lm_pred, tolerance = 1e-10,
               ignore_attr = TRUE)
})

test_that("the decision table follows Shmueli et al. (2019)", {
  expect_identical(vapply(c(0, 1, 2, 3), iecpls:::predictive_power, "", total = 3),
                   c("none", "low", "medium", "high"))
  expect_identical(iecpls:::predictive_power(2, 4), "medium")
  expect_identical(iecpls:::predictive_power(1, 4), "low")
  indicators <- data.frame(construct = c("A", "A", "B"), rmse = c(1, 2, 1), lm_rmse = c(2, 1, 2),
                           mae = c(1, 1, 3), lm_mae = c(2, 2, 2), q2_predict = c(0.1, -0.1, 0.2))
  table <- iecpls:::decision_table(indicators)
  expect_identical(table$construct, c("A", "B", "(all)"))
  expect_identical(table$pls_below_lm_rmse, c(1L, 1L, 2L))
  expect_identical(table$power_rmse, c("medium", "high", "medium"))
  expect_identical(table$power_mae, c("high", "none", "medium"))
  expect_identical(table$q2_positive, c(1L, 1L, 2L))
})

test_that("missing values and casewise deletion are handled in every training fit", {
  data <- mobi
  data$CUSA2[c(3, 50, 120)] <- NA
  data$IMAG1[7] <- NA
  fit <- pls(small_ecsi_syntax, data = data, missing = "mean")
  set.seed(3)
  pp <- pls_predict(fit, k = 5, reps = 1)
  expect_false(anyNA(pp$indicators))
  expect_true(all(is.na(pp$predictions$actual[c(3, 50, 120), "CUSA2"])))
  expect_false(anyNA(pp$predictions$pls))
  casewise <- suppressMessages(pls(small_ecsi_syntax, data = data, missing = "casewise"))
  set.seed(3)
  pp_cw <- pls_predict(casewise, k = 5, reps = 1)
  expect_identical(nrow(pp_cw$folds), 246L)
  expect_false(anyNA(pp_cw$indicators))
})

test_that("pls_predict() prints, tidies and rejects what it cannot do", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(1)
  pp <- pls_predict(fit, k = 5, reps = 2)
  expect_output(print(pp), "PLSpredict: 5-fold cross-validation, 2 repetitions")
  expect_output(print(pp), "Predictive power")
  expect_identical(tidy(pp), pp$indicators)
  expect_identical(tidy(pp, "decision"), pp$decision)
  expect_identical(names(tidy(pp, "constructs")), c("construct", "rmse", "mae", "q2_predict"))
  expect_error(pls_predict(fit, folds = rep(1:2, 10)), "250 cases")
  expect_error(pls_predict(fit, folds = rep(c(1, 3), 125)), "every fold number")
  expect_error(pls_predict(fit, folds = rep(c(1.5, 2), 125)), "whole fold numbers")
  expect_error(pls_predict(fit, k = 300), "cannot exceed")
  expect_error(pls_predict(fit, k = 0), "k")
  weighted <- pls(small_ecsi_syntax, data = mobi, case_weights = rep(1:2, 125))
  expect_error(pls_predict(weighted), "case weights")
  expect_error(pls_predict(pls(small_ecsi_syntax, S = cor(mobi))), "correlation matrix")
  bad <- mobi
  bad$CUSA1 <- c(rep(5, 245), 1:5)
  fit_bad <- pls(small_ecsi_syntax, data = bad)
  expect_error(pls_predict(fit_bad, folds = c(rep(1, 245), rep(2, 5))), "fold 2")
})

test_that("training fits with an inadmissible PLSc solution are left out of every metric", {
  fit <- suppressWarnings(pls(ecsi_syntax, data = mobi, consistent = TRUE))
  set.seed(5)
  folds <- replicate(2, sample(rep(1:5, 50)))
  expect_warning(pp <- pls_predict(fit, folds = folds), "inadmissible in 9 of 10 training fits")
  expect_identical(pp$n_failed, 9L)
  missing_rows <- is.na(pp$predictions$pls[, 1])
  expect_identical(sum(missing_rows), 200L)
  expect_identical(is.na(pp$predictions$lm[, 1]), missing_rows)
  expect_identical(is.na(pp$predictions$naive[, 1]), missing_rows)
  expect_false(anyNA(pp$indicators))
  expect_output(print(pp), "9 training fits with an inadmissible PLSc solution left out")
  expect_error(suppressWarnings(pls_predict(fit, folds = folds[, 2])), "inadmissible in every training fit")
})
