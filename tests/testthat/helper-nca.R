# Plain-R necessary condition analysis for test-nca.R, written from Dul's
# (2016) definitions rather than from R/nca.R and src/nca.c: the CE-FDH
# ceiling as the function c(t) = max{y_i : x_i <= t}, integrated over the
# distinct values of x; the CR-FDH line by lm() through the peers and its
# ceiling zone as the polygon cut from the scope rectangle by the line
# (clipping and the shoelace formula); the bottleneck levels from the
# cases themselves.

# The CE-FDH ceiling at t.
reference_ce_ceiling <- function(x, y, t) max(y[x <= t])

# Peers: each distinct x whose largest y beats the largest y at every
# smaller x; as row numbers (the first row with that x and y).
reference_peers <- function(x, y) {
  peers <- integer()
  for (u in sort(unique(x))) {
    top <- max(y[x == u])
    below <- y[x < u]
    if (!length(below) || top > max(below)) peers <- c(peers, which(x == u & y == top)[1])
  }
  peers
}

# Area of the polygon (shoelace formula).
polygon_area <- function(px, py) {
  j <- c(seq_along(px)[-1], 1)
  abs(sum(px * py[j] - px[j] * py)) / 2
}

# The part of the rectangle above the line a + b x (Sutherland-Hodgman
# clipping against the half plane y >= a + b x).
area_above <- function(a, b, xr, yr) {
  px <- c(xr[1], xr[2], xr[2], xr[1])
  py <- c(yr[1], yr[1], yr[2], yr[2])
  inside <- function(x, y) y - (a + b * x) >= 0
  ox <- oy <- numeric()
  for (i in seq_along(px)) {
    j <- if (i == length(px)) 1 else i + 1
    ci <- inside(px[i], py[i])
    cj <- inside(px[j], py[j])
    if (ci) { ox <- c(ox, px[i]); oy <- c(oy, py[i]) }
    if (ci != cj) {
      # where the edge crosses the line
      fi <- py[i] - (a + b * px[i])
      fj <- py[j] - (a + b * px[j])
      s <- fi / (fi - fj)
      ox <- c(ox, px[i] + s * (px[j] - px[i]))
      oy <- c(oy, py[i] + s * (py[j] - py[i]))
    }
  }
  if (length(ox) < 3) return(0)
  polygon_area(ox, oy)
}

# Everything pls_nca() reports of one condition x and the outcome y.
reference_nca <- function(x, y, levels = seq(0, 100, 10)) {
  xr <- range(x)
  yr <- range(y)
  scope <- diff(xr) * diff(yr)
  u <- sort(unique(x))
  ce_zone <- if (length(u) > 1) {
    sum(diff(u) * (yr[2] - vapply(u[-length(u)], function(t) reference_ce_ceiling(x, y, t), numeric(1))))
  } else 0
  peers <- reference_peers(x, y)
  if (length(peers) > 1) {
    coef <- unname(stats::coef(stats::lm(y[peers] ~ x[peers])))
    cr_zone <- area_above(coef[1], coef[2], xr, yr)
  } else {
    coef <- c(yr[2], 0)
    cr_zone <- 0
  }
  tol <- 1e-10 * diff(yr)
  target <- yr[1] + levels / 100 * diff(yr)
  # CE-FDH: the smallest x of a case reaching the level
  ce_x <- vapply(target, function(t) min(x[y >= t - tol]), numeric(1))
  ce_required <- (ce_x - xr[1]) / diff(xr) * 100
  # CR-FDH: where the line reaches the level; NN below the observed range,
  # NA beyond it (NCA's cutoff = 0)
  cr_x <- if (coef[2] > 0) (target - coef[1]) / coef[2] else rep(-Inf, length(levels))
  tol_x <- 1e-10 * diff(xr)
  cr_required <- ifelse(cr_x < xr[1] - tol_x | cr_x > xr[2] + tol_x, NA, (cr_x - xr[1]) / diff(xr) * 100)
  list(scope = scope, ce_zone = ce_zone, cr_zone = cr_zone,
       ce_d = if (scope > 0) ce_zone / scope else 0, cr_d = if (scope > 0) cr_zone / scope else 0,
       peers = length(peers), intercept = coef[1], slope = coef[2],
       ce_accuracy = mean(y <= vapply(x, function(t) reference_ce_ceiling(x, y, t), numeric(1))),
       cr_accuracy = 1 - sum(y - (coef[1] + coef[2] * x) > 1e-7) / length(y),
       ce_required = as.double(ce_required), cr_required = as.double(cr_required),
       cr_beyond = cr_x > xr[2] + tol_x)
}

