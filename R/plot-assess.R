#' Plots of the assessment report: HTMT heat map and loadings
#'
#' `plot()` on a [summary()][summary.pls_fit] report draws, with base
#' graphics, one of two pictures of the measurement model:
#' \describe{
#'   \item{`"htmt"`}{a heat map of the heterotrait-monotrait ratios of each
#'     pair of reflective constructs (lower triangle), darker for larger
#'     values, each cell with its value. Cells at or above the report's
#'     threshold (`htmt_threshold` of [summary.pls_fit()], 0.85 by default)
#'     are outlined and their values bold; when the fit carries a bootstrap,
#'     a dashed outline marks pairs whose one-sided 95% upper bound reaches
#'     the threshold (Franke and Sarstedt 2019). A colour bar on the right
#'     marks the threshold.}
#'   \item{`"loadings"`}{each indicator's outer loading as a dot on a stem
#'     from zero, grouped under its construct, with a dashed line at 0.708.
#'     Reflective loadings below it are red; indicators of composite (Mode B)
#'     constructs are open circles, as the 0.708 rule does not apply to them.
#'     The values are written on the right.}
#' }
#' HTMT values are coloured by their absolute value, on a scale from 0 to 1
#' (larger values take the colour of 1).
#'
#' @param x A `summary.pls_fit` report from [summary.pls_fit()].
#' @param what `"htmt"` or `"loadings"`: which plot.
#' @param main Title.
#' @param ... Not used.
#' @return Invisibly, what was drawn: for `"htmt"` the HTMT matrix shown
#'   (rows all constructs but the first, columns all but the last, `NA`
#'   above the diagonal); for `"loadings"` a data frame with one row per
#'   indicator: `construct`, `indicator`, `mode`, `loading`, `y` (its row
#'   on the plot) and `flagged` (a reflective loading below 0.708).
#' @seealso [summary.pls_fit()], [pls_htmt()], [pls_loadings()]; `autoplot()` draws the
#'   same plots with ggplot2 ([autoplot.summary.pls_fit()]), also straight
#'   from a fit ([autoplot.pls_fit()]).
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
#' report <- summary(fit)
#' plot(report, "htmt")
#' plot(report, "loadings")
#' @export
plot.summary.pls_fit <- function(x, what = c("htmt", "loadings"), main = NULL, ...) {
  what <- match_arg(what)
  if (what == "htmt") plot_htmt(x, main) else plot_loadings(x, main)
}

# ---------------------------------------------------------------------------
# HTMT heat map

plot_htmt <- function(report, main) {
  heat <- htmt_plot_data(report)
  values <- heat$values
  k <- nrow(values)
  em <- graphics::par("ps") / 72
  label_cex <- min(1, 0.45 * grDevices::dev.size("in")[2] / (k * em * line_height))
  shown <- htmt_axis_labels(heat)
  label_width <- max(text_width(shown, label_cex)) * em
  mai <- c(label_width + 0.35, label_width + 0.35, 0.95, 1.25)
  old <- graphics::par(mai = mai, xpd = FALSE)
  on.exit(graphics::par(old))
  graphics::plot.new()
  # square cells of at most 0.9 inches, centred in the room left
  pin <- graphics::par("pin")
  extra <- (pin - min(pin, 0.9 * k)) / 2
  graphics::par(mai = mai + extra[c(2, 1, 2, 1)])
  graphics::plot.window(c(0, k), c(0, k), xaxs = "i", yaxs = "i")
  cell <- min(inches_per_unit())
  htmt_cells(heat$cells, k, cell)
  centres <- seq_len(k) - 0.5
  gap <- 0.1 / cell
  graphics::text(-gap, rev(centres), shown[rownames(values)], adj = c(1, 0.5), cex = label_cex, xpd = NA)
  graphics::text(centres, -gap, shown[colnames(values)], adj = c(1, 0.5), srt = 90, cex = label_cex, xpd = NA)
  htmt_colour_bar(k, heat$threshold, cell)
  plot_title(if (is.null(main)) heat$title else main, heat$note)
  invisible(values)
}

