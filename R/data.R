#' ECSI mobile phone customer satisfaction data
#'
#' Survey of 250 customers of a mobile phone provider, the measurement
#' instrument of the European Customer Satisfaction Index (ECSI) adapted to the
#' mobile phone market. Real data, shipped unchanged from the seminr package
#' (version 2.3.4, GPL-3), where it is the dataset `mobi`.
#'
#' @format A data frame with 250 rows and 24 integer columns, answers on a
#'   scale from 1 to 10:
#' \itemize{
#'   \item `CUEX1-CUEX3`: Customer expectations: overall quality expected;
#'     meets personal needs; how often things could go wrong.
#'   \item `CUSA1-CUSA3`: Customer satisfaction: overall; fulfilment of
#'     expectations; compared with an ideal provider.
#'   \item `CUSCO`: Complaints: how well a complaint was or would be handled.
#'   \item `CUSL1-CUSL3`: Customer loyalty: would choose again; price
#'     difference needed to switch; would recommend.
#'   \item `IMAG1-IMAG5`: Image: trustworthy; stable and established; social
#'     contribution; concerned with customers; innovative.
#'   \item `PERQ1-PERQ7`: Perceived quality: overall; network; customer
#'     service; services used; range of services; reliability; clarity of
#'     information.
#'   \item `PERV1-PERV2`: Perceived value: price given quality; quality given
#'     price.
#' }
#' @source seminr 2.3.4 (`seminr::mobi`), GPL-3.
#' @references Tenenhaus, M., Esposito Vinzi, V., Chatelin, Y.-M., and Lauro,
#'   C. (2005). PLS path modeling. *Computational Statistics & Data Analysis*,
#'   48, 159--205. \doi{10.1016/j.csda.2004.03.005}
#' @examples
#' summary(mobi$CUSA1)
"mobi"

#' Corporate reputation data
#'
#' Survey of 344 customers of mobile phone service providers, the corporate
#' reputation example of Hair et al.'s PLS-SEM primer. Real data, shipped
#' unchanged from the seminr package (version 2.3.4, GPL-3), where it is the
#' dataset `corp_rep_data`. **The value -99 codes a missing answer** (70
#' cells); the published analyses replace it by the column mean, which is
#' `pls(..., missing = "mean", na_values = -99)`.
#'
#' @format A data frame with 344 rows and 50 integer columns. Model items are
#'   answered on 7-point scales:
#' \itemize{
#'   \item `serviceprovider, servicetype`: Provider (1-4) and contract type
#'     (1 = prepaid, 2 = contract).
#'   \item `csor_1-csor_5, csor_global`: Corporate social responsibility.
#'   \item `attr_1-attr_3, attr_global`: Attractiveness.
#'   \item `perf_1-perf_5, perf_global`: Performance.
#'   \item `qual_1-qual_8, qual_global`: Quality.
#'   \item `like_1-like_3`: Likeability.
#'   \item `comp_1-comp_3`: Competence.
#'   \item `cusl_1-cusl_3`: Customer loyalty.
#'   \item `cusa`: Customer satisfaction (single item).
#'   \item `age, education, occupation, nphh, sample_type`: Background
#'     variables (codes undocumented in the source).
#'   \item `mga_1-mga_4`: Variables for multigroup analysis.
#'   \item `switch_1-switch_4`: Switching costs (1-5).
#' }
#' @source seminr 2.3.4 (`seminr::corp_rep_data`), GPL-3.
#' @references Hair, J. F., Hult, G. T. M., Ringle, C. M., and Sarstedt, M.
#'   (2017). *A Primer on Partial Least Squares Structural Equation Modeling
#'   (PLS-SEM)* (2nd ed.). Sage.
#' @examples
#' colSums(corp_rep_data == -99)[colSums(corp_rep_data == -99) > 0]
"corp_rep_data"

