# Populations of pls_power() beyond iec_population()'s list: a fitted model
# (its estimates) or model syntax with values. Both become a "pls_population":
# standardized latent variables with correlations `latent_cor` (from the
# exogenous correlations and the paths, latent_cor()), interactions as
# standardized product terms (as in ?iec_population), and indicators
# x = lambda * eta + e whose correlations are `indicator_cor`. The fields
# `loadings`, `paths`, `exogenous_cor`, `interactions` and `nonresponse` have
# the meaning they have in iec_population()'s list, so pls_power() reads
# both alike; only the draw differs (simulate_population(), iec_simulate()).

# The population argument of pls_power(): an iec_population() list (checked
# and kept), a pls_fit or model syntax with values.
power_population <- function(population) {
  if (inherits(population, "pls_fit")) return(population_from_fit(population))
  if (is.character(population)) return(population_from_syntax(population))
  if (is.list(population) && !is.object(population)) return(check_population(population))
  abort_input(c(
    "{.arg population} must be a fitted model from {.fn pls}, model syntax with values, or a list like {.code iec_population()}, not {.obj_type_friendly {population}}."
  ), class = "iecpls_population_error")
}

abort_population <- function(message, env = parent.frame()) {
  abort_input(message, class = "iecpls_population_error", .envir = env)
}

# ---------------------------------------------------------------------------
# A fitted model as the population

# The fit's estimates: standardized paths, the exogenous constructs'
# correlations, Mode A loadings (as factor loadings) and, for Mode B blocks,
# the loadings S w and the indicators' correlations S within the block;
# interaction terms with their paths. Each study is fitted with the fit's
# settings.
population_from_fit <- function(fit) {
  check_pls_fit(fit, "population")
  if (has_hoc(fit$model)) {
    abort_model(c("{.fn pls_power} does not support models with higher-order constructs yet.",
                  "i" = "Give the population as model syntax with values, without them."),
                class = "iecpls_unsupported_error")
  }
  model <- parsed_model(fit$model)
  constructs <- model$constructs
  composite <- constructs[model$modes == "B"]
  loadings <- lapply(stats::setNames(constructs, constructs), function(k) {
    stats::setNames(fit$outer_loadings[model$blocks[[k]], k], model$blocks[[k]])
  })
  block_cor <- lapply(stats::setNames(composite, composite), function(k) {
    fit$indicator_cor[model$blocks[[k]], model$blocks[[k]], drop = FALSE]
  })
  rows <- model$interactions
  interactions <- if (is.null(rows)) no_interactions() else
    data.frame(from = rows$a, moderator = rows$b, to = rows$outcome,
               value = fit$path_coef[cbind(rows$term, rows$outcome)], stringsAsFactors = FALSE)
  exogenous <- constructs[colSums(model$inner) == 0L]
  settings <- fit$settings[c("scheme", "consistent", "tol", "max_iter", "interaction", "product_term")]
  new_population(model, loadings, block_cor, fit$path_coef[constructs, constructs, drop = FALSE],
                 fit$construct_cor[exogenous, exogenous, drop = FALSE], interactions,
                 Filter(Negate(is.null), settings))
}

# ---------------------------------------------------------------------------
# The population object

# Latent correlations from the paths, indicator correlations, and the square
# roots the draw needs. `loadings`: named list by construct of named
# loadings (for composites S w, with `block_cor[[k]]` = S).
new_population <- function(model, loadings, block_cor, paths, exogenous_cor, interactions, settings = list()) {
  check_population_interactions(interactions, paths)
  latent <- latent_cor(paths, exogenous_cor, interactions)
  sigma <- indicator_normal_cor(latent, loadings)
  for (k in names(block_cor)) sigma[names(loadings[[k]]), names(loadings[[k]])] <- block_cor[[k]]
  structure(list(
    model = model, loadings = loadings, paths = paths, exogenous_cor = exogenous_cor,
    interactions = interactions, nonresponse = 0, latent_cor = latent, indicator_cor = sigma,
    latent_root = chol(latent), error_root = error_root(sigma, loadings), settings = settings
  ), class = "pls_population")
}

