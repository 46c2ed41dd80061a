# Classed conditions (R/conditions.R, ?iecpls_conditions): every error has
# class iecpls_error and every warning iecpls_warning, with a family and
# often a specific class, so callers catch kinds of problems, not messages.

# --- The scan ---------------------------------------------------------------
# Walks every function of the namespace (formals and body, nested function
# definitions included), so it checks the installed package without its
# sources, and lists each call that raises an error or warning without a
# class under the root: cli_abort(), cli_warn(), rlang's abort(), base
# stop()/warning() unless given an errorCondition()/warningCondition(), and
# match.arg() (whose error has no class; match_arg() raises an input error).
# Calls to the helpers (abort_input() and the like) need no class of their
# own: the helpers add the family and the root.

raising_calls <- c(cli_abort = "iecpls_error", abort = "iecpls_error", stop = "iecpls_error",
                   cli_warn = "iecpls_warning", warning = "iecpls_warning")

# The name of the function a call calls: `f` in f(), cli::f() or pkg:::f().
called_name <- function(x) {
  f <- x[[1]]
  if (is.symbol(f)) return(as.character(f))
  if (is.call(f) && as.character(f[[1]]) %in% c("::", ":::")) return(as.character(f[[3]]))
  ""
}

# NULL when `x` raises nothing or has a class ending in the root; otherwise
# what is wrong with it.
class_problem <- function(x) {
  name <- called_name(x)
  if (name == "match.arg") return("match.arg() instead of match_arg()")
  if (!name %in% names(raising_calls)) return(NULL)
  root <- raising_calls[[name]]
  args <- as.list(x)[-1]
  if (name %in% c("stop", "warning")) {
    condition <- if (length(args)) args[[1]]
    built <- is.call(condition) && called_name(condition) %in% c("errorCondition", "warningCondition")
    if (!built) return("base condition without a class")
    args <- as.list(condition)[-1]
  }
  class <- args[["class"]]
  if (is.null(class)) return("no class")
  last <- if (is.character(class)) {
    class[length(class)]
  } else if (is.call(class) && identical(class[[1]], as.name("c"))) {
    class[[length(class)]]
  }
  if (!identical(last, root)) return(paste0("class does not end in \"", root, "\""))
  NULL
}

# Every problem in expression (or pairlist) `x`, as "problem: call" strings.
class_problems <- function(x) {
  found <- character()
  if (is.call(x)) {
    problem <- class_problem(x)
    if (!is.null(problem)) found <- paste0(problem, ": ", paste(deparse(x, width.cutoff = 80L), collapse = " "))
  }
  if (is.call(x) || is.pairlist(x)) {
    for (i in seq_along(x)) {
      # symbols (the empty one of a missing argument too) hold no calls
      if (!is.symbol(x[[i]])) found <- c(found, class_problems(x[[i]]))
    }
  }
  found
}

namespace_functions <- function() {
  ns <- asNamespace("iecpls")
  names <- ls(ns, all.names = TRUE)
  functions <- mget(names, envir = ns)
  functions[vapply(functions, function(f) is.function(f) && !is.primitive(f), logical(1))]
}

# Base-R tooling for tools/install-deps.R (R/deps.R): internal, run before
# any package is installed, so its plain stop() calls are exempt.
unclassed_tooling <- c("deps_parse", "deps_declared", "deps_installed", "deps_meets", "deps_to_install",
                       "deps_repo_version", "deps_check_available")

# match_arg() calls match.arg() and turns its error into an input error.
classing_wrappers <- "match_arg"

scan_problems <- function(functions) {
  found <- lapply(names(functions), function(name) {
    f <- functions[[name]]
    problems <- c(class_problems(formals(f)), class_problems(body(f)))
    if (length(problems)) paste0(name, "(): ", problems)
  })
  stats::setNames(found, names(functions))
}

