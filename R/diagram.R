# The path diagram as data: the layout, every arrow with its end points and
# label position, and the R^2 texts. plot() draws it, as_dot() writes it.

#' Labels of the arrows of a path diagram
#'
#' `diagram_labels()` gives the text written on each arrow of the path
#' diagram drawn by [plot()][plot.pls_fit] and [as_dot()]. For a fitted model
#' these are the estimates: path coefficients on the structural arrows,
#' loadings on the arrows of reflective (Mode A) constructs and weights on
#' those of composite (Mode B) constructs, rounded to `digits` decimals.
#'
#' This generic is the hook through which resampling results label a
#' diagram: the method for a [pls_boot()] result adds significance stars
#' (`***` p < 0.001, `**` < 0.01, `*` < 0.05) and, with `ci = TRUE`, the
#' percentile confidence interval, and `plot(fit, labels =
#' diagram_labels(boot, ci = TRUE))` draws them. A fit with a bootstrap
#' attached (`pls(..., R = R)`) is labelled with stars by default. Any
#' named character vector with some of these names works the same way.
#'
#' @param x A fitted model from [pls()] or a model from [parse_model()]
#'   (whose labels are empty).
#' @param digits Number of decimals, a whole number from 0 to 15.
#' @param ci For a bootstrap: add the percentile confidence interval on a
#'   second line of each structural path's label.
#' @param ... Passed on to methods.
#' @return A named character vector with one element per arrow. Structural
#'   paths are named `"Predictor -> Outcome"` and measurement arrows
#'   `"Construct =~ indicator"` (Mode A) or `"Construct <~ indicator"`
#'   (Mode B), as in [coef()][pls_fit-methods]. The arrows between a
#'   higher-order construct and its dimensions are measurement arrows too
#'   (`"REP =~ COMP"`, `"REP <~ COMP"`). Names of arrows the diagram does
#'   not draw (the product items of an interaction term, the repeated items
#'   of a higher-order construct) are there as well, and ignored.
#' @seealso [plot.pls_fit()]
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Loyalty ~ Image
#' ", data = mobi)
#' diagram_labels(fit)
#' @export
diagram_labels <- function(x, digits = 2, ...) {
  check_digits(digits)
  UseMethod("diagram_labels")
}

# Decimals shown: a whole number from 0 to 15 (what a double carries).
check_digits <- function(digits) {
  check_number(digits, "digits", min = 0, max = 15, integer = TRUE)
}

#' @rdname diagram_labels
#' @export
diagram_labels.pls_fit <- function(x, digits = 2, ...) {
  if (!is.null(x$boot)) return(diagram_labels(x$boot, digits = digits, ...))
  estimates <- diagram_estimates(x)
  stats::setNames(format_estimate(estimates, digits), names(estimates))
}

#' @rdname diagram_labels
#' @export
diagram_labels.pls_boot <- function(x, digits = 2, ci = FALSE, ...) {
  fit <- x$fit
  fit$boot <- NULL
  labels <- diagram_labels(fit, digits = digits)
  table <- x$parameters
  construct <- rep(fit$model$constructs, lengths(fit$model$blocks))
  measurement_type <- ifelse(fit$model$modes[construct] == "B", "weight", "loading")
  keys <- c(paste("path", table$term[table$type == "path"]),
            paste(measurement_type, diagram_edge_names(fit$model)[-seq_len(sum(table$type == "path"))]))
  rows <- match(keys, paste(table$type, table$term))
  edges <- names(labels)
  labels <- paste0(labels, significance_stars(table$p[rows], marginal = FALSE))
  if (isTRUE(ci)) {
    # intervals on the structural arrows only: the fans of measurement arrows
    # have no room for a second line
    is_path <- seq_along(labels) <= sum(table$type == "path")
    labels[is_path] <- paste0(labels[is_path], "\n[", format_estimate(table$lower[rows[is_path]], digits), ", ",
                              format_estimate(table$upper[rows[is_path]], digits), "]")
  }
  stats::setNames(labels, edges)
}

