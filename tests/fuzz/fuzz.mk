# fuzz.mk - `make fuzz`: builds each tests/fuzz/fuzz_<target>.c with
# libFuzzer, ASan and UBSan, and runs it for FUZZ_SECONDS from its kept
# inputs (tests/fuzz/<target>/).  New inputs go to a scratch corpus under
# build/; a crash leaves its input in build/libfuzzer/ and fails the run —
# copy it into tests/fuzz/<target>/ once fixed, so `make test` replays it.
# A tests/fuzz/<target>.dict is passed to libFuzzer as its dictionary.
include Makefile

FUZZ_SECONDS ?= 60
FUZZ_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined
FUZZ_SRC := $(sort $(wildcard tests/fuzz/fuzz_*.c))
FUZZ_BIN := $(patsubst tests/fuzz/%.c,build/libfuzzer/%,$(FUZZ_SRC))
FUZZ_OBJ := $(patsubst src/%.c,build/libfuzzer/obj/%.o,$(LIB_SRC))

.SECONDARY:
.PHONY: fuzz-all
fuzz-all: $(FUZZ_BIN)
	@set -e; for b in $(FUZZ_BIN); do \
	  t=$${b##*/fuzz_}; mkdir -p build/libfuzzer/corpus/$$t build/libfuzzer/crash/$$t; \
	  echo "== fuzz $$t for $(FUZZ_SECONDS) s"; \
	  dict=; [ -f tests/fuzz/$$t.dict ] && dict=-dict=tests/fuzz/$$t.dict; \
	  $$b -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 $$dict \
	      -artifact_prefix=build/libfuzzer/crash/$$t/ -print_final_stats=1 \
	      build/libfuzzer/corpus/$$t tests/fuzz/$$t 2>&1 | \
	    grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|ERROR|SUMMARY|Done' || true; \
	  if ls build/libfuzzer/crash/$$t/* >/dev/null 2>&1; then \
	    echo "!! $$t: crash inputs in build/libfuzzer/crash/$$t/"; exit 1; fi; \
	done

# (-MMD: an object is rebuilt when a header it includes changes; without
# it a changed struct in internal.h left stale objects that "crashed")
build/libfuzzer/obj/%.o: src/%.c
	@mkdir -p $(@D)
	@echo "  CC $@"
	@$(CLANG) $(FUZZ_CFLAGS) $(BASE_CFLAGS) -MMD -MP -c $< -o $@

-include $(FUZZ_OBJ:.o=.d)

build/libfuzzer/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJ)
	@echo "  LD $@"
	@$(CLANG) -O1 -g -fsanitize=fuzzer,address,undefined $(BASE_CFLAGS) -o $@ $< $(FUZZ_OBJ) $(LIBS)
