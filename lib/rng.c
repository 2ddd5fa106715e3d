/*
 * xoshiro256** and SplitMix64 are Blackman and Vigna's public-domain
 * generators, written out here from their published definitions.
 * rng_below() rejects the lowest (2^64 mod n) outputs, then reduces
 * modulo n: the same method as OpenBSD's arc4random_uniform().
 */
#define _DEFAULT_SOURCE		/* getentropy(3) */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "hash.h"
#include "rng.h"

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

static uint64_t
splitmix64(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

void
rng_seed(struct rng *r, uint64_t x)
{
	int i;

	for (i = 0; i < 4; i++)
		r->s[i] = splitmix64(&x);
}

uint64_t
rng_hash(const char *p, size_t len)
{
	return hash_fnv1a(p, len);
}

void
rng_seed_string(struct rng *r, const char *seed)
{
	rng_seed(r, rng_hash(seed, strlen(seed)));
}

int
rng_seed_os(struct rng *r)
{
	if (getentropy(r->s, sizeof(r->s)) != 0)
		return -1;
	if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
		r->s[0] = 1;	/* the one state xoshiro cannot leave */
	return 0;
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t *s = r->s;
	uint64_t result = rotl(s[1] * 5, 7) * 9;
	uint64_t t = s[1] << 17;

	s[2] ^= s[0];
	s[3] ^= s[1];
	s[1] ^= s[2];
	s[0] ^= s[3];
	s[2] ^= t;
	s[3] = rotl(s[3], 45);
	return result;
}

/*
 * The threshold is below n: an output at least n, nearly every one, is
 * taken without working it out, which spares a division a draw.
 */
uint64_t
rng_below(struct rng *r, uint64_t n)
{
	uint64_t x = rng_next(r), threshold;

	if (x < n) {
		threshold = -n % n;
		while (x < threshold)
			x = rng_next(r);
	}
	return x % n;
}
