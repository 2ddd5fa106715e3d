/*
 * The analysis walks the pattern once, as PCRE2 would parse it, and gives
 * each piece two sets of literals (as Russ Cox's codesearch does): exact,
 * every string the piece can match when that is a few short strings, and
 * req, strings one of which every match of the piece contains.  A
 * concatenation multiplies exact sets, an alternation unites them, a
 * quantifier that allows zero repeats forgets everything.  What the walk
 * does not know for sure stands for "any string" (a class, \d, a
 * backreference), and syntax it does not know at all ((*VERB)s, (?x),
 * \x{...}, conditionals) leaves the patterns without a prefilter.
 * Assertions and lookarounds only narrow what matches, so they are read
 * as the empty string.
 *
 * Case: PCRE2's caseless matching folds an ASCII letter to its other
 * ASCII case only, except k and s (KELVIN SIGN, LONG S); those and
 * non-ASCII characters under (?i) are "any character" here.  A literal
 * with caseless letters is searched with ASCII case ignored.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "match.h"
#include "prefilter.h"
#include "scan.h"

#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__) && \
    defined(__SSE2__)
#define PF_X86 1
#include <immintrin.h>
#endif

#define LIT_MAX		64	/* bytes kept: a prefix is required too */
#define DEPTH_MAX	16	/* nested groups followed */

struct lit {
	size_t		 len;
	int		 ci;		/* holds letters whose case is ignored */
	int		 cs;		/* holds letters whose case counts */
	char		 s[LIT_MAX];
};

struct set {
	int		 n;		/* < 0: not known (any string) */
	struct lit	 v[PREFILTER_MAX];
};

/*
 * pre and suf are never unknown: at worst {""}, the empty string every
 * match starts and ends with.  They join the literals across pieces:
 * (a|b)*xyz requires "xyz", which no single piece holds.
 */
struct info {
	struct set	 exact;		/* every string it matches */
	struct set	 req;		/* one of them is in every match */
	struct set	 pre;		/* every match starts with one */
	struct set	 suf;		/* every match ends with one */
};

struct walk {
	const char	*p;
	size_t		 i, len;
	int		 bad;		/* syntax not followed: no prefilter */
	int		 asserts;	/* saw an assertion: not exact */
	int		 at_start;	/* saw \G, which matches where PCRE2
					   starts looking */
	int		 quote;		/* inside \Q...\E */
	int		 fixed;		/* -F: all of it is literal */
	int		 depth;
};

static void
set_any(struct set *s)
{
	s->n = -1;
}

static void
set_empty(struct set *s)
{
	s->n = 1;
	memset(&s->v[0], 0, sizeof(s->v[0]));
}

static void
info_any(struct info *x)
{
	set_any(&x->exact);
	set_any(&x->req);
	set_empty(&x->pre);
	set_empty(&x->suf);
}

static void
info_empty(struct info *x)
{
	info_any(x);
	set_empty(&x->exact);
}

/* A piece that matches one string. */
static void
info_lit(struct info *x)
{
	x->req = x->pre = x->suf = x->exact;
}

static int
same_lit(const struct lit *a, const struct lit *b)
{
	return a->len == b->len && a->ci == b->ci && a->cs == b->cs &&
	    memcmp(a->s, b->s, a->len) == 0;
}

/* Adds a literal unless it is there; 0 when the set is full. */
static int
set_add(struct set *s, const struct lit *l)
{
	int k;

	for (k = 0; k < s->n; k++)
		if (same_lit(&s->v[k], l))
			return 1;
	if (s->n == PREFILTER_MAX)
		return 0;
	s->v[s->n++] = *l;
	return 1;
}

/* How useful a required set is: longer literals, fewer of them; -1 none. */
static int
score(const struct set *s)
{
	size_t min = LIT_MAX;
	int k;

	if (s->n <= 0)
		return -1;
	for (k = 0; k < s->n; k++)
		if (s->v[k].len < min)
			min = s->v[k].len;
	if (min == 0)
		return -1;
	return (int)(min < 8 ? min : 8) * 8 - s->n;
}

static void
keep_best(struct set *best, const struct set *s)
{
	if (score(s) > score(best))
		*best = *s;
}

