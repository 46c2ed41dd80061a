# Resampling of models with fewer than two reflective (Mode A) constructs,
# which have no HTMT pairs: composite models, Henseler's emergent variables.
# An empty set of HTMT labels once became one phantom label
# (paste(character(0), "<->", character(0)) is " <-> "), so none of these
# could be bootstrapped.

composite_models <- list(
  one_reflective = "
    Image   <~ IMAG1 + IMAG2 + IMAG3
    Loyalty =~ CUSL1 + CUSL2 + CUSL3
    Loyalty ~ Image",
  all_composite = "
    Image        <~ IMAG1 + IMAG2 + IMAG3
    Expectation  <~ CUEX1 + CUEX2 + CUEX3
    Loyalty      <~ CUSL1 + CUSL2 + CUSL3
    Expectation ~ Image
    Loyalty     ~ Image + Expectation",
  reflective_pair = "
    Image   =~ IMAG1 + IMAG2 + IMAG3
    Loyalty =~ CUSL1 + CUSL2 + CUSL3
    Loyalty ~ Image")

test_that("pls_boot() draws are refits of the resampled data for composite models", {
  for (name in names(composite_models)) {
    syntax <- composite_models[[name]]
    fit <- pls(syntax, data = mobi)
    set.seed(3)
    boot <- pls_boot(fit, R = 120)
    reflective <- sum(fit$model$modes == "A")
    expect_identical(sum(boot$parameters$type == "htmt"), as.integer(choose(reflective, 2)), info = name)
    expect_false(any(grepl("^ *<-> *$", boot$parameters$term)), info = name)
    expect_identical(ncol(boot$draws), nrow(boot$parameters), info = name)
    expect_identical(boot$n_failed, 0L, info = name)
    set.seed(3)
    seeds <- iecpls:::chunk_seeds(2)
    rows <- reference_resample_rows(seeds[, 1], nrow(mobi), 2)
    for (b in 1:2) {
      refit <- pls(syntax, data = mobi[rows[[b]], ])
      draw <- boot$draws[b, ]
      expect_equal(unname(draw[paste("path:", names(coef(refit)))]), unname(coef(refit)),
                   tolerance = 1e-8, info = name)
      expect_equal(unname(draw[grep("^weight", names(draw))]), unname(coef(refit, "weights")),
                   tolerance = 1e-8, info = name)
    }
    table <- summary(boot)
    expect_s3_class(table, "summary.pls_boot")
    expect_output(print(table), "Loyalty")
  }
})

test_that("pls(R =) and summary() of the fit work for composite models", {
  for (name in names(composite_models)) {
    set.seed(4)
    fit <- pls(composite_models[[name]], data = mobi, R = 60)
    expect_s3_class(fit$boot, "pls_boot")
    expect_output(print(summary(fit)), "Loyalty")
  }
})

test_that("every multigroup method runs on composite models", {
  group <- rep(c("first", "second"), length.out = nrow(mobi))
  for (name in names(composite_models)) {
    fit <- pls(composite_models[[name]], data = mobi)
    set.seed(5)
    mga <- pls_mga(fit, group = group, method = c("permutation", "bootstrap", "parametric"), R = 60)
    expect_s3_class(mga, "pls_mga")
    tests <- tidy(mga)
    expect_setequal(unique(tests$method), c("permutation", "bootstrap", "parametric"))
    expect_true(all(is.finite(tests$estimate1) & is.finite(tests$difference)), info = name)
    expect_true(all(tests$p.value >= 0 & tests$p.value <= 1, na.rm = TRUE), info = name)
    expect_output(print(mga), "Multigroup")
    set.seed(6)
    expect_s3_class(pls_micom(fit, group = group, R = 60), "pls_micom")
  }
})

test_that("pls_power() replicates of composite models succeed", {
  model <- "
    TTM <~ ttm1 + ttm2 + ttm3 + ttm4 + ttm5
    GAD <~ gad1 + gad2 + gad3 + gad4
    CTM =~ ctm1 + ctm2 + ctm3 + ctm4
    CTM ~ TTM + GAD"
  set.seed(7)
  power <- pls_power(n = 80, reps = 3, R = 40, model = model)
  expect_true(all(power$failed == 0))
  expect_true(all(is.finite(power$power)))
})
