# pls_power() with a fitted model or model syntax with values as the
# population (R/power-population.R).

fit_syntax <- "
  Image        =~ IMAG1 + IMAG2 + IMAG3
  Satisfaction =~ CUSA1 + CUSA2 + CUSA3
  Loyalty      <~ CUSL1 + CUSL2 + CUSL3
  Satisfaction ~ Image
  Loyalty      ~ Image + Satisfaction
"

value_syntax <- "
  A =~ 0.8*a1 + 0.7*a2 + 0.75*a3
  B =~ 0.8*b1 + 0.8*b2 + 0.7*b3
  C =~ 0.85*c1 + 0.8*c2 + 0.8*c3
  D <~ 0.6*d1 + 0.5*d2
  B ~ 0.3*A
  C ~ 0.4*A + 0.25*B + 0.2*D
  A ~~ 0.3*D
  d1 ~~ 0.4*d2
"

test_that("data simulated from a fit have the fit's model-implied correlations", {
  fit <- pls(fit_syntax, data = mobi)
  population <- power_population(fit)
  # every endogenous construct is predicted by all before it, so the
  # population's correlations are those of pls_implied_cor() (see ?pls_power)
  expect_equal(population$indicator_cor, pls_implied_cor(fit), tolerance = 1e-12)
  n <- 50000
  data <- with_seed(1, simulate_population(n, population))
  expect_named(data, fit$model$indicators, ignore.order = TRUE)
  expect_false(anyNA(data))
  expect_lt(max_cor_error(data, pls_implied_cor(fit)), cor_tolerance(n))
  # the composite's weights on the standardized indicators give it variance 1
  items <- fit$model$blocks$Loyalty
  w <- fit$outer_weights[items, "Loyalty"]
  expect_equal(stats::var(drop(scale(data[items]) %*% w)), 1, tolerance = 3 * sqrt(2 / n))
})

test_that("a fit's population has the fit's paths, also where the model does not reproduce its correlations", {
  fit <- pls(ecsi_syntax, data = mobi)
  population <- power_population(fit)
  P <- population$latent_cor
  expect_equal(unname(diag(P)), rep(1, length(fit$model$constructs)))
  for (k in model_endogenous(fit$model)) {
    x <- fit$model$constructs[fit$model$inner[, k] == 1L]
    expect_equal(drop(solve(P[x, x], P[x, k])), fit$path_coef[x, k], tolerance = 1e-10)
  }
  exogenous <- "Image"
  expect_equal(P[exogenous, exogenous], fit$construct_cor[exogenous, exogenous])
  n <- 50000
  data <- with_seed(2, simulate_population(n, population))
  expect_lt(max_cor_error(data, population$indicator_cor), cor_tolerance(n))
})

test_that("pls_power() of a fit reports the fit's paths and fits each study with the fit's settings", {
  fit <- pls(three_item_ecsi_syntax, data = mobi, consistent = TRUE)
  set.seed(9)
  power <- pls_power(fit, n = 120, reps = 1, R = 20)
  paths <- model_paths(fit$model)
  expect_equal(power$path, paste(paths$from, "->", paths$to))
  expect_equal(power$population, fit$path_coef[cbind(paths$from, paths$to)])
  set.seed(9)
  base <- sample.int(.Machine$integer.max - 1e6L, 1L)
  data <- with_seed(base + 1, simulate_population(120, power_population(fit)))
  # (as in pls_power(), without the warnings of an inadmissible PLSc solution)
  refit <- function(...) unname(coef(suppressWarnings(pls(three_item_ecsi_syntax, data = data, ...))))
  expect_equal(power$mean_estimate, refit(consistent = TRUE))
  expect_false(isTRUE(all.equal(power$mean_estimate, refit())))
})

test_that("a fit with an interaction term gives the population its interaction", {
  fit <- pls(paste(three_item_ecsi_syntax, "Loyalty ~ Image:Satisfaction"), data = mobi)
  population <- power_population(fit)
  expect_equal(population$interactions$value, fit$path_coef["Image:Satisfaction", "Loyalty"])
  set.seed(3)
  power <- pls_power(fit, n = 100, reps = 2, R = 20)
  expect_equal(power$population[power$path == "Image:Satisfaction -> Loyalty"],
               fit$path_coef["Image:Satisfaction", "Loyalty"])
  expect_equal(power$failed, rep(0L, 4))
})

