# The thread policy (src/threads.c, asked by R/threads.R) and the rules the
# C sources keep (src/iecpls.h): every OpenMP parallel region takes its
# thread count from thread_count() and lists its data sharing; .Call entry
# points live in call*.c files only, and every other file stays clear of the
# R API, so it can run in threads. As data.table's release check greps its
# sources for omp parallel regions, these tests read the sources: from the
# source tree, or from the copy R CMD check unpacks into
# iecpls.Rcheck/00_pkg_src.

source_dir <- function() {
  dirs <- c(test_path("..", "..", "src"), test_path("..", "..", "00_pkg_src", "iecpls", "src"))
  dirs <- dirs[file.exists(file.path(dirs, "iecpls.h"))]
  if (length(dirs) == 0L) skip("the C sources are not next to the tests (neither ../../src nor ../../00_pkg_src/iecpls/src)")
  dirs[[1L]]
}

# The text of a C file without comments and string literals (a comment or a
# message may name anything), pragma continuation lines joined.
c_code <- function(file) {
  text <- paste(readLines(file, warn = FALSE), collapse = "\n")
  text <- gsub("\\\\\n", " ", text)
  text <- gsub("(?s)/\\*.*?\\*/", " ", text, perl = TRUE)
  text <- gsub("//[^\n]*", "", text)
  gsub("\"([^\"\\\\\n]|\\\\.)*\"", "\"\"", text, perl = TRUE)
}

c_files <- function(dir) list.files(dir, pattern = "\\.c$", full.names = TRUE)

is_call_file <- function(file) grepl("^call.*\\.c$", basename(file))

# Bodies of the top-level functions in `code`: list of (start, end, text).
function_bodies <- function(code) {
  chars <- strsplit(code, "")[[1L]]
  depth <- cumsum((chars == "{") - (chars == "}"))
  opens <- which(chars == "{" & depth == 1L)
  closes <- which(chars == "}" & depth == 0L)
  lapply(seq_along(opens), function(k) {
    end <- closes[closes > opens[k]][1L]
    list(start = opens[k], end = end, text = substr(code, opens[k], end))
  })
}

test_that("every parallel region takes its thread count from thread_count() and lists its data sharing", {
  dir <- source_dir()
  regions <- 0L
  for (file in c_files(dir)) {
    code <- c_code(file)
    pragmas <- gregexpr("#\\s*pragma\\s+omp\\s+parallel[^\n]*", code, perl = TRUE)[[1L]]
    if (pragmas[1L] == -1L) next
    bodies <- function_bodies(code)
    for (k in seq_along(pragmas)) {
      at <- pragmas[k]
      pragma <- substr(code, at, at + attr(pragmas, "match.length")[k] - 1L)
      label <- paste0(basename(file), ": ", pragma)
      regions <- regions + 1L
      expect_true(is_call_file(file), label = paste(label, "(parallel regions belong in call*.c files)"))
      expect_match(pragma, "default\\(none\\)", label = label)
      expect_match(pragma, "num_threads\\(nth\\)", label = label)
      expect_match(pragma, "if\\s*\\(\\s*nth\\s*>\\s*1\\s*\\)", label = label)
      body <- Filter(function(b) b$start < at && at < b$end, bodies)
      expect_length(body, 1L)
      assignments <- regmatches(body[[1L]]$text, gregexpr("\\bnth\\s*=[^=][^,;]*", body[[1L]]$text, perl = TRUE))[[1L]]
      expect_length(assignments, 1L)
      expect_match(assignments, "^nth\\s*=\\s*thread_count\\(", label = paste(label, "(nth)"))
    }
  }
  # the bootstrap, the jackknife and the permutations
  expect_gte(regions, 3L)
  everything <- paste(vapply(c_files(dir), c_code, ""), collapse = "\n")
  expect_false(grepl("omp_set_num_threads|omp_set_dynamic", everything))
})

test_that(".Call entry points are defined in call*.c files only, with their registered argument counts", {
  dir <- source_dir()
  init <- c_code(file.path(dir, "init.c"))
  defs <- regmatches(init, gregexpr("CALLDEF\\(\\s*\\w+\\s*,\\s*\\d+\\s*\\)", init))[[1L]]
  registered <- stats::setNames(as.integer(sub(".*,\\s*(\\d+)\\s*\\)", "\\1", defs)),
                                sub("CALLDEF\\(\\s*(\\w+).*", "\\1", defs))
  expect_gte(length(registered), 10L)
  defined <- list()
  for (file in c_files(dir)) {
    code <- c_code(file)
    found <- regmatches(code, gregexpr("(?m)^SEXP\\s+\\w+\\s*\\([^)]*\\)\\s*\\{", code, perl = TRUE))[[1L]]
    for (def in found) {
      name <- sub("^SEXP\\s+(\\w+).*", "\\1", def)
      args <- sub("^[^(]*\\(([^)]*)\\).*", "\\1", def)
      n_args <- if (grepl("^\\s*(void)?\\s*$", args)) 0L else length(strsplit(args, ",")[[1L]])
      defined[[name]] <- list(file = basename(file), n_args = n_args)
    }
  }
  for (name in names(registered)) {
    expect_true(name %in% names(defined), label = paste(name, "is defined"))
    if (!name %in% names(defined)) next
    expect_true(is_call_file(defined[[name]]$file), label = paste(name, "is in a call*.c file"))
    expect_identical(defined[[name]]$n_args, registered[[name]], label = paste(name, "argument count"))
  }
  # and whatever else returns a SEXP lives there too
  expect_true(all(vapply(defined, function(d) is_call_file(d$file), TRUE)))
})

