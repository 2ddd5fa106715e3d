#include "unit.h"
#include "hash.h"
#include "idset.h"

/* A new id is remembered with its place; the same id again says where. */
static void
seen_reports_the_first_place(void **state)
{
	struct idset s = { .max = 0 };
	const char *a = "a.qb", *b = "b.qb", *name = NULL;
	unsigned long line = 0;

	(void)state;
	assert_int_equal(idset_add(&s, "x-1", 3, a, 3, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "x-2", 3, a, 4, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "x-1", 3, b, 9, &name, &line),
	    IDSET_SEEN);
	assert_ptr_equal(name, a);
	assert_int_equal(line, 3);
	/* Ids are bytes: a prefix or a case change is another id. */
	assert_int_equal(idset_add(&s, "x-", 2, b, 10, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "X-1", 3, b, 11, &name, &line),
	    IDSET_NEW);
	idset_free(&s);
}

/* Many ids across growth: every one found again, none lost. */
static void
many_ids_through_growth(void **state)
{
	struct idset s = { .max = 0 };
	const char *f = "f", *name;
	unsigned long i, line;
	char id[32];

	(void)state;
	for (i = 0; i < 100000; i++) {
		int n = snprintf(id, sizeof(id), "id-%lu", i);

		assert_int_equal(idset_add(&s, id, (size_t)n, f, i + 1, &name,
		    &line), IDSET_NEW);
	}
	for (i = 0; i < 100000; i += 997) {
		int n = snprintf(id, sizeof(id), "id-%lu", i);

		assert_int_equal(idset_add(&s, id, (size_t)n, f, 0, &name,
		    &line), IDSET_SEEN);
		assert_int_equal(line, i + 1);
	}
	idset_free(&s);
}

/* With a bound, ids past it are not kept, but the kept ones still are. */
static void
a_bound_keeps_the_first(void **state)
{
	struct idset s = { .max = 3 };
	const char *f = "f", *name;
	unsigned long line;

	(void)state;
	assert_int_equal(idset_add(&s, "a", 1, f, 1, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "b", 1, f, 2, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "c", 1, f, 3, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "d", 1, f, 4, &name, &line),
	    IDSET_FULL);
	assert_int_equal(idset_add(&s, "b", 1, f, 5, &name, &line),
	    IDSET_SEEN);
	assert_int_equal(line, 2);
	assert_int_equal(s.n, 3);
	idset_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seen_reports_the_first_place),
		cmocka_unit_test(many_ids_through_growth),
		cmocka_unit_test(a_bound_keeps_the_first),
	};

	return cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