test_that("model syntax with values is the population it writes", {
  population <- power_population(value_syntax)
  set.seed(4)
  power <- pls_power(value_syntax, n = 100, reps = 2, R = 20, missing = "fail")
  expect_equal(power$path, c("A -> B", "A -> C", "B -> C", "D -> C"))
  expect_equal(power$population, c(0.3, 0.4, 0.25, 0.2))
  # the model fitted is the syntax without its values
  expect_equal(population$model$blocks$A, c("a1", "a2", "a3"))
  expect_equal(unname(population$model$modes), c("A", "A", "A", "B"))
  # the latent correlations by path tracing
  P <- population$latent_cor
  expect_equal(P["A", "B"], 0.3)
  expect_equal(P["A", "C"], 0.4 + 0.25 * 0.3 + 0.2 * 0.3)
  expect_equal(P["B", "C"], 0.4 * 0.3 + 0.25 + 0.2 * 0.3 * 0.3)
  expect_equal(P["D", "B"], 0.3 * 0.3)
  # indicators: loading x loading x latent correlation; the composite's
  # loadings are S w with w scaled to unit variance
  S <- matrix(c(1, 0.4, 0.4, 1), 2)
  w <- c(0.6, 0.5)
  lambda <- drop(S %*% w) / sqrt(drop(w %*% S %*% w))
  sigma <- population$indicator_cor
  expect_equal(sigma["a1", "b2"], 0.8 * 0.8 * 0.3)
  expect_equal(sigma["a2", "a3"], 0.7 * 0.75)
  expect_equal(sigma["d1", "d2"], 0.4)
  expect_equal(sigma[c("d1", "d2"), "c1"], lambda * 0.85 * P["D", "C"], ignore_attr = TRUE)
  n <- 50000
  data <- with_seed(5, simulate_population(n, population))
  expect_lt(max_cor_error(data, sigma), cor_tolerance(n))
})

test_that("the same population spelled differently gives identical studies", {
  spelled <- "
    A =~ 0.8*a1 + 0.7*a2 +
         0.75*a3          # continued
    B =~ 0.8*b1 + 0.8*b2 + 0.7*b3; C =~ 0.85*c1 + 0.8*c2 + 0.8*c3
    D <~ 0.6*d1
    D <~ 0.5*d2
    B ~ 0.3*A
    C ~ 0.4*A
    C ~ 0.25*B + 0.2*D
    d2 ~~ 0.4*d1
    D ~~ 0.3*A
  "
  set.seed(6)
  one <- pls_power(value_syntax, n = 60, reps = 2, R = 20)
  set.seed(6)
  expect_identical(pls_power(spelled, n = 60, reps = 2, R = 20), one)
})

test_that("the study's population written as syntax with values parses back to its values", {
  params <- iec_population(moderated = TRUE)
  params$role_paths <- params$role_paths[0, ]
  population <- power_population(population_syntax_of(params))
  expect_equal(population$paths, params$paths)
  expect_equal(population$exogenous_cor, params$exogenous_cor)
  expect_equal(population$loadings, params$loadings)
  expect_equal(population$interactions, params$interactions)
  expect_equal(population$latent_cor, iec_implied(params)$latent_cor$pooled)
  set.seed(7)
  power <- pls_power(population_syntax_of(params), n = 150, reps = 1, R = 20, model = iec_model("moderated"))
  expect_equal(power$population, population_path(params, power_paths(parse_model(iec_model("moderated")))))
  expect_equal(power$population[power$path == "GAD:RIG -> CTM"], -0.15)
})