#' @rdname diagram_labels
#' @export
diagram_labels.pls_model <- function(x, digits = 2, ...) {
  names <- diagram_edge_names(x)
  stats::setNames(rep("", length(names)), names)
}

format_estimate <- function(x, digits) {
  rounded <- round(x, digits) + 0 # no "-0.00"
  formatC(rounded, format = "f", digits = digits)
}

# Path coefficients, then loadings (Mode A) or weights (Mode B), named as in
# diagram_labels().
diagram_estimates <- function(fit) {
  model <- fit$model
  paths <- model_paths(model)
  construct <- rep(model$constructs, lengths(model$blocks))
  index <- cbind(model$indicators, construct)
  measurement <- ifelse(model$modes[construct] == "B", fit$outer_weights[index], fit$outer_loadings[index])
  stats::setNames(c(fit$path_coef[cbind(paths$from, paths$to)], measurement), diagram_edge_names(model))
}

diagram_edge_names <- function(model) {
  paths <- model_paths(model)
  construct <- rep(model$constructs, lengths(model$blocks))
  operator <- ifelse(model$modes[construct] == "B", "<~", "=~")
  c(paste(paths$from, "->", paths$to), paste(construct, operator, model$indicators))
}

# The structural paths in outcome order.
model_paths <- function(model) {
  index <- structural_edges(model)
  data.frame(from = model$constructs[index[, 1]], to = model$constructs[index[, 2]], stringsAsFactors = FALSE)
}

# The labels to draw: the defaults of diagram_labels(), overridden by a named
# character vector or by what a function of `x` returns.
edge_labels <- function(x, model, labels, digits) {
  source <- if (inherits(x, "pls_fit")) x else model
  defaults <- diagram_labels(source, digits)
  if (is.null(labels)) return(defaults)
  if (is.function(labels)) labels <- labels(x)
  if (!is.character(labels) || is.null(names(labels)) || anyNA(labels)) {
    abort_input("{.arg labels} must be a named character vector (or a function returning one), such as {.code c(\"TTM -> CTM\" = \"0.31***\")}.")
  }
  unknown <- setdiff(names(labels), names(defaults))
  if (length(unknown)) abort_missing_names(unknown, names(defaults), "Arrow", "the diagram (argument {.arg labels})")
  defaults[names(labels)] <- labels
  defaults
}

# Everything plot() and as_dot() need.
pls_diagram <- function(x, indicators = TRUE, layout = NULL, labels = NULL, digits = 2,
                        node_labels = NULL, r2 = TRUE) {
  is_fit <- inherits(x, "pls_fit")
  geometry <- diagram_geometry(x, indicators, layout, node_labels, labels, digits, r2 = is_fit && isTRUE(r2),
                               estimates = if (is_fit) diagram_estimates(x))
  r2_text <- if (is_fit) format_estimate(x$r2, digits) else character()
  structure(list(layout = geometry$layout, edges = geometry$edges, r2 = r2_text), class = "pls_diagram")
}

# One row per arrow, from the tail's boundary to the head's boundary:
# structural paths, measurement arrows between constructs and their
# indicators, and those between higher-order constructs and their
# dimensions (kind "dimension"). A structural path that would run through
# another shape is bent around it.
diagram_edges <- function(lay, model, labels, estimates, digits) {
  paths <- model_paths(model)
  tail <- paths$from
  head <- paths$to
  name <- paste(paths$from, "->", paths$to)
  kind <- rep("path", nrow(paths))
  boxes <- lay$indicators
  if (nrow(boxes)) {
    reflective <- model$modes[boxes$construct] == "A"
    tail <- c(tail, ifelse(reflective, boxes$construct, boxes$indicator))
    head <- c(head, ifelse(reflective, boxes$indicator, boxes$construct))
    name <- c(name, paste(boxes$construct, ifelse(reflective, "=~", "<~"), boxes$indicator))
    kind <- c(kind, rep("measurement", nrow(boxes)))
  }
  dims <- lay$constructs[!is.na(lay$constructs$hoc), c("construct", "hoc")]
  if (nrow(dims)) {
    into <- dimension_into_hoc(model, dims$hoc)
    tail <- c(tail, ifelse(into, dims$construct, dims$hoc))
    head <- c(head, ifelse(into, dims$hoc, dims$construct))
    name <- c(name, paste(dims$hoc, ifelse(into, "<~", "=~"), dims$construct))
    kind <- c(kind, rep("dimension", nrow(dims)))
  }
  edges <- data.frame(name = name, kind = kind, tail = tail, head = head, curve = 0,
                      x0 = 0, y0 = 0, x1 = 0, y1 = 0, cx = 0, cy = 0,
                      estimate = unname(estimates[name]), label = unname(labels[name]),
                      negative = !is.na(estimates[name]) & round(estimates[name], digits) < 0,
                      stringsAsFactors = FALSE)
  shapes <- diagram_shapes(lay)
  route_paths(set_edge_ends(edges, shapes), shapes, diagram_obstacles(lay))
}

