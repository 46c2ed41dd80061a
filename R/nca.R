#' Necessary condition analysis (NCA) of construct scores
#'
#' Tests whether constructs are **necessary conditions** for an outcome
#' construct: whether a high level of the outcome requires at least a
#' certain level of the condition (Dul 2016), with the permutation test of
#' Dul, van der Laan and Kuik (2020), on the construct scores of a PLS path
#' model, as Richter et al. (2020) combine NCA with PLS-SEM. Where the
#' structural model says how much a construct adds to the outcome on
#' average, NCA says which level of it the outcome cannot do without.
#'
#' @section Definitions:
#' For a condition \eqn{x} and the outcome \eqn{y} (the cases' scores), the
#' **scope** is the rectangle of the observed data, with area
#' \eqn{S = (\max x - \min x)(\max y - \min y)}. A **ceiling line** separates
#' the empty upper-left part of the scatter plot from the part with cases:
#' \describe{
#'   \item{CE-FDH}{(ceiling envelopment, free disposal hull) the step
#'     function \eqn{c(x) = \max\{y_i : x_i \le x\}}. Its corners, the
#'     **peers**, are the cases (one per value of \eqn{x}, the largest
#'     \eqn{y} there) whose \eqn{y} exceeds that of every case with a smaller
#'     \eqn{x}.}
#'   \item{CR-FDH}{(ceiling regression) the least-squares line
#'     \eqn{a + b x} through the CE-FDH peers, each distinct peer once. With
#'     a single peer (the case with the smallest \eqn{x} also has the
#'     largest \eqn{y}) it is the horizontal line \eqn{y = \max y}. The
#'     NCA package (since version 4.0.3) fits its line to the peers with
#'     every case on them, so where several cases share a peer (tied
#'     scores, as of a single-item construct) its CR-FDH line, zone, effect
#'     size and bottleneck table differ: on the corporate reputation
#'     model's CUSA -> CUSL, seven cases on the top peer give NCA 5.0.2
#'     \eqn{d = 0.2299} where iecpls (and seminrExtras's `assess_nca()`
#'     in the tests' fixture) gives 0.2222.}
#' }
#' The **ceiling zone** \eqn{C} is the area of the scope above the ceiling
#' (the line is clipped to the scope), and the **effect size** is
#' \eqn{d = C / S}, between 0 and 1 (0 when the scope is empty). Dul's
#' (2016) benchmarks: \eqn{0 \le d < 0.1} small, \eqn{0.1 \le d < 0.3}
#' medium, \eqn{0.3 \le d < 0.5} large, \eqn{d \ge 0.5} very large.
#' **Ceiling accuracy** is the share of cases on or below the ceiling: 1
#' for CE-FDH by construction; for CR-FDH a case counts as above the line
#' when it exceeds it by more than \eqn{10^{-7}}, as in the NCA package.
#'
#' The **bottleneck table** lists, for each level of the outcome (in
#' percent of its observed range, `bottleneck`), the level of each condition
#' the ceiling requires, in percent of the condition's observed range
#' (NCA's `bottleneck.x = bottleneck.y = "percentage.range"`): the smallest
#' \eqn{x} whose ceiling reaches the level (CE-FDH: the \eqn{x} of the first
#' peer at or above it, within \eqn{10^{-10}} of the outcome's range, so 0
#' when the case with the lowest \eqn{x} reaches it; CR-FDH: \eqn{(y -
#' a)/b}). As in the NCA package with its default `cutoff = 0`, `"NN"` (not
#' necessary) marks a CR-FDH requirement below the lowest observed \eqn{x}
#' (and every level when there is a single peer, so no line) and `"NA"` one
#' beyond the highest observed \eqn{x} (both within \eqn{10^{-10}} of the
#' condition's range); a CE-FDH requirement is always within the range.
#' A requirement at the lowest observed \eqn{x} is printed `"0.0"`; the NCA
#' package (version 5.0.2) prints `"NN"` there too.
#'
#' @section Permutation test:
#' The test of Dul, van der Laan and Kuik (2020) compares the effect size
#' with its distribution when the outcome is unrelated to the condition: the
#' outcome's scores are shuffled across the cases `R` times (the conditions
#' keep their values) and the effect sizes recomputed. The p value is the
#' share of permutations whose effect size is equal to or greater than the
#' observed one, without a +1 correction but at least \eqn{1/R}:
#' \eqn{\max(\#\{d^* \ge d\} / R, 1/R)}, as the NCA package's
#' `nca_analysis(test.rep = R)` computed it before its version 4.0.4
#' (`1 - mean(d* < d)`). Since then it reports \eqn{\max((1 + \#) / (1 +
#' R), 1/R)}, which is larger by less than \eqn{1/R}. Here a permuted
#' effect size within \eqn{10^{-10}} of the observed one counts as equal.
#' All conditions and ceilings are tested with the same permutations, as in
#' the NCA package; unlike it, the permutations are not made unique when `R`
#' is small (it draws until it has `R` distinct ones when `R` <= 720).
#'
#' The permutations run in C, in chunks of 100, each with its own random
#' stream seeded from `seed` (or from one draw of the session's generator),
#' so the result is the same for any `cores` and under a `future` plan
#' (see [pls_boot()]); R can be interrupted between chunks.
#'
#' @section Scale:
#' With `scale = "ipma"` the scores are the rescaled 0-100 construct scores
#' of [pls_ipma()] (the unstandardized latent variable scores Richter et al.
#' 2020 analyse), with the indicators' scale bounds `scale_min` and
#' `scale_max`; `scale = "scores"` uses the standardized scores of the fit.
#' The rescaled score is an increasing linear function of the standardized
#' one when the rescaled weights are positive, and \eqn{d}, the accuracy,
#' the p values and the bottleneck table (in percent of the ranges) do not
#' change under such a function: only the axes of the plot and the CR-FDH
#' intercept and slope depend on the scale.
#'
#' @section Checked against:
#' The package tests compare `pls_nca()`'s computations with the NCA package
#' (version 5.0.2) on Dul's (2016) example (its `nca.example`: 28
#' countries, Individualism and Risk taking as conditions of Innovation
#' performance): the ceiling zones, scopes, effect sizes, accuracies and
#' CR-FDH intercepts and slopes agree at 1e-6, the bottleneck tables as NCA
#' prints them (where NCA says `"NN"` at the lowest observed level iecpls
#' says `"0.0"`, above), and the p values of 1,000 permutations within
#' Monte Carlo error. The effect sizes of
#' Individualism round to the published 0.42 (CE-FDH) and 0.31 (CR-FDH),
#' as the tests of the NecessaryConditionAnalysis project quote them from
#' Dul (2016) (the article itself was not checked). On seminr's scores of
#' the corporate reputation model (conditions COMP, LIKE and CUSA of CUSL)
#' they agree in the same way with NCA 5.0.2, but for the CR-FDH line of
#' CUSA (see Definitions), and with seminrExtras's `assess_nca()` (which
#' runs the NCA package; its numbers in the tests' fixture, CUSA's CR-FDH
#' line included, are iecpls's): the same effect sizes (at 1e-6), the same
#' bottleneck tables (it prints `NA` where iecpls says `"NN"`) and p values
#' within Monte Carlo error.
#'
#' @param fit A `pls_fit` from [pls()], fitted from data (it needs
#'   construct scores).
#' @param outcome The outcome construct.
#' @param conditions The conditions: names of constructs. By default the
#'   outcome's predecessors in the structural model.
#' @param scale `"ipma"` (the rescaled 0-100 scores of [pls_ipma()]) or
#'   `"scores"` (the standardized scores of the fit).
#' @param ceilings Ceiling lines: `"ce_fdh"` and/or `"cr_fdh"`.
#' @param R Number of permutations of the test; 0 for no test.
#' @param bottleneck Levels of the outcome for the bottleneck table, in
#'   percent of its observed range (between 0 and 100).
#' @param scale_min,scale_max With `scale = "ipma"`, the lowest and highest
#'   possible answer of the indicators, as in [pls_ipma()]; `NULL` (the
#'   default) takes the lowest and highest observed answer of all the model's
#'   indicators.
#' @param seed `NULL` (draw the seed of the permutation streams from the
#'   session's generator) or a number that fixes the permutations.
#' @param cores Number of OpenMP threads. By default the option
#'   `iecpls.cores`, else 1.
#' @return An object of class `pls_nca`, a list with
#' \describe{
#'   \item{`effects`}{a data frame with one row per condition and ceiling:
#'     `condition`, `ceiling`, `zone` (ceiling zone), `scope`, `d`, `size`
#'     (Dul's benchmark), `accuracy` (share of cases on or below the
#'     ceiling), `intercept` and `slope` (CR-FDH), `peers` (the number of
#'     CE-FDH peers) and `p.value` (NA without permutations).}
#'   \item{`bottleneck`}{a data frame with one row per ceiling, outcome
#'     level and condition: `ceiling`, `level` (percent of the outcome's
#'     range), `condition`, `required` (percent of the condition's range;
#'     NA when not necessary or not reached) and `label` (`required`
#'     formatted, or `"NN"` or `"NA"`).}
#'   \item{`data`}{the scores analysed: the conditions, then the outcome.}
#'   \item{`peers`}{for each condition, the rows of `data` that are its
#'     CE-FDH peers, in ascending order of the condition.}
#'   \item{`permutations`}{the permuted effect sizes, `R` rows, columns
#'     named `ceiling: condition` (or `NULL`).}
#'   \item{`outcome`, `conditions`, `ceilings`, `scale`, `R`, `seeds`,
#'     `nobs`}{the settings, the permutation streams and the number of
#'     cases.}
#' }
#' `tidy()` and `as.data.frame()` return the effect table (`what =
#' "effects"`) or the bottleneck table (`what = "bottleneck"`); `glance()`
#' a data frame with one row: `outcome`, `conditions`, `nobs`, `scale`,
#' `permutations`, `necessary` (conditions whose CE-FDH (else CR-FDH)
#' effect size is at least 0.1 with p below 0.05) and `max_d`. `plot()`
#' draws the scatter plots with the ceiling lines ([plot.pls_nca()]).
#' @references
#' Dul, J. (2016). Necessary condition analysis (NCA): logic and
#' methodology of "necessary but not sufficient" causality.
#' *Organizational Research Methods*, 19(1), 10--52.
#' \doi{10.1177/1094428115584005}
#'
#' Dul, J., van der Laan, E., and Kuik, R. (2020). A statistical
#' significance test for necessary condition analysis. *Organizational
#' Research Methods*, 23(2), 385--395. \doi{10.1177/1094428118795272}
#'
#' Richter, N. F., Schubring, S., Hauff, S., Ringle, C. M., and Sarstedt, M.
#' (2020). When predictors of outcomes are necessary: guidelines for the
#' combined use of PLS-SEM and NCA. *Industrial Management & Data Systems*,
#' 120(12), 2243--2267. \doi{10.1108/IMDS-11-2019-0638}
#' @seealso [pls_ipma()], whose rescaled scores are analysed by default.
#' @examples
#' fit <- pls("
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Satisfaction ~ Image
#'   Loyalty      ~ Image + Satisfaction
#' ", data = mobi)
#' nca <- pls_nca(fit, outcome = "Loyalty", scale_min = 1, scale_max = 10,
#'                R = 200, seed = 1, cores = 1)
#' nca
#' tidy(nca, what = "bottleneck")
#' glance(nca)
#' plot(nca)
#' @export
pls_nca <- function(fit, outcome, conditions = NULL, scale = c("ipma", "scores"),
                    ceilings = c("ce_fdh", "cr_fdh"), R = 10000L, bottleneck = seq(0, 100, 10),
                    scale_min = NULL, scale_max = NULL, seed = NULL,
                    cores = getOption("iecpls.cores", 1L)) {
  check_pls_fit(fit)
  scale <- match_arg(scale)
  ceilings <- match_arg(ceilings, several.ok = TRUE)
  outcome <- check_outcome_name(fit$model, outcome)
  conditions <- check_nca_conditions(fit$model, outcome, conditions)
  check_count(R, "R", min = 0)
  bottleneck <- check_bottleneck(bottleneck)
  cores <- check_cores(cores)
  data <- nca_scores(fit, outcome, conditions, scale, scale_min, scale_max)
  out <- nca_analysis(data, conditions, outcome, ceilings, R, bottleneck, seed, cores)
  out$scale <- scale
  out
}

