test_that("the population has the documented elements and values", {
  p <- iec_population()
  expect_named(p, c("loadings", "exogenous_cor", "paths", "role_paths", "interactions", "thresholds", "groups",
                    "nonresponse"))
  # no interaction unless asked for (iec_survey is a draw of this population)
  expect_named(p$interactions, c("from", "moderator", "to", "value"))
  expect_equal(nrow(p$interactions), 0)
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

test_that("the moderated population has the documented interaction", {
  p <- iec_population(moderated = TRUE)
  expect_equal(p$interactions, data.frame(from = "GAD", moderator = "RIG", to = "CTM", value = -0.15,
                                          stringsAsFactors = FALSE))
  # everything else is the default population
  expect_equal(p[names(p) != "interactions"], iec_population()[names(p) != "interactions"])
  expect_identical(iec_population(FALSE), iec_population())
})

test_that("an interaction leaves the latent correlations as they are and adds value^2 to the R^2", {
  implied <- iec_implied(iec_population(moderated = TRUE))
  default <- iec_implied()
  expect_equal(implied$latent_cor, default$latent_cor)
  added <- implied$r2 - default$r2
  expect_equal(unname(added[, "CTM"]), rep(0.15^2, 5))
  expect_equal(unname(added[, c("RIG", "PIA", "CDA")]), matrix(0, 5, 3))
  expect_equal(dim(implied$indicator_cor), c(32, 32))
})

test_that("the numbers of the moderated population quoted in the help pages are right", {
  # ?iec_population: R^2 of CTM, the simple slopes of GAD and its indirect effect
  p <- iec_population(moderated = TRUE)
  expect_equal(round(iec_implied(p)$r2["pooled", "CTM"], 2), 0.66)
  r <- iec_implied(p)$latent_cor$pooled["GAD", "RIG"]
  expect_equal(r, 0.5)
  per_sd <- p$interactions$value / sqrt(1 + r^2)
  expect_equal(round(per_sd, 3), -0.134)
  slope <- p$paths["GAD", "CTM"] + per_sd * c(-1, 1)
  expect_equal(round(slope, 2), c(0.17, -0.09))
  expect_equal(p$paths["GAD", "RIG"] * p$paths["RIG", "CTM"], 0.18)
})

test_that("product_cor() gives the correlations of standardized products", {
  set.seed(21)
  R <- matrix(c(1, 0.5, 0.3, 0.5, 1, -0.2, 0.3, -0.2, 1), 3, dimnames = list(c("a", "b", "c"), c("a", "b", "c")))
  rows <- data.frame(from = c("a", "a", "b"), moderator = c("b", "c", "b"), to = "y", value = 0.1,
                     stringsAsFactors = FALSE)
  n <- 2e5
  z <- matrix(stats::rnorm(3 * n), n) %*% chol(R)
  colnames(z) <- c("a", "b", "c")
  products <- z[, rows$from] * z[, rows$moderator]
  expect_equal(unname(colMeans(products)), R[cbind(rows$from, rows$moderator)], tolerance = 0.02)
  expect_equal(unname(apply(products, 2, stats::var)), 1 + R[cbind(rows$from, rows$moderator)]^2, tolerance = 0.02)
  expect_equal(unname(product_cor(R, rows)), unname(stats::cor(products)), tolerance = 0.01)
  expect_equal(unname(diag(product_cor(R, rows))), rep(1, 3))
})

test_that("iec_population() and the interactions of a population are checked", {
  expect_error(iec_population(NA), "moderated", class = "iecpls_input_error")
  expect_error(iec_population("yes"), "moderated", class = "iecpls_input_error")
  with_interaction <- function(...) {
    p <- iec_population(moderated = TRUE)
    p$interactions <- data.frame(..., stringsAsFactors = FALSE)
    p
  }
  p <- iec_population(moderated = TRUE)
  p$interactions <- p$interactions[c("from", "to", "value")]
  expect_error(iec_implied(p), "moderator", class = "iecpls_input_error")
  expect_error(iec_implied(with_interaction(from = "GAD", moderator = "XYZ", to = "CTM", value = -0.1)),
               "XYZ", class = "iecpls_input_error")
  expect_error(iec_simulate(10, with_interaction(from = "GAD", moderator = "RIG", to = "CTM", value = NA_real_)),
               "value", class = "iecpls_input_error")
  # the main effects must be there, as in the model syntax
  expect_error(iec_implied(with_interaction(from = "GAD", moderator = "RIG", to = "PIA", value = -0.1)),
               "GAD x RIG -> PIA", class = "iecpls_input_error")
  # constituents must not be moderated themselves (their product would not be
  # that of normal variables)
  expect_error(iec_implied(with_interaction(from = c("GAD", "CTM"), moderator = c("RIG", "CTM"),
                                            to = c("CTM", "PIA"), value = c(-0.1, 0.1))),
               "CTM x CTM -> PIA", class = "iecpls_input_error")
  expect_error(iec_implied(with_interaction(from = c("GAD", "RIG"), moderator = c("RIG", "GAD"),
                                            to = "CTM", value = c(-0.1, 0.1))),
               "more than once", class = "iecpls_input_error")
  # an interaction counts towards its outcome's variance
  expect_error(iec_implied(with_interaction(from = "GAD", moderator = "RIG", to = "CTM", value = 0.65)),
               "CTM", class = "iecpls_input_error")
  expect_error(iec_simulate(10, with_interaction(from = factor("GAD"), moderator = "RIG", to = "CTM", value = 0.1)),
               "character", class = "iecpls_input_error")
})

test_that("a parameter list without interactions has none", {
  p <- iec_population()
  p$interactions <- NULL
  expect_equal(iec_implied(p), iec_implied())
  expect_identical(iec_simulate(50, p, seed = 3), iec_simulate(50, seed = 3))
})
