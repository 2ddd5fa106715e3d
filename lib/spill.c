/*
 * The temporary file is unlinked at once, so nothing is left behind
 * whatever happens to the command.  It is made in TMPDIR, else /tmp
 * (tmpfile(3) ignores TMPDIR); when neither can take it (a read-only
 * /tmp), the lines are kept in memory instead: slower to grow, but the
 * pick is still made.
 *
 * Where a line is fits in 64 bits: the top bit (AT_PARSE) is set for a
 * line that is not canonical, left in its input, to be made canonical
 * again if it is picked; the next AT_SRCBITS are 0 for the temporary file
 * (or memory) and 1 + the index in fds of an input kept open; the low
 * AT_OFFBITS its offset there.  Its length is not kept: a line ends at
 * its LF.
 *
 * Repeated ids (spill_unique) are not looked up as records come: a table
 * of a million ids does not stay in cache, and a lookup a record cost more
 * than reading the record.  The records not checked yet are checked in a
 * batch at the end, or before any other message is printed (diag_before),
 * so that each message comes where src.h's would have come: after the
 * lines before it, before those after it.  Each id has a 32-bit tag, from
 * a keyed hash; ids with the same tag are compared byte for byte.  The
 * batch at the end, in the usual input with no other message, is the
 * whole input: spread by tag into parts that each fit a small table in
 * cache.  Earlier batches go into one table, their slots fetched ahead,
 * indexed by the tag's top bits so that it grows in one pass in order.
 */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "diag.h"
#include "hash.h"
#include "out.h"
#include "spill.h"

#define AT_OFFBITS	44
#define AT_SRCBITS	(63 - AT_OFFBITS)
#define AT_PARSE	((uint64_t)1 << 63)
#define AT_OFFMASK	(((uint64_t)1 << AT_OFFBITS) - 1)

#if defined(__GNUC__) || defined(__clang__)
#define PREFETCH(p)	__builtin_prefetch(p)
#else
#define PREFETCH(p)	((void)(p))
#endif

FILE *
spill_temporary(void)
{
	const char *dirs[] = { getenv("TMPDIR"), "/tmp" };
	size_t i;

	for (i = 0; i < sizeof(dirs) / sizeof(dirs[0]); i++) {
		struct buf path = { 0 };
		FILE *f = NULL;
		int fd;

		if (dirs[i] == NULL || dirs[i][0] == '\0')
			continue;
		buf_adds(&path, dirs[i]);
		buf_adds(&path, "/qb-spill.XXXXXX");
		if ((fd = mkstemp((char *)buf_cstr(&path))) >= 0) {
			unlink(path.p);
			if ((f = fdopen(fd, "w+")) == NULL)
				close(fd);
		}
		buf_free(&path);
		if (f != NULL)
			return f;
	}
	return NULL;
}

int
spill_init(struct spill *s)
{
	memset(s, 0, sizeof(*s));
	s->file = spill_temporary();	/* NULL: in memory */
	return 0;
}

static void	check(void *);
static const char *name_of(const struct spill *, size_t);

void
spill_unique(struct spill *s)
{
	s->unique = 1;
	/* A key of this process's: no input can aim at one slot. */
	s->key = hash_keyed("spill", 5);
	s->reading = 1;
	diag_before(check, s);
}

/* A multiply-xorshift hash: keyed, and a few cycles for a short id. */
static uint64_t
id_hash(uint64_t key, const char *p, size_t len)
{
	uint64_t h = key ^ (len * 0x9e3779b97f4a7c15ULL), w;
	size_t i;

	for (; len >= 8; p += 8, len -= 8) {
		memcpy(&w, p, 8);
		h = (h ^ w) * 0xff51afd7ed558ccdULL;
		h ^= h >> 32;
	}
	for (w = 0, i = 0; i < len; i++)
		w |= (uint64_t)(unsigned char)p[i] << (8 * i);
	h = (h ^ w) * 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 29;
	h *= 0xff51afd7ed558ccdULL;
	return h ^ (h >> 32);
}

