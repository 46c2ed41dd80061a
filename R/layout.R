#' Layout of a path diagram
#'
#' `layout_pls()` computes where [plot()][plot.pls_fit] puts each construct
#' and indicator: the sizes of their shapes (big enough for their labels) and
#' the coordinates of their centres. Use it to inspect or adjust a layout, or
#' to pass coordinates back to `plot(fit, layout = )`.
#'
#' @section Automatic layout:
#' The structural model is drawn in layers from left to right. A construct's
#' layer is the length of the longest chain of paths leading to it, so
#' exogenous constructs form the first (left) layer and the final outcomes
#' the last. A path that skips layers reserves a slot in every layer it
#' crosses, so it does not run through the constructs in between. Within
#' each layer the constructs are ordered to reduce crossing paths: repeated
#' sweeps sort each layer by the mean position of its neighbours in the
#' adjacent layer (the barycentre heuristic), followed by swaps of
#' neighbouring constructs that remove crossings. Vertical positions then
#' pull each construct towards its neighbours while keeping the order and
#' the room its indicators need; layers are placed as close as they can be
#' without any two shapes, indicator boxes or path labels overlapping.
#'
#' Indicators sit beside their construct on the side that faces away from
#' the structural model: to the left of exogenous constructs, to the right
#' of final outcomes, and above or below the other constructs (the side with
#' fewer structural neighbours; ties go up for the top construct of a layer
#' and down otherwise).
#'
#' @section Manual layout:
#' `layout` may give the constructs' centres: a matrix or data frame with
#' columns `x` and `y` and the construct names as row names or in a column
#' `construct`. Only relative positions matter (y grows upwards): the
#' coordinates are scaled by the smallest factor that keeps every construct
#' and its indicators clear of the others. An optional column `side`
#' (`"left"`, `"right"`, `"above"` or `"below"`) places each construct's
#' indicators; by default they go to the side with the fewest structural
#' neighbours. A `pls_layout` from `layout_pls()` is accepted as well.
#'
#' @param x A fitted model from [pls()], a model from [parse_model()] or
#'   model syntax.
#' @param indicators Draw the indicators (`TRUE`, the default; never the
#'   product items of an interaction term, which is drawn as its node) or only the
#'   structural model (`FALSE`)?
#' @param layout `NULL` for the automatic layout, or the constructs'
#'   coordinates (see *Manual layout*).
#' @param node_labels Optional display names for constructs, a named
#'   character vector such as `c(TTM = "Teacher team mentoring")`. Long
#'   names are broken into up to three lines (at spaces, `_`, `.`, `-` and
#'   inside camelCase words); `"\n"` forces a line break.
#' @param labels,digits The edge labels; see [plot.pls_fit()]. Only their
#'   widths matter here: they set the room left between shapes.
#' @param r2 Reserve room for an R^2 line in endogenous constructs? By
#'   default, when `x` is a fitted model.
#'
#' @return An object of class `pls_layout`, a list with
#' \describe{
#'   \item{`constructs`}{a data frame with one row per construct:
#'     `construct`, `label` (the displayed text, with line breaks), `mode`,
#'     `shape` (`"ellipse"` or `"hexagon"`), centre `x`, `y`, `width`,
#'     `height` of the shape, `text_width` (room for the name), `cex` (its
#'     font size relative to the base font), `r2` (shows an R^2 line),
#'     `layer` (`NA` for manual layouts) and `side` of its indicators.}
#'   \item{`indicators`}{a data frame with one row per indicator:
#'     `indicator`, `construct`, box centre `x`, `y`, `width`, `height`,
#'     `text_width` and `cex`; no rows when `indicators = FALSE`.}
#'   \item{`width`, `height`}{the size of the whole diagram.}
#'   \item{`fontsize`}{the base font size in points (10).}
#' }
#' All lengths are in units of the base font size ("em"): multiply by
#' `fontsize / 72` for inches at the diagram's natural size. `plot()`
#' scales the whole diagram, fonts included, to the device.
#' @seealso [plot.pls_fit()], [as_dot()].
#' @examples
#' lay <- layout_pls("
#'   A =~ a1 + a2 + a3
#'   B <~ b1 + b2
#'   C =~ c1 + c2 + c3
#'   B ~ A
#'   C ~ A + B
#' ")
#' lay$constructs[, c("construct", "x", "y", "layer", "side")]
#' @export
layout_pls <- function(x, indicators = TRUE, layout = NULL, node_labels = NULL,
                       labels = NULL, digits = 2, r2 = inherits(x, "pls_fit")) {
  model <- diagram_model(x)
  labels <- edge_labels(x, model, labels, digits)
  nodes <- construct_nodes(model, node_labels, r2)
  boxes <- if (isTRUE(indicators)) indicator_boxes(model) else indicator_boxes(model)[0, ]
  # an interaction term is drawn as its node and path: its product items are
  # an estimation device (SmartPLS does not draw them either)
  boxes <- boxes[!is_interaction(model, boxes$construct), , drop = FALSE]
  gaps <- diagram_gaps(labels, model)
  placed <- if (is.null(layout)) {
    auto_layout(nodes, boxes, model$inner, gaps)
  } else {
    manual_layout(nodes, boxes, model$inner, gaps, layout_coordinates(layout, model))
  }
  finish_layout(placed$nodes, placed$boxes)
}

