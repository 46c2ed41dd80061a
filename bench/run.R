# make bench: times iecpls against the peers installed here (seminr, cSEM;
# matrixpls when available) on the same models and data in one R process,
# and writes bench/RESULTS.md. Not a test: timings depend on the machine.
#   Rscript bench/run.R [quick]     (from the package root, package installed)
suppressPackageStartupMessages(library(iecpls))
source("bench/peers.R")
source("tests/testthat/helper-models.R")
quick <- "quick" %in% commandArgs(trailingOnly = TRUE)
cores <- parallel::detectCores()
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

# --- one fit -----------------------------------------------------------------
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

big_ecsi <- function(n) {
  set.seed(7)
  data <- mobi_data[sample(nrow(mobi_data), n, replace = TRUE), ]
  data[] <- lapply(data, function(x) x + stats::rnorm(n, sd = 0.5))
  data
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

# --- one fit on a million rows, with peak memory ----------------------------
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

# --- growth with p and n -----------------------------------------------------
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

# --- bootstrap -----------------------------------------------------------------
R <- 5000L
fit <- pls(corp, data = corp_data)
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

# --- bootstrap test of exact model fit ---------------------------------------------
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

# --- bootstrap of a moderated model (two-stage approach) -------------------------
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

# --- bootstrap of a higher-order model (two-stage approaches) --------------------
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

# --- multigroup permutation test ------------------------------------------------
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

# --- PLSpredict -------------------------------------------------------------------
label <- "PLSpredict 10 folds x 10 repetitions"
set.seed(3)
record(label, "iecpls", timed(pls_predict(fit, k = 10, reps = 10), 3))
if (have("seminr")) {
  spec <- seminr_model(corp)
  model <- suppressMessages(seminr::estimate_pls(corp_data, spec$measurement, spec$structural))
  record(label, "seminr", timed(suppressMessages(seminr::predict_pls(model, technique = seminr::predict_DA, noFolds = 10, reps = 10)), 1))
}

# --- ordinal indicators and EM (#19) ------------------------------------------------
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

# --- RESULTS.md -----------------------------------------------------------------
results <- do.call(rbind, rows)
# ratio to iecpls on one thread in the same scenario
reference <- ave(ifelse(results$package %in% c("iecpls", "iecpls, 1 thread"), results$median, NA_real_),
                 results$scenario, FUN = function(x) if (all(is.na(x))) NA_real_ else x[!is.na(x)][1])
results$ratio <- results$median / reference
fmt <- function(x) ifelse(is.na(x), "", formatC(x, digits = 4, format = "g"))

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
  sprintf("Peers: %s.", paste(vapply(c("seminr", "cSEM", "matrixpls"), function(p)
    if (have(p)) paste(p, utils::packageVersion(p)) else paste(p, "not installed"), ""), collapse = ", ")),
  if (quick) "Quick run: peers timed once on fewer resamples and scaled (see notes)." else
    "Medians of repeated runs (one run for the slow peer bootstraps); ratio = time / the time of iecpls on one thread in the same scenario.",
  "",
  "| scenario | package | median s | min s | max s | runs | ratio to iecpls | note |",
  "|---|---|---:|---:|---:|---:|---:|---|",
  sprintf("| %s | %s | %s | %s | %s | %d | %s | %s |", results$scenario, results$package, fmt(results$median),
          fmt(results$min), fmt(results$max), results$runs, fmt(results$ratio), results$note),
  "",
  targets,
  "Rerun with `make bench` (about 15 minutes with the peers installed)."
)
writeLines(lines, "bench/RESULTS.md")
saveRDS(results, "bench/results.rds")
cat("\nWrote bench/RESULTS.md\n")
