#' Export a path diagram as Graphviz DOT
#'
#' `as_dot()` writes the path diagram of [plot()][plot.pls_fit] as text in
#' the DOT language of Graphviz, for users who want to restyle it or lay it
#' out with Graphviz (`dot -Tsvg diagram.dot > diagram.svg`, DiagrammeR,
#' or any Graphviz viewer). The conventions are the same as in the plot:
#' ellipses are reflective constructs (Mode A), hexagons composites (Mode B),
#' boxes indicators; arrows carry the estimates (or `labels`), negative ones
#' are dashed and red, and endogenous constructs show their R^2. The
#' dimensions of a higher-order construct are constructs joined to it by
#' measurement arrows, listed in a section of their own.
#'
#' The graph runs from left to right (`rankdir = LR`). Constructs in the
#' same layer of the automatic layout (see [layout_pls()]) share a rank, and
#' indicators are placed on the same side of their construct as in the plot:
#' to the left of exogenous constructs, to the right of final outcomes, and
#' in the construct's own rank (above or below it) otherwise; so are the
#' dimensions of a higher-order construct.
#'
#' @inheritParams plot.pls_fit
#' @param positions Also write each node's position from the iecpls layout
#'   (`pos = "x,y!"`, in points), so that `neato -n2` reproduces the
#'   plot's layout.
#' @param ... Passed on to methods.
#' @return A character string of class `pls_dot`; it prints as the DOT
#'   text, and `writeLines()` writes it to a file.
#' @seealso [plot.pls_fit()], [diagram_labels()].
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3
#'   Value <~ PERV1 + PERV2
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Value ~ Image
#'   Loyalty ~ Image + Value
#' ", data = mobi)
#' dot <- as_dot(fit)
#' dot
#' writeLines(dot, file.path(tempdir(), "model.dot"))
#' @export
as_dot <- function(x, ...) {
  UseMethod("as_dot")
}

#' @rdname as_dot
#' @export
as_dot.pls_fit <- function(x, indicators = TRUE, layout = NULL, labels = NULL, digits = 2,
                           node_labels = NULL, r2 = TRUE, positions = FALSE, ...) {
  dot_text(pls_diagram(x, indicators, layout, labels, digits, node_labels, r2), positions)
}

#' @rdname as_dot
#' @export
as_dot.pls_model <- function(x, indicators = TRUE, layout = NULL, node_labels = NULL, positions = FALSE, ...) {
  dot_text(pls_diagram(x, indicators, layout, node_labels = node_labels, r2 = FALSE), positions)
}

#' @export
print.pls_dot <- function(x, ...) {
  lines <- strsplit(x, "\n", fixed = TRUE)[[1]]
  cat(unlist(lapply(lines, dot_wrap, width = getOption("width"))), sep = "\n")
  invisible(x)
}

# A DOT line wider than the console broken after the commas and semicolons
# between attributes and statements (outside quoted strings), which leaves
# the graph the same.
dot_wrap <- function(line, width) {
  if (nchar(line) <= width) return(line)
  chars <- strsplit(line, "")[[1]]
  quoted <- FALSE
  breaks <- integer()
  for (i in seq_along(chars)) {
    if (chars[i] == "\"" && (i == 1 || chars[i - 1] != "\\")) quoted <- !quoted
    if (!quoted && chars[i] %in% c(",", ";") && i < length(chars) && chars[i + 1] == " ") breaks <- c(breaks, i)
  }
  if (!length(breaks)) return(line)
  pieces <- substring(line, c(1, breaks + 2), c(breaks, nchar(line)))
  indent <- paste0(sub("^( *).*", "\\1", line), "    ")
  out <- pieces[1]
  for (piece in pieces[-1]) {
    last <- out[length(out)]
    if (nchar(last) + 1 + nchar(piece) <= width) {
      out[length(out)] <- paste(last, piece)
    } else {
      out <- c(out, paste0(indent, piece))
    }
  }
  out
}

# Quotes a DOT identifier or label; "\n" in a label becomes a line break.
dot_quote <- function(x) {
  x <- gsub("\\", "\\\\", x, fixed = TRUE)
  x <- gsub("\"", "\\\"", x, fixed = TRUE)
  paste0("\"", gsub("\n", "\\n", x, fixed = TRUE), "\"")
}

dot_attributes <- function(...) {
  values <- list(...)
  values <- values[!vapply(values, is.null, logical(1))]
  if (!length(values)) return("[]")
  paste0("[", paste(names(values), "=", unlist(values), collapse = ", "), "]")
}

