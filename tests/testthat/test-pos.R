# PLS-POS (#21): pls_pos().

test_that("the objective never decreases over the passes (study data and corp_rep)", {
  study <- pls(iec_model(), iec_survey, missing = "mean")
  pos <- pls_pos(study, segments = 2, starts = 2, seed = 1, cores = 1)
  expect_true(all(diff(pos$history) >= 0))
  expect_gt(length(pos$history), 1)
  expect_equal(pos$objective, pos$history[length(pos$history)])
  expect_equal(pos$objective, max(pos$objectives, na.rm = TRUE))
  expect_gt(pos$objective, 2 * sum(study$r2) - 1e-12)

  corp <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  pos <- pls_pos(corp, segments = 2, starts = 1, max_iter = 3, seed = 2)
  expect_true(all(diff(pos$history) >= 0))
  expect_lte(pos$passes, 3)
  expect_identical(length(pos$history), pos$passes + 1L)
})

test_that("the result holds a partition and real PLS fits of each segment", {
  sim <- pos_planted_data(b = c(0.7, -0.3), noise = 0.2)
  fit <- pls(pos_planted_syntax, sim$data)
  pos <- pls_pos(fit, starts = 2, seed = 1)
  expect_s3_class(pos, c("pls_pos", "pls_segments"), exact = TRUE)
  expect_type(pos$segment, "integer")
  expect_length(pos$segment, nrow(fit$scores))
  expect_setequal(unique(pos$segment), 1:2)
  expect_identical(pos$sizes, tabulate(pos$segment, 2))
  expect_true(all(pos$sizes >= pos$settings$min_size))
  expect_identical(pos$settings$min_size, 10L)
  expect_identical(pos$settings$search_depth, 500L)
  # the kernel's segment fits during the search are pls() on the rows
  r2 <- 0
  for (k in 1:2) {
    own <- pls(pos_planted_syntax, sim$data[pos$segment == k, ])
    expect_same_estimates(pos$fits[[k]], own, tolerance = 1e-10)
    expect_equal(pos$paths$estimate[pos$paths$segment == k], own$path_coef[cbind(c("X1", "X2"), c("Y1", "Y2"))],
                 tolerance = 1e-10)
    expect_equal(pos$r2$r2[pos$r2$segment == k], unname(own$r2[c("Y1", "Y2")]), tolerance = 1e-10)
    r2 <- r2 + sum(own$r2)
  }
  expect_equal(pos$objective, r2, tolerance = 1e-10)
  expect_named(pos$paths, c("segment", "from", "to", "estimate"))
  expect_named(pos$r2, c("segment", "construct", "r2"))
  expect_identical(pos$fit, fit)
})

test_that("the C search moves the cases as the plain-R oracle does", {
  sim <- pos_planted_data(b = c(0.7, -0.3), noise = 0.4)
  fit <- pls(pos_planted_syntax, sim$data)
  pos <- pls_pos(fit, starts = 1, max_iter = 6, seed = 4)
  reference <- reference_pos_search(pos$start, pos_problem(fit), pos$settings)
  expect_identical(pos$segment, reference$labels)
  expect_equal(pos$history, reference$history, tolerance = 1e-10)
  expect_identical(pos$passes, reference$passes)
  expect_identical(pos$converged, reference$converged)
  # the start: min_size cases in each segment at least
  expect_true(all(tabulate(pos$start, 2) >= pos$settings$min_size))

  study <- pls(iec_model(), iec_survey, missing = "mean")
  pos <- pls_pos(study, segments = 3, starts = 1, max_iter = 2, search_depth = 100, seed = 9)
  reference <- reference_pos_search(pos$start, pos_problem(study), pos$settings)
  expect_identical(pos$segment, reference$labels)
  expect_equal(pos$history, reference$history, tolerance = 1e-10)
})

test_that("two planted segments are recovered", {
  sim <- pos_planted_data(b = c(0.7, -0.3), noise = 0.2)
  fit <- pls(pos_planted_syntax, sim$data)
  pos <- pls_pos(fit, starts = 3, seed = 1)
  expect_gte(pos_agreement(pos$segment, sim$segment), 0.9)
  first <- pos$paths[pos$paths$from == "X1", ]
  # standardized within each segment: 0.7 / sqrt(0.49 + 0.04) and -0.3 / sqrt(0.09 + 0.04)
  expect_equal(sort(first$estimate), c(-0.3 / sqrt(0.13), 0.7 / sqrt(0.53)), tolerance = 0.1)
})

test_that("planted segments are recovered for other samples", {
  skip_on_cran()
  for (seed in 2:4) {
    sim <- pos_planted_data(b = c(0.7, -0.7), noise = 0.3, seed = seed)
    pos <- pls_pos(pls(pos_planted_syntax, sim$data), starts = 3, seed = seed)
    expect_gte(pos_agreement(pos$segment, sim$segment), 0.9, label = paste("seed", seed))
  }
})

