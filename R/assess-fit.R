#' Model fit: SRMR, d_ULS and d_G
#'
#' `pls_model_fit()` compares the empirical indicator correlation matrix
#' \eqn{S} with the one the model implies, \eqn{\hat\Sigma}, for the
#' estimated model and for the saturated model. `pls_implied_cor()` returns
#' \eqn{\hat\Sigma}.
#'
#' @section Model-implied correlations:
#' Let \eqn{\lambda_k} be the loadings of block \eqn{k} and \eqn{P} the
#' correlations of the constructs. Indicators of two different constructs
#' \eqn{k \ne l} are implied to correlate \eqn{\lambda_k P_{kl}
#' \lambda_l'} under both measurement models. Within a block they differ:
#' \describe{
#'   \item{Composite model}{A composite is formed by its indicators, whose
#'     correlations are not restricted: the block keeps its empirical
#'     correlations \eqn{S_{kk}} (Henseler et al. 2014; Dijkstra 2017).
#'     Since PLS loadings are \eqn{\lambda_k = S_{kk} w_k} for every mode,
#'     this is the model PLS estimates.}
#'   \item{Common-factor model}{The indicators are caused by one factor:
#'     \eqn{\lambda_k \lambda_k'} off the diagonal and 1 on it.}
#' }
#' `model = "auto"` (the default) treats Mode A constructs as common factors
#' and Mode B constructs as composites, the convention of cSEM (`=~` versus
#' `<~`); `"composite"` and `"common_factor"` apply one model to every block.
#'
#' \eqn{P} is the empirical correlation matrix of the construct scores for
#' the **saturated** model (all constructs freely correlated; this tests the
#' measurement model alone). For the **estimated** model it is implied by the
#' path coefficients of the recursive structural model: exogenous
#' constructs keep their empirical correlations \eqn{\Phi}, and with
#' \eqn{B} the paths among endogenous constructs, \eqn{\Gamma} those from
#' exogenous to endogenous ones and \eqn{\Psi} the diagonal matrix of
#' \eqn{1 - R^2}, the endogenous constructs correlate
#' \eqn{(I - B)^{-1}(\Gamma\Phi\Gamma' + \Psi)(I - B)^{-T}} (diagonal set to
#' 1) with each other and \eqn{\Phi\Gamma'(I - B)^{-T}} with the exogenous
#' ones. This is cSEM's `fit()`.
#'
#' @section Fit measures:
#' \describe{
#'   \item{SRMR}{Standardized root mean squared residual (Hu and Bentler
#'     1999; for PLS, Henseler et al. 2014): the root mean square of the
#'     \eqn{p(p+1)/2} elements of the lower triangle and diagonal of
#'     \eqn{S - \hat\Sigma}. Values up to 0.08 indicate a good fit (Hu and
#'     Bentler 1999); 0.10 is a more lenient cut-off.}
#'   \item{d_ULS}{Squared Euclidean distance, \eqn{\frac12 \sum_{ij}(s_{ij} -
#'     \hat\sigma_{ij})^2} over all elements (Dijkstra and Henseler 2015).}
#'   \item{d_G}{Geodesic distance, \eqn{\frac12 \sum_i (\ln \varphi_i)^2}
#'     with \eqn{\varphi_i} the eigenvalues of \eqn{S^{-1}\hat\Sigma}
#'     (Dijkstra and Henseler 2015), with the natural logarithm.}
#' }
#' d_ULS and d_G have no fixed thresholds: they are compared with the
#' quantiles of their bootstrap distribution under the model.
#'
#' SRMR, d_ULS and the implied matrices agree with cSEM (`assess()`,
#' `calculateSRMR()`, `calculateDL()`, `fit()`) to 1e-10. cSEM's
#' `calculateDG()` takes base-10 logarithms; its values are those of
#' `pls_model_fit()` divided by \eqn{(\ln 10)^2 \approx 5.30}.
#'
#' @section Test of exact fit:
#' With `R` of 2 or more, `pls_model_fit()` also tests the null hypothesis
#' that the population indicator correlation matrix is the one the model
#' implies, by the bootstrap of Beran and Srivastava (1985) that Dijkstra
#' and Henseler (2015, MIS Quarterly) proposed for PLS (cSEM's `testOMF()`; the test of
#' exact fit of confirmatory composite analysis, Schuberth et al. 2018).
#' The standardized data \eqn{Z} are transformed to \eqn{Z^* = Z
#' S^{-1/2} \hat\Sigma^{1/2}} (symmetric square roots from the eigen
#' decomposition), whose correlation matrix is exactly \eqn{\hat\Sigma}:
#' the model holds in them. `R` resamples of the rows of \eqn{Z^*} are
#' drawn, the model is refitted to each with the fit's settings, and SRMR,
#' d_ULS, d_G and d_ML (\eqn{\mathrm{tr}(S\hat\Sigma^{-1}) - \ln
#' \det(S\hat\Sigma^{-1}) - p}, cSEM's `calculateDML()`) of the resample
#' are computed against the correlations its own fit implies. The 95% and
#' 99% quantiles of these values (`hi95`, `hi99`; SmartPLS's HI95 and HI99)
#' are the critical values: exact fit is supported at the 5% (1%) level when
#' the sample value does not exceed `hi95` (`hi99`). A significant result
#' (a value above the quantile) is evidence against the model.
#'
#' The estimated and the saturated model are tested separately, as cSEM
#' does with `.saturated = FALSE` and `TRUE`: the saturated model's test
#' transforms the data with the saturated model's implied matrix. Both tests
#' draw the same resamples (rows). Resamples are drawn and refitted in C
#' exactly as in [pls_boot()] (see its section on random numbers and
#' parallel runs: `set.seed()` or `seed`, chunks of MRG32k3a streams,
#' results independent of `cores`, a [future::plan()] when one is set).
#' With case weights a resampled row keeps its weight, as in [pls_boot()].
#' Missing values are handled once, before the transformation, as the fit
#' handled them (with `missing = "mean"` the replaced values are
#' transformed). Resamples whose refit fails (no convergence, a singular
#' block, ...) are left out and counted; an inadmissible PLSc resample is
#' kept (as `pls_boot()`'s default `inadmissibles = "ignore"`, with a
#' warning that counts them); an inadmissible PLSc fit itself cannot be
#' tested (class `iecpls_inadmissible`). A measure a resample cannot give
#' (d_G and d_ML when an implied matrix is not positive definite) is left
#' out of that measure's quantiles. Models with interaction terms or higher-order
#' constructs (estimated in stages) are not supported yet (class
#' `iecpls_unsupported_error`), nor are fits from a correlation matrix
#' (`iecpls_needs_data`).
#'
#' d_G uses natural logarithms, so its values and quantiles are cSEM's
#' times \eqn{(\ln 10)^2}; the verdicts are the same.
#'
#' @param fit A `pls_fit` object from [pls()].
#' @param model Measurement model behind the implied correlations:
#'   `"auto"`, `"composite"` or `"common_factor"`; see Details.
#' @param R Number of bootstrap resamples of the test of exact fit: 0 (the
#'   default) for the fit measures alone, otherwise at least 2 (5,000 is
#'   usual).
#' @param seed `NULL` (the default) to draw the resamples from the
#'   session's random numbers (as [pls_boot()], reproducible with
#'   `set.seed()`), or a number: the run is then the same as after
#'   `set.seed(seed)`, and the session's generator is left untouched.
#' @param cores Number of OpenMP threads, as for [pls_boot()]. By default
#'   the option `iecpls.cores`, else 1.
#' @param ... Not used.
#' @param saturated For `pls_implied_cor()`: the saturated model (`TRUE`) or
#'   the estimated model (`FALSE`).
#' @return `pls_implied_cor()`: the indicators x indicators model-implied
#'   correlation matrix. `pls_model_fit()`: a data frame with one row per
#'   measure (`statistic`: `"SRMR"`, `"d_ULS"`, `"d_G"`) and its value for
#'   the `estimated` and the `saturated` model. With `R >= 2`, an object of
#'   class `pls_model_fit_test`: a list with `tests` (a data frame with one
#'   row per measure and model: `statistic` (`"SRMR"`, `"d_ULS"`, `"d_G"`,
#'   `"d_ML"`), `model` (`"estimated"`, `"saturated"`), `value`, `hi95`,
#'   `hi99`, `supported_95`, `supported_99`; also what `tidy()` and
#'   `as.data.frame()` return), `draws` (a resamples x measures matrix per
#'   model), `status` (per model, 0 for a valid resample, see
#'   [pls_status_codes()]), `n_failed`, `n_inadmissible`, `R`, `model` and
#'   `measures` (the table of `R = 0`). Assign it to `fit$model_fit_test` and [summary()]
#'   reports the test with the fit measures.
#' @references
#' Beran, R., and Srivastava, M. S. (1985). Bootstrap tests and confidence
#' regions for functions of a covariance matrix. *The Annals of Statistics*,
#' 13(1), 95--115. \doi{10.1214/aos/1176346579}
#'
#' Dijkstra, T. K. (2017). A perfect match between a model and a mode. In
#' H. Latan and R. Noonan (eds.), *Partial Least Squares Path Modeling*,
#' 55--80. Springer. \doi{10.1007/978-3-319-64069-3_4}
#'
#' Dijkstra, T. K., and Henseler, J. (2015). Consistent and asymptotically
#' normal PLS estimators for linear structural equations. *Computational
#' Statistics & Data Analysis*, 81, 10--23. \doi{10.1016/j.csda.2014.07.008}
#'
#' Dijkstra, T. K., and Henseler, J. (2015). Consistent partial least
#' squares path modeling. *MIS Quarterly*, 39(2), 297--316.
#' \doi{10.25300/MISQ/2015/39.2.02}
#'
#' Henseler, J., Dijkstra, T. K., Sarstedt, M., Ringle, C. M., Diamantopoulos,
#' A., Straub, D. W., Ketchen, D. J., Hair, J. F., Hult, G. T. M., and
#' Calantone, R. J. (2014). Common beliefs and reality about PLS: comments on
#' Roenkkoe and Evermann (2013). *Organizational Research Methods*, 17(2),
#' 182--209. \doi{10.1177/1094428114526928}
#'
#' Hu, L., and Bentler, P. M. (1999). Cutoff criteria for fit indexes in
#' covariance structure analysis: conventional criteria versus new
#' alternatives. *Structural Equation Modeling*, 6(1), 1--55.
#' \doi{10.1080/10705519909540118}
#'
#' Schuberth, F., Henseler, J., and Dijkstra, T. K. (2018). Confirmatory
#' composite analysis. *Frontiers in Psychology*, 9, 2541.
#' \doi{10.3389/fpsyg.2018.02541}
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' pls_model_fit(fit)
#' pls_model_fit(fit, model = "composite")
#' round(pls_implied_cor(fit)[1:4, 1:4], 3)
#' # the bootstrap test of exact fit (use R = 5000 in practice)
#' pls_model_fit(fit, R = 200, seed = 1)
#' @export
pls_model_fit <- function(fit, model = c("auto", "composite", "common_factor"), R = 0L, seed = NULL,
                          cores = getOption("iecpls.cores", 1L)) {
  check_pls_fit(fit)
  model <- match_arg(model)
  check_number(R, "R", min = 0, integer = TRUE)
  if (R == 1) abort_input("{.arg R} must be 0 (no test) or at least 2 resamples, not 1.")
  if (R > 0) {
    # the transformation makes Pearson correlations of the data equal the
    # implied ones; another source's correlations would not follow
    check_no_source(fit, "The test of exact fit ({.code R > 0})")
    return(model_fit_test(fit, model, R, seed, cores))
  }
  S <- fit$indicator_cor
  measures <- lapply(c(FALSE, TRUE), function(saturated) {
    fit_measures(S, pls_implied_cor(fit, model = model, saturated = saturated))
  })
  data.frame(statistic = c("SRMR", "d_ULS", "d_G"), estimated = unname(measures[[1]]),
             saturated = unname(measures[[2]]), stringsAsFactors = FALSE)
}

