# The only file that calls into C. It turns a parsed model into the integer
# specification the kernel reads, and turns C status codes into errors that
# name the construct or indicator concerned.

pls_schemes <- c("path", "factorial", "centroid")

model_spec <- function(model, scheme, tol, max_iter, consistent = FALSE) {
  sizes <- lengths(model$blocks, use.names = FALSE)
  inner <- model$inner
  storage.mode(inner) <- "integer"
  list(
    block_start = as.integer(c(0L, cumsum(sizes))),
    mode = as.integer(model$modes == "B"),
    inner = inner,
    scheme = match(scheme, pls_schemes) - 1L,
    tol = as.double(tol),
    max_iter = as.integer(max_iter),
    consistent = isTRUE(consistent)
  )
}

# Case weights as the C code reads them. Their scale does not change the
# estimates, and above 2^53 a sum of weights minus 1 (the variance
# denominator) is the sum itself in double precision; so weights whose
# largest exceeds 2^55 are divided by a power of 2 that brings it below 2^55
# (and the sum above 2^54). Every sum, mean and variance is then the same to
# the last bit, and weights such as 1e306 times squared deviations no
# longer overflow. (Weights below the largest times the machine epsilon are
# already zero: check_case_weights().)
c_case_weights <- function(case_weights) {
  if (is.null(case_weights)) return(NULL)
  case_weights <- as.double(case_weights)
  largest <- max(case_weights)
  if (largest >= 2^55) case_weights <- case_weights / 2^(floor(log2(largest)) - 54)
  case_weights
}

# Fit from data columns (a list of integer/double vectors in block order, or
# a matrix read in place: see in_place_matrix()).
c_fit_data <- function(model, columns, case_weights, missing, spec) {
  missing_code <- match(missing, c("fail", "mean", "casewise")) - 1L
  in_place <- inherits(columns, "pls_in_place")
  out <- .Call(C_iecpls_fit_data, if (in_place) columns$matrix else columns, if (in_place) columns$index,
               c_case_weights(case_weights), missing_code, spec)
  # missing values are found in C, in the same pass as the moments; the
  # message listing every affected column is built only on this error path
  if (out$status == 8L) abort_missing_values(column_list(columns))
  if (out$status == 9L) abort_infinite_values(column_list(columns))
  # status 4 before the correlation matrix exists comes from standardizing a
  # column (the index is then an indicator, not a construct)
  if (out$status == 4L && is.null(out$cor)) abort_overflow(column_list(columns), out$status_index)
  stop_on_status(out, model)
  out
}

# Fit from an indicator correlation matrix in block order.
c_fit_cor <- function(model, S, spec) {
  storage.mode(S) <- "double"
  out <- .Call(C_iecpls_fit_cor, S, spec)
  stop_on_status(out, model)
  out
}

stop_on_status <- function(out, model) {
  status <- out$status
  if (status == 0L) return(invisible())
  index <- out$status_index
  construct <- if (index > 0L) model$constructs[index] else NA_character_
  indicator <- if (index > 0L) model$indicators[index] else NA_character_
  switch(as.character(status),
    "1" = cli::cli_abort(c(
      "The indicators of composite {.field {construct}} ({.val {model$blocks[[construct]]}}) are perfectly collinear.",
      "i" = "Mode B regresses the construct on its indicators, which needs their correlation matrix to be nonsingular.",
      "i" = "Drop a redundant indicator or estimate {.field {construct}} in Mode A (modes = c({construct} = \"A\"))."
    ), call = NULL),
    "2" = cli::cli_abort(c(
      "The score of construct {.field {construct}} has zero variance.",
      "i" = "Its inner proxy is uncorrelated with all of its indicators ({.val {model$blocks[[construct]]}})."
    ), call = NULL),
    "3" = cli::cli_abort(c(
      "The predecessors of construct {.field {construct}} ({.field {predecessors(model, construct)}}) have perfectly collinear scores.",
      "i" = "Its path coefficients cannot be estimated; check the structural model for redundant constructs."
    ), call = NULL),
    "4" = cli::cli_abort(c(
      "Non-finite values arose while estimating construct {.field {construct}}.",
      "i" = "Check the data or correlation matrix for extreme or degenerate values."
    ), call = NULL),
    "5" = cli::cli_abort(c(
      "Indicator {.var {indicator}} has zero variance (every respondent gave the same answer).",
      "i" = "An indicator must vary to carry information about its construct; drop it from the model."
    ), call = NULL),
    "6" = cli::cli_abort("Fewer than two usable rows (or a total case weight of at most 1): nothing to estimate.", call = NULL),
    "7" = cli::cli_abort("Indicator {.var {indicator}} has no observed value.", call = NULL),
    "8" = cli::cli_abort("Indicator {.var {indicator}} has missing values; use {.code missing = \"mean\"} or {.code missing = \"casewise\"}.", call = NULL),
    "9" = cli::cli_abort("Indicator {.var {indicator}} has infinite values.", call = NULL),
    cli::cli_abort("Internal error: unknown status {status} from the C core.", call = NULL)
  )
}

