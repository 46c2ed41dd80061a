#' FIMIX-PLS: unobserved segments in the structural model
#'
#' Finite mixture partial least squares (Hahn, Johnson, Herrmann and Huber
#' 2002): whether the cases fall into segments with different structural
#' models that no observed variable marks. The structural regressions on the
#' construct scores of a fit are treated as a mixture of `K` segments, each
#' with its own paths, intercepts and error variances, estimated by EM from
#' several random starts for each number of segments; information criteria
#' then say how many segments the data support (Sarstedt, Becker, Ringle
#' and Schwaiger 2011).
#'
#' @section Model and estimation:
#' Segment \eqn{k} (share \eqn{\pi_k}) has, for each endogenous construct
#' \eqn{j}, the regression \eqn{y_j = a_{jk} + x_j' b_{jk} + e_{jk}} on its
#' predictors' scores with \eqn{e_{jk} \sim N(0, v_{jk})}, the equations'
#' errors independent (a diagonal residual covariance matrix, as in Hahn et
#' al.). By default (`intercepts = FALSE`) the \eqn{a_{jk}} are 0: the
#' regressions of Hahn et al. through the origin of the standardized
#' scores, as SmartPLS and Stata's plssem estimate them. With `intercepts =
#' TRUE` each segment has its own intercepts, as seminrExtras's
#' `assess_fimix()` estimates them, so segments can also differ in the
#' constructs' means.
#'
#' Each start draws the cases' initial posterior probabilities (each row
#' \eqn{n} independent standard exponential numbers divided by their sum),
#' then iterates:
#' \describe{
#'   \item{M step}{\eqn{\pi_k} is the mean of the posteriors of segment
#'     \eqn{k}; each equation's coefficients are the weighted least squares
#'     ones with the posteriors as weights, and \eqn{v_{jk}} the weighted mean
#'     of the squared residuals (the ML estimate; at least \eqn{100} times
#'     the machine epsilon);}
#'   \item{E step}{the log-likelihood \eqn{\ln L = \sum_i \ln \sum_k \pi_k
#'     \prod_j \phi(y_{ij}; \mu_{ijk}, v_{jk})} and the posteriors, each at
#'     least the machine epsilon (the row renormalized),}
#' }
#' until \eqn{\ln L} changes by less than `tol` (the start converged) or
#' `max_iter` iterations have run. A start fails when a segment's expected
#' size (the sum of its posteriors) falls below the number of coefficients
#' of the largest equation plus one, when its weighted predictors are
#' collinear, or when it fits an equation almost perfectly (an error
#' variance below \eqn{10^{-4}} of the outcome's variance over all cases):
#' such a degenerate segment closes in on cases with the same score (such
#' as answers at the end of the scale) and the likelihood grows without
#' bound, so its criteria would favour it for no reason. The solution for `K` segments is the converged start with the
#' largest \eqn{\ln L} (else, with a warning, the best start that did not
#' fail). Segments are numbered by decreasing \eqn{\pi_k}; each case
#' belongs to the segment of its largest posterior. `K = 1` is the single
#' regression of each equation (one start).
#'
#' This is the algorithm of seminrExtras's `assess_fimix()`, and with the
#' same `seed` the starts are its starts (R's default generator,
#' `set.seed(seed)` before the starts of each `K`): with `intercepts =
#' TRUE` the package tests check the log-likelihood, criteria, shares,
#' paths, intercepts, variances and posteriors against it on the corporate
#' reputation model at 1e-6. One definition differs: seminrExtras 1.0.4
#' computes MDL5 as \eqn{-2\ln L + (Q/2)\ln n}, without the factor 5 of
#' Liang et al. (1992) that SmartPLS and plssem use.
#'
#' @section Choosing the number of segments:
#' With \eqn{Q} free parameters, \eqn{Q = (K - 1) + K R + K P} for \eqn{R}
#' paths and \eqn{P} endogenous constructs (\eqn{K - 1} shares, and per
#' segment the paths and an error variance per equation; plus \eqn{K P}
#' intercepts with `intercepts = TRUE`), and \eqn{n} cases:
#' \eqn{AIC = -2\ln L + 2Q}, \eqn{AIC3 = -2\ln L + 3Q},
#' \eqn{AIC4 = -2\ln L + 4Q}, \eqn{BIC = -2\ln L + Q\ln n},
#' \eqn{CAIC = -2\ln L + Q(\ln n + 1)}, \eqn{HQ = -2\ln L + 2Q\ln\ln n},
#' \eqn{MDL5 = -2\ln L + 5Q\ln n} (Liang, Jaszczak and Coleman 1992), and the normed
#' entropy \eqn{EN = 1 - \sum_i\sum_k -\tau_{ik}\ln\tau_{ik} / (n \ln K)}
#' (NA for one segment). Smaller criteria are better. Sarstedt et al.
#' (2011) found AIC3 and CAIC jointly the most reliable: when they point to
#' the same number of segments, that number is well supported; AIC4 and
#' BIC are the next best. The segments separate well enough to be
#' interpreted when \eqn{EN \ge 0.5}. The result's `selected` is the
#' number AIC3 and CAIC agree on, or, when they disagree, the smaller of the
#' two (with a note in the printout): the case memberships `segment` are
#' that solution's. A solution with a segment of less than about 10% of the
#' cases, or more segments than can be explained ex post, is rarely useful
#' (Hair et al. 2018); [pls_explain_segments()] cross-tabulates the
#' segments with observed variables.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data (it needs construct
#'   scores) without case weights.
#' @param segments The numbers of segments to estimate (integers from 1).
#' @param starts Random starts for each number of segments (at least 1).
#' @param tol Convergence: the largest change of the log-likelihood between
#'   iterations at which a start has converged.
#' @param max_iter Maximum number of EM iterations of a start.
#' @param intercepts `FALSE` (default) for regressions through the origin,
#'   as Hahn et al. and SmartPLS; `TRUE` for segment-specific intercepts,
#'   as seminrExtras (see "Model and estimation").
#' @param seed `NULL` (one draw from the session's generator seeds the
#'   starts; it is kept in the result) or a number that fixes the starts.
#' @param cores Number of OpenMP threads over the starts. By default the
#'   option `iecpls.cores`, else 1. The result is the same for any number.
#'   The starts run in batches of `cores`, and R can be interrupted between
#'   batches (on one thread also within a start, every 16 iterations).
#' @return An object of class `c("pls_fimix", "pls_segments")`, a list with
#' \describe{
#'   \item{`criteria`}{a data frame with one row per number of segments:
#'     `segments`, `parameters` (\eqn{Q}), `loglik`, `AIC`, `AIC3`, `AIC4`,
#'     `BIC`, `CAIC`, `HQ`, `MDL5`, `EN`, `converged` (starts that
#'     converged) and `starts`.}
#'   \item{`solutions`}{one list per number of segments (named `"K1"`,
#'     `"K2"`, ...): `K`, `pi` (shares), `sizes` (cases assigned), `segment`
#'     (each case's segment), `posterior` (cases x segments), `paths`
#'     (`segment`, `from`, `to`, `estimate`), `intercepts` and `variances`
#'     (`segment`, `construct`, `estimate`), `r2` (`segment`, `construct`,
#'     `r2`: 1 minus the error variance over the posterior-weighted
#'     variance of the construct's scores in the segment, about their
#'     weighted mean with intercepts and about 0 without, as for a
#'     regression through the origin), `loglik`,
#'     `iterations`, `status` and `starts` (a data frame of every start:
#'     `start`, `status`, `iterations`, `loglik`), and `estimates` (what
#'     `predict()` uses).}
#'   \item{`selected`}{the number of segments chosen (see above); `segment`
#'     and `posterior` are that solution's case memberships and
#'     posteriors.}
#'   \item{`fit`, `equations`, `nobs`, `intercepts`, `seed`, `tol`,
#'     `max_iter`}{the fit, the structural equations, the number of cases
#'     and the settings.}
#' }
#' `tidy()` and `as.data.frame()` give the segment-specific paths (`what =
#' "paths"`), the criteria (`"criteria"`), the segment shares and sizes
#' (`"segments"`) or the R^2 (`"r2"`) of the `segments` solution (by default
#' the selected one); `glance()` one row; `plot()` the criteria over the
#' number of segments ([plot.pls_fimix()]); `predict()` the posterior
#' probabilities of the fit's cases or of new ones ([predict.pls_fimix()]).
#' @references
#' Hahn, C., Johnson, M. D., Herrmann, A., and Huber, F. (2002). Capturing
#' customer heterogeneity using a finite mixture PLS approach.
#' *Schmalenbach Business Review*, 54(3), 243--269.
#' \doi{10.1007/BF03396655}
#'
#' Liang, Z., Jaszczak, R. J., and Coleman, R. E. (1992). Parameter
#' estimation of finite mixtures using the EM algorithm and information
#' criteria with application to medical image processing. *IEEE
#' Transactions on Nuclear Science*, 39(4), 1126--1133.
#' \doi{10.1109/23.159772}
#'
#' Sarstedt, M., Becker, J.-M., Ringle, C. M., and Schwaiger, M. (2011).
#' Uncovering and treating unobserved heterogeneity with FIMIX-PLS: which
#' model selection criterion provides an appropriate number of segments?
#' *Schmalenbach Business Review*, 63(1), 34--62.
#' \doi{10.1007/BF03396886}
#'
#' Hair, J. F., Sarstedt, M., Ringle, C. M., and Gudergan, S. P. (2018).
#' *Advanced Issues in Partial Least Squares Structural Equation Modeling*.
#' Sage.
#' @seealso [pls_explain_segments()] to explain the segments,
#'   [pls_mga()] to compare observed groups.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' fimix <- pls_fimix(fit, segments = 1:3, starts = 5, seed = 1, cores = 1)
#' fimix
#' tidy(fimix, what = "criteria")
#' head(predict(fimix))
#' @export
pls_fimix <- function(fit, segments = 1:5, starts = 10L, tol = 1e-10, max_iter = 5000L, intercepts = FALSE,
                      seed = NULL, cores = getOption("iecpls.cores", 1L)) {
  check_pls_fit(fit)
  segments <- check_fimix_segments(segments)
  check_count(starts, "starts", min = 1)
  check_number(tol, "tol")
  if (tol <= 0) abort_input("{.arg tol} must be positive, not {tol}.")
  check_count(max_iter, "max_iter", min = 1)
  check_flag(intercepts, "intercepts")
  cores <- check_cores(cores)
  problem <- fimix_problem(fit, intercepts)
  if (is.null(seed)) seed <- sample.int(.Machine$integer.max, 1L)
  with_seed(seed, NULL)  # checks the seed
  control <- list(max_iter = as.integer(max_iter), tol = as.double(tol))
  solutions <- lapply(segments, function(K) {
    init <- fimix_starts(problem$n, K, if (K == 1L) 1L else as.integer(starts), seed)
    raw <- fimix_run(problem, init, control, cores)
    fimix_solution(problem, raw, K)
  })
  names(solutions) <- paste0("K", segments)
  criteria <- do.call(rbind, lapply(solutions, fimix_criteria, problem = problem))
  rownames(criteria) <- NULL
  selected <- fimix_selected(criteria)
  chosen <- solutions[[paste0("K", selected)]]
  structure(list(criteria = criteria, solutions = solutions, selected = selected,
                 segment = chosen$segment, posterior = chosen$posterior, fit = fit,
                 equations = problem$equations, nobs = problem$n, intercepts = intercepts,
                 seed = seed, tol = tol, max_iter = as.integer(max_iter)),
            class = c("pls_fimix", "pls_segments"))
}

