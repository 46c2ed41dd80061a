# Model syntax parser: lavaan-style text -> "pls_model" object.
#
# The parser works on plain strings only. It never calls parse() or eval()
# on the user's text: statements are split with string functions and every
# name is checked against a fixed pattern.

#' Parse a PLS path model written in lavaan-style syntax
#'
#' `parse_model()` turns a model description such as
#' `"TTM =~ ttm1 + ttm2; CTM <~ ctm1 + ctm2; CTM ~ TTM"` into a `pls_model`
#' object that lists the constructs, their indicator blocks, their outer
#' estimation modes and the structural (inner) model. The text is handled as
#' plain text: it is never parsed or evaluated as R code.
#'
#' @param syntax A single character string holding the model. A character
#'   vector with several elements is accepted too; its elements are joined
#'   with newlines (so each element is one or more lines of the model).
#'
#' @return An object of class `pls_model`: a list with exactly these
#'   elements
#'   * `constructs`: character vector of construct names, in the order in
#'     which they first appear in a measurement (`=~` or `<~`) statement.
#'   * `blocks`: named list (names = `constructs`, same order); each element
#'     is the character vector of that construct's indicators, in the order
#'     written. Repeated measurement statements for the same construct are
#'     concatenated.
#'   * `modes`: named character vector (names = `constructs`) with `"A"`
#'     for reflective constructs (`=~`, Mode A outer weights) and `"B"` for
#'     composite/formative constructs (`<~`, Mode B outer weights).
#'   * `inner`: integer matrix, K x K for K constructs, with
#'     `dimnames = list(constructs, constructs)`. `inner[i, j]` is `1L` when
#'     construct `i` predicts construct `j` (rows are predictors, columns are
#'     outcomes) and `0L` otherwise.
#'   * `indicators`: character vector of all indicators in block order
#'     (`unlist(blocks)` without names).
#'   * `syntax`: the original model text as a single string.
#'
#' @details
#' ## Statements
#' The model is a sequence of statements, one per line, or several on a line
#' separated by `;`. Three operators are understood:
#'
#' * `X =~ x1 + x2 + x3` defines a *reflective* construct `X` measured by
#'   the indicators `x1`, `x2`, `x3` (Mode A outer weights).
#' * `X <~ x1 + x2 + x3` defines a *composite* (formative) construct `X`
#'   formed by its indicators (Mode B outer weights).
#' * `Y ~ X1 + X2` is a structural regression: the constructs on the right
#'   predict the construct on the left. Several outcomes may be written on
#'   the left, `Y1 + Y2 ~ X` meaning `Y1 ~ X` and `Y2 ~ X`.
#'
#' A single-item construct is written `X =~ x`. Defining the same construct
#' twice with the same operator concatenates the indicator lists (as in
#' lavaan).
#'
#' ## Layout
#' Everything from `#` to the end of a line is a comment. Blank lines and
#' comment-only lines are ignored. A statement continues on the next line
#' when the line ends with `+` (after removing the comment), or when the next
#' non-blank line starts with `+`.
#'
#' Construct and indicator names must match `^[A-Za-z.][A-Za-z0-9._]*$`
#' (a letter or `.` followed by letters, digits, `.` or `_`). Backquoted
#' names, fixed values, labels and other lavaan modifiers (such as `0.5*x`)
#' are not supported.
#'
#' ## Errors
#' Every problem raises an R error of class `pls_syntax_error`. Errors tied
#' to a statement start with `Line n:`, where `n` is the 1-based line in the
#' original text on which the statement begins, and quote the offending
#' token and the statement:
#'
#' * `unknown operator "op" in "statement"`: any operator other than `=~`,
#'   `<~` and `~` (for example `~~`, `:=`, `==`, `<-`, `=`, `~*~`).
#'   A statement without an operator gives `unknown operator: no "=~", "<~"
#'   or "~" found in ...`, and one with several operators gives
#'   `unknown operator: more than one operator (...) in ...`.
#' * `missing name in "statement"`: an empty term, e.g. `x + + y`, a
#'   trailing `+` at the end of the model, or nothing on one side of the
#'   operator.
#' * `premultiplier "0.5*x" is not supported`: fixed values and labels.
#' * `invalid name "tok"`: a term that does not match the name pattern.
#' * `only one construct may be defined per "=~" statement`: several names
#'   on the left of `=~` or `<~`.
#' * `construct "X" is defined with "<~" but was defined with "=~" on line
#'   m`: the same construct with different measurement operators.
#' * `indicator "x" is listed twice for construct "X"` and
#'   `indicator "x" of construct "Y" is already used by construct "X"`:
#'   every indicator belongs to exactly one block, once.
#' * `indicator "x" has the same name as construct "x"`.
#' * `"x" is an indicator, not a construct`: an indicator used in a
#'   structural statement.
#' * `construct "X" has no indicators`: a construct used in a structural
#'   statement without a measurement statement (single-item constructs are
#'   written `X =~ x`).
#' * `self-loop "X ~ X"`: a construct cannot predict itself.
#' * `path X -> Y is specified twice (first on line m)`.
#'
#' Errors about the model as a whole name the constructs involved:
#'
#' * `The model syntax is empty`: nothing left after removing comments and
#'   blank lines.
#' * `The model has no structural paths`.
#' * `Construct "X" (defined on line m) is not connected to any other
#'   construct by a structural path`.
#' * `The structural model is not recursive: cycle A -> B -> C -> A`, with
#'   the lines of the paths that form the cycle.
#'
#' A `syntax` argument that is not a character vector, is empty, contains
#' `NA` or is not valid UTF-8 is also an error.
#'
#' @examples
#' model <- parse_model("
#'   # measurement model
#'   TTM =~ ttm1 + ttm2 + ttm3      # reflective
#'   RIG <~ rig1 + rig2 +
#'          rig3                    # composite, continued line
#'   CTM =~ ctm1; PIA =~ pia1 + pia2
#'   # structural model
#'   CTM ~ TTM + RIG
#'   PIA ~ CTM
#' ")
#' model
#' model$inner
#' model$modes
#'
#' # errors name the line and the offending token
#' try(parse_model("A =~ a1\nB =~ b1\nA ~~ B"))
#' @export
parse_model <- function(syntax) {
  text <- syntax_text(syntax)
  statements <- split_statements(text)
  if (length(statements) == 0L) {
    syntax_error("The model syntax is empty: there are no statements after ",
                 "removing comments and blank lines.")
  }
  parsed <- lapply(statements, parse_statement)
  is_structural <- vapply(parsed, function(s) s$op == "~", logical(1))
  outer <- build_outer_model(parsed[!is_structural])
  inner <- build_inner_model(parsed[is_structural], outer)
  check_connected(inner$paths, outer)
  check_recursive(inner$paths, inner$lines)
  new_pls_model(outer, inner$paths, text)
}

