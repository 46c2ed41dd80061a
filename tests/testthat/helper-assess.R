# Fits and peer fixtures for the assessment tests. The fixtures are written by
# tools/make-fixtures-assessment.R (seminr and cSEM, run to tolerance 1e-12);
# our fits use the same tight tolerance.

fit_tight <- function(case = c("mobi", "corp_rep")) {
  case <- match.arg(case)
  switch(case,
    mobi = pls(ecsi_syntax, data = mobi, tol = 1e-12, max_iter = 1000),
    corp_rep = pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean",
                   tol = 1e-12, max_iter = 1000)
  )
}

assess_fixture <- function(case, peer) {
  readRDS(test_path("fixtures", paste0("assess_", case, "_", peer, ".rds")))
}

# The lower triangle of a square matrix, reordered to `names` first.
lower_values <- function(m, names, diag = FALSE) {
  m <- m[names, names, drop = FALSE]
  m[lower.tri(m, diag = diag)]
}

# A reflective construct whose indicators share little variance (AVE well
# below 0.50) after two sound ones, from a known population model. The
# caller's random number state is left as it was.
simulated_weak_ave <- function(n = 300, seed = 20261128) {
  old_seed <- if (exists(".Random.seed", envir = globalenv())) get(".Random.seed", envir = globalenv())
  on.exit(if (is.null(old_seed)) rm(".Random.seed", envir = globalenv())
          else assign(".Random.seed", old_seed, envir = globalenv()))
  set.seed(seed)
  xi <- stats::rnorm(n)
  eta <- 0.6 * xi + sqrt(1 - 0.36) * stats::rnorm(n)
  zeta <- 0.5 * eta + sqrt(1 - 0.25) * stats::rnorm(n)
  indicators <- function(score, loadings) {
    sapply(loadings, function(l) l * score + sqrt(1 - l^2) * stats::rnorm(n))
  }
  data <- data.frame(indicators(xi, c(0.85, 0.8, 0.8)), indicators(eta, c(0.85, 0.85, 0.8)),
                     indicators(zeta, c(0.45, 0.4, 0.5, 0.35)))
  names(data) <- c(paste0("x", 1:3), paste0("y", 1:3), paste0("z", 1:4))
  data
}

weak_ave_syntax <- "
  Strong =~ x1 + x2 + x3
  Middle =~ y1 + y2 + y3
  Weak   =~ z1 + z2 + z3 + z4
  Middle ~ Strong
  Weak ~ Middle
"

# mobi with the answers to `items` reverse-coded (11 - x on the 1-10 scale).
reverse_coded_mobi <- function(items) {
  data <- mobi
  data[items] <- lapply(data[items], function(x) 11L - x)
  data
}

# The value of `code` and every warning it signalled (muffled), in order.
with_warnings <- function(code) {
  caught <- list()
  value <- withCallingHandlers(code, warning = function(w) {
    caught[[length(caught) + 1L]] <<- w
    invokeRestart("muffleWarning")
  })
  list(value = value, warnings = caught)
}
