test_that("the population has the documented elements and values", {
  p <- iec_population()
  expect_named(p, c("loadings", "exogenous_cor", "paths", "role_paths", "thresholds", "groups", "nonresponse"))
  paths <- p$paths
  expect_equal(paths[c("TTM", "IC", "QEA", "GAD", "RIG"), "CTM"],
               c(TTM = 0.40, IC = 0.16, QEA = 0.27, GAD = 0.04, RIG = 0.36))
  expect_equal(paths["GAD", "RIG"], 0.50)
  expect_equal(paths["CTM", c("PIA", "CDA")], c(PIA = 0.65, CDA = 0.60))
  # unequal effects of the five factors
  expect_false(anyDuplicated(paths[c("TTM", "IC", "QEA", "GAD", "RIG"), "CTM"]) > 0)
  expect_equal(p$role_paths$value, c(0.02, 0.34))
  expect_true(all(vapply(p$groups, function(g) isTRUE(all.equal(sum(g), 1)), logical(1))))
  expect_named(p$groups, c("role", "degree_field", "university_type", "region"))
  expect_true(p$nonresponse > 0 && p$nonresponse < 0.05)
})

test_that("the weak item has the lowest loading, in the population and in what PLS estimates", {
  loadings <- unlist(unname(iec_population()$loadings))
  expect_equal(names(which.min(loadings)), "qea4")
  expect_equal(unname(loadings["qea4"]), 0.5)
  limit <- coef(pls(iec_model("extended"), S = iec_implied()$indicator_cor), "loadings")
  # the only item below the usual 0.708 threshold of the measurement assessment
  expect_equal(names(limit)[limit < 0.708], "QEA =~ qea4")
})

test_that("the R^2 of CTM is in the intended range", {
  implied <- iec_implied()
  expect_gte(implied$r2["pooled", "CTM"], 0.5)
  expect_lte(implied$r2["pooled", "CTM"], 0.65)
  limit <- pls(iec_model("extended"), S = implied$indicator_cor)
  expect_gte(limit$r2[["CTM"]], 0.5)
  expect_lte(limit$r2[["CTM"]], 0.65)
  # R^2 is larger where the role-specific path is larger
  expect_lt(implied$r2["graduate student", "CTM"], implied$r2["university supervisor", "CTM"])
  expect_lt(implied$r2["university supervisor", "CTM"], implied$r2["enterprise mentor", "CTM"])
})

test_that("iec_implied() returns consistent correlations and R^2", {
  p <- iec_population()
  implied <- iec_implied(p)
  expect_named(implied, c("latent_cor", "r2", "indicator_cor"))
  expect_named(implied$latent_cor, c(names(p$groups$role), "pooled"))
  expect_equal(rownames(implied$r2), c(names(p$groups$role), "pooled"))
  expect_equal(colnames(implied$r2), c("RIG", "CTM", "PIA", "CDA"))
  for (R in implied$latent_cor) {
    expect_equal(unname(diag(R)), rep(1, 8))
    expect_true(isSymmetric(R))
    expect_true(all(eigen(R, only.values = TRUE)$values > 0))
  }
  # R^2 = b' R b for the structural equation of a role
  R <- implied$latent_cor[["enterprise mentor"]]
  b <- c(TTM = 0.40, IC = 0.34, QEA = 0.27, GAD = 0.04, RIG = 0.36)
  expect_equal(implied$r2["enterprise mentor", "CTM"], drop(b %*% R[names(b), names(b)] %*% b))
  expect_equal(implied$r2["graduate student", "RIG"], 0.25)
  S <- implied$indicator_cor
  expect_equal(dim(S), c(32, 32))
  expect_equal(rownames(S), iec_items$item)
  expect_true(isSymmetric(S))
  expect_true(all(eigen(S, only.values = TRUE)$values > 0))
})

test_that("the correlation of two answers matches a direct computation", {
  thresholds <- iec_population()$thresholds
  # P(z1 > a, z2 > b) by integrating over z1, a route other than the package's
  answer_cor <- function(rho) {
    p_upper <- function(a, b) {
      inner <- function(x) stats::dnorm(x) * stats::pnorm((rho * x - b) / sqrt(1 - rho^2))
      stats::integrate(inner, a, Inf, rel.tol = 1e-10)$value
    }
    upper <- stats::pnorm(-thresholds)
    cov <- sum(outer(thresholds, thresholds, Vectorize(p_upper)) - outer(upper, upper))
    var <- sum(outer(upper, upper, pmin) - outer(upper, upper))
    cov / var
  }
  S <- matrix(c(1, 0.6, -0.3, 0.6, 1, 0.2, -0.3, 0.2, 1), 3)
  expected <- S
  expected[upper.tri(S) | lower.tri(S)] <- vapply(S[upper.tri(S) | lower.tri(S)], answer_cor, numeric(1))
  expect_equal(likert_cor(S, thresholds), expected, tolerance = 1e-7)
})

test_that("a changed population is checked", {
  p <- iec_population()
  p$thresholds <- c(1, 0)
  expect_error(iec_simulate(10, p), "thresholds")
  p <- iec_population()
  p$loadings$QEA["qea4"] <- 1.2
  expect_error(iec_implied(p), "qea4")
  p <- iec_population()
  p$paths["TTM", "CTM"] <- 1
  expect_error(iec_implied(p), "CTM")
  p <- iec_population()
  p$paths["CTM", "TTM"] <- 0.2
  expect_error(iec_implied(p), "exogenous_cor|cycle")
  p <- iec_population()
  p$role_paths$role[1] <- "student"
  expect_error(iec_implied(p), "student")
  p <- iec_population()
  p$role_paths$to[1] <- "PIA"
  expect_error(iec_implied(p), "IC -> PIA")
  p <- iec_population()
  p$groups$region[] <- 0.5
  expect_error(iec_simulate(10, p), "region")
  p <- iec_population()
  p$nonresponse <- 1
  expect_error(iec_simulate(10, p), "nonresponse")
  p <- iec_population()
  p$exogenous_cor["TTM", "IC"] <- 0.9
  expect_error(iec_implied(p), "exogenous_cor")
})

test_that("a population without role differences has equal R^2 in every role", {
  p <- iec_population()
  p$role_paths <- p$role_paths[0, ]
  r2 <- iec_implied(p)$r2
  expect_equal(unname(r2[, "CTM"]), rep(r2[1, "CTM"], 5))
})

test_that("the R^2 values written in the help pages are those of the population", {
  # ?iec_population and ?iec_survey quote these, rounded to two decimals
  implied <- iec_implied()
  r2 <- round(implied$r2, 2)
  expect_equal(unname(r2[, "CTM"]), c(0.57, 0.64, 0.79, 0.64, 0.64))
  expect_equal(unname(r2["pooled", c("PIA", "CDA", "RIG")]), c(0.42, 0.36, 0.25))
  limit <- pls(iec_model("extended"), S = implied$indicator_cor)
  expect_equal(round(limit$r2[["CTM"]], 2), 0.51)
  answers <- diff(c(0, stats::pnorm(iec_population()$thresholds), 1))
  expect_equal(round(answers, 2), c(0.02, 0.09, 0.24, 0.43, 0.23))
})
