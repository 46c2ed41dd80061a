#' Simple-slope and floodlight plots
#'
#' `plot()` draws a [pls_slopes()] result with base graphics.
#'
#' `what = "slopes"` draws the classic simple-slope lines: the predicted
#' outcome (standardized) against the focal predictor from -2 to 2 standard
#' deviations, one line for each moderator value `m` of the analysis,
#' \eqn{\hat Y = (b_X + b_{XM} m) X + b_M m}{Y = (b_X + b_XM m) X + b_M m}
#' (the other predictors at their means, zero). The legend gives each line's
#' slope, the conditional effect, with its significance stars when there is
#' a bootstrap. For a quadratic term `X:X` it draws the curve
#' \eqn{b_X X + b_{XX} X^2}{b_X X + b_XX X^2} and its tangents at the values
#' of `X` in the analysis, whose slopes are the conditional effects. The
#' legend goes into the corner that no line crosses, or above the lines when
#' every corner is taken.
#'
#' `what = "floodlight"` draws the conditional effect over the observed
#' range of the moderator's standardized scores (a rug under the axis marks
#' the cases), with the bootstrap percentile band shaded, zero dashed, and
#' the Johnson-Neyman points (where a limit of the band crosses zero: see
#' [pls_slopes()]) as dotted lines, labelled with the moderator value.
#' Without a bootstrap it draws the line alone and says so.
#'
#' @param x A `pls_slopes` object from [pls_slopes()].
#' @param what `"slopes"` or `"floodlight"`: which plot.
#' @param main Title; by default it names the effect and the moderator.
#' @param ... Not used.
#' @return Invisibly, what was drawn, in the units of the axes. For
#'   `"slopes"`: `lines`, a data frame with one row per line (tangent, for a
#'   quadratic term): `at`, `slope`, `intercept`, `label`, `colour`, `lty`;
#'   `curve` (the quadratic curve's `x` and `y`, or `NULL`); `legend`, the
#'   legend's box (`left`, `top`, `width`, `height`) and its `position`;
#'   `usr`. For `"floodlight"`: `floodlight` (as in [pls_slopes()]), `jn`
#'   (the Johnson-Neyman points), `labels` (their label boxes: `label`, `x`,
#'   `y` centre, `width`, `height`) and `usr`.
#' @seealso [pls_slopes()]
#' @examples
#' syntax <- "
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction + Satisfaction:Image
#' "
#' set.seed(1)
#' fit <- pls(syntax, data = mobi, R = 200)
#' slopes <- pls_slopes(fit, "Satisfaction:Image")
#' plot(slopes)
#' drawn <- plot(slopes, what = "floodlight")
#' drawn$jn
#' @export
plot.pls_slopes <- function(x, what = c("slopes", "floodlight"), main = NULL, ...) {
  what <- match_arg(what)
  csi <- graphics::par("csi")
  old <- graphics::par(mai = c(3.4, 3.6, 3.4, 1.2) * csi, mgp = c(2.2, 0.6, 0), las = 1, tcl = -0.35)
  on.exit(graphics::par(old))
  if (what == "slopes") slopes_plot(x, main) else floodlight_plot(x, main)
}

# --- Simple slopes ------------------------------------------------------------

