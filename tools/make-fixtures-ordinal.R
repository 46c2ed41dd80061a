#!/usr/bin/env Rscript
# tools/make-fixtures-ordinal.R -- fixtures for the correlations of ordinal
# indicators (src/ordinal.c, R/ordinal.R) from polycor and mvtnorm:
#   tests/testthat/fixtures/ordinal_polycor.rds  polychor(ML = FALSE),
#     polyserial(ML = FALSE) of single pairs, hetcor(ML = FALSE) of two data
#     sets, with polycor's thresholds;
#   tests/testthat/fixtures/bvn_mvtnorm.rds  bivariate normal probabilities
#     from mvtnorm::pmvnorm().
# Run by hand from the package root (needs polycor, mvtnorm); not run in CI.
#
# Tight solutions. polychor(ML = FALSE) maximizes its likelihood over rho
# with optimise() at optimise's default tolerance (.Machine$double.eps^0.25,
# about 1e-4 in rho). Here polycor's own polychor() and hetcor() run with
# one change: optimise() gets tol = 1e-12 (the functions' environment is a
# child of polycor's namespace that holds that optimise(), and for hetcor()
# that polychor()). Brent's method then stops at its own floor, about 1e-8
# in rho: it compares likelihood values, whose differences vanish in
# rounding that close to the maximum. The script prints how far the tight
# values moved from polycor's defaults and how far they are from a second
# tight route, polychor(std.err = TRUE)'s BFGS with reltol = 1e-16 (and
# numerical derivatives with step ndeps = 1e-5).
# For single pairs it also stores `rho_root`: the root of the derivative of
# polycor's negative log-likelihood (its binBvn(), mvtnorm's probabilities,
# at polycor's thresholds), by Richardson extrapolation of central
# differences with steps 1e-3 and 5e-4, found by uniroot() to 1e-14; it is
# not limited by the flatness of the likelihood (its error: the O(h^4)
# truncation, and rounding of about 1e-16 |loglik| / h in the derivative).
#
# hetcor() is called with std.err = FALSE, so that its polyserial
# correlations are polyserial(ML = FALSE)'s two-step formula (with
# std.err = TRUE, hetcor maximizes the polyserial likelihood over rho
# instead), and pd = FALSE (no nearPD() smoothing, which ordinal_cor()
# does not do).
#
# Categories. polycor tabulates the values that occur; the data below give
# it factors of the observed values (factor()), and the tests give
# ordinal_cor() the same columns as ordered factors with every level of the
# scale, so that empty categories are unused levels. (polyserial() given a
# factor with an unused level would count that level's threshold twice.)
#
# Data:
#   iec: the 32 items of iec_survey (5 points), complete rows, all ordinal.
#   mobi_mixed: mobi items (1-10), some cut into 5 categories by
#     ceiling(x / 2) (1-2, 3-4, 5-6, 7-8, 9-10), which leaves CUSA1 and
#     PERQ5 with an empty first category and CUEX1, PERQ1 (first) and CUSA1,
#     IMAG1 (second) with a category of one respondent; two cut into two
#     categories at 8 (1-7, 8-10); the rest continuous (the 1-10 answers):
#     Pearson, polyserial and polychoric pairs.
#   pairs: single pairs of these columns, among them a 2 x 2 table, a 2 x 5
#     one, empty and single-respondent categories, and polyserial pairs.
suppressPackageStartupMessages({ library(polycor); library(mvtnorm) })
load("data/mobi.rda"); load("data/iec_survey.rda")
source("R/iec-items-data.R")

tight <- new.env(parent = asNamespace("polycor"))
tight$optimise <- function(f, interval, ...) stats::optimise(f, interval, ..., tol = 1e-12)
tight_polychor <- polycor::polychor
environment(tight_polychor) <- tight
tight$polychor <- tight_polychor
tight_hetcor <- utils::getS3method("hetcor", "data.frame", envir = asNamespace("polycor"))
environment(tight_hetcor) <- tight