dot_text <- function(diagram, positions) {
  lay <- diagram$layout
  lines <- c(
    "// Path diagram written by iecpls::as_dot().",
    "// Ellipses: reflective constructs (Mode A); hexagons: composites (Mode B);",
    "// boxes: indicators. Dashed red arrows: negative estimates.",
    "digraph pls {",
    sprintf("  graph [rankdir = LR, nodesep = 0.25, ranksep = 0.9, splines = %s, fontname = \"Helvetica\"];",
            if (positions) "false" else "true"),
    sprintf("  node [fontname = \"Helvetica\", style = filled, color = %s];", dot_quote(diagram_colours[["border"]])),
    sprintf("  edge [fontname = \"Helvetica\", fontsize = 7.5, color = %s, arrowsize = 0.6];", dot_quote(diagram_colours[["positive"]])),
    "", "  // constructs", dot_constructs(lay, diagram$r2, positions)
  )
  if (nrow(lay$indicators)) lines <- c(lines, "", "  // indicators", dot_indicators(lay, positions))
  edges <- diagram$edges
  lines <- c(lines, "", "  // structural paths", dot_edges(edges[edges$kind == "path", ], lay))
  if (any(edges$kind == "dimension")) {
    lines <- c(lines, "", "  // higher-order constructs and their dimensions: loadings (Mode A), weights (Mode B)",
               dot_edges(edges[edges$kind == "dimension", ], lay))
  }
  if (any(edges$kind == "measurement")) {
    lines <- c(lines, "", "  // measurement: loadings (Mode A), weights (Mode B)", dot_edges(edges[edges$kind == "measurement", ], lay))
  }
  ranks <- dot_ranks(lay)
  if (length(ranks)) lines <- c(lines, "", "  // layers of the layout", ranks)
  structure(paste(c(lines, "}"), collapse = "\n"), class = c("pls_dot", "character"))
}

# Position and size attributes (1 em = 10 points) for neato -n2.
dot_geometry <- function(x, y, width, height, positions) {
  if (!positions) return(list())
  list(pos = dot_quote(sprintf("%.1f,%.1f!", x * 10, y * 10)), width = sprintf("%.3f", width * 10 / 72),
       height = sprintf("%.3f", height * 10 / 72), fixedsize = "true")
}

dot_constructs <- function(lay, r2, positions) {
  nodes <- lay$constructs
  vapply(seq_len(nrow(nodes)), function(k) {
    label <- nodes$label[k]
    if (nodes$r2[k] && !is.na(r2[nodes$construct[k]])) label <- paste0(label, "\nR&sup2; = ", r2[[nodes$construct[k]]])
    fill <- diagram_colours[[if (nodes$shape[k] == "hexagon") "composite" else "reflective"]]
    geometry <- dot_geometry(nodes$x[k], nodes$y[k], nodes$width[k], nodes$height[k], positions)
    attributes <- c(list(shape = nodes$shape[k], fillcolor = dot_quote(fill), fontsize = 10 * nodes$cex[k],
                         label = dot_quote(label)), geometry)
    paste0("  ", dot_quote(nodes$construct[k]), " ", do.call(dot_attributes, attributes), ";")
  }, character(1))
}

dot_indicators <- function(lay, positions) {
  boxes <- lay$indicators
  vapply(seq_len(nrow(boxes)), function(i) {
    geometry <- dot_geometry(boxes$x[i], boxes$y[i], boxes$width[i], boxes$height[i], positions)
    attributes <- c(list(shape = "box", fillcolor = dot_quote(diagram_colours[["indicator"]]),
                         fontsize = round(10 * boxes$cex[i], 1)), geometry)
    paste0("  ", dot_quote(boxes$indicator[i]), " ", do.call(dot_attributes, attributes), ";")
  }, character(1))
}

# Arrows. An indicator (or a dimension) left of its construct is written
# first so that dot ranks it to the left; `dir = back` then keeps the
# arrow's direction.
dot_edges <- function(edges, lay) {
  if (!nrow(edges)) return(character())
  nodes <- lay$constructs
  # measurement arrows that point away from their construct (or HOC)
  outward <- (edges$kind == "measurement" & edges$tail %in% nodes$construct) |
    (edges$kind == "dimension" & is.na(nodes$hoc[match(edges$tail, nodes$construct)]))
  construct <- ifelse(outward, edges$tail, edges$head)
  side <- nodes$side[match(construct, nodes$construct)]
  flip <- edges$kind != "path" & ((side == "left" & outward) | (side == "right" & !outward))
  vapply(seq_len(nrow(edges)), function(e) {
    ends <- if (flip[e]) c(edges$head[e], edges$tail[e]) else c(edges$tail[e], edges$head[e])
    negative <- edges$negative[e]
    colour <- dot_quote(diagram_colours[["negative"]])
    attributes <- dot_attributes(
      label = if (nzchar(edges$label[e])) dot_quote(edges$label[e]),
      fontsize = if (edges$kind[e] != "path") 7,
      dir = if (flip[e]) "back",
      style = if (negative) "dashed",
      color = if (negative) colour,
      fontcolor = if (negative) colour
    )
    paste0("  ", dot_quote(ends[1]), " -> ", dot_quote(ends[2]), if (attributes != "[]") paste0(" ", attributes), ";")
  }, character(1))
}

# rank = same groups: the constructs of each layer (with the dimensions of
# a higher-order construct drawn above or below it), with the indicators of
# constructs whose indicators sit above or below them.
dot_ranks <- function(lay) {
  nodes <- lay$constructs
  hoc_side <- nodes$side[match(nodes$hoc, nodes$construct)]
  column <- is.na(nodes$hoc) | hoc_side %in% c("above", "below", "split")
  groups <- if (all(is.na(nodes$layer))) as.list(nodes$construct) else split(nodes$construct[column], nodes$layer[column])
  groups <- lapply(groups, function(members) {
    vertical <- members[nodes$side[match(members, nodes$construct)] %in% c("above", "below")]
    c(members, lay$indicators$indicator[lay$indicators$construct %in% vertical])
  })
  groups <- groups[lengths(groups) > 1L]
  vapply(groups, function(members) {
    paste0("  { rank = same; ", paste0(dot_quote(members), ";", collapse = " "), " }")
  }, character(1), USE.NAMES = FALSE)
}