# NCA of the columns `conditions` and `outcome` of the data frame `data`
# (finite numbers): everything pls_nca() returns but the scale.
nca_analysis <- function(data, conditions, outcome, ceilings, R, bottleneck, seed, cores) {
  problem <- nca_problem(data, conditions, outcome)
  observed <- c_nca_ceilings(problem)
  ceiling_table <- observed$ceilings
  peers <- stats::setNames(lapply(observed$peers, function(p) p + 1L), conditions)
  permutations <- seeds <- NULL
  if (R > 0) {
    sizes <- chunk_sizes(R)
    seeds <- with_seed(seed, chunk_seeds(length(sizes)))
    run <- run_chunks(c_nca_permutation, problem, seeds, sizes, cores, "Permuting the outcome")
    permutations <- run$stats
    colnames(permutations) <- c(paste0("ce_fdh: ", conditions), paste0("cr_fdh: ", conditions))
    permutations <- permutations[, paste0(rep(ceilings, each = length(conditions)), ": ", conditions),
                                 drop = FALSE]
  }
  effects <- nca_effects(problem, ceiling_table, conditions, ceilings, permutations)
  table <- nca_bottleneck(problem, ceiling_table, peers, conditions, ceilings, bottleneck)
  structure(list(effects = effects, bottleneck = table, data = data[c(conditions, outcome)], peers = peers,
                 permutations = permutations, outcome = outcome, conditions = conditions,
                 ceilings = ceilings, scale = NA_character_, R = as.integer(R), seeds = seeds,
                 nobs = nrow(data)),
            class = "pls_nca")
}

