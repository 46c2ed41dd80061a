#' Structural model: effects, effect sizes, collinearity and R^2
#'
#' `pls_effects()` decomposes the effects among constructs into direct,
#' indirect (each specific indirect path and their total) and total effects.
#' `pls_f2()` gives Cohen's effect size f^2 of every path, `pls_vif()` the
#' variance inflation factors of the predictors of each endogenous construct
#' (`"inner"`) or of each block's indicators (`"outer"`), and `pls_r2()` the
#' R^2, adjusted R^2 and the AIC and BIC of each structural equation.
#'
#' **Effects.** With \eqn{B} the path coefficients (rows predictors, columns
#' outcomes), the total effects are \eqn{T = B + B^2 + \dots = (I - B)^{-1} -
#' I} and the total indirect effects \eqn{T - B}. A specific indirect effect
#' is the product of the coefficients along one chain of two or more paths
#' (Image -> Satisfaction -> Loyalty); the specific indirect effects of a pair
#' of constructs add up to its total indirect effect. They agree with seminr
#' (`total_effects`, `total_indirect_effects`) and cSEM (`assess()$Effects`).
#'
#' **f^2.** Cohen's (1988, ch. 9) effect size of predictor \eqn{x} for
#' outcome \eqn{y} is \eqn{f^2 = (R^2_{incl} - R^2_{excl}) / (1 -
#' R^2_{incl})}, where \eqn{R^2_{excl}} is the R^2 of \eqn{y} without
#' \eqn{x}. Cohen defines it for a regression on fixed variables: with the
#' default `method = "fixed"`, \eqn{R^2_{excl}} regresses the same construct
#' scores on the remaining predictors. This agrees with cSEM's
#' `calculatef2()`. With `method = "refit"` the PLS model without the path is
#' estimated again (same data and settings; a construct left without any path
#' is dropped), so the scores themselves change, as in seminr's `fSquare`
#' and the procedure described by Hair et al. (2017). The two differ by up
#' to 0.005 on `mobi` (Image -> Loyalty: 0.0355 fixed, 0.0308 refit) and
#' 0.009 on `corp_rep_data` (CUSA -> CUSL: 0.412 fixed, 0.403 refit).
#'
#' **Inner VIF.** \eqn{VIF_k = 1 / (1 - R^2_k)}, with \eqn{R^2_k} from
#' regressing predictor \eqn{k} on the other predictors of the same
#' equation, computed from the construct correlations (the diagonal of the
#' inverse of their correlation matrix), as in seminr and cSEM. A construct
#' with a single predictor has VIF 1 by this definition; seminr and cSEM
#' report `NA` there. (cSEM's VIF differs under PLSc, where it uses the
#' disattenuated construct correlations; [pls()] fits plain PLS.)
#'
#' **Outer VIF** uses the correlations of a block's indicators in the same
#' way (seminr's `vif_items`, cSEM's `VIF_modeB`). It matters for composite
#' (Mode B) blocks, whose weights are regression coefficients.
#'
#' **AIC and BIC** of each structural equation follow Sharma et al. (2019):
#' with \eqn{SSE = (1 - R^2)(n - 1)} (standardized scores) and \eqn{p}
#' predictors, \eqn{AIC = n \log(SSE/n) + 2(p + 1)} and
#' \eqn{BIC = n \log(SSE/n) + (p + 1)\log n}, as in seminr's `it_criteria`
#' (`NA` when \eqn{R^2 \ge 1}, which only an inadmissible PLSc solution has).
#' [pls_compare()] adds the Geweke-Meese criterion and BIC weights across
#' models; [summary.pls_fit()] reports all three criteria.
#'
#' @param fit A `pls_fit` object from [pls()].
#' @param method For `pls_f2()`: `"fixed"` (the default, scores held fixed)
#'   or `"refit"` (re-estimate the model without the path). See Details.
#' @param what For `pls_vif()`: `"inner"` (structural model) or `"outer"`
#'   (indicators of each block).
#' @return `pls_effects()`: a list with the constructs x constructs matrices
#'   `direct`, `indirect` (total indirect) and `total` (rows are the
#'   causes, columns the effects), `table`, a data frame with one row per
#'   pair of constructs linked by a directed chain (`from`, `to`, `direct`,
#'   `indirect`, `total`), and `specific`, a data frame with one row per
#'   specific indirect effect (`from`, `to`, `path`, `estimate`).
#'   `pls_f2()`: a data frame with `from`, `to` and `f2`, one row per path.
#'   `pls_vif()`: a data frame with `construct`, `predictor` (or
#'   `indicator`) and `vif`. `pls_r2()`: a data frame with `construct`,
#'   `r2`, `r2_adj`, `aic` and `bic`.
#' @references
#' Cohen, J. (1988). *Statistical Power Analysis for the Behavioral
#' Sciences* (2nd ed.). Lawrence Erlbaum. \doi{10.4324/9780203771587}
#'
#' Hair, J. F., Hult, G. T. M., Ringle, C. M., and Sarstedt, M. (2017).
#' *A Primer on Partial Least Squares Structural Equation Modeling
#' (PLS-SEM)* (2nd ed.). Sage.
#'
#' Sharma, P. N., Sarstedt, M., Shmueli, G., Kim, K. H., and Thiele, K. O.
#' (2019). PLS-based model selection: the role of alternative explanations in
#' information systems research. *Journal of the Association for Information
#' Systems*, 20(4), 346--397. \doi{10.17705/1jais.00538}
#' @seealso [summary.pls_fit()] for the thresholds.
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' effects <- pls_effects(fit)
#' effects$table
#' effects$specific
#' pls_f2(fit)
#' pls_f2(fit, method = "refit")
#' pls_vif(fit)
#' pls_r2(fit)
#' @export
pls_effects <- function(fit) {
  check_pls_fit(fit)
  direct <- fit$path_coef
  total <- total_effects(direct)
  indirect <- total - direct
  list(direct = direct, indirect = indirect, total = total,
       table = effects_table(fit$model, direct, indirect, total),
       specific = specific_indirect_effects(fit))
}