# ---------------------------------------------------------------------------
# Errors

syntax_error <- function(...) {
  stop(errorCondition(paste0(...), class = "pls_syntax_error", call = NULL))
}

statement_error <- function(statement, ...) {
  syntax_error("Line ", statement$line, ": ", ...)
}

quote_token <- function(x) {
  paste0("\"", x, "\"")
}

quote_list <- function(x) {
  paste(quote_token(x), collapse = ", ")
}

# ---------------------------------------------------------------------------
# Text -> statements

syntax_text <- function(syntax) {
  if (!is.character(syntax)) {
    syntax_error("`syntax` must be a character string, not an object of ",
                 "class \"", class(syntax)[1L], "\".")
  }
  if (length(syntax) == 0L) {
    syntax_error("`syntax` must be a character string, not an empty vector.")
  }
  if (anyNA(syntax)) {
    syntax_error("`syntax` must not contain NA.")
  }
  if (!all(has_valid_encoding(syntax))) {
    syntax_error("`syntax` is not valid UTF-8 text.")
  }
  text <- paste(enc2utf8(syntax), collapse = "\n")
  Encoding(text) <- "UTF-8"
  text
}

# Strings that should hold UTF-8 bytes (marked UTF-8 or bytes, or native in a
# UTF-8 locale) must be valid UTF-8; latin1 and other native strings are
# converted by enc2utf8().
has_valid_encoding <- function(x) {
  encoding <- Encoding(x)
  utf8_native <- isTRUE(l10n_info()[["UTF-8"]])
  should_be_utf8 <- encoding %in% c("UTF-8", "bytes") |
    (encoding == "unknown" & utf8_native)
  !should_be_utf8 | validUTF8(x)
}

strip_comment <- function(line) {
  sub("#.*$", "", line)
}

