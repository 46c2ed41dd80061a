# Deterministic label placement for scatter plots (the IPMA map, in base
# graphics and in ggplot2). Everything is in inches inside the plotting
# region, whose lower-left corner is (0, 0), so the same code serves any
# device and graphics system.
#
# Each label is tried at candidate spots around its point, ring by ring
# outwards: on ring k the label's centre lies on the rectangle whose
# half-sizes are the label's half-sizes plus the point's radius plus
# k steps, at 16 spots (the middles of the sides first, then their halves,
# then the corners). The first spot that stays inside the region and covers
# no point and no label placed before wins, unless it lies nearer to another
# point than to its own (then a clear spot up to four rings further out is
# preferred); when none is free, the spot with the least covered area.
# Labels of crowded points go first, as they have the fewest free spots.

# x, y: points; width, height: label sizes; radius: half-size of the square
# kept free around each point; region: c(width, height). Returns a data
# frame with the labels' centres (x, y) and whether the label is far enough
# from its point to need a leader line.
repel_labels <- function(x, y, width, height, radius, region, step = NULL) {
  n <- length(x)
  out <- data.frame(x = x, y = y, leader = logical(n))
  if (!n) return(out)
  if (is.null(step)) step <- max(0.25 * stats::median(height), 0.01)
  points <- list(x = x, y = y, width = rep(2 * radius, n), height = rep(2 * radius, n))
  placed <- list(x = numeric(), y = numeric(), width = numeric(), height = numeric())
  rings <- seq(0, ceiling(max(region) / step))
  for (i in label_order(x, y, width, height)) {
    best <- best_spot(x[i], y[i], width[i], height[i], radius, rings * step, points, placed, region,
                      others = list(x = x[-i], y = y[-i]))
    out$x[i] <- best$x
    out$y[i] <- best$y
    out$leader[i] <- best$ring > 1
    placed <- Map(c, placed, list(best$x, best$y, width[i], height[i]))
  }
  out
}

# The best free spot, searched eight rings at a time: the innermost one, but
# a spot about as near to another point as to its own (within half a line,
# so that it could be read as that point's label) counts as `near_rings`
# rings further out. When no spot is
# free, the least covered one of all rings.
best_spot <- function(x, y, width, height, radius, distances, points, placed, region, others, near_rings = 4) {
  choice <- NULL
  fallback <- NULL
  for (chunk in split(distances, ceiling(seq_along(distances) / 8))) {
    first_ring <- match(chunk[1], distances) - 1L
    if (!is.null(choice) && first_ring >= choice$rank) break
    spots <- ring_spots(x, y, width / 2 + radius, height / 2 + radius, chunk)
    spots$ring <- first_ring + spots$ring
    spots$cost <- spot_cost(spots, width, height, points, placed, region)
    free <- spots$cost == 0
    if (any(free)) {
      own <- box_distance(spots, width, height, x, y)[, 1]
      nearest_other <- if (length(others$x)) apply(box_distance(spots, width, height, others$x, others$y), 1, min)
      ambiguous <- if (length(others$x)) nearest_other < own + 0.5 * height else FALSE
      rank <- ifelse(free, spots$ring + near_rings * ambiguous, Inf)
      k <- which.min(rank)
      if (is.null(choice) || rank[k] < choice$rank) choice <- c(lapply(spots, `[`, k), rank = rank[k])
    } else {
      k <- which.min(spots$cost)
      if (is.null(fallback) || spots$cost[k] < fallback$cost) fallback <- lapply(spots, `[`, k)
    }
  }
  if (is.null(choice)) fallback else choice
}

# Distances from each label box centred at the spots (rows) to each point
# (columns).
box_distance <- function(spots, width, height, px, py) {
  dx <- pmax(abs(outer(spots$x, px, "-")) - width / 2, 0)
  dy <- pmax(abs(outer(spots$y, py, "-")) - height / 2, 0)
  sqrt(dx^2 + dy^2)
}

# Most crowded first: the number of other points within reach of a label.
label_order <- function(x, y, width, height) {
  near <- abs(outer(x, x, "-")) < stats::median(width) & abs(outer(y, y, "-")) < 2 * stats::median(height)
  order(-rowSums(near), seq_along(x))
}

# Candidate label centres around (x, y), ring by ring (half-sizes a + d,
# b + d for each distance d), 16 spots a ring in order of preference.
ring_spots <- function(x, y, a, b, distances) {
  # unit offsets: right, left, above, below; halves of the sides; corners
  ux <- c(1, -1, 0, 0, 1, -1, 1, -1, 0.5, -0.5, 0.5, -0.5, 1, -1, 1, -1)
  uy <- c(0, 0, 1, -1, 0.5, 0.5, -0.5, -0.5, 1, 1, -1, -1, 1, 1, -1, -1)
  A <- rep(a + distances, each = length(ux))
  B <- rep(b + distances, each = length(ux))
  list(x = x + A * ux, y = y + B * uy, ring = rep(seq_along(distances) - 1L, each = length(ux)))
}

# Area of points and placed labels that each spot covers; Inf outside the
# region.
spot_cost <- function(spots, width, height, points, placed, region) {
  inside <- spots$x - width / 2 >= 0 & spots$x + width / 2 <= region[1] &
    spots$y - height / 2 >= 0 & spots$y + height / 2 <= region[2]
  box <- list(x = spots$x, y = spots$y, width = width, height = height)
  cost <- rowSums(overlap_matrix(box, points)) + rowSums(overlap_matrix(box, placed))
  cost[!inside] <- Inf
  cost
}

# Overlap areas of every rectangle of `a` (rows) with every one of `b`.
overlap_matrix <- function(a, b) {
  if (!length(b$x)) return(matrix(0, length(a$x), 0))
  half <- function(r) list(w = rep_len(r$width, length(r$x)) / 2, h = rep_len(r$height, length(r$x)) / 2)
  ha <- half(a)
  hb <- half(b)
  dx <- outer(a$x + ha$w, b$x + hb$w, pmin) - outer(a$x - ha$w, b$x - hb$w, pmax)
  dy <- outer(a$y + ha$h, b$y + hb$h, pmin) - outer(a$y - ha$h, b$y - hb$h, pmax)
  pmax(dx, 0) * pmax(dy, 0)
}

# Leader lines: from the edge of the point (radius) to the nearest point of
# the label's box, for the labels that need one.
leader_segments <- function(points, labels, width, height, radius) {
  qx <- pmin(pmax(points$x, labels$x - width / 2), labels$x + width / 2)
  qy <- pmin(pmax(points$y, labels$y - height / 2), labels$y + height / 2)
  length <- sqrt((qx - points$x)^2 + (qy - points$y)^2)
  start <- pmin(1, radius / pmax(length, 1e-9))
  keep <- labels$leader & length > radius
  data.frame(x0 = points$x + start * (qx - points$x), y0 = points$y + start * (qy - points$y),
             x1 = qx, y1 = qy)[keep, , drop = FALSE]
}