# Each arrow is a quadratic Bezier curve from the tail's boundary to the
# head's boundary. Its control point lies `curve` em to the left of the
# midpoint between the two centres (0: a straight arrow).
set_edge_ends <- function(edges, shapes, rows = seq_len(nrow(edges))) {
  for (e in rows) {
    a <- shapes[edges$tail[e], ]
    b <- shapes[edges$head[e], ]
    dx <- b$x - a$x
    dy <- b$y - a$y
    length <- sqrt(dx^2 + dy^2)
    cx <- (a$x + b$x) / 2 - edges$curve[e] * dy / length
    cy <- (a$y + b$y) / 2 + edges$curve[e] * dx / length
    start <- boundary_point(a$x, a$y, a$width, a$height, a$shape, cx - a$x, cy - a$y)
    end <- boundary_point(b$x, b$y, b$width, b$height, b$shape, cx - b$x, cy - b$y)
    edges[e, c("x0", "y0", "x1", "y1", "cx", "cy")] <- c(start, end, cx, cy)
  }
  edges
}

# Points along an arrow at Bezier parameters `s`.
edge_points <- function(edge, s = seq(0, 1, length.out = 25)) {
  list(x = (1 - s)^2 * edge$x0 + 2 * (1 - s) * s * edge$cx + s^2 * edge$x1,
       y = (1 - s)^2 * edge$y0 + 2 * (1 - s) * s * edge$cy + s^2 * edge$y1)
}

# How badly an arrow runs through obstacles, apart from the shapes it
# joins (with a margin of `margin` em): 10 for each construct, 1 for each
# indicator fan.
edge_hits <- function(edge, obstacles, margin = 0.4) {
  owners <- obstacles_hit(edge_points(edge), obstacles, c(edge$tail, edge$head), margin)
  sum(ifelse(startsWith(owners, "fan:"), 1, 10))
}

# The owners of the obstacles a polyline runs through, leaving out the
# shapes named in `ends`.
obstacles_hit <- function(points, obstacles, ends, margin) {
  shapes <- obstacles$shapes
  near <- !rownames(shapes) %in% ends &
    shapes$x + shapes$width / 2 + margin > min(points$x) & shapes$x - shapes$width / 2 - margin < max(points$x) &
    shapes$y + shapes$height / 2 + margin > min(points$y) & shapes$y - shapes$height / 2 - margin < max(points$y)
  shapes <- shapes[near, , drop = FALSE]
  owners <- shapes$owner[polyline_hits_shapes(points, shapes, margin)]
  n <- length(points$x)
  for (fan in obstacles$fans) {
    if (max(fan$x) + margin < min(points$x) || min(fan$x) - margin > max(points$x) ||
        max(fan$y) + margin < min(points$y) || min(fan$y) - margin > max(points$y)) next
    if (any(segments_hit_polygon(points$x[-n], points$y[-n], points$x[-1], points$y[-1], fan, margin))) {
      owners <- c(owners, paste0("fan:", fan$owner))
    }
  }
  owners
}

