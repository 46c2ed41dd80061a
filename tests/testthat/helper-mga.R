# Plain-R counterparts of the group comparisons (src/permutation.c,
# R/mga.R, R/micom.R), for the tests: the permutations rebuilt from the
# chunk streams, and every group refitted with pls() on its rows.

# The permuted labels of one chunk: a Fisher-Yates shuffle of `labels`, from
# the last position down, each swap partner drawn from the chunk's stream as
# src/rng.c stream_index() draws it (rejection ignored), starting from the
# observed labels for every permutation.
reference_permutations <- function(stream_seed, labels, count) {
  n <- length(labels)
  with_stream(stream_seed, lapply(seq_len(count), function(r) {
    draws <- stream_integers(n - 1L)
    shuffled <- labels
    for (k in seq_len(n - 1L)) {
      i <- n - k + 1L
      j <- (draws[k] - 1) %% i + 1
      shuffled[c(i, j)] <- shuffled[c(j, i)]
    }
    shuffled
  }))
}

# All permutations of a run of R: chunks of 100 from the run's seeds.
reference_run <- function(seeds, labels, R) {
  sizes <- iecpls:::chunk_sizes(R)
  unlist(lapply(seq_along(sizes), function(k) reference_permutations(seeds[, k], labels, sizes[k])),
         recursive = FALSE)
}

# Weights, loadings, paths and R^2 of the model fitted to `data`, in the
# order pls_mga() reports them.
group_estimates <- function(syntax, data, ...) {
  iecpls:::comparison_parameters(pls(syntax, data = data, ...))$estimate
}

# Permutation p values written out: (1 + #(|d*| >= |d|)) / (1 + R).
reference_p_two_sided <- function(observed, draws) {
  (1 + colSums(abs(draws) >= rep(abs(observed), each = nrow(draws)) - 1e-10)) / (1 + nrow(draws))
}

# A random split of the rows into the groups `names`.
random_groups <- function(n, names, seed) {
  set.seed(seed)
  sample(names, n, replace = TRUE)
}
