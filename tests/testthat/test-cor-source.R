# pls() from correlations other than Pearson's of the standardized data
# (R/cor-source.R, src/source.c): EM, ordinal (polychoric) and Spearman,
# and their re-estimation in every resample.

test_that("EM on complete data is the ordinary fit, scores included", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  em <- pls(small_ecsi_syntax, data = mobi, missing = "em")
  expect_same_estimates(em, fit, tolerance = 1e-12)
  expect_equal(unname(em$scores), unname(fit$scores), tolerance = 1e-12)
  expect_equal(em$means, fit$means, tolerance = 1e-12)
  expect_equal(em$sds, fit$sds, tolerance = 1e-12)
  expect_true(em$em$converged)
  expect_identical(em$settings$source, "em")
})

test_that("missing = 'em' fits the EM correlations and scores the conditional expectations", {
  data <- mobi_incomplete()
  fit <- pls(small_ecsi_syntax, data = data, missing = "em")
  items <- fit$model$indicators
  x <- as.matrix(data[items])
  em <- iecpls:::em_moments(x)
  expect_equal(unname(fit$indicator_cor), unname(em$cor), tolerance = 1e-12)
  from_S <- pls(small_ecsi_syntax, S = em$cor, nobs = nrow(data))
  expect_same_estimates(fit, from_S, tolerance = 1e-10)
  # scores: conditional expectations (plain R), standardized by the EM
  # moments with the n - 1 variance, times the weights
  completed <- impute_oracle(x, em$mean, em$cov)
  n <- nrow(x)
  z <- sweep(sweep(completed, 2, em$mean), 2, sqrt(diag(em$cov) * n / (n - 1)), "/")
  expect_equal(unname(fit$scores), unname(z %*% fit$outer_weights), tolerance = 1e-10)
  expect_equal(fit$nobs, n)
  # the ML moments agree with lavaan's saturated model (fixture of
  # tools/make-fixtures-em.R); the fit uses them
  fx <- em_fixture("em_corp_rep_lavaan.rds")$fx
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "em")
  cols <- fit$model$indicators
  expect_setequal(cols, fx$columns)
  expect_equal(unname(fit$indicator_cor), unname(stats::cov2cor(fx$cov)[cols, cols]), tolerance = 1e-6)
})

test_that("EM case weights are frequency weights", {
  data <- mobi_incomplete()
  w <- rep(1:2, length.out = nrow(data))
  weighted <- pls(small_ecsi_syntax, data = data, missing = "em", case_weights = w)
  repeated <- pls(small_ecsi_syntax, data = data[rep(seq_len(nrow(data)), w), ], missing = "em")
  expect_same_estimates(weighted, repeated, tolerance = 1e-8)
})

test_that("cor = 'spearman' fits rank correlations, with frequency weights", {
  fit <- pls(small_ecsi_syntax, data = mobi, cor = "spearman")
  items <- fit$model$indicators
  expect_equal(unname(fit$indicator_cor), unname(stats::cor(mobi[items], method = "spearman")), tolerance = 1e-12)
  expect_same_estimates(fit, pls(small_ecsi_syntax, S = stats::cor(mobi[items], method = "spearman")),
                        tolerance = 1e-10)
  z <- scale(as.matrix(mobi[items]))
  expect_equal(unname(fit$scores), unname(z %*% fit$outer_weights), tolerance = 1e-10)
  w <- rep(c(1, 3), length.out = nrow(mobi))
  weighted <- pls(small_ecsi_syntax, data = mobi, cor = "spearman", case_weights = w)
  repeated <- pls(small_ecsi_syntax, data = mobi[rep(seq_len(nrow(mobi)), w), ], cor = "spearman")
  expect_same_estimates(weighted, repeated, tolerance = 1e-10)
  # missing values replaced by the column means before ranking
  data <- mobi_incomplete()
  filled <- data
  for (j in items) filled[[j]][is.na(filled[[j]])] <- mean(filled[[j]], na.rm = TRUE)
  expect_same_estimates(pls(small_ecsi_syntax, data = data, cor = "spearman", missing = "mean"),
                        pls(small_ecsi_syntax, data = filled, cor = "spearman"), tolerance = 1e-10)
})