# Which shapes a polyline runs through: every segment against every shape.
polyline_hits_shapes <- function(points, shapes, margin) {
  n <- length(points$x) - 1L
  m <- nrow(shapes)
  if (!m) return(logical())
  seg <- rep(seq_len(n), times = m)
  shape <- rep(seq_len(m), each = n)
  x0 <- points$x[seg]
  y0 <- points$y[seg]
  x1 <- points$x[seg + 1L]
  y1 <- points$y[seg + 1L]
  grown <- list(x = shapes$x[shape], y = shapes$y[shape],
                width = shapes$width[shape] + 2 * margin, height = shapes$height[shape] + 2 * margin)
  hit <- ifelse(shapes$shape[shape] == "hexagon", segments_hit_hexagon(x0, y0, x1, y1, grown),
                segments_hit_rect(x0, y0, x1, y1, grown))
  # ellipses: in coordinates where the grown ellipse is the unit circle
  u0 <- (x0 - grown$x) / (grown$width / 2)
  v0 <- (y0 - grown$y) / (grown$height / 2)
  du <- (x1 - x0) / (grown$width / 2)
  dv <- (y1 - y0) / (grown$height / 2)
  t <- pmin(1, pmax(0, -(u0 * du + v0 * dv) / pmax(du^2 + dv^2, 1e-12)))
  inside_ellipse <- (u0 + t * du)^2 + (v0 + t * dv)^2 < 1
  hit <- ifelse(shapes$shape[shape] == "ellipse", inside_ellipse, hit)
  as.vector(colSums(matrix(hit, n, m)) > 0)
}

# Bends each structural path that runs through an obstacle: the smallest
# bend, to either side, that clears them all (or, failing that, the one
# that hits the fewest, constructs counting most).
route_paths <- function(edges, shapes, obstacles) {
  for (e in which(edges$kind == "path")) {
    if (edge_hits(edges[e, ], obstacles) == 0) next
    length <- sqrt((shapes[edges$head[e], "x"] - shapes[edges$tail[e], "x"])^2 +
                     (shapes[edges$head[e], "y"] - shapes[edges$tail[e], "y"])^2)
    bends <- as.vector(rbind(1, -1) %o% (seq_len(20) * length / 24))
    hits <- vapply(bends, function(bend) {
      edges$curve[e] <- bend
      edge_hits(set_edge_ends(edges, shapes, e)[e, ], obstacles)
    }, numeric(1))
    edges$curve[e] <- bends[which.max(hits == 0)]
    if (all(hits > 0)) edges$curve[e] <- bends[which.min(hits)]
    edges <- set_edge_ends(edges, shapes, e)
  }
  edges
}

# Every construct and indicator as one shape table, indexed by name; `owner`
# is the construct a shape belongs to.
diagram_shapes <- function(lay) {
  constructs <- lay$constructs[, c("x", "y", "width", "height", "shape")]
  constructs$owner <- lay$constructs$construct
  boxes <- lay$indicators[, c("x", "y", "width", "height")]
  boxes$shape <- rep("rect", nrow(boxes))
  boxes$owner <- lay$indicators$construct
  shapes <- rbind(constructs, boxes)
  rownames(shapes) <- c(lay$constructs$construct, lay$indicators$indicator)
  shapes
}

# What a structural path must not cross: the constructs' shapes and, for
# each construct with indicators, its "fan": the convex hull of its
# measurement arrows and indicator boxes; a higher-order construct has one
# fan for the arrow to each of its dimensions.
diagram_obstacles <- function(lay) {
  nodes <- lay$constructs
  shapes <- diagram_shapes(lay)[seq_len(nrow(nodes)), ]
  fans <- lapply(seq_len(nrow(nodes)), function(k) {
    own <- lay$indicators[lay$indicators$construct == nodes$construct[k], , drop = FALSE]
    if (nrow(own)) fan_polygon(nodes[k, ], own)
  })
  dims <- which(!is.na(nodes$hoc))
  fans <- c(fans, lapply(dims, function(d) fan_polygon(nodes[match(nodes$hoc[d], nodes$construct), ], nodes[d, ])))
  list(shapes = shapes, fans = fans[!vapply(fans, is.null, logical(1))])
}

