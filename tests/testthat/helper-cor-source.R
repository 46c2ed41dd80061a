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
