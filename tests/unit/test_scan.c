#include <stdlib.h>
#include <string.h>

#include "unit.h"
#include "scan.h"
#include "utf8.h"

static const char *const impls[] = { "portable", "sse2", "avx2", "avx512" };
#define NIMPL (sizeof(impls) / sizeof(impls[0]))

/* Random lines over an alphabet rich in the bytes that matter. */
static size_t
random_line(char *p, size_t max)
{
	static const char alpha[] = "ab \t\t\\\x01\x7f\x80\xc3\xa9\xe4\xff\n\0";
	size_t n = (size_t)rand() % max, i;

	for (i = 0; i < n; i++)
		p[i] = rand() % 4 == 0 ? alpha[rand() % (sizeof(alpha) - 1)] :
		    (char)('a' + rand() % 26);
	return n;
}

/*
 * Implementation k's answer (ok, and got when ok) is the first's, which
 * k == 0 gives.
 */
static void
same_as_first(size_t k, int ok, uint64_t got, int *wok, uint64_t *want)
{
	if (k == 0) {
		*wok = ok;
		*want = got;
	}
	assert_int_equal(ok, *wok);
	if (ok)
		assert_int_equal(got, *want);
}

static void
find_agrees(void **state)
{
	static struct scan_set sets[] = {
		SCAN_SET(SCAN_CTRL | SCAN_DEL | SCAN_HIGH, 1, '\\'),
		SCAN_SET(SCAN_CTRL, 4, '"', '\\', 0x7f, 0xe2),
		SCAN_SET(0, 4, ',', '"', '\n', '\r'),
		SCAN_SET(SCAN_HIGH, 0, 0),
	};
	char line[200];
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t n = random_line(line, sizeof(line));
		size_t from = n > 0 ? (size_t)rand() % (n + 1) : 0, want = 0, k, s;

		for (s = 0; s < sizeof(sets) / sizeof(sets[0]); s++)
			for (k = 0; k < NIMPL; k++) {
				size_t got;

				if (scan_select(impls[k]) < 0)
					continue;
				got = scan_find(line, from, n, &sets[s]);
				if (k == 0)
					want = got;
				assert_int_equal(got, want);
			}
	}
	scan_select(NULL);
}

static void
fields_agree(void **state)
{
	char line[300];
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t n = random_line(line, sizeof(line)), k, t;
		struct scan_fields want, got;

		scan_select("portable");
		scan_fields(line, n, &want);
		for (k = 1; k < NIMPL; k++) {
			if (scan_select(impls[k]) < 0)
				continue;
			scan_fields(line, n, &got);
			assert_int_equal(got.ntab, want.ntab);
			for (t = 0; t < got.ntab; t++)
				assert_int_equal(got.tab[t], want.tab[t]);
			/* The vector flags may be wider, never narrower. */
			assert_int_equal(got.special & want.special, want.special);
		}
	}
	scan_select(NULL);
}

static void
tags_agree(void **state)
{
	char line[80];
	int round;

	(void)state;
	memset(line, 'x', sizeof(line));
	for (round = 0; round < 20000; round++) {
		size_t n = random_line(line, sizeof(line)), k, i;
		uint64_t want = 0, got;
		int wok = 0, ok;

		for (i = 0; i < n; i++)
			if (rand() % 3 == 0)
				line[i] = rand() % 2 ? ',' : 'A' + rand() % 28;
		for (k = 0; k < NIMPL; k++) {
			if (scan_select(impls[k]) < 0)
				continue;
			ok = scan_tags(line, n, rand() % 2 ? n : sizeof(line),
			    &got);
			same_as_first(k, ok, got, &wok, &want);
		}
	}
	scan_select(NULL);
}

