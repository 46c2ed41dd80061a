#' Population model of the simulated industry-education integration study
#'
#' `iec_population()` returns every parameter of the population model from
#' which [iec_simulate()] draws SIMULATED survey responses for the
#' industry-education integration community study (the original responses are
#' not public). Change any element and pass the list to [iec_simulate()] or
#' [iec_implied()].
#'
#' @section The model:
#' All latent variables are standardized (mean 0, variance 1) within every
#' role. The exogenous constructs TTM, IC, QEA and GAD correlate 0.15 to 0.45
#' (`exogenous_cor`; IC, the interests of the partners, is the least related
#' to the others); every other construct is a linear function of its
#' predictors (`paths`) plus an independent normal disturbance whose variance
#' makes the construct's variance 1. The default paths are
#'
#' | path | value | note |
#' |---|---|---|
#' | TTM -> CTM | 0.40 | the strongest of the five factors |
#' | RIG -> CTM | 0.36 | |
#' | QEA -> CTM | 0.27 | |
#' | IC -> CTM | 0.16 | 0.02 for graduate students, 0.34 for enterprise mentors (`role_paths`) |
#' | GAD -> CTM | 0.04 | a weak direct effect, but ... |
#' | GAD -> RIG | 0.50 | ... a strong indirect one through resources |
#' | CTM -> PIA | 0.65 | |
#' | CTM -> CDA | 0.60 | |
#'
#' so CTM fully mediates the five factors' effects on PIA and CDA. The R^2 of
#' CTM is 0.57 for graduate students, 0.64 for university supervisors and
#' administrators, 0.79 for enterprise mentors and 0.64 in the pooled
#' population (PIA 0.42, CDA 0.36, RIG 0.25). PLS estimates of these are
#' smaller (about 0.51 for CTM in the pooled population), because composites
#' of five-point answers carry measurement error; [iec_implied()] computes
#' both for any parameter list.
#'
#' Each indicator is `loading * latent + sqrt(1 - loading^2) * error` with a
#' standard normal error, so it has unit variance, and is cut into the
#' answers 1 to 5 at `thresholds`. With the default thresholds the answers
#' 1 to 5 have probabilities of about 0.02, 0.09, 0.24, 0.43 and 0.23, the
#' agreeable lean typical of such surveys. Loadings are between 0.74 and 0.90
#' except for `qea4` ("Assessment results are published on the programme's
#' website.", loading 0.50), an item about a procedure that many respondents
#' cannot judge, which the measurement assessment should flag.
#'
#' The background variables are drawn independently of each other and of the
#' latent variables; role matters only through `role_paths`.
#'
#' @section The moderated population:
#' `iec_population(moderated = TRUE)` adds one interaction (`interactions`):
#' resource investment and guarantee moderates the effect of government
#' administrative drive on CTM with the value -0.15, so that government drive
#' matters more where resources are scarce ([iec_model()] argues the sign from
#' the study's theory, and `iec_model("moderated")` is the matching model).
#'
#' An interaction enters its outcome's structural equation as a standardized
#' product term. For GAD x RIG -> CTM,
#'
#' `CTM = paths' x + value * (GAD * RIG - r) / sqrt(1 + r^2) + disturbance`,
#'
#' where `x` are CTM's predictors and `r` the correlation of the latent GAD and
#' RIG in the respondent's role (0.50 in every role by default, from GAD -> RIG).
#' The product of two standard normal variables with correlation `r` has mean
#' `r` and variance `1 + r^2`, so the term has mean 0 and variance 1 exactly,
#' and `value` is a standardized coefficient like the paths (and like the path
#' of an interaction term in [pls()], whose scores are standardized too). Being
#' a third moment of jointly normal variables, the product is uncorrelated with
#' every latent variable that is not affected by an interaction, and with the
#' disturbance. The disturbance's variance is reduced by `value^2` (by
#' `g' Q g` for several interactions `g` on one outcome with product
#' correlations `Q`), so CTM keeps variance 1, and the correlations among all
#' latent variables are the same as without the interaction: only the R^2 of
#' CTM grows, by `value^2 = 0.0225` (to 0.66 in the pooled population). The
#' effect of GAD on CTM where RIG is `m` standard deviations from its mean is
#' `0.04 + value * m / sqrt(1 + r^2) = 0.04 - 0.134 m`: 0.17 where resources
#' are one standard deviation below the mean, -0.09 where they are one above.
#' Government drive's indirect effect through resources (0.50 x 0.36 = 0.18)
#' keeps its total effect positive.
#'
#' The default population has no interaction: the study's hypotheses are about
#' the main effects and their mediation, and [iec_survey], the examples and
#' the numbers quoted in the help pages are draws from the default population.
#' [iec_simulate()] uses the same random numbers for both, so with the same
#' seed a draw from the moderated population differs from the default draw
#' only in the latent scores of CTM and its outcomes (PIA, CDA) and in the
#' answers to their items.
#'
#' @return A list with elements
#' \describe{
#'   \item{`loadings`}{Named list, one element per construct in model order
#'     (TTM, IC, QEA, GAD, RIG, CTM, PIA, CDA), each a named numeric vector of
#'     the standardized loadings of that construct's items (names are the item
#'     codes of [iec_items]). Values in (-1, 1).}
#'   \item{`exogenous_cor`}{Correlation matrix of the exogenous constructs
#'     (those without predictors in `paths`), with their names as dimnames.}
#'   \item{`paths`}{Constructs x constructs matrix of standardized path
#'     coefficients, rows are predictors and columns outcomes (the layout of
#'     `pls()$path_coef`); zero means no path. Must be recursive.}
#'   \item{`role_paths`}{Data frame of role-specific paths with columns
#'     `role`, `from`, `to` and `value`: in that role the path `from -> to`
#'     takes `value` instead of its value in `paths` (which must be non-zero).
#'     By default IC -> CTM is 0.34 for enterprise mentors, whose
#'     participation is voluntary and depends on what their company gains,
#'     and 0.02 for graduate students, who experience the training but hardly
#'     see the partners' bargains: a difference that a multigroup analysis
#'     by role should find.}
#'   \item{`interactions`}{Data frame of latent interactions with columns
#'     `from`, `moderator`, `to` and `value`: the standardized product of
#'     `from` and `moderator` enters the structural equation of `to` with
#'     coefficient `value` (see "The moderated population"). Both `from` and
#'     `moderator` must have paths into `to` (the main effects, as the model
#'     syntax requires), and neither may itself be affected by an
#'     interaction. No rows by default; `moderated = TRUE` gives GAD x RIG ->
#'     CTM = -0.15. The same in every role. A list without this element has
#'     no interactions.}
#'   \item{`thresholds`}{Increasing numeric vector of the 4 cut points on the
#'     standard normal scale that turn an indicator into the answers 1 to 5
#'     (1 = strongly disagree ... 5 = strongly agree); the same for all
#'     items.}
#'   \item{`groups`}{Named list of the background variables, each a named
#'     vector of probabilities summing to 1 (names are the factor levels):
#'     `role` (graduate student 0.40, university supervisor 0.20, enterprise
#'     mentor 0.25, administrator 0.15), `degree_field` (engineering 0.45,
#'     management 0.20, education 0.15, medicine 0.10, agriculture 0.10),
#'     `university_type` (Double First-Class 0.25, other public 0.55,
#'     applied technology 0.20) and `region` of China (east 0.40, central
#'     0.25, west 0.25, northeast 0.10).}
#'   \item{`nonresponse`}{Probability that an item answer is missing,
#'     independently for every answer (missing completely at random). Default
#'     0.015.}
#' }
#' @param moderated If `TRUE`, the population has the interaction GAD x RIG
#'   -> CTM (`interactions`); by default it has none.
#' @seealso [iec_simulate()] to draw data, [iec_implied()] for the implied
#'   correlations and R^2, [iec_survey] for the shipped draw.
#' @examples
#' p <- iec_population()
#' p$paths[, "CTM"]
#' p$role_paths
#'
#' # A population in which interest correlation matters equally to everyone
#' p$role_paths <- p$role_paths[0, ]
#' iec_implied(p)$r2
#'
#' # Government drive matters more where resources are scarce
#' moderated <- iec_population(moderated = TRUE)
#' moderated$interactions
#' round(iec_implied(moderated)$r2[, "CTM"], 3)
#' @export
iec_population <- function(moderated = FALSE) {
  check_flag(moderated, "moderated")
  constructs <- c("TTM", "IC", "QEA", "GAD", "RIG", "CTM", "PIA", "CDA")
  exogenous <- c("TTM", "IC", "QEA", "GAD")
  paths <- matrix(0, 8, 8, dimnames = list(constructs, constructs))
  paths[c("TTM", "IC", "QEA", "GAD", "RIG"), "CTM"] <- c(0.40, 0.16, 0.27, 0.04, 0.36)
  paths["GAD", "RIG"] <- 0.50
  paths["CTM", c("PIA", "CDA")] <- c(0.65, 0.60)
  list(
    loadings = list(
      TTM = c(ttm1 = 0.85, ttm2 = 0.80, ttm3 = 0.87, ttm4 = 0.83, ttm5 = 0.76),
      IC = c(ic1 = 0.86, ic2 = 0.82, ic3 = 0.85, ic4 = 0.78),
      QEA = c(qea1 = 0.85, qea2 = 0.81, qea3 = 0.87, qea4 = 0.50),
      GAD = c(gad1 = 0.88, gad2 = 0.84, gad3 = 0.80, gad4 = 0.77),
      RIG = c(rig1 = 0.86, rig2 = 0.83, rig3 = 0.81, rig4 = 0.78, rig5 = 0.74),
      CTM = c(ctm1 = 0.90, ctm2 = 0.88, ctm3 = 0.86, ctm4 = 0.83),
      PIA = c(pia1 = 0.88, pia2 = 0.84, pia3 = 0.81),
      CDA = c(cda1 = 0.87, cda2 = 0.84, cda3 = 0.79)
    ),
    exogenous_cor = matrix(c(1.00, 0.20, 0.45, 0.30,
                             0.20, 1.00, 0.20, 0.15,
                             0.45, 0.20, 1.00, 0.30,
                             0.30, 0.15, 0.30, 1.00),
                           4, 4, dimnames = list(exogenous, exogenous)),
    paths = paths,
    role_paths = data.frame(role = c("graduate student", "enterprise mentor"), from = "IC", to = "CTM",
                            value = c(0.02, 0.34), stringsAsFactors = FALSE),
    interactions = if (moderated) {
      data.frame(from = "GAD", moderator = "RIG", to = "CTM", value = -0.15, stringsAsFactors = FALSE)
    } else {
      data.frame(from = character(), moderator = character(), to = character(), value = numeric(),
                 stringsAsFactors = FALSE)
    },
    thresholds = c(-2.05, -1.25, -0.40, 0.75),
    groups = list(
      role = c("graduate student" = 0.40, "university supervisor" = 0.20,
               "enterprise mentor" = 0.25, "administrator" = 0.15),
      degree_field = c(engineering = 0.45, management = 0.20, education = 0.15,
                       medicine = 0.10, agriculture = 0.10),
      university_type = c("Double First-Class" = 0.25, "other public" = 0.55,
                          "applied technology" = 0.20),
      region = c(east = 0.40, central = 0.25, west = 0.25, northeast = 0.10)
    ),
    nonresponse = 0.015
  )
}

