# Structural checks of a "pls_model". parse_model() runs the graph checks
# (paths, connectedness, recursiveness) on the model it builds; every
# function that receives a pls_model object (as_pls_model(), and through
# check_pls_fit() a fit's $model) runs all of them again, because an object
# can be edited after parsing. The graph checks are iterative, so a model
# with thousands of constructs cannot overflow the C stack.

model_error <- function(..., class = character()) {
  stop(errorCondition(paste0(...), class = c(class, "iecpls_model_error", "iecpls_error"), call = NULL))
}

# Validates an object of class pls_model; `what` names it in the messages
# ("`model`", "`fit$model`"). Returns the model invisibly.
check_pls_model <- function(model, what = "`model`") {
  if (is_checked(model)) return(invisible(model))
  fail <- function(...) {
    model_error(what, " is not a valid pls_model (was it edited after parse_model()?). ", ...)
  }
  check_model_parts(model, fail)
  check_model_blocks(model, fail)
  check_model_inner(model, fail)
  check_has_paths(model$inner, fail)
  check_connected(model$inner, fail)
  check_recursive(model$inner, fail)
  invisible(model)
}

# A model keeps, as attribute "checked", the parts it was last checked with
# (parse_model() sets it): while they are unchanged the checks are not run
# again, so fits and refits of a parsed model do not pay for them (a third
# of a small fit's time); an edit of any part brings them back.
model_core <- function(model) {
  unclass(model)[c("constructs", "blocks", "modes", "inner", "indicators")]
}

mark_checked <- function(model) {
  attr(model, "checked") <- model_core(model)
  model
}

is_checked <- function(model) {
  checked <- attr(model, "checked", exact = TRUE)
  !is.null(checked) && is.list(model) && identical(checked, model_core(model))
}

check_model_parts <- function(model, fail) {
  if (!is.list(model)) fail("It is not a list.")
  parts <- c("constructs", "blocks", "modes", "inner", "indicators")
  missing <- setdiff(parts, names(model))
  if (length(missing)) fail("It lacks the element", if (length(missing) > 1L) "s", " ", quote_list(missing), ".")
  constructs <- model$constructs
  check_model_names(constructs, "construct", fail)
  if (!length(constructs)) fail("It has no constructs.")
  if (!is.list(model$blocks) || !identical(names(model$blocks), constructs)) {
    fail("Element `blocks` must be a list with one element per construct, named ",
         quote_list(constructs), ".")
  }
  modes <- model$modes
  if (!is.character(modes) || !identical(names(modes), constructs)) {
    fail("Element `modes` must be a character vector with one element per construct, named ",
         quote_list(constructs), ".")
  }
  bad <- is.na(modes) | !modes %in% c("A", "B")
  if (any(bad)) {
    fail("Construct ", quote_token(constructs[bad][1L]), " has mode ",
         quote_token(modes[bad][1L]), "; the mode is \"A\" (reflective) or \"B\" ",
         "(composite).")
  }
}

check_model_names <- function(names, what, fail) {
  if (!is.character(names) || anyNA(names)) fail("The ", what, " names must be a character vector without NA.")
  bad <- !grepl(name_pattern, names, perl = TRUE)
  if (any(bad)) fail("Invalid ", what, " name ", quote_token(names[bad][1L]), ".")
  twice <- duplicated(names)
  if (any(twice)) fail("The ", what, " name ", quote_token(names[twice][1L]), " appears twice.")
}

check_model_blocks <- function(model, fail) {
  blocks <- model$blocks
  for (construct in names(blocks)) {
    block <- blocks[[construct]]
    if (!is.character(block) || !length(block)) {
      fail("Construct ", quote_token(construct), " has no indicators.")
    }
  }
  indicators <- unlist(blocks, use.names = FALSE)
  owner <- rep(names(blocks), lengths(blocks))
  if (!is.character(indicators) || anyNA(indicators)) fail("The indicator names must be a character vector without NA.")
  bad <- !grepl(name_pattern, indicators, perl = TRUE)
  if (any(bad)) fail("Invalid indicator name ", quote_token(indicators[bad][1L]), ".")
  twice <- which(duplicated(indicators))
  if (length(twice)) {
    name <- indicators[twice[1L]]
    first <- owner[match(name, indicators)]
    second <- owner[twice[1L]]
    if (first == second) fail("Indicator ", quote_token(name), " is listed twice for construct ",
                              quote_token(first), ".")
    fail("Indicator ", quote_token(name), " is in the blocks of both ", quote_token(first),
         " and ", quote_token(second), "; each indicator belongs to one construct only.")
  }
  clash <- match(model$constructs, indicators)
  if (any(!is.na(clash))) {
    i <- clash[!is.na(clash)][1L]
    fail("Indicator ", quote_token(indicators[i]), " of construct ", quote_token(owner[i]),
         " has the same name as a construct; indicators and constructs need distinct names.")
  }
  if (!identical(model$indicators, indicators)) {
    fail("Element `indicators` must be the indicators of the blocks in block order, ",
         "unlist(blocks, use.names = FALSE).")
  }
}

