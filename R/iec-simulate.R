#' Simulate answers to the industry-education integration questionnaire
#'
#' Draws SIMULATED respondents from the population model of the
#' industry-education integration community study ([iec_population()]): the
#' original survey responses are not public, so this generator, and the draw
#' shipped as [iec_survey], stand in for them.
#'
#' For each respondent the function draws, in this order: the background
#' variables (independently, with the probabilities in `params$groups`); the
#' standardized latent variables, from a multivariate normal distribution with
#' the correlations implied by the paths of the respondent's role
#' ([iec_implied()]); the items, `loading * latent + sqrt(1 - loading^2) *
#' error` with standard normal errors, cut into the answers 1 to 5 at
#' `params$thresholds`; and item nonresponse, each answer missing with
#' probability `params$nonresponse`. The random numbers used at each step do
#' not depend on the parameters, so with the same seed changing a loading or
#' the nonresponse rate changes only what it must.
#'
#' A population with interactions (`params$interactions`, as in
#' `iec_population(moderated = TRUE)`) is drawn from the same random numbers:
#' the latent scores are first drawn as above, and then every construct an
#' interaction affects (its outcome and, in turn, the constructs downstream)
#' is rebuilt from its predictors' scores, the standardized product terms
#' `(a * b - r) / sqrt(1 + r^2)` of the respondent's own scores, and its own
#' disturbance, rescaled so that its variance stays 1 ([iec_population()]
#' gives the algebra). With the same seed, such a draw differs from the draw
#' without interactions only in the latent scores of those constructs and the
#' answers to their items.
#'
#' @param n Number of respondents.
#' @param params Parameter list, as returned (and possibly modified) from
#'   [iec_population()].
#' @param seed Optional seed. When given, the draw is reproducible (it uses
#'   R's default generators, whatever [RNGkind()] is in force) and the random
#'   number state of the session is left as it was; when `NULL` the session's
#'   random number stream is used and advanced.
#' @param latent If `TRUE`, the latent variable scores are attached to the
#'   result as the attribute `"latent"` (an n x constructs matrix).
#'
#' @return A data frame with `n` rows and the columns
#' \describe{
#'   \item{`id`}{Respondent number, 1 to `n`.}
#'   \item{`role`, `degree_field`, `university_type`, `region`}{Factors
#'     with the levels of `params$groups` (one column per element).}
#'   \item{item columns}{One integer column per item, named by the item
#'     codes of `params$loadings` (by default `ttm1` ... `cda3`, see
#'     [iec_items]): answers 1 (strongly disagree) to 5 (strongly agree),
#'     `NA` for nonresponse.}
#' }
#' @seealso [iec_survey] for the shipped draw, [iec_model()] for the model
#'   syntax.
#' @examples
#' survey <- iec_simulate(200, seed = 1)
#' head(survey[, 1:10])
#' table(survey$role)
#'
#' # A population without the weak item's problem
#' p <- iec_population()
#' p$loadings$QEA["qea4"] <- 0.8
#' fit <- pls(iec_model("core"), data = iec_simulate(300, p, seed = 1), missing = "mean")
#' round(fit$outer_loadings[c("qea1", "qea4"), "QEA"], 2)
#'
#' # Government drive matters more where resources are scarce
#' moderated <- iec_simulate(300, iec_population(moderated = TRUE), seed = 1)
#' fit <- pls(iec_model("moderated"), data = moderated, missing = "mean")
#' round(fit$path_coef["GAD:RIG", "CTM"], 2)
#' @export
iec_simulate <- function(n, params = iec_population(), seed = NULL, latent = FALSE) {
  check_number(n, "n", integer = TRUE)
  check_population(params)
  with_seed(seed, simulate_respondents(as.integer(n), params, isTRUE(latent)))
}

