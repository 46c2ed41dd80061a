# Shared code for the tests of pls_power()'s populations (R/power-population.R).

# The model syntax with values of an iec_population()-style list without
# role-specific paths: loadings, paths, interactions and the exogenous
# constructs' correlations, written out statement by statement.
population_syntax_of <- function(params) {
  measurement <- vapply(names(params$loadings), function(k) {
    l <- params$loadings[[k]]
    paste(k, "=~", paste0(l, "*", names(l), collapse = " + "))
  }, "")
  paths <- params$paths
  outcomes <- colnames(paths)[colSums(paths != 0) > 0]
  structural <- vapply(outcomes, function(y) {
    x <- rownames(paths)[paths[, y] != 0]
    mine <- params$interactions[params$interactions$to == y, , drop = FALSE]
    terms <- paste0(paths[x, y], "*", x)
    if (nrow(mine)) terms <- c(terms, paste0(mine$value, "*", mine$from, ":", mine$moderator))
    paste(y, "~", paste(terms, collapse = " + "))
  }, "")
  phi <- params$exogenous_cor
  pairs <- which(upper.tri(phi), arr.ind = TRUE)
  correlations <- paste0(rownames(phi)[pairs[, 1]], " ~~ ", phi[pairs], "*", colnames(phi)[pairs[, 2]])
  paste(c(measurement, structural, correlations), collapse = "\n")
}

# Largest absolute difference between the correlations of `data` and
# `sigma` (matched by name).
max_cor_error <- function(data, sigma) {
  max(abs(stats::cor(data) - sigma[names(data), names(data)]))
}

# A correlation's standard error is (1 - rho^2) / sqrt(n) <= 1 / sqrt(n) for
# normal data; the largest of a few dozen errors stays below 4.5 of them.
cor_tolerance <- function(n) 4.5 / sqrt(n)
