#!/usr/bin/env Rscript
# tools/make-fixtures-plsc.R -- consistent PLS (PLSc) fixtures from cSEM and
# seminr: tests/testthat/fixtures/plsc_{mobi,corp_rep}_{cSEM,seminr}.rds.
# Run by hand from the package root (needs seminr, cSEM); not run in CI.
#   cSEM:   csem(..., .disattenuate = TRUE): "=~" blocks are common factors.
#   seminr: reflective() constructs are common factors; estimate_pls()
#           applies PLSc to them (model_consistent()).
# Both correct the construct correlations with rho_A and rescale the
# loadings of common factors by sqrt(rho_A) / (w'w).
suppressPackageStartupMessages({ library(cSEM); library(seminr) })
source("tests/testthat/helper-models.R")
load("data/mobi.rda"); load("data/corp_rep_data.rda")

models <- list(
  mobi = list(syntax = ecsi_syntax, data = mobi),
  corp_rep = list(syntax = corp_rep_syntax, data = local({
    x <- corp_rep_data
    x[] <- lapply(x, function(col) { col <- as.double(col); col[col == -99] <- NA; col[is.na(col)] <- mean(col, na.rm = TRUE); col })
    x
  }))
)

# The tests' plain-R parser (helper-reference.R), plus the list of paths.
source("tests/testthat/helper-reference.R")
parse_blocks <- function(syntax) {
  spec <- ref_parse_syntax(syntax)
  edges <- which(spec$inner != 0, arr.ind = TRUE)
  lv <- names(spec$blocks)
  c(spec, list(edges = data.frame(from = lv[edges[, 1]], to = lv[edges[, 2]], stringsAsFactors = FALSE)))
}

full <- function(x, rows, cols) {
  out <- matrix(0, length(rows), length(cols), dimnames = list(rows, cols))
  r <- intersect(rows, rownames(x)); k <- intersect(cols, colnames(x))
  out[r, k] <- x[r, k]
  out
}

for (name in names(models)) {
  m <- models[[name]]
  spec <- parse_blocks(m$syntax)
  lv <- names(spec$blocks); mv <- unlist(spec$blocks, use.names = FALSE)
  data <- m$data[, mv]
  # cSEM
  cs <- csem(data, m$syntax, .disattenuate = TRUE, .tolerance = 1e-12, .iter_max = 1000,
             .conv_criterion = "diff_absolute")
  est <- cs$Estimates
  r2 <- cSEM::assess(cs, .quality_criterion = "r2")$R2
  saveRDS(list(path_coef = full(t(est$Path_estimates), lv, lv),
               outer_loadings = full(t(est$Loading_estimates), mv, lv),
               outer_weights = full(t(est$Weight_estimates), mv, lv),
               rho_a = est$Reliabilities[lv], construct_cor = est$Construct_VCV[lv, lv],
               r2 = r2[lv[lv %in% names(r2)]], model = m$syntax, dataset = name,
               peer = list(package = "cSEM", version = as.character(packageVersion("cSEM")))),
          file.path("tests/testthat/fixtures", paste0("plsc_", name, "_cSEM.rds")))
  # seminr
  constructs_list <- lapply(lv, function(k) {
    items <- spec$blocks[[k]]
    if (length(items) == 1) return(seminr::composite(k, seminr::single_item(items)))
    if (spec$modes[[k]] == "B") return(seminr::composite(k, items, weights = seminr::mode_B))
    seminr::reflective(k, items)
  })
  mm <- do.call(seminr::constructs, constructs_list)
  sm <- do.call(seminr::relationships, lapply(seq_len(nrow(spec$edges)), function(e)
    seminr::paths(from = spec$edges$from[e], to = spec$edges$to[e])))
  sem <- suppressMessages(seminr::estimate_pls(data, mm, sm, maxIt = 1000, stopCriterion = 12))
  saveRDS(list(path_coef = full(sem$path_coef, lv, lv), outer_loadings = full(sem$outer_loadings, mv, lv),
               outer_weights = full(sem$outer_weights, mv, lv), r2 = sem$rSquared["Rsq", ],
               model = m$syntax, dataset = name,
               peer = list(package = "seminr", version = as.character(packageVersion("seminr")))),
          file.path("tests/testthat/fixtures", paste0("plsc_", name, "_seminr.rds")))
  cat(name, ": cSEM vs seminr paths max diff",
      max(abs(full(t(est$Path_estimates), lv, lv) - full(sem$path_coef, lv, lv))), "\n")
}
