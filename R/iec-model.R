#' Model syntax of the industry-education integration community study
#'
#' Returns the study's PLS path model as model syntax for [pls()] and
#' [parse_model()], with the items of the questionnaire ([iec_items]).
#'
#' * `"core"`: the five factors (TTM talent training mode, IC interest
#'   correlation, QEA quality and effectiveness assessment, GAD government
#'   administrative drive, RIG resource investment and guarantee) predict
#'   CTM, the construction of the community's training model.
#' * `"extended"`: the core model plus the outcomes of the training model,
#'   CTM -> PIA (practical innovation ability) and CTM -> CDA (career
#'   development ability), and GAD -> RIG (government drive brings
#'   resources), so that the five factors' effects on the outcomes are
#'   mediated by CTM and GAD's effect on CTM partly by RIG.
#'
#' All constructs are reflective (`=~`, Mode A). That includes RIG, although
#' resources are often modelled as a composite: its items do not count inputs
#' (money spent, square metres of laboratory), which would form an index, but
#' ask respondents to judge whether funding, equipment, mentors, agreements
#' and allowances are adequate, and such judgements share a common cause, the
#' community's overall commitment of resources. The simulated data
#' ([iec_simulate()]) are generated accordingly. To treat RIG as a composite
#' anyway, fit with `pls(..., modes = c(RIG = "B"))`.
#'
#' @param type `"core"` or `"extended"`.
#' @return A single string of model syntax, one statement per line.
#' @seealso [iec_survey], [iec_items], [pls()].
#' @examples
#' cat(iec_model("extended"))
#' fit <- pls(iec_model("core"), data = iec_survey, missing = "mean")
#' fit
#' @export
iec_model <- function(type = c("core", "extended")) {
  type <- match_arg(type)
  core <- c("TTM", "IC", "QEA", "GAD", "RIG", "CTM")
  constructs <- if (type == "core") core else c(core, "PIA", "CDA")
  structural <- "CTM ~ TTM + IC + QEA + GAD + RIG"
  if (type == "extended") structural <- c(structural, "RIG ~ GAD", "PIA ~ CTM", "CDA ~ CTM")
  paste(c(measurement_syntax(constructs), structural), collapse = "\n")
}

# `Construct =~ item1 + item2 ...` for each construct, items from iec_items.
measurement_syntax <- function(constructs) {
  items <- split(iec_items$item, factor(iec_items$construct, levels = constructs))
  paste(format(constructs), "=~", vapply(items, paste, character(1), collapse = " + "))
}
