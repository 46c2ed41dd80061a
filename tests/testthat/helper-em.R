# Shared code for the tests of the EM kernel (src/em.c, R/em.R).

# A fixture of tools/make-fixtures-em.R and its data: list(x, fx).
em_fixture <- function(name) {
  fx <- readRDS(test_path("fixtures", name))
  x <- fx[["data"]]
  if (is.null(x)) {
    x <- get(fx$dataset, envir = asNamespace("iecpls"))[fx$columns]
    if (!is.null(fx$na_value)) x[x == fx$na_value] <- NA
  }
  list(x = as.matrix(x), fx = fx)
}

# Plain ML moments of complete data with frequency weights w (divisor sum(w)).
ml_moments_oracle <- function(x, w = rep(1, nrow(x))) {
  mean <- colSums(w * x) / sum(w)
  centred <- sweep(x, 2, mean)
  list(mean = mean, cov = crossprod(centred * sqrt(w)) / sum(w))
}

# The conditional expectation of each row's missing entries given its
# observed ones under N(mean, cov), row by row with solve().
impute_oracle <- function(x, mean, cov) {
  for (r in seq_len(nrow(x))) {
    m <- is.na(x[r, ])
    if (!any(m)) next
    if (all(m)) {
      x[r, ] <- mean
      next
    }
    o <- !m
    x[r, m] <- mean[m] + cov[m, o, drop = FALSE] %*% solve(cov[o, o, drop = FALSE], x[r, o] - mean[o])
  }
  x
}

# n rows of N(0, sigma) with a random positive definite sigma of p columns.
random_normal_data <- function(n, p, seed) {
  set.seed(seed)
  a <- matrix(stats::rnorm(p * p), p)
  sigma <- crossprod(a) / p + diag(p)
  x <- matrix(stats::rnorm(n * p), n) %*% chol(sigma)
  colnames(x) <- paste0("v", seq_len(p))
  list(x = x, sigma = sigma, mean = stats::rnorm(p))
}

# The population of the Monte Carlo test: X -> Y, three indicators each
# with loadings 0.8, 0.7, 0.6 and a latent correlation of 0.5.
mar_population <- function() {
  lambda <- c(0.8, 0.7, 0.6)
  loadings <- rbind(cbind(lambda, 0), cbind(0, lambda))
  sigma <- loadings %*% matrix(c(1, 0.5, 0.5, 1), 2) %*% t(loadings)
  diag(sigma) <- 1
  names <- c("x1", "x2", "x3", "y1", "y2", "y3")
  dimnames(sigma) <- list(names, names)
  sigma
}

# Log-density of each row of x under N(mean, cov).
mvn_logdensity <- function(x, mean, cov) {
  d <- sweep(x, 2, mean)
  q <- rowSums((d %*% solve(cov)) * d)
  -0.5 * (ncol(x) * log(2 * pi) + as.numeric(determinant(cov)$modulus) + q)
}
