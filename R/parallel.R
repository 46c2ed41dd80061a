# How the resampling loops spread their work, documented once for users.
# The code is in run-chunks.R (run_chunks(), use_futures()) and power.R
# (map_jobs()); the random streams in rng.R.

#' Parallel and distributed resampling
#'
#' @description
#' The resampling of iecpls runs in one of two ways: in OpenMP threads
#' inside the R session (the `cores` argument), or as futures on any
#' backend of the future package (`future::plan()`): background R sessions,
#' other machines, or jobs of a cluster scheduler such as Slurm. Either way
#' a seed gives the same result, to the last bit.
#'
#' @section Which functions use a future plan:
#' With the future package installed and a [future::plan()] other than
#' `sequential` set, these functions evaluate their work as futures:
#' \describe{
#'   \item{[pls_boot()], and [pls()] with `R > 0`}{the bootstrap resamples,
#'     in chunks of 100 (fewer for large data), and with `bca = TRUE` the
#'     leave-one-out fits of the jackknife, in chunks of 256 cases.}
#'   \item{[pls_mga()]}{the permutations of each pair of groups and of the
#'     omnibus test, in chunks; `method = "bootstrap"` bootstraps each group
#'     through [pls_boot()].}
#'   \item{[pls_micom()]}{the permutations of each pair of groups, in
#'     chunks.}
#'   \item{[pls_power()]}{the simulated studies: one future per study, which
#'     simulates, fits and bootstraps it.}
#'   \item{[pls_cta()]}{the bootstrap resamples of the tetrads, in chunks as
#'     those of [pls_boot()].}
#' }
#' Chunks are grouped into one future per worker
#' ([future::nbrOfWorkers()]), and each chunk runs on one thread there.
#' Every other function ([pls_predict()], [pls_cvpat()], [pls_blindfold()],
#' ...) runs in the session whatever the plan. Under the default
#' `plan(sequential)` the chunks run in batches of `cores` OpenMP threads,
#' with a progress bar, and R can be interrupted between batches.
#'
#' @section Reproducibility:
#' A run takes one number from the session's random number generator, so
#' `set.seed()` before the call fixes the result. The bootstrap and the
#' permutation tests turn that number into L'Ecuyer-MRG32k3a streams
#' ([parallel::nextRNGStream()]), one per chunk; the chunks' sizes depend
#' only on the data's size, and each chunk draws its resamples in C from its
#' own stream. [pls_power()] gives study k the seed `s + k`, with `s` the
#' number drawn. The result therefore depends on the seed alone: not on
#' `cores`, the backend, the number of workers, or which worker ran which
#' chunk. The futures are created with `seed = NULL`, as their random
#' numbers come from these streams, not from future's. The tests check that
#' `future::multisession` and `future.callr::callr` plans with two workers
#' give results identical to the sequential run.
#'
#' @section Backends:
#' Any future backend will do; workers load the installed iecpls, so every
#' machine needs the same version installed. For example:
#' \describe{
#'   \item{`future::plan(future::multisession, workers = 2)`}{background R
#'     sessions on this machine, kept for the whole session.}
#'   \item{`future::plan(future.callr::callr, workers = 2)`}{a new R
#'     process for each future (future.callr), so nothing is left over
#'     between runs.}
#'   \item{`future::plan(future::cluster, workers = c("node1", "node2"))`}{R
#'     sessions on other machines, reached by SSH.}
#'   \item{`future::plan(future.batchtools::batchtools_slurm, ...)`}{each
#'     future a job of the Slurm scheduler (future.batchtools), with a
#'     job script template and `resources = list(...)` for its
#'     placeholders; the section "Running on a cluster" of
#'     `vignette("iecpls", package = "iecpls")` shows both.}
#'   \item{`future::plan(future::multicore, workers = 2)`}{forked
#'     processes (not on Windows); OpenMP runs on one thread in a forked
#'     child ([pls_threads()]).}
#' }
#' Reset the plan with `future::plan(future::sequential)` to return to
#' OpenMP threads.
#'
#' @section Threads and workers:
#' Under a non-sequential plan the chunks of [pls_boot()], [pls_mga()] and
#' [pls_micom()] run on one thread each, whatever `cores` says. The studies
#' of [pls_power()] bootstrap with `cores` threads inside their worker, so a
#' plan of `w` workers on one machine uses up to `w * cores` threads; keep
#' `cores = 1` unless the machine has processors to spare.
#'
#' @seealso [pls_threads()] for the OpenMP threads.
#' @name iecpls_parallel
#' @examples
#' fit <- pls("Image =~ IMAG1 + IMAG2 + IMAG3
#'             Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'             Loyalty ~ Image", data = mobi)
#' set.seed(1)
#' threads <- pls_boot(fit, R = 200, cores = 2, bca = FALSE)
#' \donttest{
#' if (requireNamespace("future.callr", quietly = TRUE)) {
#'   old <- future::plan(future.callr::callr, workers = 2)
#'   set.seed(1)
#'   processes <- pls_boot(fit, R = 200, bca = FALSE)
#'   future::plan(old)
#'   identical(processes$draws, threads$draws)
#' }
#' }
NULL
