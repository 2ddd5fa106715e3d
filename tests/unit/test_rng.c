#include "unit.h"
#include "rng.h"

/* Values from an independent implementation of the published algorithms. */
static void
reference_values(void **state)
{
	struct rng r;

	(void)state;
	rng_seed(&r, 0);
	assert_true(r.s[0] == 0xe220a8397b1dcdafULL);	/* SplitMix64(0) */
	assert_true(r.s[3] == 0xf88bb8a8724c81ecULL);
	assert_true(rng_next(&r) == 0x99ec5f36cb75f2b4ULL);
	assert_true(rng_next(&r) == 0xbf6e1f784956452aULL);
	assert_true(rng_next(&r) == 0x1a5f849d4933e6e0ULL);
	assert_true(rng_hash("qb", 2) == 0x08d26407b5735e3aULL);
	rng_seed_string(&r, "qb");
	assert_true(rng_next(&r) == 0x2adda7c634a611d7ULL);
	assert_true(rng_next(&r) == 0xb1af9c2af5e61262ULL);
}

static void
below_stays_in_range(void **state)
{
	struct rng r;
	uint64_t n;
	int i;

	(void)state;
	rng_seed(&r, 42);
	for (n = 1; n < 100; n++)
		for (i = 0; i < 100; i++)
			assert_true(rng_below(&r, n) < n);
	for (i = 0; i < 100; i++)
		assert_true(rng_below(&r, UINT64_MAX) < UINT64_MAX);
	assert_int_equal(rng_below(&r, 1), 0);
}

/* Chi-square over 10 buckets, fixed seed: deterministic. */
static void
below_is_uniform(void **state)
{
	struct rng r;
	unsigned counts[10] = { 0 };
	double chi2 = 0, expect = 100000 / 10.0;
	int i;

	(void)state;
	rng_seed(&r, 7);
	for (i = 0; i < 100000; i++)
		counts[rng_below(&r, 10)]++;
	for (i = 0; i < 10; i++)
		chi2 += (counts[i] - expect) * (counts[i] - expect) / expect;
	/* 9 degrees of freedom: 21.67 is the 0.99 quantile. */
	assert_true(chi2 < 21.67);
}

static void
os_seeds_differ(void **state)
{
	struct rng a, b;

	(void)state;
	assert_int_equal(rng_seed_os(&a), 0);
	assert_int_equal(rng_seed_os(&b), 0);
	assert_true(rng_next(&a) != rng_next(&b));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(reference_values),
		cmocka_unit_test(below_stays_in_range),
		cmocka_unit_test(below_is_uniform),
		cmocka_unit_test(os_seeds_differ),
	};

	return cmocka_run_group_tests_name("rng", tests, NULL, NULL);
}
