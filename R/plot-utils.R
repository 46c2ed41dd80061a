# Helpers shared by the base-graphics plots (IPMA map, bootstrap
# distributions, HTMT heat map, loadings plot).

plot_colours <- c(point = "#2C6E9E", highlight = "#B2182B", interval = "#C6DBEF", interval_bar = "#6A9AC4",
                  bar = "grey82", mean_line = "grey35", zero_line = "grey55", muted = "grey60")

# Display names: `labels` (a named character vector) replaces some of
# `names`; unknown names are an error that suggests the nearest one.
display_names <- function(names, labels, arg = "labels", what = "Construct") {
  if (is.null(labels)) return(stats::setNames(names, names))
  if (!is.character(labels) || is.null(names(labels)) || anyNA(labels) || any(!nzchar(names(labels)))) {
    abort_input("{.arg {arg}} must be a named character vector such as {.code c(TTM = \"Talent training\")}.")
  }
  unknown <- setdiff(names(labels), names)
  if (length(unknown)) {
    hint <- suggest_names(unknown, names)
    # the names are the user's text: cli gets them as values, never as format
    index <- seq_along(unknown)
    shown <- ifelse(is.na(hint), sprintf("{unknown[%d]}", index),
                    sprintf("{unknown[%d]} (did you mean {hint[%d]}?)", index, index))
    abort_input(c("{.arg {arg}} names {tolower(what)}{?s} that are not plotted:",
                  stats::setNames(shown, rep("x", length(shown)))), class = "iecpls_unknown_name")
  }
  shown <- stats::setNames(names, names)
  shown[names(labels)] <- labels
  shown
}

# The largest cex (at most `cex`) at which each string is at most `room`
# inches wide on the current device.
fit_cex <- function(text, room, cex = 1, font = 1) {
  width <- max(graphics::strwidth(text, units = "inches", cex = 1, font = font), 1e-9)
  min(cex, room / width)
}

# mtext() at a size relative to par("cex") (as text() sizes are, unlike
# mtext()'s own), shrunk to fit `room` inches.
fitted_mtext <- function(text, room, cex, font = 1, ...) {
  graphics::mtext(text, cex = graphics::par("cex") * fit_cex(text, room, cex, font), font = font, ...)
}

# Width (inches) a title or axis label centred on the plotting region may
# take: the region need not be centred in the figure.
title_room <- function() {
  0.96 * (graphics::par("pin")[1] + 2 * min(graphics::par("mai")[c(2, 4)]))
}

# A title over the plot (and a smaller line under it), shrunk to the width
# of the figure; `shift` lines higher than usual.
plot_title <- function(main, sub = NULL, shift = 0) {
  room <- title_room()
  graphics::title(main = main, cex.main = fit_cex(main, room, 1.15, font = 2),
                  line = shift + if (is.null(sub)) 1.2 else 2)
  if (!is.null(sub)) fitted_mtext(sub, room, 0.85, side = 3, line = shift + 0.6, col = "grey25")
}

# One text size (relative to par("cex")) for a set of titles, such as the
# panels' titles: the largest, up to `cex`, at which all fit `room` inches,
# but not below 0.75 `cex`; a title too long even then gets its own smaller
# size. Measured with the font metrics of the path diagram, so it needs no
# open plot.
shared_cex <- function(text, room, cex, bold = FALSE) {
  em <- graphics::par("ps") * graphics::par("cex") / 72
  fits <- pmin(cex, room / pmax(text_width(text) * em * if (bold) 1.08 else 1, 1e-9))
  pmin(max(min(fits), 0.75 * cex), fits)
}

# Inches per user unit along x and y in the current plot.
inches_per_unit <- function() {
  usr <- graphics::par("usr")
  graphics::par("pin") / c(usr[2] - usr[1], usr[4] - usr[3])
}

# Axis limits that leave `pad` inches beyond the data on each side of a
# region `size` inches long (at most a quarter of it).
padded_limits <- function(values, pad, size) {
  limits <- range(values[is.finite(values)])
  span <- diff(limits)
  if (span <= 1e-12 * max(1, abs(limits))) {
    span <- max(abs(limits) * 0.2, 0.1)
    limits <- mean(limits) + c(-1, 1) * span / 2
  }
  pad <- min(pad, 0.25 * size)
  limits + c(-1, 1) * pad * span / (size - 2 * pad)
}
