# The bootstrap test of exact model fit: pls_model_fit(fit, R = R).

test_that("the transformed data have the implied correlations, as plain R computes them", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    for (saturated in c(FALSE, TRUE)) {
      data <- iecpls:::exact_fit_data(fit, saturated = saturated)
      indicators <- fit$model$indicators
      Sigma <- pls_implied_cor(fit, saturated = saturated)[indicators, indicators]
      expect_equal(data$Sigma, Sigma, tolerance = 1e-12)
      expect_equal(unname(cor(t(data$zt))), unname(Sigma), tolerance = 1e-10)
      Z <- t(iecpls:::c_standardize(fit)$zt)
      expect_equal(unname(cor(Z)), unname(data$S), tolerance = 1e-10)
      expect_equal(t(data$zt), reference_exact_fit_data(Z, data$S, Sigma), tolerance = 1e-10)
    }
  }
})

test_that("the resamples' fit measures are those of plain-R refits of the same rows", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    test <- pls_model_fit(fit, R = 150, seed = 5)
    seeds <- iecpls:::with_seed(5, iecpls:::chunk_seeds(2))
    for (saturated in c(FALSE, TRUE)) {
      Z <- as.data.frame(t(iecpls:::exact_fit_data(fit, saturated = saturated)$zt))
      names(Z) <- fit$model$indicators
      draws <- test$draws[[if (saturated) "saturated" else "estimated"]]
      for (chunk in 1:2) {
        rows <- reference_resample_rows(seeds[, chunk], nrow(Z), 2)
        for (b in 1:2) {
          refit <- pls(fit$model, data = Z[rows[[b]], ], tol = 1e-12, max_iter = 1000)
          expect_equal(unname(draws[(chunk - 1) * 100 + b, ]),
                       reference_fit_measures(refit, saturated), tolerance = 1e-10)
        }
      }
    }
  }
})

test_that("PLSc fits and the composite and common-factor models are tested like plain-R refits", {
  fit <- pls(small_ecsi_syntax, data = mobi, consistent = TRUE, tol = 1e-12, max_iter = 1000)
  seeds <- iecpls:::with_seed(6, iecpls:::chunk_seeds(1))
  for (model in c("composite", "common_factor")) {
    test <- pls_model_fit(fit, model = model, R = 2, seed = 6)
    for (saturated in c(FALSE, TRUE)) {
      Z <- as.data.frame(t(iecpls:::exact_fit_data(fit, model, saturated)$zt))
      names(Z) <- fit$model$indicators
      rows <- reference_resample_rows(seeds[, 1], nrow(Z), 2)
      for (b in 1:2) {
        refit <- pls(fit$model, data = Z[rows[[b]], ], consistent = TRUE, tol = 1e-12, max_iter = 1000)
        expect_equal(unname(test$draws[[if (saturated) "saturated" else "estimated"]][b, ]),
                     reference_fit_measures(refit, saturated, model), tolerance = 1e-10)
      }
    }
  }
})

test_that("inadmissible PLSc resamples are kept and counted, as pls_boot() keeps them by default", {
  fit <- pls(small_ecsi_syntax, data = mobi[1:60, ], consistent = TRUE)
  expect_true(fit$admissible)
  expect_warning(test <- pls_model_fit(fit, R = 100, seed = 1), class = "iecpls_inadmissible_warning")
  inadmissible <- iecpls:::status_code("inadmissible")
  expect_gt(test$n_inadmissible, 0)
  expect_identical(test$n_inadmissible,
                   sum(test$status$estimated == inadmissible | test$status$saturated == inadmissible))
  expect_identical(test$n_failed, 0L)
  draws <- test$draws$estimated
  expect_false(anyNA(draws[test$status$estimated == inadmissible, "SRMR"]))
  expect_equal(test$tests$hi95[1], quantile(draws[, "SRMR"], 0.95, names = FALSE))
})

test_that("with case weights the weighted correlations are transformed and a resampled row keeps its weight", {
  weights <- rep(c(1, 2, 0.5), length.out = nrow(mobi))
  fit <- pls(small_ecsi_syntax, data = mobi, case_weights = weights, tol = 1e-12, max_iter = 1000)
  data <- iecpls:::exact_fit_data(fit)
  expect_equal(stats::cov.wt(t(data$zt), wt = data$case_weights, cor = TRUE)$cor, data$Sigma,
               tolerance = 1e-10, ignore_attr = TRUE)
  test <- pls_model_fit(fit, R = 3, seed = 4)
  seeds <- iecpls:::with_seed(4, iecpls:::chunk_seeds(1))
  Z <- as.data.frame(t(data$zt))
  names(Z) <- fit$model$indicators
  rows <- reference_resample_rows(seeds[, 1], nrow(Z), 3)
  for (b in 1:3) {
    refit <- pls(fit$model, data = Z[rows[[b]], ], case_weights = weights[rows[[b]]], tol = 1e-12, max_iter = 1000)
    expect_equal(unname(test$draws$estimated[b, ]), reference_fit_measures(refit), tolerance = 1e-10)
  }
})

