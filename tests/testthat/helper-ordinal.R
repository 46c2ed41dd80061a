# Shared by test-ordinal-cor.R: the polycor fixtures
# (tools/make-fixtures-ordinal.R) and the data as ordinal_cor() takes them.

ordinal_fixture <- function() readRDS(test_path("fixtures", "ordinal_polycor.rds"))

# Ordinal columns as ordered factors with every category of their scale
# (`levels`: how many), so that a category nobody chose is an unused level.
as_ordered <- function(data, ordinal, levels) {
  for (j in names(data)[ordinal]) data[[j]] <- factor(data[[j]], levels = seq_len(levels[[j]]), ordered = TRUE)
  data
}

# The mixed mobi data set of the fixtures (ordinal and continuous columns).
mobi_mixed_data <- function(fixture = ordinal_fixture()) {
  set <- fixture$hetcor$mobi_mixed
  list(data = as_ordered(set$data, set$ordinal, set$levels), ordinal = set$ordinal, fixture = set)
}

# P(X <= h, Y <= k) for standard normals with correlation rho, by
# integrating the density over the correlation (Plackett 1954):
# pnorm(h) pnorm(k) + the integral of dbvn(h, k, r) dr from 0 to rho.
bvn_by_integration <- function(h, k, rho) {
  density <- function(r) exp(-(h^2 - 2 * r * h * k + k^2) / (2 * (1 - r^2))) / (2 * pi * sqrt(1 - r^2))
  stats::pnorm(h) * stats::pnorm(k) +
    stats::integrate(density, 0, rho, rel.tol = 1e-13, abs.tol = 1e-16, subdivisions = 1000L)$value
}
