# The parameters a resampling method reports: one row per column of the C
# statistics vector (src/statistics.c), labelled from C's own layout of it
# (c_stat_layout()), with the full-sample estimates written by the same C
# code as every resample's row (c_fit_statistics()).

# One row per column of the statistics `statistics` (a stat_spec()): type,
# term (label), from, to (construct indices or NA), and the full-sample
# estimate.
fit_parameters <- function(fit, statistics = stat_spec(fit$model, htmt_absolute), htmt_absolute = FALSE,
                           spec = fit_model_spec(fit)) {
  model <- fit$model
  layout <- c_stat_layout(spec, statistics)
  types <- c_codes()$statistic
  type <- names(types)[match(layout$type, types)]
  if (length(statistics$htmt_a)) warn_if_htmt_reversed(fit, statistics$htmt_absolute)
  data.frame(type = type, term = statistic_terms(model, statistics, layout, type),
             from = layout$from, to = layout$to,
             estimate = c_fit_statistics(fit_block_cor(fit), spec, statistics, statistic_inputs(fit)),
             stringsAsFactors = FALSE)
}

fit_model_spec <- function(fit) {
  settings <- fit$settings
  model_spec(fit$model, settings$scheme, settings$tol, settings$max_iter, isTRUE(settings$consistent))
}

# The fit's indicator correlation matrix in block order.
fit_block_cor <- function(fit) {
  S <- fit$indicator_cor
  indicators <- fit$model$indicators
  if (!identical(rownames(S), indicators) || !identical(colnames(S), indicators)) S <- S[indicators, indicators]
  storage.mode(S) <- "double"
  S
}

# What the statistics vector is formed from: own-block weights and
# loadings, path coefficients and R^2 (0 for exogenous constructs).
statistic_inputs <- function(fit) {
  model <- fit$model
  constructs <- model$constructs
  own <- cbind(seq_along(model$indicators), rep(seq_along(constructs), lengths(model$blocks)))
  path_coef <- fit$path_coef[constructs, constructs, drop = FALSE]
  storage.mode(path_coef) <- "double"
  r2 <- numeric(length(constructs))
  r2[match(names(fit$r2), constructs)] <- fit$r2
  scores <- fit$scores
  if (!is.null(scores)) {
    scores <- scores[, constructs, drop = FALSE]
    storage.mode(scores) <- "double"
  }
  # the scores are read only by copula regressions (pls_copula())
  list(weights = as.double(fit$outer_weights[own]), loadings = as.double(fit$outer_loadings[own]),
       path_coef = path_coef, r2 = r2, scores = scores)
}

# Labels of the columns of a statistics layout: "A =~ x1" (weights and
# loadings; "<~" for Mode B), "A -> B" (paths, total and total indirect
# effects), "B" (R^2), "A <-> B" (HTMT) and the chain "A -> B -> C"
# (specific indirect effects); the copula regressions of pls_copula():
# "A -> B" (a path) and "c(A) -> B" (the copula term of A).
statistic_terms <- function(model, statistics, layout, type) {
  constructs <- model$constructs
  term <- character(length(type))
  measured <- type %in% c("weight", "loading")
  operator <- ifelse(model$modes == "B", "<~", "=~")
  from <- layout$from[measured]
  term[measured] <- paste(constructs[from], operator[from], model$indicators[layout$item[measured]])
  arrow <- type %in% c("path", "total", "indirect", "copula_path")
  term[arrow] <- pair_labels(constructs, layout$from[arrow], layout$to[arrow], "->")
  term[type == "r2"] <- constructs[layout$to[type == "r2"]]
  htmt <- type == "htmt"
  term[htmt] <- pair_labels(constructs, layout$from[htmt], layout$to[htmt], "<->")
  copula <- type == "copula"
  if (any(copula)) term[copula] <- paste0("c(", constructs[layout$from[copula]], ") -> ", constructs[layout$to[copula]])
  specific <- type == "specific"
  term[specific] <- vapply(layout$item[specific], function(k) {
    edges <- statistics$chain_edges[(statistics$chain_start[k] + 1L):statistics$chain_start[k + 1L]] + 1L
    paste(constructs[c(statistics$edge_from[edges], statistics$edge_to[edges[length(edges)]]) + 1L],
          collapse = " -> ")
  }, character(1))
  term
}

# "A -> B" labels of index pairs; none for no pairs (paste() would give one
# string, " -> ", for zero-length input).
pair_labels <- function(names, from, to, sep) {
  if (!length(from)) return(character(0))
  paste(names[from], sep, names[to])
}

# Pairs of reflective (Mode A) constructs, whose HTMT is bootstrapped.
htmt_pairs <- function(model) {
  # interaction terms have no discriminant validity to assess
  reflective <- which(model$modes == "A" & !is_interaction(model))
  if (length(reflective) < 2L) return(matrix(integer(), 0, 2))
  t(utils::combn(reflective, 2))
}

# Structural paths as a two-column index matrix, outcome-major.
structural_edges <- function(model) {
  edges <- which(model$inner != 0, arr.ind = TRUE)
  edges[order(edges[, 2], edges[, 1]), , drop = FALSE]
}

# Integer specification of the C statistics vector (0-based indices): which
# paths, R^2, total effects, HTMT pairs and derived effects (total indirect,
# specific indirect along `chains`) it holds; the C code fixes their order
# (c_stat_layout()).
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
