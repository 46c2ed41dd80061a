test_that("signed HTMT equals cSEM's (.absolute = FALSE) for the common factors", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    csem <- assess_fixture(case, "csem")
    ours <- pls_htmt(fit)
    constructs <- rownames(ours)
    expect_equal(constructs, rownames(csem$htmt))
    expect_equal(lower_values(ours, constructs), lower_values(csem$htmt, constructs), tolerance = 1e-6)
    expect_equal(unname(diag(ours)), rep(1, length(constructs)))
    expect_equal(ours, t(ours))
    # every construct, as cSEM's .only_common_factors = FALSE
    every <- pls_htmt(fit, composites = TRUE)
    expect_equal(lower_values(every, fit$model$constructs), lower_values(csem$htmt_all, fit$model$constructs),
                 tolerance = 1e-6)
  }
})

test_that("HTMT of absolute correlations equals seminr's for every construct", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")$htmt
    ours <- pls_htmt(fit, htmt_absolute = TRUE, composites = TRUE)
    constructs <- rownames(seminr)
    expect_setequal(constructs, rownames(ours))
    expect_equal(lower_values(ours, constructs), lower_values(seminr, constructs), tolerance = 1e-6)
  }
})

test_that("signed and absolute HTMT differ only where an indicator correlates negatively", {
  fit <- fit_tight("mobi")
  signed <- pls_htmt(fit)
  absolute <- pls_htmt(fit, htmt_absolute = TRUE)
  different <- abs(signed - absolute) > 1e-12
  expect_equal(rownames(which(different, arr.ind = TRUE)), c("Loyalty", "Quality"))
  expect_equal(round(signed["Quality", "Loyalty"], 3), 0.723)
  expect_equal(round(absolute["Quality", "Loyalty"], 3), 0.759)
  # corp_rep has no negative correlation among the common factors' indicators
  rep_fit <- fit_tight("corp_rep")
  expect_equal(pls_htmt(rep_fit), pls_htmt(rep_fit, htmt_absolute = TRUE))
})

test_that("HTMT2 equals cSEM's where the correlations share a sign, and is NA with a warning elsewhere", {
  fit <- fit_tight("mobi")
  csem <- assess_fixture("mobi", "csem")$htmt2
  expect_warning(ours <- pls_htmt(fit, type = "htmt2"), "Quality.*Loyalty")
  constructs <- rownames(ours)
  defined <- !is.na(lower_values(ours, constructs))
  expect_equal(sum(!defined), 1)
  expect_equal(lower_values(ours, constructs)[defined], lower_values(csem, constructs)[defined], tolerance = 1e-6)
  expect_true(is.na(ours["Quality", "Loyalty"]))
  # with absolute correlations it is defined everywhere
  expect_silent(absolute <- pls_htmt(fit, type = "htmt2", htmt_absolute = TRUE))
  expect_false(anyNA(absolute))

  rep_csem <- assess_fixture("corp_rep", "csem")$htmt2
  rep_ours <- pls_htmt(fit_tight("corp_rep"), type = "htmt2")
  expect_equal(lower_values(rep_ours, rownames(rep_ours)), lower_values(rep_csem, rownames(rep_ours)), tolerance = 1e-6)
})

test_that("HTMT2 is the HTMT of geometric means", {
  fit <- fit_tight("corp_rep")
  R <- fit$indicator_cor
  geo <- function(x) exp(mean(log(x)))
  comp <- fit$model$blocks$COMP
  like <- fit$model$blocks$LIKE
  within <- function(items) R[items, items][lower.tri(diag(length(items)))]
  expected <- geo(R[comp, like]) / sqrt(geo(within(comp)) * geo(within(like)))
  expect_equal(pls_htmt(fit, type = "htmt2")["COMP", "LIKE"], expected)
  # heterotrait correlations of one sign: negative geometric mean when all
  # are negative; NA when the signs differ
  S <- diag(4)
  S[1, 2] <- S[2, 1] <- S[3, 4] <- S[4, 3] <- 0.5
  S[1:2, 3:4] <- c(-0.2, -0.8, -0.2, -0.8)
  S[3:4, 1:2] <- t(S[1:2, 3:4])
  expect_equal(iecpls:::c_htmt(S, c(0L, 2L, 4L), 1L, 2L, FALSE, TRUE), -0.4 / 0.5)
  S[1, 3] <- S[3, 1] <- 0.8
  expect_true(is.na(iecpls:::c_htmt(S, c(0L, 2L, 4L), 1L, 2L, FALSE, TRUE)))
})

test_that("the Fornell-Larcker matrix equals seminr's and cSEM's", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")$fl_criteria
    csem <- assess_fixture(case, "csem")$fornell_larcker
    every <- pls_fornell_larcker(fit, composites = TRUE)
    expect_equal(lower_values(every, rownames(seminr), diag = TRUE),
                 lower_values(seminr, rownames(seminr), diag = TRUE), tolerance = 1e-6)
    ours <- pls_fornell_larcker(fit)
    expect_equal(rownames(ours), rownames(csem))
    expect_equal(unname(ours^2), unname(csem), tolerance = 1e-6)
    expect_equal(unname(diag(ours)), sqrt(pls_reliability(fit)$ave))
  }
})

test_that("cross-loadings are the indicator-construct correlations", {
  fit <- fit_tight("mobi")
  expect_identical(pls_cross_loadings(fit), fit$cross_loadings)
  expect_equal(pls_cross_loadings(fit)["IMAG1", "Loyalty"], stats::cor(mobi$IMAG1, fit$scores[, "Loyalty"]))
})

