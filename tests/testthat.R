library(testthat)
library(iecpls)

test_check("iecpls")
