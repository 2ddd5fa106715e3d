/*
 * Memory use is the longest line plus one read block, whatever the size of
 * the input.  A line that does not fit makes the buffer grow; the scan for
 * LF resumes where it stopped, so a very long line costs linear time.
 *
 * reader_next_split() classifies the bytes read once, a chunk of blocks at
 * a time (scan_blocks()), and takes each line, its TABs and its fields
 * that need a closer look from the bit masks: a few instructions a block
 * and a TAB, with no call per line.  A line whose LF is not among the
 * bytes read yet is left to reader_next(), which reads more.
 */
#include <errno.h>
#include <stdint.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include "buf.h"
#include "line.h"
#include "scan.h"

#define READ_BLOCK (64 * 1024)
#define IX_BLOCKS 64		/* blocks indexed at a time: 4 KiB of text */

static void
reset(struct reader *r, const char *name)
{
	r->name = name;
	r->lineno = 0;
	r->ownfd = 0;
	r->eof = 0;
	r->start = r->end = r->scanned = 0;
	r->data = r->buf;
	r->origin = -1;
	r->limit = -1;
	r->positional = 0;
	r->midfile = 0;
	r->ix_len = 0;
}

/* Where the descriptor stands, when it is a regular file. */
static void
find_origin(struct reader *r)
{
	struct stat st;

	if (fstat(r->fd, &st) == 0 && S_ISREG(st.st_mode))
		r->origin = lseek(r->fd, 0, SEEK_CUR);
}

int
reader_open(struct reader *r, const char *path)
{
	int fd;

	if (strcmp(path, "-") == 0) {
		reset(r, "(standard input)");
		r->fd = STDIN_FILENO;
		find_origin(r);
		return 0;
	}
	if ((fd = open(path, O_RDONLY)) < 0)
		return -1;
	reader_open_fd(r, path, fd);
	r->ownfd = 1;
	return 0;
}

void
reader_open_fd(struct reader *r, const char *name, int fd)
{
	reset(r, name);
	r->fd = fd;
	find_origin(r);
}

void
reader_open_mem(struct reader *r, const char *name, const char *p, size_t len)
{
	reset(r, name);
	r->fd = -1;
	r->eof = 1;
	r->data = p;
	r->end = len;
}

void
reader_open_range(struct reader *r, const char *name, int fd, off_t from,
    off_t to)
{
	reset(r, name);
	r->fd = fd;
	r->origin = from;
	r->limit = to;
	r->positional = 1;
	r->midfile = from > 0;
}

void
reader_stop_at(struct reader *r, off_t at)
{
	r->limit = at;
}

int
reader_at_limit(const struct reader *r)
{
	return r->limit >= 0 && r->eof && r->origin >= 0 &&
	    r->origin + (off_t)r->end == r->limit;
}

void
reader_go_on(struct reader *r)
{
	r->limit = -1;
	r->eof = 0;
}

int
reader_restart_at(struct reader *r, off_t at, unsigned long lineno)
{
	if (r->fd < 0 || r->origin < 0 ||
	    (!r->positional && lseek(r->fd, at, SEEK_SET) != at))
		return -1;
	r->origin = at;
	r->start = r->end = r->scanned = 0;
	r->data = r->buf;
	r->eof = 0;
	r->limit = -1;
	r->midfile = at > 0;
	r->ix_len = 0;
	r->lineno = lineno;
	return 0;
}

off_t
reader_read_end(const struct reader *r)
{
	if (r->origin < 0 || r->fd < 0)
		return -1;
	return r->origin + (off_t)r->end;
}

