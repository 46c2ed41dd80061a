#!/usr/bin/env Rscript
# tools/make-fixtures-omf.R -- critical values of cSEM's bootstrap test of
# exact overall model fit (testOMF(), Dijkstra and Henseler 2015) for the
# ECSI model on mobi and the corporate reputation model on corp_rep_data
# (-99 codes replaced by column means), estimated and saturated model:
# tests/testthat/fixtures/omf_{mobi,corp_rep}_cSEM.rds, for
# test-model-fit-boot.R, which compares pls_model_fit(fit, R = ...) with
# them within Monte Carlo error.
# Run by hand from the package root (needs cSEM; about ten minutes per
# 1,000 resamples of both models). Usage: Rscript tools/make-fixtures-omf.R [R]
suppressPackageStartupMessages(library(cSEM))
args <- commandArgs(trailingOnly = TRUE)
R <- if (length(args)) as.integer(args[1]) else 2000L
source("tests/testthat/helper-models.R")
source("bench/peers.R")
load("data/mobi.rda")
load("data/corp_rep_data.rda")

omf_fixture <- function(syntax, data, name) {
  model <- iecpls::parse_model(syntax)
  data <- as.data.frame(data)[model$indicators]
  res <- csem(data, peer_syntax(model), .disattenuate = FALSE, .tolerance = 1e-10,
              .iter_max = 1000, .conv_criterion = "diff_absolute")
  stopifnot(sum(unlist(verify(res))) == 0)
  tests <- lapply(c(estimated = FALSE, saturated = TRUE), function(saturated) {
    started <- proc.time()[["elapsed"]]
    test <- testOMF(res, .R = R, .alpha = c(0.01, 0.05), .saturated = saturated, .seed = 2026,
                    .handle_inadmissibles = "ignore")
    draws <- do.call(rbind, Filter(function(d) !anyNA(d), test$Information$Bootstrap_values))
    list(value = test$Test_statistic, critical = test$Critical_value, n_draws = nrow(draws),
         seconds = proc.time()[["elapsed"]] - started)
  })
  out <- list(tests = tests, R = R, statistics = c(dG = "d_G", SRMR = "SRMR", dL = "d_ULS", dML = "d_ML"),
              note = "cSEM's dG uses base-10 logarithms: iecpls's d_G / log(10)^2",
              peer = list(package = "cSEM", version = as.character(packageVersion("cSEM"))))
  saveRDS(out, file.path("tests/testthat/fixtures", paste0("omf_", name, "_cSEM.rds")))
  out
}

print(omf_fixture(ecsi_syntax, mobi, "mobi")$tests$estimated$critical)
print(omf_fixture(corp_rep_syntax, corp_rep_mean_replaced(), "corp_rep")$tests$estimated$critical)
