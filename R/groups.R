# Groups of respondents for pls_mga() and pls_micom(): the group labels of
# the rows a fit used, the data as the fit saw it, the fit of each group, and
# the problems the C permutation loops (src/permutation.c) read.

# Everything about the groups that both analyses need: `labels` (a factor
# over the compared rows: those the fit used, with a positive case weight
# and a known group), `zt` (their standardized data, p x n),
# `case_weights`, `prepared` (their indicator data with missing values
# treated as in the fit), `sizes` and `names`.
comparison_groups <- function(fit, group, data, call_name) {
  if (!inherits(fit, "pls_fit")) abort_input("{.arg fit} must be a {.cls pls_fit} from {.fn pls}.")
  if (is.null(fit$data)) {
    abort_input("{.fn {call_name}} needs the data: {.arg fit} was fitted from a correlation matrix.", class = "iecpls_needs_data")
  }
  labels <- group_labels(group, data, nrow(fit$data))
  standardized <- c_standardize(fit)
  labels <- labels[standardized$rows]
  known <- !is.na(labels)
  if (!all(known)) {
    cli::cli_inform("{sum(!known)} row{?s} with a missing group {?was/were} left out.")
  }
  labels <- droplevels(labels[known])
  sizes <- table(labels)
  if (length(sizes) < 2L) {
    abort_data("{.arg group} must have at least two groups; it has {length(sizes)} ({.val {names(sizes)}}).", class = "iecpls_group_error")
  }
  check_group_sizes(fit$model, sizes)
  list(labels = labels, names = levels(labels), sizes = stats::setNames(as.vector(sizes), names(sizes)),
       zt = standardized$zt[, known, drop = FALSE],
       case_weights = standardized$case_weights[known],
       prepared = prepared_data(fit, standardized$rows[known]))
}

# The group of each row of the fitted data: a vector of labels, or the name
# of a column of `data` (the data frame given to pls()). The labels are a
# factor's levels or a character vector's values; the codes of a numeric or
# logical column named in `group` are labelled with the column's name
# ("servicetype = 1"), since "1 vs 2" says nothing on its own.
group_labels <- function(group, data, n) {
  column <- NULL
  if (is.character(group) && length(group) == 1L && n != 1L) {
    column <- group
    if (is.null(data)) {
      abort_input(c("{.arg group} names a column ({.val {group}}), so {.arg data} must be given.",
                    "i" = "Pass the data frame the model was fitted to as {.arg data}, or give {.arg group} as a vector with one label per row."))
    }
    if (!is.data.frame(data) && !is.matrix(data)) {
      abort_input("{.arg data} must be a data frame or matrix, not {.obj_type_friendly {data}}.")
    }
    if (!group %in% colnames(data)) {
      hint <- suggest_names(group, colnames(data))
      abort_data(c("{.arg data} has no column {.val {group}}.",
                   "i" = if (!is.na(hint)) "Did you mean {.val {hint}}?"), class = c("iecpls_unknown_column", "iecpls_group_error"))
    }
    if (nrow(data) != n) {
      abort_data("{.arg data} has {nrow(data)} row{?s} but the model was fitted to {n}; give the data frame the model was fitted to.", class = "iecpls_group_error")
    }
    group <- if (is.data.frame(data)) data[[group]] else data[, group]
  }
  if (!is.atomic(group) || !is.null(dim(group))) {
    abort_data("{.arg group} must be a column name or a vector of group labels, not {.obj_type_friendly {group}}.", class = "iecpls_group_error")
  }
  if (length(group) != n) {
    abort_data("{.arg group} has {length(group)} label{?s} but the model was fitted to {n} row{?s}.", class = "iecpls_group_error")
  }
  if (is.factor(group)) return(droplevels(group))
  labels <- factor(group)
  if (!is.null(column) && !is.character(group)) levels(labels) <- paste(column, "=", levels(labels))
  labels
}

# A group needs more cases than the largest regression of the model has
# coefficients, plus one (a Mode B block or the predictors of a construct).
minimum_group_size <- function(model) {
  mode_b <- lengths(model$blocks)[model$modes == "B"]
  as.integer(max(c(1L, mode_b, colSums(model$inner != 0))) + 2L)
}

check_group_sizes <- function(model, sizes) {
  minimum <- minimum_group_size(model)
  small <- sizes[sizes < minimum]
  if (length(small)) {
    abort_data(c(
      "{cli::qty(length(small))}Group{?s} {.val {names(small)}} {?has/have} too few cases ({paste(small, collapse = ', ')}) for the model.",
      "i" = "Each group needs at least {minimum} cases: more than the largest Mode B block or set of predictors of a construct, plus one."
    ), class = c("iecpls_group_error", "iecpls_too_few_cases"))
  }
  invisible(sizes)
}

# The indicator data of the rows `rows` of the fit, with missing values
# replaced as the fit replaced them (by the mean of all rows), so every group
# and every permutation works on the same numbers.
prepared_data <- function(fit, rows) {
  data <- fit_indicator_data(fit)[rows, , drop = FALSE]
  if (identical(fit$settings$missing, "mean")) {
    for (column in names(data)) {
      missing <- is.na(data[[column]])
      if (any(missing)) data[[column]][missing] <- fit$means[[column]]
    }
  }
  data
}