static size_t
home(unsigned bits, uint64_t tag)
{
	return (size_t)(tag >> (32 - bits));
}

/* Room for n more records, at most three quarters full. */
static void
reserve(struct spill *s, size_t n)
{
	unsigned bits = s->bits < 10 ? 10 : s->bits;
	size_t i, mask, old = s->slots == NULL ? 0 : (size_t)1 << s->bits;
	uint64_t *slots;

	while (bits < 32 && 4 * (s->used + n) > ((size_t)3 << bits))
		bits++;
	if (s->slots != NULL && bits == s->bits)
		return;
	/* Written, not calloc()ed: see idset.c's grow(). */
	slots = xreallocarray(NULL, (size_t)1 << bits, sizeof(*slots));
	memset(slots, 0, ((size_t)1 << bits) * sizeof(*slots));
	mask = ((size_t)1 << bits) - 1;
	for (i = 0; i < old; i++) {
		size_t j;

		if (s->slots[i] == 0)
			continue;
		for (j = home(bits, s->slots[i] >> 32); slots[j] != 0;)
			j = (j + 1) & mask;
		slots[j] = s->slots[i];
	}
	free(s->slots);
	s->slots = slots;
	s->bits = bits;
}

static int
same_id(const struct spill *s, size_t i, size_t j)
{
	const unsigned char *p = (const unsigned char *)s->ids + s->v[i].idoff;
	const unsigned char *q = (const unsigned char *)s->ids + s->v[j].idoff;

	return p[0] == q[0] && memcmp(p + 1, q + 1, p[0]) == 0;
}

/* Record i's id is record first's: reported, and i dropped. */
static void
repeated(struct spill *s, size_t i, size_t first)
{
	struct spilled *e = &s->v[i];
	size_t len;
	const char *id = spill_id(s, i, &len);

	diag_line(name_of(s, i), e->lineno, "duplicate id '%.*s', first "
	    "at %s:%lu", (int)len, id, name_of(s, first),
	    (unsigned long)s->v[first].lineno);
	e->at = SPILL_GONE;
	s->ngone++;
}

static uint32_t
tag_of(const struct spill *s, size_t i)
{
	size_t len;
	const char *id = spill_id(s, i, &len);

	return (uint32_t)(id_hash(s->key, id, len) >> 32);
}

/* Checks the records read since the last check in the table. */
static void
check_table(struct spill *s, size_t from)
{
	uint64_t tags[SPILL_BATCH];
	size_t i, j, k, n, mask;

	reserve(s, s->n - from);
	mask = ((size_t)1 << s->bits) - 1;
	for (i = from; i < s->n; i += n) {
		n = s->n - i < SPILL_BATCH ? s->n - i : SPILL_BATCH;
		for (k = 0; k < n; k++) {
			tags[k] = tag_of(s, i + k);
			PREFETCH(&s->slots[home(s->bits, tags[k])]);
		}
		for (k = 0; k < n; k++) {
			for (j = home(s->bits, tags[k]); s->slots[j] != 0;
			    j = (j + 1) & mask)
				if (s->slots[j] >> 32 == tags[k] &&
				    same_id(s, (uint32_t)s->slots[j] - 1, i + k))
					break;
			if (s->slots[j] != 0)
				repeated(s, i + k, (uint32_t)s->slots[j] - 1);
			else {
				s->slots[j] = tags[k] << 32 | (i + k + 1);
				s->used++;
			}
		}
	}
}

/*
 * Spreads the records by their tags' top SPILL_SPREAD bits into v, as
 * tag << 32 | record, in order within each part; start[p] is where part p
 * starts, start[1 << SPILL_SPREAD] the end.
 */
static void
spread(const uint32_t *tags, size_t n, uint64_t *v, size_t *start)
{
	size_t i, parts = (size_t)1 << SPILL_SPREAD, *at;

	memset(start, 0, (parts + 1) * sizeof(*start));
	for (i = 0; i < n; i++)
		start[(tags[i] >> (32 - SPILL_SPREAD)) + 1]++;
	for (i = 0; i < parts; i++)
		start[i + 1] += start[i];
	at = xreallocarray(NULL, parts, sizeof(*at));
	memcpy(at, start, parts * sizeof(*at));
	for (i = 0; i < n; i++)
		v[at[tags[i] >> (32 - SPILL_SPREAD)]++] =
		    (uint64_t)tags[i] << 32 | i;
	free(at);
}

