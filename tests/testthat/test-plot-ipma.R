skip_if_not(capabilities("png"), "no PNG device")

expect_clean_map <- function(drawn, label) {
  expect_identical(ipma_plot_problems(drawn), character(), label = label)
}

test_that("the map shows each driver at its importance and performance, with the mean lines", {
  ipma <- ipma_fixture("study", "CTM")
  drawn <- NULL
  expect_drawn_png(render_png(drawn <- plot(ipma), "ipma-study.png"))
  expect_equal(drawn$points$x, ipma$constructs$importance)
  expect_equal(drawn$points$y, ipma$constructs$performance)
  expect_equal(drawn$points$label, ipma$constructs$construct)
  expect_equal(unname(drawn$means), c(mean(ipma$constructs$importance), mean(ipma$constructs$performance)))
  expect_true(all(drawn$labels$label == ipma$constructs$construct))
  expect_clean_map(drawn, "study constructs")
  # the study's simulated data have a negative path GAD -> CTM
  expect_lt(ipma$constructs$importance[ipma$constructs$construct == "GAD"], 0)
  expect_lt(drawn$usr[1], min(ipma$constructs$importance))
})

test_that("the indicator map colours points by construct and keeps its labels apart", {
  ipma <- ipma_fixture("study", "CTM")
  drawn <- NULL
  expect_drawn_png(render_png(drawn <- plot(ipma, what = "indicators"), "ipma-study-indicators.png"))
  expect_equal(drawn$points$x, ipma$indicators$importance)
  expect_equal(drawn$points$group, ipma$indicators$construct)
  expect_clean_map(drawn, "study indicators")
})

test_that("2 and 12 constructs, single items and long names give maps without overlaps", {
  cases <- list(
    two = list("two", "Outcome"), twelve = list("twelve", "E2"), single = list("single", "D"),
    long = list("long", "Loyalty_intention")
  )
  for (name in names(cases)) {
    ipma <- do.call(ipma_fixture, cases[[name]])
    for (what in c("constructs", "indicators")) {
      drawn <- NULL
      file <- render_png(drawn <- plot(ipma, what = what), paste0("ipma-", name, "-", what, ".png"))
      expect_drawn_png(file)
      expect_clean_map(drawn, paste(name, what))
    }
  }
  # a single driver: its point is the mean, inside the plot
  two <- ipma_fixture("two", "Outcome")
  drawn <- NULL
  render_png(drawn <- plot(two), "ipma-two-again.png")
  expect_equal(unname(drawn$means), c(two$constructs$importance, two$constructs$performance))
  expect_lt(two$constructs$importance, 0)
})

test_that("display names replace the labels, and long ones still fit", {
  ipma <- ipma_fixture("study", "CTM")
  long <- c(TTM = "Talent training mode (joint curriculum, dual supervision)", IC = "Interest correlation",
            GAD = "Government administrative drive and policy coordination")
  drawn <- NULL
  render_png(drawn <- plot(ipma, labels = long), "ipma-long-labels.png", width = 1000, height = 700)
  expect_equal(drawn$labels$label[match(names(long), ipma$constructs$construct)], unname(long))
  expect_clean_map(drawn, "long labels")
  expect_error(plot(ipma, labels = c(TMM = "x")), "TTM")
  expect_error(plot(ipma, labels = "x"), "named character vector")
})

test_that("many coinciding points get their own labels, with leader lines", {
  set.seed(4)
  n <- 24
  importance <- c(0.2 + stats::rnorm(n - 4, sd = 0.002), 0.05, 0.4, -0.1, 0.3)
  performance <- c(60 + stats::rnorm(n - 4, sd = 0.05), 40, 80, 55, 70)
  ipma <- fake_ipma(importance, performance, names = c(paste0("Crowded_driver_", 1:(n - 4)), "Low", "High", "Negative", "Other"))
  drawn <- NULL
  expect_drawn_png(render_png(drawn <- plot(ipma), "ipma-crowded.png"))
  expect_clean_map(drawn, "crowded")
  expect_true(any(drawn$labels$leader))
  # the placement is deterministic
  again <- NULL
  render_png(again <- plot(ipma), "ipma-crowded-again.png")
  expect_identical(again$labels, drawn$labels)
  # and still clean on a small device
  render_png(drawn <- plot(fake_ipma(importance[1:12], performance[1:12])), "ipma-small.png", width = 700, height = 500)
  expect_clean_map(drawn, "small device")
})

test_that("axis limits can be set, and points at the edge keep their labels inside", {
  ipma <- ipma_fixture("study", "CTM")
  drawn <- NULL
  render_png(drawn <- plot(ipma, ylim = c(0, 100), main = "Priorities"), "ipma-full-scale.png")
  expect_equal(drawn$usr[3:4], c(0, 100))
  expect_clean_map(drawn, "full scale")
})

test_that("label placement: the first free spot, never on points or other labels", {
  # two labels of the same point position go to its right and left
  spot <- repel_labels(c(2, 2), c(2, 2), c(1, 1), c(0.2, 0.2), 0.05, c(4, 4))
  expect_equal(spot$y, c(2, 2))
  expect_equal(sort(spot$x), c(2 - 0.55, 2 + 0.55))
  # a point at the right edge puts its label on the left
  spot <- repel_labels(3.9, 2, 1, 0.2, 0.05, c(4, 4))
  expect_equal(spot$x, 3.9 - 0.55)
  # a label wider than the region cannot fit: the least bad spot is used
  expect_no_error(repel_labels(1, 1, 5, 0.2, 0.05, c(2, 2)))
  expect_equal(nrow(repel_labels(numeric(), numeric(), numeric(), numeric(), 0.05, c(2, 2))), 0)
})

test_that("an IPMA without drivers is an error", {
  expect_error(plot(fake_ipma(numeric(), numeric(), character())), "no drivers")
})
