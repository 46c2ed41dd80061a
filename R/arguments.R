# The package's argument vocabulary: one name for one meaning, documented
# here once. tests/testthat/test-arguments.R walks the namespace and fails
# on a retired name, so a new function cannot bring one back.

#' Argument names shared across iecpls
#'
#' @description
#' An argument that means the same thing has the same name in every iecpls
#' function, and a name means only one thing. This page lists these names,
#' what they mean and the functions that take them.
#'
#' @section Counts:
#' \describe{
#'   \item{`R`}{A number of resamples or permutations, as in the boot
#'     package: the bootstrap resamples of [pls_boot()] and [pls()] (0, the
#'     default of `pls()`, runs no bootstrap), the permutations and
#'     bootstrap resamples per group of [pls_mga()], those of the copula
#'     regressions of [pls_copula()] and of the tetrads of [pls_cta()], the
#'     resamples of the transformed data in the test of exact fit of
#'     [pls_model_fit()] (0, its default, runs no test), the permutations of
#'     [pls_micom()] and of the necessary condition analysis [pls_nca()],
#'     the bootstrap resamples of the loss differences of
#'     [pls_cvpat()], the bootstrap resamples within each simulated
#'     study of [pls_power()], and the random tables (permutations of the
#'     categories with the margins fixed) of the Monte Carlo chi-square
#'     tests of [pls_explain_segments()]. The R Markdown report template
#'     (`rmarkdown::draft(template = "pls-report", package = "iecpls")`) has
#'     a parameter `R` with the same meaning.}
#'   \item{`reps`}{A number of repetitions that are not resamples: the
#'     random splits into folds of [pls_predict()] and [pls_cvpat()] (each
#'     repetition cross-validates every case once), and the simulated
#'     studies per sample size of [pls_power()] (Monte Carlo samples).}
#'   \item{`starts`}{A number of random starts of a segmentation, searches
#'     from random initial segments of which the best is kept: [pls_fimix()]
#'     (for each number of segments) and [pls_pos()].}
#' }
#'
#' @section Levels:
#' \describe{
#'   \item{`level`}{A confidence level, between 0 and 1 (0.95 is 95%):
#'     [pls_boot()], [confint.pls_boot()], [confint.pls_fit()],
#'     [plot.pls_boot()], [autoplot.pls_boot()], [pls_slopes()],
#'     [pls_conditional_effects()], [pls_copula()] and [pls_cta()] (there the
#'     family-wise level of a block's intervals). It means nothing else.}
#'   \item{`alpha`}{A significance level, the probability of a type I error
#'     (0.05): [pls_micom()], [pls_power()] and [pls_sample_size()]. It
#'     means nothing else.}
#' }
#'
#' @section Choosing what is returned:
#' \describe{
#'   \item{`what`}{Which table, or which kind of result, a function returns
#'     or draws, from a short list of choices: `coef()`, `tidy()` and
#'     `as.data.frame()` of a fit ([coef.pls_fit()], [tidy.pls_fit()]),
#'     `tidy()` and `as.data.frame()` of [pls_mga()] and [pls_predict()]
#'     results ([tidy.pls_mga()], [tidy.pls_predict()]), [pls_vif()]
#'     (`"inner"` or `"outer"`), `plot()` and `autoplot()` of a summary
#'     ([plot.summary.pls_fit()], [autoplot.summary.pls_fit()]: `"htmt"` or
#'     `"loadings"`), `autoplot()` of a fit ([autoplot.pls_fit()]:
#'     `"loadings"`, `"htmt"` or `"paths"`), and `plot()`,
#'     `autoplot()`, `tidy()` and `as.data.frame()` of an IPMA
#'     ([plot.pls_ipma()]: `"constructs"` or `"indicators"`), `plot()` of
#'     simple slopes ([plot.pls_slopes()]: `"slopes"` or `"floodlight"`),
#'     `tidy()` and `as.data.frame()` of conditional indirect effects
#'     ([pls_conditional_effects()]: `"effects"` or `"index"`), and `tidy()`
#'     and `as.data.frame()` of a necessary condition analysis ([pls_nca()]:
#'     `"effects"` or `"bottleneck"`), of an explanation of segments
#'     ([pls_explain_segments()]: `"tests"` or `"profiles"`), of
#'     FIMIX-PLS ([pls_fimix()]: `"paths"`, `"criteria"`, `"segments"` or
#'     `"r2"`) and of PLS-POS ([pls_pos()]: `"paths"`, `"r2"` or
#'     `"sizes"`).}
#'   \item{`parm`}{Which individual parameters, named as in
#'     [stats::confint()]: a type of parameter (`"path"`, `"loading"`, ...),
#'     full names (`"path: Image -> Loyalty"`), terms or row numbers. The
#'     methods of a bootstrap take it, with one set of rules
#'     ([confint.pls_boot()]): `confint()`, `coef()`, `vcov()`, `tidy()`,
#'     `plot()` ([plot.pls_boot()]) and `autoplot()`
#'     ([autoplot.pls_boot()]); `confint()` and `vcov()` of a fit pass it on
#'     to the fit's bootstrap.}
#' }
#'
#' @section Switches:
#' \describe{
#'   \item{`htmt_absolute`}{`TRUE` for the HTMT of absolute indicator
#'     correlations (as seminr and SmartPLS report it), `FALSE` (the
#'     default) for the signed correlations of Henseler et al. (2015):
#'     [pls_htmt()], [summary.pls_fit()] and [pls_boot()].}
#' }
#'
#' @section broom's names:
#' `tidy()` of a bootstrap ([confint.pls_boot()]) takes `conf.level` and
#' `conf.method` for the interval's level and type, the names the broom
#' package gives these arguments of every `tidy()` method, so that code
#' written for other models' `tidy()` works unchanged. They mean what
#' `level` and `type` mean in `confint()`.
#'
#' @section Retired names:
#' Version 0.1.0 renamed, without aliases: `pls(boot)` to `R`,
#' `repetitions` of [pls_predict()] and [pls_cvpat()] to `reps` (and the
#' result field `$repetitions` to `$reps`), `level` of the IPMA methods to
#' `what`, `which` of [pls_vif()] and [plot.summary.pls_fit()] to `what`,
#' `parameters` of [plot.pls_boot()] and [autoplot.pls_boot()] to `parm`,
#' and `absolute` of [pls_htmt()] to `htmt_absolute`.
#'
#' @references
#' Henseler, J., Ringle, C. M., and Sarstedt, M. (2015). A new criterion for
#' assessing discriminant validity in variance-based structural equation
#' modeling. *Journal of the Academy of Marketing Science*, 43, 115--135.
#' \doi{10.1007/s11747-014-0403-8}
#' @seealso [iecpls-package]
#' @name iecpls_arguments
NULL
