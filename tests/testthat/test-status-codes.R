# pls_status_codes(): the C codes table as users read resample statuses.
test_that("the status table has every code of the C table once, named, with reasons and classes", {
  codes <- pls_status_codes()
  table <- c_codes()$status
  expect_equal(codes$code, as.integer(table$code))
  expect_equal(codes$name, table$name)
  expect_false(anyDuplicated(codes$code) > 0)
  expect_equal(codes$code[codes$name == "ok"], 0L)
  expect_true(all(nzchar(codes$reason)))
  expect_true(all(is.na(codes$class) | grepl("^iecpls_", codes$class)))
  expect_true(all(c("inadmissible", "no_reliability", "not_converged", "singular_block") %in% codes$name))
})

test_that("resample statuses translate to names through the table", {
  fit <- pls(small_ecsi_syntax, data = mobi, consistent = TRUE)
  set.seed(5)
  boot <- suppressWarnings(pls_boot(fit, R = 60, bca = FALSE))
  codes <- pls_status_codes()
  named <- codes$name[match(boot$status, codes$code)]
  expect_false(anyNA(named))
  expect_equal(sum(named == "inadmissible"), boot$n_inadmissible)
})
