#!/usr/bin/env Rscript
# tools/make-fixtures-cta.R -- confirmatory tetrad analysis of the corporate
# reputation blocks with 4 or more indicators (QUAL, PERF, CSOR) by
# seminrExtras::assess_cta() (no borrowing, Bonferroni, 5,000 resamples):
# tests/testthat/fixtures/cta_corp_rep_seminrExtras.rds, with the items'
# standard deviations (mean-replaced data, as seminr's) that turn its
# covariance tetrads into the correlation tetrads of pls_cta().
# Run by hand from the package root (needs seminr and seminrExtras; seminr's
# plot-only import DiagrammeRsvg may be dropped from its DESCRIPTION where
# V8 cannot be built; ~1 minute).
suppressPackageStartupMessages({ library(seminr); library(seminrExtras) })
source("tests/testthat/helper-models.R")
source("bench/peers.R")
load("data/corp_rep_data.rda")
R <- 5000L
model <- iecpls::parse_model(corp_rep_syntax)
data <- corp_rep_mean_replaced()[model$indicators]
spec <- seminr_model(model)
sem <- suppressMessages(estimate_pls(data, spec$measurement, spec$structural, maxIt = 1000, stopCriterion = 10))
blocks <- c("QUAL", "PERF", "CSOR")
cta <- suppressMessages(assess_cta(sem, constructs = blocks, nboot = R, seed = 2026, alpha = 0.05,
                                   correction = "bonferroni", borrow = FALSE))
# assess_cta() labels a tetrad "s(i,j)s(k,l) - s(i,k)s(j,l)" (its tetrad 1)
# or "s(i,j)s(k,l) - s(i,l)s(j,k)" (its tetrad 2): the four indicators of
# each product, in order
tetrads <- do.call(rbind, lapply(blocks, function(block) {
  detail <- cta$tetrad_details[[block]]
  items <- regmatches(detail$Tetrad, gregexpr("[a-z]+_[0-9]+", detail$Tetrad))
  data.frame(construct = block,
             first = vapply(items, function(x) paste(x[1:4], collapse = ","), ""),
             second = vapply(items, function(x) paste(x[5:8], collapse = ","), ""),
             estimate = detail$Estimate, se = detail$Boot_SD, lower = detail[[6]], upper = detail[[7]],
             p = detail$P_Value, p_adjusted = detail$Adj_P, significant = detail$Significant,
             stringsAsFactors = FALSE)
}))
saveRDS(list(tetrads = tetrads, verdicts = cta$construct_results, sd = vapply(data, stats::sd, 0),
             R = R, alpha = 0.05, correction = "bonferroni",
             peer = list(package = "seminrExtras", version = as.character(packageVersion("seminrExtras")))),
        "tests/testthat/fixtures/cta_corp_rep_seminrExtras.rds")
print(readRDS("tests/testthat/fixtures/cta_corp_rep_seminrExtras.rds"))