fit_measures <- function(S, Sigma) {
  residual <- S - Sigma
  lower <- lower.tri(residual, diag = TRUE)
  c(srmr = sqrt(mean(residual[lower]^2)), d_uls = sum(residual^2) / 2, d_g = geodesic_distance(S, Sigma))
}

geodesic_distance <- function(S, Sigma) {
  ratio <- tryCatch(solve(S, Sigma), error = function(e) NULL)
  if (is.null(ratio)) return(NA_real_)
  values <- eigen(ratio, only.values = TRUE)$values
  if (is.complex(values) || any(values <= 0)) return(NA_real_)
  sum(log(values)^2) / 2
}

#' @rdname pls_model_fit
#' @export
pls_implied_cor <- function(fit, model = c("auto", "composite", "common_factor"), saturated = FALSE) {
  check_pls_fit(fit)
  model <- match_arg(model)
  check_flag(saturated, "saturated")
  P <- if (saturated) fit$construct_cor else implied_construct_cor(fit)
  lambda <- fit$outer_loadings
  Sigma <- lambda %*% P %*% t(lambda)
  diag(Sigma) <- 1
  constructs <- fit$model$constructs
  composite <- switch(model, auto = fit$model$modes == "B",
                      composite = rep(TRUE, length(constructs)),
                      common_factor = rep(FALSE, length(constructs)))
  for (k in constructs[composite]) {
    items <- fit$model$blocks[[k]]
    Sigma[items, items] <- fit$indicator_cor[items, items]
  }
  Sigma
}

# Construct correlations implied by the recursive structural model.
implied_construct_cor <- function(fit) {
  B <- fit$path_coef
  P <- fit$construct_cor
  endogenous <- model_endogenous(fit$model)
  exogenous <- setdiff(fit$model$constructs, endogenous)
  Phi <- P[exogenous, exogenous, drop = FALSE]
  beta <- t(B[endogenous, endogenous, drop = FALSE])
  gamma <- t(B[exogenous, endogenous, drop = FALSE])
  psi <- diag(1 - colSums(B * P)[endogenous], length(endogenous))
  inverse <- solve(diag(length(endogenous)) - beta)
  endo_endo <- inverse %*% (gamma %*% Phi %*% t(gamma) + psi) %*% t(inverse)
  diag(endo_endo) <- 1
  exo_endo <- Phi %*% t(gamma) %*% t(inverse)
  out <- P
  out[exogenous, exogenous] <- Phi
  out[exogenous, endogenous] <- exo_endo
  out[endogenous, exogenous] <- t(exo_endo)
  out[endogenous, endogenous] <- endo_endo
  out
}
