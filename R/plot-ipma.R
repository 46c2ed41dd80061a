#' Importance-performance map
#'
#' `plot()` draws the importance-performance map of a [pls_ipma()] result
#' with base graphics: each driver of the target construct (or each of
#' their indicators) is a point at its **importance**, the unstandardized
#' total effect on the target, on the x axis and its **performance** (0-100)
#' on the y axis. Dashed lines at the mean importance and the mean
#' performance of the plotted drivers split the map into four quadrants; the
#' lower right one (important, performing below average) holds the
#' priorities for improvement (Ringle and Sarstedt 2016).
#'
#' @section Labels:
#' Point labels never cover each other or a point and stay inside the plot:
#' each label is tried at 16 spots around its point (right, left, above and
#' below first), ring by ring outwards, and takes the first free one;
#' labels of crowded points are placed first, and a label moved away from
#' its point gets a thin leader line. The placement is deterministic and
#' depends on the device size, so the positions used are returned.
#'
#' The axes leave room for labels beside the outermost points; `xlim` and
#' `ylim` override them (for example `ylim = c(0, 100)` for the full
#' performance scale). At the indicator level the points are coloured by
#' construct, with a legend in the right margin.
#'
#' @param x A `pls_ipma` object from [pls_ipma()].
#' @param what `"constructs"` or `"indicators"`: which map.
#' @param labels Display names for the points: a named character vector
#'   such as `c(TTM = "Talent training mode")`.
#' @param main Title; by default it names the target.
#' @param xlim,ylim Axis limits; by default the data with room for labels.
#' @param cex Size of the point labels.
#' @param ... Not used.
#' @return Invisibly, the map as it was drawn, in the units of the axes:
#' \describe{
#'   \item{`points`}{`label`, `group` (the construct), `x` (importance), `y`
#'     (performance).}
#'   \item{`labels`}{`label`, the centre `x`, `y`, `width` and `height` of
#'     each label's box, and `leader` (whether a leader line was drawn).}
#'   \item{`point_size`}{half the width and height of the square kept free
#'     around each point.}
#'   \item{`means`}{the mean importance and performance (the dashed lines).}
#'   \item{`usr`}{the axis limits, `par("usr")`.}
#' }
#' @references
#' Ringle, C. M., and Sarstedt, M. (2016). Gain more insight from your
#' PLS-SEM results: the importance-performance map analysis. *Industrial
#' Management & Data Systems*, 116(9), 1865--1886.
#' \doi{10.1108/IMDS-10-2015-0449}
#' @seealso [pls_ipma()]; `autoplot()` draws the same map with ggplot2
#'   ([autoplot.pls_ipma()]).
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Expectation  =~ CUEX1 + CUEX2 + CUEX3
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Expectation  ~ Image
#'   Satisfaction ~ Image + Expectation
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' ipma <- pls_ipma(fit, target = "Loyalty", scale_min = 1, scale_max = 10)
#' plot(ipma)
#' drawn <- plot(ipma, what = "indicators")
#' drawn$labels
#' @export
plot.pls_ipma <- function(x, what = c("constructs", "indicators"), labels = NULL, main = NULL,
                          xlim = NULL, ylim = NULL, cex = 0.9, ...) {
  what <- match_arg(what)
  table <- ipma_plot_data(x, what, labels)
  groups <- unique(table$group)
  colours <- ipma_colours(groups, what)
  legend_width <- if (what == "indicators") ipma_legend_width(groups) else 0
  csi <- graphics::par("csi")
  old <- graphics::par(mai = c(3.6, 4.2, 3.6, 1.2) * csi + c(0, 0, 0, legend_width), mgp = c(2.4, 0.7, 0), las = 1,
                       tcl = -0.35)
  on.exit(graphics::par(old))
  graphics::plot.new()
  size <- ipma_label_sizes(table$label, cex)
  # the left margin holds the widest tick label of the y axis and the title
  limits <- ipma_limits(table, size, xlim, ylim)
  tick_width <- max(graphics::strwidth(format(pretty(limits$y)), units = "inches"))
  graphics::par(mai = c(3.6 * csi, tick_width + 2.2 * csi, 3.6 * csi, 1.2 * csi + legend_width))
  limits <- ipma_limits(table, size, xlim, ylim)
  graphics::plot.window(limits$x, limits$y, xaxs = "i", yaxs = "i")
  means <- c(importance = mean(table$importance), performance = mean(table$performance))
  placed <- ipma_place_labels(table, size)
  ipma_draw(table, placed, means, colours[table$group], cex)
  xlab <- paste0("Importance (unstandardized total effect on ", x$target, ")")
  graphics::title(xlab = xlab, cex.lab = fit_cex(xlab, title_room()))
  graphics::title(ylab = "Performance (0-100)", line = tick_width / csi + 1,
                  cex.lab = fit_cex("Performance (0-100)", graphics::par("fin")[2] * 0.96))
  if (is.null(main)) main <- paste("Importance-performance map of", x$target)
  plot_title(main, paste0(x$target, " performs at ", formatC(x$target_performance, digits = 1, format = "f"),
                          "; dashed lines: mean importance and mean performance of the ", nrow(table), " ",
                          if (what == "constructs") "drivers" else "indicators"))
  if (what == "indicators") ipma_legend(groups, colours)
  attr(placed, "leaders") <- NULL
  invisible(list(points = data.frame(label = table$label, group = table$group, x = table$importance,
                                     y = table$performance, stringsAsFactors = FALSE),
                 labels = placed, point_size = size$radius / inches_per_unit(), means = means,
                 usr = graphics::par("usr")))
}

