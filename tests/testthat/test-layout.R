test_that("constructs are layered by the longest path from the exogenous constructs", {
  lay <- layout_pls(study_syntax)
  layer <- stats::setNames(lay$constructs$layer, lay$constructs$construct)
  expect_equal(layer[c("TTM", "IC", "QEA", "GAD")], c(TTM = 0L, IC = 0L, QEA = 0L, GAD = 0L))
  expect_equal(layer[c("RIG", "CTM", "PIA", "CDA")], c(RIG = 1L, CTM = 2L, PIA = 3L, CDA = 3L))
  x <- stats::setNames(lay$constructs$x, lay$constructs$construct)
  expect_true(all(x[c("TTM", "IC", "QEA", "GAD")] < x["RIG"]))
  expect_true(x["RIG"] < x["CTM"] && x["CTM"] < min(x[c("PIA", "CDA")]))
  # every layer is one column
  expect_equal(as.vector(tapply(lay$constructs$x, lay$constructs$layer, function(v) diff(range(v)))), rep(0, 4))
})

test_that("indicators sit outside: left of exogenous, right of final outcomes, above or below between", {
  for (syntax in list(study_syntax, ecsi_syntax, corp_rep_syntax, twelve_syntax)) {
    lay <- layout_pls(syntax)
    model <- parse_model(syntax)
    exogenous <- colSums(model$inner) == 0
    final <- rowSums(model$inner) == 0
    side <- lay$constructs$side
    expect_true(all(side[exogenous] == "left"))
    expect_true(all(side[final] == "right"))
    expect_true(all(side[!exogenous & !final] %in% c("above", "below")))
    boxes <- lay$indicators
    centre <- lay$constructs[match(boxes$construct, lay$constructs$construct), ]
    box_side <- side[match(boxes$construct, lay$constructs$construct)]
    expect_true(all((boxes$x < centre$x)[box_side == "left"]))
    expect_true(all((boxes$x > centre$x)[box_side == "right"]))
    expect_true(all((boxes$y > centre$y)[box_side == "above"]))
    expect_true(all((boxes$y < centre$y)[box_side == "below"]))
  }
})

test_that("a higher-order construct has its dimensions beside it, as constructs, and no indicator boxes", {
  for (x in list(diagram_fixture("hoc"), diagram_fixture("hoc_formative"), parse_model(corp_rep_hoc_syntax()))) {
    lay <- layout_pls(x)
    nodes <- lay$constructs
    rownames(nodes) <- nodes$construct
    expect_true(all(c("REP", "COMP", "LIKE") %in% nodes$construct))
    expect_equal(nodes[c("COMP", "LIKE", "REP", "CUSA"), "hoc"], c("REP", "REP", NA, NA))
    # REP's entries are its dimensions: no boxes for them, none named after constructs
    expect_false(any(lay$indicators$construct == "REP"))
    expect_false(any(lay$indicators$indicator %in% nodes$construct))
    expect_setequal(lay$indicators$indicator[lay$indicators$construct == "COMP"], c("comp_1", "comp_2", "comp_3"))
    # between the layers, one dimension above REP and one below, in its column,
    # with their indicators further out
    expect_equal(nodes["REP", "side"], "split")
    expect_equal(nodes[c("COMP", "LIKE"), "x"], rep(nodes["REP", "x"], 2))
    expect_gt(nodes["COMP", "y"], nodes["REP", "y"])
    expect_lt(nodes["LIKE", "y"], nodes["REP", "y"])
    expect_equal(nodes[c("COMP", "LIKE"), "side"], c("above", "below"))
    expect_equal(nodes[c("COMP", "LIKE"), "layer"], rep(nodes["REP", "layer"], 2))
    expect_true(all(lay$indicators$y[lay$indicators$construct == "COMP"] > nodes["COMP", "y"]))
    expect_true(all(lay$indicators$y[lay$indicators$construct == "LIKE"] < nodes["LIKE", "y"]))
    expect_identical(diagram_problems(lay), character())
  }
  # an exogenous HOC has its dimensions on the left, a final one on the right,
  # in a column, each with its indicators further out
  lay <- layout_pls(diagram_fixture("hoc_ends"))
  nodes <- lay$constructs
  rownames(nodes) <- nodes$construct
  expect_equal(nodes[c("PQ", "EXPE", "QUAL", "IMAG", "LOY", "LOYAL", "COMPL"), "side"],
               c("left", "left", "left", "left", "right", "right", "right"))
  expect_true(all(nodes[c("EXPE", "QUAL", "IMAG"), "x"] < nodes["PQ", "x"]))
  expect_equal(length(unique(nodes[c("EXPE", "QUAL", "IMAG"), "x"])), 1)
  expect_equal(order(-nodes[c("EXPE", "QUAL", "IMAG"), "y"]), 1:3)
  expect_true(all(nodes[c("LOYAL", "COMPL"), "x"] > nodes["LOY", "x"]))
  expect_true(all(lay$indicators$x[lay$indicators$construct == "QUAL"] < nodes["QUAL", "x"]))
  expect_true(all(lay$indicators$x[lay$indicators$construct == "LOYAL"] > nodes["LOYAL", "x"]))
  expect_identical(diagram_problems(lay), character())
  # without indicators the dimensions stay, as constructs
  bare <- layout_pls(diagram_fixture("hoc"), indicators = FALSE)
  expect_true(all(c("COMP", "LIKE") %in% bare$constructs$construct))
  expect_equal(nrow(bare$indicators), 0)
  expect_identical(diagram_problems(bare), character())
})

