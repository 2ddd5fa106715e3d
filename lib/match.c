/*
 * Several patterns become one alternation "(?:P1\E)|(?:P2\E)" so that one
 * pass finds any of them; the \E closes a \Q a pattern may have left open
 * (an \E with no \Q is ignored).  Each pattern is first compiled alone, so
 * that an error's offset is the offset in what the user typed (the text
 * quoted for -F is compiled instead, and its offsets reported).  Should
 * the alternation still not compile (a pattern that starts with a (*VERB)
 * or comments out the closing parenthesis under (?x)), each pattern is
 * matched on its own.  -w puts assertions around the alternation; a
 * pattern's leading option verbs such as (*UCP) stay in front of them,
 * and a newline ends a trailing (?x) comment before the group closes.
 * -x is PCRE2's anchoring options, not a second matcher.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "buf.h"
#include "diag.h"
#include "line.h"
#include "match.h"
#include "out.h"

struct matcher {
	pcre2_code		**codes;	/* one alternation, or one each */
	size_t			  ncodes;
	pcre2_match_data	 *md;
	pcre2_match_context	 *mcontext;
	pcre2_jit_stack		 *jit_stack;
	char			  errmsg[128];	/* of the last failed match */
	int			  jit;		/* every code is JIT-compiled */
	int			  shared;	/* codes are another's (clone) */
	struct buf		  text;		/* for the writers */
	struct buf		  piece;
};

/* What a thread matches with: the match data, and a JIT stack. */
static void
match_data_new(struct matcher *m)
{
	m->md = pcre2_match_data_create(1, NULL);
	/* A JIT stack larger than the default 32 KiB, for nested groups. */
	m->mcontext = pcre2_match_context_create(NULL);
	m->jit_stack = pcre2_jit_stack_create(32 * 1024, 8 * 1024 * 1024, NULL);
	if (m->md == NULL || m->mcontext == NULL)
		diag_fatal("out of memory");
	if (m->jit_stack != NULL)
		pcre2_jit_stack_assign(m->mcontext, NULL, m->jit_stack);
}

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

/*
 * The length of the start-of-pattern option verbs, (*UCP)(*LIMIT_MATCH=9)
 * and the like, which PCRE2 takes only at the very start.  Verbs that are
 * part of the pattern itself, (*FAIL) or (*MARK:x), are not among them.
 */
static size_t
leading_verbs(const char *p)
{
	static const char *const names[] = {
		"ANY", "ANYCRLF", "BSR_ANYCRLF", "BSR_UNICODE", "CR", "CRLF",
		"LF", "LIMIT_DEPTH=", "LIMIT_HEAP=", "LIMIT_MATCH=",
		"LIMIT_RECURSION=", "NO_AUTO_POSSESS", "NO_DOTSTAR_ANCHOR",
		"NO_JIT", "NO_START_OPT", "NOTEMPTY", "NOTEMPTY_ATSTART", "NUL",
		"UCP", "UTF"
	};
	size_t len = 0, i;

	while (p[len] == '(' && p[len + 1] == '*') {
		const char *v = p + len + 2;
		size_t n = strspn(v, "ABCDEFGHIJKLMNOPQRSTUVWXYZ_=");

		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strlen(names[i]) == n && memcmp(v, names[i], n) == 0)
				break;
		if (i == sizeof(names) / sizeof(names[0]))
			break;
		if (v[n - 1] == '=')
			n += strspn(v + n, "0123456789");
		if (v[n] != ')')
			break;
		len += 2 + n + 1;
	}
	return len;
}

static pcre2_code *compile(const char *, size_t, int, int *, size_t *);

/*
 * Does the pattern need a newline before a closing parenthesis after it,
 * to end a (?x) comment it finishes with?  Only when it fails to compile
 * in a group without one and compiles with one.
 */
static int
needs_newline(const char *p, int flags)
{
	struct buf b = { 0 };
	pcre2_code *code;
	size_t off;
	int err, nl = 0;

	if (flags & MATCH_FIXED)
		return 0;
	buf_adds(&b, "(?:");
	buf_adds(&b, p);
	buf_adds(&b, "\\E)");
	if ((code = compile(b.p, b.len, flags, &err, &off)) == NULL) {
		b.len -= 3;
		buf_adds(&b, "\n\\E)");
		code = compile(b.p, b.len, flags, &err, &off);
		nl = code != NULL;
	}
	pcre2_code_free(code);
	buf_free(&b);
	return nl;
}

