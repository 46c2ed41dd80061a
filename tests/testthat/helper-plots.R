# Checks for the statistical plots (IPMA map, bootstrap, HTMT, loadings).

# Every problem of a drawn IPMA map (the invisible result of plot()), as a
# character vector (empty when there is none): labels overlapping each other
# or covering a point, and labels or points outside the plotting region.
ipma_plot_problems <- function(drawn, tol = 1e-9) {
  labels <- drawn$labels
  size <- drawn$point_size
  points <- data.frame(x = drawn$points$x, y = drawn$points$y, width = 2 * size[1], height = 2 * size[2])
  # compare in inches, where the device's aspect does not matter
  usr <- drawn$usr
  problems <- character()
  pairs <- overlapping_rects(labels, tol = tol * max(labels$width))
  if (nrow(pairs)) problems <- c(problems, paste("labels overlap:", labels$label[pairs[, 1]], "&", labels$label[pairs[, 2]]))
  covered <- overlap_matrix(labels, points) > tol * max(labels$width) * max(labels$height)
  hits <- which(covered, arr.ind = TRUE)
  if (nrow(hits)) problems <- c(problems, paste("label", labels$label[hits[, 1]], "covers the point of", drawn$points$label[hits[, 2]]))
  off <- labels$x - labels$width / 2 < usr[1] - tol | labels$x + labels$width / 2 > usr[2] + tol |
    labels$y - labels$height / 2 < usr[3] - tol | labels$y + labels$height / 2 > usr[4] + tol
  if (any(off)) problems <- c(problems, paste("label off the plot:", labels$label[off]))
  outside <- points$x < usr[1] | points$x > usr[2] | points$y < usr[3] | points$y > usr[4]
  if (any(outside)) problems <- c(problems, paste("point off the plot:", drawn$points$label[outside]))
  problems
}

# A made-up IPMA result: `n` drivers named `names`, at the given importance
# and performance (only what the plots use).
fake_ipma <- function(importance, performance, names = paste0("Driver", seq_along(importance)), target = "Outcome") {
  structure(list(
    constructs = data.frame(construct = names, importance = importance, performance = performance,
                            stringsAsFactors = FALSE),
    indicators = data.frame(indicator = sprintf("%s_1", tolower(names)), construct = names, weight = rep(1, length(names)),
                            importance = importance, performance = performance, stringsAsFactors = FALSE),
    target = target, target_performance = 60
  ), class = "pls_ipma")
}

# IPMA results of the diagram fixtures; the simulated answers are standard
# normal, inside -6 to 6.
ipma_fixture <- function(name, target) {
  suppressWarnings(pls_ipma(diagram_fixture(name), target = target, scale_min = -6, scale_max = 6))
}

boot_fixtures <- new.env(parent = emptyenv())
boot_fixture <- function(name, R = 200) {
  if (is.null(boot_fixtures[[name]])) {
    fit <- diagram_fixture(name) # first: simulating the data sets a seed
    set.seed(11)
    boot_fixtures[[name]] <- suppressWarnings(pls_boot(fit, R = R, bca = FALSE))
  }
  boot_fixtures[[name]]
}

# summary() of a diagram fixture. The study fixture's reversed item makes
# HTMT2 undefined for some pairs, which summary() warns about.
study_summary <- function(name) suppressWarnings(summary(diagram_fixture(name)))

# The points of autoplot()'s loadings plot, built: one row per point with its
# panel's construct and its row's indicator as the axes label them, the
# loading (x) and fill. `built` is the plot built, when it is at hand.
built_loadings <- function(plot, built = ggplot2::ggplot_build(plot)) {
  points <- built$data[[which(vapply(plot$layers, function(l) inherits(l$geom, "GeomPoint"), logical(1)))]]
  panel <- as.integer(points$PANEL)
  indicator <- vapply(seq_len(nrow(points)), function(i) {
    built$layout$panel_params[[panel[i]]]$y$get_labels()[points$y[i]]
  }, character(1))
  data.frame(construct = as.character(built$layout$layout$construct[panel]), indicator = indicator,
             loading = points$x, fill = points$fill, stringsAsFactors = FALSE)
}

# The cells of layer `layer` of autoplot()'s HTMT heat map, built: the pair
# of constructs (row, column) of each tile or text, as the axes label them.
built_htmt_cells <- function(plot, layer) {
  built <- ggplot2::ggplot_build(plot)
  data <- built$data[[layer]]
  params <- built$layout$panel_params[[1]]
  data.frame(row = params$y$get_limits()[data$y], column = params$x$get_limits()[data$x], data,
             stringsAsFactors = FALSE)
}

# "A ~~ B" with the two names in alphabetical order, to compare pairs.
pair_key <- function(a, b) paste(pmin(a, b), "~~", pmax(a, b))
