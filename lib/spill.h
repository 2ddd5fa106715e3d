/*
 * All the records of an input, kept for a choice that can only be made at
 * its end (the question of the day): ids in memory, canonical lines in an
 * unnamed temporary file, so memory grows with the ids, not the text.
 */
#ifndef QB_SPILL_H
#define QB_SPILL_H

#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "buf.h"
#include "rec.h"

struct spilled {
	size_t		 idoff;		/* in ids */
	size_t		 idlen;
	off_t		 off;		/* of the line in the file */
	size_t		 len;
};

struct spill {
	FILE		*file;
	off_t		 end;
	struct buf	 ids;
	struct spilled	*v;
	size_t		 n;
	size_t		 cap;
	struct buf	 line;
};

/* 0, or -1 after a report when no temporary file can be made. */
int	spill_init(struct spill *);
void	spill_add(struct spill *, const struct rec *);
/* Sorts the records by id (bytes), so that their order no longer matters. */
void	spill_sort_by_id(struct spill *);
/* Writes record i's canonical line to checked output. */
void	spill_write(struct spill *, size_t i);
void	spill_free(struct spill *);

#endif
