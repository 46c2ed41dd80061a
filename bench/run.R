# make bench: times iecpls against the peers installed here (seminr, cSEM;
# matrixpls when available; seminrExtras and NCA for the segmentation and
# necessity rows) on the same models and data in one R process, and writes
# bench/RESULTS.md. Not a test: timings depend on the machine.
#   Rscript bench/run.R [quick] [section ...]   (from the package root, package installed)
# Sections: fit, million, growth, boot, omf, moderation, hoc, mga, predict,
# ordinal, fimix, nca, cta (the names in `sections` below). With no section
# named, all run and RESULTS.md is written anew (make bench). Naming some
# (`make bench BENCH="fimix nca cta"`, or `Rscript bench/run.R fimix nca
# cta`) runs only those and merges their rows into the RESULTS.md there:
# rows of the same scenarios are replaced (in place), new scenarios added at
# the end of the table, the other rows and the Targets are kept, and a line
# under the header says what was timed separately, when, with which peers.
suppressPackageStartupMessages(library(iecpls))
source("bench/peers.R")
source("tests/testthat/helper-models.R")
args <- commandArgs(trailingOnly = TRUE)
quick <- "quick" %in% args
sections <- c("fit", "million", "growth", "boot", "omf", "moderation", "hoc", "mga", "predict", "ordinal",
              "fimix", "nca", "cta")
selected <- setdiff(args, "quick")
unknown <- setdiff(selected, sections)
if (length(unknown)) stop("unknown section(s) ", paste(unknown, collapse = ", "), "; the sections are ",
                          paste(sections, collapse = ", "), call. = FALSE)
partial <- length(selected) > 0
if (!partial) selected <- sections
section <- function(name) name %in% selected
cores <- parallel::detectCores()
load_at_start <- readLines("/proc/loadavg", warn = FALSE)
rows <- list()
record <- function(scenario, package, times, note = "") {
  rows[[length(rows) + 1L]] <<- data.frame(scenario = scenario, package = package, median = stats::median(times),
                                           min = min(times), max = max(times), runs = length(times), note = note,
                                           stringsAsFactors = FALSE)
  cat(sprintf("%-45s %-28s %9.4f s\n", scenario, package, stats::median(times)))
}
# Seconds per evaluation, `reps` times; fast expressions are evaluated in an
# inner loop of at least 20 ms so the clock's resolution does not matter.
timed <- function(expr, reps) {
  expr <- substitute(expr)
  env <- parent.frame()
  once <- system.time(eval(expr, env))[["elapsed"]]
  # a slow call (a peer's bootstrap) counts its first run instead of repeating it
  if (once >= 1 && reps == 1L) return(once)
  inner <- if (once < 0.02) max(1L, ceiling(0.02 / max(once, 1e-4))) else 1L
  vapply(seq_len(reps), function(i) {
    system.time(for (k in seq_len(inner)) eval(expr, env))[["elapsed"]] / inner
  }, numeric(1))
}
peer_reps <- function(reps) if (quick) 1L else max(1L, reps)

ecsi <- parse_model(ecsi_syntax)
corp <- parse_model(corp_rep_syntax)
corp_data <- corp_rep_mean_replaced()[corp$indicators]
mobi_data <- mobi[ecsi$indicators]
big_ecsi <- function(n) {
  set.seed(7)
  data <- mobi_data[sample(nrow(mobi_data), n, replace = TRUE), ]
  data[] <- lapply(data, function(x) x + stats::rnorm(n, sd = 0.5))
  data
}
R <- 5000L
fit <- pls(corp, data = corp_data)
memory_ratio <- NA_real_

# --- one fit -----------------------------------------------------------------
if (section("fit")) {
  for (case in list(list("fit: ECSI on mobi (n = 250)", ecsi, mobi_data),
                    list("fit: corporate reputation (n = 344)", corp, corp_data))) {
    label <- case[[1]]; model <- case[[2]]; data <- case[[3]]
    record(label, "iecpls", timed(pls(model, data = data), 50))
    if (have("cSEM")) record(label, "cSEM", timed(cSEM::csem(data, peer_syntax(model), .disattenuate = FALSE), peer_reps(10)))
    if (have("seminr")) {
      spec <- seminr_model(model)
      record(label, "seminr", timed(suppressMessages(seminr::estimate_pls(data, spec$measurement, spec$structural)), peer_reps(10)))
    }
  }

  data_100k <- big_ecsi(1e5)
  label <- "fit: ECSI, 100,000 rows"
  record(label, "iecpls", timed(pls(ecsi, data = data_100k), 20))
  record(label, "cor() alone (floor of fitting from cor())", timed(stats::cor(data_100k), 5),
         "matrixpls fits from cor(); it is not on CRAN for R 4.2, so this is its lower bound")
  if (have("matrixpls")) record(label, "matrixpls", timed(matrixpls::matrixpls(stats::cor(data_100k), peer_syntax(ecsi)), 5))
  if (have("cSEM")) record(label, "cSEM", timed(cSEM::csem(data_100k, peer_syntax(ecsi), .disattenuate = FALSE), peer_reps(3)))
  if (have("seminr")) {
    spec <- seminr_model(ecsi)
    record(label, "seminr", timed(suppressMessages(seminr::estimate_pls(data_100k, spec$measurement, spec$structural)), peer_reps(3)))
  }
  rm(data_100k)
}

