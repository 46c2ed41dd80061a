#!/usr/bin/env Rscript
# tools/make-fixtures-hoc.R -- higher-order construct (HOC) fixtures from
# seminr and cSEM:
#   tests/testthat/fixtures/hoc_<data>_<peer>_<approach>_<scheme>.rds
#   <data>     corp_rep            REP =~ COMP + LIKE (Mode A HOC)
#              corp_rep_formative  REP <~ COMP + LIKE (Mode B HOC)
#              mobi                PQ  =~ EXPE + QUAL (Mode A HOC)
#   <peer>/<approach>  seminr/two_stage, seminr/two_stage_plsc, cSEM/mixed,
#              cSEM/2stage
#   <scheme>   path, factorial (both peers), centroid (cSEM only: seminr has
#              no centroid scheme)
# Run by hand from the package root (needs seminr, cSEM); not run in CI, and
# the peers are never package dependencies.  Written with R 4.2.2, seminr
# 2.6.0, cSEM 0.7.1.  All claims below are checked by stopifnot() further down
# (the script stops if one of them does not hold).
#
# Data: corp_rep_data with -99 -> NA -> column mean of the observed values
# (corp_rep_mean_replaced() of helper-models.R, as in every other fixture),
# mobi as is.  Only the model's indicator columns are passed to the peers and
# stored as `data` (a numeric matrix; these are exactly the values the peers
# saw: neither peer transforms them further before standardizing).
# Settings: seminr estimate_pls(maxIt = 1000, stopCriterion = 12) (stop when
# sum(abs(W_new - W_old)) < 1e-12, the same values as the other seminr
# fixtures); cSEM csem(.disattenuate = FALSE, .tolerance = 1e-12,
# .conv_criterion = "diff_absolute" (max(abs(W_new - W_old)) < tol),
# .iter_max = 1000, .PLS_modes = every first-order construct's mode, plus the
# HOC's for "mixed" ("2stage" stage 1 has no HOC and cSEM stops on unknown
# names in .PLS_modes)).  Modes: "<~" = Mode B, "=~" = Mode A.
#
# ---------------------------------------------------------------------------
# seminr 2.6.0, higher_composite(HOC, dims, method = two_stage, weights)
# (R/feature_higher_order.R, R/estimate_pls.R, R/estimate_simplePLS.R):
#   * `method` is ignored (seminr has only this one approach); weights =
#     mode_A gives type "HOCA", mode_B "HOCB".  It is the DISJOINT two-stage
#     approach.
#   * Stage 1 = estimate_pls() on the model WITHOUT the HOC: every path
#     X -> HOC becomes X -> D for each dimension D, every HOC -> Y becomes
#     D -> Y (expand_HOC_to_LOCs()); all other paths kept.  Same data, same
#     inner scheme and the USER's maxIt / stopCriterion (unlike two_stage
#     interactions, which use the defaults 300 / 7).  Stored as
#     $first_stage_model (a full pls_model); its construct order is that of
#     the rebuilt structural model (e.g. CUSA QUAL PERF ... for corp_rep).
#   * Stage-1 scores are the usual seminr scores: scale(X) %*% W with W
#     rescaled so that each score has mean 0 and variance 1 with the n - 1
#     denominator.  The dimensions' columns of these scores are appended to
#     the data as items named after the dimensions ("COMP", "LIKE").
#   * Stage 2 = one ordinary PLS run (simplePLS) on the ORIGINAL structural
#     model: the HOC is a block whose items are the stage-1 scores of its
#     dimensions (Mode A for HOCA, Mode B for HOCB), every other construct is
#     measured by its own raw items again and ALL weights are re-estimated
#     (the non-HOC constructs' stage-2 weights differ from their stage-1
#     weights, by up to 0.03 here).  The
#     appended score columns are standardized again like any item (a no-op up
#     to rounding).  The dimensions are not stage-2 constructs.
#   * Final object: path_coef, rSquared, construct_scores, iterations come
#     from stage 2 (constructs = stage-2 constructs, no LOC columns).
#     outer_weights / outer_loadings are assembled by
#     combine_first_order_second_order_matrices(): rows = stage-2 items then
#     the LOCs' raw items, columns = stage-2 constructs then the LOCs; the
#     stage-2 block (incl. the rows "COMP", "LIKE" in column REP) holds the
#     stage-2 estimates, the LOC items x LOC block holds the stage-1
#     estimates; everything else 0.
#   * No PLSc is involved (composite() everywhere, so model_consistent() is a
#     no-op).
#
# seminr 2.6.0 PLSc (consistent PLS), two_stage_plsc fixtures
# (R/feature_consistent.R PLSc(), plsc_disattenuation(),
# hoc_composite_reliability(); R/estimate_pls.R model_consistent()):
#   Same models and settings, but every multi-item "=~" construct is
#   reflective() (a common factor: Mode A weights, then PLSc); one-item
#   constructs stay composite(single_item()) (checked: reflective(single_item())
#   gives the same estimates -- rho_A of a single item is 1, its loading 1);
#   "<~" = composite(mode_B); the HOC is higher_composite() as before.
#   * PLSc changes no weights and no scores: both stages' weights and scores
#     equal the plain two_stage ones.
#   * Stage 1 is itself an estimate_pls() call, so it gets PLSc: its paths,
#     R^2 and the factors' loadings (incl. the LOCs' -- COMP, LIKE, EXPE, QUAL)
#     are PLSc-corrected with rho_A computed from the stage-1 weights.  The
#     final outer_loadings' LOC block is this PLSc stage-1 block.
#   * Stage 2: rho = rho_A (with the STAGE-2 weights) for the reflective()
#     constructs, 1 for composites and single items, and for the HOC (Mode A
#     AND Mode B alike) rho = w' S* w / w' S w, w = the HOC's stage-2 weights
#     on its dimensions, S = cor(stage-1 scores of the dimensions), S* = S
#     with diagonal = the dimensions' stage-1 rho (van Riel et al. 2017).
#     Construct correlations R = cor(stage-2 scores) / sqrt(rho rho'), unit
#     diagonal; each endogenous y: paths = solve(R_xx, R_xy), R^2 = b' R_xy
#     (= 1 - 1/[R^-1]_yy), AdjRsq = 1 - (1 - R^2)(n - 1)/(n - k - 1).
#     Loadings: reflective() constructs w sqrt(rho) / (w'w); composites AND
#     THE HOC keep the plain loadings (the HOC's on its dimensions =
#     cor(stage-1 dimension score, HOC score)); the HOC's reliability only
#     enters R, i.e. paths and R^2.
#   * plsc_disattenuation() fails on the RETURNED model (its construct scores
#     lack the LOC columns that constructs_in_model() asks for once $hoc is
#     set); we rebuild the stage-2 model as model_consistent() saw it ($hoc
#     NULL, stage-2 blocks of the weights/loadings) and call it on that, and
#     check everything against a by-hand computation.
#   * Admissibility: seminr warns (class seminr_inadmissible_plsc_warning)
#     once per stage that is inadmissible (plsc_admissibility() problems or
#     R^2 outside [0, 1]); all six fits here are admissible, no warnings.
#
# cSEM 0.7.1, .approach_2ndorder (R/csem_model.R convertModel(),
# R/helper_csem.R calculate2ndStage(), R/helper_foreman.R):
#   "mixed" stage 1 = REPEATED INDICATORS.  The HOC is a construct measured by
#     copies of all its dimensions' raw items, named "<HOC>_2nd_<item>" (e.g.
#     REP_2nd_comp_1; the copies are identical columns of the data, added by
#     processData()); the dimensions keep their own items.  Structural model
#     = the original one plus, for "=~" HOCs, D ~ HOC for every dimension D
#     (by the source, for every construct that serves as a dimension of ANY
#     HOC; only one HOC is used here) and for "<~" HOCs HOC ~ D (appended to
#     the HOC's other antecedents, so e.g.
#     REP ~ QUAL + PERF + CSOR + ATTR + COMP + LIKE).  HOC mode = the
#     .PLS_modes given (here A for "=~", B for "<~").  first$syntax shows it.
#   "2stage" stage 1 = all FIRST-ORDER constructs (the HOC dropped) in a
#     saturated recursive chain in cSEM's order of the first-order
#     constructs (here the order of their measurement lines, e.g. QUAL PERF
#     CSOR ATTR COMP LIKE CUSA CUSL): C_k ~ C_1 + ... + C_{k-1}.  With the path
#     scheme this order matters (predecessors get regression weights); with
#     factorial / centroid it does not.  Stored as first$structural.
#   Stage 2 (both approaches, convertModel(.stage = "second")): data = the
#     stage-1 construct scores (scale(X) %*% t(W): mean 0, variance 1 with
#     n - 1).  The HOC is measured by its dimensions' scores; every other
#     first-order construct X becomes a single-indicator construct "X_temp"
#     measured by the stage-1 score column "X" (operator "=~"/"<~" copied from
#     X); the structural model is the original one with these names.  So the
#     stage-2 names carry the suffix "_temp" (QUAL_temp, CUSA_temp, ...) and
#     the indicators are construct names (QUAL, ..., COMP, LIKE).
#   SURPRISES in stage 2 (checked below):
#   * .PLS_modes is NOT passed on (calculate2ndStage() uses .PLS_modes =
#     NULL): the HOC's stage-2 mode comes from its operator: "=~" -> Mode A,
#     "<~" -> Mode B.
#   * cSEM always passes the stage-1 reliabilities of the "_temp" constructs
#     (.reliabilities), and any .reliabilities switch .disattenuate to TRUE
#     (warning "`.disattenuate = FALSE` is set to `TRUE`." -- stored in
#     `warnings`).  With .disattenuate = FALSE in stage 1 all those
#     reliabilities are 1, so the "_temp" constructs and composites are not
#     corrected, BUT an "=~" HOC is a common factor in stage 2 and gets PLSc:
#     its reliability is rho_A (Dijkstra-Henseler, .PLS_approach_cf =
#     "dist_squared_euclid"), Path_estimates / R2 / Construct_VCV / its
#     Loading_estimates are disattenuated.  Weights and Construct_scores are
#     the plain Mode A ones.  So for corp_rep and mobi the native cSEM stage 2
#     is NOT plain PLS; for corp_rep_formative it is (all reliabilities 1).
#     We therefore also store `second_plain`: the same stage-2 model fitted by
#     cSEM on the same stage-1 scores with every construct a composite ("<~"),
#     the HOC's own mode via .PLS_modes and .disattenuate = FALSE (same scheme
#     and tolerance) -- that is what a plain-PLS stage 2 gives.
#   * The loadings "rebase" in calculate2ndStage() (divide by sqrt of the
#     stage-1 reliabilities) and the "third stage" (only for a "<~" HOC of
#     "=~" dimensions) are no-ops here because the stage-1 reliabilities are 1
#     (the third stage gives REP a reliability of 1 + 4e-16, rounding;
#     checked: second == second_plain within 1e-10 for corp_rep_formative).
#
# Contents of every .rds (a list):
#   data      numeric matrix n x items (the indicators of the model, as passed)
#   syntax    the lavaan-like model (cSEM got exactly this string)
#   peer_syntax  what the peer got (cSEM: the same string; seminr: the
#             constructs()/relationships() code)
#   peer      list(package, version); approach; scheme; dataset; data_prep
#   modes     named "A"/"B" per construct incl. the HOC; hoc = list(name,
#             dimensions, mode)
#   settings  the estimation settings and the call
#   seminr:   first, final: outer_weights, outer_loadings (items x constructs),
#             path_coef (from x to), rSquared (rows Rsq, AdjRsq),
#             construct_scores (n x constructs, no row names), structural (the
#             stage's source/target edge list), constructs, mmVariables,
#             iterations, weightDiff; final$stage2_weights/_loadings = the
#             stage-2 block only (rows = stage-2 items incl. the dimension
#             score "items", columns = stage-2 constructs).
#   seminr two_stage_plsc: the same, with first/final the PLSc estimates,
#             plus construct_types (reflective / single_item_composite /
#             composite_mode_B / higher_composite_mode_A|B) and
#             plsc = list(rho_first, construct_cors_first (stage 1, as
#             plsc_disattenuation(first_stage_model)), rho, construct_cors
#             (stage 2, rho[HOC] = hoc_reliability), hoc_reliability,
#             proxy_cors_first, proxy_cors (undisattenuated score
#             correlations), admissible_first, problems_first, admissible,
#             problems, admissible_both, and text definitions); warnings =
#             every warning estimate_pls() raised, list(message, class).
#   cSEM:     first, second, second_plain: cSEM's own orientation --
#             Weight_estimates / Loading_estimates (constructs x indicators),
#             Path_estimates (rows = dependent, cols = independent), R2, R2adj,
#             Construct_scores (n x constructs, no row names), Construct_VCV
#             (disattenuated if stage-2 PLSc), Proxy_VCV (score correlations),
#             Reliabilities, plus the stage's structural (0/1, rows =
#             dependent) and measurement (0/1, constructs x indicators)
#             matrices, construct_type, modes, syntax (rebuilt from them),
#             iterations, converged, disattenuate (as cSEM actually used it);
#             warnings (all warnings csem() raised).
suppressPackageStartupMessages({ library(cSEM); library(seminr) })
source("tests/testthat/helper-models.R")
load("data/mobi.rda"); load("data/corp_rep_data.rda")
# IECPLS_FIXTURE_DIR: write elsewhere (e.g. to compare a rerun with the
# committed fixtures); IECPLS_HOC_PLSC_ONLY=true: write only the seminr PLSc
# fixtures (skip the plain seminr and the cSEM ones).
out_dir <- Sys.getenv("IECPLS_FIXTURE_DIR", "tests/testthat/fixtures")
plsc_only <- identical(Sys.getenv("IECPLS_HOC_PLSC_ONLY"), "true")

