# Interaction (moderation) terms: "Y ~ X + M + X:M" in the syntax, and the
# multi-stage model each estimation approach makes of it (src/staged.c).
#
# A parsed model keeps its interaction terms apart from its constructs, in
# `model$interactions` (one row per term and outcome: term, a, b, outcome,
# line). pls() expands it into the model it estimates: the interaction terms
# become constructs (after the others) whose indicators are derived columns,
# formed in C from the data in every sample, and `model$stages` records how.

# The product terms of the structural statements, taken out of their
# right-hand sides: list(structural, interactions). "M:X" after "X:M" is the
# same term, named as first written.
extract_interactions <- function(structural, outer) {
  rows <- list()
  known <- character()
  for (k in seq_along(structural$op)) {
    rhs <- structural$rhs[[k]]
    product <- grepl(":", rhs, fixed = TRUE)
    if (!any(product)) next
    statement <- parsed_at(structural, k)
    for (term in rhs[product]) {
      factors <- strsplit(term, ":", fixed = TRUE)[[1L]]
      for (name in factors) check_structural_name(statement, name, outer)
      key <- paste(sort(factors), collapse = ":")
      if (is.na(known[key])) known[key] <- term
      term <- known[[key]]
      factors <- strsplit(term, ":", fixed = TRUE)[[1L]]
      for (outcome in statement$lhs) {
        if (outcome %in% factors) {
          statement_error(statement, "construct ", quote_token(outcome), " cannot be ",
                          "predicted by its own interaction ", quote_token(term), ".")
        }
        rows[[length(rows) + 1L]] <- data.frame(term = term, a = factors[1L], b = factors[2L],
                                                outcome = outcome, line = statement$line,
                                                stringsAsFactors = FALSE)
      }
    }
    structural$rhs[[k]] <- rhs[!product]
  }
  interactions <- if (length(rows)) do.call(rbind, rows) else
    data.frame(term = character(), a = character(), b = character(), outcome = character(),
               line = integer(), stringsAsFactors = FALSE)
  twice <- duplicated(interactions[c("term", "outcome")])
  if (any(twice)) {
    i <- which(twice)[1L]
    first <- interactions$line[match(paste(interactions$term[i], interactions$outcome[i]),
                                     paste(interactions$term, interactions$outcome))]
    syntax_error("Line ", interactions$line[i], ": interaction ", interactions$term[i], " -> ",
                 interactions$outcome[i], " is specified twice (first on line ", first, ").")
  }
  list(structural = structural, interactions = interactions)
}

# Every interaction's outcome is predicted by both constituents (the main
# effects: without them the product term's path is not a moderating effect).
check_main_effects <- function(interactions, paths) {
  for (i in seq_len(nrow(interactions))) {
    row <- interactions[i, ]
    missing <- unique(c(row$a, row$b)[paths[cbind(c(row$a, row$b), row$outcome)] == 0L])
    if (length(missing)) {
      syntax_error("Line ", row$line, ": interaction ", quote_token(row$term), " on ",
                   quote_token(row$outcome), " needs the main effect", if (length(missing) > 1L) "s",
                   " of its constituents; add ", quote_token(paste(row$outcome, "~",
                   paste(missing, collapse = " + "))), ".")
    }
  }
  rownames(interactions) <- NULL
  interactions
}

# The interaction terms of a model, parsed or expanded.
interaction_terms <- function(model) unique(model$interactions$term)

has_interactions <- function(model) length(interaction_terms(model)) > 0L

# Whether constructs of an (expanded) model are interaction terms.
is_interaction <- function(model, constructs = model$constructs) {
  constructs %in% interaction_terms(model)
}