# ---------------------------------------------------------------------------
# The population's latent correlations

# Path matrix of one role: `paths` with that role's rows of `role_paths`.
role_paths_matrix <- function(params, role) {
  paths <- params$paths
  own <- params$role_paths[params$role_paths$role == role, , drop = FALSE]
  paths[cbind(own$from, own$to)] <- own$value
  paths
}

# Correlation matrix of the standardized latent variables implied by the
# exogenous correlations and the (recursive) paths: each endogenous construct
# gets the covariances of its linear predictor and unit variance. Interaction
# terms leave these correlations unchanged (their standardized products are
# uncorrelated with every latent variable they do not affect, see
# ?iec_population); they count only in the check that an outcome's predictors
# explain less than its variance.
latent_cor <- function(paths, exogenous_cor, interactions = no_interactions()) {
  constructs <- rownames(paths)
  R <- matrix(0, length(constructs), length(constructs), dimnames = list(constructs, constructs))
  exogenous <- rownames(exogenous_cor)
  R[exogenous, exogenous] <- exogenous_cor
  done <- exogenous
  for (outcome in setdiff(topological_order(paths), exogenous)) {
    predictors <- constructs[paths[, outcome] != 0]
    b <- paths[predictors, outcome]
    explained <- drop(b %*% R[predictors, predictors] %*% b) + interaction_variance(R, interactions, outcome)
    if (explained >= 1) {
      abort_input("The paths and interactions into {.field {outcome}} explain {round(explained, 3)} of its unit variance; it must be below 1.",
                  class = "iecpls_population_error")
    }
    R[outcome, done] <- R[done, outcome] <- drop(b %*% R[predictors, done, drop = FALSE])
    R[outcome, outcome] <- 1
    done <- c(done, outcome)
  }
  R
}

