# Thin wrapper around CMake + Ninja; see README.md.
BUILD      ?= build
ASAN_BUILD ?= build-asan
CMAKE_FLAGS ?=

# Debian packages the build and the tests need.
PACKAGES = cmake ninja-build g++ clang libclang-rt-14-dev pkg-config libcurl4-openssl-dev \
  nlohmann-json3-dev libpugixml-dev libsqlitecpp-dev libsqlite3-dev libcli11-dev libtomlplusplus-dev libexpected-dev \
  libpsl-dev libicu-dev libgumbo-dev libdtl-dev libsimdjson-dev libgtest-dev libgmock-dev libcpp-httplib-dev openssl python3 python3-jsonschema util-linux time zlib1g-dev
# The programs the exports are tested against; their recommends (TeX Live) are not needed.
CLIENT_PACKAGES = pandoc biber kramdown ruby-kramdown-parser-gfm cmark-gfm python3-bibtexparser

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test asan check bench fuzz clean

all: build

deps:
	@missing=$$(for p in $(PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	clients=$$(for p in $(CLIENT_PACKAGES); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done); \
	if [ -n "$$missing$$clients" ]; then \
	  echo "installing:" $$missing $$clients; \
	  $(SUDO) apt-get update -qq; \
	fi; \
	if [ -n "$$missing" ]; then DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; fi; \
	if [ -n "$$clients" ]; then DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$clients; fi

build: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo $(CMAKE_FLAGS)
	cmake --build $(BUILD)

demo: build
	$(BUILD)/refs --db $(BUILD)/demo-library.sqlite resolve tests/data/ai-trends-2023-11.md

test: build
	cd $(BUILD) && ctest --output-on-failure

# The sanitizer build uses clang, so every check builds with both compilers; CI also fuzzes.
asan: deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREFS_SANITIZE=ON \
	  -DCMAKE_CXX_COMPILER=clang++ $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD)
	cd $(ASAN_BUILD) && ctest --output-on-failure

check: test asan fuzz

# Figures for the README and closing notes; run on an idle machine.
CORPUS ?= ../shared/corpus/html
bench: build
	$(BUILD)/tests/bench/resolve_offline_bench $(CURDIR)
	$(BUILD)/tests/bench/extract_bench $(CORPUS)
	$(BUILD)/tests/bench/resolve_latency_bench $(CURDIR)
	$(BUILD)/tests/bench/accuracy_bench tests/fixtures/corpus
	$(BUILD)/tests/bench/dedupe_bench $(BUILD)/cli/refs
	$(BUILD)/tests/bench/export_bench $(BUILD)/cli/refs

# Runs each libFuzzer target for FUZZ_SECONDS (default 60) from the test fixtures; a crash, leak or
# sanitizer report stops it with the input saved as build-fuzz/TARGET-crash-*.
FUZZ_SECONDS ?= 60
FUZZ_TARGETS = footnote_reader page_metadata arxiv_feed url_identity footnote_join bibtex_reader cite_markers csl_json
fuzz: deps
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DREFS_FUZZ=ON -DREFS_TESTS=OFF $(CMAKE_FLAGS)
	cmake --build build-fuzz --target $(FUZZ_TARGETS:%=%_fuzz)
	mkdir -p $(FUZZ_TARGETS:%=build-fuzz/corpus/%)
	cp tests/fixtures/bibtex/*.bib build-fuzz/corpus/bibtex_reader/
	cp tests/data/*.md build-fuzz/corpus/footnote_reader/
	cp tests/data/*.md build-fuzz/corpus/footnote_join/
	cp tests/data/*.md tests/fixtures/cite/*.md build-fuzz/corpus/cite_markers/
	cp tests/fixtures/csl/*.json tests/fixtures/doi/*.json build-fuzz/corpus/csl_json/
	cp tests/fixtures/web/* build-fuzz/corpus/page_metadata/
	cp tests/fixtures/arxiv/* build-fuzz/corpus/arxiv_feed/
	cd build-fuzz/corpus/url_identity && split -l 1 -a 3 $(CURDIR)/tests/fuzz/url_identity_seeds.txt seed-
	for t in $(FUZZ_TARGETS); do \
	  build-fuzz/tests/fuzz/$${t}_fuzz -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -timeout=10 \
	    -artifact_prefix=build-fuzz/$$t- -print_final_stats=1 build-fuzz/corpus/$$t 2>build-fuzz/$$t.log \
	    || { tail -50 build-fuzz/$$t.log; exit 1; }; \
	  printf '%-16s %s\n' $$t "$$(grep -E '^stat::number_of_executed_units' build-fuzz/$$t.log | sed 's/.*: *//') runs, no crash"; \
	done

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz
