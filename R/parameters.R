# The parameters a resampling method reports, in the order of the C
# statistics vector (src/statistics.c), followed by those derived in R.

# One row per parameter: type, term (label), from, to (construct indices or
# NA), and the full-sample estimate.
fit_parameters <- function(fit, htmt_absolute = FALSE) {
  model <- fit$model
  constructs <- model$constructs
  construct_of <- rep(seq_along(constructs), lengths(model$blocks))
  operator <- ifelse(model$modes == "B", "<~", "=~")[construct_of]
  measurement <- paste(constructs[construct_of], operator, model$indicators)
  own <- cbind(seq_along(model$indicators), construct_of)
  edges <- structural_edges(model)
  endogenous <- which(colSums(model$inner != 0) > 0)
  totals <- reachable_pairs(model$inner)
  total <- total_effects(fit$path_coef)
  arrow <- function(i, j) pair_labels(constructs, i, j, "->")
  pairs <- htmt_pairs(model)
  htmt <- if (nrow(pairs)) pls_htmt(fit, absolute = htmt_absolute) else NULL
  rbind(
    parameter_rows("weight", measurement, construct_of, NA, fit$outer_weights[own]),
    parameter_rows("loading", measurement, construct_of, NA, fit$outer_loadings[own]),
    parameter_rows("path", arrow(edges[, 1], edges[, 2]), edges[, 1], edges[, 2], fit$path_coef[edges]),
    parameter_rows("r2", constructs[endogenous], NA, endogenous, unname(fit$r2[constructs[endogenous]])),
    parameter_rows("total", arrow(totals[, 1], totals[, 2]), totals[, 1], totals[, 2], total[totals]),
    parameter_rows("htmt", pair_labels(constructs, pairs[, 1], pairs[, 2], "<->"), pairs[, 1], pairs[, 2],
                   if (nrow(pairs)) htmt[cbind(constructs[pairs[, 1]], constructs[pairs[, 2]])])
  )
}

# "A -> B" labels of index pairs; none for no pairs (paste() would give one
# string, " -> ", for zero-length input).
pair_labels <- function(names, from, to, sep) {
  if (!length(from)) return(character(0))
  paste(names[from], sep, names[to])
}

# Pairs of reflective (Mode A) constructs, whose HTMT is bootstrapped.
htmt_pairs <- function(model) {
  reflective <- which(model$modes == "A")
  if (length(reflective) < 2L) return(matrix(integer(), 0, 2))
  t(utils::combn(reflective, 2))
}

parameter_rows <- function(type, term, from, to, estimate) {
  n <- length(term)
  data.frame(type = rep(type, n), term = term, from = rep_len(as.integer(from), n),
             to = rep_len(as.integer(to), n), estimate = rep_len(as.numeric(estimate), n),
             stringsAsFactors = FALSE)
}

# Structural paths as a two-column index matrix, outcome-major.
structural_edges <- function(model) {
  edges <- which(model$inner != 0, arr.ind = TRUE)
  edges[order(edges[, 2], edges[, 1]), , drop = FALSE]
}

# Integer specification of the C statistics vector (0-based indices). The
# derived effects (total indirect, specific indirect along `chains`) come
# last, in the order of derived_effects().
stat_spec <- function(model, htmt_absolute = FALSE, chains = indirect_chains(model$inner)) {
  edges <- structural_edges(model)
  totals <- reachable_pairs(model$inner)
  pairs <- htmt_pairs(model)
  edge_key <- paste(edges[, 1], edges[, 2])
  total_key <- paste(totals[, 1], totals[, 2])
  chain_ends <- paste(vapply(chains, `[`, 1L, 1L), vapply(chains, function(ch) ch[length(ch)], 1L))
  indirect <- which(total_key %in% chain_ends)
  chain_edges <- lapply(chains, function(chain) match(paste(chain[-length(chain)], chain[-1]), edge_key))
  list(edge_from = as.integer(edges[, 1] - 1L), edge_to = as.integer(edges[, 2] - 1L),
       endogenous = as.integer(which(colSums(model$inner != 0) > 0) - 1L),
       total_from = as.integer(totals[, 1] - 1L), total_to = as.integer(totals[, 2] - 1L),
       htmt_a = as.integer(pairs[, 1] - 1L), htmt_b = as.integer(pairs[, 2] - 1L),
       htmt_absolute = isTRUE(htmt_absolute),
       indirect_total = as.integer(indirect - 1L),
       indirect_edge = as.integer(match(total_key[indirect], edge_key, nomatch = 0L) - 1L),
       chain_start = as.integer(c(0L, cumsum(lengths(chain_edges)))),
       chain_edges = as.integer(unlist(chain_edges, use.names = FALSE) - 1L),
       sign_reference = NULL)
}

# The effects derived from the other statistics: the total indirect effect
# of each pair with an indirect route, and each specific indirect effect (the
# product of the paths along a chain). `values` has one column per row of
# `parameters` (one row per resample, or one row of estimates); returns the
# derived columns and their parameter rows. The C loops compute the same
# columns for every resample (src/statistics.c); this gives the estimates.
derived_effects <- function(values, parameters, model, chains = indirect_chains(model$inner)) {
  is_path <- parameters$type == "path"
  is_total <- parameters$type == "total"
  path_key <- paste(parameters$from[is_path], parameters$to[is_path])
  path_values <- values[, is_path, drop = FALSE]
  specific <- vapply(chains, function(chain) {
    columns <- match(paste(chain[-length(chain)], chain[-1]), path_key)
    Reduce(`*`, lapply(columns, function(column) path_values[, column]))
  }, numeric(nrow(values)))
  specific <- matrix(specific, nrow = nrow(values))
  total_from <- parameters$from[is_total]
  total_to <- parameters$to[is_total]
  chain_ends <- paste(vapply(chains, `[`, 1L, 1L), vapply(chains, function(ch) ch[length(ch)], 1L))
  has_indirect <- paste(total_from, total_to) %in% chain_ends
  direct <- path_values[, match(paste(total_from, total_to), path_key), drop = FALSE]
  direct[is.na(direct)] <- 0
  indirect <- (values[, is_total, drop = FALSE] - direct)[, has_indirect, drop = FALSE]
  constructs <- model$constructs
  rows <- rbind(
    parameter_rows("indirect", parameters$term[is_total][has_indirect], total_from[has_indirect],
                   total_to[has_indirect], NA_real_),
    parameter_rows("specific", vapply(chains, function(ch) paste(constructs[ch], collapse = " -> "), ""),
                   vapply(chains, `[`, 1L, 1L), vapply(chains, function(ch) ch[length(ch)], 1L), NA_real_)
  )
  list(values = cbind(indirect, specific), parameters = rows)
}