check_fimix_segments <- function(segments) {
  if (!is.numeric(segments) || !length(segments) || anyNA(segments) || any(segments < 1) ||
      any(segments != round(segments)) || anyDuplicated(segments)) {
    abort_input("{.arg segments} must be distinct whole numbers of segments from 1, not {.obj_type_friendly {segments}}.")
  }
  sort(as.integer(segments))
}

# The structural equations and the scores EM reads: y (n x equations), x
# (the predictors' scores, equation by equation) and the equations' first
# columns in x (0-based).
fimix_problem <- function(fit, intercepts) {
  check_fit_has_data(fit, "FIMIX-PLS")
  if (!is.null(fit$case_weights)) {
    abort_model("FIMIX-PLS of a fit with case weights is not supported: each case is one observation of the mixture.",
                class = "iecpls_unsupported_error")
  }
  model <- fit$model
  outcomes <- model_endogenous(model)
  equations <- stats::setNames(lapply(outcomes, function(j) equation_predictors(model, j)), outcomes)
  scores <- fit$scores
  used <- unique(c(outcomes, unlist(equations, use.names = FALSE)))
  if (!all(is.finite(scores[, used]))) abort_input("The construct scores have missing or infinite values.")
  n <- nrow(scores)
  y <- scores[, outcomes, drop = FALSE]
  x <- scores[, unlist(equations, use.names = FALSE), drop = FALSE]
  storage.mode(y) <- storage.mode(x) <- "double"
  list(y = unname(y), x = unname(x), eq_start = as.integer(cumsum(c(0L, lengths(equations)))),
       intercept = isTRUE(intercepts), equations = equations, outcomes = outcomes, n = n,
       case_names = rownames(scores))
}

