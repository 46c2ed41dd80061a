# Shared code for the tests of the simulated study (iec_*).

# Large-sample standard errors of standardized regression (path) coefficients:
# for outcome y and predictor j, sqrt((1 - R2_y) / (n * (1 - R2_j))), where
# R2_j is the R^2 of predictor j on the outcome's other predictors (so
# 1 / (1 - R2_j) is its variance inflation factor). `R` is the correlation
# matrix of the variables, `paths` a 0/1 or coefficient matrix with rows
# predictors and columns outcomes. Returns a matrix shaped like `paths`.
path_se <- function(R, paths, n) {
  se <- paths * 0
  for (outcome in colnames(paths)[colSums(paths != 0) > 0]) {
    predictors <- rownames(paths)[paths[, outcome] != 0]
    r <- R[predictors, outcome]
    r2 <- drop(r %*% solve(R[predictors, predictors], r))
    vif <- diag(solve(R[predictors, predictors, drop = FALSE]))
    se[predictors, outcome] <- sqrt((1 - r2) * vif / n)
  }
  se
}

# Population parameters without item nonresponse, so that sample
# correlations estimate the implied ones without the attenuation of mean
# imputation.
complete_population <- function() {
  p <- iec_population()
  p$nonresponse <- 0
  p
}

# Approximate large-sample two-stage PLS estimate of a population
# interaction a x b -> y with value g: g * rho_a * rho_b * rho_y *
# sqrt((1 + r^2) / (1 + rho_a^2 rho_b^2 r^2)), where rho_k is the correlation
# of construct k's composite with its latent variable and r the latent
# correlation of a and b. It treats each composite as rho_k times its latent
# variable plus independent normal error, which the five-point answers only
# approximate. rho_k is exact: the composite's weights come from the PLS fit
# to the implied answer correlations, and an answer cut from
# lambda * latent + error at thresholds t has covariance
# lambda * sum(dnorm(t)) with the latent variable (Stein's lemma).
interaction_pls_limit <- function(params, row = 1) {
  interaction <- population_interactions(params)[row, ]
  implied <- iec_implied(params)
  limit <- pls(iec_model("extended"), S = implied$indicator_cor)
  lambda <- unlist(unname(params$loadings))
  per_loading <- sum(stats::dnorm(params$thresholds)) / sqrt(likert_var(params$thresholds))
  ends <- c(interaction$from, interaction$moderator, interaction$to)
  rho <- vapply(ends, function(k) {
    w <- limit$outer_weights[, k]
    sum(w * lambda[names(w)]) * per_loading
  }, numeric(1))
  r <- implied$latent_cor$pooled[interaction$from, interaction$moderator]
  interaction$value * prod(rho) * sqrt((1 + r^2) / (1 + rho[[1]]^2 * rho[[2]]^2 * r^2))
}
