# Higher-order constructs: pls() against the plain-R definitions of the
# three approaches (helper-hoc.R), the bootstrap on the same resamples, and
# the peers (fixtures from tools/make-fixtures-hoc.R).


# reference_hoc()'s arguments from a parsed model with one HOC.
hoc_reference_args <- function(syntax) {
  model <- parse_model(syntax)
  hoc <- model$hoc
  first_order <- setdiff(model$constructs, hoc$hoc)
  paths <- which(model$inner != 0, arr.ind = TRUE)
  list(blocks = model$blocks[first_order], modes = model$modes,
       structural = cbind(from = model$constructs[paths[, 1]], to = model$constructs[paths[, 2]]),
       hoc = list(name = hoc$hoc[1], dimensions = hoc$dimension, op = hoc$op[1]))
}

hoc_reference <- function(syntax, data, method, scheme = "path", weights = NULL) {
  args <- hoc_reference_args(syntax)
  reference_hoc(data, args$blocks, args$modes, args$structural, args$hoc, method = method,
                scheme = scheme, weights = weights)
}

expect_hoc_fit <- function(fit, ref, tolerance = 1e-10, label = "") {
  for (construct in names(ref$weights)) {
    items <- names(ref$weights[[construct]])
    expect_equal(stats::setNames(fit$outer_weights[items, construct], items), ref$weights[[construct]], tolerance = tolerance,
                 label = paste(label, "weights of", construct))
    expect_equal(stats::setNames(fit$outer_loadings[items, construct], items), ref$loadings[[construct]], tolerance = tolerance,
                 label = paste(label, "loadings of", construct))
  }
  lv <- ref$constructs
  expect_equal(fit$path_coef[lv, lv], ref$path_coef[lv, lv], tolerance = tolerance, label = paste(label, "paths"))
  expect_equal(fit$r2[names(ref$r2)], ref$r2, tolerance = tolerance, label = paste(label, "R^2"))
  expect_setequal(names(fit$r2), names(ref$r2))
  expect_equal(fit$construct_cor[lv, lv], ref$construct_cor[lv, lv], tolerance = tolerance,
               label = paste(label, "construct correlations"))
  expect_equal(unname(fit$scores[, lv]), unname(ref$scores[, lv]), tolerance = tolerance,
               label = paste(label, "scores"))
}

test_that("a higher-order model is expanded by each approach", {
  fit <- pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced(), hoc = "embedded")
  expect_identical(fit$model$hoc_method, "embedded")
  expect_identical(fit$settings$hoc, "embedded")
  expect_identical(fit$model$blocks$REP, c("COMP", "LIKE"))
  expect_identical(fit$model$constructs, c("QUAL", "PERF", "CSOR", "ATTR", "COMP", "LIKE", "CUSA", "CUSL", "REP"))
  expect_identical(names(fit$r2), c("CUSA", "CUSL", "REP"))
  rep <- pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced(), hoc = "repeated")
  expect_identical(rep$model$blocks$REP, paste0("REP_2nd_", c(paste0("comp_", 1:3), paste0("like_", 1:3))))
  expect_identical(unname(rep$model$inner["REP", c("COMP", "LIKE")]), c(1L, 1L))
  form <- pls(corp_rep_hoc_syntax("<~"), data = corp_rep_mean_replaced(), hoc = "repeated")
  expect_identical(unname(form$model$inner[c("COMP", "LIKE"), "REP"]), c(1L, 1L))
  expect_identical(unname(form$model$modes["REP"]), "B")
  # a fit's model is estimated anew, by the approach asked for
  again <- pls(fit$model, data = corp_rep_mean_replaced(), hoc = "disjoint")
  expect_identical(again$model$hoc_method, "disjoint")
  expect_equal(again$path_coef, pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced(), hoc = "disjoint")$path_coef)
  expect_output(print(parse_model(corp_rep_hoc_syntax())), "REP   higher-order, reflective (Mode A)", fixed = TRUE)
})