# EM from every start of `init`, in batches of `cores` starts (one C call
# each), so R can be interrupted between batches; a run on one thread also
# polls within a start (src/call_fimix.c). The batches' results are joined
# along the starts, as one call would return them.
fimix_run <- function(problem, init, control, cores) {
  dims <- dim(init)
  batches <- split(seq_len(dims[3]), ceiling(seq_len(dims[3]) / cores))
  pieces <- lapply(batches, function(starts) {
    c_fimix(problem, init[, , starts, drop = FALSE], control, cores)
  })
  if (length(pieces) == 1L) return(pieces[[1L]])
  along <- function(name) {
    parts <- lapply(pieces, `[[`, name)
    first <- dim(parts[[1L]])
    if (is.null(first)) return(unlist(parts, use.names = FALSE))
    total <- sum(vapply(parts, function(x) utils::tail(dim(x), 1L), numeric(1)))
    array(unlist(parts, use.names = FALSE), c(utils::head(first, -1L), total))
  }
  stats::setNames(lapply(names(pieces[[1L]]), along), names(pieces[[1L]]))
}

# Initial posteriors of `starts` starts for K segments: n x K x starts,
# each row exponential draws over their sum, as seminrExtras draws them
# (set.seed(seed), then the starts in turn). One segment: all 1.
fimix_starts <- function(n, K, starts, seed) {
  if (K == 1L) return(array(1, c(n, 1L, 1L)))
  with_seed(seed, {
    init <- array(0, c(n, K, starts))
    for (s in seq_len(starts)) {
      raw <- matrix(stats::rexp(n * K, rate = 1), nrow = n, ncol = K)
      init[, , s] <- raw / rowSums(raw)
    }
    init
  })
}

