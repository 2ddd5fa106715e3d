/*
 * Each vector step compares a block of bytes with a few constants, turns
 * the results into a bit mask (one bit a byte) and only then branches: a
 * few instructions for every 16 or 32 bytes.  The last partial block is
 * the last full block of the input, its bits already seen shifted off; an
 * input shorter than a block is copied into a zeroed block of its own.  No
 * load ever reaches past the caller's bytes.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scan.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && \
    defined(__SSE2__)
#define SCAN_X86 1
#include <immintrin.h>
#endif
#include <pthread.h>

static size_t	(*find_fn)(const char *, size_t, size_t, struct scan_set *);

static pthread_mutex_t set_lock = PTHREAD_MUTEX_INITIALIZER;

/* The set's byte table, built on first use, by one thread. */
static const unsigned char *
set_table(struct scan_set *s)
{
	unsigned c, k;

	if (atomic_load_explicit(&s->ready, memory_order_acquire))
		return s->is;
	pthread_mutex_lock(&set_lock);
	if (!atomic_load_explicit(&s->ready, memory_order_relaxed)) {
		for (c = 0; c < 256; c++)
			s->is[c] = ((s->classes & SCAN_CTRL) && c < 0x20) ||
			    ((s->classes & SCAN_DEL) && c == 0x7f) ||
			    ((s->classes & SCAN_HIGH) && c >= 0x80);
		for (k = 0; k < s->nbytes; k++)
			s->is[s->bytes[k]] = 1;
		atomic_store_explicit(&s->ready, 1, memory_order_release);
	}
	pthread_mutex_unlock(&set_lock);
	return s->is;
}

static size_t
find_portable(const char *p, size_t i, size_t n, struct scan_set *s)
{
	const unsigned char *is = set_table(s);

	while (i < n && !is[(unsigned char)p[i]])
		i++;
	return i;
}

static size_t
search_tail(const char *h, size_t i, size_t n, const char *nd, size_t k)
{
	for (; i + k <= n; i++)
		if (h[i] == nd[0] && memcmp(h + i, nd, k) == 0)
			return i;
	return SCAN_NONE;
}

static size_t
search_portable(const char *h, size_t n, const char *nd, size_t k)
{
	return search_tail(h, 0, n, nd, k);
}

/* A byte the record parser must look at closely: TAB is not one. */
static int
is_field_special(unsigned char c)
{
	return (c < 0x20 && c != '\t') || c == 0x7f || c >= 0x80 || c == '\\';
}

static void
fields_portable(const char *p, size_t n, struct scan_fields *f)
{
	size_t i;

	f->ntab = 0;
	f->special = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == '\t') {
			f->tab[f->ntab++] = i;
			if (f->ntab == 4)
				return;
		} else if (is_field_special(c))
			f->special |= 1u << f->ntab;
	}
}

/*
 * Without a vector UTF-8 check, only printable ASCII is known clean: the
 * careful path takes everything else.
 */
static struct scan_set not_ascii = SCAN_SET(SCAN_CTRL | SCAN_DEL | SCAN_HIGH, 0, 0);

static int
clean_ascii(const char *p, size_t n)
{
	return find_fn(p, 0, n, &not_ascii) == n;
}

static int
tags_portable(const char *p, size_t n, size_t avail, uint64_t *commas)
{
	size_t i;

	(void)avail;
	*commas = 0;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];

		if (c == ',')
			*commas |= 1ull << i;
		else if (c <= ' ' || c >= 0x7f || (c >= 'A' && c <= 'Z'))
			return 0;
	}
	return 1;
}

static int
is_id_char(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '-' && c <= ':') || c == '_';
}

/* The bits of the id and the tags of a head, from tab0 and tab1. */
static inline uint64_t
id_bits(size_t tab0)
{
	return ((uint64_t)1 << tab0) - 1;
}

static inline uint64_t
tag_bits(size_t tab0, size_t tab1)
{
	return (((uint64_t)1 << tab1) - 1) & ~(((uint64_t)2 << tab0) - 1);
}

static int
head_portable(const char *p, size_t tab0, size_t tab1, size_t avail,
    uint64_t *commas)
{
	size_t i;

	(void)avail;
	for (i = 0; i < tab0; i++)
		if (!is_id_char((unsigned char)p[i]))
			return 0;
	return tags_portable(p + tab0 + 1, tab1 - tab0 - 1, tab1 - tab0 - 1,
	    commas);
}

/* Marks fields from..to (of the first four) as holding a special byte. */
static inline __attribute__((always_inline)) void
mark_fields(struct scan_fields *f, unsigned from, unsigned to)
{
	for (; from <= to && from < 4; from++)
		f->special |= 1u << from;
}

/*
 * A CR before an LF is the line's framing, not a control (an invalid
 * sequence it cuts off is still marked where it shows).
 */
static inline uint64_t
crlf(uint64_t cr, uint64_t lf)
{
	return cr & (lf >> 1);
}

/*
 * Does the word hold a byte other than printable ASCII, or a backslash?
 * Eight bytes at a time, as in "Bit Twiddling Hacks" (hasless, hasmore,
 * haszero): exact about whether there is one, not where.
 */
static inline int
word_special(uint64_t x)
{
	const uint64_t ones = 0x0101010101010101ull, high = ones * 0x80;
	uint64_t y = x ^ ones * '\\';

	return (((x - ones * 0x20) & ~x) | ((x + ones * (0x7f - 0x7e)) | x) |
	    ((y - ones) & ~y)) & high ? 1 : 0;
}

