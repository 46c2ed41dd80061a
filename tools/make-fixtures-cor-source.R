#!/usr/bin/env Rscript
# tools/make-fixtures-cor-source.R -- cSEM fixtures for fits from other
# correlations than Pearson's (#19): OrdPLS / OrdPLSc (ordered factors:
# polychoric and polyserial correlations) and Spearman correlations
# (.approach_cor_robust = "spearman", with and without PLSc), written to
# tests/testthat/fixtures/corsource_<name>_cSEM.rds (no name contains _path_, _factorial_ or _centroid_: test-reference.R reads those as plain-PLS fixtures).
# Run by hand from the package root (needs cSEM); not run in CI.
#
# cSEM's correlations of ordered factors are polycor::polychor() with its
# default optimise() (tolerance about 1e-4 in rho), so its polychoric
# correlations are within about 1e-5 of the exact two-step estimates
# iecpls computes; the fixtures therefore keep cSEM's correlation matrix S
# too, and the tests check (a) iecpls's correlations against S at that
# tolerance and (b) the PLS estimates from S against cSEM's at 1e-6.
suppressPackageStartupMessages(library(cSEM))
source("tests/testthat/helper-models.R")
source("tests/testthat/helper-boot.R")
source("tests/testthat/helper-cor-source.R")
load("data/mobi.rda"); load("data/iec_survey.rda"); load("data/corp_rep_data.rda")
`%||%` <- function(a, b) if (is.null(a)) b else a

iec_syntax <- "
  TTM =~ ttm1 + ttm2 + ttm3 + ttm4 + ttm5
  IC  =~ ic1 + ic2 + ic3 + ic4
  QEA =~ qea1 + qea2 + qea3 + qea4
  GAD =~ gad1 + gad2 + gad3 + gad4
  RIG =~ rig1 + rig2 + rig3 + rig4 + rig5
  CTM =~ ctm1 + ctm2 + ctm3 + ctm4
  CTM ~ TTM + IC + QEA + GAD + RIG
"

cases <- list(
  ordinal_mobi = list(syntax = small_ecsi_syntax, data = "mobi_ordinal()", consistent = FALSE),
  ordinal_mobi_plsc = list(syntax = small_ecsi_syntax, data = "mobi_ordinal()", consistent = TRUE),
  ordinal_mobi_factorialscheme = list(syntax = small_ecsi_syntax, data = "mobi_ordinal()", consistent = FALSE,
                                scheme = "factorial"),
  mixed_mobi = list(syntax = small_ecsi_syntax, data = "mixed", consistent = FALSE),
  mixed_mobi_plsc = list(syntax = small_ecsi_syntax, data = "mixed", consistent = TRUE),
  ordinal_iec = list(syntax = iec_syntax, data = "iec_complete", consistent = FALSE),
  ordinal_iec_plsc = list(syntax = iec_syntax, data = "iec_complete", consistent = TRUE),
  spearman_mobi = list(syntax = ecsi_syntax, data = "mobi", consistent = FALSE, robust = "spearman"),
  spearman_mobi_plsc = list(syntax = ecsi_syntax, data = "mobi", consistent = TRUE, robust = "spearman"),
  spearman_corp_rep = list(syntax = corp_rep_syntax, data = "corp_rep_complete", consistent = FALSE,
                           robust = "spearman", scheme = "centroid")
)

full <- function(x, rows, cols) {
  out <- matrix(0, length(rows), length(cols), dimnames = list(rows, cols))
  r <- intersect(rows, rownames(x)); k <- intersect(cols, colnames(x))
  out[r, k] <- x[r, k]
  out
}

for (name in names(cases)) {
  case <- cases[[name]]
  data <- cor_source_fixture_data(case$data)
  scheme <- case$scheme %||% "path"
  cs <- csem(data, case$syntax, .disattenuate = case$consistent, .tolerance = 1e-12, .iter_max = 1000,
             .conv_criterion = "diff_absolute", .PLS_weight_scheme_inner = scheme,
             .approach_cor_robust = case$robust %||% "none")
  est <- cs$Estimates
  lv <- rownames(est$Path_estimates)
  mv <- colnames(est$Weight_estimates)
  saveRDS(list(name = name, syntax = case$syntax, data = case$data, consistent = case$consistent,
               scheme = scheme, robust = case$robust %||% "none",
               S = est$Indicator_VCV[mv, mv],
               path_coef = full(t(est$Path_estimates), lv, lv),
               outer_weights = full(t(est$Weight_estimates), mv, lv),
               outer_loadings = full(t(est$Loading_estimates), mv, lv),
               construct_cor = est$Construct_VCV[lv, lv],
               scores = est$Construct_scores,
               peer = list(package = "cSEM", version = as.character(packageVersion("cSEM")))),
          file.path("tests/testthat/fixtures", paste0("corsource_", name, "_cSEM.rds")))
  cat(name, "done\n")
}
