# Direct plain-R blindfolding (Stone-Geisser Q^2), independent of the package:
# omission pattern, mean replacement and refits with reference_pls(), the
# oracle of helper-reference.R. Answers are numbered down the columns of the
# construct's n x p block; round d omits numbers d, d + D, d + 2D, ...
reference_blindfold <- function(data, syntax, construct, D) {
  spec <- ref_parse_syntax(syntax)
  items <- spec$blocks[[construct]]
  X <- as.matrix(data[, unlist(spec$blocks, use.names = FALSE)])
  n <- nrow(X)
  full_mean <- colMeans(X)
  full_sd <- apply(X, 2, stats::sd)
  predictors <- names(which(spec$inner[, construct] == 1))
  sso <- sse_red <- sse_com <- 0
  for (d in seq_len(D)) {
    Xd <- X
    omitted <- matrix(FALSE, n, length(items))
    for (j in seq_along(items)) {
      for (i in seq_len(n)) {
        if (((j - 1) * n + i - d) %% D == 0) omitted[i, j] <- TRUE
      }
    }
    for (j in seq_along(items)) {
      column <- Xd[, items[j]]
      column[omitted[, j]] <- mean(column[!omitted[, j]])
      Xd[, items[j]] <- column
    }
    fit <- reference_pls(Xd, spec$blocks, spec$modes, spec$inner, tol = 1e-12)
    m <- colMeans(Xd)
    s <- apply(Xd, 2, stats::sd)
    y_hat <- fit$scores[, predictors, drop = FALSE] %*% fit$path_coef[predictors, construct]
    for (j in seq_along(items)) {
      item <- items[j]
      rows <- which(omitted[, j])
      lambda <- fit$outer_loadings[item, construct]
      actual <- X[rows, item]
      sso <- sso + sum(((actual - full_mean[item]) / full_sd[item])^2)
      red <- m[item] + s[item] * lambda * y_hat[rows]
      com <- m[item] + s[item] * lambda * fit$scores[rows, construct]
      sse_red <- sse_red + sum(((actual - red) / full_sd[item])^2)
      sse_com <- sse_com + sum(((actual - com) / full_sd[item])^2)
    }
  }
  c(sso = sso, q2_redundancy = 1 - sse_red / sso, q2_communality = 1 - sse_com / sso)
}
