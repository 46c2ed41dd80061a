#' Threads used by the resampling loops
#'
#' The bootstrap, the jackknife and the permutation tests of [pls_boot()],
#' [pls_mga()], [pls_micom()] and [pls_power()] run in OpenMP threads. The
#' number used is their `cores` argument (by default the option
#' `iecpls.cores`, else 1), capped by the environment variable
#' `OMP_THREAD_LIMIT` (CRAN sets it to 2), by OpenMP's own thread limit and
#' by the number of processors OpenMP sees. Without OpenMP, and in a forked
#' child process (such as [parallel::mclapply()] or future's multicore plan
#' create), every loop runs on one thread. `pls_threads()` reports what
#' this policy gives and why. Results never depend on the number of threads.
#' To spread the same loops over processes or machines instead, set a
#' [future::plan()] ([iecpls_parallel]).
#'
#' @param cores The number of threads asked for.
#' @return A one-row data frame: `threads` (what a loop would use),
#'   `requested`, `limited_by` (`"request"`, `"OMP_THREAD_LIMIT"`,
#'   `"OpenMP thread limit"`, `"processors"`, `"no OpenMP"` or
#'   `"forked child"`), `openmp` (whether the package was built with
#'   OpenMP), `thread_limit` (`OMP_THREAD_LIMIT`, `NA` when unset),
#'   `openmp_limit` (OpenMP's thread limit, `NA` when there is none) and
#'   `processors` (`NA` without OpenMP).
#' @examples
#' pls_threads()
#' pls_threads(cores = 2)
#' @export
pls_threads <- function(cores = getOption("iecpls.cores", 1L)) {
  check_number(cores, "cores", integer = TRUE)
  policy <- c_thread_policy(cores)
  reasons <- c("request", "OMP_THREAD_LIMIT", "OpenMP thread limit", "processors", "no OpenMP", "forked child")
  data.frame(threads = policy$threads, requested = policy$requested, limited_by = reasons[policy$reason + 1L],
             openmp = policy$openmp, thread_limit = policy$env_limit, openmp_limit = policy$omp_limit,
             processors = policy$processors, stringsAsFactors = FALSE)
}

# Number of threads for the C loops: `cores` checked, then capped by the
# thread policy in C (src/threads.c), which the loops apply again.
check_cores <- function(cores) {
  check_number(cores, "cores", integer = TRUE)
  c_thread_policy(cores)$threads
}
