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
#' by that one draw; [iecpls_parallel] shows backends, from background
#' sessions to a Slurm cluster). A progress bar is shown when the run takes
#' more than about two seconds.
#'
#' @param population The population model, as [iec_population()] returns it
#'   (possibly modified); the data are drawn with [iec_simulate()].
#' @param n Sample sizes (one or more).
#' @param reps Number of simulated studies per sample size.
#' @param R Bootstrap resamples per study (at least 2).
#' @param model Model syntax fitted to each simulated study; by default the
#'   extended study model [iec_model()].
#' @param alpha Significance level (two-sided).
#' @param missing Missing-value rule passed to [pls()]: `"mean"` or
#'   `"casewise"`, or `"fail"` for a population without nonresponse.
#' @param cores Threads for each bootstrap. By default the option `iecpls.cores`, else 1;
#'   capped by the thread policy that [pls_threads()] reports.
#' @return A data frame of class `pls_power` with one row per path and
#'   sample size: `path`, `n`, `population` (the population path
#'   coefficient), `mean_estimate`, `power` (share of studies in which the
#'   path was significant), `mcse` (its Monte Carlo standard error) and
#'   `failed` (studies that could not be fitted). Its attribute `failures`
#'   counts the failed studies by sample size and reason (`n`, `reason`,
#'   `studies`); print shows them, and a warning names them.
#'
#'   Arguments that would make every study fail (a `missing` rule that
#'   rejects the simulated missing answers, model indicators that are not
#'   simulated, `R = 1`) are errors of class `iecpls_power_input_error`,
#'   raised before any study is simulated.
#'
#'   `tidy()` returns the table as a plain data frame with `path` named
#'   `term`, as in [tidy.pls_fit()] (`as.data.frame()` keeps the name
#'   `path`); `glance()` a data frame with one row: `paths`, `sizes` (sample
#'   sizes), `n_min`, `n_max`, the lowest and highest power of any path at
#'   any size (`power_min`, `power_max`), and `failed` (failed studies).
#' @param x A `pls_power` result.
#' @param ... Not used.
#' @seealso [pls_sample_size()] for the analytic minimum sample sizes.
#' @examples
#' set.seed(1)
#' power <- pls_power(n = c(100, 200), reps = 5, R = 100)
#' power
#' glance(power)
#' @export
pls_power <- function(population = iec_population(), n, reps = 200L, R = 500L,
                      model = iec_model("extended"), alpha = 0.05, missing = "mean",
                      cores = getOption("iecpls.cores", 1L)) {
  check_population(population)
  if (!is.numeric(n) || !length(n) || anyNA(n) || any(n < 10) || any(n != round(n))) {
    abort_power_input("{.arg n} must be whole numbers of at least 10.")
  }
  check_count(reps, "reps")
  check_count(R, "R", min = 2, class = "iecpls_power_input_error")
  check_number(alpha, "alpha", above = 0, below = 1, example = 0.05, class = "iecpls_power_input_error")
  check_power_missing(missing, population)
  cores <- check_cores(cores)
  model <- as_pls_model(model)
  check_power_model(model, population)
  base_seed <- sample.int(.Machine$integer.max - 1e6L, 1L)
  jobs <- expand.grid(rep = seq_len(reps), n = as.integer(n))
  jobs$seed <- base_seed + seq_len(nrow(jobs))
  run <- function(job) power_replicate(population, model, job$n, job$seed, R, alpha, missing, cores)
  results <- map_jobs(split(jobs, seq_len(nrow(jobs))), run, "Simulating studies")
  table <- power_table(results, jobs, model, population)
  report_power_failures(attr(table, "failures"), nrow(jobs))
  table
}

# Errors in the arguments of pls_power(): raised before any study is
# simulated, as every study would fail the same way.
abort_power_input <- function(message, env = parent.frame()) {
  abort_input(message, class = "iecpls_power_input_error", .envir = env)
}

check_power_missing <- function(missing, population) {
  rules <- c("fail", "mean", "casewise")
  if (!is.character(missing) || length(missing) != 1L || !missing %in% rules) {
    abort_power_input("{.arg missing} must be one of {.val {rules}}, not {.val {missing}}.")
  }
  if (missing == "fail" && population$nonresponse > 0) {
    abort_power_input(c(
      "{.code missing = \"fail\"} rejects the missing answers of the simulated studies.",
      "i" = "The population has {.code nonresponse = {population$nonresponse}}; use {.val mean} or {.val casewise}."
    ))
  }
  invisible(missing)
}

