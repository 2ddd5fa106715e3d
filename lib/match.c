/*
 * Several patterns become one alternation "(?:P1\E)|(?:P2\E)" so that one
 * pass finds any of them; the \E closes a \Q a pattern may have left open
 * (an \E with no \Q is ignored).  Each pattern is first compiled alone, so
 * that an error's offset is the offset in what the user typed (under -F,
 * where only invalid UTF-8 can fail, that of the bad byte).  Should the
 * alternation still not compile (a pattern that comments out the closing
 * parenthesis under (?x), say), each pattern is matched on its own.
 * -w and -x are assertions around the alternation, not a second matcher.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "match.h"
#include "out.h"
#include "utf8.h"

static void
quote_literal(struct buf *b, const char *p)
{
	for (; *p != '\0'; p++) {
		unsigned char c = (unsigned char)*p;

		/* Only ASCII punctuation is special to PCRE2. */
		if (c < 0x80 && !(c >= '0' && c <= '9') &&
		    !((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
			buf_addc(b, '\\');
		buf_addc(b, (char)c);
	}
}

static void
add_pattern(struct buf *b, const char *p, int flags)
{
	buf_adds(b, "(?:");
	if (flags & MATCH_FIXED)
		quote_literal(b, p);
	else
		buf_adds(b, p);
	buf_adds(b, "\\E)");
}

static pcre2_code *
compile(const char *pattern, size_t len, int flags, int *err, size_t *off)
{
	uint32_t options = PCRE2_UTF | PCRE2_UCP;

	if (flags & MATCH_ICASE)
		options |= PCRE2_CASELESS;
	if (flags & MATCH_WHOLE)
		options |= PCRE2_ANCHORED | PCRE2_ENDANCHORED;
	return pcre2_compile((PCRE2_SPTR)pattern, len, options, err, off, NULL);
}

/* The full regex for some patterns: alternatives, then -w's assertions. */
static void
build(struct buf *b, char *const *patterns, size_t n, int flags)
{
	size_t i;

	buf_reset(b);
	if (n == 1 && !(flags & (MATCH_WORD | MATCH_FIXED))) {
		buf_adds(b, patterns[0]);	/* exactly what was typed */
		return;
	}
	if (flags & MATCH_WORD)
		buf_adds(b, "(?<!\\w)(?:");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, '|');
		add_pattern(b, patterns[i], flags);
	}
	if (flags & MATCH_WORD)
		buf_adds(b, ")(?!\\w)");
}

static void
add_code(struct matcher *m, pcre2_code *code)
{
	m->codes = xrealloc(m->codes, (m->ncodes + 1) * sizeof(*m->codes));
	m->jit = (m->ncodes == 0 || m->jit) &&
	    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0;
	m->codes[m->ncodes++] = code;
}

void
matcher_compile(struct matcher *m, char *const *patterns, size_t n, int flags)
{
	struct buf re = { 0 };
	pcre2_code *code;
	size_t i, off;
	int err;

	memset(m, 0, sizeof(*m));
	for (i = 0; i < n; i++) {
		PCRE2_UCHAR msg[256];

		build(&re, &patterns[i], 1, flags & ~MATCH_WORD);
		/* Compile what the user typed, for the offsets. */
		if (flags & MATCH_FIXED)
			code = compile(re.p, re.len, flags, &err, &off);
		else
			code = compile(patterns[i], strlen(patterns[i]), flags,
			    &err, &off);
		if (code == NULL) {
			if (flags & MATCH_FIXED)	/* re.p is quoted */
				off = utf8_check(patterns[i],
				    strlen(patterns[i]));
			pcre2_get_error_message(err, msg, sizeof(msg));
			diag_usage("bad pattern '%s': %s at offset %zu",
			    patterns[i], (char *)msg, off);
		}
		pcre2_code_free(code);
	}
	build(&re, patterns, n, flags);
	if ((code = compile(re.p, re.len, flags, &err, &off)) != NULL)
		add_code(m, code);
	else {
		for (i = 0; i < n; i++) {
			build(&re, &patterns[i], 1, flags);
			code = compile(re.p, re.len, flags, &err, &off);
			if (code == NULL)
				diag_usage("bad pattern '%s'", patterns[i]);
			add_code(m, code);
		}
	}
	m->md = pcre2_match_data_create(1, NULL);
	/* A JIT stack larger than the default 32 KiB, for nested groups. */
	m->mcontext = pcre2_match_context_create(NULL);
	m->jit_stack = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
	if (m->md == NULL || m->mcontext == NULL)
		diag_fatal("out of memory");
	if (m->jit_stack != NULL)
		pcre2_jit_stack_assign(m->mcontext, NULL, m->jit_stack);
	buf_free(&re);
}

int
matcher_find(struct matcher *m, const char *s, size_t len, size_t from,
    size_t *start, size_t *end)
{
	size_t i, best = (size_t)-1, best_end = 0;

	for (i = 0; i < m->ncodes; i++) {
		PCRE2_SIZE *ov;
		int rc;

		/*
		 * The JIT entry skips pcre2_match()'s checks: the subject is
		 * valid UTF-8, checked once by the record parser.
		 */
		if (m->jit)
			rc = pcre2_jit_match(m->codes[i], (PCRE2_SPTR)s, len,
			    from, 0, m->md, m->mcontext);
		else
			rc = pcre2_match(m->codes[i], (PCRE2_SPTR)s, len, from,
			    PCRE2_NO_UTF_CHECK, m->md, m->mcontext);
		if (rc == PCRE2_ERROR_NOMATCH)
			continue;
		if (rc < 0) {
			pcre2_get_error_message(rc, (PCRE2_UCHAR *)m->errmsg,
			    sizeof(m->errmsg));
			return -1;
		}
		ov = pcre2_get_ovector_pointer(m->md);
		if (ov[0] < best) {
			best = ov[0];
			best_end = ov[1];
		}
	}
	if (best == (size_t)-1)
		return 0;
	*start = best;
	*end = best_end;
	return 1;
}

static void
write_escaped(const char *p, size_t n, struct buf *scratch)
{
	buf_reset(scratch);
	rec_escape(scratch, p, n);
	out_write(scratch->p, scratch->len);
}

void
matcher_write_marked(struct matcher *m, struct span escaped, const char *sgr)
{
	struct buf *piece = &m->piece;
	struct span t = rec_text(escaped, &m->text);
	size_t at = 0, s, e;

	while (at <= t.len && matcher_find(m, t.p, t.len, at, &s, &e) == 1) {
		write_escaped(t.p + at, s - at, piece);
		if (e > s) {
			out_printf("\033[%sm", sgr);
			write_escaped(t.p + s, e - s, piece);
			out_str("\033[m");
			at = e;
		} else {
			/* An empty match: step over one character. */
			size_t step = 1;

			while (s + step < t.len &&
			    ((unsigned char)t.p[s + step] & 0xc0) == 0x80)
				step++;
			if (s >= t.len)
				break;
			write_escaped(t.p + s, step, piece);
			at = s + step;
		}
	}
	if (at < t.len)
		write_escaped(t.p + at, t.len - at, piece);
}

void
matcher_free(struct matcher *m)
{
	size_t i;

	for (i = 0; i < m->ncodes; i++)
		pcre2_code_free(m->codes[i]);
	free(m->codes);
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mcontext);
	pcre2_jit_stack_free(m->jit_stack);
	buf_free(&m->text);
	buf_free(&m->piece);
	memset(m, 0, sizeof(*m));
}