# the models: corp_rep_hoc_syntax() and mobi_hoc_syntax of helper-models.R
corp_rep_prepared <- corp_rep_mean_replaced()
models <- list(
  corp_rep = list(syntax = corp_rep_hoc_syntax("=~"), data = corp_rep_prepared, dataset = "corp_rep_data"),
  corp_rep_formative = list(syntax = corp_rep_hoc_syntax("<~"), data = corp_rep_prepared, dataset = "corp_rep_data"),
  mobi = list(syntax = mobi_hoc_syntax, data = mobi, dataset = "mobi")
)
data_prep <- list(corp_rep_data = "-99 replaced by NA, then by the column mean of the observed values (corp_rep_mean_replaced())",
                  mobi = "none (no missing values)")
seminr_schemes <- c("path", "factorial")
csem_schemes <- c("path", "factorial", "centroid")
tol <- 1e-10   # for the checks below

# --- the lavaan-like syntax -------------------------------------------------
parse_hoc_model <- function(syntax) {
  lines <- trimws(unlist(strsplit(syntax, "\n")))
  lines <- lines[nzchar(lines)]
  blocks <- list(); modes <- character(0)
  edges <- data.frame(from = character(0), to = character(0), stringsAsFactors = FALSE)
  for (ln in lines) {
    op <- regmatches(ln, regexpr("=~|<~|~", ln))
    parts <- trimws(strsplit(ln, op, fixed = TRUE)[[1]])
    rhs <- trimws(strsplit(parts[2], "+", fixed = TRUE)[[1]])
    if (op == "~") {
      edges <- rbind(edges, data.frame(from = rhs, to = parts[1], stringsAsFactors = FALSE))
    } else {
      blocks[[parts[1]]] <- rhs
      modes[parts[1]] <- if (op == "=~") "A" else "B"
    }
  }
  hocs <- names(blocks)[vapply(blocks, function(b) all(b %in% names(blocks)), logical(1))]
  stopifnot(length(hocs) == 1)
  first_order <- setdiff(names(blocks), hocs)
  list(blocks = blocks, modes = modes, edges = edges, first_order = first_order,
       items = unlist(blocks[first_order], use.names = FALSE),
       hoc = list(name = hocs, dimensions = blocks[[hocs]], mode = unname(modes[hocs])))
}

