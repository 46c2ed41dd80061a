# Tests for the lavaan-style model syntax parser (R/syntax.R).

full_model_syntax <- paste(
  "# Industry-education integration model",                       # 1
  "",                                                              # 2
  "TTM =~ ttm1 + ttm2 + ttm3 + ttm4      # reflective",            # 3
  "RIG <~ rig1 + rig2 +",                                          # 4
  "       rig3                           # composite, continued",  # 5
  "IC  =~ ic1",                                                    # 6
  "     + ic2    # continuation line starting with '+'",           # 7
  "   # a comment-only line",                                      # 8
  "CTM =~ ctm1; PIA =~ pia1 + pia2",                               # 9
  "CDA =~ cda1",                                                   # 10
  "TTM =~ ttm5                           # merged into TTM",       # 11
  "",                                                              # 12
  "CTM ~ TTM + IC + RIG",                                          # 13
  "PIA + CDA ~ CTM",                                               # 14
  sep = "\n"
)

test_that("a full model with comments, ';' and continuations is parsed", {
  m <- parse_model(full_model_syntax)
  expect_s3_class(m, "pls_model")
  expect_named(m, c("constructs", "blocks", "modes", "inner", "indicators",
                    "syntax"))
  expect_identical(m$constructs, c("TTM", "RIG", "IC", "CTM", "PIA", "CDA"))
  expect_identical(m$blocks, list(
    TTM = c("ttm1", "ttm2", "ttm3", "ttm4", "ttm5"),
    RIG = c("rig1", "rig2", "rig3"),
    IC = c("ic1", "ic2"),
    CTM = "ctm1",
    PIA = c("pia1", "pia2"),
    CDA = "cda1"
  ))
  expect_identical(m$modes, c(TTM = "A", RIG = "B", IC = "A", CTM = "A",
                              PIA = "A", CDA = "A"))
  expect_identical(m$indicators, unlist(m$blocks, use.names = FALSE))
  expect_identical(m$syntax, full_model_syntax)
})

test_that("the inner matrix has predictors in rows and outcomes in columns", {
  m <- parse_model(full_model_syntax)
  expected <- matrix(0L, 6, 6, dimnames = list(m$constructs, m$constructs))
  expected[c("TTM", "IC", "RIG"), "CTM"] <- 1L
  expected["CTM", c("PIA", "CDA")] <- 1L
  expect_identical(m$inner, expected)
  expect_type(m$inner, "integer")
  expect_identical(model_endogenous(m), c("CTM", "PIA", "CDA"))
  expect_true(is_pls_model(m))
  expect_false(is_pls_model(unclass(m)))
})

test_that("single-indicator constructs and mode assignment work", {
  m <- parse_model("X <~ x1\nY =~ y1\nY ~ X")
  expect_identical(m$blocks, list(X = "x1", Y = "y1"))
  expect_identical(m$modes, c(X = "B", Y = "A"))
  expect_identical(m$inner["X", "Y"], 1L)
  expect_identical(m$inner["Y", "X"], 0L)
})

test_that("repeated '=~' and '<~' statements are concatenated", {
  m <- parse_model("A =~ a1 + a2\nB <~ b1\nA =~ a3\nB <~ b2 + b3\nB ~ A")
  expect_identical(m$blocks$A, c("a1", "a2", "a3"))
  expect_identical(m$blocks$B, c("b1", "b2", "b3"))
  expect_identical(m$constructs, c("A", "B"))
  expect_identical(m$modes, c(A = "A", B = "B"))
})

test_that("construct order follows first measurement statement", {
  m <- parse_model("Y ~ X\nY =~ y\nX =~ x")
  expect_identical(m$constructs, c("Y", "X"))
  expect_identical(m$inner["X", "Y"], 1L)
})

