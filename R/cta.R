#' Confirmatory tetrad analysis (CTA-PLS)
#'
#' Tests, block by block, whether the indicators of a construct behave as
#' those of a reflective (common factor) measurement model: a single common
#' factor implies that every tetrad of the indicators' covariances vanishes
#' (Bollen and Ting 2000), so a tetrad that differs from zero speaks against
#' a reflective block. CTA-PLS (Gudergan et al. 2008) bootstraps the
#' tetrads and uses Bonferroni-adjusted confidence intervals.
#'
#' @section Tetrads:
#' For indicators g, h, i, j of a block the tetrad is
#' \deqn{\tau_{ghij} = \sigma_{gh}\sigma_{ij} - \sigma_{gi}\sigma_{hj}.}{tau_ghij = s_gh s_ij - s_gi s_hj.}
#' iecpls forms it from the indicators' correlations, the fit's
#' `indicator_cor` (the covariances of the standardized data, as CTA-PLS
#' with standardized data; tetrads of covariances are those of correlations
#' times the product of the four standard deviations, so whether a tetrad
#' vanishes does not depend on the choice). With `missing = "mean"` the
#' correlations are those of the data after replacement, with
#' `missing = "em"` the EM estimates and so on: the correlations the fit
#' itself used. The model's treatment of the block (Mode A or Mode B) plays
#' no part: CTA tests the indicators.
#'
#' A block of m >= 4 indicators has 3 choose(m, 4) tetrads, of which
#' m(m - 3) / 2 are non-redundant (the others follow from them where a
#' single factor holds). The tetrads are taken in a fixed order: the sets of
#' four indicators in lexicographic order (1,2,3,4; 1,2,3,5; ...) and, for a
#' set g < h < i < j, the tetrads labelled g,h,i,j, g,i,j,h and g,j,h,i
#' (their sum is zero). A tetrad is kept when its gradient with respect to
#' the correlations, at a one-factor correlation matrix with distinct
#' loadings, is linearly independent of the gradients of those kept before
#' it (the rank criterion of Bollen and Ting 1993), until m(m - 3) / 2 are
#' kept. For four indicators these are 1,2,3,4 and 1,3,4,2, the first two
#' of the three. The labels are positions in the block (the order of the
#' model syntax); `print()` shows which indicator each number is.
#'
#' @section Inference:
#' The data are resampled `R` times with replacement as by [pls_boot()] (the
#' same streams, seeds and guarantees: bit-identical for any `cores`,
#' interruptible, futures under a plan); each resample's indicator
#' correlation matrix is formed in C and its tetrads are computed from it.
#' The model is not refitted in the resamples, since the tetrads do not
#' depend on the estimates: no resample is lost to a refit that fails, and
#' the run is faster (on `corp_rep_data`, 5,000 resamples take about a
#' quarter less CPU time than with a refit in each, as forming the
#' correlations dominates). The standard
#' error is the standard deviation of the resample tetrads, t = estimate /
#' SE and the p value is two-sided from the t distribution with n - 1
#' degrees of freedom, as in [pls_boot()]; `p_adjusted` multiplies it by the
#' block's number of tetrads (Bonferroni, at most 1). The confidence
#' intervals are percentile intervals at the Bonferroni-adjusted level
#' 1 - (1 - `level`) / k, k the number of non-redundant tetrads of the block
#' (Gudergan et al. 2008), so `level` is the family-wise level of each
#' block. A block is `reflective` (the reflective model is supported) when
#' every adjusted interval contains zero, and not when any excludes it.
#'
#' @section Comparison with seminrExtras:
#' `seminrExtras::assess_cta()` (version 1.0.4) differs by definition:
#' \itemize{
#'   \item it forms the tetrads from the indicators' covariances: each of its
#'     tetrads is the correlation tetrad times the product of the four
#'     standard deviations (the estimates agree to 1e-6 after this scaling,
#'     `tests/testthat/test-cta.R`), and in the resamples the standard
#'     deviations vary too, so its bootstrap standard errors of the scaled
#'     tetrads are a few percent larger (on the corporate reputation blocks
#'     0.98 to 1.16 times ours; percentile limits within 0.75 of its
#'     standard error);
#'   \item it tests two tetrads of every set of four indicators, 2
#'     choose(m, 4) tetrads in all (its tetrad 1, `s(i,j)s(k,l) -
#'     s(i,k)s(j,l)`, is our g,h,i,j with g < h < i < j; its tetrad 2 is
#'     the sum of our g,h,i,j and g,i,j,h), redundant ones included, rather
#'     than the m(m - 3) / 2 non-redundant ones;
#'   \item its p values are twice the share of resample tetrads on the other
#'     side of zero, adjusted by Benjamini-Hochberg (default) or Bonferroni
#'     over its larger set, and its intervals are unadjusted.
#' }
#' On the corporate reputation data the verdicts are the same (QUAL not
#' reflective; PERF and CSOR reflective). It also borrows indicators of a
#' neighbouring construct for blocks of 2 or 3 indicators (Gudergan et al.
#' 2008, Table 1), which iecpls does not.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data (not from `S`).
#'   Models with interaction terms or higher-order constructs are not
#'   supported.
#' @param construct The constructs whose blocks are tested (each with at
#'   least 4 indicators); by default every block with at least 4
#'   indicators.
#' @param R Number of bootstrap resamples.
#' @param level Family-wise confidence level of each block's intervals (see
#'   Inference).
#' @param seed `NULL` (draw the seed of the resampling streams from the
#'   session's generator) or a number, which gives the same resamples every
#'   time without changing the session's generator.
#' @inheritParams pls_boot
#' @return An object of class `pls_cta`: a list with `tetrads` (one row per
#'   non-redundant tetrad: `construct`, `tetrad` (the positions "g,h,i,j"),
#'   `indicators` (their names), `estimate`, `boot_mean`, `se`, `t`, `p`,
#'   `p_adjusted`, `lower`, `upper`, `adjusted_level`, `excludes_zero`),
#'   `blocks` (one row per block: `construct`, `indicators`, `tetrads`,
#'   `adjusted_level`, `rejected` (intervals excluding zero), `reflective`),
#'   `draws` (resamples x tetrads), `status` (0 for a valid resample; see
#'   [pls_status_codes()]), `n_failed`, `R`, `level`, `seeds` and `fit`.
#' @references
#' Bollen, K. A., and Ting, K.-F. (1993). Confirmatory tetrad analysis.
#' *Sociological Methodology*, 23, 147--175. \doi{10.2307/271009}
#'
#' Bollen, K. A., and Ting, K.-F. (2000). A tetrad test for causal
#' indicators. *Psychological Methods*, 5(1), 3--22.
#' \doi{10.1037/1082-989X.5.1.3}
#'
#' Gudergan, S. P., Ringle, C. M., Wende, S., and Will, A. (2008).
#' Confirmatory tetrad analysis in PLS path modeling. *Journal of Business
#' Research*, 61(12), 1238--1249. \doi{10.1016/j.jbusres.2008.01.012}
#' @seealso [pls_boot()]
#' @examples
#' reputation <- "
#'   QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
#'   PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
#'   CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
#'   ATTR <~ attr_1 + attr_2 + attr_3
#'   COMP =~ comp_1 + comp_2 + comp_3
#'   LIKE =~ like_1 + like_2 + like_3
#'   CUSA =~ cusa
#'   CUSL =~ cusl_1 + cusl_2 + cusl_3
#'   COMP + LIKE ~ QUAL + PERF + CSOR + ATTR
#'   CUSA ~ COMP + LIKE
#'   CUSL ~ COMP + LIKE + CUSA
#' "
#' fit <- pls(reputation, data = corp_rep_data, na_values = -99, missing = "mean")
#' cta <- pls_cta(fit, R = 200, seed = 1)
#' cta
#' tidy(cta)
#' glance(cta)
#' @export
pls_cta <- function(fit, construct = NULL, R = 5000L, level = 0.95, seed = NULL,
                    cores = getOption("iecpls.cores", 1L)) {
  check_pls_fit(fit)
  if (is.null(fit$data)) {
    abort_input("Confirmatory tetrad analysis needs the data: {.arg fit} was fitted from a correlation matrix.",
                class = "iecpls_needs_data")
  }
  if (!is.null(fit$model$stages)) {
    abort_model("{.fn pls_cta} does not support models with interaction terms or higher-order constructs yet.",
                class = "iecpls_unsupported_error")
  }
  blocks <- cta_blocks(fit$model, construct)
  check_count(R, "R", min = 2)
  check_level(level)
  cores <- check_cores(cores)

  tetrads <- cta_tetrad_table(fit$model, blocks)
  # the bootstrap's own statistics (and its warning about the HTMT of
  # reverse-coded indicators) play no part here
  problem <- withCallingHandlers(boot_problem(fit, "none"),
                                 iecpls_htmt_reversed_warning = function(w) invokeRestart("muffleWarning"))
  problem$stat_spec <- cta_stat_spec(tetrads$index)
  problem$parameters <- fit_parameters(fit, problem$stat_spec, spec = problem$spec)
  is_tetrad <- problem$parameters$type == "tetrad"
  check_resample_memory(R, nrow(problem$parameters), paste0("A bootstrap of ", format_count(R), " resamples"))

  sizes <- chunk_sizes(R, chunk_size_for(ncol(problem$zt), nrow(problem$zt)))
  seeds <- with_seed(seed, chunk_seeds(length(sizes)))
  result <- run_bootstrap(problem, seeds, sizes, cores)
  draws <- result$stats[, is_tetrad, drop = FALSE]
  colnames(draws) <- paste0(tetrads$table$construct, ": ", tetrads$table$tetrad)
  report_failures(result$status)
  used <- status_ok(result$status)
  estimate <- problem$parameters$estimate[is_tetrad]
  table <- cta_inference(tetrads$table, estimate, draws, used, level, fit$nobs)
  structure(list(tetrads = table, blocks = cta_verdicts(table, fit$model), draws = draws,
                 status = result$status, n_failed = sum(!used), R = as.integer(R), level = level,
                 seeds = seeds, fit = fit),
            class = "pls_cta")
}