/* Make room for at least one more read block after the unread bytes. */
static void
make_room(struct reader *r)
{
	size_t pending = r->end - r->start;

	if (r->start > 0) {
		if (r->origin >= 0)
			r->origin += (off_t)r->start;
		memmove(r->buf, r->buf + r->start, pending);
		r->start = 0;
		r->end = pending;
	}
	if (r->cap - r->end < READ_BLOCK / 2) {
		size_t cap = r->cap == 0 ? READ_BLOCK : r->cap * 2;

		r->buf = xrealloc(r->buf, cap);
		/*
		 * PCRE2's JIT may read a little past the end of a subject;
		 * zeroed new memory keeps that defined (and valgrind quiet).
		 */
		memset(r->buf + r->cap, 0, cap - r->cap);
		r->cap = cap;
	}
	r->data = r->buf;
}

static int
fill(struct reader *r)
{
	size_t room;
	ssize_t n;

	r->ix_len = 0;		/* the bytes move */
	make_room(r);
	room = r->cap - r->end;
	if (r->limit >= 0 && r->origin >= 0) {
		off_t left = r->limit - (r->origin + (off_t)r->end);

		if (left <= 0) {
			r->eof = 1;
			return 0;
		}
		if ((off_t)room > left)
			room = (size_t)left;
	}
	for (;;) {
		struct pollfd p = { .fd = r->fd, .events = POLLIN };

		n = r->positional ? pread(r->fd, r->buf + r->end, room,
		    r->origin + (off_t)r->end) : read(r->fd, r->buf + r->end,
		    room);
		if (n >= 0 || (errno != EINTR && errno != EAGAIN &&
		    errno != EWOULDBLOCK))
			break;
		if (errno != EINTR)	/* a non-blocking stdin: wait for it */
			(void)poll(&p, 1, -1);
	}
	if (n < 0)
		return -1;
	if (n == 0)
		r->eof = 1;
	r->end += (size_t)n;
	return 0;
}

static inline void
frame(struct reader *r, struct span *l, const char *p, size_t len)
{
	if (++r->lineno == 1 && len >= 3 && !r->midfile &&
	    memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		p += 3;
		len -= 3;
	}
	if (len > 0 && p[len - 1] == '\r')
		len--;
	l->p = p;
	l->len = len;
}

int
reader_next(struct reader *r, struct span *l)
{
	for (;;) {
		size_t avail = r->end - r->start;
		/* Not NULL + 0 before the first read: undefined, says C. */
		const char *from = avail > 0 ? r->data + r->start : r->data;
		const char *nl = NULL;

		if (avail > r->scanned)
			nl = memchr(from + r->scanned, '\n', avail - r->scanned);

		if (nl != NULL) {
			frame(r, l, from, (size_t)(nl - from));
			r->start += (size_t)(nl - from) + 1;
			r->scanned = 0;
			return 1;
		}
		r->scanned = avail;
		if (r->eof) {
			if (avail == 0)
				return 0;
			frame(r, l, from, avail);
			r->start = r->end;
			r->scanned = 0;
			return 1;
		}
		if (fill(r) < 0)
			return -1;
	}
}

/* Indexes the bytes from off on, a chunk of them. */
static void
index_from(struct reader *r, size_t off)
{
	size_t n = r->end - off;

	if (r->ix == NULL)
		r->ix = xreallocarray(NULL, IX_BLOCKS, sizeof(*r->ix));
	if (n > IX_BLOCKS * SCAN_BLOCK)
		n = IX_BLOCKS * SCAN_BLOCK;
	(void)scan_blocks(r->data + off, n, off, r->ix);
	r->ix_off = off;
	r->ix_len = n;
}

/* The bits set in x, which has few of them (a block's TABs in a line). */
static inline unsigned
count_bits(uint64_t x)
{
	unsigned n = 0;

	for (; x != 0; x &= x - 1)
		n++;
	return n;
}

/*
 * The fields (bit i: field i, of the first four) that hold the bits of x,
 * a block's bits in the line, given the line's TABs in the block and the
 * number before it.  A bit on a TAB is the field's before it, where an
 * error in a sequence cut off by the TAB shows.  All fields from the first
 * bit's to the last's are taken, to keep it short.
 */
