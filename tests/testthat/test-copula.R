# pls_copula(): the Gaussian copula test of endogeneity (issue #20).

copula_term_oracle <- function(x) stats::qnorm(rank(x) / (length(x) + 1))

# Every model's coefficients by lm() on the scores: the paths of all
# predictors, then the copula terms of the model's set.
copula_oracle <- function(scores, outcome, predictors, models) {
  unlist(lapply(models, function(set) {
    design <- cbind(scores[, predictors, drop = FALSE],
                    vapply(set, function(name) copula_term_oracle(scores[, name]), numeric(nrow(scores))))
    unname(stats::coef(stats::lm(scores[, outcome] ~ design))[-1])
  }))
}

# Single-item constructs, so the construct scores are the standardized
# variables: an endogenous, log-normal predictor P (corr(u, e) = rho with
# P = exp(u) standardized) and an exogenous, chi-squared X.
simulate_copula_data <- function(n, rho, b1 = 0.3, b2 = 0.3) {
  u <- stats::rnorm(n)
  e <- rho * u + sqrt(1 - rho^2) * stats::rnorm(n)
  p <- (exp(u) - exp(0.5)) / sqrt((exp(1) - 1) * exp(1))
  x <- (stats::rchisq(n, 3) - 3) / sqrt(6)
  data.frame(p = p, x = x, y = b1 * p + b2 * x + e)
}

# The population values in the standardized metric of the scores: the path
# of P (b1 / sd(Y)) and the coefficient of its copula term (rho / sd(Y): the
# term is u). cov(P, e) = rho E[u exp(u)] / sd(exp(u)) = rho / sqrt(e - 1).
copula_truth <- function(rho, b1 = 0.3, b2 = 0.3) {
  sd_y <- sqrt(b1^2 + b2^2 + 1 + 2 * b1 * rho / sqrt(exp(1) - 1))
  c(path = b1 / sd_y, copula = rho / sd_y)
}

copula_syntax <- "P =~ p\nX =~ x\nY =~ y\nY ~ P + X"

# pls_copula() without its warning about predictors close to normal (some
# of mobi's constructs are)
quiet_copula <- function(...) suppressWarnings(pls_copula(...), classes = "iecpls_copula_normal_warning")

test_that("the estimates are lm() on the scores with rank / (n + 1) copula terms", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  copula <- quiet_copula(fit, "CUSL", R = 20, seed = 1)
  predictors <- c("COMP", "LIKE", "CUSA")
  models <- c(list(character()), as.list(predictors), utils::combn(predictors, 2, simplify = FALSE),
              list(predictors))
  expect_equal(copula$models, models)
  expect_equal(copula$estimates$estimate, copula_oracle(fit$scores, "CUSL", predictors, models), tolerance = 1e-10)
  # the model without copula terms has the fit's paths
  none <- copula$estimates[copula$estimates$model == 0, ]
  expect_equal(none$estimate, unname(fit$path_coef[predictors, "CUSL"]), tolerance = 1e-10)
  expect_identical(unique(copula$estimates$type[copula$estimates$model == 7]), c("path", "copula"))
  expect_identical(copula$estimates$term[copula$estimates$model == 2],
                   c("COMP -> CUSL", "LIKE -> CUSL", "CUSA -> CUSL", "c(LIKE) -> CUSL"))
  # a subset of predictors, single copulas only
  only <- quiet_copula(fit, "CUSL", predictors = c("CUSA", "COMP"), combinations = FALSE, R = 20, seed = 1)
  expect_equal(only$models, list(character(), "COMP", "CUSA"))
  expect_equal(only$estimates$estimate,
               copula_oracle(fit$scores, "CUSL", predictors, only$models), tolerance = 1e-10)
})

test_that("ties get average ranks", {
  x <- c(3, 1, 2, 2, 5, 1, 1, 4, 2, 6)
  fit <- pls(copula_syntax, data = data.frame(p = x, x = rev(x) + seq_along(x)^1.5, y = x^2 + sin(seq_along(x))))
  copula <- quiet_copula(fit, "Y", R = 5, seed = 1)
  expect_equal(copula$estimates$estimate,
               copula_oracle(fit$scores, "Y", c("P", "X"), copula$models), tolerance = 1e-10)
})

