# Issue #21: FIMIX-PLS.

corp_fimix_fit <- function() {
  pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean", tol = 1e-12, max_iter = 1000)
}

test_that("FIMIX-PLS agrees with seminrExtras's assess_fimix() on the corporate reputation model", {
  fx <- readRDS(test_path("fixtures", "fimix_corp_rep_seminrExtras.rds"))
  fit <- corp_fimix_fit()
  expect_equal(fit$scores, fx$scores[, colnames(fit$scores)], tolerance = 1e-10, ignore_attr = TRUE)
  # the same seed gives seminrExtras's starts; both run to a change of the
  # log-likelihood below 1e-12
  x <- pls_fimix(fit, segments = 1:3, starts = fx$starts, tol = fx$tol, intercepts = TRUE, seed = fx$seed)
  for (K in c("K2", "K3")) {
    peer <- fx$solutions[[K]]
    ours <- x$solutions[[K]]
    crit <- x$criteria[x$criteria$segments == peer$K, ]
    o <- order(-peer$pi)  # iecpls numbers segments by decreasing share
    expect_close(ours$loglik, peer$loglik, 1e-6)
    expect_equal(crit$parameters, peer$n_parameters)
    for (name in c("AIC", "AIC3", "AIC4", "BIC", "CAIC", "HQ", "EN")) {
      expect_close(crit[[name]], unname(peer$criteria[name]), 1e-6, label = paste(K, name))
    }
    # MDL5 differs by definition (see ?pls_fimix): seminrExtras penalizes
    # Q/2 ln(n); its value follows from that definition, ours has 5 Q ln(n)
    n <- nrow(fit$scores)
    expect_equal(crit$MDL5, -2 * crit$loglik + 5 * crit$parameters * log(n))
    expect_close(-2 * crit$loglik + crit$parameters / 2 * log(n), unname(peer$criteria["MDL5"]), 1e-6)
    expect_close(unname(ours$pi), unname(peer$pi[o]), 1e-6)
    expect_close(unname(ours$posterior), unname(peer$posterior[, o]), 1e-6)
    for (k in seq_along(o)) {
      paths <- ours$paths[ours$paths$segment == k, ]
      expect_close(paths$estimate, peer$paths[[o[k]]][cbind(paths$from, paths$to)], 1e-6)
      icpt <- ours$intercepts[ours$intercepts$segment == k, ]
      expect_close(icpt$estimate, unname(peer$intercepts[[o[k]]][icpt$construct]), 1e-6)
      vars <- ours$variances[ours$variances$segment == k, ]
      expect_close(vars$estimate, unname(peer$variances[vars$construct, o[k]]), 1e-6)
    }
  }
})

test_that("the EM iterations equal a plain-R reference from the same starts", {
  fit <- pls(iec_model(), iec_survey, missing = "mean")
  for (intercept in c(TRUE, FALSE)) {
    problem <- fimix_problem(fit, intercept)
    y <- fit$scores[, problem$outcomes, drop = FALSE]
    for (K in 2:3) {
      init <- fimix_starts(problem$n, K, 3L, seed = 7)
      raw <- c_fimix(problem, init, list(max_iter = 40L, tol = 1e-300), 1L)
      expect_true(all(raw$status == c_codes()$fimix[["not_converged"]]))
      expect_true(all(raw$iterations == 40L))
      for (s in 1:3) {
        ref <- reference_fimix(y, fit$scores, problem$equations, init[, , s], 40L, intercept)
        expect_close(raw$loglik[s], ref$loglik, 1e-8)
        expect_close(raw$posterior[, , s], ref$tau, 1e-8)
        expect_close(raw$pi[, s], ref$pi, 1e-8)
        coef <- sapply(ref$coef, unlist)
        expect_close(raw$coef[, , s], unname(coef), 1e-8)
        expect_close(raw$variance[, , s], unname(sapply(ref$variance, unlist)), 1e-8)
      }
    }
  }
})

test_that("a segment closing in on cases with the same score is degenerate, not a solution", {
  # 15 cases share the outcome's top score (as answers at the end of the
  # scale do); a start that puts them in a segment of their own would let
  # its error variance, and the likelihood, run away
  x <- with_seed(1, stats::rnorm(200))
  y <- 0.5 * x + with_seed(2, stats::rnorm(200, sd = 0.8))
  y[1:15] <- 2.5
  problem <- list(y = matrix(y), x = matrix(x), eq_start = c(0L, 1L), intercept = TRUE)
  init <- array(0, c(200, 2, 1))
  init[, 2, 1] <- ifelse(seq_len(200) <= 15, 0.99, 0.01)
  init[, 1, 1] <- 1 - init[, 2, 1]
  raw <- c_fimix(problem, init, list(max_iter = 500L, tol = 1e-10), 1L)
  expect_identical(raw$status, c_codes()$fimix[["degenerate"]])
  expect_identical(raw$loglik, -Inf)
})

