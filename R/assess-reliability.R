#' Reliability and convergent validity of the measurement model
#'
#' `pls_reliability()` reports, for each reflective (Mode A) construct,
#' Cronbach's alpha, Dijkstra and Henseler's rho_A, the composite reliability
#' rho_C and the average variance extracted (AVE). `pls_loadings()` reports
#' every indicator's outer weight, loading and indicator reliability (the
#' squared loading).
#'
#' All quantities are computed from the indicator correlation matrix the model
#' was fitted from (so case weights are respected) and the estimated weights
#' and loadings. With \eqn{R} the correlations of a block's \eqn{K}
#' indicators, \eqn{\lambda} their loadings and \eqn{w} their outer weights:
#' \describe{
#'   \item{Cronbach's alpha}{\eqn{\frac{K}{K-1}\left(1 - \frac{K}{1'R1}\right)},
#'     the standardized alpha (Cronbach 1951), i.e. alpha of the standardized
#'     indicators, as in seminr and cSEM.}
#'   \item{rho_A}{\eqn{(w'w)^2 \frac{w'(R - I)w}{w'(ww' - \mathrm{diag}(ww'))w}}
#'     (Dijkstra and Henseler 2015, eq. 21), the consistent reliability of a
#'     Mode A construct, with the weights scaled so that the construct score
#'     has unit variance (\eqn{w'Rw = 1}). With equal weights it equals
#'     alpha.}
#'   \item{rho_C}{\eqn{\frac{(\sum\lambda)^2}{(\sum\lambda)^2 + \sum(1-\lambda^2)}},
#'     Joereskog's (1971) composite reliability.}
#'   \item{AVE}{\eqn{\frac{1}{K}\sum\lambda^2} (Fornell and Larcker 1981).}
#' }
#' A single-indicator construct has loading 1; its four values are reported
#' as 1 (as seminr does) and [summary.pls_fit()] does not judge them.
#'
#' @section Definitions and the peers:
#' Cronbach's alpha, rho_C and AVE agree with seminr (`summary()$reliability`)
#' and cSEM (`assess()`) to 1e-10.
#'
#' **rho_A** follows Dijkstra and Henseler (2015), who define it for a
#' construct measured by a common factor and estimated in Mode A. It agrees
#' with seminr's `rho_A`. cSEM's `assess()` reports its
#' `"Dijkstra-Henselers_rho_A"` as \eqn{(w'\lambda)^2} with the estimated
#' loadings; that equals rho_A only with the consistent loadings of PLSc
#' (`.disattenuate = TRUE`). For plain PLS, Mode A loadings are
#' \eqn{\lambda = Rw}, so cSEM's value is exactly 1 for every construct
#' (up to 0.55 above rho_A on the `mobi` data).
#'
#' **Composites.** Reliability and AVE are properties of a common-factor
#' measurement model, so composites (Mode B blocks) are left out by default
#' (as in cSEM). With `composites = TRUE` they are included: alpha, rho_C
#' and AVE from the same formulas and rho_A set to 1, the reliability of a
#' composite that is its own construct (this matches seminr, which reports
#' every construct).
#'
#' @param fit A `pls_fit` object from [pls()].
#' @param composites Include composite (Mode B) constructs? See Details.
#' @return `pls_reliability()`: a data frame with one row per construct and
#'   columns `construct`, `mode`, `items` (number of indicators), `alpha`,
#'   `rho_a`, `rho_c` and `ave`. `pls_loadings()`: a data frame with one row
#'   per indicator and columns `construct`, `mode`, `indicator`, `weight`,
#'   `loading` and `reliability` (the squared loading).
#' @references
#' Cronbach, L. J. (1951). Coefficient alpha and the internal structure of
#' tests. *Psychometrika*, 16, 297--334. \doi{10.1007/BF02310555}
#'
#' Dijkstra, T. K., and Henseler, J. (2015). Consistent partial least squares
#' path modeling. *MIS Quarterly*, 39(2), 297--316.
#' \doi{10.25300/MISQ/2015/39.2.02}
#'
#' Fornell, C., and Larcker, D. F. (1981). Evaluating structural equation
#' models with unobservable variables and measurement error. *Journal of
#' Marketing Research*, 18(1), 39--50. \doi{10.1177/002224378101800104}
#'
#' Joereskog, K. G. (1971). Statistical analysis of sets of congeneric tests.
#' *Psychometrika*, 36, 109--133. \doi{10.1007/BF02291393}
#' @seealso [summary.pls_fit()] for the thresholds; [pls_htmt()] and
#'   [pls_fornell_larcker()] for discriminant validity.
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' pls_reliability(fit)
#' head(pls_loadings(fit))
#' @export
pls_reliability <- function(fit, composites = FALSE) {
  check_pls_fit(fit)
  check_flag(composites, "composites")
  model <- fit$model
  constructs <- assessed_constructs(model, composites)
  rows <- lapply(constructs, function(k) block_reliability(fit, k))
  out <- data.frame(
    construct = constructs,
    mode = unname(model$modes[constructs]),
    items = unname(lengths(model$blocks)[constructs]),
    stringsAsFactors = FALSE
  )
  values <- do.call(rbind, rows)
  if (is.null(values)) values <- matrix(numeric(), 0, 4, dimnames = list(NULL, reliability_columns))
  cbind(out, as.data.frame(values))
}

reliability_columns <- c("alpha", "rho_a", "rho_c", "ave")

block_reliability <- function(fit, construct) {
  items <- fit$model$blocks[[construct]]
  if (length(items) == 1L) return(stats::setNames(rep(1, 4), reliability_columns))
  R <- block_cor(fit, construct)
  loadings <- fit$outer_loadings[items, construct]
  rho_a <- if (fit$model$modes[[construct]] == "A") dijkstra_henseler_rho_a(R, fit$outer_weights[items, construct]) else 1
  stats::setNames(c(cronbach_alpha(R), rho_a, composite_reliability(loadings), mean(loadings^2)),
                  reliability_columns)
}

# Standardized Cronbach's alpha from a correlation matrix.
cronbach_alpha <- function(R) {
  K <- nrow(R)
  K / (K - 1) * (1 - K / sum(R))
}

# Dijkstra and Henseler (2015), eq. 21, for weights scaled so that the
# construct score has unit variance (w'Rw = 1), the scale pls() returns.
dijkstra_henseler_rho_a <- function(R, w) {
  w <- w / sqrt(drop(crossprod(w, R %*% w)))
  off_R <- R
  diag(off_R) <- 0
  ww <- tcrossprod(w)
  diag(ww) <- 0
  sum(w^2)^2 * drop(crossprod(w, off_R %*% w)) / drop(crossprod(w, ww %*% w))
}

# Joereskog's rho (composite reliability) of standardized indicators.
composite_reliability <- function(loadings) {
  sum(loadings)^2 / (sum(loadings)^2 + sum(1 - loadings^2))
}

#' @rdname pls_reliability
#' @export
pls_loadings <- function(fit) {
  check_pls_fit(fit)
  model <- fit$model
  construct <- indicator_construct(model)
  index <- cbind(model$indicators, construct)
  loadings <- fit$outer_loadings[index]
  data.frame(
    construct = unname(construct),
    mode = unname(model$modes[construct]),
    indicator = model$indicators,
    weight = fit$outer_weights[index],
    loading = loadings,
    reliability = loadings^2,
    stringsAsFactors = FALSE
  )
}
