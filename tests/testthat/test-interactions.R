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
