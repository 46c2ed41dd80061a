# Model-based missing data (#19): the maximum likelihood estimates of the
# indicators' mean vector and covariance matrix under multivariate
# normality, by the EM algorithm (src/em.c), and the conditional
# expectations of missing answers given a row's observed answers, which
# construct scores and predictions of incomplete rows use. Internal:
# pls(missing = "em") and the resampling loops build on these.
#
# The rule, as the help of missing = "em" is to state it:
# - Estimates: ML under multivariate normality with data missing at random;
#   covariances divide by the total weight of the rows used (the ML
#   divisor, as lavaan's saturated model with missing = "ml"). Rows with no
#   observed indicator carry no information and are left out.
# - Start: observed means and variances, zero covariances (or `start`).
# - Convergence: EM stops when no mean or covariance changed by more than
#   `tol` in standard-deviation units in the last iteration:
#   max(|d mu_j| / s_j, |d Sigma_jk| / (s_j s_k)) < tol, s_j the current
#   standard deviations. Default tol = 1e-10, which puts the estimates
#   within about 1e-9 of the ML solution; a warning of class
#   iecpls_em_not_converged_warning when `max_iter` (default 10,000)
#   iterations end without convergence.
# - Completed rows: a missing answer becomes its conditional expectation
#   mu_M + Sigma_MO Sigma_OO^-1 (x_O - mu_O) under the EM estimates; a row
#   with no observed answer gets the means.

# The EM moments of `data` (a numeric matrix, data frame or list of numeric
# columns; NA for a missing value), with frequency `case_weights` (a row of
# weight 0 is absent). Returns list(mean, cov, cor, iterations, converged,
# change (the criterion at the last iteration), loglik (the observed-data
# log-likelihood at the estimates), nobs (total weight of the rows used),
# n_patterns (distinct missingness patterns)). Data errors name the column
# (classes from the status table of src/call_codes.c).
em_moments <- function(data, case_weights = NULL, tol = 1e-10, max_iter = 10000L, start = NULL) {
  x <- em_matrix(data)
  case_weights <- check_case_weights(case_weights, data, nrow(x))
  check_em_control(tol, max_iter)
  start <- check_em_start(start, x)
  out <- c_em_moments(x, case_weights, tol, max_iter, start, loglik = TRUE)
  stop_on_status(list(status = out$status, status_index = out$status_index), list(indicators = colnames(x)))
  if (!out$converged) warn_em_not_converged(out$iterations, out$change, tol)
  names <- colnames(x)
  cov <- matrix(out$cov, ncol(x), ncol(x), dimnames = list(names, names))
  list(mean = stats::setNames(out$mean[, 1L], names), cov = cov, cor = stats::cov2cor(cov),
       iterations = out$iterations, converged = out$converged, change = out$change, loglik = out$loglik,
       nobs = out$total_weight, n_patterns = out$n_patterns)
}

# `data` with each missing entry replaced by its conditional expectation
# given the row's observed entries under N(mean, cov) (see above): a double
# matrix with the columns of `data`.
em_impute <- function(data, mean, cov) {
  x <- em_matrix(data)
  p <- ncol(x)
  if (!is.numeric(mean) || length(mean) != p || anyNA(mean)) {
    abort_input("{.arg mean} must be {p} number{?s}, one per column of {.arg data}.")
  }
  if (!is.numeric(cov) || !identical(dim(cov), c(p, p)) || anyNA(cov)) {
    abort_input("{.arg cov} must be a {p} x {p} matrix, a row and column per column of {.arg data}.")
  }
  out <- c_em_impute(x, mean, cov)
  stop_on_status(out, list(indicators = colnames(x)))
  dimnames(out$data) <- dimnames(x)
  out$data
}

# The data as a double matrix with column names (V1, V2, ... if it has
# none). Columns of a data frame or list convert as pls() converts
# indicators (ordered factors to codes, logical to 0/1); others are an error.
em_matrix <- function(data) {
  if (is.matrix(data) && (is.numeric(data) || is.logical(data))) {
    x <- data
  } else if (is.list(data) && !is.matrix(data)) {
    kinds <- vapply(data, column_kind, character(1))
    if (any(kinds == "other")) abort_non_numeric(data[kinds == "other"])
    lengths <- lengths(data)
    if (length(data) && any(lengths != lengths[1])) abort_data("The columns of {.arg data} differ in length.")
    x <- do.call(cbind, Map(indicator_values, data, kinds))
  } else {
    abort_input("{.arg data} must be a numeric matrix, a data frame or a list of numeric columns, not {.obj_type_friendly {data}}.")
  }
  if (!length(x) || ncol(x) < 1L) abort_data("{.arg data} has no columns.")
  storage.mode(x) <- "double"
  if (is.null(colnames(x))) colnames(x) <- paste0("V", seq_len(ncol(x)))
  x
}

check_em_control <- function(tol, max_iter) {
  check_number(tol, "tol")
  check_count(max_iter, "max_iter", min = 0)
}

# NULL, or list(mean, cov) of start values as C reads them.
check_em_start <- function(start, x) {
  if (is.null(start)) return(NULL)
  p <- ncol(x)
  ok <- is.list(start) && is.numeric(start$mean) && length(start$mean) == p && is.numeric(start$cov) &&
    identical(dim(start$cov), c(p, p)) && all(is.finite(start$mean)) && all(is.finite(start$cov))
  if (!ok) abort_input("{.arg start} must be a list of {.field mean} ({p} number{?s}) and {.field cov} (a {p} x {p} matrix).")
  list(mean = as.double(start$mean), cov = matrix(as.double(start$cov), p, p))
}

warn_em_not_converged <- function(iterations, change, tol) {
  warn_iecpls(c(
    "EM stopped after {iterations} iteration{?s} without converging.",
    "i" = "In the last iteration a mean or covariance changed by {signif(change, 3)} standard deviations; convergence needs less than {.arg tol} = {tol}.",
    "i" = "Increase {.arg max_iter}. Slow convergence means much missing information: check indicators with few observed answers."
  ), class = "iecpls_em_not_converged_warning")
}
