# Input checks (R/checks.R): every bad input gets an error that names the
# problem, and every accepted input type gives the same fit.

# A haven-style labelled column built by hand (haven is not a dependency).
labelled_column <- function(x, labels = c(low = 1, high = 10), ...) {
  structure(as.double(x), labels = labels, label = "an item", ...,
            class = c("haven_labelled", "vctrs_vctr", "double"))
}

# The message of the error an expression signals (fails the test when none).
error_message <- function(expr) conditionMessage(expect_error(expr))

# A fit without its call, for identical() across ways of giving the data.
without_call <- function(fit) {
  fit$call <- NULL
  fit
}

test_that("text, plain factors and other classes are errors listing the columns", {
  data <- mobi
  data$IMAG1 <- as.character(data$IMAG1)
  data$CUSA2 <- factor(data$CUSA2)
  data$CUSL3 <- as.Date(data$CUSL3, origin = "2020-01-01")
  message <- error_message(pls(ecsi_syntax, data = data))
  expect_match(message, "3 indicators are not numeric")
  expect_match(message, "IMAG1. is a character vector")
  expect_match(message, "CUSA2. is a <factor> object")
  expect_match(message, "CUSL3. is a <Date> object")
  # numbers in a class R cannot read as plain doubles (bit64's integer64)
  data <- mobi
  data$PERV1 <- structure(as.double(data$PERV1), class = "integer64")
  expect_error(pls(ecsi_syntax, data = data), "PERV1. is an <integer64> object", class = "iecpls_non_numeric_column")
  data <- mobi
  data$PERV1 <- as.complex(data$PERV1)
  expect_error(pls(ecsi_syntax, data = data), "PERV1. is a complex vector")
  data$PERV1 <- I(as.list(mobi$PERV1))
  expect_error(pls(ecsi_syntax, data = data), "PERV1. is")
  expect_error(pls(ecsi_syntax, data = as.matrix(data.frame(lapply(mobi, as.character)))),
               "character matrix")
})

test_that("ordered factors, labelled and logical columns are converted with a message", {
  # ordered factors are ordinal by default (test-ordinal-pls.R); with
  # ordinal = FALSE their integer codes are numbers
  fit <- pls(ecsi_syntax, data = mobi)
  data <- mobi
  data$CUSCO <- factor(mobi$CUSCO, levels = 1:10, ordered = TRUE)
  data$IMAG1 <- labelled_column(mobi$IMAG1)
  data$IMAG2 <- structure(mobi$IMAG2, labels = c(low = 1L), class = c("haven_labelled", "vctrs_vctr", "integer"))
  messages <- character()
  converted <- withCallingHandlers(pls(ecsi_syntax, data = data, ordinal = FALSE), message = function(m) {
    messages <<- c(messages, conditionMessage(m))
    invokeRestart("muffleMessage")
  })
  expect_length(messages, 2)
  expect_match(messages[1], "Ordered factor .CUSCO. is used as its integer codes")
  expect_match(messages[2], "Labelled columns .IMAG1. and .IMAG2. are used as their numeric codes")
  expect_identical(converted$outer_weights, fit$outer_weights)
  expect_identical(converted$path_coef, fit$path_coef)

  # SPSS user-missing codes (haven::read_sav(user_na = TRUE)) are missing
  spss <- mobi
  spss$IMAG1 <- structure(as.double(mobi$IMAG1), labels = c(refused = 99), na_values = 99, na_range = c(90, 98),
                          class = c("haven_labelled_spss", "haven_labelled", "vctrs_vctr", "double"))
  spss$IMAG1[1:3] <- c(99, 95, 90)
  expected <- mobi
  expected$IMAG1 <- as.double(expected$IMAG1)
  expected$IMAG1[1:3] <- NA
  expect_message(from_spss <- pls(ecsi_syntax, data = spss, missing = "mean"), "Labelled column .IMAG1.")
  expect_identical(from_spss$outer_weights, pls(ecsi_syntax, data = expected, missing = "mean")$outer_weights)

  # logical columns are 0/1
  binary <- mobi
  binary$CUSCO <- mobi$CUSCO > 5
  as_numbers <- mobi
  as_numbers$CUSCO <- as.integer(mobi$CUSCO > 5)
  expect_message(from_logical <- pls(ecsi_syntax, data = binary), "Logical column .CUSCO. is used as 0 .FALSE. and 1 .TRUE.")
  expect_identical(from_logical$outer_weights, pls(ecsi_syntax, data = as_numbers)$outer_weights)
})

