# Issue #22: every print method fits the console width.

test_that("every print method fits 80 columns", {
  objects <- print_width_objects()
  classes <- vapply(objects, function(x) class(x)[1], character(1))
  printed <- c("pls_model", "pls_fit", "summary.pls_fit", "pls_boot", "summary.pls_boot", "pls_mga",
               "pls_micom", "pls_predict", "pls_cvpat", "pls_blindfold", "pls_redundancy", "pls_ipma", "pls_power",
               "pls_descriptives", "pls_layout", "pls_dot", "pls_slopes", "pls_conditional_effects",
               "pls_compare", "pls_copula", "pls_model_fit_test", "pls_cta", "pls_nca",
               "pls_segment_explain", "pls_fimix", "pls_pos")
  expect_setequal(unique(classes), printed)
  for (name in names(objects)) expect_fits_width(objects[[name]], 80, label = name)
})

test_that("a narrow console splits tables rather than overflowing them", {
  objects <- print_width_objects()
  for (name in c("fit", "boot_fit", "boot_summary", "summary_boot", "predict", "mga")) {
    lines <- expect_fits_width(objects[[name]], 60, label = name)
    expect_false(any(grepl("[0-9]\\.[0-9]+e[+-]?[0-9]", lines)), label = name)
  }
})

test_that("the t of a single-item construct's loading prints as Inf with a note", {
  boot <- print_width_objects()$boot
  table <- boot$parameters
  expect_gt(max(abs(table$t[table$term == "CUSA =~ cusa"])), 1e6)
  lines <- printed_at(summary(boot), 80)
  expect_false(any(grepl("[0-9]e[+-]?[0-9]", lines)))
  expect_true(any(grepl("^ +CUSA =~ cusa +1\\.000 +0\\.000 +Inf", lines)))
  expect_true(any(grepl("t = Inf: the bootstrap standard error is zero", lines, fixed = TRUE)))
})

test_that("wide tables split into blocks by meaning, all-NA columns left out", {
  lines <- printed_at(print_width_objects()$boot_summary, 80)
  effects <- lines[seq(grep("^Direct, total indirect", lines), grep("^== Model fit", lines) - 1)]
  expect_true(all(c("Estimates:", "Total effects, bootstrap:") %in% effects))
  expect_false(any(grepl("\\bNA\\b", effects)))
  r2 <- printed_at(summary(print_width_objects()$boot), 80)
  r2 <- r2[grep("^R-squared:", r2) + 1]
  expect_false(grepl("\\bt\\b|\\bp\\b", r2))
  expect_identical(iecpls:::table_blocks(list(a = "x", b = "1"), 1L, NULL, 80)[[1]]$columns, 1:2)
})

test_that("width-80 prints are stable", {
  objects <- print_width_objects()
  local_reproducible_output(width = 80)
  expect_snapshot(print(objects$boot_fit))
  expect_snapshot(print(objects$boot))
  expect_snapshot(print(objects$summary_boot))
  expect_snapshot(print(objects$boot_summary))
})
