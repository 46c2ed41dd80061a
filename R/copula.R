#' Gaussian copula test and correction of endogeneity
#'
#' Tests whether the predictors of one structural equation are endogenous
#' (correlated with the equation's error) with the Gaussian copula approach
#' of Park and Gupta (2012), as Hult et al. (2018) adapted it to PLS path
#' models, and gives the path coefficients corrected for it. For each
#' predictor P of `outcome`, the copula term is \eqn{C_P =
#' \Phi^{-1}(H(P))}, with \eqn{\Phi^{-1}} the standard normal quantile
#' function and H the empirical distribution function of P's construct
#' scores in the form \eqn{H(P_i) = \mathrm{rank}(P_i) / (n + 1)} (average
#' ranks for ties), which stays inside (0, 1), so that the term is finite.
#' The outcome's scores are then regressed, with an intercept, on the
#' predictors' scores plus the copula term of each predictor on its own and,
#' with `combinations = TRUE`, of every set of two or more predictors (as
#' Hult et al. 2018 do). A copula coefficient that differs from zero signals
#' that its predictor is endogenous; the path coefficients of that model are
#' the corrected ones. The first model (`copulas = "none"`) is the
#' regression without copula terms, whose paths are the fit's.
#'
#' @section Inference:
#' Standard errors, t and p values and percentile intervals come from the
#' bootstrap, with the same guarantees as [pls_boot()]: in every resample the
#' PLS model is estimated again (so the construct scores change), the copula
#' terms are formed from the resample's scores (a case drawn several times
#' counts as tied cases) and every regression is refitted; all of it runs in
#' C, in chunks of resamples seeded from `seed` (or from the session's
#' generator, which is then advanced by one draw), so that a seed gives the
#' same draws for any `cores`, in OpenMP threads or as futures, and the run
#' can be interrupted between chunks. p values use the t distribution with
#' n - 1 degrees of freedom, as [pls_boot()]. Missing values are handled
#' once, before resampling, as in [pls_boot()]. `draws` also holds every
#' resample's weights, loadings and the other statistics of [pls_boot()].
#'
#' @section Pre-test of non-normality:
#' The copula can only tell a predictor apart from its copula term when the
#' predictor is not normally distributed. Each predictor's scores are tested
#' for normality with the Cramer-von Mises test with estimated mean and
#' standard deviation (the statistic and p value approximation of
#' `nortest::cvm.test()`, computed here) and the Shapiro-Wilk test
#' ([stats::shapiro.test()], for 3 to 5,000 cases). A warning of class
#' `iecpls_copula_normal_warning` names each predictor whose Cramer-von
#' Mises p value exceeds 0.05: its copula results should not be trusted.
#'
#' @section Caveats:
#' Becker, Proksch and Ringle (2022) examined the approach closely; in
#' short:
#' * Identification rests on non-normality. When a predictor is close to
#'   normal, its copula term is nearly collinear with it: standard errors
#'   grow and the correction can be badly biased. The pre-test above is a
#'   necessary check, not a sufficient one: passing it does not prove the
#'   copula is identified well.
#' * The approach assumes that the predictor and the structural error are
#'   joined by a Gaussian copula (their dependence is that of a bivariate
#'   normal after transforming each margin) and that the error is normal.
#'   Other forms of dependence leave bias behind.
#' * It needs fairly large samples: the empirical distribution function must
#'   estimate the predictor's distribution well. With a few hundred cases or
#'   fewer, the copula terms are noisy and the tests have little power.
#' * The regression must include an intercept (it does here); Becker et
#'   al. show that the original formulation without one biases the
#'   correction when the variables are not centred.
#' * The correction can be biased when the endogenous predictor's
#'   distribution is bimodal or otherwise far from the shapes studied, and
#'   when exogenous predictors are correlated with the endogenous one (the
#'   copula terms of all predictors correlated with each other should then
#'   be included, as the combinations do).
#' * The construct scores are estimates with measurement error, and the
#'   copula cannot remove endogeneity that arises from omitted constructs
#'   the data do not measure in a non-normal way.
#'
#' Only models estimated in one stage are supported: models with
#' interaction terms or higher-order constructs (estimated in stages),
#' consistent PLS fits and fits with case weights give an error of class
#' `iecpls_unsupported_error`.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data (it needs the
#'   construct scores).
#' @param outcome The endogenous construct whose structural equation is
#'   examined.
#' @param predictors The predictors of `outcome` that get copula terms; by
#'   default all of them. The regressions always include every predictor.
#' @param combinations Also estimate the models with the copula terms of every
#'   set of two or more of `predictors`.
#' @inheritParams pls_boot
#' @param seed `NULL` (draw the seed of the resampling streams from the
#'   session's generator) or a number, which gives the same resamples every
#'   time without changing the session's generator.
#' @return An object of class `pls_copula`: a list with `estimates` (one row
#'   per coefficient of every model: `model` (0 for the one without copula
#'   terms), `copulas` (the copula terms in the model), `type` (`"path"` or
#'   `"copula"`), `term`, `predictor`, `estimate`, `boot_mean`, `se`, `t`,
#'   `p`, `lower`, `upper`), `pretest` (one row per predictor: the
#'   Cramer-von Mises statistic `cvm` and its p value `cvm_p`, the
#'   Shapiro-Wilk statistic `shapiro` and `shapiro_p`, and `normal`, whether
#'   the Cramer-von Mises p value exceeds 0.05), `models` (the copula terms of
#'   each model), `outcome`, `predictors`, `R`, `level`, `draws` (resamples x
#'   statistics, named as in [pls_boot()]; the copula regressions are the
#'   columns of type `copula_path` and `copula`), `status`, `n_failed`,
#'   `seeds` (the 6 x chunks seeds of the resampling streams) and `fit`.
#' @references
#' Becker, J.-M., Proksch, D., and Ringle, C. M. (2022). Revisiting Gaussian
#' copulas to handle endogenous regressors. *Journal of the Academy of
#' Marketing Science*, 50, 46--66. \doi{10.1007/s11747-021-00805-y}
#'
#' Hult, G. T. M., Hair, J. F., Proksch, D., Sarstedt, M., Pinkwart, A., and
#' Ringle, C. M. (2018). Addressing endogeneity in international marketing
#' applications of partial least squares structural equation modeling.
#' *Journal of International Marketing*, 26(3), 1--21.
#' \doi{10.1509/jim.17.0151}
#'
#' Park, S., and Gupta, S. (2012). Handling endogenous regressors by joint
#' estimation using copulas. *Marketing Science*, 31(4), 567--586.
#' \doi{10.1287/mksc.1120.0718}
#' @seealso [pls_boot()]
#' @examples
#' reputation <- "
#'   QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
#'   PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
#'   CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
#'   ATTR <~ attr_1 + attr_2 + attr_3
#'   COMP =~ comp_1 + comp_2 + comp_3
#'   LIKE =~ like_1 + like_2 + like_3
#'   CUSA =~ cusa
#'   CUSL =~ cusl_1 + cusl_2 + cusl_3
#'   COMP + LIKE ~ QUAL + PERF + CSOR + ATTR
#'   CUSA ~ COMP + LIKE
#'   CUSL ~ COMP + LIKE + CUSA
#' "
#' fit <- pls(reputation, data = corp_rep_data, na_values = -99, missing = "mean")
#' copula <- pls_copula(fit, outcome = "CUSL", R = 100, seed = 1)
#' copula
#' tidy(copula)
#' glance(copula)
#' @export
pls_copula <- function(fit, outcome, predictors = NULL, combinations = TRUE, R = 5000L, level = 0.95,
                       seed = NULL, cores = getOption("iecpls.cores", 1L)) {
  check_pls_fit(fit)
  outcome <- check_copula_outcome(fit$model, outcome)
  predictors <- check_copula_predictors(fit$model, outcome, predictors)
  check_copula_fit(fit, outcome)
  # a resample's EM scores would need EM re-run on it (not done by the
  # copula loop, which re-standardizes the fit's completed data)
  if (identical(fit$settings$source, "em")) check_no_source(fit, "{.fn pls_copula}")
  check_flag(combinations, "combinations")
  check_count(R, "R", min = 2)
  check_level(level)
  cores <- check_cores(cores)

  pretest <- copula_pretest(fit$scores, predictors)
  warn_if_normal(pretest)
  all_predictors <- equation_predictors(fit$model, outcome)
  models <- copula_models(predictors, combinations)
  statistics <- stat_spec(fit$model)
  statistics$copula <- copula_spec(fit$model, outcome, all_predictors, models)
  problem <- boot_problem(fit, "none")
  problem$stat_spec <- statistics
  problem$parameters <- fit_parameters(fit, statistics, spec = problem$spec)

  sizes <- chunk_sizes(R, chunk_size_for(ncol(problem$zt), nrow(problem$zt)))
  seeds <- with_seed(seed, chunk_seeds(length(sizes)))
  result <- run_bootstrap(problem, seeds, sizes, cores)
  draws <- result$stats
  colnames(draws) <- parameter_names(problem$parameters)
  report_failures(result$status)
  used <- status_ok(result$status)
  copula <- problem$parameters$type %in% c("copula_path", "copula")
  summary <- c_boot_summary(draws[, copula, drop = FALSE], used, problem$parameters$estimate[copula], NULL, level)
  estimates <- copula_table(problem$parameters[copula, , drop = FALSE], summary, models, all_predictors,
                            fit$nobs, fit$model$constructs)
  structure(list(estimates = estimates, pretest = pretest, models = models, outcome = outcome,
                 predictors = predictors, R = as.integer(R), level = level, draws = draws,
                 status = result$status, n_failed = sum(!used), seeds = seeds, fit = fit),
            class = "pls_copula")
}

