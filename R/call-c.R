# The only file that calls into C. It turns a parsed model into the integer
# specification the kernel reads, and turns C status codes into errors that
# name the construct or indicator concerned.

# The codes R and C share (src/call_codes.c), read from C once per session:
# `status` (a data frame: code, name, index, class, family, reason, message)
# and named integer codes `scheme`, `mode`, `missing`, `sign_change`,
# `statistic`. R never writes one of these codes as a literal.
c_codes <- local({
  cache <- NULL
  function() {
    if (is.null(cache)) {
      codes <- .Call(C_iecpls_codes)
      codes$status <- as.data.frame(codes$status, stringsAsFactors = FALSE)
      cache <<- codes
    }
    cache
  }
})

# The code of a status by name, e.g. status_code("inadmissible").
status_code <- function(name) {
  table <- c_codes()$status
  code <- table$code[match(name, table$name)]
  if (anyNA(code)) cli::cli_abort("Internal error: unknown status {.val {name[is.na(code)]}}.",
                                  class = c("iecpls_internal_error", "iecpls_error"), call = NULL)
  code
}

# Whether statuses are those of a valid fit or resample.
status_ok <- function(status) status == status_code("ok")

# The code of a scheme, mode, missing-value rule or sign change by name.
c_code <- function(kind, name) unname(c_codes()[[kind]][name])

model_spec <- function(model, scheme, tol, max_iter, consistent = FALSE) {
  sizes <- lengths(model$blocks, use.names = FALSE)
  inner <- model$inner
  storage.mode(inner) <- "integer"
  spec <- list(
    block_start = as.integer(c(0L, cumsum(sizes))),
    mode = c_code("mode", model$modes),
    inner = inner,
    scheme = c_code("scheme", scheme),
    tol = as.double(tol),
    max_iter = as.integer(max_iter),
    consistent = isTRUE(consistent)
  )
  # a model with interaction terms is estimated in stages (src/staged.c);
  # PLSc does not treat their product terms as common factors
  if (has_hoc(model) && !is.null(model$stages)) {
    spec$staged <- hoc_spec(model, scheme, tol, max_iter, consistent)
  } else if (!is.null(model$stages)) {
    spec$staged <- staged_spec(model, scheme, tol, max_iter)
    spec$composite <- as.integer(is_interaction(model))
  }
  spec
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
  in_place <- inherits(columns, "pls_in_place")
  out <- .Call(C_iecpls_fit_data, if (in_place) columns$matrix else columns, if (in_place) columns$index,
               c_case_weights(case_weights), c_code("missing", missing), spec)
  stop_on_status(out, model, columns)
  # named here, where `out` is the only reference: no copy of the scores
  if (!is.null(out$scores)) colnames(out$scores) <- model$constructs
  out
}

# Fit of a model with interaction terms (expanded by expand_interactions())
# from the data columns of its base indicators: they are standardized as for
# any fit, then every stage is estimated in C (iecpls_fit_staged).
c_fit_staged <- function(model, columns, case_weights, missing, spec) {
  in_place <- inherits(columns, "pls_in_place")
  data <- data_model(model)
  std <- .Call(C_iecpls_standardize, if (in_place) columns$matrix else columns, if (in_place) columns$index,
               c_case_weights(case_weights), c_code("missing", missing))
  stop_on_status(std, data, columns)
  weights <- std$case_weights
  out <- .Call(C_iecpls_fit_staged, std$zt, weights, spec)
  stop_on_status(out, if (!status_ok(out$first_status)) model$stages$first %||% data else model)
  out[c("means", "sds", "rows_used")] <- std[c("means", "sds", "rows_used")]
  if (!is.null(out$scores)) colnames(out$scores) <- model$constructs
  out
}

# The derived columns (n x q) of an expanded model for data standardized
# with the fit's means and sds (zt: p0 x n), formed with the fit's `stages`
# (see with_derived()).
c_derived_values <- function(spec, stages, zt) {
  storage.mode(zt) <- "double"
  .Call(C_iecpls_derived_values, zt, spec, stages)
}

