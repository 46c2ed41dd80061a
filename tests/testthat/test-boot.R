test_that("the C random streams reproduce R's L'Ecuyer-CMRG generator", {
  seed <- iecpls:::lecuyer_seed(2024)
  env <- globalenv()
  stats::runif(1)
  old_kind <- RNGkind()
  old_seed <- get(".Random.seed", envir = env)
  RNGkind("L'Ecuyer-CMRG")
  set.seed(2024)
  expected <- stats::runif(1000)
  suppressWarnings(RNGkind(old_kind[1], old_kind[2], old_kind[3]))
  assign(".Random.seed", old_seed, envir = env)
  expect_identical(iecpls:::c_stream_unif(seed[2:7], 1000), expected)
})

test_that("bootstrap draws are refits of resampled data", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(11)
  boot <- pls_boot(fit, R = 120, bca = FALSE)
  set.seed(11)
  seeds <- iecpls:::chunk_seeds(2)
  for (chunk in 1:2) {
    rows <- reference_resample_rows(seeds[, chunk], nrow(mobi), 3)
    for (b in 1:3) {
      refit <- pls(small_ecsi_syntax, data = mobi[rows[[b]], ])
      draw <- boot$draws[(chunk - 1) * 100 + b, ]
      expect_equal(unname(draw[paste("path:", names(coef(refit)))]), unname(coef(refit)), tolerance = 1e-8)
      expect_equal(unname(draw[grep("^weight", names(draw))]), unname(coef(refit, "weights")), tolerance = 1e-8)
      expect_equal(unname(draw[grep("^loading", names(draw))]), unname(coef(refit, "loadings")), tolerance = 1e-8)
      expect_equal(unname(draw[grep("^r2", names(draw))]), unname(refit$r2), tolerance = 1e-8)
      indirect <- refit$path_coef["Image", "Satisfaction"] * refit$path_coef["Satisfaction", "Loyalty"]
      expect_equal(unname(draw["specific: Image -> Satisfaction -> Loyalty"]), indirect, tolerance = 1e-8)
      expect_equal(unname(draw["indirect: Image -> Loyalty"]), indirect, tolerance = 1e-8)
      expect_equal(unname(draw["total: Image -> Loyalty"]),
                   indirect + refit$path_coef["Image", "Loyalty"], tolerance = 1e-8)
    }
  }
})

test_that("the same seed reproduces a run for any number of threads", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  set.seed(3)
  one <- pls_boot(fit, R = 250, cores = 1)
  set.seed(3)
  two <- pls_boot(fit, R = 250, cores = 2)
  expect_identical(one$draws, two$draws)
  expect_identical(one$jackknife, two$jackknife)
  expect_identical(one$parameters, two$parameters)
  set.seed(4)
  other <- pls_boot(fit, R = 250, cores = 1)
  expect_false(identical(one$draws, other$draws))
})

test_that("a two-worker future plan gives the in-process result", {
  skip_if_not_installed("future")
  skip_if_loaded_from_source()
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(8)
  local <- pls_boot(fit, R = 450, bca = FALSE)
  old_plan <- future::plan(future::multisession, workers = 2)
  on.exit(future::plan(old_plan), add = TRUE)
  set.seed(8)
  distributed <- pls_boot(fit, R = 450, bca = FALSE)
  expect_identical(distributed$draws, local$draws)
  expect_identical(distributed$status, local$status)
})

test_that("a run advances the session's random numbers by one draw", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(99)
  pls_boot(fit, R = 50, bca = FALSE)
  after_boot <- stats::runif(3)
  set.seed(99)
  sample.int(.Machine$integer.max, 1L)
  expect_identical(after_boot, stats::runif(3))
  expect_identical(RNGkind()[1], "Mersenne-Twister")
})

test_that("the jackknife rows are leave-one-out fits", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(1)
  boot <- pls_boot(fit, R = 20)
  for (i in c(1, 17, 250)) {
    refit <- pls(small_ecsi_syntax, data = mobi[-i, ])
    expect_equal(unname(boot$jackknife[i, paste("path:", names(coef(refit)))]), unname(coef(refit)),
                 tolerance = 1e-8)
  }
})

test_that("the jackknife runs in chunks of cases: every case once, the same for any threads", {
  fit <- pls(corp_rep_syntax, data = corp_rep_mean_replaced())   # 344 cases: two chunks
  problem <- iecpls:::boot_problem(fit, "none")
  one <- iecpls:::run_jackknife(problem, 1L)
  two <- iecpls:::run_jackknife(problem, 2L)
  expect_identical(one, two)
  expect_equal(nrow(one$stats), 344L)
  expect_true(all(one$status == 0L))
  for (i in c(1, 256, 257, 344)) {
    refit <- pls(corp_rep_syntax, data = corp_rep_mean_replaced()[-i, ])
    expect_equal(unname(one$stats[i, seq_along(refit$model$indicators)]), unname(coef(refit, "weights")),
                 tolerance = 1e-8)
  }
})