# The constituents of an interaction must be jointly normal (see
# ?iec_population): not moderated themselves, nor downstream of a moderated
# construct.
check_population_interactions <- function(interactions, paths) {
  if (!nrow(interactions)) return(invisible())
  affected <- affected_constructs(paths, interactions$to)
  bad <- interactions$from %in% affected | interactions$moderator %in% affected
  if (any(bad)) {
    label <- paste0(interactions$from, ":", interactions$moderator, " -> ", interactions$to)[bad]
    abort_population(c(
      "The interaction{?s} {.var {label}} multipl{?ies/y} a construct that an interaction affects.",
      "i" = "The constituents of an interaction must not be moderated themselves, nor lie downstream of a moderated construct."
    ))
  }
  invisible()
}

# Block-diagonal square root of the indicators' error covariance: within
# block k, the indicators' correlations less lambda lambda' (diag(1 -
# lambda^2) for a factor; S - (S w)(S w)' for a composite, of rank one less,
# as the composite w'x is the construct itself).
error_root <- function(sigma, loadings) {
  root <- matrix(0, nrow(sigma), ncol(sigma), dimnames = dimnames(sigma))
  for (k in names(loadings)) {
    items <- names(loadings[[k]])
    lambda <- loadings[[k]]
    error <- sigma[items, items, drop = FALSE] - outer(lambda, lambda)
    decomposition <- eigen(error, symmetric = TRUE)
    if (min(decomposition$values) < -1e-8) {
      abort_population(c(
        "The loadings of {.var {k}} leave its indicators a negative error variance.",
        "i" = "Loadings: {paste0(items, ' = ', format(round(lambda, 3)), collapse = ', ')}; a loading lies in [-1, 1]."
      ))
    }
    vectors <- decomposition$vectors
    root[items, items] <- vectors %*% (sqrt(pmax(decomposition$values, 0)) * t(vectors))
  }
  root
}

# n rows of indicators: the latent variables (with the interactions), then
# each indicator its loading times its construct plus its error.
simulate_population <- function(n, population) {
  latent <- population$latent_cor
  eta <- matrix(stats::rnorm(n * ncol(latent)), n, ncol(latent)) %*% population$latent_root
  colnames(eta) <- colnames(latent)
  if (nrow(population$interactions)) {
    eta <- add_interactions(eta, population$paths, latent, population$interactions)
  }
  lambda <- unlist(unname(population$loadings))
  construct <- rep(names(population$loadings), lengths(population$loadings))
  errors <- matrix(stats::rnorm(n * length(lambda)), n, length(lambda)) %*% population$error_root
  x <- eta[, construct, drop = FALSE] * rep(lambda, each = n) + errors
  colnames(x) <- names(lambda)
  as.data.frame(x, optional = TRUE)
}

# One study's data: iec_simulate() for iec_population() lists.
draw_study <- function(n, population) {
  if (inherits(population, "pls_population")) simulate_population(n, population) else iec_simulate(n, population)
}

# ---------------------------------------------------------------------------
# Model syntax with values as the population
#
# Every loading, weight and path carries its value as a premultiplier
# ("0.8*a1"), and "~~" gives correlations: of exogenous constructs, and of the
# indicators of a composite. The statements without their values, each on the
# line it came from, are parsed by parse_model(), which checks the model and
# names the line of a problem; the values are checked here.

population_operators <- c("=~", "<~", "~", "~~")
number_pattern <- "^[-+]?([0-9]+[.]?[0-9]*|[.][0-9]+)([eE][-+]?[0-9]+)?$"

