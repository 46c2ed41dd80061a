# The automatic layered layout (a small Sugiyama-style layout): layers by
# longest path, one slot per layer for each path that skips layers,
# barycentre ordering, then vertical and horizontal coordinates.

auto_layout <- function(nodes, boxes, inner, gaps, extra = NULL) {
  # the dimensions of higher-order constructs are drawn beside them, like
  # indicators: the layered layout places the others
  beside <- !is.na(nodes$hoc)
  satellites <- nodes[beside, , drop = FALSE]
  drawn <- nodes
  drawn$x <- drawn$y <- 0
  drawn$layer <- NA_integer_
  drawn$side <- "none"
  full_inner <- inner
  nodes <- nodes[!beside, , drop = FALSE]
  inner <- inner[!beside, !beside, drop = FALSE]
  layer <- construct_layers(inner)
  graph <- expand_graph(inner, layer)
  pos <- order_items(graph)
  K <- nrow(nodes)
  top <- vapply(seq_len(K), function(k) pos[k] == min(pos[seq_len(K)][layer == layer[k]]), logical(1))
  preference <- side_preference(inner, top, free = FALSE)
  # between other layers, a higher-order construct has its dimensions above
  # and below it
  middle <- lengths(preference) > 1L & nodes$construct %in% satellites$hoc
  preference[middle] <- list("split")
  has_boxes <- nodes$construct %in% c(boxes$construct, satellites$hoc)
  sides <- ifelse(has_boxes, vapply(preference, `[`, character(1), 1), "none")
  place <- function(sides) {
    place_items(graph, pos, nodes, footprints(nodes, boxes, sides, gaps, satellites),
                footprint_parts(nodes, boxes, sides, gaps, satellites), gaps)
  }
  for (pass in 1:3) {
    coords <- place(sides)
    new_sides <- choose_sides(nodes, boxes, inner, coords$x[seq_len(K)], coords$y[seq_len(K)], preference,
                              passing_points(graph, coords), satellites)
    if (identical(new_sides, sides)) break
    sides <- new_sides
    # the coordinates must be those of the sides kept
    if (pass == 3L) coords <- place(sides)
  }
  nodes$layer <- layer
  nodes$side <- sides
  parts <- footprint_parts(nodes, boxes, sides, gaps, satellites)
  # `extra`: room added before each layer (em), for the arrow labels
  if (is.null(extra)) {
    extra <- numeric(max(layer) + 1L)
  } else {
    coords$x <- layer_x(graph, coords$y, nodes, parts, gaps, extra)[graph$layer + 1L]
  }
  for (repair in seq_len(15)) {
    nodes$x <- coords$x[seq_len(K)]
    nodes$y <- coords$y[seq_len(K)]
    drawn <- with_dimensions(drawn, nodes, satellites, boxes, gaps)
    placed <- place_indicators(drawn, boxes, gaps)
    widen <- crowded_gaps(drawn, placed, full_inner)
    if (!length(widen)) break
    extra[widen] <- extra[widen] + 1.5
    coords$x <- layer_x(graph, coords$y, nodes, parts, gaps, extra)[graph$layer + 1L]
  }
  list(nodes = drawn, boxes = placed)
}

# All constructs (`drawn`, in model order) at the places of the laid-out
# ones (`nodes`), with the dimensions of higher-order constructs
# (`satellites`) beside them: in their HOC's layer, on its side.
with_dimensions <- function(drawn, nodes, satellites, boxes, gaps) {
  rows <- match(nodes$construct, drawn$construct)
  drawn[rows, c("x", "y", "layer", "side")] <- nodes[, c("x", "y", "layer", "side")]
  for (k in which(nodes$construct %in% satellites$hoc)) {
    dims <- satellites[satellites$hoc == nodes$construct[k], , drop = FALSE]
    placed <- dimension_offsets(nodes[k, ], dims, boxes, nodes$side[k], gaps)$dims
    rows <- match(placed$construct, drawn$construct)
    drawn$x[rows] <- nodes$x[k] + placed$x
    drawn$y[rows] <- nodes$y[k] + placed$y
    drawn$layer[rows] <- nodes$layer[k]
    drawn$side[rows] <- ifelse(placed$construct %in% boxes$construct, placed$side, "none")
  }
  drawn
}