# The best start of a C run, segments ordered by decreasing share, as the
# solution pls_fimix() returns.
fimix_solution <- function(problem, raw, K) {
  codes <- c_codes()$fimix
  status <- names(codes)[match(raw$status, codes)]
  starts <- data.frame(start = seq_along(status), status = status, iterations = raw$iterations,
                       loglik = ifelse(status %in% c("converged", "not_converged"), raw$loglik, NA_real_),
                       stringsAsFactors = FALSE)
  best <- fimix_best_start(starts, K)
  if (is.na(best)) return(list(K = K, loglik = NA_real_, status = "failed", starts = starts))
  order <- order(-raw$pi[, best])
  pi <- raw$pi[order, best]
  coef <- raw$coef[, order, best, drop = FALSE]
  dim(coef) <- dim(coef)[1:2]
  variance <- raw$variance[, order, best, drop = FALSE]
  dim(variance) <- dim(variance)[1:2]
  posterior <- raw$posterior[, order, best, drop = FALSE]
  dim(posterior) <- dim(posterior)[1:2]
  dimnames(posterior) <- list(problem$case_names, paste0("segment ", seq_len(K)))
  segment <- max.col(posterior, ties.method = "first")
  tables <- fimix_tables(problem, coef, variance, posterior)
  list(K = K, pi = stats::setNames(pi, paste0("segment ", seq_len(K))),
       sizes = stats::setNames(tabulate(segment, K), paste0("segment ", seq_len(K))),
       segment = segment, posterior = posterior, paths = tables$paths, intercepts = tables$intercepts,
       variances = tables$variances, r2 = tables$r2, loglik = raw$loglik[best],
       iterations = raw$iterations[best], status = status[best], starts = starts,
       estimates = list(pi = pi, coef = coef, variance = variance))
}