check_nca_conditions <- function(model, outcome, conditions) {
  if (is.null(conditions)) {
    conditions <- equation_predictors(model, outcome)
    if (!length(conditions)) {
      abort_input(c("{.field {outcome}} is exogenous: no construct predicts it, so it has no default conditions.",
                    "i" = "Give the conditions as {.arg conditions}."),
                  class = "iecpls_exogenous_outcome")
    }
    return(conditions)
  }
  if (!is.character(conditions) || !length(conditions) || anyNA(conditions) || anyDuplicated(conditions)) {
    abort_input("{.arg conditions} must be distinct names of constructs or {.code NULL}, not {.obj_type_friendly {conditions}}.")
  }
  available <- setdiff(model$constructs, outcome)
  missing <- setdiff(conditions, available)
  if (length(missing)) {
    abort_missing_names(missing, available, "Construct", "the model besides the outcome",
                        source = "given as {.arg conditions}")
  }
  conditions
}

check_bottleneck <- function(bottleneck) {
  if (!is.numeric(bottleneck) || !length(bottleneck) || anyNA(bottleneck) ||
      any(bottleneck < 0 | bottleneck > 100)) {
    abort_input("{.arg bottleneck} must be levels in percent, between 0 and 100.")
  }
  as.double(bottleneck)
}

