#' Prediction-oriented segmentation (PLS-POS)
#'
#' Finds `segments` groups of respondents whose PLS path models explain
#' their outcomes better than one model for all: the prediction-oriented
#' segmentation of Becker, Rai, Ringle and Voelckner (2013). Each segment has
#' its own measurement and structural model (the model and settings of
#' `fit`, fitted by the package's kernel on the segment's cases), and cases
#' are moved between segments while the sum of the segments' \eqn{R^2}
#' grows.
#'
#' @section Objective and distance:
#' The **objective** is the sum over segments of the sum of the \eqn{R^2}
#' of the endogenous constructs. A segment's model is fitted from the
#' indicator correlations of its cases (kept as running cross-products, so
#' moving a case changes two segments' sums by one case each). A case's
#' **distance** to segment \eqn{k} is computed from its indicators
#' standardized with \eqn{k}'s means and standard deviations, its scores
#' formed with \eqn{k}'s outer weights, and its squared residual
#' \eqn{e^2_{ib}} in each endogenous construct \eqn{b} under \eqn{k}'s
#' path coefficients: \eqn{d_{ik} = \sum_b \sqrt{e^2_{ib} / \sum_j
#' e^2_{jb}}}, the sum over all cases \eqn{j} (a construct whose residuals
#' are all zero is left out), as in seminrExtras's
#' `compute_pos_distances()`.
#'
#' @section Search and stopping rules:
#' Each of the `starts` random starts:
#' 1. draws a random partition from its own random stream: `min_size`
#'    cases for each segment and every other case to a segment drawn
#'    uniformly, then the labels shuffled (as seminrExtras's
#'    `random_partition()` does with R's generator), and fits each segment;
#'    a start whose segment cannot be fitted is dropped;
#' 2. moves every case to the segment at the smallest distance (as
#'    seminrExtras does), and keeps this partition if every segment still
#'    has `min_size` cases and can be fitted (otherwise the random partition
#'    stays). Its objective is the first element of `history`;
#' 3. runs passes. A pass computes the distances under the current segment
#'    models and lists the **candidates**: the cases for which another
#'    segment is closer than their own, each with the closest other segment,
#'    in decreasing order of the distance gained. It tries up to
#'    `search_depth` candidates in turn (every candidate tried counts,
#'    including those skipped because their segment would fall below
#'    `min_size` cases): the case is moved, both affected segments are
#'    refitted, and the move is kept if the objective increases (strictly),
#'    and reverted otherwise (or when a refit fails). The list, the targets
#'    and the distances stay those of the start of the pass, while the
#'    segment models change with every kept move. The objective after the
#'    pass is appended to `history`, which therefore never decreases;
#' 4. stops when a pass keeps no move (or finds no candidate: `converged`
#'    is `TRUE`) or after `max_iter` passes.
#'
#' The start with the largest objective (the first of equals) is returned.
#'
#' Unlike seminrExtras's `assess_pos()`, whose pass ends at the first move
#' that improves the objective (then the distances are recomputed, and
#' `max_iter` bounds the number of moves), a pass here goes on through its
#' candidate list after a kept move, so `max_iter` bounds the number of
#' passes; a start whose distance-based partition is unusable keeps its
#' random partition instead of being dropped; the distances use each
#' segment's own scores (seminrExtras uses the scores of the model fitted to
#' all cases with the segment's path coefficients); and the random streams
#' are those of `seed` (one L'Ecuyer-CMRG stream per start, see below), not
#' `set.seed(seed)`, so the two packages' starts differ.
#'
#' @section Reproducibility and threads:
#' The search runs in C: each tentative move updates the two affected
#' segments' cross-products by one case and refits both with the package's
#' kernel. Start \eqn{s} draws its random partition from the \eqn{s}-th
#' MRG32k3a stream seeded from `seed` (or from one draw of the session's
#' generator), and the search itself is deterministic, so the result depends
#' on `seed` only, not on `cores`: the starts run in OpenMP threads, one per
#' thread at a time, and R can be interrupted between these batches.
#' The returned `start` is the random partition of the returned start.
#'
#' @section Supported fits:
#' Fits from data with Pearson correlations of the indicators (missing
#' values: as `fit` treated them), unweighted, of models without interaction
#' terms or higher-order constructs. Fits from a correlation matrix, with
#' case weights, with `missing = "em"`, ordinal indicators or Spearman
#' correlations, and multi-stage models are refused with an error of class
#' `iecpls_unsupported_error` (or `iecpls_needs_data`).
#'
#' @param fit A `pls_fit` from [pls()], fitted from data.
#' @param segments Number of segments, at least 2.
#' @param starts Number of random starts of the search.
#' @param max_iter Largest number of passes of a start.
#' @param search_depth Largest number of candidate cases a pass tries;
#'   `NULL` (the default): the number of cases.
#' @param min_size Smallest number of cases of a segment; `NULL` (the
#'   default): the larger of 10 and 2 plus the largest number of predictors
#'   of a construct or indicators of a Mode B block (seminrExtras: 10 and 2
#'   plus the largest number of predictors).
#' @param seed `NULL` (draw the seed of the random streams from the
#'   session's generator) or a number that fixes the starts.
#' @param cores Number of OpenMP threads (the starts run in parallel). By
#'   default the option `iecpls.cores`, else 1.
#' @return An object of class `c("pls_pos", "pls_segments")`, a list with
#' \describe{
#'   \item{`segment`}{the segment (1 to `segments`) of each row of
#'     `fit$scores`.}
#'   \item{`sizes`}{the number of cases of each segment.}
#'   \item{`objective`}{the objective of the returned partition.}
#'   \item{`start`}{the random partition the returned start began from.}
#'   \item{`history`}{the objective of the returned start before the first
#'     pass and after each pass.}
#'   \item{`converged`, `passes`}{whether the returned start stopped because
#'     a pass kept no move, and its number of passes.}
#'   \item{`objectives`}{the final objective of every start (`NA` for a
#'     dropped start).}
#'   \item{`fits`}{a `pls_fit` per segment: [pls()] on the segment's rows
#'     (with missing values replaced as `fit` replaced them).}
#'   \item{`paths`}{a data frame: `segment`, `from`, `to`, `estimate`.}
#'   \item{`r2`}{a data frame: `segment`, `construct`, `r2`.}
#'   \item{`fit`}{the original fit.}
#'   \item{`settings`}{`segments`, `starts`, `max_iter`, `search_depth`,
#'     `min_size`.}
#'   \item{`seeds`}{the streams of the starts (6 x `starts`).}
#' }
#' `tidy()` and `as.data.frame()` give the path table with the full-sample
#' estimate added (`what = "paths"`), the \eqn{R^2} table (`what = "r2"`)
#' or the segment sizes (`what = "sizes"`); `glance()` one row: `segments`,
#' `nobs`, `objective`, `objective_full` (the sum of \eqn{R^2} of `fit`),
#' `converged`, `passes`, `smallest` (segment size). `plot()` draws the
#' objective over the passes.
#' @references
#' Becker, J.-M., Rai, A., Ringle, C. M., and Voelckner, F. (2013).
#' Discovering unobserved heterogeneity in structural equation models to
#' avert validity threats. *MIS Quarterly*, 37(3), 665--694.
#' \doi{10.25300/MISQ/2013/37.3.01}
#' @seealso [pls_mga()] to compare groups known in advance.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Satisfaction ~ Image
#' ", data = mobi)
#' pos <- pls_pos(fit, segments = 2, starts = 2, max_iter = 5, seed = 1)
#' pos
#' tidy(pos)
#' glance(pos)
#' @export
pls_pos <- function(fit, segments = 2L, starts = 10L, max_iter = 100L, search_depth = NULL, min_size = NULL,
                    seed = NULL, cores = getOption("iecpls.cores", 1L)) {
  check_pos_fit(fit)
  check_count(segments, "segments", min = 2)
  check_count(starts, "starts")
  check_count(max_iter, "max_iter")
  cores <- check_cores(cores)
  problem <- pos_problem(fit)
  n <- ncol(problem$zt)
  if (is.null(search_depth)) search_depth <- n
  check_count(search_depth, "search_depth")
  min_size <- pos_min_size(fit$model, min_size, n, segments)
  seeds <- with_seed(seed, chunk_seeds(starts))
  settings <- list(segments = as.integer(segments), starts = as.integer(starts), max_iter = as.integer(max_iter),
                   search_depth = as.integer(min(search_depth, n)), min_size = as.integer(min_size))
  run <- c_pos(problem, settings, seeds, cores)
  objectives <- ifelse(run$ok, run$objective, NA_real_)
  if (all(is.na(objectives))) {
    abort_estimation(c("No start of PLS-POS gave {segments} segments that can be estimated.",
                       "i" = "Try fewer segments or a larger {.arg min_size}."), class = "iecpls_pos_error")
  }
  s <- which.max(objectives)
  best <- list(labels = run$labels[, s], start = run$start[, s], objective = run$objective[s],
               history = run$history[seq_len(run$passes[s] + 1L), s], converged = run$converged[s],
               passes = run$passes[s])
  pos_result(fit, problem, best, objectives, settings, seeds)
}

