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
#' A higher-order construct (`REP =~ COMP + LIKE`, or `<~`) is drawn as a
#' construct without indicator boxes: its dimensions (`COMP`, `LIKE`) are
#' its indicators, drawn as constructs beside it, like indicators: in a
#' column to its left if it is exogenous, to its right if it is a final
#' outcome, and otherwise half of them above it and the rest below (side
#' `"split"`). Each dimension has its own indicators further out on the same
#' side. This holds for a parsed model and the two-stage approaches
#' (`pls(hoc = "embedded")`, `"disjoint"`); the repeated-indicators model
#' (`hoc = "repeated"`), whose higher-order construct is linked to its
#' dimensions by structural paths, is laid out as any model, without the
#' repeated copies of the dimensions' items.
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
#' The dimensions of a higher-order construct may be given coordinates like
#' any construct, or all be left out: they are then drawn beside it as in
#' the automatic layout, on the side chosen in the same way or given by
#' `side` (which may also be `"split"`: above and below).
#'
#' @param x A fitted model from [pls()], a model from [parse_model()] or
#'   model syntax.
#' @param indicators Draw the indicators (`TRUE`, the default; never the
#'   product items of an interaction term, which is drawn as its node, nor
#'   the indicators of a higher-order construct, which are its dimensions or
#'   their repeated items) or only the structural model (`FALSE`; the
#'   dimensions of higher-order constructs are still drawn)?
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
#'     `layer` (`NA` for manual layouts; a dimension drawn beside its
#'     higher-order construct has that construct's layer), `side` of its
#'     indicators (for a higher-order construct: of its dimensions, also
#'     `"split"`; `"none"` without either) and `hoc` (for a dimension of a
#'     higher-order construct, that construct; else `NA`).}
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
  diagram_geometry(x, indicators, layout, node_labels, labels, digits, r2)$layout
}

# The layout and its arrows, each label placed on its arrow. When a label of
# a structural path finds no free place there (see label_trouble()), the
# layers the path spans of an automatic layout move apart by 1.5 em (and,
# every second round, the constructs within each layer by 1 em) and
# everything is placed again: at most 8 rounds, keeping the round with the
# fewest troubled labels.
diagram_geometry <- function(x, indicators, layout, node_labels, labels, digits, r2, estimates = NULL) {
  model <- diagram_model(x)
  labels <- edge_labels(x, model, labels, digits)
  if (is.null(estimates)) estimates <- stats::setNames(rep(NA_real_, length(labels)), names(labels))
  nodes <- construct_nodes(model, node_labels, r2)
  dims <- diagram_dimensions(model)
  nodes$hoc <- dims$hoc[match(nodes$construct, dims$dimension)]
  boxes <- if (isTRUE(indicators)) indicator_boxes(model) else indicator_boxes(model)[0, ]
  # an interaction term is drawn as its node and path: its product items are
  # an estimation device (SmartPLS does not draw them either); so are the
  # "indicators" of a higher-order construct: its dimensions, drawn as
  # constructs, or the copies of their items (repeated indicators)
  boxes <- boxes[!is_interaction(model, boxes$construct) & !is_hoc(model, boxes$construct), , drop = FALSE]
  gaps <- diagram_gaps(labels, model)
  coords <- if (!is.null(layout)) layout_coordinates(layout, model)
  extra <- NULL
  best <- NULL
  for (round in seq_len(8)) {
    placed <- if (is.null(coords)) {
      auto_layout(nodes, boxes, model$inner, gaps, extra)
    } else {
      manual_layout(nodes, boxes, diagram_inner(model), gaps, coords)
    }
    lay <- finish_layout(placed$nodes, placed$boxes)
    edges <- place_edge_labels(diagram_edges(lay, model, labels, estimates, digits), lay)
    trouble <- label_trouble(edges, lay)
    # a round whose shapes overlap or whose paths run through shapes is
    # worse than any labels
    score <- sum(trouble) + 1000 * layout_faults(lay, edges)
    if (is.null(best) || score < best$score) best <- list(layout = lay, edges = edges, score = score)
    widen <- spanned_gaps(edges[trouble & edges$kind == "path", , drop = FALSE], lay)
    if (!is.null(coords) || !length(widen)) break
    if (is.null(extra)) extra <- numeric(max(lay$constructs$layer, na.rm = TRUE) + 1L)
    extra[widen] <- extra[widen] + 1.5
    # labels of several lines need the constructs of a layer further apart too
    if (round %% 2L == 0L) gaps$node <- gaps$node + 1
  }
  best
}

