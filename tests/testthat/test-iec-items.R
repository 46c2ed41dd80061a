test_that("the codebook has the documented columns and item counts", {
  expect_s3_class(iec_items, "data.frame")
  expect_named(iec_items, c("item", "construct", "construct_name", "construct_name_zh",
                            "wording_en", "wording_zh", "scale", "scale_zh"))
  counts <- table(factor(iec_items$construct, levels = unique(iec_items$construct)))
  expect_equal(c(counts), c(TTM = 5L, IC = 4L, QEA = 4L, GAD = 4L, RIG = 5L, CTM = 4L, PIA = 3L, CDA = 3L))
  expect_false(anyDuplicated(iec_items$item) > 0)
  expect_false(anyDuplicated(iec_items$wording_en) > 0)
  expect_false(anyDuplicated(iec_items$wording_zh) > 0)
  expect_true(all(vapply(iec_items, is.character, logical(1))))
  expect_false(anyNA(unlist(iec_items)))
  expect_match(iec_items$scale, "1 = strongly disagree.*5 = strongly agree")
})

test_that("the Chinese wording is valid UTF-8 Chinese text", {
  for (column in c("construct_name_zh", "wording_zh", "scale_zh")) {
    text <- iec_items[[column]]
    expect_true(all(validUTF8(text)), label = column)
    expect_true(all(Encoding(text) == "UTF-8"), label = column)
    has_cjk <- vapply(text, function(s) any(utf8ToInt(s) >= 0x4e00 & utf8ToInt(s) <= 0x9fff), logical(1))
    expect_true(all(has_cjk), label = column)
  }
  # every statement ends with the Chinese full stop
  expect_true(all(endsWith(iec_items$wording_zh, "\u3002")))
  expect_true(all(endsWith(iec_items$wording_en, ".")))
})

test_that("the population's items are the codebook's items, in order and by construct", {
  loadings <- iec_population()$loadings
  expect_equal(unlist(lapply(loadings, names), use.names = FALSE), iec_items$item)
  expect_equal(rep(names(loadings), lengths(loadings)), iec_items$construct)
})

test_that("the codebook covers every indicator of the models", {
  for (type in c("core", "extended", "moderated")) {
    model <- parse_model(iec_model(type))
    expect_true(all(model$indicators %in% iec_items$item), label = type)
    owner <- rep(model$constructs, lengths(model$blocks))
    expect_equal(owner, iec_items$construct[match(model$indicators, iec_items$item)], label = type)
  }
  expect_setequal(parse_model(iec_model("extended"))$indicators, iec_items$item)
})