# What both HTMT heat maps (plot() and autoplot() of a summary) show:
# `values`, the matrix of htmt_matrix(); `cells`, one row per cell of its
# lower triangle (diagonal included), at row `i` and column `j`, with its
# `htmt`, bootstrap `upper_95` (NA without a bootstrap), `high` (at or above
# the threshold: outlined, bold), `doubtful` (below it but the upper bound
# reaches it: dashed outline), `fill` and `text` and its colour; the
# `threshold`, `title` and `note` (what the outlines mean).
htmt_plot_data <- function(report) {
  table <- report$htmt
  if (!nrow(table)) {
    abort_model("No HTMT to plot: the model has fewer than two reflective constructs.")
  }
  threshold <- attr(report, "thresholds")$htmt
  constructs <- unique(c(table$construct_1, table$construct_2))
  values <- htmt_matrix(table, constructs, "htmt")
  boot <- !is.null(table$upper_95)
  at <- which(lower.tri(values, diag = TRUE), arr.ind = TRUE)
  value <- values[at]
  upper <- if (boot) htmt_matrix(table, constructs, "upper_95")[at] else rep(NA_real_, length(value))
  high <- !is.na(value) & abs(value) >= threshold
  fill <- htmt_palette(value)
  cells <- data.frame(row = rownames(values)[at[, 1]], column = colnames(values)[at[, 2]],
                      i = at[, 1], j = at[, 2], htmt = value, upper_95 = upper, high = high,
                      doubtful = !high & !is.na(upper) & upper >= threshold, fill = fill,
                      text = ifelse(is.na(value), "NA", format_estimate(value, 2)),
                      text_colour = contrast_text(fill), stringsAsFactors = FALSE)
  shown <- format(threshold, nsmall = 2)
  list(values = values, cells = cells, threshold = threshold,
       title = paste0("HTMT (threshold ", shown, ")"),
       note = paste0("outlined: at or above ", shown,
                     if (boot) "; dashed: bootstrap 95% upper bound at or above it"))
}

# The constructs' names, wrapped, named by construct.
htmt_axis_labels <- function(heat) {
  constructs <- union(rownames(heat$values), colnames(heat$values))
  stats::setNames(vapply(constructs, wrap_label, "", max_width = 10, USE.NAMES = FALSE), constructs)
}

# Rows: every construct but the first; columns: every one but the last.
htmt_matrix <- function(table, constructs, column) {
  k <- length(constructs)
  out <- matrix(NA_real_, k - 1L, k - 1L, dimnames = list(constructs[-1], constructs[-k]))
  one <- cbind(table$construct_2, table$construct_1)
  two <- cbind(table$construct_1, table$construct_2)
  valid <- one[, 1] %in% rownames(out) & one[, 2] %in% colnames(out)
  out[one[valid, , drop = FALSE]] <- table[[column]][valid]
  swap <- !valid & two[, 1] %in% rownames(out) & two[, 2] %in% colnames(out)
  out[two[swap, , drop = FALSE]] <- table[[column]][swap]
  out
}

htmt_palette <- function(values) {
  colours <- grDevices::hcl.colors(101, "YlOrRd", rev = TRUE)
  index <- pmin(100, pmax(0, round(100 * abs(values)))) + 1
  ifelse(is.na(values), "grey92", colours[index])
}

htmt_cells <- function(cells, k, cell) {
  x0 <- cells$j - 1
  y0 <- k - cells$i
  graphics::rect(x0, y0, x0 + 1, y0 + 1, col = cells$fill, border = "white", lwd = 1.5)
  high <- cells$high
  doubtful <- cells$doubtful
  if (any(doubtful)) {
    graphics::rect(x0[doubtful] + 0.04, y0[doubtful] + 0.04, x0[doubtful] + 0.96, y0[doubtful] + 0.96,
                   border = "grey10", lwd = 1.5, lty = 2)
  }
  if (any(high)) {
    graphics::rect(x0[high] + 0.04, y0[high] + 0.04, x0[high] + 0.96, y0[high] + 0.96, border = "grey5", lwd = 2.5)
  }
  cex <- min(1, 0.62 * cell / max(graphics::strwidth("-0.00", units = "inches")))
  graphics::text(x0 + 0.5, y0 + 0.5, cells$text, cex = cex, font = ifelse(high, 2, 1), col = cells$text_colour)
}

# Black or white text, whichever reads better on each fill.
contrast_text <- function(fill) {
  rgb <- grDevices::col2rgb(fill)
  ifelse(colSums(rgb * c(0.299, 0.587, 0.114)) < 140, "white", "black")
}

htmt_colour_bar <- function(k, threshold, cell) {
  x0 <- k + 0.35 / cell
  x1 <- x0 + 0.22 / cell
  levels <- seq(0, 1, length.out = 101)
  y <- levels * k
  graphics::rect(x0, utils::head(y, -1), x1, y[-1], col = htmt_palette(utils::head(levels, -1) + 0.005),
                 border = NA, xpd = NA)
  graphics::rect(x0, 0, x1, k, border = "grey40", xpd = NA)
  ticks <- c(0, 0.25, 0.5, 0.75, 1)
  graphics::segments(x1, ticks * k, x1 + 0.05 / cell, ticks * k, xpd = NA, col = "grey30")
  graphics::text(x1 + 0.08 / cell, ticks * k, formatC(ticks, digits = 2, format = "f"), adj = 0, cex = 0.75,
                 xpd = NA)
  line <- min(threshold, 1) * k
  graphics::segments(x0 - 0.06 / cell, line, x1 + 0.06 / cell, line, lwd = 2.5, col = "grey5", xpd = NA)
  graphics::text(x0 - 0.1 / cell, line, format(threshold, nsmall = 2), adj = 1, cex = 0.75, font = 2, xpd = NA)
}

# ---------------------------------------------------------------------------
# Loadings plot

