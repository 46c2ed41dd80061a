#' Assessment report of a fitted PLS path model
#'
#' `summary()` computes every criterion applied researchers report for a
#' PLS-SEM study and marks each value that fails its threshold. Printing it
#' gives the report in the order of a paper (Hair et al. 2019): the
#' measurement model (indicator reliability, internal consistency
#' reliability, convergent validity, composite indicators, discriminant
#' validity), then the structural model (collinearity, R^2, f^2, path
#' coefficients, effects), then model fit.
#'
#' @section Thresholds:
#' Each table has a `flag` column, empty where the criterion is met and
#' naming the failed rule otherwise. The rules and their sources:
#' \describe{
#'   \item{Indicator loadings}{Reflective (Mode A) loadings of at least 0.708,
#'     so the construct explains at least half of the indicator's variance
#'     (Hair et al. 2019).}
#'   \item{Internal consistency}{Cronbach's alpha, rho_A and rho_C between
#'     0.70 and 0.95: below 0.70 is unreliable (0.60 may be acceptable in
#'     exploratory research), above 0.95 suggests redundant items (Hair et al.
#'     2019). rho_A: Dijkstra and Henseler (2015).}
#'   \item{Convergent validity}{AVE of at least 0.50 (Fornell and Larcker
#'     1981; Hair et al. 2019).}
#'   \item{Discriminant validity}{HTMT below 0.85 (Henseler, Ringle and
#'     Sarstedt 2015); 0.90 is accepted for conceptually similar constructs,
#'     set with `htmt_threshold`. Fornell-Larcker: the square root of each
#'     construct's AVE exceeds its correlations with the other constructs
#'     (Fornell and Larcker 1981). Cross-loadings: an indicator correlates
#'     most with its own construct.}
#'   \item{Collinearity}{VIF of composite indicators and of the predictors of
#'     each endogenous construct below 3 ideally, and below 5 at most (Hair et
#'     al. 2019); values from 3 on are flagged `VIF >= 3`, from 5 on
#'     `VIF >= 5`.}
#'   \item{R^2}{0.25, 0.50 and 0.75 describe weak, moderate and substantial
#'     explanatory power (Hair et al. 2019); the `level` column says which
#'     (`"very weak"` below 0.25).}
#'   \item{f^2}{0.02, 0.15 and 0.35 are small, medium and large effects
#'     (Cohen 1988); the `size` column says which (`"none"` below 0.02).}
#'   \item{Inadmissible PLSc}{When the consistent PLS solution is
#'     inadmissible (see [pls()]; R^2 may then exceed 1 and f^2 be
#'     negative), every `level` and `size` is `"inadmissible"` and the
#'     printed report says so at the top and at the end.}
#'   \item{SRMR}{At most 0.08 for a good fit of the estimated model (Hu and
#'     Bentler 1999; for PLS, Henseler et al. 2014, who also discuss d_ULS
#'     and d_G, which have no fixed cut-off).}
#' }
#' Single-item constructs have reliability and AVE 1 by construction and are
#' not judged.
#'
#' @section Formative indicator weights:
#' When the fit carries a bootstrap, the table `formative_weights` judges
#' each indicator of a composite (Mode B) block by the procedure of Hair et
#' al. (2022, ch. 5; Hair et al. 2019). Its columns: `construct`,
#' `indicator`, the `weight` with its bootstrap `se`, `t`, `p`, percentile
#' interval `lower`, `upper` and stars `sig`; the `loading` with the same
#' inference (`loading_se`, `loading_t`, `loading_p`, `loading_lower`,
#' `loading_upper`, `loading_sig`); the indicator's `vif` (that of
#' `outer_vif`); the `decision`; and `flag`. These are the rows of
#' `summary(fit$boot)$weights` and `$loadings` (see [pls_boot-methods]),
#' not computed again. A weight or loading is significant when its `p` is
#' below 1 - `level` of the bootstrap (0.05 by default):
#' \describe{
#'   \item{`"keep"`}{the weight is significant.}
#'   \item{`"keep (loading)"`}{the weight is not significant, but the
#'     loading is at least 0.50: the indicator is absolutely, if not
#'     relatively, important.}
#'   \item{`"consider removal"`}{the weight is not significant and the
#'     loading is below 0.50 but significant: consider removing the
#'     indicator; theory and content validity decide (flagged).}
#'   \item{`"remove"`}{neither the weight nor the loading is significant
#'     and the loading is below 0.50: the indicator can be removed, unless
#'     content validity forbids it (flagged).}
#' }
#' Formative indicators are not interchangeable, so an indicator is never
#' removed on these numbers alone (Hair et al. 2022). Collinearity is
#' judged by the VIF as in `outer_vif`, and the VIF flags stay counted
#' there. The printed report shows this table in place of the `outer_vif`
#' one, followed by the loadings of the indicators whose weight is not
#' significant.
#'
#' The definitions, and how they relate to seminr's and cSEM's, are on the
#' help pages of the functions that compute them: [pls_reliability()],
#' [pls_htmt()], [pls_effects()] and [pls_model_fit()].
#'
#' @param object A `pls_fit` object from [pls()].
#' @param htmt_threshold HTMT values at or above this are flagged: 0.85 by
#'   default, 0.90 for conceptually similar constructs.
#' @param htmt_absolute Compute HTMT and HTMT2 from absolute indicator
#'   correlations (as seminr and SmartPLS do)? See [pls_htmt()].
#' @param f2_method `"fixed"` or `"refit"`, see [pls_f2()].
#' @param implied Measurement model behind the model-implied correlations
#'   used by the fit measures, see [pls_model_fit()].
#' @param x A `summary.pls_fit` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @return An object of class `summary.pls_fit`: a list of data frames, each
#'   a plain table ready for [knitr::kable()] or export.
#' \describe{
#'   \item{`model`}{One row: observations, indicators, constructs, scheme,
#'     iterations, convergence and admissibility (`admissible`, `FALSE` for
#'     an inadmissible PLSc solution).}
#'   \item{`loadings`}{Per indicator: weight, loading, indicator reliability
#'     (squared loading) and outer VIF.}
#'   \item{`reliability`}{Per reflective construct: alpha, rho_A, rho_C and
#'     AVE ([pls_reliability()]).}
#'   \item{`outer_vif`}{Per indicator of a composite (Mode B) block: weight,
#'     loading and VIF.}
#'   \item{`formative_weights`}{Only when the fit carries a bootstrap: per
#'     indicator of a composite (Mode B) block, the significance of its
#'     weight and the decision whether to keep it; see the section
#'     *Formative indicator weights*.}
#'   \item{`htmt`, `fornell_larcker`}{Per pair of reflective constructs: HTMT
#'     and HTMT2; the correlation and the square roots of the two AVEs.}
#'   \item{`cross_loadings`}{Per indicator: its correlations with every
#'     construct ([pls_cross_loadings()]; under PLSc the disattenuated
#'     cross-loadings, whose own entry is the indicator's loading).}
#'   \item{`inner_vif`, `r2`, `f2`, `paths`}{Per predictor of each
#'     endogenous construct, per endogenous construct and per path.}
#'   \item{`selection`}{Per endogenous construct, the model selection
#'     criteria of its structural equation (Sharma et al. 2019): `n`, `k`
#'     (predictors + 1), `sse`, `r2`, `r2_adj`, `aic`, `bic` and `gm`
#'     (Geweke-Meese), defined in [pls_compare()], which compares them
#'     across models. They have no threshold: smaller is better among models
#'     of the same data. `tidy()` does not list them.}
#'   \item{`effects`, `indirect_effects`}{Direct, total indirect and total
#'     effect of each pair of constructs linked by a chain of paths; each
#'     specific indirect effect ([pls_effects()]).}
#'   \item{`moderated_mediation`, `conditional_indirect`}{Only for a model
#'     with interaction terms: the index of moderated mediation of each
#'     indirect path with one moderated path, and its conditional indirect
#'     effects at the moderator's mean and one standard deviation either side
#'     ([pls_conditional_effects()]; with bootstrap inference when the fit
#'     carries a bootstrap, at its level).}
#'   \item{`fit`}{SRMR, d_ULS and d_G of the estimated and the saturated
#'     model ([pls_model_fit()]). When the fit carries a bootstrap test of
#'     exact fit (`fit$model_fit_test <- pls_model_fit(fit, R = 5000)`, with
#'     the same `implied` model), also its critical values: `hi95_est`,
#'     `hi99_est`, `hi95_sat` and `hi99_sat`, the 95% and 99% quantiles of
#'     the measure under the estimated and the saturated model (exact fit is
#'     supported when the value does not exceed them).}
#' }
#' When the fit carries a bootstrap (`pls(..., R = R)`, or
#' `fit$boot <- pls_boot(fit)`), `paths`, `effects` (prefixes `total_` and
#' `indirect_`) and `indirect_effects` gain the bootstrap standard error `se`,
#' `t`, `p`, the percentile interval `lower`, `upper` and significance stars
#' `sig` (`***` p < 0.001, `**` < 0.01, `*` < 0.05, `.` < 0.1), and `htmt`
#' gains `upper_95`, the upper bound of the one-sided 95% percentile
#' interval, flagged when it reaches the threshold (Franke and Sarstedt 2019,
#' \doi{10.1108/IntR-12-2017-0515}).
#' `print()` returns its argument invisibly.
#'
#' `tidy()` (also `as.data.frame()`) lists every value the report judges
#' against a threshold, one row per value and criterion: `table` (the
#' report's table), `criterion` (`"loading"`, `"alpha"`, `"rho_a"`,
#' `"rho_c"`, `"ave"`, `"vif"`, `"weight"` of a composite indicator (with a
#' bootstrap; flagged as its `decision` is), `"htmt"`, `"correlation"` of
#' Fornell-Larcker, `"srmr"`, `"d_uls"`, `"d_g"`), `term` (`"C =~ x"` for
#' an indicator, `"A ~~ B"` for a pair of constructs, `"X -> Y"` for a
#' predictor), `estimate`, `flag` (the failed rule, or `""`) and `flagged`.
#' The reliability of single-item constructs and the loadings of composites
#' are not judged and not listed; the cross-loadings rows hold each indicator's loading on its
#' own construct, flagged when it loads higher on another. `glance()` gives
#' the columns of [glance.pls_fit()] and the number of flagged rows of each
#' table (`flagged_loadings`, ..., `flagged_fit`) and in all (`flagged`, the
#' count the printed report ends with).
#' @references
#' Cohen, J. (1988). *Statistical Power Analysis for the Behavioral
#' Sciences* (2nd ed.). Lawrence Erlbaum. \doi{10.4324/9780203771587}
#'
#' Dijkstra, T. K., and Henseler, J. (2015). Consistent partial least squares
#' path modeling. *MIS Quarterly*, 39(2), 297--316.
#' \doi{10.25300/MISQ/2015/39.2.02}
#'
#' Fornell, C., and Larcker, D. F. (1981). Evaluating structural equation
#' models with unobservable variables and measurement error. *Journal of
#' Marketing Research*, 18(1), 39--50. \doi{10.1177/002224378101800104}
#'
#' Hair, J. F., Hult, G. T. M., Ringle, C. M., and Sarstedt, M. (2022). *A
#' Primer on Partial Least Squares Structural Equation Modeling (PLS-SEM)*
#' (3rd ed.). Sage.
#'
#' Hair, J. F., Risher, J. J., Sarstedt, M., and Ringle, C. M. (2019). When
#' to use and how to report the results of PLS-SEM. *European Business
#' Review*, 31(1), 2--24. \doi{10.1108/EBR-11-2018-0203}
#'
#' Henseler, J., Dijkstra, T. K., Sarstedt, M., Ringle, C. M., Diamantopoulos,
#' A., Straub, D. W., Ketchen, D. J., Hair, J. F., Hult, G. T. M., and
#' Calantone, R. J. (2014). Common beliefs and reality about PLS: comments on
#' Roenkkoe and Evermann (2013). *Organizational Research Methods*, 17(2),
#' 182--209. \doi{10.1177/1094428114526928}
#'
#' Henseler, J., Ringle, C. M., and Sarstedt, M. (2015). A new criterion for
#' assessing discriminant validity in variance-based structural equation
#' modeling. *Journal of the Academy of Marketing Science*, 43, 115--135.
#' \doi{10.1007/s11747-014-0403-8}
#'
#' Hu, L., and Bentler, P. M. (1999). Cutoff criteria for fit indexes in
#' covariance structure analysis: conventional criteria versus new
#' alternatives. *Structural Equation Modeling*, 6(1), 1--55.
#' \doi{10.1080/10705519909540118}
#' @seealso [tidy.pls_fit()] and [glance.pls_fit()] for broom-style tables.
#' @examples
#' fit <- pls("
#'   Image =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty ~ Image + Satisfaction
#' ", data = mobi)
#' report <- summary(fit)
#' report
#' report$reliability
#' summary(fit, htmt_threshold = 0.90)$htmt
#' glance(report)
#' tidy(report)[tidy(report)$flagged, ]
#' @export
summary.pls_fit <- function(object, htmt_threshold = 0.85, htmt_absolute = FALSE,
                            f2_method = c("fixed", "refit"),
                            implied = c("auto", "composite", "common_factor"), ...) {
  check_number(htmt_threshold, "htmt_threshold")
  check_flag(htmt_absolute, "htmt_absolute")
  f2_method <- match_arg(f2_method)
  implied <- match_arg(implied)
  fit <- object
  thresholds <- pls_thresholds
  thresholds$htmt <- htmt_threshold
  effects <- pls_effects(fit)
  out <- list(
    model = model_overview(fit),
    loadings = measured_only(loadings_report(fit), fit),
    reliability = measured_only(reliability_report(fit), fit),
    outer_vif = measured_only(outer_vif_report(fit), fit),
    htmt = distinct_pairs(measured_only(htmt_report(fit, htmt_threshold, htmt_absolute), fit, c("construct_1", "construct_2")), fit),
    fornell_larcker = distinct_pairs(measured_only(fornell_larcker_report(fit), fit, c("construct_1", "construct_2")), fit),
    cross_loadings = measured_only(cross_loadings_report(fit), fit),
    inner_vif = with_flag(pls_vif(fit, "inner"), flag_vif),
    r2 = r2_report(fit),
    selection = selection_criteria(fit),
    f2 = f2_report(fit, f2_method),
    paths = path_table(fit),
    effects = effects$table,
    indirect_effects = remove_row_names(effects$specific),
    fit = fit_report(fit, implied)
  )
  if (!is.null(fit$boot)) out <- add_boot_inference(out, fit$boot, htmt_threshold)
  settings <- list(htmt_absolute = htmt_absolute, f2_method = f2_method, implied = implied,
                   higher_order = c(source_description(fit), higher_order_note(fit$model)))
  if (has_interactions(fit$model)) {
    moderated <- pls_conditional_effects(fit, level = if (!is.null(fit$boot)) fit$boot$level else 0.95)
    out <- append(out, list(moderated_mediation = moderated$index, conditional_indirect = moderated$effects),
                  after = match("indirect_effects", names(out)))
    settings$moderation <- moderated[c("at", "level", "resamples")]
  }
  structure(out, class = "summary.pls_fit", thresholds = thresholds, settings = settings)
}

