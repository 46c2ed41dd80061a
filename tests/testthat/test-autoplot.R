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