# Fit from an indicator correlation matrix in block order.
c_fit_cor <- function(model, S, spec) {
  storage.mode(S) <- "double"
  out <- .Call(C_iecpls_fit_cor, S, spec)
  stop_on_status(out, model)
  out
}

# Raises the error of a C status (src/call_codes.c: class and message template),
# naming the construct, indicator or pair of indicators (`status_index` of
# length 2) its index refers to. With the data
# `columns`, the data errors list every affected column: missing and
# infinite values are found in C, in the same pass as the moments, and the
# message naming them all is built only on this error path.
stop_on_status <- function(out, model, columns = NULL) {
  status <- out$status
  if (status_ok(status)) return(invisible())
  table <- c_codes()$status
  row <- match(status, table$code)
  if (is.na(row) || is.na(table$class[row])) {
    cli::cli_abort("Internal error: unknown status {status} from the C core.",
                   class = c("iecpls_internal_error", "iecpls_error"), call = NULL)
  }
  info <- as.list(table[row, ])
  class <- c(info$class, info$family) # the root is added where the error is raised
  index <- out$status_index
  if (!is.null(columns)) {
    detail <- switch(info$name, missing_values = abort_missing_values, infinite_values = abort_infinite_values,
                     column_overflow = function(columns, class) abort_overflow(columns, index, class))
    if (!is.null(detail)) detail(column_list(columns), class)
  }
  vars <- new.env(parent = baseenv())
  if (info$index == "construct") {
    vars$construct <- model$constructs[index]
    vars$block <- model$blocks[[index]]
    vars$predecessors <- predecessors(model, vars$construct)
  } else if (info$index == "indicator") {
    vars$indicator <- model$indicators[index[1]]
  } else if (info$index == "pair") {
    vars$indicator <- model$indicators[index[1]]
    vars$other <- model$indicators[index[2]]
  }
  lines <- strsplit(info$message, "\n")[[1]]
  message <- stats::setNames(lines, c("", rep("i", length(lines) - 1L)))
  cli::cli_abort(message, class = c(class, "iecpls_error"), call = NULL, .envir = vars)
}

predecessors <- function(model, construct) {
  model$constructs[model$inner[, construct] != 0]
}

# The detailed data errors of stop_on_status(), given the columns; `class`
# from the status table.
abort_missing_values <- function(columns, class) {
  counts <- vapply(columns, function(x) sum(is.na(x)), numeric(1))
  if (any(counts > 0)) {
    bad <- counts[counts > 0]
    nan <- sum(vapply(columns[names(bad)], function(x) sum(is.nan(x)), numeric(1)))
    cli::cli_abort(c(
      "{cli::qty(length(bad))}Indicator{?s} {.var {names(bad)}} {?has/have} missing values ({paste(bad, collapse = ', ')} respectively).",
      "i" = if (nan > 0) "{nan} of them {cli::qty(nan)}{?is/are} {.code NaN}, which is treated as missing.",
      "i" = "Use {.code missing = \"mean\"} (mean replacement) or {.code missing = \"casewise\"} (complete cases).",
      "i" = "Codes such as -99 are declared with {.arg na_values}."
    ), class = c(class, "iecpls_error"), call = NULL)
  }
  cli::cli_abort("Internal error: missing values reported but not found.",
                 class = c("iecpls_internal_error", "iecpls_error"), call = NULL)
}

abort_infinite_values <- function(columns, class) {
  rows <- lapply(columns, function(x) if (is.double(x)) which(is.infinite(x)) else integer())
  bad <- rows[lengths(rows) > 0]
  if (!length(bad)) {
    cli::cli_abort("Internal error: infinite values reported but not found.",
                   class = c("iecpls_internal_error", "iecpls_error"), call = NULL)
  }
  name <- names(bad)[1]
  first <- utils::head(bad[[1]], 5)
  cli::cli_abort(c(
    "{cli::qty(length(bad))}Indicator{?s} {.var {names(bad)}} {?has/have} infinite values ({.code Inf} or {.code -Inf}).",
    "i" = "{.var {name}}: {length(bad[[1]])} value{?s}, in row{?s} {first}{if (length(bad[[1]]) > 5) ', ...' else ''}.",
    "i" = "Recode them to {.code NA} or to valid answers."
  ), class = c(class, "iecpls_error"), call = NULL)
}