# The criteria of Hair et al. (2019) and their sources (see the help page).
pls_thresholds <- list(
  loading = 0.708,
  reliability = c(0.70, 0.95),
  ave = 0.50,
  htmt = 0.85,
  vif = c(3, 5),
  r2 = c(weak = 0.25, moderate = 0.50, substantial = 0.75),
  f2 = c(small = 0.02, medium = 0.15, large = 0.35),
  f2_interaction = c(small = 0.005, medium = 0.01, large = 0.025),
  srmr = 0.08,
  formative_loading = 0.50
)

# ---------------------------------------------------------------------------
# Flags: "" where a criterion is met, otherwise the rule that fails.

with_flag <- function(table, flag_fun) {
  table$flag <- flag_fun(table)
  table
}

join_flags <- function(...) {
  parts <- cbind(...)
  if (!nrow(parts)) return(character())
  apply(parts, 1, function(row) paste(row[nzchar(row)], collapse = "; "))
}

flag_if <- function(condition, text) ifelse(!is.na(condition) & condition, text, "")

flag_vif <- function(table) {
  ifelse(table$vif >= pls_thresholds$vif[2], "VIF >= 5", flag_if(table$vif >= pls_thresholds$vif[1], "VIF >= 3"))
}

# (A single indicator has loading 1.)
flag_loadings <- function(table) {
  flag_if(table$mode == "A" & table$loading < pls_thresholds$loading, "loading < 0.708")
}