# --- data ---------------------------------------------------------------------
cut5 <- function(x) as.integer(ceiling(x / 2))
cut2 <- function(x) as.integer(x >= 8) + 1L
iec <- stats::na.omit(iec_survey[iec_items$item])
iec <- as.data.frame(lapply(iec, as.integer))
rownames(iec) <- NULL
mobi_mixed <- data.frame(
  CUEX1 = cut5(mobi$CUEX1), CUEX2 = cut5(mobi$CUEX2), CUSA1 = cut5(mobi$CUSA1), CUSA2 = cut5(mobi$CUSA2),
  PERQ1 = cut5(mobi$PERQ1), PERQ5 = cut5(mobi$PERQ5), IMAG1 = cut5(mobi$IMAG1),
  CUSL1 = cut2(mobi$CUSL1), IMAG4 = cut2(mobi$IMAG4),
  IMAG2 = as.double(mobi$IMAG2), IMAG3 = as.double(mobi$IMAG3), PERV1 = as.double(mobi$PERV1),
  CUSL2 = as.double(mobi$CUSL2)
)
mobi_ordinal <- c(rep(TRUE, 9), rep(FALSE, 4))
mobi_levels <- c(rep(5L, 7), 2L, 2L, rep(NA, 4))  # the scale's categories of the ordinal columns
names(mobi_ordinal) <- names(mobi_levels) <- names(mobi_mixed)
iec_two <- data.frame(ttm1 = as.integer(iec$ttm1 >= 4) + 1L, ttm2 = as.integer(iec$ttm2 >= 4) + 1L,
                      ttm3 = iec$ttm3)

as_polycor <- function(data, ordinal) {
  data[ordinal] <- lapply(data[ordinal], factor)
  data
}

# --- single pairs -------------------------------------------------------------
# polycor's negative log-likelihood of a pair at its marginal thresholds
# (cells with no count left out), and the root of its difference quotient
# within 0.05 of the tight optimise() solution
root_of_score <- function(x, y, cuts, near) {
  tab <- table(x, y)
  f <- function(rho) -sum((tab * log(polycor:::binBvn(rho, cuts$row, cuts$col)))[tab > 0])
  quotient <- function(rho, h) (f(rho + h) - f(rho - h)) / (2 * h)
  score <- function(rho) (4 * quotient(rho, 5e-4) - quotient(rho, 1e-3)) / 3  # Richardson: error O(h^4)
  stats::uniroot(score, near + c(-0.05, 0.05), tol = 1e-14)$root
}
pair_specs <- list(
  empty_category = list(data = "mobi_mixed", x = "CUSA1", y = "CUSA2"),
  one_respondent = list(data = "mobi_mixed", x = "CUEX1", y = "IMAG1"),
  empty_and_one = list(data = "mobi_mixed", x = "PERQ5", y = "CUSA1"),
  two_by_two = list(data = "iec_two", x = "ttm1", y = "ttm2"),
  two_by_five = list(data = "iec_two", x = "ttm1", y = "ttm3"),
  two_by_five_sparse = list(data = "mobi_mixed", x = "CUSL1", y = "PERQ1"),
  iec_items = list(data = "iec", x = "qea4", y = "rig2"),
  polyserial_empty_and_one = list(data = "mobi_mixed", x = "IMAG2", y = "CUSA1"),
  polyserial_one_respondent = list(data = "mobi_mixed", x = "PERV1", y = "IMAG1"),
  polyserial_two = list(data = "mobi_mixed", x = "CUSL2", y = "IMAG4")
)
datasets <- list(iec = iec, iec_two = iec_two, mobi_mixed = mobi_mixed)
pairs <- lapply(pair_specs, function(spec) {
  data <- datasets[[spec$data]]
  x <- data[[spec$x]]
  y <- data[[spec$y]]
  if (is.double(x)) {
    rho <- polyserial(x, y, ML = FALSE)
    cuts <- polyserial(x, y, ML = FALSE, thresholds = TRUE)$cuts
    return(c(spec, list(type = "polyserial", rho = rho, y_thresholds = cuts)))
  }
  fit <- suppressWarnings(tight_polychor(x, y, ML = FALSE, thresholds = TRUE))
  default <- suppressWarnings(polychor(x, y, ML = FALSE))
  bfgs <- suppressWarnings(polychor(x, y, ML = FALSE, std.err = TRUE,
                                    control = list(reltol = 1e-16, ndeps = 1e-5, maxit = 1000)))$rho
  root <- root_of_score(x, y, list(row = fit$row.cuts, col = fit$col.cuts), fit$rho)
  cat(sprintf("%-26s tight %.10f  moved %.1e from default, %.1e from BFGS, %.1e from the score root\n",
              paste(spec$x, spec$y), fit$rho, fit$rho - default, fit$rho - bfgs, fit$rho - root))
  c(spec, list(type = "polychoric", rho = fit$rho, rho_root = root, x_thresholds = fit$row.cuts,
               y_thresholds = fit$col.cuts, table = unclass(table(x, y))))
})

