# Interaction terms: the three approaches against a plain-R oracle, their
# bootstrap (every stage refitted on each resample), and errors.

test_that("each approach matches the plain-R oracle on corp_rep and mobi", {
  data <- corp_rep_mean_replaced()
  for (syntax in c(corp_rep_moderation_syntax, ecsi_moderation_syntax)) {
    d <- if (identical(syntax, corp_rep_moderation_syntax)) data else mobi
    pieces <- reference_interaction_model(syntax)
    for (method in c("two_stage", "product_indicator", "orthogonal")) {
      for (scheme in c("path", "factorial", "centroid")) {
        fit <- pls(syntax, data = d, interaction = method, scheme = scheme, tol = 1e-12, max_iter = 1000)
        ref <- reference_interaction(d, pieces$model, pieces$terms, method, scheme = scheme)
        expect_interaction_fit(fit, ref)
      }
    }
  }
})

test_that("case weights and random models agree with the oracle", {
  set.seed(5)
  w <- stats::rexp(nrow(mobi))
  pieces <- reference_interaction_model(ecsi_moderation_syntax)
  for (method in c("two_stage", "product_indicator", "orthogonal")) {
    fit <- pls(ecsi_moderation_syntax, data = mobi, interaction = method, case_weights = w, tol = 1e-12,
               max_iter = 1000)
    expect_interaction_fit(fit, reference_interaction(mobi, pieces$model, pieces$terms, method, weights = w))
  }
  for (seed in 1:12) {
    problem <- random_pls_problem(seed)
    inner <- problem$inner
    edges <- which(inner == 1, arr.ind = TRUE)
    # the first endogenous construct with two predictors gets their interaction
    outcome <- colnames(inner)[which(colSums(inner) >= 2)[1]]
    if (is.na(outcome)) next
    predictors <- rownames(inner)[inner[, outcome] == 1][1:2]
    term <- paste(predictors, collapse = ":")
    syntax <- paste0(problem$syntax, "\n", outcome, " ~ ", term)
    pieces <- reference_interaction_model(syntax)
    for (method in c("two_stage", "product_indicator", "orthogonal")) {
      fit <- tryCatch(pls(syntax, data = problem$data, interaction = method, tol = 1e-12, max_iter = 1000),
                      iecpls_error = function(e) NULL)
      ref <- tryCatch(reference_interaction(problem$data, pieces$model, pieces$terms, method),
                      error = function(e) NULL, warning = function(w) NULL)
      expect_identical(is.null(fit), is.null(ref))
      if (!is.null(fit)) expect_interaction_fit(fit, ref, tolerance = 1e-7)
    }
  }
})

test_that("the bootstrap refits every stage on each resample", {
  set.seed(2)
  for (method in c("two_stage", "product_indicator", "orthogonal")) {
    fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced(), interaction = method, tol = 1e-12,
               max_iter = 1000)
    set.seed(11)
    boot <- pls_boot(fit, R = 4, bca = FALSE)
    set.seed(11)
    seeds <- iecpls:::chunk_seeds(1)
    rows <- reference_resample_rows(seeds[, 1], nrow(corp_rep_data), 4)
    pieces <- reference_interaction_model(corp_rep_moderation_syntax)
    for (b in 1:4) {
      ref <- reference_interaction(corp_rep_mean_replaced()[rows[[b]], ], pieces$model, pieces$terms, method)
      draw <- boot$draws[b, ]
      expect_equal(unname(draw["path: CUSA:SC -> CUSL"]), ref$path_coef["CUSA:SC", "CUSL"], tolerance = 1e-10)
      expect_equal(unname(draw["path: CUSA -> CUSL"]), ref$path_coef["CUSA", "CUSL"], tolerance = 1e-10)
      expect_equal(unname(draw["r2: CUSL"]), unname(ref$r2["CUSL"]), tolerance = 1e-10)
    }
  }
})

test_that("summary() leaves the product term out of the measurement model and judges its f^2 by Kenny", {
  fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced(), interaction = "product_indicator")
  s <- summary(fit)
  expect_false(any(s$loadings$construct == "CUSA:SC"))
  expect_false(any(s$reliability$construct == "CUSA:SC"))
  expect_false(any(c(s$htmt$construct_1, s$htmt$construct_2) == "CUSA:SC"))
  expect_false(any(c(s$fornell_larcker$construct_1, s$fornell_larcker$construct_2) == "CUSA:SC"))
  expect_false("CUSA:SC" %in% c(s$cross_loadings$construct, names(s$cross_loadings)))
  expect_true(any(s$paths$from == "CUSA:SC"))
  f2 <- s$f2[s$f2$from == "CUSA:SC", ]
  # plain f^2 from the construct correlations, judged on 0.005 / 0.01 / 0.025
  P <- fit$construct_cor
  others <- c("COMP", "LIKE", "CUSA", "SC")
  r2_without <- drop(P["CUSL", others] %*% solve(P[others, others], P[others, "CUSL"]))
  expected <- (fit$r2[["CUSL"]] - r2_without) / (1 - fit$r2[["CUSL"]])
  expect_equal(f2$f2, expected, tolerance = 1e-10)
  expect_identical(f2$size, as.character(cut(expected, c(-Inf, 0.005, 0.01, 0.025, Inf), right = FALSE,
                                             labels = c("none", "small", "medium", "large"))))
  expect_output(print(s), "0.005 small, 0.01 medium, 0.025 large (Kenny 2018)", fixed = TRUE)
  # the refit f^2 of the term compares with the model estimated without it
  refit <- pls_f2(fit, "refit")
  without <- pls(sub("+ CUSA:SC", "", corp_rep_moderation_syntax, fixed = TRUE), data = corp_rep_mean_replaced())
  expect_equal(refit$f2[refit$from == "CUSA:SC"],
               (fit$r2[["CUSL"]] - without$r2[["CUSL"]]) / (1 - fit$r2[["CUSL"]]), tolerance = 1e-6)
  # the bootstrap has no HTMT of the product term
  set.seed(1)
  boot <- pls_boot(fit, R = 20, bca = FALSE)
  expect_false(any(grepl("CUSA:SC <->|<-> CUSA:SC", boot$parameters$term)))
})