test_that("ordered factors are ordinal by default and fit the heterogeneous correlations", {
  data <- mobi_ordinal()
  expect_message(fit <- pls(small_ecsi_syntax, data = data), "treated as ordinal", class = "iecpls_ordinal_message")
  items <- fit$model$indicators
  het <- iecpls:::ordinal_cor(data[items])
  expect_equal(unname(fit$indicator_cor), unname(het$cor), tolerance = 1e-12)
  expect_same_estimates(fit, pls(small_ecsi_syntax, S = het$cor), tolerance = 1e-10)
  expect_identical(fit$settings$ordinal, items)
  expect_named(fit$thresholds, items)
  # scores from the standardized codes (as cSEM)
  codes <- vapply(data[items], as.integer, integer(nrow(data)))
  expect_equal(unname(fit$scores), unname(scale(codes) %*% fit$outer_weights), tolerance = 1e-10)
  # ordinal = FALSE: the codes are numbers
  expect_message(numeric <- pls(small_ecsi_syntax, data = data, ordinal = FALSE), "integer codes")
  expect_equal(unname(numeric$indicator_cor), unname(stats::cor(codes)), tolerance = 1e-12)
  # a subset; numeric columns named in `ordinal` (categories: their values)
  some <- pls(small_ecsi_syntax, data = mobi, ordinal = c("CUSL1", "CUSL2", "CUSL3"))
  expect_equal(unname(some$indicator_cor),
               unname(iecpls:::ordinal_cor(mobi[items], ordinal = c("CUSL1", "CUSL2", "CUSL3"))$cor), tolerance = 1e-12)
  all <- pls(small_ecsi_syntax, data = mobi, ordinal = TRUE)
  expect_equal(unname(all$indicator_cor), unname(iecpls:::ordinal_cor(mobi[items], ordinal = TRUE)$cor),
               tolerance = 1e-12)
  # OrdPLSc: PLSc on the polychoric correlations
  plsc <- suppressMessages(pls(small_ecsi_syntax, data = data, consistent = TRUE))
  expect_same_estimates(plsc, pls(small_ecsi_syntax, S = het$cor, consistent = TRUE), tolerance = 1e-10)
})

test_that("ordinal edge cases: empty categories, a rare category, two categories, a perfectly ordered pair", {
  data <- mobi_ordinal()
  items <- c("IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5", "CUSA1", "CUSA2", "CUSA3", "CUSL1", "CUSL2", "CUSL3")
  # an unused level is an empty category: same fit as without it
  wide <- data
  wide$IMAG1 <- factor(as.character(wide$IMAG1), levels = c("never", levels(data$IMAG1)), ordered = TRUE)
  expect_same_estimates(suppressMessages(pls(small_ecsi_syntax, data = wide)),
                        suppressMessages(pls(small_ecsi_syntax, data = data)), tolerance = 1e-12)
  # two categories (tetrachoric) and a category used by one respondent
  two <- data
  two$CUSA1 <- cut(mobi$CUSA1, c(-Inf, 7, Inf), ordered_result = TRUE)
  rare <- mobi$CUSA2
  two$CUSA2 <- factor(ifelse(seq_along(rare) == which.min(rare), "low", ifelse(rare > 7, "high", "mid")),
                      levels = c("low", "mid", "high"), ordered = TRUE)
  expect_equal(sum(two$CUSA2 == "low"), 1)
  fit <- suppressMessages(pls(small_ecsi_syntax, data = two))
  expect_true(all(is.finite(coef(fit))))
  expect_equal(unname(fit$indicator_cor), unname(iecpls:::ordinal_cor(two[items])$cor), tolerance = 1e-12)
  # a pair whose answers are perfectly ordered: an error naming the pair
  bad <- data
  bad$CUSA2 <- bad$CUSA1
  expect_error(suppressMessages(pls(small_ecsi_syntax, data = bad)), "CUSA1.*CUSA2",
               class = "iecpls_polychoric_boundary")
})

