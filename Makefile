# Entente — two commands set up a fresh machine: `make run` and `make test`.
SWIFT ?= swift
SCENARIO ?= Scenarios/csto-2018-2024.yaml
OUT ?= Results/csto-2018-2024
ENTENTE := .build/release/entente

.PHONY: run test gsl build plot-deps clean

## Install GSL if missing (apt-get; root or sudo).
gsl:
	@sh Scripts/ensure-gsl.sh

## Release build of the `entente` command.
build: gsl
	$(SWIFT) build -c release --product entente

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

## Build and run every test.
test: gsl
	$(SWIFT) build --product entente
	$(SWIFT) test

clean:
	rm -rf .build
