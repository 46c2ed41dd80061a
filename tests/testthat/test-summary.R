test_that("summary() is a list of plain data frames with the documented tables", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  report <- summary(fit)
  expect_s3_class(report, "summary.pls_fit")
  expect_named(report, c("model", "loadings", "reliability", "outer_vif", "htmt", "fornell_larcker",
                         "cross_loadings", "inner_vif", "r2", "selection", "f2", "paths", "effects", "indirect_effects", "fit"))
  for (name in names(report)) {
    table <- report[[name]]
    expect_true(is.data.frame(table), label = name)
    expect_false(any(vapply(table, is.list, logical(1))), label = name)
    expect_identical(rownames(table), as.character(seq_len(nrow(table))), label = name)
  }
  expect_equal(report$reliability[names(pls_reliability(fit))], pls_reliability(fit))
  expect_equal(report$r2[names(pls_r2(fit))], pls_r2(fit))
  expect_equal(report$f2$f2, pls_f2(fit)$f2)
  expect_equal(report$selection, selection_criteria(fit), ignore_attr = TRUE)
  expect_equal(report$effects, pls_effects(fit)$table)
  expect_equal(report$fit[names(pls_model_fit(fit))], pls_model_fit(fit))
  expect_equal(report$outer_vif$indicator, unlist(fit$model$blocks[c("QUAL", "PERF", "CSOR", "ATTR")], use.names = FALSE))
  expect_equal(nrow(report$htmt), choose(4, 2))
  expect_equal(report$model$nobs, 344)
})

test_that("a construct built to fail AVE is marked and sound constructs are not", {
  data <- simulated_weak_ave()
  report <- summary(pls(weak_ave_syntax, data = data))
  reliability <- report$reliability
  weak <- reliability$construct == "Weak"
  expect_lt(reliability$ave[weak], 0.5)
  expect_match(reliability$flag[weak], "AVE < 0.50")
  expect_true(all(reliability$ave[!weak] >= 0.5))
  expect_false(any(grepl("AVE", reliability$flag[!weak])))
  expect_true(all(grepl("loading < 0.708", report$loadings$flag[report$loadings$construct == "Weak"])))
  expect_true(all(report$loadings$flag[report$loadings$construct != "Weak"] == ""))
  expect_output(print(report), "Weak +4 +0\\.[0-4][0-9]+ ! AVE < 0\\.50")

  sound <- summary(pls("Strong =~ x1 + x2 + x3; Middle =~ y1 + y2 + y3; Middle ~ Strong", data = data))
  expect_true(all(sound$reliability$flag == ""))
  expect_true(all(sound$loadings$flag == ""))
  expect_output(print(sound), "Every criterion is met")
})

test_that("reliability flags cover both ends of the 0.70 to 0.95 range and skip single items", {
  table <- data.frame(construct = c("a", "b", "c", "d"), items = c(3, 3, 3, 1),
                      alpha = c(0.65, 0.80, 0.97, 1), rho_a = c(0.72, 0.80, 0.96, 1),
                      rho_c = c(0.80, 0.90, 0.98, 1), ave = c(0.45, 0.6, 0.9, 1))
  expect_equal(flag_internal_consistency(table),
               c("alpha < 0.70", "", "alpha > 0.95; rho_A > 0.95; rho_C > 0.95", ""))
  expect_equal(flag_ave(table), c("AVE < 0.50", "", "", ""))
  fit <- fit_tight("mobi")
  report <- summary(fit)
  expect_equal(report$reliability$flag[report$reliability$construct == "Complaints"], "")
  expect_equal(report$reliability$flag[report$reliability$construct == "Expectation"],
               "alpha < 0.70; rho_A < 0.70; AVE < 0.50")
  expect_equal(report$loadings$flag[report$loadings$indicator == "CUSL2"], "loading < 0.708")
})

test_that("HTMT is flagged at the chosen threshold", {
  fit <- fit_tight("mobi")
  pair <- function(report) report$htmt[report$htmt$construct_1 == "Image" & report$htmt$construct_2 == "Loyalty", ]
  default <- pair(summary(fit))
  expect_equal(round(default$htmt, 3), 0.867)
  expect_equal(default$flag, "HTMT >= 0.85")
  expect_equal(pair(summary(fit, htmt_threshold = 0.90))$flag, "")
  expect_output(print(summary(fit, htmt_threshold = 0.9)), "HTMT < 0.90")
  # the HTMT2 column is NA (without a warning) where correlations differ in sign
  expect_silent(report <- summary(fit))
  expect_equal(sum(is.na(report$htmt$htmt2)), 1)
  expect_output(print(report), "HTMT2 is NA")
  absolute <- summary(fit, htmt_absolute = TRUE)$htmt
  expect_equal(absolute$htmt, pair_table(rownames(pls_htmt(fit)), h = pls_htmt(fit, htmt_absolute = TRUE))$h)
})

