skip_if_not_installed("ggplot2")
skip_if_not(capabilities("png"), "no PNG device")

test_that("autoplot() of an IPMA is a ggplot with the map's points and mean lines", {
  ipma <- ipma_fixture("study", "CTM")
  for (what in c("constructs", "indicators")) {
    plot <- ggplot2::autoplot(ipma, what = what)
    expect_s3_class(plot, "ggplot")
    built <- ggplot2::ggplot_build(plot)
    table <- ipma[[what]]
    points <- built$data[[4]]
    expect_equal(points$x, table$importance)
    expect_equal(points$y, table$performance)
    expect_equal(built$data[[1]]$xintercept, mean(table$importance))
    expect_equal(built$data[[2]]$yintercept, mean(table$performance))
    expect_drawn_png(render_png(print(plot), paste0("autoplot-ipma-", what, ".png")))
  }
})

test_that("autoplot() IPMA labels are placed at drawing time without overlaps", {
  set.seed(4)
  n <- 16
  ipma <- fake_ipma(0.2 + stats::rnorm(n, sd = 0.003), 60 + stats::rnorm(n, sd = 0.2),
                    names = paste0("A_long_driver_name_", seq_len(n)))
  expect_drawn_png(render_png(print(ggplot2::autoplot(ipma)), "autoplot-ipma-crowded.png"))
  # the label grob in a panel of known size
  placed <- NULL
  render_png({
    grid::pushViewport(grid::viewport(width = grid::unit(5, "inches"), height = grid::unit(3.5, "inches")))
    coords <- data.frame(x = (ipma$constructs$importance - 0.19) / 0.02, y = (ipma$constructs$performance - 59) / 2,
                         label = ipma$constructs$construct, size = 3.5, colour = "black")
    grob <- grid::gTree(coords = coords, radius = ggplot_point_radius(), cl = "iecpls_repel_labels")
    placed <- grid::makeContent(grob)$placed
  }, "autoplot-grob.png")
  expect_equal(nrow(placed), n)
  expect_equal(nrow(overlapping_rects(placed)), 0)
  points <- data.frame(x = coords$x * 5, y = coords$y * 3.5, width = 2 * ggplot_point_radius(),
                       height = 2 * ggplot_point_radius())
  expect_true(all(overlap_matrix(placed, points) < 1e-9))
  expect_true(all(placed$x - placed$width / 2 >= 0 & placed$x + placed$width / 2 <= 5))
  expect_true(all(placed$y - placed$height / 2 >= 0 & placed$y + placed$height / 2 <= 3.5))
})

test_that("autoplot() of a bootstrap has one facet per parameter with the estimate and interval", {
  boot <- boot_fixture("study")
  plot <- ggplot2::autoplot(boot)
  expect_s3_class(plot, "ggplot")
  built <- ggplot2::ggplot_build(plot)
  paths <- boot$parameters[boot$parameters$type == "path", ]
  expect_equal(nrow(built$layout$layout), nrow(paths))
  rects <- built$data[[1]]
  expect_equal(rects$xmin, paths$lower)
  expect_equal(rects$xmax, paths$upper)
  expect_equal(built$data[[6]]$xintercept, paths$estimate)
  expect_drawn_png(render_png(print(plot), "autoplot-boot.png"))
  expect_drawn_png(render_png(print(ggplot2::autoplot(boot_fixture("single"), c("loading", "r2"))),
                              "autoplot-boot-single.png"))
})

test_that("autoplot() of a summary draws the HTMT of every pair, outlining those at the threshold", {
  fit <- diagram_fixture("reputation")
  report <- summary(fit, htmt_threshold = 0.75)
  plot <- ggplot2::autoplot(report)
  expect_s3_class(plot, "ggplot")
  htmt <- report$htmt
  key <- pair_key(htmt$construct_1, htmt$construct_2)
  # the tiles and their values: one per pair, the summary's numbers
  tiles <- built_htmt_cells(plot, 1)
  text <- built_htmt_cells(plot, 4)
  expect_setequal(pair_key(tiles$row, tiles$column), key)
  expect_equal(as.numeric(text$label[match(key, pair_key(text$row, text$column))]), round(htmt$htmt, 2))
  cells <- plot$data
  expect_equal(cells$htmt[match(key, pair_key(as.character(cells$row), as.character(cells$column)))], htmt$htmt)
  # no bootstrap: no dashed outlines; solid ones on the flagged pairs only
  high <- built_htmt_cells(plot, 3)
  expect_gt(nrow(high), 0)
  expect_setequal(pair_key(high$row, high$column), key[htmt$flag != ""])
  expect_equal(nrow(built_htmt_cells(plot, 2)), 0)
  expect_equal(text$fontface[match(key, pair_key(text$row, text$column))], ifelse(htmt$flag != "", "bold", "plain"))
  expect_match(plot$labels$title, "threshold 0.75", fixed = TRUE)
  expect_drawn_png(render_png(print(plot), "autoplot-htmt-reputation.png", width = 1000, height = 900))
})

test_that("with a bootstrap the HTMT heat map dashes the pairs whose upper bound reaches the threshold", {
  fit <- diagram_fixture("reputation")
  set.seed(3)
  fit$boot <- pls_boot(fit, R = 100, bca = FALSE)
  report <- summary(fit, htmt_threshold = 0.75)
  htmt <- report$htmt
  key <- pair_key(htmt$construct_1, htmt$construct_2)
  doubtful <- grepl("95% bound", htmt$flag)
  expect_true(any(doubtful))
  plot <- ggplot2::autoplot(report)
  dashed <- built_htmt_cells(plot, 2)
  expect_setequal(pair_key(dashed$row, dashed$column), key[doubtful])
  expect_true(all(dashed$linetype == "dashed"))
  expect_setequal(pair_key(built_htmt_cells(plot, 3)$row, built_htmt_cells(plot, 3)$column),
                  key[abs(htmt$htmt) >= 0.75])
  expect_match(plot$labels$subtitle, "bootstrap 95% upper bound", fixed = TRUE)
  expect_drawn_png(render_png(print(plot), "autoplot-htmt-boot.png", width = 1000, height = 900))
})

