#!/usr/bin/env Rscript
# tools/make-fixtures-nca.R -- seminrExtras assess_nca() on the corporate
# reputation model (mean replacement, as the primer): CE-FDH and CR-FDH
# effect sizes, permutation p values (1,000 permutations) and bottleneck
# tables of COMP, LIKE and CUSA for CUSL, written to
# tests/testthat/fixtures/nca_corp_rep_seminrExtras.rds.
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
nca <- assess_nca(model, target = "CUSL", test.rep = 1000)
saveRDS(list(effect_sizes = unclass(nca$effect_sizes), p = unclass(nca$significance),
             bottleneck = lapply(nca$bottleneck, as.data.frame), test_rep = 1000L,
             scores = model$construct_scores,
             peer = list(package = "seminrExtras", version = as.character(packageVersion("seminrExtras")),
                         seminr = as.character(packageVersion("seminr")))),
        "tests/testthat/fixtures/nca_corp_rep_seminrExtras.rds")
