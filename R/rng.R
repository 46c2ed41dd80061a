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

# 6 x n_chunks integer matrix of MRG32k3a stream seeds.
chunk_seeds <- function(n_chunks) {
  seed <- sample.int(.Machine$integer.max, 1L)
  stream <- lecuyer_seed(seed)
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
  env <- globalenv()
  old_kind <- RNGkind()
  had_seed <- exists(".Random.seed", envir = env, inherits = FALSE)
  old_seed <- if (had_seed) get(".Random.seed", envir = env, inherits = FALSE)
  on.exit({
    suppressWarnings(RNGkind(old_kind[1], old_kind[2], old_kind[3]))
    if (had_seed) assign(".Random.seed", old_seed, envir = env) else rm(".Random.seed", envir = env)
  })
  RNGkind("L'Ecuyer-CMRG")
  set.seed(seed)
  get(".Random.seed", envir = env, inherits = FALSE)
}

# Splits R resamples into chunks of resample_chunk_size.
chunk_sizes <- function(R) {
  n_chunks <- ceiling(R / resample_chunk_size)
  sizes <- rep(resample_chunk_size, n_chunks)
  sizes[n_chunks] <- R - resample_chunk_size * (n_chunks - 1L)
  as.integer(sizes)
}