# --- one fit on a million rows, with peak memory ----------------------------
if (section("million")) {
  data_1m <- big_ecsi(1e6)
  data_mb <- as.numeric(utils::object.size(data_1m)) / 2^20
  invisible(gc(reset = TRUE))
  before <- sum(gc()[, 2])
  times <- timed(pls(ecsi, data = data_1m), 5)
  peak <- sum(gc()[, 6]) - before
  memory_ratio <- (data_mb + peak) / data_mb
  record("fit: ECSI, 1,000,000 rows", "iecpls", times,
         sprintf("data %.0f MB; peak R memory %.0f MB = data + %.0f MB during the fit (%.2f x the data)",
                 data_mb, data_mb + peak, peak, (data_mb + peak) / data_mb))
  rm(data_1m); invisible(gc())
}

# --- growth with p and n -----------------------------------------------------
if (section("growth")) {
  wide_model <- function(K, per) {
    blocks <- vapply(seq_len(K), function(k) sprintf("C%d =~ %s", k, paste0("x", k, "_", seq_len(per), collapse = " + ")), "")
    paths <- vapply(2:K, function(k) sprintf("C%d ~ C%d", k, k - 1), "")
    paste(c(blocks, paths), collapse = "\n")
  }
  wide_data <- function(K, per, n) {
    set.seed(11)
    latent <- matrix(stats::rnorm(n * K), n) %*% chol(0.5 ^ abs(outer(seq_len(K), seq_len(K), "-")))
    cols <- lapply(seq_len(K * per), function(j) 0.8 * latent[, (j - 1) %/% per + 1] + stats::rnorm(n, sd = 0.6))
    names(cols) <- paste0("x", rep(seq_len(K), each = per), "_", rep(seq_len(per), K))
    as.data.frame(cols)
  }
  for (p in c(24, 100, 400)) {
    K <- p / 4
    data <- wide_data(K, 4, 2000)
    record(sprintf("growth: p = %d indicators (n = 2,000)", p), "iecpls", timed(pls(wide_model(K, 4), data = data), 5))
  }
  for (n in c(1e3, 1e4, 1e5, 1e6, if (!quick) 1e7)) {
    data <- wide_data(4, 3, n)
    record(sprintf("growth: n = %s (p = 12)", format(n, big.mark = ",", scientific = FALSE)), "iecpls",
           timed(pls(wide_model(4, 3), data = data), if (n >= 1e6) 2 else 5))
  }
  rm(data); invisible(gc())
}

