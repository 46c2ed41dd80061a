# The set-up logic of make deps (R/deps.R, sourced by tools/install-deps.R).

deps_fields <- c("Depends", "Imports", "LinkingTo", "Suggests")

# Every package named in the installed DESCRIPTION's dependency fields, read
# independently of R/deps.R.
declared_by_hand <- function() {
  desc <- utils::packageDescription("iecpls")
  text <- unlist(desc[deps_fields], use.names = FALSE)
  names <- trimws(sub("\\(.*", "", unlist(strsplit(text, ","))))
  setdiff(names[nzchar(names)], "R")
}

repo_matrix <- function(...) {
  rows <- list(...)
  cols <- c("Package", "Version", "Depends", "Imports", "LinkingTo")
  out <- t(vapply(rows, function(r) {
    r <- as.list(r)
    vapply(cols, function(f) if (is.null(r[[f]])) NA_character_ else r[[f]], "")
  }, character(length(cols))))
  out
}

test_that("with nothing installed, every package DESCRIPTION declares is asked for", {
  desc <- system.file("DESCRIPTION", package = "iecpls")
  todo <- iecpls:::deps_to_install(iecpls:::deps_declared(desc), character(0))
  expect_setequal(todo, setdiff(declared_by_hand(), iecpls:::deps_base))
  # what the tests, the vignettes and the report need is among them
  expect_true(all(c("cli", "generics", "testthat", "knitr", "rmarkdown", "ggplot2") %in% todo))
  expect_false(any(c("R", "stats", "utils", "graphics") %in% todo))
})

test_that("a field the DESCRIPTION lacks does not hide the others", {
  desc <- system.file("DESCRIPTION", package = "iecpls")
  # read.dcf() gives NA for a missing field (this package has no LinkingTo)
  row <- read.dcf(desc, fields = c("Imports", "Suggests", "LinkingTo"))
  expect_true(is.na(row[1, "LinkingTo"]))
  todo <- iecpls:::deps_to_install(iecpls:::deps_declared(row), character(0))
  expect_setequal(todo, setdiff(declared_by_hand(), iecpls:::deps_base))
  only <- iecpls:::deps_declared(list(Imports = "cli", LinkingTo = NA, Suggests = NA))
  expect_identical(only$package, "cli")
})

test_that("version constraints are honoured: an older version counts as missing", {
  req <- iecpls:::deps_declared(list(
    Depends = "R (>= 4.2.0)",
    Imports = "cli,\n    stats",
    Suggests = "ggplot2 (>= 3.3.0), testthat (>=3.0.0),\n  knitr"))
  expect_identical(req$package, c("cli", "stats", "ggplot2", "testthat", "knitr"))
  expect_identical(req$op, c("", "", ">=", ">=", ""))
  installed <- c(cli = "3.6.0", ggplot2 = "3.2.1", testthat = "3.0.0", knitr = "1.40")
  expect_identical(iecpls:::deps_to_install(req, installed), "ggplot2")
  installed[["ggplot2"]] <- "3.3.0"
  expect_identical(iecpls:::deps_to_install(req, installed), character(0))
  installed[["testthat"]] <- "2.3.2"
  expect_identical(iecpls:::deps_to_install(req, installed), "testthat")
})

test_that("nothing that is already there is installed", {
  desc <- system.file("DESCRIPTION", package = "iecpls")
  req <- iecpls:::deps_declared(desc)
  everything <- stats::setNames(rep("999.0.0", nrow(req)), req$package)
  expect_identical(iecpls:::deps_to_install(req, everything), character(0))
  # and the machine that runs these tests has every import
  imports <- iecpls:::deps_declared(desc, fields = "Imports")
  expect_identical(iecpls:::deps_to_install(imports, iecpls:::deps_installed()), character(0))
})

test_that("every comparison operator of a DESCRIPTION is understood", {
  meets <- iecpls:::deps_meets
  have <- c("1.2.3", "1.2.3", "1.2.3", "1.2.3", "1.2.3", "1.2.3", NA, "0.1")
  op <- c(">=", ">", "==", "<=", "<", "!=", "", "")
  ver <- c("1.2.3", "1.2.3", "1.2.3", "1.2-4", "1.2.3", "1.2.3", "", "")
  expect_identical(meets(have, op, ver), c(TRUE, FALSE, TRUE, TRUE, FALSE, FALSE, FALSE, TRUE))
  expect_error(iecpls:::deps_parse("cli (~ 1.0)"), "cannot read the dependency")
})

test_that("hard dependencies of what is installed are followed, too-old ones updated", {
  repo <- repo_matrix(
    c(Package = "topA", Version = "2.0", Imports = "midB (>= 1.5), stats, okC"),
    c(Package = "midB", Version = "1.6", Depends = "R (>= 3.5.0), leafD", LinkingTo = "hdrE"),
    c(Package = "okC", Version = "1.0"),
    c(Package = "leafD", Version = "0.3", Imports = "midB"),
    c(Package = "hdrE", Version = "4.1"),
    c(Package = "sugF", Version = "1.0", Imports = "topA (>= 2.0)"))
  req <- iecpls:::deps_parse(c("topA", "sugF"))
  installed <- c(midB = "1.4", okC = "0.9", hdrE = "4.0")
  todo <- iecpls:::deps_to_install(req, installed, repo)
  # midB is too old for topA; leafD is missing; okC and hdrE are fine as they are
  expect_identical(todo, c("topA", "sugF", "midB", "leafD"))
  # without a repository only the direct requirements are known
  expect_identical(iecpls:::deps_to_install(req, installed), c("topA", "sugF"))
})

test_that("a requirement the repository cannot meet stops with its name", {
  repo <- repo_matrix(c(Package = "topA", Version = "2.0", Imports = "ghost"),
                      c(Package = "old", Version = "1.0"))
  expect_error(iecpls:::deps_to_install(iecpls:::deps_parse("topA"), character(0), repo),
               "does not have the package \"ghost\"")
  expect_error(iecpls:::deps_to_install(iecpls:::deps_parse("old (>= 2.0)"), character(0), repo),
               "has old 1.0 but >= 2.0 is needed")
})

test_that("the installed versions are those that load first", {
  v <- iecpls:::deps_installed()
  expect_identical(v[["stats"]], as.character(utils::packageVersion("stats")))
  expect_false(anyDuplicated(names(v)) > 0)
})
