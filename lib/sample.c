/*
 * Algorithm R, with one draw per record after the first k: the i-th record
 * (from 1) replaces slot j = below(i) when j < k.  Algorithm L would draw
 * less often, but its skips need log() and exp(), whose last bits differ
 * between C libraries; integer draws keep a seed's picks the same on every
 * machine, and a draw costs a few nanoseconds beside parsing the record.
 */
#include <stdlib.h>
#include <string.h>

#include "sample.h"

void
sample_init(struct sample *s, size_t k)
{
	memset(s, 0, sizeof(*s));
	s->k = k;
}

static struct buf *
new_slot(struct sample *s)
{
	if (s->n == s->cap) {
		size_t cap = s->cap == 0 ? 16 : s->cap * 2;

		if (cap > s->k)
			cap = s->k;
		s->slots = xreallocarray(s->slots, cap, sizeof(*s->slots));
		memset(s->slots + s->cap, 0, (cap - s->cap) * sizeof(*s->slots));
		s->cap = cap;
	}
	return &s->slots[s->n++];
}

size_t
sample_draw(struct sample *s, struct rng *r)
{
	uint64_t j;

	s->seen++;
	if (s->k == 0)
		return SAMPLE_NONE;
	if (s->n < s->k) {
		(void)new_slot(s);
		return s->n - 1;
	}
	j = rng_below(r, s->seen);
	return j < s->k ? (size_t)j : SAMPLE_NONE;
}

void
sample_put(struct sample *s, size_t slot, const struct rec *rec)
{
	buf_reset(&s->slots[slot]);
	rec_format(rec, &s->slots[slot]);
}

void
sample_offer(struct sample *s, struct rng *r, const struct rec *rec)
{
	size_t slot = sample_draw(s, r);

	if (slot != SAMPLE_NONE)
		sample_put(s, slot, rec);
}

void
sample_shuffle(struct sample *s, struct rng *r)
{
	size_t i;

	for (i = s->n; i > 1; i--) {
		size_t j = (size_t)rng_below(r, i);
		struct buf t = s->slots[i - 1];

		s->slots[i - 1] = s->slots[j];
		s->slots[j] = t;
	}
}

void
sample_free(struct sample *s)
{
	size_t i;

	for (i = 0; i < s->cap; i++)
		buf_free(&s->slots[i]);
	free(s->slots);
	memset(s, 0, sizeof(*s));
}
