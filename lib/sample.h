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
/* Puts the held records in random order (Fisher-Yates, last to first). */
void	sample_shuffle(struct sample *, struct rng *);
void	sample_free(struct sample *);

#endif
