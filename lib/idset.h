/*
 * The ids a command has read, for "duplicate id": each id is kept as its
 * 64-bit keyed hash and the place it was first seen, in 12 bytes, and
 * no copy of the id itself, so that remembering ids stays cheap next to
 * the records streaming through.  Two ids that differ are taken for the
 * same only if their keyed hashes collide: about once in 10^10 for a bank
 * of 10^5 ids, and no input can aim for it (the key is per process).
 */
#ifndef QB_IDSET_H
#define QB_IDSET_H

#include <stddef.h>
#include <stdint.h>

/* 12 bytes: a table of 49152 ids (src.h's bound) is 768 KiB. */
struct idset_slot {
	uint32_t	 hash[2];	/* low, high half; 0: empty */
	uint32_t	 place;		/* file and line, see idset.c */
};

struct idset {
	struct idset_slot *slots;
	size_t		 mask;		/* slots - 1, a power of two less 1 */
	size_t		 n;
	size_t		 max;		/* ids kept at most; 0: no bound */
	struct {			/* the files seen, in order */
		const char	*name;
		uint64_t	 base;	/* the place of its line 0 */
	}		*names;
	size_t		 nnames;
	size_t		 namecap;
	uint64_t	 end;		/* the place after the last used */
	struct {			/* ids with a place past 32 bits */
		uint64_t	 hash;
		uint64_t	 place;
	}		*far;
	size_t		 nfar;
	size_t		 farcap;
};

/* A set starts zeroed, with max set: struct idset s = { .max = N }. */
enum idset_add {
	IDSET_NEW,		/* remembered */
	IDSET_SEEN,		/* seen before, at *name:*lineno */
	IDSET_FULL		/* max ids kept already: not remembered */
};
/*
 * Adds an id read at name:lineno (name must outlive the set).  On
 * IDSET_SEEN, *first_name and *first_lineno say where it was first read.
 */
enum idset_add	idset_add(struct idset *, const char *id, size_t len,
		    const char *name, unsigned long lineno,
		    const char **first_name, unsigned long *first_lineno);
void		idset_free(struct idset *);

#endif
