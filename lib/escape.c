/*
 * The text here is already valid UTF-8 without control characters other
 * than tab and newline (the record parser saw to that).  JSON escapes
 * every control character; the separated-values formats (CSV, TSV, Anki)
 * quote the fields that hold a separator, quote, CR or LF and pass other
 * bytes through; Markdown turns tabs into spaces and passes the rest.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "escape.h"
#include "scan.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && \
    defined(__SSE2__)
#define ESC_X86 1
#include <immintrin.h>
#endif

/*
 * A run of plain bytes is found and copied in one pass, a vector at a
 * time: each 16 or 32 bytes are stored to the output before they are
 * looked at, and the output moves on only as far as the first byte that
 * needs escaping.  The sets of such bytes are few and fixed, so each gets
 * its own loop with its constants built in.
 */
#define S_QUOTE		0x01	/* " */
#define S_BSLASH	0x02	/* \ */
#define S_COMMA		0x04
#define S_CTRL		0x08	/* 0x00 to 0x1f */
#define S_DEL		0x10	/* 0x7f */
#define S_E2		0x20	/* 0xe2: may start U+2028 or U+2029 */

enum run {
	RUN_JSON,	/* raw text in a JSON string */
	RUN_JSON_QB,	/* qb(5)-escaped text: \\ \t \n are JSON's too */
	RUN_JSON_LIST,	/* a comma-joined list: commas end strings */
	RUN_CSV,	/* raw text in CSV: what needs quotes, or doubling */
	RUN_CSV_QB,
	RUN_TSV,
	RUN_TSV_QB,
	NRUNS
};

static const unsigned run_sets[NRUNS] = {
	S_QUOTE | S_BSLASH | S_CTRL | S_DEL | S_E2,
	S_QUOTE | S_CTRL | S_DEL | S_E2,
	S_QUOTE | S_BSLASH | S_CTRL | S_DEL | S_E2 | S_COMMA,
	S_QUOTE | S_COMMA | S_CTRL,
	S_QUOTE | S_COMMA | S_CTRL | S_BSLASH,
	S_QUOTE | S_CTRL,
	S_QUOTE | S_CTRL | S_BSLASH
};

/* The classes of every byte, for the portable loops and short tails. */
static unsigned char byte_class[256];

typedef size_t	run_fn(char *, const char *, size_t, size_t);
static run_fn	*runs[NRUNS];
static const char *runs_name = "portable";

static unsigned
classify(unsigned c)
{
	return (c == '"' ? S_QUOTE : 0) | (c == '\\' ? S_BSLASH : 0) |
	    (c == ',' ? S_COMMA : 0) | (c < 0x20 ? S_CTRL : 0) |
	    (c == 0x7f ? S_DEL : 0) | (c == 0xe2 ? S_E2 : 0);
}

/*
 * Copies fewer than 32 bytes with a few moves that may overlap, not a
 * call to memcpy(): the end of every run is one of these.
 */