test_that("standard errors, percentile and BCa intervals follow their definitions", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  set.seed(21)
  boot <- pls_boot(fit, R = 400, level = 0.9)
  table <- boot$parameters
  for (k in seq_len(nrow(table))) {
    draws <- boot$draws[, k]
    expect_equal(table$se[k], stats::sd(draws), tolerance = 1e-12)
    expect_equal(c(table$lower[k], table$upper[k]), unname(stats::quantile(draws, c(0.05, 0.95))), tolerance = 1e-12)
    if (table$type[k] == "r2" || is.na(table$bca_lower[k])) next
    expect_equal(c(table$bca_lower[k], table$bca_upper[k]),
                 reference_bca(draws, table$estimate[k], boot$jackknife[, k], 0.9), tolerance = 1e-10)
  }
  paths <- table[table$type == "path", ]
  expect_equal(paths$t, paths$estimate / paths$se)
  expect_equal(paths$p, 2 * stats::pt(-abs(paths$t), df = 249))
  expect_equal(unname(confint(boot)[, 1]), table$lower)
  wider <- confint(boot, level = 0.99, type = "bca")
  expect_true(all(wider[, 1] <= table$bca_lower + 1e-12, na.rm = TRUE))
  expect_equal(colnames(wider), c("0.5 %", "99.5 %"))
  expect_equal(rownames(confint(boot, "path: Image -> Loyalty")), "path: Image -> Loyalty")
  expect_error(confint(boot, "path: Image -> Loyality"), "did you mean")
})

test_that("estimates in the bootstrap table are those of the fit", {
  fit <- pls(ecsi_syntax, data = mobi)
  set.seed(2)
  boot <- pls_boot(fit, R = 30, bca = FALSE)
  s <- summary(boot)
  expect_equal(s$paths$estimate, unname(coef(fit)))
  expect_equal(s$weights$estimate, unname(coef(fit, "weights")))
  expect_equal(s$loadings$estimate, unname(coef(fit, "loadings")))
  expect_equal(s$r2$estimate, unname(fit$r2))
  total <- iecpls:::total_effects(fit$path_coef)
  expect_equal(s$total$estimate[s$total$term == "Image -> Loyalty"], total["Image", "Loyalty"])
  chain <- s$specific$term == "Image -> Expectation -> Quality -> Value -> Satisfaction -> Loyalty"
  expect_equal(s$specific$estimate[chain],
               prod(fit$path_coef[cbind(c("Image", "Expectation", "Quality", "Value", "Satisfaction"),
                                        c("Expectation", "Quality", "Value", "Satisfaction", "Loyalty"))]))
  specific_sum <- sum(s$specific$estimate[startsWith(s$specific$term, "Image ->") & endsWith(s$specific$term, "-> Loyalty")])
  expect_equal(s$indirect$estimate[s$indirect$term == "Image -> Loyalty"], specific_sum)
  expect_output(print(boot), "Path coefficients")
  expect_output(print(s), "Specific indirect effects")
})

test_that("sign-change options", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  set.seed(5)
  individual <- pls_boot(fit, R = 200, sign_change = "individual", bca = FALSE)
  signed <- individual$parameters$type %in% c("weight", "loading", "path", "total")
  estimates <- individual$parameters$estimate[signed]
  agree <- sign(individual$draws[, signed]) == rep(sign(estimates), each = 200)
  expect_true(all(agree | individual$draws[, signed] == 0))
  set.seed(5)
  construct <- pls_boot(fit, R = 200, sign_change = "construct", bca = FALSE)
  set.seed(5)
  none <- pls_boot(fit, R = 200, bca = FALSE)
  # resamples are oriented by the same convention, so construct-level changes are rare
  expect_lt(mean(construct$draws != none$draws, na.rm = TRUE), 0.05)
  expect_equal(construct$sign_change, "construct")
})

test_that("failed resamples are counted, excluded and reported", {
  data <- mobi
  data$CUSCO <- c(10L, rep(5L, 249))   # constant unless row 1 is drawn
  syntax <- paste(small_ecsi_syntax, "Complaints =~ CUSCO\nComplaints ~ Satisfaction")
  fit <- pls(syntax, data = data)
  set.seed(6)
  expect_warning(boot <- pls_boot(fit, R = 100, bca = FALSE), "resamples failed.*constant indicator")
  failed <- boot$status != 0
  expect_gt(sum(failed), 10)
  expect_equal(boot$n_failed, sum(failed))
  expect_true(all(is.na(boot$draws[failed, ])))
  expect_equal(boot$parameters$se[1], stats::sd(boot$draws[!failed, 1]))
  expect_output(print(boot), "failed and excluded")
})

