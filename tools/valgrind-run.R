# The representative subset of iecpls that `make valgrind` runs under
# valgrind (tools/valgrind.sh): every .Call entry point on small data, the
# fit paths (data, S, weights, casewise, mean replacement, Mode B, PLSc), a
# bootstrap with the jackknife, prediction, a small power simulation, the
# summaries, and C error paths.
library(iecpls)
options(warn = 1)
ecsi <- "
  Image        =~ IMAG1 + IMAG2 + IMAG3 + IMAG4 + IMAG5
  Satisfaction =~ CUSA1 + CUSA2 + CUSA3
  Loyalty      =~ CUSL1 + CUSL2 + CUSL3
  Satisfaction ~ Image
  Loyalty      ~ Image + Satisfaction
"
reputation <- "
  QUAL <~ qual_1 + qual_2 + qual_3 + qual_4 + qual_5 + qual_6 + qual_7 + qual_8
  PERF <~ perf_1 + perf_2 + perf_3 + perf_4 + perf_5
  COMP =~ comp_1 + comp_2 + comp_3
  LIKE =~ like_1 + like_2 + like_3
  CUSL =~ cusl_1 + cusl_2 + cusl_3
  COMP + LIKE ~ QUAL + PERF
  CUSL ~ COMP + LIKE
"
fit <- pls(ecsi, data = mobi)
print(fit)
for (scheme in c("factorial", "centroid")) pls(ecsi, data = mobi, scheme = scheme)
pls(ecsi, data = mobi, case_weights = rep(1:2, 125))
pls(ecsi, S = cor(mobi), nobs = 250)
composite <- pls(reputation, data = corp_rep_data, na_values = -99, missing = "mean")
coded <- corp_rep_data
coded[coded == -99] <- NA
casewise <- pls(reputation, data = coded, missing = "casewise", case_weights = rep(c(1, 3), length.out = nrow(coded)))

set.seed(1)
boot <- pls_boot(fit, R = 50, cores = 2)
print(summary(boot))
confint(boot, type = "bca")
set.seed(2)
pls_boot(casewise, R = 50, sign_change = "construct", bca = TRUE)
print(summary(fit))
plsc <- pls(ecsi, data = mobi, consistent = TRUE)
set.seed(4)
pls_boot(plsc, R = 30)
predict(fit, newdata = mobi[1:20, ])
set.seed(5)
pls_predict(fit, k = 5, reps = 1)
set.seed(6)
pls_power(n = 60, reps = 2, R = 20)
pls_effects(composite)
pls_f2(fit, method = "refit")
pls_htmt(fit)
pls_model_fit(fit)

# C error paths: a singular Mode B block, a zero-variance column, an
# infinite value, a resample that fails
bad <- mobi
bad$IMAG6 <- bad$IMAG1 + bad$IMAG2
try(pls(sub("IMAG5", "IMAG5 + IMAG6", sub("Image        =~", "Image <~", ecsi)), data = bad))
bad$CUSA1 <- 5L
try(pls(ecsi, data = bad))
bad <- mobi
bad$CUSA1 <- as.double(bad$CUSA1)
bad$CUSA1[3] <- Inf
try(pls(ecsi, data = bad))
tiny <- mobi[1:12, ]
set.seed(3)
suppressWarnings(pls_boot(pls(ecsi, data = tiny), R = 50))
cat("valgrind subset done\n")