__attribute__((always_inline)) static inline void
copy_short(char *d, const char *p, size_t n)
{
	uint64_t a, b;
	uint32_t x, y;

	if (n >= 16) {
		memcpy(&a, p, 8);
		memcpy(&b, p + 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + 8, &b, 8);
		memcpy(&a, p + n - 16, 8);
		memcpy(&b, p + n - 8, 8);
		memcpy(d + n - 16, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 8) {
		memcpy(&a, p, 8);
		memcpy(&b, p + n - 8, 8);
		memcpy(d, &a, 8);
		memcpy(d + n - 8, &b, 8);
	} else if (n >= 4) {
		memcpy(&x, p, 4);
		memcpy(&y, p + n - 4, 4);
		memcpy(d, &x, 4);
		memcpy(d + n - 4, &y, 4);
	} else if (n > 0) {
		d[0] = p[0];
		d[n / 2] = p[n / 2];
		d[n - 1] = p[n - 1];
	}
}

/*
 * The offset of the first byte at or after i in set, or n; with d, the
 * bytes before it are copied to d, which may get up to 32 bytes more
 * (the vector loops store whole blocks).
 */
static size_t
run_portable(char *d, const char *p, size_t i, size_t n, unsigned set)
{
	size_t k = i;

	while (k < n && !(byte_class[(unsigned char)p[k]] & set))
		k++;
	if (d != NULL)
		memcpy(d, p + i, k - i);
	return k;
}

/* Each set's own loop, from the implementation's run_ISA(). */
#define RUN_FN(isa, attr, name, r)					\
attr static size_t							\
isa##_##name(char *d, const char *p, size_t i, size_t n)		\
{									\
	return run_##isa(d, p, i, n, run_sets[r]);			\
}
#define RUN_FNS(isa, attr)						\
RUN_FN(isa, attr, json, RUN_JSON)					\
RUN_FN(isa, attr, json_qb, RUN_JSON_QB)				\
RUN_FN(isa, attr, json_list, RUN_JSON_LIST)				\
RUN_FN(isa, attr, csv, RUN_CSV)					\
RUN_FN(isa, attr, csv_qb, RUN_CSV_QB)					\
RUN_FN(isa, attr, tsv, RUN_TSV)					\
RUN_FN(isa, attr, tsv_qb, RUN_TSV_QB)					\
static run_fn *const isa##_runs[NRUNS] = {				\
	isa##_json, isa##_json_qb, isa##_json_list, isa##_csv,		\
	isa##_csv_qb, isa##_tsv, isa##_tsv_qb				\
};

RUN_FNS(portable, )

#ifdef ESC_X86
__attribute__((always_inline)) static inline __m128i
set_mask128(__m128i v, unsigned set)
{
	__m128i m = _mm_setzero_si128();

	if (set & S_QUOTE)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('"')));
	if (set & S_BSLASH)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8('\\')));
	if (set & S_COMMA)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(',')));
	if (set & S_CTRL)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(_mm_max_epu8(v,
		    _mm_set1_epi8(0x1f)), _mm_set1_epi8(0x1f)));
	if (set & S_DEL)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7f)));
	if (set & S_E2)
		m = _mm_or_si128(m, _mm_cmpeq_epi8(v,
		    _mm_set1_epi8((char)0xe2)));
	return m;
}

/*
 * The set's bits of the rem < 16 bytes at p, from two loads that overlap
 * (8, 4 bytes or 1) rather than a copy into a block of its own: a load
 * from bytes just stored waits for them.
 */
__attribute__((always_inline)) static inline unsigned
short_mask(const char *p, size_t rem, unsigned set)
{
	unsigned m, k;
	uint64_t a, b;
	uint32_t x, y;

	if (rem >= 8) {
		memcpy(&a, p, 8);
		memcpy(&b, p + rem - 8, 8);
		m = (unsigned)_mm_movemask_epi8(set_mask128(_mm_set_epi64x(
		    (long long)b, (long long)a), set));
		return (m & 0xff) | (m >> 8) << (rem - 8);
	}
	if (rem >= 4) {
		memcpy(&x, p, 4);
		memcpy(&y, p + rem - 4, 4);
		m = (unsigned)_mm_movemask_epi8(set_mask128(_mm_set_epi32(0, 0,
		    (int)y, (int)x), set));
		return (m & 0xf) | (m >> 4 & 0xf) << (rem - 4);
	}
	for (m = 0, k = 0; k < rem; k++)
		if (byte_class[(unsigned char)p[k]] & set)
			m |= 1u << k;
	return m;
}