# The model estimated for a parsed model with interaction terms, by one of
# the approaches:
# - "two_stage": stage 1 is the model without the interaction terms; each
#   term "X:M" is a single-item construct whose item "X*M" is the product of
#   the constituents' standardized stage-1 scores;
# - "product_indicator": each term is measured (Mode A) by the products of
#   the standardized indicators of its constituents (for X:X every ordered
#   pair, as seminr does: x1*x2 and x2*x1 both, the terms of (sum w x)^2);
# - "orthogonal": those products, each residualized on all indicators of
#   both constituents (Little, Bovaird and Widaman 2006).
# Returns the expanded pls_model (marked checked), with `interactions`,
# `interaction_method`, `product_term` and `stages` (parsed: the model as parsed; base: its
# indicators, the columns the data give; derived: a data frame of the derived
# columns (name, kind, a, b) and `residual`, the base columns each is
# residualized on).
expand_interactions <- function(model, method, product_term = "standardized") {
  terms <- interaction_terms(model)
  rows <- model$interactions
  first_of <- function(term) rows[match(term, rows$term), ]
  derived <- list()
  residual <- list()
  blocks <- model$blocks
  for (term in terms) {
    row <- first_of(term)
    if (method == "two_stage") {
      # the item is the product of the scores, "X*M" (the construct is "X:M")
      item <- paste0(row$a, "*", row$b)
      blocks[[term]] <- item
      derived[[term]] <- data.frame(name = item, kind = "score_product", a = row$a, b = row$b,
                                    stringsAsFactors = FALSE)
      residual[[term]] <- character()
      next
    }
    xa <- model$blocks[[row$a]]
    xb <- model$blocks[[row$b]]
    # for X:X too, every ordered pair: the products of (sum w_i x_i)^2
    pairs <- expand.grid(a = seq_along(xa), b = seq_along(xb))
    a <- xa[pairs$a]
    b <- xb[pairs$b]
    names <- paste0(a, "*", b)   # seminr's names of product indicators
    blocks[[term]] <- names
    derived[[term]] <- data.frame(name = names, kind = if (method == "orthogonal") "orthogonal" else "indicator_product",
                                  a = a, b = b, stringsAsFactors = FALSE)
    residual[names] <- if (method == "orthogonal") list(unique(c(xa, xb))) else list(character())
  }
  derived <- do.call(rbind, unname(derived))
  rownames(derived) <- NULL
  residual <- if (method == "two_stage") rep(list(character()), nrow(derived)) else unname(residual[derived$name])
  constructs <- c(model$constructs, terms)
  k <- length(constructs)
  inner <- matrix(0L, k, k, dimnames = list(constructs, constructs))
  inner[model$constructs, model$constructs] <- model$inner
  inner[cbind(rows$term, rows$outcome)] <- 1L
  modes <- c(model$modes, stats::setNames(rep("A", length(terms)), terms))
  expanded <- structure(list(
    constructs = constructs, blocks = blocks[constructs], modes = modes, inner = inner,
    indicators = unlist(blocks[constructs], use.names = FALSE), syntax = model$syntax,
    interactions = rows, interaction_method = method, product_term = product_term,
    stages = list(parsed = model, base = model$indicators, derived = derived, residual = residual)
  ), class = "pls_model")
  mark_checked(expanded)
}

# What a fit of an expanded model keeps of its stages (iecpls_fit_staged):
# what forming the derived columns of new data needs, and the factors of
# unstandardized product terms.
stage_estimates <- c("first_weights", "beta", "mean0", "rsd0", "derived_mean", "derived_sd", "product_factor")

# The model as parsed: for an expanded model, the one without the
# interaction terms, whose indicators are the data's columns.
parsed_model <- function(model) model$stages$parsed %||% model

# The data columns a model is estimated from.
base_indicators <- function(model) model$stages$base %||% model$indicators

# The staged part of the C specification (src/staged.c, read_staged()),
# 0-based: the stage-1 model (two-stage approach), the derived columns and
# where each final indicator comes from.
staged_spec <- function(model, scheme, tol, max_iter) {
  stages <- model$stages
  base <- stages$base
  derived <- stages$derived
  kinds <- c(score_product = 0L, indicator_product = 1L, orthogonal = 2L)
  two_stage <- identical(model$interaction_method, "two_stage")
  first <- stages$parsed
  constituent <- function(x) {
    if (two_stage) match(x, first$constructs) - 1L else match(x, base) - 1L
  }
  residual <- stages$residual
  list(
    first = if (two_stage) model_spec(first, scheme, tol, max_iter),
    first_column = if (two_stage) match(first$indicators, base) - 1L else integer(),
    q = nrow(derived),
    kind = unname(kinds[derived$kind]),
    a = as.integer(constituent(derived$a)),
    b = as.integer(constituent(derived$b)),
    residual_start = as.integer(c(0L, cumsum(lengths(residual)))),
    residual_column = as.integer(match(unlist(residual, use.names = FALSE), base) - 1L),
    final_column = as.integer(match(model$indicators, c(base, derived$name)) - 1L),
    unstandardized = identical(model$product_term, "unstandardized")
  )
}

# Functions that do not handle interaction terms yet say so.
check_no_interactions <- function(fit, what) {
  if (!has_interactions(fit$model)) return(invisible(fit))
  abort_model(c(
    "{what} does not support models with interaction terms yet ({.val {interaction_terms(fit$model)}}).",
    "i" = "Fit the model without the interaction terms for this analysis."
  ), class = "iecpls_unsupported_error")
}