test_that("autoplot() of a summary draws each indicator's loading under its construct", {
  skip_on_cran() # three models, each built and drawn
  for (name in c("reputation", "ecsi", "study")) {
    fit <- diagram_fixture(name)
    report <- suppressWarnings(summary(fit))
    plot <- ggplot2::autoplot(report, "loadings")
    expect_s3_class(plot, "ggplot")
    built <- ggplot2::ggplot_build(plot)
    points <- built_loadings(plot, built)
    expect_equal(nrow(points), nrow(report$loadings))
    # each point's loading is the fit's loading of the indicator on its panel's construct
    expect_equal(points$loading, fit$outer_loadings[cbind(points$indicator, points$construct)], label = name)
    mode <- fit$model$modes[points$construct]
    expected <- ifelse(mode == "B", "white",
                       ifelse(points$loading < 0.708, plot_colours[["highlight"]], plot_colours[["point"]]))
    expect_equal(points$fill, unname(expected), label = name)
    expect_equal(unique(built$data[[2]]$xintercept), 0.708)
    expect_equal(unique(built$data[[2]]$linetype), "dashed")
    # the values written: as many, red where flagged
    values <- built$data[[5]]
    expect_equal(as.numeric(values$label), round(report$loadings$loading, 2))
    expect_equal(values$colour == plot_colours[["highlight"]],
                 report$loadings$mode == "A" & report$loadings$loading < 0.708)
    expect_drawn_png(render_png(print(plot), paste0("autoplot-loadings-", name, ".png"), width = 1000, height = 1300))
  }
  # the study's reversed item loads negatively and is flagged
  expect_lt(points$loading[points$indicator == "ctm2"], 0)
  expect_equal(points$fill[points$indicator == "ctm2"], plot_colours[["highlight"]])
})

test_that("autoplot() of a summary keeps an indicator in two blocks in each (repeated indicators)", {
  fit <- diagram_fixture("hoc_repeated")
  report <- summary(fit)
  points <- built_loadings(ggplot2::autoplot(report, "loadings"))
  expect_equal(paste(points$construct, points$indicator), paste(report$loadings$construct, report$loadings$indicator))
  expect_equal(points$loading, report$loadings$loading)
})

test_that("autoplot() of a fit shows the loadings or the HTMT of its summary", {
  fit <- diagram_fixture("ecsi")
  # the same plot: the same data, layers and titles
  same <- function(a, b) {
    expect_equal(a$data, b$data)
    expect_equal(lapply(a$layers, function(layer) class(layer$geom)), lapply(b$layers, function(layer) class(layer$geom)))
    expect_equal(a$labels[c("title", "subtitle")], b$labels[c("title", "subtitle")])
  }
  same(ggplot2::autoplot(fit), ggplot2::autoplot(summary(fit), "loadings"))
  same(ggplot2::autoplot(fit, "htmt", htmt_threshold = 0.9), ggplot2::autoplot(summary(fit, htmt_threshold = 0.9)))
  expect_match(ggplot2::autoplot(fit, "htmt", htmt_threshold = 0.9)$labels$title, "0.90", fixed = TRUE)
  expect_error(ggplot2::autoplot(fit, "paths"), "bootstrap", class = "iecpls_input_error")
  expect_drawn_png(render_png(print(ggplot2::autoplot(fit)), "autoplot-fit.png", width = 1000, height = 1300))
})

test_that("autoplot() of a fit with a bootstrap shows the paths' bootstrap distributions", {
  skip_on_cran() # a bootstrap, and twelve panels built and drawn
  fit <- diagram_fixture("ecsi")
  set.seed(5)
  fit$boot <- pls_boot(fit, R = 100, bca = FALSE)
  plot <- ggplot2::autoplot(fit, "paths", level = 0.9)
  expect_s3_class(plot, "ggplot")
  built <- ggplot2::ggplot_build(plot)
  expect_equal(nrow(built$layout$layout), sum(fit$model$inner != 0))
  expect_equal(sort(built$data[[6]]$xintercept), sort(fit$path_coef[fit$model$inner != 0]))
  expect_equal(plot$data, ggplot2::autoplot(fit$boot, "path", level = 0.9)$data)
  expect_match(plot$labels$subtitle, "90% percentile interval", fixed = TRUE)
  expect_error(ggplot2::autoplot(fit, "paths", parm = "loading"), "parm", class = "iecpls_input_error")
  expect_drawn_png(render_png(print(plot), "autoplot-fit-paths.png", width = 1600, height = 1200))
})

test_that("autoplot() of a summary or a fit refuses an unknown plot and a model without HTMT", {
  fit <- diagram_fixture("ecsi")
  expect_error(ggplot2::autoplot(summary(fit), "loading_plot"), "`what` must be one of",
               class = "iecpls_input_error")
  expect_error(ggplot2::autoplot(fit, "diagram"), "`what` must be one of", class = "iecpls_input_error")
  report <- summary(diagram_fixture("two"))
  report$htmt <- report$htmt[0, ]
  expect_error(ggplot2::autoplot(report), "fewer than two reflective", class = "iecpls_model_error")
})