# Layer gaps to widen: a straight path that runs through another construct
# or its indicators in the path's first or last layer clears them when the
# gap next to that layer is wider (the path gets flatter there). Returns
# indices into the vector of extra gaps (gap before layer l is l + 1).
crowded_gaps <- function(nodes, boxes, inner) {
  obstacles <- diagram_obstacles(list(constructs = nodes, indicators = boxes))
  edges <- which(inner != 0, arr.ind = TRUE)
  widen <- integer()
  for (e in seq_len(nrow(edges))) {
    ends <- nodes$construct[edges[e, ]]
    owners <- sub("^fan:", "", obstacles_hit(list(x = nodes$x[edges[e, ]], y = nodes$y[edges[e, ]]), obstacles, ends, 0.4))
    hit_layers <- nodes$layer[match(owners, nodes$construct)]
    if (any(hit_layers == nodes$layer[edges[e, 2]])) widen <- c(widen, nodes$layer[edges[e, 2]] + 1L)
    if (any(hit_layers == nodes$layer[edges[e, 1]])) widen <- c(widen, nodes$layer[edges[e, 1]] + 2L)
  }
  unique(widen)
}

# For each construct, the points where paths cross its layer (as seen from
# the construct, they lie straight above or below it).
passing_points <- function(graph, coords) {
  dummies <- which(seq_along(graph$layer) > graph$K)
  lapply(seq_len(graph$K), function(k) {
    same <- dummies[graph$layer[dummies] == graph$layer[k]]
    list(x = coords$x[same], y = coords$y[same])
  })
}

# Layer of each construct: the length of the longest path reaching it.
construct_layers <- function(inner) {
  layer <- integer(nrow(inner))
  for (v in topological_indices(inner)) {
    predecessors <- which(inner[, v] != 0)
    if (length(predecessors)) layer[v] <- max(layer[predecessors]) + 1L
  }
  layer
}

topological_indices <- function(inner) {
  remaining <- colSums(inner != 0)
  ready <- which(remaining == 0)
  visited <- integer()
  while (length(ready)) {
    v <- ready[1]
    ready <- ready[-1]
    visited <- c(visited, v)
    for (w in which(inner[v, ] != 0)) {
      remaining[w] <- remaining[w] - 1
      if (remaining[w] == 0) ready <- c(ready, w)
    }
  }
  visited
}

# Items are the constructs (1..K) followed by one "dummy" per layer that a
# long path crosses; links join items of adjacent layers (left, right).
expand_graph <- function(inner, layer) {
  K <- length(layer)
  item_layer <- layer
  item_edge <- rep(NA_integer_, K)
  links <- matrix(integer(), 0, 2)
  edges <- which(inner != 0, arr.ind = TRUE)
  edges <- edges[order(edges[, 1], edges[, 2]), , drop = FALSE]
  for (e in seq_len(nrow(edges))) {
    from <- edges[e, 1]
    previous <- from
    for (l in layer[from] + seq_len(layer[edges[e, 2]] - layer[from] - 1L)) {
      item_layer <- c(item_layer, l)
      item_edge <- c(item_edge, e)
      links <- rbind(links, c(previous, length(item_layer)))
      previous <- length(item_layer)
    }
    links <- rbind(links, c(previous, edges[e, 2]))
  }
  list(layer = item_layer, edge = item_edge, links = links, edges = edges, K = K,
       neighbours = lapply(seq_along(item_layer), function(i) c(links[links[, 2] == i, 1], links[links[, 1] == i, 2])))
}

layer_items <- function(graph, pos, l) {
  items <- which(graph$layer == l)
  items[order(pos[items])]
}

# Rank of every item within its layer, chosen to reduce crossings.
order_items <- function(graph, sweeps = 12L) {
  start <- ifelse(seq_along(graph$layer) <= graph$K, seq_along(graph$layer),
                  graph$edges[pmax(graph$edge, 1L), 1] + 0.5 + graph$edge / 1000)
  pos <- rank_within_layers(graph, start)
  best <- pos
  best_crossings <- count_crossings(graph, pos)
  L <- max(graph$layer)
  if (L == 0L) return(pos)
  for (sweep in seq_len(sweeps)) {
    down <- sweep %% 2L == 1L
    for (l in if (down) seq_len(L) else rev(seq_len(L) - 1L)) {
      pos <- barycentre_order(graph, pos, l, down)
    }
    pos <- transpose_items(graph, pos)
    crossings <- count_crossings(graph, pos)
    if (crossings < best_crossings) {
      best <- pos
      best_crossings <- crossings
    }
  }
  best
}

rank_within_layers <- function(graph, value) {
  pos <- numeric(length(value))
  for (l in unique(graph$layer)) {
    items <- which(graph$layer == l)
    pos[items] <- rank(value[items], ties.method = "first")
  }
  pos
}