static int
by_index(const void *a, const void *b)
{
	const uint64_t *x = a, *y = b;

	return (*x > *y) - (*x < *y);
}

/*
 * All records at once, with no big table: spread by tag into parts of a
 * few hundred, each checked in a small table that stays in cache, then
 * the repeats reported in record order.
 */
static void
check_parts(struct spill *s)
{
	size_t n = s->n, i, p, ndup = 0, dupcap = 0, small = 0, *start;
	uint32_t *tags = xreallocarray(NULL, n, sizeof(*tags)), *slots = NULL;
	uint64_t *v = xreallocarray(NULL, n, sizeof(*v)), *dup = NULL;

	for (i = 0; i < n; i++)
		tags[i] = tag_of(s, i);
	start = xreallocarray(NULL, ((size_t)1 << SPILL_SPREAD) + 1,
	    sizeof(*start));
	spread(tags, n, v, start);
	free(tags);
	for (p = 0; p < (size_t)1 << SPILL_SPREAD; p++) {
		size_t lo = start[p], hi = start[p + 1], bits = 4, mask, k;

		while (((size_t)1 << bits) < 2 * (hi - lo))
			bits++;
		if (((size_t)1 << bits) > small) {
			small = (size_t)1 << bits;
			slots = xreallocarray(slots, small, sizeof(*slots));
		}
		mask = ((size_t)1 << bits) - 1;
		memset(slots, 0, ((size_t)1 << bits) * sizeof(*slots));
		for (k = lo; k < hi; k++) {
			size_t j = (size_t)(v[k] >> 32) & mask;
			uint32_t r = (uint32_t)v[k];

			/* Slots hold 1 + a place in the part. */
			for (; slots[j] != 0; j = (j + 1) & mask) {
				uint64_t e = v[slots[j] - 1 + lo];

				if (e >> 32 == v[k] >> 32 &&
				    same_id(s, (uint32_t)e, r))
					break;
			}
			if (slots[j] == 0) {
				slots[j] = (uint32_t)(k - lo + 1);
				continue;
			}
			if (ndup == dupcap) {
				dupcap = dupcap == 0 ? 16 : 2 * dupcap;
				dup = xreallocarray(dup, dupcap, sizeof(*dup));
			}
			dup[ndup++] = (uint64_t)r << 32 |
			    (uint32_t)v[slots[j] - 1 + lo];
		}
	}
	free(slots);
	free(start);
	free(v);
	if (ndup > 1)
		qsort(dup, ndup, sizeof(*dup), by_index);
	for (i = 0; i < ndup; i++)
		repeated(s, dup[i] >> 32, (uint32_t)dup[i]);
	free(dup);
}

/*
 * The records read since the last check: all of them, at the end of an
 * input with no other message, sorted; else in the table.
 */
static void
check(void *arg)
{
	struct spill *s = arg;
	size_t from = s->checked;

	/* Its messages would run it again: they find nothing left. */
	s->checked = s->n;
	if (from == s->n)
		return;
	if (from == 0 && !s->reading)
		check_parts(s);
	else
		check_table(s, from);
}

/* Records come file after file: a name is kept once, with its first. */
static void
add_name(struct spill *s, const char *name)
{
	if (s->nnames > 0 && s->names[s->nnames - 1].name == name)
		return;
	if (s->nnames == s->namecap) {
		s->namecap = s->namecap == 0 ? 8 : 2 * s->namecap;
		s->names = xreallocarray(s->names, s->namecap,
		    sizeof(*s->names));
	}
	s->names[s->nnames].first = s->n;
	s->names[s->nnames++].name = name;
}

