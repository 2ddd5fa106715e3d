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
# Debian's libunistring ships no pkg-config file.
UNISTRING_LIBS	?= -lunistring

# SANITIZE=1 builds everything with ASan and UBSan, in a build tree of its own.
ifeq ($(SANITIZE),1)
BUILD		?= build/san
SAN_FLAGS	 = -fsanitize=address,undefined -fno-omit-frame-pointer \
		   -fno-sanitize-recover=undefined
else
BUILD		?= build/plain
endif

QB_CFLAGS	= -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Ilib \
		  -MMD -MP $(SAN_FLAGS)
ALL_CFLAGS	= $(QB_CFLAGS) $(PCRE2_CFLAGS) $(CPPFLAGS) $(CFLAGS)
ALL_LDFLAGS	= $(SAN_FLAGS) $(LDFLAGS)
LIBS		= $(PCRE2_LIBS) $(UNISTRING_LIBS) -lm

CMDS	= qb-drill qb-fmt qb-grep qb-list qb-pick
LIBSRC	= lib/bank.c lib/buf.c lib/cli.c lib/daily.c lib/diag.c lib/escape.c \
	  lib/drill.c lib/fsrs.c lib/revlog.c \
	  lib/fmt.c lib/line.c lib/mail.c lib/match.c lib/out.c lib/range.c \
	  lib/rec.c lib/rng.c lib/sample.c lib/spill.c lib/src.c lib/state.c \
	  lib/strmap.c lib/tagsel.c lib/template.c lib/utf8.c lib/wrap.c
UNITS	= bank buf cli daily diag escape fmt line mail match out range rec rng \
	  drill fsrs revlog \
	  sample spill src state strmap tagsel template utf8 wrap
# Issue 17: one FNV-1a and the keyed hash; the discipline for files qb keeps.
LIBSRC	+= lib/hash.c lib/keep.c
UNITS	+= hash keep
LIBSRC	+= lib/scan.c lib/prefilter.c
UNITS	+= scan prefilter
MAN1	= $(CMDS:%=man/%.1)
BANKS	= $(sort $(wildcard data/*.qb))

LIBOBJ	= $(LIBSRC:%.c=$(BUILD)/%.o) $(BUILD)/lib/bank_data.o
LIBA	= $(BUILD)/libqbcore.a
BINS	= $(CMDS:%=$(BUILD)/bin/%)
TESTS	= $(UNITS:%=$(BUILD)/tests/test_%)

all: $(BINS)

$(BUILD)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(BUILD)/lib/bank_data.c: lib/mkbank.sh $(BANKS)
	@mkdir -p $(@D)
	sh lib/mkbank.sh $(BANKS) > $@.tmp && mv $@.tmp $@

$(BUILD)/lib/bank_data.o: $(BUILD)/lib/bank_data.c
	$(CC) $(ALL_CFLAGS) -c -o $@ $<

$(LIBA): $(LIBOBJ)
	rm -f $@
	$(AR) rcs $@ $(LIBOBJ)

$(BUILD)/bin/%: $(BUILD)/cmd/%.o $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(ALL_LDFLAGS) -o $@ $< $(LIBA) $(LIBS)

$(BUILD)/tests/test_%: tests/unit/test_%.c $(LIBA)
	@mkdir -p $(@D)
	$(CC) $(ALL_CFLAGS) $(CMOCKA_CFLAGS) $(ALL_LDFLAGS) -o $@ $< \
	    $(LIBA) $(LIBS) $(CMOCKA_LIBS)

check: $(BINS) $(TESTS)
	sh tests/run.sh $(BUILD)

# README's crontab line under Debian's real cron, as root (up to 2 minutes).
check-cron: $(BINS)
	sh tests/mta/cron-e2e.sh $(BUILD)

run: $(BINS)
	$(BUILD)/bin/qb-list | $(BUILD)/bin/qb-pick --daily | $(BUILD)/bin/qb-fmt -a

install: $(BINS)
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(MANDIR)/man7 \
	    $(DESTDIR)$(DATADIR) $(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR)
	cp $(BINS) $(DESTDIR)$(BINDIR)/
	cp $(MAN1) $(DESTDIR)$(MANDIR)/man1/
	cp man/qb.5 $(DESTDIR)$(MANDIR)/man5/
	cp man/qb.7 $(DESTDIR)$(MANDIR)/man7/
	# "man qb" looks in section 1 first: point it at the overview.
	echo '.so man7/qb.7' > $(DESTDIR)$(MANDIR)/man1/qb.1
	cp $(BANKS) $(DESTDIR)$(DATADIR)/
	for c in $(CMDS); do \
		cp completions/qb.bash $(DESTDIR)$(BASHCOMPDIR)/$$c || exit 1; \
	done
	cp completions/_qb $(DESTDIR)$(ZSHCOMPDIR)/_qb

uninstall:
	rm -f $(CMDS:%=$(DESTDIR)$(BINDIR)/%) \
	    $(MAN1:man/%=$(DESTDIR)$(MANDIR)/man1/%) \
	    $(DESTDIR)$(MANDIR)/man5/qb.5 $(DESTDIR)$(MANDIR)/man7/qb.7 \
	    $(DESTDIR)$(MANDIR)/man1/qb.1 \
	    $(BANKS:data/%=$(DESTDIR)$(DATADIR)/%) \
	    $(CMDS:%=$(DESTDIR)$(BASHCOMPDIR)/%) $(DESTDIR)$(ZSHCOMPDIR)/_qb
	-rmdir $(DESTDIR)$(DATADIR)

# libFuzzer targets, with clang: make fuzz FUZZ_SECONDS=N runs each for N s.
FUZZ_SECONDS	?= 20
FUZZ_CC		?= clang
FUZZERS		= date fmt mail match reader rec revlog template
FUZZERS		+= state
FUZZ_FLAGS	= -g -O1 -fsanitize=fuzzer,address,undefined \
		  -fno-sanitize-recover=undefined

fuzz: $(FUZZERS:%=build/fuzz/fuzz_%)
	sh tests/fuzz/run.sh build/fuzz $(FUZZ_SECONDS) $(FUZZERS)

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(LIBSRC) build/fuzz/bank_data.c
	$(FUZZ_CC) -std=c11 -D_POSIX_C_SOURCE=200809L -Ilib $(PCRE2_CFLAGS) \
	    $(FUZZ_FLAGS) -o $@ $< $(LIBSRC) build/fuzz/bank_data.c $(LIBS)

build/fuzz/bank_data.c: lib/mkbank.sh $(BANKS)
	@mkdir -p $(@D)
	sh lib/mkbank.sh $(BANKS) > $@.tmp && mv $@.tmp $@

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
valgrind: $(BINS)
	mkdir -p $(BUILD)/valgrind
	for c in $(CMDS); do \
		printf '#!/bin/sh\nexec valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite $(CURDIR)/$(BUILD)/bin/%s "$$@"\n' $$c \
		    > $(BUILD)/valgrind/$$c; chmod +x $(BUILD)/valgrind/$$c; \
	done
	bash tests/cli/run.sh $(BUILD)/valgrind

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

.PHONY: all bench check check-cron run install uninstall clean deps fuzz valgrind
.SECONDARY:

-include $(LIBOBJ:.o=.d) $(CMDS:%=$(BUILD)/cmd/%.d) $(TESTS:=.d)
