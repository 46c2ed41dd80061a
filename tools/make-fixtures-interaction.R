#!/usr/bin/env Rscript
# tools/make-fixtures-interaction.R -- interaction (moderation) fixtures from
# seminr and cSEM:
#   tests/testthat/fixtures/interaction_<model>_<method>_<peer>.rds
#   <model>  corp_rep        Hair et al. (2022, ch. 7): corp_rep_syntax plus
#                            SC =~ switch_1..4 and CUSL ~ SC + CUSA:SC
#            corp_rep_small  the same without QUAL/PERF/CSOR/ATTR
#            mobi            ecsi_syntax plus Loyalty ~ Image:Satisfaction
#            mobi_multi      two interactions on different outcomes and a
#                            quadratic term (see `models` below)
#   <method> seminr: two_stage, product_indicator, orthogonal
#            cSEM:   sequential      (.disattenuate = FALSE)
#                    sequential_plsc (.disattenuate = TRUE, "=~" blocks are
#                                     common factors)
# Run by hand from the package root (needs seminr, cSEM); not run in CI.
#
# What the peers do (seminr 2.6.0 R/specify_interactions.R, R/library.R,
# R/estimate_simplePLS.R; cSEM 0.7.1 R/helper_estimators_weights.R,
# R/estimators_paths.R, R/helper_estimators_paths.R):
#   seminr two_stage: stage 1 = simplePLS() on the model with only the paths
#     *from* interaction terms removed (all main-effect paths kept), same
#     inner scheme, but seminr's DEFAULT maxIt = 300 / stopCriterion = 7 (the
#     user's values are not passed on).  The product of the two standardized
#     stage-1 scores is the single item "A*B_intxn" of the construct "A*B".
#     Stage 2 = full PLS on all constructs (new weights for every block, the
#     interaction construct takes part in the inner weighting).
#   seminr product_indicator: items "a_i*b_j" = scale(a_i) * scale(b_j)
#     (n - 1 scaling), Mode A block of the construct "A*B", one-stage PLS.
#   seminr orthogonal: as product_indicator, then each product item is
#     replaced by its residual from lm(product ~ all items of A and B) (with
#     intercept; regressors the raw items, which spans the same space).
#   All seminr methods: after convergence the scores of "A*B" are multiplied
#     by sum_i sd(raw item_i) |l_i| / sum_i |l_i| (adjust_interaction(); raw =
#     before PLS standardizes the block, l = loadings before the adjustment),
#     so path_coef of "A*B" is the standardized beta divided by that factor,
#     loadings of "A*B" are multiplied by it, weights are not.  R^2 is from
#     correlations and so unaffected.
#   cSEM sequential: weights = PLS on the model without the nonlinear terms
#     (calculateInnerWeightsPLS() uses structural[linear, linear]); scores H
#     = scale(X) %*% t(W) (variance 1, n - 1); paths by the method of moments
#     of Dijkstra & Schermelleh-Engel (2014) on H.  With Q = 1 this is
#     b = V^-1 c, V_ij = mean(x_i x_j) - mu_i mu_j, c_i = mean(x_i y) (means
#     are 1/n), x = H_A or H_A * H_B (not standardized), mu = 0 for a single
#     construct, mean(H_A H_B) for A:B, 1 for A:A; V_ii = 1 for single
#     constructs; R^2 = b'Vb.  So even the linear paths of such a model differ
#     from OLS on H by O(1/n).  With .disattenuate = TRUE the moments are
#     corrected with Q = sqrt(rho_A) of the common factors (PLSc).
# Construct names are stored in lavaan form "A:B" for every peer (seminr's
# "A*B", cSEM's "A.B"); indicator rows keep the peer's names.
suppressPackageStartupMessages({ library(cSEM); library(seminr) })
source("tests/testthat/helper-models.R")
source("tests/testthat/helper-reference.R")
load("data/mobi.rda"); load("data/corp_rep_data.rda")
out_dir <- "tests/testthat/fixtures"

corp_rep_measurement <- "
  QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
  PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
  CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
  ATTR <~ attr_1 + attr_2 + attr_3
  COMP =~ comp_1 + comp_2 + comp_3
  LIKE =~ like_1 + like_2 + like_3
  CUSA =~ cusa
  SC   =~ switch_1 + switch_2 + switch_3 + switch_4
  CUSL =~ cusl_1 + cusl_2 + cusl_3"