# --- bootstrap -----------------------------------------------------------------
if (section("boot")) {
  problem <- iecpls:::boot_problem(fit, "none")
  sizes <- iecpls:::chunk_sizes(R)
  seeds <- iecpls:::chunk_seeds(length(sizes))
  label <- "bootstrap 5,000: corporate reputation"
  # The limit as the issue defines it: drawing the resamples and forming each
  # one's cross-product with the fastest plain code, BLAS dsyrk on the drawn
  # rows or the plain weighted accumulation over them; and, stricter, the same
  # work done by this package's tuned accumulation, which pls_boot runs too.
  limit_plain <- timed(iecpls:::c_bootstrap_floor(problem, seeds, sizes, "plain"), 5)
  limit_dsyrk <- timed(iecpls:::c_bootstrap_floor(problem, seeds, sizes, "dsyrk"), 3)
  record(label, "limit: draws + BLAS dsyrk", limit_dsyrk, "reference BLAS of this machine")
  record(label, "limit: draws + plain weighted accumulation", limit_plain,
         "the limit: the faster of the two plain codes")
  record(label, "draws + this package's accumulation only", timed(iecpls:::c_bootstrap_floor(problem, seeds, sizes, "tuned"), 5),
         "stricter floor: pls_boot's own accumulation (four rows per pass) without the refits")
  record(label, "iecpls, 1 thread", timed(pls_boot(fit, R = R, cores = 1), 5))
  record(label, "iecpls, 1 thread, no BCa", timed(pls_boot(fit, R = R, cores = 1, bca = FALSE), 5))
  record(label, sprintf("iecpls, %d threads", cores), timed(pls_boot(fit, R = R, cores = cores), 5))
  if (have("cSEM")) {
    model <- cSEM::csem(corp_data, peer_syntax(corp), .disattenuate = FALSE)
    record(label, "cSEM, 1 core", timed(cSEM::resamplecSEMResults(model, .R = if (quick) 500L else R), 1),
           if (quick) "quick run: 500 resamples, time x10" else "")
    if (quick) rows[[length(rows)]]$median <- rows[[length(rows)]]$median * 10
  }
  if (have("seminr")) {
    spec <- seminr_model(corp)
    model <- suppressMessages(seminr::estimate_pls(corp_data, spec$measurement, spec$structural))
    record(label, "seminr, 1 core", timed(suppressMessages(seminr::bootstrap_model(model, nboot = if (quick) 500L else R, cores = 1)), 1),
           if (quick) "quick run: 500 resamples, time x10" else "")
    if (quick) rows[[length(rows)]]$median <- rows[[length(rows)]]$median * 10
  }
  plsc <- pls(corp, data = corp_data, consistent = TRUE)
  label <- "bootstrap 5,000: PLSc, corporate reputation"
  record(label, "iecpls, 1 thread", timed(suppressWarnings(pls_boot(plsc, R = R)), 3))
  if (have("cSEM")) {
    model <- cSEM::csem(corp_data, peer_syntax(corp))
    record(label, "cSEM, 1 core", timed(cSEM::resamplecSEMResults(model, .R = if (quick) 500L else R), 1),
           if (quick) "quick run: 500 resamples, time x10" else "")
    if (quick) rows[[length(rows)]]$median <- rows[[length(rows)]]$median * 10
  }
}

# --- bootstrap test of exact model fit ---------------------------------------------
if (section("omf")) {
  # pls_model_fit(R = 5000) tests the estimated and the saturated model (two
  # loops of 5,000 refits); cSEM's testOMF() tests one per call, so it is timed
  # for both (.saturated = FALSE and TRUE), on 500 resamples, scaled to 5,000.
  label <- "test of exact fit 5,000: corporate reputation"
  record(label, "iecpls, 1 thread", timed(pls_model_fit(fit, R = R, cores = 1), 3))
  record(label, sprintf("iecpls, %d threads", cores), timed(pls_model_fit(fit, R = R, cores = cores), 3))
  if (have("cSEM")) {
    model <- cSEM::csem(corp_data, peer_syntax(corp), .disattenuate = FALSE)
    omf_R <- if (quick) 100L else 500L
    record(label, "cSEM, 1 core", timed(for (saturated in c(FALSE, TRUE)) {
      cSEM::testOMF(model, .R = omf_R, .saturated = saturated, .handle_inadmissibles = "ignore")
    }, 1), sprintf("testOMF() for the estimated and the saturated model; %d resamples, time x%d", omf_R, R / omf_R))
    rows[[length(rows)]]$median <- rows[[length(rows)]]$median * R / omf_R
  }
}

# --- bootstrap of a moderated model (two-stage approach) -------------------------
if (section("moderation")) {
  # The primer's moderation of CUSA -> CUSL by switching costs on the corporate
  # reputation model; every stage is re-estimated in each resample.
  label <- "bootstrap 5,000: two-stage moderation, corporate reputation"
  moderated <- parse_model(paste(corp_rep_syntax, "SC =~ switch_1 + switch_2 + switch_3 + switch_4",
                                 "CUSL ~ SC + CUSA:SC", sep = "\n"))
  moderated_data <- corp_rep_mean_replaced()[moderated$indicators]
  moderated_fit <- pls(moderated, data = moderated_data)
  record(label, "iecpls, 1 thread", timed(pls_boot(moderated_fit, R = R, cores = 1), 3))
  record(label, "iecpls, 1 thread, no BCa", timed(pls_boot(moderated_fit, R = R, cores = 1, bca = FALSE), 3))
  record(label, sprintf("iecpls, %d threads", cores), timed(pls_boot(moderated_fit, R = R, cores = cores), 3))
  if (have("seminr")) {
    spec <- seminr_model(moderated)
    model <- suppressMessages(seminr::estimate_pls(moderated_data, spec$measurement, spec$structural))
    # about 0.07 s a resample: 500 resamples, the time scaled to 5,000
    record(label, "seminr, 1 core", timed(suppressMessages(seminr::bootstrap_model(model, nboot = if (quick) 200L else 500L, cores = 1)), 1),
           if (quick) "200 resamples, time x25" else "500 resamples, time x10")
    rows[[length(rows)]]$median <- rows[[length(rows)]]$median * if (quick) 25 else 10
  }
  if (have("cSEM")) {
    # about 0.2 s a resample: 500 resamples, the time scaled to 5,000
    model <- cSEM::csem(moderated_data, peer_syntax(moderated), .disattenuate = FALSE)
    record(label, "cSEM, 1 core", timed(cSEM::resamplecSEMResults(model, .R = if (quick) 200L else 500L), 1),
           paste("cSEM's own estimator of the product term (weights of the linear model, paths by moments);",
                 if (quick) "200 resamples, time x25" else "500 resamples, time x10"))
    rows[[length(rows)]]$median <- rows[[length(rows)]]$median * if (quick) 25 else 10
  }
}

