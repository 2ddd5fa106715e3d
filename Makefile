# qb: small Unix filters for a plain-text question bank.
# make; make check; make install PREFIX=... DESTDIR=...; make deps; make run

PREFIX	?= /usr/local
BINDIR	?= $(PREFIX)/bin
MANDIR	?= $(PREFIX)/share/man
DATADIR	?= $(PREFIX)/share/qb
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions

CC		?= cc
CFLAGS		?= -O2 -g
PKG_CONFIG	?= pkg-config

# pkg-config runs once each, and not at all when the variable is given.
ifndef PCRE2_CFLAGS
PCRE2_CFLAGS := $(shell $(PKG_CONFIG) --cflags libpcre2-8 2>/dev/null)
endif
ifndef PCRE2_LIBS
PCRE2_LIBS := $(shell $(PKG_CONFIG) --libs libpcre2-8 2>/dev/null || echo -lpcre2-8)
endif
ifndef CMOCKA_CFLAGS
CMOCKA_CFLAGS := $(shell $(PKG_CONFIG) --cflags cmocka 2>/dev/null)
endif
ifndef CMOCKA_LIBS
CMOCKA_LIBS := $(shell $(PKG_CONFIG) --libs cmocka 2>/dev/null || echo -lcmocka)
endif
# cmark reads Markdown for qb-list --from, jansson reads JSON.
ifndef CMARK_CFLAGS
CMARK_CFLAGS := $(shell $(PKG_CONFIG) --cflags libcmark 2>/dev/null)
endif
ifndef CMARK_LIBS
CMARK_LIBS := $(shell $(PKG_CONFIG) --libs libcmark 2>/dev/null || echo -lcmark)
endif
ifndef JANSSON_CFLAGS
JANSSON_CFLAGS := $(shell $(PKG_CONFIG) --cflags jansson 2>/dev/null)
endif
ifndef JANSSON_LIBS
JANSSON_LIBS := $(shell $(PKG_CONFIG) --libs jansson 2>/dev/null || echo -ljansson)
endif
# Debian's libunistring ships no pkg-config file.
UNISTRING_LIBS	?= -lunistring

# SANITIZE=1 builds everything with ASan and UBSan, in a build tree of its own;
# SANITIZE=thread with ThreadSanitizer (make check-threads).
ifeq ($(SANITIZE),1)
BUILD		?= build/san
SAN_FLAGS	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
		   -fno-sanitize-recover=undefined
else ifeq ($(SANITIZE),thread)
BUILD		?= build/tsan
SAN_FLAGS	 = -fsanitize=thread -fno-omit-frame-pointer
else
BUILD		?= build/plain
endif

QB_CFLAGS	= -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Ilib \
		  -pthread -MMD -MP $(SAN_FLAGS)
ALL_CFLAGS	= $(QB_CFLAGS) $(PCRE2_CFLAGS) $(CMARK_CFLAGS) $(JANSSON_CFLAGS) \
		  $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS	= -pthread $(SAN_FLAGS) $(LDFLAGS)
LIBS		= $(PCRE2_LIBS) $(UNISTRING_LIBS) -lm $(CMARK_LIBS) $(JANSSON_LIBS)

# One entry a line, so that adding one is a one-line change.
CMDS	+= qb-drill
CMDS	+= qb-fmt
CMDS	+= qb-grep
CMDS	+= qb-list
CMDS	+= qb-pick

LIBSRC	+= lib/bank.c
LIBSRC	+= lib/buf.c
LIBSRC	+= lib/cli.c
LIBSRC	+= lib/daily.c
LIBSRC	+= lib/diag.c
LIBSRC	+= lib/drill.c
LIBSRC	+= lib/escape.c
LIBSRC	+= lib/fmt.c
LIBSRC	+= lib/fsrs.c
LIBSRC	+= lib/hash.c
LIBSRC	+= lib/idset.c
LIBSRC	+= lib/import.c
LIBSRC	+= lib/import_csv.c
LIBSRC	+= lib/import_json.c
LIBSRC	+= lib/import_md.c
LIBSRC	+= lib/keep.c
LIBSRC	+= lib/line.c
LIBSRC	+= lib/mail.c
LIBSRC	+= lib/match.c
LIBSRC	+= lib/out.c
LIBSRC	+= lib/pick.c
LIBSRC	+= lib/range.c
LIBSRC	+= lib/rec.c
LIBSRC	+= lib/revlog.c
LIBSRC	+= lib/rng.c
LIBSRC	+= lib/prefilter.c
LIBSRC	+= lib/sample.c
LIBSRC	+= lib/scan.c
LIBSRC	+= lib/spill.c
LIBSRC	+= lib/split.c
LIBSRC	+= lib/src.c
LIBSRC	+= lib/state.c
LIBSRC	+= lib/strmap.c
LIBSRC	+= lib/tagsel.c
LIBSRC	+= lib/template.c
LIBSRC	+= lib/utf8.c
LIBSRC	+= lib/wrap.c

