# Models and simulated data for the path diagram tests.

# The study's model: five factors -> CTM -> PIA and CDA, plus GAD -> RIG.
study_syntax <- "
  TTM =~ ttm1 + ttm2 + ttm3 + ttm4
  IC  =~ ic1 + ic2 + ic3
  QEA =~ qea1 + qea2 + qea3 + qea4
  GAD =~ gad1 + gad2 + gad3
  RIG <~ rig1 + rig2 + rig3
  CTM =~ ctm1 + ctm2 + ctm3 + ctm4
  PIA =~ pia1 + pia2 + pia3
  CDA =~ cda1 + cda2 + cda3
  RIG ~ GAD
  CTM ~ TTM + IC + QEA + GAD + RIG
  PIA + CDA ~ CTM
"

# Twelve constructs in five layers, with paths that skip layers.
twelve_syntax <- "
  A1 =~ a11 + a12 + a13
  A2 =~ a21 + a22
  A3 <~ a31 + a32 + a33
  A4 =~ a41 + a42 + a43 + a44
  B1 =~ b11 + b12 + b13
  B2 =~ b21 + b22 + b23
  B3 =~ b31
  C1 =~ c11 + c12 + c13
  C2 <~ c21 + c22
  D1 =~ d11 + d12 + d13
  E1 =~ e11 + e12
  E2 =~ e21 + e22 + e23
  B1 ~ A1 + A2
  B2 ~ A2 + A3
  B3 ~ A4
  C1 ~ B1 + B2 + A1
  C2 ~ B2 + B3 + A4
  D1 ~ C1 + C2
  E1 ~ D1 + B1
  E2 ~ D1 + C2 + A3
"

two_syntax <- "
  Antecedent =~ x1 + x2 + x3
  Outcome =~ y1 + y2
  Outcome ~ Antecedent
"

single_item_syntax <- "
  A =~ a
  B =~ b
  C =~ c
  D =~ d1 + d2 + d3
  B ~ A
  C ~ A + B
  D ~ C
"

long_names_syntax <- "
  Perceived_Service_Quality_of_the_Provider =~ perceived_quality_item_1 + perceived_quality_item_2 +
    perceived_quality_item_3
  CustomerSatisfactionWithTheMobileService =~ overall_satisfaction_with_service + sat_2
  Loyalty_intention =~ loyalty_intention_repurchase_next_year + loy_2 + loy_3
  CustomerSatisfactionWithTheMobileService ~ Perceived_Service_Quality_of_the_Provider
  Loyalty_intention ~ CustomerSatisfactionWithTheMobileService + Perceived_Service_Quality_of_the_Provider
"

# Higher-order constructs at both ends of the structural model: PQ
# (reflective, three dimensions) is exogenous, LOY (formative) a final
# outcome.
hoc_ends_syntax <- "
  EXPE  =~ CUEX1 + CUEX2 + CUEX3
  QUAL  =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
  IMAG  =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
  VAL   =~ PERV1 + PERV2
  SAT   =~ CUSA1 + CUSA2 + CUSA3
  LOYAL =~ CUSL1 + CUSL2 + CUSL3
  COMPL =~ CUSCO
  PQ    =~ EXPE + QUAL + IMAG
  LOY   <~ LOYAL + COMPL
  VAL ~ PQ
  SAT ~ PQ + VAL
  LOY ~ SAT
"

# Data from a model: every path coefficient `path` (negative for the paths
# named in `negative`, "A -> B"), every loading `loading` (negative for the
# indicators in `reversed`).
simulate_model_data <- function(syntax, n = 200, path = 0.45, loading = 0.8, negative = character(),
                                reversed = character(), seed = 1) {
  set.seed(seed)
  model <- parse_model(syntax)
  inner <- model$inner
  latent <- matrix(0, n, length(model$constructs), dimnames = list(NULL, model$constructs))
  for (k in topological_indices(inner)) {
    predecessors <- which(inner[, k] != 0)
    signal <- numeric(n)
    for (p in predecessors) {
      sign <- if (paste(model$constructs[p], "->", model$constructs[k]) %in% negative) -1 else 1
      signal <- signal + sign * path * latent[, p]
    }
    latent[, k] <- signal + stats::rnorm(n)
    latent[, k] <- latent[, k] / stats::sd(latent[, k])
  }
  columns <- lapply(model$indicators, function(indicator) {
    construct <- model$constructs[vapply(model$blocks, function(b) indicator %in% b, logical(1))]
    sign <- if (indicator %in% reversed) -1 else 1
    sign * loading * latent[, construct] + stats::rnorm(n, sd = sqrt(1 - loading^2))
  })
  stats::setNames(as.data.frame(columns), model$indicators)
}

