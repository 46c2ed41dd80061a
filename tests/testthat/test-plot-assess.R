skip_if_not(capabilities("png"), "no PNG device")

test_that("the HTMT heat map shows every pair of reflective constructs", {
  report <- study_summary("study")
  drawn <- NULL
  expect_drawn_png(render_png(drawn <- plot(report, "htmt"), "htmt-study.png", width = 1200, height = 1100))
  htmt <- report$htmt
  expect_equal(drawn[cbind(htmt$construct_2, htmt$construct_1)], htmt$htmt)
  expect_true(all(is.na(drawn[upper.tri(drawn)])))
  expect_equal(rownames(drawn), unique(htmt$construct_2))
})

test_that("the heat map marks the threshold and, with a bootstrap, the upper bounds", {
  set.seed(8)
  fit <- pls(ecsi_syntax, data = mobi, R = 150)
  report <- summary(fit, htmt_threshold = 0.9)
  expect_true(any(report$htmt$htmt >= 0.9))
  expect_drawn_png(render_png(plot(report), "htmt-ecsi-boot.png", width = 1100, height = 1000))
})

test_that("2 and 12 constructs, single items and long names give heat maps; no pairs is an error", {
  for (name in c("two", "twelve", "single", "long")) {
    report <- study_summary(name)
    drawn <- NULL
    expect_drawn_png(render_png(drawn <- plot(report, "htmt"), paste0("htmt-", name, ".png")))
    expect_equal(sum(!is.na(drawn)), nrow(report$htmt))
  }
  report <- summary(diagram_fixture("two"))
  report$htmt <- report$htmt[0, ]
  expect_error(plot(report, "htmt"), "fewer than two reflective")
})

test_that("the loadings plot groups indicators by construct and flags weak reflective loadings", {
  report <- summary(diagram_fixture("reputation"))
  drawn <- NULL
  expect_drawn_png(render_png(drawn <- plot(report, "loadings"), "loadings-reputation.png", width = 1200, height = 1400))
  loadings <- report$loadings
  expect_equal(drawn$indicator, loadings$indicator)
  expect_equal(drawn$loading, loadings$loading)
  expect_equal(drawn$flagged, loadings$mode == "A" & loadings$loading < 0.708)
  # rows run down the plot, each construct's block after the previous one
  expect_true(all(diff(drawn$y) > 0))
  expect_true(all(tapply(drawn$y, drawn$construct, max)[unique(loadings$construct)][-8] <
                    tapply(drawn$y, drawn$construct, min)[unique(loadings$construct)][-1]))
})

test_that("loadings of 2 and 12 constructs, single items, reversed items and long names render", {
  for (name in c("two", "twelve", "single", "long", "study")) {
    report <- study_summary(name)
    drawn <- NULL
    expect_drawn_png(render_png(drawn <- plot(report, "loadings"), paste0("loadings-", name, ".png")))
    expect_equal(nrow(drawn), nrow(report$loadings))
  }
  # the reversed item ctm2 of the study fixture loads negatively and is flagged
  report <- study_summary("study")
  render_png(drawn <- plot(report, "loadings"), "loadings-study-again.png")
  expect_lt(drawn$loading[drawn$indicator == "ctm2"], 0)
  expect_true(drawn$flagged[drawn$indicator == "ctm2"])
  expect_error(plot(report, "loading_plot"), "`what` must be one of", class = "iecpls_input_error")
})
