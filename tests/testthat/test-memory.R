# Resampling runs that cannot fit in memory are refused before anything is
# allocated, with the figures in the message.

test_that("a bootstrap whose draws exceed the memory available is refused up front", {
  skip_if(is.na(iecpls:::available_memory()), "the system does not report its available memory")
  fit <- pls(small_ecsi_syntax, data = mobi)
  # 2e9 resamples of this model keep ~1 TB of draws; refused at once, so the
  # test allocates nothing (R would be killed long before 1 TB)
  err <- expect_error(pls_boot(fit, R = 2e9), class = "iecpls_memory_error")
  expect_match(conditionMessage(err), "would need about [0-9.,]+ TB")
  expect_match(conditionMessage(err), "is available")
  expect_match(conditionMessage(err), "Use a smaller `R`")
  group <- rep(1:2, length.out = nrow(mobi))
  expect_error(pls_mga(fit, group = group, R = 2e9), class = "iecpls_memory_error")
  expect_error(pls_micom(fit, group = group, R = 2e9), class = "iecpls_memory_error")
})

test_that("the memory check compares the draws with what is available", {
  check <- iecpls:::check_resample_memory
  # 1,000 draws of 10 statistics: 2 x 1000 x (80 + 4) bytes
  expect_identical(iecpls:::resample_bytes(1000, 10), 168000)
  expect_silent(check(1000, 10, "A run", available = 168000))
  err <- expect_error(check(1000, 10, "A run", available = 100000), class = "iecpls_memory_error")
  expect_match(conditionMessage(err), "164 KB")
  expect_match(conditionMessage(err), "at most about 595 fit")
  expect_silent(check(1e12, 10, "A run", available = NA))
})

test_that("available memory is read from /proc/meminfo", {
  info <- tempfile()
  writeLines(c("MemTotal:       24000000 kB", "MemFree:         1000000 kB",
               "MemAvailable:   20000000 kB"), info)
  expect_identical(iecpls:::available_memory(info), 20000000 * 1024)
  writeLines("MemTotal:       24000000 kB", info)
  expect_identical(iecpls:::available_memory(info), NA_real_)
  expect_identical(iecpls:::available_memory(tempfile()), NA_real_)
  unlink(info)
})
