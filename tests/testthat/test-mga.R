test_that("permutation draws are refits of the permuted groups, and p values follow", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  split <- random_groups(nrow(mobi), c("a", "b"), 21)
  set.seed(7)
  mga <- pls_mga(fit, split, R = 130)
  set.seed(7)
  seeds <- iecpls:::run_streams(130, 1, fit)$seeds[[1]]
  permutations <- reference_run(seeds, split, 130)
  difference <- function(labels) {
    group_estimates(small_ecsi_syntax, mobi[labels == "a", ]) - group_estimates(small_ecsi_syntax, mobi[labels == "b", ])
  }
  draws <- t(vapply(permutations, difference, numeric(ncol(mga$permutations[[1]]))))
  expect_equal(unname(mga$permutations[["a vs b"]]), draws, tolerance = 1e-8)

  observed <- difference(split)
  tests <- mga$tests
  tested <- !is.na(tests$p.value)
  expect_equal(tests$statistic[tested], observed[tested], tolerance = 1e-10)
  expect_equal(tests$difference, observed, tolerance = 1e-10)
  expect_identical(tests$p.value[tested], reference_p_two_sided(observed, draws)[tested])
  greater <- (1 + colSums(draws >= rep(observed, each = nrow(draws)) - 1e-10)) / 131
  expect_identical(tests$p.greater[tested], greater[tested])
  # single-indicator constructs do not occur here: every parameter is tested
  expect_true(all(tested))
})

test_that("each pair is permuted on its own rows, and the omnibus test on all of them", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  split <- random_groups(nrow(mobi), c("x", "y", "z"), 5)
  set.seed(9)
  mga <- pls_mga(fit, split, R = 25)
  set.seed(9)
  seeds <- iecpls:::run_streams(25, 4, fit)$seeds
  estimates <- function(rows, labels, group) group_estimates(small_ecsi_syntax, mobi[rows, ][labels == group, ])
  pairs <- list(c("x", "y"), c("x", "z"), c("y", "z"))
  for (k in seq_along(pairs)) {
    pair <- pairs[[k]]
    rows <- split %in% pair
    draws <- t(vapply(reference_run(seeds[[k]], split[rows], 25), function(labels) {
      estimates(rows, labels, pair[1]) - estimates(rows, labels, pair[2])
    }, numeric(length(iecpls:::comparison_parameters(fit)$term))))
    expect_equal(unname(mga$permutations[[paste(pair, collapse = " vs ")]]), draws, tolerance = 1e-8)
    tests <- mga$tests[mga$tests$group1 == pair[1] & mga$tests$group2 == pair[2], ]
    expect_identical(tests$p.value, reference_p_two_sided(tests$statistic, draws))
  }

  all_rows <- rep(TRUE, nrow(mobi))
  n <- as.vector(table(split))
  between <- function(labels) {
    theta <- sapply(c("x", "y", "z"), function(g) estimates(all_rows, labels, g))
    mean <- drop(theta %*% n) / sum(n)
    t_values <- drop((theta - mean)^2 %*% n)
    c(t_values, sum(t_values[iecpls:::comparison_parameters(fit)$type == "path"]))
  }
  observed <- between(split)
  draws <- t(vapply(reference_run(seeds[[4]], split, 25), between, numeric(length(observed))))
  expect_equal(mga$omnibus$statistic, observed, tolerance = 1e-9)
  expect_identical(mga$omnibus$p.value,
                   (1 + colSums(draws >= rep(observed, each = nrow(draws)) - 1e-10)) / 26)
  expect_identical(mga$omnibus$term[nrow(mga$omnibus)], "all path coefficients")
})

test_that("case weights go into every group's fit", {
  fit0 <- pls(small_ecsi_syntax, data = mobi)
  weights <- rep(c(1, 2, 0.5), length.out = nrow(mobi))
  fit <- pls(small_ecsi_syntax, data = mobi, case_weights = weights)
  split <- random_groups(nrow(mobi), c("a", "b"), 3)
  set.seed(4)
  mga <- pls_mga(fit, split, R = 12)
  set.seed(4)
  seeds <- iecpls:::run_streams(12, 1, fit)$seeds[[1]]
  draws <- t(vapply(reference_run(seeds, split, 12), function(labels) {
    a <- labels == "a"
    group_estimates(small_ecsi_syntax, mobi[a, ], case_weights = weights[a]) -
      group_estimates(small_ecsi_syntax, mobi[!a, ], case_weights = weights[!a])
  }, numeric(ncol(mga$permutations[[1]]))))
  expect_equal(unname(mga$permutations[[1]]), draws, tolerance = 1e-8)
  set.seed(4)
  unweighted <- pls_mga(fit0, split, R = 12)
  expect_false(isTRUE(all.equal(unweighted$tests$difference, mga$tests$difference)))
})

