# Direct, indirect and total effects of a recursive structural model.

# Total effects T = B + B^2 + ... (B nilpotent for a recursive model), by
# the C code that forms every resample's total effects (src/statistics.c).
total_effects <- function(path_coef) c_total_effects(path_coef)

# Every directed chain of two or more paths, as a list of construct index
# vectors (e.g. c(1, 4, 7) for 1 -> 4 -> 7). A dense model can have very
# many; past `limit` none are listed (with a warning).
indirect_chains <- function(inner, limit = 10000L) {
  chains <- list()
  extend <- function(chain) {
    for (following in which(inner[chain[length(chain)], ] != 0)) {
      longer <- c(chain, following)
      if (length(longer) >= 3L) {
        if (length(chains) >= limit) return(FALSE)
        chains[[length(chains) + 1L]] <<- longer
      }
      if (isFALSE(extend(longer))) return(FALSE)
    }
    TRUE
  }
  for (start in seq_len(nrow(inner))) {
    if (isFALSE(extend(start))) {
      warn_iecpls("More than {limit} indirect chains: specific indirect effects are not listed.",
                  class = "iecpls_effects_warning")
      return(list())
    }
  }
  chains
}

# Pairs (i, j) joined by at least one directed chain, as a two-column matrix
# of construct indices (outcome-major order).
reachable_pairs <- function(inner) {
  reach <- total_effects(inner != 0) != 0
  index <- which(reach, arr.ind = TRUE)
  index[order(index[, 2], index[, 1]), , drop = FALSE]
}
