# Installs the R packages iecpls needs (Imports, Suggests, and the tools
# used to build and check it) that this machine lacks, from CRAN.
repos <- getOption("repos")
if (is.null(repos) || identical(unname(repos["CRAN"]), "@CRAN@")) repos <- c(CRAN = "https://cloud.r-project.org")
fields <- read.dcf("DESCRIPTION", fields = c("Imports", "Suggests", "LinkingTo"))
declared <- unlist(strsplit(paste(stats::na.omit(fields), collapse = ","), ","))
declared <- trimws(sub("\\(.*", "", declared))
base <- rownames(installed.packages(priority = "base"))
wanted <- setdiff(unique(c(declared[nzchar(declared)])), base)
missing <- setdiff(wanted, rownames(installed.packages()))
if (length(missing)) {
  message("Installing from CRAN: ", paste(missing, collapse = ", "))
  install.packages(missing, repos = repos, Ncpus = 2L)
}
still <- setdiff(wanted, rownames(installed.packages()))
if (length(still)) stop("Could not install: ", paste(still, collapse = ", "))