# --- Checks ---------------------------------------------------------------

check_pos_fit <- function(fit) {
  if (!inherits(fit, "pls_fit")) abort_input("{.arg fit} must be a {.cls pls_fit} from {.fn pls}.")
  if (is.null(fit$data)) {
    abort_input("{.fn pls_pos} needs the data: {.arg fit} was fitted from a correlation matrix.",
                class = "iecpls_needs_data")
  }
  check_no_source(fit, "{.fn pls_pos}")
  if (!is.null(fit$model$stages) || has_hoc(fit$model)) {
    abort_model(c("{.fn pls_pos} does not support models with interaction terms or higher-order constructs yet.",
                  "i" = "Segment the model without them."), class = "iecpls_unsupported_error")
  }
  if (isTRUE(fit$settings$weighted) || !is.null(fit$case_weights)) {
    abort_input("{.fn pls_pos} does not support fits with case weights yet.", class = "iecpls_unsupported_error")
  }
  if (!any(fit$model$inner != 0)) {
    abort_model("{.fn pls_pos} needs a structural model: {.arg fit} has no paths.", class = "iecpls_unsupported_error")
  }
  invisible(fit)
}

# The smallest segment: the user's or max(10, minimum_group_size()), and
# room for `segments` of them.
pos_min_size <- function(model, min_size, n, segments) {
  floor <- minimum_group_size(model)
  if (is.null(min_size)) min_size <- max(10L, floor)
  check_count(min_size, "min_size")
  if (min_size < floor) {
    abort_input(c("{.arg min_size} must be at least {floor} for this model, not {min_size}.",
                  "i" = "A segment needs more cases than its largest regression has coefficients, plus one."))
  }
  if (n < segments * min_size) {
    abort_data("{n} case{?s} cannot form {segments} segments of at least {min_size} cases each.",
               class = "iecpls_too_few_cases")
  }
  as.integer(min_size)
}

