# One fit of the ECSI model on 100,000 rows and of the corporate reputation
# model on its 344 rows: iecpls against the peers installed on this machine,
# timed in one R process. Run from the package root with the package
# installed:  Rscript bench/fit.R
# Not a test: timings depend on the machine. Peers missing here are skipped.
suppressPackageStartupMessages(library(iecpls))
source("bench/peers.R")
source("tests/testthat/helper-models.R")

set.seed(2026)
n <- 100000
ecsi <- parse_model(ecsi_syntax)
big <- mobi[sample(nrow(mobi), n, replace = TRUE), ecsi$indicators]
big[] <- lapply(big, function(x) x + stats::rnorm(length(x), sd = 0.5))
corp <- parse_model(corp_rep_syntax)
corp_data <- corp_rep_mean_replaced()[corp$indicators]

scenario <- function(label, model, data, reps) {
  rows <- list(c(package = "iecpls", median_seconds(pls(model, data = data), reps)))
  if (have("matrixpls")) {
    syntax <- peer_syntax(model)
    rows[[length(rows) + 1]] <- c(package = "matrixpls",
      median_seconds(matrixpls::matrixpls(stats::cor(data), syntax), reps))
  }
  if (have("cSEM")) {
    syntax <- peer_syntax(model)
    rows[[length(rows) + 1]] <- c(package = "cSEM",
      median_seconds(cSEM::csem(data, syntax, .disattenuate = FALSE), max(3, reps %/% 5)))
  }
  if (have("seminr")) {
    spec <- seminr_model(model)
    rows[[length(rows) + 1]] <- c(package = "seminr", median_seconds(suppressMessages(
      seminr::estimate_pls(data, spec$measurement, spec$structural)), max(3, reps %/% 5)))
  }
  out <- do.call(rbind, lapply(rows, function(r) data.frame(package = r[["package"]],
    median = as.numeric(r[["median"]]), min = as.numeric(r[["min"]]), max = as.numeric(r[["max"]]))))
  out$ratio_to_iecpls <- round(out$median / out$median[1], 1)
  cat("\n", label, "\n", sep = "")
  print(out, row.names = FALSE, digits = 3)
  invisible(out)
}

cat("R", format(getRversion()), "| BLAS:", extSoftVersion()[["BLAS"]], "|", parallel::detectCores(), "cores\n")
scenario(sprintf("ECSI model, %s rows (seconds per fit)", format(n, big.mark = ",")), ecsi, big, 20)
scenario("Corporate reputation model, 344 rows (seconds per fit)", corp, corp_data, 200)
