# Tidings: `make run` opens the reader on SampleFeeds; `make test` runs every test; `make bench` measures.
# Both first install what a fresh Debian 12 machine with only the Swift toolchain lacks.

SWIFT       ?= swift
APT_PACKAGES = pkg-config procps libncurses-dev libsqlite3-dev libxml2-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev libzstd-dev tmux nginx-light
DATA_HOME   ?= $(if $(XDG_DATA_HOME),$(XDG_DATA_HOME),$(HOME)/.local/share)
SAMPLE_CACHE = $(DATA_HOME)/tidings/samples.sqlite
BIN          = .build/debug/tidings

.PHONY: run test deps build release bench clean

run: build
	@SWIFT_BACKTRACE=interactive=no $(BIN) --cache "$(SAMPLE_CACHE)" --sources SampleFeeds

# The sync tests talk to a real tt-rss on loopback (Tests/ttrss/ttrss-server.sh): started first,
# always stopped after, and the tests' exit status kept.
# The fetch and refresh tests run first, on their own: they time real HTTP exchanges, and Swift
# Testing runs every test on a pool of one thread per core, which the long synchronous tests of the
# other targets (tmux sessions, killed processes) can hold for a minute on a two-core machine.
TTRSS_STATE ?= /tmp/tidings-ttrss
NETWORK_TESTS = TidingsFetchTests\.|TidingsRefreshTests\.
test: build
	@TTRSS_STATE="$(TTRSS_STATE)" Tests/ttrss/ttrss-server.sh start || { Tests/ttrss/ttrss-server.sh stop; exit 1; }; \
	. "$(TTRSS_STATE)/env"; \
	TIDINGS_BIN="$(CURDIR)/$(BIN)" $(SWIFT) test --disable-xctest --filter '$(NETWORK_TESTS)'; network=$$?; \
	TIDINGS_BIN="$(CURDIR)/$(BIN)" $(SWIFT) test --disable-xctest --skip '$(NETWORK_TESTS)'; status=$$?; \
	[ $$network -eq 0 ] || status=$$network; \
	TTRSS_STATE="$(TTRSS_STATE)" Tests/ttrss/ttrss-server.sh stop; \
	exit $$status

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Generates a corpus, imports it and times the release reader (and newsboat when installed);
# BENCH_ARGS passes options, e.g. `make bench BENCH_ARGS=--quick`.
BENCH_ARGS ?=
bench: deps
	$(SWIFT) build -c release --product tidings
	$(SWIFT) build -c release --product tidings-bench
	.build/release/tidings-bench --tidings .build/release/tidings $(BENCH_ARGS)

# Installs missing Debian packages as root; otherwise prints the exact command and stops.
deps:
	@if ! command -v dpkg-query >/dev/null 2>&1; then \
		echo "Not a Debian system: make sure ncursesw, SQLite, libxml2, cmark-gfm, zlib and zstd development files, pkg-config and tmux are installed."; \
		exit 0; \
	fi; \
	missing=""; \
	for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null || exit 1; \
		else \
			echo "Tidings needs these Debian packages:$$missing"; \
			echo "Install them with:  sudo apt-get install -y$$missing"; \
			exit 1; \
		fi; \
	fi

clean:
	rm -rf .build