# One row per ordered pair joined by a directed chain, in outcome order.
effects_table <- function(model, direct, indirect, total) {
  constructs <- model$constructs
  index <- reachable_pairs(model$inner)
  data.frame(from = constructs[index[, 1]], to = constructs[index[, 2]],
             direct = direct[index], indirect = indirect[index], total = total[index],
             stringsAsFactors = FALSE)
}

# Every chain of two or more paths, with the product of its coefficients
# (the specific indirect effects of the C statistics vector).
specific_indirect_effects <- function(fit) {
  statistics <- stat_spec(fit$model)
  statistics$htmt_a <- statistics$htmt_b <- integer()
  parameters <- fit_parameters(fit, statistics)
  specific <- parameters[parameters$type == "specific", , drop = FALSE]
  constructs <- fit$model$constructs
  order_rows <- order(specific$to, specific$from, specific$term)
  data.frame(from = constructs[specific$from], to = constructs[specific$to], path = specific$term,
             estimate = specific$estimate, stringsAsFactors = FALSE)[order_rows, , drop = FALSE]
}

#' @rdname pls_effects
#' @export
pls_f2 <- function(fit, method = c("fixed", "refit")) {
  check_pls_fit(fit)
  method <- match_arg(method)
  paths <- path_table(fit)
  excluded <- mapply(function(from, to) r2_excluded(fit, from, to, method), paths$from, paths$to,
                     USE.NAMES = FALSE)
  r2 <- fit$r2[paths$to]
  out <- paths[c("from", "to")]
  out$f2 <- unname((r2 - excluded) / (1 - r2))
  rownames(out) <- NULL
  out
}

# R^2 of `to` once the path from -> to is removed.
r2_excluded <- function(fit, from, to, method) {
  others <- setdiff(predecessors(fit$model, to), from)
  if (!length(others)) return(0)
  if (method == "fixed") return(r2_from_cor(fit$construct_cor, to, others))
  reduced <- refit(fit, drop_path(fit$model, from, to))
  unname(reduced$r2[to])
}

# The model without the path from -> to, and without any construct that is
# then connected to nothing.
drop_path <- function(model, from, to) {
  if (has_hoc(model)) return(drop_hoc_path(model, from, to))
  if (!is.null(model$stages)) return(drop_moderated_path(model, from, to))
  inner <- model$inner
  inner[from, to] <- 0L
  keep <- model$constructs[rowSums(inner) + colSums(inner) > 0]
  model$constructs <- keep
  model$blocks <- model$blocks[keep]
  model$modes <- model$modes[keep]
  model$inner <- inner[keep, keep, drop = FALSE]
  model$indicators <- unlist(model$blocks, use.names = FALSE)
  model$syntax <- paste0(model$syntax, "\n# (path ", from, " -> ", to, " removed)")
  model
}