test_that("bad bootstrap requests are errors", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(pls_boot(fit, R = 0), "R")
  expect_error(pls_boot(fit, level = 1.5), "level")
  expect_error(pls_boot(fit, cores = 0), "cores")
  expect_error(pls_boot(list()), "pls_fit")
  from_cor <- pls(small_ecsi_syntax, S = stats::cor(mobi))
  expect_error(pls_boot(from_cor), "correlation matrix")
  no_bca <- pls_boot(fit, R = 10, bca = FALSE)
  expect_error(confint(no_bca, type = "bca"), "jackknife")
})

test_that("pls(R = R) attaches a bootstrap that print() reports", {
  set.seed(12)
  fit <- pls(small_ecsi_syntax, data = mobi, R = 100)
  expect_s3_class(fit$boot, "pls_boot")
  expect_equal(fit$boot$R, 100L)
  expect_output(print(fit), "bootstrap: 100 resamples")
  expect_output(print(fit), "bca_lower")
  set.seed(12)
  separate <- pls_boot(pls(small_ecsi_syntax, data = mobi), R = 100)
  expect_identical(fit$boot$draws, separate$draws)
})

test_that("HTMT is bootstrapped for every pair of reflective constructs", {
  fit <- pls(ecsi_syntax, data = mobi)
  set.seed(41)
  boot <- pls_boot(fit, R = 60, bca = FALSE)
  htmt <- summary(boot)$htmt
  expect_equal(nrow(htmt), choose(7, 2))
  point <- pls_htmt(fit)
  expect_equal(htmt$estimate[htmt$term == "Image <-> Loyalty"], point["Image", "Loyalty"])
  expect_true(all(is.na(htmt$t)))
  set.seed(41)
  seeds <- iecpls:::chunk_seeds(1)
  rows <- reference_resample_rows(seeds[, 1], nrow(mobi), 2)
  for (b in 1:2) {
    refit <- pls(ecsi_syntax, data = mobi[rows[[b]], ])
    expect_equal(unname(boot$draws[b, "htmt: Quality <-> Loyalty"]), pls_htmt(refit)["Quality", "Loyalty"],
                 tolerance = 1e-10)
  }
  set.seed(41)
  absolute <- pls_boot(fit, R = 60, bca = FALSE, htmt_absolute = TRUE)
  expect_equal(absolute$parameters$estimate[absolute$parameters$term == "Quality <-> Loyalty"],
               pls_htmt(fit, htmt_absolute = TRUE)["Quality", "Loyalty"])
  composites <- pls(corp_rep_syntax, data = corp_rep_mean_replaced())
  set.seed(1)
  expect_equal(sort(unique(summary(pls_boot(composites, R = 20, bca = FALSE))$htmt$term)),
               sort(c("COMP <-> LIKE", "COMP <-> CUSA", "COMP <-> CUSL", "LIKE <-> CUSA", "LIKE <-> CUSL", "CUSA <-> CUSL")))
})

test_that("the C summary of draws matches plain R, with NA draws and failed rows", {
  set.seed(31)
  for (n_draws in c(1, 2, 3, 7, 100, 999)) {
    draws <- matrix(stats::rnorm(n_draws * 4), n_draws, 4)
    draws[sample(length(draws), length(draws) %/% 5)] <- NA
    draws[, 4] <- NA
    valid <- seq_len(n_draws) %% 7 != 3
    estimate <- stats::rnorm(4, sd = 0.3)
    jackknife <- matrix(stats::rnorm(40), 10, 4)
    jackknife[2, 1] <- NA
    out <- iecpls:::c_boot_summary(draws, valid, estimate, jackknife, 0.9)
    for (k in 1:3) {
      kept <- draws[valid, k]
      kept <- kept[!is.na(kept)]
      if (!length(kept)) next
      expect_equal(out[k, 1], mean(kept), tolerance = 1e-14)
      expect_equal(out[k, 2], if (length(kept) > 1) stats::sd(kept) else NA_real_, tolerance = 1e-14)
      expect_equal(out[k, 3:4], unname(stats::quantile(kept, c(0.05, 0.95))), tolerance = 1e-14)
      bca <- suppressWarnings(reference_bca(kept, estimate[k], stats::na.omit(jackknife[, k]), 0.9))
      if (all(is.finite(bca))) expect_equal(out[k, 5:6], bca, tolerance = 1e-12)
    }
    expect_true(is.nan(out[4, 1]))
    expect_true(all(is.na(out[4, 2:6])))
  }
  no_jackknife <- iecpls:::c_boot_summary(draws, valid, estimate, NULL, 0.9)
  expect_true(all(is.na(no_jackknife[, 5:6])))
  # heavily tied and constant draws (a single indicator's weight is always 1)
  for (n_draws in c(5, 601, 1500)) {
    tied <- matrix(sample(c(-1, 0, 1, 2), n_draws * 2, replace = TRUE), n_draws, 2)
    tied[, 2] <- 1
    out <- iecpls:::c_boot_summary(tied, rep(TRUE, n_draws), c(0.5, 1), NULL, 0.95)
    for (k in 1:2) expect_equal(out[k, 3:4], unname(stats::quantile(tied[, k], c(0.025, 0.975))))
  }
})

