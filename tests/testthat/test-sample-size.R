test_that("the inverse square root and gamma-exponential methods give the paper's numbers", {
  # Kock and Hadaya (2018): Tables 3 to 5, the retrospective examples and the
  # rule of thumb for p_min = 0.197
  paper <- data.frame(
    p_min = c(0.397, 0.147, 0.100, 0.197, 0.237, 0.286, 0.253, 0.350),
    isr = c(40, 287, 619, 160, 111, 76, 97, 51),
    ge = c(26, 273, 605, 146, NA, NA, NA, NA)
  )
  result <- pls_sample_size(paper$p_min)
  expect_equal(result$inverse_square_root, as.integer(paper$isr))
  known <- !is.na(paper$ge)
  expect_equal(result$gamma_exponential[known], as.integer(paper$ge[known]))
  expect_named(result, c("p_min", "alpha", "power", "inverse_square_root", "gamma_exponential"))
  expect_true(is.integer(result$gamma_exponential))
})

test_that("the inverse square root method is the formula with the one-sided z", {
  z <- stats::qnorm(0.95) + stats::qnorm(0.8)
  expect_equal(z, 2.486, tolerance = 1e-3)
  for (p in c(0.05, 0.123, 0.3, 0.9)) {
    n <- pls_sample_size(p)$inverse_square_root
    expect_gt(p * sqrt(n), z)
    expect_lte(p * sqrt(n - 1), z)
  }
  two <- pls_sample_size(0.2, alternative = "two.sided")
  expect_equal(two$inverse_square_root, floor(((stats::qnorm(0.975) + stats::qnorm(0.8)) / 0.2)^2) + 1)
  expect_gt(pls_sample_size(0.2, alpha = 0.01)$inverse_square_root, pls_sample_size(0.2)$inverse_square_root)
  expect_gt(pls_sample_size(0.2, power = 0.9)$inverse_square_root, pls_sample_size(0.2)$inverse_square_root)
  expect_equal(pls_sample_size(-0.2), pls_sample_size(0.2))
})

test_that("the gamma-exponential method follows the paper's equations 6 and 7", {
  z <- stats::qnorm(0.95) + stats::qnorm(0.8)
  exponential <- function(p, n) p * sqrt(n) * exp(exp(1) * p / sqrt(n))
  gamma_c <- function(n) sqrt((n - 1) / 2) * gamma((n - 1) / 2) / gamma(n / 2)
  by_loop <- function(p) {   # the authors' procedure: count up from n = 1
    n <- 1
    while (exponential(p, n) <= z) n <- n + 1
    if (n > 10) return(n)
    n <- 2
    while (p * sqrt(n) * gamma_c(n) <= z) n <- n + 1
    n
  }
  p <- c(0.02, 0.08, 0.15, 0.3, 0.45, 0.5, 0.51, 0.6, 0.75, 0.95)
  expect_equal(pls_sample_size(p)$gamma_exponential, vapply(p, by_loop, numeric(1)))
  # never above the inverse square root method
  grid <- pls_sample_size(seq(0.01, 0.99, by = 0.01))
  expect_true(all(grid$gamma_exponential <= grid$inverse_square_root))
})

test_that("pls_sample_size() checks its arguments", {
  expect_error(pls_sample_size(0), "p_min")
  expect_error(pls_sample_size(1.2), "p_min")
  expect_error(pls_sample_size(NA_real_), "p_min")
  expect_error(pls_sample_size("0.2"), "p_min")
  expect_error(pls_sample_size(0.2, alpha = 0), "alpha")
  expect_error(pls_sample_size(0.2, power = 1), "power")
  expect_error(pls_sample_size(0.2, alternative = "less"), "one.sided")
})
