# Correlation sources (#19): fits whose indicator correlation matrix is not
# the Pearson correlation matrix of the standardized data, but
#   - "spearman": Spearman's rank correlations (cor = "spearman", as cSEM's
#     .approach_cor_robust = "spearman");
#   - "em": the correlations of the EM estimate of the covariance matrix of
#     incomplete data (missing = "em");
#   - "ordinal": polychoric, polyserial and Pearson correlations of ordinal
#     and continuous indicators (ordinal = ...; OrdPLS, and with consistent =
#     TRUE OrdPLSc);
#   - "mean": mean replacement within each sample, only in the resampling
#     loops (pls_boot(impute = "within")).
# The full-sample fit runs the kernel on that matrix (iecpls_fit_cor); every
# resampling loop re-estimates it in each sample in C (src/source.c), from
# spec$source (source_spec()). Construct scores are the standardized data
# (see source_standardized()) times the outer weights.

# The source a fit's settings ask for.
source_kind <- function(cor, missing, ordinal) {
  if (length(ordinal)) return("ordinal")
  if (identical(missing, "em")) return("em")
  if (identical(cor, "spearman")) return("spearman")
  "pearson"
}

# The ordinal indicators, from pls()'s `ordinal` (NULL: the ordered factors,
# with a message; TRUE/FALSE; or column names).
ordinal_indicators <- function(ordinal, data, indicators) {
  available <- intersect(indicators, data_names(data))
  if (is.null(ordinal)) {
    ordered <- available[vapply(available, function(name) is.ordered(data_column(data, name)), logical(1))]
    if (length(ordered)) {
      cli::cli_inform(c(
        "{cli::qty(length(ordered))}Ordered factor{?s} {.var {ordered}} {?is/are} treated as ordinal: polychoric and polyserial correlations.",
        "i" = "Use {.code ordinal = FALSE} to use their integer codes as numbers instead."
      ), class = "iecpls_ordinal_message")
    }
    return(ordered)
  }
  if (is.logical(ordinal) && length(ordinal) == 1L && !is.na(ordinal)) {
    return(if (ordinal) indicators else character())
  }
  if (!is.character(ordinal) || anyNA(ordinal)) {
    abort_input("{.arg ordinal} must be {.code TRUE}, {.code FALSE}, {.code NULL} or the names of indicators, not {.obj_type_friendly {ordinal}}.")
  }
  unknown <- setdiff(ordinal, indicators)
  if (length(unknown)) {
    abort_missing_names(unknown, indicators, "Ordinal indicator", "the model", column = TRUE)
  }
  intersect(indicators, ordinal)
}

# Combinations the sources do not support, checked before any work.
check_source_settings <- function(source, cor, missing, model) {
  if (source == "pearson") return(invisible())
  what <- switch(source, spearman = "{.code cor = \"spearman\"}", em = "{.code missing = \"em\"}",
                 ordinal = "Ordinal indicators")
  if (source == "ordinal" && missing %in% c("mean", "em")) {
    abort_input(c("Ordinal indicators need complete rows: {.code missing = \"{missing}\"} is not available with them.",
                  "i" = "Use {.code missing = \"casewise\"}, or {.code ordinal = FALSE} to treat the codes as numbers."),
                class = "iecpls_unsupported_error")
  }
  if (source == "ordinal" && identical(cor, "spearman")) {
    abort_input("Give either ordinal indicators or {.code cor = \"spearman\"}, not both.", class = "iecpls_unsupported_error")
  }
  if (source == "em" && identical(cor, "spearman")) {
    abort_input("{.code cor = \"spearman\"} is not available with {.code missing = \"em\"}: EM estimates Pearson moments.",
                class = "iecpls_unsupported_error")
  }
  if (!is.null(model$stages)) {
    abort_input(c(paste(what, "cannot be combined with interaction terms or higher-order constructs yet."),
                  "i" = "Their stages form scores case by case from the standardized data."),
                class = "iecpls_unsupported_error")
  }
  invisible()
}

# The categories of each ordinal indicator as values of the converted
# column: an ordered factor's levels are its codes 1 .. nlevels (unused
# levels are empty categories), any other column's categories are its
# distinct values.
ordinal_levels <- function(data, columns, ordinal) {
  levels <- lapply(ordinal, function(name) {
    original <- data_column(data, name)
    if (is.ordered(original)) return(seq_len(nlevels(original)))
    values <- columns[[name]]
    sort(unique(values[!is.na(values)]))
  })
  stats::setNames(levels, ordinal)
}