# Constructs ordered so that every construct comes after its predictors.
topological_order <- function(paths) {
  order <- character()
  remaining <- rownames(paths)
  while (length(remaining)) {
    ready <- remaining[vapply(remaining, function(k) all(rownames(paths)[paths[, k] != 0] %in% order), logical(1))]
    if (!length(ready)) abort_input("{.code params$paths} must be recursive; {.field {remaining}} form a cycle.")
    order <- c(order, ready)
    remaining <- setdiff(remaining, ready)
  }
  order
}

# ---------------------------------------------------------------------------
# Interactions of the population: standardized products of latent variables

# The interactions of a parameter list; a list without the element has none.
population_interactions <- function(params) params$interactions %||% no_interactions()

no_interactions <- function() {
  data.frame(from = character(), moderator = character(), to = character(), value = numeric(),
             stringsAsFactors = FALSE)
}

# Correlations of the standardized product terms (a b - r_ab) / sqrt(1 + r_ab^2)
# of the rows of `interactions`, from the correlations R of jointly normal,
# standardized latent variables: cov(a b, c d) = r_ac r_bd + r_ad r_bc
# (Isserlis), so var(a b) = 1 + r_ab^2.
product_cor <- function(R, interactions) {
  a <- interactions$from
  b <- interactions$moderator
  cov <- R[a, a, drop = FALSE] * R[b, b, drop = FALSE] + R[a, b, drop = FALSE] * R[b, a, drop = FALSE]
  sd <- sqrt(1 + R[cbind(a, b)]^2)
  cov / outer(sd, sd)
}

