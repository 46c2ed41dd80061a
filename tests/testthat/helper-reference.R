# Reference ("oracle") implementation of PLS path modeling, used by the tests.
#
# This is deliberately slow, plain R that works on the raw data, one block
# and one construct at a time, following the textbook Lohmoeller (1989) /
# Tenenhaus et al. (2005) algorithm.  It does not use any code of the
# package under test and must stay independent of it: its only purpose is to
# be obviously correct, so that the C kernel (which iterates on the
# indicator correlation matrix) can be compared to it on random models.
#
# Conventions (shared with the stored fixtures in tests/testthat/fixtures):
# * indicators are standardized with the n - 1 denominator (scale());
#   construct scores are standardized the same way (variance 1 with n - 1);
# * outer weights are the weights applied to the *standardized* indicators;
# * loadings / cross-loadings / construct correlations are Pearson
#   correlations; path coefficients are OLS on the standardized scores;
# * `inner` is a 0/1 matrix, rows = predictors, columns = outcomes;
# * convergence: max(abs(W_new - W_old)) < tol (the "diff_absolute" rule of
#   cSEM); `iterations` is the number of outer-weight updates performed,
#   including the one that satisfied the criterion;
# * sign convention: after convergence, a construct whose loadings on its own
#   indicators sum to a negative number is flipped (weights, scores and
#   everything derived from them).  Starting from unit weights this
#   essentially never triggers; it is there so that the oracle has a
#   well-defined sign for pathological random problems.  `flipped` reports
#   which constructs (if any) were flipped.
#
# Optional case weights are frequency weights: weighted means and weighted
# (co)variances with denominator sum(w) - 1.  With weights, the "n" used in
# the adjusted R^2 is sum(w).

# Weighted covariance of the columns of a with the columns of b
# (frequency weights, denominator sum(w) - 1).  With w = 1 this is cov(a, b).
ref_wcov <- function(a, b, w) {
  a <- as.matrix(a)
  b <- as.matrix(b)
  ma <- colSums(a * w) / sum(w)
  mb <- colSums(b * w) / sum(w)
  ac <- sweep(a, 2, ma)
  bc <- sweep(b, 2, mb)
  out <- crossprod(ac * w, bc) / (sum(w) - 1)
  dimnames(out) <- list(colnames(a), colnames(b))
  out
}

ref_wcor <- function(a, b, w) {
  a <- as.matrix(a)
  b <- as.matrix(b)
  sa <- sqrt(diag(ref_wcov(a, a, w)))
  sb <- sqrt(diag(ref_wcov(b, b, w)))
  ref_wcov(a, b, w) / outer(sa, sb)
}

# Standardize the columns (weighted mean 0, weighted variance 1).
ref_standardize <- function(x, w) {
  x <- as.matrix(x)
  m <- colSums(x * w) / sum(w)
  s <- sqrt(diag(ref_wcov(x, x, w)))
  sweep(sweep(x, 2, m), 2, s, "/")
}

# Regression coefficients (without the intercept) of y on the columns of x,
# by weighted least squares with an intercept.
ref_regress <- function(y, x, w) {
  x <- as.matrix(x)
  fit <- stats::lm.wfit(cbind(1, x), y, w)
  if (fit$rank < ncol(x) + 1) stop("rank-deficient regression")
  b <- unname(fit$coefficients[-1])
  names(b) <- colnames(x)
  b
}

