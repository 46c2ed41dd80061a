# Geometry of the path diagram: text metrics, node shapes and the points
# where arrows meet them. Everything is measured in "em", the size of the
# diagram's base font, so a layout can be computed and checked without
# opening a graphics device; drawing scales the whole diagram at once.

# Advance widths (1/1000 em) of Helvetica for the printable ASCII characters
# 32 to 126 (Adobe's font metrics). Other characters count 0.6 em, and East
# Asian wide characters 1 em.
helvetica_widths <- c(
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
  rep(556, 10), 278, 278, 584, 584, 584, 556, 1015,
  667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667,
  778, 722, 667, 611, 722, 667, 944, 667, 667, 611,
  278, 278, 278, 469, 556, 333,
  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556,
  556, 333, 500, 278, 556, 500, 722, 500, 500, 500,
  334, 260, 334, 584
)

# Fonts used by bitmap devices (often DejaVu Sans) are wider than Helvetica.
text_safety <- 1.12
line_height <- 1.2

# Width in em of each string (the widest line of a multi-line string).
text_width <- function(x, cex = 1) {
  width_of_line <- function(line) {
    codes <- utf8ToInt(line)
    if (anyNA(codes)) return(0.6 * nchar(line, type = "bytes"))
    ascii <- codes >= 32L & codes <= 126L
    wide <- !ascii & vapply(codes, function(code) nchar(intToUtf8(code), type = "width") > 1L, logical(1))
    (sum(helvetica_widths[codes[ascii] - 31L]) + 1000 * sum(wide) + 600 * sum(!ascii & !wide)) / 1000
  }
  widths <- vapply(as.character(x), function(string) {
    max(vapply(strsplit(string, "\n", fixed = TRUE)[[1]], width_of_line, numeric(1)), 0)
  }, numeric(1), USE.NAMES = FALSE)
  widths * cex * text_safety
}

text_lines <- function(x) {
  lengths(strsplit(as.character(x), "\n", fixed = TRUE))
}

# Breaks a long construct label into at most three lines of similar width.
# Lines break after "_", ".", "-" or a space, or inside camelCase words; a
# label that already contains "\n" is left as it is.
wrap_label <- function(label, max_width = 9) {
  if (grepl("\n", label, fixed = TRUE) || text_width(label) <= max_width) return(label)
  marked <- gsub("([a-z0-9])([A-Z])", "\\1\001\\2", label)
  marked <- gsub("([_.-]| +)", "\\1\001", marked)
  pieces <- strsplit(marked, "\001", fixed = TRUE)[[1]]
  pieces <- pieces[nzchar(pieces)]
  if (length(pieces) < 2L) return(label)
  n_lines <- min(3L, ceiling(text_width(label) / max_width))
  target <- text_width(label) / n_lines
  repeat {
    lines <- greedy_lines(pieces, target)
    if (length(lines) <= n_lines) break
    target <- target * 1.1
  }
  paste(trimws(lines), collapse = "\n")
}

greedy_lines <- function(pieces, target) {
  lines <- character()
  current <- ""
  for (piece in pieces) {
    candidate <- paste0(current, piece)
    if (nzchar(current) && text_width(trimws(candidate)) > target * 1.15) {
      lines <- c(lines, current)
      candidate <- piece
    }
    current <- candidate
  }
  c(lines, current)
}

# Space between a construct's name and its R^2 line (em).
r2_gap <- 0.25

# Slant of the hexagon's pointed sides, as a fraction of its half-height.
hexagon_slant <- 0.577

# Size of a construct shape that holds its label (and an R^2 line).
# `text_width` is the width available to the text, used to shrink the font
# at drawing time when the device's font is wider than estimated.
construct_geometry <- function(label, mode, has_r2, cex = 1, r2_cex = 0.8) {
  name_width <- text_width(label, cex)
  text_w <- max(name_width, if (has_r2) text_width("R2 = 0.00", r2_cex) else 0)
  text_h <- text_lines(label) * line_height * cex + has_r2 * (line_height * r2_cex + r2_gap)
  u <- text_w / 2
  v <- text_h / 2
  if (mode == "B") {
    b <- max(v + 0.45, 1.5)
    a <- max(u + 0.5 + hexagon_slant * v, 2.8)
  } else {
    a <- max((u + 0.25) * sqrt(2), 2.8)
    b <- max((v + 0.1) * sqrt(2), 1.5)
  }
  list(width = 2 * a, height = 2 * b, text_width = name_width)
}

# Where the ray from a shape's centre towards (dx, dy) leaves the shape.
boundary_point <- function(x, y, width, height, shape, dx, dy) {
  a <- width / 2
  b <- height / 2
  adx <- abs(dx)
  ady <- abs(dy)
  t <- switch(shape,
    ellipse = 1 / sqrt((dx / a)^2 + (dy / b)^2),
    hexagon = min(b / ady, a * b / (b * adx + hexagon_slant * b * ady)),
    rect = min(a / adx, b / ady)
  )
  c(x + t * dx, y + t * dy)
}

# Vertices of a shape (ellipses as polygons), for drawing and for tests.
shape_polygon <- function(x, y, width, height, shape, n = 72) {
  a <- width / 2
  b <- height / 2
  if (shape == "ellipse") {
    angle <- seq(0, 2 * pi, length.out = n + 1)[-1]
    return(list(x = x + a * cos(angle), y = y + b * sin(angle)))
  }
  if (shape == "hexagon") {
    c <- hexagon_slant * b
    return(list(x = x + c(a, a - c, -a + c, -a, -a + c, a - c), y = y + c(0, b, b, 0, -b, -b)))
  }
  list(x = x + c(a, -a, -a, a), y = y + c(b, b, -b, -b))
}