check_model_inner <- function(model, fail) {
  inner <- model$inner
  constructs <- model$constructs
  ok <- is.matrix(inner) && (is.numeric(inner) || is.logical(inner)) &&
    identical(dim(inner), rep(length(constructs), 2L)) &&
    identical(unname(dimnames(inner)), list(constructs, constructs))
  if (!ok) {
    fail("Element `inner` must be a ", length(constructs), " x ", length(constructs),
         " matrix of 0 and 1 with the constructs as row and column names.")
  }
  bad <- which(is.na(inner) | (inner != 0 & inner != 1), arr.ind = TRUE)
  if (nrow(bad)) {
    cell <- bad[1L, ]
    fail("Cell `inner[\"", constructs[cell[1L]], "\", \"", constructs[cell[2L]], "\"]` is ",
         format(inner[cell[1L], cell[2L]]), "; the inner matrix holds 0 (no path) or 1 (a path).")
  }
  loops <- which(diag(inner) != 0)
  if (length(loops)) {
    name <- constructs[loops[1L]]
    fail("Self-loop ", quote_token(paste(name, "~", name)), ": a construct cannot predict ",
         "itself (`inner[\"", name, "\", \"", name, "\"]` is 1).")
  }
}

# ---------------------------------------------------------------------------
# Graph checks shared with parse_model(). `fail` raises the error (the
# parser's syntax_error, or check_pls_model()'s). Parser only:
# `construct_lines` holds the line defining each construct and `lines(i, j)`
# gives the lines of the paths from constructs i to constructs j.

check_has_paths <- function(paths, fail) {
  if (any(paths != 0)) return(invisible())
  fail("The model has no structural paths: add at least one statement such as ",
       "\"Y ~ X\" connecting the constructs (", quote_list(rownames(paths)), ").")
}

check_connected <- function(paths, fail, construct_lines = NULL) {
  degree <- rowSums(paths != 0) + colSums(paths != 0)
  alone <- rownames(paths)[degree == 0]
  if (length(alone) == 0L) return(invisible())
  where <- if (is.null(construct_lines)) "" else {
    paste0(" (defined on line", if (length(alone) > 1L) "s", " ",
           paste(construct_lines[alone], collapse = ", "), ")")
  }
  if (length(alone) == 1L) {
    fail("Construct ", quote_token(alone), where, " is not connected to any other ",
         "construct by a structural path.")
  }
  fail("Constructs ", quote_list(alone), where, " are not connected to any other ",
       "construct by a structural path.")
}

check_recursive <- function(paths, fail, lines = NULL) {
  cycle <- find_cycle(paths)
  if (is.null(cycle)) return(invisible())
  n <- length(cycle)
  where <- if (is.null(lines)) "" else {
    paste0(" (paths on lines ", paste(lines(cycle[-n], cycle[-1L]), collapse = ", "), ")")
  }
  fail("The structural model is not recursive: cycle ",
       paste(rownames(paths)[cycle], collapse = " -> "), where, ".")
}

# Depth-first search for a directed cycle in an adjacency matrix (nonzero =
# edge), with an explicit stack. Returns the node indices of the first cycle
# found, closed (first == last), or NULL when the graph is acyclic. Nodes and
# their successors are visited in index order.
find_cycle <- function(adjacency) {
  k <- nrow(adjacency)
  edges <- which(adjacency != 0, arr.ind = TRUE)
  successors <- split(unname(edges[, 2L]), factor(edges[, 1L], levels = seq_len(k)))
  state <- integer(k)        # 0 new, 1 on the stack, 2 finished
  stack <- integer(k)        # the current path
  next_edge <- integer(k)    # how many successors of a node are done
  for (start in seq_len(k)) {
    if (state[start] != 0L) next
    depth <- 1L
    stack[1L] <- start
    state[start] <- 1L
    while (depth > 0L) {
      node <- stack[depth]
      out <- successors[[node]]
      if (next_edge[node] == length(out)) {
        state[node] <- 2L
        depth <- depth - 1L
        next
      }
      next_edge[node] <- next_edge[node] + 1L
      following <- out[next_edge[node]]
      if (state[following] == 1L) {
        path <- stack[seq_len(depth)]
        return(c(path[match(following, path):depth], following))
      }
      if (state[following] == 0L) {
        depth <- depth + 1L
        stack[depth] <- following
        state[following] <- 1L
      }
    }
  }
  NULL
}
