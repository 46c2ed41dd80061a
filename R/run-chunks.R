# Runs the chunks of a resampling loop (bootstrap, permutations, jackknife).
# `worker` is the function that runs a batch of chunks,
# worker(problem, seeds, sizes, threads), and returns list(stats, status)
# with one row per resample, in chunk order; `problem` holds everything that
# is the same for all chunks, and `seeds` one column per chunk (its random
# stream, or whatever else identifies the chunk).
#
# With a non-sequential future plan the chunks are evaluated as futures
# (one per worker) and merged; otherwise they run in batches of
# OpenMP-parallel chunks. Between batches R can be interrupted and the
# progress bar (shown when the run takes more than about two seconds)
# moves; batches grow until each takes about half a second.
run_chunks <- function(worker, problem, seeds, sizes, cores, label) {
  if (use_futures()) return(run_chunks_futures(worker, problem, seeds, sizes))
  # Closed by hand: when an interrupt (or a time limit) lands inside cli's
  # own update, cli's automatic closing fails with an error of its own that
  # would replace the interrupt.
  bar <- cli::cli_progress_bar(label, total = sum(sizes), clear = TRUE, .auto_close = FALSE)
  on.exit(try(cli::cli_progress_done(id = bar), silent = TRUE), add = TRUE)
  pieces <- list()
  done <- 0L
  batch <- cores
  while (done < length(sizes)) {
    chunks <- seq(done + 1L, min(done + batch, length(sizes)))
    started <- proc.time()[["elapsed"]]
    pieces[[length(pieces) + 1L]] <- worker(problem, seeds[, chunks, drop = FALSE], sizes[chunks], cores)
    seconds <- proc.time()[["elapsed"]] - started
    done <- max(chunks)
    cli::cli_progress_update(id = bar, inc = sum(sizes[chunks]))
    batch <- next_batch_size(batch, seconds, cores)
  }
  cli::cli_progress_done(id = bar)
  merge_pieces(pieces)
}

# Chunks in the next batch: aim at about half a second per batch.
next_batch_size <- function(batch, seconds, cores) {
  target <- if (seconds > 0) batch * 0.5 / seconds else batch * 8
  as.integer(max(cores, min(batch * 8, floor(target / cores) * cores)))
}

use_futures <- function() {
  requireNamespace("future", quietly = TRUE) && !inherits(future::plan(), "sequential")
}

run_chunks_futures <- function(worker, problem, seeds, sizes) {
  workers <- max(1L, future::nbrOfWorkers())
  groups <- split(seq_along(sizes), rep_len(seq_len(workers), length(sizes)))
  groups <- lapply(groups, sort)
  futures <- lapply(groups, function(chunks) {
    future::future(quote(worker(problem, seeds, sizes, 1L)), substitute = FALSE, seed = NULL,
                   globals = list(worker = worker, problem = problem,
                                  seeds = seeds[, chunks, drop = FALSE], sizes = sizes[chunks]),
                   packages = "iecpls")
  })
  pieces <- lapply(futures, future::value)
  order <- order(unlist(lapply(groups, function(chunks) {
    rep(chunks, sizes[chunks])
  }), use.names = FALSE))
  merged <- merge_pieces(pieces)
  list(stats = merged$stats[order, , drop = FALSE], status = merged$status[order])
}

merge_pieces <- function(pieces) {
  if (length(pieces) == 1L) pieces[[1L]] else c_merge_rows(pieces)
}
