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
#' @return An object of class `pls_model`: a list with these elements
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
#'   * `interactions` (only for a model with interaction terms): a data
#'     frame with one row per interaction term and outcome: `term` (such as
#'     `"X:M"`), its constituents `a` and `b`, the `outcome` and the `line`
#'     of the statement. Interaction terms are not among `constructs`;
#'     [pls()] adds them as constructs of the model it estimates.
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
#' * `Y ~ X + M + X:M` adds the interaction (product) term of constructs `X`
#'   and `M` as a predictor of `Y` (moderation; `X:X` is a quadratic term).
#'   Blanks around `:` are allowed, `M:X` is the same term as `X:M`, and
#'   both constituents must also predict `Y` directly (the main effects).
#'   [pls()]'s `interaction` argument chooses how the term is estimated.
#'
#' A single-item construct is written `X =~ x`. Defining the same construct
#' twice with the same operator concatenates the indicator lists (as in
#' lavaan).
#'
#' ## Layout
#' Everything from `#` to the end of a line is a comment. Blank lines and
#' comment-only lines are ignored. A statement continues on the next line
#' when the line ends with `+` (after removing the comment), or when the next
#' non-blank line starts with `+`. Unicode spaces (such as the no-break
#' space U+00A0), zero-width spaces and joiners (U+200B to U+200D, U+2060)
#' and the byte order mark (U+FEFF) are read as plain spaces.
#'
#' Construct and indicator names must match `^[A-Za-z.][A-Za-z0-9._]*$`
#' (a letter or `.` followed by letters, digits, `.` or `_`). Backquoted
#' names, fixed values, labels and other lavaan modifiers (such as `0.5*x`)
#' are not supported, and neither are yet higher-order constructs (a
#' construct measured by constructs).
#'
#' ## Errors
#' Every problem raises an R error of class `iecpls_syntax_error` (which
#' also has classes `iecpls_model_error`, the class of the errors about an
#' edited `pls_model` object that [pls()] checks again, and `iecpls_error`;
#' see [iecpls_conditions]). Errors tied
#' to a statement start with `Line n:`, where `n` is the 1-based line in the
#' original text on which the statement begins, and quote the offending
#' token and the statement:
#'
#' * `unknown operator "op" in "statement"`: any operator other than `=~`,
#'   `<~` and `~` (for example `~~`, `:=`, `==`, `<-`, `=`, `~*~`).
#'   A statement without an operator gives `unknown operator: no "=~", "<~"
#'   or "~" found in ...`, and one with several operators gives
#'   `unknown operator: more than one operator (...) in ...`.
#' * `Line n, column c: stray "+" joins "..." to the next statement "..."`:
#'   a `+` ending a statement (or starting a line) that continues it into
#'   the next statement; `Line n, column c: stray "+" at the end of the
#'   model`: a `+` ending the last statement.
#' * `write the interaction "X*M" as "X + M + X:M"`: `*` between two
#'   constructs; `interaction "X:M:W" has order 3`: only two-way and
#'   quadratic terms are supported; `interaction "X:M" on "Y" needs the main
#'   effects of its constituents; add "Y ~ M"`; `an interaction cannot be an
#'   outcome`; `construct "M" cannot be predicted by its own interaction`;
#'   `interaction X:M -> Y is specified twice`. A constituent that is not a
#'   construct is named as for any structural statement.
#' * `missing name in "statement"`: an empty term, e.g. `x + + y`, or
#'   nothing on one side of the operator.
#' * `premultiplier "0.5*x" is not supported`: fixed values and labels.
#' * `invalid name "tok"`: a term that does not match the name pattern; a
#'   character outside ASCII is named by its code point (`U+00E9`).
#' * `only one construct may be defined per "=~" statement`: several names
#'   on the left of `=~` or `<~`.
#' * `construct "X" is defined with "<~" but was defined with "=~" on line
#'   m`: the same construct with different measurement operators.
#' * `indicator "x" is listed twice for construct "X"` and
#'   `indicator "x" of construct "Y" is already used by construct "X"`:
#'   every indicator belongs to exactly one block, once.
#' * `indicator "x" has the same name as construct "x"`.
#' * Higher-order constructs (a construct measured by constructs, e.g.
#'   `REP =~ COMP + LIKE`): `the block of "REP" mixes constructs and
#'   indicators`; `third-order constructs are not supported`; a higher-order
#'   construct with one dimension; `"COMP" is a dimension of the
#'   higher-order construct "REP"` when a dimension is in a structural
#'   statement (paths go to or from the higher-order construct); and a
#'   higher-order construct without structural paths.
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
  if (length(statements$text) == 0L) {
    syntax_error("The model syntax is empty: there are no statements after ",
                 "removing comments and blank lines.")
  }
  parsed <- parse_statements(statements)
  structural <- parsed$op == "~"
  outer <- build_outer_model(lapply(parsed, `[`, !structural))
  products <- extract_interactions(lapply(parsed, `[`, structural), outer)
  inner <- build_inner_model(products$structural, outer)
  interactions <- check_main_effects(products$interactions, inner$paths)
  check_hoc_structural(outer$hoc, inner$paths, inner$lines)
  check_connected(paths_with_dimensions(inner$paths, outer$hoc), syntax_error, outer$lines)
  check_recursive(inner$paths, syntax_error, inner$lines)
  model <- new_pls_model(outer, inner$paths, text)
  if (nrow(interactions)) model$interactions <- interactions
  if (nrow(outer$hoc)) {
    if (nrow(interactions)) {
      syntax_error("Line ", interactions$line[1L], ": interaction terms in a model with higher-order ",
                   "constructs are not supported yet.")
    }
    model$hoc <- outer$hoc
  }
  # valid by construction (the fuzz tests check it): marked without the checks
  mark_checked(model)
}