test_that("the scan finds unclassed and wrongly classed errors and warnings", {
  problems <- function(f) unlist(scan_problems(list(f = f)))
  expect_length(problems(function(x) if (x) stop("no")), 1L)
  expect_length(problems(function() cli::cli_abort("no class", call = NULL)), 1L)
  expect_length(problems(function() cli::cli_warn("wrong root", class = "iecpls_error")), 1L)
  expect_length(problems(function() cli::cli_abort("x", class = c("a", "pls_error"))), 1L)
  expect_length(problems(function() abort("x")), 1L) # rlang::abort() unqualified (a qualified call would be an undeclared import)
  expect_length(problems(function() warning("x")), 1L)
  # nested definitions and default arguments are scanned too
  expect_length(problems(function(x = stop("x")) NULL), 1L)
  expect_length(problems(function() lapply(1, function(i) list(a = function() cli::cli_warn("x")))), 1L)
  # a missing argument (x[, 1]) does not stop the walk
  expect_length(problems(function(x) x[, stop("x")]), 1L)
  expect_length(problems(function(type = c("a", "b")) match.arg(type)), 1L)
  expect_null(problems(function() cli::cli_abort("x", class = c("a", "iecpls_input_error", "iecpls_error"))))
  expect_null(problems(function() cli::cli_warn("x", class = c(kind, "iecpls_warning"))))
  expect_null(problems(function() stop(errorCondition("x", class = c("a", "iecpls_error")))))
  expect_null(problems(function() abort_input("helpers add the classes")))
})

test_that("every error and warning of the package has a class under the root (#16)", {
  functions <- namespace_functions()
  exempt <- c(unclassed_tooling, classing_wrappers)
  expect_true(all(exempt %in% names(functions)))
  problems <- scan_problems(functions[setdiff(names(functions), exempt)])
  problems <- unlist(problems, use.names = FALSE)
  expect(length(problems) == 0L,
         paste(c("Errors or warnings without a class under iecpls_error/iecpls_warning:", problems),
               collapse = "\n"))
})

# The C status errors (classes from the codes table of src/call_codes.c).
test_that("a singular Mode B block is an iecpls_singular_block estimation error", {
  data <- mobi
  data$IMAG6 <- data$IMAG1 - 2 * data$IMAG3
  syntax <- sub("IMAG5", "IMAG5 + IMAG6", sub("Image        =~", "Image <~", ecsi_syntax))
  err <- expect_error(pls(syntax, data = data), class = "iecpls_singular_block")
  expect_s3_class(err, c("iecpls_singular_block", "iecpls_estimation_error", "iecpls_error"), exact = FALSE)
})

# --- Conditions raised ------------------------------------------------------

# The iecpls classes of the condition `expr` signals, most specific first.
iecpls_class <- function(expr, type = "error") {
  condition <- if (type == "error") expect_error(expr) else expect_warning(expr)
  grep("^iecpls_", class(condition), value = TRUE)
}

test_that("each family is used where its help page says", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  expect_identical(iecpls_class(pls(small_ecsi_syntax, data = mobi, tol = 0)),
                   c("iecpls_input_error", "iecpls_error"))
  expect_identical(iecpls_class(parse_model("Image =~")),
                   c("iecpls_syntax_error", "iecpls_model_error", "iecpls_error"))
  renamed <- mobi
  names(renamed)[names(renamed) == "IMAG1"] <- "imag1"
  expect_identical(iecpls_class(pls(small_ecsi_syntax, data = renamed)),
                   c("iecpls_unknown_column", "iecpls_data_error", "iecpls_error"))
  expect_identical(iecpls_class(pls(small_ecsi_syntax, data = mobi, modes = c(Imag = "B"))),
                   c("iecpls_unknown_name", "iecpls_input_error", "iecpls_error"))
  text <- mobi
  text$IMAG1 <- as.character(text$IMAG1)
  expect_identical(iecpls_class(pls(small_ecsi_syntax, data = text)),
                   c("iecpls_non_numeric_column", "iecpls_data_error", "iecpls_error"))
  expect_identical(iecpls_class(pls(small_ecsi_syntax, data = mobi[1:2, ])),
                   c("iecpls_too_few_cases", "iecpls_data_error", "iecpls_error"))
  expect_identical(iecpls_class(pls(small_ecsi_syntax, data = mobi, case_weights = rep(-1, 250))),
                   c("iecpls_case_weights_error", "iecpls_data_error", "iecpls_error"))
  from_cor <- pls(small_ecsi_syntax, S = stats::cor(mobi))
  expect_identical(iecpls_class(pls_boot(from_cor, R = 10)),
                   c("iecpls_needs_data", "iecpls_input_error", "iecpls_error"))
  expect_identical(iecpls_class(pls_mga(fit, group = rep(1, 250), R = 10)),
                   c("iecpls_group_error", "iecpls_data_error", "iecpls_error"))
  expect_identical(iecpls_class(pls(small_ecsi_syntax, data = mobi, max_iter = 2), "warning"),
                   c("iecpls_not_converged_warning", "iecpls_warning"))
})