/* Where record i was read (before spill_done() drops repeats). */
static const char *
name_of(const struct spill *s, size_t i)
{
	size_t lo = 0, hi = s->nnames;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->names[mid].first <= i)
			lo = mid;
		else
			hi = mid;
	}
	return s->names[lo].name;
}

static struct spilled *
add_id(struct spill *s, struct span id, const char *name,
    unsigned long lineno)
{
	struct spilled *e;

	if (s->n == s->cap) {
		if (s->cap >= UINT32_MAX / 2)
			diag_fatal("too many records");
		s->cap = s->cap == 0 ? 1024 : s->cap * 2;
		s->v = xreallocarray(s->v, s->cap, sizeof(*s->v));
	}
	/* 8 bytes to spare, zeros: head() reads them. */
	if (s->idscap - s->idslen < 1 + id.len + 8) {
		if (s->idscap > UINT32_MAX / 2)
			diag_fatal("too many records");
		s->idscap = s->idscap == 0 ? 4096 : s->idscap * 2;
		s->ids = xrealloc(s->ids, s->idscap);
	}
	add_name(s, name);
	e = &s->v[s->n++];
	e->idoff = (uint32_t)s->idslen;
	s->ids[s->idslen++] = (char)id.len;	/* at most REC_ID_MAX */
	memcpy(s->ids + s->idslen, id.p, id.len);
	s->idslen += id.len;
	memset(s->ids + s->idslen, 0, 8);
	e->lineno = lineno > UINT32_MAX ? UINT32_MAX : (uint32_t)lineno;
	e->at = 0;
	return e;
}

static void
copy_bytes(struct spill *s, struct spilled *e, struct span line)
{
	if (s->end > (off_t)AT_OFFMASK)
		diag_fatal("temporary file: too large");
	e->at = (uint64_t)s->end;
	if (s->file == NULL)
		buf_add(&s->mem, line.p, line.len);
	else if (fwrite(line.p, 1, line.len, s->file) != line.len)
		diag_fatal("temporary file: write error");
	s->end += (off_t)line.len;
}

static void
copy_line(struct spill *s, struct spilled *e, const struct rec *r)
{
	struct span line;

	buf_reset(&s->line);
	rec_format(r, &s->line);
	line.p = s->line.p;
	line.len = s->line.len;
	copy_bytes(s, e, line);
}

void
spill_add(struct spill *s, const struct rec *r)
{
	copy_line(s, add_id(s, r->id, NULL, 0), r);
}

/* Where the line is if it can stay there: 0, or 1 + its input's slot. */
static uint64_t
input_slot(struct spill *s, const struct src_at *at)
{
	if ((uint64_t)at->off > AT_OFFMASK)
		return 0;
	if (s->nfds == 0 || s->lastinput != at->input + 1) {
		int fd;

		if (s->nfds + 1 >= ((size_t)1 << AT_SRCBITS) ||
		    (fd = fcntl(at->fd, F_DUPFD_CLOEXEC, 3)) < 0)
			return 0;
		s->fds = xreallocarray(s->fds, s->nfds + 1, sizeof(*s->fds));
		s->fds[s->nfds++] = fd;
		s->lastinput = at->input + 1;
	}
	return s->nfds;
}

/*
 * A line already in a regular file need not be copied to the temporary
 * one: writing a big bank out again was most of the cost of --daily.
 */
void
spill_add_src(struct spill *s, struct src *src, const struct rec *r)
{
	struct spilled *e = add_id(s, r->id, src_name(src), src_lineno(src));
	struct src_at at;
	uint64_t slot;

	if (src_canonical_at(src, &at) && (slot = input_slot(s, &at)) != 0)
		e->at = slot << AT_OFFBITS | (uint64_t)at.off;
	else if (src_line_at(src, &at) && (slot = input_slot(s, &at)) != 0)
		e->at = AT_PARSE | slot << AT_OFFBITS | (uint64_t)at.off;
	else
		copy_line(s, e, r);
}

static int	read_line(struct spill *, int, off_t);
static int	made_canonical(struct spill *, size_t);

