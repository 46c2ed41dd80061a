# Plain-R counterparts of the bootstrap internals, for the tests.

# Evaluates `code` with R's generator at the L'Ecuyer stream `stream_seed`
# (6 integers), restoring the session's generator afterwards.
with_stream <- function(stream_seed, code) {
  env <- globalenv()
  old_kind <- RNGkind()
  had_seed <- exists(".Random.seed", envir = env, inherits = FALSE)
  old_seed <- if (had_seed) get(".Random.seed", envir = env)
  on.exit({
    suppressWarnings(RNGkind(old_kind[1], old_kind[2], old_kind[3]))
    if (had_seed) assign(".Random.seed", old_seed, envir = env) else rm(".Random.seed", envir = env)
  })
  RNGkind("L'Ecuyer-CMRG")
  assign(".Random.seed", c(10407L, stream_seed), envir = env)
  code
}

# The integer behind each of the next n uniforms of the stream (src/rng.c
# stream_next()).
stream_integers <- function(n) round(stats::runif(n) / 2.328306549295727688e-10)

# The row indices (1-based) of the resamples of one chunk, drawn in R from
# the chunk's L'Ecuyer stream exactly as src/rng.c does (rejection happens
# with probability ~1e-7 and is ignored here).
reference_resample_rows <- function(stream_seed, n, count) {
  with_stream(stream_seed, lapply(seq_len(count), function(b) (stream_integers(n) - 1) %% n + 1))
}

# BCa limits written out directly from Efron (1987).
reference_bca <- function(theta_star, theta_hat, theta_jack, level) {
  z0 <- stats::qnorm(sum(theta_star < theta_hat) / length(theta_star))
  u <- mean(theta_jack) - theta_jack
  a <- sum(u^3) / (6 * (sum(u^2))^(3 / 2))
  z_alpha <- stats::qnorm(c((1 - level) / 2, (1 + level) / 2))
  adjusted <- stats::pnorm(z0 + (z0 + z_alpha) / (1 - a * (z0 + z_alpha)))
  stats::quantile(theta_star, adjusted, names = FALSE)
}

small_ecsi_syntax <- "
  Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
  Satisfaction =~ CUSA1 + CUSA2 + CUSA3
  Loyalty      =~ CUSL1 + CUSL2 + CUSL3
  Satisfaction ~ Image
  Loyalty      ~ Image + Satisfaction
"

# A plain-R oracle of the effects src/statistics.c derives from the other
# statistics: the total indirect effect of each pair with an indirect route,
# and each specific indirect effect (the product of the paths along a
# chain). `values` has one column per row of `parameters` (one row per
# resample, or one row of estimates); returns the derived columns and their
# parameter rows.
derived_effects_oracle <- function(values, parameters, model, chains = iecpls:::indirect_chains(model$inner)) {
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
    oracle_parameter_rows("indirect", parameters$term[is_total][has_indirect], total_from[has_indirect],
                   total_to[has_indirect], NA_real_),
    oracle_parameter_rows("specific", vapply(chains, function(ch) paste(constructs[ch], collapse = " -> "), ""),
                   vapply(chains, `[`, 1L, 1L), vapply(chains, function(ch) ch[length(ch)], 1L), NA_real_)
  )
  list(values = cbind(indirect, specific), parameters = rows)
}

oracle_parameter_rows <- function(type, term, from, to, estimate) {
  n <- length(term)
  data.frame(type = rep(type, n), term = term, from = rep_len(as.integer(from), n),
             to = rep_len(as.integer(to), n), estimate = rep_len(as.numeric(estimate), n),
             stringsAsFactors = FALSE)
}