/*
 * Every string of a followed by one of b; *cut is set when a string was
 * cut to LIT_MAX (the result is then required, no longer exact).  Not
 * known when either is not, or there would be too many.
 */
static void
cross(struct set *out, const struct set *a, const struct set *b, int *cut)
{
	int j, k;

	set_any(out);
	if (a->n < 0 || b->n < 0 || a->n * b->n > PREFILTER_MAX)
		return;
	out->n = 0;
	for (j = 0; j < a->n; j++)
		for (k = 0; k < b->n; k++) {
			struct lit l = a->v[j];
			size_t room = LIT_MAX - l.len, add = b->v[k].len;

			if (add > room) {
				add = room;
				*cut = 1;
			}
			memcpy(l.s + l.len, b->v[k].s, add);
			l.len += add;
			l.ci |= b->v[k].ci;
			l.cs |= b->v[k].cs;
			set_add(out, &l);
		}
}

/* The best required set of a piece: its own, or its exact strings. */
static void
required(struct set *out, const struct info *x)
{
	*out = x->req;
	keep_best(out, &x->exact);
	keep_best(out, &x->pre);
	keep_best(out, &x->suf);
}

static void
concat(struct info *acc, const struct info *x)
{
	struct set prod, join, r, rx, t;
	int cut = 0, cut2 = 0;

	cross(&prod, &acc->exact, &x->exact, &cut);
	cross(&join, &acc->suf, &x->pre, &cut2);
	required(&r, acc);
	required(&rx, x);
	keep_best(&r, &rx);
	keep_best(&r, &prod);
	keep_best(&r, &join);
	acc->req = r;
	/* A prefix cut short is still a prefix; a suffix is not. */
	if (acc->exact.n >= 0) {
		cross(&t, &acc->exact, &x->pre, &cut2);
		if (t.n >= 0)
			acc->pre = t;
	}
	if (x->exact.n >= 0) {
		cut2 = 0;
		cross(&t, &acc->suf, &x->exact, &cut2);
		acc->suf = t.n >= 0 && !cut2 ? t : x->exact;
	} else
		acc->suf = x->suf;
	if (cut)
		set_any(&prod);
	acc->exact = prod;
}

static void
unite(struct set *a, const struct set *b)
{
	int k;

	if (a->n < 0)
		return;
	if (b->n < 0) {
		set_any(a);
		return;
	}
	for (k = 0; k < b->n; k++)
		if (!set_add(a, &b->v[k])) {
			set_any(a);
			return;
		}
}

static void
alternate(struct info *acc, const struct info *x)
{
	struct set r, rx;

	required(&r, acc);
	required(&rx, x);
	if (score(&r) < 0 || score(&rx) < 0)
		set_any(&r);
	else
		unite(&r, &rx);
	unite(&acc->exact, &x->exact);
	acc->req = r;
	unite(&acc->pre, &x->pre);
	if (acc->pre.n < 0)
		set_empty(&acc->pre);
	unite(&acc->suf, &x->suf);
	if (acc->suf.n < 0)
		set_empty(&acc->suf);
}

static void
repeat(struct info *x, unsigned long min, unsigned long max)
{
	struct info one = *x;
	struct set prod;
	unsigned long k;
	int cut = 0;

	if (max == 0) {
		info_empty(x);
		return;
	}
	if (min == 0) {
		struct set e;

		set_empty(&e);
		if (max == 1)
			unite(&x->exact, &e);
		else
			set_any(&x->exact);
		set_any(&x->req);
		x->pre = x->suf = e;
		return;
	}
	if (min == 1 && max == 1)
		return;
	required(&x->req, &one);
	/* a{3}: the exact strings three times over, while they are few. */
	prod = one.exact;
	for (k = 1; k < min && k < 8 && prod.n >= 0; k++) {
		struct set t;

		cross(&t, &prod, &one.exact, &cut);
		prod = t;
	}
	if (k == min && prod.n >= 0) {
		/* Every match starts and ends with min repeats. */
		keep_best(&x->req, &prod);
		x->pre = prod;
		if (!cut)
			x->suf = prod;
	}
	if (k == min && min == max && !cut && prod.n >= 0) {
		x->exact = prod;
		x->pre = x->suf = prod;
	} else
		set_any(&x->exact);
}

