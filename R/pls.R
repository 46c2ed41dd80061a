#' Fit a PLS path model
#'
#' Estimates a partial least squares path model (PLS-PM, also called PLS-SEM)
#' with Lohmoeller's iterative algorithm. All numerical work runs in C: one
#' pass over the data builds the indicator correlation matrix, and the
#' iteration over outer weights runs entirely on that matrix, so its cost does
#' not grow with the number of respondents.
#'
#' @section Algorithm:
#' Indicators are standardized (mean 0, variance 1 with denominator n - 1).
#' Starting from unit weights, each iteration (1) computes the construct
#' scores' correlations, (2) forms each construct's inner proxy with the chosen
#' `scheme`: `"path"` (predecessors weighted by the multiple regression of the
#' construct on them, successors by their correlation), `"factorial"`
#' (correlations of adjacent constructs) or `"centroid"` (signs of those
#' correlations), (3) updates the outer weights, Mode A by the covariances of
#' the block's indicators with the proxy and Mode B by regressing the proxy on
#' the block's indicators, and (4) scales each block so its score has unit
#' variance. It stops when no outer weight changes by more than `tol`.
#' Path coefficients are then the least-squares regressions of each
#' endogenous construct on its predecessors, and loadings the correlations of
#' indicators with construct scores. This is the algorithm of seminr, cSEM
#' (with `.disattenuate = FALSE`), plspm and SmartPLS; iecpls's estimates agree
#' with seminr and cSEM to 1e-6 (see the package tests).
#'
#' The convergence rule is the largest absolute change in any outer weight
#' (cSEM's `"diff_absolute"`). seminr stops on the sum of absolute changes
#' and cSEM's default tolerance is 1e-5; these rules stop at slightly different
#' iterations, which moves the estimates by less than the tolerance.
#'
#' **Sign convention.** The weights of a block are determined only up to sign.
#' After convergence each construct is oriented so that the sum of its
#' loadings on its own indicators is not negative. Starting from unit weights
#' this almost never changes anything, so estimates agree with the peers, and
#' it fixes the orientation of every resample in the same way.
#'
#' **Case weights** are frequency weights: the weighted mean and the weighted
#' covariance with denominator `sum(case_weights) - 1` are used, so integer
#' weights give exactly the fit of the data with rows repeated. Estimates do not
#' depend on the scale of the weights, only the standardization of the scores
#' does (`sum(case_weights)` should therefore exceed 1). `nobs()` and the
#' adjusted R^2 use the number of rows with a positive weight. A row of
#' weight zero is as if absent: it is not a case for `nobs()`, the adjusted
#' R^2, the minimum number of cases, the bootstrap (which resamples the rows
#' with a positive weight, and whose t tests have `nobs() - 1` degrees of
#' freedom) or the groups of [pls_mga()] and [pls_micom()]; it still gets
#' construct scores. A weight below the largest times the machine epsilon
#' (`.Machine$double.eps`, about 2.2e-16), such as 1e-320, changes no sum
#' that includes the largest and is taken as zero. Weights may be as large
#' as any finite number: above 2^55 they are rescaled internally by a power
#' of 2, which changes no estimate or score.
#'
#' @param model Model syntax (a string, see [parse_model()]) or a parsed
#'   `pls_model`. A `pls_model` edited after parsing is checked as the
#'   parser checks the syntax (an `iecpls_model_error` names the construct or
#'   indicator at fault).
#' @param data A data frame (tibble and data.table work) or numeric matrix
#'   whose columns include every indicator. Integer and double columns are
#'   used as they are; with a message, ordered factors are used as their
#'   integer codes (1 for the first level), labelled columns from SPSS or
#'   Stata files (haven's `haven_labelled`, Hmisc's `labelled`) as their
#'   numeric codes, with SPSS user-missing codes as missing, and logical
#'   columns as 0 (`FALSE`) and 1 (`TRUE`). Any other column (text, plain
#'   factors, dates, ...) is an error, as are infinite values, duplicated
#'   column names and an indicator with no observed value. `NaN` counts as
#'   missing, like `NA`. The rows used must number at least the largest
#'   number of predictors of a construct plus 2 and more than the
#'   indicators of any Mode B block (and at least 3).
#' @param scheme Inner weighting scheme: `"path"` (the default, as in seminr
#'   and SmartPLS), `"factorial"` or `"centroid"`.
#' @param modes Optional per-construct override of the outer mode, a named
#'   character vector such as `c(RIG = "B")`. By default constructs written
#'   with `=~` use Mode A and those written with `<~` Mode B.
#' @param missing What to do with missing indicator values: `"fail"` (an
#'   error naming the columns), `"mean"` (replace each by the mean of its
#'   column, as seminr and SmartPLS do), `"casewise"` (use complete cases)
#'   or `"em"` (model-based: see "Missing data by EM" below).
#' @param na_values Numeric codes that mean "missing" in `data`, such as
#'   `-99`; they are treated as `NA` (the data are not modified). A code left
#'   undeclared would be fitted as an answer, so `pls()` warns (once, naming
#'   each column, code and count; class `iecpls_missing_code_warning`) when
#'   an indicator column has a likely code: a whole number at either end of
#'   the column that occurs at least twice (or once, when every value of the
#'   column is a whole number), while the column has at least 10 other
#'   values, of at least two distinct values, and that lies further from the
#'   nearest of them than twice their range, or is negative while they are
#'   all non-negative. On a 1-7 scale -99, -9, -1, 99 and 999 meet the rule; 0, 8
#'   and 9 do not.
#' @param case_weights Optional case (sampling or frequency) weights: a
#'   non-negative numeric vector with one value per row of `data`, or the name
#'   of a column of `data`; no value may be missing and they must sum to more
#'   than 1. Rows of weight zero are as if absent (see Details).
#' @param S Instead of `data`, a correlation or covariance matrix of the
#'   indicators with their names as dimnames (for example a published
#'   correlation table). Asymmetry up to 1e-6 times its largest entry is
#'   taken as rounding and averaged out. Construct scores are then not
#'   available.
#' @param nobs With `S`, the number of observations behind it (used for the
#'   adjusted R^2; optional).
#' @param tol Convergence tolerance: the largest allowed change of an outer
#'   weight between iterations.
#' @param max_iter Maximum number of iterations, at most 100,000 (PLS
#'   converges in a few dozen iterations when it converges at all). When it
#'   is reached a warning is given and `converged` is `FALSE`. A long
#'   iteration can be interrupted (Ctrl-C, [setTimeLimit()]).
#' @param consistent Apply consistent PLS (PLSc; Dijkstra and Henseler 2015):
#'   constructs written with `=~` (Mode A, two or more indicators) are
#'   treated as common factors, their correlations are corrected for
#'   attenuation with the reliability rho_A, loadings are rescaled and paths
#'   re-estimated; composites (`<~`), single items and the product terms of
#'   interactions keep rho_A = 1 (as in seminr, whose PLSc estimates with
#'   interaction terms iecpls reproduces with the default `product_term`). An
#'   inadmissible solution (a reliability or corrected correlation or loading
#'   above 1, or a corrected correlation matrix that is not positive definite)
#'   is flagged in `admissible` with a warning.
#' @param interaction How interaction terms (`Y ~ X + M + X:M`, see
#'   [parse_model()]) are estimated; ignored for a model without them.
#'   `"two_stage"` (the default, as in SmartPLS 4 and seminr): stage 1
#'   estimates the model without the interaction terms; each term is then a
#'   single-item construct whose item is the product of the constituents'
#'   standardized stage-1 scores, and the whole model is estimated again
#'   with it (its item is standardized, like every indicator).
#'   `"product_indicator"`: each term is measured in Mode A by all products
#'   of the standardized indicators of its constituents (for a quadratic
#'   term `X:X`, every ordered pair, as in seminr: the terms of the square
#'   of a weighted sum). `"orthogonal"`: those products, each
#'   replaced by its residual from the regression (with intercept) on all
#'   indicators of both constituents (Little, Bovaird and Widaman 2006).
#'   Every stage is estimated in C from the data, and the bootstrap repeats
#'   all of them in each resample. Interaction terms are constructs of the
#'   fit named like the term (`"CUSA:SC"`); their paths are the moderating
#'   effects. These are seminr's three approaches, and with `product_term =
#'   "unstandardized"` the estimates are seminr's (the package tests check
#'   them to 1e-6). cSEM's estimator of nonlinear models differs by
#'   definition: its weights are those of stage 1 here, never re-estimated
#'   with the product term, and its paths come from a method of moments on
#'   the stage-1 scores (Dijkstra and Schermelleh-Engel 2014); the tests check
#'   that cSEM's weights are iecpls's stage-1 weights (`fit$stages`). With
#'   `consistent = TRUE` the product terms stay composites (rho_A = 1), as in
#'   seminr; cSEM's consistent nonlinear estimator, which corrects the
#'   product term's reliability under normality (Dijkstra and
#'   Schermelleh-Engel 2014), is not implemented.
#' @param product_term The scale of an interaction term's path: `"standardized"`
#'   (the default, SmartPLS's default) estimates it with the product term
#'   standardized like any construct score, so the path is a standardized
#'   coefficient; `"unstandardized"` expresses it per unit of the product
#'   itself: the path is divided, and the term's scores multiplied, by the
#'   product's standard deviation (for product indicators, the mean of their
#'   standard deviations weighted by the absolute loadings). Weights,
#'   loadings, R^2 and every other path are the same. The unstandardized
#'   path is what seminr reports (it rescales the term after estimation), and
#'   with the two-stage approach it makes the conditional effect of X at M = m
#'   exactly b_X + b_XM m. The bootstrap rescales each resample the same way.
#' @param hoc How higher-order constructs are estimated. A construct whose
#'   "indicators" are constructs (`REP =~ COMP + LIKE`, reflective, Mode A;
#'   `REP <~ COMP + LIKE`, formative, Mode B) is a second-order construct
#'   over those dimensions, which take no part in the structural model
#'   themselves. The approaches (Becker, Klein and Wetzels 2012; Sarstedt,
#'   Hair, Cheah, Becker and Ringle 2019):
#'   * `"embedded"` (the default, as Sarstedt et al. 2019 recommend): stage 1
#'     is the repeated-indicators model; stage 2 measures the higher-order
#'     construct by its dimensions' standardized stage-1 scores (indicators
#'     named after the dimensions) and re-estimates every other construct
#'     from its items, as SmartPLS does.
#'   * `"disjoint"`: stage 1 is the model in which the dimensions take the
#'     higher-order construct's place (every path `A -> REP` becomes `A ->
#'     COMP` and `A -> LIKE`, every `REP -> B` becomes `COMP -> B` and `LIKE ->
#'     B`); stage 2 as above. This is seminr's `higher_composite()`.
#'   * `"repeated"`: one fit in which the higher-order construct is measured
#'     by all its dimensions' items (repeated, named `REP_2nd_comp_1` as in
#'     cSEM), with the paths `REP -> COMP` (reflective) or `COMP -> REP`
#'     (formative). With a formative higher-order construct, its R^2 is close
#'     to 1 by construction and its other antecedents' paths close to 0
#'     (Ringle, Sarstedt and Straub 2012); Becker, Klein and Wetzels (2012)
#'     advise Mode B and the path weighting scheme for it, and a two-stage
#'     approach when it has antecedents.
#'
#'   In the two-stage approaches the dimensions are reported with their
#'   stage-1 weights, loadings and scores, everything else with stage 2's;
#'   the bootstrap, the jackknife and group comparisons re-estimate both
#'   stages in every sample. cSEM's `.approach_2ndorder = "mixed"` has the
#'   same stage 1 as `"embedded"`, but its stage 2 measures every other
#'   construct by its stage-1 score rather than by its items; cSEM's
#'   `"2stage"` starts from a saturated model of all first-order constructs;
#'   neither is offered here. [pls_ipma()] reports both levels; prediction
#'   ([predict()], [pls_predict()], [pls_cvpat()], [pls_blindfold()])
#'   targets the items of endogenous first-order constructs; path diagrams
#'   draw the dimensions beside their higher-order construct.
#'
#'   With `consistent = TRUE` and a two-stage approach, the higher-order
#'   construct is a composite of its dimensions' stage-1 scores, which carry
#'   the measurement error of the common factors among them: its reliability
#'   is \eqn{w'S^*w / w'Sw = 1 - \sum_l w_l^2 (1 - \rho_l)}, with \eqn{S} the
#'   correlations of the scores and \eqn{S^*} the same with the dimensions'
#'   stage-1 \eqn{\rho_A} on the diagonal (van Riel, Henseler, Kemeny and
#'   Sasovova 2017), whether it is written `=~` or `<~`; its correlations are
#'   disattenuated with it and the paths re-estimated, as seminr does. The
#'   dimensions keep their stage-1 \eqn{\rho_A} and PLSc loadings; the
#'   higher-order construct's loadings on them are not corrected, and its
#'   correlations with its own dimensions (part and whole) are left as they
#'   are. (cSEM treats a `=~` higher-order construct as a common factor of
#'   the dimension scores instead.) With repeated indicators PLSc treats
#'   the `=~` higher-order block like any Mode A block. [pls_micom()] forms
#'   each group's composites from their weights on the standardized items
#'   (a higher-order construct's: its weights times its dimensions'). Not
#'   supported yet: third-order constructs and interaction terms in the
#'   same model (each gives a syntax error).
#' @param R Number of bootstrap resamples: 0 (the default) for no bootstrap,
#'   or a whole number of at least 2, with which [pls_boot()] is run and
#'   attached as `fit$boot` (print then shows standard
#'   errors, p values and confidence intervals of the paths).
#' @param ordinal Which indicators are ordinal (see "Ordinal indicators"
#'   below): `NULL` (the default) for the indicators that are ordered
#'   factors (with a message saying so), `TRUE` for all, `FALSE` for none
#'   (ordered factors are then used as their integer codes), or indicator
#'   names.
#' @param cor The correlation of the indicators: `"pearson"` (the default)
#'   or `"spearman"` (rank correlations, cSEM's `.approach_cor_robust =
#'   "spearman"`; construct scores are the standardized data times the
#'   weights, as in cSEM, so their variance need not be 1).
#' @param cores Threads for the bootstrap. By default the option `iecpls.cores`, else 1;
#'   capped by the thread policy that [pls_threads()] reports.
#'
#' @section Ordinal indicators (OrdPLS, OrdPLSc):
#' Likert items are ordinal: their codes order the answers but are not
#' measurements. Following Schuberth, Henseler and Dijkstra (2018), an
#' ordinal indicator is taken as a coarse record of a standard normal
#' variable, and the model is fitted from the correlations of those
#' variables: polychoric correlations between ordinal indicators,
#' polyserial between an ordinal and a continuous one, Pearson between
#' continuous ones. Thresholds come from the marginal proportions and each
#' correlation is maximized in its bivariate likelihood (the two-step
#' estimator of Olsson 1979, `polycor::polychor(ML = FALSE)` and
#' `polyserial(ML = FALSE)`, to which the package tests compare it), all in
#' C. With `consistent = FALSE` this is OrdPLS, with `consistent = TRUE`
#' OrdPLSc.
#'
#' An ordered factor's categories are its levels (an unused level is an empty
#' category and is dropped, as is a category whose rows all have case weight
#' zero); any other ordinal column's categories are its distinct values, in
#' order. Items with two categories work (the tetrachoric correlation). A
#' pair whose polychoric likelihood has no maximum inside (-1, 1) (the
#' answers of the two items are perfectly ordered in the data) is an error
#' naming the pair (`iecpls_polychoric_boundary`); a polyserial estimate
#' beyond +-0.9999 is set to that bound with a warning, as polycor does.
#' cSEM (0.7) computes the same polychoric correlations (to the tolerance
#' of its `optimise()`, about 1e-4; the package tests check iecpls's
#' estimates from cSEM's correlation matrix against cSEM's at 1e-6) but
#' estimates polyserial correlations differently, by maximizing the
#' likelihood in the correlation with the thresholds fixed, rather than
#' with polycor's two-step formula; on the mobi data cut into 5 categories
#' the two differ by up to 0.02.
#' The correlations need complete rows: use `missing = "casewise"` for
#' incomplete data.
#'
#' Construct scores (and everything computed from them: [predict()],
#' [pls_ipma()], ...) are the standardized codes times the weights, as cSEM
#' computes them for ordinal indicators (polychoric correlations describe
#' the normal variables behind the codes, whose values are not observed);
#' their variance is therefore not exactly 1. The bootstrap, the jackknife
#' and [pls_mga()]'s permutations re-estimate the thresholds and
#' correlations in each sample, in C, [pls_micom()] in each group and
#' permutation, and [pls_predict()] and [pls_cvpat()] in each training set;
#' [pls_blindfold()] refuses such fits for now (`iecpls_unsupported_error`),
#' as it does fits with `cor = "spearman"` or `missing = "em"`, and so do
#' models with interaction terms or higher-order constructs.
#'
#' @section Missing data by EM:
#' With `missing = "em"` the mean vector and covariance matrix of the
#' indicators are estimated by maximum likelihood under multivariate
#' normality with the EM algorithm (data missing at random; rows of weight
#' zero and rows with no observed indicator do not count), in C, and the
#' model is fitted from the implied correlation matrix. EM starts from the
#' observed means and variances (zero covariances) and stops when no mean or
#' covariance changed by more than 1e-10 in standard-deviation units in an
#' iteration, which puts the estimates within about 1e-9 of the ML solution;
#' after 10,000 iterations it stops with a warning
#' (`iecpls_em_not_converged_warning`). The estimates are in `fit$em`.
#' Construct scores of incomplete rows use the conditional expectation of
#' each missing answer given the row's observed answers under the EM
#' estimates (a row with no answer gets the means); the data are then
#' standardized with the EM means and standard deviations (the ML variance
#' times N/(N - 1), so complete data standardize exactly as without EM),
#' and the scores are those values times the weights (their variance is
#' slightly below 1 when answers are missing). With no missing value the fit
#' equals that with `missing = "fail"`. The bootstrap, the jackknife and
#' the permutations of [pls_mga()] and [pls_micom()] run EM again in each
#' sample, in C (MICOM's composites of the compared rows are their data
#' completed and standardized under their own EM estimates);
#' [pls_predict()] and [pls_cvpat()] run it in each training set and
#' complete the missing answers of the held-out rows (and [predict()] those
#' of `newdata`) by their conditional expectations under the training
#' estimates, also for the LM benchmark. seminr and cSEM offer mean
#' replacement and casewise deletion only.
#'
#' @return An object of class `pls_fit`, a list with:
#' \describe{
#'   \item{`outer_weights`}{indicators x constructs matrix of outer weights
#'     (zero outside a construct's block).}
#'   \item{`outer_loadings`}{indicators x constructs matrix of loadings
#'     (correlations of indicators with their construct's score, or the
#'     consistent loadings under PLSc; zero outside the block).}
#'   \item{`cross_loadings`}{correlations of every indicator with every
#'     construct score; under PLSc the disattenuated cross-loadings (see
#'     [pls_cross_loadings()]), so an indicator's own entry is its loading.}
#'   \item{`path_coef`}{constructs x constructs matrix of path coefficients,
#'     rows are predictors and columns outcomes.}
#'   \item{`r2`, `r2_adj`}{named vectors of R^2 and adjusted R^2 of the
#'     endogenous constructs.}
#'   \item{`construct_cor`}{correlation matrix of the construct scores
#'     (under PLSc, the correlations corrected for attenuation).}
#'   \item{`rho_a`, `admissible`}{the reliabilities used by PLSc (all 1
#'     without it) and whether the PLSc solution is admissible.}
#'   \item{`scores`}{standardized construct scores (rows used x constructs);
#'     `NULL` when fitted from `S`.}
#'   \item{`indicator_cor`}{the indicator correlation matrix the model was
#'     fitted from.}
#'   \item{`iterations`, `converged`}{number of iterations and whether the
#'     algorithm converged.}
#'   \item{`nobs`}{number of rows used (with a positive case weight; `NA`
#'     when fitted from `S` without `nobs`).}
#'   \item{`means`, `sds`}{indicator means and standard deviations (`NULL`
#'     when fitted from `S`).}
#'   \item{`rows_used`}{with `missing = "casewise"`, a logical vector
#'     marking the rows of `data` that were used; otherwise `NULL`.}
#'   \item{`data`, `case_weights`}{the indicator data used (a data frame of
#'     the model's columns, after `na_values`) and the case weights. An
#'     integer or double matrix `data` without missing values or `na_values`
#'     is read in place, not copied, and is kept here as it was given.}
#'   \item{`model`}{the parsed model, with the modes used.}
#'   \item{`settings`}{a list of the settings used.}
#'   \item{`call`}{the matched call.}
#'   \item{`boot`}{with `R > 0`, the [pls_boot()] result.}
#'   \item{`em`}{with `missing = "em"`, the EM estimates: `mean`, `cov`,
#'     `cor`, `iterations`, `converged`, `loglik`, `nobs` (the total weight
#'     of the rows used) and `n_patterns` (missingness patterns).}
#'   \item{`thresholds`}{with ordinal indicators, each one's thresholds
#'     between the categories that occur.}
#' }
#'
#' @seealso [parse_model()] for the syntax; [pls_fit-methods] for `print()`, `coef()`, `fitted()` and `nobs()`.
#' @references
#' Lohmoeller, J.-B. (1989). *Latent Variable Path Modeling with Partial
#' Least Squares*. Physica. \doi{10.1007/978-3-642-52512-4}
#'
#' Dijkstra, T. K., and Schermelleh-Engel, K. (2014). Consistent partial
#' least squares for nonlinear structural equation models. *Psychometrika*,
#' 79, 585--604. \doi{10.1007/s11336-013-9370-0}
#'
#' Little, T. D., Bovaird, J. A., and Widaman, K. F. (2006). On the merits
#' of orthogonalizing powered and product terms. *Structural Equation
#' Modeling*, 13, 497--519. \doi{10.1207/s15328007sem1304_1}
#'
#' Olsson, U. (1979). Maximum likelihood estimation of the polychoric
#' correlation coefficient. *Psychometrika*, 44, 443--460.
#' \doi{10.1007/BF02296207}
#'
#' Schuberth, F., Henseler, J., and Dijkstra, T. K. (2018). Partial least
#' squares path modeling using ordinal categorical indicators. *Quality &
#' Quantity*, 52, 9--35. \doi{10.1007/s11135-016-0401-7}
#'
#' Little, R. J. A., and Rubin, D. B. (2019). *Statistical Analysis with
#' Missing Data* (3rd ed.). Wiley. \doi{10.1002/9781119482260}
#'
#' Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., and Lauro, C. (2005).
#' PLS path modeling. *Computational Statistics & Data Analysis*, 48,
#' 159--205. \doi{10.1016/j.csda.2004.03.005}
#' @examples
#' ecsi <- "
#'   Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
#'   Expectation  =~ CUEX1 + CUEX2 + CUEX3
#'   Quality      =~ PERQ1 + PERQ2 + PERQ3 + PERQ4 + PERQ5 + PERQ6 + PERQ7
#'   Value        =~ PERV1 + PERV2
#'   Satisfaction =~ CUSA1 + CUSA2 + CUSA3
#'   Complaints   =~ CUSCO
#'   Loyalty      =~ CUSL1 + CUSL2 + CUSL3
#'   Expectation  ~ Image
#'   Quality      ~ Expectation
#'   Value        ~ Expectation + Quality
#'   Satisfaction ~ Image + Expectation + Quality + Value
#'   Complaints   ~ Satisfaction
#'   Loyalty      ~ Image + Satisfaction + Complaints
#' "
#' fit <- pls(ecsi, data = mobi)
#' fit
#' coef(fit)
#'
#' # Composite (Mode B) constructs and -99 as the missing-value code
#' reputation <- "
#'   QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
#'   PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
#'   CSOR <~ csor_1 + csor_2 + csor_3 + csor_4 + csor_5
#'   ATTR <~ attr_1 + attr_2 + attr_3
#'   COMP =~ comp_1 + comp_2 + comp_3
#'   LIKE =~ like_1 + like_2 + like_3
#'   CUSA =~ cusa
#'   CUSL =~ cusl_1 + cusl_2 + cusl_3
#'   COMP + LIKE ~ QUAL + PERF + CSOR + ATTR
#'   CUSA ~ COMP + LIKE
#'   CUSL ~ COMP + LIKE + CUSA
#' "
#' pls(reputation, data = corp_rep_data, missing = "mean", na_values = -99)
#'
#' # From a correlation matrix alone
#' pls(ecsi, S = cor(mobi), nobs = nrow(mobi))
#' @export
pls <- function(model, data = NULL, scheme = c("path", "factorial", "centroid"), modes = NULL,
                missing = c("fail", "mean", "casewise", "em"), na_values = NULL, case_weights = NULL,
                S = NULL, nobs = NULL, tol = 1e-7, max_iter = 300L, consistent = FALSE,
                interaction = c("two_stage", "product_indicator", "orthogonal"),
                product_term = c("standardized", "unstandardized"),
                hoc = c("embedded", "disjoint", "repeated"),
                R = 0L, cores = getOption("iecpls.cores", 1L), ordinal = NULL,
                cor = c("pearson", "spearman")) {
  call <- match.call()
  scheme <- match_arg(scheme)
  missing <- match_arg(missing)
  interaction <- match_arg(interaction)
  product_term <- match_arg(product_term)
  hoc <- match_arg(hoc)
  cor <- match_arg(cor)
  check_number(tol, "tol")
  check_max_iter(max_iter)
  check_boot_count(R)
  model <- as_pls_model(model)
  # a fit's model (with its interaction terms expanded) is estimated anew
  if (!is.null(model$stages)) model <- parsed_model(model)
  model <- apply_modes(model, modes)
  check_flag(consistent, "consistent")
  if (has_hoc(model)) {
    if (!is.null(S)) {
      abort_input(c("A model with higher-order constructs needs {.arg data}, not {.arg S}.",
                    "i" = "The dimensions' scores are formed case by case from the data."),
                  class = "iecpls_needs_data")
    }
    model <- expand_hoc(model, hoc)
  }
  # the data columns are those of the model as given (before expansion)
  given <- data_model(model)
  if (has_interactions(model)) {
    if (!is.null(S)) {
      abort_input(c("A model with interaction terms needs {.arg data}, not {.arg S}.",
                    "i" = "Product terms are formed case by case from the data."),
                  class = "iecpls_needs_data")
    }
    model <- expand_interactions(model, interaction, product_term)
  }
  spec <- model_spec(model, scheme, tol, max_iter, consistent)
  settings <- list(scheme = scheme, modes = model$modes, missing = missing, na_values = na_values,
                   tol = tol, max_iter = as.integer(max_iter), weighted = !is.null(case_weights),
                   consistent = consistent,
                   interaction = if (has_interactions(model)) interaction,
                   product_term = if (has_interactions(model)) product_term,
                   hoc = if (has_hoc(model)) hoc, cor = cor)

  if (!is.null(S)) {
    if (!is.null(data)) abort_input("Give either {.arg data} or {.arg S}, not both.")
    if (!is.null(case_weights)) abort_input("{.arg case_weights} needs {.arg data}, not {.arg S}.")
    if (!(is.null(ordinal) || isFALSE(ordinal)) || missing == "em" || cor == "spearman") {
      abort_input(c("{.arg ordinal}, {.code missing = \"em\"} and {.code cor = \"spearman\"} need {.arg data}, not {.arg S}.",
                    "i" = "The correlations are estimated from the data."))
    }
    S <- check_cor_input(S, model)
    n <- if (is.null(nobs)) NA_real_ else check_number(nobs, "nobs", min = 1, integer = TRUE)
    check_enough_rows(model, n, "observation{?s} ({.arg nobs})")
    raw <- c_fit_cor(model, S, spec)
    raw$cor <- S
    return(new_pls_fit(raw, model, n, settings, call))
  }
  if (is.null(data)) abort_input("{.arg data} (or a correlation matrix {.arg S}) is required.")
  data <- check_data(data)
  ordinal <- ordinal_indicators(ordinal, data, given$indicators)
  source <- source_kind(cor, missing, ordinal)
  check_source_settings(source, cor, missing, model)
  columns <- in_place_matrix(data, given, na_values)
  if (is.null(columns)) {
    columns <- indicator_columns(data, given, na_values, ordinal = ordinal)
    abort_all_missing(columns)
  }
  levels <- if (source == "ordinal") ordinal_levels(data, columns, ordinal)
  settings$source <- source
  settings$ordinal <- ordinal
  settings$ordinal_levels <- levels
  n_rows <- nrow(data)
  weights <- check_case_weights(case_weights, data, n_rows)
  usable <- usable_rows(columns, weights, missing, n_rows)
  check_enough_rows(model, usable$n, usable$what)
  raw <- if (source != "pearson") c_fit_source(source, model, columns, weights, missing, spec, levels) else
    if (is.null(model$stages)) c_fit_data(model, columns, weights, missing, spec) else
    c_fit_staged(model, columns, weights, missing, spec)
  # after the fit, whose errors (infinite values, ...) come first
  warn_missing_codes(columns, given$indicators)
  complete <- if (is.null(raw$rows_used)) n_rows else sum(raw$rows_used)
  if (missing == "casewise" && complete < n_rows) {
    cli::cli_inform("{n_rows - complete} of {n_rows} rows with missing indicator values were dropped.")
  }
  # rows of weight zero are not cases
  n <- if (is.null(weights)) complete else sum(weights[raw$rows_used %||% TRUE] > 0)
  fit <- new_pls_fit(raw, model, n, settings, call)
  # a data frame sharing the column vectors (no copy, no name checking), or
  # the matrix read in place
  fit$data <- in_place_matrix_of(columns) %||% structure(columns, class = "data.frame", row.names = c(NA_integer_, -n_rows))
  fit$case_weights <- weights
  row_names <- if (!is.null(fit$scores)) score_row_names(data, raw$rows_used)
  if (!is.null(row_names)) rownames(fit$scores) <- row_names
  if (R > 0) fit$boot <- pls_boot(fit, R = R, cores = cores)
  fit
}

