test_that("tidy() and glance() are re-exported from generics", {
  expect_identical(tidy, generics::tidy)
  expect_identical(glance, generics::glance)
})

test_that("tidy() gives the path coefficients with broom's term and estimate", {
  fit <- fit_tight("mobi")
  paths <- tidy(fit)
  expect_named(paths, c("term", "from", "to", "estimate"))
  expect_equal(stats::setNames(paths$estimate, paths$term), coef(fit))
  expect_identical(rownames(paths), as.character(seq_len(12)))
  expect_identical(as.data.frame(fit), paths)
  expect_identical(as.data.frame(fit, what = "weights"), tidy(fit, "weights"))
})

test_that("tidy() gives loadings and weights named as coef() names them", {
  fit <- fit_tight("corp_rep")
  for (what in c("loadings", "weights")) {
    table <- tidy(fit, what)
    expect_named(table, c("term", "construct", "indicator", "estimate"))
    expect_equal(stats::setNames(table$estimate, table$term), coef(fit, what))
  }
  expect_true("QUAL <~ qual_1" %in% tidy(fit, "weights")$term)
  expect_true("COMP =~ comp_1" %in% tidy(fit, "loadings")$term)
})

test_that("tidy() gives the effects in long form and each specific indirect effect", {
  fit <- fit_tight("mobi")
  effects <- pls_effects(fit)
  long <- tidy(fit, "effects")
  expect_named(long, c("term", "from", "to", "effect", "estimate"))
  expect_equal(nrow(long), 3 * nrow(effects$table))
  for (kind in c("direct", "indirect", "total")) {
    rows <- long[long$effect == kind, ]
    expect_equal(rows$estimate, effects$table[[kind]])
    expect_equal(rows$term, paste(effects$table$from, "->", effects$table$to))
  }
  indirect <- tidy(fit, "indirect")
  expect_named(indirect, c("term", "from", "to", "estimate"))
  expect_equal(indirect$term, effects$specific$path)
  expect_equal(indirect$estimate, effects$specific$estimate)
  expect_error(tidy(fit, "scores"), class = "iecpls_input_error")
})

test_that("glance() is one row describing the model", {
  fit <- fit_tight("corp_rep")
  row <- glance(fit)
  expect_equal(nrow(row), 1)
  expect_named(row, c("nobs", "indicators", "constructs", "paths", "scheme", "iterations", "converged",
                      "admissible", "r2_mean", "srmr", "d_uls", "d_g"))
  expect_equal(row$nobs, 344)
  expect_equal(row$constructs, 8)
  expect_equal(row$paths, 13)
  expect_equal(row$r2_mean, mean(fit$r2))
  expect_equal(c(row$srmr, row$d_uls, row$d_g), pls_model_fit(fit)$estimated)
  expect_equal(glance(pls(ecsi_syntax, S = stats::cor(mobi)))$nobs, NA_real_)
})

# --- Every result class (issue #22) ------------------------------------------

# The result classes: those with a print method, less the model, its layout
# and its DOT text, which describe a model rather than a result.
result_classes <- function(ns = asNamespace("iecpls")) {
  methods <- getNamespaceInfo(ns, "S3methods")
  setdiff(methods[methods[, 1] == "print", 2], c("pls_model", "pls_layout", "pls_dot"))
}

# A plain data frame: no subclass, unique names and no list columns.
expect_plain_table <- function(table, label) {
  expect_identical(class(table), "data.frame", label = label)
  expect_false(anyDuplicated(names(table)) > 0, label = paste(label, "has unique column names"))
  expect_false(any(vapply(table, is.list, logical(1))), label = paste(label, "has no list columns"))
}

