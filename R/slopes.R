# Simple slope analysis of an interaction term (spotlight and floodlight),
# and the conditional indirect effects of moderated mediation. Both work on
# the fit's path coefficients and, with a bootstrap, on the same paths of
# each resample (the columns "path: from -> to" of its draws), so the
# standard errors and intervals are those of the bootstrap distribution of
# the derived effect itself.

#' Simple slope analysis of an interaction term
#'
#' `pls_slopes()` probes an interaction term (`Y ~ X + M + X:M`, see
#' [pls()]): the effect of the focal predictor `X` on the outcome `Y` at
#' chosen values of the moderator `M` (simple slopes, or spotlight analysis),
#' and over the whole observed range of the moderator (floodlight, or
#' Johnson-Neyman analysis), with bootstrap standard errors, p values and
#' percentile intervals when the fit carries a bootstrap.
#'
#' @section Conditional effects:
#' The conditional effect of `X` on `Y` at the moderator value `m` is
#' \deqn{b_X + b_{XM} m,}{b_X + b_XM * m,}
#' with \eqn{b_X} the path `X -> Y` and \eqn{b_{XM}}{b_XM} the path of the
#' interaction term `X:M -> Y`. Moderator values are in standard deviations
#' of the moderator's standardized construct score, so `at = c(-1, 0, 1)` is
#' one SD below the mean, the mean and one SD above. This is the convention
#' of SmartPLS and of seminr's `slope_analysis()`. With the two-stage
#' approach (the default of [pls()]) the product term is itself standardized
#' before it enters the model, so the formula treats the standard deviation
#' of the product of the two scores as 1 (and its mean as 0); the conditional
#' effects are then approximate in the units of the constituents, as in
#' SmartPLS. Fitted with `pls(..., product_term = "unstandardized")` (seminr's
#' scale) the interaction's path is per unit of the product itself, and the
#' conditional effects of the two-stage approach are exact.
#'
#' For a quadratic term `X:X` the effect of `X` at `X = x` is the slope of
#' the curve \eqn{b_X x + b_{XX} x^2}{b_X x + b_XX x^2} there, \eqn{b_X + 2
#' b_{XX} x}{b_X + 2 b_XX x}, and `at` gives values of `X` itself.
#'
#' @section Inference:
#' With a bootstrap (a [pls_boot()] result as `fit`, or a fit from
#' `pls(..., R = R)`), each resample's conditional effect is formed from the
#' same resample's paths. The standard error is the standard deviation of
#' these resample effects, t = effect / SE, the two-sided p value uses the t
#' distribution with n - 1 degrees of freedom, and the interval is the
#' percentile interval at `level`, as in [pls_boot()]. Without a bootstrap
#' only the effects are given.
#'
#' @section Floodlight (Johnson-Neyman):
#' The conditional effect and its percentile band are computed at 201
#' equally spaced moderator values over the observed range of the
#' moderator's standardized scores. The Johnson-Neyman points are where a
#' limit of the band crosses zero (found by linear interpolation between
#' neighbouring values): between them the interval excludes zero, so the
#' effect of `X` is significant at `1 - level` for those values of the
#' moderator (Johnson and Neyman 1936; Spiller et al. 2013). `print()` names
#' the ranges, `plot(what = "floodlight")` draws them.
#'
#' @param fit A `pls_fit` from [pls()] with an interaction term, or a
#'   [pls_boot()] result of one (then its resamples give the standard errors
#'   and intervals; for a fit, those of its bootstrap `fit$boot`, if any).
#' @param term The interaction term, as written in the model (`"CUSA:SC"`);
#'   its constituents may be given in either order (`"SC:CUSA"`).
#' @param at Moderator values, in standard deviations of its standardized
#'   score.
#' @param moderator Which constituent of `term` moderates the effect of the
#'   other: by default the second one (`"SC"` for `"CUSA:SC"`).
#' @param outcome The outcome, needed only when the term predicts more than
#'   one construct.
#' @param level Confidence level of the intervals.
#' @return An object of class `pls_slopes`, a list with
#' \describe{
#'   \item{`table`}{a data frame with one row per moderator value: `at`, the
#'     conditional `effect`, and with a bootstrap its `se`, `t`, `p` and the
#'     percentile interval `lower`, `upper` (`NA` without one).}
#'   \item{`term`, `focal`, `moderator`, `outcome`, `quadratic`}{the term
#'     and its roles.}
#'   \item{`paths`}{the path coefficients used: `focal` (X -> Y),
#'     `moderator` (M -> Y) and `interaction` (X:M -> Y).}
#'   \item{`multiplier`}{1, or 2 for a quadratic term.}
#'   \item{`floodlight`}{a data frame over the moderator's observed range:
#'     `at`, `effect`, `lower`, `upper` and `significant` (the interval
#'     excludes zero).}
#'   \item{`jn`}{the Johnson-Neyman points: a data frame with `at` and
#'     `bound` (`"lower"` or `"upper"`, the limit that crosses zero).}
#'   \item{`regions`}{the ranges of the moderator where the interval
#'     excludes zero: `from`, `to` and `sign` of the effect.}
#'   \item{`range`, `scores`}{the observed range of the moderator's
#'     standardized scores, and the scores.}
#'   \item{`draws`}{the resamples' three paths (resamples used x
#'     `focal`, `moderator`, `interaction`), or `NULL`.}
#'   \item{`level`, `nobs`, `resamples`}{the confidence level, the number of
#'     cases and the number of resamples used (0 without a bootstrap).}
#' }
#' `as.data.frame()` returns `table`; `tidy()` the same rows in broom's
#' names: `term` (`"X -> Y"`), `moderator`, `at`, `estimate`, `std.error`,
#' `statistic`, `p.value`, `conf.low`, `conf.high`. `glance()` returns a
#' data frame with one row: `term`, `focal`, `moderator`, `outcome`,
#' `quadratic`, `interaction` (the path of the term), `nobs`, `resamples`,
#' `level`, `jn_points` (Johnson-Neyman points) and `regions` (ranges of the
#' moderator where the interval excludes zero).
#' @references
#' Aiken, L. S., and West, S. G. (1991). *Multiple Regression: Testing and
#' Interpreting Interactions*. Sage.
#'
#' Johnson, P. O., and Neyman, J. (1936). Tests of certain linear hypotheses
#' and their application to some educational problems. *Statistical Research
#' Memoirs*, 1, 57--93.
#'
#' Spiller, S. A., Fitzsimons, G. J., Lynch, J. G., and McClelland, G. H.
#' (2013). Spotlights, floodlights, and the magic number zero: simple effects
#' tests in moderated regression. *Journal of Marketing Research*, 50(2),
#' 277--288. \doi{10.1509/jmr.12.0420}
#' @seealso [plot.pls_slopes()] for the simple-slope and floodlight plots;
#'   [pls_conditional_effects()] for moderated mediation.
#' @examples
#' syntax <- "
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction + Satisfaction:Image
#' "
#' set.seed(1)
#' fit <- pls(syntax, data = mobi, R = 200)
#' slopes <- pls_slopes(fit, "Satisfaction:Image")
#' slopes
#' plot(slopes)
#' plot(slopes, what = "floodlight")
#' tidy(slopes)
#' glance(slopes)
#' @export
pls_slopes <- function(fit, term, at = c(-1, 0, 1), moderator = NULL, outcome = NULL, level = 0.95) {
  source <- fit_and_boot(fit)
  fit <- source$fit
  check_has_interactions(fit$model, "Simple slope analysis")
  role <- slope_term(fit$model, term, moderator, outcome)
  check_at(at)
  check_level(level)
  paths <- slope_paths(fit$path_coef, role)
  draws <- if (!is.null(source$boot)) slope_draws(source$boot, role)
  k <- role$multiplier
  effect <- function(b, m) b[, "focal"] + k * b[, "interaction"] %o% m
  estimate <- as.vector(effect(t(paths), at))
  inference <- effect_inference(estimate, if (!is.null(draws)) effect(draws, at), level, fit$nobs)
  scores <- fit$scores[, role$moderator]
  range <- range(scores[is.finite(scores)])
  grid <- seq(range[1], range[2], length.out = floodlight_points)
  band <- effect_inference(as.vector(effect(t(paths), grid)), if (!is.null(draws)) effect(draws, grid),
                           level, fit$nobs)
  floodlight <- data.frame(at = grid, effect = band$estimate, lower = band$lower, upper = band$upper,
                           significant = !is.na(band$lower) & (band$lower > 0 | band$upper < 0))
  structure(c(role, list(
    table = data.frame(at = at, effect = estimate, inference[c("se", "t", "p", "lower", "upper")]),
    paths = paths, floodlight = floodlight, jn = johnson_neyman(floodlight),
    regions = significance_regions(floodlight), range = range, scores = unname(scores), draws = draws,
    level = level,
    nobs = fit$nobs, resamples = if (is.null(draws)) 0L else nrow(draws)
  )), class = "pls_slopes")
}

