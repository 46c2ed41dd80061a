# iecpls: the README's two commands, plus helpers.
#   make demo   install what is missing, install the package, fit the example study
#               and write its HTML report
#   make check  install what is missing, R CMD build, R CMD check --as-cran (runs the tests)
# "What is missing": R packages from CRAN (tools/install-deps.R, logic in
# R/deps.R) and system tools (tools/system-deps.sh: apt-get as root, else a
# message naming the command).
#   make sanitize  the test suite against an ASan/UBSan build; prints the report count
#   make valgrind  a representative script under valgrind; prints the report count
#   make site      the pkgdown site, built offline into docs/ (git ignores it)
R        ?= R
RSCRIPT  ?= Rscript
PKG      := iecpls
VERSION  := $(shell sed -n 's/^Version: *//p' DESCRIPTION)
TARBALL  := $(PKG)_$(VERSION).tar.gz
CHECKDIR := check
SITEDIR  ?= docs

# Offline, these two --as-cran checks need the internet; they are the only
# waivers besides --no-manual (no TeX installation here).
CHECK_ENV := _R_CHECK_CRAN_INCOMING_REMOTE_=false _R_CHECK_SYSTEM_CLOCK_=false

.PHONY: deps sysdeps install demo build check document bench site clean sanitize valgrind

deps:
	$(RSCRIPT) tools/install-deps.R

# pandoc builds the vignettes; qpdf and tidy are used by --as-cran
sysdeps:
	bash tools/system-deps.sh pandoc qpdf tidy

# the compiler's command lines go to a log (printed if the install fails),
# so make demo's output fits 80 columns
install: deps
	@mkdir -p $(CHECKDIR)
	@echo "R CMD INSTALL --preclean --no-multiarch . (log: $(CHECKDIR)/install.log)"
	@$(R) CMD INSTALL --preclean --no-multiarch . >$(CHECKDIR)/install.log 2>&1 || \
	  { cat $(CHECKDIR)/install.log; exit 1; }

demo: install
	bash tools/system-deps.sh --optional pandoc
	$(RSCRIPT) tools/demo.R

# BENCH="fimix nca cta" runs only those sections of bench/run.R and merges
# their rows into bench/RESULTS.md (see the top of bench/run.R)
bench: install
	$(RSCRIPT) -e 'for (p in c("seminr", "cSEM", "matrixpls", "seminrExtras", "NCA")) if (!requireNamespace(p, quietly = TRUE)) install.packages(p, repos = "https://cloud.r-project.org")'
	$(RSCRIPT) bench/run.R $(BENCH)

# pkgdown is not a dependency of iecpls: installed here when missing, with
# the C libraries its dependencies compile against and evaluate >= 1.0
# (downlit, pkgdown's code highlighter, needs it without declaring it).
# These installs, when something is missing, are the only steps that use
# the network; tools/build-site.R fetches nothing.
site:
	bash tools/system-deps.sh pandoc pkg-config lib:libcurl lib:harfbuzz lib:fribidi \
	  lib:freetype2 lib:libpng lib:libjpeg lib:libtiff-4 lib:libwebp
	$(RSCRIPT) tools/install-deps.R "pkgdown (>= 2.1.0)" "evaluate (>= 1.0.0)"
	$(RSCRIPT) tools/build-site.R $(SITEDIR)

document:
	$(RSCRIPT) -e 'roxygen2::roxygenise()'

build: deps sysdeps
	rm -rf $(CHECKDIR) && mkdir -p $(CHECKDIR)
	cd $(CHECKDIR) && $(R) CMD build ..

check: build
	cd $(CHECKDIR) && $(CHECK_ENV) $(R) CMD check --as-cran --no-manual $(TARBALL); \
	  status=$$?; cd .. && bash tools/check-summary.sh $(CHECKDIR)/$(PKG).Rcheck $$status

sanitize: deps
	bash tools/sanitize.sh

valgrind: deps
	bash tools/system-deps.sh valgrind
	bash tools/valgrind.sh

clean:
	rm -rf $(CHECKDIR) src/*.o src/*.so
