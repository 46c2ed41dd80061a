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