# Moderator values of the floodlight analysis.
floodlight_points <- 201L

# A pls_fit and its bootstrap (NULL without one), from either.
fit_and_boot <- function(x) {
  if (inherits(x, "pls_boot")) {
    check_pls_fit(x$fit, "fit$fit")
    return(list(fit = x$fit, boot = x))
  }
  check_pls_fit(x)
  list(fit = x, boot = if (inherits(x$boot, "pls_boot")) x$boot)
}

check_has_interactions <- function(model, what) {
  if (has_interactions(model)) return(invisible(model))
  abort_model(c("{what} needs a model with an interaction term, such as {.code Y ~ X + M + X:M}.",
                "i" = "The model has none."), class = "iecpls_no_interactions")
}

check_at <- function(at) {
  if (!is.numeric(at) || is.object(at) || !length(at) || !all(is.finite(at))) {
    abort_input("{.arg at} must be finite moderator values in standard deviations, such as {.code c(-1, 0, 1)}.")
  }
  invisible(at)
}

# The roles of an interaction term: list(term, focal, moderator, outcome,
# quadratic, multiplier). "SC:CUSA" finds "CUSA:SC".
slope_term <- function(model, term, moderator, outcome) {
  available <- interaction_terms(model)
  if (!is.character(term) || length(term) != 1L || is.na(term)) {
    abort_input("{.arg term} must be one interaction term of the model ({.val {available}}), not {.obj_type_friendly {term}}.")
  }
  found <- available[match(term_key(term), term_key(available))]
  if (is.na(found)) {
    abort_input(c("Interaction term {.val {term}} is not in the model.",
                  "i" = "{cli::qty(length(available))}Its interaction term{?s}: {.val {available}}."),
                class = "iecpls_unknown_name")
  }
  rows <- model$interactions[model$interactions$term == found, , drop = FALSE]
  outcome <- term_outcome(found, rows$outcome, outcome)
  row <- rows[rows$outcome == outcome, , drop = FALSE][1L, ]
  constituents <- unique(c(row$a, row$b))
  if (is.null(moderator)) moderator <- row$b
  if (!is.character(moderator) || length(moderator) != 1L || !moderator %in% constituents) {
    choices <- paste0("\"", constituents, "\"", collapse = " or ")
    abort_input(c("{.arg moderator} must be a constituent of {.val {found}}: {choices}.",
                  "x" = "It is {.val {moderator}}."), class = "iecpls_unknown_name")
  }
  focal <- if (moderator == row$a) row$b else row$a
  quadratic <- row$a == row$b
  list(term = found, focal = focal, moderator = moderator, outcome = outcome, quadratic = quadratic,
       multiplier = if (quadratic) 2 else 1)
}