test_that("infinite values name the column and rows; NaN counts as missing", {
  data <- mobi
  data$CUSA1 <- as.double(data$CUSA1)
  data$CUSA1[c(4, 9)] <- c(Inf, -Inf)
  message <- error_message(pls(ecsi_syntax, data = data))
  expect_match(message, "CUSA1. has infinite values")
  expect_match(message, "rows 4 and 9")
  expect_error(pls(ecsi_syntax, data = data, missing = "mean"), "CUSA1. has infinite values")
  data <- mobi
  data$CUSA1 <- as.double(data$CUSA1)
  data$CUSA1[7] <- NaN
  message <- error_message(pls(ecsi_syntax, data = data))
  expect_match(message, "CUSA1. has missing values")
  expect_match(message, "NaN")
  with_na <- data
  with_na$CUSA1[7] <- NA
  expect_identical(pls(ecsi_syntax, data = data, missing = "mean")$outer_weights,
                   pls(ecsi_syntax, data = with_na, missing = "mean")$outer_weights)
})

test_that("with both infinite and missing values the first one found is reported", {
  data <- mobi
  data$CUSA1 <- as.double(data$CUSA1)
  data$CUSA1[c(3, 8)] <- c(Inf, NA)
  expect_error(pls(ecsi_syntax, data = data), "CUSA1. has infinite values")
  expect_error(pls(ecsi_syntax, data = data, missing = "mean"), "CUSA1. has infinite values")
  expect_error(pls(ecsi_syntax, data = data, missing = "casewise"), "CUSA1. has infinite values")
  expect_error(pls(ecsi_syntax, data = data, missing = "mean", case_weights = rep(2, 250)),
               "CUSA1. has infinite values")
  data$CUSA1[c(3, 8)] <- c(NA, -Inf)
  expect_error(pls(ecsi_syntax, data = data), "CUSA1. has missing values")
  expect_error(pls(ecsi_syntax, data = data, missing = "mean"), "CUSA1. has infinite values")
  # a sum that overflows without an infinite value is not reported as one
  data$CUSA1 <- c(1e308, 1e308, rep(1, 248))
  expect_error(pls(ecsi_syntax, data = data), "CUSA1. has values too large to standardize")
})

test_that("a column whose variance overflows is named", {
  data <- mobi
  data$CUSL2 <- data$CUSL2 * 1e200
  expect_error(pls(ecsi_syntax, data = data), "CUSL2. has values too large to standardize")
})

test_that("an indicator with no observed value is named in every missing-value mode", {
  data <- mobi
  data$PERQ3 <- NA
  data$CUSA2 <- -99
  for (missing in c("fail", "mean", "casewise")) {
    expect_error(pls(ecsi_syntax, data = data, missing = missing, na_values = -99),
                 "Indicators .PERQ3. and .CUSA2. have no observed value", info = missing)
  }
})

test_that("new data for predictions may lack an answer in all of its rows", {
  fit <- pls(small_ecsi_syntax, data = mobi, missing = "mean")
  one <- mobi[1, ]
  one$IMAG1 <- NA
  expect_silent(predicted <- predict(fit, one))
  expect_true(all(is.finite(predicted$indicators)))
  expect_error(predict(fit, as.list(mobi)), "data frame or a numeric matrix")
})

test_that("zero-variance indicators are named", {
  data <- mobi
  data$CUEX2 <- 7L
  expect_error(pls(ecsi_syntax, data = data), "CUEX2. has zero variance")
  # constant among the complete rows only
  data <- mobi
  data$CUEX2[data$CUEX2 != 7L] <- NA
  expect_error(pls(ecsi_syntax, data = data, missing = "casewise"), "CUEX2. has zero variance")
})

test_that("duplicated column names are an error naming the column", {
  data <- cbind(mobi, IMAG3 = 1)
  expect_error(pls(ecsi_syntax, data = data), "more than one column named .IMAG3.", class = "iecpls_data_error")
  matrix_data <- cbind(as.matrix(mobi), CUEX2 = 1L)
  expect_error(pls(ecsi_syntax, data = matrix_data), "more than one column named .CUEX2.")
  # a duplicated column the model does not use is fine
  expect_s3_class(pls(ecsi_syntax, data = cbind(mobi, extra = 1, extra = 2)), "pls_fit")
})