void
spill_add_took(struct spill *s, struct src *src, const struct src_took *t)
{
	struct spilled *e = add_id(s, t->id, src_name(src), t->lineno);
	struct src_at at = { src->rd.fd, src->nopened, t->off, 0 };
	struct span line = t->line;
	uint64_t slot;

	if (t->off >= 0 && (slot = input_slot(s, &at)) != 0) {
		e->at = (t->parse ? AT_PARSE : 0) | slot << AT_OFFBITS |
		    (uint64_t)t->off;
		return;
	}
	/* An input not kept open: its line is read again and copied. */
	if (t->off >= 0) {
		if (read_line(s, src->rd.fd, t->off) != 0 ||
		    (t->parse && !made_canonical(s, (size_t)(e - s->v))))
			diag_fatal("%s: changed while read", src_name(src));
		line.p = s->line.p;
		line.len = s->line.len;
	}
	copy_bytes(s, e, line);
}

void
spill_read(struct spill *s, struct src *src)
{
	struct rec *r;

	while ((r = src_next(src)) != NULL)
		spill_add_src(s, src, r);
}

const char *
spill_id(const struct spill *s, size_t i, size_t *len)
{
	const char *p = s->ids + s->v[i].idoff;

	*len = (unsigned char)p[0];
	return p + 1;
}

void
spill_done(struct spill *s)
{
	size_t i, n = 0;

	if (!s->unique)
		return;
	s->reading = 0;
	check(s);
	diag_before(NULL, NULL);
	free(s->slots);
	s->slots = NULL;
	s->unique = 0;
	if (s->ngone == 0)
		return;
	for (i = 0; i < s->n; i++)
		if (s->v[i].at != SPILL_GONE)
			s->v[n++] = s->v[i];
	s->n = n;
}

/* qsort() has no context argument in C11 or POSIX. */
static const char *sorting_ids;

/*
 * The first 8 bytes of an id as a big-endian number, zeros after its end
 * (ids have no NUL): most comparisons end there, with no call.  The arena
 * has 8 bytes after its last id, so one load does.
 */
static uint64_t
head(const unsigned char *p)
{
	uint64_t w;

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	memcpy(&w, p + 1, 8);
	w = __builtin_bswap64(w);
#else
	size_t i;

	for (w = 0, i = 0; i < 8; i++)
		w = w << 8 | p[1 + i];
#endif
	/* Ids are 1 to 64 bytes: the shift is 8 to 56. */
	return p[0] >= 8 ? w : w & ~(~(uint64_t)0 >> (8 * p[0]));
}

/* By id, then by input order, so that the order is total. */
static int
by_id(const void *a, const void *b)
{
	const struct spilled *x = a, *y = b;
	const unsigned char *p = (const unsigned char *)sorting_ids + x->idoff;
	const unsigned char *q = (const unsigned char *)sorting_ids + y->idoff;
	uint64_t hp = head(p), hq = head(q);
	int cmp;

	if (hp != hq)
		return hp < hq ? -1 : 1;
	if (p[0] > 8 && q[0] > 8 &&
	    (cmp = memcmp(p + 9, q + 9, (p[0] < q[0] ? p[0] : q[0]) - 8)) != 0)
		return cmp;
	if (p[0] != q[0])
		return p[0] < q[0] ? -1 : 1;
	return (x->idoff > y->idoff) - (x->idoff < y->idoff);
}

static void
swap(struct spilled *a, struct spilled *b)
{
	struct spilled t = *a;

	*a = *b;
	*b = t;
}

/*
 * Quickselect (Hoare's FIND) with a median-of-three pivot: linear on
 * average.  Inputs that keep it from converging fall back to sorting
 * after 2 log2(n) rounds, so it is never quadratic.
 */