# --- seminr -----------------------------------------------------------------
# plsc = TRUE: every multi-item "=~" construct is reflective() (common factor,
# PLSc); one-item ones stay composite(single_item()) either way.
seminr_code <- function(spec, plsc = FALSE) {
  item_code <- function(items) if (length(items) == 1) sprintf("single_item(\"%s\")", items) else
    sprintf("c(%s)", paste0("\"", items, "\"", collapse = ", "))
  cs <- vapply(names(spec$blocks), function(k) {
    if (k == spec$hoc$name)
      return(sprintf("higher_composite(\"%s\", c(%s), method = two_stage, weights = mode_%s)", k,
                     paste0("\"", spec$hoc$dimensions, "\"", collapse = ", "), spec$hoc$mode))
    items <- spec$blocks[[k]]
    if (length(items) == 1) return(sprintf("composite(\"%s\", %s)", k, item_code(items)))
    if (plsc && spec$modes[[k]] == "A") return(sprintf("reflective(\"%s\", %s)", k, item_code(items)))
    sprintf("composite(\"%s\", %s, weights = mode_%s)", k, item_code(items), spec$modes[[k]])
  }, character(1))
  ps <- vapply(unique(spec$edges$to), function(to)
    sprintf("paths(from = c(%s), to = \"%s\")", paste0("\"", spec$edges$from[spec$edges$to == to], "\"", collapse = ", "), to),
    character(1))
  paste0("mm <- constructs(\n  ", paste(cs, collapse = ",\n  "), ")\n",
         "sm <- relationships(\n  ", paste(ps, collapse = ",\n  "), ")")
}

seminr_inner <- function(scheme) switch(scheme, path = seminr::path_weighting, factorial = seminr::path_factorial)

# A plain seminr model from blocks (list), modes and an edge list.
# plsc = TRUE: multi-item Mode A blocks are reflective() (so PLSc is applied).
seminr_plain <- function(blocks, modes, edges, data, scheme, plsc = FALSE) {
  mm <- do.call(seminr::constructs, lapply(names(blocks), function(k) {
    if (length(blocks[[k]]) == 1) return(seminr::composite(k, seminr::single_item(blocks[[k]])))
    if (plsc && modes[[k]] == "A") return(seminr::reflective(k, blocks[[k]]))
    seminr::composite(k, blocks[[k]], weights = if (modes[[k]] == "B") seminr::mode_B else seminr::mode_A)
  }))
  sm <- do.call(seminr::relationships, lapply(seq_len(nrow(edges)), function(e)
    seminr::paths(from = edges$from[e], to = edges$to[e])))
  suppressMessages(seminr::estimate_pls(data, mm, sm, inner_weights = seminr_inner(scheme),
                                        maxIt = 1000, stopCriterion = 12))
}

seminr_hoc <- function(spec, data, scheme) {
  env <- new.env(parent = asNamespace("seminr"))
  eval(parse(text = seminr_code(spec)), env)
  suppressMessages(seminr::estimate_pls(data, env$mm, env$sm, inner_weights = seminr_inner(scheme),
                                        maxIt = 1000, stopCriterion = 12))
}