static inline unsigned
fields_of(uint64_t x, uint64_t tabs, unsigned ntab)
{
	unsigned lo = ntab + count_bits(tabs &
	    ((1ull << __builtin_ctzll(x)) - 1));
	unsigned hi = ntab + count_bits(tabs &
	    ((1ull << (63 - __builtin_clzll(x))) - 1));

	if (lo > 3)
		return 0;
	return (2u << (hi > 3 ? 3 : hi)) - (1u << lo);
}

/* The line at start from the index: 0 when its LF is not read yet. */
static int
split_indexed(struct reader *r, struct span *l, struct scan_fields *f)
{
	const struct scan_block *k, *kend;
	size_t s = r->start, at, e, shift, i;
	unsigned ntab = 0, special = 0, bad = 0;
	uint64_t m, lf;

	/* Unsigned: before ix_off wraps to past ix_len. */
	if (s - r->ix_off >= r->ix_len)
		index_from(r, s);
	k = r->ix + (s - r->ix_off) / SCAN_BLOCK;
	kend = r->ix + (r->ix_len + SCAN_BLOCK - 1) / SCAN_BLOCK;
	m = ~0ull << (s - r->ix_off) % SCAN_BLOCK;
	/* The offset in the line of k's first byte (wraps for the first). */
	at = 0 - (s - r->ix_off) % SCAN_BLOCK;
	for (;;) {
		uint64_t t, x;

		if ((lf = k->lf & m) != 0)
			m &= lf ^ (lf - 1);	/* up to the LF */
		t = k->tab & m;
		if ((x = (k->bs | k->bad) & m) != 0) {
			special |= fields_of(x, t, ntab);
			if ((x = k->bad & m) != 0)
				bad |= fields_of(x, t, ntab);
		}
		for (; t != 0 && ntab < 4; t &= t - 1)
			f->tab[ntab++] = at + (size_t)__builtin_ctzll(t);
		if (lf != 0)
			break;
		m = ~0ull;
		at += SCAN_BLOCK;
		if (++k == kend) {
			size_t next = r->ix_off + r->ix_len;

			if (r->ix_len % SCAN_BLOCK != 0 || next == r->end)
				return 0;
			index_from(r, next);
			k = r->ix;
			kend = r->ix + (r->ix_len + SCAN_BLOCK - 1) / SCAN_BLOCK;
		}
	}
	e = at + (size_t)__builtin_ctzll(lf);
	frame(r, l, r->data + s, e);
	r->start = s + e + 1;
	/* Offsets from the line as framed: after a BOM. */
	if ((shift = (size_t)(l->p - (r->data + s))) != 0)
		for (i = 0; i < ntab; i++)
			f->tab[i] -= shift;
	f->ntab = ntab;
	f->special = special;
	f->bad = bad;
	return 1;
}

int
reader_next_split(struct reader *r, struct span *l, struct scan_fields *f)
{
	if (r->scanned == 0 && r->start < r->end) {
		if (split_indexed(r, l, f))
			return 1;
		/* reader_next() goes on from there */
		r->scanned = r->end - r->start;
	}
	f->ntab = SCAN_UNSPLIT;
	return reader_next(r, l);
}

void
reader_close(struct reader *r)
{
	if (r->ownfd)
		close(r->fd);
	r->fd = -1;
	r->ownfd = 0;
}

off_t
reader_offset(const struct reader *r, const char *p)
{
	if (r->origin < 0 || r->fd < 0)
		return -1;
	return r->origin + (off_t)(p - r->data);
}

int
reader_line_lf(const struct reader *r, const struct span *l)
{
	const char *after = l->p + l->len;

	return r->start > 0 && after == r->data + r->start - 1 &&
	    *after == '\n';
}

void
reader_free(struct reader *r)
{
	reader_close(r);
	free(r->buf);
	free(r->ix);
	r->buf = NULL;
	r->ix = NULL;
	r->ix_len = 0;
	r->cap = 0;
}
