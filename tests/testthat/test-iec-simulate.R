test_that("the simulated data have the documented columns and types", {
  survey <- iec_simulate(50, seed = 1)
  items <- iec_items$item
  expect_equal(names(survey), c("id", "role", "degree_field", "university_type", "region", items))
  expect_identical(survey$id, 1:50)
  groups <- iec_population()$groups
  for (name in names(groups)) {
    expect_s3_class(survey[[name]], "factor")
    expect_equal(levels(survey[[name]]), names(groups[[name]]))
  }
  expect_true(all(vapply(survey[items], is.integer, logical(1))))
  expect_true(all(unlist(survey[items]) %in% c(1:5, NA)))
  expect_null(attr(survey, "latent"))
})

test_that("the same seed gives the same data, another seed other data", {
  expect_identical(iec_simulate(100, seed = 7), iec_simulate(100, seed = 7))
  expect_false(identical(iec_simulate(100, seed = 7), iec_simulate(100, seed = 8)))
})

test_that("a seed leaves the session's random number state untouched", {
  set.seed(42)
  before <- .Random.seed
  iec_simulate(20, seed = 1)
  expect_identical(.Random.seed, before)
  expect_identical(RNGkind(), c("Mersenne-Twister", "Inversion", "Rejection"))

  # another generator in use is restored too, and does not change the draw
  old_kind <- RNGkind("L'Ecuyer-CMRG")
  set.seed(42)
  before <- .Random.seed
  draw <- iec_simulate(20, seed = 1)
  after <- .Random.seed
  kind <- RNGkind()
  RNGkind(old_kind[1])
  expect_identical(after, before)
  expect_equal(kind[1], "L'Ecuyer-CMRG")
  expect_identical(draw, iec_simulate(20, seed = 1))

  # when the session has no random number state yet, none is left behind
  saved <- .Random.seed
  rm(".Random.seed", envir = globalenv())
  iec_simulate(5, seed = 1)
  created <- exists(".Random.seed", envir = globalenv(), inherits = FALSE)
  assign(".Random.seed", saved, envir = globalenv())
  expect_false(created)
})

test_that("without a seed the session's random number stream is used", {
  set.seed(3)
  first <- iec_simulate(30)
  set.seed(3)
  expect_identical(iec_simulate(30), first)
  expect_false(identical(iec_simulate(30), first))
})

test_that("changing a parameter changes only what it must", {
  p <- iec_population()
  p$nonresponse <- 0.3
  base <- iec_simulate(200, seed = 5)
  more_missing <- iec_simulate(200, p, seed = 5)
  items <- iec_items$item
  answered <- !is.na(as.matrix(more_missing[items]))
  expect_true(all(!answered[is.na(as.matrix(base[items]))]))
  expect_equal(as.matrix(more_missing[items])[answered], as.matrix(base[items])[answered])
  expect_identical(base[1:5], more_missing[1:5])
})

test_that("item nonresponse has the requested rate", {
  n <- 4000
  survey <- iec_simulate(n, seed = 11)
  rate <- iec_population()$nonresponse
  cells <- n * nrow(iec_items)
  missing <- mean(is.na(as.matrix(survey[iec_items$item])))
  expect_lt(abs(missing - rate), 4 * sqrt(rate * (1 - rate) / cells))
  complete <- iec_simulate(100, complete_population(), seed = 11)
  expect_false(anyNA(complete))
})

test_that("answers follow the thresholds and roles their probabilities", {
  n <- 20000
  survey <- iec_simulate(n, complete_population(), seed = 12)
  thresholds <- iec_population()$thresholds
  expected <- diff(c(0, stats::pnorm(thresholds), 1))
  observed <- tabulate(unlist(survey[iec_items$item]), 5) / (n * nrow(iec_items))
  # items are correlated, so the standard error of a single item is a safe bound
  expect_true(all(abs(observed - expected) < 4 * sqrt(expected * (1 - expected) / n)))
  roles <- iec_population()$groups$role
  share <- c(table(survey$role)) / n
  expect_true(all(abs(share - roles) < 4 * sqrt(roles * (1 - roles) / n)))
})

test_that("the latent scores recover the population paths within each role", {
  n <- 20000
  p <- iec_population()
  survey <- iec_simulate(n, p, seed = 13, latent = TRUE)
  scores <- attr(survey, "latent")
  expect_equal(dim(scores), c(n, 8))
  expect_equal(colnames(scores), names(p$loadings))
  for (role in levels(survey$role)) {
    rows <- survey$role == role
    paths <- role_paths_matrix(p, role)
    R <- stats::cor(scores[rows, ])
    se <- path_se(latent_cor(paths, p$exogenous_cor), paths, sum(rows))
    for (outcome in c("RIG", "CTM", "PIA", "CDA")) {
      predictors <- rownames(paths)[paths[, outcome] != 0]
      estimate <- solve(R[predictors, predictors], R[predictors, outcome])
      expect_true(all(abs(estimate - paths[predictors, outcome]) < 4 * se[predictors, outcome]),
                  label = paste(role, outcome))
    }
  }
  exogenous <- rownames(p$exogenous_cor)
  R <- stats::cor(scores[, exogenous])
  expect_true(all(abs(R - p$exogenous_cor) <= 4 * (1 - p$exogenous_cor^2) / sqrt(n)))
})