# Axis limits: the data with room for labels beside the outermost points
# (unless given).
ipma_limits <- function(table, size, xlim, ylim) {
  pin <- graphics::par("pin")
  if (is.null(xlim)) xlim <- padded_limits(table$importance, max(size$width) / 2 + size$radius + 0.05, pin[1])
  if (is.null(ylim)) ylim <- padded_limits(table$performance, max(size$height) + size$radius + 0.05, pin[2])
  list(x = xlim, y = ylim)
}

# label, group, importance, performance of the plotted points.
ipma_plot_data <- function(x, what, labels) {
  table <- x[[what]]
  if (!nrow(table)) abort_model("The IPMA has no drivers to plot.")
  key <- if (what == "constructs") table$construct else table$indicator
  shown <- display_names(key, labels, "labels", if (what == "constructs") "Construct" else "Indicator")
  data.frame(label = unname(shown[key]), group = table$construct, importance = table$importance,
             performance = table$performance, stringsAsFactors = FALSE)
}

ipma_colours <- function(groups, what) {
  if (what == "constructs" || length(groups) == 1L) {
    return(stats::setNames(rep(plot_colours[["point"]], length(groups)), groups))
  }
  stats::setNames(grDevices::hcl.colors(length(groups), "Dark 3"), groups)
}

# Label boxes (text plus padding) and the point radius, in inches.
ipma_label_sizes <- function(labels, cex) {
  pad <- 0.5 * graphics::strwidth("m", units = "inches", cex = cex)
  line <- graphics::strheight("M", units = "inches", cex = cex)
  lines <- text_lines(labels)
  list(width = graphics::strwidth(labels, units = "inches", cex = cex) + 2 * pad,
       height = line * (1.3 + 1.6 * (lines - 1)) + pad,
       radius = 0.375 * ipma_point_cex * graphics::par("cex") * graphics::par("ps") / 72 + 0.02)
}

ipma_point_cex <- 1.4

# Label positions in axis units, from the placement in inches.
ipma_place_labels <- function(table, size) {
  usr <- graphics::par("usr")
  scale <- inches_per_unit()
  px <- (table$importance - usr[1]) * scale[1]
  py <- (table$performance - usr[3]) * scale[2]
  spot <- repel_labels(px, py, size$width, size$height, size$radius, graphics::par("pin"))
  leaders <- leader_segments(list(x = px, y = py), spot, size$width, size$height, size$radius - 0.02)
  leaders[c("x0", "x1")] <- usr[1] + leaders[c("x0", "x1")] / scale[1]
  leaders[c("y0", "y1")] <- usr[3] + leaders[c("y0", "y1")] / scale[2]
  structure(data.frame(label = table$label, x = usr[1] + spot$x / scale[1], y = usr[3] + spot$y / scale[2],
                       width = size$width / scale[1], height = size$height / scale[2], leader = spot$leader,
                       stringsAsFactors = FALSE), leaders = leaders)
}

ipma_draw <- function(table, placed, means, colours, cex) {
  usr <- graphics::par("usr")
  if (usr[1] < 0 && usr[2] > 0) graphics::abline(v = 0, col = plot_colours[["zero_line"]], lwd = 0.8)
  graphics::abline(v = means[["importance"]], h = means[["performance"]], lty = 2, lwd = 1.2,
                   col = plot_colours[["mean_line"]])
  leaders <- attr(placed, "leaders")
  if (nrow(leaders)) graphics::segments(leaders$x0, leaders$y0, leaders$x1, leaders$y1, col = "grey45", lwd = 0.8)
  graphics::rect(placed$x - placed$width / 2, placed$y - placed$height / 2, placed$x + placed$width / 2,
                 placed$y + placed$height / 2, col = grDevices::adjustcolor("white", 0.8), border = NA)
  graphics::text(placed$x, placed$y, placed$label, cex = cex)
  graphics::points(table$importance, table$performance, pch = 21, cex = ipma_point_cex, bg = colours,
                   col = "grey15", lwd = 0.8)
  graphics::axis(1)
  graphics::axis(2)
  graphics::box()
}

# Needed before plot.new(), so from the font metrics of the path diagram.
ipma_legend_width <- function(groups) {
  em <- graphics::par("ps") * graphics::par("cex") / 72
  max(text_width(c(groups, "Construct"), 0.85)) * em + 0.45
}

ipma_legend <- function(groups, colours) {
  usr <- graphics::par("usr")
  graphics::legend(usr[2] + 0.15 / inches_per_unit()[1], usr[4], legend = groups, pt.bg = colours[groups],
                   pch = 21, col = "grey15", pt.cex = 1.2, cex = 0.85, bty = "n", xpd = NA, title = "Construct",
                   title.adj = 0)
}
