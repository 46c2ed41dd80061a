#' Bootstrap distributions
#'
#' `plot()` draws the bootstrap distribution of chosen parameters of a
#' [pls_boot()] result with base graphics, one small panel each: a
#' histogram (density scale) with a kernel density curve, the confidence
#' interval shaded (its bars darker), the full-sample estimate as a red
#' line and zero as a dashed line. Over each panel stand the parameter, its
#' estimate with significance stars and the interval.
#'
#' For effects and weights (`path`, `total`, `indirect`, `specific`,
#' `weight`), whose test is against zero, the x axis always includes zero,
#' so the distance of the distribution from zero is visible; for loadings,
#' R^2 and HTMT zero is marked only when it falls in the range of the draws.
#' Failed resamples are left out, as in every summary.
#'
#' @param x A `pls_boot` object from [pls_boot()].
#' @param parm Which parameters, chosen as for [confint.pls_boot()]: a type
#'   (`"path"`, the default, `"total"`, `"indirect"`, `"specific"`,
#'   `"weight"`, `"loading"`, `"r2"`, `"htmt"`) for all parameters of that
#'   type, full names as in `colnames(x$draws)` (`"path: Image -> Loyalty"`),
#'   terms (`"Image -> Loyalty"`, the first parameter with that term: a path
#'   before a total effect) or row numbers of `x$parameters`. Several may be
#'   combined.
#' @param type `"percentile"` or `"bca"`: the interval shaded (see
#'   [confint.pls_boot()]).
#' @param level Confidence level of the interval.
#' @param breaks Passed to [graphics::hist()]: the (approximate) number of
#'   bars.
#' @param ncol Number of columns of panels; by default chosen from the
#'   device's shape.
#' @param main Overall title.
#' @param ... Not used.
#' @return Invisibly, a data frame with one row per panel: `parameter`,
#'   `type`, `term`, `estimate`, `lower`, `upper` (the interval shaded) and
#'   `zero` (whether zero is marked).
#' @seealso [pls_boot()], [confint.pls_boot()]; `autoplot()` draws the same
#'   panels with ggplot2 ([autoplot.pls_boot()]).
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' set.seed(1)
#' boot <- pls_boot(fit, R = 500)
#' plot(boot)
#' plot(boot, c("specific", "total: Image -> Loyalty"), type = "bca")
#' @export
plot.pls_boot <- function(x, parm = "path", type = c("percentile", "bca"), level = x$level,
                          breaks = 30, ncol = NULL, main = NULL, ...) {
  type <- match_arg(type)
  panels <- boot_plot_data(x, parm, type, level)
  n <- nrow(panels)
  if (is.null(ncol)) ncol <- boot_panel_columns(n)
  check_number(ncol, "ncol", integer = TRUE)
  ncol <- min(n, ncol)
  old <- graphics::par(mfrow = c(ceiling(n / ncol), ncol), mar = c(2.2, 0.9, 3.1, 0.9), oma = c(0.2, 0.2, 3.6, 0.2),
                       mgp = c(1.4, 0.35, 0), tcl = -0.25)
  on.exit(graphics::par(old))
  panels$title <- boot_panel_name(panels$type, panels$term)
  panels$title_cex <- shared_cex(panels$title, 0.9 * graphics::par("fin")[1], 1, bold = TRUE)
  panels$subtitle <- paste0(format_estimate(panels$estimate, 2), panels$stars, "  [",
                            format_estimate(panels$lower, 2), ", ", format_estimate(panels$upper, 2), "]")
  panels$subtitle_cex <- shared_cex(panels$subtitle, 0.9 * graphics::par("fin")[1], 0.9)
  valid <- x$draws[boot_used(x), , drop = FALSE]
  for (k in seq_len(n)) {
    boot_panel(valid[, panels$parameter[k]], panels[k, ], breaks)
  }
  if (is.null(main)) main <- paste0("Bootstrap distributions (", sum(boot_used(x)), " resamples)")
  interval <- paste0(format(100 * level), "% ", if (type == "bca") "BCa" else "percentile", " interval")
  note <- paste0("shaded: ", interval, "; red line: estimate; dashed line: zero")
  room <- 0.96 * graphics::par("din")[1]
  base <- graphics::par("cex")
  fitted_mtext(main, room, 1.15 / base, font = 2, side = 3, line = 1.9, outer = TRUE)
  fitted_mtext(note, room, 0.85 / base, side = 3, line = 0.5, outer = TRUE, col = "grey25")
  invisible(panels[c("parameter", "type", "term", "estimate", "lower", "upper", "zero")])
}