test_that("the repeated-indicators model draws as any model, without the repeated items", {
  fit <- diagram_fixture("hoc_repeated")
  lay <- layout_pls(fit)
  expect_false(any(lay$indicators$construct == "REP"))
  expect_false(any(startsWith(lay$indicators$indicator, "REP_2nd_")))
  expect_true(all(c("comp_1", "like_1") %in% lay$indicators$indicator))
  # COMP and LIKE are outcomes of REP in the layered layout
  nodes <- lay$constructs
  rownames(nodes) <- nodes$construct
  expect_true(all(is.na(nodes$hoc)))
  expect_equal(nodes[c("COMP", "LIKE"), "layer"], rep(nodes["REP", "layer"] + 1L, 2))
  expect_identical(diagram_problems(lay), character())
})

test_that("manual layouts of higher-order constructs: dimensions placed, or left out to sit beside their HOC", {
  fit <- diagram_fixture("hoc")
  auto <- layout_pls(fit)
  again <- layout_pls(fit, layout = auto)
  expect_equal(again$constructs$construct, auto$constructs$construct)
  expect_true(all(is.na(again$constructs$layer)))
  expect_identical(diagram_problems(again), character())
  # the dimensions' indicators face away from REP
  nodes <- again$constructs
  rownames(nodes) <- nodes$construct
  expect_equal(nodes[c("COMP", "LIKE"), "side"], c("above", "below"))
  expect_equal(nodes[c("COMP", "LIKE"), "hoc"], c("REP", "REP"))

  coords <- data.frame(construct = c("QUAL", "PERF", "CSOR", "ATTR", "CUSA", "CUSL", "REP"),
                       x = c(0, 0, 0, 0, 2, 3, 1), y = c(3, 2, 1, 0, 2, 1.5, 1.5))
  beside <- layout_pls(fit, layout = coords)
  nodes <- beside$constructs
  rownames(nodes) <- nodes$construct
  expect_equal(nodes["REP", "side"], "split")
  expect_equal(nodes[c("COMP", "LIKE"), "x"], rep(nodes["REP", "x"], 2))
  expect_gt(nodes["COMP", "y"], nodes["REP", "y"])
  expect_identical(diagram_problems(beside), character())
  coords$side <- c(NA, NA, NA, NA, NA, NA, "right")
  right <- layout_pls(fit, layout = coords)$constructs
  rownames(right) <- right$construct
  expect_true(all(right[c("COMP", "LIKE"), "x"] > right["REP", "x"]))

  expect_error(layout_pls(fit, layout = rbind(coords, data.frame(construct = "COMP", x = 1, y = 3, side = NA))),
               class = "iecpls_input_error", regexp = "all dimensions")
  coords$side <- c("split", NA, NA, NA, NA, NA, NA)
  expect_error(layout_pls(fit, layout = coords), class = "iecpls_input_error", regexp = "split")
})

test_that("the study's model is laid out as in the study: RIG between GAD and CTM, below the other factors", {
  lay <- layout_pls(diagram_fixture("study"))
  y <- stats::setNames(lay$constructs$y, lay$constructs$construct)
  expect_equal(names(sort(y[c("TTM", "IC", "QEA", "GAD")], decreasing = TRUE)), c("TTM", "IC", "QEA", "GAD"))
  expect_true(y["RIG"] < y["QEA"])
  expect_true(y["PIA"] > y["CDA"])
  expect_identical(diagram_problems(lay), character())
})

test_that("layouts of all fixtures have no overlaps and stay on the canvas", {
  for (name in diagram_fixture_names) {
    for (indicators in c(TRUE, FALSE)) {
      lay <- layout_pls(diagram_fixture(name), indicators = indicators)
      expect_identical(diagram_problems(lay), character(), label = paste(name, indicators))
      expect_equal(nrow(lay$indicators), if (indicators) length(drawn_indicators(diagram_fixture(name)$model)) else 0)
    }
  }
})