no_rownames <- function(x) { x <- as.matrix(x); rownames(x) <- NULL; x }
strip <- function(x) { x <- unclass(x); attr(x, "class") <- NULL; x }

seminr_stage <- function(m) list(
  outer_weights = strip(m$outer_weights), outer_loadings = strip(m$outer_loadings),
  path_coef = strip(m$path_coef), rSquared = strip(m$rSquared),
  construct_scores = no_rownames(m$construct_scores),
  structural = { s <- strip(m$smMatrix); rownames(s) <- NULL; s },
  constructs = m$constructs, mmVariables = m$mmVariables,
  iterations = m$iterations, weightDiff = m$weightDiff)

maxdiff <- function(a, b) max(abs(a - b))

# --- cSEM -------------------------------------------------------------------
csem_syntax_of <- function(model) {
  ms <- model$measurement; st <- model$structural
  meas <- vapply(rownames(ms), function(k) paste(k, if (model$construct_type[[k]] == "Composite") "<~" else "=~",
                                                  paste(colnames(ms)[ms[k, ] != 0], collapse = " + ")), character(1))
  struc <- unlist(lapply(rownames(st), function(k) if (any(st[k, ] != 0))
    paste(k, "~", paste(colnames(st)[st[k, ] != 0], collapse = " + "))))
  paste(c(meas, struc), collapse = "\n")
}

csem_stage <- function(r) {
  e <- r$Estimates; i <- r$Information
  list(Weight_estimates = strip(e$Weight_estimates), Loading_estimates = strip(e$Loading_estimates),
       Path_estimates = strip(e$Path_estimates), R2 = e$R2, R2adj = e$R2adj,
       Construct_scores = no_rownames(e$Construct_scores), Construct_VCV = strip(e$Construct_VCV),
       Proxy_VCV = strip(e$Proxy_VCV), Reliabilities = e$Reliabilities,
       structural = strip(i$Model$structural), measurement = strip(i$Model$measurement),
       construct_type = i$Model$construct_type, modes = unlist(i$Weight_info$Modes),
       syntax = csem_syntax_of(i$Model),
       iterations = i$Weight_info$Number_iterations, converged = i$Weight_info$Convergence_status,
       disattenuate = i$Arguments$.disattenuate)
}

csem_collect <- function(expr) {
  w <- character(0)
  value <- withCallingHandlers(expr, warning = function(cond) {
    w <<- c(w, conditionMessage(cond)); invokeRestart("muffleWarning")
  })
  list(value = value, warnings = unique(w))
}

peer_info <- function(p) list(package = p, version = as.character(packageVersion(p)))

