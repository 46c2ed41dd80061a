# Confirmatory tetrad analysis (issue #21, CTA-PLS): pls_cta().

# tau_ghij = s_gh s_ij - s_gi s_hj of a correlation matrix S, for tetrads
# given as "g,h,i,j" strings of indicator names.
tetrad_oracle <- function(S, labels) {
  vapply(strsplit(labels, ",", fixed = TRUE), function(x) {
    S[x[1], x[2]] * S[x[3], x[4]] - S[x[1], x[3]] * S[x[2], x[4]]
  }, numeric(1))
}

# Data of two constructs with five indicators each; `reflective`: each
# block from one common factor (loadings 0.6-0.9); otherwise from two
# correlated factors per block (items 1-3 and 4-5, small cross-loadings),
# so the indicators are correlated but not through one common factor.
cta_population_data <- function(n, reflective) {
  eta_a <- stats::rnorm(n)
  eta_b <- 0.5 * eta_a + sqrt(0.75) * stats::rnorm(n)
  block <- function(eta, prefix) {
    if (reflective) {
      loadings <- stats::runif(5, 0.6, 0.9)
      x <- outer(eta, loadings) + sweep(matrix(stats::rnorm(5 * n), n), 2, sqrt(1 - loadings^2), `*`)
    } else {
      second <- 0.3 * eta + sqrt(0.91) * stats::rnorm(n)
      main <- stats::runif(5, 0.6, 0.9)
      cross <- stats::runif(5, 0, 0.2)
      first_items <- 1:5 <= 3
      x <- outer(eta, ifelse(first_items, main, cross)) + outer(second, ifelse(first_items, cross, main)) +
        matrix(stats::rnorm(5 * n, sd = 0.5), n)
    }
    colnames(x) <- paste0(prefix, 1:5)
    x
  }
  as.data.frame(cbind(block(eta_a, "a"), block(eta_b, "b")))
}

cta_syntax <- "
  A =~ a1 + a2 + a3 + a4 + a5
  B =~ b1 + b2 + b3 + b4 + b5
  B ~ A
"

test_that("the non-redundant tetrads number m(m - 3)/2 and are independent", {
  expect_identical(iecpls:::cta_tetrads(4), matrix(c(1L, 1L, 2L, 3L, 3L, 4L, 4L, 2L), 2))
  for (m in 4:9) {
    tetrads <- iecpls:::cta_tetrads(m)
    expect_identical(nrow(tetrads), as.integer(m * (m - 3) / 2))
    expect_true(all(apply(tetrads, 1, function(x) length(unique(x)) == 4)))
  }
})

test_that("tetrad estimates are those of the fit's indicator correlations", {
  fit <- pls(ecsi_syntax, data = mobi)
  cta <- pls_cta(fit, R = 20, seed = 1)
  expect_identical(cta$blocks$construct, c("Image", "Quality"))
  expect_identical(cta$blocks$tetrads, c(5L, 14L))
  expect_equal(cta$tetrads$estimate, tetrad_oracle(fit$indicator_cor, cta$tetrads$indicators), tolerance = 1e-12)
  # from the data too
  expect_equal(cta$tetrads$estimate, tetrad_oracle(stats::cor(mobi), cta$tetrads$indicators), tolerance = 1e-12)
  expect_equal(cta$tetrads$adjusted_level, 1 - 0.05 / rep(c(5, 14), c(5, 14)))
  one <- pls_cta(fit, construct = "Quality", R = 20, seed = 1)
  expect_identical(one$blocks$construct, "Quality")
})

test_that("bootstrap draws are the tetrads of the resampled data, the same for 1 and 2 cores", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  cta <- pls_cta(fit, R = 150, seed = 3)
  for (chunk in 1:2) {
    rows <- reference_resample_rows(cta$seeds[, chunk], nrow(mobi), 3)
    for (b in 1:3) {
      S <- stats::cor(mobi[rows[[b]], ])
      expect_equal(unname(cta$draws[(chunk - 1) * 100 + b, ]), tetrad_oracle(S, cta$tetrads$indicators),
                   tolerance = 1e-10)
    }
  }
  again <- pls_cta(fit, R = 150, seed = 3, cores = 2)
  expect_identical(again$draws, cta$draws)
  expect_identical(again$tetrads, cta$tetrads)
  # the summaries are those of the draws
  expect_equal(cta$tetrads$se, unname(apply(cta$draws, 2, stats::sd)))
  k <- nrow(cta$tetrads)
  expect_equal(cta$tetrads$lower, unname(apply(cta$draws, 2, stats::quantile, probs = 0.05 / k / 2)))
  expect_equal(cta$tetrads$upper, unname(apply(cta$draws, 2, stats::quantile, probs = 1 - 0.05 / k / 2)))
})

test_that("a Mode B block and mean replacement are tested like any other block", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  cta <- pls_cta(fit, R = 30, seed = 2)
  expect_identical(cta$blocks$construct, c("QUAL", "PERF", "CSOR"))
  expect_equal(cta$tetrads$estimate, tetrad_oracle(fit$indicator_cor, cta$tetrads$indicators), tolerance = 1e-12)
  expect_identical(nrow(tidy(cta)), nrow(cta$tetrads))
  expect_identical(glance(cta)$blocks, 3L)
})

