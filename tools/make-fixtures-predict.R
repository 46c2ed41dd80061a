#!/usr/bin/env Rscript
# tools/make-fixtures-predict.R -- PLSpredict fixtures from seminr:
# tests/testthat/fixtures/predict_corp_rep_seminr.rds.
# Run by hand from the package root (needs seminr); not run in CI.
#
# seminr's predict_pls() draws its folds itself: for each repetition it
# permutes the rows with sample(n, n) (the first permutation in predict_pls(),
# the others inside its repetition loop) and cuts the permuted rows into
# noFolds consecutive folds with cut(seq(1, n), breaks = noFolds); nothing
# else draws random numbers. The folds are reproduced here from the same seed
# and stored, so the tests pass exactly these folds to pls_predict().
#
# seminr does not report Q^2_predict; it is computed here from seminr's
# out-of-sample residuals and the training-fold means (averaged over the
# repetitions like the predictions): 1 - sum(e^2) / sum((x - mean_train)^2).
suppressPackageStartupMessages(library(seminr))
source("tests/testthat/helper-models.R")
load("data/corp_rep_data.rda")
data <- corp_rep_mean_replaced()
n <- nrow(data)

seminr_folds <- function(seed, k, reps) {
  set.seed(seed)
  sapply(seq_len(reps), function(r) {
    order <- sample(n, n)
    folds <- integer(n)
    folds[order] <- cut(seq(1, n), breaks = k, labels = FALSE)
    folds
  })
}

corp_rep_model <- function(reflective) {
  multi <- function(name, items) {
    if (reflective) seminr::reflective(name, items) else seminr::composite(name, items)
  }
  mm <- constructs(
    composite("QUAL", multi_items("qual_", 1:8), weights = mode_B),
    composite("PERF", multi_items("perf_", 1:5), weights = mode_B),
    composite("CSOR", multi_items("csor_", 1:5), weights = mode_B),
    composite("ATTR", multi_items("attr_", 1:3), weights = mode_B),
    multi("COMP", multi_items("comp_", 1:3)),
    multi("LIKE", multi_items("like_", 1:3)),
    composite("CUSA", single_item("cusa")),
    multi("CUSL", multi_items("cusl_", 1:3))
  )
  sm <- relationships(
    paths(from = c("QUAL", "PERF", "CSOR", "ATTR"), to = c("COMP", "LIKE")),
    paths(from = c("COMP", "LIKE"), to = c("CUSA", "CUSL")),
    paths(from = "CUSA", to = "CUSL")
  )
  suppressMessages(estimate_pls(data, mm, sm, maxIt = 1000, stopCriterion = 12))
}

run <- function(reflective, technique, seed, k, reps) {
  model <- corp_rep_model(reflective)
  set.seed(seed)
  pred <- predict_pls(model, technique = if (technique == "DA") predict_DA else predict_EA,
                      noFolds = k, reps = if (reps == 1) NULL else reps)
  folds <- seminr_folds(seed, k, reps)
  s <- summary(pred)
  items <- colnames(s$PLS_out_of_sample)
  actual <- as.matrix(data[, items])
  naive <- Reduce(`+`, lapply(seq_len(reps), function(r) {
    out <- actual
    for (f in seq_len(k)) {
      test <- folds[, r] == f
      out[test, ] <- rep(colMeans(actual[!test, , drop = FALSE]), each = sum(test))
    }
    out
  })) / reps
  residuals <- as.matrix(pred$items$PLS_out_of_sample_residuals)[, items]
  lm_residuals <- as.matrix(pred$items$lm_out_of_sample_residuals)[, items]
  list(technique = technique, reflective = reflective, seed = seed, k = k, reps = reps, folds = folds,
       rmse = s$PLS_out_of_sample["RMSE", items], mae = s$PLS_out_of_sample["MAE", items],
       lm_rmse = s$LM_out_of_sample["RMSE", items], lm_mae = s$LM_out_of_sample["MAE", items],
       q2_predict = 1 - colSums(residuals^2) / colSums((actual - naive)^2),
       lm_q2_predict = 1 - colSums(lm_residuals^2) / colSums((actual - naive)^2),
       construct_mse = s$construct_error["OOS_MSE", ], construct_mae = s$construct_error["OOS_MAE", ],
       predictions = as.matrix(pred$items$PLS_out_of_sample)[, items],
       lm_predictions = as.matrix(pred$items$lm_out_of_sample)[, items])
}

runs <- list(
  da = run(FALSE, "DA", 123, 10, 1),
  ea = run(FALSE, "EA", 123, 10, 1),
  da_reps = run(FALSE, "DA", 42, 10, 3),
  plsc_da = run(TRUE, "DA", 7, 10, 1),
  plsc_ea = run(TRUE, "EA", 7, 5, 2)
)
saveRDS(list(runs = runs, model = corp_rep_syntax, dataset = "corp_rep_data (-99 mean-replaced)",
             peer = list(package = "seminr", version = as.character(packageVersion("seminr")))),
        "tests/testthat/fixtures/predict_corp_rep_seminr.rds")
