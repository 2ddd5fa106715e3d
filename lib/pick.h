/*
 * The ways qb-pick chooses records from a whole input, each writing its
 * picks to checked output and returning 1 when it wrote any: at random,
 * without repeats (a state file), the question of the day, by id and by
 * position.  Their rules are qb-pick(1)'s.
 */
#ifndef QB_PICK_H
#define QB_PICK_H

#include <stddef.h>

#include "daily.h"
#include "range.h"
#include "src.h"

/*
 * count records at random, in random order, seeded by the string seed
 * (NULL: from the system): memory grows with count, not the input.
 */
int	pick_random(struct src *, size_t count, const char *seed);
#define PICK_AHEAD_MAX	64
/* The same with no repeats until every record came, by the state file. */
int	pick_state(struct src *, size_t count, const char *seed,
	    const char *path);
/* The question of each of the dates (none: today); seed NULL: "qb". */
int	pick_daily(struct src *, const struct when *, size_t ndates,
	    enum period, const char *seed);
/* The records with these ids, in the order given; those not found told. */
int	pick_ids(struct src *, char *const *ids, size_t n);
/* The records at these positions; those past the end told. */
int	pick_index(struct src *, const struct range *, size_t n);

#endif
