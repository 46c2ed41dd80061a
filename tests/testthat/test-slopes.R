# Simple slopes, floodlight (Johnson-Neyman) and conditional indirect
# effects of interaction terms (R/slopes.R, R/plot-slopes.R), against
# plain-R formulas on fit$path_coef and the bootstrap's draws matrix.

# Fits and bootstraps, made once per file.
slopes_fixtures <- local({
  cache <- list()
  function(name) {
    if (is.null(cache[[name]])) {
      cache[[name]] <<- switch(name,
        corp = pls(corp_rep_moderation_syntax, data = corp_rep_data, na_values = -99, missing = "mean"),
        corp_boot = {
          set.seed(31)
          pls_boot(slopes_fixtures("corp"), R = 200, bca = FALSE)
        },
        ecsi = pls(ecsi_moderation_syntax, data = mobi),
        ecsi_boot = {
          set.seed(32)
          pls_boot(slopes_fixtures("ecsi"), R = 150, bca = FALSE)
        },
        mediation = pls(paste(ecsi_syntax, "Loyalty ~ Satisfaction:Image"), data = mobi),
        mediation_boot = {
          set.seed(33)
          pls_boot(slopes_fixtures("mediation"), R = 150, bca = FALSE)
        }
      )
    }
    cache[[name]]
  }
})

# The draws of the valid resamples (every resample of these fixtures is).
valid_draws <- function(boot) {
  expect_true(all(boot$status == pls_status_codes()$code[pls_status_codes()$name == "ok"]))
  boot$draws
}

# Bootstrap inference of the columns of `d` (resamples x values) for
# estimates `est`, written out: SD, t, two-sided p with n - 1 df, type 7
# percentile limits.
plain_inference <- function(est, d, n, level = 0.95) {
  se <- apply(d, 2, stats::sd)
  t <- est / se
  list(se = se, t = t, p = 2 * stats::pt(-abs(t), n - 1),
       lower = apply(d, 2, stats::quantile, (1 - level) / 2, names = FALSE),
       upper = apply(d, 2, stats::quantile, (1 + level) / 2, names = FALSE))
}

expect_inference <- function(table, est, d, n, level = 0.95, estimate = "effect") {
  plain <- plain_inference(est, d, n, level)
  expect_equal(table[[estimate]], est, tolerance = 1e-12)
  for (column in names(plain)) expect_equal(table[[column]], plain[[column]], tolerance = 1e-10, label = column)
}

test_that("simple slopes are b_X + b_XM m, with inference from each resample's own paths", {
  fit <- slopes_fixtures("corp")
  boot <- slopes_fixtures("corp_boot")
  at <- c(-1.5, 0, 0.5, 2)
  s <- pls_slopes(boot, "CUSA:SC", at = at)
  expect_s3_class(s, "pls_slopes")
  expect_identical(c(s$focal, s$moderator, s$outcome, s$term), c("CUSA", "SC", "CUSL", "CUSA:SC"))
  B <- fit$path_coef
  est <- B["CUSA", "CUSL"] + B["CUSA:SC", "CUSL"] * at
  draws <- valid_draws(boot)
  d <- draws[, "path: CUSA -> CUSL"] + outer(draws[, "path: CUSA:SC -> CUSL"], at)
  expect_inference(s$table, est, d, fit$nobs)
  expect_identical(s$table$at, at)
  expect_identical(s$resamples, 200L)
  # a fit carrying the bootstrap gives the same; another level other limits
  fit$boot <- boot
  expect_identical(pls_slopes(fit, "CUSA:SC", at = at)$table, s$table)
  expect_inference(pls_slopes(fit, "CUSA:SC", at = at, level = 0.8)$table, est, d, fit$nobs, level = 0.8)
  # the defaults: -1, 0 and 1 SD
  expect_identical(pls_slopes(fit, "CUSA:SC")$table$at, c(-1, 0, 1))
})

test_that("the term may be written either way round; the moderator may be the first constituent", {
  fit <- slopes_fixtures("corp")
  boot <- slopes_fixtures("corp_boot")
  expect_identical(pls_slopes(boot, "SC:CUSA")$table, pls_slopes(boot, "CUSA:SC")$table)
  expect_identical(pls_slopes(boot, " SC : CUSA ")$term, "CUSA:SC")
  s <- pls_slopes(boot, "SC:CUSA", moderator = "CUSA")
  expect_identical(c(s$focal, s$moderator), c("SC", "CUSA"))
  B <- fit$path_coef
  draws <- valid_draws(boot)
  at <- c(-1, 0, 1)
  expect_inference(s$table, B["SC", "CUSL"] + B["CUSA:SC", "CUSL"] * at,
                   draws[, "path: SC -> CUSL"] + outer(draws[, "path: CUSA:SC -> CUSL"], at), fit$nobs)
  expect_equal(unname(s$paths), unname(B[c("SC", "CUSA", "CUSA:SC"), "CUSL"]))
})

