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

test_that("studies can be fitted with EM or as ordinal data, their bootstrap re-estimating it (#19)", {
  for (setting in list(list(missing = "em", ordinal = FALSE), list(missing = "casewise", ordinal = TRUE))) {
    set.seed(9)
    power <- pls_power(n = 150, reps = 1, R = 20, missing = setting$missing, ordinal = setting$ordinal)
    set.seed(9)
    base <- sample.int(.Machine$integer.max - 1e6L, 1L)
    data <- iec_simulate(150, seed = base + 1)
    fit <- suppressMessages(pls(iec_model("extended"), data = data, missing = setting$missing,
                                ordinal = setting$ordinal))
    expect_identical(fit$settings$source, if (setting$ordinal) "ordinal" else "em")
    expect_equal(power$mean_estimate, unname(coef(fit)))
  }
  expect_error(pls_power(n = 100, reps = 1, R = 10, missing = "mean", ordinal = TRUE), "complete rows",
               class = "iecpls_power_input_error")
})

test_that("power grows with the sample size and inputs are checked", {
  set.seed(6)
  power <- pls_power(n = c(60, 400), reps = 10, R = 150)
  weak <- power[power$path == "IC -> CTM", ]
  expect_lte(weak$power[weak$n == 60], weak$power[weak$n == 400])
  expect_error(pls_power(n = 5), "at least 10")
  expect_error(pls_power(n = 100, reps = 0), "reps")
})

test_that("arguments that would make every study fail stop at once, naming the argument", {
  expect_power_input_error <- function(regexp, R = 20, ...) {
    expect_error(pls_power(n = 100, reps = 2, R = R, ...), regexp, class = "iecpls_power_input_error")
  }
  expect_power_input_error("`R` must be a whole number of at least 2, not 1", R = 1)
  expect_power_input_error("`alpha` must be a number strictly between 0 and 1 \\(such as 0.05\\), not 2", alpha = 2)
  expect_power_input_error("`alpha`", alpha = 0)
  expect_power_input_error("`missing` must be one of", missing = "bogus")
  expect_power_input_error("`missing = \"fail\"` rejects", missing = "fail")
  expect_power_input_error("`x1`.*not in the data simulated", model = "A =~ x1 + ttm1\nB =~ y1 + ic1\nB ~ A")
  expect_error(pls_power(n = 5), "at least 10", class = "iecpls_power_input_error")
  # without nonresponse, missing = "fail" is fine
  population <- iec_population()
  population$nonresponse <- 0
  set.seed(3)
  expect_equal(pls_power(population, n = 100, reps = 1, R = 20, missing = "fail")$failed, rep(0L, 8))
})

test_that("studies that fail are counted with their reasons, printed and warned about", {
  population <- iec_population()
  population$nonresponse <- 0.2
  set.seed(4)
  expect_warning(
    power <- suppressMessages(pls_power(population, n = 12, reps = 2, R = 20, missing = "casewise")),
    "2 of 2 simulated studies failed", class = "iecpls_power_failure_warning")
  expect_equal(power$failed, rep(2L, 8))
  failures <- attr(power, "failures")
  expect_equal(sum(failures$studies), 2L)
  expect_equal(unique(failures$n), 12L)
  expect_match(failures$reason, "complete row")
  expect_output(print(power), "Failed studies.*n = 12: 2 x The model needs")
  # without failures the table is empty and print says nothing about it
  expect_equal(nrow(attr(suppressWarnings(pls_power(n = 100, reps = 1, R = 20)), "failures")), 0L)
})

test_that("the power of an interaction term is reported with the population's interaction", {
  population <- iec_population(moderated = TRUE)
  set.seed(11)
  power <- pls_power(population, n = 150, reps = 1, R = 20, model = iec_model("moderated"))
  set.seed(11)
  base <- sample.int(.Machine$integer.max - 1e6L, 1L)
  fit <- pls(iec_model("moderated"), data = iec_simulate(150, population, seed = base + 1), missing = "mean")
  expect_equal(power$path, names(coef(fit)))
  expect_equal(power$mean_estimate, unname(coef(fit)))
  expect_equal(power$population[power$path == "GAD:RIG -> CTM"], -0.15)
  # the term written the other way round has the same population value
  swapped <- sub("GAD:RIG", "RIG:GAD", iec_model("moderated"), fixed = TRUE)
  power <- pls_power(population, n = 150, reps = 1, R = 20, model = swapped)
  expect_equal(power$population[power$path == "RIG:GAD -> CTM"], -0.15)
})
