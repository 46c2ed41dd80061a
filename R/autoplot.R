#' ggplot2 version of the importance-performance map
#'
#' When ggplot2 is installed, `autoplot()` returns the importance-performance
#' map of a [pls_ipma()] result as a ggplot object, to restyle with themes,
#' scales and labels or to combine with other plots. It shows what
#' [plot.pls_ipma()] shows.
#'
#' The labels are placed when the plot is drawn, with the same rule as
#' [plot.pls_ipma()]: at the first free spot around the point, never on
#' another label or point and inside the panel, so they adapt to the size
#' the plot is drawn at.
#'
#' @param object A `pls_ipma` object from [pls_ipma()].
#' @param what,labels As in [plot.pls_ipma()].
#' @param ... Not used.
#' @return A ggplot object.
#' @seealso [plot.pls_ipma()], [autoplot.pls_boot()]
#' @examples
#' if (requireNamespace("ggplot2", quietly = TRUE)) {
#'   fit <- pls("
#'     Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'     Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'     Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'     Satisfaction ~ Image
#'     Loyalty      ~ Image + Satisfaction
#'   ", data = mobi)
#'   ipma <- pls_ipma(fit, target = "Loyalty", scale_min = 1, scale_max = 10)
#'   ggplot2::autoplot(ipma, what = "indicators")
#' }
#' @exportS3Method ggplot2::autoplot
autoplot.pls_ipma <- function(object, what = c("constructs", "indicators"), labels = NULL, ...) {
  what <- match_arg(what)
  table <- ipma_plot_data(object, what, labels)
  groups <- unique(table$group)
  table$group <- factor(table$group, levels = groups)
  means <- c(mean(table$importance), mean(table$performance))
  plot <- ggplot2::ggplot(table, aes_vars(x = "importance", y = "performance")) +
    ggplot2::geom_vline(xintercept = means[1], linetype = "dashed", colour = plot_colours[["mean_line"]]) +
    ggplot2::geom_hline(yintercept = means[2], linetype = "dashed", colour = plot_colours[["mean_line"]]) +
    ipma_label_layer()
  if (what == "indicators") {
    plot <- plot +
      ggplot2::geom_point(aes_vars(fill = "group"), shape = 21, size = ggplot_point_size, colour = "grey15") +
      ggplot2::scale_fill_manual(values = ipma_colours(groups, what), name = "Construct")
  } else {
    plot <- plot +
      ggplot2::geom_point(shape = 21, size = ggplot_point_size, colour = "grey15", fill = plot_colours[["point"]])
  }
  plot +
    ggplot2::scale_x_continuous(expand = ggplot2::expansion(mult = 0.12)) +
    ggplot2::scale_y_continuous(expand = ggplot2::expansion(mult = 0.1)) +
    ggplot2::labs(title = paste("Importance-performance map of", object$target),
                  subtitle = paste0(object$target, " performs at ",
                                    formatC(object$target_performance, digits = 1, format = "f"),
                                    "; dashed lines: mean importance and mean performance"),
                  x = paste0("Importance (unstandardized total effect on ", object$target, ")"),
                  y = "Performance (0-100)") +
    ggplot2::theme_bw()
}

#' ggplot2 version of the bootstrap distributions
#'
#' When ggplot2 is installed, `autoplot()` returns the bootstrap
#' distributions of chosen parameters of a [pls_boot()] result as a ggplot
#' object, one facet each: the histogram (density scale) with a kernel
#' density curve, the interval shaded, the estimate as a red line and zero
#' as a dashed line (on every panel of an effect or weight, and on others
#' where it falls in the range of the draws). Each facet title gives the
#' estimate with significance stars and the interval. It shows what
#' [plot.pls_boot()] shows.
#'
#' @param object A `pls_boot` object from [pls_boot()].
#' @param parm,type,level As in [plot.pls_boot()].
#' @param bins Number of histogram bars per panel.
#' @param ... Not used.
#' @return A ggplot object.
#' @seealso [plot.pls_boot()], [autoplot.pls_ipma()]
#' @examples
#' if (requireNamespace("ggplot2", quietly = TRUE)) {
#'   fit <- pls("
#'     Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'     Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'     Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'     Satisfaction ~ Image
#'     Loyalty      ~ Image + Satisfaction
#'   ", data = mobi)
#'   set.seed(1)
#'   boot <- pls_boot(fit, R = 300, bca = FALSE)
#'   ggplot2::autoplot(boot) + ggplot2::theme_classic()
#' }
#' @exportS3Method ggplot2::autoplot
autoplot.pls_boot <- function(object, parm = "path", type = c("percentile", "bca"), level = object$level,
                              bins = 30, ...) {
  type <- match_arg(type)
  panels <- boot_plot_data(object, parm, type, level)
  valid <- object$draws[boot_used(object), panels$parameter, drop = FALSE]
  facets <- paste0(boot_panel_name(panels$type, panels$term), "\n", format_estimate(panels$estimate, 2),
                   panels$stars, " [", format_estimate(panels$lower, 2), ", ", format_estimate(panels$upper, 2), "]")
  panels$facet <- factor(facets, levels = unique(facets))
  draws <- data.frame(facet = rep(panels$facet, each = nrow(valid)), value = as.vector(valid))
  draws <- draws[!is.na(draws$value), ]
  spans_zero <- colSums(valid <= 0, na.rm = TRUE) > 0 & colSums(valid >= 0, na.rm = TRUE) > 0
  zero <- panels[panels$zero | spans_zero, , drop = FALSE]
  # no histogram or density where every draw is the same (a single item's
  # loading): the estimate's line shows it
  flat <- apply(valid, 2, function(values) diff(range(values, na.rm = TRUE)) <= 1e-12)
  varying <- draws[!draws$facet %in% panels$facet[flat], , drop = FALSE]
  flat_range <- data.frame(facet = rep(panels$facet[flat], each = 2),
                           value = rep(panels$estimate[flat], each = 2) + rep(c(-0.1, 0.1), sum(flat)),
                           y = rep(c(0, 1), sum(flat)))
  zero$at <- rep(0, nrow(zero))
  interval <- paste0(format(100 * level), "% ", if (type == "bca") "BCa" else "percentile", " interval")
  ggplot2::ggplot(draws, aes_vars(x = "value")) +
    ggplot2::geom_rect(data = panels, aes_vars(xmin = "lower", xmax = "upper"), ymin = -Inf, ymax = Inf,
                       fill = plot_colours[["interval"]], inherit.aes = FALSE) +
    ggplot2::geom_histogram(aes_vars(y = quote(ggplot2::after_stat(density))), data = varying, bins = bins,
                            fill = plot_colours[["interval_bar"]], colour = "white", linewidth = 0.2) +
    ggplot2::geom_density(data = varying, colour = "grey20") +
    ggplot2::geom_blank(data = flat_range, aes_vars(y = "y")) +
    ggplot2::geom_vline(data = zero, aes_vars(xintercept = "at"), linetype = "dashed", colour = "grey30") +
    ggplot2::geom_vline(data = panels, aes_vars(xintercept = "estimate"), colour = plot_colours[["highlight"]],
                        linewidth = 0.9) +
    ggplot2::facet_wrap("facet", scales = "free") +
    ggplot2::labs(title = paste0("Bootstrap distributions (", nrow(valid), " resamples)"),
                  subtitle = paste0("shaded: ", interval, "; red line: estimate; dashed line: zero"),
                  x = NULL, y = NULL) +
    ggplot2::theme_bw() +
    ggplot2::theme(axis.text.y = ggplot2::element_blank(), axis.ticks.y = ggplot2::element_blank(),
                   panel.grid = ggplot2::element_blank())
}

