#include <string.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "unit.h"
#include "match.h"
#include "prefilter.h"
#include "scan.h"

static struct span
sp(const char *s)
{
	struct span x = { s, strlen(s) };

	return x;
}

static int
may(const char *pattern, int flags, const char *field)
{
	struct prefilter pf;
	char *pats[1];
	int got;

	pats[0] = (char *)pattern;
	prefilter_init(&pf, pats, 1, flags);
	got = prefilter_may_match(&pf, sp(field), 1);
	prefilter_free(&pf);
	return got;
}

/*
 * What the analysis found, as text: the escaped keys joined by '|', each
 * followed by "/i" when it ignores case, then " exact" when it is; "-"
 * for no prefilter.
 */
static const char *
keys(const char *pattern, int flags)
{
	static char out[512];
	struct prefilter pf;
	char *pats[1];
	size_t k;

	pats[0] = (char *)pattern;
	prefilter_init(&pf, pats, 1, flags);
	if (!pf.active)
		return "-";
	out[0] = '\0';
	for (k = 0; k < pf.n; k++) {
		const struct prefilter_key *key = &pf.key[1][k];
		size_t i, o = strlen(out);
		int ci = 0;

		if (k > 0)
			out[o++] = '|';
		for (i = 0; i < key->len; i++) {
			out[o++] = (char)key->byte[i];
			ci |= key->fold[i] != 0;
		}
		out[o] = '\0';
		if (ci)
			strcat(out, "/i");
	}
	if (pf.exact)
		strcat(out, " exact");
	prefilter_free(&pf);
	return out;
}

static void
literals(void **state)
{
	(void)state;
	assert_true(may("cache", 0, "a cached page"));
	assert_false(may("cache", 0, "a CACHED page"));
	assert_false(may("cache", MATCH_WORD, "nothing here"));
	/* -i: the search ignores ASCII case. */
	assert_true(may("cache", MATCH_ICASE, "a CACHED page"));
	assert_false(may("cache", MATCH_ICASE, "a CACHD page"));
	assert_false(may("2024", MATCH_ICASE, "in 2025"));
	/* Regex syntax: the literal pieces. */
	assert_false(may("ca.he", 0, "nothing"));
	assert_true(may("ca.he", 0, "a cache"));
	assert_false(may("(?i)x", 0, "nothing"));
	assert_true(may("(?i)x", 0, "X"));
	/* -F: the pattern is a literal, whatever it holds. */
	assert_false(may("a.b", MATCH_FIXED, "axb"));
	assert_true(may("a.b", MATCH_FIXED, "x a.b y"));
}

static void
escapes(void **state)
{
	(void)state;
	/* A TAB, LF or backslash in the text is escaped in the field. */
	assert_true(may("a\tb", MATCH_FIXED, "x a\\tb y"));
	assert_true(may("a\nb", MATCH_FIXED, "x a\\nb y"));
	assert_true(may("a\\b", MATCH_FIXED, "x a\\\\b y"));
	assert_false(may("a\nb", MATCH_FIXED, "x a\\tb y"));
	assert_true(may("a\\nb", 0, "x a\\nb y"));
	assert_true(may("a\\tb", 0, "x a\\tb y"));
	assert_true(may("a\\\\b", 0, "x a\\\\b y"));
	assert_false(may("a\\\\b", 0, "x a\\b y"));
}

/* AVX-512, which has no search of its own here, gets AVX2's. */
static void
vector_search_chosen(void **state)
{
	struct prefilter pf;
	char *pats[1] = { "cache" };
	static const struct { const char *scanner; int simd; } want[] = {
		{ "portable", 0 }, { "sse2", 1 }, { "avx2", 2 }, { "avx512", 2 }
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		if (scan_select(want[k].scanner) != 0)
			continue;
		prefilter_init(&pf, pats, 1, 0);
		assert_int_equal(pf.simd, want[k].simd);
		prefilter_free(&pf);
	}
	scan_select(NULL);
}

static void
unescaped_fields(void **state)
{
	struct prefilter pf;
	char *pats[1] = { "a\\b" };

	(void)state;
	/* A field that is not escaped (tags) holds the literal as it is. */
	prefilter_init(&pf, pats, 1, MATCH_FIXED);
	assert_true(prefilter_may_match(&pf, sp("x,a\\b"), 0));
	assert_false(prefilter_may_match(&pf, sp("x,a\\b"), 1));
	prefilter_free(&pf);
}

