#include "unit.h"
#include "drill.h"

static void
labels(void **state)
{
	static const struct {
		int64_t	 s;
		const char *want;
	} v[] = {
		{ 60, "1m" }, { 330, "6m" }, { 600, "10m" }, { 900, "15m" },
		{ 3600, "1h" }, { 5 * 3600, "5h" }, { 86400, "1d" },
		{ 8 * 86400, "8d" }, { 30 * 86400, "30d" },
		{ 45 * 86400, "1.5mo" }, { 400 * 86400, "1.1y" },
	};
	char buf[16];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		drill_label(v[i].s, buf, sizeof(buf));
		assert_string_equal(buf, v[i].want);
	}
}

static void
look(struct drill_look *k, int state, int64_t due, size_t nrev)
{
	memset(k, 0, sizeof(*k));
	fsrs_init(&k->c);
	k->c.state = state;
	k->c.due = due;
	k->nrev = nrev;
	k->first = 100;
}

static void
add(struct drill_deck *d, const char *line, const struct drill_look *k,
    int64_t now, size_t limit)
{
	struct rec r = { 0 };

	assert_int_equal(rec_parse(&r, line, strlen(line)), REC_RECORD);
	drill_deck_add(d, &r, k, now, limit);
	rec_free(&r);
}

/* Due ones first, most overdue first; then new ones in input order. */
static void
deck_order(void **state)
{
	struct drill_deck d = { 0 };
	struct drill_look k;
	struct rec r = { 0 };
	const char *want[] = { "b", "d", "a", "c" };
	size_t i;

	(void)state;
	look(&k, FSRS_NEW, 0, 0);
	add(&d, "a\t\tQ a?\tA", &k, 1000, 3);
	look(&k, FSRS_REVIEW, 900, 2);
	add(&d, "d\t\tQ d?\tA", &k, 1000, 3);
	look(&k, FSRS_REVIEW, 2000, 2);		/* not due yet */
	add(&d, "e\t\tQ e?\tA", &k, 1000, 3);
	look(&k, FSRS_NEW, 0, 0);
	add(&d, "c\t\tQ c?\tA", &k, 1000, 3);
	look(&k, FSRS_LEARNING, 500, 1);
	add(&d, "b\t\tQ b?\tA", &k, 1000, 3);
	look(&k, FSRS_NEW, 0, 0);
	add(&d, "f\t\tQ f?\tA", &k, 1000, 3);
	add(&d, "g\t\tQ g?\tA", &k, 1000, 3);	/* over the limit */
	drill_deck_order(&d, 2);		/* one was new today */
	assert_int_equal(d.n, 4);
	assert_int_equal(d.ndue, 2);
	for (i = 0; i < d.n; i++) {
		assert_int_equal(rec_parse(&r, d.lines.p + d.v[i].off,
		    d.v[i].len - 1), REC_RECORD);
		assert_int_equal(r.id.len, 1);
		assert_memory_equal(r.id.p, want[i], 1);
	}
	rec_free(&r);
	drill_deck_free(&d);
}

static void
stats(void **state)
{
	struct drill_stats st = { 0 };
	struct drill_look k;

	(void)state;
	look(&k, FSRS_NEW, 0, 0);
	drill_count(&st, &k, 1000, 0, 86400);
	look(&k, FSRS_REVIEW, 900, 3);
	k.nrecall = 2;
	k.npass = 1;
	drill_count(&st, &k, 1000, 0, 86400);
	look(&k, FSRS_LEARNING, 5000, 1);
	k.first = 90000;			/* not today */
	drill_count(&st, &k, 1000, 0, 86400);
	assert_int_equal(st.records, 3);
	assert_int_equal(st.fresh, 1);
	assert_int_equal(st.due, 1);
	assert_int_equal(st.learned, 1);
	assert_int_equal(st.learning, 1);
	assert_int_equal(st.new_today, 1);
	assert_int_equal(st.reviews, 4);
	assert_int_equal(st.nrecall, 2);
	assert_int_equal(st.npass, 1);
}

static void
grade_specs(void **state)
{
	static const char *bad[] = { "", "p", "p:", ":3", "p:0", "p:5",
	    "p:33", "p:3 ", "a b:3", "p;3" };
	size_t len, i;
	int g;

	(void)state;
	assert_int_equal(drill_grade_parse("skill-21:3", &len, &g), 0);
	assert_int_equal(len, 8);
	assert_int_equal(g, 3);
	assert_int_equal(drill_grade_parse("a:b:4", &len, &g), 0);
	assert_int_equal(len, 3);
	assert_int_equal(g, 4);
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		assert_int_equal(drill_grade_parse(bad[i], &len, &g), -1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(labels),
		cmocka_unit_test(deck_order),
		cmocka_unit_test(stats),
		cmocka_unit_test(grade_specs),
	};

	return cmocka_run_group_tests_name("drill", tests, NULL, NULL);
}
