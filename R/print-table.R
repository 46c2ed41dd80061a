# The one table printer of the print methods, so that printed output fits
# the console (getOption("width")): numbers in fixed notation, all-NA
# columns left out, t values of degenerate parameters capped, and a table
# wider than the console split into column groups chosen by meaning (the
# identifying columns repeated in each) instead of wrapped by
# print.data.frame().

# Above this |t| the standard error is numerically zero: the estimate is
# the same in every resample (a single-item construct's loading or weight).
t_cap <- 1e6

# table: a data frame. id: the identifying columns, repeated in every block
# (default: the leading character columns). groups: a list of column-name
# vectors (or column positions) that belong together (estimates; inference;
# intervals). When the table is wider than `width`, blocks are made of whole
# groups while they fit, columns in no group forming groups of their own; a
# named group is a block of its own under its name as a title, and the names
# of its elements, if any, are the short column names shown there
# (c(se = "total_se")). cap: columns whose values beyond t_cap print as Inf,
# with cap_note under the table. Returns the printed lines, invisibly.
print_wide <- function(table, digits = 3, id = NULL, groups = NULL, cap = character(),
                       cap_note = t_cap_note, width = getOption("width")) {
  table <- as.list(table)  # a list: duplicated column names stay as they are
  empty <- vapply(table, function(column) length(column) > 0 && all(is.na(column)), logical(1))
  groups <- lapply(groups, group_positions, columns = names(table), kept = which(!empty))
  table <- table[!empty]
  if (is.null(id)) id <- leading_labels(table)
  capped <- FALSE
  for (name in intersect(cap, names(table))) {
    over <- !is.na(table[[name]]) & abs(table[[name]]) > t_cap
    if (any(over)) {
      table[[name]][over] <- sign(table[[name]][over]) * Inf
      capped <- TRUE
    }
  }
  cells <- format_cells(table, digits)
  blocks <- table_blocks(cells, which(names(table) %in% id), groups, width)
  lines <- character()
  for (i in seq_along(blocks)) {
    block <- blocks[[i]]
    shown <- stats::setNames(cells[block$columns], block$names)
    if (i > 1) {
      lines <- c(lines, "")
      keep <- !row_is_empty(table[setdiff(block$columns, which(names(table) %in% id))])
      shown <- lapply(shown, `[`, keep)
    }
    if (nzchar(block$title)) lines <- c(lines, wrap_text(block$title, width))
    lines <- c(lines, render_cells(shown))
  }
  if (capped && length(cap_note)) lines <- c(lines, wrap_text(cap_note, width))
  cat(lines, sep = "\n")
  invisible(lines)
}

# A group's columns as positions among the columns kept, named by the names
# they are shown under when the table is split.
group_positions <- function(group, columns, kept) {
  if (is.numeric(group)) {
    positions <- match(group, kept)
    positions <- positions[!is.na(positions)]
    return(stats::setNames(positions, columns[kept][positions]))
  }
  kept_names <- columns[kept]
  positions <- which(kept_names %in% group)
  short <- names(group)[match(kept_names[positions], group)]
  shown <- kept_names[positions]
  if (!is.null(short)) shown[nzchar(short)] <- short[nzchar(short)]
  stats::setNames(positions, shown)
}

t_cap_note <- paste("(t = Inf: the bootstrap standard error is zero, as the estimate is the same in every",
                    "resample; for example the loading or weight of a single-item construct.)")

# Text wrapped to the console width, for header and note lines (strwrap()
# keeps lines shorter than its width; "n = 94" is never broken).
wrap_text <- function(text, width = getOption("width"), indent = 0, exdent = indent) {
  text <- gsub(" = ", "\u00a0=\u00a0", text, fixed = TRUE)
  gsub("\u00a0", " ", strwrap(text, width = width + 1, indent = indent, exdent = exdent), fixed = TRUE)
}

cat_wrapped <- function(..., indent = 0, exdent = indent) {
  cat(wrap_text(paste0(...), indent = indent, exdent = exdent), sep = "\n")
}

leading_labels <- function(table) {
  labels <- vapply(table, function(column) is.character(column) || is.factor(column), logical(1))
  if (!length(labels) || !labels[[1]]) return(character())
  names(table)[seq_len(match(FALSE, labels, nomatch = length(labels) + 1L) - 1L)]
}

