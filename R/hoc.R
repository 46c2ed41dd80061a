# Higher-order constructs: "REP =~ COMP + LIKE" (or "<~") with COMP and LIKE
# measured by items, and the model each estimation approach makes of it
# (src/staged.c).
#
# A parsed model keeps a higher-order construct (HOC) as a construct whose
# block holds its dimensions (the lower-order constructs, LOCs), and
# `model$hoc` (one row per dimension: hoc, dimension, op, line). pls()
# expands it into the model it reports:
# - "repeated": the HOC measured by all items of its dimensions (named
#   "REP_2nd_comp_1", as cSEM names them), with the paths REP -> COMP for a
#   reflective ("=~") HOC or COMP -> REP for a formative ("<~") one; one fit;
# - "embedded" and "disjoint": stage 1 is the repeated-indicators model
#   (embedded) or the model in which the dimensions take the HOC's place
#   (disjoint: every path A -> REP becomes A -> COMP and A -> LIKE, every
#   REP -> B becomes COMP -> B and LIKE -> B); stage 2 measures the HOC by
#   its dimensions' standardized stage-1 scores and re-estimates everything
#   else. The reported model has the dimensions with their stage-1 weights
#   and loadings, and the HOC with indicators named after its dimensions.

# The higher-order constructs of the measurement model: data frame (hoc,
# dimension, op, line), with the errors of a block that mixes constructs and
# items, a third-order construct, a HOC of one dimension, and an indicator
# named after its own construct. `owner`: construct of each block entry;
# `owner_line`, `construct_lines`: where each was given; `ops`: the
# operator defining each construct.
higher_order_table <- function(owner, owner_line, construct_lines, ops) {
  none <- data.frame(hoc = character(), dimension = character(), op = character(),
                     line = integer(), stringsAsFactors = FALSE)
  clash <- intersect(names(owner), names(construct_lines))
  if (length(clash) == 0L) return(none)
  own <- clash[owner[clash] == clash]
  if (length(own)) {
    name <- own[1L]
    syntax_error("Line ", owner_line[[name]], ": indicator ", quote_token(name),
                 " has the same name as construct ", quote_token(name),
                 " (line ", construct_lines[[name]], "); indicators and ",
                 "constructs need distinct names.")
  }
  hocs <- unique(owner[clash])
  for (hoc in hocs) {
    block <- names(owner)[owner == hoc]
    items <- setdiff(block, names(construct_lines))
    if (length(items)) {
      syntax_error("Line ", construct_lines[[hoc]], ": the block of ", quote_token(hoc),
                   " mixes constructs (", quote_list(intersect(block, names(construct_lines))),
                   ") and indicators (", quote_list(items), "); a higher-order construct ",
                   "is measured by constructs only.")
    }
    nested <- intersect(block, hocs)
    if (length(nested)) {
      syntax_error("Line ", construct_lines[[hoc]], ": ", quote_token(nested[1L]),
                   " is itself a higher-order construct; third-order constructs (",
                   quote_token(hoc), " over ", quote_token(nested[1L]), ") are not ",
                   "supported. Model the second-order constructs directly.")
    }
    if (length(block) < 2L) {
      syntax_error("Line ", construct_lines[[hoc]], ": higher-order construct ", quote_token(hoc),
                   " has one dimension (", quote_token(block), "); it needs at least two.")
    }
  }
  dims <- names(owner)[owner %in% hocs]
  data.frame(hoc = unname(owner[dims]), dimension = dims, op = unname(ops[owner[dims]]),
             line = unname(construct_lines[owner[dims]]), stringsAsFactors = FALSE)
}

# Dimensions take no part in the structural model: their HOC does.
check_hoc_structural <- function(hoc, paths, path_lines) {
  for (i in seq_len(nrow(hoc))) {
    dim <- hoc$dimension[i]
    linked <- c(which(paths[dim, ] != 0), which(paths[, dim] != 0))
    if (!length(linked)) next
    other <- rownames(paths)[linked[1L]]
    line <- if (paths[dim, other] != 0) path_lines(match(dim, rownames(paths)), match(other, rownames(paths)))
      else path_lines(match(other, rownames(paths)), match(dim, rownames(paths)))
    syntax_error("Line ", line, ": ", quote_token(dim), " is a dimension of the higher-order ",
                 "construct ", quote_token(hoc$hoc[i]), " (line ", hoc$line[i], "); structural ",
                 "paths go to or from ", quote_token(hoc$hoc[i]), ", not its dimensions.")
  }
  for (h in unique(hoc$hoc)) {
    if (any(paths[h, ] != 0) || any(paths[, h] != 0)) next
    syntax_error("Line ", hoc$line[match(h, hoc$hoc)], ": higher-order construct ", quote_token(h),
                 " has no structural paths; a higher-order construct predicts or is predicted by ",
                 "other constructs (its dimensions take no part in the structural model).")
  }
  invisible(hoc)
}

# The structural paths with each dimension linked to its HOC, for the
# connectedness check.
paths_with_dimensions <- function(paths, hoc) {
  paths[cbind(hoc$dimension, hoc$hoc)] <- 1L
  paths
}

has_hoc <- function(model) NROW(model$hoc) > 0L

# Whether constructs are dimensions of a higher-order construct.
is_dimension <- function(model, constructs = model$constructs) {
  constructs %in% model$hoc$dimension
}

is_hoc <- function(model, constructs = model$constructs) {
  constructs %in% model$hoc$hoc
}

# Name of the copy of item `item` in the block of `hoc` (repeated indicators).
repeated_name <- function(hoc, item) paste0(hoc, "_2nd_", item)