test_that("the bootstrap re-estimates EM, polychoric and rank correlations in each resample", {
  cases <- list(
    em = list(data = mobi_incomplete(), args = list(missing = "em")),
    ordinal = list(data = mobi_ordinal(), args = list()),
    spearman = list(data = mobi, args = list(cor = "spearman")),
    within = list(data = mobi_incomplete(), args = list(missing = "mean"), impute = "within")
  )
  for (name in names(cases)) {
    case <- cases[[name]]
    fit <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data), case$args)))
    set.seed(5)
    boot <- pls_boot(fit, R = 3, impute = case$impute %||% "before")
    set.seed(5)
    seeds <- iecpls:::chunk_seeds(1)
    rows <- reference_resample_rows(seeds[, 1], nrow(case$data), 3)
    for (b in 1:3) {
      refit <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data[rows[[b]], ]), case$args)))
      expect_equal(draw_row_of(boot$draws, b, refit), boot_row_of(refit), tolerance = 1e-8, label = name)
    }
    # the jackknife of BCa: leave-one-out refits
    for (i in c(1, 17, nrow(case$data))) {
      refit <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data[-i, ]), case$args)))
      expect_equal(draw_row_of(boot$jackknife, i, refit), boot_row_of(refit), tolerance = 1e-8, label = name)
    }
  }
})

test_that("source resampling is reproducible for any number of threads", {
  fit <- pls(small_ecsi_syntax, data = mobi_incomplete(), missing = "em")
  set.seed(9)
  one <- pls_boot(fit, R = 40, cores = 1)
  set.seed(9)
  two <- pls_boot(fit, R = 40, cores = 2)
  expect_identical(one$draws, two$draws)
  expect_identical(one$jackknife, two$jackknife)
})

test_that("multigroup analysis refits each group and permutation from its own source", {
  data <- mobi_incomplete()
  fit <- pls(small_ecsi_syntax, data = data, missing = "em")
  group <- rep(c("a", "b"), length.out = nrow(data))
  set.seed(2)
  mga <- pls_mga(fit, group, R = 20)
  a <- pls(small_ecsi_syntax, data = data[group == "a", ], missing = "em")
  b <- pls(small_ecsi_syntax, data = data[group == "b", ], missing = "em")
  paths <- tidy(mga)
  paths <- paths[paths$type == "path", ]
  expect_equal(unname(paths$estimate1), unname(coef(a)[match(paths$term, names(coef(a)))]), tolerance = 1e-10)
  expect_equal(unname(paths$estimate2), unname(coef(b)[match(paths$term, names(coef(b)))]), tolerance = 1e-10)
  # the C group fits the permutations start from are the same refits
  groups <- iecpls:::comparison_groups(fit, group, NULL, "pls_mga()")
  problem <- iecpls:::group_problem(fit, groups, c("a", "b"))
  expect_false(is.null(problem$spec$source))
  observed <- iecpls:::c_group_fits(problem)$stats
  q <- length(observed) / 2
  params <- iecpls:::comparison_parameters(fit)
  if (!is.null(params)) {
    path <- params$type == "path"
    expect_equal(unname(observed[seq_len(q)][path]), unname(coef(a)), tolerance = 1e-10)
    expect_equal(unname(observed[q + seq_len(q)][path]), unname(coef(b)), tolerance = 1e-10)
  }
})

test_that("unsupported combinations are clear errors", {
  data <- mobi_ordinal()
  expect_error(pls(small_ecsi_syntax, data = data, missing = "mean"), "complete rows", class = "iecpls_unsupported_error")
  expect_error(pls(small_ecsi_syntax, data = mobi, missing = "em", cor = "spearman"), class = "iecpls_unsupported_error")
  expect_error(pls(small_ecsi_syntax, S = cor(mobi[1:11]), missing = "em"), "need `data`")
  expect_error(pls(small_ecsi_syntax, data = mobi, ordinal = "nope"), "nope", class = "iecpls_unknown_column")
  expect_error(pls(small_ecsi_syntax, data = mobi, ordinal = 1), "ordinal")
  fit <- pls(small_ecsi_syntax, data = mobi_incomplete(), missing = "em")
  expect_error(pls_blindfold(fit), class = "iecpls_unsupported_error")
  expect_error(pls_model_fit(fit, R = 10), class = "iecpls_unsupported_error")
  expect_error(pls_copula(fit, "Loyalty", R = 10), class = "iecpls_unsupported_error")
  expect_error(pls_boot(fit, R = 10, impute = "within"), "missing = \"mean\"")
  moderated <- "
    Image        =~ IMAG1 + IMAG2 + IMAG3
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Loyalty      =~ CUSL1 + CUSL2 + CUSL3
    Loyalty ~ Image + Satisfaction + Image:Satisfaction
  "
  expect_error(pls(moderated, data = mobi, missing = "em"), "interaction", class = "iecpls_unsupported_error")
  # the user's data are not changed
  before <- data
  suppressMessages(pls(small_ecsi_syntax, data = data))
  expect_identical(data, before)
})