test_that("crossing reduction finds a crossing-free order when there is one", {
  # written in an order that crosses: A1 -> B2, A2 -> B1
  syntax <- "A1 =~ a1; A2 =~ a2; B1 =~ b1; B2 =~ b2; C =~ c
             B2 ~ A1; B1 ~ A2; C ~ B1 + B2"
  model <- parse_model(syntax)
  layer <- construct_layers(model$inner)
  graph <- expand_graph(model$inner, layer)
  start <- rank_within_layers(graph, seq_along(graph$layer))
  expect_gt(count_crossings(graph, start), 0)
  expect_equal(count_crossings(graph, order_items(graph)), 0)
  graph <- expand_graph(diagram_fixture("study")$model$inner, construct_layers(diagram_fixture("study")$model$inner))
  expect_equal(count_crossings(graph, order_items(graph)), 0)
})

test_that("a path that skips layers reserves a slot in the layers it crosses", {
  model <- parse_model(ecsi_syntax)
  graph <- expand_graph(model$inner, construct_layers(model$inner))
  # Image (layer 0) -> Loyalty (layer 6) crosses five layers
  image_loyalty <- which(graph$edges[, 1] == 1 & graph$edges[, 2] == 7)
  expect_equal(sort(graph$layer[which(graph$edge == image_loyalty)]), 1:5)
})

test_that("constructs keep the order and room they need (weighted isotonic projection)", {
  target <- c(0, 0.5, 0.2, 3)
  y <- project_ordered(target, c(1, 1, 1))
  expect_true(all(-diff(y) >= 1 - 1e-12))
  expect_equal(project_ordered(c(10, 5, 0), c(1, 1)), c(10, 5, 0))
  # a heavy item hardly moves
  y <- project_ordered(c(0, 0), 2, weight = c(1, 1e4))
  expect_equal(y[2], 0, tolerance = 1e-3)
  expect_equal(y[1] - y[2], 2)
})

test_that("manual coordinates keep their relative positions and are scaled uniformly", {
  coords <- data.frame(construct = c("Image", "Expectation", "Quality", "Value", "Satisfaction", "Complaints", "Loyalty"),
                       x = c(0, 0, 1, 1, 2, 3, 3), y = c(2, 0, -1, 1, 1, 2, 0))
  lay <- layout_pls(ecsi_syntax, layout = coords)
  placed <- lay$constructs[match(coords$construct, lay$constructs$construct), ]
  scale <- (placed$x[7] - placed$x[1]) / 3
  expect_equal(placed$x - placed$x[1], coords$x * scale)
  expect_equal(placed$y - placed$y[2], coords$y * scale)
  expect_true(all(is.na(lay$constructs$layer)))
  expect_identical(diagram_problems(lay), character())
  # a matrix with row names and a side column work too
  m <- as.matrix(coords[, c("x", "y")])
  rownames(m) <- coords$construct
  expect_equal(layout_pls(ecsi_syntax, layout = m)$constructs$x, lay$constructs$x)
  coords$side <- c("left", "left", "below", "above", "above", "above", "right")
  sided <- layout_pls(ecsi_syntax, layout = coords)
  expect_equal(sided$constructs$side[match(coords$construct, sided$constructs$construct)], coords$side)
  # a layout from layout_pls() is accepted as it is
  again <- layout_pls(ecsi_syntax, layout = sided)
  expect_equal(again$constructs$side, sided$constructs$side)
  # also one without indicators, whose sides are "none"
  bare <- layout_pls(ecsi_syntax, indicators = FALSE)
  expect_equal(layout_pls(ecsi_syntax, indicators = FALSE, layout = bare)$constructs$side, rep("none", 7))
})

test_that("bad manual layouts are errors that say what is wrong", {
  model <- parse_model(two_syntax)
  expect_error(layout_pls(model, layout = data.frame(a = 1)), "columns")
  expect_error(layout_pls(model, layout = data.frame(x = 1:2, y = 1:2)), "name the constructs")
  expect_error(layout_pls(model, layout = data.frame(construct = "Antecedent", x = 1, y = 1)), "Outcome")
  expect_error(layout_pls(model, layout = data.frame(construct = c("Antecedent", "Outcome", "Outcom"), x = 1:3, y = 1:3)),
               "Outcom")
  expect_error(layout_pls(model, layout = data.frame(construct = c("Antecedent", "Outcome"), x = c(1, 1), y = c(2, 2))),
               "same spot")
  expect_error(layout_pls(model, layout = data.frame(construct = c("Antecedent", "Outcome"), x = c(1, NA), y = 1:2)),
               "finite")
  expect_error(layout_pls(model, layout = data.frame(construct = c("Antecedent", "Outcome"), x = 1:2, y = 1:2,
                                                      side = c("left", "up"))), "up")
})

