# Shared by test-cor-source.R: data sets for the correlation sources.

# mobi's indicators of small_ecsi_syntax cut into 5 ordered categories
# (ordered factors), the other columns as they are.
mobi_ordinal <- function(columns = NULL) {
  data <- mobi
  columns <- columns %||% c("IMAG1", "IMAG2", "IMAG3", "IMAG4", "IMAG5", "CUSA1", "CUSA2", "CUSA3",
                            "CUSL1", "CUSL2", "CUSL3")
  for (j in columns) data[[j]] <- cut(data[[j]], c(-Inf, 4, 6, 8, 9, Inf), ordered_result = TRUE)
  data
}

# mobi with answers missing at random in three indicators (fixed seed).
mobi_incomplete <- function() {
  data <- mobi
  set.seed(1)
  data$CUSA1[sample(nrow(data), 30)] <- NA
  data$IMAG1[sample(nrow(data), 20)] <- NA
  data$CUSL2[sample(nrow(data), 10)] <- NA
  data
}

# The estimates a resampling loop collects, from a refit: paths, weights,
# loadings and R^2, named as in pls_boot()'s draws.
boot_row_of <- function(refit, draws) {
  c(unname(coef(refit)), unname(coef(refit, "weights")), unname(coef(refit, "loadings")), unname(refit$r2))
}
draw_row_of <- function(draws, b, refit) {
  d <- draws[b, ]
  c(unname(d[paste("path:", names(coef(refit)))]), unname(d[grep("^weight", names(d))]),
    unname(d[grep("^loading", names(d))]), unname(d[grep("^r2", names(d))]))
}

# The data sets of tools/make-fixtures-cor-source.R (a fixture's `data`
# names one of these expressions).
iec_complete <- function() {
  items <- c(paste0("ttm", 1:5), paste0("ic", 1:4), paste0("qea", 1:4), paste0("gad", 1:4),
             paste0("rig", 1:5), paste0("ctm", 1:4))
  x <- iec_survey[stats::complete.cases(iec_survey[items]), items]
  x[] <- lapply(x, function(col) factor(col, levels = 1:5, ordered = TRUE))
  x
}
corp_rep_complete <- function() {
  x <- corp_rep_data
  x[x == -99] <- NA
  x[stats::complete.cases(x), ]
}
cor_source_fixture_data <- function(expression) {
  switch(expression,
         "mobi_ordinal()" = mobi_ordinal(),
         mixed = mobi_ordinal(c("IMAG1", "IMAG2", "CUSA1", "CUSA2", "CUSL1")),
         iec_complete = iec_complete(),
         mobi = mobi,
         corp_rep_complete = corp_rep_complete())
}
