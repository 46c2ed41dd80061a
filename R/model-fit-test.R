# The bootstrap test of exact overall model fit (Dijkstra and Henseler
# 2015; Beran and Srivastava 1985): pls_model_fit(fit, R = R). The data are
# transformed so that their correlation matrix is the one the model implies
# (src/model_fit.c), resampled like pls_boot()'s (same streams, chunks and
# threads), and the model is refitted in C in every resample, which reports
# its SRMR, d_ULS, d_G and d_ML.

fit_measure_names <- c("SRMR", "d_ULS", "d_G", "d_ML")

model_fit_test <- function(fit, model, R, seed, cores) {
  check_count(R, "R", min = 2)
  cores <- check_cores(cores)
  check_fit_testable(fit)
  problems <- lapply(c(estimated = FALSE, saturated = TRUE), exact_fit_problem, fit = fit, model = model)
  zt <- problems$estimated$zt
  sizes <- chunk_sizes(R, chunk_size_for(ncol(zt), nrow(zt)))
  # both tests draw the same resamples (rows of the data) from these streams
  seeds <- with_seed(seed, chunk_seeds(length(sizes)))
  runs <- lapply(names(problems), function(name) {
    result <- run_chunks(c_bootstrap, problems[[name]], seeds, sizes, cores,
                         paste("Testing the fit of the", name, "model"))
    colnames(result$stats) <- fit_measure_names
    result
  })
  names(runs) <- names(problems)
  # as pls_boot()'s default inadmissibles = "ignore": inadmissible PLSc
  # resamples are kept, failed ones left out
  used <- lapply(runs, function(run) resamples_used(run$status, "ignore"))
  failed <- ifelse(!used$estimated, runs$estimated$status,
                   ifelse(!used$saturated, runs$saturated$status, status_code("ok")))
  report_failures(failed, hint = "They are left out of the reference distributions.")
  n_inadmissible <- sum(runs$estimated$status == status_code("inadmissible") |
                          runs$saturated$status == status_code("inadmissible"))
  report_inadmissible(n_inadmissible, R, "ignore")
  values <- all_fit_measures(fit, model)
  tests <- do.call(rbind, lapply(names(runs), function(name) {
    draws <- runs[[name]]$stats[used[[name]], , drop = FALSE]
    hi <- apply(draws, 2L, stats::quantile, probs = c(0.95, 0.99), na.rm = TRUE, names = FALSE)
    data.frame(statistic = fit_measure_names, model = name, value = unname(values[, name]),
               hi95 = hi[1L, ], hi99 = hi[2L, ], stringsAsFactors = FALSE)
  }))
  tests$supported_95 <- tests$value <= tests$hi95
  tests$supported_99 <- tests$value <= tests$hi99
  rownames(tests) <- NULL
  structure(list(tests = tests, draws = lapply(runs, `[[`, "stats"),
                 status = lapply(runs, `[[`, "status"), R = as.integer(R), model = model,
                 n_failed = sum(!status_ok(failed)), n_inadmissible = n_inadmissible,
                 measures = pls_model_fit(fit, model)),
            class = "pls_model_fit_test")
}

check_fit_testable <- function(fit) {
  if (is.null(fit$data)) {
    abort_input("The test of exact fit needs the data: {.arg fit} was fitted from a correlation matrix.",
                class = "iecpls_needs_data")
  }
  if (!is.null(fit$model$stages) || has_hoc(fit$model)) {
    abort_model(c(
      "The bootstrap test of exact fit does not support models with interaction terms or higher-order constructs yet.",
      "i" = "{.code pls_model_fit(fit)} with {.code R = 0} gives the fit measures."
    ), class = "iecpls_unsupported_error")
  }
  if (isFALSE(fit$admissible)) {
    abort_estimation("The PLSc solution of {.arg fit} is inadmissible: the test of exact fit needs an admissible one.",
                     class = "iecpls_inadmissible")
  }
  invisible(fit)
}

# SRMR, d_ULS, d_G and d_ML of the estimated and the saturated model.
all_fit_measures <- function(fit, model) {
  S <- fit_block_cor(fit)
  indicators <- fit$model$indicators
  vapply(c(estimated = FALSE, saturated = TRUE), function(saturated) {
    Sigma <- pls_implied_cor(fit, model = model, saturated = saturated)[indicators, indicators]
    c(fit_measures(S, Sigma), ml_distance(S, Sigma))
  }, numeric(4L))
}

