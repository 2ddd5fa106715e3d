#include <math.h>

#include "unit.h"
#include "fsrs.h"

/* 2022-11-29 12:30 UTC, where py-fsrs's tests start. */
#define T0	1669725000LL

/* py-fsrs: Good x6, Again x2, Good x5, each made when the last fell due. */
static void
golden_intervals(void **state)
{
	static const int grades[] = { 3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3 };
	static const int want[] = { 0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7,
	    12, 21 };
	struct fsrs_card c;
	int64_t t = T0;
	size_t i;

	(void)state;
	fsrs_init(&c);
	for (i = 0; i < sizeof(grades) / sizeof(grades[0]); i++) {
		fsrs_review(&c, grades[i], t);
		assert_int_equal((c.due - t) / FSRS_DAY, want[i]);
		t = c.due;
	}
}

/* py-fsrs: Again, then Good x5, made 0, 0, 1, 3, 8 and 21 days apart. */
static void
golden_memory_state(void **state)
{
	static const int grades[] = { 1, 3, 3, 3, 3, 3 };
	static const int gaps[] = { 0, 0, 1, 3, 8, 21 };
	struct fsrs_card c;
	int64_t t = T0;
	size_t i;

	(void)state;
	fsrs_init(&c);
	for (i = 0; i < 6; i++) {
		t += gaps[i] * (int64_t)FSRS_DAY;
		fsrs_review(&c, grades[i], t);
	}
	assert_true(fabs(c.s - 53.62691) < 1e-4);
	assert_true(fabs(c.d - 6.3574867) < 1e-4);
}

/* The learning steps: 1 min, Hard 5.5 min, 10 min, then days. */
static void
learning_steps(void **state)
{
	struct fsrs_card c;

	(void)state;
	fsrs_init(&c);
	fsrs_review(&c, 1, T0);
	assert_int_equal(c.state, FSRS_LEARNING);
	assert_int_equal(c.due - T0, 60);
	fsrs_review(&c, 2, T0 + 60);
	assert_int_equal(c.due - (T0 + 60), 330);
	fsrs_review(&c, 3, T0 + 400);
	assert_int_equal(c.step, 1);
	assert_int_equal(c.due - (T0 + 400), 600);
	fsrs_review(&c, 3, T0 + 1000);
	assert_int_equal(c.state, FSRS_REVIEW);
	assert_true(c.due - (T0 + 1000) >= FSRS_DAY);
	/* A lapse: relearning for 10 minutes, Hard 15. */
	fsrs_review(&c, 1, c.due);
	assert_int_equal(c.state, FSRS_RELEARNING);
	assert_int_equal(c.lapses, 1);
	assert_int_equal(c.due - c.last, 600);
	fsrs_review(&c, 2, c.due);
	assert_int_equal(c.due - c.last, 900);
	fsrs_review(&c, 3, c.due);
	assert_int_equal(c.state, FSRS_REVIEW);
	assert_int_equal(c.reps, 7);
}

/* Easy on a new card goes straight to review: I(w3) days. */
static void
easy_first(void **state)
{
	struct fsrs_card c;

	(void)state;
	fsrs_init(&c);
	fsrs_review(&c, 4, T0);
	assert_int_equal(c.state, FSRS_REVIEW);
	assert_int_equal((c.due - T0) / FSRS_DAY, 8);
	assert_true(fabs(c.s - 8.2956) < 1e-9);
	assert_true(fabs(fsrs_retrievability(&c, T0 + 8 * FSRS_DAY) - 0.9)
	    < 0.01);
}

static void
interval_bounds(void **state)
{
	(void)state;
	assert_int_equal(fsrs_interval(0.001), 1);
	assert_int_equal(fsrs_interval(1e9), 36500);
	assert_int_equal(fsrs_interval(10), 10);
	/* Half to even, as Python's round(): 2.5 is 2. */
	assert_int_equal(fsrs_interval(2.5), 2);
	assert_int_equal(fsrs_interval(3.5), 4);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(golden_intervals),
		cmocka_unit_test(golden_memory_state),
		cmocka_unit_test(learning_steps),
		cmocka_unit_test(easy_first),
		cmocka_unit_test(interval_bounds),
	};

	return cmocka_run_group_tests_name("fsrs", tests, NULL, NULL);
}