test_that("errors in a population's values are classed and name the line, construct or indicator", {
  expect_population_error <- function(syntax, regexp) {
    expect_error(power_population(syntax), regexp, class = "iecpls_population_error")
  }
  three <- "A =~ 0.8*a1 + 0.7*a2\nB =~ 0.8*b1 + 0.7*b2\nC =~ 0.8*c1 + 0.7*c2\n"
  expect_population_error(paste0(three, "B ~ 0.3*A\nC ~ 0.2*A + B"), "Line 5: `B` has no population value")
  expect_population_error("A =~ 0.8*a1 + a2\nB =~ 0.7*b1\nB ~ 0.3*A", "Line 1: `a2` has no population value")
  expect_population_error("A =~ 0.8*a1 + x*a2\nB =~ 0.7*b1\nB ~ 0.3*A", "Line 1: the value \"x\" of `a2`")
  expect_population_error("A =~ 0.8*a1 + 1.2*a2\nB =~ 0.7*b1\nB ~ 0.3*A",
                          "Line 1: the loading of `a2` on `A` is 1.2")
  expect_population_error(paste0(three, "B ~ 0.3*A\nC ~ 0.2*B\nA ~~ 0.3*B"), "Line 6.*correlates `B`, which has predictors")
  expect_population_error(paste0(three, "C ~ 0.3*A + 0.2*B\nA ~~ 1*A"), "Line 5.*is a variance")
  expect_population_error(paste0(three, "C ~ 0.3*A + 0.2*B\na1 ~~ 0.3*a2"), "Line 5.*not a correlation of the population")
  expect_population_error(paste0(three, "C ~ 0.3*A + 0.2*B\nA ~~ 0.3*B\nB ~~ 0.2*A"), "Lines 5 and 6.*given twice")
  expect_population_error(paste0(three, "C ~ 0.3*A + 0.2*B\nA ~~ 1.5*B"), "Line 5.*strictly between -1 and 1")
  four <- paste0(three, "D =~ 0.8*d1 + 0.7*d2\nD ~ 0.3*A + 0.2*B + 0.1*C\n")
  expect_population_error(paste0(four, "A ~~ 0.9*B\nA ~~ 0.9*C\nB ~~ -0.9*C"),
                          "exogenous constructs `A`, `B`, and `C` are not positive definite")
  expect_population_error("F <~ 0.5*f1 + 0.5*f2 + 0.5*f3\nB =~ 0.7*b1\nB ~ 0.3*F\nf1 ~~ 0.9*f2\nf1 ~~ 0.9*f3\nf2 ~~ -0.9*f3",
                          "indicators of `F` are not positive definite")
  expect_population_error(paste0(three, "C ~ 0.8*A + 0.7*B\nA ~~ 0.5*B"), "into C explain 1.69")
  expect_population_error(paste0(three, "C ~ 0.3*A + 0.2*B + 0.1*A:B\nD =~ 0.8*d1\nD ~ 0.3*C + 0.2*A + 0.1*C:A"),
                          "`C:A -> D` multiplies a construct that an interaction affects")
  expect_error(pls_power(42, n = 100), "must be a fitted model", class = "iecpls_population_error")
})

test_that("errors in a population's model are syntax errors naming the line", {
  expect_error(power_population("A =~ 0.8*a1\nB =~ 0.7*b1\nB ~ 0.3*X"), "Line 3: construct \"X\" has no indicators",
               class = "iecpls_syntax_error")
  expect_error(power_population("A =~ 0.8*a1 + 0.7*a2 +\nB =~ 0.7*b1\nB ~ 0.3*A"), "Line 1, column 22: stray \"\\+\"",
               class = "iecpls_syntax_error")
  expect_error(power_population("A =~ 0.8*a1\nB =~ 0.7*b1\nB <- 0.3*A"), "Line 3: unknown operator \"<-\"",
               class = "iecpls_syntax_error")
  expect_error(power_population("A =~ 0.8*a1\nB =~ 0.7*b1\nB ~ 0.3*A + 0.2*A"), "Line 3: path A -> B is specified twice",
               class = "iecpls_syntax_error")
  expect_error(power_population(pls(mobi_hoc_syntax, data = mobi)), "higher-order", class = "iecpls_unsupported_error")
})
