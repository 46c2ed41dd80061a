#' Discriminant validity: HTMT, HTMT2 and the Fornell-Larcker criterion
#'
#' `pls_htmt()` computes the heterotrait-monotrait ratio of correlations
#' (HTMT, Henseler, Ringle and Sarstedt 2015) or its geometric-mean variant
#' HTMT2 (Roemer, Schuberth and Henseler 2021) for each pair of constructs.
#' `pls_fornell_larcker()` returns the Fornell-Larcker matrix: the square root
#' of each construct's AVE on the diagonal and the construct correlations off
#' it. `pls_cross_loadings()` returns the loadings of every indicator on
#' every construct: the correlations with the construct scores, or under
#' consistent PLS their disattenuated version (see below).
#'
#' For constructs \eqn{i} and \eqn{j} with \eqn{K_i} and \eqn{K_j}
#' indicators, HTMT is the mean of the \eqn{K_i K_j} heterotrait
#' correlations (between an indicator of \eqn{i} and one of \eqn{j}) divided
#' by the geometric mean of the two constructs' average monotrait
#' correlations (among the indicators of the same construct):
#' \deqn{HTMT_{ij} = \frac{\bar r_{ij}}{\sqrt{\bar r_{ii}\,\bar r_{jj}}}.}
#' HTMT2 replaces every arithmetic mean by a geometric mean, which makes it
#' consistent for congeneric (not only tau-equivalent) measurement models.
#' A single-indicator construct has no monotrait correlation; its average is
#' taken to be 1 (as in seminr and cSEM).
#'
#' @section Definitions and the peers:
#' **Signs.** Henseler et al. (2015, eq. 6) average the correlations
#' themselves, which is the default (`htmt_absolute = FALSE`) and agrees with
#' cSEM's `calculateHTMT(.absolute = FALSE)`. seminr (and SmartPLS) average
#' absolute correlations, which is `htmt_absolute = TRUE`. The two differ
#' when an indicator correlates negatively with others (on `mobi`, CUSL2 does:
#' HTMT(Quality, Loyalty) is 0.723 signed and 0.759 absolute). A negatively
#' worded indicator should be recoded before the model is fitted; then the
#' two agree.
#'
#' **Reverse-coded indicators.** When a construct's indicators correlate
#' negatively on average (with `htmt_absolute = FALSE`), which a reverse-coded
#' indicator causes, the ratio has no meaning (and were the other
#' construct's mean negative too, it would be a positive number). HTMT and
#' HTMT2 of every pair with that construct are then `NA`, with one warning
#' (class `iecpls_htmt_reversed_warning`) that names the construct and the
#' indicators that correlate negatively with the others, to be recoded.
#' [summary.pls_fit()], [pls_boot()] and [pls_mga()] show the same warning
#' once; the bootstrap HTMT of such a pair is `NA` in every resample.
#'
#' **HTMT2** is defined for positive correlations, since the geometric mean
#' of numbers of both signs is not defined. With `htmt_absolute = FALSE`, a pair
#' whose monotrait correlations are not all positive or whose heterotrait
#' correlations have mixed signs gets `NA` and a warning (one for all such
#' pairs, class `iecpls_htmt2_signs_warning`; cSEM returns a
#' number there that has no interpretation); heterotrait correlations that
#' are all negative give a negative HTMT2. With `htmt_absolute = TRUE` the
#' geometric means of the absolute correlations are used.
#'
#' **Which constructs.** HTMT and the Fornell-Larcker criterion are tools
#' for reflective (common-factor) measurement models, so by default only
#' Mode A constructs are included (as in cSEM); `composites = TRUE` includes
#' every construct (as seminr does).
#'
#' **Cross-loadings under PLSc.** Without PLSc the cross-loadings are the
#' correlations of each indicator with each construct score, and the entry
#' of an indicator's own construct is its loading. Under PLSc
#' (`consistent = TRUE`) a Mode A construct's loadings are corrected for
#' attenuation, so the plain correlations would show each of its indicators
#' with a second, larger loading. The cross-loadings then follow the
#' disattenuated definition that ADANCO reports: the entry of an indicator's
#' own construct is its loading (the PLSc loading for a Mode A block with two
#' or more indicators), and the entry of any other construct \eqn{j} is the
#' correlation with \eqn{j}'s score divided by \eqn{\sqrt{\rho_{A,j}}}, the
#' score's correlation with the common factor. Composites (Mode B, `<~`) and
#' single items keep \eqn{\rho_A = 1}, so their columns, and the own
#' entries of their indicators, stay plain correlations. A \eqn{\rho_A}
#' that is not positive (an inadmissible solution) gives `NA` in its column.
#' seminr reports the plain correlations with the scores under PLSc too
#' (its `cross_loadings()` is `cor(data, construct_scores)`), so there an
#' indicator's cross-loading on its own factor differs from its loading.
#'
#' **Fornell-Larcker.** The matrix holds \eqn{\sqrt{AVE}} on the diagonal and
#' the correlations of the construct scores off it, the layout of Hair et al.
#' (2017) and seminr's `fl_criteria`; cSEM reports the squares (AVE and
#' squared correlations). Discriminant validity holds when each diagonal
#' element exceeds the absolute correlations in its row and column.
#'
#' @param fit A `pls_fit` object from [pls()].
#' @param type `"htmt"` (Henseler et al. 2015) or `"htmt2"` (Roemer et al.
#'   2021).
#' @param htmt_absolute Use absolute indicator correlations? See Details.
#' @param composites Include composite (Mode B) constructs?
#' @return `pls_htmt()` and `pls_fornell_larcker()`: a symmetric numeric
#'   matrix with the constructs as dimnames (HTMT has 1 on the diagonal).
#'   `pls_cross_loadings()`: an indicators x constructs matrix (see
#'   "Cross-loadings under PLSc").
#' @references
#' Fornell, C., and Larcker, D. F. (1981). Evaluating structural equation
#' models with unobservable variables and measurement error. *Journal of
#' Marketing Research*, 18(1), 39--50. \doi{10.1177/002224378101800104}
#'
#' Henseler, J., Ringle, C. M., and Sarstedt, M. (2015). A new criterion for
#' assessing discriminant validity in variance-based structural equation
#' modeling. *Journal of the Academy of Marketing Science*, 43, 115--135.
#' \doi{10.1007/s11747-014-0403-8}
#'
#' Roemer, E., Schuberth, F., and Henseler, J. (2021). HTMT2: an improved
#' criterion for assessing discriminant validity in structural equation
#' modeling. *Industrial Management & Data Systems*, 121(12), 2637--2650.
#' \doi{10.1108/IMDS-02-2021-0082}
#' @seealso [summary.pls_fit()], which flags HTMT values at or above 0.85.
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' pls_htmt(fit)
#' pls_htmt(fit, htmt_absolute = TRUE)
#' pls_htmt(fit, type = "htmt2", htmt_absolute = TRUE)
#' pls_fornell_larcker(fit)
#' @export
pls_htmt <- function(fit, type = c("htmt", "htmt2"), htmt_absolute = FALSE, composites = FALSE) {
  check_pls_fit(fit)
  type <- match_arg(type)
  check_flag(htmt_absolute, "htmt_absolute")
  check_flag(composites, "composites")
  model <- fit$model
  constructs <- assessed_constructs(model, composites)
  R <- fit$indicator_cor
  if (htmt_absolute) R <- abs(R)
  reversed <- reversed_blocks(model, R, constructs)
  out <- diag(length(constructs))
  dimnames(out) <- list(constructs, constructs)
  mixed <- character()
  if (length(constructs) >= 2L) {
    pairs <- utils::combn(match(constructs, model$constructs), 2)
    # the ratios come from the C code that bootstraps them (src/statistics.c)
    value <- c_htmt(fit_block_cor(fit), c(0L, cumsum(lengths(model$blocks, use.names = FALSE))),
                    pairs[1, ], pairs[2, ], htmt_absolute, type == "htmt2")
    a <- model$constructs[pairs[1, ]]
    b <- model$constructs[pairs[2, ]]
    out[cbind(a, b)] <- out[cbind(b, a)] <- value
    signs_differ <- is.na(value) & !(a %in% reversed$construct | b %in% reversed$construct)
    mixed <- paste(a, b, sep = " <-> ")[signs_differ]
  }
  if (nrow(reversed)) warn_htmt_reversed(reversed, type)
  if (length(mixed)) warn_htmt2_signs(mixed)
  out
}