static int
peek(const struct walk *w, size_t ahead)
{
	return w->i + ahead < w->len ? (unsigned char)w->p[w->i + ahead] : -1;
}

static int
is_alnum(int c)
{
	return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' &&
	    (c | 0x20) <= 'z');
}

/* One character of the pattern, literal, at w->i (UTF-8: all its bytes). */
static void
literal(struct walk *w, int icase, struct info *x)
{
	unsigned char c = (unsigned char)w->p[w->i];
	size_t n = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
	int letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
	struct lit *l = &x->exact.v[0];

	if (n > w->len - w->i)
		n = w->len - w->i;
	w->i += n;
	if (icase && (c >= 0x80 || (c | 0x20) == 'k' || (c | 0x20) == 's')) {
		info_any(x);
		return;
	}
	x->exact.n = 1;
	memset(l, 0, sizeof(*l));
	memcpy(l->s, w->p + w->i - n, n);
	l->len = n;
	l->ci = letter && icase;
	l->cs = letter && !icase;
	info_lit(x);
}

static void
one_byte(struct info *x, char c)
{
	struct lit *l = &x->exact.v[0];

	memset(l, 0, sizeof(*l));
	x->exact.n = 1;
	l->s[0] = c;
	l->len = 1;
	info_lit(x);
}

/* A [...] class, skipped: it stands for one character of many. */
static void
skip_class(struct walk *w)
{
	w->i++;
	if (peek(w, 0) == '^')
		w->i++;
	if (peek(w, 0) == ']')
		w->i++;
	for (;;) {
		int c = peek(w, 0);

		if (c < 0) {
			w->bad = 1;
			return;
		}
		if (c == ']') {
			w->i++;
			return;
		}
		if (c == '\\') {
			if (peek(w, 1) == 'Q' || peek(w, 1) == 'E' || peek(w, 1) < 0) {
				w->bad = 1;
				return;
			}
			w->i += 2;
		} else if (c == '[' && (peek(w, 1) == ':' || peek(w, 1) == '.' ||
		    peek(w, 1) == '=')) {
			const char *end = NULL;
			size_t k;

			for (k = w->i + 2; k + 1 < w->len; k++)
				if (w->p[k] == peek(w, 1) && w->p[k + 1] == ']') {
					end = w->p + k;
					break;
				}
			if (end == NULL) {
				w->bad = 1;
				return;
			}
			w->i = (size_t)(end - w->p) + 2;
		} else
			w->i++;
	}
}

static void
escape(struct walk *w, struct info *x, int *atom)
{
	int c = peek(w, 1);

	*atom = 1;
	if (c < 0) {
		w->bad = 1;
		return;
	}
	w->i += 2;
	if (c == 'Q') {
		w->quote = 1;
		*atom = 0;
	} else if (c == 'E')
		*atom = 0;
	else if (strchr("bBAzZGK", c) != NULL) {
		w->asserts = 1;
		w->at_start |= c == 'G';
		info_empty(x);
	} else if (strchr("dDwWsShHvVRX", c) != NULL)
		info_any(x);
	else if (c == 'N' && peek(w, 0) != '{')
		info_any(x);
	else if ((c == 'p' || c == 'P') && peek(w, 0) == '{') {
		const char *end = memchr(w->p + w->i, '}', w->len - w->i);

		if (end == NULL)
			w->bad = 1;
		else
			w->i = (size_t)(end - w->p) + 1;
		info_any(x);
	} else if ((c == 'p' || c == 'P') && peek(w, 0) >= 0 &&
	    peek(w, 0) < 0x80) {
		w->i++;
		info_any(x);
	} else if (c == 'a' || c == 'e' || c == 'f' || c == 'n' || c == 'r' ||
	    c == 't')
		one_byte(x, c == 'a' ? '\a' : c == 'e' ? '\033' : c == 'f' ?
		    '\f' : c == 'n' ? '\n' : c == 'r' ? '\r' : '\t');
	else if (c < 0x80 && !is_alnum(c))
		one_byte(x, (char)c);
	else
		w->bad = 1;
}

static void alternation(struct walk *, int, struct info *);

/*
 * "(?" and what follows: a group, a lookaround, option settings.  *icase
 * is the enclosing group's: (?i) changes it for the rest of that group.
 */
