/*
 * Uniform random samples of k records from a stream of unknown length, in
 * memory proportional to k: reservoir sampling, with canonical lines kept
 * in buffers that are reused when a record is replaced.
 */
#ifndef QB_SAMPLE_H
#define QB_SAMPLE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "rec.h"
#include "rng.h"

struct sample {
	size_t		 k;	/* wanted */
	uint64_t	 seen;	/* records offered */
	size_t		 n;	/* records held: min(k, seen) */
	struct buf	*slots;	/* n canonical lines, LF included */
	size_t		 cap;
};

void	sample_init(struct sample *, size_t k);
void	sample_offer(struct sample *, struct rng *, const struct rec *);
/*
 * sample_offer() in two steps, for a record read later: the draw for the
 * next record, the slot it goes to (SAMPLE_NONE: it is not taken), then
 * the record put there.  A slot drawn must be put before the output.
 */
#define SAMPLE_NONE	((size_t)-1)
size_t	sample_draw(struct sample *, struct rng *);
void	sample_put(struct sample *, size_t slot, const struct rec *);
/* Puts the held records in random order (Fisher-Yates, last to first). */
void	sample_shuffle(struct sample *, struct rng *);
void	sample_free(struct sample *);

#endif
