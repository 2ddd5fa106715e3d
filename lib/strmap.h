/*
 * A map from byte strings to counts or indexes, for the few places that
 * need a set: duplicate ids, tag counts, ids to pick.  Keys are copied
 * into one growing arena; entries stay in insertion order.
 */
#ifndef QB_STRMAP_H
#define QB_STRMAP_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

struct strmap_entry {
	size_t		 off;	/* of the key in the arena */
	size_t		 len;
	uint64_t	 hash;
	size_t		 value;
};

struct strmap {
	struct strmap_entry	*v;	/* in insertion order */
	size_t			 n;
	size_t			 cap;
	size_t			*slots;	/* 1 + index into v; 0 is empty */
	size_t			 nslots;
	struct buf		 keys;
};

/* A map starts zeroed: struct strmap m = { 0 }. */
/* The entry for key, added with value 0 when absent (*added says which). */
struct strmap_entry	*strmap_put(struct strmap *, const char *key,
			    size_t len, int *added);
struct strmap_entry	*strmap_get(const struct strmap *, const char *key,
			    size_t len);
const char		*strmap_key(const struct strmap *,
			    const struct strmap_entry *);
void			 strmap_free(struct strmap *);
/* Occupied slots looked at so far, by every map: tests check it is linear. */
extern unsigned long long strmap_probes;
/*
 * The key nearest to key by edit distance, for "did you mean": at most
 * max(2, len / 3) edits away (so a typo, not another word), ties to the
 * larger value, then to the earlier entry.  NULL when none is that near.
 */
const struct strmap_entry *strmap_closest(const struct strmap *,
			    const char *key, size_t len);

#endif