fimix_best_start <- function(starts, K) {
  ok <- which(starts$status == "converged")
  if (!length(ok)) {
    ok <- which(starts$status == "not_converged")
    if (length(ok)) {
      warn_iecpls(c("No start of FIMIX-PLS with {K} segment{?s} converged: the solution is the best unconverged start.",
                    "i" = "Increase {.arg max_iter} or {.arg tol}."),
                  class = "iecpls_fimix_not_converged_warning")
    } else {
      warn_iecpls(c("Every start of FIMIX-PLS with {K} segment{?s} failed: a segment collapsed onto too few cases or became degenerate.",
                    "i" = "The data do not support {K} segment{?s}; its criteria are {.code NA}."),
                  class = "iecpls_fimix_failed_warning")
      return(NA_integer_)
    }
  }
  ok[which.max(starts$loglik[ok])]
}

# Paths, intercepts, variances and R^2 of each segment, in long form.
fimix_tables <- function(problem, coef, variance, posterior) {
  K <- ncol(posterior)
  ic <- as.integer(problem$intercept)
  paths <- intercepts <- variances <- r2 <- list()
  for (k in seq_len(K)) {
    w <- posterior[, k]
    for (j in seq_along(problem$outcomes)) {
      outcome <- problem$outcomes[j]
      predictors <- problem$equations[[j]]
      first <- problem$eq_start[j] + (j - 1L) * ic
      b <- coef[first + seq_len(length(predictors) + ic), k]
      y <- problem$y[, j]
      # through the origin, R^2 is that of a regression without intercept
      ybar <- if (ic) sum(w * y) / sum(w) else 0
      total <- sum(w * (y - ybar)^2) / sum(w)
      paths[[length(paths) + 1L]] <- data.frame(segment = k, from = predictors, to = outcome,
                                                estimate = b[ic + seq_along(predictors)],
                                                stringsAsFactors = FALSE)
      intercepts[[length(intercepts) + 1L]] <- data.frame(segment = k, construct = outcome,
                                                          estimate = if (ic) b[1L] else 0,
                                                          stringsAsFactors = FALSE)
      variances[[length(variances) + 1L]] <- data.frame(segment = k, construct = outcome,
                                                        estimate = variance[j, k], stringsAsFactors = FALSE)
      r2[[length(r2) + 1L]] <- data.frame(segment = k, construct = outcome, r2 = 1 - variance[j, k] / total,
                                          stringsAsFactors = FALSE)
    }
  }
  bind <- function(x) {
    out <- do.call(rbind, x)
    rownames(out) <- NULL
    out
  }
  list(paths = bind(paths), intercepts = bind(intercepts), variances = bind(variances), r2 = bind(r2))
}

fimix_parameters <- function(problem, K) {
  per_segment <- length(unlist(problem$equations)) + length(problem$outcomes) * (1L + problem$intercept)
  K * per_segment + K - 1L
}