# One row per panel: the parameter's name, type, term, estimate, interval,
# stars and whether zero is marked. `parm` chooses as in confint().
boot_plot_data <- function(x, parm, type, level) {
  rows <- boot_parm(x, parm)
  limits <- boot_limits(x, level, type)[rows, , drop = FALSE]
  table <- x$parameters[rows, ]
  stars <- ifelse(table$type %in% c("r2", "htmt"), "", significance_stars(table$p, marginal = FALSE))
  data.frame(parameter = parameter_names(table), type = table$type, term = table$term, estimate = table$estimate,
             lower = limits[, 1], upper = limits[, 2], stars = stars,
             zero = table$type %in% zero_tested_types, row.names = NULL, stringsAsFactors = FALSE)
}

zero_tested_types <- c("path", "total", "indirect", "specific", "weight")

# Columns of panels: about as many panels across as the device's shape
# suggests.
boot_panel_columns <- function(n) {
  din <- grDevices::dev.size("in")
  max(1L, min(n, round(sqrt(n * din[1] / din[2]))))
}

boot_panel <- function(values, panel, breaks) {
  values <- values[!is.na(values)]
  flat <- !length(values) || diff(range(values)) <= 1e-12 * max(1, abs(values))
  bars <- if (length(values)) graphics::hist(values, breaks = if (flat) 1 else breaks, plot = FALSE)
  curve <- if (!flat) stats::density(values)
  xlim <- range(values, panel$estimate, panel$lower, panel$upper, if (panel$zero) 0, na.rm = TRUE)
  xlim <- xlim + c(-1, 1) * max(0.04 * diff(xlim), 0.05 * flat * max(1, abs(xlim)), 1e-3)
  top <- if (flat) 1 else max(bars$density, curve$y)
  graphics::plot.new()
  graphics::plot.window(xlim, c(0, 1.08 * top), yaxs = "i")
  graphics::rect(panel$lower, 0, panel$upper, 1.08 * top, col = plot_colours[["interval"]], border = NA)
  if (flat && length(values)) {
    graphics::segments(values[1], 0, values[1], top, lwd = 3, col = plot_colours[["interval_bar"]])
  } else if (!flat) {
    mids <- bars$mids
    inside <- mids >= panel$lower & mids <= panel$upper
    # white gaps between bars only where the bars are wide enough for them
    wide <- diff(bars$breaks[1:2]) * inches_per_unit()[1] > 0.05
    graphics::rect(utils::head(bars$breaks, -1), 0, bars$breaks[-1], bars$density, lwd = 0.5,
                   border = if (wide) "white" else NA,
                   col = ifelse(inside, plot_colours[["interval_bar"]], plot_colours[["bar"]]))
    graphics::lines(curve, col = "grey20", lwd = 1)
  }
  if (xlim[1] < 0 && xlim[2] > 0) graphics::abline(v = 0, lty = 2, col = "grey30")
  graphics::abline(v = panel$estimate, col = plot_colours[["highlight"]], lwd = 2)
  graphics::axis(1, cex.axis = 0.9)
  graphics::abline(h = 0, col = "grey40")
  boot_panel_title(panel)
}

# The parameter as a panel title: paths, specific effects and loadings of
# reflective constructs by their term, the others with their kind.
boot_panel_name <- function(type, term) {
  prefix <- c(total = "total: ", indirect = "indirect: ", weight = "weight: ", r2 = "R2 of ", htmt = "HTMT ",
              loading = "loading: ")[type]
  prefix[is.na(prefix) | (type == "loading" & !grepl("<~", term, fixed = TRUE))] <- ""
  paste0(prefix, term)
}

boot_panel_title <- function(panel) {
  base <- graphics::par("cex")
  graphics::mtext(panel$title, side = 3, line = 1.5, font = 2, cex = base * panel$title_cex)
  graphics::mtext(panel$subtitle, side = 3, line = 0.4, cex = base * panel$subtitle_cex, col = "grey20")
}