test_that("with EM the tetrads are those of the EM correlations, re-estimated in each resample", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "em")
  cta <- pls_cta(fit, construct = "PERF", R = 20, seed = 6)
  expect_equal(cta$tetrads$estimate, tetrad_oracle(fit$indicator_cor, cta$tetrads$indicators), tolerance = 1e-12)
  expect_identical(cta$n_failed, 0L)
  expect_true(all(is.finite(cta$draws)))
})

test_that("unknown constructs, small blocks, fits from S and interaction models are refused", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(pls_cta(fit, construct = "Imagex", R = 10), class = "iecpls_unknown_name")
  expect_error(pls_cta(fit, construct = "Imagex", R = 10), "Imagex")
  err <- expect_error(pls_cta(fit, construct = "Loyalty", R = 10), class = "iecpls_too_few_indicators")
  expect_match(conditionMessage(err), "Loyalty")
  expect_match(conditionMessage(err), "3 indicators")
  small <- pls("A =~ CUSA1 + CUSA2 + CUSA3\n B =~ CUSL1 + CUSL2\n B ~ A", data = mobi)
  expect_error(pls_cta(small, R = 10), class = "iecpls_too_few_indicators")
  from_s <- pls(small_ecsi_syntax, S = stats::cor(mobi), nobs = nrow(mobi))
  expect_error(pls_cta(from_s, R = 10), class = "iecpls_needs_data")
  moderated <- pls(paste(small_ecsi_syntax, "Loyalty ~ Satisfaction:Image"), data = mobi)
  expect_error(pls_cta(moderated, R = 10), class = "iecpls_unsupported_error")
  expect_error(pls_cta(fit, R = 10, level = 2), class = "iecpls_input_error")
})

test_that("Monte Carlo: one-factor blocks are rarely rejected, two-factor blocks mostly", {
  skip_on_cran()
  verdicts <- function(reflective, seed) {
    set.seed(seed)
    vapply(1:20, function(r) {
      data <- cta_population_data(300, reflective)
      syntax <- if (reflective) cta_syntax else sub("B =~", "B <~", cta_syntax, fixed = TRUE)
      cta <- pls_cta(pls(syntax, data = data), R = 500, seed = r)
      cta$blocks$reflective
    }, logical(2))
  }
  reflective <- verdicts(TRUE, 101)
  # each block's family-wise level is 0.95, so about 1 in 20 blocks (2 of
  # 40) is rejected by chance; allow up to 6
  expect_gte(sum(reflective), 34)
  composite <- verdicts(FALSE, 202)
  # the two-factor blocks are rejected in most replicates (at least 30 of 40)
  expect_lte(sum(composite), 10)
})

test_that("tetrads agree with seminrExtras::assess_cta() on corp_rep, which uses covariances", {
  skip_on_cran()
  peer <- readRDS(test_path("fixtures", "cta_corp_rep_seminrExtras.rds"))
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  S <- fit$indicator_cor
  items <- function(label) strsplit(label, ",", fixed = TRUE)[[1]]
  product <- function(label) { x <- items(label); S[x[1], x[2]] * S[x[3], x[4]] }
  sd_product <- function(label) prod(peer$sd[items(label)])
  # each of its 160 covariance tetrads is a correlation tetrad times the
  # four items' standard deviations
  tetrads <- peer$tetrads
  expect_identical(nrow(tetrads), 160L)
  scaled <- (vapply(tetrads$first, product, 0) - vapply(tetrads$second, product, 0)) *
    vapply(tetrads$first, sd_product, 0)
  expect_equal(unname(scaled), tetrads$estimate, tolerance = 1e-6)
  # the tetrads both test: ours labelled g,h,i,j with g < h < i < j are its
  # first tetrad of the set
  cta <- pls_cta(fit, R = 2000, seed = 4)
  x <- strsplit(cta$tetrads$indicators, ",", fixed = TRUE)
  first <- vapply(x, function(v) paste(v, collapse = ","), "")
  second <- vapply(x, function(v) paste(v[c(1, 3, 2, 4)], collapse = ","), "")
  row <- match(paste(first, second), paste(tetrads$first, tetrads$second))
  shared <- !is.na(row)
  expect_identical(sum(shared), 21L)
  sds <- vapply(first[shared], sd_product, 0)
  expect_equal(unname(cta$tetrads$estimate[shared] * sds), tetrads$estimate[row[shared]], tolerance = 1e-6)
  # intervals and standard errors: close, not equal, as the resampled
  # standard deviations vary too in its covariance tetrads (see ?pls_cta);
  # unadjusted 95% percentile limits within 0.75 of its bootstrap SE (the
  # largest gap, QUAL 1,2,3,5, is about half an SE)
  draws <- cta$draws[, shared, drop = FALSE]
  peer_se <- tetrads$se[row[shared]]
  ratio <- unname(apply(draws, 2, stats::sd) * sds / peer_se)
  expect_true(all(ratio > 0.8 & ratio < 1.1))
  lower <- unname(apply(draws, 2, stats::quantile, 0.025) * sds)
  upper <- unname(apply(draws, 2, stats::quantile, 0.975) * sds)
  expect_lt(max(abs(lower - tetrads$lower[row[shared]]) / peer_se), 0.75)
  expect_lt(max(abs(upper - tetrads$upper[row[shared]]) / peer_se), 0.75)
  # the same verdicts
  expect_identical(cta$blocks$reflective, peer$verdicts$Verdict == "Reflective supported")
})