test_that("each approach equals its plain-R definition (corporate reputation, both HOC types, every scheme)", {
  data <- corp_rep_mean_replaced()
  schemes <- if (identical(Sys.getenv("NOT_CRAN"), "true")) c("path", "factorial", "centroid") else "path"
  for (op in c("=~", "<~")) {
    syntax <- corp_rep_hoc_syntax(op)
    for (method in c("embedded", "disjoint", "repeated")) {
      for (scheme in schemes) {
        fit <- pls(syntax, data = data, hoc = method, scheme = scheme, tol = 1e-12, max_iter = 1000)
        ref <- hoc_reference(syntax, data, method, scheme)
        expect_hoc_fit(fit, ref, label = paste(op, method, scheme))
      }
    }
  }
})

test_that("each approach equals its plain-R definition on mobi and with case weights", {
  data <- mobi
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(mobi_hoc_syntax, data = data, hoc = method, tol = 1e-12, max_iter = 1000)
    expect_hoc_fit(fit, hoc_reference(mobi_hoc_syntax, data, method), label = paste("mobi", method))
  }
  set.seed(3)
  w <- sample(0:3, nrow(data), replace = TRUE)
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(mobi_hoc_syntax, data = data, hoc = method, case_weights = w, tol = 1e-12, max_iter = 1000)
    ref <- hoc_reference(mobi_hoc_syntax, data, method, weights = w)
    keep <- w > 0
    ref$scores <- ref$scores[keep, , drop = FALSE]
    fit$scores <- fit$scores[keep, , drop = FALSE]
    expect_hoc_fit(fit, ref, label = paste("weighted", method))
  }
})

test_that("the bootstrap re-estimates every stage on each resample", {
  data <- corp_rep_mean_replaced()
  syntax <- corp_rep_hoc_syntax()
  args <- hoc_reference_args(syntax)
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(syntax, data = data, hoc = method, tol = 1e-12, max_iter = 1000)
    set.seed(5)
    boot <- pls_boot(fit, R = 3, bca = FALSE)
    set.seed(5)
    seeds <- iecpls:::chunk_seeds(1)
    rows <- reference_resample_rows(seeds[, 1], nrow(data), 3)
    ref <- reference_hoc_boot(data, args$blocks, args$modes, args$structural, args$hoc, method = method,
                              rows = rows)
    common <- intersect(colnames(boot$draws), colnames(ref))
    # every weight, loading, path and R^2 of the reference is a bootstrap statistic
    expect_identical(setdiff(colnames(ref), colnames(boot$draws)), character())
    expect_equal(unname(boot$draws[, common]), unname(ref[, common]), tolerance = 1e-10, label = method)
  }
})

test_that("the bootstrap of a higher-order model runs in parallel and reproducibly", {
  skip_on_cran()
  fit <- pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced())
  set.seed(8)
  one <- pls_boot(fit, R = 40, cores = 1)
  set.seed(8)
  two <- pls_boot(fit, R = 40, cores = 2)
  expect_identical(one$draws, two$draws)
  expect_true(all(status_ok(one$status)))
})

test_that("predict() forms the dimensions' scores of new data as in the fitted sample", {
  syntax <- "
  A =~ a1 + a2 + a3
  B =~ b1 + b2 + b3
  H =~ A + B
  Y =~ y1 + y2
  Y ~ H
  "
  set.seed(4)
  n <- 200
  f <- rnorm(n)
  data <- as.data.frame(sapply(1:3, function(i) f + rnorm(n)))
  data <- cbind(data, sapply(1:3, function(i) f + rnorm(n)), sapply(1:2, function(i) 0.5 * f + rnorm(n)))
  names(data) <- c("a1", "a2", "a3", "b1", "b2", "b3", "y1", "y2")
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(syntax, data = data, hoc = method)
    pred <- predict(fit, newdata = data)
    # exogenous constructs' scores are the fitted ones
    exogenous <- setdiff(fit$model$constructs, names(fit$r2))
    expect_equal(unname(pred$scores[, exogenous, drop = FALSE]), unname(fit$scores[, exogenous, drop = FALSE]),
                 tolerance = 1e-12, label = method)
    expect_identical(colnames(pred$indicators), c("y1", "y2"))
  }
})

