# Entente — two commands set up a fresh machine: `make run` and `make test`.
SWIFT ?= swift
SCENARIO ?= Scenarios/csto-2018-2024.yaml
OUT ?= Results/csto-2018-2024
ENTENTE := .build/release/entente
# BLAS=openblas links GSL's BLAS calls to OpenBLAS (libopenblas-dev) instead of GSL's reference CBLAS.
BLAS ?= gsl
FUZZ_SECONDS ?= 60

ifeq ($(BLAS),openblas)
BUILD_FLAGS := --scratch-path .build-openblas
BLAS_ENV := PKG_CONFIG_PATH=$(CURDIR)/Scripts/pkgconfig-openblas
BENCH := .build-openblas/release/entente-bench
else
BUILD_FLAGS :=
BLAS_ENV :=
BENCH := .build/release/entente-bench
endif

PREFIX ?= /usr/local
DESTDIR ?=

.PHONY: run validate validate-loo screen-library validate-calibration test gsl build install uninstall bench test-sanitize test-cluster fuzz clean

## Install GSL if missing (apt-get; root or sudo).
gsl:
	@sh Scripts/ensure-gsl.sh
ifeq ($(BLAS),openblas)
	@sh Scripts/ensure-gsl.sh openblas
endif

## Release build of the `entente` command.
build: gsl
	$(SWIFT) build -c release --product entente

## Install the release binary and its bash, zsh and fish completions under $(DESTDIR)$(PREFIX) (default /usr/local).
install: build
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/bash-completion/completions \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d
	install -m 755 $(ENTENTE) $(DESTDIR)$(PREFIX)/bin/entente
	$(ENTENTE) completions bash > $(DESTDIR)$(PREFIX)/share/bash-completion/completions/entente
	$(ENTENTE) completions zsh > $(DESTDIR)$(PREFIX)/share/zsh/site-functions/_entente
	$(ENTENTE) completions fish > $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/entente.fish
	@echo "installed $(DESTDIR)$(PREFIX)/bin/entente and its bash, zsh and fish completions"

## Remove what `make install` put under $(DESTDIR)$(PREFIX).
uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/entente $(DESTDIR)$(PREFIX)/share/bash-completion/completions/entente \
		$(DESTDIR)$(PREFIX)/share/zsh/site-functions/_entente $(DESTDIR)$(PREFIX)/share/fish/vendor_completions.d/entente.fish

## Run the default scenario into Results/, replacing an earlier `make run`, then plot it when matplotlib is there.
run: build
	$(ENTENTE) run $(SCENARIO) --out $(OUT) --force
	$(ENTENTE) compare $(SCENARIO) --out $(OUT)/compare --force
	@if python3 -c 'import matplotlib, pandas' 2>/dev/null; then \
		python3 Scripts/plot.py $(OUT) && echo "plots: $(OUT)/*.png"; \
	else \
		echo "plots skipped: pip install matplotlib pandas, then python3 Scripts/plot.py $(OUT)"; \
	fi
	@echo "results: $(OUT)/ (docs/outputs.md explains every file)"

## Score the model against history: $(SCENARIO) and every case in Scenarios/history/, each only once it
## exists with `observed:`. Exits 0 whatever the verdicts; writes Results/validation/ (the default model, 1) and
## Results/validation-model2/ (model 2 at its calibrated defaults) (docs/validation.md).
validate: build
	@cases=""; \
	if grep -q '^observed:' $(SCENARIO); then cases="$(SCENARIO)"; else echo "note: $(SCENARIO) has no observed: outcomes yet; not validated"; fi; \
	if [ -d Scenarios/history ]; then cases="$$cases Scenarios/history"; else echo "note: no Scenarios/history/ yet"; fi; \
	if [ -z "$$cases" ]; then echo "validate: no case to validate yet"; exit 0; fi; \
	echo "$(ENTENTE) validate $$cases --out Results/validation --force"; \
	$(ENTENTE) validate $$cases --out Results/validation --force || exit $$?; \
	echo "$(ENTENTE) validate $$cases --model 2 --out Results/validation-model2 --force"; \
	$(ENTENTE) validate $$cases --model 2 --out Results/validation-model2 --force || exit $$?; \
	if python3 -c 'import matplotlib, pandas' 2>/dev/null; then \
		python3 Scripts/plot.py Results/validation && echo "plots: Results/validation/*.png"; \
		python3 Scripts/plot.py Results/validation-model2 && echo "plots: Results/validation-model2/*.png"; \
	fi