flag_internal_consistency <- function(table) do.call(join_flags, unname(internal_consistency_flags(table)))

# The flags of alpha, rho_A and rho_C, each on its own (a named list).
internal_consistency_flags <- function(table) {
  limits <- pls_thresholds$reliability
  judged <- table$items > 1
  columns <- c(alpha = "alpha", rho_a = "rho_A", rho_c = "rho_C")
  flags <- lapply(names(columns), function(column) {
    value <- table[[column]]
    ifelse(judged & value < limits[1], paste(columns[[column]], "< 0.70"),
           flag_if(judged & value > limits[2], paste(columns[[column]], "> 0.95")))
  })
  stats::setNames(flags, names(columns))
}

flag_ave <- function(table) flag_if(table$items > 1 & table$ave < pls_thresholds$ave, "AVE < 0.50")

# ---------------------------------------------------------------------------
# The tables

model_overview <- function(fit) {
  data.frame(nobs = fit$nobs, indicators = length(base_indicators(fit$model)),
             constructs = length(fit$model$constructs), paths = sum(fit$model$inner != 0),
             scheme = fit$settings$scheme, iterations = fit$iterations, converged = fit$converged,
             admissible = !isFALSE(fit$admissible), stringsAsFactors = FALSE)
}

loadings_report <- function(fit) {
  table <- pls_loadings(fit)
  table$vif <- pls_vif(fit, "outer")$vif
  with_flag(table, flag_loadings)
}