fan_polygon <- function(node, boxes) {
  starts <- vapply(seq_len(nrow(boxes)), function(i) {
    boundary_point(node$x, node$y, node$width, node$height, node$shape, boxes$x[i] - node$x, boxes$y[i] - node$y)
  }, numeric(2))
  x <- c(starts[1, ], rep(boxes$x, 4) + rep(c(-1, 1, 1, -1), each = nrow(boxes)) * boxes$width / 2)
  y <- c(starts[2, ], rep(boxes$y, 4) + rep(c(-1, -1, 1, 1), each = nrow(boxes)) * boxes$height / 2)
  hull <- grDevices::chull(x, y)
  list(owner = node$construct, x = x[hull], y = y[hull])
}

# Segments against a convex polygon whose vertices run clockwise (as from
# chull()), grown by `margin`.
segments_hit_polygon <- function(x0, y0, x1, y1, polygon, margin = 0) {
  n <- length(polygon$x)
  next_vertex <- c(seq_len(n)[-1], 1L)
  dx <- polygon$x[next_vertex] - polygon$x
  dy <- polygon$y[next_vertex] - polygon$y
  length <- pmax(sqrt(dx^2 + dy^2), 1e-12)
  nx <- -dy / length # outward normals of a clockwise polygon
  ny <- dx / length
  segments_hit_halfplanes(x0, y0, x1, y1, as.list(nx), as.list(ny), as.list(nx * polygon$x + ny * polygon$y + margin))
}

# Puts each label on its own arrow where it covers no shape, other label or
# arrowhead and, for structural paths, where no other path runs through it
# (so that at a crossing it is clear which arrow a label belongs to): the
# free spot nearest the middle of the arrow, or else the least bad one (see
# label_cost()).
place_edge_labels <- function(edges, lay) {
  cex <- ifelse(edges$kind == "path", path_label_cex, measurement_label_cex)
  edges$label_cex <- cex
  edges$label_width <- ifelse(nzchar(edges$label), text_width(edges$label, cex) + 0.5, 0)
  edges$label_height <- text_lines(edges$label) * line_height * cex + 0.2
  edges$label_x <- edges$label_y <- edges$label_at <- NA_real_
  scene <- label_scene(edges, lay)
  # the crowded fans first, then the dimensions' arrows, then the paths
  for (e in order(match(edges$kind, c("measurement", "dimension", "path")))) {
    if (!nzchar(edges$label[e])) next
    at <- seq(0.15, 0.85, by = 0.025)
    # in a fan the arrows are furthest apart near the indicators
    middle <- if (edges$kind[e] != "measurement") 0.5 else if (edges$tail[e] %in% lay$indicators$indicator) 0.4 else 0.6
    edge <- as.list(edges[e, ])
    candidates <- label_rect(edge, at)
    cost <- label_cost(candidates, e, edges$kind[e], scene_near(scene, candidates, label_padding)) +
      0.01 * abs(at - middle)
    best <- lapply(candidates, `[`, which.min(cost))
    edges[e, c("label_x", "label_y", "label_at")] <- c(best$x, best$y, at[which.min(cost)])
    scene$placed <- Map(c, scene$placed, best)
  }
  edges
}

# Room a label should keep from shapes, arrowheads and other labels (em).
label_padding <- 0.3

# Rectangles (a list of vectors x, y, width, height) grown by `by` em on
# every side.
grow_rects <- function(rects, by) {
  rects$width <- rects$width + 2 * by
  rects$height <- rects$height + 2 * by
  rects
}

