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
		cmocka_unit_test(closest_key_for_hints),
	};

	return cmocka_run_group_tests_name("strmap", tests, NULL, NULL);
}
