#' Read survey data from a file
#'
#' Reads the data of a study from the formats survey tools export, as a
#' plain data frame for [pls()]: comma-separated text (`.csv`), SPSS
#' (`.sav`, with [foreign::read.spss()]: answers as their numeric codes, and
#' the codes SPSS declares as user-missing become `NA`), Stata up to version
#' 12 (`.dta`, [foreign::read.dta()]) and Excel (`.xlsx`, `.xls`, with
#' `readxl::read_excel()`, the first sheet unless `sheet` says otherwise).
#' foreign comes with R; readxl is a suggested package, and the error when
#' it is missing says how to install it. The R Markdown report template
#' reads its `data` parameter with this function.
#'
#' @param path Path of the file; its extension gives the format.
#' @param sheet For Excel files, the sheet (name or number).
#' @return A data frame.
#' @examples
#' path <- tempfile(fileext = ".csv")
#' utils::write.csv(mobi[1:5, 1:4], path, row.names = FALSE)
#' pls_read_data(path)
#' unlink(path)
#' @export
pls_read_data <- function(path, sheet = 1L) {
  if (!is.character(path) || length(path) != 1L || is.na(path) || !nzchar(path)) {
    cli::cli_abort("{.arg path} must be the path of a data file, not {.obj_type_friendly {path}}.",
                   class = c("iecpls_input_error", "iecpls_error"), call = NULL)
  }
  if (!file.exists(path)) {
    cli::cli_abort("There is no file {.file {path}}.", class = c("iecpls_input_error", "iecpls_error"), call = NULL)
  }
  extension <- tolower(if (grepl(".", basename(path), fixed = TRUE)) sub(".*\\.", "", basename(path)) else "")
  data <- switch(extension,
    csv = utils::read.csv(path, check.names = FALSE),
    sav = read_with("foreign", "read.spss", path, to.data.frame = TRUE, use.value.labels = FALSE,
                    use.missings = TRUE),
    dta = read_with("foreign", "read.dta", path, convert.factors = FALSE),
    xlsx = , xls = read_with("readxl", "read_excel", path, sheet = sheet),
    cli::cli_abort(c("Cannot read {.file {path}}: the format {.val {extension}} is not known.",
                     "i" = "Use a {.val csv}, {.val sav}, {.val dta} or {.val xlsx} file, or read the data yourself and pass a data frame."),
                   class = c("iecpls_input_error", "iecpls_error"), call = NULL)
  )
  # a plain data frame (readxl gives a tibble)
  as.data.frame(data, stringsAsFactors = FALSE)
}

read_with <- function(package, reader, path, ...) {
  if (!requireNamespace(package, quietly = TRUE)) {
    cli::cli_abort(c("Reading {.file {path}} needs the {.pkg {package}} package.",
                     "i" = "Install it with {.code install.packages(\"{package}\")}."),
                   class = c("iecpls_missing_package_error", "iecpls_input_error", "iecpls_error"), call = NULL)
  }
  getExportedValue(package, reader)(path, ...)
}