test_that("predict() forms the product terms of new data with the training estimates", {
  data <- corp_rep_mean_replaced()
  for (method in c("two_stage", "product_indicator", "orthogonal")) {
    fit <- pls(corp_rep_moderation_syntax, data = data[1:250, ], interaction = method)
    # on the training rows, the scores are the fit's own
    own <- predict(fit)
    expect_equal(unname(own$scores[, "CUSA:SC"]), unname(fit$scores[, "CUSA:SC"]), tolerance = 1e-10)
    expect_equal(unname(own$scores[, "CUSL"]), unname(drop(fit$scores %*% fit$path_coef[, "CUSL"])),
                 tolerance = 1e-10)
    # new rows: the derived columns from the training standardization, by hand
    new <- data[251:344, ]
    z <- scale(as.matrix(new[fit$model$stages$base]), center = fit$means, scale = fit$sds)
    scores <- predict(fit, new)$scores
    if (method == "two_stage") {
      w1 <- fit$stages$first_weights
      blocks <- fit$model$stages$parsed$blocks
      s1 <- function(k) z[, blocks[[k]], drop = FALSE] %*% w1[match(blocks[[k]], fit$model$stages$base)]
      product <- s1("CUSA") * s1("SC")
      expected <- (product - fit$stages$derived_mean) / fit$stages$derived_sd
    } else {
      derived <- fit$model$stages$derived
      columns <- sapply(seq_len(nrow(derived)), function(k) {
        x <- z[, derived$a[k]] * z[, derived$b[k]]
        if (method == "orthogonal") {
          set <- fit$model$stages$residual[[k]]
          beta <- fit$stages$beta[(k - 1) * length(set) + seq_along(set)]
          x <- x - drop(z[, set] %*% beta)
        }
        (x - fit$stages$derived_mean[k]) / fit$stages$derived_sd[k]
      })
      expected <- columns %*% fit$outer_weights[derived$name, "CUSA:SC"]
    }
    expect_equal(unname(scores[, "CUSA:SC"]), unname(drop(expected)), tolerance = 1e-10)
  }
})

test_that("PLSpredict, CVPAT, blindfolding and IPMA work with interaction terms", {
  fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced())
  set.seed(4)
  cv <- pls_predict(fit, k = 5, reps = 1)
  expect_identical(cv$indicators$indicator, c("cusa", "cusl_1", "cusl_2", "cusl_3"))
  expect_true(all(is.finite(cv$indicators$q2_predict)))
  q2 <- pls_blindfold(fit)
  expect_setequal(q2$q2$construct, c("CUSA", "CUSL"))
  ipma <- pls_ipma(fit, target = "CUSL", scale_min = 1, scale_max = 7)
  expect_false("CUSA:SC" %in% ipma$constructs$construct)
  # the importance of the main effects is their effect at the moderator's mean
  plain <- ipma$total_effects["CUSA", "CUSL"] / ipma$total_effects["COMP", "CUSL"]
  expect_true(is.finite(plain))
  expect_setequal(rownames(ipma$weights), fit$model$stages$base)
})

test_that("multigroup analysis refits every stage in each group and permutation", {
  for (method in c("two_stage", "orthogonal")) {
    fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced(), interaction = method)
    groups <- iecpls:::comparison_groups(fit, corp_rep_data$servicetype, NULL, "pls_mga")
    problem <- iecpls:::group_problem(fit, groups, groups$names)
    observed <- iecpls:::c_group_fits(problem)$stats
    q <- length(observed) / 2
    for (g in 1:2) {
      rows <- corp_rep_data$servicetype == g
      own <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced()[rows, ], interaction = method)
      spec <- iecpls:::comparison_stat_spec(own$model)
      expect_equal(observed[(g - 1) * q + seq_len(q)], iecpls:::fit_parameters(own, spec)$estimate, tolerance = 1e-8)
    }
    set.seed(1)
    mga <- pls_mga(fit, group = corp_rep_data$servicetype, R = 40)
    expect_true("CUSA:SC -> CUSL" %in% tidy(mga)$term)
  }
})