# Standardizing the index-th column failed with a non-finite variance: its
# values are too large for double precision when squared.
abort_overflow <- function(columns, index, class) {
  name <- names(columns)[index]
  largest <- format(max(abs(columns[[index]]), na.rm = TRUE), digits = 3)
  cli::cli_abort(c(
    "Indicator {.var {name}} has values too large to standardize (largest magnitude {largest}): its variance overflows.",
    "i" = "Rescale it (for example divide by a power of ten); estimates do not depend on the scale of an indicator."
  ), class = c(class, "iecpls_error"), call = NULL)
}

# Standardized data (transposed, p x n) of the rows a fit used, for the
# resampling loops and group comparisons, with their case weights and
# `rows`, their row numbers in fit$data. Rows of weight zero are left out:
# they are as if absent (the bootstrap does not draw them, a group does not
# count them), and the other rows standardize the same without them.
c_standardize <- function(fit) {
  if (has_source(fit)) return(source_problem_data(fit))
  data <- fit$data
  index <- if (is.matrix(data)) match(base_indicators(fit$model), colnames(data))
  out <- .Call(C_iecpls_standardize, if (is.null(index)) as.list(data) else data, index,
               c_case_weights(fit$case_weights), c_code("missing", fit$settings$missing))
  stop_on_status(out, data_model(fit$model))
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

# Tests only (test-boot.R, src/call_devel.c): n uniform draws of the
# MRG32k3a stream with the given six seeds.
c_stream_unif <- function(seed, n) .Call(C_iecpls_stream_unif, as.integer(seed), as.double(n))

# The statistics vector of resamples (src/statistics.c): what each column
# is, list(type, item, from, to) (see statistic_layout()), and the
# full-sample row, from the fit's estimates by the C code that writes every
# resample's row.
c_stat_layout <- function(spec, stat_spec) .Call(C_iecpls_stat_layout, spec, stat_spec)

c_fit_statistics <- function(S, spec, stat_spec, estimates) {
  .Call(C_iecpls_fit_statistics, S, spec, stat_spec, estimates)
}

# The transposed standardized data zt (p x n) transformed for the test of
# exact fit, (Z S^-1/2 Sigma^1/2)' (src/model_fit.c); 1L when S, 2L when
# Sigma is not positive definite.
c_exact_fit_transform <- function(zt, S, Sigma) .Call(C_iecpls_exact_fit_transform, zt, S, Sigma)

# T = B + B^2 + ... of a recursive model's path coefficients (or of
# inner != 0, for which pairs are joined by a chain), with B's dimnames.
c_total_effects <- function(path_coef) {
  B <- path_coef
  storage.mode(B) <- "double"
  total <- .Call(C_iecpls_total_effects, B)
  dimnames(total) <- dimnames(path_coef)
  total
}

# HTMT (or HTMT2, geometric = TRUE) of the pairs of blocks a[i], b[i]
# (1-based) of a correlation matrix in block order.
c_htmt <- function(S, block_start, a, b, absolute, geometric) {
  storage.mode(S) <- "double"
  .Call(C_iecpls_htmt, S, as.integer(block_start), as.integer(a) - 1L, as.integer(b) - 1L,
        isTRUE(absolute), isTRUE(geometric))
}

# Stacks the rows of the pieces of a batched run, list(list(stats, status),
# ...), in C (rbind copies element by element).
c_merge_rows <- function(pieces) .Call(C_iecpls_merge_rows, pieces)

# Per-parameter mean, SE, percentile and BCa limits of bootstrap draws
# (q x 6 matrix).
c_boot_summary <- function(draws, valid, estimate, jackknife, level) {
  .Call(C_iecpls_boot_summary, draws, valid, as.double(estimate), jackknife, as.double(level))
}

# Benchmark only (bench/run.R, src/call_devel.c): draws and cross-products of the resamples,
# no fits. The benchmark's limit rows: draws and cross-products only, by this
# package's accumulation ("tuned"), the plain one-row-at-a-time weighted
# accumulation ("plain") or BLAS dsyrk on the gathered rows ("dsyrk").
c_bootstrap_floor <- function(problem, seeds, sizes, method = c("tuned", "plain", "dsyrk")) {
  method <- match(match_arg(method), c("tuned", "plain", "dsyrk")) - 1L
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

# Necessary condition analysis (src/nca.c). `problem`: x (n x m double
# matrix of conditions), y (the outcome), order (n x m, each condition's
# cases in ascending order, 0-based). c_nca_ceilings() gives the ceilings
# of the observed data; c_nca_permutation() runs permutation chunks (also
# what a future evaluates on a worker).
c_nca_ceilings <- function(problem) {
  .Call(C_iecpls_nca_ceilings, problem$x, problem$y, problem$order)
}

# PLS-POS (src/pos.c): every start (a column of seeds) run in C; see
# pos_problem() for `problem`.
c_pos <- function(problem, settings, seeds, threads) {
  .Call(C_iecpls_pos, problem$zt, problem$spec, as.integer(problem$endogenous - 1L),
        as.integer(unlist(settings[c("segments", "min_size", "max_iter", "search_depth")])), seeds,
        as.integer(threads))
}

c_nca_permutation <- function(problem, seeds, sizes, threads) {
  .Call(C_iecpls_nca_permutation, problem$x, problem$y, problem$order, seeds, sizes, as.integer(threads))
}

# FIMIX-PLS (src/fimix.c): EM from each start of `init` (n x K x starts
# initial posteriors) for the equations of `problem` (fimix_problem()), and
# the posteriors of cases under given estimates.
c_fimix <- function(problem, init, control, threads) {
  .Call(C_iecpls_fimix, problem$y, problem$x, problem$eq_start, problem$intercept, init, control,
        as.integer(threads))
}

c_fimix_posterior <- function(y, x, problem, estimates) {
  .Call(C_iecpls_fimix_posterior, y, x, problem$eq_start, problem$intercept, estimates)
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

# The correlation matrix of data columns (a list of integer or double
# vectors, complete), ordinal where `categories` (one per column) is
# positive: their codes are 1 .. categories (src/ordinal.c). A list of `cor`,
# per column the `thresholds` above each category and the weighted category
# `counts` (NULL for a continuous column), `status`, `status_index` and the
# polyserial estimates `clamped` to polycor's maximum (`clamped_pair`, the
# first).
c_ordinal_cor <- function(columns, categories, case_weights) {
  .Call(C_iecpls_ordinal_cor, unname(columns), NULL, as.integer(categories), c_case_weights(case_weights))
}

# Tests only (test-ordinal-cor.R, src/call_devel.c): the bivariate standard
# normal distribution function P(X <= h, Y <= k) with correlation r.
c_bvn <- function(h, k, r) {
  n <- max(length(h), length(k), length(r))
  .Call(C_iecpls_bvn, rep_len(as.double(h), n), rep_len(as.double(k), n), rep_len(as.double(r), n))
}

# The thread policy (src/threads.c): how many threads a loop asked for
# `cores` threads would use, and the limits that decided it.
c_thread_policy <- function(cores) .Call(C_iecpls_thread_policy, as.double(cores))

# EM moments (src/em.c, src/call_em.c) of the double matrix x (NA missing),
# for NULL, a vector or an n x B matrix of case weights (one grouping of the
# rows by missingness pattern for all; weight columns run in `threads`
# threads): list(mean p x B, cov p x p x B, iterations, converged, status,
# status_index (1-based, 0 none), total_weight, change, loglik (NA unless
# asked), n_patterns).
c_em_moments <- function(x, case_weights, tol, max_iter, start = NULL, loglik = FALSE, threads = 1L) {
  storage.mode(x) <- "double"
  if (!is.null(case_weights)) storage.mode(case_weights) <- "double"
  .Call(C_iecpls_em_moments, x, case_weights, as.double(tol), as.integer(max_iter), start, isTRUE(loglik),
        as.integer(threads))
}

# x with its missing entries replaced by their conditional expectations
# under N(mean, cov): list(data, status, status_index).
c_em_impute <- function(x, mean, cov) {
  storage.mode(x) <- "double"
  .Call(C_iecpls_em_impute, x, as.double(mean), matrix(as.double(cov), nrow(cov), ncol(cov)))
}