test_that("the bootstrap and parametric tests follow their formulas", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  set.seed(12)
  mga <- pls_mga(fit, "servicetype", data = corp_rep_data, method = c("bootstrap", "parametric"), R = 300)
  boot_1 <- mga$boot[["servicetype = 1"]]
  boot_2 <- mga$boot[["servicetype = 2"]]
  term <- "path: LIKE -> CUSL"
  centred <- function(boot) {
    draws <- boot$draws[boot$status == 0L, term]
    draws - mean(draws) + boot$parameters$estimate[match(term, colnames(boot$draws))]
  }
  # cSEM's calculatePr(): mean((1 + sign(theta_2 - theta_1)) / 2) over all pairs
  share <- mean((1 + sign(outer(centred(boot_2), centred(boot_1), "-"))) / 2)
  row <- mga$tests[mga$tests$method == "bootstrap" & mga$tests$type == "path" & mga$tests$term == "LIKE -> CUSL", ]
  expect_equal(row$p.greater, share, tolerance = 1e-12)
  expect_equal(row$p.value, 2 * min(share, 1 - share), tolerance = 1e-12)

  se <- c(sd(boot_1$draws[, term]), sd(boot_2$draws[, term]))
  n <- c(sum(corp_rep_data$servicetype == 1), sum(corp_rep_data$servicetype == 2))
  v <- (n - 1) / n * se^2
  t_value <- row$difference / sqrt(sum(v))
  df <- round(sum(v)^2 / sum((n - 1) / n^2 * se^4) - 2)
  parametric <- mga$tests[mga$tests$method == "parametric" & mga$tests$term == "LIKE -> CUSL", ]
  expect_equal(parametric$statistic, t_value, tolerance = 1e-12)
  expect_equal(parametric$df, df)
  expect_equal(parametric$p.value, 2 * pt(-abs(t_value), df), tolerance = 1e-12)
  expect_equal(parametric$p.less, pt(t_value, df), tolerance = 1e-12)
})

test_that("the same seed gives the same result for any number of threads", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  role <- random_groups(nrow(corp_rep_data), c("p", "q", "r"), 1)
  set.seed(3)
  one <- pls_mga(fit, role, R = 250, cores = 1)
  set.seed(3)
  two <- pls_mga(fit, role, R = 250, cores = 2)
  expect_identical(one$permutations, two$permutations)
  expect_identical(one$tests, two$tests)
  expect_identical(one$omnibus, two$omnibus)
})

test_that("a two-worker future plan gives the in-process result", {
  skip_on_cran()
  skip_if_not_installed("future")
  skip_if_loaded_from_source()
  fit <- pls(small_ecsi_syntax, data = mobi)
  split <- random_groups(nrow(mobi), c("a", "b"), 2)
  set.seed(8)
  local <- pls_mga(fit, split, R = 450)
  old_plan <- future::plan(future::multisession, workers = 2)
  on.exit(future::plan(old_plan), add = TRUE)
  set.seed(8)
  distributed <- pls_mga(fit, split, R = 450)
  expect_identical(distributed$permutations, local$permutations)
  expect_identical(distributed$tests, local$tests)
})

test_that("groups come from a column of data or a vector; NA and dropped rows are left out", {
  fit <- suppressMessages(pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "casewise"))
  used <- fit$rows_used
  set.seed(2)
  by_name <- suppressMessages(pls_mga(fit, "servicetype", data = corp_rep_data, R = 120))
  set.seed(2)
  by_vector <- suppressMessages(pls_mga(fit, corp_rep_data$servicetype, R = 120))
  # a column named in `group` labels its codes with its name
  labelled <- function(tests) {
    tests$group1 <- paste("servicetype =", tests$group1)
    tests$group2 <- paste("servicetype =", tests$group2)
    tests
  }
  expect_identical(by_name$tests, labelled(by_vector$tests))
  complete <- corp_rep_data[used, ]
  fit_complete <- pls(corp_rep_syntax, data = complete, na_values = -99, missing = "casewise")
  set.seed(2)
  subset <- pls_mga(fit_complete, complete$servicetype, R = 120)
  expect_equal(by_name$tests, labelled(subset$tests), tolerance = 1e-12)
  expect_identical(by_name$groups$n, as.vector(table(complete$servicetype)))

  group <- corp_rep_data$servicetype
  group[1:5] <- NA
  expect_message(pls_mga(fit, group, R = 20), "missing group")
})

