# Tests of the reference implementation (helper-reference.R) against the
# stored estimates of the peer packages seminr and cSEM
# (tests/testthat/fixtures/*.rds, written by tools/make-fixtures.R).
# Neither peer is needed here.

expected_fixtures <- function() {
  models <- c("mobi", "corp_rep", "satisfaction", "russett", "itflex",
              "bergami")
  c(outer(models, c("path", "factorial"),
          function(m, s) paste0(m, "_", s, "_seminr")),
    outer(models, c("path", "factorial", "centroid"),
          function(m, s) paste0(m, "_", s, "_cSEM")))
}

test_that("all fixtures are present and well formed", {
  fx <- read_fixtures()
  expect_setequal(names(fx), expected_fixtures())
  for (nm in names(fx)) {
    f <- fx[[nm]]
    spec <- ref_parse_syntax(f$model)
    lv <- names(spec$blocks)
    mv <- unlist(spec$blocks, use.names = FALSE)
    endo <- lv[colSums(spec$inner) > 0]
    expect_identical(dimnames(f$outer_weights), list(mv, lv), info = nm)
    expect_identical(dimnames(f$outer_loadings), list(mv, lv), info = nm)
    expect_identical(dimnames(f$cross_loadings), list(mv, lv), info = nm)
    expect_identical(dimnames(f$path_coef), list(lv, lv), info = nm)
    expect_identical(dimnames(f$construct_cor), list(lv, lv), info = nm)
    expect_identical(names(f$r2), endo, info = nm)
    expect_identical(names(f$r2_adj), endo, info = nm)
    expect_identical(colnames(f$scores_head), lv, info = nm)
    expect_identical(nrow(f$scores_head), 10L, info = nm)
    expect_true(all((spec$inner == 0) <= (f$path_coef == 0)), info = nm)
    expect_true(f$peer$package %in% c("seminr", "cSEM"), info = nm)
    expect_identical(f$settings$scheme,
                     sub("^.*_(path|factorial|centroid)_[^_]+$", "\\1", nm),
                     info = nm)
  }
})

test_that("seminr and cSEM fixtures agree with each other", {
  fx <- read_fixtures()
  els <- c("outer_weights", "outer_loadings", "cross_loadings", "path_coef",
           "r2", "r2_adj", "construct_cor", "scores_head")
  for (nm in grep("_seminr$", names(fx), value = TRUE)) {
    other <- sub("_seminr$", "_cSEM", nm)
    for (e in els) {
      expect_lt(ref_max_abs_diff(fx[[nm]][[e]], fx[[other]][[e]]), 1e-8,
                label = paste(nm, e))
    }
  }
})

check_oracle_against_fixtures <- function(scheme) {
  fx <- read_fixtures(paste0("_", scheme, "_.*\\.rds$"))
  expect_gt(length(fx), 0)
  els <- c("outer_weights", "outer_loadings", "cross_loadings", "path_coef",
           "r2", "r2_adj", "construct_cor", "scores_head")
  cache <- list()
  for (nm in names(fx)) {
    f <- fx[[nm]]
    key <- f$model_name
    if (is.null(cache[[key]])) {
      ref <- reference_for_fixture(f)
      ref$scores_head <- ref$scores[1:10, , drop = FALSE]
      rownames(ref$scores_head) <- NULL
      cache[[key]] <- ref
    }
    ref <- cache[[key]]
    expect_true(ref$converged, label = nm)
    expect_length(ref$flipped, 0)
    for (e in els) {
      expect_lt(ref_max_abs_diff(ref[[e]], f[[e]]), 1e-6,
                label = paste(nm, e))
    }
  }
}

test_that("oracle matches the peers with the path scheme", {
  check_oracle_against_fixtures("path")
})

test_that("oracle matches the peers with the factorial scheme", {
  check_oracle_against_fixtures("factorial")
})

test_that("oracle matches the peers with the centroid scheme", {
  check_oracle_against_fixtures("centroid")
})

