# citation("iecpls") must give a year (there is no Date field) and name the
# methods a user reports.
read_citation <- function(...) {
  path <- system.file("CITATION", package = "iecpls")
  utils::readCitationFile(path, meta = list(Version = "0.1.0", ...))
}

test_that("the package citation has a year: publication date, else build date, else this version's", {
  expect_true(nzchar(system.file("CITATION", package = "iecpls")))
  built <- read_citation(Packaged = "2031-05-06 10:00:00 UTC; builder")
  expect_equal(built[[1]]$year, "2031")
  published <- read_citation(`Date/Publication` = "2032-01-02 09:00:00 UTC", Packaged = "2031-05-06")
  expect_equal(published[[1]]$year, "2032")
  expect_equal(read_citation()[[1]]$year, "2026")
  text <- format(built, style = "text")
  expect_false(any(grepl("????", text, fixed = TRUE)))
  expect_match(text[1], "R package version 0.1.0", fixed = TRUE)
})

test_that("the citation names the method references with their DOIs", {
  cit <- read_citation(Packaged = "2031-05-06")
  dois <- unlist(lapply(cit, function(entry) entry$doi))
  expect_true(all(c("10.1007/978-3-642-52512-4", "10.25300/MISQ/2015/39.2.02", "10.1108/EBR-11-2018-0203",
                    "10.1007/s11747-014-0403-8", "10.1108/IMR-09-2014-0304",
                    "10.1016/j.jbusres.2016.03.049") %in% dois))
})