static size_t
blocks_portable(const char *p, size_t n, size_t before, struct scan_block *b)
{
	size_t i, k;

	(void)before;
	for (k = 0; k * SCAN_BLOCK < n; k++) {
		uint64_t cr = 0;
		size_t m = n - k * SCAN_BLOCK;

		b[k].lf = b[k].tab = b[k].bs = b[k].bad = 0;
		for (i = 0; i < SCAN_BLOCK && i < m; i++) {
			unsigned char c = (unsigned char)p[k * SCAN_BLOCK + i];
			uint64_t bit = 1ull << i, w;

			/* Most words of text are plain: skip them whole. */
			if (i % 8 == 0 && i + 8 <= m) {
				memcpy(&w, p + k * SCAN_BLOCK + i, 8);
				if (!word_special(w)) {
					i += 7;
					continue;
				}
			}

			if (c == '\n')
				b[k].lf |= bit;
			else if (c == '\t')
				b[k].tab |= bit;
			else if (c == '\\')
				b[k].bs |= bit;
			else if (c < 0x20 || c >= 0x7f) {
				b[k].bad |= bit;
				cr |= c == '\r' ? bit : 0;
			}
		}
		b[k].bad &= ~crlf(cr, b[k].lf);
	}
	return k;
}

/*
 * Takes one block's bit masks (bit i: byte base + i) into f: the TABs, and
 * the fields its special bytes are in (those between the first and the
 * last special byte, to keep it short).  1 when the scan may stop.
 */
static inline __attribute__((always_inline)) int
take_block(struct scan_fields *f, size_t base, uint32_t tabs, uint32_t special)
{
	if (special != 0) {
		unsigned lo = (unsigned)__builtin_ctz(special);
		unsigned hi = 31 - (unsigned)__builtin_clz(special);

		mark_fields(f,
		    f->ntab + (unsigned)__builtin_popcount(tabs & ((1u << lo) - 1)),
		    f->ntab + (unsigned)__builtin_popcount(tabs & ((1u << hi) - 1)));
	}
	while (tabs != 0) {
		f->tab[f->ntab++] = base + (size_t)__builtin_ctz(tabs);
		if (f->ntab == 4)
			return 1;
		tabs &= tabs - 1;
	}
	return 0;
}

#ifdef SCAN_X86

static __m128i
set_mask128(__m128i v, struct scan_set *s)
{
	__m128i m = _mm_setzero_si128();
	unsigned k;

	if (s->classes & SCAN_CTRL) {
		const __m128i low = _mm_set1_epi8(0x1f);

		/* max(v, 0x1f) == 0x1f: v is a control character. */
		m = _mm_cmpeq_epi8(_mm_max_epu8(v, low), low);
	}
	if (s->classes & SCAN_DEL)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
	if (s->classes & SCAN_HIGH)
		m = _mm_or_si128(m, v);		/* movemask takes the top bit */
	for (k = 0; k < s->nbytes; k++)
		m = _mm_or_si128(m,
		    _mm_cmpeq_epi8(v, _mm_set1_epi8((char)s->bytes[k])));
	return m;
}

static size_t
find_sse2(const char *p, size_t i, size_t n, struct scan_set *s)
{
	unsigned mask;

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));

		if ((mask = (unsigned)_mm_movemask_epi8(set_mask128(v, s))) != 0)
			return i + (size_t)__builtin_ctz(mask);
	}
	if (i == n || n < 16)
		return find_portable(p, i, n, s);
	/* The last 16 bytes, less those already seen. */
	mask = (unsigned)_mm_movemask_epi8(set_mask128(_mm_loadu_si128(
	    (const __m128i *)(const void *)(p + n - 16)), s)) >> (i + 16 - n);
	return mask != 0 ? i + (size_t)__builtin_ctz(mask) : n;
}

/*
 * Candidates are where the needle's first and last bytes both are, a
 * vector step for 16 positions; only they get a memcmp().
 */
static size_t
search_sse2(const char *h, size_t n, const char *nd, size_t k)
{
	const __m128i first = _mm_set1_epi8(nd[0]), last = _mm_set1_epi8(nd[k - 1]);
	size_t i;

	for (i = 0; i + k - 1 + 16 <= n; i += 16) {
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(h + i));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)
		    (h + i + k - 1));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));

		for (; m != 0; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (memcmp(h + at, nd, k) == 0)
				return at;
		}
	}
	if (i + k > n || n < k - 1 + 16)
		return search_tail(h, i, n, nd, k);
	/* The last 16 positions, less those already seen. */
	{
		size_t j = n - (k - 1) - 16;
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)(h + j));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)
		    (h + j + k - 1));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(a, first), _mm_cmpeq_epi8(b, last)));

		for (m >>= i - j; m != 0; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (memcmp(h + at, nd, k) == 0)
				return at;
		}
	}
	return SCAN_NONE;
}

/* Tabs and other special bytes of a block of 16. */
static void
fields_block128(__m128i v, uint32_t *tabs, uint32_t *special)
{
	__m128i t = _mm_cmpeq_epi8(v, _mm_set1_epi8('\t'));
	/* A signed compare with 0x20 finds controls and non-ASCII at once. */
	__m128i s = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8(0x20)),
	    _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('\\'))));

	*tabs = (uint32_t)_mm_movemask_epi8(t);
	*special = (uint32_t)_mm_movemask_epi8(s) & ~*tabs;
}

static void
fields_sse2(const char *p, size_t n, struct scan_fields *f)
{
	uint32_t tabs, special;
	size_t i;

	f->ntab = 0;
	f->special = 0;
	for (i = 0; i + 16 <= n; i += 16) {
		fields_block128(_mm_loadu_si128((const __m128i *)(const void *)
		    (p + i)), &tabs, &special);
		if (take_block(f, i, tabs, special))
			return;
	}
	if (i < n && n >= 16) {
		/* The last 16 bytes, less those already seen. */
		fields_block128(_mm_loadu_si128((const __m128i *)(const void *)
		    (p + n - 16)), &tabs, &special);
		take_block(f, i, tabs >> (i + 16 - n), special >> (i + 16 - n));
	} else if (i < n) {
		char last[16] = { 0 };
		uint32_t keep = (1u << (n - i)) - 1;

		memcpy(last, p + i, n - i);
		fields_block128(_mm_loadu_si128((const __m128i *)(const void *)
		    last), &tabs, &special);
		take_block(f, i, tabs & keep, special & keep);
	}
}

