# Tests for the structural checks of pls_model objects (R/model-check.R):
# an object edited after parse_model() is checked again wherever it is used.

chain_model <- function() parse_model(chain_syntax(3, 2))

edited_models <- function() {
  m <- chain_model()
  edits <- list()
  edits$self_loop <- m; edits$self_loop$inner["C1", "C1"] <- 1
  edits$cycle <- m; edits$cycle$inner["C3", "C1"] <- 1L
  edits$two_blocks <- m
  edits$two_blocks$blocks$C2 <- c("x2_1", "x1_2")
  edits$two_blocks$indicators <- unlist(edits$two_blocks$blocks, use.names = FALSE)
  edits$mode <- m; edits$mode$modes[["C2"]] <- "C"
  edits$lengths <- m; edits$lengths$modes <- edits$lengths$modes[1:2]
  edits$names <- m; edits$names$constructs[3] <- "C4"
  edits$weight <- m; edits$weight$inner["C1", "C2"] <- 0.5
  edits$indicators <- m; edits$indicators$indicators <- rev(m$indicators)
  edits$no_paths <- m; edits$no_paths$inner[] <- 0L
  edits$alone <- m; edits$alone$inner["C2", "C3"] <- 0L
  edits$clash <- m
  edits$clash$blocks$C3 <- "C1"
  edits$clash$indicators <- unlist(edits$clash$blocks, use.names = FALSE)
  edits
}

expected_messages <- c(
  self_loop = 'Self-loop "C1 ~ C1": a construct cannot predict itself',
  cycle = "The structural model is not recursive: cycle C1 -> C2 -> C3 -> C1.",
  two_blocks = 'Indicator "x1_2" is in the blocks of both "C1" and "C2"',
  mode = 'Construct "C2" has mode "C"; the mode is "A" (reflective) or "B" (composite).',
  lengths = "Element `modes` must be a character vector with one element per construct",
  names = "Element `blocks` must be a list with one element per construct, named",
  weight = 'Cell `inner["C1", "C2"]` is 0.5; the inner matrix holds 0 (no path) or 1 (a path).',
  indicators = "Element `indicators` must be the indicators of the blocks in block order",
  no_paths = "The model has no structural paths",
  alone = 'Construct "C3" is not connected to any other construct by a structural path.',
  clash = 'Indicator "C1" of construct "C3" has the same name as a construct'
)

test_that("as_pls_model() and pls() check an edited model again", {
  data <- chain_data(60, 3, 2)
  edits <- edited_models()
  expect_setequal(names(edits), names(expected_messages))
  for (what in names(edits)) {
    err <- expect_error(as_pls_model(edits[[what]]), class = "iecpls_model_error", info = what)
    expect_match(conditionMessage(err), "^`model` is not a valid pls_model", info = what)
    expect_match(conditionMessage(err), expected_messages[[what]], fixed = TRUE, info = what)
    expect_null(conditionCall(err))
    expect_error(pls(edits[[what]], data = data), expected_messages[[what]], fixed = TRUE,
                 class = "iecpls_model_error", info = what)
  }
})

test_that("a self-loop is not fitted as a path of 1", {
  m <- chain_model()
  m$inner["C1", "C1"] <- 1L
  expect_error(pls(m, data = chain_data(60, 3, 2)), 'Self-loop "C1 ~ C1"', class = "iecpls_model_error")
})

test_that("an unedited or consistently edited model fits as its syntax does", {
  data <- chain_data(60, 3, 2)
  m <- chain_model()
  expect_identical(as_pls_model(m), m)
  expect_identical(pls(m, data = data)$path_coef, pls(chain_syntax(3, 2), data = data)$path_coef)
  # an added path with 1 (double) is a valid edit
  m$inner["C1", "C3"] <- 1
  fit <- pls(m, data = data)
  expect_identical(fit$path_coef, pls(paste(chain_syntax(3, 2), "C3 ~ C1", sep = "\n"), data = data)$path_coef)
})

test_that("functions taking a fit check the fit's model again", {
  fit <- pls(chain_syntax(3, 2), data = chain_data(60, 3, 2))
  fit$model$inner["C3", "C1"] <- 1L
  msg <- "`fit$model` is not a valid pls_model (was it edited after parse_model()?). The structural model is not recursive"
  expect_error(pls_effects(fit), msg, fixed = TRUE, class = "iecpls_model_error")
  expect_error(summary(fit), msg, fixed = TRUE, class = "iecpls_model_error")
  expect_error(pls_boot(fit, R = 20), msg, fixed = TRUE, class = "iecpls_model_error")
})

test_that("a fit's model edited to no longer match its estimates is an error", {
  fit <- pls(chain_syntax(3, 2), data = chain_data(60, 3, 2))
  dropped <- fit
  dropped$model$inner["C1", "C2"] <- 0L
  dropped$model$inner["C1", "C3"] <- 1L
  expect_error(pls_effects(dropped), "`fit$model` does not match the estimates in `fit`", fixed = TRUE,
               class = "iecpls_model_error")
  renamed <- fit
  renamed$model <- parse_model(gsub("C", "K", chain_syntax(3, 2)))
  expect_error(summary(renamed), "does not match the estimates", class = "iecpls_model_error")
})

test_that("syntax errors are model errors too", {
  err <- expect_error(parse_model("A =~ a\nB =~ b\nB ~ A\nA ~ B"), class = "iecpls_syntax_error")
  expect_s3_class(err, "iecpls_model_error")
})

test_that("a parsed model is checked once; any edit brings the checks back", {
  m <- parse_model(small_ecsi_syntax)
  expect_true(is_checked(m))
  m$syntax <- "edited text only"
  expect_true(is_checked(m))
  m$inner["Loyalty", "Image"] <- 1  # a cycle Image -> Loyalty -> Image
  expect_false(is_checked(m))
  expect_error(pls(m, data = mobi), class = "iecpls_model_error")
  # forging the mark needs the very same parts, so the checks cannot be skipped by accident
  attr(m, "checked")$inner <- m$inner
  expect_true(is_checked(m))
})