test_that("character vectors, CRLF and odd spacing are accepted", {
  m <- parse_model(c("A =~ a1 +", "  a2", "B =~ b", "B ~ A"))
  expect_identical(m$blocks$A, c("a1", "a2"))
  expect_identical(m$syntax, "A =~ a1 +\n  a2\nB =~ b\nB ~ A")

  m2 <- parse_model("A=~a1+a2\r\nB<~b.1+b_2;;\r\n\tB~A  ")
  expect_identical(m2$blocks, list(A = c("a1", "a2"), B = c("b.1", "b_2")))
  expect_identical(m2$modes, c(A = "A", B = "B"))
})

test_that("the print method summarises constructs and paths", {
  m <- parse_model(full_model_syntax)
  out <- capture.output(res <- print(m))
  expect_identical(res, m)
  expect_output(print(m), "6 constructs, 14 indicators, 5 structural paths")
  expect_output(print(m), "TTM +reflective \\(Mode A\\) +ttm1, ttm2, ttm3, ttm4, ttm5")
  expect_output(print(m), "RIG +composite \\(Mode B\\) +rig1, rig2, rig3")
  expect_output(print(m), "CTM <- TTM, RIG, IC")
  expect_output(print(m), "PIA <- CTM")
  expect_output(print(m), "CDA <- CTM")
  expect_output(expect_invisible(print(m)))
})

# --- errors: operators and tokens --------------------------------------------

test_that("unknown operators are errors naming the line and the operator", {
  base <- "A =~ a\nB =~ b\n"
  expect_error(parse_model(paste0(base, "A ~~ B")),
               'Line 3: unknown operator "~~" in "A ~~ B"', fixed = TRUE)
  for (op in c(":=", "==", "<-", "=", "~*~", "->", "=~~")) {
    expect_error(parse_model(paste0(base, "A ", op, " B")),
                 paste0('Line 3: unknown operator "', op, '"'), fixed = TRUE)
  }
  expect_error(parse_model(paste0(base, "A + B")),
               "Line 3: unknown operator: no", fixed = TRUE)
  expect_error(parse_model(paste0(base, "A =~ b ~ B")),
               'Line 3: unknown operator: more than one operator ("=~", "~")',
               fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b; A ~ B; A <- B"),
               'Line 2: unknown operator "<-"', fixed = TRUE)
})

test_that("error line numbers count blank lines, comments and continuations", {
  txt <- "\n# comment\nA =~ a1 +\n  a2\n\nB =~ b\nB ~~ A # bad"
  expect_error(parse_model(txt), 'Line 7: unknown operator "~~"',
               fixed = TRUE)
  # an error in a continued statement names the line where it starts
  expect_error(parse_model("A =~ a\nB =~ b1 +\n b2 + 2b\nB ~ A"),
               'Line 2: invalid name "2b"', fixed = TRUE)
})

test_that("premultipliers and labels are rejected with the token", {
  expect_error(parse_model("A =~ 0.5*a1 + a2\nB =~ b\nB ~ A"),
               'Line 1: premultiplier "0.5*a1" is not supported', fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ lab*A"),
               'Line 3: premultiplier "lab*A"', fixed = TRUE)
})

test_that("invalid names and empty terms are errors", {
  expect_error(parse_model("A =~ 1a\nB =~ b\nB ~ A"),
               'Line 1: invalid name "1a"', fixed = TRUE)
  expect_error(parse_model("A =~ a b\nB =~ b\nB ~ A"),
               'Line 1: invalid name "a b"', fixed = TRUE)
  expect_error(parse_model("A =~ `a`\nB =~ b\nB ~ A"),
               'Line 1: invalid name "`a`"', fixed = TRUE)
  expect_error(parse_model("A =~ a + + c\nB =~ b\nB ~ A"),
               "Line 1: missing name", fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ A + + C"),
               "Line 3: missing name", fixed = TRUE)
  expect_error(parse_model("A =~\nB =~ b\nB ~ A"),
               "Line 1: missing name", fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ + b\nB ~ A"), "Line 2: missing name",
               fixed = TRUE)
  expect_error(parse_model("A + B =~ a\nB ~ A"),
               'Line 1: only one construct may be defined per "=~" statement',
               fixed = TRUE)
})

