# A small bootstrap with BCa shared by the tests of its methods, made once.
methods_boot_cache <- new.env()

methods_boot <- function() {
  if (is.null(methods_boot_cache$boot)) {
    set.seed(31)
    methods_boot_cache$boot <- pls_boot(pls(small_ecsi_syntax, data = mobi), R = 150)
  }
  methods_boot_cache$boot
}

# The draws of one parameter that the summaries use, by full name.
used_draws <- function(boot, name) boot$draws[boot$status == 0L, name]
