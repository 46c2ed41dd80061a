skip_if_not(capabilities("png"), "no PNG device")

test_that("the blank-image check tells a blank PNG from a drawn one", {
  blank <- render_png(grid::grid.newpage(), "blank.png")
  expect_lt(png_pixel_variety(blank), 10)
  drawn <- render_png(plot(diagram_fixture("two")), "drawn.png")
  expect_gt(png_pixel_variety(drawn), 50)
})

test_that("every fixture renders to a PNG without overlaps, off-canvas parts or paths through shapes", {
  for (name in diagram_fixture_names) {
    diagram <- NULL
    file <- render_png(diagram <- plot(diagram_fixture(name)), paste0("diagram-", name, ".png"))
    expect_drawn_png(file)
    expect_s3_class(diagram, "pls_diagram")
    expect_identical(diagram_problems(diagram), character(), label = name)
  }
})

test_that("the diagram is drawn as named grid objects, one per construct and arrow", {
  fit <- diagram_fixture("study")
  file <- render_png({
    plot(fit)
    drawn <- grid::grid.ls(print = FALSE)$name
  }, "diagram-grobs.png")
  expect_true("pls_diagram" %in% drawn)
  expect_true(all(paste0("construct:", fit$model$constructs) %in% drawn))
  expect_true(all(paste0("arrow:", names(diagram_labels(fit))) %in% drawn))
  expect_true(all(c("indicator:boxes", "edge:labels") %in% drawn))
})

test_that("without indicators, with manual coordinates and on small devices the diagram still fits", {
  fit <- diagram_fixture("ecsi")
  diagram <- NULL
  expect_drawn_png(render_png(diagram <- plot(fit, indicators = FALSE), "diagram-no-indicators.png"))
  expect_false(any(diagram$edges$kind == "measurement"))
  expect_identical(diagram_problems(diagram), character())
  coords <- data.frame(construct = c("Image", "Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"),
                       x = c(0, 0, 1, 1, 2, 3, 3), y = c(2, 0, -1, 1, 1, 2, 0))
  expect_drawn_png(render_png(diagram <- plot(fit, layout = coords, node_labels = c(Satisfaction = "Customer satisfaction")),
                              "diagram-manual.png"))
  expect_identical(diagram_problems(diagram), character())
  expect_drawn_png(render_png(plot(diagram_fixture("twelve")), "diagram-small.png", width = 480, height = 320))
})

test_that("negative estimates are flagged, dashed and labelled with their sign", {
  diagram <- NULL
  render_png(diagram <- plot(diagram_fixture("study")), "diagram-negative.png")
  edges <- diagram$edges
  expect_true(edges$negative[edges$name == "GAD -> CTM"])
  expect_match(edges$label[edges$name == "GAD -> CTM"], "^-0\\.")
  expect_true(edges$negative[edges$name == "CTM =~ ctm2"])
  expect_false(edges$negative[edges$name == "CTM -> PIA"])
  # an estimate that rounds to zero is neither negative nor "-0.00"
  expect_equal(format_estimate(c(-0.004, 0.004, -0.5), 2), c("0.00", "0.00", "-0.50"))
})

test_that("arrow labels: estimates by default, or replaced by name (the hook for bootstrap stars and CIs)", {
  fit <- diagram_fixture("study")
  labels <- diagram_labels(fit)
  paths <- coef(fit)
  expect_equal(labels[names(paths)], stats::setNames(format_estimate(paths, 2), names(paths)))
  expect_equal(labels[["RIG <~ rig1"]], format_estimate(fit$outer_weights["rig1", "RIG"], 2))
  expect_equal(labels[["TTM =~ ttm1"]], format_estimate(fit$outer_loadings["ttm1", "TTM"], 2))
  expect_equal(unname(diagram_labels(fit$model)), rep("", length(labels)))

  starred <- c("TTM -> CTM" = "0.26***", "GAD -> CTM" = "-0.26** [-0.38, -0.12]", "CTM -> PIA" = "0.36***\n[0.25, 0.47]")
  diagram <- NULL
  render_png(diagram <- plot(fit, labels = starred), "diagram-labels.png")
  shown <- stats::setNames(diagram$edges$label, diagram$edges$name)
  expect_equal(shown[names(starred)], starred)
  expect_equal(shown[["IC -> CTM"]], labels[["IC -> CTM"]])
  expect_identical(diagram_problems(diagram), character())
  two_lines <- diagram$edges$name == "CTM -> PIA"
  expect_gt(diagram$edges$label_height[two_lines], 2 * line_height * path_label_cex)
  # wide labels get the room they need
  expect_gt(diagram$layout$width, layout_pls(fit)$width)

  as_function <- function(x) c("CTM -> PIA" = "p < .001")
  render_png(diagram <- plot(fit, labels = as_function, digits = 3), "diagram-labels-function.png")
  shown <- stats::setNames(diagram$edges$label, diagram$edges$name)
  expect_equal(shown[["CTM -> PIA"]], "p < .001")
  expect_equal(shown[["IC -> CTM"]], format_estimate(fit$path_coef["IC", "CTM"], 3))

  expect_error(plot(fit, labels = c("TTM -> CMT" = "x")), "TTM -> CTM")
  expect_error(plot(fit, labels = "x"), "named character vector")
  expect_error(diagram_labels(1), class = "error")
})