# The scores analysed: conditions, then the outcome, as a data frame.
nca_scores <- function(fit, outcome, conditions, scale, scale_min, scale_max) {
  if (is.null(fit$scores) || is.null(fit$data)) {
    abort_input(c("NCA needs construct scores, but {.arg fit} was fitted from a correlation matrix.",
                  "i" = "Fit the model to the data with {.code pls(..., data = )}."),
                class = "iecpls_needs_data")
  }
  columns <- c(conditions, outcome)
  scores <- if (scale == "scores") fit$scores else nca_ipma_scores(fit, outcome, columns, scale_min, scale_max)
  unknown <- setdiff(columns, colnames(scores))
  if (length(unknown)) {
    abort_input("{.field {unknown}} {?has/have} no {if (scale == 'ipma') 'rescaled ' else ''}construct scores.")
  }
  scores <- scores[, columns, drop = FALSE]
  if (!all(is.finite(scores))) abort_input("The construct scores have missing or infinite values.")
  if (nrow(scores) < 2L) abort_input("NCA needs at least two cases.")
  as.data.frame(scores)
}

nca_ipma_scores <- function(fit, outcome, columns, scale_min, scale_max) {
  if (is.null(scale_min) || is.null(scale_max)) {
    answers <- as.matrix(fit_indicator_data(fit)[base_indicators(fit$model)])
    if (is.null(scale_min)) scale_min <- min(answers, na.rm = TRUE)
    if (is.null(scale_max)) scale_max <- max(answers, na.rm = TRUE)
  }
  # pls_ipma() needs an endogenous target; the scores do not depend on it
  target <- if (outcome %in% model_endogenous(fit$model)) outcome else model_endogenous(fit$model)[1L]
  pls_ipma(fit, target = target, scale_min = scale_min, scale_max = scale_max)$scores
}

