#!/usr/bin/env Rscript
# tools/make-fixtures-nca-dul.R -- the NCA package's nca_analysis() on
# Dul's (2016) example (its dataset nca.example: 28 countries,
# Individualism and Risk taking as conditions of Innovation performance)
# with the CE-FDH and CR-FDH ceilings and percentage-range bottleneck
# tables: for each condition and ceiling the ceiling zone, scope, effect
# size d, ceiling accuracy, CR-FDH intercept and slope, the peers its
# CR-FDH line is fitted to (NCA >= 4.0.3 keeps cases that repeat a peer),
# the bottleneck tables as NCA prints them and the x values behind them
# (its "mpx.actual"), and a permutation test (test.rep = 1000, p values), with
# the data as a plain data frame and NCA's version, written to
# tests/testthat/fixtures/nca_dul2016_NCA.rds. The same on seminr's
# construct scores of the corporate reputation model (COMP, LIKE, CUSA ->
# CUSL, from tests/testthat/fixtures/nca_corp_rep_seminrExtras.rds),
# written to tests/testthat/fixtures/nca_corp_rep_NCA.rds.
# Run by hand from the package root (needs the NCA package; not run in CI).
suppressPackageStartupMessages(library(NCA))
utils::data("nca.example", package = "NCA", envir = environment())

ceilings <- c("ce_fdh", "cr_fdh")

# One condition's numbers, as a named vector per ceiling.
nca_numbers <- function(model, condition) {
  t(vapply(ceilings, function(ceiling) {
    c(zone = model[["Ceiling zone"]][[condition]][[ceiling]],
      scope = model$Scope[[condition]],
      d = model[["Effect size"]][[condition]][[ceiling]],
      accuracy = model[["Ceiling accuracy"]][[condition]][[ceiling]] / 100,
      above = model[["# above"]][[condition]][[ceiling]],
      intercept = model$Intercept[[condition]][[ceiling]],
      slope = model$Slope[[condition]][[ceiling]],
      xmin = model$Xmin[[condition]], xmax = model$Xmax[[condition]],
      ymin = model$Ymin[[condition]], ymax = model$Ymax[[condition]])
  }, numeric(11)))
}

# The bottleneck table of each ceiling: the printed labels and the x values.
nca_bottlenecks <- function(model, conditions) {
  lapply(stats::setNames(ceilings, ceilings), function(ceiling) {
    b <- model$bottlenecks[[ceiling]]
    list(level = as.numeric(b[[1]]),
         label = vapply(conditions, function(cn) as.character(b[[cn]]), character(nrow(b))),
         x = vapply(conditions, function(cn) as.numeric(attr(b[[cn]], "mpx.actual")), numeric(nrow(b))))
  })
}

run_nca <- function(data, conditions, outcome, test_rep, seed) {
  model <- nca_analysis(data, conditions, outcome, ceilings = ceilings,
                        bottleneck.x = "percentage.range", bottleneck.y = "percentage.range")
  set.seed(seed)
  tested <- suppressWarnings(nca_analysis(data, conditions, outcome, ceilings = ceilings, test.rep = test_rep))
  p <- t(vapply(conditions, function(cn) {
    vapply(ceilings, function(ceiling) tested$tests[[cn]][[ceiling]]$p_value, numeric(1))
  }, numeric(2)))
  list(data = as.data.frame(lapply(data[c(conditions, outcome)], as.numeric), check.names = FALSE),
       conditions = conditions, outcome = outcome,
       numbers = stats::setNames(lapply(conditions, nca_numbers, model = model), conditions),
       bottleneck = nca_bottlenecks(model, conditions),
       peers = lapply(stats::setNames(conditions, conditions), function(cn) unname(model$peers$cr_fdh[[cn]])),
       p = p, test_rep = test_rep,
       peer = list(package = "NCA", version = as.character(utils::packageVersion("NCA"))))
}

dul <- run_nca(nca.example, c("Individualism", "Risk taking"), "Innovation performance", 1000, 2016)
saveRDS(dul, "tests/testthat/fixtures/nca_dul2016_NCA.rds")

scores <- readRDS("tests/testthat/fixtures/nca_corp_rep_seminrExtras.rds")$scores
corp <- run_nca(as.data.frame(scores), c("COMP", "LIKE", "CUSA"), "CUSL", 1000, 21)
saveRDS(corp, "tests/testthat/fixtures/nca_corp_rep_NCA.rds")
