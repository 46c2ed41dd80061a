skip_if_not(capabilities("png"), "no PNG device")

test_that("the default shows every path coefficient with its estimate and percentile interval", {
  boot <- boot_fixture("study")
  drawn <- NULL
  expect_drawn_png(render_png(drawn <- plot(boot), "boot-paths.png"))
  paths <- boot$parameters[boot$parameters$type == "path", ]
  expect_equal(drawn$term, paths$term)
  expect_equal(drawn$estimate, paths$estimate)
  expect_equal(drawn$lower, paths$lower)
  expect_equal(drawn$upper, paths$upper)
  expect_true(all(drawn$zero))
})

test_that("parm chooses parameters by type, full name or term; BCa and other levels work", {
  set.seed(5)
  boot <- pls_boot(diagram_fixture("ecsi"), R = 150)
  drawn <- NULL
  render_png(drawn <- plot(boot, c("specific", "total: Image -> Loyalty", "Satisfaction -> Loyalty", "htmt")),
             "boot-mixed.png")
  expect_equal(drawn$parameter[drawn$type == "specific"], paste0("specific: ", summary(boot)$specific$term))
  expect_true("total: Image -> Loyalty" %in% drawn$parameter)
  # a bare term is the path, not the total effect of the same pair
  expect_true("path: Satisfaction -> Loyalty" %in% drawn$parameter)
  expect_false(any(drawn$zero[drawn$type == "htmt"]))
  render_png(drawn <- plot(boot, "r2", type = "bca", level = 0.9, ncol = 2), "boot-bca.png")
  expect_equal(unname(cbind(drawn$lower, drawn$upper)),
               unname(confint(boot, paste0("r2: ", drawn$term), level = 0.9, type = "bca")))
  expect_error(plot(boot, "path: Image -> Loyalti"), "Image -> Loyalty", class = "iecpls_unknown_name")
  expect_error(plot(boot, 0), "types, names or terms", class = "iecpls_input_error")
})

test_that("plot() chooses parameters with the rules of confint(), through the same parm", {
  boot <- boot_fixture("study")
  for (parm in list("paths", c(3, 1), c("r2", "path"), "loading")) {
    drawn <- iecpls:::boot_plot_data(boot, parm, "percentile", boot$level)
    expect_identical(drawn$parameter, rownames(confint(boot, parm)))
    expect_equal(unname(cbind(drawn$lower, drawn$upper)), unname(confint(boot, parm)))
  }
})

test_that("2 and 12 constructs, single items, negative paths and long names render", {
  for (name in c("two", "twelve", "single", "long")) {
    boot <- boot_fixture(name)
    drawn <- NULL
    expect_drawn_png(render_png(drawn <- plot(boot), paste0("boot-", name, ".png")))
    expect_equal(nrow(drawn), sum(boot$parameters$type == "path"))
  }
  # single items: their loadings are 1 in every resample (a flat panel)
  single <- boot_fixture("single")
  expect_drawn_png(render_png(plot(single, "loading"), "boot-single-loadings.png"))
  # the negative path of the two-construct fixture lies below zero
  drawn <- NULL
  render_png(drawn <- plot(boot_fixture("two")), "boot-two-again.png")
  expect_lt(drawn$upper, 0)
  expect_error(plot(boot_fixture("two"), "indirect"), "no indirect effects")
})
