test_that("direct, total indirect and total effects equal seminr's and cSEM's", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")
    csem <- assess_fixture(case, "csem")
    effects <- pls_effects(fit)
    constructs <- fit$model$constructs
    expect_equal(effects$direct, fit$path_coef)
    expect_equal(effects$total, seminr$total_effects[constructs, constructs], tolerance = 1e-6)
    expect_equal(effects$indirect, seminr$total_indirect_effects[constructs, constructs], tolerance = 1e-6)
    # cSEM names effects "outcome ~ cause"
    table <- effects$table
    csem_names <- paste(table$to, "~", table$from)
    expect_setequal(csem_names, names(csem$total))
    expect_equal(table$total, unname(csem$total[csem_names]), tolerance = 1e-6)
    expect_equal(table$direct[table$direct != 0], unname(csem$direct[csem_names[table$direct != 0]]), tolerance = 1e-6)
    has_indirect <- csem_names %in% names(csem$indirect)
    expect_equal(table$indirect[has_indirect], unname(csem$indirect[csem_names[has_indirect]]), tolerance = 1e-6)
    expect_equal(table$indirect[!has_indirect], rep(0, sum(!has_indirect)))
  }
})

test_that("specific indirect effects are the products along each chain and add up to the total indirect effect", {
  fit <- fit_tight("mobi")
  effects <- pls_effects(fit)
  specific <- effects$specific
  B <- fit$path_coef
  row <- specific[specific$path == "Image -> Expectation -> Quality -> Satisfaction -> Loyalty", ]
  expect_equal(nrow(row), 1)
  expect_equal(row$estimate, B["Image", "Expectation"] * B["Expectation", "Quality"] *
                 B["Quality", "Satisfaction"] * B["Satisfaction", "Loyalty"])
  sums <- stats::aggregate(estimate ~ from + to, data = specific, FUN = sum)
  expect_equal(sums$estimate, effects$indirect[cbind(sums$from, sums$to)], tolerance = 1e-12)
  expect_equal(nrow(sums), sum(effects$indirect != 0))
  # every chain has at least two paths and is listed once
  expect_true(all(lengths(strsplit(specific$path, " -> ")) >= 3))
  expect_false(anyDuplicated(specific$path) > 0)
})

test_that("f2 with scores held fixed equals cSEM's", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    csem <- assess_fixture(case, "csem")$f2
    f2 <- pls_f2(fit)
    expect_equal(f2[c("from", "to")], path_table(fit)[c("from", "to")])
    expect_equal(f2$f2, csem[cbind(f2$to, f2$from)], tolerance = 1e-6)
  }
})

test_that("f2 by re-estimation equals seminr's", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")$f_square
    f2 <- pls_f2(fit, method = "refit")
    expect_equal(f2$f2, seminr[cbind(f2$from, f2$to)], tolerance = 1e-6)
    # the two definitions agree for an outcome with a single predictor
    fixed <- pls_f2(fit)
    single <- f2$to %in% names(which(colSums(fit$model$inner) == 1))
    expect_equal(f2$f2[single], fixed$f2[single], tolerance = 1e-12)
  }
})

test_that("f2 by re-estimation keeps the rows, weights and input of the fit", {
  coded <- corp_rep_data
  coded[coded == -99] <- NA
  suppressMessages(casewise <- pls(corp_rep_syntax, data = coded, missing = "casewise"))
  complete <- pls(corp_rep_syntax, data = stats::na.omit(coded[casewise$model$indicators]))
  expect_silent(refit_casewise <- pls_f2(casewise, method = "refit"))
  expect_equal(refit_casewise, pls_f2(complete, method = "refit"), tolerance = 1e-8)

  from_cor <- pls(ecsi_syntax, S = stats::cor(mobi), nobs = 250)
  from_data <- pls(ecsi_syntax, data = mobi)
  expect_equal(pls_f2(from_cor, method = "refit"), pls_f2(from_data, method = "refit"), tolerance = 1e-8)

  weights <- rep(1:2, length.out = 250)
  weighted <- pls(ecsi_syntax, data = mobi, case_weights = weights)
  repeated <- pls(ecsi_syntax, data = mobi[rep(seq_len(250), weights), ])
  expect_equal(pls_f2(weighted, method = "refit")$f2, pls_f2(repeated, method = "refit")$f2, tolerance = 1e-8)
})

