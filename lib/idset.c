/*
 * The ids read so far: open addressing over keyed hashes, linear probing,
 * the table doubled at three quarters full.
 */
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "hash.h"
#include "idset.h"

static uint32_t
name_index(struct idset *s, const char *name)
{
	/* Records come file after file: only the last name can match. */
	if (s->nnames > 0 && s->names[s->nnames - 1] == name)
		return (uint32_t)(s->nnames - 1);
	if (s->nnames == s->namecap) {
		s->namecap = s->namecap == 0 ? 8 : 2 * s->namecap;
		s->names = xreallocarray(s->names, s->namecap,
		    sizeof(*s->names));
	}
	s->names[s->nnames] = name;
	return (uint32_t)s->nnames++;
}

static struct idset_slot *
find(const struct idset *s, uint64_t h)
{
	size_t i = (size_t)h & s->mask;

	while (s->slots[i].hash != 0 && s->slots[i].hash != h)
		i = (i + 1) & s->mask;
	return &s->slots[i];
}

static void
grow(struct idset *s)
{
	struct idset_slot *old = s->slots;
	size_t i, oldn = s->slots == NULL ? 0 : s->mask + 1;
	size_t n = oldn == 0 ? 1024 : 2 * oldn;

	if (n > SIZE_MAX / sizeof(*s->slots))
		abort();
	/*
	 * Written, not calloc()ed: calloc()'s fresh pages are the shared
	 * zero page until written, and the first write to each then flushes
	 * the TLB of every CPU running another thread of ours (lib/split.c).
	 */
	s->slots = xreallocarray(NULL, n, sizeof(*s->slots));
	memset(s->slots, 0, n * sizeof(*s->slots));
	s->mask = n - 1;
	for (i = 0; i < oldn; i++)
		if (old[i].hash != 0)
			*find(s, old[i].hash) = old[i];
	free(old);
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
		if (s->slots != NULL && (slot = find(s, h))->hash == h)
			goto seen;
		if (s->max != 0 && s->n >= s->max)
			return IDSET_FULL;
		grow(s);
	}
	slot = find(s, h);
	if (slot->hash == h)
		goto seen;
	if (s->max != 0 && s->n >= s->max)
		return IDSET_FULL;
	slot->hash = h;
	slot->name = name_index(s, name);
	slot->lineno = lineno > UINT32_MAX ? UINT32_MAX : (uint32_t)lineno;
	s->n++;
	return IDSET_NEW;
seen:
	*first_name = s->names[slot->name];
	*first_lineno = slot->lineno;
	return IDSET_SEEN;
}

void
idset_free(struct idset *s)
{
	free(s->slots);
	free(s->names);
	s->slots = NULL;
	s->names = NULL;
	s->mask = s->n = s->nnames = s->namecap = 0;
}
