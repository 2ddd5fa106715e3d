#include "unit.h"
#include "out.h"
#include "spill.h"

static void
add(struct spill *s, const char *id)
{
	struct rec r = { 0 };
	char line[64];

	snprintf(line, sizeof(line), "%s\t\tQ %s?", id, id);
	assert_int_equal(rec_parse(&r, line, strlen(line)), REC_RECORD);
	spill_add(s, &r);
	rec_free(&r);
}

/* The rank-k record is the k-th of the ids sorted, whatever their order. */
static void
nth_is_rank_in_id_order(void **state)
{
	static const char *const ids[] = { "m", "b", "zz", "a", "z", "c", "aa",
	    "y", "b1", "n" };
	static const char *const sorted[] = { "a", "aa", "b", "b1", "c", "m",
	    "n", "y", "z", "zz" };
	size_t k, i;

	(void)state;
	for (k = 0; k < 10; k++) {
		struct spill s;

		assert_int_equal(spill_init(&s), 0);
		for (i = 0; i < 10; i++)
			add(&s, ids[(i * 7 + k) % 10]);	/* a different order */
		i = spill_nth_by_id(&s, k);
		assert_int_equal(s.v[i].idlen, strlen(sorted[k]));
		assert_memory_equal(s.ids.p + s.v[i].idoff, sorted[k],
		    strlen(sorted[k]));
		spill_free(&s);
	}
}

static void
many_records_and_write_back(void **state)
{
	struct spill s;
	char id[16], *text;
	FILE *tmp;
	size_t i;
	int saved;

	(void)state;
	assert_int_equal(spill_init(&s), 0);
	for (i = 0; i < 5000; i++) {
		snprintf(id, sizeof(id), "r%05zu", (i * 2654435761u) % 5000);
		add(&s, id);
	}
	i = spill_nth_by_id(&s, 1234);
	saved = capture_start(1, &tmp);
	spill_write(&s, i);
	out_flush();
	text = capture_end(1, saved, tmp);
	assert_string_equal(text, "r01234\t\tQ r01234?\t\n");
	free(text);
	spill_free(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(nth_is_rank_in_id_order),
		cmocka_unit_test(many_records_and_write_back),
	};

	return cmocka_run_group_tests_name("spill", tests, NULL, NULL);
}
