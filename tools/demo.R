# make demo: fit the ECSI model on the bundled mobi data and print it.
# (The industry-education integration study replaces this once its data and
# model land; see the issue tracker.)
library(iecpls)
ecsi <- "
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
model <- parse_model(ecsi)
print(model)
cat("\n")
fit <- pls(model, data = mobi)
print(fit)
cat("\nOuter loadings:\n")
print(round(coef(fit, "loadings"), 3))