reliability_report <- function(fit) {
  table <- pls_reliability(fit)
  table$flag <- join_flags(flag_internal_consistency(table), flag_ave(table))
  table
}

outer_vif_report <- function(fit) {
  table <- pls_loadings(fit)
  table$vif <- pls_vif(fit, "outer")$vif
  table <- table[table$mode == "B", c("construct", "indicator", "weight", "loading", "vif"), drop = FALSE]
  remove_row_names(with_flag(table, flag_vif))
}

htmt_report <- function(fit, threshold, htmt_absolute) {
  htmt <- pls_htmt(fit, htmt_absolute = htmt_absolute)
  # NA where the correlations have mixed signs; the printed report says so
  htmt2 <- suppressWarnings(pls_htmt(fit, type = "htmt2", htmt_absolute = htmt_absolute))
  table <- pair_table(rownames(htmt), htmt = htmt, htmt2 = htmt2)
  table$flag <- flag_if(abs(table$htmt) >= threshold, paste("HTMT >=", format(threshold, nsmall = 2)))
  table
}

fornell_larcker_report <- function(fit) {
  matrix <- pls_fornell_larcker(fit)
  root_ave <- diag(matrix)
  constructs <- rownames(matrix)
  table <- pair_table(constructs, correlation = matrix)
  table$sqrt_ave_1 <- unname(root_ave[table$construct_1])
  table$sqrt_ave_2 <- unname(root_ave[table$construct_2])
  table$flag <- flag_if(abs(table$correlation) >= pmin(table$sqrt_ave_1, table$sqrt_ave_2), "|r| >= sqrt(AVE)")
  table
}

