# Builds data/mobi.rda and data/corp_rep_data.rda from the CSV exports of the
# peer packages kept in the workspace's shared/data folder (see its README for
# provenance and MD5 sums). Run from the package root:
#   Rscript data-raw/peer_data.R [path/to/shared/data]
# The values are written unchanged; in corp_rep_data -99 codes a missing value
# and is kept as -99, exactly as seminr ships it.
args <- commandArgs(trailingOnly = TRUE)
src <- if (length(args)) args[[1]] else file.path("..", "shared", "data")

read_peer <- function(file) {
  x <- utils::read.csv(file.path(src, file), check.names = FALSE)
  x[] <- lapply(x, function(col) if (is.numeric(col) && all(col == round(col), na.rm = TRUE)) as.integer(col) else col)
  x
}

mobi <- read_peer("mobi.csv")
corp_rep_data <- read_peer("corp_rep_data.csv")
save(mobi, file = "data/mobi.rda", compress = "xz", version = 2)
save(corp_rep_data, file = "data/corp_rep_data.rda", compress = "xz", version = 2)
