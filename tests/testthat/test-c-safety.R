# Safety of the C core beyond correct numbers: protection from the garbage
# collector, interrupts in the middle of a bootstrap, and large models and
# data. (The sanitizer and valgrind runs are tools/sanitize.sh and
# tools/valgrind.sh.)

test_that("every .Call entry point survives gctorture", {
  skip_on_cran()
  syntax <- "A =~ IMAG1 + IMAG2\nB <~ CUSA1 + CUSA2 + CUSA3\nC =~ CUSL1\nB ~ A\nC ~ A + B"
  data <- mobi[1:40, ]
  data$IMAG1 <- as.double(data$IMAG1)
  data$IMAG1[c(3, 7)] <- NA
  model <- parse_model(syntax)
  spec <- iecpls:::model_spec(model, "path", 1e-7, 300L)
  columns <- lapply(data[model$indicators], identity)
  weights <- rep(c(1, 2), 20)
  fit <- pls(syntax, data = data, missing = "mean", case_weights = weights)
  problem <- iecpls:::boot_problem(fit, "construct")
  set.seed(1)
  seeds <- iecpls:::chunk_seeds(2)
  sizes <- c(3L, 2L)
  S <- fit$indicator_cor
  draws <- matrix(stats::rnorm(60), 12, 5)
  draws[2, 3] <- NA
  constant <- columns
  constant$CUSA2 <- rep(4L, 40)
  ns <- asNamespace("iecpls")
  # group comparisons (MGA, MICOM): two groups of 20
  grouped <- pls(syntax, data = mobi[1:40, ])
  groups <- ns$comparison_groups(grouped, rep(c("a", "b"), 20), NULL, "pls_mga")
  pair <- ns$group_problem(grouped, groups, c("a", "b"))
  # necessary condition analysis: two conditions with ties
  nca_data <- data.frame(X1 = rep(1:5, 8), X2 = rep(c(2, 4, 1, 3), 10), Y = round(sin(1:40) * 3 + 4))
  nca_problem <- ns$nca_problem(nca_data, c("X1", "X2"), "Y")
  # FIMIX-PLS: two segments, two starts, a few iterations
  fimix_problem <- ns$fimix_problem(pls(syntax, data = data, missing = "mean"), TRUE)
  fimix_init <- ns$fimix_starts(fimix_problem$n, 2L, 2L, seed = 1)
  fimix_raw <- ns$c_fimix(fimix_problem, fimix_init, list(max_iter = 5L, tol = 1e-10), 1L)
  fimix_estimates <- list(pi = fimix_raw$pi[, 1], coef = fimix_raw$coef[, , 1], variance = fimix_raw$variance[, , 1])
  # PLS-POS: two segments of at least 5 of the 40 cases, three starts
  pos_problem <- ns$pos_problem(grouped)
  pos_settings <- list(segments = 2L, min_size = 5L, max_iter = 3L, search_depth = 40L)
  pos_seeds <- iecpls:::chunk_seeds(3)
  pooled <- ns$c_group_fits(pair)$stats
  micom <- ns$group_problem(grouped, groups, c("a", "b"), score_weights = pooled[seq_along(model$indicators)])
  # the tetrads of pls_cta(), from each resample's correlations alone
  tetrad_spec <- ns$cta_stat_spec(c(0L, 1L, 2L, 3L, 0L, 2L, 3L, 1L))
  # multi-stage models (interaction terms): two-stage and orthogonalizing
  moderated <- "A =~ IMAG1 + IMAG2\nB =~ CUSA1 + CUSA2\nC =~ CUSL1 + CUSL2\nC ~ A + B + A:B"
  staged_fit <- pls(moderated, data = data, missing = "mean", case_weights = weights)
  staged <- iecpls:::boot_problem(staged_fit, "construct")
  orthogonal <- pls(moderated, data = data, missing = "mean", interaction = "orthogonal", product_term = "unstandardized")
  orthogonal_spec <- ns$fit_model_spec(orthogonal)
  orthogonal_zt <- ns$c_standardize(orthogonal)$zt
  staged_groups <- ns$comparison_groups(orthogonal, rep(c("a", "b"), 20), NULL, "pls_mga")
  staged_pair <- ns$group_problem(orthogonal, staged_groups, c("a", "b"))
  # a higher-order model (embedded two-stage: stage-1 scores, stage 2)
  hoc_fit <- pls("A =~ IMAG1 + IMAG2\nB =~ IMAG3 + IMAG4\nH =~ A + B\nC =~ CUSL1 + CUSL2\nC ~ H",
                 data = data, missing = "mean", case_weights = weights)
  hoc <- iecpls:::boot_problem(hoc_fit, "construct")
  hoc_groups <- ns$comparison_groups(hoc_fit, rep(c("a", "b"), 20), NULL, "pls_mga")
  hoc_pair <- ns$group_problem(hoc_fit, hoc_groups, c("a", "b"))
  hoc_pooled <- ns$c_group_fits(within(hoc_pair, labels[] <- 0L))$stats
  hoc_micom <- ns$group_problem(hoc_fit, hoc_groups, c("a", "b"),
                                score_weights = hoc_pooled[seq_along(hoc_fit$model$indicators)])
  # EM moments and conditional expectations (IMAG1 has missing values)
  em_x <- as.matrix(data[model$indicators]) + 0
  em_start <- list(mean = colMeans(em_x, na.rm = TRUE), cov = diag(apply(em_x, 2, stats::var, na.rm = TRUE)))
  # correlations of ordinal indicators: two ordinal columns (one with an
  # empty category), a continuous one; a perfectly ordered pair
  ordinal_columns <- list(pmin(data$CUEX1 %/% 2L, 4L), as.double(data$IMAG2), pmax(data$CUSA1 %/% 3L, 2L))
  ordinal_categories <- c(4L, 0L, 4L)
  ordered_pair <- list(rep(1:2, c(20, 20)), rep(1:2, c(15, 25)))
  # correlation sources (src/source.c): EM, ordinal and Spearman fits, their
  # resampling problems and a group comparison
  em_fit <- pls(syntax, data = data, missing = "em", case_weights = weights)
  em_problem <- iecpls:::boot_problem(em_fit, "construct")
  ordinal_data <- data
  for (j in c("IMAG2", "CUSA1", "CUSA2", "CUSA3")) ordinal_data[[j]] <- cut(ordinal_data[[j]], c(-Inf, 5, 7, 9, Inf), ordered_result = TRUE)
  ordinal_fit <- suppressMessages(pls(syntax, data = ordinal_data, missing = "casewise"))
  ordinal_problem <- iecpls:::boot_problem(ordinal_fit, "none")
  spearman_fit <- pls(syntax, data = data, missing = "mean", cor = "spearman")
  spearman_problem <- iecpls:::boot_problem(spearman_fit, "none")
  em_groups <- ns$comparison_groups(em_fit, rep(c("a", "b"), 20), NULL, "pls_mga")
  em_pair <- ns$group_problem(em_fit, em_groups, c("a", "b"))
  # the test of exact model fit: transformed data, fit measures per resample
  exact_fit <- ns$exact_fit_problem(FALSE, fit, "auto")
  calls <- list(
    source_cor_em = function() .Call(ns$C_iecpls_source_cor, em_problem$spec$source, em_problem$case_weights),
    source_cor_ordinal = function() .Call(ns$C_iecpls_source_cor, ordinal_problem$spec$source, NULL),
    source_cor_spearman = function() .Call(ns$C_iecpls_source_cor, spearman_problem$spec$source, weights),
    bootstrap_em = function() .Call(ns$C_iecpls_bootstrap, em_problem$zt, em_problem$case_weights, em_problem$spec,
                                    em_problem$stat_spec, seeds, sizes, em_problem$sign_code,
                                    em_problem$original_loadings, TRUE, 2L),
    jackknife_ordinal = function() .Call(ns$C_iecpls_jackknife, ordinal_problem$zt, ordinal_problem$case_weights,
                                         ordinal_problem$spec, ordinal_problem$stat_spec, ordinal_problem$sign_code,
                                         ordinal_problem$original_loadings, TRUE, ns$c_full_moments(ordinal_problem),
                                         c(0L, 20L), c(5L, 10L), 2L),
    bootstrap_spearman = function() .Call(ns$C_iecpls_bootstrap, spearman_problem$zt, NULL, spearman_problem$spec,
                                          spearman_problem$stat_spec, seeds, sizes, spearman_problem$sign_code,
                                          spearman_problem$original_loadings, TRUE, 2L),
    permutation_em = function() .Call(ns$C_iecpls_permutation, em_pair$zt, em_pair$case_weights, em_pair$spec,
                                      em_pair$stat_spec, em_pair$labels, NULL, seeds, sizes, 2L),
    fit_cor = function() .Call(ns$C_iecpls_fit_cor, S, spec),
    exact_fit_transform = function() .Call(ns$C_iecpls_exact_fit_transform, problem$zt, ns$fit_block_cor(fit),
                                           exact_fit$zt[, 1:8] %*% t(exact_fit$zt[, 1:8]) / 7 + diag(6)),
    bootstrap_model_fit = function() .Call(ns$C_iecpls_bootstrap, exact_fit$zt, exact_fit$case_weights,
                                           exact_fit$spec, exact_fit$stat_spec, seeds, sizes,
                                           exact_fit$sign_code, exact_fit$original_loadings, TRUE, 2L),
    fit_data_mean = function() .Call(ns$C_iecpls_fit_data, columns, NULL, weights, 1L, spec),
    fit_data_matrix = function() .Call(ns$C_iecpls_fit_data, as.matrix(data), match(model$indicators, names(data)),
                                       weights, 1L, spec),
    fit_data_casewise = function() .Call(ns$C_iecpls_fit_data, columns, NULL, NULL, 2L, spec),
    fit_data_error = function() .Call(ns$C_iecpls_fit_data, constant, NULL, NULL, 1L, spec),
    standardize_error = function() .Call(ns$C_iecpls_standardize, constant, NULL, NULL, 1L),
    standardize = function() .Call(ns$C_iecpls_standardize, columns, NULL, weights, 2L),
    bootstrap = function() .Call(ns$C_iecpls_bootstrap, problem$zt, problem$case_weights, problem$spec,
                                 problem$stat_spec, seeds, sizes, problem$sign_code,
                                 problem$original_loadings, TRUE, 2L),
    jackknife = function() .Call(ns$C_iecpls_jackknife, problem$zt, problem$case_weights, problem$spec,
                                 problem$stat_spec, problem$sign_code, problem$original_loadings, TRUE,
                                 ns$c_full_moments(problem), c(0L, 30L), c(5L, 10L), 1L),
    full_moments = function() .Call(ns$C_iecpls_full_moments, problem$zt, problem$case_weights),
    thread_policy = function() .Call(ns$C_iecpls_thread_policy, 2),
    nca_ceilings = function() .Call(ns$C_iecpls_nca_ceilings, nca_problem$x, nca_problem$y, nca_problem$order),
    nca_permutation = function() .Call(ns$C_iecpls_nca_permutation, nca_problem$x, nca_problem$y,
                                       nca_problem$order, seeds, sizes, 2L),
    fimix = function() .Call(ns$C_iecpls_fimix, fimix_problem$y, fimix_problem$x, fimix_problem$eq_start, TRUE,
                             fimix_init, list(max_iter = 5L, tol = 1e-10), 2L),
    fimix_posterior = function() .Call(ns$C_iecpls_fimix_posterior, fimix_problem$y, fimix_problem$x,
                                       fimix_problem$eq_start, TRUE, fimix_estimates),
    pos = function() .Call(ns$C_iecpls_pos, pos_problem$zt, pos_problem$spec, as.integer(pos_problem$endogenous - 1L),
                           unlist(pos_settings), pos_seeds, 2L),
    stream_unif = function() .Call(ns$C_iecpls_stream_unif, seeds[, 1], 5),
    bootstrap_floor = function() .Call(ns$C_iecpls_bootstrap_floor, problem$zt, seeds, sizes, 2L),
    boot_summary = function() .Call(ns$C_iecpls_boot_summary, draws, draws[, 1] > -1, draws[1, ], draws, 0.9),
    merge_rows = function() .Call(ns$C_iecpls_merge_rows, list(list(stats = draws, status = seq_len(12)),
                                                               list(stats = draws[1:2, ], status = 1:2))),
    group_fits = function() .Call(ns$C_iecpls_group_fits, pair$zt, pair$case_weights, pair$spec, pair$stat_spec,
                                  pair$labels, pair$score_weights),
    group_fits_micom = function() .Call(ns$C_iecpls_group_fits, micom$zt, micom$case_weights, micom$spec,
                                        micom$stat_spec, micom$labels, micom$score_weights),
    permutation = function() .Call(ns$C_iecpls_permutation, micom$zt, micom$case_weights, micom$spec,
                                   micom$stat_spec, micom$labels, micom$score_weights, seeds, sizes, 2L),
    missing_codes = function() .Call(ns$C_iecpls_missing_codes, list(c(rep(1:7, 2), -99L, -99L), c(rep(c(1.5, 2), 7), 999, 999)), NULL),
    missing_codes_matrix = function() .Call(ns$C_iecpls_missing_codes, cbind(a = c(rep(1:3, 4), 999, 999), b = 14:1), 2:1),
    codes = function() .Call(ns$C_iecpls_codes),
    bootstrap_tetrads = function() .Call(ns$C_iecpls_bootstrap, problem$zt, problem$case_weights, problem$spec,
                                         tetrad_spec, seeds, sizes, problem$sign_code,
                                         problem$original_loadings, TRUE, 2L),
    fit_statistics_tetrads = function() .Call(ns$C_iecpls_fit_statistics, ns$fit_block_cor(fit), problem$spec,
                                              tetrad_spec, ns$statistic_inputs(fit)),
    stat_layout = function() .Call(ns$C_iecpls_stat_layout, problem$spec, problem$stat_spec),
    fit_statistics = function() .Call(ns$C_iecpls_fit_statistics, ns$fit_block_cor(fit), problem$spec,
                                      ns$stat_spec(model), ns$statistic_inputs(fit)),
    total_effects = function() .Call(ns$C_iecpls_total_effects, fit$path_coef),
    htmt = function() .Call(ns$C_iecpls_htmt, S, problem$spec$block_start, 0:1, c(2L, 2L), FALSE, TRUE),
    fit_staged = function() .Call(ns$C_iecpls_fit_staged, orthogonal_zt, NULL, orthogonal_spec),
    fit_staged_weighted = function() .Call(ns$C_iecpls_fit_staged, staged$zt, staged$case_weights, staged$spec),
    fit_staged_hoc = function() .Call(ns$C_iecpls_fit_staged, hoc$zt, hoc$case_weights, hoc$spec),
    bootstrap_hoc = function() .Call(ns$C_iecpls_bootstrap, hoc$zt, hoc$case_weights, hoc$spec, hoc$stat_spec,
                                     seeds, sizes, hoc$sign_code, hoc$original_loadings, TRUE, 2L),
    jackknife_hoc = function() .Call(ns$C_iecpls_jackknife, hoc$zt, hoc$case_weights, hoc$spec, hoc$stat_spec,
                                     hoc$sign_code, hoc$original_loadings, TRUE, ns$c_full_moments(hoc),
                                     c(0L, 30L), c(5L, 10L), 2L),
    permutation_hoc = function() .Call(ns$C_iecpls_permutation, hoc_pair$zt, hoc_pair$case_weights, hoc_pair$spec,
                                       hoc_pair$stat_spec, hoc_pair$labels, NULL, seeds, sizes, 2L),
    permutation_micom_hoc = function() .Call(ns$C_iecpls_permutation, hoc_micom$zt, hoc_micom$case_weights,
                                             hoc_micom$spec, hoc_micom$stat_spec, hoc_micom$labels,
                                             hoc_micom$score_weights, seeds, sizes, 2L),
    em_moments = function() .Call(ns$C_iecpls_em_moments, em_x, NULL, 1e-10, 1000L, NULL, TRUE, 1L),
    em_moments_weighted = function() .Call(ns$C_iecpls_em_moments, em_x, cbind(weights, rev(weights)), 1e-10,
                                           1000L, em_start, TRUE, 2L),
    em_impute = function() .Call(ns$C_iecpls_em_impute, em_x, em_start$mean, em_start$cov),
    derived_values = function() .Call(ns$C_iecpls_derived_values, orthogonal_zt, orthogonal_spec, orthogonal$stages),
    ordinal_cor = function() .Call(ns$C_iecpls_ordinal_cor, ordinal_columns, NULL, ordinal_categories, NULL),
    ordinal_cor_weighted = function() .Call(ns$C_iecpls_ordinal_cor, ordinal_columns, NULL, ordinal_categories,
                                            weights),
    ordinal_cor_error = function() .Call(ns$C_iecpls_ordinal_cor, ordered_pair, NULL, c(2L, 2L), NULL),
    bvn = function() .Call(ns$C_iecpls_bvn, c(-1, 0.5, 2), c(0.3, 0.5, -1), c(-0.95, 0.5, 0.99)),
    bootstrap_moderated = function() .Call(ns$C_iecpls_bootstrap, staged$zt, staged$case_weights, staged$spec,
                                        staged$stat_spec, seeds, sizes, staged$sign_code,
                                        staged$original_loadings, TRUE, 2L),
    jackknife_moderated = function() .Call(ns$C_iecpls_jackknife, staged$zt, staged$case_weights, staged$spec,
                                        staged$stat_spec, staged$sign_code, staged$original_loadings, TRUE,
                                        ns$c_full_moments(staged), c(0L, 30L), c(5L, 10L), 2L),
    permutation_moderated = function() .Call(ns$C_iecpls_permutation, staged_pair$zt, staged_pair$case_weights,
                                          staged_pair$spec, staged_pair$stat_spec, staged_pair$labels, NULL,
                                          seeds, sizes, 2L)
  )
  # every registered entry point is exercised
  registered <- names(getDLLRegisteredRoutines("iecpls")$.Call)
  expect_setequal(paste0("iecpls_", sub("(_micom)?_(mean|matrix|casewise|error|micom|moderated|weighted|hoc|em|ordinal|spearman|model_fit|tetrads)$", "",
                                        names(calls))), registered)
  expected <- lapply(calls, function(call) call())
  expect_identical(expected$fit_data_error$status, 5L)
  expect_identical(expected$standardize_error$status, 5L)
  expect_true(all(expected$pos$passes >= 1L))
  expect_identical(expected$ordinal_cor$status, 0L)
  expect_identical(expected$source_cor_em$status, 0L)
  expect_identical(expected$source_cor_ordinal$status, 0L)
  expect_equal(expected$source_cor_ordinal$cor, unname(ordinal_fit$indicator_cor), tolerance = 1e-12)
  expect_true(all(expected$bootstrap_em$status == 0L))
  expect_true(all(is.finite(expected$bootstrap_tetrads$stats[, 2 * 6 + 1:2])))
  expect_identical(expected$ordinal_cor_error$status, iecpls:::status_code("polychoric_boundary"))
  expect_identical(expected$missing_codes[3:4, ], cbind(c(-99, NaN), c(999, NaN)))
  tortured <- lapply(calls, function(call) {
    gctorture(TRUE)
    on.exit(gctorture(FALSE))
    call()
  })
  expect_identical(tortured, expected)
})