static void
group(struct walk *w, int *icase, struct info *x, int *atom)
{
	int c = peek(w, 1), inner = *icase, look = 0;

	*atom = 1;
	if (c == '*') {
		w->bad = 1;
		return;
	}
	w->i++;
	if (c == '?') {
		int c2 = peek(w, 1), c3 = peek(w, 2);

		w->i++;
		if (c2 == '#') {
			const char *end = memchr(w->p + w->i, ')', w->len - w->i);

			if (end == NULL)
				w->bad = 1;
			else
				w->i = (size_t)(end - w->p) + 1;
			*atom = 0;
			return;
		}
		if (c2 == ':' || c2 == '|' || c2 == '>')
			w->i++;
		else if (c2 == '=' || c2 == '!') {
			w->i++;
			look = 1;
		} else if (c2 == '<' && (c3 == '=' || c3 == '!')) {
			w->i += 2;
			look = 1;
		} else if (c2 == '<' || c2 == '\'' || (c2 == 'P' && c3 == '<')) {
			const char *end;
			char close = c2 == '\'' ? '\'' : '>';

			if ((end = memchr(w->p + w->i + 1, close,
			    w->len - w->i - 1)) == NULL) {
				w->bad = 1;
				return;
			}
			w->i = (size_t)(end - w->p) + 1;
		} else {
			int neg = 0, ic = *icase;

			for (;; w->i++) {
				int o = peek(w, 0);

				if (o == ')' || o == ':')
					break;
				if (o == '-')
					neg = 1;
				else if (o == '^')
					ic = 0;
				else if (o == 'i')
					ic = !neg;
				else if (o < 0 || strchr("mnsUJr", o) == NULL) {
					w->bad = 1;	/* (?x), (?R), (?(... */
					return;
				}
			}
			if (peek(w, 0) == ')') {
				w->i++;
				*icase = ic;
				*atom = 0;
				return;
			}
			w->i++;
			inner = ic;
		}
	}
	if (++w->depth > DEPTH_MAX) {
		w->bad = 1;
		return;
	}
	alternation(w, inner, x);
	w->depth--;
	if (peek(w, 0) != ')') {
		w->bad = 1;
		return;
	}
	w->i++;
	if (look) {
		w->asserts = 1;
		info_empty(x);
	}
}

/* The next piece of a sequence; *atom is 0 when there was none. */
static void
atom(struct walk *w, int *icase, struct info *x, int *got)
{
	int c = peek(w, 0);

	*got = 1;
	if (w->fixed) {
		literal(w, *icase, x);
		return;
	}
	if (w->quote) {
		if (c == '\\' && peek(w, 1) == 'E') {
			w->i += 2;
			w->quote = 0;
			*got = 0;
		} else
			literal(w, *icase, x);
		return;
	}
	switch (c) {
	case '(':
		group(w, icase, x, got);
		break;
	case '[':
		skip_class(w);
		info_any(x);
		break;
	case '.':
		w->i++;
		info_any(x);
		break;
	case '^':
	case '$':
		w->i++;
		w->asserts = 1;
		info_empty(x);
		break;
	case '\\':
		escape(w, x, got);
		break;
	case '*':
	case '+':
	case '?':
	case '{':
		w->bad = 1;
		break;
	default:
		literal(w, *icase, x);
	}
}

static int
number(struct walk *w, unsigned long *v)
{
	size_t start = w->i;

	*v = 0;
	while (peek(w, 0) >= '0' && peek(w, 0) <= '9') {
		if (*v < 100000)
			*v = *v * 10 + (unsigned long)(peek(w, 0) - '0');
		w->i++;
	}
	return w->i > start;
}

/* A quantifier after a piece, if there is one: 1 with its bounds. */
static int
quantifier(struct walk *w, unsigned long *min, unsigned long *max)
{
	int c = peek(w, 0);

	if (w->fixed || w->quote)
		return 0;
	if (c == '?' || c == '*' || c == '+') {
		*min = c == '+';
		*max = c == '?' ? 1 : ULONG_MAX;
		w->i++;
	} else if (c == '{') {
		/* Only {n}, {n,} and {n,m}: other braces may be literal. */
		w->i++;
		if (!number(w, min)) {
			w->bad = 1;
			return 0;
		}
		*max = *min;
		if (peek(w, 0) == ',') {
			w->i++;
			if (!number(w, max))
				*max = ULONG_MAX;
		}
		if (peek(w, 0) != '}' || *max < *min) {
			w->bad = 1;
			return 0;
		}
		w->i++;
	} else
		return 0;
	if (peek(w, 0) == '?' || peek(w, 0) == '+')
		w->i++;		/* lazy, possessive: the same strings */
	return 1;
}