# Order-free key of a term: "SC:CUSA" and "CUSA:SC" alike.
term_key <- function(terms) {
  vapply(strsplit(gsub("[[:space:]]", "", terms), ":", fixed = TRUE),
         function(parts) paste(sort(parts), collapse = ":"), character(1))
}

term_outcome <- function(term, outcomes, outcome) {
  if (is.null(outcome)) {
    if (length(outcomes) == 1L) return(outcomes)
    abort_input(c("Interaction {.val {term}} predicts {length(outcomes)} constructs: {.val {outcomes}}.",
                  "i" = "Choose one with {.arg outcome}."))
  }
  if (!is.character(outcome) || length(outcome) != 1L || !outcome %in% outcomes) {
    abort_input(c("{.arg outcome} must be a construct that {.val {term}} predicts: {.val {outcomes}}.",
                  "x" = "It is {.val {outcome}}."), class = "iecpls_unknown_name")
  }
  outcome
}

# The paths of the slopes: X -> Y, M -> Y and X:M -> Y.
slope_paths <- function(path_coef, role) {
  c(focal = path_coef[role$focal, role$outcome], moderator = path_coef[role$moderator, role$outcome],
    interaction = path_coef[role$term, role$outcome])
}

# The same paths in each resample used (resamples x 3).
slope_draws <- function(boot, role) {
  draws <- path_draws(boot, c(role$focal, role$moderator, role$term), role$outcome)
  colnames(draws) <- c("focal", "moderator", "interaction")
  draws
}