test_that("each resample refits the model, forms the copula terms from its scores and refits the regressions", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  copula <- quiet_copula(fit, "Loyalty", R = 3, seed = 7)
  rows <- reference_resample_rows(copula$seeds[, 1], nrow(mobi), 3)
  columns <- grepl("^copula", colnames(copula$draws))
  for (b in seq_along(rows)) {
    refit <- pls(small_ecsi_syntax, data = mobi[rows[[b]], ])
    expected <- copula_oracle(refit$scores, "Loyalty", c("Image", "Satisfaction"), copula$models)
    expect_equal(unname(copula$draws[b, columns]), expected, tolerance = 1e-8)
  }
  # the same seed gives the same draws, with any number of threads
  again <- quiet_copula(fit, "Loyalty", R = 3, seed = 7, cores = 2)
  expect_identical(again$draws, copula$draws)
})

test_that("the summaries are the bootstrap's and the seed reproduces them for 1 and 2 cores", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  one <- quiet_copula(fit, "Loyalty", R = 150, seed = 3, cores = 1)
  two <- quiet_copula(fit, "Loyalty", R = 150, seed = 3, cores = 2)
  expect_identical(one$estimates, two$estimates)
  columns <- grepl("^copula", colnames(one$draws))
  draws <- one$draws[, columns]
  expect_equal(one$estimates$se, unname(apply(draws, 2, stats::sd)), tolerance = 1e-12)
  expect_equal(one$estimates$lower, unname(apply(draws, 2, stats::quantile, 0.025)), tolerance = 1e-12)
  expect_equal(one$estimates$t, one$estimates$estimate / one$estimates$se)
  # the session's generator is untouched by a seed
  set.seed(5)
  before <- stats::runif(1)
  set.seed(5)
  quiet_copula(fit, "Loyalty", R = 10, seed = 3)
  expect_identical(stats::runif(1), before)
})

test_that("the Cramer-von Mises pre-test is nortest's cvm.test", {
  set.seed(11)
  for (x in list(stats::rnorm(50), stats::rexp(200), stats::runif(30), stats::rt(500, 3))) {
    n <- length(x)
    z <- sort((x - mean(x)) / stats::sd(x))
    W <- sum((stats::pnorm(z) - (2 * seq_len(n) - 1) / (2 * n))^2) + 1 / (12 * n)
    got <- iecpls:::cvm_normality(x)
    expect_equal(got[["statistic"]], W, tolerance = 1e-12)
    WW <- W * (1 + 0.5 / n)
    expect_true(got[["p.value"]] > 0 && got[["p.value"]] <= 1)
    if (WW >= 0.092 && WW < 1.1) expect_equal(got[["p.value"]], exp(1.111 - 34.242 * WW + 12.832 * WW^2))
    if (WW < 0.0275) expect_equal(got[["p.value"]], 1 - exp(-13.953 + 775.5 * WW - 12542.61 * WW^2))
  }
  # nortest's own values on these samples (tools/make-fixtures-cvm.R)
  for (reference in readRDS(test_path("fixtures", "cvm_nortest.rds"))$samples) {
    got <- iecpls:::cvm_normality(reference$x)
    expect_equal(got[["statistic"]], reference$statistic, tolerance = 1e-12)
    expect_equal(got[["p.value"]], reference$p.value, tolerance = 1e-12)
  }
  expect_true(all(is.na(iecpls:::cvm_normality(1:5))))
})

test_that("the pre-test reports both tests and warns about normal predictors", {
  set.seed(2)
  data <- data.frame(p = stats::rnorm(300), x = stats::rexp(300))
  data$y <- data$p + data$x + stats::rnorm(300)
  fit <- pls(copula_syntax, data = data)
  expect_warning(copula <- pls_copula(fit, "Y", R = 10, seed = 1), class = "iecpls_copula_normal_warning")
  pretest <- copula$pretest
  expect_identical(pretest$construct, c("P", "X"))
  expect_identical(pretest$normal, c(TRUE, FALSE))
  expect_equal(pretest$shapiro_p, c(stats::shapiro.test(fit$scores[, "P"])$p.value,
                                    stats::shapiro.test(fit$scores[, "X"])$p.value))
  expect_equal(pretest$cvm_p[1], iecpls:::cvm_normality(fit$scores[, "P"])[["p.value"]])
  expect_no_warning(pls_copula(fit, "Y", predictors = "X", R = 10, seed = 1))
})