__attribute__((always_inline)) static inline size_t
run_sse2(char *d, const char *p, size_t i, size_t n, unsigned set)
{
	size_t i0 = i;
	unsigned m;

	for (; i + 16 <= n; i += 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
		    (p + i));

		if (d != NULL) {
			_mm_storeu_si128((__m128i *)(void *)d, v);
			d += 16;
		}
		if ((m = (unsigned)_mm_movemask_epi8(set_mask128(v, set))) != 0)
			return i + (size_t)__builtin_ctz(m);
	}
	if (i == n)
		return n;
	if (n < 16) {
		/* A short text: no loop, and no load past its end. */
		m = short_mask(p + i, n - i, set);
		m = m != 0 ? (unsigned)__builtin_ctz(m) : (unsigned)(n - i);
		if (d != NULL)
			copy_short(d, p + i, m);
		return i + m;
	}
	/* The last 16 bytes, less those already seen (as in run_avx2()). */
	__m128i v = _mm_loadu_si128((const __m128i *)(const void *)
	    (p + n - 16));

	m = (unsigned)_mm_movemask_epi8(set_mask128(v, set)) >> (i + 16 - n);
	if (d != NULL && n - 16 >= i0) {
		_mm_storeu_si128((__m128i *)(void *)(d - (i + 16 - n)), v);
		return m != 0 ? i + (size_t)__builtin_ctz(m) : n;
	}
	m = m != 0 ? (unsigned)__builtin_ctz(m) : (unsigned)(n - i);
	if (d != NULL)
		copy_short(d, p + i, m);
	return i + m;
}

RUN_FNS(sse2, )

__attribute__((target("avx2"), always_inline)) static inline uint32_t
set_mask256(__m256i v, unsigned set)
{
	__m256i m = _mm256_setzero_si256();

	if (set & S_QUOTE)
		m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v,
		    _mm256_set1_epi8('"')));
	if (set & S_BSLASH)
		m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v,
		    _mm256_set1_epi8('\\')));
	if (set & S_COMMA)
		m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v,
		    _mm256_set1_epi8(',')));
	if (set & S_CTRL)
		m = _mm256_or_si256(m, _mm256_cmpeq_epi8(_mm256_max_epu8(v,
		    _mm256_set1_epi8(0x1f)), _mm256_set1_epi8(0x1f)));
	if (set & S_DEL)
		m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v,
		    _mm256_set1_epi8(0x7f)));
	if (set & S_E2)
		m = _mm256_or_si256(m, _mm256_cmpeq_epi8(v,
		    _mm256_set1_epi8((char)0xe2)));
	return (uint32_t)_mm256_movemask_epi8(m);
}

__attribute__((target("avx2"), always_inline)) static inline size_t
run_avx2(char *d, const char *p, size_t i, size_t n, unsigned set)
{
	size_t i0 = i;
	uint32_t m;

	for (; i + 32 <= n; i += 32) {
		__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)
		    (p + i));

		if (d != NULL) {
			_mm256_storeu_si256((__m256i *)(void *)d, v);
			d += 32;
		}
		if ((m = set_mask256(v, set)) != 0)
			return i + (size_t)__builtin_ctz(m);
	}
	if (i == n)
		return n;
	if (n < 32) {
		size_t rem = n - i;

		/* Two halves that overlap, or a short text's two loads. */
		if (rem >= 16)
			m = (uint32_t)_mm_movemask_epi8(set_mask128(
			    _mm_loadu_si128((const __m128i *)(const void *)
			    (p + i)), set)) |
			    (uint32_t)_mm_movemask_epi8(set_mask128(
			    _mm_loadu_si128((const __m128i *)(const void *)
			    (p + n - 16)), set)) << (rem - 16);
		else
			m = short_mask(p + i, rem, set);
		m = m != 0 ? (uint32_t)__builtin_ctz(m) : (uint32_t)rem;
		if (d != NULL)
			copy_short(d, p + i, m);
		return i + m;
	}
	/* The last 32 bytes, less those already seen. */
	__m256i v = _mm256_loadu_si256((const __m256i *)(const void *)
	    (p + n - 32));

	m = set_mask256(v, set) >> (i + 32 - n);
	if (d != NULL && n - 32 >= i0) {
		/*
		 * The bytes before i in that block went out as they are,
		 * in this run: storing the block again, over them, is
		 * one move for any length.
		 */
		_mm256_storeu_si256((__m256i *)(void *)(d - (i + 32 - n)), v);
		return m != 0 ? i + (size_t)__builtin_ctz(m) : n;
	}
	m = m != 0 ? (uint32_t)__builtin_ctz(m) : (uint32_t)(n - i);
	if (d != NULL)
		copy_short(d, p + i, m);
	return i + m;
}