#' @export
print.pls_layout <- function(x, ...) {
  cat(sprintf("Path diagram layout: %d constructs, %d indicators, %.1f x %.1f em\n",
              nrow(x$constructs), nrow(x$indicators), x$width, x$height))
  print_wide(x$constructs[, c("construct", "shape", "x", "y", "layer", "side")], digits = 1)
  invisible(x)
}

diagram_model <- function(x) {
  model <- if (inherits(x, "pls_fit")) x$model else as_pls_model(x)
  # a repeated-indicators model draws as any model; the two-stage models
  # and the parsed one measure a construct by constructs
  if (has_hoc(model) && !identical(model$hoc_method, "repeated")) {
    abort_model(c("Path diagrams of models with higher-order constructs are not supported yet ({.val {unique(model$hoc$hoc)}}).",
                  "i" = "Draw the repeated-indicators model: fit it with {.code hoc = \"repeated\"}."),
                class = "iecpls_unsupported_error")
  }
  model
}

# Room between shapes, from the widest edge labels (in em).
diagram_gaps <- function(labels, model) {
  is_path <- grepl(" -> ", names(labels), fixed = TRUE)
  path_width <- max(text_width(labels[is_path], path_label_cex), 0) + 0.6
  measurement_width <- max(text_width(labels[!is_path], measurement_label_cex), 0) + 0.5
  list(
    path = max(4.8, path_width + 2.4),         # between shapes of adjacent layers
    indicator_h = max(3.8, measurement_width + 1.8),
    indicator_v = 3.4,
    measurement_label = measurement_width,
    node = 1.6,                                # between footprints in a layer
    dummy = 1.8                                # half the room a passing path takes
  )
}

path_label_cex <- 0.75
measurement_label_cex <- 0.7
indicator_cex <- 0.8
r2_cex <- 0.8

construct_nodes <- function(model, node_labels, r2) {
  constructs <- model$constructs
  shown <- stats::setNames(constructs, constructs)
  if (!is.null(node_labels)) {
    # c(A = NA) is logical: a missing label, not a wrong type
    text <- is.character(node_labels) || (is.logical(node_labels) && all(is.na(node_labels)))
    if (!text || is.null(names(node_labels))) {
      abort_input("{.arg node_labels} must be a named character vector such as {.code c(TTM = \"Teacher team mentoring\")}.")
    }
    unknown <- setdiff(names(node_labels), constructs)
    if (length(unknown)) abort_missing_names(unknown, constructs, "Construct", "the model (argument {.arg node_labels})")
    missing <- names(node_labels)[is.na(node_labels)]
    if (length(missing)) {
      abort_input("{.arg node_labels} must not be missing ({.code NA}); {cli::qty(length(missing))}construct{?s} {.field {missing}} {?has/have} none. Leave a construct out to show its name.")
    }
    shown[names(node_labels)] <- node_labels
  }
  has_r2 <- isTRUE(r2) & constructs %in% model_endogenous(model)
  rows <- lapply(seq_along(constructs), function(k) {
    label <- wrap_label(shown[[k]])
    cex <- min(1, max(0.7, 14 / max(text_width(label), 1e-9)))
    geometry <- construct_geometry(label, model$modes[[k]], has_r2[k], cex, r2_cex)
    data.frame(construct = constructs[k], label = label, mode = model$modes[[k]],
               shape = if (model$modes[[k]] == "B") "hexagon" else "ellipse",
               width = geometry$width, height = geometry$height, text_width = geometry$text_width,
               cex = cex, r2 = has_r2[k], stringsAsFactors = FALSE)
  })
  do.call(rbind, rows)
}