static void
several_patterns(void **state)
{
	struct prefilter pf;
	char *pats[2] = { "cache", "index" };
	char *any[2] = { "cache", "in.*x?" };

	(void)state;
	prefilter_init(&pf, pats, 2, 0);
	assert_true(pf.exact);
	assert_true(prefilter_may_match(&pf, sp("an index"), 1));
	assert_true(prefilter_may_match(&pf, sp("a cache"), 1));
	assert_false(prefilter_may_match(&pf, sp("nothing"), 1));
	prefilter_free(&pf);
	prefilter_init(&pf, any, 2, 0);
	assert_true(pf.active);
	assert_false(pf.exact);
	assert_false(prefilter_may_match(&pf, sp("empty"), 1));
	assert_true(prefilter_may_match(&pf, sp("a pin"), 1));
	prefilter_free(&pf);
	/* A pattern that may match anywhere: no prefilter. */
	any[1] = "x*";
	prefilter_init(&pf, any, 2, 0);
	assert_false(pf.active);
	prefilter_free(&pf);
}

static void
analysis(void **state)
{
	(void)state;
	assert_string_equal(keys("cache", 0), "cache exact");
	assert_string_equal(keys("(?i)\\b(index|cache)\\w*", 0),
	    "index/i|cache/i");
	assert_string_equal(keys("(index|cache)", MATCH_ICASE),
	    "index/i|cache/i exact");
	assert_string_equal(keys("colou?r", 0), "colour|color exact");
	assert_string_equal(keys("(a|b)*xyz", 0), "xyz");
	assert_string_equal(keys("[abc]+def", 0), "def");
	assert_string_equal(keys("\\d+ items", 0), " items");
	assert_string_equal(keys("(foo|)bar", 0), "bar exact");
	assert_string_equal(keys("x{0}abc", 0), "abc exact");
	assert_string_equal(keys("(ab){3}", 0), "ababab exact");
	assert_string_equal(keys("a{2,}b", 0), "aab");
	assert_string_equal(keys("\\Qa.b|c\\E", 0), "a.b|c exact");
	assert_string_equal(keys("\\Qa.b\\E+c", 0), "a.b");
	assert_string_equal(keys("\\Qab", 0), "ab exact");
	assert_string_equal(keys("a\\.b", 0), "a.b exact");
	assert_string_equal(keys("x\\ty", 0), "x\\ty exact");
	/* Found inside "\n", a key starting with n proves nothing. */
	assert_string_equal(keys("na", 0), "na");
	assert_string_equal(keys("abc(?=def)", 0), "abc");
	assert_string_equal(keys("(?<!x)abc", 0), "abc");
	assert_string_equal(keys("^abc$", 0), "abc");
	assert_string_equal(keys("cache", MATCH_WORD), "cache");
	assert_string_equal(keys("cache", MATCH_WHOLE), "cache");
	assert_string_equal(keys("(?<n>ab)c", 0), "abc exact");
	assert_string_equal(keys("(?'n'ab)c", 0), "abc exact");
	assert_string_equal(keys("(?P<n>ab)c", 0), "abc exact");
	assert_string_equal(keys("(?:ab)(?#note)c", 0), "abc exact");
	assert_string_equal(keys("[]x(]abc", 0), "abc");
	assert_string_equal(keys("[[:alpha:]]abc", 0), "abc");
	assert_string_equal(keys("\\p{L}abc\\pL", 0), "abc");
	/* Case: (?i) scopes, and k and s, which fold to non-ASCII. */
	assert_string_equal(keys("ab(?i)cd", 0), "abcd/i");
	assert_string_equal(keys("(?i:ab)cd", 0), "abcd/i");
	assert_string_equal(keys("(?i)ab(?-i)cd", 0), "abcd/i");
	assert_string_equal(keys("(a(?i)b|c)", 0), "ab/i|c/i");
	assert_string_equal(keys("(?i)ab(?^)cd", 0), "abcd/i");
	assert_string_equal(keys("(?i)kube", 0), "ube/i");
	assert_string_equal(keys("(?i)Skill", 0), "ill/i");
	assert_string_equal(keys("kube", 0), "kube exact");
	assert_string_equal(keys("(?i)caf\xc3\xa9", 0), "caf/i");
	assert_string_equal(keys("caf\xc3\xa9", 0), "caf\xc3\xa9 exact");
	assert_string_equal(keys("2024", MATCH_ICASE), "2024 exact");
	/* -F: all literal. */
	assert_string_equal(keys("a.b(", MATCH_FIXED), "a.b( exact");
	assert_string_equal(keys("a\\E.b", MATCH_FIXED), "a\\\\E.b exact");
	/* Nothing required, or not followed: no prefilter. */
	assert_string_equal(keys("", 0), "-");
	assert_string_equal(keys("a*", 0), "-");
	assert_string_equal(keys("a?b?", 0), "-");
	assert_string_equal(keys("abc|.", 0), "-");
	assert_string_equal(keys("(abc)?", 0), "-");
	assert_string_equal(keys("(abc){0}", 0), "-");
	assert_string_equal(keys("(abc){0,2}", 0), "-");
	assert_string_equal(keys("(*UCP)abc", 0), "-");
	assert_string_equal(keys("abc(*ACCEPT)def", 0), "-");
	assert_string_equal(keys("(?x)a b c", 0), "-");
	assert_string_equal(keys("a\\x41b", 0), "-");
	assert_string_equal(keys("(a)\\1", 0), "-");
	assert_string_equal(keys("(?(1)a|b)", 0), "-");
	assert_string_equal(keys("(?R)?abc", 0), "-");
	assert_string_equal(keys("a{,3}b", 0), "-");
	assert_string_equal(keys("a{x}", 0), "-");
	assert_string_equal(keys("[\\Q]\\E]abc", 0), "-");
	assert_string_equal(keys("(?i)\xc3\xa9", 0), "-");
}

