# Methods of pls_boot objects (R/methods-boot.R) and of fits with a bootstrap
# attached (confint/vcov in R/methods-fit.R). Numbers are checked against the
# stored draws, summarized here in plain R.

test_that("coef() returns the full-sample estimates, named like the draws", {
  boot <- methods_boot()
  estimates <- coef(boot)
  expect_named(estimates, colnames(boot$draws))
  expect_equal(unname(estimates), boot$parameters$estimate)
  fit <- boot$fit
  expect_equal(unname(coef(boot, "paths")), unname(coef(fit)))
  expect_equal(unname(coef(boot, "loading")), unname(coef(fit, "loadings")))
  expect_equal(unname(coef(boot, "weights")), unname(coef(fit, "weights")))
  expect_equal(coef(boot, "r2"), stats::setNames(fit$r2, paste("r2:", names(fit$r2))))
})

test_that("vcov() is the covariance of the resample estimates", {
  boot <- methods_boot()
  draws <- boot$draws
  expect_equal(vcov(boot), stats::cov(draws), tolerance = 1e-12)
  expect_equal(sqrt(diag(vcov(boot))), apply(draws, 2, stats::sd), tolerance = 1e-12)
  expect_equal(unname(sqrt(diag(vcov(boot)))), boot$parameters$se, tolerance = 1e-12)
  paths <- vcov(boot, "path")
  expect_equal(dimnames(paths), list(names(coef(boot, "path")), names(coef(boot, "path"))))
  # with coef() and vcov() lined up, confint.default() gives Wald intervals
  z <- stats::qnorm(0.975)
  se <- apply(draws[, rownames(paths)], 2, stats::sd)
  expect_equal(stats::confint.default(boot, rownames(paths)),
               cbind(`2.5 %` = coef(boot, "path") - z * se, `97.5 %` = coef(boot, "path") + z * se),
               tolerance = 1e-12)
})

test_that("confint() intervals follow their definitions at any level", {
  boot <- methods_boot()
  n <- boot$fit$nobs
  for (name in c("path: Image -> Loyalty", "loading: Loyalty =~ CUSL2", "specific: Image -> Satisfaction -> Loyalty")) {
    draws <- used_draws(boot, name)
    estimate <- coef(boot)[[name]]
    for (level in c(0.95, 0.8)) {
      q <- unname(stats::quantile(draws, c((1 - level) / 2, (1 + level) / 2)))
      expect_equal(unname(confint(boot, name, level = level)[1, ]), q, tolerance = 1e-12)
      expect_equal(unname(confint(boot, name, level = level, type = "basic")[1, ]), 2 * estimate - rev(q),
                   tolerance = 1e-12)
      half <- stats::qt((1 + level) / 2, n - 1) * stats::sd(draws)
      expect_equal(unname(confint(boot, name, level = level, type = "t")[1, ]), estimate + c(-half, half),
                   tolerance = 1e-12)
      expect_equal(unname(confint(boot, name, level = level, type = "bca")[1, ]),
                   reference_bca(draws, estimate, boot$jackknife[, name], level), tolerance = 1e-10)
    }
  }
  expect_equal(colnames(confint(boot, level = 0.9)), c("5 %", "95 %"))
  expect_equal(rownames(confint(boot)), colnames(boot$draws))
})

test_that("the t interval excludes zero exactly when the p value is below 1 - level", {
  boot <- methods_boot()
  table <- tidy(boot, c("path", "weight", "total", "indirect"), conf.method = "t", conf.level = 0.9)
  excludes_zero <- table$conf.low > 0 | table$conf.high < 0
  expect_equal(excludes_zero, table$p.value < 0.1)
})

test_that("parm chooses parameters by type, name, term or row, in the order given", {
  boot <- methods_boot()
  names <- colnames(boot$draws)
  table <- boot$parameters
  expect_equal(rownames(confint(boot, "path")), names[table$type == "path"])
  expect_equal(confint(boot, "paths"), confint(boot, "path"))
  expect_equal(rownames(confint(boot, c("r2", "path: Image -> Loyalty"))),
               c(names[table$type == "r2"], "path: Image -> Loyalty"))
  # a term is its first parameter: the path before the total effect, the
  # weight before the loading
  expect_equal(rownames(confint(boot, "Image -> Loyalty")), "path: Image -> Loyalty")
  expect_equal(names(coef(boot, "Image =~ IMAG1")), "weight: Image =~ IMAG1")
  expect_equal(rownames(confint(boot, c(3, 1, 3))), names[c(3, 1)])
  expect_equal(rownames(confint(boot, c("path", "Image -> Loyalty"))), names[table$type == "path"])
  expect_equal(coef(boot, names(coef(boot$fit))), coef(boot, "path"))
})

