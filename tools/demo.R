# make demo: the industry-education integration community study on the
# bundled survey. The survey is SIMULATED (the original responses are not
# public): see ?iec_survey. Sections for methods still in progress
# (prediction, IPMA, multigroup analysis, plots) are added as they land.
library(iecpls)

section <- function(title) cat("\n== ", title, " ", strrep("=", max(0, 70 - nchar(title))), "\n\n", sep = "")

# Lines wrapped to the console, as the package's print methods are.
say <- function(...) writeLines(strwrap(paste0(...), width = getOption("width") + 1))

say("Industry-education integration communities and the training of ",
    "professional-degree graduate students")
say("NOTE: iec_survey is SIMULATED data from a documented population model ",
    "(?iec_survey, ?iec_population), not real survey responses.")
cat("\n")
say(nrow(iec_survey), " respondents: ",
    paste(names(table(iec_survey$role)), table(iec_survey$role), sep = " ", collapse = ", "))

section("Model")
model <- parse_model(iec_model("extended"))
print(model)

section("Fit (missing answers replaced by item means), 5,000 bootstrap resamples")
set.seed(2026)
started <- proc.time()[["elapsed"]]
fit <- pls(model, data = iec_survey, missing = "mean", R = 5000, cores = 2)
cat(sprintf("(fit and bootstrap took %.2f seconds)\n\n", proc.time()[["elapsed"]] - started))
print(fit)

section("Assessment report")
print(summary(fit))

section("Minimum sample size (Kock and Hadaya 2018)")
weakest <- min(abs(coef(fit)))
cat("Weakest estimated path:", names(which.min(abs(coef(fit)))), "=", round(weakest, 3), "\n")
print(pls_sample_size(c(weakest, 0.197)), row.names = FALSE)

section("HTML report")
if (requireNamespace("rmarkdown", quietly = TRUE) && rmarkdown::pandoc_available()) {
  dir.create("demo-report", showWarnings = FALSE)
  unlink(file.path("demo-report", "iec-study-report.Rmd"))
  draft <- rmarkdown::draft(file.path("demo-report", "iec-study-report.Rmd"), template = "pls-report",
                            package = "iecpls", edit = FALSE)
  out <- rmarkdown::render(draft, params = list(R = 5000, cores = 2), quiet = TRUE, envir = new.env())
  # relative to the checkout, so the line stays within 80 columns
  cat("HTML report written:", file.path("demo-report", basename(out)), "\n")
} else {
  cat("pandoc is not available, so the HTML report was skipped (the console report is above).\n",
      "Install pandoc as the message before the study says, then run make demo again.\n", sep = "")
}