RUN_FNS(avx2, __attribute__((target("avx2"))))
#endif

/* Picks the loops of scan_impl(): QB_SIMD chooses for both. */
static void
choose(void)
{
	const char *impl = scan_impl();
	unsigned c;

	for (c = 0; c < 256; c++)
		byte_class[c] = (unsigned char)classify(c);
	memcpy(runs, portable_runs, sizeof(runs));
	runs_name = "portable";
#ifdef ESC_X86
	if (strcmp(impl, "sse2") == 0) {
		memcpy(runs, sse2_runs, sizeof(runs));
		runs_name = "sse2";
	}
	/* Every CPU with AVX-512 has AVX2: its loops serve both. */
	if (strcmp(impl, "avx2") == 0 || strcmp(impl, "avx512") == 0) {
		memcpy(runs, avx2_runs, sizeof(runs));
		runs_name = "avx2";
	}
#endif
}

const char *
esc_impl(void)
{
	if (runs[0] == NULL)
		choose();
	return runs_name;
}

int
esc_select(const char *name)
{
	if (scan_select(name) < 0)
		return -1;
	choose();
	return 0;
}

/*
 * Appends the bytes from i up to the first of the run's set, and returns
 * its offset, or n.
 */
static inline size_t
copy_run(struct buf *b, const char *p, size_t i, size_t n, enum run r)
{
	size_t k;

	if (runs[0] == NULL)
		choose();
	if (n - i + 32 >= b->cap - b->len)
		buf_reserve(b, n - i + 32);
	k = runs[r](b->p + b->len, p, i, n);
	b->len += k - i;
	return k;
}

#define ADD_LIT(b, s)	buf_add(b, s, sizeof(s) - 1)

/*
 * Escapes the byte at p[i] that ended a JSON run; returns the offset after
 * it.  Raw text's backslashes and controls come here; qb(5) text has none
 * of either but the backslashes of its escapes, which stay as they are.
 */
static size_t
json_special(struct buf *b, const char *p, size_t i, size_t n)
{
	unsigned char c = (unsigned char)p[i];
	char hex[8];

	switch (c) {
	case '"':
		ADD_LIT(b, "\\\"");
		break;
	case '\\':
		ADD_LIT(b, "\\\\");
		break;
	case '\n':
		ADD_LIT(b, "\\n");
		break;
	case '\t':
		ADD_LIT(b, "\\t");
		break;
	case 0xe2:
		if (i + 2 < n && (unsigned char)p[i + 1] == 0x80 &&
		    ((unsigned char)p[i + 2] & 0xfe) == 0xa8) {
			/* U+2028 and U+2029 end lines in JavaScript. */
			buf_add(b, (unsigned char)p[i + 2] == 0xa8 ?
			    "\\u2028" : "\\u2029", 6);
			return i + 3;
		}
		buf_addc(b, (char)c);
		break;
	default:
		snprintf(hex, sizeof(hex), "\\u%04x", c);
		buf_add(b, hex, 6);
	}
	return i + 1;
}

void
esc_json_chars(struct buf *b, const char *p, size_t n, int qb)
{
	enum run r = qb ? RUN_JSON_QB : RUN_JSON;
	size_t i = 0;

	while ((i = copy_run(b, p, i, n, r)) < n)
		i = json_special(b, p, i, n);
}