reference_pls <- function(data, blocks, modes, inner,
                          scheme = c("path", "factorial", "centroid"),
                          tol = 1e-12, max_iter = 1000, weights = NULL) {
  scheme <- match.arg(scheme)
  lv <- names(blocks)
  stopifnot(!is.null(lv), !anyDuplicated(lv))
  modes <- toupper(modes[lv])
  stopifnot(all(modes %in% c("A", "B")))
  inner <- as.matrix(inner)[lv, lv, drop = FALSE]
  stopifnot(all(inner %in% c(0, 1)), all(diag(inner) == 0))
  mv <- unlist(blocks, use.names = FALSE)
  stopifnot(!anyDuplicated(mv), all(mv %in% colnames(data)))

  X <- as.matrix(data[, mv, drop = FALSE])
  storage.mode(X) <- "double"
  n <- nrow(X)
  w <- if (is.null(weights)) rep(1, n) else as.numeric(weights)
  stopifnot(length(w) == n, all(w >= 0))
  X <- ref_standardize(X, w)

  adjacent <- (inner + t(inner)) > 0

  # Outer weights W (indicators x constructs), unit start.
  W <- matrix(0, length(mv), length(lv), dimnames = list(mv, lv))
  for (j in lv) W[blocks[[j]], j] <- 1
  rescale <- function(W) {
    for (j in lv) {
      ind <- blocks[[j]]
      s <- sqrt(ref_wcov(X[, ind, drop = FALSE] %*% W[ind, j],
                         X[, ind, drop = FALSE] %*% W[ind, j], w))
      W[ind, j] <- W[ind, j] / as.numeric(s)
    }
    W
  }
  W <- rescale(W)

  converged <- FALSE
  iter <- 0L
  while (iter < max_iter) {
    iter <- iter + 1L
    # Outer estimate: standardized construct scores.
    Y <- ref_standardize(X %*% W, w)
    colnames(Y) <- lv
    R <- ref_wcor(Y, Y, w)

    # Inner weights E: E[i, j] = weight of construct i in the proxy of j.
    E <- matrix(0, length(lv), length(lv), dimnames = list(lv, lv))
    for (j in lv) {
      for (i in lv) {
        if (!adjacent[i, j]) next
        E[i, j] <- switch(scheme,
          centroid = sign(R[i, j]),
          factorial = R[i, j],
          path = R[i, j]  # successors; predecessors overwritten below
        )
      }
      if (scheme == "path") {
        pred <- lv[inner[, j] == 1]
        if (length(pred) > 0) {
          E[pred, j] <- ref_regress(Y[, j], Y[, pred, drop = FALSE], w)
        }
      }
    }
    # Inner estimate (proxies).
    Z <- Y %*% E

    # New outer weights.
    Wnew <- W
    for (j in lv) {
      ind <- blocks[[j]]
      Xj <- X[, ind, drop = FALSE]
      if (modes[[j]] == "A") {
        Wnew[ind, j] <- ref_wcov(Xj, Z[, j], w)
      } else {
        Wnew[ind, j] <- ref_regress(Z[, j], Xj, w)
      }
    }
    Wnew <- rescale(Wnew)

    delta <- max(abs(Wnew - W))
    W <- Wnew
    if (delta < tol) {
      converged <- TRUE
      break
    }
  }
  if (!converged) {
    warning("reference_pls: no convergence after ", max_iter, " iterations")
  }

  # Final scores and sign convention.
  Y <- ref_standardize(X %*% W, w)
  colnames(Y) <- lv
  flipped <- character(0)
  for (j in lv) {
    ind <- blocks[[j]]
    if (sum(ref_wcor(X[, ind, drop = FALSE], Y[, j], w)) < 0) {
      W[ind, j] <- -W[ind, j]
      Y[, j] <- -Y[, j]
      flipped <- c(flipped, j)
    }
  }

  cross <- ref_wcor(X, Y, w)
  loadings <- cross * (W != 0)
  for (j in lv) {   # a weight can in principle be exactly 0: use the blocks
    loadings[, j] <- 0
    loadings[blocks[[j]], j] <- cross[blocks[[j]], j]
  }

  # Structural model: OLS of each endogenous construct on its predecessors.
  B <- matrix(0, length(lv), length(lv), dimnames = list(lv, lv))
  endo <- lv[colSums(inner) > 0]
  r2 <- r2_adj <- stats::setNames(numeric(length(endo)), endo)
  neff <- sum(w)
  for (j in endo) {
    pred <- lv[inner[, j] == 1]
    b <- ref_regress(Y[, j], Y[, pred, drop = FALSE], w)
    B[pred, j] <- b
    fitted <- Y[, pred, drop = FALSE] %*% b
    r2[[j]] <- as.numeric(ref_wcov(fitted, fitted, w))  # var(Y_j) = 1
    k <- length(pred)
    r2_adj[[j]] <- 1 - (1 - r2[[j]]) * (neff - 1) / (neff - k - 1)
  }

  list(
    outer_weights = W,
    outer_loadings = loadings,
    cross_loadings = cross,
    path_coef = B,
    r2 = r2,
    r2_adj = r2_adj,
    construct_cor = ref_wcor(Y, Y, w),
    scores = Y,
    iterations = iter,
    converged = converged,
    flipped = flipped,
    scheme = scheme
  )
}

