#include "unit.h"
#include "diag.h"
#include "state.h"

static char path[] = "/tmp/qb-state-XXXXXX";

static int
setup(void **state)
{
	(void)state;
	close(mkstemp(path));
	unlink(path);
	diag_init("qb-test");
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	unlink(path);
	return 0;
}

static char *
contents(void)
{
	static char text[4096];
	FILE *f = fopen(path, "r");
	size_t n;

	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static void
write_file(const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A spill of the records with these ids, comma-separated. */
static void
spill_of(struct spill *sp, const char *ids)
{
	char *copy = strdup(ids), *id, *save = NULL;

	spill_init(sp);
	for (id = strtok_r(copy, ",", &save); id != NULL;
	    id = strtok_r(NULL, ",", &save)) {
		struct rec r = { 0 };
		char line[64];

		snprintf(line, sizeof(line), "%s\t\tQ %s?", id, id);
		assert_int_equal(rec_parse(&r, line, strlen(line)), REC_RECORD);
		spill_add(sp, &r);
		rec_free(&r);
	}
	free(copy);
}

/* One run: picks k of ids with the state file; returns the ids picked. */
static char *
run(const char *ids, size_t k, uint64_t seed)
{
	static char out[1024];
	struct state s;
	struct spill sp;
	struct rng r;
	size_t pick[64], n, i;

	rng_seed(&r, seed);
	spill_of(&sp, ids);
	assert_int_equal(state_init(&s, path), 0);
	assert_int_equal(state_lock(&s), 0);
	n = state_choose(&s, &r, &sp, k, pick);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		size_t len;
		const char *id = spill_id(&sp, pick[i], &len);

		strncat(out, id, len);
		strcat(out, " ");
	}
	assert_int_equal(state_commit(&s), 0);
	state_close(&s);
	spill_free(&sp);
	return out;
}

static void
missing_file_is_created_empty(void **state)
{
	struct state s;

	(void)state;
	assert_int_equal(state_init(&s, path), 0);
	assert_int_equal(state_lock(&s), 0);
	assert_int_equal(s.ids.n, 0);
	state_close(&s);
	assert_string_equal(contents(), "");
}

static void
hand_edits_are_kept(void **state)
{
	(void)state;
	write_file("# asked so far\n\n  a  \n\tb\n");
	assert_string_equal(run("a,b,c", 1, 1), "c ");
	assert_string_equal(contents(), "# asked so far\n\n  a  \n\tb\nc\n");
}

static void
round_end_forgets_only_the_inputs_ids(void **state)
{
	(void)state;
	/* x and y belong to another topic: their progress stays. */
	write_file("x\na\ny\nb\n");
	assert_string_equal(run("a,b", 1, 7) , "a ");
	assert_string_equal(contents(), "x\ny\na\n");
}

/* The record that ended a round never starts the next: 1000 seeds. */
static void
new_round_never_starts_with_the_last(void **state)
{
	uint64_t seed;

	(void)state;
	for (seed = 0; seed < 1000; seed++) {
		write_file("c\nb\na\n");
		assert_true(run("a,b,c", 1, seed)[0] != 'a');
		assert_true(strchr("bc", contents()[0]) != NULL);
	}
}

static void
rest_of_round_then_new_round(void **state)
{
	char *got;

	(void)state;
	write_file("a\nb\n");
	got = run("a,b,c", 2, 3);
	assert_int_equal(got[0], 'c');		/* the round's rest first */
	assert_true(got[2] == 'a' || got[2] == 'b');
	assert_int_equal(strlen(contents()), 2);	/* the new round's one */
}

static void
new_records_join_the_round(void **state)
{
	(void)state;
	write_file("a\nb\n");
	assert_string_equal(run("a,b,c,d", 2, 5)[0] != 'a' ? "ok" : "no",
	    "ok");
	assert_int_equal(strlen(contents()), 8);	/* a b + c d */
}

static void
corrupt_file_is_an_error_and_left_alone(void **state)
{
	struct state s;
	FILE *tmp;
	char *err;
	int saved;

	(void)state;
	write_file("id-a\nnot an id\n");
	saved = capture_start(2, &tmp);
	assert_int_equal(state_init(&s, path), 0);
	assert_int_equal(state_lock(&s), -1);
	err = capture_end(2, saved, tmp);
	state_close(&s);
	assert_non_null(strstr(err, ":2: not an id"));
	assert_string_equal(contents(), "id-a\nnot an id\n");
	assert_int_equal(diag_status(), STATUS_TROUBLE);
	free(err);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(missing_file_is_created_empty),
		cmocka_unit_test(hand_edits_are_kept),
		cmocka_unit_test(round_end_forgets_only_the_inputs_ids),
		cmocka_unit_test(new_round_never_starts_with_the_last),
		cmocka_unit_test(rest_of_round_then_new_round),
		cmocka_unit_test(new_records_join_the_round),
		cmocka_unit_test(corrupt_file_is_an_error_and_left_alone),
	};

	return cmocka_run_group_tests_name("state", tests, setup, teardown);
}