test_that("groups are named by factor levels, character values, or column name and code (#22)", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  set.seed(3)
  by_name <- pls_mga(fit, "servicetype", data = corp_rep_data, R = 20)
  expect_identical(by_name$groups$group, c("servicetype = 1", "servicetype = 2"))
  expect_identical(unique(tidy(by_name)$group1), "servicetype = 1")
  expect_identical(unique(tidy(by_name)$group2), "servicetype = 2")
  expect_identical(names(by_name$fits), c("servicetype = 1", "servicetype = 2"))
  printed <- capture.output(print(by_name))
  # the header wraps at the console width
  expect_match(paste(printed[1:2], collapse = " "), "servicetype = 1 (n = 125), servicetype = 2 (n = 219)", fixed = TRUE)
  expect_true(any(grepl("servicetype = 1 vs servicetype = 2", printed, fixed = TRUE)))
  expect_false(any(grepl(" 1 vs 2", printed, fixed = TRUE)))

  # a factor keeps its levels and their order; a column that is a factor too
  type <- factor(corp_rep_data$servicetype, 2:1, c("contract", "prepaid"))
  set.seed(3)
  by_factor <- pls_mga(fit, type, R = 20)
  expect_identical(by_factor$groups$group, c("contract", "prepaid"))
  expect_true(any(grepl("contract vs prepaid", capture.output(print(by_factor)), fixed = TRUE)))
  labelled_data <- corp_rep_data
  labelled_data$type <- type
  set.seed(3)
  expect_identical(pls_mga(fit, "type", data = labelled_data, R = 20)$tests, by_factor$tests)
  # character values are the labels, by column name or as a vector
  labelled_data$type <- as.character(type)
  set.seed(3)
  by_character <- pls_mga(fit, "type", data = labelled_data, R = 20)
  expect_identical(unique(tidy(by_character)$group1), "contract")
  # a numeric vector given itself is named by its values
  set.seed(3)
  expect_identical(pls_mga(fit, corp_rep_data$servicetype, R = 20)$groups$group, c("1", "2"))

  set.seed(3)
  micom <- pls_micom(fit, "servicetype", data = corp_rep_data, R = 20)
  expect_identical(unique(tidy(micom)$group1), "servicetype = 1")
  expect_identical(micom$configural$group, c("servicetype = 1", "servicetype = 2"))
  printed <- capture.output(print(micom))
  expect_true(any(grepl("Groups servicetype = 1 vs servicetype = 2", printed, fixed = TRUE)))
  expect_true(any(grepl("servicetype = 2 (n = 219)", printed, fixed = TRUE)))
})

test_that("an empty-string group label is a group like any other, as in pls_micom() (#15, defect 12)", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  empty <- rep(c("", "b", "c"), length.out = nrow(mobi))
  named <- ifelse(empty == "", "a", empty)
  method <- c("permutation", "bootstrap", "parametric")
  set.seed(3)
  with_empty <- pls_mga(fit, empty, R = 20, method = method)
  set.seed(3)
  with_name <- pls_mga(fit, named, R = 20, method = method)
  expect_identical(with_empty$groups$group, c("", "b", "c"))
  relabelled <- with_empty$tests
  relabelled$group1[relabelled$group1 == ""] <- "a"
  expect_identical(relabelled, with_name$tests)
  expect_identical(unname(with_empty$estimates), unname(with_name$estimates))
})

test_that("groups too small, or where the model cannot be estimated, are errors naming the group", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  tiny <- ifelse(seq_len(nrow(corp_rep_data)) <= 4, "tiny", "rest")
  expect_error(pls_mga(fit, tiny, R = 10), "tiny.*too few cases")
  expect_error(pls_mga(fit, tiny, R = 10), "at least 10 cases")

  collinear <- corp_rep_data
  first <- collinear$servicetype == 1
  collinear$qual_2[first] <- collinear$qual_1[first]
  fit_collinear <- pls(corp_rep_syntax, data = collinear, na_values = -99, missing = "mean")
  error <- expect_error(pls_mga(fit_collinear, "servicetype", data = collinear, R = 10), "group \"servicetype = 1\"")
  expect_match(conditionMessage(error$parent), "QUAL.*perfectly collinear")
  expect_error(pls_micom(fit_collinear, "servicetype", data = collinear, R = 10), "group \"servicetype = 1\"")

  constant <- corp_rep_data
  constant$cusa[constant$servicetype == 2] <- 5
  fit_constant <- pls(corp_rep_syntax, data = constant, na_values = -99, missing = "mean")
  error <- expect_error(pls_mga(fit_constant, constant$servicetype, R = 10), "group \"2\"")
  expect_match(conditionMessage(error$parent), "cusa.*zero variance")
})

test_that("arguments are checked", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_error(pls_mga(fit, rep("a", nrow(mobi))), "at least two groups")
  expect_error(pls_mga(fit, c("a", "b")), "has 2 labels but the model was fitted to 250 rows")
  expect_error(pls_mga(fit, "region"), "must be given")
  expect_error(pls_mga(fit, "region", data = mobi), "no column")
  expect_error(pls_mga(fit, rep(1:2, 125), p_adjust = "bonf"), "p_adjust")
  expect_error(pls_mga(fit, rep(1:2, 125), method = "chin"), "`method` must be one or more of", class = "iecpls_input_error")
  expect_error(pls_mga(pls(small_ecsi_syntax, S = cor(mobi)), rep(1:2, 125)), "needs the data")
  expect_error(pls_micom(fit, rep(1:2, 125), alpha = 0.7), "alpha")
})

