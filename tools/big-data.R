# Sizes the test suite cannot afford (run by hand once, not in CI):
#   Rscript tools/big-data.R            n = 10 million rows of 6 indicators
#   IECPLS_BIG_N=2e7 Rscript tools/big-data.R
# Fits the model with every missing-value rule and runs a short bootstrap,
# printing time and R's peak memory for each step; then, in a child R with
# its address space capped (ulimit -v), shows what running out of memory
# looks like: an R error naming the allocation, never a crash.
#
# Last run (2 cores, n = 1e7): simulate 3.3 s; pls() 1.2 s, peak 1.2 GB
# (data 0.48 GB + standardized copy + scores); integer columns 2.7 s;
# missing = "mean" 0.9 s; "casewise" 2.1 s; pls_boot(R = 20) 14 s. Capped at
# 0.9 GB: "cannot allocate vector of size 457.8 Mb".
library(iecpls)
n <- as.numeric(Sys.getenv("IECPLS_BIG_N", "1e7"))
step <- function(label, expr) {
  gc(reset = TRUE)
  time <- system.time(value <- tryCatch(expr, error = function(e) e))[["elapsed"]]
  peak <- sum(gc()[, 6])
  outcome <- if (inherits(value, "error")) paste("ERROR:", conditionMessage(value)) else "ok"
  cat(sprintf("%-40s %7.1f s  peak %6.0f MB  %s\n", label, time, peak, outcome))
  invisible(value)
}
syntax <- "A =~ a1 + a2 + a3\nB =~ b1 + b2 + b3\nB ~ A"
set.seed(1)
data <- step(sprintf("simulate n = %.0f", n), {
  a <- stats::rnorm(n)
  b <- 0.5 * a + sqrt(0.75) * stats::rnorm(n)
  out <- data.frame(a1 = a, a2 = a, a3 = a, b1 = b, b2 = b, b3 = b)
  out[] <- lapply(out, function(x) 0.8 * x + 0.6 * stats::rnorm(n))
  out
})
fit <- step("pls()", pls(syntax, data = data))
step("pls(), integer columns", pls(syntax, data = as.data.frame(lapply(data, function(x) as.integer(round(5 * x))))))
data$a1[seq(1, n, by = 1000)] <- NA
step("pls(missing = 'mean')", pls(syntax, data = data, missing = "mean"))
step("pls(missing = 'casewise')", suppressMessages(pls(syntax, data = data, missing = "casewise")))
step("pls_boot(R = 20, bca = FALSE, cores = 2)", pls_boot(fit, R = 20, bca = FALSE, cores = 2))
print(fit$path_coef)
rm(data)

# Out of memory: 10 million rows with the address space capped at 0.9 GB (the data fit, the fit does not).
child <- tempfile(fileext = ".R")
writeLines(c(
  "library(iecpls)",
  sprintf("n <- %.0f", n),
  "x <- stats::rnorm(n)",
  "data <- data.frame(a1 = x, a2 = x + stats::rnorm(n), a3 = -x, b1 = x, b2 = x^2, b3 = x + 1)",
  "r <- tryCatch(pls('A =~ a1 + a2 + a3\\nB =~ b1 + b2 + b3\\nB ~ A', data = data), error = conditionMessage)",
  "cat('child result:', if (is.character(r)) r else 'fitted', '\\n')"
), child)
status <- system2("bash", c("-c", shQuote(sprintf("ulimit -v 900000; %s --vanilla -q -f %s", file.path(R.home("bin"), "R"), child))),
                  stdout = TRUE, stderr = TRUE)
cat("With ulimit -v 900000 (0.9 GB):\n", paste(" ", utils::tail(status, 4), collapse = "\n"), "\n")
unlink(child)