population_from_syntax <- function(syntax) {
  text <- syntax_text(syntax)
  statements <- split_statements(text)
  parsed <- lapply(seq_along(statements$text), function(k) population_statement(statement_at(statements, k)))
  model <- parse_model(strip_values(parsed, text))
  if (has_hoc(model)) {
    abort_model(c("A population with higher-order constructs is not supported yet.",
                  "i" = "{.var {unique(model$hoc$hoc)}} {?is/are} measured by constructs."),
                class = "iecpls_unsupported_error")
  }
  values <- do.call(rbind, lapply(parsed, function(s) {
    data.frame(op = s$op, lhs = rep(s$lhs, each = length(s$rhs)), rhs = rep(s$rhs, times = length(s$lhs)),
               value = rep(s$value, times = length(s$lhs)), line = s$line, stringsAsFactors = FALSE)
  }))
  constructs <- model$constructs
  measured <- values[values$op %in% c("=~", "<~"), , drop = FALSE]
  check_population_loadings(measured[measured$op == "=~", , drop = FALSE])
  loadings <- lapply(stats::setNames(constructs, constructs), function(k) {
    mine <- measured[measured$lhs == k, , drop = FALSE]
    stats::setNames(mine$value, mine$rhs)[model$blocks[[k]]]
  })
  exogenous <- constructs[colSums(model$inner) == 0L]
  cor <- population_correlations(values[values$op == "~~", , drop = FALSE], model, exogenous)
  composite <- constructs[model$modes == "B"]
  block_cor <- lapply(stats::setNames(composite, composite), function(k) {
    correlation_matrix(model$blocks[[k]], cor[cor$block == k, , drop = FALSE], k)
  })
  for (k in composite) loadings[[k]] <- composite_loadings(loadings[[k]], block_cor[[k]], k)
  structural <- values[values$op == "~", , drop = FALSE]
  product <- grepl(":", structural$rhs, fixed = TRUE)
  paths <- matrix(0, length(constructs), length(constructs), dimnames = list(constructs, constructs))
  paths[cbind(structural$rhs[!product], structural$lhs[!product])] <- structural$value[!product]
  factors <- strsplit(structural$rhs[product], ":", fixed = TRUE)
  interactions <- data.frame(from = vapply(factors, `[`, "", 1L), moderator = vapply(factors, `[`, "", 2L),
                             to = structural$lhs[product], value = structural$value[product],
                             stringsAsFactors = FALSE)
  new_population(model, loadings, block_cor, paths,
                 correlation_matrix(exogenous, cor[cor$block == "", , drop = FALSE]), interactions)
}

# One statement: its operator, the names on the left, and the names and
# values on the right.
population_statement <- function(statement) {
  op <- population_operator(statement)
  at <- regexpr(op, statement$text, fixed = TRUE)
  lhs <- parse_terms(substr(statement$text, 1L, at - 1L), statement)
  rhs <- substring(statement$text, at + nchar(op))
  if (op == "~") rhs <- gsub("[ \t]*:[ \t]*", ":", rhs)
  # the trailing space keeps a final empty term ("x +") visible to strsplit
  terms <- trim_blanks(strsplit(paste0(rhs, " "), "+", fixed = TRUE)[[1L]])
  split <- lapply(seq_along(terms), function(i) split_value(terms[i], statement, i == length(terms), op == "~"))
  if (op == "~~" && length(lhs) != 1L) {
    statement_error(statement, "only one name may stand left of \"~~\", found ", quote_list(lhs),
                    " in ", quote_token(statement$text), ".")
  }
  list(op = op, line = statement$line, lhs = lhs,
       rhs = vapply(split, `[[`, "", "name"), value = vapply(split, `[[`, 0, "value"))
}

population_operator <- function(statement) {
  tokens <- regmatches(statement$text, gregexpr(operator_pattern, statement$text))[[1L]]
  tokens <- sub("~-$", "~", tokens)   # "~-0.3*x": the sign belongs to the value
  ops <- tokens[tokens != ":"]        # ":" joins the two constructs of an interaction
  if (length(ops) == 1L && ops %in% population_operators) return(ops)
  if (length(ops) > 1L) check_stray_plus(statement)
  find_operator(statement)            # raises the parser's error
  statement_error(statement, "more than one operator (", quote_list(ops), ") in ",
                  quote_token(statement$text), ".")
}

# "0.8*a1" -> list(name = "a1", value = 0.8).
split_value <- function(term, statement, last, product) {
  star <- regexpr("*", term, fixed = TRUE)
  if (star < 0L) {
    check_term(term, statement, last = last, product = product)
    abort_population(c(
      "Line {statement$line}: {.var {term}} has no population value in {.code {statement$text}}.",
      "i" = "Write the value in front, as in {.code 0.5*{term}}."
    ))
  }
  value <- trim_blanks(substr(term, 1L, star - 1L))
  name <- trim_blanks(substring(term, star + 1L))
  if (!product || !grepl(interaction_pattern, name, perl = TRUE)) {
    check_term(name, statement, last = last, product = product)
  }
  if (!grepl(number_pattern, value)) {
    abort_population(c(
      "Line {statement$line}: the value {.val {value}} of {.var {name}} is not a number, in {.code {statement$text}}.",
      "i" = "A population gives numbers, not labels; an interaction is written {.code -0.1*X:M}."
    ))
  }
  list(name = name, value = as.numeric(value))
}