test_that("an interrupted bootstrap leaves the session usable and the next run exact", {
  skip_on_cran()
  data <- chain_data(4000, 4, 5, seed = 2)
  fit <- pls(chain_syntax(4, 5), data = data)
  fit_before <- unserialize(serialize(fit, NULL))
  kind_before <- RNGkind()
  set.seed(5)
  reference <- pls_boot(fit, R = 300, cores = 2, bca = FALSE)

  set.seed(6)
  started <- proc.time()[["elapsed"]]
  interrupted <- tryCatch({
    setTimeLimit(elapsed = 0.5, transient = TRUE)
    pls_boot(fit, R = 1e5, cores = 2, bca = FALSE)
  }, error = function(e) e, finally = setTimeLimit(elapsed = Inf))
  expect_s3_class(interrupted, "error")
  expect_match(conditionMessage(interrupted), "time limit")
  # stopped after a batch of chunks (about half a second), not after all
  expect_lt(proc.time()[["elapsed"]] - started, 10)
  expect_identical(RNGkind(), kind_before)
  expect_identical(fit, fit_before)

  # the same seed gives the uninterrupted result, with one or two threads
  set.seed(5)
  expect_identical(pls_boot(fit, R = 300, cores = 2, bca = FALSE)$draws, reference$draws)
  set.seed(5)
  expect_identical(pls_boot(fit, R = 300, cores = 1, bca = FALSE)$draws, reference$draws)
  expect_identical(pls(chain_syntax(4, 5), data = data)$outer_weights, fit$outer_weights)
})

