#include "unit.h"
#include "strmap.h"

static void
put_get_many(void **state)
{
	struct strmap m = { 0 };
	char key[32];
	int added, i;

	(void)state;
	for (i = 0; i < 5000; i++) {
		snprintf(key, sizeof(key), "key-%d", i);
		strmap_put(&m, key, strlen(key), &added)->value = (size_t)i;
		assert_true(added);
	}
	assert_int_equal(m.n, 5000);
	for (i = 0; i < 5000; i++) {
		struct strmap_entry *e;

		snprintf(key, sizeof(key), "key-%d", i);
		e = strmap_get(&m, key, strlen(key));
		assert_non_null(e);
		assert_int_equal(e->value, i);
		assert_memory_equal(strmap_key(&m, e), key, strlen(key));
	}
	strmap_put(&m, "key-7", 5, &added);
	assert_false(added);
	assert_null(strmap_get(&m, "key-5000", 8));
	assert_null(strmap_get(&m, "key", 3));
	strmap_free(&m);
}

static void
keys_are_bytes(void **state)
{
	struct strmap m = { 0 };

	(void)state;
	assert_null(strmap_get(&m, "x", 1));
	strmap_put(&m, "a\0b", 3, NULL)->value = 1;
	strmap_put(&m, "a", 1, NULL)->value = 2;
	assert_int_equal(strmap_get(&m, "a\0b", 3)->value, 1);
	assert_int_equal(strmap_get(&m, "a", 1)->value, 2);
	assert_int_equal(strmap_get(&m, "", 0) == NULL, 1);
	strmap_free(&m);
}

/*
 * The hash the table used before it was keyed: FNV-1a 64 folded.  Ids
 * whose value under it share the low 12 bits share a slot in every table
 * of up to 4096 slots: the attack of issue 17 (8.5 MB of such ids took
 * qb-list --check 90 s).
 */
static uint64_t
old_hash(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*p++) * 0x100000001b3ULL;
	return h ^ (h >> 29);
}

static void
crafted_keys_stay_linear(void **state)
{
	enum { N = 1000 };
	struct strmap m = { 0 };
	unsigned long long before;
	unsigned long tries = 0;
	char key[32];
	int n = 0, added;

	(void)state;
	before = strmap_probes;
	while (n < N) {
		int len = snprintf(key, sizeof(key), "c-%lu", tries++);

		if ((old_hash(key, (size_t)len) & 0xfff) != 0)
			continue;
		strmap_put(&m, key, (size_t)len, &added);
		assert_true(added);
		assert_non_null(strmap_get(&m, key, (size_t)len));
		n++;
	}
	/* Colliding, that is about N * N / 2 = 500,000; linear, a few N. */
	assert_true(strmap_probes - before < 8 * (unsigned long long)N);
	strmap_free(&m);
}

static void
closest_key_for_hints(void **state)
{
	struct strmap m = { 0 };
	const struct strmap_entry *e;

	(void)state;
	assert_null(strmap_closest(&m, "sql", 3));
	strmap_put(&m, "databases", 9, NULL)->value = 7;
	strmap_put(&m, "sql", 3, NULL)->value = 5;
	strmap_put(&m, "nosql", 5, NULL)->value = 1;
	strmap_put(&m, "career", 6, NULL)->value = 2;
	e = strmap_closest(&m, "database", 8);
	assert_memory_equal(strmap_key(&m, e), "databases", 9);
	e = strmap_closest(&m, "carreer", 7);
	assert_memory_equal(strmap_key(&m, e), "career", 6);
	e = strmap_closest(&m, "sq", 2);	/* sql and nosql: sql is nearer */
	assert_memory_equal(strmap_key(&m, e), "sql", 3);
	assert_null(strmap_closest(&m, "zzzzqqq", 7));
	assert_null(strmap_closest(&m, "performance", 11));
	strmap_free(&m);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(put_get_many),
		cmocka_unit_test(keys_are_bytes),
		cmocka_unit_test(crafted_keys_stay_linear),
		cmocka_unit_test(closest_key_for_hints),
	};

	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