# A pls_model from its parts (blocks named by construct, in order).
hoc_part <- function(constructs, blocks, modes, inner, syntax) {
  structure(list(constructs = constructs, blocks = blocks[constructs], modes = modes[constructs],
                 inner = inner[constructs, constructs, drop = FALSE],
                 indicators = unlist(blocks[constructs], use.names = FALSE), syntax = syntax),
            class = "pls_model")
}

# The repeated-indicators model of a parsed HOC model, and the data column
# of each of its indicators (`source`).
repeated_indicators_model <- function(model) {
  hoc <- model$hoc
  blocks <- model$blocks
  source <- list()
  inner <- model$inner
  for (h in unique(hoc$hoc)) {
    dims <- hoc$dimension[hoc$hoc == h]
    items <- unlist(model$blocks[dims], use.names = FALSE)
    blocks[[h]] <- repeated_name(h, items)
    source[[h]] <- items
    if (hoc$op[match(h, hoc$hoc)] == "=~") inner[h, dims] <- 1L else inner[dims, h] <- 1L
  }
  out <- hoc_part(model$constructs, blocks, model$modes, inner, model$syntax)
  sources <- blocks[model$constructs]
  sources[names(source)] <- source
  out$source <- unlist(sources, use.names = FALSE)
  out
}

# The disjoint stage-1 model: the dimensions in their HOC's place.
disjoint_model <- function(model) {
  hoc <- model$hoc
  inner <- model$inner
  for (h in unique(hoc$hoc)) {
    dims <- hoc$dimension[hoc$hoc == h]
    inner[inner[, h] != 0, dims] <- 1L
    inner[dims, inner[h, ] != 0] <- 1L
    inner[h, ] <- 0L
    inner[, h] <- 0L
  }
  keep <- setdiff(model$constructs, unique(hoc$hoc))
  out <- hoc_part(keep, model$blocks, model$modes, inner, model$syntax)
  out$source <- out$indicators
  out
}

# The model estimated and reported for a parsed model with higher-order
# constructs, by `method` ("embedded", "disjoint" or "repeated"). Returns the
# reported pls_model (marked checked) with `hoc`, `hoc_method` and `stages`
# (parsed: the model as parsed; base: the data columns; data: a model whose
# indicators are those columns, for reading and screening data; column: the
# column of [base, derived] behind each reported indicator; derived: the
# dimension scores of the two-stage methods; first, second: the stage
# models).
expand_hoc <- function(model, method) {
  hoc <- model$hoc
  data <- disjoint_model(model)
  base <- data$indicators
  none <- data.frame(name = character(), kind = character(), a = character(), b = character(),
                     stringsAsFactors = FALSE)
  if (method == "repeated") {
    reported <- repeated_indicators_model(model)
    stages <- list(parsed = model, base = base, data = data, column = reported$source,
                   derived = none, residual = list())
  } else {
    first <- if (method == "embedded") repeated_indicators_model(model) else data
    reported <- hoc_part(model$constructs, model$blocks, model$modes, model$inner, model$syntax)
    second_constructs <- setdiff(model$constructs, hoc$dimension)
    second <- hoc_part(second_constructs, model$blocks, model$modes, model$inner, model$syntax)
    derived <- data.frame(name = hoc$dimension, kind = "score", a = hoc$dimension,
                          b = hoc$dimension, stringsAsFactors = FALSE)
    stages <- list(parsed = model, base = base, data = data, column = reported$indicators,
                   derived = derived, residual = rep(list(character()), nrow(derived)),
                   first = first, second = second)
  }
  reported$source <- NULL
  reported$hoc <- hoc
  reported$hoc_method <- method
  reported$stages <- stages
  mark_checked(reported)
}

# The HOC part of the C specification (read_staged(), read_second_stage()).
hoc_spec <- function(model, scheme, tol, max_iter, consistent = FALSE) {
  stages <- model$stages
  base <- stages$base
  derived <- stages$derived
  first <- stages$first
  columns <- c(base, derived$name)
  spec <- list(
    first = if (!is.null(first)) model_spec(first, scheme, tol, max_iter),
    first_column = if (!is.null(first)) as.integer(match(first$source, base) - 1L) else integer(),
    q = nrow(derived),
    kind = rep(3L, nrow(derived)),
    a = as.integer(match(derived$a, first$constructs) - 1L),
    b = as.integer(match(derived$b, first$constructs) - 1L),
    residual_start = integer(nrow(derived) + 1L),
    residual_column = integer(),
    final_column = as.integer(match(stages$column, columns) - 1L),
    unstandardized = FALSE
  )
  second <- stages$second
  if (!is.null(second)) {
    own_item <- rep(is_dimension(model), lengths(model$blocks))
    # under PLSc stage 2 treats the HOC as a composite; staged_final_fit()
    # then corrects it with its reliability
    spec$second <- model_spec(second, scheme, tol, max_iter, consistent)
    spec$second$composite <- as.integer(is_hoc(model, second$constructs))
    spec$second_indicator <- as.integer(match(second$indicators, model$indicators) - 1L)
    spec$second_construct <- as.integer(match(second$constructs, model$constructs) - 1L)
    spec$first_indicator <- ifelse(own_item, match(model$indicators, first$indicators) - 1L, -1L)
    spec$first_construct <- ifelse(is_dimension(model), match(model$constructs, first$constructs) - 1L, -1L)
    storage.mode(spec$first_indicator) <- storage.mode(spec$first_construct) <- "integer"
  }
  spec
}

# The model whose indicators are the data columns a model is estimated from.
data_model <- function(model) model$stages$data %||% parsed_model(model)