# Columns "path: from -> to" of the resamples used.
path_draws <- function(boot, from, to) {
  names <- paste0("path: ", from, " -> ", to)
  missing <- setdiff(names, colnames(boot$draws))
  if (length(missing)) {
    abort_internal("The bootstrap has no draws of {.val {missing}}.")
  }
  boot$draws[boot_used(boot), names, drop = FALSE]
}

# estimate: q values; draws: resamples x q of the same statistics (NULL
# without a bootstrap). The bootstrap summary of pls_boot() (boot_summary.c:
# SD, type 7 percentile limits, NA draws dropped) and its t and p.
effect_inference <- function(estimate, draws, level, nobs) {
  q <- length(estimate)
  if (is.null(draws) || !nrow(draws)) {
    none <- rep(NA_real_, q)
    return(data.frame(estimate = estimate, se = none, t = none, p = none, lower = none, upper = none))
  }
  draws <- matrix(as.double(draws), nrow(draws), q)
  summary <- c_boot_summary(draws, rep(TRUE, nrow(draws)), estimate, NULL, level)
  se <- summary[, 2]
  t_value <- estimate / se
  data.frame(estimate = estimate, se = se, t = t_value,
             p = 2 * stats::pt(abs(t_value), df = nobs - 1, lower.tail = FALSE),
             lower = summary[, 3], upper = summary[, 4])
}

# Where a limit of the band crosses zero, by linear interpolation between
# neighbouring moderator values (a limit at exactly zero counts once).
johnson_neyman <- function(floodlight) {
  points <- lapply(c("lower", "upper"), function(bound) {
    at <- zero_crossings(floodlight$at, floodlight[[bound]])
    data.frame(at = at, bound = rep(bound, length(at)), stringsAsFactors = FALSE)
  })
  out <- do.call(rbind, points)
  out <- out[order(out$at), , drop = FALSE]
  rownames(out) <- NULL
  out
}

zero_crossings <- function(x, y) {
  n <- length(y)
  if (n < 2L || anyNA(y)) return(numeric())
  i <- which(y[-n] * y[-1L] < 0 | (y[-1L] == 0 & y[-n] != 0))
  interpolate_zero(x, y, i)
}

# Where the line through (x[i], y[i]) and (x[i + 1], y[i + 1]) is zero.
interpolate_zero <- function(x, y, i) x[i] - y[i] * (x[i + 1L] - x[i]) / (y[i + 1L] - y[i])

# The runs of moderator values where the interval excludes zero, from and
# to the Johnson-Neyman points that bound them (or the ends of the range).
significance_regions <- function(floodlight) {
  significant <- floodlight$significant
  runs <- rle(significant)
  ends <- cumsum(runs$lengths)
  starts <- ends - runs$lengths + 1L
  keep <- runs$values
  if (!any(keep)) return(data.frame(from = numeric(), to = numeric(), sign = character()))
  at <- floodlight$at
  edge <- function(i) {
    # the limit that crosses zero between values i and i + 1
    bound <- if (sign(floodlight$lower[i]) != sign(floodlight$lower[i + 1L])) "lower" else "upper"
    interpolate_zero(at, floodlight[[bound]], i)
  }
  from <- vapply(starts[keep], function(s) if (s == 1L) at[1L] else edge(s - 1L), numeric(1))
  to <- vapply(ends[keep], function(e) if (e == length(at)) at[e] else edge(e), numeric(1))
  data.frame(from = from, to = to, sign = ifelse(floodlight$effect[starts[keep]] > 0, "positive", "negative"),
             stringsAsFactors = FALSE)
}

