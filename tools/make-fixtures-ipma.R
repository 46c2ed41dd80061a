#!/usr/bin/env Rscript
# tools/make-fixtures-ipma.R -- IPMA fixtures from cSEM's doIPMA():
# tests/testthat/fixtures/ipma_{mobi,corp_rep}_cSEM.rds.
# Run by hand from the package root (needs cSEM); not run in CI.
#
# doIPMA() has no scale bounds: it uses the indicators as given. They are
# rescaled here to 0-100 with the bounds of the questionnaire, (x - min) /
# (max - min) * 100, before csem(), which makes its performance the 0-100
# performance of Ringle and Sarstedt (2016). The weights are PLS Mode A / B
# weights (.disattenuate = FALSE), as pls() estimates them.
suppressPackageStartupMessages(library(cSEM))
source("tests/testthat/helper-models.R")
load("data/mobi.rda"); load("data/corp_rep_data.rda")

cases <- list(
  mobi = list(syntax = ecsi_syntax, data = mobi, min = 1, max = 10, target = "Loyalty"),
  corp_rep = list(syntax = corp_rep_syntax, data = corp_rep_mean_replaced(), min = 1, max = 7, target = "CUSL")
)
for (name in names(cases)) {
  case <- cases[[name]]
  rescaled <- (case$data - case$min) / (case$max - case$min) * 100
  fit <- csem(rescaled, case$syntax, .disattenuate = FALSE, .tolerance = 1e-12, .iter_max = 1000,
              .conv_criterion = "diff_absolute")
  ipma <- suppressWarnings(doIPMA(fit))  # warns that "=~" blocks are common factors
  saveRDS(list(construct_importance = ipma$Construct$Importance[case$target, ],
               construct_performance = ipma$Construct$Performance,
               indicator_importance = ipma$Indicator$Importance[case$target, ],
               indicator_performance = ipma$Indicator$Performance,
               weights = ipma$Indicator$Importance,
               rescaled_weights = t(getConstructScores(fit, .standardized = FALSE)$W_used),
               target = case$target, scale = c(min = case$min, max = case$max), model = case$syntax,
               dataset = name, peer = list(package = "cSEM", version = as.character(packageVersion("cSEM")))),
          file.path("tests/testthat/fixtures", paste0("ipma_", name, "_cSEM.rds")))
}
