# Writes the model selection fixtures in tests/testthat/fixtures/ from the
# peers (issue #20): cSEM's calculateModelSelectionCriteria() and, where
# seminr is installed, seminr's it_criteria. Run by hand from the package
# root (never in CI; the peers are not dependencies of iecpls):
#
#   Rscript tools/make-fixtures-selection.R
#
# As in tools/make-fixtures-assessment.R, cSEM runs plain PLS-PM
# (.disattenuate = FALSE) to tolerance 1e-12 with our convergence rule, on
# corp_rep with -99 replaced by column means (cSEM has no missing-value
# handling), and seminr to stopCriterion = 12.
#
# cSEM's GM (by equation) divides the SSE by MSE = 1 - R^2 of the same
# construct in a "saturated" model that cSEM estimates anew: its structural
# matrix with every entry below the diagonal set to 1, so each construct is
# regressed on all constructs before it in cSEM's order of the constructs.
# The fixture keeps that model's structural matrix and the R^2 of the
# original model's endogenous constructs in it, so the tests can refit it with pls() and check cSEM's GM with our
# own numbers.
#
# Each fixture is a plain list of named vectors (no peer classes), so the
# tests need neither peer to read them.

stopifnot(file.exists("DESCRIPTION"), requireNamespace("pkgload", quietly = TRUE))
pkgload::load_all(".", quiet = TRUE)
stopifnot(requireNamespace("cSEM", quietly = TRUE))
source(file.path("tests", "testthat", "helper-models.R"))
source(file.path("bench", "peers.R"))  # peer_syntax(), seminr_model()

out_dir <- file.path("tests", "testthat", "fixtures")
dir.create(out_dir, showWarnings = FALSE, recursive = TRUE)

csem_selection <- function(syntax, data) {
  model <- parse_model(syntax)
  res <- cSEM::csem(data, peer_syntax(model), .disattenuate = FALSE, .tolerance = 1e-12,
                    .iter_max = 1000, .conv_criterion = "diff_absolute")
  stopifnot(cSEM::verify(res)[["1"]] == FALSE)
  criteria <- cSEM::calculateModelSelectionCriteria(res, .ms_criterion = "all", .by_equation = TRUE)
  # the saturated model exactly as calculateModelSelectionCriteria() builds it
  args <- res$Information$Arguments
  args$.model$structural[lower.tri(args$.model$structural)] <- 1
  args$.id <- NULL
  saturated <- do.call(cSEM::csem, args)
  structural <- saturated$Information$Model$structural
  endogenous <- names(res$Estimates$R2)
  list(
    peer = paste("cSEM", utils::packageVersion("cSEM")),
    n = nrow(res$Information$Data),
    r2 = res$Estimates$R2,
    criteria = lapply(criteria, function(x) stats::setNames(as.numeric(x), names(x))),
    # rows: outcomes, columns: predictors (cSEM's convention)
    saturated_structural = unclass(structural) + 0,
    saturated_r2 = saturated$Estimates$R2[endogenous]
  )
}

seminr_selection <- function(syntax, data) {
  spec <- seminr_model(parse_model(syntax))
  fit <- seminr::estimate_pls(data = data, measurement_model = spec$measurement,
                              structural_model = spec$structural, maxIt = 1000, stopCriterion = 12)
  it <- unclass(summary(fit)$it_criteria)
  attr(it, "comment") <- NULL
  list(peer = paste("seminr", utils::packageVersion("seminr")), it_criteria = it)
}

cases <- list(
  mobi = list(syntax = ecsi_syntax, data = as.data.frame(mobi)),
  corp_rep = list(syntax = corp_rep_syntax, data = as.data.frame(corp_rep_mean_replaced()))
)
for (name in names(cases)) {
  case <- cases[[name]]
  saveRDS(csem_selection(case$syntax, case$data),
          file.path(out_dir, paste0("selection_", name, "_csem.rds")), version = 2)
  if (requireNamespace("seminr", quietly = TRUE)) {
    saveRDS(seminr_selection(case$syntax, case$data),
            file.path(out_dir, paste0("selection_", name, "_seminr.rds")), version = 2)
  } else {
    message("seminr is not installed: no seminr fixture for ", name)
  }
  message("wrote the ", name, " selection fixtures")
}