slopes_plot <- function(x, main) {
  lines <- slope_lines(x)
  grid <- seq(-2, 2, length.out = 101L)
  curve <- if (x$quadratic) data.frame(x = grid, y = x$paths[["focal"]] * grid + x$paths[["interaction"]] * grid^2)
  drawn_x <- if (x$quadratic) tangent_span(lines$at) else NULL
  values <- slope_line_values(lines, grid, drawn_x)
  graphics::plot.new()
  ylim <- padded_limits(c(unlist(lapply(values, `[[`, "y")), curve$y), 0.15, graphics::par("pin")[2])
  graphics::plot.window(c(-2, 2), ylim, yaxs = "i")
  legend <- slopes_legend_box(lines, values, curve)
  if (legend$position == "above") graphics::plot.window(c(-2, 2), legend$ylim, yaxs = "i")
  graphics::abline(h = pretty(graphics::par("usr")[3:4]), v = -2:2, col = "grey92")
  graphics::abline(h = 0, col = plot_colours[["zero_line"]], lwd = 0.8)
  # the curve as a wide grey underlay, so that tangents on it stay visible
  if (!is.null(curve)) graphics::lines(curve$x, curve$y, lwd = 7, col = "grey78")
  for (i in seq_len(nrow(lines))) {
    xs <- values[[i]]$x
    graphics::lines(xs, lines$slope[i] * xs + lines$intercept[i], col = lines$colour[i], lty = lines$lty[i], lwd = 2.2)
  }
  if (x$quadratic) {
    graphics::points(lines$at, lines$slope * lines$at + lines$intercept, pch = 21, bg = lines$colour, col = "grey15",
                     cex = 1.2)
  }
  graphics::axis(1)
  graphics::axis(2)
  graphics::box()
  slopes_axis_titles(paste0(x$focal, " (standardized score, SD)"),
                     paste0(x$outcome, " (predicted, standardized)"))
  if (is.null(main)) {
    main <- paste0("Simple slopes: ", x$focal, " -> ", x$outcome,
                   if (x$quadratic) " (quadratic)" else paste(", moderated by", x$moderator))
  }
  sub <- if (x$quadratic) {
    paste0("Grey: ", x$outcome, " = b ", x$focal, " + b_q ", x$focal, "^2; the slopes of its tangents are the conditional effects")
  } else {
    paste0("Lines: ", x$outcome, " = (b + b_int m) ", x$focal, " + b_", x$moderator, " m, other predictors at their means")
  }
  plot_title(main, sub)
  drawn_legend <- graphics::legend(legend$left, legend$top, legend = lines$label, col = lines$colour, lty = lines$lty,
                                   lwd = 2.2, pch = if (x$quadratic) 21 else NA, pt.bg = lines$colour,
                                   cex = legend$cex, bg = grDevices::adjustcolor("white", 0.9),
                                   box.col = "grey75", inset = 0)
  box <- drawn_legend$rect
  invisible(list(lines = lines, curve = curve,
                 legend = list(left = box$left, top = box$top, width = box$w, height = box$h,
                               position = legend$position),
                 usr = graphics::par("usr")))
}

slopes_legend_cex <- 0.85

# One line per moderator value (for a quadratic term, the tangent at each
# value of the focal predictor): at, slope, intercept, label, colour, lty.
slope_lines <- function(x) {
  at <- x$table$at
  n <- length(at)
  b <- x$paths
  slope <- x$table$effect
  intercept <- if (x$quadratic) -b[["interaction"]] * at^2 else b[["moderator"]] * at
  stars <- if (x$resamples) significance_stars(x$table$p, marginal = FALSE) else ""
  who <- if (x$quadratic) x$focal else x$moderator
  label <- paste0(who, " at ", sd_label(at), " (slope ", format_estimate(slope, 2), stars, ")")
  order <- rank(at, ties.method = "first")
  # low values blue and dashed, high ones red and dot-dashed
  ramp <- grDevices::colorRampPalette(c(plot_colours[["point"]], "grey30", plot_colours[["highlight"]]))
  colour <- if (n == 1L) "grey20" else ramp(n)[order]
  types <- if (n <= 3L) list(1L, c(2L, 4L), c(2L, 1L, 4L))[[n]] else rep(c(1L, 2L, 4L, 5L, 6L, 3L), length.out = n)
  lty <- types[order]
  data.frame(at = at, slope = slope, intercept = intercept, label = label, colour = colour, lty = lty,
             stringsAsFactors = FALSE)
}

# "-1 SD", "the mean", "+0.5 SD".
sd_label <- function(at) {
  ifelse(at == 0, "the mean", paste0(ifelse(at > 0, "+", ""), format_at(at), " SD"))
}

# The x range of each tangent of a quadratic curve: a stretch around its
# point, shorter when the points are close.
tangent_span <- function(at) {
  gap <- if (length(unique(at)) > 1L) min(diff(sort(unique(at)))) else 2
  half <- min(0.75, max(0.35, 0.45 * gap))
  lapply(at, function(m) seq(max(-2, m - half), min(2, m + half), length.out = 21L))
}