summary_rows <- list()
for (name in if (plsc_only) character(0) else names(models)) {
  m <- models[[name]]
  spec <- parse_hoc_model(m$syntax)
  hoc <- spec$hoc$name; dims <- spec$hoc$dimensions
  data_df <- m$data[, spec$items]
  data_df[] <- lapply(data_df, as.double)
  data_mat <- as.matrix(data_df); rownames(data_mat) <- NULL
  n <- nrow(data_mat)
  base <- list(data = data_mat, syntax = trimws(m$syntax), dataset = m$dataset, model_name = name,
               data_prep = data_prep[[m$dataset]], missing_value = if (m$dataset == "corp_rep_data") -99 else NULL,
               modes = spec$modes, hoc = spec$hoc)

  # ---------------------------------------------------------------- seminr
  for (scheme in seminr_schemes) {
    fit <- seminr_hoc(spec, data_df, scheme)
    f1 <- fit$first_stage_model
    stopifnot(isTRUE(fit$hoc), f1$iterations < 1000, fit$iterations < 1000)
    # stage-1 structure: HOC replaced by its dimensions
    s1 <- strip(f1$smMatrix)
    exp_edges <- do.call(rbind, lapply(seq_len(nrow(spec$edges)), function(e) {
      fr <- spec$edges$from[e]; to <- spec$edges$to[e]
      expand.grid(from = if (fr == hoc) dims else fr, to = if (to == hoc) dims else to, stringsAsFactors = FALSE)
    }))
    stopifnot(setequal(paste(s1[, 1], s1[, 2]), paste(exp_edges$from, exp_edges$to)))
    # stage-1 scores standardized (mean 0, variance 1 with n - 1)
    sc1 <- f1$construct_scores
    stopifnot(maxdiff(colMeans(sc1), 0) < 1e-12, maxdiff(apply(sc1, 2, stats::sd), 1) < 1e-12)
    # stage-1 = an ordinary PLS run on the expanded model
    plain1 <- seminr_plain(spec$blocks[spec$first_order], spec$modes, exp_edges, data_df, scheme)
    stopifnot(maxdiff(f1$outer_weights[f1$mmVariables, f1$constructs], plain1$outer_weights[f1$mmVariables, f1$constructs]) < tol,
              maxdiff(f1$path_coef[f1$constructs, f1$constructs], plain1$path_coef[f1$constructs, f1$constructs]) < tol)
    # stage-2 "items" of the HOC are the stage-1 scores, unchanged
    stopifnot(maxdiff(as.matrix(fit$data[, dims]), sc1[, dims]) == 0)
    # stage 2 = an ordinary PLS run with the HOC measured by the scores
    blocks2 <- spec$blocks[setdiff(names(spec$blocks), dims)]
    plain2 <- seminr_plain(blocks2, spec$modes, spec$edges, cbind(data_df, sc1[, dims]), scheme)
    items2 <- plain2$mmVariables; lv2 <- plain2$constructs
    stopifnot(setequal(lv2, fit$constructs),
              maxdiff(fit$outer_weights[items2, lv2], plain2$outer_weights[items2, lv2]) < tol,
              maxdiff(fit$outer_loadings[items2, lv2], plain2$outer_loadings[items2, lv2]) < tol,
              maxdiff(fit$path_coef[lv2, lv2], plain2$path_coef[lv2, lv2]) < tol,
              maxdiff(fit$rSquared, plain2$rSquared[, colnames(fit$rSquared)]) < tol,
              maxdiff(fit$construct_scores[, lv2], plain2$construct_scores[, lv2]) < tol)
    # final matrices: stage-2 block + stage-1 LOC block, zeros elsewhere
    loc_items <- unlist(spec$blocks[dims], use.names = FALSE)
    stopifnot(identical(rownames(fit$outer_weights), unique(c(fit$mmVariables, f1$mmVariables))),
              identical(colnames(fit$outer_weights), unique(c(fit$constructs, f1$constructs))),
              maxdiff(fit$outer_weights[loc_items, dims], f1$outer_weights[loc_items, dims]) == 0,
              maxdiff(fit$outer_loadings[loc_items, dims], f1$outer_loadings[loc_items, dims]) == 0,
              all(fit$outer_weights[loc_items, fit$constructs] == 0), all(fit$outer_weights[fit$mmVariables, dims] == 0),
              all(fit$outer_loadings[loc_items, fit$constructs] == 0), all(fit$outer_loadings[fit$mmVariables, dims] == 0))
    final <- seminr_stage(fit)
    final$stage2_weights <- final$outer_weights[fit$mmVariables, fit$constructs]
    final$stage2_loadings <- final$outer_loadings[fit$mmVariables, fit$constructs]
    fx <- c(base, list(
      peer_syntax = seminr_code(spec), peer = peer_info("seminr"), approach = "two_stage", scheme = scheme,
      settings = list(inner_weights = if (scheme == "path") "path_weighting" else "path_factorial",
                      maxIt = 1000, stopCriterion = 12,
                      conv_rule = "sum(abs(W_new - W_old)) < 10^-stopCriterion (both stages)",
                      call = sprintf("estimate_pls(data, mm, sm, inner_weights = %s, maxIt = 1000, stopCriterion = 12)",
                                     if (scheme == "path") "path_weighting" else "path_factorial"),
                      modes = "composite(weights = mode_A) for =~, mode_B for <~, single_item() for one indicator; higher_composite(weights = mode_A / mode_B)",
                      score_variance = "both stages: mean 0, variance 1 with n - 1"),
      first = seminr_stage(f1), final = final))
    file <- file.path(out_dir, sprintf("hoc_%s_seminr_two_stage_%s.rds", name, scheme))
    saveRDS(fx, file); cat("wrote", file, "\n")
    summary_rows[[length(summary_rows) + 1]] <- data.frame(
      model = name, peer = "seminr", approach = "two_stage", scheme = scheme, part = "final",
      t(setNames(fit$path_coef[cbind(spec$edges$from, spec$edges$to)], paste0(spec$edges$from, ">", spec$edges$to))),
      check.names = FALSE)
  }

  # ------------------------------------------------------------------ cSEM
  # "2stage" (a saturated first-order stage 1) is none of iecpls's
  # approaches and no test reads it; set IECPLS_HOC_2STAGE=true to write it.
  approaches <- if (identical(Sys.getenv("IECPLS_HOC_2STAGE"), "true")) c("mixed", "2stage") else "mixed"
  for (approach in approaches) {
    for (scheme in csem_schemes) {
      pm <- as.list(c(paste0("mode", spec$modes[spec$first_order]),
                      if (approach == "mixed") setNames(paste0("mode", spec$hoc$mode), hoc)))
      names(pm) <- c(spec$first_order, if (approach == "mixed") hoc)
      res <- csem_collect(csem(data_df, m$syntax, .approach_2ndorder = approach, .disattenuate = FALSE,
                               .PLS_weight_scheme_inner = scheme, .PLS_modes = pm, .tolerance = 1e-12,
                               .conv_criterion = "diff_absolute", .iter_max = 1000))
      r <- res$value
      stopifnot(inherits(r, "cSEMResults_2ndorder"))
      first <- csem_stage(r$First_stage); second <- csem_stage(r$Second_stage)
      stopifnot(first$converged, second$converged, !first$disattenuate, second$disattenuate,
                identical(first$modes[names(pm)], unlist(pm)),
                all(first$Reliabilities == 1))
      # stage-1 structure
      fo_lv <- spec$first_order
      if (approach == "mixed") {
        rep_items <- paste0(hoc, "_2nd_", unlist(spec$blocks[dims], use.names = FALSE))
        stopifnot(identical(colnames(first$measurement)[first$measurement[hoc, ] != 0], rep_items))
        # the repeated indicators are copies of the raw items
        stopifnot(maxdiff(cor(scale(data_mat[, sub(".*_2nd_", "", rep_items)]) %*% t(first$Weight_estimates[hoc, rep_items, drop = FALSE]),
                              first$Construct_scores[, hoc]), 1) < 1e-12)
        if (spec$hoc$mode == "A") stopifnot(all(first$structural[dims, hoc] == 1))
        else stopifnot(all(first$structural[hoc, dims] == 1))
      } else {
        ord <- rownames(first$structural)
        stopifnot(setequal(ord, fo_lv), all(first$structural[upper.tri(first$structural, diag = TRUE)] == 0),
                  all(first$structural[lower.tri(first$structural)] == 1))
      }
      sc1 <- first$Construct_scores
      stopifnot(maxdiff(colMeans(sc1), 0) < 1e-12, maxdiff(apply(sc1, 2, stats::sd), 1) < 1e-12)
      # stage-2 structure and modes
      others <- setdiff(fo_lv, dims)
      stopifnot(setequal(rownames(second$structural), c(paste0(others, "_temp"), hoc)),
                identical(unname(second$modes[hoc]), paste0("mode", spec$hoc$mode)),
                identical(colnames(second$measurement)[second$measurement[hoc, ] != 0], dims))
      # plain-PLS stage 2 on the same scores: all composites, HOC in its mode
      model2_plain <- gsub("=~", "<~", second$syntax, fixed = TRUE)
      pm2 <- setNames(as.list(rep("modeA", nrow(second$structural))), rownames(second$structural))
      pm2[[hoc]] <- paste0("mode", spec$hoc$mode)
      res2 <- csem_collect(csem(as.data.frame(sc1), model2_plain, .disattenuate = FALSE,
                                .PLS_weight_scheme_inner = scheme, .PLS_modes = pm2, .tolerance = 1e-12,
                                .conv_criterion = "diff_absolute", .iter_max = 1000))
      plain <- csem_stage(res2$value)
      stopifnot(plain$converged, length(res2$warnings) == 0, all(plain$Reliabilities == 1))
      lv2 <- rownames(second$Path_estimates)
      # PLSc changes no weights or scores
      stopifnot(maxdiff(plain$Weight_estimates[lv2, colnames(second$Weight_estimates)], second$Weight_estimates) < tol,
                maxdiff(plain$Construct_scores[, lv2], second$Construct_scores[, lv2]) < tol)
      d_path <- maxdiff(plain$Path_estimates[lv2, lv2], second$Path_estimates)
      if (spec$hoc$mode == "A") {
        stopifnot(second$Reliabilities[[hoc]] < 1, d_path > 1e-3,
                  all(second$Reliabilities[setdiff(lv2, hoc)] == 1))
      } else {
        stopifnot(maxdiff(second$Reliabilities, 1) < 1e-12, d_path < tol,
                  maxdiff(plain$Loading_estimates[lv2, colnames(second$Loading_estimates)], second$Loading_estimates) < tol)
      }
      # cross-check of second_plain against seminr on the same scores
      sb <- c(setNames(lapply(others, identity), paste0(others, "_temp")), setNames(list(dims), hoc))
      se <- spec$edges
      se$from[se$from %in% others] <- paste0(se$from[se$from %in% others], "_temp")
      se$to[se$to %in% others] <- paste0(se$to[se$to %in% others], "_temp")
      if (scheme != "centroid") {
        chk <- seminr_plain(sb, setNames(rep(spec$hoc$mode, length(sb)), names(sb)), se, as.data.frame(sc1), scheme)
        stopifnot(maxdiff(t(plain$Path_estimates[lv2, lv2]), chk$path_coef[lv2, lv2]) < tol,
                  maxdiff(plain$Weight_estimates[hoc, dims], chk$outer_weights[dims, hoc]) < tol)
      }
      fx <- c(base, list(
        peer_syntax = m$syntax, peer = peer_info("cSEM"), approach = approach, scheme = scheme,
        settings = list(.approach_2ndorder = approach, .disattenuate = FALSE, .PLS_weight_scheme_inner = scheme,
                        .PLS_modes = unlist(pm), .tolerance = 1e-12, .conv_criterion = "diff_absolute",
                        .iter_max = 1000, .approach_weights = "PLS-PM",
                        .PLS_approach_cf = r$First_stage$Information$Arguments$.PLS_approach_cf,
                        call = sprintf("csem(data, syntax, .approach_2ndorder = \"%s\", .disattenuate = FALSE, .PLS_weight_scheme_inner = \"%s\", .PLS_modes = <settings$.PLS_modes>, .tolerance = 1e-12, .conv_criterion = \"diff_absolute\", .iter_max = 1000)", approach, scheme),
                        second_plain_call = sprintf("csem(first$Construct_scores, second_plain$syntax, .disattenuate = FALSE, .PLS_weight_scheme_inner = \"%s\", .PLS_modes = <second_plain$modes>, .tolerance = 1e-12, .conv_criterion = \"diff_absolute\", .iter_max = 1000)", scheme),
                        score_variance = "both stages: mean 0, variance 1 with n - 1 (scale(X) %*% t(W))"),
        warnings = res$warnings,
        first = first, second = second, second_plain = plain))
      file <- file.path(out_dir, sprintf("hoc_%s_cSEM_%s_%s.rds", name, approach, scheme))
      saveRDS(fx, file); cat("wrote", file, "\n")
      map <- function(x) ifelse(x %in% others, paste0(x, "_temp"), x)
      for (part in c("second", "second_plain")) {
        p <- if (part == "second") second else plain
        summary_rows[[length(summary_rows) + 1]] <- data.frame(
          model = name, peer = "cSEM", approach = approach, scheme = scheme, part = part,
          t(setNames(p$Path_estimates[cbind(map(spec$edges$to), map(spec$edges$from))],
                     paste0(spec$edges$from, ">", spec$edges$to))), check.names = FALSE)
      }
    }
  }
}