test_that("removing a path drops constructs left unconnected", {
  model <- parse_model("A =~ a1 + a2; B =~ b1 + b2; C =~ c1 + c2; B ~ A; C ~ A + B")
  reduced <- drop_path(model, "A", "B")
  expect_equal(reduced$constructs, c("A", "B", "C"))
  expect_equal(reduced$inner["A", "B"], 0L)
  chain <- parse_model("A =~ a1 + a2; B =~ b1 + b2; C =~ c1 + c2; D =~ d1; B ~ A; C ~ B + D")
  reduced <- drop_path(chain, "D", "C")
  expect_equal(reduced$constructs, c("A", "B", "C"))
  expect_equal(reduced$indicators, c("a1", "a2", "b1", "b2", "c1", "c2"))
  expect_equal(dim(reduced$inner), c(3, 3))
})

test_that("inner VIFs equal seminr's and cSEM's, and are 1 for a single predictor", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")$vif_antecedents
    csem <- assess_fixture(case, "csem")$vif
    vif <- pls_vif(fit)
    expect_named(vif, c("construct", "predictor", "vif"))
    peer <- mapply(function(k, p) seminr[[k]][[p]], vif$construct, vif$predictor, USE.NAMES = FALSE)
    single <- is.na(peer)
    expect_equal(vif$vif[!single], peer[!single], tolerance = 1e-6)
    expect_equal(vif$vif[single], rep(1, sum(single)))
    several <- vif$construct %in% rownames(csem)
    expect_equal(vif$vif[several], csem[cbind(vif$construct, vif$predictor)[several, , drop = FALSE]], tolerance = 1e-6)
  }
})

test_that("outer VIFs equal seminr's (every block) and cSEM's (Mode B blocks)", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")$vif_items
    vif <- pls_vif(fit, "outer")
    expect_equal(vif$indicator, fit$model$indicators)
    peer <- mapply(function(k, i) seminr[[k]][[i]], vif$construct, vif$indicator, USE.NAMES = FALSE)
    expect_equal(vif$vif, peer, tolerance = 1e-6)
  }
  fit <- fit_tight("corp_rep")
  csem <- assess_fixture("corp_rep", "csem")$vif_mode_b
  vif <- pls_vif(fit, "outer")
  mode_b <- vif[vif$construct %in% rownames(csem), ]
  expect_equal(nrow(mode_b), 21)
  expect_equal(mode_b$vif, csem[cbind(mode_b$construct, mode_b$indicator)], tolerance = 1e-6)
})

test_that("R^2, adjusted R^2, AIC and BIC equal seminr's", {
  for (case in c("mobi", "corp_rep")) {
    fit <- fit_tight(case)
    seminr <- assess_fixture(case, "seminr")
    r2 <- pls_r2(fit)
    expect_equal(r2$construct, names(fit$r2))
    expect_equal(r2$r2, unname(seminr$paths["R^2", r2$construct]), tolerance = 1e-6)
    expect_equal(r2$r2_adj, unname(seminr$paths["AdjR^2", r2$construct]), tolerance = 1e-6)
    expect_equal(r2$aic, unname(seminr$it_criteria["AIC", r2$construct]), tolerance = 1e-6)
    expect_equal(r2$bic, unname(seminr$it_criteria["BIC", r2$construct]), tolerance = 1e-6)
  }
  no_n <- pls(ecsi_syntax, S = stats::cor(mobi))
  expect_true(all(is.na(pls_r2(no_n)[c("r2_adj", "aic", "bic")])))
})
