# Builds data/iec_survey.rda, the SIMULATED survey shipped with iecpls: one
# draw of 500 respondents from the default population model. Run from the
# package root with the package's current code loaded, for example
#   Rscript -e 'pkgload::load_all(); source("data-raw/iec_survey.R")'
# The call below is documented in ?iec_survey, and the tests check that it
# reproduces the shipped data exactly (tests/testthat/test-iec-simulate.R).
iec_survey <- iec_simulate(500, seed = 9)
save(iec_survey, file = "data/iec_survey.rda", compress = "xz", version = 2)
