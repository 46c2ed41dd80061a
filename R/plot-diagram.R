#' Path diagram of a PLS path model
#'
#' `plot()` draws the path diagram of a fitted model (or of a model before
#' fitting) with grid graphics, so it renders on any device: screen, PNG, PDF,
#' SVG and R Markdown/Quarto reports.
#'
#' @section Conventions:
#' * **Constructs**: an *ellipse* is a reflective construct (Mode A, `=~`);
#'   a *hexagon* is a composite (Mode B, `<~`). Ellipses are light blue,
#'   hexagons light orange. An endogenous construct shows its R^2 under its
#'   name.
#' * **Indicators** are rectangles. Arrows point from a reflective construct
#'   to its indicators and are labelled with the *loadings*; they point from
#'   the indicators into a composite and are labelled with the *weights*.
#' * **Higher-order constructs** (`REP =~ COMP + LIKE`) have their
#'   dimensions as indicators: the dimensions are drawn as constructs next
#'   to them (with their own indicators), and the arrows between them are
#'   drawn and labelled like those of indicators: from a reflective
#'   higher-order construct to its dimensions with its *loadings*, into a
#'   formative one with its *weights* (on the dimensions' scores, in the
#'   two-stage approaches). A repeated-indicators fit (`pls(hoc =
#'   "repeated")`) is drawn as the model it estimates: structural paths
#'   between the higher-order construct and its dimensions, and no boxes for
#'   the repeated copies of the dimensions' items.
#' * **Structural paths** are labelled with the path coefficients.
#'   **Negative** estimates (paths, loadings or weights) are drawn *dashed
#'   and in red*; positive ones solid and dark grey.
#'
#' The layout is automatic (see [layout_pls()]): exogenous constructs on the
#' left, final outcomes on the right, indicators outside. The whole diagram,
#' text included, is scaled to fit the device while keeping its proportions,
#' so a larger device (or `fig.width`/`fig.height` in a report) gives larger
#' text. The base font is at most 16 points; a label wider than the room
#' left for it is drawn with a smaller font.
#'
#' @section Device size:
#' When no graphics device is open, `plot()` opens one (with
#' [grDevices::dev.new()]) at the diagram's own size: the size at which the
#' base font is 11 points, at most 14 x 10 inches. An open device is used as
#' it is, so choose its size for the model: the layout's width and height
#' in em divided by 6.5 give inches at an 11-point font (the primer's
#' corporate reputation model with its 31 indicators: about 12 x 8 inches,
#' `png(file, width = 1800, height = 1200, res = 150)`; its structural model
#' alone: about 7 x 3.5 inches). R's default `png()` of 480 x 480 pixels
#' draws the full model with 6-point text. In R Markdown set `fig.width` and
#' `fig.height` the same way.
#'
#' @section Arrow labels and the bootstrap:
#' `labels` replaces the text on any arrows, addressed by the names of
#' [diagram_labels()] (`"TTM -> CTM"`, `"TTM =~ ttm1"`, `"RIG <~ rig1"`;
#' `"REP =~ COMP"` for the arrow of a higher-order construct to a dimension).
#' It is the hook for inference: a bootstrap result provides a
#' [diagram_labels()] method that adds significance stars or confidence
#' intervals, and `plot(fit, labels = diagram_labels(boot))` shows them; the
#' layout leaves room for labels of any width. A label may have several
#' lines (`"0.31***\n[0.18, 0.44]"`), which keeps long ones narrow. Use `""`
#' to hide a label.
#'
#' Each label lies on its own arrow, placed where it covers no construct,
#' indicator, arrowhead or other label and, on a structural path, where no
#' other path runs through it, so that at a crossing it is clear which arrow
#' a label belongs to. When an automatic layout leaves no such place, its
#' layers are moved apart until there is one.
#'
#' @param x A fitted model from [pls()] (or a model from [parse_model()]:
#'   the diagram without estimates).
#' @param indicators Draw the indicators? With `FALSE` only the structural
#'   model is shown (with the dimensions of higher-order constructs). An
#'   interaction term (`X:M`) is drawn as a node with its moderating path,
#'   never with its product items; a higher-order construct never has
#'   indicator boxes (its indicators are its dimensions).
#' @param layout `NULL` for the automatic layout, or the constructs'
#'   centres: a matrix or data frame with columns `x` and `y` and the
#'   construct names as row names (or a column `construct`), optionally a
#'   column `side` placing the indicators (`"left"`, `"right"`, `"above"`,
#'   `"below"`). Only relative positions matter; y grows upwards. A
#'   [layout_pls()] result works too. The dimensions of a higher-order
#'   construct may be left out: they are then drawn beside it.
#' @param labels Arrow labels replacing the estimates: a named character
#'   vector (names as in [diagram_labels()]) or a function of `x` returning
#'   one.
#' @param digits Decimals of the estimates and R^2, a whole number from 0
#'   to 15.
#' @param node_labels Display names for constructs, such as
#'   `c(TTM = "Teacher team mentoring")`; long names wrap onto up to three
#'   lines.
#' @param r2 Show the R^2 of endogenous constructs?
#' @param ... Not used.
#' @return The diagram, invisibly: a `pls_diagram` list with the `layout`
#'   (see [layout_pls()]), the `edges` (one row per arrow: end points,
#'   estimate, label and label position, in em) and the `r2` texts.