# --- whole data sets ----------------------------------------------------------
thresholds_of <- function(data, ordinal) {
  lapply(data[ordinal], function(x) {
    other <- if (length(unique(x)) > 1) rev(x) else x
    as.vector(tight_polychor(x, other, ML = FALSE, thresholds = TRUE)$row.cuts)
  })
}
hetcor_fixture <- function(data, ordinal, levels = NULL) {
  time <- system.time(fit <- suppressWarnings(tight_hetcor(as_polycor(data, ordinal), ML = FALSE, std.err = FALSE,
                                                           pd = FALSE)))
  default <- suppressWarnings(hetcor(as_polycor(data, ordinal), ML = FALSE, std.err = FALSE, pd = FALSE))
  cat(sprintf("hetcor of %d columns: %.1f s; tight values moved up to %.1e from the defaults\n", ncol(data),
              time[["elapsed"]], max(abs(fit$correlations - default$correlations))))
  list(data = data, ordinal = ordinal, levels = levels, cor = fit$correlations, type = fit$type,
       thresholds = thresholds_of(data, ordinal))
}
hetcor_sets <- list(
  iec = hetcor_fixture(iec, stats::setNames(rep(TRUE, ncol(iec)), names(iec)),
                       stats::setNames(rep(5L, ncol(iec)), names(iec))),
  mobi_mixed = hetcor_fixture(mobi_mixed, mobi_ordinal, mobi_levels)
)

saveRDS(list(pairs = pairs, hetcor = hetcor_sets, data = datasets,
             rules = c(cut5 = "ceiling(x / 2)", cut2 = "as.integer(x >= 8) + 1L", two = "as.integer(x >= 4) + 1L"),
             peer = list(package = "polycor", version = as.character(utils::packageVersion("polycor")),
                         mvtnorm = as.character(utils::packageVersion("mvtnorm")))),
        "tests/testthat/fixtures/ordinal_polycor.rds", version = 2)

# --- bivariate normal probabilities -------------------------------------------
# P(X <= h, Y <= k) on a grid around the algorithm's switch points (|r| =
# 0.3, 0.75, 0.925), from mvtnorm's pmvnorm().
grid <- expand.grid(h = c(-4, -2.1, -0.5, 0, 0.35, 1.7, 3.2), k = c(-3.3, -1, -0.2, 0.8, 2.6),
                    r = c(-0.9999, -0.99, -0.95, -0.925, -0.9, -0.75, -0.5, -0.3, -0.1, 0, 0.1, 0.29, 0.3, 0.6,
                          0.75, 0.8, 0.92, 0.925, 0.97, 0.999, 0.99999))
grid$p <- mapply(function(h, k, r) {
  as.vector(mvtnorm::pmvnorm(upper = c(h, k), corr = matrix(c(1, r, r, 1), 2)))
}, grid$h, grid$k, grid$r)
saveRDS(list(grid = grid, peer = list(package = "mvtnorm", version = as.character(utils::packageVersion("mvtnorm")))),
        "tests/testthat/fixtures/bvn_mvtnorm.rds", version = 2)
