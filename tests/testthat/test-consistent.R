# Consistent PLS (PLSc) against cSEM and seminr (fixtures written by
# tools/make-fixtures-plsc.R), and inside the bootstrap.

plsc_fit <- function(name) {
  if (name == "mobi") return(pls(ecsi_syntax, data = mobi, consistent = TRUE, tol = 1e-12, max_iter = 1000))
  pls(corp_rep_syntax, data = corp_rep_mean_replaced(), consistent = TRUE, tol = 1e-12, max_iter = 1000)
}

test_that("PLSc paths, loadings, reliabilities and R^2 agree with cSEM and seminr", {
  for (name in c("mobi", "corp_rep")) {
    fit <- suppressWarnings(plsc_fit(name))
    for (peer in c("cSEM", "seminr")) {
      fx <- readRDS(test_path("fixtures", paste0("plsc_", name, "_", peer, ".rds")))
      label <- paste(name, peer)
      expect_equal(fit$path_coef, fx$path_coef, tolerance = 1e-6, label = paste(label, "paths"))
      expect_equal(fit$outer_loadings, fx$outer_loadings, tolerance = 1e-6, label = paste(label, "loadings"))
      expect_equal(fit$outer_weights, fx$outer_weights, tolerance = 1e-6, label = paste(label, "weights"))
      expect_equal(fit$r2, fx$r2[names(fit$r2)], tolerance = 1e-6, label = paste(label, "R2"))
      if (!is.null(fx$rho_a)) {
        expect_equal(fit$rho_a, fx$rho_a, tolerance = 1e-6, label = paste(label, "rho_A"))
        expect_equal(fit$construct_cor, fx$construct_cor, tolerance = 1e-6, label = paste(label, "construct correlations"))
      }
    }
  }
})

test_that("composites and single items keep rho_A = 1 and PLS loadings", {
  fit <- plsc_fit("corp_rep")
  plain <- pls(corp_rep_syntax, data = corp_rep_mean_replaced(), tol = 1e-12, max_iter = 1000)
  expect_equal(unname(fit$rho_a[c("QUAL", "PERF", "CSOR", "ATTR", "CUSA")]), rep(1, 5))
  expect_equal(fit$outer_loadings[, "QUAL"], plain$outer_loadings[, "QUAL"])
  expect_equal(fit$outer_weights, plain$outer_weights)
  expect_true(all(fit$rho_a[c("COMP", "LIKE", "CUSL")] < 1))
  expect_true(fit$admissible)
  expect_true(plain$admissible)
})

test_that("an inadmissible PLSc solution is flagged with a warning", {
  # mobi under PLSc: the corrected construct correlations are not positive
  # definite (cSEM's verify() agrees)
  expect_warning(fit <- pls(ecsi_syntax, data = mobi, consistent = TRUE), "inadmissible")
  expect_false(fit$admissible)
  expect_lt(min(eigen(fit$construct_cor, only.values = TRUE)$values), 0)
})

test_that("the bootstrap of a PLSc fit bootstraps PLSc estimates", {
  data <- corp_rep_mean_replaced()
  fit <- pls(corp_rep_syntax, data = data, consistent = TRUE)
  set.seed(31)
  boot <- suppressWarnings(pls_boot(fit, R = 100, bca = FALSE))
  set.seed(31)
  seeds <- iecpls:::chunk_seeds(1)
  rows <- reference_resample_rows(seeds[, 1], nrow(data), 5)
  checked <- 0
  for (b in which(boot$status[1:5] == 0)) {
    refit <- suppressWarnings(pls(corp_rep_syntax, data = data[rows[[b]], ], consistent = TRUE))
    expect_equal(unname(boot$draws[b, paste("path:", names(coef(refit)))]), unname(coef(refit)), tolerance = 1e-8)
    expect_equal(unname(boot$draws[b, grep("^loading", colnames(boot$draws))]), unname(coef(refit, "loadings")),
                 tolerance = 1e-8)
    checked <- checked + 1
  }
  expect_gt(checked, 2)
  expect_equal(boot$parameters$estimate[boot$parameters$type == "path"], unname(coef(fit)))
  expect_true(all(boot$status %in% c(0L, 102L)))
  expect_error(pls(small_ecsi_syntax, data = mobi, consistent = NA), "consistent")
})

# A bootstrap resample of mobi whose corrected Image-Expectation correlation
# exceeds 1: the predecessors of Satisfaction have invertible corrected
# correlations that are not positive definite (#15).
indefinite_plsc_rows <- function() {
  iecpls:::with_seed(4, sample(nrow(mobi), replace = TRUE))
}
four_construct_syntax <- "
  Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
  Expectation  =~ CUEX1 + CUEX2 + CUEX3
  Satisfaction =~ CUSA1 + CUSA2 + CUSA3
  Loyalty      =~ CUSL1 + CUSL2 + CUSL3
  Expectation  ~ Image
  Satisfaction ~ Image + Expectation
  Loyalty      ~ Image + Satisfaction
"

test_that("invertible corrected correlations that are not positive definite give an inadmissible fit, not an error", {
  data <- mobi[indefinite_plsc_rows(), ]
  expect_warning(fit <- pls(four_construct_syntax, data = data, consistent = TRUE), "inadmissible")
  expect_false(fit$admissible)
  predecessors <- c("Image", "Expectation")
  A <- fit$construct_cor[predecessors, predecessors]
  expect_gt(A[1, 2], 1)
  expect_lt(min(eigen(A, only.values = TRUE)$values), 0)
  b <- fit$construct_cor[predecessors, "Satisfaction"]
  expect_equal(fit$path_coef[predecessors, "Satisfaction"], solve(A, b), tolerance = 1e-12)
  expect_equal(unname(fit$r2["Satisfaction"]), sum(solve(A, b) * b), tolerance = 1e-12)
  # the same data without the correction are an ordinary fit
  expect_true(pls(four_construct_syntax, data = data)$admissible)
})

