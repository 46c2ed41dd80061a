# Number of threads for the C loops: the user's `cores`, never more than
# OMP_THREAD_LIMIT (CRAN sets it to 2) or the machine's cores. The C side
# applies the same caps (src/threads.c).
check_cores <- function(cores) {
  check_number(cores, "cores", integer = TRUE)
  limit <- suppressWarnings(as.integer(Sys.getenv("OMP_THREAD_LIMIT", "")))
  available <- parallel::detectCores(logical = TRUE)
  caps <- c(cores, if (!is.na(limit) && limit > 0) limit, if (!is.na(available)) available)
  as.integer(min(caps))
}