fimix_criteria <- function(solution, problem) {
  K <- solution$K
  n <- problem$n
  Q <- fimix_parameters(problem, K)
  deviance <- -2 * solution$loglik
  en <- if (K == 1L || is.null(solution$posterior)) NA_real_ else {
    P <- solution$posterior
    1 - sum(-P * log(P)) / (n * log(K))
  }
  data.frame(segments = K, parameters = Q, loglik = solution$loglik, AIC = deviance + 2 * Q,
             AIC3 = deviance + 3 * Q, AIC4 = deviance + 4 * Q, BIC = deviance + Q * log(n),
             CAIC = deviance + Q * (log(n) + 1), HQ = deviance + 2 * Q * log(log(n)),
             MDL5 = deviance + 5 * Q * log(n), EN = en,
             converged = sum(solution$starts$status == "converged"), starts = nrow(solution$starts))
}

# AIC3 and CAIC's number of segments when they agree, else the smaller.
fimix_selected <- function(criteria) {
  ok <- !is.na(criteria$loglik)
  if (!any(ok)) {
    abort_estimation("Every start of FIMIX-PLS failed for every number of segments.",
                     class = "iecpls_fimix_failed")
  }
  min(fimix_pick(criteria, "AIC3"), fimix_pick(criteria, "CAIC"))
}

fimix_pick <- function(criteria, name) criteria$segments[which.min(criteria[[name]])]

#' @export
print.pls_fimix <- function(x, digits = 3, ...) {
  cat_wrapped("FIMIX-PLS: ", length(x$equations), " structural equation", if (length(x$equations) > 1) "s",
              ", ", x$nobs, " cases, ", max(x$criteria$starts), " random start",
              if (max(x$criteria$starts) > 1) "s", " per number of segments",
              if (x$intercepts) ", segment intercepts")
  cat("\n")
  crit <- x$criteria
  table <- crit[c("segments", "loglik", "AIC", "AIC3", "AIC4", "BIC", "CAIC", "HQ", "MDL5", "EN")]
  table$converged <- paste0(crit$converged, "/", crit$starts)
  print_wide(table, digits = 2, id = "segments")
  cat("\n")
  picks <- vapply(c("AIC3", "CAIC", "AIC4", "BIC"), fimix_pick, integer(1), criteria = crit)
  cat_wrapped("Segments chosen: ", paste0(names(picks), " ", picks, collapse = ", "), ".")
  if (picks[["AIC3"]] != picks[["CAIC"]]) {
    cat_wrapped("AIC3 and CAIC disagree: the memberships are those of ", x$selected,
                if (x$selected == 1L) " segment" else " segments",
                " (the smaller); look at the other solutions with tidy(x, segments = ).")
  }
  sol <- x$solutions[[paste0("K", x$selected)]]
  if (x$selected > 1L) {
    en <- crit$EN[crit$segments == x$selected]
    cat_wrapped("Normed entropy EN = ", formatC(en, digits = 3, format = "f"),
                if (en >= 0.5) " (>= 0.5: the segments separate well)." else " (< 0.5: the segments overlap).")
    cat("\n")
    shares <- data.frame(segment = seq_len(x$selected), share = unname(sol$pi), cases = unname(sol$sizes))
    print_wide(shares, digits, id = "segment")
    cat("\n")
    print_wide(fimix_wide(sol, "paths"), digits, id = c("from", "to"))
    cat("\n")
    print_wide(fimix_wide(sol, "r2"), digits, id = "construct")
  }
  invisible(x)
}

# A long table of a solution with one column per segment.
fimix_wide <- function(solution, what) {
  long <- solution[[what]]
  key <- if (what == "paths") c("from", "to") else "construct"
  value <- if (what == "r2") "r2" else "estimate"
  first <- long[long$segment == 1L, key, drop = FALSE]
  if (what == "r2") names(first) <- "construct"
  for (k in seq_len(solution$K)) {
    first[[paste0("segment ", k)]] <- long[[value]][long$segment == k]
  }
  if (what == "r2") names(first)[-1] <- paste0("R2 ", names(first)[-1])
  first
}

