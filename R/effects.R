# Direct, indirect and total effects of a recursive structural model.

# Total effects T = B + B^2 + ... (B nilpotent for a recursive model).
total_effects <- function(path_coef) {
  total <- power <- path_coef
  for (step in seq_len(max(0, nrow(path_coef) - 2))) {
    power <- power %*% path_coef
    if (all(power == 0)) break
    total <- total + power
  }
  total
}

# Every directed chain of two or more paths, as a list of construct index
# vectors (e.g. c(1, 4, 7) for 1 -> 4 -> 7).
indirect_chains <- function(inner, limit = 2000L) {
  K <- nrow(inner)
  chains <- list()
  extend <- function(chain) {
    last <- chain[length(chain)]
    for (nxt in which(inner[last, ] != 0)) {
      longer <- c(chain, nxt)
      if (length(longer) >= 3L) {
        if (length(chains) >= limit) {
          cli::cli_abort("The structural model has more than {limit} specific indirect effects.", call = NULL)
        }
        chains[[length(chains) + 1L]] <<- longer
      }
      extend(longer)
    }
  }
  for (start in seq_len(K)) extend(start)
  chains
}

# Pairs (i, j) joined by at least one directed chain, as a two-column matrix
# of construct indices (outcome-major order).
reachable_pairs <- function(inner) {
  reach <- total_effects(inner != 0) != 0
  index <- which(reach, arr.ind = TRUE)
  index[order(index[, 2], index[, 1]), , drop = FALSE]
}