static void
sequence(struct walk *w, int *icase, struct info *acc)
{
	info_empty(acc);
	while (!w->bad && w->i < w->len) {
		struct info x;
		unsigned long min, max;
		int c = peek(w, 0), got;

		if (!w->fixed && !w->quote && (c == '|' || c == ')'))
			return;
		atom(w, icase, &x, &got);
		if (w->bad)
			return;
		if (!got)
			continue;
		if (w->quote && peek(w, 0) == '\\' && peek(w, 1) == 'E') {
			w->i += 2;
			w->quote = 0;
		}
		while (quantifier(w, &min, &max))
			repeat(&x, min, max);
		concat(acc, &x);
	}
}

static void
alternation(struct walk *w, int icase, struct info *acc)
{
	sequence(w, &icase, acc);
	while (!w->bad && !w->fixed && !w->quote && peek(w, 0) == '|') {
		struct info x;

		w->i++;
		sequence(w, &icase, &x);
		alternate(acc, &x);
	}
}

/* The info of one pattern; -1 when it is not followed. */
static int
analyse(const char *p, int flags, struct info *x, int *asserts,
    int *at_start)
{
	struct walk w = { 0 };

	w.p = p;
	w.len = strlen(p);
	w.fixed = (flags & MATCH_FIXED) != 0;
	alternation(&w, (flags & MATCH_ICASE) != 0, x);
	if (w.bad || w.i != w.len)
		return -1;
	*asserts = w.asserts;
	*at_start = w.at_start;
	return 0;
}

static int
contains(const struct lit *a, const struct lit *b, int prefix)
{
	size_t i;

	for (i = 0; i + b->len <= a->len && (i == 0 || !prefix); i++)
		if (memcmp(a->s + i, b->s, b->len) == 0)
			return 1;
	return 0;
}

/*
 * Drops a literal that holds another: finding the other is enough, and
 * one key fewer is searched.  A caseless literal only gives way to a
 * caseless one.  prefix: only one that starts with another, so that the
 * first key found is still where the first match can start.
 */
static void
simplify(struct set *s, int prefix)
{
	int j, k;

	for (j = 0; j < s->n; j++)
		for (k = 0; k < s->n; k++) {
			if (k == j || (s->v[j].ci && !s->v[k].ci) ||
			    !contains(&s->v[j], &s->v[k], prefix))
				continue;
			s->v[j] = s->v[--s->n];
			j = -1;
			break;
		}
}

/*
 * How common a byte is in text, roughly (English letters by frequency,
 * space the most): the search probes a key's two rarest bytes, so that
 * fewer places need a full comparison ("index": x and d, not i and x).
 */
static int
commonness(unsigned char c)
{
	static const char letters[] = "zqjxkvbpygfwmucldrhsnioate";
	const char *at;

	c |= 0x20;
	if (c == ' ')
		return 40;
	if (c >= 'a' && c <= 'z' && (at = strchr(letters, c)) != NULL)
		return 10 + (int)(at - letters);
	if (c >= 0x80)
		return 8;
	return 2;
}

static void
add_key(struct prefilter_key *k, const char *p, size_t len, int ci)
{
	size_t i;

	k->len = len;
	k->at[0] = 0;
	k->at[1] = len - 1;
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)p[i];
		int letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';

		k->fold[i] = ci && letter ? 0x20 : 0;
		k->byte[i] = c | k->fold[i];
	}
	for (i = 0; i < len; i++)
		if (commonness(k->byte[i]) < commonness(k->byte[k->at[0]]))
			k->at[0] = i;
	k->at[1] = k->at[0] == 0 ? len - 1 : 0;
	for (i = 0; i < len; i++)
		if (i != k->at[0] && commonness(k->byte[i]) <
		    commonness(k->byte[k->at[1]]))
			k->at[1] = i;
}