# The model's indicators must be answers that iec_simulate() draws.
check_power_model <- function(model, population) {
  simulated <- unlist(lapply(population$loadings, names), use.names = FALSE)
  absent <- setdiff(model$indicators, simulated)
  if (length(absent)) {
    abort_power_input(c(
      "{cli::qty(length(absent))}Indicator{?s} {.var {absent}} of {.arg model} {?is/are} not in the data simulated from {.arg population}.",
      "i" = "The simulated answers are {.var {simulated}}."
    ))
  }
  invisible(model)
}

# One simulated study: data, fit and bootstrap under its own seed. Returns
# the path estimates and whether each interval excludes zero, or, when the
# study could not be fitted, `failure`: the reason.
power_replicate <- function(population, model, n, seed, R, alpha, missing, cores) {
  with_seed(seed, tryCatch({
    data <- iec_simulate(n, population)
    fit <- suppressWarnings(pls(model, data = data, missing = missing))
    boot <- suppressWarnings(pls_boot(fit, R = R, level = 1 - alpha, cores = cores, bca = FALSE))
    paths <- summary(boot)$paths
    list(term = paths$term, estimate = paths$estimate, found = paths$lower > 0 | paths$upper < 0)
  }, error = function(e) list(failure = failure_reason(e))))
}

# The headline of an error, on one line (without cli's bullets, which hold
# the details).
failure_reason <- function(error) {
  message <- if (is.character(error$message)) error$message else conditionMessage(error)
  trimws(gsub("\\s*\n\\s*", " ", cli::ansi_strip(paste(message, collapse = " "))))
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
  failed <- vapply(results, function(r) !is.null(r$failure), logical(1))
  rows <- lapply(sort(unique(jobs$n)), function(size) {
    mine <- results[jobs$n == size]
    ok <- results[jobs$n == size & !failed]
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
  structure(do.call(rbind, rows), class = c("pls_power", "data.frame"),
            failures = failure_table(jobs$n[failed], vapply(results[failed], `[[`, "", "failure")))
}

# Failed studies counted by sample size and reason.
failure_table <- function(n, reason) {
  if (!length(n)) return(data.frame(n = integer(), reason = character(), studies = integer()))
  counts <- stats::aggregate(list(studies = rep(1L, length(n))), list(n = n, reason = reason), length)
  counts[order(counts$n, -counts$studies), , drop = FALSE]
}

report_power_failures <- function(failures, total) {
  if (!nrow(failures)) return(invisible())
  reasons <- paste0(failures$studies, " at n = ", failures$n, ": ", failures$reason)
  failed <- sum(failures$studies)
  warn_iecpls(c(
    "{failed} of {total} simulated {cli::qty(total)}stud{?y/ies} {cli::qty(failed)}failed and {?was/were} excluded:",
    stats::setNames(reasons, rep("x", length(reasons))),
    "i" = "{.code attr(x, \"failures\")} lists them."
  ), class = "iecpls_power_failure_warning")
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
  cat_wrapped("Monte Carlo power of each path (share of simulated studies whose interval excludes 0)")
  cat("\n")
  print_wide(as.data.frame(unclass(x), stringsAsFactors = FALSE), digits)
  failures <- attr(x, "failures")
  if (!is.null(failures) && nrow(failures)) {
    cat("\nFailed studies (excluded):\n")
    cat(wrap_text(paste0("n = ", failures$n, ": ", failures$studies, " x ", failures$reason), indent = 2, exdent = 4),
        sep = "\n")
  }
  invisible(x)
}

#' @rdname pls_power
#' @export
tidy.pls_power <- function(x, ...) {
  out <- as.data.frame(unclass(x), stringsAsFactors = FALSE)
  names(out)[names(out) == "path"] <- "term"
  out
}

#' @rdname pls_power
#' @export
glance.pls_power <- function(x, ...) {
  failures <- attr(x, "failures")
  data.frame(paths = length(unique(x$path)), sizes = length(unique(x$n)), n_min = min(x$n), n_max = max(x$n),
             power_min = min(x$power), power_max = max(x$power),
             failed = if (is.null(failures)) 0L else sum(failures$studies))
}