fimix_which_solution <- function(x, segments) {
  if (is.null(segments)) segments <- x$selected
  sol <- x$solutions[[paste0("K", segments)]]
  if (length(segments) != 1L || is.null(sol)) {
    abort_input("{.arg segments} must be one of the numbers of segments estimated: {.val {x$criteria$segments}}.")
  }
  if (is.null(sol$posterior)) abort_input("Every start with {segments} segment{?s} failed: there is no solution.")
  sol
}

#' @rdname pls_fimix
#' @param x A `pls_fimix` object.
#' @param what Which table: `"paths"`, `"criteria"`, `"segments"` or
#'   `"r2"`.
#' @param ... Not used.
#' @export
tidy.pls_fimix <- function(x, what = c("paths", "criteria", "segments", "r2"), segments = NULL, ...) {
  what <- match_arg(what)
  if (what == "criteria") return(x$criteria)
  sol <- fimix_which_solution(x, segments)
  switch(what,
         paths = data.frame(segment = sol$paths$segment, term = paste(sol$paths$from, "->", sol$paths$to),
                            from = sol$paths$from, to = sol$paths$to, estimate = sol$paths$estimate,
                            stringsAsFactors = FALSE),
         segments = data.frame(segment = seq_len(sol$K), share = unname(sol$pi), cases = unname(sol$sizes)),
         r2 = sol$r2)
}

#' @rdname pls_fimix
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_fimix <- function(x, row.names = NULL, optional = FALSE,
                                    what = c("paths", "criteria", "segments", "r2"), segments = NULL, ...) {
  tidy.pls_fimix(x, what = match_arg(what), segments = segments)
}

#' @rdname pls_fimix
#' @export
glance.pls_fimix <- function(x, ...) {
  crit <- x$criteria[x$criteria$segments == x$selected, ]
  data.frame(segments = x$selected, nobs = x$nobs, loglik = crit$loglik, AIC3 = crit$AIC3, CAIC = crit$CAIC,
             EN = crit$EN, smallest_share = min(x$solutions[[paste0("K", x$selected)]]$pi),
             AIC3_choice = fimix_pick(x$criteria, "AIC3"), CAIC_choice = fimix_pick(x$criteria, "CAIC"),
             stringsAsFactors = FALSE)
}

#' @rdname pls_fimix
#' @param object A `pls_fimix` object.
#' @export
nobs.pls_fimix <- function(object, ...) object$nobs

#' Segment probabilities of FIMIX-PLS
#'
#' The posterior probabilities of segment membership under a FIMIX-PLS
#' solution: of the fit's cases, or of new cases, whose construct scores
#' are formed with the fit's weights and standardization (as
#' [predict.pls_fit()] forms them) and whose probabilities follow from the
#' segments' shares, paths and error variances.
#'
#' @param object A `pls_fimix` object from [pls_fimix()].
#' @param newdata `NULL` (the fit's cases) or a data frame with the model's
#'   indicators.
#' @param segments The solution: a number of segments estimated; by default
#'   the selected one.
#' @param ... Not used.
#' @return A matrix with one row per case and one column per segment
#'   (rows summing to 1), with the attribute `segment` (each case's most
#'   likely segment).
#' @seealso [pls_fimix()]
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi[1:200, ])
#' fimix <- pls_fimix(fit, segments = 2, starts = 5, seed = 1, cores = 1)
#' round(head(predict(fimix, newdata = mobi[201:250, ])), 3)
#' @export
predict.pls_fimix <- function(object, newdata = NULL, segments = NULL, ...) {
  sol <- fimix_which_solution(object, segments)
  if (is.null(newdata)) {
    out <- sol$posterior
  } else {
    problem <- fimix_problem(object$fit, object$intercepts)
    scores <- fimix_new_scores(object$fit, newdata)
    y <- scores[, problem$outcomes, drop = FALSE]
    x <- scores[, unlist(problem$equations, use.names = FALSE), drop = FALSE]
    if (!all(is.finite(y)) || !all(is.finite(x))) {
      abort_data("The new cases' construct scores have missing values: a missing answer the fit cannot replace.",
                 class = "iecpls_missing_values")
    }
    out <- c_fimix_posterior(unname(y), unname(x), problem, sol$estimates)
    attr(out, "loglik") <- NULL
    dimnames(out) <- list(rownames(newdata), colnames(sol$posterior))
  }
  attr(out, "segment") <- max.col(out, ties.method = "first")
  out
}