test_that("long names wrap onto lines and shapes grow to hold them", {
  expect_equal(wrap_label("Perceived_Service_Quality_of_the_Provider"), "Perceived_\nService_Quality_\nof_the_Provider")
  expect_equal(wrap_label("CustomerSatisfactionWithTheMobileService"), "Customer\nSatisfactionWith\nTheMobileService")
  expect_equal(wrap_label("TTM"), "TTM")
  expect_equal(wrap_label("Already\nbroken"), "Already\nbroken")
  lay <- layout_pls(long_names_syntax, node_labels = c(Loyalty_intention = "Intention to stay with \"the\" provider"))
  label <- lay$constructs$label[lay$constructs$construct == "Loyalty_intention"]
  expect_match(label, "\n", fixed = TRUE)
  expect_true(all(lay$constructs$text_width < lay$constructs$width))
  expect_identical(diagram_problems(lay), character())
  expect_error(layout_pls(two_syntax, node_labels = c(Outcom = "x")), "Outcom")
  expect_error(layout_pls(two_syntax, node_labels = "x"), "named")
})

test_that("text widths follow the font metrics", {
  expect_gt(text_width("WWW"), text_width("iii"))
  expect_equal(text_width("ab\nabcd"), text_width("abcd"))
  expect_equal(text_width("\u4e2d"), text_safety) # an East Asian wide character is 1 em
  expect_equal(text_width(""), 0)
  expect_equal(text_width("A", cex = 2), 2 * text_width("A"))
})

test_that("geometry helpers: boundary points, clipping, overlap", {
  expect_equal(boundary_point(0, 0, 4, 2, "ellipse", 1, 0), c(2, 0))
  expect_equal(boundary_point(0, 0, 4, 2, "rect", 0, 1), c(0, 1))
  expect_equal(boundary_point(0, 0, 4, 2, "hexagon", 1, 0), c(2, 0))
  expect_equal(boundary_point(0, 0, 4, 2, "hexagon", 0, -1), c(0, -1))
  rect <- list(x = 0, y = 0, width = 2, height = 2)
  expect_equal(segments_hit_rect(c(-2, -2, 0.5), c(0, 2, 0.5), c(2, 2, 0.6), c(0, 2, 0.6), rect), c(TRUE, FALSE, TRUE))
  hex <- list(x = 0, y = 0, width = 4, height = 2)
  # passes the cut-off corner of the bounding box, not the hexagon
  expect_false(segments_hit_hexagon(1.7, 0.95, 2.5, 0.5, hex))
  expect_true(segments_hit_hexagon(-3, 0, 3, 0, hex))
  fan <- fan_polygon(data.frame(construct = "A", x = 0, y = 0, width = 4, height = 2, shape = "ellipse"),
                     data.frame(x = c(-2, 2), y = c(5, 5), width = 1, height = 1))
  expect_true(segments_hit_polygon(-3, 3, 3, 3, fan))
  expect_false(segments_hit_polygon(-3, 7, 3, 7, fan))
  expect_false(segments_hit_polygon(3, -1, 3, 8, fan))
  a <- data.frame(x = c(0, 3), y = 0, width = 2, height = 2)
  expect_equal(nrow(overlapping_rects(a)), 0)
  a$x[2] <- 1.5
  expect_equal(nrow(overlapping_rects(a)), 1)
})

test_that("layout_pls() prints a summary", {
  expect_output(print(layout_pls(two_syntax)), "2 constructs, 5 indicators")
})

test_that("a missing node label or digits is an error naming the argument (#15, defect 12)", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  for (labels in list(c(Image = NA), c(Image = NA_character_, Satisfaction = "Satisfied"))) {
    expect_error(plot(fit, node_labels = labels), class = "iecpls_input_error")
    expect_error(plot(fit, node_labels = labels), "node_labels.*Image")
  }
  expect_error(plot(parse_model(small_ecsi_syntax), node_labels = c(Image = NA)), class = "iecpls_input_error")
  for (digits in list(NA, NA_real_, -1, 2.5, "2", 1:2)) {
    expect_error(plot(fit, digits = digits), "`digits` must be a whole number", class = "iecpls_input_error")
  }
  expect_error(as_dot(fit, digits = NA), "`digits`", class = "iecpls_input_error")
  expect_error(layout_pls(fit, digits = NA), "`digits`", class = "iecpls_input_error")
  expect_error(diagram_labels(fit, digits = NA), "`digits`", class = "iecpls_input_error")
})