# Code segments (comments removed, split at ';', trimmed, non-empty), each
# with the number of the line it comes from.
code_segments <- function(text) {
  lines <- strsplit(text, "\r\n|\r|\n")[[1L]]
  segments <- lapply(seq_along(lines), function(i) {
    parts <- trimws(strsplit(strip_comment(lines[i]), ";", fixed = TRUE)[[1L]])
    parts <- parts[nzchar(parts)]
    list(text = parts, line = rep(i, length(parts)))
  })
  list(
    text = unlist(lapply(segments, `[[`, "text"), use.names = FALSE),
    line = unlist(lapply(segments, `[[`, "line"), use.names = FALSE)
  )
}

# Join segments into statements: a segment continues the previous statement
# when that one ends with '+' or when the segment itself starts with '+'.
split_statements <- function(text) {
  segments <- code_segments(text)
  statements <- list()
  open <- FALSE
  for (i in seq_along(segments$text)) {
    piece <- segments$text[i]
    n <- length(statements)
    if (n > 0L && (open || startsWith(piece, "+"))) {
      statements[[n]]$text <- paste(statements[[n]]$text, piece)
    } else {
      statements[[n + 1L]] <- list(text = piece, line = segments$line[i])
    }
    open <- endsWith(piece, "+")
  }
  statements
}

# ---------------------------------------------------------------------------
# Statement -> operator, left and right names

# An operator-like token is a run of operator characters containing at least
# one of ~ = < > : (so "*" in "0.5*x" or "-" alone are not operators).
operator_pattern <- "[~=<>:!*|-]*[~=<>:][~=<>:!*|-]*"
known_operators <- c("=~", "<~", "~")
name_pattern <- "^[A-Za-z.][A-Za-z0-9._]*$"

parse_statement <- function(statement) {
  op <- find_operator(statement)
  position <- regexpr(operator_pattern, statement$text)
  start <- as.integer(position)
  stop_at <- start + attr(position, "match.length")
  lhs <- substr(statement$text, 1L, start - 1L)
  rhs <- substr(statement$text, stop_at, nchar(statement$text))
  parsed <- list(
    op = op,
    line = statement$line,
    text = statement$text,
    lhs = parse_terms(lhs, statement),
    rhs = parse_terms(rhs, statement)
  )
  if (op != "~" && length(parsed$lhs) != 1L) {
    statement_error(statement, "only one construct may be defined per ",
                    quote_token(op), " statement, found ",
                    quote_list(parsed$lhs), " in ",
                    quote_token(statement$text), ".")
  }
  parsed
}

find_operator <- function(statement) {
  ops <- regmatches(statement$text,
                    gregexpr(operator_pattern, statement$text))[[1L]]
  if (length(ops) == 0L) {
    statement_error(statement, "unknown operator: no \"=~\", \"<~\" or \"~\" ",
                    "found in ", quote_token(statement$text), ".")
  }
  if (length(ops) > 1L) {
    statement_error(statement, "unknown operator: more than one operator (",
                    quote_list(ops), ") in ", quote_token(statement$text), ".")
  }
  if (!ops %in% known_operators) {
    statement_error(statement, "unknown operator ", quote_token(ops), " in ",
                    quote_token(statement$text), ".")
  }
  ops
}

# Split one side of a statement at '+' and check every term is a name.
parse_terms <- function(side, statement) {
  # the trailing space keeps a final empty term ("x +") visible to strsplit
  terms <- trimws(strsplit(paste0(side, " "), "+", fixed = TRUE)[[1L]])
  for (term in terms) check_term(term, statement)
  terms
}

check_term <- function(term, statement) {
  where <- paste0(" in ", quote_token(statement$text), ".")
  if (!nzchar(term)) {
    statement_error(statement, "missing name", where, " A name is expected ",
                    "on both sides of the operator and of every \"+\".")
  }
  if (grepl("*", term, fixed = TRUE)) {
    statement_error(statement, "premultiplier ", quote_token(term),
                    " is not supported (fixed values and labels are not part ",
                    "of the model syntax)", where)
  }
  if (!grepl(name_pattern, term, perl = TRUE)) {
    statement_error(statement, "invalid name ", quote_token(term), where,
                    " Names start with a letter or \".\" and contain only ",
                    "letters, digits, \".\" and \"_\".")
  }
  invisible(term)
}

