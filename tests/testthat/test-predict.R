# predict.pls_fit(): scores and indicator predictions for new respondents.

test_that("predictions for new respondents follow the training scale, weights and paths", {
  train <- mobi[1:200, ]
  new <- mobi[201:250, ]
  fit <- pls(small_ecsi_syntax, data = train)
  pred <- predict(fit, new)
  items <- c("CUSA1", "CUSA2", "CUSA3", "CUSL1", "CUSL2", "CUSL3")
  # plain R: training means and sds, weights, direct antecedents, loadings
  X <- as.matrix(new[fit$model$indicators])
  Z <- scale(X, center = colMeans(train[fit$model$indicators]), scale = apply(train[fit$model$indicators], 2, sd))
  Y <- Z %*% fit$outer_weights
  B <- fit$path_coef
  expected <- Y
  expected[, "Satisfaction"] <- Y[, "Image"] * B["Image", "Satisfaction"]
  expected[, "Loyalty"] <- Y[, "Image"] * B["Image", "Loyalty"] + Y[, "Satisfaction"] * B["Satisfaction", "Loyalty"]
  expect_equal(pred$scores, expected, tolerance = 1e-12, ignore_attr = TRUE)
  z_hat <- expected %*% t(fit$outer_loadings)
  x_hat <- sweep(sweep(z_hat[, items], 2, apply(train[items], 2, sd), "*"), 2, colMeans(train[items]), "+")
  expect_equal(pred$indicators, x_hat, tolerance = 1e-12, ignore_attr = TRUE)
  expect_equal(pred$residuals, X[, items] - pred$indicators, tolerance = 1e-12, ignore_attr = TRUE)
  expect_identical(colnames(pred$indicators), items)
  expect_identical(rownames(pred$indicators), rownames(new))
  # earliest antecedents: Loyalty through Satisfaction's prediction
  ea <- predict(fit, new, technique = "EA")
  loyalty <- Y[, "Image"] * (B["Image", "Loyalty"] + B["Image", "Satisfaction"] * B["Satisfaction", "Loyalty"])
  expect_equal(unname(ea$scores[, "Loyalty"]), unname(loyalty), tolerance = 1e-12)
  expect_equal(ea$scores[, "Satisfaction"], pred$scores[, "Satisfaction"])
  expect_identical(ea$technique, "EA")
})

test_that("without newdata the fitted data are predicted and exogenous scores are the fitted scores", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  pred <- predict(fit)
  expect_equal(pred$scores[, "Image"], fit$scores[, "Image"], tolerance = 1e-12, ignore_attr = TRUE)
  expected <- fit$scores %*% fit$path_coef[, "Loyalty"]
  expect_equal(pred$scores[, "Loyalty"], expected[, 1], tolerance = 1e-12, ignore_attr = TRUE)
})

test_that("missing answers are training means under missing = 'mean' and NA otherwise", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  new <- mobi[1:3, ]
  new$IMAG2[1] <- NA
  expect_true(all(is.na(predict(fit, new)$indicators[1, ])))
  expect_false(anyNA(predict(fit, new)$indicators[2:3, ]))
  train <- mobi
  train$CUSA1[5] <- NA
  fit_mean <- pls(small_ecsi_syntax, data = train, missing = "mean")
  filled <- new
  filled$IMAG2[1] <- fit_mean$means[["IMAG2"]]
  expect_equal(predict(fit_mean, new)$indicators, predict(fit_mean, filled)$indicators)
  # codes declared with na_values are missing in new data too
  coded <- new
  coded$IMAG2[1] <- -9
  fit_coded <- pls(small_ecsi_syntax, data = train, missing = "mean", na_values = -9)
  expect_equal(predict(fit_coded, coded)$indicators, predict(fit_coded, filled)$indicators)
})