test_that("unsupported combinations get classed errors", {
  data <- corp_rep_mean_replaced()
  syntax <- corp_rep_hoc_syntax()
  expect_error(pls(syntax, S = cor(data[, 1:5])), class = "iecpls_needs_data")
  expect_error(pls(syntax, data = data, hoc = "twostage"), class = "iecpls_input_error")
})

# ---------------------------------------------------------------------------
# Peers

hoc_fixtures <- function(pattern) {
  files <- list.files(test_path("fixtures"), pattern, full.names = TRUE)
  lapply(stats::setNames(files, basename(files)), readRDS)
}

hoc_fixture_syntax <- function(fx) {
  if (grepl("^mobi", fx$model_name)) mobi_hoc_syntax else
    corp_rep_hoc_syntax(if (fx$hoc$mode == "B") "<~" else "=~")
}

test_that("the disjoint two-stage approach agrees with seminr's higher_composite()", {
  fixtures <- hoc_fixtures("^hoc_.*_seminr_two_stage_(path|factorial)\\.rds$")
  expect_length(fixtures, 6)
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    fit <- pls(hoc_fixture_syntax(fx), data = fx$data, hoc = "disjoint", scheme = fx$scheme, tol = 1e-12,
               max_iter = 1000)
    label <- function(what) paste(name, what)
    final <- fx$final
    lv <- fit$model$constructs
    W <- final$outer_weights
    L <- final$outer_loadings
    mv <- intersect(fit$model$indicators, rownames(W))
    expect_setequal(mv, fit$model$indicators)
    expect_equal(fit$outer_weights[mv, lv], W[mv, lv], tolerance = 1e-6, label = label("weights"))
    expect_equal(fit$outer_loadings[mv, lv], L[mv, lv], tolerance = 1e-6, label = label("loadings"))
    stage2 <- colnames(final$path_coef)
    expect_equal(fit$path_coef[stage2, stage2], final$path_coef[stage2, stage2], tolerance = 1e-6,
                 label = label("paths"))
    expect_equal(fit$r2, final$rSquared["Rsq", names(fit$r2)], tolerance = 1e-6, label = label("R^2"))
    expect_equal(unname(fit$scores[, stage2]), unname(final$construct_scores[, stage2]), tolerance = 1e-6,
                 label = label("scores"))
    dims <- fit$model$hoc$dimension
    expect_equal(unname(fit$scores[, dims]), unname(fx$first$construct_scores[, dims]), tolerance = 1e-6,
                 label = label("dimension scores"))
  }
})

test_that("the repeated-indicators approach agrees with cSEM's first stage of the mixed approach", {
  fixtures <- hoc_fixtures("^hoc_.*_cSEM_mixed_.*\\.rds$")
  expect_length(fixtures, 9)
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    fit <- pls(hoc_fixture_syntax(fx), data = fx$data, hoc = "repeated", scheme = fx$scheme, tol = 1e-12,
               max_iter = 1000)
    label <- function(what) paste(name, what)
    first <- fx$first
    lv <- fit$model$constructs
    mv <- fit$model$indicators
    expect_equal(fit$outer_weights[mv, lv], t(first$Weight_estimates[lv, mv]), tolerance = 1e-6,
                 label = label("weights"))
    expect_equal(fit$outer_loadings[mv, lv], t(first$Loading_estimates[lv, mv]), tolerance = 1e-6,
                 label = label("loadings"))
    # cSEM's paths have the outcomes in rows
    expect_equal(fit$path_coef[lv, lv], t(first$Path_estimates[lv, lv]), tolerance = 1e-6, label = label("paths"))
    expect_equal(fit$r2, first$R2[names(fit$r2)], tolerance = 1e-6, label = label("R^2"))
    expect_equal(unname(fit$scores[, lv]), unname(first$Construct_scores[, lv]), tolerance = 1e-6,
                 label = label("scores"))
  }
})

