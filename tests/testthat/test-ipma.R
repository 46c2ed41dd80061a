# pls_ipma() on hand-computed examples and against cSEM's doIPMA() (fixtures
# written by tools/make-fixtures-ipma.R).

test_that("a single-item example gives the hand-computed importance and performance", {
  data <- data.frame(x = c(1, 2, 3, 4, 5), y = c(2, 2, 4, 4, 5))
  fit <- pls("X =~ x\n Y =~ y\n Y ~ X", data = data)
  ipma <- pls_ipma(fit, target = "Y", scale_min = 1, scale_max = 5)
  # means 3 and 3.4 on 1..5 are 50 and 60 on 0..100; the slope of y on x is
  # cov / var = 2 / 2.5 = 0.8 (the same on both rescaled scales)
  expect_equal(ipma$constructs$importance, 0.8)
  expect_equal(ipma$constructs$performance, 50)
  expect_equal(ipma$target_performance, 60)
  expect_equal(ipma$indicators$importance, 0.8)
  expect_equal(ipma$indicators$performance, 50)
  expect_equal(ipma$indicators$weight, 1)
})

test_that("importance is the unstandardized total effect of the rescaled scores", {
  syntax <- three_item_ecsi_syntax
  fit <- pls(syntax, data = mobi)
  ipma <- pls_ipma(fit, target = "Loyalty", scale_min = 1, scale_max = 10)
  # plain R: rescale, unstandardize the weights by the rescaled sds, sum to 1
  blocks <- fit$model$blocks
  rescaled <- (mobi - 1) / 9 * 100
  scores <- sapply(names(blocks), function(k) {
    x <- as.matrix(rescaled[blocks[[k]]])
    u <- fit$outer_weights[blocks[[k]], k] / apply(x, 2, sd)
    x %*% (u / sum(u))
  })
  expect_equal(unname(ipma$performance), unname(colMeans(scores)), tolerance = 1e-12)
  expect_equal(ipma$scores, scores, tolerance = 1e-10, ignore_attr = TRUE)
  s <- as.data.frame(scores)
  to_sat <- coef(lm(Satisfaction ~ Image, data = s))[["Image"]]
  to_loy <- coef(lm(Loyalty ~ Image + Satisfaction, data = s))
  expected <- c(Image = to_loy[["Image"]] + to_sat * to_loy[["Satisfaction"]],
                Satisfaction = to_loy[["Satisfaction"]])
  expect_equal(ipma$constructs$construct, c("Image", "Satisfaction"))
  expect_equal(ipma$constructs$importance, unname(expected), tolerance = 1e-10)
  weights <- ipma$weights[cbind(ipma$indicators$indicator, ipma$indicators$construct)]
  expect_equal(ipma$indicators$importance, weights * rep(unname(expected), each = 3), tolerance = 1e-10)
  expect_equal(ipma$indicators$performance, unname(colMeans(rescaled[ipma$indicators$indicator])))
  expect_equal(unname(colSums(ipma$weights)), rep(1, 3))
})

test_that("indicators may have their own scale bounds", {
  data <- mobi
  data$IMAG1 <- round((data$IMAG1 - 1) / 9 * 4) + 1  # a 1..5 item among 1..10 items
  fit <- pls("Image =~ IMAG1 + IMAG2\n Loyalty =~ CUSL1 + CUSL3\n Loyalty ~ Image", data = data)
  lows <- c(IMAG1 = 1, IMAG2 = 1, CUSL1 = 1, CUSL3 = 1)
  highs <- c(IMAG1 = 5, IMAG2 = 10, CUSL1 = 10, CUSL3 = 10)
  ipma <- pls_ipma(fit, "Loyalty", lows, highs)
  star <- sweep(sweep(as.matrix(data[names(lows)]), 2, lows), 2, (highs - lows) / 100, "/")
  u <- fit$outer_weights[c("IMAG1", "IMAG2"), "Image"] / apply(star[, 1:2], 2, sd)
  expect_equal(ipma$indicators$weight, unname(u / sum(u)), tolerance = 1e-12)
  expect_equal(ipma$indicators$performance, unname(colMeans(star[, 1:2])), tolerance = 1e-12)
  expect_equal(ipma$scale$max, unname(highs))
})

test_that("importance and performance agree with cSEM's doIPMA()", {
  for (name in c("mobi", "corp_rep")) {
    fx <- readRDS(test_path("fixtures", paste0("ipma_", name, "_cSEM.rds")))
    data <- if (name == "mobi") mobi else corp_rep_mean_replaced()
    fit <- pls(fx$model, data = data, tol = 1e-12, max_iter = 1000)
    ipma <- suppressWarnings(pls_ipma(fit, fx$target, fx$scale[["min"]], fx$scale[["max"]]))
    expect_equal(ipma$constructs$importance, unname(fx$construct_importance[ipma$constructs$construct]),
                 tolerance = 1e-6, label = paste(name, "construct importance"))
    expect_equal(ipma$performance, fx$construct_performance[names(ipma$performance)], tolerance = 1e-6,
                 label = paste(name, "construct performance"))
    expect_equal(ipma$indicators$importance, unname(fx$indicator_importance[ipma$indicators$indicator]),
                 tolerance = 1e-6, label = paste(name, "indicator importance"))
    expect_equal(ipma$indicators$performance, unname(fx$indicator_performance[ipma$indicators$indicator]),
                 tolerance = 1e-6, label = paste(name, "indicator performance"))
    expect_equal(ipma$weights, fx$rescaled_weights[rownames(ipma$weights), colnames(ipma$weights)],
                 tolerance = 1e-6, label = paste(name, "rescaled weights"))
  }
})

test_that("negative weights are warned about; print, as.data.frame and tidy work", {
  fit <- pls(corp_rep_syntax, data = corp_rep_mean_replaced())
  expect_warning(ipma <- pls_ipma(fit, "CUSL", 1, 7), "negative")
  expect_output(print(ipma), "target CUSL \\(performance 72.4\\)")
  expect_output(print(ipma), "Answers from 1 to 7 rescaled to 0-100")
  expect_identical(as.data.frame(ipma), ipma$constructs)
  expect_identical(as.data.frame(ipma, what = "indicators"), ipma$indicators)
  expect_identical(tidy(ipma, "indicators"), ipma$indicators)
  expect_identical(names(ipma$constructs), c("construct", "importance", "performance"))
})

test_that("pls_ipma() checks the target and the scale bounds", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(pls_ipma(fit, "Image", 1, 10), "exogenous")
  expect_error(pls_ipma(fit, "Loyality", 1, 10), "Loyalty")
  expect_error(pls_ipma(fit, c("Loyalty", "Image"), 1, 10), "target")
  expect_error(pls_ipma(fit, "Loyalty", 1, 5), "outside the scale bounds")
  expect_error(pls_ipma(fit, "Loyalty", 10, 1), "must exceed")
  expect_error(pls_ipma(fit, "Loyalty", c(IMAG1 = 1), 10), "no value for")
  expect_error(pls_ipma(fit, "Loyalty", "1", 10), "scale_min")
  expect_error(pls_ipma(pls(small_ecsi_syntax, S = cor(mobi)), "Loyalty", 1, 10), "correlation matrix")
})
