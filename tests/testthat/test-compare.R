# Issue #20: model selection criteria and pls_compare().

# The criteria of one construct's equation from lm() on the fit's scores.
criteria_by_lm <- function(fit, construct) {
  scores <- as.data.frame(fit$scores)
  predictors <- names(which(fit$model$inner[, construct] != 0))
  model <- stats::lm(stats::reformulate(predictors, construct), data = scores)
  full <- stats::lm(stats::reformulate(setdiff(colnames(scores), construct), construct), data = scores)
  n <- nrow(scores)
  k <- length(predictors) + 1
  sse <- sum(stats::residuals(model)^2)
  sigma2 <- sum(stats::residuals(full)^2) / (n - ncol(scores))
  c(sse = sse, aic = n * log(sse / n) + 2 * k, bic = n * log(sse / n) + k * log(n),
    gm = sse / sigma2 + k * log(n))
}

test_that("AIC, BIC and GM equal the formulas on lm() of the construct scores", {
  for (case in c("corp_rep", "mobi")) {
    fit <- fit_tight(case)
    criteria <- selection_criteria(fit)
    expect_identical(criteria$construct, names(fit$r2))
    for (i in seq_len(nrow(criteria))) {
      expected <- criteria_by_lm(fit, criteria$construct[i])
      expect_equal(unlist(criteria[i, names(expected)]), expected, tolerance = 1e-10,
                   label = paste(case, criteria$construct[i]))
    }
    expect_equal(pls_r2(fit)[c("aic", "bic")], criteria[c("aic", "bic")])
    expect_equal(summary(fit)$selection, criteria)
  }
})

test_that("pls_compare() of nested models gives BIC weights summing to 1", {
  fit <- fit_tight("corp_rep")
  reduced <- pls(sub("CUSL ~ COMP + LIKE + CUSA", "CUSL ~ LIKE + CUSA", corp_rep_syntax, fixed = TRUE),
                 data = corp_rep_data, na_values = -99, missing = "mean", tol = 1e-12, max_iter = 1000)
  comparison <- pls_compare(full = fit, reduced = reduced)
  table <- tidy(comparison)
  expect_identical(comparison$models, c("full", "reduced"))
  expect_setequal(table$construct, names(fit$r2))
  expect_equal(as.vector(tapply(table$bic_weight, table$construct, sum)), rep(1, 4), tolerance = 1e-12)
  cusl <- table[table$construct == "CUSL", ]
  expect_equal(cusl$bic, c(criteria_by_lm(fit, "CUSL")[["bic"]], criteria_by_lm(reduced, "CUSL")[["bic"]]),
               tolerance = 1e-10)
  delta <- cusl$bic - min(cusl$bic)
  expect_equal(cusl$bic_weight, exp(-delta / 2) / sum(exp(-delta / 2)), tolerance = 1e-12)
  expect_identical(cusl$best, cusl$bic_weight == max(cusl$bic_weight))
  expect_identical(pls_compare(fit, reduced)$models, c("Model 1", "Model 2"))
  expect_identical(as.data.frame(comparison), table)
  expect_equal(glance(comparison)$constructs, 4)
})

test_that("pls_compare() refuses models fitted to different data", {
  fit <- fit_tight("mobi")
  other <- pls(ecsi_syntax, data = mobi[-1, ])
  expect_error(pls_compare(a = fit, b = other), class = "iecpls_compare_error")
  expect_error(pls_compare(a = fit, b = other), "b")
  changed <- mobi
  changed$CUSL1 <- rev(changed$CUSL1)
  expect_error(pls_compare(fit, pls(ecsi_syntax, data = changed)), "CUSL1", class = "iecpls_compare_error")
  expect_error(pls_compare(fit, pls(ecsi_syntax, S = stats::cor(mobi), nobs = 250)),
               class = "iecpls_compare_error")
  expect_error(pls_compare(fit), class = "iecpls_input_error")
  expect_error(pls_compare(fit, "x"), class = "iecpls_input_error")
})

