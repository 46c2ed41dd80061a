# Another R process (a subprocess, a future worker) loads the installed
# iecpls: under pkgload::load_all() that is not the code being tested (an
# installed package has a Meta folder).
skip_if_loaded_from_source <- function() {
  installed <- file.exists(file.path(getNamespaceInfo(asNamespace("iecpls"), "path"), "Meta", "package.rds"))
  testthat::skip_if_not(installed, "needs iecpls installed, not loaded from source")
}

# Runs R code in a separate R process (with this session's libraries) under
# a timeout, so that a test of a hang or an uninterruptible loop fails
# instead of hanging the suite. Returns the output lines and the exit status
# (124 after a timeout).
run_with_timeout <- function(code, seconds = 120) {
  skip_if_loaded_from_source()
  rscript <- file.path(R.home("bin"), "Rscript")
  script <- tempfile(fileext = ".R")
  on.exit(unlink(script))
  writeLines(code, script)
  out <- suppressWarnings(system2(rscript, c("--vanilla", script), stdout = TRUE, stderr = TRUE,
                                  timeout = seconds,
                                  env = paste0("R_LIBS=", paste(.libPaths(), collapse = .Platform$path.sep))))
  status <- attr(out, "status")
  list(output = out, status = if (is.null(status)) 0L else as.integer(status))
}

# The subprocess exited normally and printed `line` (its last step).
expect_finished <- function(res, line) {
  testthat::expect_identical(res$status, 0L, info = paste(res$output, collapse = "\n"))
  testthat::expect_true(line %in% res$output, info = paste(res$output, collapse = "\n"))
}

# Runs `setup` (lines of R code) and then `call` (one expression) in a
# subprocess under a 1-second elapsed time limit, and expects the limit to
# stop the call (a loop that polls R's interrupt check) rather than let it
# finish or hang.
expect_stops_at_time_limit <- function(setup, call) {
  res <- run_with_timeout(c(
    setup,
    "out <- local({  # transient limits last for one top-level expression",
    "  setTimeLimit(elapsed = 1, transient = TRUE)",
    paste0("  tryCatch(", call, ", error = function(e) conditionMessage(e))"),
    "})",
    "cat('result:', if (is.character(out)) out else 'finished', '\\n')"), seconds = 60)
  testthat::expect_identical(res$status, 0L, info = paste(res$output, collapse = "\n"))
  testthat::expect_true(any(grepl("result: .*time limit", res$output)), info = paste(res$output, collapse = "\n"))
}