# --- seminr PLSc (consistent PLS) -------------------------------------------
# hoc_<data>_seminr_two_stage_plsc_<scheme>.rds: the same models with every
# multi-item "=~" construct a common factor (reflective()), so that
# estimate_pls() applies PLSc (model_consistent()) in BOTH stages.  See the
# header for what seminr does; every statement there is checked below.

# The warnings of expr, each with its class (PLSc inadmissibility warnings
# have class "seminr_inadmissible_plsc_warning").
collect_warnings <- function(expr) {
  w <- list()
  value <- withCallingHandlers(suppressMessages(expr), warning = function(cond) {
    w[[length(w) + 1]] <<- list(message = conditionMessage(cond), class = class(cond)[1])
    invokeRestart("muffleWarning")
  })
  list(value = value, warnings = w)
}

seminr_hoc_plsc <- function(spec, data, scheme, code = seminr_code(spec, plsc = TRUE)) {
  env <- new.env(parent = asNamespace("seminr"))
  eval(parse(text = code), env)
  collect_warnings(seminr::estimate_pls(data, env$mm, env$sm, inner_weights = seminr_inner(scheme),
                                        maxIt = 1000, stopCriterion = 12))
}

# Dijkstra-Henseler rho_A of one block: (w'w)^2 w'(S - diag S)w / w'(ww' - diag ww')w
rho_a_hand <- function(X, w) {
  w <- as.matrix(w); S0 <- stats::cor(X); diag(S0) <- 0
  A0 <- w %*% t(w); diag(A0) <- 0
  drop((t(w) %*% w)^2 * (t(w) %*% S0 %*% w) / (t(w) %*% A0 %*% w))
}
disattenuate_hand <- function(scores, rho) {
  R <- stats::cor(scores)[names(rho), names(rho)] / sqrt(outer(rho, rho)); diag(R) <- 1; R
}
# PLSc paths and R^2 of an edge list from a (disattenuated) correlation matrix
plsc_paths_hand <- function(R, edges, n) {
  B <- matrix(0, nrow(R), ncol(R), dimnames = dimnames(R)); endo <- unique(edges$to)
  r2 <- matrix(NA_real_, 2, length(endo), dimnames = list(c("Rsq", "AdjRsq"), endo))
  for (y in endo) {
    x <- edges$from[edges$to == y]
    B[x, y] <- solve(R[x, x, drop = FALSE], R[x, y])
    r2["Rsq", y] <- sum(B[x, y] * R[x, y])
    r2["AdjRsq", y] <- 1 - (1 - r2["Rsq", y]) * (n - 1) / (n - length(x) - 1)
  }
  list(path_coef = B, rSquared = r2)
}
# PLSc loadings of a common factor: w sqrt(rho) / (w'w)
plsc_loadings_hand <- function(w, rho) w * sqrt(rho) / sum(w^2)