# ---------------------------------------------------------------------------
# Measurement (outer) model

mode_of_operator <- function(op) {
  c("=~" = "A", "<~" = "B")[[op]]
}

build_outer_model <- function(measurement) {
  blocks <- list()
  modes <- character()
  operators <- character()
  lines <- integer()
  owner <- character()      # indicator -> construct
  owner_line <- integer()   # indicator -> line of its statement
  for (s in measurement) {
    construct <- s$lhs
    if (construct %in% names(blocks)) {
      check_same_operator(s, operators[[construct]], lines[[construct]])
    } else {
      blocks[[construct]] <- character()
      modes[[construct]] <- mode_of_operator(s$op)
      operators[[construct]] <- s$op
      lines[[construct]] <- s$line
    }
    for (indicator in s$rhs) {
      check_new_indicator(s, indicator, construct, owner, owner_line)
      owner[[indicator]] <- construct
      owner_line[[indicator]] <- s$line
      blocks[[construct]] <- c(blocks[[construct]], indicator)
    }
  }
  check_name_clash(owner, owner_line, lines)
  list(blocks = blocks, modes = modes, lines = lines, owner = owner)
}

check_same_operator <- function(statement, previous_op, previous_line) {
  if (statement$op != previous_op) {
    statement_error(statement, "construct ", quote_token(statement$lhs),
                    " is defined with ", quote_token(statement$op),
                    " but was defined with ", quote_token(previous_op),
                    " on line ", previous_line, "; a construct is either ",
                    "reflective (=~) or composite (<~).")
  }
}

check_new_indicator <- function(statement, indicator, construct, owner,
                                owner_line) {
  if (!indicator %in% names(owner)) return(invisible())
  first <- owner[[indicator]]
  if (first == construct) {
    statement_error(statement, "indicator ", quote_token(indicator),
                    " is listed twice for construct ", quote_token(construct),
                    " (first on line ", owner_line[[indicator]], ").")
  }
  statement_error(statement, "indicator ", quote_token(indicator),
                  " of construct ", quote_token(construct),
                  " is already used by construct ", quote_token(first),
                  " (line ", owner_line[[indicator]], "); each indicator ",
                  "belongs to one construct only.")
}

check_name_clash <- function(owner, owner_line, construct_lines) {
  clash <- intersect(names(owner), names(construct_lines))
  if (length(clash) == 0L) return(invisible())
  name <- clash[1L]
  syntax_error("Line ", owner_line[[name]], ": indicator ", quote_token(name),
               " has the same name as construct ", quote_token(name),
               " (line ", construct_lines[[name]], "); indicators and ",
               "constructs need distinct names.")
}

# ---------------------------------------------------------------------------
# Structural (inner) model

build_inner_model <- function(structural, outer) {
  constructs <- names(outer$blocks)
  k <- length(constructs)
  paths <- matrix(0L, k, k, dimnames = list(constructs, constructs))
  lines <- matrix(NA_integer_, k, k, dimnames = list(constructs, constructs))
  for (s in structural) {
    for (name in c(s$lhs, s$rhs)) check_structural_name(s, name, outer)
    for (outcome in s$lhs) {
      for (predictor in s$rhs) {
        check_new_path(s, predictor, outcome, lines)
        paths[predictor, outcome] <- 1L
        lines[predictor, outcome] <- s$line
      }
    }
  }
  if (sum(paths) == 0L) {
    syntax_error("The model has no structural paths: add at least one ",
                 "statement such as \"Y ~ X\" connecting the constructs ",
                 "(", quote_list(constructs), ").")
  }
  list(paths = paths, lines = lines)
}

check_structural_name <- function(statement, name, outer) {
  if (name %in% names(outer$blocks)) return(invisible())
  if (name %in% names(outer$owner)) {
    statement_error(statement, quote_token(name), " is an indicator, not a ",
                    "construct (it belongs to ",
                    quote_token(outer$owner[[name]]), "); structural ",
                    "paths connect constructs, in ",
                    quote_token(statement$text), ".")
  }
  hint <- suggest_names(name, names(outer$blocks))
  hint <- if (is.na(hint)) "" else paste0(" (did you mean ", quote_token(hint), "?)")
  statement_error(statement, "construct ", quote_token(name),
                  " has no indicators", hint, "; define it with a measurement ",
                  "statement (a single-item construct is written \"", name,
                  " =~ indicator\").")
}