barycentre_order <- function(graph, pos, l, from_left) {
  items <- which(graph$layer == l)
  side <- if (from_left) 2L else 1L
  other <- 3L - side
  centre <- vapply(items, function(i) {
    linked <- graph$links[graph$links[, side] == i, other]
    if (length(linked)) mean(pos[linked]) else pos[i]
  }, numeric(1))
  pos[items] <- rank(centre + pos[items] / 1e6, ties.method = "first")
  pos
}

# Crossings between the links of adjacent layers (all layers, or the two
# link sets touching layer `l`).
count_crossings <- function(graph, pos, l = NULL) {
  links <- graph$links
  left_layer <- graph$layer[links[, 1]]
  layers <- if (is.null(l)) unique(left_layer) else c(l - 1L, l)
  total <- 0
  for (k in layers) {
    set <- links[left_layer == k, , drop = FALSE]
    if (nrow(set) < 2L) next
    a <- outer(pos[set[, 1]], pos[set[, 1]], "-")
    b <- outer(pos[set[, 2]], pos[set[, 2]], "-")
    total <- total + sum(a * b < 0) / 2
  }
  total
}

# Swaps neighbouring items of a layer while that removes crossings.
transpose_items <- function(graph, pos, max_passes = 4L) {
  for (pass in seq_len(max_passes)) {
    improved <- FALSE
    for (l in unique(graph$layer)) {
      items <- layer_items(graph, pos, l)
      for (j in seq_len(length(items) - 1L)) {
        i1 <- items[j]
        i2 <- items[j + 1L]
        before <- count_crossings(graph, pos, l)
        swapped <- pos
        swapped[c(i1, i2)] <- pos[c(i2, i1)]
        if (count_crossings(graph, swapped, l) < before) {
          pos <- swapped
          items[c(j, j + 1L)] <- c(i2, i1)
          improved <- TRUE
        }
      }
    }
    if (!improved) break
  }
  pos
}

# Coordinates of all items: vertical relaxation and horizontal compaction,
# alternated so that passing paths follow their straight lines.
place_items <- function(graph, pos, nodes, fp, parts, gaps) {
  n <- length(graph$layer)
  real <- seq_len(n) <= graph$K
  node <- pmin(seq_len(n), graph$K)
  top <- ifelse(real, fp[node, "top"], gaps$dummy)
  bottom <- ifelse(real, fp[node, "bottom"], gaps$dummy)
  x <- graph$layer * (max(nodes$width) + gaps$path)
  y <- numeric(n)
  for (round in 1:3) {
    y <- relax_y(graph, pos, x, y, top, bottom, real, gaps, first = round == 1L)
    x <- layer_x(graph, y, nodes, parts, gaps)[graph$layer + 1L]
  }
  list(x = x, y = y)
}

# Vertical positions. Constructs move towards the mean height of their
# neighbours, in the order the crossing reduction chose; a path that passes
# a layer is pinned to its straight line there, and the constructs of that
# layer keep clear of it on whichever side is nearer.
relax_y <- function(graph, pos, x, y, top, bottom, real, gaps, first, rounds = 40L) {
  L <- max(graph$layer)
  layers <- lapply(0:L, function(l) layer_items(graph, pos, l))
  if (first) {
    for (items in layers) y[items] <- project_ordered(rep(0, length(items)), item_separations(items, top, bottom, real, gaps))
  }
  for (round in seq_len(rounds)) {
    for (l in if (round %% 2L) 0:L else L:0) {
      items <- layers[[l + 1L]]
      target <- vapply(items, function(i) item_target(i, graph, x, y), numeric(1))
      passing <- !real[items]
      y[items[passing]] <- target[passing]
      key <- target
      key[!passing] <- slot_keys(target[!passing], target[passing], top[items[!passing]],
                                 bottom[items[!passing]], gaps)
      ordered <- order(-key)
      items <- items[ordered]
      target <- target[ordered]
      weight <- ifelse(real[items], 1, 1e4)
      y[items] <- project_ordered(target, item_separations(items, top, bottom, real, gaps), weight)
      y[items[!real[items]]] <- target[!real[items]]
    }
  }
  y
}

# Sorting keys that put each construct (targets `target`, footprint
# extents `top`, `bottom`, in layer order) into the gap between passing
# lines (heights `lines`) where it fits nearest its target; constructs keep
# their order. A key is the construct's footprint centre in that gap.
slot_keys <- function(target, lines, top, bottom, gaps) {
  lines <- sort(lines, decreasing = TRUE)
  n <- length(lines)
  if (!n) return(target)
  room <- gaps$dummy + 0.3
  first_slot <- 0L
  key <- target
  for (k in seq_along(target)) {
    slots <- first_slot:n
    upper <- ifelse(slots == 0L, Inf, lines[pmax(slots, 1L)] - room - top[k])
    lower <- ifelse(slots == n, -Inf, lines[pmin(slots + 1L, n)] + room + bottom[k])
    placed <- pmin(pmax(target[k], lower), upper)
    cost <- ifelse(upper >= lower, abs(placed - target[k]), Inf)
    best <- which.min(cost)
    first_slot <- slots[best]
    key[k] <- placed[best] + (top[k] - bottom[k]) / 2
  }
  key
}