test_that("a seed reproduces the result, for any number of cores, and leaves the session's stream alone", {
  fit <- pls(pos_planted_syntax, pos_planted_data(noise = 0.5)$data)
  set.seed(5)
  before <- .Random.seed
  one <- pls_pos(fit, starts = 3, max_iter = 4, seed = 11, cores = 1)
  expect_identical(.Random.seed, before)
  two <- pls_pos(fit, starts = 3, max_iter = 4, seed = 11, cores = 2)
  again <- pls_pos(fit, starts = 3, max_iter = 4, seed = 11, cores = 1)
  expect_identical(one$segment, two$segment)
  expect_identical(one$history, two$history)
  expect_identical(one$objectives, two$objectives)
  expect_identical(one$segment, again$segment)
  expect_identical(one$seeds, again$seeds)
  other <- pls_pos(fit, starts = 3, max_iter = 4, seed = 12)
  expect_false(identical(one$seeds, other$seeds))
})

test_that("search_depth and max_iter bound the search", {
  fit <- pls(pos_planted_syntax, pos_planted_data(noise = 0.5)$data)
  pos <- pls_pos(fit, starts = 1, max_iter = 1, search_depth = 1, seed = 3)
  expect_identical(pos$passes, 1L)
  expect_lte(sum(diff(pos$history) > 0), 1)
  expect_identical(pos$settings$search_depth, 1L)
})

test_that("starts whose segments cannot be estimated are dropped", {
  data <- pos_planted_data(n = 50, noise = 0.3)$data
  # a1 varies in one case only: one segment of every start has it constant
  data$a1 <- 0
  data$a1[7] <- 1
  expect_error(pls_pos(pls(pos_planted_syntax, data), starts = 2, seed = 1), class = "iecpls_pos_error")
  # in two cases: a start fails when both fall in the same segment
  data$a1[60] <- 1
  pos <- pls_pos(pls(pos_planted_syntax, data), starts = 6, seed = 1)
  expect_true(anyNA(pos$objectives))
  expect_equal(pos$objective, max(pos$objectives, na.rm = TRUE))
  expect_setequal(pos$segment[c(7, 60)], 1:2)
})

test_that("fits that cannot be segmented are refused by class", {
  ecsi <- pls(ecsi_syntax, data = mobi)
  expect_error(pls_pos(pls(ecsi_syntax, S = stats::cor(mobi))), class = "iecpls_needs_data")
  expect_error(pls_pos(pls(paste(ecsi_syntax, "Loyalty ~ Satisfaction:Image"), data = mobi)),
               class = "iecpls_unsupported_error")
  expect_error(pls_pos(pls(mobi_hoc_syntax, data = mobi)), class = "iecpls_unsupported_error")
  expect_error(pls_pos(pls(ecsi_syntax, data = mobi, missing = "em")), class = "iecpls_unsupported_error")
  expect_error(pls_pos(pls(ecsi_syntax, data = mobi, case_weights = rep(1:2, length.out = nrow(mobi)))),
               class = "iecpls_unsupported_error")
  expect_error(pls_pos(ecsi$model), class = "iecpls_input_error")
  expect_error(pls_pos(ecsi, segments = 1), class = "iecpls_input_error")
  expect_error(pls_pos(ecsi, starts = 0), class = "iecpls_input_error")
  expect_error(pls_pos(ecsi, min_size = 2), class = "iecpls_input_error")
  expect_error(pls_pos(ecsi, segments = 30), class = "iecpls_too_few_cases")
  expect_error(pls_pos(ecsi, segments = 2, min_size = 126), class = "iecpls_too_few_cases")
})

test_that("print, tidy, glance and plot", {
  sim <- pos_planted_data(b = c(0.7, -0.3), noise = 0.2)
  pos <- pls_pos(pls(pos_planted_syntax, sim$data), starts = 1, seed = 1)
  lines <- expect_fits_width(pos, 80, label = "pls_pos")
  expect_true(any(grepl("^PLS-POS: 2 segments of 500 cases", lines)))
  paths <- tidy(pos)
  expect_named(paths, c("segment", "term", "from", "to", "estimate", "estimate_all"))
  expect_identical(as.data.frame(pos), paths)
  expect_identical(nrow(tidy(pos, "r2")), 4L)
  expect_identical(tidy(pos, "sizes")$cases, pos$sizes)
  row <- glance(pos)
  expect_identical(nrow(row), 1L)
  expect_equal(row$objective, pos$objective)
  pdf(NULL)
  on.exit(grDevices::dev.off())
  expect_identical(plot(pos), pos$history)
})

test_that("the segments feed pls_explain_segments()", {
  study <- pls(iec_model(), iec_survey, missing = "mean")
  pos <- pls_pos(study, starts = 1, max_iter = 2, seed = 1)
  explained <- pls_explain_segments(pos, iec_survey, variables = "role", R = 100, seed = 1)
  expect_s3_class(explained, "pls_segment_explain")
  expect_identical(glance(explained)$segments, 2L)
})