test_that("too few cases is an error saying how many the model needs", {
  small <- three_item_ecsi_syntax
  message <- error_message(pls(small, data = mobi[1:3, ]))
  expect_match(message, "needs at least 4 cases, but there are only 3 rows")
  expect_match(message, "Construct Loyalty has 2 predictors")
  expect_s3_class(pls(small, data = mobi[1:4, ]), "pls_fit")
  expect_error(pls(small, data = mobi[0, ]), "only 0 rows", class = "iecpls_too_few_cases")
  expect_error(pls(small, data = mobi[1, ]), "only 1 row\\.")
  # Mode B needs more cases than indicators
  composite <- sub("Image        =~", "Image <~", sub("IMAG3", "IMAG3 + IMAG4 + IMAG5", small))
  message <- error_message(pls(composite, data = mobi[1:5, ]))
  expect_match(message, "needs at least 6 cases, but there are only 5 rows")
  expect_match(message, "Composite Image .Mode B. has 5 indicators")
  # complete rows with casewise deletion, positive weights with case weights
  data <- mobi
  data$CUSA1[-(1:3)] <- NA
  expect_error(pls(small, data = data, missing = "casewise"), "only 3 complete rows")
  expect_error(pls(small, data = mobi, case_weights = c(2, 2, 2, rep(0, 247))),
               "only 3 rows with a positive case weight")
  # and nobs with a correlation matrix
  expect_error(pls(small, S = stats::cor(mobi), nobs = 3), "only 3 observations", class = "iecpls_too_few_cases")
})

test_that("a Mode B block with collinear indicators names the construct and indicators", {
  data <- mobi
  data$IMAG6 <- data$IMAG1 - 2 * data$IMAG3
  syntax <- sub("IMAG5", "IMAG5 + IMAG6", sub("Image        =~", "Image <~", ecsi_syntax))
  message <- error_message(pls(syntax, data = data))
  expect_match(message, "composite Image")
  expect_match(message, "perfectly collinear")
  expect_match(message, "IMAG6")
})

test_that("bad case weights are errors naming the problem and rows", {
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = rep(1, 249)), "249 values but .data. has 250 rows")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = c(1, -2, rep(1, 248))), "must not be negative .row 2.",
               class = "iecpls_case_weights_error")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = c(1, 1, NA, NA, rep(1, 246))), "must not be missing .rows 3 and 4.")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = c(Inf, rep(1, 249))), "must be finite .row 1.")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = rep(0, 250)), "sum to 0")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = rep(TRUE, 250)), "numeric vector, not a logical",
               class = "iecpls_case_weights_error")
  expect_error(pls(ecsi_syntax, data = mobi, case_weights = "wieght"),
               "Case weight column named in .case_weights. is not in .data.", class = "iecpls_unknown_column")
  expect_error(pls(ecsi_syntax, data = cbind(mobi, weight = 1), case_weights = "wieght"), "did you mean .weight.")
  # a weight column of a matrix
  counts <- rep(1:2, 125)
  by_name <- pls(ecsi_syntax, data = cbind(as.matrix(mobi), w = counts), case_weights = "w")
  expect_identical(by_name$outer_weights, pls(ecsi_syntax, data = mobi, case_weights = counts)$outer_weights)
})

test_that("indicators and constructs absent from the data or model come with a suggestion", {
  data <- mobi
  names(data)[names(data) == "PERQ5"] <- "perq5"
  expect_error(pls(ecsi_syntax, data = data), "PERQ5. .did you mean .perq5.", class = "iecpls_unknown_column")
  expect_error(pls(sub("Loyalty      ~ Image", "Loyalty      ~ Imag", ecsi_syntax), data = mobi),
               "construct \"Imag\" has no indicators \\(did you mean \"Image\"\\?\\)")
  expect_error(pls(ecsi_syntax, data = mobi, modes = c(Valeu = "B")), "Valeu. .did you mean .Value.",
               class = "iecpls_unknown_name")
  expect_error(pls(ecsi_syntax, data = unname(as.matrix(mobi))), "no column names")
  expect_error(pls(ecsi_syntax, data = as.list(mobi)), "data frame or a numeric matrix, not a list",
               class = "iecpls_input_error")
})

