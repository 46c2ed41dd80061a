test_that("power is reproducible, detects strong paths and misses absent ones", {
  population <- iec_population()
  population$paths["GAD", "CTM"] <- 0
  set.seed(5)
  power <- pls_power(population, n = 300, reps = 12, R = 200)
  expect_s3_class(power, "pls_power")
  expect_equal(nrow(power), 8)
  expect_equal(power$power[power$path == "TTM -> CTM"], 1)
  expect_lte(power$power[power$path == "GAD -> CTM"], 0.25)
  expect_equal(power$population[power$path == "CTM -> PIA"], 0.65)
  expect_equal(power$failed, rep(0L, 8))
  set.seed(5)
  again <- pls_power(population, n = 300, reps = 12, R = 200)
  expect_identical(again, power)
  expect_output(print(power), "Monte Carlo power")
})

test_that("a replicate is a fit and bootstrap of simulated data under its own seed", {
  set.seed(9)
  power <- pls_power(n = 150, reps = 1, R = 100)
  set.seed(9)
  base <- sample.int(.Machine$integer.max - 1e6L, 1L)
  data <- iec_simulate(150, seed = base + 1)
  fit <- pls(iec_model("extended"), data = data, missing = "mean")
  expect_equal(power$mean_estimate, unname(coef(fit)))
})

test_that("power grows with the sample size and inputs are checked", {
  set.seed(6)
  power <- pls_power(n = c(60, 400), reps = 10, R = 150)
  weak <- power[power$path == "IC -> CTM", ]
  expect_lte(weak$power[weak$n == 60], weak$power[weak$n == 400])
  expect_error(pls_power(n = 5), "at least 10")
  expect_error(pls_power(n = 100, reps = 0), "reps")
})
