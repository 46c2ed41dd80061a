# Small helpers shared by the assessment files (assess-*.R, summary.R,
# tidy.R). Every assessment statistic is computed from the estimates stored
# in a pls_fit, mostly from the indicator correlation matrix, the outer
# weights and loadings, the construct correlations and the path
# coefficients.

# Also checks the fit's model, which may have been edited after pls(), and
# that it still matches the estimates.
check_pls_fit <- function(fit, name = "fit") {
  if (!inherits(fit, "pls_fit")) {
    abort_input("{.arg {name}} must be a {.cls pls_fit} from {.fn pls}, not {.obj_type_friendly {fit}}.")
  }
  model <- fit$model
  check_pls_model(model, paste0("`", name, "$model`"))
  same <- identical(dimnames(fit$path_coef), list(model$constructs, model$constructs)) &&
    identical(dimnames(fit$outer_weights), list(model$indicators, model$constructs)) &&
    all(fit$path_coef[model$inner == 0] == 0)
  if (!same) {
    model_error("`", name, "$model` does not match the estimates in `", name, "` (was it ",
                "edited after pls()?); fit the edited model with pls() instead.")
  }
  invisible(fit)
}

check_flag <- function(x, name) {
  if (!is.logical(x) || length(x) != 1L || is.na(x)) {
    abort_input("{.arg {name}} must be {.code TRUE} or {.code FALSE}, not {.obj_type_friendly {x}}.")
  }
  invisible(x)
}

# The constructs an assessment reports: the reflective (Mode A) ones, or all
# of them with `composites = TRUE`.
assessed_constructs <- function(model, composites) {
  if (composites) model$constructs else model$constructs[model$modes == "A"]
}

# Correlations among the indicators of one block.
block_cor <- function(fit, construct) {
  items <- fit$model$blocks[[construct]]
  fit$indicator_cor[items, items, drop = FALSE]
}

# The construct each indicator belongs to, named by indicator.
indicator_construct <- function(model) {
  stats::setNames(rep(model$constructs, lengths(model$blocks)), model$indicators)
}

# Variance inflation factors of a set of variables from their correlation
# matrix: VIF_k = 1 / (1 - R^2_k) is the k-th diagonal element of R^-1. A
# single variable has VIF 1 (nothing to be collinear with); exactly collinear
# variables have VIF Inf.
vif_from_cor <- function(R) {
  if (nrow(R) == 1L) return(stats::setNames(1, rownames(R)))
  inverse <- tryCatch(solve(R), error = function(e) NULL)
  if (is.null(inverse)) return(stats::setNames(rep(Inf, nrow(R)), rownames(R)))
  diag(inverse)
}

# R^2 of regressing `outcome` on `predictors`, from a correlation matrix.
r2_from_cor <- function(R, outcome, predictors) {
  if (!length(predictors)) return(0)
  r <- R[predictors, outcome]
  sum(r * solve(R[predictors, predictors, drop = FALSE], r))
}

# One row per unordered pair of `constructs` (in their order: the pairs of a
# lower triangle, column by column) with the values of square matrices.
pair_table <- function(constructs, ...) {
  index <- which(lower.tri(diag(length(constructs))), arr.ind = TRUE)
  index <- index[order(index[, 2], index[, 1]), , drop = FALSE]
  out <- data.frame(construct_1 = constructs[index[, 2]], construct_2 = constructs[index[, 1]],
                    stringsAsFactors = FALSE)
  matrices <- list(...)
  for (name in names(matrices)) out[[name]] <- matrices[[name]][index]
  out
}
