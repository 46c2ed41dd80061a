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

# --- A plain-R oracle of the search in src/pos.c ------------------------------

# Cross-products of each segment's cases: sums (p), cross (p x p), n.
ref_pos_moments <- function(zt, labels, segments) {
  lapply(seq_len(segments), function(k) {
    z <- zt[, labels == k, drop = FALSE]
    list(sums = rowSums(z), cross = tcrossprod(z), n = ncol(z))
  })
}

ref_pos_move_moments <- function(moments, z, sign) {
  moments$sums <- moments$sums + sign * z
  moments$cross <- moments$cross + sign * tcrossprod(z)
  moments$n <- moments$n + sign
  moments
}

# The kernel's fit of one segment from its moments, or NULL when it fails.
ref_pos_fit_segment <- function(moments, problem) {
  N <- moments$n
  means <- moments$sums / N
  cov <- (moments$cross - N * tcrossprod(means)) / (N - 1)
  sds <- sqrt(diag(cov))
  if (any(!is.finite(sds) | sds <= 1e-12)) return(NULL)
  S <- cov / tcrossprod(sds)
  diag(S) <- 1
  out <- tryCatch(c_fit_cor(problem$model, S, problem$spec), iecpls_error = function(e) NULL)
  if (is.null(out)) return(NULL)
  list(weights = out$weights, path_coef = out$path_coef, r2 = out$r2[problem$endogenous],
       means = means, sds = sds)
}

ref_pos_objective <- function(fits) sum(vapply(fits, function(f) sum(f$r2), numeric(1)))

# n x segments distances (see the help page).
ref_pos_distances <- function(fits, problem) {
  zt <- problem$zt
  n <- ncol(zt)
  K <- length(problem$model$constructs)
  vapply(fits, function(f) {
    W <- matrix(0, length(f$weights), K)
    W[cbind(seq_along(f$weights), problem$block)] <- f$weights
    scores <- crossprod((zt - f$means) / f$sds, W)
    d <- numeric(n)
    for (b in problem$endogenous) {
      e2 <- drop(scores[, b] - scores %*% f$path_coef[, b])^2
      total <- sum(e2)
      if (total >= .Machine$double.eps) d <- d + sqrt(e2 / total)
    }
    d
  }, numeric(n))
}

# Cases closer to another segment than to their own, by decreasing gain.
ref_pos_candidates <- function(distances, labels) {
  n <- nrow(distances)
  own <- distances[cbind(seq_len(n), labels)]
  other <- distances
  other[cbind(seq_len(n), labels)] <- Inf
  to <- max.col(-other, ties.method = "first")
  gain <- own - other[cbind(seq_len(n), to)]
  keep <- which(gain > 0)
  keep <- keep[order(-gain[keep], keep)]
  data.frame(case = keep, to = to[keep])
}

# One start from the partition `labels` (1-based), as src/pos.c runs it, in
# plain R: NULL when it cannot be fitted.
reference_pos_search <- function(labels, problem, settings) {
  K <- settings$segments
  moments <- ref_pos_moments(problem$zt, labels, K)
  fits <- lapply(moments, ref_pos_fit_segment, problem = problem)
  if (any(vapply(fits, is.null, logical(1)))) return(NULL)
  # every case to its closest segment, kept when usable
  closest <- max.col(-ref_pos_distances(fits, problem), ties.method = "first")
  if (all(tabulate(closest, K) >= settings$min_size)) {
    closest_moments <- ref_pos_moments(problem$zt, closest, K)
    closest_fits <- lapply(closest_moments, ref_pos_fit_segment, problem = problem)
    if (!any(vapply(closest_fits, is.null, logical(1)))) {
      labels <- closest
      moments <- closest_moments
      fits <- closest_fits
    }
  }
  objective <- ref_pos_objective(fits)
  history <- objective
  converged <- FALSE
  for (pass in seq_len(settings$max_iter)) {
    candidates <- ref_pos_candidates(ref_pos_distances(fits, problem), labels)
    improved <- FALSE
    sizes <- tabulate(labels, K)
    for (c in seq_len(min(nrow(candidates), settings$search_depth))) {
      i <- candidates$case[c]
      from <- labels[i]
      to <- candidates$to[c]
      if (sizes[from] - 1L < settings$min_size) next
      z <- problem$zt[, i]
      tried <- list(ref_pos_move_moments(moments[[from]], z, -1), ref_pos_move_moments(moments[[to]], z, 1))
      from_fit <- ref_pos_fit_segment(tried[[1]], problem)
      if (is.null(from_fit)) next
      to_fit <- ref_pos_fit_segment(tried[[2]], problem)
      if (is.null(to_fit)) next
      new_fits <- fits
      new_fits[c(from, to)] <- list(from_fit, to_fit)
      new_objective <- ref_pos_objective(new_fits)
      if (new_objective > objective) {
        labels[i] <- to
        moments[c(from, to)] <- tried
        fits <- new_fits
        objective <- new_objective
        sizes <- tabulate(labels, K)
        improved <- TRUE
      }
    }
    history <- c(history, objective)
    if (!improved) {
      converged <- TRUE
      break
    }
  }
  list(labels = labels, objective = objective, history = history, converged = converged,
       passes = length(history) - 1L)
}

