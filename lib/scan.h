/*
 * Byte scanning at vector speed: the loops that look for the few bytes
 * that need a closer look, written once.  The implementations give the
 * same answers: portable C, SSE2 (every x86-64), AVX2 and AVX-512 (for
 * scan_blocks(); AVX2 for the rest), chosen at run time from the CPU, or
 * forced with QB_SIMD=portable|sse2|avx2|avx512 (so the tests can run the
 * portable path on any machine; a name the CPU cannot run means the best
 * it can).
 */
#ifndef QB_SCAN_H
#define QB_SCAN_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

/* Classes of bytes a set may hold besides its listed bytes. */
#define SCAN_CTRL	0x1	/* 0x00 to 0x1f */
#define SCAN_DEL	0x2	/* 0x7f */
#define SCAN_HIGH	0x4	/* 0x80 to 0xff: non-ASCII */

struct scan_set {
	unsigned	 classes;	/* SCAN_* */
	unsigned	 nbytes;	/* 0 to 4 */
	unsigned char	 bytes[4];
	/*
	 * Filled in on first use, once in any thread (lib/split.c reads in
	 * two): a set is a static, not a constant.
	 */
	atomic_int	 ready;
	unsigned char	 is[256];
};

#define SCAN_SET(classes, nbytes, ...)	{ classes, nbytes, { __VA_ARGS__ }, 0, { 0 } }

size_t		scan_find_run(const char *p, size_t i, size_t n,
		    struct scan_set *);

/*
 * The offset of the first byte at or after i in the set, or n.  Inline
 * for the common case of text dense with such bytes (CJK, say): then the
 * byte at i is one, and no vector loop is worth starting.
 */
static inline size_t
scan_find(const char *p, size_t i, size_t n, struct scan_set *s)
{
	if (i < n && atomic_load_explicit(&s->ready, memory_order_acquire) &&
	    s->is[(unsigned char)p[i]])
		return i;
	return scan_find_run(p, i, n, s);
}

/*
 * One pass over a record line: where its first TABs are, and which of its
 * first four fields hold a byte that needs the parser's closer look (a
 * control, DEL, non-ASCII or a backslash).  The pass stops at the fourth
 * TAB: such a line is malformed anyway.  A field with no special byte is
 * printable ASCII; a flagged one may also be (the flags are conservative).
 */
struct scan_fields {
	size_t		 tab[4];	/* offsets of the first ntab TABs */
	unsigned	 ntab;		/* 0 to 4, or SCAN_UNSPLIT */
	unsigned	 special;	/* bit i: field i needs a closer look */
	/*
	 * Bit i: field i may hold a control or invalid UTF-8.  A field in
	 * special but not in bad is known to be valid text but for its
	 * backslashes.  scan_fields() does not validate
	 * UTF-8: there bad is special.
	 */
	unsigned	 bad;
};

#define SCAN_UNSPLIT	99	/* ntab of a line not scanned yet */

void		scan_fields(const char *p, size_t n, struct scan_fields *);

/*
 * The structural pass: text classified once, 64 bytes at a time, into bit
 * masks (bit i: byte i of the block), from which the line reader takes
 * line ends, TABs and what needs a closer look by bit operations alone.
 * bad marks each byte that may be a control other than TAB and LF (a CR
 * before LF is not one), DEL, or part of invalid UTF-8: an invalid
 * sequence shows at one of its bytes or at the byte after it (the TAB or
 * LF ending it, say), never later.  Only the AVX2 path validates UTF-8
 * here; the others mark every non-ASCII byte bad.
 */
#define SCAN_BLOCK	64

struct scan_block {
	uint64_t	 lf, tab, bs, bad;	/* bs: backslashes */
};

/*
 * Classifies p[0..n) into (n + 63) / 64 blocks, their bits past n clear,
 * and returns how many.  The before bytes ahead of p may be read: they
 * come before it in the text (a UTF-8 sequence may begin there).
 */
size_t		scan_blocks(const char *p, size_t n, size_t before,
		    struct scan_block *);

/*
 * Is a tag list of at most 64 bytes made of printable ASCII other than
 * space and A-Z (so possibly canonical)?  Then 1, with bit i of *commas
 * set when byte i is a comma; else 0.  The avail >= n bytes at p may be
 * read (the rest of the line, say), which saves copying a short list.
 */
int		scan_tags(const char *p, size_t n, size_t avail,
		    uint64_t *commas);

/*
 * The head of a record line, its id (bytes 0 to tab0) and tags (to tab1,
 * under 64), checked at once: 1 when the id is all id bytes (A-Z a-z 0-9
 * . _ : / -) and the tags as scan_tags() would have them, with bit i of
 * *commas set when the tags' byte i is a comma; else 0 (the record's
 * careful checks decide).  The avail > tab1 bytes at p may be read.
 */
int		scan_head(const char *p, size_t tab0, size_t tab1,
		    size_t avail, uint64_t *commas);

/* The offset of the first needle[0..k) in h[0..n), or SCAN_NONE. */
#define SCAN_NONE	((size_t)-1)
size_t		scan_search(const char *h, size_t n, const char *needle,
		    size_t k);

/*
 * 1 when the text is valid UTF-8 without C0 controls, DEL or C1 controls
 * (backslashes are not looked at); 0 when it may not be, and the caller's
 * careful check must decide.  Only the AVX2 path validates UTF-8 itself:
 * elsewhere non-ASCII text gets 0.
 */
int		scan_text_clean(const char *p, size_t n);

/* "portable", "sse2", "avx2" or "avx512": the implementation in use. */
const char	*scan_impl(void);
/*
 * Uses the named implementation (NULL: the best there is); -1 when this
 * CPU or build has no such one.  The tests compare them with it.
 */
int		 scan_select(const char *name);

#endif