/*
 * Caseless, an ASCII letter matches its other ASCII case and nothing
 * else, but for k and s: the analysis counts on it, so check it against
 * the PCRE2 in use, over every code point.
 */
static void
pcre2_case_folding(void **state)
{
	const char *re = "[abcdefghijlmnopqrtuvwxyz]";
	pcre2_code *code;
	pcre2_match_data *md;
	size_t off;
	uint32_t cp;
	int err;

	(void)state;
	code = pcre2_compile((PCRE2_SPTR)re, PCRE2_ZERO_TERMINATED,
	    PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &err, &off, NULL);
	assert_non_null(code);
	md = pcre2_match_data_create(1, NULL);
	for (cp = 0x80; cp < 0x110000; cp++) {
		unsigned char u[4];
		size_t n;

		if (cp >= 0xd800 && cp < 0xe000)
			continue;
		if (cp < 0x800) {
			u[0] = (unsigned char)(0xc0 | cp >> 6);
			u[1] = (unsigned char)(0x80 | (cp & 0x3f));
			n = 2;
		} else if (cp < 0x10000) {
			u[0] = (unsigned char)(0xe0 | cp >> 12);
			u[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			u[2] = (unsigned char)(0x80 | (cp & 0x3f));
			n = 3;
		} else {
			u[0] = (unsigned char)(0xf0 | cp >> 18);
			u[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3f));
			u[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3f));
			u[3] = (unsigned char)(0x80 | (cp & 0x3f));
			n = 4;
		}
		if (pcre2_match(code, u, n, 0, 0, md, NULL) >= 0)
			fail_msg("U+%04X matches %s caseless", cp, re);
	}
	pcre2_match_data_free(md);
	pcre2_code_free(code);
}

/*
 * The prefilter never says "cannot match" of a field that matches, and
 * an exact one agrees with PCRE2, on every implementation of the search.
 */