void
esc_json(struct buf *b, const char *p, size_t n)
{
	buf_addc(b, '"');
	esc_json_chars(b, p, n, 0);
	buf_addc(b, '"');
}

void
esc_json_qb(struct buf *b, const char *p, size_t n)
{
	buf_addc(b, '"');
	esc_json_chars(b, p, n, 1);
	buf_addc(b, '"');
}

/*
 * A short list of plain tags (most are) in one loop without branches but
 * the loop's: each byte is written as it is, or for a comma "," and the
 * output moves on by 1 or 3.  0, and nothing written, when a tag needs
 * escaping.
 */
static int
short_list(struct buf *b, const char *p, size_t n)
{
	unsigned stop = run_sets[RUN_JSON] & ~(unsigned)S_COMMA;
	char *d;
	size_t i;

	if (runs[0] == NULL)
		choose();
	if (3 * n + 3 >= b->cap - b->len)
		buf_reserve(b, 3 * n + 3);
	d = b->p + b->len;
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)p[i];
		int comma = c == ',';

		if (byte_class[c] & stop)
			return 0;
		d[0] = comma ? '"' : (char)c;
		d[1] = ',';
		d[2] = '"';
		d += comma ? 3 : 1;
	}
	b->len = (size_t)(d - b->p);
	return 1;
}

void
esc_json_list(struct buf *b, const char *p, size_t n)
{
	size_t i = 0, all = n;

	/* As rec_tag_next() reads it: a comma at the end ends the list. */
	if (n > 0 && p[n - 1] == ',')
		n--;
	buf_addc(b, '[');
	if (all > 0) {
		buf_addc(b, '"');
		if (n <= 64 && short_list(b, p, n))
			i = n;
		while (i < n && (i = copy_run(b, p, i, n, RUN_JSON_LIST)) < n) {
			if (p[i] == ',') {
				ADD_LIT(b, "\",\"");
				i++;
			} else
				i = json_special(b, p, i, n);
		}
		buf_addc(b, '"');
	}
	buf_addc(b, ']');
}

/*
 * A field of a separated-values format: quoted when its text holds the
 * separator, a quote, CR or LF, or when quote_hash is set and it starts
 * with '#' (a comment to Anki's reader); inside quotes a quote is
 * doubled.  With qb set, p is qb(5)-escaped text, unescaped here as
 * rec_text() would.  r is the run that stops at every byte that matters.
 */
static void
separated_field(struct buf *b, const char *prefix, const char *p, size_t n,
    char sep, int quote_hash, int qb, enum run r)
{
	size_t i, start = b->len;
	int quote = quote_hash && n > 0 && p[0] == '#';

	if (prefix[0] != '\0')
		buf_adds(b, prefix);
	/* Most fields are one run: copied, and nothing else to do. */
	if ((i = copy_run(b, p, 0, n, r)) == n && !quote)
		return;
	/* A place for the opening quote, taken away if none is needed. */
	buf_addc(b, '"');
	memmove(b->p + start + 1, b->p + start, b->len - start - 1);
	b->p[start] = '"';
	while (i < n) {
		char c = p[i++];

		if (c == '\\' && qb) {
			c = i < n ? p[i++] : '\\';
			c = c == 't' ? '\t' : c == 'n' ? '\n' : c;
		}
		if (c == '"')
			buf_addc(b, '"');	/* a quote is doubled */
		if (c == sep || c == '"' || c == '\r' || c == '\n') {
			/* Quoted: a comma needs nothing more. */
			quote = 1;
			r = r == RUN_CSV ? RUN_TSV : r == RUN_CSV_QB ?
			    RUN_TSV_QB : r;
		}
		buf_addc(b, c);
		i = copy_run(b, p, i, n, r);
	}
	if (quote)
		buf_addc(b, '"');
	else {
		memmove(b->p + start, b->p + start + 1, b->len - start - 1);
		b->len--;
	}
}

