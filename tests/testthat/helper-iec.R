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