test_that("under PLSc the cross-loadings are disattenuated, so each indicator has one loading (#22)", {
  data <- corp_rep_mean_replaced()
  fit <- pls(corp_rep_syntax, data = data, consistent = TRUE)
  cross <- pls_cross_loadings(fit)
  own <- fit$outer_loadings != 0
  # own construct: exactly the loading (PLSc for Mode A, PLS for composites)
  expect_identical(cross[own], fit$outer_loadings[own])
  # other constructs: plain correlation / sqrt(rho_A), computed here
  plain <- stats::cor(data[rownames(cross)], fit$scores)
  expected <- sweep(plain, 2, sqrt(fit$rho_a[colnames(plain)]), "/")
  expect_equal(cross[!own], expected[!own], tolerance = 1e-10)
  # composites and single items keep rho_A = 1: their columns are correlations
  expect_equal(cross[!own[, "QUAL"], "QUAL"], plain[!own[, "QUAL"], "QUAL"], tolerance = 1e-10)
  expect_true(any(abs(cross[!own] - plain[!own]) > 1e-3))
  # the summary table shows the same numbers
  table <- summary(fit)$cross_loadings
  expect_equal(as.matrix(table[colnames(cross)]), unname(cross), ignore_attr = TRUE)
  # a plain fit is unchanged: correlations with the scores
  plain_fit <- pls(corp_rep_syntax, data = data)
  expect_equal(pls_cross_loadings(plain_fit), stats::cor(data[rownames(cross)], plain_fit$scores), tolerance = 1e-12)
})

test_that("arguments are checked", {
  fit <- fit_tight("mobi")
  expect_error(pls_htmt(fit, type = "htmt3"), "`type` must be one of", class = "iecpls_input_error")
  expect_error(pls_htmt(fit, htmt_absolute = "yes"), "absolute")
  expect_error(pls_fornell_larcker("fit"), "pls_fit")
})

test_that("HTMT and the summary work with fewer than two reflective constructs", {
  syntax <- "Image <~ IMAG1 + IMAG2 + IMAG3\nLoyalty =~ CUSL1 + CUSL2 + CUSL3\nLoyalty ~ Image"
  fit <- pls(syntax, data = mobi)
  expect_equal(dim(pls_htmt(fit)), c(1L, 1L))
  report <- summary(fit)
  expect_equal(nrow(report$htmt), 0)
  expect_output(print(report), "Discriminant validity")
})

test_that("a reverse-coded indicator makes HTMT NA with one warning naming the construct and the item", {
  # CUSA1 and CUSL1 reversed: Satisfaction's and Loyalty's mean correlations
  # are both negative, so their ratio would be a positive number
  fit <- pls(ecsi_syntax, data = reverse_coded_mobi(c("CUSA1", "CUSL1")))
  original <- fit_tight("mobi")
  run <- with_warnings(pls_htmt(fit))
  expect_length(run$warnings, 1L)
  warning <- run$warnings[[1]]
  expect_s3_class(warning, "iecpls_htmt_reversed_warning")
  expect_match(conditionMessage(warning), "HTMT is .*NA.* for every pair with Satisfaction and Loyalty")
  expect_match(conditionMessage(warning), "CUSA1.*CUSL1")
  expect_match(conditionMessage(warning), "recode it")
  htmt <- run$value
  reversed <- rownames(htmt) %in% c("Satisfaction", "Loyalty")
  expect_true(all(is.na(htmt[reversed, !reversed])))
  expect_true(is.na(htmt["Satisfaction", "Loyalty"]))
  expect_equal(htmt[!reversed, !reversed], pls_htmt(original)[!reversed, !reversed])
  # HTMT2: the same single warning, about HTMT2
  run2 <- with_warnings(pls_htmt(fit, type = "htmt2"))
  expect_length(run2$warnings, 1L)
  expect_s3_class(run2$warnings[[1]], "iecpls_htmt_reversed_warning")
  expect_match(conditionMessage(run2$warnings[[1]]), "^HTMT2 is")
  expect_true(is.na(run2$value["Satisfaction", "Loyalty"]))
  # absolute correlations do not see the reversal
  expect_silent(absolute <- pls_htmt(fit, htmt_absolute = TRUE))
  expect_equal(absolute, pls_htmt(original, htmt_absolute = TRUE), tolerance = 1e-12)
  # the report warns once too, and says why the values are missing
  report <- with_warnings(summary(fit))
  expect_length(report$warnings, 1L)
  expect_output(print(report$value), "HTMT is NA for a construct whose indicators correlate negatively")
})

test_that("the bootstrap and group comparisons show that warning once; resampled HTMT is NA, not a ratio of negatives", {
  fit <- pls(ecsi_syntax, data = reverse_coded_mobi(c("CUSA1", "CUSL1")))
  set.seed(11)
  run <- with_warnings(pls_boot(fit, R = 20, bca = FALSE))
  expect_length(run$warnings, 1L)
  expect_s3_class(run$warnings[[1]], "iecpls_htmt_reversed_warning")
  draws <- run$value$draws
  expect_true(all(is.na(draws[, "htmt: Satisfaction <-> Loyalty"])))
  expect_true(all(is.na(draws[, "htmt: Image <-> Satisfaction"])))
  expect_false(anyNA(draws[, "htmt: Image <-> Quality"]))
  expect_true(is.na(summary(run$value)$htmt$estimate[summary(run$value)$htmt$term == "Satisfaction <-> Loyalty"]))
  set.seed(12)
  groups <- rep(c("a", "b"), length.out = nrow(mobi))
  mga <- with_warnings(pls_mga(fit, groups, method = c("permutation", "bootstrap"), R = 20))
  expect_length(mga$warnings, 1L)
  expect_s3_class(mga$warnings[[1]], "iecpls_htmt_reversed_warning")
})