#' @seealso [as_dot()] to export the diagram to Graphviz; [layout_pls()].
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Expectation  =~ CUEX1 + CUEX2 + CUEX3
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Complaints   =~ CUSCO
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Expectation  ~ Image
#'   Satisfaction ~ Image + Expectation
#'   Complaints   ~ Satisfaction
#'   Loyalty      ~ Image + Satisfaction + Complaints
#' ", data = mobi)
#' plot(fit)
#' plot(fit, indicators = FALSE)
#'
#' # manual coordinates, display names and custom labels
#' coords <- data.frame(construct = c("Image", "Expectation", "Satisfaction", "Complaints", "Loyalty"),
#'                      x = c(0, 1, 2, 3, 4), y = c(1, 0, 1, 0, 1))
#' plot(fit, layout = coords, node_labels = c(Satisfaction = "Customer satisfaction"),
#'      labels = c("Image -> Loyalty" = "0.20 (n.s.)"))
#'
#' # to a file, at the size that gives an 11-point font
#' lay <- layout_pls(fit)
#' file <- file.path(tempdir(), "ecsi.png")
#' png(file, width = lay$width / 6.5, height = lay$height / 6.5, units = "in", res = 150)
#' plot(fit)
#' dev.off()
#' @export
plot.pls_fit <- function(x, indicators = TRUE, layout = NULL, labels = NULL, digits = 2,
                         node_labels = NULL, r2 = TRUE, ...) {
  diagram <- pls_diagram(x, indicators, layout, labels, digits, node_labels, r2)
  draw_diagram(diagram)
  invisible(diagram)
}

#' @rdname plot.pls_fit
#' @export
plot.pls_model <- function(x, indicators = TRUE, layout = NULL, node_labels = NULL, ...) {
  diagram <- pls_diagram(x, indicators, layout, node_labels = node_labels, r2 = FALSE)
  draw_diagram(diagram)
  invisible(diagram)
}

diagram_colours <- c(reflective = "#DCE8F5", composite = "#F9E3C8", indicator = "grey96",
                     border = "grey20", positive = "grey25", negative = "#B2182B")

# Draws the diagram on a new page, scaled to the device (opened at the
# diagram's size when none is open).
draw_diagram <- function(diagram) {
  lay <- diagram$layout
  if (grDevices::dev.cur() == 1L) {
    size <- diagram_device_size(lay)
    grDevices::dev.new(width = size[["width"]], height = size[["height"]])
  }
  grid::grid.newpage()
  device <- c(grid::convertWidth(grid::unit(1, "npc"), "inches", valueOnly = TRUE),
              grid::convertHeight(grid::unit(1, "npc"), "inches", valueOnly = TRUE))
  em <- min(device[1] / lay$width, device[2] / lay$height, 16 / 72)
  vp <- grid::viewport(width = grid::unit(lay$width * em, "inches"), height = grid::unit(lay$height * em, "inches"),
                       xscale = c(0, lay$width), yscale = c(0, lay$height))
  children <- c(arrow_grobs(diagram$edges, em), construct_grobs(lay$constructs, diagram$r2, em),
                indicator_grobs(lay$indicators, em), edge_label_grobs(diagram$edges, em))
  grid::grid.draw(grid::gTree(children = do.call(grid::gList, children), vp = vp, name = "pls_diagram"))
}

# The device size (inches) at which the diagram's base font is `fontsize`
# points, shrunk to fit `largest` (width, height) with its proportions.
diagram_device_size <- function(lay, fontsize = 11, largest = c(14, 10)) {
  inches <- c(width = lay$width, height = lay$height) * fontsize / 72
  inches * min(1, largest / inches)
}