predecessors <- function(model, construct) {
  model$constructs[model$inner[, construct] != 0]
}

# Standardized data (transposed, p x n) of the rows a fit used, for the
# resampling loops and group comparisons, with their case weights and
# `rows`, their row numbers in fit$data. Rows of weight zero are left out:
# they are as if absent (the bootstrap does not draw them, a group does not
# count them), and the other rows standardize the same without them.
c_standardize <- function(fit) {
  missing_code <- match(fit$settings$missing, c("fail", "mean", "casewise")) - 1L
  data <- fit$data
  index <- if (is.matrix(data)) match(fit$model$indicators, colnames(data))
  out <- .Call(C_iecpls_standardize, if (is.null(index)) as.list(data) else data, index,
               c_case_weights(fit$case_weights), missing_code)
  stop_on_status(out, fit$model)
  rows <- if (is.null(fit$rows_used)) seq_len(nrow(fit$data)) else which(fit$rows_used)
  weights <- out$case_weights
  if (is.null(weights) || all(weights > 0)) return(list(zt = out$zt, case_weights = weights, rows = rows))
  positive <- weights > 0
  list(zt = out$zt[, positive, drop = FALSE], case_weights = weights[positive], rows = rows[positive])
}

# Runs bootstrap chunks; `problem` holds everything that is the same for all
# chunks (see boot_problem()). Also what a future evaluates on a worker.
c_bootstrap <- function(problem, seeds, sizes, threads) {
  .Call(C_iecpls_bootstrap, problem$zt, problem$case_weights, problem$spec, problem$stat_spec,
        seeds, sizes, problem$sign_code, problem$original_loadings, isTRUE(problem$keep_inadmissible),
        as.integer(threads))
}

# Moments of all rows, list(cross, sums, total), for the jackknife.
c_full_moments <- function(problem) .Call(C_iecpls_full_moments, problem$zt, problem$case_weights)

# Leave-one-out fits of the cases in chunks starting at first_cases
# (0-based) with `sizes` cases each; one row per case, in chunk order.
c_jackknife <- function(problem, moments, first_cases, sizes, threads) {
  .Call(C_iecpls_jackknife, problem$zt, problem$case_weights, problem$spec, problem$stat_spec,
        problem$sign_code, problem$original_loadings, isTRUE(problem$keep_inadmissible), moments,
        as.integer(first_cases),
        as.integer(sizes), as.integer(threads))
}

c_stream_unif <- function(seed, n) .Call(C_iecpls_stream_unif, as.integer(seed), as.double(n))

# Stacks the rows of the pieces of a batched run, list(list(stats, status),
# ...), in C (rbind copies element by element).
c_merge_rows <- function(pieces) .Call(C_iecpls_merge_rows, pieces)

# Per-parameter mean, SE, percentile and BCa limits of bootstrap draws
# (q x 6 matrix).
c_boot_summary <- function(draws, valid, estimate, jackknife, level) {
  .Call(C_iecpls_boot_summary, draws, valid, as.double(estimate), jackknife, as.double(level))
}

# Benchmark only (bench/run.R): draws and cross-products of the resamples,
# no fits. The benchmark's limit rows: draws and cross-products only, by this
# package's accumulation ("tuned"), the plain one-row-at-a-time weighted
# accumulation ("plain") or BLAS dsyrk on the gathered rows ("dsyrk").
c_bootstrap_floor <- function(problem, seeds, sizes, method = c("tuned", "plain", "dsyrk")) {
  method <- match(match.arg(method), c("tuned", "plain", "dsyrk")) - 1L
  .Call(C_iecpls_bootstrap_floor, problem$zt, seeds, sizes, method)
}

# Group comparisons (src/permutation.c). `problem` (see group_problem())
# holds the standardized data of the compared rows, their group labels
# (0-based) and, for MICOM, the pooled fit's outer weights.
c_group_fits <- function(problem) {
  .Call(C_iecpls_group_fits, problem$zt, problem$case_weights, problem$spec, problem$stat_spec,
        problem$labels, problem$score_weights)
}

# Runs permutation chunks; also what a future evaluates on a worker.
c_permutation <- function(problem, seeds, sizes, threads) {
  .Call(C_iecpls_permutation, problem$zt, problem$case_weights, problem$spec, problem$stat_spec,
        problem$labels, problem$score_weights, seeds, sizes, as.integer(threads))
}

# Likely missing-value codes of each column (src/screen.c): a matrix with a
# column per data column, rows: the range of the other values, the codes
# (NA-padded), their counts.
c_missing_codes <- function(columns) {
  if (inherits(columns, "pls_in_place")) {
    return(.Call(C_iecpls_missing_codes, columns$matrix, as.integer(columns$index)))
  }
  .Call(C_iecpls_missing_codes, unname(columns), NULL)
}