# --- The search -------------------------------------------------------------

# What every start reads: the fit's standardized data (p x n, block order),
# the kernel's specification, and the structural model.
pos_problem <- function(fit) {
  model <- fit$model
  settings <- fit$settings
  standardized <- c_standardize(fit)
  block <- rep(seq_along(model$blocks), lengths(model$blocks))
  endogenous <- which(colSums(model$inner != 0) > 0)
  zt <- unname(standardized$zt)
  storage.mode(zt) <- "double"
  list(zt = zt, rows = standardized$rows, model = model, block = block,
       endogenous = endogenous,
       spec = model_spec(model, settings$scheme, settings$tol, settings$max_iter, isTRUE(settings$consistent)))
}

# --- The result -------------------------------------------------------------

pos_result <- function(fit, problem, best, objectives, settings, seeds) {
  K <- settings$segments
  names <- paste("Segment", seq_len(K))
  rows <- problem$rows
  groups <- list(names = names, labels = names[best$labels], prepared = prepared_data(fit, rows),
                 case_weights = NULL)
  fits <- fit_groups(fit, groups)
  names(fits) <- NULL
  inner <- which(fit$model$inner != 0, arr.ind = TRUE)
  constructs <- fit$model$constructs
  paths <- do.call(rbind, lapply(seq_len(K), function(k) {
    data.frame(segment = k, from = constructs[inner[, 1]], to = constructs[inner[, 2]],
               estimate = fits[[k]]$path_coef[inner], stringsAsFactors = FALSE)
  }))
  endogenous <- constructs[problem$endogenous]
  r2 <- do.call(rbind, lapply(seq_len(K), function(k) {
    data.frame(segment = k, construct = endogenous, r2 = unname(fits[[k]]$r2[endogenous]),
               stringsAsFactors = FALSE)
  }))
  structure(list(segment = as.integer(best$labels), start = as.integer(best$start), sizes = tabulate(best$labels, K), objective = best$objective,
                 history = best$history, converged = best$converged, passes = best$passes,
                 objectives = objectives, fits = fits, paths = remove_row_names(paths),
                 r2 = remove_row_names(r2), fit = fit, settings = settings, seeds = seeds, nobs = length(best$labels)),
            class = c("pls_pos", "pls_segments"))
}

