/*
 * An import read in two parts as lib/split.c reads it gives what one
 * reading gives: at every line start, import_record_start() picks a point;
 * this thread's reading stops there, and unless a row crossed it, a part
 * read ahead from there (import_continue()) goes on, then this one again
 * from where that stopped.  The records, in order, and the number of bad
 * ones must be one reading's.  The first byte picks CSV, TSV or JSON Lines.
 */
#include <stdio.h>
#include <unistd.h>

#include "fuzz.h"
#include "diag.h"
#include "import.h"

#define MAX_STARTS	64	/* line starts tried an input */

static struct reader rd, part;
static struct import imp, ahead;
static struct rec r;

/* Records of imp into out, canonical; the number of bad ones. */
static unsigned long
drain(struct import *i, struct buf *out)
{
	unsigned long bad = i->nbad;

	while (import_next(i, &r))
		rec_format(&r, out);
	return i->nbad - bad;
}

/* The file read as one; the import left open, its header read. */
static unsigned long
whole(int fd, enum import_format fmt, struct buf *out)
{
	(void)lseek(fd, 0, SEEK_SET);
	reader_open_fd(&rd, "fuzz", fd);
	import_open(&imp, fmt, &rd);
	imp.lenient = 1;
	return drain(&imp, out);
}

/* The number of the line at offset at (a line start), from 1. */
static unsigned long
line_of(const unsigned char *data, off_t at)
{
	unsigned long n = 1;
	off_t i;

	for (i = 0; i < at; i++)
		n += data[i] == '\n';
	return n;
}

static void
split_at(const unsigned char *data, int fd, enum import_format fmt,
    off_t line, off_t size, const struct buf *want, unsigned long nwant)
{
	static struct buf got;
	unsigned long nbad;
	off_t at;

	/*
	 * Where split_point() would start the other, once this thread has
	 * made a record (the header, Anki's lines, are read): after it.
	 */
	(void)lseek(fd, 0, SEEK_SET);
	reader_open_fd(&rd, "fuzz", fd);
	import_open(&imp, fmt, &rd);
	imp.lenient = 1;
	if (!import_next(&imp, &r) || line_of(data, line) <= imp.lineno ||
	    (at = import_record_start(&imp, fd, line, size)) < 0) {
		import_close(&imp);
		return;
	}
	if (at < line || at > size)
		abort();
	import_close(&imp);
	buf_reset(&got);
	(void)lseek(fd, 0, SEEK_SET);
	reader_open_fd(&rd, "fuzz", fd);
	reader_stop_at(&rd, at);
	import_open(&imp, fmt, &rd);
	imp.lenient = 1;
	nbad = drain(&imp, &got);
	if (imp.crossed || !reader_at_limit(&rd)) {
		/* This thread reads on: one reading, as it is. */
		import_close(&imp);
		return;
	}
	reader_open_range(&part, "fuzz", fd, at, -1);
	import_open(&ahead, fmt, &part);
	ahead.lenient = 1;
	import_continue(&ahead, &imp);
	nbad += drain(&ahead, &got);
	if (ahead.back_line != 0) {
		if (reader_restart_at(&rd, ahead.back_off, 0) < 0)
			abort();
		import_go_on(&imp);
		nbad += drain(&imp, &got);
	}
	import_close(&ahead);
	import_close(&imp);
	if (nbad != nwant || got.len != want->len ||
	    (got.len > 0 && memcmp(got.p, want->p, got.len) != 0))
		abort();
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const enum import_format fmts[] = { IMPORT_CSV, IMPORT_TSV,
	    IMPORT_JSONL };
	static struct buf want;
	static FILE *f;
	enum import_format fmt;
	unsigned long nwant;
	size_t i;
	int fd, tried = 0;

	if (size < 1)
		return 0;
	diag_init("fuzz");
	if (f == NULL && (f = tmpfile()) == NULL)
		abort();
	fd = fileno(f);
	fmt = fmts[data[0] % 3];
	data++;
	size--;
	if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) !=
	    (ssize_t)size)
		abort();
	buf_reset(&want);
	nwant = whole(fd, fmt, &want);
	import_close(&imp);
	for (i = 1; i < size && tried < MAX_STARTS; i++)
		if (data[i - 1] == '\n') {
			split_at(data, fd, fmt, (off_t)i, (off_t)size, &want,
			    nwant);
			tried++;
		}
	return 0;
}