test_that("files outside call*.c use no R API, so they can run in OpenMP threads", {
  dir <- source_dir()
  kernels <- Filter(function(file) !is_call_file(file) && basename(file) != "init.c", c_files(dir))
  expect_true(all(c("moments.c", "kernel.c", "resample.c", "boot_summary.c", "threads.c") %in% basename(kernels)))
  # constants and pure macros or functions that are safe in any thread
  allowed <- c("R_xlen_t", "R_XLEN_T_MAX", "R_FINITE", "R_NaN", "R_PosInf", "R_NegInf")
  banned <- paste0("\\b(SEXP|PROTECT|UNPROTECT|REPROTECT|Rprintf|REprintf|unif_rand|norm_rand|exp_rand|",
                   "GetRNGstate|PutRNGstate|Rf_\\w+|mkNamed|mkChar|install|isNull|asInteger|asReal|asLogical)\\b|",
                   "\\b(error|warning|alloc\\w*|REAL|REAL_RO|INTEGER|INTEGER_RO|LOGICAL|LOGICAL_RO|VECTOR_ELT|",
                   "SET_VECTOR_ELT|STRING_ELT|CHAR|XLENGTH|LENGTH|TYPEOF|malloc|calloc|realloc|free)\\s*\\(")
  for (file in kernels) {
    code <- c_code(file)
    hits <- regmatches(code, gregexpr(banned, code, perl = TRUE))[[1L]]
    r_names <- regmatches(code, gregexpr("\\bR_\\w+", code, perl = TRUE))[[1L]]
    hits <- c(hits, setdiff(r_names, allowed))
    expect_identical(unique(hits), character(), label = basename(file))
  }
})

test_that("pls_threads() applies OMP_THREAD_LIMIT as the environment holds it now", {
  old <- Sys.getenv("OMP_THREAD_LIMIT", NA)
  on.exit(if (is.na(old)) Sys.unsetenv("OMP_THREAD_LIMIT") else Sys.setenv(OMP_THREAD_LIMIT = old))
  Sys.setenv(OMP_THREAD_LIMIT = "1")
  policy <- pls_threads(2)
  expect_identical(policy$threads, 1L)
  expect_identical(policy$requested, 2L)
  expect_identical(policy$limited_by, if (policy$openmp) "OMP_THREAD_LIMIT" else "no OpenMP")
  if (policy$openmp) expect_identical(policy$thread_limit, 1L)
  # what the loops use is the same count
  expect_identical(iecpls:::check_cores(2), 1L)
  Sys.setenv(OMP_THREAD_LIMIT = "not a number")
  expect_identical(pls_threads(1)$thread_limit, NA_integer_)
})

test_that("pls_threads() caps a request at the processors and OpenMP's limit", {
  old <- Sys.getenv("OMP_THREAD_LIMIT", NA)
  on.exit(if (is.na(old)) Sys.unsetenv("OMP_THREAD_LIMIT") else Sys.setenv(OMP_THREAD_LIMIT = old))
  Sys.unsetenv("OMP_THREAD_LIMIT")
  policy <- pls_threads(1e6)
  expect_s3_class(policy, "data.frame")
  expect_identical(nrow(policy), 1L)
  expect_identical(policy$requested, 1000000L)
  if (policy$openmp) {
    expect_identical(policy$threads, min(policy$processors, policy$openmp_limit, na.rm = TRUE))
    expect_true(policy$limited_by %in% c("processors", "OpenMP thread limit"))
  } else {
    expect_identical(policy$threads, 1L)
    expect_identical(policy$limited_by, "no OpenMP")
  }
  expect_identical(iecpls:::check_cores(1e6), policy$threads)
  # beyond the integers, the request is INT_MAX
  expect_identical(pls_threads(1e12)$requested, .Machine$integer.max)
  one <- pls_threads(1)
  expect_identical(one$threads, 1L)
  expect_identical(one$limited_by, "request")
})

test_that("the option iecpls.cores is the default, and invalid cores are an error", {
  old <- options(iecpls.cores = NULL)
  on.exit(options(old))
  expect_identical(pls_threads()$requested, 1L)
  options(iecpls.cores = 2)
  expect_identical(pls_threads()$requested, 2L)
  for (bad in list(0, -1, 1.5, NA, NA_integer_, Inf, "2", c(1, 2), NULL)) {
    expect_error(pls_threads(bad), "cores")
  }
  options(iecpls.cores = 0)
  expect_error(pls_threads(), "cores")
  fit <- pls("A =~ IMAG1 + IMAG2\nB =~ CUSL1 + CUSL2\nB ~ A", data = mobi)
  expect_error(pls_boot(fit, R = 10), "cores")
  for (f in list(pls, pls_boot, pls_mga, pls_micom, pls_power)) {
    expect_identical(formals(f)$cores, quote(getOption("iecpls.cores", 1L)))
  }
})