static void
sound(void **state)
{
	static const char *pats[] = {
		"cache", "(?i)\\b(index|cache)\\w*", "colou?r", "na", "a\\nb",
		"(?i)ab(?-i)cd", "(?i)kelvin", "x(a|b)+yz", "\\Qa.b\\E",
		"(?i)INDEX|Cache", "ab{2}c", "t\\tu", "\\\\n", "(?i)N",
	};
	static const char *texts[] = {
		"a cache here", "A CACHE", "an Index", "reindexing", "color",
		"colour", "na", "\\na", "a\\nb", "a\\\\nb", "ABcd", "abCD",
		"\xe2\x84\xaa\x65lvin", "KELVIN", "xabyz", "xayz", "a.b", "axb",
		"abbc", "abc", "t\\tu", "T\\tU", "\\\\n", "\\n", "n", "",
		"a long text, longer than a vector of thirty-two bytes: cache",
		"a long text, longer than a vector of thirty-two bytes: CACHE.",
		"a long text, longer than a vector of thirty-two bytes: colou",
	};
	static const char *impls[] = { "portable", "sse2", "avx2", "avx512" };
	size_t p, t, k;

	(void)state;
	for (k = 0; k < 3; k++) {
		if (scan_select(impls[k]) != 0)
			continue;
		for (p = 0; p < sizeof(pats) / sizeof(pats[0]); p++)
			for (t = 0; t < sizeof(texts) / sizeof(texts[0]); t++) {
				char err[256], *pat[1] = { (char *)pats[p] };
				struct matcher *m;
				struct prefilter pf;
				struct buf raw = { 0 };
				struct span txt;
				size_t s, e;
				int found;

				m = matcher_new(pat, 1, 0, err, sizeof(err));
				assert_non_null(m);
				prefilter_init(&pf, pat, 1, 0);
				txt = rec_text(sp(texts[t]), &raw);
				found = matcher_find(m, txt.p, txt.len, 0, &s, &e);
				if (found && !prefilter_may_match(&pf,
				    sp(texts[t]), 1))
					fail_msg("%s: '%s' matches '%s'",
					    impls[k], pats[p], texts[t]);
				if (pf.exact && !found && prefilter_may_match(
				    &pf, sp(texts[t]), 1))
					fail_msg("%s: exact '%s' on '%s'",
					    impls[k], pats[p], texts[t]);
				/* PCRE2 from the first key finds a match. */
				if (found && pf.starts && matcher_find(m, txt.p,
				    txt.len, prefilter_find(&pf, txt, 0), &s,
				    &e) != 1)
					fail_msg("%s: '%s' from the first key "
					    "of '%s'", impls[k], pats[p],
					    texts[t]);
				prefilter_free(&pf);
				matcher_free(m);
				buf_free(&raw);
			}
	}
	scan_select(NULL);
}

/*
 * Every text length and every place of a key in it, on every search:
 * whole blocks, the last block again, a text shorter than a block, and
 * the places only the shorter keys reach.
 */
static void
positions(void **state)
{
	static const char *impls[] = { "portable", "sse2", "avx2", "avx512" };
	static const char *sets[][3] = {
		{ "xy", "(?i)quxzzyv", NULL },
		{ "(?i)ab", "cdefghijklmnopqrstuvw", NULL },
		{ "(?i)q", "(?i)zz", "(?i)abcdefghijlmnopq" },
		/* One key: one_avx2(), whatever the length of the text. */
		{ "cache", NULL, NULL },
		{ "(?i)q", NULL, NULL },
		{ "(?i)abcdefghijklmnopqrstuvwxyz0123456789", NULL, NULL },
	};
	char text[300];
	size_t k, set, n, at, w;

	(void)state;
	for (k = 0; k < 3; k++) {
		if (scan_select(impls[k]) != 0)
			continue;
		for (set = 0; set < sizeof(sets) / sizeof(sets[0]); set++) {
			struct prefilter pf;
			char *pats[3];
			size_t np = 0;

			while (np < 3 && sets[set][np] != NULL) {
				pats[np] = (char *)sets[set][np];
				np++;
			}
			prefilter_init(&pf, pats, np, 0);
			assert_true(pf.active);
			for (n = 0; n < 200; n++) {
				struct span t = { text, n };

				memset(text, '.', n);
				assert_false(prefilter_may_match(&pf, t, 1));
				for (w = 0; w < pf.n; w++) {
					const struct prefilter_key *key =
					    &pf.key[1][w], *other;

					for (at = 0; at + key->len <= n; at++) {
						memset(text, '.', n);
						memcpy(text + at, key->byte,
						    key->len);
						other = &pf.key[1][(w + 1) %
						    pf.n];
						if (at + key->len + other->len <
						    n)
							memcpy(text + n -
							    other->len,
							    other->byte,
							    other->len);
						if (prefilter_find(&pf, t, 1) !=
						    at)
							fail_msg("%s: key %zu "
							    "of set %zu at %zu "
							    "of %zu", impls[k],
							    w, set, at, n);
					}
				}
			}
			prefilter_free(&pf);
		}
	}
	scan_select(NULL);
}

static void
turned_off(void **state)
{
	(void)state;
	setenv("QB_PREFILTER", "0", 1);
	assert_string_equal(keys("cache", 0), "-");
	unsetenv("QB_PREFILTER");
	assert_string_equal(keys("cache", 0), "cache exact");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(literals),
		cmocka_unit_test(escapes),
		cmocka_unit_test(unescaped_fields),
		cmocka_unit_test(several_patterns),
		cmocka_unit_test(analysis),
		cmocka_unit_test(pcre2_case_folding),
		cmocka_unit_test(sound),
		cmocka_unit_test(positions),
		cmocka_unit_test(turned_off),
		cmocka_unit_test(vector_search_chosen),
	};

	return cmocka_run_group_tests_name("prefilter", tests, NULL, NULL);
}