static void
add_pattern(struct buf *b, const char *p, int flags)
{
	buf_adds(b, "(?:");
	if (flags & MATCH_FIXED)
		quote_literal(b, p);
	else
		buf_adds(b, p);
	buf_adds(b, needs_newline(p, flags) ? "\n\\E)" : "\\E)");
}

static pcre2_code *
compile(const char *pattern, size_t len, int flags, int *err, size_t *off)
{
	/* \C matches one byte and would split a character in two. */
	uint32_t options = PCRE2_UTF | PCRE2_UCP | PCRE2_NEVER_BACKSLASH_C;

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
	size_t i, verbs = 0;

	buf_reset(b);
	if (n == 1 && !(flags & (MATCH_WORD | MATCH_FIXED))) {
		buf_adds(b, patterns[0]);	/* exactly what was typed */
		return;
	}
	if (n == 1 && !(flags & MATCH_FIXED)) {
		verbs = leading_verbs(patterns[0]);
		buf_add(b, patterns[0], verbs);
	}
	if (flags & MATCH_WORD)
		buf_adds(b, "(?<!\\w)(?:");
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_addc(b, '|');
		add_pattern(b, patterns[i] + verbs, flags);
	}
	if (flags & MATCH_WORD)
		buf_adds(b, ")(?!\\w)");
}

static void
add_code(struct matcher *m, pcre2_code *code)
{
	size_t jitsize = 0;

	m->codes = xreallocarray(m->codes, m->ncodes + 1, sizeof(*m->codes));
	/* (*NO_JIT) makes pcre2_jit_compile() succeed without JIT code. */
	m->jit = (m->ncodes == 0 || m->jit) &&
	    pcre2_jit_compile(code, PCRE2_JIT_COMPLETE) == 0 &&
	    pcre2_pattern_info(code, PCRE2_INFO_JITSIZE, &jitsize) == 0 &&
	    jitsize > 0;
	m->codes[m->ncodes++] = code;
}

static void
bad_pattern(char *err, size_t size, const char *pattern, int code,
    const size_t *off)
{
	PCRE2_UCHAR msg[256];

	pcre2_get_error_message(code, msg, sizeof(msg));
	if (off != NULL)
		snprintf(err, size, "bad pattern '%s': %s at offset %zu",
		    pattern, (char *)msg, *off);
	else
		snprintf(err, size, "bad pattern '%s': %s", pattern,
		    (char *)msg);
}

/* Every pattern compiles alone: the error is the user's, with its offset. */
static int
check_each(char *const *patterns, size_t n, int flags, struct buf *re,
    char *err, size_t size)
{
	pcre2_code *code;
	size_t i, off;
	int rc;

	for (i = 0; i < n; i++) {
		build(re, &patterns[i], 1, flags & ~MATCH_WORD);
		if ((code = compile(re->p, re->len, flags, &rc, &off)) == NULL) {
			bad_pattern(err, size, patterns[i], rc, &off);
			return -1;
		}
		pcre2_code_free(code);
	}
	return 0;
}

struct matcher *
matcher_new(char *const *patterns, size_t n, int flags, char *err,
    size_t errsize)
{
	struct matcher *m;
	struct buf re = { 0 };
	pcre2_code *code;
	size_t i, off;
	int rc;

	if (check_each(patterns, n, flags, &re, err, errsize) != 0) {
		buf_free(&re);
		return NULL;
	}
	m = xcalloc(1, sizeof(*m));
	build(&re, patterns, n, flags);
	if ((code = compile(re.p, re.len, flags, &rc, &off)) != NULL)
		add_code(m, code);
	else {
		for (i = 0; i < n; i++) {
			build(&re, &patterns[i], 1, flags);
			code = compile(re.p, re.len, flags, &rc, &off);
			if (code == NULL) {
				bad_pattern(err, errsize, patterns[i], rc, NULL);
				buf_free(&re);
				matcher_free(m);
				return NULL;
			}
			add_code(m, code);
		}
	}
	buf_free(&re);
	match_data_new(m);
	return m;
}