# Font sizes (points) that make each label fit `room` inches on this device.
fit_fontsize <- function(labels, fontsize, room) {
  actual <- vapply(seq_along(labels), function(i) {
    grob <- grid::textGrob(labels[[i]], gp = grid::gpar(fontsize = fontsize[i]))
    grid::convertWidth(grid::grobWidth(grob), "inches", valueOnly = TRUE)
  }, numeric(1))
  fontsize * pmin(1, room / pmax(actual, 1e-9))
}

line_width <- function(em) {
  min(1.6, max(0.5, em * 72 / 10))
}

arrow_grobs <- function(edges, em) {
  if (!nrow(edges)) return(list())
  colour <- ifelse(edges$negative, diagram_colours[["negative"]], diagram_colours[["positive"]])
  head <- grid::arrow(angle = arrow_angle, length = grid::unit(arrow_length * em, "inches"), type = "closed")
  lapply(seq_len(nrow(edges)), function(e) {
    points <- edge_points(edges[e, ], if (edges$curve[e] == 0) c(0, 1) else seq(0, 1, length.out = 40))
    grid::linesGrob(points$x, points$y, default.units = "native", arrow = head, name = paste0("arrow:", edges$name[e]),
                       gp = grid::gpar(col = colour[e], fill = colour[e], lty = if (edges$negative[e]) "22" else "solid",
                                       lwd = line_width(em) * if (edges$kind[e] == "path") 1.3 else 1))
  })
}

construct_grobs <- function(nodes, r2, em) {
  fontsize <- 72 * em
  lapply(seq_len(nrow(nodes)), function(k) {
    node <- nodes[k, ]
    outline <- shape_polygon(node$x, node$y, node$width, node$height, node$shape)
    fill <- diagram_colours[[if (node$shape == "hexagon") "composite" else "reflective"]]
    shape <- grid::polygonGrob(outline$x, outline$y, default.units = "native",
                               gp = grid::gpar(fill = fill, col = diagram_colours[["border"]], lwd = line_width(em) * 1.2))
    n_lines <- text_lines(node$label)
    name_h <- n_lines * line_height * node$cex
    shown_r2 <- node$r2 && !is.na(r2[node$construct])
    r2_h <- if (shown_r2) line_height * r2_cex + r2_gap else 0
    name_y <- node$y + r2_h / 2
    name_size <- fit_fontsize(node$label, fontsize * node$cex, node$text_width * em)
    children <- list(shape, grid::textGrob(node$label, node$x, name_y, default.units = "native",
                                           gp = grid::gpar(fontsize = name_size, lineheight = line_height)))
    if (shown_r2) {
      text <- bquote(italic(R)^2 == .(r2[[node$construct]]))
      room <- (node$width - 1) * em * if (node$shape == "hexagon") 0.8 else 0.75
      size <- fit_fontsize(list(text), fontsize * r2_cex, room)
      children[[3]] <- grid::textGrob(text, node$x, node$y - name_h / 2 - r2_gap / 2, default.units = "native",
                                      gp = grid::gpar(fontsize = size))
    }
    grid::gTree(children = do.call(grid::gList, children), name = paste0("construct:", node$construct))
  })
}

indicator_grobs <- function(boxes, em) {
  if (!nrow(boxes)) return(list())
  size <- fit_fontsize(as.list(boxes$indicator), 72 * em * boxes$cex, (boxes$width - 0.5) * em)
  list(
    grid::rectGrob(boxes$x, boxes$y, boxes$width, boxes$height, default.units = "native", name = "indicator:boxes",
                   gp = grid::gpar(fill = diagram_colours[["indicator"]], col = "grey40", lwd = line_width(em))),
    grid::textGrob(boxes$indicator, boxes$x, boxes$y, default.units = "native", name = "indicator:labels",
                   gp = grid::gpar(fontsize = size))
  )
}

edge_label_grobs <- function(edges, em) {
  shown <- edges[!is.na(edges$label_x), , drop = FALSE]
  if (!nrow(shown)) return(list())
  size <- fit_fontsize(as.list(shown$label), 72 * em * shown$label_cex, (shown$label_width - 0.3) * em)
  colour <- ifelse(shown$negative, diagram_colours[["negative"]], "black")
  list(
    grid::rectGrob(shown$label_x, shown$label_y, shown$label_width, shown$label_height, default.units = "native",
                   name = "edge:label_boxes", gp = grid::gpar(fill = "white", col = NA)),
    grid::textGrob(shown$label, shown$label_x, shown$label_y, default.units = "native", name = "edge:labels",
                   gp = grid::gpar(fontsize = size, col = colour, lineheight = line_height))
  )
}