# The part of the scene that can touch any of the rectangles `rects` (grown
# by `pad`): what the candidate places of one label need to look at.
scene_near <- function(scene, rects, pad) {
  box <- c(min(rects$x - rects$width / 2) - pad, max(rects$x + rects$width / 2) + pad,
           min(rects$y - rects$height / 2) - pad, max(rects$y + rects$height / 2) + pad)
  inside <- function(x0, x1, y0, y1) pmax(x0, x1) >= box[1] & pmin(x0, x1) <= box[2] & pmax(y0, y1) >= box[3] & pmin(y0, y1) <= box[4]
  keep <- function(parts, rows) lapply(parts, function(v) if (is.matrix(v)) v[rows, , drop = FALSE] else v[rows])
  shapes <- scene$shapes
  scene$shapes <- keep(shapes, inside(shapes$x - shapes$width / 2, shapes$x + shapes$width / 2,
                                      shapes$y - shapes$height / 2, shapes$y + shapes$height / 2))
  heads <- scene$heads
  scene$heads <- keep(heads, inside(apply(heads$x, 1, min), apply(heads$x, 1, max),
                                    apply(heads$y, 1, min), apply(heads$y, 1, max)))
  segments <- scene$segments
  scene$segments <- segments[inside(segments$x0, segments$x1, segments$y0, segments$y1), , drop = FALSE]
  placed <- scene$placed
  scene$placed <- keep(placed, inside(placed$x - placed$width / 2, placed$x + placed$width / 2,
                                      placed$y - placed$height / 2, placed$y + placed$height / 2))
  scene
}

# The label's rectangle centred on its arrow at Bezier parameters `t`.
label_rect <- function(edge, t) {
  at <- edge_points(edge, t)
  list(x = at$x, y = at$y, width = rep(edge$label_width, length(t)), height = rep(edge$label_height, length(t)))
}

# What a label must keep clear of: the shapes (grown by the width of their
# border), the arrowheads, the arrows as polylines (one row per segment,
# with the arrow's row in `edges` and its kind) and the labels placed so far.
label_scene <- function(edges, lay) {
  shapes <- as.list(diagram_shapes(lay))
  shapes$width <- shapes$width + 2 * border_margin
  shapes$height <- shapes$height + 2 * border_margin
  pieces <- lapply(seq_len(nrow(edges)), function(e) {
    points <- edge_points(edges[e, ], if (edges$curve[e] == 0) c(0, 1) else seq(0, 1, length.out = 25))
    n <- length(points$x)
    data.frame(edge = e, x0 = points$x[-n], y0 = points$y[-n], x1 = points$x[-1], y1 = points$y[-1])
  })
  segments <- do.call(rbind, c(list(data.frame(edge = integer(), x0 = numeric(), y0 = numeric(), x1 = numeric(),
                                               y1 = numeric())), pieces))
  segments$kind <- edges$kind[segments$edge]
  list(shapes = shapes, heads = arrowhead_triangles(edges), segments = segments,
       placed = list(x = numeric(), y = numeric(), width = numeric(), height = numeric()),
       width = lay$width, height = lay$height)
}

# Half the width of a shape's border line, in em: a label closer than this
# touches the border.
border_margin <- 0.08

# The parts of a label rectangle's trouble: its overlap with shapes, labels
# and arrowheads, how far it leaves the canvas, and the other arrows that
# run through it (structural paths and the arrows of higher-order
# constructs; measurement arrows) for the label of arrow `e`.
label_conflicts <- function(rects, e, scene, crossings = TRUE) {
  m <- length(rects$x)
  # every rectangle against every element: elements vary fastest
  each_rect <- function(k) lapply(rects, rep, each = k)
  each_element <- function(parts, k) {
    lapply(parts, function(v) if (is.matrix(v)) v[rep(seq_len(k), m), , drop = FALSE] else rep(v, m))
  }
  by_rect <- function(values, k) if (k) colSums(matrix(values, k, m)) else numeric(m)
  k <- length(scene$shapes$x)
  covered <- by_rect(shape_rect_overlap(each_element(scene$shapes, k), each_rect(k)), k)
  k <- length(scene$placed$x)
  covered <- covered + by_rect(rect_overlap_area(each_element(scene$placed, k), each_rect(k)), k)
  outside <- pmax(0, rects$width / 2 - rects$x, rects$x + rects$width / 2 - scene$width,
                  rects$height / 2 - rects$y, rects$y + rects$height / 2 - scene$height)
  k <- NROW(scene$heads$x)
  heads <- by_rect(rect_hits_triangles(each_rect(k), each_element(scene$heads, k)), k)
  out <- list(covered = covered, outside = outside, heads = heads)
  if (!crossings) return(out)
  segments <- scene$segments[scene$segments$edge != e, , drop = FALSE]
  k <- nrow(segments)
  ends <- each_element(segments[c("x0", "y0", "x1", "y1")], k)
  hit <- matrix(segments_hit_rect(ends$x0, ends$y0, ends$x1, ends$y1, each_rect(k)), k, m)
  crossing <- function(kinds) {
    vapply(seq_len(m), function(j) length(unique(segments$edge[hit[, j] & kinds])), numeric(1))
  }
  c(out, list(paths = crossing(segments$kind != "measurement"), measurement = crossing(segments$kind == "measurement")))
}

