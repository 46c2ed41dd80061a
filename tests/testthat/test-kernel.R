# The C kernel against the plain-R reference implementation (helper-reference.R)
# on random recursive models: every scheme, Mode A and Mode B blocks,
# single-indicator constructs, negative paths, and case weights.

expect_matches_reference <- function(problem, scheme, weights = NULL) {
  label <- paste0(scheme, " scheme, model:\n", problem$syntax)
  fit <- pls(problem$syntax, data = problem$data, scheme = scheme, case_weights = weights,
             tol = 1e-12, max_iter = 1000)
  ref <- reference_pls(problem$data, problem$blocks, problem$modes, problem$inner,
                       scheme = scheme, tol = 1e-12, max_iter = 1000, weights = weights)
  expect_true(ref$converged)
  expect_true(fit$converged)
  for (name in c("outer_weights", "outer_loadings", "cross_loadings", "path_coef", "r2", "construct_cor")) {
    expect_equal(fit[[name]], ref[[name]], tolerance = 1e-6, label = paste(name, "for", label))
  }
  if (is.null(weights)) expect_equal(fit$r2_adj, ref$r2_adj, tolerance = 1e-6, label = paste("r2_adj for", label))
  expect_equal(unname(fit$scores), unname(ref$scores), tolerance = 1e-6, label = paste("scores for", label))
}

test_that("random models agree with the reference implementation for every scheme", {
  for (seed in 1:25) {
    problem <- random_pls_problem(seed)
    for (scheme in c("path", "factorial", "centroid")) expect_matches_reference(problem, scheme)
  }
})

test_that("random models with case weights agree with the weighted reference", {
  for (seed in 101:110) {
    problem <- random_pls_problem(seed, n = 200)
    weights <- stats::runif(200, 0.2, 3)
    for (scheme in c("path", "factorial")) expect_matches_reference(problem, scheme, weights)
  }
})

test_that("fits from data and from the correlation matrix agree on random models", {
  for (seed in 201:210) {
    problem <- random_pls_problem(seed)
    from_data <- pls(problem$syntax, data = problem$data)
    from_cor <- pls(problem$syntax, S = stats::cor(problem$data), nobs = nrow(problem$data))
    expect_same_estimates(from_cor, from_data, tolerance = 1e-12)
  }
})

test_that("wide Mode B blocks (inverted by LAPACK above 24 indicators) agree with the reference", {
  for (per in c(24, 30)) {
    data <- as.data.frame(chain_data(500, 3, per, seed = per))
    lv <- paste0("C", 1:3)
    blocks <- stats::setNames(lapply(1:3, function(j) sprintf("x%d_%d", j, seq_len(per))), lv)
    inner <- matrix(0, 3, 3, dimnames = list(lv, lv))
    inner["C1", "C2"] <- inner["C2", "C3"] <- inner["C1", "C3"] <- 1
    problem <- list(syntax = paste(chain_syntax(3, per, composite = c(1, 3)), "C3 ~ C1", sep = "\n"),
                    data = data, blocks = blocks, modes = c(C1 = "B", C2 = "A", C3 = "B"), inner = inner)
    for (scheme in c("path", "factorial", "centroid")) expect_matches_reference(problem, scheme)
  }
})
