#!/usr/bin/env Rscript
# tools/make-fixtures.R -- regenerate tests/testthat/fixtures/*.rds
#
# Runs the peer packages seminr and cSEM on a set of PLS path models and
# stores their estimates as test fixtures.  Not part of the built package
# (tools/ is in .Rbuildignore) and not run in CI; the tests only read the
# stored .rds files.
#
#   Rscript tools/make-fixtures.R            # from the package root
#
# Needs seminr and cSEM.  Fixtures stored in the repository were produced with
# R 4.2.2, seminr 2.6.0 and cSEM 0.7.1 (the versions CRAN served at the time;
# note that shared/data/README.md (beside the repository) refers to seminr 2.3.4 / cSEM 0.6.1 as
# the source of the CSV files -- the datasets themselves are unchanged).
# matrixpls was not available for R 4.2 from CRAN and is not used.
# seminr 2.6.0 declares DiagrammeRsvg (-> V8 -> libv8) in Imports but uses it
# only for plot export; where libv8 could not be installed seminr was installed
# from its CRAN tarball with DiagrammeRsvg dropped from Imports (estimation
# code untouched).
#
# ---------------------------------------------------------------------------
# What the peers do (read from their sources, seminr 2.6.0 / cSEM 0.7.1)
# ---------------------------------------------------------------------------
# Both implement Lohmoeller's PLS-PM with unit starting weights, Mode A =
# covariance of the standardized indicators with the (standardized) inner
# proxy, Mode B = regression of the inner proxy on the block, and rescale the
# weights so that every construct score has variance 1 with the n - 1
# denominator (seminr: standardize_outer_weights() divides by
# sqrt(sum(score^2) / (n - 1)) of the centred data; cSEM: scaleWeights()
# divides by sqrt(diag(W S W')) with S the indicator *correlation* matrix,
# and its scores are scale(X) %*% t(W), scale() using n - 1).  Hence the
# stored scores_head is standardized with the n - 1 denominator for both.
#
# Inner schemes:
#   seminr: inner_weights = path_weighting (default) or path_factorial.
#           seminr has NO centroid scheme, so centroid fixtures exist only
#           for cSEM.
#   cSEM:   .PLS_weight_scheme_inner = "path" (default), "centroid",
#           "factorial".
# Path scheme in both: predecessors of j get the OLS coefficients of j on its
# predecessors, successors of j get the correlation.
#
# Measurement modes:
#   seminr: composite(..., weights = mode_A) / composite(..., weights =
#           mode_B); single items composite("X", single_item("x")).
#           reflective() is NOT used: it marks the construct as a common
#           factor (type "C") and estimate_pls() then applies PLSc
#           (model_consistent()), which changes loadings and paths.
#   cSEM:   "=~" = common factor -> Mode A, "<~" = composite -> Mode B;
#           .disattenuate = FALSE switches off PLSc.
#
# Convergence rules and defaults:
#   seminr: stops when sum(abs(W_new - W_old)) < 10^-stopCriterion;
#           defaults maxIt = 300, stopCriterion = 7 (i.e. 1e-7 on the SUM of
#           absolute changes).  Its `iterations` is the loop index of
#           `for (iterations in 0:maxIt)`, i.e. (number of weight updates) - 1.
#   cSEM:   .conv_criterion = "diff_absolute" (default): max(abs(W_new -
#           W_old)) < .tolerance; defaults .tolerance = 1e-5, .iter_max = 100.
#           Its Number_iterations is the number of weight updates, including
#           the converging one (the convention of the oracle in
#           tests/testthat/helper-reference.R).
#   Here: seminr maxIt = 1000, stopCriterion = 12 (sum of abs changes
#   < 1e-12, which implies max abs change < 1e-12); cSEM .iter_max = 1000,
#   .tolerance = 1e-12, diff_absolute.  Because seminr's criterion is
#   slightly stricter, it sometimes performs one or two more updates than
#   cSEM (seminr's reported index = updates - 1, so e.g. corp_rep/path:
#   seminr 14 = 15 updates, cSEM 13); the extra updates move the weights
#   by < 1e-12, far below the 1e-8 agreement checked below (observed:
#   max 2.2e-12 over all fixtures, all elements).
#
# Sign conventions: neither peer flips signs by default (cSEM's
# .sign_change_option only matters for resampling).  Both start from unit
# weights, so they end on the same sign; the oracle's flip rule (negative
# sum of own loadings -> flip) never triggers on these models.
#
# Outputs taken from the peers:
#   seminr: $outer_weights, $outer_loadings, $path_coef, $rSquared ("Rsq",
#           "AdjRsq"), $construct_scores, $iterations; construct_cor =
#           cor(construct_scores); cross_loadings = cor(items, scores).
#   cSEM:   $Estimates$Weight_estimates, $Loading_estimates,
#           $Path_estimates (transposed: cSEM stores outcomes in rows),
#           $R2, $R2adj, $Construct_scores, $Construct_VCV (= construct
#           correlations when .disattenuate = FALSE), and
#           $Information$Weight_info$Number_iterations; cross_loadings =
#           cor(items, scores).
# All matrices are re-ordered to the block order / construct order of the
# model syntax.
#
# Datasets:
#   mobi, corp_rep_data: shipped by iecpls (data/*.rda); fixtures record
#     `dataset` instead of the data.  corp_rep_data: -99 replaced by the mean
#     of the non-missing values of its column, for the 31 model items (all 344
#     rows kept) -- the same as seminr's `missing = mean_replacement,
#     missing_value = -99` (checked below).
#   satisfaction (plspm), Russett, ITFlex, BergamiBagozzi2000 (cSEM): read
#     from shared/data/*.csv (beside the repository); the model columns are stored in the
#     fixture as `data` (a data.frame).
# ---------------------------------------------------------------------------