static int
tags_sse2(const char *p, size_t n, size_t avail, uint64_t *commas)
{
	size_t i;

	*commas = 0;
	for (i = 0; i < n; i += 16) {
		char last[16];
		__m128i v, bad;
		unsigned keep = 0xffff;

		if (i + 16 > n && i + 16 <= avail) {
			/* Bytes past the list but in the caller's memory. */
			v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
			keep = (1u << (n - i)) - 1;
		} else if (i + 16 > n) {
			memset(last, 'a', sizeof(last));
			memcpy(last, p + i, n - i);
			v = _mm_loadu_si128((const __m128i *)(const void *)last);
			keep = (1u << (n - i)) - 1;
		} else
			v = _mm_loadu_si128((const __m128i *)(const void *)(p + i));
		/* Signed: bytes from 0x80 are below '!' too. */
		bad = _mm_or_si128(_mm_cmplt_epi8(v, _mm_set1_epi8('!')),
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
		/* 'A' to 'Z': v - 'A' below 26, unsigned, as min/cmpeq. */
		__m128i up = _mm_sub_epi8(v, _mm_set1_epi8('A'));
		bad = _mm_or_si128(bad, _mm_cmpeq_epi8(_mm_min_epu8(up,
		    _mm_set1_epi8(25)), up));
		if (_mm_movemask_epi8(bad) & keep)
			return 0;
		*commas |= (uint64_t)((unsigned)_mm_movemask_epi8(
		    _mm_cmpeq_epi8(v, _mm_set1_epi8(','))) & keep) << i;
	}
	return 1;
}

/* Is each byte of v from lo to hi?  (Unsigned, as min/cmpeq.) */
static inline __m128i
in_range128(__m128i v, char lo, char hi)
{
	__m128i d = _mm_sub_epi8(v, _mm_set1_epi8(lo));

	return _mm_cmpeq_epi8(_mm_min_epu8(d, _mm_set1_epi8((char)(hi - lo))),
	    d);
}

/* The id bytes, the bytes bad in tags and the commas of 16 bytes. */
static inline void
head_block128(__m128i v, unsigned *id, unsigned *bad, unsigned *comma)
{
	__m128i upper = in_range128(v, 'A', 'Z');

	*id = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(upper,
	    in_range128(v, 'a', 'z')), _mm_or_si128(in_range128(v, '-', ':'),
	    _mm_cmpeq_epi8(v, _mm_set1_epi8('_')))));
	/* Space, controls, DEL and non-ASCII: plus one, below '"'. */
	*bad = (unsigned)_mm_movemask_epi8(_mm_or_si128(upper,
	    _mm_cmplt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)),
	    _mm_set1_epi8('"'))));
	*comma = (unsigned)_mm_movemask_epi8(_mm_cmpeq_epi8(v,
	    _mm_set1_epi8(',')));
}

static int
head_sse2(const char *p, size_t tab0, size_t tab1, size_t avail,
    uint64_t *commas)
{
	char copy[64];
	uint64_t id = 0, bad = 0, comma = 0;
	unsigned i, b[3];

	if (avail < 64) {
		memset(copy, 0, sizeof(copy));
		memcpy(copy, p, avail);
		p = copy;
	}
	for (i = 0; i < 64 && i < tab1; i += 16) {
		head_block128(_mm_loadu_si128((const __m128i *)(const void *)
		    (p + i)), &b[0], &b[1], &b[2]);
		id |= (uint64_t)b[0] << i;
		bad |= (uint64_t)b[1] << i;
		comma |= (uint64_t)b[2] << i;
	}
	if ((~id & id_bits(tab0)) != 0 || (bad & tag_bits(tab0, tab1)) != 0)
		return 0;
	*commas = (comma & tag_bits(tab0, tab1)) >> (tab0 + 1);
	return 1;
}

/* The bits of four 16-byte compares as one 64-bit mask. */
static inline uint64_t
mask64_sse2(__m128i a, __m128i b, __m128i c, __m128i d)
{
	return (uint64_t)(unsigned)_mm_movemask_epi8(a) |
	    (uint64_t)(unsigned)_mm_movemask_epi8(b) << 16 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(c) << 32 |
	    (uint64_t)(unsigned)_mm_movemask_epi8(d) << 48;
}

#define CMP4(op, x)	op(v[0], x), op(v[1], x), op(v[2], x), op(v[3], x)

static void
block_sse2(const char *p, struct scan_block *b)
{
	const __m128i lf = _mm_set1_epi8('\n'), tab = _mm_set1_epi8('\t');
	const __m128i bs = _mm_set1_epi8('\\'), del = _mm_set1_epi8(0x7f);
	const __m128i sp = _mm_set1_epi8(0x20), cr = _mm_set1_epi8('\r');
	__m128i v[4];
	uint64_t ctl;
	int k;

	for (k = 0; k < 4; k++)
		v[k] = _mm_loadu_si128((const __m128i *)(const void *)
		    (p + 16 * k));
	b->lf = mask64_sse2(CMP4(_mm_cmpeq_epi8, lf));
	b->tab = mask64_sse2(CMP4(_mm_cmpeq_epi8, tab));
	b->bs = mask64_sse2(CMP4(_mm_cmpeq_epi8, bs));
	/* Signed: below 0x20 are the controls and the non-ASCII bytes. */
	ctl = mask64_sse2(CMP4(_mm_cmplt_epi8, sp)) |
	    mask64_sse2(CMP4(_mm_cmpeq_epi8, del));
	b->bad = ctl & ~b->tab & ~b->lf;
	if (b->bad != 0)
		b->bad &= ~crlf(mask64_sse2(CMP4(_mm_cmpeq_epi8, cr)), b->lf);
}

/*
 * The last block, short, from a copy padded with NULs (bits past n are
 * cleared: the NULs are not the text's).
 */
static void
last_block(void (*block)(const char *, struct scan_block *), const char *p,
    size_t n, struct scan_block *b)
{
	char last[SCAN_BLOCK] = { 0 };
	uint64_t keep = (1ull << n) - 1;

	memcpy(last, p, n);
	block(last, b);
	b->lf &= keep;
	b->tab &= keep;
	b->bs &= keep;
	b->bad &= keep;
}

