#!/usr/bin/env Rscript
# tools/make-fixtures-boot.R -- bootstrap standard errors and percentile
# intervals of the corporate reputation model's paths from seminr
# (bootstrap_model) and cSEM (resamplecSEMResults + infer), 5,000 resamples
# each: tests/testthat/fixtures/boot_corp_rep_{seminr,cSEM}.rds.
# Run by hand from the package root (needs seminr, cSEM; ~5 minutes).
suppressPackageStartupMessages({ library(cSEM); library(seminr) })
source("tests/testthat/helper-models.R")
source("bench/peers.R")
load("data/corp_rep_data.rda")
R <- 5000L
model <- iecpls::parse_model(corp_rep_syntax)
data <- corp_rep_mean_replaced()[model$indicators]
edges <- which(model$inner != 0, arr.ind = TRUE)
terms <- paste(model$constructs[edges[, 1]], "->", model$constructs[edges[, 2]])

set.seed(2026)
cs <- csem(data, peer_syntax(model), .disattenuate = FALSE, .tolerance = 1e-10, .iter_max = 1000)
cs_boot <- resamplecSEMResults(cs, .R = R, .seed = 2026)
inference <- infer(cs_boot, .quantity = c("sd", "CI_percentile"), .alpha = 0.05)
cs_names <- paste(model$constructs[edges[, 2]], "~", model$constructs[edges[, 1]])
saveRDS(list(term = terms, se = unname(inference$Path_estimates$sd[cs_names]),
             lower = unname(inference$Path_estimates$CI_percentile["95%L", cs_names]),
             upper = unname(inference$Path_estimates$CI_percentile["95%U", cs_names]),
             R = R, peer = list(package = "cSEM", version = as.character(packageVersion("cSEM")))),
        "tests/testthat/fixtures/boot_corp_rep_cSEM.rds")

spec <- seminr_model(model)
sem <- suppressMessages(estimate_pls(data, spec$measurement, spec$structural, maxIt = 1000, stopCriterion = 10))
sem_boot <- suppressMessages(bootstrap_model(sem, nboot = R, cores = 1, seed = 2026))
paths <- summary(sem_boot)$bootstrapped_paths
sem_names <- paste(model$constructs[edges[, 1]], " ->  ", model$constructs[edges[, 2]], sep = "")
row <- match(gsub(" +", " ", sem_names), gsub(" +", " ", rownames(paths)))
saveRDS(list(term = terms, se = unname(paths[row, "Bootstrap SD"]),
             lower = unname(paths[row, "2.5% CI"]), upper = unname(paths[row, "97.5% CI"]),
             R = R, peer = list(package = "seminr", version = as.character(packageVersion("seminr")))),
        "tests/testthat/fixtures/boot_corp_rep_seminr.rds")
print(readRDS("tests/testthat/fixtures/boot_corp_rep_seminr.rds"))
print(readRDS("tests/testthat/fixtures/boot_corp_rep_cSEM.rds"))