test_that("a quadratic term's conditional effect is b_X + 2 b_XX x", {
  fit <- slopes_fixtures("ecsi")
  boot <- slopes_fixtures("ecsi_boot")
  at <- c(-2, -1, 0, 1.5)
  s <- pls_slopes(boot, "Quality:Quality", at = at)
  expect_true(s$quadratic)
  expect_identical(c(s$focal, s$moderator, s$outcome), c("Quality", "Quality", "Value"))
  B <- fit$path_coef
  draws <- valid_draws(boot)
  expect_inference(s$table, B["Quality", "Value"] + 2 * B["Quality:Quality", "Value"] * at,
                   draws[, "path: Quality -> Value"] + 2 * outer(draws[, "path: Quality:Quality -> Value"], at),
                   fit$nobs)
  # the floodlight runs over Quality's own observed scores
  expect_equal(range(s$floodlight$at), range(fit$scores[, "Quality"]))
})

test_that("a term that is not in the model is an error naming it and listing the model's terms", {
  fit <- slopes_fixtures("corp")
  err <- expect_error(pls_slopes(fit, "CUSA:LIKE"), class = "iecpls_unknown_name")
  expect_s3_class(err, "iecpls_input_error")
  expect_match(conditionMessage(err), "CUSA:LIKE", fixed = TRUE)
  expect_match(conditionMessage(err), "CUSA:SC", fixed = TRUE)
  expect_error(pls_slopes(fit, c("CUSA:SC", "SC:CUSA")), "CUSA:SC", class = "iecpls_input_error")
  expect_error(pls_slopes(fit, "CUSA:SC", moderator = "LIKE"), "CUSA.*SC", class = "iecpls_unknown_name")
  for (bad in list("a", c(-1, NA), numeric(), Inf)) {
    expect_error(pls_slopes(fit, "CUSA:SC", at = bad), "`at`", class = "iecpls_input_error")
  }
  expect_error(pls_slopes(fit, "CUSA:SC", level = 95), "`level`", class = "iecpls_input_error")
  expect_error(pls_slopes(list(), "CUSA:SC"), class = "iecpls_input_error")
})

test_that("a fit without interaction terms is a classed model error", {
  plain <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  err <- expect_error(pls_slopes(plain, "CUSA:SC"), class = "iecpls_no_interactions")
  expect_s3_class(err, c("iecpls_model_error", "iecpls_error"))
  expect_error(pls_conditional_effects(plain), class = "iecpls_no_interactions")
})