# aes() from column names (strings) or expressions, without global variables.
aes_vars <- function(...) {
  args <- lapply(list(...), function(value) if (is.character(value)) as.name(value) else value)
  do.call(ggplot2::aes, args)
}

ggplot_point_size <- 3

# The labels of the IPMA map as a ggplot2 layer whose positions are found
# when the panel is drawn (makeContent.iecpls_repel_labels()).
ipma_label_layer <- function() {
  geom <- ggplot2::ggproto("GeomIpmaLabel", ggplot2::Geom,
    required_aes = c("x", "y", "label"),
    default_aes = ggplot2::aes(size = 3.5, colour = "black"),
    draw_panel = function(data, panel_params, coord) {
      coords <- coord$transform(data, panel_params)
      grid::gTree(coords = coords, radius = ggplot_point_radius(), cl = "iecpls_repel_labels")
    }
  )
  ggplot2::layer(geom = geom, stat = "identity", position = "identity", mapping = aes_vars(label = "label"),
                 inherit.aes = TRUE, show.legend = FALSE, params = list())
}

# The radius (inches) of ggplot2's shape 21 at ggplot_point_size (its size
# in points is size * 72.27 / 25.4 plus half the stroke), plus a margin.
ggplot_point_radius <- function() {
  0.375 * (ggplot_point_size * 72.27 / 25.4 + 0.5 * 96 / 25.4 / 2) / 72 + 0.02
}

# Places the labels in the panel's viewport, in inches, at drawing time.
#' @exportS3Method grid::makeContent
makeContent.iecpls_repel_labels <- function(x) {
  data <- x$coords
  if (!nrow(data)) return(x)
  region <- c(grid::convertWidth(grid::unit(1, "npc"), "inches", valueOnly = TRUE),
              grid::convertHeight(grid::unit(1, "npc"), "inches", valueOnly = TRUE))
  fontsize <- data$size * 72.27 / 25.4
  width <- vapply(seq_len(nrow(data)), function(i) {
    text <- grid::textGrob(data$label[i], gp = grid::gpar(fontsize = fontsize[i]))
    grid::convertWidth(grid::grobWidth(text), "inches", valueOnly = TRUE)
  }, numeric(1))
  pad <- 0.3 * fontsize / 72
  width <- width + 2 * pad
  height <- fontsize / 72 * (1 + 1.2 * (text_lines(data$label) - 1)) + pad
  px <- data$x * region[1]
  py <- data$y * region[2]
  spot <- repel_labels(px, py, width, height, x$radius, region)
  leaders <- leader_segments(list(x = px, y = py), spot, width, height, x$radius - 0.02)
  inches <- function(v) grid::unit(v, "inches")
  children <- grid::gList(
    if (nrow(leaders)) {
      grid::segmentsGrob(inches(leaders$x0), inches(leaders$y0), inches(leaders$x1), inches(leaders$y1),
                         gp = grid::gpar(col = "grey45", lwd = 0.8))
    },
    grid::rectGrob(inches(spot$x), inches(spot$y), inches(width), inches(height),
                   gp = grid::gpar(fill = grDevices::adjustcolor("white", 0.8), col = NA)),
    grid::textGrob(data$label, inches(spot$x), inches(spot$y), gp = grid::gpar(fontsize = fontsize, col = data$colour))
  )
  x$placed <- data.frame(label = data$label, x = spot$x, y = spot$y, width = width, height = height)
  grid::setChildren(x, children)
}
