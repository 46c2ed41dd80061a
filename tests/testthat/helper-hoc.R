# Plain-R oracle of the three higher-order-construct (HOC) methods, on
# reference_pls() (helper-reference.R).  Like helper-interactions.R it forms
# every derived column (repeated indicators, stage-1 scores) from the data
# directly and shares nothing with the package's C code.
#
# Arguments of reference_hoc():
# * `data`: the items (data frame or matrix, columns by name); extra columns
#   are ignored.
# * `blocks`: named list, first-order construct -> item names, for every
#   first-order construct, the HOC's dimensions (the "LOCs") included.
# * `modes`: named "A"/"B" for every construct, the HOC included.
# * `structural`: the structural paths as written, among the constructs
#   that are not LOCs (the HOC takes part): a two-column character matrix or
#   data frame, (from, to); columns named "from"/"to" are used by name,
#   otherwise the first column is `from` and the second `to`.
# * `hoc`: list(name = "REP", dimensions = c("COMP", "LIKE"), op = "=~" or
#   "<~").
# * `method`: "repeated" (repeated indicators), "embedded" (embedded
#   two-stage: stage 1 is the repeated-indicators model) or "disjoint"
#   (disjoint two-stage: stage 1 is the model without the HOC, the
#   dimensions in its place).
# * `scheme`, `weights` (frequency case weights), `tol`, `max_iter`: as in
#   reference_pls().
#
# Definitions:
# * repeated: one reference_pls() fit of the first-order constructs with
#   their items plus the HOC measured by all items of its dimensions
#   (dimensions in `hoc$dimensions` order, items in block order), the copies
#   named paste0(HOC, "_2nd_", item) (cSEM's naming).  Paths: the written
#   ones plus HOC -> each dimension ("=~") or each dimension -> HOC ("<~").
#   Everything is reported as that fit gives it.
# * two-stage stage 1: "embedded" = the repeated-indicators fit above;
#   "disjoint" = the first-order constructs only, every written path A -> HOC
#   replaced by A -> each dimension and HOC -> B by each dimension -> B (no
#   paths among the dimensions).
# * two-stage stage 2: the dimensions are dropped; the HOC is measured by the
#   dimensions' stage-1 scores (standardized with weighted moments,
#   denominator sum(w) - 1; reference_pls() standardizes them again, which
#   changes nothing), indicators named by the dimensions; every other
#   construct is measured by its items and re-estimated; the paths are the
#   written ones.  Reported: the LOCs' stage-1 weights, loadings and scores;
#   everything else (weights, loadings, scores, paths, R^2) from stage 2.
#   The construct correlations are computed from those reported scores
#   (weighted, if case weights are given).  reference_pls() gives no rho_A,
#   so neither does this oracle.
#
# Value: a list with
# * `constructs`: the reported constructs, c(names(blocks), hoc$name) (the
#   HOC last), the order of every construct-indexed result below;
# * `blocks`: construct -> its reported indicators (items; for the HOC the
#   repeated names in "repeated", the dimension names in the two-stage
#   methods); `modes`: named modes in `constructs` order;
# * `inner`: 0/1 matrix of the reported structural model, rows = predictors,
#   columns = outcomes ("repeated": the written paths plus the HOC <->
#   dimension paths; two-stage: the written paths only);
# * `weights`, `loadings`: named lists per construct (in `constructs`
#   order) of numeric vectors named by that construct's reported indicators;
# * `path_coef`: constructs x constructs, from rows to columns (as
#   reference_pls()), 0 where there is no path (LOC rows / columns are all
#   0 in the two-stage methods);
# * `r2`: named by the endogenous constructs of `inner`, in `constructs`
#   order;
# * `construct_cor`: constructs x constructs; `scores`: n x constructs;
# * `fit`: the reference_pls() result the non-LOC estimates come from (the
#   only fit for "repeated", stage 2 otherwise); `first`: the stage-1
#   reference_pls() result for the two-stage methods (NULL for "repeated");
# * `method`, `hoc`.
reference_hoc <- function(data, blocks, modes, structural, hoc,
                          method = c("repeated", "embedded", "disjoint"),
                          scheme = "path", weights = NULL,
                          tol = 1e-12, max_iter = 1000) {
  method <- match.arg(method)
  hoc_name <- hoc$name
  dims <- hoc$dimensions
  lv_first <- names(blocks)
  constructs <- c(lv_first, hoc_name)
  stopifnot(!is.null(lv_first), !(hoc_name %in% lv_first), all(dims %in% lv_first),
            hoc$op %in% c("=~", "<~"), all(constructs %in% names(modes)))
  paths <- ref_hoc_paths(structural)
  stopifnot(all(c(paths$from, paths$to) %in% setdiff(constructs, dims)))

  n <- nrow(data)
  w <- if (is.null(weights)) rep(1, n) else as.numeric(weights)
  items <- unlist(blocks, use.names = FALSE)
  X <- as.matrix(data[, items, drop = FALSE])
  storage.mode(X) <- "double"
  colnames(X) <- items

  # The repeated-indicators model (method "repeated", stage 1 of "embedded").
  repeated_items <- unlist(blocks[dims], use.names = FALSE)
  repeated_names <- paste0(hoc_name, "_2nd_", repeated_items)
  repeated_blocks <- c(blocks, stats::setNames(list(repeated_names), hoc_name))
  repeated_inner <- ref_hoc_inner(constructs, paths)
  if (hoc$op == "=~") repeated_inner[hoc_name, dims] <- 1 else repeated_inner[dims, hoc_name] <- 1
  fit_repeated <- function() {
    Xr <- X[, repeated_items, drop = FALSE]
    colnames(Xr) <- repeated_names
    reference_pls(cbind(X, Xr), repeated_blocks, modes[constructs], repeated_inner,
                  scheme = scheme, tol = tol, max_iter = max_iter, weights = w)
  }

  if (method == "repeated") {
    fit <- fit_repeated()
    return(ref_hoc_report(fit, NULL, constructs, repeated_blocks, modes[constructs],
                          repeated_inner, dims, method, hoc, w))
  }

  # Stage 1.
  if (method == "embedded") {
    first <- fit_repeated()
  } else {
    disjoint_paths <- list()
    for (k in seq_len(nrow(paths))) {
      from <- paths$from[k]
      to <- paths$to[k]
      if (from == hoc_name) from <- dims
      if (to == hoc_name) to <- dims
      disjoint_paths[[k]] <- expand.grid(from = from, to = to, stringsAsFactors = FALSE)
    }
    disjoint_paths <- do.call(rbind, c(list(paths[0, ]), disjoint_paths))
    first_inner <- ref_hoc_inner(lv_first, disjoint_paths)
    first <- reference_pls(X, blocks, modes[lv_first], first_inner,
                           scheme = scheme, tol = tol, max_iter = max_iter, weights = w)
  }

  # Stage 2: the HOC measured by the dimensions' standardized stage-1 scores.
  lv_second <- c(setdiff(lv_first, dims), hoc_name)
  dim_scores <- ref_standardize(first$scores[, dims, drop = FALSE], w)
  colnames(dim_scores) <- dims
  others <- setdiff(lv_first, dims)
  other_items <- unlist(blocks[others], use.names = FALSE)
  stopifnot(!any(dims %in% other_items))
  second_blocks <- c(blocks[others], stats::setNames(list(dims), hoc_name))
  second_inner <- ref_hoc_inner(lv_second, paths)
  second <- reference_pls(cbind(X[, other_items, drop = FALSE], dim_scores), second_blocks,
                          modes[lv_second], second_inner,
                          scheme = scheme, tol = tol, max_iter = max_iter, weights = w)

  reported_blocks <- c(blocks, stats::setNames(list(dims), hoc_name))
  reported_inner <- ref_hoc_inner(constructs, paths)
  ref_hoc_report(second, first, constructs, reported_blocks, modes[constructs],
                 reported_inner, dims, method, hoc, w)
}