# --- errors: measurement model -------------------------------------------------

test_that("a construct defined with two operators is an error", {
  expect_error(parse_model("A =~ a1\nB =~ b\nA <~ a2\nB ~ A"),
               'Line 3: construct "A" is defined with "<~" but was defined with "=~" on line 1',
               fixed = TRUE)
})

test_that("duplicate indicators are errors naming indicator and constructs", {
  expect_error(parse_model("A =~ a1 + a1\nB =~ b\nB ~ A"),
               'Line 1: indicator "a1" is listed twice for construct "A"',
               fixed = TRUE)
  expect_error(parse_model("A =~ a1\nB =~ b\nA =~ a1\nB ~ A"),
               'Line 3: indicator "a1" is listed twice for construct "A" (first on line 1)',
               fixed = TRUE)
  expect_error(parse_model("A =~ a1 + x\nB <~ b + x\nB ~ A"),
               'Line 2: indicator "x" of construct "B" is already used by construct "A" (line 1)',
               fixed = TRUE)
})

test_that("an indicator may not share a name with a construct", {
  expect_error(parse_model("A =~ A\nB =~ b\nB ~ A"),
               'Line 1: indicator "A" has the same name as construct "A"',
               fixed = TRUE)
})

test_that("a construct measured by constructs is higher-order; misuse is named", {
  model <- parse_model("HOC =~ LOC1 + LOC2\nLOC1 =~ a1 + a2\nLOC2 <~ b1 + b2\nY =~ y\nY ~ HOC")
  expect_identical(model$hoc$hoc, c("HOC", "HOC"))
  expect_identical(model$hoc$dimension, c("LOC1", "LOC2"))
  expect_identical(model$hoc$op, c("=~", "=~"))
  expect_identical(model$hoc$line, c(1L, 1L))
  expect_identical(unname(model$modes), c("A", "A", "B", "A"))
  expect_error(parse_model("A =~ a\nB =~ b + A\nC =~ c\nC ~ B"),
               'Line 2: the block of "B" mixes constructs ("A") and indicators ("b")',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a1\nB =~ b1\nH =~ A + B\nT =~ H + C\nC =~ c1\nD =~ d1\nY =~ y\nY ~ T"),
               'Line 4: "H" is itself a higher-order construct; third-order constructs',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a1\nH =~ A\nY =~ y\nY ~ H"),
               'Line 2: higher-order construct "H" has one dimension ("A")',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a1\nB =~ b1\nH =~ A + B\nY =~ y\nY ~ H + A"),
               'Line 5: "A" is a dimension of the higher-order construct "H" (line 3)',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a1\nB =~ b1\nH =~ A + B\nX =~ x\nY =~ y\nY ~ X"),
               'Line 3: higher-order construct "H" has no structural paths',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a1\nB =~ b1\nH =~ A + B\nG <~ A + B\nY =~ y\nY ~ H + G"),
               'indicator "A" of construct "G" is already used by construct "H"',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a1\nB =~ b1\nH =~ A + B\nX =~ x\nY =~ y\nY ~ H + X + H:X"),
               'interaction terms in a model with higher-order constructs are not supported yet',
               fixed = TRUE, class = "iecpls_syntax_error")
})