# `outcome` names one construct of the model (pls_copula(), pls_nca()).
check_outcome_name <- function(model, outcome) {
  if (!is.character(outcome) || length(outcome) != 1L || is.na(outcome)) {
    abort_input("{.arg outcome} must be the name of one construct, not {.obj_type_friendly {outcome}}.")
  }
  if (!outcome %in% model$constructs) {
    abort_missing_names(outcome, model$constructs, "Construct", "the model", source = "given as {.arg outcome}")
  }
  outcome
}

check_copula_outcome <- function(model, outcome) {
  check_outcome_name(model, outcome)
  if (!length(equation_predictors(model, outcome))) {
    abort_input(c("{.field {outcome}} is exogenous: no construct predicts it, so it has no structural equation to test.",
                  "i" = "Give an endogenous construct as {.arg outcome}."),
                class = "iecpls_exogenous_outcome")
  }
  outcome
}

equation_predictors <- function(model, outcome) model$constructs[model$inner[, outcome] != 0]

check_copula_predictors <- function(model, outcome, predictors) {
  available <- equation_predictors(model, outcome)
  if (is.null(predictors)) return(available)
  if (!is.character(predictors) || !length(predictors) || anyNA(predictors)) {
    abort_input("{.arg predictors} must be names of constructs or {.code NULL}, not {.obj_type_friendly {predictors}}.")
  }
  missing <- setdiff(predictors, available)
  if (length(missing)) {
    abort_missing_names(missing, available, "Construct", paste0("the predictors of {.field ", outcome, "}"),
                        source = "given as {.arg predictors}")
  }
  available[available %in% predictors]
}