test_that("R^2 texts are shown for endogenous constructs unless r2 = FALSE", {
  fit <- diagram_fixture("two")
  diagram <- NULL
  render_png(diagram <- plot(fit), "diagram-r2.png")
  expect_equal(diagram$r2, format_estimate(fit$r2, 2))
  expect_equal(diagram$layout$constructs$r2, c(FALSE, TRUE))
  render_png(diagram <- plot(fit, r2 = FALSE), "diagram-no-r2.png")
  expect_false(any(diagram$layout$constructs$r2))
})

test_that("a model can be drawn before it is fitted", {
  diagram <- NULL
  expect_drawn_png(render_png(diagram <- plot(parse_model(study_syntax)), "diagram-model.png"))
  expect_true(all(diagram$edges$label == ""))
  expect_false(any(diagram$edges$negative))
  expect_identical(diagram_problems(diagram), character())
})

test_that("labels that do not fit the device's font are drawn smaller", {
  render_png({
    wide <- fit_fontsize(list("WWWWWWWWWW", "i"), c(10, 10), c(0.2, 5))
  }, "diagram-fontsize.png")
  expect_lt(wide[1], 10)
  expect_equal(wide[2], 10)
})

test_that("a bootstrap labels the diagram with stars and intervals", {
  set.seed(3)
  fit <- pls(ecsi_syntax, data = mobi, R = 200)
  labels <- diagram_labels(fit)
  table <- fit$boot$parameters
  p <- table$p[table$type == "path" & table$term == "Quality -> Satisfaction"]
  expect_lt(p, 0.001)
  expect_equal(unname(labels["Quality -> Satisfaction"]),
               paste0(formatC(round(fit$path_coef["Quality", "Satisfaction"], 2), format = "f", digits = 2), "***"))
  weak <- table$term[table$type == "path" & table$p > 0.05][1]
  expect_false(grepl("\\*", labels[[weak]]))
  with_ci <- diagram_labels(fit$boot, ci = TRUE)
  expect_match(with_ci[["Quality -> Satisfaction"]], "\\*\\*\\*\n\\[-?[0-9.]+, -?[0-9.]+\\]")
  expect_false(grepl("\\[", with_ci[["Image =~ IMAG1"]]))
  file <- tempfile(fileext = ".png")
  grDevices::png(file, width = 1600, height = 700)
  plot(fit, labels = with_ci)
  grDevices::dev.off()
  expect_gt(file.size(file), 5000)
  unlink(file)
})

