#' Minimum sample size for PLS path models
#'
#' The inverse square root and gamma-exponential methods of Kock and Hadaya
#' (2018) give the smallest sample at which a path coefficient of absolute
#' size `p_min`, the weakest path one wants to detect, reaches the given power
#' in a test at level `alpha`.
#'
#' **Inverse square root.** The standard error of a path is taken as
#' `1 / sqrt(n)`, so the path is detected with the required power when
#' `|p_min| * sqrt(n) > z_(1 - alpha) + z_power`; the minimum sample is the
#' smallest whole `n` with `n > ((z_(1 - alpha) + z_power) / |p_min|)^2`.
#' For `alpha = 0.05` and `power = 0.8` the constant is
#' `1.645 + 0.842 = 2.486`, the paper's `n > (2.486 / |p_min|)^2`.
#'
#' **Gamma-exponential.** The standard error is corrected with Kock's
#' exponential smoothing factor, `exp(-e * |p_min| / sqrt(n))`: the minimum is
#' the smallest `n` with `|p_min| * sqrt(n) * exp(e * |p_min| / sqrt(n)) >
#' z_(1 - alpha) + z_power`. The exponential correction holds for samples
#' above 10; when that `n` is 10 or less (paths above about 0.5), the gamma
#' function correction of Gurland and Tripathi (1971) for small samples is
#' used instead, the paper's equation 6: the smallest `n` with
#' `|p_min| * sqrt(n) * c(n)` above the same constant, where
#' `c(n) = sqrt((n - 1) / 2) * gamma((n - 1) / 2) / gamma(n / 2)`. The switch
#' makes the result jump at the boundary: paths just above 0.5 need about
#' twice the sample of paths just below (the paper's method, kept as
#' published). The authors' spreadsheet program (their Appendix B) evaluates
#' the gamma functions at shifted arguments, `gamma(n / 2) / gamma((n + 1) /
#' 2)`, which gives samples one or two larger in this range; the worked examples
#' of the paper are all above 10 and agree either way. The method gives
#' somewhat smaller samples than the inverse square root; the authors
#' recommend the inverse square root method for its simplicity and because
#' it errs on the safe side.
#'
#' **One-sided tests.** Following the paper, the critical value is the
#' one-sided `z_(1 - alpha)` (the sign of a path is hypothesized, Kock 2015).
#' `alternative = "two.sided"` uses `z_(1 - alpha / 2)` instead, which gives
#' larger samples.
#'
#' The paper rounds the z values to three decimals (2.486); this function
#' uses exact normal quantiles (2.4865 for `alpha = 0.05`, `power = 0.8`),
#' which reproduces the paper's results: for `p_min = 0.197` (the smallest
#' path with an effect size f^2 above 0.04, the paper's default when nothing
#' is known) 160 by the inverse square root method and 146 by the
#' gamma-exponential method.
#'
#' @param p_min Absolute value of the smallest path coefficient expected (or,
#'   after estimation, found) to be significant; a vector gives one row each.
#'   Values in (0, 1).
#' @param alpha Significance level.
#' @param power Required statistical power.
#' @param alternative `"one.sided"` (the paper's default) or `"two.sided"`.
#' @return A data frame with one row per `p_min` and the columns `p_min`,
#'   `alpha`, `power`, `inverse_square_root` and `gamma_exponential` (the
#'   minimum sample sizes, integers).
#' @references Kock, N., and Hadaya, P. (2018). Minimum sample size estimation
#'   in PLS-SEM: The inverse square root and gamma-exponential methods.
#'   *Information Systems Journal*, 28(1), 227--261. \doi{10.1111/isj.12131}
#'
#'   Kock, N. (2015). One-tailed or two-tailed P values in PLS-SEM?
#'   *International Journal of e-Collaboration*, 11(2), 1--7.
#'   \doi{10.4018/ijec.2015040101}
#'
#'   Gurland, J., and Tripathi, R. C. (1971). A simple approximation for
#'   unbiased estimation of the standard deviation. *The American
#'   Statistician*, 25(4), 30--32. \doi{10.1080/00031305.1971.10477279}
#' @examples
#' # The paper's rule of thumb when nothing is known about the paths
#' pls_sample_size(0.197)
#'
#' # The weakest path of the study's population model
#' paths <- iec_population()$paths
#' pls_sample_size(min(abs(paths[paths != 0])))
#'
#' # Retrospectively, from a fitted model
#' fit <- pls(iec_model("extended"), data = iec_survey, missing = "mean")
#' pls_sample_size(min(abs(coef(fit))))
#' @export
pls_sample_size <- function(p_min, alpha = 0.05, power = 0.80, alternative = c("one.sided", "two.sided")) {
  alternative <- match_arg(alternative)
  if (!is.numeric(p_min) || !length(p_min) || anyNA(p_min) || any(p_min <= -1 | p_min == 0 | p_min >= 1)) {
    abort_input("{.arg p_min} must be path coefficients with absolute values in (0, 1).")
  }
  check_probability(alpha, "alpha")
  check_probability(power, "power")
  tails <- if (alternative == "one.sided") 1 else 2
  z <- stats::qnorm(1 - alpha / tails) + stats::qnorm(power)
  p <- abs(p_min)
  data.frame(
    p_min = p,
    alpha = alpha,
    power = power,
    inverse_square_root = as.integer(floor((z / p)^2) + 1),
    gamma_exponential = vapply(p, gamma_exponential_n, integer(1), z = z)
  )
}

check_probability <- function(x, name) {
  check_number(x, name, above = 0, below = 1)
}

# Smallest n with p * sqrt(n) * correction(n) > z, for Kock and Hadaya's
# gamma-exponential method: the exponential smoothing correction, or for
# n <= 10 the gamma function correction (their equations 7 and 6).
gamma_exponential_n <- function(p, z) {
  upper <- floor((z / p)^2) + 1   # both corrections lower the standard error
  exponential <- function(n) p * sqrt(n) * exp(exp(1) * p / sqrt(n))
  n <- first_above(exponential, z, upper)
  if (n > 10) return(n)
  gamma_corrected <- function(n) {
    c_n <- sqrt((n - 1) / 2) * exp(lgamma((n - 1) / 2) - lgamma(n / 2))
    ifelse(n < 2, 0, p * sqrt(n) * c_n)
  }
  first_above(gamma_corrected, z, upper)
}

# Smallest whole n in 1..upper with f(n) > z, or upper when there is none.
# f need not be monotone near 1 (the exponential factor first decreases), so
# small n are checked one by one; from there on f increases and a bisection
# finds the crossing.
first_above <- function(f, z, upper) {
  upper <- as.integer(upper)
  small <- seq_len(min(upper, 100L))
  hit <- which(f(small) > z)
  if (length(hit)) return(small[hit[1]])
  lo <- length(small)   # f(lo) <= z
  hi <- upper
  if (f(hi) <= z) return(hi)
  while (hi - lo > 1L) {
    mid <- (lo + hi) %/% 2L
    if (f(mid) > z) hi <- mid else lo <- mid
  }
  hi
}
