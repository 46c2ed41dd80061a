# The contracts between R and C: the codes both sides use (src/call_codes.c),
# the layout of the statistics vector (src/statistics.c) and its
# full-sample row, checked against plain-R derivations.

# The columns of the statistics vector of `model`, derived in plain R:
# weights and loadings (indicator order), paths (outcome-major), R^2,
# total effects (outcome-major pairs joined by a chain), HTMT of pairs of
# Mode A constructs, total indirect effects (the totals with a chain of two
# or more paths) and specific indirect effects (chains, in `chains` order).
layout_oracle <- function(model, chains = iecpls:::indirect_chains(model$inner)) {
  K <- length(model$constructs)
  construct_of <- rep(seq_len(K), lengths(model$blocks))
  rows <- function(type, from, to) data.frame(type = rep(type, length(from)), from = as.integer(from),
                                              to = as.integer(to), stringsAsFactors = FALSE)
  edges <- which(model$inner != 0, arr.ind = TRUE)
  edges <- edges[order(edges[, 2], edges[, 1]), , drop = FALSE]
  reach <- model$inner != 0
  step <- reach
  for (k in seq_len(K)) {
    step <- (step %*% (model$inner != 0)) > 0
    reach <- reach | step
  }
  totals <- which(reach, arr.ind = TRUE)
  totals <- totals[order(totals[, 2], totals[, 1]), , drop = FALSE]
  reflective <- which(model$modes == "A")
  pairs <- if (length(reflective) >= 2) t(utils::combn(reflective, 2)) else matrix(integer(), 0, 2)
  ends <- cbind(vapply(chains, `[`, 1L, 1L), vapply(chains, function(ch) ch[length(ch)], 1L))
  indirect <- totals[paste(totals[, 1], totals[, 2]) %in% paste(ends[, 1], ends[, 2]), , drop = FALSE]
  rbind(rows("weight", construct_of, rep(NA, length(construct_of))),
        rows("loading", construct_of, rep(NA, length(construct_of))),
        rows("path", edges[, 1], edges[, 2]),
        rows("r2", rep(NA, sum(colSums(model$inner != 0) > 0)), which(colSums(model$inner != 0) > 0)),
        rows("total", totals[, 1], totals[, 2]),
        rows("htmt", pairs[, 1], pairs[, 2]),
        rows("indirect", indirect[, 1], indirect[, 2]),
        rows("specific", ends[, 1], ends[, 2]))
}

# A model object without parsing (parse_model() needs a structural path).
bare_model <- function(blocks, modes, inner) {
  constructs <- names(blocks)
  dimnames(inner) <- list(constructs, constructs)
  list(constructs = constructs, blocks = blocks, modes = stats::setNames(modes, constructs),
       indicators = unlist(blocks, use.names = FALSE), inner = inner)
}

expect_layout_agrees <- function(model, label) {
  statistics <- iecpls:::stat_spec(model)
  spec <- iecpls:::model_spec(model, "path", 1e-7, 300L)
  layout <- iecpls:::c_stat_layout(spec, statistics)
  types <- iecpls:::c_codes()$statistic
  ours <- data.frame(type = names(types)[match(layout$type, types)], from = layout$from, to = layout$to,
                     stringsAsFactors = FALSE)
  expect_equal(ours, layout_oracle(model), ignore_attr = TRUE, label = label)
  measured <- ours$type %in% c("weight", "loading")
  expect_identical(layout$item[measured], rep(seq_along(model$indicators), 2), label = label)
}

edge_models <- function() {
  list(
    one_construct = bare_model(list(A = c("a1", "a2")), "A", matrix(0, 1, 1)),
    one_item = bare_model(list(A = "a1"), "A", matrix(0, 1, 1)),
    no_htmt_pair = bare_model(list(A = c("a1", "a2"), B = c("b1", "b2")), c("A", "B"),
                              matrix(c(0, 0, 1, 0), 2, 2)),
    no_indirect = bare_model(list(A = "a1", B = c("b1", "b2"), C = c("c1", "c2")), c("A", "A", "B"),
                             matrix(c(0, 0, 0, 0, 0, 0, 1, 1, 0), 3, 3)),
    all_composites = bare_model(list(A = c("a1", "a2"), B = "b1", C = c("c1", "c2")), c("B", "B", "B"),
                                matrix(c(0, 0, 0, 1, 0, 0, 1, 1, 0), 3, 3))
  )
}

