test_that("fit and flag arguments are checked", {
  expect_error(check_pls_fit(list(), "fit"), "pls_fit")
  expect_silent(check_pls_fit(fit_tight("mobi")))
  expect_error(check_flag(c(TRUE, FALSE), "composites"), "composites")
  expect_error(check_flag("TRUE", "composites"), "composites")
})

test_that("assessed constructs are the Mode A ones unless composites are asked for", {
  model <- parse_model(corp_rep_syntax)
  expect_equal(assessed_constructs(model, FALSE), c("COMP", "LIKE", "CUSA", "CUSL"))
  expect_equal(assessed_constructs(model, TRUE), model$constructs)
  expect_equal(unname(indicator_construct(model)[c("qual_1", "cusa")]), c("QUAL", "CUSA"))
})

test_that("VIFs and R^2 come from the correlation matrix", {
  fit <- fit_tight("mobi")
  scores <- as.data.frame(fit$scores)
  R <- fit$construct_cor
  model <- stats::lm(Satisfaction ~ Image + Quality + Value, data = scores)
  expect_equal(r2_from_cor(R, "Satisfaction", c("Image", "Quality", "Value")), summary(model)$r.squared)
  expect_equal(r2_from_cor(R, "Satisfaction", character()), 0)
  r2_image <- summary(stats::lm(Image ~ Quality + Value, data = scores))$r.squared
  expect_equal(vif_from_cor(R[c("Image", "Quality", "Value"), c("Image", "Quality", "Value")])[["Image"]],
               1 / (1 - r2_image))
  expect_equal(vif_from_cor(R["Image", "Image", drop = FALSE]), c(Image = 1))
})

test_that("VIFs of exactly collinear variables are infinite", {
  R <- matrix(1, 2, 2, dimnames = list(c("a", "b"), c("a", "b")))
  expect_equal(vif_from_cor(R), c(a = Inf, b = Inf))
})


test_that("pair tables list each unordered pair once, in lower-triangle order", {
  m <- matrix(1:9, 3, 3, dimnames = list(c("a", "b", "c"), c("a", "b", "c")))
  table <- pair_table(c("a", "b", "c"), value = m)
  expect_equal(paste(table$construct_1, table$construct_2), c("a b", "a c", "b c"))
  expect_equal(table$value, c(m["b", "a"], m["c", "a"], m["c", "b"]))
  expect_equal(nrow(pair_table("a", value = m[1, 1, drop = FALSE])), 0)
})