#' Questionnaire of the industry-education integration community study
#'
#' The codebook of the questionnaire behind [iec_survey] and [iec_simulate()]:
#' one row per item, with its construct and its wording in English and
#' Chinese. Every item is a statement answered on a 5-point Likert scale (1 =
#' strongly disagree ... 5 = strongly agree). The items were written for this
#' package, after the constructs of the study, as single statements that ask
#' about one thing each; the answers in [iec_survey] are SIMULATED.
#'
#' The constructs are the five factors that shape how well an
#' industry-education integration community builds its training model of
#' professional-degree graduate students, TTM talent training mode
#' (curriculum, dual supervision, practice bases, projects), IC interest
#' correlation (shared benefits, gains for enterprises, trust), QEA quality and
#' effectiveness assessment (standards, enterprise participation, feedback),
#' GAD government administrative drive (policy, coordination, incentives,
#' monitoring) and RIG resource investment and guarantee (funding, equipment,
#' mentors, agreements, allowances); CTM, the construction of the community's
#' training model; and its outcomes PIA, graduates' practical innovation
#' ability, and CDA, their career development ability.
#'
#' @format A data frame with 32 rows and 8 character columns:
#' \describe{
#'   \item{`item`}{Item code, the column name in [iec_survey] (`ttm1` ...
#'     `cda3`).}
#'   \item{`construct`}{Construct code: `TTM` (5 items), `IC` (4), `QEA` (4),
#'     `GAD` (4), `RIG` (5), `CTM` (4), `PIA` (3), `CDA` (3).}
#'   \item{`construct_name`, `construct_name_zh`}{Construct name in English
#'     and Chinese.}
#'   \item{`wording_en`, `wording_zh`}{The statement in English and
#'     Chinese.}
#'   \item{`scale`, `scale_zh`}{The answer scale, 1 = strongly disagree, 2 =
#'     disagree, 3 = neither agree nor disagree, 4 = agree, 5 = strongly agree,
#'     in English and Chinese.}
#' }
#' The Chinese text is UTF-8. The object is part of the package namespace
#' (made from `data-raw/iec_items.csv` in the package sources) rather than a
#' dataset in `data/`.
#' @seealso [iec_model()] for the model built from these items.
#' @examples
#' table(iec_items$construct)
#' iec_items[iec_items$construct == "QEA", c("item", "wording_en")]
#' @docType data
#' @name iec_items
#' @usage iec_items
NULL

#' Industry-education integration community survey (SIMULATED data)
#'
#' SIMULATED answers of 500 respondents (graduate students, university
#' supervisors, enterprise mentors and administrators) to the questionnaire
#' [iec_items] of a study of industry-education integration communities that
#' train professional-degree graduate students. **These are not real survey
#' responses.** The original study's responses are not public; this dataset
#' is one draw from a documented population model with the design of that
#' study, so that its analysis can be reproduced and taught. Do not cite its
#' numbers as empirical findings.
#'
#' The data are `iec_simulate(500, seed = 9)` with the default
#' [iec_population()], written by `data-raw/iec_survey.R` in the package
#' sources (the package tests check that this call reproduces the dataset
#' exactly). The seed was chosen so that the shipped draw is typical rather
#' than unusually lucky or unlucky: it is the first seed, counting from 1,
#' whose PLS path estimates, R^2 of CTM and difference of IC -> CTM between
#' enterprise mentors and graduate students all lie within one standard
#' deviation of their averages over 100 draws (`data-raw/iec_survey_seed.R`).
#'
#' @section Population values:
#' Standardized latent paths (see [iec_population()] for all parameters):
#'
#' | path | value |
#' |---|---|
#' | TTM -> CTM | 0.40 |
#' | RIG -> CTM | 0.36 |
#' | QEA -> CTM | 0.27 |
#' | IC -> CTM | 0.16; 0.02 for graduate students, 0.34 for enterprise mentors |
#' | GAD -> CTM | 0.04 |
#' | GAD -> RIG | 0.50 |
#' | CTM -> PIA | 0.65 |
#' | CTM -> CDA | 0.60 |
#'
#' R^2 of CTM: 0.57 for graduate students, 0.64 for university supervisors
#' and administrators, 0.79 for enterprise mentors, 0.64 pooled; of PIA 0.42,
#' CDA 0.36 and RIG 0.25. PLS estimates approach smaller values (0.51 for
#' CTM), see [iec_implied()]. Loadings are 0.74 to 0.90, except `qea4`
#' (0.50), the weak item. The exogenous factors TTM, IC, QEA and GAD
#' correlate 0.15 to 0.45. Answers are cut from standard normal indicators at
#' -2.05, -1.25, -0.40 and 0.75, and 1.5% of the answers are missing
#' completely at random. Role probabilities are 0.40 (graduate student), 0.20
#' (university supervisor), 0.25 (enterprise mentor) and 0.15
#' (administrator).
#'
#' @format A data frame with 500 rows and 37 columns:
#' \itemize{
#'   \item `id`: respondent number.
#'   \item `role`: factor, graduate student, university supervisor,
#'     enterprise mentor or administrator.
#'   \item `degree_field`: factor, field of the professional degree
#'     programme: engineering, management, education, medicine or
#'     agriculture.
#'   \item `university_type`: factor, Double First-Class, other public or
#'     applied technology.
#'   \item `region`: factor, region of China: east, central, west or
#'     northeast.
#'   \item `ttm1-ttm5`, `ic1-ic4`, `qea1-qea4`, `gad1-gad4`, `rig1-rig5`,
#'     `ctm1-ctm4`, `pia1-pia3`, `cda1-cda3`: 32 integer columns, the answers
#'     1 (strongly disagree) to 5 (strongly agree) to the items of
#'     [iec_items]; `NA` is nonresponse.
#' }
#' @source Simulated with [iec_simulate()]; no real respondents.
#' @seealso [iec_model()] for the model, [iec_items] for the wording.
#' @examples
#' summary(iec_survey$role)
#' colMeans(is.na(iec_survey[iec_items$item]))[1:5]
#' fit <- pls(iec_model("extended"), data = iec_survey, missing = "mean")
#' fit
"iec_survey"