test_that("Fornell-Larcker and cross-loading flags", {
  report <- summary(fit_tight("mobi"))
  fl <- report$fornell_larcker
  failing <- fl$flag != ""
  expect_equal(failing, abs(fl$correlation) >= pmin(fl$sqrt_ave_1, fl$sqrt_ave_2))
  expect_equal(paste(fl$construct_1, fl$construct_2)[failing],
               c("Image Quality", "Image Satisfaction", "Quality Satisfaction"))
  expect_true(all(report$cross_loadings$flag == ""))
  data <- mobi
  data$IMAG6 <- data$CUSL3
  misplaced <- summary(pls(sub("IMAG5", "IMAG5 + IMAG6", ecsi_syntax), data = data))
  expect_equal(misplaced$cross_loadings$flag[misplaced$cross_loadings$indicator == "IMAG6"], "higher on Loyalty")
  expect_output(print(misplaced), "IMAG6 +Image +! higher on Loyalty")
})

test_that("VIF, R^2 and f^2 are classified by their thresholds", {
  expect_equal(flag_vif(data.frame(vif = c(1.2, 3, 4.99, 5, Inf))), c("", "VIF >= 3", "VIF >= 3", "VIF >= 5", "VIF >= 5"))
  report <- summary(fit_tight("corp_rep"))
  expect_equal(report$inner_vif$flag[report$inner_vif$predictor == "QUAL"], rep("VIF >= 3", 2))
  expect_true(all(report$outer_vif$flag == ""))
  expect_equal(report$r2$level, c("moderate", "moderate", "weak", "moderate"))
  expect_equal(report$f2$size[report$f2$from == "CUSA"], "large")
  mobi_report <- summary(fit_tight("mobi"))
  levels <- stats::setNames(mobi_report$r2$level, mobi_report$r2$construct)
  expect_equal(unname(levels[c("Satisfaction", "Loyalty")]), c("moderate", "weak"))
  f2 <- mobi_report$f2
  expect_equal(f2$size[f2$from == "Expectation" & f2$to == "Value"], "none")
  expect_equal(f2$size[f2$from == "Image" & f2$to == "Expectation"], "medium")
  expect_equal(summary(fit_tight("mobi"), f2_method = "refit")$f2$f2, pls_f2(fit_tight("mobi"), "refit")$f2)
})

test_that("the model fit table flags an SRMR above 0.08", {
  report <- summary(fit_tight("mobi"))
  expect_equal(report$fit$flag, c("SRMR > 0.08", "", ""))
  expect_equal(summary(fit_tight("corp_rep"))$fit$flag, c("", "", ""))
  composite <- summary(fit_tight("mobi"), implied = "composite")$fit
  expect_equal(composite$estimated, pls_model_fit(fit_tight("mobi"), "composite")$estimated)
})

test_that("summary arguments are checked", {
  fit <- fit_tight("mobi")
  expect_error(summary(fit, htmt_threshold = -1), "htmt_threshold")
  expect_error(summary(fit, f2_method = "other"), "`f2_method` must be one of", class = "iecpls_input_error")
  expect_error(summary(fit, htmt_absolute = NA), "htmt_absolute")
})

test_that("knitr::kable() renders every summary table", {
  report <- summary(fit_tight("corp_rep"))
  for (name in names(report)) {
    table <- knitr::kable(report[[name]], format = "pipe", digits = 3)
    expect_gt(length(table), 2)
    expect_false(any(grepl("list\\(|c\\(", table)), label = name)
  }
  lines <- knitr::kable(report$reliability, format = "pipe", digits = 3)
  expect_match(lines[1], "construct.*alpha.*rho_a.*rho_c.*ave.*flag")
  expect_match(lines[3], "^\\|COMP +\\|A +\\| +3\\| 0\\.776\\|")
})

test_that("an R Markdown chunk renders the reliability table with knitr::kable()", {
  skip_if_not_installed("rmarkdown")
  skip_if(!rmarkdown::pandoc_available())
  dir <- tempfile("iecpls-rmd-")
  dir.create(dir)
  on.exit(unlink(dir, recursive = TRUE), add = TRUE)
  source_file <- file.path(dir, "report.Rmd")
  writeLines(c(
    "---", "title: Reliability", "---", "",
    "```{r reliability, echo = FALSE}",
    "knitr::kable(summary(fit)$reliability, digits = 3)",
    "```"
  ), source_file)
  env <- new.env()
  env$fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  output <- rmarkdown::render(source_file, output_format = rmarkdown::md_document(variant = "gfm"),
                              output_dir = dir, intermediates_dir = dir, envir = env, quiet = TRUE)
  markdown <- readLines(output)
  expect_true(any(grepl("^\\| *construct *\\| *mode *\\| *items *\\| *alpha", markdown)))
  expect_true(any(grepl("^\\| *CUSL *\\| *A *\\| *3 *\\| *0\\.831", markdown)))
  expect_false(any(grepl("Error", markdown)))
})
