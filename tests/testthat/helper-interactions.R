# Plain-R oracle of the three interaction approaches, on reference_pls()
# (helper-reference.R): the derived columns are formed from the data
# directly, so it shares nothing with src/staged.c.

# `model`: list(blocks, modes, inner) without the interaction terms;
# `terms`: data frame (term, a, b, outcome).
reference_interaction <- function(data, model, terms, method, scheme = "path", weights = NULL) {
  w <- if (is.null(weights)) rep(1, nrow(data)) else weights
  X <- ref_standardize(as.matrix(data[unlist(model$blocks)]), w)
  blocks <- model$blocks
  unique_terms <- unique(terms$term)
  lv <- c(names(blocks), unique_terms)
  inner <- matrix(0, length(lv), length(lv), dimnames = list(lv, lv))
  inner[names(blocks), names(blocks)] <- model$inner
  inner[cbind(terms$term, terms$outcome)] <- 1
  modes <- c(model$modes, stats::setNames(rep("A", length(unique_terms)), unique_terms))
  derived <- list()
  first <- NULL
  if (method == "two_stage") {
    first <- reference_pls(as.data.frame(X), blocks, model$modes, model$inner, scheme = scheme, weights = w)
  }
  for (term in unique_terms) {
    row <- terms[match(term, terms$term), ]
    if (method == "two_stage") {
      item <- paste0(row$a, "*", row$b)
      derived[[item]] <- first$scores[, row$a] * first$scores[, row$b]
      blocks[[term]] <- item
      next
    }
    xa <- blocks[[row$a]]
    xb <- blocks[[row$b]]
    pairs <- expand.grid(i = seq_along(xa), j = seq_along(xb))
    names <- paste0(xa[pairs$i], "*", xb[pairs$j])
    for (k in seq_along(names)) {
      product <- X[, xa[pairs$i[k]]] * X[, xb[pairs$j[k]]]
      if (method == "orthogonal") {
        regressors <- X[, unique(c(xa, xb)), drop = FALSE]
        product <- stats::lm.wfit(cbind(1, regressors), product, w)$residuals
      }
      derived[[names[k]]] <- product
    }
    blocks[[term]] <- names
  }
  data2 <- cbind(as.data.frame(X), as.data.frame(derived, check.names = FALSE))
  ref <- reference_pls(data2, blocks, modes, inner, scheme = scheme, weights = w)
  ref$first <- first
  ref
}

# The model pieces reference_interaction() takes, from iecpls's parser.
reference_interaction_model <- function(syntax) {
  parsed <- iecpls::parse_model(syntax)
  list(model = list(blocks = parsed$blocks, modes = parsed$modes, inner = parsed$inner),
       terms = parsed$interactions)
}

# fit and oracle agree on every estimate
expect_interaction_fit <- function(fit, ref, tolerance = 1e-8) {
  lv <- fit$model$constructs
  mv <- fit$model$indicators
  expect_equal(fit$path_coef[lv, lv], ref$path_coef[lv, lv], tolerance = tolerance)
  expect_equal(fit$outer_weights[mv, lv], ref$outer_weights[mv, lv], tolerance = tolerance)
  expect_equal(fit$outer_loadings[mv, lv], ref$outer_loadings[mv, lv], tolerance = tolerance)
  expect_equal(fit$r2, ref$r2[names(fit$r2)], tolerance = tolerance)
  expect_equal(unname(fit$scores[, lv]), unname(ref$scores[, lv]), tolerance = tolerance)
}

# indicators x constructs 0/1 membership of a parsed model's blocks
block_membership_matrix <- function(model) {
  out <- matrix(0, length(model$indicators), length(model$constructs),
                dimnames = list(model$indicators, model$constructs))
  for (k in model$constructs) out[model$blocks[[k]], k] <- 1
  out
}

model_endogenous_names <- function(model) model$constructs[colSums(model$inner) > 0]