# The model fitted in each group with the fit's settings; errors and
# warnings name the group.
fit_groups <- function(fit, groups) {
  settings <- fit$settings
  fits <- lapply(groups$names, function(name) {
    rows <- groups$labels == name
    in_group(name, pls(fit$model, data = groups$prepared[rows, , drop = FALSE], scheme = settings$scheme,
                       missing = settings$missing, case_weights = groups$case_weights[rows],
                       tol = settings$tol, max_iter = settings$max_iter,
                       consistent = isTRUE(settings$consistent),
                       interaction = settings$interaction %||% "two_stage",
                       product_term = settings$product_term %||% "standardized",
                       hoc = settings$hoc %||% "embedded", ordinal = source_args(settings)$ordinal,
                       cor = source_args(settings)$cor))
  })
  stats::setNames(fits, groups$names)
}

in_group <- function(name, code) {
  withCallingHandlers(code,
    error = function(e) {
      abort_wrapped("The model cannot be estimated in group {.val {name}}.", e)
    },
    warning = function(w) {
      message <- conditionMessage(w)
      warn_wrapped("In group {.val {name}}: {message}", w, "iecpls_group_warning")
      invokeRestart("muffleWarning")
    })
}

# The parameters compared between groups, in the order of the C statistics
# (weights, loadings, paths, R^2), with `fixed` marking the weight and
# loading of single-indicator constructs (1 by construction, not tested).
comparison_parameters <- function(fit) {
  parameters <- fit_parameters(fit, comparison_stat_spec(fit$model))
  block_size <- lengths(fit$model$blocks)[parameters$from]
  parameters$fixed <- parameters$type %in% c("weight", "loading") & block_size == 1L
  rownames(parameters) <- NULL
  parameters
}

# Group comparisons test weights, loadings, paths and R^2 only.
comparison_stat_spec <- function(model) {
  spec <- stat_spec(model, chains = list())
  spec$total_from <- spec$total_to <- integer()
  spec$htmt_a <- spec$htmt_b <- integer()
  spec$indirect_total <- spec$indirect_edge <- integer()
  spec
}

# What the C loops read for the rows `rows` of the groups: their data,
# standardized on these rows, and their labels as 0-based codes in the order
# of `compared` (the group names).
group_problem <- function(fit, groups, compared, score_weights = NULL) {
  rows <- groups$labels %in% compared
  weights <- groups$case_weights[rows]
  settings <- fit$settings
  spec <- model_spec(fit$model, settings$scheme, settings$tol, settings$max_iter, isTRUE(settings$consistent))
  # a source's correlations are re-estimated in each group (src/source.c),
  # from the data as the fit prepared them
  zt <- NULL
  if (has_source(fit)) {
    X <- source_matrix(as.list(groups$prepared[rows, , drop = FALSE]), fit$model$indicators)
    spec$source <- source_spec(settings$source, X, weights, settings$ordinal_levels)
    # with EM, the compared rows' data are completed and standardized under
    # their own EM estimates, as other data are standardized on the compared
    # rows (for all rows: the fit's own scores)
    if (settings$source == "em") {
      em <- em_moments(X, case_weights = weights, tol = em_tol, max_iter = em_max_iter)
      zt <- t(unname(source_standardized("em", X, weights, "em", em)$z))
    }
  }
  list(zt = zt %||% standardize_rows(groups$zt[, rows, drop = FALSE], weights), case_weights = weights,
       spec = spec,
       stat_spec = comparison_stat_spec(fit$model),
       labels = match(as.character(groups$labels[rows]), compared) - 1L,
       score_weights = score_weights)
}

# Rows of zt (indicators) to weighted mean 0 and variance 1 (denominator
# sum of weights - 1), as the fit standardizes.
standardize_rows <- function(zt, weights) {
  if (is.null(weights)) weights <- rep(1, ncol(zt))
  total <- sum(weights)
  means <- drop(zt %*% weights) / total
  centered <- zt - means
  sds <- sqrt(drop(centered^2 %*% weights) / (total - 1))
  centered / sds
}

# Chunk sizes for the data of `fit` and, for each of `runs` permutation
# runs, its own chunk seeds (one draw from the session's generator for all
# of them).
run_streams <- function(R, runs, fit) {
  # each permutation keeps both groups' weights, loadings, paths and R^2
  model <- fit$model
  columns <- 2 * (2 * length(model$indicators) + sum(model$inner != 0) + length(model$constructs))
  check_resample_memory(R * runs, columns,
                        paste0(runs, " permutation run", if (runs > 1) "s", " of ",
                               format_count(R), " permutations"))
  sizes <- chunk_sizes(R, chunk_size_for(fit$nobs, length(fit$model$indicators)))
  seeds <- chunk_seeds(length(sizes) * runs)
  list(sizes = sizes, seeds = lapply(seq_len(runs), function(k) {
    seeds[, (k - 1L) * length(sizes) + seq_along(sizes), drop = FALSE]
  }))
}

# The entry of `x` (named by group) for the group `name`, found by position
# as pls_micom() finds its groups: `[[` cannot find the empty name, and ""
# is a valid label.
group_entry <- function(x, name) x[[match(name, names(x))]]

# Pairs of group names, one column per pair.
group_pairs <- function(names) utils::combn(names, 2L)

pair_label <- function(pair) paste(pair, collapse = " vs ")
