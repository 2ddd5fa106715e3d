/*
 * Each way reads the whole input through src.h, so malformed lines are
 * reported where they are, and writes with out.h.  Only the choice needs
 * memory: k records for random picks, the ids (spill.h) for the others
 * that choose at the end, the records asked for by id or position.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "out.h"
#include "pick.h"
#include "rng.h"
#include "sample.h"
#include "spill.h"
#include "state.h"
#include "strmap.h"

static void
seed_rng(struct rng *r, const char *seed)
{
	if (seed != NULL)
		rng_seed_string(r, seed);
	else if (rng_seed_os(r) != 0)
		diag_fatal("cannot get randomness from the system");
}

static void
write_slots(const struct sample *sm, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		out_write(sm->slots[i].p, sm->slots[i].len);
}

/* Random picks offered records by src_count(). */
struct offers {
	struct sample	 sample;
	struct rng	 rng;
};

static int
offer(struct src *s, void *arg)
{
	struct offers *o = arg;

	sample_offer(&o->sample, &o->rng, &s->rec);
	return 1;
}

/*
 * Another thread's n records, offered with the same draws as one by one;
 * only the last record each slot takes is read again.
 */
static void
offer_ahead(struct src *s, unsigned long n, void *arg)
{
	struct offers *o = arg;
	unsigned long last[PICK_AHEAD_MAX], i;
	size_t order[PICK_AHEAD_MAX], nslots = 0, slot, a, b;

	for (slot = 0; slot < PICK_AHEAD_MAX; slot++)
		last[slot] = ULONG_MAX;
	for (i = 0; i < n; i++)
		if ((slot = sample_draw(&o->sample, &o->rng)) != SAMPLE_NONE)
			last[slot] = i;
	for (slot = 0; slot < PICK_AHEAD_MAX; slot++)
		if (last[slot] != ULONG_MAX)
			order[nslots++] = slot;
	/* In file order, so each is read on from the one before. */
	for (a = 1; a < nslots; a++)
		for (b = a; b > 0 && last[order[b - 1]] > last[order[b]]; b--) {
			slot = order[b];
			order[b] = order[b - 1];
			order[b - 1] = slot;
		}
	for (a = 0; a < nslots; a++)
		sample_put(&o->sample, order[a],
		    src_ahead_rec(s, last[order[a]]));
}

/*
 * Random picks without state: memory grows with -n, not the input.  Up to
 * PICK_AHEAD_MAX picks, a big file's second half is read by another thread
 * (src_count()).
 */
int
pick_random(struct src *s, size_t count, const char *seed)
{
	struct offers o;
	struct src_counter c = { .keep = offer, .ctx = &o,
	    .ahead = offer_ahead };
	struct rec *rec;
	size_t n;

	seed_rng(&o.rng, seed);
	sample_init(&o.sample, count);
	if (count <= PICK_AHEAD_MAX)
		(void)src_count(s, &c);
	else
		while ((rec = src_next(s)) != NULL)
			sample_offer(&o.sample, &o.rng, rec);
	sample_shuffle(&o.sample, &o.rng);
	write_slots(&o.sample, o.sample.n);
	n = o.sample.n;
	sample_free(&o.sample);
	return n > 0;
}

/*
 * Random picks with a state file.  The path is checked first, the input
 * read without the lock, and the lock held only to choose, write the
 * picks and record them: output that failed ends the command before the
 * commit (a write error, or SIGPIPE), so nothing unseen is recorded.  No
 * input, no change.  The state is not updated when the input had errors.
 */
int
pick_state(struct src *s, size_t count, const char *seed,
    const char *path)
{
	struct state st;
	struct spill sp;
	struct rng r;
	size_t *pick = NULL, n = 0, i;

	seed_rng(&r, seed);
	if (state_init(&st, path) != 0) {
		state_close(&st);
		return 0;
	}
	spill_init(&sp);
	spill_read(&sp, s);
	if (sp.n > 0 && count > 0 && state_lock(&st) == 0) {
		pick = xcalloc((sp.n < count ? sp.n : count) + 1,
		    sizeof(*pick));
		n = state_choose(&st, &r, &sp, count, pick);
		for (i = 0; i < n; i++)
			spill_write(&sp, pick[i]);
		out_flush_seen();
		if (n > 0 && diag_status() < STATUS_TROUBLE)
			state_commit(&st);
	}
	state_close(&st);
	spill_free(&sp);
	free(pick);
	return n > 0;
}