struct matcher *
matcher_clone(const struct matcher *orig)
{
	struct matcher *m = xcalloc(1, sizeof(*m));

	m->codes = orig->codes;
	m->ncodes = orig->ncodes;
	m->jit = orig->jit;
	m->shared = 1;
	match_data_new(m);
	return m;
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

const char *
matcher_error(const struct matcher *m)
{
	return m->errmsg;
}

/*
 * The next match at or after *at, as matcher_find(); *at moves past it,
 * or one character past an empty match, so every match is found once.
 */
static int
next_match(struct matcher *m, struct span t, size_t *at, size_t *s, size_t *e)
{
	int rc;

	if (*at > t.len)
		return 0;
	if ((rc = matcher_find(m, t.p, t.len, *at, s, e)) != 1)
		return rc;
	/* \K can report a start before *at or after the end. */
	if (*s < *at)
		*s = *at;
	if (*e < *s)
		*e = *s;
	if (*e > *s)
		*at = *e;
	else {
		*at = *s + 1;
		while (*at < t.len && ((unsigned char)t.p[*at] & 0xc0) == 0x80)
			(*at)++;
	}
	return 1;
}

/* A piece of a field's text, escaped again when the field is. */
static void
write_text(const char *p, size_t n, int escaped, struct buf *scratch)
{
	if (!escaped) {
		out_write(p, n);
		return;
	}
	buf_reset(scratch);
	rec_escape(scratch, p, n);
	out_write(scratch->p, scratch->len);
}

static void
write_match(const char *p, size_t n, int escaped, struct buf *scratch,
    const char *sgr)
{
	if (sgr != NULL)
		out_printf("\033[%sm", sgr);
	write_text(p, n, escaped, scratch);
	if (sgr != NULL)
		out_str("\033[m");
}

void
matcher_write_marked(struct matcher *m, struct span field, int escaped,
    const char *sgr)
{
	struct span t = escaped ? rec_text(field, &m->text) : field;
	size_t at = 0, done = 0, s, e;

	while (next_match(m, t, &at, &s, &e) == 1) {
		if (e == s)
			continue;
		write_text(t.p + done, s - done, escaped, &m->piece);
		write_match(t.p + s, e - s, escaped, &m->piece, sgr);
		done = e;
	}
	write_text(t.p + done, t.len - done, escaped, &m->piece);
}

size_t
matcher_write_matches(struct matcher *m, struct span field, int escaped,
    const char *sgr)
{
	struct span t = escaped ? rec_text(field, &m->text) : field;
	size_t at = 0, s, e, n = 0;

	while (next_match(m, t, &at, &s, &e) == 1) {
		if (e == s)
			continue;
		write_match(t.p + s, e - s, escaped, &m->piece, sgr);
		out_char('\n');
		n++;
	}
	return n;
}

int
matcher_read_patterns(const char *path, char ***v, size_t *n, char *err,
    size_t errsize)
{
	struct reader rd = { 0 };
	struct span l;
	int got;

	if (reader_open(&rd, path) != 0) {
		snprintf(err, errsize, "%s: %s", path, strerror(errno));
		return -1;
	}
	while ((got = reader_next(&rd, &l)) > 0) {
		char *p;

		if (memchr(l.p, '\0', l.len) != NULL) {
			snprintf(err, errsize, "%s:%lu: NUL byte in a pattern",
			    rd.name, rd.lineno);
			got = -2;
			break;
		}
		p = xmalloc(l.len + 1);
		memcpy(p, l.p, l.len);
		p[l.len] = '\0';
		*v = xreallocarray(*v, *n + 1, sizeof(**v));
		(*v)[(*n)++] = p;
	}
	if (got == -1)
		snprintf(err, errsize, "%s: %s", rd.name, strerror(errno));
	reader_close(&rd);
	reader_free(&rd);
	return got < 0 ? -1 : 0;
}

void
matcher_free(struct matcher *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; !m->shared && i < m->ncodes; i++)
		pcre2_code_free(m->codes[i]);
	if (!m->shared)
		free(m->codes);
	pcre2_match_data_free(m->md);
	pcre2_match_context_free(m->mcontext);
	pcre2_jit_stack_free(m->jit_stack);
	buf_free(&m->text);
	buf_free(&m->piece);
	free(m);
}