# --- bootstrap of a higher-order model (two-stage approaches) --------------------
if (section("hoc")) {
  # The primer's corporate reputation model with REP as a second-order
  # construct over COMP and LIKE; both stages are re-estimated in each
  # resample. seminr's higher_composite() is the disjoint approach, cSEM's
  # "mixed" the closest to the embedded one (its stage 2 measures the other
  # constructs by their stage-1 scores).
  label <- "bootstrap 5,000: second-order REP (two-stage), corporate reputation"
  hoc_model <- parse_model(corp_rep_hoc_syntax())
  hoc_data <- corp_rep_mean_replaced()[corp$indicators]
  embedded_fit <- pls(hoc_model, data = hoc_data, hoc = "embedded")
  disjoint_fit <- pls(hoc_model, data = hoc_data, hoc = "disjoint")
  record(label, "iecpls, 1 thread", timed(pls_boot(embedded_fit, R = R, cores = 1), 3), "embedded")
  record(label, "iecpls, 1 thread, disjoint", timed(pls_boot(disjoint_fit, R = R, cores = 1), 3), "disjoint, as seminr")
  record(label, sprintf("iecpls, %d threads", cores), timed(pls_boot(embedded_fit, R = R, cores = cores), 3), "embedded")
  if (have("seminr")) {
    spec <- seminr_model(hoc_model)
    model <- suppressMessages(seminr::estimate_pls(hoc_data, spec$measurement, spec$structural))
    record(label, "seminr, 1 core", timed(suppressMessages(seminr::bootstrap_model(model, nboot = if (quick) 200L else 500L, cores = 1)), 1),
           paste("disjoint;", if (quick) "200 resamples, time x25" else "500 resamples, time x10"))
    rows[[length(rows)]]$median <- rows[[length(rows)]]$median * if (quick) 25 else 10
  }
  if (have("cSEM")) {
    model <- cSEM::csem(hoc_data, peer_syntax(hoc_model), .disattenuate = FALSE, .approach_2ndorder = "mixed")
    record(label, "cSEM, 1 core", timed(suppressWarnings(cSEM::resamplecSEMResults(model, .R = if (quick) 200L else 500L)), 1),
           paste("mixed;", if (quick) "200 resamples, time x25" else "500 resamples, time x10"))
    rows[[length(rows)]]$median <- rows[[length(rows)]]$median * if (quick) 25 else 10
  }
}

# --- multigroup permutation test ------------------------------------------------
if (section("mga")) {
  if (exists("pls_mga", mode = "function")) {
    label <- "permutation 5,000: two groups, corporate reputation"
    group <- corp_rep_data$servicetype
    record(label, "iecpls, 1 thread", timed(pls_mga(fit, group = group, method = "permutation", R = R), 3))
    if (have("cSEM")) {
      groups <- split(cbind(corp_data, servicetype = group), group)
      groups <- lapply(groups, function(d) d[corp$indicators])
      model <- cSEM::csem(groups, peer_syntax(corp), .disattenuate = FALSE)
      record(label, "cSEM testMGD (Chin), 1 core",
             timed(cSEM::testMGD(model, .approach_mgd = "Chin", .R_permutation = if (quick) 200L else R), 1),
             if (quick) "quick run: 200 permutations, time x25" else "")
      if (quick) rows[[length(rows)]]$median <- rows[[length(rows)]]$median * 25
    }
  }
}

# --- PLSpredict -------------------------------------------------------------------
if (section("predict")) {
  label <- "PLSpredict 10 folds x 10 repetitions"
  set.seed(3)
  record(label, "iecpls", timed(pls_predict(fit, k = 10, reps = 10), 3))
  if (have("seminr")) {
    spec <- seminr_model(corp)
    model <- suppressMessages(seminr::estimate_pls(corp_data, spec$measurement, spec$structural))
    record(label, "seminr", timed(suppressMessages(seminr::predict_pls(model, technique = seminr::predict_DA, noFolds = 10, reps = 10)), 1))
  }
}