# The warning of pls_htmt() about reverse-coded indicators, for the HTMT the
# bootstrap reports (of the reflective constructs).
warn_if_htmt_reversed <- function(fit, htmt_absolute) {
  R <- fit$indicator_cor
  if (htmt_absolute) R <- abs(R)
  reversed <- reversed_blocks(fit$model, R, assessed_constructs(fit$model, composites = FALSE))
  if (nrow(reversed)) warn_htmt_reversed(reversed, "htmt")
}

# Blocks whose indicators correlate negatively on average (a reverse-coded
# indicator): their HTMT would be NaN, or a meaningless positive ratio when
# the other block's mean is negative too. One row per such block: the mean
# and the indicators whose mean correlation with the rest of the block is
# negative (the ones to recode).
reversed_blocks <- function(model, R, constructs) {
  rows <- lapply(constructs, function(k) {
    items <- model$blocks[[k]]
    if (length(items) < 2L) return(NULL)
    block <- R[items, items]
    diag(block) <- NA
    average <- mean(block, na.rm = TRUE)
    if (average > 0) return(NULL)
    suspects <- items[rowMeans(block, na.rm = TRUE) < 0]
    list(construct = k, mean = average, items = suspects)
  })
  rows <- rows[!vapply(rows, is.null, logical(1))]
  data.frame(construct = vapply(rows, `[[`, "", "construct"), mean = vapply(rows, `[[`, 0, "mean"),
             items = I(lapply(rows, `[[`, "items")), stringsAsFactors = FALSE)
}

