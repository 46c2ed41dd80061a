# Bootstrap with 5,000 resamples of the corporate reputation model:
# iecpls (single-threaded and with all cores) against cSEM and seminr on one
# core with their defaults, in one R process, plus the "limit": drawing the
# resamples and forming their cross-products with no model fit.
# Run from the package root with the package installed:  Rscript bench/boot.R
# Not a test. Peers missing here are skipped.
suppressPackageStartupMessages(library(iecpls))
source("bench/peers.R")
source("tests/testthat/helper-models.R")

R <- 5000L
corp <- parse_model(corp_rep_syntax)
data <- corp_rep_mean_replaced()[corp$indicators]
fit <- pls(corp, data = data)
cores <- parallel::detectCores()

time_once <- function(expr) system.time(expr)[["elapsed"]]
rows <- list()
add <- function(what, seconds) rows[[length(rows) + 1]] <<- data.frame(what = what, seconds = seconds)

problem <- iecpls:::boot_problem(fit, "none")
sizes <- iecpls:::chunk_sizes(R)
seeds <- iecpls:::chunk_seeds(length(sizes))
for (method in c("dsyrk", "plain", "tuned")) {
  add(paste("limit: draws + cross-products,", method),
      median(replicate(5, time_once(iecpls:::c_bootstrap_floor(problem, seeds, sizes, method)))))
}
add("iecpls C loop only, 1 thread", median(replicate(5, time_once(iecpls:::c_bootstrap(problem, seeds, sizes, 1L)))))
add("iecpls pls_boot, 1 thread, no BCa", median(replicate(5, time_once(pls_boot(fit, R = R, bca = FALSE)))))
add("iecpls pls_boot, 1 thread", median(replicate(5, time_once(pls_boot(fit, R = R)))))
add(sprintf("iecpls pls_boot, %d threads", cores), median(replicate(5, time_once(pls_boot(fit, R = R, cores = cores)))))
if (have("cSEM")) {
  syntax <- peer_syntax(corp)
  model <- cSEM::csem(data, syntax, .disattenuate = FALSE)
  add("cSEM resamplecSEMResults, 1 core", time_once(cSEM::resamplecSEMResults(model, .R = R, .handle_inadmissibles = "drop")))
}
if (have("seminr")) {
  spec <- seminr_model(corp)
  model <- suppressMessages(seminr::estimate_pls(data, spec$measurement, spec$structural))
  add("seminr bootstrap_model, 1 core", time_once(suppressMessages(seminr::bootstrap_model(model, nboot = R, cores = 1))))
}
out <- do.call(rbind, rows)
single <- out$seconds[out$what == "iecpls pls_boot, 1 thread"]
out$ratio_to_iecpls_1_thread <- round(out$seconds / single, 2)
cat("R", format(getRversion()), "| BLAS:", extSoftVersion()[["BLAS"]], "|", cores, "cores\n")
cat(sprintf("Bootstrap, %d resamples, corporate reputation model (n = %d, p = %d)\n", R, nrow(data), ncol(data)))
print(out, row.names = FALSE, digits = 3)
