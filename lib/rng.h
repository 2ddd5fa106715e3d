/*
 * The pseudo-random generator qb-pick names in its manual and keeps fixed
 * forever, so a seed gives the same picks on every machine and in every
 * version: xoshiro256** 1.0, its state filled by SplitMix64, bounded
 * integers by rejection (no modulo bias).
 */
#ifndef QB_RNG_H
#define QB_RNG_H

#include <stddef.h>
#include <stdint.h>

struct rng {
	uint64_t	s[4];
};

/* State from SplitMix64 started at x. */
void		rng_seed(struct rng *, uint64_t x);
/* State from SplitMix64 started at the FNV-1a 64 hash of the string. */
void		rng_seed_string(struct rng *, const char *seed);
/* State from the operating system's entropy; -1 with errno on failure. */
int		rng_seed_os(struct rng *);
uint64_t	rng_next(struct rng *);
/* Uniform in [0, n), n > 0. */
uint64_t	rng_below(struct rng *, uint64_t n);
/* FNV-1a 64 of a string, as the --seed option hashes it. */
uint64_t	rng_hash(const char *p, size_t len);

#endif