# The points of each line as drawn (list of x, y).
slope_line_values <- function(lines, grid, spans) {
  lapply(seq_len(nrow(lines)), function(i) {
    xs <- if (is.null(spans)) grid else spans[[i]]
    list(x = xs, y = lines$slope[i] * xs + lines$intercept[i])
  })
}

# Where the legend goes: the first corner no line or curve crosses, or
# above everything (with `ylim` raised to make room). Returns the left and
# top of the box, its position and, above, the new ylim.
slopes_legend_box <- function(lines, values, curve) {
  box <- slopes_legend_size(lines$label, slopes_legend_cex)
  usr <- graphics::par("usr")
  pad <- 0.02 * c(usr[2] - usr[1], usr[4] - usr[3])
  xs <- c(unlist(lapply(values, `[[`, "x")), curve$x)
  ys <- c(unlist(lapply(values, `[[`, "y")), curve$y)
  corners <- list(topleft = c(usr[1] + pad[1], usr[4] - pad[2]),
                  topright = c(usr[2] - pad[1] - box$w, usr[4] - pad[2]),
                  bottomright = c(usr[2] - pad[1] - box$w, usr[3] + pad[2] + box$h),
                  bottomleft = c(usr[1] + pad[1], usr[3] + pad[2] + box$h))
  for (name in names(corners)) {
    corner <- corners[[name]]
    inside <- xs >= corner[1] - pad[1] & xs <= corner[1] + box$w + pad[1] &
      ys <= corner[2] + pad[2] & ys >= corner[2] - box$h - pad[2]
    if (!any(inside)) {
      return(list(left = corner[1], top = corner[2], position = name, cex = slopes_legend_cex))
    }
  }
  # No free corner: raise the top of the y axis so that the box (whose
  # height in inches is fixed) fits above the old top. With `share` the part
  # of the new range the box and its padding take, the new range is
  # old / (1 - share), and the box's bottom lands on the old top. A box
  # that would take more than half the plot is drawn smaller.
  height <- usr[4] - usr[3]
  cex <- slopes_legend_cex
  share <- (box$h + 2 * pad[2]) / height
  if (share > 0.5) {
    cex <- cex * max(0.5, 0.5 / share)
    box <- slopes_legend_size(lines$label, cex)
    share <- (box$h + 2 * pad[2]) / height
  }
  share <- min(share, 0.75)
  ylim <- c(usr[3], usr[3] + height / (1 - share))
  list(left = usr[1] + pad[1], top = ylim[2] - pad[2] / (1 - share), position = "above", ylim = ylim, cex = cex)
}

# The legend's box (w, h, in axis units) at text size `cex`.
slopes_legend_size <- function(labels, cex) {
  graphics::legend("topleft", legend = labels, lty = 1, lwd = 2.2, cex = cex, plot = FALSE, inset = 0)$rect
}

slopes_axis_titles <- function(xlab, ylab) {
  graphics::title(xlab = xlab, cex.lab = fit_cex(xlab, title_room()))
  graphics::title(ylab = ylab, line = 2.6, cex.lab = fit_cex(ylab, graphics::par("fin")[2] * 0.9))
}

# --- Floodlight -----------------------------------------------------------------