# Overlapping shapes and structural paths through shapes or indicator fans.
layout_faults <- function(lay, edges) {
  obstacles <- diagram_obstacles(lay)
  through <- vapply(which(edges$kind == "path"), function(e) edge_hits(edges[e, ], obstacles, margin = 0) > 0, logical(1))
  nrow(overlapping_rects(diagram_shapes(lay))) + sum(through)
}

# The gaps between layers that the arrows `edges` span, as indices into the
# `extra` room of auto_layout() (the gap before layer l is l + 1).
spanned_gaps <- function(edges, lay) {
  layer <- stats::setNames(lay$constructs$layer, lay$constructs$construct)
  from <- layer[edges$tail]
  to <- layer[edges$head]
  keep <- !is.na(from) & !is.na(to) & from != to
  unique(unlist(Map(function(a, b) (min(a, b) + 2L):(max(a, b) + 1L), from[keep], to[keep]), use.names = FALSE))
}

#' @export
print.pls_layout <- function(x, ...) {
  cat(sprintf("Path diagram layout: %d constructs, %d indicators, %.1f x %.1f em\n",
              nrow(x$constructs), nrow(x$indicators), x$width, x$height))
  print_wide(x$constructs[, c("construct", "shape", "x", "y", "layer", "side")], digits = 1)
  invisible(x)
}

diagram_model <- function(x) {
  if (inherits(x, "pls_fit")) x$model else as_pls_model(x)
}

# The dimensions drawn as constructs beside their higher-order construct
# (data frame: hoc, dimension), joined to it by measurement arrows: those
# of a parsed model and of the two-stage approaches, where the HOC is
# measured by its dimensions. A repeated-indicators model draws as any model
# (its HOC -> dimension relations are structural paths).
diagram_dimensions <- function(model) {
  dims <- data.frame(hoc = character(), dimension = character(), stringsAsFactors = FALSE)
  if (!has_hoc(model) || identical(model$hoc_method, "repeated")) return(dims)
  model$hoc[, c("hoc", "dimension")]
}

# Is the arrow between a HOC and its dimension drawn from the dimension
# into the HOC? As for indicators, the HOC's mode decides: loadings (Mode A,
# "=~") point to the dimensions, weights (Mode B, "<~") into the HOC.
dimension_into_hoc <- function(model, hoc) {
  unname(model$modes[hoc] == "B")
}

