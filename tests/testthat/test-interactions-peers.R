# Interaction terms against the peers' fixtures (tools/make-fixtures-interaction.R):
# seminr's two-stage, product-indicator and orthogonal approaches, and the
# weights of cSEM's nonlinear estimator.

interaction_fixtures <- function(peer) {
  files <- list.files(test_path("fixtures"), paste0("^interaction_.*_", peer, "\\.rds$"), full.names = TRUE)
  lapply(stats::setNames(files, basename(files)), readRDS)
}

interaction_fixture_data <- function(fx) if (fx$dataset == "mobi") mobi else corp_rep_mean_replaced()

# seminr's item names as iecpls's: products "a*b" are the same, and the
# two-stage item "A*B_intxn" is "A*B".
iecpls_item_names <- function(fx, names) sub("_intxn$", "", names)

test_that("the three approaches agree with seminr (unstandardized product terms, as seminr reports them)", {
  fixtures <- interaction_fixtures("seminr")
  fixtures <- fixtures[!grepl("_plsc_", names(fixtures))]
  expect_length(fixtures, 12)
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    fit <- pls(fx$model, data = interaction_fixture_data(fx), interaction = fx$method, product_term = "unstandardized",
               tol = 1e-10, max_iter = 1000)
    lv <- fit$model$constructs
    mv <- fit$model$indicators
    W <- fx$outer_weights
    rownames(W) <- iecpls_item_names(fx, rownames(W))
    L <- fx$outer_loadings
    rownames(L) <- rownames(W)
    # seminr multiplies the product term's loadings by its factor; iecpls keeps correlations
    factor <- fit$stages$product_factor
    L[, lv] <- sweep(L[, lv], 2, factor, "/")
    # seminr's two-stage stage 1 stops at its default tolerance (about 1e-9 in the weights)
    label <- function(what) paste(name, what)
    expect_equal(fit$path_coef[lv, lv], fx$path_coef[lv, lv], tolerance = 1e-6, label = label("paths"))
    expect_equal(fit$outer_weights[mv, lv], W[mv, lv], tolerance = 1e-6, label = label("weights"))
    expect_equal(fit$outer_loadings[mv, lv], L[mv, lv], tolerance = 1e-6, label = label("loadings"))
    expect_equal(fit$r2, fx$r2[names(fit$r2)], tolerance = 1e-6, label = label("R^2"))
    expect_equal(unname(fit$scores[, lv]), unname(fx$construct_scores[, lv]), tolerance = 1e-6, label = label("scores"))
    # the standardized paths differ only in the product terms' rows, by their factors
    standardized <- pls(fx$model, data = interaction_fixture_data(fx), interaction = fx$method, tol = 1e-10,
                        max_iter = 1000)
    expect_equal(sweep(fit$path_coef, 1, factor, "*"), standardized$path_coef, tolerance = 1e-10)
    expect_equal(fit$outer_weights, standardized$outer_weights, tolerance = 1e-12)
    expect_equal(fit$r2, standardized$r2, tolerance = 1e-12)
  }
})

test_that("with PLSc the product terms stay composites, as in seminr", {
  # seminr re-estimates the paths from the corrected construct correlations,
  # so under PLSc it reports the standardized path of the product term
  fixtures <- interaction_fixtures("plsc_seminr")
  expect_length(fixtures, 12)
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    fit <- suppressWarnings(pls(fx$model, data = interaction_fixture_data(fx), interaction = fx$method,
                                consistent = TRUE, tol = 1e-10, max_iter = 1000))
    lv <- fit$model$constructs
    expect_equal(fit$path_coef[lv, lv], fx$path_coef[lv, lv], tolerance = 1e-6, label = paste(name, "paths"))
    expect_equal(fit$r2, fx$r2[names(fit$r2)], tolerance = 1e-6, label = paste(name, "R^2"))
    expect_equal(fit$rho_a[lv], fx$rho_a[lv], tolerance = 1e-6, label = paste(name, "rho_A"))
    expect_true(all(fit$rho_a[iecpls:::interaction_terms(fit$model)] == 1))
  }
})

test_that("unstandardized product terms are bootstrapped on their own scale", {
  fit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced(), product_term = "unstandardized",
             tol = 1e-12, max_iter = 1000)
  set.seed(11)
  boot <- pls_boot(fit, R = 3, bca = FALSE)
  set.seed(11)
  seeds <- iecpls:::chunk_seeds(1)   # drawn before reference_resample_rows() changes the generator
  rows <- reference_resample_rows(seeds[, 1], nrow(corp_rep_data), 3)
  for (b in 1:3) {
    refit <- pls(corp_rep_moderation_syntax, data = corp_rep_mean_replaced()[rows[[b]], ],
                 product_term = "unstandardized", tol = 1e-12, max_iter = 1000)
    expect_equal(unname(boot$draws[b, "path: CUSA:SC -> CUSL"]), refit$path_coef["CUSA:SC", "CUSL"], tolerance = 1e-10)
  }
  # predictions use the term's scores on the same scale
  expect_equal(unname(predict(fit)$scores[, "CUSA:SC"]), unname(fit$scores[, "CUSA:SC"]), tolerance = 1e-10)
})

test_that("cSEM's nonlinear estimator uses the two-stage approach's stage-1 weights", {
  # cSEM estimates the weights on the model without the interaction terms
  # and never again, then the paths by its method of moments (Dijkstra and
  # Schermelleh-Engel 2014), whose means divide by n: a different estimator
  # of the paths. Its weights are iecpls's stage-1 weights, and its paths are
  # that estimator applied to the stage-1 scores.
  fixtures <- interaction_fixtures("cSEM")
  fixtures <- fixtures[!grepl("plsc", names(fixtures))]
  expect_length(fixtures, 4)
  for (name in names(fixtures)) {
    fx <- fixtures[[name]]
    data <- interaction_fixture_data(fx)
    fit <- pls(fx$model, data = data, tol = 1e-12, max_iter = 1000)
    parsed <- fit$model$stages$parsed
    lv <- parsed$constructs
    W1 <- block_membership_matrix(parsed) * fit$stages$first_weights
    expect_equal(W1, fx$outer_weights[parsed$indicators, lv], tolerance = 1e-8, label = paste(name, "weights"))
    # cSEM's paths, from the stage-1 scores
    n <- nrow(data)
    H <- scale(as.matrix(data[parsed$indicators])) %*% W1
    rows <- fit$model$interactions
    for (outcome in unique(c(model_endogenous_names(parsed), rows$outcome))) {
      linear <- lv[parsed$inner[, outcome] == 1]
      terms <- rows$term[rows$outcome == outcome]
      X <- cbind(H[, linear, drop = FALSE],
                 vapply(terms, function(t) H[, rows$a[match(t, rows$term)]] * H[, rows$b[match(t, rows$term)]], numeric(n)))
      # the mean of a product: its sample mean, but 1 for a square (cSEM)
      quadratic <- rows$a[match(terms, rows$term)] == rows$b[match(terms, rows$term)]
      mu <- c(rep(0, length(linear)), ifelse(quadratic, 1, colMeans(X[, terms, drop = FALSE])))
      V <- crossprod(X) / n - outer(mu, mu)
      diag(V)[seq_along(linear)] <- 1
      b <- solve(V, crossprod(X, H[, outcome]) / n)
      expect_equal(unname(drop(b)), unname(fx$path_coef[c(linear, terms), outcome]), tolerance = 1e-8,
                   label = paste(name, outcome, "paths"))
    }
  }
})