# The written paths as a data frame (from, to) of character columns.
ref_hoc_paths <- function(structural) {
  if (is.data.frame(structural) && all(c("from", "to") %in% names(structural))) {
    from <- structural$from
    to <- structural$to
  } else {
    structural <- as.matrix(structural)
    stopifnot(ncol(structural) == 2 || nrow(structural) == 0)
    from <- structural[, 1]
    to <- structural[, 2]
  }
  data.frame(from = as.character(from), to = as.character(to), stringsAsFactors = FALSE)
}

# 0/1 matrix over `lv` (rows = predictors, columns = outcomes) of `paths`.
ref_hoc_inner <- function(lv, paths) {
  inner <- matrix(0, length(lv), length(lv), dimnames = list(lv, lv))
  for (k in seq_len(nrow(paths))) inner[paths$from[k], paths$to[k]] <- 1
  inner
}

# The report of reference_hoc(): LOCs from `first` when there is one (the
# two-stage methods), every other construct from `fit`.
ref_hoc_report <- function(fit, first, constructs, blocks, modes, inner, dims, method, hoc, w) {
  weights <- list()
  loadings <- list()
  scores <- matrix(0, nrow(fit$scores), length(constructs), dimnames = list(NULL, constructs))
  for (k in constructs) {
    source <- if (!is.null(first) && k %in% dims) first else fit
    ind <- blocks[[k]]
    weights[[k]] <- stats::setNames(source$outer_weights[ind, k], ind)
    loadings[[k]] <- stats::setNames(source$outer_loadings[ind, k], ind)
    scores[, k] <- source$scores[, k]
  }
  path_coef <- matrix(0, length(constructs), length(constructs), dimnames = list(constructs, constructs))
  fitted_lv <- colnames(fit$path_coef)
  path_coef[fitted_lv, fitted_lv] <- fit$path_coef
  endo <- constructs[colSums(inner) > 0]
  list(constructs = constructs, blocks = blocks, modes = modes, inner = inner,
       weights = weights, loadings = loadings, path_coef = path_coef,
       r2 = fit$r2[endo], construct_cor = ref_wcor(scores, scores, w), scores = scores,
       fit = fit, first = first, method = method, hoc = hoc)
}

