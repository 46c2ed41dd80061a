# One object of every printed class, built once on small data for
# test-print-width.R, and a check that printed lines fit a width.

print_width_objects <- local({
  objects <- NULL
  function() {
    if (!is.null(objects)) return(objects)
    corp <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean")
    set.seed(22)
    booted <- pls(corp_rep_syntax, data = corp_rep_data, na_values = -99, missing = "mean", R = 100)
    ecsi <- pls(small_ecsi_syntax, data = mobi)
    set.seed(24)
    moderated <- pls(paste(ecsi_syntax, "Loyalty ~ Satisfaction:Image"), data = mobi, R = 100)
    group <- rep(c("first", "second"), length.out = nrow(mobi))
    set.seed(23)
    objects <<- list(
      model = parse_model(corp_rep_syntax),
      fit = corp,
      boot_fit = booted,
      summary = summary(corp),
      boot_summary = summary(booted),
      boot = booted$boot,
      summary_boot = summary(booted$boot),
      mga = pls_mga(ecsi, group = group, method = c("permutation", "bootstrap", "parametric"), R = 40),
      micom = pls_micom(ecsi, group = group, R = 40),
      predict = pls_predict(corp, k = 5, reps = 1),
      cvpat = pls_cvpat(ecsi, k = 5, reps = 1, R = 100),
      model_fit_test = pls_model_fit(ecsi, R = 50, seed = 1),
      blindfold = pls_blindfold(corp),
      copula = suppressWarnings(pls_copula(corp, "CUSL", R = 20, seed = 1),
                                classes = "iecpls_copula_normal_warning"),
      cta = pls_cta(corp, R = 20, seed = 1),
      redundancy = pls_redundancy(corp, data = corp_rep_data,
                                  global = c(QUAL = "qual_global", PERF = "perf_global")),
      ipma = pls_ipma(ecsi, target = "Loyalty", scale_min = 1, scale_max = 10),
      nca = pls_nca(ecsi, outcome = "Loyalty", scale_min = 1, scale_max = 10, R = 50, seed = 1),
      fimix = pls_fimix(corp, segments = 1:3, starts = 3, seed = 1),
      segment_explain = pls_explain_segments(
        structure(list(segment = rep(1:3, length.out = nrow(corp_rep_data)), fit = corp),
                  class = c("pls_mock", "pls_segments")),
        data = data.frame(servicetype = factor(corp_rep_data$servicetype),
                          age = replace(corp_rep_data$age, corp_rep_data$age == -99, NA)),
        variables = c("servicetype", "age"), R = 100, seed = 1),
      pos = pls_pos(ecsi, starts = 1, max_iter = 2, seed = 1),
      power = pls_power(n = 60, reps = 2, R = 20, model = "
        TTM =~ ttm1 + ttm2 + ttm3 + ttm4 + ttm5
        CTM =~ ctm1 + ctm2 + ctm3 + ctm4
        CTM ~ TTM"),
      descriptives = pls_descriptives(corp),
      compare = pls_compare(corp = corp, reduced = pls(
        sub("CUSL ~ COMP + LIKE + CUSA", "CUSL ~ LIKE + CUSA", corp_rep_syntax, fixed = TRUE),
        data = corp_rep_data, na_values = -99, missing = "mean")),
      layout = layout_pls(corp),
      dot = as_dot(booted),
      slopes = pls_slopes(moderated, "Satisfaction:Image"),
      conditional = pls_conditional_effects(moderated),
      moderated_summary = summary(moderated)
    )
    objects
  }
})

# The lines print(x) writes at the given console width.
printed_at <- function(x, width) {
  old <- options(width = width)
  on.exit(options(old))
  utils::capture.output(print(x))
}

expect_fits_width <- function(x, width = 80, label = "object") {
  lines <- printed_at(x, width)
  long <- lines[nchar(lines, type = "width") > width]
  expect(length(long) == 0L,
         sprintf("%s prints %d line(s) wider than %d:\n%s", label, length(long), width,
                 paste(long, collapse = "\n")))
  invisible(lines)
}