# Variance that the interactions into `outcome` add to it, g' Q g.
interaction_variance <- function(R, interactions, outcome) {
  mine <- interactions[interactions$to == outcome, , drop = FALSE]
  if (!nrow(mine)) return(0)
  drop(mine$value %*% product_cor(R, mine) %*% mine$value)
}

# The outcomes of interactions and every construct downstream of them: the
# constructs whose latent scores an interaction changes.
affected_constructs <- function(paths, outcomes) {
  affected <- unique(outcomes)
  repeat {
    reached <- colnames(paths)[colSums(paths[affected, , drop = FALSE] != 0) > 0]
    grown <- union(affected, reached)
    if (length(grown) == length(affected)) return(affected)
    affected <- grown
  }
}

# R^2 of each endogenous construct from a latent correlation matrix: that of
# its linear predictors (the interactions' share is added by iec_implied()).
latent_r2 <- function(R, paths) {
  endogenous <- colnames(paths)[colSums(paths != 0) > 0]
  vapply(endogenous, function(outcome) {
    predictors <- rownames(paths)[paths[, outcome] != 0]
    r <- R[predictors, outcome]
    drop(r %*% solve(R[predictors, predictors], r))
  }, numeric(1))
}

# ---------------------------------------------------------------------------
# Checks of a parameter list

check_population <- function(params) {
  # lists made before populations had interactions have none
  required <- setdiff(names(iec_population()), "interactions")
  if (!is.list(params) || !all(required %in% names(params))) {
    abort_input("{.arg params} must be a list like {.code iec_population()} with elements {.field {required}}.")
  }
  check_loadings(params$loadings)
  check_paths(params$paths, names(params$loadings), params$exogenous_cor)
  check_groups(params$groups)
  check_role_paths(params$role_paths, params$paths, names(params$groups$role))
  check_interactions(population_interactions(params), params$paths)
  thresholds <- params$thresholds
  if (!is.numeric(thresholds) || !length(thresholds) || anyNA(thresholds) ||
      any(!is.finite(thresholds)) || any(diff(thresholds) <= 0)) {
    abort_input("{.code params$thresholds} must be finite, increasing numbers.")
  }
  rate <- params$nonresponse
  if (!is.numeric(rate) || length(rate) != 1L || is.na(rate) || rate < 0 || rate >= 1) {
    abort_input("{.code params$nonresponse} must be a probability in [0, 1).")
  }
  invisible(params)
}