test_that("bad input gives classed errors naming the construct", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(pls_copula(fit, "Loyaltx"), class = "iecpls_unknown_name", regexp = "Loyaltx")
  expect_error(pls_copula(fit, "Image"), class = "iecpls_exogenous_outcome", regexp = "Image")
  expect_error(pls_copula(fit, "Loyalty", predictors = "Value"), class = "iecpls_unknown_name", regexp = "Value")
  expect_error(pls_copula(fit, c("Loyalty", "Image")), class = "iecpls_input_error")
  expect_error(pls_copula(fit, "Loyalty", R = 1), class = "iecpls_input_error")
  from_s <- pls(small_ecsi_syntax, S = stats::cor(mobi))
  expect_error(pls_copula(from_s, "Loyalty"), class = "iecpls_needs_data", regexp = "Loyalty")
  plsc <- pls(small_ecsi_syntax, data = mobi, consistent = TRUE)
  expect_error(pls_copula(plsc, "Loyalty"), class = "iecpls_unsupported_error", regexp = "Loyalty")
  moderated <- pls(paste(small_ecsi_syntax, "Loyalty ~ Satisfaction:Image"), data = mobi)
  expect_error(pls_copula(moderated, "Loyalty"), class = "iecpls_unsupported_error", regexp = "stages")
})

test_that("print(), tidy() and glance() describe the result", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  copula <- quiet_copula(fit, "Loyalty", R = 50, seed = 1)
  lines <- utils::capture.output(print(copula))
  expect_true(all(nchar(lines) <= 80))
  expect_true(any(grepl("c(Image) -> Loyalty", lines, fixed = TRUE)))
  expect_true(any(grepl("Cram", lines)))
  table <- tidy(copula)
  expect_identical(class(table), "data.frame")
  expect_identical(table$estimate, copula$estimates$estimate)
  expect_identical(table$std.error, copula$estimates$se)
  expect_identical(as.data.frame(copula), table)
  row <- glance(copula)
  expect_identical(nrow(row), 1L)
  expect_identical(row$outcome, "Loyalty")
  expect_identical(row$models, 4L)
})

test_that("on simulated data the copula finds the endogenous predictor and corrects its path", {
  truth <- copula_truth(0.5)
  set.seed(2024)
  fit <- pls(copula_syntax, data = simulate_copula_data(1000, rho = 0.5))
  copula <- quiet_copula(fit, "Y", predictors = "P", R = 200, seed = 1)
  e <- copula$estimates
  corrected <- e[e$model == 1 & e$term == "P -> Y", ]
  term <- e[e$model == 1 & e$type == "copula", ]
  expect_lt(term$p, 0.001)
  expect_lt(abs(term$estimate - truth[["copula"]]), 0.1)
  expect_lt(abs(corrected$estimate - truth[["path"]]), 0.1)
  # the uncorrected path is far off
  expect_gt(e$estimate[e$model == 0 & e$term == "P -> Y"] - truth[["path"]], 0.2)
  # an exogenous predictor: no significant copula term
  set.seed(2025)
  fit <- pls(copula_syntax, data = simulate_copula_data(1000, rho = 0))
  e <- quiet_copula(fit, "Y", predictors = "P", R = 200, seed = 1)$estimates
  expect_gt(e$p[e$model == 1 & e$type == "copula"], 0.05)
})

test_that("Monte Carlo: bias, power and size of the copula test", {
  skip_on_cran()
  replicate_copula <- function(rho, seeds) {
    t(vapply(seeds, function(s) {
      set.seed(s)
      fit <- pls(copula_syntax, data = simulate_copula_data(1000, rho))
      e <- quiet_copula(fit, "Y", predictors = "P", R = 200, seed = s)$estimates
      c(path = e$estimate[e$model == 1 & e$term == "P -> Y"], copula = e$estimate[e$model == 1 & e$type == "copula"],
        p = e$p[e$model == 1 & e$type == "copula"])
    }, numeric(3)))
  }
  endogenous <- replicate_copula(0.5, 1:20)
  truth <- copula_truth(0.5)
  expect_lt(abs(mean(endogenous[, "path"]) - truth[["path"]]), 0.04)
  expect_lt(abs(mean(endogenous[, "copula"]) - truth[["copula"]]), 0.04)
  expect_identical(mean(endogenous[, "p"] < 0.05), 1)
  exogenous <- replicate_copula(0, 101:120)
  expect_lt(abs(mean(exogenous[, "path"]) - copula_truth(0)[["path"]]), 0.04)
  expect_lte(mean(exogenous[, "p"] < 0.05), 0.15)
})