# What C needs: conditions (n x m), the outcome and each condition's
# ascending order (0-based).
nca_problem <- function(data, conditions, outcome) {
  x <- as.matrix(data[conditions])
  storage.mode(x) <- "double"
  order <- apply(x, 2L, order) - 1L
  dim(order) <- dim(x)
  storage.mode(order) <- "integer"
  list(x = unname(x), y = as.double(data[[outcome]]), order = order)
}

nca_size <- function(d) {
  as.character(cut(d, c(-Inf, 0.1, 0.3, 0.5, Inf), right = FALSE,
                   labels = c("small", "medium", "large", "very large")))
}

# Share of cases on or below the CR-FDH line: a case counts as above it
# when it exceeds it by more than 1e-7, as in the NCA package.
nca_accuracy_line <- function(x, y, a, b) {
  mean(y - (a + b * x) <= 1e-7)
}

nca_effects <- function(problem, ceiling_table, conditions, ceilings, permutations) {
  rows <- lapply(ceilings, function(ceiling) {
    zone <- ceiling_table[if (ceiling == "ce_fdh") 1L else 2L, ]
    scope <- ceiling_table[3L, ]
    d <- ifelse(scope > 0, zone / scope, 0)
    cr <- ceiling == "cr_fdh"
    accuracy <- if (cr) {
      vapply(seq_along(conditions), function(j) {
        nca_accuracy_line(problem$x[, j], problem$y, ceiling_table[4L, j], ceiling_table[5L, j])
      }, numeric(1))
    } else rep(1, length(conditions))
    p <- if (is.null(permutations)) rep(NA_real_, length(conditions)) else {
      draws <- permutations[, paste0(ceiling, ": ", conditions), drop = FALSE]
      pmax(colSums(draws >= rep(d, each = nrow(draws)) - 1e-10) / nrow(draws), 1 / nrow(draws))
    }
    data.frame(condition = conditions, ceiling = ceiling, zone = zone, scope = scope, d = d,
               size = nca_size(d), accuracy = accuracy,
               intercept = if (cr) ceiling_table[4L, ] else NA_real_,
               slope = if (cr) ceiling_table[5L, ] else NA_real_,
               peers = as.integer(ceiling_table[6L, ]), p.value = unname(p), stringsAsFactors = FALSE)
  })
  out <- do.call(rbind, rows)
  rownames(out) <- NULL
  out
}

# The bottleneck table of each ceiling (see the help page).
nca_bottleneck <- function(problem, ceiling_table, peers, conditions, ceilings, levels) {
  y <- problem$y
  y_lo <- min(y)
  y_range <- max(y) - y_lo
  rows <- list()
  for (ceiling in ceilings) {
    for (j in seq_along(conditions)) {
      x <- problem$x[, j]
      x_lo <- min(x)
      x_range <- max(x) - x_lo
      target <- y_lo + levels / 100 * y_range
      if (ceiling == "ce_fdh") {
        px <- x[peers[[j]]]
        py <- y[peers[[j]]]
        first <- vapply(target, function(t) which(py >= t - 1e-10 * y_range)[1L], integer(1))
        needed <- px[first]
        beyond <- is.na(needed)
        not_needed <- rep(FALSE, length(levels))
      } else {
        a <- ceiling_table[4L, j]
        b <- ceiling_table[5L, j]
        needed <- if (b > 0) (target - a) / b else rep(-Inf, length(levels))
        beyond <- needed > max(x) + 1e-10 * x_range
        not_needed <- needed < x_lo - 1e-10 * x_range
      }
      percent <- if (x_range > 0) (needed - x_lo) / x_range * 100 else rep(0, length(levels))
      required <- ifelse(not_needed | beyond, NA_real_, percent)
      label <- ifelse(not_needed, "NN", ifelse(beyond, "NA", formatC(required, digits = 1, format = "f")))
      rows[[length(rows) + 1L]] <- data.frame(ceiling = ceiling, level = levels, condition = conditions[j],
                                              required = required, label = label, stringsAsFactors = FALSE)
    }
  }
  out <- do.call(rbind, rows)
  rownames(out) <- NULL
  out
}