#' @rdname pls_slopes
#' @param x A `pls_slopes` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_slopes <- function(x, digits = 3, ...) {
  cat_wrapped(slopes_title(x))
  interaction <- x$paths[["interaction"]]
  formula <- paste0(format_estimate(x$paths[["focal"]], digits), if (interaction < 0) " - " else " + ",
                    if (x$quadratic) "2 * ", format_estimate(abs(interaction), digits),
                    if (x$quadratic) " x" else " m")
  cat_wrapped("Conditional effect at ", x$moderator, " = ", if (x$quadratic) "x" else "m", " SD: ", formula)
  cat_wrapped(slopes_inference_note(x))
  cat("\n")
  table <- x$table
  table$at <- format_at(table$at)
  if (x$resamples) table$sig <- significance_stars(table$p)
  names(table)[1] <- paste0(x$moderator, " (SD)")
  print_wide(table, digits, id = names(table)[1], cap = "t")
  if (x$resamples) {
    cat("\n")
    cat_wrapped(slopes_regions_text(x, digits))
  }
  invisible(x)
}

# Moderator values as given ("-1", "0.5"), not as estimates ("-1.000").
format_at <- function(at) trimws(formatC(at, digits = 4, format = "fg"))

slopes_title <- function(x) {
  if (x$quadratic) {
    return(paste0("Simple slopes of ", x$focal, " -> ", x$outcome, " along ", x$focal, " (quadratic term ",
                  x$term, ")"))
  }
  paste0("Simple slopes of ", x$focal, " -> ", x$outcome, " moderated by ", x$moderator, " (interaction ",
         x$term, ")")
}

slopes_inference_note <- function(x) {
  if (!x$resamples) {
    return("No bootstrap: no standard errors or intervals (fit with pls(..., R = 5000) or pass a pls_boot()).")
  }
  paste0(x$resamples, " bootstrap resamples; ", format(100 * x$level), "% percentile intervals")
}

# The Johnson-Neyman ranges in words.
slopes_regions_text <- function(x, digits) {
  range <- paste0("observed ", format_estimate(x$range[1], 2), " to ", format_estimate(x$range[2], 2))
  lead <- paste0("Johnson-Neyman: the ", format(100 * x$level), "% interval ")
  if (!nrow(x$regions)) return(paste0(lead, "includes zero over the whole range of ", x$moderator, " (", range, ")."))
  spans <- paste0(format_estimate(x$regions$from, 2), " to ", format_estimate(x$regions$to, 2), " (",
                  x$regions$sign, ")")
  whole <- nrow(x$regions) == 1L && !nrow(x$jn)
  if (whole) return(paste0(lead, "excludes zero over the whole range of ", x$moderator, " (", range, ")."))
  paste0(lead, "excludes zero for ", x$moderator, " from ", paste(spans, collapse = " and from "), "; ",
         range, ".")
}

#' @rdname pls_slopes
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_slopes <- function(x, row.names = NULL, optional = FALSE, ...) x$table

#' @rdname pls_slopes
#' @export
tidy.pls_slopes <- function(x, ...) {
  table <- x$table
  data.frame(term = paste(x$focal, "->", x$outcome), moderator = x$moderator, at = table$at,
             estimate = table$effect, std.error = table$se, statistic = table$t, p.value = table$p,
             conf.low = table$lower, conf.high = table$upper, stringsAsFactors = FALSE)
}

#' @rdname pls_slopes
#' @export
glance.pls_slopes <- function(x, ...) {
  data.frame(term = x$term, focal = x$focal, moderator = x$moderator, outcome = x$outcome, quadratic = x$quadratic,
             interaction = x$paths[["interaction"]], nobs = x$nobs, resamples = x$resamples, level = x$level,
             jn_points = nrow(x$jn), regions = nrow(x$regions), stringsAsFactors = FALSE)
}