test_that("tidy() and as.data.frame() put the summaries in broom's columns", {
  boot <- methods_boot()
  out <- tidy(boot)
  expect_named(out, c("type", "term", "estimate", "std.error", "statistic", "p.value", "conf.low", "conf.high",
                      "boot_mean"))
  expect_equal(nrow(out), ncol(boot$draws))
  expect_equal(paste0(out$type, ": ", out$term), colnames(boot$draws))
  expect_equal(out$estimate, unname(coef(boot)))
  expect_equal(out$std.error, unname(apply(boot$draws, 2, stats::sd)), tolerance = 1e-12)
  expect_equal(out$boot_mean, unname(colMeans(boot$draws)), tolerance = 1e-12)
  tested <- !out$type %in% c("r2", "htmt")
  expect_equal(out$statistic[tested], out$estimate[tested] / out$std.error[tested])
  expect_true(all(is.na(out$statistic[!tested])))
  expect_equal(out$p.value[tested], 2 * stats::pt(-abs(out$statistic[tested]), df = boot$fit$nobs - 1))
  expect_equal(unname(as.matrix(out[c("conf.low", "conf.high")])), unname(confint(boot)))
  bca <- tidy(boot, "path", conf.level = 0.9, conf.method = "bca")
  expect_equal(unname(as.matrix(bca[c("conf.low", "conf.high")])),
               unname(confint(boot, "path", level = 0.9, type = "bca")))
  expect_identical(as.data.frame(boot), out)
  expect_identical(as.data.frame(boot, parm = "path", conf.method = "bca", conf.level = 0.9), bca)
})

test_that("glance() counts the resamples and nobs() the cases", {
  boot <- methods_boot()
  expect_equal(glance(boot), data.frame(nobs = 250L, resamples = 150L, used = 150L, failed = 0L, inadmissible = 0L,
                                        inadmissibles = "ignore", sign_change = "none", level = 0.95, bca = TRUE))
  expect_equal(nobs(boot), nobs(boot$fit))
})

test_that("methods leave failed resamples out, as the summaries do", {
  data <- mobi
  data$CUSCO <- c(10L, rep(5L, 249))   # constant unless row 1 is drawn
  fit <- pls(paste(small_ecsi_syntax, "Complaints =~ CUSCO\nComplaints ~ Satisfaction"), data = data)
  set.seed(6)
  boot <- suppressWarnings(pls_boot(fit, R = 60, bca = FALSE))
  failed <- boot$status != 0L
  expect_gt(sum(failed), 0)
  draws <- boot$draws[!failed, ]
  expect_equal(vcov(boot, "path"), stats::cov(draws[, names(coef(boot, "path"))]), tolerance = 1e-12)
  name <- "path: Image -> Loyalty"
  expect_equal(unname(confint(boot, name)[1, ]), unname(stats::quantile(draws[, name], c(0.025, 0.975))),
               tolerance = 1e-12)
  glanced <- glance(boot)
  expect_equal(c(glanced$resamples, glanced$used, glanced$failed), c(60L, sum(!failed), sum(failed)))
  expect_false(glanced$bca)
})

test_that("confint() and vcov() of a fit are those of its bootstrap", {
  set.seed(12)
  fit <- pls(small_ecsi_syntax, data = mobi, R = 100)
  set.seed(12)
  boot <- pls_boot(pls(small_ecsi_syntax, data = mobi), R = 100)
  expect_equal(confint(fit), confint(boot))
  expect_equal(confint(fit, "path", level = 0.9, type = "bca"), confint(boot, "path", level = 0.9, type = "bca"))
  expect_equal(confint(fit, names(coef(fit))), confint(boot, "path"))
  expect_equal(vcov(fit), vcov(boot))
  expect_equal(vcov(fit, "path"), vcov(boot, "path"))
})

test_that("a fit without a bootstrap and unknown parameters are classed errors", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(confint(fit), class = "iecpls_input_error")
  expect_error(confint(fit), "pls_boot")
  expect_error(vcov(fit), class = "iecpls_input_error")
  boot <- methods_boot()
  expect_error(confint(boot, "path: Image -> Loyality"), "did you mean", class = "iecpls_input_error")
  expect_error(coef(boot, "bogus"), class = "iecpls_input_error")
  expect_error(tidy(boot, 0), class = "iecpls_input_error")
  expect_error(vcov(boot, NA_character_), class = "iecpls_input_error")
  expect_error(confint(boot, c(1, 1000)), class = "iecpls_input_error")
  one_path <- pls_boot(pls("A =~ IMAG1 + IMAG2\nB =~ CUSA1 + CUSA2\nB ~ A", data = mobi), R = 10, bca = FALSE)
  expect_error(coef(one_path, "indirect"), "no indirect effects", class = "iecpls_input_error")
})
