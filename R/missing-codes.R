# Numeric missing-value codes left in the data. A survey exported with -99
# for "no answer" and fitted without `na_values` treats -99 as an answer,
# silently (SC -> CUSL in the corporate reputation model falls from 0.24 to
# 0.05). The rule, stated in ?pls (argument na_values), is applied in C
# (src/screen.c), which says what counts as a likely code; this file words
# the warning.

# For each column (`columns` as c_fit_data() takes them, or their
# c_missing_codes() matrix): list(codes, counts, range), the likely codes,
# how often each occurs and the range of the other values.
likely_missing_codes <- function(columns, found = c_missing_codes(columns)) {
  max_codes <- (nrow(found) - 2L) %/% 2L
  lapply(seq_len(ncol(found)), function(j) {
    codes <- found[2L + seq_len(max_codes), j]
    counts <- found[2L + max_codes + seq_len(max_codes), j]
    list(codes = codes[!is.na(codes)], counts = counts[!is.na(codes)], range = found[1:2, j])
  })
}

# The warning pls() gives, once, for all columns with likely codes.
warn_missing_codes <- function(columns, names) {
  found <- c_missing_codes(columns)
  if (all(is.na(found[3L, ]))) return(invisible()) # no column has a code: the usual case, kept cheap
  found <- likely_missing_codes(found = found)
  flagged <- which(vapply(found, function(f) length(f$codes) > 0L, logical(1)))
  if (!length(flagged)) return(invisible())
  lines <- vapply(flagged, function(j) {
    f <- found[[j]]
    sprintf("%s: %s; its other values lie between %s and %s", names[j],
            paste0(format_code(f$codes), " (", times(f$counts), ")", collapse = " and "),
            format_code(f$range[1]), format_code(f$range[2]))
  }, character(1))
  shown <- seq_len(min(length(lines), 10L))
  bullets <- stats::setNames(sprintf("{lines[%d]}", shown), rep("*", length(shown)))
  if (length(lines) > 10L) bullets <- c(bullets, "*" = paste("...and", length(lines) - 10L, "more columns"))
  all_codes <- sort(unique(unlist(lapply(found, `[[`, "codes"))))
  suggestion <- paste0("na_values = ", if (length(all_codes) == 1L) format_code(all_codes)
                       else paste0("c(", paste(format_code(all_codes), collapse = ", "), ")"))
  cli::cli_warn(c(
    "{cli::qty(length(flagged))}{?A column holds a value/Columns hold values} that look{?s/} like missing-value code{?s}, fitted as answers:",
    bullets,
    "i" = "If they mean \"no answer\", declare them: {.code {suggestion}}.",
    "i" = "If they are real answers, silence this warning with {.code suppressWarnings(classes = \"iecpls_missing_code_warning\")}."
  ), class = c("iecpls_missing_code_warning", "iecpls_warning"), call = NULL)
}

times <- function(n) ifelse(n == 1, "once", paste(vapply(n, format_count, ""), "times"))

format_code <- function(x) format(x, scientific = FALSE, trim = TRUE, drop0trailing = TRUE)