suppressPackageStartupMessages({
  library(seminr)
  library(cSEM)
})

args <- commandArgs(trailingOnly = TRUE)
pkg_root <- if (length(args) >= 1) args[[1]] else "."
# the peers' data sets: the second argument, IECPLS_SHARED_DATA, or the
# shared/data folder beside the repository
shared_data <- if (length(args) >= 2) args[[2]] else Sys.getenv("IECPLS_SHARED_DATA", file.path(pkg_root, "..", "shared", "data"))
if (!dir.exists(shared_data)) {
  stop("The peers' data sets are not in ", shared_data, ": give their folder as the second argument ",
       "or in IECPLS_SHARED_DATA.", call. = FALSE)
}
fixture_dir <- file.path(pkg_root, "tests", "testthat", "fixtures")
stopifnot(dir.exists(file.path(pkg_root, "data")))
dir.create(fixture_dir, showWarnings = FALSE, recursive = TRUE)

TOL <- 1e-12
MAX_IT <- 1000
STOP_CRITERION <- 12

# ---- model syntax ---------------------------------------------------------

# The tests' plain-R parser of this restricted syntax (helper-reference.R),
# with the name lists the script uses.
source(file.path(pkg_root, "tests", "testthat", "helper-reference.R"))
parse_model <- function(syntax) {
  spec <- ref_parse_syntax(syntax)
  lv <- names(spec$blocks)
  c(spec, list(lv = lv, mv = unlist(spec$blocks, use.names = FALSE),
               endo = lv[colSums(spec$inner) > 0]))
}

# ---- datasets ---------------------------------------------------------------

load_rda <- function(name) {
  e <- new.env()
  load(file.path(pkg_root, "data", paste0(name, ".rda")), envir = e)
  get(name, envir = e)
}

mean_replace <- function(data, cols, missing_value = -99) {
  for (k in cols) {
    x <- as.numeric(data[[k]])
    miss <- x == missing_value
    x[miss] <- mean(x[!miss])
    data[[k]] <- x
  }
  data
}

read_shared <- function(file, cols) {
  d <- utils::read.csv(file.path(shared_data, file))
  d <- d[, cols, drop = FALSE]
  rownames(d) <- NULL
  d
}

# ---- models -------------------------------------------------------------

models <- list()

models$mobi <- list(
  dataset = "mobi",
  syntax = "
Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
Expectation =~ CUEX1 + CUEX2 + CUEX3
Quality =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
Value =~ PERV1 + PERV2
Satisfaction =~ CUSA1 + CUSA2 + CUSA3
Complaints =~ CUSCO
Loyalty =~ CUSL1 + CUSL2 + CUSL3
Expectation ~ Image
Quality ~ Expectation
Value ~ Expectation + Quality
Satisfaction ~ Image + Expectation + Quality + Value
Complaints ~ Satisfaction
Loyalty ~ Image + Satisfaction + Complaints
",
  schemes = c("path", "factorial", "centroid"),
  store_data = FALSE
)

models$corp_rep <- list(
  dataset = "corp_rep_data",
  missing_value = -99,
  syntax = "
QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
ATTR <~ attr_1 + attr_2 + attr_3
COMP =~ comp_1 + comp_2 + comp_3
LIKE =~ like_1 + like_2 + like_3
CUSA =~ cusa
CUSL =~ cusl_1 + cusl_2 + cusl_3
COMP ~ QUAL + PERF + CSOR + ATTR
LIKE ~ QUAL + PERF + CSOR + ATTR
CUSA ~ COMP + LIKE
CUSL ~ COMP + LIKE + CUSA
",
  schemes = c("path", "factorial", "centroid"),
  store_data = FALSE
)