test_that("interaction terms are parsed, and misuse is named", {
  base <- "X =~ x1 + x2\nM =~ m1 + m2\nY =~ y1\nZ =~ z1\n"
  model <- parse_model(paste0(base, "Y ~ X + M + X : M\nZ ~ Y + M + X + M:X + X:X"))
  expect_identical(model$constructs, c("X", "M", "Y", "Z"))
  expect_identical(model$interactions$term, c("X:M", "X:M", "X:X"))
  expect_identical(model$interactions$outcome, c("Y", "Z", "Z"))
  expect_identical(model$interactions$line, c(5L, 6L, 6L))
  expect_identical(sum(model$inner), 5L)
  base <- "X =~ x1 + x2\nM =~ m1 + m2\nY =~ y1\nZ =~ z1\nZ ~ Y\n"
  err <- function(text, message) {
    expect_error(parse_model(paste0(base, text)), message, fixed = TRUE, class = "iecpls_syntax_error")
  }
  err("Y ~ X + M + X * M", 'Line 6: write the interaction "X * M" as "X + M + X:M"')
  err("Y ~ X + M + X:M:Z", 'interaction "X:M:Z" has order 3')
  err("Y ~ X + X:M", 'Line 6: interaction "X:M" on "Y" needs the main effect of its constituents; add "Y ~ M"')
  err("Y ~ X:M", 'needs the main effects of its constituents; add "Y ~ X + M"')
  err("Y ~ X + M + X:Q", 'construct "Q" has no indicators')
  err("Y ~ X + M + X:x1", '"x1" is an indicator, not a construct')
  err("X:M ~ Y", 'Line 6: an interaction cannot be an outcome')
  err("Y ~ X + M + X:M + M:X", 'interaction X:M -> Y is specified twice (first on line 6)')
  err("M ~ X + M:X", 'construct "M" cannot be predicted by its own interaction "M:X"')
  err("Y ~ X + M + X:1", 'invalid name "1" in the interaction "X:1"')
  # a product with a name that is not a construct stays a premultiplier (label)
  err("Y ~ lab*X + M", 'Line 6: premultiplier "lab*X" is not supported')
  # ":" stays an unknown operator elsewhere
  expect_error(parse_model("X =~ x1 : x2\nY =~ y\nY ~ X"), "unknown operator", class = "iecpls_syntax_error")
  expect_error(parse_model("X =~ x\nY =~ y\nY ~ X\nX := Y"), "unknown operator", class = "iecpls_syntax_error")
})

test_that("a stray '+' is pointed at by line and column", {
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ A +"),
               'Line 3, column 7: stray "+" at the end of the model in "B ~ A +"',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ A +  # done\n\n"),
               'Line 3, column 7: stray "+" at the end of the model', fixed = TRUE)
  # a '+' ending a statement joins it to the next one
  expect_error(parse_model("A =~ a1 +\n  a2 +\nB =~ b\nB ~ A"),
               'Line 2, column 6: stray "+" joins "A =~ a1 + a2 +" to the next statement "B =~ b" (line 3)',
               fixed = TRUE, class = "iecpls_syntax_error")
  expect_error(parse_model("A =~ a\nB =~ b; C =~ c +; B ~ A\nC ~ B"),
               'Line 2, column 16: stray "+" joins "C =~ c +" to the next statement "B ~ A" (line 2)',
               fixed = TRUE)
  # so does a '+' starting a line
  expect_error(parse_model("A =~ a\nB =~ b\n  + C =~ c\nB ~ A\nC ~ B"),
               'Line 3, column 3: stray "+" at the start of "+ C =~ c" joins it to the statement before, "B =~ b" (line 2)',
               fixed = TRUE)
})

