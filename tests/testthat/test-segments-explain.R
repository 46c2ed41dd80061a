# pls_explain_segments() (issue #21): tests of association between segments
# and variables outside the model, checked against plain R.

# A pls_segments object as FIMIX-PLS and PLS-POS make them: one segment (or
# NA) per row of the fit's scores.
mock_segments <- function(fit, segment) {
  structure(list(segment = segment, fit = fit), class = c("pls_mock", "pls_segments"))
}

study_fit <- function(missing = "mean") {
  suppressMessages(pls(iec_model(), iec_survey, missing = missing))
}

graduates <- function() ifelse(iec_survey$role == "graduate student", 1L, 2L)

test_that("chi-square and Cramer's V are those of chisq.test() and the formula", {
  set.seed(3)
  n <- 300
  segment <- sample(1:3, n, replace = TRUE)
  data <- data.frame(colour = sample(c("red", "green", "blue", "grey"), n, replace = TRUE,
                                     prob = c(0.4, 0.3, 0.2, 0.1)),
                     flag = sample(c(TRUE, FALSE), n, replace = TRUE), stringsAsFactors = FALSE)
  data$colour[segment == 1 & runif(n) < 0.5] <- "red"
  result <- pls_explain_segments(segment, data)
  for (name in c("colour", "flag")) {
    counts <- table(segment, data[[name]])
    test <- suppressWarnings(stats::chisq.test(counts, correct = FALSE))
    v <- sqrt(unname(test$statistic) / (sum(counts) * (min(dim(counts)) - 1)))
    row <- result$tests[result$tests$variable == name, ]
    expect_equal(row$statistic, unname(test$statistic), tolerance = 1e-12)
    expect_equal(row$df, unname(test$parameter), tolerance = 1e-12)
    expect_equal(row$p.value, test$p.value, tolerance = 1e-12)
    expect_equal(row$effect, v, tolerance = 1e-12)
    expect_identical(row$test, "chi-square")
    expect_equal(result$tables[[name]]$counts, unclass(counts), ignore_attr = TRUE)
    expect_equal(unname(rowSums(result$tables[[name]]$percent)), rep(100, 3), tolerance = 1e-12)
  }
  # Cohen's benchmarks for w = V sqrt(min(r, c) - 1)
  expect_identical(iecpls:::cramer_size(c(0.05, 0.1, 0.29, 0.3, 0.5), 1),
                   c("negligible", "small", "small", "medium", "large"))
  expect_identical(iecpls:::cramer_size(0.3 / sqrt(2), 2), "medium")
})

test_that("sparse tables get a seeded Monte Carlo p value", {
  set.seed(4)
  segment <- rep(1:2, each = 20)
  data <- data.frame(rare = factor(sample(c("a", "b", "c"), 40, replace = TRUE, prob = c(0.8, 0.1, 0.1))))
  one <- pls_explain_segments(segment, data, R = 500, seed = 9)
  two <- pls_explain_segments(segment, data, R = 500, seed = 9)
  expect_identical(one$tests$test, "chi-square (Monte Carlo)")
  expect_identical(one$tests$p.value, two$tests$p.value)
  expect_lt(one$tables$rare$expected_min, 5)
  set.seed(9)
  reference <- stats::chisq.test(table(segment, data$rare), simulate.p.value = TRUE, B = 500)
  expect_equal(one$tests$p.value, reference$p.value)
  expect_equal(one$tests$statistic, unname(reference$statistic), tolerance = 1e-12)
})

test_that("numeric variables: segment means, ANOVA and eta^2 as plain R computes them", {
  set.seed(5)
  segment <- rep(1:3, times = c(30, 40, 50))
  data <- data.frame(age = rnorm(120, 30 + 3 * segment, 5))
  data$age[c(2, 50)] <- NA
  result <- pls_explain_segments(segment, data, variables = "age")
  keep <- !is.na(data$age)
  y <- data$age[keep]
  g <- factor(segment[keep])
  model <- stats::anova(stats::lm(y ~ g))
  row <- result$tests
  expect_equal(row$statistic, model$`F value`[1], tolerance = 1e-10)
  expect_equal(c(row$df, row$df2), model$Df, tolerance = 1e-12)
  expect_equal(row$p.value, model$`Pr(>F)`[1], tolerance = 1e-10)
  expect_equal(row$effect, model$`Sum Sq`[1] / sum(model$`Sum Sq`), tolerance = 1e-12)
  expect_identical(c(row$n, row$missing), c(118L, 2L))
  expect_equal(result$tables$age$mean, as.vector(tapply(y, g, mean)), tolerance = 1e-12)
  expect_equal(result$tables$age$sd, as.vector(tapply(y, g, stats::sd)), tolerance = 1e-12)
  expect_identical(iecpls:::eta2_size(c(0.005, 0.01, 0.06, 0.14)), c("negligible", "small", "medium", "large"))
})