# One box per indicator; a block's boxes share one width. Long names get a
# smaller font (down to 0.55 of the base size) before the boxes widen.
indicator_boxes <- function(model) {
  construct <- rep(model$constructs, lengths(model$blocks))
  natural <- text_width(model$indicators, indicator_cex)
  width <- stats::ave(pmin(natural, 10), construct, FUN = max) + 0.9
  width <- pmax(width, 3.2)
  cex <- indicator_cex * pmin(1, (width - 0.9) / pmax(natural, 1e-9))
  cex <- pmax(cex, 0.55)
  text_w <- text_width(model$indicators, cex)
  width <- pmax(width, text_w + 0.9)
  width <- stats::ave(width, construct, FUN = max)
  data.frame(indicator = model$indicators, construct = construct, x = 0, y = 0, width = width,
             height = 1.7, text_width = text_w, cex = cex, stringsAsFactors = FALSE)
}

# Indicator box centres relative to their construct's centre.
indicator_offsets <- function(node, boxes, side, gaps) {
  m <- nrow(boxes)
  if (!m || side == "none") return(cbind(x = numeric(m), y = numeric(m)))
  w <- max(boxes$width)
  h <- max(boxes$height)
  k <- seq_len(m) - 1
  if (side %in% c("left", "right")) {
    pitch <- h + 0.55
    x <- node$width / 2 + gaps$indicator_h + w / 2
    return(cbind(x = if (side == "left") rep(-x, m) else rep(x, m), y = ((m - 1) / 2 - k) * pitch))
  }
  pitch <- max(w + 0.6, (gaps$measurement_label + 0.2) / 0.55)
  y <- node$height / 2 + gaps$indicator_v + h / 2
  cbind(x = (k - (m - 1) / 2) * pitch, y = if (side == "above") rep(y, m) else rep(-y, m))
}

# Half-extents (left, right, top, bottom) of a construct with its indicators.
footprint <- function(node, boxes, offsets) {
  a <- node$width / 2
  b <- node$height / 2
  if (!nrow(boxes)) return(c(left = a, right = a, top = b, bottom = b))
  c(left = max(a, -min(offsets[, "x"] - boxes$width / 2)),
    right = max(a, max(offsets[, "x"] + boxes$width / 2)),
    top = max(b, max(offsets[, "y"] + boxes$height / 2)),
    bottom = max(b, -min(offsets[, "y"] - boxes$height / 2)))
}

# Footprints of all constructs for the given indicator sides (K x 4 matrix).
footprints <- function(nodes, boxes, sides, gaps) {
  t(vapply(seq_len(nrow(nodes)), function(k) {
    own <- boxes[boxes$construct == nodes$construct[k], , drop = FALSE]
    footprint(nodes[k, ], own, indicator_offsets(nodes[k, ], own, sides[k], gaps))
  }, numeric(4)))
}

# The rectangles a construct occupies relative to its centre: its shape and,
# if any, the block of its indicators (rows xmin, xmax, ymin, ymax).
footprint_parts <- function(nodes, boxes, sides, gaps) {
  lapply(seq_len(nrow(nodes)), function(k) {
    a <- nodes$width[k] / 2
    b <- nodes$height[k] / 2
    parts <- rbind(c(-a, a, -b, b))
    own <- boxes[boxes$construct == nodes$construct[k], , drop = FALSE]
    if (nrow(own) && sides[k] != "none") {
      offsets <- indicator_offsets(nodes[k, ], own, sides[k], gaps)
      parts <- rbind(parts, c(min(offsets[, "x"] - own$width / 2), max(offsets[, "x"] + own$width / 2),
                              min(offsets[, "y"] - own$height / 2), max(offsets[, "y"] + own$height / 2)))
    }
    colnames(parts) <- c("xmin", "xmax", "ymin", "ymax")
    parts
  })
}