/* Heads of ids and tags: every implementation says the same. */
static void
head_agrees(void **state)
{
	static const char alpha[] = "az09AZ-./:_,@ \t\x7f\x80\xc3[`{";
	char line[100];
	int round;

	(void)state;
	for (round = 0; round < 40000; round++) {
		size_t t1 = 1 + (size_t)rand() % 63, t0 = (size_t)rand() % t1;
		size_t avail = t1 + 1 + (size_t)rand() % (sizeof(line) - t1);
		size_t i, k;
		uint64_t want = 0, got;
		int wok = 0, ok;

		for (i = 0; i < sizeof(line); i++)
			line[i] = rand() % 8 == 0 ?
			    alpha[rand() % (sizeof(alpha) - 1)] :
			    (char)('a' + rand() % 26);
		line[t0] = line[t1] = '\t';
		for (k = 0; k < NIMPL; k++) {
			if (scan_select(impls[k]) < 0)
				continue;
			ok = scan_head(line, t0, t1, avail, &got);
			same_as_first(k, ok, got, &wok, &want);
		}
	}
	scan_select(NULL);
}

/* What a head may hold, in every implementation. */
static void
head_examples(void **state)
{
	static const struct {
		const char	*line;
		int		 ok;
		uint64_t	 commas;
	} cases[] = {
		{ "b-01\tx,y\tQ?", 1, 2 },
		{ "A.b_c:d/e-9\tsql,db,go\tQ?", 1, 0x48 },
		{ "\tx\tQ?", 1, 0 },
		{ "id\t\tQ?", 1, 0 },
		{ "b 01\tx\tQ?", 0, 0 },
		{ "b@1\tx\tQ?", 0, 0 },
		{ "caf\xc3\xa9\tx\tQ?", 0, 0 },
		{ "id\tX\tQ?", 0, 0 },
		{ "id\tx, y\tQ?", 0, 0 },
		{ "id\tx\x7f\tQ?", 0, 0 },
		{ "id\t\xc3\xa9\tQ?", 0, 0 },
	};
	size_t c, k;

	(void)state;
	for (k = 0; k < NIMPL; k++) {
		if (scan_select(impls[k]) < 0)
			continue;
		for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
			const char *l = cases[c].line;
			size_t t0 = strcspn(l, "\t");
			size_t t1 = t0 + 1 + strcspn(l + t0 + 1, "\t");
			uint64_t commas = 0;

			assert_int_equal(scan_head(l, t0, t1, strlen(l),
			    &commas), cases[c].ok);
			if (cases[c].ok)
				assert_int_equal(commas, cases[c].commas);
		}
	}
	scan_select(NULL);
}

static void
search_agrees(void **state)
{
	char hay[300], needle[8];
	int round;

	(void)state;
	for (round = 0; round < 50000; round++) {
		size_t n = (size_t)rand() % sizeof(hay), k = (size_t)rand() % 6, i;
		size_t want = SCAN_NONE, got;

		for (i = 0; i < n; i++)
			hay[i] = "abc\\\t"[rand() % 5];
		for (i = 0; i < k; i++)
			needle[i] = "abc\\\t"[rand() % 5];
		for (i = 0; i + k <= n; i++)
			if (memcmp(hay + i, needle, k) == 0) {
				want = i;
				break;
			}
		for (i = 0; i < NIMPL; i++) {
			if (scan_select(impls[i]) < 0)
				continue;
			got = scan_search(hay, n, needle, k);
			assert_int_equal(got, want);
		}
	}
	scan_select(NULL);
}

