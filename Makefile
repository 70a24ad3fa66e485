# pressmark - see README.md.
#
#   make            build build/pressmark
#   make run        install what is missing, build, open Neovim on a sample
#   make test       install what is missing, build, run every test suite
#   make bench      speed and memory figures beside same-run baselines
#   make fuzz       libFuzzer targets, FUZZ_SECONDS each (default 60)
#   make install PREFIX=...   the binary, the plugin and the help file
#
# Three builds share one source list: release (build/), test (build/test/,
# counting allocator, for the unit suites) and asan (build/asan/, clang with
# AddressSanitizer and UndefinedBehaviorSanitizer).

PREFIX ?= /usr/local
CC ?= cc
CLANG ?= clang
OPT ?= -O2 -g

# msgpack-c 6 (newer Debian) renamed its pkg-config module msgpack-c.
MSGPACK_PC := $(shell pkg-config --exists msgpack-c 2>/dev/null && echo msgpack-c || echo msgpack)
PKGS := $(MSGPACK_PC) yaml-0.1 libutf8proc nettle
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS := $(shell pkg-config --libs $(PKGS) 2>/dev/null)

WARN := -std=c11 -Wall -Wextra -Wpedantic -Werror
BASE_CFLAGS := $(WARN) -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE -Iinclude -Isrc $(PKG_CFLAGS)
LIBS := $(PKG_LIBS) -lm

LIB_SRC := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC := $(sort $(wildcard src/cli/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_HDR := $(wildcard tests/unit/*.h)
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))

.PHONY: all deps run test check-build unit unit-asan bench fuzz install clean
all: build/pressmark

# $(1) variant name, $(2) output folder, $(3) compiler, $(4) flags
define variant
$(1)_LIB_OBJ := $$(patsubst src/%.c,$(2)/obj/%.o,$$(LIB_SRC))
$(1)_CLI_OBJ := $$(patsubst src/%.c,$(2)/obj/%.o,$$(CLI_SRC))
$(1)_UNITS := $$(patsubst tests/unit/%.c,$(2)/unit/%,$$(UNIT_SRC))

$(2)/obj/%.o: src/%.c
	@mkdir -p $$(@D)
	@echo "  CC $$@"
	@$(3) $(4) $$(BASE_CFLAGS) -MMD -MP -c $$< -o $$@

$(2)/libpressmark.a: $$($(1)_LIB_OBJ)
	@mkdir -p $$(@D)
	@rm -f $$@ && ar rcs $$@ $$^

$(2)/pressmark: $$($(1)_CLI_OBJ) $(2)/libpressmark.a
	@echo "  LD $$@"
	@$(3) $(4) -o $$@ $$($(1)_CLI_OBJ) $(2)/libpressmark.a $$(LIBS)

$(2)/unit/%: tests/unit/%.c $(2)/libpressmark.a $$(UNIT_HDR)
	@mkdir -p $$(@D)
	@echo "  LD $$@"
	@$(3) $(4) $$(BASE_CFLAGS) -Itests/unit -o $$@ $$< $(2)/libpressmark.a $$(LIBS)

# Fuzz targets with a plain file-replaying main (tests/fuzz/driver.c).
$(2)/fuzz/%: tests/fuzz/%.c tests/fuzz/driver.c $(2)/libpressmark.a
	@mkdir -p $$(@D)
	@echo "  LD $$@"
	@$(3) $(4) $$(BASE_CFLAGS) -o $$@ $$< tests/fuzz/driver.c $(2)/libpressmark.a $$(LIBS)

-include $$($(1)_LIB_OBJ:.o=.d) $$($(1)_CLI_OBJ:.o=.d)
endef

$(eval $(call variant,release,build,$(CC),$(OPT)))
$(eval $(call variant,test,build/test,$(CC),-O1 -g -DPM_COUNT_ALLOC))
SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -DPM_COUNT_ALLOC
$(eval $(call variant,asan,build/asan,$(CLANG),$$(SAN_FLAGS)))

deps:
	@sh .ci/deps

# Everything the suites need, built after the install step (a sub-make, so
# pkg-config is asked again once the libraries are there).
ASAN_FUZZ := $(patsubst tests/fuzz/%.c,build/asan/fuzz/%,$(FUZZ_SRC))
check-build: build/pressmark build/asan/pressmark $(test_UNITS) $(asan_UNITS) $(ASAN_FUZZ)

test: deps
	@$(MAKE) --no-print-directory check-build
	@sh tests/run

run: deps
	@$(MAKE) --no-print-directory all
	nvim --cmd 'set rtp^=$(CURDIR)' --cmd 'runtime! plugin/pressmark.lua' examples/valls-interview.txt

bench: deps
	@$(MAKE) --no-print-directory all
	@sh bench/run

fuzz: deps
	@$(MAKE) --no-print-directory -f tests/fuzz/fuzz.mk fuzz-all FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60)

install: build/pressmark
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/share/pressmark
	install -m 755 build/pressmark $(DESTDIR)$(PREFIX)/bin/pressmark
	install -d $(DESTDIR)$(PREFIX)/share/nvim/site/pack/pressmark/start/pressmark
	cp -R plugin lua doc lang $(DESTDIR)$(PREFIX)/share/nvim/site/pack/pressmark/start/pressmark/
	install -m 644 lang/*.yaml $(DESTDIR)$(PREFIX)/share/pressmark/

clean:
	rm -rf build