test_that("a higher-order construct points to its dimensions, labelled with its loadings or weights", {
  for (name in c("hoc", "hoc_formative")) {
    fit <- diagram_fixture(name)
    diagram <- NULL
    drawn <- NULL
    expect_drawn_png(render_png({
      diagram <- plot(fit)
      drawn <- grid::grid.ls(print = FALSE)$name
    }, paste0("diagram-", name, ".png")))
    expect_identical(diagram_problems(diagram), character(), label = name)
    edges <- diagram$edges
    rownames(edges) <- edges$name
    reflective <- name == "hoc"
    arrows <- if (reflective) c("REP =~ COMP", "REP =~ LIKE") else c("REP <~ COMP", "REP <~ LIKE")
    expect_equal(edges[arrows, "kind"], c("dimension", "dimension"))
    expect_equal(edges[arrows, "tail"], if (reflective) c("REP", "REP") else c("COMP", "LIKE"))
    expect_equal(edges[arrows, "head"], if (reflective) c("COMP", "LIKE") else c("REP", "REP"))
    estimates <- if (reflective) fit$outer_loadings[c("COMP", "LIKE"), "REP"] else fit$outer_weights[c("COMP", "LIKE"), "REP"]
    expect_equal(edges[arrows, "label"], format_estimate(unname(estimates), 2))
    expect_equal(unname(diagram_labels(fit)[arrows]), edges[arrows, "label"])
    # no structural paths to the dimensions, no measurement arrows from REP
    expect_false(any(edges$kind == "path" & (edges$tail %in% c("COMP", "LIKE") | edges$head %in% c("COMP", "LIKE"))))
    expect_false(any(edges$kind == "measurement" & (edges$tail == "REP" | edges$head == "REP")))
    expect_true(all(paste0("arrow:", arrows) %in% drawn))
    expect_true(all(paste0("construct:", c("REP", "COMP", "LIKE")) %in% drawn))
  }
  # drawn in the style of the measurement arrows: thinner than the paths
  render_png({
    plot(diagram_fixture("hoc"))
    tree <- grid::grid.get("pls_diagram")
    hoc_lwd <- grid::getGrob(tree, "arrow:REP =~ COMP")$gp$lwd
    path_lwd <- grid::getGrob(tree, "arrow:REP -> CUSA")$gp$lwd
    item_lwd <- grid::getGrob(tree, "arrow:COMP =~ comp_1")$gp$lwd
  }, "diagram-hoc-lwd.png")
  expect_equal(hoc_lwd, item_lwd)
  expect_lt(hoc_lwd, path_lwd)
})

test_that("higher-order constructs: bootstrap stars, the parsed model and the repeated-indicators model draw", {
  fit <- diagram_fixture("hoc")
  set.seed(11)
  boot <- pls_boot(fit, R = 60, bca = FALSE)
  labels <- diagram_labels(boot)
  table <- boot$parameters
  p <- table$p[table$type == "loading" & table$term == "REP =~ COMP"]
  expect_equal(labels[["REP =~ COMP"]],
               paste0(format_estimate(fit$outer_loadings["COMP", "REP"], 2), significance_stars(p, marginal = FALSE)))
  expect_match(labels[["REP =~ COMP"]], "\\*$")
  diagram <- NULL
  expect_drawn_png(render_png(diagram <- plot(fit, labels = diagram_labels(boot, ci = TRUE)), "diagram-hoc-boot.png"))
  shown <- stats::setNames(diagram$edges$label, diagram$edges$name)
  expect_equal(shown[["REP =~ LIKE"]], labels[["REP =~ LIKE"]])
  expect_identical(diagram_problems(diagram), character())
  custom <- NULL
  render_png(custom <- plot(fit, labels = c("REP =~ COMP" = "0.89 (n.s.)")), "diagram-hoc-custom.png")
  expect_equal(custom$edges$label[custom$edges$name == "REP =~ COMP"], "0.89 (n.s.)")

  model <- parse_model(corp_rep_hoc_syntax("<~"))
  expect_drawn_png(render_png(diagram <- plot(model), "diagram-hoc-model.png"))
  expect_true(all(diagram$edges$label == ""))
  dims <- diagram$edges[diagram$edges$kind == "dimension", ]
  expect_equal(dims$name, c("REP <~ COMP", "REP <~ LIKE"))
  expect_equal(dims$head, c("REP", "REP"))
  expect_identical(diagram_problems(diagram), character())

  # repeated indicators: REP -> COMP are structural paths; the copies of the
  # dimensions' items are not drawn
  repeated <- diagram_fixture("hoc_repeated")
  expect_drawn_png(render_png(diagram <- plot(repeated), "diagram-hoc-repeated.png"))
  edges <- diagram$edges
  expect_equal(edges$kind[edges$name == "REP -> COMP"], "path")
  expect_equal(edges$label[edges$name == "REP -> COMP"], format_estimate(repeated$path_coef["REP", "COMP"], 2))
  expect_false(any(grepl("_2nd_", c(edges$tail, edges$head))))
  expect_false(any(edges$kind == "dimension"))
  expect_identical(diagram_problems(diagram), character())
})

