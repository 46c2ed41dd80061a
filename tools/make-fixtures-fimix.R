#!/usr/bin/env Rscript
# tools/make-fixtures-fimix.R -- seminrExtras assess_fimix() on the
# corporate reputation model (mean replacement, as the primer) for 2 and 3
# segments, 10 starts, seed 123, run to a tight stopping rule (change of the
# log-likelihood below 1e-12) so the solutions can be compared at 1e-6:
# log-likelihood, criteria, shares, segment paths, intercepts, variances,
# posteriors and iterations, written to
# tests/testthat/fixtures/fimix_corp_rep_seminrExtras.rds.
# Run by hand from the package root (needs seminr and seminrExtras; not run
# in CI). seminr's CRAN version imports DiagrammeRsvg, which needs V8; where
# V8 cannot be built, install seminr from its source with DiagrammeR and
# DiagrammeRsvg removed from DESCRIPTION's Imports (they serve plots only).
suppressPackageStartupMessages({ library(seminr); library(seminrExtras) })
mm <- constructs(
  composite("QUAL", multi_items("qual_", 1:8), weights = mode_B),
  composite("PERF", multi_items("perf_", 1:5), weights = mode_B),
  composite("CSOR", multi_items("csor_", 1:5), weights = mode_B),
  composite("ATTR", multi_items("attr_", 1:3), weights = mode_B),
  composite("COMP", multi_items("comp_", 1:3)),
  composite("LIKE", multi_items("like_", 1:3)),
  composite("CUSA", single_item("cusa")),
  composite("CUSL", multi_items("cusl_", 1:3))
)
sm <- relationships(
  paths(from = c("QUAL", "PERF", "CSOR", "ATTR"), to = c("COMP", "LIKE")),
  paths(from = c("COMP", "LIKE"), to = c("CUSA", "CUSL")),
  paths(from = "CUSA", to = "CUSL")
)
model <- estimate_pls(corp_rep_data, mm, sm, missing = mean_replacement, missing_value = "-99",
                      maxIt = 1000, stopCriterion = 12)
solutions <- lapply(2:3, function(K) {
  x <- assess_fimix(model, K = K, nstart = 10, max_iter = 5000, stop_criterion = 1e-12, seed = 123)
  list(K = K, loglik = x$log_likelihood, criteria = x$info_criteria, n_parameters = x$n_parameters,
       pi = x$segment_proportions, paths = x$segment_paths, intercepts = x$segment_intercepts,
       variances = x$segment_variances, posterior = x$posterior, iterations = x$iterations)
})
names(solutions) <- c("K2", "K3")
saveRDS(list(solutions = solutions, scores = model$construct_scores, seed = 123L, starts = 10L,
             tol = 1e-12,
             peer = list(package = "seminrExtras", version = as.character(packageVersion("seminrExtras")),
                         seminr = as.character(packageVersion("seminr")))),
        "tests/testthat/fixtures/fimix_corp_rep_seminrExtras.rds")