/* The reference: valid UTF-8 with no C0, DEL or C1 control. */
static int
clean_reference(const char *p, size_t n)
{
	size_t i = 0, len;
	uint32_t cp;

	while (i < n) {
		if ((len = utf8_decode((const unsigned char *)p + i, n - i,
		    &cp)) == 0 || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
			return 0;
		i += len;
	}
	return 1;
}

static void
clean_agrees(void **state)
{
	static const char *const pieces[] = {
		"a", "b c", "\xc3\xa9", "\xe4\xb8\xad", "\xf0\x9f\x98\x80",
		"\xc2\x9b", "\xc2\xa0", "\x7f", "\x01", "\xed\xa0\x80",
		"\xf4\x90\x80\x80", "\xc0\xaf", "\xe0\x80\xaf", "\x80",
		"\xff", "\xc3", "\xe4\xb8", "\xf0\x9f\x98", "\xef\xbf\xbf",
		"\xf4\x8f\xbf\xbf", "\xe0\xa0\x80", "\xf0\x90\x80\x80",
		"\\", "\t"
	};
	char text[400];
	int round;

	(void)state;
	for (round = 0; round < 50000; round++) {
		size_t n = 0, k, want;
		int bad = rand() % 3;

		while (n < 300 && rand() % 40 != 0) {
			const char *piece = pieces[rand() % (bad ? 24 : 5)];

			memcpy(text + n, piece, strlen(piece));
			n += strlen(piece);
		}
		want = (size_t)clean_reference(text, n);
		for (k = 0; k < NIMPL; k++) {
			size_t got;

			if (scan_select(impls[k]) < 0)
				continue;
			got = (size_t)scan_text_clean(text, n);
			/* Only AVX2 validates UTF-8: the others may say 0. */
			if (strcmp(impls[k], "avx2") == 0)
				assert_int_equal(got, want);
			else if (got)
				assert_int_equal(want, 1);
		}
	}
	scan_select(NULL);
}

static void
fields_examples(void **state)
{
	static const char mixed[] =
	    "\tt\tcaf\xc3\xa9 plain words here, forty bytes long\tx\\n";
	struct scan_fields f;
	size_t k;

	(void)state;
	for (k = 0; k < NIMPL; k++) {
		if (scan_select(impls[k]) < 0)
			continue;
		scan_fields("id\ttags\tquestion\tanswer", 23, &f);
		assert_int_equal(f.ntab, 3);
		assert_int_equal(f.tab[0], 2);
		assert_int_equal(f.tab[2], 16);
		assert_int_equal(f.special, 0);
		scan_fields("a\tb\tc\td\te\tf", 11, &f);
		assert_int_equal(f.ntab, 4);
		scan_fields(mixed, sizeof(mixed) - 1, &f);
		assert_int_equal(f.ntab, 3);
		assert_int_equal(f.special & 3, 0);
		assert_int_not_equal(f.special & 4, 0);
		assert_int_not_equal(f.special & 8, 0);
	}
	scan_select(NULL);
	assert_non_null(scan_impl());
}

/*
 * scan_blocks(): the same LF, TAB and backslash bits everywhere; the same
 * bad bits from the two that validate UTF-8 (AVX2 and AVX-512) and from
 * the two that do not; and no bit past the text, whatever its length.
 */
static void
blocks_agree(void **state)
{
	struct scan_block want[6], got[6], ref[6];
	char text[32 + 6 * SCAN_BLOCK];
	int round;

	(void)state;
	for (round = 0; round < 20000; round++) {
		size_t n = random_line(text + 32, 6 * SCAN_BLOCK), before =
		    (size_t)rand() % 33, nb, k, i;

		memset(text, rand() % 2 ? 'a' : 0xc3, 32);
		scan_select("portable");
		nb = scan_blocks(text + 32, n, before, want);
		assert_int_equal(nb, (n + SCAN_BLOCK - 1) / SCAN_BLOCK);
		for (k = 1; k < NIMPL; k++) {
			if (scan_select(impls[k]) < 0)
				continue;
			assert_int_equal(scan_blocks(text + 32, n, before, got), nb);
			for (i = 0; i < nb; i++) {
				uint64_t past = i + 1 < nb || n % SCAN_BLOCK == 0 ?
				    0 : ~0ull << n % SCAN_BLOCK;

				assert_int_equal(got[i].lf, want[i].lf);
				assert_int_equal(got[i].tab, want[i].tab);
				assert_int_equal(got[i].bs, want[i].bs);
				assert_int_equal(got[i].bad & past, 0);
				if (strcmp(impls[k], "sse2") == 0)
					assert_int_equal(got[i].bad, want[i].bad);
				else if (strcmp(impls[k], "avx2") == 0)
					ref[i] = got[i];
				else
					assert_int_equal(got[i].bad, ref[i].bad);
			}
		}
	}
	scan_select(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(find_agrees),
		cmocka_unit_test(fields_agree),
		cmocka_unit_test(tags_agree),
		cmocka_unit_test(head_agrees),
		cmocka_unit_test(head_examples),
		cmocka_unit_test(search_agrees),
		cmocka_unit_test(clean_agrees),
		cmocka_unit_test(fields_examples),
		cmocka_unit_test(blocks_agree),
	};

	srand(16);
	return cmocka_run_group_tests_name("scan", tests, NULL, NULL);
}