test_that("one segment is each equation's least-squares regression", {
  fit <- pls(iec_model(), iec_survey, missing = "mean")
  x <- pls_fimix(fit, segments = 1, intercepts = TRUE, seed = 1)
  scores <- as.data.frame(fit$scores)
  loglik <- sum(vapply(names(x$equations), function(j) {
    as.numeric(stats::logLik(stats::lm(stats::reformulate(x$equations[[j]], j), data = scores)))
  }, numeric(1)))
  expect_equal(x$criteria$loglik, loglik, tolerance = 1e-10)
  expect_identical(x$selected, 1L)
  expect_true(is.na(x$criteria$EN))
  ctm <- stats::lm(stats::reformulate(x$equations$CTM, "CTM"), data = scores)
  paths <- x$solutions$K1$paths
  expect_equal(paths$estimate[paths$to == "CTM"], unname(coef(ctm)[-1]), tolerance = 1e-10)
  expect_equal(x$solutions$K1$r2$r2[x$solutions$K1$r2$construct == "CTM"], summary(ctm)$r.squared,
               tolerance = 1e-10)
  # without intercepts: regressions through the origin, one parameter fewer
  # per equation
  y <- pls_fimix(fit, segments = 1, seed = 1)
  expect_equal(x$criteria$parameters - y$criteria$parameters, length(x$equations))
  origin <- stats::lm(stats::reformulate(c(x$equations$CTM, "0"), "CTM"), data = scores)
  expect_equal(y$solutions$K1$paths$estimate[y$solutions$K1$paths$to == "CTM"], unname(coef(origin)),
               tolerance = 1e-10)
})

test_that("FIMIX-PLS recovers two planted segments and finds one in one-segment data", {
  skip_on_cran()
  # 600 cases, 60% in a segment with Y = 0.8 X1 + 0.1 X2, Z = 0.7 Y and 40%
  # with Y = -0.3 X1 + 0.6 X2, Z = -0.3 Y (helper-fimix.R): the segments
  # overlap (EN about 0.36), so about three cases in four can be classified
  data <- fimix_two_segment_data(600, seed = 11)
  fit <- pls(fimix_two_segment_syntax, data = data[1:12])
  x <- pls_fimix(fit, segments = 1:4, starts = 10, seed = 3)
  expect_identical(x$selected, 2L)
  for (criterion in c("AIC3", "CAIC", "BIC")) {
    expect_identical(x$criteria$segments[which.min(x$criteria[[criterion]])], 2L, label = criterion)
  }
  sol <- x$solutions$K2
  truth <- data$segment
  # segments are numbered by share: the planted 60% segment is segment 1
  expect_close(unname(sol$pi), c(mean(truth == 1), mean(truth == 2)), 0.05)
  expect_gt(mean(sol$segment == truth), 0.75)
  # each segment's paths within 0.06 of the regressions on the scores of
  # the cases truly in it
  scores <- as.data.frame(fit$scores)
  for (k in 1:2) {
    oracle <- c(coef(stats::lm(Y ~ X1 + X2, data = scores[truth == k, ]))[-1],
                coef(stats::lm(Z ~ Y, data = scores[truth == k, ]))[-1])
    est <- sol$paths[sol$paths$segment == k, ]
    expect_close(est$estimate, unname(oracle[est$from]), 0.06)
  }
  one <- fimix_two_segment_data(600, seed = 12, two = FALSE)
  y <- pls_fimix(pls(fimix_two_segment_syntax, data = one[1:12]), segments = 1:4, starts = 10, seed = 3)
  expect_identical(y$selected, 1L)
  expect_identical(y$criteria$segments[which.min(y$criteria$AIC3)], 1L)
  expect_identical(y$criteria$segments[which.min(y$criteria$CAIC)], 1L)
})

test_that("the starts follow the seed, not the threads", {
  fit <- pls(iec_model(), iec_survey, missing = "mean")
  a <- pls_fimix(fit, segments = 2:3, starts = 4, seed = 5, cores = 1)
  b <- pls_fimix(fit, segments = 2:3, starts = 4, seed = 5, cores = 2)
  expect_identical(a$solutions, b$solutions)
  set.seed(9)
  c1 <- pls_fimix(fit, segments = 2, starts = 3)
  c2 <- pls_fimix(fit, segments = 2, starts = 3, seed = c1$seed)
  expect_identical(c1$solutions, c2$solutions)
  # the starts are seminrExtras's: exponential draws over their row sums
  init <- fimix_starts(5L, 2L, 2L, seed = 1)
  set.seed(1)
  first <- matrix(stats::rexp(10), 5, 2)
  expect_equal(init[, , 1], first / rowSums(first))
})