test_that("Unicode spaces are white space; other characters are named by code point", {
  spaces <- c("\ufeff", "\u00a0", "\u200b", "\u2009", "\u3000")
  for (space in spaces) {
    m <- parse_model(paste0(space, "A =~", space, "a1 + a2", space, "\nB =~ b\nB ~", space, "A"))
    expect_identical(m$blocks, list(A = c("a1", "a2"), B = "b"), info = sprintf("U+%04X", utf8ToInt(space)))
  }
  # a byte order mark at the start of a file read as text
  m <- parse_model(c("\ufeffA =~ a", "B =~ b", "B ~ A"))
  expect_identical(m$constructs, c("A", "B"))
  expect_identical(m$syntax, "\ufeffA =~ a\nB =~ b\nB ~ A")
  # columns count a replaced character as one
  expect_error(parse_model("A =~ a\nB =~ b\n\u00a0B ~ A +"),
               "Line 3, column 8: stray", fixed = TRUE)
  expect_error(parse_model("A =~ a\u00e9\nB =~ b\nB ~ A"),
               'invalid name "a\u00e9" in "A =~ a\u00e9". Names start with a letter or "." and contain only letters, digits, "." and "_" (it contains the character U+00E9).',
               fixed = TRUE)
  expect_error(parse_model("A =~ a\u2011b\nB =~ b\nB ~ A"), "(it contains the character U+2011)", fixed = TRUE)
})

# --- errors: structural model ----------------------------------------------------

test_that("constructs without indicators are errors", {
  expect_error(parse_model("A =~ a\nB =~ b\n\nB ~ A + C"),
               'Line 4: construct "C" has no indicators.*"C =~ indicator"')
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ a"),
               'Line 3: "a" is an indicator, not a construct', fixed = TRUE)
})

test_that("duplicate paths and self-loops are errors", {
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ A\nB ~ A"),
               "Line 4: path A -> B is specified twice (first on line 3)",
               fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ A + A"),
               "Line 3: path A -> B is specified twice", fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ A\nA + B ~ A"),
               'Line 4: self-loop "A ~ A"', fixed = TRUE)
})

test_that("non-recursive models are errors listing the cycle in order", {
  txt <- "A =~ a\nB =~ b\nC =~ c\nD =~ d\nB ~ A\nC ~ B\nD ~ C\nB ~ D"
  expect_error(parse_model(txt),
               "not recursive: cycle B -> C -> D -> B (paths on lines 6, 7, 8)",
               fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b\nB ~ A\nA ~ B"),
               "not recursive: cycle A -> B -> A", fixed = TRUE)
})

test_that("unconnected constructs and missing paths are errors", {
  expect_error(parse_model("A =~ a\nB =~ b\nC =~ c\nB ~ A"),
               'Construct "C" (defined on line 3) is not connected',
               fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b\nC =~ c\nD =~ d\nB ~ A"),
               'Constructs "C", "D" (defined on lines 3, 4) are not connected',
               fixed = TRUE)
  expect_error(parse_model("A =~ a\nB =~ b"), "no structural paths",
               fixed = TRUE)
})

test_that("empty or invalid input is an error", {
  expect_error(parse_model(""), "The model syntax is empty", fixed = TRUE)
  expect_error(parse_model("# only a comment\n\n  ;  "),
               "The model syntax is empty", fixed = TRUE)
  expect_error(parse_model(character()), "must be a character string")
  expect_error(parse_model(NA_character_), "must not contain NA")
  expect_error(parse_model(42), "must be a character string")
  expect_error(parse_model(list("A =~ a")), "must be a character string")
  bad <- "A =~ a\xff"
  Encoding(bad) <- "bytes"
  expect_error(parse_model(bad), "not valid UTF-8", fixed = TRUE)
  latin <- "# caf\xe9\nA =~ a\nB =~ b\nB ~ A"
  Encoding(latin) <- "latin1"
  expect_s3_class(parse_model(latin), "pls_model")
  expect_s3_class(parse_model("# caf\u00e9\nA =~ a\nB =~ b\nB ~ A"),
                  "pls_model")
})

test_that("errors are classed conditions without a call", {
  err <- tryCatch(parse_model("A ~~ B"), error = identity)
  expect_s3_class(err, "iecpls_syntax_error")
  expect_null(conditionCall(err))
})

# --- large models ------------------------------------------------------------

