# Pinned tflint used by the end-to-end tests and the demo, installed into
# .tools/tflint-<version>/bin; make test TFLINT_VERSION=v0.50.0 tests another.
TFLINT_VERSION := v0.64.0
TOOLS          := $(CURDIR)/.tools/tflint-$(TFLINT_VERSION)/bin
TFLINT         := $(TOOLS)/tflint
PLUGIN         := tflint-ruleset-fargate
# Fuzz budgets are execution counts: Go 1.26's duration -fuzztime can fail by chance
# ("context deadline exceeded") when the deadline lands mid-run.
FUZZ_SCALE     ?= 1

.PHONY: build install tools test unit e2e fuzz demo bench vet clean

build:
	go build -o $(PLUGIN) .

install: build
	mkdir -p $(HOME)/.tflint.d/plugins
	cp $(PLUGIN) $(HOME)/.tflint.d/plugins/

tools: $(TFLINT)

$(TFLINT):
	GOBIN=$(TOOLS) go install github.com/terraform-linters/tflint@$(TFLINT_VERSION)

vet:
	@test -z "$$(gofmt -l .)" || (echo "gofmt needed:"; gofmt -l .; exit 1)
	go vet ./...

# Unit tests, the end-to-end suite on the pinned tflint, and a short fuzz run.
test: tools vet
	TFLINT=$(TFLINT) go test ./...
	$(MAKE) fuzz

unit:
	go test ./... -skip TestEndToEnd

e2e: tools
	TFLINT=$(TFLINT) go test . -run TestEndToEnd -count=1

fuzz:
	go test ./tree/ -run '^$$' -fuzz FuzzParseJSON -fuzztime $$((50000 * $(FUZZ_SCALE)))x
	go test ./config/ -run '^$$' -fuzz FuzzDecodeJSON -fuzztime $$((30000 * $(FUZZ_SCALE)))x
	go test ./rules/ -run '^$$' -fuzz FuzzRules -fuzztime $$((3000 * $(FUZZ_SCALE)))x
	go test ./tffunc/ -run '^$$' -fuzz FuzzFunctions -fuzztime $$((2000 * $(FUZZ_SCALE)))x
	go test ./iampolicy/ -run '^$$' -fuzz FuzzParse -fuzztime $$((5000 * $(FUZZ_SCALE)))x
	go test ./hclnative/ -run '^$$' -fuzz FuzzParse -fuzztime $$((20000 * $(FUZZ_SCALE)))x

# The doc-driven tests alone (they also run in `make test`): the snippets of
# docs/integrations.md, the README's demo output and the release checks. The pre-commit test
# also runs pre-commit itself when it is installed, and says it skipped that otherwise:
# pre-commit comes from Debian and Ubuntu (apt-get install pre-commit) or Homebrew.
.PHONY: integrations
integrations: tools
	TFLINT=$(TFLINT) go test . -run 'Integration|Release|Docs' -count=1 -v

# Runs tflint with the plugin over examples/demo, as a user sees it.
demo: tools build
	@mkdir -p .tools/plugins && cp $(PLUGIN) .tools/plugins/
	@cd examples/demo && TFLINT_PLUGIN_DIR=$(CURDIR)/.tools/plugins $(TFLINT) --config .tflint.hcl --format default; \
	  status=$$?; [ $$status -eq 0 ] || [ $$status -eq 2 ] # 2: issues found, as intended

# Wall-time ratio of tflint with the plugin (all preset) over tflint alone.
# It also times the binary on its own (standalone, all preset) against tflint alone.
# The monorepo variant lints 300+ folders calling shared modules with --recursive.
bench: tools build
	go run ./bench -tflint $(TFLINT) -plugin $(CURDIR)/$(PLUGIN)
	go run ./bench -tflint $(TFLINT) -plugin $(CURDIR)/$(PLUGIN) -variant modules
	go run ./bench -tflint $(TFLINT) -plugin $(CURDIR)/$(PLUGIN) -variant monorepo -runs 3

# The standalone linter (the binary without tflint) held to tflint: every end-to-end case
# both ways, the invocation modes, the report formats, and the documented standalone snippets.
.PHONY: standalone demo-standalone
standalone: tools
	TFLINT=$(TFLINT) go test . ./standalone/ -run 'Standalone|MatchTFLint|MatchesTFLint' -count=1

# Runs the binary on its own over examples/demo, as `make demo` runs tflint with it.
demo-standalone: build
	@cd examples/demo && $(CURDIR)/$(PLUGIN) --config .tflint.hcl --format default; \
	  status=$$?; [ $$status -eq 0 ] || [ $$status -eq 2 ] # 2: issues found, as intended

clean:
	rm -rf $(PLUGIN) dist .tools/plugins

# Real-world instruments (not part of `make test`): public code at pinned refs, exported
# into a cache outside the repository (see realworld/README.md for how to fill it).
# realworld: lint the examples of recall.txt and plant one catalog mistake at a time.
# realworld-heldout: the same on heldout.txt (trial repositories never used for fixes),
# planting into the repositories' own modules too.
# realworld-trial: lint the repositories of trial.txt with --recursive, against the review.
.PHONY: realworld realworld-heldout realworld-trial realworld-fill
REALWORLD_CACHE ?= $(HOME)/.cache/fargate-realworld

realworld-fill:
	go run ./realworld fill -cache $(REALWORLD_CACHE) -list realworld/recall.txt
	go run ./realworld fill -cache $(REALWORLD_CACHE) -list realworld/trial.txt

realworld: tools build
	go run ./realworld recall -cache $(REALWORLD_CACHE) -tflint $(TFLINT) -plugin $(CURDIR)/$(PLUGIN)

realworld-heldout: tools build
	go run ./realworld recall -list realworld/heldout.txt -plant-own -cache $(REALWORLD_CACHE) -tflint $(TFLINT) -plugin $(CURDIR)/$(PLUGIN)

realworld-trial: tools build
	go run ./realworld trial -cache $(REALWORLD_CACHE) -tflint $(TFLINT) -plugin $(CURDIR)/$(PLUGIN)