static size_t
blocks_sse2(const char *p, size_t n, size_t before, struct scan_block *b)
{
	size_t i, k = 0;

	(void)before;
	for (i = 0; i + SCAN_BLOCK <= n; i += SCAN_BLOCK)
		block_sse2(p + i, &b[k++]);
	if (i < n)
		last_block(block_sse2, p + i, n - i, &b[k++]);
	return k;
}

__attribute__((target("avx2"))) static __m256i
set_mask256(__m256i v, struct scan_set *s)
{
	__m256i m = _mm256_setzero_si256();
	unsigned k;

	if (s->classes & SCAN_CTRL) {
		const __m256i low = _mm256_set1_epi8(0x1f);

		m = _mm256_cmpeq_epi8(_mm256_max_epu8(v, low), low);
	}
	if (s->classes & SCAN_DEL)
		m = _mm256_or_si256(m,
		    _mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7f)));
	if (s->classes & SCAN_HIGH)
		m = _mm256_or_si256(m, v);
	for (k = 0; k < s->nbytes; k++)
		m = _mm256_or_si256(m,
		    _mm256_cmpeq_epi8(v, _mm256_set1_epi8((char)s->bytes[k])));
	return m;
}

__attribute__((target("avx2"))) static size_t
find_avx2(const char *p, size_t i, size_t n, struct scan_set *s)
{
	uint32_t mask;

	for (; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)
		    (p + i));

		if ((mask = (uint32_t)_mm256_movemask_epi8(set_mask256(v, s))) != 0)
			return i + (size_t)__builtin_ctz(mask);
	}
	if (i == n || n < 32)
		return find_portable(p, i, n, s);
	mask = (uint32_t)_mm256_movemask_epi8(set_mask256(_mm256_loadu_si256(
	    (const __m256i *)(const void *)(p + n - 32)), s)) >> (i + 32 - n);
	return mask != 0 ? i + (size_t)__builtin_ctz(mask) : n;
}

__attribute__((target("avx2"))) static size_t
search_avx2(const char *h, size_t n, const char *nd, size_t k)
{
	const __m256i first = _mm256_set1_epi8(nd[0]);
	const __m256i last = _mm256_set1_epi8(nd[k - 1]);
	size_t i;

	for (i = 0; i + k - 1 + 32 <= n; i += 32) {
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)
		    (h + i));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)
		    (h + i + k - 1));
		uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last)));

		for (; m != 0; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (memcmp(h + at, nd, k) == 0)
				return at;
		}
	}
	if (i + k > n)
		return SCAN_NONE;
	if (n < k - 1 + 32) {
		size_t at;

		/*
		 * SSE code after AVX code needs clean upper halves, or every
		 * legacy SSE instruction after it stalls; gcc 12 leaves them
		 * dirty when the call becomes a jump.
		 */
		_mm256_zeroupper();
		at = search_sse2(h + i, n - i, nd, k);

		return at == SCAN_NONE ? SCAN_NONE : i + at;
	}
	/* The last 32 positions, less those already seen. */
	{
		size_t j = n - (k - 1) - 32;
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)
		    (h + j));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)
		    (h + j + k - 1));
		uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpeq_epi8(a, first), _mm256_cmpeq_epi8(b, last)));

		for (m >>= i - j; m != 0; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (memcmp(h + at, nd, k) == 0)
				return at;
		}
	}
	return SCAN_NONE;
}

/*
 * UTF-8 validation after Keiser and Lemire, "Validating UTF-8 in less
 * than one instruction per byte" (2021), as in simdjson: three 16-entry
 * lookups, on the high nibble of the previous byte, its low nibble and
 * the high nibble of this byte, flag every error two bytes can show; the
 * lengths of 3- and 4-byte sequences are checked from the bytes two and
 * three back.  Added here: C0 controls, DEL and C1 controls (C2 80 to
 * C2 9F), which the record format forbids too.
 */
#define U_TOO_SHORT	(1 << 0)
#define U_TOO_LONG	(1 << 1)
#define U_OVERLONG_3	(1 << 2)
#define U_TOO_LARGE	(1 << 3)
#define U_SURROGATE	(1 << 4)
#define U_OVERLONG_2	(1 << 5)
#define U_TOO_LARGE_1000 (1 << 6)
#define U_OVERLONG_4	(1 << 6)
#define U_TWO_CONTS	(1 << 7)
#define U_CARRY		(U_TOO_SHORT | U_TOO_LONG | U_TWO_CONTS)

/* Indexed by the high nibble of the byte before, its low one, this one's high. */
static const signed char u_hi1[16] = {
	U_TOO_LONG, U_TOO_LONG, U_TOO_LONG, U_TOO_LONG,
	U_TOO_LONG, U_TOO_LONG, U_TOO_LONG, U_TOO_LONG,
	U_TWO_CONTS, U_TWO_CONTS, U_TWO_CONTS, U_TWO_CONTS,
	U_TOO_SHORT | U_OVERLONG_2,
	U_TOO_SHORT,
	U_TOO_SHORT | U_OVERLONG_3 | U_SURROGATE,
	U_TOO_SHORT | U_TOO_LARGE | U_TOO_LARGE_1000 | U_OVERLONG_4
};
static const signed char u_lo1[16] = {
	U_CARRY | U_OVERLONG_3 | U_OVERLONG_2 | U_OVERLONG_4,
	U_CARRY | U_OVERLONG_2,
	U_CARRY, U_CARRY,
	U_CARRY | U_TOO_LARGE,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000 | U_SURROGATE,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000,
	U_CARRY | U_TOO_LARGE | U_TOO_LARGE_1000
};
static const signed char u_hi2[16] = {
	U_TOO_SHORT, U_TOO_SHORT, U_TOO_SHORT, U_TOO_SHORT,
	U_TOO_SHORT, U_TOO_SHORT, U_TOO_SHORT, U_TOO_SHORT,
	(signed char)(U_TOO_LONG | U_OVERLONG_2 | U_TWO_CONTS |
	    U_OVERLONG_3 | U_TOO_LARGE_1000 | U_OVERLONG_4),
	(signed char)(U_TOO_LONG | U_OVERLONG_2 | U_TWO_CONTS |
	    U_OVERLONG_3 | U_TOO_LARGE),
	(signed char)(U_TOO_LONG | U_OVERLONG_2 | U_TWO_CONTS |
	    U_SURROGATE | U_TOO_LARGE),
	(signed char)(U_TOO_LONG | U_OVERLONG_2 | U_TWO_CONTS |
	    U_SURROGATE | U_TOO_LARGE),
	U_TOO_SHORT, U_TOO_SHORT, U_TOO_SHORT, U_TOO_SHORT
};

