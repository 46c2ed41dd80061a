# Memory a resampling run needs, checked before anything is allocated: a run
# keeps every draw (rows x columns doubles and an integer status per row),
# and while its batches are merged it holds them twice.

resample_bytes <- function(rows, columns) {
  2 * as.double(rows) * (8 * as.double(columns) + 4)
}

# Memory available to R in bytes: MemAvailable of /proc/meminfo (Linux), or
# NA where the system does not say (then nothing is refused).
available_memory <- function(meminfo = "/proc/meminfo") {
  if (!file.exists(meminfo)) return(NA_real_)
  lines <- tryCatch(readLines(meminfo, warn = FALSE), error = function(e) character(0))
  line <- grep("^MemAvailable:", lines, value = TRUE)
  kb <- suppressWarnings(as.numeric(sub("^MemAvailable:[[:space:]]*([0-9]+).*$", "\\1", line)))
  if (length(kb) != 1L || is.na(kb)) NA_real_ else kb * 1024
}

# Whole counts with thousands separators, never in scientific notation.
format_count <- function(x) format(x, big.mark = ",", scientific = FALSE)

format_bytes <- function(bytes) {
  units <- c("bytes", "KB", "MB", "GB", "TB", "PB")
  power <- max(0, min(length(units) - 1, floor(log(max(bytes, 1), 1024))))
  paste(format(signif(bytes / 1024^power, 3), big.mark = ","), units[power + 1])
}

# Refuses a run whose draws would not fit in the memory available, naming
# both figures and the argument that sets the number of draws.
check_resample_memory <- function(rows, columns, what, arg = "R", available = available_memory()) {
  need <- resample_bytes(rows, columns)
  if (is.na(available) || need <= available) return(invisible(need))
  abort_iecpls(c(
    "{what} would need about {format_bytes(need)} of memory for its draws, but only {format_bytes(available)} is available.",
    "i" = "{format_count(rows)} draws of {columns} statistic{?s} are kept (and copied once while they are merged).",
    "i" = "Use a smaller {.arg {arg}}: at most about {format_count(max(1, floor(available / resample_bytes(1, columns))))} fit in the memory available."),
    family = "iecpls_memory_error")
}
