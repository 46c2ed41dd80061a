# A single fit polls R's interrupt check every POLL_ITERATIONS iterations
# (src/kernel.c), so Ctrl-C and setTimeLimit() stop a fit that iterates for
# long; pls() caps max_iter.

test_that("a fit that iterates for minutes stops at the session's time limit", {
  skip_on_cran()
  # Through the C entry point, which takes any iteration limit: 2^31 - 1
  # iterations with an unreachable tolerance run for about 25 minutes unless
  # the time limit interrupts them. The subprocess's own timeout turns a
  # regression into a failure instead of a hang.
  expect_stops_at_time_limit(c(
    "library(iecpls)",
    "model <- parse_model('Image =~ IMAG1 + IMAG2 + IMAG3",
    "  Loyalty =~ CUSL1 + CUSL2 + CUSL3",
    "  Loyalty ~ Image')",
    "spec <- iecpls:::model_spec(model, 'path', tol = 1e-300, max_iter = .Machine$integer.max)",
    "S <- cor(mobi[unlist(model$blocks)])"),
    "iecpls:::c_fit_cor(model, S, spec)")
})

test_that("the interrupt check leaves estimates unchanged", {
  # more than POLL_ITERATIONS iterations, so the poll runs, then a result
  fit_slow <- suppressWarnings(pls(small_ecsi_syntax, data = mobi, tol = 1e-300, max_iter = 3000))
  fit <- pls(small_ecsi_syntax, data = mobi, tol = 1e-12)
  expect_identical(fit_slow$iterations, 3000L)
  expect_false(fit_slow$converged)
  expect_equal(coef(fit_slow), coef(fit), tolerance = 1e-10)
})

test_that("max_iter is capped with a message that says why", {
  expect_error(pls(small_ecsi_syntax, data = mobi, max_iter = .Machine$integer.max),
               "at most 100,000", class = "iecpls_input_error")
  expect_error(pls(small_ecsi_syntax, data = mobi, max_iter = 1e5 + 1), class = "iecpls_input_error")
  expect_silent(pls(small_ecsi_syntax, data = mobi, max_iter = 1e5))
})