/*
 * Can a key found in an escaped field start in the middle of an escape
 * sequence (its second byte: \, n or t)?  Then finding it is no proof.
 */
static int
may_misalign(const struct prefilter_key *k)
{
	unsigned char c = k->byte[0] | k->fold[0];

	return c == '\\' || c == 'n' || c == 't';
}

void
prefilter_init(struct prefilter *pf, char *const *patterns, size_t n,
    int flags)
{
	struct set req, exact, pre;
	struct buf esc = { 0 };
	const char *env = getenv("QB_PREFILTER"), *impl;
	size_t i;
	int k, asserts, at_start;
	int exact_ok = !(flags & (MATCH_WORD | MATCH_WHOLE));
	/* -x anchors at the offset PCRE2 is given, not at the start. */
	int starts = !(flags & MATCH_WHOLE);

	memset(pf, 0, sizeof(*pf));
	if (n == 0 || (env != NULL && strcmp(env, "0") == 0))
		return;
	req.n = exact.n = pre.n = 0;
	for (i = 0; i < n; i++) {
		struct info x;
		struct set r;

		if (analyse(patterns[i], flags, &x, &asserts, &at_start) != 0)
			return;
		required(&r, &x);
		if (score(&r) < 0)
			return;		/* it may match anywhere */
		unite(&req, &r);
		if (asserts)
			exact_ok = 0;
		if (at_start)
			starts = 0;
		unite(&exact, &x.exact);
		unite(&pre, &x.pre);
	}
	if (score(&exact) < 0)
		exact_ok = 0;
	if (exact_ok) {
		for (k = 0; k < exact.n; k++)
			if (exact.v[k].ci && exact.v[k].cs)
				exact_ok = 0;	/* "a(?i:b)": not one search */
	}
	/*
	 * Exact strings need no PCRE2 to confirm them, so no place to start
	 * it; prefixes are where a match starts.
	 */
	if (exact_ok) {
		req = exact;
		starts = 0;
	} else if (score(&pre) >= 0 && score(&pre) >= score(&req))
		req = pre;
	else
		starts = 0;
	if (score(&req) < 0)
		return;
	simplify(&req, starts);
	for (k = 0; k < req.n; k++) {
		const struct lit *l = &req.v[k];

		buf_reset(&esc);
		rec_escape(&esc, l->s, l->len);
		add_key(&pf->key[0][k], l->s, l->len, l->ci);
		add_key(&pf->key[1][k], esc.p, esc.len, l->ci);
		if (l->ci)
			pf->caseless = 1;
		if (may_misalign(&pf->key[1][k]))
			exact_ok = 0;
		for (i = 0; i < 2; i++) {
			if (pf->key[i][k].len > pf->maxlen[i])
				pf->maxlen[i] = pf->key[i][k].len;
			if (k == 0 || pf->key[i][k].len < pf->minlen[i])
				pf->minlen[i] = pf->key[i][k].len;
		}
	}
	buf_free(&esc);
	pf->n = (size_t)req.n;
	pf->exact = exact_ok;
	pf->starts = starts;
	impl = scan_impl();
	/* Every CPU with AVX-512 has AVX2: its search serves both. */
	pf->simd = strcmp(impl, "avx2") == 0 || strcmp(impl, "avx512") == 0 ? 2 :
	    strcmp(impl, "sse2") == 0;
	pf->active = 1;
}

/* Does a key start at h[at]? */
static int
key_at(const unsigned char *h, size_t n, size_t at,
    const struct prefilter_key *k)
{
	size_t i;

	if (at + k->len > n)
		return 0;
	for (i = 0; i < k->len; i++)
		if ((h[at + i] | k->fold[i]) != k->byte[i])
			return 0;
	return 1;
}

/*
 * The first position in [from, to) where a key starts, one by one: where
 * no vector block reaches (the last few positions for the shorter keys).
 */
static size_t
any_portable(const unsigned char *h, size_t n, size_t from, size_t to,
    const struct prefilter_key *keys, size_t nk)
{
	size_t i, j;

	for (i = from; i < to; i++)
		for (j = 0; j < nk; j++)
			if (key_at(h, n, i, &keys[j]))
				return i;
	return PREFILTER_NONE;
}

