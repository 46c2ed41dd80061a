# Data with two planted segments for test-pos.R: n cases in each, three
# reflective indicators per construct (loading `loading`), and two outcomes,
# Y1 = b X1 + error and Y2 = b X2 + error, with b = b[1] in the first
# segment and b[2] in the second (a case is ambiguous only when both of its
# predictors are near 0).
pos_planted_data <- function(n = 250, seed = 1, b = c(0.7, -0.7), noise = 0.3, loading = 0.9) {
  set.seed(seed)
  segment <- rep(1:2, each = n)
  x1 <- stats::rnorm(2 * n)
  x2 <- stats::rnorm(2 * n)
  y1 <- b[segment] * x1 + noise * stats::rnorm(2 * n)
  y2 <- b[segment] * x2 + noise * stats::rnorm(2 * n)
  items <- function(score, name) {
    score <- as.vector(scale(score))
    out <- sapply(1:3, function(j) loading * score + sqrt(1 - loading^2) * stats::rnorm(length(score)))
    colnames(out) <- paste0(name, 1:3)
    out
  }
  data <- cbind(items(x1, "a"), items(x2, "b"), items(y1, "c"), items(y2, "d"))
  list(data = as.data.frame(data), segment = segment)
}

pos_planted_syntax <- "
  X1 =~ a1 + a2 + a3
  X2 =~ b1 + b2 + b3
  Y1 =~ c1 + c2 + c3
  Y2 =~ d1 + d2 + d3
  Y1 ~ X1
  Y2 ~ X2
"

# The agreement of two partitions into two segments, up to label switching.
pos_agreement <- function(a, b) max(mean(a == b), mean(a == 3L - b))