simulate_respondents <- function(n, params, latent) {
  background <- draw_background(n, params$groups)
  scores <- draw_latent(background$role, params)
  answers <- draw_answers(scores, params)
  survey <- data.frame(id = seq_len(n), background, answers, check.names = FALSE)
  if (latent) attr(survey, "latent") <- scores
  survey
}

# One factor per element of `groups`, each drawn with its probabilities.
draw_background <- function(n, groups) {
  columns <- lapply(groups, function(p) {
    u <- stats::runif(n)
    levels <- names(p)
    factor(levels[findInterval(u, cumsum(p)[-length(p)]) + 1L], levels = levels)
  })
  as.data.frame(columns, optional = TRUE)
}

# n x constructs matrix of latent scores, each row drawn with the latent
# correlations of the respondent's role, and then the interactions added.
draw_latent <- function(role, params) {
  constructs <- names(params$loadings)
  interactions <- population_interactions(params)
  z <- matrix(stats::rnorm(length(role) * length(constructs)), length(role), length(constructs))
  scores <- matrix(0, length(role), length(constructs), dimnames = list(NULL, constructs))
  for (level in levels(role)) {
    rows <- which(role == level)
    if (!length(rows)) next
    paths <- role_paths_matrix(params, level)
    R <- latent_cor(paths, params$exogenous_cor, interactions)
    scores[rows, ] <- z[rows, , drop = FALSE] %*% chol(R)
    if (nrow(interactions)) scores[rows, ] <- add_interactions(scores[rows, , drop = FALSE], paths, R, interactions)
  }
  scores
}

# Latent scores with the interactions added to scores drawn without them. In
# those, every endogenous construct is the linear function of its predictors
# plus a normal disturbance; each construct that an interaction affects is
# rebuilt, in topological order, from its predictors' new scores, the
# standardized product terms and its disturbance, scaled down by the variance
# the product terms add. Draws no random numbers.
add_interactions <- function(scores, paths, R, interactions) {
  linear <- function(k, s) {
    predictors <- rownames(paths)[paths[, k] != 0]
    drop(s[, predictors, drop = FALSE] %*% paths[predictors, k])
  }
  n <- nrow(scores)
  out <- scores
  for (k in intersect(topological_order(paths), affected_constructs(paths, interactions$to))) {
    disturbance <- scores[, k] - linear(k, scores)
    mine <- interactions[interactions$to == k, , drop = FALSE]
    if (!nrow(mine)) {
      out[, k] <- linear(k, out) + disturbance
      next
    }
    predictors <- rownames(paths)[paths[, k] != 0]
    b <- paths[predictors, k]
    explained <- drop(b %*% R[predictors, predictors] %*% b)
    r <- R[cbind(mine$from, mine$moderator)]
    products <- (out[, mine$from, drop = FALSE] * out[, mine$moderator, drop = FALSE] - rep(r, each = n)) /
      rep(sqrt(1 + r^2), each = n)
    shrink <- sqrt((1 - explained - interaction_variance(R, mine, k)) / (1 - explained))
    out[, k] <- linear(k, out) + drop(products %*% mine$value) + shrink * disturbance
  }
  out
}

# Data frame of integer answers (1 .. number of thresholds + 1, NA for
# nonresponse), one column per item.
draw_answers <- function(scores, params) {
  lambda <- unlist(unname(params$loadings))
  construct <- rep(names(params$loadings), lengths(params$loadings))
  n <- nrow(scores)
  errors <- matrix(stats::rnorm(n * length(lambda)), n, length(lambda))
  normal <- scores[, construct, drop = FALSE] * rep(lambda, each = n) +
    errors * rep(sqrt(1 - lambda^2), each = n)
  answers <- matrix(findInterval(normal, params$thresholds) + 1L, n, length(lambda),
                    dimnames = list(NULL, names(lambda)))
  answers[stats::runif(n * length(lambda)) < params$nonresponse] <- NA_integer_
  as.data.frame(answers, optional = TRUE)
}
