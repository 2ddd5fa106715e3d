#include "unit.h"
#include "hash.h"
#include "rng.h"

/* The published FNV-1a 64 values (Fowler, Noll and Vo's test suite). */
static void
fnv1a_known_values(void **state)
{
	(void)state;
	assert_true(hash_fnv1a("", 0) == 0xcbf29ce484222325ULL);
	assert_true(hash_fnv1a("a", 1) == 0xaf63dc4c8601ec8cULL);
	assert_true(hash_fnv1a("foobar", 6) == 0x85944171f73967e8ULL);
	/* --seed hashes its string with it: the daily rule depends on that. */
	assert_true(rng_hash("qb", 2) == hash_fnv1a("qb", 2));
}

/* SipHash-2-4's reference vectors: key 00..0f, messages 00..(n-1). */
static void
siphash_reference_vectors(void **state)
{
	unsigned char msg[64];
	int i;

	(void)state;
	for (i = 0; i < 64; i++)
		msg[i] = (unsigned char)i;
	hash_set_key(0x0706050403020100ULL, 0x0f0e0d0c0b0a0908ULL);
	assert_true(hash_keyed(msg, 0) == 0x726fdb47dd0e0e31ULL);
	assert_true(hash_keyed(msg, 1) == 0x74f839c593dc67fdULL);
	assert_true(hash_keyed(msg, 8) == 0x93f5f5799a932462ULL);
	assert_true(hash_keyed(msg, 15) == 0xa129ca6149be45e5ULL);
	assert_true(hash_keyed(msg, 63) == 0x958a324ceb064572ULL);
}

/* Another key, another hash: what the input cannot know, it cannot aim. */
static void
keyed_depends_on_key(void **state)
{
	uint64_t a, b;

	(void)state;
	hash_set_key(1, 2);
	a = hash_keyed("some-id", 7);
	hash_set_key(3, 4);
	b = hash_keyed("some-id", 7);
	assert_true(a != b);
	assert_true(hash_keyed("some-id", 7) == b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fnv1a_known_values),
		cmocka_unit_test(siphash_reference_vectors),
		cmocka_unit_test(keyed_depends_on_key),
	};

	return cmocka_run_group_tests_name("hash", tests, NULL, NULL);
}