# tr(S Sigma^-1) - ln det(S Sigma^-1) - p (cSEM's calculateDML()).
ml_distance <- function(S, Sigma) {
  ratio <- tryCatch(S %*% solve(Sigma), error = function(e) NULL)
  if (is.null(ratio)) return(NA_real_)
  log_det <- determinant(ratio, logarithm = TRUE)
  if (log_det$sign <= 0) return(NA_real_)
  sum(diag(ratio)) - as.numeric(log_det$modulus) - nrow(S)
}

# What the bootstrap loop of one test needs (see boot_problem()): the
# transformed data and a statistics specification that asks for the fit
# measures against the correlations of the estimated or saturated model.
exact_fit_problem <- function(saturated, fit, model) {
  data <- exact_fit_data(fit, model, saturated)
  spec <- fit_model_spec(fit)
  statistics <- stat_spec(fit$model)
  statistics$model_fit <- TRUE
  statistics$fit_saturated <- saturated
  statistics$fit_composite <- as.integer(fit_composite_blocks(fit, model))
  list(zt = data$zt, case_weights = data$case_weights, spec = spec, stat_spec = statistics,
       sign_code = c_code("sign_change", "none"),
       original_loadings = as.double(rep(0, length(fit$model$indicators))),
       keep_inadmissible = TRUE)
}

# Blocks whose correlations the implied matrix leaves unrestricted.
fit_composite_blocks <- function(fit, model) {
  K <- length(fit$model$constructs)
  switch(model, auto = fit$model$modes == "B", composite = rep(TRUE, K), common_factor = rep(FALSE, K))
}

# The standardized data of a fit transformed so that the model holds:
# zt (p x n, transposed, block order) = (Z S^-1/2 Sigma^1/2)', with the
# case weights of c_standardize(); also S and Sigma.
exact_fit_data <- function(fit, model = "auto", saturated = FALSE) {
  data <- c_standardize(fit)
  indicators <- fit$model$indicators
  S <- fit_block_cor(fit)
  Sigma <- pls_implied_cor(fit, model = model, saturated = saturated)[indicators, indicators]
  storage.mode(Sigma) <- "double"
  zt <- c_exact_fit_transform(data$zt, S, Sigma)
  if (!is.matrix(zt)) {
    what <- if (zt == 1L) "The indicator correlation matrix" else "The model-implied correlation matrix"
    abort_estimation(c(
      "{what} is not positive definite: the data cannot be transformed for the test of exact fit.",
      "i" = "See {.help iecpls::pls_model_fit}."
    ), class = "iecpls_nonfinite")
  }
  list(zt = zt, case_weights = data$case_weights, S = S, Sigma = Sigma)
}

#' @rdname pls_model_fit
#' @param x A `pls_model_fit_test` object.
#' @param digits Number of decimal places printed.
#' @export
print.pls_model_fit_test <- function(x, digits = 3, ...) {
  cat_wrapped("Test of exact model fit (bootstrap, ", format_count(x$R), " resamples",
              if (x$n_failed > 0) paste0(", ", x$n_failed, " failed") else "", "; ",
              x$model, " measurement model)")
  cat("\n")
  tests <- x$tests
  verdict <- function(ok) ifelse(is.na(ok), "NA", ifelse(ok, "supported", "rejected"))
  table <- data.frame(statistic = tests$statistic, model = tests$model, value = tests$value,
                      HI95 = tests$hi95, HI99 = tests$hi99, `5%` = verdict(tests$supported_95),
                      `1%` = verdict(tests$supported_99), check.names = FALSE, stringsAsFactors = FALSE)
  print_wide(table, digits, id = c("statistic", "model"))
  cat("\n")
  cat_wrapped("HI95, HI99: 95% and 99% quantiles of the bootstrap distribution under the model; ",
              "exact fit is supported at a level when the value does not exceed its quantile.")
  invisible(x)
}

#' @rdname pls_model_fit
#' @export
tidy.pls_model_fit_test <- function(x, ...) x$tests

#' @rdname pls_model_fit
#' @param row.names,optional Not used (for compatibility with
#'   [as.data.frame()]).
#' @export
as.data.frame.pls_model_fit_test <- function(x, row.names = NULL, optional = FALSE, ...) x$tests

#' @rdname pls_model_fit
#' @export
glance.pls_model_fit_test <- function(x, ...) {
  tests <- x$tests
  srmr <- tests$statistic == "SRMR" & tests$model == "estimated"
  data.frame(R = x$R, model = x$model, n_failed = x$n_failed, srmr = tests$value[srmr],
             srmr_hi95 = tests$hi95[srmr], tests = nrow(tests), supported_95 = sum(tests$supported_95, na.rm = TRUE),
             supported_99 = sum(tests$supported_99, na.rm = TRUE), stringsAsFactors = FALSE)
}
