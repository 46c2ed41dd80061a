# Exported functions leave their inputs alone, give bit-identical results
# when called again, and never touch files or the network.

# A copy that shares no memory with `x`: identical(x, before) after a call
# detects C code writing into an input, which a plain `before <- x` (the
# same memory until R copies on modification) would not.
deep_copy <- function(x) unserialize(serialize(x, NULL))

# Calls f(args) twice; every argument must be unchanged and both results
# identical (printed output counted as part of the result).
expect_pure <- function(f, args, label) {
  before <- deep_copy(args)
  run <- function() {
    output <- utils::capture.output(value <- suppressMessages(suppressWarnings(do.call(f, args))))
    list(value = value, output = output)
  }
  first <- run()
  second <- run()
  for (name in names(args)) {
    expect_identical(args[[name]], before[[name]], label = paste0(label, ": argument ", name))
  }
  expect_identical(second, first, label = paste0(label, ": second call"))
}

test_that("exported functions leave their inputs unchanged and repeat bit for bit", {
  skip_on_cran()
  data <- corp_rep_data
  weights <- rep(c(1, 2.5), length.out = nrow(data))
  model <- parse_model(corp_rep_syntax)
  fit <- pls(corp_rep_syntax, data = data, na_values = -99, missing = "mean", case_weights = weights)
  small <- pls(small_ecsi_syntax, data = mobi)
  S <- stats::cor(mobi)
  coded <- corp_rep_data
  coded[coded == -99] <- NA
  with_seed <- function(f) function(...) {
    set.seed(42)
    f(...)
  }
  set.seed(42)
  boot <- pls_boot(small, R = 60)

  calls <- list(
    parse_model = list(parse_model, list(syntax = corp_rep_syntax)),
    pls_text = list(pls, list(model = corp_rep_syntax, data = data, na_values = -99, missing = "mean",
                             case_weights = weights)),
    pls_model = list(pls, list(model = model, data = coded, missing = "casewise", modes = c(COMP = "B"))),
    pls_matrix = list(pls, list(model = ecsi_syntax, data = as.matrix(mobi), scheme = "centroid")),
    pls_S = list(pls, list(model = ecsi_syntax, S = S, nobs = 250)),
    pls_boot = list(with_seed(pls_boot), list(fit = fit, R = 40, cores = 2, sign_change = "construct")),
    pls_boot_individual = list(with_seed(pls_boot), list(fit = small, R = 40, sign_change = "individual")),
    summary_boot = list(summary, list(object = boot)),
    confint = list(stats::confint, list(object = boot, type = "bca", level = 0.9)),
    print_boot = list(print, list(x = boot)),
    summary_fit = list(summary, list(object = fit)),
    print_fit = list(print, list(x = fit)),
    coef = list(stats::coef, list(object = fit, what = "weights")),
    fitted = list(stats::fitted, list(object = fit)),
    nobs = list(stats::nobs, list(object = fit)),
    tidy = list(tidy, list(x = fit, what = "effects")),
    glance = list(glance, list(x = fit)),
    as_data_frame = list(as.data.frame, list(x = fit, what = "loadings")),
    cross_loadings = list(pls_cross_loadings, list(fit = fit)),
    effects = list(pls_effects, list(fit = fit)),
    f2 = list(pls_f2, list(fit = fit, method = "refit")),
    fornell_larcker = list(pls_fornell_larcker, list(fit = fit)),
    htmt = list(pls_htmt, list(fit = fit)),
    implied_cor = list(pls_implied_cor, list(fit = fit)),
    loadings = list(pls_loadings, list(fit = fit)),
    model_fit = list(pls_model_fit, list(fit = fit)),
    r2 = list(pls_r2, list(fit = fit)),
    reliability = list(pls_reliability, list(fit = fit, composites = TRUE)),
    vif = list(pls_vif, list(fit = fit, what = "outer")),
    sample_size = list(pls_sample_size, list(p_min = 0.2)),
    iec_model = list(iec_model, list(type = "extended")),
    iec_population = list(iec_population, list()),
    iec_implied = list(iec_implied, list(params = iec_population())),
    iec_simulate = list(iec_simulate, list(n = 50, params = iec_population(), seed = 3)),
    pls_consistent = list(pls, list(model = small_ecsi_syntax, data = mobi, consistent = TRUE)),
    predict = list(stats::predict, list(object = small, newdata = mobi[1:20, ])),
    pls_predict = list(with_seed(pls_predict), list(fit = small, k = 5, reps = 1)),
    pls_blindfold = list(pls_blindfold, list(fit = small)),
    pls_cvpat = list(with_seed(pls_cvpat), list(fit = small, k = 5, reps = 1, R = 200)),
    pls_ipma = list(pls_ipma, list(fit = small, target = "Loyalty", scale_min = 1, scale_max = 10)),
    pls_nca = list(pls_nca, list(fit = small, outcome = "Loyalty", R = 200, seed = 2, cores = 2)),
    pls_power = list(with_seed(pls_power), list(n = 60, reps = 2, R = 20)),
    pls_cta = list(pls_cta, list(fit = fit, R = 40, seed = 5, cores = 2)),
    pls_explain_segments = list(pls_explain_segments, list(
      x = structure(list(segment = rep(c(1L, 2L, NA), length.out = nrow(data)), fit = fit),
                    class = c("pls_mock", "pls_segments")),
      data = data.frame(type = factor(data$servicetype), age = data$age), variables = c("type", "age"),
      R = 50, seed = 3)),
    pls_pos = list(pls_pos, list(fit = small, starts = 2, max_iter = 3, seed = 6, cores = 2)),
    as_dot = list(as_dot, list(x = fit)),
    layout_pls = list(layout_pls, list(x = fit)),
    diagram_labels = list(diagram_labels, list(x = boot))
  )
  for (name in names(calls)) expect_pure(calls[[name]][[1]], calls[[name]][[2]], name)
  # and the objects the calls were made on
  expect_identical(data, corp_rep_data)
})