__attribute__((target("avx2"), always_inline)) static inline __m256i
table256(const signed char t[16])
{
	return _mm256_broadcastsi128_si256(_mm_loadu_si128((const __m128i *)
	    (const void *)t));
}

/*
 * The UTF-8 errors of one block, given the block before it, and C1
 * controls: a byte is not zero where an error shows.
 */
__attribute__((target("avx2"), always_inline)) static inline __m256i
utf8_errors(__m256i in, __m256i prev_in)
{
	const __m256i nib = _mm256_set1_epi8(0x0f);
	__m256i shifted = _mm256_permute2x128_si256(prev_in, in, 0x21);
	__m256i prev1 = _mm256_alignr_epi8(in, shifted, 15);
	__m256i prev2 = _mm256_alignr_epi8(in, shifted, 14);
	__m256i prev3 = _mm256_alignr_epi8(in, shifted, 13);
	__m256i sc = _mm256_and_si256(_mm256_and_si256(
	    _mm256_shuffle_epi8(table256(u_hi1),
	    _mm256_and_si256(_mm256_srli_epi16(prev1, 4), nib)),
	    _mm256_shuffle_epi8(table256(u_lo1), _mm256_and_si256(prev1, nib))),
	    _mm256_shuffle_epi8(table256(u_hi2),
	    _mm256_and_si256(_mm256_srli_epi16(in, 4), nib)));
	__m256i must23 = _mm256_or_si256(
	    _mm256_subs_epu8(prev2, _mm256_set1_epi8((char)(0xe0 - 0x80))),
	    _mm256_subs_epu8(prev3, _mm256_set1_epi8((char)(0xf0 - 0x80))));
	__m256i err = _mm256_xor_si256(_mm256_and_si256(must23,
	    _mm256_set1_epi8((char)0x80)), sc);
	const __m256i c1 = _mm256_set1_epi8((char)0x9f);

	/* C1: C2 then 80 to 9F. */
	return _mm256_or_si256(err, _mm256_and_si256(
	    _mm256_cmpeq_epi8(prev1, _mm256_set1_epi8((char)0xc2)),
	    _mm256_cmpeq_epi8(_mm256_max_epu8(in, c1), c1)));
}

/* The errors of one block as utf8_errors(), and C0 controls and DEL. */
__attribute__((target("avx2"), always_inline)) static inline __m256i
utf8_block(__m256i in, __m256i prev_in)
{
	const __m256i low = _mm256_set1_epi8(0x1f);
	__m256i ctrl = _mm256_or_si256(
	    _mm256_cmpeq_epi8(_mm256_max_epu8(in, low), low),
	    _mm256_cmpeq_epi8(in, _mm256_set1_epi8(0x7f)));

	return _mm256_or_si256(utf8_errors(in, prev_in), ctrl);
}

__attribute__((target("avx2"))) static int
clean_avx2(const char *p, size_t n)
{
	__m256i prev = _mm256_setzero_si256(), err = _mm256_setzero_si256();
	char last[32];
	size_t i;

	for (i = 0; i + 32 <= n; i += 32) {
		__m256i in = _mm256_loadu_si256((const __m256i *)(const void *)
		    (p + i));

		err = _mm256_or_si256(err, utf8_block(in, prev));
		prev = in;
	}
	/*
	 * The rest in a block padded with spaces (a block of spaces when
	 * there is no rest): a sequence cut off by the end meets a space,
	 * which is an error, as it should be.
	 */
	memset(last, ' ', sizeof(last));
	memcpy(last, p + i, n - i);
	err = _mm256_or_si256(err, utf8_block(_mm256_loadu_si256(
	    (const __m256i *)(const void *)last), prev));
	return _mm256_testz_si256(err, err);
}

__attribute__((target("avx2"), always_inline)) static inline uint64_t
mask64_avx2(__m256i a, __m256i b)
{
	return (uint64_t)(uint32_t)_mm256_movemask_epi8(a) |
	    (uint64_t)(uint32_t)_mm256_movemask_epi8(b) << 32;
}

/*
 * One block of 64 bytes, given the 32 before it: the UTF-8 lookups run
 * only when there is a non-ASCII byte in it or in the last three before.
 */
__attribute__((target("avx2"), always_inline)) static inline void
block_avx2(__m256i v0, __m256i v1, __m256i prev, struct scan_block *b)
{
	const __m256i lf = _mm256_set1_epi8('\n'), tab = _mm256_set1_epi8('\t');
	const __m256i bs = _mm256_set1_epi8('\\');
	const __m256i one = _mm256_set1_epi8(1), zero = _mm256_setzero_si256();
	const __m256i lim = _mm256_set1_epi8(0x21);
	uint64_t hi = mask64_avx2(v0, v1), ctl;

	b->lf = mask64_avx2(_mm256_cmpeq_epi8(v0, lf), _mm256_cmpeq_epi8(v1, lf));
	b->tab = mask64_avx2(_mm256_cmpeq_epi8(v0, tab),
	    _mm256_cmpeq_epi8(v1, tab));
	b->bs = mask64_avx2(_mm256_cmpeq_epi8(v0, bs), _mm256_cmpeq_epi8(v1, bs));
	/*
	 * All but printable ASCII at once: plus one, DEL and the non-ASCII
	 * bytes wrap to below 0x21 as the controls are, taken signed.
	 */
	ctl = mask64_avx2(
	    _mm256_cmpgt_epi8(lim, _mm256_add_epi8(v0, one)),
	    _mm256_cmpgt_epi8(lim, _mm256_add_epi8(v1, one)));
	b->bad = ctl & ~hi & ~b->tab & ~b->lf;
	if (b->bad != 0) {
		const __m256i cr = _mm256_set1_epi8('\r');

		b->bad &= ~crlf(mask64_avx2(_mm256_cmpeq_epi8(v0, cr),
		    _mm256_cmpeq_epi8(v1, cr)), b->lf);
	}
	if ((hi | ((uint32_t)_mm256_movemask_epi8(prev) >> 29)) != 0)
		b->bad |= ~mask64_avx2(
		    _mm256_cmpeq_epi8(utf8_errors(v0, prev), zero),
		    _mm256_cmpeq_epi8(utf8_errors(v1, v0), zero));
}