test_that("GM of a higher-order model leaves out the construct's own dimensions and counts collinear scores once", {
  fit <- pls(corp_rep_hoc_syntax(), data = corp_rep_data, na_values = -99, missing = "mean", tol = 1e-10)
  criteria <- selection_criteria(fit)
  expect_true(all(is.finite(criteria$gm)))
  scores <- as.data.frame(fit$scores)
  n <- nrow(scores)
  for (construct in criteria$construct) {
    parts <- c(fit$model$hoc$dimension[fit$model$hoc$hoc == construct], fit$model$hoc$hoc[fit$model$hoc$dimension == construct])
    others <- setdiff(colnames(scores), c(construct, parts))
    full <- stats::lm(stats::reformulate(others, construct), data = scores)
    # lm() drops an exactly collinear column (NA coefficient), as the rank does
    k_full <- sum(!is.na(stats::coef(full)))
    sigma2 <- sum(stats::residuals(full)^2) / (n - k_full)
    row <- criteria[criteria$construct == construct, ]
    expect_equal(row$gm, row$sse / sigma2 + row$k * log(n), tolerance = 1e-6, label = construct)
  }
  expect_no_error(summary(fit))
})

# Fixtures from tools/make-fixtures-selection.R (cSEM 0.7.x) and, for
# seminr's it_criteria, tools/make-fixtures-assessment.R.
selection_fixture <- function(case) readRDS(test_path("fixtures", paste0("selection_", case, "_csem.rds")))

test_that("AIC and BIC equal cSEM's and seminr's", {
  for (case in c("corp_rep", "mobi")) {
    fit <- fit_tight(case)
    criteria <- selection_criteria(fit)
    csem <- selection_fixture(case)
    seminr <- assess_fixture(case, "seminr")
    expect_identical(csem$n, criteria$n[1])
    expect_equal(criteria$r2, unname(csem$r2[criteria$construct]), tolerance = 1e-6)
    expect_equal(criteria$aic, unname(csem$criteria$AIC[criteria$construct]), tolerance = 1e-6, label = case)
    expect_equal(criteria$bic, unname(csem$criteria$BIC[criteria$construct]), tolerance = 1e-6, label = case)
    expect_equal(criteria$aic, unname(seminr$it_criteria["AIC", criteria$construct]), tolerance = 1e-6)
    expect_equal(criteria$bic, unname(seminr$it_criteria["BIC", criteria$construct]), tolerance = 1e-6)
  }
})

# cSEM's GM is SSE / (1 - R^2_sat) + k log(n), with R^2_sat the R^2 of the
# construct in a saturated model estimated anew (every construct regressed on
# all constructs before it in cSEM's order). Refitting that model with pls()
# and applying the formula to our SSE gives cSEM's GM; ours uses the scores
# of the fit itself and sigma^2 = SSE_full / (n - k_full) (see ?pls_compare).
test_that("cSEM's GM is its own formula on our numbers, which differs from our GM", {
  for (case in c("corp_rep", "mobi")) {
    fit <- fit_tight(case)
    criteria <- selection_criteria(fit)
    csem <- selection_fixture(case)
    structural <- csem$saturated_structural
    outcomes <- rownames(structural)[rowSums(structural) > 0]
    equations <- vapply(outcomes, function(y) paste(y, "~", paste(colnames(structural)[structural[y, ] != 0],
                                                                 collapse = " + ")), character(1))
    model <- fit$model
    measurement <- vapply(model$constructs, function(k) {
      paste(k, if (model$modes[[k]] == "B") "<~" else "=~", paste(model$blocks[[k]], collapse = " + "))
    }, character(1))
    syntax <- paste(c(measurement, equations), collapse = "\n")
    saturated <- if (case == "mobi") pls(syntax, data = mobi, tol = 1e-12, max_iter = 1000) else
      pls(syntax, data = corp_rep_data, na_values = -99, missing = "mean", tol = 1e-12, max_iter = 1000)
    r2_saturated <- unname(saturated$r2[criteria$construct])
    expect_equal(r2_saturated, unname(csem$saturated_r2[criteria$construct]), tolerance = 1e-6, label = case)
    gm_csem <- criteria$sse / (1 - r2_saturated) + criteria$k * log(criteria$n)
    expect_equal(gm_csem, unname(csem$criteria$GM[criteria$construct]), tolerance = 1e-6, label = case)
    expect_false(isTRUE(all.equal(criteria$gm, gm_csem, tolerance = 1e-3)))
  }
})
