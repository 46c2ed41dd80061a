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
#' @seealso [plot.pls_boot()], [autoplot.pls_ipma()]; [autoplot.pls_fit()] with
#'   `what = "paths"` draws the paths of the bootstrap a fit carries.
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

#' ggplot2 versions of the assessment plots: HTMT heat map and loadings
#'
#' When ggplot2 is installed, `autoplot()` on a [summary()][summary.pls_fit]
#' report returns one of the two pictures of the measurement model that
#' [plot.summary.pls_fit()] draws, as a ggplot object, to restyle with
#' themes, scales and labels or to combine with other plots. Both methods
#' take the numbers, flags and colours from the same code, so they show the
#' same thing:
#' \describe{
#'   \item{`"htmt"`}{a heat map of the heterotrait-monotrait ratios of each
#'     pair of reflective constructs (lower triangle, tiles coloured by the
#'     absolute value on a scale from 0 to 1), each tile with its value.
#'     Tiles at or above the report's threshold (`htmt_threshold` of
#'     [summary.pls_fit()], 0.85 by default) have a solid outline and a bold
#'     value; when the fit carries a bootstrap, a dashed outline marks pairs
#'     below it whose one-sided 95% upper bound reaches it (Franke and
#'     Sarstedt 2019).}
#'   \item{`"loadings"`}{each indicator's outer loading as a point on a
#'     stem from zero, one row of panels per construct, with a dashed line
#'     at 0.708 and the values written on the right. Reflective loadings
#'     below 0.708 are red; indicators of composite (Mode B) constructs are
#'     open circles, as the 0.708 rule does not apply to them.}
#' }
#'
#' @param object A `summary.pls_fit` report from [summary.pls_fit()].
#' @param what `"htmt"` (the default, as for [plot.summary.pls_fit()]) or
#'   `"loadings"`: which plot.
#' @param ... Not used.
#' @return A ggplot object.
#' @references
#' Franke, G., and Sarstedt, M. (2019). Heuristics versus statistics in
#' discriminant validity testing: a comparison of four procedures.
#' *Internet Research*, 29(3), 430--447. \doi{10.1108/IntR-12-2017-0515}
#' @seealso [plot.summary.pls_fit()] (the same plots in base graphics),
#'   [autoplot.pls_fit()] (these plots straight from a fit),
#'   [summary.pls_fit()]
#' @examples
#' if (requireNamespace("ggplot2", quietly = TRUE)) {
#'   fit <- pls("
#'     Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'     Expectation  =~ CUEX1 + CUEX2 + CUEX3
#'     Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'     Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'     Expectation  ~ Image
#'     Satisfaction ~ Image + Expectation
#'     Loyalty      ~ Image + Satisfaction
#'   ", data = mobi)
#'   report <- summary(fit, htmt_threshold = 0.9)
#'   ggplot2::autoplot(report)
#'   ggplot2::autoplot(report, "loadings") + ggplot2::labs(title = "Outer loadings")
#' }
#' @exportS3Method ggplot2::autoplot
autoplot.summary.pls_fit <- function(object, what = c("htmt", "loadings"), ...) {
  what <- match_arg(what)
  if (what == "htmt") autoplot_htmt(object) else autoplot_loadings(object)
}

#' ggplot2 plots of a fitted model
#'
#' When ggplot2 is installed, `autoplot()` on a [pls()] fit returns a ggplot
#' object that shows the fit:
#' \describe{
#'   \item{`"loadings"` (the default)}{the indicator loadings of the
#'     measurement model, the first thing to check in a reflective model:
#'     `autoplot(summary(fit, ...), "loadings")`
#'     ([autoplot.summary.pls_fit()]).}
#'   \item{`"htmt"`}{the HTMT heat map of discriminant validity:
#'     `autoplot(summary(fit, ...), "htmt")`. When the fit carries a
#'     bootstrap, it also marks the pairs whose 95% upper bound reaches the
#'     threshold.}
#'   \item{`"paths"`}{the bootstrap distributions of the path coefficients,
#'     each with its estimate and interval: `autoplot(fit$boot, ...)`
#'     ([autoplot.pls_boot()]). It needs the bootstrap a fit carries after
#'     `pls(..., R = )` or `fit$boot <- pls_boot(fit)`, and is an error
#'     (class `iecpls_input_error`) without one. For other parameters, use
#'     `autoplot(fit$boot, parm = ...)`.}
#' }
#' The default does not depend on whether the fit carries a bootstrap, so
#' the same code draws the same kind of plot for every fit. For the path
#' diagram, use [plot()][plot.pls_fit] (grid graphics).
#'
#' @param object A `pls_fit` object from [pls()].
#' @param what `"loadings"`, `"htmt"` or `"paths"`: which plot.
#' @param ... Passed on: for `"loadings"` and `"htmt"` to
#'   [summary.pls_fit()] (such as `htmt_threshold` and `htmt_absolute`), for
#'   `"paths"` to [autoplot.pls_boot()] (`type`, `level`, `bins`).
#' @return A ggplot object.
#' @seealso [autoplot.summary.pls_fit()], [autoplot.pls_boot()],
#'   [plot.summary.pls_fit()]
#' @examples
#' if (requireNamespace("ggplot2", quietly = TRUE)) {
#'   fit <- pls("
#'     Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'     Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'     Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'     Satisfaction ~ Image
#'     Loyalty      ~ Image + Satisfaction
#'   ", data = mobi)
#'   ggplot2::autoplot(fit)
#'   ggplot2::autoplot(fit, "htmt", htmt_threshold = 0.9)
#'   set.seed(1)
#'   fit$boot <- pls_boot(fit, R = 200, bca = FALSE)
#'   ggplot2::autoplot(fit, "paths", level = 0.9)
#' }
#' @exportS3Method ggplot2::autoplot
autoplot.pls_fit <- function(object, what = c("loadings", "htmt", "paths"), ...) {
  what <- match_arg(what)
  if (what != "paths") return(autoplot.summary.pls_fit(summary(object, ...), what))
  boot <- fit_boot(object, "Bootstrap distributions", "autoplot")
  if ("parm" %in% names(list(...))) {
    abort_input(c("{.code what = \"paths\"} plots the path coefficients and takes no {.arg parm}.",
                  "i" = "For other parameters, use {.code autoplot(fit$boot, parm = ...)}."))
  }
  autoplot.pls_boot(boot, parm = "path", ...)
}