# Parse the (restricted) lavaan-style syntax used by the fixtures:
# "A =~ x1 + x2" (Mode A), "B <~ x3 + x4" (Mode B), "C ~ A + B" (paths).
# Returns list(blocks, modes, inner).  Only for the tests' own use.
ref_parse_syntax <- function(syntax) {
  lines <- unlist(strsplit(syntax, "[\n;]"))
  lines <- trimws(sub("#.*$", "", lines))
  lines <- lines[nzchar(lines)]
  blocks <- list()
  modes <- character(0)
  paths <- list()
  for (ln in lines) {
    if (grepl("=~", ln, fixed = TRUE)) {
      op <- "=~"
    } else if (grepl("<~", ln, fixed = TRUE)) {
      op <- "<~"
    } else if (grepl("~", ln, fixed = TRUE)) {
      op <- "~"
    } else {
      stop("cannot parse: ", ln)
    }
    parts <- strsplit(ln, op, fixed = TRUE)[[1]]
    lhs <- trimws(parts[1])
    rhs <- trimws(strsplit(parts[2], "+", fixed = TRUE)[[1]])
    if (op == "~") {
      # "Y1 + Y2 ~ X" means Y1 ~ X and Y2 ~ X
      paths[[length(paths) + 1]] <- list(to = trimws(strsplit(lhs, "+", fixed = TRUE)[[1]]), from = rhs)
    } else {
      blocks[[lhs]] <- rhs
      modes[[lhs]] <- if (op == "=~") "A" else "B"
    }
  }
  lv <- names(blocks)
  inner <- matrix(0, length(lv), length(lv), dimnames = list(lv, lv))
  for (p in paths) inner[p$from, p$to] <- 1
  list(blocks = blocks, modes = modes, inner = inner)
}

# Random recursive PLS problem for comparing implementations.
# 3-6 constructs, 1-5 indicators each, random modes, a random DAG in which
# every construct is connected (a random spanning tree oriented along a
# random topological order, plus extra random forward edges).  The order of
# the constructs in `blocks` is a random permutation of the topological
# order, so `inner` is generally not triangular.  Data: latent variables
# generated along the DAG (standardized, exogenous N(0, 1)), indicators =
# loading * latent + noise with loadings in [0.5, 0.9] (positive) and unit
# population variance.
random_pls_problem <- function(seed, n = 300) {
  old_seed <- if (exists(".Random.seed", envir = globalenv())) {
    get(".Random.seed", envir = globalenv())
  } else {
    NULL
  }
  on.exit({
    if (is.null(old_seed)) {
      if (exists(".Random.seed", envir = globalenv())) {
        rm(".Random.seed", envir = globalenv())
      }
    } else {
      assign(".Random.seed", old_seed, envir = globalenv())
    }
  })
  set.seed(seed)

  K <- sample(3:6, 1)
  topo <- paste0("LV", seq_len(K))           # topological order
  inner_t <- matrix(0, K, K, dimnames = list(topo, topo))
  for (j in 2:K) {
    # at least one predecessor -> connected (spanning tree)
    inner_t[sample.int(j - 1, 1), j] <- 1
    for (i in seq_len(j - 1)) {
      if (inner_t[i, j] == 0 && stats::runif(1) < 0.3) inner_t[i, j] <- 1
    }
  }

  # Latent variables along the DAG, each with unit variance.
  eta <- matrix(0, n, K, dimnames = list(NULL, topo))
  for (j in seq_len(K)) {
    pred <- which(inner_t[, j] == 1)
    if (length(pred) == 0) {
      eta[, j] <- stats::rnorm(n)
    } else {
      b <- stats::runif(length(pred), 0.2, 0.5) *
        sample(c(-1, 1), length(pred), replace = TRUE, prob = c(0.25, 0.75))
      systematic <- eta[, pred, drop = FALSE] %*% b
      v <- stats::var(as.numeric(systematic))
      if (v >= 0.8) {
        systematic <- systematic * sqrt(0.8 / v)
        v <- 0.8
      }
      eta[, j] <- systematic + stats::rnorm(n, sd = sqrt(1 - v))
    }
  }

  lv <- sample(topo)                          # construct order in the model
  nind <- stats::setNames(sample(1:5, K, replace = TRUE), lv)
  modes <- stats::setNames(sample(c("A", "B"), K, replace = TRUE), lv)
  blocks <- list()
  cols <- list()
  for (j in lv) {
    ind <- paste0(tolower(j), "_", seq_len(nind[[j]]))
    blocks[[j]] <- ind
    for (k in ind) {
      lam <- stats::runif(1, 0.5, 0.9)
      cols[[k]] <- lam * eta[, j] + stats::rnorm(n, sd = sqrt(1 - lam^2))
    }
  }
  data <- as.data.frame(cols)
  inner <- inner_t[lv, lv]

  meas <- vapply(lv, function(j) {
    paste(j, if (modes[[j]] == "A") "=~" else "<~",
          paste(blocks[[j]], collapse = " + "))
  }, character(1))
  endo <- lv[colSums(inner) > 0]
  struct <- vapply(endo, function(j) {
    paste(j, "~", paste(lv[inner[, j] == 1], collapse = " + "))
  }, character(1))
  syntax <- paste(c(meas, struct), collapse = "\n")

  list(data = data, blocks = blocks, modes = modes, inner = inner,
       syntax = syntax)
}

