# Manual layouts: the user gives the constructs' centres; indicators and the
# scale of the coordinates are worked out here.

manual_layout <- function(nodes, boxes, inner, gaps, coords) {
  # dimensions without coordinates are drawn beside their higher-order
  # construct, as in the automatic layout
  beside <- !nodes$construct %in% coords$construct
  satellites <- nodes[beside, , drop = FALSE]
  drawn <- nodes
  drawn$x <- drawn$y <- 0
  drawn$side <- "none"
  drawn$layer <- NA_integer_
  nodes <- nodes[!beside, , drop = FALSE]
  inner <- inner[!beside, !beside, drop = FALSE]
  coords <- coords[match(nodes$construct, coords$construct), , drop = FALSE]
  top <- coords$y >= mean(coords$y)
  preference <- side_preference(inner, top)
  hoc <- nodes$construct %in% satellites$hoc
  # a HOC between others may have its dimensions above and below it
  preference[hoc] <- lapply(preference[hoc], function(p) if (p[1] %in% c("above", "below")) c("split", p) else p)
  given <- !is.na(coords$side) & nodes$construct %in% c(boxes$construct, satellites$hoc)
  sides <- choose_sides(nodes, boxes, inner, coords$x, coords$y, preference, satellites = satellites)
  sides[given] <- coords$side[given]
  for (pass in 1:2) {
    scale <- manual_scale(coords$x, coords$y, nodes, footprints(nodes, boxes, sides, gaps, satellites), inner, gaps)
    nodes$x <- coords$x * scale
    nodes$y <- coords$y * scale
    if (pass == 2L) break
    free <- sides != "none" & !given
    sides[free] <- vapply(which(free), function(k) clearest_side(k, nodes, boxes, inner, gaps, preference, satellites),
                          character(1))
  }
  nodes$layer <- NA_integer_
  nodes$side <- sides
  drawn <- with_dimensions(drawn, nodes, satellites, boxes, gaps)
  list(nodes = drawn, boxes = place_indicators(drawn, boxes, gaps))
}

# The side whose indicator fan (arrows and boxes; for a higher-order
# construct, the fan of each dimension with its indicators) fewest
# structural paths cross and fewest other constructs touch; ties go to the
# side facing away from the neighbours.
clearest_side <- function(k, nodes, boxes, inner, gaps, preference, satellites = NULL) {
  ranked <- ranked_sides(k, inner, nodes$x, nodes$y, preference[[k]])
  edges <- which(inner != 0, arr.ind = TRUE)
  others <- nodes[-k, c("x", "y", "width", "height")]
  node <- nodes[k, ]
  crowding <- vapply(ranked, function(side) {
    sum(vapply(attached_groups(node, boxes, side, gaps, satellites), function(rects) {
      rects$x <- node$x + rects$x
      rects$y <- node$y + rects$y
      fan <- fan_polygon(node, rects)
      crossing <- segments_hit_polygon(nodes$x[edges[, 1]], nodes$y[edges[, 1]], nodes$x[edges[, 2]], nodes$y[edges[, 2]], fan)
      hull <- data.frame(x = mean(range(fan$x)), y = mean(range(fan$y)), width = diff(range(fan$x)), height = diff(range(fan$y)))
      sum(crossing) + nrow(overlapping_rects(others, hull))
    }, numeric(1)))
  }, numeric(1))
  ranked[which.min(crowding)]
}

# The smallest factor that moves every pair of constructs (with their
# indicators) apart, horizontally or vertically; constructs joined by a path
# also keep room for its label.
manual_scale <- function(x, y, nodes, fp, inner, gaps, margin = 2.5) {
  K <- length(x)
  needed <- 1e-9
  for (i in seq_len(K - 1L)) {
    for (j in (i + 1L):K) {
      linked <- inner[i, j] != 0 || inner[j, i] != 0
      room_x <- margin + if (x[j] >= x[i]) fp[i, "right"] + fp[j, "left"] else fp[i, "left"] + fp[j, "right"]
      room_y <- margin + if (y[j] >= y[i]) fp[i, "top"] + fp[j, "bottom"] else fp[i, "bottom"] + fp[j, "top"]
      if (linked) {
        room_x <- max(room_x, (nodes$width[i] + nodes$width[j]) / 2 + gaps$path + 2)
        room_y <- max(room_y, (nodes$height[i] + nodes$height[j]) / 2 + 3)
      }
      needed <- max(needed, min(room_x / abs(x[j] - x[i]), room_y / abs(y[j] - y[i])))
    }
  }
  needed
}

# The constructs' coordinates from `layout`, in model order. The dimensions
# of a higher-order construct may all be left out (they are then drawn
# beside it).
layout_coordinates <- function(layout, model) {
  if (inherits(layout, "pls_layout")) layout <- layout$constructs
  if (is.matrix(layout)) layout <- as.data.frame(layout, stringsAsFactors = FALSE)
  if (!is.data.frame(layout) || !all(c("x", "y") %in% names(layout))) {
    abort_input("{.arg layout} must be a data frame or matrix with columns {.field x} and {.field y}.")
  }
  names <- if ("construct" %in% names(layout)) as.character(layout$construct) else rownames(layout)
  if (is.null(names) || identical(names, as.character(seq_len(nrow(layout))))) {
    abort_input("{.arg layout} must name the constructs, as row names or in a column {.field construct}.")
  }
  dims <- diagram_dimensions(model)
  placed <- dims$hoc[dims$dimension %in% names]
  beside <- dims$dimension[!dims$hoc %in% placed]
  absent <- setdiff(model$constructs, c(names, beside))
  if (length(absent)) {
    partly <- intersect(absent, dims$dimension)
    abort_input(c("{.arg layout} has no coordinates for {cli::qty(length(absent))}construct{?s} {.field {absent}}.",
                  "i" = if (length(partly)) "Give the coordinates of all dimensions of a higher-order construct, or of none (they are then drawn beside it)."))
  }
  unknown <- setdiff(names, model$constructs)
  if (length(unknown)) abort_missing_names(unknown, model$constructs, "Construct", "the model (argument {.arg layout})")
  constructs <- setdiff(model$constructs, beside)
  rows <- match(constructs, names)
  x <- layout$x[rows]
  y <- layout$y[rows]
  if (!is.numeric(x) || !is.numeric(y) || !all(is.finite(c(x, y)))) {
    abort_input("The coordinates in {.arg layout} must be finite numbers.")
  }
  same <- duplicated(cbind(x, y))
  if (any(same)) {
    abort_input("{.arg layout} puts {.field {constructs[same]}} on the same spot as another construct.")
  }
  side <- if ("side" %in% names(layout)) as.character(layout$side[rows]) else rep(NA_character_, length(rows))
  # a layout_pls() result marks constructs drawn without indicators "none"
  side[side %in% "none"] <- NA_character_
  # "split": the dimensions of a higher-order construct above and below it
  # (ignored when they have coordinates of their own)
  split <- side %in% "split" & constructs %in% dims$hoc
  side[split & !constructs %in% dims$hoc[dims$dimension %in% beside]] <- NA_character_
  bad <- !is.na(side) & !side %in% c("left", "right", "above", "below") & !split
  if (any(bad)) {
    abort_input(c("{.field side} in {.arg layout} must be {.val left}, {.val right}, {.val above} or {.val below}, not {.val {unique(side[bad])}}.",
                  "i" = if (any(side[bad] == "split")) "{.val split} places the dimensions of a higher-order construct."))
  }
  data.frame(construct = constructs, x = as.double(x), y = as.double(y), side = side, stringsAsFactors = FALSE)
}