# One warning for every block with reversed indicators (class
# iecpls_htmt_reversed_warning); the resampling functions show it once.
warn_htmt_reversed <- function(reversed, type) {
  label <- toupper(type)
  # names reach cli as values, never as part of the format string
  index <- seq_len(nrow(reversed))
  lines <- sprintf("{.field {reversed$construct[%d]}}: mean correlation %s; {.var {reversed$items[[%d]]}} correlate%s negatively with the others",
                   index, format(round(reversed$mean, 3), nsmall = 3), index, ifelse(lengths(reversed$items) == 1L, "s", ""))
  warn_iecpls(c(
    "{label} is {.val NA} for every pair with {.field {reversed$construct}}: {cli::qty(nrow(reversed))}{?its/their} indicators correlate negatively on average.",
    stats::setNames(lines, rep("x", length(lines))),
    "i" = "An indicator is probably reverse-coded: recode it (for example as max + min - x) and fit the model again, or use {.code htmt_absolute = TRUE}."
  ), class = "iecpls_htmt_reversed_warning")
}

# A calling handler that lets the first warning of `class` through and
# muffles the later ones (the same advice, repeated for each group).
first_warning_only <- function(class) {
  shown <- FALSE
  function(w) {
    if (!inherits(w, class)) return(invisible())
    if (shown) invokeRestart("muffleWarning")
    shown <<- TRUE
  }
}

warn_htmt2_signs <- function(pairs) {
  warn_iecpls(c(
    "HTMT2 of {.field {pairs}} {?is/are} {.val NA}: their indicator correlations do not share one sign.",
    "i" = "The geometric mean needs positive correlations; recode reversed indicators or use {.code htmt_absolute = TRUE}."
  ), class = "iecpls_htmt2_signs_warning")
}

#' @rdname pls_htmt
#' @export
pls_fornell_larcker <- function(fit, composites = FALSE) {
  check_pls_fit(fit)
  check_flag(composites, "composites")
  constructs <- assessed_constructs(fit$model, composites)
  out <- fit$construct_cor[constructs, constructs, drop = FALSE]
  diag(out) <- sqrt(pls_reliability(fit, composites = TRUE)$ave[match(constructs, fit$model$constructs)])
  out
}

#' @rdname pls_htmt
#' @export
pls_cross_loadings <- function(fit) {
  check_pls_fit(fit)
  fit$cross_loadings
}
