# Multigroup analysis of the corporate reputation model (groups:
# servicetype 1 and 2): 5,000 permutations with pls_mga() (single-threaded
# and with all cores), the C loop alone, and MICOM with 5,000 permutations;
# cSEM's testMGD() (Chin's permutation test) with 100 permutations,
# scaled to 5,000, for comparison.
# Run from the package root with the package installed:  Rscript bench/mga.R
# Not a test. Peers missing here are skipped.
suppressPackageStartupMessages(library(iecpls))
source("bench/peers.R")
source("tests/testthat/helper-models.R")

R <- 5000L
data <- corp_rep_mean_replaced()
fit <- pls(corp_rep_syntax, data = data)
cores <- parallel::detectCores()

time_median <- function(expr, reps = 5L) {
  expr <- substitute(expr)
  env <- parent.frame()
  stats::median(vapply(seq_len(reps), function(i) system.time(eval(expr, env))[["elapsed"]], numeric(1)))
}
rows <- list()
add <- function(what, seconds) rows[[length(rows) + 1]] <<- data.frame(what = what, seconds = seconds)

groups <- iecpls:::comparison_groups(fit, data$servicetype, NULL, "pls_mga")
problem <- iecpls:::group_problem(fit, groups, groups$names)
streams <- iecpls:::run_streams(R, 1)
add("C permutation loop only, 1 thread", time_median(iecpls:::c_permutation(problem, streams$seeds[[1]], streams$sizes, 1L)))
add("pls_mga permutation, 1 thread", time_median(pls_mga(fit, data$servicetype, R = R)))
add(sprintf("pls_mga permutation, %d threads", cores), time_median(pls_mga(fit, data$servicetype, R = R, cores = cores)))
add("pls_mga bootstrap + parametric, 1 thread",
    time_median(pls_mga(fit, data$servicetype, R = R, method = c("bootstrap", "parametric")), reps = 3L))
add("pls_micom, 1 thread", time_median(pls_micom(fit, data$servicetype, R = R)))
if (have("cSEM")) {
  peer_data <- data[c(parse_model(corp_rep_syntax)$indicators, "servicetype")]
  multi <- cSEM::csem(peer_data, peer_syntax(parse_model(corp_rep_syntax)), .id = "servicetype", .disattenuate = FALSE)
  seconds <- system.time(cSEM::testMGD(multi, .approach_mgd = "Chin", .R_permutation = 100, .verbose = FALSE))[["elapsed"]]
  add("cSEM testMGD Chin, 1 core (100 permutations x 50)", seconds * R / 100)
}
out <- do.call(rbind, rows)
single <- out$seconds[out$what == "pls_mga permutation, 1 thread"]
out$ratio_to_pls_mga_1_thread <- round(out$seconds / single, 2)
cat("R", format(getRversion()), "| BLAS:", extSoftVersion()[["BLAS"]], "|", cores, "cores\n")
cat(sprintf("Multigroup analysis, %d permutations, corporate reputation model (n = %s, p = %d)\n", R,
            paste(table(data$servicetype), collapse = " + "), length(fit$model$indicators)))
print(out, row.names = FALSE, digits = 3)