test_that("what does not handle interaction terms yet says so", {
  fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced())
  expect_error(pls_micom(fit, group = corp_rep_data$servicetype, R = 10), "does not support models with interaction terms",
               class = "iecpls_unsupported_error")
  S <- cor(corp_rep_mean_replaced()[fit$model$stages$base])
  expect_error(pls(corp_rep_moderation_syntax, S = S), "needs `data`", class = "iecpls_needs_data")
})

test_that("a known interaction is recovered and a null one is not found (Monte Carlo, fixed seed)", {
  simulate <- function(n, gamma, seed) {
    set.seed(seed)
    r <- 0.3
    x <- stats::rnorm(n)
    m <- r * x + sqrt(1 - r^2) * stats::rnorm(n)
    systematic <- 0.3 * x + 0.2 * m + gamma * (x * m - r)
    explained <- 0.3^2 + 0.2^2 + 2 * 0.3 * 0.2 * r + gamma^2 * (1 + r^2)
    y <- systematic + sqrt(1 - explained) * stats::rnorm(n)
    items <- function(eta, prefix) {
      out <- sapply(1:5, function(i) 0.9 * eta + sqrt(1 - 0.81) * stats::rnorm(n))
      colnames(out) <- paste0(prefix, 1:5)
      out
    }
    list(data = as.data.frame(cbind(items(x, "x"), items(m, "m"), items(y, "y"))),
         # the standardized path of the standardized product term
         truth = gamma * sqrt(1 + r^2))
  }
  syntax <- "X =~ x1 + x2 + x3 + x4 + x5
             M =~ m1 + m2 + m3 + m4 + m5
             Y =~ y1 + y2 + y3 + y4 + y5
             Y ~ X + M + X:M"
  known <- simulate(1500, 0.2, 42)
  fit <- pls(syntax, data = known$data)
  set.seed(1)
  boot <- pls_boot(fit, R = 300, bca = FALSE)
  row <- boot$parameters[boot$parameters$type == "path" & boot$parameters$term == "X:M -> Y", ]
  # composites measure the constructs with error, which attenuates the
  # product term's path: the estimate is within three standard errors of
  # what the same estimator gives on a very large sample, and that is within
  # 10% of the truth (the reliabilities are about 0.95 here)
  limit <- pls(syntax, data = simulate(2e5, 0.2, 7)$data)$path_coef["X:M", "Y"]
  expect_lt(abs(limit - known$truth), 0.1 * known$truth)
  expect_lt(abs(row$estimate - limit), 3 * row$se)
  expect_gt(row$lower, 0)
  null <- simulate(1500, 0, 43)
  fit0 <- pls(syntax, data = null$data)
  set.seed(2)
  boot0 <- pls_boot(fit0, R = 300, bca = FALSE)
  row0 <- boot0$parameters[boot0$parameters$type == "path" & boot0$parameters$term == "X:M -> Y", ]
  expect_lt(row0$lower, 0)
  expect_gt(row0$upper, 0)
})

test_that("the staged bootstrap gives the same draws for any number of threads, with BCa", {
  fit <- pls(ecsi_moderation_syntax, data = mobi, interaction = "orthogonal")
  set.seed(3)
  one <- pls_boot(fit, R = 60, cores = 1)
  set.seed(3)
  two <- pls_boot(fit, R = 60, cores = 2)
  expect_identical(one$draws, two$draws)
  expect_identical(one$jackknife, two$jackknife)
  # the jackknife refits every stage without each case
  drop <- c(1, 137)
  for (i in drop) {
    refit <- pls(ecsi_moderation_syntax, data = mobi[-i, ], interaction = "orthogonal")
    expect_equal(unname(one$jackknife[i, "path: Image:Satisfaction -> Loyalty"]),
                 refit$path_coef["Image:Satisfaction", "Loyalty"], tolerance = 1e-6)
  }
})

test_that("the path diagram draws an interaction term as a node with its path, without product items", {
  for (method in c("two_stage", "product_indicator")) {
    fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced(), interaction = method)
    layout <- layout_pls(fit)
    expect_true("CUSA:SC" %in% layout$constructs$construct)
    expect_false(any(layout$indicators$construct == "CUSA:SC"))
    pdf(NULL)
    diagram <- plot(fit)
    grDevices::dev.off()
    expect_identical(diagram_problems(diagram), character(0))
    expect_match(as_dot(fit), "CUSA:SC", fixed = TRUE)
  }
})

test_that("a future plan bootstraps an interaction model as in process", {
  skip_on_cran()
  skip_if_not_installed("future")
  skip_if_loaded_from_source()
  fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced())
  set.seed(8)
  local <- pls_boot(fit, R = 300, bca = FALSE)
  old_plan <- future::plan(future::multisession, workers = 2)
  on.exit(future::plan(old_plan), add = TRUE)
  set.seed(8)
  distributed <- pls_boot(fit, R = 300, bca = FALSE)
  expect_identical(distributed$draws, local$draws)
})