# The HTMT heat map of autoplot() of a summary.
autoplot_htmt <- function(report) {
  heat <- htmt_plot_data(report)
  cells <- heat$cells
  shown <- htmt_axis_labels(heat)
  cells$column <- factor(cells$column, levels = colnames(heat$values))
  cells$row <- factor(cells$row, levels = rev(rownames(heat$values)))
  # the fill scale ends at 1: larger values take its colour
  cells$shade <- pmin(abs(cells$htmt), 1)
  cells$face <- ifelse(cells$high, "bold", "plain")
  outline <- function(keep, ...) {
    ggplot2::geom_tile(data = cells[keep, , drop = FALSE], width = 0.9, height = 0.9, fill = NA, ...)
  }
  ggplot2::ggplot(cells, aes_vars(x = "column", y = "row")) +
    ggplot2::geom_tile(aes_vars(fill = "shade"), colour = "white", linewidth = 1) +
    outline(cells$doubtful, colour = "grey10", linewidth = 0.7, linetype = "dashed") +
    outline(cells$high, colour = "grey5", linewidth = 1.1) +
    ggplot2::geom_text(aes_vars(label = "text", colour = "text_colour", fontface = "face"), size = 3.6) +
    ggplot2::scale_fill_gradientn(colours = htmt_palette(seq(0, 1, length.out = 101)), limits = c(0, 1),
                                  na.value = htmt_palette(NA), name = "|HTMT|") +
    ggplot2::scale_colour_identity() +
    ggplot2::scale_x_discrete(labels = shown, expand = c(0, 0)) +
    ggplot2::scale_y_discrete(labels = shown, expand = c(0, 0)) +
    ggplot2::coord_fixed() +
    ggplot2::labs(title = heat$title, subtitle = gsub("; ", "\n", heat$note, fixed = TRUE), x = NULL, y = NULL) +
    ggplot2::theme_minimal() +
    ggplot2::theme(panel.grid = ggplot2::element_blank(),
                   axis.text.x = ggplot2::element_text(angle = 90, hjust = 1, vjust = 0.5))
}

# The loadings plot of autoplot() of a summary: one facet row per construct.
autoplot_loadings <- function(report) {
  rows <- loading_rows(report$loadings)
  items <- rows[rows$indicator != "", , drop = FALSE]
  constructs <- unique(items$construct)
  items$construct <- factor(items$construct, levels = constructs,
                            labels = vapply(constructs, wrap_label, "", max_width = 12, USE.NAMES = FALSE))
  # a position per row (an indicator may be in two blocks), top to bottom
  items$position <- factor(items$row, levels = rev(items$row))
  items$text <- loading_text(items)
  items$text_colour <- loading_text_colour(items)
  kinds <- intersect(names(loading_kinds), items$kind)
  items$kind <- factor(items$kind, levels = kinds)
  xlim <- range(0, 1, items$loading, na.rm = TRUE) + c(-0.03, 0.03)
  ggplot2::ggplot(items, aes_vars(y = "position")) +
    ggplot2::geom_vline(xintercept = 0, colour = "grey40") +
    ggplot2::geom_vline(xintercept = pls_thresholds$loading, linetype = "dashed",
                        colour = plot_colours[["highlight"]]) +
    ggplot2::geom_segment(aes_vars(yend = "position", xend = "loading"), x = 0, colour = "grey55", linewidth = 1) +
    ggplot2::geom_point(aes_vars(x = "loading", fill = "kind"), shape = 21, size = ggplot_point_size,
                        colour = "grey15") +
    # the values in the margin on the right, where the facets' strips are not
    ggplot2::geom_text(aes_vars(label = "text", colour = "text_colour"), x = Inf, hjust = -0.25, size = 3.3) +
    ggplot2::facet_grid(construct ~ ., scales = "free_y", space = "free_y", switch = "y") +
    ggplot2::scale_x_continuous(limits = xlim, expand = c(0, 0)) +
    ggplot2::scale_y_discrete(labels = stats::setNames(items$indicator, items$row)) +
    ggplot2::scale_fill_manual(values = loading_fills()[kinds], labels = loading_kinds[kinds], name = NULL) +
    ggplot2::scale_colour_identity() +
    ggplot2::coord_cartesian(clip = "off") +
    ggplot2::labs(title = loadings_title, subtitle = "dashed line: 0.708", x = "Outer loading", y = NULL) +
    ggplot2::theme_bw() +
    ggplot2::theme(strip.placement = "outside", strip.background = ggplot2::element_blank(),
                   strip.text.y.left = ggplot2::element_text(angle = 0, hjust = 1, face = "bold"),
                   panel.grid.major.y = ggplot2::element_blank(), panel.grid.minor = ggplot2::element_blank(),
                   legend.position = "bottom", plot.title.position = "plot",
                   plot.margin = ggplot2::margin(5.5, 34, 5.5, 5.5))
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
