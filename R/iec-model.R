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
#' * `"moderated"`: the extended model plus the interaction `CTM ~ GAD:RIG`
#'   (see [pls()], argument `interaction`): resource investment and guarantee
#'   moderates the direct effect of government administrative drive on the
#'   construction of the training model. Fit it to data simulated from
#'   `iec_population(moderated = TRUE)`, whose population carries that
#'   interaction; the shipped [iec_survey] does not.
#' * `"hoc"`: the five factors as the dimensions of one formative
#'   second-order construct, COND (the conditions the integration community
#'   provides for building its training model), `COND <~ TTM + IC + QEA +
#'   GAD + RIG`, with COND -> CTM -> PIA and CTM -> CDA (see [pls()],
#'   argument `hoc`).
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
#' @section The moderated model:
#' The study expects government drive to matter more where resources are
#' scarce, that is a negative GAD x RIG interaction. Government drive (policy,
#' coordination among universities, enterprises and agencies, incentives,
#' monitoring) and resource investment (funding, equipment, mentors,
#' agreements, allowances) are two ways of securing what a community needs to
#' build its training model. Where a community lacks resources, policy and
#' administrative coordination stand in for them: they bring partners to the
#' table, lend the community legitimacy and open special funds, so each step
#' of government drive changes much. Where funding, equipment and mentors are
#' already in place, the partners have their own reasons to cooperate, and
#' further administrative drive adds little (or adds procedure and crowds out
#' the partners' own initiative). Policy and resources are thus substitutes,
#' not complements, and the product term's coefficient is negative; by the
#' same coefficient, resources matter more where government drive is weak.
#' The opposite hypothesis, that policy works only where resources let the
#' community act on it (a positive interaction), is also arguable; the data
#' decide, and the simulated population takes the substitution view.
#'
#' The second-order variant reads the five factors as what the study says
#' they are: the conditions under which a community builds its training
#' model. Each factor stays a reflective construct with its own items; the
#' conditions are not a common cause of the five (a community can have
#' strong government drive and weak resources) but are made up of them, so
#' COND is a formative (Mode B) composite of the factors, a reflective-formative
#' (Type II) second-order construct (Sarstedt et al. 2019). One path, COND ->
#' CTM, then carries their joint effect, and COND's weights give each
#' factor's share in it, the relative contributions the study's four
#' recommendations weigh against each other. CTM keeps its own items as the
#' construct the conditions act on. The price is the path GAD -> RIG of the
#' extended model: a dimension takes no part in the structural model.
#'
#' The moderated variant extends the `"extended"` model, the one the study's
#' analysis uses, rather than the core: the interaction then sits next to the
#' path GAD -> RIG, so government drive reaches CTM in two ways that the
#' study's recommendations name together, through the resources it releases
#' (optimise policy supply, integrate resource allocation) and directly, where
#' resources are scarce. The model also nests the extended model, so the
#' interaction's f^2 compares the two.
#'
#' @param type `"core"`, `"extended"`, `"moderated"` or `"hoc"`.
#' @return A single string of model syntax, one statement per line.
#' @seealso [iec_survey], [iec_items], [pls()]; [iec_population()] for the
#'   population model behind the simulated data.
#' @examples
#' cat(iec_model("extended"))
#' cat(iec_model("moderated"))
#' cat(iec_model("hoc"))
#' fit <- pls(iec_model("core"), data = iec_survey, missing = "mean")
#' fit
#'
#' # The moderated model on SIMULATED data from the moderated population
#' survey <- iec_simulate(300, iec_population(moderated = TRUE), seed = 1)
#' moderated <- pls(iec_model("moderated"), data = survey, missing = "mean")
#' moderated$path_coef[c("GAD", "RIG", "GAD:RIG"), "CTM"]
#' @export
iec_model <- function(type = c("core", "extended", "moderated", "hoc")) {
  type <- match_arg(type)
  core <- c("TTM", "IC", "QEA", "GAD", "RIG", "CTM")
  constructs <- if (type == "core") core else c(core, "PIA", "CDA")
  structural <- "CTM ~ TTM + IC + QEA + GAD + RIG"
  if (type != "core") structural <- c(structural, "RIG ~ GAD")
  if (type %in% c("extended", "moderated")) structural <- c(structural, "PIA ~ CTM", "CDA ~ CTM")
  if (type == "moderated") structural <- c(structural, "CTM ~ GAD:RIG")
  if (type == "hoc") structural <- c("COND <~ TTM + IC + QEA + GAD + RIG", "CTM ~ COND", "PIA ~ CTM", "CDA ~ CTM")
  paste(c(measurement_syntax(constructs), structural), collapse = "\n")
}

# `Construct =~ item1 + item2 ...` for each construct, items from iec_items.
measurement_syntax <- function(constructs) {
  items <- split(iec_items$item, factor(iec_items$construct, levels = constructs))
  paste(format(constructs), "=~", vapply(items, paste, character(1), collapse = " + "))
}
