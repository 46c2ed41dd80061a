#' Correlations and R^2 implied by the study's population model
#'
#' Computes, without simulating, what a parameter list from
#' [iec_population()] implies: the correlations of the latent variables and
#' the R^2 of the endogenous constructs in each role and in the pooled
#' population, and the population correlation matrix of the 5-point answers.
#'
#' @section What PLS estimates in this population:
#' The population paths are relations between latent variables (common
#' factors). PLS path modeling estimates relations between composites of the
#' observed answers, which contain measurement error, and the answers are
#' coarsened to five categories; both attenuate the estimates, and more data
#' does not remove this. `pls(model, S = iec_implied()$indicator_cor)` gives
#' the values that PLS estimates approach as the sample grows (its large-sample
#' limit in this population); compare estimates with those, and the
#' population paths with estimates from a consistent method.
#'
#' The correlation of two answers is computed exactly from the correlation
#' `rho` of their underlying normal indicators: with thresholds `t`,
#' the covariance of the answers is the sum over all pairs of thresholds of
#' the integral from 0 to `rho` of the bivariate normal density at
#' `(t[k], t[l])`, divided by the answers' common variance. The pooled matrix
#' averages the roles' covariance matrices weighted by the role probabilities,
#' which is exact because every answer has the same distribution in every
#' role. Item nonresponse is ignored (it is missing completely at random).
#'
#' @section Interactions:
#' A population with interactions (`iec_population(moderated = TRUE)`) has the
#' same latent correlations as without them: the standardized product terms
#' are uncorrelated with every latent variable they do not affect, and the
#' outcome's disturbance shrinks by the variance they add (see
#' [iec_population()]). `latent_cor` is therefore exact (it holds the
#' correlations of the latent variables, not of the product terms), and `r2`
#' includes the interactions' share of their outcomes' variance. Two things are
#' not covered:
#' * The product term makes its outcome and everything downstream of it (CTM,
#'   PIA, CDA) non-normal, while the answer correlations in `indicator_cor`
#'   are computed for normal indicators. The correlations on the normal scale
#'   (loading x loading x latent correlation) stay exact, but the five-point
#'   answers are nonlinear functions of the indicators, and the product term
#'   correlates with nonlinear functions of its constituents. So for the
#'   items of the affected constructs `indicator_cor` is an approximation:
#'   with the interaction of `iec_population(moderated = TRUE)` (2% of CTM's
#'   variance) it is off by up to about 0.03 for a CTM item with a GAD or RIG
#'   item, about 0.015 for PIA and CDA items with those, and less for the
#'   other pairs. `pls(model, S = indicator_cor)` is then an approximate
#'   large-sample limit too.
#' * Correlations cannot show an interaction: [pls()] needs `data` for a
#'   model with product terms. The PLS estimate of an interaction is
#'   attenuated by the measurement error of the composites of both
#'   constituents and of the outcome (to about -0.12 for the population value
#'   -0.15 with the two-stage approach).
#'
#' @param params A parameter list as returned by [iec_population()].
#' @return A list with
#' \describe{
#'   \item{`latent_cor`}{Named list of latent correlation matrices: one per
#'     role and `pooled` (the mixture of the roles).}
#'   \item{`r2`}{Matrix of R^2 values, rows are the roles and `pooled`,
#'     columns the endogenous constructs: the share of each construct's
#'     variance explained by its predictors and interaction terms.}
#'   \item{`indicator_cor`}{Items x items population correlation matrix of
#'     the answers 1 to 5 in the pooled population.}
#' }
#' @seealso [iec_population()], [iec_simulate()], [pls()].
#' @examples
#' implied <- iec_implied()
#' round(implied$r2, 3)
#'
#' # What PLS estimates in this population, and how far from the latent paths
#' limit <- pls(iec_model("extended"), S = implied$indicator_cor)
#' cbind(population = iec_population()$paths["TTM", "CTM"],
#'       pls_limit = limit$path_coef["TTM", "CTM"])
#' @export
iec_implied <- function(params = iec_population()) {
  check_population(params)
  roles <- names(params$groups$role)
  interactions <- population_interactions(params)
  latent <- lapply(roles, function(role) latent_cor(role_paths_matrix(params, role), params$exogenous_cor, interactions))
  names(latent) <- roles
  weights <- params$groups$role
  latent$pooled <- Reduce(`+`, Map(`*`, latent[roles], weights))
  r2 <- t(vapply(names(latent), function(group) {
    paths <- if (group == "pooled") params$paths else role_paths_matrix(params, group)
    latent_r2(latent[[group]], paths)
  }, numeric(sum(colSums(params$paths != 0) > 0))))
  r2 <- r2 + interaction_r2(latent[roles], interactions, colnames(r2), weights)
  answer_cor <- lapply(latent[roles], function(R) likert_cor(indicator_normal_cor(R, params$loadings), params$thresholds))
  list(latent_cor = latent, r2 = r2, indicator_cor = Reduce(`+`, Map(`*`, answer_cor, weights)))
}

# The share of the endogenous constructs' variance that the interactions
# explain, rows the roles and `pooled`: g' Q g in each role and, as the
# product terms are uncorrelated with the linear predictors in every role,
# the roles' average in the pooled population.
interaction_r2 <- function(latent, interactions, endogenous, weights) {
  by_role <- matrix(0, length(latent), length(endogenous), dimnames = list(names(latent), endogenous))
  for (role in names(latent)) {
    by_role[role, ] <- vapply(endogenous, interaction_variance, numeric(1), R = latent[[role]],
                              interactions = interactions)
  }
  rbind(by_role, pooled = colSums(by_role * weights))
}

# Correlations of the normal indicators: loading_i * loading_j * latent cor.
indicator_normal_cor <- function(R, loadings) {
  lambda <- unlist(unname(loadings))
  construct <- rep(names(loadings), lengths(loadings))
  S <- outer(lambda, lambda) * R[construct, construct]
  diag(S) <- 1
  dimnames(S) <- list(names(lambda), names(lambda))
  S
}

# Correlations of the answers after cutting normal indicators with
# correlations `S` at `thresholds`.
likert_cor <- function(S, thresholds) {
  off <- S[upper.tri(S)]
  values <- unique(off)
  answers <- vapply(values, likert_cov, numeric(1), thresholds = thresholds) / likert_var(thresholds)
  out <- S
  out[upper.tri(out)] <- answers[match(off, values)]
  out[lower.tri(out)] <- t(out)[lower.tri(out)]
  out
}

# Covariance of two answers whose normal indicators correlate `rho`: the
# covariance of the indicators 1{z1 > a} and 1{z2 > b} is the integral of the
# bivariate normal density at (a, b) over the correlation from 0 to rho.
likert_cov <- function(rho, thresholds) {
  if (rho == 0) return(0)
  a <- rep(thresholds, times = length(thresholds))
  b <- rep(thresholds, each = length(thresholds))
  density_sum <- function(r) {
    q <- outer(1 / (1 - r^2), a^2 + b^2) - outer(2 * r / (1 - r^2), a * b)
    rowSums(exp(-q / 2)) / (2 * pi * sqrt(1 - r^2))
  }
  stats::integrate(density_sum, 0, rho, rel.tol = 1e-10)$value
}

# Variance of an answer (the same for all items: the indicators are N(0, 1)).
likert_var <- function(thresholds) {
  upper <- stats::pnorm(-thresholds)
  sum(outer(upper, upper, pmin) - outer(upper, upper))
}