# Places the indicators around their constructs' final centres.
place_indicators <- function(nodes, boxes, gaps) {
  for (k in seq_len(nrow(nodes))) {
    rows <- which(boxes$construct == nodes$construct[k])
    offsets <- indicator_offsets(nodes[k, ], boxes[rows, , drop = FALSE], nodes$side[k], gaps)
    boxes$x[rows] <- nodes$x[k] + offsets[, "x"]
    boxes$y[rows] <- nodes$y[k] + offsets[, "y"]
  }
  boxes
}

# Indicator side of each construct: the side facing away from its
# structural neighbours (see ranked_sides()).
choose_sides <- function(nodes, boxes, inner, x, y, preference, passing = NULL) {
  vapply(seq_len(nrow(nodes)), function(k) {
    if (!any(boxes$construct == nodes$construct[k])) return("none")
    ranked_sides(k, inner, x, y, preference[[k]], passing[[k]])[1]
  }, character(1))
}

# The sides allowed by `preference`, best first. Each structural neighbour
# (and each path passing the construct's layer, given as points in
# `passing`) weighs on the side it lies towards, by the cosine of its
# direction; near ties follow the order of `preference`.
ranked_sides <- function(k, inner, x, y, preference, passing = NULL) {
  neighbours <- which(inner[k, ] != 0 | inner[, k] != 0)
  dx <- c(x[neighbours], passing$x) - x[k]
  dy <- c(y[neighbours], passing$y) - y[k]
  distance <- pmax(sqrt(dx^2 + dy^2), 1e-9)
  weight <- c(left = sum(pmax(0, -dx) / distance), right = sum(pmax(0, dx) / distance),
              above = sum(pmax(0, dy) / distance), below = sum(pmax(0, -dy) / distance))
  score <- weight[preference] + 0.05 * (seq_along(preference) - 1)
  preference[order(score)]
}

# Orders in which sides are tried. In the automatic layout (`free = FALSE`)
# exogenous constructs keep their indicators on the left, final outcomes on
# the right and the others above or below; manual layouts may use any side.
side_preference <- function(inner, top, free = TRUE) {
  lapply(seq_len(nrow(inner)), function(k) {
    vertical <- if (top[k]) c("above", "below") else c("below", "above")
    exogenous <- !any(inner[, k] != 0)
    final <- !any(inner[k, ] != 0)
    if (!free) return(if (exogenous) "left" else if (final) "right" else vertical)
    if (exogenous) return(c("left", vertical, "right"))
    if (final) return(c("right", vertical, "left"))
    c(vertical, "left", "right")
  })
}

# Shifts everything so the diagram starts at a margin of 1 em.
finish_layout <- function(nodes, boxes, margin = 1) {
  rects <- rbind(nodes[, c("x", "y", "width", "height")], boxes[, c("x", "y", "width", "height")])
  left <- min(rects$x - rects$width / 2)
  bottom <- min(rects$y - rects$height / 2)
  nodes$x <- nodes$x - left + margin
  nodes$y <- nodes$y - bottom + margin
  boxes$x <- boxes$x - left + margin
  boxes$y <- boxes$y - bottom + margin
  rownames(nodes) <- NULL
  rownames(boxes) <- NULL
  structure(list(
    constructs = nodes[, c("construct", "label", "mode", "shape", "x", "y", "width", "height",
                           "text_width", "cex", "r2", "layer", "side")],
    indicators = boxes[, c("indicator", "construct", "x", "y", "width", "height", "text_width", "cex")],
    width = max(rects$x + rects$width / 2) - left + 2 * margin,
    height = max(rects$y + rects$height / 2) - bottom + 2 * margin,
    fontsize = 10
  ), class = "pls_layout")
}
