# Helpers shared by the benchmark scripts: timing, and the same model in the
# peers' own specification languages (built from a parsed iecpls model).

median_seconds <- function(expr, reps = 10L) {
  expr <- substitute(expr)
  env <- parent.frame()
  eval(expr, env) # warm-up
  times <- vapply(seq_len(reps), function(i) system.time(eval(expr, env))[["elapsed"]], numeric(1))
  c(median = stats::median(times), min = min(times), max = max(times))
}

have <- function(pkg) requireNamespace(pkg, quietly = TRUE)

# lavaan-style syntax as cSEM and matrixpls read it (an interaction X:M is
# cSEM's X.M).
peer_syntax <- function(model) {
  measurement <- vapply(model$constructs, function(k) {
    paste(k, if (model$modes[[k]] == "B") "<~" else "=~", paste(model$blocks[[k]], collapse = " + "))
  }, character(1))
  outcomes <- model$constructs[colSums(model$inner) > 0]
  structural <- vapply(outcomes, function(k) {
    terms <- model$interactions$term[model$interactions$outcome == k]
    paste(k, "~", paste(c(model$constructs[model$inner[, k] != 0], sub(":", ".", terms, fixed = TRUE)),
                        collapse = " + "))
  }, character(1))
  paste(c(measurement, structural), collapse = "\n")
}

seminr_model <- function(model) {
  composites <- lapply(model$constructs, function(k) {
    weights <- if (model$modes[[k]] == "B") seminr::mode_B else seminr::mode_A
    # a higher-order construct (two-stage, disjoint: seminr's only approach)
    if (k %in% model$hoc$hoc) return(seminr::higher_composite(k, model$blocks[[k]], method = seminr::two_stage, weights = weights))
    seminr::composite(k, model$blocks[[k]], weights = weights)
  })
  edges <- which(model$inner != 0, arr.ind = TRUE)
  paths <- lapply(seq_len(nrow(edges)), function(e) {
    seminr::paths(from = model$constructs[edges[e, 1]], to = model$constructs[edges[e, 2]])
  })
  # interaction terms (two-stage), named "X*M" by seminr
  rows <- model$interactions
  if (!is.null(rows)) {
    terms <- unique(rows[c("term", "a", "b")])
    composites <- c(composites, lapply(seq_len(nrow(terms)), function(i) {
      seminr::interaction_term(iv = terms$a[i], moderator = terms$b[i], method = seminr::two_stage)
    }))
    paths <- c(paths, lapply(seq_len(nrow(rows)), function(i) {
      seminr::paths(from = paste0(rows$a[i], "*", rows$b[i]), to = rows$outcome[i])
    }))
  }
  list(measurement = do.call(seminr::constructs, composites),
       structural = do.call(seminr::relationships, paths))
}

ratio_table <- function(rows) {
  out <- do.call(rbind, lapply(rows, as.data.frame))
  reference <- out$median[out$package == "iecpls"]
  out$ratio <- round(out$median / reference, 1)
  out
}
