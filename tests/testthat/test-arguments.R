# The argument vocabulary (R/arguments.R, ?iecpls_arguments): one name for
# one meaning. The scan walks the formals of every exported function and S3
# method of the namespace, so a new function that brings back a retired name
# or gives `level` or `alpha` another meaning fails here.

# --- The scan ---------------------------------------------------------------

retired_arguments <- c(boot = "R", repetitions = "reps", absolute = "htmt_absolute",
                       which = "what", parameters = "parm")

# The user-facing functions: exports and registered S3 methods, by name.
user_functions <- function(ns = asNamespace("iecpls")) {
  methods <- getNamespaceInfo(ns, "S3methods")[, 3]
  names <- sort(unique(c(getNamespaceExports(ns), methods)))
  functions <- mget(names, envir = ns, mode = "function", ifnotfound = list(NULL), inherits = FALSE)
  functions[!vapply(functions, is.null, logical(1))]
}

# A default written as a string or as c() of strings (a list of choices).
character_default <- function(x) {
  is.character(x) || (is.call(x) && identical(x[[1]], as.name("c")) &&
                        all(vapply(as.list(x)[-1], is.character, logical(1))))
}

no_default <- function(x) identical(x, quote(expr = ))

# One line per misuse in `functions` (a named list), or character(0).
vocabulary_problems <- function(functions) {
  problems <- lapply(names(functions), function(name) {
    args <- formals(functions[[name]])
    retired <- intersect(names(args), names(retired_arguments))
    c(sprintf("%s(%s): retired name, use `%s`", name, retired, retired_arguments[retired]),
      if ("level" %in% names(args) && character_default(args$level)) {
        sprintf("%s(level): a choice of strings; `level` is a confidence level only, use `what`", name)
      },
      if ("alpha" %in% names(args) && !(no_default(args$alpha) || is.numeric(args$alpha))) {
        sprintf("%s(alpha): a non-numeric default; `alpha` is a significance level only", name)
      })
  })
  as.character(unlist(problems))
}

# --- The tests --------------------------------------------------------------

test_that("the scan finds retired names and other meanings of level and alpha", {
  fake <- list(
    f = function(fit, boot = 0L) NULL,
    g = function(x, which = c("a", "b"), level = c("constructs", "indicators")) NULL,
    h = function(fit, alpha = "two.sided", parameters = "path", repetitions = 2, absolute = FALSE) NULL,
    ok = function(object, parm, level = 0.95, alpha = 0.05, what = c("a", "b")) NULL,
    ok2 = function(x, level = x$level, alpha) NULL
  )
  problems <- vocabulary_problems(fake)
  expect_length(problems, 7)
  expect_match(problems, "^(f|g|h)\\(")
  expect_true("f(boot): retired name, use `R`" %in% problems)
  expect_true(any(grepl("^g\\(level\\)", problems)))
  expect_true(any(grepl("^h\\(alpha\\)", problems)))
})

test_that("no exported function or S3 method uses a retired name or another meaning of level or alpha", {
  functions <- user_functions()
  # the walk reaches the exports and the methods (also those registered
  # lazily for ggplot2)
  expect_true(all(c("pls", "pls_htmt", "plot.pls_boot", "autoplot.pls_ipma", "tidy.pls_ipma") %in%
                    names(functions)))
  expect_identical(vocabulary_problems(functions), character())
})

test_that("the functions ?iecpls_arguments lists take its names", {
  functions <- user_functions()
  takes <- list(
    R = c("pls", "pls_boot", "pls_mga", "pls_micom", "pls_cvpat", "pls_power", "pls_copula", "pls_model_fit",
          "pls_cta", "pls_nca", "pls_explain_segments"),
    reps = c("pls_predict", "pls_cvpat", "pls_power"),
    starts = c("pls_fimix", "pls_pos"),
    level = c("pls_boot", "confint.pls_boot", "confint.pls_fit", "plot.pls_boot", "autoplot.pls_boot",
              "pls_slopes", "pls_conditional_effects", "pls_copula", "pls_cta"),
    alpha = c("pls_micom", "pls_power", "pls_sample_size"),
    what = c("coef.pls_fit", "tidy.pls_fit", "as.data.frame.pls_fit", "tidy.pls_mga", "as.data.frame.pls_mga",
             "tidy.pls_predict", "as.data.frame.pls_predict", "pls_vif", "plot.summary.pls_fit",
             "autoplot.summary.pls_fit", "autoplot.pls_fit", "plot.pls_ipma",
             "autoplot.pls_ipma", "tidy.pls_ipma", "as.data.frame.pls_ipma", "plot.pls_slopes",
             "tidy.pls_conditional_effects", "as.data.frame.pls_conditional_effects", "tidy.pls_nca",
             "as.data.frame.pls_nca", "tidy.pls_segment_explain", "as.data.frame.pls_segment_explain",
             "tidy.pls_fimix", "as.data.frame.pls_fimix", "tidy.pls_pos", "as.data.frame.pls_pos"),
    parm = c("confint.pls_boot", "coef.pls_boot", "vcov.pls_boot", "tidy.pls_boot", "plot.pls_boot",
             "autoplot.pls_boot", "confint.pls_fit"),
    htmt_absolute = c("pls_htmt", "summary.pls_fit", "pls_boot")
  )
  for (arg in names(takes)) {
    for (name in takes[[arg]]) {
      expect_true(arg %in% names(formals(functions[[name]])), label = paste0(name, "(", arg, ")"))
    }
  }
  # and no other user function takes them, so the page's lists are whole
  for (arg in names(takes)) {
    takers <- names(functions)[vapply(functions, function(f) arg %in% names(formals(f)), logical(1))]
    expect_setequal(takers, takes[[arg]])
  }
  # broom's names stay on tidy() of a bootstrap
  expect_true(all(c("conf.level", "conf.method") %in% names(formals(functions[["tidy.pls_boot"]]))))
})
