# Plain-R counterparts of the test of exact model fit (model_fit.c).

# Z S^-1/2 Sigma^1/2 with symmetric roots from eigen().
reference_exact_fit_data <- function(Z, S, Sigma) {
  root <- function(A, power) {
    e <- eigen(A, symmetric = TRUE)
    e$vectors %*% diag(e$values^power) %*% t(e$vectors)
  }
  Z %*% root(S, -0.5) %*% root(Sigma, 0.5)
}

# SRMR, d_ULS, d_G (natural logarithms) and d_ML of a fit against the
# correlations its estimated or saturated model implies.
reference_fit_measures <- function(fit, saturated = FALSE, model = "auto") {
  indicators <- fit$model$indicators
  S <- fit$indicator_cor[indicators, indicators]
  Sigma <- pls_implied_cor(fit, model = model, saturated = saturated)[indicators, indicators]
  residual <- S - Sigma
  phi <- Re(eigen(solve(S) %*% Sigma, only.values = TRUE)$values)
  ratio <- S %*% solve(Sigma)
  c(sqrt(mean(residual[lower.tri(residual, diag = TRUE)]^2)), sum(residual^2) / 2, sum(log(phi)^2) / 2,
    sum(diag(ratio)) - log(det(ratio)) - nrow(S))
}

# Standard error of the p-quantile of draws: sqrt(p (1 - p) / n) / f(q),
# with the density f at the quantile from a kernel estimate.
quantile_se <- function(draws, p) {
  draws <- draws[is.finite(draws)]
  q <- stats::quantile(draws, p, names = FALSE)
  density <- stats::density(draws)
  f <- stats::approx(density$x, density$y, xout = q)$y
  sqrt(p * (1 - p) / length(draws)) / f
}