test_that("a bootstrap does not change the fit it resamples, even with threads", {
  fit <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
  before <- deep_copy(fit)
  set.seed(1)
  pls_boot(fit, R = 50, cores = 2)
  expect_identical(fit, before)
})

# Every function of the package namespace, with the functions it calls.
package_calls <- function() {
  ns <- asNamespace("iecpls")
  functions <- Filter(is.function, mget(ls(ns, all.names = TRUE), envir = ns))
  defaults <- function(f) unlist(lapply(formals(f), function(x) if (is.language(x)) all.names(x)))
  lapply(functions, function(f) unique(c(all.names(body(f)), defaults(f))))
}

test_that("the package code calls no function that writes files or reaches the network", {
  writers <- c("file", "writeLines", "writeBin", "writeChar", "saveRDS", "save", "save.image",
               "write", "write.table", "write.csv", "write.csv2", "dput", "dump", "sink", "file.create",
               "file.copy", "file.rename", "file.append", "dir.create", "unlink", "file.remove",
               "pdf", "png", "jpeg", "svg", "bmp", "tiff", "postscript", "dev.copy", "Sys.setenv", "setwd")
  network <- c("url", "download.file", "socketConnection", "make.socket", "curl", "gzcon",
               "nsl", "browseURL", "system", "system2", "shell")
  used <- package_calls()
  # cat() and print methods write to the console only: no cat(file = )
  cat_to_file <- Filter(function(f) any(grepl("cat\\(.*file *=", deparse(f))),
                        Filter(is.function, as.list(asNamespace("iecpls"))))
  expect_identical(names(cat_to_file), character())
  offenders <- Filter(function(names) any(c(writers, network) %in% names), used)
  found <- vapply(offenders, function(names) paste(intersect(names, c(writers, network)), collapse = ", "), "")
  expect_identical(sprintf("%s calls %s", names(found), found), character())
})