test_that("every result class has tidy(), as.data.frame() and glance() with the default arguments", {
  objects <- print_width_objects()
  classes <- vapply(objects, function(x) class(x)[1], character(1))
  results <- objects[classes %in% result_classes()]
  # the objects cover every result class, so a new class fails here until it
  # has an object (in helper-print-width.R) and the three methods
  expect_setequal(unique(classes[names(results)]), result_classes())
  registered <- getNamespaceInfo(asNamespace("iecpls"), "S3methods")
  for (verb in c("tidy", "glance")) {
    expect_setequal(intersect(registered[registered[, 1] == verb, 2], result_classes()), result_classes())
  }
  for (name in names(results)) {
    x <- results[[name]]
    for (verb in c("tidy", "as.data.frame")) {
      table <- match.fun(verb)(x)
      label <- paste0(verb, "(", name, ")")
      expect_plain_table(table, label)
      expect_gt(nrow(table), 0, label = label)
    }
    row <- glance(x)
    expect_plain_table(row, paste0("glance(", name, ")"))
    expect_equal(nrow(row), 1, label = paste0("nrow(glance(", name, "))"))
  }
})

test_that("glance() of a summary is glance() of the fit and the flags the report counts", {
  objects <- print_width_objects()
  for (name in c("summary", "boot_summary")) {
    report <- objects[[name]]
    row <- glance(report)
    fit <- if (name == "summary") objects$fit else objects$boot_fit
    expect_equal(row[names(glance(fit))], glance(fit))
    counts <- unlist(row[grep("^flagged_", names(row))])
    expect_equal(row$flagged, sum(counts))
    printed <- utils::capture.output(print(report))
    verdict <- if (row$flagged) paste0("^", row$flagged, " values? fails?") else "^Every criterion is met"
    expect_true(any(grepl(verdict, printed)), label = name)
    # tidy() lists each criterion on its own: as many flags, or more where a
    # row of the reliability table fails several criteria
    criteria <- tidy(report)
    expect_equal(anyDuplicated(criteria[c("table", "criterion", "term")]), 0)
    expect_setequal(criteria$criterion[criteria$table == "fit"], tolower(report$fit$statistic))
    for (table in setdiff(sub("^flagged_", "", names(counts)), "reliability")) {
      expect_equal(sum(criteria$flagged[criteria$table == table]), counts[[paste0("flagged_", table)]],
                   label = table)
    }
    expect_gte(sum(criteria$flagged[criteria$table == "reliability"]), counts[["flagged_reliability"]])
    expect_identical(as.data.frame(report), criteria)
  }
})

test_that("tidy() of a bootstrap summary is tidy() of the bootstrap", {
  boot <- print_width_objects()$boot
  direct <- tidy(boot)
  stacked <- tidy(summary(boot))
  key <- function(table) paste(table$type, table$term)
  expect_setequal(key(stacked), key(direct))
  expect_equal(stacked[match(key(direct), key(stacked)), ], direct, ignore_attr = TRUE)
  row <- glance(summary(boot))
  expect_equal(row$parameters, nrow(direct))
  expect_equal(row[c("resamples", "failed", "level")], glance(boot)[c("resamples", "failed", "level")])
})

test_that("glance() counts the tests and verdicts of group comparisons and predictions", {
  objects <- print_width_objects()
  mga <- glance(objects$mga)
  expect_equal(mga$groups, 2)
  expect_equal(mga$methods, "permutation, bootstrap, parametric")
  expect_equal(mga$significant, sum(tidy(objects$mga)$p.value < 0.05, na.rm = TRUE))
  micom <- glance(objects$micom)
  verdicts <- tidy(objects$micom)$invariance
  expect_equal(micom$full + micom$partial + micom$no, length(verdicts))
  expect_true(micom$invariance %in% verdicts)
  expect_equal(micom$invariance == "full", all(verdicts == "full"))
  predict <- glance(objects$predict)
  expect_equal(predict$pls_below_lm_rmse, sum(objects$predict$indicators$rmse < objects$predict$indicators$lm_rmse))
  expect_equal(predict$q2_predict_mean, mean(objects$predict$indicators$q2_predict))
  expect_identical(as.data.frame(objects$predict, what = "decision"), tidy(objects$predict, "decision"))
  expect_identical(as.data.frame(objects$mga, what = "tests"), tidy(objects$mga))
  power <- objects$power
  expect_identical(tidy(power)$term, power$path)
  expect_equal(glance(power)$n_min, 60)
})