#' Conditional indirect effects and the index of moderated mediation
#'
#' `pls_conditional_effects()` probes moderated mediation (Hayes 2015): for
#' every indirect path (a chain of two or more paths between constructs, as
#' in [pls_effects()]) in which exactly one path is moderated by an
#' interaction term, it gives the conditional indirect effect at chosen
#' values of the moderator and the index of moderated mediation, with
#' bootstrap standard errors, p values and percentile intervals when the fit
#' carries a bootstrap. [summary.pls_fit()] reports them for a fit with
#' interaction terms.
#'
#' @section Definitions:
#' A path `A -> B` is moderated by `W` when the model has the interaction
#' term `A:W` on `B` (`B ~ A + W + A:W`). Along a chain whose only moderated
#' path is `A -> B`, the conditional indirect effect at `W = m` is the
#' product of the chain's paths with the path `A -> B` replaced by its
#' conditional effect \eqn{b + b_{AW} m}{b + b_AW * m} (see [pls_slopes()]
#' for the convention: `m` in standard deviations of the moderator's
#' standardized score, the product term's standard deviation treated as 1).
#' The index of moderated mediation is the product with `A -> B` replaced by
#' \eqn{b_{AW}}{b_AW}: the change of the indirect effect per standard
#' deviation of the moderator. For example, with
#' `Satisfaction ~ Image` and `Loyalty ~ Image + Satisfaction + Satisfaction:Image`
#' the chain `Image -> Satisfaction -> Loyalty` has the conditional indirect
#' effect \eqn{a (b + b_{int} m)}{a (b + b_int m)} and the index
#' \eqn{a b_{int}}{a b_int}.
#'
#' For a quadratic term `A:A` on `B` the moderated path is `A -> B` and the
#' moderator `A` itself: its conditional effect is \eqn{b + 2 b_{AA} m}{b + 2
#' b_AA m} and the index uses \eqn{2 b_{AA}}{2 b_AA}. When a path has several
#' interaction terms, each gives its own rows, the other moderators held at
#' their means (0). Chains with more than one moderated path are not
#' reported (their indirect effect depends on several moderators at once),
#' and neither are chains that start at an interaction term: a product term
#' is not a construct whose effect is mediated.
#'
#' With a bootstrap, each resample's conditional indirect effects and index
#' are formed from the same resample's paths; the standard error, t, p
#' (t distribution with n - 1 degrees of freedom) and percentile interval
#' are those of [pls_boot()].
#'
#' @inheritParams pls_slopes
#' @return An object of class `pls_conditional_effects`, a list with
#' \describe{
#'   \item{`effects`}{one row per moderated chain and moderator value:
#'     `from`, `to`, `path` (the chain, `"Image -> Satisfaction -> Loyalty"`),
#'     `moderated` (the moderated path), `term`, `moderator`, `at`,
#'     `estimate`, and with a bootstrap `se`, `t`, `p`, `lower`, `upper`.}
#'   \item{`index`}{one row per moderated chain: the same identifying columns
#'     (without `at`), `index`, `se`, `t`, `p`, `lower`, `upper`.}
#'   \item{`at`, `level`, `resamples`}{the moderator values, the confidence
#'     level and the number of resamples used (0 without a bootstrap).}
#' }
#' Both tables have no rows when no chain has exactly one moderated path.
#' `as.data.frame()` returns `effects` or `index` (`what`); `tidy()` the same
#' rows in broom's names: `term` (the chain), `moderated`, `moderator`, `at`
#' (for `"effects"`), `estimate`, `std.error`, `statistic`, `p.value`,
#' `conf.low`, `conf.high`. `glance()` returns a data frame with one row:
#' `chains` (moderated chains, rows of `index`), `moderators`, `values`
#' (moderator values `at`), `level`, `resamples` and `significant` (indices
#' of moderated mediation whose interval excludes zero).
#' @references
#' Hayes, A. F. (2015). An index and test of linear moderated mediation.
#' *Multivariate Behavioral Research*, 50(1), 1--22.
#' \doi{10.1080/00273171.2014.962683}
#' @seealso [pls_slopes()] for the moderated path itself; [pls_effects()]
#'   for the unconditional indirect effects.
#' @examples
#' syntax <- "
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction + Satisfaction:Image
#' "
#' set.seed(1)
#' fit <- pls(syntax, data = mobi, R = 200)
#' conditional <- pls_conditional_effects(fit)
#' conditional
#' tidy(conditional, "index")
#' glance(conditional)
#' @export
pls_conditional_effects <- function(fit, at = c(-1, 0, 1), level = 0.95) {
  source <- fit_and_boot(fit)
  fit <- source$fit
  check_has_interactions(fit$model, "Conditional indirect effects")
  check_at(at)
  check_level(level)
  chains <- moderated_chains(fit$model)
  effects <- lapply(chains, function(chain) chain_effects(fit, source$boot, chain, at, level))
  used <- if (is.null(source$boot)) 0L else sum(boot_used(source$boot))
  structure(list(effects = bind_rows_or(lapply(effects, `[[`, "effects"), conditional_columns(TRUE)),
                 index = bind_rows_or(lapply(effects, `[[`, "index"), conditional_columns(FALSE)),
                 at = at, level = level, resamples = used),
            class = "pls_conditional_effects")
}