/* OWASP's CSV injection list: these start a formula. */
static const char *
csv_prefix(int guard, char first)
{
	return guard && first != '\0' && strchr("=+-@\t\r", first) != NULL ?
	    "'" : "";
}

void
esc_csv(struct buf *b, const char *p, size_t n, int guard)
{
	separated_field(b, csv_prefix(guard, n > 0 ? p[0] : '\0'), p, n, ',',
	    0, 0, RUN_CSV);
}

void
esc_csv_qb(struct buf *b, const char *p, size_t n, int guard)
{
	char first = n > 0 ? p[0] : '\0';

	if (first == '\\' && n > 1)
		first = p[1] == 't' ? '\t' : p[1] == 'n' ? '\n' : p[1];
	separated_field(b, csv_prefix(guard, first), p, n, ',', 0, 1,
	    RUN_CSV_QB);
}

void
esc_tsv(struct buf *b, const char *p, size_t n, int first)
{
	separated_field(b, "", p, n, '\t', first, 0, RUN_TSV);
}

void
esc_tsv_qb(struct buf *b, const char *p, size_t n, int first)
{
	separated_field(b, "", p, n, '\t', first, 1, RUN_TSV_QB);
}

/* What a byte is to Markdown, from md_classes(). */
#define MD_ALWAYS	0x1	/* markup wherever it stands */
#define MD_START	0x2	/* markup at the start of a line */
#define MD_STOP		0x4	/* ends a run copied as it is: markup, TAB, LF */

static unsigned char md_class[256];

static void
md_classes(void)
{
	const char *c;

	for (c = "\\`*_[]<>#|~&!"; *c != '\0'; c++)
		md_class[(unsigned char)*c] |= MD_ALWAYS | MD_STOP;
	for (c = "+-=>"; *c != '\0'; c++)
		md_class[(unsigned char)*c] |= MD_START;
	md_class['\t'] |= MD_STOP;
	md_class['\n'] |= MD_STOP;
}

void
esc_markdown(struct buf *b, const char *p, size_t n, int indent)
{
	int at_start = 1;
	size_t i, end;

	if (md_class['\n'] == 0)
		md_classes();
	for (i = 0; i < n; i++) {
		char c;

		/* Inside a line, plain bytes go out as they are, at once. */
		if (!at_start) {
			for (end = i; end < n && !(md_class[(unsigned char)
			    p[end]] & MD_STOP); end++)
				;
			buf_add(b, p + i, end - i);
			if ((i = end) == n)
				break;
		}
		c = p[i];

		if (c == '\n') {
			if (i + 1 < n && p[i + 1] == '\n') {
				/* Blank lines: a new paragraph in the item. */
				while (i + 1 < n && p[i + 1] == '\n')
					i++;
				buf_adds(b, "\n\n");
			} else
				buf_adds(b, "\\\n");	/* a hard line break */
			for (int k = 0; k < indent; k++)
				buf_addc(b, ' ');
			at_start = 1;
			continue;
		}
		if (c == '\t')
			c = ' ';
		if (c == ' ' && at_start)
			continue;	/* leading spaces could make a code block */
		if (md_class[(unsigned char)c] & MD_ALWAYS ||
		    (at_start && md_class[(unsigned char)c] & MD_START))
			buf_addc(b, '\\');
		/* "1." or "1)" starting a line would begin an ordered list. */
		if (at_start && c >= '0' && c <= '9') {
			size_t j = i;

			while (j < n && p[j] >= '0' && p[j] <= '9')
				j++;
			buf_add(b, p + i, j - i);
			if (j < n && (p[j] == '.' || p[j] == ')')) {
				buf_addc(b, '\\');
				buf_addc(b, p[j]);
				j++;
			}
			i = j - 1;
			at_start = 0;
			continue;
		}
		buf_addc(b, c);
		if (c != ' ')
			at_start = 0;
	}
}