# Which of the segments (x0, y0)-(x1, y1) pass through a convex region
# given by half-planes nx * x + ny * y <= h (lists with one element per
# half-plane, recycled along the segments)? Cyrus-Beck clipping: the part of
# a segment inside every half-plane must have positive length.
segments_hit_halfplanes <- function(x0, y0, x1, y1, nx, ny, h) {
  if (!length(x0)) return(logical())
  n <- max(length(x0), lengths(h))
  dx <- rep_len(x1 - x0, n)
  dy <- rep_len(y1 - y0, n)
  x0 <- rep_len(x0, n)
  y0 <- rep_len(y0, n)
  lo <- rep(0, n)
  hi <- rep(1, n)
  hit <- rep(TRUE, n)
  for (k in seq_along(h)) {
    room <- rep_len(h[[k]] - (nx[[k]] * x0 + ny[[k]] * y0), n)
    rate <- rep_len(nx[[k]] * dx + ny[[k]] * dy, n)
    hit <- hit & !(rate == 0 & room < 0)
    t <- room / rate
    entering <- rate < 0
    leaving <- rate > 0
    lo[entering] <- pmax(lo[entering], t[entering])
    hi[leaving] <- pmin(hi[leaving], t[leaving])
  }
  hit & lo < hi
}

# Segments against rectangles (`rect`: centre x, y, width, height).
segments_hit_rect <- function(x0, y0, x1, y1, rect) {
  segments_hit_halfplanes(x0, y0, x1, y1, nx = list(1, -1, 0, 0), ny = list(0, 0, 1, -1),
                          h = list(rect$x + rect$width / 2, -(rect$x - rect$width / 2),
                                   rect$y + rect$height / 2, -(rect$y - rect$height / 2)))
}

# Segments against the hexagons of composites (same arguments).
segments_hit_hexagon <- function(x0, y0, x1, y1, hex) {
  a <- hex$width / 2
  b <- hex$height / 2
  c <- hexagon_slant * b
  slanted <- a * b
  segments_hit_halfplanes(
    x0, y0, x1, y1,
    nx = list(0, 0, b, b, -b, -b), ny = list(1, -1, c, -c, c, -c),
    h = list(hex$y + b, -hex$y + b, slanted + b * hex$x + c * hex$y, slanted + b * hex$x - c * hex$y,
             slanted - b * hex$x + c * hex$y, slanted - b * hex$x - c * hex$y)
  )
}

# Do two sets of rectangles (data frames with x, y, width, height) overlap?
# Returns the pairs (row of a, row of b) that overlap by more than `tol`.
overlapping_rects <- function(a, b = a, tol = 1e-9) {
  dx <- abs(outer(a$x, b$x, "-")) - outer(a$width, b$width, "+") / 2
  dy <- abs(outer(a$y, b$y, "-")) - outer(a$height, b$height, "+") / 2
  hit <- dx < -tol & dy < -tol
  if (identical(a, b)) hit[lower.tri(hit, diag = TRUE)] <- FALSE
  which(hit, arr.ind = TRUE)
}

# Arrowheads as drawn (grid's closed arrow: sides of `arrow_length` em at
# `arrow_angle` degrees to the shaft, along the arrow's last segment of the
# 40 drawn for a curve).
arrow_length <- 0.6
arrow_angle <- 18

# The arrowhead of each arrow as a triangle: lists x and y of matrices with
# one row per arrow and columns tip, left corner, right corner.
arrowhead_triangles <- function(edges) {
  before <- edge_points(edges, 39 / 40)
  dx <- edges$x1 - before$x
  dy <- edges$y1 - before$y
  length <- pmax(sqrt(dx^2 + dy^2), 1e-12)
  dx <- dx / length
  dy <- dy / length
  back <- arrow_length * cos(arrow_angle * pi / 180)
  half <- arrow_length * sin(arrow_angle * pi / 180)
  base_x <- edges$x1 - back * dx
  base_y <- edges$y1 - back * dy
  list(x = cbind(edges$x1, base_x - half * dy, base_x + half * dy),
       y = cbind(edges$y1, base_y + half * dx, base_y - half * dx))
}

# Does a rectangle (x, y, width, height) overlap each triangle? It does when
# a side of the triangle runs through it (which includes a triangle inside
# it) or its centre lies inside the triangle.
rect_hits_triangles <- function(rect, triangles) {
  n <- NROW(triangles$x)
  if (!n) return(logical())
  from <- c(1, 2, 3)
  to <- c(2, 3, 1)
  side_hits <- vapply(1:3, function(k) {
    segments_hit_rect(triangles$x[, from[k]], triangles$y[, from[k]], triangles$x[, to[k]], triangles$y[, to[k]], rect)
  }, logical(n))
  inside <- vapply(1:3, function(k) {
    (triangles$x[, to[k]] - triangles$x[, from[k]]) * (rect$y - triangles$y[, from[k]]) -
      (triangles$y[, to[k]] - triangles$y[, from[k]]) * (rect$x - triangles$x[, from[k]])
  }, numeric(n))
  inside <- matrix(inside, n)
  rowSums(matrix(side_hits, n)) > 0 | rowSums(inside > 0) == 3L | rowSums(inside < 0) == 3L
}