test_that("OrdPLS, OrdPLSc and Spearman fits agree with cSEM", {
  files <- list.files(test_path("fixtures"), "^corsource_.*_cSEM\\.rds$", full.names = TRUE)
  expect_gte(length(files), 10)
  for (file in files) {
    fx <- readRDS(file)
    data <- cor_source_fixture_data(fx$data)
    cor <- if (fx$robust == "spearman") "spearman" else "pearson"
    fit <- suppressMessages(pls(fx$syntax, data = data, consistent = fx$consistent, scheme = fx$scheme,
                                cor = cor, tol = 1e-12, max_iter = 1000))
    items <- rownames(fit$outer_weights)
    # cSEM's polychoric correlations stop at optimise()'s tolerance (about
    # 1e-4 in rho); its Pearson and Spearman ones are exact; its polyserial
    # ones are another estimator (ML in rho with fixed thresholds, cSEM's own
    # polyserial(); ?pls names the difference), so they are checked against
    # polycor's two-step formula in test-ordinal-cor.R instead
    ordered <- vapply(data[items], is.ordered, TRUE)
    polychoric <- outer(ordered, ordered, "&")
    pearson <- outer(!ordered, !ordered, "&")
    difference <- abs(fit$indicator_cor - fx$S[items, items])
    expect_lt(max(difference[polychoric]), 1e-4)
    expect_lt(max(difference[pearson]), 1e-10)
    # the same model on cSEM's correlations gives cSEM's estimates at 1e-6
    on_S <- pls(fx$syntax, S = fx$S[items, items], consistent = fx$consistent, scheme = fx$scheme,
                tol = 1e-12, max_iter = 1000)
    constructs <- colnames(fit$outer_weights)
    expect_equal(on_S$outer_weights, fx$outer_weights[items, constructs], tolerance = 1e-6, label = fx$name)
    expect_equal(on_S$outer_loadings, fx$outer_loadings[items, constructs], tolerance = 1e-6, label = fx$name)
    expect_equal(on_S$path_coef, fx$path_coef[constructs, constructs], tolerance = 1e-6, label = fx$name)
    expect_equal(on_S$construct_cor, fx$construct_cor[constructs, constructs], tolerance = 1e-6, label = fx$name)
    # scores: the standardized codes (or values) times the weights, as cSEM
    z <- scale(data.matrix(data[items]))
    expect_equal(unname(z %*% fx$outer_weights[items, constructs]), unname(fx$scores[, constructs]),
                 tolerance = 1e-6, label = fx$name)
    expect_equal(unname(fit$scores), unname(z %*% fit$outer_weights), tolerance = 1e-10)
    if (fx$robust == "spearman") {
      expect_equal(fit$path_coef, fx$path_coef[constructs, constructs], tolerance = 1e-6, label = fx$name)
      expect_equal(unname(fit$scores), unname(fx$scores[, constructs]), tolerance = 1e-6, label = fx$name)
    } else if (all(ordered)) {
      expect_lt(max(abs(fit$path_coef - fx$path_coef[constructs, constructs])), 1e-3)
    }
  }
})

test_that("PLSpredict refits each training set from its own source and predicts through it", {
  cases <- list(em = list(data = mobi_incomplete(), args = list(missing = "em")),
                ordinal = list(data = mobi_ordinal(), args = list()),
                spearman = list(data = mobi, args = list(cor = "spearman")))
  folds <- matrix(rep(1:4, length.out = nrow(mobi)), ncol = 1)
  for (name in names(cases)) {
    case <- cases[[name]]
    fit <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data), case$args)))
    cv <- suppressMessages(pls_predict(fit, folds = folds))
    for (f in c(1, 4)) {
      test <- folds[, 1] == f
      train <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data[!test, ]), case$args)))
      manual <- suppressMessages(predict(train, newdata = case$data[test, ]))$indicators
      expect_equal(unname(cv$predictions$pls[test, colnames(manual)]), unname(manual), tolerance = 1e-10,
                   label = name)
    }
  }
  # predict() completes a missing answer by its conditional expectation
  fit <- pls(small_ecsi_syntax, data = mobi_incomplete(), missing = "em")
  row <- mobi_incomplete()[which(is.na(mobi_incomplete()$IMAG1))[1], ]
  items <- rownames(fit$outer_weights)
  completed <- row
  completed[items] <- impute_oracle(as.matrix(row[items]), fit$em$mean, fit$em$cov)
  expect_equal(predict(fit, newdata = row)$indicators, predict(fit, newdata = completed)$indicators,
               tolerance = 1e-10)
})