# Load a dataset shipped by the package: from the installed package if
# possible, otherwise from the source tree's data/ directory.
load_pkg_data <- function(name) {
  e <- new.env()
  ok <- tryCatch({
    suppressWarnings(utils::data(list = name, package = "iecpls", envir = e))
    exists(name, envir = e, inherits = FALSE)
  }, error = function(err) FALSE)
  if (!ok) {
    load(testthat::test_path("../../data", paste0(name, ".rda")), envir = e)
  }
  get(name, envir = e, inherits = FALSE)
}

# The corporate reputation data as used by the fixtures: -99 replaced by the
# mean of the non-missing values of its column (all 344 rows kept).
ref_mean_replace <- function(data, cols, missing_value = -99) {
  for (k in cols) {
    x <- as.numeric(data[[k]])
    miss <- x == missing_value
    x[miss] <- mean(x[!miss])
    data[[k]] <- x
  }
  data
}

# ---- fixtures ----------------------------------------------------------

# Read all stored peer fixtures (tests/testthat/fixtures/*.rds) as a named
# list; names are the file names without extension.
read_fixtures <- function(pattern = "_(path|factorial|centroid)_(seminr|cSEM)\\.rds$") {
  files <- sort(list.files(testthat::test_path("fixtures"), pattern = pattern,
                           full.names = TRUE))
  stats::setNames(lapply(files, readRDS), sub("\\.rds$", "", basename(files)))
}

# The data a fixture was computed on: stored in the fixture for datasets the
# package does not ship, otherwise the package dataset (with the fixture's
# missing-value treatment).  Only the model's indicator columns are returned.
fixture_data <- function(fx) {
  spec <- ref_parse_syntax(fx$model)
  mv <- unlist(spec$blocks, use.names = FALSE)
  if (!is.null(fx$data)) {
    d <- fx$data
  } else {
    d <- load_pkg_data(fx$dataset)
    if (!is.null(fx$missing_value)) {
      d <- ref_mean_replace(d, mv, fx$missing_value)
    }
  }
  d[, mv, drop = FALSE]
}

# Run the oracle on the model / data / scheme of a fixture.
reference_for_fixture <- function(fx, tol = 1e-12, max_iter = 1000) {
  spec <- ref_parse_syntax(fx$model)
  reference_pls(fixture_data(fx), spec$blocks, spec$modes, spec$inner,
                scheme = fx$settings$scheme, tol = tol, max_iter = max_iter)
}

# Largest absolute difference after checking that shapes and names agree.
ref_max_abs_diff <- function(a, b) {
  a <- unclass(a)
  b <- unclass(b)
  if (is.matrix(a) || is.matrix(b)) {
    stopifnot(identical(dim(a), dim(b)),
              identical(dimnames(as.matrix(a)), dimnames(as.matrix(b))))
  } else {
    stopifnot(identical(names(a), names(b)), length(a) == length(b))
  }
  max(abs(as.numeric(a) - as.numeric(b)))
}