# drop_path() for a model with interaction terms, on the model as parsed:
# the path of an interaction term is removed with the term; removing a main
# effect X -> Y also removes the interactions of X on Y (a product term is
# not estimated without its main effects).
drop_moderated_path <- function(model, from, to) {
  rows <- model$interactions
  parsed <- parsed_model(model)
  if (from %in% rows$term) {
    rows <- rows[!(rows$term == from & rows$outcome == to), , drop = FALSE]
  } else {
    rows <- rows[!(rows$outcome == to & (rows$a == from | rows$b == from)), , drop = FALSE]
    parsed <- drop_path(parsed, from, to)
  }
  rows <- rows[rows$a %in% parsed$constructs & rows$b %in% parsed$constructs, , drop = FALSE]
  parsed$interactions <- if (nrow(rows)) remove_row_names(rows)
  parsed
}

# drop_path() for a model with higher-order constructs, on the model as
# parsed: a dimension stays while its higher-order construct does. The
# links of a HOC with its dimensions (paths of the repeated-indicators
# model) are its measurement, not paths to drop.
drop_hoc_path <- function(model, from, to) {
  parsed <- parsed_model(model)
  hoc <- parsed$hoc
  if (any(c(from, to) %in% hoc$dimension)) {
    abort_model("The link {.field {from}} -> {.field {to}} joins a higher-order construct and its dimension; it cannot be removed.",
                class = "iecpls_unsupported_error")
  }
  inner <- parsed$inner
  inner[from, to] <- 0L
  linked <- rowSums(inner) + colSums(inner) > 0
  keep <- parsed$constructs[linked | parsed$constructs %in% hoc$dimension[hoc$hoc %in% parsed$constructs[linked]]]
  out <- hoc_part(keep, parsed$blocks, parsed$modes, inner, paste0(parsed$syntax, "\n# (path ", from, " -> ", to, " removed)"))
  hoc <- hoc[hoc$hoc %in% keep, , drop = FALSE]
  if (nrow(hoc)) out$hoc <- remove_row_names(hoc)
  mark_checked(out)
}

# Re-estimates another model on the data and with the settings of `fit`
# (the same rows when casewise deletion was used).
refit <- function(fit, model) {
  settings <- fit$settings
  if (is.null(fit$data)) {
    nobs <- if (is.na(fit$nobs)) NULL else fit$nobs
    return(pls(model, S = fit$indicator_cor[model$indicators, model$indicators], nobs = nobs,
               scheme = settings$scheme, tol = settings$tol, max_iter = settings$max_iter,
               consistent = isTRUE(settings$consistent)))
  }
  data <- fit$data
  weights <- fit$case_weights
  if (!is.null(fit$rows_used)) {
    data <- data[fit$rows_used, , drop = FALSE]
    weights <- weights[fit$rows_used]
  }
  args <- source_args(settings)
  pls(model, data = data, scheme = settings$scheme, missing = settings$missing,
      case_weights = weights, tol = settings$tol, max_iter = settings$max_iter,
      consistent = isTRUE(settings$consistent), interaction = settings$interaction %||% "two_stage",
      product_term = settings$product_term %||% "standardized", hoc = settings$hoc %||% "embedded",
      ordinal = intersect(args$ordinal, model$indicators), cor = args$cor)
}

#' @rdname pls_effects
#' @export
pls_vif <- function(fit, what = c("inner", "outer")) {
  check_pls_fit(fit)
  what <- match_arg(what)
  model <- fit$model
  if (what == "inner") {
    groups <- stats::setNames(lapply(model_endogenous(model), predecessors, model = model),
                              model_endogenous(model))
    R <- fit$construct_cor
    member <- "predictor"
  } else {
    groups <- model$blocks
    R <- fit$indicator_cor
    member <- "indicator"
  }
  rows <- lapply(names(groups), function(k) {
    vif <- vif_from_cor(R[groups[[k]], groups[[k]], drop = FALSE])
    out <- data.frame(construct = k, member = groups[[k]], vif = unname(vif), stringsAsFactors = FALSE)
    names(out)[2] <- member
    out
  })
  do.call(rbind, rows)
}

#' @rdname pls_effects
#' @export
pls_r2 <- function(fit) {
  check_pls_fit(fit)
  selection_criteria(fit)[c("construct", "r2", "r2_adj", "aic", "bic")]
}
