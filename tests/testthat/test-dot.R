test_that("as_dot() writes the diagram as Graphviz DOT with the plot's shapes and labels", {
  fit <- diagram_fixture("study")
  dot <- as_dot(fit)
  expect_s3_class(dot, "pls_dot")
  expect_type(dot, "character")
  expect_length(dot, 1)
  lines <- strsplit(dot, "\n", fixed = TRUE)[[1]]
  expect_true(any(grepl("^digraph pls \\{", lines)))
  expect_equal(lines[length(lines)], "}")
  expect_match(dot, "\"RIG\" [shape = hexagon", fixed = TRUE)
  expect_match(dot, "\"CTM\" [shape = ellipse", fixed = TRUE)
  expect_match(dot, "\"ttm1\" [shape = box", fixed = TRUE)
  expect_match(dot, sprintf("label = \"CTM\\nR&sup2; = %s\"", format_estimate(fit$r2[["CTM"]], 2)), fixed = TRUE)
  # negative estimates are dashed and red
  gad_ctm <- grep("\"GAD\" -> \"CTM\"", lines, value = TRUE)
  expect_match(gad_ctm, "style = dashed")
  expect_match(gad_ctm, "color = \"#B2182B\"", fixed = TRUE)
  expect_false(grepl("dashed", grep("\"TTM\" -> \"CTM\"", lines, value = TRUE)))
  # reflective indicators left of an exogenous construct: written first, arrow turned back
  expect_true(any(grepl("\"ttm1\" -> \"TTM\" [label = \"0.", lines, fixed = TRUE) & grepl("dir = back", lines)))
  # composite: arrows into the construct; outcome indicators to the right
  expect_true(any(grepl("\"rig1\" -> \"RIG\"", lines, fixed = TRUE)))
  expect_true(any(grepl("\"PIA\" -> \"pia1\"", lines, fixed = TRUE)))
  # layers as ranks, with the indicators of middle constructs in their rank
  expect_true(any(grepl("rank = same; \"TTM\"; \"IC\"; \"QEA\"; \"GAD\";", lines, fixed = TRUE)))
  expect_true(any(grepl("rank = same; \"CTM\"; \"ctm1\"", lines, fixed = TRUE)))
  expect_false(grepl("pos =", dot, fixed = TRUE))
  expect_output(print(dot), "digraph pls")
  file <- file.path(tempdir(), "study.dot")
  writeLines(dot, file)
  expect_equal(paste(readLines(file), collapse = "\n"), as.character(dot))
})

test_that("as_dot() quotes names and labels, takes custom labels and can pin the layout", {
  fit <- diagram_fixture("two")
  dot <- as_dot(fit, node_labels = c(Outcome = "The \"final\" outcome"), labels = c("Antecedent -> Outcome" = "-0.36***"),
                positions = TRUE, indicators = FALSE)
  expect_match(dot, "label = \"The \\\"final\\\"\\noutcome\\nR&sup2;", fixed = TRUE)
  expect_match(dot, "\"Antecedent\" -> \"Outcome\" [label = \"-0.36***\"", fixed = TRUE)
  expect_match(dot, "pos = \"[0-9.]+,[0-9.]+!\", width = [0-9.]+, height = [0-9.]+, fixedsize = true")
  expect_match(dot, "splines = false", fixed = TRUE)
  expect_false(grepl("x1", dot, fixed = TRUE))
  model_dot <- as_dot(parse_model(ecsi_syntax))
  expect_false(grepl("label = \"0", model_dot, fixed = TRUE))
  # an arrow without attributes has no attribute list
  expect_match(model_dot, "\"Image\" -> \"Expectation\";", fixed = TRUE)
  expect_false(grepl("[ = ]", model_dot, fixed = TRUE))
  expect_false(grepl("R&sup2;", model_dot, fixed = TRUE))
  expect_equal(dot_quote("a\\b\"c\nd"), "\"a\\\\b\\\"c\\nd\"")
})

test_that("as_dot() draws higher-order constructs with arrows to (or from) their dimensions", {
  fit <- diagram_fixture("hoc")
  dot <- as_dot(fit)
  lines <- strsplit(dot, "\n", fixed = TRUE)[[1]]
  loading <- format_estimate(fit$outer_loadings["COMP", "REP"], 2)
  expect_match(dot, sprintf("\"REP\" -> \"COMP\" [label = \"%s\", fontsize = 7];", loading), fixed = TRUE)
  expect_true(any(grepl("\"COMP\" -> \"comp_1\"", lines, fixed = TRUE)))
  # the dimensions are constructs, not boxes; REP has no boxes
  expect_match(dot, "\"COMP\" [shape = ellipse", fixed = TRUE)
  expect_false(grepl("\"COMP\" [shape = box", dot, fixed = TRUE))
  expect_false(any(grepl("-> \"REP\" [label = \"0.[0-9]+\", fontsize = 7", lines)))
  expect_true(any(grepl("higher-order constructs", lines, fixed = TRUE)))
  # dimensions above and below REP share its rank
  expect_true(any(grepl("rank = same; \"COMP\"; \"LIKE\"; \"REP\";", lines, fixed = TRUE)))

  formative <- as_dot(diagram_fixture("hoc_formative"))
  expect_match(formative, "\"COMP\" -> \"REP\" [label = \"", fixed = TRUE)
  model_dot <- as_dot(parse_model(corp_rep_hoc_syntax()))
  expect_match(model_dot, "\"REP\" -> \"LIKE\" [fontsize = 7];", fixed = TRUE)

  # dimensions left of an exogenous HOC: written first, the arrow turned back
  ends <- strsplit(as_dot(diagram_fixture("hoc_ends")), "\n", fixed = TRUE)[[1]]
  expect_true(any(grepl("\"EXPE\" -> \"PQ\" [label = \"[0-9.]+\", fontsize = 7, dir = back\\]", ends)))
  # ... and right of a final formative HOC: the HOC first, turned back too
  expect_true(any(grepl("\"LOY\" -> \"LOYAL\" [label = \"[0-9.]+\", fontsize = 7, dir = back\\]", ends)))
  expect_true(any(grepl("\"VAL\" -> \"SAT\" [label = \"[0-9.]+\"\\];", ends)))
})