# Construct scores of new answers with the fit's weights and standardization.
fimix_new_scores <- function(fit, newdata) {
  X <- new_indicator_matrix(newdata, fit)
  est <- fit_estimates(fit)
  Z <- with_derived(scale_new(X, est, fit$settings$missing), est, fit$model, fit_model_spec(fit))
  Z %*% est$score_weights[colnames(Z), , drop = FALSE]
}

#' FIMIX-PLS criteria over the number of segments
#'
#' `plot()` of a [pls_fimix()] result draws, with base graphics, the
#' information criteria against the number of segments (smaller is
#' better; the minimum of each criterion is a filled point) and, in a
#' second panel, the normed entropy EN with its 0.5 threshold.
#'
#' @param x A `pls_fimix` object.
#' @param criteria The criteria to draw (columns of `x$criteria`).
#' @param ... Not used.
#' @return Invisibly, the criteria drawn (a data frame).
#' @seealso [pls_fimix()]
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' plot(pls_fimix(fit, segments = 1:3, starts = 3, seed = 1, cores = 1))
#' @export
plot.pls_fimix <- function(x, criteria = c("AIC3", "AIC4", "BIC", "CAIC"), ...) {
  known <- c("AIC", "AIC3", "AIC4", "BIC", "CAIC", "HQ", "MDL5")
  if (!is.character(criteria) || !length(criteria) || !all(criteria %in% known)) {
    abort_input("{.arg criteria} must be some of {.val {known}}.")
  }
  crit <- x$criteria
  K <- crit$segments
  values <- as.matrix(crit[criteria])
  entropy <- any(K > 1L)
  old <- graphics::par(mfrow = c(1L, if (entropy) 2L else 1L), mar = c(4, 5.5, 2.5, 1), mgp = c(2.4, 0.7, 0),
                       las = 1)
  on.exit(graphics::par(old))
  colors <- grDevices::palette.colors(max(2L, length(criteria)), palette = "Okabe-Ito")[seq_along(criteria)]
  graphics::matplot(K, values, type = "b", lty = 1, pch = 1, col = colors, xaxt = "n",
                    xlab = "Number of segments", ylab = "", main = "FIMIX-PLS criteria")
  graphics::title(ylab = "Criterion (smaller is better)", line = 4)
  graphics::axis(1, at = K)
  for (c in seq_along(criteria)) {
    best <- which.min(values[, c])
    graphics::points(K[best], values[best, c], pch = 19, col = colors[c])
  }
  # the legend goes to the upper corner whose half of the panel has the
  # lower values (criteria usually rise on one side)
  left <- values[K <= stats::median(K), , drop = FALSE]
  right <- values[K > stats::median(K), , drop = FALSE]
  corner <- if (max(left, na.rm = TRUE) <= max(c(right, -Inf), na.rm = TRUE)) "topleft" else "topright"
  graphics::legend(corner, legend = criteria, col = colors, lty = 1, pch = 19, bg = "white", box.col = NA,
                   cex = 0.85)
  if (entropy) {
    graphics::plot(K, crit$EN, type = "b", pch = 19, ylim = c(0, 1), xaxt = "n", xlab = "Number of segments",
                   ylab = "Normed entropy EN", main = "Separation of the segments")
    graphics::axis(1, at = K)
    graphics::abline(h = 0.5, lty = 2, col = "grey50")
  }
  invisible(crit[c("segments", criteria, "EN")])
}