# --- ordinal indicators and EM (#19) ------------------------------------------------
if (section("ordinal")) {
  # The 32 items of the study model on 500 simulated respondents without
  # nonresponse (5-point answers), and the study's survey with its missing
  # answers.
  study <- iec_model("extended")
  study_items <- parse_model(study)$indicators
  population <- iec_population()
  population$nonresponse <- 0
  answers <- iec_simulate(500, population, seed = 1)
  label <- "polychoric correlations: 32 study items, 500 rows"
  record(label, "iecpls", timed(iecpls:::ordinal_cor(answers[study_items], ordinal = TRUE), 5))
  if (have("polycor")) {
    ordered_answers <- as.data.frame(lapply(answers[study_items], ordered))
    record(label, "polycor::hetcor", timed(polycor::hetcor(ordered_answers, ML = FALSE, std.err = FALSE), peer_reps(3)),
           "two-step estimates (ML = FALSE), no standard errors")
  }
  ordinal_fit <- pls(study, data = answers, ordinal = TRUE)
  em_fit <- pls(study, data = iec_survey, missing = "em")
  label <- "bootstrap 5,000: study model, ordinal items (OrdPLS)"
  record(label, "iecpls, 1 thread", timed(pls_boot(ordinal_fit, R = R, cores = 1), 1),
         "thresholds and 496 polychoric correlations re-estimated in each resample; no peer bootstraps OrdPLS")
  record(label, sprintf("iecpls, %d threads", cores), timed(pls_boot(ordinal_fit, R = R, cores = cores), 1))
  label <- "bootstrap 5,000: study model, missing answers by EM"
  record(label, "iecpls, 1 thread", timed(pls_boot(em_fit, R = R, cores = 1), 3),
         "EM re-run in each resample (iec_survey, 500 rows); no peer offers EM")
  record(label, sprintf("iecpls, %d threads", cores), timed(pls_boot(em_fit, R = R, cores = cores), 3))
}

# --- FIMIX-PLS (#21) ----------------------------------------------------------------
# The study model on the survey with mean replacement, 10 starts per number
# of segments, seed 123 (seminrExtras's default, whose starts pls_fimix()
# reproduces from the same seed). seminrExtras's assess_fimix_compare()
# needs K >= 2, so 2-5 segments is the comparison and 1-5 (pls_fimix()'s
# default) is timed for iecpls alone. pls_fimix()'s defaults: no intercepts,
# a start stops when ln L changes by less than tol = 1e-10 (on these data
# every 4-segment start is then degenerate: a warning, NA criteria).
# seminrExtras estimates segment intercepts and stops at a change below
# 1e-6 (max_iter 5000): the rows with intercepts = TRUE, tol = 1e-6 are the
# like-for-like ones (the same ln L for 2-4 segments). At 5 segments
# pls_fimix() stops the starts that turn degenerate, which seminrExtras
# runs on (and picks one of), so the work is not quite the same.
if (section("fimix")) {
  study <- parse_model(iec_model())
  study_fit <- pls(iec_model(), iec_survey, missing = "mean")
  fimix <- function(segments, cores, ...) {
    suppressWarnings(pls_fimix(study_fit, segments = segments, starts = 10, seed = 123, cores = cores, ...),
                     classes = "iecpls_warning")
  }
  label <- "FIMIX 1-5 segments, 10 starts: study model"
  record(label, "iecpls, 1 thread", timed(fimix(1:5, 1), 5),
         paste("iec_survey (500 rows), missing = \"mean\"; defaults (intercepts = FALSE, tol = 1e-10);",
               "no peer fits K = 1 (seminrExtras needs K >= 2)"))
  record(label, sprintf("iecpls, %d threads", cores), timed(fimix(1:5, cores), 5), "threads over the starts")
  label <- "FIMIX 2-5 segments, 10 starts: study model"
  record(label, "iecpls, 1 thread", timed(fimix(2:5, 1), 5),
         "defaults (intercepts = FALSE, tol = 1e-10; every 4-segment start degenerate)")
  record(label, sprintf("iecpls, %d threads", cores), timed(fimix(2:5, cores), 5))
  record(label, "iecpls, 1 thread, intercepts, tol = 1e-6", timed(fimix(2:5, 1, intercepts = TRUE, tol = 1e-6), 5),
         "like for like: seminrExtras's model (segment intercepts) and stopping rule (change of ln L below 1e-6)")
  like <- rows[[length(rows)]]$median
  record(label, sprintf("iecpls, %d threads, intercepts, tol = 1e-6", cores),
         timed(fimix(2:5, cores, intercepts = TRUE, tol = 1e-6), 5))
  if (have("seminr") && have("seminrExtras")) {
    # the same model from iec_model()'s syntax, with mean replacement (its
    # scores equal the fit's to 1e-8)
    spec <- seminr_model(study)
    model <- suppressMessages(seminr::estimate_pls(iec_survey[study$indicators], spec$measurement, spec$structural,
                                                   missing = seminr::mean_replacement))
    record(label, "seminrExtras, 1 core",
           timed(seminrExtras::assess_fimix_compare(model, K_range = 2:5, nstart = 10, seed = 123), 1), "")
    rows[[length(rows)]]$note <- sprintf(paste("assess_fimix_compare(K_range = 2:5, nstart = 10) at its defaults",
                                               "(max_iter = 5000, stop_criterion = 1e-6): %.0fx the like-for-like row"),
                                         rows[[length(rows)]]$median / like)
  }
}