# The constructs tested: those named (each with at least 4 indicators), or
# every block with at least 4.
cta_blocks <- function(model, construct) {
  sizes <- lengths(model$blocks)
  names(sizes) <- model$constructs
  if (is.null(construct)) {
    construct <- model$constructs[sizes >= 4L]
    if (!length(construct)) {
      abort_input(c("No block has 4 or more indicators: confirmatory tetrad analysis needs at least 4.",
                    "i" = "The largest block has {max(sizes)} indicator{?s}."),
                  class = "iecpls_too_few_indicators")
    }
    return(construct)
  }
  if (!is.character(construct) || !length(construct) || anyNA(construct)) {
    abort_input("{.arg construct} must be construct names or {.code NULL}, not {.obj_type_friendly {construct}}.")
  }
  unknown <- setdiff(construct, model$constructs)
  if (length(unknown)) abort_missing_names(unknown, model$constructs, "Construct", "the model",
                                           source = "named in {.arg construct}")
  small <- construct[sizes[construct] < 4L]
  if (length(small)) {
    counts <- sizes[small]
    abort_input(c("Confirmatory tetrad analysis needs blocks of at least 4 indicators.",
                  "x" = "{cli::qty(length(small))}Block{?s} {.val {small}} {?has/have} {counts} indicator{?s}."),
                class = "iecpls_too_few_indicators")
  }
  unique(construct)
}

