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

/*
 * Many ids across growth: every one found again, none lost.  The table
 * doubles in place eight times on the way, each with wrapped clusters.
 */
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
	for (i = 0; i < 100000; i++) {
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

/*
 * Each file's lines are told apart from the others', in any number of
 * files, and a line past 2^32 (in one file or over all) is kept exactly.
 */
static void
files_and_far_lines(void **state)
{
	struct idset s = { .max = 0 };
	const char *a = "a.qb", *b = "b.qb", *c = "c.qb", *name = NULL;
	unsigned long line = 0, far = 5000000000ul;

	(void)state;
	assert_int_equal(idset_add(&s, "1", 1, a, 7, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "2", 1, b, 1, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "3", 1, b, 2, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "4", 1, a, 1, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "5", 1, c, far, &name, &line),
	    IDSET_NEW);
	assert_int_equal(idset_add(&s, "6", 1, a, 3, &name, &line), IDSET_NEW);
	assert_int_equal(idset_add(&s, "1", 1, c, 9, &name, &line), IDSET_SEEN);
	assert_ptr_equal(name, a);
	assert_int_equal(line, 7);
	assert_int_equal(idset_add(&s, "3", 1, c, 9, &name, &line), IDSET_SEEN);
	assert_ptr_equal(name, b);
	assert_int_equal(line, 2);
	assert_int_equal(idset_add(&s, "4", 1, c, 9, &name, &line), IDSET_SEEN);
	assert_ptr_equal(name, a);
	assert_int_equal(line, 1);
	assert_int_equal(idset_add(&s, "5", 1, a, 9, &name, &line), IDSET_SEEN);
	assert_ptr_equal(name, c);
	assert_true(line == far);
	/* After the far one, all places are far, and still exact. */
	assert_int_equal(idset_add(&s, "6", 1, b, 9, &name, &line), IDSET_SEEN);
	assert_ptr_equal(name, a);
	assert_int_equal(line, 3);
	idset_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(seen_reports_the_first_place),
		cmocka_unit_test(many_ids_through_growth),
		cmocka_unit_test(a_bound_keeps_the_first),
		cmocka_unit_test(files_and_far_lines),
	};

	return cmocka_run_group_tests_name("idset", tests, NULL, NULL);
}
