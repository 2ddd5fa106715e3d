/*
 * All the records of an input, kept for a choice that can only be made at
 * its end (the question of the day): ids in memory, canonical lines in an
 * unnamed temporary file, so memory grows with the ids, not the text.
 */
#ifndef QB_SPILL_H
#define QB_SPILL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

#include "buf.h"
#include "rec.h"

struct spilled {
	size_t		 idoff;		/* in ids; also the input order */
	off_t		 off;		/* of the line in the file */
	size_t		 len;
	uint32_t	 idlen;		/* at most REC_ID_MAX */
	int32_t		 from;		/* index in fds, or -1: the file */
};

struct spill {
	FILE		*file;		/* NULL: the lines are in mem */
	struct buf	 mem;
	off_t		 end;
	struct buf	 ids;
	struct spilled	*v;
	size_t		 n;
	size_t		 cap;
	struct buf	 line;
	int		*fds;		/* inputs lines are kept in */
	size_t		 nfds;
	unsigned long	 lastinput;	/* 1 + the input fds[nfds - 1] is */
};

/* 0 (kept for callers: a spill without a temporary file is in memory). */
int	spill_init(struct spill *);
void	spill_add(struct spill *, const struct rec *);
/*
 * The same, for a record whose canonical line is the len bytes at offset
 * off of the regular file fd, the caller's input number input (0, 1, ...):
 * the line stays where it is (fd is duplicated) and is not copied.
 */
void	spill_add_at(struct spill *, const struct rec *, int fd,
	    unsigned long input, off_t off, size_t len);
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