test_that("cSEM's mixed approach is the repeated-indicators model, then a stage 2 of single-score constructs", {
  # The definitional difference the help page names: cSEM's second stage
  # measures every construct other than the HOC by its stage-1 score (iecpls,
  # as SmartPLS and Sarstedt et al. 2019, re-estimates them from their
  # items). Built here with pls() from the repeated-indicators scores, it
  # equals cSEM's second stage (plain PLS: `second_plain`).
  for (name in c("hoc_corp_rep_formative_cSEM_mixed_path.rds", "hoc_mobi_cSEM_mixed_factorial.rds")) {
    fx <- readRDS(test_path("fixtures", name))
    syntax <- hoc_fixture_syntax(fx)
    scheme <- fx$scheme
    first <- pls(syntax, data = fx$data, hoc = "repeated", scheme = scheme, tol = 1e-12, max_iter = 1000)
    model <- first$model
    hoc <- model$hoc
    others <- setdiff(model$constructs, c(hoc$dimension, hoc$hoc))
    op <- if (model$modes[[hoc$hoc[1]]] == "A") "=~" else "<~"
    measurement <- c(paste0(others, "_temp <~ ", others), paste0(hoc$hoc[1], " ", op, " ", paste(hoc$dimension, collapse = " + ")))
    parsed <- parse_model(syntax)
    paths <- which(parsed$inner != 0, arr.ind = TRUE)
    rename <- function(x) ifelse(x %in% others, paste0(x, "_temp"), x)
    structural <- paste(rename(parsed$constructs[paths[, 2]]), "~", rename(parsed$constructs[paths[, 1]]))
    stage2 <- pls(paste(c(measurement, structural), collapse = "\n"), data = as.data.frame(first$scores),
                  scheme = scheme, tol = 1e-12, max_iter = 1000)
    lv <- stage2$model$constructs
    expect_equal(stage2$path_coef[lv, lv], t(fx$second_plain$Path_estimates[lv, lv]), tolerance = 1e-6, label = name)
    expect_equal(stage2$outer_weights[hoc$dimension, hoc$hoc[1]],
                 fx$second_plain$Weight_estimates[hoc$hoc[1], hoc$dimension], tolerance = 1e-6, label = name)
  }
})

test_that("f^2 by refitting, and group fits, re-estimate the higher-order model by the fit's approach", {
  data <- corp_rep_mean_replaced()
  for (method in c("embedded", "repeated")) {
    fit <- pls(corp_rep_hoc_syntax(), data = data, hoc = method)
    f2 <- pls_f2(fit, method = "refit")
    syntax <- sub("REP ~ QUAL + PERF", "REP ~ PERF", corp_rep_hoc_syntax(), fixed = TRUE)
    without <- pls(sub("QUAL <~ [^\n]*\n", "", syntax), data = data, hoc = method)
    row <- f2$from == "QUAL" & f2$to == "REP"
    expect_equal(f2$f2[row], unname((fit$r2["REP"] - without$r2["REP"]) / (1 - fit$r2["REP"])), tolerance = 1e-10)
    groups <- iecpls:::comparison_groups(fit, corp_rep_data$servicetype, NULL, "pls_mga")
    fits <- iecpls:::fit_groups(fit, groups)
    rows <- corp_rep_data$servicetype == 1
    alone <- pls(corp_rep_hoc_syntax(), data = data[rows, ], hoc = method)
    expect_equal(fits[["1"]]$path_coef, alone$path_coef, tolerance = 1e-10)
    expect_equal(fits[["1"]]$outer_weights, alone$outer_weights, tolerance = 1e-10)
  }
})