# libFuzzer targets, tests/fuzz/fuzz_NAME.c.
FUZZERS	+= date
FUZZERS	+= fmt
FUZZERS	+= import_csv
FUZZERS	+= import_json
FUZZERS	+= import_jsonl
FUZZERS	+= import_md
FUZZERS	+= import_split
FUZZERS	+= import_tsv
FUZZERS	+= mail
FUZZERS	+= match
FUZZERS	+= prefilter
FUZZERS	+= reader
FUZZERS	+= rec
FUZZERS	+= revlog
FUZZERS	+= state
FUZZERS	+= template

# Every library module has its unit test, tests/unit/test_MODULE.c.
UNITS	= $(LIBSRC:lib/%.c=%)
MAN1	= $(CMDS:%=man/%.1)
BANKS	= $(sort $(wildcard data/*.qb))

LIBOBJ	= $(LIBSRC:%.c=$(BUILD)/%.o) $(BUILD)/lib/bank_data.o
LIBA	= $(BUILD)/libqbcore.a
BINS	= $(CMDS:%=$(BUILD)/bin/%)
TESTS	= $(UNITS:%=$(BUILD)/tests/test_%)

# The fuzz targets: the same sources and rules, built by clang with
# libFuzzer and the sanitizers into a tree of their own.
FUZZ_BUILD	= build/fuzz
FUZZ_CC		?= clang
FUZZ_FLAGS	= -O1 -fsanitize=fuzzer,address,undefined \
		  -fno-sanitize-recover=undefined
FUZZ_SECONDS	?= 20
FUZZ_LIBOBJ	= $(LIBSRC:%.c=$(FUZZ_BUILD)/%.o) $(FUZZ_BUILD)/lib/bank_data.o
FUZZ_BINS	= $(FUZZERS:%=$(FUZZ_BUILD)/fuzz_%)
$(FUZZ_BUILD)/%: override CC = $(FUZZ_CC)
$(FUZZ_BUILD)/%: override SAN_FLAGS = $(FUZZ_FLAGS)

all: $(BINS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(FUZZ_BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

# The shipped banks as C, once for every build tree; the unique temporary
# name lets a plain and a sanitizer build run at the same time.
build/bank_data.c: build-aux/mkbank.sh $(BANKS)
	@mkdir -p $(@D)
	sh build-aux/mkbank.sh $(BANKS) > $@.$$$$.tmp && mv $@.$$$$.tmp $@

$(BUILD)/lib/bank_data.o $(FUZZ_BUILD)/lib/bank_data.o: build/bank_data.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ build/bank_data.c

$(LIBA): $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(FUZZ_BUILD)/libqbcore.a: $(FUZZ_LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(FUZZ_LIBOBJ)

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS)

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
	    $(LIBA) $(LIBS) $(CMOCKA_LIBS)

$(FUZZ_BUILD)/fuzz_%: $(FUZZ_BUILD)/tests/fuzz/fuzz_%.o \
    $(FUZZ_BUILD)/libqbcore.a
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
	    $(FUZZ_BUILD)/libqbcore.a $(LIBS)

# make fuzz FUZZ_SECONDS=N runs each fuzz target for N seconds.
fuzz: $(FUZZ_BINS)
	sh tests/fuzz/run.sh $(FUZZ_BUILD) $(FUZZ_SECONDS) $(FUZZERS)

# The transcripts get the command list, the prefix, the run recipe and a
# staged install and uninstall in $(BUILD)/stage and $(BUILD)/unstage,
# made here by the install recipes, so that no test runs make.
TEST_ENV = QB_CMDS='$(CMDS)' QB_PREFIX='$(PREFIX)' QB_RUN='$(RUN)'

check: $(BINS) $(TESTS) stage
	$(TEST_ENV) sh tests/run.sh $(BUILD)

stage: $(BINS)
	rm -rf $(BUILD)/stage $(BUILD)/unstage
	$(call install_to,$(BUILD)/stage)
	$(call install_to,$(BUILD)/unstage)
	$(call uninstall_from,$(BUILD)/unstage)

RUN	= qb-list | qb-pick --daily | qb-fmt -a

# Reading in two threads (lib/split.c) under ThreadSanitizer: a race fails.
check-threads:
	$(MAKE) SANITIZE=thread threads-run

threads-run: $(BINS) $(BUILD)/tests/test_split
	TSAN_OPTIONS=halt_on_error=1 $(BUILD)/tests/test_split
	TSAN_OPTIONS=halt_on_error=1 $(TEST_ENV) bash tests/cli/run.sh \
	    $(BUILD)/bin tests/cli/split.t tests/cli/split-import.t

# README's crontab line under Debian's real cron, as root (up to 2 minutes).
check-cron: $(BINS)
	sh tests/mta/cron-e2e.sh $(BUILD)

run: $(BINS)
	PATH="$(BUILD)/bin:$$PATH"; $(RUN)

# install_to DESTDIR: the files in place, with modes that ignore the umask.
define install_to
	install -d $(1)$(BINDIR) $(1)$(MANDIR)/man1 $(1)$(MANDIR)/man5 \
	    $(1)$(MANDIR)/man7 $(1)$(DATADIR) $(1)$(BASHCOMPDIR) \
	    $(1)$(ZSHCOMPDIR)
	install -m 755 $(BINS) $(1)$(BINDIR)
	install -m 644 $(MAN1) $(1)$(MANDIR)/man1
	install -m 644 man/qb.5 $(1)$(MANDIR)/man5
	install -m 644 man/qb.7 $(1)$(MANDIR)/man7
	# "man qb" looks in section 1 first: point it at the overview.
	echo '.so man7/qb.7' > $(1)$(MANDIR)/man1/qb.1
	chmod 644 $(1)$(MANDIR)/man1/qb.1
	install -m 644 $(BANKS) $(1)$(DATADIR)
	for c in $(CMDS); do \
		install -m 644 completions/qb.bash $(1)$(BASHCOMPDIR)/$$c || \
		    exit 1; \
	done
	install -m 644 completions/_qb $(1)$(ZSHCOMPDIR)/_qb
endef

define uninstall_from
	rm -f $(CMDS:%=$(1)$(BINDIR)/%) \
	    $(MAN1:man/%=$(1)$(MANDIR)/man1/%) \
	    $(1)$(MANDIR)/man5/qb.5 $(1)$(MANDIR)/man7/qb.7 \
	    $(1)$(MANDIR)/man1/qb.1 \
	    $(BANKS:data/%=$(1)$(DATADIR)/%) \
	    $(CMDS:%=$(1)$(BASHCOMPDIR)/%) $(1)$(ZSHCOMPDIR)/_qb
	-rmdir $(1)$(DATADIR)
endef

install: $(BINS)
	$(call install_to,$(DESTDIR))

uninstall:
	$(call uninstall_from,$(DESTDIR))

# The benchmark: a synthetic bank of BENCH_N records, then qb beside grep,
# rg, shuf, jq, mlr and fortune, in interleaved rounds.
BENCH_N		?= 1000000
BENCH_ROUNDS	?= 5

# The chart (build/bench/chart.svg) adds runs on the smaller BENCH_SIZES.
BENCH_SIZES	?= 10000 100000

bench: $(BINS)
	@mkdir -p build/bench
	for n in $(BENCH_N) $(BENCH_SIZES); do \
		test -s build/bench/bank-$$n.qb || \
		python3 tests/bench/genbank.py $$n qb > build/bench/bank-$$n.qb; \
	done
	python3 tests/bench/bench.py $(BUILD)/bin build/bench/bank-$(BENCH_N).qb \
	    $(BENCH_ROUNDS) build/bench/chart.svg \
	    $(BENCH_SIZES:%=build/bench/bank-%.qb)

# Valgrind's memcheck over the CLI transcripts (slow; not run by CI).
valgrind: $(BINS) stage
	mkdir -p $(BUILD)/valgrind
	for c in $(CMDS); do \
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $(CURDIR)/$(BUILD)/bin/%s "$$@"\n' $$c \
		    > $(BUILD)/valgrind/$$c; chmod +x $(BUILD)/valgrind/$$c; \
	done
	$(TEST_ENV) bash tests/cli/run.sh $(BUILD)/valgrind

clean:
	rm -rf build

# The Debian packages that building, testing and benchmarking need.
DEBIAN_PACKAGES = make build-essential pkg-config libpcre2-dev libcmocka-dev \
	libunistring-dev mandoc jq python3 fortune-mod clang libclang-rt-dev \
	ripgrep miller time
# Issue 17: the tests of --daily in a zone that skipped a day need tzdata.
DEBIAN_PACKAGES += tzdata
# Issue 11: the daily mail delivered by a local exim, under a real cron.
DEBIAN_PACKAGES += exim4-daemon-light cron
# Issue 12: qb-list --from reads Markdown with cmark, JSON with jansson.
DEBIAN_PACKAGES += libcmark-dev libjansson-dev

deps:
	@missing=; \
	for p in $(DEBIAN_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | \
		    grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	sudo=; [ "$$(id -u)" -eq 0 ] || sudo=sudo; \
	if [ -z "$$missing" ]; then echo "deps: all installed"; else \
	echo "deps: installing$$missing"; \
	$$sudo sh tests/mta/setup.sh preseed && \
	$$sudo apt-get update && \
	$$sudo env DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y --no-install-recommends $$missing || exit 1; fi; \
	sh tests/mta/setup.sh 2>/dev/null || $$sudo sh tests/mta/setup.sh

.PHONY: all bench check check-cron check-threads threads-run run install uninstall clean deps fuzz stage
.PHONY: valgrind

# Every target is secondary: the objects of a chain of pattern rules
# (cmd/NAME.o for bin/NAME, tests/fuzz/fuzz_NAME.o) are kept, not deleted as
# intermediate, so that a second make does nothing.
.SECONDARY:

-include $(LIBOBJ:.o=.d) $(CMDS:%=$(BUILD)/cmd/%.d) $(TESTS:=.d)
-include $(FUZZ_LIBOBJ:.o=.d) $(FUZZERS:%=$(FUZZ_BUILD)/tests/fuzz/fuzz_%.d)