# What the copula regressions need of the fit: its construct scores (so
# data, not a correlation matrix) from a one-stage PLS estimation.
check_copula_fit <- function(fit, outcome) {
  if (is.null(fit$scores) || is.null(fit$data)) {
    abort_input(c("The copula terms of the predictors of {.field {outcome}} need construct scores, but {.arg fit} was fitted from a correlation matrix.",
                  "i" = "Fit the model to the data with {.code pls(..., data = )}."),
                class = "iecpls_needs_data")
  }
  unsupported <- if (!is.null(fit$model$stages)) {
    "{.arg fit} has interaction terms or higher-order constructs, whose scores are estimated in stages"
  } else if (isTRUE(fit$settings$consistent)) {
    "{.arg fit} is a consistent PLS (PLSc) fit, whose paths are not regressions on the construct scores"
  } else if (!is.null(fit$case_weights)) {
    "{.arg fit} has case weights"
  }
  if (!is.null(unsupported)) {
    abort_model(c(paste0("{.fn pls_copula} cannot test the equation of {.field {outcome}}: ", unsupported, "."),
                  "i" = "It supports PLS fits estimated in one stage, without case weights."),
                class = "iecpls_unsupported_error")
  }
}

# The copula terms of each model: none, each predictor alone and, with
# `combinations`, every set of two or more.
copula_models <- function(predictors, combinations) {
  sizes <- if (combinations) seq_along(predictors) else 1L
  sets <- unlist(lapply(sizes, function(size) {
    utils::combn(predictors, size, simplify = FALSE)
  }), recursive = FALSE)
  c(list(character()), sets)
}