# The rows `rows` of the fit's indicator columns (a list) as an n x p double
# matrix, NA for a missing value.
source_matrix <- function(columns, indicators, rows = NULL) {
  X <- vapply(columns[indicators], function(x) as.double(if (is.null(rows)) x else x[rows]),
              numeric(if (is.null(rows)) length(columns[[1L]]) else length(rows)))
  if (!is.matrix(X)) X <- matrix(X, ncol = length(indicators))
  colnames(X) <- indicators
  X
}

# What the C code reads (spec$source): the data of the rows the sample is
# drawn from, as the source needs them.
source_spec <- function(kind, X, weights, levels = NULL, missing = "fail") {
  out <- list(kind = c_code("source", kind), x = X)
  if (kind == "spearman") {
    if (missing == "mean") X <- mean_filled(X, weights)
    out$x <- X
    out$order <- as.integer(vapply(seq_len(ncol(X)), function(j) order(X[, j]), integer(nrow(X))) - 1L)
  } else if (kind == "em") {
    out$tol <- em_tol
    out$max_iter <- em_max_iter
  } else if (kind == "ordinal") {
    categories <- integer(ncol(X))
    for (name in names(levels)) {
      j <- match(name, colnames(X))
      out$x[, j] <- match(X[, j], levels[[name]])
      categories[j] <- length(levels[[name]])
    }
    out$categories <- categories
  }
  storage.mode(out$x) <- "double"
  out
}

em_tol <- 1e-10
em_max_iter <- 10000L

# Missing values replaced by the weighted mean of their column's observed
# values (rows of weight zero do not count), as moments.c does.
mean_filled <- function(X, weights) {
  w <- weights %||% rep(1, nrow(X))
  for (j in seq_len(ncol(X))) {
    missing <- is.na(X[, j])
    if (any(missing)) {
      keep <- !missing & w > 0
      X[missing, j] <- sum(w[keep] * X[keep, j]) / sum(w[keep])
    }
  }
  X
}

c_source_cor <- function(source, freq = NULL) .Call(C_iecpls_source_cor, source, c_case_weights(freq))

# The full-sample fit from a source: list as c_fit_data() returns, plus
# `em` (EM estimates) or `thresholds` (ordinal).
c_fit_source <- function(kind, model, columns, weights, missing, spec, levels) {
  columns <- column_list(columns)
  indicators <- model$indicators
  rows <- if (missing == "casewise") stats::complete.cases(as.data.frame(columns[indicators])) else NULL
  X <- source_matrix(columns, indicators, if (!is.null(rows)) which(rows))
  w <- if (!is.null(weights) && !is.null(rows)) weights[rows] else weights
  extra <- list()
  if (kind == "em") {
    em <- em_moments(X, case_weights = w, tol = em_tol, max_iter = em_max_iter)
    S <- em$cor
    extra$em <- em
  } else if (kind == "ordinal") {
    source <- source_spec(kind, X, w, levels)
    out <- ordinal_cor(as.data.frame(source$x), ordinal = source$categories > 0, case_weights = w)
    S <- unname(out$cor)
    extra$thresholds <- out$thresholds
  } else {
    source <- source_spec(kind, X, w, missing = missing)
    out <- c_source_cor(source, w)
    stop_on_status(out, model)
    S <- out$cor
  }
  raw <- c_fit_cor(model, S, spec)
  raw$cor <- S
  Z <- source_standardized(kind, X, w, missing, extra$em)
  raw$scores <- Z$z %*% (block_membership(model) * raw$weights)
  colnames(raw$scores) <- model$constructs
  raw$means <- Z$means
  raw$sds <- Z$sds
  raw$rows_used <- rows
  c(raw, extra)
}

