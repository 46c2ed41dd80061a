test_that("tidy() and glance() are re-exported from generics", {
  expect_identical(tidy, generics::tidy)
  expect_identical(glance, generics::glance)
})

test_that("tidy() gives the path coefficients with broom's term and estimate", {
  fit <- fit_tight("mobi")
  paths <- tidy(fit)
  expect_named(paths, c("term", "from", "to", "estimate"))
  expect_equal(stats::setNames(paths$estimate, paths$term), coef(fit))
  expect_identical(rownames(paths), as.character(seq_len(12)))
  expect_identical(as.data.frame(fit), paths)
  expect_identical(as.data.frame(fit, what = "weights"), tidy(fit, "weights"))
})

test_that("tidy() gives loadings and weights named as coef() names them", {
  fit <- fit_tight("corp_rep")
  for (what in c("loadings", "weights")) {
    table <- tidy(fit, what)
    expect_named(table, c("term", "construct", "indicator", "estimate"))
    expect_equal(stats::setNames(table$estimate, table$term), coef(fit, what))
  }
  expect_true("QUAL <~ qual_1" %in% tidy(fit, "weights")$term)
  expect_true("COMP =~ comp_1" %in% tidy(fit, "loadings")$term)
})

test_that("tidy() gives the effects in long form and each specific indirect effect", {
  fit <- fit_tight("mobi")
  effects <- pls_effects(fit)
  long <- tidy(fit, "effects")
  expect_named(long, c("term", "from", "to", "effect", "estimate"))
  expect_equal(nrow(long), 3 * nrow(effects$table))
  for (kind in c("direct", "indirect", "total")) {
    rows <- long[long$effect == kind, ]
    expect_equal(rows$estimate, effects$table[[kind]])
    expect_equal(rows$term, paste(effects$table$from, "->", effects$table$to))
  }
  indirect <- tidy(fit, "indirect")
  expect_named(indirect, c("term", "from", "to", "estimate"))
  expect_equal(indirect$term, effects$specific$path)
  expect_equal(indirect$estimate, effects$specific$estimate)
  expect_error(tidy(fit, "scores"), class = "iecpls_input_error")
})

test_that("glance() is one row describing the model", {
  fit <- fit_tight("corp_rep")
  row <- glance(fit)
  expect_equal(nrow(row), 1)
  expect_named(row, c("nobs", "indicators", "constructs", "paths", "scheme", "iterations", "converged",
                      "admissible", "r2_mean", "srmr", "d_uls", "d_g"))
  expect_equal(row$nobs, 344)
  expect_equal(row$constructs, 8)
  expect_equal(row$paths, 13)
  expect_equal(row$r2_mean, mean(fit$r2))
  expect_equal(c(row$srmr, row$d_uls, row$d_g), pls_model_fit(fit)$estimated)
  expect_equal(glance(pls(ecsi_syntax, S = stats::cor(mobi)))$nobs, NA_real_)
})
