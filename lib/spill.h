/*
 * All the records of an input, kept for a choice that can only be made at
 * its end (the question of the day, picks without repeats): ids in memory,
 * 16 bytes a record besides, lines left where they are in a regular file
 * and copied to an unnamed temporary file otherwise, so memory grows with
 * the ids, not the text.
 */
#ifndef QB_SPILL_H
#define QB_SPILL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "buf.h"
#include "rec.h"
#include "src.h"

struct spilled {
	uint64_t	 at;		/* where the line is: see spill.c */
	uint32_t	 idoff;		/* in ids: a length byte, the id */
	uint32_t	 lineno;	/* where it was read, for messages */
};

struct spill_name {
	size_t		 first;		/* the first record read from it */
	const char	*name;
};

#define SPILL_BATCH	32
#define SPILL_SPREAD	11	/* 2048 parts */
#define SPILL_GONE	UINT64_MAX	/* at: a repeated id, dropped */

struct spill {
	FILE		*file;		/* NULL: the lines are in mem */
	struct buf	 mem;
	off_t		 end;
	char		*ids;		/* not a struct buf: grown untouched */
	size_t		 idslen, idscap;
	struct spilled	*v;		/* the records, in input order */
	size_t		 n;
	size_t		 cap;
	struct buf	 line;
	int		*fds;		/* inputs lines are kept in */
	size_t		 nfds;
	unsigned long	 lastinput;	/* 1 + the input fds[nfds - 1] is */
	struct spill_name *names;	/* the inputs' names, for messages */
	size_t		 nnames, namecap;

	/* The index of spill_unique(): see spill.c. */
	int		 unique;
	int		 reading;	/* spill_done() not called yet */
	uint64_t	 key;
	uint64_t	*slots;		/* tag << 32 | 1 + record; 0: empty */
	unsigned	 bits;		/* 1 << bits slots */
	size_t		 used;
	size_t		 checked;	/* records checked so far */
	size_t		 ngone;		/* repeats dropped */
};

/*
 * An unnamed temporary file (unlinked at once) in TMPDIR, else /tmp;
 * NULL when neither takes it.
 */
FILE	*spill_temporary(void);
/* 0 (kept for callers: a spill without a temporary file is in memory). */
int	spill_init(struct spill *);
/*
 * From now on a record whose id an earlier record has is reported, as
 * src.h does ("duplicate id"), and dropped, by spill_done() at the
 * latest: for every id, however many.
 */
void	spill_unique(struct spill *);
/* Keeps a record, its canonical line copied. */
void	spill_add(struct spill *, const struct rec *);
/*
 * Keeps the record src_next() returned; a qb(5) line in a regular file
 * stays where it is (the file is kept open) and is not copied: one that
 * is not canonical is made canonical again if spill_write() writes it.
 */
void	spill_add_src(struct spill *, struct src *, const struct rec *);
/* Keeps a record another thread read (src_counter's took()). */
void	spill_add_took(struct spill *, struct src *, const struct src_took *);
/* Every record of the input, as spill_add_src() keeps them. */
void	spill_read(struct spill *, struct src *);
/* Record i's id. */
const char *spill_id(const struct spill *, size_t i, size_t *len);
/* Reading is done: repeated ids are reported and dropped, the index freed. */
void	spill_done(struct spill *);
/*
 * Puts the record of rank k in id order (bytes; ties by input order) at
 * index k and returns k: so a choice by rank does not depend on the order
 * of the input.  The other records are left in no particular order.
 */
size_t	spill_nth_by_id(struct spill *, size_t k);
/* Writes record i's canonical line to checked output. */
void	spill_write(struct spill *, size_t i);
void	spill_free(struct spill *);

#endif