#' @rdname pls_nca
#' @param x A `pls_nca` object.
#' @param digits Number of decimal places printed.
#' @param ... Not used.
#' @export
print.pls_nca <- function(x, digits = 3, ...) {
  scale <- if (identical(x$scale, "ipma")) "0-100 IPMA scores" else if (identical(x$scale, "scores")) "standardized scores" else "data"
  cat_wrapped("Necessary condition analysis: ", paste(x$conditions, collapse = ", "), " -> ", x$outcome,
              " (", x$nobs, " cases, ", scale,
              ", ", if (x$R > 0) paste(format_count(x$R), "permutations") else "no permutation test", ")")
  cat("\n")
  e <- x$effects
  table <- data.frame(condition = e$condition, ceiling = e$ceiling, d = e$d, size = e$size,
                      accuracy = formatC(100 * e$accuracy, digits = 1, format = "f"), peers = e$peers,
                      intercept = blank_na(e$intercept, digits), slope = blank_na(e$slope, digits),
                      p = format_nca_p(e$p.value, digits),
                      stringsAsFactors = FALSE)
  print_wide(table, digits)
  cat("\n")
  cat_wrapped("d = ceiling zone / scope (small < 0.1 <= medium < 0.3 <= large < 0.5 <= very large); ",
              "accuracy in percent of cases on or below the ceiling",
              if (x$R > 0) "; p: share of the permutations of the outcome whose d is at least as large", ".")
  first <- x$ceilings[1L]
  b <- x$bottleneck[x$bottleneck$ceiling == first, ]
  wide <- data.frame(level = unique(b$level))
  for (condition in x$conditions) wide[[condition]] <- b$label[b$condition == condition]
  names(wide)[1L] <- x$outcome
  cat("\n")
  cat_wrapped("Bottleneck table (", toupper(sub("_", "-", first)), "): required level of each condition ",
              "for each level of ", x$outcome, ", in percent of the observed ranges",
              if (first == "cr_fdh") "; NN = below the lowest observed level (not necessary), NA = beyond the highest", ".")
  wide[[1L]] <- formatC(wide[[1L]], digits = 0, format = "f")
  print_wide(wide, digits, id = x$outcome)
  invisible(x)
}

# Numbers as printed, NA left blank (the CE-FDH rows have no line).
blank_na <- function(x, digits) ifelse(is.na(x), "", formatC(x, digits = digits, format = "f"))

# p values as printed: "<0.001" below the smallest printed number.
format_nca_p <- function(p, digits) {
  if (all(is.na(p))) return(p)
  ifelse(p < 10^-digits, paste0("<", formatC(10^-digits, digits = digits, format = "f")),
         formatC(p, digits = digits, format = "f"))
}

#' @rdname pls_nca
#' @param what `"effects"` (the effect sizes and tests) or `"bottleneck"`
#'   (the bottleneck table).
#' @export
tidy.pls_nca <- function(x, what = c("effects", "bottleneck"), ...) {
  what <- match_arg(what)
  if (what == "bottleneck") return(x$bottleneck)
  e <- x$effects
  data.frame(condition = e$condition, outcome = x$outcome, ceiling = e$ceiling, estimate = e$d,
             size = e$size, zone = e$zone, scope = e$scope, accuracy = e$accuracy, intercept = e$intercept,
             slope = e$slope, peers = e$peers, p.value = e$p.value, stringsAsFactors = FALSE)
}

#' @rdname pls_nca
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_nca <- function(x, row.names = NULL, optional = FALSE, what = c("effects", "bottleneck"), ...) {
  tidy.pls_nca(x, what = match_arg(what))
}

#' @rdname pls_nca
#' @export
glance.pls_nca <- function(x, ...) {
  e <- x$effects
  main <- e[e$ceiling == x$ceilings[1L], ]
  data.frame(outcome = x$outcome, conditions = length(x$conditions), nobs = x$nobs, scale = x$scale,
             permutations = x$R, necessary = sum(main$d >= 0.1 & main$p.value < 0.05, na.rm = TRUE),
             max_d = max(e$d), stringsAsFactors = FALSE)
}
