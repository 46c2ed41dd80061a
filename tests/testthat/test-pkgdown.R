# _pkgdown.yml lists the help topics by hand, grouped by workflow, and
# pkgdown stops on a topic missing from the index. These tests catch that in
# the test suite, without pkgdown (not a dependency): a new help page must
# go into exactly one section. They read the source tree, so they skip
# where it is absent (R CMD check, which runs the tests of the built
# package, and _pkgdown.yml is not in it).

source_file <- function(...) {
  path <- test_path("..", "..", ...)
  skip_if_not(file.exists(test_path("..", "..", "_pkgdown.yml")), "no _pkgdown.yml: not the source tree")
  path
}

pkgdown_config <- function() {
  skip_if_not_installed("yaml")
  yaml::read_yaml(source_file("_pkgdown.yml"))
}

# The help pages pkgdown indexes (those without \keyword{internal}), each
# with its \name and \alias entries: pkgdown finds a page by any of them.
indexed_pages <- function() {
  files <- list.files(source_file("man"), pattern = "\\.Rd$", full.names = TRUE)
  pages <- lapply(files, function(file) {
    lines <- readLines(file, warn = FALSE)
    if (any(grepl("\\keyword{internal}", lines, fixed = TRUE))) return(NULL)
    entries <- grep("^\\\\(name|alias)\\{", lines, value = TRUE)
    unique(sub("^\\\\(name|alias)\\{(.*)\\}$", "\\2", entries))
  })
  names(pages) <- basename(files)
  Filter(Negate(is.null), pages)
}

test_that("every help page is in exactly one section of the reference index", {
  config <- pkgdown_config()
  listed <- unlist(lapply(config$reference, `[[`, "contents"), use.names = FALSE)
  pages <- indexed_pages()
  expect_gt(length(pages), 40)
  page_of <- function(topic) {
    hits <- names(pages)[vapply(pages, function(names) topic %in% names, logical(1))]
    if (length(hits) == 1L) hits else NA_character_
  }
  found <- vapply(listed, page_of, character(1), USE.NAMES = FALSE)
  expect_identical(listed[is.na(found)], character(0))
  expect_identical(setdiff(names(pages), found), character(0))
  expect_identical(found[duplicated(found)], character(0))
})

test_that("every reference section has a title and a one-line description", {
  config <- pkgdown_config()
  for (section in config$reference) {
    expect_true(is.character(section$title) && nzchar(section$title))
    expect_true(is.character(section$desc) && nzchar(trimws(section$desc)), info = section$title)
  }
  titles <- vapply(config$reference, `[[`, character(1), "title")
  expect_true(all(c("Specify", "Estimate", "Assess", "Infer", "Predict", "Compare groups", "Plot",
                    "The study") %in% titles))
})

test_that("every vignette is an article of the site", {
  config <- pkgdown_config()
  listed <- unlist(lapply(config$articles, `[[`, "contents"), use.names = FALSE)
  vignettes <- sub("\\.Rmd$", "", list.files(source_file("vignettes"), pattern = "\\.Rmd$"))
  expect_setequal(listed, vignettes)
})