plot_loadings <- function(report, main) {
  rows <- loading_rows(report$loadings)
  n_rows <- max(rows$row) + 1
  em <- graphics::par("ps") / 72
  figure <- grDevices::dev.size("in")
  cex <- min(0.9, 0.8 * (figure[2] - 1.6) / (n_rows * em * line_height))
  indent <- 0.15
  margin <- max(text_width(unique(rows$construct), cex), text_width(rows$indicator, cex) + indent / (em * cex)) *
    em * cex + 0.25
  margin <- min(margin, 0.4 * figure[1])
  old <- graphics::par(mai = c(0.75, margin, 1.1, 0.7), mgp = c(2, 0.6, 0), tcl = -0.3)
  on.exit(graphics::par(old))
  graphics::plot.new()
  xlim <- range(0, 1, rows$loading, na.rm = TRUE) + c(-0.03, 0.03)
  graphics::plot.window(xlim, c(n_rows, 0), xaxs = "i", yaxs = "i")
  loadings_draw(rows, cex)
  graphics::axis(1, cex.axis = max(0.8, cex))
  graphics::title(xlab = "Outer loading", cex.lab = max(0.85, cex))
  if (is.null(main)) main <- loadings_title
  plot_title(main, "dashed line: 0.708; red: reflective loading below it; open: composite (Mode B) indicator",
             shift = 0.7)
  out <- rows[rows$indicator != "", c("construct", "indicator", "mode", "loading", "row", "flagged")]
  names(out)[names(out) == "row"] <- "y"
  rownames(out) <- NULL
  invisible(out)
}

loadings_title <- "Indicator loadings"

# One header row per construct (indicator "") followed by its indicators;
# `row` counts from the top, with half a row between constructs.
loading_rows <- function(table) {
  constructs <- unique(table$construct)
  pieces <- lapply(seq_along(constructs), function(g) {
    block <- table[table$construct == constructs[g], , drop = FALSE]
    data.frame(construct = constructs[g], indicator = c("", block$indicator), mode = block$mode[1],
               loading = c(NA, block$loading), stringsAsFactors = FALSE)
  })
  rows <- do.call(rbind, pieces)
  group <- match(rows$construct, constructs)
  rows$row <- seq_len(nrow(rows)) - 0.5 + 0.5 * (group - 1)
  rows$flagged <- rows$indicator != "" & rows$mode == "A" & rows$loading < pls_thresholds$loading
  rows$kind <- ifelse(rows$mode == "B", "composite", ifelse(rows$flagged, "flagged", "reflective"))
  rows
}

# The fill of each kind of indicator (loading_rows()) in both loadings plots,
# with the legend's words for it in autoplot().
loading_fills <- function() {
  c(reflective = plot_colours[["point"]], flagged = plot_colours[["highlight"]], composite = "white")
}
loading_kinds <- c(reflective = "reflective, 0.708 or above", flagged = "reflective, below 0.708",
                   composite = "composite (Mode B)")

# A loading as written beside the plot, red when flagged.
loading_text <- function(rows) format_estimate(rows$loading, 2)
loading_text_colour <- function(rows) ifelse(rows$flagged, plot_colours[["highlight"]], "grey15")

loadings_draw <- function(rows, cex) {
  usr <- graphics::par("usr")
  headers <- rows[rows$indicator == "", ]
  items <- rows[rows$indicator != "", ]
  # every other construct on a light band
  top <- tapply(rows$row, rows$construct, min)[headers$construct] - 0.75
  bottom <- tapply(rows$row, rows$construct, max)[headers$construct] + 0.75
  shaded <- seq_along(top) %% 2 == 1
  graphics::rect(usr[1], top[shaded], usr[2], bottom[shaded], col = "grey95", border = NA)
  graphics::abline(v = 0, col = "grey40")
  graphics::abline(v = pls_thresholds$loading, lty = 2, col = plot_colours[["highlight"]], lwd = 1.2)
  graphics::segments(0, items$row, items$loading, items$row, col = "grey55", lwd = 2)
  graphics::points(items$loading, items$row, pch = 21, bg = loading_fills()[items$kind], col = "grey15",
                   cex = 1.2 * cex / 0.9)
  left <- usr[1] - (graphics::par("mai")[2] - 0.1) / inches_per_unit()[1]
  graphics::text(left, headers$row, headers$construct, adj = c(0, 0.5), font = 2, cex = cex, xpd = NA)
  graphics::text(usr[1] - 0.08 / inches_per_unit()[1], items$row, items$indicator, adj = c(1, 0.5), cex = cex,
                 xpd = NA)
  graphics::text(usr[2] + 0.08 / inches_per_unit()[1], items$row, loading_text(items), adj = c(0, 0.5), cex = cex,
                 xpd = NA, col = loading_text_colour(items))
  graphics::mtext("0.708", side = 3, at = pls_thresholds$loading, line = 0.1, cex = max(0.7, 0.9 * cex),
                  col = plot_colours[["highlight"]])
}
