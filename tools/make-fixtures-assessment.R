# Writes the model-assessment fixtures in tests/testthat/fixtures/ from the
# peers, seminr and cSEM. Run by hand from the package root (never in CI; the
# peers are not dependencies of iecpls):
#
#   Rscript tools/make-fixtures-assessment.R
#
# Both peers are run to a tight convergence tolerance so that differences
# between their stopping rules and ours vanish below 1e-10: seminr with
# maxIt = 1000 and stopCriterion = 12 (sum of absolute weight changes below
# 1e-12), cSEM with .tolerance = 1e-12, .iter_max = 1000 and
# .conv_criterion = "diff_absolute" (our rule). cSEM runs with
# .disattenuate = FALSE, i.e. plain PLS-PM, the estimator of pls().
#
# seminr imports DiagrammeRsvg, which needs the V8 package (libnode); only
# seminr's numbers are used here, never its plots.
#
# Each fixture is a plain list of named matrices and vectors (no peer
# classes), so the tests need neither peer to read them.

stopifnot(file.exists("DESCRIPTION"), requireNamespace("pkgload", quietly = TRUE))
pkgload::load_all(".", quiet = TRUE)
stopifnot(requireNamespace("seminr", quietly = TRUE), requireNamespace("cSEM", quietly = TRUE))
source(file.path("tests", "testthat", "helper-models.R"))
# peer_syntax() (cSEM's lavaan-style text) and seminr_model() (every block a
# seminr composite() in Mode A or B: seminr would estimate reflective()
# constructs with PLSc, which pls() does not do)
source(file.path("bench", "peers.R"))

out_dir <- file.path("tests", "testthat", "fixtures")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

# seminr's table objects as plain numeric matrices.
plain <- function(x) {
  x <- unclass(x)
  attr(x, "comment") <- NULL
  x
}

# seminr's per-construct VIF lists as plain named lists of named vectors.
plain_list <- function(x) {
  x <- unclass(x)
  lapply(x, function(v) stats::setNames(as.numeric(v), names(v)))
}

seminr_fixture <- function(syntax, data) {
  model <- parse_model(syntax)
  spec <- seminr_model(model)
  fit <- seminr::estimate_pls(data = data, measurement_model = spec$measurement,
                              structural_model = spec$structural,
                              maxIt = 1000, stopCriterion = 12)
  s <- summary(fit)
  list(
    peer = paste("seminr", utils::packageVersion("seminr")),
    outer_weights = plain(fit$outer_weights),
    outer_loadings = plain(fit$outer_loadings),
    path_coef = plain(fit$path_coef),
    paths = plain(s$paths),
    reliability = plain(s$reliability),
    htmt = plain(s$validity$htmt),
    fl_criteria = plain(s$validity$fl_criteria),
    cross_loadings = plain(s$validity$cross_loadings),
    vif_items = plain_list(s$validity$vif_items),
    vif_antecedents = plain_list(s$vif_antecedents),
    f_square = plain(s$fSquare),
    total_effects = plain(s$total_effects),
    total_indirect_effects = plain(s$total_indirect_effects),
    it_criteria = plain(s$it_criteria)
  )
}

# cSEM's model-implied indicator correlation matrix with every construct
# treated as a composite (construct_type "Composite"): fit() then keeps the
# empirical within-block correlations, which is the composite model.
csem_fit_as <- function(res, type, saturated) {
  res$Information$Model$construct_type[] <- type
  cSEM::fit(res, .saturated = saturated, .type_vcv = "indicator")
}

csem_fixture <- function(syntax, data) {
  model <- parse_model(syntax)
  res <- cSEM::csem(data, peer_syntax(model), .disattenuate = FALSE, .tolerance = 1e-12,
                    .iter_max = 1000, .conv_criterion = "diff_absolute")
  stopifnot(cSEM::verify(res)[["1"]] == FALSE)
  a <- cSEM::assess(res, .quality_criterion = c(
    "ave", "rho_C", "rho_C_mm", "rho_C_weighted", "reliability", "rho_T", "dg", "dl", "srmr",
    "effects", "f2", "fl_criterion", "r2", "r2_adj", "vif", "vifmodeB"))
  effects <- a$Effects
  effect_table <- function(x) stats::setNames(x$Estimate, x$Name)
  htmt <- function(type, absolute, only_cf = TRUE) {
    suppressWarnings(cSEM::calculateHTMT(res, .type_htmt = type, .absolute = absolute,
                                         .only_common_factors = only_cf)$htmts)
  }
  est <- res$Estimates
  list(
    peer = paste("cSEM", utils::packageVersion("cSEM")),
    construct_type = res$Information$Model$construct_type,
    weights = est$Weight_estimates,
    loadings = est$Loading_estimates,
    path_estimates = est$Path_estimates,
    construct_vcv = est$Construct_VCV,
    indicator_vcv = est$Indicator_VCV,
    ave = a$AVE,
    rho_c = a$RhoC,
    rho_c_mm = a$RhoC_mm,
    rho_c_weighted = a$RhoC_weighted,
    cronbachs_alpha = a$Reliability$Cronbachs_alpha,
    joereskogs_rho = a$Reliability$Joereskogs_rho,
    rho_a = a$Reliability$`Dijkstra-Henselers_rho_A`,
    r2 = a$R2,
    r2_adj = a$R2_adj,
    vif = a$VIF,
    vif_mode_b = a$VIF_modeB,
    f2 = a$F2,
    fornell_larcker = a$`Fornell-Larcker`,
    htmt = htmt("htmt", absolute = FALSE),
    htmt_abs = htmt("htmt", absolute = TRUE),
    htmt2 = htmt("htmt2", absolute = FALSE),
    htmt_all = htmt("htmt", absolute = FALSE, only_cf = FALSE),
    direct = effect_table(effects$Direct_effect),
    indirect = effect_table(effects$Indirect_effect),
    total = effect_table(effects$Total_effect),
    srmr = a$SRMR,
    dl = a$DL,
    dg = a$DG,
    srmr_saturated = cSEM::calculateSRMR(res, .saturated = TRUE),
    dl_saturated = cSEM::calculateDL(res, .saturated = TRUE),
    dg_saturated = cSEM::calculateDG(res, .saturated = TRUE),
    # model-implied indicator correlations: as specified (=~ common factor,
    # <~ composite), all composite, all common factor; estimated and saturated
    implied = cSEM::fit(res, .saturated = FALSE, .type_vcv = "indicator"),
    implied_saturated = cSEM::fit(res, .saturated = TRUE, .type_vcv = "indicator"),
    implied_composite = csem_fit_as(res, "Composite", saturated = FALSE),
    implied_composite_saturated = csem_fit_as(res, "Composite", saturated = TRUE),
    implied_factor = csem_fit_as(res, "Common factor", saturated = FALSE),
    implied_factor_saturated = csem_fit_as(res, "Common factor", saturated = TRUE),
    implied_construct = cSEM::fit(res, .saturated = FALSE, .type_vcv = "construct")
  )
}

cases <- list(
  mobi = list(syntax = ecsi_syntax, data = as.data.frame(mobi)),
  corp_rep = list(syntax = corp_rep_syntax, data = as.data.frame(corp_rep_mean_replaced()))
)
for (name in names(cases)) {
  case <- cases[[name]]
  saveRDS(seminr_fixture(case$syntax, case$data),
          file.path(out_dir, paste0("assess_", name, "_seminr.rds")), version = 2)
  saveRDS(csem_fixture(case$syntax, case$data),
          file.path(out_dir, paste0("assess_", name, "_csem.rds")), version = 2)
  message("wrote the ", name, " fixtures")
}