# The non-redundant tetrads of a block of m >= 4 indicators (see the help):
# an m(m - 3)/2 x 4 matrix of positions g, h, i, j in the block, for
# tau = s_gh s_ij - s_gi s_hj.
cta_tetrads <- function(m) {
  wanted <- m * (m - 3) / 2
  # a one-factor correlation matrix with distinct loadings
  loadings <- 0.4 + 0.5 * seq_len(m) / (m + 1)
  S <- tcrossprod(loadings)
  pairs <- matrix(0L, m, m)
  pairs[lower.tri(pairs)] <- seq_len(m * (m - 1) / 2)
  pairs <- pairs + t(pairs)
  basis <- matrix(0, m * (m - 1) / 2, 0)
  kept <- matrix(0L, 0, 4)
  sets <- utils::combn(m, 4)
  for (s in seq_len(ncol(sets))) {
    q <- sets[, s]
    for (form in list(q, q[c(1, 3, 4, 2)], q[c(1, 4, 2, 3)])) {
      g <- form[1]; h <- form[2]; i <- form[3]; j <- form[4]
      gradient <- numeric(nrow(basis))
      gradient[pairs[g, h]] <- S[i, j]
      gradient[pairs[i, j]] <- S[g, h]
      gradient[pairs[g, i]] <- -S[h, j]
      gradient[pairs[h, j]] <- -S[g, i]
      residual <- gradient - basis %*% crossprod(basis, gradient)
      size <- sqrt(sum(residual^2))
      if (size > 1e-8 * sqrt(sum(gradient^2))) {
        basis <- cbind(basis, residual / size)
        kept <- rbind(kept, form)
        if (nrow(kept) == wanted) return(unname(kept))
      }
    }
  }
  abort_internal("Found {nrow(kept)} non-redundant tetrads of {m} indicators, not {wanted}.")
}

