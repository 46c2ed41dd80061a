# Issue #20: redundancy analysis of formative constructs.

corp_rep_globals <- c(QUAL = "qual_global", PERF = "perf_global", CSOR = "csor_global",
                      ATTR = "attr_global")

test_that("a Mode B construct's path to one global item is the multiple correlation of lm()", {
  # Mode B weights against a single item are the item's standardized OLS
  # coefficients on the indicators (any scheme), so the path is R of that
  # regression; lm() on the same mean-replaced data is the independent check.
  # The published values: the R code and outputs companion of the SEMinR
  # workbook (Hair, Hult, Ringle, Sarstedt, Danks and Ray 2021, "PLS-SEM
  # Using R", ch. 5, section 5.3.1; https://sem-in-r.github.io/workbook/,
  # the code of seminr's demo/seminr-primer-chap5.R: each formative
  # construct against its global item, mean replacement, -99 missing)
  # prints the paths ATTR 0.874, CSOR 0.857, PERF 0.811, QUAL 0.805 and R^2
  # ATTR 0.764, CSOR 0.735, PERF 0.657, QUAL 0.648.
  fit <- fit_tight("corp_rep")
  result <- pls_redundancy(fit, global = corp_rep_globals, data = corp_rep_data)
  data <- corp_rep_mean_replaced()
  multiple_r <- vapply(names(corp_rep_globals), function(construct) {
    indicators <- fit$model$blocks[[construct]]
    ols <- stats::lm(data[[corp_rep_globals[[construct]]]] ~ as.matrix(data[indicators]))
    sqrt(summary(ols)$r.squared)
  }, numeric(1))
  table <- result$table
  expect_identical(table$construct, names(corp_rep_globals))
  expect_identical(table$global, unname(corp_rep_globals))
  expect_equal(table$path, unname(multiple_r), tolerance = 1e-8)
  expect_equal(table$r2, unname(multiple_r)^2, tolerance = 1e-8)
  expect_equal(table$nobs, rep(344, 4))
  expect_identical(table$convergent, rep(TRUE, 4))
  expect_identical(sprintf("%.3f", table$path), c("0.805", "0.811", "0.857", "0.874"))
  expect_identical(sprintf("%.3f", table$r2), c("0.648", "0.657", "0.735", "0.764"))
  for (scheme in c("factorial", "centroid")) {
    other <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean", scheme = scheme,
                 tol = 1e-12, max_iter = 1000)
    expect_equal(pls_redundancy(other, "QUAL", "qual_global", data = corp_rep_data)$table$path,
                 unname(multiple_r[["QUAL"]]), tolerance = 1e-8, label = scheme)
  }
})

test_that("one construct by name gives the same row, with the threshold applied", {
  fit <- fit_tight("corp_rep")
  all <- pls_redundancy(fit, global = corp_rep_globals, data = corp_rep_data)
  one <- pls_redundancy(fit, "PERF", global = "perf_global", data = corp_rep_data, threshold = 0.82)
  expect_equal(one$table[names(one$table) != "convergent"],
               all$table[all$table$construct == "PERF", names(one$table) != "convergent"], ignore_attr = TRUE)
  expect_false(one$table$convergent)
  expect_equal(glance(one), data.frame(constructs = 1L, convergent = 0L, path_min = one$table$path,
                                       threshold = 0.82))
  expect_s3_class(one$fits$PERF, "pls_fit")
})

test_that("several global items form a Mode A construct, as the plain-R oracle fits it", {
  fit <- fit_tight("corp_rep")
  items <- c("qual_global", "perf_global")
  result <- pls_redundancy(fit, "QUAL", global = items, data = corp_rep_data)
  data <- corp_rep_mean_replaced()
  blocks <- list(QUAL = fit$model$blocks$QUAL, QUAL_global = items)
  inner <- matrix(c(0, 0, 1, 0), 2, dimnames = list(names(blocks), names(blocks)))
  ref <- reference_pls(data, blocks, c(QUAL = "B", QUAL_global = "A"), inner, "path")
  expect_identical(result$table$global, "qual_global + perf_global")
  expect_equal(result$table$path, ref$path_coef["QUAL", "QUAL_global"], tolerance = 1e-6)
  expect_equal(result$table$r2, unname(ref$r2[["QUAL_global"]]), tolerance = 1e-6)
})

test_that("the fit's data serve when they hold the global items", {
  data <- corp_rep_mean_replaced()
  fit <- pls(corp_rep_syntax, data = as.matrix(data), tol = 1e-12, max_iter = 1000)
  from_fit <- pls_redundancy(fit, "ATTR", "attr_global")
  given <- pls_redundancy(fit, "ATTR", "attr_global", data = data)
  expect_equal(from_fit$table, given$table)
})

test_that("redundancy analysis explains what it cannot do", {
  fit <- fit_tight("corp_rep")
  expect_error(pls_redundancy(fit, "QUAL", "qual_global"), class = "iecpls_needs_data")
  expect_error(pls_redundancy(fit, global = "qual_global", data = corp_rep_data), class = "iecpls_input_error")
  expect_error(pls_redundancy(fit, "QUALITY", "qual_global", data = corp_rep_data), "not a construct",
               class = "iecpls_input_error")
  expect_error(pls_redundancy(fit, "QUAL", "no_such_item", data = corp_rep_data), "no_such_item",
               class = "iecpls_input_error")
  expect_error(pls_redundancy(fit, "QUAL", "qual_1", data = corp_rep_data), "must not be an indicator",
               class = "iecpls_input_error")
  expect_error(pls_redundancy(fit, "QUAL", "qual_global", data = corp_rep_data, threshold = 2),
               class = "iecpls_input_error")
  moderated <- pls(paste(small_ecsi_syntax, "Loyalty ~ Satisfaction:Image"), data = mobi)
  expect_error(pls_redundancy(moderated, "Satisfaction:Image", "CUSL1", data = mobi),
               class = "iecpls_unsupported_error")
  from_s <- pls(corp_rep_syntax, S = fit$indicator_cor, nobs = 344)
  expect_error(pls_redundancy(from_s, "QUAL", "qual_global"), class = "iecpls_needs_data")
})

test_that("print() shows the verdict of each construct", {
  fit <- fit_tight("corp_rep")
  result <- pls_redundancy(fit, global = corp_rep_globals, data = corp_rep_data, threshold = 0.81)
  lines <- printed_at(result, 80)
  expect_true(any(grepl("^ +QUAL +qual_global +0\\.805 .* NO$", lines)))
  expect_true(any(grepl("^ +ATTR +attr_global +0\\.874 .* yes$", lines)))
  expect_true(any(grepl("at least 0.81", lines, fixed = TRUE)))
})