test_that("500 indicators in 50 constructs fit and bootstrap", {
  skip_on_cran()
  data <- chain_data(800, 50, 10, seed = 3)
  # construct 7 is a Mode B block of 30 indicators (LAPACK's Cholesky path)
  wide <- cbind(data, chain_data(800, 1, 20, seed = 4) * 0.3 + data[, sprintf("x7_%d", 1:10)] %*%
                  matrix(0.1, 10, 20))
  colnames(wide)[501:520] <- sprintf("x7_%d", 11:30)
  syntax <- sub("C7 =~ ([^\n]*)", paste0("C7 <~ \\1 + ", paste(sprintf("x7_%d", 11:30), collapse = " + ")),
                chain_syntax(50, 10))
  fit <- pls(syntax, data = wide)
  expect_true(fit$converged)
  expect_equal(dim(fit$outer_weights), c(520, 50))
  expect_equal(dim(fit$scores), c(800, 50))
  expect_true(all(is.finite(fit$path_coef)))
  expect_gt(min(diag(fit$path_coef[-50, -1])), 0.3)
  set.seed(1)
  boot <- pls_boot(fit, R = 8, cores = 2, bca = FALSE)
  expect_identical(boot$n_failed, 0L)
  expect_equal(dim(boot$draws)[1], 8)
  expect_true(all(is.finite(boot$draws)))
})

test_that("a million rows fit, with every missing-value rule", {
  skip_on_cran()
  x <- chain_data(1e6, 2, 2, seed = 5)
  x[sample.int(length(x), 1000)] <- NA
  data <- as.data.frame(x)
  syntax <- chain_syntax(2, 2)
  for (missing in c("mean", "casewise")) {
    fit <- suppressMessages(pls(syntax, data = data, missing = missing))
    expect_true(fit$converged)
    # the population path 0.5, attenuated by composites of two indicators
    expect_gt(fit$path_coef[1, 2], 0.35)
    expect_lt(fit$path_coef[1, 2], 0.5)
  }
  expect_equal(nrow(fit$scores), sum(stats::complete.cases(data)))
})