test_that("a 1,000-construct chain is parsed and its cycle found without deep recursion", {
  m <- parse_model(chain_syntax(1000, 1))
  expect_identical(sum(m$inner), 999L)
  expect_identical(m$inner["C999", "C1000"], 1L)
  cyclic <- paste(chain_syntax(1000, 1), "C1 ~ C1000", sep = "\n")
  err <- expect_error(parse_model(cyclic), class = "iecpls_syntax_error")
  expect_match(conditionMessage(err), "not recursive: cycle C1 -> C2 -> C3 -> ", fixed = TRUE)
  expect_match(conditionMessage(err), "C999 -> C1000 -> C1 (paths on lines 1001, ", fixed = TRUE)
  expect_match(conditionMessage(err), ", 1999, 2000).", fixed = TRUE)
})

test_that("a 5,000-construct chain is parsed", {
  # two 5,000 x 5,000 matrices: skipped where memory and time are rationed
  skip_on_cran()
  m <- parse_model(chain_syntax(5000, 2))
  expect_identical(sum(m$inner), 4999L)
  expect_length(m$indicators, 10000L)
  expect_identical(m$blocks$C5000, c("x5000_1", "x5000_2"))
  expect_error(parse_model(paste(chain_syntax(5000, 1), "C2 ~ C5000", sep = "\n")),
               "not recursive: cycle C2 -> C3 -> ", class = "iecpls_syntax_error")
})

# --- the text is never evaluated ---------------------------------------------

test_that("the parser never evaluates the model text", {
  flag <- tempfile("iecpls-syntax-")
  on.exit(unlink(flag), add = TRUE)
  cmd <- paste0('system("touch ', flag, '")')
  attempts <- c(
    cmd,
    paste0("A =~ ", cmd, "\nB =~ b\nB ~ A"),
    paste0("A =~ a\nB =~ b\nB ~ A; ", cmd),
    paste0("A =~ a\nB =~ b\nB ~ A + ", cmd),
    paste0("file.create('", flag, "') ~ A")
  )
  for (txt in attempts) {
    err <- tryCatch(parse_model(txt), error = identity)
    expect_s3_class(err, "iecpls_syntax_error")
    expect_match(conditionMessage(err), "^Line [0-9]+: ")
  }
  expect_false(file.exists(flag))
  expect_error(parse_model('A =~ a\nB =~ b\nB ~ A\nstop("boom")'),
               'Line 4: unknown operator: no .* in "stop\\("boom"\\)"')
  expect_error(parse_model('A =~ stop("boom")\nB =~ b\nB ~ A'),
               'Line 1: invalid name "stop("boom")"', fixed = TRUE)
})

test_that("the parser code does not call parse() or eval()", {
  parser_functions <- c(
    "parse_model", "syntax_text", "code_segments", "split_statements",
    "parse_statement", "find_operator", "parse_terms", "check_term",
    "build_outer_model", "build_inner_model", "check_structural_name"
  )
  forbidden <- c("parse", "eval", "evalq", "str2lang", "str2expression",
                 "source", "sys.source", "do.call", "match.fun", "get")
  for (name in parser_functions) {
    fun <- get(name, mode = "function")
    used <- all.names(body(fun))
    expect_false(any(forbidden %in% used), info = name)
  }
})

# --- fuzz -------------------------------------------------------------------

fuzz_pool <- c(
  "A", "B", "x1", "0.5", "*", "+", "+", "~", "=~", "<~", "~~", ":=", "<-",
  "=", "#", ";", "\n", "\n", " ", "\t", "(", ")", "\"", "'", "`", "\\",
  ".", "_", "NA", "{", "}", "system(\"true\")", "\u00e9", "\u00a0", ",",
  "TTM", "CTM", "ttm1", "rig1"
)

