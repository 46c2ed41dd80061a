test_that("the core model has the five factors predicting CTM", {
  model <- parse_model(iec_model())
  expect_identical(iec_model(), iec_model("core"))
  expect_equal(model$constructs, c("TTM", "IC", "QEA", "GAD", "RIG", "CTM"))
  expect_true(all(model$modes == "A"))
  expect_equal(sum(model$inner), 5)
  expect_equal(names(which(model$inner[, "CTM"] == 1)), c("TTM", "IC", "QEA", "GAD", "RIG"))
})

test_that("the extended model adds the outcomes and GAD -> RIG", {
  model <- parse_model(iec_model("extended"))
  expect_equal(model$constructs, c("TTM", "IC", "QEA", "GAD", "RIG", "CTM", "PIA", "CDA"))
  expect_equal(sum(model$inner), 8)
  expect_equal(model$inner["GAD", "RIG"], 1L)
  expect_equal(model$inner["CTM", c("PIA", "CDA")], c(PIA = 1L, CDA = 1L))
  # the same paths as the population model
  expect_equal(model$inner != 0, iec_population()$paths != 0)
})

test_that("the moderated model is the extended model plus GAD:RIG -> CTM", {
  model <- parse_model(iec_model("moderated"))
  extended <- parse_model(iec_model("extended"))
  expect_equal(model$constructs, extended$constructs)
  expect_equal(model$inner, extended$inner)
  expect_equal(model$interactions[c("term", "a", "b", "outcome")],
               data.frame(term = "GAD:RIG", a = "GAD", b = "RIG", outcome = "CTM", stringsAsFactors = FALSE))
  # the interaction of the moderated population
  interaction <- iec_population(moderated = TRUE)$interactions
  expect_equal(c(interaction$from, interaction$moderator, interaction$to), c("GAD", "RIG", "CTM"))
  fit <- pls(iec_model("moderated"), data = iec_survey, missing = "mean")
  expect_equal(fit$model$constructs, c(extended$constructs, "GAD:RIG"))
  expect_equal(names(which(fit$model$inner[, "CTM"] == 1)), c("TTM", "IC", "QEA", "GAD", "RIG", "GAD:RIG"))
})

test_that("iec_model() rejects unknown types", {
  expect_error(iec_model("full"), "`type` must be one of", class = "iecpls_input_error")
  expect_error(iec_model(2), "`type` must be one of", class = "iecpls_input_error")
})

test_that("the second-order model makes the five factors the dimensions of COND, which predicts CTM", {
  model <- parse_model(iec_model("hoc"))
  expect_identical(model$hoc$hoc, rep("COND", 5))
  expect_identical(model$hoc$dimension, c("TTM", "IC", "QEA", "GAD", "RIG"))
  expect_identical(model$hoc$op, rep("<~", 5))
  expect_identical(unname(model$modes["COND"]), "B")
  extended <- parse_model(iec_model("extended"))
  expect_identical(model$blocks[extended$constructs], extended$blocks)
  paths <- which(model$inner != 0, arr.ind = TRUE)
  expect_setequal(paste(model$constructs[paths[, 1]], model$constructs[paths[, 2]]),
                  c("COND CTM", "CTM PIA", "CTM CDA"))
  fit <- pls(iec_model("hoc"), data = iec_survey, missing = "mean")
  expect_identical(names(fit$r2), c("CTM", "PIA", "CDA"))
  # the weights of the five factors carry what their paths to CTM carry in the extended model
  extended_fit <- pls(iec_model("extended"), data = iec_survey, missing = "mean")
  expect_identical(names(sort(fit$outer_weights[model$hoc$dimension, "COND"], decreasing = TRUE))[1],
                   names(sort(extended_fit$path_coef[model$hoc$dimension, "CTM"], decreasing = TRUE))[1])
})