test_that("PLSpredict refits every stage on the training folds and predicts the test rows as predict() does", {
  data <- corp_rep_mean_replaced()
  folds <- rep_len(1:4, nrow(data))
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(corp_rep_hoc_syntax(), data = data, hoc = method)
    cv <- pls_predict(fit, folds = folds)
    items <- colnames(cv$predictions$pls)
    # a higher-order construct's block is not predicted; its dimensions' items are not
    # predicted from the repeated copies of themselves
    expect_identical(items, c("cusa", "cusl_1", "cusl_2", "cusl_3"))
    manual <- matrix(NA_real_, nrow(data), length(items))
    for (f in 1:4) {
      test <- folds == f
      train <- pls(corp_rep_hoc_syntax(), data = data[!test, ], hoc = method)
      manual[test, ] <- predict(train, newdata = data[test, ])$indicators[, items]
    }
    expect_equal(unname(cv$predictions$pls), manual, tolerance = 1e-10, label = method)
    # the LM benchmark regresses on the dimensions' items for the higher-order construct
    X <- as.matrix(data[, c(paste0("comp_", 1:3), paste0("like_", 1:3), "cusa")])
    test <- folds == 1
    lm <- cbind(1, X[test, 1:6]) %*% stats::lm.fit(cbind(1, X[!test, 1:6]), X[!test, "cusa"])$coefficients
    expect_equal(unname(cv$predictions$lm[test, "cusa"]), unname(drop(lm)), tolerance = 1e-10)
    expect_s3_class(pls_cvpat(fit, folds = folds, R = 50), "pls_cvpat")
    q2 <- pls_blindfold(fit)$q2
    expect_identical(q2$construct, c("CUSA", "CUSL"))
  }
  # predict() on the fitted data: the endogenous scores from the fitted ones
  fit <- pls(corp_rep_hoc_syntax(), data = data)
  pred <- predict(fit, newdata = data)
  endogenous <- names(fit$r2)
  expect_equal(unname(pred$scores[, endogenous]), unname(fit$scores %*% fit$path_coef[, endogenous]), tolerance = 1e-10)
})

test_that("IPMA works at both levels: the HOC from its items, its dimensions through it", {
  data <- corp_rep_mean_replaced()
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(corp_rep_hoc_syntax(), data = data, hoc = method)
    ipma <- suppressWarnings(pls_ipma(fit, "CUSL", 1, 7))
    # the HOC's score is a linear combination of the standardized items: recover it by least squares
    items <- c(paste0("comp_", 1:3), paste0("like_", 1:3))
    Z <- scale(as.matrix(data[, items]))
    e <- stats::lm.fit(Z, fit$scores[, "REP"])$coefficients
    u <- e / (apply(data[, items], 2, stats::sd) * 100 / 6)
    w <- u / sum(u)
    expect_equal(unname(ipma$performance["REP"]), sum(w * (colMeans(data[, items]) - 1) * 100 / 6), tolerance = 1e-8,
                 label = method)
    # the unstandardized total effect of REP on CUSL
    u_cusl <- stats::lm.fit(scale(as.matrix(data[, paste0("cusl_", 1:3)])), fit$scores[, "CUSL"])$coefficients /
      (apply(data[, paste0("cusl_", 1:3)], 2, stats::sd) * 100 / 6)
    total <- sum(fit$path_coef["REP", c("CUSA", "CUSL")] * c(fit$path_coef["CUSA", "CUSL"], 1))
    expect_equal(ipma$constructs$importance[ipma$constructs$construct == "REP"], total * sum(u) / sum(u_cusl),
                 tolerance = 1e-8, label = method)
    if (method != "repeated") {
      dims <- ipma$indicators[ipma$indicators$construct == "REP", ]
      expect_identical(dims$indicator, c("COMP", "LIKE"))
      expect_equal(sum(dims$weight), 1)
      expect_equal(sum(dims$weight * dims$performance), unname(ipma$performance["REP"]))
      dim_rows <- ipma$constructs[ipma$constructs$construct %in% c("COMP", "LIKE"), ]
      expect_equal(dim_rows$importance, dims$weight * ipma$constructs$importance[ipma$constructs$construct == "REP"])
    }
  }
})

test_that("analyses that do not handle higher-order constructs yet say so", {
  fit <- pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced())
  # the path diagram handles them (test-plot-diagram.R, test-dot.R, test-layout.R)
  expect_match(as_dot(fit), "\"REP\" -> \"COMP\"", fixed = TRUE)
  repeated <- pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced(), hoc = "repeated")
  expect_match(as_dot(repeated), "\"REP\" -> \"COMP\"", fixed = TRUE)
})