# Cross-loadings under PLSc (the definition ADANCO reports): an indicator's
# entry for its own construct is its loading (the PLSc loading of a Mode A
# block), and for every other construct its correlation with that
# construct's score divided by sqrt(rho_A), the score's correlation with the
# common factor. Composites and single items have rho_A = 1, so their columns
# stay correlations. A rho_A that is not positive (an inadmissible solution)
# gives NA.
disattenuated_cross_loadings <- function(cross, loadings, membership, rho_a) {
  root <- sqrt(pmax(rho_a, 0))
  root[is.na(rho_a) | rho_a <= 0] <- NA_real_
  out <- sweep(cross, 2L, root, "/")
  own <- membership != 0
  out[own] <- loadings[own]
  out
}

# Row names for the scores: the data's own names, or the row numbers when
# casewise deletion dropped rows (so the scores can be matched to the data).
score_row_names <- function(data, rows_used) {
  automatic <- is.data.frame(data) && is.integer(.row_names_info(data, 0L))
  if (is.null(rows_used) || all(rows_used)) {
    return(if (automatic) NULL else rownames(data))
  }
  (rownames(data) %||% as.character(seq_along(rows_used)))[rows_used]
}

# A pls_model object may have been edited since parse_model() made it, so
# it is checked again.
as_pls_model <- function(model) {
  if (inherits(model, "pls_model")) return(check_pls_model(model))
  if (is.character(model)) return(parse_model(model))
  abort_input("{.arg model} must be model syntax (a string) or a {.cls pls_model}, not {.obj_type_friendly {model}}.")
}

