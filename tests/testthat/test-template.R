render_template <- function(dir, params, name, envir = new.env()) {
  file <- file.path(dir, "report.Rmd")
  if (!file.exists(file)) {
    file <- rmarkdown::draft(file, template = "pls-report", package = "iecpls", edit = FALSE)
  }
  out <- rmarkdown::render(file, params = params, output_file = name, output_dir = dir, quiet = TRUE, envir = envir)
  paste(readLines(out, warn = FALSE), collapse = "\n")
}

# The cells of the first table after a section heading (by its id).
table_after <- function(html, id) {
  section <- sub(paste0('.*id="', id, '"'), "", html)
  table <- regmatches(section, regexpr("<table.*?</table>", section))
  header <- regmatches(table, gregexpr("<th( [^>]*)?>.*?</th>", table))[[1]]
  gsub("<[^>]+>|^\\s+|\\s+$", "", header)
}

test_that("the PLS-SEM report template renders the simulated study and the user's own CSV file", {
  skip_if_not_installed("rmarkdown")
  skip_if(!rmarkdown::pandoc_available(), "pandoc is not available")
  dir <- tempfile("report")
  dir.create(dir)
  on.exit(unlink(dir, recursive = TRUE), add = TRUE)
  html <- render_template(dir, list(R = 100, cores = 1, group = "role"), "study.html")
  expect_match(html, "SIMULATED")
  expect_match(html, "Discriminant validity")
  expect_match(html, "100 bootstrap")
  expect_match(html, "Importance-performance map")
  expect_match(html, "multigroup analysis")
  # #20: selection criteria and q² effect sizes; no formative constructs, so
  # no weights table and no redundancy analysis
  expect_equal(table_after(html, "model-selection-criteria"), c("construct", "n", "k", "AIC", "BIC", "GM"))
  expect_match(html, "Blindfolding: Q² and q² effect sizes", fixed = TRUE)
  expect_false(grepl("redundancy analysis", html, fixed = TRUE))
  expect_false(grepl("significance of the weights", html, fixed = TRUE))
  # #20: the copula test of the target's equation (PIA ~ CTM)
  expect_equal(table_after(html, "endogeneity-gaussian-copulas"),
               c("predictor", "copula term", "p", "non-normality (CvM p)"))
  expect_match(html, "signals an endogenous predictor\\s+of PIA")
  # #21: NCA of the target's predictors, FIMIX-PLS criteria
  expect_equal(table_after(html, "necessary-conditions-nca"), c("condition", "d (CE-FDH)", "size", "p", "d (CR-FDH)"))
  expect_match(html, "is\\s+necessary\\s+for\\s+PIA\\s+when\\s+its\\s+effect\\s+size\\s+d\\s+is\\s+at\\s+least\\s+0\\.1")
  expect_equal(table_after(html, "unobserved-heterogeneity-fimix-pls"),
               c("segments", "lnL", "AIC3", "AIC4", "BIC", "CAIC", "EN"))
  expect_match(html, "AIC3\\s+chooses\\s+[0-9]\\s+and\\s+CAIC\\s+[0-9]\\s+segment")
  # the user's own data and model through the parameters
  csv <- file.path(dir, "mobi.csv")
  utils::write.csv(mobi, csv, row.names = FALSE)
  own_html <- render_template(dir, list(data = csv, R = 50, model = paste(
    "Image =~ IMAG1 + IMAG2 + IMAG3", "Loyalty =~ CUSL1 + CUSL2 + CUSL3", "Loyalty ~ Image", sep = "\n")),
    "own.html")
  expect_false(grepl("SIMULATED", own_html))
  expect_false(grepl("multigroup analysis", own_html))
  expect_match(own_html, "250 respondents")
  expect_match(own_html, "answers rescaled from 1-10 to 0-100", fixed = TRUE) # the scale from the data
})

test_that("the report on corp_rep_data honours na_values, adjusts MGA p values by family and has the sections a paper needs", {
  skip_on_cran() # three bootstrap and permutation runs: slow for CRAN
  skip_if_not_installed("rmarkdown")
  skip_if(!rmarkdown::pandoc_available(), "pandoc is not available")
  dir <- tempfile("report")
  dir.create(dir)
  on.exit(unlink(dir, recursive = TRUE), add = TRUE)
  env <- new.env()
  html <- render_template(dir, list(data = corp_rep_data, model = corp_rep_syntax, na_values = "-99",
                                    R = 100, group = "servicetype"), "corp.html", env)
  # screening: the codes are missing answers, not -99
  descriptives <- env$descriptives
  expect_equal(descriptives$min[descriptives$indicator == "cusl_1"], 1)
  expect_equal(descriptives$missing[descriptives$indicator == "cusl_2"], 4)
  expect_match(html, "11 answers")
  expect_equal(table_after(html, "data")[1:3], c("Item", "n", "Missing"))
  # MGA: Holm within each family (method and kind of parameter)
  tests <- env$tests
  for (family in split(tests, paste(tests$method, tests$type))) {
    expect_equal(family$p_holm, stats::p.adjust(family$p.value, "holm"))
  }
  expect_true(all(tests$p_holm <= stats::p.adjust(tests$p.value, "holm"), na.rm = TRUE))
  expect_true(any(tests$p_holm < stats::p.adjust(tests$p.value, "holm"), na.rm = TRUE))
  expect_match(html, "within each family of tests")
  # a compact effects table, the formative weights, the HTMT map and CVPAT
  expect_equal(table_after(html, "indirect-and-total-effects"),
               c("effect", "direct", "indirect", "indirect 95% CI", "total", "total 95% CI", "total p"))
  expect_equal(table_after(html, "formative-constructs-collinearity-and-significance-of-the-weights")[1:4],
               c("construct", "item", "VIF", "weight"))
  # #20: the formative weights table of summary(), its decision; the
  # redundancy analysis on the data's <construct>_global items; the
  # selection criteria and q² of the fit
  expect_equal(table_after(html, "formative-constructs-collinearity-and-significance-of-the-weights")[9], "decision")
  expect_identical(env$weights, env$report$formative_weights)
  expect_equal(env$global, c(QUAL = "qual_global", PERF = "perf_global", CSOR = "csor_global", ATTR = "attr_global"))
  expect_equal(table_after(html, "formative-constructs-convergent-validity-redundancy-analysis"),
               c("construct", "global item", "path", "R²", "path &gt;= 0.70"))
  expect_equal(env$redundancy, tidy(pls_redundancy(env$fit, global = env$global, data = corp_rep_data)))
  expect_equal(env$selection, selection_criteria(env$fit))
  expect_equal(env$omission, 7L)
  expect_equal(env$q2, pls_q2_effect(env$fit))
  # #21: NCA of CUSL's predictors and FIMIX-PLS, as the functions give them
  expect_equal(env$necessity, tidy(pls_nca(env$fit, "CUSL", R = 100, scale_min = 1, scale_max = 7, seed = 2026)))
  expect_equal(env$criteria, pls_fimix(env$fit, segments = 1:4, starts = 10, seed = 2026)$criteria)
  expect_match(html, 'alt="Heat map of the HTMT ratios."', fixed = TRUE)
  expect_match(html, "CVPAT")
  # the final outcome is the IPMA target, on the data's 1-7 scale
  expect_equal(env$target, "CUSL")
  expect_equal(c(env$scale_min, env$scale_max), c(1, 7))
})