test_that("summary() assesses both levels without the artefacts of the approach", {
  data <- corp_rep_mean_replaced()
  fit <- pls(corp_rep_hoc_syntax(), data = data)
  s <- summary(fit)
  # the higher-order measurement model: loadings on the dimensions' scores, its reliability
  rows <- s$loadings$construct == "REP"
  expect_identical(s$loadings$indicator[rows], c("COMP", "LIKE"))
  expect_equal(s$loadings$loading[rows], unname(fit$outer_loadings[c("COMP", "LIKE"), "REP"]))
  expect_true("REP" %in% s$reliability$construct)
  # no discriminant validity between REP and its own dimensions
  pairs <- paste(s$htmt$construct_1, s$htmt$construct_2)
  expect_false(any(pairs %in% c("COMP REP", "REP COMP", "LIKE REP", "REP LIKE")))
  expect_true("COMP LIKE" %in% pairs)
  expect_false(any(paste(s$fornell_larcker$construct_1, s$fornell_larcker$construct_2) %in% c("COMP REP", "LIKE REP")))
  repeated <- pls(corp_rep_hoc_syntax(), data = data, hoc = "repeated")
  s <- summary(repeated)
  expect_identical(s$r2$level[s$r2$construct %in% c("COMP", "LIKE")], c("repeated indicators", "repeated indicators"))
  expect_false(any(grepl("higher on", s$cross_loadings$flag[s$cross_loadings$construct == "REP"])))
  formative <- summary(pls(corp_rep_hoc_syntax("<~"), data = data, hoc = "repeated"))
  expect_identical(formative$r2$level[formative$r2$construct == "REP"], "repeated indicators")
  expect_output(print(s), "repeated indicators")
})

test_that("the jackknife of BCa refits every stage without each case (from downdated moments)", {
  data <- corp_rep_mean_replaced()
  args <- hoc_reference_args(corp_rep_hoc_syntax())
  w <- rep(c(1, 2, 1), length.out = nrow(data))
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(corp_rep_hoc_syntax(), data = data, hoc = method, case_weights = w, tol = 1e-12, max_iter = 1000)
    set.seed(1)
    boot <- pls_boot(fit, R = 2)
    for (i in c(1L, 2L, 200L)) {
      keep <- seq_len(nrow(data)) != i
      ref <- ref_hoc_statistics(reference_hoc(data[keep, ], args$blocks, args$modes, args$structural, args$hoc,
                                              method = method, weights = w[keep]))
      expect_equal(unname(boot$jackknife[i, names(ref)]), unname(ref), tolerance = 1e-10, label = paste(method, i))
    }
  }
})

test_that("the report names each higher-order construct and the approach, within 80 columns", {
  fit <- pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced(), hoc = "disjoint")
  out <- capture.output(print(summary(fit)))
  expect_true(any(grepl("Higher-order construct: REP =~ COMP + LIKE (disjoint two-stage", out, fixed = TRUE)))
  expect_true(any(grepl("344 observations, 31 indicators, 9 constructs", out, fixed = TRUE)))
  expect_lte(max(nchar(out)), 80)
})

# rho_A of a Mode A block with weights w (Dijkstra and Henseler 2015).
plain_rho_a <- function(w, S) {
  off <- S - diag(diag(S))
  W <- tcrossprod(w)
  sum(w^2)^2 * drop(t(w) %*% off %*% w) / drop(t(w) %*% (W - diag(diag(W))) %*% w)
}