## Leave-one-case-out validation (docs/validation.md#leave-one-case-out): for each case of CAL's library, calibrate
## on the others (PARTICLES particles, k = REPLICATES, ≤ GENERATIONS generations), score the held-out case with
## `validate --posterior`; also the whole library in sample. Writes Results/validation-loo/model-MODEL/loo.csv.
## `make validate-loo MODEL=1` for model 1 on the same data. About 5 minutes per model on 2 free cores
## (20–24 minutes measured on the shared, loaded 2-core machine).
MODEL ?= 2
CAL ?= Scenarios/calibration/library-model2.yaml
PARTICLES ?= 100
REPLICATES ?= 4
GENERATIONS ?= 4
LOO_VALIDATE_REPLICATES ?= 200
LOO_DRAWS ?= 50
validate-loo: build
	MODEL=$(MODEL) CAL=$(CAL) PARTICLES=$(PARTICLES) REPLICATES=$(REPLICATES) GENERATIONS=$(GENERATIONS) \
		VALIDATE_REPLICATES=$(LOO_VALIDATE_REPLICATES) DRAWS=$(LOO_DRAWS) ENTENTE=$(ENTENTE) \
		sh Scripts/validate-loo.sh

## Morris screen of model MODEL over the library (docs/sensitivity.md#screening-the-library): which of the
## candidate parameters in SCREEN move the observed outcomes most, each scored as `entente validate` scores it.
## R trajectories of LEVELS levels, REPLICATES replicates per case and point, seed SEED; writes OUT/screen.csv
## (default Results/screen-library/model-MODEL). About 2 minutes for the shipped file (20 candidates, R = 8).
SCREEN ?= Scenarios/calibration/screen-model2.yaml
screen-library: R = 8
screen-library: LEVELS = 4
screen-library: REPLICATES = 10
screen-library: SEED = 16
screen-library: WINDOW = 24
screen-library: OUT = Results/screen-library/model-$(MODEL)
screen-library: build
	MODEL=$(MODEL) SCREEN=$(SCREEN) R=$(R) LEVELS=$(LEVELS) REPLICATES=$(REPLICATES) SEED=$(SEED) WINDOW=$(WINDOW) \
		OUT=$(OUT) ENTENTE=$(ENTENTE) sh Scripts/screen-library.sh

## Simulation-based calibration of `entente calibrate` (docs/calibration.md#proof-that-it-is-right): SBC_DATASETS
## datasets of the toy in Tests/Fixtures/calibration; writes Results/calibration-sbc/sbc.csv and sbc_ranks.png.
SBC_DATASETS ?= 200
SBC_PARTICLES ?= 100
SBC_REPLICATES ?= 3
validate-calibration: gsl
	ENTENTE_SBC_DATASETS=$(SBC_DATASETS) ENTENTE_SBC_PARTICLES=$(SBC_PARTICLES) ENTENTE_SBC_GENERATIONS=5 \
		ENTENTE_SBC_REPLICATES=$(SBC_REPLICATES) \
		ENTENTE_SBC_OUT=$(CURDIR)/Results/calibration-sbc \
		$(SWIFT) test --filter CalibrationAccuracyTests/testSimulationBasedCalibration
	@if python3 -c 'import matplotlib, pandas' 2>/dev/null; then python3 Scripts/plot.py Results/calibration-sbc; fi

## Build and run every test.
test: gsl
	$(SWIFT) build --product entente
	$(SWIFT) test

## The benchmark suite (release build); writes Results/bench/bench.csv. `make bench BLAS=openblas` for OpenBLAS.
bench: gsl
	$(BLAS_ENV) $(SWIFT) build -c release --product entente-bench $(BUILD_FLAGS)
	$(BENCH)

## Thread sanitizer on the in-process parallel tests, address sanitizer on the whole suite.
test-sanitize: gsl
	TSAN_OPTIONS="suppressions=$(CURDIR)/Tests/sanitizers/tsan.supp halt_on_error=1" \
		$(SWIFT) test --sanitize=thread --scratch-path .build-tsan --filter 'ParallelSweepTests|DeterminismTests'
	$(SWIFT) build --sanitize=address --scratch-path .build-asan --product entente
	ASAN_OPTIONS=detect_leaks=0 $(SWIFT) test --sanitize=address --scratch-path .build-asan

## A real one-node Slurm: installs slurm-wlm and munge, runs a sharded sweep as an array job, compares with one process.
test-cluster: build
	bash Tests/cluster/slurm-local.sh

## The scenario/sweep loader fuzzer (libFuzzer) for FUZZ_SECONDS seconds.
fuzz: gsl
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash Scripts/fuzz.sh

clean:
	rm -rf .build .build-openblas .build-tsan .build-asan .build-fuzz