# The structural paths with each arrow between a HOC and its dimensions, in
# its direction: the links a manual layout keeps room for.
diagram_inner <- function(model) {
  inner <- model$inner
  dims <- diagram_dimensions(model)
  into <- dimension_into_hoc(model, dims$hoc)
  inner[cbind(ifelse(into, dims$dimension, dims$hoc), ifelse(into, dims$hoc, dims$dimension))] <- 1L
  inner
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
    dimension_h = max(4.8, measurement_width + 2.6), # between a HOC and the column of its dimensions
    dimension_v = max(3.8, 2.8 + 0.4 * measurement_width), # ... and the row above or below it
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

# What is drawn beside a construct whose indicators go to `side`, as
# groups of rectangles (x, y, width, height) relative to its centre: the
# block of its indicator boxes or, for a higher-order construct whose
# dimensions are drawn beside it (`satellites`: their nodes, with column
# `hoc`), each dimension with its indicators.
attached_groups <- function(node, boxes, side, gaps, satellites = NULL) {
  if (side == "none") return(list())
  dims <- if (!is.null(satellites)) satellites[satellites$hoc %in% node$construct, , drop = FALSE]
  if (NROW(dims)) return(dimension_offsets(node, dims, boxes, side, gaps)$groups)
  own <- boxes[boxes$construct == node$construct, , drop = FALSE]
  if (!nrow(own)) return(list())
  offsets <- indicator_offsets(node, own, side, gaps)
  list(data.frame(x = offsets[, "x"], y = offsets[, "y"], width = own$width, height = own$height))
}

# Where the dimensions of a higher-order construct go, relative to its
# centre, when they are drawn to `side` of it: a column to its left or
# right, a row above or below it, or ("split") the first half of them above
# and the rest below. Each dimension's indicators continue outwards on the
# same side. Returns the dimensions' offsets and sides (`dims`) and the
# groups of rectangles of attached_groups().
dimension_offsets <- function(node, dims, boxes, side, gaps) {
  m <- nrow(dims)
  dim_side <- if (side == "split") rep(c("above", "below"), c(ceiling(m / 2), m %/% 2)) else rep(side, m)
  own <- lapply(seq_len(m), function(j) {
    mine <- boxes[boxes$construct == dims$construct[j], , drop = FALSE]
    offsets <- indicator_offsets(dims[j, ], mine, dim_side[j], gaps)
    data.frame(x = c(0, offsets[, "x"]), y = c(0, offsets[, "y"]),
               width = c(dims$width[j], mine$width), height = c(dims$height[j], mine$height))
  })
  extent <- t(vapply(own, function(r) {
    c(left = -min(r$x - r$width / 2), right = max(r$x + r$width / 2),
      top = max(r$y + r$height / 2), bottom = -min(r$y - r$height / 2))
  }, numeric(4)))
  x <- y <- numeric(m)
  for (s in unique(dim_side)) {
    j <- which(dim_side == s)
    if (s %in% c("left", "right")) {
      # a column, the dimensions' centres in line
      reach <- node$width / 2 + gaps$dimension_h + max(dims$width[j]) / 2
      x[j] <- if (s == "left") -reach else reach
      y[j] <- -spread_centres(extent[j, "top"], extent[j, "bottom"], gaps$node)
    } else {
      reach <- node$height / 2 + gaps$dimension_v + max(dims$height[j]) / 2
      y[j] <- if (s == "above") reach else -reach
      x[j] <- spread_centres(extent[j, "left"], extent[j, "right"], gaps$node)
    }
  }
  groups <- lapply(seq_len(m), function(j) {
    own[[j]]$x <- own[[j]]$x + x[j]
    own[[j]]$y <- own[[j]]$y + y[j]
    own[[j]]
  })
  list(dims = data.frame(construct = dims$construct, x = x, y = y, side = dim_side, stringsAsFactors = FALSE),
       groups = groups)
}

# Centres along a line of footprints that reach `before` and `after` their
# centres, `gap` apart, the first and last centres on either side of 0.
spread_centres <- function(before, after, gap) {
  m <- length(before)
  centre <- cumsum(c(0, after[-m] + before[-1] + gap))
  centre - (centre[1] + centre[m]) / 2
}

# Half-extents (left, right, top, bottom) of a construct with what is drawn
# beside it (rectangles relative to its centre).
footprint <- function(node, rects) {
  a <- node$width / 2
  b <- node$height / 2
  if (!NROW(rects)) return(c(left = a, right = a, top = b, bottom = b))
  c(left = max(a, -min(rects$x - rects$width / 2)),
    right = max(a, max(rects$x + rects$width / 2)),
    top = max(b, max(rects$y + rects$height / 2)),
    bottom = max(b, -min(rects$y - rects$height / 2)))
}

# Footprints of all constructs for the given indicator sides (K x 4 matrix).
footprints <- function(nodes, boxes, sides, gaps, satellites = NULL) {
  t(vapply(seq_len(nrow(nodes)), function(k) {
    groups <- attached_groups(nodes[k, ], boxes, sides[k], gaps, satellites)
    footprint(nodes[k, ], do.call(rbind, groups))
  }, numeric(4)))
}

# The rectangles a construct occupies relative to its centre: its shape and
# the bounding box of each group drawn beside it: its indicators, or each
# dimension of a higher-order construct with its indicators (rows xmin,
# xmax, ymin, ymax).
footprint_parts <- function(nodes, boxes, sides, gaps, satellites = NULL) {
  lapply(seq_len(nrow(nodes)), function(k) {
    a <- nodes$width[k] / 2
    b <- nodes$height[k] / 2
    parts <- rbind(c(-a, a, -b, b))
    for (rects in attached_groups(nodes[k, ], boxes, sides[k], gaps, satellites)) {
      parts <- rbind(parts, c(min(rects$x - rects$width / 2), max(rects$x + rects$width / 2),
                              min(rects$y - rects$height / 2), max(rects$y + rects$height / 2)))
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
# structural neighbours (see ranked_sides()). A higher-order construct whose
# dimensions are drawn beside it (`satellites`) places them the same way.
choose_sides <- function(nodes, boxes, inner, x, y, preference, passing = NULL, satellites = NULL) {
  vapply(seq_len(nrow(nodes)), function(k) {
    if (!any(boxes$construct == nodes$construct[k]) && !nodes$construct[k] %in% satellites$hoc) return("none")
    if (length(preference[[k]]) == 1L) return(preference[[k]])
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
  weight[["split"]] <- max(weight[c("above", "below")]) # needs both free
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
                           "text_width", "cex", "r2", "layer", "side", "hoc")],
    indicators = boxes[, c("indicator", "construct", "x", "y", "width", "height", "text_width", "cex")],
    width = max(rects$x + rects$width / 2) - left + 2 * margin,
    height = max(rects$y + rects$height / 2) - bottom + 2 * margin,
    fontsize = 10
  ), class = "pls_layout")
}