test_that("starts run in batches of the threads give one run's result, and a long EM stops at the time limit", {
  fit <- pls(iec_model(), iec_survey, missing = "mean")
  problem <- fimix_problem(fit, FALSE)
  init <- fimix_starts(problem$n, 3L, 5L, seed = 4)
  control <- list(max_iter = 30L, tol = 1e-10)
  one <- c_fimix(problem, init, control, 1L)
  expect_identical(fimix_run(problem, init, control, 2L), one)
  expect_identical(fimix_run(problem, init, control, 1L), one)
  skip_on_cran()
  # 2^31 - 1 iterations with an unreachable tolerance (one segment, so no
  # start can fail early) run for hours unless the poll of a one-thread run
  # lets the time limit interrupt them
  expect_stops_at_time_limit(c(
    "library(iecpls)",
    "set.seed(1)",
    "problem <- list(y = matrix(rnorm(300)), x = matrix(rnorm(300)), eq_start = c(0L, 1L), intercept = TRUE)",
    "init <- array(1, c(300L, 1L, 1L))"),
    "iecpls:::c_fimix(problem, init, list(max_iter = .Machine$integer.max, tol = 0), 1L)")
})

test_that("predict() gives the posteriors of the fit's cases and of new ones", {
  fit <- pls(iec_model(), iec_survey, missing = "mean")
  x <- pls_fimix(fit, segments = 2, starts = 3, seed = 2)
  p <- predict(x)
  expect_equal(unclass(p)[, 1:2], x$posterior, ignore_attr = TRUE)
  expect_identical(attr(p, "segment"), x$segment)
  again <- predict(x, newdata = iec_survey)
  expect_equal(unname(unclass(again)[, 1:2]), unname(x$posterior), tolerance = 1e-10, ignore_attr = TRUE)
  expect_equal(unname(rowSums(again)), rep(1, nrow(iec_survey)))
  expect_error(predict(x, segments = 4), class = "iecpls_input_error")
})

test_that("tidy(), glance(), print() and plot() show the solution", {
  fit <- pls(iec_model(), iec_survey, missing = "mean")
  x <- pls_fimix(fit, segments = 1:3, starts = 3, seed = 2)
  expect_identical(tidy(x, "criteria"), x$criteria)
  paths <- tidy(x, segments = 2)
  expect_named(paths, c("segment", "term", "from", "to", "estimate"))
  expect_equal(nrow(paths), 2 * sum(lengths(x$equations)))
  expect_identical(as.data.frame(x, what = "r2", segments = 3), x$solutions$K3$r2)
  expect_equal(sum(tidy(x, "segments", segments = 3)$cases), nobs(x))
  g <- glance(x)
  expect_identical(g$segments, x$selected)
  out <- capture.output(print(x))
  expect_true(any(grepl("FIMIX-PLS", out)))
  expect_true(all(nchar(out) <= 80))
  file <- tempfile(fileext = ".png")
  grDevices::png(file)
  drawn <- plot(x)
  grDevices::dev.off()
  expect_identical(drawn$segments, 1:3)
  expect_true(file.exists(file))
  unlink(file)
})

test_that("bad input gets classed errors and failed starts a warning", {
  fit <- pls(iec_model(), iec_survey, missing = "mean")
  expect_error(pls_fimix(fit, segments = 0), class = "iecpls_input_error")
  expect_error(pls_fimix(fit, segments = c(2, 2)), class = "iecpls_input_error")
  expect_error(pls_fimix(fit, starts = 0), class = "iecpls_input_error")
  expect_error(pls_fimix(fit, tol = -1), class = "iecpls_input_error")
  expect_error(pls_fimix("fit"), class = "iecpls_error")
  from_S <- pls(iec_model(), S = fit$indicator_cor, nobs = 500)
  expect_error(pls_fimix(from_S, segments = 2), class = "iecpls_needs_data")
  weighted <- pls(iec_model(), iec_survey, missing = "mean", case_weights = rep(1, nrow(iec_survey)))
  expect_error(pls_fimix(weighted, segments = 2), class = "iecpls_unsupported_error")
  small <- pls(fimix_two_segment_syntax, data = fimix_two_segment_data(24, seed = 1)[1:12])
  warned <- character()
  x <- withCallingHandlers(pls_fimix(small, segments = 1:5, starts = 2, seed = 1), warning = function(w) {
    warned <<- c(warned, class(w)[1])
    invokeRestart("muffleWarning")
  })
  expect_true(length(warned) > 0 && all(warned == "iecpls_fimix_failed_warning"))
  expect_true(is.na(x$criteria$loglik[5]))
  expect_error(tidy(x, segments = 5), class = "iecpls_input_error")
})