#ifdef PF_X86
/*
 * As scan_search(): a position is a candidate for a key when the key's
 * two probed bytes are where they should be, case folded by OR-ing 0x20
 * into the text; a vector step tests 16 or 32 positions, and only
 * candidates are compared in full.  The first key found in the block
 * (the earliest, whichever key it is) is the answer.  keep masks off
 * positions already seen.  No load reaches past h[n]: the caller makes
 * sure of it.
 */
static inline __attribute__((always_inline)) size_t
block_sse2(const unsigned char *h, size_t n, size_t i, unsigned keep,
    const struct prefilter_key *keys, size_t nk)
{
	size_t j, best = PREFILTER_NONE;

	for (j = 0; j < nk; j++) {
		const struct prefilter_key *k = &keys[j];
		__m128i a = _mm_loadu_si128((const __m128i *)(const void *)
		    (h + i + k->at[0]));
		__m128i b = _mm_loadu_si128((const __m128i *)(const void *)
		    (h + i + k->at[1]));
		unsigned m = (unsigned)_mm_movemask_epi8(_mm_and_si128(
		    _mm_cmpeq_epi8(_mm_or_si128(a, _mm_set1_epi8((char)
		    k->fold[k->at[0]])), _mm_set1_epi8((char)k->byte[k->at[0]])),
		    _mm_cmpeq_epi8(_mm_or_si128(b, _mm_set1_epi8((char)
		    k->fold[k->at[1]])), _mm_set1_epi8((char)
		    k->byte[k->at[1]])))) & keep;

		for (; m != 0; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (at >= best)
				break;
			if (key_at(h, n, at, k)) {
				best = at;
				break;
			}
		}
	}
	return best;
}

__attribute__((target("avx2"), always_inline)) static inline size_t
block_avx2(const unsigned char *h, size_t n, size_t i, uint32_t keep,
    const struct prefilter_key *keys, size_t nk)
{
	size_t j, best = PREFILTER_NONE;

	for (j = 0; j < nk; j++) {
		const struct prefilter_key *k = &keys[j];
		__m256i a = _mm256_loadu_si256((const __m256i *)(const void *)
		    (h + i + k->at[0]));
		__m256i b = _mm256_loadu_si256((const __m256i *)(const void *)
		    (h + i + k->at[1]));
		uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpeq_epi8(_mm256_or_si256(a, _mm256_set1_epi8((char)
		    k->fold[k->at[0]])), _mm256_set1_epi8((char)
		    k->byte[k->at[0]])), _mm256_cmpeq_epi8(_mm256_or_si256(b,
		    _mm256_set1_epi8((char)k->fold[k->at[1]])),
		    _mm256_set1_epi8((char)k->byte[k->at[1]])))) & keep;

		for (; m != 0; m &= m - 1) {
			size_t at = i + (size_t)__builtin_ctz(m);

			if (at >= best)
				break;
			if (key_at(h, n, at, k)) {
				best = at;
				break;
			}
		}
	}
	return best;
}

/*
 * The blocks over h[0..n): whole ones, then the last whole block again
 * with the positions seen masked off; a text shorter than a block (and
 * the longest key) is copied into a zeroed one of its own.  The positions
 * after the last block, where only the shorter keys fit, go one by one.
 */
#define ANY_SIMD(name, width, blockfn, masktype, leave)			\
static size_t								\
name(const unsigned char *h, size_t n, const struct prefilter_key *keys,\
    size_t nk, size_t minlen, size_t maxlen)				\
{									\
	unsigned char pad[width + PREFILTER_LEN];			\
	size_t i, last, at;						\
									\
	if (n < minlen)							\
		return PREFILTER_NONE;					\
	if (n < maxlen - 1 + width) {					\
		memset(pad, 0, sizeof(pad));				\
		memcpy(pad, h, n);					\
		at = blockfn(pad, n, 0, (masktype)~(masktype)0, keys, nk); \
		if (at != PREFILTER_NONE)				\
			return at;					\
		leave;							\
		return any_portable(h, n, width, n - minlen + 1, keys, nk); \
	}								\
	for (i = 0; i + maxlen - 1 + width <= n; i += width)		\
		if ((at = blockfn(h, n, i, (masktype)~(masktype)0, keys,	\
		    nk)) != PREFILTER_NONE)				\
			return at;					\
	last = n - (maxlen - 1) - width;				\
	if (i < last + width && (at = blockfn(h, n, last,		\
	    (masktype)((masktype)~(masktype)0 << (i - last)), keys,	\
	    nk)) != PREFILTER_NONE)					\
		return at;						\
	leave;								\
	return any_portable(h, n, last + width, n - minlen + 1, keys, nk); \
}