check_interactions <- function(interactions, paths) {
  columns <- c("from", "moderator", "to", "value")
  if (!is.data.frame(interactions) || !all(columns %in% names(interactions))) {
    abort_input("{.code params$interactions} must be a data frame with columns {.field {columns}}.")
  }
  ends <- interactions[c("from", "moderator", "to")]
  if (!all(vapply(ends, is.character, logical(1))) || anyNA(unlist(ends))) {
    abort_input("{.code params$interactions} must name constructs in {.field from}, {.field moderator} and {.field to} (character columns).")
  }
  unknown <- setdiff(unlist(ends, use.names = FALSE), rownames(paths))
  if (length(unknown)) abort_input("{.code params$interactions} names unknown construct{?s} {.field {unknown}}.")
  if (!is.numeric(interactions$value) || any(!is.finite(interactions$value))) {
    abort_input("{.code params$interactions$value} must be finite numbers.")
  }
  label <- paste0(interactions$from, " x ", interactions$moderator, " -> ", interactions$to)
  main <- paths[cbind(interactions$from, interactions$to)] != 0 & paths[cbind(interactions$moderator, interactions$to)] != 0
  if (!all(main)) {
    abort_input(c("{.code params$interactions}: {.field {label[!main]}} need{?s/} both main effects in {.code params$paths}.",
                  "i" = "The product of two constructs moderates an outcome that both predict, as in the model syntax."))
  }
  affected <- affected_constructs(paths, interactions$to)
  moderated <- label[interactions$from %in% affected | interactions$moderator %in% affected]
  if (length(moderated)) {
    abort_input(c("{.code params$interactions}: {.field {moderated}} multipl{?ies/y} a construct that an interaction affects.",
                  "i" = "The constituents of an interaction must not be moderated themselves, nor lie downstream of a moderated construct."))
  }
  key <- paste(pmin(interactions$from, interactions$moderator), pmax(interactions$from, interactions$moderator), interactions$to)
  twice <- unique(label[duplicated(key)])
  if (length(twice)) abort_input("{.code params$interactions} has {.field {twice}} more than once.")
  invisible(interactions)
}

check_loadings <- function(loadings) {
  ok <- is.list(loadings) && length(loadings) > 0 && !is.null(names(loadings)) &&
    all(vapply(loadings, function(l) is.numeric(l) && length(l) > 0 && !is.null(names(l)), logical(1)))
  if (!ok) abort_input("{.code params$loadings} must be a named list of named numeric vectors.")
  values <- unlist(unname(loadings))
  bad <- names(values)[is.na(values) | abs(values) >= 1]
  if (length(bad)) abort_input("Loadings must lie in (-1, 1); {.field {bad}} {?does/do} not.")
  twice <- unique(names(values)[duplicated(names(values))])
  if (length(twice)) abort_input("Item {.field {twice}} appears in more than one block of {.code params$loadings}.")
}

check_paths <- function(paths, constructs, exogenous_cor) {
  if (!is.matrix(paths) || !is.numeric(paths) || anyNA(paths) ||
      !identical(dimnames(paths), list(constructs, constructs))) {
    abort_input("{.code params$paths} must be a numeric matrix with the constructs of {.code params$loadings} as row and column names.")
  }
  exogenous <- constructs[colSums(paths != 0) == 0]
  ok <- is.matrix(exogenous_cor) && is.numeric(exogenous_cor) &&
    identical(rownames(exogenous_cor), exogenous) && identical(colnames(exogenous_cor), exogenous) &&
    isSymmetric(unname(exogenous_cor)) && all(diag(exogenous_cor) == 1)
  if (!ok) {
    abort_input("{.code params$exogenous_cor} must be a correlation matrix of the constructs without predictors ({.field {exogenous}}), in that order.")
  }
  if (inherits(try(chol(exogenous_cor), silent = TRUE), "try-error")) {
    abort_input("{.code params$exogenous_cor} must be positive definite.")
  }
}

check_groups <- function(groups) {
  if (!is.list(groups) || is.null(names(groups)) || !"role" %in% names(groups)) {
    abort_input("{.code params$groups} must be a named list that includes {.field role}.")
  }
  for (name in names(groups)) {
    p <- groups[[name]]
    ok <- is.numeric(p) && length(p) > 0 && !is.null(names(p)) && !anyNA(p) && all(p >= 0) &&
      abs(sum(p) - 1) < 1e-8 && !anyDuplicated(names(p))
    if (!ok) abort_input("{.code params$groups${name}} must be probabilities summing to 1, named by distinct levels.")
  }
}

check_role_paths <- function(role_paths, paths, roles) {
  columns <- c("role", "from", "to", "value")
  if (!is.data.frame(role_paths) || !all(columns %in% names(role_paths))) {
    abort_input("{.code params$role_paths} must be a data frame with columns {.field {columns}}.")
  }
  unknown <- setdiff(role_paths$role, roles)
  if (length(unknown)) abort_input("{.code params$role_paths} names unknown role{?s} {.val {unknown}}.")
  known <- role_paths$from %in% rownames(paths) & role_paths$to %in% colnames(paths)
  existing <- known
  existing[known] <- paths[cbind(role_paths$from[known], role_paths$to[known])] != 0
  if (!all(existing)) {
    bad <- paste(role_paths$from, "->", role_paths$to)[!existing]
    abort_input("{.code params$role_paths} can only change paths of {.code params$paths}; {.field {bad}} {?is/are} not there.")
  }
  if (!is.numeric(role_paths$value) || anyNA(role_paths$value)) {
    abort_input("{.code params$role_paths$value} must be numbers.")
  }
}