test_that("PLSc of the two-stage approaches corrects the HOC with the reliability of its dimensions' scores", {
  data <- corp_rep_mean_replaced()
  for (op in c("=~", "<~")) {
    syntax <- corp_rep_hoc_syntax(op)
    model <- parse_model(syntax)
    for (method in c("embedded", "disjoint")) {
      fit <- suppressWarnings(pls(syntax, data = data, hoc = method, consistent = TRUE, tol = 1e-12, max_iter = 1000))
      ref <- hoc_reference(syntax, data, method)
      rho <- stats::setNames(rep(1, length(ref$constructs)), ref$constructs)
      for (k in setdiff(ref$constructs, "REP")) {
        w <- ref$weights[[k]]
        if (model$modes[[k]] == "A" && length(w) > 1) rho[k] <- plain_rho_a(w, stats::cor(data[, names(w)]))
      }
      w <- ref$weights$REP
      rho["REP"] <- 1 - sum(w^2 * (1 - rho[names(w)]))
      expect_equal(fit$rho_a[names(rho)], rho, tolerance = 1e-10, label = paste(op, method, "reliabilities"))
      stage2 <- setdiff(ref$constructs, c("COMP", "LIKE"))
      C <- stats::cor(ref$scores[, stage2]) / sqrt(tcrossprod(rho[stage2]))
      diag(C) <- 1
      expect_equal(fit$construct_cor[stage2, stage2], C, tolerance = 1e-10, label = paste(op, method, "correlations"))
      for (to in c("REP", "CUSA", "CUSL")) {
        from <- stage2[ref$path_coef[stage2, to] != 0]
        beta <- solve(C[from, from], C[from, to])
        expect_equal(fit$path_coef[from, to], beta, tolerance = 1e-10, label = paste(op, method, "paths into", to))
        expect_equal(unname(fit$r2[to]), sum(beta * C[from, to]), tolerance = 1e-10)
      }
      # a common-factor dimension's loadings are its PLSc loadings
      w <- ref$weights$COMP
      expect_equal(fit$outer_loadings[names(w), "COMP"], w * sqrt(rho[["COMP"]]) / sum(w^2), tolerance = 1e-10)
    }
  }
})

test_that("PLSc of the disjoint approach agrees with seminr's (reflective dimensions, higher_composite())", {
  fixtures <- hoc_fixtures("^hoc_.*_seminr_two_stage_plsc_.*\\.rds$")
  expect_length(fixtures, 6)
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    fit <- pls(hoc_fixture_syntax(fx), data = fx$data, hoc = "disjoint", scheme = fx$scheme, consistent = TRUE,
               tol = 1e-12, max_iter = 1000)
    label <- function(what) paste(name, what)
    final <- fx$final
    lv <- fit$model$constructs
    mv <- fit$model$indicators
    expect_equal(fit$outer_weights[mv, lv], final$outer_weights[mv, lv], tolerance = 1e-6, label = label("weights"))
    expect_equal(fit$outer_loadings[mv, lv], final$outer_loadings[mv, lv], tolerance = 1e-6, label = label("loadings"))
    stage2 <- colnames(final$path_coef)
    expect_equal(fit$path_coef[stage2, stage2], final$path_coef[stage2, stage2], tolerance = 1e-6, label = label("paths"))
    expect_equal(fit$r2, final$rSquared["Rsq", names(fit$r2)], tolerance = 1e-6, label = label("R^2"))
    expect_equal(fit$rho_a[names(fx$plsc$rho)], fx$plsc$rho, tolerance = 1e-6, label = label("reliabilities"))
    dims <- fit$model$hoc$dimension
    expect_equal(fit$rho_a[dims], fx$plsc$rho_first[dims], tolerance = 1e-6, label = label("dimensions' reliabilities"))
    expect_equal(fit$construct_cor[stage2, stage2], fx$plsc$construct_cors[stage2, stage2], tolerance = 1e-6,
                 label = label("disattenuated correlations"))
  }
})

test_that("the PLSc bootstrap of a higher-order model refits both stages on each resample", {
  fit <- pls(mobi_hoc_syntax, data = mobi, consistent = TRUE, tol = 1e-12, max_iter = 1000)
  expect_true(fit$admissible)
  set.seed(9)
  # resamples near the limits may be inadmissible; their estimates are kept
  boot <- suppressWarnings(pls_boot(fit, R = 3, bca = FALSE))
  set.seed(9)
  seeds <- iecpls:::chunk_seeds(1)
  rows <- reference_resample_rows(seeds[, 1], nrow(mobi), 3)
  for (b in 1:3) {
    again <- suppressWarnings(pls(mobi_hoc_syntax, data = mobi[rows[[b]], ], consistent = TRUE, tol = 1e-12,
                                  max_iter = 1000))
    expect_identical(status_ok(boot$status[b]), again$admissible)
    expect_equal(unname(boot$draws[b, "path: PQ -> VAL"]), again$path_coef["PQ", "VAL"], tolerance = 1e-10)
    expect_equal(unname(boot$draws[b, "path: IMAG -> PQ"]), again$path_coef["IMAG", "PQ"], tolerance = 1e-10)
    expect_equal(unname(boot$draws[b, "loading: EXPE =~ CUEX1"]), again$outer_loadings["CUEX1", "EXPE"], tolerance = 1e-10)
    expect_equal(unname(boot$draws[b, "r2: SAT"]), unname(again$r2["SAT"]), tolerance = 1e-10)
  }
})