# Every column as text: doubles in fixed notation with `digits` decimals, or
# none for counts stored as doubles (degrees of freedom, sample sizes: whole
# numbers, not all -1, 0 or 1, which are estimates such as a loading of 1).
format_cells <- function(table, digits) {
  lapply(table, function(column) {
    if (is.double(column)) {
      values <- column[is.finite(column)]
      whole <- length(values) && all(values == round(values)) && !all(values %in% c(-1, 0, 1))
      text <- formatC(column, digits = if (whole) 0L else digits, format = "f")
      text[is.na(column) & !is.nan(column)] <- "NA"
      return(trimws(text))
    }
    text <- as.character(column)
    text[is.na(column)] <- "NA"
    text
  })
}

# Printed width of each column under its shown name (a space before each, as
# print.data.frame).
cell_widths <- function(cells, shown = names(cells)) {
  vapply(seq_along(cells), function(j) {
    max(nchar(c(shown[j], cells[[j]]), type = "width")) + 1L
  }, integer(1))
}

# The printed blocks (columns, the names shown, title): the whole table when
# it fits, else the identifying columns followed by whole groups packed while
# they fit (a group wider than the room left split column by column; a named
# group in blocks of its own).
table_blocks <- function(cells, id, groups, width) {
  shown <- names(cells)
  if (sum(cell_widths(cells, shown)) <= width) {
    return(list(list(columns = seq_along(cells), names = shown, title = "")))
  }
  rest <- setdiff(seq_along(cells), id)
  titles <- names(groups) %||% rep("", length(groups))
  for (g in seq_along(groups)) {
    shown[groups[[g]]] <- names(groups[[g]])
    groups[[g]] <- intersect(groups[[g]], rest)
  }
  leftover <- setdiff(rest, unlist(groups))
  groups <- c(groups, as.list(leftover))
  titles <- c(titles, rep("", length(leftover)))
  widths <- cell_widths(cells, shown)
  room <- width - sum(widths[id])
  blocks <- list()
  for (g in seq_along(groups)) {
    pieces <- if (sum(widths[groups[[g]]]) <= room) groups[g] else as.list(groups[[g]])
    for (piece in pieces) {
      n <- length(blocks)
      # untitled groups share blocks; a titled group only with itself
      joins <- n > 0 && sum(widths[c(blocks[[n]]$columns, piece)]) <= room &&
        (if (nzchar(titles[g])) blocks[[n]]$group == g else !nzchar(blocks[[n]]$title))
      if (joins) {
        blocks[[n]]$columns <- c(blocks[[n]]$columns, piece)
      } else {
        blocks[[n + 1L]] <- list(columns = piece, title = titles[g], group = g)
      }
    }
  }
  lapply(blocks, function(block) {
    columns <- c(id, block$columns)
    list(columns = columns, names = shown[columns], title = block$title)
  })
}

# Rows with no number in a block (an indirect effect's inference where there
# is no indirect effect) are left out of the blocks after the first.
row_is_empty <- function(table) {
  numbers <- Filter(is.numeric, table)
  if (!length(numbers)) return(logical(length(table[[1]])))
  Reduce(`&`, lapply(numbers, is.na))
}

# Right-aligned columns under their names, no row names nor trailing spaces.
render_cells <- function(cells) {
  columns <- lapply(seq_along(cells), function(j) {
    text <- c(names(cells)[j], cells[[j]])
    formatC(text, width = max(nchar(text, type = "width")))
  })
  sub(" +$", "", do.call(paste, c(lapply(columns, function(column) paste0(" ", column)), sep = "")))
}

# `lead` then `text` wrapped to the console; continuation lines start under
# the text, or 4 columns in when `lead` takes more than half the width.
cat_hanging <- function(lead, text) {
  width <- getOption("width")
  hang <- if (nchar(lead) <= width / 2) nchar(lead) else 4L
  first <- strwrap(text, width = width - nchar(lead))
  if (length(first) <= 1L) return(cat(lead, text, "\n", sep = ""))
  cat(lead, first[1], "\n", sep = "")
  rest <- strwrap(paste(first[-1], collapse = " "), width = width - hang)
  cat(paste0(strrep(" ", hang), rest), sep = "\n")
}