test_that("R and C agree on the layout of the statistics vector", {
  for (seed in 1:30) {
    model <- parse_model(random_pls_problem(seed, n = 50)$syntax)
    expect_layout_agrees(model, paste("random model", seed))
  }
  for (name in names(edge_models())) expect_layout_agrees(edge_models()[[name]], name)
})

test_that("the full-sample row is what plain R computes from the fit", {
  power_series <- function(B) {
    total <- power <- B
    for (k in seq_len(nrow(B))) {
      power <- power %*% B
      total <- total + power
    }
    total
  }
  htmt_oracle <- function(fit, a, b) {
    S <- fit$indicator_cor
    blocks <- fit$model$blocks
    mono <- function(items) if (length(items) < 2) 1 else mean(S[items, items][lower.tri(diag(length(items)))])
    ma <- mono(blocks[[a]])
    mb <- mono(blocks[[b]])
    if (!(ma > 0 && mb > 0)) return(NA_real_)
    mean(S[blocks[[a]], blocks[[b]]]) / sqrt(ma * mb)
  }
  for (seed in c(1:12, 301:306)) {
    problem <- random_pls_problem(seed, n = 150)
    fit <- suppressWarnings(pls(problem$syntax, data = problem$data))
    parameters <- suppressWarnings(iecpls:::fit_parameters(fit))
    model <- fit$model
    own <- cbind(seq_along(model$indicators), rep(seq_along(model$constructs), lengths(model$blocks)))
    at <- function(type) parameters[parameters$type == type, , drop = FALSE]
    label <- paste("random model", seed)
    expect_equal(at("weight")$estimate, unname(fit$outer_weights[own]), tolerance = 1e-14, label = label)
    expect_equal(at("loading")$estimate, unname(fit$outer_loadings[own]), tolerance = 1e-14, label = label)
    expect_equal(at("path")$estimate, fit$path_coef[cbind(at("path")$from, at("path")$to)], tolerance = 1e-14)
    expect_equal(at("r2")$estimate, unname(fit$r2[model$constructs[at("r2")$to]]), tolerance = 1e-14)
    total <- power_series(fit$path_coef)
    expect_equal(at("total")$estimate, total[cbind(at("total")$from, at("total")$to)], tolerance = 1e-12)
    htmt <- at("htmt")
    expected <- vapply(seq_len(nrow(htmt)), function(k) htmt_oracle(fit, htmt$from[k], htmt$to[k]), numeric(1))
    expect_equal(htmt$estimate, expected, tolerance = 1e-12, label = label)
    base <- !parameters$type %in% c("indirect", "specific")
    derived <- derived_effects_oracle(matrix(parameters$estimate[base], nrow = 1), parameters[base, ], model)
    expect_equal(parameters$estimate[!base], as.numeric(derived$values), tolerance = 1e-12, label = label)
    expect_identical(parameters$term[!base], derived$parameters$term, label = label)
  }
})

test_that("pls_effects() and pls_htmt() use the C statistics and keep their output", {
  fit <- pls(ecsi_syntax, data = mobi)
  effects <- pls_effects(fit)
  chains <- iecpls:::indirect_chains(fit$model$inner)
  product <- vapply(chains, function(ch) prod(fit$path_coef[cbind(ch[-length(ch)], ch[-1])]), numeric(1))
  path <- vapply(chains, function(ch) paste(fit$model$constructs[ch], collapse = " -> "), "")
  expect_equal(effects$specific$estimate, product[match(effects$specific$path, path)], tolerance = 1e-14)
  expect_equal(effects$total, fit$path_coef + effects$indirect)
  expect_identical(dimnames(effects$total), dimnames(fit$path_coef))
  htmt <- pls_htmt(fit)
  expect_identical(dimnames(htmt), list(fit$model$constructs, fit$model$constructs))
  expect_equal(htmt, t(htmt))
  expect_equal(unname(diag(htmt)), rep(1, 7))
})

