# Plain-R FIMIX-PLS for test-fimix.R, written from Hahn et al. (2002) and
# seminrExtras's description of the iteration rather than from R/fimix.R
# and src/fimix.c: lm.wfit() for the M step, dnorm() for the densities.
# Runs exactly `iterations` iterations from the initial posteriors `tau`.
reference_fimix <- function(y, x, equations, tau, iterations, intercept = TRUE) {
  n <- nrow(tau)
  K <- ncol(tau)
  for (it in seq_len(iterations)) {
    pi <- colMeans(tau)
    coef <- variance <- vector("list", K)
    logf <- matrix(log(pi), n, K, byrow = TRUE)
    for (k in seq_len(K)) {
      coef[[k]] <- variance[[k]] <- list()
      for (j in names(equations)) {
        X <- x[, equations[[j]], drop = FALSE]
        if (intercept) X <- cbind(1, X)
        w <- tau[, k]
        b <- stats::lm.wfit(X, y[, j], w)$coefficients
        e <- y[, j] - drop(X %*% b)
        v <- max(sum(w * e^2) / sum(w), 100 * .Machine$double.eps)
        coef[[k]][[j]] <- b
        variance[[k]][[j]] <- v
        logf[, k] <- logf[, k] + stats::dnorm(e, sd = sqrt(v), log = TRUE)
      }
    }
    top <- apply(logf, 1, max)
    lse <- top + log(rowSums(exp(logf - top)))
    tau <- pmax(exp(logf - lse), .Machine$double.eps)
    tau <- tau / rowSums(tau)
    loglik <- sum(lse)
  }
  list(tau = tau, pi = pi, coef = coef, variance = variance, loglik = loglik)
}

# Two segments with different structural models: X1 and X2 predict Y, Y
# predicts Z (three indicators each, loadings 0.85). In the first segment
# (share `share`) Y = 0.8 X1 + 0.1 X2 + e and Z = 0.7 Y + u, in the second
# Y = -0.3 X1 + 0.6 X2 + e and Z = -0.3 Y + u (unit variances in both).
# With `two = FALSE` every case follows the first segment's model. Returns
# the data with the true segment as `segment`.
fimix_two_segment_data <- function(n, seed, share = 0.6, two = TRUE) {
  with_seed(seed, {
    segment <- if (two) ifelse(stats::runif(n) < share, 1L, 2L) else rep(1L, n)
    x1 <- stats::rnorm(n)
    x2 <- stats::rnorm(n)
    b1 <- c(0.8, -0.3)[segment]
    b2 <- c(0.1, 0.6)[segment]
    c1 <- c(0.7, -0.3)[segment]
    eta <- b1 * x1 + b2 * x2 + sqrt(1 - b1^2 - b2^2) * stats::rnorm(n)
    zeta <- c1 * eta + sqrt(1 - c1^2) * stats::rnorm(n)
    items <- function(lv, prefix) {
      out <- sapply(1:3, function(i) 0.85 * lv + sqrt(1 - 0.85^2) * stats::rnorm(n))
      colnames(out) <- paste0(prefix, 1:3)
      out
    }
    data.frame(items(x1, "a"), items(x2, "b"), items(eta, "c"), items(zeta, "d"), segment = segment)
  })
}

fimix_two_segment_syntax <- "
  X1 =~ a1 + a2 + a3
  X2 =~ b1 + b2 + b3
  Y  =~ c1 + c2 + c3
  Z  =~ d1 + d2 + d3
  Y ~ X1 + X2
  Z ~ Y
"

# Every element of `object` within `tol` of `expected` (absolute).
expect_close <- function(object, expected, tol, label = NULL) {
  expect_identical(length(object), length(expected), label = label)
  expect_lte(max(abs(as.numeric(object) - as.numeric(expected))), tol, label = label)
}
