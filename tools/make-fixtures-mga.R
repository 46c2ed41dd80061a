#!/usr/bin/env Rscript
# tools/make-fixtures-mga.R -- multigroup analysis and MICOM fixtures from
# cSEM and seminr: tests/testthat/fixtures/mga_corp_rep_{cSEM,seminr}.rds
# and micom_corp_rep_cSEM.rds. Run by hand from the package root with
# iecpls installed (for parse_model() and the peers' syntax in
# bench/peers.R) and seminr and cSEM available; not run in CI. Takes a few
# minutes (the peers permute and bootstrap in R).
#
# Data: the corporate reputation model on corp_rep_data with -99 replaced by
# the column means (so the peers and iecpls see the same numbers), groups
# servicetype 1 and 2.
#   cSEM testMGD(): "Chin" (permutation; p of |d*| >= |d|, + 1 in both
#     counts), "Henseler" (p = P(theta_1* <= theta_2*) from draws centred on
#     the estimates) and "Nitzl" (Welch-Satterthwaite t, df, p).
#   seminr estimate_pls_mga(): Henseler's PLS-MGA p of the paths, with draws
#     reflected around their means.
#   cSEM testMICOM() on the pooled data standardized first (cSEM forms the
#     step-2 composites from the indicators as given).
suppressPackageStartupMessages({ library(cSEM); library(seminr); library(iecpls) })
source("tests/testthat/helper-models.R")
source("bench/peers.R")
load("data/corp_rep_data.rda")

R_peer <- as.integer(Sys.getenv("MGA_FIXTURE_R", "2000"))
data <- corp_rep_mean_replaced()
model <- parse_model(corp_rep_syntax)
out_dir <- "tests/testthat/fixtures"

# cSEM: multigroup tests
groups <- data[c(model$indicators, "servicetype")]
cs <- csem(groups, corp_rep_syntax, .id = "servicetype", .disattenuate = FALSE, .tolerance = 1e-10,
           .conv_criterion = "diff_absolute")
mgd <- testMGD(cs, .approach_mgd = c("Chin", "Henseler", "Nitzl"), .R_permutation = R_peer,
               .R_bootstrap = R_peer, .seed = 2024, .handle_inadmissibles = "drop", .verbose = FALSE)
saveRDS(list(
  R = R_peer,
  difference = mgd$Chin$Test_statistic[["1_2"]],
  chin_p = mgd$Chin$P_value$none[["1_2"]],
  henseler_p = mgd$Henseler$P_value$none[["1_2"]],
  nitzl_t = mgd$Nitzl$Test_statistic[["1_2"]],
  nitzl_df = mgd$Nitzl$df[["1_2"]],
  nitzl_p = mgd$Nitzl$P_value$none[["1_2"]],
  admissible = mgd$Information$Information_permutation$Number_admissibles,
  version = as.character(packageVersion("cSEM"))
), file.path(out_dir, "mga_corp_rep_cSEM.rds"))

# seminr: PLS-MGA of the paths
spec <- seminr_model(model)
sm <- suppressMessages(estimate_pls(data, spec$measurement, spec$structural))
mga <- suppressMessages(estimate_pls_mga(sm, data$servicetype == 1, nboot = R_peer, cores = 1, seed = 2024))
saveRDS(list(
  R = R_peer,
  source = mga$source, target = mga$target,
  group1 = mga$group1_beta, group2 = mga$group2_beta,
  difference = mga$diff, p = mga$pls_mga_p,
  version = as.character(packageVersion("seminr"))
), file.path(out_dir, "mga_corp_rep_seminr.rds"))

# cSEM: MICOM on standardized data
standardized <- groups
standardized[model$indicators] <- scale(groups[model$indicators])
cs_std <- csem(standardized, corp_rep_syntax, .id = "servicetype", .disattenuate = FALSE, .tolerance = 1e-10,
               .conv_criterion = "diff_absolute")
micom <- testMICOM(cs_std, .R = R_peer, .seed = 2024, .verbose = FALSE)
saveRDS(list(
  R = R_peer,
  c = micom$Step2$Test_statistic[["1_2"]],
  c_p = micom$Step2$P_value$none[["1_2"]],
  mean_diff = micom$Step3$Mean$Test_statistic[["1_2"]],
  mean_p = micom$Step3$Mean$P_value$none[["1_2"]],
  log_var_ratio = micom$Step3$Var$Test_statistic[["1_2"]],
  var_p = micom$Step3$Var$P_value$none[["1_2"]],
  admissible = micom$Information$Number_admissibles,
  version = as.character(packageVersion("cSEM"))
), file.path(out_dir, "micom_corp_rep_cSEM.rds"))
