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
#' @section Populations:
#' `population` can be given in three ways.
#' \describe{
#'   \item{A list like [iec_population()] returns}{The study's population
#'     (the default), possibly modified: five-point answers, the respondents'
#'     roles and item nonresponse, drawn with [iec_simulate()]. The model
#'     fitted is by default the extended study model [iec_model()].}
#'   \item{A fitted model from [pls()]}{Its estimates are the population:
#'     the standardized path coefficients (and those of interaction terms),
#'     the correlations of the exogenous constructs' scores, the outer
#'     loadings of Mode A constructs as factor loadings, and for Mode B
#'     constructs the indicators' correlations within the block and the
#'     weights (see "What is simulated"). The model fitted is by default the
#'     fit's own (as written, with its interaction terms), and each study is
#'     fitted with the fit's settings (`scheme`, `consistent`, `tol`,
#'     `max_iter`, and the `interaction` approach). Models with higher-order
#'     constructs are not supported yet (an error of class
#'     `iecpls_unsupported_error`).}
#'   \item{Model syntax with values}{The model syntax of [parse_model()]
#'     with every value written in front of its name, as in lavaan:
#'     \itemize{
#'       \item `A =~ 0.8*a1 + 0.7*a2`: standardized loadings, strictly
#'         between -1 and 1; the indicator is `0.8 * A + sqrt(1 - 0.8^2) *
#'         error`.
#'       \item `F <~ 0.6*f1 + 0.5*f2`: the weights of a composite, scaled so
#'         that it has variance 1 (as PLS scales its weights). Its indicators
#'         are uncorrelated unless `f1 ~~ 0.4*f2` gives their correlation.
#'       \item `C ~ 0.4*A + 0.25*B + -0.1*A:B`: standardized paths, and the
#'         value of an interaction term: the standardized product of the two
#'         constructs enters the equation of `C` as in [iec_population()]
#'         ("The moderated population").
#'       \item `A ~~ 0.3*D`: the correlation of two exogenous constructs
#'         (0 unless given).
#'     }
#'     Every loading, weight and path needs its value (0 is allowed: a path
#'     of the model that is absent from the population, whose "power" is
#'     then the rate of false positives); a negative value is written
#'     `+ -0.2*x`. The model fitted is by default the same syntax without
#'     the values. Errors in the model are syntax errors as for
#'     [parse_model()]; errors in the values are of class
#'     `iecpls_population_error` and name the line, construct or indicator:
#'     a missing or non-numeric value, a loading outside (-1, 1), `~~`
#'     between anything but two exogenous constructs or two indicators of
#'     one composite, correlations that are not positive definite, or paths
#'     that would explain all of an endogenous construct's variance (an R^2
#'     of 1 or more, leaving its disturbance a negative variance).}
#' }
#'
#' @section What is simulated:
#' For a fitted model or syntax with values, the latent variables are
#' standardized and normal: the exogenous constructs with their
#' correlations, and every endogenous construct its paths times its
#' predictors plus an independent normal disturbance with variance one less
#' its R^2, so that it has variance 1 and the population's standardized
#' paths are exactly the values given (the fit's path coefficients); an
#' interaction adds its standardized product term as in [iec_population()].
#' The indicators are continuous, with no missing values:
#' \itemize{
#'   \item of a reflective (Mode A) construct, `loading * construct +
#'     sqrt(1 - loading^2) * error` with independent normal errors (a common
#'     factor);
#'   \item of a composite (Mode B) with weights `w` and indicator correlations
#'     `S` (the fit's observed correlations within the block, or the `~~`
#'     values), `lambda * construct + e` with the loadings `lambda = S w` and
#'     a normal `e` with covariance `S - lambda lambda'`, independent of
#'     everything else. The indicators then correlate `S` within the block,
#'     the composite `w'x` is exactly the construct, and the indicators
#'     relate to other constructs only through it (the composite model of
#'     Dijkstra 2017).
#' }
#' Without interaction terms the rows are therefore multivariate normal
#' with the model-implied indicator correlation matrix: `lambda_k P_kl
#' lambda_l'` between the blocks of constructs `k` and `l` (`P` the latent
#' correlations), `lambda lambda'` off the diagonal of a reflective block
#' and `S` within a composite. For a fit this is [pls_implied_cor()] (whose
#' `"auto"` measurement model, cSEM's convention, it follows), except in
#' how the endogenous constructs' correlations are derived: [pls_implied_cor()]
#' gives their disturbances the variances 1 - R^2 of the fit and then sets
#' their variances to 1, whereas here the disturbance takes whatever
#' variance gives the construct variance 1 with the fit's paths. The two
#' agree when the structural model reproduces the correlations of the
#' predictors of each construct, as when every endogenous construct is
#' predicted by all constructs before it.
#'
#' PLS loadings of Mode A constructs overstate, and their paths understate,
#' those of a common factor model, so in a population made from a PLS fit
#' the simulated studies' estimates (`mean_estimate`) fall short of the
#' fit's paths (`population`) and the power is on the cautious side; a fit
#' with `consistent = TRUE` (PLSc) gives consistent loadings and paths as
#' the population, and its studies are fitted with PLSc too.
#'
#' @param population The population: a list like [iec_population()]
#'   returns (the default), a fitted model from [pls()], or model syntax
#'   with values (a character string); see "Populations".
#' @param n Sample sizes (one or more).
#' @param reps Number of simulated studies per sample size.
#' @param R Bootstrap resamples per study (at least 2).
#' @param model Model fitted to each simulated study (syntax or a
#'   `pls_model`); by default the population's own: the fit's model, the
#'   syntax without its values, or for a list the extended study model
#'   [iec_model()].
#' @param alpha Significance level (two-sided).
#' @param missing Missing-value rule passed to [pls()]: `"mean"`,
#'   `"casewise"` or `"em"`, or `"fail"` for a population without
#'   nonresponse.
#' @param cores Threads for each bootstrap. By default the option `iecpls.cores`, else 1;
#'   capped by the thread policy that [pls_threads()] reports.
#' @param ordinal Passed to [pls()]: `TRUE` fits every simulated study with
#'   its answers as ordinal indicators (OrdPLS, or OrdPLSc for a population
#'   fitted with PLSc), whose bootstrap re-estimates the polychoric
#'   correlations in each resample; needs `missing = "casewise"` (or
#'   `"fail"`) when the population has nonresponse. `FALSE` (the default)
#'   uses the answers as numbers.
#' @return A data frame of class `pls_power` with one row per path
#'   (interaction terms' paths, `"X:M -> Y"`, included) and sample size:
#'   `path`, `n`, `population` (the population path coefficient, or value of
#'   the interaction; 0 for a path the population does not have, `NA` for
#'   constructs it does not have), `mean_estimate`, `power` (share of studies in which the
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
#' @references
#' Dijkstra, T. K. (2017). A perfect match between a model and a mode. In
#' H. Latan and R. Noonan (eds.), *Partial Least Squares Path Modeling*,
#' 55--80. Springer. \doi{10.1007/978-3-319-64069-3_4}
#' @seealso [pls_sample_size()] for the analytic minimum sample sizes,
#'   [pls_implied_cor()] for a fit's model-implied correlations.
#' @examples
#' # The study's population (iec_population())
#' set.seed(1)
#' power <- pls_power(n = c(100, 200), reps = 5, R = 100)
#' power
#' glance(power)
#'
#' # A fitted model: its estimates are the population
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' pls_power(fit, n = 100, reps = 5, R = 100)
#'
#' # Model syntax with values
#' population <- "
#'   A =~ 0.8*a1 + 0.7*a2 + 0.75*a3
#'   B =~ 0.8*b1 + 0.8*b2 + 0.7*b3
#'   C =~ 0.85*c1 + 0.8*c2 + 0.8*c3
#'   D <~ 0.6*d1 + 0.5*d2        # a composite
#'   B ~ 0.3*A
#'   C ~ 0.4*A + 0.25*B + 0.2*D
#'   A ~~ 0.3*D                  # exogenous constructs correlate
#'   d1 ~~ 0.4*d2                # so do the composite's indicators
#' "
#' pls_power(population, n = c(100, 200), reps = 5, R = 100)
#' @export
pls_power <- function(population = iec_population(), n, reps = 200L, R = 500L,
                      model = NULL, alpha = 0.05, missing = "mean",
                      cores = getOption("iecpls.cores", 1L), ordinal = FALSE) {
  population <- power_population(population)
  if (!is.numeric(n) || !length(n) || anyNA(n) || any(n < 10) || any(n != round(n))) {
    abort_power_input("{.arg n} must be whole numbers of at least 10.")
  }
  check_count(reps, "reps")
  check_count(R, "R", min = 2, class = "iecpls_power_input_error")
  check_number(alpha, "alpha", above = 0, below = 1, example = 0.05, class = "iecpls_power_input_error")
  check_power_missing(missing, population)
  check_flag(ordinal, "ordinal")
  if (ordinal && missing %in% c("mean", "em")) {
    abort_power_input(c("Ordinal indicators need complete rows: use {.code missing = \"casewise\"} with {.code ordinal = TRUE}.",
                        "i" = "Polychoric correlations are estimated from complete rows."))
  }
  cores <- check_cores(cores)
  model <- as_pls_model(model %||% population[["model"]] %||% iec_model("extended"))
  check_power_model(model, population)
  base_seed <- sample.int(.Machine$integer.max - 1e6L, 1L)
  jobs <- expand.grid(rep = seq_len(reps), n = as.integer(n))
  jobs$seed <- base_seed + seq_len(nrow(jobs))
  run <- function(job) power_replicate(population, model, job$n, job$seed, R, alpha, missing, cores, ordinal)
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
  rules <- c("fail", "mean", "casewise", "em")
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
power_replicate <- function(population, model, n, seed, R, alpha, missing, cores, ordinal = FALSE) {
  with_seed(seed, tryCatch({
    data <- draw_study(n, population)
    fit <- suppressMessages(suppressWarnings(do.call(pls, c(list(model, data = data, missing = missing, ordinal = ordinal),
                                           population[["settings"]]))))
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
  ends <- power_paths(model)
  terms <- paste(ends$from, "->", ends$to)
  failed <- vapply(results, function(r) !is.null(r$failure), logical(1))
  rows <- lapply(sort(unique(jobs$n)), function(size) {
    mine <- results[jobs$n == size]
    ok <- results[jobs$n == size & !failed]
    found <- vapply(ok, function(r) r$found[match(terms, r$term)], logical(length(terms)))
    estimate <- vapply(ok, function(r) r$estimate[match(terms, r$term)], numeric(length(terms)))
    found <- matrix(found, nrow = length(terms))
    estimate <- matrix(estimate, nrow = length(terms))
    power <- rowMeans(found)
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

# The paths of the model fitted to each study: its structural paths and
# those of its interaction terms ("X:M -> Y"), in the order of the fit's.
power_paths <- function(model) {
  if (has_interactions(model) && is.null(model$stages)) model <- expand_interactions(model, "two_stage")
  model_paths(model)
}

# The population value of each path `from -> to`: 0 for constructs of the
# population without that path, NA for constructs it does not have. An
# interaction term "X:M" takes the value of the interaction of X and M (in
# either order) on the outcome.
population_path <- function(population, ends) {
  paths <- population$paths
  known <- ends$from %in% rownames(paths) & ends$to %in% colnames(paths)
  out <- rep(NA_real_, nrow(ends))
  out[known] <- paths[cbind(ends$from[known], ends$to[known])]
  interactions <- population_interactions(population)
  for (i in which(grepl(":", ends$from, fixed = TRUE))) {
    factors <- strsplit(ends$from[i], ":", fixed = TRUE)[[1L]]
    same <- interactions$to == ends$to[i] &
      ((interactions$from == factors[1L] & interactions$moderator == factors[2L]) |
         (interactions$from == factors[2L] & interactions$moderator == factors[1L]))
    known <- all(c(factors, ends$to[i]) %in% rownames(paths))
    out[i] <- if (any(same)) interactions$value[which(same)[1L]] else if (known) 0 else NA_real_
  }
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
