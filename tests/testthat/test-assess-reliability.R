test_that("alpha, rho_A, rho_C and AVE equal seminr's for every construct", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")$reliability
    ours <- pls_reliability(fit, composites = TRUE)
    expect_equal(ours$construct, fit$model$constructs)
    peer <- seminr[ours$construct, c("alpha", "rhoA", "rhoC", "AVE")]
    expect_equal(unname(as.matrix(ours[c("alpha", "rho_a", "rho_c", "ave")])), unname(peer),
                 tolerance = 1e-6, label = case)
  }
})

test_that("alpha, rho_C and AVE equal cSEM's for the common factors", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    csem <- assess_fixture(case, "csem")
    ours <- pls_reliability(fit)
    expect_equal(ours$construct, names(csem$ave))
    expect_equal(ours$ave, unname(csem$ave), tolerance = 1e-6)
    expect_equal(ours$rho_c, unname(csem$joereskogs_rho), tolerance = 1e-6)
    # cSEM gives NaN for the alpha of a single-item construct; we give 1
    multi <- ours$items > 1
    expect_equal(ours$alpha[multi], unname(csem$cronbachs_alpha[multi]), tolerance = 1e-6)
    expect_true(all(is.nan(csem$cronbachs_alpha[!multi])))
    expect_equal(ours$alpha[!multi], rep(1, sum(!multi)))
  }
})

test_that("cSEM's rho_A without PLSc is 1, the documented disagreement", {
  fit <- fit_tight("mobi")
  csem <- assess_fixture("mobi", "csem")
  expect_equal(unname(csem$rho_a), rep(1, 7), tolerance = 1e-10)
  ours <- pls_reliability(fit)
  expect_equal(round(max(1 - ours$rho_a), 2), 0.54)
})

test_that("rho_A uses unit-variance weights and equals alpha for equal weights", {
  fit <- fit_tight("mobi")
  items <- fit$model$blocks$Image
  R <- fit$indicator_cor[items, items]
  w <- fit$outer_weights[items, "Image"]
  expect_equal(drop(t(w) %*% R %*% w), 1, tolerance = 1e-12)
  expect_equal(dijkstra_henseler_rho_a(R, 3 * w), dijkstra_henseler_rho_a(R, w))
  expect_equal(dijkstra_henseler_rho_a(R, rep(1, length(items))), cronbach_alpha(R), tolerance = 1e-12)
})

test_that("composites are left out by default and have rho_A 1 when included", {
  fit <- fit_tight("corp_rep")
  default <- pls_reliability(fit)
  expect_equal(default$construct, c("COMP", "LIKE", "CUSA", "CUSL"))
  expect_true(all(default$mode == "A"))
  all_rows <- pls_reliability(fit, composites = TRUE)
  expect_equal(all_rows$rho_a[all_rows$mode == "B"], rep(1, 4))
  expect_equal(all_rows$items, unname(lengths(fit$model$blocks)))
  single <- all_rows[all_rows$construct == "CUSA", c("alpha", "rho_a", "rho_c", "ave")]
  expect_equal(unlist(single, use.names = FALSE), rep(1, 4))
})

test_that("indicator loadings, weights and reliabilities come from the fit", {
  fit <- fit_tight("corp_rep")
  loadings <- pls_loadings(fit)
  expect_equal(nrow(loadings), length(fit$model$indicators))
  expect_equal(loadings$indicator, fit$model$indicators)
  expect_equal(loadings$loading, unname(coef(fit, "loadings")))
  expect_equal(loadings$weight, unname(coef(fit, "weights")))
  expect_equal(loadings$reliability, loadings$loading^2)
  expect_equal(unique(loadings$mode[loadings$construct == "QUAL"]), "B")
})

test_that("arguments are checked", {
  expect_error(pls_reliability(list()), "pls_fit")
  expect_error(pls_reliability(fit_tight("mobi"), composites = NA), "composites")
})
