#include "unit.h"
#include "sample.h"

static struct rec recs[10];

static int
setup(void **state)
{
	char line[32];
	int i;

	(void)state;
	for (i = 0; i < 10; i++) {
		snprintf(line, sizeof(line), "r%d\t\tQ%d?", i, i);
		assert_int_equal(rec_parse(&recs[i], line, strlen(line)),
		    REC_RECORD);
		/* The record's views point into line: keep a copy. */
		recs[i].question.p = strdup(recs[i].question.p);
		recs[i].id.p = strdup(recs[i].id.p);
	}
	return 0;
}

static int
slot_record(const struct sample *s, size_t i)
{
	return s->slots[i].p[1] - '0';
}

/*
 * One of ten records, over 20000 seeds "0", "1", ...: each record should
 * come about 2000 times.  Chi-square with 9 degrees of freedom.
 */
static void
one_pick_is_uniform_over_seeds(void **state)
{
	unsigned counts[10] = { 0 };
	double chi2 = 0, expect = 2000;
	int seed, i;

	(void)state;
	for (seed = 0; seed < 20000; seed++) {
		struct sample s;
		struct rng r;
		char name[16];

		snprintf(name, sizeof(name), "%d", seed);
		rng_seed_string(&r, name);
		sample_init(&s, 1);
		for (i = 0; i < 10; i++)
			sample_offer(&s, &r, &recs[i]);
		counts[slot_record(&s, 0)]++;
		sample_free(&s);
	}
	for (i = 0; i < 10; i++)
		chi2 += (counts[i] - expect) * (counts[i] - expect) / expect;
	print_message("chi-square, 1 of 10 over 20000 seeds: %.2f\n", chi2);
	assert_true(chi2 < 21.67);	/* 0.99 quantile */
}

/* Three of ten: every record is in the sample 3/10 of the time, and
 * every record comes first 1/10 of the time (random order). */
static void
three_picks_uniform_and_shuffled(void **state)
{
	unsigned in[10] = { 0 }, first[10] = { 0 };
	double chi_in = 0, chi_first = 0;
	int seed, i;

	(void)state;
	for (seed = 0; seed < 20000; seed++) {
		struct sample s;
		struct rng r;

		rng_seed(&r, (uint64_t)seed);
		sample_init(&s, 3);
		for (i = 0; i < 10; i++)
			sample_offer(&s, &r, &recs[i]);
		sample_shuffle(&s, &r);
		assert_int_equal(s.n, 3);
		assert_true(slot_record(&s, 0) != slot_record(&s, 1));
		assert_true(slot_record(&s, 1) != slot_record(&s, 2));
		assert_true(slot_record(&s, 0) != slot_record(&s, 2));
		for (i = 0; i < 3; i++)
			in[slot_record(&s, (size_t)i)]++;
		first[slot_record(&s, 0)]++;
		sample_free(&s);
	}
	for (i = 0; i < 10; i++) {
		chi_in += (in[i] - 6000.0) * (in[i] - 6000.0) / 6000.0;
		chi_first += (first[i] - 2000.0) * (first[i] - 2000.0) / 2000.0;
	}
	assert_true(chi_in < 21.67);
	assert_true(chi_first < 21.67);
}

static void
more_wanted_than_offered(void **state)
{
	struct sample s;
	struct rng r;
	int i;

	(void)state;
	rng_seed(&r, 1);
	sample_init(&s, 1000000000);	/* slots grow only as records come */
	for (i = 0; i < 4; i++)
		sample_offer(&s, &r, &recs[i]);
	assert_int_equal(s.n, 4);
	assert_true(s.cap <= 16);
	sample_free(&s);
	sample_init(&s, 0);
	sample_offer(&s, &r, &recs[0]);
	assert_int_equal(s.n, 0);
	assert_int_equal(s.seen, 1);
	sample_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(one_pick_is_uniform_over_seeds),
		cmocka_unit_test(three_picks_uniform_and_shuffled),
		cmocka_unit_test(more_wanted_than_offered),
	};

	return cmocka_run_group_tests_name("sample", tests, setup, NULL);
}