fit_simulated <- function(syntax, ...) {
  pls(syntax, data = simulate_model_data(syntax, ...))
}

# Every problem a layout or diagram can have, as a character vector (empty
# when there is none): overlapping shapes/boxes, shapes or labels off the
# canvas, labels covering shapes (their border included) or each other,
# labels covering an arrowhead, lying off their own arrow or (for
# structural paths) crossed by another structural path, structural paths
# running through other constructs or indicator blocks, and arrows between
# higher-order constructs and their dimensions running through any other
# shape.
diagram_problems <- function(diagram) {
  lay <- if (inherits(diagram, "pls_layout")) diagram else diagram$layout
  shapes <- diagram_shapes(lay)
  problems <- character()
  pairs <- overlapping_rects(shapes)
  if (nrow(pairs)) {
    problems <- c(problems, paste("overlap:", rownames(shapes)[pairs[, 1]], "&", rownames(shapes)[pairs[, 2]]))
  }
  off <- shapes$x - shapes$width / 2 < 0 | shapes$x + shapes$width / 2 > lay$width |
    shapes$y - shapes$height / 2 < 0 | shapes$y + shapes$height / 2 > lay$height
  if (any(off)) problems <- c(problems, paste("off canvas:", rownames(shapes)[off]))
  too_narrow <- lay$constructs$text_width > lay$constructs$width * 0.95
  if (any(too_narrow)) problems <- c(problems, paste("label wider than shape:", lay$constructs$construct[too_narrow]))
  if (inherits(diagram, "pls_layout")) return(problems)
  edges <- diagram$edges
  labelled <- edges[!is.na(edges$label_x), ]
  rects <- data.frame(x = labelled$label_x, y = labelled$label_y, width = labelled$label_width, height = labelled$label_height)
  bordered <- shapes
  bordered$width <- shapes$width + 0.1
  bordered$height <- shapes$height + 0.1
  for (e in seq_len(nrow(labelled))) {
    covered <- shape_rect_overlap(bordered, rects[e, ]) > 1e-6
    if (any(covered)) problems <- c(problems, paste("label of", labelled$name[e], "covers", rownames(shapes)[covered]))
  }
  pairs <- overlapping_rects(rects)
  if (nrow(pairs)) problems <- c(problems, paste("labels overlap:", labelled$name[pairs[, 1]], "&", labelled$name[pairs[, 2]]))
  off <- rects$x - rects$width / 2 < 0 | rects$x + rects$width / 2 > lay$width |
    rects$y - rects$height / 2 < 0 | rects$y + rects$height / 2 > lay$height
  if (any(off)) problems <- c(problems, paste("label off canvas:", labelled$name[off]))
  problems <- c(problems, label_arrow_problems(edges, labelled, rects))
  obstacles <- diagram_obstacles(lay)
  for (e in which(edges$kind == "path")) {
    if (edge_hits(edges[e, ], obstacles, margin = 0) > 0) problems <- c(problems, paste("path through a shape:", edges$name[e]))
  }
  for (e in which(edges$kind == "dimension")) {
    hit <- obstacles_hit(edge_points(edges[e, ]), list(shapes = shapes, fans = list()), c(edges$tail[e], edges$head[e]), 0)
    if (length(hit)) problems <- c(problems, paste("arrow through a shape:", edges$name[e]))
  }
  problems
}

# Labels against the arrows: each arrowhead as drawn (a triangle with sides
# of 0.6 em at 18 degrees to the shaft's last drawn segment), each label's
# centre on its own arrow, and no other structural path through the label
# of a structural path.
label_arrow_problems <- function(edges, labelled, rects) {
  problems <- character()
  polyline <- function(edge) edge_points(edge, if (edge$curve == 0) c(0, 1) else seq(0, 1, length.out = 40))
  for (a in seq_len(nrow(edges))) {
    line <- polyline(edges[a, ])
    n <- length(line$x)
    dx <- line$x[n] - line$x[n - 1]
    dy <- line$y[n] - line$y[n - 1]
    length <- sqrt(dx^2 + dy^2)
    back <- 0.6 * cos(pi / 10)
    half <- 0.6 * sin(pi / 10)
    bx <- line$x[n] - back * dx / length
    by <- line$y[n] - back * dy / length
    head <- list(x = c(line$x[n], bx - half * dy / length, bx + half * dy / length),
                 y = c(line$y[n], by + half * dx / length, by - half * dx / length))
    for (e in seq_len(nrow(labelled))) {
      rect <- rects[e, ]
      inside_rect <- abs(head$x - rect$x) < rect$width / 2 & abs(head$y - rect$y) < rect$height / 2
      sides <- segments_hit_rect(head$x, head$y, head$x[c(2, 3, 1)], head$y[c(2, 3, 1)], rect)
      if (any(inside_rect) || any(sides)) {
        problems <- c(problems, paste("label of", labelled$name[e], "covers the arrowhead of", edges$name[a]))
      }
      crossing <- edges$kind[a] == "path" && labelled$kind[e] == "path" && edges$name[a] != labelled$name[e] &&
        any(segments_hit_rect(line$x[-n], line$y[-n], line$x[-1], line$y[-1], rect))
      if (crossing) problems <- c(problems, paste("label of", labelled$name[e], "lies on the path", edges$name[a]))
    }
  }
  for (e in seq_len(nrow(labelled))) {
    line <- edge_points(labelled[e, ], seq(0, 1, length.out = 2001))
    if (min(sqrt((line$x - rects$x[e])^2 + (line$y - rects$y[e])^2)) > 0.01) {
      problems <- c(problems, paste("label of", labelled$name[e], "is off its arrow"))
    }
  }
  problems
}

