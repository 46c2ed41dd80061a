test_that("the PLS-SEM report template renders", {
  skip_if_not_installed("rmarkdown")
  skip_if(!rmarkdown::pandoc_available(), "pandoc is not available")
  dir <- tempfile("report")
  dir.create(dir)
  on.exit(unlink(dir, recursive = TRUE), add = TRUE)
  file <- rmarkdown::draft(file.path(dir, "report.Rmd"), template = "pls-report", package = "iecpls",
                           edit = FALSE)
  out <- rmarkdown::render(file, params = list(boot = 200, cores = 1), output_dir = dir, quiet = TRUE,
                           envir = new.env())
  expect_true(file.exists(out))
  html <- paste(readLines(out, warn = FALSE), collapse = "\n")
  expect_match(html, "SIMULATED")
  expect_match(html, "Discriminant validity")
  expect_match(html, "200 bootstrap")
  # the user's own data and model through the parameters
  csv <- file.path(dir, "mobi.csv")
  utils::write.csv(mobi, csv, row.names = FALSE)
  own <- rmarkdown::render(file, params = list(data = csv, boot = 100, model = paste(
    "Image =~ IMAG1 + IMAG2 + IMAG3", "Loyalty =~ CUSL1 + CUSL2 + CUSL3", "Loyalty ~ Image", sep = "\n")),
    output_file = "own.html", output_dir = dir, quiet = TRUE, envir = new.env())
  own_html <- paste(readLines(own, warn = FALSE), collapse = "\n")
  expect_false(grepl("SIMULATED", own_html))
  expect_match(own_html, "250 respondents")
})