test_that("segments built from role are explained by role, random ones by nothing", {
  fit <- study_fit()
  explained <- pls_explain_segments(mock_segments(fit, graduates()), iec_survey)
  # default: the categorical columns that are not indicators
  expect_identical(explained$tests$variable, c("role", "degree_field", "university_type", "region"))
  role <- explained$tests[explained$tests$variable == "role", ]
  expect_gt(role$effect, 0.9)
  expect_lt(role$p.value, 1e-50)
  expect_identical(role$size, "large")
  expect_identical(explained$tables$role$counts["1", "graduate student"], sum(iec_survey$role == "graduate student"))
  set.seed(21)
  random <- pls_explain_segments(mock_segments(fit, sample(1:3, nrow(iec_survey), replace = TRUE)), iec_survey)
  expect_true(all(random$tests$effect < 0.15))
  expect_lt(random$tests$effect[random$tests$variable == "role"], 0.15)
})

test_that("rows dropped by casewise deletion have no segment, and the others keep theirs", {
  fit <- study_fit("casewise")
  expect_false(all(fit$rows_used))
  used <- which(fit$rows_used)
  # segments from the roles of the rows used: a misalignment would mix roles
  segment <- ifelse(iec_survey$role[used] == "graduate student", 1L, 2L)
  segment[1:3] <- NA
  result <- pls_explain_segments(mock_segments(fit, segment), iec_survey, variables = "role")
  expect_identical(result$nobs, length(used) - 3L)
  expect_identical(result$unassigned, 3L)
  expect_identical(result$not_fitted, sum(!fit$rows_used))
  counts <- result$tables$role$counts
  expect_identical(unname(counts["1", "graduate student"]), sum(segment == 1L, na.rm = TRUE))
  expect_identical(sum(counts["2", "graduate student"]), 0L)
  expect_identical(sum(counts["1", ]), sum(segment == 1L, na.rm = TRUE))
  expect_equal(result$tests$effect, 1, tolerance = 1e-12)
})

test_that("errors by class", {
  fit <- study_fit()
  segments <- mock_segments(fit, graduates())
  err <- expect_error(pls_explain_segments(segments, iec_survey[-1, ]), class = "iecpls_segment_rows_error")
  expect_s3_class(err, "iecpls_data_error")
  expect_match(conditionMessage(err), "500")
  expect_match(conditionMessage(err), "499")
  err <- expect_error(pls_explain_segments(graduates()[-1], iec_survey), class = "iecpls_segment_rows_error")
  expect_match(conditionMessage(err), "499.*500")
  err <- expect_error(pls_explain_segments(segments, iec_survey, variables = c("role", "gender")),
                      class = "iecpls_unknown_column")
  expect_match(conditionMessage(err), "gender")
  one <- data.frame(kind = factor(rep("a", 500), levels = c("a", "b")))
  expect_error(pls_explain_segments(graduates(), one, variables = "kind"),
               class = "iecpls_segment_variable_error")
  # by default such a column is left out, with a message
  two <- data.frame(one, code = as.character(1:500), role = iec_survey$role)
  expect_message(result <- pls_explain_segments(graduates(), two), "kind.*code")
  expect_identical(result$tests$variable, "role")
  expect_error(pls_explain_segments(graduates(), data.frame(day = Sys.Date() + 1:500), variables = "day"),
               class = "iecpls_segment_variable_error")
  expect_error(pls_explain_segments(fit, iec_survey), class = "iecpls_segments_error")
  expect_error(pls_explain_segments(list(1, 2), iec_survey), class = "iecpls_segments_error")
  expect_error(pls_explain_segments(rep(1L, 500), iec_survey), class = "iecpls_segments_error")
  expect_error(pls_explain_segments(mock_segments(fit, graduates() + 0.5), iec_survey),
               class = "iecpls_segments_error")
  expect_error(pls_explain_segments(graduates(), iec_survey, R = 0), class = "iecpls_input_error")
  expect_error(pls_explain_segments(graduates(), as.matrix(iec_survey)), class = "iecpls_input_error")
  expect_error(pls_explain_segments(graduates(), iec_survey["id"]), class = "iecpls_input_error")
})

test_that("print fits 80 columns; tidy(), as.data.frame() and glance() agree", {
  set.seed(6)
  result <- pls_explain_segments(mock_segments(study_fit(), sample(1:4, 500, replace = TRUE)), iec_survey,
                                 variables = c("role", "degree_field", "pia1"), seed = 1)
  lines <- expect_fits_width(result, 80, label = "pls_segment_explain")
  expect_true(any(grepl("^role: count", lines)))
  expect_true(any(grepl("^pia1: mean and SD", lines)))
  expect_identical(tidy(result), result$tests)
  expect_identical(as.data.frame(result, what = "profiles"), tidy(result, "profiles"))
  profiles <- tidy(result, "profiles")
  expect_equal(nrow(profiles), 4 * 4 + 4 * 5 + 4)
  expect_equal(sum(profiles$n[profiles$variable == "role"]), result$tests$n[1])
  row <- glance(result)
  expect_identical(row$segments, 4L)
  expect_identical(row$variables, 3L)
  expect_equal(row$max_effect, max(result$tests$effect))
})