/*
 * SSE code (any_portable) after AVX code needs clean upper halves, or
 * every legacy SSE instruction after it stalls: gcc 12 does not clean
 * them before a call it turns into a jump.
 */
ANY_SIMD(any_sse2, 16, block_sse2, unsigned, (void)0)
__attribute__((target("avx2")))
ANY_SIMD(any_avx2, 32, block_avx2, uint32_t, _mm256_zeroupper())

/*
 * any_avx2() for one key, the usual case: its two probe bytes broadcast
 * once, not once a block.
 */
__attribute__((target("avx2"))) static size_t
one_avx2(const unsigned char *h, size_t n, const struct prefilter_key *k)
{
	const __m256i f0 = _mm256_set1_epi8((char)k->fold[k->at[0]]);
	const __m256i b0 = _mm256_set1_epi8((char)k->byte[k->at[0]]);
	const __m256i f1 = _mm256_set1_epi8((char)k->fold[k->at[1]]);
	const __m256i b1 = _mm256_set1_epi8((char)k->byte[k->at[1]]);
	size_t i, at, last, end;

	if (n < k->len - 1 + 32)
		return any_avx2(h, n, k, 1, k->len, k->len);
	last = n - (k->len - 1) - 32;
	/*
	 * The last block is the last whole one again, less the positions
	 * seen, taken with a select and a shift.  A short field (a question)
	 * takes four blocks, the extra ones all seen: a loop as long as the
	 * field would mispredict its end, for fields of random lengths.
	 */
	end = last < 96 ? 128 : last + 32;
	for (i = 0; i < end; i += 32) {
		size_t b = i < last ? i : last, seen = i - b < 32 ? i - b : 32;
		uint32_t m = (uint32_t)_mm256_movemask_epi8(_mm256_and_si256(
		    _mm256_cmpeq_epi8(_mm256_or_si256(_mm256_loadu_si256(
		    (const __m256i *)(const void *)(h + b + k->at[0])), f0), b0),
		    _mm256_cmpeq_epi8(_mm256_or_si256(_mm256_loadu_si256(
		    (const __m256i *)(const void *)(h + b + k->at[1])), f1),
		    b1))) & (uint32_t)(0xffffffffull << seen);

		for (; m != 0; m &= m - 1)
			if (key_at(h, n, at = b + (size_t)__builtin_ctz(m), k)) {
				_mm256_zeroupper();
				return at;
			}
	}
	_mm256_zeroupper();
	return PREFILTER_NONE;
}
#endif

size_t
prefilter_find(const struct prefilter *pf, struct span s, int escaped)
{
	int e = escaped != 0;
	const struct prefilter_key *keys = pf->key[e];
	const unsigned char *h = (const unsigned char *)s.p;

	if (!pf->active)
		return 0;
#ifdef PF_X86
	if (pf->simd == 2 && pf->n == 1)
		return one_avx2(h, s.len, keys);
	if (pf->simd == 2)
		return any_avx2(h, s.len, keys, pf->n, pf->minlen[e],
		    pf->maxlen[e]);
	if (pf->simd == 1)
		return any_sse2(h, s.len, keys, pf->n, pf->minlen[e],
		    pf->maxlen[e]);
#endif
	if (pf->n == 1 && !pf->caseless) {
		size_t at = scan_search(s.p, s.len, (const char *)keys[0].byte,
		    keys[0].len);

		return at == SCAN_NONE ? PREFILTER_NONE : at;
	}
	return any_portable(h, s.len, 0, s.len, keys, pf->n);
}

int
prefilter_may_match(const struct prefilter *pf, struct span s, int escaped)
{
	return prefilter_find(pf, s, escaped) != PREFILTER_NONE;
}

void
prefilter_free(struct prefilter *pf)
{
	pf->active = 0;
	pf->n = 0;
}