# The indirect chains with exactly one moderated path, one element per
# chain and interaction term of that path: constructs (the chain's names),
# position (of the moderated path), term, moderator and multiplier (2 for a
# quadratic term).
moderated_chains <- function(model) {
  terms <- model$interactions
  interaction <- is_interaction(model)
  out <- list()
  for (chain in indirect_chains(model$inner)) {
    if (any(interaction[chain])) next
    names <- model$constructs[chain]
    from <- names[-length(names)]
    to <- names[-1L]
    hits <- lapply(seq_along(from), function(i) which(terms$outcome == to[i] & (terms$a == from[i] | terms$b == from[i])))
    position <- which(lengths(hits) > 0L)
    if (length(position) != 1L) next
    for (r in hits[[position]]) {
      row <- terms[r, ]
      out[[length(out) + 1L]] <- list(
        constructs = names, position = position, term = row$term,
        moderator = if (row$a == from[position]) row$b else row$a,
        multiplier = if (row$a == row$b) 2 else 1
      )
    }
  }
  out
}

# The conditional indirect effects and the index of one moderated chain.
chain_effects <- function(fit, boot, chain, at, level) {
  names <- chain$constructs
  from <- names[-length(names)]
  to <- names[-1L]
  i <- chain$position
  outcome <- to[i]
  estimates <- c(fit$path_coef[cbind(from, to)], fit$path_coef[chain$term, outcome])
  draws <- if (!is.null(boot)) path_draws(boot, c(from, chain$term), c(to, outcome))
  k <- chain$multiplier
  n_paths <- length(from)
  # b: paths (columns 1..n_paths, then the interaction's), one row per sample
  others <- function(b) Reduce(`*`, lapply(seq_len(n_paths)[-i], function(j) b[, j]), 1)
  conditional <- function(b) others(b) * (b[, i] + k * b[, n_paths + 1L] %o% at)
  index <- function(b) others(b) * k * b[, n_paths + 1L]
  one <- matrix(estimates, 1L)
  effect <- effect_inference(as.vector(conditional(one)), if (!is.null(draws)) conditional(draws), level,
                             fit$nobs)
  slope <- effect_inference(index(one), if (!is.null(draws)) matrix(index(draws)), level, fit$nobs)
  id <- data.frame(from = names[1L], to = names[length(names)], path = paste(names, collapse = " -> "),
                   moderated = paste(from[i], "->", outcome), term = chain$term, moderator = chain$moderator,
                   stringsAsFactors = FALSE)
  list(effects = cbind(id[rep(1L, length(at)), ], at = at, effect, row.names = NULL),
       index = cbind(id, index = slope$estimate, slope[c("se", "t", "p", "lower", "upper")], row.names = NULL))
}