test_that("names from the data are shown, never evaluated", {
  data <- mobi
  names(data)[names(data) == "CUSL3"] <- "CUSL{stop('evaluated')}"
  message <- error_message(pls(sub("CUSL3", "CUSL_", ecsi_syntax), data = data))
  expect_false(grepl("evaluated", message))
  names(data)[names(data) == "CUSL{stop('evaluated')}"] <- "CUSL_{x}"
  expect_match(error_message(pls(sub("CUSL3", "CUSL_x", ecsi_syntax), data = data)), "did you mean .CUSL_\\{x\\}.")
  expect_match(error_message(pls(ecsi_syntax, data = mobi, modes = c("{stop('evaluated')}" = "B"))),
               "\\{stop\\('evaluated'\\)\\}")
})

test_that("a correlation matrix that is not symmetric or not PSD is an error naming entries", {
  S <- stats::cor(mobi)
  asymmetric <- S
  asymmetric["CUSA1", "CUSA2"] <- 0.1
  message <- error_message(pls(ecsi_syntax, S = asymmetric))
  expect_match(message, "not symmetric")
  expect_match(message, "CUSA1, CUSA2")
  indefinite <- S
  indefinite["IMAG1", "IMAG2"] <- indefinite["IMAG2", "IMAG1"] <- 0.99
  indefinite["IMAG1", "IMAG3"] <- indefinite["IMAG3", "IMAG1"] <- -0.99
  expect_error(pls(ecsi_syntax, S = indefinite), "not positive semidefinite .smallest eigenvalue",
               class = "iecpls_data_error")
  with_na <- S
  with_na["PERV1", "PERV2"] <- NA
  expect_error(pls(ecsi_syntax, S = with_na), "missing or infinite values.*PERV1, PERV2")
  renamed <- S
  colnames(renamed)[1] <- "other"
  expect_error(pls(ecsi_syntax, S = renamed), "row and column names of .S. differ")
  doubled <- S
  dimnames(doubled) <- rep(list(replace(rownames(S), 2, rownames(S)[1])), 2)
  expect_error(pls(ecsi_syntax, S = doubled), "names .CUEX1. more than once")
  expect_error(pls(ecsi_syntax, S = S[1:5, ]), "square numeric matrix", class = "iecpls_input_error")
  expect_error(pls(ecsi_syntax, S = unname(S)), "row or column names", class = "iecpls_data_error")
})

test_that("an S asymmetric by rounding is accepted; otherwise the error shows the difference (#15, defect 12)", {
  S <- stats::cor(mobi)
  rounded <- S
  rounded["CUSA1", "CUSA2"] <- rounded["CUSA1", "CUSA2"] + 2e-8
  averaged <- (rounded + t(rounded)) / 2
  expect_equal(pls(ecsi_syntax, S = rounded)$path_coef, pls(ecsi_syntax, S = averaged)$path_coef, tolerance = 1e-12)
  close <- S
  close["CUSA1", "CUSA2"] <- close["CUSA1", "CUSA2"] + 2e-6
  message <- error_message(pls(ecsi_syntax, S = close))
  expect_match(message, "not symmetric")
  expect_match(message, "difference of 2e-06")
  shown <- regmatches(message, gregexpr("is [-0-9.e]+", message))[[1]]
  expect_length(unique(shown), 2L)
})

test_that("pls() and pls_boot() check their other arguments", {
  input_error <- function(expr, regexp) expect_error(expr, regexp, class = "iecpls_input_error")
  input_error(pls(ecsi_syntax, data = mobi, na_values = "-99"), "na_values. must be numeric codes")
  input_error(pls(ecsi_syntax, data = mobi, R = 2.5), "`R` must be a non-negative whole number, not 2.5")
  input_error(pls(ecsi_syntax, data = mobi, R = 1), "`R` must be 0 .no bootstrap. or a whole number of at least 2, not 1")
  input_error(pls(ecsi_syntax, data = mobi, consistent = NA), "`consistent` must be `TRUE` or `FALSE`")
  fit <- pls(small_ecsi_syntax, data = mobi)
  input_error(pls_boot(fit, R = 3e9), "`R` must be at most 2,147,483,647, not 3,000,000,000")
  input_error(pls_boot(fit, R = NA), "`R` must be a whole number of at least 2, not `NA`")
  input_error(pls_boot(fit, R = 1), "`R` must be a whole number of at least 2, not 1\\.")
  input_error(pls_boot(fit, R = 10, bca = "yes"), "bca. must be .TRUE. or .FALSE.")
  input_error(pls_boot(fit, R = 10, level = 95), "`level` must be a number strictly between 0 and 1 .such as 0.95., not 95")
  input_error(pls_boot(fit, R = 10, cores = 0), "`cores` must be a positive whole number, not 0")
  input_error(pls_boot(unclass(fit), R = 10), "pls_fit")
  expect_error(pls_boot(pls(small_ecsi_syntax, S = stats::cor(mobi)), R = 10), "needs the data",
               class = "iecpls_needs_data")
})