test_that("a missing answer makes NA only the scores and predictions that depend on it", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  new <- mobi[1:6, fit$model$indicators]
  new$IMAG2[1] <- NA                      # exogenous: every prediction of row 1
  new$CUSA1[2] <- NA                      # mediator: Loyalty under DA only
  new$CUSL2[3] <- NA                      # final outcome: its own residual only
  new$CUSA2[4] <- NA
  new$CUSL1[4] <- NA
  new$IMAG5[5] <- NA
  new$CUSA3[5] <- NA
  # plain R: each construct's score from its own block (NA if one answer
  # is), then the paths and loadings, one construct at a time
  Z <- scale(as.matrix(new), fit$means, fit$sds)
  blocks <- fit$model$blocks
  own <- sapply(names(blocks), function(k) Z[, blocks[[k]]] %*% fit$outer_weights[blocks[[k]], k])
  B <- fit$path_coef
  indicators <- function(scores) {
    items <- c(blocks$Satisfaction, blocks$Loyalty)
    loading <- fit$outer_loadings[cbind(items, rep(c("Satisfaction", "Loyalty"), lengths(blocks[2:3])))]
    z <- scores[, rep(c("Satisfaction", "Loyalty"), lengths(blocks[2:3]))] * rep(loading, each = nrow(scores))
    sweep(sweep(z, 2, fit$sds[items], "*"), 2, fit$means[items], "+")
  }
  da <- own
  da[, "Satisfaction"] <- own[, "Image"] * B["Image", "Satisfaction"]
  da[, "Loyalty"] <- own[, "Image"] * B["Image", "Loyalty"] + own[, "Satisfaction"] * B["Satisfaction", "Loyalty"]
  pred <- predict(fit, new)
  expect_equal(pred$scores, da, tolerance = 1e-12, ignore_attr = TRUE)
  expect_equal(pred$indicators, indicators(da), tolerance = 1e-12, ignore_attr = TRUE)
  expect_equal(is.na(pred$scores), is.na(da), ignore_attr = TRUE)
  expect_equal(unname(which(is.na(pred$scores[, "Loyalty"]))), c(1, 2, 4, 5))
  expect_false(anyNA(pred$scores[3, ]))
  expect_equal(names(which(is.na(pred$residuals[3, ]))), "CUSL2")
  ea <- own
  ea[, "Satisfaction"] <- own[, "Image"] * B["Image", "Satisfaction"]
  ea[, "Loyalty"] <- own[, "Image"] * (B["Image", "Loyalty"] + B["Image", "Satisfaction"] * B["Satisfaction", "Loyalty"])
  pred_ea <- predict(fit, new, technique = "EA")
  expect_equal(pred_ea$scores, ea, tolerance = 1e-12, ignore_attr = TRUE)
  expect_equal(pred_ea$indicators, indicators(ea), tolerance = 1e-12, ignore_attr = TRUE)
  expect_equal(unname(which(rowSums(is.na(pred_ea$indicators)) > 0)), c(1, 5))

  # consistent PLS: a missing quality answer leaves CUSA and CUSL (predicted
  # from the COMP and LIKE answers) and the other exogenous scores finite
  data <- corp_rep_mean_replaced()
  plsc <- pls(corp_rep_syntax, data = data, consistent = TRUE)
  rows <- data[1:4, ]
  rows$qual_1[2] <- NA
  with_na <- predict(plsc, rows)
  complete <- predict(plsc, data[1:4, ])
  expect_equal(names(which(is.na(with_na$scores[2, ]))), c("QUAL", "COMP", "LIKE"))
  expect_equal(with_na$scores[-2, ], complete$scores[-2, ])
  expect_equal(with_na$scores[2, c("PERF", "CSOR", "ATTR", "CUSA", "CUSL")],
               complete$scores[2, c("PERF", "CSOR", "ATTR", "CUSA", "CUSL")])
  expect_equal(with_na$indicators[, c("cusa", "cusl_1", "cusl_2", "cusl_3")],
               complete$indicators[, c("cusa", "cusl_1", "cusl_2", "cusl_3")])
})

test_that("consistent PLS predicts from the model-implied correlations", {
  data <- corp_rep_mean_replaced()
  fit <- pls(corp_rep_syntax, data = data, consistent = TRUE)
  pred <- predict(fit, data[1:10, ])
  # plain R for CUSA (single antecedent block items: COMP and LIKE)
  L <- fit$outer_loadings
  P <- fit$construct_cor
  exo <- c("QUAL", "PERF", "CSOR", "ATTR")
  B <- fit$path_coef
  Phi <- P
  for (k in c("COMP", "LIKE")) Phi[exo, k] <- Phi[k, exo] <- P[exo, exo] %*% B[exo, k]
  Phi["COMP", "LIKE"] <- Phi["LIKE", "COMP"] <- B[exo, "COMP"] %*% P[exo, exo] %*% B[exo, "LIKE"]
  before <- c(exo, "COMP", "LIKE")
  Phi[before, "CUSA"] <- Phi["CUSA", before] <- Phi[before, before] %*% B[before, "CUSA"]
  Sigma <- L %*% Phi %*% t(L)
  x <- c(fit$model$blocks$COMP, fit$model$blocks$LIKE)
  beta <- solve(Sigma[x, x] - diag(diag(Sigma[x, x])) + diag(length(x)), Sigma[x, "cusa"])
  Z <- scale(as.matrix(data[1:10, x]), fit$means[x], fit$sds[x])
  expected <- fit$means[["cusa"]] + fit$sds[["cusa"]] * (Z %*% beta)
  expect_equal(unname(pred$indicators[, "cusa"]), unname(expected[, 1]), tolerance = 1e-10)
})

test_that("predict() explains what it cannot do", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(predict(fit, mobi[setdiff(names(mobi), "IMAG1")]), "IMAG1")
  from_cor <- pls(small_ecsi_syntax, S = cor(mobi))
  expect_error(predict(from_cor, mobi), "correlation matrix")
  expect_error(predict(fit, mobi, technique = "XX"), "`technique` must be one of", class = "iecpls_input_error")
  expect_error(predict.pls_fit(list(), mobi), "pls_fit")
})