test_that("with answers missing at random, EM's paths are unbiased where mean replacement's are not", {
  # X -> Y, three indicators each (loadings 0.8), path 0.5; y1 and y2 are
  # missing with probability 0.7 when x1 is above its median (MAR: the
  # missingness depends on an observed answer). The target is PLS applied
  # to the population correlation matrix.
  syntax <- "
    X =~ x1 + x2 + x3
    Y =~ y1 + y2 + y3
    Y ~ X
  "
  lambda <- 0.8
  L <- rbind(cbind(rep(lambda, 3), 0), cbind(0, rep(lambda, 3)))
  P <- matrix(c(1, 0.5, 0.5, 1), 2)
  Sigma <- L %*% P %*% t(L)
  diag(Sigma) <- 1
  dimnames(Sigma) <- rep(list(c("x1", "x2", "x3", "y1", "y2", "y3")), 2)
  target <- coef(pls(syntax, S = Sigma))
  root <- chol(Sigma)
  set.seed(20261202)
  reps <- 40
  estimates <- t(vapply(seq_len(reps), function(r) {
    data <- as.data.frame(matrix(stats::rnorm(400 * 6), 400) %*% root)
    names(data) <- colnames(Sigma)
    high <- data$x1 > stats::median(data$x1)
    for (j in c("y1", "y2")) data[[j]][high & stats::runif(400) < 0.7] <- NA
    c(em = unname(coef(pls(syntax, data = data, missing = "em"))),
      mean = unname(coef(pls(syntax, data = data, missing = "mean"))))
  }, numeric(2)))
  bias <- colMeans(estimates) - target
  se <- apply(estimates, 2, stats::sd) / sqrt(reps)
  # EM: within 3 Monte Carlo standard errors (and 0.01) of the target;
  # mean replacement: attenuated by more than 0.03
  expect_lt(abs(bias[["em"]]), max(3 * se[["em"]], 0.01))
  expect_lt(bias[["mean"]], -0.03)
})

test_that("MICOM forms each group's composites from its own source", {
  cases <- list(em = list(data = mobi_incomplete(), args = list(missing = "em")),
                ordinal = list(data = mobi_ordinal(), args = list()),
                spearman = list(data = mobi, args = list(cor = "spearman")))
  group <- rep(c("a", "b"), length.out = nrow(mobi))
  for (name in names(cases)) {
    case <- cases[[name]]
    fit <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data), case$args)))
    set.seed(4)
    micom <- pls_micom(fit, group, R = 20)
    a <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data[group == "a", ]), case$args)))
    b <- suppressMessages(do.call(pls, c(list(small_ecsi_syntax, data = case$data[group == "b", ]), case$args)))
    S <- fit$indicator_cor
    constructs <- fit$model$constructs
    # step 2: the correlation of the groups' composites under the pooled
    # source correlations; step 3: the pooled composites (the fit's scores)
    c_ref <- vapply(constructs, function(k) {
      u <- a$outer_weights[, k]
      v <- b$outer_weights[, k]
      sum(u * (S %*% v)) / sqrt(sum(u * (S %*% u)) * sum(v * (S %*% v)))
    }, numeric(1))
    scores <- fit$scores
    mean_ref <- colMeans(scores[group == "a", ]) - colMeans(scores[group == "b", ])
    ratio_ref <- log(apply(scores[group == "a", ], 2, stats::var) / apply(scores[group == "b", ], 2, stats::var))
    results <- micom$results[match(constructs, micom$results$construct), ]
    expect_equal(results$c, unname(c_ref), tolerance = 1e-10, label = name)
    expect_equal(results$mean_diff, unname(mean_ref), tolerance = 1e-10, label = name)
    expect_equal(results$log_var_ratio, unname(ratio_ref), tolerance = 1e-10, label = name)
    expect_true(all(is.finite(results$c_quantile)))
  }
})
