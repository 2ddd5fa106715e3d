/*
 * qb-pick's state file parser and the choice made with it.  A file that
 * parses gives picks that are distinct input records, and new contents
 * that parse again and hold the last pick.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fuzz.h"
#include "state.h"

static void
add(struct spill *sp, const char *id)
{
	struct rec r = { 0 };
	char line[64];

	snprintf(line, sizeof(line), "%s\t\tQ?", id);
	if (rec_parse(&r, line, strlen(line)) != REC_RECORD)
		abort();
	spill_add(sp, &r);
	rec_free(&r);
}

int
LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
	static const char *ids[] = { "a", "b", "c", "d", "x-1", "x-2" };
	struct state s, again;
	struct spill sp;
	struct rng r;
	struct buf text = { 0 };
	size_t pick[8], n, i, j, k = size == 0 ? 1 : 1 + data[0] % 7;

	diag_init("fuzz");
	memset(&s, 0, sizeof(s));
	buf_add(&s.text, data, size);
	if (state_parse(&s) == 0) {
		spill_init(&sp);
		for (i = 0; i < 6; i++)
			if (size < 2 || (data[1] >> i & 1) == 0)
				add(&sp, ids[i]);
		rng_seed(&r, size);
		n = sp.n == 0 ? 0 : state_choose(&s, &r, &sp, k, pick);
		if (n > k || n > sp.n)
			abort();
		for (i = 0; i < n; i++)
			for (j = i + 1; j < n; j++)
				if (pick[i] == pick[j])
					abort();
		state_text(&s, &text);
		memset(&again, 0, sizeof(again));
		buf_add(&again.text, text.p, text.len);
		if (state_parse(&again) != 0)
			abort();
		/* The last pick is recorded, in this round or the new one. */
		if (n > 0) {
			size_t len;
			const char *id = spill_id(&sp, pick[n - 1], &len);

			if (!state_has(&again, id, len))
				abort();
		}
		state_close(&again);
		spill_free(&sp);
		buf_free(&text);
	}
	state_close(&s);
	return 0;
}