cross_loadings_report <- function(fit) {
  measured <- !is_interaction(fit$model, colnames(fit$cross_loadings))
  cross <- fit$cross_loadings[, measured, drop = FALSE]
  own <- indicator_construct(fit$model)
  table <- data.frame(indicator = rownames(cross), construct = unname(own), stringsAsFactors = FALSE)
  table <- cbind(table, as.data.frame(cross, optional = TRUE))
  rownames(table) <- NULL
  highest <- colnames(cross)[apply(abs(cross), 1, which.max)]
  # a repeated indicator correlates most with its own dimension by design
  repeated <- identical(fit$model$hoc_method, "repeated") & is_hoc(fit$model, own)
  table$flag <- flag_if(highest != own & !repeated, paste("higher on", highest))
  table
}

# The R^2 and f^2 of an inadmissible PLSc solution (R^2 may exceed 1, f^2
# be negative) are labelled "inadmissible", not judged by the thresholds.
r2_report <- function(fit) {
  table <- pls_r2(fit)
  cuts <- pls_thresholds$r2
  table$level <- as.character(cut(table$r2, c(-Inf, cuts, Inf), right = FALSE,
                                  labels = c("very weak", names(cuts))))
  if (isFALSE(fit$admissible)) table$level[] <- "inadmissible"
  table$level[artefactual_r2(fit, table$construct)] <- "repeated indicators"
  table
}