item_separations <- function(items, top, bottom, real, gaps) {
  if (length(items) < 2L) return(numeric())
  upper <- items[-length(items)]
  lower <- items[-1]
  bottom[upper] + top[lower] + ifelse(real[upper] & real[lower], gaps$node, 0.3)
}

# Where an item would like to be: a construct at the mean height of its
# neighbours, a passing path on the straight line between its ends.
item_target <- function(i, graph, x, y) {
  if (i > graph$K) {
    ends <- graph$edges[graph$edge[i], ]
    share <- (x[i] - x[ends[1]]) / (x[ends[2]] - x[ends[1]])
    return(y[ends[1]] + share * (y[ends[2]] - y[ends[1]]))
  }
  neighbours <- graph$neighbours[[i]]
  if (length(neighbours)) mean(y[neighbours]) else y[i]
}

# Closest heights to `target` (items from top to bottom, in the weighted
# least-squares sense) keeping at least `separation` between consecutive
# items. Shifting item i by the separations above it turns this into a
# decreasing isotonic regression, solved by pooling adjacent violators.
project_ordered <- function(target, separation, weight = rep(1, length(target))) {
  m <- length(target)
  if (m < 2L) return(target)
  offset <- c(0, cumsum(separation))
  pooled_decreasing(target + offset, weight) - offset
}

pooled_decreasing <- function(value, weight) {
  level <- numeric(0)
  mass <- numeric(0)
  size <- integer(0)
  for (i in seq_along(value)) {
    level <- c(level, value[i])
    mass <- c(mass, weight[i])
    size <- c(size, 1L)
    while (length(level) > 1L && level[length(level) - 1L] < level[length(level)]) {
      j <- length(level) - 1L
      level[j] <- (level[j] * mass[j] + level[j + 1L] * mass[j + 1L]) / (mass[j] + mass[j + 1L])
      mass[j] <- mass[j] + mass[j + 1L]
      size[j] <- size[j] + size[j + 1L]
      level <- level[-(j + 1L)]
      mass <- mass[-(j + 1L)]
      size <- size[-(j + 1L)]
    }
  }
  rep(level, size)
}

# x of each layer: as close to the previous layer as the shapes and path
# labels allow, and far enough right that none of its parts (shapes,
# indicator blocks, passing paths) touches a part of an earlier layer at the
# same height.
layer_x <- function(graph, y, nodes, parts, gaps, extra = numeric(max(graph$layer) + 1L), margin = 1.2) {
  all_parts <- item_parts(graph, y, parts, gaps)
  L <- max(graph$layer)
  xl <- numeric(L + 1L)
  for (l in seq_len(L)) {
    previous <- which(graph$layer[seq_len(graph$K)] == l - 1L)
    current <- which(graph$layer[seq_len(graph$K)] == l)
    need <- xl[l] + max(nodes$width[previous]) / 2 + max(nodes$width[current]) / 2 + gaps$path
    a <- lapply(all_parts, `[`, all_parts$layer < l)
    b <- lapply(all_parts, `[`, all_parts$layer == l)
    clash <- outer(a$ymin, b$ymax, "<") & outer(a$ymax, b$ymin, ">") & outer(a$real, b$real, "|")
    if (any(clash)) {
      room <- outer(xl[a$layer + 1L] + a$xmax + margin, b$xmin, "-")
      need <- max(need, room[clash])
    }
    xl[l + 1L] <- need + extra[l + 1L]
  }
  xl
}

# Parts of all items in absolute heights, with a margin above and below;
# a passing path is a thin part of no width.
item_parts <- function(graph, y, parts, gaps, margin = 0.6) {
  dummy <- cbind(xmin = 0, xmax = 0, ymin = -gaps$dummy, ymax = gaps$dummy)
  all <- lapply(seq_along(graph$layer), function(i) if (i <= graph$K) parts[[i]] else dummy)
  item <- rep(seq_along(all), vapply(all, nrow, integer(1)))
  all <- do.call(rbind, all)
  list(layer = graph$layer[item], real = item <= graph$K, xmin = all[, "xmin"], xmax = all[, "xmax"],
       ymin = y[item] + all[, "ymin"] - margin, ymax = y[item] + all[, "ymax"] + margin)
}
