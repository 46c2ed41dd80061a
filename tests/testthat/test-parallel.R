# Every function that evaluates futures under a non-sequential plan
# (?iecpls_parallel) gives the sequential result on a backend other than
# multisession: future.callr starts a new R process for each future, as a
# cluster scheduler does. Workers load the installed iecpls, so these tests
# skip under load_all().

# Runs `code` after set.seed(seed) under plan(sequential), then again under
# plan(strategy, ...); restores the session's plan. Returns both results.
sequential_and_plan <- function(code, strategy, ..., seed = 1) {
  code <- substitute(code)
  env <- parent.frame()
  run <- function() {
    set.seed(seed)
    eval(code, env)
  }
  old_plan <- future::plan(future::sequential)
  on.exit(future::plan(old_plan), add = TRUE)
  sequential <- run()
  future::plan(strategy, ...)
  testthat::expect_true(iecpls:::use_futures())
  list(sequential = sequential, plan = run())
}

skip_unless_callr <- function() {
  skip_on_cran()
  skip_if_not_installed("future.callr")
  skip_if_loaded_from_source()
}

test_that("callr workers bootstrap, with the jackknife of BCa, as in process", {
  skip_unless_callr()
  fit <- pls(small_ecsi_syntax, data = mobi)
  runs <- sequential_and_plan(pls_boot(fit, R = 250), future.callr::callr, workers = 2, seed = 3)
  expect_identical(runs$plan$draws, runs$sequential$draws)
  expect_identical(runs$plan$status, runs$sequential$status)
  expect_identical(runs$plan$jackknife, runs$sequential$jackknife)
  expect_identical(runs$plan$parameters, runs$sequential$parameters)
})

test_that("callr workers run the permutations of MGA and MICOM as in process", {
  skip_unless_callr()
  fit <- pls(small_ecsi_syntax, data = mobi)
  # three groups: the pairs and the omnibus test
  groups <- random_groups(nrow(mobi), c("a", "b", "c"), 2)
  mga <- sequential_and_plan(pls_mga(fit, groups, R = 150), future.callr::callr, workers = 2, seed = 4)
  expect_identical(mga$plan$permutations, mga$sequential$permutations)
  expect_identical(mga$plan$tests, mga$sequential$tests)
  expect_identical(mga$plan$omnibus, mga$sequential$omnibus)
  micom <- sequential_and_plan(pls_micom(fit, groups, R = 150), future.callr::callr, workers = 2, seed = 5)
  expect_identical(micom$plan$permutations, micom$sequential$permutations)
  expect_identical(micom$plan$results, micom$sequential$results)
})

test_that("callr workers simulate the studies of pls_power() as in process", {
  skip_unless_callr()
  runs <- sequential_and_plan(pls_power(n = c(60, 80), reps = 2, R = 40), future.callr::callr,
                              workers = 2, seed = 6)
  expect_identical(runs$plan, runs$sequential)
  expect_identical(sum(runs$plan$failed), 0L)
})

test_that("callr workers bootstrap the tetrads of pls_cta() as in process", {
  skip_unless_callr()
  fit <- pls(small_ecsi_syntax, data = mobi)
  runs <- sequential_and_plan(pls_cta(fit, R = 250, seed = 8), future.callr::callr, workers = 2)
  expect_identical(runs$plan$draws, runs$sequential$draws)
  expect_identical(runs$plan$tetrads, runs$sequential$tetrads)
})
