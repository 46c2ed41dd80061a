#!/usr/bin/env Rscript
# tools/make-fixtures-em.R -- reference ML moments of incomplete data for the
# EM kernel (src/em.c, R/em.R): tests/testthat/fixtures/em_*.rds.
# Run by hand from the package root (needs lavaan and norm); not run in CI,
# and neither package is a dependency of iecpls.
#
# References, each an independent implementation of ML under multivariate
# normality with data missing at random:
# - lavaan: the saturated model, lavCor(missing = "ml", output = "fit",
#   estimator = "ML"): means and covariances (lavInspect(fit, "implied"),
#   divisor N as ML; lavaan computes them with its own EM, em.h1.args,
#   tightened here from tol 1e-5 to 1e-12 so that its stopping rule
#   changes nothing at 1e-9) and the observed-data log-likelihood
#   (fitMeasures(fit, "logl")).
# - norm (Schafer): em.norm() with criterion 1e-12, for data with at most 30
#   columns (norm's documented limit): the MAR data set below.
# Data: the 32 items of iec_survey (1.5% missing completely at random), the
# 31 indicators of corp_rep_data with -99 as missing, and a small data set
# simulated here with answers missing at random (the probability that y1 and
# y2 are missing depends on the observed x1 and x2), stored in its fixture.
# Each fixture is a plain list: data (or the name of the package data set
# and its columns), mean, cov, loglik, peer.
suppressPackageStartupMessages({
  library(lavaan)
  library(norm)
})
pkgload::load_all(".", quiet = TRUE)   # parse_model(), the data sets
source("tests/testthat/helper-models.R")
out_dir <- file.path("tests", "testthat", "fixtures")
peer_info <- function(p) list(package = p, version = as.character(packageVersion(p)))

lavaan_moments <- function(data) {
  fit <- lavCor(as.data.frame(data), missing = "ml", output = "fit", estimator = "ML", se = "none",
                test = "standard", em.h1.args = list(max_iter = 100000L, tol = 1e-12),
                control = list(rel.tol = 1e-14))
  stopifnot(lavInspect(fit, "converged"))
  implied <- lavInspect(fit, "implied")
  names <- colnames(data)
  list(mean = stats::setNames(as.numeric(implied$mean), names)[names],
       cov = unclass(implied$cov)[names, names],
       loglik = as.numeric(fitMeasures(fit, "logl")),
       nobs = as.numeric(lavInspect(fit, "ntotal")),
       peer = peer_info("lavaan"))
}

norm_moments <- function(data) {
  x <- as.matrix(data)
  s <- prelim.norm(x)
  theta <- em.norm(s, showits = FALSE, maxits = 100000, criterion = 1e-12)
  param <- getparam.norm(s, theta)
  names <- colnames(x)
  list(mean = stats::setNames(param$mu, names), cov = matrix(param$sigma, ncol(x), dimnames = list(names, names)),
       peer = peer_info("norm"))
}

# iec_survey: the items of the questionnaire
iec_columns <- grep("^(ttm|ic|qea|gad|rig|ctm|pia|cda)[0-9]$", names(iec_survey), value = TRUE)
fx <- c(list(dataset = "iec_survey", columns = iec_columns), lavaan_moments(iec_survey[iec_columns]))
saveRDS(fx, file.path(out_dir, "em_iec_survey_lavaan.rds"))

# corp_rep_data: the indicators of the corporate reputation model, -99 missing
corp_columns <- parse_model(corp_rep_syntax)$indicators
corp <- corp_rep_data[corp_columns]
corp[corp == -99] <- NA
fx <- c(list(dataset = "corp_rep_data", columns = corp_columns, na_value = -99), lavaan_moments(corp))
saveRDS(fx, file.path(out_dir, "em_corp_rep_lavaan.rds"))

# A small data set missing at random: two correlated factors with three
# indicators each; y1 is missing with probability plogis(2 x1 - 1) and y2
# with plogis(1.5 x2 - 1.5), both observed columns; x3 misses 5% at random.
set.seed(20190)
n <- 300
factors <- matrix(stats::rnorm(2 * n), n) %*% chol(matrix(c(1, 0.5, 0.5, 1), 2))
items <- cbind(factors[, 1] %o% c(0.8, 0.7, 0.6), factors[, 2] %o% c(0.8, 0.7, 0.6))
items <- items + matrix(stats::rnorm(6 * n), n) %*% diag(sqrt(1 - c(0.8, 0.7, 0.6, 0.8, 0.7, 0.6)^2))
colnames(items) <- c("x1", "x2", "x3", "y1", "y2", "y3")
mar <- items
mar[stats::runif(n) < stats::plogis(2 * items[, "x1"] - 1), "y1"] <- NA
mar[stats::runif(n) < stats::plogis(1.5 * items[, "x2"] - 1.5), "y2"] <- NA
mar[stats::runif(n) < 0.05, "x3"] <- NA
saveRDS(c(list(data = mar), lavaan_moments(mar)), file.path(out_dir, "em_mar_lavaan.rds"))
saveRDS(c(list(data = mar), norm_moments(mar)), file.path(out_dir, "em_mar_norm.rds"))
cat("wrote", list.files(out_dir, "^em_"), sep = "\n")
