#' Status codes of fits and resamples
#'
#' Resampling results ([pls_boot()], [pls_mga()], [pls_micom()]) keep a
#' `status` for each resample: 0 for a valid one, otherwise a code saying why
#' it failed or was set aside. The codes, their names and the errors they
#' raise for a single fit come from the package's C code, the one place they
#' are defined; this table translates them.
#'
#' @return A data frame with a row per code: `code`, `name` (for example
#'   `"inadmissible"`: an inadmissible PLSc solution), `reason` (as the
#'   warnings about failed resamples word it) and `class` (the condition
#'   class of the error a single fit raises, `NA` for codes that only mark
#'   resamples; see [iecpls_conditions]).
#' @examples
#' codes <- pls_status_codes()
#' codes
#'
#' # why resamples failed
#' fit <- pls("
#'   IMAG =~ IMAG1 + IMAG2 + IMAG3
#'   SAT  =~ CUSA1 + CUSA2 + CUSA3
#'   SAT ~ IMAG
#' ", data = mobi)
#' boot <- pls_boot(fit, R = 100)
#' table(codes$name[match(boot$status, codes$code)])
#' @export
pls_status_codes <- function() {
  table <- c_codes()$status
  out <- data.frame(code = as.integer(table$code), name = table$name, reason = table$reason, class = table$class,
                    stringsAsFactors = FALSE)
  out$reason[out$name == "ok"] <- "valid"
  out
}
