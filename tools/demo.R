# make demo: the industry-education integration community study on the
# bundled survey. The survey is SIMULATED (the original responses are not
# public): see ?iec_survey. Report sections that need later issues
# (assessment statistics, bootstrap, plots) will be added here as they land.
library(iecpls)

section <- function(title) cat("\n== ", title, " ", strrep("=", max(0, 70 - nchar(title))), "\n\n", sep = "")

cat("Industry-education integration communities and the training of",
    "professional-degree graduate students\n")
cat("NOTE: iec_survey is SIMULATED data from a documented population model",
    "(?iec_survey, ?iec_population),\nnot real survey responses.\n")
cat("\n", nrow(iec_survey), " respondents: ",
    paste(names(table(iec_survey$role)), table(iec_survey$role), sep = " ", collapse = ", "),
    "\n", sep = "")

section("Model")
model <- parse_model(iec_model("extended"))
print(model)

section("Fit (missing answers replaced by item means)")
fit <- pls(model, data = iec_survey, missing = "mean")
print(fit)

section("Outer loadings")
loadings <- coef(fit, "loadings")
print(data.frame(loading = round(loadings, 3), flag = ifelse(loadings < 0.708, "< 0.708", "")))

section("Minimum sample size (Kock and Hadaya 2018)")
weakest <- min(abs(coef(fit)))
cat("Weakest estimated path:", names(which.min(abs(coef(fit)))), "=", round(weakest, 3), "\n")
print(pls_sample_size(c(weakest, 0.197)), row.names = FALSE)