test_that("the test reports the sample values, the quantiles and the verdicts", {
  fit <- fit_tight("mobi")
  test <- pls_model_fit(fit, R = 200, seed = 3)
  expect_s3_class(test, "pls_model_fit_test")
  tests <- tidy(test)
  expect_identical(tests$statistic, rep(c("SRMR", "d_ULS", "d_G", "d_ML"), 2))
  expect_identical(tests$model, rep(c("estimated", "saturated"), each = 4))
  measures <- pls_model_fit(fit)
  expect_equal(tests$value[c(1:3, 5:7)], c(measures$estimated, measures$saturated))
  for (model in c("estimated", "saturated")) {
    rows <- tests$model == model
    hi <- apply(test$draws[[model]], 2, quantile, probs = c(0.95, 0.99), names = FALSE)
    expect_equal(tests$hi95[rows], unname(hi[1, ]))
    expect_equal(tests$hi99[rows], unname(hi[2, ]))
  }
  expect_identical(tests$supported_95, tests$value <= tests$hi95)
  expect_identical(tests$supported_99, tests$value <= tests$hi99)
  expect_identical(as.data.frame(test), tests)
  expect_identical(test$measures, measures)
  expect_identical(pls_model_fit(fit), measures)   # R = 0: the table as before
  lines <- capture.output(print(test))
  expect_true(all(nchar(lines) <= 80))
  expect_match(lines[1], "200 resamples")
})

test_that("a seed reproduces the test for any number of threads and leaves the session's RNG alone", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(99)
  before <- .Random.seed
  one <- pls_model_fit(fit, R = 120, seed = 7, cores = 1)
  expect_identical(.Random.seed, before)
  two <- pls_model_fit(fit, R = 120, seed = 7, cores = 2)
  expect_identical(one$draws, two$draws)
  expect_identical(one$tests, two$tests)
  set.seed(7)
  session <- pls_model_fit(fit, R = 120)
  expect_identical(session$draws, one$draws)
  expect_false(identical(pls_model_fit(fit, R = 120, seed = 8)$draws, one$draws))
})

test_that("bad input and unsupported models give classed errors", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(pls_model_fit(fit, R = 1), class = "iecpls_input_error")
  expect_error(pls_model_fit(fit, R = "100"), class = "iecpls_input_error")
  expect_error(pls_model_fit(fit, R = 2.5), class = "iecpls_input_error")
  expect_error(pls_model_fit(fit, R = -1), class = "iecpls_input_error")
  expect_error(pls_model_fit(fit, R = 10, cores = 0), class = "iecpls_input_error")
  expect_error(pls_model_fit(fit, R = 10, seed = "a"), class = "iecpls_input_error")
  from_cor <- pls(small_ecsi_syntax, S = fit$indicator_cor)
  expect_error(pls_model_fit(from_cor, R = 10), class = "iecpls_needs_data")
  moderated <- pls(paste(small_ecsi_syntax, "Loyalty ~ Image:Satisfaction"), data = mobi)
  expect_error(pls_model_fit(moderated, R = 10), class = "iecpls_unsupported_error")
  expect_s3_class(pls_model_fit(moderated), "data.frame")
  second_order <- "A =~ IMAG1 + IMAG2\nB =~ IMAG3 + IMAG4\nH =~ A + B\nC =~ CUSL1 + CUSL2\nC ~ H"
  for (hoc in c("embedded", "disjoint", "repeated")) {
    expect_error(pls_model_fit(pls(second_order, data = mobi, hoc = hoc), R = 10),
                 class = "iecpls_unsupported_error")
  }
})

test_that("critical values agree with cSEM's testOMF() within Monte Carlo error", {
  skip_on_cran()
  for (case in c("mobi", "corp_rep")) {
    path <- test_path("fixtures", paste0("omf_", case, "_cSEM.rds"))
    skip_if_not(file.exists(path), "run tools/make-fixtures-omf.R")
    peer <- readRDS(path)
    fit <- if (case == "mobi") {
      pls(ecsi_syntax, data = mobi, tol = 1e-10, max_iter = 1000)
    } else {
      pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean", tol = 1e-10,
          max_iter = 1000)
    }
    test <- pls_model_fit(fit, R = peer$R, seed = 2026)
    for (model in c("estimated", "saturated")) {
      theirs <- peer$tests[[model]]
      ours <- test$tests[test$tests$model == model, ]
      scale <- c(dG = log(10)^2, SRMR = 1, dL = 1, dML = 1)
      for (name in names(peer$statistics)) {
        row <- ours$statistic == peer$statistics[[name]]
        expect_equal(ours$value[row], unname(theirs$value[name]) * scale[[name]], tolerance = 1e-6)
        mine <- test$draws[[model]][, peer$statistics[[name]]]
        for (level in c(95, 99)) {
          p <- level / 100
          peer_quantile <- unname(theirs$critical[name, paste0(level, "%")]) * scale[[name]]
          ours_quantile <- ours[[paste0("hi", level)]][row]
          # two independent runs of as many resamples from the same
          # distribution: the difference has sqrt(2) times the standard error
          # of one sample quantile
          expect_lt(abs(ours_quantile - peer_quantile), 4 * sqrt(2) * quantile_se(mine, p))
        }
      }
    }
  }
})

test_that("summary() reports the critical values of a test the fit carries", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  plain <- summary(fit)$fit
  fit$model_fit_test <- pls_model_fit(fit, R = 100, seed = 2)
  report <- summary(fit)
  tests <- fit$model_fit_test$tests
  expect_identical(report$fit[names(plain)], plain)
  expect_identical(report$fit$hi95_est, tests$hi95[tests$model == "estimated"][1:3])
  expect_identical(report$fit$hi99_sat, tests$hi99[tests$model == "saturated"][1:3])
  expect_null(summary(fit, implied = "composite")$fit$hi95_est)
  lines <- capture.output(print(report))
  expect_true(all(nchar(lines) <= 80))
  expect_true(any(grepl("hi95_est", lines)))
})