test_that("MICOM of a higher-order model forms every group's composites from its base-column weights", {
  data <- corp_rep_mean_replaced()
  split <- random_groups(nrow(data), c("a", "b"), 12)
  for (method in c("embedded", "disjoint", "repeated")) {
    fit <- pls(corp_rep_hoc_syntax(), data = data, hoc = method)
    set.seed(3)
    micom <- pls_micom(fit, split, R = 20)
    set.seed(3)
    seeds <- iecpls:::run_streams(20, 1, fit)$seeds[[1]]
    items <- iecpls:::base_indicators(fit$model)
    X <- scale(as.matrix(data[, items]))
    # a composite's weights on the standardized items, recovered from its scores
    item_weights <- function(rows) {
      group_fit <- pls(corp_rep_hoc_syntax(), data = data[rows, ], hoc = method)
      Z <- scale(as.matrix(data[rows, items]))
      apply(group_fit$scores, 2, function(score) stats::lm.fit(Z, score)$coefficients)
    }
    constructs <- fit$model$constructs
    statistics <- function(labels) {
      a <- labels == "a"
      scores <- fit$scores
      c(c = diag(cor(X %*% item_weights(a), X %*% item_weights(!a)))[constructs],
        mean_diff = colMeans(scores[a, ]) - colMeans(scores[!a, ]),
        log_var_ratio = log(apply(scores[a, ], 2, var)) - log(apply(scores[!a, ], 2, var)))
    }
    K <- length(constructs)
    table <- tidy(micom)
    observed <- unname(statistics(split))
    expect_equal(table$c, observed[seq_len(K)], tolerance = 1e-10, label = method)
    expect_equal(table$mean_diff, observed[K + seq_len(K)], tolerance = 1e-10, label = method)
    expect_equal(table$log_var_ratio, observed[2 * K + seq_len(K)], tolerance = 1e-10, label = method)
    draws <- unname(t(vapply(reference_run(seeds, split, 20)[1:3], statistics, numeric(3 * K))))
    run <- micom$permutations[["a vs b"]]
    expect_equal(unname(run$c[1:3, ]), draws[, seq_len(K)], tolerance = 1e-8, label = method)
    expect_equal(unname(run$mean_diff[1:3, ]), draws[, K + seq_len(K)], tolerance = 1e-8, label = method)
  }
})

test_that("effects run through the higher-order construct, and tidy() lists its measurement", {
  fit <- pls(corp_rep_hoc_syntax(), data = corp_rep_mean_replaced())
  effects <- pls_effects(fit)
  specific <- effects$specific
  row <- specific$path == "QUAL -> REP -> CUSA"
  expect_equal(specific$estimate[row], fit$path_coef["QUAL", "REP"] * fit$path_coef["REP", "CUSA"], tolerance = 1e-12)
  total <- effects$table[effects$table$from == "QUAL" & effects$table$to == "CUSL", ]
  B <- fit$path_coef
  expect_equal(total$total, B["QUAL", "REP"] * (B["REP", "CUSL"] + B["REP", "CUSA"] * B["CUSA", "CUSL"]),
               tolerance = 1e-12)
  terms <- tidy(fit)$term
  expect_true(all(c("REP -> CUSA", "QUAL -> REP") %in% terms))
  set.seed(1)
  boot <- pls_boot(fit, R = 20, bca = FALSE)
  measurement <- tidy(boot)
  expect_true(all(c("REP =~ COMP", "REP =~ LIKE") %in% measurement$term[measurement$type == "loading"]))
  expect_identical(glance(fit)$indicators, 31L)
})
