test_that("MICOM statistics are those of the permuted groups, written out in R", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  split <- random_groups(nrow(mobi), c("a", "b"), 31)
  set.seed(6)
  micom <- pls_micom(fit, split, R = 110)
  set.seed(6)
  seeds <- iecpls:::run_streams(110, 1, fit)$seeds[[1]]
  constructs <- fit$model$constructs
  X <- scale(as.matrix(mobi[fit$model$indicators]))
  scores <- fit$scores
  statistics <- function(labels) {
    a <- labels == "a"
    w_a <- pls(small_ecsi_syntax, data = mobi[a, ])$outer_weights
    w_b <- pls(small_ecsi_syntax, data = mobi[!a, ])$outer_weights
    c(c = diag(cor(X %*% w_a, X %*% w_b)),
      mean_diff = colMeans(scores[a, ]) - colMeans(scores[!a, ]),
      log_var_ratio = log(apply(scores[a, ], 2, var)) - log(apply(scores[!a, ], 2, var)))
  }
  K <- length(constructs)
  draws <- unname(t(vapply(reference_run(seeds, split, 110), statistics, numeric(3 * K))))
  run <- micom$permutations[["a vs b"]]
  expect_equal(unname(run$c), draws[, seq_len(K)], tolerance = 1e-8)
  expect_equal(unname(run$mean_diff), draws[, K + seq_len(K)], tolerance = 1e-8)
  expect_equal(unname(run$log_var_ratio), draws[, 2 * K + seq_len(K)], tolerance = 1e-8)

  observed <- unname(statistics(split))
  table <- tidy(micom)
  expect_equal(table$c, unname(observed[seq_len(K)]), tolerance = 1e-10)
  expect_equal(table$mean_diff, unname(observed[K + seq_len(K)]), tolerance = 1e-10)
  expect_equal(table$log_var_ratio, unname(observed[2 * K + seq_len(K)]), tolerance = 1e-10)
  c_star <- draws[, seq_len(K)]
  expect_identical(table$c_p, unname((1 + colSums(c_star <= rep(table$c, each = 110) + 1e-10)) / 111))
  expect_equal(table$c_quantile, unname(apply(c_star, 2, quantile, 0.05)), tolerance = 1e-8)
  expect_identical(table$compositional, table$c >= table$c_quantile - 1e-10)
  mean_star <- draws[, K + seq_len(K)]
  expect_identical(table$mean_p, reference_p_two_sided(table$mean_diff, mean_star))
  expect_equal(table$mean_lower, unname(apply(mean_star, 2, quantile, 0.025)), tolerance = 1e-8)
  expect_identical(table$var_p, reference_p_two_sided(table$log_var_ratio, draws[, 2 * K + seq_len(K)]))
  full <- table$compositional & table$equal_means & table$equal_variances
  expect_identical(table$invariance, ifelse(!table$compositional, "no", ifelse(full, "full", "partial")))
})

# Two groups of the simulated study; in the second, QEA's items measure it
# very differently (its loadings reversed), so its composite is formed
# differently. The random numbers do not depend on the loadings.
micom_study <- function(invariant) {
  population <- iec_population()
  population$nonresponse <- 0
  other <- population
  if (!invariant) other$loadings$QEA <- c(qea1 = 0.3, qea2 = 0.45, qea3 = 0.87, qea4 = 0.9)
  rbind(cbind(iec_simulate(250, population, seed = 1), site = "A"),
        cbind(iec_simulate(250, other, seed = 2), site = "B"))
}

test_that("MICOM rejects compositional invariance of a construct measured differently", {
  survey <- micom_study(invariant = FALSE)
  fit <- pls(iec_model("core"), data = survey)
  set.seed(1)
  micom <- pls_micom(fit, "site", data = survey, R = 500)
  table <- tidy(micom)
  expect_false(table$compositional[table$construct == "QEA"])
  expect_identical(table$invariance[table$construct == "QEA"], "no")
  expect_true(all(table$compositional[table$construct != "QEA"]))
  expect_true(table$c_p[table$construct == "QEA"] < 0.01)
  expect_true(all(micom$configural$converged))
})

test_that("MICOM does not reject compositional invariance when the groups share the population", {
  survey <- micom_study(invariant = TRUE)
  fit <- pls(iec_model("core"), data = survey)
  set.seed(1)
  micom <- pls_micom(fit, "site", data = survey, R = 500)
  expect_true(all(tidy(micom)$compositional))
})

test_that("MICOM gives the same result for any number of threads, and assesses every pair", {
  fit <- pls(iec_model("core"), data = iec_survey, missing = "mean")
  set.seed(2)
  one <- pls_micom(fit, iec_survey$role, R = 150, cores = 1)
  set.seed(2)
  two <- pls_micom(fit, iec_survey$role, R = 150, cores = 2)
  expect_identical(one$results, two$results)
  expect_identical(one$permutations, two$permutations)
  expect_identical(nrow(one$results), 6L * length(fit$model$constructs))
  expect_identical(unique(paste(one$results$group1, one$results$group2)),
                   as.vector(combn(levels(iec_survey$role), 2, paste, collapse = " ")))
})

test_that("print shows the three steps", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  split <- random_groups(nrow(mobi), c("a", "b"), 31)
  set.seed(6)
  micom <- pls_micom(fit, split, R = 60)
  expect_snapshot(print(micom))
})

test_that("pls_micom agrees with cSEM's testMICOM within Monte Carlo error", {
  cs <- readRDS(test_path("fixtures", "micom_corp_rep_cSEM.rds"))
  fit <- pls(corp_rep_syntax, data = corp_rep_mean_replaced())
  set.seed(2024)
  micom <- pls_micom(fit, "servicetype", data = corp_rep_data, R = 5000)
  table <- tidy(micom)
  expect_equal(table$c, unname(cs$c[table$construct]), tolerance = 1e-6)
  expect_equal(table$mean_diff, unname(cs$mean_diff[table$construct]), tolerance = 1e-6)
  expect_equal(table$log_var_ratio, unname(cs$log_var_ratio[table$construct]), tolerance = 1e-6)
  monte_carlo <- function(p) 4 * sqrt(pmax(p * (1 - p), 0.01) * (1 / 5000 + 1 / cs$R)) + 0.002
  single <- table$construct == "CUSA"
  expect_true(all(abs(table$c_p - cs$c_p[table$construct])[!single] <= monte_carlo(cs$c_p[table$construct])[!single]))
  expect_true(all(abs(table$mean_p - cs$mean_p[table$construct]) <= monte_carlo(cs$mean_p[table$construct])))
  expect_true(all(abs(table$var_p - cs$var_p[table$construct]) <= monte_carlo(cs$var_p[table$construct])))
})
