#' NCA scatter plots with ceiling lines
#'
#' `plot()` draws, for each condition of a [pls_nca()] result, the scatter
#' plot of the condition's scores (x axis) and the outcome's (y axis) with
#' base graphics: the scope (the observed ranges) as a dashed rectangle,
#' the CE-FDH ceiling as a step function through its peers (filled points)
#' and the CR-FDH ceiling as a straight line, clipped to the scope. The
#' empty area above a ceiling is its ceiling zone; its share of the scope is
#' the effect size \eqn{d} shown in the panel's title.
#'
#' @param x A `pls_nca` object from [pls_nca()].
#' @param conditions The conditions to draw (one panel each); by default
#'   all of them.
#' @param ceilings The ceiling lines to draw; by default those of `x`.
#' @param main Panel titles, one per condition; by default the condition's
#'   name and effect sizes.
#' @param ... Not used.
#' @return Invisibly, what was drawn, one list per condition (named by
#'   condition), in the units of the axes: `points` (`x`, `y`), `scope`
#'   (`x` and `y` ranges), `ce_fdh` (the vertices of the step function,
#'   `x`, `y`) and `cr_fdh` (the ends of the clipped line, `x`, `y`), each
#'   `NULL` when not drawn.
#' @seealso [pls_nca()]
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' nca <- pls_nca(fit, "Loyalty", scale_min = 1, scale_max = 10, R = 0)
#' drawn <- plot(nca)
#' drawn$Image$ce_fdh
#' @export
plot.pls_nca <- function(x, conditions = x$conditions, ceilings = x$ceilings, main = NULL, ...) {
  if (!is.character(conditions) || !length(conditions) || !all(conditions %in% x$conditions)) {
    abort_input("{.arg conditions} must be conditions of the analysis: {.val {x$conditions}}.")
  }
  if (!is.character(ceilings) || !all(ceilings %in% x$ceilings)) {
    abort_input("{.arg ceilings} must be ceilings of the analysis: {.val {x$ceilings}}.")
  }
  if (!is.null(main) && (!is.character(main) || length(main) != length(conditions))) {
    abort_input("{.arg main} must be one title per condition.")
  }
  old <- graphics::par(mfrow = grDevices::n2mfrow(length(conditions)), mar = c(4, 4, 2.5, 1),
                       mgp = c(2.4, 0.7, 0), las = 1)
  on.exit(graphics::par(old))
  drawn <- lapply(seq_along(conditions), function(k) {
    title <- if (is.null(main)) nca_panel_title(x, conditions[k], ceilings) else main[k]
    nca_panel(x, conditions[k], ceilings, title)
  })
  invisible(stats::setNames(drawn, conditions))
}

nca_panel_title <- function(x, condition, ceilings) {
  e <- x$effects[x$effects$condition == condition & x$effects$ceiling %in% ceilings, ]
  d <- paste0("d ", toupper(sub("_", "-", e$ceiling)), " = ", formatC(e$d, digits = 2, format = "f"),
              collapse = ", ")
  paste0(condition, ": ", d)
}

nca_colours <- c(ce_fdh = "#B2182B", cr_fdh = "#2166AC")

nca_panel <- function(x, condition, ceilings, title) {
  px <- x$data[[condition]]
  py <- x$data[[x$outcome]]
  scope <- list(x = range(px), y = range(py))
  graphics::plot(px, py, pch = 16, cex = 0.6, col = grDevices::adjustcolor("grey30", 0.45),
                 xlab = condition, ylab = x$outcome, main = title, cex.main = 0.95, font.main = 1)
  graphics::rect(scope$x[1], scope$y[1], scope$x[2], scope$y[2], lty = 2, border = "grey50")
  peers <- x$peers[[condition]]
  out <- list(points = data.frame(x = px, y = py), scope = scope, ce_fdh = NULL, cr_fdh = NULL)
  if ("ce_fdh" %in% ceilings) {
    k <- length(peers)
    steps <- data.frame(x = c(rbind(px[peers], c(px[peers][-1], scope$x[2]))),
                        y = rep(py[peers], each = 2L))
    graphics::lines(steps$x, steps$y, col = nca_colours[["ce_fdh"]], lwd = 2)
    graphics::points(px[peers], py[peers], pch = 16, cex = 0.9, col = nca_colours[["ce_fdh"]])
    out$ce_fdh <- steps[seq_len(2L * k), ]
  }
  if ("cr_fdh" %in% ceilings) {
    e <- x$effects[x$effects$condition == condition & x$effects$ceiling == "cr_fdh", ]
    out$cr_fdh <- nca_clip_line(e$intercept, e$slope, scope)
    if (!is.null(out$cr_fdh)) graphics::lines(out$cr_fdh$x, out$cr_fdh$y, col = nca_colours[["cr_fdh"]], lwd = 2)
  }
  if (length(ceilings)) {
    graphics::legend("bottomright", legend = toupper(sub("_", "-", ceilings)), col = nca_colours[ceilings],
                     lwd = 2, bty = "n", cex = 0.8)
  }
  out
}

# The part of the line a + b x inside the scope: its two ends, or NULL.
nca_clip_line <- function(a, b, scope) {
  if (b == 0) {
    if (a < scope$y[1] || a > scope$y[2]) return(NULL)
    return(data.frame(x = scope$x, y = c(a, a)))
  }
  xs <- sort(c(scope$x, (scope$y - a) / b))
  xs <- pmin(pmax(xs[2:3], scope$x[1]), scope$x[2])
  ys <- a + b * xs
  if (any(ys < scope$y[1] - 1e-9 * diff(scope$y) | ys > scope$y[2] + 1e-9 * diff(scope$y))) return(NULL)
  data.frame(x = xs, y = ys)
}