__attribute__((target("avx2"))) static size_t
blocks_avx2(const char *p, size_t n, size_t before, struct scan_block *b)
{
	char ahead[32] = { 0 }, last[SCAN_BLOCK];
	__m256i prev, v0, v1;
	size_t i, k = 0;
	uint64_t keep;

	/* Bytes before the text are taken for ASCII: NULs. */
	if (before > 32)
		before = 32;
	memcpy(ahead + 32 - before, p - before, before);
	prev = _mm256_loadu_si256((const __m256i *)(const void *)ahead);
	for (i = 0; i + SCAN_BLOCK <= n; i += SCAN_BLOCK) {
		v0 = _mm256_loadu_si256((const __m256i *)(const void *)(p + i));
		v1 = _mm256_loadu_si256((const __m256i *)(const void *)
		    (p + i + 32));
		block_avx2(v0, v1, prev, &b[k++]);
		prev = v1;
	}
	if (i == n)
		return k;
	/* The short last block, from a copy padded with NULs. */
	memset(last, 0, sizeof(last));
	memcpy(last, p + i, n - i);
	block_avx2(_mm256_loadu_si256((const __m256i *)(const void *)last),
	    _mm256_loadu_si256((const __m256i *)(const void *)(last + 32)),
	    prev, &b[k]);
	keep = (1ull << (n - i)) - 1;
	b[k].lf &= keep;
	b[k].tab &= keep;
	b[k].bs &= keep;
	b[k].bad &= keep;
	return k + 1;
}

/* tags_sse2(), 32 bytes a step: most lists take one. */
__attribute__((target("avx2"))) static int
tags_avx2(const char *p, size_t n, size_t avail, uint64_t *commas)
{
	const __m256i one = _mm256_set1_epi8(1), lim = _mm256_set1_epi8('"');
	const __m256i a = _mm256_set1_epi8('A'), z = _mm256_set1_epi8(25);
	size_t i;

	*commas = 0;
	for (i = 0; i < n; i += 32) {
		char last[32];
		const char *at = p + i;
		uint32_t keep = ~0u;
		__m256i v, up, bad;

		if (i + 32 > n) {
			keep = (uint32_t)((1ull << (n - i)) - 1);
			/* Past the list, but in the caller's memory, or a copy. */
			if (i + 32 > avail) {
				memset(last, 'a', sizeof(last));
				memcpy(last, p + i, n - i);
				at = last;
			}
		}
		v = _mm256_loadu_si256((const __m256i *)(const void *)at);
		/* Space, controls, DEL and non-ASCII: plus one, below '"'. */
		bad = _mm256_cmpgt_epi8(lim, _mm256_add_epi8(v, one));
		/* 'A' to 'Z': v - 'A' below 26, unsigned, as min/cmpeq. */
		up = _mm256_sub_epi8(v, a);
		bad = _mm256_or_si256(bad, _mm256_cmpeq_epi8(_mm256_min_epu8(up,
		    z), up));
		if ((uint32_t)_mm256_movemask_epi8(bad) & keep)
			return 0;
		*commas |= (uint64_t)((uint32_t)_mm256_movemask_epi8(
		    _mm256_cmpeq_epi8(v, _mm256_set1_epi8(','))) & keep) << i;
	}
	return 1;
}

static inline __attribute__((target("avx2"))) __m256i
in_range256(__m256i v, char lo, char hi)
{
	__m256i d = _mm256_sub_epi8(v, _mm256_set1_epi8(lo));

	return _mm256_cmpeq_epi8(_mm256_min_epu8(d,
	    _mm256_set1_epi8((char)(hi - lo))), d);
}

/* head_block128(), 32 bytes. */
static inline __attribute__((target("avx2"))) void
head_block256(__m256i v, uint32_t *id, uint32_t *bad, uint32_t *comma)
{
	__m256i upper = in_range256(v, 'A', 'Z');

	*id = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(
	    _mm256_or_si256(upper, in_range256(v, 'a', 'z')),
	    _mm256_or_si256(in_range256(v, '-', ':'),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('_')))));
	*bad = (uint32_t)_mm256_movemask_epi8(_mm256_or_si256(upper,
	    _mm256_cmpgt_epi8(_mm256_set1_epi8('"'),
	    _mm256_add_epi8(v, _mm256_set1_epi8(1)))));
	*comma = (uint32_t)_mm256_movemask_epi8(_mm256_cmpeq_epi8(v,
	    _mm256_set1_epi8(',')));
}

__attribute__((target("avx2"))) static int
head_avx2(const char *p, size_t tab0, size_t tab1, size_t avail,
    uint64_t *commas)
{
	char copy[64];
	uint64_t id, bad, comma;
	uint32_t b[3];

	if (avail < 64) {
		memset(copy, 0, sizeof(copy));
		memcpy(copy, p, avail);
		p = copy;
	}
	head_block256(_mm256_loadu_si256((const __m256i *)(const void *)p),
	    &b[0], &b[1], &b[2]);
	id = b[0];
	bad = b[1];
	comma = b[2];
	/* Both halves, wherever the tags end: a branch on it mispredicts. */
	head_block256(_mm256_loadu_si256((const __m256i *)
	    (const void *)(p + 32)), &b[0], &b[1], &b[2]);
	id |= (uint64_t)b[0] << 32;
	bad |= (uint64_t)b[1] << 32;
	comma |= (uint64_t)b[2] << 32;
	if ((~id & id_bits(tab0)) != 0 || (bad & tag_bits(tab0, tab1)) != 0)
		return 0;
	*commas = (comma & tag_bits(tab0, tab1)) >> (tab0 + 1);
	return 1;
}