# The C specification (0-based): outcome, all predictors of its equation,
# and each model's copula terms as positions among them.
copula_spec <- function(model, outcome, predictors, models) {
  terms <- lapply(models, match, table = predictors)
  list(outcome = match(outcome, model$constructs) - 1L, predictor = match(predictors, model$constructs) - 1L,
       model_start = as.integer(c(0L, cumsum(lengths(terms)))),
       model_term = as.integer(unlist(terms, use.names = FALSE) - 1L))
}

copula_labels <- function(models) {
  vapply(models, function(set) {
    if (length(set)) paste0("c(", set, ")", collapse = " + ") else "none"
  }, character(1))
}

copula_table <- function(parameters, summary, models, predictors, n, constructs) {
  model <- rep(seq_along(models) - 1L, length(predictors) + lengths(models))
  se <- summary[, 2]
  t_value <- parameters$estimate / se
  data.frame(model = model, copulas = copula_labels(models)[model + 1L],
             type = ifelse(parameters$type == "copula", "copula", "path"), term = parameters$term,
             predictor = constructs[parameters$from],
             estimate = parameters$estimate, boot_mean = summary[, 1], se = se, t = t_value,
             p = 2 * stats::pt(abs(t_value), df = n - 1, lower.tail = FALSE),
             lower = summary[, 3], upper = summary[, 4], row.names = NULL, stringsAsFactors = FALSE)
}

# The pre-test of each predictor's scores: Cramer-von Mises and
# Shapiro-Wilk tests of normality.
copula_pretest <- function(scores, predictors) {
  rows <- lapply(predictors, function(name) {
    x <- scores[, name]
    cvm <- cvm_normality(x)
    shapiro <- if (length(x) >= 3L && length(x) <= 5000L && stats::sd(x) > 0) {
      stats::shapiro.test(x)
    } else {
      list(statistic = NA_real_, p.value = NA_real_)
    }
    data.frame(construct = name, cvm = cvm[["statistic"]], cvm_p = cvm[["p.value"]],
               shapiro = unname(shapiro$statistic), shapiro_p = shapiro$p.value, stringsAsFactors = FALSE)
  })
  table <- do.call(rbind, rows)
  table$normal <- !is.na(table$cvm_p) & table$cvm_p > 0.05
  rownames(table) <- NULL
  table
}