# One row per tetrad of the tested blocks, and `index`: their indicators
# (0-based, in the fit's block order) as C reads them.
cta_tetrad_table <- function(model, blocks) {
  starts <- c(0L, cumsum(lengths(model$blocks, use.names = FALSE)))
  pieces <- lapply(blocks, function(name) {
    k <- match(name, model$constructs)
    items <- model$blocks[[k]]
    positions <- cta_tetrads(length(items))
    list(table = data.frame(construct = rep(name, nrow(positions)),
                            tetrad = apply(positions, 1, paste, collapse = ","),
                            indicators = apply(positions, 1, function(x) paste(items[x], collapse = ",")),
                            stringsAsFactors = FALSE),
         index = t(positions) + starts[k] - 1L)
  })
  list(table = do.call(rbind, lapply(pieces, `[[`, "table")),
       index = as.integer(unlist(lapply(pieces, `[[`, "index"), use.names = FALSE)))
}

# The statistics of the resamples: the tetrads from each resample's
# correlations, without refitting the model.
cta_stat_spec <- function(index) {
  list(edge_from = integer(), edge_to = integer(), endogenous = integer(), total_from = integer(),
       total_to = integer(), htmt_a = integer(), htmt_b = integer(), htmt_absolute = FALSE,
       indirect_total = integer(), indirect_edge = integer(), chain_start = 0L, chain_edges = integer(),
       sign_reference = NULL, tetrads = index, correlations_only = TRUE)
}

# Estimates, bootstrap SE, t, p and the percentile intervals at each block's
# Bonferroni-adjusted level.
cta_inference <- function(table, estimate, draws, used, level, n) {
  k <- as.vector(table(table$construct)[table$construct])
  adjusted <- 1 - (1 - level) / k
  summary <- matrix(NA_real_, nrow(table), 4)
  for (block in unique(table$construct)) {
    rows <- which(table$construct == block)
    summary[rows, ] <- c_boot_summary(draws[, rows, drop = FALSE], used, estimate[rows], NULL,
                                      adjusted[rows[1]])[, 1:4]
  }
  t_value <- estimate / summary[, 2]
  p <- 2 * stats::pt(abs(t_value), df = n - 1, lower.tail = FALSE)
  data.frame(table, estimate = estimate, boot_mean = summary[, 1], se = summary[, 2], t = t_value, p = p,
             p_adjusted = pmin(1, k * p), lower = summary[, 3], upper = summary[, 4], adjusted_level = adjusted,
             excludes_zero = summary[, 3] > 0 | summary[, 4] < 0, row.names = NULL, stringsAsFactors = FALSE)
}