/*
 * AVX-512 (BW) compares straight into 64-bit masks, and the UTF-8 check
 * of utf8_errors() runs on the whole block: its bytes one to three back
 * come from a lane shift (a 64-bit permute) and a per-lane align, as in
 * simdjson.
 */
#define AVX512 __attribute__((target("avx512f,avx512bw")))

AVX512 static inline __m512i
table512(const signed char t[16])
{
	return _mm512_broadcast_i32x4(_mm_loadu_si128((const __m128i *)
	    (const void *)t));
}

/* The bytes where a UTF-8 error or a C1 control shows. */
AVX512 static inline uint64_t
utf8_errors512(__m512i in, __m512i prev_in)
{
	const __m512i nib = _mm512_set1_epi8(0x0f);
	/* prev_in's last 16 bytes, then in's first 48. */
	__m512i shifted = _mm512_permutex2var_epi64(prev_in,
	    _mm512_set_epi64(13, 12, 11, 10, 9, 8, 7, 6), in);
	__m512i prev1 = _mm512_alignr_epi8(in, shifted, 15);
	__m512i prev2 = _mm512_alignr_epi8(in, shifted, 14);
	__m512i prev3 = _mm512_alignr_epi8(in, shifted, 13);
	__m512i sc = _mm512_and_si512(_mm512_and_si512(
	    _mm512_shuffle_epi8(table512(u_hi1),
	    _mm512_and_si512(_mm512_srli_epi16(prev1, 4), nib)),
	    _mm512_shuffle_epi8(table512(u_lo1), _mm512_and_si512(prev1, nib))),
	    _mm512_shuffle_epi8(table512(u_hi2),
	    _mm512_and_si512(_mm512_srli_epi16(in, 4), nib)));
	__m512i must23 = _mm512_or_si512(
	    _mm512_subs_epu8(prev2, _mm512_set1_epi8((char)(0xe0 - 0x80))),
	    _mm512_subs_epu8(prev3, _mm512_set1_epi8((char)(0xf0 - 0x80))));
	__m512i err = _mm512_xor_si512(_mm512_and_si512(must23,
	    _mm512_set1_epi8((char)0x80)), sc);

	/* C1: C2 then 80 to 9F. */
	return _mm512_test_epi8_mask(err, err) |
	    (_mm512_cmpeq_epi8_mask(prev1, _mm512_set1_epi8((char)0xc2)) &
	    _mm512_cmple_epu8_mask(in, _mm512_set1_epi8((char)0x9f)));
}

/* in_range256() as a mask. */
AVX512 static inline uint64_t
in_range512(__m512i v, char lo, char hi)
{
	return _mm512_cmple_epu8_mask(_mm512_sub_epi8(v, _mm512_set1_epi8(lo)),
	    _mm512_set1_epi8((char)(hi - lo)));
}

/*
 * head_avx2() on the 64 bytes at once, compared straight into masks; a
 * masked load stands for the copy of a short line.
 */
AVX512 static int
head_avx512(const char *p, size_t tab0, size_t tab1, size_t avail,
    uint64_t *commas)
{
	__mmask64 keep = avail >= 64 ? ~0ull : (1ull << avail) - 1;
	__m512i v = _mm512_maskz_loadu_epi8(keep, p);
	uint64_t upper = in_range512(v, 'A', 'Z');
	uint64_t id = upper | in_range512(v, 'a', 'z') |
	    in_range512(v, '-', ':') |
	    _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('_'));
	uint64_t bad = upper | _mm512_cmpgt_epi8_mask(_mm512_set1_epi8('"'),
	    _mm512_add_epi8(v, _mm512_set1_epi8(1)));
	uint64_t comma = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8(','));

	if ((~id & id_bits(tab0)) != 0 || (bad & tag_bits(tab0, tab1)) != 0)
		return 0;
	*commas = (comma & tag_bits(tab0, tab1)) >> (tab0 + 1);
	return 1;
}

/* One block of blocks_avx512(), its bytes past keep taken for NULs. */
AVX512 static inline void
block512(__m512i v, __mmask64 keep, __m512i *prev, uint64_t *prevhi,
    struct scan_block *b)
{
	uint64_t hi = _mm512_movepi8_mask(v);

	b->lf = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\n'));
	b->tab = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\t'));
	b->bs = _mm512_cmpeq_epi8_mask(v, _mm512_set1_epi8('\\'));
	/* As in block_avx2(): all but printable ASCII at once. */
	b->bad = _mm512_mask_cmpgt_epi8_mask(keep, _mm512_set1_epi8(0x21),
	    _mm512_add_epi8(v, _mm512_set1_epi8(1))) & ~hi & ~b->tab & ~b->lf;
	if (b->bad != 0)
		b->bad &= ~crlf(_mm512_cmpeq_epi8_mask(v,
		    _mm512_set1_epi8('\r')), b->lf);
	/* Lookups when a byte here or one of the last three is not ASCII. */
	if ((hi | *prevhi >> 61) != 0)
		b->bad |= utf8_errors512(v, *prev) & keep;
	*prev = v;
	*prevhi = hi;
}

/*
 * Whole blocks by plain loads, the short last one by a masked load, which
 * reads none past n.
 */
AVX512 static size_t
blocks_avx512(const char *p, size_t n, size_t before, struct scan_block *b)
{
	uint64_t prevhi;
	__m512i prev;
	size_t i, k = 0;

	/* Bytes before the text are taken for ASCII: NULs. */
	if (before > 64)
		before = 64;
	prev = _mm512_maskz_loadu_epi8(before == 0 ? 0 : ~0ull << (64 - before),
	    p - 64);
	prevhi = _mm512_movepi8_mask(prev);
	for (i = 0; i + SCAN_BLOCK <= n; i += SCAN_BLOCK, k++)
		block512(_mm512_loadu_si512((const void *)(p + i)), ~0ull, &prev,
		    &prevhi, &b[k]);
	if (i < n) {
		__mmask64 keep = (1ull << (n - i)) - 1;

		block512(_mm512_maskz_loadu_epi8(keep, p + i), keep, &prev,
		    &prevhi, &b[k++]);
	}
	return k;
}