# plspm's satisfaction data, ECSI paths, mixed modes (Image, Expectation and
# Value as Mode B composites).
models$satisfaction <- list(
  file = "satisfaction.csv",
  syntax = "
IMAG <~ imag1 + imag2 + imag3 + imag4 + imag5
EXPE <~ expe1 + expe2 + expe3 + expe4 + expe5
QUAL =~ qual1 + qual2 + qual3 + qual4 + qual5
VAL <~ val1 + val2 + val3 + val4
SAT =~ sat1 + sat2 + sat3 + sat4
LOY =~ loy1 + loy2 + loy3 + loy4
EXPE ~ IMAG
QUAL ~ EXPE
VAL ~ EXPE + QUAL
SAT ~ IMAG + EXPE + QUAL + VAL
LOY ~ IMAG + SAT
",
  schemes = c("path", "factorial", "centroid"),
  store_data = TRUE
)

# cSEM's Russett example (Henseler 2021): all Mode B, small n (47).
models$russett <- list(
  file = "Russett.csv",
  syntax = "
AgrIneq <~ gini + farm + rent
IndDev <~ gnpr + labo
PolInst <~ inst + ecks + deat + stab + dict
PolInst ~ AgrIneq + IndDev
",
  schemes = c("path", "factorial", "centroid"),
  store_data = TRUE
)

# cSEM's ITFlex data (Benitez et al. 2018): all Mode B composites, n = 100,
# a saturated recursive structural model among the four first-order
# composites (the second-order ITFlex construct of the original is not used).
models$itflex <- list(
  file = "ITFlex.csv",
  syntax = "
ITComp <~ ITCOMP1 + ITCOMP2 + ITCOMP3 + ITCOMP4
ITConn <~ ITCONN1 + ITCONN2 + ITCONN3 + ITCONN4
Modul <~ MOD1 + MOD2 + MOD3 + MOD4
ITPers <~ ITPSF1 + ITPSF2 + ITPSF3 + ITPSF4
ITConn ~ ITComp
Modul ~ ITComp + ITConn
ITPers ~ ITComp + ITConn + Modul
",
  schemes = c("path", "factorial", "centroid"),
  store_data = TRUE
)

# cSEM's BergamiBagozzi2000 example: all Mode A; two outcomes that share
# their predecessors and are not connected to each other.
models$bergami <- list(
  file = "BergamiBagozzi2000.csv",
  syntax = "
OrgPres =~ cei1 + cei2 + cei3 + cei4 + cei5 + cei6 + cei7 + cei8
OrgIden =~ ma1 + ma2 + ma3 + ma4 + ma5 + ma6
AffLove =~ orgcmt1 + orgcmt2 + orgcmt3 + orgcmt7
AffJoy =~ orgcmt5 + orgcmt8
OrgIden ~ OrgPres
AffLove ~ OrgPres + OrgIden
AffJoy ~ OrgPres + OrgIden
",
  schemes = c("path", "factorial", "centroid"),
  store_data = TRUE
)

model_data <- function(m, spec) {
  if (!is.null(m$dataset)) {
    d <- load_rda(m$dataset)
    if (!is.null(m$missing_value)) {
      d <- mean_replace(d, spec$mv, m$missing_value)
    }
    d[, spec$mv, drop = FALSE]
  } else {
    read_shared(m$file, spec$mv)
  }
}

# ---- peers --------------------------------------------------------------

cross_cor <- function(data, scores, spec) {
  out <- stats::cor(as.matrix(data[, spec$mv]), scores[, spec$lv])
  dimnames(out) <- list(spec$mv, spec$lv)
  out
}

full_mat <- function(x, rows, cols) {
  out <- matrix(0, length(rows), length(cols), dimnames = list(rows, cols))
  x <- as.matrix(x)
  r <- intersect(rows, rownames(x))
  k <- intersect(cols, colnames(x))
  out[r, k] <- x[r, k]
  out
}

block_mask <- function(spec) {
  m <- matrix(0, length(spec$mv), length(spec$lv),
              dimnames = list(spec$mv, spec$lv))
  for (j in spec$lv) m[spec$blocks[[j]], j] <- 1
  m
}

seminr_inner <- list(path = "path_weighting", factorial = "path_factorial")