/*
 * Every record is kept for the choice at the end; a big file's second
 * half is read by another thread and passed on (src_count()).
 */
static int
keep_daily(struct src *s, void *arg)
{
	spill_add_src(arg, s, &s->rec);
	return 1;
}

static void
took_daily(struct src *s, const struct src_took *t, void *arg)
{
	spill_add_took(arg, s, t);
}

int
pick_daily(struct src *s, const struct when *dates, size_t ndates,
    enum period period, const char *seed)
{
	static const struct when today;
	struct date now = daily_today();
	struct spill sp;
	struct src_counter c = { .keep = keep_daily, .ctx = &sp,
	    .took = took_daily, .share = 45 };
	int picked = 0;
	size_t i;

	if (spill_init(&sp) != 0)
		return 0;
	/* A duplicate would be the question of two days: every id counts. */
	spill_unique(&sp);
	(void)src_count(s, &c);
	spill_done(&sp);
	/* A record for each --date, in the order given. */
	for (i = 0; sp.n > 0 && i < (ndates > 0 ? ndates : 1); i++) {
		int64_t p;
		size_t rank;

		if (daily_when_period(ndates > 0 ? &dates[i] : &today, now,
		    period, &p) != 0) {
			diag_warn("date out of range (years 1 to 9999)");
			continue;
		}
		rank = daily_index(sp.n, seed != NULL ? seed : "qb", p);
		spill_write(&sp, spill_nth_by_id(&sp, rank));
		picked = 1;
	}
	spill_free(&sp);
	return picked;
}

int
pick_ids(struct src *s, char *const *ids, size_t nids)
{
	struct strmap wanted = { 0 };
	struct buf *found;
	struct rec *rec;
	size_t i, printed = 0;

	for (i = 0; i < nids; i++) {
		int added;
		struct strmap_entry *e = strmap_put(&wanted, ids[i],
		    strlen(ids[i]), &added);

		if (added)
			e->value = wanted.n - 1;
	}
	found = xcalloc(wanted.n, sizeof(*found));
	while ((rec = src_next(s)) != NULL) {
		struct strmap_entry *e = strmap_get(&wanted, rec->id.p,
		    rec->id.len);

		if (e != NULL && found[e->value].len == 0)
			rec_format(rec, &found[e->value]);
	}
	for (i = 0; i < nids; i++) {
		struct buf *b = &found[strmap_get(&wanted, ids[i],
		    strlen(ids[i]))->value];

		if (b->len == 0) {
			diag_notice("no record with id '%s'", ids[i]);
			continue;
		}
		out_write(b->p, b->len);
		printed++;
	}
	for (i = 0; i < wanted.n; i++)
		buf_free(&found[i]);
	free(found);
	strmap_free(&wanted);
	return printed > 0;
}

static void
missing(uint64_t lo, uint64_t hi, uint64_t n)
{
	if (lo == hi)
		diag_notice("no record at position %llu (there are %llu)",
		    (unsigned long long)lo, (unsigned long long)n);
	else
		diag_notice("no records at positions %llu-%llu (there are "
		    "%llu)", (unsigned long long)lo, (unsigned long long)hi,
		    (unsigned long long)n);
}

int
pick_index(struct src *s, const struct range *ranges, size_t nranges)
{
	struct range_store keep = { 0 };
	size_t i, printed = 0;
	uint64_t pos = 0;
	struct rec *rec;

	while ((rec = src_next(s)) != NULL)
		if (range_contains(ranges, nranges, ++pos))
			range_keep(&keep, pos, rec);
	for (i = 0; i < nranges; i++) {
		const struct range *g = &ranges[i];

		if (g->lo <= pos)
			printed += range_write(&keep, g);
		/* "9-" is to the end, however far that is; "9-12" is not. */
		if (g->lo > pos)
			missing(g->lo, g->hi == RANGE_OPEN ? g->lo : g->hi, pos);
		else if (g->hi != RANGE_OPEN && g->hi > pos)
			missing(pos + 1, g->hi, pos);
	}
	range_store_free(&keep);
	return printed > 0;
}