# With repeated indicators, the R^2 of a formative higher-order construct
# (explained by its own dimensions) and of a reflective one's dimensions
# (explained by their own HOC) are close to 1 by construction and not
# judged.
artefactual_r2 <- function(fit, constructs) {
  hoc <- fit$model$hoc
  if (!identical(fit$model$hoc_method, "repeated")) return(rep(FALSE, length(constructs)))
  constructs %in% c(hoc$hoc[hoc$op == "<~"], hoc$dimension[hoc$op == "=~"])
}

# One line per higher-order construct and the approach, for the report.
higher_order_note <- function(model) {
  hoc <- model$hoc
  if (is.null(hoc)) return(NULL)
  approach <- c(embedded = "embedded two-stage approach", disjoint = "disjoint two-stage approach",
                repeated = "repeated indicators")[[model$hoc_method]]
  vapply(unique(hoc$hoc), function(h) {
    rows <- hoc[hoc$hoc == h, ]
    paste0("Higher-order construct: ", h, " ", rows$op[1], " ", paste(rows$dimension, collapse = " + "),
           " (", approach, if (model$hoc_method != "repeated") "; its indicators are its dimensions' scores", ")")
  }, character(1), USE.NAMES = FALSE)
}

# Discriminant validity is not assessed between a higher-order construct
# and its own dimensions, which it is built from (Sarstedt et al. 2019).
distinct_pairs <- function(table, fit) {
  hoc <- fit$model$hoc
  if (is.null(hoc)) return(table)
  own <- paste(table$construct_1, table$construct_2) %in% c(paste(hoc$hoc, hoc$dimension), paste(hoc$dimension, hoc$hoc))
  remove_row_names(table[!own, , drop = FALSE])
}

# Interaction terms are judged by Kenny's (2018) smaller cut-offs.
f2_report <- function(fit, method) {
  table <- pls_f2(fit, method = method)
  size <- function(f2, cuts) {
    as.character(cut(f2, c(-Inf, cuts, Inf), right = FALSE, labels = c("none", names(cuts))))
  }
  interaction <- is_interaction(fit$model, table$from)
  table$size <- ifelse(interaction, size(table$f2, pls_thresholds$f2_interaction), size(table$f2, pls_thresholds$f2))
  if (isFALSE(fit$admissible)) table$size[] <- "inadmissible"
  table
}

# Measurement-model tables leave out the interaction terms: a product term
# has no reliability, validity or indicator loadings to assess (Hair et al.
# 2022, ch. 7).
measured_only <- function(table, fit, columns = "construct") {
  keep <- Reduce(`&`, lapply(columns, function(column) !is_interaction(fit$model, table[[column]])))
  remove_row_names(table[keep, , drop = FALSE])
}

fit_report <- function(fit, implied) {
  table <- pls_model_fit(fit, model = implied)
  table <- cbind(table, fit_test_columns(fit$model_fit_test, implied, table$statistic))
  table$flag <- flag_if(table$statistic == "SRMR" & table$estimated > pls_thresholds$srmr, "SRMR > 0.08")
  table
}

# The critical values of a test of exact fit the fit carries
# (fit$model_fit_test <- pls_model_fit(fit, R = R)) for the rows of the fit
# table: none when there is no test or it used another measurement model.
fit_test_columns <- function(test, implied, statistics) {
  if (!inherits(test, "pls_model_fit_test") || !identical(test$model, implied)) {
    return(data.frame(row.names = seq_along(statistics)))
  }
  tests <- test$tests
  columns <- lapply(c("estimated", "saturated"), function(model) {
    rows <- tests[tests$model == model, ][match(statistics, tests$statistic[tests$model == model]), ]
    out <- data.frame(rows$hi95, rows$hi99)
    names(out) <- paste0(c("hi95_", "hi99_"), substr(model, 1, 3))
    out
  })
  do.call(cbind, columns)
}

remove_row_names <- function(table) {
  rownames(table) <- NULL
  table
}
