# Direct plain-R CVPAT losses for one repetition of given folds: the oracle
# reference_pls() on each training fold, direct-antecedent predictions, lm()
# for the LM benchmark and training means for the IA benchmark. Returns the
# case-wise losses (mean squared error over the endogenous indicators).
reference_cvpat_losses <- function(data, syntax, folds) {
  spec <- ref_parse_syntax(syntax)
  mv <- unlist(spec$blocks, use.names = FALSE)
  endogenous <- names(which(colSums(spec$inner) > 0))
  items <- unlist(spec$blocks[endogenous], use.names = FALSE)
  X <- as.matrix(data[, mv])
  n <- nrow(X)
  pls_hat <- lm_hat <- ia_hat <- matrix(NA_real_, n, length(items), dimnames = list(NULL, items))
  for (f in sort(unique(folds))) {
    test <- folds == f
    train <- X[!test, , drop = FALSE]
    fit <- reference_pls(train, spec$blocks, spec$modes, spec$inner, tol = 1e-12)
    m <- colMeans(train)
    s <- apply(train, 2, stats::sd)
    Z <- sweep(sweep(X[test, , drop = FALSE], 2, m), 2, s, "/")
    scores <- Z %*% fit$outer_weights
    for (k in endogenous) {
      predictors <- names(which(spec$inner[, k] == 1))
      y_hat <- scores[, predictors, drop = FALSE] %*% fit$path_coef[predictors, k]
      x <- unlist(spec$blocks[predictors], use.names = FALSE)
      for (item in spec$blocks[[k]]) {
        pls_hat[test, item] <- m[item] + s[item] * fit$outer_loadings[item, k] * y_hat
        model <- stats::lm(y ~ ., data = data.frame(y = train[, item], train[, x, drop = FALSE]))
        lm_hat[test, item] <- stats::predict(model, newdata = data.frame(X[test, x, drop = FALSE]))
        ia_hat[test, item] <- m[item]
      }
    }
  }
  actual <- X[, items]
  list(model = rowMeans((actual - pls_hat)^2), IA = rowMeans((actual - ia_hat)^2),
       LM = rowMeans((actual - lm_hat)^2))
}
