# make site: the pkgdown site of iecpls, built offline into the folder named
# by the first argument (docs by default; git and R CMD build ignore it).
# pkgdown is not a dependency of iecpls; `make site` installs it first.
#
# pkgdown (>= 2.1) downloads six JavaScript libraries into its user cache
# the first time it builds a site (headroom, bootstrap-toc, clipboard.js and
# the search's fuse.js, autocomplete.js and mark.js). This build gets a
# cache of its own, a temporary folder filled from pkgdown/cache, so nothing
# is fetched and the user's cache is left alone (pkgdown/README.md). Then
# build_site() installs iecpls into a temporary library and, in a new R
# process, runs the examples and knits the vignettes against it.
args <- commandArgs(trailingOnly = TRUE)
destination <- if (length(args)) args[[1L]] else "docs"
dir.create(destination, recursive = TRUE, showWarnings = FALSE)
destination <- normalizePath(destination)   # the build runs elsewhere

cache <- tempfile("pkgdown-cache-")
own_cache <- file.path(cache, "R", "pkgdown")
dir.create(own_cache, recursive = TRUE)
vendored <- list.files("pkgdown/cache", recursive = TRUE)
for (folder in unique(dirname(vendored))) dir.create(file.path(own_cache, folder), recursive = TRUE, showWarnings = FALSE)
stopifnot(all(file.copy(file.path("pkgdown/cache", vendored), file.path(own_cache, vendored))))
Sys.setenv(R_USER_CACHE_DIR = cache)
stopifnot(normalizePath(tools::R_user_dir("pkgdown", "cache")) == normalizePath(own_cache))

# pkgdown makes a page of every .md file at the package's top level, and
# the install leaves compiled objects in src/: the site is built from a copy
# of what it shows. So DEVELOPING.md, notes for developers (whose cli
# templates such as `{construct}` downlit would look up on CRAN as package
# names), stays out, and the work tree keeps no objects of this build.
shown <- c("DESCRIPTION", "NAMESPACE", ".Rbuildignore", "README.md", "NEWS.md", "_pkgdown.yml",
           "R", "src", "man", "vignettes", "data", "inst", "pkgdown")
source_copy <- file.path(tempfile("iecpls-site-"), "iecpls")
dir.create(source_copy, recursive = TRUE)
stopifnot(all(file.copy(shown[file.exists(shown)], source_copy, recursive = TRUE)))
unlink(list.files(file.path(source_copy, "src"), pattern = "[.](o|so|dll)$", full.names = TRUE))

# At most two threads in the examples and vignettes, as under R CMD check.
Sys.setenv(OMP_THREAD_LIMIT = "2")
pkgdown::build_site(source_copy, override = list(destination = destination), preview = FALSE,
                    devel = FALSE, install = TRUE, new_process = TRUE)
