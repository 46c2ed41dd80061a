#' Monte Carlo power of the paths of a PLS path model
#'
#' Estimates, for each structural path, the probability that a study of `n`
#' respondents finds it significant: `reps` data sets are simulated from the
#' population model, the model is fitted to each and bootstrapped (in C) with
#' `R` resamples, and a path counts as found when its percentile confidence
#' interval at level `1 - alpha` excludes zero. Several sample sizes give a
#' power curve.
#'
#' Replicate k of sample size n is simulated and bootstrapped with its own
#' seed, derived from one draw of the session's random number generator, so
#' `set.seed()` reproduces the result exactly, sequentially or with the
#' replicates spread over a [future::plan()] (the session's stream advances
#' by that one draw). A progress bar is shown when the run takes more than
#' about two seconds.
#'
#' @param population The population model, as [iec_population()] returns it
#'   (possibly modified); the data are drawn with [iec_simulate()].
#' @param n Sample sizes (one or more).
#' @param reps Number of simulated studies per sample size.
#' @param R Bootstrap resamples per study.
#' @param model Model syntax fitted to each simulated study; by default the
#'   extended study model [iec_model()].
#' @param alpha Significance level (two-sided).
#' @param missing Missing-value rule passed to [pls()].
#' @param cores Threads for each bootstrap.
#' @return A data frame of class `pls_power` with one row per path and
#'   sample size: `path`, `n`, `population` (the population path
#'   coefficient), `mean_estimate`, `power` (share of studies in which the
#'   path was significant), `mcse` (its Monte Carlo standard error) and
#'   `failed` (studies that could not be fitted).
#' @seealso [pls_sample_size()] for the analytic minimum sample sizes.
#' @examples
#' set.seed(1)
#' pls_power(n = c(100, 200), reps = 5, R = 100)
#' @export
pls_power <- function(population = iec_population(), n, reps = 200L, R = 500L,
                      model = iec_model("extended"), alpha = 0.05, missing = "mean", cores = 1L) {
  check_population(population)
  if (!is.numeric(n) || !length(n) || anyNA(n) || any(n < 10) || any(n != round(n))) {
    cli::cli_abort("{.arg n} must be whole numbers of at least 10.", call = NULL)
  }
  check_number(reps, "reps", integer = TRUE)
  check_number(R, "R", integer = TRUE)
  check_level(1 - alpha)
  cores <- check_cores(cores)
  model <- as_pls_model(model)
  base_seed <- sample.int(.Machine$integer.max - 1e6L, 1L)
  jobs <- expand.grid(rep = seq_len(reps), n = as.integer(n))
  jobs$seed <- base_seed + seq_len(nrow(jobs))
  run <- function(job) power_replicate(population, model, job$n, job$seed, R, alpha, missing, cores)
  results <- map_jobs(split(jobs, seq_len(nrow(jobs))), run, "Simulating studies")
  power_table(results, jobs, model, population)
}

# One simulated study: data, fit and bootstrap under its own seed. Returns
# the path estimates and whether each interval excludes zero (NULL when the
# study could not be fitted).
power_replicate <- function(population, model, n, seed, R, alpha, missing, cores) {
  with_seed(seed, tryCatch({
    data <- iec_simulate(n, population)
    fit <- suppressWarnings(pls(model, data = data, missing = missing))
    boot <- suppressWarnings(pls_boot(fit, R = R, level = 1 - alpha, cores = cores, bca = FALSE))
    paths <- summary(boot)$paths
    list(term = paths$term, estimate = paths$estimate, found = paths$lower > 0 | paths$upper < 0)
  }, error = function(e) NULL))
}

# Evaluates `fun` on each job: as futures when a non-sequential future plan
# is set, otherwise in turn with a progress bar.
map_jobs <- function(jobs, fun, label) {
  if (use_futures()) {
    futures <- lapply(jobs, function(job) {
      future::future(quote(fun(job)), substitute = FALSE, seed = NULL,
                     globals = list(fun = fun, job = job), packages = "iecpls")
    })
    return(lapply(futures, future::value))
  }
  bar <- cli::cli_progress_bar(label, total = length(jobs), clear = TRUE)
  out <- vector("list", length(jobs))
  for (k in seq_along(jobs)) {
    out[[k]] <- fun(jobs[[k]])
    cli::cli_progress_update(id = bar)
  }
  cli::cli_progress_done(id = bar)
  out
}

power_table <- function(results, jobs, model, population) {
  terms <- paste(model_paths(model)$from, "->", model_paths(model)$to)
  rows <- lapply(sort(unique(jobs$n)), function(size) {
    mine <- results[jobs$n == size]
    ok <- mine[!vapply(mine, is.null, logical(1))]
    found <- vapply(ok, function(r) r$found[match(terms, r$term)], logical(length(terms)))
    estimate <- vapply(ok, function(r) r$estimate[match(terms, r$term)], numeric(length(terms)))
    found <- matrix(found, nrow = length(terms))
    estimate <- matrix(estimate, nrow = length(terms))
    power <- rowMeans(found)
    ends <- model_paths(model)
    data.frame(path = terms, n = size,
               population = population_path(population, ends),
               mean_estimate = rowMeans(estimate), power = power,
               mcse = sqrt(power * (1 - power) / max(1, length(ok))),
               failed = length(mine) - length(ok), stringsAsFactors = FALSE)
  })
  structure(do.call(rbind, rows), class = c("pls_power", "data.frame"))
}

population_path <- function(population, ends) {
  paths <- population$paths
  known <- ends$from %in% rownames(paths) & ends$to %in% colnames(paths)
  out <- rep(NA_real_, nrow(ends))
  out[known] <- paths[cbind(ends$from[known], ends$to[known])]
  out
}

#' @export
print.pls_power <- function(x, digits = 3, ...) {
  cat("Monte Carlo power of each path (share of simulated studies whose interval excludes 0)\n\n")
  shown <- as.data.frame(unclass(x), stringsAsFactors = FALSE)
  numeric <- vapply(shown, is.double, logical(1))
  shown[numeric] <- lapply(shown[numeric], round, digits)
  print(shown, row.names = FALSE)
  invisible(x)
}
