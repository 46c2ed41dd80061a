# What a machine must install before it can build, check or demo iecpls.
#
# `make deps` (tools/install-deps.R) sources this file before iecpls or any
# of its dependencies is installed, so it uses base R alone. The package's
# tests call the same functions (tests/testthat/test-deps.R). Nothing here is
# exported.

# Packages that come with every R installation and never come from CRAN.
deps_base <- c("base", "compiler", "datasets", "graphics", "grDevices",
               "grid", "methods", "parallel", "splines", "stats", "stats4",
               "tcltk", "tools", "utils")

# The hard dependencies of a CRAN package: what must be installed for it to
# install and load. Suggests are followed only for iecpls itself.
deps_hard_fields <- c("Depends", "Imports", "LinkingTo")

#' Parse a DESCRIPTION dependency field
#'
#' @param x Character: dependency fields such as
#'   `"cli, ggplot2 (>= 3.3.0)"`; `NA` and empty strings are ignored.
#' @return A data frame with one row per requirement: `package`, `op` (`""`
#'   when any version will do) and `version`. R itself is left out.
#' @noRd
deps_parse <- function(x) {
  x <- x[!is.na(x) & nzchar(trimws(x))]
  parts <- trimws(unlist(strsplit(x, ",", fixed = TRUE), use.names = FALSE))
  parts <- parts[nzchar(parts)]
  pattern <- "^([[:alnum:].]+)[[:space:]]*(\\([[:space:]]*([<>=!]+)[[:space:]]*([^)[:space:]]+)[[:space:]]*\\))?$"
  bad <- !grepl(pattern, parts)
  if (any(bad)) stop("cannot read the dependency \"", parts[bad][1], "\"", call. = FALSE)
  out <- data.frame(package = sub(pattern, "\\1", parts),
                    op = sub(pattern, "\\3", parts),
                    version = sub(pattern, "\\4", parts),
                    stringsAsFactors = FALSE)
  out[out$package != "R", , drop = FALSE]
}

#' The packages a DESCRIPTION asks for
#'
#' @param desc Path to a DESCRIPTION file, or a one-row matrix or list of its
#'   fields (as `read.dcf()` gives).
#' @param fields The dependency fields to read; a field the file lacks is
#'   skipped (it is not a reason to skip the others).
#' @noRd
deps_declared <- function(desc = "DESCRIPTION",
                          fields = c(deps_hard_fields, "Suggests")) {
  if (is.character(desc) && length(desc) == 1L && is.null(names(desc))) {
    desc <- read.dcf(desc)
  }
  if (is.matrix(desc)) desc <- as.list(desc[1L, ])
  deps_parse(unlist(desc[intersect(fields, names(desc))], use.names = FALSE))
}

#' Versions of the installed packages
#'
#' @param lib Library folders, searched in order as `library()` does: the
#'   first copy of a package is the one that loads.
#' @return A named character vector: versions, named by package.
#' @noRd
deps_installed <- function(lib = .libPaths()) {
  ip <- utils::installed.packages(lib.loc = lib, fields = character(0))
  ip <- ip[!duplicated(ip[, "Package"]), , drop = FALSE]
  stats::setNames(ip[, "Version"], ip[, "Package"])
}

#' Does a version meet a requirement?
#'
#' @param have Versions (character; `NA` for not installed).
#' @param op,version The requirement, as `deps_parse()` gives it.
#' @noRd
deps_meets <- function(have, op, version) {
  ok <- !is.na(have)
  check <- ok & nzchar(op)
  for (i in which(check)) {
    cmp <- utils::compareVersion(have[[i]], version[[i]])
    ok[i] <- switch(op[[i]], ">=" = cmp >= 0, ">" = cmp > 0, "==" = cmp == 0,
                    "<=" = cmp <= 0, "<" = cmp < 0, "!=" = cmp != 0,
                    stop("unknown version operator \"", op[[i]], "\"", call. = FALSE))
  }
  ok
}

#' The packages to install so that every requirement is met
#'
#' A requirement is unmet when its package is not installed or the installed
#' version is too old (or otherwise outside the constraint). When `available`
#' is given (a matrix like `available.packages()`), the hard dependencies of
#' every package to be installed are followed recursively, so an installed
#' dependency that is too old for a package being installed is updated too;
#' that is what `install.packages()` does not check.
#'
#' @param required Requirements, as `deps_declared()` gives them.
#' @param installed Installed versions, as `deps_installed()` gives them.
#' @param available `NULL`, or the repository's packages (columns `Package`,
#'   `Version` and the fields in `deps_hard_fields`).
#' @param base Packages that come with R and are never installed.
#' @return The package names to install, in the order first found.
#' @noRd
deps_to_install <- function(required, installed, available = NULL,
                            base = deps_base) {
  todo <- character(0)
  queue <- required
  while (nrow(queue)) {
    queue <- queue[!queue$package %in% base, , drop = FALSE]
    have <- unname(installed[queue$package])
    planned <- queue$package %in% todo
    if (!is.null(available)) {
      # a package already planned is met by the version that will be installed
      have[planned] <- unname(deps_repo_version(available, queue$package[planned]))
    }
    unmet <- !deps_meets(have, queue$op, queue$version)
    new <- setdiff(unique(queue$package[unmet & !planned]), todo)
    if (!is.null(available)) {
      deps_check_available(queue[unmet, , drop = FALSE], available)
      todo <- c(todo, new)
      queue <- deps_parse(available[match(new, available[, "Package"]),
                                    intersect(deps_hard_fields, colnames(available))])
    } else {
      todo <- c(todo, new)
      queue <- queue[0, , drop = FALSE]
    }
  }
  todo
}

deps_repo_version <- function(available, packages) {
  stats::setNames(available[match(packages, available[, "Package"]), "Version"], packages)
}

# Stops, naming the package, when the repository cannot meet a requirement.
deps_check_available <- function(unmet, available) {
  repo <- unname(deps_repo_version(available, unmet$package))
  absent <- is.na(repo)
  if (any(absent)) {
    stop("the repository does not have the package ",
         paste0("\"", unique(unmet$package[absent]), "\"", collapse = ", "), call. = FALSE)
  }
  short <- !deps_meets(repo, unmet$op, unmet$version)
  if (any(short)) {
    i <- which(short)[1]
    stop("the repository has ", unmet$package[i], " ", repo[i], " but ",
         unmet$op[i], " ", unmet$version[i], " is needed", call. = FALSE)
  }
  invisible(TRUE)
}