# --- necessary condition analysis (#21) ---------------------------------------------
# CUSL of the corporate reputation model on its antecedents COMP, LIKE and
# CUSA, on the standardized scores (as seminrExtras), CE-FDH and CR-FDH,
# 10,000 permutations of the outcome. The peers permute in R: seminrExtras
# is timed on 1,000 permutations and the NCA package on 100 (about 0.7 s a
# permutation here), both scaled to 10,000. NCA's nca_analysis() runs its
# test on every core (doParallel) once ceilings x conditions x test.rep >
# 6,000; 100 permutations stay below that, on one core.
if (section("nca")) {
  label <- "NCA permutation test 10,000: corporate reputation, CUSL"
  nca_conditions <- c("COMP", "LIKE", "CUSA")
  record(label, "iecpls, 1 thread",
         timed(pls_nca(fit, "CUSL", conditions = nca_conditions, scale = "scores", R = 10000, seed = 1, cores = 1), 5),
         "pls_nca(scale = \"scores\"): conditions COMP, LIKE, CUSA; CE-FDH and CR-FDH")
  record(label, sprintf("iecpls, %d threads", cores),
         timed(pls_nca(fit, "CUSL", conditions = nca_conditions, scale = "scores", R = 10000, seed = 1, cores = cores), 5))
  if (have("seminr")) {
    spec <- seminr_model(corp)
    model <- suppressMessages(seminr::estimate_pls(corp_data, spec$measurement, spec$structural))
    scores <- as.data.frame(model$construct_scores)
    if (have("seminrExtras")) {
      reps <- if (quick) 200L else 1000L
      record(label, "seminrExtras, 1 core", timed(seminrExtras::assess_nca(model, target = "CUSL", test.rep = reps), 1),
             sprintf("assess_nca(target = \"CUSL\"); %s permutations, time x%d", format(reps, big.mark = ","),
                     10000L / reps))
      rows[[length(rows)]]$median <- rows[[length(rows)]]$median * 10000 / reps
    }
    if (have("NCA")) {
      reps <- if (quick) 20L else 100L
      record(label, "NCA, 1 core",
             timed(utils::capture.output(NCA::nca_analysis(scores, nca_conditions, "CUSL", ceilings = c("ce_fdh", "cr_fdh"),
                                                           test.rep = reps)), 1),
             sprintf("nca_analysis() on seminr's scores; %d permutations, time x%d (one core: see bench/run.R)",
                     reps, 10000L / reps))
      rows[[length(rows)]]$median <- rows[[length(rows)]]$median * 10000 / reps
    }
  }
}

# --- confirmatory tetrad analysis (#21) ---------------------------------------------
# The corporate reputation blocks with 4 or more indicators (QUAL, PERF,
# CSOR: pls_cta()'s default), 5,000 bootstrap resamples. seminrExtras's
# assess_cta() takes the number of resamples as `nboot`; it is run without
# borrowing indicators (borrow = FALSE: pls_cta() does not borrow), with
# Bonferroni's correction as pls_cta(), on 500 resamples scaled to 5,000.
if (section("cta")) {
  label <- "CTA-PLS 5,000 resamples: corporate reputation"
  record(label, "iecpls, 1 thread", timed(pls_cta(fit, R = R, seed = 1, cores = 1), 5),
         "blocks QUAL, PERF, CSOR (4 or more indicators)")
  record(label, sprintf("iecpls, %d threads", cores), timed(pls_cta(fit, R = R, seed = 1, cores = cores), 5))
  if (have("seminr") && have("seminrExtras")) {
    spec <- seminr_model(corp)
    model <- suppressMessages(seminr::estimate_pls(corp_data, spec$measurement, spec$structural))
    nboot <- if (quick) 200L else 500L
    record(label, "seminrExtras, 1 core",
           timed(suppressMessages(seminrExtras::assess_cta(model, constructs = c("QUAL", "PERF", "CSOR"), nboot = nboot,
                                                           correction = "bonferroni", borrow = FALSE)), 1),
           sprintf("assess_cta(nboot = %d, borrow = FALSE), time x%d", nboot, R / nboot))
    rows[[length(rows)]]$median <- rows[[length(rows)]]$median * R / nboot
  }
}