fuzz_mutate <- function(txt) {
  chars <- strsplit(txt, "")[[1]]
  n <- length(chars)
  kind <- sample(5L, 1L)
  pos <- sample.int(max(n, 1L), 1L)
  if (kind == 1L && n > 0L) {            # delete a few characters
    len <- sample(0:8, 1L)
    chars <- chars[-(pos:min(n, pos + len))]
  } else if (kind == 2L) {               # insert a token
    chars <- append(chars, sample(fuzz_pool, 1L), after = pos)
  } else if (kind == 3L && n > 0L) {     # replace a character
    chars[pos] <- sample(fuzz_pool, 1L)
  } else if (kind == 4L) {               # duplicate or drop a line
    lines <- strsplit(paste(chars, collapse = ""), "\n", fixed = TRUE)[[1]]
    if (length(lines) > 0L) {
      i <- sample.int(length(lines), 1L)
      lines <- if (runif(1) < 0.5) append(lines, lines[i], after = i) else lines[-i]
    }
    return(paste(lines, collapse = "\n"))
  } else {                               # swap two lines
    lines <- strsplit(paste(chars, collapse = ""), "\n", fixed = TRUE)[[1]]
    if (length(lines) > 1L) {
      ij <- sample.int(length(lines), 2L)
      lines[ij] <- lines[rev(ij)]
    }
    return(paste(lines, collapse = "\n"))
  }
  paste(chars, collapse = "")
}

fuzz_case <- function(i) {
  if (i %% 5L == 0L) {
    return(paste(sample(fuzz_pool, sample(1:30, 1L), replace = TRUE),
                 collapse = sample(c("", " "), 1L)))
  }
  txt <- full_model_syntax
  for (k in seq_len(sample(1:4, 1L))) txt <- fuzz_mutate(txt)
  txt
}

# The outcome of one fuzz case: "model", "error", or what is wrong. A model
# must be consistent, an error a classed iecpls_syntax_error without a call,
# and no warning may be given. Checked in plain R and reported once per
# test, so 800 cases take about 1 s (the parser needs about 1 ms each).
fuzz_outcome <- function(txt) {
  warnings <- 0L
  result <- withCallingHandlers(
    tryCatch(parse_model(txt), error = identity),
    warning = function(w) {
      warnings <<- warnings + 1L
      invokeRestart("muffleWarning")
    }
  )
  if (warnings > 0L) return("warning")
  if (inherits(result, "error")) {
    ok <- inherits(result, "iecpls_syntax_error") && is.null(conditionCall(result)) &&
      nzchar(conditionMessage(result))
    return(if (ok) "error" else paste("unclean error:", conditionMessage(result)))
  }
  ok <- inherits(result, "pls_model") &&
    identical(result$indicators, unlist(result$blocks, use.names = FALSE)) &&
    identical(rownames(result$inner), result$constructs) &&
    all(result$modes %in% c("A", "B")) &&
    !inherits(tryCatch(check_pls_model(structure(result, checked = NULL)), error = identity), "error")
  if (ok) "model" else "inconsistent model"
}

test_that("random and mutated syntax gives a model or a clean error", {
  set.seed(20240611)
  cases <- vapply(seq_len(800), fuzz_case, character(1))
  outcomes <- vapply(cases, fuzz_outcome, character(1), USE.NAMES = FALSE)
  bad <- !outcomes %in% c("model", "error")
  expect_identical(sprintf("%s in %s", outcomes[bad], encodeString(cases[bad], quote = "\"")), character())
  # the generator exercises both outcomes
  expect_true(all(c("error", "model") %in% outcomes))
})

test_that("five thousand more fuzz cases give a model or a clean error", {
  # about 5 s: run where time is not rationed (CI sets NOT_CRAN=true)
  skip_on_cran()
  set.seed(20261128)
  cases <- vapply(seq_len(5000), fuzz_case, character(1))
  outcomes <- vapply(cases, fuzz_outcome, character(1), USE.NAMES = FALSE)
  bad <- !outcomes %in% c("model", "error")
  expect_identical(sprintf("%s in %s", outcomes[bad], encodeString(cases[bad], quote = "\"")), character())
})
