# Models and data shared by the tests.

ecsi_syntax <- "
  Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
  Expectation  =~ CUEX1 + CUEX2 + CUEX3
  Quality      =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
  Value        =~ PERV1 + PERV2
  Satisfaction =~ CUSA1 + CUSA2 + CUSA3
  Complaints   =~ CUSCO
  Loyalty      =~ CUSL1 + CUSL2 + CUSL3
  Expectation  ~ Image
  Quality      ~ Expectation
  Value        ~ Expectation + Quality
  Satisfaction ~ Image + Expectation + Quality + Value
  Complaints   ~ Satisfaction
  Loyalty      ~ Image + Satisfaction + Complaints
"

# Three indicators per construct: small enough for few cases.
three_item_ecsi_syntax <- "
  Image        =~ IMAG1 + IMAG2 + IMAG3
  Satisfaction =~ CUSA1 + CUSA2 + CUSA3
  Loyalty      =~ CUSL1 + CUSL2 + CUSL3
  Satisfaction ~ Image
  Loyalty      ~ Image + Satisfaction
"

corp_rep_syntax <- "
  QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
  PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
  CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
  ATTR <~ attr_1 + attr_2 + attr_3
  COMP =~ comp_1 + comp_2 + comp_3
  LIKE =~ like_1 + like_2 + like_3
  CUSA =~ cusa
  CUSL =~ cusl_1 + cusl_2 + cusl_3
  COMP + LIKE ~ QUAL + PERF + CSOR + ATTR
  CUSA ~ COMP + LIKE
  CUSL ~ COMP + LIKE + CUSA
"

# corp_rep_syntax with REP, a higher-order construct of COMP and LIKE
# (reflective, or with op "<~" formative), in their place.
corp_rep_hoc_syntax <- function(op = "=~") paste0(corp_rep_syntax_first_order, "REP ", op, " COMP + LIKE
REP ~ QUAL + PERF + CSOR + ATTR
CUSA ~ REP
CUSL ~ CUSA + REP
")

# corp_rep_syntax's measurement model
corp_rep_syntax_first_order <- paste0(sub("\n *COMP \\+ LIKE ~.*$", "", corp_rep_syntax), "\n")

# mobi with PQ as a second-order construct over EXPE and QUAL
mobi_hoc_syntax <- "
IMAG =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
EXPE =~ CUEX1 + CUEX2 + CUEX3
QUAL =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
VAL =~ PERV1 + PERV2
SAT =~ CUSA1 + CUSA2 + CUSA3
LOY =~ CUSL1 + CUSL2 + CUSL3
PQ =~ EXPE + QUAL
PQ ~ IMAG
VAL ~ PQ
SAT ~ IMAG + PQ + VAL
LOY ~ SAT + IMAG
"

# corp_rep_data with -99 replaced by the column mean of the observed values.
corp_rep_mean_replaced <- function() {
  x <- corp_rep_data
  x[] <- lapply(x, function(col) {
    col <- as.double(col)
    col[col == -99] <- NA
    col[is.na(col)] <- mean(col, na.rm = TRUE)
    col
  })
  x
}

# The estimates that must agree between two fits.
expect_same_estimates <- function(fit, other, tolerance = 1e-10) {
  for (name in c("outer_weights", "outer_loadings", "cross_loadings", "path_coef", "r2", "construct_cor")) {
    expect_equal(fit[[name]], other[[name]], tolerance = tolerance, label = name)
  }
}

# Indicators of `k` constructs in a chain (construct j depends on j - 1),
# `per` indicators each with loading 0.75: a quick data set of any size.
chain_data <- function(n, k, per, seed = 1) {
  set.seed(seed)
  scores <- matrix(0, n, k)
  scores[, 1] <- stats::rnorm(n)
  for (j in seq_len(k)[-1]) scores[, j] <- 0.5 * scores[, j - 1] + sqrt(0.75) * stats::rnorm(n)
  x <- scores[, rep(seq_len(k), each = per)] * 0.75 + sqrt(1 - 0.75^2) * stats::rnorm(n * k * per)
  colnames(x) <- sprintf("x%d_%d", rep(seq_len(k), each = per), seq_len(per))
  x
}

chain_syntax <- function(k, per, composite = integer()) {
  measurement <- vapply(seq_len(k), function(j) {
    op <- if (j %in% composite) "<~" else "=~"
    paste0("C", j, " ", op, " ", paste(sprintf("x%d_%d", j, seq_len(per)), collapse = " + "))
  }, character(1))
  paste(c(measurement, sprintf("C%d ~ C%d", 2:k, 1:(k - 1))), collapse = "\n")
}

# Models with interaction terms (test-interactions.R)
corp_rep_moderation_syntax <- "
  COMP =~ comp_1 + comp_2 + comp_3
  LIKE =~ like_1 + like_2 + like_3
  CUSA =~ cusa
  SC   =~ switch_1 + switch_2 + switch_3 + switch_4
  CUSL =~ cusl_1 + cusl_2 + cusl_3
  CUSA ~ COMP + LIKE
  CUSL ~ COMP + LIKE + CUSA + SC + CUSA:SC
"

ecsi_moderation_syntax <- paste(ecsi_syntax, "
  Loyalty ~ Image:Satisfaction
  Value ~ Quality:Expectation + Quality:Quality
")