cta_verdicts <- function(table, model) {
  blocks <- unique(table$construct)
  rows <- lapply(blocks, function(block) table[table$construct == block, ])
  data.frame(construct = blocks,
             indicators = unname(lengths(model$blocks)[match(blocks, model$constructs)]),
             tetrads = vapply(rows, nrow, integer(1)),
             adjusted_level = vapply(rows, function(r) r$adjusted_level[1], numeric(1)),
             rejected = vapply(rows, function(r) sum(r$excludes_zero, na.rm = TRUE), integer(1)),
             reflective = vapply(rows, function(r) !any(r$excludes_zero %in% TRUE), logical(1)),
             row.names = NULL, stringsAsFactors = FALSE)
}

#' @rdname pls_cta
#' @param x A `pls_cta` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_cta <- function(x, digits = 3, ...) {
  cat_wrapped("Confirmatory tetrad analysis (CTA-PLS): ", nrow(x$blocks), " block",
              if (nrow(x$blocks) > 1) "s", ", ", x$fit$nobs, " cases, ", format_count(x$R), " resamples",
              if (x$n_failed) paste0(", ", x$n_failed, " failed"))
  cat("\n")
  model <- x$fit$model
  for (block in x$blocks$construct) {
    items <- model$blocks[[match(block, model$constructs)]]
    cat_wrapped(block, ": ", paste0(seq_along(items), " = ", items, collapse = ", "), exdent = 2)
  }
  cat("\n")
  table <- x$tetrads[c("construct", "tetrad", "estimate", "se", "t", "p_adjusted", "lower", "upper")]
  table$excludes_zero <- ifelse(x$tetrads$excludes_zero %in% TRUE, "*", "")
  names(table)[names(table) == "excludes_zero"] <- "zero_out"
  print_wide(table, digits)
  cat("\n")
  verdict <- ifelse(x$blocks$reflective, "reflective supported",
                    paste0("not reflective (", x$blocks$rejected, " of ", x$blocks$tetrads, " tetrads)"))
  cat_wrapped("Verdict: ", paste0(x$blocks$construct, " ", verdict, collapse = "; "), ".", exdent = 2)
  cat_wrapped("Percentile intervals at the Bonferroni-adjusted level 1 - ", format(1 - x$level),
              " / k (k tetrads of the block); * marks an interval that excludes 0. ",
              "p_adjusted = min(1, k p).")
  invisible(x)
}

#' @rdname pls_cta
#' @export
tidy.pls_cta <- function(x, ...) {
  e <- x$tetrads
  data.frame(term = paste0(e$construct, ": ", e$tetrad), construct = e$construct, tetrad = e$tetrad,
             indicators = e$indicators, estimate = e$estimate, std.error = e$se, statistic = e$t,
             p.value = e$p, p.adjusted = e$p_adjusted, conf.low = e$lower, conf.high = e$upper,
             conf.level = e$adjusted_level, boot_mean = e$boot_mean, stringsAsFactors = FALSE)
}

#' @rdname pls_cta
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_cta <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_cta(x)

#' @rdname pls_cta
#' @export
glance.pls_cta <- function(x, ...) {
  data.frame(blocks = nrow(x$blocks), tetrads = nrow(x$tetrads), reflective = sum(x$blocks$reflective),
             not_reflective = sum(!x$blocks$reflective), nobs = x$fit$nobs, resamples = x$R,
             failed = x$n_failed, level = x$level, stringsAsFactors = FALSE)
}