corp_rep_moderation <- paste(corp_rep_measurement, "
  COMP + LIKE ~ QUAL + PERF + CSOR + ATTR
  CUSA ~ COMP + LIKE
  CUSL ~ COMP + LIKE + CUSA + SC + CUSA:SC
")
corp_rep_small <- "
  COMP =~ comp_1 + comp_2 + comp_3
  LIKE =~ like_1 + like_2 + like_3
  CUSA =~ cusa
  SC   =~ switch_1 + switch_2 + switch_3 + switch_4
  CUSL =~ cusl_1 + cusl_2 + cusl_3
  CUSA ~ COMP + LIKE
  CUSL ~ COMP + LIKE + CUSA + SC + CUSA:SC
"
ecsi_measurement <- sub("\n  Expectation  ~ Image.*$", "\n", ecsi_syntax)
mobi_moderation <- paste0(sub("Loyalty      ~ Image + Satisfaction + Complaints",
                              "Loyalty      ~ Image + Satisfaction + Complaints + Image:Satisfaction",
                              ecsi_syntax, fixed = TRUE))
# Two interactions on different outcomes (Image moderates in both; Image and
# Satisfaction are also plain predictors) and a quadratic term of an
# endogenous construct.
mobi_multi <- paste0(ecsi_measurement, "
  Expectation  ~ Image
  Quality      ~ Expectation
  Value        ~ Expectation + Quality
  Satisfaction ~ Image + Expectation + Quality + Value + Image:Expectation
  Complaints   ~ Satisfaction
  Loyalty      ~ Image + Satisfaction + Complaints + Image:Satisfaction + Satisfaction:Satisfaction
")

corp_rep_prepared <- corp_rep_mean_replaced()
models <- list(
  corp_rep = list(syntax = corp_rep_moderation, data = corp_rep_prepared, dataset = "corp_rep_data"),
  corp_rep_small = list(syntax = corp_rep_small, data = corp_rep_prepared, dataset = "corp_rep_data"),
  mobi = list(syntax = mobi_moderation, data = mobi, dataset = "mobi"),
  mobi_multi = list(syntax = mobi_multi, data = mobi, dataset = "mobi")
)
data_prep <- list(corp_rep_data = "-99 replaced by NA, then by the column mean of the observed values (corp_rep_mean_replaced())",
                  mobi = "none (no missing values)")

# Blocks and modes by the tests' parser (interaction terms taken out first),
# plus the list of paths and of interaction terms "A:B".
parse_model <- function(syntax) {
  lines <- trimws(sub("#.*$", "", unlist(strsplit(syntax, "[\n;]"))))
  lines <- lines[nzchar(lines)]
  linear <- character(0)
  edges <- data.frame(from = character(0), to = character(0), stringsAsFactors = FALSE)
  for (ln in lines) {
    if (grepl("=~|<~", ln)) { linear <- c(linear, ln); next }
    parts <- strsplit(ln, "~", fixed = TRUE)[[1]]
    lhs <- trimws(strsplit(parts[1], "+", fixed = TRUE)[[1]])
    rhs <- trimws(strsplit(parts[2], "+", fixed = TRUE)[[1]])
    for (to in lhs) edges <- rbind(edges, data.frame(from = rhs, to = to, stringsAsFactors = FALSE))
    if (any(!grepl(":", rhs))) linear <- c(linear, paste(parts[1], "~", paste(rhs[!grepl(":", rhs)], collapse = " + ")))
  }
  spec <- ref_parse_syntax(paste(linear, collapse = "\n"))
  interactions <- unique(grep(":", edges$from, value = TRUE, fixed = TRUE))
  c(spec, list(edges = edges, interactions = interactions,
               parts = lapply(setNames(interactions, interactions), function(x) strsplit(x, ":", fixed = TRUE)[[1]])))
}

full <- function(x, rows, cols) {
  out <- matrix(0, length(rows), length(cols), dimnames = list(rows, cols))
  r <- intersect(rows, rownames(x)); k <- intersect(cols, colnames(x))
  out[r, k] <- x[r, k]
  out
}
rename <- function(x, from, to) { x[x %in% from] <- to[match(x[x %in% from], from)]; x }
rename_constructs <- function(m, map, rows = TRUE) {
  if (rows) rownames(m) <- rename(rownames(m), map, names(map))
  colnames(m) <- rename(colnames(m), map, names(map))
  m
}

# seminr's product-indicator names: for each item of the iv (outer loop) each
# item of the moderator, "a*b" (name_items() in R/library.R).
seminr_product_names <- function(spec) {
  do.call(rbind, lapply(spec$interactions, function(int) {
    a <- spec$blocks[[spec$parts[[int]][1]]]; b <- spec$blocks[[spec$parts[[int]][2]]]
    first <- rep(a, each = length(b)); second <- rep(b, times = length(a))
    matrix(c(first, second, rep(int, length(first))), ncol = 3,
           dimnames = list(paste(first, second, sep = "*"), c("first", "second", "construct")))
  }))
}

seminr_fit <- function(spec, data, method, maxIt = 1000, stopCriterion = 12, with_interactions = TRUE,
                       plsc = FALSE) {
  lv <- names(spec$blocks)
  cs <- lapply(lv, function(k) {
    items <- spec$blocks[[k]]
    if (length(items) == 1) return(seminr::composite(k, seminr::single_item(items)))
    # PLSc: "=~" blocks as reflective() constructs (seminr corrects them)
    if (plsc && spec$modes[[k]] == "A") return(seminr::reflective(k, items))
    seminr::composite(k, items, weights = if (spec$modes[[k]] == "B") seminr::mode_B else seminr::mode_A)
  })
  edges <- spec$edges
  if (with_interactions) {
    cs <- c(cs, lapply(spec$interactions, function(int)
      seminr::interaction_term(iv = spec$parts[[int]][1], moderator = spec$parts[[int]][2],
                               method = method, weights = seminr::mode_A)))
  } else {
    edges <- edges[!grepl(":", edges$from, fixed = TRUE), ]
  }
  mm <- do.call(seminr::constructs, cs)
  sm <- do.call(seminr::relationships, lapply(seq_len(nrow(edges)), function(e)
    seminr::paths(from = sub(":", "*", edges$from[e], fixed = TRUE), to = edges$to[e])))
  suppressMessages(seminr::estimate_pls(data, mm, sm, inner_weights = seminr::path_weighting,
                                        maxIt = maxIt, stopCriterion = stopCriterion))
}

peer_info <- function(p) list(package = p, version = as.character(packageVersion(p)))

fixtures <- list()
for (name in names(models)) {
  m <- models[[name]]
  spec <- parse_model(m$syntax)
  lv_lin <- names(spec$blocks); lv <- c(lv_lin, spec$interactions)
  mv <- unlist(spec$blocks, use.names = FALSE)
  data <- m$data[, mv]
  seminr_map <- setNames(sub(":", "*", spec$interactions, fixed = TRUE), spec$interactions)
  csem_map <- setNames(sub(":", ".", spec$interactions, fixed = TRUE), spec$interactions)
  base <- list(model = gsub("\n  ", "\n", trimws(m$syntax)), model_name = name, dataset = m$dataset,
               n = nrow(data), data_prep = data_prep[[m$dataset]],
               missing_value = if (m$dataset == "corp_rep_data") -99 else NULL,
               interactions = spec$interactions)

  # seminr: the linear model fitted as seminr's two_stage does in stage 1
  # (defaults maxIt = 300, stopCriterion = 7), and tightly converged.
  stage1 <- seminr_fit(spec, data, NULL, maxIt = 300, stopCriterion = 7, with_interactions = FALSE)
  stage1_tight <- seminr_fit(spec, data, NULL, with_interactions = FALSE)

  for (method in c("two_stage", "product_indicator", "orthogonal")) {
    sem <- seminr_fit(spec, data, get(method, envir = asNamespace("seminr")))
    pn <- if (method == "two_stage") NULL else seminr_product_names(spec)
    extra_rows <- if (method == "two_stage") paste0(seminr_map, "_intxn") else rownames(pn)
    stopifnot(all(extra_rows %in% sem$mmVariables))
    rows <- c(mv, extra_rows)
    ow <- rename_constructs(sem$outer_weights, seminr_map, rows = FALSE)
    ol <- rename_constructs(sem$outer_loadings, seminr_map, rows = FALSE)
    pc <- rename_constructs(sem$path_coef, seminr_map)
    scores <- rename_constructs(sem$construct_scores, seminr_map, rows = FALSE)[, lv]
    # The factor adjust_interaction() put on the interaction scores.
    adj <- vapply(spec$interactions, function(int) {
      items <- rownames(ol)[ol[, int] != 0]
      sum(apply(sem$data[, items, drop = FALSE], 2, stats::sd) * abs(ol[items, int] / sd(scores[, int]))) /
        sum(abs(ol[items, int] / sd(scores[, int])))
    }, numeric(1))
    fx <- c(base, list(
      path_coef = full(pc, lv, lv),
      outer_weights = full(ow, rows, lv),
      outer_loadings = full(ol, rows, lv),
      r2 = sem$rSquared["Rsq", ],
      r2_adj = sem$rSquared["AdjRsq", ],
      construct_scores = scores,
      interaction_score_sd = apply(scores[, spec$interactions, drop = FALSE], 2, stats::sd),
      interaction_adjustment = adj,
      product_names = pn,
      score_product = if (method == "two_stage") {
        matrix(c(paste0(seminr_map, "_intxn"), do.call(rbind, spec$parts)[, 1], do.call(rbind, spec$parts)[, 2],
                 spec$interactions), ncol = 4,
               dimnames = list(NULL, c("indicator", "first", "second", "construct")))
      },
      product_data = sem$data[, extra_rows, drop = FALSE],
      stage1 = if (method == "two_stage") list(
        outer_weights = full(stage1$outer_weights, mv, lv_lin),
        construct_scores = stage1$construct_scores[, lv_lin],
        path_coef = full(stage1$path_coef, lv_lin, lv_lin),
        maxIt = 300, stopCriterion = 7, iterations = stage1$iterations,
        tight_outer_weights = full(stage1_tight$outer_weights, mv, lv_lin)),
      iterations = sem$iterations,
      method = method, peer = peer_info("seminr"), peer_names = seminr_map,
      settings = list(scheme = "path", inner_weights = "path_weighting", maxIt = 1000, stopCriterion = 12,
                      conv_rule = "sum(abs(W_new - W_old)) < 10^-stopCriterion",
                      modes = "composite(mode_A) for =~, composite(mode_B) for <~, single_item for one indicator; interaction_term(weights = mode_A)",
                      call = sprintf("estimate_pls(data, mm, sm, inner_weights = path_weighting, maxIt = 1000, stopCriterion = 12) with interaction_term(iv, moderator, method = %s, weights = mode_A)", method),
                      weightDiff = sem$weightDiff,
                      score_variance = "n - 1; interaction scores multiplied by interaction_adjustment (adjust_interaction())")))
    if (method == "two_stage") {
      # The stage-2 product item is the product of the stage-1 scores.
      for (int in spec$interactions) {
        p <- spec$parts[[int]]
        stopifnot(max(abs(sem$data[, paste0(seminr_map[[int]], "_intxn")] -
                            stage1$construct_scores[, p[1]] * stage1$construct_scores[, p[2]])) < 1e-12)
      }
    }
    file <- file.path(out_dir, sprintf("interaction_%s_%s_seminr.rds", name, method))
    saveRDS(fx, file)
    fixtures[[name]][[paste0("seminr_", method)]] <- fx
  }

  # cSEM
  csem_syntax <- gsub("([A-Za-z_][A-Za-z0-9_]*):([A-Za-z_][A-Za-z0-9_]*)", "\\1.\\2", m$syntax)
  for (dis in c(FALSE, TRUE)) {
    method <- if (dis) "sequential_plsc" else "sequential"
    cs <- tryCatch(suppressWarnings(csem(data, csem_syntax, .disattenuate = dis, .approach_nl = "sequential",
                                         .PLS_weight_scheme_inner = "path", .tolerance = 1e-12,
                                         .conv_criterion = "diff_absolute", .iter_max = 1000)),
                   error = function(e) e)
    if (inherits(cs, "error")) { cat(name, method, "cSEM failed:", conditionMessage(cs), "\n"); next }
    est <- cs$Estimates
    stat <- cSEM::verify(cs)
    pc <- rename_constructs(t(est$Path_estimates), csem_map)
    r2 <- est$R2; names(r2) <- rename(names(r2), csem_map, names(csem_map))
    fx <- c(base, list(
      path_coef = full(pc, lv, lv),
      outer_weights = full(t(est$Weight_estimates), mv, lv),
      outer_loadings = full(t(est$Loading_estimates), mv, lv),
      r2 = r2, r2_adj = setNames(est$R2adj, names(r2)),
      construct_scores = est$Construct_scores[, lv_lin],
      reliabilities = est$Reliabilities[lv_lin],
      construct_cor = est$Construct_VCV[lv_lin, lv_lin],
      iterations = cs$Information$Weight_info$Number_iterations,
      admissible = all(stat == FALSE),
      verify = unclass(stat),
      method = method, peer = peer_info("cSEM"), peer_names = csem_map, model_cSEM = csem_syntax,
      settings = list(scheme = "path", .disattenuate = dis, .approach_nl = "sequential", .normality = FALSE,
                      .tolerance = 1e-12, .conv_criterion = "diff_absolute", .iter_max = 1000,
                      modes = "modeA for =~ (common factors if .disattenuate), modeB for <~",
                      call = sprintf("csem(data, model_cSEM, .disattenuate = %s, .approach_nl = \"sequential\", .PLS_weight_scheme_inner = \"path\", .tolerance = 1e-12, .conv_criterion = \"diff_absolute\", .iter_max = 1000)", dis),
                      weights = "PLS on the linear part of the model (interaction terms left out of the inner weighting)",
                      construct_scores = "linear constructs only (scale(X) %*% t(W)); the interaction term is H_A * H_B, not stored by cSEM",
                      score_variance = "n - 1 for the scores; nonlinear moments are means (1/n)")))
    file <- file.path(out_dir, sprintf("interaction_%s_%s_cSEM.rds", name, method))
    saveRDS(fx, file)
    fixtures[[name]][[paste0("cSEM_", method)]] <- fx
  }
}

# seminr with PLSc: "=~" blocks are common factors (reflective()), the
# interaction terms composites (seminr never corrects them). PLSc re-estimates
# the paths from the corrected construct correlations, so the product term's
# path is the standardized one (adjust_interaction()'s rescaling is lost).
for (name in names(models)) {
  m <- models[[name]]
  spec <- parse_model(m$syntax)
  lv <- c(names(spec$blocks), spec$interactions)
  mv <- unlist(spec$blocks, use.names = FALSE)
  data <- m$data[, mv]
  seminr_map <- setNames(sub(":", "*", spec$interactions, fixed = TRUE), spec$interactions)
  for (method in c("two_stage", "product_indicator", "orthogonal")) {
    sem <- suppressWarnings(seminr_fit(spec, data, get(method, envir = asNamespace("seminr")), plsc = TRUE))
    pc <- rename_constructs(sem$path_coef, seminr_map)
    fx <- list(model = gsub("\n  ", "\n", trimws(m$syntax)), model_name = name, dataset = m$dataset,
               interactions = spec$interactions, method = method,
               path_coef = full(pc, lv, lv), r2 = sem$rSquared["Rsq", ],
               rho_a = local({
                 rel <- suppressWarnings(summary(sem))$reliability
                 stats::setNames(rel[, "rhoA"], rename(rownames(rel), seminr_map, names(seminr_map)))
               }),
               peer = peer_info("seminr"),
               settings = list(consistent = TRUE, maxIt = 1000, stopCriterion = 12,
                               modes = "reflective() for =~ blocks of two or more items; composite otherwise"))
    file <- file.path("tests/testthat/fixtures", paste0("interaction_", name, "_", method, "_plsc_seminr.rds"))
    saveRDS(fx, file)
    cat("wrote", file, "\n")
  }
}

# How the peers differ, per model.
for (name in names(fixtures)) {
  fx <- fixtures[[name]]
  ints <- fx[[1]]$interactions
  lin <- setdiff(colnames(fx[[1]]$path_coef), ints)
  cat("\n==", name, "==\n")
  paths_int <- do.call(rbind, lapply(fx, function(f) unlist(lapply(ints, function(i) {
    to <- unique(unlist(lapply(fx, function(g) colnames(g$path_coef)[g$path_coef[i, ] != 0])))
    setNames(f$path_coef[i, to], paste0(i, "->", to))
  }))))
  r2s <- do.call(rbind, lapply(fx, function(f) f$r2[names(fx[[1]]$r2)]))
  print(round(cbind(paths_int, r2s), 4))
  cat("max |diff| against seminr two_stage (linear paths / R^2 / weights of the linear blocks):\n")
  ref <- fx$seminr_two_stage
  mv <- rownames(ref$outer_weights)[!grepl("*", rownames(ref$outer_weights), fixed = TRUE)]
  for (k in names(fx)[-1]) {
    f <- fx[[k]]
    cat(sprintf("  %-22s %.3g / %.3g / %.3g\n", k,
                max(abs(f$path_coef[lin, lin] - ref$path_coef[lin, lin])),
                max(abs(f$r2 - ref$r2[names(f$r2)])),
                max(abs(f$outer_weights[mv, lin] - ref$outer_weights[mv, lin]))))
  }
  cat(sprintf("  cSEM sequential weights vs seminr stage 1 (maxIt 300, 1e-7): %.3g; vs stage 1 tight: %.3g\n",
              max(abs(fx$cSEM_sequential$outer_weights[mv, lin] - ref$stage1$outer_weights[mv, lin])),
              max(abs(fx$cSEM_sequential$outer_weights[mv, lin] - ref$stage1$tight_outer_weights[mv, lin]))))
}