# The statistics of one reference_hoc() result as one named vector, in this
# order and with these names (the package's labels of bootstrap draws):
# * "weight: C =~ x" for each construct C (in `constructs` order) and each of
#   its reported indicators x (in block order), "<~" for Mode B constructs;
# * "loading: C =~ x" / "loading: C <~ x", the same order;
# * "path: A -> B" for each path of `inner`, outcome-major (by B in
#   `constructs` order, then by A);
# * "r2: B" for each endogenous construct, in `constructs` order.
ref_hoc_statistics <- function(ref) {
  lv <- ref$constructs
  op <- ifelse(ref$modes[lv] == "B", "<~", "=~")
  measure <- function(values, type) {
    unlist(lapply(seq_along(lv), function(j) {
      v <- values[[lv[j]]]
      stats::setNames(unname(v), paste0(type, ": ", lv[j], " ", op[j], " ", names(v)))
    }))
  }
  edges <- which(ref$inner != 0, arr.ind = TRUE)
  edges <- edges[order(edges[, 2], edges[, 1]), , drop = FALSE]
  paths <- stats::setNames(ref$path_coef[edges], paste0("path: ", lv[edges[, 1]], " -> ", lv[edges[, 2]]))
  r2 <- stats::setNames(unname(ref$r2), paste0("r2: ", names(ref$r2)))
  c(measure(ref$weights, "weight"), measure(ref$loadings, "loading"), paths, r2)
}

# Bootstrap oracle: reference_hoc(data[rows_b, ], ...) for every resample b
# (the whole method re-run, restandardizing inside the resample; case
# weights, if given, are resampled with the rows).  `rows`: a list of row
# index vectors (as reference_resample_rows() returns) or a matrix with one
# resample per row.  Returns a resamples x statistics matrix with the
# columns of ref_hoc_statistics().
reference_hoc_boot <- function(data, blocks, modes, structural, hoc,
                               method = c("repeated", "embedded", "disjoint"),
                               scheme = "path", weights = NULL, rows,
                               tol = 1e-12, max_iter = 1000) {
  method <- match.arg(method)
  if (is.matrix(rows)) rows <- lapply(seq_len(nrow(rows)), function(b) rows[b, ])
  draws <- lapply(rows, function(r) {
    ref <- reference_hoc(data[r, , drop = FALSE], blocks, modes, structural, hoc, method = method,
                         scheme = scheme, weights = if (is.null(weights)) NULL else weights[r],
                         tol = tol, max_iter = max_iter)
    ref_hoc_statistics(ref)
  })
  do.call(rbind, draws)
}