# --- RESULTS.md -----------------------------------------------------------------
results <- do.call(rbind, rows)
# ratio to iecpls on one thread in the same scenario
reference <- ave(ifelse(results$package %in% c("iecpls", "iecpls, 1 thread"), results$median, NA_real_),
                 results$scenario, FUN = function(x) if (all(is.na(x))) NA_real_ else x[!is.na(x)][1])
results$ratio <- results$median / reference
fmt <- function(x) ifelse(is.na(x), "", formatC(x, digits = 4, format = "g"))

row_lines <- sprintf("| %s | %s | %s | %s | %s | %d | %s | %s |", results$scenario, results$package, fmt(results$median),
                     fmt(results$min), fmt(results$max), results$runs, fmt(results$ratio), results$note)
section_peers <- list(fit = c("seminr", "cSEM", "matrixpls"), million = character(), growth = character(),
                      boot = c("seminr", "cSEM"), omf = "cSEM", moderation = c("seminr", "cSEM"),
                      hoc = c("seminr", "cSEM"), mga = "cSEM", predict = "seminr", ordinal = "polycor",
                      fimix = c("seminr", "seminrExtras"), nca = c("seminr", "seminrExtras", "NCA"),
                      cta = c("seminr", "seminrExtras"))
peer_versions <- function(peers) {
  if (!length(peers)) return("none")
  paste(vapply(peers, function(p) if (have(p)) paste(p, utils::packageVersion(p)) else paste(p, "not installed"), ""),
        collapse = ", ")
}
load_average <- function(line) paste(strsplit(line, " ")[[1]][1:3], collapse = " ")