test_that("every status in the C table is complete and classed by the agreed vocabulary", {
  codes <- iecpls:::c_codes()
  status <- codes$status
  expect_false(anyDuplicated(status$code) > 0)
  expect_false(anyDuplicated(status$name) > 0)
  expect_true(all(status$index %in% c("construct", "indicator", "pair", "none")))
  families <- c("iecpls_input_error", "iecpls_data_error", "iecpls_model_error", "iecpls_estimation_error",
                "iecpls_memory_error", "iecpls_internal_error")
  error <- !is.na(status$class)
  expect_true(all(status$family[error] %in% families))
  expect_identical(status$class[error], paste0("iecpls_", status$name[error]))
  expect_true(all(!is.na(status$message[error])))
  # resample statuses are reasons, never errors
  expect_true(all(is.na(status$class[status$code >= 100])))
  expect_true(all(!is.na(status$reason[status$code != 0])))
  expected <- c(singular_block = 1, zero_variance_score = 2, singular_paths = 3, nonfinite = 4,
                zero_variance_indicator = 5, too_few_rows = 6, all_missing = 7, missing_values = 8,
                infinite_values = 9, column_overflow = 10, singular_product = 11, em_singular = 12,
                polychoric_boundary = 13, polychoric_not_converged = 14, not_converged = 100, constant_column = 101,
                inadmissible = 102, no_reliability = 103)
  expect_identical(iecpls:::status_code(names(expected)), as.integer(expected))
  # message templates use only the variables stop_on_status() supplies
  used <- unlist(regmatches(status$message, gregexpr("\\{[a-z]+\\}", status$message)))
  expect_true(all(used %in% c("{construct}", "{indicator}", "{other}", "{block}", "{predecessors}")))
  expect_true(all(grepl("\\{indicator\\}", status$message[status$index == "indicator" & error])))
  pair <- status$message[status$index == "pair" & error]
  expect_true(all(grepl("\\{indicator\\}", pair) & grepl("\\{other\\}", pair)))
  expect_true(all(grepl("\\{construct\\}", status$message[status$index == "construct" & error])))
})

test_that("the choices R offers are the codes C knows", {
  codes <- iecpls:::c_codes()
  expect_identical(eval(formals(pls)$scheme), names(codes$scheme))
  # "em" is a correlation source (src/source.c), not a missing-value rule
  expect_identical(setdiff(eval(formals(pls)$missing), "em"), names(codes$missing))
  expect_identical(names(codes$source), c("pearson", "spearman", "mean", "em", "ordinal"))
  expect_true(all(eval(formals(pls)$cor) %in% names(codes$source)))
  expect_identical(eval(formals(pls_boot)$sign_change), names(codes$sign_change))
  expect_identical(names(codes$mode), c("A", "B"))
  expect_identical(unname(codes$scheme), seq_along(codes$scheme) - 1L)
  expect_identical(names(codes$statistic),
                   c("weight", "loading", "path", "r2", "total", "htmt", "indirect", "specific",
                     "copula_path", "copula", "fit", "tetrad"))
})

# Calls in the package's functions that compare a status with a number, or
# pass one beside it (e.g. ifelse(ok, 0L, status)), or switch on a status
# by numeric names.
status_literals <- function(fun) {
  found <- character()
  is_status <- function(x) {
    (is.name(x) && grepl("status", as.character(x))) ||
      (is.call(x) && identical(x[[1]], as.name("$")) && grepl("status", as.character(x[[3]])))
  }
  walk <- function(x) {
    if (!is.call(x)) return()
    args <- as.list(x)[-1]
    numeric <- vapply(args, function(a) is.numeric(a) && length(a) == 1, logical(1))
    if (any(numeric) && any(vapply(args, is_status, logical(1)))) found <<- c(found, deparse(x)[1])
    if (identical(x[[1]], as.name("switch")) && length(args) && any(grepl("status", deparse(args[[1]]))) &&
        any(grepl("^[0-9]+$", names(args)))) found <<- c(found, deparse(x)[1])
    for (a in args) if (!missing(a)) walk(a)
  }
  walk(body(fun))
  found
}