test_that("print, summary and glance say when the PLSc solution is inadmissible", {
  fit <- suppressWarnings(pls(four_construct_syntax, data = mobi[indefinite_plsc_rows(), ], consistent = TRUE))
  expect_gt(max(fit$r2), 1)
  expect_output(print(fit), "INADMISSIBLE consistent PLS")
  report <- summary(fit)
  expect_false(report$model$admissible)
  expect_true(all(report$r2$level == "inadmissible"))
  expect_true(all(report$f2$size == "inadmissible"))
  text <- paste(capture.output(print(report)), collapse = "\n")
  expect_match(text, "INADMISSIBLE consistent PLS")
  expect_match(text, "The consistent PLS \\(PLSc\\) solution is inadmissible")
  expect_false(grepl("substantial\n", sub(".*Explanatory power[^\n]*\n", "", text)))
  expect_false(glance(fit)$admissible)
  admissible <- pls(four_construct_syntax, data = mobi, consistent = TRUE)
  expect_true(glance(admissible)$admissible)
  expect_true(summary(admissible)$model$admissible)
  expect_false(any(summary(admissible)$r2$level == "inadmissible"))
  expect_no_match(paste(capture.output(print(admissible)), collapse = "\n"), "INADMISSIBLE")
})

test_that("inadmissible PLSc resamples are kept by default, with their estimates, and counted", {
  fit <- pls(four_construct_syntax, data = mobi, consistent = TRUE)
  set.seed(11)
  expect_warning(boot <- pls_boot(fit, R = 60, bca = FALSE), "an inadmissible PLSc solution and (is|are) kept")
  expect_identical(boot$inadmissibles, "ignore")
  inadmissible <- boot$status == 102L
  expect_gt(sum(inadmissible), 5)
  expect_equal(boot$n_inadmissible, sum(inadmissible))
  expect_equal(boot$n_failed, sum(!boot$status %in% c(0L, 102L)))
  expect_false(anyNA(boot$draws[inadmissible, ]))
  used <- boot$status %in% c(0L, 102L)
  expect_equal(boot$parameters$se[1], stats::sd(boot$draws[used, 1]))
  # a kept resample is the PLSc refit of its rows
  set.seed(11)
  seeds <- iecpls:::chunk_seeds(1)
  rows <- reference_resample_rows(seeds[, 1], nrow(mobi), 60)
  b <- which(inadmissible)[1]
  refit <- suppressWarnings(pls(four_construct_syntax, data = mobi[rows[[b]], ], consistent = TRUE))
  expect_false(refit$admissible)
  expect_equal(unname(boot$draws[b, paste("path:", names(coef(refit)))]), unname(coef(refit)), tolerance = 1e-8)
  expect_output(print(boot), paste(sum(inadmissible), "with an inadmissible PLSc solution kept"))
  expect_output(print(summary(boot)), "with an inadmissible PLSc solution kept")
})

test_that("inadmissible PLSc resamples can be dropped or replaced, reproducibly for any threads", {
  fit <- pls(four_construct_syntax, data = mobi, consistent = TRUE)
  set.seed(11)
  expect_warning(dropped <- pls_boot(fit, R = 60, bca = FALSE, inadmissibles = "drop"), "excluded")
  inadmissible <- dropped$status == 102L
  expect_true(all(is.na(dropped$draws[inadmissible, ])))
  expect_equal(dropped$n_failed, sum(dropped$status != 0L))
  expect_equal(dropped$parameters$se[1], stats::sd(dropped$draws[dropped$status == 0L, 1]))
  expect_output(print(dropped), "of them with an inadmissible PLSc solution")

  set.seed(11)
  expect_warning(replaced <- pls_boot(fit, R = 60, bca = FALSE, inadmissibles = "replace"), "replaced")
  expect_equal(nrow(replaced$draws), 60)
  expect_false(any(replaced$status == 102L))
  expect_gte(replaced$n_inadmissible, sum(inadmissible))
  # the first resamples are the admissible ones of the same seed's run
  expect_identical(replaced$draws[seq_len(sum(!inadmissible)), ], dropped$draws[!inadmissible, ])
  expect_output(print(replaced), "with an inadmissible PLSc solution replaced by further resamples")
  set.seed(11)
  two_threads <- suppressWarnings(pls_boot(fit, R = 60, bca = FALSE, inadmissibles = "replace", cores = 2))
  expect_identical(two_threads$draws, replaced$draws)
  expect_error(pls_boot(fit, R = 10, inadmissibles = "keep"), "ignore")
})

test_that("under ignore, inadmissible leave-one-out fits count in the BCa acceleration", {
  fit <- pls(four_construct_syntax, data = mobi[1:80, ], consistent = TRUE)
  set.seed(3)
  kept <- suppressWarnings(pls_boot(fit, R = 20))
  set.seed(3)
  dropped <- suppressWarnings(pls_boot(fit, R = 20, inadmissibles = "drop"))
  expect_gt(sum(is.na(dropped$jackknife[, 1])), sum(is.na(kept$jackknife[, 1])))
})