test_that("number checks state the rule and show the value given (#16)", {
  fit <- pls(small_ecsi_syntax, data = mobi)
  input_error <- function(expr, message) {
    err <- expect_error(expr, class = "iecpls_input_error")
    expect_identical(cli::ansi_strip(conditionMessage(err)), message)
  }
  input_error(pls(small_ecsi_syntax, data = mobi, tol = 0), "`tol` must be a positive number, not 0.")
  input_error(pls(small_ecsi_syntax, data = mobi, tol = "1e-7"), "`tol` must be a positive number, not a string.")
  input_error(pls(small_ecsi_syntax, data = mobi, tol = Inf), "`tol` must be a positive number, not Inf.")
  input_error(pls(small_ecsi_syntax, data = mobi, max_iter = 0), "`max_iter` must be a positive whole number, not 0.")
  input_error(pls(small_ecsi_syntax, data = mobi, max_iter = 2.5), "`max_iter` must be a positive whole number, not 2.5.")
  expect_match(conditionMessage(expect_error(pls(small_ecsi_syntax, data = mobi, max_iter = 1e10))),
               "`max_iter` must be at most 100,000, not 10,000,000,000.", fixed = TRUE)
  input_error(pls(small_ecsi_syntax, data = mobi, max_iter = c(10, 20)),
              "`max_iter` must be a positive whole number, not a double vector.")
  input_error(pls_predict(fit, k = 1), "`k` must be a whole number of at least 2, not 1.")
  input_error(pls_predict(fit, k = 5, reps = 0), "`reps` must be a positive whole number, not 0.")
  input_error(pls_blindfold(fit, omission_distance = 1), "`omission_distance` must be a whole number of at least 2, not 1.")
  input_error(pls_cvpat(fit, R = -1), "`R` must be a non-negative whole number, not -1.")
  input_error(pls_sample_size(0.2, alpha = 1), "`alpha` must be a number strictly between 0 and 1, not 1.")
  input_error(plot(fit, digits = 16), "`digits` must be a whole number from 0 to 15, not 16.")
  group <- rep(1:2, 125)
  input_error(pls_mga(fit, group = group, R = 1), "`R` must be a whole number of at least 2, not 1.")
  input_error(pls_micom(fit, group = group, R = 100, alpha = 0.5),
              "`alpha` must be a number strictly between 0 and 0.5 (such as 0.05), not 0.5.")
  # accepted at the bounds
  expect_s3_class(pls(small_ecsi_syntax, data = mobi, max_iter = 1, tol = 1e300), "pls_fit")
})

test_that("number_rule() words every kind of bound", {
  expect_identical(number_rule(NULL, NULL, 0, NULL, FALSE), "a positive number")
  expect_identical(number_rule(1, NULL, NULL, NULL, TRUE), "a positive whole number")
  expect_identical(number_rule(0, NULL, NULL, NULL, FALSE), "a non-negative number")
  expect_identical(number_rule(2, NULL, NULL, NULL, TRUE), "a whole number of at least 2")
  expect_identical(number_rule(NULL, NULL, 1, NULL, FALSE), "a number greater than 1")
  expect_identical(number_rule(NULL, 5, NULL, NULL, FALSE), "a number of at most 5")
  expect_identical(number_rule(NULL, NULL, NULL, 5, FALSE), "a number less than 5")
  expect_identical(number_rule(1, 1e5, NULL, NULL, TRUE), "a whole number from 1 to 100,000")
  expect_identical(number_rule(NULL, NULL, 0, 1, FALSE), "a number strictly between 0 and 1")
  expect_identical(number_rule(0, NULL, NULL, 1, FALSE), "a number of at least 0 and less than 1")
  expect_identical(number_rule(NULL, 1, 0, NULL, FALSE), "a number greater than 0 and at most 1")
  # whole numbers turn exclusive bounds into inclusive ones
  expect_error(check_number(0, "n", integer = TRUE), "a positive whole number, not 0")
  expect_error(check_number(5, "n", below = 5, min = 0, integer = TRUE), "from 0 to 4, not 5")
  expect_identical(check_number(4, "n", below = 5, min = 0, integer = TRUE), 4)
  expect_error(check_number(as.Date("2020-01-01"), "n"), "not a <Date> object")
  expect_error(check_number(2, "n", min = 3, class = "my_error"), class = "my_error")
})