# The standardized data behind a source fit's construct scores (a matrix
# `z` with the rows of X) and the means and standard deviations used:
# - "em": every missing answer replaced by its conditional expectation
#   given the row's observed answers under the EM estimates (em_impute()),
#   standardized by the EM means and standard deviations (the ML variances
#   times N / (N - 1), N the total weight, so that complete data standardize
#   exactly as without EM);
# - otherwise the values (with missing = "mean" the column means in place
#   of missing values), standardized by their weighted mean and standard
#   deviation (denominator: total weight - 1), as every fit standardizes;
#   an ordinal indicator enters with its codes, as cSEM computes the scores
#   of ordinal indicators.
source_standardized <- function(kind, X, weights, missing, em = NULL) {
  if (kind == "em") {
    N <- em$nobs
    means <- em$mean
    sds <- sqrt(diag(em$cov) * N / (N - 1))
    X <- em_impute(X, em$mean, em$cov)
  } else {
    if (missing == "mean") X <- mean_filled(X, weights)
    w <- weights %||% rep(1, nrow(X))
    N <- sum(w)
    means <- colSums(w * X) / N
    centred <- sweep(X, 2L, means)
    sds <- sqrt(colSums(w * centred^2) / (N - 1))
  }
  z <- sweep(sweep(X, 2L, means), 2L, sds, "/")
  list(z = z, means = unname(means), sds = unname(sds))
}

# Whether a fit's correlations come from a source (not Pearson's on the
# standardized data).
has_source <- function(fit) !is.null(fit$settings$source) && fit$settings$source != "pearson"

# c_standardize() of a source fit: the standardized data of the rows used
# with a positive case weight (transposed, p x n; source_standardized()),
# their case weights and row numbers, and `source`, the spec$source of the
# resampling loops over those rows (`kind`: the fit's source, or "mean" for
# mean replacement within each sample).
source_problem_data <- function(fit, kind = fit$settings$source) {
  settings <- fit$settings
  indicators <- base_indicators(fit$model)
  rows <- if (is.null(fit$rows_used)) seq_len(nrow(fit$data)) else which(fit$rows_used)
  weights <- fit$case_weights
  if (!is.null(weights)) rows <- rows[weights[rows] > 0]
  X <- source_matrix(column_list(fit_columns(fit)), indicators, rows)
  w <- if (!is.null(weights)) weights[rows]
  Z <- if (kind == "mean") {
    source_standardized("pearson", X, w, "mean")
  } else {
    source_standardized(kind, X, w, settings$missing, fit$em)
  }
  list(zt = t(unname(Z$z)), case_weights = w, rows = rows,
       source = source_spec(kind, X, w, settings$ordinal_levels, settings$missing))
}

# The fit's indicator columns, a list (or an in-place matrix).
fit_columns <- function(fit) {
  data <- fit$data
  if (is.matrix(data)) in_place(data, match(base_indicators(fit$model), colnames(data))) else data
}

# Analyses that do not re-estimate a source's correlations yet refuse its
# fits rather than mix Pearson correlations of the standardized data in.
check_no_source <- function(fit, what) {
  if (!has_source(fit)) return(invisible(fit))
  how <- switch(fit$settings$source, spearman = "{.code cor = \"spearman\"}", em = "{.code missing = \"em\"}",
                ordinal = "ordinal indicators")
  abort_input(c(paste(what, "does not support fits with", how, "yet."),
                "i" = "Fit the model with Pearson correlations for this analysis (for example {.code missing = \"mean\"} or {.code ordinal = FALSE})."),
              class = "iecpls_unsupported_error")
}

# pls() arguments that re-create a fit's correlations in a refit.
source_args <- function(settings) {
  list(ordinal = settings$ordinal %||% character(), cor = settings$cor %||% "pearson")
}

# One line on where a fit's correlations come from, or NULL for Pearson's.
source_description <- function(fit) {
  if (!has_source(fit)) return(NULL)
  switch(fit$settings$source,
         spearman = "Correlations: Spearman (ranks)",
         em = paste0("Correlations: EM estimates (missing data; ", fit$em$n_patterns, " missingness pattern",
                     if (fit$em$n_patterns == 1) "" else "s", ", ", fit$em$iterations, " EM iteration",
                     if (fit$em$iterations == 1) "" else "s", ")"),
         ordinal = paste0("Correlations: polychoric/polyserial (", length(fit$settings$ordinal), " ordinal indicator",
                          if (length(fit$settings$ordinal) == 1) "" else "s",
                          if (isTRUE(fit$settings$consistent)) "; OrdPLSc" else "; OrdPLS", ")"))
}
