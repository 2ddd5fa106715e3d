/*
 * SipHash is Aumasson and Bernstein's keyed hash, written out here from
 * the paper (SipHash-2-4, whose published test vectors the unit test
 * checks); on short ids it costs little more than FNV-1a, and it keeps
 * the key out of reach of the input.
 * The key comes from getentropy(3); when that fails, /dev/urandom; when
 * that fails too, the clock, the process id and an address: weaker, but
 * still not known to whoever wrote the input.
 */
#define _DEFAULT_SOURCE		/* getentropy(3) */
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "hash.h"

static uint64_t key[2];
static int keyed;

uint64_t
hash_fnv1a(const void *p, size_t n)
{
	const unsigned char *s = p;
	uint64_t h = HASH_FNV_OFFSET;

	while (n-- > 0)
		h = hash_fnv1a_byte(h, *s++);
	return h;
}

void
hash_set_key(uint64_t k0, uint64_t k1)
{
	key[0] = k0;
	key[1] = k1;
	keyed = 1;
}

static void
make_key(void)
{
	struct timespec ts;
	uint64_t k[2];
	int fd;

	if (getentropy(k, sizeof(k)) != 0) {
		if ((fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC)) < 0 ||
		    read(fd, k, sizeof(k)) != (ssize_t)sizeof(k)) {
			clock_gettime(CLOCK_REALTIME, &ts);
			k[0] = (uint64_t)ts.tv_nsec ^
			    ((uint64_t)ts.tv_sec << 30) ^ (uint64_t)getpid();
			k[1] = (uint64_t)(uintptr_t)&k ^ hash_fnv1a(&ts,
			    sizeof(ts));
		}
		if (fd >= 0)
			close(fd);
	}
	hash_set_key(k[0], k[1]);
}

static uint64_t
rotl(uint64_t x, int b)
{
	return (x << b) | (x >> (64 - b));
}

#define SIPROUND(v0, v1, v2, v3) do {					\
	v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);	\
	v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;				\
	v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;				\
	v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);	\
} while (0)

static uint64_t
load64(const unsigned char *p)
{
	uint64_t v = 0;
	int i;

	for (i = 7; i >= 0; i--)
		v = (v << 8) | p[i];	/* little-endian on every machine */
	return v;
}

uint64_t
hash_keyed(const void *data, size_t n)
{
	const unsigned char *p = data, *end;
	uint64_t v0, v1, v2, v3, m, last;
	size_t left = n & 7;

	if (!keyed)
		make_key();
	v0 = key[0] ^ 0x736f6d6570736575ULL;
	v1 = key[1] ^ 0x646f72616e646f6dULL;
	v2 = key[0] ^ 0x6c7967656e657261ULL;
	v3 = key[1] ^ 0x7465646279746573ULL;
	for (end = p + (n - left); p < end; p += 8) {
		m = load64(p);
		v3 ^= m;
		SIPROUND(v0, v1, v2, v3);
		SIPROUND(v0, v1, v2, v3);
		v0 ^= m;
	}
	last = (uint64_t)n << 56;
	while (left-- > 0)
		last |= (uint64_t)p[left] << (8 * left);
	v3 ^= last;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	v0 ^= last;
	v2 ^= 0xff;
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	SIPROUND(v0, v1, v2, v3);
	return v0 ^ v1 ^ v2 ^ v3;
}