test_that("pls() on a large sample recovers what PLS estimates in the population", {
  # PLS estimates composites of five-point answers, so its estimates approach
  # the fit to the implied answer correlations, not the latent paths.
  n <- 20000
  p <- complete_population()
  limit <- pls(iec_model("extended"), S = iec_implied(p)$indicator_cor)
  fit <- pls(iec_model("extended"), data = iec_simulate(n, p, seed = 14))
  se <- path_se(limit$construct_cor, limit$model$inner, n)
  inner <- limit$model$inner != 0
  expect_true(all(abs(fit$path_coef - limit$path_coef)[inner] < 4 * se[inner]))
  expect_true(all(abs(fit$r2 - limit$r2) < 4 * 2 * sqrt(limit$r2) * (1 - limit$r2) / sqrt(n)))
  loading_se <- (1 - limit$outer_loadings^2) / sqrt(n)
  expect_true(all(abs(fit$outer_loadings - limit$outer_loadings) <= 4 * loading_se))
  # and the implied correlations of the answers are those of the sample
  sample_cor <- stats::cor(fit$data)
  expect_true(all(abs(sample_cor - limit$indicator_cor) <= 4 * (1 - limit$indicator_cor^2) / sqrt(n)))
})

test_that("the role-specific path shows up in separate fits by role", {
  survey <- iec_simulate(6000, complete_population(), seed = 15)
  ic_path <- function(role) {
    pls(iec_model("core"), data = survey[survey$role == role, ])$path_coef["IC", "CTM"]
  }
  expect_gt(ic_path("enterprise mentor") - ic_path("graduate student"), 0.15)
  expect_lt(abs(ic_path("university supervisor") - ic_path("administrator")), 0.08)
})

test_that("with the same seed, an interaction changes only CTM, its outcomes and their items", {
  default <- iec_simulate(300, seed = 16, latent = TRUE)
  moderated <- iec_simulate(300, iec_population(moderated = TRUE), seed = 16, latent = TRUE)
  upstream <- c("TTM", "IC", "QEA", "GAD", "RIG")
  expect_identical(attr(moderated, "latent")[, upstream], attr(default, "latent")[, upstream])
  changed <- c("CTM", "PIA", "CDA")
  expect_true(all(attr(moderated, "latent")[, changed] != attr(default, "latent")[, changed]))
  items <- iec_items$item[iec_items$construct %in% upstream]
  keep <- c("id", "role", "degree_field", "university_type", "region", items)
  expect_identical(moderated[keep], default[keep])
  other <- setdiff(iec_items$item, items)
  expect_false(identical(moderated[other], default[other]))
})

test_that("the latent scores carry the interaction, with unit variances and the implied correlations", {
  n <- 20000
  p <- iec_population(moderated = TRUE)
  interaction <- p$interactions
  scores <- attr(iec_simulate(n, p, seed = 17, latent = TRUE), "latent")
  implied <- iec_implied(p)
  r <- implied$latent_cor$pooled["GAD", "RIG"]
  product <- (scores[, "GAD"] * scores[, "RIG"] - r) / sqrt(1 + r^2)
  predictors <- cbind(scores[, c("TTM", "IC", "QEA", "GAD", "RIG")], product = product)
  estimate <- stats::coef(stats::lm(scores[, "CTM"] ~ predictors))[["predictorsproduct"]]
  # the product term is uncorrelated with the linear predictors (variance
  # inflation 1), so its standard error is sqrt((1 - R^2) / n)
  se <- sqrt((1 - implied$r2["pooled", "CTM"]) / n)
  expect_lt(abs(estimate - interaction$value), 4 * se)
  expect_true(all(abs(stats::cor(predictors)[-6, "product"]) < 4 / sqrt(n)))
  # every latent variable keeps variance 1 (the product of normals has
  # kurtosis, hence the wider bound for CTM) and the implied correlations
  expect_true(all(abs(apply(scores, 2, stats::var) - 1) < 4 * sqrt(3 / n)))
  R <- implied$latent_cor$pooled
  expect_true(all(abs(stats::cor(scores) - R) <= 4 * (1 - R^2) / sqrt(n) + 1e-12))
})

test_that("a large-sample PLS fit recovers the interaction, attenuated, and none where there is none", {
  # PLS estimates the interaction of composites of five-point answers: the
  # population value shrinks by their correlations with the latent variables
  # (interaction_pls_limit(), helper-iec.R)
  n <- 20000
  moderated <- complete_population()
  moderated$interactions <- iec_population(moderated = TRUE)$interactions
  target <- interaction_pls_limit(moderated)
  expect_gt(target, -0.15)
  expect_lt(target, -0.1)
  fit <- pls(iec_model("moderated"), data = iec_simulate(n, moderated, seed = 18))
  se <- sqrt((1 - fit$r2[["CTM"]]) / n)
  expect_lt(abs(fit$path_coef["GAD:RIG", "CTM"] - target), 4 * se)
  null <- pls(iec_model("moderated"), data = iec_simulate(n, complete_population(), seed = 18))
  se <- sqrt((1 - null$r2[["CTM"]]) / n)
  expect_lt(abs(null$path_coef["GAD:RIG", "CTM"]), 4 * se)
})

test_that("iec_simulate() checks its arguments", {
  expect_error(iec_simulate(0), "n")
  expect_error(iec_simulate(2.5), "n")
  expect_error(iec_simulate(10, seed = "a"), "seed")
  expect_error(iec_simulate(10, seed = c(1, 2)), "seed")
  expect_error(iec_simulate(10, params = list()), "params")
})