test_that("oracle scores are standardized and consistent with the estimates", {
  mobi <- load_pkg_data("mobi")
  f <- read_fixtures("^mobi_path_cSEM")[[1]]
  spec <- ref_parse_syntax(f$model)
  ref <- reference_pls(mobi, spec$blocks, spec$modes, spec$inner, "path")
  expect_equal(unname(colMeans(ref$scores)), rep(0, 7), tolerance = 1e-12)
  expect_equal(unname(apply(ref$scores, 2, stats::sd)), rep(1, 7),
               tolerance = 1e-12)
  X <- scale(as.matrix(mobi[, rownames(ref$outer_weights)]))
  expect_equal(unname(X %*% ref$outer_weights), unname(ref$scores),
               tolerance = 1e-10)
  expect_equal(ref$construct_cor, stats::cor(ref$scores), tolerance = 1e-12)
  # R^2 of Satisfaction equals that of lm()
  fit <- stats::lm(Satisfaction ~ Image + Expectation + Quality + Value,
                   data = as.data.frame(ref$scores))
  expect_equal(ref$r2[["Satisfaction"]], summary(fit)$r.squared,
               tolerance = 1e-12)
  expect_equal(ref$r2_adj[["Satisfaction"]], summary(fit)$adj.r.squared,
               tolerance = 1e-12)
})

test_that("oracle frequency weights equal replicated rows", {
  prob <- random_pls_problem(11, n = 120)
  w <- rep(c(1, 2, 3), length.out = nrow(prob$data))
  rep_data <- prob$data[rep(seq_len(nrow(prob$data)), w), , drop = FALSE]
  for (scheme in c("path", "factorial", "centroid")) {
    a <- reference_pls(prob$data, prob$blocks, prob$modes, prob$inner,
                       scheme, weights = w)
    b <- reference_pls(rep_data, prob$blocks, prob$modes, prob$inner, scheme)
    for (e in c("outer_weights", "outer_loadings", "cross_loadings",
                "path_coef", "r2", "r2_adj", "construct_cor")) {
      expect_lt(ref_max_abs_diff(a[[e]], b[[e]]), 1e-10,
                label = paste(scheme, e))
    }
    u <- reference_pls(prob$data, prob$blocks, prob$modes, prob$inner,
                       scheme, weights = rep(1, nrow(prob$data)))
    v <- reference_pls(prob$data, prob$blocks, prob$modes, prob$inner, scheme)
    expect_lt(ref_max_abs_diff(u$outer_weights, v$outer_weights), 1e-14)
  }
})

test_that("random_pls_problem gives valid, connected, recursive models", {
  for (seed in 1:40) {
    prob <- random_pls_problem(seed, n = 100)
    lv <- names(prob$blocks)
    k <- length(lv)
    expect_true(k >= 3 && k <= 6)
    expect_true(all(lengths(prob$blocks) >= 1 & lengths(prob$blocks) <= 5))
    expect_setequal(names(prob$modes), lv)
    expect_true(all(prob$modes %in% c("A", "B")))
    expect_identical(dimnames(prob$inner), list(lv, lv))
    expect_identical(colnames(prob$data),
                     unlist(prob$blocks, use.names = FALSE))
    expect_identical(nrow(prob$data), 100L)
    # acyclic: some power of the adjacency matrix vanishes
    P <- prob$inner
    for (i in seq_len(k)) P <- P %*% prob$inner
    expect_true(all(P == 0))
    # connected (undirected)
    A <- (prob$inner + t(prob$inner) + diag(k)) > 0
    reach <- A
    for (i in seq_len(k)) reach <- (reach %*% A) > 0
    expect_true(all(reach))
    # the syntax describes the same model
    parsed <- ref_parse_syntax(prob$syntax)
    expect_identical(parsed$blocks, prob$blocks)
    expect_identical(parsed$modes, prob$modes)
    expect_identical(parsed$inner, prob$inner)
    # reproducible
    expect_identical(random_pls_problem(seed, n = 100), prob)
  }
})

test_that("oracle converges on random problems for every scheme", {
  for (seed in 1:10) {
    prob <- random_pls_problem(seed)
    for (scheme in c("path", "factorial", "centroid")) {
      ref <- reference_pls(prob$data, prob$blocks, prob$modes, prob$inner,
                           scheme)
      expect_true(ref$converged, label = paste(seed, scheme))
      expect_equal(unname(apply(ref$scores, 2, stats::sd)),
                   rep(1, length(prob$blocks)), tolerance = 1e-10)
    }
  }
})