# pls_boot() needs at least 2 resamples; 0 is no bootstrap.
check_boot_count <- function(R) {
  check_number(R, "R", min = 0, integer = TRUE)
  if (R == 1) abort_input("{.arg R} must be 0 (no bootstrap) or a whole number of at least 2, not 1.")
  invisible(R)
}

# Builds the pls_fit object from the raw C results.
new_pls_fit <- function(raw, model, n, settings, call) {
  indicators <- model$indicators
  constructs <- model$constructs
  membership <- block_membership(model)
  outer_weights <- membership * raw$weights
  cross_loadings <- raw$cross_loadings
  dimnames(cross_loadings) <- dimnames(membership)
  construct_cor <- raw$construct_cor
  path_coef <- raw$path_coef
  dimnames(construct_cor) <- dimnames(path_coef) <- list(constructs, constructs)
  endogenous <- model_endogenous(model)
  r2 <- stats::setNames(raw$r2[match(endogenous, constructs)], endogenous)
  n_predictors <- colSums(model$inner != 0)[endogenous]
  df <- n - n_predictors - 1
  r2_adj <- ifelse(!is.na(df) & df > 0, 1 - (1 - r2) * (n - 1) / df, NA_real_)
  scores <- raw$scores
  # (c_fit_data() names them without copying the matrix)
  if (!is.null(scores) && !identical(colnames(scores), constructs)) colnames(scores) <- constructs
  indicator_cor <- raw$cor
  dimnames(indicator_cor) <- list(indicators, indicators)
  outer_loadings <- membership * raw$loadings
  rho_a <- stats::setNames(raw$rho_a, constructs)
  if (isTRUE(settings$consistent)) {
    cross_loadings <- disattenuated_cross_loadings(cross_loadings, outer_loadings, membership, rho_a)
  }
  fit <- list(
    outer_weights = outer_weights,
    outer_loadings = outer_loadings,
    cross_loadings = cross_loadings,
    path_coef = path_coef,
    r2 = r2,
    r2_adj = stats::setNames(r2_adj, endogenous),
    construct_cor = construct_cor,
    scores = scores,
    indicator_cor = indicator_cor,
    rho_a = rho_a,
    admissible = raw$admissible,
    iterations = raw$iterations,
    converged = raw$converged,
    nobs = n,
    means = if (!is.null(raw$means)) stats::setNames(raw$means, base_indicators(model)),
    sds = if (!is.null(raw$sds)) stats::setNames(raw$sds, base_indicators(model)),
    rows_used = raw$rows_used,
    data = NULL,
    case_weights = NULL,
    model = model,
    settings = settings,
    call = call
  )
  if (!is.null(model$stages)) fit$stages <- raw[stage_estimates]
  if (!is.null(raw$em)) fit$em <- raw$em
  if (!is.null(raw$thresholds)) fit$thresholds <- raw$thresholds
  class(fit) <- "pls_fit"
  if (!fit$admissible) {
    warn_iecpls(c(
      "The consistent PLS (PLSc) solution is inadmissible.",
      "i" = "A reliability, corrected construct correlation or loading exceeds 1, or the corrected construct correlations are not positive definite; see {.field rho_a} and {.field construct_cor}."
    ), class = "iecpls_inadmissible_warning")
  }
  if (!fit$converged) {
    warn_iecpls(c(
      "The PLS algorithm did not converge in {settings$max_iter} iterations (tol = {settings$tol}).",
      "i" = "Estimates are from the last iteration; try a larger {.arg max_iter} or another {.arg scheme}."
    ), class = "iecpls_not_converged_warning")
  }
  fit
}

# indicators x constructs 0/1 matrix of block membership.
block_membership <- function(model) {
  membership <- matrix(0, length(model$indicators), length(model$constructs),
                       dimnames = list(model$indicators, model$constructs))
  for (construct in model$constructs) membership[model$blocks[[construct]], construct] <- 1
  membership
}