for (name in names(models)) {
  m <- models[[name]]
  spec <- parse_hoc_model(m$syntax)
  hoc <- spec$hoc$name; dims <- spec$hoc$dimensions
  data_df <- m$data[, spec$items]
  data_df[] <- lapply(data_df, as.double)
  data_mat <- as.matrix(data_df); rownames(data_mat) <- NULL
  n <- nrow(data_mat)
  base <- list(data = data_mat, syntax = trimws(m$syntax), dataset = m$dataset, model_name = name,
               data_prep = data_prep[[m$dataset]], missing_value = if (m$dataset == "corp_rep_data") -99 else NULL,
               modes = spec$modes, hoc = spec$hoc)
  # measurement type of every construct as given to seminr
  types <- vapply(names(spec$blocks), function(k) {
    if (k == hoc) return(paste0("higher_composite_mode_", spec$hoc$mode))
    if (length(spec$blocks[[k]]) == 1) return("single_item_composite")
    if (spec$modes[[k]] == "A") "reflective" else "composite_mode_B"
  }, character(1))
  factors <- names(types)[types == "reflective"]
  stopifnot(all(dims %in% factors))

  for (scheme in seminr_schemes) {
    res <- seminr_hoc_plsc(spec, data_df, scheme)
    fit <- res$value; f1 <- fit$first_stage_model
    stopifnot(isTRUE(fit$hoc), f1$iterations < 1000, fit$iterations < 1000)
    items2 <- fit$mmVariables; lv2 <- fit$constructs; lv1 <- f1$constructs
    loc_items <- unlist(spec$blocks[dims], use.names = FALSE)
    sc1 <- f1$construct_scores; sc2 <- fit$construct_scores

    # PLSc changes no weights and no scores: both stages equal the plain
    # (all-composite) two-stage fit, whose weights are the fixtures above
    plain <- seminr_hoc(spec, data_df, scheme)
    stopifnot(identical(dimnames(plain$outer_weights), dimnames(fit$outer_weights)),
              maxdiff(plain$outer_weights, fit$outer_weights) < tol,
              maxdiff(plain$first_stage_model$outer_weights[, lv1], f1$outer_weights[, lv1]) < tol,
              maxdiff(plain$construct_scores, sc2) < tol,
              maxdiff(plain$first_stage_model$construct_scores, sc1) < tol)

    # stage 1 = an ordinary estimate_pls() (so PLSc too) on the expanded model
    exp_edges <- do.call(rbind, lapply(seq_len(nrow(spec$edges)), function(e) {
      fr <- spec$edges$from[e]; to <- spec$edges$to[e]
      expand.grid(from = if (fr == hoc) dims else fr, to = if (to == hoc) dims else to, stringsAsFactors = FALSE)
    }))
    plain1 <- collect_warnings(seminr_plain(spec$blocks[spec$first_order], spec$modes, exp_edges, data_df, scheme,
                                            plsc = TRUE))$value
    stopifnot(maxdiff(f1$path_coef[lv1, lv1], plain1$path_coef[lv1, lv1]) < tol,
              maxdiff(f1$outer_loadings[f1$mmVariables, lv1], plain1$outer_loadings[f1$mmVariables, lv1]) < tol,
              maxdiff(f1$rSquared, plain1$rSquared[, colnames(f1$rSquared)]) < tol)

    # --- stage-1 PLSc by hand: rho_A of the factors, 1 otherwise
    rho1 <- setNames(rep(1, length(lv1)), lv1)
    for (k in intersect(factors, lv1)) rho1[k] <- rho_a_hand(data_mat[, spec$blocks[[k]]], f1$outer_weights[spec$blocks[[k]], k])
    dis1 <- seminr:::plsc_disattenuation(f1)
    R1 <- disattenuate_hand(sc1, rho1)
    hand1 <- plsc_paths_hand(R1, exp_edges, n)
    stopifnot(maxdiff(dis1$rho[lv1], rho1) < tol, maxdiff(dis1$construct_cors[lv1, lv1], R1) < tol,
              maxdiff(f1$path_coef[lv1, lv1], hand1$path_coef) < tol,
              maxdiff(f1$rSquared, hand1$rSquared[, colnames(f1$rSquared)]) < tol)
    # stage-1 loadings: PLSc for the factors (incl. the LOCs), plain otherwise
    for (k in lv1) {
      it <- spec$blocks[[k]]
      exp_l <- if (k %in% factors) plsc_loadings_hand(f1$outer_weights[it, k], rho1[[k]]) else
        plain$first_stage_model$outer_loadings[it, k]
      stopifnot(maxdiff(f1$outer_loadings[it, k], exp_l) < tol)
    }

    # --- stage-2 PLSc.  plsc_disattenuation() fails on the returned (combined)
    # model (its construct scores have no LOC columns), so rebuild the stage-2
    # model exactly as model_consistent() saw it: no $hoc, stage-2 blocks only
    s2 <- fit; s2$hoc <- NULL
    s2$outer_weights <- fit$outer_weights[items2, lv2]; s2$outer_loadings <- fit$outer_loadings[items2, lv2]
    stopifnot(inherits(try(seminr:::plsc_disattenuation(fit), silent = TRUE), "try-error"))
    dis2 <- seminr:::plsc_disattenuation(s2)
    hoc_rel <- seminr:::hoc_composite_reliability(fit, hoc)
    # HOC reliability by hand: w'S*w / w'Sw, S = correlations of the stored
    # stage-1 scores of the dimensions, diag(S*) = their stage-1 rho_A, w = the
    # HOC's stage-2 weights (Mode A or B as specified)
    w_h <- fit$outer_weights[dims, hoc]
    S <- stats::cor(sc1[, dims]); S_star <- S; diag(S_star) <- rho1[dims]
    hoc_rel_hand <- drop(t(w_h) %*% S_star %*% w_h / (t(w_h) %*% S %*% w_h))
    rho2 <- setNames(rep(1, length(lv2)), lv2)
    for (k in intersect(factors, lv2)) rho2[k] <- rho_a_hand(data_mat[, spec$blocks[[k]]], fit$outer_weights[spec$blocks[[k]], k])
    rho2[hoc] <- hoc_rel_hand
    R2 <- disattenuate_hand(sc2, rho2)
    hand2 <- plsc_paths_hand(R2, spec$edges, n)
    stopifnot(abs(hoc_rel - hoc_rel_hand) < tol, abs(dis2$rho[[hoc]] - hoc_rel_hand) < tol,
              hoc_rel_hand < 1, maxdiff(dis2$rho[lv2], rho2) < tol,
              maxdiff(dis2$construct_cors[lv2, lv2], R2) < tol,
              # stage-2 paths = regressions on the disattenuated correlations
              maxdiff(fit$path_coef[lv2, lv2], hand2$path_coef) < tol,
              # R^2 = b' r_xy on the disattenuated correlations (= 1 - 1/[R^-1]_yy)
              maxdiff(fit$rSquared, hand2$rSquared[, colnames(fit$rSquared)]) < tol)
    # stage-2 loadings: PLSc for the factors; composites and the HOC (on its
    # dimension scores) keep the plain loadings = correlations item/score
    for (k in lv2) {
      it <- if (k == hoc) dims else spec$blocks[[k]]
      exp_l <- if (k %in% factors) plsc_loadings_hand(fit$outer_weights[it, k], rho2[[k]]) else
        plain$outer_loadings[it, k]
      stopifnot(maxdiff(fit$outer_loadings[it, k], exp_l) < tol)
    }
    stopifnot(maxdiff(fit$outer_loadings[dims, hoc], stats::cor(sc1[, dims], sc2[, hoc])) < tol)
    # the LOC block of the final matrices is the (PLSc) stage-1 one
    stopifnot(maxdiff(fit$outer_loadings[loc_items, dims], f1$outer_loadings[loc_items, dims]) == 0,
              maxdiff(fit$outer_weights[loc_items, dims], f1$outer_weights[loc_items, dims]) == 0)

    # a one-item construct as reflective(single_item()) gives the same model
    singles <- names(types)[types == "single_item_composite"]
    if (length(singles) > 0) {
      code_r <- seminr_code(spec, plsc = TRUE)
      for (k in singles) code_r <- sub(sprintf("composite(\"%s\", single_item(", k),
                                       sprintf("reflective(\"%s\", single_item(", k), code_r, fixed = TRUE)
      fit_r <- seminr_hoc_plsc(spec, data_df, scheme, code_r)$value
      stopifnot(all(singles %in% seminr::all_factors(fit_r)),
                maxdiff(fit_r$path_coef, fit$path_coef) < tol, maxdiff(fit_r$rSquared, fit$rSquared) < tol,
                maxdiff(fit_r$outer_loadings, fit$outer_loadings) < tol,
                maxdiff(fit_r$first_stage_model$path_coef, f1$path_coef) < tol)
    }

    # admissibility, as seminr judges it (warn_if_inadmissible_plsc())
    problems_of <- function(mod) {
      p <- seminr:::plsc_admissibility(mod)$problems
      r2 <- mod$rSquared["Rsq", ]
      if (any(r2 < 0 | r2 > 1)) p <- c(p, "R-squared outside [0, 1]")
      p
    }
    problems1 <- problems_of(f1); problems2 <- problems_of(s2)
    n_inadm <- sum(vapply(res$warnings, function(w) w$class == "seminr_inadmissible_plsc_warning", logical(1)))
    stopifnot(n_inadm == (length(problems1) > 0) + (length(problems2) > 0))

    final <- seminr_stage(fit)
    final$stage2_weights <- final$outer_weights[items2, lv2]
    final$stage2_loadings <- final$outer_loadings[items2, lv2]
    code <- seminr_code(spec, plsc = TRUE)
    fx <- c(base, list(
      peer_syntax = code, peer = peer_info("seminr"), approach = "two_stage_plsc", scheme = scheme,
      construct_types = types,
      settings = list(inner_weights = if (scheme == "path") "path_weighting" else "path_factorial",
                      maxIt = 1000, stopCriterion = 12,
                      conv_rule = "sum(abs(W_new - W_old)) < 10^-stopCriterion (both stages)",
                      call = sprintf("estimate_pls(data, mm, sm, inner_weights = %s, maxIt = 1000, stopCriterion = 12)",
                                     if (scheme == "path") "path_weighting" else "path_factorial"),
                      modes = "reflective() for multi-item =~ (weights Mode A, PLSc), composite(single_item()) for one indicator, composite(weights = mode_B) for <~; higher_composite(weights = mode_A / mode_B)",
                      plsc = "automatic in estimate_pls() (model_consistent()) in stage 1 and stage 2",
                      score_variance = "both stages: mean 0, variance 1 with n - 1"),
      first = seminr_stage(f1), final = final,
      plsc = list(
        rho_first = dis1$rho[lv1], construct_cors_first = dis1$construct_cors[lv1, lv1],
        rho = dis2$rho[lv2], construct_cors = dis2$construct_cors[lv2, lv2],
        hoc_reliability = hoc_rel,
        hoc_reliability_formula = "w' S* w / w' S w; w = HOC stage-2 weights on its dimensions, S = cor(stage-1 scores of the dimensions), S* = S with diagonal = the dimensions' stage-1 rho_A",
        rho_definition = "rho_A (Dijkstra-Henseler, with that stage's weights) for multi-item reflective(); 1 for composites and single items; the HOC: hoc_reliability",
        proxy_cors_first = stats::cor(sc1)[lv1, lv1], proxy_cors = stats::cor(sc2)[lv2, lv2],
        admissible_first = length(problems1) == 0, problems_first = problems1,
        admissible = length(problems2) == 0, problems = problems2,
        admissible_both = length(problems1) == 0 && length(problems2) == 0),
      warnings = res$warnings))
    file <- file.path(out_dir, sprintf("hoc_%s_seminr_two_stage_plsc_%s.rds", name, scheme))
    saveRDS(fx, file); cat("wrote", file, "\n")
    cat(sprintf("  %s %s: HOC reliability %.6f, admissible stage 1 %s, stage 2 %s, %d warning(s)\n", name, scheme,
                hoc_rel, length(problems1) == 0, length(problems2) == 0, length(res$warnings)))
    if (length(res$warnings) > 0) for (w in res$warnings) cat("   warning:", w$message, "\n")
    summary_rows[[length(summary_rows) + 1]] <- data.frame(
      model = name, peer = "seminr", approach = "two_stage_plsc", scheme = scheme, part = "final",
      t(setNames(fit$path_coef[cbind(spec$edges$from, spec$edges$to)], paste0(spec$edges$from, ">", spec$edges$to))),
      check.names = FALSE)
  }
}

# Stage-2 path coefficients side by side.
for (name in names(models)) {
  rows <- Filter(function(x) x$model == name, summary_rows)
  tab <- do.call(rbind, rows)
  cat("\n==", name, "== stage-2 path coefficients\n")
  print(cbind(tab[, 2:5], round(tab[, -(1:5)], 4)), row.names = FALSE)
}