test_that("data frames, tibbles, data.tables and matrices give identical fits", {
  fit <- without_call(pls(ecsi_syntax, data = mobi))
  from_matrix <- without_call(pls(ecsi_syntax, data = as.matrix(mobi)))
  expect_identical(iecpls:::fit_indicator_data(from_matrix), fit$data)
  from_matrix$data <- fit$data
  expect_identical(from_matrix, fit)
  # the classes as the packages set them, without the packages
  tbl <- mobi
  class(tbl) <- c("tbl_df", "tbl", "data.frame")
  expect_identical(without_call(pls(ecsi_syntax, data = tbl)), fit)
  dt <- mobi
  class(dt) <- c("data.table", "data.frame")
  expect_identical(without_call(pls(ecsi_syntax, data = dt)), fit)
})

test_that("a numeric matrix is read in place, not copied, with the data frame's results (#15, defect 13)", {
  fit <- pls(ecsi_syntax, data = mobi)
  doubles <- cbind(as.matrix(mobi), weight = rep(1:2, 125))[, c(ncol(mobi) + 1, rev(seq_len(ncol(mobi))))]
  rownames(doubles) <- paste0("r", seq_len(nrow(doubles)))
  storage.mode(doubles) <- "double"
  original <- doubles + 0
  integers <- doubles
  storage.mode(integers) <- "integer"
  for (data in list(doubles, integers)) {
    from_matrix <- pls(ecsi_syntax, data = data)
    # the user's matrix is the fit's data, shared rather than copied
    expect_identical(from_matrix$data, data)
    expect_equal(iecpls:::fit_indicator_data(from_matrix), fit$data)
    for (name in c("outer_weights", "outer_loadings", "path_coef", "r2", "r2_adj", "construct_cor", "means", "sds", "nobs")) {
      expect_identical(from_matrix[[name]], fit[[name]], label = name)
    }
    expect_identical(unname(from_matrix$scores), unname(fit$scores))
    expect_identical(rownames(from_matrix$scores), rownames(data))
    weighted <- pls(ecsi_syntax, data = data, case_weights = "weight", missing = "casewise")
    expect_identical(weighted$path_coef, pls(ecsi_syntax, data = mobi, case_weights = rep(1:2, 125))$path_coef)
    set.seed(8)
    boot_matrix <- pls_boot(from_matrix, R = 10)
    set.seed(8)
    expect_identical(boot_matrix$draws, pls_boot(fit, R = 10)$draws)
  }
  expect_identical(doubles, original)
  # missing values and codes take the copying path, with its checks
  with_na <- doubles
  with_na[2, "CUSA1"] <- NA
  expect_s3_class(pls(ecsi_syntax, data = with_na, missing = "mean")$data, "data.frame")
  expect_error(pls(ecsi_syntax, data = replace(doubles, cbind(3, match("CUSA2", colnames(doubles))), Inf)),
               "CUSA2.*infinite values")
})

# With the packages themselves when installed; they are not dependencies of
# iecpls (not even Suggests), hence getExportedValue() rather than `::`.
test_that("a real tibble gives the data frame's fit", {
  skip_if_not_installed("tibble")
  as_tibble <- getExportedValue("tibble", "as_tibble")
  expect_identical(without_call(pls(ecsi_syntax, data = as_tibble(mobi))), without_call(pls(ecsi_syntax, data = mobi)))
})

test_that("a real data.table gives the data frame's fit", {
  skip_if_not_installed("data.table")
  as_data_table <- getExportedValue("data.table", "as.data.table")
  expect_identical(without_call(pls(ecsi_syntax, data = as_data_table(mobi))), without_call(pls(ecsi_syntax, data = mobi)))
})

test_that("integer and double columns give identical estimates", {
  fit <- pls(ecsi_syntax, data = mobi)
  as_double <- mobi
  as_double[] <- lapply(mobi, as.double)
  from_double <- pls(ecsi_syntax, data = as_double)
  for (name in c("outer_weights", "cross_loadings", "path_coef", "r2", "construct_cor", "scores", "means", "sds")) {
    expect_identical(from_double[[name]], fit[[name]], label = name)
  }
  matrix_double <- as.matrix(as_double)
  expect_identical(pls(ecsi_syntax, data = matrix_double)$path_coef, fit$path_coef)
})