# Empty tables with the columns of the effects (or index) table.
conditional_columns <- function(effects) {
  text <- character()
  number <- numeric()
  id <- data.frame(from = text, to = text, path = text, moderated = text, term = text, moderator = text,
                   stringsAsFactors = FALSE)
  value <- if (effects) data.frame(at = number, estimate = number) else data.frame(index = number)
  cbind(id, value, data.frame(se = number, t = number, p = number, lower = number, upper = number))
}

bind_rows_or <- function(tables, empty) {
  if (!length(tables)) return(empty)
  out <- do.call(rbind, tables)
  rownames(out) <- NULL
  out
}

#' @rdname pls_conditional_effects
#' @param x A `pls_conditional_effects` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_conditional_effects <- function(x, digits = 3, ...) {
  cat_wrapped("Conditional indirect effects (moderated mediation, Hayes 2015)")
  print_moderated_mediation(x$index, x$effects, digits, x$level, x$resamples)
  invisible(x)
}

# Shared by print() and the summary report: one block per moderated chain.
print_moderated_mediation <- function(index, effects, digits, level, resamples) {
  if (!nrow(index)) {
    cat_wrapped("No indirect path has exactly one moderated path: there are no conditional indirect effects.")
    return(invisible())
  }
  cat_wrapped("Moderator values in standard deviations; ",
              if (resamples) paste0(resamples, " bootstrap resamples, ", format(100 * level), "% percentile intervals.")
              else "no bootstrap, so no standard errors or intervals.")
  for (r in seq_len(nrow(index))) {
    row <- index[r, ]
    cat("\n")
    cat_wrapped(row$path)
    cat_wrapped(row$moderated, " moderated by ", row$moderator, " (term ", row$term, ")", indent = 2)
    shown <- format_estimate(row$index, digits)
    if (resamples) {
      stars <- significance_stars(row$p)
      shown <- paste0(shown, " (SE ", format_estimate(row$se, digits), ", p = ", format_estimate(row$p, digits),
                      ", ", format(100 * level), "% CI ", format_estimate(row$lower, digits), " to ",
                      format_estimate(row$upper, digits), ")", if (nzchar(stars)) " ", stars)
    }
    cat_wrapped("Index of moderated mediation: ", shown, indent = 2, exdent = 4)
    rows <- effects[effects$path == row$path & effects$term == row$term & effects$moderated == row$moderated, ]
    table <- data.frame(at = format_at(rows$at), rows[c("estimate", "se", "t", "p", "lower", "upper")],
                        stringsAsFactors = FALSE)
    if (resamples) table$sig <- significance_stars(table$p)
    names(table)[1] <- paste0("  ", row$moderator, " (SD)")
    print_wide(table, digits, id = names(table)[1], cap = "t")
  }
  invisible()
}

#' @rdname pls_conditional_effects
#' @param what `"effects"` (the conditional indirect effects) or `"index"`
#'   (the indices of moderated mediation): the table returned.
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_conditional_effects <- function(x, row.names = NULL, optional = FALSE,
                                                  what = c("effects", "index"), ...) {
  x[[match_arg(what)]]
}

#' @rdname pls_conditional_effects
#' @export
tidy.pls_conditional_effects <- function(x, what = c("effects", "index"), ...) {
  what <- match_arg(what)
  table <- x[[what]]
  estimate <- if (what == "effects") table$estimate else table$index
  out <- data.frame(term = table$path, moderated = table$moderated, moderator = table$moderator,
                    stringsAsFactors = FALSE)
  if (what == "effects") out$at <- table$at
  cbind(out, estimate = estimate, std.error = table$se, statistic = table$t, p.value = table$p,
        conf.low = table$lower, conf.high = table$upper)
}

#' @rdname pls_conditional_effects
#' @export
glance.pls_conditional_effects <- function(x, ...) {
  index <- x$index
  data.frame(chains = nrow(index), moderators = length(unique(index$moderator)), values = length(x$at),
             level = x$level, resamples = x$resamples,
             significant = sum(!is.na(index$lower) & (index$lower > 0 | index$upper < 0)))
}