run_seminr <- function(data, spec, scheme, missing_value = NA) {
  if (is.null(seminr_inner[[scheme]])) return(NULL)  # no centroid in seminr
  mm_list <- lapply(spec$lv, function(j) {
    items <- spec$blocks[[j]]
    wfun <- if (spec$modes[[j]] == "A") seminr::mode_A else seminr::mode_B
    if (length(items) == 1) {
      seminr::composite(j, seminr::single_item(items), weights = wfun)
    } else {
      seminr::composite(j, items, weights = wfun)
    }
  })
  mm <- do.call(seminr::constructs, mm_list)
  sm_list <- lapply(spec$endo, function(j) {
    seminr::paths(from = spec$lv[spec$inner[, j] == 1], to = j)
  })
  sm <- do.call(seminr::relationships, sm_list)
  inner_fun <- getExportedValue("seminr", seminr_inner[[scheme]])
  fit <- suppressMessages(seminr::estimate_pls(
    data = data, measurement_model = mm, structural_model = sm,
    inner_weights = inner_fun, maxIt = MAX_IT, stopCriterion = STOP_CRITERION,
    missing = seminr::mean_replacement, missing_value = missing_value
  ))
  if (fit$iterations >= MAX_IT) stop("seminr did not converge")
  scores <- fit$construct_scores[, spec$lv]
  rownames(scores) <- NULL
  mask <- block_mask(spec)
  list(
    outer_weights = full_mat(fit$outer_weights, spec$mv, spec$lv) * mask,
    outer_loadings = full_mat(fit$outer_loadings, spec$mv, spec$lv) * mask,
    cross_loadings = cross_cor(data, scores, spec),
    path_coef = full_mat(fit$path_coef, spec$lv, spec$lv),
    r2 = stats::setNames(as.numeric(fit$rSquared["Rsq", spec$endo]),
                         spec$endo),
    r2_adj = stats::setNames(as.numeric(fit$rSquared["AdjRsq", spec$endo]),
                             spec$endo),
    construct_cor = stats::cor(scores),
    scores_head = scores[1:10, , drop = FALSE],
    scores_all = scores,
    iterations = fit$iterations,
    peer = list(package = "seminr",
                version = as.character(utils::packageVersion("seminr"))),
    settings = list(
      scheme = scheme,
      call = sprintf(paste0(
        "estimate_pls(data, measurement_model = <composite(..., weights = ",
        "mode_A|mode_B) / composite(j, single_item(x))>, structural_model",
        " = <relationships(paths(...))>, inner_weights = %s, maxIt = %d, ",
        "stopCriterion = %d)"), seminr_inner[[scheme]], MAX_IT,
        STOP_CRITERION),
      inner_weights = seminr_inner[[scheme]],
      maxIt = MAX_IT, stopCriterion = STOP_CRITERION,
      conv_rule = "sum(abs(W_new - W_old)) < 10^-stopCriterion",
      iterations_convention =
        "seminr loop index starting at 0: number of weight updates - 1",
      score_variance = "n - 1",
      weightDiff = fit$weightDiff
    )
  )
}

run_csem <- function(data, spec, scheme, syntax) {
  fit <- suppressWarnings(cSEM::csem(
    .data = data, .model = syntax,
    .approach_weights = "PLS-PM",
    .PLS_weight_scheme_inner = scheme,
    .disattenuate = FALSE,
    .tolerance = TOL, .iter_max = MAX_IT,
    .conv_criterion = "diff_absolute"
  ))
  info <- fit$Information$Weight_info
  if (!isTRUE(info$Convergence_status)) stop("cSEM did not converge")
  est <- fit$Estimates
  scores <- est$Construct_scores[, spec$lv]
  rownames(scores) <- NULL
  mask <- block_mask(spec)
  r2 <- est$R2[spec$endo]
  r2_adj <- est$R2adj[spec$endo]
  list(
    outer_weights = full_mat(t(est$Weight_estimates), spec$mv, spec$lv) * mask,
    outer_loadings = full_mat(t(est$Loading_estimates), spec$mv, spec$lv) *
      mask,
    cross_loadings = cross_cor(data, scores, spec),
    path_coef = full_mat(t(est$Path_estimates), spec$lv, spec$lv),
    r2 = stats::setNames(as.numeric(r2), spec$endo),
    r2_adj = stats::setNames(as.numeric(r2_adj), spec$endo),
    construct_cor = full_mat(est$Construct_VCV, spec$lv, spec$lv),
    scores_head = scores[1:10, , drop = FALSE],
    scores_all = scores,
    iterations = info$Number_iterations,
    peer = list(package = "cSEM",
                version = as.character(utils::packageVersion("cSEM"))),
    settings = list(
      scheme = scheme,
      call = sprintf(paste0(
        "csem(.data = data, .model = model, .approach_weights = \"PLS-PM\", ",
        ".PLS_weight_scheme_inner = \"%s\", .disattenuate = FALSE, ",
        ".tolerance = %g, .iter_max = %d, .conv_criterion = ",
        "\"diff_absolute\")"), scheme, TOL, MAX_IT),
      tolerance = TOL, iter_max = MAX_IT, conv_criterion = "diff_absolute",
      conv_rule = "max(abs(W_new - W_old)) < .tolerance",
      iterations_convention = "number of weight updates (incl. the last)",
      score_variance = "n - 1"
    )
  )
}