# The Cramer-von Mises test of normality with mean and standard deviation
# estimated (Stephens 1986): the statistic W and the p value of
# nortest::cvm.test(), from the modified statistic (1 + 0.5 / n) W. NA for
# fewer than 8 values.
cvm_normality <- function(x) {
  x <- sort(x[!is.na(x)])
  n <- length(x)
  if (n < 8L || !(stats::sd(x) > 0)) return(c(statistic = NA_real_, p.value = NA_real_))
  p <- stats::pnorm((x - mean(x)) / stats::sd(x))
  W <- 1 / (12 * n) + sum((p - (2 * seq_len(n) - 1) / (2 * n))^2)
  WW <- (1 + 0.5 / n) * W
  p_value <- if (WW < 0.0275) {
    1 - exp(-13.953 + 775.5 * WW - 12542.61 * WW^2)
  } else if (WW < 0.051) {
    1 - exp(-5.903 + 179.546 * WW - 1515.29 * WW^2)
  } else if (WW < 0.092) {
    exp(0.886 - 31.62 * WW + 10.897 * WW^2)
  } else if (WW < 1.1) {
    exp(1.111 - 34.242 * WW + 12.832 * WW^2)
  } else {
    7.37e-10
  }
  c(statistic = W, p.value = p_value)
}

warn_if_normal <- function(pretest) {
  normal <- pretest$construct[pretest$normal]
  if (!length(normal)) return(invisible())
  warn_iecpls(c(
    "The scores of {.field {normal}} {?is/are} close to normal (Cramer-von Mises p > 0.05).",
    "i" = "The copula needs non-normal predictors: its results for {cli::qty(length(normal))}{?this predictor/these predictors} are not identified well."
  ), class = "iecpls_copula_normal_warning")
}

#' @rdname pls_copula
#' @param x A `pls_copula` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_copula <- function(x, digits = 3, ...) {
  predictors <- equation_predictors(x$fit$model, x$outcome)
  cat_wrapped("Gaussian copula test of endogeneity: ", x$outcome, " ~ ", paste(predictors, collapse = " + "),
              " (", x$fit$nobs, " cases, ", x$R, " resamples", if (x$n_failed) paste0(", ", x$n_failed, " failed"),
              ")")
  cat("\n")
  cat_wrapped("Pre-test: non-normality of the predictors' scores (Cramer-von Mises, Shapiro-Wilk)")
  pretest <- x$pretest
  pretest$normal <- ifelse(pretest$normal, "YES", "no")
  print_wide(pretest, digits)
  cat("\n")
  labels <- copula_labels(x$models)
  cat_wrapped("Models: ", paste0(seq_along(labels) - 1L, " = ", labels, collapse = "; "), exdent = 2)
  table <- x$estimates[c("model", "term", "estimate", "se", "t", "p", "lower", "upper")]
  print_wide(table, digits)
  cat("\n")
  cat_wrapped("A copula term c(P) that differs from zero signals that P is endogenous; the paths of its model ",
              "are then the corrected ones. Percentile intervals at ", format(100 * x$level), "%.")
  if (any(x$pretest$normal)) {
    cat_wrapped("Predictors marked normal = YES are close to normal: their copula results are not identified well.")
  }
  invisible(x)
}

#' @rdname pls_copula
#' @export
tidy.pls_copula <- function(x, ...) {
  e <- x$estimates
  data.frame(term = e$term, model = e$model, copulas = e$copulas, type = e$type, predictor = e$predictor,
             estimate = e$estimate, std.error = e$se, statistic = e$t, p.value = e$p, conf.low = e$lower,
             conf.high = e$upper, boot_mean = e$boot_mean, stringsAsFactors = FALSE)
}

#' @rdname pls_copula
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_copula <- function(x, row.names = NULL, optional = FALSE, ...) tidy.pls_copula(x)

#' @rdname pls_copula
#' @export
glance.pls_copula <- function(x, ...) {
  copula <- x$estimates[x$estimates$type == "copula", ]
  data.frame(outcome = x$outcome, predictors = length(x$predictors), models = length(x$models),
             nobs = x$fit$nobs, resamples = x$R, failed = x$n_failed, level = x$level,
             significant = sum(copula$p < 1 - x$level, na.rm = TRUE), normal = sum(x$pretest$normal),
             cvm_p_max = max(x$pretest$cvm_p), stringsAsFactors = FALSE)
}