check_new_path <- function(statement, predictor, outcome, lines) {
  if (predictor == outcome) {
    statement_error(statement, "self-loop ",
                    quote_token(paste(outcome, "~", predictor)),
                    ": a construct cannot predict itself, in ",
                    quote_token(statement$text), ".")
  }
  first <- lines[predictor, outcome]
  if (!is.na(first)) {
    statement_error(statement, "path ", predictor, " -> ", outcome,
                    " is specified twice (first on line ", first, ").")
  }
}

# ---------------------------------------------------------------------------
# Whole-model checks

check_connected <- function(paths, outer) {
  degree <- rowSums(paths) + colSums(paths)
  alone <- names(degree)[degree == 0L]
  if (length(alone) == 0L) return(invisible())
  where <- outer$lines[alone]
  if (length(alone) == 1L) {
    syntax_error("Construct ", quote_token(alone), " (defined on line ",
                 where, ") is not connected to any other construct by a ",
                 "structural path.")
  }
  syntax_error("Constructs ", quote_list(alone), " (defined on lines ",
               paste(where, collapse = ", "), ") are not connected to any ",
               "other construct by a structural path.")
}

check_recursive <- function(paths, lines) {
  cycle <- find_cycle(paths)
  if (is.null(cycle)) return(invisible())
  names <- rownames(paths)[cycle]
  n <- length(cycle)
  cycle_lines <- lines[cbind(cycle[-n], cycle[-1L])]
  syntax_error("The structural model is not recursive: cycle ",
               paste(names, collapse = " -> "), " (paths on lines ",
               paste(cycle_lines, collapse = ", "), ").")
}

# Depth-first search for a directed cycle in a 0/1 adjacency matrix.
# Returns the node indices of the first cycle found, closed (first == last),
# or NULL when the graph is acyclic.
find_cycle <- function(adjacency) {
  state <- integer(nrow(adjacency))   # 0 new, 1 on the stack, 2 finished
  visit <- function(node, path) {
    state[node] <<- 1L
    for (next_node in which(adjacency[node, ] == 1L)) {
      if (state[next_node] == 1L) {
        return(c(path[match(next_node, path):length(path)], next_node))
      }
      if (state[next_node] == 0L) {
        found <- visit(next_node, c(path, next_node))
        if (!is.null(found)) return(found)
      }
    }
    state[node] <<- 2L
    NULL
  }
  for (start in seq_len(nrow(adjacency))) {
    if (state[start] != 0L) next
    found <- visit(start, start)
    if (!is.null(found)) return(found)
  }
  NULL
}

# ---------------------------------------------------------------------------
# The pls_model object

new_pls_model <- function(outer, paths, text) {
  constructs <- names(outer$blocks)
  structure(
    list(
      constructs = constructs,
      blocks = outer$blocks,
      modes = outer$modes[constructs],
      inner = paths,
      indicators = unlist(outer$blocks, use.names = FALSE),
      syntax = text
    ),
    class = "pls_model"
  )
}

is_pls_model <- function(x) {
  inherits(x, "pls_model")
}

# Names of the constructs with at least one predictor, in construct order.
model_endogenous <- function(model) {
  model$constructs[colSums(model$inner) > 0L]
}

#' @rdname parse_model
#' @param x A `pls_model` object. Printing shows the number of constructs,
#'   indicators and paths, one line per construct (mode and indicators) and
#'   the structural paths grouped by outcome (`Y <- X1, X2`).
#' @param ... Ignored.
#' @export
print.pls_model <- function(x, ...) {
  cat(sprintf("PLS path model: %d constructs, %d indicators, %d structural paths\n",
              length(x$constructs), length(x$indicators), sum(x$inner)))
  cat("\nConstructs:\n")
  label <- ifelse(x$modes == "A", "reflective (Mode A)", "composite (Mode B)")
  indicators <- vapply(x$blocks, paste, character(1), collapse = ", ")
  cat(paste0("  ", format(x$constructs), "  ", format(label), "  ",
             indicators, "\n"), sep = "")
  cat("\nStructural paths:\n")
  for (outcome in model_endogenous(x)) {
    predictors <- x$constructs[x$inner[, outcome] == 1L]
    cat("  ", outcome, " <- ", paste(predictors, collapse = ", "), "\n",
        sep = "")
  }
  invisible(x)
}