# Covering shapes, labels or arrowheads or leaving the canvas counts most;
# a structural label crossed by another path or higher-order arrow much;
# any other crossing a little.
# Coming within `label_padding` of a shape, label or arrowhead costs less
# than having a structural path run through the label, more than crossing
# a measurement arrow.
label_cost <- function(rects, e, kind, scene) {
  conflicts <- label_conflicts(rects, e, scene)
  near <- label_conflicts(grow_rects(rects, label_padding), e, scene, crossings = FALSE)
  crossings <- if (kind == "measurement") 5 * conflicts$paths + conflicts$measurement else 20 * conflicts$paths + conflicts$measurement
  100 * (conflicts$covered + conflicts$outside + conflicts$heads) + 10 * (near$covered > 1e-6) + 10 * (near$heads > 0) +
    crossings
}

# Which placed labels are in trouble: covering a shape, another label or an
# arrowhead (or coming closer to a label or arrowhead than half of
# `label_padding`), off the canvas, or (not for measurement arrows) crossed
# by a structural path or the arrow of a higher-order construct.
label_trouble <- function(edges, lay) {
  scene <- label_scene(edges, lay)
  shown <- which(!is.na(edges$label_x))
  rects <- list(x = edges$label_x, y = edges$label_y, width = edges$label_width, height = edges$label_height)
  trouble <- logical(nrow(edges))
  for (e in shown) {
    scene$placed <- lapply(rects, `[`, setdiff(shown, e))
    rect <- lapply(rects, `[`, e)
    conflicts <- label_conflicts(rect, e, scene)
    rect <- grow_rects(rect, label_padding / 2)
    labels_heads <- scene
    labels_heads$shapes <- lapply(scene$shapes, `[`, 0)
    near <- label_conflicts(rect, e, labels_heads, crossings = FALSE)
    trouble[e] <- conflicts$covered > 1e-6 || conflicts$outside > 1e-6 || conflicts$heads > 0 ||
      near$covered > 1e-6 || near$heads > 0 || (edges$kind[e] != "measurement" && conflicts$paths > 0)
  }
  trouble
}

rect_overlap_area <- function(a, b) {
  dx <- pmax(0, pmin(a$x + a$width / 2, b$x + b$width / 2) - pmax(a$x - a$width / 2, b$x - b$width / 2))
  dy <- pmax(0, pmin(a$y + a$height / 2, b$y + b$height / 2) - pmax(a$y - a$height / 2, b$y - b$height / 2))
  dx * dy
}

# Overlap of a label rectangle with each shape: the area for rectangles and
# hexagons (by their bounding box); for ellipses, how deep the rectangle
# reaches inside (exact: scaling the axes turns the ellipse into the unit
# circle and keeps the rectangle a rectangle).
shape_rect_overlap <- function(shapes, rect) {
  a <- shapes$width / 2
  b <- shapes$height / 2
  nearest_x <- (pmin(pmax(shapes$x, rect$x - rect$width / 2), rect$x + rect$width / 2) - shapes$x) / a
  nearest_y <- (pmin(pmax(shapes$y, rect$y - rect$height / 2), rect$y + rect$height / 2) - shapes$y) / b
  depth <- pmax(0, 1 - sqrt(nearest_x^2 + nearest_y^2)) * pmin(a, b) * rect$height
  ifelse(shapes$shape == "ellipse", depth, rect_overlap_area(shapes, rect))
}