__attribute__((target("avx2"))) static void
fields_block256(__m256i v, uint32_t *tabs, uint32_t *special)
{
	__m256i t = _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\t'));
	__m256i s = _mm256_or_si256(
	    _mm256_cmpgt_epi8(_mm256_set1_epi8(0x20), v),
	    _mm256_or_si256(_mm256_cmpeq_epi8(v, _mm256_set1_epi8(0x7f)),
	    _mm256_cmpeq_epi8(v, _mm256_set1_epi8('\\'))));

	*tabs = (uint32_t)_mm256_movemask_epi8(t);
	*special = (uint32_t)_mm256_movemask_epi8(s) & ~*tabs;
}

__attribute__((target("avx2"))) static void
fields_avx2(const char *p, size_t n, struct scan_fields *f)
{
	uint32_t tabs, special;
	size_t i;

	f->ntab = 0;
	f->special = 0;
	for (i = 0; i + 32 <= n; i += 32) {
		fields_block256(_mm256_loadu_si256((const __m256i *)
		    (const void *)(p + i)), &tabs, &special);
		if (take_block(f, i, tabs, special))
			return;
	}
	if (i < n && n >= 32) {
		fields_block256(_mm256_loadu_si256((const __m256i *)
		    (const void *)(p + n - 32)), &tabs, &special);
		take_block(f, i, tabs >> (i + 32 - n), special >> (i + 32 - n));
	} else if (i < n) {
		char last[32] = { 0 };
		uint32_t keep = (uint32_t)((1ull << (n - i)) - 1);

		memcpy(last, p + i, n - i);
		fields_block256(_mm256_loadu_si256((const __m256i *)
		    (const void *)last), &tabs, &special);
		take_block(f, i, tabs & keep, special & keep);
	}
}

#endif /* SCAN_X86 */

static void	(*fields_fn)(const char *, size_t, struct scan_fields *);
static int	(*tags_fn)(const char *, size_t, size_t, uint64_t *);
static int	(*head_fn)(const char *, size_t, size_t, size_t, uint64_t *);
static size_t	(*search_fn)(const char *, size_t, const char *, size_t);
static int	(*clean_fn)(const char *, size_t);
static size_t	(*blocks_fn)(const char *, size_t, size_t, struct scan_block *);
static const char *impl_name;

int
scan_select(const char *want)
{
	int all = want == NULL;

	if (all || strcmp(want, "portable") == 0) {
		find_fn = find_portable;
		fields_fn = fields_portable;
		tags_fn = tags_portable;
		head_fn = head_portable;
		search_fn = search_portable;
		clean_fn = clean_ascii;
		blocks_fn = blocks_portable;
		impl_name = "portable";
		if (!all)
			return 0;
	}
#ifdef SCAN_X86
	if (all || strcmp(want, "sse2") == 0) {
		find_fn = find_sse2;
		fields_fn = fields_sse2;
		tags_fn = tags_sse2;
		head_fn = head_sse2;
		search_fn = search_sse2;
		clean_fn = clean_ascii;
		blocks_fn = blocks_sse2;
		impl_name = "sse2";
		if (!all)
			return 0;
	}
	__builtin_cpu_init();
	if ((all || strcmp(want, "avx2") == 0) &&
	    __builtin_cpu_supports("avx2")) {
		find_fn = find_avx2;
		fields_fn = fields_avx2;
		tags_fn = tags_avx2;
		head_fn = head_avx2;
		search_fn = search_avx2;
		clean_fn = clean_avx2;
		blocks_fn = blocks_avx2;
		impl_name = "avx2";
		if (!all)
			return 0;
	}
	/* Only the structural pass and the head gain from wider vectors. */
	if ((all || strcmp(want, "avx512") == 0) &&
	    __builtin_cpu_supports("avx2") &&
	    __builtin_cpu_supports("avx512f") &&
	    __builtin_cpu_supports("avx512bw")) {
		if (!all)
			scan_select("avx2");
		blocks_fn = blocks_avx512;
		head_fn = head_avx512;
		impl_name = "avx512";
		return 0;
	}
#endif
	return all ? 0 : -1;
}

/* The best the CPU offers, unless QB_SIMD asks for another. */
static void
choose(void)
{
	const char *want = getenv("QB_SIMD");

	if (want == NULL || scan_select(want) < 0)
		scan_select(NULL);
}

size_t
scan_find_run(const char *p, size_t i, size_t n, struct scan_set *s)
{
	if (find_fn == NULL)
		choose();
	return find_fn(p, i, n, s);
}

void
scan_fields(const char *p, size_t n, struct scan_fields *f)
{
	if (fields_fn == NULL)
		choose();
	fields_fn(p, n, f);
	f->bad = f->special;
}

int
scan_tags(const char *p, size_t n, size_t avail, uint64_t *commas)
{
	if (n > 64)
		return 0;
	if (tags_fn == NULL)
		choose();
	return tags_fn(p, n, avail, commas);
}

int
scan_head(const char *p, size_t tab0, size_t tab1, size_t avail,
    uint64_t *commas)
{
	if (head_fn == NULL)
		choose();
	return head_fn(p, tab0, tab1, avail, commas);
}

size_t
scan_search(const char *h, size_t n, const char *needle, size_t k)
{
	if (k == 0)
		return 0;
	if (n < k)
		return SCAN_NONE;
	if (search_fn == NULL)
		choose();
	return search_fn(h, n, needle, k);
}

size_t
scan_blocks(const char *p, size_t n, size_t before, struct scan_block *b)
{
	if (blocks_fn == NULL)
		choose();
	return blocks_fn(p, n, before, b);
}

int
scan_text_clean(const char *p, size_t n)
{
	if (clean_fn == NULL)
		choose();
	return clean_fn(p, n);
}

const char *
scan_impl(void)
{
	if (impl_name == NULL)
		choose();
	return impl_name;
}
