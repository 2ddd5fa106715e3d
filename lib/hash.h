/*
 * The two hashes qb uses.  FNV-1a 64 is part of the file formats (derived
 * ids, --seed, the question of the day) and never changes.  The keyed hash
 * is for tables of keys that come from input: its key is drawn once a
 * process, so no input can be made to collide on purpose.
 */
#ifndef QB_HASH_H
#define QB_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV_OFFSET	0xcbf29ce484222325ULL
#define HASH_FNV_PRIME	0x100000001b3ULL

/* One byte more of FNV-1a 64, for callers that transform bytes as they go. */
static inline uint64_t
hash_fnv1a_byte(uint64_t h, unsigned char c)
{
	return (h ^ c) * HASH_FNV_PRIME;
}

/* FNV-1a 64 of the bytes. */
uint64_t	hash_fnv1a(const void *, size_t);
/*
 * SipHash-2-4 of the bytes under this process's key, taken from the
 * system's randomness on first use (see hash_set_key).
 */
uint64_t	hash_keyed(const void *, size_t);
/* Sets the key (tests want one they know). */
void		hash_set_key(uint64_t k0, uint64_t k1);

#endif