test_that("p values are adjusted per method when asked, and tidy() has one row per parameter and pair", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  split <- random_groups(nrow(mobi), c("a", "b", "c"), 11)
  set.seed(5)
  raw <- pls_mga(fit, split, R = 60)
  set.seed(5)
  holm <- pls_mga(fit, split, R = 60, p_adjust = "holm")
  expect_identical(holm$tests$p.value, p.adjust(raw$tests$p.value, "holm"))
  expect_identical(holm$omnibus$p.value, p.adjust(raw$omnibus$p.value, "holm"))
  table <- tidy(holm)
  expect_named(table, c("method", "type", "term", "group1", "group2", "estimate1", "estimate2", "difference",
                        "statistic", "df", "p.value", "p.greater", "p.less"))
  expect_identical(nrow(table), 3L * nrow(iecpls:::comparison_parameters(fit)))
  expect_identical(unique(table$type), c("weight", "loading", "path", "r2"))
  expect_identical(tidy(holm, "omnibus"), holm$omnibus)
  expect_error(tidy(pls_mga(fit, split == "a", R = 5), "omnibus"), "more than two groups")
})

test_that("a parameter fixed by construction is not tested", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  set.seed(1)
  mga <- pls_mga(fit, "servicetype", data = corp_rep_data, R = 20)
  fixed <- mga$tests[mga$tests$term == "CUSA =~ cusa", ]
  expect_identical(nrow(fixed), 2L)
  expect_true(all(is.na(fixed$p.value)))
  expect_equal(fixed$estimate1, c(1, 1))
})

test_that("print shows the groups, the paths and R-squared", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  split <- random_groups(nrow(mobi), c("a", "b", "c"), 11)
  set.seed(5)
  mga <- pls_mga(fit, split, R = 60, method = c("permutation", "parametric"))
  expect_snapshot(print(mga))
})

test_that("pls_mga agrees with cSEM's testMGD and seminr's PLS-MGA within Monte Carlo error", {
  cs <- readRDS(test_path("fixtures", "mga_corp_rep_cSEM.rds"))
  sm <- readRDS(test_path("fixtures", "mga_corp_rep_seminr.rds"))
  fit <- pls(corp_rep_syntax, data = corp_rep_mean_replaced())
  set.seed(2024)
  mga <- pls_mga(fit, "servicetype", data = corp_rep_data, R = 5000, method = c("permutation", "bootstrap", "parametric"))
  tests <- mga$tests
  # cSEM names: "B ~ A" for paths, "K =~ x" for loadings, "K <~ x" for weights
  key <- ifelse(tests$type == "path", vapply(strsplit(tests$term, " -> "), function(x) paste(x[2], "~", x[1]), ""),
                tests$term)
  compared <- (tests$type == "path" | (tests$type == "loading" & grepl("=~", tests$term)) |
                 (tests$type == "weight" & grepl("<~", tests$term))) & !is.na(tests$p.value)
  monte_carlo <- function(p, R) 4 * sqrt(pmax(p * (1 - p), 0.01) * (1 / R + 1 / cs$R)) + 0.002
  for (method in c("permutation", "bootstrap", "parametric")) {
    rows <- tests[tests$method == method & compared, ]
    peer_key <- key[tests$method == method & compared]
    expect_equal(rows$difference, unname(cs$difference[peer_key]), tolerance = 1e-6)
    peer <- switch(method, permutation = cs$chin_p, bootstrap = cs$henseler_p, parametric = cs$nitzl_p)[peer_key]
    ours <- if (method == "bootstrap") rows$p.greater else rows$p.value
    expect_true(all(abs(ours - peer) <= monte_carlo(peer, 5000)), label = paste(method, "p values within Monte Carlo error"))
  }
  parametric <- tests[tests$method == "parametric" & compared, ]
  peer_t <- cs$nitzl_t[key[tests$method == "parametric" & compared]]
  expect_true(all(abs(parametric$statistic - peer_t) <= 0.06 * pmax(1, abs(peer_t))))

  paths <- tests[tests$method == "bootstrap" & tests$type == "path", ]
  peer <- sm$p[match(paths$term, paste(sm$source, "->", sm$target))]
  expect_equal(paths$difference, sm$difference[match(paths$term, paste(sm$source, "->", sm$target))], tolerance = 1e-6)
  expect_true(all(abs(paths$p.greater - peer) <= monte_carlo(peer, 5000) + 0.01))
})
