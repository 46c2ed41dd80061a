# make deps: installs from CRAN the R packages iecpls needs (Depends,
# Imports, LinkingTo and Suggests: Suggests holds what the tests, the
# vignettes, the report and R CMD check need) that this machine lacks or has
# in too old a version, with every hard dependency of what it installs. The
# logic is R/deps.R, which the package's tests check; nothing is installed
# that is already there. Requirements named on the command line (make site:
# "pkgdown (>= 2.1.0)") are installed the same way without becoming
# dependencies of iecpls.
source("R/deps.R")
repos <- getOption("repos")
if (is.null(repos) || identical(unname(repos["CRAN"]), "@CRAN@")) repos <- c(CRAN = "https://cloud.r-project.org")
required <- rbind(deps_declared("DESCRIPTION"), deps_parse(commandArgs(trailingOnly = TRUE)))
if (length(deps_to_install(required, deps_installed()))) {
  available <- utils::available.packages(repos = repos)
  todo <- deps_to_install(required, deps_installed(), available)
  # wrapped to 80 columns, as all of make demo's output
  message(paste(strwrap(paste0("Installing from CRAN into ", .libPaths()[1], " (", length(todo), " packages; ",
                               "the first run on a new machine takes about 10 minutes):"), 78), collapse = "\n"),
          "\n  ", paste(strwrap(paste(todo, collapse = ", "), 70), collapse = "\n  "))
  utils::install.packages(todo, repos = repos, Ncpus = 2L, quiet = TRUE)
  still <- deps_to_install(required, deps_installed(), available)
  if (length(still)) stop("Could not install: ", paste(still, collapse = ", "), call. = FALSE)
}