test_that("indirect effects of each resample are formed from its (sign-changed) paths", {
  fit <- pls(ecsi_syntax, data = mobi)
  for (sign_change in c("none", "individual")) {
    set.seed(8)
    boot <- pls_boot(fit, R = 60, sign_change = sign_change)
    parameters <- boot$parameters
    base <- !parameters$type %in% c("indirect", "specific")
    recomputed <- derived_effects_oracle(boot$draws[, base], parameters[base, ], fit$model)
    expect_equal(unname(boot$draws[, !base]), unname(recomputed$values), tolerance = 1e-14)
    expect_equal(paste0(recomputed$parameters$type, ": ", recomputed$parameters$term),
                 colnames(boot$draws)[!base])
    jack <- derived_effects_oracle(boot$jackknife[, base], parameters[base, ], fit$model)$values
    expect_equal(unname(boot$jackknife[, !base]), unname(jack), tolerance = 1e-14)
  }
  # the last run: individual sign changes
  signed <- parameters$type %in% c("weight", "loading", "path", "total")
  agree <- sign(boot$draws[, signed]) == rep(sign(parameters$estimate[signed]), each = 60)
  expect_true(all(agree | boot$draws[, signed] == 0))
  expect_true(any(parameters$type == "specific") && any(parameters$type == "indirect"))
})

test_that("large data are resampled in smaller chunks, fixed by the data's size alone", {
  expect_identical(iecpls:::chunk_size_for(344, 31), 100L)
  expect_identical(iecpls:::chunk_size_for(1e7, 12), 1L)
  expect_identical(iecpls:::chunk_size_for(20000, 30), 100L)
  expect_identical(iecpls:::chunk_size_for(30000, 30), 74L)
  expect_identical(iecpls:::chunk_size_for(1e9, 500), 1L)
  expect_identical(iecpls:::chunk_sizes(250, 40L), c(40L, 40L, 40L, 40L, 40L, 40L, 10L))
})

test_that("a bootstrap of large data runs its chunks as pls_boot() sizes them", {
  skip_on_cran()
  data <- chain_data(70000, 2, 30, seed = 4)
  fit <- pls(chain_syntax(2, 30), data = data)
  size <- iecpls:::chunk_size_for(70000, 60)
  expect_lt(size, 100L)
  problem <- iecpls:::boot_problem(fit, "none")
  set.seed(12)
  boot <- pls_boot(fit, R = size + 2L, bca = FALSE)
  set.seed(12)
  seeds <- iecpls:::chunk_seeds(2L)
  direct <- iecpls:::c_bootstrap(problem, seeds, c(size, 2L), 1L)
  expect_equal(unname(boot$draws), unname(direct$stats))
})

test_that("missing values are replaced once, before resampling, as ?pls_boot says (#15)", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  set.seed(8)
  boot <- pls_boot(fit, R = 2, bca = FALSE)
  set.seed(8)
  seeds <- iecpls:::chunk_seeds(1)
  rows <- reference_resample_rows(seeds[, 1], nrow(corp_rep_data), 1)[[1]]
  replaced_first <- pls(corp_rep_syntax, data = corp_rep_mean_replaced()[rows, ])
  expect_equal(unname(boot$draws[1, paste("path:", names(coef(fit)))]), unname(coef(replaced_first)),
               tolerance = 1e-8)
  # seminr's rule, replacement within the resample, gives other estimates
  within <- pls(corp_rep_syntax, data = corp_rep_data[rows, ], na_values = -99, missing = "mean")
  expect_gt(max(abs(coef(within) - coef(replaced_first))), 1e-6)
  # which impute = "within" reproduces (#19)
  set.seed(8)
  inside <- pls_boot(fit, R = 2, bca = FALSE, impute = "within")
  expect_equal(unname(inside$draws[1, paste("path:", names(coef(fit)))]), unname(coef(within)), tolerance = 1e-8)
  expect_identical(inside$impute, "within")
  rd <- test_path("..", "..", "man", "pls_boot.Rd")
  skip_if_not(file.exists(rd), "no source tree")
  text <- paste(readLines(rd), collapse = " ")
  expect_no_match(text, "replaced before resampling, as seminr", fixed = TRUE)
  expect_match(text, "replaces them in each resample by the resample's own means of the observed values, as seminr's bootstrap does", fixed = TRUE)
})