# The default labels of a fit with bootstrap-like decorations: stars on
# every arrow and, with `ci`, an interval on a second line of the
# structural paths' labels.
starred_labels <- function(fit, ci = FALSE) {
  labels <- diagram_labels(fit)
  labels[] <- paste0(labels, "***")
  if (ci) {
    paths <- grepl(" -> ", names(labels), fixed = TRUE)
    labels[paths] <- paste0(labels[paths], "\n[-0.00, 0.00]")
  }
  labels
}

# Renders a plot to a PNG in tempdir() and returns the file name.
render_png <- function(expr, name, width = 1600, height = 1000) {
  file <- file.path(tempdir(), name)
  grDevices::png(file, width = width, height = height, res = 144)
  on.exit(grDevices::dev.off())
  force(expr)
  file
}

# Fitted fixtures, fitted once per test run.
diagram_fixtures <- new.env(parent = emptyenv())
diagram_fixture <- function(name) {
  if (is.null(diagram_fixtures[[name]])) {
    diagram_fixtures[[name]] <- switch(name,
      ecsi = pls(ecsi_syntax, data = mobi),
      reputation = pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean"),
      study = fit_simulated(study_syntax, n = 300, negative = "GAD -> CTM", reversed = "ctm2"),
      twelve = fit_simulated(twelve_syntax, negative = c("A2 -> B2", "D1 -> E1")),
      two = fit_simulated(two_syntax, negative = "Antecedent -> Outcome"),
      single = fit_simulated(single_item_syntax),
      long = fit_simulated(long_names_syntax),
      hoc = pls(corp_rep_hoc_syntax(), data = corp_rep_data, na_values = -99, missing = "mean"),
      hoc_formative = pls(corp_rep_hoc_syntax("<~"), data = corp_rep_data, na_values = -99, missing = "mean"),
      hoc_repeated = pls(corp_rep_hoc_syntax(), data = corp_rep_data, na_values = -99, missing = "mean", hoc = "repeated"),
      hoc_ends = pls(hoc_ends_syntax, data = mobi)
    )
  }
  diagram_fixtures[[name]]
}

diagram_fixture_names <- c("ecsi", "reputation", "study", "twelve", "two", "single", "long", "hoc", "hoc_formative",
                           "hoc_repeated", "hoc_ends")

# The indicators drawn as boxes: not the "indicators" of a higher-order
# construct (its dimensions, or their repeated items).
drawn_indicators <- function(model) {
  model$indicators[!rep(is_hoc(model), lengths(model$blocks))]
}

# Number of distinct bytes in a PNG's decompressed pixel data: 1 or 2 for a
# blank image, many for a drawing. Reads the IDAT chunks, a zlib stream
# that memDecompress() inflates (no png package needed).
png_pixel_variety <- function(file) {
  bytes <- readBin(file, "raw", file.size(file))
  position <- 9L # after the 8-byte signature
  data <- raw()
  while (position + 7L <= length(bytes)) {
    size <- sum(as.numeric(bytes[position:(position + 3L)]) * 256^(3:0))
    type <- rawToChar(bytes[(position + 4L):(position + 7L)])
    if (type == "IDAT" && size > 0) data <- c(data, bytes[position + 7L + seq_len(size)])
    if (type == "IEND") break
    position <- position + 12L + size
  }
  length(unique(memDecompress(data, type = "gzip")))
}

# A rendered PNG is not blank: large enough and with many distinct pixel
# bytes (see png_pixel_variety()).
expect_drawn_png <- function(file) {
  expect_true(file.exists(file))
  expect_gt(file.size(file), 5000)
  expect_gt(png_pixel_variety(file), 50)
}