size_t
spill_nth_by_id(struct spill *s, size_t k)
{
	size_t lo = 0, hi = s->n - 1, rounds = 0, limit = 2;
	struct spilled *v = s->v;

	sorting_ids = s->ids;
	for (size_t n = s->n; n > 1; n /= 2)
		limit += 2;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2, i = lo, j = hi;

		if (++rounds > limit) {
			qsort(v + lo, hi - lo + 1, sizeof(*v), by_id);
			break;
		}
		if (by_id(&v[mid], &v[lo]) < 0)
			swap(&v[mid], &v[lo]);
		if (by_id(&v[hi], &v[lo]) < 0)
			swap(&v[hi], &v[lo]);
		if (by_id(&v[hi], &v[mid]) < 0)
			swap(&v[hi], &v[mid]);
		swap(&v[mid], &v[hi]);		/* the pivot waits at hi */
		for (j = lo; j < hi; j++)
			if (by_id(&v[j], &v[hi]) < 0)
				swap(&v[i++], &v[j]);
		swap(&v[i], &v[hi]);
		if (i == k)
			break;
		if (k < i)
			hi = i - 1;
		else
			lo = i + 1;
	}
	return k;
}

/* The line at off of fd, to its LF, into s->line; -1 when cut short. */
static int
read_line(struct spill *s, int fd, off_t off)
{
	size_t chunk = 4096;
	char *lf = NULL;

	buf_reset(&s->line);
	while (lf == NULL) {
		ssize_t got;

		buf_reserve(&s->line, chunk);
		got = pread(fd, s->line.p + s->line.len, chunk,
		    off + (off_t)s->line.len);
		if (got <= 0)
			return -1;
		lf = memchr(s->line.p + s->line.len, '\n', (size_t)got);
		s->line.len += (size_t)got;
		chunk *= 2;
	}
	s->line.len = (size_t)(lf - s->line.p) + 1;
	return 0;
}

/* The line read again is the record's: its id, then a TAB. */
static int
starts_with_id(const struct spill *s, size_t i)
{
	size_t len;
	const char *id = spill_id(s, i, &len);

	return s->line.len > len && memcmp(s->line.p, id, len) == 0 &&
	    s->line.p[len] == '\t';
}

/*
 * The line read again is the record's, not canonical: made canonical, as
 * it was when read (its id derived again, if it has none).
 */
static int
made_canonical(struct spill *s, size_t i)
{
	struct rec r = { 0 };
	struct buf b = { 0 };
	size_t len = s->line.len - 1, idlen;
	const char *id = spill_id(s, i, &idlen);
	int ok;

	if (len > 0 && s->line.p[len - 1] == '\r')
		len--;
	ok = rec_parse(&r, s->line.p, len) == REC_RECORD &&
	    r.id.len == idlen && memcmp(r.id.p, id, idlen) == 0;
	if (ok) {
		rec_format(&r, &b);
		buf_free(&s->line);
		s->line = b;
	}
	rec_free(&r);
	return ok;
}

void
spill_write(struct spill *s, size_t i)
{
	uint64_t at = s->v[i].at, slot = (at & ~AT_PARSE) >> AT_OFFBITS;
	off_t off = (off_t)(at & AT_OFFMASK);

	if (slot > 0) {
		if (read_line(s, s->fds[slot - 1], off) != 0 ||
		    !(at & AT_PARSE ? made_canonical(s, i) :
		    starts_with_id(s, i)))
			diag_fatal("read error: an input changed while read");
	} else if (s->file == NULL) {
		const char *p = s->mem.p + off;

		out_write(p, (size_t)((const char *)memchr(p, '\n',
		    s->mem.len - (size_t)off) - p) + 1);
		return;
	} else if (fflush(s->file) != 0 ||
	    read_line(s, fileno(s->file), off) != 0)
		diag_fatal("temporary file: read error");
	out_write(s->line.p, s->line.len);
}

void
spill_free(struct spill *s)
{
	if (s->file != NULL)
		fclose(s->file);
	if (s->unique)
		diag_before(NULL, NULL);
	free(s->slots);
	free(s->ids);
	buf_free(&s->line);
	buf_free(&s->mem);
	free(s->v);
	free(s->names);
	while (s->nfds > 0)
		close(s->fds[--s->nfds]);
	free(s->fds);
	memset(s, 0, sizeof(*s));
}
