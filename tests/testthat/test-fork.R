# GNU OpenMP's thread pool does not survive fork(): after the parent has run
# a parallel region, a forked child (parallel::mclapply, future's multicore
# plan) that opens one waits forever. The package's loops run on one thread
# in a forked child (src/threads.c). Each case runs in a separate R process
# under a timeout (helper-subprocess.R), so a regression fails the test
# instead of hanging it.

fork_script <- function(body) {
  c("library(iecpls)",
    "fit <- pls('Image =~ IMAG1 + IMAG2 + IMAG3",
    "            Loyalty =~ CUSL1 + CUSL2 + CUSL3",
    "            Loyalty ~ Image', data = mobi)",
    "set.seed(1)",
    "parent <- pls_boot(fit, R = 200, cores = 2)   # the parent's thread pool now exists",
    body)
}

test_that("a multi-threaded bootstrap in an mclapply child does not hang", {
  skip_on_os("windows")
  skip_on_cran()
  res <- run_with_timeout(fork_script(c(
    "out <- parallel::mclapply(1:2, function(i) { set.seed(i); pls_boot(fit, R = 200, cores = 2)$draws },",
    "                          mc.cores = 2)",
    "stopifnot(all(vapply(out, is.numeric, TRUE)))",
    "# the child ran single-threaded: the same seed gives the same result as in the parent",
    "set.seed(1); same <- pls_boot(fit, R = 200, cores = 1)$draws",
    "stopifnot(isTRUE(all.equal(out[[1]], same, tolerance = 0)))",
    "cat('forked bootstraps finished\\n')")))
  expect_finished(res, "forked bootstraps finished")
})

test_that("pls_power() with cores = 2 under future's multicore plan does not hang", {
  skip_on_os("windows")
  skip_on_cran()
  skip_if_not_installed("future")
  res <- run_with_timeout(fork_script(c(
    "future::plan(future::multicore, workers = 2)",
    "set.seed(2)",
    "power <- pls_power(n = 60, reps = 2, R = 50, cores = 2)",
    "stopifnot(is.data.frame(power) || is.list(power))",
    "cat('multicore power finished\\n')")))
  expect_finished(res, "multicore power finished")
})
