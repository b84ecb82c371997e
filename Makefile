# Everyday tasks. CI runs .ci/run (formatting, go mod tidy, vet, lint, the
# tests) on a clean clone; `make ci` runs the same here.

FUZZTIME ?= 30s
# the packages with fuzz targets
FUZZ_PKGS := $(sort $(patsubst ./%/,./%,$(dir $(shell grep -rl --include='*_test.go' '^func Fuzz' .))))

.PHONY: test lint fuzz bench goldens ci

test:
	go test ./...

lint:
	bash .ci/lint

# every fuzz target for FUZZTIME each (make fuzz FUZZTIME=10m; 100x: runs)
fuzz:
	@set -e; for pkg in $(FUZZ_PKGS); do \
		for target in $$(go test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$target for $(FUZZTIME)"; \
			go test $$pkg -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME); \
		done; \
	done

bench:
	go test -run '^$$' -bench . -benchmem ./model ./ui ./corpus

# write the goldens again from what the code renders now; review the diff
goldens:
	go test ./ui ./model ./cmd/quotetrail -run Golden -update

ci:
	CI=true bash .ci/run