# ---------------------------------------------------------------------------
# Errors

syntax_error <- function(...) {
  model_error(..., class = "iecpls_syntax_error")
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

# Unicode spaces and invisible separators that editors and web pages slip
# into text: no-break spaces (U+00A0, U+202F), the other Zs spaces, the line
# and paragraph separators, zero-width spaces and joiners (U+200B-U+200D,
# U+2060) and the byte order mark (U+FEFF). They are read as a plain space,
# one for one, so columns in messages stay those of the original text.
unicode_spaces <- c(0xA0, 0x1680, 0x2000:0x200D, 0x2028, 0x2029, 0x202F, 0x205F,
                    0x2060, 0x3000, 0xFEFF)

normalize_spaces <- function(text) {
  codes <- utf8ToInt(text)
  space <- codes %in% unicode_spaces
  if (!any(space)) return(text)
  codes[space] <- 32L
  intToUtf8(codes)
}

trim_blanks <- function(x) {
  sub("[ \t]+$", "", sub("^[ \t]+", "", x))
}

# Code segments (comments removed, split at ';', trimmed, non-empty), each
# with the line it comes from and the columns of its first and last
# character in that line.
code_segments <- function(text) {
  lines <- strsplit(normalize_spaces(text), "\r\n|\r|\n")[[1L]]
  parts <- strsplit(sub("#.*$", "", lines), ";", fixed = TRUE)
  count <- lengths(parts)
  part <- unlist(parts, use.names = FALSE)
  line <- rep.int(seq_along(lines), count)
  width <- nchar(part) + 1L                # with the ';' that follows
  before <- cumsum(width) - width          # characters before the part
  start <- before - before[match(line, line)] + 1L
  trimmed <- trim_blanks(part)
  start <- start + nchar(sub("[^ \t].*$", "", part))
  keep <- nzchar(trimmed)
  list(text = trimmed[keep], line = line[keep], start = start[keep],
       end = start[keep] + nchar(trimmed[keep]) - 1L)
}

# Join segments into statements: a segment continues the previous statement
# when that one ends with '+' or when the segment itself starts with '+'.
# Statements are held column by column (`text`, `line`); `first` and `last`
# index the segments each was joined from, kept for pointing at a stray '+'
# (see statement_at()).
split_statements <- function(text) {
  segments <- code_segments(text)
  n <- length(segments$text)
  if (n == 0L) return(list(text = character(), line = integer()))
  open <- endsWith(segments$text, "+")
  join <- c(FALSE, open[-n] | startsWith(segments$text[-1L], "+"))
  id <- cumsum(!join)
  first <- which(!join)
  texts <- segments$text[first]
  joined <- unique(id[join])
  if (length(joined)) {
    in_joined <- id %in% joined
    texts[joined] <- vapply(split(segments$text[in_joined], id[in_joined]), paste,
                            character(1), collapse = " ", USE.NAMES = FALSE)
  }
  list(text = texts, line = segments$line[first], first = first,
       last = c(first[-1L] - 1L, n), segments = segments)
}

# Statement k of split_statements() as a list: `text`, `line`, `end` (line
# and column of its last character) and, when it was joined from several
# segments, those segments (`pieces`).
statement_at <- function(statements, k) {
  segments <- statements$segments
  first <- statements$first[k]
  last <- statements$last[k]
  list(text = statements$text[k], line = statements$line[k],
       end = c(segments$line[last], segments$end[last]),
       pieces = if (last > first) lapply(segments, `[`, first:last))
}

# Constructs defined by a measurement statement, for telling an interaction
# "X*M" from a premultiplier or label "a*X". Found by pattern before the
# statements are parsed, as a broken statement must not stop this pass.
measured_names <- function(texts) {
  hit <- regexpr("^[A-Za-z.][A-Za-z0-9._]*(?=[ \t]*[=<]~)", texts, perl = TRUE)
  unique(regmatches(texts, hit))
}

# ---------------------------------------------------------------------------
# Statement -> operator, left and right names

# An operator-like token is a run of operator characters containing at least
# one of ~ = < > : (so "*" in "0.5*x" or "-" alone are not operators).
operator_pattern <- "[~=<>:!*|-]*[~=<>:][~=<>:!*|-]*"
known_operators <- c("=~", "<~", "~")
name_pattern <- "^[A-Za-z.][A-Za-z0-9._]*$"
# an interaction (product) term "X:M" of two constructs, and the same inside a text
interaction_name_pattern <- "[A-Za-z.][A-Za-z0-9._]*:[A-Za-z.][A-Za-z0-9._]*"
interaction_pattern <- paste0("^", interaction_name_pattern, "$")

# All statements at once: operator, left and right names, column by column
# (`op`, `line`, `text`, `lhs`, `rhs`). A statement the vectorised checks
# flag goes through parse_statement(), which raises its error; the first
# flagged statement is the first in the text with a problem.
parse_statements <- function(statements) {
  texts <- statements$text
  n <- length(texts)
  position <- regexpr(operator_pattern, texts)
  start <- as.integer(position)
  stop_at <- start + attr(position, "match.length")
  op <- substring(texts, start, stop_at - 1L)
  rest <- substring(texts, stop_at)
  # interaction terms "X:M" on the right of "~", with the blanks around ":" removed
  structural <- op == "~"
  rest[structural] <- gsub("[ \t]*:[ \t]*", ":", rest[structural])
  sides <- strsplit(paste0(c(substring(texts, 1L, start - 1L), rest), " "), "+",
                    fixed = TRUE)
  side <- rep.int(seq_len(2L * n), lengths(sides))
  terms <- trim_blanks(unlist(sides, use.names = FALSE))
  valid <- grepl(name_pattern, terms, perl = TRUE) |
    (side > n & structural[pmax(side - n, 1L)] & grepl(interaction_pattern, terms, perl = TRUE))
  terms <- unname(split(terms, factor(side, levels = seq_len(2L * n))))
  bad_term <- side[!valid]
  lhs <- terms[seq_len(n)]
  rest_operators <- rest
  rest_operators[structural] <- gsub(interaction_name_pattern, "x", rest[structural], perl = TRUE)
  flagged <- start < 0L | !op %in% known_operators | grepl(operator_pattern, rest_operators) |
    seq_len(n) %in% ((bad_term - 1L) %% n + 1L) | (op != "~" & lengths(lhs) != 1L)
  if (any(flagged)) {
    measured <- measured_names(texts)
    for (k in which(flagged)) parse_statement(statement_at(statements, k), measured)
  }
  list(op = op, line = statements$line, text = texts, lhs = lhs, rhs = terms[n + seq_len(n)])
}

parse_statement <- function(statement, measured = character()) {
  op <- find_operator(statement)
  position <- regexpr(operator_pattern, statement$text)
  start <- as.integer(position)
  stop_at <- start + attr(position, "match.length")
  lhs <- substr(statement$text, 1L, start - 1L)
  rhs <- substr(statement$text, stop_at, nchar(statement$text))
  structural <- if (op == "~") measured else character()
  if (op == "~") rhs <- gsub("[ \t]*:[ \t]*", ":", rhs)
  parsed <- list(
    op = op,
    line = statement$line,
    text = statement$text,
    lhs = parse_terms(lhs, statement, structural),
    rhs = parse_terms(rhs, statement, structural, at_end = TRUE, product = op == "~")
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
  if (length(ops) > 1L && sum(ops == "~") == 1L && all(ops[ops != "~"] == ":")) {
    if (ops[1L] == "~") return("~")   # interaction terms, checked by check_term()
    statement_error(statement, "an interaction cannot be an outcome: product terms ",
                    "are predictors, on the right of \"~\", in ", quote_token(statement$text), ".")
  }
  if (length(ops) > 1L) {
    check_stray_plus(statement)
    statement_error(statement, "unknown operator: more than one operator (",
                    quote_list(ops), ") in ", quote_token(statement$text), ".")
  }
  if (!ops %in% known_operators) {
    statement_error(statement, "unknown operator ", quote_token(ops), " in ",
                    quote_token(statement$text), ".")
  }
  ops
}

# A statement with two operators that was joined from several segments:
# the '+' that joined the second operator's segment is stray.
check_stray_plus <- function(statement) {
  pieces <- statement$pieces
  if (is.null(pieces)) return(invisible())
  has_op <- grepl(operator_pattern, pieces$text)
  j <- which(has_op & cumsum(has_op) >= 2L)[1L]
  if (is.na(j)) return(invisible())
  before <- paste(pieces$text[seq_len(j - 1L)], collapse = " ")
  if (endsWith(pieces$text[j - 1L], "+")) {
    syntax_error("Line ", pieces$line[j - 1L], ", column ", pieces$end[j - 1L],
                 ": stray \"+\" joins ", quote_token(before), " to the next statement ",
                 quote_token(pieces$text[j]), " (line ", pieces$line[j], "); remove the ",
                 "\"+\" or finish the sum (a statement ending with \"+\" continues on ",
                 "the next line).")
  }
  syntax_error("Line ", pieces$line[j], ", column ", pieces$start[j],
               ": stray \"+\" at the start of ", quote_token(pieces$text[j]),
               " joins it to the statement before, ", quote_token(before), " (line ",
               pieces$line[1L], "); remove the \"+\" (a line starting with \"+\" ",
               "continues the previous statement).")
}


# Split one side of a statement at '+' and check every term is a name;
# `measured` (structural statements only) lists the constructs, so "X*M"
# between two of them is an interaction. `at_end`: the side ends the
# statement, so an empty last term follows a stray final '+'.
parse_terms <- function(side, statement, measured = character(), at_end = FALSE,
                        product = FALSE) {
  # the trailing space keeps a final empty term ("x +") visible to strsplit
  terms <- trim_blanks(strsplit(paste0(side, " "), "+", fixed = TRUE)[[1L]])
  n <- length(terms)
  for (i in seq_len(n)) {
    check_term(terms[i], statement, measured, at_end && i == n, product)
  }
  terms
}

check_term <- function(term, statement, measured = character(), last = FALSE,
                       product = FALSE) {
  where <- paste0(" in ", quote_token(statement$text), ".")
  if (!nzchar(term)) {
    if (last) check_final_plus(statement)
    statement_error(statement, "missing name", where, " A name is expected ",
                    "on both sides of the operator and of every \"+\".")
  }
  if (product && grepl(":", term, fixed = TRUE)) check_product_term(term, statement, where)
  if (grepl("*", term, fixed = TRUE)) {
    factors <- trim_blanks(strsplit(term, "*", fixed = TRUE)[[1L]])
    if (length(factors) == 2L && all(factors %in% measured)) {
      statement_error(statement, "write the interaction ", quote_token(term), " as ",
                      quote_token(paste0(factors[1L], " + ", factors[2L], " + ",
                                         factors[1L], ":", factors[2L])),
                      " (main effects and the product term, as in lavaan)", where)
    }
    statement_error(statement, "premultiplier ", quote_token(term),
                    " is not supported (fixed values and labels are not part ",
                    "of the model syntax)", where)
  }
  if (!grepl(name_pattern, term, perl = TRUE)) {
    statement_error(statement, "invalid name ", quote_token(term), where,
                    " Names start with a letter or \".\" and contain only ",
                    "letters, digits, \".\" and \"_\"", non_ascii_hint(term), ".")
  }
  invisible(term)
}

# A term with ':' on the right of "~": "X:M" is an interaction of two
# constructs (checked as constructs later); other uses are errors.
check_product_term <- function(term, statement, where) {
  factors <- strsplit(term, ":", fixed = TRUE)[[1L]]
  if (length(factors) > 2L && all(grepl(name_pattern, factors, perl = TRUE))) {
    statement_error(statement, "interaction ", quote_token(term), " has order ",
                    length(factors), "; only two-way interactions (\"X:M\") and ",
                    "quadratic terms (\"X:X\") are supported", where)
  }
  if (length(factors) == 2L && !all(grepl(name_pattern, factors, perl = TRUE))) {
    bad <- factors[!grepl(name_pattern, factors, perl = TRUE)][1L]
    statement_error(statement, "invalid name ", quote_token(bad), " in the interaction ",
                    quote_token(term), where)
  }
  invisible()
}

# The model's last statement ends with '+'.
check_final_plus <- function(statement) {
  if (!endsWith(statement$text, "+")) return(invisible())
  syntax_error("Line ", statement$end[1L], ", column ", statement$end[2L],
               ": stray \"+\" at the end of the model in ",
               quote_token(statement$text), "; remove it or add the missing name.")
}

# Names the first character outside ASCII, which the eye may not see.
non_ascii_hint <- function(term) {
  codes <- utf8ToInt(term)
  other <- codes[codes > 127L]
  if (!length(other)) return("")
  sprintf(" (it contains the character U+%04X)", other[1L])
}

# Parsed statement k as a list (`op`, `line`, `text`, `lhs`, `rhs`).
parsed_at <- function(parsed, k) {
  lapply(parsed, `[[`, k)
}

# ---------------------------------------------------------------------------
# Measurement (outer) model
#
# Built in one pass over all statements; the first problem in statement
# order is reported, as a statement-by-statement loop would.

mode_of_operator <- c("=~" = "A", "<~" = "B")

# `measurement`: the measurement statements, column by column.
build_outer_model <- function(measurement) {
  lhs <- unlist(measurement$lhs, use.names = FALSE)
  ops <- measurement$op
  lines <- measurement$line
  rhs <- measurement$rhs
  statement <- rep.int(seq_along(ops), lengths(rhs))
  indicators <- unlist(rhs, use.names = FALSE)
  construct <- lhs[statement]
  defining <- match(lhs, lhs)
  seen <- match(indicators, indicators)
  conflict <- which(ops != ops[defining])[1L]
  twice <- which(seen != seq_along(indicators))[1L]
  if (!is.na(conflict) && (is.na(twice) || conflict <= statement[twice])) {
    check_same_operator(parsed_at(measurement, conflict), ops[defining[conflict]],
                        lines[defining[conflict]])
  }
  if (!is.na(twice)) {
    first <- seen[twice]
    indicator_twice_error(parsed_at(measurement, statement[twice]), indicators[twice],
                          construct[twice], construct[first], lines[statement[first]])
  }
  constructs <- unique(lhs)
  first_statement <- match(constructs, lhs)
  out <- list(
    blocks = split(indicators, factor(construct, levels = constructs)),
    modes = stats::setNames(unname(mode_of_operator[ops[first_statement]]), constructs),
    lines = stats::setNames(lines[first_statement], constructs),
    owner = stats::setNames(construct, indicators)
  )
  out$hoc <- higher_order_table(out$owner, stats::setNames(lines[statement], indicators), out$lines,
                                stats::setNames(ops[first_statement], constructs))
  out
}

check_same_operator <- function(statement, previous_op, previous_line) {
  statement_error(statement, "construct ", quote_token(statement$lhs),
                  " is defined with ", quote_token(statement$op),
                  " but was defined with ", quote_token(previous_op),
                  " on line ", previous_line, "; a construct is either ",
                  "reflective (=~) or composite (<~).")
}

indicator_twice_error <- function(statement, indicator, construct, first,
                                  first_line) {
  if (first == construct) {
    statement_error(statement, "indicator ", quote_token(indicator),
                    " is listed twice for construct ", quote_token(construct),
                    " (first on line ", first_line, ").")
  }
  statement_error(statement, "indicator ", quote_token(indicator),
                  " of construct ", quote_token(construct),
                  " is already used by construct ", quote_token(first),
                  " (line ", first_line, "); each indicator ",
                  "belongs to one construct only.")
}

# ---------------------------------------------------------------------------
# Structural (inner) model

# `structural`: the structural statements, column by column.
build_inner_model <- function(structural, outer) {
  constructs <- names(outer$blocks)
  k <- length(constructs)
  lhs <- structural$lhs
  rhs <- structural$rhs
  lines <- structural$line
  # the first statement naming something that is not a construct
  named <- Map(c, lhs, rhs)
  unknown <- is.na(match(unlist(named, use.names = FALSE), constructs))
  bad_name <- rep.int(seq_along(lines), lengths(named))[unknown][1L]
  # paths, in the order "for each outcome, for each predictor"
  before <- if (is.na(bad_name)) seq_along(lines) else seq_len(bad_name - 1L)
  each <- lengths(lhs[before]) * lengths(rhs[before])
  statement <- rep.int(before, each)
  predictor <- unlist(Map(rep, rhs[before], times = lengths(lhs[before])), use.names = FALSE)
  outcome <- unlist(Map(rep, lhs[before], each = lengths(rhs[before])), use.names = FALSE)
  from <- match(predictor, constructs)
  to <- match(outcome, constructs)
  key <- from + (to - 1) * k
  first <- match(key, key)
  bad_path <- which(from == to | first != seq_along(key))[1L]
  if (!is.na(bad_path)) {
    check_new_path(parsed_at(structural, statement[bad_path]), predictor[bad_path],
                   outcome[bad_path], lines[statement[first[bad_path]]])
  }
  if (!is.na(bad_name)) {
    s <- parsed_at(structural, bad_name)
    for (name in c(s$lhs, s$rhs)) check_structural_name(s, name, outer)
  }
  paths <- matrix(0L, k, k, dimnames = list(constructs, constructs))
  paths[cbind(from, to)] <- 1L
  check_has_paths(paths, syntax_error)
  path_lines <- function(i, j) lines[statement[match(i + (j - 1) * k, key)]]
  list(paths = paths, lines = path_lines)
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

# `first`: the line on which the path was first given (here a duplicate).
check_new_path <- function(statement, predictor, outcome, first) {
  if (predictor == outcome) {
    statement_error(statement, "self-loop ",
                    quote_token(paste(outcome, "~", predictor)),
                    ": a construct cannot predict itself, in ",
                    quote_token(statement$text), ".")
  }
  statement_error(statement, "path ", predictor, " -> ", outcome,
                  " is specified twice (first on line ", first, ").")
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
              length(x$constructs), length(setdiff(x$indicators, x$hoc$dimension)), sum(x$inner)))
  cat("\nConstructs:\n")
  label <- ifelse(x$modes == "A", "reflective (Mode A)", "composite (Mode B)")
  label[is_interaction(x)] <- "product term (Mode A)"
  label[is_hoc(x)] <- ifelse(x$modes[is_hoc(x)] == "A", "higher-order, reflective (Mode A)",
                             "higher-order, composite (Mode B)")
  indicators <- vapply(x$blocks, paste, character(1), collapse = ", ")
  lead <- paste0("  ", format(x$constructs), "  ", format(label), "  ")
  for (i in seq_along(lead)) cat_hanging(lead[i], indicators[i])
  cat("\nStructural paths:\n")
  rows <- x$interactions
  for (outcome in model_endogenous(x)) {
    predictors <- x$constructs[x$inner[, outcome] == 1L]
    # a parsed model keeps its interaction terms apart from the constructs
    predictors <- union(predictors, rows$term[rows$outcome == outcome])
    cat_hanging(paste0("  ", outcome, " <- "), paste(predictors, collapse = ", "))
  }
  if (length(rows$term)) {
    cat("\n")
    cat_wrapped("Interaction terms: ", paste(unique(rows$term), collapse = ", "),
                if (!is.null(x$interaction_method)) paste0(" (", gsub("_", "-", x$interaction_method), " approach)"))
  }
  invisible(x)
}
