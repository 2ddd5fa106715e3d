/*
 * The ids read so far: open addressing over keyed hashes, linear probing,
 * the table doubled at three quarters full.
 *
 * A slot is 12 bytes: the hash, and where the id was read as one number,
 * its place.  Files are read one after another, so each file's lines get
 * the places after the last one used (its base): a place names the file
 * (the last base at or below it) and the line.  Past 2^32 - 1 places a
 * slot says so, and its id's place is in the far list, in full.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "idset.h"

#define FAR	UINT32_MAX	/* the place is in s->far */

static uint64_t
slot_hash(const struct idset_slot *slot)
{
	return (uint64_t)slot->hash[1] << 32 | slot->hash[0];
}

/* The place of line lineno of name, a new name's lines after all so far. */
static uint64_t
place_of(struct idset *s, const char *name, unsigned long lineno)
{
	/* Records come file after file: only the last name can match. */
	if (s->nnames == 0 || s->names[s->nnames - 1].name != name) {
		if (s->nnames == s->namecap) {
			s->namecap = s->namecap == 0 ? 8 : 2 * s->namecap;
			s->names = xreallocarray(s->names, s->namecap,
			    sizeof(*s->names));
		}
		s->names[s->nnames].name = name;
		s->names[s->nnames++].base = s->end;
	}
	return s->names[s->nnames - 1].base + lineno;
}

/* The file and line of a place: the last file based at or below it. */
static void
where(const struct idset *s, uint64_t place, const char **name,
    unsigned long *lineno)
{
	size_t lo = 0, hi = s->nnames;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (s->names[mid].base <= place)
			lo = mid;
		else
			hi = mid;
	}
	*name = s->names[lo].name;
	*lineno = (unsigned long)(place - s->names[lo].base);
}

static void
remember(struct idset *s, struct idset_slot *slot, uint64_t h,
    const char *name, unsigned long lineno)
{
	uint64_t place = place_of(s, name, lineno);

	slot->hash[0] = (uint32_t)h;
	slot->hash[1] = (uint32_t)(h >> 32);
	if (place >= FAR) {
		if (s->nfar == s->farcap) {
			s->farcap = s->farcap == 0 ? 8 : 2 * s->farcap;
			s->far = xreallocarray(s->far, s->farcap,
			    sizeof(*s->far));
		}
		s->far[s->nfar].hash = h;
		s->far[s->nfar++].place = place;
		slot->place = FAR;
	} else
		slot->place = (uint32_t)place;
	if (place >= s->end)
		s->end = place + 1;
}

/* Where the id in slot was read; a far one is looked for (rarely). */
static void
recall(const struct idset *s, const struct idset_slot *slot,
    const char **name, unsigned long *lineno)
{
	uint64_t h = slot_hash(slot), place = slot->place;
	size_t i;

	if (place == FAR)
		for (i = 0; i < s->nfar; i++)
			if (s->far[i].hash == h) {
				place = s->far[i].place;
				break;
			}
	where(s, place, name, lineno);
}

static struct idset_slot *
find(const struct idset *s, uint64_t h)
{
	size_t i = (size_t)h & s->mask;

	while (slot_hash(&s->slots[i]) != 0 && slot_hash(&s->slots[i]) != h)
		i = (i + 1) & s->mask;
	return &s->slots[i];
}

/*
 * Moves the entry at i to the first empty slot between its home and i,
 * if there is one: then a lookup, which stops at an empty slot, finds it.
 */
static int
settle(struct idset *s, size_t i)
{
	size_t j;

	for (j = (size_t)slot_hash(&s->slots[i]) & s->mask; j != i;
	    j = (j + 1) & s->mask)
		if (slot_hash(&s->slots[j]) == 0) {
			s->slots[j] = s->slots[i];
			memset(&s->slots[i], 0, sizeof(s->slots[i]));
			return 1;
		}
	return 0;
}

/*
 * Doubled in place (realloc() of a large block remaps it, no copy), not
 * into a second table: the old and the new one together would be the
 * peak of a command's memory, half a MiB more than the table itself.
 * Sweeps settle every entry until none moves: each move brings an entry
 * nearer its home, so they end, and then no entry has an empty slot
 * before it on its way from home, which is all a lookup needs.
 */
static void
grow(struct idset *s)
{
	size_t i, oldn = s->slots == NULL ? 0 : s->mask + 1;
	size_t n = oldn == 0 ? 1024 : 2 * oldn;
	int moved;

	if (n > SIZE_MAX / sizeof(*s->slots))
		abort();
	s->slots = xreallocarray(s->slots, n, sizeof(*s->slots));
	/*
	 * Written, not left to the kernel: fresh pages are the shared zero
	 * page until written, and the first write to each then flushes the
	 * TLB of every CPU running another thread of ours (lib/split.c).
	 */
	memset(s->slots + oldn, 0, (n - oldn) * sizeof(*s->slots));
	s->mask = n - 1;
	do {
		moved = 0;
		for (i = 0; i < n; i++)
			if (slot_hash(&s->slots[i]) != 0)
				moved |= settle(s, i);
	} while (moved);
}

enum idset_add
idset_add(struct idset *s, const char *id, size_t len, const char *name,
    unsigned long lineno, const char **first_name,
    unsigned long *first_lineno)
{
	uint64_t h = hash_keyed(id, len);
	struct idset_slot *slot;

	h += h == 0;		/* 0 marks an empty slot */
	if (s->slots == NULL || 4 * (s->n + 1) > 3 * (s->mask + 1)) {
		if (s->slots != NULL && slot_hash(slot = find(s, h)) == h)
			goto seen;
		if (s->max != 0 && s->n >= s->max)
			return IDSET_FULL;
		grow(s);
	}
	slot = find(s, h);
	if (slot_hash(slot) == h)
		goto seen;
	if (s->max != 0 && s->n >= s->max)
		return IDSET_FULL;
	remember(s, slot, h, name, lineno);
	s->n++;
	return IDSET_NEW;
seen:
	recall(s, slot, first_name, first_lineno);
	return IDSET_SEEN;
}

void
idset_free(struct idset *s)
{
	free(s->slots);
	free(s->names);
	free(s->far);
	*s = (struct idset){ .max = s->max };
}