# ---- run ------------------------------------------------------------------

elements <- c("outer_weights", "outer_loadings", "cross_loadings",
              "path_coef", "r2", "r2_adj", "construct_cor", "scores_head")

max_diff <- function(a, b) {
  vapply(elements, function(e) max(abs(a[[e]] - b[[e]])), numeric(1))
}

# Optional: compare with the oracle of the test suite as well.
oracle_file <- file.path(pkg_root, "tests", "testthat", "helper-reference.R")
have_oracle <- file.exists(oracle_file)
if (have_oracle) {
  oracle_env <- new.env()
  sys.source(oracle_file, envir = oracle_env)
}

written <- character(0)
worst <- 0
for (mname in names(models)) {
  m <- models[[mname]]
  spec <- parse_model(m$syntax)
  data <- model_data(m, spec)
  stopifnot(!anyNA(data))
  syntax <- trimws(m$syntax)

  if (identical(mname, "corp_rep")) {
    # seminr's own mean replacement gives the same data / estimates.
    raw <- load_rda("corp_rep_data")
    fit_raw <- run_seminr(raw, spec, "path", missing_value = -99)
    fit_pre <- run_seminr(data, spec, "path")
    cat(sprintf("corp_rep: seminr pre-replaced vs seminr mean_replacement: %.3g\n",
                max(abs(fit_raw$outer_weights - fit_pre$outer_weights))))
  }

  for (scheme in m$schemes) {
    res <- list(seminr = run_seminr(data, spec, scheme),
                cSEM = run_csem(data, spec, scheme, syntax))
    res <- Filter(Negate(is.null), res)
    if (length(res) == 2) {
      d <- max_diff(res$seminr, res$cSEM)
      # also compare all scores, not only the head
      d <- c(d, scores_all = max(abs(res$seminr$scores_all -
                                       res$cSEM$scores_all)))
      worst <- max(worst, d)
      cat(sprintf("%-13s %-9s seminr vs cSEM max abs diff (iter %d / %d):\n",
                  mname, scheme, res$seminr$iterations, res$cSEM$iterations))
      print(signif(d, 3))
      if (any(d > 1e-8)) warning("peers disagree on ", mname, " ", scheme)
    } else {
      cat(sprintf("%-13s %-9s only %s (iter %d)\n", mname, scheme,
                  names(res), res[[1]]$iterations))
    }
    if (have_oracle) {
      ref <- oracle_env$reference_pls(data, spec$blocks, spec$modes,
                                      spec$inner, scheme, tol = TOL,
                                      max_iter = MAX_IT)
      ref$scores_head <- ref$scores[1:10, , drop = FALSE]
      for (p in names(res)) {
        d <- max_diff(ref, res[[p]])
        cat(sprintf("    oracle vs %-6s max abs diff: %.3g (iter %d)%s\n",
                    p, max(d), ref$iterations,
                    if (length(ref$flipped)) " FLIPPED" else ""))
      }
    }
    for (p in names(res)) {
      fx <- res[[p]]
      fx$scores_all <- NULL
      fx$model <- syntax
      fx$model_name <- mname
      fx$n <- nrow(data)
      if (!is.null(m$dataset)) {
        fx$dataset <- m$dataset
        fx$data_prep <- if (!is.null(m$missing_value)) {
          sprintf("%d replaced by the column mean of the non-missing values of each model item; all rows kept",
                  m$missing_value)
        } else "none"
        fx$missing_value <- m$missing_value
      } else {
        fx$dataset <- sub("\\.csv$", "", m$file)
        fx$data_prep <- "model columns of the CSV; no other changes"
        fx$data <- data
      }
      file <- file.path(fixture_dir,
                        sprintf("%s_%s_%s.rds", mname, scheme, p))
      saveRDS(fx, file, version = 2)
      written <- c(written, basename(file))
    }
  }
}

cat(sprintf("\nlargest seminr-vs-cSEM difference over all fixtures: %.3g\n",
            worst))
cat("written:\n", paste0("  ", written, collapse = "\n"), "\n", sep = "")