# The statements without their values (and without "~~"), each on the line
# it started on, so parse_model() names the lines of the original text.
strip_values <- function(parsed, text) {
  lines <- character(length(strsplit(text, "\r\n|\r|\n")[[1L]]))
  for (s in parsed[vapply(parsed, `[[`, "", "op") != "~~"]) {
    statement <- paste(paste(s$lhs, collapse = " + "), s$op, paste(s$rhs, collapse = " + "))
    lines[s$line] <- if (nzchar(lines[s$line])) paste(lines[s$line], statement, sep = "; ") else statement
  }
  paste(lines, collapse = "\n")
}

check_population_loadings <- function(reflective) {
  bad <- which(abs(reflective$value) >= 1)
  if (!length(bad)) return(invisible())
  row <- reflective[bad[1L], ]
  abort_population(
    "Line {row$line}: the loading of {.var {row$rhs}} on {.var {row$lhs}} is {row$value}; a standardized loading lies strictly between -1 and 1."
  )
}

# The "~~" statements, each with `block`: "" for two exogenous constructs,
# the composite for two of its indicators.
population_correlations <- function(cor, model, exogenous) {
  owner <- stats::setNames(rep(model$constructs, lengths(model$blocks)), model$indicators)
  cor$block <- character(nrow(cor))
  for (i in seq_len(nrow(cor))) {
    row <- cor[i, ]
    pair <- c(row$lhs, row$rhs)
    statement <- "Line {row$line}: {.code {row$lhs} ~~ {row$rhs}}"
    if (row$lhs == row$rhs) {
      abort_population(paste(statement, "is a variance; in a population every variance is 1."))
    }
    if (all(pair %in% model$constructs)) {
      endogenous <- setdiff(pair, exogenous)
      if (length(endogenous)) {
        abort_population(c(paste(statement, "correlates {.var {endogenous}}, which {?has/have} predictors."),
                           "i" = "Only exogenous constructs correlate freely; the correlations of the others follow from the paths."))
      }
    } else if (all(pair %in% names(owner)) && owner[[pair[1L]]] == owner[[pair[2L]]] &&
               model$modes[[owner[[pair[1L]]]]] == "B") {
      cor$block[i] <- owner[[pair[1L]]]
    } else {
      abort_population(c(paste(statement, "is not a correlation of the population."),
                         "i" = "{.code ~~} correlates two exogenous constructs, or two indicators of one composite ({.code <~})."))
    }
    if (abs(row$value) >= 1) {
      abort_population(paste(statement, "has the value {row$value}; a correlation lies strictly between -1 and 1."))
    }
  }
  key <- paste(pmin(cor$lhs, cor$rhs), pmax(cor$lhs, cor$rhs))
  twice <- which(duplicated(key))[1L]
  if (!is.na(twice)) {
    lines <- cor$line[key == key[twice]]
    abort_population("Lines {lines}: the correlation of {.var {cor$lhs[twice]}} and {.var {cor$rhs[twice]}} is given twice.")
  }
  cor
}

# Correlation matrix of `names` from "~~" rows (0 where none is given);
# `block` names the composite in the error.
correlation_matrix <- function(names, cor, block = NULL) {
  out <- diag(length(names))
  dimnames(out) <- list(names, names)
  out[cbind(cor$lhs, cor$rhs)] <- out[cbind(cor$rhs, cor$lhs)] <- cor$value
  if (inherits(try(chol(out), silent = TRUE), "try-error")) {
    given <- paste0(cor$lhs, " ~~ ", cor$value, "*", cor$rhs, " (line ", cor$line, ")")
    abort_population(c(
      if (is.null(block)) "The correlations of the exogenous constructs {.var {names}} are not positive definite."
      else "The correlations of the indicators of {.var {block}} are not positive definite.",
      "i" = "Given: {given}."
    ))
  }
  out
}

# The loadings S w of a composite, with the weights scaled so that the
# composite has variance 1 (as PLS scales its weights).
composite_loadings <- function(weights, S, construct) {
  variance <- drop(weights %*% S %*% weights)
  if (variance <= 0) abort_population("The weights of the composite {.var {construct}} are all 0.")
  drop(S %*% weights) / sqrt(variance)
}
