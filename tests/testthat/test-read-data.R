# pls_read_data(): survey files as data frames.
test_that("a CSV file comes back as the data frame written", {
  path <- tempfile(fileext = ".csv")
  on.exit(unlink(path))
  utils::write.csv(mobi[1:20, 1:5], path, row.names = FALSE)
  expect_equal(pls_read_data(path), mobi[1:20, 1:5], ignore_attr = TRUE)
  upper <- sub("csv$", "CSV", path)
  file.copy(path, upper)
  on.exit(unlink(upper), add = TRUE)
  expect_equal(pls_read_data(upper), pls_read_data(path))
})

test_that("an SPSS file gives numeric codes, with user-missing codes as NA", {
  path <- system.file("files", "testdata.sav", package = "foreign")
  skip_if(!nzchar(path), "foreign's test file is not installed")
  data <- suppressWarnings(pls_read_data(path))
  expect_s3_class(data, "data.frame")
  expect_type(data$factor_numeric, "double")
  # codes 1 and 2 of numeric_long_label are declared user-missing in the file
  expect_equal(data$numeric_long_label, c(NA, NA, 3.33333, 4, NA), tolerance = 1e-6)
  # a labelled numeric item fits as its codes
  expect_equal(column_kind(data$factor_numeric), "numeric")
})

test_that("a Stata file is read with its numeric codes", {
  path <- tempfile(fileext = ".dta")
  on.exit(unlink(path))
  foreign::write.dta(mobi[1:10, 1:4], path)
  expect_equal(pls_read_data(path), mobi[1:10, 1:4], ignore_attr = TRUE)
})

test_that("an Excel file is read from its first sheet or the one asked for", {
  skip_if_not_installed("readxl")
  path <- readxl::readxl_example("datasets.xlsx")
  first <- pls_read_data(path)
  expect_false(inherits(first, "tbl_df"))
  expect_equal(first, as.data.frame(readxl::read_excel(path)))
  expect_equal(pls_read_data(path, sheet = "mtcars"), as.data.frame(readxl::read_excel(path, sheet = "mtcars")))
})

test_that("bad paths and unknown formats are classed errors naming the file", {
  expect_error(pls_read_data(file.path(tempdir(), "no-such-file.csv")), class = "iecpls_input_error")
  expect_error(pls_read_data(c("a", "b")), class = "iecpls_input_error")
  expect_error(pls_read_data(NA_character_), class = "iecpls_input_error")
  path <- tempfile(fileext = ".json")
  writeLines("{}", path)
  on.exit(unlink(path))
  expect_error(pls_read_data(path), "json", class = "iecpls_input_error")
  no_extension <- tempfile()
  writeLines("a", no_extension)
  on.exit(unlink(no_extension), add = TRUE)
  expect_error(pls_read_data(no_extension), class = "iecpls_input_error")
})