# The package's numbers of condition `condition` in a pls_nca result, in
# the form of reference_nca().
package_nca <- function(nca, condition) {
  e <- nca$effects[nca$effects$condition == condition, ]
  ce <- e[e$ceiling == "ce_fdh", ]
  cr <- e[e$ceiling == "cr_fdh", ]
  b <- nca$bottleneck[nca$bottleneck$condition == condition, ]
  list(scope = ce$scope, ce_zone = ce$zone, cr_zone = cr$zone, ce_d = ce$d, cr_d = cr$d, peers = ce$peers,
       intercept = cr$intercept, slope = cr$slope, ce_accuracy = ce$accuracy, cr_accuracy = cr$accuracy,
       ce_required = b$required[b$ceiling == "ce_fdh"], cr_required = b$required[b$ceiling == "cr_fdh"],
       cr_beyond = b$label[b$ceiling == "cr_fdh"] == "NA")
}

# Random data with many ties: scores on a coarse grid.
random_nca_data <- function(n, seed, conditions = 3) {
  set.seed(seed)
  x <- matrix(round(stats::runif(n * conditions, 1, 7)), n, conditions,
              dimnames = list(NULL, paste0("X", seq_len(conditions))))
  y <- round(pmin(x[, 1], stats::runif(n, 1, 7)) + stats::rnorm(n, 0, 0.5), 1)
  data.frame(x, Y = y)
}

# Compare iecpls's bottleneck table of one ceiling and condition with the NCA
# package's (fixture list: `level`, `label` and `x`, its "mpx.actual", by
# condition). A printed number must be printed the same and its x agree at
# 1e-6; NCA's "NA" (beyond the highest observed x) must be iecpls's "NA";
# NCA's "NN" (5.0.2: at or below the lowest observed x) is iecpls's "NN"
# (below it) or 0 (at it: iecpls prints 0.0 there).
expect_bottleneck_matches_nca <- function(nca, theirs, ceiling, condition) {
  mine <- nca$bottleneck[nca$bottleneck$ceiling == ceiling & nca$bottleneck$condition == condition, ]
  x <- nca$data[[condition]]
  for (i in seq_along(theirs$level)) {
    row <- mine[mine$level == theirs$level[i], ]
    label <- theirs$label[[i, condition]]
    what <- paste(ceiling, condition, theirs$level[i])
    if (label == "NN") {
      expect_true(row$label == "NN" || isTRUE(all.equal(row$required, 0)), label = what)
    } else if (label == "NA") {
      expect_identical(row$label, "NA", label = what)
    } else {
      expect_identical(row$label, label, label = what)
      expect_equal(min(x) + row$required / 100 * diff(range(x)), theirs$x[[i, condition]], tolerance = 1e-6,
                   label = what)
    }
  }
}

# p values of two runs of R permutations: within 4 standard errors of a
# difference of two proportions (from the larger p, at least 1/R), plus 2/R
# for the conventions (iecpls: max(#/R, 1/R); NCA >= 4.0.4: (# + 1)/(R + 1),
# at least 1/R, larger by less than 1/R).
expect_p_within_mc_error <- function(mine, theirs, R, label) {
  p <- pmax(mine, theirs, 1 / R)
  se <- sqrt(2 * p * (1 - pmin(p, 1 - 1 / R)) / R)
  expect_true(all(abs(mine - theirs) <= 4 * se + 2 / R), label = label)
}

# Compare an nca_analysis() result with the NCA package's (a fixture of
# tools/make-fixtures-nca-dul.R): zones, scope, d, accuracy and the CR-FDH
# line at 1e-6, the bottleneck tables, the p values. For the conditions
# `line_differs` only the scope and p values of CR-FDH are compared.
expect_matches_nca_package <- function(nca, fx, line_differs = character()) {
  e <- nca$effects
  for (condition in fx$conditions) {
    for (ceiling in c("ce_fdh", "cr_fdh")) {
      mine <- e[e$condition == condition & e$ceiling == ceiling, ]
      theirs <- fx$numbers[[condition]][ceiling, ]
      what <- paste(ceiling, condition)
      expect_equal(mine$scope, theirs[["scope"]], tolerance = 1e-6, label = what)
      expect_p_within_mc_error(mine$p.value, fx$p[condition, ceiling], fx$test_rep, what)
      if (ceiling == "cr_fdh" && condition %in% line_differs) next
      for (name in c("zone", "d", "accuracy", "intercept", "slope")) {
        expect_equal(mine[[name]], theirs[[name]], tolerance = 1e-6, label = paste(what, name))
      }
      expect_bottleneck_matches_nca(nca, fx$bottleneck[[ceiling]], ceiling, condition)
    }
  }
}