if (partial) {
  # Merge into the RESULTS.md of the last full run: rows of the scenarios
  # timed now replace theirs (where the first of them was), new scenarios
  # go at the end of the table; a line under the header says what was timed
  # separately (replacing the line of an earlier run of the same sections).
  old <- readLines("bench/RESULTS.md")
  header <- grep("^[|] scenario [|]", old)[1]
  last <- header + 1L
  while (last < length(old) && startsWith(old[last + 1L], "|")) last <- last + 1L
  table <- old[seq.int(header + 2L, length.out = last - header - 1L)]
  old_scenarios <- sub("^[|] (.*?) [|].*$", "\\1", table, perl = TRUE)
  merged <- character()
  for (k in seq_along(table)) {
    scenario <- old_scenarios[k]
    if (!scenario %in% results$scenario) {
      merged <- c(merged, table[k])
    } else if (match(scenario, old_scenarios) == k) {
      merged <- c(merged, row_lines[results$scenario == scenario])
    }
  }
  merged <- c(merged, row_lines[!results$scenario %in% old_scenarios])
  command <- paste(c("Rscript bench/run.R", if (quick) "quick", selected), collapse = " ")
  note <- sprintf(paste("Timed separately (`%s`) on %s, not in the `make bench` run above: %s.",
                        "iecpls %s; peers: %s. Load average at the start %s, at the end %s (%d cores shared with",
                        "other jobs: these timings are noisy)."),
                  command, format(Sys.Date()), paste(unique(results$scenario), collapse = "; "),
                  utils::packageVersion("iecpls"), peer_versions(unique(unlist(section_peers[selected]))),
                  load_average(load_at_start), load_average(readLines("/proc/loadavg", warn = FALSE)), cores)
  intro <- old[seq_len(header - 1L)]
  intro <- intro[!startsWith(intro, sprintf("Timed separately (`%s`)", command))]
  blank <- max(which(intro == ""))
  lines <- c(intro[seq_len(blank - 1L)], note, intro[blank:length(intro)], old[header:(header + 1L)], merged,
             old[seq.int(last + 1L, length(old))])
  writeLines(lines, "bench/RESULTS.md")
  cat("\nMerged", nrow(results), "rows into bench/RESULTS.md\n")
} else {
  # The issue's targets, read off the table.
  value <- function(scenario, package) {
    hit <- results$median[results$scenario == scenario & results$package == package]
    if (length(hit)) hit[1] else NA_real_
  }
  boot_label <- "bootstrap 5,000: corporate reputation"
  boot_1 <- value(boot_label, "iecpls, 1 thread")
  limit <- min(value(boot_label, "limit: draws + plain weighted accumulation"), value(boot_label, "limit: draws + BLAS dsyrk"))
  tuned <- value(boot_label, "draws + this package's accumulation only")
  csem_ratio <- value(boot_label, "cSEM, 1 core") / boot_1
  fit_1m <- value("fit: ECSI, 1,000,000 rows", "iecpls")
  fit_100k <- value("fit: ECSI, 100,000 rows", "iecpls")
  matrixpls_time <- value("fit: ECSI, 100,000 rows", "matrixpls")
  cor_time <- value("fit: ECSI, 100,000 rows", "cor() alone (floor of fitting from cor())")
  # The fastest peer (seminr, cSEM) against iecpls on one thread in a scenario.
  peer_target <- function(scenario, target) {
    peers <- c(value(scenario, "seminr, 1 core"), value(scenario, "cSEM, 1 core"))
    ratio <- if (all(is.na(peers))) NA_real_ else min(peers, na.rm = TRUE) / value(scenario, "iecpls, 1 thread")
    target_row(target, if (is.na(ratio)) "no peer installed" else sprintf("%.0fx", ratio), ratio >= 300)
  }
  target_row <- function(target, measured, met) sprintf("| %s | %s | %s |", target, measured, if (is.na(met)) "not measured" else if (met) "yes" else "**no**")
  targets <- c(
    "## Targets",
    "",
    "| target | measured | met |",
    "|---|---|---|",
    target_row("5,000 bootstrap resamples on 1 thread at least 300x faster than cSEM",
               sprintf("%.0fx", csem_ratio), csem_ratio >= 300),
    target_row("one fit on 1,000,000 rows under 0.5 s", sprintf("%.3f s", fit_1m), fit_1m < 0.5),
    target_row("peak memory of that fit under 3x the data", sprintf("%.2fx", memory_ratio), memory_ratio < 3),
    if (!is.na(matrixpls_time)) {
      target_row("one fit on 100,000 rows at least 3x faster than matrixpls",
                 sprintf("%.1fx", matrixpls_time / fit_100k), matrixpls_time / fit_100k >= 3)
    } else {
      target_row("one fit on 100,000 rows at least 3x faster than matrixpls",
                 sprintf("%.1fx faster than cor() alone, which matrixpls runs before fitting (matrixpls is not installable here)",
                         cor_time / fit_100k), cor_time / fit_100k >= 3)
    },
    peer_target("bootstrap 5,000: two-stage moderation, corporate reputation",
                "5,000 bootstrap resamples of the two-stage moderated model on 1 thread at least 300x faster than the fastest peer"),
    peer_target("bootstrap 5,000: second-order REP (two-stage), corporate reputation",
                "5,000 bootstrap resamples of the corporate reputation model with REP as a second-order construct on 1 thread at least 300x faster than the fastest peer"),
    target_row("pls_boot within 1.5x of the limit (fastest plain code: weighted accumulation or dsyrk)",
               sprintf("%.2fx", boot_1 / limit), boot_1 / limit <= 1.5),
    sprintf("| (stricter, for information) pls_boot against its own accumulation alone | %.2fx | |", boot_1 / tuned),
    local({
      ratio <- value("polychoric correlations: 32 study items, 500 rows", "polycor::hetcor") /
        value("polychoric correlations: 32 study items, 500 rows", "iecpls")
      target_row("polychoric correlations of the 32 study items on 500 rows at least 50x faster than polycor::hetcor",
                 if (is.na(ratio)) "polycor not installed" else sprintf("%.0fx", ratio), ratio >= 50)
    }),
    ""
  )
  lines <- c(
    "# Benchmark results",
    "",
    sprintf("Produced by `make bench` on %s. %s; %s. BLAS: `%s`; LAPACK: `%s`. %d cores.",
            format(Sys.Date()), R.version.string, utils::sessionInfo()$running, extSoftVersion()[["BLAS"]],
            La_library(), cores),
    sprintf("Peers: %s.", peer_versions(c("seminr", "cSEM", "matrixpls", "polycor", "seminrExtras", "NCA"))),
    if (quick) "Quick run: peers timed once on fewer resamples and scaled (see notes)." else
      "Medians of repeated runs (one run for the slow peer bootstraps); ratio = time / the time of iecpls on one thread in the same scenario.",
    "",
    "| scenario | package | median s | min s | max s | runs | ratio to iecpls | note |",
    "|---|---|---:|---:|---:|---:|---:|---|",
    row_lines,
    "",
    targets,
    "Rerun with `make bench` (about 15 minutes with the peers installed)."
  )
  writeLines(lines, "bench/RESULTS.md")
  saveRDS(results, "bench/results.rds")
  cat("\nWrote bench/RESULTS.md\n")
}