test_that("no R function writes a status code as a number", {
  ns <- asNamespace("iecpls")
  functions <- Filter(function(name) is.function(get(name, ns)), ls(ns, all.names = TRUE))
  found <- unlist(lapply(functions, function(name) {
    hits <- status_literals(get(name, ns))
    if (length(hits)) paste0(name, ": ", hits)
  }))
  expect_identical(found, NULL)
  # the scan finds what it looks for
  expect_length(status_literals(function(out) if (out$status == 8L) 1), 1)
  expect_length(status_literals(function(s) ifelse(ok, 0L, s$status)), 1)
  expect_length(status_literals(function(status) switch(as.character(status), "1" = 2)), 1)
  expect_length(status_literals(function(status) length(status) == 1L), 0)
})

test_that("status errors carry their class from the C table", {
  set.seed(1)
  x <- stats::rnorm(40)
  data <- data.frame(a1 = x, a2 = x, b1 = stats::rnorm(40), b2 = stats::rnorm(40), c1 = stats::rnorm(40))
  data$b2 <- data$b1 + stats::rnorm(40, sd = 0.5)
  expect_error(pls("A <~ a1 + a2\nB =~ b1 + b2\nB ~ A", data = data),
               class = "iecpls_singular_block")
  err <- tryCatch(pls("A <~ a1 + a2\nB =~ b1 + b2\nB ~ A", data = data), error = identity)
  expect_s3_class(err, c("iecpls_singular_block", "iecpls_estimation_error", "iecpls_error"))
  expect_match(conditionMessage(err), "perfectly collinear")
  expect_error(pls("A =~ a1\nB =~ a2\nC =~ b1 + b2\nC ~ A + B", data = data), class = "iecpls_singular_paths")
  constant <- data
  constant$b1 <- 1
  expect_error(pls("A =~ a1\nB =~ b1 + b2\nB ~ A", data = constant), class = "iecpls_zero_variance_indicator")
  missing <- data
  missing$b1[3] <- NA
  err <- tryCatch(pls("A =~ a1\nB =~ b1 + b2\nB ~ A", data = missing), error = identity)
  expect_s3_class(err, c("iecpls_missing_values", "iecpls_data_error", "iecpls_error"))
  infinite <- data
  infinite$b1[3] <- Inf
  expect_error(pls("A =~ a1\nB =~ b1 + b2\nB ~ A", data = infinite), class = "iecpls_infinite_values")
  huge <- data
  huge$b1 <- huge$b1 * 1e200
  err <- tryCatch(pls("A =~ a1\nB =~ b1 + b2\nB ~ A", data = huge), error = identity)
  expect_s3_class(err, c("iecpls_column_overflow", "iecpls_data_error", "iecpls_error"))
  expect_match(conditionMessage(err), "b1")
  model <- parse_model("A =~ a1\nB =~ b1 + b2\nB ~ A")
  expect_error(iecpls:::stop_on_status(list(status = 999L, status_index = 0L), model),
               class = "iecpls_internal_error")
  # without the data columns, the table's own message names the indicator
  err <- tryCatch(iecpls:::stop_on_status(list(status = iecpls:::status_code("column_overflow"), status_index = 2L),
                                          model), error = identity)
  expect_s3_class(err, "iecpls_column_overflow")
  expect_match(conditionMessage(err), "b1")
  err <- tryCatch(iecpls:::stop_on_status(list(status = iecpls:::status_code("singular_paths"), status_index = 2L),
                                          model), error = identity)
  expect_match(conditionMessage(err), "predecessors of construct B \\(A\\)")
  # a pair of indicators (ordinal_cor(): both columns of a polychoric correlation)
  err <- tryCatch(iecpls:::stop_on_status(list(status = iecpls:::status_code("polychoric_boundary"),
                                               status_index = c(3L, 1L)), model), error = identity)
  expect_s3_class(err, c("iecpls_polychoric_boundary", "iecpls_estimation_error"))
  expect_match(conditionMessage(err), "b2.? and .?a1")
})

test_that("failed resamples are reported with the table's reasons", {
  codes <- iecpls:::c_codes()$status
  status <- c(0L, iecpls:::status_code(c("inadmissible", "not_converged", "inadmissible")))
  expect_warning(iecpls:::report_failures(status), "2 an inadmissible PLSc solution")
  expect_warning(iecpls:::report_failures(status), "1 no convergence")
})
