# Thin wrapper around CMake + Ninja; see README.md.
BUILD      ?= build
ASAN_BUILD ?= build-asan
# The built binary; every target that runs refs runs this one.
REFS        = $(BUILD)/cli/refs
CMAKE_FLAGS ?=
# Our own builds treat warnings as errors; a plain `cmake` leaves them warnings.
OWN_FLAGS   = -DREFS_WERROR=ON $(CMAKE_FLAGS)

# Debian packages that building refs needs (all `make demo` installs).
BUILD_PACKAGES = cmake ninja-build g++ pkg-config libcurl4-openssl-dev nlohmann-json3-dev libpugixml-dev \
  libsqlitecpp-dev libsqlite3-dev libcli11-dev libtomlplusplus-dev libexpected-dev libpsl-dev libicu-dev \
  libgumbo-dev libdtl-dev libsimdjson-dev
# What the tests add: the sanitizer build's compiler, GoogleTest, the loopback HTTPS server and its tools,
# zsh for the completion script.
TEST_PACKAGES = clang libclang-rt-14-dev libgtest-dev libgmock-dev libcpp-httplib-dev openssl python3 \
  python3-jsonschema util-linux time zlib1g-dev zsh
# The programs the exports are tested against (the HTML page in Chromium and HTML Tidy), and the CSL
# styles and locales of --csl; their recommends (TeX Live) are not needed.
CLIENT_PACKAGES = pandoc biber kramdown ruby-kramdown-parser-gfm cmark-gfm python3-bibtexparser \
  citation-style-language-styles citation-style-language-locales chromium tidy

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# Prints the packages of $(1) that are not installed.
missing = $(shell for p in $(1); do dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' || echo $$p; done)

.PHONY: all deps test-deps build demo test asan release check bench bench-check fuzz clean

all: build

# Installs only what is missing (apt-get update only then), recommends left out for the clients.
deps:
	@$(call install,$(call missing,$(BUILD_PACKAGES)))

test-deps: deps
	@$(call install,$(call missing,$(TEST_PACKAGES)))
	@$(call install,$(call missing,$(CLIENT_PACKAGES)),--no-install-recommends)

install = if [ -n "$(strip $(1))" ]; then \
	  echo "installing: $(strip $(1))"; \
	  $(SUDO) apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) $(1); \
	fi

build: test-deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREFS_TESTS=ON $(OWN_FLAGS)
	cmake --build $(BUILD)

# Builds refs alone (the tests are not needed to try it) and resolves the sample post. Without
# network every reference keeps what the post says of it.
DEMO_DB = $(BUILD)/demo-library.sqlite
demo: deps
	cmake -S . -B $(BUILD) -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DREFS_TESTS=OFF $(OWN_FLAGS)
	cmake --build $(BUILD) --target refs
	$(REFS) --db $(DEMO_DB) resolve tests/data/ai-trends-2023-11.md
	@printf '\nnext:\n'
	@printf '  %-42s %s --db %s export --bibtex\n' 'the library as BibTeX:' $(REFS) $(DEMO_DB)
	@$(REFS) --db $(DEMO_DB) list | awk 'NR == 1 { print $$1 }' | \
	  xargs printf '  %-42s %s --db %s show %s\n' 'one citation, each field with its source:' $(REFS) $(DEMO_DB)
	@printf '  %-42s %s %s\n' 'refs on your PATH:' "$(strip $(SUDO) cmake --install)" $(BUILD)

# The suites run TEST_JOBS tests at a time (the end-to-end tests each use their own folders and ports).
TEST_JOBS ?= $(shell nproc)
test: build
	cd $(BUILD) && ctest --output-on-failure -j$(TEST_JOBS)

# The sanitizer build uses clang, so every check builds with both compilers; CI also fuzzes.
asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -G Ninja -DCMAKE_BUILD_TYPE=Debug -DREFS_SANITIZE=ON \
	  -DCMAKE_CXX_COMPILER=clang++ $(OWN_FLAGS)
	cmake --build $(ASAN_BUILD)
	cd $(ASAN_BUILD) && ctest --output-on-failure -j$(TEST_JOBS)

check: test asan fuzz

# Release builds with g++ and clang, built only (the suites run in the other builds): what
# packagers and `cmake --install` users build must build warning-free too.
release: test-deps
	cmake -S . -B build-release-gcc -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=g++ $(OWN_FLAGS)
	cmake --build build-release-gcc
	cmake -S . -B build-release-clang -G Ninja -DCMAKE_BUILD_TYPE=Release -DCMAKE_CXX_COMPILER=clang++ $(OWN_FLAGS)
	cmake --build build-release-clang

# Figures for the README and closing notes; run on an idle machine.
CORPUS ?= tests/fixtures/corpus/html
bench: build
	$(BUILD)/tests/bench/resolve_offline_bench $(CURDIR)
	$(BUILD)/tests/bench/extract_bench $(CORPUS)
	$(BUILD)/tests/bench/resolve_latency_bench $(CURDIR)
	$(BUILD)/tests/bench/accuracy_bench tests/fixtures/corpus
	$(BUILD)/tests/bench/accuracy_bench tests/fixtures/corpus labels-201.json
	$(BUILD)/tests/bench/dedupe_bench $(REFS)
	$(BUILD)/tests/bench/export_bench $(REFS)
	$(BUILD)/tests/bench/archive_latency_bench $(CURDIR)
	$(BUILD)/tests/bench/published_latency_bench $(CURDIR)
	$(BUILD)/tests/bench/search_bench $(REFS)

# refs check on 20,000 links next to markdown-link-check (npm), when it is
# installed; some minutes, so apart from `bench`.
bench-check: build
	$(BUILD)/tests/bench/check_bench $(REFS)

# Runs each libFuzzer target for FUZZ_SECONDS (default 30) from the test fixtures; a crash, leak or
# sanitizer report stops it with the input saved as build-fuzz/TARGET-crash-*.
FUZZ_SECONDS ?= 30
FUZZ_TARGETS = footnote_reader page_metadata arxiv_feed url_identity footnote_join bibtex_reader cite_markers csl_json archive_links
fuzz: test-deps
	cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ \
	  -DREFS_FUZZ=ON -DREFS_TESTS=OFF $(OWN_FLAGS)
	cmake --build build-fuzz --target $(FUZZ_TARGETS:%=%_fuzz)
	mkdir -p $(FUZZ_TARGETS:%=build-fuzz/corpus/%)
	cp tests/fixtures/bibtex/*.bib tests/fixtures/bibsuite/repro/*.bib tests/fixtures/published/*.bib build-fuzz/corpus/bibtex_reader/
	cp tests/data/*.md build-fuzz/corpus/footnote_reader/
	cp tests/data/*.md build-fuzz/corpus/footnote_join/
	cp tests/data/*.md build-fuzz/corpus/archive_links/
	cp tests/data/*.md tests/fixtures/cite/*.md build-fuzz/corpus/cite_markers/
	cp tests/fixtures/csl/*.json tests/fixtures/doi/*.json tests/fixtures/published/*.json build-fuzz/corpus/csl_json/
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
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz build-release-gcc build-release-clang
