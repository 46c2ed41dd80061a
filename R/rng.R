# Reproducible parallel random streams for resampling.
#
# A run takes exactly one draw from the session's generator (whatever its
# kind), seeds L'Ecuyer-CMRG with it, and gives chunk k the k-th stream of
# parallel::nextRNGStream(). Chunks draw their resamples from their own
# stream in C, so results depend only on the seed and the chunk size, not on
# the number of threads or on which process or machine runs a chunk. The
# session's RNG kind and state are restored afterwards, so it is advanced by
# that one draw only.

resample_chunk_size <- 100L

# Resamples per chunk for data of n cases and p indicators: 100, or fewer
# when forming one resample's cross-products (about n p^2 / 2 multiply-adds,
# over rows read in random order) is so much work that a chunk of 100 would
# keep R from being interrupted for more than about a second (from around
# 20,000 cases of 30 indicators on; one resample per chunk at 10 million
# cases of 12). A function of the data's size only, so a seed still
# reproduces a run on any machine, with any number of threads.
chunk_size_for <- function(n, p) {
  work <- as.numeric(n) * as.numeric(p)^2
  as.integer(max(1, min(resample_chunk_size, floor(2e9 / work))))
}

# 6 x n_chunks integer matrix of MRG32k3a stream seeds: from one draw of the
# session's generator, or, with `after` (a column of an earlier result), the
# streams that follow that one (no draw).
chunk_seeds <- function(n_chunks, after = NULL) {
  stream <- if (is.null(after)) {
    lecuyer_seed(sample.int(.Machine$integer.max, 1L))
  } else {
    parallel::nextRNGStream(c(lecuyer_seed(1L)[1L], as.integer(after)))
  }
  seeds <- matrix(0L, 6L, n_chunks)
  for (k in seq_len(n_chunks)) {
    seeds[, k] <- stream[2:7]
    stream <- parallel::nextRNGStream(stream)
  }
  seeds
}

# .Random.seed of set.seed(seed) under L'Ecuyer-CMRG, leaving the session's
# generator exactly as it was.
lecuyer_seed <- function(seed) {
  with_seed(seed, get(".Random.seed", envir = globalenv(), inherits = FALSE), kind = "L'Ecuyer-CMRG")
}

# Evaluates `code` with the generator seeded by `seed` (of the given kind,
# R's default normal and sample kinds), then restores the session's
# generator kind and state exactly. `seed = NULL` evaluates in the session's
# stream.
with_seed <- function(seed, code, kind = "Mersenne-Twister") {
  if (is.null(seed)) return(code)
  if (!is.numeric(seed) || length(seed) != 1L || !is.finite(seed)) {
    abort_input("{.arg seed} must be a single number or {.code NULL}, not {.obj_type_friendly {seed}}.")
  }
  env <- globalenv()
  had_seed <- exists(".Random.seed", envir = env, inherits = FALSE)
  old_seed <- if (had_seed) get(".Random.seed", envir = env, inherits = FALSE)
  old_kind <- RNGkind()
  on.exit({
    suppressWarnings(RNGkind(old_kind[1], old_kind[2], old_kind[3]))
    if (had_seed) assign(".Random.seed", old_seed, envir = env) else rm(".Random.seed", envir = env)
  }, add = TRUE)
  set.seed(seed, kind = kind, normal.kind = "Inversion", sample.kind = "Rejection")
  code
}

# Splits R resamples (or cases) into chunks of `size`.
chunk_sizes <- function(R, size = resample_chunk_size) {
  n_chunks <- ceiling(R / size)
  sizes <- rep(size, n_chunks)
  sizes[n_chunks] <- R - size * (n_chunks - 1L)
  as.integer(sizes)
}