floodlight_plot <- function(x, main) {
  band <- x$floodlight
  boot <- x$resamples > 0
  graphics::plot.new()
  pin <- graphics::par("pin")
  values <- c(band$effect, band$lower, band$upper, 0)
  ylim <- padded_limits(values, 0.1, pin[2])
  graphics::plot.window(x$range, ylim, yaxs = "i")
  labels <- jn_labels(x$jn)
  # room at the top for the labels of the Johnson-Neyman points, above
  # everything drawn (label heights in axis units grow with the range)
  top <- max(values, na.rm = TRUE)
  for (attempt in 1:3) {
    if (!nrow(labels) || min(labels$y - labels$height / 2) > top) break
    ylim[2] <- ylim[2] + (top - min(labels$y - labels$height / 2)) * 1.15
    graphics::plot.window(x$range, ylim, yaxs = "i")
    labels <- jn_labels(x$jn)
  }
  usr <- graphics::par("usr")
  graphics::abline(h = pretty(usr[3:4]), col = "grey92")
  if (boot) {
    graphics::polygon(c(band$at, rev(band$at)), c(band$lower, rev(band$upper)), col = plot_colours[["interval"]],
                      border = NA)
    graphics::lines(band$at, band$lower, col = plot_colours[["interval_bar"]], lwd = 1)
    graphics::lines(band$at, band$upper, col = plot_colours[["interval_bar"]], lwd = 1)
  }
  graphics::abline(h = 0, lty = 2, col = "grey30")
  graphics::lines(band$at, band$effect, col = plot_colours[["point"]], lwd = 2.5)
  shown <- x$table[x$table$at >= x$range[1] & x$table$at <= x$range[2], , drop = FALSE]
  graphics::points(shown$at, shown$effect, pch = 21, bg = plot_colours[["point"]], col = "white", cex = 1.1)
  graphics::rug(x$scores, ticksize = 0.02, col = grDevices::adjustcolor("grey20", 0.4), lwd = 0.6)
  if (nrow(x$jn)) {
    graphics::abline(v = x$jn$at, lty = 3, lwd = 1.6, col = plot_colours[["highlight"]])
    graphics::points(x$jn$at, rep(0, nrow(x$jn)), pch = 21, bg = plot_colours[["highlight"]], col = "white",
                     cex = 1.3)
    graphics::rect(labels$x - labels$width / 2, labels$y - labels$height / 2, labels$x + labels$width / 2,
                   labels$y + labels$height / 2, col = grDevices::adjustcolor("white", 0.9), border = NA)
    graphics::text(labels$x, labels$y, labels$label, cex = jn_label_cex, col = plot_colours[["highlight"]])
  }
  graphics::axis(1)
  graphics::axis(2)
  graphics::box()
  slopes_axis_titles(paste0(x$moderator, " (standardized score, SD)"),
                     paste0("Conditional effect of ", x$focal, " on ", x$outcome))
  if (is.null(main)) main <- paste0("Floodlight: effect of ", x$focal, " on ", x$outcome, " across ", x$moderator)
  plot_title(main, floodlight_note(x))
  invisible(list(floodlight = band, jn = x$jn, labels = labels, usr = usr))
}

jn_label_cex <- 0.85

floodlight_note <- function(x) {
  if (!x$resamples) {
    return("No bootstrap: the conditional effect alone, without a band (fit with pls(..., R = 5000) for one)")
  }
  paste0("Shaded: ", format(100 * x$level), "% percentile band (", x$resamples, " resamples); dotted: ",
         "Johnson-Neyman points")
}

# The labels of the Johnson-Neyman points, at the top of the plot, right of
# their lines (left when there is no room); a label that would overlap the
# previous one goes a line lower.
jn_labels <- function(jn) {
  if (!nrow(jn)) {
    return(data.frame(label = character(), x = numeric(), y = numeric(), width = numeric(), height = numeric()))
  }
  usr <- graphics::par("usr")
  label <- format_estimate(jn$at, 2)
  width <- graphics::strwidth(label, cex = jn_label_cex) * 1.25
  height <- graphics::strheight("M", cex = jn_label_cex) * 1.8
  gap <- 0.25 * graphics::strwidth("m", cex = jn_label_cex)
  right <- jn$at + gap + width <= usr[2]
  centre <- ifelse(right, jn$at + gap + width / 2, jn$at - gap - width / 2)
  y <- rep(usr[4] - 0.9 * height, length(centre))
  for (i in seq_along(centre)[-1L]) {
    for (j in seq_len(i - 1L)) {
      if (abs(centre[i] - centre[j]) < (width[i] + width[j]) / 2 && abs(y[i] - y[j]) < height) {
        y[i] <- min(y[i], y[j] - 1.1 * height)
      }
    }
  }
  data.frame(label = label, x = centre, y = y, width = width, height = height, stringsAsFactors = FALSE)
}