test_that("a term on several outcomes needs `outcome`", {
  syntax <- paste(ecsi_syntax, "
    Complaints ~ Image + Image:Satisfaction
    Loyalty ~ Image:Satisfaction")
  fit <- pls(syntax, data = mobi)
  err <- expect_error(pls_slopes(fit, "Image:Satisfaction"), class = "iecpls_input_error")
  expect_match(conditionMessage(err), "Complaints")
  expect_match(conditionMessage(err), "Loyalty")
  expect_match(conditionMessage(err), "outcome")
  s <- pls_slopes(fit, "Satisfaction:Image", outcome = "Complaints", at = 1)
  B <- fit$path_coef
  expect_equal(s$table$effect, B["Image", "Complaints"] + B["Image:Satisfaction", "Complaints"])
  expect_error(pls_slopes(fit, "Image:Satisfaction", outcome = "Value"), "Complaints",
               class = "iecpls_unknown_name")
})

test_that("without a bootstrap there are effects but no inference, band or Johnson-Neyman points", {
  fit <- slopes_fixtures("corp")
  s <- pls_slopes(fit, "CUSA:SC")
  B <- fit$path_coef
  expect_equal(s$table$effect, B["CUSA", "CUSL"] + B["CUSA:SC", "CUSL"] * c(-1, 0, 1))
  for (column in c("se", "t", "p", "lower", "upper")) expect_true(all(is.na(s$table[[column]])))
  expect_identical(s$resamples, 0L)
  expect_null(s$draws)
  expect_true(all(is.na(s$floodlight$lower)))
  expect_false(any(s$floodlight$significant))
  expect_identical(nrow(s$jn), 0L)
  expect_identical(nrow(s$regions), 0L)
  lines <- printed_at(s, 80)
  expect_true(any(grepl("No bootstrap", lines)))
  expect_false(any(grepl("\\bse\\b|Johnson", lines)))
  tidied <- tidy(s)
  expect_true(all(is.na(tidied$std.error)))
})

test_that("the floodlight band and its Johnson-Neyman points follow from the draws", {
  fit <- slopes_fixtures("corp")
  boot <- slopes_fixtures("corp_boot")
  # the effect of SC on CUSL is significant for low CUSA only
  s <- pls_slopes(boot, "CUSA:SC", moderator = "CUSA")
  scores <- fit$scores[, "CUSA"]
  grid <- seq(min(scores), max(scores), length.out = 201)
  expect_equal(s$floodlight$at, grid)
  draws <- valid_draws(boot)
  d <- draws[, "path: SC -> CUSL"] + outer(draws[, "path: CUSA:SC -> CUSL"], grid)
  lower <- apply(d, 2, stats::quantile, 0.025, names = FALSE)
  upper <- apply(d, 2, stats::quantile, 0.975, names = FALSE)
  expect_equal(s$floodlight$lower, lower, tolerance = 1e-10)
  expect_equal(s$floodlight$upper, upper, tolerance = 1e-10)
  expect_equal(s$floodlight$significant, lower > 0 | upper < 0)
  # zero crossings of either limit, interpolated between grid values
  crossings <- function(v) {
    i <- which(sign(v[-1]) != sign(v[-length(v)]))
    grid[i] + (0 - v[i]) * (grid[i + 1] - grid[i]) / (v[i + 1] - v[i])
  }
  expected <- sort(c(crossings(lower), crossings(upper)))
  expect_gte(length(expected), 1)
  expect_equal(s$jn$at, expected, tolerance = 1e-12)
  # the regions run from the low end of the range to the first point
  expect_equal(s$regions$from[1], min(scores))
  expect_equal(s$regions$to[1], expected[1], tolerance = 1e-12)
  expect_identical(s$regions$sign[1], "positive")
  expect_true(any(grepl("Johnson-Neyman", printed_at(s, 80))))
})

test_that("plots return what they drew: the lines, the legend clear of them, the band and JN points", {
  skip_if_not(capabilities("png"), "no PNG device")
  fit <- slopes_fixtures("corp")
  boot <- slopes_fixtures("corp_boot")
  s <- pls_slopes(boot, "CUSA:SC", moderator = "CUSA")
  B <- fit$path_coef
  for (size in list(c(480, 480, 72), c(1800, 1100, 144))) {
    drawn <- NULL
    file <- tempfile(fileext = ".png")
    grDevices::png(file, width = size[1], height = size[2], res = size[3])
    drawn <- plot(s)
    grDevices::dev.off()
    expect_drawn_png(file)
    expect_equal(drawn$lines$slope, B["SC", "CUSL"] + B["CUSA:SC", "CUSL"] * c(-1, 0, 1))
    expect_equal(drawn$lines$intercept, B["CUSA", "CUSL"] * c(-1, 0, 1))
    expect_identical(drawn$lines$label[1], sprintf("CUSA at -1 SD (slope %.2f*)", drawn$lines$slope[1]))
    # no line passes through the legend's box, which is inside the plot
    box <- drawn$legend
    left <- box$left
    top <- box$top
    right <- left + box$width
    bottom <- top - box$height
    x <- seq(-2, 2, length.out = 401)
    for (i in seq_len(nrow(drawn$lines))) {
      y <- drawn$lines$slope[i] * x + drawn$lines$intercept[i]
      expect_false(any(x >= left & x <= right & y >= bottom & y <= top))
    }
    expect_true(left >= drawn$usr[1] && right <= drawn$usr[2] && bottom >= drawn$usr[3] && top <= drawn$usr[4])

    file <- tempfile(fileext = ".png")
    grDevices::png(file, width = size[1], height = size[2], res = size[3])
    drawn <- plot(s, what = "floodlight")
    grDevices::dev.off()
    expect_drawn_png(file)
    expect_identical(drawn$jn, s$jn)
    band <- drawn$floodlight
    # the limits are zero at the Johnson-Neyman points (linear interpolation)
    for (k in seq_len(nrow(drawn$jn))) {
      v <- band[[drawn$jn$bound[k]]]
      expect_equal(stats::approx(band$at, v, drawn$jn$at[k])$y, 0, tolerance = 1e-10)
    }
    # their labels lie inside the plot, above everything drawn, apart
    labels <- drawn$labels
    expect_identical(nrow(labels), nrow(drawn$jn))
    expect_true(all(labels$x - labels$width / 2 >= drawn$usr[1] & labels$x + labels$width / 2 <= drawn$usr[2]))
    expect_true(all(labels$y - labels$height / 2 > max(band$upper) & labels$y + labels$height / 2 <= drawn$usr[4]))
  }
})

test_that("a crowded legend goes above the lines; quadratic tangents touch their curve", {
  skip_if_not(capabilities("png"), "no PNG device")
  boot <- slopes_fixtures("corp_boot")
  s <- pls_slopes(boot, "CUSA:SC", moderator = "CUSA", at = seq(-2, 2, by = 0.5))
  drawn <- NULL
  # png()'s default size, and a small device where the legend shrinks
  for (res in c(72, 144)) {
    file <- tempfile(fileext = ".png")
    grDevices::png(file, res = res)
    drawn <- plot(s)
    grDevices::dev.off()
    expect_identical(drawn$legend$position, "above")
    lowest <- drawn$legend$top - drawn$legend$height
    highest <- max(abs(drawn$lines$slope) * 2 + drawn$lines$intercept)
    expect_gte(lowest, highest - 1e-9)
    expect_lte(drawn$legend$top, drawn$usr[4])
  }

  q <- pls_slopes(slopes_fixtures("ecsi_boot"), "Quality:Quality")
  render_png(drawn <- plot(q), "slopes-quadratic.png")
  B <- slopes_fixtures("ecsi")$path_coef
  curve <- function(x) B["Quality", "Value"] * x + B["Quality:Quality", "Value"] * x^2
  expect_equal(drawn$curve$y, curve(drawn$curve$x))
  expect_equal(drawn$lines$slope * drawn$lines$at + drawn$lines$intercept, curve(drawn$lines$at))
  expect_equal(drawn$lines$slope, q$table$effect)
  # several Johnson-Neyman points of a fake band get labels that do not overlap
  q$jn <- data.frame(at = c(-0.8, -0.75, -0.7), bound = "lower", stringsAsFactors = FALSE)
  render_png(drawn <- plot(q, what = "floodlight"), "floodlight-crowded.png")
  labels <- drawn$labels
  for (i in 1:2) for (j in (i + 1):3) {
    apart <- abs(labels$x[i] - labels$x[j]) >= (labels$width[i] + labels$width[j]) / 2 ||
      abs(labels$y[i] - labels$y[j]) >= labels$height[i]
    expect_true(apart)
  }
  expect_error(plot(q, what = "bands"), "`what`", class = "iecpls_input_error")
})

test_that("conditional indirect effects are a * (b + b_int m) and the index a * b_int", {
  fit <- slopes_fixtures("mediation")
  boot <- slopes_fixtures("mediation_boot")
  at <- c(-1, 0, 1)
  ce <- pls_conditional_effects(boot, at = at)
  expect_s3_class(ce, "pls_conditional_effects")
  index <- ce$index[ce$index$path == "Image -> Satisfaction -> Loyalty", ]
  expect_identical(nrow(index), 1L)
  expect_identical(c(index$moderated, index$term, index$moderator),
                   c("Satisfaction -> Loyalty", "Satisfaction:Image", "Image"))
  B <- fit$path_coef
  a <- B["Image", "Satisfaction"]
  b <- B["Satisfaction", "Loyalty"]
  b_int <- B["Satisfaction:Image", "Loyalty"]
  draws <- valid_draws(boot)
  da <- draws[, "path: Image -> Satisfaction"]
  db <- draws[, "path: Satisfaction -> Loyalty"]
  dint <- draws[, "path: Satisfaction:Image -> Loyalty"]
  expect_inference(index, a * b_int, matrix(da * dint), fit$nobs, estimate = "index")
  effects <- ce$effects[ce$effects$path == "Image -> Satisfaction -> Loyalty", ]
  expect_identical(effects$at, at)
  expect_inference(effects, a * (b + b_int * at), da * (db + outer(dint, at)), fit$nobs, estimate = "estimate")
  # at the mean of the moderator it is the ordinary specific indirect effect
  specific <- pls_effects(fit)$specific
  expect_equal(effects$estimate[2], specific$estimate[specific$path == "Image -> Satisfaction -> Loyalty"])
  # a longer chain: the product of all its paths, the moderated one replaced
  long <- "Image -> Expectation -> Quality -> Satisfaction -> Loyalty"
  row <- ce$index[ce$index$path == long, ]
  expect_equal(row$index, B["Image", "Expectation"] * B["Expectation", "Quality"] *
                 B["Quality", "Satisfaction"] * b_int)
  # the chains: those through Satisfaction -> Loyalty, the only moderated path
  chains <- specific$path[grepl("Satisfaction -> Loyalty$", specific$path)]
  expect_setequal(ce$index$path, chains)
  expect_identical(nrow(ce$effects), 3L * length(chains))
})

test_that("chains from an interaction term, with several moderated paths or none are left out", {
  ce <- pls_conditional_effects(slopes_fixtures("ecsi"))
  # the model has indirect chains that start at a product term
  expect_true(any(grepl(":", pls_effects(slopes_fixtures("ecsi"))$specific$path)))
  expect_false(any(grepl(":", ce$index$path)))
  # Quality -> Value carries two terms: one row each, the quadratic doubled
  fit <- slopes_fixtures("ecsi")
  B <- fit$path_coef
  rows <- ce$index[ce$index$path == "Expectation -> Quality -> Value", ]
  expect_setequal(rows$term, c("Quality:Expectation", "Quality:Quality"))
  expect_equal(rows$index[rows$term == "Quality:Quality"],
               B["Expectation", "Quality"] * 2 * B["Quality:Quality", "Value"])
  expect_identical(rows$moderator[rows$term == "Quality:Expectation"], "Expectation")
  # both paths of every chain moderated: nothing to report
  twice <- pls("
    Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
    Value        =~ PERV1 + PERV2
    Satisfaction =~ CUSA1 + CUSA2 + CUSA3
    Loyalty      =~ CUSL1 + CUSL2 + CUSL3
    Satisfaction ~ Image + Value + Image:Value
    Loyalty      ~ Satisfaction + Value + Satisfaction:Value", data = mobi)
  none <- pls_conditional_effects(twice)
  expect_identical(nrow(none$index), 0L)
  expect_identical(nrow(none$effects), 0L)
  expect_named(none$effects, names(ce$effects))
  expect_match(paste(printed_at(none, 80), collapse = " "), "no conditional indirect effects")
  expect_identical(nrow(tidy(none)), 0L)
})

test_that("tidy() and as.data.frame() give broom's names", {
  boot <- slopes_fixtures("corp_boot")
  s <- pls_slopes(boot, "CUSA:SC")
  tidied <- tidy(s)
  expect_named(tidied, c("term", "moderator", "at", "estimate", "std.error", "statistic", "p.value", "conf.low",
                         "conf.high"))
  expect_identical(tidied$term, rep("CUSA -> CUSL", 3))
  expect_identical(tidied$estimate, s$table$effect)
  expect_identical(tidied$conf.high, s$table$upper)
  expect_identical(as.data.frame(s), s$table)
  ce <- pls_conditional_effects(slopes_fixtures("mediation_boot"))
  index <- tidy(ce, "index")
  expect_identical(index$estimate, ce$index$index)
  expect_identical(index$term, ce$index$path)
  expect_identical(tidy(ce)$statistic, ce$effects$t)
  expect_identical(as.data.frame(ce, what = "index"), ce$index)
  expect_error(tidy(ce, "slopes"), class = "iecpls_input_error")
})

test_that("summary() of a fit with interaction terms reports moderated mediation", {
  fit <- slopes_fixtures("mediation")
  fit$boot <- slopes_fixtures("mediation_boot")
  report <- summary(fit)
  ce <- pls_conditional_effects(fit, level = fit$boot$level)
  expect_identical(report$moderated_mediation, ce$index)
  expect_identical(report$conditional_indirect, ce$effects)
  lines <- printed_at(report, 80)
  expect_true(any(grepl("^Moderated mediation", lines)))
  expect_true(any(grepl("Index of moderated mediation", lines, fixed = TRUE)))
  # a fit without interaction terms has no such tables
  expect_null(summary(pls(small_ecsi_syntax, data = mobi))$moderated_mediation)
})

test_that("print() fits 80 columns", {
  s <- pls_slopes(slopes_fixtures("corp_boot"), "CUSA:SC")
  expect_fits_width(s, 80)
  expect_fits_width(pls_slopes(slopes_fixtures("ecsi_boot"), "Quality:Quality"), 80)
  expect_fits_width(pls_conditional_effects(slopes_fixtures("ecsi_boot")), 80)
  lines <- expect_fits_width(pls_conditional_effects(slopes_fixtures("mediation_boot")), 80)
  expect_true(any(grepl("Image -> Satisfaction -> Loyalty", lines, fixed = TRUE)))
})