test_that("an error in one group keeps its classes and the original as parent", {
  data <- mobi
  data$IMAG1[1:125] <- 5L # constant in the first group
  fit <- pls(small_ecsi_syntax, data = data)
  err <- expect_error(pls_mga(fit, group = rep(1:2, each = 125), R = 10), "in group .1.", class = "iecpls_error")
  expect_s3_class(err$parent, "error")
  kept <- function(condition, root) setdiff(grep("^iecpls_", class(condition), value = TRUE), root)
  err <- expect_error(in_group("A", abort_data("Too few.", class = "iecpls_too_few_cases")), "in group .A.")
  expect_identical(kept(err, "iecpls_error"), c("iecpls_too_few_cases", "iecpls_data_error"))
  expect_identical(conditionMessage(err$parent), "Too few.")
  # an error from outside iecpls becomes an estimation error
  err <- expect_error(in_group("A", stop("base")), "in group .A.")
  expect_identical(kept(err, "iecpls_error"), "iecpls_estimation_error")
  # warnings likewise
  warned <- expect_warning(in_group("A", warn_iecpls("Careful.", class = "iecpls_test_warning")), "In group .A.: Careful")
  expect_identical(kept(warned, "iecpls_warning"), "iecpls_test_warning")
  warned <- expect_warning(in_group("A", warning("base")), "In group .A.: base")
  expect_identical(kept(warned, "iecpls_warning"), "iecpls_group_warning")
})

test_that("match_arg() matches as match.arg() does, with an input error naming the argument", {
  f <- function(type = c("percentile", "bca"), several = c("IA", "LM")) {
    list(match_arg(type), match_arg(several, several.ok = TRUE))
  }
  expect_identical(f(), list("percentile", c("IA", "LM")))
  expect_identical(f("b", "L"), list("bca", "LM"))
  expect_identical(f(NULL), list("percentile", c("IA", "LM")))
  err <- expect_error(f("normal"), class = "iecpls_input_error")
  expect_match(conditionMessage(err), "`type` must be one of \"percentile\" or \"bca\", not \"normal\"")
  expect_error(f(3), "`type` must be one of .*, not a number", class = "iecpls_input_error")
  expect_error(f(c("percentile", "bca", "x")), "not a character vector", class = "iecpls_input_error")
  expect_error(f(several = "none"), "`several` must be one or more of", class = "iecpls_input_error")
  expect_error(pls(small_ecsi_syntax, data = mobi, scheme = "pathh"), "`scheme` must be one of",
               class = "iecpls_input_error")
})

test_that("the helpers interpolate in the caller and never evaluate values", {
  name <- "{stop('evaluated')}"
  err <- expect_error(abort_input("Bad {.val {name}}."), class = "iecpls_input_error")
  expect_match(conditionMessage(err), "stop('evaluated')", fixed = TRUE)
  expect_null(conditionCall(err))
  err <- expect_error(abort_internal("Impossible."), class = "iecpls_internal_error")
  expect_match(conditionMessage(err), "bug in iecpls")
  expect_warning(warn_iecpls("Careful {name}.", class = "iecpls_test_warning"), "stop('evaluated')",
                 fixed = TRUE, class = "iecpls_test_warning")
})