test_that("the primer's model with bootstrap labels: each label on its own arrow, clear of arrowheads, borders and other labels", {
  fit <- diagram_fixture("reputation")
  set.seed(5)
  boot <- pls_boot(fit, R = 100, bca = FALSE)
  for (indicators in c(FALSE, TRUE)) {
    for (ci in c(FALSE, TRUE)) {
      name <- paste0("diagram-primer-", indicators, "-", ci)
      diagram <- NULL
      labels <- diagram_labels(boot, ci = ci)
      expect_drawn_png(render_png(diagram <- plot(fit, indicators = indicators, labels = labels),
                                  paste0(name, ".png"), width = 1800, height = 1100))
      expect_identical(diagram_problems(diagram), character(), label = name)
      shown <- diagram$edges[!is.na(diagram$edges$label_x), ]
      expect_equal(stats::setNames(shown$label, shown$name), labels[shown$name])
      expect_true(all(shown$label_at >= 0.15 & shown$label_at <= 0.85))
    }
  }
  # at R's default png() size the same diagram is drawn (smaller)
  expect_drawn_png(render_png(plot(fit, indicators = FALSE, labels = diagram_labels(boot)), "diagram-primer-480.png",
                              width = 480, height = 480))
})

test_that("every fixture stays clear with starred and two-line labels", {
  skip_on_cran() # about 30 s
  for (name in diagram_fixture_names) {
    fit <- diagram_fixture(name)
    for (ci in c(FALSE, TRUE)) {
      diagram <- pls_diagram(fit, labels = starred_labels(fit, ci))
      expect_identical(diagram_problems(diagram), character(), label = paste(name, ci))
    }
  }
})

test_that("the label checks find a label on an arrowhead, off its arrow, on another path or touching a border", {
  fit <- diagram_fixture("ecsi")
  diagram <- pls_diagram(fit, indicators = FALSE)
  expect_identical(diagram_problems(diagram), character())
  edges <- diagram$edges
  moved <- function(name, x, y) {
    changed <- diagram
    row <- changed$edges$name == name
    changed$edges$label_x[row] <- x
    changed$edges$label_y[row] <- y
    changed
  }
  path <- which(edges$kind == "path")[1]
  on_head <- moved(edges$name[path], edges$x1[path], edges$y1[path])
  expect_true(any(grepl(paste("label of", edges$name[path], "covers the arrowhead of", edges$name[path]),
                        diagram_problems(on_head), fixed = TRUE)))
  expect_true(label_trouble(on_head$edges, on_head$layout)[path])
  off <- moved(edges$name[path], edges$label_x[path] + 2, edges$label_y[path] + 2)
  expect_true(any(grepl(paste("label of", edges$name[path], "is off its arrow"), diagram_problems(off), fixed = TRUE)))
  # the label of one path put where another path runs (mid-way along it)
  other <- which(edges$kind == "path")[2]
  middle <- edge_points(edges[other, ], 0.5)
  crossed <- moved(edges$name[path], middle$x, middle$y)
  expect_true(any(grepl(paste("label of", edges$name[path], "lies on the path", edges$name[other]),
                        diagram_problems(crossed), fixed = TRUE)))
  expect_true(label_trouble(crossed$edges, crossed$layout)[path])
  # touching a construct's border from outside
  node <- diagram$layout$constructs[1, ]
  touching <- moved(edges$name[path], node$x + node$width / 2 + edges$label_width[path] / 2 + 0.02, node$y)
  expect_true(any(grepl(paste("label of", edges$name[path], "covers", node$construct), diagram_problems(touching),
                        fixed = TRUE)))
})

test_that("plot() opens a device at the diagram's size when none is open", {
  lay <- layout_pls(diagram_fixture("reputation"))
  size <- diagram_device_size(lay)
  expect_equal(unname(size), c(lay$width, lay$height) * 11 / 72 * min(1, 14 / (lay$width * 11 / 72), 10 / (lay$height * 11 / 72)))
  expect_lte(size[["width"]], 14)
  expect_lte(size[["height"]], 10)
  small <- layout_pls(diagram_fixture("two"))
  expect_equal(unname(diagram_device_size(small)), c(small$width, small$height) * 11 / 72)
  file <- file.path(tempdir(), "diagram-device.pdf")
  old <- options(device = function(width = 7, height = 7, ...) grDevices::pdf(file, width = width, height = height))
  on.exit(options(old), add = TRUE)
  while (grDevices::dev.cur() != 1L) grDevices::dev.off()
  plot(diagram_fixture("two"))
  opened <- grDevices::dev.size("in")
  grDevices::dev.off()
  expect_equal(opened, unname(diagram_device_size(small)), tolerance = 1e-6)
})