#' @export
print.pls_pos <- function(x, digits = 3, ...) {
  s <- x$settings
  cat_wrapped("PLS-POS: ", s$segments, " segments of ", x$nobs, " cases (best of ", s$starts, " start",
              if (s$starts > 1) "s", ", ", x$passes, " pass", if (x$passes != 1) "es",
              if (x$converged) ", converged" else ", stopped at max_iter", ")")
  cat_wrapped("Objective (sum of R-squared): ", format(round(x$objective, digits), nsmall = digits),
              " (one model for all cases: ", format(round(sum(x$fit$r2), digits), nsmall = digits), ")")
  cat("\nSegment sizes:\n")
  print_wide(data.frame(segment = paste("Segment", seq_along(x$sizes)), cases = x$sizes,
                        share = round(x$sizes / sum(x$sizes), digits), stringsAsFactors = FALSE), digits)
  cat("\nPath coefficients:\n")
  print_wide(pos_wide(x, "paths"), digits)
  cat("\nR-squared:\n")
  print_wide(pos_wide(x, "r2"), digits)
  invisible(x)
}

# The paths (or R^2) with one column per segment and the full-sample value.
pos_wide <- function(x, what) {
  K <- x$settings$segments
  if (what == "paths") {
    table <- x$paths
    first <- table[table$segment == 1L, ]
    out <- data.frame(path = paste(first$from, "->", first$to), stringsAsFactors = FALSE)
    full <- x$fit$path_coef[cbind(first$from, first$to)]
    value <- "estimate"
  } else {
    table <- x$r2
    first <- table[table$segment == 1L, ]
    out <- data.frame(construct = first$construct, stringsAsFactors = FALSE)
    full <- unname(x$fit$r2[first$construct])
    value <- "r2"
  }
  for (k in seq_len(K)) out[[paste0("segment_", k)]] <- table[[value]][table$segment == k]
  out$all <- full
  out
}

#' @rdname pls_pos
#' @param x A `pls_pos` result.
#' @param what Which table: `"paths"`, `"r2"` or `"sizes"`.
#' @param ... Not used.
#' @export
tidy.pls_pos <- function(x, what = c("paths", "r2", "sizes"), ...) {
  what <- match_arg(what)
  if (what == "sizes") {
    return(data.frame(segment = seq_along(x$sizes), cases = x$sizes, share = x$sizes / sum(x$sizes)))
  }
  if (what == "r2") {
    out <- x$r2
    out$r2_all <- unname(x$fit$r2[out$construct])
    return(out)
  }
  out <- x$paths
  out$term <- paste(out$from, "->", out$to)
  out$estimate_all <- x$fit$path_coef[cbind(out$from, out$to)]
  out[c("segment", "term", "from", "to", "estimate", "estimate_all")]
}

#' @rdname pls_pos
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_pos <- function(x, row.names = NULL, optional = FALSE, what = c("paths", "r2", "sizes"), ...) {
  tidy.pls_pos(x, what = match_arg(what))
}

#' @rdname pls_pos
#' @export
glance.pls_pos <- function(x, ...) {
  data.frame(segments = x$settings$segments, nobs = x$nobs, objective = x$objective,
             objective_full = sum(x$fit$r2), converged = x$converged, passes = x$passes,
             smallest = min(x$sizes))
}

#' @rdname pls_pos
#' @export
plot.pls_pos <- function(x, ...) {
  passes <- seq_along(x$history) - 1L
  graphics::plot(passes, x$history, type = "b", pch = 19, xlab = "Pass", ylab = "Sum of R-squared",
                 main = paste("PLS-POS objective,", x$settings$segments, "segments"), ...)
  invisible(x$history)
}
